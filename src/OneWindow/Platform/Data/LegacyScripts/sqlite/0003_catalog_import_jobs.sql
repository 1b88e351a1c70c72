-- 0003: background catalogue imports with progress.
-- Generated from the EF model with 'OneWindow schema-script sqlite', then trimmed to the new table.

CREATE TABLE "catalog_import_jobs" (
    "id" TEXT NOT NULL CONSTRAINT "pk_catalog_import_jobs" PRIMARY KEY,
    "region_code" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content" BLOB NOT NULL,
    "requested_by_id" TEXT NOT NULL,
    "requested_by_name" TEXT NOT NULL,
    "requested_by_roles" TEXT NOT NULL,
    "requested_by_department" TEXT NULL,
    "status" INTEGER NOT NULL,
    "total" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL,
    "report_json" TEXT NULL,
    "error" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "finished_at" INTEGER NULL
);

CREATE INDEX "ix_catalog_import_jobs_created_at" ON "catalog_import_jobs" ("created_at");

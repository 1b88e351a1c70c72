-- 0002: catalogue (service_items, versioned, materials and form as JSON) and content-addressed files.
-- Generated from the EF model with 'OneWindow schema-script sqlite', then trimmed to the new tables.

CREATE TABLE "file_contents" (
    "sha256" TEXT NOT NULL CONSTRAINT "pk_file_contents" PRIMARY KEY,
    "bytes" BLOB NOT NULL
);

CREATE TABLE "service_items" (
    "id" TEXT NOT NULL CONSTRAINT "pk_service_items" PRIMARY KEY,
    "code" TEXT NOT NULL,
    "item_version" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "is_current" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "department_code" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "applicant_type" INTEGER NOT NULL,
    "case_type" INTEGER NOT NULL,
    "statutory_days" INTEGER NOT NULL,
    "committed_days" INTEGER NOT NULL,
    "fee" TEXT NOT NULL,
    "legal_basis" TEXT NOT NULL,
    "conditions" TEXT NOT NULL,
    "visits_required" INTEGER NOT NULL,
    "online_depth" INTEGER NOT NULL,
    "license_type" TEXT NULL,
    "flow" INTEGER NOT NULL,
    "allows_deferral" INTEGER NOT NULL,
    "allows_pledge" INTEGER NOT NULL,
    "supervising_department_code" TEXT NULL,
    "life_events" TEXT NOT NULL,
    "keywords" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "materials_json" TEXT NOT NULL,
    "form_json" TEXT NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "updated_by" TEXT NOT NULL,
    "published_at" INTEGER NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "stored_files" (
    "id" TEXT NOT NULL CONSTRAINT "pk_stored_files" PRIMARY KEY,
    "sha256" TEXT NOT NULL,
    "file_name" TEXT NOT NULL,
    "content_type" TEXT NOT NULL,
    "size" INTEGER NOT NULL,
    "public" INTEGER NOT NULL,
    "uploaded_by" TEXT NOT NULL,
    "uploaded_at" INTEGER NOT NULL,
    "region_code" TEXT NOT NULL
);

CREATE UNIQUE INDEX "ix_service_items_code_item_version" ON "service_items" ("code", "item_version");

CREATE INDEX "ix_service_items_is_current_department_code" ON "service_items" ("is_current", "department_code");

CREATE INDEX "ix_service_items_region_code_is_current" ON "service_items" ("region_code", "is_current");

CREATE INDEX "ix_stored_files_sha256" ON "stored_files" ("sha256");

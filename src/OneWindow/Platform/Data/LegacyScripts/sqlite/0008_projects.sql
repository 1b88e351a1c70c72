-- 0008: construction projects (工程建设项目), their stages and joint reviews; 特别程序 on cases; the day a bundle was decided.
-- Generated from the EF model with 'OneWindow schema-script' (sqlite), then trimmed to what is new.

CREATE TABLE "joint_reviews" (
    "id" TEXT NOT NULL CONSTRAINT "pk_joint_reviews" PRIMARY KEY,
    "project_id" TEXT NOT NULL,
    "kind" INTEGER NOT NULL,
    "title" TEXT NOT NULL,
    "scheduled_on" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "case_ids_json" TEXT NOT NULL,
    "departments_json" TEXT NOT NULL,
    "opinions_json" TEXT NOT NULL,
    "file_ids_json" TEXT NOT NULL,
    "started_on" TEXT NOT NULL,
    "concluded_on" TEXT NULL,
    "verdict" INTEGER NULL,
    "conclusion" TEXT NULL,
    "created_by" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "project_stages" (
    "project_id" TEXT NOT NULL,
    "number" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "bundle_code" TEXT NOT NULL,
    "application_id" TEXT NULL,
    CONSTRAINT "pk_project_stages" PRIMARY KEY ("project_id", "number")
);

CREATE TABLE "projects" (
    "id" TEXT NOT NULL CONSTRAINT "pk_projects" PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "owner_name" TEXT NOT NULL,
    "owner_code" TEXT NOT NULL,
    "owner_mobile" TEXT NOT NULL,
    "location" TEXT NOT NULL,
    "latitude" REAL NULL,
    "longitude" REAL NULL,
    "investment" TEXT NOT NULL,
    "floor_area" TEXT NOT NULL,
    "risk_class" INTEGER NOT NULL,
    "limit_days" INTEGER NOT NULL,
    "steward_user_id" TEXT NULL,
    "steward_name" TEXT NULL,
    "deadline_state" INTEGER NOT NULL,
    "created_at" INTEGER NOT NULL,
    "created_by" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE INDEX "ix_joint_reviews_project_id" ON "joint_reviews" ("project_id");

CREATE UNIQUE INDEX "ix_project_stages_application_id" ON "project_stages" ("application_id");

CREATE UNIQUE INDEX "ix_projects_code" ON "projects" ("code");

CREATE INDEX "ix_projects_steward_user_id" ON "projects" ("steward_user_id");

ALTER TABLE "cases" ADD COLUMN "special_procedure_since" TEXT NULL;

ALTER TABLE "cases" ADD COLUMN "procedures_json" TEXT NOT NULL DEFAULT '[]';

ALTER TABLE "bundle_applications" ADD COLUMN "decided_on" TEXT NULL;

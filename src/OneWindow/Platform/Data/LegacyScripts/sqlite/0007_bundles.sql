-- 0007: 一件事 bundles, their applications, and the sub-cases' link to them.
-- Generated from the EF model with 'OneWindow schema-script' (sqlite), then trimmed to what is new.

CREATE TABLE "bundle_applications" (
    "id" TEXT NOT NULL CONSTRAINT "pk_bundle_applications" PRIMARY KEY,
    "number" TEXT NOT NULL,
    "bundle_code" TEXT NOT NULL,
    "bundle_name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "lead_department" TEXT NOT NULL,
    "committed_days" INTEGER NOT NULL,
    "issuance" INTEGER NOT NULL,
    "on_denial" INTEGER NOT NULL,
    "applicant_kind" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "applicant_code" TEXT NOT NULL,
    "applicant_mobile" TEXT NOT NULL,
    "applicant_user_id" TEXT NULL,
    "submitted_by_id" TEXT NOT NULL,
    "idempotency_key" TEXT NULL,
    "channel" INTEGER NOT NULL,
    "submitted_at" INTEGER NOT NULL,
    "form_json" TEXT NOT NULL,
    "materials_json" TEXT NOT NULL,
    "accepted_on" TEXT NULL,
    "due_date" TEXT NULL,
    "stop_reason" TEXT NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "bundles" (
    "code" TEXT NOT NULL CONSTRAINT "pk_bundles" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "lead_department" TEXT NOT NULL,
    "item_codes_json" TEXT NOT NULL,
    "committed_days" INTEGER NOT NULL,
    "issuance" INTEGER NOT NULL,
    "on_denial" INTEGER NOT NULL,
    "resolutions_json" TEXT NOT NULL,
    "published" INTEGER NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "version" INTEGER NOT NULL
);

CREATE INDEX "ix_bundle_applications_applicant_user_id" ON "bundle_applications" ("applicant_user_id");

CREATE UNIQUE INDEX "ix_bundle_applications_number" ON "bundle_applications" ("number");

CREATE INDEX "ix_bundle_applications_region_code_submitted_at" ON "bundle_applications" ("region_code", "submitted_at");

CREATE UNIQUE INDEX "ix_bundle_applications_submitted_by_id_idempotency_key" ON "bundle_applications" ("submitted_by_id", "idempotency_key");

ALTER TABLE "cases" ADD COLUMN "bundle_application_id" TEXT NULL;

ALTER TABLE "cases" ADD COLUMN "joint_issuance" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "cases" ADD COLUMN "provided_within_bundle_json" TEXT NOT NULL DEFAULT '[]';

CREATE INDEX "ix_cases_bundle_application_id" ON "cases" ("bundle_application_id");

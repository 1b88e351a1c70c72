-- 0004: cases (办件) and their daily number counters.
-- Generated from the EF model with 'OneWindow schema-script sqlite', then trimmed to the new tables.

CREATE TABLE "case_number_counters" (
    "region_code" TEXT NOT NULL,
    "day" TEXT NOT NULL,
    "last_value" INTEGER NOT NULL,
    CONSTRAINT "pk_case_number_counters" PRIMARY KEY ("region_code", "day")
);

CREATE TABLE "cases" (
    "id" TEXT NOT NULL CONSTRAINT "pk_cases" PRIMARY KEY,
    "number" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "item_code" TEXT NOT NULL,
    "item_version_id" TEXT NOT NULL,
    "item_name" TEXT NOT NULL,
    "department_code" TEXT NOT NULL,
    "sole_approver" INTEGER NOT NULL,
    "applicant_kind" TEXT NOT NULL,
    "applicant_name" TEXT NOT NULL,
    "applicant_code" TEXT NOT NULL,
    "applicant_mobile" TEXT NOT NULL,
    "applicant_user_id" TEXT NULL,
    "submitted_by_id" TEXT NOT NULL,
    "idempotency_key" TEXT NULL,
    "submitted_at" INTEGER NOT NULL,
    "form_json" TEXT NOT NULL,
    "materials_json" TEXT NOT NULL,
    "committed_days" INTEGER NOT NULL,
    "channel" INTEGER NOT NULL,
    "status" INTEGER NOT NULL,
    "resume_status" INTEGER NULL,
    "accepted_on" TEXT NULL,
    "due_date" TEXT NULL,
    "paused_since" TEXT NULL,
    "pauses_json" TEXT NOT NULL,
    "deficiencies_json" TEXT NOT NULL,
    "deferred_materials_json" TEXT NOT NULL,
    "pledge_due_date" TEXT NULL,
    "review_recommendation" INTEGER NULL,
    "review_opinion" TEXT NULL,
    "decision_opinion" TEXT NULL,
    "decline_reason" TEXT NULL,
    "delivery" INTEGER NULL,
    "version" INTEGER NOT NULL
);

CREATE INDEX "ix_cases_applicant_user_id" ON "cases" ("applicant_user_id");

CREATE INDEX "ix_cases_department_code_status" ON "cases" ("department_code", "status");

CREATE UNIQUE INDEX "ix_cases_number" ON "cases" ("number");

CREATE INDEX "ix_cases_region_code_status" ON "cases" ("region_code", "status");

CREATE UNIQUE INDEX "ix_cases_submitted_by_id_idempotency_key" ON "cases" ("submitted_by_id", "idempotency_key");

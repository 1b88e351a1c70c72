-- 0012: 好差评 (one rating per service event, unique) and the rectifications bad ratings open.
-- Generated from the EF model with 'OneWindow schema-script' (sqlite), then trimmed to what is new.

CREATE TABLE "ratings" (
    "id" TEXT NOT NULL CONSTRAINT "pk_ratings" PRIMARY KEY,
    "region_code" TEXT NOT NULL,
    "subject_type" INTEGER NOT NULL,
    "subject_id" TEXT NOT NULL,
    "subject_label" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "comment" TEXT NULL,
    "channel" INTEGER NOT NULL,
    "department_code" TEXT NOT NULL,
    "staff_user_id" TEXT NULL,
    "staff_name" TEXT NULL,
    "rated_by" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "rectification_id" TEXT NULL
);

CREATE TABLE "rectifications" (
    "id" TEXT NOT NULL CONSTRAINT "pk_rectifications" PRIMARY KEY,
    "region_code" TEXT NOT NULL,
    "rating_id" TEXT NOT NULL,
    "department_code" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "level" INTEGER NOT NULL,
    "comment" TEXT NULL,
    "status" INTEGER NOT NULL,
    "due_date" TEXT NOT NULL,
    "opened_at" INTEGER NOT NULL,
    "verify_note" TEXT NULL,
    "rectify_note" TEXT NULL,
    "feedback_note" TEXT NULL,
    "handled_by" TEXT NULL,
    "closed_at" INTEGER NULL,
    "version" INTEGER NOT NULL
);

CREATE INDEX "ix_ratings_department_code_created_at" ON "ratings" ("department_code", "created_at");

CREATE INDEX "ix_ratings_region_code_created_at" ON "ratings" ("region_code", "created_at");

CREATE UNIQUE INDEX "ix_ratings_subject_type_subject_id" ON "ratings" ("subject_type", "subject_id");

CREATE INDEX "ix_rectifications_department_code_status_due_date" ON "rectifications" ("department_code", "status", "due_date");

CREATE UNIQUE INDEX "ix_rectifications_rating_id" ON "rectifications" ("rating_id");

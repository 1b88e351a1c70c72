-- 0001: initial schema (accounts, organisation, notifications, audit chain, outbox, calendar, data protection keys).
-- Generated once from the EF model with 'OneWindow schema-script sqlite'; later changes are hand-written scripts.
CREATE TABLE "asp_net_roles" (
    "id" TEXT NOT NULL CONSTRAINT "pk_asp_net_roles" PRIMARY KEY,
    "name" TEXT NULL,
    "normalized_name" TEXT NULL,
    "concurrency_stamp" TEXT NULL
);


CREATE TABLE "asp_net_users" (
    "id" TEXT NOT NULL CONSTRAINT "pk_asp_net_users" PRIMARY KEY,
    "kind" INTEGER NOT NULL,
    "display_name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "department_code" TEXT NULL,
    "identity_code" TEXT NULL,
    "created_at" INTEGER NOT NULL,
    "user_name" TEXT NULL,
    "normalized_user_name" TEXT NULL,
    "email" TEXT NULL,
    "normalized_email" TEXT NULL,
    "email_confirmed" INTEGER NOT NULL,
    "password_hash" TEXT NULL,
    "security_stamp" TEXT NULL,
    "concurrency_stamp" TEXT NULL,
    "phone_number" TEXT NULL,
    "phone_number_confirmed" INTEGER NOT NULL,
    "two_factor_enabled" INTEGER NOT NULL,
    "lockout_end" INTEGER NULL,
    "lockout_enabled" INTEGER NOT NULL,
    "access_failed_count" INTEGER NOT NULL
);


CREATE TABLE "audit_chain_heads" (
    "region_code" TEXT NOT NULL CONSTRAINT "pk_audit_chain_heads" PRIMARY KEY,
    "last_sequence" INTEGER NOT NULL,
    "last_hash" TEXT NOT NULL
);


CREATE TABLE "audit_entries" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_audit_entries" PRIMARY KEY AUTOINCREMENT,
    "region_code" TEXT NOT NULL,
    "sequence" INTEGER NOT NULL,
    "at" INTEGER NOT NULL,
    "actor_id" TEXT NOT NULL,
    "actor_name" TEXT NOT NULL,
    "subject_type" TEXT NOT NULL,
    "subject_id" TEXT NOT NULL,
    "action" TEXT NOT NULL,
    "data" TEXT NOT NULL,
    "previous_hash" TEXT NOT NULL,
    "hash" TEXT NOT NULL
);


CREATE TABLE "calendar_years" (
    "year" INTEGER NOT NULL CONSTRAINT "pk_calendar_years" PRIMARY KEY,
    "region_code" TEXT NOT NULL,
    "source" TEXT NOT NULL,
    "updated_at" INTEGER NOT NULL,
    "updated_by" TEXT NOT NULL,
    "version" INTEGER NOT NULL
);


CREATE TABLE "data_protection_keys" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_data_protection_keys" PRIMARY KEY AUTOINCREMENT,
    "friendly_name" TEXT NOT NULL,
    "xml" TEXT NOT NULL
);


CREATE TABLE "departments" (
    "code" TEXT NOT NULL CONSTRAINT "pk_departments" PRIMARY KEY,
    "name" TEXT NOT NULL,
    "short_name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "description" TEXT NOT NULL,
    "address" TEXT NOT NULL,
    "phone" TEXT NOT NULL,
    "sort_order" INTEGER NOT NULL
);


CREATE TABLE "notifications" (
    "id" TEXT NOT NULL CONSTRAINT "pk_notifications" PRIMARY KEY,
    "region_code" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "channel" TEXT NOT NULL,
    "to" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "body" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "source_message_id" TEXT NOT NULL
);


CREATE TABLE "outbox_deliveries" (
    "message_id" TEXT NOT NULL,
    "handler" TEXT NOT NULL,
    "delivered_at" INTEGER NOT NULL,
    CONSTRAINT "pk_outbox_deliveries" PRIMARY KEY ("message_id", "handler")
);


CREATE TABLE "outbox_messages" (
    "id" TEXT NOT NULL CONSTRAINT "pk_outbox_messages" PRIMARY KEY,
    "type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "occurred_at" INTEGER NOT NULL,
    "next_attempt_at" INTEGER NOT NULL,
    "attempts" INTEGER NOT NULL,
    "locked_until" INTEGER NULL,
    "processed_at" INTEGER NULL,
    "failed_at" INTEGER NULL,
    "last_error" TEXT NULL
);


CREATE TABLE "asp_net_role_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_asp_net_role_claims" PRIMARY KEY AUTOINCREMENT,
    "role_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_asp_net_role_claims_asp_net_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "asp_net_roles" ("id") ON DELETE CASCADE
);


CREATE TABLE "asp_net_user_claims" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_asp_net_user_claims" PRIMARY KEY AUTOINCREMENT,
    "user_id" TEXT NOT NULL,
    "claim_type" TEXT NULL,
    "claim_value" TEXT NULL,
    CONSTRAINT "fk_asp_net_user_claims_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);


CREATE TABLE "asp_net_user_logins" (
    "login_provider" TEXT NOT NULL,
    "provider_key" TEXT NOT NULL,
    "provider_display_name" TEXT NULL,
    "user_id" TEXT NOT NULL,
    CONSTRAINT "pk_asp_net_user_logins" PRIMARY KEY ("login_provider", "provider_key"),
    CONSTRAINT "fk_asp_net_user_logins_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);


CREATE TABLE "asp_net_user_roles" (
    "user_id" TEXT NOT NULL,
    "role_id" TEXT NOT NULL,
    CONSTRAINT "pk_asp_net_user_roles" PRIMARY KEY ("user_id", "role_id"),
    CONSTRAINT "fk_asp_net_user_roles_asp_net_roles_role_id" FOREIGN KEY ("role_id") REFERENCES "asp_net_roles" ("id") ON DELETE CASCADE,
    CONSTRAINT "fk_asp_net_user_roles_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);


CREATE TABLE "asp_net_user_tokens" (
    "user_id" TEXT NOT NULL,
    "login_provider" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "value" TEXT NULL,
    CONSTRAINT "pk_asp_net_user_tokens" PRIMARY KEY ("user_id", "login_provider", "name"),
    CONSTRAINT "fk_asp_net_user_tokens_asp_net_users_user_id" FOREIGN KEY ("user_id") REFERENCES "asp_net_users" ("id") ON DELETE CASCADE
);


CREATE TABLE "calendar_days" (
    "date" TEXT NOT NULL CONSTRAINT "pk_calendar_days" PRIMARY KEY,
    "year" INTEGER NOT NULL,
    "name" TEXT NOT NULL,
    "is_off_day" INTEGER NOT NULL,
    CONSTRAINT "fk_calendar_days_calendar_years_year" FOREIGN KEY ("year") REFERENCES "calendar_years" ("year") ON DELETE CASCADE
);


CREATE INDEX "ix_asp_net_role_claims_role_id" ON "asp_net_role_claims" ("role_id");


CREATE UNIQUE INDEX "role_name_index" ON "asp_net_roles" ("normalized_name");


CREATE INDEX "ix_asp_net_user_claims_user_id" ON "asp_net_user_claims" ("user_id");


CREATE INDEX "ix_asp_net_user_logins_user_id" ON "asp_net_user_logins" ("user_id");


CREATE INDEX "ix_asp_net_user_roles_role_id" ON "asp_net_user_roles" ("role_id");


CREATE INDEX "email_index" ON "asp_net_users" ("normalized_email");


CREATE INDEX "ix_asp_net_users_department_code" ON "asp_net_users" ("department_code");


CREATE INDEX "ix_asp_net_users_kind_identity_code" ON "asp_net_users" ("kind", "identity_code");


CREATE UNIQUE INDEX "user_name_index" ON "asp_net_users" ("normalized_user_name");


CREATE UNIQUE INDEX "ix_audit_entries_region_code_sequence" ON "audit_entries" ("region_code", "sequence");


CREATE INDEX "ix_audit_entries_subject_type_subject_id" ON "audit_entries" ("subject_type", "subject_id");


CREATE INDEX "ix_calendar_days_year" ON "calendar_days" ("year");


CREATE INDEX "ix_departments_region_code_sort_order" ON "departments" ("region_code", "sort_order");


CREATE UNIQUE INDEX "ix_notifications_source_message_id_user_id" ON "notifications" ("source_message_id", "user_id");


CREATE INDEX "ix_notifications_user_id_created_at" ON "notifications" ("user_id", "created_at");


CREATE INDEX "ix_outbox_messages_processed_at_next_attempt_at" ON "outbox_messages" ("processed_at", "next_attempt_at");




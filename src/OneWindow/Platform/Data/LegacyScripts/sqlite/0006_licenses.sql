-- 0006: licences (电子证照) and the issuing departments' e-seal keys.
-- Generated from the EF model with 'OneWindow schema-script sqlite', then trimmed to the new tables.

CREATE TABLE "licenses" (
    "id" TEXT NOT NULL CONSTRAINT "pk_licenses" PRIMARY KEY,
    "license_number" TEXT NOT NULL,
    "type_code" TEXT NOT NULL,
    "type_name" TEXT NOT NULL,
    "issuer_department" TEXT NOT NULL,
    "issuer_name" TEXT NOT NULL,
    "region_code" TEXT NOT NULL,
    "holder_kind" TEXT NOT NULL,
    "holder_name" TEXT NOT NULL,
    "holder_code" TEXT NOT NULL,
    "holder_user_id" TEXT NULL,
    "fields_json" TEXT NOT NULL,
    "valid_from" TEXT NOT NULL,
    "valid_until" TEXT NULL,
    "issued_at" INTEGER NOT NULL,
    "case_id" TEXT NOT NULL,
    "kid" TEXT NOT NULL,
    "credential" TEXT NOT NULL,
    "qr_payload" TEXT NOT NULL,
    "status" INTEGER NOT NULL,
    "status_reason" TEXT NULL,
    "status_changed_at" INTEGER NULL,
    "version" INTEGER NOT NULL
);

CREATE TABLE "signing_keys" (
    "kid" TEXT NOT NULL CONSTRAINT "pk_signing_keys" PRIMARY KEY,
    "department_code" TEXT NOT NULL,
    "public_key" BLOB NOT NULL,
    "protected_private_key" TEXT NOT NULL,
    "created_at" INTEGER NOT NULL,
    "retired_at" INTEGER NULL
);

CREATE UNIQUE INDEX "ix_licenses_case_id" ON "licenses" ("case_id");

CREATE INDEX "ix_licenses_holder_code" ON "licenses" ("holder_code");

CREATE INDEX "ix_licenses_holder_user_id" ON "licenses" ("holder_user_id");

CREATE UNIQUE INDEX "ix_licenses_license_number" ON "licenses" ("license_number");

CREATE INDEX "ix_signing_keys_department_code" ON "signing_keys" ("department_code");

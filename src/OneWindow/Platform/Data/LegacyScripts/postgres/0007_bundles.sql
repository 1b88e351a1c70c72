-- 0007: 一件事 bundles, their applications, and the sub-cases' link to them.
-- Generated from the EF model with 'OneWindow schema-script' (postgres), then trimmed to what is new.

CREATE TABLE bundle_applications (
    id uuid NOT NULL,
    number character varying(40) NOT NULL,
    bundle_code character varying(40) NOT NULL,
    bundle_name character varying(100) NOT NULL,
    region_code character varying(12) NOT NULL,
    lead_department character varying(30) NOT NULL,
    committed_days integer NOT NULL,
    issuance integer NOT NULL,
    on_denial integer NOT NULL,
    applicant_kind character varying(20) NOT NULL,
    applicant_name character varying(100) NOT NULL,
    applicant_code character varying(18) NOT NULL,
    applicant_mobile character varying(20) NOT NULL,
    applicant_user_id character varying(64),
    submitted_by_id character varying(64) NOT NULL,
    idempotency_key character varying(100),
    channel integer NOT NULL,
    submitted_at timestamp with time zone NOT NULL,
    form_json text NOT NULL,
    materials_json text NOT NULL,
    accepted_on date,
    due_date date,
    stop_reason character varying(200),
    version integer NOT NULL,
    CONSTRAINT pk_bundle_applications PRIMARY KEY (id)
);

CREATE TABLE bundles (
    code character varying(40) NOT NULL,
    name character varying(100) NOT NULL,
    region_code character varying(12) NOT NULL,
    description character varying(2000) NOT NULL,
    lead_department character varying(30) NOT NULL,
    item_codes_json text NOT NULL,
    committed_days integer NOT NULL,
    issuance integer NOT NULL,
    on_denial integer NOT NULL,
    resolutions_json text NOT NULL,
    published boolean NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_bundles PRIMARY KEY (code)
);

CREATE INDEX ix_bundle_applications_applicant_user_id ON bundle_applications (applicant_user_id);

CREATE UNIQUE INDEX ix_bundle_applications_number ON bundle_applications (number);

CREATE INDEX ix_bundle_applications_region_code_submitted_at ON bundle_applications (region_code, submitted_at);

CREATE UNIQUE INDEX ix_bundle_applications_submitted_by_id_idempotency_key ON bundle_applications (submitted_by_id, idempotency_key);

ALTER TABLE cases ADD COLUMN bundle_application_id uuid;

ALTER TABLE cases ADD COLUMN joint_issuance boolean NOT NULL DEFAULT FALSE;

ALTER TABLE cases ADD COLUMN provided_within_bundle_json text NOT NULL DEFAULT '[]';

CREATE INDEX ix_cases_bundle_application_id ON cases (bundle_application_id);

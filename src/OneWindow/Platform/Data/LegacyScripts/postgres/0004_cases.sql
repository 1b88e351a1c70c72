-- 0004: cases (办件) and their daily number counters.
-- Generated from the EF model with 'OneWindow schema-script postgres', then trimmed to the new tables.

CREATE TABLE case_number_counters (
    region_code character varying(12) NOT NULL,
    day character varying(8) NOT NULL,
    last_value bigint NOT NULL,
    CONSTRAINT pk_case_number_counters PRIMARY KEY (region_code, day)
);

CREATE TABLE cases (
    id uuid NOT NULL,
    number character varying(40) NOT NULL,
    region_code character varying(12) NOT NULL,
    item_code character varying(40) NOT NULL,
    item_version_id uuid NOT NULL,
    item_name character varying(100) NOT NULL,
    department_code character varying(30) NOT NULL,
    sole_approver boolean NOT NULL,
    applicant_kind character varying(20) NOT NULL,
    applicant_name character varying(100) NOT NULL,
    applicant_code character varying(18) NOT NULL,
    applicant_mobile character varying(20) NOT NULL,
    applicant_user_id character varying(64),
    submitted_by_id character varying(64) NOT NULL,
    idempotency_key character varying(100),
    submitted_at timestamp with time zone NOT NULL,
    form_json text NOT NULL,
    materials_json text NOT NULL,
    committed_days integer NOT NULL,
    channel integer NOT NULL,
    status integer NOT NULL,
    resume_status integer,
    accepted_on date,
    due_date date,
    paused_since date,
    pauses_json text NOT NULL,
    deficiencies_json text NOT NULL,
    deferred_materials_json text NOT NULL,
    pledge_due_date date,
    review_recommendation integer,
    review_opinion character varying(2000),
    decision_opinion character varying(2000),
    decline_reason character varying(2000),
    delivery integer,
    version integer NOT NULL,
    CONSTRAINT pk_cases PRIMARY KEY (id)
);

CREATE INDEX ix_cases_applicant_user_id ON cases (applicant_user_id);

CREATE INDEX ix_cases_department_code_status ON cases (department_code, status);

CREATE UNIQUE INDEX ix_cases_number ON cases (number);

CREATE INDEX ix_cases_region_code_status ON cases (region_code, status);

CREATE UNIQUE INDEX ix_cases_submitted_by_id_idempotency_key ON cases (submitted_by_id, idempotency_key);

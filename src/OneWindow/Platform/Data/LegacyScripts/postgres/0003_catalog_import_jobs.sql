-- 0003: background catalogue imports with progress.
-- Generated from the EF model with 'OneWindow schema-script postgres', then trimmed to the new table.

CREATE TABLE catalog_import_jobs (
    id uuid NOT NULL,
    region_code character varying(12) NOT NULL,
    file_name character varying(200) NOT NULL,
    content bytea NOT NULL,
    requested_by_id character varying(64) NOT NULL,
    requested_by_name character varying(100) NOT NULL,
    requested_by_roles character varying(200) NOT NULL,
    requested_by_department character varying(30),
    status integer NOT NULL,
    total integer NOT NULL,
    processed integer NOT NULL,
    report_json text,
    error character varying(2000),
    created_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    CONSTRAINT pk_catalog_import_jobs PRIMARY KEY (id)
);

CREATE INDEX ix_catalog_import_jobs_created_at ON catalog_import_jobs (created_at);

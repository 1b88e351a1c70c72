-- 0006: licences (电子证照) and the issuing departments' e-seal keys.
-- Generated from the EF model with 'OneWindow schema-script postgres', then trimmed to the new tables.

CREATE TABLE licenses (
    id uuid NOT NULL,
    license_number character varying(120) NOT NULL,
    type_code character varying(60) NOT NULL,
    type_name character varying(60) NOT NULL,
    issuer_department character varying(30) NOT NULL,
    issuer_name character varying(100) NOT NULL,
    region_code character varying(12) NOT NULL,
    holder_kind character varying(20) NOT NULL,
    holder_name character varying(100) NOT NULL,
    holder_code character varying(18) NOT NULL,
    holder_user_id character varying(64),
    fields_json text NOT NULL,
    valid_from date NOT NULL,
    valid_until date,
    issued_at timestamp with time zone NOT NULL,
    case_id uuid NOT NULL,
    kid character varying(16) NOT NULL,
    credential text NOT NULL,
    qr_payload character varying(4000) NOT NULL,
    status integer NOT NULL,
    status_reason character varying(500),
    status_changed_at timestamp with time zone,
    version integer NOT NULL,
    CONSTRAINT pk_licenses PRIMARY KEY (id)
);

CREATE TABLE signing_keys (
    kid character varying(16) NOT NULL,
    department_code character varying(30) NOT NULL,
    public_key bytea NOT NULL,
    protected_private_key text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    retired_at timestamp with time zone,
    CONSTRAINT pk_signing_keys PRIMARY KEY (kid)
);

CREATE UNIQUE INDEX ix_licenses_case_id ON licenses (case_id);

CREATE INDEX ix_licenses_holder_code ON licenses (holder_code);

CREATE INDEX ix_licenses_holder_user_id ON licenses (holder_user_id);

CREATE UNIQUE INDEX ix_licenses_license_number ON licenses (license_number);

CREATE INDEX ix_signing_keys_department_code ON signing_keys (department_code);

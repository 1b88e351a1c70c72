-- 0002: catalogue (service_items, versioned, materials and form as JSON) and content-addressed files.
-- Generated from the EF model with 'OneWindow schema-script postgres', then trimmed to the new tables.

CREATE TABLE file_contents (
    sha256 character varying(64) NOT NULL,
    bytes bytea NOT NULL,
    CONSTRAINT pk_file_contents PRIMARY KEY (sha256)
);

CREATE TABLE service_items (
    id uuid NOT NULL,
    code character varying(40) NOT NULL,
    item_version integer NOT NULL,
    status integer NOT NULL,
    is_current boolean NOT NULL,
    name character varying(100) NOT NULL,
    kind integer NOT NULL,
    department_code character varying(30) NOT NULL,
    region_code character varying(12) NOT NULL,
    applicant_type integer NOT NULL,
    case_type integer NOT NULL,
    statutory_days integer NOT NULL,
    committed_days integer NOT NULL,
    fee character varying(500) NOT NULL,
    legal_basis character varying(2000) NOT NULL,
    conditions character varying(2000) NOT NULL,
    visits_required integer NOT NULL,
    online_depth integer NOT NULL,
    license_type character varying(40),
    flow integer NOT NULL,
    allows_deferral boolean NOT NULL,
    allows_pledge boolean NOT NULL,
    supervising_department_code character varying(30),
    life_events character varying(200) NOT NULL,
    keywords character varying(200) NOT NULL,
    location character varying(200) NOT NULL,
    phone character varying(30) NOT NULL,
    materials_json text NOT NULL,
    form_json text NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    updated_by character varying(100) NOT NULL,
    published_at timestamp with time zone,
    version integer NOT NULL,
    CONSTRAINT pk_service_items PRIMARY KEY (id)
);

CREATE TABLE stored_files (
    id uuid NOT NULL,
    sha256 character varying(64) NOT NULL,
    file_name character varying(200) NOT NULL,
    content_type character varying(100) NOT NULL,
    size bigint NOT NULL,
    public boolean NOT NULL,
    uploaded_by character varying(64) NOT NULL,
    uploaded_at timestamp with time zone NOT NULL,
    region_code character varying(12) NOT NULL,
    CONSTRAINT pk_stored_files PRIMARY KEY (id)
);

CREATE UNIQUE INDEX ix_service_items_code_item_version ON service_items (code, item_version);

CREATE INDEX ix_service_items_is_current_department_code ON service_items (is_current, department_code);

CREATE INDEX ix_service_items_region_code_is_current ON service_items (region_code, is_current);

CREATE INDEX ix_stored_files_sha256 ON stored_files (sha256);

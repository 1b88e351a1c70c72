-- 0008: construction projects (工程建设项目), their stages and joint reviews; 特别程序 on cases; the day a bundle was decided.
-- Generated from the EF model with 'OneWindow schema-script' (postgres), then trimmed to what is new.

CREATE TABLE joint_reviews (
    id uuid NOT NULL,
    project_id uuid NOT NULL,
    kind integer NOT NULL,
    title character varying(200) NOT NULL,
    scheduled_on date NOT NULL,
    location character varying(200) NOT NULL,
    latitude double precision,
    longitude double precision,
    case_ids_json text NOT NULL,
    departments_json text NOT NULL,
    opinions_json text NOT NULL,
    file_ids_json text NOT NULL,
    started_on date NOT NULL,
    concluded_on date,
    verdict integer,
    conclusion character varying(2000),
    created_by character varying(64) NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_joint_reviews PRIMARY KEY (id)
);

CREATE TABLE project_stages (
    project_id uuid NOT NULL,
    number integer NOT NULL,
    name character varying(50) NOT NULL,
    bundle_code character varying(40) NOT NULL,
    application_id uuid,
    CONSTRAINT pk_project_stages PRIMARY KEY (project_id, number)
);

CREATE TABLE projects (
    id uuid NOT NULL,
    code character varying(30) NOT NULL,
    name character varying(200) NOT NULL,
    region_code character varying(12) NOT NULL,
    owner_name character varying(100) NOT NULL,
    owner_code character varying(18) NOT NULL,
    owner_mobile character varying(20) NOT NULL,
    location character varying(200) NOT NULL,
    latitude double precision,
    longitude double precision,
    investment numeric(14,2) NOT NULL,
    floor_area numeric(14,2) NOT NULL,
    risk_class integer NOT NULL,
    limit_days integer NOT NULL,
    steward_user_id character varying(64),
    steward_name character varying(100),
    deadline_state integer NOT NULL,
    created_at timestamp with time zone NOT NULL,
    created_by character varying(64) NOT NULL,
    version integer NOT NULL,
    CONSTRAINT pk_projects PRIMARY KEY (id)
);

CREATE INDEX ix_joint_reviews_project_id ON joint_reviews (project_id);

CREATE UNIQUE INDEX ix_project_stages_application_id ON project_stages (application_id);

CREATE UNIQUE INDEX ix_projects_code ON projects (code);

CREATE INDEX ix_projects_steward_user_id ON projects (steward_user_id);

ALTER TABLE cases ADD COLUMN special_procedure_since date;

ALTER TABLE cases ADD COLUMN procedures_json text NOT NULL DEFAULT '[]';

ALTER TABLE bundle_applications ADD COLUMN decided_on date;

-- 0012: 好差评 (one rating per service event, unique) and the rectifications bad ratings open.
-- Generated from the EF model with 'OneWindow schema-script' (postgres), then trimmed to what is new.

CREATE TABLE ratings (
    id uuid NOT NULL,
    region_code character varying(12) NOT NULL,
    subject_type integer NOT NULL,
    subject_id character varying(64) NOT NULL,
    subject_label character varying(200) NOT NULL,
    level integer NOT NULL,
    comment character varying(500),
    channel integer NOT NULL,
    department_code character varying(30) NOT NULL,
    staff_user_id character varying(64),
    staff_name character varying(100),
    rated_by character varying(64),
    created_at timestamp with time zone NOT NULL,
    rectification_id uuid,
    CONSTRAINT pk_ratings PRIMARY KEY (id)
);

CREATE TABLE rectifications (
    id uuid NOT NULL,
    region_code character varying(12) NOT NULL,
    rating_id uuid NOT NULL,
    department_code character varying(30) NOT NULL,
    subject character varying(200) NOT NULL,
    level integer NOT NULL,
    comment character varying(500),
    status integer NOT NULL,
    due_date date NOT NULL,
    opened_at timestamp with time zone NOT NULL,
    verify_note character varying(2000),
    rectify_note character varying(2000),
    feedback_note character varying(2000),
    handled_by character varying(100),
    closed_at timestamp with time zone,
    version integer NOT NULL,
    CONSTRAINT pk_rectifications PRIMARY KEY (id)
);

CREATE INDEX ix_ratings_department_code_created_at ON ratings (department_code, created_at);

CREATE INDEX ix_ratings_region_code_created_at ON ratings (region_code, created_at);

CREATE UNIQUE INDEX ix_ratings_subject_type_subject_id ON ratings (subject_type, subject_id);

CREATE INDEX ix_rectifications_department_code_status_due_date ON rectifications (department_code, status, due_date);

CREATE UNIQUE INDEX ix_rectifications_rating_id ON rectifications (rating_id);

-- 0010: 帮办代办 — the helper who follows a 一件事 application.
ALTER TABLE bundle_applications ADD COLUMN helper_user_id character varying(64);

ALTER TABLE bundle_applications ADD COLUMN helper_name character varying(100);

CREATE INDEX ix_bundle_applications_helper_user_id ON bundle_applications (helper_user_id);

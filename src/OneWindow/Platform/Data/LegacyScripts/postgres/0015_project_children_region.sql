-- 0015: rule 13, every business row carries its 行政区划: a project's stages and joint reviews take the project's.
-- Generated from the EF model with 'OneWindow schema-script' (postgres), then trimmed to what is new.

ALTER TABLE project_stages ADD region_code character varying(12) NOT NULL DEFAULT '';
ALTER TABLE joint_reviews ADD region_code character varying(12) NOT NULL DEFAULT '';

UPDATE project_stages s SET region_code = p.region_code FROM projects p WHERE p.id = s.project_id;
UPDATE joint_reviews r SET region_code = p.region_code FROM projects p WHERE p.id = r.project_id;

ALTER TABLE project_stages ALTER COLUMN region_code DROP DEFAULT;
ALTER TABLE joint_reviews ALTER COLUMN region_code DROP DEFAULT;

-- 0015: rule 13, every business row carries its 行政区划: a project's stages and joint reviews take the project's.
-- Generated from the EF model with 'OneWindow schema-script' (sqlite), then trimmed to what is new.

ALTER TABLE project_stages ADD region_code TEXT NOT NULL DEFAULT '';
ALTER TABLE joint_reviews ADD region_code TEXT NOT NULL DEFAULT '';

UPDATE project_stages SET region_code = (SELECT p.region_code FROM projects p WHERE p.id = project_stages.project_id);
UPDATE joint_reviews SET region_code = (SELECT p.region_code FROM projects p WHERE p.id = joint_reviews.project_id);

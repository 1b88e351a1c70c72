-- 0005: deadlines, 补正 windows and 容缺 consequences (cases), and the item settings behind them.
ALTER TABLE service_items ADD COLUMN pledge_consequence integer NOT NULL DEFAULT 0;

ALTER TABLE service_items ADD COLUMN supplement_days integer NOT NULL DEFAULT 10;

ALTER TABLE cases ADD COLUMN suspend_on_broken_pledge boolean NOT NULL DEFAULT FALSE;

ALTER TABLE cases ADD COLUMN supplement_days integer NOT NULL DEFAULT 10;

ALTER TABLE cases ADD COLUMN supplement_due_date date;

ALTER TABLE cases ADD COLUMN pledge_fulfilled_on date;

ALTER TABLE cases ADD COLUMN suspended_since date;

ALTER TABLE cases ADD COLUMN deadline_state integer NOT NULL DEFAULT 0;

ALTER TABLE cases ADD COLUMN outcome character varying(40);

CREATE INDEX ix_cases_status_due_date ON cases (status, due_date);

-- 0005: deadlines, 补正 windows and 容缺 consequences (cases), and the item settings behind them.
ALTER TABLE "service_items" ADD COLUMN "pledge_consequence" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "service_items" ADD COLUMN "supplement_days" INTEGER NOT NULL DEFAULT 10;

ALTER TABLE "cases" ADD COLUMN "suspend_on_broken_pledge" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "cases" ADD COLUMN "supplement_days" INTEGER NOT NULL DEFAULT 10;

ALTER TABLE "cases" ADD COLUMN "supplement_due_date" TEXT NULL;

ALTER TABLE "cases" ADD COLUMN "pledge_fulfilled_on" TEXT NULL;

ALTER TABLE "cases" ADD COLUMN "suspended_since" TEXT NULL;

ALTER TABLE "cases" ADD COLUMN "deadline_state" INTEGER NOT NULL DEFAULT 0;

ALTER TABLE "cases" ADD COLUMN "outcome" TEXT NULL;

CREATE INDEX "ix_cases_status_due_date" ON "cases" ("status", "due_date");

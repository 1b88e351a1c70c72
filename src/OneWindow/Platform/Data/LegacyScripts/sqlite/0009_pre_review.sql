-- 0009: 拿地即开工 — licence types a pre-reviewed case waits for before it may be granted.
ALTER TABLE "cases" ADD COLUMN "grant_awaits_license_json" TEXT NOT NULL DEFAULT '[]';

-- 0016: typed events (ADR 0017). A stored message names its event type and the version of its payload's shape;
-- the messages written before (version 1 of intake.case-changed and its kin) are read by upcasters.

ALTER TABLE outbox_messages ADD COLUMN version INTEGER NOT NULL DEFAULT 1;

-- 0013: the outbox dispatcher's "oldest pending messages" walks an index of pending messages only, in
-- order, and stops at a batch (it used to read every pending row and sort them: slow once a backlog grew).
-- Generated from the EF model with 'OneWindow schema-script' (postgres), then trimmed to what is new.

DROP INDEX ix_outbox_messages_processed_at_next_attempt_at;

CREATE INDEX ix_outbox_messages_occurred_at_id ON outbox_messages (occurred_at, id) WHERE processed_at IS NULL AND failed_at IS NULL;

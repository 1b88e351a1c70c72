-- 0014: 实名核验 (an account sees what others filed under its identity code only once it proved it), one account
-- per identity code (unique), and platform secrets (the key of licence holder segments), protected like the e-seals.
-- Generated from the EF model with 'OneWindow schema-script' (sqlite), then trimmed to what is new.

ALTER TABLE asp_net_users ADD identity_verified_at INTEGER NULL;
ALTER TABLE asp_net_users ADD identity_verified_by TEXT NULL;

-- Accounts that typed the same code before this change: the oldest keeps it; the others must verify theirs at a counter.
UPDATE asp_net_users SET identity_code = NULL
WHERE identity_code IS NOT NULL AND EXISTS (
    SELECT 1 FROM asp_net_users older
    WHERE older.kind = asp_net_users.kind AND older.identity_code = asp_net_users.identity_code
      AND (older.created_at < asp_net_users.created_at OR (older.created_at = asp_net_users.created_at AND older.id < asp_net_users.id)));

-- Counter cases were linked to whichever account typed the code: unlink them; verification links them again.
UPDATE cases SET applicant_user_id = NULL WHERE channel <> 0 AND applicant_user_id IS NOT NULL;
UPDATE bundle_applications SET applicant_user_id = NULL WHERE channel <> 0 AND applicant_user_id IS NOT NULL;

DROP INDEX ix_asp_net_users_kind_identity_code;
CREATE UNIQUE INDEX ix_asp_net_users_kind_identity_code ON asp_net_users (kind, identity_code);

CREATE TABLE platform_secrets (
    name TEXT NOT NULL CONSTRAINT pk_platform_secrets PRIMARY KEY,
    protected_value TEXT NOT NULL,
    created_at INTEGER NOT NULL
);

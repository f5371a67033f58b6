-- PostgreSQL twin of migrations/sqlite/0005_retention.sql.
-- The operator's word that a request is dealt with (`rj outbox resolve REF --note …`):
-- it is no longer chased, and its answers are deleted at once. The note is the
-- operator's own (what was done), never the person's details.
ALTER TABLE referrals ADD COLUMN resolved_at BIGINT;
ALTER TABLE referrals ADD COLUMN resolution_note TEXT;

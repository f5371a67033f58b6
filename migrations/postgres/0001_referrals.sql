-- PostgreSQL twin of migrations/sqlite/0001_referrals.sql (the same tables, columns and
-- indexes; tests/outbox.rs compares the two catalogues). Numbers are BIGINT because the
-- code reads them as i64 (PostgreSQL's INTEGER is 32 bits).
-- Requests to be contacted, stored before the confirmation page is shown and kept
-- until delivered. `payload` holds the person's answers (personal data) and is set to
-- NULL once the service has the email, or when the request is purged.
CREATE TABLE referrals (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    reference       TEXT    NOT NULL UNIQUE,
    idempotency_key TEXT    NOT NULL UNIQUE,
    area            TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'purged')),
    payload         TEXT,
    service_sent    BIGINT  NOT NULL DEFAULT 0,
    attempts        BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    lease_until     BIGINT,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL,
    sent_at         BIGINT
);

CREATE INDEX referrals_due ON referrals (status, next_attempt_at);

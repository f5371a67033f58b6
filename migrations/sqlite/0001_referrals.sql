-- Requests to be contacted, stored before the confirmation page is shown and kept
-- until delivered. `payload` holds the person's answers (personal data) and is set to
-- NULL once the service has the email, or when the request is purged.
CREATE TABLE referrals (
    id              INTEGER PRIMARY KEY,
    reference       TEXT    NOT NULL UNIQUE,
    idempotency_key TEXT    NOT NULL UNIQUE,
    area            TEXT    NOT NULL,
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'purged')),
    payload         TEXT,
    service_sent    INTEGER NOT NULL DEFAULT 0,
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
);

CREATE INDEX referrals_due ON referrals (status, next_attempt_at);

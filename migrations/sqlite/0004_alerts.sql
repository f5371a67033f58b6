-- Chasing a request nobody has confirmed. When the service's email is delivered, the
-- times of its reminder and of the operator's escalation are worked out once (in
-- working days, bank holidays skipped) and kept here; `failed_at` is the first
-- permanent delivery failure.
ALTER TABLE referrals ADD COLUMN remind_at INTEGER;
ALTER TABLE referrals ADD COLUMN escalate_at INTEGER;
ALTER TABLE referrals ADD COLUMN failed_at INTEGER;

CREATE INDEX referrals_unconfirmed ON referrals (status, acknowledged_at);

-- Emails about a request, stored before they are sent and delivered like requests: the
-- reminder to the service, and the operator's alerts (escalation, failed, retention).
-- One of each kind per request, ever: the unique key is what keeps them from being
-- sent twice, whatever restarts, crashes or other instances' sweeps happen between
-- deciding and sending.
CREATE TABLE alerts (
    id              INTEGER PRIMARY KEY,
    referral_id     INTEGER NOT NULL REFERENCES referrals (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('reminder', 'escalation', 'failed', 'retention')),
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    UNIQUE (referral_id, kind)
);

CREATE INDEX alerts_due ON alerts (status, next_attempt_at);

-- Signed webhooks (a route's `webhook_url`): one "request.created" event per request
-- whose route has a webhook, stored in the same transaction as the request, then
-- leased and sent by the outbox's workers like an email (attempts, next_attempt_at,
-- lease_until). Holds no personal data: the body is built when it is sent from the
-- request's reference, area and audience and the `language` kept here. One per
-- request, ever (UNIQUE referral_id), so nothing sends it twice.
CREATE TABLE webhooks (
    id              INTEGER PRIMARY KEY,
    referral_id     INTEGER NOT NULL UNIQUE REFERENCES referrals (id),
    language        TEXT    NOT NULL CHECK (language IN ('en', 'cy')),
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER
);

CREATE INDEX webhooks_due ON webhooks (status, next_attempt_at);

-- A webhook refused for good alerts the operator (kind 'webhook'). SQLite cannot change
-- a CHECK constraint in place, so the alerts table is rebuilt with the same columns.
CREATE TABLE alerts_new (
    id              INTEGER PRIMARY KEY,
    referral_id     INTEGER NOT NULL REFERENCES referrals (id),
    kind            TEXT    NOT NULL CHECK (kind IN ('reminder', 'escalation', 'failed', 'retention', 'webhook')),
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
    attempts        INTEGER NOT NULL DEFAULT 0,
    next_attempt_at INTEGER NOT NULL,
    lease_until     INTEGER,
    last_error      TEXT,
    created_at      INTEGER NOT NULL,
    sent_at         INTEGER,
    UNIQUE (referral_id, kind)
);

INSERT INTO alerts_new (id, referral_id, kind, status, attempts, next_attempt_at, lease_until,
                        last_error, created_at, sent_at)
SELECT id, referral_id, kind, status, attempts, next_attempt_at, lease_until, last_error,
       created_at, sent_at
FROM alerts;

DROP TABLE alerts;
ALTER TABLE alerts_new RENAME TO alerts;
CREATE INDEX alerts_due ON alerts (status, next_attempt_at);

-- PostgreSQL twin of migrations/sqlite/0012_webhooks.sql.
-- Signed webhooks (a route's `webhook_url`): one "request.created" event per request
-- whose route has a webhook, stored in the same transaction as the request, then
-- leased and sent by the outbox's workers like an email (attempts, next_attempt_at,
-- lease_until). Holds no personal data: the body is built when it is sent from the
-- request's reference, area and audience and the `language` kept here. One per
-- request, ever (UNIQUE referral_id), so nothing sends it twice.
CREATE TABLE webhooks (
    id              BIGINT  GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    referral_id     BIGINT  NOT NULL UNIQUE REFERENCES referrals (id),
    language        TEXT    NOT NULL CHECK (language IN ('en', 'cy')),
    status          TEXT    NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'cancelled')),
    attempts        BIGINT  NOT NULL DEFAULT 0,
    next_attempt_at BIGINT  NOT NULL,
    lease_until     BIGINT,
    last_error      TEXT,
    created_at      BIGINT  NOT NULL,
    sent_at         BIGINT
);

CREATE INDEX webhooks_due ON webhooks (status, next_attempt_at);

-- A webhook refused for good alerts the operator (kind 'webhook').
ALTER TABLE alerts DROP CONSTRAINT alerts_kind_check;
ALTER TABLE alerts ADD CONSTRAINT alerts_kind_check
    CHECK (kind IN ('reminder', 'escalation', 'failed', 'retention', 'webhook'));

-- PostgreSQL twin of migrations/sqlite/0006_report.sql.
-- The commissioners' record: one row per request with its police area, the month it
-- was sent (UK time) and what became of it, and nothing else: no reference, no answers,
-- no times. It is written with the request and never purged, so `rj report` can count
-- back over years after every request's details are gone.
CREATE TABLE report_entries (
    referral_id       BIGINT  PRIMARY KEY REFERENCES referrals (id),
    area              TEXT    NOT NULL,
    month             TEXT    NOT NULL,
    -- Working days from sending to the service's confirmation (none: not confirmed).
    acknowledged_days BIGINT,
    -- 1 while it has not reached the service: refused for good, or purged undelivered.
    failed            BIGINT  NOT NULL DEFAULT 0
);

CREATE INDEX report_entries_month ON report_entries (month, area);

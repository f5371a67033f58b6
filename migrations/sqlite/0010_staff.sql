-- The staff inbox (issue 23). Staff are invited by the operator (`rj staff invite`) and
-- sign in with a passkey; what they may see follows their roles and areas. Nothing here
-- is about the person who asked: staff's own work addresses, their passkeys' public
-- keys, hashes of session and invitation tokens, and the audit log.
CREATE TABLE staff_members (
    id          INTEGER PRIMARY KEY,
    -- The work address they were invited at (lower case), to tell them apart.
    email       TEXT    NOT NULL UNIQUE,
    -- Comma-separated: service, triage, admin.
    roles       TEXT    NOT NULL,
    -- The WebAuthn user handle: random, never the address.
    user_handle TEXT    NOT NULL UNIQUE,
    created_at  INTEGER NOT NULL,
    removed_at  INTEGER
);

-- The areas (and audience: all or youth) whose direct requests a service member sees.
CREATE TABLE staff_scopes (
    member_id INTEGER NOT NULL REFERENCES staff_members (id),
    area      TEXT    NOT NULL,
    audience  TEXT    NOT NULL CHECK (audience IN ('all', 'youth')),
    PRIMARY KEY (member_id, area, audience)
);

-- One invitation per row: the token is in the printed URL; only its hash is kept.
CREATE TABLE staff_invitations (
    token_hash TEXT    NOT NULL PRIMARY KEY,
    member_id  INTEGER NOT NULL REFERENCES staff_members (id),
    created_at INTEGER NOT NULL,
    expires_at INTEGER NOT NULL,
    used_at    INTEGER
);

-- A member's passkeys (webauthn-rs's record: the public key, its id and counter).
CREATE TABLE staff_passkeys (
    credential_id TEXT    NOT NULL PRIMARY KEY,
    member_id     INTEGER NOT NULL REFERENCES staff_members (id),
    passkey       TEXT    NOT NULL,
    created_at    INTEGER NOT NULL,
    last_used_at  INTEGER
);

-- Signed-in sessions, shared by every instance. The cookie holds the token; the
-- database its hash. A session ends at sign-out, on removal, after 30 idle minutes or
-- 12 hours.
CREATE TABLE staff_sessions (
    token_hash   TEXT    NOT NULL PRIMARY KEY,
    member_id    INTEGER NOT NULL REFERENCES staff_members (id),
    created_at   INTEGER NOT NULL,
    last_seen_at INTEGER NOT NULL,
    ended_at     INTEGER
);

CREATE INDEX staff_sessions_member ON staff_sessions (member_id);

-- A passkey ceremony between its two requests (the challenge the browser must sign),
-- for a few minutes, so any instance can finish what another started.
CREATE TABLE staff_ceremonies (
    id         TEXT    NOT NULL PRIMARY KEY,
    kind       TEXT    NOT NULL CHECK (kind IN ('register', 'sign-in')),
    state      TEXT    NOT NULL,
    expires_at INTEGER NOT NULL
);

-- Every staff action, append-only (the triggers refuse changes): who, when, what,
-- which request, and the network as a keyed hash (never the address).
CREATE TABLE audit_log (
    id        INTEGER PRIMARY KEY,
    at        INTEGER NOT NULL,
    actor     TEXT,
    action    TEXT    NOT NULL,
    reference TEXT,
    detail    TEXT,
    network   TEXT
);

CREATE INDEX audit_log_at ON audit_log (at);

CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log
BEGIN
    SELECT RAISE(ABORT, 'the audit log is append-only');
END;

-- What staff record on a request in the inbox (Received is `acknowledged_at`).
ALTER TABLE referrals ADD COLUMN contacted_at INTEGER;
ALTER TABLE referrals ADD COLUMN closed_at INTEGER;
ALTER TABLE referrals ADD COLUMN outcome TEXT;
ALTER TABLE referrals ADD COLUMN passed_on_at INTEGER;
-- An area's slug (passed to its service on the site) or the name of the service
-- outside it, as triage typed it.
ALTER TABLE referrals ADD COLUMN passed_to TEXT;
-- 1 once the person has had their confirmation: a request triage passes to a service on
-- the site is announced to that service again, but the person is not told twice.
ALTER TABLE referrals ADD COLUMN person_told INTEGER NOT NULL DEFAULT 0;
UPDATE referrals SET person_told = 1 WHERE status IN ('sent', 'purged');
-- 1 once the service's email carried the answers (`delivery = "email"`, and every
-- request before the inbox): the service has them, so the site deletes its copy a
-- grace period after the service confirms. Otherwise staff read them here, and they
-- are kept until the request is closed (plus the grace period).
ALTER TABLE referrals ADD COLUMN answers_emailed INTEGER NOT NULL DEFAULT 0;
UPDATE referrals SET answers_emailed = 1 WHERE sent_at IS NOT NULL OR service_sent = 1;

-- The inbox's list, newest first: by route (triage) or route and area (a service), in
-- id order within each, so a page of 50 is read from the index without sorting.
CREATE INDEX referrals_inbox ON referrals (route, area, id);
CREATE INDEX referrals_route ON referrals (route, id);
CREATE INDEX referrals_created ON referrals (created_at);

-- API keys for case systems (issue 26, part 3): `rj api-key create` makes one for one
-- area's service (all, or its youth justice service). The key is shown once; only its
-- SHA-256 is kept, so a copy of the database calls nothing. A revoked key stays listed.
CREATE TABLE api_keys (
    id           INTEGER PRIMARY KEY,
    key_hash     TEXT    NOT NULL UNIQUE,
    area         TEXT    NOT NULL,
    audience     TEXT    NOT NULL CHECK (audience IN ('all', 'youth')),
    -- The operator's label for the key (which system uses it); never personal data.
    name         TEXT    NOT NULL,
    created_at   INTEGER NOT NULL,
    last_used_at INTEGER,
    revoked_at   INTEGER
);

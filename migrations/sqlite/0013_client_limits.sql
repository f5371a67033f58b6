-- Per-client limits (the Send limit; later the status-lookup limit), shared by every
-- instance that uses this database. One row per limit and client: `client` is a keyed
-- hash of the client's address (never the address), `hits` the unix times of the
-- counted events still inside the window, space-separated, and `expires_at` when the
-- newest of them leaves it (the periodic sweep deletes the row after that).
CREATE TABLE client_limits (
    name       TEXT    NOT NULL,
    client     TEXT    NOT NULL,
    hits       TEXT    NOT NULL,
    expires_at INTEGER NOT NULL,
    PRIMARY KEY (name, client)
);

CREATE INDEX client_limits_expiry ON client_limits (expires_at);

-- What one page hands to the next after a post (post-redirect-get): the answers a
-- person is checking, or which request a confirmation page is about. Each row is
-- encrypted with a key derived from RJ_SECRET, lives at most a few minutes
-- (`expires_at`), and is deleted when the person sends, changes an answer or
-- presses Exit. `id` is random (128 bits) and is the only thing in the page's address.
CREATE TABLE handoffs (
    id         TEXT    NOT NULL PRIMARY KEY,
    sealed     TEXT    NOT NULL,
    expires_at BIGINT NOT NULL
);

CREATE INDEX handoffs_expiry ON handoffs (expires_at);

-- The service's confirmation that a person there has the request (the button behind
-- the link in its email). Set once; a second confirmation changes nothing. Where the
-- email went is the `route` and `audience` columns (0002).
ALTER TABLE referrals ADD COLUMN acknowledged_at INTEGER;

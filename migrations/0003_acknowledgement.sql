-- The service's confirmation that a person there has the request (the button behind
-- the link in its email). Set once; a second confirmation changes nothing.
ALTER TABLE referrals ADD COLUMN acknowledged_at INTEGER;

-- Where the service's email went: 'service', 'youth-service' (straight to the area's
-- service, or its youth service) or 'triage' (the operator's team passes it on), so
-- the status page names whom the person should contact.
ALTER TABLE referrals ADD COLUMN sent_via TEXT;

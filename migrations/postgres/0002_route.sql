-- Who the person was told would contact them, kept after the answers are deleted (the
-- confirmation page still says it): `route` is 'direct' (straight to the service) or
-- 'triage' (through the operator's inbox); `audience` is 'youth' only when the request
-- went to the area's youth justice service. Set when the request is stored, and again
-- when it is delivered if the routing changed in between. NULL for older requests.
ALTER TABLE referrals ADD COLUMN route TEXT CHECK (route IN ('direct', 'triage'));
ALTER TABLE referrals ADD COLUMN audience TEXT CHECK (audience IN ('all', 'youth'));

-- The answers are sealed (store/sealed.rs): `payload` holds base64url of a nonce and the
-- XChaCha20-Poly1305 ciphertext, bound to the row's reference, and `payload_key` the id
-- of the data key that sealed it (never the key). Rows an older binary wrote hold plain
-- JSON with no key id; the site seals them when it starts.
ALTER TABLE referrals ADD COLUMN payload_key TEXT;

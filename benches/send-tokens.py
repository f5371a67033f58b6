"""Writes N valid form tokens (one per line) for the Send benchmark, in the format of
src/referral/token.rs: base64url(16 random bytes, issued-at as 8 big-endian bytes,
the first 16 bytes of HMAC-SHA256 over both under the form-token key, which
src/keys.rs derives from the secret with HKDF-SHA256)."""
import base64, hashlib, hmac, os, struct, sys, time

secret, count = sys.argv[1].encode(), int(sys.argv[2])
# HKDF-SHA256 (RFC 5869): salt "rj keys v1", info "rj form token v1", 32 bytes.
prk = hmac.new(b"rj keys v1", secret, hashlib.sha256).digest()
key = hmac.new(prk, b"rj form token v1\x01", hashlib.sha256).digest()
issued = int(time.time()) - 60
for _ in range(count):
    body = os.urandom(16) + struct.pack(">q", issued)
    tag = hmac.new(key, body, hashlib.sha256).digest()[:16]
    print(base64.urlsafe_b64encode(body + tag).rstrip(b"=").decode())

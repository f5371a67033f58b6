//! The form token: a random idempotency key and the time the form was first shown,
//! signed with a key from `RJ_SECRET` (`keys`). Send uses it to store a request once however often it is
//! sent, and to refuse forms filled in faster than a person could.

use crate::keys::{Key, KeyRing};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use hmac::Mac;

const KEY_BYTES: usize = 16;

/// A form older than this (a day) is not sent: its answers come back to check, with a
/// fresh token, so a form left open on a shared device cannot be sent much later.
pub const MAX_AGE_SECONDS: i64 = 24 * 3600;
const TAG_BYTES: usize = 16;

/// Issues and checks form tokens.
#[derive(Clone)]
pub struct FormTokens {
    keys: KeyRing,
}

/// A token whose signature checked out.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormToken {
    /// The idempotency key: the same for every Send of one filled-in form.
    pub key: String,
    /// When the form was first shown (unix seconds).
    pub issued_at: i64,
}

impl FormToken {
    /// The idempotency key's bytes, as given to [`FormTokens::issue`].
    pub fn key_bytes(&self) -> [u8; KEY_BYTES] {
        let mut key = [0; KEY_BYTES];
        if let Ok(bytes) = URL_SAFE_NO_PAD.decode(&self.key) {
            for (k, b) in key.iter_mut().zip(bytes) {
                *k = b;
            }
        }
        key
    }
}

impl FormTokens {
    pub fn new(keys: KeyRing) -> Self {
        Self { keys }
    }

    fn tag(&self, body: &[u8]) -> [u8; TAG_BYTES] {
        let mut mac = self.keys.current().mac();
        mac.update(body);
        mac.finalize().into_bytes()[..TAG_BYTES]
            .try_into()
            .expect("16 bytes")
    }

    pub fn issue(&self, key: [u8; KEY_BYTES], now: i64) -> String {
        let mut bytes = key.to_vec();
        bytes.extend_from_slice(&now.to_be_bytes());
        let tag = self.tag(&bytes);
        bytes.extend_from_slice(&tag);
        URL_SAFE_NO_PAD.encode(bytes)
    }

    /// The token's contents, if it was issued by us (with this secret).
    pub fn check(&self, token: &str) -> Option<FormToken> {
        let bytes = URL_SAFE_NO_PAD.decode(token.trim()).ok()?;
        if bytes.len() != KEY_BYTES + 8 + TAG_BYTES {
            return None;
        }
        let (body, tag) = bytes.split_at(KEY_BYTES + 8);
        let signed = |key: &Key| {
            let mut mac = key.mac();
            mac.update(body);
            mac.verify_truncated_left(tag).is_ok()
        };
        if !self.keys.accepted().any(signed) {
            return None;
        }
        let issued_at = i64::from_be_bytes(body[KEY_BYTES..].try_into().ok()?);
        Some(FormToken {
            key: URL_SAFE_NO_PAD.encode(&body[..KEY_BYTES]),
            issued_at,
        })
    }
}

/// The key a request is stored under: the form's key **and** a digest of the answers.
/// The same answers sent again (double click, refresh, Back and Send) find the first
/// request; different answers on the same form are a new request, never merged into
/// the first or dropped.
pub fn idempotency_key(token: &FormToken, referral: &super::form::Referral) -> String {
    use sha2::{Digest, Sha256};
    // Serialising a struct writes its fields in their fixed order: a stable digest.
    let answers = serde_json::to_vec(referral).unwrap_or_default();
    let digest = Sha256::digest(&answers);
    format!("{}.{}", token.key, URL_SAFE_NO_PAD.encode(&digest[..16]))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_tampering() {
        let tokens = FormTokens::new(
            crate::keys::Secrets::from_text("secret").ring(crate::keys::Purpose::FormToken),
        );
        let t = tokens.issue([7; 16], 1_700_000_000);
        let checked = tokens.check(&t).unwrap();
        assert_eq!(checked.issued_at, 1_700_000_000);
        assert_eq!(tokens.check(&t).unwrap().key, checked.key, "stable key");
        assert!(
            FormTokens::new(
                crate::keys::Secrets::from_text("other").ring(crate::keys::Purpose::FormToken)
            )
            .check(&t)
            .is_none(),
            "another secret"
        );
        let mut bytes = URL_SAFE_NO_PAD.decode(&t).unwrap();
        bytes[20] ^= 1; // make it look older
        assert!(tokens.check(&URL_SAFE_NO_PAD.encode(bytes)).is_none());
        for junk in ["", "x", "!!!!", &"A".repeat(54)] {
            assert!(tokens.check(junk).is_none(), "{junk}");
        }
    }
}

//! Every key the site uses, derived in this one place from `RJ_SECRET` with HKDF-SHA256
//! (RFC 5869), one label per purpose, so no two purposes share a key and the secret
//! itself never leaves its `secrecy` type. While a secret is being rotated,
//! `RJ_SECRET_PREVIOUS` keeps what was signed or sealed under the old one readable:
//! new tokens, links and handoffs use the current secret, checks accept either.

use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use secrecy::{ExposeSecret, SecretBox, SecretSlice};
use sha2::Sha256;
use std::sync::Arc;

/// What a key is for: each has its own.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    /// Signing form tokens (`referral::token`).
    FormToken,
    /// Signing the service's "I have it" links (`referral::ack`).
    AckLink,
    /// Sealing what one page hands the next (`referral::handoff`).
    Handoff,
    /// Hashing a client's address for the per-client limits (`server::limit`).
    ClientLimit,
    /// Telling secrets apart in `rj check-config` without showing them.
    Fingerprint,
    /// Signing the feedback forms' tokens (`feedback`).
    Feedback,
}

impl Purpose {
    /// HKDF's `info`: changing one invalidates everything made with that purpose.
    fn label(self) -> &'static [u8] {
        match self {
            Purpose::FormToken => b"rj form token v1",
            Purpose::AckLink => b"rj acknowledge link v1",
            Purpose::Handoff => b"rj handoff v1",
            Purpose::ClientLimit => b"rj client limit v1",
            Purpose::Fingerprint => b"rj secret fingerprint v1",
            Purpose::Feedback => b"rj feedback v1",
        }
    }
}

/// One purpose's 256-bit key.
#[derive(Clone)]
pub struct Key(Arc<SecretBox<[u8; 32]>>);

impl Key {
    fn derive(secret: &SecretSlice<u8>, purpose: Purpose) -> Self {
        let hkdf = Hkdf::<Sha256>::new(Some(b"rj keys v1"), secret.expose_secret());
        let mut key = Box::new([0u8; 32]);
        hkdf.expand(purpose.label(), key.as_mut())
            .expect("32 bytes is a valid HKDF-SHA256 length");
        Key(Arc::new(SecretBox::new(key)))
    }

    /// An HMAC-SHA256 keyed with this key.
    pub fn mac(&self) -> Hmac<Sha256> {
        Hmac::new_from_slice(self.0.expose_secret()).expect("HMAC takes any key length")
    }

    /// The key for a cipher (the handoffs' XChaCha20-Poly1305).
    pub fn cipher_key(&self) -> &[u8; 32] {
        self.0.expose_secret()
    }
}

/// One purpose's keys: the current one, and the previous one during a rotation.
#[derive(Clone)]
pub struct KeyRing {
    current: Key,
    previous: Option<Key>,
}

impl KeyRing {
    /// Signs and seals.
    pub fn current(&self) -> &Key {
        &self.current
    }

    /// Every key a check may accept, the current first.
    pub fn accepted(&self) -> impl Iterator<Item = &Key> {
        std::iter::once(&self.current).chain(self.previous.as_ref())
    }
}

/// The secrets the keys come from. Prints as `[REDACTED]`.
#[derive(Clone, Debug)]
pub struct Secrets {
    current: SecretSlice<u8>,
    previous: Option<SecretSlice<u8>>,
}

impl Secrets {
    pub fn new(current: SecretSlice<u8>, previous: Option<SecretSlice<u8>>) -> Self {
        Self { current, previous }
    }

    /// As `RJ_SECRET=secret` with no previous secret gives: for tests and tools that
    /// make tokens a running site must accept.
    pub fn from_text(secret: &str) -> Self {
        Self::new(secret.as_bytes().to_vec().into(), None)
    }

    /// The keys for `purpose`.
    pub fn ring(&self, purpose: Purpose) -> KeyRing {
        KeyRing {
            current: Key::derive(&self.current, purpose),
            previous: self.previous.as_ref().map(|s| Key::derive(s, purpose)),
        }
    }

    /// Eight hex digits for each secret, that tell secrets apart without showing them.
    pub fn fingerprints(&self) -> Fingerprints {
        let print = |secret: &SecretSlice<u8>| {
            let bytes = Key::derive(secret, Purpose::Fingerprint)
                .mac()
                .finalize()
                .into_bytes();
            bytes[..4].iter().map(|b| format!("{b:02x}")).collect()
        };
        Fingerprints {
            current: print(&self.current),
            previous: self.previous.as_ref().map(print),
        }
    }
}

/// What `rj check-config` prints to compare secrets across instances.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Fingerprints {
    pub current: String,
    /// `RJ_SECRET_PREVIOUS`'s, during a rotation.
    pub previous: Option<String>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tag(key: &Key) -> Vec<u8> {
        let mut mac = key.mac();
        mac.update(b"x");
        mac.finalize().into_bytes().to_vec()
    }

    #[test]
    fn each_purpose_and_each_secret_has_its_own_key() {
        let a = Secrets::from_text("a-secret-of-thirty-two-characters!");
        let b = Secrets::from_text("another-secret-of-thirty-two-chars");
        let purposes = [
            Purpose::FormToken,
            Purpose::AckLink,
            Purpose::Handoff,
            Purpose::ClientLimit,
            Purpose::Fingerprint,
            Purpose::Feedback,
        ];
        let mut seen = std::collections::HashSet::new();
        for secrets in [&a, &b] {
            for purpose in purposes {
                assert!(seen.insert(tag(secrets.ring(purpose).current())));
            }
        }
        // Derived the same way every time, on every instance.
        assert_eq!(
            tag(a.ring(Purpose::AckLink).current()),
            tag(Secrets::from_text("a-secret-of-thirty-two-characters!")
                .ring(Purpose::AckLink)
                .current())
        );
        assert_ne!(a.fingerprints().current, b.fingerprints().current);
    }

    #[test]
    fn a_rotation_accepts_the_previous_secret_and_signs_with_the_new() {
        let old = Secrets::from_text("the-old-secret-of-thirty-two-chars");
        let both = Secrets::new(
            b"the-new-secret-of-thirty-two-chars".to_vec().into(),
            Some(b"the-old-secret-of-thirty-two-chars".to_vec().into()),
        );
        let ring = both.ring(Purpose::FormToken);
        let old_tag = tag(old.ring(Purpose::FormToken).current());
        assert_ne!(tag(ring.current()), old_tag);
        assert!(ring.accepted().any(|k| tag(k) == old_tag));
        assert_eq!(ring.accepted().count(), 2);
        assert_eq!(old.ring(Purpose::FormToken).accepted().count(), 1);
        let prints = both.fingerprints();
        assert_eq!(prints.previous, Some(old.fingerprints().current));
        assert_ne!(Some(prints.current), prints.previous);
    }

    #[test]
    fn no_key_prints() {
        let secrets = Secrets::from_text("a-secret-of-thirty-two-characters!");
        let ring = secrets.ring(Purpose::Handoff);
        let printed = format!("{:?}", ring.current().0);
        assert!(!printed.contains("secret-of"), "{printed}");
    }
}

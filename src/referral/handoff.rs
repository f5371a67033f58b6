//! What one page hands to the next after a post (post-redirect-get), so that no page a
//! person can go Back to is a form post, and no address holds an answer or a reference.
//!
//! A post stores a [`Handoff`] under a random id and redirects to a page addressed by
//! that id alone. The row is sealed (XChaCha20-Poly1305, key derived from `RJ_SECRET`,
//! the id bound in as associated data), lives at most [`TTL_SECONDS`], and is deleted
//! when the person sends, changes an answer or presses Exit; after that its address
//! shows nothing personal.

use super::form::Answers;
use super::problem::Problem;
use super::view::StatusProblem;
pub use super::view::Step;
use crate::keys::KeyRing;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};

/// The longest a handoff lives: long enough to read the answers back and press Send,
/// short enough that a page reopened from the history later shows nothing.
pub const TTL_SECONDS: i64 = crate::site::HANDOFF_MINUTES * 60;

/// What a page after a post shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Handoff {
    /// A step of the questions; `show_errors` shows what needs fixing.
    Form {
        answers: Answers,
        step: Step,
        show_errors: bool,
        general: Option<Problem>,
        token: String,
    },
    /// Check your answers.
    Check {
        answers: Answers,
        token: String,
        general: Option<Problem>,
    },
    /// Check your answers, held back by the Send limit until `wait_until` (unix seconds).
    Limited {
        answers: Answers,
        token: String,
        wait_until: i64,
    },
    /// The confirmation of a stored request.
    Sent { reference: String },
    /// A status lookup's answer: what was typed, and why it was not looked up.
    Status {
        typed: String,
        problem: Option<StatusProblem>,
    },
}

/// A handoff's id: 128 random bits, base64url (22 characters).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HandoffId(String);

impl HandoffId {
    pub fn random() -> Self {
        Self(URL_SAFE_NO_PAD.encode(rand::random::<[u8; 16]>()))
    }

    /// An id as it appears in an address; anything else is no id at all.
    pub fn parse(text: &str) -> Option<Self> {
        let ok = text.len() == 22
            && text
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        ok.then(|| Self(text.to_string()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for HandoffId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// Seals and opens handoffs.
#[derive(Clone)]
pub struct Sealer {
    /// The current key's cipher first (it seals); then the previous secret's, during a
    /// rotation (it still opens).
    ciphers: Vec<XChaCha20Poly1305>,
}

impl Sealer {
    pub fn new(keys: &KeyRing) -> Self {
        Self {
            ciphers: keys
                .accepted()
                .map(|key| XChaCha20Poly1305::new(key.cipher_key().into()))
                .collect(),
        }
    }

    /// `handoff`, sealed for the row `id`: base64url of the nonce and the ciphertext.
    pub fn seal(&self, id: &HandoffId, handoff: &Handoff) -> String {
        let plain = serde_json::to_vec(handoff).expect("a handoff always serialises");
        let nonce_bytes: [u8; 24] = rand::random();
        let nonce = XNonce::from_slice(&nonce_bytes);
        let sealed = self.ciphers[0]
            .encrypt(
                nonce,
                Payload {
                    msg: &plain,
                    aad: id.as_str().as_bytes(),
                },
            )
            .expect("encryption of a small message cannot fail");
        let mut out = nonce_bytes.to_vec();
        out.extend(sealed);
        URL_SAFE_NO_PAD.encode(out)
    }

    /// The handoff sealed for `id`, or `None` when it was not sealed by this key for
    /// this id (a changed secret, a row moved to another id, a damaged row).
    pub fn open(&self, id: &HandoffId, sealed: &str) -> Option<Handoff> {
        let bytes = URL_SAFE_NO_PAD.decode(sealed).ok()?;
        if bytes.len() < 24 {
            return None;
        }
        let (nonce, ciphertext) = bytes.split_at(24);
        let plain = self.ciphers.iter().find_map(|cipher| {
            cipher
                .decrypt(
                    XNonce::from_slice(nonce),
                    Payload {
                        msg: ciphertext,
                        aad: id.as_str().as_bytes(),
                    },
                )
                .ok()
        })?;
        serde_json::from_slice(&plain).ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::referral::form::Field;

    fn form() -> Handoff {
        let answers: Answers = [(Field::FullName, "Siân".to_string())]
            .into_iter()
            .collect();
        Handoff::Form {
            answers,
            step: Step::Details,
            show_errors: true,
            general: Some(Problem::TooMany),
            token: "t".into(),
        }
    }

    #[test]
    fn a_sealed_handoff_opens_only_for_its_id_and_key() {
        let sealer = Sealer::new(
            &crate::keys::Secrets::from_text("secret").ring(crate::keys::Purpose::Handoff),
        );
        let id = HandoffId::random();
        let sealed = sealer.seal(&id, &form());
        assert!(!sealed.contains("Siân") && !sealed.contains("Si"), "sealed");
        assert_eq!(sealer.open(&id, &sealed), Some(form()));
        assert_eq!(sealer.open(&HandoffId::random(), &sealed), None);
        assert_eq!(
            Sealer::new(
                &crate::keys::Secrets::from_text("other").ring(crate::keys::Purpose::Handoff)
            )
            .open(&id, &sealed),
            None
        );
        assert_eq!(sealer.open(&id, "junk"), None);
        assert_eq!(sealer.open(&id, ""), None);
    }

    #[test]
    fn during_a_rotation_what_the_old_secret_sealed_still_opens() {
        use crate::keys::{Purpose, Secrets};
        let old = Sealer::new(&Secrets::from_text("old-secret").ring(Purpose::Handoff));
        let rotating = Sealer::new(
            &Secrets::new(
                b"new-secret".to_vec().into(),
                Some(b"old-secret".to_vec().into()),
            )
            .ring(Purpose::Handoff),
        );
        let id = HandoffId::random();
        assert_eq!(rotating.open(&id, &old.seal(&id, &form())), Some(form()));
        // New handoffs are sealed under the new secret only.
        assert_eq!(old.open(&id, &rotating.seal(&id, &form())), None);
    }

    #[test]
    fn ids_are_22_url_safe_characters() {
        let id = HandoffId::random();
        assert_eq!(HandoffId::parse(id.as_str()), Some(id.clone()));
        assert_ne!(HandoffId::random(), id);
        for bad in [
            "",
            "short",
            "RJ-ABCD-EFGH",
            "aaaaaaaaaaaaaaaaaaaaa/",
            "%FFaaaaaaaaaaaaaaaaaaa",
        ] {
            assert_eq!(HandoffId::parse(bad), None, "{bad}");
        }
    }
}

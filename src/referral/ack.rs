//! The service's "Confirm you have received this request" link. Each request's link
//! carries a tag: an HMAC of its reference under a key from `RJ_SECRET` (`keys`), so nobody can make one
//! for a reference they only guessed, and no table of tokens needs keeping. Opening
//! the link changes nothing (mail scanners open links); only the page's button, a
//! POST, records the acknowledgement.

use crate::i18n::{Lang, Page};
use crate::keys::{Key, KeyRing};
use crate::referral::reference::Reference;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use hmac::{Hmac, Mac};
use sha2::Sha256;

/// Bytes of the HMAC kept in a link: 128 bits, 22 characters.
const TAG_BYTES: usize = 16;

/// Signs and checks acknowledgement links.
#[derive(Clone)]
pub struct AckTokens {
    keys: KeyRing,
}

impl AckTokens {
    pub fn new(keys: KeyRing) -> Self {
        Self { keys }
    }

    fn mac(key: &Key, reference: Reference) -> Hmac<Sha256> {
        let mut mac = key.mac();
        mac.update(reference.to_string().as_bytes());
        mac
    }

    /// The tag of `reference`'s link.
    pub fn tag(&self, reference: Reference) -> String {
        let mac = Self::mac(self.keys.current(), reference);
        URL_SAFE_NO_PAD.encode(&mac.finalize().into_bytes()[..TAG_BYTES])
    }

    /// Whether `tag` is `reference`'s (compared in constant time).
    pub fn check(&self, reference: Reference, tag: &str) -> bool {
        match URL_SAFE_NO_PAD.decode(tag) {
            Ok(bytes) if bytes.len() == TAG_BYTES => self.keys.accepted().any(|key| {
                Self::mac(key, reference)
                    .verify_truncated_left(&bytes)
                    .is_ok()
            }),
            _ => false,
        }
    }

    /// The link's path on this site, in `lang`.
    pub fn path(&self, lang: Lang, reference: Reference) -> String {
        path(lang, reference, &self.tag(reference))
    }

    /// The whole link, under the site's public address.
    pub fn url(&self, public_url: &str, lang: Lang, reference: Reference) -> String {
        format!(
            "{}{}",
            public_url.trim_end_matches('/'),
            self.path(lang, reference)
        )
    }
}

/// `/refer/confirm/RJ-XXXX-XXXX/<tag>`, `/cy/cyfeirio/cadarnhau/RJ-XXXX-XXXX/<tag>`.
pub fn path(lang: Lang, reference: Reference, tag: &str) -> String {
    format!(
        "{}/{}/{reference}/{tag}",
        Page::Refer.path(lang),
        Page::ack_segment(lang)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_belong_to_one_reference_and_one_secret() {
        let tokens = AckTokens::new(
            crate::keys::Secrets::from_text("a-secret").ring(crate::keys::Purpose::AckLink),
        );
        let a = Reference::generate({
            let mut n: u64 = 12345;
            move || {
                n += 7;
                n
            }
        });
        let b = Reference::generate({
            let mut n: u64 = 67890;
            move || {
                n += 7;
                n
            }
        });
        let tag = tokens.tag(a);
        assert_eq!(tag.len(), 22);
        assert!(tokens.check(a, &tag));
        assert!(!tokens.check(b, &tag), "another reference");
        assert!(
            !AckTokens::new(
                crate::keys::Secrets::from_text("other").ring(crate::keys::Purpose::AckLink)
            )
            .check(a, &tag),
            "another secret"
        );
        for junk in [
            "",
            "x",
            &tag[..21],
            &format!("{tag}A"),
            "!!!!!!!!!!!!!!!!!!!!!!",
        ] {
            assert!(!tokens.check(a, junk), "{junk}");
        }
        let path = tokens.path(Lang::Cy, a);
        assert_eq!(path, format!("/cy/cyfeirio/cadarnhau/{a}/{tag}"));
        assert_eq!(
            tokens.url("https://rj.example.org/", Lang::En, a),
            format!("https://rj.example.org/refer/confirm/{a}/{tag}")
        );
    }
}

//! API keys for case systems (`/api/v1/`): the key itself (held in `secrecy`, shown once
//! by `rj api-key create`, stored only as its SHA-256), reading it from an
//! `Authorization: Bearer` header, and its scope: the requests a key covers are exactly
//! those a service member of its area (and audience) sees. Storage is in
//! `store::api_keys`, the handlers in `server::api_v1`.

use super::{InboxState, Member, Role, Roles, Scope};
use crate::areas::directory::{Audience, Routed};
use crate::mail::address::EmailAddress;
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use http::{HeaderMap, header};
use rand::RngCore;
use secrecy::{ExposeSecret, SecretString};
use sha2::{Digest, Sha256};

/// What every key starts with: a secret scanner (or a person) can tell it apart.
pub const PREFIX: &str = "rjk_";
/// 256 random bits in unpadded base64url.
const RANDOM_CHARS: usize = 43;

/// A key as a caller presents it. Never printed: `Debug` shows no part of it.
pub struct ApiKey(SecretString);

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("ApiKey(…)")
    }
}

impl ApiKey {
    /// A new key: the prefix and 256 random bits.
    pub fn generate() -> ApiKey {
        let mut bytes = [0u8; 32];
        rand::rng().fill_bytes(&mut bytes);
        ApiKey(SecretString::from(format!(
            "{PREFIX}{}",
            URL_SAFE_NO_PAD.encode(bytes)
        )))
    }

    /// A key in the right form, or `None` (then it is no key at all: the same 401).
    pub fn parse(text: &str) -> Option<ApiKey> {
        let rest = text.strip_prefix(PREFIX)?;
        let good = rest.len() == RANDOM_CHARS
            && rest
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        good.then(|| ApiKey(SecretString::from(text.to_string())))
    }

    /// The key from `Authorization: Bearer rjk_…`, if there is one in the right form.
    pub fn from_headers(headers: &HeaderMap) -> Option<ApiKey> {
        let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?.trim();
        let (scheme, token) = value.split_once(' ')?;
        if !scheme.eq_ignore_ascii_case("bearer") {
            return None;
        }
        ApiKey::parse(token.trim())
    }

    /// What the database keeps: the key's SHA-256, base64url. The key has 256 random
    /// bits, so a plain hash is enough (nothing to guess, nothing to stretch).
    pub fn hash(&self) -> String {
        URL_SAFE_NO_PAD.encode(Sha256::digest(self.0.expose_secret().as_bytes()))
    }

    /// The key's text, to print once when it is made.
    pub fn reveal(&self) -> &str {
        self.0.expose_secret()
    }
}

/// Which requests a key covers: one area's service, for everyone or for its youth
/// justice service. The same rule as a service member of that area.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KeyScope(pub Scope);

impl KeyScope {
    pub fn new(area: &str, audience: Audience) -> Self {
        KeyScope(Scope {
            area: area.to_string(),
            audience,
        })
    }

    pub fn area(&self) -> &str {
        &self.0.area
    }

    pub fn audience(&self) -> Audience {
        self.0.audience
    }

    /// The service member this key stands in for: whatever they may see, the key may,
    /// and nothing else (the inbox's own rule and list query decide).
    pub fn as_member(&self, key_id: i64) -> Member {
        Member {
            id: -key_id,
            // Never shown or sent: a member needs an address, a key has none.
            email: EmailAddress::parse("api-key@example.invalid").expect("a valid address"),
            roles: Roles::new(vec![Role::Service]),
            scopes: vec![self.0.clone()],
        }
    }

    /// Whether the key covers a request of `area` routed as `routed`.
    pub fn covers(&self, area: &str, routed: Routed) -> bool {
        self.as_member(0).may_see(area, routed)
    }
}

/// A key as stored: never the key itself.
#[derive(Clone, Debug)]
pub struct KeyRecord {
    pub id: i64,
    pub scope: KeyScope,
    pub name: String,
    pub created_at: i64,
    pub last_used_at: Option<i64>,
    pub revoked_at: Option<i64>,
}

impl KeyRecord {
    /// Who acts, in the audit log.
    pub fn actor(&self) -> String {
        format!("api-key:{} {}", self.id, self.name)
    }
}

/// `audience` as the command line and the database write it.
pub fn audience_word(audience: Audience) -> &'static str {
    match audience {
        Audience::All => "all",
        Audience::Youth => "youth",
    }
}

pub fn parse_audience(text: &str) -> Option<Audience> {
    match text {
        "all" => Some(Audience::All),
        "youth" => Some(Audience::Youth),
        _ => None,
    }
}

/// A key's name: the operator's label for the system that uses it. Plain, short, one
/// line, so it reads well in the audit log and `rj api-key list`.
pub fn clean_name(text: &str) -> Option<String> {
    let name = text.trim();
    let good =
        !name.is_empty() && name.chars().count() <= 80 && !name.chars().any(char::is_control);
    good.then(|| name.to_string())
}

/// The states a caller may ask for in a list (`passed-on` is triage's, never a key's).
pub fn list_state(text: &str) -> Option<InboxState> {
    match InboxState::parse(text)? {
        InboxState::PassedOn => None,
        state => Some(state),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::areas::directory::Via;

    #[test]
    fn keys_are_256_random_bits_with_a_prefix_and_never_print() {
        let a = ApiKey::generate();
        let b = ApiKey::generate();
        assert!(a.reveal().starts_with("rjk_") && a.reveal().len() == 4 + 43);
        assert_ne!(a.reveal(), b.reveal());
        assert_ne!(a.hash(), b.hash());
        assert_eq!(ApiKey::parse(a.reveal()).unwrap().hash(), a.hash());
        assert!(!format!("{a:?}").contains(&a.reveal()[4..]));
        assert!(ApiKey::parse("rjk_short").is_none());
        assert!(ApiKey::parse(&a.reveal().replace("rjk_", "xyz_")).is_none());
        assert!(ApiKey::parse(&format!("{}!", &a.reveal()[..46])).is_none());
    }

    #[test]
    fn the_bearer_header_carries_the_key() {
        let key = ApiKey::generate();
        let mut headers = HeaderMap::new();
        headers.insert(
            header::AUTHORIZATION,
            format!("Bearer {}", key.reveal()).parse().unwrap(),
        );
        assert_eq!(ApiKey::from_headers(&headers).unwrap().hash(), key.hash());
        headers.insert(
            header::AUTHORIZATION,
            format!("Basic {}", key.reveal()).parse().unwrap(),
        );
        assert!(ApiKey::from_headers(&headers).is_none());
        assert!(ApiKey::from_headers(&HeaderMap::new()).is_none());
    }

    #[test]
    fn a_key_covers_what_a_service_member_of_its_area_sees() {
        let routed = |via, audience| Routed { via, audience };
        for scope in [
            KeyScope::new("kent", Audience::All),
            KeyScope::new("kent", Audience::Youth),
        ] {
            let member = Member {
                id: 1,
                email: EmailAddress::parse("s@example.org").unwrap(),
                roles: Roles::new(vec![Role::Service]),
                scopes: vec![scope.0.clone()],
            };
            for area in ["kent", "essex"] {
                for via in [Via::Direct, Via::Triage] {
                    for audience in [Audience::All, Audience::Youth] {
                        let r = routed(via, audience);
                        assert_eq!(scope.covers(area, r), member.may_see(area, r));
                    }
                }
            }
        }
        let kent = KeyScope::new("kent", Audience::All);
        assert!(kent.covers("kent", routed(Via::Direct, Audience::All)));
        assert!(!kent.covers("kent", routed(Via::Triage, Audience::All)));
        assert!(!kent.covers("kent", routed(Via::Direct, Audience::Youth)));
        assert!(!kent.covers("essex", routed(Via::Direct, Audience::All)));
    }

    #[test]
    fn names_and_states_are_checked() {
        assert_eq!(
            clean_name("  Case system  ").as_deref(),
            Some("Case system")
        );
        assert!(clean_name("").is_none());
        assert!(clean_name("a\nb").is_none());
        assert!(clean_name(&"x".repeat(81)).is_none());
        assert_eq!(list_state("waiting"), Some(InboxState::Waiting));
        assert_eq!(list_state("passed-on"), None);
        assert_eq!(list_state("lost"), None);
    }
}

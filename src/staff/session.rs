//! Staff sessions: the one cookie the site sets (only under `/staff`), its token, and
//! when a session has ended. The cookie holds a random token; the database keeps only
//! its hash, so a copy of the database signs nobody in.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use http::{HeaderMap, HeaderValue, header};
use rand::RngCore;
use sha2::{Digest, Sha256};

/// The cookie's name and path: no public page ever receives it.
pub const COOKIE: &str = "rj_staff";
pub const PATH: &str = "/staff";

/// A session ends after this long without a request…
pub const IDLE_SECONDS: i64 = 30 * 60;
/// …and this long after sign-in, whatever happens.
pub const ABSOLUTE_SECONDS: i64 = 12 * 60 * 60;

/// A new random token (256 bits), for a session or an invitation.
pub fn new_token() -> String {
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    URL_SAFE_NO_PAD.encode(bytes)
}

/// What the database keeps for a token.
pub fn hash(token: &str) -> String {
    URL_SAFE_NO_PAD.encode(Sha256::digest(token.as_bytes()))
}

/// A stored session's times.
#[derive(Clone, Copy, Debug)]
pub struct Times {
    pub created_at: i64,
    pub last_seen_at: i64,
    pub ended_at: Option<i64>,
}

impl Times {
    /// Whether the session still signs its member in at `now`.
    pub fn live(&self, now: i64) -> bool {
        self.ended_at.is_none()
            && now - self.last_seen_at < IDLE_SECONDS
            && now - self.created_at < ABSOLUTE_SECONDS
    }
}

/// The `Set-Cookie` value that starts a session: host-only (no Domain), HttpOnly,
/// SameSite=Strict, Secure when the site is served over HTTPS. No Max-Age: it ends with
/// the browser, or sooner on the server.
pub fn set_cookie(token: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; Path={PATH}; HttpOnly; SameSite=Strict{secure}"
    ))
    .expect("a token is URL-safe base64")
}

/// The `Set-Cookie` value for a sign-in with an organisation's account that is on its
/// way through the provider: the same one cookie (a random value whose hash keys the
/// pending sign-in), for ten minutes, and SameSite=Lax so that the browser sends it when
/// the provider sends it back (a navigation from another site).
pub fn pending_cookie(token: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}={token}; Path={PATH}; Max-Age=600; HttpOnly; SameSite=Lax{secure}"
    ))
    .expect("a token is URL-safe base64")
}

/// The `Set-Cookie` value that removes it.
pub fn clear_cookie(secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE}=; Path={PATH}; Max-Age=0; HttpOnly; SameSite=Strict{secure}"
    ))
    .expect("valid")
}

/// The session token the request carries, if any.
pub fn token(headers: &HeaderMap) -> Option<String> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, value)| *name == COOKIE && !value.is_empty() && value.len() <= 64)
        .map(|(_, value)| value.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_session_ends_idle_absolute_or_signed_out() {
        let t = Times {
            created_at: 0,
            last_seen_at: 0,
            ended_at: None,
        };
        assert!(t.live(IDLE_SECONDS - 1));
        assert!(!t.live(IDLE_SECONDS));
        let busy = Times {
            last_seen_at: ABSOLUTE_SECONDS - 10,
            ..t
        };
        assert!(busy.live(ABSOLUTE_SECONDS - 1));
        assert!(!busy.live(ABSOLUTE_SECONDS));
        let ended = Times {
            ended_at: Some(5),
            ..t
        };
        assert!(!ended.live(6));
    }

    #[test]
    fn the_cookie_is_strict_host_only_and_under_staff() {
        let c = set_cookie("abc", true);
        assert_eq!(
            c.to_str().unwrap(),
            "rj_staff=abc; Path=/staff; HttpOnly; SameSite=Strict; Secure"
        );
        assert!(
            !set_cookie("abc", false)
                .to_str()
                .unwrap()
                .contains("Secure")
        );
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("a=1; rj_staff=tok; b=2"),
        );
        assert_eq!(token(&headers).as_deref(), Some("tok"));
        assert_ne!(hash("tok"), "tok");
    }
}

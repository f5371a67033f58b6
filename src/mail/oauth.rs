//! The OAuth 2.0 access token for sending mail through Microsoft 365 (SMTP `XOAUTH2`):
//! fetched from the token endpoint with the client credentials grant, kept in memory in
//! a `SecretString`, shared by every worker, fetched again before it expires (one fetch
//! at a time), and dropped when the SMTP server refuses it. Neither the token nor the
//! client secret is ever logged or shown.

use reqwest::Url;
use secrecy::{ExposeSecret, SecretString};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

/// Who the site is at the token endpoint (`RJ_SMTP_OAUTH_*`). The secret never prints.
#[derive(Clone, Debug)]
pub struct ClientCredentials {
    /// The token endpoint, e.g. Entra's
    /// `https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token`.
    pub token_url: Url,
    pub client_id: String,
    pub client_secret: SecretString,
    /// What the token is for (Exchange Online: `https://outlook.office365.com/.default`).
    pub scope: String,
}

/// The scope Exchange Online wants for SMTP with an application's token.
pub const EXCHANGE_SCOPE: &str = "https://outlook.office365.com/.default";

/// An access token, and which fetch it came from (so a refusal drops only that one,
/// never a newer token another worker has just fetched).
#[derive(Clone, Debug)]
pub struct Token {
    pub value: SecretString,
    pub generation: u64,
}

/// Why no token could be had. The texts hold neither the secret nor a token: they may
/// be logged and printed by `rj check-config`.
#[derive(Clone, Debug, thiserror::Error, PartialEq, Eq)]
pub enum TokenError {
    #[error("the token endpoint could not be reached ({0})")]
    Unreachable(&'static str),
    #[error("the token endpoint refused the client id, secret or scope ({0})")]
    Refused(String),
    #[error("the token endpoint's answer is not a bearer token ({0})")]
    BadAnswer(&'static str),
}

/// The token every worker shares (cheap to clone).
#[derive(Clone)]
pub struct TokenSource {
    inner: Arc<Inner>,
}

struct Inner {
    http: reqwest::Client,
    client: ClientCredentials,
    /// The token held; the lock is held across a fetch, so one fetch runs at a time and
    /// the other workers wait for its token instead of fetching their own.
    held: tokio::sync::Mutex<Option<Held>>,
    fetches: AtomicU64,
}

struct Held {
    token: Token,
    refresh_at: Instant,
    expires_at: Instant,
}

/// When a token that lives `lifetime` is fetched again: at 80 % of its life or five
/// minutes before it ends, whichever is sooner (a token shorter than five minutes is
/// fetched again each time).
pub fn refresh_after(lifetime: Duration) -> Duration {
    let most = lifetime.mul_f64(0.8);
    most.min(lifetime.saturating_sub(Duration::from_secs(5 * 60)))
}

impl TokenSource {
    pub fn new(client: ClientCredentials) -> TokenSource {
        let http = reqwest::Client::builder()
            .timeout(Duration::from_secs(30))
            // The secret is in the body: never resend it to wherever a redirect points.
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("the HTTP client builds (rustls, no system settings read)");
        TokenSource {
            inner: Arc::new(Inner {
                http,
                client,
                held: tokio::sync::Mutex::new(None),
                fetches: AtomicU64::new(0),
            }),
        }
    }

    /// The current token, fetched first if there is none or it is due for refreshing.
    /// If a refresh fails while the held token has not expired, that one is used.
    pub async fn token(&self) -> Result<Token, TokenError> {
        let mut held = self.inner.held.lock().await;
        let now = Instant::now();
        if let Some(h) = held.as_ref()
            && now < h.refresh_at
        {
            return Ok(h.token.clone());
        }
        match self.fetch().await {
            Ok((value, lifetime)) => {
                let generation = self.inner.fetches.fetch_add(1, Ordering::Relaxed) + 1;
                let token = Token { value, generation };
                *held = Some(Held {
                    token: token.clone(),
                    refresh_at: now + refresh_after(lifetime),
                    expires_at: now + lifetime,
                });
                tracing::info!(
                    "SMTP: a new access token from the token endpoint, valid for {} s",
                    lifetime.as_secs()
                );
                Ok(token)
            }
            Err(e) => match held.as_ref() {
                Some(h) if now < h.expires_at => {
                    tracing::warn!("SMTP: {e}; the current token is used until it expires");
                    Ok(h.token.clone())
                }
                _ => {
                    *held = None;
                    Err(e)
                }
            },
        }
    }

    /// Forgets the token of fetch `generation` (the SMTP server refused it), so the next
    /// [`TokenSource::token`] fetches a new one; a newer token is kept.
    pub async fn forget(&self, generation: u64) {
        let mut held = self.inner.held.lock().await;
        if held
            .as_ref()
            .is_some_and(|h| h.token.generation == generation)
        {
            *held = None;
        }
    }

    /// One client credentials grant (RFC 6749 section 4.4), the client authenticated in
    /// the body as Entra documents it (`client_secret_post`).
    async fn fetch(&self) -> Result<(SecretString, Duration), TokenError> {
        let c = &self.inner.client;
        let form = [
            ("grant_type", "client_credentials"),
            ("client_id", c.client_id.as_str()),
            ("client_secret", c.client_secret.expose_secret()),
            ("scope", c.scope.as_str()),
        ];
        let response = self
            .inner
            .http
            .post(c.token_url.clone())
            .form(&form)
            .send()
            .await
            .map_err(|e| {
                TokenError::Unreachable(if e.is_timeout() {
                    "timed out"
                } else if e.is_connect() {
                    "no connection"
                } else {
                    "the request failed"
                })
            })?;
        let status = response.status();
        let body: serde_json::Value = response
            .json()
            .await
            .map_err(|_| TokenError::BadAnswer("not JSON"))?;
        if !status.is_success() {
            return Err(TokenError::Refused(refusal(status.as_u16(), &body)));
        }
        let value = body["access_token"]
            .as_str()
            .filter(|t| !t.is_empty())
            .ok_or(TokenError::BadAnswer("no access_token"))?;
        if !body["token_type"]
            .as_str()
            .is_some_and(|t| t.eq_ignore_ascii_case("bearer"))
        {
            return Err(TokenError::BadAnswer("token_type is not Bearer"));
        }
        // A number, or (older Entra endpoints) a number in a string; without one, an
        // hour, as Entra's tokens last at least that.
        let seconds = match &body["expires_in"] {
            serde_json::Value::Number(n) => n.as_u64(),
            serde_json::Value::String(s) => s.parse().ok(),
            serde_json::Value::Null => Some(3600),
            _ => None,
        }
        .ok_or(TokenError::BadAnswer("expires_in is not a number"))?;
        Ok((
            SecretString::from(value.to_string()),
            Duration::from_secs(seconds),
        ))
    }
}

/// The refusal in words safe to log: the HTTP status, the OAuth `error` code, and
/// Entra's `AADSTS` number if its description starts with one (the rest of a
/// description is not shown: it is the server's free text).
fn refusal(status: u16, body: &serde_json::Value) -> String {
    let mut said = format!("HTTP {status}");
    if let Some(error) = body["error"]
        .as_str()
        .filter(|e| e.len() <= 40 && e.chars().all(|c| c.is_ascii_lowercase() || c == '_'))
    {
        said.push_str(": ");
        said.push_str(error);
    }
    if let Some(code) = body["error_description"].as_str().and_then(|d| {
        let digits = d.strip_prefix("AADSTS")?;
        let n = digits.chars().take_while(char::is_ascii_digit).count();
        (n > 0).then(|| &d[..6 + n])
    }) {
        said.push_str(", ");
        said.push_str(code);
    }
    said
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_token_is_refreshed_at_80_percent_or_5_minutes_before_whichever_is_sooner() {
        let s = Duration::from_secs;
        // Entra's usual hour: at 48 minutes (80 % is sooner than 55).
        assert_eq!(refresh_after(s(3600)), s(2880));
        // Twenty minutes: five minutes before (15) is sooner than 80 % (16).
        assert_eq!(refresh_after(s(1200)), s(900));
        // Shorter than five minutes: fetched again every time.
        assert_eq!(refresh_after(s(5)), s(0));
    }

    #[test]
    fn a_refusal_names_the_code_not_the_servers_text() {
        let body = json!({
            "error": "invalid_client",
            "error_description": "AADSTS7000215: Invalid client secret provided. Trace ID: x",
        });
        assert_eq!(
            refusal(401, &body),
            "HTTP 401: invalid_client, AADSTS7000215"
        );
        assert_eq!(refusal(400, &json!({"error": "Bad <thing>"})), "HTTP 400");
        assert_eq!(refusal(500, &json!(null)), "HTTP 500");
    }

    #[test]
    fn the_secret_never_prints() {
        let client = ClientCredentials {
            token_url: Url::parse("https://login.example.org/t/oauth2/v2.0/token").unwrap(),
            client_id: "client-id".into(),
            client_secret: SecretString::from("s3cret-value-42"),
            scope: EXCHANGE_SCOPE.into(),
        };
        let token = Token {
            value: SecretString::from("the-token-value"),
            generation: 1,
        };
        let shown = format!("{client:?} {token:?}");
        assert!(
            !shown.contains("s3cret") && !shown.contains("the-token"),
            "{shown}"
        );
    }
}

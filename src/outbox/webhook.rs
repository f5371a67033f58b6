//! Signed webhooks (Standard Webhooks): the "request.created" event a route with a
//! `webhook_url` is sent when a request arrives. The body carries the reference, area,
//! audience, the person's language and a link to pull the request through the API,
//! never anything the person wrote. Signed with the route's secret (`webhook-id`,
//! `webhook-timestamp`, `webhook-signature`); the id is the same on every attempt, so a
//! receiver that saw it already can drop a repeat. What the receiver's answer means for
//! the outbox is one pure decision, [`outcome`].

use crate::areas::directory::{Audience, Webhook};
use crate::calendar::iso_utc;
use crate::server::config::WebhookSecrets;
use crate::store::ClaimedWebhook;
use secrecy::ExposeSecret;
use std::time::Duration;

/// What became of one attempt.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// A 2xx: the receiver has it.
    Delivered(u16),
    /// Worth trying again later: a 5xx, 408, 429, a timeout or a refused connection.
    Transient(String),
    /// Refused for good: any other 4xx, or a redirect (not followed: the address is
    /// wrong). The operator is alerted.
    Permanent(String),
}

/// What an HTTP status means for the outbox.
pub fn outcome(status: u16) -> Outcome {
    match status {
        200..=299 => Outcome::Delivered(status),
        408 | 429 => Outcome::Transient(format!("HTTP {status}")),
        300..=499 => Outcome::Permanent(format!("HTTP {status}")),
        _ => Outcome::Transient(format!("HTTP {status}")),
    }
}

/// The event's id (`webhook-id`): one per request, the same on every attempt.
pub fn message_id(c: &ClaimedWebhook) -> String {
    format!("msg_{}_request_created", c.reference)
}

/// The event's body: no personal data. `public_url` is `RJ_PUBLIC_URL`.
pub fn body(c: &ClaimedWebhook, public_url: &str) -> String {
    serde_json::json!({
        "type": "request.created",
        "timestamp": iso_utc(c.created_at),
        "data": {
            "reference": c.reference.to_string(),
            "area": c.area,
            "audience": match c.audience {
                Audience::All => "all",
                Audience::Youth => "youth",
            },
            "language": c.language.code(),
            "url": format!("{public_url}/api/v1/requests/{}", c.reference),
        }
    })
    .to_string()
}

/// Sends webhooks: one HTTP client (rustls, no redirects, a timeout), the site's
/// public address and the routes' secrets.
#[derive(Clone)]
pub struct WebhookSender {
    client: reqwest::Client,
    public_url: String,
    secrets: WebhookSecrets,
}

impl WebhookSender {
    pub fn new(public_url: &str, secrets: WebhookSecrets, timeout: Duration) -> Self {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(timeout)
            .connect_timeout(timeout)
            .user_agent("rj-webhooks/1")
            .build()
            .expect("the HTTP client's settings are valid");
        Self {
            client,
            public_url: public_url.trim_end_matches('/').to_string(),
            secrets,
        }
    }

    /// One attempt at `c` to `to`, signed at `now`. Errors name no address (the path
    /// may hold the receiver's token) and nothing personal.
    pub async fn send(&self, to: &Webhook, c: &ClaimedWebhook, now: i64) -> Outcome {
        let Some(secret) = self.secrets.get(&to.secret_env) else {
            return Outcome::Transient(format!("{} is not set", to.secret_env));
        };
        let signer = match standardwebhooks::Webhook::new(secret.expose_secret()) {
            Ok(s) => s,
            Err(_) => return Outcome::Transient(format!("{} is not a secret", to.secret_env)),
        };
        let id = message_id(c);
        let body = body(c, &self.public_url);
        let signature = match signer.sign(&id, now, body.as_bytes()) {
            Ok(s) => s,
            Err(e) => return Outcome::Permanent(format!("cannot sign: {e}")),
        };
        let sent = self
            .client
            .post(to.url.clone())
            .header("content-type", "application/json")
            .header(standardwebhooks::HEADER_WEBHOOK_ID, &id)
            .header(standardwebhooks::HEADER_WEBHOOK_TIMESTAMP, now.to_string())
            .header(standardwebhooks::HEADER_WEBHOOK_SIGNATURE, signature)
            .body(body)
            .send()
            .await;
        match sent {
            Ok(response) => outcome(response.status().as_u16()),
            Err(e) if e.is_timeout() => Outcome::Transient("timed out".into()),
            Err(e) if e.is_connect() => Outcome::Transient("cannot connect".into()),
            Err(e) => Outcome::Transient(e.without_url().to_string()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use crate::referral::reference::Reference;

    #[test]
    fn a_2xx_is_delivered_408_429_and_5xx_wait_other_4xx_and_redirects_fail() {
        assert_eq!(outcome(200), Outcome::Delivered(200));
        assert_eq!(outcome(204), Outcome::Delivered(204));
        for transient in [408, 429, 500, 502, 503, 504] {
            assert!(
                matches!(outcome(transient), Outcome::Transient(_)),
                "{transient}"
            );
        }
        for permanent in [301, 302, 400, 401, 403, 404, 410, 422] {
            assert!(
                matches!(outcome(permanent), Outcome::Permanent(_)),
                "{permanent}"
            );
        }
    }

    #[test]
    fn the_body_holds_the_reference_area_audience_language_and_link_only() {
        let c = ClaimedWebhook {
            id: 1,
            attempts: 1,
            reference: Reference::generate(|| 12345),
            area: "kent".into(),
            audience: Audience::Youth,
            language: Lang::Cy,
            created_at: 1_796_400_000,
        };
        let v: serde_json::Value =
            serde_json::from_str(&body(&c, "https://rj.example.org")).unwrap();
        assert_eq!(v["type"], "request.created");
        assert_eq!(v["data"]["area"], "kent");
        assert_eq!(v["data"]["audience"], "youth");
        assert_eq!(v["data"]["language"], "cy");
        assert_eq!(
            v["data"]["url"],
            format!("https://rj.example.org/api/v1/requests/{}", c.reference)
        );
        assert_eq!(v["data"].as_object().unwrap().len(), 5);
        assert_eq!(message_id(&c), message_id(&c.clone()));
    }
}

//! Mail through Microsoft 365's way of logging in: SMTP with an OAuth 2.0 token
//! (`XOAUTH2`) from the client credentials grant, against real servers on loopback. The
//! OpenID provider (`tests/oidc/provider.mjs`) issues the tokens, as Entra would; the
//! SMTP server (`tests/smtp/server.py --xoauth2`) requires a log-in and accepts only a
//! token that the provider's introspection endpoint says is active for the site's
//! client, as Exchange Online would. A request is delivered; an expired token is
//! replaced; a refused token and a token endpoint that is down are temporary failures,
//! and the request is delivered once they are fixed; `rj check-config` logs in, and
//! says clearly what is wrong; no secret or token reaches the logs.

use crate::common;

use common::oidc::{Provider, client};
use common::smtp::{SmtpServer, free_port};
use common::wait::{check, eventually};
use rj::calendar::unix_now;
use rj::mail::transport::Mailer;
use rj::referral::form::{Answer3, ContactLanguage, ContactMethod, Referral, Relationship};
use rj::server::AppState;
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;
use std::sync::{Arc, Mutex};

/// The site's application at the provider (Entra: the app registration).
const CLIENT_ID: &str = "rj-mailer";
const SECRET: &str = "mailer-s3cret-7f2c9d0a";
/// The sending mailbox (`RJ_SMTP_USER`).
const MAILBOX: &str = "no-reply@rj.example.org";
/// The SMTP server's own client at the provider, to ask whether a token is active.
const RESOURCE: &str = "exchange-test";
const RESOURCE_SECRET: &str = "exchange-s3cret-1b8e44";

/// The provider's clients: the site (its secret in the body, as Entra takes it), and
/// the SMTP server as a resource server.
fn clients() -> Vec<Value> {
    let mut mailer = client(CLIENT_ID, SECRET, &[], &["client_credentials"]);
    mailer["token_endpoint_auth_method"] = json!("client_secret_post");
    vec![
        mailer,
        client(RESOURCE, RESOURCE_SECRET, &[], &["client_credentials"]),
    ]
}

/// A provider, an SMTP server that checks its tokens, and a folder for the site.
struct Servers {
    provider: Option<Provider>,
    provider_port: u16,
    /// Seconds a token lives.
    ttl: u64,
    smtp: SmtpServer,
    smtp_port: u16,
    /// What the SMTP server writes: messages, `tokens`, `refused`.
    received: tempfile::TempDir,
    /// The site's database and mail folder.
    site: tempfile::TempDir,
}

impl Servers {
    /// `None` when there is no Node to run the provider (the test is skipped, unless
    /// `RJ_REQUIRE_SERVERS` is set: then it fails).
    fn start(ttl: u64) -> Option<Servers> {
        let provider_port = free_port();
        let provider = Provider::start_on(provider_port, clients(), extra(ttl))?;
        let received = tempfile::tempdir().unwrap();
        let smtp_port = free_port();
        let introspection = format!("http://127.0.0.1:{provider_port}/token/introspection");
        let smtp = SmtpServer::start_with(
            smtp_port,
            received.path(),
            &[
                "--xoauth2",
                &introspection,
                RESOURCE,
                RESOURCE_SECRET,
                CLIENT_ID,
                MAILBOX,
            ],
        );
        Some(Servers {
            provider: Some(provider),
            provider_port,
            ttl,
            smtp,
            smtp_port,
            received,
            site: tempfile::tempdir().unwrap(),
        })
    }

    /// The site's settings, with `secret` as the client secret.
    fn vars(&self, secret: &str) -> Vec<(String, String)> {
        let site = self.site.path().display();
        [
            ("RJ_SMTP_AUTH", "xoauth2".to_string()),
            (
                "RJ_SMTP_URL",
                format!("smtp://127.0.0.1:{}", self.smtp_port),
            ),
            (
                "RJ_SMTP_OAUTH_TOKEN_URL",
                format!("http://127.0.0.1:{}/token", self.provider_port),
            ),
            ("RJ_SMTP_OAUTH_CLIENT_ID", CLIENT_ID.to_string()),
            ("RJ_SMTP_OAUTH_CLIENT_SECRET", secret.to_string()),
            ("RJ_SMTP_USER", MAILBOX.to_string()),
            ("RJ_DATABASE_URL", format!("sqlite://{site}/rj.db")),
            ("RJ_MAIL_DIR", format!("{site}/mail")),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v))
        .collect()
    }

    /// The site's state (its store and mailer), as `rj serve` loads it.
    async fn site(&self) -> AppState {
        let vars = self.vars(SECRET);
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (&**k, &**v)).collect();
        let state = common::state_with(&vars).await;
        assert!(
            matches!(state.mailer, Mailer::Xoauth2(_)),
            "the XOAUTH2 mailer"
        );
        state
    }

    /// The tokens the SMTP server accepted, in order.
    fn tokens(&self) -> Vec<String> {
        lines(&self.received.path().join("tokens"))
    }

    /// How many log-ins the SMTP server refused.
    fn refused(&self) -> usize {
        lines(&self.received.path().join("refused")).len()
    }

    /// Tells the SMTP server to refuse every token, or to check them again.
    fn refuse_tokens(&self, refuse: bool) {
        let flag = self.received.path().join("refuse-tokens");
        if refuse {
            std::fs::write(flag, "").unwrap();
        } else {
            std::fs::remove_file(flag).unwrap();
        }
    }

    /// Whether the provider says `token` is active (RFC 7662), asked as the SMTP server.
    async fn active(&self, token: &str) -> bool {
        let said: Value = reqwest::Client::new()
            .post(format!(
                "http://127.0.0.1:{}/token/introspection",
                self.provider_port
            ))
            .basic_auth(RESOURCE, Some(RESOURCE_SECRET))
            .form(&[("token", token)])
            .send()
            .await
            .unwrap()
            .json()
            .await
            .unwrap();
        said["active"] == true
    }

    fn stop_provider(&mut self) {
        drop(self.provider.take());
    }

    /// Starts the provider again where the site expects it.
    fn restart_provider(&mut self) {
        self.provider = Some(
            Provider::start_on(self.provider_port, clients(), extra(self.ttl))
                .expect("the provider ran before"),
        );
    }
}

fn extra(ttl: u64) -> Value {
    json!({ "ttl": { "ClientCredentials": ttl } })
}

fn lines(path: &Path) -> Vec<String> {
    std::fs::read_to_string(path)
        .map(|t| t.lines().map(str::to_string).collect())
        .unwrap_or_default()
}

/// A request, stored as the form stores it; it goes to the triage inbox.
async fn store_request(state: &AppState, key: &str) {
    let referral = Referral {
        area: "kent".into(),
        relationship: Relationship::Harmed,
        full_name: "Test Person".into(),
        contact_method: ContactMethod::Phone,
        phone: Some("07700 900123".into()),
        email: None,
        voicemail_ok: false,
        say_rj_ok: false,
        safe_times: None,
        contact_language: ContactLanguage::En,
        reported: Answer3::Yes,
        crime_reference: None,
        responsible_under_18: Answer3::No,
        support_needs: None,
        message: None,
        confirmation_email: false,
    };
    state
        .store
        .insert(key, &referral, unix_now(), rand::random::<u64>)
        .await
        .unwrap();
}

/// One delivery attempt, as a worker makes it, for the request that is waiting (a
/// request that failed is tried here at once, as if its retry delay had passed).
async fn attempt(state: &AppState) {
    let later = unix_now() + 24 * 3600;
    let claimed = state.store.claim(later, 60).await.unwrap();
    state
        .worker()
        .deliver(claimed.expect("a request waits"))
        .await;
}

/// (pending, sent, failed).
async fn counts(state: &AppState) -> (i64, i64, i64) {
    let c = state.store.counts().await.unwrap();
    (c.pending, c.sent, c.failed)
}

/// What the site logs while the guard lives (this thread: the tests here run on a
/// single-threaded runtime, so the site's tasks log here too), at every level.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl std::io::Write for Logs {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(bytes);
        Ok(bytes.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

impl<'a> tracing_subscriber::fmt::MakeWriter<'a> for Logs {
    type Writer = Logs;
    fn make_writer(&'a self) -> Logs {
        self.clone()
    }
}

impl Logs {
    fn capture() -> (Logs, tracing::subscriber::DefaultGuard) {
        let logs = Logs::default();
        let subscriber = tracing_subscriber::fmt()
            .with_writer(logs.clone())
            .with_max_level(tracing::Level::TRACE)
            .with_ansi(false)
            .finish();
        (logs, tracing::subscriber::set_default(subscriber))
    }

    fn text(&self) -> String {
        String::from_utf8_lossy(&self.0.lock().unwrap()).to_string()
    }
}

/// Neither secret nor any token the SMTP server accepted is in `text`.
fn assert_no_secret(text: &str, servers: &Servers) {
    for secret in [SECRET, RESOURCE_SECRET, "Bearer "] {
        assert!(!text.contains(secret), "{secret:?} in:\n{text}");
    }
    let tokens = servers.tokens();
    assert!(!tokens.is_empty(), "tokens were used");
    for token in tokens {
        assert!(!text.contains(&token), "a token in:\n{text}");
    }
}

#[tokio::test]
async fn a_request_is_delivered_with_a_token_from_the_provider() {
    let Some(servers) = Servers::start(3600) else {
        return;
    };
    let (logs, _guard) = Logs::capture();
    let state = servers.site().await;
    store_request(&state, "one").await;
    attempt(&state).await;
    assert_eq!(counts(&state).await, (0, 1, 0), "sent");
    let messages = servers.smtp.messages();
    assert_eq!(messages.len(), 1, "the mail arrived");
    assert_eq!(messages[0].0, "triage@example.org");
    // A second request: the same token, shared, not fetched again.
    store_request(&state, "two").await;
    attempt(&state).await;
    assert_eq!(counts(&state).await, (0, 2, 0));
    assert_eq!(servers.smtp.messages().len(), 2);
    let mut tokens = servers.tokens();
    tokens.dedup();
    assert_eq!(tokens.len(), 1, "one token for both");
    assert_eq!(servers.refused(), 0);
    let logs = logs.text();
    assert!(logs.contains("SMTP: a new access token"), "{logs}");
    assert_no_secret(&logs, &servers);
}

/// Four workers, as `rj serve` runs them, start at once with no token: one is fetched,
/// and all of them log in with it.
#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn the_workers_share_one_token() {
    let Some(servers) = Servers::start(3600) else {
        return;
    };
    let state = servers.site().await;
    for key in ["a", "b", "c", "d"] {
        store_request(&state, key).await;
    }
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let workers: Vec<_> = (0..4)
        .map(|i| tokio::spawn(state.worker().run_with(stopped.clone(), i == 0)))
        .collect();
    eventually("every request sent", || async {
        let c = counts(&state).await;
        check(c == (0, 4, 0), || format!("{c:?}"))
    })
    .await;
    stop.send(true).unwrap();
    for worker in workers {
        worker.await.unwrap();
    }
    assert_eq!(servers.smtp.messages().len(), 4, "each arrived");
    let mut tokens = servers.tokens();
    assert!(!tokens.is_empty());
    tokens.dedup();
    assert_eq!(tokens.len(), 1, "one token, fetched once, for every worker");
}

#[tokio::test]
async fn an_expired_token_is_replaced_and_the_mail_still_goes() {
    let Some(servers) = Servers::start(2) else {
        return;
    };
    let state = servers.site().await;
    store_request(&state, "one").await;
    attempt(&state).await;
    assert_eq!(counts(&state).await, (0, 1, 0));
    let first = servers.tokens()[0].clone();
    eventually("the first token to expire", || async {
        check(!servers.active(&first).await, || "still active".into())
    })
    .await;
    store_request(&state, "two").await;
    attempt(&state).await;
    assert_eq!(counts(&state).await, (0, 2, 0), "both sent");
    assert_eq!(servers.smtp.messages().len(), 2, "both arrived");
    let tokens = servers.tokens();
    assert_eq!(tokens.len(), 2);
    assert_ne!(tokens[0], tokens[1], "a new token for the second");
    assert_eq!(servers.refused(), 0, "fetched before use: never refused");
}

#[tokio::test]
async fn a_refused_token_is_a_temporary_failure_and_nothing_is_lost() {
    let Some(servers) = Servers::start(3600) else {
        return;
    };
    let (logs, _guard) = Logs::capture();
    let state = servers.site().await;
    servers.refuse_tokens(true);
    store_request(&state, "one").await;
    attempt(&state).await;
    assert_eq!(counts(&state).await, (1, 0, 0), "waiting, not failed");
    assert!(servers.smtp.messages().is_empty());
    assert_eq!(
        servers.refused(),
        2,
        "the token was dropped and a new one tried once"
    );
    // The tenant's permission is back: the request goes at its next attempt.
    servers.refuse_tokens(false);
    attempt(&state).await;
    assert_eq!(counts(&state).await, (0, 1, 0), "sent");
    assert_eq!(servers.smtp.messages().len(), 1, "delivered once");
    let logs = logs.text();
    assert!(
        logs.contains("the SMTP server refused the token (SMTP 535)"),
        "{logs}"
    );
    assert_no_secret(&logs, &servers);
}

#[tokio::test]
async fn a_token_endpoint_that_is_down_is_a_temporary_failure_and_nothing_is_lost() {
    let Some(mut servers) = Servers::start(3600) else {
        return;
    };
    let (logs, _guard) = Logs::capture();
    let state = servers.site().await;
    servers.stop_provider();
    store_request(&state, "one").await;
    attempt(&state).await;
    assert_eq!(counts(&state).await, (1, 0, 0), "waiting, not failed");
    assert!(servers.smtp.messages().is_empty());
    servers.restart_provider();
    attempt(&state).await;
    assert_eq!(counts(&state).await, (0, 1, 0), "sent");
    assert_eq!(servers.smtp.messages().len(), 1, "delivered once");
    let logs = logs.text();
    assert!(
        logs.contains("no SMTP token: the token endpoint could not be reached"),
        "{logs}"
    );
    assert_no_secret(&logs, &servers);
}

/// `rj` (the real binary) with the servers' settings and `secret`; its output, both
/// streams, and whether it succeeded.
fn rj(servers: &Servers, args: &[&str], secret: &str) -> (String, bool) {
    let out = Command::new(env!("CARGO_BIN_EXE_rj"))
        .args(args)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .envs(servers.vars(secret))
        .env("LEPTOS_SITE_ROOT", servers.site.path().join("site"))
        .env("RUST_LOG", "trace")
        .output()
        .unwrap();
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    (text, out.status.success())
}

#[test]
fn check_config_fetches_a_token_and_logs_in_or_says_what_is_wrong() {
    let Some(servers) = Servers::start(3600) else {
        return;
    };
    let (said, ok) = rj(&servers, &["migrate"], SECRET);
    assert!(ok, "{said}");
    let (said, ok) = rj(&servers, &["check-config"], SECRET);
    assert!(
        said.contains(
            "mail: ok (a token from RJ_SMTP_OAUTH_TOKEN_URL, and the SMTP server accepted it \
             with XOAUTH2; no email sent)"
        ),
        "{said}"
    );
    assert!(ok, "{said}");
    assert_eq!(servers.tokens().len(), 1, "logged in once");
    assert!(servers.smtp.messages().is_empty(), "nothing sent");

    let (wrong, ok) = rj(&servers, &["check-config"], "not-the-secret-9c1d");
    assert!(!ok, "{wrong}");
    assert!(
        wrong.contains(
            "mail: FAILED: the token endpoint refused the client id, secret or scope \
             (HTTP 401: invalid_client)"
        ),
        "{wrong}"
    );
    assert!(!wrong.contains("not-the-secret"), "{wrong}");

    servers.refuse_tokens(true);
    let (refused, ok) = rj(&servers, &["check-config"], SECRET);
    assert!(!ok, "{refused}");
    assert!(
        refused.contains(
            "mail: FAILED: a token was issued, but the SMTP server refused the token (SMTP 535)"
        ),
        "{refused}"
    );
    for text in [said, wrong, refused] {
        assert_no_secret(&text, &servers);
    }
}

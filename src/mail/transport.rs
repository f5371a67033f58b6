//! Sending email, behind one small interface: SMTP (`RJ_SMTP_URL`), logged in with the
//! URL's password or with an OAuth 2.0 token (`XOAUTH2`, Microsoft 365), or, with no
//! SMTP server configured, `.eml` files in a folder (`RJ_MAIL_DIR`) for development.

use super::oauth::{TokenError, TokenSource};
use lettre::transport::smtp::authentication::{Credentials, Mechanism};
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use secrecy::ExposeSecret;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::Duration;

/// Why a message was not sent. Texts hold no personal data: they may be logged.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum SendError {
    /// Worth trying again: no connection, a timeout, a 4xx reply.
    #[error("temporary: {0}")]
    Transient(String),
    /// Refused for good: a 5xx reply for the recipient.
    #[error("permanent: {0}")]
    Permanent(String),
}

#[derive(Debug, thiserror::Error)]
pub enum MailerError {
    #[error("RJ_SMTP_URL is not a valid SMTP address (smtp://user:pass@host:587?tls=required)")]
    BadUrl,
    #[error("RJ_SMTP_URL must require TLS (smtps://, or ?tls=required) when RJ_ENV=production")]
    NoTls,
    #[error("cannot create the mail folder {0}: {1}")]
    Folder(String, std::io::Error),
}

#[derive(Clone)]
pub enum Mailer {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// SMTP logged in with an OAuth 2.0 access token (`RJ_SMTP_AUTH=xoauth2`).
    Xoauth2(OAuthSmtp),
    Files(PathBuf),
}

impl Mailer {
    /// SMTP when `smtp_url` is given, else files in `mail_dir`.
    pub fn new(
        smtp_url: Option<&str>,
        mail_dir: PathBuf,
        require_tls: bool,
    ) -> Result<Mailer, MailerError> {
        match smtp_url {
            Some(url) => {
                let tls = url.starts_with("smtps://") || url.contains("tls=required");
                if require_tls && !tls {
                    return Err(MailerError::NoTls);
                }
                let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(url)
                    .map_err(|_| MailerError::BadUrl)?
                    .timeout(Some(Duration::from_secs(30)))
                    .build();
                Ok(Mailer::Smtp(transport))
            }
            None => {
                std::fs::create_dir_all(&mail_dir)
                    .map_err(|e| MailerError::Folder(mail_dir.display().to_string(), e))?;
                Ok(Mailer::Files(mail_dir))
            }
        }
    }

    /// SMTP at `smtp_url` (no user or password in it), logged in as the mailbox `user`
    /// with XOAUTH2 and the token from `tokens`.
    pub fn xoauth2(
        smtp_url: &str,
        user: &str,
        tokens: TokenSource,
        require_tls: bool,
    ) -> Result<Mailer, MailerError> {
        let tls = smtp_url.starts_with("smtps://") || smtp_url.contains("tls=required");
        if require_tls && !tls {
            return Err(MailerError::NoTls);
        }
        AsyncSmtpTransport::<Tokio1Executor>::from_url(smtp_url)
            .map_err(|_| MailerError::BadUrl)?;
        Ok(Mailer::Xoauth2(OAuthSmtp(Arc::new(OAuthInner {
            url: smtp_url.to_string(),
            user: user.to_string(),
            tokens,
            current: Mutex::new(None),
        }))))
    }

    /// Sends `message`; `name` names the file when writing to a folder.
    pub async fn send(&self, name: &str, message: &Message) -> Result<(), SendError> {
        match self {
            Mailer::Smtp(transport) => transport
                .send(message.clone())
                .await
                .map(drop)
                .map_err(classify),
            Mailer::Xoauth2(smtp) => smtp.send(message).await,
            Mailer::Files(dir) => {
                let path = dir.join(format!("{name}.eml"));
                let partial = dir.join(format!(".{name}.eml.partial"));
                // Written whole and synced, then renamed, so a reader never sees half a
                // message; the rename happens only when the write succeeded.
                write_synced(&partial, &message.formatted())
                    .await
                    .map_err(|e| {
                        SendError::Transient(format!("cannot write the mail file: {}", e.kind()))
                    })?;
                tokio::fs::rename(&partial, &path).await.map_err(|e| {
                    SendError::Transient(format!("cannot move the mail file: {}", e.kind()))
                })
            }
        }
    }

    /// Whether the SMTP server answers (for `check-config`); files always can.
    pub async fn check(&self) -> Result<(), String> {
        match self {
            Mailer::Smtp(transport) => match transport.test_connection().await {
                Ok(true) => Ok(()),
                Ok(false) => Err("the SMTP server did not accept the connection".into()),
                Err(e) => Err(classify(e).to_string()),
            },
            Mailer::Xoauth2(smtp) => smtp.check().await,
            Mailer::Files(dir) => Ok(std::fs::metadata(dir)
                .map(drop)
                .map_err(|e| e.to_string())?),
        }
    }
}

/// SMTP with XOAUTH2: one lettre transport per access token, built again when the
/// token changes.
///
/// Why: lettre's pooled transport holds the credentials it was built with, and an SMTP
/// connection logs in once, when it opens. Rebuilding the transport (and so its pool)
/// for each new token keeps the pool's reuse of open connections (Exchange Online
/// limits a mailbox's concurrent connections) while never opening a connection with a
/// stale token; the old pool is dropped with the last send still using it. No pool at
/// all would mean a token log-in for every email.
#[derive(Clone)]
pub struct OAuthSmtp(Arc<OAuthInner>);

struct OAuthInner {
    /// `RJ_SMTP_URL`, which holds no password in this mode.
    url: String,
    /// The sending mailbox (`RJ_SMTP_USER`).
    user: String,
    tokens: TokenSource,
    /// The transport for the token of this fetch generation.
    current: Mutex<Option<(u64, AsyncSmtpTransport<Tokio1Executor>)>>,
}

impl OAuthSmtp {
    /// The transport for the current token (fetched first if due).
    async fn transport(&self) -> Result<(u64, AsyncSmtpTransport<Tokio1Executor>), TokenError> {
        let token = self.0.tokens.token().await?;
        let mut current = self.0.current.lock().unwrap_or_else(|e| e.into_inner());
        if let Some((generation, transport)) = current.as_ref()
            && *generation == token.generation
        {
            return Ok((*generation, transport.clone()));
        }
        let transport = AsyncSmtpTransport::<Tokio1Executor>::from_url(&self.0.url)
            .expect("checked when the mailer was made")
            .credentials(Credentials::new(
                self.0.user.clone(),
                token.value.expose_secret().to_string(),
            ))
            .authentication(vec![Mechanism::Xoauth2])
            .timeout(Some(Duration::from_secs(30)))
            .build();
        *current = Some((token.generation, transport.clone()));
        Ok((token.generation, transport))
    }

    /// Sends with the current token. A refused log-in drops that token and tries once
    /// more with a new one; a refusal then, or no token, is temporary: the request stays
    /// in the outbox and is tried again later.
    async fn send(&self, message: &Message) -> Result<(), SendError> {
        let mut retried = false;
        loop {
            let (generation, transport) = self
                .transport()
                .await
                .map_err(|e| SendError::Transient(format!("no SMTP token: {e}")))?;
            match transport.send(message.clone()).await {
                Ok(_) => return Ok(()),
                Err(e) if is_login_refused(&e) => {
                    self.0.tokens.forget(generation).await;
                    if retried {
                        return Err(SendError::Transient(login_refused(&e)));
                    }
                    tracing::warn!("SMTP: {}; fetching a new token", login_refused(&e));
                    retried = true;
                }
                Err(e) => return Err(classify_oauth(e)),
            }
        }
    }

    /// Fetches a token and logs in with it, sending nothing (`rj check-config`).
    async fn check(&self) -> Result<(), String> {
        let (generation, transport) = self.transport().await.map_err(|e| e.to_string())?;
        match transport.test_connection().await {
            Ok(true) => Ok(()),
            Ok(false) => Err("the SMTP server did not accept the connection".into()),
            Err(e) if is_login_refused(&e) => {
                self.0.tokens.forget(generation).await;
                Err(format!(
                    "a token was issued, but {}: check the scope, and that the app has \
                     SMTP.SendAsApp, an Exchange service principal and the mailbox's permission",
                    login_refused(&e)
                ))
            }
            Err(e) => Err(classify_oauth(e).to_string()),
        }
    }
}

/// The server refused the log-in: 535 (credentials invalid), 530 (authentication
/// required), 534 (mechanism too weak), or 454 (temporary authentication failure).
fn is_login_refused(e: &lettre::transport::smtp::Error) -> bool {
    e.status()
        .is_some_and(|c| matches!(c.to_string().as_str(), "535" | "530" | "534" | "454"))
}

fn login_refused(e: &lettre::transport::smtp::Error) -> String {
    let code = e.status().map(|c| c.to_string()).unwrap_or_default();
    format!("the SMTP server refused the token (SMTP {code})")
}

/// As [`classify`]; a client-side failure here is the log-in itself (the server offers
/// no `XOAUTH2`, or answered it with a challenge), worth trying again later.
fn classify_oauth(e: lettre::transport::smtp::Error) -> SendError {
    if e.is_client() {
        SendError::Transient("the SMTP server did not take an XOAUTH2 log-in".into())
    } else {
        classify(e)
    }
}

/// Writes `bytes` to a new file at `path` and waits until they are on disk.
async fn write_synced(path: &std::path::Path, bytes: &[u8]) -> std::io::Result<()> {
    use tokio::io::AsyncWriteExt;
    let mut file = tokio::fs::File::create(path).await?;
    file.write_all(bytes).await?;
    file.sync_all().await
}

/// Only the reply code and the kind of failure: SMTP replies can quote addresses.
fn classify(e: lettre::transport::smtp::Error) -> SendError {
    let code = e.status().map(|c| c.to_string());
    if e.is_permanent() {
        SendError::Permanent(format!("SMTP {}", code.unwrap_or_else(|| "5xx".into())))
    } else if e.is_transient() {
        SendError::Transient(format!("SMTP {}", code.unwrap_or_else(|| "4xx".into())))
    } else if e.is_timeout() {
        SendError::Transient("timed out".into())
    } else {
        SendError::Transient("could not reach the SMTP server".into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn message() -> Message {
        Message::builder()
            .from("a@example.org".parse().unwrap())
            .to("b@example.org".parse().unwrap())
            .subject("test")
            .body("body".to_string())
            .unwrap()
    }

    /// A failed write never puts anything in place of the message.
    #[tokio::test]
    async fn a_failed_write_is_not_moved_into_place() {
        let dir = tempfile::tempdir().unwrap();
        let mailer = Mailer::new(None, dir.path().to_path_buf(), false).unwrap();
        // Something already stands where the partial file goes: the write fails.
        std::fs::create_dir(dir.path().join(".RJ-TEST-0001.eml.partial")).unwrap();
        let sent = mailer.send("RJ-TEST-0001", &message()).await;
        assert!(matches!(sent, Err(SendError::Transient(_))), "{sent:?}");
        assert!(!dir.path().join("RJ-TEST-0001.eml").exists());
        // And a good write lands whole.
        mailer.send("RJ-TEST-0002", &message()).await.unwrap();
        let text = std::fs::read_to_string(dir.path().join("RJ-TEST-0002.eml")).unwrap();
        assert!(text.contains("Subject: test") && text.ends_with("body"));
    }

    /// In production, OAuth mode as password mode: the token goes only over TLS.
    #[test]
    fn xoauth2_needs_tls_in_production() {
        let tokens = || {
            TokenSource::new(crate::mail::oauth::ClientCredentials {
                token_url: "https://login.example.org/t/oauth2/v2.0/token"
                    .parse()
                    .unwrap(),
                client_id: "id".into(),
                client_secret: "secret".to_string().into(),
                scope: crate::mail::oauth::EXCHANGE_SCOPE.into(),
            })
        };
        let user = "no-reply@example.org";
        assert!(matches!(
            Mailer::xoauth2("smtp://smtp.example.org:587", user, tokens(), true),
            Err(MailerError::NoTls)
        ));
        for url in [
            "smtp://smtp.example.org:587?tls=required",
            "smtps://smtp.example.org:465",
        ] {
            assert!(Mailer::xoauth2(url, user, tokens(), true).is_ok(), "{url}");
        }
        assert!(Mailer::xoauth2("smtp://smtp.example.org:25", user, tokens(), false).is_ok());
    }
}

//! Sending email, behind one small interface: SMTP (`RJ_SMTP_URL`) or, with no SMTP
//! server configured, `.eml` files in a folder (`RJ_MAIL_DIR`) for development.

use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use std::path::PathBuf;
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

    /// Sends `message`; `name` names the file when writing to a folder.
    pub async fn send(&self, name: &str, message: &Message) -> Result<(), SendError> {
        match self {
            Mailer::Smtp(transport) => transport
                .send(message.clone())
                .await
                .map(drop)
                .map_err(classify),
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
            Mailer::Files(dir) => Ok(std::fs::metadata(dir)
                .map(drop)
                .map_err(|e| e.to_string())?),
        }
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
}

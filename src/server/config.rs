//! Configuration, read once from the environment at start-up into typed values.
//! Nothing else in the program reads environment variables.

use crate::areas::directory::{Delivery, RoutingRules};
use crate::keys::Secrets;
use crate::mail::address::EmailAddress;
use crate::mail::oauth::{ClientCredentials, EXCHANGE_SCOPE};
use crate::mail::secure::SecureDomains;
use crate::site::{DEFAULT_EXIT_URL, SiteSettings};
use crate::store::{DataKeyError, DataKeys, DatabaseUrl, DatabaseUrlError};
use secrecy::SecretString;
use std::net::SocketAddr;
use std::path::PathBuf;

/// Whether this is a real deployment, where unsafe defaults are refused.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Environment {
    Development,
    Production,
}

/// Everything the server is told by its environment.
#[derive(Clone, Debug)]
pub struct Config {
    pub env: Environment,
    /// Where the site listens (`LEPTOS_SITE_ADDR`, default `127.0.0.1:3000`).
    pub addr: SocketAddr,
    /// The folder of static files served as they are (`LEPTOS_SITE_ROOT`, default
    /// `public`): the stylesheet, the quick-exit script, the Easy Read pictures.
    pub site_root: PathBuf,
    /// Send `Strict-Transport-Security` (the public URL is HTTPS).
    pub hsts: bool,
    /// The service directory (`RJ_DIRECTORY`).
    pub directory: PathBuf,
    /// The routing file (`RJ_ROUTING`): the services that agreed to take requests
    /// straight from the site. Without one, every request goes through triage.
    pub routing: Option<PathBuf>,
    /// The operator's own monitored inbox (`RJ_TRIAGE_EMAIL`), which receives every
    /// request the routing file does not send straight to a service.
    pub triage_email: EmailAddress,
    /// Where requests are stored (`RJ_DATABASE_URL`): SQLite or PostgreSQL. Prints
    /// without a password.
    pub database_url: DatabaseUrl,
    /// The SMTP server (`RJ_SMTP_URL`); without one, emails are written to `mail_dir`.
    /// Secret: the URL may hold the password, so it never prints.
    pub smtp_url: Option<SecretString>,
    /// The sender of every email (`RJ_MAIL_FROM`); its name is the English one.
    pub mail_from: String,
    /// The sender's name in Welsh (`RJ_MAIL_FROM_NAME_CY`), for Welsh and bilingual
    /// emails. Without it: the Welsh site name when the English one is the site name.
    pub mail_from_name_cy: Option<String>,
    /// Where emails go when there is no SMTP server (`RJ_MAIL_DIR`).
    pub mail_dir: PathBuf,
    /// First retry delay for undelivered email (`RJ_RETRY_BASE_SECONDS`).
    pub retry_base_seconds: u64,
    /// How long a worker holds a request it is delivering (`RJ_LEASE_SECONDS`): what a
    /// request held by a crashed instance waits before another takes it up.
    pub lease_seconds: u64,
    /// Where every key comes from (`RJ_SECRET`, and `RJ_SECRET_PREVIOUS` during a
    /// rotation; see `keys`); random per start in development. Never prints.
    pub secrets: Secrets,
    /// The least time, in seconds, between showing the form and sending it.
    pub min_fill_seconds: u64,
    /// Requests one client may send in an hour; 0 turns the limit off.
    pub send_limit_per_hour: u32,
    /// A header a trusted reverse proxy sets to the client's address
    /// (`RJ_CLIENT_IP_HEADER`), for the Send limit; without it, the socket's address.
    pub client_ip_header: Option<http::HeaderName>,
    /// Delivery workers running at once (`RJ_WORKERS`).
    pub workers: u32,
    pub site: SiteSettings,
    /// Following each request until the service confirms it has it.
    pub tracking: Tracking,
    /// The key that seals the answers at rest (see [`DataKey`]).
    pub data_key: DataKey,
    /// What the emails about a request may carry.
    pub delivery: EmailDelivery,
    /// SMTP with an OAuth 2.0 token instead of a password (`RJ_SMTP_AUTH=xoauth2`).
    pub smtp_oauth: Option<SmtpOAuth>,
    /// How signed webhooks are sent (see [`WebhookSettings`]).
    pub webhooks: WebhookSettings,
    /// The pull API for case systems (`/api/v1/`).
    pub api: ApiSettings,
    /// Staff sign-in with their organisation's account (`RJ_OIDC_*`; see `staff::oidc`).
    pub oidc: crate::staff::oidc::OidcSettings,
    /// Who to tell about a security problem: `/.well-known/security.txt`.
    pub security: SecuritySettings,
}

/// `/.well-known/security.txt` (RFC 9116): where to report a security problem
/// (`RJ_SECURITY_CONTACT`, a `mailto:` or `https://` address; unset, the file is not
/// served, so no contact is ever made up) and until when the file holds
/// (`RJ_SECURITY_EXPIRES`, `YYYY-MM-DD`; unset, [`SECURITY_EXPIRES_DAYS`] after today).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct SecuritySettings {
    pub contact: Option<String>,
    pub expires: Option<crate::calendar::Date>,
}

/// Days from today that `security.txt` holds when `RJ_SECURITY_EXPIRES` is unset: RFC
/// 9116 asks for less than a year, so a reader never trusts a stale file for long.
pub const SECURITY_EXPIRES_DAYS: i64 = 364;

/// Reads [`SecuritySettings`].
fn security_settings(
    get: &impl Fn(&str) -> Option<String>,
) -> Result<SecuritySettings, ConfigError> {
    let contact = match get("RJ_SECURITY_CONTACT") {
        None => None,
        Some(v) => {
            let address = v.strip_prefix("mailto:").map(EmailAddress::parse);
            let web = v.starts_with("https://")
                && v.len() > "https://".len()
                && !v.contains(char::is_whitespace);
            if matches!(address, Some(Ok(_))) || web {
                Some(v)
            } else {
                return Err(ConfigError::BadChoice {
                    name: "RJ_SECURITY_CONTACT",
                    expected: "a `mailto:` address or an `https://` address",
                    value: v,
                });
            }
        }
    };
    let expires = match get("RJ_SECURITY_EXPIRES") {
        None => None,
        Some(v) => Some(
            crate::calendar::Date::parse_iso(&v).ok_or(ConfigError::BadChoice {
                name: "RJ_SECURITY_EXPIRES",
                expected: "a date written YYYY-MM-DD",
                value: v,
            })?,
        ),
    };
    Ok(SecuritySettings { contact, expires })
}

/// The pull API for case systems (`/api/v1/`, `docs/api.md`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApiSettings {
    /// Calls one API key may make in an hour (`RJ_API_LIMIT_PER_HOUR`, default 600);
    /// 0 turns the limit off.
    pub limit_per_hour: u32,
}

/// Reads [`ApiSettings`].
fn api_settings(get: &impl Fn(&str) -> Option<String>) -> Result<ApiSettings, ConfigError> {
    let limit_per_hour = match get("RJ_API_LIMIT_PER_HOUR") {
        None => 600,
        Some(v) => v.parse::<u32>().map_err(|_| ConfigError::BadNumber {
            name: "RJ_API_LIMIT_PER_HOUR",
            value: v,
        })?,
    };
    Ok(ApiSettings { limit_per_hour })
}

/// How the routes' signed webhooks are sent: how long to wait for the receiver
/// (`RJ_WEBHOOK_TIMEOUT_SECONDS`, default 10). The secrets are read with
/// [`webhook_secrets`], once the routing file has named their variables.
#[derive(Clone, Debug)]
pub struct WebhookSettings {
    pub timeout_seconds: u64,
}

fn webhook_settings(get: &impl Fn(&str) -> Option<String>) -> Result<WebhookSettings, ConfigError> {
    let timeout_seconds = match get("RJ_WEBHOOK_TIMEOUT_SECONDS") {
        None => 10,
        Some(v) => match v.parse::<u64>() {
            Ok(n) if (1..=120).contains(&n) => n,
            _ => {
                return Err(ConfigError::BadChoice {
                    name: "RJ_WEBHOOK_TIMEOUT_SECONDS",
                    expected: "a whole number of seconds from 1 to 120",
                    value: v,
                });
            }
        },
    };
    Ok(WebhookSettings { timeout_seconds })
}

/// The routes' webhook secrets, by the name of the variable that holds each. Prints
/// the names only.
#[derive(Clone, Debug, Default)]
pub struct WebhookSecrets(std::collections::BTreeMap<String, SecretString>);

impl WebhookSecrets {
    /// The secret in variable `name`, if it is set and is a Standard Webhooks secret.
    pub fn get(&self, name: &str) -> Option<&SecretString> {
        self.0.get(name)
    }
}

/// Reads the process's variables `names` (the routing file's `webhook_secret_env`s) through
/// `var`, as [`Config::from_lookup`] reads the rest: read here, after the routing file,
/// because the file names them. A variable unset, or not a Standard Webhooks secret
/// (`whsec_` and base64), is left out and said in the log (its name only); its webhooks
/// wait and are retried until it is set, and `rj check-config` reports it MISSING.
pub fn webhook_secrets_from_env(names: &[&str]) -> WebhookSecrets {
    webhook_secrets(names, |name| std::env::var(name).ok())
}

/// [`webhook_secrets_from_env`] through `var`, so tests can supply their own values.
pub fn webhook_secrets(names: &[&str], var: impl Fn(&str) -> Option<String>) -> WebhookSecrets {
    let mut secrets = std::collections::BTreeMap::new();
    for &name in names {
        match var(name).map(|v| v.trim().to_string()) {
            Some(v) if v.starts_with("whsec_") && standardwebhooks::Webhook::new(&v).is_ok() => {
                secrets.insert(name.to_string(), SecretString::from(v));
            }
            Some(_) => tracing::error!(
                "{name} is not a Standard Webhooks secret (`whsec_` then base64): its webhooks are not sent"
            ),
            None => tracing::error!(
                "{name} is not set: the webhooks of the routes that name it are not sent until it is"
            ),
        }
    }
    WebhookSecrets(secrets)
}

/// Logging in to the SMTP server with an OAuth 2.0 access token (SASL `XOAUTH2`) from
/// the client credentials grant, as Microsoft 365 wants: `RJ_SMTP_AUTH=xoauth2`,
/// `RJ_SMTP_OAUTH_TOKEN_URL`, `RJ_SMTP_OAUTH_CLIENT_ID`, `RJ_SMTP_OAUTH_CLIENT_SECRET`,
/// `RJ_SMTP_OAUTH_SCOPE` and the sending mailbox `RJ_SMTP_USER`.
#[derive(Clone, Debug)]
pub struct SmtpOAuth {
    pub client: ClientCredentials,
    /// The mailbox the site sends as (`RJ_SMTP_USER`).
    pub user: EmailAddress,
}

/// Where the key that seals the answers at rest comes from (`store::sealed`).
#[derive(Clone, Debug)]
pub enum DataKey {
    /// `RJ_DATA_KEY`, and `RJ_DATA_KEY_PREVIOUS` during a rotation.
    Given(DataKeys),
    /// Development without `RJ_DATA_KEY`: a key file beside the SQLite database (or
    /// `var/data.key`), made on first run.
    DevelopmentFile,
}

/// What the emails about a request may carry: the triage inbox's delivery
/// (`RJ_TRIAGE_DELIVERY`, `RJ_TRIAGE_ATTESTED`) and the secure email domains
/// (`RJ_SECURE_EMAIL_DOMAINS`), which routes with `delivery = "email"` need.
#[derive(Clone, Debug)]
pub struct EmailDelivery {
    pub triage: Delivery,
    pub triage_attested: bool,
    pub secure_domains: SecureDomains,
}

impl Config {
    /// What the routing file is read with.
    pub fn routing_rules(&self) -> RoutingRules {
        RoutingRules {
            secure: self.delivery.secure_domains.clone(),
            ..RoutingRules::new(
                self.triage_email.clone(),
                self.env == Environment::Production,
            )
        }
        .triage_delivery(self.delivery.triage, self.delivery.triage_attested)
    }
}

/// Following each request until a person at the service confirms it has it: reminders,
/// escalations and alerts, the status page's limit, and the operator's numbers.
#[derive(Clone, Debug)]
pub struct Tracking {
    /// Working days a service has to confirm a request before it is reminded, and again
    /// before the operator is told (`RJ_ACK_WORKING_DAYS`).
    pub ack_working_days: u32,
    /// The same periods in seconds, for tests and drills (`RJ_ACK_PERIOD_SECONDS`).
    pub ack_period_seconds: Option<u64>,
    /// The bank holidays that are not working days (`RJ_BANK_HOLIDAYS`).
    pub bank_holidays: PathBuf,
    /// Where escalations and alerts go (`RJ_OPERATOR_EMAIL`).
    pub operator_email: EmailAddress,
    /// The operator's numbers (Prometheus) listen here, never on the public port
    /// (`RJ_ADMIN_ADDR`; off when unset).
    pub admin_addr: Option<SocketAddr>,
    /// Status lookups one client may make in an hour (`RJ_STATUS_LIMIT_PER_HOUR`).
    pub status_limit_per_hour: u32,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum ConfigError {
    #[error("RJ_ENV must be `development` or `production`, not `{0}`")]
    BadEnvironment(String),
    #[error("{name} must be an http:// or https:// address, not `{value}`")]
    BadUrl { name: &'static str, value: String },
    #[error("RJ_PUBLIC_URL must use https:// when RJ_ENV=production")]
    InsecurePublicUrl,
    #[error("RJ_RETENTION_DAYS must be a whole number of days from 1 to 365, not `{0}`")]
    BadRetention(String),
    #[error("{name} must be an address and port such as `127.0.0.1:3000`, not `{value}`")]
    BadAddress { name: &'static str, value: String },
    #[error("{name} must be a whole number, not `{value}`")]
    BadNumber { name: &'static str, value: String },
    #[error(
        "RJ_MAIL_FROM must be an address such as `Site name <no-reply@example.org>`, not `{0}`"
    )]
    BadMailFrom(String),
    #[error("RJ_CLIENT_IP_HEADER must be a header name such as `X-Forwarded-For`, not `{0}`")]
    BadHeaderName(String),
    #[error(transparent)]
    BadDatabaseUrl(#[from] DatabaseUrlError),
    #[error("{0} must be at least 32 characters long")]
    ShortSecret(&'static str),
    #[error("{0} must be set when RJ_ENV=production")]
    MissingInProduction(&'static str),
    #[error(
        "RJ_TRIAGE_EMAIL must be an email address such as `triage@your-domain.org.uk`, not `{0}`"
    )]
    BadTriageEmail(String),
    #[error(
        "RJ_TRIAGE_EMAIL `{0}` is a placeholder: set the operator's own monitored inbox when RJ_ENV=production"
    )]
    PlaceholderTriageEmail(String),
    #[error("RJ_ACK_WORKING_DAYS must be a whole number of days from 1 to 20, not `{0}`")]
    BadAckDays(String),
    #[error("{name} must be an email address, not `{value}`")]
    BadEmail { name: &'static str, value: String },
    #[error(
        "RJ_SECURE_EMAIL_DOMAINS must be a comma-separated list of mail domains such as `cjsm.net, nhs.net`: {0}"
    )]
    BadSecureDomains(String),
    #[error("{name} must be {expected}, not `{value}`")]
    BadChoice {
        name: &'static str,
        expected: &'static str,
        value: String,
    },
    #[error(
        "RJ_TRIAGE_DELIVERY=email would send the full answers by plain email to RJ_TRIAGE_EMAIL `{0}`, \
         which is not in a secure email domain (RJ_SECURE_EMAIL_DOMAINS). Use RJ_TRIAGE_DELIVERY=inbox, \
         a secure address, or RJ_TRIAGE_ATTESTED=true once you have checked the address is secure"
    )]
    InsecureTriageDelivery(String),
    #[error("RJ_ADMIN_ADDR must be an address and port such as 127.0.0.1:9100, not `{0}`")]
    BadAdminAddr(String),
    #[error(
        "RJ_ADMIN_ADDR must not be the site's own address ({0}): the numbers are for the operator only"
    )]
    AdminOnPublicPort(SocketAddr),
    #[error(transparent)]
    BadDataKey(#[from] DataKeyError),
    #[error("{0} must be set when RJ_SMTP_AUTH=xoauth2")]
    MissingForXoauth2(&'static str),
    #[error(
        "RJ_SMTP_URL must hold no user or password when RJ_SMTP_AUTH=xoauth2: the mailbox is RJ_SMTP_USER"
    )]
    PasswordWithXoauth2,
    #[error("RJ_SMTP_OAUTH_TOKEN_URL must use https:// when RJ_ENV=production")]
    InsecureTokenUrl,
    #[error("{0} is set, but RJ_SMTP_AUTH is not `xoauth2`: set RJ_SMTP_AUTH=xoauth2 to use it")]
    OAuthSettingUnused(&'static str),
    #[error(transparent)]
    Oidc(#[from] crate::staff::oidc::OidcConfigError),
}

impl Config {
    /// Reads the configuration from the process environment.
    pub fn from_env() -> Result<Self, ConfigError> {
        let addr = match std::env::var("LEPTOS_SITE_ADDR") {
            Err(_) => SocketAddr::from(([127, 0, 0, 1], 3000)),
            Ok(v) => v.trim().parse().map_err(|_| ConfigError::BadAddress {
                name: "LEPTOS_SITE_ADDR",
                value: v,
            })?,
        };
        Self::from_lookup(addr, |name| std::env::var(name).ok())
    }

    /// What Leptos needs to render: the address and the static folder. There is no
    /// build tool between the code and the server, so nothing else is set.
    pub fn leptos_options(&self) -> leptos::config::LeptosOptions {
        leptos::config::LeptosOptions::builder()
            .output_name("rj")
            .site_addr(self.addr)
            .site_root(self.site_root.to_string_lossy().into_owned())
            .build()
    }

    /// Reads the configuration through `var`, so tests can supply their own values.
    pub fn from_lookup(
        addr: SocketAddr,
        var: impl Fn(&str) -> Option<String>,
    ) -> Result<Self, ConfigError> {
        let get = |name: &str| {
            var(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let env = match get("RJ_ENV").as_deref() {
            None | Some("development") => Environment::Development,
            Some("production") => Environment::Production,
            Some(other) => return Err(ConfigError::BadEnvironment(other.to_string())),
        };
        let defaults = SiteSettings::default();

        let public_url = match get("RJ_PUBLIC_URL") {
            Some(url) => web_address("RJ_PUBLIC_URL", url)?,
            None if env == Environment::Production => {
                return Err(ConfigError::MissingInProduction("RJ_PUBLIC_URL"));
            }
            // Passkeys need a domain name, so a loopback address is named `localhost`.
            None if addr.ip().is_loopback() => format!("http://localhost:{}", addr.port()),
            None => format!("http://{addr}"),
        };
        let https = public_url.starts_with("https://");
        if env == Environment::Production && !https {
            return Err(ConfigError::InsecurePublicUrl);
        }
        let exit_url = match get("RJ_EXIT_URL") {
            Some(url) => web_address("RJ_EXIT_URL", url)?,
            None => DEFAULT_EXIT_URL.to_string(),
        };
        let required = |name: &'static str, default: String| match get(name) {
            Some(v) => Ok(v),
            None if env == Environment::Production => Err(ConfigError::MissingInProduction(name)),
            None => Ok(default),
        };

        let retention_days = match get("RJ_RETENTION_DAYS") {
            None => defaults.retention_days,
            Some(v) => match v.parse::<u32>() {
                Ok(days) if (1..=365).contains(&days) => days,
                _ => return Err(ConfigError::BadRetention(v)),
            },
        };

        let number = |name: &'static str, default: u64| match get(name) {
            None => Ok(default),
            Some(v) => v
                .parse::<u64>()
                .map_err(|_| ConfigError::BadNumber { name, value: v }),
        };
        let mail_from = required(
            "RJ_MAIL_FROM",
            "Restorative justice help <no-reply@example.org>".into(),
        )?;
        if mail_from.parse::<lettre::message::Mailbox>().is_err() {
            return Err(ConfigError::BadMailFrom(mail_from));
        }

        Self {
            env,
            addr,
            site_root: get("LEPTOS_SITE_ROOT")
                .map_or_else(|| PathBuf::from("public"), PathBuf::from),
            hsts: https,
            database_url: DatabaseUrl::parse(
                get("RJ_DATABASE_URL")
                    .as_deref()
                    .unwrap_or("sqlite://var/rj.db"),
            )?,
            smtp_url: get("RJ_SMTP_URL").map(SecretString::from),
            mail_from,
            mail_from_name_cy: get("RJ_MAIL_FROM_NAME_CY"),
            mail_dir: get("RJ_MAIL_DIR").map_or_else(|| PathBuf::from("var/mail"), PathBuf::from),
            retry_base_seconds: number("RJ_RETRY_BASE_SECONDS", 30)?.max(1),
            lease_seconds: number("RJ_LEASE_SECONDS", 120)?.max(1),
            secrets: Secrets::new(
                match get("RJ_SECRET") {
                    Some(s) if s.len() >= 32 => s.into_bytes().into(),
                    Some(_) => return Err(ConfigError::ShortSecret("RJ_SECRET")),
                    None if env == Environment::Production => {
                        return Err(ConfigError::MissingInProduction("RJ_SECRET"));
                    }
                    None => rand::random::<[u8; 32]>().to_vec().into(),
                },
                match get("RJ_SECRET_PREVIOUS") {
                    Some(s) if s.len() >= 32 => Some(s.into_bytes().into()),
                    Some(_) => return Err(ConfigError::ShortSecret("RJ_SECRET_PREVIOUS")),
                    None => None,
                },
            ),
            min_fill_seconds: number("RJ_MIN_FILL_SECONDS", 3)?,
            send_limit_per_hour: number("RJ_SEND_LIMIT_PER_HOUR", 5)?.min(u64::from(u32::MAX))
                as u32,
            client_ip_header: match get("RJ_CLIENT_IP_HEADER") {
                None => None,
                Some(name) => Some(
                    http::HeaderName::try_from(name.as_str())
                        .map_err(|_| ConfigError::BadHeaderName(name))?,
                ),
            },
            workers: number("RJ_WORKERS", 4)?.clamp(1, 64) as u32,
            directory: get("RJ_DIRECTORY")
                .map_or_else(|| PathBuf::from("data/services.toml"), PathBuf::from),
            routing: get("RJ_ROUTING").map(PathBuf::from),
            site: SiteSettings {
                public_url: public_url.trim_end_matches('/').to_string(),
                exit_url,
                operator_name: required("RJ_OPERATOR_NAME", defaults.operator_name)?,
                operator_name_cy: get("RJ_OPERATOR_NAME_CY"),
                operator_contact: required("RJ_OPERATOR_CONTACT", defaults.operator_contact)?,
                retention_days,
                security_contact: get("RJ_SECURITY_CONTACT"),
            },
            // Read last: production asks for the operator first, then its inbox.
            triage_email: {
                let text = required("RJ_TRIAGE_EMAIL", "triage@example.org".into())?;
                let email =
                    EmailAddress::parse(&text).map_err(|_| ConfigError::BadTriageEmail(text))?;
                if env == Environment::Production && email.is_example() {
                    return Err(ConfigError::PlaceholderTriageEmail(email.to_string()));
                }
                email
            },
            tracking: tracking(&get, env, addr)?,
            data_key: data_key(&get, env)?,
            api: api_settings(&get)?,
            oidc: crate::staff::oidc::parse(&get, env == Environment::Production)?,
            delivery: EmailDelivery {
                triage: Delivery::Inbox,
                triage_attested: false,
                secure_domains: SecureDomains::default(),
            },
            smtp_oauth: smtp_oauth(&get, env)?,
            webhooks: webhook_settings(&get)?,
            security: security_settings(&get)?,
        }
        .with_delivery(&get)
    }

    /// Reads [`EmailDelivery`]; production refuses the triage inbox's answers by email
    /// to an address neither secure nor attested.
    fn with_delivery(self, get: &impl Fn(&str) -> Option<String>) -> Result<Self, ConfigError> {
        let secure_domains = match get("RJ_SECURE_EMAIL_DOMAINS") {
            None => SecureDomains::default(),
            Some(v) => SecureDomains::parse(&v)
                .map_err(|e| ConfigError::BadSecureDomains(e.to_string()))?,
        };
        let triage = match get("RJ_TRIAGE_DELIVERY") {
            None => Delivery::Inbox,
            Some(v) => Delivery::parse(&v).ok_or(ConfigError::BadChoice {
                name: "RJ_TRIAGE_DELIVERY",
                expected: "`inbox` or `email`",
                value: v,
            })?,
        };
        let triage_attested = match get("RJ_TRIAGE_ATTESTED").as_deref() {
            None | Some("false") => false,
            Some("true") => true,
            Some(v) => {
                return Err(ConfigError::BadChoice {
                    name: "RJ_TRIAGE_ATTESTED",
                    expected: "`true` or `false`",
                    value: v.to_string(),
                });
            }
        };
        let delivery = EmailDelivery {
            triage,
            triage_attested,
            secure_domains,
        };
        let unsafe_triage = triage == Delivery::Email
            && !triage_attested
            && !delivery.secure_domains.is_secure(&self.triage_email);
        if self.env == Environment::Production && unsafe_triage {
            return Err(ConfigError::InsecureTriageDelivery(
                self.triage_email.to_string(),
            ));
        }
        Ok(Self { delivery, ..self })
    }

    /// The keys that seal the answers: `RJ_DATA_KEY`'s, or in development the key file
    /// (made now if missing, and said so in the log, never the key).
    pub fn data_keys(&self) -> Result<DataKeys, DataKeyError> {
        match &self.data_key {
            DataKey::Given(keys) => Ok(keys.clone()),
            DataKey::DevelopmentFile => {
                let file = self.database_url.sqlite_file();
                let path = crate::store::sealed::development_key_path(file.as_deref());
                let (keys, made) = DataKeys::development_file(&path)?;
                let how = if made { "made" } else { "read" };
                tracing::info!(
                    "no RJ_DATA_KEY: the answers are sealed with the development key file {} \
                     ({how}, key id {}); set RJ_DATA_KEY in production",
                    path.display(),
                    keys.current_id()
                );
                Ok(keys)
            }
        }
    }
}

/// `RJ_DATA_KEY` (required in production) and `RJ_DATA_KEY_PREVIOUS`.
fn data_key(
    get: &impl Fn(&str) -> Option<String>,
    env: Environment,
) -> Result<DataKey, ConfigError> {
    match get("RJ_DATA_KEY") {
        Some(key) => Ok(DataKey::Given(DataKeys::parse(
            &key,
            get("RJ_DATA_KEY_PREVIOUS").as_deref(),
        )?)),
        None if env == Environment::Production => {
            Err(ConfigError::MissingInProduction("RJ_DATA_KEY"))
        }
        None => Ok(DataKey::DevelopmentFile),
    }
}

/// `RJ_SMTP_AUTH`: unset or `password` (the URL's user and password, if any), or
/// `xoauth2` with its settings (see [`SmtpOAuth`]).
fn smtp_oauth(
    get: &impl Fn(&str) -> Option<String>,
    env: Environment,
) -> Result<Option<SmtpOAuth>, ConfigError> {
    const OAUTH_ONLY: [&str; 5] = [
        "RJ_SMTP_USER",
        "RJ_SMTP_OAUTH_TOKEN_URL",
        "RJ_SMTP_OAUTH_CLIENT_ID",
        "RJ_SMTP_OAUTH_CLIENT_SECRET",
        "RJ_SMTP_OAUTH_SCOPE",
    ];
    match get("RJ_SMTP_AUTH").as_deref() {
        // A setting that would do nothing is a mistake to name, not to ignore.
        None | Some("password") => {
            return match OAUTH_ONLY.into_iter().find(|name| get(name).is_some()) {
                Some(name) => Err(ConfigError::OAuthSettingUnused(name)),
                None => Ok(None),
            };
        }
        Some("xoauth2") => {}
        Some(other) => {
            return Err(ConfigError::BadChoice {
                name: "RJ_SMTP_AUTH",
                expected: "`password` or `xoauth2`",
                value: other.to_string(),
            });
        }
    }
    let needed = |name: &'static str| get(name).ok_or(ConfigError::MissingForXoauth2(name));
    let smtp_url = needed("RJ_SMTP_URL")?;
    // Only the part before the host: a user or password there would be ignored.
    let authority = smtp_url.split("://").nth(1).unwrap_or("");
    if authority
        .split(['/', '?'])
        .next()
        .unwrap_or("")
        .contains('@')
    {
        return Err(ConfigError::PasswordWithXoauth2);
    }
    let text = needed("RJ_SMTP_OAUTH_TOKEN_URL")?;
    let token_url = web_address("RJ_SMTP_OAUTH_TOKEN_URL", text.clone())
        .ok()
        .and_then(|t| reqwest::Url::parse(&t).ok())
        .ok_or(ConfigError::BadUrl {
            name: "RJ_SMTP_OAUTH_TOKEN_URL",
            value: text,
        })?;
    if env == Environment::Production && token_url.scheme() != "https" {
        return Err(ConfigError::InsecureTokenUrl);
    }
    let user = needed("RJ_SMTP_USER")?;
    let user = EmailAddress::parse(&user).map_err(|_| ConfigError::BadEmail {
        name: "RJ_SMTP_USER",
        value: user,
    })?;
    Ok(Some(SmtpOAuth {
        client: ClientCredentials {
            token_url,
            client_id: needed("RJ_SMTP_OAUTH_CLIENT_ID")?,
            client_secret: SecretString::from(needed("RJ_SMTP_OAUTH_CLIENT_SECRET")?),
            scope: get("RJ_SMTP_OAUTH_SCOPE").unwrap_or_else(|| EXCHANGE_SCOPE.to_string()),
        },
        user,
    }))
}

/// The settings for following requests (see [`Tracking`]).
fn tracking(
    get: &impl Fn(&str) -> Option<String>,
    env: Environment,
    addr: SocketAddr,
) -> Result<Tracking, ConfigError> {
    let number = |name: &'static str, default: u64| match get(name) {
        None => Ok(default),
        Some(v) => v
            .parse::<u64>()
            .map_err(|_| ConfigError::BadNumber { name, value: v }),
    };
    let ack_working_days = match get("RJ_ACK_WORKING_DAYS") {
        None => 2,
        Some(v) => match v.parse::<u32>() {
            Ok(days) if (1..=20).contains(&days) => days,
            _ => return Err(ConfigError::BadAckDays(v)),
        },
    };
    let ack_period_seconds = match get("RJ_ACK_PERIOD_SECONDS") {
        None => None,
        Some(_) => Some(number("RJ_ACK_PERIOD_SECONDS", 0)?.max(1)),
    };
    let operator_email = match get("RJ_OPERATOR_EMAIL") {
        Some(v) => EmailAddress::parse(&v).map_err(|_| ConfigError::BadEmail {
            name: "RJ_OPERATOR_EMAIL",
            value: v,
        })?,
        None if env == Environment::Production => {
            return Err(ConfigError::MissingInProduction("RJ_OPERATOR_EMAIL"));
        }
        None => EmailAddress::parse("operator@example.org").expect("valid"),
    };
    let admin_addr = match get("RJ_ADMIN_ADDR") {
        None => None,
        Some(v) => {
            let admin: SocketAddr = v.parse().map_err(|_| ConfigError::BadAdminAddr(v))?;
            let same_port = admin.port() == addr.port()
                && (admin.ip() == addr.ip()
                    || admin.ip().is_unspecified()
                    || addr.ip().is_unspecified());
            if same_port {
                return Err(ConfigError::AdminOnPublicPort(addr));
            }
            Some(admin)
        }
    };
    Ok(Tracking {
        ack_working_days,
        ack_period_seconds,
        bank_holidays: get("RJ_BANK_HOLIDAYS")
            .map_or_else(|| PathBuf::from("data/bank-holidays.toml"), PathBuf::from),
        operator_email,
        admin_addr,
        status_limit_per_hour: number("RJ_STATUS_LIMIT_PER_HOUR", 20)?.min(u64::from(u32::MAX))
            as u32,
    })
}

fn web_address(name: &'static str, value: String) -> Result<String, ConfigError> {
    let ok = (value.starts_with("https://") || value.starts_with("http://"))
        && !value.contains(char::is_whitespace)
        && value.len() > "https://".len();
    if ok {
        Ok(value)
    } else {
        Err(ConfigError::BadUrl { name, value })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn config(vars: &[(&str, &str)]) -> Result<Config, ConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Config::from_lookup("127.0.0.1:3000".parse().unwrap(), |k| vars.get(k).cloned())
    }

    #[test]
    fn secrets_never_print() {
        let c = config(&[
            ("RJ_SECRET", "the-signing-secret-0123456789abcdefXYZ"),
            (
                "RJ_SECRET_PREVIOUS",
                "the-signing-secret-0123456789abcdefOLD",
            ),
            (
                "RJ_SMTP_URL",
                "smtp://mailuser:pa55-word-42@smtp.example.org:587",
            ),
        ])
        .unwrap();
        let shown = format!("{c:?} {c:#?}");
        for secret in ["the-signing-secret", "pa55-word-42", "mailuser"] {
            assert!(!shown.contains(secret), "{secret} printed: {shown}");
        }
        let bytes = format!("{:?}", "the-signing-secret".as_bytes());
        assert!(!shown.contains(&bytes[1..20]), "the secret's bytes printed");
    }

    #[test]
    fn development_defaults() {
        let c = config(&[]).unwrap();
        assert_eq!(c.env, Environment::Development);
        assert_eq!(c.site.public_url, "http://localhost:3000");
        assert_eq!(c.site.exit_url, DEFAULT_EXIT_URL);
        assert!(!c.hsts);
        // No routing file: everything through triage, at an example inbox.
        assert_eq!(c.routing, None);
        assert_eq!(c.triage_email.as_str(), "triage@example.org");
        assert_eq!(c.site.operator_name_cy, None);
    }

    #[test]
    fn reads_the_routing_file_and_the_welsh_names() {
        let c = config(&[
            ("RJ_ROUTING", "/etc/rj/routing.toml"),
            ("RJ_TRIAGE_EMAIL", "triage@operator.example.org"),
            ("RJ_OPERATOR_NAME_CY", "Partneriaeth Enghreifftiol"),
            ("RJ_MAIL_FROM_NAME_CY", "Cymorth enghreifftiol"),
        ])
        .unwrap();
        assert_eq!(c.routing, Some(PathBuf::from("/etc/rj/routing.toml")));
        assert_eq!(c.triage_email.as_str(), "triage@operator.example.org");
        assert_eq!(
            c.site.operator_name_cy.as_deref(),
            Some("Partneriaeth Enghreifftiol")
        );
        assert_eq!(
            c.mail_from_name_cy.as_deref(),
            Some("Cymorth enghreifftiol")
        );
    }

    #[test]
    fn https_public_url_turns_on_hsts() {
        let c = config(&[("RJ_PUBLIC_URL", "https://rj.example.org/")]).unwrap();
        assert!(c.hsts);
        assert_eq!(c.site.public_url, "https://rj.example.org");
    }

    #[test]
    fn production_needs_https_and_operator() {
        assert_eq!(
            config(&[("RJ_ENV", "production")]).unwrap_err(),
            ConfigError::MissingInProduction("RJ_PUBLIC_URL")
        );
        assert_eq!(
            config(&[
                ("RJ_ENV", "production"),
                ("RJ_PUBLIC_URL", "http://rj.example.org")
            ])
            .unwrap_err(),
            ConfigError::InsecurePublicUrl
        );
        assert_eq!(
            config(&[
                ("RJ_ENV", "production"),
                ("RJ_PUBLIC_URL", "https://rj.example.org")
            ])
            .unwrap_err(),
            ConfigError::MissingInProduction("RJ_MAIL_FROM")
        );
        assert_eq!(
            config(&[
                ("RJ_ENV", "production"),
                ("RJ_PUBLIC_URL", "https://rj.example.org"),
                ("RJ_MAIL_FROM", "RJ <no-reply@rj.example.org>")
            ])
            .unwrap_err(),
            ConfigError::MissingInProduction("RJ_SECRET")
        );
        assert_eq!(
            config(&[
                ("RJ_ENV", "production"),
                ("RJ_PUBLIC_URL", "https://rj.example.org"),
                ("RJ_MAIL_FROM", "RJ <no-reply@rj.example.org>"),
                ("RJ_SECRET", "0123456789abcdef0123456789abcdef")
            ])
            .unwrap_err(),
            ConfigError::MissingInProduction("RJ_OPERATOR_NAME")
        );
        let complete = [
            ("RJ_ENV", "production"),
            ("RJ_PUBLIC_URL", "https://rj.example.org"),
            ("RJ_MAIL_FROM", "RJ <no-reply@rj.example.org>"),
            ("RJ_SECRET", "0123456789abcdef0123456789abcdef"),
            ("RJ_OPERATOR_NAME", "An Operator"),
            ("RJ_OPERATOR_CONTACT", "contact@operator.example.org"),
        ];
        assert_eq!(
            config(&complete).unwrap_err(),
            ConfigError::MissingInProduction("RJ_TRIAGE_EMAIL")
        );
        let with = |triage| {
            let mut vars = complete.to_vec();
            vars.push(("RJ_TRIAGE_EMAIL", triage));
            config(&vars)
        };
        assert_eq!(
            with("triage@example.org").unwrap_err(),
            ConfigError::PlaceholderTriageEmail("triage@example.org".into())
        );
        assert_eq!(
            with("not an address").unwrap_err(),
            ConfigError::BadTriageEmail("not an address".into())
        );
        // Then where the alerts go.
        assert_eq!(
            with("triage@operator.org.uk").unwrap_err(),
            ConfigError::MissingInProduction("RJ_OPERATOR_EMAIL")
        );
        let mut vars = complete.to_vec();
        vars.push(("RJ_TRIAGE_EMAIL", "triage@operator.org.uk"));
        vars.push(("RJ_OPERATOR_EMAIL", "alerts@operator.org.uk"));
        // Then the key that seals the answers.
        assert_eq!(
            config(&vars).unwrap_err(),
            ConfigError::MissingInProduction("RJ_DATA_KEY")
        );
        vars.push((
            "RJ_DATA_KEY",
            "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=",
        ));
        let c = config(&vars).unwrap();
        assert_eq!(c.triage_email.as_str(), "triage@operator.org.uk");
        assert_eq!(c.tracking.operator_email.as_str(), "alerts@operator.org.uk");
        assert_eq!(c.routing, None);
    }

    #[test]
    fn rejects_bad_values() {
        assert!(matches!(
            config(&[("RJ_ENV", "prod")]),
            Err(ConfigError::BadEnvironment(_))
        ));
        assert!(matches!(
            config(&[("RJ_EXIT_URL", "javascript:alert(1)")]),
            Err(ConfigError::BadUrl {
                name: "RJ_EXIT_URL",
                ..
            })
        ));
        assert!(matches!(
            config(&[("RJ_CLIENT_IP_HEADER", "X Forwarded")]),
            Err(ConfigError::BadHeaderName(_))
        ));
    }

    #[test]
    fn the_database_url_selects_the_backend_or_stops_the_start() {
        use crate::store::Backend;
        let backend =
            |url: &str| config(&[("RJ_DATABASE_URL", url)]).map(|c| c.database_url.backend());
        assert_eq!(
            config(&[]).unwrap().database_url.to_string(),
            "sqlite://var/rj.db"
        );
        assert_eq!(backend("sqlite://var/other.db"), Ok(Backend::Sqlite));
        assert_eq!(
            backend("postgres://rj:pw@db.example.org/rj"),
            Ok(Backend::Postgres)
        );
        assert_eq!(
            backend("postgresql://rj@db.example.org/rj"),
            Ok(Backend::Postgres)
        );
        // Once read as the name of a SQLite file (`./postgres:…`); now refused.
        for url in [
            "mysql://rj@db.example.org/rj",
            "var/rj.db",
            "postgre://rj@db/rj",
        ] {
            let said = backend(url).unwrap_err().to_string();
            assert!(
                said.contains("sqlite://") && said.contains("postgres://"),
                "{said}"
            );
        }
        let c = config(&[(
            "RJ_DATABASE_URL",
            "postgres://rj:pa55-db-word@db.example.org/rj",
        )])
        .unwrap();
        assert!(
            !format!("{c:?}").contains("pa55-db-word"),
            "the password never prints"
        );
    }

    #[test]
    fn tracking_settings() {
        let t = config(&[]).unwrap().tracking;
        assert_eq!((t.ack_working_days, t.ack_period_seconds), (2, None));
        assert_eq!(t.admin_addr, None, "off by default");
        assert_eq!(t.status_limit_per_hour, 20);
        let t = config(&[
            ("RJ_ACK_WORKING_DAYS", "3"),
            ("RJ_ACK_PERIOD_SECONDS", "5"),
            ("RJ_ADMIN_ADDR", "127.0.0.1:9100"),
            ("RJ_OPERATOR_EMAIL", "alerts@rj.example.org"),
        ])
        .unwrap()
        .tracking;
        assert_eq!((t.ack_working_days, t.ack_period_seconds), (3, Some(5)));
        assert_eq!(t.admin_addr, Some("127.0.0.1:9100".parse().unwrap()));
        assert_eq!(t.operator_email.as_str(), "alerts@rj.example.org");
        for (name, value) in [
            ("RJ_ACK_WORKING_DAYS", "0"),
            ("RJ_ACK_WORKING_DAYS", "two"),
            ("RJ_OPERATOR_EMAIL", "not an address"),
            ("RJ_ADMIN_ADDR", "localhost"),
            // Never the public port.
            ("RJ_ADMIN_ADDR", "127.0.0.1:3000"),
            ("RJ_ADMIN_ADDR", "0.0.0.0:3000"),
        ] {
            assert!(config(&[(name, value)]).is_err(), "{name}={value}");
        }
    }

    #[test]
    fn the_triage_inbox_gets_no_answers_by_email_unless_secure_or_attested() {
        let d = config(&[]).unwrap().delivery;
        assert_eq!((d.triage, d.triage_attested), (Delivery::Inbox, false));
        assert_eq!(d.secure_domains, SecureDomains::default());
        let production = [
            ("RJ_ENV", "production"),
            ("RJ_PUBLIC_URL", "https://rj.example.org"),
            ("RJ_MAIL_FROM", "RJ <no-reply@rj.example.org>"),
            ("RJ_SECRET", "0123456789abcdef0123456789abcdef"),
            ("RJ_OPERATOR_NAME", "An Operator"),
            ("RJ_OPERATOR_CONTACT", "contact@operator.example.org"),
            ("RJ_OPERATOR_EMAIL", "alerts@operator.org.uk"),
            ("RJ_TRIAGE_DELIVERY", "email"),
            (
                "RJ_DATA_KEY",
                "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            ),
        ];
        let with = |triage: &str, more: &[(&str, &str)]| {
            let mut vars = production.to_vec();
            vars.push(("RJ_TRIAGE_EMAIL", triage));
            vars.extend_from_slice(more);
            config(&vars)
        };
        assert_eq!(
            with("triage@operator.org.uk", &[]).unwrap_err(),
            ConfigError::InsecureTriageDelivery("triage@operator.org.uk".into())
        );
        let c = with("triage@operator.org.uk", &[("RJ_TRIAGE_ATTESTED", "true")]).unwrap();
        assert_eq!(c.delivery.triage, Delivery::Email);
        assert!(with("triage@rj.kent.pnn.police.uk", &[]).is_ok());
        assert!(
            with(
                "triage@operator.org.uk",
                &[("RJ_SECURE_EMAIL_DOMAINS", "org.uk")]
            )
            .is_ok()
        );
        // Development allows it (check-config and the start-up log warn).
        assert!(config(&[("RJ_TRIAGE_DELIVERY", "email")]).is_ok());
        for (name, value) in [
            ("RJ_TRIAGE_DELIVERY", "post"),
            ("RJ_TRIAGE_ATTESTED", "yes"),
            ("RJ_SECURE_EMAIL_DOMAINS", "cjsm"),
        ] {
            assert!(config(&[(name, value)]).is_err(), "{name}={value}");
        }
    }

    #[test]
    fn reads_the_client_address_header() {
        assert_eq!(config(&[]).unwrap().client_ip_header, None);
        let c = config(&[("RJ_CLIENT_IP_HEADER", "X-Forwarded-For")]).unwrap();
        assert_eq!(c.client_ip_header.unwrap().as_str(), "x-forwarded-for");
    }

    #[test]
    fn the_data_key_is_read_checked_and_never_printed() {
        const KEY: &str = "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA";
        const OLD: &str = "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
        let c = config(&[("RJ_DATA_KEY", KEY), ("RJ_DATA_KEY_PREVIOUS", OLD)]).unwrap();
        let DataKey::Given(keys) = &c.data_key else {
            panic!("given")
        };
        assert_eq!(keys.known_ids().count(), 2);
        let shown = format!("{c:?}");
        assert!(!shown.contains(KEY) && !shown.contains(OLD), "{shown}");
        assert!(shown.contains(keys.current_id().as_str()), "{shown}");
        assert!(matches!(
            config(&[]).unwrap().data_key,
            DataKey::DevelopmentFile
        ));
        for (name, value) in [("RJ_DATA_KEY", "too-short"), ("RJ_DATA_KEY", "c2hvcnQ=")] {
            let said = config(&[(name, value)]).unwrap_err().to_string();
            assert!(
                said.starts_with("RJ_DATA_KEY must be 32 random bytes"),
                "{said}"
            );
            assert!(!said.contains(value), "{said}");
        }
        let said = config(&[("RJ_DATA_KEY", KEY), ("RJ_DATA_KEY_PREVIOUS", "x")])
            .unwrap_err()
            .to_string();
        assert!(said.starts_with("RJ_DATA_KEY_PREVIOUS must be"), "{said}");
    }

    #[test]
    fn smtp_with_an_oauth_token() {
        assert!(config(&[]).unwrap().smtp_oauth.is_none());
        assert!(
            config(&[("RJ_SMTP_AUTH", "password")])
                .unwrap()
                .smtp_oauth
                .is_none()
        );
        let all = [
            ("RJ_SMTP_AUTH", "xoauth2"),
            (
                "RJ_SMTP_URL",
                "smtp://smtp.office365.example.org:587?tls=required",
            ),
            (
                "RJ_SMTP_OAUTH_TOKEN_URL",
                "https://login.example.org/tenant/oauth2/v2.0/token",
            ),
            ("RJ_SMTP_OAUTH_CLIENT_ID", "0000-client"),
            ("RJ_SMTP_OAUTH_CLIENT_SECRET", "the-client-s3cret"),
            ("RJ_SMTP_USER", "no-reply@rj.example.org"),
        ];
        let c = config(&all).unwrap();
        let oauth = c.smtp_oauth.as_ref().unwrap();
        assert_eq!(oauth.client.scope, EXCHANGE_SCOPE, "the default scope");
        assert_eq!(oauth.client.client_id, "0000-client");
        assert_eq!(oauth.user.as_str(), "no-reply@rj.example.org");
        assert!(
            !format!("{c:?}").contains("the-client-s3cret"),
            "never printed"
        );
        // Each setting is needed.
        for (i, (name, _)) in all.iter().enumerate().skip(1) {
            let mut vars = all.to_vec();
            vars.remove(i);
            assert_eq!(
                config(&vars).unwrap_err(),
                ConfigError::MissingForXoauth2(name),
                "{name}"
            );
        }
        let with = |name: &'static str, value: &'static str| {
            let mut vars = all.to_vec();
            vars.retain(|(n, _)| *n != name);
            vars.push((name, value));
            config(&vars)
        };
        assert_eq!(
            with("RJ_SMTP_URL", "smtp://user:pw@smtp.example.org:587").unwrap_err(),
            ConfigError::PasswordWithXoauth2
        );
        assert!(with("RJ_SMTP_OAUTH_TOKEN_URL", "login.example.org/token").is_err());
        assert!(with("RJ_SMTP_USER", "not a mailbox").is_err());
        assert!(with("RJ_SMTP_AUTH", "oauth").is_err());
        assert_eq!(
            with("RJ_SMTP_AUTH", "password").unwrap_err(),
            ConfigError::OAuthSettingUnused("RJ_SMTP_USER"),
            "the OAuth settings do nothing without RJ_SMTP_AUTH=xoauth2"
        );
        assert_eq!(
            with("RJ_SMTP_OAUTH_SCOPE", "api://example/.default")
                .unwrap()
                .smtp_oauth
                .unwrap()
                .client
                .scope,
            "api://example/.default"
        );
        // Production: the token endpoint over HTTPS only.
        let mut production = vec![
            ("RJ_ENV", "production"),
            ("RJ_PUBLIC_URL", "https://rj.example.org"),
            ("RJ_MAIL_FROM", "RJ <no-reply@rj.example.org>"),
            ("RJ_SECRET", "0123456789abcdef0123456789abcdef"),
            ("RJ_OPERATOR_NAME", "An Operator"),
            ("RJ_OPERATOR_CONTACT", "contact@operator.example.org"),
            ("RJ_TRIAGE_EMAIL", "triage@operator.org.uk"),
            ("RJ_OPERATOR_EMAIL", "alerts@operator.org.uk"),
            (
                "RJ_DATA_KEY",
                "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            ),
        ];
        production.extend(all.iter().filter(|(n, _)| *n != "RJ_SMTP_OAUTH_TOKEN_URL"));
        production.push(("RJ_SMTP_OAUTH_TOKEN_URL", "http://login.example.org/token"));
        assert_eq!(
            config(&production).unwrap_err(),
            ConfigError::InsecureTokenUrl
        );
    }

    #[test]
    fn the_api_limit_defaults_to_600_an_hour_and_refuses_words() {
        assert_eq!(config(&[]).unwrap().api.limit_per_hour, 600);
        let c = config(&[("RJ_API_LIMIT_PER_HOUR", "0")]).unwrap();
        assert_eq!(c.api.limit_per_hour, 0);
        let said = config(&[("RJ_API_LIMIT_PER_HOUR", "lots")])
            .unwrap_err()
            .to_string();
        assert!(said.starts_with("RJ_API_LIMIT_PER_HOUR must be"), "{said}");
    }
}

#[cfg(test)]
mod webhook_tests {
    use super::*;
    use secrecy::ExposeSecret;

    #[test]
    fn webhook_secrets_are_read_by_name_and_only_standard_ones_kept_never_printed() {
        let var = |name: &str| match name {
            "RJ_WEBHOOK_SECRET_KENT" => Some(" whsec_cmotdGVzdHMtd2ViaG9vay1zZWNyZXQ= ".into()),
            "RJ_WEBHOOK_SECRET_BAD" => Some("not-a-secret".into()),
            _ => None,
        };
        let names = [
            "RJ_WEBHOOK_SECRET_KENT",
            "RJ_WEBHOOK_SECRET_BAD",
            "RJ_WEBHOOK_SECRET_UNSET",
        ];
        let secrets = webhook_secrets(&names, var);
        assert_eq!(
            secrets
                .get("RJ_WEBHOOK_SECRET_KENT")
                .map(|s| s.expose_secret().to_string()),
            Some("whsec_cmotdGVzdHMtd2ViaG9vay1zZWNyZXQ=".into())
        );
        assert!(secrets.get("RJ_WEBHOOK_SECRET_BAD").is_none());
        assert!(secrets.get("RJ_WEBHOOK_SECRET_UNSET").is_none());
        assert!(!format!("{secrets:?}").contains("cmotd"));
    }

    #[test]
    fn the_webhook_timeout_is_ten_seconds_unless_set_from_1_to_120() {
        let read = |v: Option<&str>| {
            webhook_settings(&|name: &str| {
                (name == "RJ_WEBHOOK_TIMEOUT_SECONDS")
                    .then(|| v.map(String::from))
                    .flatten()
            })
        };
        assert_eq!(read(None).unwrap().timeout_seconds, 10);
        assert_eq!(read(Some("30")).unwrap().timeout_seconds, 30);
        for bad in ["0", "121", "ten"] {
            assert!(read(Some(bad)).is_err(), "{bad}");
        }
    }
}

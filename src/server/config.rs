//! Configuration, read once from the environment at start-up into typed values.
//! Nothing else in the program reads environment variables.

use crate::email::EmailAddress;
use crate::referral::store::{DatabaseUrl, DatabaseUrlError};
use crate::site::{DEFAULT_EXIT_URL, SiteSettings};
use secrecy::{SecretSlice, SecretString};
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
    pub addr: SocketAddr,
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
    /// Key for signing form tokens (`RJ_SECRET`); random per start in development.
    /// Never prints.
    pub secret: SecretSlice<u8>,
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
    #[error("RJ_SECRET must be at least 32 characters long")]
    ShortSecret,
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
}

impl Config {
    /// Reads the configuration from the process environment.
    pub fn from_env(addr: SocketAddr) -> Result<Self, ConfigError> {
        Self::from_lookup(addr, |name| std::env::var(name).ok())
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

        Ok(Self {
            env,
            addr,
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
            secret: match get("RJ_SECRET") {
                Some(s) if s.len() >= 32 => s.into_bytes().into(),
                Some(_) => return Err(ConfigError::ShortSecret),
                None if env == Environment::Production => {
                    return Err(ConfigError::MissingInProduction("RJ_SECRET"));
                }
                None => rand::random::<[u8; 32]>().to_vec().into(),
            },
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
        })
    }
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
        assert_eq!(c.site.public_url, "http://127.0.0.1:3000");
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
        let c = with("triage@operator.org.uk").unwrap();
        assert_eq!(c.triage_email.as_str(), "triage@operator.org.uk");
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
        use crate::referral::store::Backend;
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
    fn reads_the_client_address_header() {
        assert_eq!(config(&[]).unwrap().client_ip_header, None);
        let c = config(&[("RJ_CLIENT_IP_HEADER", "X-Forwarded-For")]).unwrap();
        assert_eq!(c.client_ip_header.unwrap().as_str(), "x-forwarded-for");
    }
}

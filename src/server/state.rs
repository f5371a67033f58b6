//! What every handler can reach ([`AppState`]), loaded and checked once at start-up:
//! the configuration, the area data, the directory and routing, the store, the mailer,
//! the keys, and the clocks.

use super::config::{self, Config};
use super::limit;
use crate::areas::directory::{Directory, DirectoryError, Routing};
use crate::areas::{Areas, DataError};
use crate::calendar::{AckClock, Clock, WorkingDays};
use crate::keys::Purpose;
use crate::mail::render::Sender;
use crate::mail::transport::{Mailer, MailerError};
use crate::outbox::worker::{Chasing, Pacing, Worker};
use crate::referral::ack::AckTokens;
use crate::referral::token::FormTokens;
use crate::store::{Store, StoreError};
use axum::extract::FromRef;
use leptos::prelude::LeptosOptions;
use secrecy::ExposeSecret;
use std::sync::Arc;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
    pub areas: Arc<Areas>,
    pub directory: Arc<Directory>,
    pub store: Store,
    pub mailer: Mailer,
    pub sender: Arc<Sender>,
    /// Signs and checks the service's "I have it" links.
    pub ack: AckTokens,
    pub tokens: FormTokens,
    /// New requests per client per hour, counted in the database.
    pub send_limit: limit::ClientLimit,
    /// Status lookups per client per hour, counted in the database too.
    pub status_limit: limit::ClientLimit,
    /// Staff sign-in attempts per network (a passkey ceremony started) in 15 minutes.
    pub sign_in_limit: limit::ClientLimit,
    /// API calls per key per hour (`RJ_API_LIMIT_PER_HOUR`), and calls without a
    /// working key per network per hour (the same number).
    pub api_limit: limit::ClientLimit,
    pub api_unknown_limit: limit::ClientLimit,
    /// The staff inbox's passkeys; `None` when `RJ_PUBLIC_URL` has no domain name
    /// (passkeys do not work on an IP address), and staff cannot sign in.
    pub passkeys: Option<crate::staff::passkey::Passkeys>,
    /// Seals what one page hands to the next after a post (`referral::handoff`).
    pub sealer: crate::referral::handoff::Sealer,
    /// When unconfirmed requests are chased, in working days (or seconds for tests).
    pub ack_clock: AckClock,
    /// The time: the system's, or one a test sets.
    pub clock: Clock,
    /// Working days with the bank holidays, for the commissioners' record.
    pub calendar: WorkingDays,
    /// The routes' webhook secrets, by the variable that holds each.
    pub webhook_secrets: config::WebhookSecrets,
    /// Staff sign-in with an organisation's account: the providers' cached discovery.
    pub oidc: super::staff::oidc::Oidc,
}

/// Why the server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartupError {
    #[error(transparent)]
    Data(#[from] DataError),
    #[error("cannot read the service directory {path}: {source}")]
    ReadDirectory {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Directory(#[from] DirectoryError),
    #[error("cannot read the routing file {path} (RJ_ROUTING): {source}")]
    ReadRouting {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Store(#[from] StoreError),
    #[error(transparent)]
    Mailer(#[from] MailerError),
    #[error("cannot read the bank holidays {path}: {source}")]
    ReadHolidays {
        path: String,
        source: std::io::Error,
    },
    #[error(transparent)]
    Holidays(#[from] crate::calendar::HolidayError),
}

impl AppState {
    /// Loads the embedded area data, the service directory and the routing (every
    /// request through triage unless `RJ_ROUTING` names services that agreed), checking
    /// each, and opens the outbox database (bringing its tables up to date) and the mailer.
    pub async fn load(config: Config) -> Result<Self, StartupError> {
        Self::load_with(config, true).await
    }

    /// As [`AppState::load`]; `migrate: false` leaves the database as it is (for
    /// `rj check-config`, which reports what is not applied).
    pub async fn load_with(config: Config, migrate: bool) -> Result<Self, StartupError> {
        let areas = Areas::embedded()?;
        let path = config.directory.display().to_string();
        let text = std::fs::read_to_string(&config.directory).map_err(|source| {
            StartupError::ReadDirectory {
                path: path.clone(),
                source,
            }
        })?;
        let production = config.env == config::Environment::Production;
        let rules = config.routing_rules();
        let routing = match &config.routing {
            None => Routing::triage_only(&rules),
            Some(file) => {
                let path = file.display().to_string();
                let text =
                    std::fs::read_to_string(file).map_err(|source| StartupError::ReadRouting {
                        path: path.clone(),
                        source,
                    })?;
                Routing::parse(&text, &path, &areas, &rules)?
            }
        };
        // Names a file's line or a setting, never an address.
        for warning in routing.warnings() {
            tracing::warn!("{warning}");
        }
        let webhook_secrets = config::webhook_secrets_from_env(&routing.webhook_secret_names());
        let directory = Directory::parse(&text, &path, &areas, production)?.with_routing(routing);
        let keys = config.data_keys().map_err(StoreError::from)?;
        let store = if migrate {
            Store::open(&config.database_url, keys).await?
        } else {
            Store::connect(&config.database_url, keys).await?
        };
        let smtp_url = config.smtp_url.as_ref().map(ExposeSecret::expose_secret);
        let mailer = match (&config.smtp_oauth, smtp_url) {
            (Some(oauth), Some(url)) => Mailer::xoauth2(
                url,
                oauth.user.as_str(),
                crate::mail::oauth::TokenSource::new(oauth.client.clone()),
                production,
            )?,
            _ => Mailer::new(smtp_url, config.mail_dir.clone(), production)?,
        };
        let sender = Arc::new(Sender::new(
            config
                .mail_from
                .parse()
                .expect("checked when the configuration was read"),
            config.mail_from_name_cy.clone(),
            &config.site,
        ));
        let ack = AckTokens::new(config.secrets.ring(Purpose::AckLink));
        let (ack_clock, calendar) = ack_clock(&config.tracking)?;
        let tokens = FormTokens::new(config.secrets.ring(Purpose::FormToken));
        let sealer = crate::referral::handoff::Sealer::new(&config.secrets.ring(Purpose::Handoff));
        let limit_keys = config.secrets.ring(Purpose::ClientLimit);
        let send_limit = limit::ClientLimit::send(config.send_limit_per_hour, &limit_keys);
        let status_limit =
            limit::ClientLimit::status(config.tracking.status_limit_per_hour, &limit_keys);
        let sign_in_limit = limit::ClientLimit::new("sign-in", 10, 15 * 60, &limit_keys);
        let api_limit =
            limit::ClientLimit::new("api", config.api.limit_per_hour, 3600, &limit_keys);
        let api_unknown_limit =
            limit::ClientLimit::new("api-unknown", config.api.limit_per_hour, 3600, &limit_keys);
        let passkeys = match crate::staff::passkey::Passkeys::new(
            &config.site.public_url,
            &crate::mail::render::Sender::site_name(crate::i18n::Lang::En),
        ) {
            Ok(p) => Some(p),
            Err(e) => {
                tracing::warn!(
                    "staff sign-in is off: {e}. Set RJ_PUBLIC_URL to an address with a domain name (http://localhost:3000 on this machine)"
                );
                None
            }
        };
        Ok(Self {
            tokens,
            sign_in_limit,
            api_limit,
            api_unknown_limit,
            passkeys,
            ack,
            sealer,
            send_limit,
            status_limit,
            ack_clock,
            clock: Clock::system(),
            calendar,
            webhook_secrets,
            oidc: super::staff::oidc::Oidc::new(),
            leptos_options: config.leptos_options(),
            config: Arc::new(config),
            areas: Arc::new(areas),
            directory: Arc::new(directory),
            store,
            mailer,
            sender,
        })
    }

    /// A token for a newly shown form.
    pub fn new_token(&self) -> String {
        self.tokens.issue(rand::random(), self.clock.now())
    }

    /// The delivery worker for this state's outbox.
    pub fn worker(&self) -> Worker {
        let days = u64::from(self.config.site.retention_days);
        Worker {
            store: self.store.clone(),
            mailer: self.mailer.clone(),
            areas: self.areas.clone(),
            directory: self.directory.clone(),
            sender: self.sender.clone(),
            pacing: Pacing {
                retry_base: std::time::Duration::from_secs(self.config.retry_base_seconds),
                lease: std::time::Duration::from_secs(self.config.lease_seconds),
                retention: std::time::Duration::from_secs(days * 24 * 3600),
                // Periods in seconds (tests, drills) need alerts looked for often.
                sweep: match self.ack_clock {
                    AckClock::Seconds(_) => std::time::Duration::from_millis(250),
                    AckClock::WorkingDays { .. } => Pacing::default().sweep,
                },
                ack_grace: match self.ack_clock {
                    AckClock::Seconds(s) => std::time::Duration::from_secs(s.max(1) as u64),
                    AckClock::WorkingDays { .. } => Pacing::default().ack_grace,
                },
                ..Pacing::default()
            },
            clock: self.clock.clone(),
            ack: self.ack.clone(),
            webhooks: Some(crate::outbox::webhook::WebhookSender::new(
                &self.config.site.public_url,
                self.webhook_secrets.clone(),
                std::time::Duration::from_secs(self.config.webhooks.timeout_seconds),
            )),
            chasing: Chasing {
                clock: self.ack_clock.clone(),
                operator: self.config.tracking.operator_email.clone(),
            },
        }
    }
}

/// The clock for chasing requests: `RJ_ACK_PERIOD_SECONDS` when set, else
/// `RJ_ACK_WORKING_DAYS` counted with the bank holidays in `RJ_BANK_HOLIDAYS`.
fn ack_clock(tracking: &config::Tracking) -> Result<(AckClock, WorkingDays), StartupError> {
    let path = tracking.bank_holidays.display().to_string();
    let text = std::fs::read_to_string(&tracking.bank_holidays).map_err(|source| {
        StartupError::ReadHolidays {
            path: path.clone(),
            source,
        }
    })?;
    let calendar = WorkingDays::parse(&text, &path)?;
    let clock = match tracking.ack_period_seconds {
        Some(seconds) => AckClock::Seconds(i64::try_from(seconds).unwrap_or(i64::MAX)),
        None => AckClock::WorkingDays {
            days: tracking.ack_working_days,
            calendar: calendar.clone(),
        },
    };
    Ok((clock, calendar))
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

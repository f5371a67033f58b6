//! The web server: configuration, shared state, the router with its layers, and the
//! process's start and graceful stop. Server-only.

mod acknowledge;
pub mod admin;
mod api;
mod commands;
pub mod config;
pub mod headers;
mod limit;
pub mod page_cache;
mod refer;
mod sitemap;
mod status;

use crate::app::{App, shell};
use crate::areas::directory::{Directory, DirectoryError, Routing};
use crate::areas::{Areas, DataError};
use crate::calendar::{AckClock, WorkingDays};
use crate::i18n::{Lang, Page, Stage};
use crate::mail::render::Sender;
use crate::mail::transport::{Mailer, MailerError};
use crate::outbox::ack::AckTokens;
use crate::outbox::worker::{Chasing, Pacing, Worker};
use crate::referral::token::FormTokens;
use crate::referral::view::TokenIssuer;
use crate::store::{Store, StoreError};
use axum::{Router, extract::FromRef, routing::get};
use config::Config;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use secrecy::ExposeSecret;
use std::{process::ExitCode, sync::Arc};
use tower_http::compression::CompressionLayer;

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
    pub tokens: FormTokens,
    /// New requests per client per hour, counted in the database.
    pub send_limit: limit::ClientLimit,
    /// Status lookups per client per hour, counted in the database too.
    pub status_limit: limit::ClientLimit,
    /// Seals what one page hands to the next after a post (`referral::handoff`).
    pub sealer: crate::referral::handoff::Sealer,
    /// When unconfirmed requests are chased, in working days (or seconds for tests).
    pub clock: AckClock,
    /// Working days with the bank holidays, for the commissioners' record.
    pub calendar: WorkingDays,
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
        let routing = match &config.routing {
            None => Routing::triage_only(config.triage_email.clone()),
            Some(file) => {
                let path = file.display().to_string();
                let text =
                    std::fs::read_to_string(file).map_err(|source| StartupError::ReadRouting {
                        path: path.clone(),
                        source,
                    })?;
                Routing::parse(
                    &text,
                    &path,
                    &areas,
                    config.triage_email.clone(),
                    production,
                )?
            }
        };
        let directory = Directory::parse(&text, &path, &areas, production)?.with_routing(routing);
        let store = if migrate {
            Store::open(&config.database_url).await?
        } else {
            Store::connect(&config.database_url).await?
        };
        let mailer = Mailer::new(
            config.smtp_url.as_ref().map(ExposeSecret::expose_secret),
            config.mail_dir.clone(),
            production,
        )?;
        let sender = Arc::new(Sender::new(
            config
                .mail_from
                .parse()
                .expect("checked when the configuration was read"),
            config.mail_from_name_cy.clone(),
            &config.site,
            AckTokens::new(config.secret.expose_secret()),
        ));
        let (clock, calendar) = ack_clock(&config.tracking)?;
        let tokens = FormTokens::new(config.secret.expose_secret());
        let sealer = crate::referral::handoff::Sealer::new(config.secret.expose_secret());
        let send_limit =
            limit::ClientLimit::send(config.send_limit_per_hour, config.secret.expose_secret());
        let status_limit = limit::ClientLimit::status(
            config.tracking.status_limit_per_hour,
            config.secret.expose_secret(),
        );
        Ok(Self {
            tokens,
            sealer,
            send_limit,
            status_limit,
            clock,
            calendar,
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
        self.tokens
            .issue(rand::random(), crate::outbox::worker::unix_now())
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
                sweep: match self.clock {
                    AckClock::Seconds(_) => std::time::Duration::from_millis(250),
                    AckClock::WorkingDays { .. } => Pacing::default().sweep,
                },
                ack_grace: match self.clock {
                    AckClock::Seconds(s) => std::time::Duration::from_secs(s.max(1) as u64),
                    AckClock::WorkingDays { .. } => Pacing::default().ack_grace,
                },
                ..Pacing::default()
            },
            chasing: Chasing {
                clock: self.clock.clone(),
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

/// Builds the whole application: pages in both languages, health check, static files,
/// and the layers every response passes through; what is the same for every reader is
/// served from memory (`page_cache`).
pub fn router(state: AppState) -> Router {
    page_cache::serve_from_memory(uncached_router(state.clone()), &state)
}

/// The application rendering every request afresh: what the page cache keeps copies of.
pub fn uncached_router(state: AppState) -> Router {
    let context = {
        let state = state.clone();
        move || provide_app_context(&state)
    };

    // The confirmation and acknowledgement pages are rendered by their own handlers,
    // which look the request up first.
    let sent_routes = Lang::ALL.map(Page::sent_route);
    let routes: Vec<_> = generate_route_list(App)
        .into_iter()
        .filter(|r| !sent_routes.iter().any(|sent| sent == r.path()))
        .filter(|r| !acknowledge::handles(r.path()))
        .collect();
    let mut router = Router::new()
        .route("/healthz", get(health))
        .route("/sitemap.xml", get(sitemap::sitemap))
        .route("/api/lookup", get(api::lookup))
        .route(
            &Page::Refer.path(Lang::En),
            axum::routing::post(refer::post_en),
        )
        .route(
            &Page::Refer.path(Lang::Cy),
            axum::routing::post(refer::post_cy),
        )
        .route("/exit/{id}", get(refer::exit).post(refer::exit))
        .merge(stage_routes())
        .merge(acknowledge::routes())
        .merge(status::routes())
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || page_shell(options.clone())
        })
        .fallback(files_or_not_found(context))
        .layer(axum::middleware::from_fn(without_trailing_slash))
        .layer(axum::middleware::from_fn(headers::cache_control));
    for layer in headers::security_layers(state.config.hsts) {
        router = router.layer(layer);
    }
    router
        .layer(CompressionLayer::new().gzip(true).br(true))
        .with_state(state)
}

/// The pages after a post, each at `/<page>/<stage>/{id}` in each language.
fn stage_routes() -> Router<AppState> {
    let mut router = Router::new();
    for stage in Stage::ALL {
        for lang in Lang::ALL {
            router = router.route(
                &stage.route(lang),
                get(
                    move |state: axum::extract::State<AppState>, uri: http::Uri| async move {
                        refer::stage_page(state.0, lang, stage, &uri).await
                    },
                ),
            );
        }
    }
    router
}

/// Unknown paths: a static file under the site root, else the translated 404 page. Only
/// GET and HEAD read files; any other method is told so (405), never served a file.
fn files_or_not_found(
    context: impl Fn() + Clone + Send + Sync + 'static,
) -> impl Fn(
    http::Uri,
    axum::extract::State<AppState>,
    axum::extract::Request,
) -> std::pin::Pin<Box<dyn std::future::Future<Output = axum::response::Response> + Send>>
+ Clone
+ Send
+ Sync
+ 'static {
    let files =
        leptos_axum::file_and_error_handler_with_context::<AppState, _>(context, page_shell);
    move |uri, state, req| {
        if matches!(*req.method(), http::Method::GET | http::Method::HEAD) {
            files(uri, state, req)
        } else {
            Box::pin(async {
                use axum::response::IntoResponse;
                (
                    http::StatusCode::METHOD_NOT_ALLOWED,
                    [(http::header::ALLOW, "GET, HEAD")],
                )
                    .into_response()
            })
        }
    }
}

/// A page's old address is sent to its new one ([`crate::i18n::Page::moved`]).
/// `/refer/` is `/refer`: one address per page, so a path with a trailing slash is sent
/// to the page (its query kept, 308 so a POST stays a POST). A path that would then
/// start with `//` (another host, to a browser) is left alone and ends as a 404.
async fn without_trailing_slash(
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    use axum::response::IntoResponse;
    let path = req.uri().path();
    if let Some(to) = crate::i18n::Page::moved(path) {
        let to = match req.uri().query() {
            Some(query) => format!("{to}?{query}"),
            None => to,
        };
        return axum::response::Redirect::permanent(&to).into_response();
    }
    if path.len() > 1 && path.ends_with('/') {
        let trimmed = path.trim_end_matches('/');
        let trimmed = if trimmed.is_empty() { "/" } else { trimmed };
        if !trimmed.starts_with("//") {
            let to = match req.uri().query() {
                Some(query) => format!("{trimmed}?{query}"),
                None => trimmed.to_string(),
            };
            return axum::response::Redirect::permanent(&to).into_response();
        }
    }
    next.run(req).await
}

/// The document around every page as the server sends it: the app's [`shell`], with
/// this response's Content-Security-Policy (which names the request's script nonce).
pub(crate) fn page_shell(options: LeptosOptions) -> impl IntoView {
    headers::set_page_policy();
    shell(options)
}

/// What every page may use: operator settings, the area data, the directory, and a
/// way to issue form tokens.
pub(crate) fn provide_app_context(state: &AppState) {
    provide_context(state.config.site.clone());
    provide_context(state.areas.clone());
    provide_context(state.directory.clone());
    let issuer = state.clone();
    // A page with a form token is personal: marked so by the act of issuing one.
    provide_context(TokenIssuer(Arc::new(move || {
        headers::mark_personal();
        issuer.new_token()
    })));
}

/// Liveness: the process is up and answering.
async fn health() -> &'static str {
    "ok\n"
}

/// The `rj` command: serves the site, or runs an operator command.
pub async fn main() -> ExitCode {
    init_logging();
    let args: Vec<String> = std::env::args().skip(1).collect();
    let config = match Config::from_env() {
        Ok(config) => config,
        Err(err) => {
            tracing::error!("configuration error: {err}");
            return ExitCode::FAILURE;
        }
    };
    let words: Vec<&str> = args.iter().map(String::as_str).collect();
    let known = match words.as_slice() {
        [] | ["serve" | "check-config" | "migrate"] | ["outbox", "status"] => true,
        ["outbox", "retry", _] | ["report", ..] => true,
        ["outbox", "resolve", _, "--note", note @ ..] => !note.is_empty(),
        _ => false,
    };
    if !known {
        eprintln!(
            "usage: rj [serve | check-config | migrate | outbox status | outbox retry REFERENCE \
             | outbox resolve REFERENCE --note TEXT \
             | report --from YYYY-MM --to YYYY-MM [--format csv|json]]"
        );
        return ExitCode::from(2);
    }
    if words == ["migrate"] {
        return commands::migrate(&config.database_url).await;
    }
    // Everything but check-config brings the tables up to date first, as the site does.
    let migrate = words != ["check-config"];
    let state = match AppState::load_with(config, migrate).await {
        Ok(state) => state,
        Err(err) => {
            tracing::error!("cannot start: {err}");
            return ExitCode::FAILURE;
        }
    };
    match words.as_slice() {
        ["check-config"] => commands::check_config(&state).await,
        ["outbox", "status"] => commands::outbox_status(&state).await,
        ["outbox", "retry", reference] => commands::outbox_retry(&state, reference).await,
        ["outbox", "resolve", reference, "--note", note @ ..] => {
            commands::outbox_resolve(&state, reference, &note.join(" ")).await
        }
        ["report", rest @ ..] => commands::report(&state, rest).await,
        _ => serve(state).await,
    }
}

/// Serves the site and runs the delivery worker until SIGTERM or SIGINT, then finishes
/// the requests in flight.
async fn serve(state: AppState) -> ExitCode {
    let addr = state.config.addr;
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => listener,
        Err(err) => {
            tracing::error!("cannot listen on {addr}: {err}");
            return ExitCode::FAILURE;
        }
    };
    match &state.mailer {
        Mailer::Smtp(_) => tracing::info!("emails go by SMTP"),
        Mailer::Files(dir) => {
            tracing::info!("no RJ_SMTP_URL: emails are written to {}", dir.display())
        }
    }
    tracing::info!("serving on http://{addr} ({:?})", state.config.env);
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let workers: Vec<_> = (0..state.config.workers)
        .map(|i| tokio::spawn(state.worker().run_with(stopped.clone(), i == 0)))
        .collect();
    let admin = match state.config.tracking.admin_addr {
        Some(addr) => match tokio::net::TcpListener::bind(addr).await {
            Ok(listener) => {
                tracing::info!("operator's numbers on http://{addr}/metrics");
                let mut stopping = stopped.clone();
                Some(tokio::spawn(
                    axum::serve(listener, admin::router(state.clone()))
                        .with_graceful_shutdown(async move {
                            let _ = stopping.wait_for(|stop| *stop).await;
                        })
                        .into_future(),
                ))
            }
            Err(err) => {
                tracing::error!("cannot listen on RJ_ADMIN_ADDR {addr}: {err}");
                let _ = stop.send(true);
                return ExitCode::FAILURE;
            }
        },
        None => None,
    };
    let app = router(state.clone());
    tokio::spawn(page_cache::warm_up(app.clone(), state));
    let served = axum::serve(
        listener,
        app.into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await;
    let _ = stop.send(true);
    for worker in workers {
        let _ = worker.await;
    }
    if let Some(admin) = admin {
        let _ = admin.await;
    }
    if let Err(err) = served {
        tracing::error!("server error: {err}");
        return ExitCode::FAILURE;
    }
    tracing::info!("stopped");
    ExitCode::SUCCESS
}

fn init_logging() {
    use tracing_subscriber::EnvFilter;
    let filter = EnvFilter::try_from_env("RUST_LOG").unwrap_or_else(|_| EnvFilter::new("info"));
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .init();
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
    tracing::info!("shutting down: finishing requests in flight");
}

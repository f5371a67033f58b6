//! The web server: configuration, shared state, the router with its layers, and the
//! process's start and graceful stop. Server-only.

mod api;
pub mod config;
pub mod headers;
mod sitemap;

use crate::app::{App, shell};
use crate::areas::{Areas, DataError, directory::Directory, directory::DirectoryError};
use axum::{Router, extract::FromRef, routing::get};
use config::Config;
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use std::{process::ExitCode, sync::Arc};
use tower_http::compression::CompressionLayer;

/// What every handler can reach.
#[derive(Clone)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub config: Arc<Config>,
    pub areas: Arc<Areas>,
    pub directory: Arc<Directory>,
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
}

impl AppState {
    /// Loads the embedded area data and the service directory, checking both.
    pub fn load(config: Config, leptos_options: LeptosOptions) -> Result<Self, StartupError> {
        let areas = Areas::embedded()?;
        let path = config.directory.display().to_string();
        let text = std::fs::read_to_string(&config.directory).map_err(|source| {
            StartupError::ReadDirectory {
                path: path.clone(),
                source,
            }
        })?;
        let production = config.env == config::Environment::Production;
        let directory = Directory::parse(&text, &path, &areas, production)?;
        Ok(Self {
            leptos_options,
            config: Arc::new(config),
            areas: Arc::new(areas),
            directory: Arc::new(directory),
        })
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

/// Builds the whole application: pages in both languages, health check, static files,
/// and the layers every response passes through.
pub fn router(state: AppState) -> Router {
    let context = {
        let state = state.clone();
        move || {
            provide_context(state.config.site.clone());
            provide_context(state.areas.clone());
            provide_context(state.directory.clone());
        }
    };

    let routes = generate_route_list(App);
    let mut router = Router::new()
        .route("/healthz", get(health))
        .route("/sitemap.xml", get(sitemap::sitemap))
        .route("/api/lookup", get(api::lookup))
        .leptos_routes_with_context(&state, routes, context.clone(), {
            let options = state.leptos_options.clone();
            move || shell(options.clone())
        })
        .fallback(leptos_axum::file_and_error_handler_with_context::<
            AppState,
            _,
        >(context, shell))
        .layer(axum::middleware::from_fn(headers::cache_control));
    for layer in headers::security_layers(state.config.hsts) {
        router = router.layer(layer);
    }
    router
        .layer(CompressionLayer::new().gzip(true).br(true))
        .with_state(state)
}

/// Liveness: the process is up and answering.
async fn health() -> &'static str {
    "ok\n"
}

/// Runs the server until SIGTERM or SIGINT, then finishes the requests in flight.
pub async fn main() -> ExitCode {
    init_logging();
    let leptos_options = match get_configuration(None) {
        Ok(conf) => with_hashed_assets(conf.leptos_options),
        Err(err) => {
            tracing::error!("cannot read the Leptos configuration: {err}");
            return ExitCode::FAILURE;
        }
    };
    let config = match Config::from_env(leptos_options.site_addr) {
        Ok(config) => config,
        Err(err) => {
            tracing::error!("configuration error: {err}");
            return ExitCode::FAILURE;
        }
    };
    let addr = config.addr;
    let state = match AppState::load(config, leptos_options) {
        Ok(state) => state,
        Err(err) => {
            tracing::error!("cannot start: {err}");
            return ExitCode::FAILURE;
        }
    };
    let listener = match tokio::net::TcpListener::bind(addr).await {
        Ok(listener) => listener,
        Err(err) => {
            tracing::error!("cannot listen on {addr}: {err}");
            return ExitCode::FAILURE;
        }
    };
    tracing::info!("serving on http://{addr} ({:?})", state.config.env);
    let app = router(state);
    if let Err(err) = axum::serve(listener, app)
        .with_graceful_shutdown(shutdown_signal())
        .await
    {
        tracing::error!("server error: {err}");
        return ExitCode::FAILURE;
    }
    tracing::info!("stopped");
    ExitCode::SUCCESS
}

/// cargo-leptos writes the asset hashes beside the binary; when they are there, the
/// pages must link the hashed names even if `LEPTOS_HASH_FILES` was not set.
fn with_hashed_assets(mut options: LeptosOptions) -> LeptosOptions {
    let beside_binary = std::env::current_exe()
        .ok()
        .and_then(|exe| exe.parent().map(|dir| dir.join(options.hash_file.as_ref())));
    if beside_binary.is_some_and(|path| path.exists()) {
        options.hash_files = true;
    }
    options
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

//! The web server: configuration (`config`), shared state (`state`), the router with its
//! layers (`router`), the handlers, the command line and operator commands (`cli`), and the
//! process's start and graceful stop (here).

mod acknowledge;
pub mod admin;
mod api;
mod api_key_cli;
mod api_v1;
mod cli;
pub mod config;
mod feedback;
mod handoffs;
pub mod headers;
mod limit;
pub mod page_cache;
mod refer;
mod render;
mod router;
pub mod security_txt;
mod sitemap;
mod staff;
mod staff_cli;
mod state;
mod status;

pub use router::{router, uncached_router};
pub use state::{AppState, StartupError};

use crate::mail::transport::Mailer;
use config::Config;
use std::process::ExitCode;

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
    let command = match cli::Command::parse(&words) {
        Ok(command) => command,
        Err(said) => {
            eprintln!("{said}");
            return ExitCode::from(2);
        }
    };
    // Only the database: it works before the rest of the configuration is complete.
    if command == cli::Command::Migrate {
        let keys = match config.data_keys() {
            Ok(keys) => keys,
            Err(err) => {
                tracing::error!("cannot start: {err}");
                return ExitCode::FAILURE;
            }
        };
        return cli::migrate(&config.database_url, keys).await;
    }
    let state = match AppState::load_with(config, command.migrates_first()).await {
        Ok(state) => state,
        Err(err) => {
            tracing::error!("cannot start: {err}");
            return ExitCode::FAILURE;
        }
    };
    command.run(state).await
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
        Mailer::Xoauth2(_) => {
            tracing::info!("emails go by SMTP, logged in with an OAuth token (XOAUTH2)")
        }
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
    // The log goes to stderr: stdout is for what a command prints (a report's CSV), and a
    // start-up error is where an operator's shell shows it.
    tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_target(false)
        .with_writer(std::io::stderr)
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

//! The operator's own listener (`RJ_ADMIN_ADDR`, off unless set; loopback in the
//! examples): `/metrics`, the Prometheus text format. It is a separate router on a
//! separate socket, so nothing on the public port can reach it.

use super::AppState;
use crate::numbers::metrics;
use axum::Router;
use axum::extract::State;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::{StatusCode, header};

/// The admin listener's routes.
pub fn router(state: AppState) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .with_state(state)
}

async fn scrape(State(state): State<AppState>) -> Response {
    match state.store.numbers().await {
        Ok(numbers) => {
            let slugs: Vec<String> = state.areas.all().iter().map(|a| a.slug.clone()).collect();
            (
                [
                    (header::CONTENT_TYPE, metrics::CONTENT_TYPE),
                    (header::CACHE_CONTROL, "no-store"),
                ],
                metrics::render(&numbers, &slugs, state.clock.now()),
            )
                .into_response()
        }
        Err(e) => {
            tracing::error!("metrics: cannot read the outbox: {e}");
            StatusCode::SERVICE_UNAVAILABLE.into_response()
        }
    }
}

//! The status page's lookup. The reference is checked for its check symbol before
//! anything else (a typing mistake is told so at once, and never reaches the
//! database), lookups are limited per client (counted in the database, so across every
//! instance), and a reference with no request the page
//! may show (unknown, purged, or older than the retention period) gets the same answer
//! as one that never existed. Every answer is `no-store`.

use super::AppState;
use super::headers::same_site;
use super::limit::client_of;
use super::render::{page, refuse};
use crate::areas::directory::{Audience, Via};
use crate::calendar::uk_date;
use crate::components::frame::{ExitVia, exit_path};
use crate::i18n::Stage;
use crate::i18n::{Lang, Page};
use crate::pages::status::FIELD;
use crate::referral::handoff::Handoff;
use crate::referral::problem::Problem;
use crate::referral::reference::Reference;
use crate::referral::view::{Handed, StatusFound, StatusProblem, StatusView};
use crate::store::{RequestStatus, Stored};
use axum::Router;
use axum::body::to_bytes;
use axum::extract::{Request, State};
use axum::response::Response;
use axum::routing::post;
use http::StatusCode;
use leptos::prelude::provide_context;
use std::net::IpAddr;

/// A lookup's body is one short field.
const MAX_BODY: usize = 4 * 1024;

/// The POST routes (GET is the ordinary page, the same for everyone).
pub fn routes() -> Router<AppState> {
    let mut router = Router::new();
    for lang in Lang::ALL {
        router = router.route(
            &Page::Status.path(lang),
            post(move |state: State<AppState>, req: Request| lookup(state, lang, req)),
        );
    }
    router
}

async fn lookup(State(state): State<AppState>, lang: Lang, req: Request) -> Response {
    if !same_site(req.headers(), &state) {
        return refuse(&state, lang, Problem::OtherSite).await;
    }
    let client = client_of(&req, state.config.client_ip_header.as_ref());
    let Ok(body) = to_bytes(req.into_body(), MAX_BODY).await else {
        return refuse(&state, lang, Problem::TooBig).await;
    };
    let typed: String = form_urlencoded::parse(&body)
        .find(|(k, _)| k == FIELD)
        .map(|(_, v)| v.chars().filter(|c| !c.is_control()).take(40).collect())
        .unwrap_or_default();
    let problem = check(&state, &typed, client).await;
    // Post-redirect-get: the answer's address holds a random id, never the reference.
    let handoff = Handoff::Status {
        typed: typed.clone(),
        problem,
    };
    match super::handoffs::hand_off(&state, &handoff).await {
        Some(id) => super::render::see_other(&Stage::Status.path(lang, id.as_str())),
        None => show(&state, lang, typed, problem, None).await,
    }
}

/// Why `typed` is not looked up, if it is not: empty, not a reference, or over the
/// client's limit (each lookup of a well-formed reference is counted here, once).
async fn check(state: &AppState, typed: &str, client: IpAddr) -> Option<StatusProblem> {
    if typed.trim().is_empty() {
        return Some(StatusProblem::Empty);
    }
    if Reference::parse(typed).is_err() {
        return Some(StatusProblem::NotAReference);
    }
    let allowed = state
        .status_limit
        .allow(&state.store, client, state.clock.now())
        .await;
    (!allowed).then_some(StatusProblem::TooMany)
}

/// The answer page at `/refer/status/result/{id}`.
pub(super) async fn result_page(
    state: &AppState,
    lang: Lang,
    typed: String,
    problem: Option<StatusProblem>,
    handed: Handed,
) -> Response {
    show(state, lang, typed, problem, Some(handed)).await
}

/// The status page with the answer for `typed`.
async fn show(
    state: &AppState,
    lang: Lang,
    typed: String,
    problem: Option<StatusProblem>,
    handed: Option<Handed>,
) -> Response {
    let view = match problem {
        Some(p) => self::problem(typed, p),
        None => match answer(state, &typed).await {
            Ok(view) => view,
            Err(()) => return refuse(state, lang, Problem::Unavailable).await,
        },
    };
    let status = StatusCode::from_u16(view.status()).unwrap_or(StatusCode::OK);
    let exit = handed.map(|h| ExitVia(exit_path(&h.0)));
    page(
        state,
        Page::Status.path(lang),
        move || {
            provide_context(view.clone());
            if let Some(exit) = exit.clone() {
                provide_context(exit);
            }
        },
        status,
    )
    .await
}

/// What the page says about `typed`, a checked reference. `Err` when the database
/// cannot answer.
async fn answer(state: &AppState, typed: &str) -> Result<StatusView, ()> {
    let Ok(reference) = Reference::parse(typed) else {
        return Ok(problem(typed.to_string(), StatusProblem::NotAReference));
    };
    let stored = state.store.find(reference).await.map_err(|e| {
        tracing::error!(%reference, "status not looked up: {e}");
    })?;
    let now = state.clock.now();
    Ok(match stored.filter(|s| shown(state, s, now)) {
        Some(stored) => StatusView::Found(found(state, stored)),
        None => StatusView::NotFound {
            reference: reference.to_string(),
        },
    })
}

fn problem(typed: String, problem: StatusProblem) -> StatusView {
    StatusView::Problem { typed, problem }
}

/// A request the page may tell about: its details are not purged, and it was sent
/// within the retention period. After that every reference looks unknown.
fn shown(state: &AppState, stored: &Stored, now: i64) -> bool {
    let retention = i64::from(state.config.site.retention_days) * 86_400;
    stored.status != RequestStatus::Purged && now - stored.created_at < retention
}

fn found(state: &AppState, s: Stored) -> StatusFound {
    let from = s.sent_at.unwrap_or(s.created_at);
    StatusFound {
        reference: s.reference.to_string(),
        sent_on: uk_date(s.created_at),
        received_on: s.acknowledged_at.map(uk_date),
        closed_on: s.resolved_at.map(uk_date),
        heard_by: uk_date(state.ack_clock.escalate_at(from)),
        service: s
            .routed
            .filter(|r| r.via == Via::Direct)
            .map(|r| (s.area.clone(), r.audience == Audience::Youth)),
    }
}

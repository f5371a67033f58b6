//! The referral form's POST handler and confirmation page. The form is a plain POST
//! (never a URL with answers in it). The handler reads the body, checks the origin, asks
//! [`decide`] what to do, stores a request when told to, and renders the outcome; every
//! page it sends is personal (`no-store, private`).

use super::limit::client_of;
use super::{AppState, headers, page_shell, provide_app_context};
use crate::i18n::{Lang, Page};
use crate::referral::decide::{self, Outcome, Rules, decide};
use crate::referral::form::Referral;
use crate::referral::problem::Problem;
use crate::referral::reference::Reference;
use crate::referral::store::Stored;
use crate::referral::view::{ReferView, SentView};
use crate::referral::worker::unix_now;
use axum::body::{Body, to_bytes};
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use leptos::prelude::provide_context;

/// Request bodies larger than this are refused.
pub const MAX_BODY: usize = 32 * 1024;

/// Renders the page at `path` (in the language the path is in) with `extra` context,
/// sent with `status` and kept by nobody.
pub(super) async fn page(
    state: &AppState,
    path: String,
    extra: impl Fn() + Clone + Send + Sync + 'static,
    status: StatusCode,
) -> Response {
    let context = {
        let state = state.clone();
        move || {
            provide_app_context(&state);
            extra();
        }
    };
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_to_stream_with_context(context, move || {
        page_shell(options.clone())
    });
    // The path is built from checked values, but nothing here may panic on a request.
    let Ok(request) = Request::get(path).body(Body::empty()) else {
        tracing::error!("a page path could not be built");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let mut response = handler(request).await.into_response();
    *response.status_mut() = status;
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(headers::PERSONAL),
    );
    response
}

/// The referral page in `lang` showing `view`, with the view's status.
async fn render(state: &AppState, lang: Lang, view: ReferView) -> Response {
    let status = StatusCode::from_u16(view.status()).unwrap_or(StatusCode::OK);
    page(
        state,
        Page::Refer.path(lang),
        move || provide_context(view.clone()),
        status,
    )
    .await
}

/// The page that explains `problem`.
pub(super) async fn refuse(state: &AppState, lang: Lang, problem: Problem) -> Response {
    render(state, lang, ReferView::Problem(problem)).await
}

/// Whether the post came from a page of this site (browsers send one of these).
pub(super) fn same_site(headers: &HeaderMap, state: &AppState) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        None => true,
        Some(origin) => {
            let host = headers
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            origin == state.config.site.public_url
                || origin
                    .strip_prefix("http://")
                    .or_else(|| origin.strip_prefix("https://"))
                    == Some(host)
        }
    }
}

pub async fn post_en(State(state): State<AppState>, req: Request) -> Response {
    post(state, Lang::En, req).await
}

pub async fn post_cy(State(state): State<AppState>, req: Request) -> Response {
    post(state, Lang::Cy, req).await
}

async fn post(state: AppState, lang: Lang, req: Request) -> Response {
    if !same_site(req.headers(), &state) {
        return refuse(&state, lang, Problem::OtherSite).await;
    }
    let client = client_of(&req, state.config.client_ip_header.as_ref());
    let Ok(body) = to_bytes(req.into_body(), MAX_BODY).await else {
        return refuse(&state, lang, Problem::TooBig).await;
    };
    let now = unix_now();
    let outcome = {
        let areas = &state.areas;
        let known_area = |slug: &str| areas.by_slug(slug).is_some();
        let rules = Rules {
            tokens: &state.tokens,
            now,
            min_fill_seconds: i64::try_from(state.config.min_fill_seconds).unwrap_or(i64::MAX),
            known_area: &known_area,
        };
        decide(decide::read(&body), &rules, || state.new_token())
    };
    match outcome {
        Outcome::Show(view) => {
            if let ReferView::Problem(Problem::Automated) = view {
                tracing::info!("referral refused: the hidden field was filled in");
            }
            render(&state, lang, view).await
        }
        Outcome::Store { key, referral } => {
            match store(&state, client, &key, &referral, now).await {
                Ok(reference) => {
                    Redirect::to(&Page::sent_path(lang, &reference.to_string())).into_response()
                }
                Err(problem) => refuse(&state, lang, problem).await,
            }
        }
    }
}

/// Stores a request once per key: the same answers sent again find the first request;
/// a new one counts against the client's hourly limit.
async fn store(
    state: &AppState,
    client: std::net::IpAddr,
    key: &str,
    referral: &Referral,
    now: i64,
) -> Result<Reference, Problem> {
    let not_stored = |e: crate::referral::store::StoreError| {
        tracing::error!("referral not stored: {e}");
        Problem::NotStored
    };
    if let Some(reference) = state.store.reference_for(key).await.map_err(not_stored)? {
        return Ok(reference);
    }
    if !state.send_limit.allow(&state.store, client, now).await {
        return Err(Problem::TooMany);
    }
    let reference = state
        .store
        .insert(key, referral, now, rand::random::<u64>)
        .await
        .map_err(not_stored)?;
    tracing::info!(%reference, area = %referral.area, "referral stored");
    // Kept for the confirmation page: the answers are deleted once delivered.
    if let Some(area) = state.areas.by_slug(&referral.area) {
        let routed = state
            .directory
            .route(area.id, referral.youth_justice())
            .routed();
        if let Err(e) = state.store.record_route(reference, routed).await {
            // The page then says what the routing says now.
            tracing::error!(%reference, "the route was not recorded: {e}");
        }
    }
    Ok(reference)
}

// The reference is read from the raw path, not a `Path<String>`: that extractor answers
// 400 to a segment that is not UTF-8 (`%FF`), and every bad reference is the same 404.
pub async fn sent_en(State(state): State<AppState>, uri: http::Uri) -> Response {
    sent(state, Lang::En, &uri).await
}

pub async fn sent_cy(State(state): State<AppState>, uri: http::Uri) -> Response {
    sent(state, Lang::Cy, &uri).await
}

async fn sent(state: AppState, lang: Lang, uri: &http::Uri) -> Response {
    // Checked before anything else: only a well-formed reference reaches a path.
    let segment = uri.path().rsplit('/').next().unwrap_or_default();
    let Ok(reference) = Reference::parse(segment) else {
        return not_found(&state, lang, Page::sent_segment(lang)).await;
    };
    stored_page(
        &state,
        lang,
        reference,
        Page::sent_segment(lang),
        |stored| {
            let view = SentView {
                reference: stored.reference.to_string(),
                area: stored.area,
                routed: stored.routed,
            };
            (Page::sent_path(lang, &view.reference), view)
        },
    )
    .await
}

/// A page about one stored request, under `/refer/<segment>/…`: `view` gives the page's
/// path and context from what is stored. An unknown reference gets the 404 page, a
/// database error the translated 503 (logged with the reference only).
pub(super) async fn stored_page<V: Clone + Send + Sync + 'static>(
    state: &AppState,
    lang: Lang,
    reference: Reference,
    segment: &str,
    view: impl FnOnce(Stored) -> (String, V),
) -> Response {
    match state.store.find(reference).await {
        Ok(Some(stored)) => {
            let (path, view) = view(stored);
            page(
                state,
                path,
                move || provide_context(view.clone()),
                StatusCode::OK,
            )
            .await
        }
        Ok(None) => not_found(state, lang, segment).await,
        Err(e) => {
            tracing::error!(%reference, "page of /refer/{segment} not shown: {e}");
            refuse(state, lang, Problem::Unavailable).await
        }
    }
}

/// The translated 404 page, under `/refer/<segment>` in `lang`.
pub(super) async fn not_found(state: &AppState, lang: Lang, segment: &str) -> Response {
    let path = format!("{}/{segment}", Page::Refer.path(lang));
    page(state, path, || {}, StatusCode::NOT_FOUND).await
}

//! Pages rendered by a handler rather than by the route table: a page with extra
//! context, the page that explains a refusal, a page about one stored request, the 404,
//! and the 303 that leads from a post to its page. Each is personal (kept by nobody).

use super::{AppState, headers};
use crate::app::shell;
use crate::i18n::{Lang, Page};
use crate::referral::problem::Problem;
use crate::referral::reference::Reference;
use crate::referral::view::{ReferView, TokenIssuer};
use crate::store::Stored;
use axum::body::Body;
use axum::extract::Request;
use axum::response::{IntoResponse, Redirect, Response};
use http::{HeaderValue, StatusCode, header};
use leptos::prelude::*;
use std::sync::Arc;

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
    // The feedback forms' tokens: page-level on information pages, so they stay kept.
    provide_context(crate::pages::feedback::FeedbackSigner {
        tokens: crate::feedback::FeedbackTokens::new(
            state.config.secrets.ring(crate::keys::Purpose::Feedback),
            crate::pages::content::has_feedback_form,
        ),
        clock: state.clock.clone(),
    });
}

/// Renders the page at `path` (in the language the path is in) with `extra` context,
/// sent with `status` and kept by nobody.
pub(crate) async fn page(
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

/// The page that explains `problem`.
pub(crate) async fn refuse(state: &AppState, lang: Lang, problem: Problem) -> Response {
    let status = StatusCode::from_u16(problem.status()).unwrap_or(StatusCode::OK);
    let view = ReferView::Problem(problem);
    page(
        state,
        Page::Refer.path(lang),
        move || provide_context(view.clone()),
        status,
    )
    .await
}

/// A page about one stored request, under `/refer/<segment>/…`: `view` gives the page's
/// path and context from what is stored. An unknown reference gets the 404 page, a
/// database error the translated 503 (logged with the reference only).
pub(crate) async fn stored_page<V: Clone + Send + Sync + 'static>(
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
pub(crate) async fn not_found(state: &AppState, lang: Lang, segment: &str) -> Response {
    let path = format!("{}/{segment}", Page::Refer.path(lang));
    page(state, path, || {}, StatusCode::NOT_FOUND).await
}

/// A 303 to `path`: the browser then asks for it with GET. Kept by nobody: it names
/// a handoff.
pub(crate) fn see_other(path: &str) -> Response {
    let mut response = Redirect::to(path).into_response();
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(headers::PERSONAL),
    );
    response
}

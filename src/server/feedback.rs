//! The feedback forms' POST handler (`/feedback`, `/cy/adborth`) and the information
//! page's thank-you (`/feedback/thanks/<page>`). A post is read, decided on
//! (`feedback::decide`), limited per network like Send, counted, and answered with a
//! 303 to a page that says thanks, so no cookie and no script is needed.

use super::AppState;
use super::headers::same_site;
use super::limit::{ClientLimit, client_of};
use super::render::{page, see_other};
use crate::feedback::{Decision, FeedbackTokens, LIMIT_PER_HOUR, SENT_TOKEN_SECONDS, decide, read};
use crate::i18n::{Lang, Page, Stage};
use crate::keys::Purpose;
use crate::pages::feedback::{FeedbackThanks, post_path, thanks_path, thanks_route};
use crate::referral::problem::Problem;
use crate::referral::view::ReferView;
use axum::Router;
use axum::body::to_bytes;
use axum::extract::{Path, Request, State};
use axum::response::Response;
use axum::routing::{get, post};
use http::StatusCode;
use leptos::prelude::provide_context;

/// A feedback body is a few short fields.
const MAX_BODY: usize = 4 * 1024;

/// The query the confirmation page is asked with after its feedback was counted.
const THANKS_QUERY: &str = "feedback=thanks";

/// The routes, in both languages.
pub fn routes() -> Router<AppState> {
    let mut router = Router::new();
    for lang in Lang::ALL {
        router = router
            .route(
                &post_path(lang),
                post(move |state: State<AppState>, req: Request| post_feedback(state.0, lang, req)),
            )
            .route(
                &thanks_route(lang),
                get(move |state: State<AppState>, key: Path<String>| thanks(state.0, lang, key.0)),
            );
    }
    router
}

/// Whether the confirmation page was asked for with its thank-you.
pub fn thanks_asked(uri: &http::Uri) -> bool {
    uri.query() == Some(THANKS_QUERY)
}

async fn post_feedback(state: AppState, lang: Lang, req: Request) -> Response {
    if !same_site(req.headers(), &state) {
        return refuse(&state, lang, StatusCode::FORBIDDEN).await;
    }
    let client = client_of(&req, state.config.client_ip_header.as_ref());
    let Ok(body) = to_bytes(req.into_body(), MAX_BODY).await else {
        return refuse(&state, lang, StatusCode::PAYLOAD_TOO_LARGE).await;
    };
    let now = state.clock.now();
    let tokens = FeedbackTokens::new(
        state.config.secrets.ring(Purpose::Feedback),
        crate::pages::content::has_feedback_form,
    );
    let decision = decide(&read(&body), &tokens, now);
    if decision == Decision::Refuse {
        return refuse(&state, lang, StatusCode::BAD_REQUEST).await;
    }
    let limit_keys = state.config.secrets.ring(Purpose::ClientLimit);
    let limit = ClientLimit::new(
        "feedback",
        LIMIT_PER_HOUR,
        crate::site::CLIENT_LIMIT_MINUTES * 60,
        &limit_keys,
    );
    if limit.wait(&state.store, client, now).await.is_some() {
        return refuse(&state, lang, StatusCode::TOO_MANY_REQUESTS).await;
    }
    let month = crate::store::month_of(now);
    match decision {
        Decision::Page { page, useful } => {
            let answer = if useful { "yes" } else { "no" };
            let subject = format!("page:{}", page.key());
            count(&state, &month, &subject, lang, &[("useful", answer)]).await;
            see_other(&thanks_path(lang, page))
        }
        Decision::Sent {
            binding,
            ease,
            hard,
        } => {
            // The used-token record: one place per confirmation, kept as long as its
            // token is accepted (then swept with the other limits).
            let once = ClientLimit::new("feedback-once", 1, SENT_TOKEN_SECONDS, &limit_keys);
            if once
                .wait_named(&state.store, &binding.once, now)
                .await
                .is_none()
            {
                let mut answers = vec![("ease", ease.value())];
                answers.extend(hard.iter().map(|h| ("hard", h.value())));
                let subject = format!("area:{}", binding.area);
                count(&state, &month, &subject, lang, &answers).await;
            }
            // A repeat is thanked too, and counted once.
            see_other(&format!(
                "{}?{THANKS_QUERY}",
                Stage::Sent.path(lang, &binding.once)
            ))
        }
        Decision::Refuse => refuse(&state, lang, StatusCode::BAD_REQUEST).await,
    }
}

/// Counts, or logs why not: the person is thanked either way (nothing of theirs is lost).
async fn count(state: &AppState, month: &str, subject: &str, lang: Lang, answers: &[(&str, &str)]) {
    if let Err(e) = state
        .store
        .count_feedback(month, subject, lang.code(), answers)
        .await
    {
        tracing::error!("feedback not counted: {e}");
    }
}

/// The one refusal, whatever the reason, in the path's language.
async fn refuse(state: &AppState, lang: Lang, status: StatusCode) -> Response {
    let view = ReferView::Problem(Problem::FeedbackNotCounted);
    page(
        state,
        Page::Refer.path(lang),
        move || provide_context(view.clone()),
        status,
    )
    .await
}

/// The information page named by `key`, with the thank-you in place of its form; an
/// unknown page is the refusal.
async fn thanks(state: AppState, lang: Lang, key: String) -> Response {
    match Page::from_key(&key).filter(|p| crate::pages::content::has_feedback_form(*p)) {
        Some(page) => {
            super::render::page(
                &state,
                page.path(lang),
                || provide_context(FeedbackThanks),
                StatusCode::OK,
            )
            .await
        }
        None => refuse(&state, lang, StatusCode::NOT_FOUND).await,
    }
}

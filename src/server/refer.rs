//! The referral form's POST handler and confirmation page. The form is a plain POST
//! (never a URL with answers in it); each stage is rendered on the server with the
//! answers kept, and a request is stored durably before the confirmation is shown.

use super::limit::client_of;
use super::{AppState, headers, page_shell, provide_app_context};
use crate::i18n::{Lang, Page};
use crate::referral::form::{self, FIELDS};
use crate::referral::reference::Reference;
use crate::referral::view::{Answers, ReferView, SentView};
use crate::referral::worker::unix_now;
use axum::body::{Body, to_bytes};
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use leptos::prelude::provide_context;

/// Request bodies larger than this are refused.
pub const MAX_BODY: usize = 32 * 1024;

/// Fields the form may post besides the answers.
const CONTROL_FIELDS: &[&str] = &["token", "action", "website"];

/// Renders the referral page at `path` with `view`, with `status`, never cached.
async fn render(state: &AppState, lang: Lang, view: ReferView, status: StatusCode) -> Response {
    page(
        state,
        Page::Refer.path(lang),
        move || provide_context(view.clone()),
        status,
    )
    .await
}

async fn page(
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
    let request = Request::get(path)
        .body(Body::empty())
        .expect("a valid request");
    let mut response = handler(request).await.into_response();
    *response.status_mut() = status;
    // Pages with answers on them must not be kept by the browser or anyone else.
    response.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static(headers::PERSONAL),
    );
    response
}

/// Whether the post came from a page of this site (browsers send one of these).
fn same_site(headers: &HeaderMap, state: &AppState) -> bool {
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

fn problem(message: &str) -> ReferView {
    ReferView::Problem {
        message: message.into(),
    }
}

async fn post(state: AppState, lang: Lang, req: Request) -> Response {
    if !same_site(req.headers(), &state) {
        return render(
            &state,
            lang,
            problem("refer-problem-other-site"),
            StatusCode::FORBIDDEN,
        )
        .await;
    }
    let client = client_of(&req, state.config.client_ip_header.as_ref());
    let Ok(body) = to_bytes(req.into_body(), MAX_BODY).await else {
        return render(
            &state,
            lang,
            problem("refer-problem-too-big"),
            StatusCode::PAYLOAD_TOO_LARGE,
        )
        .await;
    };

    // Read every field; text that is not UTF-8 or a field we do not know is noted, and
    // the person sees their answers again with a clear message, not an error page.
    let mut answers = Answers::new();
    let mut unreadable = false;
    let (mut token, mut action, mut honeypot) = (String::new(), String::new(), String::new());
    for (key, value) in form_urlencoded::parse(&body) {
        if key.contains('\u{FFFD}') || value.contains('\u{FFFD}') {
            unreadable = true;
        }
        match key.as_ref() {
            "token" => token = value.into_owned(),
            "action" => action = value.into_owned(),
            "website" => honeypot = value.into_owned(),
            k if FIELDS.contains(&k) => {
                answers.insert(
                    k.to_string(),
                    value.chars().take(form::MAX_MESSAGE + 100).collect(),
                );
            }
            _ => unreadable = !CONTROL_FIELDS.contains(&key.as_ref()) || unreadable,
        }
    }
    let general = unreadable.then(|| "refer-error-unreadable".to_string());
    let form_view = |answers: Answers,
                     errors: Vec<(String, String)>,
                     general: Option<String>,
                     token: String| {
        ReferView::Form {
            answers,
            errors,
            general,
            token,
        }
    };
    let parsed = form::parse(&answers, |slug| state.areas.by_slug(slug).is_some());
    let errors = |e: Vec<form::FieldError>| {
        e.into_iter()
            .map(|e| (e.field.to_string(), e.message.to_string()))
            .collect()
    };

    match action.as_str() {
        "send" => {}
        "change" => {
            return render(
                &state,
                lang,
                form_view(answers, vec![], general, token),
                StatusCode::OK,
            )
            .await;
        }
        // "check", or a form sent by pressing Enter.
        _ => {
            return match (parsed, general) {
                (Ok(_), None) => {
                    render(
                        &state,
                        lang,
                        ReferView::Check {
                            answers,
                            token,
                            general: None,
                        },
                        StatusCode::OK,
                    )
                    .await
                }
                (Ok(_), general) => {
                    render(
                        &state,
                        lang,
                        form_view(answers, vec![], general, token),
                        StatusCode::OK,
                    )
                    .await
                }
                (Err(e), general) => {
                    render(
                        &state,
                        lang,
                        form_view(answers, errors(e), general, token),
                        StatusCode::OK,
                    )
                    .await
                }
            };
        }
    }

    // Send.
    if !honeypot.is_empty() {
        tracing::info!("referral refused: the hidden field was filled in (an automated sender)");
        return render(
            &state,
            lang,
            problem("refer-problem-not-sent"),
            StatusCode::BAD_REQUEST,
        )
        .await;
    }
    let referral = match (parsed, general) {
        (Ok(r), None) => r,
        (Ok(_), general) => {
            return render(
                &state,
                lang,
                form_view(answers, vec![], general, token),
                StatusCode::OK,
            )
            .await;
        }
        (Err(e), general) => {
            return render(
                &state,
                lang,
                form_view(answers, errors(e), general, token),
                StatusCode::OK,
            )
            .await;
        }
    };
    let Some(checked) = state.tokens.check(&token) else {
        let fresh = state.new_token();
        let again = ReferView::Check {
            answers,
            token: fresh,
            general: Some("refer-error-expired".into()),
        };
        return render(&state, lang, again, StatusCode::OK).await;
    };
    let now = unix_now();
    if now - checked.issued_at < state.config.min_fill_seconds as i64 {
        tracing::info!("referral held back: sent faster than a person could fill in the form");
        let again = ReferView::Check {
            answers,
            token,
            general: Some("refer-error-expired".into()),
        };
        return render(&state, lang, again, StatusCode::OK).await;
    }
    let sent = |reference: Reference| {
        Redirect::to(&Page::sent_path(lang, &reference.to_string())).into_response()
    };
    match state.store.reference_for(&checked.key).await {
        Ok(Some(reference)) => return sent(reference),
        Ok(None) => {}
        Err(e) => {
            tracing::error!("referral not stored: {e}");
            return render(
                &state,
                lang,
                problem("refer-problem-not-sent"),
                StatusCode::SERVICE_UNAVAILABLE,
            )
            .await;
        }
    }
    if !state.limiter.allow(client) {
        return render(
            &state,
            lang,
            problem("refer-problem-too-many"),
            StatusCode::TOO_MANY_REQUESTS,
        )
        .await;
    }
    match state
        .store
        .insert(&checked.key, &referral, now, rand::random::<u64>)
        .await
    {
        Ok(reference) => {
            tracing::info!(%reference, area = %referral.area, "referral stored");
            sent(reference)
        }
        Err(e) => {
            tracing::error!("referral not stored: {e}");
            render(
                &state,
                lang,
                problem("refer-problem-not-sent"),
                StatusCode::SERVICE_UNAVAILABLE,
            )
            .await
        }
    }
}

pub async fn sent_en(State(state): State<AppState>, Path(reference): Path<String>) -> Response {
    sent(state, Lang::En, reference).await
}

pub async fn sent_cy(State(state): State<AppState>, Path(reference): Path<String>) -> Response {
    sent(state, Lang::Cy, reference).await
}

async fn sent(state: AppState, lang: Lang, reference: String) -> Response {
    let found = match Reference::parse(&reference) {
        Ok(r) => state.store.find(r).await.ok().flatten(),
        Err(_) => None,
    };
    let path = Page::sent_path(lang, &reference);
    match found {
        Some(stored) => {
            let view = SentView {
                reference: stored.reference.to_string(),
                area: stored.area,
            };
            page(
                &state,
                path,
                move || provide_context(view.clone()),
                StatusCode::OK,
            )
            .await
        }
        None => page(&state, path, || {}, StatusCode::NOT_FOUND).await,
    }
}

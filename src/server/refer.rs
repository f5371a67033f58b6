//! The referral form's POST handler and confirmation page. The form is a plain POST
//! (never a URL with answers in it). The handler reads the body, checks the origin, asks
//! [`decide`] what to do, stores a request when told to, and renders the outcome; every
//! page it sends is personal (`no-store, private`).

use super::AppState;
use super::handoffs::{forget, hand_off, take};
use super::headers::same_site;
use super::limit::client_of;
use super::render::{not_found, page, refuse, see_other};
use crate::i18n::{Lang, Page, Stage};
use crate::referral::decide::{self, Outcome, Rules, decide};
use crate::referral::form::{self, Referral};
use crate::referral::handoff::{Handoff, HandoffId};
use crate::referral::problem::Problem;
use crate::referral::reference::Reference;
use crate::referral::view::{Handed, LimitWait, ReferView, SentView};
use crate::store::{NewRequest, Submitted};
use axum::body::to_bytes;
use axum::extract::{Request, State};
use axum::response::Response;
use http::StatusCode;
use leptos::prelude::provide_context;

/// Request bodies larger than this are refused.
pub const MAX_BODY: usize = 32 * 1024;

/// The referral page in `lang` showing `view` (from the handoff `handed`, if it came
/// from one), sent with `status`.
async fn render(
    state: &AppState,
    lang: Lang,
    view: ReferView,
    handed: Option<Handed>,
    status: StatusCode,
) -> Response {
    page(
        state,
        Page::Refer.path(lang),
        move || {
            provide_context(view.clone());
            if let Some(handed) = handed.clone() {
                provide_context(handed);
            }
        },
        status,
    )
    .await
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
    let now = state.clock.now();
    let posted = decide::read(&body);
    // Kept for a refusal after the decision: the same token sent again later finds the
    // same request, so a retry can never store it twice.
    let token = posted.token.clone();
    // The page this was posted from is done with: its answers now travel in the post.
    if let Some(id) = HandoffId::parse(&posted.handoff) {
        forget(&state, &id).await;
    }
    let outcome = {
        let areas = &state.areas;
        let known_area = |slug: &str| areas.by_slug(slug).is_some();
        let rules = Rules {
            tokens: &state.tokens,
            now,
            min_fill_seconds: i64::try_from(state.config.min_fill_seconds).unwrap_or(i64::MAX),
            known_area: &known_area,
        };
        decide(posted, &rules, || state.new_token())
    };
    match outcome {
        Outcome::Show(ReferView::Problem(problem)) => {
            if problem == Problem::Automated {
                tracing::info!("referral refused: the hidden field was filled in");
            }
            refuse(&state, lang, problem).await
        }
        // The language switch posts to the other language's path: the same step is
        // shown in the path's language, like every other post.
        Outcome::Show(view) => show_after_post(&state, lang, view, None).await,
        Outcome::Store { key, referral } => {
            match store(&state, client, &key, &referral, now).await {
                Ok(reference) => {
                    let sent = Handoff::Sent {
                        reference: reference.to_string(),
                    };
                    match hand_off(&state, &sent).await {
                        Some(id) => see_other(&Stage::Sent.path(lang, id.as_str())),
                        // Shown here instead: the reference must reach the person.
                        None => sent_page(&state, lang, reference, None, false).await,
                    }
                }
                Err(Refused::TooMany { wait }) => {
                    let view = ReferView::Check {
                        answers: referral.answers(),
                        token: token.clone(),
                        general: Some(Problem::TooMany),
                    };
                    show_after_post(&state, lang, view, Some(wait)).await
                }
                Err(Refused::NotStored) => {
                    // Every answer kept, on the page itself: nothing may be lost.
                    let view = ReferView::Check {
                        answers: referral.answers(),
                        token: token.clone(),
                        general: Some(Problem::NotStored),
                    };
                    render(&state, lang, view, None, StatusCode::SERVICE_UNAVAILABLE).await
                }
            }
        }
    }
}

/// A form step or the check page after a post: handed over and redirected to (so Back
/// never meets a form post), or, when the handoff cannot be stored, shown at once.
async fn show_after_post(
    state: &AppState,
    lang: Lang,
    view: ReferView,
    wait: Option<i64>,
) -> Response {
    let (handoff, stage) = match view.clone() {
        ReferView::Form {
            answers,
            step,
            errors,
            general,
            token,
        } => (
            Handoff::Form {
                answers,
                step,
                show_errors: !errors.is_empty(),
                general,
                token,
            },
            Stage::Answers,
        ),
        ReferView::Check {
            answers,
            token,
            general,
        } => (
            Handoff::Check {
                answers,
                token,
                general,
            },
            Stage::Check,
        ),
        ReferView::Problem(problem) => return refuse(state, lang, problem).await,
    };
    let handoff = match (handoff, wait) {
        (Handoff::Check { answers, token, .. }, Some(wait)) => Handoff::Limited {
            answers,
            token,
            wait_until: state.clock.now() + wait,
        },
        (handoff, _) => handoff,
    };
    match hand_off(state, &handoff).await {
        Some(id) => see_other(&stage.path(lang, id.as_str())),
        None => render(state, lang, view, None, StatusCode::OK).await,
    }
}

/// Why a checked request was not stored.
enum Refused {
    /// The client's Send limit is full for this many seconds.
    TooMany {
        wait: i64,
    },
    NotStored,
}

/// Stores a request once per key: the same answers sent again find the first request;
/// a new one counts against the client's hourly limit.
async fn store(
    state: &AppState,
    client: std::net::IpAddr,
    key: &str,
    referral: &Referral,
    now: i64,
) -> Result<Reference, Refused> {
    // Kept for the confirmation page: the answers are deleted once delivered.
    let route = state
        .areas
        .by_slug(&referral.area)
        .map(|area| state.directory.route(area.id, referral.youth_justice()));
    let routed = route.as_ref().map(|r| r.routed());
    // The webhook's event is stored with the request, so neither is ever without the other.
    let webhook = route
        .as_ref()
        .and_then(|r| r.webhook.as_ref())
        .map(|_| referral.contact_lang());
    let request = NewRequest {
        idempotency_key: key,
        referral,
        routed,
        hit: state.send_limit.hit(client),
        webhook,
        now,
    };
    match state.store.submit(request, rand::random::<u64>).await {
        Ok(Submitted::New(reference)) => {
            tracing::info!(%reference, area = %referral.area, "referral stored");
            Ok(reference)
        }
        Ok(Submitted::Repeat(reference)) => Ok(reference),
        Ok(Submitted::Limited { wait }) => Err(Refused::TooMany { wait }),
        Err(e) => {
            tracing::error!("referral not stored: {e}");
            Err(Refused::NotStored)
        }
    }
}

/// A page after a post, at `/refer/<stage>/{id}` (or the status page's): what the
/// handoff holds, or, once it is gone, a page with nothing personal on it.
pub async fn stage_page(state: AppState, lang: Lang, stage: Stage, uri: &http::Uri) -> Response {
    let segment = uri.path().rsplit('/').next().unwrap_or_default();
    let Some(id) = HandoffId::parse(segment) else {
        return gone(&state, lang, stage).await;
    };
    let handoff = take(&state, &id).await;
    let handed = Handed(id.to_string());
    let known_area = |slug: &str| state.areas.by_slug(slug).is_some();
    match (stage, handoff) {
        (
            Stage::Answers,
            Some(Handoff::Form {
                answers,
                step,
                show_errors,
                general,
                token,
            }),
        ) => {
            let errors = match (show_errors, form::parse(&answers, known_area)) {
                (true, Err(errors)) => errors.into_iter().filter(|e| step.asks(e.field)).collect(),
                _ => Vec::new(),
            };
            let view = ReferView::Form {
                answers,
                step,
                errors,
                general,
                token,
            };
            render(&state, lang, view, Some(handed), StatusCode::OK).await
        }
        (
            Stage::Check,
            Some(Handoff::Check {
                answers,
                token,
                general,
            }),
        ) => {
            let view = ReferView::Check {
                answers,
                token,
                general,
            };
            render(&state, lang, view, Some(handed), StatusCode::OK).await
        }
        (
            Stage::Check,
            Some(Handoff::Limited {
                answers,
                token,
                wait_until,
            }),
        ) => {
            let view = ReferView::Check {
                answers,
                token,
                general: Some(Problem::TooMany),
            };
            let minutes = (((wait_until - state.clock.now()).max(1) + 59) / 60)
                .min(crate::site::CLIENT_LIMIT_MINUTES);
            let wait = LimitWait(minutes);
            let path = Page::Refer.path(lang);
            page(
                &state,
                path,
                move || {
                    provide_context(view.clone());
                    provide_context(handed.clone());
                    provide_context(wait);
                },
                StatusCode::OK,
            )
            .await
        }
        (Stage::Sent, Some(Handoff::Sent { reference })) => match Reference::parse(&reference) {
            Ok(reference) => {
                let thanks = crate::server::feedback::thanks_asked(uri);
                sent_page(&state, lang, reference, Some(handed), thanks).await
            }
            Err(_) => gone(&state, lang, stage).await,
        },
        (Stage::Status, Some(Handoff::Status { typed, problem })) => {
            super::status::result_page(&state, lang, typed, problem, handed).await
        }
        _ => gone(&state, lang, stage).await,
    }
}

/// What an address of a deleted or expired handoff shows: nothing personal.
async fn gone(state: &AppState, lang: Lang, stage: Stage) -> Response {
    match stage {
        // The status page's form, empty.
        Stage::Status => page(state, Page::Status.path(lang), || {}, StatusCode::NOT_FOUND).await,
        _ => refuse(state, lang, Problem::Gone).await,
    }
}

/// The confirmation page for `reference`.
async fn sent_page(
    state: &AppState,
    lang: Lang,
    reference: Reference,
    handed: Option<Handed>,
    thanks: bool,
) -> Response {
    let id = handed.as_ref().map_or("sent", |h| h.0.as_str()).to_string();
    match state.store.find(reference).await {
        Ok(Some(stored)) => {
            let view = SentView {
                reference: stored.reference.to_string(),
                area: stored.area,
                routed: stored.routed,
            };
            page(
                state,
                Page::sent_path(lang, &id),
                move || {
                    provide_context(view.clone());
                    if let Some(handed) = handed.clone() {
                        provide_context(handed);
                    }
                    if thanks {
                        provide_context(crate::pages::feedback::FeedbackThanks);
                    }
                },
                StatusCode::OK,
            )
            .await
        }
        Ok(None) => not_found(state, lang, Page::sent_segment(lang)).await,
        Err(e) => {
            tracing::error!(%reference, "the confirmation page not shown: {e}");
            refuse(state, lang, Problem::Unavailable).await
        }
    }
}

/// Exit through the site (`/exit/{id}`): deletes the handoff the page showed, then
/// leaves for the neutral site. Answers GET (a plain link, JavaScript off) and POST.
pub async fn exit(State(state): State<AppState>, uri: http::Uri) -> Response {
    let segment = uri.path().rsplit('/').next().unwrap_or_default();
    if let Some(id) = HandoffId::parse(segment) {
        forget(&state, &id).await;
    }
    see_other(&state.config.site.exit_url)
}

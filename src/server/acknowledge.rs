//! The acknowledgement link's handlers. GET checks the link's tag and shows the
//! reference and one button, changing nothing (mail scanners and link previews open
//! links); only the button's POST records that the service has the request, once, and
//! then shows the thank-you page by redirecting to the same address. A link that is not
//! ours, or for no request, is the 404 page. Every answer is `no-store`.

use super::AppState;
use super::headers::same_site;
use super::render::{not_found, refuse, stored_page};
use crate::calendar::uk_date;
use crate::i18n::{Lang, Page};
use crate::referral::problem::Problem;
use crate::referral::reference::Reference;
use crate::referral::view::AckView;
use axum::Router;
use axum::extract::{Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::get;

/// The routes: `/refer/confirm/{reference}/{tag}` and the Welsh one, GET and POST.
pub fn routes() -> Router<AppState> {
    let mut router = Router::new();
    for lang in Lang::ALL {
        let path = format!(
            "{}/{}/{{reference}}/{{tag}}",
            Page::Refer.path(lang),
            Page::ack_segment(lang)
        );
        router = router.route(
            &path,
            get(move |state: State<AppState>, uri: http::Uri| show(state, lang, uri))
                .post(move |state: State<AppState>, req: Request| record(state, lang, req)),
        );
    }
    router
}

/// Whether a route of the app's table is one of these (so the generic pages skip it).
pub fn handles(path: &str) -> bool {
    Lang::ALL.into_iter().any(|lang| {
        path.starts_with(&format!(
            "{}/{}/",
            Page::Refer.path(lang),
            Page::ack_segment(lang)
        ))
    })
}

/// The reference and tag of a link, if the tag is ours for that reference. Read from
/// the raw path, so any strange segment is the same 404.
fn checked(state: &AppState, uri: &http::Uri) -> Option<Reference> {
    let mut parts = uri.path().rsplit('/');
    let tag = parts.next()?;
    let reference = Reference::parse(parts.next()?).ok()?;
    state.ack.check(reference, tag).then_some(reference)
}

async fn show(State(state): State<AppState>, lang: Lang, uri: http::Uri) -> Response {
    let Some(reference) = checked(&state, &uri) else {
        return not_found(&state, lang, Page::ack_segment(lang)).await;
    };
    stored_page(&state, lang, reference, Page::ack_segment(lang), |stored| {
        let view = AckView {
            reference: reference.to_string(),
            en_path: state.ack.path(Lang::En, reference),
            cy_path: state.ack.path(Lang::Cy, reference),
            acknowledged_on: stored.acknowledged_at.map(uk_date),
        };
        (state.ack.path(lang, reference), view)
    })
    .await
}

async fn record(State(state): State<AppState>, lang: Lang, req: Request) -> Response {
    if !same_site(req.headers(), &state) {
        return refuse(&state, lang, Problem::OtherSite).await;
    }
    let Some(reference) = checked(&state, req.uri()) else {
        return not_found(&state, lang, Page::ack_segment(lang)).await;
    };
    match state
        .store
        .acknowledge(reference, state.clock.now(), &state.calendar)
        .await
    {
        Ok(Some(ack)) => {
            if ack.first {
                tracing::info!(%reference, "the service confirmed it has the request");
            } else {
                tracing::info!(%reference, "the service confirmed the request again (already recorded)");
            }
            Redirect::to(&state.ack.path(lang, reference)).into_response()
        }
        Ok(None) => not_found(&state, lang, Page::ack_segment(lang)).await,
        Err(e) => {
            tracing::error!(%reference, "acknowledgement not recorded: {e}");
            refuse(&state, lang, Problem::Unavailable).await
        }
    }
}

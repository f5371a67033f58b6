//! The staff inbox's handlers, under `/staff` (English) and `/staff/cy` (Welsh): signing
//! in with a passkey (`sign_in`), the list and a request with its actions (`inbox`), and
//! the requests as a file (`export`), a commissioner's numbers (`numbers`), the admin's
//! audit log and staff list (`admin`). What they share is here: who is
//! signed in, the headers every staff response carries, the audit helper and the one
//! "not found" that answers both "no such thing" and "not yours".

mod admin;
mod export;
mod inbox;
mod numbers;
pub mod oidc;
mod sign_in;

use super::AppState;
use super::limit::client_of;
use crate::i18n::Lang;
use crate::pages::staff::{self as pages, StaffPage};
use crate::staff::audit::{Entry, Event};
use crate::staff::{Member, session};
use axum::Router;
use axum::body::Body;
use axum::extract::Request;
use axum::response::{IntoResponse, Response};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use std::net::IpAddr;

/// The policy for every staff response: nothing from elsewhere, the one same-site
/// script (the passkey helper), no framing, forms only to this site.
pub const STAFF_POLICY: &str = "default-src 'none'; script-src 'self'; style-src 'self'; \
    img-src 'self'; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; \
    base-uri 'none'";

/// Every staff route, in both languages, with the staff headers.
pub fn routes() -> Router<AppState> {
    let mut router = Router::new();
    for lang in Lang::ALL {
        router = router
            .merge(sign_in::routes(lang))
            .merge(oidc::routes(lang))
            .merge(inbox::routes(lang))
            .merge(export::routes(lang))
            .merge(numbers::routes(lang))
            .merge(admin::routes(lang));
    }
    router.layer(axum::middleware::map_response(staff_headers))
}

/// No cache keeps a staff page, no search engine lists it, and only the staff policy
/// applies.
async fn staff_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("no-store, private"),
    );
    h.insert(
        http::HeaderName::from_static("x-robots-tag"),
        HeaderValue::from_static("noindex, nofollow"),
    );
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(STAFF_POLICY),
    );
    res
}

/// A signed-in member and their session.
#[derive(Clone)]
pub struct Signed {
    pub member: Member,
    pub token_hash: String,
    pub network: String,
}

/// The network a request came from, as the audit log keeps it: the Send limit's keyed
/// hash, never the address.
fn network(state: &AppState, ip: IpAddr) -> String {
    state.send_limit.network(ip)
}

/// What the handlers need of a request before its body: its headers and network.
pub struct Caller {
    pub headers: HeaderMap,
    pub ip: IpAddr,
}

/// Reads the caller from `req` (no await holds the request).
pub fn caller(state: &AppState, req: &Request) -> Caller {
    Caller {
        headers: req.headers().clone(),
        ip: client_of(req, state.config.client_ip_header.as_ref()),
    }
}

/// Who is signed in, or the response that sends them to sign in (their session ended,
/// or there was none). A removed member's sessions were ended on removal.
pub async fn signed_in(state: &AppState, lang: Lang, caller: &Caller) -> Result<Signed, Response> {
    let ip = caller.ip;
    let to_sign_in = |ended: bool| {
        let mut to = pages::path(lang, StaffPage::SignIn);
        if ended {
            to.push_str("?ended=1");
        }
        super::render::see_other(&to)
    };
    let Some(token) = session::token(&caller.headers) else {
        return Err(to_sign_in(false));
    };
    let hash = session::hash(&token);
    let now = state.clock.now();
    let found = match state.store.session(&hash).await {
        Ok(found) => found,
        Err(e) => {
            tracing::error!("staff: cannot read a session: {e}");
            return Err(unavailable());
        }
    };
    let Some((member_id, times)) = found else {
        return Err(to_sign_in(false));
    };
    if !times.live(now) {
        if times.ended_at.is_none() {
            let _ = state.store.end_session(&hash, now).await;
        }
        return Err(to_sign_in(true));
    }
    let member = match state.store.member(member_id).await {
        Ok(Some(m)) => m,
        Ok(None) => return Err(to_sign_in(true)),
        Err(e) => {
            tracing::error!("staff: cannot read a member: {e}");
            return Err(unavailable());
        }
    };
    // Each request restarts the idle time; a write a minute at most.
    if now - times.last_seen_at >= 60
        && let Err(e) = state.store.touch_session(&hash, now).await
    {
        tracing::warn!("staff: cannot keep a session alive: {e}");
    }
    Ok(Signed {
        member,
        token_hash: hash,
        network: network(state, ip),
    })
}

/// Appends to the audit log. An action whose record cannot be written is refused by the
/// caller (`Err`): nothing happens that the log does not show.
pub async fn audit(
    state: &AppState,
    actor: Option<&str>,
    event: Event,
    reference: Option<String>,
    detail: Option<String>,
    network: Option<String>,
) -> Result<(), Response> {
    let entry = Entry {
        actor: actor.map(str::to_string),
        event,
        reference,
        detail,
        network,
    };
    state
        .store
        .audit(&entry, state.clock.now())
        .await
        .map_err(|e| {
            tracing::error!(
                action = event.as_str(),
                "staff: cannot write the audit log: {e}"
            );
            unavailable()
        })
}

/// An HTML staff page.
pub fn html(status: StatusCode, body: String) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        Body::from(body),
    )
        .into_response()
}

/// The one answer for "no such request", "not yours" and "not for your role".
pub fn not_found(lang: Lang, member: Option<&Member>) -> Response {
    html(StatusCode::NOT_FOUND, pages::not_found(lang, member))
}

/// The database cannot be reached: say so plainly, change nothing.
pub fn unavailable() -> Response {
    (
        StatusCode::SERVICE_UNAVAILABLE,
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        "The staff inbox is not available just now. Try again in a few minutes.\n",
    )
        .into_response()
}

/// Whether a post came from this site (the cookie is SameSite=Strict too).
pub fn same_site(headers: &HeaderMap, state: &AppState) -> bool {
    super::headers::same_site(headers, state)
}

/// Whether the session cookie is marked Secure (the site is served over HTTPS).
pub fn secure(state: &AppState) -> bool {
    state.config.site.public_url.starts_with("https://")
}

/// A small form body, decoded: at most 4 KiB.
pub async fn form(req: Request) -> Option<Vec<(String, String)>> {
    let body = axum::body::to_bytes(req.into_body(), 4 * 1024).await.ok()?;
    Some(
        form_urlencoded::parse(&body)
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect(),
    )
}

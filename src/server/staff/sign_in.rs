//! Signing in and out, and accepting an invitation, with a passkey. Each ceremony is two
//! JSON posts from `public/js/passkey.js`: `options` (the challenge, kept in the
//! database for five minutes) and `finish` (the browser's answer, checked, then a
//! session and its cookie). Every outcome is audited; every failure gets the same
//! answer, and attempts are limited per network.

use super::{AppState, audit, html, network, same_site, secure};
use crate::i18n::{Lang, Tr};
use crate::pages::staff::{self as pages, StaffPage};
use crate::server::limit::client_of;
use crate::staff::audit::Event;
use crate::staff::passkey::{self, Passkeys};
use crate::staff::session;
use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use http::{StatusCode, header};
use serde::Deserialize;
use serde_json::json;

/// How long a ceremony's challenge may be answered.
const CEREMONY_SECONDS: i64 = 5 * 60;
/// The largest answer a browser sends.
const MAX_JSON: usize = 64 * 1024;

pub fn routes(lang: Lang) -> Router<AppState> {
    let sign_in = pages::path(lang, StaffPage::SignIn);
    let list = pages::path(lang, StaffPage::List);
    let invitation = pages::invitation_path(lang, "{token}");
    Router::new()
        .route(
            &sign_in,
            get(move |s: State<AppState>, q: Query<SignInQuery>| page(s, lang, q)),
        )
        .route(
            &format!("{sign_in}/options"),
            post(move |s: State<AppState>, req: Request| sign_in_options(s, lang, req)),
        )
        .route(
            &format!("{sign_in}/finish"),
            post(move |s: State<AppState>, req: Request| sign_in_finish(s, lang, req)),
        )
        .route(
            &format!("{}/sign-out", list.trim_end_matches('/')),
            post(move |s: State<AppState>, req: Request| sign_out(s, lang, req)),
        )
        .route(
            &invitation,
            get(move |s: State<AppState>, t: Path<String>| invitation_page(s, lang, t)),
        )
        .route(
            &format!("{invitation}/options"),
            post(move |s: State<AppState>, t: Path<String>, req: Request| {
                register_options(s, lang, t, req)
            }),
        )
        .route(
            &format!("{invitation}/finish"),
            post(move |s: State<AppState>, t: Path<String>, req: Request| {
                register_finish(s, lang, t, req)
            }),
        )
}

#[derive(Deserialize, Default)]
pub struct SignInQuery {
    ended: Option<String>,
    #[serde(rename = "signed-out")]
    signed_out: Option<String>,
}

async fn page(State(state): State<AppState>, lang: Lang, Query(q): Query<SignInQuery>) -> Response {
    let tr = Tr(lang);
    let message = if q.signed_out.is_some() {
        Some((tr.t("staff-signed-out"), false))
    } else if q.ended.is_some() {
        Some((tr.t("staff-session-ended"), false))
    } else {
        None
    };
    html(
        StatusCode::OK,
        pages::sign_in(lang, message, &super::oidc::links(&state, lang)),
    )
}

/// A JSON answer for the script.
fn answer(status: StatusCode, body: serde_json::Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        body.to_string(),
    )
        .into_response()
}

/// The one failure answer: the script shows the page's own message.
fn failed() -> Response {
    answer(StatusCode::UNAUTHORIZED, json!({}))
}

/// Counts one failed sign-in (or invitation) for the client's network.
async fn count_failure(state: &AppState, ip: std::net::IpAddr) {
    state
        .sign_in_limit
        .allow(&state.store, ip, state.clock.now())
        .await;
}

fn passkeys(state: &AppState) -> Option<&Passkeys> {
    state.passkeys.as_ref()
}

/// `Err` with the page's message when the client's network has failed too often lately
/// (failures are counted by [`count_failure`]; a successful sign-in costs nothing, so
/// an office behind one address is not locked out by its own staff).
async fn limited(state: &AppState, lang: Lang, ip: std::net::IpAddr) -> Result<(), Response> {
    if !state
        .sign_in_limit
        .is_full(&state.store, ip, state.clock.now())
        .await
    {
        Ok(())
    } else {
        Err(answer(
            StatusCode::OK,
            json!({ "message": Tr(lang).t("staff-sign-in-too-many") }),
        ))
    }
}

/// Keeps a ceremony's state and answers with its options.
async fn start(state: &AppState, kind: &str, started: passkey::Started) -> Response {
    let id = session::new_token();
    let expires = state.clock.now() + CEREMONY_SECONDS;
    if let Err(e) = state
        .store
        .put_ceremony(&id, kind, &started.state, expires)
        .await
    {
        tracing::error!("staff: cannot keep a passkey ceremony: {e}");
        return super::unavailable();
    }
    answer(
        StatusCode::OK,
        json!({ "ceremony": id, "options": started.options }),
    )
}

/// The browser's answer to a ceremony.
#[derive(Deserialize)]
struct Finish {
    ceremony: String,
    credential: serde_json::Value,
}

async fn read_finish(req: Request) -> Option<Finish> {
    let body = axum::body::to_bytes(req.into_body(), MAX_JSON).await.ok()?;
    serde_json::from_slice(&body).ok()
}

/// A new session for `member_id`: the cookie, and the address to go to.
async fn new_session(state: &AppState, lang: Lang, member_id: i64) -> Response {
    let token = session::new_token();
    if let Err(e) = state
        .store
        .start_session(&session::hash(&token), member_id, state.clock.now())
        .await
    {
        tracing::error!("staff: cannot start a session: {e}");
        return super::unavailable();
    }
    let mut res = answer(
        StatusCode::OK,
        json!({ "next": pages::path(lang, StaffPage::List) }),
    );
    res.headers_mut().insert(
        header::SET_COOKIE,
        session::set_cookie(&token, secure(state)),
    );
    res
}

async fn sign_in_options(State(state): State<AppState>, lang: Lang, req: Request) -> Response {
    if !same_site(req.headers(), &state) {
        return failed();
    }
    let ip = client_of(&req, state.config.client_ip_header.as_ref());
    if let Err(res) = limited(&state, lang, ip).await {
        return res;
    }
    let Some(keys) = passkeys(&state) else {
        return failed();
    };
    match keys.start_sign_in() {
        Ok(started) => start(&state, "sign-in", started).await,
        Err(e) => {
            tracing::error!("staff: cannot start a sign-in: {e}");
            failed()
        }
    }
}

async fn sign_in_finish(State(state): State<AppState>, lang: Lang, req: Request) -> Response {
    let ip = client_of(&req, state.config.client_ip_header.as_ref());
    let net = network(&state, ip);
    if !same_site(req.headers(), &state) {
        return failed();
    }
    let now = state.clock.now();
    let outcome = async {
        let keys = passkeys(&state).ok_or("passkeys are off")?;
        let finish = read_finish(req).await.ok_or("unreadable answer")?;
        let credential = finish.credential.to_string();
        let ceremony = state
            .store
            .take_ceremony(&finish.ceremony, "sign-in", now)
            .await
            .map_err(|_| "database")?
            .ok_or("no such ceremony")?;
        let (user, credential_id) = keys.identify(&credential).map_err(|_| "unreadable")?;
        let member_id = state
            .store
            .member_by_handle(&user.to_string())
            .await
            .map_err(|_| "database")?
            .ok_or("no such member")?;
        let (owner, stored) = state
            .store
            .passkey(&credential_id)
            .await
            .map_err(|_| "database")?
            .ok_or("no such passkey")?;
        if owner != member_id {
            return Err("passkey of another member");
        }
        let stored: webauthn_rs::prelude::Passkey =
            serde_json::from_str(&stored).map_err(|_| "stored passkey unreadable")?;
        let updated = keys
            .finish_sign_in(&credential, &ceremony, &stored)
            .map_err(|_| "not verified")?;
        let json = serde_json::to_string(&updated).map_err(|_| "passkey")?;
        state
            .store
            .update_passkey(&credential_id, &json, now)
            .await
            .map_err(|_| "database")?;
        Ok::<_, &'static str>(member_id)
    }
    .await;
    match outcome {
        Ok(member_id) => {
            let email = match state.store.member(member_id).await {
                Ok(Some(m)) => m.email.as_str().to_string(),
                _ => return failed(),
            };
            if let Err(res) =
                audit(&state, Some(&email), Event::SignIn, None, None, Some(net)).await
            {
                return res;
            }
            new_session(&state, lang, member_id).await
        }
        Err(reason) => {
            tracing::info!("staff: a sign-in failed ({reason})");
            count_failure(&state, ip).await;
            let _ = audit(
                &state,
                None,
                Event::SignInFailed,
                None,
                Some(reason.to_string()),
                Some(net),
            )
            .await;
            failed()
        }
    }
}

async fn sign_out(State(state): State<AppState>, lang: Lang, req: Request) -> Response {
    let to = format!("{}?signed-out=1", pages::path(lang, StaffPage::SignIn));
    if !same_site(req.headers(), &state) {
        return html(
            StatusCode::FORBIDDEN,
            pages::refused(lang, None, "staff-other-site"),
        );
    }
    let caller = super::caller(&state, &req);
    drop(req);
    if let Ok(signed) = super::signed_in(&state, lang, &caller).await {
        if let Err(res) = audit(
            &state,
            Some(signed.member.email.as_str()),
            Event::SignOut,
            None,
            None,
            Some(signed.network.clone()),
        )
        .await
        {
            return res;
        }
        let _ = state
            .store
            .end_session(&signed.token_hash, state.clock.now())
            .await;
    }
    let mut res = crate::server::render::see_other(&to);
    res.headers_mut()
        .insert(header::SET_COOKIE, session::clear_cookie(secure(&state)));
    res
}

async fn invitation_page(
    State(state): State<AppState>,
    lang: Lang,
    Path(token): Path<String>,
) -> Response {
    let now = state.clock.now();
    let found = match state.store.invitation(&session::hash(&token), now).await {
        Ok(found) => found,
        Err(e) => {
            tracing::error!("staff: cannot read an invitation: {e}");
            return super::unavailable();
        }
    };
    let status = if found.is_some() {
        StatusCode::OK
    } else {
        StatusCode::NOT_FOUND
    };
    html(
        status,
        pages::invitation(lang, &token, found.as_ref().map(|i| i.email.as_str())),
    )
}

async fn register_options(
    State(state): State<AppState>,
    lang: Lang,
    Path(token): Path<String>,
    req: Request,
) -> Response {
    if !same_site(req.headers(), &state) {
        return failed();
    }
    let ip = client_of(&req, state.config.client_ip_header.as_ref());
    if let Err(res) = limited(&state, lang, ip).await {
        return res;
    }
    let Some(keys) = passkeys(&state) else {
        return failed();
    };
    let invitation = match state
        .store
        .invitation(&session::hash(&token), state.clock.now())
        .await
    {
        Ok(Some(i)) => i,
        _ => return failed(),
    };
    let Ok(handle) = webauthn_rs::prelude::Uuid::parse_str(&invitation.user_handle) else {
        return failed();
    };
    match keys.start_register(handle, &invitation.email) {
        Ok(started) => start(&state, "register", started).await,
        Err(e) => {
            tracing::error!("staff: cannot start making a passkey: {e}");
            failed()
        }
    }
}

async fn register_finish(
    State(state): State<AppState>,
    lang: Lang,
    Path(token): Path<String>,
    req: Request,
) -> Response {
    let ip = client_of(&req, state.config.client_ip_header.as_ref());
    let net = network(&state, ip);
    if !same_site(req.headers(), &state) {
        return failed();
    }
    let now = state.clock.now();
    let token_hash = session::hash(&token);
    let outcome = async {
        let keys = passkeys(&state).ok_or("passkeys are off")?;
        let invitation = state
            .store
            .invitation(&token_hash, now)
            .await
            .map_err(|_| "database")?
            .ok_or("invitation used, expired or unknown")?;
        let finish = read_finish(req).await.ok_or("unreadable answer")?;
        let ceremony = state
            .store
            .take_ceremony(&finish.ceremony, "register", now)
            .await
            .map_err(|_| "database")?
            .ok_or("no such ceremony")?;
        let made = keys
            .finish_register(&finish.credential.to_string(), &ceremony)
            .map_err(|_| "not verified")?;
        let json = serde_json::to_string(&made).map_err(|_| "passkey")?;
        let accepted = state
            .store
            .accept_invitation(
                &token_hash,
                invitation.member_id,
                &passkey::passkey_id(&made),
                &json,
                now,
            )
            .await
            .map_err(|_| "database")?;
        if !accepted {
            return Err("invitation used meanwhile");
        }
        Ok::<_, &'static str>(invitation)
    }
    .await;
    match outcome {
        Ok(invitation) => {
            for event in [Event::PasskeyCreated, Event::SignIn] {
                if let Err(res) = audit(
                    &state,
                    Some(&invitation.email),
                    event,
                    None,
                    None,
                    Some(net.clone()),
                )
                .await
                {
                    return res;
                }
            }
            new_session(&state, lang, invitation.member_id).await
        }
        Err(reason) => {
            tracing::info!("staff: making a passkey failed ({reason})");
            count_failure(&state, ip).await;
            let _ = audit(
                &state,
                None,
                Event::SignInFailed,
                None,
                Some(format!("invitation: {reason}")),
                Some(net),
            )
            .await;
            failed()
        }
    }
}

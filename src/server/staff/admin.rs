//! The admin's pages: the newest audit entries and the staff list, with Remove. Anyone
//! else gets the same 404 as an unknown address.

use super::{AppState, audit, html, not_found, same_site, signed_in};
use crate::i18n::{Lang, Tr};
use crate::pages::staff::{self as pages, StaffPage};
use crate::staff::Role;
use crate::staff::audit::Event;
use axum::Router;
use axum::extract::{Query, Request, State};
use axum::response::Response;
use axum::routing::{get, post};
use http::StatusCode;
use serde::Deserialize;

pub fn routes(lang: Lang) -> Router<AppState> {
    let members = pages::path(lang, StaffPage::Members);
    Router::new()
        .route(
            &pages::path(lang, StaffPage::Audit),
            get(move |s: State<AppState>, req: Request| audit_page(s, lang, req)),
        )
        .route(
            &members,
            get(move |s: State<AppState>, q: Query<Removed>, req: Request| {
                members_page(s, lang, q, req)
            }),
        )
        .route(
            &format!("{members}/remove"),
            post(move |s: State<AppState>, req: Request| remove(s, lang, req)),
        )
}

async fn audit_page(State(state): State<AppState>, lang: Lang, req: Request) -> Response {
    let caller = super::caller(&state, &req);
    let signed = match signed_in(&state, lang, &caller).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    if !signed.member.roles.has(Role::Admin) {
        return not_found(lang, Some(&signed.member));
    }
    let rows = match state.store.audit_latest(200).await {
        Ok(rows) => rows,
        Err(e) => {
            tracing::error!("staff: cannot read the audit log: {e}");
            return super::unavailable();
        }
    };
    if let Err(res) = audit(
        &state,
        Some(signed.member.email.as_str()),
        Event::Exported,
        None,
        Some("inbox".into()),
        Some(signed.network.clone()),
    )
    .await
    {
        return res;
    }
    html(StatusCode::OK, pages::audit(lang, &signed.member, &rows))
}

#[derive(Deserialize, Default)]
pub struct Removed {
    removed: Option<String>,
}

async fn members_page(
    State(state): State<AppState>,
    lang: Lang,
    Query(q): Query<Removed>,
    req: Request,
) -> Response {
    let caller = super::caller(&state, &req);
    let signed = match signed_in(&state, lang, &caller).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    if !signed.member.roles.has(Role::Admin) {
        return not_found(lang, Some(&signed.member));
    }
    let rows = match state.store.members().await {
        Ok(rows) => rows,
        Err(e) => {
            tracing::error!("staff: cannot read the staff list: {e}");
            return super::unavailable();
        }
    };
    let message = q.removed.map(|_| {
        Tr(lang).t_args(
            "staff-recorded",
            &[("action", Tr(lang).t("staff-member-removed").into())],
        )
    });
    html(
        StatusCode::OK,
        pages::members(lang, &signed.member, &rows, message),
    )
}

async fn remove(State(state): State<AppState>, lang: Lang, req: Request) -> Response {
    if !same_site(req.headers(), &state) {
        return html(
            StatusCode::FORBIDDEN,
            pages::refused(lang, None, "staff-other-site"),
        );
    }
    let caller = super::caller(&state, &req);
    let signed = match signed_in(&state, lang, &caller).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    if !signed.member.roles.has(Role::Admin) {
        return not_found(lang, Some(&signed.member));
    }
    let form = super::form(req).await.unwrap_or_default();
    let id: Option<i64> = form
        .iter()
        .find(|(k, _)| k == "member")
        .and_then(|(_, v)| v.parse().ok());
    let email = match (id, state.store.members().await) {
        (Some(id), Ok(rows)) => rows
            .into_iter()
            .find(|m| m.id == id && m.removed_at.is_none() && m.id != signed.member.id)
            .map(|m| m.email),
        (_, Err(e)) => {
            tracing::error!("staff: cannot read the staff list: {e}");
            return super::unavailable();
        }
        (None, _) => None,
    };
    let Some(email) = email else {
        return not_found(lang, Some(&signed.member));
    };
    if let Err(res) = audit(
        &state,
        Some(signed.member.email.as_str()),
        Event::Removed,
        None,
        Some(email.clone()),
        Some(signed.network.clone()),
    )
    .await
    {
        return res;
    }
    if let Err(e) = state.store.remove_member(&email, state.clock.now()).await {
        tracing::error!("staff: cannot remove a member: {e}");
        return super::unavailable();
    }
    crate::server::render::see_other(&format!(
        "{}?removed=1",
        pages::path(lang, StaffPage::Members)
    ))
}

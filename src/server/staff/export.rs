//! `GET /staff/export?format=csv|json` (and `/staff/cy/allforio`): the requests the
//! member's list shows, with the list's filters, as one file. Only for members who read
//! requests; the file is audited before it is sent (one row for the file, one for each
//! request whose answers it holds).

use super::inbox::{ListQuery, filter_of};
use super::{AppState, audit, not_found, signed_in};
use crate::i18n::Lang;
use crate::pages::staff::{self as pages, StaffPage};
use crate::staff::audit::Event;
use crate::staff::export::{self, Format, Item};
use axum::Router;
use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::{StatusCode, header};
use serde::Deserialize;

pub fn routes(lang: Lang) -> Router<AppState> {
    Router::new().route(
        &pages::path(lang, StaffPage::Export),
        get(
            move |s: State<AppState>, f: Query<FormatQuery>, q: Query<ListQuery>, req: Request| {
                download(s, lang, f, q, req)
            },
        ),
    )
}

#[derive(Deserialize, Default)]
pub struct FormatQuery {
    format: Option<String>,
}

async fn download(
    State(state): State<AppState>,
    lang: Lang,
    Query(f): Query<FormatQuery>,
    Query(q): Query<ListQuery>,
    req: Request,
) -> Response {
    let caller = super::caller(&state, &req);
    let signed = match signed_in(&state, lang, &caller).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let format = f.format.as_deref().and_then(Format::parse);
    let (true, Some(format)) = (signed.member.reads_requests(), format) else {
        return not_found(lang, Some(&signed.member));
    };
    let filter = filter_of(&state, q);
    let rows = match state
        .store
        .inbox(&signed.member, &filter, export::MOST)
        .await
    {
        Ok((rows, _)) => rows,
        Err(e) => {
            tracing::error!("staff: cannot list requests to export: {e}");
            return super::unavailable();
        }
    };
    let mut items = Vec::with_capacity(rows.len());
    for row in rows {
        let answers = if row.answers_held {
            match state.store.referral(row.reference).await {
                Ok(found) => found,
                Err(e) => {
                    tracing::error!(reference = %row.reference, "staff: cannot read answers to export: {e}");
                    return super::unavailable();
                }
            }
        } else {
            None
        };
        items.push(Item { row, answers });
    }
    let actor = Some(signed.member.email.as_str());
    let network = Some(signed.network.clone());
    let detail = format!("{}, {} requests", format.as_str(), items.len());
    if let Err(res) = audit(
        &state,
        actor,
        Event::Downloaded,
        None,
        Some(detail),
        network.clone(),
    )
    .await
    {
        return res;
    }
    for item in items.iter().filter(|i| i.answers.is_some()) {
        let reference = Some(item.row.reference.to_string());
        if let Err(res) = audit(
            &state,
            actor,
            Event::Downloaded,
            reference,
            None,
            network.clone(),
        )
        .await
        {
            return res;
        }
    }
    let day = crate::calendar::iso_utc(state.clock.now());
    let name = format!("requests-{}.{}", &day[..10], format.as_str());
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, format.content_type().to_string()),
            (
                header::CONTENT_DISPOSITION,
                format!("attachment; filename=\"{name}\""),
            ),
        ],
        Body::from(export::write(format, &items)),
    )
        .into_response()
}

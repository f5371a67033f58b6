//! The list of requests and one request with its actions. A handler decodes, asks
//! `crate::staff` whether the member may see the request and record the action, and
//! renders the outcome; a request the member may not see is the same 404 as one that
//! does not exist. Opening a request's answers and every action are audited first.

use super::{AppState, Signed, audit, html, not_found, same_site, signed_in};
use crate::areas::directory::{Audience, Via};
use crate::i18n::{Lang, Tr};
use crate::pages::staff::{self as pages, Answers, RequestView, StaffPage};
use crate::referral::reference::Reference;
use crate::staff::audit::Event;
use crate::staff::{Action, InboxState, Outcome, PassTo, Refusal, Role, decide};
use crate::store::{InboxFilter, InboxRow};
use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::response::Response;
use axum::routing::{get, post};
use http::StatusCode;
use serde::Deserialize;

/// Requests per page of the list.
const PAGE: i64 = 50;

pub fn routes(lang: Lang) -> Router<AppState> {
    let request = pages::request_path(lang, "{reference}");
    Router::new()
        .route(
            &pages::path(lang, StaffPage::List),
            get(move |s: State<AppState>, q: Query<ListQuery>, req: Request| list(s, lang, q, req)),
        )
        .route(
            &request,
            get(
                move |s: State<AppState>, r: Path<String>, q: Query<DoneQuery>, req: Request| {
                    show(s, lang, r, q, req)
                },
            ),
        )
        .route(
            &format!("{request}/{{action}}"),
            post(
                move |s: State<AppState>, p: Path<(String, String)>, req: Request| {
                    act(s, lang, p, req)
                },
            ),
        )
}

#[derive(Deserialize, Default)]
pub struct ListQuery {
    state: Option<String>,
    area: Option<String>,
    before: Option<i64>,
}

#[derive(Deserialize, Default)]
pub struct DoneQuery {
    done: Option<String>,
}

/// The list's filter from its query; unknown values are ignored, as if not chosen.
pub(super) fn filter_of(state: &AppState, q: ListQuery) -> InboxFilter {
    InboxFilter {
        state: q.state.as_deref().and_then(InboxState::parse),
        area: q.area.filter(|a| state.areas.by_slug(a).is_some()),
        before: q.before.filter(|b| *b > 0),
    }
}

/// The areas' names in `lang`, for the list and the filter.
fn area_names(state: &AppState, lang: Lang) -> impl Fn(&str) -> String + '_ {
    move |slug: &str| {
        state
            .areas
            .by_slug(slug)
            .map_or_else(|| slug.to_string(), |a| a.name(lang).to_string())
    }
}

async fn list(
    State(state): State<AppState>,
    lang: Lang,
    Query(q): Query<ListQuery>,
    req: Request,
) -> Response {
    let caller = super::caller(&state, &req);
    let signed = match signed_in(&state, lang, &caller).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let filter = filter_of(&state, q);
    let (rows, next) = if signed.member.reads_requests() {
        match state.store.inbox(&signed.member, &filter, PAGE).await {
            Ok(found) => found,
            Err(e) => {
                tracing::error!("staff: cannot list requests: {e}");
                return super::unavailable();
            }
        }
    } else {
        (Vec::new(), None)
    };
    let names = area_names(&state, lang);
    // The filter offers the areas this member can see requests for.
    let mut areas: Vec<(String, String)> = if signed.member.roles.has(Role::Triage) {
        state
            .areas
            .all()
            .iter()
            .map(|a| (a.slug.clone(), a.name(lang).to_string()))
            .collect()
    } else {
        signed
            .member
            .scopes
            .iter()
            .map(|s| (s.area.clone(), names(&s.area)))
            .collect()
    };
    areas.dedup();
    html(
        StatusCode::OK,
        pages::list(
            lang,
            &signed.member,
            &rows,
            &filter,
            next,
            &areas,
            state.clock.now(),
            &names,
        ),
    )
}

/// The request under `reference` if the member may see it.
async fn visible(
    state: &AppState,
    signed: &Signed,
    reference: &str,
) -> Result<Option<InboxRow>, Response> {
    let Ok(reference) = Reference::parse(reference) else {
        return Ok(None);
    };
    match state.store.inbox_request(reference).await {
        Ok(row) => Ok(row.filter(|r| signed.member.may_see(&r.area, r.routed))),
        Err(e) => {
            tracing::error!("staff: cannot read a request: {e}");
            Err(super::unavailable())
        }
    }
}

/// Services on the site that triage may pass a request to: areas whose requests go
/// straight to their service.
fn pass_targets(state: &AppState, lang: Lang) -> Vec<(String, String)> {
    state
        .areas
        .all()
        .iter()
        .filter(|a| {
            state
                .directory
                .routing()
                .direct(a.id, Audience::All)
                .is_some()
        })
        .map(|a| (a.slug.clone(), a.name(lang).to_string()))
        .collect()
}

/// Renders a request's page, reading (and auditing) its answers while they are held.
async fn render(
    state: &AppState,
    lang: Lang,
    signed: &Signed,
    row: InboxRow,
    message: Option<(String, bool)>,
    status: StatusCode,
) -> Response {
    let reference = row.reference;
    let area = state.areas.by_slug(&row.area);
    let answers = if row.answers_held {
        match state.store.referral(reference).await {
            Ok(Some(referral)) => {
                if let Err(res) = audit(
                    state,
                    Some(signed.member.email.as_str()),
                    Event::Viewed,
                    Some(reference.to_string()),
                    None,
                    Some(signed.network.clone()),
                )
                .await
                {
                    return res;
                }
                area.map(|area| Answers {
                    safety: crate::mail::render::safety_lines(&referral, lang),
                    rows: crate::mail::render::answer_rows(reference, &referral, area, lang),
                })
            }
            Ok(None) => None,
            Err(e) => {
                tracing::error!(%reference, "staff: cannot read a request's answers: {e}");
                return super::unavailable();
            }
        }
    } else {
        None
    };
    let triage = row.routed.via == Via::Triage && signed.member.roles.has(Role::Triage);
    let view = RequestView {
        pass_targets: triage.then(|| pass_targets(state, lang)),
        row,
        answers,
        message,
    };
    let names = area_names(state, lang);
    html(status, pages::request(lang, &signed.member, view, &names))
}

async fn show(
    State(state): State<AppState>,
    lang: Lang,
    Path(reference): Path<String>,
    Query(q): Query<DoneQuery>,
    req: Request,
) -> Response {
    let caller = super::caller(&state, &req);
    let signed = match signed_in(&state, lang, &caller).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let row = match visible(&state, &signed, &reference).await {
        Ok(Some(row)) => row,
        Ok(None) => return not_found(lang, Some(&signed.member)),
        Err(res) => return res,
    };
    let tr = Tr(lang);
    let message = q.done.as_deref().and_then(|done| {
        let label = match done {
            "received" => "staff-action-received",
            "contacted" => "staff-action-contacted",
            "closed" => "staff-state-closed",
            "passed-on" => "staff-state-passed-on",
            _ => return None,
        };
        Some((
            tr.t_args("staff-recorded", &[("action", tr.t(label).into())]),
            false,
        ))
    });
    render(&state, lang, &signed, row, message, StatusCode::OK).await
}

/// The action a post asks for, from its path and form.
fn parse_action(action: &str, form: &[(String, String)]) -> Option<Action> {
    let field = |name: &str| {
        form.iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_string())
            .filter(|v| !v.is_empty())
    };
    match action {
        "received" => Some(Action::Received),
        "contacted" => Some(Action::Contacted),
        "closed" => Outcome::parse(&field("outcome")?).map(Action::Closed),
        "pass-on" => Some(Action::PassOn(match (field("area"), field("outside")) {
            (Some(area), _) => PassTo::Area(area),
            (None, Some(name)) => {
                PassTo::Outside(name.chars().filter(|c| !c.is_control()).collect())
            }
            (None, None) => PassTo::Outside(String::new()),
        })),
        _ => None,
    }
}

async fn act(
    State(state): State<AppState>,
    lang: Lang,
    Path((reference, action)): Path<(String, String)>,
    req: Request,
) -> Response {
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
    let row = match visible(&state, &signed, &reference).await {
        Ok(Some(row)) => row,
        Ok(None) => return not_found(lang, Some(&signed.member)),
        Err(res) => return res,
    };
    let form = super::form(req).await.unwrap_or_default();
    let Some(action) = parse_action(&action, &form) else {
        return not_found(lang, Some(&signed.member));
    };
    let targets = pass_targets(&state, lang);
    let decided =
        decide(&signed.member, row.routed.via, row.state, &action).and_then(|()| match &action {
            Action::PassOn(PassTo::Area(a)) if !targets.iter().any(|(slug, _)| slug == a) => {
                Err(Refusal::BadPassTo)
            }
            _ => Ok(()),
        });
    let tr = Tr(lang);
    if let Err(refusal) = decided {
        let (id, status) = match refusal {
            Refusal::NotOpen => ("staff-not-open", StatusCode::CONFLICT),
            Refusal::BadPassTo => ("staff-pass-on-choose", StatusCode::BAD_REQUEST),
            // Passing on is not offered to this member: as if the address did not exist.
            Refusal::NotTriage => return not_found(lang, Some(&signed.member)),
        };
        return render(&state, lang, &signed, row, Some((tr.t(id), true)), status).await;
    }
    let now = state.clock.now();
    let reference = row.reference;
    let (event, detail) = match &action {
        Action::Received => (Event::Received, None),
        Action::Contacted => (Event::Contacted, None),
        Action::Closed(o) => (Event::Closed, Some(o.as_str().to_string())),
        Action::PassOn(PassTo::Area(a)) => (Event::PassedOn, Some(format!("area:{a}"))),
        Action::PassOn(PassTo::Outside(n)) => (Event::PassedOn, Some(format!("outside:{n}"))),
    };
    if let Err(res) = audit(
        &state,
        Some(signed.member.email.as_str()),
        event,
        Some(reference.to_string()),
        detail,
        Some(signed.network.clone()),
    )
    .await
    {
        return res;
    }
    let done = match &action {
        // The same record as the service's emailed link: the person's status page,
        // the reminders and the numbers follow it.
        Action::Received => state
            .store
            .acknowledge(reference, now, &state.calendar)
            .await
            .map(|_| ()),
        Action::Contacted => state
            .store
            .record_contacted(reference, now, &state.calendar)
            .await
            .map(|_| ()),
        Action::Closed(o) => state
            .store
            .record_closed(reference, *o, now)
            .await
            .map(|_| ()),
        Action::PassOn(to) => state
            .store
            .record_passed_on(reference, to, now)
            .await
            .map(|_| ()),
    };
    if let Err(e) = done {
        tracing::error!(%reference, "staff: cannot record an action: {e}");
        return super::unavailable();
    }
    // A request passed to a service on the site leaves triage's view: back to the list.
    if matches!(action, Action::PassOn(PassTo::Area(_))) {
        return crate::server::render::see_other(&pages::path(lang, StaffPage::List));
    }
    crate::server::render::see_other(&format!(
        "{}?done={}",
        pages::request_path(lang, &reference.to_string()),
        action.audit_name()
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect()
    }

    #[test]
    fn actions_are_parsed_from_the_path_and_form() {
        assert_eq!(parse_action("received", &[]), Some(Action::Received));
        assert_eq!(
            parse_action("closed", &form(&[("outcome", "indirect")])),
            Some(Action::Closed(Outcome::Indirect))
        );
        assert_eq!(parse_action("closed", &form(&[("outcome", "other")])), None);
        assert_eq!(
            parse_action("pass-on", &form(&[("area", ""), ("outside", " Another ")])),
            Some(Action::PassOn(PassTo::Outside("Another".into())))
        );
        assert_eq!(parse_action("delete", &[]), None);
    }
}

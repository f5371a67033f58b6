//! The pull API for case systems, under `/api/v1/` (`docs/api.md`): a service's API key
//! lists its requests in a state, reads one, and records the same receipt, contact and
//! closing as the inbox's buttons. A handler authenticates the key, decodes, asks
//! `crate::staff` (the key stands in for a service member of its area), records, and
//! answers JSON; every refusal is a [`Refusal`], turned into its status and body in one
//! place. Every call is audited, as the key; a call the rate limit refuses is counted,
//! not logged, so a runaway client cannot fill the append-only log.

use super::AppState;
use super::limit::client_of;
use crate::calendar::iso_utc;
use crate::i18n::Lang;
use crate::referral::form::Referral;
use crate::referral::reference::Reference;
use crate::staff::api_key::{ApiKey, KeyRecord, list_state};
use crate::staff::audit::{Entry, Event};
use crate::staff::{Action, InboxState, Outcome, decide};
use crate::store::{InboxFilter, InboxRow};
use axum::Router;
use axum::body::Body;
use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::{any, get, post};
use http::{HeaderMap, HeaderValue, StatusCode, header};
use serde_json::{Value, json};
use std::net::IpAddr;

/// The most requests one page of the list holds.
pub const PAGE: i64 = 100;
/// The list's path, also the base of its `next` links.
pub const REQUESTS: &str = "/api/v1/requests";

pub fn routes() -> Router<AppState> {
    Router::new()
        .route(REQUESTS, get(list).fallback(wrong_method))
        .route(
            &format!("{REQUESTS}/{{reference}}"),
            get(one).fallback(wrong_method),
        )
        .route(
            &format!("{REQUESTS}/{{reference}}/{{action}}"),
            post(act).fallback(wrong_method),
        )
        // Anything else under the API: authenticated first, then the one 404.
        .route("/api/v1", any(elsewhere))
        .route("/api/v1/{*rest}", any(elsewhere))
        .layer(axum::middleware::map_response(api_headers))
}

/// No cache keeps an answer, no search engine lists one.
async fn api_headers(mut res: Response) -> Response {
    let h = res.headers_mut();
    h.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    h.insert(
        http::HeaderName::from_static("x-robots-tag"),
        HeaderValue::from_static("noindex"),
    );
    res
}

/// Every way a call is refused. [`Refusal::into_response`] is the one place that gives
/// each its status and body: `{"error": {"code": …, "message": …}}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// No key, a key not in the right form, an unknown key or a revoked one: the same.
    Unauthorized,
    /// No such reference, or another service's: the same.
    NotFound,
    /// The request cannot move to that state (it is closed).
    NotOpen,
    /// `state` is not one of waiting, received, contacted, closed.
    BadState,
    /// `after` is not a cursor this list gave.
    BadCursor,
    /// The body is not `{"outcome": "<one of the fixed outcomes>"}`.
    BadOutcome,
    /// The key (or, without a working key, the network) used up its calls this hour.
    TooMany { retry_after: i64 },
    /// A method the address does not take (a GET to a receipt, a POST to the list).
    WrongMethod,
    /// The database cannot be reached.
    Unavailable,
}

impl Refusal {
    pub fn status(self) -> StatusCode {
        match self {
            Refusal::Unauthorized => StatusCode::UNAUTHORIZED,
            Refusal::NotFound => StatusCode::NOT_FOUND,
            Refusal::NotOpen => StatusCode::CONFLICT,
            Refusal::BadState | Refusal::BadCursor | Refusal::BadOutcome => StatusCode::BAD_REQUEST,
            Refusal::TooMany { .. } => StatusCode::TOO_MANY_REQUESTS,
            Refusal::WrongMethod => StatusCode::METHOD_NOT_ALLOWED,
            Refusal::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    /// The machine-readable code (documented in `docs/api.md`).
    pub fn code(self) -> &'static str {
        match self {
            Refusal::Unauthorized => "unauthorized",
            Refusal::NotFound => "not-found",
            Refusal::NotOpen => "not-open",
            Refusal::BadState => "bad-state",
            Refusal::BadCursor => "bad-cursor",
            Refusal::BadOutcome => "bad-outcome",
            Refusal::TooMany { .. } => "rate-limited",
            Refusal::WrongMethod => "wrong-method",
            Refusal::Unavailable => "unavailable",
        }
    }

    fn message(self) -> String {
        match self {
            Refusal::Unauthorized => "Send a current API key: Authorization: Bearer rjk_...".into(),
            Refusal::NotFound => "There is no request with this reference for this key.".into(),
            Refusal::NotOpen => "This request is closed: nothing more can be recorded.".into(),
            Refusal::BadState => "state must be waiting, received, contacted or closed.".into(),
            Refusal::BadCursor => "after must be the cursor from this list's next link.".into(),
            Refusal::BadOutcome => format!(
                "Send {{\"outcome\": \"...\"}} with one of: {}.",
                Outcome::ALL.map(Outcome::as_str).join(", ")
            ),
            Refusal::TooMany { .. } => "Too many calls for this key this hour.".into(),
            Refusal::WrongMethod => {
                "Lists and requests are read with GET; steps are recorded with POST.".into()
            }
            Refusal::Unavailable => {
                "The service is not available just now. Try again later.".into()
            }
        }
    }
}

impl IntoResponse for Refusal {
    fn into_response(self) -> Response {
        let body = json!({ "error": { "code": self.code(), "message": self.message() } });
        let mut res = json_response(self.status(), &body);
        if let Refusal::TooMany { retry_after } = self {
            res.headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after.max(1)));
        }
        if self == Refusal::Unauthorized {
            res.headers_mut().insert(
                header::WWW_AUTHENTICATE,
                HeaderValue::from_static("Bearer realm=\"api\""),
            );
        }
        res
    }
}

fn json_response(status: StatusCode, body: &Value) -> Response {
    (
        status,
        [(header::CONTENT_TYPE, "application/json")],
        Body::from(serde_json::to_vec_pretty(body).unwrap_or_default()),
    )
        .into_response()
}

/// Who is calling: their network (as the audit log keeps it), their key once known,
/// and the reference they asked about once it parses.
struct Call {
    ip: IpAddr,
    network: String,
    key: Option<KeyRecord>,
    reference: Option<Reference>,
}

impl Call {
    fn of(state: &AppState, req: &Request) -> Call {
        let ip = client_of(req, state.config.client_ip_header.as_ref());
        Call {
            ip,
            network: state.send_limit.network(ip),
            key: None,
            reference: None,
        }
    }

    fn key(&self) -> &KeyRecord {
        self.key.as_ref().expect("authenticated first")
    }

    /// Appends to the audit log as the key. A call whose record cannot be written is
    /// refused: nothing happens that the log does not show.
    async fn audit(
        &self,
        state: &AppState,
        event: Event,
        reference: Option<Reference>,
        detail: Option<String>,
    ) -> Result<(), Refusal> {
        let entry = Entry {
            actor: self.key.as_ref().map(KeyRecord::actor),
            event,
            reference: reference.map(|r| r.to_string()),
            detail,
            network: Some(self.network.clone()),
        };
        state
            .store
            .audit(&entry, state.clock.now())
            .await
            .map_err(|e| {
                tracing::error!(
                    action = event.as_str(),
                    "api: cannot write the audit log: {e}"
                );
                Refusal::Unavailable
            })
    }
}

/// The answer to a call: its response, or its refusal audited (but a refusal by the
/// rate limit, or by a database that is down, is not written).
async fn finish(state: &AppState, call: &Call, done: Result<Response, Refusal>) -> Response {
    match done {
        Ok(res) => res,
        Err(refusal) => {
            if !matches!(refusal, Refusal::TooMany { .. } | Refusal::Unavailable) {
                let detail = format!("{} {}", refusal.status().as_u16(), refusal.code());
                if let Err(r) = call
                    .audit(state, Event::ApiRefused, call.reference, Some(detail))
                    .await
                {
                    return r.into_response();
                }
            }
            refusal.into_response()
        }
    }
}

/// The caller's key, if it is current, counted against its hourly limit. Without a
/// working key the network's calls are counted instead, and every such call gets the
/// same 401 whatever was wrong with the key.
async fn authenticate(
    state: &AppState,
    call: &mut Call,
    headers: &HeaderMap,
) -> Result<(), Refusal> {
    let now = state.clock.now();
    let found = match ApiKey::from_headers(headers) {
        None => None,
        Some(key) => state.store.api_key(&key.hash()).await.map_err(|e| {
            tracing::error!("api: cannot read a key: {e}");
            Refusal::Unavailable
        })?,
    };
    let Some(key) = found.filter(|k| k.revoked_at.is_none()) else {
        if let Some(wait) = state
            .api_unknown_limit
            .wait(&state.store, call.ip, now)
            .await
        {
            return Err(Refusal::TooMany { retry_after: wait });
        }
        return Err(Refusal::Unauthorized);
    };
    if let Some(wait) = state
        .api_limit
        .wait_named(&state.store, &format!("api-key:{}", key.id), now)
        .await
    {
        call.key = Some(key);
        return Err(Refusal::TooMany { retry_after: wait });
    }
    if let Err(e) = state.store.touch_api_key(key.id, now).await {
        tracing::warn!("api: cannot note a key's use: {e}");
    }
    call.key = Some(key);
    Ok(())
}

/// The request under `reference` if the caller's key covers it; otherwise the one 404.
async fn covered(state: &AppState, call: &mut Call, reference: &str) -> Result<InboxRow, Refusal> {
    let reference = Reference::parse(reference).map_err(|_| Refusal::NotFound)?;
    call.reference = Some(reference);
    let row = state.store.inbox_request(reference).await.map_err(|e| {
        tracing::error!("api: cannot read a request: {e}");
        Refusal::Unavailable
    })?;
    row.filter(|r| call.key().scope.covers(&r.area, r.routed))
        .ok_or(Refusal::NotFound)
}

/// The request's answers while they are held.
async fn answers(state: &AppState, row: &InboxRow) -> Result<Option<Referral>, Refusal> {
    if !row.answers_held {
        return Ok(None);
    }
    state.store.referral(row.reference).await.map_err(|e| {
        tracing::error!(reference = %row.reference, "api: cannot read a request's answers: {e}");
        Refusal::Unavailable
    })
}

/// One request as the API gives it: `referral.json` (the email's attachment, built by
/// the same function) and where the request is. Once its answers are deleted,
/// `referral` and `youth_justice` are `null`.
fn item(state: &AppState, row: &InboxRow, answers: Option<&Referral>) -> Value {
    let reference = row.reference;
    let ack_url = state.ack.url(&state.sender.public_url, Lang::En, reference);
    let area = state.areas.by_slug(&row.area);
    let mut value = match (answers, area) {
        (Some(referral), Some(area)) => {
            crate::mail::render::attachment(reference, referral, area, &ack_url)
        }
        _ => json!({
            "schema": "rj-referral/1",
            "reference": reference.to_string(),
            "youth_justice": null,
            "police_area": {
                "code": area.map_or("", |a| a.code.as_str()),
                "slug": row.area,
                "name": area.map_or(row.area.as_str(), |a| a.name.as_str()),
            },
            "acknowledge_url": ack_url,
            "referral": null,
        }),
    };
    let at = |t: Option<i64>| t.map(iso_utc);
    if let Value::Object(map) = &mut value {
        map.insert("state".into(), json!(row.state.as_str()));
        map.insert("created".into(), json!(iso_utc(row.created_at)));
        map.insert("received".into(), json!(at(row.acknowledged_at)));
        map.insert("contacted".into(), json!(at(row.contacted_at)));
        map.insert("closed".into(), json!(at(row.closed_at)));
        map.insert("outcome".into(), json!(row.outcome.map(Outcome::as_str)));
    }
    value
}

/// The list's query: `state` (default waiting) and `after` (the cursor).
fn list_query(query: Option<&str>) -> Result<(InboxState, Option<Reference>), Refusal> {
    let mut state = InboxState::Waiting;
    let mut after = None;
    for (k, v) in form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
        match k.as_ref() {
            "state" => state = list_state(&v).ok_or(Refusal::BadState)?,
            "after" => after = Some(Reference::parse(&v).map_err(|_| Refusal::BadCursor)?),
            _ => {}
        }
    }
    Ok((state, after))
}

async fn list(State(state): State<AppState>, req: Request) -> Response {
    let mut call = Call::of(&state, &req);
    let (parts, _) = req.into_parts();
    let done = listing(&state, &mut call, &parts.headers, parts.uri.query()).await;
    finish(&state, &call, done).await
}

async fn listing(
    state: &AppState,
    call: &mut Call,
    headers: &HeaderMap,
    query: Option<&str>,
) -> Result<Response, Refusal> {
    authenticate(state, call, headers).await?;
    let (wanted, after) = list_query(query)?;
    let member = call.key().scope.as_member(call.key().id);
    // The cursor is a reference this key's list gave: a reference it does not cover is
    // refused the same as one that does not exist.
    let before = match after {
        None => None,
        Some(reference) => {
            let row = state.store.inbox_request(reference).await.map_err(|e| {
                tracing::error!("api: cannot read a cursor: {e}");
                Refusal::Unavailable
            })?;
            if !row.is_some_and(|r| call.key().scope.covers(&r.area, r.routed)) {
                return Err(Refusal::BadCursor);
            }
            state
                .store
                .request_position(reference)
                .await
                .map_err(|_| Refusal::Unavailable)?
        }
    };
    let filter = InboxFilter {
        state: Some(wanted),
        area: None,
        before,
    };
    let (rows, more) = state
        .store
        .inbox(&member, &filter, PAGE)
        .await
        .map_err(|e| {
            tracing::error!("api: cannot list requests: {e}");
            Refusal::Unavailable
        })?;
    let mut items = Vec::with_capacity(rows.len());
    let mut read = Vec::new();
    for row in &rows {
        let held = answers(state, row).await?;
        if held.is_some() {
            read.push(row.reference);
        }
        items.push(item(state, row, held.as_ref()));
    }
    let detail = format!("state={}, {} requests", wanted.as_str(), items.len());
    call.audit(state, Event::ApiListed, None, Some(detail))
        .await?;
    for reference in read {
        call.audit(state, Event::Viewed, Some(reference), None)
            .await?;
    }
    let next = more.and(rows.last()).map(|last| {
        format!(
            "{REQUESTS}?state={}&after={}",
            wanted.as_str(),
            last.reference
        )
    });
    Ok(json_response(
        StatusCode::OK,
        &json!({
            "schema": "rj-api-requests/1",
            "state": wanted.as_str(),
            "requests": items,
            "next": next,
        }),
    ))
}

async fn one(
    State(state): State<AppState>,
    Path(reference): Path<String>,
    req: Request,
) -> Response {
    let mut call = Call::of(&state, &req);
    let headers = req.headers().clone();
    let done = reading(&state, &mut call, &reference, &headers).await;
    finish(&state, &call, done).await
}

async fn reading(
    state: &AppState,
    call: &mut Call,
    reference: &str,
    headers: &HeaderMap,
) -> Result<Response, Refusal> {
    authenticate(state, call, headers).await?;
    let row = covered(state, call, reference).await?;
    let held = answers(state, &row).await?;
    let detail = held.is_none().then(|| "answers deleted".to_string());
    call.audit(state, Event::Viewed, Some(row.reference), detail)
        .await?;
    Ok(json_response(
        StatusCode::OK,
        &item(state, &row, held.as_ref()),
    ))
}

async fn act(
    State(state): State<AppState>,
    Path((reference, action)): Path<(String, String)>,
    req: Request,
) -> Response {
    let mut call = Call::of(&state, &req);
    let (parts, body) = req.into_parts();
    let done = acting(&state, &mut call, &reference, &action, &parts.headers, body).await;
    finish(&state, &call, done).await
}

/// The outcome in a closing call's body: `{"outcome": "indirect"}`.
fn outcome_of(body: &[u8]) -> Option<Outcome> {
    let value: Value = serde_json::from_slice(body).ok()?;
    Outcome::parse(value.get("outcome")?.as_str()?)
}

async fn acting(
    state: &AppState,
    call: &mut Call,
    reference: &str,
    action: &str,
    headers: &HeaderMap,
    body: Body,
) -> Result<Response, Refusal> {
    authenticate(state, call, headers).await?;
    let row = covered(state, call, reference).await?;
    let action = match action {
        "receipt" => Action::Received,
        "contacted" => Action::Contacted,
        "closed" => {
            let body = axum::body::to_bytes(body, 4 * 1024)
                .await
                .map_err(|_| Refusal::BadOutcome)?;
            Action::Closed(outcome_of(&body).ok_or(Refusal::BadOutcome)?)
        }
        _ => return Err(Refusal::NotFound),
    };
    let member = call.key().scope.as_member(call.key().id);
    // The inbox's own decision: anything may be recorded while the request is open.
    decide(&member, row.routed.via, row.state, &action).map_err(|_| Refusal::NotOpen)?;
    let (event, detail) = match &action {
        Action::Received => (Event::Received, None),
        Action::Contacted => (Event::Contacted, None),
        Action::Closed(o) => (Event::Closed, Some(o.as_str().to_string())),
        Action::PassOn(_) => return Err(Refusal::NotFound),
    };
    call.audit(state, event, Some(row.reference), detail)
        .await?;
    let now = state.clock.now();
    let reference = row.reference;
    // The same records as the inbox's buttons: the person's status page, the reminders
    // and the numbers follow them.
    let done = match action {
        Action::Received => state
            .store
            .acknowledge(reference, now, &state.calendar)
            .await
            .map(drop),
        Action::Contacted => state
            .store
            .record_contacted(reference, now, &state.calendar)
            .await
            .map(drop),
        Action::Closed(o) => state.store.record_closed(reference, o, now).await.map(drop),
        Action::PassOn(_) => Ok(()),
    };
    done.map_err(|e| {
        tracing::error!(%reference, "api: cannot record an action: {e}");
        Refusal::Unavailable
    })?;
    Ok(StatusCode::NO_CONTENT.into_response())
}

/// A method the address does not take: authenticated first, like every call.
async fn wrong_method(State(state): State<AppState>, req: Request) -> Response {
    let mut call = Call::of(&state, &req);
    let headers = req.headers().clone();
    let done = async {
        authenticate(&state, &mut call, &headers).await?;
        Err(Refusal::WrongMethod)
    }
    .await;
    finish(&state, &call, done).await
}

async fn elsewhere(State(state): State<AppState>, req: Request) -> Response {
    let mut call = Call::of(&state, &req);
    let headers = req.headers().clone();
    let done = async {
        authenticate(&state, &mut call, &headers).await?;
        Err(Refusal::NotFound)
    }
    .await;
    finish(&state, &call, done).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_query_defaults_to_waiting_and_refuses_unknown_words() {
        assert_eq!(list_query(None), Ok((InboxState::Waiting, None)));
        assert_eq!(
            list_query(Some("state=closed")),
            Ok((InboxState::Closed, None))
        );
        assert_eq!(list_query(Some("state=passed-on")), Err(Refusal::BadState));
        assert_eq!(list_query(Some("after=nope")), Err(Refusal::BadCursor));
    }

    #[test]
    fn each_refusal_has_one_status_and_code() {
        assert_eq!(Refusal::Unauthorized.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(Refusal::NotOpen.code(), "not-open");
        let res = Refusal::TooMany { retry_after: 42 }.into_response();
        assert_eq!(res.status(), StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(res.headers()[header::RETRY_AFTER], "42");
        assert_eq!(
            outcome_of(br#"{"outcome": "indirect"}"#),
            Some(Outcome::Indirect)
        );
        assert_eq!(outcome_of(br#"{"outcome": "other"}"#), None);
        assert_eq!(outcome_of(b"outcome=indirect"), None);
    }
}

//! `GET /staff/numbers` (and `/staff/cy/ffigurau`): a commissioner's numbers for their
//! areas over a range of months (`?from=YYYY-MM&to=YYYY-MM`, the last 12 by default),
//! as tables and charts, or with `&format=csv` as the long form's CSV of the same
//! cells. A member without the commissioner role gets the same 404 as a page that
//! does not exist. Each showing and each download is audited before it is sent.

use super::{AppState, audit, html, not_found, signed_in};
use crate::i18n::Lang;
use crate::numbers::report::{self, Month};
use crate::numbers::table::Table;
use crate::pages::numbers::{self as page, RangeError, RangeForm, StaffNumbers};
use crate::pages::staff::{self as pages, StaffPage};
use crate::staff::audit::Event;
use axum::Router;
use axum::body::Body;
use axum::extract::{Query, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::{StatusCode, header};
use serde::Deserialize;

/// How many months the form offers, back from this one.
pub const MONTHS_OFFERED: u32 = 36;
/// The months shown when none are chosen.
pub const MONTHS_BY_DEFAULT: u32 = 12;

pub fn routes(lang: Lang) -> Router<AppState> {
    Router::new().route(
        &pages::path(lang, StaffPage::Numbers),
        get(move |s: State<AppState>, q: Query<NumbersQuery>, req: Request| show(s, lang, q, req)),
    )
}

#[derive(Deserialize, Default)]
pub struct NumbersQuery {
    from: Option<String>,
    to: Option<String>,
    format: Option<String>,
}

/// The months offered, newest first, ending with `now`.
pub fn offered(now: Month) -> Vec<Month> {
    (0..MONTHS_OFFERED).map(|n| now.back(n)).collect()
}

/// The range asked for (a month not given is the default's), or why it cannot be
/// shown: every month must be one the form offers, and the first not after the last.
pub fn choose(
    from: Option<&str>,
    to: Option<&str>,
    now: Month,
) -> Result<(Month, Month), RangeError> {
    let offered = offered(now);
    let month = |text: Option<&str>, default: Month| match text {
        None | Some("") => Ok(default),
        Some(text) => Month::parse(text)
            .filter(|m| offered.contains(m))
            .ok_or(RangeError::NotOffered),
    };
    let to = month(to, now)?;
    let earliest = now.back(MONTHS_OFFERED - 1);
    let from = month(from, to.back(MONTHS_BY_DEFAULT - 1).max(earliest))?;
    if from > to {
        return Err(RangeError::Backwards);
    }
    Ok((from, to))
}

async fn show(
    State(state): State<AppState>,
    lang: Lang,
    Query(q): Query<NumbersQuery>,
    req: Request,
) -> Response {
    let caller = super::caller(&state, &req);
    let signed = match signed_in(&state, lang, &caller).await {
        Ok(s) => s,
        Err(res) => return res,
    };
    let areas = signed.member.numbers_areas();
    let csv = match q.format.as_deref() {
        None => false,
        Some("csv") => true,
        Some(_) => return not_found(lang, Some(&signed.member)),
    };
    if areas.is_empty() {
        return not_found(lang, Some(&signed.member));
    }
    let now = Month::of(state.clock.today());
    let here = pages::path(lang, StaffPage::Numbers);
    let chosen = choose(q.from.as_deref(), q.to.as_deref(), now);
    let name = |slug: &str| {
        state
            .areas
            .by_slug(slug)
            .map_or_else(|| slug.to_string(), |a| a.name(lang).to_string())
    };
    // The choice as sent stays in the form when it is wrong; otherwise the range shown.
    let (from_text, to_text) = match chosen {
        Ok((from, to)) => (from.to_string(), to.to_string()),
        Err(_) => (
            q.from.clone().unwrap_or_default(),
            q.to.clone().unwrap_or_default(),
        ),
    };
    let form = RangeForm {
        action: here.clone(),
        offered: offered(now),
        from: from_text,
        to: to_text,
        error: chosen.err(),
    };
    let Ok((from, to)) = chosen else {
        let page = StaffNumbers {
            form,
            table: None,
            csv: String::new(),
            other: pages::path(lang.other(), StaffPage::Numbers),
        };
        return html(
            StatusCode::BAD_REQUEST,
            page::staff_page(lang, &signed.member, page, &name),
        );
    };
    let entries = match state
        .store
        .report_entries(&from.to_string(), &to.to_string())
        .await
    {
        Ok(entries) => entries,
        Err(e) => {
            tracing::error!("staff: cannot read the report's record: {e}");
            return super::unavailable();
        }
    };
    let mut rows = report::long_for(&entries, from, to, &areas);
    // One area's total only repeats it.
    if areas.len() == 1 {
        rows.retain(|r| r.area != "all");
    }
    let event = if csv {
        Event::NumbersDownloaded
    } else {
        Event::NumbersViewed
    };
    let detail = format!("{from} to {to}, {}", areas.join(" "));
    if let Err(res) = audit(
        &state,
        Some(signed.member.email.as_str()),
        event,
        None,
        Some(detail),
        Some(signed.network.clone()),
    )
    .await
    {
        return res;
    }
    if csv {
        let name = format!("rj-numbers-{from}-to-{to}.csv");
        return (
            StatusCode::OK,
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{name}\""),
                ),
            ],
            Body::from(report::long_csv(&rows)),
        )
            .into_response();
    }
    let table = Table::of(&rows, from, to);
    let query = format!("?from={from}&to={to}");
    let page = StaffNumbers {
        form,
        table: Some(&table),
        csv: format!("{here}{query}&format=csv"),
        other: format!("{}{query}", pages::path(lang.other(), StaffPage::Numbers)),
    };
    html(
        StatusCode::OK,
        page::staff_page(lang, &signed.member, page, &name),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn m(text: &str) -> Month {
        Month::parse(text).unwrap()
    }

    #[test]
    fn the_last_twelve_months_by_default_and_any_offered_range() {
        let now = m("2026-12");
        assert_eq!(choose(None, None, now), Ok((m("2026-01"), now)));
        assert_eq!(choose(Some(""), Some(""), now), Ok((m("2026-01"), now)));
        assert_eq!(
            choose(Some("2024-01"), Some("2024-03"), now),
            Ok((m("2024-01"), m("2024-03")))
        );
        assert_eq!(choose(Some("2026-12"), None, now), Ok((now, now)));
        // The default first month follows a chosen last one, within those offered.
        assert_eq!(
            choose(None, Some("2025-06"), now),
            Ok((m("2024-07"), m("2025-06")))
        );
        assert_eq!(
            choose(None, Some("2024-03"), now),
            Ok((m("2024-01"), m("2024-03")))
        );
        assert_eq!(offered(now).len() as u32, MONTHS_OFFERED);
        assert_eq!(offered(now).last(), Some(&m("2024-01")));
    }

    #[test]
    fn months_not_offered_or_backwards_are_refused() {
        let now = m("2026-12");
        for (from, to) in [
            (Some("2023-12"), None),
            (None, Some("2027-01")),
            (Some("2026-13"), None),
            (Some("last year"), None),
            (Some("2026-1"), None),
        ] {
            assert_eq!(
                choose(from, to, now),
                Err(RangeError::NotOffered),
                "{from:?} {to:?}"
            );
        }
        assert_eq!(
            choose(Some("2026-05"), Some("2026-04"), now),
            Err(RangeError::Backwards)
        );
    }
}

//! A commissioner's numbers (issue 27, part 4), through the real router and database:
//! a commissioner sees only their areas' numbers, as tables, charts and a CSV with the
//! same cells, in English and Welsh; no other role sees the page (the same 404 as a
//! page that is not there); a wrong month range is a translated message with the
//! choice kept; every showing and download is audited; and the real `rj report
//! --format html` holds exactly the numbers of `rj report --long`.

use crate::staff::{get_as, member, post_as, request, rj, site};
use axum::Router;
use http::StatusCode;
use regex::Regex;
use rj::areas::directory::Via;
use rj::server::AppState;
use rj::staff::Role;
use std::collections::BTreeMap;

/// The month the test's requests are sent in (the day before `NOW`).
const MONTH: &str = "2026-11";

/// Six requests for Kent (five marked received by Kent's service, one closed), two for
/// Essex (through triage).
async fn requests(app: &Router, state: &AppState) {
    let kent = member(
        state,
        "kent-service@example.org",
        &[Role::Service],
        &["kent"],
    )
    .await;
    for i in 0..6 {
        let r = request(state, "kent", Via::Direct, &format!("Kent Person {i}")).await;
        if i < 5 {
            let (s, _) = post_as(app, &kent, &format!("/staff/requests/{r}/received"), "").await;
            assert_eq!(s, StatusCode::SEE_OTHER);
        }
        if i == 0 {
            let (s, _) = post_as(
                app,
                &kent,
                &format!("/staff/requests/{r}/closed"),
                "outcome=direct-meeting",
            )
            .await;
            assert_eq!(s, StatusCode::SEE_OTHER);
        }
    }
    for i in 0..2 {
        request(state, "essex", Via::Triage, &format!("Essex Person {i}")).await;
    }
}

/// The cell a page shows for `measure` in `month` within the section of `area`.
fn cell(page: &str, area: &str, measure: &str, month: &str) -> Option<String> {
    let start = page.find(&format!("data-area=\"{area}\""))?;
    let section = &page[start..];
    let section = &section[..section.find("</section>")?];
    let re = Regex::new(&format!(
        r#"<td data-measure="{measure}" data-month="{month}">([^<]*)</td>"#
    ))
    .unwrap();
    re.captures(section)
        .map(|c| c[1].replace("&lt;", "<").replace("&amp;", "&"))
}

/// Every cell of every section: (area, measure, month) → text.
fn cells(page: &str) -> BTreeMap<(String, String, String), String> {
    let section = Regex::new(r#"data-area="([^"]+)""#).unwrap();
    let td = Regex::new(r#"<td data-measure="([^"]+)" data-month="([^"]+)">([^<]*)</td>"#).unwrap();
    let starts: Vec<(usize, String)> = section
        .captures_iter(page)
        .map(|c| (c.get(0).unwrap().start(), c[1].to_string()))
        .collect();
    let mut out = BTreeMap::new();
    for (i, (start, area)) in starts.iter().enumerate() {
        let end = starts.get(i + 1).map_or(page.len(), |(s, _)| *s);
        for c in td.captures_iter(&page[*start..end]) {
            out.insert(
                (area.clone(), c[1].to_string(), c[2].to_string()),
                c[3].replace("&lt;", "<").replace("&amp;", "&"),
            );
        }
    }
    out
}

/// The long form's CSV as (area, measure, month) → value as the page shows it (an
/// empty median is a dash there).
fn csv_cells(csv: &str) -> BTreeMap<(String, String, String), String> {
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("month,area,measure,value"));
    lines
        .map(|line| {
            let parts: Vec<&str> = line.split(',').collect();
            assert_eq!(parts.len(), 4, "{line}");
            (
                (
                    parts[1].to_string(),
                    parts[2].to_string(),
                    parts[0].to_string(),
                ),
                match parts[3] {
                    "" => rj::pages::numbers::NONE.to_string(),
                    value => value.to_string(),
                },
            )
        })
        .collect()
}

#[tokio::test]
async fn a_commissioner_sees_only_their_areas_numbers_as_tables_charts_and_csv() {
    let (app, state) = site(None).await;
    requests(&app, &state).await;
    let pcc = member(
        &state,
        "pcc-kent@example.org",
        &[Role::Commissioner],
        &["kent"],
    )
    .await;
    let range = format!("?from={MONTH}&to={MONTH}");

    let (status, page) = get_as(&app, &pcc, &format!("/staff/numbers{range}")).await;
    assert_eq!(status, StatusCode::OK, "{page}");
    assert!(page.contains("<h2 id=\"area-0\">Kent</h2>"), "{page}");
    assert_eq!(cell(&page, "kent", "requests", MONTH).as_deref(), Some("6"));
    assert_eq!(
        cell(&page, "kent", "acknowledged_within_2_working_days", MONTH).as_deref(),
        Some("5")
    );
    // One closed: too few to show.
    assert_eq!(cell(&page, "kent", "closed", MONTH).as_deref(), Some("<5"));
    // Essex is not theirs: not its name, not its numbers, and no total that holds them.
    assert!(!page.contains("Essex"), "{page}");
    assert!(!page.contains("data-area=\"essex\""), "{page}");
    assert!(!page.contains("data-area=\"all\""), "{page}");
    // The charts: drawn on the server, their numbers said as text.
    assert_eq!(page.matches("<svg").count(), 4, "{page}");
    assert!(page.contains("role=\"img\""), "{page}");
    assert!(
        page.contains("<desc id=\"chart-0-0-desc\">November 2026: 6</desc>"),
        "{page}"
    );
    // Nothing about any one request.
    for absent in ["Kent Person", "07700 900123", "CR-STAFF-1", "RJ-"] {
        assert!(!page.contains(absent), "{absent} on the numbers page");
    }
    // The navigation leads here, and the list says why it has no requests.
    assert!(page.contains("href=\"/staff/numbers\""), "{page}");
    let (_, list) = get_as(&app, &pcc, "/staff").await;
    assert!(
        list.contains("Your role shows numbers, not requests."),
        "{list}"
    );

    // The CSV has the page's cells, no more.
    let link = format!("/staff/numbers?from={MONTH}&amp;to={MONTH}&amp;format=csv");
    assert!(page.contains(&link), "{page}");
    let (status, csv) = get_as(&app, &pcc, &format!("/staff/numbers{range}&format=csv")).await;
    assert_eq!(status, StatusCode::OK);
    let from_csv = csv_cells(&csv);
    assert_eq!(from_csv, cells(&page));
    assert!(from_csv.keys().all(|(area, _, _)| area == "kent"), "{csv}");

    // A commissioner of two areas sees both and their total, small counts hidden, and
    // the total withheld where it would give a small one back.
    let both = member(
        &state,
        "pcc-two@example.org",
        &[Role::Commissioner],
        &["kent", "essex"],
    )
    .await;
    let (_, page) = get_as(&app, &both, &format!("/staff/numbers{range}")).await;
    assert!(page.contains("All your areas"), "{page}");
    assert_eq!(
        cell(&page, "essex", "requests", MONTH).as_deref(),
        Some("<5")
    );
    assert_eq!(
        cell(&page, "all", "requests", MONTH).as_deref(),
        Some("[c]")
    );
    assert_eq!(cell(&page, "kent", "requests", MONTH).as_deref(), Some("6"));

    // In Welsh, at the Welsh address, with Welsh words for the same numbers.
    let (status, cy) = get_as(&app, &pcc, &format!("/staff/cy/ffigurau{range}")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(cy.contains("<html lang=\"cy\""), "{cy}");
    assert!(cy.contains("Tachwedd 2026"), "{cy}");
    assert!(cy.contains("Wedi'u cael o fewn 2 ddiwrnod gwaith"), "{cy}");
    assert_eq!(cell(&cy, "kent", "requests", MONTH).as_deref(), Some("6"));

    // Each showing and the download are in the audit log, with the months and areas.
    let rows = state.store.audit_rows(0, i64::MAX, 1000).await.unwrap();
    let of = |action: &str| {
        rows.iter()
            .filter(|r| r.action == action && r.actor.as_deref() == Some("pcc-kent@example.org"))
            .count()
    };
    assert_eq!(of("numbers-viewed"), 2);
    assert_eq!(of("numbers-downloaded"), 1);
    assert!(
        rows.iter().any(|r| r.action == "numbers-viewed"
            && r.detail.as_deref() == Some("2026-11 to 2026-11, kent"))
    );
}

#[tokio::test]
async fn no_other_role_sees_the_numbers_and_the_refusal_is_the_same_404() {
    let (app, state) = site(None).await;
    requests(&app, &state).await;
    for (email, roles, areas) in [
        ("service@example.org", &[Role::Service][..], &["kent"][..]),
        ("triage@example.org", &[Role::Triage], &[]),
        ("admin@example.org", &[Role::Admin], &[]),
    ] {
        let who = member(&state, email, roles, areas).await;
        for path in [
            "/staff/numbers",
            "/staff/numbers?format=csv&from=2026-11&to=2026-11",
        ] {
            let (status, body) = get_as(&app, &who, path).await;
            assert_eq!(status, StatusCode::NOT_FOUND, "{email} {path}");
            let (_, unknown) = get_as(&app, &who, "/staff/requests/RJ-2222-2222").await;
            assert_eq!(body, unknown, "{email}: the same page as for nothing there");
            assert!(!body.contains("data-measure"), "{body}");
        }
    }
    // Signed out: to sign in, as any staff page.
    let res = crate::common::send(
        &app,
        http::Request::get("/staff/numbers")
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    // A commissioner's format that is not CSV is the same 404.
    let pcc = member(&state, "pcc@example.org", &[Role::Commissioner], &["kent"]).await;
    let (status, _) = get_as(&app, &pcc, "/staff/numbers?format=json").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    let refused = state.store.audit_rows(0, i64::MAX, 1000).await.unwrap();
    assert!(!refused.iter().any(|r| r.action.starts_with("numbers-")));
}

#[tokio::test]
async fn a_wrong_range_is_a_translated_message_with_the_choice_kept() {
    let (app, state) = site(None).await;
    let pcc = member(&state, "pcc@example.org", &[Role::Commissioner], &["kent"]).await;
    // By default, the twelve months to this one.
    let (status, page) = get_as(&app, &pcc, "/staff/numbers").await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        page.contains("Months: December 2025 – November 2026"),
        "{page}"
    );
    assert!(
        page.contains("<option value=\"2025-12\" selected"),
        "{page}"
    );

    let (status, page) = get_as(&app, &pcc, "/staff/numbers?from=2026-11&to=2026-10").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(
        page.contains("The \"From\" month must be before the \"To\" month"),
        "{page}"
    );
    assert!(
        page.contains("<option value=\"2026-11\" selected"),
        "{page}"
    );
    assert!(
        page.contains("<option value=\"2026-10\" selected"),
        "{page}"
    );
    assert!(!page.contains("data-measure"), "{page}");

    for wrong in [
        "from=1999-01",
        "to=2027-01",
        "from=%3Cscript%3E",
        "from=2026-1",
    ] {
        let (status, page) = get_as(&app, &pcc, &format!("/staff/cy/ffigurau?{wrong}")).await;
        assert_eq!(status, StatusCode::BAD_REQUEST, "{wrong}");
        assert!(page.contains("Dewiswch y misoedd o'r rhestrau."), "{page}");
        assert!(!page.contains("<script>"), "{page}");
    }
}

#[tokio::test]
async fn the_html_report_holds_exactly_the_long_forms_numbers() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/rj.db", dir.path().display());
    let (app, state) = site(Some(&url)).await;
    requests(&app, &state).await;
    let long = rj(
        dir.path(),
        &["report", "--from", "2026-10", "--to", MONTH, "--long"],
    );
    for lang in ["en", "cy"] {
        let html = rj(
            dir.path(),
            &[
                "report", "--from", "2026-10", "--to", MONTH, "--format", "html", "--lang", lang,
            ],
        );
        assert!(html.starts_with("<!DOCTYPE html>"), "{html}");
        assert!(html.contains(&format!("<html lang=\"{lang}\"")), "{html}");
        // A file that needs nothing else: its styles inside, no link, no script.
        assert!(
            html.contains("<style>") && html.contains(".rj-chart__bar"),
            "{html}"
        );
        assert!(
            !html.contains("<link") && !html.contains("<script"),
            "{html}"
        );
        let shown = cells(&html);
        let csv = csv_cells(&long);
        for (key, value) in &csv {
            assert_eq!(shown.get(key), Some(value), "{lang} {key:?}");
        }
        // What the long form leaves out (an area's month with no request) is 0, or an
        // empty median.
        for (key, value) in &shown {
            if !csv.contains_key(key) {
                assert!(
                    value == "0" || value == rj::pages::numbers::NONE,
                    "{lang} {key:?} {value}"
                );
            }
        }
        assert_eq!(
            shown
                .keys()
                .map(|(a, _, _)| a.as_str())
                .collect::<std::collections::BTreeSet<_>>(),
            ["all", "essex", "kent"].into_iter().collect()
        );
    }
}

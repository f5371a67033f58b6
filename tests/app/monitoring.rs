//! The operator's alerting rules and dashboard (`deploy/prometheus`, `deploy/grafana`):
//! promtool checks and unit-tests the rules, and every metric they name is on the
//! site's real `/metrics`; the gauge the escalation alert reads follows the store.

use crate::common;
use http::StatusCode;
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

const RULES: &str = "deploy/prometheus/rj-alerts.yml";
const RULE_TESTS: &[&str] = &[
    "deploy/prometheus/rj-alerts.test.yml",
    "deploy/prometheus/rj-alerts.bst.test.yml",
];
const DASHBOARD: &str = "deploy/grafana/rj-dashboard.json";

/// Debian's promtool (package `prometheus`), or None when it is not installed and
/// servers are not required (then the test is skipped, saying so).
fn promtool() -> Option<&'static str> {
    let path = "/usr/bin/promtool";
    if Path::new(path).exists() {
        return Some(path);
    }
    assert!(
        std::env::var_os("RJ_REQUIRE_SERVERS").is_none(),
        "RJ_REQUIRE_SERVERS is set: {path} is missing (Debian package prometheus; `make test` installs it)"
    );
    eprintln!("skipped: {path} is missing (Debian package prometheus)");
    None
}

fn run(program: &str, args: &[&str]) {
    let out = Command::new(program).args(args).output().unwrap();
    assert!(
        out.status.success(),
        "{program} {args:?} failed:\n{}\n{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
}

#[test]
fn promtool_checks_and_unit_tests_the_alerting_rules() {
    let Some(promtool) = promtool() else { return };
    run(promtool, &["check", "rules", RULES]);
    let mut args = vec!["test", "rules"];
    args.extend(RULE_TESTS);
    run(promtool, &args);
}

/// The metric names a file mentions, histogram series reduced to their family.
fn metric_names(path: &str) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).unwrap();
    regex::Regex::new(r"rj_[a-z_]+")
        .unwrap()
        .find_iter(&text)
        .map(|m| {
            let name = m.as_str();
            ["_bucket", "_sum", "_count"]
                .iter()
                .find_map(|suffix| name.strip_suffix(suffix))
                .unwrap_or(name)
                .to_string()
        })
        .collect()
}

/// The sample names on `/metrics`, and each family's name from its `# TYPE` line.
fn names_on_metrics(text: &str) -> BTreeSet<String> {
    text.lines()
        .filter_map(|line| match line.strip_prefix("# TYPE ") {
            Some(rest) => rest.split(' ').next(),
            None if line.starts_with('#') => None,
            None => line.split(['{', ' ']).next(),
        })
        .map(str::to_string)
        .collect()
}

async fn metrics_text(state: &rj::server::AppState) -> String {
    let admin = rj::server::admin::router(state.clone());
    let res = common::get(&admin, "/metrics").await;
    assert_eq!(res.status(), StatusCode::OK);
    common::text(res).await
}

#[tokio::test]
async fn every_metric_the_rules_and_dashboard_name_is_on_metrics() {
    let (_app, state) = common::app_and_state(&[]).await;
    let text = metrics_text(&state).await;
    let served = names_on_metrics(&text);
    let rules = metric_names(RULES);
    let dashboard = metric_names(DASHBOARD);
    // The files do name metrics (a broken regex or file would pass vacuously).
    assert!(rules.len() >= 6, "{rules:?}");
    assert!(dashboard.len() >= 15, "{dashboard:?}");
    for name in rules.iter().chain(&dashboard) {
        assert!(served.contains(name), "{name} is not on /metrics:\n{text}");
    }
    // The dashboard imports into any Grafana: no data source is fixed in it.
    let json: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(DASHBOARD).unwrap()).unwrap();
    assert!(
        json["panels"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|p| p["type"] != "row")
            .all(|p| p["datasource"]["uid"] == "${DS_PROMETHEUS}"),
        "every panel reads the data source variable"
    );
}

#[tokio::test]
async fn escalated_unacknowledged_counts_requests_past_escalation_until_confirmed() {
    let state = common::state_with(&[]).await;
    escalated_unacknowledged(&state).await;
}

/// The same query on PostgreSQL (skipped without it, unless `RJ_REQUIRE_SERVERS`).
#[tokio::test]
async fn escalated_unacknowledged_on_postgres() {
    let Some(server) = common::postgres::server() else {
        return;
    };
    let url = server.new_database("monitoring");
    let state = common::state_with(&[("RJ_DATABASE_URL", &url)]).await;
    escalated_unacknowledged(&state).await;
}

async fn escalated_unacknowledged(state: &rj::server::AppState) {
    use rj::store::Delivered;
    let store = &state.store;
    let referral = |area: &str| -> rj::referral::form::Referral {
        serde_json::from_value(serde_json::json!({
            "area": area, "relationship": "harmed", "full_name": "Zebedee Quixote",
            "contact_method": "phone", "phone": "01632 960 777", "email": null,
            "voicemail_ok": false, "say_rj_ok": false, "safe_times": null,
            "contact_language": "en", "reported": "yes", "crime_reference": null,
            "responsible_under_18": "no", "support_needs": null, "message": null,
            "confirmation_email": false
        }))
        .unwrap()
    };
    let mut seed = 27u64;
    let mut random = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        seed >> 20
    };
    let now = rj::calendar::unix_now();
    let mut refs = Vec::new();
    for (i, area) in ["kent", "kent", "essex"].iter().enumerate() {
        refs.push(
            store
                .insert(&format!("m{i}"), &referral(area), now - 500, &mut random)
                .await
                .unwrap(),
        );
    }
    // The two kent requests are past escalation; the essex one is not yet.
    for escalate_at in [now - 10, now - 10, now + 10_000] {
        let c = store.claim(now, 60).await.unwrap().unwrap();
        let delivered = Delivered {
            at: now - 400,
            remind_at: escalate_at - 1,
            escalate_at,
        };
        store.mark_sent(c.id, &delivered).await.unwrap();
    }
    let value = |text: &str, area: &str| {
        let families = common::parse_prometheus(text);
        common::sample(
            &families,
            "rj_requests_escalated_unacknowledged",
            &[("area", area)],
        )
        .unwrap()
    };
    // Before the sweep has stored the escalation, nothing is past it.
    let text = metrics_text(state).await;
    assert_eq!(value(&text, "kent"), 0.0);
    store.queue_due_alerts(now, now - 86_400).await.unwrap();
    let text = metrics_text(state).await;
    assert_eq!(value(&text, "kent"), 2.0);
    assert_eq!(value(&text, "essex"), 0.0);
    assert_eq!(value(&text, "dorset"), 0.0);
    for private in ["Zebedee", "960 777"] {
        assert!(!text.contains(private));
    }
    // Confirmed by the service: no longer waiting.
    store
        .acknowledge(refs[0], now, &rj::calendar::WorkingDays::weekdays())
        .await
        .unwrap();
    let text = metrics_text(state).await;
    assert_eq!(value(&text, "kent"), 1.0);
    assert_eq!(
        common::sample(
            &common::parse_prometheus(&text),
            "rj_webhooks_oldest_waiting_age_seconds",
            &[]
        ),
        Some(0.0)
    );
}

//! The go-live pack for an operator's DPO and IT security (issue 29): the
//! `/.well-known/security.txt` file and the vulnerability disclosure page, and the
//! documents in `docs/operators/` kept true to the code (every number they quote from
//! the code, in a marker, and every test the DPIA names).

use crate::common::{self, get, page, text};
use http::{StatusCode, header};
use rj::i18n::{Lang, Page};

// ---- security.txt ----

#[tokio::test]
async fn security_txt_names_the_configured_contact_as_rfc_9116_asks() {
    let app = common::app_with(&[
        ("RJ_PUBLIC_URL", "https://rj.example.org"),
        ("RJ_SECURITY_CONTACT", "mailto:security@example.org"),
        ("RJ_SECURITY_EXPIRES", "2027-06-30"),
    ])
    .await;
    let res = get(&app, "/.well-known/security.txt").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()[header::CONTENT_TYPE],
        "text/plain; charset=utf-8"
    );
    let body = text(res).await;
    let fields: Vec<&str> = body.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        fields,
        [
            "Contact: mailto:security@example.org",
            "Expires: 2027-06-30T23:59:59Z",
            "Preferred-Languages: en, cy",
            "Canonical: https://rj.example.org/.well-known/security.txt",
            "Policy: https://rj.example.org/security",
            "Policy: https://rj.example.org/cy/diogelwch",
        ]
    );
}

#[tokio::test]
async fn security_txt_expires_within_a_year_when_no_date_is_set() {
    let (app, state) = common::app_and_state(&[(
        "RJ_SECURITY_CONTACT",
        "https://example.org/report-a-problem",
    )])
    .await;
    let body = text(get(&app, "/.well-known/security.txt").await).await;
    assert!(body.contains("Contact: https://example.org/report-a-problem\n"));
    let expires = body
        .lines()
        .find_map(|l| l.strip_prefix("Expires: "))
        .expect("an Expires field");
    let date = rj::calendar::Date::parse_iso(&expires[..10]).unwrap();
    let today = rj::calendar::Date::from_days(state.clock.now().div_euclid(86_400));
    let ahead = date.days() - today.days();
    assert!((300..365).contains(&ahead), "{expires}: {ahead} days ahead");
}

#[tokio::test]
async fn no_security_txt_without_a_contact() {
    let app = common::app().await;
    // The site's own 404 page: nobody is named who was not configured.
    let res = get(&app, "/.well-known/security.txt").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[test]
fn a_contact_that_is_not_mailto_or_https_is_refused() {
    for bad in [
        "security@example.org",
        "http://example.org/security",
        "mailto:not an address",
    ] {
        let result =
            rj::server::config::Config::from_lookup("127.0.0.1:3000".parse().unwrap(), |k| {
                (k == "RJ_SECURITY_CONTACT").then(|| bad.to_string())
            });
        assert!(result.is_err(), "{bad} accepted");
    }
    let result = rj::server::config::Config::from_lookup("127.0.0.1:3000".parse().unwrap(), |k| {
        (k == "RJ_SECURITY_EXPIRES").then(|| "next year".to_string())
    });
    assert!(result.is_err());
}

// ---- the vulnerability disclosure page ----

#[tokio::test]
async fn the_disclosure_page_in_both_languages_names_the_security_contact() {
    let app = common::app_with(&[("RJ_SECURITY_CONTACT", "mailto:security@example.org")]).await;
    let en = page(&app, "/security", StatusCode::OK).await;
    assert!(en.contains("Report a security problem"), "{en}");
    assert!(en.contains("security@example.org") && !en.contains("mailto:security"));
    assert!(en.contains("href=\"/cy/diogelwch\""));
    let cy = page(&app, "/cy/diogelwch", StatusCode::OK).await;
    assert!(cy.contains("Rhoi gwybod am broblem ddiogelwch"), "{cy}");
    assert!(cy.contains("security@example.org"));
    // In the footer of every page, and in the sitemap the browser tests walk.
    let home = page(&app, "/", StatusCode::OK).await;
    assert!(home.contains("href=\"/security\""));
    let sitemap = page(&app, "/sitemap.xml", StatusCode::OK).await;
    assert!(sitemap.contains("/security</loc>") && sitemap.contains("/cy/diogelwch</loc>"));
    assert_eq!(Page::Security.path(Lang::Cy), "/cy/diogelwch");
}

#[tokio::test]
async fn without_a_security_contact_the_page_names_the_operators_contact() {
    let app = common::app_with(&[("RJ_OPERATOR_CONTACT", "help@operator.example.org")]).await;
    let en = page(&app, "/security", StatusCode::OK).await;
    assert!(en.contains("help@operator.example.org"), "{en}");
}

// ---- the documents, kept true to the code ----

/// Every page of the go-live pack.
fn documents() -> Vec<(String, String)> {
    let mut pages: Vec<(String, String)> = std::fs::read_dir("docs/operators")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "md"))
        .map(|p| {
            (
                p.display().to_string(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    pages.sort();
    assert!(pages.len() >= 7, "the pack's pages: {pages:?}");
    pages
}

/// The text outside fenced code blocks (commands and sample output are not claims).
fn prose(text: &str) -> String {
    let mut out = String::new();
    let mut fenced = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The spans in backticks.
fn spans(text: &str) -> Vec<String> {
    prose(text)
        .split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_string)
        .collect()
}

/// What the documents may quote, from the code itself: each setting's default (read
/// through `Config::from_lookup` with nothing set) and each constant.
async fn facts() -> Vec<(&'static str, String)> {
    use rj::server::config::Config;
    let c = Config::from_lookup("127.0.0.1:3000".parse().unwrap(), |_| None).unwrap();
    let state = common::state_with(&[]).await;
    let pacing = rj::outbox::worker::Pacing::default();
    let day = 86_400;
    let unset = |set: bool| if set { "set" } else { "unset" }.to_string();
    // HSTS, as the site sends it over HTTPS.
    let https = common::app_with(&[("RJ_PUBLIC_URL", "https://rj.example.org")]).await;
    let hsts = get(&https, "/").await.headers()[header::STRICT_TRANSPORT_SECURITY]
        .to_str()
        .unwrap()
        .to_string();
    let hsts_max_age = hsts
        .split(';')
        .find_map(|p| p.trim().strip_prefix("max-age="))
        .unwrap()
        .to_string();
    // Ranges the configuration accepts, found by asking it.
    let accepts = |name: &'static str, value: String| {
        Config::from_lookup("127.0.0.1:3000".parse().unwrap(), |k| {
            (k == name).then(|| value.clone())
        })
        .is_ok()
    };
    let retention_days_max = (1..=1000)
        .rev()
        .find(|n: &u32| accepts("RJ_RETENTION_DAYS", n.to_string()))
        .unwrap();
    let secret_min = (1..=100)
        .find(|&n| accepts("RJ_SECRET", "s".repeat(n)))
        .unwrap();
    vec![
        ("RJ_ENV", format!("{:?}", c.env).to_lowercase()),
        ("retention_days_max", retention_days_max.to_string()),
        ("secret_min_characters", secret_min.to_string()),
        ("sweep_seconds", pacing.sweep.as_secs().to_string()),
        (
            "smallest_count_shown",
            rj::numbers::report::SMALLEST_SHOWN.to_string(),
        ),
        ("RJ_RETENTION_DAYS", c.site.retention_days.to_string()),
        (
            "RJ_ACK_WORKING_DAYS",
            c.tracking.ack_working_days.to_string(),
        ),
        ("RJ_SEND_LIMIT_PER_HOUR", c.send_limit_per_hour.to_string()),
        (
            "RJ_STATUS_LIMIT_PER_HOUR",
            c.tracking.status_limit_per_hour.to_string(),
        ),
        ("RJ_API_LIMIT_PER_HOUR", c.api.limit_per_hour.to_string()),
        (
            "RJ_WEBHOOK_TIMEOUT_SECONDS",
            c.webhooks.timeout_seconds.to_string(),
        ),
        ("RJ_MIN_FILL_SECONDS", c.min_fill_seconds.to_string()),
        (
            "RJ_SECURE_EMAIL_DOMAINS",
            c.delivery.secure_domains.to_string(),
        ),
        ("RJ_TRIAGE_DELIVERY", c.delivery.triage.as_str().to_string()),
        ("RJ_ADMIN_ADDR", unset(c.tracking.admin_addr.is_some())),
        ("RJ_SECURITY_CONTACT", unset(c.security.contact.is_some())),
        ("grace_days", (pacing.ack_grace.as_secs() / day).to_string()),
        (
            "retention_warning_days",
            (pacing.retention_warning.as_secs() / day).to_string(),
        ),
        (
            "session_idle_minutes",
            (rj::staff::session::IDLE_SECONDS / 60).to_string(),
        ),
        (
            "session_absolute_hours",
            (rj::staff::session::ABSOLUTE_SECONDS / 3600).to_string(),
        ),
        (
            "invitation_hours",
            (rj::staff::INVITATION_SECONDS / 3600).to_string(),
        ),
        ("handoff_minutes", rj::site::HANDOFF_MINUTES.to_string()),
        (
            "client_limit_minutes",
            rj::site::CLIENT_LIMIT_MINUTES.to_string(),
        ),
        ("sign_in_failures", state.sign_in_limit.max().to_string()),
        (
            "sign_in_window_minutes",
            (state.sign_in_limit.window_seconds() / 60).to_string(),
        ),
        (
            "security_txt_expires_days",
            rj::server::config::SECURITY_EXPIRES_DAYS.to_string(),
        ),
        ("hsts_max_age", hsts_max_age),
        (
            "alert_kinds",
            rj::outbox::alerts::AlertKind::ALL
                .map(|k| k.as_str())
                .join(", "),
        ),
    ]
}

/// The markers `NAME = VALUE` in `text` that disagree with `facts`, or name no fact.
fn marker_problems(page: &str, text: &str, facts: &[(&str, String)]) -> Vec<String> {
    let marker = regex::Regex::new(r"^([A-Za-z][A-Za-z0-9_]*) = (.+)$").unwrap();
    let mut problems = Vec::new();
    for span in spans(text) {
        let Some(m) = marker.captures(&span) else {
            continue;
        };
        let (name, value) = (&m[1], m[2].trim());
        match facts.iter().find(|(n, _)| *n == name) {
            Some((_, code)) if code == value => {}
            Some((_, code)) => problems.push(format!(
                "{page}: `{name} = {value}`, but the code says {code}"
            )),
            // A routing file's `delivery = "email"` is an example, not a fact; a name
            // like a setting's, or a number, must be one the test knows.
            None if name.starts_with("RJ_") || value.starts_with(|c: char| c.is_ascii_digit()) => {
                problems.push(format!("{page}: `{span}` names no fact the test knows"))
            }
            None => {}
        }
    }
    problems
}

#[tokio::test]
async fn every_number_the_documents_quote_is_the_codes() {
    let facts = facts().await;
    let mut problems = Vec::new();
    let mut quoted = std::collections::BTreeSet::new();
    for (page, text) in documents() {
        problems.extend(marker_problems(&page, &text, &facts));
        for span in spans(&text) {
            if let Some((name, _)) = span.split_once(" = ") {
                quoted.insert(name.to_string());
            }
        }
    }
    // Each fact is quoted somewhere, so a fact cannot drift out of the pack unseen.
    for (name, _) in &facts {
        if !quoted.contains(*name) {
            problems.push(format!("no page quotes `{name} = …`"));
        }
    }
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[tokio::test]
async fn a_changed_number_is_caught() {
    let facts = facts().await;
    let text = "Kept `RJ_RETENTION_DAYS = 31` days, `grace_days = 3` days, `RJ_MADE_UP = 1`, \
                `delivery = \"email\"`.\n```\n`RJ_RETENTION_DAYS = 99`\n```\n";
    let problems = marker_problems("example.md", text, &facts);
    assert_eq!(problems.len(), 2, "{problems:?}");
    assert!(problems[0].contains("RJ_RETENTION_DAYS = 31") && problems[0].contains("30"));
    assert!(problems[1].contains("RJ_MADE_UP"));
}

/// The tests a document names (`tests/app/x.rs::name`, `src/…::name`,
/// `end2end/tests/x.spec.ts::title`) that do not exist.
fn missing_tests(text: &str) -> (usize, Vec<String>) {
    let mut named = 0;
    let mut missing = Vec::new();
    for span in spans(text) {
        let Some((path, name)) = span.split_once("::") else {
            continue;
        };
        let is_test_file = ["tests/", "src/", "end2end/"]
            .iter()
            .any(|root| path.starts_with(root))
            && (path.ends_with(".rs") || path.ends_with(".ts"));
        if !is_test_file {
            continue;
        }
        named += 1;
        let source = std::fs::read_to_string(path).unwrap_or_default();
        let found = if path.ends_with(".rs") {
            source.contains(&format!("fn {name}(")) && source.contains("#[")
        } else {
            source.contains(name)
        };
        if !found {
            missing.push(span.clone());
        }
    }
    (named, missing)
}

#[test]
fn every_test_the_documents_name_exists() {
    let mut missing = Vec::new();
    for (page, text) in documents() {
        let (named, gone) = missing_tests(&text);
        if page.ends_with("dpia.md") {
            assert!(named >= 30, "the DPIA names its tests: {named}");
        }
        missing.extend(gone.into_iter().map(|t| format!("{page}: {t}")));
    }
    assert!(missing.is_empty(), "named but not found: {missing:?}");
    // The check itself finds a test that is not there.
    let (named, gone) = missing_tests("`tests/app/staff.rs::no_such_test` `src/keys.rs::nor_this`");
    assert_eq!((named, gone.len()), (2, 2));
}

#[test]
fn every_relative_link_in_the_pack_reaches_a_file() {
    let link = regex::Regex::new(r"\]\(([^)#\s]+)(#[^)]*)?\)").unwrap();
    let mut broken = Vec::new();
    let readme = std::fs::read_to_string("docs/operators/README.md").unwrap();
    for (page, text) in documents() {
        let name = page.rsplit('/').next().unwrap();
        if name != "README.md" && !readme.contains(&format!("]({name})")) {
            broken.push(format!(
                "{page} is not linked from docs/operators/README.md"
            ));
        }
        for c in link.captures_iter(&text) {
            let target = &c[1];
            if !target.contains(':')
                && !std::path::Path::new("docs/operators").join(target).exists()
            {
                broken.push(format!("{page} → {target}"));
            }
        }
    }
    assert!(broken.is_empty(), "{broken:?}");
}

/// Plain English: the prose of each page (not its tables, lists of settings or code)
/// scores at least 60 on the Flesch reading ease, as the site's own pages do.
#[test]
fn the_pack_is_plain_english() {
    let code = regex::Regex::new(r"`[^`]*`").unwrap();
    let target = regex::Regex::new(r"\]\([^)]*\)").unwrap();
    let mut failures = Vec::new();
    for (page, text) in documents() {
        let sentences: String = prose(&text)
            .lines()
            .filter(|l| !l.starts_with('|') && !l.starts_with('#'))
            .map(|l| {
                // Code spans and link targets are names, not words a reader reads.
                let l = code.replace_all(l, "it");
                target.replace_all(&l, "]").to_string()
            })
            .collect::<Vec<_>>()
            .join("\n");
        let (score, words, ..) = crate::readability::flesch(&sentences);
        println!("{page:<50} {score:>6.1} {words:>6}");
        if score < 60.0 {
            failures.push(format!("{page}: {score:.1}"));
        }
    }
    assert!(
        failures.is_empty(),
        "Flesch reading ease too low: {failures:?}"
    );
}

#[test]
fn check_config_says_whether_security_txt_is_served_and_warns_when_it_has_expired() {
    let dir = tempfile::tempdir().unwrap();
    let run = |extra: &[(&str, &str)]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_rj"))
            .arg("check-config")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env(
                "RJ_DATABASE_URL",
                format!("sqlite://{}/rj.db", dir.path().display()),
            )
            .env("RJ_MAIL_DIR", dir.path().join("mail"))
            .env("RUST_LOG", "error")
            .envs(extra.iter().copied())
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).to_string()
    };
    let said = run(&[]);
    assert!(said.contains("security.txt: not served"), "{said}");
    let said = run(&[
        ("RJ_SECURITY_CONTACT", "mailto:security@example.org"),
        ("RJ_SECURITY_EXPIRES", "2020-01-31"),
    ]);
    assert!(
        said.contains(
            "security.txt: served, Contact mailto:security@example.org, Expires 2020-01-31"
        ),
        "{said}"
    );
    assert!(said.contains("WARNING: RJ_SECURITY_EXPIRES (2020-01-31) has passed"));
}

//! The pull API for case systems (`/api/v1/`, docs/api.md), through the real router and
//! database on SQLite and PostgreSQL, and end to end with the real binary: every body it
//! answers is checked against the published JSON Schema (`docs/api/referral.schema.json`,
//! with the `jsonschema` crate); a key sees only its area's direct requests (another
//! area's reference is the same 404 as a made-up one); a revoked key is the same 401 as a
//! made-up one; the per-key limit answers 429 with `Retry-After`; receipt, contacted and
//! closed are recorded as the inbox records them, and audited as the key.

use crate::common::{self, send, text};
use axum::Router;
use axum::body::Body;
use http::{Request, StatusCode, header};
use rj::areas::directory::{Audience, Routed, Via};
use rj::calendar::Clock;
use rj::referral::fields::{Answer3, ContactMethod, Relationship};
use rj::referral::form::Referral;
use rj::referral::reference::Reference;
use rj::server::AppState;
use rj::staff::api_key::{ApiKey, KeyScope};
use serde_json::{Value, json};

const NOW: i64 = 1_796_000_000;
const SCHEMA: &str = "docs/api/referral.schema.json";

/// Checks `body` against the published schema: the whole file for one request,
/// `$defs/list` for a list, `$defs/error` for a refusal.
fn valid(kind: &str, body: &Value) {
    let errors = schema_errors(kind, body);
    assert!(
        errors.is_empty(),
        "{kind} against {SCHEMA}: {errors:?}\n{body:#}"
    );
}

/// What the published schema finds wrong with `body` as a `kind`.
fn schema_errors(kind: &str, body: &Value) -> Vec<String> {
    let root: Value = serde_json::from_str(&std::fs::read_to_string(SCHEMA).unwrap()).unwrap();
    let id = root["$id"].as_str().unwrap().to_string();
    let registry = jsonschema::Registry::new()
        .add(&id, root)
        .unwrap()
        .prepare()
        .unwrap();
    let wanted = match kind {
        "item" => json!({ "$ref": id }),
        defs => json!({ "$ref": format!("{id}#/$defs/{defs}") }),
    };
    let validator = jsonschema::options()
        .with_registry(&registry)
        .build(&wanted)
        .expect("the published schema compiles");
    validator
        .iter_errors(body)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect()
}

#[test]
fn the_published_schema_refuses_what_the_api_must_never_send() {
    let good = json!({
        "schema": "rj-referral/1",
        "reference": "RJ-4K7P-Q2MB",
        "youth_justice": null,
        "police_area": {"code": "E23000032", "slug": "kent", "name": "Kent"},
        "acknowledge_url": "https://rj.example.org/refer/confirm/RJ-4K7P-Q2MB/x",
        "referral": null
    });
    assert!(schema_errors("item", &good).is_empty());
    let mut missing = good.clone();
    missing.as_object_mut().unwrap().remove("reference");
    let mut extra = good.clone();
    extra["password"] = json!("x");
    let mut bad_state = good.clone();
    bad_state["state"] = json!("passed-on");
    for bad in [missing, extra, bad_state] {
        assert!(!schema_errors("item", &bad).is_empty(), "{bad}");
    }
    let list = json!({"schema": "rj-api-requests/1", "state": "waiting", "requests": [good], "next": null});
    // A list's requests carry their progress.
    assert!(!schema_errors("list", &list).is_empty());
    assert!(
        schema_errors(
            "error",
            &json!({"error": {"code": "not-found", "message": "x"}})
        )
        .is_empty()
    );
    assert!(
        !schema_errors(
            "error",
            &json!({"error": {"code": "teapot", "message": "x"}})
        )
        .is_empty()
    );
}

fn referral(area: &str, name: &str) -> Referral {
    Referral {
        area: area.into(),
        relationship: Relationship::Harmed,
        full_name: name.into(),
        contact_method: ContactMethod::Phone,
        phone: Some("07700 900456".into()),
        email: None,
        voicemail_ok: true,
        say_rj_ok: false,
        safe_times: Some("Weekday mornings".into()),
        contact_language: rj::referral::form::ContactLanguage::Cy,
        reported: Answer3::Yes,
        crime_reference: None,
        responsible_under_18: Answer3::Yes,
        support_needs: None,
        message: Some("Diolch – ŵ ŷ".into()),
        confirmation_email: false,
    }
}

/// Kent's and Essex's requests go straight to their services, everything else to
/// triage; on `database` (SQLite when `None`), with a clock the test sets.
async fn site(database: Option<&str>, more: &[(&str, &str)]) -> (Router, AppState) {
    let dir = tempfile::tempdir().unwrap().keep();
    let routing = dir.join("routing.toml");
    std::fs::write(
        &routing,
        "[[route]]\narea = \"kent\"\nemail = \"kent@referrals.example.org\"\n\n\
         [[route]]\narea = \"essex\"\nemail = \"essex@referrals.example.org\"\n",
    )
    .unwrap();
    let routing = routing.display().to_string();
    let mut vars = vec![
        ("RJ_ROUTING", routing.as_str()),
        ("RJ_PUBLIC_URL", "http://localhost:3000"),
    ];
    vars.extend_from_slice(more);
    if let Some(url) = database {
        vars.push(("RJ_DATABASE_URL", url));
    }
    let mut state = common::state_with(&vars).await;
    state.clock = Clock::manual(NOW);
    (rj::server::router(state.clone()), state)
}

async fn request(state: &AppState, area: &str, via: Via, audience: Audience, n: u32) -> Reference {
    let reference = state
        .store
        .insert(
            &format!("key-{area}-{n}"),
            &referral(area, &format!("Person {n}")),
            NOW - 86_400 + i64::from(n),
            rand::random,
        )
        .await
        .unwrap();
    state
        .store
        .record_route(reference, Routed { via, audience })
        .await
        .unwrap();
    reference
}

/// A stored key for `area`: its text, and its id.
async fn key(state: &AppState, area: &str, audience: Audience) -> (String, i64) {
    let key = ApiKey::generate();
    let id = state
        .store
        .create_api_key(
            &key.hash(),
            &KeyScope::new(area, audience),
            "Case system",
            NOW,
        )
        .await
        .unwrap();
    (key.reveal().to_string(), id)
}

struct Answer {
    status: StatusCode,
    headers: http::HeaderMap,
    body: Value,
}

async fn call(app: &Router, method: &str, path: &str, key: Option<&str>, body: &str) -> Answer {
    let mut req = Request::builder().method(method).uri(path);
    if let Some(key) = key {
        req = req.header(header::AUTHORIZATION, format!("Bearer {key}"));
    }
    if !body.is_empty() {
        req = req.header(header::CONTENT_TYPE, "application/json");
    }
    let res = send(app, req.body(Body::from(body.to_string())).unwrap()).await;
    let status = res.status();
    let headers = res.headers().clone();
    let raw = text(res).await;
    let body = if raw.is_empty() {
        Value::Null
    } else {
        serde_json::from_str(&raw).unwrap_or_else(|_| panic!("{path}: not JSON: {raw}"))
    };
    // Every answer: no cache keeps it, no search engine lists it.
    assert_eq!(headers[header::CACHE_CONTROL], "no-store", "{path}");
    assert_eq!(headers["x-robots-tag"], "noindex", "{path}");
    match status {
        StatusCode::NO_CONTENT => assert_eq!(body, Value::Null),
        s if s.is_success() && path.contains("/requests/") => valid("item", &body),
        s if s.is_success() => valid("list", &body),
        _ => valid("error", &body),
    }
    Answer {
        status,
        headers,
        body,
    }
}

async fn get(app: &Router, path: &str, key: Option<&str>) -> Answer {
    call(app, "GET", path, key, "").await
}

async fn post(app: &Router, path: &str, key: &str, body: &str) -> Answer {
    call(app, "POST", path, Some(key), body).await
}

fn references(list: &Value) -> Vec<String> {
    list["requests"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["reference"].as_str().unwrap().to_string())
        .collect()
}

async fn scoped_and_recorded(database: Option<&str>) {
    let (app, state) = site(database, &[]).await;
    let kent = request(&state, "kent", Via::Direct, Audience::All, 1).await;
    let kent_youth = request(&state, "kent", Via::Direct, Audience::Youth, 2).await;
    let kent_triage = request(&state, "kent", Via::Triage, Audience::All, 3).await;
    let essex = request(&state, "essex", Via::Direct, Audience::All, 4).await;
    let (k, kent_id) = key(&state, "kent", Audience::All).await;
    let (youth, _) = key(&state, "kent", Audience::Youth).await;

    // The key's waiting requests, newest first, in the referral.json shape.
    let list = get(&app, "/api/v1/requests", Some(&k)).await;
    assert_eq!(list.status, StatusCode::OK);
    assert_eq!(references(&list.body), [kent.to_string()]);
    assert_eq!(list.body["next"], Value::Null);
    let item = &list.body["requests"][0];
    assert_eq!(item["schema"], "rj-referral/1");
    assert_eq!(item["referral"]["full_name"], "Person 1");
    assert_eq!(item["referral"]["message"], "Diolch – ŵ ŷ");
    assert_eq!(item["youth_justice"], true);
    assert_eq!(item["police_area"]["slug"], "kent");
    assert_eq!(item["state"], "waiting");
    let youth_list = get(&app, "/api/v1/requests", Some(&youth)).await;
    assert_eq!(references(&youth_list.body), [kent_youth.to_string()]);

    // Another area's, another audience's and triage's requests: the same 404 as a
    // reference nobody was given.
    let made_up = get(&app, "/api/v1/requests/RJ-0000-0000", Some(&k)).await;
    assert_eq!(made_up.status, StatusCode::NOT_FOUND);
    for other in [essex, kent_youth, kent_triage] {
        let res = get(&app, &format!("/api/v1/requests/{other}"), Some(&k)).await;
        assert_eq!((res.status, &res.body), (made_up.status, &made_up.body));
        let res = post(&app, &format!("/api/v1/requests/{other}/receipt"), &k, "").await;
        assert_eq!((res.status, &res.body), (made_up.status, &made_up.body));
    }
    assert!(
        state
            .store
            .find(essex)
            .await
            .unwrap()
            .unwrap()
            .acknowledged_at
            .is_none()
    );

    // No key, a made-up key, a malformed one and a revoked one: the same 401.
    let (revoked, revoked_id) = key(&state, "kent", Audience::All).await;
    assert_eq!(
        get(&app, "/api/v1/requests", Some(&revoked)).await.status,
        StatusCode::OK
    );
    state.store.revoke_api_key(revoked_id, NOW).await.unwrap();
    let none = get(&app, "/api/v1/requests", None).await;
    assert_eq!(none.status, StatusCode::UNAUTHORIZED);
    assert_eq!(none.body["error"]["code"], "unauthorized");
    let made_up_key = ApiKey::generate();
    for wrong in [made_up_key.reveal(), "rjk_short", &revoked] {
        for path in ["/api/v1/requests", &format!("/api/v1/requests/{kent}")] {
            let res = get(&app, path, Some(wrong)).await;
            assert_eq!((res.status, &res.body), (none.status, &none.body), "{path}");
        }
    }

    // One request, then receipt, contacted and closed, as the inbox records them.
    let page = format!("/api/v1/requests/{kent}");
    let one = get(&app, &page, Some(&k)).await;
    assert_eq!(one.body, list.body["requests"][0]);
    assert_eq!(
        post(&app, &format!("{page}/receipt"), &k, "").await.status,
        StatusCode::NO_CONTENT
    );
    let stored = state.store.find(kent).await.unwrap().unwrap();
    assert_eq!(stored.acknowledged_at, Some(NOW));
    assert!(references(&get(&app, "/api/v1/requests", Some(&k)).await.body).is_empty());
    let received = get(&app, "/api/v1/requests?state=received", Some(&k)).await;
    assert_eq!(references(&received.body), [kent.to_string()]);
    assert_eq!(
        received.body["requests"][0]["received"],
        "2026-11-30T00:53:20Z"
    );
    assert_eq!(
        post(&app, &format!("{page}/contacted"), &k, "")
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    for bad in ["", "{}", r#"{"outcome": "made-up"}"#, "outcome=indirect"] {
        let res = post(&app, &format!("{page}/closed"), &k, bad).await;
        assert_eq!(res.status, StatusCode::BAD_REQUEST, "{bad}");
        assert_eq!(res.body["error"]["code"], "bad-outcome");
    }
    assert_eq!(
        post(
            &app,
            &format!("{page}/closed"),
            &k,
            r#"{"outcome": "indirect"}"#
        )
        .await
        .status,
        StatusCode::NO_CONTENT
    );
    let row = state.store.inbox_request(kent).await.unwrap().unwrap();
    assert_eq!(row.state, rj::staff::InboxState::Closed);
    assert_eq!(row.outcome, Some(rj::staff::Outcome::Indirect));
    // Closed: nothing more can be recorded.
    for action in ["receipt", "contacted"] {
        let res = post(&app, &format!("{page}/{action}"), &k, "").await;
        assert_eq!(res.status, StatusCode::CONFLICT);
        assert_eq!(res.body["error"]["code"], "not-open");
    }
    let closed = get(&app, "/api/v1/requests?state=closed", Some(&k)).await;
    assert_eq!(closed.body["requests"][0]["outcome"], "indirect");
    // Words the API does not know.
    let res = get(&app, "/api/v1/requests?state=passed-on", Some(&k)).await;
    assert_eq!(
        (res.status, res.body["error"]["code"].as_str()),
        (StatusCode::BAD_REQUEST, Some("bad-state"))
    );
    let res = post(&app, &format!("{page}/delete"), &k, "").await;
    assert_eq!(res.status, StatusCode::NOT_FOUND);
    assert_eq!(
        get(&app, "/api/v1/other", Some(&k)).await.status,
        StatusCode::NOT_FOUND
    );
    let res = get(&app, &format!("{page}/receipt"), Some(&k)).await;
    assert_eq!(res.status, StatusCode::METHOD_NOT_ALLOWED);
    assert_eq!(res.body["error"]["code"], "wrong-method");
    assert_eq!(
        post(&app, "/api/v1/requests", &k, "").await.status,
        StatusCode::METHOD_NOT_ALLOWED
    );
    // Without a working key, every address and method is the same 401.
    assert_eq!(
        call(&app, "DELETE", &page, None, "").await.status,
        StatusCode::UNAUTHORIZED
    );

    // Audited as the key: what it read and recorded, and what it was refused.
    let actor = format!("api-key:{kent_id} Case system");
    let rows = state.store.audit_rows(0, i64::MAX, 10_000).await.unwrap();
    let by_key: Vec<(String, Option<String>)> = rows
        .iter()
        .filter(|r| r.actor.as_deref() == Some(actor.as_str()))
        .map(|r| (r.action.clone(), r.reference.clone()))
        .collect();
    let kent_ref = Some(kent.to_string());
    for wanted in [
        ("api-listed".to_string(), None),
        ("viewed".to_string(), kent_ref.clone()),
        ("received".to_string(), kent_ref.clone()),
        ("contacted".to_string(), kent_ref.clone()),
        ("closed".to_string(), kent_ref.clone()),
        ("api-refused".to_string(), Some(essex.to_string())),
        ("api-refused".to_string(), kent_ref.clone()),
    ] {
        assert!(by_key.contains(&wanted), "{wanted:?} in {by_key:?}");
    }
    // Refusals without a working key are audited with no actor, never the key.
    assert!(rows.iter().any(|r| r.action == "api-refused"
        && r.actor.is_none()
        && r.detail.as_deref() == Some("401 unauthorized")));
    assert!(
        rows.iter()
            .all(|r| !format!("{r:?}").contains(&revoked[4..])
                && !format!("{r:?}").contains(&k[4..]))
    );
}

#[tokio::test]
async fn a_key_pulls_and_records_only_its_services_requests_on_sqlite() {
    scoped_and_recorded(None).await;
}

#[tokio::test]
async fn a_key_pulls_and_records_only_its_services_requests_on_postgres() {
    let Some(server) = common::postgres::server() else {
        return;
    };
    scoped_and_recorded(Some(&server.new_database("api_v1"))).await;
}

async fn paged(database: Option<&str>) {
    let (app, state) = site(database, &[]).await;
    let mut made = Vec::new();
    for n in 0..205 {
        made.push(
            request(&state, "kent", Via::Direct, Audience::All, n)
                .await
                .to_string(),
        );
    }
    let (k, _) = key(&state, "kent", Audience::All).await;
    let mut seen = Vec::new();
    let mut path = "/api/v1/requests?state=waiting".to_string();
    let mut pages = 0;
    loop {
        let page = get(&app, &path, Some(&k)).await;
        assert_eq!(page.status, StatusCode::OK);
        pages += 1;
        seen.extend(references(&page.body));
        match page.body["next"].as_str() {
            Some(next) => path = next.to_string(),
            None => break,
        }
    }
    assert_eq!(pages, 3);
    made.reverse();
    assert_eq!(seen, made, "newest first, each once");
    // A cursor this key's list could not have given: refused, whether it exists or not.
    let essex = request(&state, "essex", Via::Direct, Audience::All, 999).await;
    for cursor in [essex.to_string(), "RJ-0000-0000".into(), "nonsense".into()] {
        let res = get(&app, &format!("/api/v1/requests?after={cursor}"), Some(&k)).await;
        assert_eq!(
            (res.status, res.body["error"]["code"].as_str()),
            (StatusCode::BAD_REQUEST, Some("bad-cursor")),
            "{cursor}"
        );
    }
}

#[tokio::test]
async fn the_list_is_paged_by_100_with_a_next_cursor_on_sqlite() {
    paged(None).await;
}

#[tokio::test]
async fn the_list_is_paged_by_100_with_a_next_cursor_on_postgres() {
    let Some(server) = common::postgres::server() else {
        return;
    };
    paged(Some(&server.new_database("api_v1_pages"))).await;
}

#[tokio::test]
async fn each_key_has_its_own_hourly_limit() {
    let (app, state) = site(None, &[("RJ_API_LIMIT_PER_HOUR", "3")]).await;
    let (a, _) = key(&state, "kent", Audience::All).await;
    let (b, _) = key(&state, "kent", Audience::All).await;
    for _ in 0..3 {
        assert_eq!(
            get(&app, "/api/v1/requests", Some(&a)).await.status,
            StatusCode::OK
        );
    }
    let held = get(&app, "/api/v1/requests", Some(&a)).await;
    assert_eq!(held.status, StatusCode::TOO_MANY_REQUESTS);
    assert_eq!(held.body["error"]["code"], "rate-limited");
    let wait: i64 = held.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!((1..=3601).contains(&wait), "{wait}");
    // Another key is not held back by the first one's calls.
    assert_eq!(
        get(&app, "/api/v1/requests", Some(&b)).await.status,
        StatusCode::OK
    );
    // Once the wait it was told is over, the key may call again.
    state.clock.advance(wait);
    assert_eq!(
        get(&app, "/api/v1/requests", Some(&a)).await.status,
        StatusCode::OK
    );
    // Calls without a working key are counted per network, so guessing is held back too.
    for _ in 0..3 {
        assert_eq!(
            get(&app, "/api/v1/requests", None).await.status,
            StatusCode::UNAUTHORIZED
        );
    }
    assert_eq!(
        get(&app, "/api/v1/requests", None).await.status,
        StatusCode::TOO_MANY_REQUESTS
    );
}

// ---- the real binary -------------------------------------------------------------

struct Site(std::process::Child);

impl Drop for Site {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn rj_env(cmd: &mut std::process::Command, dir: &std::path::Path, port: u16) {
    std::fs::write(
        dir.join("routing.toml"),
        "[[route]]\narea = \"kent\"\nemail = \"kent@referrals.example.org\"\n",
    )
    .unwrap();
    cmd.env(
        "RJ_DATABASE_URL",
        format!("sqlite://{}/rj.db", dir.display()),
    )
    .env("RJ_MAIL_DIR", dir.join("mail"))
    .env("RJ_ROUTING", dir.join("routing.toml"))
    .env("RJ_PUBLIC_URL", format!("http://localhost:{port}"))
    .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
    .env("RJ_SECRET", "a-test-secret-that-is-long-enough-api")
    .env(
        "RJ_DATA_KEY",
        "dGhlLXRlc3RzLWRhdGEta2V5LTMyLWJ5dGVzLWxvbmc=",
    )
    .env("RJ_MIN_FILL_SECONDS", "0")
    .env("RUST_LOG", "warn");
}

fn token_in(page: &str) -> String {
    let pattern = "name=\"token\" value=\"";
    let at = page.find(pattern).expect("a form token") + pattern.len();
    page[at..at + page[at..].find('"').unwrap()].to_string()
}

#[tokio::test]
async fn end_to_end_with_the_real_binary_a_key_pulls_a_request_and_its_receipt_shows_on_the_status_page()
 {
    let dir = tempfile::tempdir().unwrap();
    let port = common::smtp::free_port();
    let rj = env!("CARGO_BIN_EXE_rj");

    // The operator makes a key: shown once, on the last line.
    let mut create = std::process::Command::new(rj);
    create.args([
        "api-key",
        "create",
        "--service",
        "kent",
        "--name",
        "Case system",
    ]);
    rj_env(&mut create, dir.path(), port);
    let out = create.output().unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let said = String::from_utf8(out.stdout).unwrap();
    let key = said.lines().last().unwrap().to_string();
    assert!(key.starts_with("rjk_") && key.len() == 47, "{said}");
    let mut list = std::process::Command::new(rj);
    list.args(["api-key", "list"]);
    rj_env(&mut list, dir.path(), port);
    let listed = String::from_utf8(list.output().unwrap().stdout).unwrap();
    assert!(listed.contains("\tkent\tall\tCase system\t"), "{listed}");
    assert!(!listed.contains(&key[4..]), "the list never shows a key");

    let mut serve = std::process::Command::new(rj);
    rj_env(&mut serve, dir.path(), port);
    let log = dir.path().join("site.log");
    serve
        .stdout(std::fs::File::create(&log).unwrap())
        .stderr(std::fs::File::create(dir.path().join("site.err")).unwrap());
    let _site = Site(serve.spawn().unwrap());
    let base = format!("http://127.0.0.1:{port}");
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    common::wait::eventually("the site to start", || {
        let http = http.clone();
        let url = format!("{base}/healthz");
        async move {
            http.get(url)
                .send()
                .await
                .map(drop)
                .map_err(|e| e.to_string())
        }
    })
    .await;

    // A person sends a request for Kent through the public form.
    let form = http.get(format!("{base}/refer")).send().await.unwrap();
    let token = token_in(&form.text().await.unwrap());
    let body = format!(
        "token={token}&action=send&area=kent&relationship=harmed&full_name=Api+Person\
         &contact_method=phone&phone=07700+900789&email=&voicemail_ok=no&say_rj_ok=no\
         &safe_times=&contact_language=en&reported=yes&crime_reference=&responsible_under_18=no\
         &message=&consent=yes&confirmation_email=no"
    );
    let sent = http
        .post(format!("{base}/refer"))
        .header("sec-fetch-site", "same-origin")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(body)
        .send()
        .await
        .unwrap();
    assert_eq!(sent.status(), 303);

    // The case system pulls it…
    let pulled = http
        .get(format!("{base}/api/v1/requests"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(pulled.status(), 200);
    assert_eq!(pulled.headers()[header::CACHE_CONTROL], "no-store");
    let pulled: Value = pulled.json().await.unwrap();
    valid("list", &pulled);
    assert_eq!(
        pulled["requests"].as_array().unwrap().len(),
        1,
        "{pulled:#}"
    );
    assert_eq!(pulled["requests"][0]["referral"]["full_name"], "Api Person");
    let reference = pulled["requests"][0]["reference"]
        .as_str()
        .unwrap()
        .to_string();

    // …and records its receipt.
    let receipt = http
        .post(format!("{base}/api/v1/requests/{reference}/receipt"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(receipt.status(), 204);

    // The person's status page for that reference says the service has it.
    let status_path = rj::i18n::Page::Status.path(rj::i18n::Lang::En);
    let looked = http
        .post(format!("{base}{status_path}"))
        .header("sec-fetch-site", "same-origin")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(format!("reference={reference}"))
        .send()
        .await
        .unwrap();
    assert_eq!(looked.status(), 303);
    let location = looked.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    let page = http
        .get(format!("{base}{location}"))
        .send()
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    let shown = common::text::main_text(&page);
    assert!(shown.contains("Received:"), "{shown}");
    assert!(shown.contains("has your request"), "{shown}");

    // A revoked key is refused from then on.
    let mut revoke = std::process::Command::new(rj);
    revoke.args(["api-key", "revoke", "1"]);
    rj_env(&mut revoke, dir.path(), port);
    assert!(revoke.output().unwrap().status.success());
    let listed = String::from_utf8(list.output().unwrap().stdout).unwrap();
    let row = listed.lines().find(|l| l.starts_with("1\t")).unwrap();
    let cells: Vec<&str> = row.split('\t').collect();
    assert_eq!(cells.len(), 7, "{row}");
    assert!(
        cells[5].ends_with('Z') && cells[6].ends_with('Z'),
        "used and revoked: {row}"
    );
    let refused = http
        .get(format!("{base}/api/v1/requests"))
        .bearer_auth(&key)
        .send()
        .await
        .unwrap();
    assert_eq!(refused.status(), 401);
    valid("error", &refused.json().await.unwrap());
    // Nothing the person typed reached the site's log.
    let logged = std::fs::read_to_string(&log).unwrap_or_default()
        + &std::fs::read_to_string(dir.path().join("site.err")).unwrap_or_default();
    assert!(
        !logged.contains("Api Person") && !logged.contains("07700"),
        "{logged}"
    );
    assert!(!logged.contains(&key[4..]), "the key is never logged");
}

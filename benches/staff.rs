//! The staff inbox under a full database: the list page with 100,000 stored requests, and
//! opening one request (read, decrypt and render its answers), through the real router
//! and SQLite, as a signed-in triage member. Prints p50, p99 and the worst of each.
//! Targets (issue 23): list p99 under 50 ms, one request p99 under 20 ms.
//! Run: `cargo bench --bench staff` (REQUESTS=… to change the 100,000).

use axum::body::Body;
use http::{Request, StatusCode, header};
use rj::areas::directory::{Audience, Routed, Via};
use rj::referral::fields::{Answer3, ContactMethod, Relationship};
use rj::referral::form::{ContactLanguage, Referral};
use rj::referral::reference::Reference;
use rj::server::config::Config;
use rj::server::{AppState, router};
use rj::staff::{Role, Roles, session};
use std::time::{Duration, Instant};
use tower::ServiceExt;

fn referral(n: u64) -> Referral {
    Referral {
        area: "essex".into(),
        relationship: Relationship::Family,
        full_name: format!("Person {n}"),
        contact_method: ContactMethod::Phone,
        phone: Some("07700 900123".into()),
        email: None,
        voicemail_ok: true,
        say_rj_ok: false,
        safe_times: Some("Weekday evenings".into()),
        contact_language: ContactLanguage::En,
        reported: Answer3::Yes,
        crime_reference: Some("CR-1".into()),
        responsible_under_18: Answer3::No,
        support_needs: None,
        message: Some("I would like to talk about what happened.".into()),
        confirmation_email: false,
    }
}

fn percentiles(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |p: f64| times[((times.len() as f64 * p) as usize).min(times.len() - 1)];
    println!(
        "{name}: n={} p50={:.2} ms p99={:.2} ms max={:.2} ms",
        times.len(),
        at(0.50).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3
    );
}

#[tokio::main(flavor = "multi_thread", worker_threads = 2)]
async fn main() {
    let total: u64 = std::env::var("REQUESTS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}/rj.db", dir.path().display());
    let vars = [
        ("RJ_DATABASE_URL", db.clone()),
        ("RJ_MAIL_DIR", dir.path().join("mail").display().to_string()),
        ("RJ_PUBLIC_URL", "http://localhost:3000".into()),
    ];
    let config = Config::from_lookup("127.0.0.1:3000".parse().unwrap(), |name| {
        vars.iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.clone())
    })
    .unwrap();
    let state = AppState::load(config).await.unwrap();
    let app = router(state.clone());
    let now = rj::calendar::unix_now();

    // A few real requests through the store (sealed as the site seals them) to open...
    let mut real = Vec::new();
    for n in 0..200 {
        let r = state
            .store
            .insert(&format!("real-{n}"), &referral(n), now - 3600, rand::random)
            .await
            .unwrap();
        state
            .store
            .record_route(
                r,
                Routed {
                    via: Via::Triage,
                    audience: Audience::All,
                },
            )
            .await
            .unwrap();
        real.push(r);
    }
    // ...and the rest written straight into the table in one transaction (fast), older,
    // with no answers held: the list reads no answers.
    let started = Instant::now();
    let pool = sqlx::SqlitePool::connect(&db).await.unwrap();
    let mut tx = pool.begin().await.unwrap();
    for n in 0..total.saturating_sub(200) {
        let reference = Reference::generate(rand::random).to_string();
        sqlx::query(
            "INSERT INTO referrals (reference, idempotency_key, area, status, service_sent,
                 next_attempt_at, created_at, route, audience, acknowledged_at)
             VALUES ($1, $2, $3, 'sent', 1, 0, $4, 'triage', 'all', $5)",
        )
        .bind(&reference)
        .bind(format!("bulk-{n}"))
        .bind(["essex", "kent", "dyfed-powys", "merseyside"][(n % 4) as usize])
        .bind(now - 7200 - n as i64)
        .bind((n % 3 == 0).then_some(now - 60))
        .execute(&mut *tx)
        .await
        .unwrap();
    }
    tx.commit().await.unwrap();
    pool.close().await;
    println!(
        "stored {total} requests in {:.1} s",
        started.elapsed().as_secs_f64()
    );

    let id = state
        .store
        .invite(
            "triage@example.org",
            &Roles::new(vec![Role::Triage]),
            &[],
            "bench-invitation",
            now,
            now + 3600,
        )
        .await
        .unwrap();
    let token = session::new_token();
    state
        .store
        .start_session(&session::hash(&token), id, now)
        .await
        .unwrap();
    let cookie = format!("{}={token}", session::COOKIE);
    let get = |path: String| {
        let app = app.clone();
        let cookie = cookie.clone();
        async move {
            let req = Request::get(path)
                .header(header::COOKIE, cookie)
                .body(Body::empty())
                .unwrap();
            let start = Instant::now();
            let res = app.oneshot(req).await.unwrap();
            assert_eq!(res.status(), StatusCode::OK);
            let _ = axum::body::to_bytes(res.into_body(), usize::MAX)
                .await
                .unwrap();
            start.elapsed()
        }
    };
    let paths = [
        "/staff".to_string(),
        "/staff?state=waiting".to_string(),
        "/staff?state=received&area=kent".to_string(),
        "/staff/cy?area=dyfed-powys".to_string(),
    ];
    // Each list must be a full page of 50 rows, or the timings below measure nothing.
    for p in &paths {
        let req = Request::get(p.as_str())
            .header(header::COOKIE, cookie.clone())
            .body(Body::empty())
            .unwrap();
        let res = app.clone().oneshot(req).await.unwrap();
        let body = axum::body::to_bytes(res.into_body(), usize::MAX)
            .await
            .unwrap();
        let body = String::from_utf8_lossy(&body);
        let rows = body.matches("/requests/").count() + body.matches("/ceisiadau/").count();
        assert_eq!(rows, 50, "{p} lists {rows} requests, not a full page");
    }
    let mut list = Vec::new();
    for i in 0..400 {
        list.push(get(paths[i % paths.len()].clone()).await);
    }
    percentiles(&format!("staff list (50 of {total}, filters)"), list);
    let mut open = Vec::new();
    for i in 0..400 {
        open.push(get(format!("/staff/requests/{}", real[i % real.len()])).await);
    }
    percentiles("open one request (decrypt, render, audit)", open);
}

//! Builds the whole application in-process for router tests, and small request helpers.

#![allow(dead_code)]

pub mod nginx;
pub mod oidc;
pub mod postgres;
pub mod raw_http;
pub mod shared;
pub mod smtp;
pub mod text;
pub mod wait;

use axum::{Router, body::Body};
use http::{Request, Response, StatusCode};
use http_body_util::BodyExt;
use rj::server::{AppState, config::Config, router};
use tower::ServiceExt;

/// The app as `make run` builds it, with the default (development) configuration and
/// its own database and mail folder.
pub async fn app() -> Router {
    app_with(&[]).await
}

/// The app with some environment variables set.
pub async fn app_with(vars: &[(&str, &str)]) -> Router {
    app_and_state(vars).await.0
}

/// The app and the state behind it (its outbox, its token issuer), for tests that check
/// what was stored.
pub async fn app_and_state(vars: &[(&str, &str)]) -> (Router, AppState) {
    let state = state_with(vars).await;
    (router(state.clone()), state)
}

/// The app's state with some environment variables set, its own database and mail folder.
pub async fn state_with(vars: &[(&str, &str)]) -> AppState {
    let dir = tempfile::tempdir().unwrap().keep();
    let mut vars: Vec<(String, String)> = vars
        .iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect();
    vars.push((
        "RJ_DATABASE_URL".into(),
        format!("sqlite://{}/rj.db", dir.display()),
    ));
    vars.push(("RJ_MAIL_DIR".into(), dir.join("mail").display().to_string()));
    let config = Config::from_lookup("127.0.0.1:3000".parse().unwrap(), |name| {
        vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    })
    .expect("test configuration is valid");
    AppState::load(config).await.expect("the app's data loads")
}

pub async fn get(app: &Router, uri: &str) -> Response<Body> {
    send(app, Request::get(uri).body(Body::empty()).unwrap()).await
}

pub async fn send(app: &Router, req: Request<Body>) -> Response<Body> {
    app.clone()
        .oneshot(req)
        .await
        .expect("the router never fails")
}

pub async fn text(res: Response<Body>) -> String {
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    String::from_utf8(bytes.to_vec()).expect("UTF-8 body")
}

/// GET `uri`, check the status, return the body.
pub async fn page(app: &Router, uri: &str, status: StatusCode) -> String {
    let res = get(app, uri).await;
    assert_eq!(res.status(), status, "status of {uri}");
    text(res).await
}

/// The reference a confirmation page shows (the page's address never holds it).
pub fn reference_on_page(html: &str) -> String {
    let pattern = "rj-panel__reference\">";
    let at = html.find(pattern).expect("a confirmation page") + pattern.len();
    html[at..at + html[at..].find('<').unwrap()].to_string()
}

/// The reference of the request a Send's redirect (to `location`) confirms.
pub async fn reference_at(app: &Router, location: &str) -> String {
    reference_on_page(&page(app, location, StatusCode::OK).await)
}

/// Parses Prometheus text with the official Python client's parser
/// (`tests/metrics/parse.py`, Debian's python3-prometheus-client): each family's type
/// and samples as JSON. Panics, with the parser's message, if the text is not valid.
pub fn parse_prometheus(text: &str) -> serde_json::Value {
    use std::io::Write;
    let mut child = std::process::Command::new("/usr/bin/python3")
        .arg("tests/metrics/parse.py")
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("python3 runs (Debian's python3-prometheus-client; `make test` installs it)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(text.as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "not valid Prometheus text: {}\n{text}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

/// The value of the sample `name` with `labels` in parsed Prometheus families.
pub fn sample(families: &serde_json::Value, name: &str, labels: &[(&str, &str)]) -> Option<f64> {
    families.as_object()?.values().find_map(|family| {
        family["samples"].as_array()?.iter().find_map(|s| {
            let matches = s[0] == name
                && labels.iter().all(|(k, v)| s[1][*k] == *v)
                && s[1].as_object().map_or(0, |o| o.len()) == labels.len();
            matches.then(|| s[2].as_f64()).flatten()
        })
    })
}

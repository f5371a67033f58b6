//! The referral form end to end inside the app: questions, errors with answers kept,
//! check your answers, send, the confirmation, and the defences.

mod common;

use axum::Router;
use axum::body::Body;
use common::{app_with, send, text};
use http::{Request, StatusCode, header};

const VALID: &str = "area=south-wales&relationship=harmed&full_name=Si%C3%A2n+Test&contact_method=phone\
&phone=01632+960+001&voicemail_ok=no&say_rj_ok=no&contact_language=cy&reported=yes\
&responsible_under_18=not_sure&consent=yes&message=Line+one%0D%0ALine+two";

async fn fresh_app(extra: &[(&str, &str)]) -> Router {
    let mut vars = vec![("RJ_MIN_FILL_SECONDS", "0")];
    vars.extend_from_slice(extra);
    app_with(&vars).await
}

async fn post(app: &Router, path: &str, body: &str) -> (StatusCode, Option<String>, String) {
    post_from(app, path, body, None).await
}

/// POST as a client whose address a proxy wrote in `X-Forwarded-For`.
async fn post_from(
    app: &Router,
    path: &str,
    body: &str,
    forwarded_for: Option<&str>,
) -> (StatusCode, Option<String>, String) {
    let mut req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin");
    if let Some(address) = forwarded_for {
        req = req.header("x-forwarded-for", address);
    }
    let req = req.body(Body::from(body.to_string())).unwrap();
    let res = send(app, req).await;
    let status = res.status();
    let location = res
        .headers()
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_string());
    (status, location, text(res).await)
}

async fn token(app: &Router, path: &str) -> String {
    let html = common::page(app, path, StatusCode::OK).await;
    let pattern = "name=\"token\" value=\"";
    let at = html.find(pattern).expect("a token") + pattern.len();
    html[at..at + html[at..].find('"').unwrap()].to_string()
}

#[tokio::test]
async fn the_form_preselects_the_area_and_the_language() {
    let app = fresh_app(&[]).await;
    let html = common::page(&app, "/refer?area=gwent", StatusCode::OK).await;
    assert!(html.contains("<option value=\"gwent\" selected"));
    assert!(html.contains("value=\"en\" checked"));
    let cy = common::page(&app, "/cy/cyfeirio", StatusCode::OK).await;
    assert!(cy.contains("value=\"cy\" checked"));
    assert!(cy.contains("Gofyn am gael eich cysylltu"));
}

#[tokio::test]
async fn errors_are_listed_and_every_answer_is_kept() {
    let app = fresh_app(&[]).await;
    let (status, _, html) = post(
        &app,
        "/refer",
        "action=check&full_name=Test+Name&safe_times=after+six&area=kent",
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("<title>Error: Ask to be contacted"));
    assert!(html.contains("class=\"rj-error-summary\""));
    assert!(html.contains("href=\"#relationship\"") && html.contains("Say who you are"));
    assert!(html.contains("value=\"Test Name\"") && html.contains("value=\"after six\""));
    assert!(html.contains("<option value=\"kent\" selected"));
    assert_eq!(
        send(&app, Request::get("/refer").body(Body::empty()).unwrap())
            .await
            .headers()[header::CACHE_CONTROL],
        "no-store, private"
    );
    // Every page the POST answers with holds answers.
    for body in [
        "action=check&full_name=Test",
        "action=send",
        "action=change",
    ] {
        let req = Request::post("/refer")
            .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        let res = send(&app, req).await;
        assert_eq!(
            res.headers()[header::CACHE_CONTROL],
            "no-store, private",
            "{body}"
        );
    }
}

#[tokio::test]
async fn check_change_send_and_confirm() {
    let app = fresh_app(&[]).await;
    let token = token(&app, "/cy/cyfeirio").await;
    let (status, _, check) = post(
        &app,
        "/cy/cyfeirio",
        &format!("{VALID}&action=check&token={token}"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(check.contains("Gwiriwch eich atebion"), "{check}");
    assert!(check.contains("Siân Test") && check.contains("formaction=\"/cy/cyfeirio#full_name\""));

    let (_, _, change) = post(
        &app,
        "/cy/cyfeirio",
        &format!("{VALID}&action=change&token={token}"),
    )
    .await;
    assert!(change.contains("value=\"Siân Test\"") && change.contains("Line two"));

    let (status, location, body) = post(
        &app,
        "/cy/cyfeirio",
        &format!("{VALID}&action=send&token={token}"),
    )
    .await;
    let main = body
        .find("<main")
        .map(|i| &body[i..(i + 600).min(body.len())])
        .unwrap_or("");
    assert_eq!(status, StatusCode::SEE_OTHER, "{main}");
    let location = location.unwrap();
    assert!(
        location.starts_with("/cy/cyfeirio/wedi-anfon/RJ-"),
        "{location}"
    );

    let res = send(&app, Request::get(&location).body(Body::empty()).unwrap()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store, private");
    let sent = text(res).await;
    assert!(sent.contains(&location["/cy/cyfeirio/wedi-anfon/".len()..]));
    // No service is listed for South Wales: the operator passes the request on.
    assert!(sent.contains("Bydd Example Restorative Justice Partnership yn cysylltu"));
    assert!(
        !sent.contains("Siân"),
        "the confirmation page shows no answers"
    );

    // Sending the same form again (double click, refresh, Back and Send) changes nothing.
    let (_, again, _) = post(
        &app,
        "/cy/cyfeirio",
        &format!("{VALID}&action=send&token={token}"),
    )
    .await;
    assert_eq!(again.as_deref(), Some(location.as_str()));
}

#[tokio::test]
async fn unknown_references_are_not_found() {
    let app = fresh_app(&[]).await;
    for path in [
        "/refer/sent/RJ-0000-0000",
        "/refer/sent/nonsense",
        "/cy/cyfeirio/wedi-anfon/RJ-0000-0000",
    ] {
        let res = send(&app, Request::get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn the_defences() {
    let app = fresh_app(&[("RJ_SEND_LIMIT_PER_HOUR", "1")]).await;
    // Another site's form.
    let req = Request::post("/refer")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .body(Body::from(VALID))
        .unwrap();
    let res = send(&app, req).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(
        text(res)
            .await
            .contains("can only be sent from this website")
    );
    // Too big.
    let (status, _, html) = post(
        &app,
        "/refer",
        &format!("{VALID}&message={}", "x".repeat(40 * 1024)),
    )
    .await;
    assert_eq!(status, StatusCode::PAYLOAD_TOO_LARGE);
    assert!(html.contains("too large"));
    // Not UTF-8, or a field we do not know: a clear message, answers kept.
    let (status, _, html) = post(
        &app,
        "/refer",
        &format!("{VALID}&action=check&full_name=%FF%FE"),
    )
    .await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("could not be read"));
    let (_, _, html) = post(&app, "/refer", &format!("{VALID}&action=check&colour=red")).await;
    assert!(html.contains("could not be read") && html.contains("value=\"01632 960 001\""));
    // The hidden field.
    let t = token(&app, "/refer").await;
    let (status, location, _) = post(
        &app,
        "/refer",
        &format!("{VALID}&action=send&website=spam&token={t}"),
    )
    .await;
    assert_eq!((status, location), (StatusCode::BAD_REQUEST, None));
    // A forged token: the answers come back to check and send again.
    let (status, _, html) =
        post(&app, "/refer", &format!("{VALID}&action=send&token=forged")).await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Check your answers") && html.contains("send them again"));
    // The hourly limit: one new request, then a friendly 429; a repeat does not count.
    let (first, second) = (token(&app, "/refer").await, token(&app, "/refer").await);
    let (status, location, _) = post(
        &app,
        "/refer",
        &format!("{VALID}&action=send&token={first}"),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    let (status, again, _) = post(
        &app,
        "/refer",
        &format!("{VALID}&action=send&token={first}"),
    )
    .await;
    assert_eq!((status, again), (StatusCode::SEE_OTHER, location));
    let (status, _, html) = post(
        &app,
        "/refer",
        &format!("{VALID}&action=send&token={second}"),
    )
    .await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(html.contains("Wait an hour"));
}

/// Sends a new request (a fresh token) as `client`; returns the status.
async fn send_new(app: &Router, client: &str) -> StatusCode {
    let t = token(app, "/refer").await;
    let body = format!("{VALID}&action=send&token={t}");
    post_from(app, "/refer", &body, Some(client)).await.0
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_limit() {
    let app = fresh_app(&[
        ("RJ_SEND_LIMIT_PER_HOUR", "1"),
        ("RJ_CLIENT_IP_HEADER", "X-Forwarded-For"),
    ])
    .await;
    assert_eq!(send_new(&app, "203.0.113.1").await, StatusCode::SEE_OTHER);
    assert_eq!(send_new(&app, "203.0.113.2").await, StatusCode::SEE_OTHER);
    // The proxy appends the address it saw; what the client wrote before it is ignored.
    assert_eq!(
        send_new(&app, "198.51.100.9, 203.0.113.1").await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn without_a_trusted_proxy_the_header_changes_nothing() {
    let app = fresh_app(&[("RJ_SEND_LIMIT_PER_HOUR", "1")]).await;
    assert_eq!(send_new(&app, "203.0.113.1").await, StatusCode::SEE_OTHER);
    assert_eq!(
        send_new(&app, "203.0.113.2").await,
        StatusCode::TOO_MANY_REQUESTS
    );
}

#[tokio::test]
async fn a_form_sent_too_fast_comes_back_to_check() {
    let app = app_with(&[("RJ_MIN_FILL_SECONDS", "3600")]).await;
    let t = token(&app, "/refer").await;
    let (status, location, html) =
        post(&app, "/refer", &format!("{VALID}&action=send&token={t}")).await;
    assert_eq!((status, location), (StatusCode::OK, None));
    assert!(html.contains("Check your answers"));
}

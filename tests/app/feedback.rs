//! The person's feedback with JavaScript off, in both languages: the forms posted as a
//! browser posts them, the thank-you pages, the counters, no cookie on any public
//! response, and forged, repeated and too many posts.

use crate::common;

use axum::Router;
use axum::body::Body;
use common::{send, state_with, text};
use http::{Request, Response, StatusCode, header};
use rj::server::{AppState, router};

const VALID: &str = "area=south-wales&relationship=harmed&full_name=Si%C3%A2n+Test&contact_method=phone\
&phone=01632+960+001&voicemail_ok=no&say_rj_ok=no&contact_language=cy&reported=yes\
&responsible_under_18=not_sure&consent=yes";

const REFUSED_EN: &str = "We could not count your answer.";
const REFUSED_CY: &str = "Doedden ni ddim yn gallu cyfrif eich ateb.";

async fn fresh(extra: &[(&str, &str)]) -> (Router, AppState) {
    let mut vars = vec![("RJ_MIN_FILL_SECONDS", "0")];
    vars.extend_from_slice(extra);
    let state = state_with(&vars).await;
    (router(state.clone()), state)
}

/// No public response sets a cookie.
fn no_cookie(res: &Response<Body>, what: &str) {
    assert!(
        res.headers().get(header::SET_COOKIE).is_none(),
        "{what} set a cookie"
    );
}

async fn get(app: &Router, uri: &str) -> (StatusCode, String) {
    let res = common::get(app, uri).await;
    no_cookie(&res, uri);
    (res.status(), text(res).await)
}

/// POSTs a form as a browser does (same-origin, urlencoded) from `client`: the status,
/// the redirect's target and the body.
async fn post(
    app: &Router,
    path: &str,
    body: &str,
    client: Option<&str>,
) -> (StatusCode, Option<String>, String) {
    let mut req = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin");
    if let Some(address) = client {
        req = req.header("x-forwarded-for", address);
    }
    let res = send(app, req.body(Body::from(body.to_string())).unwrap()).await;
    no_cookie(&res, path);
    let location = res
        .headers()
        .get(header::LOCATION)
        .map(|v| v.to_str().unwrap().to_string());
    (res.status(), location, text(res).await)
}

/// The value of the hidden field `name` in the form with class `rj-feedback`.
fn field(html: &str, name: &str) -> String {
    let form = &html[html.find("class=\"rj-feedback\"").expect("a feedback form")..];
    let pattern = format!("name=\"{name}\" value=\"");
    let at = form.find(&pattern).expect("the field") + pattern.len();
    form[at..at + form[at..].find('"').unwrap()].to_string()
}

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Every counter, as `subject lang question answer count` lines.
async fn counters(state: &AppState) -> Vec<String> {
    state
        .store
        .feedback_counts("2000-01", "2999-12")
        .await
        .unwrap()
        .into_iter()
        .map(|c| {
            assert_eq!(c.month.len(), 7, "only the month is kept");
            format!(
                "{} {} {} {} {}",
                c.subject, c.lang, c.question, c.answer, c.count
            )
        })
        .collect()
}

#[tokio::test]
async fn an_information_page_asks_if_it_was_useful_in_both_languages() {
    let (app, state) = fresh(&[]).await;
    for (path, post_to, yes, no, thanks_at, thanks) in [
        (
            "/what-is-restorative-justice",
            "/feedback",
            ">Yes<",
            ">No<",
            "/feedback/thanks/what-is-rj",
            "Thank you for your feedback.",
        ),
        (
            "/cy/beth-yw-cyfiawnder-adferol",
            "/cy/adborth",
            ">Oedd<",
            ">Nac oedd<",
            "/cy/adborth/diolch/what-is-rj",
            "Diolch am eich adborth.",
        ),
    ] {
        // Kept in memory: the same page, form and token for every reader.
        let res = common::get(&app, path).await;
        no_cookie(&res, path);
        assert_ne!(res.headers()[header::CACHE_CONTROL], "no-store, private");
        let etag = res.headers()[header::ETAG].clone();
        let html = text(res).await;
        assert!(html.contains(&format!("action=\"{post_to}\"")), "{path}");
        assert!(html.contains(yes) && html.contains(no), "{path}");
        assert_eq!(common::get(&app, path).await.headers()[header::ETAG], etag);
        let token = field(&html, "token");
        assert_eq!(field(&html, "page"), "what-is-rj");

        for useful in ["yes", "no", "yes"] {
            let body = format!(
                "kind=page&page=what-is-rj&token={}&useful={useful}",
                enc(&token)
            );
            let (status, location, _) = post(&app, post_to, &body, None).await;
            assert_eq!(status, StatusCode::SEE_OTHER, "{path}");
            assert_eq!(location.as_deref(), Some(thanks_at));
        }
        let (status, html) = get(&app, thanks_at).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(thanks), "{html}");
        assert!(
            !html.contains("name=\"useful\""),
            "the thank-you replaces the form"
        );
    }
    assert_eq!(
        counters(&state).await,
        [
            "page:what-is-rj cy useful no 1",
            "page:what-is-rj cy useful yes 2",
            "page:what-is-rj en useful no 1",
            "page:what-is-rj en useful yes 2",
        ]
    );
}

#[tokio::test]
async fn forged_and_unknown_pages_are_refused_with_one_message() {
    let (app, state) = fresh(&[]).await;
    let html = get(&app, "/ways-it-can-happen").await.1;
    let token = enc(&field(&html, "token"));
    for (path, body, status, message) in [
        // Another page's token.
        (
            "/feedback",
            format!("kind=page&page=what-is-rj&token={token}&useful=yes"),
            StatusCode::BAD_REQUEST,
            REFUSED_EN,
        ),
        // An unknown page, a page with no form, a made-up token, an answer not offered.
        (
            "/feedback",
            format!("kind=page&page=nowhere&token={token}&useful=yes"),
            StatusCode::BAD_REQUEST,
            REFUSED_EN,
        ),
        (
            "/feedback",
            format!("kind=page&page=home&token={token}&useful=yes"),
            StatusCode::BAD_REQUEST,
            REFUSED_EN,
        ),
        (
            "/cy/adborth",
            "kind=page&page=ways&token=AAAAAAAAAAAAAAAAAAAAAA&useful=no".to_string(),
            StatusCode::BAD_REQUEST,
            REFUSED_CY,
        ),
        (
            "/cy/adborth",
            format!("kind=page&page=ways&token={token}&useful=maybe"),
            StatusCode::BAD_REQUEST,
            REFUSED_CY,
        ),
        (
            "/feedback",
            format!("kind=sent&token={token}&ease=easy"),
            StatusCode::BAD_REQUEST,
            REFUSED_EN,
        ),
        (
            "/feedback",
            "%FF%FE".to_string(),
            StatusCode::BAD_REQUEST,
            REFUSED_EN,
        ),
    ] {
        let (got, location, html) = post(&app, path, &body, None).await;
        assert_eq!(got, status, "{body}");
        assert_eq!(location, None);
        assert!(html.contains(message), "{body}: {html}");
    }
    // Posted from another site.
    let req = Request::post("/feedback")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "cross-site")
        .body(Body::from(format!(
            "kind=page&page=ways&token={token}&useful=yes"
        )))
        .unwrap();
    let res = send(&app, req).await;
    no_cookie(&res, "a cross-site post");
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(text(res).await.contains(REFUSED_EN));
    // An unknown page's thank-you.
    let (status, html) = get(&app, "/feedback/thanks/nowhere").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(html.contains(REFUSED_EN));
    assert!(counters(&state).await.is_empty());
}

#[tokio::test]
async fn each_network_is_limited_like_send() {
    let (app, state) = fresh(&[("RJ_CLIENT_IP_HEADER", "X-Forwarded-For")]).await;
    let html = get(&app, "/questions").await.1;
    let body = format!(
        "kind=page&page=questions&token={}&useful=yes",
        enc(&field(&html, "token"))
    );
    for _ in 0..rj::feedback::LIMIT_PER_HOUR {
        let (status, _, _) = post(&app, "/feedback", &body, Some("203.0.113.1")).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
    }
    let (status, _, html) = post(&app, "/cy/adborth", &body, Some("203.0.113.1")).await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(html.contains(REFUSED_CY));
    // Another network is not held back.
    let (status, _, _) = post(&app, "/feedback", &body, Some("203.0.113.2")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        counters(&state).await,
        [format!(
            "page:questions en useful yes {}",
            rj::feedback::LIMIT_PER_HOUR + 1
        )]
    );
}

/// Sends a request through the form in `lang`'s path; the confirmation page's address.
async fn send_request(app: &Router, refer: &str) -> String {
    let html = get(app, refer).await.1;
    let pattern = "name=\"token\" value=\"";
    let at = html.find(pattern).expect("a form token") + pattern.len();
    let token = &html[at..at + html[at..].find('"').unwrap()];
    let body = format!("{VALID}&action=send&token={}", enc(token));
    let (status, location, _) = post(app, refer, &body, None).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    location.expect("the confirmation page")
}

#[tokio::test]
async fn the_confirmation_page_asks_how_easy_it_was_once_per_request() {
    confirmation_feedback(&[]).await;
}

#[tokio::test]
async fn on_postgresql_too() {
    let Some(server) = common::postgres::server() else {
        return;
    };
    let url = server.new_database("feedback");
    confirmation_feedback(&[("RJ_DATABASE_URL", &url)]).await;
}

async fn confirmation_feedback(vars: &[(&str, &str)]) {
    let (app, state) = fresh(vars).await;
    for (refer, post_to, sent, thanks, question) in [
        (
            "/refer",
            "/feedback",
            "/refer/sent/",
            "Thank you for your feedback.",
            "How easy was it to ask?",
        ),
        (
            "/cy/cyfeirio",
            "/cy/adborth",
            "/cy/cyfeirio/wedi-anfon/",
            "Diolch am eich adborth.",
            "Pa mor hawdd oedd gofyn?",
        ),
    ] {
        let at = send_request(&app, refer).await;
        assert!(at.starts_with(sent), "{at}");
        let (status, html) = get(&app, &at).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(question), "{html}");
        assert!(html.contains("name=\"ease\" type=\"radio\""));
        assert!(html.contains("name=\"hard\" type=\"checkbox\""));
        assert!(!html.contains("<textarea"), "no free text");
        let reference = common::reference_on_page(&html);
        let token = field(&html, "token");
        assert!(
            !token.contains(&reference),
            "the token never holds the reference"
        );

        // A forged binding: another area under the same signature.
        let forged = token.replace("south-wales", "kent");
        let (status, _, html) = post(
            &app,
            post_to,
            &format!("kind=sent&token={}&ease=easy", enc(&forged)),
            None,
        )
        .await;
        assert_eq!(status, StatusCode::BAD_REQUEST);
        assert!(html.contains(REFUSED_EN) || html.contains(REFUSED_CY));

        let body = format!(
            "kind=sent&token={}&ease=difficult&hard=area&hard=time",
            enc(&token)
        );
        let (status, location, _) = post(&app, post_to, &body, None).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        let location = location.unwrap();
        assert_eq!(location, format!("{at}?feedback=thanks"));
        let (status, html) = get(&app, &location).await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains(thanks), "{html}");
        assert!(
            !html.contains("name=\"ease\""),
            "the thank-you replaces the form"
        );
        assert_eq!(common::reference_on_page(&html), reference);

        // Posted again (Back and Send, or a replay): thanked, counted once.
        let again = format!("kind=sent&token={}&ease=very-easy", enc(&token));
        let (status, location2, _) = post(&app, post_to, &again, None).await;
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(location2.as_deref(), Some(location.as_str()));
    }
    assert_eq!(
        counters(&state).await,
        [
            "area:south-wales cy ease difficult 1",
            "area:south-wales cy hard area 1",
            "area:south-wales cy hard time 1",
            "area:south-wales en ease difficult 1",
            "area:south-wales en hard area 1",
            "area:south-wales en hard time 1",
        ]
    );
}

#[tokio::test]
async fn rj_feedback_prints_the_counters_with_small_counts_hidden() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/rj.db", dir.path().display());
    let (app, state) = fresh(&[("RJ_DATABASE_URL", &url)]).await;
    let html = get(&app, "/privacy").await.1;
    let token = enc(&field(&html, "token"));
    for useful in ["yes", "yes", "yes", "yes", "yes", "yes", "no"] {
        let body = format!("kind=page&page=privacy&token={token}&useful={useful}");
        assert_eq!(
            post(&app, "/feedback", &body, None).await.0,
            StatusCode::SEE_OTHER
        );
    }
    let month = rj::store::month_of(state.clock.now());
    let run = |format: &str| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_rj"))
            .args([
                "feedback", "--from", &month, "--to", &month, "--format", format,
            ])
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("RJ_DATABASE_URL", &url)
            .env("RJ_MAIL_DIR", dir.path().join("mail"))
            .env("RUST_LOG", "error")
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    };
    assert_eq!(
        run("csv"),
        format!(
            "month,subject,lang,question,answer,count\n\
             {month},page:privacy,en,useful,no,<5\n\
             {month},page:privacy,en,useful,yes,6\n"
        )
    );
    let json: serde_json::Value = serde_json::from_str(&run("json")).unwrap();
    assert_eq!(json["rows"][0]["count"], "<5");
    assert_eq!(json["rows"][1]["count"], 6);
}

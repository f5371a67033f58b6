//! The referral form end to end inside the app: questions, errors with answers kept,
//! check your answers, send, the confirmation, and the defences.

use crate::common;

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
    // Like a browser: a redirect to another step of the form (post-redirect-get) is
    // followed, and its page is what the person sees; the confirmation's is returned.
    if let Some(step) = location.as_deref().filter(|l| is_form_step(l)) {
        assert_eq!(status, StatusCode::SEE_OTHER);
        assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store, private");
        let res = send(app, Request::get(step).body(Body::empty()).unwrap()).await;
        assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store, private");
        return (res.status(), None, text(res).await);
    }
    (status, location, text(res).await)
}

/// A page of the form after a post: a step of the questions or check your answers.
fn is_form_step(location: &str) -> bool {
    [
        "/answers/",
        "/check/",
        "/atebion/",
        "/gwirio/",
        "/result/",
        "/canlyniad/",
    ]
    .iter()
    .any(|s| location.contains(s))
}

/// The reference a confirmation page (at `location`) shows.
async fn reference_at(app: &Router, location: &str) -> rj::referral::reference::Reference {
    let html = common::page(app, location, StatusCode::OK).await;
    let pattern = "rj-panel__reference\">";
    let at = html.find(pattern).expect("a reference") + pattern.len();
    let end = at + html[at..].find('<').unwrap();
    rj::referral::reference::Reference::parse(&html[at..end]).unwrap()
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
    // The first step carries them to the second, which shows them chosen.
    assert!(html.contains("name=\"area\" value=\"gwent\""));
    assert!(html.contains("name=\"contact_language\" value=\"en\""));
    let (_, _, html) = post(
        &app,
        "/refer",
        "area=gwent&contact_language=en&contact_method=phone&action=next",
    )
    .await;
    assert!(html.contains("<option value=\"gwent\" selected"));
    assert!(html.contains("value=\"en\" checked"));
    let cy = common::page(&app, "/cy/cyfeirio", StatusCode::OK).await;
    assert!(cy.contains("name=\"contact_language\" value=\"cy\""));
    assert!(cy.contains("Gofyn i wasanaeth gysylltu â chi"));
}

#[tokio::test]
async fn errors_are_listed_and_every_answer_is_kept() {
    let app = fresh_app(&[]).await;
    let (status, _, html) = post(
        &app,
        "/refer",
        "action=check&contact_method=phone&full_name=Test+Name&safe_times=after+six&area=kent",
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
        location.starts_with("/cy/cyfeirio/wedi-anfon/"),
        "{location}"
    );
    // The address holds a random id, never the reference.
    assert!(!location.contains("RJ-"), "{location}");

    let res = send(&app, Request::get(&location).body(Body::empty()).unwrap()).await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store, private");
    let sent = text(res).await;
    let reference = reference_at(&app, &location).await;
    assert!(sent.contains(&reference.to_string()));
    // South Wales' service has not agreed to take requests straight from the site: the
    // operator's team passes it on, to the service named in Welsh.
    assert!(
        sent.contains("Mae eich cais yn mynd at dîm <span lang=\"en\">Example Restorative Justice Partnership</span>")
            && sent.contains("Ffocws Dioddefwyr De Cymru"),
        "{sent}"
    );
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
    assert_eq!(reference_at(&app, &again.unwrap()).await, reference);
}

/// A confirmation address with no handoff behind it (unknown, expired, or a reference
/// typed in) is the one "no longer shown" page: it never tells which it was.
#[tokio::test]
async fn unknown_confirmation_addresses_are_no_longer_shown() {
    let app = fresh_app(&[]).await;
    let sent = send_valid_at(&app).await;
    let reference = reference_at(&app, &sent).await.to_string();
    for path in [
        format!("/refer/sent/{reference}"),
        "/refer/sent/RJ-0000-0000".to_string(),
        "/refer/sent/nonsense".to_string(),
        "/refer/sent/AAAAAAAAAAAAAAAAAAAAAA".to_string(),
        "/cy/cyfeirio/wedi-anfon/RJ-0000-0000".to_string(),
    ] {
        let res = send(&app, Request::get(&path).body(Body::empty()).unwrap()).await;
        assert_eq!(res.status(), StatusCode::GONE, "{path}");
        assert!(!text(res).await.contains(&reference), "{path}");
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
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert_eq!(
        reference_at(&app, &again.unwrap()).await,
        reference_at(&app, &location.unwrap()).await
    );
    // Over the limit: every answer kept on check your answers, with how long to wait.
    let (status, location, html) = post(
        &app,
        "/refer",
        &format!("{VALID}&action=send&token={second}"),
    )
    .await;
    assert_eq!((status, location), (StatusCode::OK, None));
    assert!(html.contains("has not been sent yet") && html.contains("Wait 60 minutes"));
    assert!(html.contains("value=\"01632 960 001\"") && html.contains("Siân Test"));
}

/// Instances behind one proxy share `RJ_SECRET`: a form shown by one instance is
/// accepted when it is sent to another; a site with another secret refuses it (the
/// answers come back to check, with a fresh token).
#[tokio::test]
async fn a_form_shown_by_one_instance_is_accepted_by_another_with_the_same_secret() {
    let shared = ("RJ_SECRET", "a-secret-shared-by-every-instance-0123");
    let (one, other) = (fresh_app(&[shared]).await, fresh_app(&[shared]).await);
    let stranger = fresh_app(&[("RJ_SECRET", "a-different-secret-of-another-site-99")]).await;
    let t = token(&one, "/refer").await;
    let body = format!("{VALID}&action=send&token={t}");
    let (status, location, html) = post(&stranger, "/refer", &body).await;
    assert_eq!((status, location), (StatusCode::OK, None));
    assert!(html.contains("Check your answers") && html.contains("send them again"));
    let (status, location, _) = post(&other, "/refer", &body).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.unwrap().starts_with("/refer/sent/"));
}

/// A secret rotation: the site with a new secret and the old one as
/// `RJ_SECRET_PREVIOUS` accepts a form shown under the old secret; once the old one is
/// removed, that form comes back to check (nothing is sent).
#[tokio::test]
async fn during_a_rotation_a_form_shown_under_the_old_secret_is_accepted() {
    let old = ("RJ_SECRET", "the-old-secret-of-this-site-0123456789");
    let before = fresh_app(&[old]).await;
    let rotating = fresh_app(&[
        ("RJ_SECRET", "the-new-secret-of-this-site-0123456789"),
        (
            "RJ_SECRET_PREVIOUS",
            "the-old-secret-of-this-site-0123456789",
        ),
    ])
    .await;
    let after = fresh_app(&[("RJ_SECRET", "the-new-secret-of-this-site-0123456789")]).await;
    let t = token(&before, "/refer").await;
    let body = format!("{VALID}&action=send&token={t}");
    let (status, location, html) = post(&after, "/refer", &body).await;
    assert_eq!((status, location), (StatusCode::OK, None));
    assert!(html.contains("Check your answers"));
    let (status, location, _) = post(&rotating, "/refer", &body).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    assert!(location.unwrap().starts_with("/refer/sent/"));
}

/// Sends a new request (a fresh token) as `client`; says whether it was sent (else the
/// Send limit held it back).
async fn send_new(app: &Router, client: &str) -> bool {
    let t = token(app, "/refer").await;
    let body = format!("{VALID}&action=send&token={t}");
    let (status, location, html) = post_from(app, "/refer", &body, Some(client)).await;
    match location {
        Some(l) => l.starts_with("/refer/sent/") && status == StatusCode::SEE_OTHER,
        None => {
            assert!(
                html.contains("has not been sent yet"),
                "held back by the limit"
            );
            false
        }
    }
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_client_has_its_own_limit() {
    let app = fresh_app(&[
        ("RJ_SEND_LIMIT_PER_HOUR", "1"),
        ("RJ_CLIENT_IP_HEADER", "X-Forwarded-For"),
    ])
    .await;
    assert!(send_new(&app, "203.0.113.1").await);
    assert!(send_new(&app, "203.0.113.2").await);
    // The proxy appends the address it saw; what the client wrote before it is ignored.
    assert!(!send_new(&app, "198.51.100.9, 203.0.113.1").await);
}

#[tokio::test]
async fn without_a_trusted_proxy_the_header_changes_nothing() {
    let app = fresh_app(&[("RJ_SEND_LIMIT_PER_HOUR", "1")]).await;
    assert!(send_new(&app, "203.0.113.1").await);
    assert!(!send_new(&app, "203.0.113.2").await);
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

/// Fault 1: the same form sent with different answers (a correction after Back, or a
/// second person handed the same form by a cache) is never merged into the first.
#[tokio::test]
async fn a_changed_answer_is_a_new_request_never_a_dropped_one() {
    let (app, state) = common::app_and_state(&[("RJ_MIN_FILL_SECONDS", "0")]).await;
    let t = token(&app, "/refer").await;
    let first = format!("{VALID}&action=send&token={t}");
    let corrected = first.replace("960+001", "960+002");
    let sent = |body: String| {
        let app = app.clone();
        async move {
            let (status, location, _) = post(&app, "/refer", &body).await;
            assert_eq!(status, StatusCode::SEE_OTHER);
            reference_at(&app, &location.unwrap()).await
        }
    };
    let one = sent(first.clone()).await;
    let two = sent(corrected.clone()).await;
    assert_ne!(one, two, "a corrected phone number gets its own request");
    // Each is still idempotent on its own.
    assert_eq!(sent(corrected).await, two);
    assert_eq!(sent(first).await, one);
    let stored = |reference| {
        let store = state.store.clone();
        async move { store.referral(reference).await.unwrap().expect("stored") }
    };
    assert_eq!(stored(one).await.phone.as_deref(), Some("01632 960 001"));
    assert_eq!(stored(two).await.phone.as_deref(), Some("01632 960 002"));
    assert_eq!(state.store.counts().await.unwrap().pending, 2);
}

/// Fault 3: a database error on the confirmation page is a translated 503, not a 404.
#[tokio::test]
async fn the_confirmation_page_says_when_the_database_is_down() {
    let (app, state) = common::app_and_state(&[("RJ_MIN_FILL_SECONDS", "0")]).await;
    let t = token(&app, "/cy/cyfeirio").await;
    let (_, location, _) = post(
        &app,
        "/cy/cyfeirio",
        &format!("{VALID}&action=send&token={t}"),
    )
    .await;
    let location = location.unwrap();
    let db = sqlx::SqlitePool::connect(&state.config.database_url.to_string())
        .await
        .unwrap();
    sqlx::query("ALTER TABLE referrals RENAME TO referrals_gone")
        .execute(&db)
        .await
        .unwrap();
    let res = send(&app, Request::get(&location).body(Body::empty()).unwrap()).await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store, private");
    let html = text(res).await;
    assert!(html.contains("<html lang=\"cy\""), "translated");
    assert!(html.contains("rj-exit__button"), "a whole page");
}

/// Fault 9: an address no URI can carry is the "no longer shown" page in both
/// languages, never a panic.
#[tokio::test]
async fn references_with_strange_characters_are_not_found() {
    let app = fresh_app(&[]).await;
    for path in [
        "/refer/sent/%00",
        "/refer/sent/%3C",
        "/refer/sent/%20",
        "/refer/sent/RJ-%0A",
        "/refer/sent/%FF",
        "/cy/cyfeirio/wedi-anfon/%00",
        "/cy/cyfeirio/wedi-anfon/%3Cscript%3E",
        "/cy/cyfeirio/wedi-anfon/%7F",
    ] {
        let res = send(&app, Request::get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(res.status(), StatusCode::GONE, "{path}");
        let html = text(res).await;
        assert!(html.contains("rj-exit__button"), "{path}: a whole page");
        assert!(!html.contains("<script>"), "{path}");
    }
}

/// Fault 10: markup typed into any field comes back as text on every step.
#[tokio::test]
async fn markup_in_every_field_stays_text_on_every_step() {
    let app = fresh_app(&[]).await;
    let evil = "</textarea></select><script>alert(1)</script>\"'><b>x</b>";
    let encoded: String = form_urlencoded::byte_serialize(evil.as_bytes()).collect();
    let fields: Vec<&str> = rj::referral::fields::Field::ALL
        .iter()
        .map(|f| f.name())
        .collect();
    for lang_path in ["/refer", "/cy/cyfeirio"] {
        for action in ["check", "change", "send"] {
            // All fields at once (errors shown), and each field alone in a valid form
            // (the check page, or the form again).
            let mut bodies = vec![
                fields
                    .iter()
                    .map(|f| format!("{f}={encoded}"))
                    .collect::<Vec<_>>()
                    .join("&"),
            ];
            for f in &fields {
                bodies.push(format!("{VALID}&{f}={encoded}"));
            }
            for body in bodies {
                let (status, _, html) =
                    post(&app, lang_path, &format!("{body}&action={action}")).await;
                assert!(status.as_u16() < 500, "{status}");
                assert!(
                    !html.contains("<script>alert") && !html.contains("<b>x"),
                    "{lang_path} {action}: markup escaped the field: {body}"
                );
            }
        }
    }
}

/// Fault 6: the area list shows its error like every other field.
#[tokio::test]
async fn the_area_list_is_marked_when_it_has_an_error() {
    let app = fresh_app(&[]).await;
    let (_, _, html) = post(
        &app,
        "/refer",
        "action=check&contact_method=phone&full_name=Test",
    )
    .await;
    let at = html.find("<select").unwrap();
    let select = &html[at..at + html[at..].find('>').unwrap()];
    assert!(select.contains("aria-invalid=\"true\""), "{select}");
    assert!(select.contains("rj-input--error"), "{select}");
    let (_, _, html) = post(&app, "/refer", &format!("{VALID}&action=change")).await;
    let at = html.find("<select").unwrap();
    let select = &html[at..at + html[at..].find('>').unwrap()];
    assert!(!select.contains("aria-invalid"), "{select}");
}

/// Fault 11: a form older than a day is not sent; its answers come back to check, with
/// a fresh token and a message that says why.
#[tokio::test]
async fn an_old_form_comes_back_to_check_with_its_answers() {
    let secret = "a-test-secret-that-is-long-enough-123";
    let app = fresh_app(&[("RJ_SECRET", secret)]).await;
    let tokens = rj::referral::token::FormTokens::new(
        rj::keys::Secrets::from_text(secret).ring(rj::keys::Purpose::FormToken),
    );
    let now = rj::calendar::unix_now();
    let old = tokens.issue([9; 16], now - 25 * 3600);
    let (status, location, html) =
        post(&app, "/refer", &format!("{VALID}&action=send&token={old}")).await;
    assert_eq!((status, location), (StatusCode::OK, None));
    assert!(html.contains("Check your answers"));
    assert!(html.contains("more than a day ago"), "says why");
    assert!(html.contains("Siân Test"), "answers kept");
    assert!(!html.contains(&old), "a fresh token");
    // A day-old-but-not-quite form is still taken.
    let recent = tokens.issue([8; 16], now - 23 * 3600);
    let (status, _, _) = post(
        &app,
        "/refer",
        &format!("{VALID}&action=send&token={recent}"),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
}

/// One random answer for `field`: usually a valid one, sometimes not.
fn random_answer(rng: &mut impl rand::Rng, field: rj::referral::fields::Field) -> Option<String> {
    use rj::referral::fields::Field;
    let pick = |rng: &mut dyn rand::RngCore, list: &[&str]| {
        list[rand::Rng::random_range(rng, 0..list.len())].to_string()
    };
    let hostile = [
        "</textarea><script>alert(1)</script>",
        "\u{0}\r\nBcc: x@example.org",
        "  ",
        "é\u{202e}ü",
        "%FF",
    ];
    match rng.random_range(0..100) {
        0..4 => return None,
        4..8 => return Some(pick(rng, &hostile)),
        _ => {}
    }
    let text = [
        "after 6pm",
        "Siân O'Brien-Jones",
        "line one\r\nline two",
        "Llŷr ap Gwyn",
    ];
    Some(match field {
        Field::Area => pick(rng, &["south-wales", "gwent", "kent", "dyfed-powys"]),
        Field::FullName => pick(rng, &["Siân Test", "Ann Other", "Llŷr ap Gwyn"]),
        Field::Phone => pick(rng, &["01632 960 001", "+44 7700 900123", "07700-900123"]),
        Field::Email => format!("p{}@example.org", rng.random_range(0..1000)),
        Field::SafeTimes | Field::CrimeReference | Field::SupportNeeds | Field::Message => {
            pick(rng, &text)
        }
        Field::Consent => "yes".into(),
        Field::ConfirmationEmail => pick(rng, &["yes", ""]),
        choice => pick(rng, choice.values()),
    })
}

/// 1,000 random posts, valid and not, through the router: never a 5xx; every valid Send
/// is stored exactly once (the same post again finds it), and what is stored is what
/// was sent.
#[tokio::test]
async fn a_thousand_random_posts() {
    use rand::{Rng, SeedableRng};
    use rj::referral::fields::Field;
    use rj::referral::form::{Answers, parse};
    use std::collections::HashMap;
    let secret = "a-test-secret-that-is-long-enough-123";
    let (app, state) = common::app_and_state(&[
        ("RJ_MIN_FILL_SECONDS", "0"),
        ("RJ_SEND_LIMIT_PER_HOUR", "0"),
        ("RJ_SECRET", secret),
    ])
    .await;
    let tokens = rj::referral::token::FormTokens::new(
        rj::keys::Secrets::from_text(secret).ring(rj::keys::Purpose::FormToken),
    );
    let now = rj::calendar::unix_now();
    let known = |slug: &str| state.areas.by_slug(slug).is_some();
    let mut rng = rand::rngs::StdRng::seed_from_u64(8);
    // Each stored request's reference, by what was posted (token and body).
    let mut stored: HashMap<(String, String), String> = HashMap::new();
    let mut previous: Vec<(String, String)> = Vec::new();
    for _ in 0..1000 {
        let (token, body) = if !previous.is_empty() && rng.random_range(0..8) == 0 {
            // The same post again (double click, refresh, Back and Send).
            previous[rng.random_range(0..previous.len())].clone()
        } else {
            let answers: Answers = Field::ALL
                .into_iter()
                .filter_map(|f| random_answer(&mut rng, f).map(|v| (f, v)))
                .collect();
            let token = match rng.random_range(0..20) {
                0 => "forged".to_string(),
                1 => String::new(),
                _ => tokens.issue(rng.random(), now - 60),
            };
            let mut body: String = answers
                .iter()
                .map(|(f, v)| {
                    let v: String = form_urlencoded::byte_serialize(v.as_bytes()).collect();
                    format!("{}={v}", f.name())
                })
                .collect::<Vec<_>>()
                .join("&");
            let action =
                ["send", "send", "send", "check", "change", "", "other"][rng.random_range(0..7)];
            body.push_str(&format!("&action={action}"));
            match rng.random_range(0..40) {
                0 => body.push_str("&website=spam"),
                1 => body.push_str("&colour=red"),
                _ => {}
            }
            (token, body)
        };
        let post_body = format!("{body}&token={token}");
        let (status, location, _) = post(&app, "/refer", &post_body).await;
        assert!(status.as_u16() < 500, "{status} for {post_body}");

        // What the post should have done, worked out from its parts.
        let decoded = rj::referral::decide::read(post_body.as_bytes());
        let send = decoded.action == rj::referral::decide::Action::Send
            && !decoded.honeypot
            && !decoded.unreadable
            && tokens.check(&token).is_some();
        match parse(&decoded.answers, known) {
            Ok(referral) if send => {
                assert_eq!(status, StatusCode::SEE_OTHER, "{post_body}");
                let reference = reference_at(&app, &location.unwrap()).await;
                let location = reference.to_string();
                let key = (token.clone(), body.clone());
                if let Some(first) = stored.get(&key) {
                    assert_eq!(first, &location, "the same post again finds its request");
                } else {
                    assert!(
                        !stored.values().any(|l| *l == location),
                        "a new post never lands on another's request"
                    );
                    stored.insert(key, location.clone());
                    previous.push((token, body));
                }
                let kept = state
                    .store
                    .referral(reference)
                    .await
                    .unwrap()
                    .expect("stored");
                assert!(kept == referral, "stored what was sent: {post_body}");
                let contact = Some(referral.contact_method);
                for field in [Field::FullName, Field::Phone, Field::Message] {
                    // A question not asked for this way of contact is not stored.
                    let sent = decoded
                        .answers
                        .get(&field)
                        .filter(|_| field.asked(contact))
                        .map(|v| v.trim().replace("\r\n", "\n"));
                    assert_eq!(
                        kept.wire(field),
                        sent.filter(|v| !v.is_empty()),
                        "{field:?}"
                    );
                }
            }
            _ => assert_ne!(status, StatusCode::SEE_OTHER, "nothing stored: {post_body}"),
        }
    }
    let pending = state.store.counts().await.unwrap().pending as usize;
    assert_eq!(
        pending,
        stored.len(),
        "every valid Send stored exactly once"
    );
    assert!(stored.len() > 50, "enough valid sends: {}", stored.len());
}

/// Checking the answers says who will get the details (through triage, as shipped) and,
/// for "yes" to the under-18 question, what that means: with JavaScript off too.
#[tokio::test]
async fn the_check_page_says_who_gets_the_details_and_explains_a_youth_case() {
    let app = fresh_app(&[]).await;
    let kent = VALID
        .replace("area=south-wales", "area=kent")
        .replace("responsible_under_18=not_sure", "responsible_under_18=yes");
    let note_en = "If so, restorative justice is usually run by the local youth justice service.";
    let note_cy = "Os felly, y gwasanaeth cyfiawnder ieuenctid lleol sydd fel arfer yn cynnal cyfiawnder adferol.";

    let token_en = token(&app, "/refer").await;
    let (_, _, check) = post(
        &app,
        "/refer",
        &format!("{kent}&action=check&token={token_en}"),
    )
    .await;
    assert!(check.contains(note_en), "the youth note on the check page");
    assert!(check.contains(
        "I agree that my details are sent to the Example Restorative Justice Partnership team. They will pass them to Kent and Medway Restorative Justice Service."
    ));
    let token_cy = token(&app, "/cy/cyfeirio").await;
    let (_, _, check) = post(
        &app,
        "/cy/cyfeirio",
        &format!("{kent}&action=check&token={token_cy}"),
    )
    .await;
    assert!(check.contains(note_cy));
    assert!(check.contains(
        "Rwy'n cytuno y gall tîm <span lang=\"en\">Example Restorative Justice Partnership</span> gael fy manylion. Byddan nhw'n eu hanfon ymlaen, fel bod <span lang=\"en\">Kent and Medway Restorative Justice Service</span> yn gallu cysylltu â fi."
    ));
    // The answer echoes the question's verb; "not sure" needs no note.
    assert!(
        check.contains("<dd class=\"rj-check__value\">Oedd<br"),
        "Oedd, then the note"
    );
    let gwent = VALID.replace("area=south-wales", "area=gwent");
    let (_, _, check) = post(
        &app,
        "/refer",
        &format!("{gwent}&action=check&token={token_en}"),
    )
    .await;
    assert!(!check.contains(note_en));
    // No service for adults is listed for Gwent: the team will look for one.
    assert!(check.contains(
        "I agree that my details are sent to the Example Restorative Justice Partnership team. They will look for a service that can help."
    ));
    // The question explains it before it is answered, and names no one before an area
    // is chosen.
    let (_, _, form) = post(&app, "/refer", "contact_method=phone&action=next").await;
    assert!(form.contains(note_en));
    assert!(form.contains(
        "I agree that my details are sent so a restorative justice service can contact me."
    ));
}

/// Sends VALID through the form on `app`; returns the reference.
async fn send_valid(app: &Router) -> String {
    reference_at(app, &send_valid_at(app).await)
        .await
        .to_string()
}

/// Sends VALID through the form on `app`; returns the confirmation page's address.
async fn send_valid_at(app: &Router) -> String {
    let token = token(app, "/refer").await;
    let (status, location, _) =
        post(app, "/refer", &format!("{VALID}&action=send&token={token}")).await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    location.unwrap()
}

async fn status_of(app: &Router, path: &str, typed: &str) -> (StatusCode, String) {
    let body = format!(
        "reference={}",
        form_urlencoded::byte_serialize(typed.as_bytes()).collect::<String>()
    );
    let (status, _, html) = post(app, path, &body).await;
    (status, html)
}

#[tokio::test]
async fn the_status_page_shows_dates_and_nothing_personal() {
    let (app, state) = common::app_and_state(&[("RJ_MIN_FILL_SECONDS", "0")]).await;
    let location = send_valid_at(&app).await;
    let reference = reference_at(&app, &location).await.to_string();
    // The confirmation page links to the status page.
    let sent = common::page(&app, &location, StatusCode::OK).await;
    assert!(sent.contains("href=\"/refer/status\""), "{sent}");
    // As people type it: lower case, no dashes, look-alike letters.
    let typed = reference.to_lowercase().replace('-', " ").replace('0', "o");
    for (path, words) in [
        (
            "/refer/status",
            [
                "Sent: ",
                "Received: not confirmed yet",
                "If nobody has contacted you by",
            ],
        ),
        (
            "/cy/cyfeirio/statws",
            [
                "Wedi'i anfon: ",
                "Wedi'i gael: heb ei gadarnhau eto",
                "Os nad oes neb wedi cysylltu",
            ],
        ),
    ] {
        let (status, html) = status_of(&app, path, &typed).await;
        assert_eq!(status, StatusCode::OK);
        for w in words {
            assert!(html.contains(w), "{path} lacks {w:?}: {html}");
        }
        assert!(html.contains(&reference), "the reference, as we write it");
        for private in ["Siân", "01632", "960 001", "Line one", "Line two"] {
            assert!(!html.contains(private), "{path} shows {private}");
        }
    }
    // Resolved by the operator: the page says when it was closed.
    let r = rj::referral::reference::Reference::parse(&reference).unwrap();
    state
        .store
        .resolve(r, "passed on by phone", rj::calendar::unix_now())
        .await
        .unwrap();
    let (_, html) = status_of(&app, "/refer/status", &reference).await;
    assert!(
        html.contains("Closed: ") && html.contains("has dealt with your request"),
        "{html}"
    );
}

#[tokio::test]
async fn the_status_page_checks_the_reference_first_and_limits_each_client() {
    let app = fresh_app(&[
        ("RJ_STATUS_LIMIT_PER_HOUR", "3"),
        ("RJ_CLIENT_IP_HEADER", "X-Forwarded-For"),
    ])
    .await;
    let lookup = |typed: &'static str, client: &'static str| {
        let app = app.clone();
        async move {
            let body = format!("reference={typed}");
            post_from(&app, "/refer/status", &body, Some(client)).await
        }
    };
    // Nothing typed, and typing mistakes (a wrong check symbol, a letter references
    // never use, the wrong length) are told so, and do not count against the limit.
    let (status, _, html) = lookup("", "203.0.113.1").await;
    assert_eq!(status, StatusCode::OK);
    assert!(html.contains("Enter your reference"), "{html}");
    let valid = rj::referral::reference::Reference::generate({
        let mut n: u64 = 4242;
        move || {
            n += 7;
            n
        }
    })
    .to_string();
    let mut wrong_check = valid.clone().into_bytes();
    let last = wrong_check.len() - 1;
    wrong_check[last] = if wrong_check[last] == b'2' {
        b'3'
    } else {
        b'2'
    };
    let wrong_check: &'static str = String::from_utf8(wrong_check).unwrap().leak();
    for typo in [
        wrong_check,
        "RJ-UUUU-UUUU",
        "RJ-1234-567",
        "not a reference",
    ] {
        for _ in 0..3 {
            let (status, _, html) = lookup(typo, "203.0.113.1").await;
            assert_eq!(status, StatusCode::OK, "{typo}");
            assert!(html.contains("This is not a reference we give"), "{typo}");
            assert!(html.contains("aria-invalid=\"true\""));
        }
    }
    let valid: &'static str = valid.leak();
    for _ in 0..3 {
        let (status, _, html) = lookup(valid, "203.0.113.1").await;
        assert_eq!(status, StatusCode::OK);
        assert!(html.contains("We cannot show a request with this reference"));
    }
    let (status, _, html) = lookup(valid, "203.0.113.1").await;
    assert_eq!(status, StatusCode::TOO_MANY_REQUESTS);
    assert!(html.contains("Wait an hour"), "{html}");
    // Another client is not held back.
    let (status, _, _) = lookup(valid, "203.0.113.2").await;
    assert_eq!(status, StatusCode::OK);
}

#[tokio::test]
async fn unknown_and_purged_references_are_answered_alike() {
    let (app, state) = common::app_and_state(&[("RJ_MIN_FILL_SECONDS", "0")]).await;
    let purged = send_valid(&app).await;
    let purged_ref = rj::referral::reference::Reference::parse(&purged).unwrap();
    assert_eq!(state.store.purge(i64::MAX).await.unwrap(), vec![purged_ref]);
    let unknown = rj::referral::reference::Reference::generate({
        let mut n: u64 = 777;
        move || {
            n += 7;
            n
        }
    })
    .to_string();
    let nonce = regex::Regex::new(r#"nonce(=\"|-)[A-Za-z0-9+/=_-]+"#).unwrap();
    let answer = |reference: String| {
        let app = app.clone();
        let nonce = nonce.clone();
        async move {
            let body = format!("reference={reference}");
            let req = Request::post("/refer/status")
                .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
                .header("sec-fetch-site", "same-origin")
                .body(Body::from(body))
                .unwrap();
            let res = send(&app, req).await;
            // The answer is at an address of its own (a random id, never the reference).
            assert_eq!(res.status(), StatusCode::SEE_OTHER);
            let location = res.headers()[header::LOCATION]
                .to_str()
                .unwrap()
                .to_string();
            let id = location.rsplit('/').next().unwrap().to_string();
            let res = send(&app, Request::get(&location).body(Body::empty()).unwrap()).await;
            let status = res.status();
            let mut headers: Vec<String> = res
                .headers()
                .iter()
                .filter(|(name, _)| *name != header::CONTENT_SECURITY_POLICY)
                .map(|(name, value)| format!("{name}: {}", value.to_str().unwrap()))
                .collect();
            headers.sort();
            let html = text(res)
                .await
                .replace(&reference, "RJ-XXXX-XXXX")
                .replace(&id, "ID");
            (
                status,
                headers,
                nonce.replace_all(&html, "nonce").into_owned(),
            )
        }
    };
    let a = answer(purged).await;
    let b = answer(unknown).await;
    assert_eq!(a.0, StatusCode::OK);
    assert_eq!(
        a, b,
        "a purged request reads exactly as one that never existed"
    );
    assert!(a.2.contains("We cannot show a request with this reference"));
}

/// Post-redirect-get: every step after a post is addressed by a random id alone; its
/// answers wait sealed in the database (never readable in the file), and are deleted
/// when the person sends, changes an answer or presses Exit.
#[tokio::test]
async fn answers_between_pages_are_sealed_short_lived_and_deleted_on_exit() {
    let (app, state) = common::app_and_state(&[("RJ_MIN_FILL_SECONDS", "0")]).await;
    let t = token(&app, "/refer").await;
    let req = Request::post("/refer")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(format!("{VALID}&action=check&token={t}")))
        .unwrap();
    let res = send(&app, req).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    let check = res.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    // The address is the path and a random id, nothing typed. The id is checked by its
    // shape: random letters may spell anything, "Si" included.
    let id = check
        .strip_prefix("/refer/check/")
        .unwrap_or_else(|| panic!("{check}"))
        .to_string();
    assert_eq!(id.len(), 22);
    assert!(
        id.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
    );

    // The page shows the answers, in either language, as often as it is opened.
    let html = common::page(&app, &check, StatusCode::OK).await;
    assert!(html.contains("Siân Test") && html.contains(&format!("href=\"/exit/{id}\"")));
    let cy = common::page(&app, &format!("/cy/cyfeirio/gwirio/{id}"), StatusCode::OK).await;
    assert!(cy.contains("Gwiriwch eich atebion") && cy.contains("Siân Test"));

    // Nothing typed is readable in the database file.
    let path = state.config.database_url.to_string();
    let file = path.trim_start_matches("sqlite://");
    let mut bytes = std::fs::read(file).unwrap();
    if let Ok(wal) = std::fs::read(format!("{file}-wal")) {
        bytes.extend(wal);
    }
    let raw = String::from_utf8_lossy(&bytes);
    for typed in ["Siân", "Si\\u00e2n", "01632 960 001", "Line one"] {
        assert!(!raw.contains(typed), "{typed} readable in the database");
    }

    // Exit deletes it and leaves; the address then shows nothing personal.
    let res = send(
        &app,
        Request::get(format!("/exit/{id}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER);
    assert_eq!(
        res.headers()[header::LOCATION],
        "https://www.bbc.co.uk/weather"
    );
    assert_eq!(res.headers()[header::CACHE_CONTROL], "no-store, private");
    let gone = common::page(&app, &check, StatusCode::GONE).await;
    assert!(!gone.contains("Siân") && gone.contains("no longer shown"));
    // Exit with an unknown or malformed id still leaves.
    for path in ["/exit/AAAAAAAAAAAAAAAAAAAAAA", "/exit/%FF"] {
        let res = send(&app, Request::get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(res.status(), StatusCode::SEE_OTHER, "{path}");
    }
    // Malformed ids are the same page as deleted ones.
    for path in [
        "/refer/check/short",
        "/refer/answers/%00",
        "/refer/check/RJ-0000-0000",
    ] {
        let res = send(&app, Request::get(path).body(Body::empty()).unwrap()).await;
        assert_eq!(res.status(), StatusCode::GONE, "{path}");
    }
}

/// Sending deletes the check page's answers at once, and every handoff expires: the
/// sweep deletes it after its time.
#[tokio::test]
async fn sending_deletes_the_check_page_and_handoffs_expire() {
    let (app, state) = common::app_and_state(&[("RJ_MIN_FILL_SECONDS", "0")]).await;
    let t = token(&app, "/refer").await;
    let (status, _, check) = post(&app, "/refer", &format!("{VALID}&action=check&token={t}")).await;
    assert_eq!(status, StatusCode::OK);
    let at = check.find("name=\"handoff\" value=\"").unwrap() + 22;
    let id = &check[at..at + 22];
    let (status, location, _) = post(
        &app,
        "/refer",
        &format!("{VALID}&action=send&token={t}&handoff={id}"),
    )
    .await;
    assert_eq!(status, StatusCode::SEE_OTHER);
    common::page(&app, &format!("/refer/check/{id}"), StatusCode::GONE).await;
    let sent = location.unwrap();
    common::page(&app, &sent, StatusCode::OK).await;
    let ttl = rj::referral::handoff::TTL_SECONDS;
    let now = rj::calendar::unix_now();
    assert!(state.store.purge_handoffs(now).await.unwrap() == 0);
    assert!(state.store.purge_handoffs(now + ttl + 1).await.unwrap() >= 1);
    let res = send(&app, Request::get(&sent).body(Body::empty()).unwrap()).await;
    assert_eq!(res.status(), StatusCode::GONE);
    assert!(
        !text(res).await.contains("RJ-"),
        "the reference is not shown again"
    );
}

/// Each step asks only what applies: phone questions for phone contact, email ones for
/// email; an answer left from the other way is dropped, never stored or shown.
#[tokio::test]
async fn the_form_asks_only_what_applies() {
    let app = fresh_app(&[]).await;
    let first = common::page(&app, "/refer?area=kent", StatusCode::OK).await;
    assert!(first.contains("name=\"contact_method\"") && !first.contains("id=\"full_name\""));
    assert!(first.contains("autocomplete=\"off\""));
    let (_, _, phone) = post(&app, "/refer", "area=kent&contact_method=phone&action=next").await;
    assert!(phone.contains("id=\"phone\"") && phone.contains("name=\"voicemail_ok\""));
    assert!(!phone.contains("id=\"email\"") && !phone.contains("name=\"confirmation_email\""));
    let (_, _, email) = post(&app, "/refer", "area=kent&contact_method=email&action=next").await;
    assert!(email.contains("id=\"email\"") && !email.contains("name=\"voicemail_ok\""));
    assert!(!email.contains("id=\"phone\"") && !email.contains("name=\"say_rj_ok\""));
    // Every text field is kept from the browser's restoring and suggesting.
    for html in [&phone, &email] {
        for input in html.split("<input").skip(1) {
            let tag = &input[..input.find('>').unwrap()];
            if tag.contains("type=\"text\"")
                || tag.contains("type=\"tel\"")
                || tag.contains("type=\"email\"")
            {
                assert!(tag.contains("autocomplete=\"off\""), "{tag}");
            }
        }
    }
    // Switching from email to phone drops the address typed before.
    let t = token(&app, "/refer").await;
    let body = VALID.replace(
        "contact_method=phone",
        "contact_method=phone&email=old%40example.org",
    );
    let (_, _, check) = post(&app, "/refer", &format!("{body}&action=check&token={t}")).await;
    assert!(check.contains("Check your answers") && !check.contains("old@example.org"));
    // The message's limit is said before it is reached.
    assert!(phone.contains("You can enter up to 1,500 characters."));
}

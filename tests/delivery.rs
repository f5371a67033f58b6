//! Delivery through a real SMTP server (aiosmtpd, started here on a loopback port):
//! the email reaches the area's address with every answer and a parseable attachment;
//! requests wait while the server is down and all arrive once it starts; permanent
//! rejections are marked failed; the personal data is deleted after delivery.

mod common;

use common::smtp::{SmtpServer, free_port};
use mail_parser::{MessageParser, MimeHeaders};
use rj::areas::Areas;
use rj::areas::directory::{Directory, Routing};
use rj::referral::form::{Answer3, ContactMethod, Referral, Relationship};
use rj::referral::mailer::Mailer;
use rj::referral::render::Sender;
use rj::referral::store::Store;
use rj::referral::worker::{Chasing, Pacing, Worker, unix_now};
use std::path::Path;
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// The Message-ID of every message the server has received.
fn message_ids(smtp: &SmtpServer) -> Vec<String> {
    smtp.messages()
        .iter()
        .map(|(_, raw)| {
            MessageParser::default()
                .parse(raw)
                .unwrap()
                .message_id()
                .unwrap()
                .to_string()
        })
        .collect()
}

fn referral(area: &str, name: &str) -> Referral {
    Referral {
        area: area.into(),
        relationship: Relationship::Family,
        full_name: name.into(),
        contact_method: ContactMethod::Email,
        phone: None,
        email: Some(rj::email::EmailAddress::parse("person@example.net").unwrap()),
        voicemail_ok: false,
        say_rj_ok: false,
        safe_times: Some("weekdays after 6pm".into()),
        contact_language: rj::referral::form::ContactLanguage::Cy,
        reported: Answer3::NotSure,
        crime_reference: Some("CR-123".into()),
        responsible_under_18: Answer3::No,
        support_needs: Some("A BSL interpreter".into()),
        message: Some("Line one\nLine two".into()),
        confirmation_email: false,
    }
}

/// Working days with no bank holidays, alerts to the operator's example address.
fn chasing() -> Chasing {
    Chasing {
        clock: rj::calendar::AckClock::WorkingDays {
            days: 2,
            calendar: rj::calendar::WorkingDays::weekdays(),
        },
        operator: rj::email::EmailAddress::parse("operator@rj.example.org").unwrap(),
    }
}

struct Harness {
    store: Store,
    stop: watch::Sender<bool>,
    worker: tokio::task::JoinHandle<()>,
    _dir: tempfile::TempDir,
}

/// A fresh outbox in `dir` and what a worker needs beside it; `routing_text`
/// replaces the development routing (each area to its own example address).
async fn parts(
    dir: &Path,
    routing_text: Option<String>,
) -> (Store, Arc<Areas>, Arc<Directory>, Arc<Sender>) {
    let store = Store::open(&format!("sqlite://{}/rj.db", dir.display()))
        .await
        .unwrap();
    let areas = Arc::new(Areas::embedded().unwrap());
    let mut directory = Directory::parse(
        include_str!("../data/services.toml"),
        "services.toml",
        &areas,
        false,
    )
    .unwrap();
    if let Some(text) = routing_text {
        let triage = rj::email::EmailAddress::parse("triage@referrals.example.org").unwrap();
        let routing = Routing::parse(&text, "routing.toml", &areas, triage, false).unwrap();
        directory = directory.with_routing(routing);
    }
    let directory = Arc::new(directory);
    let sender = Arc::new(Sender {
        from: "Restorative justice help <no-reply@rj.example.org>"
            .parse()
            .unwrap(),
        site_name: "Restorative justice help".into(),
        public_url: "https://rj.example.org".into(),
        ack: rj::referral::ack::AckTokens::new(b"a-test-secret"),
    });
    (store, areas, directory, sender)
}

async fn harness(smtp_port: u16, routing_text: Option<String>) -> Harness {
    harness_with(
        tempfile::tempdir().unwrap(),
        smtp_port,
        routing_text,
        chasing(),
    )
    .await
}

/// A worker on the outbox in `dir` (a new one, or one a previous worker used).
async fn harness_with(
    dir: tempfile::TempDir,
    smtp_port: u16,
    routing_text: Option<String>,
    chasing: Chasing,
) -> Harness {
    let (store, areas, directory, sender) = parts(dir.path(), routing_text).await;
    let mailer = Mailer::new(
        Some(&format!("smtp://127.0.0.1:{smtp_port}")),
        dir.path().join("unused"),
        false,
    )
    .unwrap();
    let pacing = Pacing {
        retry_base: Duration::from_secs(1),
        retry_max: Duration::from_secs(2),
        poll: Duration::from_millis(50),
        sweep: Duration::from_millis(100),
        ..Pacing::default()
    };
    let (stop, stopped) = watch::channel(false);
    let worker = Worker {
        store: store.clone(),
        mailer,
        areas,
        directory,
        sender,
        pacing,
        chasing,
    };
    let worker = tokio::spawn(worker.run(stopped));
    Harness {
        store,
        stop,
        worker,
        _dir: dir,
    }
}

/// Periods of `seconds` instead of working days.
fn chasing_every(seconds: i64) -> Chasing {
    Chasing {
        clock: rj::calendar::AckClock::Seconds(seconds),
        ..chasing()
    }
}

impl Harness {
    async fn wait_until(&self, what: &str, done: impl Fn(&rj::referral::store::Counts) -> bool) {
        let start = Instant::now();
        loop {
            let counts = self.store.counts().await.unwrap();
            if done(&counts) {
                return;
            }
            assert!(
                start.elapsed() < Duration::from_secs(30),
                "timed out waiting for {what}: {counts:?}"
            );
            tokio::time::sleep(Duration::from_millis(50)).await;
        }
    }

    async fn stop(self) {
        self.stop.send(true).unwrap();
        self.worker.await.unwrap();
    }

    /// The worker dies where it stands (its task is dropped at whatever it awaits), and
    /// a new one starts on the same database, as after a crash and a restart.
    async fn crash_and_restart(
        self,
        smtp_port: u16,
        routing: Option<String>,
        chasing: Chasing,
    ) -> Harness {
        self.worker.abort();
        let _ = self.worker.await;
        drop(self.store);
        harness_with(self._dir, smtp_port, routing, chasing).await
    }
}

fn counter() -> impl FnMut() -> u64 {
    let mut n = unix_now() as u64;
    move || {
        n = n
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        n >> 17
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_email_reaches_the_service_with_every_answer() {
    let folder = tempfile::tempdir().unwrap();
    let port = free_port();
    let smtp = SmtpServer::start(port, folder.path());
    let h = harness(port, None).await;
    let reference = h
        .store
        .insert(
            "k1",
            &referral("south-wales", "Siân Prydderch"),
            unix_now(),
            counter(),
        )
        .await
        .unwrap();
    h.wait_until("delivery", |c| c.sent == 1).await;
    assert_eq!(
        h.store.payloads_held().await.unwrap(),
        1,
        "the answers are kept until the service confirms it has them"
    );
    h.stop().await;

    let messages = smtp.messages();
    assert_eq!(messages.len(), 1);
    let (rcpt, raw) = &messages[0];
    assert_eq!(rcpt, "south-wales@referrals.example.org");
    let email = MessageParser::default().parse(raw).unwrap();
    let subject = email.subject().unwrap();
    assert!(
        subject.contains(&format!("Restorative justice contact request {reference}")),
        "{subject}"
    );
    assert!(
        subject.contains("Cais am gyswllt cyfiawnder adferol"),
        "Welsh too, for an area in Wales: {subject}"
    );
    assert!(!subject.contains("Siân"), "no personal data in the subject");
    assert_eq!(
        email.message_id().unwrap(),
        format!("{reference}@rj.example.org")
    );
    let text = email.body_text(0).unwrap();
    let safety = text
        .find("Do not leave a voicemail or message.")
        .expect("safety first");
    let answers = text.find("Siân Prydderch").expect("the name");
    assert!(
        safety < answers,
        "safety instructions come before the answers"
    );
    for expected in [
        "Do not say you are calling about restorative justice.",
        "Contact them in Welsh.",
        "weekdays after 6pm",
        "CR-123",
        "A BSL interpreter",
        "Line two",
        "Peidiwch â gadael neges lais",
    ] {
        assert!(text.contains(expected), "text lacks {expected:?}");
    }
    assert!(email.body_html(0).unwrap().contains("Siân Prydderch"));
    let attachment = email.attachments().next().expect("an attachment");
    assert_eq!(attachment.attachment_name(), Some("referral.json"));
    let json: serde_json::Value = serde_json::from_slice(attachment.contents()).unwrap();
    assert_eq!(json["reference"], reference.to_string());
    assert_eq!(json["police_area"]["code"], "W15000003");
    assert_eq!(json["referral"]["full_name"], "Siân Prydderch");
    assert_eq!(json["referral"]["reported"], "not_sure");
}

#[tokio::test(flavor = "multi_thread")]
async fn requests_wait_while_the_server_is_down_and_all_arrive_once_it_starts() {
    let port = free_port(); // nothing listens here yet
    let h = harness(port, None).await;
    let mut references = Vec::new();
    for (i, area) in ["kent", "essex", "dorset", "gwent", "cumbria"]
        .iter()
        .enumerate()
    {
        references.push(
            h.store
                .insert(
                    &format!("k{i}"),
                    &referral(area, "A Person"),
                    unix_now(),
                    counter(),
                )
                .await
                .unwrap(),
        );
    }
    // Every request has been tried and is waiting.
    tokio::time::sleep(Duration::from_millis(600)).await;
    let counts = h.store.counts().await.unwrap();
    assert_eq!((counts.pending, counts.sent), (5, 0));

    let folder = tempfile::tempdir().unwrap();
    let smtp = SmtpServer::start(port, folder.path());
    h.wait_until("every request delivered", |c| c.sent == 5)
        .await;
    h.stop().await;
    let mut ids: Vec<String> = message_ids(&smtp);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 5, "each request arrived once");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_permanent_rejection_marks_the_request_failed_and_a_4xx_is_retried() {
    let folder = tempfile::tempdir().unwrap();
    let port = free_port();
    let _smtp = SmtpServer::start(port, folder.path());
    let text = "[[route]]\narea = \"kent\"\nemail = \"reject-kent@referrals.example.org\"\n\
                [[route]]\narea = \"essex\"\nemail = \"tempfail-essex@referrals.example.org\"\n"
        .to_string();
    let h = harness(port, Some(text)).await;
    h.store
        .insert("a", &referral("kent", "A"), unix_now(), counter())
        .await
        .unwrap();
    h.store
        .insert("b", &referral("essex", "B"), unix_now(), counter())
        .await
        .unwrap();
    h.wait_until("the rejection", |c| c.failed == 1).await;
    tokio::time::sleep(Duration::from_millis(1500)).await;
    let counts = h.store.counts().await.unwrap();
    assert_eq!(
        (counts.failed, counts.pending, counts.sent),
        (1, 1, 0),
        "the 451 is still waiting, not failed"
    );
    h.stop().await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_person_gets_a_confirmation_that_says_nothing_about_the_crime() {
    let folder = tempfile::tempdir().unwrap();
    let port = free_port();
    let smtp = SmtpServer::start(port, folder.path());
    let h = harness(port, None).await;
    let mut r = referral("north-wales", "Person");
    r.confirmation_email = true;
    let reference = h
        .store
        .insert("c", &r, unix_now(), counter())
        .await
        .unwrap();
    h.wait_until("delivery", |c| c.sent == 1).await;
    h.stop().await;
    let messages = smtp.messages();
    assert_eq!(messages.len(), 2);
    let (rcpt, raw) = messages
        .iter()
        .find(|(rcpt, _)| rcpt == "person@example.net")
        .expect("a confirmation");
    assert_eq!(rcpt, "person@example.net");
    let email = MessageParser::default().parse(raw).unwrap();
    let body = email.body_text(0).unwrap();
    assert!(body.contains(&reference.to_string()), "{body}");
    assert!(
        body.contains("Mae North Wales Police restorative justice wedi cael eich cais."),
        "in Welsh, naming the service (no Welsh name is known, so the English one): {body}"
    );
    for private in ["CR-123", "BSL", "Line one", "after 6pm"] {
        assert!(
            !body.contains(private),
            "the confirmation mentions {private}"
        );
    }
    assert!(email.attachments().next().is_none());
}

#[tokio::test(flavor = "multi_thread")]
async fn without_smtp_the_email_is_written_to_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (store, areas, directory, sender) = parts(dir.path(), None).await;
    let folder = dir.path().join("var/mail");
    let mailer = Mailer::new(None, folder.clone(), false).unwrap();
    let worker = Worker {
        store: store.clone(),
        mailer,
        areas,
        directory,
        sender,
        pacing: Pacing::default(),
        chasing: chasing(),
    };
    let reference = store
        .insert("f", &referral("kent", "File Person"), unix_now(), counter())
        .await
        .unwrap();
    let claimed = store.claim(unix_now(), 60).await.unwrap().unwrap();
    worker.deliver(claimed).await;
    let eml = std::fs::read(folder.join(format!("{reference}.eml"))).expect("the .eml file");
    let email = MessageParser::default().parse(&eml).unwrap();
    assert_eq!(
        email.to().unwrap().first().unwrap().address().unwrap(),
        "kent@referrals.example.org"
    );
    assert_eq!(store.counts().await.unwrap().sent, 1);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn several_workers_send_each_request_exactly_once() {
    let folder = tempfile::tempdir().unwrap();
    let port = free_port();
    let smtp = SmtpServer::start(port, folder.path());
    let dir = tempfile::tempdir().unwrap();
    let (store, areas, directory, sender) = parts(dir.path(), None).await;
    let pacing = Pacing {
        poll: Duration::from_millis(20),
        ..Pacing::default()
    };
    for i in 0..20 {
        store
            .insert(
                &format!("k{i}"),
                &referral("kent", "Many"),
                unix_now(),
                counter(),
            )
            .await
            .unwrap();
    }
    let (stop, stopped) = watch::channel(false);
    let workers: Vec<_> = (0..4)
        .map(|i| {
            let mailer = Mailer::new(
                Some(&format!("smtp://127.0.0.1:{port}")),
                dir.path().join("x"),
                false,
            )
            .unwrap();
            let worker = Worker {
                store: store.clone(),
                mailer,
                areas: areas.clone(),
                directory: directory.clone(),
                sender: sender.clone(),
                pacing: pacing.clone(),
                chasing: chasing(),
            };
            tokio::spawn(worker.run_with(stopped.clone(), i == 0))
        })
        .collect();
    let start = Instant::now();
    while store.counts().await.unwrap().sent < 20 {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "not all delivered"
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
    stop.send(true).unwrap();
    for w in workers {
        w.await.unwrap();
    }
    let ids: Vec<String> = message_ids(&smtp);
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(
        (ids.len(), unique.len()),
        (20, 20),
        "each request sent exactly once"
    );
}

/// The app with its worker, sending to `smtp_port`; `vars` add settings.
async fn site(smtp_port: u16, vars: &[(&str, &str)]) -> (axum::Router, rj::server::AppState) {
    let smtp = format!("smtp://127.0.0.1:{smtp_port}");
    let mut all = vec![
        ("RJ_SMTP_URL", smtp.as_str()),
        ("RJ_MIN_FILL_SECONDS", "0"),
        ("RJ_PUBLIC_URL", "https://rj.example.org"),
        ("RJ_SECRET", "a-test-secret-that-is-long-enough-123"),
    ];
    all.extend_from_slice(vars);
    common::app_and_state(&all).await
}

async fn post_form(app: &axum::Router, path: &str, body: &str) -> http::Response<axum::body::Body> {
    let req = http::Request::post(path)
        .header(
            http::header::CONTENT_TYPE,
            "application/x-www-form-urlencoded",
        )
        .header("sec-fetch-site", "same-origin")
        .body(axum::body::Body::from(body.to_string()))
        .unwrap();
    common::send(app, req).await
}

/// Sends a request through the form, as a person would; returns its reference.
async fn send_through_form(app: &axum::Router, answers: &str) -> String {
    let html = common::page(app, "/refer", http::StatusCode::OK).await;
    let pattern = "name=\"token\" value=\"";
    let at = html.find(pattern).expect("a token") + pattern.len();
    let token = &html[at..at + html[at..].find('"').unwrap()];
    let res = post_form(
        app,
        "/refer",
        &format!("token={token}&action=send&{answers}"),
    )
    .await;
    assert_eq!(res.status(), http::StatusCode::SEE_OTHER);
    let location = res.headers()[http::header::LOCATION].to_str().unwrap();
    location.rsplit('/').next().unwrap().to_string()
}

const ANSWERS: &str = "area=north-wales&relationship=harmed&full_name=Zebedee+Quixote&contact_method=phone\
&phone=01632+960+777&voicemail_ok=no&say_rj_ok=no&contact_language=en&reported=yes\
&responsible_under_18=no&consent=yes&message=a-secret-message-4471";

/// The words of a person's answers that no page about the request may show.
const PRIVATE: &[&str] = &["Zebedee", "Quixote", "960 777", "a-secret-message"];

/// Waits until `smtp` has `n` messages.
async fn wait_for_messages(smtp: &SmtpServer, n: usize) -> Vec<(String, Vec<u8>)> {
    let start = Instant::now();
    loop {
        let messages = smtp.messages();
        if messages.len() >= n {
            return messages;
        }
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "only {} of {n} messages arrived",
            messages.len()
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_service_confirms_with_the_link_and_the_person_sees_it() {
    let folder = tempfile::tempdir().unwrap();
    let port = free_port();
    let smtp = SmtpServer::start(port, folder.path());
    let (app, state) = site(port, &[]).await;
    let (stop, stopped) = watch::channel(false);
    let worker = tokio::spawn(state.worker().run(stopped));
    let reference = send_through_form(&app, ANSWERS).await;
    let messages = wait_for_messages(&smtp, 1).await;
    stop.send(true).unwrap();
    worker.await.unwrap();

    // The email carries the link, in each of its languages (North Wales: both), and
    // referral.json carries it too.
    let email = MessageParser::default().parse(&messages[0].1).unwrap();
    let text = email.body_text(0).unwrap();
    let en_prefix = format!("https://rj.example.org/refer/confirm/{reference}/");
    let at = text.find(&en_prefix).expect("the English link");
    let link = text[at..].split_whitespace().next().unwrap().to_string();
    let tag = &link[en_prefix.len()..];
    assert_eq!(tag.len(), 22, "{link}");
    let cy_link = format!("https://rj.example.org/cy/cyfeirio/cadarnhau/{reference}/{tag}");
    assert!(
        text.contains(&cy_link),
        "the Welsh part links the Welsh page"
    );
    assert!(text.contains("CONFIRM YOU HAVE RECEIVED THIS REQUEST"));
    assert!(
        email
            .body_html(0)
            .unwrap()
            .contains(&format!("href=\"{link}\""))
    );
    let json: serde_json::Value =
        serde_json::from_slice(email.attachments().next().unwrap().contents()).unwrap();
    assert_eq!(json["acknowledge_url"], link);
    let path = &link["https://rj.example.org".len()..];
    let stored = |state: &rj::server::AppState| {
        let store = state.store.clone();
        let r = rj::referral::reference::Reference::parse(&reference).unwrap();
        async move { store.find(r).await.unwrap().unwrap() }
    };

    // Opening the link (as a mail scanner does) shows the button and changes nothing.
    for _ in 0..3 {
        let res = common::get(&app, path).await;
        assert_eq!(res.status(), http::StatusCode::OK);
        assert_eq!(
            res.headers()[http::header::CACHE_CONTROL],
            "no-store, private"
        );
        let html = common::text(res).await;
        assert!(html.contains(&reference) && html.contains("Confirm we have received it"));
        assert!(html.contains(&format!("<form method=\"post\" action=\"{path}\"")));
        for private in PRIVATE {
            assert!(!html.contains(private), "the page shows {private}");
        }
    }
    let head = common::send(
        &app,
        http::Request::head(path)
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(head.status(), http::StatusCode::OK);
    assert_eq!(
        stored(&state).await.acknowledged_at,
        None,
        "GET and HEAD change nothing"
    );

    // Before: the status page says it is not confirmed yet.
    let status = |app: &axum::Router| {
        let app = app.clone();
        let body = format!("reference={reference}");
        async move {
            let res = post_form(&app, "/refer/status", &body).await;
            assert_eq!(res.status(), http::StatusCode::OK);
            assert_eq!(
                res.headers()[http::header::CACHE_CONTROL],
                "no-store, private"
            );
            common::text(res).await
        }
    };
    let before = status(&app).await;
    assert!(before.contains("Received: not confirmed yet"), "{before}");

    // The button's POST records it and shows the thank-you page.
    let res = post_form(&app, path, "").await;
    assert_eq!(res.status(), http::StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[http::header::LOCATION], path);
    let first = stored(&state).await.acknowledged_at.expect("acknowledged");
    let html = common::page(&app, path, http::StatusCode::OK).await;
    assert!(
        html.contains("Thank you") && !html.contains("<button"),
        "{html}"
    );

    // The status page shows it; nothing personal.
    let after = status(&app).await;
    let today = rj::calendar::long_date(rj::i18n::Lang::En, rj::calendar::uk_date(first));
    assert!(after.contains(&format!("Received: {today}")), "{after}");
    assert!(after.contains(&format!("Sent: {today}")));
    for private in PRIVATE {
        assert!(!after.contains(private), "the status page shows {private}");
    }

    // A second POST (a double click, the Welsh page) is harmless: the first time stays.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let cy_path = &cy_link["https://rj.example.org".len()..];
    let res = post_form(&app, cy_path, "").await;
    assert_eq!(res.status(), http::StatusCode::SEE_OTHER);
    assert_eq!(stored(&state).await.acknowledged_at, Some(first));
    let cy = common::page(&app, cy_path, http::StatusCode::OK).await;
    assert!(cy.contains("Diolch"), "{cy}");

    // A link that is not ours is the 404 page, and records nothing.
    let other = rj::referral::reference::Reference::generate({
        let mut n: u64 = 99;
        move || {
            n += 7;
            n
        }
    });
    for bad in [
        format!("/refer/confirm/{reference}/AAAAAAAAAAAAAAAAAAAAAA"),
        format!("/refer/confirm/{other}/{tag}"),
        format!("/refer/confirm/{reference}/{}", &tag[1..]),
        "/refer/confirm/nonsense/x".to_string(),
    ] {
        assert_eq!(
            common::get(&app, &bad).await.status(),
            http::StatusCode::NOT_FOUND,
            "{bad}"
        );
        assert_eq!(
            post_form(&app, &bad, "").await.status(),
            http::StatusCode::NOT_FOUND,
            "{bad}"
        );
    }
    // A post from another site is refused.
    let req = http::Request::post(path)
        .header("sec-fetch-site", "cross-site")
        .body(axum::body::Body::empty())
        .unwrap();
    assert_eq!(
        common::send(&app, req).await.status(),
        http::StatusCode::FORBIDDEN
    );
}

/// How many times each Message-ID arrived.
fn arrivals(smtp: &SmtpServer) -> std::collections::BTreeMap<String, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for id in message_ids(smtp) {
        *counts.entry(id).or_insert(0) += 1;
    }
    counts
}

/// The message with this Message-ID (without the angle brackets).
fn message_with_id(smtp: &SmtpServer, id: &str) -> (String, Vec<u8>) {
    smtp.messages()
        .into_iter()
        .find(|(_, raw)| MessageParser::default().parse(raw).unwrap().message_id() == Some(id))
        .unwrap_or_else(|| panic!("no message {id}"))
}

async fn wait_for_id(smtp: &SmtpServer, id: &str) {
    let start = Instant::now();
    while !arrivals(smtp).contains_key(id) {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "{id} did not arrive: {:?}",
            arrivals(smtp)
        );
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

/// Words of the test referral's answers that no operator alert may contain.
const ANSWER_WORDS: &[&str] = &[
    "Prydderch",
    "weekdays after 6pm",
    "CR-123",
    "BSL",
    "Line one",
    "person@example.net",
];

#[tokio::test(flavor = "multi_thread")]
async fn an_unconfirmed_request_is_reminded_then_escalated_once_each() {
    let folder = tempfile::tempdir().unwrap();
    let port = free_port();
    let smtp = SmtpServer::start(port, folder.path());
    let h = harness_with(tempfile::tempdir().unwrap(), port, None, chasing_every(2)).await;
    let unconfirmed = h
        .store
        .insert(
            "u",
            &referral("north-wales", "Siân Prydderch"),
            unix_now(),
            counter(),
        )
        .await
        .unwrap();
    let confirmed = h
        .store
        .insert(
            "c",
            &referral("kent", "Siân Prydderch"),
            unix_now(),
            counter(),
        )
        .await
        .unwrap();
    h.wait_until("both delivered", |c| c.sent == 2).await;
    // One service confirms at once; the other never does.
    h.store
        .acknowledge(
            confirmed,
            unix_now(),
            &rj::calendar::WorkingDays::weekdays(),
        )
        .await
        .unwrap();
    let escalation = format!("{unconfirmed}-escalation@rj.example.org");
    wait_for_id(&smtp, &escalation).await;
    // Three more periods: nothing else may arrive.
    tokio::time::sleep(Duration::from_secs(6)).await;
    h.stop().await;

    let arrived = arrivals(&smtp);
    let expected: std::collections::BTreeMap<String, usize> = [
        format!("{unconfirmed}@rj.example.org"),
        format!("{unconfirmed}-reminder@rj.example.org"),
        escalation.clone(),
        format!("{confirmed}@rj.example.org"),
    ]
    .into_iter()
    .map(|id| (id, 1))
    .collect();
    assert_eq!(
        arrived, expected,
        "each email exactly once; none for the confirmed request"
    );

    // The reminder is the service's email again, threaded with the first, with the link.
    let (rcpt, raw) = message_with_id(&smtp, &format!("{unconfirmed}-reminder@rj.example.org"));
    assert_eq!(rcpt, "north-wales@referrals.example.org");
    let reminder = MessageParser::default().parse(&raw).unwrap();
    assert!(
        reminder
            .subject()
            .unwrap()
            .starts_with("Reminder: Restorative justice contact request")
    );
    assert_eq!(
        reminder.in_reply_to().as_text(),
        Some(format!("{unconfirmed}@rj.example.org").as_str())
    );
    let text = reminder.body_text(0).unwrap();
    assert!(
        text.starts_with("Reminder: nobody has confirmed this request yet."),
        "{text}"
    );
    assert!(text.contains("Nodyn atgoffa"), "Welsh too, for North Wales");
    assert!(
        text.contains("Siân Prydderch") && text.contains(&format!("/refer/confirm/{unconfirmed}/"))
    );

    // The escalation goes to the operator: reference, area, dates; no answers.
    let (rcpt, raw) = message_with_id(&smtp, &escalation);
    assert_eq!(rcpt, "operator@rj.example.org");
    let email = MessageParser::default().parse(&raw).unwrap();
    let subject = email.subject().unwrap();
    assert!(
        subject.contains(&format!(
            "Not confirmed: request {unconfirmed} (North Wales)"
        )),
        "{subject}"
    );
    let body = email.body_text(0).unwrap();
    for expected in [
        "Police area: North Wales",
        "Sent to: The area's service",
        "Request sent: ",
        "Email delivered: ",
        "Reminder sent: ",
        &format!("rj outbox resolve {unconfirmed} --note"),
        "Ardal heddlu: Gogledd Cymru",
    ] {
        assert!(
            body.contains(expected),
            "the escalation lacks {expected:?}: {body}"
        );
    }
    for private in ANSWER_WORDS.iter().chain(&["Siân"]) {
        assert!(
            !raw.windows(private.len()).any(|w| w == private.as_bytes()),
            "the escalation holds {private}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_permanent_failure_alerts_the_operator_once_across_crashes() {
    let folder = tempfile::tempdir().unwrap();
    let port = free_port();
    let smtp = SmtpServer::start(port, folder.path());
    let routing = Some(
        "[[route]]\narea = \"kent\"\nemail = \"reject-kent@referrals.example.org\"\n".to_string(),
    );
    let h = harness_with(
        tempfile::tempdir().unwrap(),
        port,
        routing.clone(),
        chasing(),
    )
    .await;
    let reference = h
        .store
        .insert(
            "f",
            &referral("kent", "Siân Prydderch"),
            unix_now(),
            counter(),
        )
        .await
        .unwrap();
    let alert = format!("{reference}-failed@rj.example.org");
    wait_for_id(&smtp, &alert).await;
    // A crash and restart, an operator's retry that fails again, another crash: the
    // operator still hears of it once.
    let h = h.crash_and_restart(port, routing.clone(), chasing()).await;
    assert!(h.store.retry(reference, unix_now()).await.unwrap());
    h.wait_until("the second rejection", |c| c.failed == 1 && c.pending == 0)
        .await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    let h = h.crash_and_restart(port, routing, chasing()).await;
    tokio::time::sleep(Duration::from_millis(800)).await;
    let alerts = h.store.alerts().await.unwrap();
    h.stop().await;
    assert_eq!(
        arrivals(&smtp).get(&alert),
        Some(&1),
        "{:?}",
        arrivals(&smtp)
    );
    assert_eq!(arrivals(&smtp).len(), 1, "nothing reached the service");
    assert_eq!(alerts.len(), 1, "{alerts:?}");
    assert_eq!(alerts[0].status, "sent");

    let (rcpt, raw) = message_with_id(&smtp, &alert);
    assert_eq!(rcpt, "operator@rj.example.org");
    let email = MessageParser::default().parse(&raw).unwrap();
    let body = email.body_text(0).unwrap();
    assert!(
        email
            .subject()
            .unwrap()
            .contains(&format!("Not delivered: request {reference} (Kent)"))
    );
    for expected in [
        "The mail server's reply: SMTP 550",
        &format!("rj outbox retry {reference}"),
    ] {
        assert!(body.contains(expected), "{expected:?}: {body}");
    }
    for private in ANSWER_WORDS.iter().chain(&["Siân", "reject-kent"]) {
        assert!(!body.contains(private), "the alert holds {private}");
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_operator_is_warned_before_an_unconfirmed_request_is_purged() {
    let folder = tempfile::tempdir().unwrap();
    let port = free_port();
    let smtp = SmtpServer::start(port, folder.path());
    let h = harness(port, None).await;
    // Stored 28 days ago: the purge (30 days) is 2 days away, inside the 3-day warning.
    let stored = unix_now() - 28 * 86_400;
    let reference = h
        .store
        .insert(
            "old",
            &referral("kent", "Siân Prydderch"),
            stored,
            counter(),
        )
        .await
        .unwrap();
    let alert = format!("{reference}-retention@rj.example.org");
    wait_for_id(&smtp, &alert).await;
    tokio::time::sleep(Duration::from_millis(500)).await;
    h.stop().await;
    assert_eq!(arrivals(&smtp).get(&alert), Some(&1));
    let (rcpt, raw) = message_with_id(&smtp, &alert);
    assert_eq!(rcpt, "operator@rj.example.org");
    let email = MessageParser::default().parse(&raw).unwrap();
    let purge_on = rj::calendar::long_date(
        rj::i18n::Lang::En,
        rj::calendar::uk_date(stored + 30 * 86_400),
    );
    assert!(
        email
            .subject()
            .unwrap()
            .contains(&format!("To be deleted: request {reference} (Kent)")),
        "{:?}",
        email.subject()
    );
    let body = email.body_text(0).unwrap();
    assert!(
        body.contains(&format!("Its details will be deleted on {purge_on}")),
        "{body}"
    );
    assert!(body.contains(&format!("rj outbox resolve {reference} --note")));
    for private in ANSWER_WORDS.iter().chain(&["Siân"]) {
        assert!(!body.contains(private), "the alert holds {private}");
    }
}

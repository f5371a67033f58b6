//! Delivery through a real SMTP server (aiosmtpd, started here on a loopback port):
//! the email reaches the area's address with every answer and a parseable attachment;
//! without an agreed address it reaches the operator's triage inbox with the area's
//! facts at the top; youth justice cases are flagged and reach a youth service; the
//! person is told truthfully who will contact them, on the page and in the email, in
//! both languages; requests wait while the server is down and all arrive once it
//! starts; permanent rejections are marked failed; the personal data is deleted after
//! delivery.

mod common;

use common::smtp::{SmtpServer, free_port};
use mail_parser::{MessageParser, MimeHeaders};
use rj::areas::Areas;
use rj::areas::directory::{Directory, Routing};
use rj::referral::form::{Answer3, ContactMethod, Referral, Relationship};
use rj::referral::mailer::Mailer;
use rj::referral::render::Sender;
use rj::referral::store::Store;
use rj::referral::worker::{Pacing, Worker, unix_now};
use rj::site::SiteSettings;
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

/// The operator's inbox for every request without an agreed address.
const TRIAGE: &str = "triage@referrals.example.org";

/// A routing file sending `slugs` straight to `<slug>@referrals.example.org`.
fn direct_to(slugs: &[&str]) -> Option<String> {
    Some(
        slugs
            .iter()
            .map(|s| format!("[[route]]\narea = \"{s}\"\nemail = \"{s}@referrals.example.org\"\n"))
            .collect(),
    )
}

struct Harness {
    store: Store,
    stop: watch::Sender<bool>,
    worker: tokio::task::JoinHandle<()>,
    _dir: tempfile::TempDir,
}

/// A fresh outbox in `dir` and what a worker needs beside it: requests go as the
/// routing file `routing_text` says, the rest (or all, without one) to [`TRIAGE`].
async fn parts(
    dir: &Path,
    routing_text: Option<String>,
) -> (Store, Arc<Areas>, Arc<Directory>, Arc<Sender>) {
    let url = rj::referral::store::DatabaseUrl::parse(&format!("sqlite://{}/rj.db", dir.display()))
        .unwrap();
    let store = Store::open(&url).await.unwrap();
    let areas = Arc::new(Areas::embedded().unwrap());
    let directory = Directory::parse(
        include_str!("../data/services.toml"),
        "services.toml",
        &areas,
        false,
    )
    .unwrap();
    let triage = rj::email::EmailAddress::parse(TRIAGE).unwrap();
    let routing = match routing_text {
        Some(text) => Routing::parse(&text, "routing.toml", &areas, triage, false).unwrap(),
        None => Routing::triage_only(triage),
    };
    let directory = Arc::new(directory.with_routing(routing));
    let sender = Arc::new(Sender::new(
        "Restorative justice help <no-reply@rj.example.org>"
            .parse()
            .unwrap(),
        None,
        &SiteSettings::default(),
    ));
    (store, areas, directory, sender)
}

async fn harness(smtp_port: u16, routing_text: Option<String>) -> Harness {
    let dir = tempfile::tempdir().unwrap();
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
    };
    let worker = tokio::spawn(worker.run(stopped));
    Harness {
        store,
        stop,
        worker,
        _dir: dir,
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
    let h = harness(port, direct_to(&["south-wales"])).await;
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
        0,
        "personal data deleted after delivery"
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
        subject.starts_with(&format!(
            "Cais am gyswllt cyfiawnder adferol {reference} / "
        )),
        "Welsh too, and first, for an area in Wales: {subject}"
    );
    assert_eq!(
        email.from().unwrap().first().unwrap().name(),
        Some("Cymorth cyfiawnder adferol / Restorative justice help"),
        "the sender's name in Welsh first, then English"
    );
    assert!(!subject.contains("Siân"), "no personal data in the subject");
    assert_eq!(
        email.message_id().unwrap(),
        format!("{reference}@rj.example.org")
    );
    let text = email.body_text(0).unwrap();
    let (welsh, english) = text
        .split_once("----------------------------------------")
        .expect("two languages");
    assert!(
        welsh.starts_with("Mae rhywun wedi defnyddio Cymorth cyfiawnder adferol i ofyn"),
        "Welsh first, naming the site in Welsh: {welsh}"
    );
    assert!(english.contains("through Restorative justice help."));
    for (part, safety) in [
        (welsh, "Peidiwch â gadael neges lais"),
        (english, "Do not leave a voicemail or message."),
    ] {
        let safety = part.find(safety).expect("safety first");
        let answers = part.find("Siân Prydderch").expect("the name");
        assert!(
            safety < answers,
            "safety instructions come before the answers"
        );
    }
    assert!(
        !text.contains("Youth justice") && !text.contains("PASS THIS REQUEST ON"),
        "not a youth case, and straight to the service"
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
    assert_eq!(json["youth_justice"], false);
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
    let h = harness(port, direct_to(&["north-wales"])).await;
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
    assert_eq!(
        email.from().unwrap().first().unwrap().name(),
        Some("Cymorth cyfiawnder adferol"),
        "a Welsh-only email comes from the Welsh name"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn without_smtp_the_email_is_written_to_a_folder() {
    let dir = tempfile::tempdir().unwrap();
    let (store, areas, directory, sender) = parts(dir.path(), direct_to(&["kent"])).await;
    let folder = dir.path().join("var/mail");
    let mailer = Mailer::new(None, folder.clone(), false).unwrap();
    let worker = Worker {
        store: store.clone(),
        mailer,
        areas,
        directory,
        sender,
        pacing: Pacing::default(),
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

/// The plain text of the email received for `rcpt`.
fn received(smtp: &SmtpServer, rcpt: &str) -> Vec<Vec<u8>> {
    smtp.messages()
        .into_iter()
        .filter(|(r, _)| r == rcpt)
        .map(|(_, raw)| raw)
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn without_a_direct_address_the_email_reaches_triage_with_the_facts_at_the_top() {
    let folder = tempfile::tempdir().unwrap();
    let port = free_port();
    let smtp = SmtpServer::start(port, folder.path());
    // Kent has a named service; Gwent has none. Neither has agreed: both to triage.
    let h = harness(port, None).await;
    let mut kent = referral("kent", "Kent Person");
    kent.contact_language = rj::referral::form::ContactLanguage::En;
    kent.confirmation_email = true;
    let kent_ref = h
        .store
        .insert("t1", &kent, unix_now(), counter())
        .await
        .unwrap();
    let mut gwent = referral("gwent", "Gwent Person");
    gwent.confirmation_email = true;
    let gwent_ref = h
        .store
        .insert("t2", &gwent, unix_now(), counter())
        .await
        .unwrap();
    h.wait_until("delivery", |c| c.sent == 2).await;
    h.stop().await;

    let triaged = received(&smtp, TRIAGE);
    assert_eq!(triaged.len(), 2, "both reached the triage inbox");
    fn parse(raw: &[u8]) -> mail_parser::Message<'_> {
        MessageParser::default().parse(raw).unwrap()
    }
    let (kent_email, gwent_email) = {
        let a = parse(&triaged[0]);
        let b = parse(&triaged[1]);
        if a.subject().unwrap().contains(&kent_ref.to_string()) {
            (a, b)
        } else {
            (b, a)
        }
    };

    // Kent: English only, the facts first, then the usual email.
    assert_eq!(
        kent_email.subject().unwrap(),
        format!("To pass on: restorative justice contact request {kent_ref}")
    );
    let text = kent_email.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(text.starts_with("PASS THIS REQUEST ON\nThis request came to you because Kent and Medway Restorative Justice Service has not agreed"), "{text}");
    let facts = [
        "Police area: Kent",
        "Restorative justice service: Kent and Medway Restorative Justice Service",
        "Website: https://www.rjkent.org.uk/",
        "Phone: 0800 783 1583 (Free to call.)",
        "Who it is for: For people who live in Kent and Medway. Domestic abuse and sexual offence cases are taken only from victims.",
        "Who commissions victim services here: Kent Police and Crime Commissioner (https://www.kent-pcc.gov.uk/)",
    ];
    let intro = text
        .find("Someone has asked your restorative justice service")
        .expect("the usual email follows");
    for fact in facts {
        let at = text
            .find(fact)
            .unwrap_or_else(|| panic!("{fact:?} in {text}"));
        assert!(at < intro, "{fact:?} comes before the usual email");
    }
    assert!(intro < text.find("Kent Person").unwrap());
    let html = kent_email.body_html(0).unwrap();
    assert!(
        html.contains("Kent and Medway Restorative Justice Service")
            && html.contains("https://www.rjkent.org.uk/")
    );

    // Gwent: in Wales, so Welsh first; no service is listed, so the operator finds one.
    let text = gwent_email.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(
        gwent_email.subject().unwrap().starts_with(&format!(
            "I'w anfon ymlaen: cais am gyswllt cyfiawnder adferol {gwent_ref} / To pass on:"
        )),
        "{:?}",
        gwent_email.subject()
    );
    assert!(
        text.starts_with("ANFONWCH Y CAIS HWN YMLAEN\nDaeth y cais hwn atoch chi am nad oes gwasanaeth cyfiawnder adferol wedi'i restru ar gyfer Gwent."),
        "{text}"
    );
    assert!(text.contains("no restorative justice service is listed for Gwent"));
    assert!(
        text.contains("Police and Crime Commissioner for Gwent (https://www.gwent.pcc.police.uk/)")
    );
    let html = gwent_email.body_html(0).unwrap();
    assert!(
        html.contains(r#"<span lang="en">Police and Crime Commissioner for Gwent</span>"#),
        "English facts in the Welsh part are marked: {html}"
    );

    // The people are told who has their request.
    let confirmations = received(&smtp, "person@example.net");
    assert_eq!(confirmations.len(), 2);
    let bodies: Vec<String> = confirmations
        .iter()
        .map(|raw| parse(raw).body_text(0).unwrap().to_string())
        .collect();
    assert!(bodies.iter().any(|b| b.contains(
        "We have sent your request to the Example Restorative Justice Partnership team, who will pass it to Kent and Medway Restorative Justice Service."
    )), "{bodies:?}");
    assert!(bodies.iter().any(|b| b.contains(
        "Mae tîm Example Restorative Justice Partnership wedi cael eich cais. Dydyn ni ddim wedi dod o hyd i wasanaeth cyfiawnder adferol ar gyfer eich ardal"
    )), "{bodies:?}");
}

// ---- through the app: the form, the confirmation page, delivery ----

use axum::Router;
use axum::body::Body;
use http::{Request, StatusCode, header};

/// The app with a real SMTP server and these settings; the form may be sent at once.
async fn app_with_smtp(smtp_port: u16, vars: &[(&str, &str)]) -> (Router, rj::server::AppState) {
    let smtp = format!("smtp://127.0.0.1:{smtp_port}");
    let mut all = vec![
        ("RJ_MIN_FILL_SECONDS", "0"),
        ("RJ_SEND_LIMIT_PER_HOUR", "0"),
        ("RJ_SMTP_URL", smtp.as_str()),
    ];
    all.extend_from_slice(vars);
    common::app_and_state(&all).await
}

/// Fills in the form at `/refer` (`/cy/cyfeirio` for Welsh) for `area` and sends it;
/// `extra` adds or replaces answers. Returns the confirmation page's address.
async fn send_form(app: &Router, lang: rj::i18n::Lang, area: &str, extra: &str) -> String {
    let path = rj::i18n::Page::Refer.path(lang);
    let html = common::page(app, &path, StatusCode::OK).await;
    let at = html.find("name=\"token\" value=\"").unwrap() + 20;
    let token = &html[at..at + html[at..].find('"').unwrap()];
    let body = format!(
        "area={area}&relationship=harmed&full_name=App+Person&contact_method=email\
         &email=person%40example.net&voicemail_ok=no&say_rj_ok=no&contact_language={}\
         &reported=yes&responsible_under_18=no&consent=yes&confirmation_email=yes{extra}\
         &action=send&token={token}",
        lang.code()
    );
    let req = Request::post(&path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(body))
        .unwrap();
    let res = common::send(app, req).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "the form was sent");
    res.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string()
}

/// Delivers every waiting request once.
async fn deliver_all(state: &rj::server::AppState) {
    let worker = state.worker();
    while let Some(claimed) = state.store.claim(unix_now(), 60).await.unwrap() {
        worker.deliver(claimed).await;
    }
}

/// The paragraph after "What happens next" on a confirmation page.
async fn what_happens_next(app: &Router, location: &str) -> String {
    let html = common::page(app, location, StatusCode::OK).await;
    let heading = html.find("</h2>").expect("a heading after the panel");
    let start = html[heading..].find("<p>").unwrap() + heading + 3;
    let end = html[start..].find("</p>").unwrap() + start;
    html[start..end].to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn the_person_is_told_truthfully_who_will_contact_them_in_both_languages() {
    use rj::i18n::Lang::{Cy, En};
    let folder = tempfile::tempdir().unwrap();
    let port = free_port();
    let smtp = SmtpServer::start(port, folder.path());
    let routing = tempfile::NamedTempFile::new().unwrap();
    std::fs::write(
        routing.path(),
        "[[route]]\narea = \"kent\"\nemail = \"kent@referrals.example.org\"\n",
    )
    .unwrap();
    let routing_path = routing.path().display().to_string();
    let (app, state) = app_with_smtp(
        port,
        &[
            ("RJ_ROUTING", routing_path.as_str()),
            ("RJ_TRIAGE_EMAIL", TRIAGE),
            (
                "RJ_OPERATOR_NAME_CY",
                "Partneriaeth Cyfiawnder Adferol Enghreifftiol",
            ),
        ],
    )
    .await;
    let kent = "Kent and Medway Restorative Justice Service";
    let essex = "Essex Restorative and Mediation Service";
    let operator = "Example Restorative Justice Partnership";
    let operator_cy = "Partneriaeth Cyfiawnder Adferol Enghreifftiol";
    // (language, area, what the page says, what the confirmation email says)
    let cases = [
        (
            En,
            "kent",
            format!("Your request is going to {kent}. They will contact you"),
            format!("We have sent your request to {kent}."),
        ),
        (
            Cy,
            "kent",
            format!("Bydd <span lang=\"en\">{kent}</span> yn cysylltu â chi"),
            format!("Mae {kent} wedi cael eich cais."),
        ),
        (
            En,
            "essex",
            format!(
                "Your request is going to the {operator} team. They will pass it to {essex}, who will contact you"
            ),
            format!(
                "We have sent your request to the {operator} team, who will pass it to {essex}."
            ),
        ),
        (
            Cy,
            "essex",
            format!(
                "Mae eich cais yn mynd i dîm {operator_cy}. Byddan nhw'n ei anfon ymlaen, a bydd <span lang=\"en\">{essex}</span> yn cysylltu â chi"
            ),
            format!(
                "Mae tîm {operator_cy} wedi cael eich cais. Byddan nhw'n ei anfon ymlaen, a bydd {essex} yn cysylltu â chi"
            ),
        ),
        (
            En,
            "gwent",
            format!(
                "Your request is going to the {operator} team. We have not found a restorative justice service for your area"
            ),
            format!(
                "We have sent your request to the {operator} team. We have not found a restorative justice service"
            ),
        ),
    ];
    let mut locations = Vec::new();
    for (i, (lang, area, page_says, _)) in cases.iter().enumerate() {
        // Each a different person, so each is a new request.
        let location = send_form(&app, *lang, area, &format!("&full_name=Person+{i}")).await;
        let next = what_happens_next(&app, &location).await;
        assert!(next.contains(page_says.as_str()), "{area} {lang:?}: {next}");
        locations.push(location);
    }
    deliver_all(&state).await;
    assert_eq!(state.store.counts().await.unwrap().sent, 5);
    assert_eq!(received(&smtp, "kent@referrals.example.org").len(), 2);
    assert_eq!(received(&smtp, TRIAGE).len(), 3);
    // After delivery the answers are gone; the page still says the same.
    for ((lang, area, page_says, _), location) in cases.iter().zip(&locations) {
        let next = what_happens_next(&app, location).await;
        assert!(
            next.contains(page_says.as_str()),
            "after delivery, {area} {lang:?}: {next}"
        );
    }
    let bodies: Vec<String> = received(&smtp, "person@example.net")
        .iter()
        .map(|raw| {
            MessageParser::default()
                .parse(raw)
                .unwrap()
                .body_text(0)
                .unwrap()
                .to_string()
        })
        .collect();
    for (lang, area, _, email_says) in &cases {
        assert!(
            bodies.iter().any(|b| b.contains(email_says.as_str())),
            "{area} {lang:?}: no confirmation says {email_says:?}: {bodies:?}"
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn a_youth_justice_case_is_flagged_and_reaches_the_youth_service() {
    let folder = tempfile::tempdir().unwrap();
    let port = free_port();
    let smtp = SmtpServer::start(port, folder.path());
    let dir = tempfile::tempdir().unwrap();
    // The operator lists Kent's youth justice service and its agreed address.
    let services = dir.path().join("services.toml");
    std::fs::write(
        &services,
        // Kent's entry is followed by Sussex's.
        include_str!("../data/services.toml").replacen(
            "\n[[area]]\narea = \"sussex\"\n",
            "\n[[area.service]]\nname = \"Kent Youth Justice Example\"\n\
             website = \"https://youth.kent.example.org/\"\naudience = \"youth\"\n\n\
             [[area]]\narea = \"sussex\"\n",
            1,
        ),
    )
    .unwrap();
    let routing = dir.path().join("routing.toml");
    std::fs::write(
        &routing,
        "[[route]]\narea = \"kent\"\naudience = \"youth\"\nemail = \"youth@kent.example.org\"\n",
    )
    .unwrap();
    let (services, routing) = (
        services.display().to_string(),
        routing.display().to_string(),
    );
    let (app, state) = app_with_smtp(
        port,
        &[
            ("RJ_DIRECTORY", services.as_str()),
            ("RJ_ROUTING", routing.as_str()),
            ("RJ_TRIAGE_EMAIL", TRIAGE),
        ],
    )
    .await;

    // The form says what it means, on the form and where the answer is checked.
    let form = common::page(&app, "/refer?area=kent", StatusCode::OK).await;
    let note = "If so, restorative justice is usually run by the local youth justice service.";
    assert!(
        form.contains(note),
        "the question explains it (works with JavaScript off)"
    );

    let youth = "&responsible_under_18=yes";
    let kent = send_form(&app, rj::i18n::Lang::En, "kent", youth).await;
    let next = what_happens_next(&app, &kent).await;
    assert!(
        next.contains("Your request is going to Kent Youth Justice Example."),
        "{next}"
    );
    // Essex lists no youth service: the usual way (triage), still flagged.
    let essex = send_form(&app, rj::i18n::Lang::En, "essex", youth).await;
    let next = what_happens_next(&app, &essex).await;
    assert!(
        next.contains("pass it to Essex Restorative and Mediation Service"),
        "{next}"
    );
    // An adult case in Kent goes the usual way (triage: only the youth service agreed).
    send_form(&app, rj::i18n::Lang::En, "kent", "&full_name=Adult+Case").await;
    deliver_all(&state).await;

    let youth_mail = received(&smtp, "youth@kent.example.org");
    assert_eq!(
        youth_mail.len(),
        1,
        "the youth case reached the youth service"
    );
    let email = MessageParser::default().parse(&youth_mail[0]).unwrap();
    let text = email.body_text(0).unwrap().replace("\r\n", "\n");
    assert!(
        text.starts_with("Youth justice case: the person responsible was under 18."),
        "flagged at the top: {text}"
    );
    assert!(
        !text.contains("PASS THIS REQUEST ON"),
        "straight to the youth service"
    );
    let json: serde_json::Value =
        serde_json::from_slice(email.attachments().next().unwrap().contents()).unwrap();
    assert_eq!(json["youth_justice"], true);
    assert_eq!(json["referral"]["responsible_under_18"], "yes");

    let triaged: Vec<String> = received(&smtp, TRIAGE)
        .iter()
        .map(|raw| {
            MessageParser::default()
                .parse(raw)
                .unwrap()
                .body_text(0)
                .unwrap()
                .to_string()
        })
        .collect();
    assert_eq!(triaged.len(), 2, "Essex's youth case and Kent's adult case");
    let essex_mail = triaged
        .iter()
        .find(|t| t.contains("Essex Restorative and Mediation Service has not agreed"))
        .expect("Essex's through triage");
    let facts_end = essex_mail.find("Youth justice case:").expect("flagged");
    assert!(facts_end < essex_mail.find("Someone has").unwrap());
    let adult = triaged
        .iter()
        .find(|t| t.contains("Kent and Medway Restorative Justice Service has not agreed"))
        .expect("Kent's adult case through triage");
    assert!(
        !adult.contains("Youth justice case"),
        "an adult case is not flagged"
    );
}

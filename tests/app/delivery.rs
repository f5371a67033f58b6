//! Delivery through a real SMTP server (aiosmtpd, started here on a loopback port):
//! the email reaches the area's address with every answer and a parseable attachment;
//! without an agreed address it reaches the operator's triage inbox with the area's
//! facts at the top; youth justice cases are flagged and reach a youth service; the
//! person is told truthfully who will contact them, on the page and in the email, in
//! both languages; requests wait while the server is down and all arrive once it
//! starts; permanent rejections are marked failed; the personal data is deleted after
//! delivery.

use crate::common;

use common::smtp::{SmtpServer, free_port};
use common::wait::{check, eventually};
use mail_parser::{MessageParser, MimeHeaders};
use rj::areas::Areas;
use rj::areas::directory::{Delivery, Directory, Routing, RoutingRules};
use rj::calendar::{Clock, unix_now};
use rj::mail::render::Sender;
use rj::mail::transport::Mailer;
use rj::outbox::worker::{Chasing, Pacing, Worker};
use rj::referral::form::{Answer3, ContactMethod, Referral, Relationship};
use rj::site::SiteSettings;
use rj::store::Store;
use std::path::Path;
use std::sync::Arc;
use std::time::Duration;
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
        email: Some(rj::mail::address::EmailAddress::parse("person@example.net").unwrap()),
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

/// What a route adds to receive the full answers by email here.
const EMAIL: &str = "delivery = \"email\"\nattested = true\n";

/// The settings that give the triage inbox the full answers by email.
const TRIAGE_BY_EMAIL: [(&str, &str); 2] = [
    ("RJ_TRIAGE_DELIVERY", "email"),
    ("RJ_TRIAGE_ATTESTED", "true"),
];

/// The operator's inbox for every request without an agreed address.
pub(crate) const TRIAGE: &str = "triage@referrals.example.org";

/// A routing file sending `slugs` straight to `<slug>@referrals.example.org`, the full
/// answers by email (the operator has attested these addresses; the default, inbox
/// delivery, is tested in `email_privacy`).
fn direct_to(slugs: &[&str]) -> Option<String> {
    Some(
        slugs
            .iter()
            .map(|s| {
                format!("[[route]]\narea = \"{s}\"\nemail = \"{s}@referrals.example.org\"\n{EMAIL}")
            })
            .collect(),
    )
}

/// Working days with no bank holidays, alerts to the operator's example address.
fn chasing() -> Chasing {
    Chasing {
        clock: rj::calendar::AckClock::WorkingDays {
            days: 2,
            calendar: rj::calendar::WorkingDays::weekdays(),
        },
        operator: rj::mail::address::EmailAddress::parse("operator@rj.example.org").unwrap(),
    }
}

pub(crate) struct Harness {
    pub(crate) store: Store,
    stop: watch::Sender<bool>,
    worker: tokio::task::JoinHandle<()>,
    /// The outbox's folder (its SQLite database), kept while the worker runs.
    dir: tempfile::TempDir,
}

/// A fresh outbox in `dir` and what a worker needs beside it: requests go as the
/// routing file `routing_text` says, the rest (or all, without one) to [`TRIAGE`].
async fn parts(
    dir: &Path,
    routing_text: Option<String>,
    triage_delivery: Delivery,
) -> (Store, Arc<Areas>, Arc<Directory>, Arc<Sender>) {
    let url = rj::store::DatabaseUrl::parse(&format!("sqlite://{}/rj.db", dir.display())).unwrap();
    // The folder's own key, as the site in development: the same on every reopening.
    let (keys, _) = rj::store::DataKeys::development_file(&dir.join("data.key")).unwrap();
    let store = Store::open(&url, keys).await.unwrap();
    let areas = Arc::new(Areas::embedded().unwrap());
    let directory = Directory::parse(
        include_str!("../../data/services.toml"),
        "services.toml",
        &areas,
        false,
    )
    .unwrap();
    let triage = rj::mail::address::EmailAddress::parse(TRIAGE).unwrap();
    let rules = RoutingRules::new(triage, false).triage_delivery(triage_delivery, true);
    let routing = match routing_text {
        Some(text) => Routing::parse(&text, "routing.toml", &areas, &rules).unwrap(),
        None => Routing::triage_only(&rules),
    };
    let directory = Arc::new(directory.with_routing(routing));
    let sender = Arc::new(Sender::new(
        "Restorative justice help <no-reply@rj.example.org>"
            .parse()
            .unwrap(),
        None,
        &SiteSettings {
            public_url: "https://rj.example.org".into(),
            ..SiteSettings::default()
        },
    ));
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
    harness_on(dir, smtp_port, routing_text, chasing, Clock::system()).await
}

/// As [`harness_with`], with the worker reading the time from `clock`.
async fn harness_on(
    dir: tempfile::TempDir,
    smtp_port: u16,
    routing_text: Option<String>,
    chasing: Chasing,
    clock: Clock,
) -> Harness {
    harness_delivering(
        dir,
        smtp_port,
        routing_text,
        chasing,
        clock,
        Delivery::Email,
    )
    .await
}

/// As [`harness_on`], the triage inbox delivered to as `triage` says.
pub(crate) async fn harness_delivering(
    dir: tempfile::TempDir,
    smtp_port: u16,
    routing_text: Option<String>,
    chasing: Chasing,
    clock: Clock,
    triage: Delivery,
) -> Harness {
    let (store, areas, directory, sender) = parts(dir.path(), routing_text, triage).await;
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
        clock,
        ack: ack_tokens(),
        webhooks: None,
    };
    let worker = tokio::spawn(worker.run(stopped));
    Harness {
        store,
        stop,
        worker,
        dir,
    }
}

/// The acknowledgement links' signer the workers here use.
fn ack_tokens() -> rj::referral::ack::AckTokens {
    rj::referral::ack::AckTokens::new(
        rj::keys::Secrets::from_text("a-test-secret").ring(rj::keys::Purpose::AckLink),
    )
}

/// Periods of `seconds` instead of working days.
pub(crate) fn chasing_every(seconds: i64) -> Chasing {
    Chasing {
        clock: rj::calendar::AckClock::Seconds(seconds),
        ..chasing()
    }
}

impl Harness {
    pub(crate) async fn wait_until(&self, what: &str, done: impl Fn(&rj::store::Counts) -> bool) {
        eventually(what, || async {
            let counts = self.store.counts().await.unwrap();
            check(done(&counts), || format!("{counts:?}"))
        })
        .await
    }

    /// Waits until the requests `sql` (a condition on the `referrals` table) picks
    /// number `n`: what the worker did that the store's API does not show.
    async fn wait_for_rows(&self, what: &str, sql: &str, n: i64) {
        let url = format!("sqlite://{}/rj.db", self.dir.path().display());
        let db = sqlx::SqlitePool::connect(&url).await.unwrap();
        let query = format!("SELECT COUNT(*) FROM referrals WHERE {sql}");
        eventually(what, || async {
            let found: i64 = sqlx::query_scalar(&query).fetch_one(&db).await.unwrap();
            check(found == n, || format!("{found} of {n} requests: {sql}"))
        })
        .await;
        db.close().await;
    }

    pub(crate) async fn stop(self) {
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
        harness_with(self.dir, smtp_port, routing, chasing).await
    }
}

/// A random source for references: a different seed at each call (the clock alone
/// would give two calls in the same second the same references, one after the other).
pub(crate) fn counter() -> impl FnMut() -> u64 {
    static CALLS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
    let call = CALLS.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
    let mut n = (unix_now() as u64) ^ (call << 40);
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
            // By phone: the voicemail and "say it is RJ" answers come first.
            &Referral {
                contact_method: ContactMethod::Phone,
                phone: Some("01632 960 001".into()),
                ..referral("south-wales", "Siân Prydderch")
            },
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
        welsh.starts_with("Mae rhywun wedi defnyddio'r wefan Cymorth cyfiawnder adferol i ofyn"),
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
    h.wait_for_rows(
        "every request tried once",
        "status = 'pending' AND attempts >= 1 AND lease_until IS NULL",
        5,
    )
    .await;
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
    h.wait_for_rows(
        "the 451 tried again",
        "area = 'essex' AND status = 'pending' AND attempts >= 2 AND lease_until IS NULL",
        1,
    )
    .await;
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
        body.contains("Rydyn ni wedi anfon eich cais. Bydd North Wales Police restorative justice yn cysylltu â chi"),
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
    let (store, areas, directory, sender) =
        parts(dir.path(), direct_to(&["kent"]), Delivery::Email).await;
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
        clock: Clock::system(),
        ack: ack_tokens(),
        webhooks: None,
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
    let (store, areas, directory, sender) = parts(dir.path(), None, Delivery::Email).await;
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
                clock: Clock::system(),
                ack: ack_tokens(),
                webhooks: None,
            };
            tokio::spawn(worker.run_with(stopped.clone(), i == 0))
        })
        .collect();
    eventually("all delivered", || async {
        let counts = store.counts().await.unwrap();
        check(counts.sent == 20, || format!("{counts:?}"))
    })
    .await;
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
    // The triage email carries the confirmation link too, for the operator's team.
    assert!(
        text.contains(&format!(
            "CONFIRM YOU HAVE RECEIVED THIS REQUEST\nWhen someone in your team has this request, open this link and press the button on the page. The person who asked can then see that it has arrived. If nobody confirms it, we will send a reminder.\nhttps://rj.example.org/refer/confirm/{kent_ref}/"
        )),
        "{text}"
    );
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
    // The commissioner's standard title has its Welsh form in the Welsh part.
    assert!(
        text.contains("Comisiynydd Heddlu a Throseddu Gwent (https://www.gwent.pcc.police.uk/)"),
        "{text}"
    );
    let html = gwent_email.body_html(0).unwrap();
    assert!(
        !html.contains(r#"<span lang="en">Police and Crime Commissioner for Gwent</span>"#),
        "the Welsh part has the Welsh title, not the English one: {html}"
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
        "Rydyn ni wedi anfon eich cais at dîm Example Restorative Justice Partnership. Dydyn ni ddim wedi dod o hyd i wasanaeth cyfiawnder adferol ar gyfer eich ardal"
    )), "{bodies:?}");
}

// ---- through the app: the form, the confirmation page, delivery ----

use axum::Router;
use axum::body::Body;
use http::{Request, StatusCode, header};

/// The app with a real SMTP server and these settings; the form may be sent at once.
async fn app_with_smtp(smtp_port: u16, vars: &[(&str, &str)]) -> (Router, rj::server::AppState) {
    let smtp = format!("smtp://127.0.0.1:{smtp_port}");
    // The first value of a setting counts: the caller's, then these.
    let mut all = vars.to_vec();
    all.extend([
        ("RJ_MIN_FILL_SECONDS", "0"),
        ("RJ_SEND_LIMIT_PER_HOUR", "0"),
        ("RJ_SMTP_URL", smtp.as_str()),
    ]);
    all.extend(TRIAGE_BY_EMAIL);
    common::app_and_state(&all).await
}

/// As [`site`], with the site and its worker reading the time from `clock`.
async fn site_on(smtp_port: u16, clock: Clock) -> (axum::Router, rj::server::AppState) {
    let (_, mut state) = site(smtp_port, &[]).await;
    state.clock = clock;
    (rj::server::router(state.clone()), state)
}

/// The app with its worker, sending to `smtp_port`; `vars` add settings.
async fn site(smtp_port: u16, vars: &[(&str, &str)]) -> (axum::Router, rj::server::AppState) {
    let smtp = format!("smtp://127.0.0.1:{smtp_port}");
    // The first value of a setting counts: the caller's, then these.
    let mut all = vars.to_vec();
    all.extend([
        ("RJ_SMTP_URL", smtp.as_str()),
        ("RJ_MIN_FILL_SECONDS", "0"),
        ("RJ_PUBLIC_URL", "https://rj.example.org"),
        ("RJ_SECRET", "a-test-secret-that-is-long-enough-123"),
    ]);
    all.extend(TRIAGE_BY_EMAIL);
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
        format!("[[route]]\narea = \"kent\"\nemail = \"kent@referrals.example.org\"\n{EMAIL}"),
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
            format!("Rydyn ni wedi anfon eich cais. Bydd {kent} yn cysylltu â chi"),
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
                "Mae eich cais yn mynd at dîm {operator_cy}. Byddan nhw'n ei anfon ymlaen, a bydd <span lang=\"en\">{essex}</span> yn cysylltu â chi"
            ),
            format!(
                "Rydyn ni wedi anfon eich cais at dîm {operator_cy}. Byddan nhw'n ei anfon ymlaen, a bydd {essex} yn cysylltu â chi"
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
    common::reference_at(app, location).await
}

const ANSWERS: &str = "area=north-wales&relationship=harmed&full_name=Zebedee+Quixote&contact_method=phone\
&phone=01632+960+777&voicemail_ok=no&say_rj_ok=no&contact_language=en&reported=yes\
&responsible_under_18=no&consent=yes&message=a-secret-message-4471";

/// The words of a person's answers that no page about the request may show.
const PRIVATE: &[&str] = &["Zebedee", "Quixote", "960 777", "a-secret-message"];

/// Waits until `smtp` has `n` messages.
async fn wait_for_messages(smtp: &SmtpServer, n: usize) -> Vec<(String, Vec<u8>)> {
    eventually(&format!("{n} messages"), || async {
        let messages = smtp.messages();
        let got = messages.len();
        (got >= n)
            .then_some(messages)
            .ok_or(format!("{got} arrived"))
    })
    .await
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
        include_str!("../../data/services.toml").replacen(
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
        format!("[[route]]\narea = \"kent\"\naudience = \"youth\"\nemail = \"youth@kent.example.org\"\n{EMAIL}"),
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
    let res = post_form(&app, "/refer", "area=kent&contact_method=phone&action=next").await;
    let step = res.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    let form = common::page(&app, &step, StatusCode::OK).await;
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

/// A request sent through the form and delivered to North Wales (both languages), the
/// worker stopped: the site, the email, and the confirmation link it carries.
struct Confirming {
    app: axum::Router,
    state: rj::server::AppState,
    reference: String,
    /// The service's email, as received.
    raw: Vec<u8>,
    /// The English link, whole.
    link: String,
    /// The Welsh link, whole.
    cy_link: String,
    /// The link's last part, which proves it came from the email.
    tag: String,
    /// The English link's path.
    path: String,
    _smtp: SmtpServer,
    _folder: tempfile::TempDir,
}

async fn delivered_with_link() -> Confirming {
    let folder = tempfile::tempdir().unwrap();
    let port = free_port();
    let smtp = SmtpServer::start(port, folder.path());
    // Time moves only when a test moves it (`state.clock.advance`).
    let (app, state) = site_on(port, Clock::manual(unix_now())).await;
    let (stop, stopped) = watch::channel(false);
    let worker = tokio::spawn(state.worker().run(stopped));
    let reference = send_through_form(&app, ANSWERS).await;
    let messages = wait_for_messages(&smtp, 1).await;
    stop.send(true).unwrap();
    worker.await.unwrap();
    let raw = messages[0].1.clone();
    let email = MessageParser::default().parse(&raw).unwrap();
    let text = email.body_text(0).unwrap();
    let en_prefix = format!("https://rj.example.org/refer/confirm/{reference}/");
    let at = text.find(&en_prefix).expect("the English link");
    let link = text[at..].split_whitespace().next().unwrap().to_string();
    let tag = link[en_prefix.len()..].to_string();
    let cy_link = format!("https://rj.example.org/cy/cyfeirio/cadarnhau/{reference}/{tag}");
    let path = link["https://rj.example.org".len()..].to_string();
    Confirming {
        app,
        state,
        reference,
        raw,
        link,
        cy_link,
        tag,
        path,
        _smtp: smtp,
        _folder: folder,
    }
}

impl Confirming {
    /// What the outbox holds about the request.
    async fn stored(&self) -> rj::store::Stored {
        let r = rj::referral::reference::Reference::parse(&self.reference).unwrap();
        self.state.store.find(r).await.unwrap().unwrap()
    }

    /// The status page the person reaches with the reference.
    async fn status(&self) -> String {
        let body = format!("reference={}", self.reference);
        let res = post_form(&self.app, "/refer/status", &body).await;
        // Post-redirect-get: the answer is at an address of its own.
        assert_eq!(res.status(), http::StatusCode::SEE_OTHER);
        let location = res.headers()[http::header::LOCATION].to_str().unwrap();
        assert!(!location.contains(&self.reference));
        let res = common::get(&self.app, location).await;
        assert_eq!(res.status(), http::StatusCode::OK);
        assert_eq!(
            res.headers()[http::header::CACHE_CONTROL],
            "no-store, private"
        );
        common::text(res).await
    }
}

/// The email carries the link, in each of its languages (North Wales: both), and
/// referral.json carries it too.
#[tokio::test(flavor = "multi_thread")]
async fn the_email_carries_the_confirmation_link_in_each_language() {
    let c = delivered_with_link().await;
    assert_eq!(c.tag.len(), 22, "{}", c.link);
    let email = MessageParser::default().parse(&c.raw).unwrap();
    let text = email.body_text(0).unwrap();
    assert!(
        text.contains(&c.cy_link),
        "the Welsh part links the Welsh page"
    );
    assert!(text.contains("CONFIRM YOU HAVE RECEIVED THIS REQUEST"));
    assert!(
        email
            .body_html(0)
            .unwrap()
            .contains(&format!("href=\"{}\"", c.link))
    );
    let json: serde_json::Value =
        serde_json::from_slice(email.attachments().next().unwrap().contents()).unwrap();
    assert_eq!(json["acknowledge_url"], c.link);
}

/// Opening the link (as a mail scanner does) shows the button and changes nothing.
#[tokio::test(flavor = "multi_thread")]
async fn opening_the_confirmation_link_changes_nothing() {
    let c = delivered_with_link().await;
    let path = c.path.as_str();
    for _ in 0..3 {
        let res = common::get(&c.app, path).await;
        assert_eq!(res.status(), http::StatusCode::OK);
        assert_eq!(
            res.headers()[http::header::CACHE_CONTROL],
            "no-store, private"
        );
        let html = common::text(res).await;
        assert!(html.contains(&c.reference) && html.contains("Confirm we have received it"));
        assert!(html.contains(&format!("<form method=\"post\" action=\"{path}\"")));
        for private in PRIVATE {
            assert!(!html.contains(private), "the page shows {private}");
        }
    }
    let head = common::send(
        &c.app,
        http::Request::head(path)
            .body(axum::body::Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(head.status(), http::StatusCode::OK);
    assert_eq!(
        c.stored().await.acknowledged_at,
        None,
        "GET and HEAD change nothing"
    );
}

/// The button's POST records it and shows the thank-you page; the person's status page
/// goes from "not confirmed yet" to the day, showing nothing personal.
#[tokio::test(flavor = "multi_thread")]
async fn the_service_confirms_with_the_link_and_the_person_sees_it() {
    let c = delivered_with_link().await;
    let path = c.path.as_str();
    let before = c.status().await;
    assert!(before.contains("Received: not confirmed yet"), "{before}");

    let res = post_form(&c.app, path, "").await;
    assert_eq!(res.status(), http::StatusCode::SEE_OTHER);
    assert_eq!(res.headers()[http::header::LOCATION], path);
    let first = c.stored().await.acknowledged_at.expect("acknowledged");
    let html = common::page(&c.app, path, http::StatusCode::OK).await;
    assert!(
        html.contains("Thank you") && !html.contains("<button"),
        "{html}"
    );

    let after = c.status().await;
    let today = rj::calendar::long_date(rj::i18n::Lang::En, rj::calendar::uk_date(first));
    assert!(after.contains(&format!("Received: {today}")), "{after}");
    assert!(after.contains(&format!("Sent: {today}")));
    for private in PRIVATE {
        assert!(!after.contains(private), "the status page shows {private}");
    }
}

/// A second POST (a double click, the Welsh page) is harmless: the first time stays.
#[tokio::test(flavor = "multi_thread")]
async fn a_second_confirmation_keeps_the_first_time() {
    let c = delivered_with_link().await;
    let res = post_form(&c.app, &c.path, "").await;
    assert_eq!(res.status(), http::StatusCode::SEE_OTHER);
    let first = c.stored().await.acknowledged_at.expect("acknowledged");
    // A second on, so a second recording would show (times are whole seconds).
    c.state.clock.advance(1);
    let cy_path = &c.cy_link["https://rj.example.org".len()..];
    let res = post_form(&c.app, cy_path, "").await;
    assert_eq!(res.status(), http::StatusCode::SEE_OTHER);
    assert_eq!(c.stored().await.acknowledged_at, Some(first));
    let cy = common::page(&c.app, cy_path, http::StatusCode::OK).await;
    assert!(cy.contains("Diolch"), "{cy}");
}

/// A link that is not ours is the 404 page, and records nothing.
#[tokio::test(flavor = "multi_thread")]
async fn a_confirmation_link_that_is_not_ours_is_404_and_records_nothing() {
    let c = delivered_with_link().await;
    let (reference, tag) = (&c.reference, &c.tag);
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
            common::get(&c.app, &bad).await.status(),
            http::StatusCode::NOT_FOUND,
            "{bad}"
        );
        assert_eq!(
            post_form(&c.app, &bad, "").await.status(),
            http::StatusCode::NOT_FOUND,
            "{bad}"
        );
    }
    assert_eq!(c.stored().await.acknowledged_at, None);
}

/// A confirmation posted from another site is refused.
#[tokio::test(flavor = "multi_thread")]
async fn a_confirmation_from_another_site_is_refused() {
    let c = delivered_with_link().await;
    let req = http::Request::post(&c.path)
        .header("sec-fetch-site", "cross-site")
        .body(axum::body::Body::empty())
        .unwrap();
    assert_eq!(
        common::send(&c.app, req).await.status(),
        http::StatusCode::FORBIDDEN
    );
    assert_eq!(c.stored().await.acknowledged_at, None);
}

/// How many times each Message-ID arrived.
pub(crate) fn arrivals(smtp: &SmtpServer) -> std::collections::BTreeMap<String, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for id in message_ids(smtp) {
        *counts.entry(id).or_insert(0) += 1;
    }
    counts
}

/// The message with this Message-ID (without the angle brackets).
pub(crate) fn message_with_id(smtp: &SmtpServer, id: &str) -> (String, Vec<u8>) {
    smtp.messages()
        .into_iter()
        .find(|(_, raw)| MessageParser::default().parse(raw).unwrap().message_id() == Some(id))
        .unwrap_or_else(|| panic!("no message {id}"))
}

pub(crate) async fn wait_for_id(smtp: &SmtpServer, id: &str) {
    eventually(&format!("{id} to arrive"), || async {
        let arrived = arrivals(smtp);
        check(arrived.contains_key(id), || format!("{arrived:?}"))
    })
    .await
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
    // The worker's time stands still until the test moves it: each period passes at once.
    let clock = Clock::manual(unix_now());
    let h = harness_on(
        tempfile::tempdir().unwrap(),
        port,
        direct_to(&["north-wales", "kent"]),
        chasing_every(2),
        clock.clone(),
    )
    .await;
    let unconfirmed = h
        .store
        .insert(
            "u",
            &referral("north-wales", "Siân Prydderch"),
            clock.now(),
            counter(),
        )
        .await
        .unwrap();
    let confirmed = h
        .store
        .insert(
            "c",
            &referral("kent", "Siân Prydderch"),
            clock.now(),
            counter(),
        )
        .await
        .unwrap();
    h.wait_until("both delivered", |c| c.sent == 2).await;
    // One service confirms at once; the other never does.
    h.store
        .acknowledge(
            confirmed,
            clock.now(),
            &rj::calendar::WorkingDays::weekdays(),
        )
        .await
        .unwrap();
    // One period on: the reminder; another: the escalation.
    clock.advance(2);
    wait_for_id(&smtp, &format!("{unconfirmed}-reminder@rj.example.org")).await;
    clock.advance(2);
    let escalation = format!("{unconfirmed}-escalation@rj.example.org");
    wait_for_id(&smtp, &escalation).await;
    // Three more periods, and time for a few sweeps (every 100 ms): nothing else may
    // arrive.
    clock.advance(6);
    tokio::time::sleep(Duration::from_millis(500)).await;
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
    // North Wales: Welsh first, as in the first email.
    let subject = reminder.subject().unwrap();
    assert!(
        subject.starts_with("Nodyn atgoffa: ")
            && subject.contains(" / Reminder: Restorative justice contact request"),
        "{subject}"
    );
    assert_eq!(
        reminder.in_reply_to().as_text(),
        Some(format!("{unconfirmed}@rj.example.org").as_str())
    );
    let text = reminder.body_text(0).unwrap();
    assert!(
        text.starts_with("Nodyn atgoffa: does neb wedi cadarnhau'r cais hwn eto."),
        "{text}"
    );
    assert!(text.contains("\nReminder: nobody has confirmed this request yet."));
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
    // The rejection stored any alert with it (one transaction): once none is waiting,
    // a second alert would have arrived too.
    eventually("every alert sent", || async {
        let alerts = h.store.alerts().await.unwrap();
        check(
            alerts
                .iter()
                .all(|a| a.status == rj::store::AlertStatus::Sent),
            || format!("{alerts:?}"),
        )
    })
    .await;
    let h = h.crash_and_restart(port, routing, chasing()).await;
    // Time for the new worker to send the alert again, if it wrongly would: nothing
    // shows it has looked (a settable clock and one worker pass would).
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
    assert_eq!(alerts[0].status.as_str(), "sent");

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
    // Time for more sweeps (every 100 ms): a second warning would arrive in it.
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

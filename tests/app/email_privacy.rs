//! No personal data in email by default (issue 23): with inbox delivery, every message
//! the real SMTP server receives (the service's and triage's emails, reminders,
//! escalations, failure and retention alerts, the person's confirmation), headers and
//! every MIME part decoded, holds none of the person's answers; the only place their
//! address may appear is the To of their own confirmation. A route with `delivery =
//! "email"` to a secure domain still gets every answer; one to an address neither
//! secure nor attested is refused in production and warned about in development.

use crate::common;
use crate::delivery::{TRIAGE, arrivals, chasing_every, counter, harness_delivering, wait_for_id};

use common::smtp::{SmtpServer, free_port};
use mail_parser::{MessageParser, MimeHeaders};
use rj::areas::Areas;
use rj::areas::directory::{Delivery, Routing, RoutingRules};
use rj::calendar::{Clock, unix_now};
use rj::i18n::Lang;
use rj::mail::address::EmailAddress;
use rj::mail::render::inbox_url;
use rj::referral::form::{Answer3, ContactLanguage, ContactMethod, Referral, Relationship};

/// Answers no one could write by chance, so finding one anywhere is a leak.
const NAME: &str = "Zebedee Quillfeather";
const PHONE: &str = "07700 900417";
const PERSON_EMAIL: &str = "zq.private@example.net";
const CRIME_REFERENCE: &str = "KT-77419-QX";
const SAFE_TIMES: &str = "Tuesdays at 7.45pm only";
const MESSAGE: &str = "the heron by the mill pond";
const SUPPORT: &str = "a Makaton signer please";

const ANSWERS: [&str; 7] = [
    NAME,
    PHONE,
    PERSON_EMAIL,
    CRIME_REFERENCE,
    SAFE_TIMES,
    MESSAGE,
    SUPPORT,
];

fn referral(area: &str, lang: ContactLanguage) -> Referral {
    Referral {
        area: area.into(),
        relationship: Relationship::Harmed,
        full_name: NAME.into(),
        contact_method: ContactMethod::Phone,
        phone: Some(PHONE.into()),
        email: Some(EmailAddress::parse(PERSON_EMAIL).unwrap()),
        voicemail_ok: false,
        say_rj_ok: false,
        safe_times: Some(SAFE_TIMES.into()),
        contact_language: lang,
        reported: Answer3::Yes,
        crime_reference: Some(CRIME_REFERENCE.into()),
        responsible_under_18: Answer3::No,
        support_needs: Some(SUPPORT.into()),
        message: Some(MESSAGE.into()),
        confirmation_email: true,
    }
}

/// Everything a reader of `raw` could see, decoded: the header block (unfolded), the
/// decoded subject and addresses, and every MIME part's decoded contents. `without_to`
/// leaves the To header out (the person's own confirmation).
fn readable(raw: &[u8], without_to: bool) -> String {
    let message = MessageParser::default().parse(raw).expect("a message");
    let text = String::from_utf8_lossy(raw);
    let head = text
        .split("\r\n\r\n")
        .next()
        .unwrap_or_default()
        .replace("\r\n ", " ")
        .replace("\r\n\t", " ");
    let mut out: Vec<String> = head
        .lines()
        .filter(|l| !(without_to && l.to_ascii_lowercase().starts_with("to:")))
        .map(str::to_string)
        .collect();
    out.extend(message.subject().map(str::to_string));
    let mut addresses = vec![message.from(), message.cc(), message.reply_to()];
    if !without_to {
        addresses.push(message.to());
    }
    for list in addresses.into_iter().flatten() {
        for a in list.iter() {
            out.extend(a.name().map(str::to_string));
            out.extend(a.address().map(str::to_string));
        }
    }
    for part in &message.parts {
        out.extend(part.attachment_name().map(str::to_string));
        out.push(String::from_utf8_lossy(part.contents()).into_owned());
    }
    // Long lines may be folded or wrapped: compare with whitespace collapsed.
    out.join("\n")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The plain text of a message.
fn body(raw: &[u8]) -> String {
    MessageParser::default()
        .parse(raw)
        .unwrap()
        .body_text(0)
        .unwrap()
        .into_owned()
}

#[tokio::test(flavor = "multi_thread")]
async fn in_inbox_mode_no_email_carries_any_answer() {
    let folder = tempfile::tempdir().unwrap();
    let port = free_port();
    let smtp = SmtpServer::start(port, folder.path());
    let clock = Clock::manual(unix_now());
    // Kent straight to its service, Essex to an address that refuses for good (the
    // operator's failure alert), North Wales through triage; all by inbox delivery.
    let routing = "[[route]]\narea = \"kent\"\nemail = \"kent-rj@referrals.example.org\"\n\
                   [[route]]\narea = \"essex\"\nemail = \"reject-essex@referrals.example.org\"\n";
    let h = harness_delivering(
        tempfile::tempdir().unwrap(),
        port,
        Some(routing.to_string()),
        chasing_every(2),
        clock.clone(),
        Delivery::Inbox,
    )
    .await;
    let created = clock.now();
    let mut references = Vec::new();
    for (key, area, lang) in [
        ("k", "kent", ContactLanguage::En),
        ("w", "north-wales", ContactLanguage::Cy),
        ("e", "essex", ContactLanguage::En),
    ] {
        let r = referral(area, lang);
        references.push(h.store.insert(key, &r, created, counter()).await.unwrap());
    }
    let [kent, wales, essex] = references[..] else {
        unreachable!()
    };
    h.wait_until("two delivered, one failed", |c| {
        c.sent == 2 && c.failed == 1
    })
    .await;
    let failed = format!("{essex}-failed@rj.example.org");
    wait_for_id(&smtp, &failed).await;
    // Nobody confirms: the reminders, then the escalations, then (27 days on) the
    // warnings before the purge.
    for reference in [kent, wales] {
        wait_for_id(&smtp, &format!("{reference}-confirmation@rj.example.org")).await;
    }
    clock.advance(2);
    for reference in [kent, wales] {
        wait_for_id(&smtp, &format!("{reference}-reminder@rj.example.org")).await;
    }
    clock.advance(2);
    for reference in [kent, wales] {
        wait_for_id(&smtp, &format!("{reference}-escalation@rj.example.org")).await;
    }
    clock.advance(27 * 24 * 3600);
    for reference in [kent, wales] {
        wait_for_id(&smtp, &format!("{reference}-retention@rj.example.org")).await;
    }
    h.stop().await;

    // Every kind of email the site sends about a request arrived, and none of them
    // holds an answer.
    let arrived = arrivals(&smtp);
    for suffix in [
        "",
        "-confirmation",
        "-reminder",
        "-escalation",
        "-retention",
    ] {
        for reference in [kent, wales] {
            let id = format!("{reference}{suffix}@rj.example.org");
            assert_eq!(arrived.get(&id), Some(&1), "{id}: {arrived:?}");
        }
    }
    let messages = smtp.messages();
    assert!(messages.len() >= 11, "{arrived:?}");
    for (rcpt, raw) in &messages {
        let id = MessageParser::default()
            .parse(raw)
            .unwrap()
            .message_id()
            .unwrap()
            .to_string();
        let confirmation = id.contains("-confirmation@");
        if confirmation {
            assert_eq!(rcpt, PERSON_EMAIL, "{id}");
        }
        let text = readable(raw, confirmation);
        for answer in ANSWERS {
            assert!(
                !text.contains(answer),
                "{id} (to {rcpt}) holds the answer {answer:?}:\n{text}"
            );
        }
        // Nor any HTML or attachment with the answers.
        assert!(!text.contains("referral.json"), "{id}: {text}");
    }

    // The service's email: the area, the reference, when it came, the inbox link.
    let (rcpt, raw) = crate::delivery::message_with_id(&smtp, &format!("{kent}@rj.example.org"));
    assert_eq!(rcpt, "kent-rj@referrals.example.org");
    let text = body(&raw);
    let link = inbox_url("https://rj.example.org", Lang::En, kent);
    assert_eq!(
        link,
        format!("https://rj.example.org/staff/requests/{kent}")
    );
    for expected in [
        "A restorative justice request for Kent is waiting for you in the staff inbox.",
        &format!("Reference: {kent}"),
        "Police area: Kent",
        "(UK time)",
        &link,
        "press Received",
        "This email holds no personal details.",
    ] {
        assert!(text.contains(expected), "lacks {expected:?}: {text}");
    }
    assert!(!text.contains("/refer/confirm/"), "no signed link: {text}");
    let date = rj::calendar::long_date(Lang::En, rj::calendar::uk_date(created));
    assert!(text.contains(&format!("Arrived: {date}, ")), "{text}");

    // Triage in Wales: Welsh first, each language linking to its own inbox page.
    let (rcpt, raw) = crate::delivery::message_with_id(&smtp, &format!("{wales}@rj.example.org"));
    assert_eq!(rcpt, TRIAGE);
    let text = body(&raw);
    let welsh = inbox_url("https://rj.example.org", Lang::Cy, wales);
    assert_eq!(
        welsh,
        format!("https://rj.example.org/staff/cy/ceisiadau/{wales}")
    );
    assert!(
        text.starts_with(
            "Mae cais cyfiawnder adferol ar gyfer Gogledd Cymru yn aros yn y mewnflwch brysbennu."
        ),
        "{text}"
    );
    assert!(text.find(&welsh) < text.find("waiting in the triage inbox"));
    assert!(text.contains(&inbox_url("https://rj.example.org", Lang::En, wales)));

    // The reminder links into the inbox too, threaded with the first email.
    let (_, raw) =
        crate::delivery::message_with_id(&smtp, &format!("{kent}-reminder@rj.example.org"));
    let reminder = MessageParser::default().parse(&raw).unwrap();
    assert_eq!(
        reminder.in_reply_to().as_text(),
        Some(format!("{kent}@rj.example.org").as_str())
    );
    let text = body(&raw);
    assert!(
        text.starts_with("Reminder: nobody has confirmed this request yet.")
            && text.contains(&link)
            && !text.contains("/refer/confirm/"),
        "{text}"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn email_delivery_to_a_secure_domain_still_carries_every_answer() {
    let folder = tempfile::tempdir().unwrap();
    let port = free_port();
    let smtp = SmtpServer::start(port, folder.path());
    // A subdomain of a default secure domain: no `attested` needed.
    let routing = "[[route]]\narea = \"kent\"\nemail = \"referrals@rj.kent.pnn.police.uk\"\n\
                   delivery = \"email\"\n";
    let h = harness_delivering(
        tempfile::tempdir().unwrap(),
        port,
        Some(routing.to_string()),
        chasing_every(3600),
        Clock::system(),
        Delivery::Inbox,
    )
    .await;
    let kent = h
        .store
        .insert(
            "k",
            &referral("kent", ContactLanguage::En),
            unix_now(),
            counter(),
        )
        .await
        .unwrap();
    h.wait_until("delivered", |c| c.sent == 1).await;
    wait_for_id(&smtp, &format!("{kent}-confirmation@rj.example.org")).await;
    h.stop().await;
    let (rcpt, raw) = crate::delivery::message_with_id(&smtp, &format!("{kent}@rj.example.org"));
    assert_eq!(rcpt, "referrals@rj.kent.pnn.police.uk");
    let text = readable(&raw, false);
    for answer in ANSWERS {
        assert!(text.contains(answer), "the full email lacks {answer:?}");
    }
    assert!(
        text.contains(&format!("/refer/confirm/{kent}/")),
        "the signed link"
    );
    assert!(text.contains("referral.json"));
    // The person's own confirmation still carries none of their other answers.
    let (_, raw) =
        crate::delivery::message_with_id(&smtp, &format!("{kent}-confirmation@rj.example.org"));
    let text = readable(&raw, true);
    for answer in ANSWERS {
        assert!(!text.contains(answer), "the confirmation holds {answer:?}");
    }
}

fn areas() -> &'static Areas {
    static AREAS: std::sync::OnceLock<Areas> = std::sync::OnceLock::new();
    AREAS.get_or_init(|| Areas::embedded().unwrap())
}

fn rules(production: bool) -> RoutingRules {
    RoutingRules::new(
        EmailAddress::parse("triage@operator.org.uk").unwrap(),
        production,
    )
}

#[test]
fn answers_by_email_to_an_address_not_secure_are_refused_in_production_and_warned_in_development() {
    let text = "[[route]]\narea = \"kent\"\nemail = \"referrals@kent-rj.org.uk\"\n\
                delivery = \"email\"\n";
    let err = Routing::parse(text, "routing.toml", areas(), &rules(true))
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with("routing.toml, line 4: `delivery = \"email\"`")
            && err.contains("RJ_SECURE_EMAIL_DOMAINS")
            && err.contains("attested = true"),
        "{err}"
    );
    let routing = Routing::parse(text, "routing.toml", areas(), &rules(false)).unwrap();
    assert_eq!(routing.warnings().len(), 1, "{:?}", routing.warnings());
    assert!(
        routing.warnings()[0].starts_with("WARNING: routing.toml, line 4: ")
            && routing.warnings()[0].contains("RJ_ENV=production refuses this"),
        "{:?}",
        routing.warnings()
    );
    let report = routing.report(areas());
    assert!(
        report.contains(
            "route (line 2): kent, everyone: referrals@kent-rj.org.uk by email (NOT SECURE)"
        ),
        "{report}"
    );
    assert!(
        report.contains("triage (RJ_TRIAGE_EMAIL): triage@operator.org.uk by inbox (NOT SECURE)"),
        "{report}"
    );

    // Attested by the operator, or in a secure domain: accepted in production.
    let attested = format!("{text}attested = true\n");
    let routing = Routing::parse(&attested, "routing.toml", areas(), &rules(true)).unwrap();
    assert!(routing.warnings().is_empty());
    assert!(routing.report(areas()).contains("by email (attested)"));
    let secure = text.replace("kent-rj.org.uk", "Org.CJSM.net");
    let routing = Routing::parse(&secure, "routing.toml", areas(), &rules(true)).unwrap();
    assert!(routing.report(areas()).contains("by email (secure)"));
    // A look-alike domain is not secure.
    let evil = text.replace("kent-rj.org.uk", "evilpolice.uk");
    assert!(Routing::parse(&evil, "routing.toml", areas(), &rules(true)).is_err());
    // Inbox delivery (the default) goes anywhere: it carries no answers.
    let inbox = text.replace("delivery = \"email\"\n", "");
    let routing = Routing::parse(&inbox, "routing.toml", areas(), &rules(true)).unwrap();
    assert!(routing.report(areas()).contains("by inbox (NOT SECURE)"));
    // A delivery that is neither is a mistake with its line.
    let wrong = text.replace("\"email\"\n", "\"post\"\n");
    let err = Routing::parse(&wrong, "routing.toml", areas(), &rules(false))
        .unwrap_err()
        .to_string();
    assert!(err.contains("line 4"), "{err}");
    // The triage inbox by email, not secure: a warning in development.
    let routing = Routing::triage_only(&rules(false).triage_delivery(Delivery::Email, false));
    assert!(routing.warnings()[0].contains("RJ_TRIAGE_DELIVERY=email"));
}

/// `rj check-config` lists each route's delivery, and warns in development about
/// answers by email to an address that is not secure.
#[test]
fn check_config_lists_every_route_and_its_delivery() {
    let dir = tempfile::tempdir().unwrap();
    let routing = dir.path().join("routing.toml");
    std::fs::write(
        &routing,
        "[[route]]\narea = \"kent\"\nemail = \"referrals@kent-rj.example.org\"\n\
         delivery = \"email\"\n\n\
         [[route]]\narea = \"gwent\"\nemail = \"rj@gwent.pnn.police.uk\"\ndelivery = \"email\"\n\n\
         [[route]]\narea = \"essex\"\nemail = \"rj@essex.example.org\"\n",
    )
    .unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_rj"))
        .arg("check-config")
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LEPTOS_SITE_ROOT", dir.path().join("site"))
        .env(
            "RJ_DATABASE_URL",
            format!("sqlite://{}/rj.db", dir.path().display()),
        )
        .env("RJ_MAIL_DIR", dir.path().join("mail"))
        .env("RJ_ROUTING", &routing)
        .env("RJ_TRIAGE_DELIVERY", "email")
        .env("RJ_TRIAGE_ATTESTED", "true")
        .env("RUST_LOG", "error")
        .output()
        .unwrap();
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    for expected in [
        "secure email domains (RJ_SECURE_EMAIL_DOMAINS): cjsm.net, pnn.police.uk, police.uk, gov.uk, gov.wales, llyw.cymru, nhs.net",
        "route (line 2): kent, everyone: referrals@kent-rj.example.org by email (NOT SECURE)",
        "route (line 7): gwent, everyone: rj@gwent.pnn.police.uk by email (secure)",
        "route (line 12): essex, everyone: rj@essex.example.org by inbox (NOT SECURE)",
        "triage (RJ_TRIAGE_EMAIL): triage@example.org by email (attested)",
        "WARNING: ",
    ] {
        assert!(said.contains(expected), "lacks {expected:?}:\n{said}");
    }
    let warnings: Vec<&str> = said
        .lines()
        .filter(|l| l.contains("RJ_ENV=production refuses"))
        .collect();
    assert_eq!(warnings.len(), 1, "only Kent's route: {said}");
    assert!(warnings[0].contains("line 4"), "{said}");
}

/// In production the site does not start with answers by email to an address that is
/// neither secure nor attested: the message names the file and the route's line.
#[test]
fn production_refuses_to_start_with_answers_by_email_to_an_address_not_secure() {
    let dir = tempfile::tempdir().unwrap();
    let routing = dir.path().join("routing.toml");
    let run = |text: &str, more: &[(&str, &str)]| {
        std::fs::write(&routing, text).unwrap();
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_rj"))
            .arg("check-config")
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env("LEPTOS_SITE_ROOT", dir.path().join("site"))
            .env(
                "RJ_DATABASE_URL",
                format!("sqlite://{}/rj.db", dir.path().display()),
            )
            .env("RJ_MAIL_DIR", dir.path().join("mail"))
            .env("RJ_ROUTING", &routing)
            .env("RJ_ENV", "production")
            .env("RJ_PUBLIC_URL", "https://rj.operator.org.uk")
            .env("RJ_MAIL_FROM", "RJ <no-reply@operator.org.uk>")
            .env("RJ_SECRET", "0123456789abcdef0123456789abcdef")
            .env(
                "RJ_DATA_KEY",
                "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
            )
            .env("RJ_OPERATOR_NAME", "An Operator")
            .env("RJ_OPERATOR_CONTACT", "contact@operator.org.uk")
            .env("RJ_TRIAGE_EMAIL", "triage@operator.org.uk")
            .env("RJ_OPERATOR_EMAIL", "alerts@operator.org.uk")
            .env("RUST_LOG", "error")
            .envs(more.iter().copied())
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr)
    };
    let route = "[[route]]\narea = \"kent\"\nemail = \"referrals@kent-rj.org.uk\"\n\
                 delivery = \"email\"\n";
    let said = run(route, &[]);
    assert!(
        said.contains(&format!(
            "{}, line 4: `delivery = \"email\"` would send the person's answers by plain email",
            routing.display()
        )),
        "{said}"
    );
    // The same route attested gets past the routing (to whatever comes next).
    let said = run(&format!("{route}attested = true\n"), &[]);
    assert!(!said.contains("line 4"), "{said}");
    // The triage inbox by email, not secure nor attested.
    let said = run("", &[("RJ_TRIAGE_DELIVERY", "email")]);
    assert!(
        said.contains("RJ_TRIAGE_DELIVERY=email would send the full answers by plain email"),
        "{said}"
    );
}

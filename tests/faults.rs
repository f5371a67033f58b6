//! The real binary under faults: requests are stored while the SMTP server is down,
//! the site is killed with SIGKILL, and after a restart with the server up every request
//! arrives; the reminders and escalations of requests nobody confirms arrive exactly
//! once each across SIGKILLs and restarts. No run's log contains anything the person
//! typed.

mod common;

use common::smtp::{SmtpServer, free_port};
use std::io::{Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

const NAME: &str = "Zebedee Quixote-Known";
const PHONE: &str = "01632 960 777";
const EMAIL: &str = "zq.known@example.net";
const MESSAGE: &str = "a-secret-message-4471";
const TIMES: &str = "only-at-dawn-9182";
const CRIME_REF: &str = "CRIMEREF-5530";

struct Site {
    child: Child,
    port: u16,
    log: PathBuf,
}

fn start_site(dir: &Path, smtp_port: u16, run: &str) -> Site {
    start_site_with(dir, smtp_port, run, &[])
}

/// The `rj` binary with the settings every run here shares: its database in `dir`,
/// email to `smtp_port`.
fn rj(dir: &Path, smtp_port: u16) -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rj"));
    command
        .env("LEPTOS_OUTPUT_NAME", "rj")
        .env("LEPTOS_SITE_ROOT", dir.join("site"))
        .env(
            "RJ_DATABASE_URL",
            format!("sqlite://{}/rj.db", dir.display()),
        )
        .env("RJ_SMTP_URL", format!("smtp://127.0.0.1:{smtp_port}"))
        .env("RJ_MIN_FILL_SECONDS", "0")
        .env("RJ_RETRY_BASE_SECONDS", "1")
        .env("RJ_SECRET", "a-test-secret-that-is-long-enough-123");
    command
}

fn start_site_with(dir: &Path, smtp_port: u16, run: &str, vars: &[(&str, &str)]) -> Site {
    let port = free_port();
    let log = dir.join(format!("{run}.log"));
    let child = rj(dir, smtp_port)
        .envs(vars.iter().copied())
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("RUST_LOG", "debug")
        .stdout(std::fs::File::create(&log).unwrap())
        .stderr(std::fs::File::options().append(true).open(&log).unwrap())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while http(port, "GET", "/healthz", "").is_err() {
        assert!(
            start.elapsed() < Duration::from_secs(20),
            "the site did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    Site { child, port, log }
}

/// A minimal HTTP/1.1 request; returns the status line's code, headers and body.
fn http(port: u16, method: &str, path: &str, body: &str) -> std::io::Result<(u16, String, String)> {
    let mut s = TcpStream::connect(("127.0.0.1", port))?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nSec-Fetch-Site: same-origin\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let mut response = String::new();
    s.read_to_string(&mut response)?;
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let code = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Ok((code, head.to_string(), body.to_string()))
}

fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

fn send_request(port: u16) -> String {
    send_request_in(port, "south-wales")
}

fn send_request_in(port: u16, area: &str) -> String {
    let (_, _, page) = http(port, "GET", "/refer", "").unwrap();
    let pattern = "name=\"token\" value=\"";
    let at = page.find(pattern).expect("a token") + pattern.len();
    let token = &page[at..at + page[at..].find('"').unwrap()];
    let body = format!(
        "token={token}&action=send&area={area}&relationship=harmed&full_name={}&contact_method=phone\
         &phone={}&email={}&voicemail_ok=no&say_rj_ok=no&safe_times={}&contact_language=en&reported=yes\
         &crime_reference={}&responsible_under_18=no&message={}&consent=yes&confirmation_email=yes",
        encode(NAME),
        encode(PHONE),
        encode(EMAIL),
        encode(TIMES),
        encode(CRIME_REF),
        encode(MESSAGE)
    );
    let (code, head, _) = http(port, "POST", "/refer", &body).unwrap();
    assert_eq!(code, 303, "{head}");
    let location = head
        .lines()
        .find_map(|l| l.strip_prefix("location: "))
        .expect("a redirect");
    location.rsplit('/').next().unwrap().to_string()
}

#[test]
fn every_request_survives_sigkill_and_nothing_personal_is_logged() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("site")).unwrap();
    let smtp_port = free_port(); // nothing listens yet: the SMTP server is down

    let mut first = start_site(dir.path(), smtp_port, "first");
    let references: Vec<String> = (0..5).map(|_| send_request(first.port)).collect();
    std::thread::sleep(Duration::from_millis(500)); // the worker tries, and fails
    first.child.kill().unwrap(); // SIGKILL
    first.child.wait().unwrap();

    let mail = dir.path().join("mail");
    let smtp = SmtpServer::start(smtp_port, &mail);

    let mut second = start_site(dir.path(), smtp_port, "second");
    let start = Instant::now();
    let arrived = |message_id: &str| {
        std::fs::read_dir(&mail)
            .unwrap()
            .filter_map(Result::ok)
            .any(|e| {
                e.path().extension().is_some_and(|x| x == "eml")
                    && std::fs::read_to_string(e.path())
                        .unwrap()
                        .contains(&format!("Message-ID: <{message_id}@"))
            })
    };
    // Each request's email to the service, and then the confirmation the person asked for.
    let expected: Vec<String> = references
        .iter()
        .flat_map(|r| [r.clone(), format!("{r}-confirmation")])
        .collect();
    while !expected.iter().all(|id| arrived(id)) {
        assert!(
            start.elapsed() < Duration::from_secs(30),
            "not every request arrived after the restart: {}",
            std::fs::read_to_string(&second.log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    std::thread::sleep(Duration::from_millis(500));
    second.child.kill().unwrap();
    second.child.wait().unwrap();
    drop(smtp);

    for site in [&first, &second] {
        let log = std::fs::read_to_string(&site.log).unwrap();
        assert!(
            log.contains("referral stored") || log.contains("sent to the service"),
            "the log says something"
        );
        for private in [
            NAME, "Zebedee", PHONE, "960 777", EMAIL, "zq.known", MESSAGE, TIMES, CRIME_REF,
        ] {
            assert!(
                !log.contains(private),
                "{} contains {private:?}",
                site.log.display()
            );
        }
    }
}

/// How many times each Message-ID arrived, in any of `folders`.
fn arrivals(folders: &[&Path]) -> std::collections::BTreeMap<String, usize> {
    let mut counts = std::collections::BTreeMap::new();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(folder) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            if e.path().extension().is_some_and(|x| x == "eml") {
                let text = std::fs::read_to_string(e.path()).unwrap();
                if let Some(id) = text
                    .lines()
                    .find_map(|l| l.strip_prefix("Message-ID: <"))
                    .and_then(|l| l.split('@').next())
                {
                    *counts.entry(id.to_string()).or_insert(0) += 1;
                }
            }
        }
    }
    counts
}

fn wait_for(what: &str, site: &Site, done: impl Fn() -> bool) {
    let start = Instant::now();
    while !done() {
        assert!(
            start.elapsed() < Duration::from_secs(40),
            "timed out waiting for {what}: {}",
            std::fs::read_to_string(&site.log).unwrap_or_default()
        );
        std::thread::sleep(Duration::from_millis(100));
    }
}

#[test]
fn reminders_and_escalations_arrive_exactly_once_across_sigkill() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("site")).unwrap();
    let vars = [
        ("RJ_ACK_PERIOD_SECONDS", "2"),
        ("RJ_OPERATOR_EMAIL", "operator@rj.example.org"),
    ];
    let smtp_port = free_port();
    let (mail1, mail2) = (dir.path().join("mail1"), dir.path().join("mail2"));
    let folders = [mail1.as_path(), mail2.as_path()];

    // 1. Three requests are delivered; nobody confirms them.
    let smtp = SmtpServer::start(smtp_port, &mail1);
    let mut first = start_site_with(dir.path(), smtp_port, "alerts-first", &vars);
    let references: Vec<String> = (0..3).map(|_| send_request(first.port)).collect();
    wait_for("the services' emails and the confirmations", &first, || {
        let got = arrivals(&folders);
        references
            .iter()
            .all(|r| got.contains_key(r) && got.contains_key(&format!("{r}-confirmation")))
    });
    // Recorded as delivered right after the confirmation.
    std::thread::sleep(Duration::from_millis(300));
    // 2. The mail server goes down: the reminders fall due, are stored, cannot be
    // sent; the site is killed.
    drop(smtp);
    std::thread::sleep(Duration::from_millis(3000));
    first.child.kill().unwrap();
    first.child.wait().unwrap();
    // The reminders were stored before anything could send them.
    let stored = tokio::runtime::Runtime::new().unwrap().block_on(async {
        let url = format!("sqlite://{}/rj.db", dir.path().display());
        let store = rj::referral::store::Store::open(&url).await.unwrap();
        store.alerts().await.unwrap()
    });
    let waiting: Vec<_> = stored
        .iter()
        .filter(|a| a.kind.as_str() == "reminder" && a.status == "pending")
        .collect();
    assert_eq!(waiting.len(), 3, "{stored:?}");

    // 3. Restarted with the mail server up: every reminder and escalation arrives.
    let smtp = SmtpServer::start(smtp_port, &mail2);
    let mut second = start_site_with(dir.path(), smtp_port, "alerts-second", &vars);
    let expected: Vec<String> = references
        .iter()
        .flat_map(|r| {
            [
                r.clone(),
                format!("{r}-confirmation"),
                format!("{r}-reminder"),
                format!("{r}-escalation"),
            ]
        })
        .collect();
    wait_for("every reminder and escalation", &second, || {
        let got = arrivals(&folders);
        expected.iter().all(|id| got.contains_key(id))
    });
    std::thread::sleep(Duration::from_millis(1000));
    second.child.kill().unwrap();
    second.child.wait().unwrap();

    // 4. Killed and restarted again: two more periods pass, nothing is sent again.
    let mut third = start_site_with(dir.path(), smtp_port, "alerts-third", &vars);
    std::thread::sleep(Duration::from_millis(5000));
    third.child.kill().unwrap();
    third.child.wait().unwrap();
    drop(smtp);

    let got = arrivals(&folders);
    let want: std::collections::BTreeMap<String, usize> =
        expected.iter().map(|id| (id.clone(), 1)).collect();
    assert_eq!(got, want, "each email exactly once");

    // The escalations went to the operator and hold nothing the person typed.
    for folder in folders {
        for e in std::fs::read_dir(folder).unwrap().filter_map(Result::ok) {
            let text = std::fs::read_to_string(e.path()).unwrap();
            if text.contains("-escalation@") {
                let rcpt = std::fs::read_to_string(e.path().with_extension("rcpt")).unwrap();
                assert_eq!(rcpt, "operator@rj.example.org");
                for private in [NAME, "Zebedee", PHONE, EMAIL, MESSAGE, TIMES, CRIME_REF] {
                    assert!(!text.contains(private), "an escalation holds {private:?}");
                }
            }
        }
    }
    for site in [&first, &second, &third] {
        let log = std::fs::read_to_string(&site.log).unwrap();
        for private in [
            NAME, "Zebedee", PHONE, "960 777", EMAIL, "zq.known", MESSAGE, TIMES, CRIME_REF,
        ] {
            assert!(
                !log.contains(private),
                "{} contains {private:?}",
                site.log.display()
            );
        }
    }
}

/// Runs an operator command; returns its exit code and what it printed.
fn command(dir: &Path, smtp_port: u16, args: &[&str]) -> (i32, String) {
    let out = rj(dir, smtp_port)
        .env("RUST_LOG", "warn")
        .args(args)
        .output()
        .unwrap();
    let text = String::from_utf8(out.stdout).unwrap() + &String::from_utf8(out.stderr).unwrap();
    (out.status.code().unwrap_or(-1), text)
}

/// The acknowledgement link's path in the service's email for `reference`.
fn ack_path(folder: &Path, reference: &str) -> String {
    for e in std::fs::read_dir(folder).unwrap().filter_map(Result::ok) {
        let raw = std::fs::read(e.path()).unwrap();
        let Some(email) = mail_parser::MessageParser::default().parse(&raw) else {
            continue;
        };
        if email.message_id() == Some(&format!("{reference}@example.org")) {
            let text = email.body_text(0).unwrap().into_owned();
            let prefix = format!("/refer/confirm/{reference}/");
            let at = text.find(&prefix).expect("the link");
            return text[at..].split_whitespace().next().unwrap().to_string();
        }
    }
    panic!("no email for {reference}");
}

#[test]
fn operator_commands_and_the_admin_listener() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("site")).unwrap();
    let smtp_port = free_port();
    let mail = dir.path().join("mail");
    let smtp = SmtpServer::start(smtp_port, &mail);
    let admin_port = free_port();
    let admin = format!("127.0.0.1:{admin_port}");
    let mut site = start_site_with(
        dir.path(),
        smtp_port,
        "commands",
        &[("RJ_ADMIN_ADDR", &admin), ("RJ_SEND_LIMIT_PER_HOUR", "0")],
    );
    // Six requests for South Wales (five confirmed by the service, one resolved by the
    // operator) and two for Kent (one confirmed): Kent's counts are small.
    let wales: Vec<String> = (0..6)
        .map(|_| send_request_in(site.port, "south-wales"))
        .collect();
    let kent: Vec<String> = (0..2).map(|_| send_request_in(site.port, "kent")).collect();
    wait_for("every service's email", &site, || {
        let got = arrivals(&[mail.as_path()]);
        wales.iter().chain(&kent).all(|r| got.contains_key(r))
    });
    for reference in wales.iter().take(5).chain(kent.iter().take(1)) {
        let path = ack_path(&mail, reference);
        let (code, head, _) = http(site.port, "POST", &path, "").unwrap();
        assert_eq!(code, 303, "{head}");
    }
    let (code, out) = command(
        dir.path(),
        smtp_port,
        &[
            "outbox", "resolve", &wales[5], "--note", "passed", "on", "by", "phone",
        ],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("resolved"), "{out}");
    let (code, out) = command(
        dir.path(),
        smtp_port,
        &["outbox", "resolve", &wales[5], "--note", "again"],
    );
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("already resolved"), "{out}");
    let (code, _) = command(dir.path(), smtp_port, &["outbox", "resolve", &wales[5]]);
    assert_eq!(code, 2, "a note is required");

    // The numbers: on the admin listener, in the Prometheus format; not on the site.
    let (code, head, body) = http(admin_port, "GET", "/metrics", "").unwrap();
    assert_eq!(code, 200, "{head}");
    let families = common::parse_prometheus(&body);
    let value =
        |name: &str, labels: &[(&str, &str)]| common::sample(&families, name, labels).unwrap();
    assert_eq!(
        value("rj_requests_stored_total", &[("area", "south-wales")]),
        6.0
    );
    assert_eq!(
        value("rj_requests_acknowledged_total", &[("area", "south-wales")]),
        5.0
    );
    assert_eq!(
        value("rj_requests_resolved_total", &[("area", "south-wales")]),
        1.0
    );
    assert_eq!(value("rj_requests_sent_total", &[("area", "kent")]), 2.0);
    assert_eq!(value("rj_acknowledgement_latency_seconds_count", &[]), 6.0);
    let (code, _, _) = http(site.port, "GET", "/metrics", "").unwrap();
    assert_eq!(code, 404, "the public port does not serve the numbers");
    let (code, _, _) = http(admin_port, "GET", "/refer", "").unwrap();
    assert_eq!(code, 404, "and the admin port serves nothing else");

    // `outbox status` shows the same counts.
    let (code, status) = command(dir.path(), smtp_port, &["outbox", "status"]);
    assert_eq!(code, 0, "{status}");
    println!("$ rj outbox status\n{status}");
    let row = |area: &str| {
        status
            .lines()
            .find(|l| l.starts_with(area))
            .map(|l| l.split_whitespace().skip(1).collect::<Vec<_>>().join(" "))
    };
    assert_eq!(row("south-wales").as_deref(), Some("6 6 0 5 1"), "{status}");
    assert_eq!(row("kent").as_deref(), Some("2 2 0 1 0"), "{status}");
    assert!(
        status.contains("delivered, not yet confirmed: 1"),
        "{status}"
    );

    // The commissioners' report: Kent's counts are under 5.
    let month = rj::referral::store::month_of(rj::referral::worker::unix_now());
    let (code, csv) = command(
        dir.path(),
        smtp_port,
        &["report", "--from", &month, "--to", &month],
    );
    assert_eq!(code, 0, "{csv}");
    println!("$ rj report --from {month} --to {month}\n{csv}");
    assert!(
        csv.contains(&format!("{month},south-wales,South Wales,6,5,0,0")),
        "{csv}"
    );
    assert!(
        csv.contains(&format!("{month},kent,Kent,<5,<5,<5,0")),
        "{csv}"
    );
    assert!(
        csv.contains(&format!("{month},all,All areas,8,6,0,0")),
        "{csv}"
    );
    let (code, json) = command(
        dir.path(),
        smtp_port,
        &[
            "report", "--from", &month, "--to", &month, "--format", "json",
        ],
    );
    assert_eq!(code, 0, "{json}");
    println!("$ rj report --from {month} --to {month} --format json\n{json}");
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["rows"][1]["requests"], "<5");
    for text in [&csv, &json, &status, &body] {
        for private in [NAME, "Zebedee", PHONE, EMAIL, MESSAGE, TIMES, CRIME_REF] {
            assert!(!text.contains(private), "{private:?} in {text}");
        }
        for reference in wales.iter().chain(&kent) {
            assert!(!text.contains(reference.as_str()), "a reference in {text}");
        }
    }
    let (code, _) = command(
        dir.path(),
        smtp_port,
        &["report", "--from", "2026-13", "--to", &month],
    );
    assert_eq!(code, 2);
    site.child.kill().unwrap();
    site.child.wait().unwrap();
    drop(smtp);
}

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

fn start_site_with(dir: &Path, smtp_port: u16, run: &str, vars: &[(&str, &str)]) -> Site {
    let port = free_port();
    let log = dir.join(format!("{run}.log"));
    let child = Command::new(env!("CARGO_BIN_EXE_rj"))
        .envs(vars.iter().copied())
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_OUTPUT_NAME", "rj")
        .env("LEPTOS_SITE_ROOT", dir.join("site"))
        .env(
            "RJ_DATABASE_URL",
            format!("sqlite://{}/rj.db", dir.display()),
        )
        .env("RJ_SMTP_URL", format!("smtp://127.0.0.1:{smtp_port}"))
        .env("RJ_MIN_FILL_SECONDS", "0")
        .env("RJ_RETRY_BASE_SECONDS", "1")
        .env("RJ_SECRET", "a-test-secret-that-is-long-enough-123")
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
    let (_, _, page) = http(port, "GET", "/refer", "").unwrap();
    let pattern = "name=\"token\" value=\"";
    let at = page.find(pattern).expect("a token") + pattern.len();
    let token = &page[at..at + page[at..].find('"').unwrap()];
    let body = format!(
        "token={token}&action=send&area=south-wales&relationship=harmed&full_name={}&contact_method=phone\
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

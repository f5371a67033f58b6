//! Signed webhooks with the real binary: a route with `webhook_url` gets one
//! "request.created" event per request, verified by an independent implementation (the
//! Python `standardwebhooks` package, in `tests/webhooks/receiver.py`, the receiver
//! `docs/webhooks.md` shows). The body holds none of the form's answers; a receiver
//! down for a while, answering 503, or behind a site killed with SIGKILL mid-delivery
//! gets the event once; a receiver that refuses the signature (401) is a permanent
//! failure that alerts the operator. SQLite, and PostgreSQL.
//!
//! Without the Python package the tests say so loudly and are skipped, unless
//! `RJ_REQUIRE_SERVERS` is set (as `make test` does, after installing it): then they fail.

use crate::common;

use common::raw_http::{encode, http, location_in, token_in};
use common::smtp::free_port;
use common::wait::{check, wait_until};
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

const NAME: &str = "Ottoline Webhook-Private";
const PHONE: &str = "01632 960 444";
const EMAIL: &str = "ottoline.private@example.net";
const MESSAGE: &str = "a-private-message-8812";
const TIMES: &str = "weekday-evenings-3371";
const CRIME_REF: &str = "CRIMEREF-7721";
/// Everything the person typed: never in a webhook.
const PRIVATE: [&str; 8] = [
    NAME, "Ottoline", PHONE, "960 444", EMAIL, MESSAGE, TIMES, CRIME_REF,
];

const SECRET: &str = "a-test-secret-that-is-long-enough-123";
const DATA_KEY: &str = "dGhlLXRlc3RzLWRhdGEta2V5LTMyLWJ5dGVzLWxvbmc=";
/// The route's webhook secret (Standard Webhooks: `whsec_` and base64).
const WEBHOOK_SECRET: &str = "whsec_cmotdGVzdHMtd2ViaG9vay1zZWNyZXQtMDEyMzQ1Ng==";
/// Another secret: what a receiver set up with the wrong one has.
const WRONG_SECRET: &str = "whsec_YS1kaWZmZXJlbnQtc2VjcmV0LWZyb20tdGhlLXNpdGU=";
const RECEIVER: &str = "tests/webhooks/receiver.py";

/// Whether the receiver can run here: Debian's python3 with `standardwebhooks`.
fn receiver_available() -> bool {
    let ok = Command::new("/usr/bin/python3")
        .args(["-c", "import standardwebhooks"])
        .stderr(Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    if !ok {
        let message = "the Python package standardwebhooks is not installed for /usr/bin/python3 \
                       (`make test` installs standardwebhooks==1.3.0)";
        assert!(
            std::env::var_os("RJ_REQUIRE_SERVERS").is_none(),
            "RJ_REQUIRE_SERVERS is set: {message}"
        );
        eprintln!("\n!!!!!!!! SKIPPING THE WEBHOOK TESTS !!!!!!!!\n!!!!!!!! {message}\n");
    }
    ok
}

/// The receiver on `port`, recording to `folder`; stopped when dropped.
struct Receiver {
    child: Child,
    folder: PathBuf,
}

impl Receiver {
    fn start(port: u16, folder: &Path, secret: &str, unavailable: u32) -> Receiver {
        let mut child = Command::new("/usr/bin/python3")
            .args([RECEIVER, &port.to_string()])
            .arg(folder)
            .args(["--unavailable", &unavailable.to_string()])
            .env("WEBHOOK_SECRET", secret)
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs");
        let mut line = String::new();
        std::io::BufRead::read_line(
            &mut std::io::BufReader::new(child.stdout.take().unwrap()),
            &mut line,
        )
        .unwrap();
        assert_eq!(line.trim(), "ready", "the receiver started");
        Receiver {
            child,
            folder: folder.to_path_buf(),
        }
    }

    /// Every verified delivery so far, in order.
    fn deliveries(&self) -> Vec<serde_json::Value> {
        self.files("delivery-")
            .iter()
            .map(|p| serde_json::from_str(&std::fs::read_to_string(p).unwrap()).unwrap())
            .collect()
    }

    /// How many requests it refused (401).
    fn refused(&self) -> usize {
        self.files("refused-").len()
    }

    fn files(&self, prefix: &str) -> Vec<PathBuf> {
        let mut names: Vec<PathBuf> = std::fs::read_dir(&self.folder)
            .map(|d| d.filter_map(|e| e.ok().map(|e| e.path())).collect())
            .unwrap_or_default();
        names.retain(|p| {
            let name = p.file_name().unwrap().to_string_lossy();
            name.starts_with(prefix) && !name.ends_with(".tmp")
        });
        names.sort();
        names
    }
}

impl Drop for Receiver {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Where a test's site keeps its requests.
enum Db {
    Sqlite(PathBuf),
    Postgres {
        server: &'static common::postgres::Postgres,
        name: String,
    },
}

impl Db {
    fn url(&self) -> String {
        match self {
            Db::Sqlite(dir) => format!("sqlite://{}/rj.db", dir.display()),
            Db::Postgres { server, name } => server.url(name),
        }
    }

    /// One number `sql` selects.
    fn number(&self, sql: &str) -> i64 {
        match self {
            Db::Sqlite(_) => {
                let runtime = tokio::runtime::Builder::new_current_thread()
                    .enable_all()
                    .build()
                    .unwrap();
                runtime.block_on(async {
                    let db = sqlx::SqlitePool::connect(&self.url()).await.unwrap();
                    let n = sqlx::query_scalar(sql).fetch_one(&db).await.unwrap();
                    db.close().await;
                    n
                })
            }
            Db::Postgres { server, name } => server.sql(name, sql).trim().parse().unwrap(),
        }
    }

    fn wait_for(&self, what: &str, sql: &str, n: i64) {
        wait_until(what, || {
            let found = self.number(sql);
            check(found == n, || format!("{found}, not {n}: {sql}"))
        });
    }
}

/// A test's folder, database and ports.
struct Setup {
    dir: tempfile::TempDir,
    db: Db,
    receiver_port: u16,
}

impl Setup {
    /// SQLite, or PostgreSQL when `postgres` (`None`: PostgreSQL is not here, skip).
    fn new(postgres: bool, hint: &str) -> Option<Setup> {
        if !receiver_available() {
            return None;
        }
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("site")).unwrap();
        let db = if postgres {
            let server = common::postgres::server()?;
            let url = server.new_database(hint);
            let name = url.rsplit('/').next().unwrap().to_string();
            Db::Postgres { server, name }
        } else {
            Db::Sqlite(dir.path().to_path_buf())
        };
        let receiver_port = free_port();
        let routing = dir.path().join("routing.toml");
        std::fs::write(
            &routing,
            format!(
                "[[route]]\narea = \"kent\"\nemail = \"referrals@kent-rj.example.org\"\n\
                 webhook_url = \"http://127.0.0.1:{receiver_port}/rj/webhook\"\n\
                 webhook_secret_env = \"RJ_WEBHOOK_SECRET_KENT\"\n"
            ),
        )
        .unwrap();
        Some(Setup {
            dir,
            db,
            receiver_port,
        })
    }

    fn receiver(&self, secret: &str, unavailable: u32) -> Receiver {
        Receiver::start(
            self.receiver_port,
            &self.dir.path().join("received"),
            secret,
            unavailable,
        )
    }

    /// The real binary on a new port, its log in `<run>.log`; returns once it answers.
    fn site(&self, run: &str, more: &[(&str, &str)]) -> Site {
        let port = free_port();
        let dir = self.dir.path();
        let log = dir.join(format!("{run}.log"));
        let child = Command::new(env!("CARGO_BIN_EXE_rj"))
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
            .env("LEPTOS_SITE_ROOT", dir.join("site"))
            .env("RJ_PUBLIC_URL", "https://rj.example.org")
            .env("RJ_MIN_FILL_SECONDS", "0")
            .env("RJ_RETRY_BASE_SECONDS", "1")
            .env("RJ_LEASE_SECONDS", "5")
            .env("RJ_WORKERS", "2")
            .env("RJ_SECRET", SECRET)
            .env("RJ_DATA_KEY", DATA_KEY)
            .env("RJ_DATABASE_URL", self.db.url())
            .env("RJ_MAIL_DIR", dir.join("mail"))
            .env("RJ_ROUTING", dir.join("routing.toml"))
            .env("RJ_WEBHOOK_SECRET_KENT", WEBHOOK_SECRET)
            .env("RUST_LOG", "debug")
            .envs(more.iter().copied())
            .stdout(std::fs::File::create(&log).unwrap())
            .stderr(std::fs::File::options().append(true).open(&log).unwrap())
            .spawn()
            .unwrap();
        let mut site = Site { child, port, log };
        wait_until("the site to start", || {
            if let Ok(Some(status)) = site.child.try_wait() {
                panic!(
                    "the site stopped ({status}): {}",
                    std::fs::read_to_string(&site.log).unwrap_or_default()
                );
            }
            http(port, "GET", "/healthz", "")
                .map(drop)
                .map_err(|e| e.to_string())
        });
        site
    }

    /// `rj <args>` with the site's settings; what it prints.
    fn rj(&self, args: &[&str]) -> String {
        let dir = self.dir.path();
        let out = Command::new(env!("CARGO_BIN_EXE_rj"))
            .args(args)
            .env("RJ_SECRET", SECRET)
            .env("RJ_DATA_KEY", DATA_KEY)
            .env("RJ_DATABASE_URL", self.db.url())
            .env("RJ_MAIL_DIR", dir.join("mail"))
            .env("RJ_ROUTING", dir.join("routing.toml"))
            .env("RJ_WEBHOOK_SECRET_KENT", WEBHOOK_SECRET)
            .env("RUST_LOG", "error")
            .output()
            .unwrap();
        assert!(out.status.success(), "rj {args:?} failed");
        String::from_utf8(out.stdout).unwrap()
    }

    /// The emails the site wrote to its mail folder.
    fn mails(&self) -> Vec<String> {
        std::fs::read_dir(self.dir.path().join("mail"))
            .map(|d| {
                d.filter_map(|e| std::fs::read_to_string(e.ok()?.path()).ok())
                    .collect()
            })
            .unwrap_or_default()
    }
}

struct Site {
    child: Child,
    port: u16,
    log: PathBuf,
}

impl Drop for Site {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// Sends a complete request for Kent, in Welsh, with every answer the tests look for;
/// returns its reference.
fn send_request(port: u16) -> String {
    let (_, _, page) = http(port, "GET", "/refer", "").unwrap();
    let token = token_in(&page).expect("a token");
    let body = format!(
        "token={token}&action=send&area=kent&relationship=harmed&full_name={}&contact_method=email\
         &phone={}&email={}&voicemail_ok=no&say_rj_ok=no&safe_times={}&contact_language=cy&reported=yes\
         &crime_reference={}&responsible_under_18=no&message={}&consent=yes&confirmation_email=no",
        encode(NAME),
        encode(PHONE),
        encode(EMAIL),
        encode(TIMES),
        encode(CRIME_REF),
        encode(MESSAGE),
    );
    let (code, head, _) = http(port, "POST", "/refer", &body).unwrap();
    assert_eq!(code, 303, "{head}");
    let location = location_in(&head);
    let (code, _, page) = http(port, "GET", &location, "").unwrap();
    assert_eq!(code, 200, "the confirmation page");
    common::reference_on_page(&page)
}

/// Waits for `n` verified deliveries at `receiver`.
fn wait_for_deliveries(receiver: &Receiver, n: usize) -> Vec<serde_json::Value> {
    wait_until("the webhook's delivery", || {
        let found = receiver.deliveries();
        check(found.len() == n, || format!("{} deliveries", found.len())).map(|()| found)
    })
}

/// The one delivery is `reference`'s event, as the documentation describes it, with
/// none of the person's answers.
fn assert_is_the_event_for(delivery: &serde_json::Value, reference: &str) {
    let event = &delivery["event"];
    assert_eq!(event["type"], "request.created");
    assert_eq!(event["data"]["reference"], reference);
    assert_eq!(event["data"]["area"], "kent");
    assert_eq!(event["data"]["audience"], "all");
    assert_eq!(event["data"]["language"], "cy");
    assert_eq!(
        event["data"]["url"],
        format!("https://rj.example.org/api/v1/requests/{reference}")
    );
    assert!(event["timestamp"].as_str().unwrap().ends_with('Z'));
    assert_eq!(delivery["repeat"], false);
    let body = delivery["body"].as_str().unwrap();
    for private in PRIVATE {
        assert!(!body.contains(private), "the webhook carries {private:?}");
    }
}

/// Counts the webhooks delivered.
const SENT_ONCE: &str = "SELECT COUNT(*) FROM webhooks WHERE status = 'sent'";

fn one_verified_delivery_without_personal_data(postgres: bool) {
    let Some(setup) = Setup::new(postgres, "webhook_delivery") else {
        return;
    };
    let receiver = setup.receiver(WEBHOOK_SECRET, 0);
    let site = setup.site("run", &[]);
    let reference = send_request(site.port);
    let deliveries = wait_for_deliveries(&receiver, 1);
    assert_is_the_event_for(&deliveries[0], &reference);
    setup.db.wait_for("the webhook marked sent", SENT_ONCE, 1);
    // Marked sent, it is never sent again.
    assert_eq!(receiver.deliveries().len(), 1);
    assert_eq!(
        setup
            .db
            .number("SELECT attempts FROM webhooks WHERE status = 'sent'"),
        1
    );
    let log = std::fs::read_to_string(&site.log).unwrap();
    for private in PRIVATE {
        assert!(!log.contains(private), "the log holds {private:?}");
    }
}

#[test]
fn a_request_sends_one_verified_webhook_without_personal_data_sqlite() {
    one_verified_delivery_without_personal_data(false);
}

#[test]
fn a_request_sends_one_verified_webhook_without_personal_data_postgres() {
    one_verified_delivery_without_personal_data(true);
}

#[test]
fn a_receiver_down_then_unavailable_gets_the_event_once_when_it_is_back() {
    let Some(setup) = Setup::new(false, "webhook_down") else {
        return;
    };
    // Nothing listens on the receiver's port: connections are refused.
    let site = setup.site("run", &[]);
    let reference = send_request(site.port);
    setup.db.wait_for(
        "two refused attempts",
        "SELECT COUNT(*) FROM webhooks WHERE status = 'pending' AND attempts >= 2
         AND last_error = 'cannot connect'",
        1,
    );
    // Back, but answering 503 to its first request: one more retry.
    let receiver = setup.receiver(WEBHOOK_SECRET, 1);
    let deliveries = wait_for_deliveries(&receiver, 1);
    assert_is_the_event_for(&deliveries[0], &reference);
    setup.db.wait_for("the webhook marked sent", SENT_ONCE, 1);
    assert_eq!(receiver.deliveries().len(), 1);
    assert!(setup.db.number("SELECT attempts FROM webhooks") >= 4);
}

fn survives_sigkill_mid_delivery(postgres: bool) {
    let Some(setup) = Setup::new(postgres, "webhook_sigkill") else {
        return;
    };
    // A receiver that takes the connection and never answers: the worker holds the
    // webhook's lease, waiting, when the site is killed.
    let hanging = TcpListener::bind(("127.0.0.1", setup.receiver_port)).unwrap();
    let mut first = setup.site("first", &[("RJ_WEBHOOK_TIMEOUT_SECONDS", "120")]);
    let reference = send_request(first.port);
    setup.db.wait_for(
        "the webhook in flight",
        "SELECT COUNT(*) FROM webhooks WHERE status = 'pending' AND attempts = 1
         AND lease_until IS NOT NULL",
        1,
    );
    first.child.kill().unwrap(); // SIGKILL
    first.child.wait().unwrap();
    drop(hanging);
    let receiver = setup.receiver(WEBHOOK_SECRET, 0);
    // The restarted site takes the webhook up again once the dead one's lease runs out.
    let second = setup.site("second", &[]);
    let deliveries = wait_for_deliveries(&receiver, 1);
    assert_is_the_event_for(&deliveries[0], &reference);
    setup.db.wait_for("the webhook marked sent", SENT_ONCE, 1);
    assert_eq!(receiver.deliveries().len(), 1);
    // The dead site's attempt, and the one that delivered it (a kill after its lease ran
    // out, when its other worker had taken it up, would add one: never two deliveries).
    assert!(setup.db.number("SELECT attempts FROM webhooks") >= 2);
    drop(second);
}

#[test]
fn a_webhook_in_flight_when_the_site_is_killed_is_delivered_once_after_a_restart_sqlite() {
    survives_sigkill_mid_delivery(false);
}

#[test]
fn a_webhook_in_flight_when_the_site_is_killed_is_delivered_once_after_a_restart_postgres() {
    survives_sigkill_mid_delivery(true);
}

#[test]
fn a_receiver_with_the_wrong_secret_refuses_it_for_good_and_the_operator_is_alerted() {
    let Some(setup) = Setup::new(false, "webhook_refused") else {
        return;
    };
    let receiver = setup.receiver(WRONG_SECRET, 0);
    let admin = free_port();
    let admin_addr = format!("127.0.0.1:{admin}");
    let site = setup.site("run", &[("RJ_ADMIN_ADDR", &admin_addr)]);
    let reference = send_request(site.port);
    setup.db.wait_for(
        "the webhook failed",
        "SELECT COUNT(*) FROM webhooks WHERE status = 'failed' AND last_error = 'HTTP 401'",
        1,
    );
    setup.db.wait_for(
        "the operator's alert sent",
        "SELECT COUNT(*) FROM alerts WHERE kind = 'webhook' AND status = 'sent'",
        1,
    );
    // Refused once, never tried again.
    assert_eq!(receiver.refused(), 1);
    assert_eq!(receiver.deliveries().len(), 0);
    assert_eq!(setup.db.number("SELECT attempts FROM webhooks"), 1);
    let alert = setup
        .mails()
        .into_iter()
        .find(|m| m.contains("Webhook refused"))
        .expect("the operator's alert");
    assert!(alert.contains(&reference));
    for private in PRIVATE {
        assert!(!alert.contains(private), "the alert holds {private:?}");
    }
    let status = setup.rj(&["outbox", "status"]);
    assert!(
        status.contains("webhooks: waiting 0, sent 0, refused 1, cancelled 0"),
        "{status}"
    );
    // The numbers count it, with no label that could say who.
    let (code, _, metrics) = http(admin, "GET", "/metrics", "").unwrap();
    assert_eq!(code, 200);
    let families = common::parse_prometheus(&metrics);
    assert_eq!(
        common::sample(&families, "rj_webhooks_failed_total", &[]),
        Some(1.0)
    );
    assert_eq!(
        common::sample(&families, "rj_webhooks_sent_total", &[]),
        Some(0.0)
    );
}

/// `rj check-config` lists each route's webhook by host (never its path, which may hold
/// the service's token), with its secret's variable set or MISSING, and says FAILED
/// while one is missing.
#[test]
fn check_config_names_each_webhook_host_and_whether_its_secret_is_set() {
    let dir = tempfile::tempdir().unwrap();
    let routing = dir.path().join("routing.toml");
    std::fs::write(
        &routing,
        "[[route]]\narea = \"kent\"\nemail = \"referrals@kent-rj.example.org\"\n\
         webhook_url = \"https://cases.kent-rj.example.org/hooks/t0ken\"\n\
         webhook_secret_env = \"RJ_WEBHOOK_SECRET_KENT\"\n\n\
         [[route]]\narea = \"gwent\"\nemail = \"rj@gwent.pnn.police.uk\"\n\
         webhook_url = \"https://cases.gwent.example.org/hook\"\n\
         webhook_secret_env = \"RJ_WEBHOOK_SECRET_GWENT\"\n",
    )
    .unwrap();
    let check = |secrets: &[(&str, &str)]| {
        let out = Command::new(env!("CARGO_BIN_EXE_rj"))
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
            .env("RUST_LOG", "error")
            .envs(secrets.iter().copied())
            .output()
            .unwrap();
        let said = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(!said.contains("t0ken"), "the path printed: {said}");
        assert!(!said.contains("cmotd"), "a secret printed: {said}");
        said
    };
    let said = check(&[("RJ_WEBHOOK_SECRET_KENT", WEBHOOK_SECRET)]);
    for expected in [
        "webhook (line 2): kent, everyone: cases.kent-rj.example.org (RJ_WEBHOOK_SECRET_KENT, secret set)",
        "webhook (line 8): gwent, everyone: cases.gwent.example.org (RJ_WEBHOOK_SECRET_GWENT, secret MISSING)",
        "webhooks: FAILED",
    ] {
        assert!(said.contains(expected), "lacks {expected:?}:\n{said}");
    }
    // Not a Standard Webhooks secret: MISSING too.
    let said = check(&[
        ("RJ_WEBHOOK_SECRET_KENT", WEBHOOK_SECRET),
        ("RJ_WEBHOOK_SECRET_GWENT", "password123"),
    ]);
    assert!(
        said.contains("(RJ_WEBHOOK_SECRET_GWENT, secret MISSING)"),
        "{said}"
    );
    let said = check(&[
        ("RJ_WEBHOOK_SECRET_KENT", WEBHOOK_SECRET),
        ("RJ_WEBHOOK_SECRET_GWENT", WRONG_SECRET),
    ]);
    assert!(
        said.contains("(RJ_WEBHOOK_SECRET_GWENT, secret set)"),
        "{said}"
    );
    assert!(!said.contains("webhooks: FAILED"), "{said}");
}

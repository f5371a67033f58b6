//! The real binary under faults: requests are stored while the SMTP server is down,
//! the site is killed with SIGKILL, and after a restart with the server up every request
//! arrives; the reminders and escalations of requests nobody confirms arrive exactly
//! once each across SIGKILLs and restarts. No run's log contains anything the person
//! typed. Then the same with two instances on one PostgreSQL behind the nginx
//! configuration from `deploy/`, acknowledgements, alerts and the status-lookup limit
//! included; the operator commands (`migrate`, `check-config`, `outbox`, `report`) and
//! the admin listener; and a database address the site cannot use, which stops it at
//! start.

use crate::common;

use common::nginx::Nginx;
use common::raw_http::{encode, http, http_from, location_in, token_in};
use common::smtp::{SmtpServer, free_port};
use common::wait::{check, try_wait_until, wait_until, wait_until_within};
use std::collections::{BTreeMap, BTreeSet};
use std::io::Read;
use std::net::Ipv4Addr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
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

impl Drop for Site {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

const SECRET: &str = "a-test-secret-that-is-long-enough-123";
/// The data key every instance of a test is given (`RJ_DATA_KEY`).
const DATA_KEY: &str = "dGhlLXRlc3RzLWRhdGEta2V5LTMyLWJ5dGVzLWxvbmc=";

/// The site on SQLite in `dir`, sending mail to `smtp_port`.
fn start_site(dir: &Path, smtp_port: u16, run: &str) -> Site {
    start_site_with(dir, smtp_port, run, &[])
}

/// The settings of the binary on SQLite in `dir`, sending mail to `smtp_port`.
fn sqlite_vars(dir: &Path, smtp_port: u16) -> [(&'static str, String); 2] {
    [
        (
            "RJ_DATABASE_URL",
            format!("sqlite://{}/rj.db", dir.display()),
        ),
        ("RJ_SMTP_URL", format!("smtp://127.0.0.1:{smtp_port}")),
    ]
}

/// [`start_site`] with more settings.
fn start_site_with(dir: &Path, smtp_port: u16, run: &str, more: &[(&str, &str)]) -> Site {
    let common = sqlite_vars(dir, smtp_port);
    let mut vars: Vec<(&str, &str)> = common.iter().map(|(k, v)| (*k, v.as_str())).collect();
    vars.push(("RUST_LOG", "debug"));
    vars.extend_from_slice(more);
    launch(dir, run, free_port(), &vars)
}

/// The binary on `port` with the tests' common settings and `vars`, its output in
/// `dir/<run>.log`; returns once it answers.
fn launch(dir: &Path, run: &str, port: u16, vars: &[(&str, &str)]) -> Site {
    let log = dir.join(format!("{run}.log"));
    let child = Command::new(env!("CARGO_BIN_EXE_rj"))
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_SITE_ROOT", dir.join("site"))
        .env("RJ_MIN_FILL_SECONDS", "0")
        .env("RJ_RETRY_BASE_SECONDS", "1")
        // A request held by a killed site is taken up again 5 s later, not 2 minutes.
        .env("RJ_LEASE_SECONDS", "5")
        .env("RJ_SECRET", SECRET)
        .env("RJ_DATA_KEY", DATA_KEY)
        // The tests follow the full email's "I have it" link: the triage inbox gets
        // the answers by email (the inbox delivery is tested in `email_privacy`).
        .env("RJ_TRIAGE_DELIVERY", "email")
        .env("RJ_TRIAGE_ATTESTED", "true")
        .envs(vars.iter().copied())
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

/// A count over the SQLite outbox a site in `dir` keeps: what its worker did that no
/// page shows (a try, a lease let go, a row marked sent).
fn outbox_count(dir: &Path, sql: &str) -> i64 {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .unwrap();
    runtime.block_on(async {
        let url = format!("sqlite://{}/rj.db", dir.display());
        let db = sqlx::SqlitePool::connect(&url).await.unwrap();
        let n = sqlx::query_scalar(sql).fetch_one(&db).await.unwrap();
        db.close().await;
        n
    })
}

/// Waits until `sql` counts `n` in the outbox of the site in `dir`.
fn wait_for_outbox(dir: &Path, what: &str, sql: &str, n: i64) {
    wait_until(what, || {
        let found = outbox_count(dir, sql);
        check(found == n, || format!("{found} of {n}: {sql}"))
    });
}

/// A complete form with everything the tests look for in the logs.
fn form(token: &str, confirmation: bool) -> String {
    form_in(token, "south-wales", confirmation)
}

/// [`form`] for the police area `area`.
fn form_in(token: &str, area: &str, confirmation: bool) -> String {
    format!(
        "token={token}&action=send&area={area}&relationship=harmed&full_name={}&contact_method={}\
         &phone={}&email={}&voicemail_ok=no&say_rj_ok=no&safe_times={}&contact_language=en&reported=yes\
         &crime_reference={}&responsible_under_18=no&message={}&consent=yes&confirmation_email={}",
        encode(NAME),
        // A confirmation goes to the address of someone who asked for email.
        if confirmation { "email" } else { "phone" },
        encode(PHONE),
        encode(EMAIL),
        encode(TIMES),
        encode(CRIME_REF),
        encode(MESSAGE),
        if confirmation { "yes" } else { "no" }
    )
}

/// The reference of the request a Send's redirect (in `head`) confirms, read from the
/// confirmation page on `port` (its address holds a random id, never the reference).
fn reference_in(port: u16, head: &str) -> String {
    let location = location_in(head);
    let (code, _, page) = http(port, "GET", &location, "").unwrap();
    assert_eq!(code, 200, "the confirmation page");
    common::reference_on_page(&page)
}

fn send_request(port: u16) -> String {
    send_request_in(port, "south-wales")
}

fn send_request_in(port: u16, area: &str) -> String {
    let (_, _, page) = http(port, "GET", "/refer", "").unwrap();
    let body = form_in(&token_in(&page).expect("a token"), area, true);
    let (code, head, _) = http(port, "POST", "/refer", &body).unwrap();
    assert_eq!(code, 303, "{head}");
    reference_in(port, &head)
}

/// Everything a person typed in [`form`]: never in a log.
const PRIVATE: [&str; 9] = [
    NAME, "Zebedee", PHONE, "960 777", EMAIL, "zq.known", MESSAGE, TIMES, CRIME_REF,
];

fn assert_nothing_personal_in(log: &Path) {
    let text = std::fs::read_to_string(log).unwrap();
    for private in PRIVATE {
        assert!(
            !text.contains(private),
            "{} contains {private:?}",
            log.display()
        );
    }
}

#[test]
fn every_request_survives_sigkill_and_nothing_personal_is_logged() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("site")).unwrap();
    let smtp_port = free_port(); // nothing listens yet: the SMTP server is down

    let mut first = start_site(dir.path(), smtp_port, "first");
    let references: Vec<String> = (0..5).map(|_| send_request(first.port)).collect();
    // The worker tries each one, and fails.
    wait_for_outbox(
        dir.path(),
        "every request tried and waiting",
        "SELECT COUNT(*) FROM referrals
         WHERE status = 'pending' AND attempts >= 1 AND lease_until IS NULL",
        5,
    );
    first.child.kill().unwrap(); // SIGKILL
    first.child.wait().unwrap();

    let mail = dir.path().join("mail");
    let smtp = SmtpServer::start(smtp_port, &mail);

    let mut second = start_site(dir.path(), smtp_port, "second");
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
    wait_until("every request after the restart", || {
        check(expected.iter().all(|id| arrived(id)), || {
            std::fs::read_to_string(&second.log).unwrap_or_default()
        })
    });
    // The site has recorded each one as sent (and logged it).
    wait_for_outbox(
        dir.path(),
        "every request recorded as sent",
        "SELECT COUNT(*) FROM referrals WHERE status = 'sent'",
        5,
    );
    second.child.kill().unwrap();
    second.child.wait().unwrap();
    drop(smtp);

    for site in [&first, &second] {
        let log = std::fs::read_to_string(&site.log).unwrap();
        assert!(
            log.contains("referral stored") || log.contains("outbox: sent to"),
            "the log says something"
        );
        assert_nothing_personal_in(&site.log);
    }
    // The answers were held, sealed, all along: nothing typed is in the database's files.
    for file in ["rj.db", "rj.db-wal", "rj.db-shm"] {
        let Ok(bytes) = std::fs::read(dir.path().join(file)) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        for private in PRIVATE {
            assert!(!text.contains(private), "{file} contains {private:?}");
        }
    }
}

/// A database address the site cannot use stops it at start, naming the forms it
/// accepts, and leaves no file behind. (Before, anything that was not `sqlite:` became
/// the name of a SQLite file: `postgres://…` gave `./postgres:/…` and a site that
/// seemed to work.)
#[test]
fn a_database_url_the_site_cannot_use_stops_it_at_start() {
    for url in [
        "mysql://rj:pa55word@127.0.0.1/rj",
        "var/rj.db",
        "postgre://rj@127.0.0.1/rj",
    ] {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("site")).unwrap();
        let mut child = Command::new(env!("CARGO_BIN_EXE_rj"))
            .current_dir(dir.path())
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{}", free_port()))
            .env("LEPTOS_SITE_ROOT", dir.path().join("site"))
            .env(
                "RJ_DIRECTORY",
                std::fs::canonicalize("data/services.toml").unwrap(),
            )
            .env("RJ_MAIL_DIR", dir.path().join("site/mail"))
            .env("RJ_DATABASE_URL", url)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let exited = try_wait_until(Duration::from_secs(20), || {
            child.try_wait().unwrap().ok_or_else(String::new)
        });
        let Ok(status) = exited else {
            let _ = child.kill();
            panic!("the site started with RJ_DATABASE_URL={url}");
        };
        let mut said = String::new();
        child
            .stdout
            .take()
            .unwrap()
            .read_to_string(&mut said)
            .unwrap();
        child
            .stderr
            .take()
            .unwrap()
            .read_to_string(&mut said)
            .unwrap();
        assert!(!status.success(), "{url}: {said}");
        assert!(
            said.contains("RJ_DATABASE_URL must be sqlite://") && said.contains("postgres://"),
            "{url}: {said}"
        );
        assert!(
            !said.contains("pa55word"),
            "the password is not repeated: {said}"
        );
        let left: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|name| name != "site")
            .collect();
        assert!(left.is_empty(), "{url} left {left:?}");
    }
}

/// Runs an operator command of the binary with `vars`; returns its exit code and what
/// it printed.
fn command(args: &[&str], vars: &[(&str, &str)]) -> (i32, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_rj"))
        .args(args)
        .env("RUST_LOG", "warn")
        .env("RJ_DATA_KEY", DATA_KEY)
        .envs(vars.iter().copied())
        .output()
        .unwrap();
    let mut said = String::from_utf8_lossy(&out.stdout).into_owned();
    said.push_str(&String::from_utf8_lossy(&out.stderr));
    (out.status.code().unwrap_or(-1), said)
}

/// [`command`] on the SQLite database in `dir`.
fn sqlite_command(dir: &Path, smtp_port: u16, args: &[&str]) -> (i32, String) {
    let vars = sqlite_vars(dir, smtp_port);
    let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
    command(args, &vars)
}

/// `rj check-config` on a PostgreSQL database: it changes nothing and says which
/// migrations are missing until `rj migrate` applies them; it shows the secret's
/// fingerprint, the same for the same secret on every instance.
#[test]
fn check_config_and_migrate_on_postgres() {
    let Some(pg) = common::postgres::server() else {
        return;
    };
    let url = pg.new_database("commands");
    let mail = tempfile::tempdir().unwrap();
    let mail = mail.path().display().to_string();
    let vars = |secret: &'static str| {
        [
            ("RJ_DATABASE_URL", url.clone()),
            ("RJ_MAIL_DIR", mail.clone()),
            ("RJ_SECRET", secret.to_string()),
        ]
    };
    let run = |args: &[&str], secret: &'static str| {
        let vars = vars(secret);
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (*k, v.as_str())).collect();
        command(args, &vars)
    };
    let (code, said) = run(&["check-config"], SECRET);
    assert_ne!(code, 0, "{said}");
    assert!(
        said.contains("database: ok (postgres://rj@127.0.0.1:"),
        "{said}"
    );
    assert!(
        said.contains("migrations: FAILED: not applied: 1 referrals"),
        "{said}"
    );
    assert!(said.contains("rj migrate"), "{said}");
    let tables = pg.sql(
        url.rsplit('/').next().unwrap(),
        "SELECT count(*) FROM pg_tables WHERE schemaname = 'public'",
    );
    assert_eq!(tables.trim(), "0", "check-config changed nothing");

    let (code, said) = run(&["migrate"], SECRET);
    assert!(
        code == 0 && said.contains("migrations: applied 1 referrals"),
        "{said}"
    );
    let (code, said) = run(&["migrate"], SECRET);
    assert!(code == 0 && said.contains("nothing to apply"), "{said}");

    let (code, said) = run(&["check-config"], SECRET);
    assert_eq!(code, 0, "{said}");
    assert!(said.contains("migrations: ok (applied: 1"), "{said}");
    assert!(
        said.contains("Every instance must show the same fingerprint"),
        "{said}"
    );
    let fingerprint = |said: &str| {
        said.split("fingerprint ")
            .nth(1)
            .map(|rest| rest[..8].to_string())
            .unwrap()
    };
    let (_, same) = run(&["check-config"], SECRET);
    let (_, other) = run(&["check-config"], "another-secret-which-is-long-enough-456");
    assert_eq!(fingerprint(&said), fingerprint(&same));
    assert_ne!(fingerprint(&said), fingerprint(&other));
    assert!(!said.contains(SECRET) && !said.contains("another-secret"));
}

/// How a request's form is shown before it is sent through the proxy.
#[derive(Clone, Copy)]
enum Shown {
    /// By the instance the proxy picks (GET): the send goes to the other one.
    ByTheProxy,
    /// As by another instance with the same secret: the token is made here, and the
    /// send is the only request (faster, and the proxy's round robin alternates sends).
    Elsewhere(u64),
}

/// Sends one request through the proxy at `port` as the client `source`, and returns
/// the reference, or the status of a refusal. An answer the proxy could not get (an
/// instance killed mid-request) is retried with the same form, which is stored once.
fn send_through(port: u16, source: Ipv4Addr, shown: Shown) -> Result<String, u16> {
    post_through(port, source, shown).map(|location| confirmed_through(port, &location))
}

/// The reference the confirmation page at `location` shows, read through the proxy at
/// `port` (retried while an instance is down).
fn confirmed_through(port: u16, location: &str) -> String {
    wait_until(&format!("reading {location}"), || {
        match http(port, "GET", location, "") {
            Ok((200, _, page)) => Ok(common::reference_on_page(&page)),
            other => Err(format!("{other:?}")),
        }
    })
}

/// [`send_through`]'s post alone: the confirmation's address, or the status of a
/// refusal (429 when the Send limit held it back on check your answers).
fn post_through(port: u16, source: Ipv4Addr, shown: Shown) -> Result<String, u16> {
    // While an instance is down, nginx may answer with an error or not at all: tried again.
    let token = match shown {
        Shown::ByTheProxy => wait_until("the form", || {
            match http_from(source, port, "GET", "/refer", "") {
                Ok((200, _, page)) => Ok(token_in(&page).expect("a token")),
                other => Err(format!("{other:?}")),
            }
        }),
        Shown::Elsewhere(n) => {
            let mut key = [0u8; 16];
            key[..8].copy_from_slice(&n.to_be_bytes());
            key[8..].copy_from_slice(&std::process::id().to_be_bytes().repeat(2));
            rj::referral::token::FormTokens::new(
                rj::keys::Secrets::from_text(SECRET).ring(rj::keys::Purpose::FormToken),
            )
            .issue(key, rj::calendar::unix_now())
        }
    };
    let body = form(&token, false);
    wait_until("the form sent", || {
        match http_from(source, port, "POST", "/refer", &body) {
            Ok((303, head, _)) => {
                let location = location_in(&head);
                Ok(if location.contains("/check/") {
                    Err(429)
                } else {
                    Ok(location)
                })
            }
            Ok((502..=504, head, _)) => Err(head),
            Ok((code, _, _)) => Ok(Err(code)),
            Err(e) => Err(e.to_string()),
        }
    })
}

/// The Message-ID of every message in the SMTP server's folders, counted.
fn message_ids(folders: &[PathBuf]) -> BTreeMap<String, usize> {
    let mut ids = BTreeMap::new();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(folder) else {
            continue;
        };
        for entry in entries.filter_map(Result::ok) {
            if entry.path().extension().is_none_or(|x| x != "eml") {
                continue;
            }
            let text = std::fs::read_to_string(entry.path()).unwrap();
            let id = text
                .lines()
                .find_map(|l| l.strip_prefix("Message-ID: <"))
                .and_then(|rest| rest.split('@').next())
                .expect("a Message-ID")
                .to_string();
            *ids.entry(id).or_insert(0) += 1;
        }
    }
    ids
}

fn stored_by(logs: &[&Path]) -> usize {
    logs.iter()
        .map(|log| {
            std::fs::read_to_string(log)
                .unwrap_or_default()
                .matches("referral stored")
                .count()
        })
        .sum()
}

/// Two instances of the site, each with 4 workers, on one new PostgreSQL database,
/// behind nginx configured from `deploy/nginx/` (plain HTTP on loopback), sending to a
/// real SMTP server. `None` (the test skipped, loudly) where PostgreSQL or nginx is
/// missing and `RJ_REQUIRE_SERVERS` is not set.
struct TwoInstances {
    pg: &'static common::postgres::Postgres,
    database: String,
    /// Holds the logs (`<run>.log`) and the SMTP server's folders.
    dir: tempfile::TempDir,
    /// Where the SMTP server writes: a second folder for a server started again.
    folders: Vec<PathBuf>,
    smtp_port: u16,
    smtp: Option<SmtpServer>,
    /// The instances' ports, in the order nginx lists them.
    ports: [u16; 2],
    /// The settings every instance gets.
    vars: Vec<(String, String)>,
    instances: [Site; 2],
    nginx: Nginx,
}

fn two_instances(name: &str, more: &[(&str, &str)]) -> Option<TwoInstances> {
    let pg = common::postgres::server()?;
    if let Err(why) = common::nginx::binary() {
        assert!(
            std::env::var_os("RJ_REQUIRE_SERVERS").is_none(),
            "RJ_REQUIRE_SERVERS is set: {why}"
        );
        eprintln!("\n!!!!!!!! SKIPPING THE TWO-INSTANCE TEST: {why}\n");
        return None;
    }
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(dir.path().join("site")).unwrap();
    let url = pg.new_database(name);
    let database = url.rsplit('/').next().unwrap().to_string();
    let smtp_port = free_port();
    let folders: Vec<PathBuf> = (1..=2)
        .map(|n| dir.path().join(format!("mail-{n}")))
        .collect();
    let smtp = Some(SmtpServer::start(smtp_port, &folders[0]));
    let vars: Vec<(String, String)> = [
        ("RJ_DATABASE_URL", url.as_str()),
        ("RJ_SMTP_URL", &format!("smtp://127.0.0.1:{smtp_port}")),
        ("RJ_WORKERS", "4"),
        ("RJ_CLIENT_IP_HEADER", "X-Forwarded-For"),
        ("RJ_SEND_LIMIT_PER_HOUR", "5"),
        ("RUST_LOG", "info"),
    ]
    .iter()
    .chain(more)
    .map(|(k, v)| (k.to_string(), v.to_string()))
    .collect();
    let ports = [free_port(), free_port()];
    let launch_on = |run: &str, port: u16| {
        let vars: Vec<(&str, &str)> = vars.iter().map(|(k, v)| (k.as_str(), v.as_str())).collect();
        launch(dir.path(), run, port, &vars)
    };
    let instances = [launch_on("a-1", ports[0]), launch_on("b-1", ports[1])];
    let nginx = Nginx::start(&ports);
    Some(TwoInstances {
        pg,
        database,
        dir,
        folders,
        smtp_port,
        smtp,
        ports,
        vars,
        instances,
        nginx,
    })
}

impl TwoInstances {
    /// Instance `i` (0 or 1) started again, as run `run`, after it was stopped.
    fn relaunch(&mut self, i: usize, run: &str) {
        let vars: Vec<(&str, &str)> = self
            .vars
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.instances[i] = launch(self.dir.path(), run, self.ports[i], &vars);
    }

    fn sql(&self, sql: &str) -> String {
        self.pg.sql(&self.database, sql)
    }

    fn log(&self, run: &str) -> PathBuf {
        self.dir.path().join(format!("{run}.log"))
    }

    /// Twenty requests through the proxy from five new clients (four each, under the
    /// Send limit) numbered by `batch`; their references.
    fn send_batch(&self, batch: u8) -> Vec<String> {
        (0..20u8)
            .map(|i| {
                let client = Ipv4Addr::new(127, 0, 2 + batch, 1 + i / 4);
                let key = 5000 + 100 * u64::from(batch) + u64::from(i);
                send_through(self.nginx.port, client, Shown::Elsewhere(key))
                    .expect("under the limit")
            })
            .collect()
    }

    /// Waits until the SMTP server has a message with each of `ids`.
    fn arrived(&self, ids: &[String]) {
        wait_until_within(Duration::from_secs(60), "every email", || {
            let got = message_ids(&self.folders);
            let missing = ids.iter().filter(|r| !got.contains_key(*r)).count();
            check(missing == 0, || format!("{missing} missing"))
        })
    }

    /// Neither instance's log holds anything the person typed.
    fn assert_nothing_personal_logged(&self) {
        for entry in std::fs::read_dir(self.dir.path()).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_some_and(|x| x == "log") {
                assert_nothing_personal_in(&path);
            }
        }
    }
}

/// The settings of the acknowledgement tests: periods of `ACK_PERIOD` seconds, so a
/// request delivered and not confirmed is reminded a period later, and the operator
/// told a period after that.
const ACK_PERIOD: &str = "10";
const ACK_VARS: [(&str, &str); 3] = [
    ("RJ_ACK_PERIOD_SECONDS", ACK_PERIOD),
    ("RJ_OPERATOR_EMAIL", "operator@rj.example.org"),
    ("RJ_STATUS_LIMIT_PER_HOUR", "6"),
];

/// One client sends five requests, alternately to each of two instances: the sixth and
/// seventh are refused, since the Send limit counts across instances.
#[test]
fn the_send_limit_counts_one_client_across_two_instances() {
    let Some(t) = two_instances("send_limit", &[]) else {
        return;
    };
    let limited = Ipv4Addr::new(127, 0, 9, 9);
    // Posts alone first (each confirmation read through the proxy afterwards), so the
    // proxy's turns alternate the posts between the instances.
    let locations: Vec<String> = (0..5)
        .map(|i| post_through(t.nginx.port, limited, Shown::Elsewhere(i)).expect("under the limit"))
        .collect();
    for location in &locations {
        confirmed_through(t.nginx.port, location);
    }
    assert!(
        stored_by(&[&t.instances[0].log]) >= 2 && stored_by(&[&t.instances[1].log]) >= 2,
        "both counted"
    );
    for i in 5..7 {
        let sent = send_through(t.nginx.port, limited, Shown::Elsewhere(i));
        assert_eq!(sent, Err(429), "counted across instances");
    }
    t.assert_nothing_personal_logged();
}

/// Two instances, sends alternating between them (and forms shown by one sent to the
/// other). The SMTP server is down for part of the run, and one instance is killed with
/// SIGKILL and restarted. Every request is delivered exactly once, apart from those a
/// worker held at the kill (same Message-ID, which receivers drop).
#[test]
fn two_instances_behind_nginx_deliver_every_request_once() {
    let started = Instant::now();
    let Some(mut t) = two_instances("two_instances", &[]) else {
        return;
    };
    let mut references = Vec::new();

    // 500 requests from 125 clients (4 each, under the limit). One in ten is a form
    // shown by one instance and sent to the other; the rest alternate between them.
    let mut in_flight_at_kill = BTreeSet::new();
    let mut killed_at = None;
    for i in 0..500 {
        match i {
            150 => drop(t.smtp.take()), // the SMTP server goes down
            300 => t.smtp = Some(SmtpServer::start(t.smtp_port, &t.folders[1])),
            320 => {
                let a = &mut t.instances[0].child;
                a.kill().unwrap(); // SIGKILL, mid-run
                a.wait().unwrap();
                killed_at = Some(Instant::now());
                // What the killed instance's workers held is taken up again when their
                // lease (RJ_LEASE_SECONDS) runs out: only those may arrive twice. The
                // other instance's leases are listed too (a superset: theirs end well).
                let leased = t.sql(
                    "SELECT reference FROM referrals
                     WHERE lease_until >= extract(epoch FROM now())::bigint",
                );
                in_flight_at_kill.extend(leased.lines().map(str::to_string));
            }
            340 => {
                t.relaunch(0, "a-2");
                // nginx leaves a failed instance alone for 5 s (deploy/nginx/rj.conf);
                // wait that out, so the restarted instance is seen taking requests.
                let back = killed_at.unwrap() + Duration::from_secs(6);
                std::thread::sleep(back.saturating_duration_since(Instant::now()));
            }
            _ => {}
        }
        let client = Ipv4Addr::new(127, 0, 1, 1 + (i / 4) as u8);
        let shown = if i % 10 == 0 {
            Shown::ByTheProxy
        } else {
            Shown::Elsewhere(1000 + i as u64)
        };
        match send_through(t.nginx.port, client, shown) {
            Ok(reference) => references.push(reference),
            Err(code) => panic!("request {i} refused with {code}"),
        }
    }
    let sent_by = started.elapsed();

    // Every request reaches the service.
    let wanted: BTreeSet<String> = references.iter().cloned().collect();
    assert_eq!(wanted.len(), 500, "500 distinct references");
    let all_arrived = try_wait_until(Duration::from_secs(60), || {
        let ids = message_ids(&t.folders);
        let missing = wanted.iter().filter(|r| !ids.contains_key(*r)).count();
        check(missing == 0, || {
            format!("{missing} of 500 requests never arrived")
        })
    });
    if let Err(missing) = all_arrived {
        let outbox = t.sql("SELECT status, count(*) FROM referrals GROUP BY status");
        panic!("{missing}; outbox: {outbox}");
    }
    let delivered_by = started.elapsed();
    std::thread::sleep(Duration::from_millis(500)); // anything sent twice arrives too
    let ids = message_ids(&t.folders);
    let unknown: Vec<_> = ids.keys().filter(|id| !wanted.contains(*id)).collect();
    assert!(unknown.is_empty(), "messages for no request: {unknown:?}");
    let twice: Vec<_> = ids.iter().filter(|(_, n)| **n > 1).collect();
    for (id, n) in &twice {
        assert!(
            in_flight_at_kill.contains(*id),
            "{id} delivered {n} times but was not in flight at the kill"
        );
    }
    assert_eq!(
        t.sql("SELECT status, count(*), count(payload) FROM referrals GROUP BY status")
            .trim(),
        "sent|500|500",
        "all recorded sent; the answers are kept until the service confirms"
    );

    // Both instances took requests, before and after the kill.
    let (a1, a2, b) = (t.log("a-1"), t.log("a-2"), t.log("b-1"));
    let (by_a, by_b) = (stored_by(&[&a1, &a2]), stored_by(&[&b]));
    assert!(
        by_a >= 100 && by_b >= 100,
        "stored by a: {by_a}, by b: {by_b}"
    );
    assert!(
        stored_by(&[&a2]) > 0,
        "the restarted instance took requests"
    );
    t.assert_nothing_personal_logged();
    eprintln!(
        "two instances: 500 requests sent in {:.1?}, all delivered {:.1?} after the start \
         ({:.1?} after the kill); stored by a {by_a}, by b {by_b}; held at the kill: {}, \
         delivered twice: {}",
        sent_by,
        delivered_by,
        killed_at.map(|k| k.elapsed()),
        in_flight_at_kill.len(),
        twice.len()
    );
}

/// Services confirm 20 requests, each link's button pressed twice at the same moment,
/// once on each instance: each confirmation is recorded once (one instance records it,
/// the other finds it done), opening a link changes nothing, and the answers are
/// deleted a period after the confirmation.
#[test]
fn each_confirmation_is_recorded_once_across_two_instances() {
    let Some(t) = two_instances("confirmations", &ACK_VARS) else {
        return;
    };
    let ports = t.ports;
    // 20 requests the services confirm, each as soon as its email has arrived.
    let confirmed = t.send_batch(0);
    t.arrived(&confirmed);
    let links = ack_paths(&t.folders, &confirmed);
    // Opening a link (as a mail scanner does) changes nothing, on either instance.
    for (i, r) in confirmed.iter().enumerate() {
        let (code, _, page) = http(ports[i % 2], "GET", &links[r], "").unwrap();
        assert_eq!(code, 200);
        assert!(page.contains(r.as_str()), "the page names the reference");
    }
    let acknowledged = "SELECT count(*) FROM referrals WHERE acknowledged_at IS NOT NULL";
    assert_eq!(t.sql(acknowledged).trim(), "0", "a GET records nothing");
    // Each link's button pressed twice at the same moment, once on each instance.
    let round = rj::calendar::unix_now();
    std::thread::scope(|scope| {
        for r in &confirmed {
            for port in ports {
                let path = &links[r];
                scope.spawn(move || {
                    let (code, head, _) = http(port, "POST", path, "").unwrap();
                    assert_eq!(code, 303, "{head}");
                });
            }
        }
    });
    let round_end = rj::calendar::unix_now();
    let times = t.sql(
        "SELECT reference, acknowledged_at FROM referrals
         WHERE acknowledged_at IS NOT NULL ORDER BY reference",
    );
    let times: BTreeMap<String, i64> = times
        .lines()
        .filter_map(|l| l.split_once('|'))
        .map(|(r, at)| (r.to_string(), at.parse().unwrap()))
        .collect();
    assert_eq!(
        times.keys().cloned().collect::<BTreeSet<_>>(),
        confirmed.iter().cloned().collect::<BTreeSet<_>>(),
        "exactly the confirmed requests are recorded as confirmed"
    );
    assert!(times.values().all(|at| (round..=round_end).contains(at)));
    assert_eq!(
        t.sql("SELECT count(*) FROM report_entries WHERE acknowledged_days IS NOT NULL")
            .trim(),
        "20",
        "the commissioners' record counts each once"
    );
    // Of each pair of presses, one instance recorded it and the other found it done.
    let logs = [&t.instances[0].log, &t.instances[1].log];
    for r in &confirmed {
        let said = |what: &str| -> usize {
            logs.iter()
                .map(|log| {
                    std::fs::read_to_string(log)
                        .unwrap()
                        .lines()
                        .filter(|l| l.contains(what) && l.contains(r.as_str()))
                        .count()
                })
                .sum()
        };
        assert_eq!(said("the service confirmed it has the request"), 1, "{r}");
        assert_eq!(
            said("confirmed the request again (already recorded)"),
            1,
            "{r}"
        );
    }
    // The confirmed requests' answers are deleted a period after their confirmation.
    wait_until_within(Duration::from_secs(60), "the answers deleted", || {
        let kept = t.sql(
            "SELECT count(*) FROM referrals WHERE acknowledged_at IS NOT NULL AND payload IS NOT NULL",
        );
        check(kept.trim() == "0", || format!("{} kept", kept.trim()))
    });
    t.assert_nothing_personal_logged();
}

/// Of 40 requests, the 20 nobody confirms get their reminder and then their escalation
/// (to the operator) exactly once each, with two instances sweeping; the 20 confirmed
/// get neither.
#[test]
fn unconfirmed_requests_are_reminded_then_escalated_once_across_two_instances() {
    let Some(t) = two_instances("chasing", &ACK_VARS) else {
        return;
    };
    // 20 requests the services confirm, each as soon as its email has arrived.
    let confirmed = t.send_batch(0);
    t.arrived(&confirmed);
    let links = ack_paths(&t.folders, &confirmed);
    for (i, r) in confirmed.iter().enumerate() {
        let (code, head, _) = http(t.ports[i % 2], "POST", &links[r], "").unwrap();
        assert_eq!(code, 303, "{head}");
    }
    // 20 requests nobody confirms: each reminded once, then escalated once.
    let unconfirmed = t.send_batch(1);
    t.arrived(&unconfirmed);
    let chased: Vec<String> = unconfirmed
        .iter()
        .flat_map(|r| [format!("{r}-reminder"), format!("{r}-escalation")])
        .collect();
    t.arrived(&chased);
    std::thread::sleep(Duration::from_millis(1500)); // anything sent twice arrives too
    let ids = message_ids(&t.folders);
    for id in &chased {
        assert_eq!(ids[id], 1, "{id} arrived once");
    }
    for r in &confirmed {
        for kind in ["reminder", "escalation"] {
            assert!(
                !ids.contains_key(&format!("{r}-{kind}")),
                "a confirmed request is not chased: {r}-{kind}"
            );
        }
    }
    assert_eq!(
        t.sql("SELECT kind, status, count(*) FROM alerts GROUP BY kind, status ORDER BY kind")
            .trim(),
        "escalation|sent|20\nreminder|sent|20",
        "one alert of each kind per unconfirmed request, none for the others"
    );
    let operator: Vec<_> = t
        .folders
        .iter()
        // The second folder only where a test started the SMTP server again.
        .filter_map(|f| std::fs::read_dir(f).ok())
        .flat_map(|entries| entries.filter_map(Result::ok))
        .filter(|e| {
            e.path().extension().is_some_and(|x| x == "eml")
                && std::fs::read_to_string(e.path())
                    .unwrap()
                    .contains("-escalation@")
        })
        .map(|e| std::fs::read_to_string(e.path().with_extension("rcpt")).unwrap())
        .collect();
    assert_eq!(operator.len(), 20);
    assert!(
        operator
            .iter()
            .all(|rcpt| rcpt == "operator@rj.example.org")
    );
    t.assert_nothing_personal_logged();
}

/// One client's status lookups, alternately on each instance: six an hour in all, and
/// each answer can be read from the other instance (the handoff is in the database).
#[test]
fn the_status_lookup_limit_counts_one_client_across_two_instances() {
    let Some(t) = two_instances("status_limit", &ACK_VARS) else {
        return;
    };
    let ports = t.ports;
    let reference = send_through(
        t.nginx.port,
        Ipv4Addr::new(127, 0, 2, 1),
        Shown::Elsewhere(5000),
    )
    .expect("under the limit");
    t.arrived(std::slice::from_ref(&reference));
    let link = &ack_paths(&t.folders, std::slice::from_ref(&reference))[&reference];
    let (code, head, _) = http(ports[0], "POST", link, "").unwrap();
    assert_eq!(code, 303, "{head}");

    let client = Ipv4Addr::new(127, 0, 0, 77);
    let lookup = format!("reference={reference}");
    for i in 0..8 {
        let (code, head, _) =
            http_from(client, ports[i % 2], "POST", "/refer/status", &lookup).unwrap();
        assert_eq!(code, 303, "lookup {i}: answered at an address of its own");
        let location = location_in(&head);
        // Read from the other instance: the handoff is in the shared database.
        let (code, _, page) = http(ports[(i + 1) % 2], "GET", &location, "").unwrap();
        if i < 6 {
            assert_eq!(code, 200, "lookup {i}");
            assert!(
                page.contains("Received: ") && !page.contains("not confirmed yet"),
                "confirmed, on either instance"
            );
        } else {
            assert_eq!(code, 429, "lookup {i}: counted across instances");
        }
    }
    t.assert_nothing_personal_logged();
}

/// The acknowledgement link's path in the service's email for each of `references`.
fn ack_paths(folders: &[PathBuf], references: &[String]) -> BTreeMap<String, String> {
    let mut paths = BTreeMap::new();
    for folder in folders {
        let Ok(entries) = std::fs::read_dir(folder) else {
            continue;
        };
        for e in entries.filter_map(Result::ok) {
            if e.path().extension().is_none_or(|x| x != "eml") {
                continue;
            }
            let raw = std::fs::read(e.path()).unwrap();
            let Some(email) = mail_parser::MessageParser::default().parse(&raw) else {
                continue;
            };
            let Some(reference) = email
                .message_id()
                .and_then(|id| id.split('@').next())
                .filter(|id| references.iter().any(|r| r == id))
            else {
                continue;
            };
            let text = email.body_text(0).unwrap().into_owned();
            let prefix = format!("/refer/confirm/{reference}/");
            let at = text.find(&prefix).expect("the link");
            let path = text[at..].split_whitespace().next().unwrap().to_string();
            paths.insert(reference.to_string(), path);
        }
    }
    assert_eq!(paths.len(), references.len(), "a link for each");
    paths
}

/// `deploy/nginx/rj.conf`, HTTPS and all, is a configuration nginx accepts as written:
/// checked by `nginx -t`, with a throwaway certificate in place of the placeholders.
#[test]
fn the_deployed_nginx_configuration_is_valid() {
    let nginx = match common::nginx::binary() {
        Ok(nginx) => nginx,
        Err(why) => {
            assert!(
                std::env::var_os("RJ_REQUIRE_SERVERS").is_none(),
                "RJ_REQUIRE_SERVERS is set: {why}"
            );
            eprintln!("\n!!!!!!!! SKIPPING THE NGINX CONFIGURATION TEST: {why}\n");
            return;
        }
    };
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path().display().to_string();
    let made = Command::new("openssl")
        .args([
            "req",
            "-x509",
            "-newkey",
            "ec",
            "-pkeyopt",
            "ec_paramgen_curve:prime256v1",
        ])
        .args(["-nodes", "-days", "1", "-subj", "/CN=rj.example.org"])
        .args([
            "-keyout",
            &format!("{d}/key.pem"),
            "-out",
            &format!("{d}/cert.pem"),
        ])
        .output()
        .expect("openssl runs");
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let proxy = std::fs::canonicalize("deploy/nginx/rj-proxy.conf").unwrap();
    let mut conf = std::fs::read_to_string("deploy/nginx/rj.conf").unwrap();
    for (placeholder, here) in [
        ("/etc/ssl/rj/fullchain.pem", format!("{d}/cert.pem")),
        ("/etc/ssl/rj/privkey.pem", format!("{d}/key.pem")),
        (
            "/etc/nginx/snippets/rj-proxy.conf",
            proxy.display().to_string(),
        ),
        ("/var/log/nginx/rj.access.log", format!("{d}/access.log")),
    ] {
        assert!(conf.contains(placeholder), "rj.conf names {placeholder}");
        conf = conf.replace(placeholder, &here);
    }
    assert!(conf.contains("listen 443 ssl") && conf.contains("return 301 https://"));
    std::fs::write(dir.path().join("rj.conf"), conf).unwrap();
    std::fs::write(
        dir.path().join("main.conf"),
        format!(
            "pid {d}/nginx.pid;\nerror_log {d}/error.log;\nevents {{}}\n\
             http {{ client_body_temp_path {d}/b; proxy_temp_path {d}/p; fastcgi_temp_path {d}/f;\n\
             uwsgi_temp_path {d}/u; scgi_temp_path {d}/s; access_log off; include {d}/rj.conf; }}\n"
        ),
    )
    .unwrap();
    let checked = Command::new(nginx)
        .args(["-t", "-p", &d, "-c", &format!("{d}/main.conf")])
        .output()
        .unwrap();
    assert!(
        checked.status.success(),
        "nginx -t: {}",
        String::from_utf8_lossy(&checked.stderr)
    );
}

/// Waits until `done`, showing `site`'s log if it never is.
fn wait_for(what: &str, site: &Site, done: impl Fn() -> bool) {
    wait_until_within(Duration::from_secs(40), what, || {
        check(done(), || {
            std::fs::read_to_string(&site.log).unwrap_or_default()
        })
    })
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
    let folders = [dir.path().join("mail1"), dir.path().join("mail2")];

    // 1. Three requests are delivered; nobody confirms them.
    let smtp = SmtpServer::start(smtp_port, &folders[0]);
    let mut first = start_site_with(dir.path(), smtp_port, "alerts-first", &vars);
    let references: Vec<String> = (0..3).map(|_| send_request(first.port)).collect();
    wait_for("the services' emails and the confirmations", &first, || {
        let got = message_ids(&folders);
        references
            .iter()
            .all(|r| got.contains_key(r) && got.contains_key(&format!("{r}-confirmation")))
    });
    // Recorded as delivered right after the confirmation.
    wait_for_outbox(
        dir.path(),
        "the requests recorded as delivered",
        "SELECT COUNT(*) FROM referrals WHERE status = 'sent'",
        3,
    );
    // 2. The mail server goes down: the reminders fall due, are stored, cannot be
    // sent; the site is killed.
    drop(smtp);
    wait_for_outbox(
        dir.path(),
        "the reminders stored and tried",
        "SELECT COUNT(*) FROM alerts
         WHERE kind = 'reminder' AND status = 'pending' AND attempts >= 1",
        3,
    );
    first.child.kill().unwrap();
    first.child.wait().unwrap();
    // The reminders were stored before anything could send them.
    let stored = tokio::runtime::Runtime::new().unwrap().block_on(async {
        let url = format!("sqlite://{}/rj.db", dir.path().display());
        let url = rj::store::DatabaseUrl::parse(&url).unwrap();
        let keys = rj::store::DataKeys::parse(DATA_KEY, None).unwrap();
        let store = rj::store::Store::open(&url, keys).await.unwrap();
        store.alerts().await.unwrap()
    });
    let waiting: Vec<_> = stored
        .iter()
        .filter(|a| a.kind.as_str() == "reminder" && a.status.as_str() == "pending")
        .collect();
    assert_eq!(waiting.len(), 3, "{stored:?}");

    // 3. Restarted with the mail server up: every reminder and escalation arrives.
    let smtp = SmtpServer::start(smtp_port, &folders[1]);
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
        let got = message_ids(&folders);
        expected.iter().all(|id| got.contains_key(id))
    });
    // Each recorded as sent before the next kill.
    wait_for_outbox(
        dir.path(),
        "the reminders and escalations recorded as sent",
        "SELECT COUNT(*) FROM alerts WHERE status = 'sent'",
        6,
    );
    second.child.kill().unwrap();
    second.child.wait().unwrap();

    // 4. Killed and restarted again: two more periods pass, nothing is sent again.
    let mut third = start_site_with(dir.path(), smtp_port, "alerts-third", &vars);
    // Two periods of RJ_ACK_PERIOD_SECONDS (and a little): wall-clock time in which
    // nothing may be sent.
    std::thread::sleep(Duration::from_millis(5000));
    third.child.kill().unwrap();
    third.child.wait().unwrap();
    drop(smtp);

    let got = message_ids(&folders);
    let want: BTreeMap<String, usize> = expected.iter().map(|id| (id.clone(), 1)).collect();
    assert_eq!(got, want, "each email exactly once");

    // The escalations went to the operator and hold nothing the person typed.
    for folder in &folders {
        for e in std::fs::read_dir(folder).unwrap().filter_map(Result::ok) {
            if e.path().extension().is_none_or(|x| x != "eml") {
                continue;
            }
            let text = std::fs::read_to_string(e.path()).unwrap();
            if text.contains("-escalation@") {
                let rcpt = std::fs::read_to_string(e.path().with_extension("rcpt")).unwrap();
                assert_eq!(rcpt, "operator@rj.example.org");
                for private in PRIVATE {
                    assert!(!text.contains(private), "an escalation holds {private:?}");
                }
            }
        }
    }
    for site in [&first, &second, &third] {
        assert_nothing_personal_in(&site.log);
    }
}

/// The acknowledgement link's path in the service's email for `reference`.
fn ack_path(folder: &Path, reference: &str) -> String {
    ack_paths(&[folder.to_path_buf()], &[reference.to_string()])[reference].clone()
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
    let command = |args: &[&str]| sqlite_command(dir.path(), smtp_port, args);
    // Six requests for South Wales (five confirmed by the service, one resolved by the
    // operator) and two for Kent (one confirmed): Kent's counts are small.
    let wales: Vec<String> = (0..6)
        .map(|_| send_request_in(site.port, "south-wales"))
        .collect();
    let kent: Vec<String> = (0..2).map(|_| send_request_in(site.port, "kent")).collect();
    wait_for("every service's email", &site, || {
        let got = message_ids(std::slice::from_ref(&mail));
        wales.iter().chain(&kent).all(|r| got.contains_key(r))
    });
    for reference in wales.iter().take(5).chain(kent.iter().take(1)) {
        let path = ack_path(&mail, reference);
        let (code, head, _) = http(site.port, "POST", &path, "").unwrap();
        assert_eq!(code, 303, "{head}");
    }
    let (code, out) = command(&[
        "outbox", "resolve", &wales[5], "--note", "passed", "on", "by", "phone",
    ]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("resolved"), "{out}");
    let (code, out) = command(&["outbox", "resolve", &wales[5], "--note", "again"]);
    assert_eq!(code, 0, "{out}");
    assert!(out.contains("already resolved"), "{out}");
    let (code, _) = command(&["outbox", "resolve", &wales[5]]);
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
    let (code, status) = command(&["outbox", "status"]);
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

    // The commissioners' report: Kent's counts are under 5, so the totals they are
    // part of are withheld ([c]) and Kent's cannot be worked out from them.
    let month = rj::store::month_of(rj::calendar::unix_now());
    let (code, csv) = command(&["report", "--from", &month, "--to", &month]);
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
        csv.contains(&format!("{month},all,All areas,[c],[c],0,0")),
        "{csv}"
    );
    let (code, json) = command(&[
        "report", "--from", &month, "--to", &month, "--format", "json",
    ]);
    assert_eq!(code, 0, "{json}");
    println!("$ rj report --from {month} --to {month} --format json\n{json}");
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(parsed["rows"][0]["requests"], "[c]");
    assert_eq!(parsed["rows"][1]["requests"], "<5");
    for text in [&csv, &json, &status, &body] {
        for private in PRIVATE {
            assert!(!text.contains(private), "{private:?} in {text}");
        }
        for reference in wales.iter().chain(&kent) {
            assert!(!text.contains(reference.as_str()), "a reference in {text}");
        }
    }
    let (code, _) = command(&["report", "--from", "2026-13", "--to", &month]);
    assert_eq!(code, 2);
    site.child.kill().unwrap();
    site.child.wait().unwrap();
    drop(smtp);
}

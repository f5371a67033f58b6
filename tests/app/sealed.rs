//! The answers at rest (`store::sealed`): nothing a person typed is readable in the
//! SQLite files or a `pg_dump`; `rj keys rotate` moves every row to the new key and
//! keeps every request readable; a database sealed under a key the site was not given
//! stops it at start with a clear error; rows an older binary stored in plain are
//! sealed at start. Each store test runs on SQLite and on PostgreSQL.

use crate::common;
use common::smtp::free_port;
use common::wait::try_wait_until;
use rj::referral::form::{Answer3, ContactLanguage, ContactMethod, Referral, Relationship};
use rj::referral::reference::Reference;
use rj::store::{DataKeys, DatabaseUrl, Store, StoreError};
use std::process::{Command, Stdio};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

const NAME: &str = "Philippa Sealwright-Unique";
const PHONE: &str = "01632 960 493";
const EMAIL: &str = "p.sealwright@example.net";
const CRIME_REF: &str = "CR-SEALED-80417";
const TIMES: &str = "weekday-mornings-3391";
const MESSAGE: &str = "a-message-nobody-else-wrote-6620";

/// Every value typed, and parts of them a dump might split differently.
const PRIVATE: [&str; 9] = [
    NAME,
    "Sealwright",
    PHONE,
    "960 493",
    EMAIL,
    "p.sealwright",
    CRIME_REF,
    TIMES,
    MESSAGE,
];

const KEY_A: &str = "QUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUE=";
const KEY_B: &str = "QkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkJCQkI";

fn keys(current: &str, previous: Option<&str>) -> DataKeys {
    DataKeys::parse(current, previous).unwrap()
}

/// A request with every personal field filled with a distinctive value (`n` apart).
fn referral(n: usize) -> Referral {
    Referral {
        area: "kent".into(),
        relationship: Relationship::Harmed,
        full_name: format!("{NAME} {n}"),
        contact_method: ContactMethod::Email,
        phone: Some(PHONE.into()),
        email: Some(rj::mail::address::EmailAddress::parse(EMAIL).unwrap()),
        voicemail_ok: true,
        say_rj_ok: true,
        safe_times: Some(format!("{TIMES} {n}")),
        contact_language: ContactLanguage::En,
        reported: Answer3::Yes,
        crime_reference: Some(CRIME_REF.into()),
        responsible_under_18: Answer3::No,
        support_needs: Some(format!("{MESSAGE} needs")),
        message: Some(format!("{MESSAGE} {n}")),
        confirmation_email: true,
    }
}

static SEED: AtomicU64 = AtomicU64::new(7);

fn random() -> u64 {
    SEED.fetch_add(1, Ordering::Relaxed)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15)
        >> 5
}

/// Stores `n` requests; returns their references.
async fn submit(store: &Store, n: usize) -> Vec<Reference> {
    let mut references = Vec::new();
    for i in 0..n {
        let key = format!("sealed-{}-{i}", random());
        references.push(
            store
                .insert(&key, &referral(i), 1_000 + i as i64, random)
                .await
                .unwrap(),
        );
    }
    references
}

fn assert_nothing_typed_in(what: &str, bytes: &[u8]) {
    let text = String::from_utf8_lossy(bytes);
    for private in PRIVATE {
        assert!(!text.contains(private), "{what} contains {private:?}");
    }
}

/// One test's database.
struct TestDb {
    url: DatabaseUrl,
    /// PostgreSQL's database name, for `psql` and `pg_dump`.
    pg: Option<String>,
    dir: tempfile::TempDir,
}

impl TestDb {
    fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/rj.db", dir.path().display());
        TestDb {
            url: DatabaseUrl::parse(&url).unwrap(),
            pg: None,
            dir,
        }
    }

    fn postgres(name: &str) -> Option<TestDb> {
        let url = common::postgres::server()?.new_database(name);
        Some(TestDb {
            pg: Some(url.rsplit('/').next().unwrap().to_string()),
            url: DatabaseUrl::parse(&url).unwrap(),
            dir: tempfile::tempdir().unwrap(),
        })
    }

    async fn open(&self, keys: DataKeys) -> Result<Store, StoreError> {
        Store::open(&self.url, keys).await
    }

    /// Runs one statement outside the store, as an older binary or an attacker would.
    async fn execute(&self, sql: &str, binds: &[&str]) {
        match &self.pg {
            None => {
                let pool = sqlx::SqlitePool::connect(&self.url.to_string())
                    .await
                    .unwrap();
                let mut q = sqlx::query(sql);
                for b in binds {
                    q = q.bind(*b);
                }
                q.execute(&pool).await.unwrap();
                pool.close().await;
            }
            Some(_) => {
                let pool = sqlx::PgPool::connect(&self.url.to_string()).await.unwrap();
                let mut q = sqlx::query(sql);
                for b in binds {
                    q = q.bind(*b);
                }
                q.execute(&pool).await.unwrap();
                pool.close().await;
            }
        }
    }

    /// `(reference, payload, payload_key)` of every row, by id.
    async fn rows(&self) -> Vec<(String, Option<String>, Option<String>)> {
        let sql = "SELECT reference, payload, payload_key FROM referrals ORDER BY id";
        match &self.pg {
            None => {
                let pool = sqlx::SqlitePool::connect(&self.url.to_string())
                    .await
                    .unwrap();
                let rows = sqlx::query_as(sql).fetch_all(&pool).await.unwrap();
                pool.close().await;
                rows
            }
            Some(_) => {
                let pool = sqlx::PgPool::connect(&self.url.to_string()).await.unwrap();
                let rows = sqlx::query_as(sql).fetch_all(&pool).await.unwrap();
                pool.close().await;
                rows
            }
        }
    }
}

macro_rules! on_both_backends {
    ($($name:ident),* $(,)?) => {
        mod sqlite {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    super::$name(super::TestDb::sqlite()).await;
                }
            )*
        }
        mod postgres {
            $(
                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn $name() {
                    if let Some(db) = super::TestDb::postgres(stringify!($name)) {
                        super::$name(db).await;
                    }
                }
            )*
        }
    };
}

on_both_backends!(
    nothing_typed_is_in_the_database_files_or_a_dump,
    rotation_keeps_every_request_readable_and_moves_every_row,
    a_key_that_was_not_given_stops_the_start_and_changes_nothing,
    a_payload_moved_to_another_row_does_not_open,
    plain_rows_from_an_older_binary_are_sealed_at_start,
);

async fn nothing_typed_is_in_the_database_files_or_a_dump(db: TestDb) {
    let store = db.open(keys(KEY_A, None)).await.unwrap();
    let references = submit(&store, 6).await;
    // Read back whole through the store.
    for (i, reference) in references.iter().enumerate() {
        assert!(store.referral(*reference).await.unwrap() == Some(referral(i)));
    }
    // One delivered and confirmed, then its answers deleted: nothing left behind either.
    let claimed = store.claim(2_000, 60).await.unwrap().unwrap();
    assert_eq!(claimed.referral.email.unwrap().as_str(), EMAIL);
    store.mark_answers_emailed(claimed.id).await.unwrap();
    store
        .mark_sent(
            claimed.id,
            &rj::store::Delivered {
                at: 2_000,
                remind_at: 3_000,
                escalate_at: 4_000,
            },
        )
        .await
        .unwrap();
    let calendar = rj::calendar::WorkingDays::weekdays();
    store
        .acknowledge(claimed.reference, 2_100, &calendar)
        .await
        .unwrap();
    assert_eq!(store.forget_confirmed(2_200).await.unwrap(), 1);
    assert_eq!(store.payloads_held().await.unwrap(), 5);
    for (_, payload, key) in db.rows().await {
        if let Some(payload) = payload {
            assert_eq!(
                key.as_deref(),
                Some(store.data_keys().current_id().as_str())
            );
            assert_nothing_typed_in("a stored payload", payload.as_bytes());
        }
    }
    match &db.pg {
        None => {
            // What is on disk now: the database and its write-ahead log.
            let folder = db.dir.path();
            let mut read = String::new();
            for file in ["rj.db", "rj.db-wal"] {
                if let Ok(bytes) = std::fs::read(folder.join(file)) {
                    assert_nothing_typed_in(file, &bytes);
                    read.push_str(&String::from_utf8_lossy(&bytes));
                }
            }
            // The scan sees the rows: their references are there, in plain.
            for reference in &references {
                assert!(
                    read.contains(&reference.to_string()),
                    "{reference} is in the files"
                );
            }
            drop(store);
        }
        Some(name) => {
            let dump = common::postgres::server().unwrap().dump(name);
            let text = String::from_utf8_lossy(&dump);
            assert!(text.contains("COPY public.referrals"), "a real dump");
            for reference in &references {
                assert!(text.contains(&reference.to_string()), "every row is dumped");
            }
            assert_nothing_typed_in("pg_dump", &dump);
        }
    }
}

async fn rotation_keeps_every_request_readable_and_moves_every_row(db: TestDb) {
    let old = keys(KEY_A, None);
    let store = db.open(old.clone()).await.unwrap();
    let references = submit(&store, 2 * 200 + 7).await;
    // One purged: no answers to move.
    store
        .resolve(references[3], "passed on by phone", 5_000)
        .await
        .unwrap();
    drop(store);

    // The new key, the old one still accepted for reading.
    let both = keys(KEY_B, Some(KEY_A));
    let store = db.open(both.clone()).await.unwrap();
    // Readable before the rotation (under the old key) and written under the new.
    assert!(store.referral(references[0]).await.unwrap() == Some(referral(0)));
    let newer = submit(&store, 1).await;
    let counts = store.sealed_counts().await.unwrap().0;
    assert_eq!(
        counts,
        vec![
            (Some(both.current_id().to_string()), 1),
            (Some(old.current_id().to_string()), 2 * 200 + 6),
        ]
    );
    assert_eq!(store.rotate_keys().await.unwrap(), 2 * 200 + 6);
    assert_eq!(
        store.rotate_keys().await.unwrap(),
        0,
        "nothing left to move"
    );
    drop(store);

    // The old key can go: every request opens with the new one alone.
    let store = db.open(keys(KEY_B, None)).await.unwrap();
    assert_eq!(
        store.sealed_counts().await.unwrap().0,
        vec![(Some(both.current_id().to_string()), 2 * 200 + 7)]
    );
    for (i, reference) in references.iter().enumerate() {
        let expected = (i != 3).then(|| referral(i));
        assert!(store.referral(*reference).await.unwrap() == expected, "{i}");
    }
    assert!(store.referral(newer[0]).await.unwrap() == Some(referral(0)));
    for (_, _, key) in db.rows().await.into_iter().filter(|r| r.1.is_some()) {
        assert_eq!(key.as_deref(), Some(both.current_id().as_str()));
    }
}

async fn a_key_that_was_not_given_stops_the_start_and_changes_nothing(db: TestDb) {
    let a = keys(KEY_A, None);
    let store = db.open(a.clone()).await.unwrap();
    let references = submit(&store, 3).await;
    drop(store);
    let before = db.rows().await;

    let e = db.open(keys(KEY_B, None)).await.err().expect("refused");
    let said = e.to_string();
    assert!(
        matches!(&e, StoreError::UnknownDataKey { key_id, rows: 3, .. } if key_id == a.current_id().as_str()),
        "{said}"
    );
    for words in [
        &format!("sealed under data key id {}", a.current_id())[..],
        "RJ_DATA_KEY_PREVIOUS",
        "nothing was changed",
    ] {
        assert!(said.contains(words), "{words}: {said}");
    }
    assert!(!said.contains(KEY_A) && !said.contains(KEY_B), "{said}");
    assert_eq!(db.rows().await, before, "nothing changed");

    // With the right key, everything is there.
    let store = db.open(a).await.unwrap();
    assert!(store.referral(references[2]).await.unwrap() == Some(referral(2)));
}

async fn a_payload_moved_to_another_row_does_not_open(db: TestDb) {
    let a = keys(KEY_A, None);
    let store = db.open(a.clone()).await.unwrap();
    let references = submit(&store, 2).await;
    let rows = db.rows().await;
    let (first, second) = (rows[0].1.clone().unwrap(), rows[1].1.clone().unwrap());
    // Swapped: each row now holds the other's sealed answers.
    db.execute(
        "UPDATE referrals SET payload = $1 WHERE reference = $2",
        &[&second, &rows[0].0],
    )
    .await;
    db.execute(
        "UPDATE referrals SET payload = $1 WHERE reference = $2",
        &[&first, &rows[1].0],
    )
    .await;
    let Err(e) = store.referral(references[0]).await else {
        panic!("a moved payload was opened");
    };
    let e = e.to_string();
    assert!(
        e.contains(&format!("request {}", references[0]))
            && e.contains(&format!(
                "does not open with data key id {}",
                a.current_id()
            )),
        "{e}"
    );
    drop(store);
    // And the site does not start on it.
    let e = db.open(a).await.err().expect("refused").to_string();
    assert!(e.contains("cannot be opened"), "{e}");
}

async fn plain_rows_from_an_older_binary_are_sealed_at_start(db: TestDb) {
    let a = keys(KEY_A, None);
    let store = db.open(a.clone()).await.unwrap();
    let sealed = submit(&store, 1).await;
    // As the previous version stored a request: plain JSON, no key id.
    let plain = Reference::generate(random);
    let json = serde_json::to_string(&referral(9)).unwrap();
    db.execute(
        "INSERT INTO referrals (reference, idempotency_key, area, status, payload,
                                next_attempt_at, created_at)
         VALUES ($1, 'older-binary', 'kent', 'pending', $2, 10, 10)",
        &[&plain.to_string(), &json],
    )
    .await;
    // A new instance reads it meanwhile (an upgrade in progress).
    assert!(store.referral(plain).await.unwrap() == Some(referral(9)));
    drop(store);

    let store = db.open(a.clone()).await.unwrap();
    let rows = db.rows().await;
    let row = rows.iter().find(|r| r.0 == plain.to_string()).unwrap();
    assert_eq!(row.2.as_deref(), Some(a.current_id().as_str()));
    assert_nothing_typed_in("the sealed row", row.1.as_deref().unwrap().as_bytes());
    assert!(store.referral(plain).await.unwrap() == Some(referral(9)));
    assert!(store.referral(sealed[0]).await.unwrap() == Some(referral(0)));
    // It is delivered as any other.
    let mut claimed = Vec::new();
    while let Some(c) = store.claim(100, 60).await.unwrap() {
        claimed.push((c.reference, c.referral));
    }
    assert!(
        claimed
            .iter()
            .any(|(r, answers)| *r == plain && *answers == referral(9)),
        "{}",
        claimed.len()
    );
}

/// The real binary, on a SQLite database sealed under another key: it stops at start,
/// says which key id it needs on stderr, exits non-zero, and the answers are intact.
/// Then `rj keys rotate` with the old key as previous moves every row.
#[test]
fn the_site_with_the_wrong_key_stops_at_start_and_rotation_fixes_it() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/rj.db", dir.path().display());
    let runtime = tokio::runtime::Runtime::new().unwrap();
    let a = keys(KEY_A, None);
    let references = runtime.block_on(async {
        let store = Store::open(&DatabaseUrl::parse(&url).unwrap(), a.clone())
            .await
            .unwrap();
        submit(&store, 4).await
    });
    let run = |args: &[&str], vars: &[(&str, &str)]| {
        let mut child = Command::new(env!("CARGO_BIN_EXE_rj"))
            .args(args)
            .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{}", free_port()))
            .env("RJ_DATABASE_URL", &url)
            .env("RJ_MAIL_DIR", dir.path().join("mail"))
            .env("RUST_LOG", "info")
            .envs(vars.iter().copied())
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let exited = try_wait_until(Duration::from_secs(60), || {
            child.try_wait().unwrap().ok_or_else(String::new)
        });
        let Ok(status) = exited else {
            let _ = child.kill();
            panic!("rj {args:?} kept running");
        };
        let out = child.wait_with_output().unwrap();
        (
            status.code(),
            String::from_utf8_lossy(&out.stdout).into_owned(),
            String::from_utf8_lossy(&out.stderr).into_owned(),
        )
    };

    let (code, _, stderr) = run(&["serve"], &[("RJ_DATA_KEY", KEY_B)]);
    assert_eq!(code, Some(1), "{stderr}");
    let needed = format!(
        "4 stored requests are sealed under data key id {}, which is neither RJ_DATA_KEY (id {})",
        a.current_id(),
        keys(KEY_B, None).current_id()
    );
    assert!(
        stderr.contains("cannot start") && stderr.contains(&needed),
        "{stderr}"
    );
    assert!(stderr.contains("RJ_DATA_KEY_PREVIOUS"), "{stderr}");
    assert!(
        !stderr.contains(KEY_A) && !stderr.contains(KEY_B),
        "{stderr}"
    );
    assert!(!stderr.contains("panicked"), "{stderr}");

    // check-config names each key's rows, never a key.
    let both = [("RJ_DATA_KEY", KEY_B), ("RJ_DATA_KEY_PREVIOUS", KEY_A)];
    let (_, stdout, _) = run(&["check-config"], &both);
    let b = keys(KEY_B, None);
    assert!(
        stdout.contains(&format!("data key: id {} (RJ_DATA_KEY)", b.current_id())),
        "{stdout}"
    );
    assert!(
        stdout.contains(&format!(
            "answers sealed under data key {}: 4",
            a.current_id()
        )),
        "{stdout}"
    );
    let (code, stdout, stderr) = run(&["keys", "rotate"], &both);
    assert_eq!(code, Some(0), "{stdout}{stderr}");
    assert!(
        stdout.contains(&format!(
            "4 requests sealed again under data key {}",
            b.current_id()
        )) && stdout.contains("previous keys can now be removed"),
        "{stdout}"
    );
    let (_, stdout, _) = run(&["check-config"], &[("RJ_DATA_KEY", KEY_B)]);
    assert!(
        stdout.contains(&format!(
            "answers sealed under data key {}: 4",
            b.current_id()
        )),
        "{stdout}"
    );
    for text in [&stdout, &stderr] {
        assert!(!text.contains(KEY_A) && !text.contains(KEY_B));
    }
    // Every request opens with the new key alone.
    runtime.block_on(async {
        let store = Store::open(&DatabaseUrl::parse(&url).unwrap(), b)
            .await
            .unwrap();
        for (i, reference) in references.iter().enumerate() {
            assert!(store.referral(*reference).await.unwrap() == Some(referral(i)));
        }
    });
}

/// In development without RJ_DATA_KEY, the binary makes a key file beside the SQLite
/// database (private to its owner), says so without the key, and reads it afterwards.
#[test]
fn development_makes_a_private_key_file_beside_the_database() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    let run = || {
        Command::new(env!("CARGO_BIN_EXE_rj"))
            .args(["outbox", "status"])
            .env(
                "RJ_DATABASE_URL",
                format!("sqlite://{}/db/rj.db", dir.path().display()),
            )
            .env("RJ_MAIL_DIR", dir.path().join("mail"))
            .env("RUST_LOG", "info")
            .env_remove("RJ_DATA_KEY")
            .output()
            .unwrap()
    };
    let first = run();
    assert!(first.status.success(), "{first:?}");
    let path = dir.path().join("db/data.key");
    let key = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        std::fs::metadata(&path).unwrap().permissions().mode() & 0o777,
        0o600
    );
    let said = String::from_utf8_lossy(&first.stderr);
    let id = keys(key.trim(), None).current_id().to_string();
    assert!(
        said.contains("development key file")
            && said.contains("(made, key id")
            && said.contains(&id),
        "{said}"
    );
    assert!(!said.contains(key.trim()), "{said}");
    let second = run();
    let said = String::from_utf8_lossy(&second.stderr);
    assert!(said.contains(&format!("(read, key id {id})")), "{said}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), key);
}

//! The referral outbox on both backends: a real SQLite database in a temporary folder,
//! and a real PostgreSQL server started by the harness (`common::postgres`), each test
//! in its own database. Every behaviour test runs on both (`sqlite::…`, `postgres::…`);
//! "instances" are separate stores (separate connection pools) on one database. One
//! test checks the two sets of migrations make the same tables.

use crate::common;
use common::wait::eventually;

use rj::referral::form::{Answer3, ContactMethod, Referral, Relationship};
use rj::store::{Backend, DataKeys, DatabaseUrl, Store};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::Duration;

fn referral(area: &str) -> Referral {
    Referral {
        area: area.into(),
        relationship: Relationship::Harmed,
        full_name: "Test Person".into(),
        contact_method: ContactMethod::Phone,
        phone: Some("01632 960 001".into()),
        email: None,
        voicemail_ok: false,
        say_rj_ok: false,
        safe_times: Some("after 6pm".into()),
        contact_language: rj::referral::form::ContactLanguage::En,
        reported: Answer3::Yes,
        crime_reference: None,
        responsible_under_18: Answer3::No,
        support_needs: None,
        message: None,
        confirmation_email: false,
    }
}

fn delivered(at: i64) -> rj::store::Delivered {
    rj::store::Delivered {
        at,
        remind_at: at + 100,
        escalate_at: at + 200,
    }
}

static SEED: AtomicU64 = AtomicU64::new(1);

fn random() -> u64 {
    let n = SEED.fetch_add(1, Ordering::Relaxed);
    n.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 7
}

/// One test's database, which any number of stores may open.
struct TestDb {
    url: DatabaseUrl,
    /// The data key every store of this database is given.
    keys: DataKeys,
    _dir: Option<tempfile::TempDir>,
}

impl TestDb {
    fn sqlite() -> TestDb {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/nested/rj.db", dir.path().display());
        TestDb {
            url: DatabaseUrl::parse(&url).unwrap(),
            keys: DataKeys::generate(),
            _dir: Some(dir),
        }
    }

    /// `None` (said loudly by the harness) when PostgreSQL is not available.
    fn postgres(name: &str) -> Option<TestDb> {
        let server = common::postgres::server()?;
        Some(TestDb {
            url: DatabaseUrl::parse(&server.new_database(name)).unwrap(),
            keys: DataKeys::generate(),
            _dir: None,
        })
    }

    /// Opens a store, migrating as the site does at start.
    async fn open(&self) -> Store {
        Store::open(&self.url, self.keys.clone())
            .await
            .expect("the store opens")
    }
}

/// Each listed test, once on SQLite and once on PostgreSQL.
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
    the_same_form_sent_twice_is_stored_once,
    concurrent_sends_of_one_form_make_one_request,
    a_lease_keeps_a_request_to_one_worker_until_it_expires,
    workers_of_two_instances_never_claim_the_same_request,
    delivery_keeps_the_answers_until_the_service_confirms,
    retries_wait_for_their_time,
    failed_requests_can_be_retried_and_old_ones_are_purged,
    the_database_survives_reopening,
    a_client_limit_is_counted_across_instances,
    a_client_limit_holds_under_concurrent_hits,
    one_instance_at_a_time_holds_the_sweep_lock,
    migrations_are_reported_then_applied,
    due_alerts_are_stored_once_each,
    a_permanent_failure_stores_one_alert_however_often_it_fails,
    answers_are_deleted_a_grace_period_after_confirmation_or_at_the_purge,
    a_resolved_request_is_no_longer_sent_chased_or_purged,
    the_commissioners_record_counts_working_days_and_outlives_the_purge,
    sweeps_of_two_instances_never_repeat_a_step,
    an_acknowledgement_is_recorded_once_across_instances,
    a_broken_random_source_cannot_hang_a_send,
);

async fn the_same_form_sent_twice_is_stored_once(db: TestDb) {
    let store = db.open().await;
    let first = store
        .insert("key-1", &referral("south-wales"), 100, random)
        .await
        .unwrap();
    let again = store
        .insert("key-1", &referral("south-wales"), 105, random)
        .await
        .unwrap();
    assert_eq!(first, again);
    let other = store
        .insert("key-2", &referral("gwent"), 106, random)
        .await
        .unwrap();
    assert_ne!(first, other);
    assert_eq!(store.counts().await.unwrap().pending, 2);
    assert_eq!(store.reference_for("key-1").await.unwrap(), Some(first));
    assert_eq!(store.reference_for("key-3").await.unwrap(), None);
}

async fn concurrent_sends_of_one_form_make_one_request(db: TestDb) {
    // Two instances, each with its own pool, as two machines would be.
    let stores = [db.open().await, db.open().await];
    let handles: Vec<_> = (0..16)
        .map(|i| {
            let store = stores[i % 2].clone();
            tokio::spawn(async move {
                store
                    .insert("same", &referral("kent"), 1, random)
                    .await
                    .unwrap()
            })
        })
        .collect();
    let mut refs = Vec::new();
    for h in handles {
        refs.push(h.await.unwrap());
    }
    refs.dedup();
    assert_eq!(refs.len(), 1);
    assert_eq!(stores[0].counts().await.unwrap().pending, 1);
}

async fn a_lease_keeps_a_request_to_one_worker_until_it_expires(db: TestDb) {
    let store = db.open().await;
    let reference = store
        .insert("k", &referral("dorset"), 10, random)
        .await
        .unwrap();
    let claimed = store.claim(10, 60).await.unwrap().expect("due now");
    assert_eq!(
        (claimed.reference, claimed.attempts, claimed.area.as_str()),
        (reference, 1, "dorset")
    );
    assert_eq!(claimed.referral.full_name, "Test Person");
    assert!(
        store.claim(20, 60).await.unwrap().is_none(),
        "leased to the first worker"
    );
    // The first worker died: after the lease, another takes the request up.
    let again = store.claim(71, 60).await.unwrap().expect("lease expired");
    assert_eq!((again.reference, again.attempts), (reference, 2));
}

async fn workers_of_two_instances_never_claim_the_same_request(db: TestDb) {
    let stores = [db.open().await, db.open().await];
    for i in 0..60 {
        stores[0]
            .insert(&format!("k{i}"), &referral("essex"), 10, random)
            .await
            .unwrap();
    }
    // Eight workers, four per instance, claiming as fast as they can.
    let workers: Vec<_> = (0..8)
        .map(|w| {
            let store = stores[w % 2].clone();
            tokio::spawn(async move {
                let mut mine = Vec::new();
                while let Some(c) = store.claim(20, 60).await.unwrap() {
                    mine.push(c.id);
                }
                mine
            })
        })
        .collect();
    let mut all = Vec::new();
    for w in workers {
        all.extend(w.await.unwrap());
    }
    let distinct: BTreeSet<i64> = all.iter().copied().collect();
    assert_eq!(all.len(), 60, "each request claimed once: {all:?}");
    assert_eq!(distinct.len(), 60);
}

async fn delivery_keeps_the_answers_until_the_service_confirms(db: TestDb) {
    let store = db.open().await;
    let reference = store
        .insert("k", &referral("essex"), 10, random)
        .await
        .unwrap();
    let claimed = store.claim(10, 60).await.unwrap().unwrap();
    assert!(!claimed.service_sent);
    store.mark_service_sent(claimed.id).await.unwrap();
    assert_eq!(store.payloads_held().await.unwrap(), 1);
    store.mark_sent(claimed.id, &delivered(12)).await.unwrap();
    assert_eq!(
        store.payloads_held().await.unwrap(),
        1,
        "kept until the service confirms it has it"
    );
    assert!(store.referral(reference).await.unwrap().is_some());
    let stored = store.find(reference).await.unwrap().unwrap();
    assert_eq!(
        (stored.area.as_str(), stored.status.as_str()),
        ("essex", "sent")
    );
    assert!(store.claim(100, 60).await.unwrap().is_none());
}

async fn retries_wait_for_their_time(db: TestDb) {
    let store = db.open().await;
    let reference = store
        .insert("k", &referral("surrey"), 10, random)
        .await
        .unwrap();
    let claimed = store.claim(10, 60).await.unwrap().unwrap();
    store.mark_service_sent(claimed.id).await.unwrap();
    store
        .mark_retry(claimed.id, 40, "connection refused")
        .await
        .unwrap();
    assert!(store.claim(39, 60).await.unwrap().is_none());
    let again = store.claim(40, 60).await.unwrap().unwrap();
    assert_eq!((again.attempts, again.service_sent), (2, true));
    assert_eq!(
        store.referral(reference).await.unwrap().unwrap().area,
        "surrey"
    );
}

async fn failed_requests_can_be_retried_and_old_ones_are_purged(db: TestDb) {
    let store = db.open().await;
    let old = store
        .insert("old", &referral("suffolk"), 10, random)
        .await
        .unwrap();
    let failed = store
        .insert("failed", &referral("norfolk"), 500, random)
        .await
        .unwrap();
    let claimed = store.claim(500, 60).await.unwrap().unwrap();
    assert_eq!(claimed.reference, old, "oldest first");
    store
        .mark_retry(claimed.id, 10_000, "timeout")
        .await
        .unwrap();
    let claimed = store.claim(501, 60).await.unwrap().unwrap();
    store
        .mark_failed(claimed.id, "550 no such user", 502)
        .await
        .unwrap();
    assert_eq!(store.counts().await.unwrap().failed, 1);

    assert!(store.retry(failed, 600).await.unwrap());
    assert_eq!(
        store.claim(600, 60).await.unwrap().unwrap().reference,
        failed
    );

    let purged = store.purge(100).await.unwrap();
    assert_eq!(purged, vec![old]);
    let counts = store.counts().await.unwrap();
    assert_eq!(
        (counts.purged, counts.pending, counts.oldest_pending),
        (1, 1, Some(500))
    );
    assert!(!store.retry(old, 700).await.unwrap(), "purged data is gone");
}

async fn the_database_survives_reopening(db: TestDb) {
    let reference = {
        let store = db.open().await;
        store
            .insert("k", &referral("cumbria"), 10, random)
            .await
            .unwrap()
    };
    let store = db.open().await;
    assert_eq!(
        store.claim(10, 60).await.unwrap().unwrap().reference,
        reference
    );
}

async fn a_client_limit_is_counted_across_instances(db: TestDb) {
    let stores = [db.open().await, db.open().await];
    // Five an hour, counted alternately by two instances: the sixth is refused by either.
    for i in 0..5 {
        assert!(
            stores[i % 2]
                .count_hit("send", "client-a", 5, 3600, 1000 + i as i64)
                .await
                .unwrap()
                .is_ok(),
            "hit {i}"
        );
    }
    for store in &stores {
        assert!(
            store
                .count_hit("send", "client-a", 5, 3600, 1010)
                .await
                .unwrap()
                .is_err()
        );
    }
    // Another client, or another limit, has its own count.
    assert!(
        stores[0]
            .count_hit("send", "client-b", 5, 3600, 1010)
            .await
            .unwrap()
            .is_ok()
    );
    assert!(
        stores[1]
            .count_hit("status", "client-a", 5, 3600, 1010)
            .await
            .unwrap()
            .is_ok()
    );
    // An hour after the first, one place is free again (refusals were not counted).
    assert!(
        stores[1]
            .count_hit("send", "client-a", 5, 3600, 4601)
            .await
            .unwrap()
            .is_ok()
    );
    assert!(
        stores[0]
            .count_hit("send", "client-a", 5, 3600, 4601)
            .await
            .unwrap()
            .is_err()
    );
    // The sweep deletes rows whose events have all left the window.
    assert_eq!(
        stores[0].purge_limits(4610).await.unwrap(),
        2,
        "client-b and status"
    );
    assert_eq!(stores[0].purge_limits(10_000).await.unwrap(), 1);
    assert!(
        stores[0]
            .count_hit("send", "client-a", 5, 3600, 10_000)
            .await
            .unwrap()
            .is_ok()
    );
}

async fn a_client_limit_holds_under_concurrent_hits(db: TestDb) {
    let stores = [db.open().await, db.open().await];
    let hits: Vec<_> = (0..24)
        .map(|i| {
            let store = stores[i % 2].clone();
            tokio::spawn(async move {
                store
                    .count_hit("send", "busy", 5, 3600, 50)
                    .await
                    .unwrap()
                    .is_ok()
            })
        })
        .collect();
    let mut allowed = 0;
    for h in hits {
        allowed += usize::from(h.await.unwrap());
    }
    assert_eq!(allowed, 5, "exactly the limit, however the hits interleave");
}

async fn one_instance_at_a_time_holds_the_sweep_lock(db: TestDb) {
    let (a, b) = (db.open().await, db.open().await);
    let held = a.try_sweep_lock().await.unwrap().expect("free at first");
    match a.backend() {
        Backend::Postgres => {
            assert!(b.try_sweep_lock().await.unwrap().is_none(), "held by a");
            drop(held);
            // Dropping closes the lock's connection; the server then frees the lock.
            let again = eventually("the lock released", || async {
                b.try_sweep_lock()
                    .await
                    .unwrap()
                    .ok_or_else(|| "still held".to_string())
            })
            .await;
            assert!(a.try_sweep_lock().await.unwrap().is_none(), "now held by b");
            drop(again);
        }
        // One machine, one instance: its one sweeping worker always may.
        Backend::Sqlite => assert!(b.try_sweep_lock().await.unwrap().is_some()),
    }
}

async fn migrations_are_reported_then_applied(db: TestDb) {
    let store = Store::connect(&db.url, db.keys.clone()).await.unwrap();
    let before = store.migration_status().await.unwrap();
    assert!(!before.up_to_date());
    assert!(before.applied.is_empty(), "{before:?}");
    assert!(
        before.pending.iter().any(|m| m.starts_with("1 ")),
        "{before:?}"
    );
    store.migrate().await.unwrap();
    let after = store.migration_status().await.unwrap();
    assert!(after.up_to_date(), "{after:?}");
    assert_eq!(after.applied.len(), before.pending.len());
    // Applying again changes nothing.
    store.migrate().await.unwrap();
    assert_eq!(store.migration_status().await.unwrap(), after);
}

/// A table as both catalogues can describe it.
#[derive(Debug, Default, PartialEq, Eq)]
struct Table {
    /// In order: name, kind (`integer`, `text`…), NOT NULL.
    columns: Vec<(String, String, bool)>,
    primary_key: Vec<String>,
    /// Indexes made by CREATE INDEX: name, columns, unique.
    indexes: BTreeSet<(String, Vec<String>, bool)>,
    /// Indexes behind UNIQUE constraints (named differently by each database): columns.
    unique: BTreeSet<Vec<String>>,
}

fn sqlite_kind(declared: &str) -> String {
    match declared.to_ascii_uppercase().as_str() {
        "INTEGER" | "BIGINT" => "integer".into(),
        "TEXT" => "text".into(),
        "BLOB" => "blob".into(),
        other => format!("SQLite {other}"),
    }
}

fn postgres_kind(data_type: &str) -> String {
    match data_type {
        "bigint" => "integer".into(),
        "text" => "text".into(),
        "bytea" => "blob".into(),
        // 32 bits: the code reads every number as i64, which it cannot decode.
        "integer" | "smallint" => "PostgreSQL integer: use BIGINT".into(),
        other => format!("PostgreSQL {other}"),
    }
}

async fn sqlite_catalogue(url: &DatabaseUrl) -> BTreeMap<String, Table> {
    Store::open(url, DataKeys::generate()).await.unwrap();
    let pool = sqlx::SqlitePool::connect(&url.to_string()).await.unwrap();
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT name FROM sqlite_master WHERE type = 'table'
         AND name NOT LIKE 'sqlite_%' AND name <> '_sqlx_migrations'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut tables = BTreeMap::new();
    for name in names {
        let mut t = Table::default();
        let columns: Vec<(String, String, bool, i64)> = sqlx::query_as(
            "SELECT name, type, \"notnull\", pk FROM pragma_table_info($1) ORDER BY cid",
        )
        .bind(&name)
        .fetch_all(&pool)
        .await
        .unwrap();
        let mut pk: Vec<(i64, String)> = Vec::new();
        for (column, declared, not_null, in_pk) in columns {
            if in_pk > 0 {
                pk.push((in_pk, column.clone()));
            }
            t.columns
                .push((column, sqlite_kind(&declared), not_null || in_pk > 0));
        }
        pk.sort();
        t.primary_key = pk.into_iter().map(|(_, c)| c).collect();
        let indexes: Vec<(String, bool, String)> =
            sqlx::query_as("SELECT name, \"unique\", origin FROM pragma_index_list($1)")
                .bind(&name)
                .fetch_all(&pool)
                .await
                .unwrap();
        for (index, unique, origin) in indexes {
            let columns: Vec<String> =
                sqlx::query_scalar("SELECT name FROM pragma_index_info($1) ORDER BY seqno")
                    .bind(&index)
                    .fetch_all(&pool)
                    .await
                    .unwrap();
            match origin.as_str() {
                "c" => {
                    t.indexes.insert((index, columns, unique));
                }
                "u" => {
                    t.unique.insert(columns);
                }
                _ => {} // "pk": the primary key, compared above
            }
        }
        tables.insert(name, t);
    }
    tables
}

async fn postgres_catalogue(url: &DatabaseUrl) -> BTreeMap<String, Table> {
    Store::open(url, DataKeys::generate()).await.unwrap();
    // The test server has no passwords, so the printed address is the whole address.
    let pool = sqlx::PgPool::connect(&url.to_string()).await.unwrap();
    let names: Vec<String> = sqlx::query_scalar(
        "SELECT table_name::text FROM information_schema.tables
         WHERE table_schema = 'public' AND table_type = 'BASE TABLE'
           AND table_name <> '_sqlx_migrations'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let mut tables = BTreeMap::new();
    for name in names {
        let mut t = Table::default();
        let columns: Vec<(String, String, String)> = sqlx::query_as(
            "SELECT column_name::text, data_type::text, is_nullable::text
             FROM information_schema.columns
             WHERE table_schema = 'public' AND table_name = $1 ORDER BY ordinal_position",
        )
        .bind(&name)
        .fetch_all(&pool)
        .await
        .unwrap();
        t.columns = columns
            .into_iter()
            .map(|(c, kind, nullable)| (c, postgres_kind(&kind), nullable == "NO"))
            .collect();
        let indexes: Vec<(String, bool, bool, bool, Vec<String>)> = sqlx::query_as(
            "SELECT i.relname::text, ix.indisunique, ix.indisprimary,
                    EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = ix.indexrelid),
                    array_agg(a.attname::text ORDER BY k.ord)
             FROM pg_index ix
             JOIN pg_class t ON t.oid = ix.indrelid
             JOIN pg_class i ON i.oid = ix.indexrelid
             CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
             WHERE t.relname = $1
             GROUP BY i.relname, ix.indisunique, ix.indisprimary, ix.indexrelid",
        )
        .bind(&name)
        .fetch_all(&pool)
        .await
        .unwrap();
        for (index, unique, primary, constraint, columns) in indexes {
            if primary {
                t.primary_key = columns;
            } else if constraint {
                t.unique.insert(columns);
            } else {
                t.indexes.insert((index, columns, unique));
            }
        }
        tables.insert(name, t);
    }
    tables
}

/// `migrations/sqlite` and `migrations/postgres` stay in step: the same versions, and
/// after applying them the same tables, columns (with comparable types and NOT NULL),
/// primary keys, unique constraints and indexes, as each database's catalogue says.
#[tokio::test]
async fn the_two_sets_of_migrations_make_the_same_tables() {
    let versions = |b: Backend| -> Vec<(i64, String)> {
        b.migrator()
            .iter()
            .map(|m| (m.version, m.description.to_string()))
            .collect()
    };
    assert_eq!(
        versions(Backend::Sqlite),
        versions(Backend::Postgres),
        "each migration has a twin with the same number and name"
    );
    let Some(pg) = TestDb::postgres("catalogue") else {
        return;
    };
    let sqlite = sqlite_catalogue(&TestDb::sqlite().url).await;
    let postgres = postgres_catalogue(&pg.url).await;
    for table in ["referrals", "client_limits", "alerts", "report_entries"] {
        assert!(sqlite.contains_key(table), "{table}");
    }
    assert_eq!(
        sqlite.keys().collect::<Vec<_>>(),
        postgres.keys().collect::<Vec<_>>(),
        "the same tables"
    );
    for (name, table) in &sqlite {
        assert_eq!(
            table, &postgres[name],
            "table {name}: SQLite (left), PostgreSQL (right)"
        );
    }
}

async fn due_alerts_are_stored_once_each(db: TestDb) {
    let store = db.open().await;
    let quiet = store
        .insert("q", &referral("kent"), 10, random)
        .await
        .unwrap();
    let confirmed = store
        .insert("c", &referral("essex"), 10, random)
        .await
        .unwrap();
    for _ in 0..2 {
        let claimed = store.claim(10, 60).await.unwrap().unwrap();
        store.mark_sent(claimed.id, &delivered(20)).await.unwrap();
    }
    store
        .acknowledge(confirmed, 50, &rj::calendar::WorkingDays::weekdays())
        .await
        .unwrap();
    // Before the reminder is due: nothing.
    assert_eq!(store.queue_due_alerts(119, 0).await.unwrap(), 0);
    // The reminder falls due (remind_at = 120), for the unconfirmed request only, once
    // however often the sweep runs.
    assert_eq!(store.queue_due_alerts(120, 0).await.unwrap(), 1);
    assert_eq!(store.queue_due_alerts(130, 0).await.unwrap(), 0);
    // Then the escalation, then the retention warning (stored before `warn_before`).
    assert_eq!(store.queue_due_alerts(220, 0).await.unwrap(), 1);
    assert_eq!(store.queue_due_alerts(221, 11).await.unwrap(), 1);
    assert_eq!(store.queue_due_alerts(300, 1000).await.unwrap(), 0);
    let kinds: Vec<_> = store
        .alerts()
        .await
        .unwrap()
        .into_iter()
        .map(|a| (a.reference, a.kind.as_str(), a.status.as_str()))
        .collect();
    assert_eq!(
        kinds,
        [
            (quiet, "reminder", "pending"),
            (quiet, "escalation", "pending"),
            (quiet, "retention", "pending"),
        ]
    );
    // Leased one at a time: a second worker does not get the same alert.
    let first = store.claim_alert(300, 60).await.unwrap().unwrap();
    let second = store.claim_alert(300, 60).await.unwrap().unwrap();
    assert_ne!(first.id, second.id);
    assert_eq!(first.kind.as_str(), "reminder");
    assert_eq!(
        first.referral.as_ref().map(|r| r.area.as_str()),
        Some("kent"),
        "a reminder repeats the answers"
    );
    assert!(second.referral.is_none(), "an operator alert carries none");
    assert_eq!(second.facts.sent_at, Some(20));
    store
        .finish_alert(first.id, rj::store::AlertStatus::Sent, 301, None)
        .await
        .unwrap();
    let third = store.claim_alert(302, 60).await.unwrap().unwrap();
    assert_eq!(third.facts.reminded_at, Some(301));
}

async fn a_permanent_failure_stores_one_alert_however_often_it_fails(db: TestDb) {
    let store = db.open().await;
    let reference = store
        .insert("k", &referral("kent"), 10, random)
        .await
        .unwrap();
    for attempt in 0..3 {
        let claimed = store.claim(20 + attempt, 60).await.unwrap().unwrap();
        store
            .mark_failed(claimed.id, "SMTP 550", 20 + attempt)
            .await
            .unwrap();
        assert!(store.retry(reference, 20 + attempt).await.unwrap());
    }
    let alerts = store.alerts().await.unwrap();
    assert_eq!(alerts.len(), 1);
    assert_eq!(
        (alerts[0].reference, alerts[0].kind.as_str()),
        (reference, "failed")
    );
}

async fn answers_are_deleted_a_grace_period_after_confirmation_or_at_the_purge(db: TestDb) {
    let store = db.open().await;
    let confirmed = store
        .insert("a", &referral("kent"), 10, random)
        .await
        .unwrap();
    let unconfirmed = store
        .insert("b", &referral("essex"), 11, random)
        .await
        .unwrap();
    for _ in 0..2 {
        let claimed = store.claim(20, 60).await.unwrap().unwrap();
        // Delivered by email: the service has the answers, so the site's copy goes a
        // grace period after it confirms. (Answers read in the inbox wait for Closed:
        // `staff::answers_are_kept_until_closed_then_deleted`.)
        store.mark_answers_emailed(claimed.id).await.unwrap();
        store.mark_sent(claimed.id, &delivered(20)).await.unwrap();
    }
    let waiting = store
        .insert("c", &referral("dorset"), 12, random)
        .await
        .unwrap();
    store
        .acknowledge(confirmed, 50, &rj::calendar::WorkingDays::weekdays())
        .await
        .unwrap();
    assert_eq!(store.payloads_held().await.unwrap(), 3);
    // The grace period after the confirmation.
    assert_eq!(store.forget_confirmed(50).await.unwrap(), 0);
    assert_eq!(store.forget_confirmed(51).await.unwrap(), 1);
    assert!(store.referral(confirmed).await.unwrap().is_none());
    assert!(store.referral(unconfirmed).await.unwrap().is_some());
    // The retention purge takes every request nobody confirmed, delivered or not, and
    // leaves the confirmed one's record.
    let mut purged = store.purge(100).await.unwrap();
    purged.sort();
    let mut expected = vec![unconfirmed, waiting];
    expected.sort();
    assert_eq!(purged, expected);
    assert_eq!(store.payloads_held().await.unwrap(), 0);
    let kept = store.find(confirmed).await.unwrap().unwrap();
    assert_eq!(
        (kept.status.as_str(), kept.acknowledged_at),
        ("sent", Some(50))
    );
}

async fn a_resolved_request_is_no_longer_sent_chased_or_purged(db: TestDb) {
    use rj::store::Resolved;
    let store = db.open().await;
    let waiting = store
        .insert("w", &referral("kent"), 10, random)
        .await
        .unwrap();
    let sent = store
        .insert("s", &referral("essex"), 10, random)
        .await
        .unwrap();
    let claimed = store.claim(10, 60).await.unwrap().unwrap();
    assert_eq!(claimed.reference, waiting);
    store.mark_retry(claimed.id, 10, "timeout").await.unwrap();
    let claimed = store.claim(11, 60).await.unwrap().unwrap();
    store.mark_sent(claimed.id, &delivered(12)).await.unwrap();

    for r in [waiting, sent] {
        assert_eq!(
            store.resolve(r, "phoned the service", 30).await.unwrap(),
            Resolved::Now
        );
        assert_eq!(
            store.resolve(r, "again", 31).await.unwrap(),
            Resolved::Already(30),
            "resolving twice changes nothing"
        );
    }
    let unknown = rj::referral::reference::Reference::generate({
        let mut n: u64 = 5;
        move || {
            n += 7;
            n
        }
    });
    assert_eq!(
        store.resolve(unknown, "x", 32).await.unwrap(),
        Resolved::Unknown
    );
    assert_eq!(
        store.payloads_held().await.unwrap(),
        0,
        "answers deleted at once"
    );
    assert!(store.claim(1000, 60).await.unwrap().is_none(), "never sent");
    assert!(!store.retry(waiting, 1000).await.unwrap());
    assert_eq!(
        store.queue_due_alerts(10_000, 10_000).await.unwrap(),
        0,
        "never chased"
    );
    assert!(
        store.purge(10_000).await.unwrap().is_empty(),
        "its record is kept"
    );
    assert_eq!(
        store.find(sent).await.unwrap().unwrap().resolved_at,
        Some(30)
    );
}

async fn the_commissioners_record_counts_working_days_and_outlives_the_purge(db: TestDb) {
    use rj::calendar::Date;
    use rj::calendar::{WorkingDays, uk_time};
    let store = db.open().await;
    // Thursday 24 December 2026, 10:00: confirmed on Tuesday 29 December (Christmas
    // and the Boxing Day holiday between): 1 working day.
    let thursday = uk_time(
        Date {
            year: 2026,
            month: 12,
            day: 24,
        },
        10,
    );
    let tuesday = uk_time(
        Date {
            year: 2026,
            month: 12,
            day: 29,
        },
        15,
    );
    let calendar = WorkingDays::parse(
        include_str!("../../data/bank-holidays.toml"),
        "bank-holidays.toml",
    )
    .unwrap();
    let confirmed = store
        .insert("a", &referral("kent"), thursday, random)
        .await
        .unwrap();
    let never = store
        .insert("b", &referral("kent"), thursday, random)
        .await
        .unwrap();
    let refused = store
        .insert("c", &referral("essex"), thursday, random)
        .await
        .unwrap();
    for _ in 0..2 {
        let c = store.claim(thursday, 60).await.unwrap().unwrap();
        store.mark_sent(c.id, &delivered(thursday)).await.unwrap();
    }
    let c = store.claim(thursday, 60).await.unwrap().unwrap();
    assert_eq!(c.reference, refused);
    store.mark_failed(c.id, "SMTP 550", thursday).await.unwrap();
    store
        .acknowledge(confirmed, tuesday, &calendar)
        .await
        .unwrap();
    // A second confirmation changes nothing.
    store
        .acknowledge(confirmed, tuesday + 86_400 * 5, &calendar)
        .await
        .unwrap();
    // Everything unconfirmed is purged; the record stays.
    let purged = store.purge(tuesday + 86_400 * 60).await.unwrap();
    assert_eq!(purged.len(), 2, "{purged:?} {never:?}");
    // The confirmed one's answers go at the end of the retention period at the latest.
    assert_eq!(store.forget_expired(i64::MAX).await.unwrap(), 1);
    assert_eq!(store.payloads_held().await.unwrap(), 0);
    let entries = store.report_entries("2026-12", "2026-12").await.unwrap();
    let mut seen: Vec<_> = entries
        .iter()
        .map(|e| {
            (
                e.area.as_str(),
                e.month.as_str(),
                e.acknowledged_days,
                e.failed,
            )
        })
        .collect();
    seen.sort();
    assert_eq!(
        seen,
        [
            ("essex", "2026-12", None, true),
            ("kent", "2026-12", None, false),
            ("kent", "2026-12", Some(1), false),
        ]
    );
    assert!(
        store
            .report_entries("2027-01", "2027-12")
            .await
            .unwrap()
            .is_empty()
    );
}

/// Two instances sweeping at once (as they would without the sweep lock, or one after
/// the other with it): every alert is stored once, leased to one worker, and every
/// request purged once.
async fn sweeps_of_two_instances_never_repeat_a_step(db: TestDb) {
    let stores = [db.open().await, db.open().await];
    for i in 0..30 {
        stores[i % 2]
            .insert(&format!("k{i}"), &referral("kent"), 10, random)
            .await
            .unwrap();
    }
    // 20 delivered (reminder due at 120, escalation at 220); 10 never.
    for _ in 0..20 {
        let c = stores[0].claim(20, 60).await.unwrap().unwrap();
        stores[1].mark_sent(c.id, &delivered(20)).await.unwrap();
    }
    let sweeps: Vec<_> = (0..8)
        .map(|i| {
            let store = stores[i % 2].clone();
            tokio::spawn(async move { store.queue_due_alerts(300, 0).await.unwrap() })
        })
        .collect();
    let mut added = 0;
    for s in sweeps {
        added += s.await.unwrap();
    }
    assert_eq!(
        added, 40,
        "a reminder and an escalation for each delivered request"
    );
    let workers: Vec<_> = (0..8)
        .map(|w| {
            let store = stores[w % 2].clone();
            tokio::spawn(async move {
                let mut mine = Vec::new();
                while let Some(a) = store.claim_alert(300, 60).await.unwrap() {
                    mine.push(a.id);
                }
                mine
            })
        })
        .collect();
    let mut claimed = Vec::new();
    for w in workers {
        claimed.extend(w.await.unwrap());
    }
    let distinct: BTreeSet<i64> = claimed.iter().copied().collect();
    assert_eq!(
        (claimed.len(), distinct.len()),
        (40, 40),
        "each alert leased once"
    );

    let purges: Vec<_> = (0..6)
        .map(|i| {
            let store = stores[i % 2].clone();
            tokio::spawn(async move { store.purge(1000).await.unwrap() })
        })
        .collect();
    let mut purged = Vec::new();
    for p in purges {
        purged.extend(p.await.unwrap());
    }
    let distinct: BTreeSet<_> = purged.iter().copied().collect();
    assert_eq!(
        (purged.len(), distinct.len()),
        (30, 30),
        "each request purged once"
    );
    assert_eq!(stores[0].payloads_held().await.unwrap(), 0);
}

/// A service's confirmation link pressed many times at once, on two instances: one
/// press records it; the others find it recorded, and the first time stays.
async fn an_acknowledgement_is_recorded_once_across_instances(db: TestDb) {
    use rj::calendar::WorkingDays;
    let stores = [db.open().await, db.open().await];
    let reference = stores[0]
        .insert("k", &referral("kent"), 10, random)
        .await
        .unwrap();
    let c = stores[1].claim(10, 60).await.unwrap().unwrap();
    stores[1].mark_sent(c.id, &delivered(20)).await.unwrap();
    let presses: Vec<_> = (0..16)
        .map(|i| {
            let store = stores[i % 2].clone();
            tokio::spawn(async move {
                store
                    .acknowledge(reference, 100 + i as i64, &WorkingDays::weekdays())
                    .await
                    .unwrap()
                    .expect("a known request")
            })
        })
        .collect();
    let mut results = Vec::new();
    for p in presses {
        results.push(p.await.unwrap());
    }
    let first: Vec<_> = results.iter().filter(|a| a.first).collect();
    assert_eq!(first.len(), 1, "recorded once: {results:?}");
    assert!(results.iter().all(|a| a.at == first[0].at), "{results:?}");
    let later = stores[0]
        .acknowledge(reference, 5000, &WorkingDays::weekdays())
        .await
        .unwrap()
        .unwrap();
    assert_eq!((later.at, later.first), (first[0].at, false));
    assert_eq!(
        stores[1]
            .find(reference)
            .await
            .unwrap()
            .unwrap()
            .acknowledged_at,
        Some(first[0].at)
    );
    let entries = stores[0]
        .report_entries("1970-01", "1970-01")
        .await
        .unwrap();
    assert_eq!(entries.len(), 1);
    assert_eq!(entries[0].acknowledged_days, Some(0));
    // Confirmed: never reminded.
    assert_eq!(stores[0].queue_due_alerts(10_000, 0).await.unwrap(), 0);
    let unknown = rj::referral::reference::Reference::parse("RJ-0000-0000").unwrap();
    assert_eq!(
        stores[0]
            .acknowledge(unknown, 100, &WorkingDays::weekdays())
            .await
            .unwrap(),
        None
    );
}

/// A random source that always gives the same value used to spin for ever in `insert`
/// once its one reference was taken; it now gives up with an error.
async fn a_broken_random_source_cannot_hang_a_send(db: TestDb) {
    let store = db.open().await;
    let stuck = || 12_345_u64;
    store
        .insert("a", &referral("kent"), 10, stuck)
        .await
        .unwrap();
    let second = tokio::time::timeout(
        Duration::from_secs(30),
        store.insert("b", &referral("kent"), 11, stuck),
    )
    .await
    .expect("it returns");
    assert!(
        matches!(second, Err(rj::store::StoreError::NoFreeReference(_))),
        "{second:?}"
    );
    // The same form again still gets its reference; nothing else was stored.
    assert!(
        store
            .insert("a", &referral("kent"), 12, stuck)
            .await
            .is_ok()
    );
    assert_eq!(store.counts().await.unwrap().pending, 1);
}

//! The referral outbox on a real SQLite database in a temporary folder.

use rj::referral::form::{Answer3, ContactMethod, Referral, Relationship};
use rj::referral::store::Store;
use std::sync::atomic::{AtomicU64, Ordering};

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

fn delivered(at: i64) -> rj::referral::store::Delivered {
    rj::referral::store::Delivered {
        at,
        via: rj::referral::store::SentVia::Service,
        remind_at: at + 100,
        escalate_at: at + 200,
    }
}

static SEED: AtomicU64 = AtomicU64::new(1);

fn random() -> u64 {
    let n = SEED.fetch_add(1, Ordering::Relaxed);
    n.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> 7
}

async fn store() -> (Store, tempfile::TempDir) {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/nested/rj.db", dir.path().display());
    (Store::open(&url).await.expect("the store opens"), dir)
}

#[tokio::test]
async fn the_same_form_sent_twice_is_stored_once() {
    let (store, _dir) = store().await;
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
}

#[tokio::test]
async fn concurrent_sends_of_one_form_make_one_request() {
    let (store, _dir) = store().await;
    let handles: Vec<_> = (0..16)
        .map(|_| {
            let store = store.clone();
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
    assert_eq!(store.counts().await.unwrap().pending, 1);
}

#[tokio::test]
async fn a_lease_keeps_a_request_to_one_worker_until_it_expires() {
    let (store, _dir) = store().await;
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

#[tokio::test]
async fn delivery_keeps_the_answers_until_the_service_confirms() {
    let (store, _dir) = store().await;
    let reference = store
        .insert("k", &referral("essex"), 10, random)
        .await
        .unwrap();
    let claimed = store.claim(10, 60).await.unwrap().unwrap();
    store.mark_sent(claimed.id, &delivered(12)).await.unwrap();
    assert_eq!(
        store.payloads_held().await.unwrap(),
        1,
        "kept until the service confirms it has it"
    );
    let stored = store.find(reference).await.unwrap().unwrap();
    assert_eq!(
        (stored.area.as_str(), stored.status.as_str()),
        ("essex", "sent")
    );
    assert!(store.claim(100, 60).await.unwrap().is_none());
}

#[tokio::test]
async fn retries_wait_for_their_time() {
    let (store, _dir) = store().await;
    store
        .insert("k", &referral("surrey"), 10, random)
        .await
        .unwrap();
    let claimed = store.claim(10, 60).await.unwrap().unwrap();
    store
        .mark_retry(claimed.id, 40, "connection refused")
        .await
        .unwrap();
    assert!(store.claim(39, 60).await.unwrap().is_none());
    assert_eq!(store.claim(40, 60).await.unwrap().unwrap().attempts, 2);
}

#[tokio::test]
async fn failed_requests_can_be_retried_and_old_ones_are_purged() {
    let (store, _dir) = store().await;
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
    assert_eq!((counts.purged, counts.pending), (1, 1));
    assert!(!store.retry(old, 700).await.unwrap(), "purged data is gone");
}

#[tokio::test]
async fn the_database_survives_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let url = format!("sqlite://{}/rj.db", dir.path().display());
    let reference = {
        let store = Store::open(&url).await.unwrap();
        store
            .insert("k", &referral("cumbria"), 10, random)
            .await
            .unwrap()
    };
    let store = Store::open(&url).await.unwrap();
    assert_eq!(
        store.claim(10, 60).await.unwrap().unwrap().reference,
        reference
    );
}

#[tokio::test]
async fn due_alerts_are_stored_once_each() {
    let (store, _dir) = store().await;
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
        .map(|a| (a.reference, a.kind.as_str(), a.status))
        .collect();
    assert_eq!(
        kinds,
        [
            (quiet, "reminder", "pending".to_string()),
            (quiet, "escalation", "pending".to_string()),
            (quiet, "retention", "pending".to_string()),
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
        .finish_alert(first.id, "sent", 301, None)
        .await
        .unwrap();
    let third = store.claim_alert(302, 60).await.unwrap().unwrap();
    assert_eq!(third.facts.reminded_at, Some(301));
}

#[tokio::test]
async fn a_permanent_failure_stores_one_alert_however_often_it_fails() {
    let (store, _dir) = store().await;
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

#[tokio::test]
async fn answers_are_deleted_a_grace_period_after_confirmation_or_at_the_purge() {
    let (store, _dir) = store().await;
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

#[tokio::test]
async fn a_resolved_request_is_no_longer_sent_chased_or_purged() {
    use rj::referral::store::Resolved;
    let (store, _dir) = store().await;
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

#[tokio::test]
async fn the_commissioners_record_counts_working_days_and_outlives_the_purge() {
    use rj::areas::directory::Date;
    use rj::calendar::{WorkingDays, uk_time};
    let (store, _dir) = store().await;
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
        include_str!("../data/bank-holidays.toml"),
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
    assert_eq!(store.forget_confirmed(i64::MAX).await.unwrap(), 1);
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

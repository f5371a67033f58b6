//! The durable outbox: every request is written here (SQLite by default) in one
//! transaction before the person sees the confirmation, and stays until delivered.
//! Workers take a time-limited lease on one request at a time, so two workers never
//! send the same request at once and a crashed worker's request is taken up again.

use super::alerts::AlertKind;
use super::form::Referral;
use super::reference::Reference;
use crate::calendar::{WorkingDays, uk_date};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{Row, SqlitePool};
use std::str::FromStr;

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("database: {0}")]
    Database(#[from] sqlx::Error),
    #[error("database migration: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("cannot create the folder for the database: {0}")]
    Folder(std::io::Error),
    #[error("a stored request cannot be read: {0}")]
    Payload(#[from] serde_json::Error),
}

/// A request a worker has leased for delivery.
pub struct Claimed {
    pub id: i64,
    pub reference: Reference,
    pub area: String,
    pub referral: Referral,
    /// This is attempt number `attempts` (1 for the first).
    pub attempts: u32,
    /// The service already has its email; only the person's confirmation is left.
    pub service_sent: bool,
}

/// How many requests are in each state.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub pending: i64,
    pub sent: i64,
    pub failed: i64,
    pub purged: i64,
    /// When the oldest waiting request was stored (unix seconds).
    pub oldest_pending: Option<i64>,
}

/// What the confirmation, acknowledgement and status pages may show about a request:
/// never its answers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub reference: Reference,
    pub area: String,
    pub status: String,
    /// When the person sent it (unix seconds).
    pub created_at: i64,
    /// When the service's email was delivered.
    pub sent_at: Option<i64>,
    /// When the service confirmed it has it.
    pub acknowledged_at: Option<i64>,
    /// Where it went: [`SentVia::as_str`].
    pub sent_via: Option<String>,
    /// When the operator resolved it.
    pub resolved_at: Option<i64>,
}

/// Where a request's email went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SentVia {
    /// Straight to the area's service.
    Service,
    /// Straight to the area's youth justice service.
    YouthService,
    /// To the operator's triage inbox, which passes it on.
    Triage,
}

impl SentVia {
    pub fn as_str(self) -> &'static str {
        match self {
            SentVia::Service => "service",
            SentVia::YouthService => "youth-service",
            SentVia::Triage => "triage",
        }
    }

    pub fn parse(s: &str) -> Option<SentVia> {
        [SentVia::Service, SentVia::YouthService, SentVia::Triage]
            .into_iter()
            .find(|v| v.as_str() == s)
    }
}

/// One police area's requests: how many were stored, delivered, refused for good,
/// confirmed by the service, and resolved by the operator (each ever, so they only grow).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AreaCounts {
    pub area: String,
    pub stored: i64,
    pub sent: i64,
    pub failed: i64,
    pub acknowledged: i64,
    pub resolved: i64,
}

/// Everything the operator's numbers show, read from the database (so every instance
/// reports the same, and a restart loses nothing).
#[derive(Clone, Debug, Default)]
pub struct Numbers {
    pub areas: Vec<AreaCounts>,
    /// Requests waiting to be delivered (the outbox's depth).
    pub waiting: i64,
    /// When the oldest waiting request was stored.
    pub oldest_waiting: Option<i64>,
    /// Requests refused for good and not yet retried or resolved.
    pub failed_now: i64,
    /// Delivered, not confirmed, not resolved.
    pub unconfirmed: i64,
    pub purged: i64,
    /// Seconds from storing to delivery, for each delivered request.
    pub delivery_seconds: Vec<i64>,
    /// Seconds from delivery to the service's confirmation.
    pub acknowledgement_seconds: Vec<i64>,
    /// (kind, status, how many) for the alerts.
    pub alerts: Vec<(AlertKind, String, i64)>,
}

impl Numbers {
    /// Alerts of `kind` with `status`.
    pub fn alerts(&self, kind: AlertKind, status: &str) -> i64 {
        self.alerts
            .iter()
            .filter(|(k, s, _)| *k == kind && s == status)
            .map(|(_, _, n)| n)
            .sum()
    }
}

/// One request in the commissioners' record: no reference, no answers, no times.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ReportEntry {
    pub area: String,
    /// `YYYY-MM`, the UK month it was sent.
    pub month: String,
    /// Working days from sending to the service's confirmation.
    pub acknowledged_days: Option<u32>,
    /// It has not reached the service (refused for good, or purged undelivered).
    pub failed: bool,
}

/// The UK month of `unix` seconds, `YYYY-MM`.
pub fn month_of(unix: i64) -> String {
    let d = uk_date(unix);
    format!("{:04}-{:02}", d.year, d.month)
}

/// What `resolve` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    Now,
    /// It was resolved already, at this time.
    Already(i64),
    Unknown,
}

/// A delivery to record: when, where, and when to chase it if nobody confirms it.
#[derive(Clone, Copy, Debug)]
pub struct Delivered {
    pub at: i64,
    pub via: SentVia,
    pub remind_at: i64,
    pub escalate_at: i64,
}

/// What an alert may say about its request: dates, area and route, never the answers.
#[derive(Clone, Debug)]
pub struct AlertFacts {
    pub reference: Reference,
    pub area: String,
    pub status: String,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub acknowledged_at: Option<i64>,
    pub resolved_at: Option<i64>,
    /// When the reminder went to the service, if it has.
    pub reminded_at: Option<i64>,
    pub sent_via: Option<SentVia>,
    /// The last delivery error (a reply code, never an address).
    pub last_error: Option<String>,
}

/// An alert a worker has leased for sending.
pub struct ClaimedAlert {
    pub id: i64,
    pub kind: AlertKind,
    pub attempts: u32,
    pub facts: AlertFacts,
    /// The answers, for a reminder (the service's email again), while they are held.
    pub referral: Option<Referral>,
}

/// One alert, for `outbox status` and the tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlertRow {
    pub reference: Reference,
    pub kind: AlertKind,
    pub status: String,
}

#[derive(Clone)]
pub struct Store {
    pool: SqlitePool,
}

impl Store {
    /// Opens (creating if needed) the database at `url`, e.g. `sqlite://var/rj.db`, in
    /// WAL mode with full syncs, and brings its tables up to date.
    pub async fn open(url: &str) -> Result<Store, StoreError> {
        let options = SqliteConnectOptions::from_str(url)?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(std::time::Duration::from_secs(10));
        if let Some(folder) = options
            .get_filename()
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
        {
            std::fs::create_dir_all(folder).map_err(StoreError::Folder)?;
        }
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations").run(&pool).await?;
        Ok(Store { pool })
    }

    /// Stores a request once per idempotency key; a repeat returns the first reference.
    pub async fn insert(
        &self,
        idempotency_key: &str,
        referral: &Referral,
        now: i64,
        mut random: impl FnMut() -> u64,
    ) -> Result<Reference, StoreError> {
        let payload = serde_json::to_string(referral)?;
        let month = month_of(now);
        loop {
            let reference = Reference::generate(&mut random);
            // The request and its line in the commissioners' record, together.
            let mut tx = self.pool.begin().await?;
            let inserted = sqlx::query(
                "INSERT INTO referrals (reference, idempotency_key, area, status, payload, next_attempt_at, created_at)
                 VALUES ($1, $2, $3, 'pending', $4, $5, $5)
                 ON CONFLICT (idempotency_key) DO NOTHING
                 RETURNING id",
            )
            .bind(reference.to_string())
            .bind(idempotency_key)
            .bind(&referral.area)
            .bind(&payload)
            .bind(now)
            .fetch_optional(&mut *tx)
            .await;
            match inserted {
                Ok(Some(row)) => {
                    sqlx::query(
                        "INSERT INTO report_entries (referral_id, area, month) VALUES ($1, $2, $3)",
                    )
                    .bind(row.get::<i64, _>(0))
                    .bind(&referral.area)
                    .bind(&month)
                    .execute(&mut *tx)
                    .await?;
                    tx.commit().await?;
                    break;
                }
                Ok(None) => {
                    tx.commit().await?;
                    break;
                }
                // The (rare) clash of a new reference with an old one: draw again.
                Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                    tx.rollback().await?;
                    continue;
                }
                Err(e) => return Err(e.into()),
            }
        }
        let row = sqlx::query("SELECT reference FROM referrals WHERE idempotency_key = $1")
            .bind(idempotency_key)
            .fetch_one(&self.pool)
            .await?;
        let reference: String = row.get(0);
        Ok(Reference::parse(&reference).expect("stored references are valid"))
    }

    /// The reference already stored for an idempotency key, if any.
    pub async fn reference_for(
        &self,
        idempotency_key: &str,
    ) -> Result<Option<Reference>, StoreError> {
        let row = sqlx::query("SELECT reference FROM referrals WHERE idempotency_key = $1")
            .bind(idempotency_key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|r| Reference::parse(r.get::<&str, _>(0)).ok()))
    }

    /// Leases the next request that is due, if any, for `lease_seconds`.
    pub async fn claim(&self, now: i64, lease_seconds: i64) -> Result<Option<Claimed>, StoreError> {
        let row = sqlx::query(
            "UPDATE referrals SET lease_until = $1 + $2, attempts = attempts + 1
             WHERE id = (SELECT id FROM referrals
                         WHERE status = 'pending' AND next_attempt_at <= $1
                           AND (lease_until IS NULL OR lease_until <= $1)
                           AND resolved_at IS NULL AND payload IS NOT NULL
                         ORDER BY next_attempt_at, id LIMIT 1)
             RETURNING id, reference, area, payload, attempts, service_sent",
        )
        .bind(now)
        .bind(lease_seconds)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let payload: String = row.get("payload");
        let reference: String = row.get("reference");
        Ok(Some(Claimed {
            id: row.get("id"),
            reference: Reference::parse(&reference).expect("stored references are valid"),
            area: row.get("area"),
            referral: serde_json::from_str(&payload)?,
            attempts: row.get::<i64, _>("attempts") as u32,
            service_sent: row.get::<i64, _>("service_sent") != 0,
        }))
    }

    /// The service has its email; the person's confirmation is still to send.
    pub async fn mark_service_sent(&self, id: i64) -> Result<(), StoreError> {
        sqlx::query("UPDATE referrals SET service_sent = 1 WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Delivered: the service has its email, and the person their confirmation. The
    /// answers stay until the service confirms it has them (a reminder repeats them).
    pub async fn mark_sent(&self, id: i64, d: &Delivered) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query("UPDATE report_entries SET failed = 0 WHERE referral_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "UPDATE referrals SET status = 'sent', sent_at = $2, lease_until = NULL,
             last_error = NULL, service_sent = 1, sent_via = $3, remind_at = $4, escalate_at = $5
             WHERE id = $1",
        )
        .bind(id)
        .bind(d.at)
        .bind(d.via.as_str())
        .bind(d.remind_at)
        .bind(d.escalate_at)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Not delivered this time; try again at `next_attempt_at`. `error` holds no personal data.
    pub async fn mark_retry(
        &self,
        id: i64,
        next_attempt_at: i64,
        error: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE referrals SET next_attempt_at = $2, lease_until = NULL, last_error = $3 WHERE id = $1")
            .bind(id)
            .bind(next_attempt_at)
            .bind(error)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Refused for good (a permanent SMTP rejection). Kept for `outbox retry` until
    /// purged; the operator's alert is stored in the same transaction, once per request.
    pub async fn mark_failed(&self, id: i64, error: &str, now: i64) -> Result<(), StoreError> {
        let mut tx = self.pool.begin().await?;
        sqlx::query(
            "UPDATE referrals SET status = 'failed', lease_until = NULL, last_error = $2,
             failed_at = COALESCE(failed_at, $3) WHERE id = $1",
        )
        .bind(id)
        .bind(error)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query(
            "INSERT INTO alerts (referral_id, kind, status, next_attempt_at, created_at)
             VALUES ($1, 'failed', 'pending', $2, $2)
             ON CONFLICT (referral_id, kind) DO NOTHING",
        )
        .bind(id)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        sqlx::query("UPDATE report_entries SET failed = 1 WHERE referral_id = $1")
            .bind(id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    /// Stores the alerts that have fallen due at `now`: a reminder for each delivered
    /// request nobody has confirmed by its `remind_at`, an escalation by its
    /// `escalate_at`, and a retention warning for each unconfirmed request stored
    /// before `warn_before`. Each kind at most once per request (the unique key), so
    /// running this again, or on a restarted instance, adds nothing. Returns how many
    /// were added.
    pub async fn queue_due_alerts(&self, now: i64, warn_before: i64) -> Result<u64, StoreError> {
        let mut added = 0;
        // Each kind: when it is due, against $2.
        for (kind, due, before) in [
            ("reminder", "status = 'sent' AND remind_at <= $2", now),
            ("escalation", "status = 'sent' AND escalate_at <= $2", now),
            (
                "retention",
                "status IN ('pending', 'sent', 'failed') AND created_at < $2",
                warn_before,
            ),
        ] {
            let sql = format!(
                "INSERT INTO alerts (referral_id, kind, status, next_attempt_at, created_at)
                 SELECT id, '{kind}', 'pending', $1, $1 FROM referrals
                 WHERE acknowledged_at IS NULL AND resolved_at IS NULL AND {due}
                 ON CONFLICT (referral_id, kind) DO NOTHING"
            );
            added += sqlx::query(&sql)
                .bind(now)
                .bind(before)
                .execute(&self.pool)
                .await?
                .rows_affected();
        }
        Ok(added)
    }

    /// Leases the next alert that is due, if any, for `lease_seconds`.
    pub async fn claim_alert(
        &self,
        now: i64,
        lease_seconds: i64,
    ) -> Result<Option<ClaimedAlert>, StoreError> {
        let row = sqlx::query(
            "UPDATE alerts SET lease_until = $1 + $2, attempts = attempts + 1
             WHERE id = (SELECT id FROM alerts
                         WHERE status = 'pending' AND next_attempt_at <= $1
                           AND (lease_until IS NULL OR lease_until <= $1)
                         ORDER BY next_attempt_at, id LIMIT 1)
             RETURNING id, referral_id, kind, attempts",
        )
        .bind(now)
        .bind(lease_seconds)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let referral_id: i64 = row.get("referral_id");
        let kind = AlertKind::parse(row.get("kind")).expect("the table only holds known kinds");
        let r = sqlx::query(
            "SELECT r.reference, r.area, r.status, r.created_at, r.sent_at, r.acknowledged_at,
                    r.resolved_at, r.sent_via, r.last_error, r.payload,
                    (SELECT a.sent_at FROM alerts a
                     WHERE a.referral_id = r.id AND a.kind = 'reminder' AND a.status = 'sent')
                    AS reminded_at
             FROM referrals r WHERE r.id = $1",
        )
        .bind(referral_id)
        .fetch_one(&self.pool)
        .await?;
        let reference: String = r.get("reference");
        let payload: Option<String> = r.get("payload");
        let referral = match (kind, payload) {
            (AlertKind::Reminder, Some(p)) => Some(serde_json::from_str(&p)?),
            _ => None,
        };
        Ok(Some(ClaimedAlert {
            id: row.get("id"),
            kind,
            attempts: row.get::<i64, _>("attempts") as u32,
            facts: AlertFacts {
                reference: Reference::parse(&reference).expect("stored references are valid"),
                area: r.get("area"),
                status: r.get("status"),
                created_at: r.get("created_at"),
                sent_at: r.get("sent_at"),
                acknowledged_at: r.get("acknowledged_at"),
                resolved_at: r.get("resolved_at"),
                reminded_at: r.get("reminded_at"),
                sent_via: r
                    .get::<Option<String>, _>("sent_via")
                    .as_deref()
                    .and_then(SentVia::parse),
                last_error: r.get("last_error"),
            },
            referral,
        }))
    }

    /// The alert is sent (`sent`), refused for good (`failed`), or no longer needed
    /// (`cancelled`: the service confirmed the request first).
    pub async fn finish_alert(
        &self,
        id: i64,
        status: &str,
        now: i64,
        error: Option<&str>,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE alerts SET status = $2, sent_at = $3, lease_until = NULL, last_error = $4
             WHERE id = $1",
        )
        .bind(id)
        .bind(status)
        .bind((status == "sent").then_some(now))
        .bind(error)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Not sent this time; try again at `next_attempt_at`.
    pub async fn retry_alert(
        &self,
        id: i64,
        next_attempt_at: i64,
        error: &str,
    ) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE alerts SET next_attempt_at = $2, lease_until = NULL, last_error = $3 WHERE id = $1",
        )
        .bind(id)
        .bind(next_attempt_at)
        .bind(error)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Every alert, oldest first.
    pub async fn alerts(&self) -> Result<Vec<AlertRow>, StoreError> {
        let rows = sqlx::query(
            "SELECT r.reference, a.kind, a.status FROM alerts a
             JOIN referrals r ON r.id = a.referral_id ORDER BY a.id",
        )
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .filter_map(|row| {
                Some(AlertRow {
                    reference: Reference::parse(row.get::<&str, _>(0)).ok()?,
                    kind: AlertKind::parse(row.get(1))?,
                    status: row.get(2),
                })
            })
            .collect())
    }

    /// Deletes the personal data of requests stored before `cutoff` that the service
    /// has not confirmed and the operator has not resolved (undelivered, or delivered
    /// and never confirmed), returning their references.
    pub async fn purge(&self, cutoff: i64) -> Result<Vec<Reference>, StoreError> {
        let rows = sqlx::query(
            "UPDATE referrals SET status = 'purged', payload = NULL, lease_until = NULL
             WHERE status IN ('pending', 'sent', 'failed') AND acknowledged_at IS NULL
               AND resolved_at IS NULL AND created_at < $1
             RETURNING reference",
        )
        .bind(cutoff)
        .fetch_all(&self.pool)
        .await?;
        // Purged before it reached the service: failed, for the commissioners.
        sqlx::query(
            "UPDATE report_entries SET failed = 1 WHERE failed = 0 AND referral_id IN
               (SELECT id FROM referrals WHERE status = 'purged' AND sent_at IS NULL)",
        )
        .execute(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .filter_map(|r| Reference::parse(r.get::<&str, _>(0)).ok())
            .collect())
    }

    /// Deletes the answers of requests the service confirmed before `cutoff` (the
    /// grace period after a confirmation), returning how many. A request whose
    /// person's confirmation was still waiting is counted as sent: the service has it.
    pub async fn forget_confirmed(&self, cutoff: i64) -> Result<u64, StoreError> {
        Ok(sqlx::query(
            "UPDATE referrals SET payload = NULL, lease_until = NULL,
                    status = CASE WHEN status = 'pending' THEN 'sent' ELSE status END
             WHERE payload IS NOT NULL AND acknowledged_at IS NOT NULL AND acknowledged_at < $1",
        )
        .bind(cutoff)
        .execute(&self.pool)
        .await?
        .rows_affected())
    }

    /// The operator has dealt with a request: it is no longer sent or chased, and its
    /// answers are deleted now. `note` says what was done (no personal details).
    pub async fn resolve(
        &self,
        reference: Reference,
        note: &str,
        now: i64,
    ) -> Result<Resolved, StoreError> {
        let done = sqlx::query(
            "UPDATE referrals SET resolved_at = $2, resolution_note = $3, payload = NULL,
                    lease_until = NULL
             WHERE reference = $1 AND resolved_at IS NULL",
        )
        .bind(reference.to_string())
        .bind(now)
        .bind(note)
        .execute(&self.pool)
        .await?;
        if done.rows_affected() == 1 {
            return Ok(Resolved::Now);
        }
        let row = sqlx::query("SELECT resolved_at FROM referrals WHERE reference = $1")
            .bind(reference.to_string())
            .fetch_optional(&self.pool)
            .await?;
        Ok(match row {
            Some(r) => Resolved::Already(r.get(0)),
            None => Resolved::Unknown,
        })
    }

    /// Puts a failed (or waiting) request back in the queue now. False if there is no
    /// such request, its data is gone, or the operator resolved it.
    pub async fn retry(&self, reference: Reference, now: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE referrals SET status = 'pending', next_attempt_at = $2, lease_until = NULL
             WHERE reference = $1 AND status IN ('pending', 'failed') AND payload IS NOT NULL
               AND resolved_at IS NULL",
        )
        .bind(reference.to_string())
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    pub async fn counts(&self) -> Result<Counts, StoreError> {
        let mut counts = Counts::default();
        for row in sqlx::query("SELECT status, COUNT(*) FROM referrals GROUP BY status")
            .fetch_all(&self.pool)
            .await?
        {
            let n: i64 = row.get(1);
            match row.get::<&str, _>(0) {
                "pending" => counts.pending = n,
                "sent" => counts.sent = n,
                "failed" => counts.failed = n,
                _ => counts.purged = n,
            }
        }
        counts.oldest_pending =
            sqlx::query("SELECT MIN(created_at) FROM referrals WHERE status = 'pending'")
                .fetch_one(&self.pool)
                .await?
                .get(0);
        Ok(counts)
    }

    /// A request's reference, area and status (never its answers).
    pub async fn find(&self, reference: Reference) -> Result<Option<Stored>, StoreError> {
        let row = sqlx::query(
            "SELECT area, status, created_at, sent_at, acknowledged_at, sent_via, resolved_at
             FROM referrals WHERE reference = $1",
        )
        .bind(reference.to_string())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(|r| Stored {
            reference,
            area: r.get("area"),
            status: r.get("status"),
            created_at: r.get("created_at"),
            sent_at: r.get("sent_at"),
            acknowledged_at: r.get("acknowledged_at"),
            sent_via: r.get("sent_via"),
            resolved_at: r.get("resolved_at"),
        }))
    }

    /// Records that the service has the request, once: a second call keeps the first
    /// time. Returns when it was acknowledged, or `None` for an unknown reference.
    /// The commissioners' record notes the working days it took (`calendar`).
    pub async fn acknowledge(
        &self,
        reference: Reference,
        now: i64,
        calendar: &WorkingDays,
    ) -> Result<Option<i64>, StoreError> {
        let mut tx = self.pool.begin().await?;
        let first = sqlx::query(
            "UPDATE referrals SET acknowledged_at = $2
             WHERE reference = $1 AND acknowledged_at IS NULL
             RETURNING id, created_at",
        )
        .bind(reference.to_string())
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(row) = first {
            let days = calendar.between(uk_date(row.get("created_at")), uk_date(now));
            sqlx::query("UPDATE report_entries SET acknowledged_days = $2 WHERE referral_id = $1")
                .bind(row.get::<i64, _>("id"))
                .bind(i64::from(days))
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        let row = sqlx::query("SELECT acknowledged_at FROM referrals WHERE reference = $1")
            .bind(reference.to_string())
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|r| r.get::<Option<i64>, _>(0)))
    }

    /// A waiting request's answers, if they are still held (`None` once delivered or
    /// purged, or for an unknown reference).
    pub async fn referral(&self, reference: Reference) -> Result<Option<Referral>, StoreError> {
        let row = sqlx::query("SELECT payload FROM referrals WHERE reference = $1")
            .bind(reference.to_string())
            .fetch_optional(&self.pool)
            .await?;
        match row.and_then(|r| r.get::<Option<String>, _>(0)) {
            Some(payload) => Ok(Some(serde_json::from_str(&payload)?)),
            None => Ok(None),
        }
    }

    /// The operator's numbers: every count by area, the outbox, the latencies and the
    /// alerts, read in one go (see `metrics`).
    pub async fn numbers(&self) -> Result<Numbers, StoreError> {
        let mut n = Numbers::default();
        for row in sqlx::query(
            "SELECT area, COUNT(*), COUNT(sent_at), COUNT(failed_at), COUNT(acknowledged_at),
                    COUNT(resolved_at)
             FROM referrals GROUP BY area ORDER BY area",
        )
        .fetch_all(&self.pool)
        .await?
        {
            n.areas.push(AreaCounts {
                area: row.get(0),
                stored: row.get(1),
                sent: row.get(2),
                failed: row.get(3),
                acknowledged: row.get(4),
                resolved: row.get(5),
            });
        }
        let outbox = sqlx::query(
            "SELECT
               COALESCE(SUM(CASE WHEN status = 'pending' AND resolved_at IS NULL THEN 1 ELSE 0 END), 0),
               MIN(CASE WHEN status = 'pending' AND resolved_at IS NULL THEN created_at END),
               COALESCE(SUM(CASE WHEN status = 'failed' AND resolved_at IS NULL THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN status = 'sent' AND acknowledged_at IS NULL
                                  AND resolved_at IS NULL THEN 1 ELSE 0 END), 0),
               COALESCE(SUM(CASE WHEN status = 'purged' THEN 1 ELSE 0 END), 0)
             FROM referrals",
        )
        .fetch_one(&self.pool)
        .await?;
        n.waiting = outbox.get(0);
        n.oldest_waiting = outbox.get(1);
        n.failed_now = outbox.get(2);
        n.unconfirmed = outbox.get(3);
        n.purged = outbox.get(4);
        n.delivery_seconds =
            sqlx::query("SELECT sent_at - created_at FROM referrals WHERE sent_at IS NOT NULL")
                .fetch_all(&self.pool)
                .await?
                .iter()
                .map(|r| r.get(0))
                .collect();
        n.acknowledgement_seconds = sqlx::query(
            "SELECT acknowledged_at - sent_at FROM referrals
             WHERE acknowledged_at IS NOT NULL AND sent_at IS NOT NULL",
        )
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| r.get(0))
        .collect();
        for row in sqlx::query("SELECT kind, status, COUNT(*) FROM alerts GROUP BY kind, status")
            .fetch_all(&self.pool)
            .await?
        {
            if let Some(kind) = AlertKind::parse(row.get(0)) {
                n.alerts.push((kind, row.get(1), row.get(2)));
            }
        }
        Ok(n)
    }

    /// The commissioners' record for the months `from` to `to` (`YYYY-MM`, inclusive):
    /// each request's area, month, working days to confirmation, and whether it failed.
    pub async fn report_entries(
        &self,
        from: &str,
        to: &str,
    ) -> Result<Vec<ReportEntry>, StoreError> {
        let rows = sqlx::query(
            "SELECT area, month, acknowledged_days, failed FROM report_entries
             WHERE month >= $1 AND month <= $2 ORDER BY month, area",
        )
        .bind(from)
        .bind(to)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .map(|r| ReportEntry {
                area: r.get(0),
                month: r.get(1),
                acknowledged_days: r.get::<Option<i64>, _>(2).map(|d| d.max(0) as u32),
                failed: r.get::<i64, _>(3) != 0,
            })
            .collect())
    }

    /// The personal data still held, for the tests that check it is deleted.
    pub async fn payloads_held(&self) -> Result<i64, StoreError> {
        Ok(
            sqlx::query("SELECT COUNT(*) FROM referrals WHERE payload IS NOT NULL")
                .fetch_one(&self.pool)
                .await?
                .get(0),
        )
    }
}

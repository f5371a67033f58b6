//! The durable outbox: every request is written here (SQLite by default) in one
//! transaction before the person sees the confirmation, and stays until delivered.
//! Workers take a time-limited lease on one request at a time, so two workers never
//! send the same request at once and a crashed worker's request is taken up again.

use super::form::Referral;
use super::reference::Reference;
use crate::areas::directory::Routed;
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

/// What the confirmation page may show about a request.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub reference: Reference,
    pub area: String,
    pub status: String,
    /// Who the person was told will contact them (`None` for older requests).
    pub routed: Option<Routed>,
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
        loop {
            let reference = Reference::generate(&mut random);
            let inserted = sqlx::query(
                "INSERT INTO referrals (reference, idempotency_key, area, status, payload, next_attempt_at, created_at)
                 VALUES (?1, ?2, ?3, 'pending', ?4, ?5, ?5)
                 ON CONFLICT (idempotency_key) DO NOTHING",
            )
            .bind(reference.to_string())
            .bind(idempotency_key)
            .bind(&referral.area)
            .bind(&payload)
            .bind(now)
            .execute(&self.pool)
            .await;
            match inserted {
                Ok(_) => break,
                // The (rare) clash of a new reference with an old one: draw again.
                Err(sqlx::Error::Database(e)) if e.message().contains("referrals.reference") => {
                    continue;
                }
                Err(e) => return Err(e.into()),
            }
        }
        let row = sqlx::query("SELECT reference FROM referrals WHERE idempotency_key = ?1")
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
        let row = sqlx::query("SELECT reference FROM referrals WHERE idempotency_key = ?1")
            .bind(idempotency_key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.and_then(|r| Reference::parse(r.get::<&str, _>(0)).ok()))
    }

    /// Leases the next request that is due, if any, for `lease_seconds`.
    pub async fn claim(&self, now: i64, lease_seconds: i64) -> Result<Option<Claimed>, StoreError> {
        let row = sqlx::query(
            "UPDATE referrals SET lease_until = ?1 + ?2, attempts = attempts + 1
             WHERE id = (SELECT id FROM referrals
                         WHERE status = 'pending' AND next_attempt_at <= ?1
                           AND (lease_until IS NULL OR lease_until <= ?1)
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
        sqlx::query("UPDATE referrals SET service_sent = 1 WHERE id = ?1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Delivered: the personal data is deleted; reference, area, times and status stay.
    pub async fn mark_sent(&self, id: i64, now: i64) -> Result<(), StoreError> {
        sqlx::query(
            "UPDATE referrals SET status = 'sent', payload = NULL, sent_at = ?2, lease_until = NULL,
             last_error = NULL, service_sent = 1 WHERE id = ?1",
        )
        .bind(id)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Not delivered this time; try again at `next_attempt_at`. `error` holds no personal data.
    pub async fn mark_retry(
        &self,
        id: i64,
        next_attempt_at: i64,
        error: &str,
    ) -> Result<(), StoreError> {
        sqlx::query("UPDATE referrals SET next_attempt_at = ?2, lease_until = NULL, last_error = ?3 WHERE id = ?1")
            .bind(id)
            .bind(next_attempt_at)
            .bind(error)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Refused for good (a permanent SMTP rejection). Kept for `outbox retry` until purged.
    pub async fn mark_failed(&self, id: i64, error: &str) -> Result<(), StoreError> {
        sqlx::query("UPDATE referrals SET status = 'failed', lease_until = NULL, last_error = ?2 WHERE id = ?1")
            .bind(id)
            .bind(error)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// Deletes the personal data of requests still undelivered since before `cutoff`,
    /// returning their references.
    pub async fn purge(&self, cutoff: i64) -> Result<Vec<Reference>, StoreError> {
        let rows = sqlx::query(
            "UPDATE referrals SET status = 'purged', payload = NULL, lease_until = NULL
             WHERE status IN ('pending', 'failed') AND created_at < ?1 RETURNING reference",
        )
        .bind(cutoff)
        .fetch_all(&self.pool)
        .await?;
        Ok(rows
            .iter()
            .filter_map(|r| Reference::parse(r.get::<&str, _>(0)).ok())
            .collect())
    }

    /// Puts a failed (or waiting) request back in the queue now. False if there is no
    /// such request or its data is gone.
    pub async fn retry(&self, reference: Reference, now: i64) -> Result<bool, StoreError> {
        let done = sqlx::query(
            "UPDATE referrals SET status = 'pending', next_attempt_at = ?2, lease_until = NULL
             WHERE reference = ?1 AND status IN ('pending', 'failed') AND payload IS NOT NULL",
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

    /// A request's reference, area, status and route (never its answers).
    pub async fn find(&self, reference: Reference) -> Result<Option<Stored>, StoreError> {
        let row =
            sqlx::query("SELECT area, status, route, audience FROM referrals WHERE reference = ?1")
                .bind(reference.to_string())
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|r| Stored {
            reference,
            area: r.get(0),
            status: r.get(1),
            routed: Routed::from_columns(r.get(2), r.get(3)),
        }))
    }

    /// Keeps who the person is told will contact them: when the request is stored, and
    /// when it is delivered (the routing may have changed in between).
    pub async fn record_route(
        &self,
        reference: Reference,
        routed: Routed,
    ) -> Result<(), StoreError> {
        let (route, audience) = routed.columns();
        sqlx::query("UPDATE referrals SET route = ?2, audience = ?3 WHERE reference = ?1")
            .bind(reference.to_string())
            .bind(route)
            .bind(audience)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    /// A waiting request's answers, if they are still held (`None` once delivered or
    /// purged, or for an unknown reference).
    pub async fn referral(&self, reference: Reference) -> Result<Option<Referral>, StoreError> {
        let row = sqlx::query("SELECT payload FROM referrals WHERE reference = ?1")
            .bind(reference.to_string())
            .fetch_optional(&self.pool)
            .await?;
        match row.and_then(|r| r.get::<Option<String>, _>(0)) {
            Some(payload) => Ok(Some(serde_json::from_str(&payload)?)),
            None => Ok(None),
        }
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

//! The durable outbox: every request is written here in one transaction before the
//! person sees the confirmation, and stays until delivered. Workers take a time-limited
//! lease on one request at a time, so two workers (of one instance or several) never
//! send the same request at once and a crashed worker's request is taken up again.
//!
//! One store, two backends (`backend`): SQLite for one machine, PostgreSQL for several
//! instances. Each query is written once, with `$1`-style parameters (sqlx's SQLite
//! driver binds `$N` by number too, like PostgreSQL), and run on either pool by
//! `on_db!`; rows are decoded into plain types inside it, so both arms agree.

/// Runs `$body` with `$pool` bound to the store's pool, whichever the backend. The body
/// is compiled once per backend, so its Rust types must suit both drivers; the outbox
/// tests run every query on both.
macro_rules! on_db {
    ($db:expr, $pool:ident => $body:expr) => {
        match $db {
            $crate::referral::store::backend::Db::Sqlite($pool) => $body,
            $crate::referral::store::backend::Db::Postgres($pool) => $body,
        }
    };
}

mod backend;
mod limits;

use super::form::Referral;
use super::reference::Reference;
use crate::areas::directory::Routed;
use backend::Db;
pub use backend::{Backend, DatabaseUrl, DatabaseUrlError, MigrationStatus, SweepLock};

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
    db: Db,
}

/// The claim query; PostgreSQL's row lock lets concurrent claimers (of any instance)
/// skip a request another is taking instead of waiting for it. SQLite has one writer at
/// a time, which gives the same guarantee.
macro_rules! claim_sql {
    ($lock:literal) => {
        concat!(
            "UPDATE referrals SET lease_until = $1 + $2, attempts = attempts + 1
             WHERE id = (SELECT id FROM referrals
                         WHERE status = 'pending' AND next_attempt_at <= $1
                           AND (lease_until IS NULL OR lease_until <= $1)
                         ORDER BY next_attempt_at, id LIMIT 1 ",
            $lock,
            ")
             RETURNING id, reference, area, payload, attempts, service_sent"
        )
    };
}

#[derive(sqlx::FromRow)]
struct ClaimedRow {
    id: i64,
    reference: String,
    area: String,
    payload: String,
    attempts: i64,
    service_sent: i64,
}

impl Store {
    /// Opens the database at `url` and brings its tables up to date: what the site does
    /// at start. SQLite (`sqlite://var/rj.db`) is created with its folder if missing.
    pub async fn open(url: &DatabaseUrl) -> Result<Store, StoreError> {
        let store = Store::connect(url).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Connects without changing anything (for `rj check-config`).
    pub async fn connect(url: &DatabaseUrl) -> Result<Store, StoreError> {
        Ok(Store {
            db: Db::connect(url).await?,
        })
    }

    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    /// Applies this binary's migrations that the database lacks (`rj migrate`).
    pub async fn migrate(&self) -> Result<(), StoreError> {
        self.db.migrate().await
    }

    /// The database's migrations compared with this binary's; changes nothing.
    pub async fn migration_status(&self) -> Result<MigrationStatus, StoreError> {
        self.db.migration_status().await
    }

    /// The periodic sweep's lock (see [`SweepLock`]): `None` while another instance
    /// holds it.
    pub async fn try_sweep_lock(&self) -> Result<Option<SweepLock>, StoreError> {
        self.db.try_sweep_lock().await
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
        let stored = loop {
            let reference = Reference::generate(&mut random);
            let inserted: Result<Option<String>, sqlx::Error> = on_db!(&self.db, pool => {
                sqlx::query_scalar(
                    "INSERT INTO referrals (reference, idempotency_key, area, status, payload, next_attempt_at, created_at)
                     VALUES ($1, $2, $3, 'pending', $4, $5, $5)
                     ON CONFLICT (idempotency_key) DO NOTHING
                     RETURNING reference",
                )
                .bind(reference.to_string())
                .bind(idempotency_key)
                .bind(&referral.area)
                .bind(&payload)
                .bind(now)
                .fetch_optional(pool)
                .await
            });
            match inserted {
                Ok(stored) => break stored,
                // The (rare) clash of a new reference with an old one: draw again. (The
                // idempotency key's clash is the ON CONFLICT above.)
                Err(sqlx::Error::Database(e)) if e.is_unique_violation() => continue,
                Err(e) => return Err(e.into()),
            }
        };
        let reference = match stored {
            Some(reference) => reference,
            // Sent before: the first request's reference.
            None => on_db!(&self.db, pool => {
                sqlx::query_scalar("SELECT reference FROM referrals WHERE idempotency_key = $1")
                    .bind(idempotency_key)
                    .fetch_one(pool)
                    .await
            })?,
        };
        Ok(Reference::parse(&reference).expect("stored references are valid"))
    }

    /// The reference already stored for an idempotency key, if any.
    pub async fn reference_for(
        &self,
        idempotency_key: &str,
    ) -> Result<Option<Reference>, StoreError> {
        let reference: Option<String> = on_db!(&self.db, pool => {
            sqlx::query_scalar("SELECT reference FROM referrals WHERE idempotency_key = $1")
                .bind(idempotency_key)
                .fetch_optional(pool)
                .await
        })?;
        Ok(reference.and_then(|r| Reference::parse(&r).ok()))
    }

    /// Leases the next request that is due, if any, for `lease_seconds`.
    pub async fn claim(&self, now: i64, lease_seconds: i64) -> Result<Option<Claimed>, StoreError> {
        let row: Option<ClaimedRow> = match &self.db {
            Db::Sqlite(pool) => {
                sqlx::query_as(claim_sql!(""))
                    .bind(now)
                    .bind(lease_seconds)
                    .fetch_optional(pool)
                    .await?
            }
            Db::Postgres(pool) => {
                sqlx::query_as(claim_sql!("FOR UPDATE SKIP LOCKED"))
                    .bind(now)
                    .bind(lease_seconds)
                    .fetch_optional(pool)
                    .await?
            }
        };
        let Some(row) = row else { return Ok(None) };
        Ok(Some(Claimed {
            id: row.id,
            reference: Reference::parse(&row.reference).expect("stored references are valid"),
            area: row.area,
            referral: serde_json::from_str(&row.payload)?,
            attempts: u32::try_from(row.attempts).unwrap_or(u32::MAX),
            service_sent: row.service_sent != 0,
        }))
    }

    /// The service has its email; the person's confirmation is still to send.
    pub async fn mark_service_sent(&self, id: i64) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            sqlx::query("UPDATE referrals SET service_sent = 1 WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await
                .map(drop)
        })?;
        Ok(())
    }

    /// Delivered: the personal data is deleted; reference, area, times and status stay.
    pub async fn mark_sent(&self, id: i64, now: i64) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE referrals SET status = 'sent', payload = NULL, sent_at = $2, lease_until = NULL,
                 last_error = NULL, service_sent = 1 WHERE id = $1",
            )
            .bind(id)
            .bind(now)
            .execute(pool)
            .await
            .map(drop)
        })?;
        Ok(())
    }

    /// Not delivered this time; try again at `next_attempt_at`. `error` holds no personal data.
    pub async fn mark_retry(
        &self,
        id: i64,
        next_attempt_at: i64,
        error: &str,
    ) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            sqlx::query("UPDATE referrals SET next_attempt_at = $2, lease_until = NULL, last_error = $3 WHERE id = $1")
                .bind(id)
                .bind(next_attempt_at)
                .bind(error)
                .execute(pool)
                .await
                .map(drop)
        })?;
        Ok(())
    }

    /// Refused for good (a permanent SMTP rejection). Kept for `outbox retry` until purged.
    pub async fn mark_failed(&self, id: i64, error: &str) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            sqlx::query("UPDATE referrals SET status = 'failed', lease_until = NULL, last_error = $2 WHERE id = $1")
                .bind(id)
                .bind(error)
                .execute(pool)
                .await
                .map(drop)
        })?;
        Ok(())
    }

    /// Deletes the personal data of requests still undelivered since before `cutoff`,
    /// returning their references.
    pub async fn purge(&self, cutoff: i64) -> Result<Vec<Reference>, StoreError> {
        let purged: Vec<String> = on_db!(&self.db, pool => {
            sqlx::query_scalar(
                "UPDATE referrals SET status = 'purged', payload = NULL, lease_until = NULL
                 WHERE status IN ('pending', 'failed') AND created_at < $1 RETURNING reference",
            )
            .bind(cutoff)
            .fetch_all(pool)
            .await
        })?;
        Ok(purged
            .iter()
            .filter_map(|r| Reference::parse(r).ok())
            .collect())
    }

    /// Puts a failed (or waiting) request back in the queue now. False if there is no
    /// such request or its data is gone.
    pub async fn retry(&self, reference: Reference, now: i64) -> Result<bool, StoreError> {
        let done = on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE referrals SET status = 'pending', next_attempt_at = $2, lease_until = NULL
                 WHERE reference = $1 AND status IN ('pending', 'failed') AND payload IS NOT NULL",
            )
            .bind(reference.to_string())
            .bind(now)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })?;
        Ok(done == 1)
    }

    pub async fn counts(&self) -> Result<Counts, StoreError> {
        let mut counts = Counts::default();
        let rows: Vec<(String, i64)> = on_db!(&self.db, pool => {
            sqlx::query_as("SELECT status, COUNT(*) FROM referrals GROUP BY status")
                .fetch_all(pool)
                .await
        })?;
        for (status, n) in rows {
            match status.as_str() {
                "pending" => counts.pending = n,
                "sent" => counts.sent = n,
                "failed" => counts.failed = n,
                _ => counts.purged = n,
            }
        }
        counts.oldest_pending = on_db!(&self.db, pool => {
            sqlx::query_scalar("SELECT MIN(created_at) FROM referrals WHERE status = 'pending'")
                .fetch_one(pool)
                .await
        })?;
        Ok(counts)
    }

    /// A request's reference, area, status and route (never its answers).
    pub async fn find(&self, reference: Reference) -> Result<Option<Stored>, StoreError> {
        let row: Option<(String, String, Option<String>, Option<String>)> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT area, status, route, audience FROM referrals WHERE reference = $1",
            )
            .bind(reference.to_string())
            .fetch_optional(pool)
            .await
        })?;
        Ok(row.map(|(area, status, route, audience)| Stored {
            reference,
            area,
            status,
            routed: Routed::from_columns(route.as_deref(), audience.as_deref()),
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
        on_db!(&self.db, pool => {
            sqlx::query("UPDATE referrals SET route = $2, audience = $3 WHERE reference = $1")
                .bind(reference.to_string())
                .bind(route)
                .bind(audience)
                .execute(pool)
                .await
                .map(drop)
        })?;
        Ok(())
    }

    /// A waiting request's answers, if they are still held (`None` once delivered or
    /// purged, or for an unknown reference).
    pub async fn referral(&self, reference: Reference) -> Result<Option<Referral>, StoreError> {
        let payload: Option<Option<String>> = on_db!(&self.db, pool => {
            sqlx::query_scalar("SELECT payload FROM referrals WHERE reference = $1")
                .bind(reference.to_string())
                .fetch_optional(pool)
                .await
        })?;
        match payload.flatten() {
            Some(payload) => Ok(Some(serde_json::from_str(&payload)?)),
            None => Ok(None),
        }
    }

    /// The personal data still held, for the tests that check it is deleted.
    pub async fn payloads_held(&self) -> Result<i64, StoreError> {
        Ok(on_db!(&self.db, pool => {
            sqlx::query_scalar("SELECT COUNT(*) FROM referrals WHERE payload IS NOT NULL")
                .fetch_one(pool)
                .await
        })?)
    }
}

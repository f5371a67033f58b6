//! The durable outbox: every request is written here in one transaction before the
//! person sees the confirmation, and stays until a person at the service confirms they
//! have it (or the operator resolves it, or the retention period ends). Workers take a
//! time-limited lease on one request at a time, so two workers (of one instance or
//! several) never send the same request at once and a crashed worker's request is
//! taken up again. The alerts that chase unconfirmed requests (`alerts`), the per-client
//! limits (`limits`) and the operator's and commissioners' numbers (`numbers`) live in
//! the same database.
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
            $crate::store::backend::Db::Sqlite($pool) => $body,
            $crate::store::backend::Db::Postgres($pool) => $body,
        }
    };
}

mod alerts;
mod answers;
mod api_keys;
mod audit;
mod backend;
mod backup;
mod feedback;
mod handoffs;
mod limits;
mod numbers;
mod queue;
pub mod sealed;
mod staff;
mod submit;
mod webhooks;

use crate::areas::directory::Routed;
use crate::calendar::{WorkingDays, uk_date};
use crate::referral::form::Referral;
use crate::referral::reference::Reference;
pub use alerts::{AlertFacts, AlertRow, ClaimedAlert};
pub use answers::SealedCounts;
use backend::Db;
pub use backend::{Backend, DatabaseUrl, DatabaseUrlError, MigrationStatus, SweepLock};
pub use backup::BackupError;
pub use feedback::FeedbackCount;
pub use limits::Hit;
pub use numbers::{AlertCount, AreaCounts, Numbers, ReportEntry, month_of};
pub use queue::{AlertStatus, Lease, Queue, RequestStatus};
pub use sealed::{DataKeyError, DataKeys, KeyId, OpenError};
pub use staff::{InboxFilter, InboxRow, Invitation, MemberRow};
pub use submit::{NewRequest, Submitted};
pub use webhooks::{ClaimedWebhook, WebhookRow};

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
    #[error("a stored status is not one this binary knows: `{0}`")]
    UnknownStatus(String),
    #[error("no unused reference after {0} draws: the random source is broken")]
    NoFreeReference(u32),
    #[error(
        "{rows} stored requests are sealed under data key id {key_id}, which is neither \
         RJ_DATA_KEY (id {current}) nor in RJ_DATA_KEY_PREVIOUS. Set RJ_DATA_KEY to the key \
         with id {key_id}, or add that key to RJ_DATA_KEY_PREVIOUS; nothing was changed"
    )]
    UnknownDataKey {
        key_id: String,
        rows: i64,
        current: KeyId,
    },
    #[error(
        "the stored answers of request {reference} cannot be opened: {why}. Check \
         RJ_DATA_KEY and RJ_DATA_KEY_PREVIOUS; nothing was changed"
    )]
    Sealed { reference: String, why: OpenError },
    #[error(transparent)]
    DataKey(#[from] DataKeyError),
}

/// New references drawn for one request before giving up. With 34 billion references
/// a real random source clashes about never; a broken one (always the same value) must
/// not spin for ever.
const REFERENCE_DRAWS: u32 = 16;

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
    /// The person has had their confirmation already (the request was passed on by
    /// triage to another service, and is being announced to it): not sent again.
    pub person_told: bool,
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
    pub status: RequestStatus,
    /// Who the person was told will contact them (`None` for older requests).
    pub routed: Option<Routed>,
    /// When the person sent it (unix seconds).
    pub created_at: i64,
    /// When the service's email was delivered.
    pub sent_at: Option<i64>,
    /// When the service confirmed it has it.
    pub acknowledged_at: Option<i64>,
    /// When the operator resolved it.
    pub resolved_at: Option<i64>,
}

/// What `resolve` did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Resolved {
    Now,
    /// It was resolved already, at this time.
    Already(i64),
    Unknown,
}

/// What `acknowledge` found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Acknowledged {
    /// When the service first confirmed the request.
    pub at: i64,
    /// This call recorded it (`false`: it was recorded before, and nothing changed).
    pub first: bool,
}

/// A delivery to record: when, and when to chase it if nobody confirms it.
#[derive(Clone, Copy, Debug)]
pub struct Delivered {
    pub at: i64,
    pub remind_at: i64,
    pub escalate_at: i64,
}

#[derive(Clone)]
pub struct Store {
    db: Db,
    /// Seal and open the answers (`sealed`).
    keys: DataKeys,
}

#[derive(sqlx::FromRow)]
struct ClaimedRow {
    reference: String,
    area: String,
    payload: Option<String>,
    payload_key: Option<String>,
    service_sent: i64,
    person_told: i64,
}

#[derive(sqlx::FromRow)]
struct StoredRow {
    area: String,
    status: String,
    route: Option<String>,
    audience: Option<String>,
    created_at: i64,
    sent_at: Option<i64>,
    acknowledged_at: Option<i64>,
    resolved_at: Option<i64>,
}

impl Store {
    /// Opens the database at `url` and brings its tables up to date: what the site does
    /// at start. SQLite (`sqlite://var/rj.db`) is created with its folder if missing.
    /// The answers are sealed and opened with `keys`; a database holding answers no key
    /// opens is refused (see [`Store::migrate`]).
    pub async fn open(url: &DatabaseUrl, keys: DataKeys) -> Result<Store, StoreError> {
        let store = Store::connect(url, keys).await?;
        store.migrate().await?;
        Ok(store)
    }

    /// Connects without changing anything (for `rj check-config`).
    pub async fn connect(url: &DatabaseUrl, keys: DataKeys) -> Result<Store, StoreError> {
        Ok(Store {
            db: Db::connect(url).await?,
            keys,
        })
    }

    pub fn backend(&self) -> Backend {
        self.db.backend()
    }

    /// Applies this binary's migrations that the database lacks (`rj migrate`), then
    /// checks every stored answer has a key here and seals those an older binary left
    /// in plain (see `answers`).
    pub async fn migrate(&self) -> Result<(), StoreError> {
        self.db.migrate().await?;
        self.prepare_sealed().await
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

    /// Stores a request once per idempotency key, with no limit and no route (see
    /// [`Store::submit`]); a repeat returns the first reference.
    pub async fn insert(
        &self,
        idempotency_key: &str,
        referral: &Referral,
        now: i64,
        random: impl FnMut() -> u64,
    ) -> Result<Reference, StoreError> {
        let request = NewRequest {
            idempotency_key,
            referral,
            routed: None,
            hit: None,
            webhook: None,
            now,
        };
        match self.submit(request, random).await? {
            Submitted::New(reference) | Submitted::Repeat(reference) => Ok(reference),
            Submitted::Limited { .. } => unreachable!("no limit was given, so none refuses"),
        }
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

    /// Leases the next request that is due, if any, for `lease_seconds`. A request the
    /// operator resolved, or whose answers are gone, is never sent.
    pub async fn claim(&self, now: i64, lease_seconds: i64) -> Result<Option<Claimed>, StoreError> {
        let Some(lease) = self.lease(Queue::Requests, now, lease_seconds).await? else {
            return Ok(None);
        };
        let row: ClaimedRow = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT reference, area, payload, payload_key, service_sent, person_told
                 FROM referrals WHERE id = $1",
            )
            .bind(lease.id)
            .fetch_one(pool)
            .await
        })?;
        // Purged between the lease and this read: nothing to send; the purge gave the
        // row a status no claim takes.
        let Some(payload) = row.payload else {
            return Ok(None);
        };
        let referral = self.open_answers(&row.reference, &payload, row.payload_key.as_deref())?;
        Ok(Some(Claimed {
            id: lease.id,
            reference: Reference::parse(&row.reference).expect("stored references are valid"),
            area: row.area,
            referral,
            attempts: lease.attempts,
            service_sent: row.service_sent != 0,
            person_told: row.person_told != 0,
        }))
    }

    /// The service's email carried the answers (delivery by email): the site's copy
    /// then goes a grace period after the service confirms (`forget_confirmed`).
    pub async fn mark_answers_emailed(&self, id: i64) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            sqlx::query("UPDATE referrals SET answers_emailed = 1 WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await
                .map(drop)
        })?;
        Ok(())
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

    /// Delivered: the service has its email, and the person their confirmation. The
    /// answers stay until the service confirms it has them (a reminder repeats them);
    /// the reminder's and escalation's times are kept for the sweep.
    pub async fn mark_sent(&self, id: i64, d: &Delivered) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            async {
                let mut tx = pool.begin().await?;
                // `referrals` first, then `report_entries`, as `acknowledge` does: two
                // transactions taking the same rows in opposite orders can deadlock on
                // PostgreSQL.
                sqlx::query(
                    "UPDATE referrals SET status = 'sent', sent_at = $2, lease_until = NULL,
                     last_error = NULL, service_sent = 1, person_told = 1, remind_at = $3,
                     escalate_at = $4
                     WHERE id = $1",
                )
                .bind(id)
                .bind(d.at)
                .bind(d.remind_at)
                .bind(d.escalate_at)
                .execute(&mut *tx)
                .await?;
                sqlx::query("UPDATE report_entries SET failed = 0 WHERE referral_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                tx.commit().await
            }
            .await
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
        self.due_again(Queue::Requests, id, next_attempt_at, error)
            .await
    }

    /// Refused for good (a permanent SMTP rejection). Kept for `outbox retry` until
    /// purged; the operator's alert is stored in the same transaction, once per request
    /// however often it fails (the alerts' unique key).
    pub async fn mark_failed(&self, id: i64, error: &str, now: i64) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            async {
                let mut tx = pool.begin().await?;
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
                tx.commit().await
            }
            .await
        })?;
        Ok(())
    }

    /// Deletes the personal data of requests stored before `cutoff` that the service
    /// has not confirmed and the operator has not resolved (undelivered, or delivered
    /// and never confirmed), returning their references.
    pub async fn purge(&self, cutoff: i64) -> Result<Vec<Reference>, StoreError> {
        let purged: Vec<String> = on_db!(&self.db, pool => {
            async {
                let mut tx = pool.begin().await?;
                let purged: Vec<String> = sqlx::query_scalar(
                    "UPDATE referrals SET status = 'purged', payload = NULL, lease_until = NULL
                     WHERE status IN ('pending', 'sent', 'failed') AND acknowledged_at IS NULL
                       AND resolved_at IS NULL AND created_at < $1
                     RETURNING reference",
                )
                .bind(cutoff)
                .fetch_all(&mut *tx)
                .await?;
                // Purged unconfirmed, for the commissioners (a row kept from before the
                // measures were counted is marked at the next purge too).
                sqlx::query(
                    "UPDATE report_entries SET purged_unconfirmed = 1
                     WHERE purged_unconfirmed = 0 AND referral_id IN
                       (SELECT id FROM referrals WHERE status = 'purged' AND acknowledged_at IS NULL)",
                )
                .execute(&mut *tx)
                .await?;
                // Purged before it reached the service: failed, for the commissioners.
                sqlx::query(
                    "UPDATE report_entries SET failed = 1 WHERE failed = 0 AND referral_id IN
                       (SELECT id FROM referrals WHERE status = 'purged' AND sent_at IS NULL)",
                )
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok::<_, sqlx::Error>(purged)
            }
            .await
        })?;
        Ok(purged
            .iter()
            .filter_map(|r| Reference::parse(r).ok())
            .collect())
    }

    /// Deletes the answers of requests whose service had them by email and confirmed
    /// before `cutoff` (the grace period after a confirmation), returning how many.
    /// (Answers read in the staff inbox wait for the request to close: `forget_closed`.)
    /// A request whose
    /// person's confirmation was still waiting is counted as sent: the service has it.
    pub async fn forget_confirmed(&self, cutoff: i64) -> Result<u64, StoreError> {
        Ok(on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE referrals SET payload = NULL, lease_until = NULL,
                        status = CASE WHEN status = 'pending' THEN 'sent' ELSE status END
                 WHERE payload IS NOT NULL AND answers_emailed = 1 AND acknowledged_at IS NOT NULL
                   AND acknowledged_at < $1",
            )
            .bind(cutoff)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })?)
    }

    /// Deletes the answers of requests closed, or passed on outside the site, before
    /// `cutoff` (the grace period after staff finish with a request), returning how
    /// many. A request passed to a service on the site is open again there: kept.
    pub async fn forget_closed(&self, cutoff: i64) -> Result<u64, StoreError> {
        Ok(on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE referrals SET payload = NULL, payload_key = NULL, lease_until = NULL,
                        status = CASE WHEN status = 'pending' THEN 'sent' ELSE status END
                 WHERE payload IS NOT NULL
                   AND (closed_at < $1 OR (route = 'triage' AND passed_on_at < $1))",
            )
            .bind(cutoff)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })?)
    }

    /// Deletes the answers of every request stored before `cutoff` (the retention
    /// period), open or not, returning how many: answers are never kept longer. (The
    /// unconfirmed ones are `purge`d first, which also tells the commissioners' record.)
    pub async fn forget_expired(&self, cutoff: i64) -> Result<u64, StoreError> {
        Ok(on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE referrals SET payload = NULL, payload_key = NULL, lease_until = NULL,
                        status = CASE WHEN status = 'pending' THEN 'purged' ELSE status END
                 WHERE payload IS NOT NULL AND created_at < $1",
            )
            .bind(cutoff)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })?)
    }

    /// The operator has dealt with a request: it is no longer sent or chased, and its
    /// answers are deleted now. `note` says what was done (no personal details).
    pub async fn resolve(
        &self,
        reference: Reference,
        note: &str,
        now: i64,
    ) -> Result<Resolved, StoreError> {
        let done = on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE referrals SET resolved_at = $2, resolution_note = $3, payload = NULL,
                        lease_until = NULL
                 WHERE reference = $1 AND resolved_at IS NULL",
            )
            .bind(reference.to_string())
            .bind(now)
            .bind(note)
            .execute(pool)
            .await
            .map(|done| done.rows_affected())
        })?;
        if done == 1 {
            return Ok(Resolved::Now);
        }
        let at: Option<Option<i64>> = on_db!(&self.db, pool => {
            sqlx::query_scalar("SELECT resolved_at FROM referrals WHERE reference = $1")
                .bind(reference.to_string())
                .fetch_optional(pool)
                .await
        })?;
        Ok(match at {
            Some(Some(at)) => Resolved::Already(at),
            _ => Resolved::Unknown,
        })
    }

    /// Puts a failed (or waiting) request back in the queue now. False if there is no
    /// such request, its data is gone, or the operator resolved it.
    pub async fn retry(&self, reference: Reference, now: i64) -> Result<bool, StoreError> {
        let done = on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE referrals SET status = 'pending', next_attempt_at = $2, lease_until = NULL
                 WHERE reference = $1 AND status IN ('pending', 'failed') AND payload IS NOT NULL
                   AND resolved_at IS NULL",
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
            match RequestStatus::parse(&status)? {
                RequestStatus::Pending => counts.pending = n,
                RequestStatus::Sent => counts.sent = n,
                RequestStatus::Failed => counts.failed = n,
                RequestStatus::Purged => counts.purged = n,
            }
        }
        counts.oldest_pending = on_db!(&self.db, pool => {
            sqlx::query_scalar("SELECT MIN(created_at) FROM referrals WHERE status = 'pending'")
                .fetch_one(pool)
                .await
        })?;
        Ok(counts)
    }

    /// A request's reference, area, status, route and dates (never its answers).
    pub async fn find(&self, reference: Reference) -> Result<Option<Stored>, StoreError> {
        let row: Option<StoredRow> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT area, status, route, audience, created_at, sent_at, acknowledged_at,
                        resolved_at
                 FROM referrals WHERE reference = $1",
            )
            .bind(reference.to_string())
            .fetch_optional(pool)
            .await
        })?;
        let Some(r) = row else { return Ok(None) };
        Ok(Some(Stored {
            reference,
            area: r.area,
            status: RequestStatus::parse(&r.status)?,
            routed: Routed::from_columns(r.route.as_deref(), r.audience.as_deref()),
            created_at: r.created_at,
            sent_at: r.sent_at,
            acknowledged_at: r.acknowledged_at,
            resolved_at: r.resolved_at,
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

    /// Records that the service has the request, once: a second call, from any
    /// instance and at any time, keeps the first time (the row's update is conditional,
    /// so two at once cannot both count). Returns when it was acknowledged and whether
    /// this call did it, or `None` for an unknown reference. The commissioners' record
    /// notes the working days it took (`calendar`), in the same transaction.
    pub async fn acknowledge(
        &self,
        reference: Reference,
        now: i64,
        calendar: &WorkingDays,
    ) -> Result<Option<Acknowledged>, StoreError> {
        let first = on_db!(&self.db, pool => {
            async {
                let mut tx = pool.begin().await?;
                let first: Option<(i64, i64)> = sqlx::query_as(
                    "UPDATE referrals SET acknowledged_at = $2
                     WHERE reference = $1 AND acknowledged_at IS NULL
                     RETURNING id, created_at",
                )
                .bind(reference.to_string())
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some((id, created_at)) = first {
                    let days = calendar.between(uk_date(created_at), uk_date(now));
                    sqlx::query(
                        "UPDATE report_entries SET acknowledged_days = $2 WHERE referral_id = $1",
                    )
                    .bind(id)
                    .bind(i64::from(days))
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok::<_, sqlx::Error>(first.is_some())
            }
            .await
        })?;
        if first {
            return Ok(Some(Acknowledged { at: now, first }));
        }
        let at: Option<Option<i64>> = on_db!(&self.db, pool => {
            sqlx::query_scalar("SELECT acknowledged_at FROM referrals WHERE reference = $1")
                .bind(reference.to_string())
                .fetch_optional(pool)
                .await
        })?;
        Ok(at.flatten().map(|at| Acknowledged { at, first }))
    }

    /// A request's answers, if they are still held (`None` once confirmed and past the
    /// grace period, resolved or purged, or for an unknown reference).
    pub async fn referral(&self, reference: Reference) -> Result<Option<Referral>, StoreError> {
        let reference = reference.to_string();
        let row: Option<(Option<String>, Option<String>)> = on_db!(&self.db, pool => {
            sqlx::query_as("SELECT payload, payload_key FROM referrals WHERE reference = $1")
                .bind(&reference)
                .fetch_optional(pool)
                .await
        })?;
        match row {
            Some((Some(payload), key)) => Ok(Some(self.open_answers(
                &reference,
                &payload,
                key.as_deref(),
            )?)),
            _ => Ok(None),
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

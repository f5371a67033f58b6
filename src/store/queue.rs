//! The one leased queue under everything that leaves the site: requests to deliver
//! (`referrals`), alerts to send (`alerts`) and signed webhooks (`webhooks`). A row waits as `pending` until its
//! `next_attempt_at`; a worker then leases it (`lease_until`) so no other takes it, and
//! either finishes it (a new status) or makes it due again later with the reason (a reply
//! code, never personal data). A crashed worker's lease runs out, and the row is taken up
//! again by whichever worker, on whichever instance, asks next.

use super::backend::Db;
use super::{Store, StoreError};

/// Which queue.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Queue {
    /// Requests to deliver to a service (`referrals`).
    Requests,
    /// Reminders, escalations and the operator's alerts (`alerts`).
    Alerts,
    /// Signed webhooks to the services that asked for them (`webhooks`).
    Webhooks,
}

impl Queue {
    fn table(self) -> &'static str {
        match self {
            Queue::Requests => "referrals",
            Queue::Alerts => "alerts",
            Queue::Webhooks => "webhooks",
        }
    }

    /// What else a due row must be to be leased: a request the operator resolved, or
    /// whose answers are gone, is never sent.
    fn also(self) -> &'static str {
        match self {
            Queue::Requests => " AND resolved_at IS NULL AND payload IS NOT NULL",
            Queue::Alerts | Queue::Webhooks => "",
        }
    }
}

/// A row a worker holds: its id, and how many times it has been tried (this time
/// included).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Lease {
    pub id: i64,
    pub attempts: u32,
}

/// Where a request stands (`referrals.status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RequestStatus {
    /// Waiting to be delivered (or for the person's confirmation to be).
    Pending,
    /// Delivered to the service.
    Sent,
    /// Refused for good by the service's mail server; kept for `rj outbox retry`.
    Failed,
    /// Its answers deleted after the retention period, nobody having confirmed it.
    Purged,
}

/// Where an alert stands (`alerts.status`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AlertStatus {
    Pending,
    Sent,
    /// Refused for good.
    Failed,
    /// No longer needed (the service confirmed the request, or the operator resolved it).
    Cancelled,
}

/// Statuses are stored as their names; these are the only place the names are written.
macro_rules! stored_as_text {
    ($type:ty { $($variant:ident => $text:literal),* $(,)? }) => {
        impl $type {
            pub const ALL: &[$type] = &[$(<$type>::$variant),*];

            pub fn as_str(self) -> &'static str {
                match self { $(<$type>::$variant => $text),* }
            }

            pub fn parse(text: &str) -> Result<Self, StoreError> {
                match text {
                    $($text => Ok(<$type>::$variant),)*
                    other => Err(StoreError::UnknownStatus(other.to_string())),
                }
            }
        }

        impl std::fmt::Display for $type {
            fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

stored_as_text!(RequestStatus {
    Pending => "pending",
    Sent => "sent",
    Failed => "failed",
    Purged => "purged",
});

stored_as_text!(AlertStatus {
    Pending => "pending",
    Sent => "sent",
    Failed => "failed",
    Cancelled => "cancelled",
});

impl Store {
    /// Leases the next due row of `queue`, if any, for `lease_seconds`. On PostgreSQL
    /// the row is locked with SKIP LOCKED, so workers of several instances never take
    /// the same one; SQLite has one writer at a time.
    pub(super) async fn lease(
        &self,
        queue: Queue,
        now: i64,
        lease_seconds: i64,
    ) -> Result<Option<Lease>, StoreError> {
        let (table, also) = (queue.table(), queue.also());
        let lock = match &self.db {
            Db::Sqlite(_) => "",
            Db::Postgres(_) => " FOR UPDATE SKIP LOCKED",
        };
        let sql = format!(
            "UPDATE {table} SET lease_until = $1 + $2, attempts = attempts + 1
             WHERE id = (SELECT id FROM {table}
                         WHERE status = 'pending' AND next_attempt_at <= $1
                           AND (lease_until IS NULL OR lease_until <= $1){also}
                         ORDER BY next_attempt_at, id LIMIT 1{lock})
             RETURNING id, attempts"
        );
        let row: Option<(i64, i64)> = on_db!(&self.db, pool => {
            sqlx::query_as(&sql)
                .bind(now)
                .bind(lease_seconds)
                .fetch_optional(pool)
                .await
        })?;
        Ok(row.map(|(id, attempts)| Lease {
            id,
            attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
        }))
    }

    /// Not done this time: the row is due again at `next_attempt_at`, and its lease is
    /// given up. `error` holds no personal data.
    pub async fn due_again(
        &self,
        queue: Queue,
        id: i64,
        next_attempt_at: i64,
        error: &str,
    ) -> Result<(), StoreError> {
        let sql = format!(
            "UPDATE {} SET next_attempt_at = $2, lease_until = NULL, last_error = $3 WHERE id = $1",
            queue.table()
        );
        on_db!(&self.db, pool => {
            sqlx::query(&sql)
                .bind(id)
                .bind(next_attempt_at)
                .bind(error)
                .execute(pool)
                .await
                .map(drop)
        })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_status_reads_back_as_itself_and_nothing_else_reads() {
        for status in RequestStatus::ALL {
            assert_eq!(RequestStatus::parse(status.as_str()).ok(), Some(*status));
        }
        for status in AlertStatus::ALL {
            assert_eq!(AlertStatus::parse(status.as_str()).ok(), Some(*status));
        }
        assert!(RequestStatus::parse("cancelled").is_err());
        assert!(AlertStatus::parse("purged").is_err());
        assert!(RequestStatus::parse("Sent").is_err());
    }
}

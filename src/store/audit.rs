//! The audit log (`audit_log`, migration 0010): appended to by every staff action and
//! never changed (the database's triggers refuse updates and deletes).

use super::{Store, StoreError};
use crate::staff::audit::{Entry, Row};

impl Store {
    /// Appends one entry at `now`.
    pub async fn audit(&self, entry: &Entry, now: i64) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            sqlx::query(
                "INSERT INTO audit_log (at, actor, action, reference, detail, network)
                 VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(now)
            .bind(entry.actor.as_deref())
            .bind(entry.event.as_str())
            .bind(entry.reference.as_deref())
            .bind(entry.detail.as_deref())
            .bind(entry.network.as_deref())
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }

    /// The entries from `from` (inclusive) to `to` (exclusive), oldest first, at most
    /// `limit`.
    pub async fn audit_rows(&self, from: i64, to: i64, limit: i64) -> Result<Vec<Row>, StoreError> {
        Ok(on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT id, at, actor, action, reference, detail, network FROM audit_log
                 WHERE at >= $1 AND at < $2 ORDER BY id LIMIT $3",
            )
            .bind(from)
            .bind(to)
            .bind(limit)
            .fetch_all(pool)
            .await
        })?)
    }

    /// The newest `limit` entries, newest first (the admin's page).
    pub async fn audit_latest(&self, limit: i64) -> Result<Vec<Row>, StoreError> {
        Ok(on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT id, at, actor, action, reference, detail, network FROM audit_log
                 ORDER BY id DESC LIMIT $1",
            )
            .bind(limit)
            .fetch_all(pool)
            .await
        })?)
    }
}

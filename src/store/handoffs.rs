//! The `handoffs` table: short-lived, sealed rows that carry what one page hands to the
//! next after a post (see `referral::handoff`). The store only keeps opaque text under a
//! random id until it expires; sealing and opening happen outside.

use super::{Store, StoreError};

impl Store {
    /// Keeps `sealed` under `id` until `expires_at` (unix seconds).
    pub async fn put_handoff(
        &self,
        id: &str,
        sealed: &str,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            sqlx::query("INSERT INTO handoffs (id, sealed, expires_at) VALUES ($1, $2, $3)")
                .bind(id)
                .bind(sealed)
                .bind(expires_at)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// The sealed text under `id`, unless it has expired by `now` or is gone.
    pub async fn handoff(&self, id: &str, now: i64) -> Result<Option<String>, StoreError> {
        Ok(on_db!(&self.db, pool => {
            sqlx::query_scalar::<_, String>(
                "SELECT sealed FROM handoffs WHERE id = $1 AND expires_at > $2",
            )
            .bind(id)
            .bind(now)
            .fetch_optional(pool)
            .await
        })?)
    }

    /// Deletes the row under `id`, if any (sending, changing an answer, Exit).
    pub async fn drop_handoff(&self, id: &str) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            sqlx::query("DELETE FROM handoffs WHERE id = $1")
                .bind(id)
                .execute(pool)
                .await
                .map(|_| ())
        })?;
        Ok(())
    }

    /// Deletes every row that has expired by `now` (part of the periodic sweep).
    pub async fn purge_handoffs(&self, now: i64) -> Result<u64, StoreError> {
        Ok(on_db!(&self.db, pool => {
            sqlx::query("DELETE FROM handoffs WHERE expires_at <= $1")
                .bind(now)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?)
    }
}

//! Per-client limits kept in the database (`client_limits`), so that every instance
//! sharing it counts the same events. A named limit (`send`, `status`) allows at
//! most `max` events per client in any window of `window` seconds, the window sliding
//! with the clock. One row per limit and client, read and written under that row's lock
//! (PostgreSQL) or the one write lock (SQLite), so two instances counting the same
//! client at once cannot both take the last place.

use super::{Store, StoreError};
use crate::store::backend::Db;

/// One event to count for one client under a named limit.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Hit {
    pub limit: &'static str,
    /// An opaque key for the client (a keyed hash), never an address.
    pub client: String,
    pub max: u32,
    pub window: i64,
}

/// Counts `$hit` at `$now` inside the transaction `$tx` (whose caller commits or rolls
/// back): `Ok(Ok(()))` counted, `Ok(Err(seconds))` full until a place frees. The same
/// statements on both backends.
macro_rules! count_in {
    ($tx:ident, $hit:expr, $now:expr) => {
        async {
            let hit: &$crate::store::Hit = $hit;
            let hits: String = sqlx::query_scalar(
                "INSERT INTO client_limits (name, client, hits, expires_at) VALUES ($1, $2, '', $3)
                 ON CONFLICT (name, client) DO UPDATE SET hits = client_limits.hits
                 RETURNING hits",
            )
            .bind(hit.limit)
            .bind(&hit.client)
            .bind($now)
            .fetch_one(&mut *$tx)
            .await?;
            match $crate::store::limits::next_hits(&hits, $now, hit.window, hit.max) {
                Ok(hits) => {
                    sqlx::query(
                        "UPDATE client_limits SET hits = $3, expires_at = $4
                         WHERE name = $1 AND client = $2",
                    )
                    .bind(hit.limit)
                    .bind(&hit.client)
                    .bind(hits)
                    .bind($now + hit.window)
                    .execute(&mut *$tx)
                    .await?;
                    Ok::<_, sqlx::Error>(Ok(()))
                }
                Err(wait) => Ok(Err(wait)),
            }
        }
        .await
    };
}
pub(super) use count_in;

impl Store {
    /// Counts one event for `client` (an opaque key, never an address) under the limit
    /// `name`, or says no, counting nothing, when `max` events already fall within the
    /// last `window` seconds: `Err(seconds)` until a place frees.
    pub async fn count_hit(
        &self,
        name: &'static str,
        client: &str,
        max: u32,
        window: i64,
        now: i64,
    ) -> Result<Result<(), i64>, StoreError> {
        self.count(
            &Hit {
                limit: name,
                client: client.to_string(),
                max,
                window,
            },
            now,
        )
        .await
    }

    /// Counts `hit`, as [`Store::count_hit`].
    /// Whether `hit`'s window is full at `now`, counting nothing (a limit on failures:
    /// the attempt is checked first, and counted only if it fails).
    pub async fn is_full(&self, hit: &Hit, now: i64) -> Result<bool, StoreError> {
        let hits: Option<String> = on_db!(&self.db, pool => {
            sqlx::query_scalar("SELECT hits FROM client_limits WHERE name = $1 AND client = $2")
                .bind(hit.limit)
                .bind(&hit.client)
                .fetch_optional(pool)
                .await
        })?;
        Ok(hits.is_some_and(|h| next_hits(&h, now, hit.window, hit.max).is_err()))
    }

    pub async fn count(&self, hit: &Hit, now: i64) -> Result<Result<(), i64>, StoreError> {
        Ok(match &self.db {
            // IMMEDIATE: the write lock first, so the read cannot go stale.
            Db::Sqlite(pool) => {
                let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                let counted = count_in!(tx, hit, now)?;
                tx.commit().await?;
                counted
            }
            Db::Postgres(pool) => {
                let mut tx = pool.begin().await?;
                // A count lost in a database crash only lets someone through: not worth
                // waiting for the disk on every Send.
                sqlx::query("SET LOCAL synchronous_commit = off")
                    .execute(&mut *tx)
                    .await?;
                let counted = count_in!(tx, hit, now)?;
                tx.commit().await?;
                counted
            }
        })
    }

    /// Deletes the rows whose every event has left its window (part of the sweep).
    pub async fn purge_limits(&self, now: i64) -> Result<u64, StoreError> {
        Ok(on_db!(&self.db, pool => {
            sqlx::query("DELETE FROM client_limits WHERE expires_at <= $1")
                .bind(now)
                .execute(pool)
                .await
                .map(|done| done.rows_affected())
        })?)
    }
}

/// The events of `hits` (unix times, space-separated) still inside the window at `now`,
/// plus `now`; when `max` of them are already there, `Err` with the seconds until the
/// oldest leaves. An event exactly `window` seconds old still counts.
pub(super) fn next_hits(hits: &str, now: i64, window: i64, max: u32) -> Result<String, i64> {
    let mut kept: Vec<i64> = hits
        .split_ascii_whitespace()
        .filter_map(|t| t.parse().ok())
        .filter(|t| now - t <= window)
        .collect();
    if kept.len() >= max as usize {
        let oldest = kept.iter().min().copied().unwrap_or(now);
        return Err((oldest + window + 1 - now).max(1));
    }
    kept.push(now);
    Ok(kept
        .iter()
        .map(i64::to_string)
        .collect::<Vec<_>>()
        .join(" "))
}

#[cfg(test)]
mod tests {
    use super::next_hits;

    #[test]
    fn the_window_slides() {
        assert_eq!(next_hits("", 100, 3600, 2).as_deref(), Ok("100"));
        assert_eq!(next_hits("100", 200, 3600, 2).as_deref(), Ok("100 200"));
        // Full: the wait is until the oldest event leaves the window.
        assert_eq!(next_hits("100 200", 300, 3600, 2), Err(3401));
        // 100 is exactly an hour old: it still counts; a second later it has gone.
        assert_eq!(next_hits("100 200", 3700, 3600, 2), Err(1));
        assert_eq!(
            next_hits("100 200", 3701, 3600, 2).as_deref(),
            Ok("200 3701")
        );
        assert_eq!(next_hits("junk 5", 10, 3600, 5).as_deref(), Ok("5 10"));
    }
}

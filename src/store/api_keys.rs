//! API keys (migration 0011): made, listed and revoked by `rj api-key`, found by the
//! hash of the key a caller presents. Which requests a key covers is decided in
//! `crate::staff::api_key`; the requests themselves are read with the inbox's queries.

use super::{Store, StoreError};
use crate::referral::reference::Reference;
use crate::staff::api_key::{KeyRecord, KeyScope, audience_word, parse_audience};

type KeyRow = (i64, String, String, String, i64, Option<i64>, Option<i64>);

fn record((id, area, audience, name, created_at, last_used_at, revoked_at): KeyRow) -> KeyRecord {
    KeyRecord {
        id,
        scope: KeyScope::new(
            &area,
            parse_audience(&audience).unwrap_or(crate::areas::directory::Audience::All),
        ),
        name,
        created_at,
        last_used_at,
        revoked_at,
    }
}

const KEY_COLUMNS: &str = "id, area, audience, name, created_at, last_used_at, revoked_at";

impl Store {
    /// Keeps a new key's hash with its scope and name; returns its id.
    pub async fn create_api_key(
        &self,
        key_hash: &str,
        scope: &KeyScope,
        name: &str,
        now: i64,
    ) -> Result<i64, StoreError> {
        Ok(on_db!(&self.db, pool => {
            sqlx::query_scalar(
                "INSERT INTO api_keys (key_hash, area, audience, name, created_at)
                 VALUES ($1, $2, $3, $4, $5) RETURNING id",
            )
            .bind(key_hash)
            .bind(scope.area())
            .bind(audience_word(scope.audience()))
            .bind(name)
            .bind(now)
            .fetch_one(pool)
            .await
        })?)
    }

    /// The key whose hash is `key_hash`, revoked or not (the caller refuses a revoked
    /// one with the same 401 as an unknown one).
    pub async fn api_key(&self, key_hash: &str) -> Result<Option<KeyRecord>, StoreError> {
        let sql = format!("SELECT {KEY_COLUMNS} FROM api_keys WHERE key_hash = $1");
        let row: Option<KeyRow> = on_db!(&self.db, pool => {
            sqlx::query_as(&sql).bind(key_hash).fetch_optional(pool).await
        })?;
        Ok(row.map(record))
    }

    /// Every key, newest first: never the key, only what it is for.
    pub async fn api_keys(&self) -> Result<Vec<KeyRecord>, StoreError> {
        let sql = format!("SELECT {KEY_COLUMNS} FROM api_keys ORDER BY id DESC");
        let rows: Vec<KeyRow> = on_db!(&self.db, pool => {
            sqlx::query_as(&sql).fetch_all(pool).await
        })?;
        Ok(rows.into_iter().map(record).collect())
    }

    /// Revokes key `id` (once): `None` if there is no such key, else the key as it was
    /// before, so the caller can say whether it was revoked already.
    pub async fn revoke_api_key(&self, id: i64, now: i64) -> Result<Option<KeyRecord>, StoreError> {
        let sql = format!("SELECT {KEY_COLUMNS} FROM api_keys WHERE id = $1");
        let row: Option<KeyRow> = on_db!(&self.db, pool => {
            async {
                let row: Option<KeyRow> = sqlx::query_as(&sql).bind(id).fetch_optional(pool).await?;
                sqlx::query("UPDATE api_keys SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL")
                    .bind(id)
                    .bind(now)
                    .execute(pool)
                    .await?;
                Ok::<_, sqlx::Error>(row)
            }
            .await
        })?;
        Ok(row.map(record))
    }

    /// Notes when a key was last used: a write a minute at most.
    pub async fn touch_api_key(&self, id: i64, now: i64) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE api_keys SET last_used_at = $2
                 WHERE id = $1 AND (last_used_at IS NULL OR last_used_at <= $2 - 60)",
            )
            .bind(id)
            .bind(now)
            .execute(pool)
            .await
            .map(drop)
        })?;
        Ok(())
    }

    /// Where a list continues after `reference`: its row's id (`None` if unknown).
    pub async fn request_position(&self, reference: Reference) -> Result<Option<i64>, StoreError> {
        Ok(on_db!(&self.db, pool => {
            sqlx::query_scalar("SELECT id FROM referrals WHERE reference = $1")
                .bind(reference.to_string())
                .fetch_optional(pool)
                .await
        })?)
    }
}

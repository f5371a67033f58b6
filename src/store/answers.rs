//! The answers in the database: opened when read (a row's `payload_key` names the key
//! that sealed its `payload`, see `sealed`), checked and brought under a key at start,
//! and moved to the current key by `rj keys rotate`. Never changed in a way that loses
//! them: a row no key here opens stops the start instead.

use super::backend::Db;
use super::{Store, StoreError};
use crate::referral::form::Referral;

/// Rows re-sealed in one transaction: short enough not to hold the write lock long
/// while the site runs.
pub const BATCH: i64 = 200;

/// How many stored answers each key id seals (`None`: plain, from an older binary).
#[derive(Debug, Default, PartialEq, Eq)]
pub struct SealedCounts(pub Vec<(Option<String>, i64)>);

/// A row whose answers are held.
#[derive(sqlx::FromRow)]
struct Row {
    id: i64,
    reference: String,
    payload: String,
    payload_key: Option<String>,
}

impl Store {
    /// The keys that seal and open the answers.
    pub fn data_keys(&self) -> &super::DataKeys {
        &self.keys
    }

    /// A row's answers. A row with no key id is one an older binary wrote in plain
    /// (during an upgrade, before the next start seals it).
    pub(super) fn open_answers(
        &self,
        reference: &str,
        payload: &str,
        key: Option<&str>,
    ) -> Result<Referral, StoreError> {
        match key {
            None => Ok(serde_json::from_str(payload)?),
            Some(key) => {
                let plain =
                    self.keys
                        .open(key, reference, payload)
                        .map_err(|why| StoreError::Sealed {
                            reference: reference.to_string(),
                            why,
                        })?;
                Ok(serde_json::from_slice(&plain)?)
            }
        }
    }

    /// How many held answers each key id seals, the current key's first.
    pub async fn sealed_counts(&self) -> Result<SealedCounts, StoreError> {
        let mut rows: Vec<(Option<String>, i64)> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT payload_key, COUNT(*) FROM referrals WHERE payload IS NOT NULL
                 GROUP BY payload_key ORDER BY payload_key",
            )
            .fetch_all(pool)
            .await
        })?;
        let current = self.keys.current_id().as_str();
        rows.sort_by_key(|(key, _)| key.as_deref() != Some(current));
        Ok(SealedCounts(rows))
    }

    /// At start, after the migrations: first, any answers sealed under a key id this
    /// instance was not given stop the start, naming the id (and one row per known id
    /// must open, so a key that only shares an id is caught too); then answers an
    /// older binary stored in plain are sealed under the current key.
    pub(super) async fn prepare_sealed(&self) -> Result<(), StoreError> {
        let counts = self.sealed_counts().await?;
        for (key, rows) in &counts.0 {
            let Some(key) = key else { continue };
            if !self.keys.knows(key) {
                return Err(StoreError::UnknownDataKey {
                    key_id: key.clone(),
                    rows: *rows,
                    current: self.keys.current_id().clone(),
                });
            }
            let row: Option<Row> = on_db!(&self.db, pool => {
                sqlx::query_as(
                    "SELECT id, reference, payload, payload_key FROM referrals
                     WHERE payload IS NOT NULL AND payload_key = $1 LIMIT 1",
                )
                .bind(key)
                .fetch_optional(pool)
                .await
            })?;
            if let Some(row) = row {
                self.open_answers(&row.reference, &row.payload, Some(key))?;
            }
        }
        if counts.0.iter().any(|(key, _)| key.is_none()) {
            let sealed = self.reseal(true).await?;
            tracing::info!("sealed the answers of {sealed} requests stored by an older version");
        }
        Ok(())
    }

    /// `rj keys rotate`: seals every held answer that is not under the current key
    /// again under it, [`BATCH`] rows per transaction, and returns how many changed.
    /// Safe while the site runs: a row changed meanwhile (sent, purged, resolved) is
    /// left as the other instance made it.
    pub async fn rotate_keys(&self) -> Result<u64, StoreError> {
        self.reseal(false).await
    }

    /// Seals again, under the current key, the held answers in plain (`plain_only`) or
    /// all not under the current key, in batches by id.
    async fn reseal(&self, plain_only: bool) -> Result<u64, StoreError> {
        let current = self.keys.current_id().as_str().to_string();
        let which = if plain_only {
            "payload_key IS NULL"
        } else {
            "(payload_key IS NULL OR payload_key <> $3)"
        };
        let select = format!(
            "SELECT id, reference, payload, payload_key FROM referrals
             WHERE payload IS NOT NULL AND id > $1 AND {which} ORDER BY id LIMIT $2"
        );
        // SQLite: take the write lock first, so the batch never waits to upgrade.
        let begin = match &self.db {
            Db::Sqlite(_) => "BEGIN IMMEDIATE",
            Db::Postgres(_) => "BEGIN",
        };
        let mut changed = 0;
        let mut after = 0i64;
        loop {
            let (done, last) = on_db!(&self.db, pool => {
                async {
                    let mut tx = pool.begin_with(begin).await?;
                    let mut query = sqlx::query_as::<_, Row>(&select).bind(after).bind(BATCH);
                    if !plain_only {
                        query = query.bind(&current);
                    }
                    let rows = query.fetch_all(&mut *tx).await?;
                    let mut done = 0u64;
                    let last = rows.last().map(|r| r.id);
                    for row in rows {
                        let answers = match &row.payload_key {
                            None => row.payload.clone().into_bytes(),
                            Some(key) => self.keys.open(key, &row.reference, &row.payload).map_err(
                                |why| StoreError::Sealed {
                                    reference: row.reference.clone(),
                                    why,
                                },
                            )?,
                        };
                        let sealed = self.keys.seal(&row.reference, &answers);
                        // Only if nobody changed the row since it was read.
                        done += sqlx::query(
                            "UPDATE referrals SET payload = $2, payload_key = $3
                             WHERE id = $1 AND payload = $4",
                        )
                        .bind(row.id)
                        .bind(&sealed)
                        .bind(&current)
                        .bind(&row.payload)
                        .execute(&mut *tx)
                        .await?
                        .rows_affected();
                    }
                    tx.commit().await?;
                    Ok::<_, StoreError>((done, last))
                }
                .await
            })?;
            changed += done;
            match last {
                Some(last) => after = last,
                None => return Ok(changed),
            }
        }
    }
}

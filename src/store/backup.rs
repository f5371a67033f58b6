//! `rj backup FILE`: a consistent copy of a SQLite database, taken while the site runs
//! (`VACUUM INTO`, one read transaction, so no half-written request is copied). The
//! answers stay sealed under the data key in the copy: a backup is only as readable as
//! the keys kept with it. PostgreSQL is backed up with `pg_dump` (see
//! `docs/operators/backup-and-restore.md`).

use super::backend::Db;
use super::{Store, StoreError};
use std::path::Path;

/// Why a backup was not taken.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    #[error(
        "rj backup copies a SQLite database; for PostgreSQL use pg_dump --format=custom \
         (see docs/operators/backup-and-restore.md)"
    )]
    Postgres,
    #[error("{0} already exists: choose a new file, a backup never overwrites one")]
    Exists(String),
    #[error(transparent)]
    Store(#[from] StoreError),
}

impl Store {
    /// Copies the database into the new file `to`, which must not exist yet.
    pub async fn backup_into(&self, to: &Path) -> Result<(), BackupError> {
        let Db::Sqlite(pool) = &self.db else {
            return Err(BackupError::Postgres);
        };
        if to.exists() {
            return Err(BackupError::Exists(to.display().to_string()));
        }
        sqlx::query("VACUUM INTO $1")
            .bind(to.display().to_string())
            .execute(pool)
            .await
            .map_err(StoreError::from)?;
        Ok(())
    }
}

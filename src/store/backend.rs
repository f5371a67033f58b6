//! Which database the store runs on, parsed once from `RJ_DATABASE_URL`: SQLite for
//! one machine (the default) or PostgreSQL for several instances. Opening each, their
//! migrations (one set per backend, `migrations/sqlite` and `migrations/postgres`), what
//! is applied, and the lock that lets one instance at a time run the periodic sweep.

use super::StoreError;
use secrecy::{ExposeSecret, SecretString};
use sqlx::SqlitePool;
use sqlx::migrate::Migrator;
use sqlx::pool::PoolConnection;
use sqlx::postgres::{PgConnectOptions, PgPool, PgPoolOptions, Postgres};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use std::str::FromStr;
use std::time::Duration;

static SQLITE_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/sqlite");
static POSTGRES_MIGRATIONS: Migrator = sqlx::migrate!("./migrations/postgres");

/// The two kinds of database.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The migrations for this backend, built into the binary.
    pub fn migrator(self) -> &'static Migrator {
        match self {
            Backend::Sqlite => &SQLITE_MIGRATIONS,
            Backend::Postgres => &POSTGRES_MIGRATIONS,
        }
    }
}

/// Where requests are stored (`RJ_DATABASE_URL`). A PostgreSQL address may hold a
/// password, so it is kept secret: it prints (`Display`, `Debug`) without one.
#[derive(Clone)]
pub enum DatabaseUrl {
    /// `sqlite://path` (or sqlx's `sqlite:path`), as given.
    Sqlite(String),
    /// `postgres://…` or `postgresql://…`.
    Postgres(SecretString),
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DatabaseUrlError {
    #[error(
        "RJ_DATABASE_URL must be sqlite://PATH (one machine, e.g. sqlite://var/rj.db) or \
         postgres://USER:PASSWORD@HOST:PORT/DATABASE (also postgresql://), not `{0}`"
    )]
    Unknown(String),
    #[error("RJ_DATABASE_URL is not a usable {0} address: {1}")]
    Invalid(&'static str, String),
}

impl DatabaseUrl {
    pub fn parse(text: &str) -> Result<DatabaseUrl, DatabaseUrlError> {
        let text = text.trim();
        let scheme = text
            .split_once(':')
            .map_or("", |(scheme, _)| scheme)
            .to_ascii_lowercase();
        match scheme.as_str() {
            "sqlite" => {
                SqliteConnectOptions::from_str(text)
                    .map_err(|e| DatabaseUrlError::Invalid("SQLite", e.to_string()))?;
                Ok(DatabaseUrl::Sqlite(text.to_string()))
            }
            "postgres" | "postgresql" => {
                // The parser's messages name the part that is wrong, never the password.
                PgConnectOptions::from_str(text)
                    .map_err(|e| DatabaseUrlError::Invalid("PostgreSQL", e.to_string()))?;
                Ok(DatabaseUrl::Postgres(SecretString::from(text)))
            }
            // Only what comes before the first `:` is repeated: the rest may be a password.
            _ => Err(DatabaseUrlError::Unknown(if scheme.is_empty() {
                text.chars().take(40).collect()
            } else {
                format!("{scheme}:…")
            })),
        }
    }

    pub fn backend(&self) -> Backend {
        match self {
            DatabaseUrl::Sqlite(_) => Backend::Sqlite,
            DatabaseUrl::Postgres(_) => Backend::Postgres,
        }
    }

    /// The SQLite database's file (`None` for PostgreSQL).
    pub fn sqlite_file(&self) -> Option<std::path::PathBuf> {
        match self {
            DatabaseUrl::Sqlite(url) => SqliteConnectOptions::from_str(url)
                .ok()
                .map(|o| o.get_filename().to_path_buf()),
            DatabaseUrl::Postgres(_) => None,
        }
    }
}

impl std::fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DatabaseUrl::Sqlite(url) => f.write_str(url),
            DatabaseUrl::Postgres(url) => match PgConnectOptions::from_str(url.expose_secret()) {
                Ok(o) => write!(
                    f,
                    "postgres://{}@{}:{}/{}",
                    o.get_username(),
                    o.get_host(),
                    o.get_port(),
                    o.get_database().unwrap_or("")
                ),
                Err(_) => f.write_str("postgres://…"),
            },
        }
    }
}

impl std::fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "DatabaseUrl({self})")
    }
}

/// The connection pool, one kind per backend. The store's queries are written once and
/// run on either (see `on_db!`).
#[derive(Clone)]
pub(super) enum Db {
    Sqlite(SqlitePool),
    Postgres(PgPool),
}

impl Db {
    /// Connects without touching the tables. SQLite: the file (and its folder) is
    /// created if missing, in WAL mode with full syncs and secure deletion (what is
    /// deleted is overwritten). PostgreSQL: the database must exist.
    pub(super) async fn connect(url: &DatabaseUrl) -> Result<Db, StoreError> {
        match url {
            DatabaseUrl::Sqlite(url) => {
                let options = SqliteConnectOptions::from_str(url)?
                    .create_if_missing(true)
                    .journal_mode(SqliteJournalMode::Wal)
                    .synchronous(SqliteSynchronous::Full)
                    // Deleted answers are overwritten with zeros, not left in free pages.
                    .pragma("secure_delete", "ON")
                    .busy_timeout(Duration::from_secs(10));
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
                Ok(Db::Sqlite(pool))
            }
            DatabaseUrl::Postgres(url) => {
                let options =
                    PgConnectOptions::from_str(url.expose_secret())?.application_name("rj");
                // Writers wait on each other's commits here, not on one lock: more
                // connections let PostgreSQL group their commits.
                let pool = PgPoolOptions::new()
                    .max_connections(16)
                    .acquire_timeout(Duration::from_secs(10))
                    .connect_with(options)
                    .await?;
                Ok(Db::Postgres(pool))
            }
        }
    }

    pub(super) fn backend(&self) -> Backend {
        match self {
            Db::Sqlite(_) => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies the migrations this binary has and the database lacks. On PostgreSQL
    /// sqlx takes an advisory lock first, so instances starting together take turns.
    pub(super) async fn migrate(&self) -> Result<(), StoreError> {
        let migrator = self.backend().migrator();
        match self {
            Db::Sqlite(pool) => migrator.run(pool).await?,
            Db::Postgres(pool) => migrator.run(pool).await?,
        }
        Ok(())
    }

    /// What is applied, compared with what this binary has; changes nothing.
    pub(super) async fn migration_status(&self) -> Result<MigrationStatus, StoreError> {
        let exists = match self {
            Db::Sqlite(pool) => sqlx::query_scalar::<_, i64>(
                "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = '_sqlx_migrations'",
            )
            .fetch_one(pool)
            .await?
                > 0,
            Db::Postgres(pool) => sqlx::query_scalar::<_, bool>(
                "SELECT to_regclass('_sqlx_migrations') IS NOT NULL",
            )
            .fetch_one(pool)
            .await?,
        };
        let applied: Vec<(i64, Vec<u8>, bool)> = if exists {
            on_db!(self, pool => sqlx::query_as(
                "SELECT version, checksum, success FROM _sqlx_migrations ORDER BY version"
            )
            .fetch_all(pool)
            .await)?
        } else {
            Vec::new()
        };
        let known = self.backend().migrator();
        let mut status = MigrationStatus::default();
        for m in known.iter() {
            match applied.iter().find(|(v, _, _)| *v == m.version) {
                Some((_, checksum, true)) if checksum[..] == m.checksum[..] => {
                    status.applied.push(m.version)
                }
                Some((_, _, true)) => status.changed.push(m.version),
                _ => status
                    .pending
                    .push(format!("{} {}", m.version, m.description)),
            }
        }
        status.unknown = applied
            .iter()
            .filter(|(v, _, _)| !known.version_exists(*v))
            .map(|(v, _, _)| *v)
            .collect();
        Ok(status)
    }

    /// The periodic sweep's lock: on PostgreSQL a session advisory lock on a connection
    /// of its own, closed (so released) when the lock is dropped, even by a crash;
    /// another instance asking meanwhile gets `None`. SQLite serves one machine and its
    /// one instance sweeps from one worker, so it always has the lock.
    pub(super) async fn try_sweep_lock(&self) -> Result<Option<SweepLock>, StoreError> {
        match self {
            Db::Sqlite(_) => Ok(Some(SweepLock(None))),
            Db::Postgres(pool) => {
                let mut conn = pool.acquire().await?;
                // Never returned to the pool: closing it ends the session and its lock.
                conn.close_on_drop();
                let got: bool = sqlx::query_scalar("SELECT pg_try_advisory_lock($1)")
                    .bind(SWEEP_LOCK_KEY)
                    .fetch_one(&mut *conn)
                    .await?;
                Ok(got.then_some(SweepLock(Some(conn))))
            }
        }
    }
}

/// The advisory lock's number: "rj-sweep" in ASCII, so `pg_locks` shows who holds it.
const SWEEP_LOCK_KEY: i64 = 0x726a_2d73_7765_6570;

/// Held while one instance runs the periodic sweep (alerts falling due, answers
/// deleted after confirmation, purges).
/// Dropping it releases the lock. What a sweep does must record its progress in the
/// database, since another instance may run the next one.
pub struct SweepLock(#[allow(dead_code)] Option<PoolConnection<Postgres>>);

/// The database's migrations compared with this binary's.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct MigrationStatus {
    /// Applied and the same as this binary's.
    pub applied: Vec<i64>,
    /// This binary's migrations not applied yet (`version description`).
    pub pending: Vec<String>,
    /// Applied, but different from this binary's file of the same version.
    pub changed: Vec<i64>,
    /// Applied by a newer binary: this one does not know them.
    pub unknown: Vec<i64>,
}

impl MigrationStatus {
    /// The tables are exactly what this binary expects.
    pub fn up_to_date(&self) -> bool {
        self.pending.is_empty() && self.changed.is_empty() && self.unknown.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accepted_forms() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://var/rj.db").unwrap().backend(),
            Backend::Sqlite
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:rj.db").unwrap().backend(),
            Backend::Sqlite
        );
        for url in [
            "postgres://rj:pw@db.example.org:5432/rj",
            "postgresql://rj@localhost/rj",
            "POSTGRES://rj@localhost/rj",
            "postgres:///rj?host=/var/run/postgresql",
        ] {
            assert_eq!(
                DatabaseUrl::parse(url).unwrap().backend(),
                Backend::Postgres,
                "{url}"
            );
        }
    }

    /// Before this parser, a PostgreSQL address silently became a SQLite file named
    /// `./postgres:…`, and any other text a file too.
    #[test]
    fn anything_else_is_refused_naming_the_accepted_forms() {
        for url in [
            "mysql://rj:pw@db.example.org/rj",
            "var/rj.db",
            "postgress://rj@db/rj",
            "http://db.example.org",
        ] {
            let e = DatabaseUrl::parse(url).unwrap_err();
            let said = e.to_string();
            assert!(
                said.contains("sqlite://") && said.contains("postgres://"),
                "{said}"
            );
            assert!(!said.contains("pw"), "no password repeated: {said}");
        }
        assert!(matches!(
            DatabaseUrl::parse("postgres://rj@db.example.org:notaport/rj"),
            Err(DatabaseUrlError::Invalid("PostgreSQL", _))
        ));
    }

    #[test]
    fn a_postgres_password_never_prints() {
        let url = DatabaseUrl::parse("postgres://rj:s3cret-pw@db.example.org:5433/rjdb").unwrap();
        let shown = format!("{url} {url:?}");
        assert!(!shown.contains("s3cret"), "{shown}");
        assert!(
            shown.contains("postgres://rj@db.example.org:5433/rjdb"),
            "{shown}"
        );
        let e = DatabaseUrl::parse("postgres://rj:s3cret-pw@db.example.org:x/rjdb").unwrap_err();
        assert!(!e.to_string().contains("s3cret"), "{e}");
    }
}

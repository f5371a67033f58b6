//! Operator commands of the `rj` binary: `check-config`, `migrate`, `outbox status`,
//! `outbox retry REFERENCE`. Each prints plain words and exits non-zero on a problem.

use super::AppState;
use crate::areas::directory::Date;
use crate::referral::reference::Reference;
use crate::referral::store::{Backend, DatabaseUrl, MigrationStatus, Store};
use crate::referral::worker::unix_now;
use hmac::{Hmac, Mac};
use secrecy::ExposeSecret;
use sha2::Sha256;
use std::process::ExitCode;

/// The directory was checked on loading; this also checks the database (reached, and
/// its migrations applied), says what every instance must share, and tries the mailer.
/// It changes nothing: unapplied migrations are reported, not applied.
pub async fn check_config(state: &AppState) -> ExitCode {
    println!("configuration: ok ({:?})", state.config.env);
    print!("{}", state.directory.report(&state.areas, Date::today()));
    let url = &state.config.database_url;
    let mut ok = match state.store.migration_status().await {
        Ok(status) => {
            println!("database: ok ({url})");
            let said = migrations_report(&status);
            println!("{said}");
            status.up_to_date()
        }
        Err(e) => {
            println!("database: FAILED ({url}): {e}");
            false
        }
    };
    println!(
        "secret: fingerprint {} (RJ_SECRET). Every instance must show the same fingerprint: \
         a form shown by one instance is sent to whichever the proxy picks, and is refused \
         if its secret differs. Without RJ_SECRET, each start makes a random one.",
        secret_fingerprint(state.config.secret.expose_secret())
    );
    if state.store.backend() == Backend::Postgres {
        println!(
            "instances: PostgreSQL is shared, so requests, leases and the Send limit are \
             counted across every instance; each keeps its own page cache. Give every \
             instance the same RJ_SECRET, RJ_DIRECTORY file and RJ_CLIENT_IP_HEADER."
        );
    }
    match state.mailer.check().await {
        Ok(()) => println!("mail: ok"),
        Err(e) => {
            println!("mail: FAILED: {e}");
            ok = false;
        }
    }
    if ok {
        ExitCode::SUCCESS
    } else {
        ExitCode::FAILURE
    }
}

fn migrations_report(status: &MigrationStatus) -> String {
    let list = |v: &[i64]| v.iter().map(i64::to_string).collect::<Vec<_>>().join(", ");
    let mut lines = Vec::new();
    if status.up_to_date() {
        lines.push(format!(
            "migrations: ok (applied: {})",
            list(&status.applied)
        ));
    }
    if !status.pending.is_empty() {
        lines.push(format!(
            "migrations: FAILED: not applied: {}. Run `rj migrate` (the site also applies \
             them when it starts)",
            status.pending.join(", ")
        ));
    }
    if !status.changed.is_empty() {
        lines.push(format!(
            "migrations: FAILED: applied migrations {} differ from this binary's files: \
             a migration must never be edited once applied",
            list(&status.changed)
        ));
    }
    if !status.unknown.is_empty() {
        lines.push(format!(
            "migrations: FAILED: the database has migrations {} that this binary does not \
             know: it is older than the one that migrated the database",
            list(&status.unknown)
        ));
    }
    lines.join("\n")
}

/// Eight hex digits that tell secrets apart without showing them.
fn secret_fingerprint(secret: &[u8]) -> String {
    let mut mac = Hmac::<Sha256>::new_from_slice(secret).expect("any key length");
    mac.update(b"rj-secret-fingerprint");
    mac.finalize().into_bytes()[..4]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// `rj migrate`: applies this binary's migrations that the database lacks. Only the
/// database is opened, so it works before the rest of the configuration is complete.
pub async fn migrate(url: &DatabaseUrl) -> ExitCode {
    let store = match Store::connect(url).await {
        Ok(store) => store,
        Err(e) => {
            eprintln!("database: FAILED ({url}): {e}");
            return ExitCode::FAILURE;
        }
    };
    let before = match store.migration_status().await {
        Ok(status) => status,
        Err(e) => {
            eprintln!("database: FAILED ({url}): {e}");
            return ExitCode::FAILURE;
        }
    };
    if let Err(e) = store.migrate().await {
        eprintln!("migrations: FAILED ({url}): {e}");
        return ExitCode::FAILURE;
    }
    if before.pending.is_empty() {
        println!("migrations: nothing to apply ({url})");
    } else {
        println!("migrations: applied {} ({url})", before.pending.join(", "));
    }
    ExitCode::SUCCESS
}

pub async fn outbox_status(state: &AppState) -> ExitCode {
    match state.store.counts().await {
        Ok(c) => {
            println!(
                "waiting: {}\nsent: {}\nfailed: {}\npurged: {}",
                c.pending, c.sent, c.failed, c.purged
            );
            if let Some(oldest) = c.oldest_pending {
                println!(
                    "oldest waiting: {} minutes",
                    (unix_now() - oldest).max(0) / 60
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot read the outbox: {e}");
            ExitCode::FAILURE
        }
    }
}

pub async fn outbox_retry(state: &AppState, reference: &str) -> ExitCode {
    let Ok(reference) = Reference::parse(reference) else {
        eprintln!("`{reference}` is not a request reference (RJ-XXXX-XXXX)");
        return ExitCode::from(2);
    };
    match state.store.retry(reference, unix_now()).await {
        Ok(true) => {
            println!("{reference} will be sent again now (if the site is running)");
            ExitCode::SUCCESS
        }
        Ok(false) => {
            eprintln!(
                "{reference}: no such request waiting or failed (sent and purged ones cannot be retried)"
            );
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("cannot update the outbox: {e}");
            ExitCode::FAILURE
        }
    }
}

//! Operator commands of the `rj` binary: `check-config`, `outbox status`,
//! `outbox retry REFERENCE`, `outbox resolve REFERENCE --note TEXT`, `report`. Each
//! prints plain words and exits non-zero on a problem.

use super::AppState;
use crate::areas::directory::Date;
use crate::referral::reference::Reference;
use crate::referral::store::Resolved;
use crate::referral::worker::unix_now;
use std::process::ExitCode;

/// The directory and database were checked on loading; this also tries the mailer.
pub async fn check_config(state: &AppState) -> ExitCode {
    println!("configuration: ok ({:?})", state.config.env);
    print!("{}", state.directory.report(&state.areas, Date::today()));
    match state.store.counts().await {
        Ok(_) => println!("database: ok ({})", state.config.database_url),
        Err(e) => {
            println!("database: FAILED: {e}");
            return ExitCode::FAILURE;
        }
    }
    match state.mailer.check().await {
        Ok(()) => {
            println!("mail: ok");
            ExitCode::SUCCESS
        }
        Err(e) => {
            println!("mail: FAILED: {e}");
            ExitCode::FAILURE
        }
    }
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

/// The longest note kept with a resolved request.
const MAX_NOTE: usize = 500;

/// `rj outbox resolve REF --note TEXT`: the operator has dealt with a request.
pub async fn outbox_resolve(state: &AppState, reference: &str, note: &str) -> ExitCode {
    let Ok(reference) = Reference::parse(reference) else {
        eprintln!("`{reference}` is not a request reference (RJ-XXXX-XXXX)");
        return ExitCode::from(2);
    };
    let note = note.trim();
    if note.is_empty() || note.chars().count() > MAX_NOTE {
        eprintln!(
            "say what was done in --note (1 to {MAX_NOTE} characters, and no personal details)"
        );
        return ExitCode::from(2);
    }
    match state.store.resolve(reference, note, unix_now()).await {
        Ok(Resolved::Now) => {
            println!(
                "{reference}: resolved. Its answers are deleted, and it will not be sent or chased again."
            );
            ExitCode::SUCCESS
        }
        Ok(Resolved::Already(at)) => {
            println!(
                "{reference}: already resolved on {}",
                crate::calendar::uk_date(at)
            );
            ExitCode::SUCCESS
        }
        Ok(Resolved::Unknown) => {
            eprintln!("{reference}: no such request");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("cannot update the outbox: {e}");
            ExitCode::FAILURE
        }
    }
}

//! The operator's staff commands: `rj staff invite` (prints a single-use invitation
//! link as its last line), `rj staff remove`, `rj staff list`, and `rj audit` (the audit
//! log as CSV or JSON). Each is audited like an action in the inbox, by "operator".

use super::AppState;
use crate::areas::directory::Audience;
use crate::calendar::{Date, iso_utc};
use crate::mail::address::EmailAddress;
use crate::pages::staff::invitation_path;
use crate::staff::audit::{Entry, Event, csv};
use crate::staff::{INVITATION_SECONDS, Role, Roles, Scope, session};
use std::process::ExitCode;

/// Who acts when the operator runs a command on the server.
const OPERATOR: &str = "operator (command line)";

/// `staff invite --email ADDRESS --role R [--role R]... [--area SLUG]... [--youth]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invite {
    pub email: String,
    pub roles: Vec<Role>,
    pub areas: Vec<String>,
    pub youth: bool,
}

impl Invite {
    pub fn parse(args: &[&str]) -> Result<Self, String> {
        let usage = || {
            format!(
                "usage: rj staff invite --email ADDRESS --role {} [--role ...] \
                 [--area SLUG]... [--youth]",
                role_words("|")
            )
        };
        let mut invite = Invite {
            email: String::new(),
            roles: Vec::new(),
            areas: Vec::new(),
            youth: false,
        };
        let mut words = args.iter();
        while let Some(word) = words.next() {
            match *word {
                "--youth" => invite.youth = true,
                "--email" => invite.email = words.next().ok_or_else(usage)?.to_string(),
                "--role" => invite.roles.push(
                    Role::parse(words.next().ok_or_else(usage)?)
                        .ok_or_else(|| format!("--role must be one of {}", role_words(", ")))?,
                ),
                "--area" => invite
                    .areas
                    .push(words.next().ok_or_else(usage)?.to_string()),
                _ => return Err(usage()),
            }
        }
        if invite.email.is_empty() || invite.roles.is_empty() {
            return Err(usage());
        }
        if invite.roles.contains(&Role::Service) && invite.areas.is_empty() {
            return Err("a service member needs at least one --area".into());
        }
        if invite.roles.contains(&Role::Commissioner) && invite.areas.is_empty() {
            return Err("a commissioner needs at least one --area (whose numbers they see)".into());
        }
        Ok(invite)
    }
}

/// Every role's word, joined (the list is `Role::ALL`, not written here again).
fn role_words(separator: &str) -> String {
    Role::ALL.map(Role::as_str).join(separator)
}

fn entry(event: Event, detail: String) -> Entry {
    Entry {
        actor: Some(OPERATOR.into()),
        event,
        reference: None,
        detail: Some(detail),
        network: None,
    }
}

pub async fn invite(state: &AppState, invite: Invite) -> ExitCode {
    let Ok(email) = EmailAddress::parse(&invite.email) else {
        eprintln!("`{}` is not an email address", invite.email);
        return ExitCode::FAILURE;
    };
    let email = email.as_str().to_lowercase();
    let mut scopes = Vec::new();
    for slug in &invite.areas {
        if state.areas.by_slug(slug).is_none() {
            eprintln!("`{slug}` is not a police area's slug (see data/areas.toml)");
            return ExitCode::FAILURE;
        }
        scopes.push(Scope {
            area: slug.clone(),
            audience: if invite.youth {
                Audience::Youth
            } else {
                Audience::All
            },
        });
    }
    let roles = Roles::new(invite.roles.clone());
    let token = session::new_token();
    let now = state.clock.now();
    let detail = format!("{email} as {roles}");
    if let Err(e) = state.store.audit(&entry(Event::Invited, detail), now).await {
        eprintln!("cannot write the audit log: {e}");
        return ExitCode::FAILURE;
    }
    match state
        .store
        .invite(
            &email,
            &roles,
            &scopes,
            &session::hash(&token),
            now,
            now + INVITATION_SECONDS,
        )
        .await
    {
        Ok(_) => {
            let url = format!(
                "{}{}",
                state.config.site.public_url,
                invitation_path(crate::i18n::Lang::En, &token)
            );
            println!(
                "Invited {email} as {roles}. Send them this link; it works once, for 72 hours."
            );
            // The last line, so scripts can take it.
            println!("{url}");
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot store the invitation: {e}");
            ExitCode::FAILURE
        }
    }
}

pub async fn remove(state: &AppState, email: &str) -> ExitCode {
    let email = email.trim().to_lowercase();
    let now = state.clock.now();
    match state.store.remove_member(&email, now).await {
        Ok(Some(_)) => {
            if let Err(e) = state
                .store
                .audit(&entry(Event::Removed, email.clone()), now)
                .await
            {
                eprintln!("removed, but cannot write the audit log: {e}");
                return ExitCode::FAILURE;
            }
            println!(
                "Removed {email}: their sessions have ended and their invitations no longer work."
            );
            ExitCode::SUCCESS
        }
        Ok(None) => {
            eprintln!("no current staff member has the address {email}");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("cannot remove: {e}");
            ExitCode::FAILURE
        }
    }
}

pub async fn list(state: &AppState) -> ExitCode {
    match state.store.members().await {
        Ok(rows) => {
            for m in rows {
                let areas: Vec<String> = m
                    .scopes
                    .iter()
                    .map(|s| match s.audience {
                        Audience::All => s.area.clone(),
                        Audience::Youth => format!("{} (youth)", s.area),
                    })
                    .collect();
                let status = match m.removed_at {
                    Some(at) => format!("removed {}", iso_utc(at)),
                    None => "active".into(),
                };
                println!(
                    "{}\t{}\t{}\t{} passkey(s)\t{status}",
                    m.email,
                    m.roles,
                    areas.join(","),
                    m.passkeys
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot read the staff list: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The audit log between two dates (UTC days, both included).
pub async fn audit(state: &AppState, from: Date, to: Date, json: bool) -> ExitCode {
    let start = from.days() * 86_400;
    let end = (to.days() + 1) * 86_400;
    let rows = match state.store.audit_rows(start, end, i64::MAX).await {
        Ok(rows) => rows,
        Err(e) => {
            eprintln!("cannot read the audit log: {e}");
            return ExitCode::FAILURE;
        }
    };
    let detail = format!("{from} to {to}, {} entries", rows.len());
    if let Err(e) = state
        .store
        .audit(&entry(Event::Exported, detail), state.clock.now())
        .await
    {
        eprintln!("cannot write the audit log: {e}");
        return ExitCode::FAILURE;
    }
    if json {
        match serde_json::to_string_pretty(&rows) {
            Ok(text) => println!("{text}"),
            Err(e) => {
                eprintln!("{e}");
                return ExitCode::FAILURE;
            }
        }
    } else {
        print!("{}", csv(&rows));
    }
    ExitCode::SUCCESS
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn invite_needs_an_address_a_role_and_areas_for_service() {
        let ok = Invite::parse(&[
            "--email",
            "a@example.org",
            "--role",
            "service",
            "--area",
            "kent",
        ])
        .unwrap();
        assert_eq!(ok.roles, vec![Role::Service]);
        assert_eq!(ok.areas, vec!["kent".to_string()]);
        assert!(Invite::parse(&["--email", "a@example.org", "--role", "service"]).is_err());
        assert!(Invite::parse(&["--email", "a@example.org", "--role", "owner"]).is_err());
        assert!(Invite::parse(&["--role", "admin"]).is_err());
        let two = Invite::parse(&[
            "--email",
            "a@example.org",
            "--role",
            "admin",
            "--role",
            "triage",
        ])
        .unwrap();
        assert_eq!(two.roles.len(), 2);
    }
}

//! The operator's API key commands: `rj api-key create` (prints the new key once; only
//! its SHA-256 is stored), `rj api-key revoke ID` and `rj api-key list` (never a key).
//! Each change is audited, by "operator (command line)".

use super::AppState;
use crate::areas::directory::Audience;
use crate::calendar::iso_utc;
use crate::staff::api_key::{ApiKey, KeyScope, audience_word, clean_name, parse_audience};
use crate::staff::audit::{Entry, Event};
use std::process::ExitCode;

/// Who acts when the operator runs a command on the server.
const OPERATOR: &str = "operator (command line)";

/// What `rj api-key …` was asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum KeyCommand {
    Create {
        area: String,
        audience: Audience,
        name: String,
    },
    Revoke {
        id: i64,
    },
    List,
}

const USAGE: &str = "usage: rj api-key create --service AREA [--audience all|youth] --name TEXT \
    | rj api-key revoke ID | rj api-key list";

impl KeyCommand {
    /// The words after `api-key`.
    pub fn parse(args: &[&str]) -> Result<Self, String> {
        match args {
            ["list"] => Ok(KeyCommand::List),
            ["revoke", id] => id
                .parse()
                .map(|id| KeyCommand::Revoke { id })
                .map_err(|_| format!("`{id}` is not a key's id (see rj api-key list)")),
            ["create", rest @ ..] => {
                let (mut area, mut audience, mut name) = (None, Audience::All, None);
                let mut words = rest.iter();
                while let Some(word) = words.next() {
                    let value = words.next().ok_or_else(|| USAGE.to_string())?;
                    match *word {
                        "--service" => area = Some(value.to_string()),
                        "--audience" => {
                            audience = parse_audience(value)
                                .ok_or_else(|| "--audience must be all or youth".to_string())?
                        }
                        "--name" => {
                            name = Some(clean_name(value).ok_or_else(|| {
                                "--name must be one line of 1 to 80 characters".to_string()
                            })?)
                        }
                        _ => return Err(USAGE.to_string()),
                    }
                }
                match (area, name) {
                    (Some(area), Some(name)) => Ok(KeyCommand::Create {
                        area,
                        audience,
                        name,
                    }),
                    _ => Err(USAGE.to_string()),
                }
            }
            _ => Err(USAGE.to_string()),
        }
    }
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

pub async fn run(state: &AppState, command: KeyCommand) -> ExitCode {
    match command {
        KeyCommand::Create {
            area,
            audience,
            name,
        } => create(state, &area, audience, &name).await,
        KeyCommand::Revoke { id } => revoke(state, id).await,
        KeyCommand::List => list(state).await,
    }
}

async fn create(state: &AppState, area: &str, audience: Audience, name: &str) -> ExitCode {
    if state.areas.by_slug(area).is_none() {
        eprintln!("`{area}` is not a police area's slug (see data/areas.toml)");
        return ExitCode::FAILURE;
    }
    let scope = KeyScope::new(area, audience);
    let key = ApiKey::generate();
    let now = state.clock.now();
    let id = match state
        .store
        .create_api_key(&key.hash(), &scope, name, now)
        .await
    {
        Ok(id) => id,
        Err(e) => {
            eprintln!("cannot store the key: {e}");
            return ExitCode::FAILURE;
        }
    };
    let detail = format!("{id} for {area} ({}): {name}", audience_word(audience));
    if let Err(e) = state
        .store
        .audit(&entry(Event::ApiKeyCreated, detail), now)
        .await
    {
        // Not shown, so never usable: revoke it at once.
        let _ = state.store.revoke_api_key(id, now).await;
        eprintln!("cannot write the audit log, so the key was revoked: {e}");
        return ExitCode::FAILURE;
    }
    let youth = match audience {
        Audience::All => "",
        Audience::Youth => " (youth justice service)",
    };
    println!(
        "API key {id} for {area}{youth}, \"{name}\". It is shown only now: keep it in the case \
         system's secret store. Revoke it with: rj api-key revoke {id}"
    );
    // The last line, so scripts can take it.
    println!("{}", key.reveal());
    ExitCode::SUCCESS
}

async fn revoke(state: &AppState, id: i64) -> ExitCode {
    let now = state.clock.now();
    match state.store.revoke_api_key(id, now).await {
        Ok(Some(key)) if key.revoked_at.is_some() => {
            println!("API key {id} was already revoked.");
            ExitCode::SUCCESS
        }
        Ok(Some(key)) => {
            let detail = format!("{id} for {}: {}", key.scope.area(), key.name);
            if let Err(e) = state
                .store
                .audit(&entry(Event::ApiKeyRevoked, detail), now)
                .await
            {
                eprintln!("revoked, but cannot write the audit log: {e}");
                return ExitCode::FAILURE;
            }
            println!("API key {id} is revoked: every call with it now gets 401.");
            ExitCode::SUCCESS
        }
        Ok(None) => {
            eprintln!("there is no API key {id} (see rj api-key list)");
            ExitCode::FAILURE
        }
        Err(e) => {
            eprintln!("cannot revoke: {e}");
            ExitCode::FAILURE
        }
    }
}

async fn list(state: &AppState) -> ExitCode {
    match state.store.api_keys().await {
        Ok(keys) => {
            println!("id\tservice\taudience\tname\tcreated\tlast used\trevoked");
            let time = |t: Option<i64>| t.map_or_else(|| "-".to_string(), iso_utc);
            for k in keys {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    k.id,
                    k.scope.area(),
                    audience_word(k.scope.audience()),
                    k.name,
                    iso_utc(k.created_at),
                    time(k.last_used_at),
                    time(k.revoked_at)
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot read the API keys: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn create_needs_a_service_and_a_name() {
        assert_eq!(
            KeyCommand::parse(&[
                "create",
                "--service",
                "kent",
                "--audience",
                "youth",
                "--name",
                "Case system"
            ]),
            Ok(KeyCommand::Create {
                area: "kent".into(),
                audience: Audience::Youth,
                name: "Case system".into()
            })
        );
        assert!(KeyCommand::parse(&["create", "--service", "kent"]).is_err());
        assert!(KeyCommand::parse(&["create", "--name", "x"]).is_err());
        assert!(
            KeyCommand::parse(&[
                "create",
                "--service",
                "kent",
                "--name",
                "x",
                "--audience",
                "kids"
            ])
            .is_err()
        );
        assert_eq!(
            KeyCommand::parse(&["revoke", "7"]),
            Ok(KeyCommand::Revoke { id: 7 })
        );
        assert!(KeyCommand::parse(&["revoke", "seven"]).is_err());
        assert_eq!(KeyCommand::parse(&["list"]), Ok(KeyCommand::List));
    }
}

//! The `rj` binary's command line: what it was asked to do ([`Command`], parsed once
//! from its arguments), and the operator commands: `check-config`, `migrate`, `outbox
//! status`, `outbox retry REFERENCE`, `outbox resolve REFERENCE --note TEXT`, `report`,
//! `keys rotate`; the staff commands are in `staff_cli`, the API key commands
//! (`api-key create|revoke|list`) in `api_key_cli`.
//! Each prints plain words and exits non-zero on a problem.

use super::AppState;
use super::api_key_cli::{self, KeyCommand};
use super::staff_cli;
use crate::calendar::Date;
use crate::numbers::report::Month;
use crate::outbox::alerts::AlertKind;
use crate::referral::reference::Reference;
use crate::store::{
    AlertStatus, Backend, DataKeys, DatabaseUrl, MigrationStatus, Numbers, Resolved, Store,
};
use std::process::ExitCode;

/// How the command line is written, for a mistake in it.
pub const USAGE: &str = "usage: rj [serve | check-config | migrate | outbox status \
    | outbox retry REFERENCE | outbox resolve REFERENCE --note TEXT \
    | report --from YYYY-MM --to YYYY-MM [--long] [--format csv|json|html] [--lang en|cy] \
    | report --measures \
    | feedback --from YYYY-MM --to YYYY-MM [--format csv|json] \
    | staff invite --email ADDRESS --role service|triage|admin|commissioner [--role ...] [--area SLUG]... [--youth] \
    | staff remove --email ADDRESS | staff list \
    | audit --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|json] | keys rotate \
    | api-key create --service AREA [--audience all|youth] --name TEXT | api-key revoke ID \
    | api-key list | backup FILE]";

/// What the `rj` binary was asked to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Command {
    /// Serve the site and run the workers (also with no arguments).
    Serve,
    CheckConfig,
    Migrate,
    OutboxStatus,
    OutboxRetry {
        reference: String,
    },
    OutboxResolve {
        reference: String,
        note: String,
    },
    Report {
        from: Month,
        to: Month,
        json: bool,
        /// Every measure as rows of `month, area, measure, value`.
        long: bool,
    },
    /// `report --format html [--lang en|cy]`: the numbers page for every area, as one
    /// file (`pages::numbers::file`).
    ReportHtml {
        from: Month,
        to: Month,
        lang: crate::i18n::Lang,
    },
    /// `report --measures`: every measure with its definition.
    ReportMeasures {
        markdown: bool,
    },
    /// The feedback counters (`rj feedback`), small counts shown as "<5".
    Feedback {
        from: Month,
        to: Month,
        json: bool,
    },
    StaffInvite(staff_cli::Invite),
    StaffRemove {
        email: String,
    },
    StaffList,
    Audit {
        from: Date,
        to: Date,
        json: bool,
    },
    /// Seal every held answer under the current data key (`RJ_DATA_KEY`).
    KeysRotate,
    /// `api-key create|revoke|list`: the pull API's keys.
    ApiKey(KeyCommand),
    /// `backup FILE`: a consistent copy of the SQLite database into a new file.
    Backup {
        file: String,
    },
}

impl Command {
    /// The command in `args` (without the program's name), or what to print instead.
    pub fn parse(args: &[&str]) -> Result<Self, String> {
        Ok(match args {
            [] | ["serve"] => Command::Serve,
            ["check-config"] => Command::CheckConfig,
            ["migrate"] => Command::Migrate,
            ["outbox", "status"] => Command::OutboxStatus,
            ["outbox", "retry", reference] => Command::OutboxRetry {
                reference: reference.to_string(),
            },
            ["outbox", "resolve", reference, "--note", note @ ..] if !note.is_empty() => {
                Command::OutboxResolve {
                    reference: reference.to_string(),
                    note: note.join(" "),
                }
            }
            ["report", rest @ ..] => report_args(rest)?,
            ["feedback", rest @ ..] => match report_args(rest) {
                Ok(Command::Report {
                    from,
                    to,
                    json,
                    long: false,
                }) => Command::Feedback { from, to, json },
                _ => {
                    return Err(
                        "usage: rj feedback --from YYYY-MM --to YYYY-MM [--format csv|json]".into(),
                    );
                }
            },
            ["staff", "invite", rest @ ..] => Command::StaffInvite(staff_cli::Invite::parse(rest)?),
            ["staff", "remove", "--email", email] => Command::StaffRemove {
                email: email.to_string(),
            },
            ["staff", "list"] => Command::StaffList,
            ["audit", rest @ ..] => audit_args(rest)?,
            ["keys", "rotate"] => Command::KeysRotate,
            ["api-key", rest @ ..] => Command::ApiKey(KeyCommand::parse(rest)?),
            ["backup", file] => Command::Backup {
                file: file.to_string(),
            },
            _ => return Err(USAGE.to_string()),
        })
    }

    /// Whether the command opens the database as the site does, bringing its tables
    /// up to date first: all but `check-config` (which reports) and `migrate` (which
    /// is only that).
    pub fn migrates_first(&self) -> bool {
        !matches!(self, Command::CheckConfig | Command::Migrate)
    }

    /// Runs a command that needs the whole state (all but `migrate`).
    pub async fn run(self, state: AppState) -> ExitCode {
        match self {
            Command::CheckConfig => check_config(&state).await,
            Command::OutboxStatus => outbox_status(&state).await,
            Command::OutboxRetry { reference } => outbox_retry(&state, &reference).await,
            Command::OutboxResolve { reference, note } => {
                outbox_resolve(&state, &reference, &note).await
            }
            Command::Report {
                from,
                to,
                json,
                long,
            } => report(&state, from, to, json, long).await,
            Command::ReportHtml { from, to, lang } => report_html(&state, from, to, lang).await,
            Command::ReportMeasures { markdown } => {
                use crate::numbers::report;
                print!(
                    "{}",
                    if markdown {
                        report::measures_markdown()
                    } else {
                        report::measures_text()
                    }
                );
                ExitCode::SUCCESS
            }
            Command::Feedback { from, to, json } => feedback(&state, from, to, json).await,
            Command::StaffInvite(invite) => staff_cli::invite(&state, invite).await,
            Command::StaffRemove { email } => staff_cli::remove(&state, &email).await,
            Command::StaffList => staff_cli::list(&state).await,
            Command::Audit { from, to, json } => staff_cli::audit(&state, from, to, json).await,
            Command::KeysRotate => keys_rotate(&state).await,
            Command::ApiKey(command) => api_key_cli::run(&state, command).await,
            Command::Backup { file } => backup(&state, &file).await,
            Command::Migrate => {
                migrate(&state.config.database_url, state.store.data_keys().clone()).await
            }
            Command::Serve => super::serve(state).await,
        }
    }
}

/// `audit --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|json]`.
fn audit_args(args: &[&str]) -> Result<Command, String> {
    let usage =
        || "usage: rj audit --from YYYY-MM-DD --to YYYY-MM-DD [--format csv|json]".to_string();
    let mut from = None;
    let mut to = None;
    let mut json = false;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        match (*word, words.next()) {
            ("--from", Some(v)) => from = Date::parse_iso(v),
            ("--to", Some(v)) => to = Date::parse_iso(v),
            ("--format", Some(&"csv")) => json = false,
            ("--format", Some(&"json")) => json = true,
            _ => return Err(usage()),
        }
    }
    let (Some(from), Some(to)) = (from, to) else {
        return Err(usage());
    };
    if from > to {
        return Err(format!("--from {from} is after --to {to}"));
    }
    Ok(Command::Audit { from, to, json })
}

/// `report --from YYYY-MM --to YYYY-MM [--long] [--format csv|json]`, or `report
/// --measures [--format text|markdown]`.
fn report_args(args: &[&str]) -> Result<Command, String> {
    let usage = || {
        "usage: rj report --from YYYY-MM --to YYYY-MM [--long] [--format csv|json] \
         | rj report --from YYYY-MM --to YYYY-MM --format html [--lang en|cy] \
         | rj report --measures [--format text|markdown]"
            .to_string()
    };
    let mut from = None;
    let mut to = None;
    let mut format = None;
    let mut long = false;
    let mut measures = false;
    let mut lang = None;
    let mut words = args.iter();
    while let Some(word) = words.next() {
        match *word {
            "--long" => long = true,
            "--measures" => measures = true,
            flag => match (flag, words.next()) {
                ("--from", Some(v)) => from = Month::parse(v),
                ("--to", Some(v)) => to = Month::parse(v),
                ("--format", Some(v)) => format = Some(*v),
                ("--lang", Some(v)) => {
                    lang = Some(
                        crate::i18n::Lang::ALL
                            .into_iter()
                            .find(|l| l.code() == *v)
                            .ok_or_else(usage)?,
                    )
                }
                _ => return Err(usage()),
            },
        }
    }
    if lang.is_some() && format != Some("html") {
        return Err(usage());
    }
    if measures {
        return match (from, to, long, format) {
            (None, None, false, None | Some("text")) => {
                Ok(Command::ReportMeasures { markdown: false })
            }
            (None, None, false, Some("markdown")) => Ok(Command::ReportMeasures { markdown: true }),
            _ => Err(usage()),
        };
    }
    let (Some(from), Some(to)) = (from, to) else {
        return Err(usage());
    };
    if from > to {
        return Err(format!("--from {from} is after --to {to}"));
    }
    let json = match format {
        None | Some("csv") => false,
        Some("json") => true,
        Some("html") if !long => {
            return Ok(Command::ReportHtml {
                from,
                to,
                lang: lang.unwrap_or(crate::i18n::Lang::En),
            });
        }
        _ => return Err(usage()),
    };
    Ok(Command::Report {
        from,
        to,
        json,
        long,
    })
}

/// The directory was checked on loading; this also checks the database (reached, and
/// its migrations applied), says what every instance must share, and tries the mailer.
/// It changes nothing: unapplied migrations are reported, not applied.
pub async fn check_config(state: &AppState) -> ExitCode {
    println!("configuration: ok ({:?})", state.config.env);
    match &state.passkeys {
        Some(_) => println!(
            "staff sign-in: passkeys for {} (RJ_PUBLIC_URL); staff must use that address",
            state.config.site.public_url
        ),
        None => println!(
            "WARNING: staff cannot sign in: RJ_PUBLIC_URL ({}) has no domain name, and passkeys need one",
            state.config.site.public_url
        ),
    }
    let security = &state.config.security;
    let today = state.clock.today();
    match &security.contact {
        Some(contact) => {
            let expires = super::security_txt::expires(security, today);
            println!("security.txt: served, Contact {contact}, Expires {expires}");
            if expires < today {
                println!(
                    "WARNING: RJ_SECURITY_EXPIRES ({expires}) has passed: readers will treat \
                     security.txt as stale; set a date less than a year ahead"
                );
            }
        }
        None => println!(
            "security.txt: not served (set RJ_SECURITY_CONTACT to a mailto: or https:// address)"
        ),
    }
    let mut sso_ok = true;
    for p in &state.config.oidc.providers {
        match state.oidc.check(p).await {
            Ok(()) => println!("single sign-on {}: ok (discovery at {})", p.name, p.issuer),
            Err(why) => {
                println!(
                    "single sign-on {}: FAILED ({why}): cannot read the discovery document of {}, or it names another issuer",
                    p.name, p.issuer
                );
                sso_ok = false;
            }
        }
    }
    print!(
        "{}",
        state.directory.report(&state.areas, state.clock.today())
    );
    print_routes(state);
    let missing_secrets = state
        .directory
        .routing()
        .webhook_secret_names()
        .into_iter()
        .any(|name| state.webhook_secrets.get(name).is_none());
    match state.calendar.last_year() {
        Some(last) if last > state.clock.today().year => {
            println!("bank holidays: ok (listed to {last})")
        }
        Some(last) => println!(
            "WARNING: bank holidays are listed only to {last}: rerun data/bank_holidays.py with a newer package"
        ),
        None => println!("WARNING: no bank holidays are listed"),
    }
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
         a form shown by one instance is sent to whichever the proxy picks, and a service's \
         acknowledgement link is checked by whichever instance gets it: either is refused \
         if the secret differs. Without RJ_SECRET, each start makes a random one (and the \
         links already emailed stop working).",
        state.config.secrets.fingerprints().current
    );
    if let Some(previous) = state.config.secrets.fingerprints().previous {
        println!(
            "previous secret: fingerprint {previous} (RJ_SECRET_PREVIOUS): forms, links and \
             pages made under it are still accepted. Remove it once the links already \
             emailed have been used (or after the retention period)."
        );
    }
    ok &= sso_ok;
    ok &= data_keys_report(state).await;
    if missing_secrets {
        println!(
            "webhooks: FAILED: a route's webhook secret is MISSING (see the routes above): \
             set the variable its `webhook_secret_env` names to a Standard Webhooks secret \
             (`whsec_` then base64)"
        );
        ok = false;
    }
    if state.store.backend() == Backend::Postgres {
        println!(
            "instances: PostgreSQL is shared, so requests, leases, acknowledgements, alerts \
             and the Send and status-lookup limits are counted across every instance; one \
             instance at a time sweeps (alerts, purges); each keeps its own page cache. Give every \
             instance the same RJ_SECRET, RJ_DIRECTORY file and RJ_CLIENT_IP_HEADER."
        );
    }
    match state.mailer.check().await {
        // In OAuth mode the check fetched a token and logged in with it.
        Ok(()) if matches!(state.mailer, crate::mail::transport::Mailer::Xoauth2(_)) => println!(
            "mail: ok (a token from RJ_SMTP_OAUTH_TOKEN_URL, and the SMTP server accepted it \
             with XOAUTH2; no email sent)"
        ),
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

/// Every route and the triage route: where it goes, how (`inbox`: an email with no
/// personal data; `email`: the full answers) and whether the address is secure.
fn print_routes(state: &AppState) {
    println!(
        "secure email domains (RJ_SECURE_EMAIL_DOMAINS): {}",
        state.config.delivery.secure_domains
    );
    print!("{}", state.directory.routing().report(&state.areas));
    let secret_set = |name: &str| state.webhook_secrets.get(name).is_some();
    print!(
        "{}",
        state
            .directory
            .routing()
            .webhook_report(&state.areas, secret_set)
    );
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

/// `rj migrate`: applies this binary's migrations that the database lacks. Only the
/// database is opened, so it works before the rest of the configuration is complete.
pub async fn migrate(url: &DatabaseUrl, keys: DataKeys) -> ExitCode {
    let store = match Store::connect(url, keys).await {
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

/// `rj outbox status`: the same numbers as `/metrics` on the admin listener.
pub async fn outbox_status(state: &AppState) -> ExitCode {
    match state.store.numbers().await {
        Ok(n) => {
            print!("{}", status_text(&n, state.clock.now()));
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot read the outbox: {e}");
            ExitCode::FAILURE
        }
    }
}

/// The outbox's numbers as `outbox status` prints them.
pub fn status_text(n: &Numbers, now: i64) -> String {
    let mut out = format!(
        "waiting: {}\nfailed (not retried or resolved): {}\ndelivered, not yet confirmed: {}\npurged: {}\n",
        n.waiting, n.failed_now, n.unconfirmed, n.purged
    );
    if let Some(oldest) = n.oldest_waiting {
        out.push_str(&format!(
            "oldest waiting: {} minutes\n",
            (now - oldest).max(0) / 60
        ));
    }
    let kinds = |status: AlertStatus| {
        AlertKind::ALL
            .iter()
            .map(|&k| format!("{} {}", k.as_str(), n.alerts(k, status)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    out.push_str(&format!("alerts sent: {}\n", kinds(AlertStatus::Sent)));
    out.push_str(&format!(
        "alerts waiting: {}\n",
        kinds(AlertStatus::Pending)
    ));
    out.push_str(&format!(
        "webhooks: waiting {}, sent {}, refused {}, cancelled {}\n",
        n.webhooks(AlertStatus::Pending),
        n.webhooks(AlertStatus::Sent),
        n.webhooks(AlertStatus::Failed),
        n.webhooks(AlertStatus::Cancelled)
    ));
    let median = |values: &[i64]| {
        let mut v = values.to_vec();
        v.sort_unstable();
        v.get(v.len() / 2).copied()
    };
    if let Some(m) = median(&n.delivery_seconds) {
        out.push_str(&format!("median delivery time: {m} s\n"));
    }
    if let Some(m) = median(&n.acknowledgement_seconds) {
        out.push_str(&format!(
            "median time to confirmation: {:.1} h\n",
            m as f64 / 3600.0
        ));
    }
    out.push_str(&format!(
        "{:<28} {:>7} {:>7} {:>7} {:>12} {:>9}\n",
        "police area", "stored", "sent", "failed", "acknowledged", "resolved"
    ));
    for a in &n.areas {
        out.push_str(&format!(
            "{:<28} {:>7} {:>7} {:>7} {:>12} {:>9}\n",
            a.area, a.stored, a.sent, a.failed, a.acknowledged, a.resolved
        ));
    }
    out
}

pub async fn outbox_retry(state: &AppState, reference: &str) -> ExitCode {
    let Ok(reference) = Reference::parse(reference) else {
        eprintln!("`{reference}` is not a request reference (RJ-XXXX-XXXX)");
        return ExitCode::from(2);
    };
    match state.store.retry(reference, state.clock.now()).await {
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
    match state
        .store
        .resolve(reference, note, state.clock.now())
        .await
    {
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

/// The commissioners' record from `from` to `to`, or none (said on standard error).
async fn report_entries(
    state: &AppState,
    from: Month,
    to: Month,
) -> Option<Vec<crate::store::ReportEntry>> {
    state
        .store
        .report_entries(&from.to_string(), &to.to_string())
        .await
        .inspect_err(|e| eprintln!("cannot read the record: {e}"))
        .ok()
}

/// `rj report --from YYYY-MM --to YYYY-MM [--long] [--format csv|json]`: the
/// commissioners' numbers for each area and month, small counts suppressed; `--long`
/// gives every measure as rows of `month, area, measure, value`.
pub async fn report(state: &AppState, from: Month, to: Month, json: bool, long: bool) -> ExitCode {
    use crate::numbers::report;
    let Some(entries) = report_entries(state, from, to).await else {
        return ExitCode::FAILURE;
    };
    let name = |slug: &str| {
        state
            .areas
            .by_slug(slug)
            .map_or_else(|| slug.to_string(), |a| a.name.clone())
    };
    if long {
        let rows = report::long(&entries, from, to);
        if json {
            println!("{}", report::long_json(&rows, from, to));
        } else {
            print!("{}", report::long_csv(&rows));
        }
        return ExitCode::SUCCESS;
    }
    let lines = report::lines(&entries, from, to, name);
    if json {
        println!("{}", report::json(&lines, from, to));
    } else {
        print!("{}", report::csv(&lines));
    }
    ExitCode::SUCCESS
}

/// `rj report --from YYYY-MM --to YYYY-MM --format html [--lang en|cy]`: the numbers
/// page of every area that had a request, with the total, as one file on standard
/// output; the same cells as `--long`.
pub async fn report_html(
    state: &AppState,
    from: Month,
    to: Month,
    lang: crate::i18n::Lang,
) -> ExitCode {
    use crate::numbers::{report, table::Table};
    let Some(entries) = report_entries(state, from, to).await else {
        return ExitCode::FAILURE;
    };
    let mut areas: Vec<String> = entries.iter().map(|e| e.area.clone()).collect();
    areas.sort();
    areas.dedup();
    let rows = report::long_for(&entries, from, to, &areas);
    let name = |slug: &str| {
        state
            .areas
            .by_slug(slug)
            .map_or_else(|| slug.to_string(), |a| a.name(lang).to_string())
    };
    let table = Table::of(&rows, from, to);
    print!(
        "{}",
        crate::pages::numbers::file(lang, &table, state.clock.today(), &name)
    );
    ExitCode::SUCCESS
}

/// `rj feedback --from YYYY-MM --to YYYY-MM [--format csv|json]`: the feedback
/// counters for each month, page or area, language, question and answer; counts under 5
/// shown as "<5", as the report shows them.
pub async fn feedback(state: &AppState, from: Month, to: Month, json: bool) -> ExitCode {
    match state
        .store
        .feedback_counts(&from.to_string(), &to.to_string())
        .await
    {
        Ok(counts) => {
            if json {
                println!("{}", crate::numbers::feedback::json(&counts, from, to));
            } else {
                print!("{}", crate::numbers::feedback::csv(&counts));
            }
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("cannot read the feedback counters: {e}");
            ExitCode::FAILURE
        }
    }
}

/// `check-config`'s lines on the data key: its id (never the key), and how many held
/// answers each key seals. Answers under a key this instance was not given fail.
async fn data_keys_report(state: &AppState) -> bool {
    let keys = state.store.data_keys();
    println!(
        "data key: id {} (RJ_DATA_KEY{}). Every instance must show the same id.",
        keys.current_id(),
        if matches!(
            state.config.data_key,
            super::config::DataKey::DevelopmentFile
        ) {
            ": not set, so the development key file"
        } else {
            ""
        }
    );
    for id in keys.known_ids().skip(1) {
        println!("previous data key: id {id} (RJ_DATA_KEY_PREVIOUS)");
    }
    let counts = match state.store.sealed_counts().await {
        Ok(counts) => counts,
        // Reported with the database's own line (for example, migrations not applied).
        Err(_) => return true,
    };
    let mut ok = true;
    for (key, rows) in &counts.0 {
        match key {
            Some(id) if keys.knows(id) => {
                println!("answers sealed under data key {id}: {rows}")
            }
            Some(id) => {
                ok = false;
                println!(
                    "answers sealed under data key {id}: {rows}: FAILED: no key given has this \
                     id; set RJ_DATA_KEY or RJ_DATA_KEY_PREVIOUS to the key with id {id}"
                );
            }
            None => println!("answers not sealed yet (stored by an older version): {rows}"),
        }
    }
    if counts.0.is_empty() {
        println!("answers held: none");
    }
    ok
}

/// `rj keys rotate`: seals every held answer not under the current data key again under
/// it, in small transactions, while the site may be running.
/// `backup FILE`: copies the SQLite database into the new file FILE (mode 0600), its
/// answers still sealed; says which data key ids the copy needs.
async fn backup(state: &AppState, file: &str) -> ExitCode {
    let path = std::path::Path::new(file);
    match state.store.backup_into(path).await {
        Ok(()) => {
            use std::os::unix::fs::PermissionsExt;
            if let Err(e) = std::fs::set_permissions(path, std::fs::Permissions::from_mode(0o600)) {
                eprintln!("backup written to {file}, but its mode is not 0600: {e}");
                return ExitCode::FAILURE;
            }
            let keys = match state.store.sealed_counts().await {
                Ok(counts) => counts
                    .0
                    .iter()
                    .filter_map(|(k, _)| k.clone())
                    .collect::<Vec<_>>()
                    .join(", "),
                Err(e) => format!("(cannot count: {e})"),
            };
            println!(
                "backup written to {file}. Its answers are sealed: keep data key ids [{keys}]                  (RJ_DATA_KEY, RJ_DATA_KEY_PREVIOUS) as long as you keep the backup, somewhere                  other than the backup. Encrypt the file before it leaves this server."
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("backup: FAILED: {e}");
            ExitCode::FAILURE
        }
    }
}

pub async fn keys_rotate(state: &AppState) -> ExitCode {
    let keys = state.store.data_keys();
    match state.store.rotate_keys().await {
        Ok(changed) => {
            println!(
                "data key rotation: {changed} requests sealed again under data key {}.",
                keys.current_id()
            );
            match state.store.sealed_counts().await {
                Ok(counts)
                    if counts
                        .0
                        .iter()
                        .all(|(k, _)| k.as_deref() == Some(keys.current_id().as_str())) =>
                {
                    println!(
                        "Every held answer is under the current key: the previous keys can now be \
                         removed from RJ_DATA_KEY_PREVIOUS (restart each instance after)."
                    );
                    ExitCode::SUCCESS
                }
                Ok(_) => {
                    println!(
                        "Some answers were stored under an older key meanwhile (an instance \
                         without the new RJ_DATA_KEY?): give every instance the new key, then run \
                         `rj keys rotate` again."
                    );
                    ExitCode::FAILURE
                }
                Err(e) => {
                    eprintln!("cannot count the sealed answers: {e}");
                    ExitCode::FAILURE
                }
            }
        }
        Err(e) => {
            eprintln!("data key rotation: FAILED: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_command_is_read_once_and_a_mistake_gets_the_usage() {
        assert_eq!(Command::parse(&[]), Ok(Command::Serve));
        assert_eq!(Command::parse(&["serve"]), Ok(Command::Serve));
        assert_eq!(
            Command::parse(&[
                "outbox",
                "resolve",
                "RJ-AAAA-AAAA",
                "--note",
                "passed",
                "on"
            ]),
            Ok(Command::OutboxResolve {
                reference: "RJ-AAAA-AAAA".into(),
                note: "passed on".into()
            })
        );
        let report = Command::parse(&["report", "--from", "2026-01", "--to", "2026-03"]);
        assert!(matches!(
            report,
            Ok(Command::Report {
                json: false,
                long: false,
                ..
            })
        ));
        assert!(matches!(
            Command::parse(&[
                "report", "--from", "2026-01", "--to", "2026-03", "--long", "--format", "json"
            ]),
            Ok(Command::Report {
                json: true,
                long: true,
                ..
            })
        ));
        assert!(matches!(
            Command::parse(&[
                "report", "--from", "2026-01", "--to", "2026-03", "--format", "html", "--lang",
                "cy"
            ]),
            Ok(Command::ReportHtml {
                lang: crate::i18n::Lang::Cy,
                ..
            })
        ));
        assert_eq!(
            Command::parse(&["report", "--measures"]),
            Ok(Command::ReportMeasures { markdown: false })
        );
        assert_eq!(
            Command::parse(&["report", "--measures", "--format", "markdown"]),
            Ok(Command::ReportMeasures { markdown: true })
        );
        for wrong in [
            &["outbox", "resolve", "RJ-AAAA-AAAA", "--note"][..],
            &["outbox"],
            &["serve", "now"],
            &["report", "--from", "2026-01"],
            &[
                "report", "--from", "2026-01", "--to", "2026-03", "--lang", "cy",
            ],
            &[
                "report", "--from", "2026-01", "--to", "2026-03", "--long", "--format", "html",
            ],
            &[
                "report",
                "--measures",
                "--from",
                "2026-01",
                "--to",
                "2026-03",
            ],
            &[
                "report", "--from", "2026-01", "--to", "2026-03", "--format", "markdown",
            ],
            &[
                "report", "--from", "2026-01", "--to", "2026-03", "--format", "xml",
            ],
        ] {
            assert!(Command::parse(wrong).is_err(), "{wrong:?}");
        }
        assert_eq!(
            Command::parse(&["report", "--from", "2026-03", "--to", "2026-01"]),
            Err("--from 2026-03 is after --to 2026-01".to_string())
        );
        assert!(matches!(
            Command::parse(&[
                "feedback", "--from", "2026-01", "--to", "2026-03", "--format", "json"
            ]),
            Ok(Command::Feedback { json: true, .. })
        ));
        assert_eq!(
            Command::parse(&["feedback", "--from", "2026-01"]),
            Err("usage: rj feedback --from YYYY-MM --to YYYY-MM [--format csv|json]".to_string())
        );
        assert!(!Command::CheckConfig.migrates_first() && Command::Serve.migrates_first());
        assert_eq!(Command::parse(&["keys", "rotate"]), Ok(Command::KeysRotate));
        assert!(Command::KeysRotate.migrates_first());
        assert!(Command::parse(&["keys"]).is_err());
    }
}

//! The backup and restore drill (`docs/operators/backup-and-restore.md`): a database
//! with requests in every state is backed up the documented way (`rj backup` for
//! SQLite, `pg_dump` for PostgreSQL), restored into a new database, the site started on
//! it, and staff read every request in the inbox: first with the same data key, then
//! after a key rotation between the backup and the restore (the old key kept as a
//! previous key; without it the restored site refuses to start, naming the key id).

use crate::common::{self, send, text};
use axum::Router;
use axum::body::Body;
use base64::Engine;
use http::{Request, StatusCode, header};
use rj::areas::directory::{Audience, Routed, Via};
use rj::calendar::Clock;
use rj::referral::fields::{Answer3, ContactMethod, Relationship};
use rj::referral::form::Referral;
use rj::referral::reference::Reference;
use rj::server::{AppState, config::Config};
use rj::staff::{Role, Roles, Scope, session};
use rj::store::DataKeys;
use std::path::Path;
use std::process::Command;

const NOW: i64 = 1_796_000_000;
const DAY: i64 = 86_400;

/// A new data key, as `RJ_DATA_KEY` is written.
fn new_key() -> String {
    base64::engine::general_purpose::STANDARD.encode(rand::random::<[u8; 32]>())
}

fn key_id(key: &str) -> String {
    DataKeys::parse(key, None)
        .unwrap()
        .current_id()
        .as_str()
        .to_string()
}

fn referral(area: &str, name: &str) -> Referral {
    Referral {
        area: area.into(),
        relationship: Relationship::Harmed,
        full_name: name.into(),
        contact_method: ContactMethod::Phone,
        phone: Some("07700 900456".into()),
        email: None,
        voicemail_ok: false,
        say_rj_ok: true,
        safe_times: Some("Weekday mornings".into()),
        contact_language: rj::referral::form::ContactLanguage::En,
        reported: Answer3::Yes,
        crime_reference: None,
        responsible_under_18: Answer3::No,
        support_needs: None,
        message: None,
        confirmation_email: false,
    }
}

/// The site's settings: Kent straight to its service, the rest through triage.
fn vars(folder: &Path, database: &str, key: &str, previous: Option<&str>) -> Vec<(String, String)> {
    let routing = folder.join("routing.toml");
    if !routing.exists() {
        std::fs::write(
            &routing,
            "[[route]]\narea = \"kent\"\nemail = \"kent@referrals.example.org\"\n",
        )
        .unwrap();
    }
    let mut vars = vec![
        ("RJ_ROUTING".to_string(), routing.display().to_string()),
        ("RJ_PUBLIC_URL".into(), "http://localhost:3000".into()),
        ("RJ_DATABASE_URL".into(), database.into()),
        (
            "RJ_MAIL_DIR".into(),
            folder.join("mail").display().to_string(),
        ),
        ("RJ_DATA_KEY".into(), key.into()),
    ];
    if let Some(previous) = previous {
        vars.push(("RJ_DATA_KEY_PREVIOUS".into(), previous.into()));
    }
    vars
}

/// Starts the site on `database` as `rj serve` does (migrations and the data key check
/// first): its router and state, or why it refused to start.
async fn start(
    folder: &Path,
    database: &str,
    key: &str,
    previous: Option<&str>,
) -> Result<(Router, AppState), String> {
    let vars = vars(folder, database, key, previous);
    let config = Config::from_lookup("127.0.0.1:3000".parse().unwrap(), |name| {
        vars.iter().find(|(k, _)| k == name).map(|(_, v)| v.clone())
    })
    .expect("the drill's configuration is valid");
    let mut state = AppState::load(config).await.map_err(|e| e.to_string())?;
    state.clock = Clock::manual(NOW);
    Ok((rj::server::router(state.clone()), state))
}

/// What staff should find at a request after the restore.
#[derive(Clone, Copy, Debug)]
enum Holds {
    /// Its answers, with this name.
    Answers(&'static str),
    /// Purged unconfirmed: its dates only.
    Nothing,
}

/// A request the drill made, who reads it and what they should find.
struct Made {
    reference: Reference,
    reader: &'static str,
    holds: Holds,
    state: &'static str,
}

async fn store_request(state: &AppState, area: &str, via: Via, name: &str, at: i64) -> Reference {
    let reference = state
        .store
        .insert(
            &format!("drill-{name}"),
            &referral(area, name),
            at,
            rand::random,
        )
        .await
        .unwrap();
    state
        .store
        .record_route(
            reference,
            Routed {
                via,
                audience: Audience::All,
            },
        )
        .await
        .unwrap();
    reference
}

const KENT: &str = "kent.worker@example.org";
const TRIAGE: &str = "triage.worker@example.org";

/// Invites the two readers (once, on the first database).
async fn invite(state: &AppState) {
    for (email, role, areas) in [
        (KENT, Role::Service, vec!["kent"]),
        (TRIAGE, Role::Triage, vec![]),
    ] {
        let scopes: Vec<Scope> = areas
            .iter()
            .map(|a| Scope {
                area: a.to_string(),
                audience: Audience::All,
            })
            .collect();
        state
            .store
            .invite(
                email,
                &Roles::new(vec![role]),
                &scopes,
                &session::hash(&session::new_token()),
                NOW,
                NOW + 3600,
            )
            .await
            .unwrap();
    }
}

/// Signs `email` in on this database (a new session): its cookie.
async fn sign_in(state: &AppState, email: &str) -> String {
    let id = state
        .store
        .member_by_email(email)
        .await
        .unwrap()
        .unwrap_or_else(|| panic!("{email} is a member on this database"));
    let token = session::new_token();
    state
        .store
        .start_session(&session::hash(&token), id, state.clock.now())
        .await
        .unwrap();
    token
}

async fn get_as(app: &Router, cookie: &str, path: &str) -> (StatusCode, String) {
    let req = Request::get(path)
        .header(header::COOKIE, format!("{}={cookie}", session::COOKIE))
        .body(Body::empty())
        .unwrap();
    let res = send(app, req).await;
    (res.status(), text(res).await)
}

async fn post_as(app: &Router, cookie: &str, path: &str, form: &str) {
    let req = Request::post(path)
        .header(header::COOKIE, format!("{}={cookie}", session::COOKIE))
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(form.to_string()))
        .unwrap();
    let res = send(app, req).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "{path} {form}");
}

/// Requests in every state the inbox knows, made through the staff inbox's own
/// actions: new (straight to a service, and through triage), received, contacted,
/// closed, passed on inside the site and outside it, and purged unconfirmed.
async fn fill(app: &Router, state: &AppState) -> Vec<Made> {
    invite(state).await;
    let kent = sign_in(state, KENT).await;
    let triage = sign_in(state, TRIAGE).await;
    let day_ago = NOW - DAY;
    let mut made = Vec::new();
    let mut add = |reference, reader, holds, state| {
        made.push(Made {
            reference,
            reader,
            holds,
            state,
        })
    };

    let r = store_request(state, "kent", Via::Direct, "Drill New", day_ago).await;
    add(r, KENT, Holds::Answers("Drill New"), "Waiting");
    let r = store_request(state, "essex", Via::Triage, "Drill Triage", day_ago).await;
    add(r, TRIAGE, Holds::Answers("Drill Triage"), "Waiting");

    let r = store_request(state, "kent", Via::Direct, "Drill Received", day_ago).await;
    post_as(app, &kent, &format!("/staff/requests/{r}/received"), "").await;
    add(r, KENT, Holds::Answers("Drill Received"), "Received");

    let r = store_request(state, "kent", Via::Direct, "Drill Contacted", day_ago).await;
    post_as(app, &kent, &format!("/staff/requests/{r}/received"), "").await;
    post_as(app, &kent, &format!("/staff/requests/{r}/contacted"), "").await;
    add(r, KENT, Holds::Answers("Drill Contacted"), "Contacted");

    let r = store_request(state, "kent", Via::Direct, "Drill Closed", day_ago).await;
    post_as(app, &kent, &format!("/staff/requests/{r}/received"), "").await;
    post_as(
        app,
        &kent,
        &format!("/staff/requests/{r}/closed"),
        "outcome=direct-meeting",
    )
    .await;
    add(r, KENT, Holds::Answers("Drill Closed"), "Closed");

    let r = store_request(state, "essex", Via::Triage, "Drill Outside", day_ago).await;
    post_as(
        app,
        &triage,
        &format!("/staff/requests/{r}/pass-on"),
        "outside=Victim+Support+Essex",
    )
    .await;
    add(r, TRIAGE, Holds::Answers("Drill Outside"), "Passed on");

    // Passed on inside the site: now Kent's, waiting.
    let r = store_request(state, "essex", Via::Triage, "Drill Inside", day_ago).await;
    post_as(
        app,
        &triage,
        &format!("/staff/requests/{r}/pass-on"),
        "area=kent",
    )
    .await;
    add(r, KENT, Holds::Answers("Drill Inside"), "Waiting");

    // Nobody confirmed it within the retention period: purged, its answers gone.
    let old = NOW - 40 * DAY;
    let r = store_request(state, "kent", Via::Direct, "Drill Purged", old).await;
    let purged = state.store.purge(NOW - 30 * DAY).await.unwrap();
    assert_eq!(purged, vec![r]);
    add(r, KENT, Holds::Nothing, "");
    made
}

/// Staff sign in on the restored site and read every request: its answers where they
/// are held, "deleted" where they were purged.
async fn read_every_request(app: &Router, state: &AppState, made: &[Made]) {
    let kent = sign_in(state, KENT).await;
    let triage = sign_in(state, TRIAGE).await;
    let (status, list) = get_as(app, &kent, "/staff").await;
    assert_eq!(status, StatusCode::OK);
    for m in made {
        let cookie = if m.reader == KENT { &kent } else { &triage };
        let (status, page) = get_as(app, cookie, &format!("/staff/requests/{}", m.reference)).await;
        assert_eq!(status, StatusCode::OK, "{} after the restore", m.reference);
        match m.holds {
            Holds::Answers(name) => {
                assert!(page.contains(name), "{name}'s answers after the restore");
                assert!(page.contains(m.state), "{name} is {}: {page}", m.state);
            }
            Holds::Nothing => assert!(
                page.contains("The answers have been deleted under the retention rules."),
                "{page}"
            ),
        }
        if m.reader == KENT && matches!(m.holds, Holds::Answers(_)) && m.state != "Closed" {
            assert!(
                list.contains(&m.reference.to_string()),
                "{} in Kent's list",
                m.reference
            );
        }
    }
}

/// How many rows the audit log holds: a restore brings back the log as it was.
async fn audit_rows(state: &AppState) -> usize {
    state
        .store
        .audit_rows(0, i64::MAX, 100_000)
        .await
        .unwrap()
        .len()
}

/// `rj backup FILE`, the real binary, as an operator runs it.
fn rj_backup(folder: &Path, database: &str, key: &str, file: &Path) -> String {
    let mut command = Command::new(env!("CARGO_BIN_EXE_rj"));
    command
        .arg("backup")
        .arg(file)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("RUST_LOG", "error");
    for (k, v) in vars(folder, database, key, None) {
        command.env(k, v);
    }
    let out = command.output().unwrap();
    let said = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(
        out.status.success(),
        "rj backup: {said}{}",
        String::from_utf8_lossy(&out.stderr)
    );
    said
}

/// The live database after the backup: the key rotated the documented way (new key,
/// the old one previous, `rj keys rotate`, then the old one dropped).
async fn rotate_live(folder: &Path, database: &str, old: &str, new: &str) {
    let (_, state) = start(folder, database, new, Some(old)).await.unwrap();
    state.store.rotate_keys().await.unwrap();
    let (_, state) = start(folder, database, new, None).await.unwrap();
    let counts = state.store.sealed_counts().await.unwrap();
    assert!(
        counts
            .0
            .iter()
            .all(|(k, _)| k.as_deref() == Some(key_id(new).as_str())),
        "{counts:?}"
    );
}

/// After a rotation, the restored backup (sealed under the old key) needs the old key:
/// without it the site refuses to start and names it; with it as a previous key staff
/// read everything, and `rj keys rotate` brings the copy under the new key.
async fn restore_after_rotation(
    folder: &Path,
    restored: &str,
    old: &str,
    new: &str,
    made: &[Made],
) {
    let refused = start(folder, restored, new, None)
        .await
        .err()
        .expect("refused");
    assert!(refused.contains(&key_id(old)), "{refused}");
    assert!(refused.contains("RJ_DATA_KEY_PREVIOUS"), "{refused}");

    let (app, state) = start(folder, restored, new, Some(old)).await.unwrap();
    read_every_request(&app, &state, made).await;
    assert!(state.store.rotate_keys().await.unwrap() > 0);
    let (app, state) = start(folder, restored, new, None).await.unwrap();
    read_every_request(&app, &state, made).await;
}

#[tokio::test]
async fn sqlite_backup_restores_with_the_same_key_and_after_a_rotation() {
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path();
    let live = format!("sqlite://{}/live.db", dir.display());
    let key = new_key();
    let (app, state) = start(dir, &live, &key, None).await.unwrap();
    let made = fill(&app, &state).await;
    let audited = audit_rows(&state).await;
    // Received three times, contacted, closed, passed on twice.
    assert_eq!(audited, 7, "the drill's actions are audited");
    drop((app, state));

    let file = dir.join("backup.db");
    let said = rj_backup(dir, &live, &key, &file);
    assert!(
        said.contains(&key_id(&key)),
        "names the key it needs: {said}"
    );
    use std::os::unix::fs::PermissionsExt;
    assert_eq!(
        std::fs::metadata(&file).unwrap().permissions().mode() & 0o777,
        0o600
    );
    // A backup never overwrites a file.
    let again = Command::new(env!("CARGO_BIN_EXE_rj"))
        .arg("backup")
        .arg(&file)
        .env_clear()
        .envs(vars(dir, &live, &key, None))
        .output()
        .unwrap();
    assert!(!again.status.success());

    // The same key: restored into a new file (a copy, as an operator installs it).
    let restored = dir.join("restored.db");
    std::fs::copy(&file, &restored).unwrap();
    let restored_url = format!("sqlite://{}", restored.display());
    let (app, state) = start(dir, &restored_url, &key, None).await.unwrap();
    assert_eq!(
        audit_rows(&state).await,
        audited,
        "the audit log is restored"
    );
    read_every_request(&app, &state, &made).await;
    drop((app, state));

    // A rotation on the live site between the backup and the restore.
    let new = new_key();
    rotate_live(dir, &live, &key, &new).await;
    let second = dir.join("restored-after-rotation.db");
    std::fs::copy(&file, &second).unwrap();
    let second_url = format!("sqlite://{}", second.display());
    restore_after_rotation(dir, &second_url, &key, &new, &made).await;
}

#[tokio::test]
async fn rj_backup_refuses_postgres_and_names_pg_dump() {
    let Some(server) = common::postgres::server() else {
        return;
    };
    let folder = tempfile::tempdir().unwrap();
    let url = server.new_database("backup_refused");
    let out = Command::new(env!("CARGO_BIN_EXE_rj"))
        .arg("backup")
        .arg(folder.path().join("x.db"))
        .env_clear()
        .envs(vars(folder.path(), &url, &new_key(), None))
        .env("RUST_LOG", "error")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("pg_dump"));
    assert!(!folder.path().join("x.db").exists());
}

/// `pg_dump --format=custom` of the database at `url`, then `pg_restore` into a new
/// database: its address.
fn pg_backup_and_restore(
    server: &common::postgres::Postgres,
    url: &str,
    file: &Path,
    hint: &str,
) -> String {
    if !file.exists() {
        let out = Command::new(server.program("pg_dump"))
            .args(["--format=custom", "--no-password", "--file"])
            .arg(file)
            .arg(url)
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "pg_dump: {}",
            String::from_utf8_lossy(&out.stderr)
        );
    }
    let restored = server.new_database(hint);
    let out = Command::new(server.program("pg_restore"))
        .args(["--no-owner", "--exit-on-error", "--no-password"])
        .arg(format!("--dbname={restored}"))
        .arg(file)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "pg_restore: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    restored
}

#[tokio::test]
async fn postgres_backup_restores_with_the_same_key_and_after_a_rotation() {
    let Some(server) = common::postgres::server() else {
        return;
    };
    let folder = tempfile::tempdir().unwrap();
    let dir = folder.path();
    let live = server.new_database("drill_live");
    let key = new_key();
    let (app, state) = start(dir, &live, &key, None).await.unwrap();
    let made = fill(&app, &state).await;
    let audited = audit_rows(&state).await;
    drop((app, state));

    let file = dir.join("rj.dump");
    let restored = pg_backup_and_restore(server, &live, &file, "drill_restored");
    let (app, state) = start(dir, &restored, &key, None).await.unwrap();
    assert_eq!(
        audit_rows(&state).await,
        audited,
        "the audit log is restored"
    );
    read_every_request(&app, &state, &made).await;
    drop((app, state));

    let new = new_key();
    rotate_live(dir, &live, &key, &new).await;
    let second = pg_backup_and_restore(server, &live, &file, "drill_rotated");
    restore_after_rotation(dir, &second, &key, &new, &made).await;
}

//! A real PostgreSQL for tests: Debian's server (`make test` installs the `postgresql`
//! package), a new cluster in a temporary folder, listening on a free loopback port. One
//! server per test binary, started by the first test that asks; each test gets its own
//! database. It stops, and its folder is deleted, when the test binary exits: a small
//! shell supervisor holds it and waits for its standard input to close.
//!
//! `initdb` and `postgres` refuse to run as root, so when the tests run as root the
//! cluster belongs to the `postgres` user (created by the Debian package) and both run
//! as that user; otherwise they run as whoever runs the tests.
//!
//! When PostgreSQL is not installed or does not start, `server()` says so loudly and
//! returns `None` (the PostgreSQL half of a test is then skipped), unless
//! `RJ_REQUIRE_SERVERS` is set, as `make test` does: then it fails.

use std::io::Write;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{ChildStdin, Command, Stdio};
use std::sync::atomic::{AtomicU32, Ordering};
use std::sync::{Mutex, OnceLock};
use std::time::Duration;

pub struct Postgres {
    bin: PathBuf,
    pub port: u16,
    pub folder: PathBuf,
    /// Closing it (when the test binary exits) stops the server.
    _lifeline: Mutex<ChildStdin>,
}

/// The superuser the tests connect as (trusted on loopback only).
const USER: &str = "rj";

/// The server for this test binary, started on first use.
pub fn server() -> Option<&'static Postgres> {
    static SERVER: OnceLock<Option<Postgres>> = OnceLock::new();
    SERVER
        .get_or_init(|| match start() {
            Ok(server) => Some(server),
            Err(why) => {
                let message = format!(
                    "PostgreSQL is not available here ({why}). Install Debian's `postgresql` \
                     package (`make test` does)."
                );
                assert!(
                    std::env::var_os("RJ_REQUIRE_SERVERS").is_none(),
                    "RJ_REQUIRE_SERVERS is set: {message}"
                );
                eprintln!(
                    "\n!!!!!!!! SKIPPING THE POSTGRESQL TESTS !!!!!!!!\n!!!!!!!! {message}\n"
                );
                None
            }
        })
        .as_ref()
}

impl Postgres {
    /// A new, empty database, and the address the site would be given for it.
    pub fn new_database(&self, hint: &str) -> String {
        static NEXT: AtomicU32 = AtomicU32::new(0);
        let clean: String = hint
            .chars()
            .map(|c| {
                if c.is_ascii_alphanumeric() {
                    c.to_ascii_lowercase()
                } else {
                    '_'
                }
            })
            .take(40)
            .collect();
        let name = format!("t{}_{clean}", NEXT.fetch_add(1, Ordering::Relaxed));
        self.sql("postgres", &format!("CREATE DATABASE {name}"));
        self.url(&name)
    }

    pub fn url(&self, database: &str) -> String {
        format!("postgres://{USER}@127.0.0.1:{}/{database}", self.port)
    }

    /// Runs `sql` in `database` with psql; returns what it prints (unaligned, tuples only).
    pub fn sql(&self, database: &str, sql: &str) -> String {
        let out = Command::new(self.bin.join("psql"))
            .args([
                "-X",
                "-q",
                "-A",
                "-t",
                "-v",
                "ON_ERROR_STOP=1",
                "-h",
                "127.0.0.1",
            ])
            .args([
                "-p",
                &self.port.to_string(),
                "-U",
                USER,
                "-d",
                database,
                "-c",
                sql,
            ])
            .output()
            .expect("psql runs");
        assert!(
            out.status.success(),
            "psql failed on {sql}: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    /// One of the server's programs (`pg_dump`, `pg_restore`), the same version as it.
    pub fn program(&self, name: &str) -> PathBuf {
        self.bin.join(name)
    }

    /// `pg_dump` of `database` (plain SQL): what a backup of it holds.
    pub fn dump(&self, database: &str) -> Vec<u8> {
        let out = Command::new(self.bin.join("pg_dump"))
            .args(["-h", "127.0.0.1", "-p", &self.port.to_string(), "-U", USER])
            .args(["--no-password", database])
            .output()
            .expect("pg_dump runs");
        assert!(
            out.status.success(),
            "pg_dump failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        out.stdout
    }
}

/// Debian's newest installed server: `/usr/lib/postgresql/<version>/bin`.
fn binaries() -> Result<PathBuf, String> {
    let mut found: Vec<(u32, PathBuf)> = std::fs::read_dir("/usr/lib/postgresql")
        .map_err(|_| "no /usr/lib/postgresql".to_string())?
        .filter_map(Result::ok)
        .filter_map(|e| {
            let version = e.file_name().to_str()?.parse::<u32>().ok()?;
            let bin = e.path().join("bin");
            bin.join("initdb").exists().then_some((version, bin))
        })
        .collect();
    found.sort();
    found
        .pop()
        .map(|(_, bin)| bin)
        .ok_or_else(|| "no initdb under /usr/lib/postgresql/*/bin".into())
}

/// The user and group to run the server as when we are root: `postgres`.
fn run_as() -> Result<Option<(u32, u32)>, String> {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let euid = status
        .lines()
        .find_map(|l| l.strip_prefix("Uid:"))
        .and_then(|ids| ids.split_whitespace().nth(1))
        .and_then(|id| id.parse::<u32>().ok());
    if euid != Some(0) {
        return Ok(None);
    }
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    passwd
        .lines()
        .map(|l| l.split(':').collect::<Vec<_>>())
        .find(|f| f.len() > 3 && f[0] == "postgres")
        .and_then(|f| Some((f[2].parse().ok()?, f[3].parse().ok()?)))
        .map(Some)
        .ok_or_else(|| "running as root and there is no `postgres` user to run it as".into())
}

fn command(program: &Path, user: Option<(u32, u32)>) -> Command {
    let mut c = Command::new(program);
    if let Some((uid, gid)) = user {
        c.uid(uid).gid(gid);
        // The root's HOME is not theirs to read.
        c.env("HOME", "/tmp");
    }
    c
}

fn start() -> Result<Postgres, String> {
    let bin = binaries()?;
    let user = run_as()?;
    let folder = tempfile::Builder::new()
        .prefix("rj-postgres-")
        .tempdir()
        .map_err(|e| format!("no temporary folder: {e}"))?
        .keep();
    if let Some((uid, gid)) = user {
        std::os::unix::fs::chown(&folder, Some(uid), Some(gid))
            .map_err(|e| format!("cannot hand the folder to postgres: {e}"))?;
    }
    let data = folder.join("data");
    let init = command(&bin.join("initdb"), user)
        .args(["-D"])
        .arg(&data)
        .args([
            "-U",
            USER,
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C",
            "--no-sync",
        ])
        .output()
        .map_err(|e| format!("initdb does not run: {e}"))?;
    if !init.status.success() {
        let _ = std::fs::remove_dir_all(&folder);
        return Err(format!(
            "initdb failed: {}",
            String::from_utf8_lossy(&init.stderr).trim()
        ));
    }
    let port = super::smtp::free_port();
    // Durability is not under test here (no test crashes the database), so the server
    // skips its disk flushes; the benchmark runs it with real ones.
    let script = r#"
        "$1/postgres" -D "$2/data" -p "$3" -k "$2" -c listen_addresses=127.0.0.1 \
            -c fsync=off -c synchronous_commit=off -c full_page_writes=off \
            -c max_connections=200 >> "$2/server.log" 2>&1 &
        server=$!
        cat > /dev/null
        kill -QUIT "$server" 2>/dev/null
        wait "$server"
        rm -rf "$2"
    "#;
    let mut supervisor = command(Path::new("/bin/sh"), user)
        .args(["-c", script, "supervisor"])
        .arg(&bin)
        .arg(&folder)
        .arg(port.to_string())
        .stdin(Stdio::piped())
        .stdout(Stdio::null())
        .spawn()
        .map_err(|e| format!("cannot start the server: {e}"))?;
    let lifeline = supervisor.stdin.take().expect("piped");
    let server = Postgres {
        bin,
        port,
        folder: folder.clone(),
        _lifeline: Mutex::new(lifeline),
    };
    let ready = super::wait::try_wait_until(Duration::from_secs(30), || {
        if supervisor.try_wait().ok().flatten().is_some() {
            return Ok(false); // it stopped: no use waiting
        }
        let ready = Command::new(server.bin.join("pg_isready"))
            .args(["-q", "-h", "127.0.0.1", "-p", &port.to_string()])
            .status()
            .is_ok_and(|s| s.success());
        if ready { Ok(true) } else { Err(String::new()) }
    });
    if ready != Ok(true) {
        let log = std::fs::read_to_string(folder.join("server.log")).unwrap_or_default();
        return Err(format!("the server did not start: {}", log.trim()));
    }
    let _ = writeln!(
        std::io::stderr(),
        "PostgreSQL for the tests on 127.0.0.1:{port}"
    );
    Ok(server)
}

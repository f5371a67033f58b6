//! A real OpenID provider for tests: Node's `oidc-provider` (installed by `npm ci`)
//! running `tests/oidc/provider.mjs` on a free loopback port, stopped when dropped.
//! Staff sign in through it, and the mail worker takes its SMTP token from it.
//!
//! When Node or the package is missing, `start` says so and returns `None` (that test is
//! skipped), unless `RJ_REQUIRE_SERVERS` is set, as `make test` does: then it fails.

use serde_json::{Value, json};
use std::io::BufRead;
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// A running provider.
pub struct Provider {
    child: Child,
    pub port: u16,
    /// `http://localhost:PORT`: a host name, as passkeys and cookies want.
    pub issuer: String,
    /// Its configuration file, kept for the provider's life.
    _dir: tempfile::TempDir,
}

/// One client the provider knows: `client_id`, `client_secret`, and the rest of the
/// registration (`redirect_uris`, `grant_types`, …) as `oidc-provider` takes it.
pub fn client(id: &str, secret: &str, redirect_uris: &[String], grant_types: &[&str]) -> Value {
    json!({
        "client_id": id,
        "client_secret": secret,
        "redirect_uris": redirect_uris,
        "grant_types": grant_types,
        "response_types": if grant_types.contains(&"authorization_code") { json!(["code"]) } else { json!([]) },
    })
}

impl Provider {
    /// Starts a provider with these clients and extra settings (`ttl`,
    /// `clock_offset_seconds`; see the script's header).
    pub fn start(clients: Vec<Value>, extra: Value) -> Option<Provider> {
        Self::start_on(super::smtp::free_port(), clients, extra)
    }

    /// As [`Provider::start`], on `port` (a provider that was down comes back where the
    /// site expects it).
    pub fn start_on(port: u16, clients: Vec<Value>, extra: Value) -> Option<Provider> {
        let issuer = format!("http://localhost:{port}");
        let mut config = json!({ "port": port, "issuer": issuer, "clients": clients });
        if let (Some(c), Some(e)) = (config.as_object_mut(), extra.as_object()) {
            c.extend(e.clone());
        }
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("provider.json");
        std::fs::write(&file, config.to_string()).unwrap();
        match spawn(&file) {
            Ok(child) => Some(Provider {
                child,
                port,
                issuer,
                _dir: dir,
            }),
            Err(why) => {
                assert!(
                    std::env::var_os("RJ_REQUIRE_SERVERS").is_none(),
                    "RJ_REQUIRE_SERVERS is set: {why}"
                );
                eprintln!("SKIPPED: no OpenID provider ({why})");
                None
            }
        }
    }

    /// The token endpoint (client credentials, and the code flow's exchange).
    pub fn token_url(&self) -> String {
        format!("{}/token", self.issuer)
    }

    /// The introspection endpoint (RFC 7662): whether a token is active, and whose.
    pub fn introspection_url(&self) -> String {
        format!("{}/token/introspection", self.issuer)
    }
}

fn spawn(config: &Path) -> Result<Child, String> {
    if !Path::new("node_modules/oidc-provider").exists() {
        return Err("node_modules/oidc-provider is missing: run `npm ci`".into());
    }
    let mut child = Command::new("node")
        .arg("tests/oidc/provider.mjs")
        .arg(config)
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("node does not run: {e}"))?;
    let mut line = String::new();
    let mut out = std::io::BufReader::new(child.stdout.take().unwrap());
    out.read_line(&mut line).map_err(|e| e.to_string())?;
    if line.trim() != "ready" {
        let _ = child.kill();
        return Err(format!("the provider did not start: {line:?}"));
    }
    // Keep reading what it prints (its notices): a closed pipe would end it at the next.
    std::thread::spawn(move || for _ in out.lines() {});
    Ok(child)
}

impl Drop for Provider {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

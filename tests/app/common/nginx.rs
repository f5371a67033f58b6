//! Debian's nginx in front of site instances, configured from `deploy/nginx/`: the
//! upstream block of `rj.conf` (its servers moved to the tests' ports) and the proxy
//! settings of `rj-proxy.conf` as they are, on plain HTTP on a loopback port in place of
//! the HTTPS server. Stopped when dropped.

use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Nginx {
    child: Child,
    pub port: u16,
    _dir: tempfile::TempDir,
}

/// The binary, or why there is none.
pub fn binary() -> Result<&'static str, String> {
    let path = "/usr/sbin/nginx";
    if Path::new(path).exists() {
        Ok(path)
    } else {
        Err("no /usr/sbin/nginx (Debian's nginx-light; `make test` installs it)".into())
    }
}

/// `deploy/nginx/rj.conf`'s `upstream rj { … }` block with the instances' ports in the
/// order the file lists them replaced by `ports`.
pub fn upstream_block(ports: &[u16]) -> String {
    let conf = std::fs::read_to_string("deploy/nginx/rj.conf").expect("deploy/nginx/rj.conf");
    let start = conf.find("upstream rj {").expect("an `upstream rj` block");
    let end = start + conf[start..].find("\n}").expect("the block ends") + 2;
    let server = regex::Regex::new(r"server\s+127\.0\.0\.1:\d+").unwrap();
    let mut next = ports.iter();
    let block = server.replace_all(&conf[start..end], |_: &regex::Captures| {
        format!(
            "server 127.0.0.1:{}",
            next.next().expect("as many ports as servers")
        )
    });
    assert!(
        next.next().is_none(),
        "rj.conf lists fewer instances than the test runs"
    );
    block.into_owned()
}

impl Nginx {
    pub fn start(ports: &[u16]) -> Nginx {
        let nginx = binary().unwrap();
        let dir = tempfile::tempdir().unwrap();
        // nginx's workers run as an unprivileged user when the tests run as root.
        std::fs::set_permissions(
            dir.path(),
            std::os::unix::fs::PermissionsExt::from_mode(0o755),
        )
        .unwrap();
        let port = super::smtp::free_port();
        let d = dir.path().display();
        let proxy = std::fs::canonicalize("deploy/nginx/rj-proxy.conf").unwrap();
        let conf = format!(
            "daemon off;\nworker_processes 1;\npid {d}/nginx.pid;\nerror_log {d}/error.log warn;\n\
             events {{ worker_connections 512; }}\n\
             http {{\n\
               access_log off;\n\
               client_body_temp_path {d}/body; proxy_temp_path {d}/proxy;\n\
               fastcgi_temp_path {d}/fastcgi; uwsgi_temp_path {d}/uwsgi; scgi_temp_path {d}/scgi;\n\
               {upstream}\n\
               server {{\n  listen 127.0.0.1:{port};\n  include {proxy};\n}}\n\
             }}\n",
            upstream = upstream_block(ports),
            proxy = proxy.display(),
        );
        std::fs::write(dir.path().join("nginx.conf"), conf).unwrap();
        let mut child = Command::new(nginx)
            .arg("-p")
            .arg(dir.path())
            .arg("-c")
            .arg(dir.path().join("nginx.conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("nginx runs");
        super::wait::wait_until_within(Duration::from_secs(10), "nginx to start", || {
            if let Ok(Some(status)) = child.try_wait() {
                panic!(
                    "nginx stopped ({status}): {}",
                    std::fs::read_to_string(dir.path().join("error.log")).unwrap_or_default()
                );
            }
            std::net::TcpStream::connect(("127.0.0.1", port))
                .map(drop)
                .map_err(|e| e.to_string())
        });
        Nginx {
            child,
            port,
            _dir: dir,
        }
    }
}

impl Drop for Nginx {
    fn drop(&mut self) {
        // TERM: the master stops its workers too (a KILL would leave them running).
        let _ = Command::new("kill")
            .args(["-TERM", &self.child.id().to_string()])
            .status();
        let _ = self.child.wait();
    }
}

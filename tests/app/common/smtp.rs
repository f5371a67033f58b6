//! A real SMTP server for tests (Debian's python3-aiosmtpd running `tests/smtp/server.py`
//! on a loopback port), and a free port to run it on.

use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};

/// A real SMTP server on a loopback port, writing what it receives to a folder; stopped
/// when dropped.
pub struct SmtpServer {
    child: Child,
    folder: PathBuf,
}

impl SmtpServer {
    pub fn start(port: u16, folder: &Path) -> SmtpServer {
        Self::start_with(port, folder, &[])
    }

    /// As [`SmtpServer::start`], with the script's further options (`--xoauth2 …`, see
    /// its header).
    pub fn start_with(port: u16, folder: &Path, options: &[&str]) -> SmtpServer {
        let mut child = Command::new("/usr/bin/python3")
            .args(["tests/smtp/server.py", &port.to_string()])
            .arg(folder)
            .args(options)
            .stdout(Stdio::piped())
            .spawn()
            .expect("python3 runs (Debian's python3-aiosmtpd; `make test` installs it)");
        let mut line = String::new();
        std::io::BufRead::read_line(
            &mut std::io::BufReader::new(child.stdout.take().unwrap()),
            &mut line,
        )
        .unwrap();
        assert_eq!(line.trim(), "ready", "the SMTP server started");
        SmtpServer {
            child,
            folder: folder.to_path_buf(),
        }
    }

    /// The messages received so far, with their envelope recipients.
    pub fn messages(&self) -> Vec<(String, Vec<u8>)> {
        let mut names: Vec<_> = std::fs::read_dir(&self.folder)
            .unwrap()
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.extension().is_some_and(|e| e == "eml"))
            .collect();
        names.sort();
        names
            .into_iter()
            .map(|p| {
                (
                    std::fs::read_to_string(p.with_extension("rcpt")).unwrap(),
                    std::fs::read(p).unwrap(),
                )
            })
            .collect()
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

pub fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

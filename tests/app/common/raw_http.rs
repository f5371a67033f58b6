//! Plain HTTP/1.1 to the real binary on a loopback port, with nothing between: for the
//! tests that start `rj` as a process (faults, webhooks). A request may come from any
//! 127.x.y.z address, as clients on different networks.

use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpStream};
use std::time::Duration;

/// A minimal HTTP/1.1 request; returns the status line's code, headers and body.
pub fn http(
    port: u16,
    method: &str,
    path: &str,
    body: &str,
) -> std::io::Result<(u16, String, String)> {
    http_from(Ipv4Addr::LOCALHOST, port, method, path, body)
}

/// The same, from the loopback address `source` (127.x.y.z), as a client elsewhere.
pub fn http_from(
    source: Ipv4Addr,
    port: u16,
    method: &str,
    path: &str,
    body: &str,
) -> std::io::Result<(u16, String, String)> {
    let socket = socket2::Socket::new(socket2::Domain::IPV4, socket2::Type::STREAM, None)?;
    socket.bind(&SocketAddr::from((source, 0)).into())?;
    socket.connect(&SocketAddr::from((Ipv4Addr::LOCALHOST, port)).into())?;
    let mut s: TcpStream = socket.into();
    s.set_read_timeout(Some(Duration::from_secs(60)))?;
    write!(
        s,
        "{method} {path} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\nSec-Fetch-Site: same-origin\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )?;
    let mut response = String::new();
    s.read_to_string(&mut response)?;
    let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
    let code = head
        .split(' ')
        .nth(1)
        .and_then(|c| c.parse().ok())
        .unwrap_or(0);
    Ok((code, head.to_string(), body.to_string()))
}

/// Form-encoded, as a browser sends a field.
pub fn encode(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// The form token on a page.
pub fn token_in(page: &str) -> Option<String> {
    let pattern = "name=\"token\" value=\"";
    let at = page.find(pattern)? + pattern.len();
    Some(page[at..at + page[at..].find('"')?].to_string())
}

/// The `Location` of a redirect's head.
pub fn location_in(head: &str) -> String {
    head.lines()
        .find_map(|l| l.strip_prefix("location: "))
        .expect("a redirect")
        .trim()
        .to_string()
}

//! The hourly limit on new referral requests per client, and how a request's client is
//! told apart: by the socket's address, or by the address a trusted reverse proxy puts
//! in a header (`RJ_CLIENT_IP_HEADER`).

use axum::extract::{ConnectInfo, Request};
use http::HeaderName;
use std::collections::{HashMap, VecDeque};
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// How many new requests each client has sent in the last hour. Kept in memory: a
/// restart forgets the counts, which only ever lets people through.
pub struct SendLimiter {
    per_hour: u32,
    sent: Mutex<HashMap<IpAddr, VecDeque<Instant>>>,
}

impl SendLimiter {
    pub fn new(per_hour: u32) -> Self {
        Self {
            per_hour,
            sent: Mutex::new(HashMap::new()),
        }
    }

    /// Counts one request from `client`, or says no if the hour's limit is reached.
    pub fn allow(&self, client: IpAddr) -> bool {
        if self.per_hour == 0 {
            return true;
        }
        let now = Instant::now();
        let mut sent = self.sent.lock().unwrap_or_else(|e| e.into_inner());
        sent.retain(|_, times| {
            while times
                .front()
                .is_some_and(|t| now.duration_since(*t) > Duration::from_secs(3600))
            {
                times.pop_front();
            }
            !times.is_empty()
        });
        let times = sent.entry(client).or_default();
        if times.len() >= self.per_hour as usize {
            return false;
        }
        times.push_back(now);
        true
    }
}

/// Who sent `req`, for the limit. With `trusted_header` (set only when every request
/// comes through a proxy that writes it), the last address in that header: the one the
/// nearest proxy added, which a client cannot forge. Otherwise, or when the header is
/// missing or unreadable, the socket's address. IPv6 clients count by their /64
/// network, since one home or phone can use any address in it.
pub fn client_of(req: &Request, trusted_header: Option<&HeaderName>) -> IpAddr {
    let from_header = trusted_header
        .and_then(|name| req.headers().get_all(name).iter().next_back())
        .and_then(|value| value.to_str().ok())
        .and_then(|list| list.rsplit(',').next())
        .and_then(parse_address);
    let ip = from_header.unwrap_or_else(|| {
        req.extensions()
            .get::<ConnectInfo<SocketAddr>>()
            .map_or(IpAddr::V4(Ipv4Addr::UNSPECIFIED), |c| c.0.ip())
    });
    match ip {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6(Ipv6Addr::from_bits(v6.to_bits() & !((1u128 << 64) - 1))),
        },
        v4 => v4,
    }
}

/// An address as proxies write it: `203.0.113.5`, `2001:db8::1`, `[2001:db8::1]:443`
/// or `203.0.113.5:443`.
fn parse_address(text: &str) -> Option<IpAddr> {
    let text = text.trim();
    text.parse::<IpAddr>()
        .ok()
        .or_else(|| text.parse::<SocketAddr>().ok().map(|s| s.ip()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Body;

    fn request(headers: &[(&str, &str)], socket: Option<&str>) -> Request {
        let mut builder = Request::get("/");
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        let mut req = builder.body(Body::empty()).unwrap();
        if let Some(addr) = socket {
            req.extensions_mut()
                .insert(ConnectInfo::<SocketAddr>(addr.parse().unwrap()));
        }
        req
    }

    fn ip(text: &str) -> IpAddr {
        text.parse().unwrap()
    }

    #[test]
    fn without_a_trusted_header_the_socket_decides() {
        let req = request(
            &[("x-forwarded-for", "198.51.100.1")],
            Some("203.0.113.9:5000"),
        );
        assert_eq!(client_of(&req, None), ip("203.0.113.9"));
        assert_eq!(client_of(&request(&[], None), None), ip("0.0.0.0"));
    }

    #[test]
    fn a_trusted_header_gives_the_address_the_nearest_proxy_added() {
        let xff = HeaderName::from_static("x-forwarded-for");
        let req = request(
            &[("x-forwarded-for", "1.2.3.4, 198.51.100.1")],
            Some("10.0.0.2:5000"),
        );
        assert_eq!(client_of(&req, Some(&xff)), ip("198.51.100.1"));
        let req = request(&[("x-forwarded-for", "[2001:db8::1]:443")], None);
        assert_eq!(client_of(&req, Some(&xff)), ip("2001:db8::"));
        // Missing or unreadable: the socket's address.
        let req = request(&[("x-forwarded-for", "not an address")], Some("10.0.0.2:1"));
        assert_eq!(client_of(&req, Some(&xff)), ip("10.0.0.2"));
        assert_eq!(
            client_of(&request(&[], Some("10.0.0.2:1")), Some(&xff)),
            ip("10.0.0.2")
        );
    }

    #[test]
    fn ipv6_clients_count_by_network() {
        let a = request(&[], Some("[2001:db8:1:2:aaaa::1]:1"));
        let b = request(&[], Some("[2001:db8:1:2:bbbb::9]:1"));
        assert_eq!(client_of(&a, None), client_of(&b, None));
        let mapped = request(&[], Some("[::ffff:203.0.113.9]:1"));
        assert_eq!(client_of(&mapped, None), ip("203.0.113.9"));
    }

    #[test]
    fn the_limit_counts_each_client_for_an_hour() {
        let limiter = SendLimiter::new(2);
        let (a, b) = (ip("203.0.113.1"), ip("203.0.113.2"));
        assert!(limiter.allow(a) && limiter.allow(a));
        assert!(!limiter.allow(a));
        assert!(limiter.allow(b));
        let off = SendLimiter::new(0);
        assert!((0..100).all(|_| off.allow(a)));
    }
}

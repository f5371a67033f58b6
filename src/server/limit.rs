//! Limits on what one client may do in an hour (the Send limit, `RJ_SEND_LIMIT_PER_HOUR`,
//! and the status lookups, `RJ_STATUS_LIMIT_PER_HOUR`), and how a request's client is told apart: by the socket's
//! address, or by the address a trusted reverse proxy puts in a header
//! (`RJ_CLIENT_IP_HEADER`). The counts live in the database (`Store::count_hit`), so
//! every instance behind the proxy counts the same client the same.

use crate::keys::KeyRing;
use crate::store::{Hit, Store};
use axum::extract::{ConnectInfo, Request};
use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use hmac::{Hmac, Mac};
use http::HeaderName;
use sha2::Sha256;
use std::net::{IpAddr, Ipv4Addr, Ipv6Addr, SocketAddr};

/// A named limit of `max` events per client per window (0: no limit).
#[derive(Clone)]
pub struct ClientLimit {
    name: &'static str,
    max: u32,
    window_seconds: i64,
    /// Keys the hash that stands for an address in the database: the addresses are
    /// never stored, and with `RJ_SECRET` the same on every instance, so are the hashes.
    hasher: Hmac<Sha256>,
}

impl ClientLimit {
    /// The Send limit: new requests per client per hour.
    pub fn send(per_hour: u32, keys: &KeyRing) -> Self {
        Self::new(
            "send",
            per_hour,
            crate::site::CLIENT_LIMIT_MINUTES * 60,
            keys,
        )
    }

    /// The status page's limit: reference lookups per client per hour.
    pub fn status(per_hour: u32, keys: &KeyRing) -> Self {
        Self::new(
            "status",
            per_hour,
            crate::site::CLIENT_LIMIT_MINUTES * 60,
            keys,
        )
    }

    /// Counts under the current key only: after a rotation the counts start afresh.
    pub fn new(name: &'static str, max: u32, window_seconds: i64, keys: &KeyRing) -> Self {
        Self {
            name,
            max,
            window_seconds,
            hasher: keys.current().mac(),
        }
    }

    /// Counts one event from `client`, or says no if its window is full. When the
    /// database cannot be reached the event is let through (and logged): a person
    /// must never be turned away because the count could not be read.
    pub async fn allow(&self, store: &Store, client: IpAddr, now: i64) -> bool {
        self.wait(store, client, now).await.is_none()
    }

    /// As [`ClientLimit::allow`], but says how long to wait (seconds) when not allowed.
    pub async fn wait(&self, store: &Store, client: IpAddr, now: i64) -> Option<i64> {
        let hit = self.hit(client)?;
        match store.count(&hit, now).await {
            Ok(Ok(())) => None,
            Ok(Err(wait)) => Some(wait),
            Err(e) => {
                tracing::error!(limit = self.name, "the client limit cannot be counted: {e}");
                None
            }
        }
    }

    /// Whether `client` has used up this limit, counting nothing (for a limit on
    /// failures, counted with [`ClientLimit::allow`] only when one happens). When the
    /// database cannot be reached, not full.
    pub async fn is_full(&self, store: &Store, client: IpAddr, now: i64) -> bool {
        let Some(hit) = self.hit(client) else {
            return false;
        };
        store.is_full(&hit, now).await.unwrap_or_else(|e| {
            tracing::error!(limit = self.name, "the client limit cannot be read: {e}");
            false
        })
    }

    /// Attempts allowed in one window (what the documents quote).
    pub fn max(&self) -> u32 {
        self.max
    }

    /// The window's length in seconds.
    pub fn window_seconds(&self) -> i64 {
        self.window_seconds
    }

    /// The event to count for `client`, or `None` when this limit is off.
    pub fn hit(&self, client: IpAddr) -> Option<Hit> {
        (self.max > 0).then(|| Hit {
            limit: self.name,
            client: self.key(client),
            max: self.max,
            window: self.window_seconds,
        })
    }

    /// The client's network as records keep it (the audit log): the same keyed hash
    /// the limit counts by, never the address.
    pub fn network(&self, client: IpAddr) -> String {
        self.key(client)
    }

    /// As [`ClientLimit::wait`] for a client named by text rather than an address (an
    /// API key's `api-key:<id>`, counted per key wherever it calls from).
    pub async fn wait_named(&self, store: &Store, client: &str, now: i64) -> Option<i64> {
        if self.max == 0 {
            return None;
        }
        let hit = Hit {
            limit: self.name,
            client: self.key_text(client),
            max: self.max,
            window: self.window_seconds,
        };
        match store.count(&hit, now).await {
            Ok(Ok(())) => None,
            Ok(Err(wait)) => Some(wait),
            Err(e) => {
                tracing::error!(limit = self.name, "the client limit cannot be counted: {e}");
                None
            }
        }
    }

    /// The address as the database knows it: 16 bytes of a keyed hash.
    fn key(&self, client: IpAddr) -> String {
        self.key_text(&client.to_string())
    }

    fn key_text(&self, client: &str) -> String {
        let mut mac = self.hasher.clone();
        mac.update(b"client-limit:");
        mac.update(client.as_bytes());
        URL_SAFE_NO_PAD.encode(&mac.finalize().into_bytes()[..16])
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
    fn addresses_are_stored_as_keyed_hashes() {
        let limit = ClientLimit::send(
            5,
            &crate::keys::Secrets::from_text("a-secret-of-thirty-two-characters!")
                .ring(crate::keys::Purpose::ClientLimit),
        );
        let (a, b) = (ip("203.0.113.1"), ip("203.0.113.2"));
        assert_eq!(limit.key(a), limit.key(a));
        assert_ne!(limit.key(a), limit.key(b));
        assert!(!limit.key(a).contains("203"));
        let other_secret = ClientLimit::send(
            5,
            &crate::keys::Secrets::from_text("another-secret-of-thirty-two-chars")
                .ring(crate::keys::Purpose::ClientLimit),
        );
        assert_ne!(limit.key(a), other_secret.key(a));
    }
}

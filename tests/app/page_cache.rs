//! The page cache: pages that are the same for every reader are kept in memory and
//! served exactly as a fresh render would be (less the nonce), compressed once, with a
//! strong ETag, and a Content-Security-Policy that allows exactly the inline scripts each
//! page has.

use crate::common;

use axum::{Router, body::Body};
use base64::Engine;
use common::{get, send, state_with, text};
use http::{HeaderMap, Request, StatusCode, header};
use rj::server::{AppState, headers, page_cache, router, uncached_router};
use sha2::{Digest, Sha256};
use std::collections::BTreeSet;
use std::io::Read;

/// The cached app and the same app rendering every request afresh, on one state.
async fn apps() -> (Router, Router, AppState) {
    let state = state_with(&[]).await;
    (router(state.clone()), uncached_router(state.clone()), state)
}

/// Every page with a fixed address or an area's address, in both languages: what the
/// sitemap lists.
fn every_page(state: &AppState) -> Vec<String> {
    page_cache::cacheable(state).pages
}

fn with(uri: &str, headers: &[(header::HeaderName, &str)]) -> Request<Body> {
    let mut req = Request::get(uri);
    for (name, value) in headers {
        req = req.header(name, *value);
    }
    req.body(Body::empty()).unwrap()
}

async fn bytes(res: http::Response<Body>) -> Vec<u8> {
    axum::body::to_bytes(res.into_body(), usize::MAX)
        .await
        .unwrap()
        .to_vec()
}

fn csp(headers: &HeaderMap) -> String {
    headers[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_string()
}

/// A fresh render with its nonce attributes taken out, as the cache keeps it.
fn without_nonce(html: &str, headers: &HeaderMap) -> String {
    let policy = csp(headers);
    let nonce = page_cache::nonce_of(&policy).expect("a fresh page has a nonce");
    page_cache::without_nonce(html.as_bytes(), nonce).expect("the nonce is only in attributes")
}

/// Headers that may differ between a kept page and a fresh render: how the body is sent,
/// its validator, and the script policy (checked on its own).
fn comparable(headers: &HeaderMap) -> Vec<(String, String)> {
    let mut list: Vec<_> = headers
        .iter()
        .filter(|(name, _)| {
            ![
                header::CONTENT_LENGTH,
                header::TRANSFER_ENCODING,
                header::ETAG,
                header::CONTENT_SECURITY_POLICY,
                header::VARY,
            ]
            .contains(name)
        })
        .map(|(n, v)| (n.to_string(), v.to_str().unwrap().to_string()))
        .collect();
    list.sort();
    list
}

#[tokio::test]
async fn every_kept_page_equals_a_fresh_render() {
    let (cached, fresh, state) = apps().await;
    let mut kept = 0;
    let unknown = [
        "/no-such-page",
        "/pkg/missing.js",
        "/cy/dim-tudalen",
        "/cy/x/y",
    ];
    let with_query = ["/?utm_source=news", "/cy/ardaloedd?fbclid=1"];
    for path in every_page(&state)
        .iter()
        .map(String::as_str)
        .chain(unknown)
        .chain(with_query)
    {
        // Twice: the first render fills the cache, the second is served from it.
        let _ = get(&cached, path).await;
        let a = get(&cached, path).await;
        let b = get(&fresh, path).await;
        assert_eq!(a.status(), b.status(), "{path}");
        let personal = b.headers()[header::CACHE_CONTROL] == headers::PERSONAL;
        if personal {
            // The referral form carries a token: never kept, always rendered.
            assert_eq!(
                a.headers()[header::CACHE_CONTROL],
                headers::PERSONAL,
                "{path}"
            );
            assert!(csp(a.headers()).contains("'nonce-"), "{path}");
            continue;
        }
        kept += 1;
        assert_eq!(comparable(a.headers()), comparable(b.headers()), "{path}");
        assert!(a.headers().contains_key(header::ETAG), "{path}: kept");
        assert_eq!(
            a.headers()[header::CONTENT_LENGTH],
            a.headers()[header::CONTENT_LENGTH].to_str().unwrap(),
        );
        let (a_headers, b_headers) = (a.headers().clone(), b.headers().clone());
        let (a, b) = (text(a).await, text(b).await);
        assert_eq!(a_headers[header::CONTENT_LENGTH], a.len().to_string());
        assert_eq!(a, without_nonce(&b, &b_headers), "{path}");
        assert!(!a.contains("nonce="), "{path}");
    }
    // Every page but the referral form in both languages, the areas, the 404s.
    assert_eq!(
        kept,
        every_page(&state).len() - 2 + unknown.len() + with_query.len()
    );
}

/// The policy allows each inline script of each page, by hash or by nonce, and no other.
#[tokio::test]
async fn every_inline_script_is_allowed_and_nothing_else() {
    let (cached, _, state) = apps().await;
    let script = regex::Regex::new(r"(?s)<script([^>]*)>(.*?)</script>").unwrap();
    let mut paths = every_page(&state);
    paths.extend(
        [
            "/no-such-page",
            "/cy/dim-tudalen",
            "/find?q=CF10+1AA",
            "/refer?area=gwent",
        ]
        .map(String::from),
    );
    for path in &paths {
        for _ in 0..2 {
            let res = get(&cached, path).await;
            let policy = csp(res.headers());
            let html = text(res).await;
            let scripts: Vec<_> = policy
                .split(';')
                .map(str::trim)
                .find(|d| d.starts_with("script-src "))
                .unwrap()
                .split_whitespace()
                .skip(1)
                .map(String::from)
                .collect();
            assert!(
                !scripts.iter().any(|s| s.contains("unsafe-inline")),
                "{path}"
            );
            // Everything but the scripts is the policy every response has.
            assert_eq!(
                policy.replace(
                    &format!("script-src {}", scripts.join(" ")),
                    "script-src 'self'"
                ),
                headers::CONTENT_SECURITY_POLICY,
                "{path}"
            );
            let nonce = page_cache::nonce_of(&policy).map(str::to_owned);
            let mut inline_hashes = BTreeSet::new();
            for found in script.captures_iter(&html) {
                let (attributes, body) = (&found[1], &found[2]);
                if attributes.contains("src=") {
                    continue;
                }
                match &nonce {
                    Some(nonce) => assert!(
                        attributes.contains(&format!("nonce=\"{nonce}\"")),
                        "{path}: inline script without the nonce: {attributes}"
                    ),
                    None => assert!(!attributes.contains("nonce"), "{path}"),
                }
                let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(body));
                inline_hashes.insert(format!("'sha256-{hash}'"));
            }
            let named: BTreeSet<_> = scripts
                .iter()
                .filter(|s| s.starts_with("'sha256-"))
                .cloned()
                .collect();
            match nonce {
                Some(_) => assert!(named.is_empty(), "{path}: a nonce and hashes"),
                None => {
                    assert!(!inline_hashes.is_empty(), "{path}: the js-enabled line");
                    assert_eq!(named, inline_hashes, "{path}: exactly its scripts");
                }
            }
            let allowed: BTreeSet<_> = scripts
                .iter()
                .filter(|s| !s.starts_with("'sha256-") && !s.starts_with("'nonce-"))
                .map(String::as_str)
                .collect();
            assert_eq!(allowed, BTreeSet::from(["'self'"]), "{path}");
        }
    }
}

#[tokio::test]
async fn pages_answer_304_to_the_tag_they_have() {
    let (app, _, _) = apps().await;
    for path in ["/", "/cy", "/areas/gwent", "/js/exit.js"] {
        for encoding in ["", "br", "gzip"] {
            let accept = [(header::ACCEPT_ENCODING, encoding)];
            let res = send(&app, with(path, &accept)).await;
            assert_eq!(res.status(), StatusCode::OK, "{path}");
            let etag = res.headers()[header::ETAG].to_str().unwrap().to_string();
            assert!(
                etag.starts_with('"') && etag.ends_with('"'),
                "strong: {etag}"
            );
            let cache_control = res.headers()[header::CACHE_CONTROL].clone();
            let res = send(
                &app,
                with(path, &[accept[0].clone(), (header::IF_NONE_MATCH, &etag)]),
            )
            .await;
            assert_eq!(res.status(), StatusCode::NOT_MODIFIED, "{path} {encoding}");
            assert_eq!(res.headers()[header::ETAG], etag.as_str());
            assert_eq!(res.headers()[header::CACHE_CONTROL], cache_control);
            assert!(res.headers().get(header::SET_COOKIE).is_none());
            assert!(bytes(res).await.is_empty());
            // A weak comparison and a list match too.
            let list = format!("\"other\", W/{etag}");
            let res = send(
                &app,
                with(path, &[accept[0].clone(), (header::IF_NONE_MATCH, &list)]),
            )
            .await;
            assert_eq!(res.status(), StatusCode::NOT_MODIFIED, "{path} {list}");
        }
        // Another encoding is another representation, with its own tag.
        let br = send(&app, with(path, &[(header::ACCEPT_ENCODING, "br")])).await;
        let tag = br.headers()[header::ETAG].to_str().unwrap().to_string();
        let res = send(
            &app,
            with(
                path,
                &[
                    (header::ACCEPT_ENCODING, "gzip"),
                    (header::IF_NONE_MATCH, &tag),
                ],
            ),
        )
        .await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
    }
    // The 404 page is never "not modified".
    let res = get(&app, "/nowhere").await;
    let etag = res.headers()[header::ETAG].to_str().unwrap().to_string();
    let res = send(&app, with("/nowhere", &[(header::IF_NONE_MATCH, &etag)])).await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn compressed_copies_hold_the_same_bytes() {
    let (app, _, _) = apps().await;
    for path in [
        "/",
        "/cy/eich-hawliau",
        "/areas/south-wales",
        "/nowhere",
        "/js/exit.js",
    ] {
        let plain = get(&app, path).await;
        let status = plain.status();
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
        assert_eq!(plain.headers()[header::VARY], "accept-encoding", "{path}");
        let plain = bytes(plain).await;
        for (accept, expected) in [
            ("gzip, deflate, br", "br"),
            ("gzip", "gzip"),
            ("br;q=0.5, gzip", "gzip"),
            ("*", "br"),
            ("identity", ""),
            ("br;q=0, gzip;q=0", ""),
        ] {
            let res = send(&app, with(path, &[(header::ACCEPT_ENCODING, accept)])).await;
            assert_eq!(res.status(), status, "{path}");
            assert_eq!(res.headers()[header::VARY], "accept-encoding", "{path}");
            let encoding = res
                .headers()
                .get(header::CONTENT_ENCODING)
                .map(|v| v.to_str().unwrap().to_string())
                .unwrap_or_default();
            assert_eq!(encoding, expected, "{path}: {accept}");
            let length: usize = res.headers()[header::CONTENT_LENGTH]
                .to_str()
                .unwrap()
                .parse()
                .unwrap();
            let body = bytes(res).await;
            assert_eq!(body.len(), length, "{path}: {accept}");
            let mut decoded = Vec::new();
            match expected {
                "br" => {
                    brotli::Decompressor::new(&body[..], 4096)
                        .read_to_end(&mut decoded)
                        .unwrap();
                    assert!(body.len() < plain.len() / 2, "{path}: brotli pays");
                }
                "gzip" => {
                    flate2::read::GzDecoder::new(&body[..])
                        .read_to_end(&mut decoded)
                        .unwrap();
                }
                _ => decoded = body,
            }
            assert_eq!(decoded, plain, "{path}: {accept}");
        }
    }
}

#[tokio::test]
async fn head_gives_the_headers_without_the_body() {
    let (app, _, _) = apps().await;
    for path in ["/", "/js/exit.js"] {
        let full = get(&app, path).await;
        let res = send(&app, Request::head(path).body(Body::empty()).unwrap()).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(
            res.headers()[header::CONTENT_LENGTH],
            full.headers()[header::CONTENT_LENGTH]
        );
        assert!(bytes(res).await.is_empty(), "{path}");
    }
}

/// Static files are compressed once and keep the lifetime their address gives them.
#[tokio::test]
async fn files_are_kept_with_their_lifetimes() {
    let (app, fresh, _) = apps().await;
    let on_disk = std::fs::read("public/js/exit.js").unwrap();
    for (uri, lifetime) in [
        ("/js/exit.js", "public, max-age=3600"),
        ("/js/exit.js?v=1", "public, max-age=31536000, immutable"),
    ] {
        let res = get(&app, uri).await;
        let expected = get(&fresh, uri).await;
        assert_eq!(res.status(), StatusCode::OK);
        assert_eq!(res.headers()[header::CACHE_CONTROL], lifetime, "{uri}");
        assert_eq!(
            res.headers()[header::CONTENT_TYPE],
            expected.headers()[header::CONTENT_TYPE]
        );
        assert_eq!(csp(res.headers()), headers::CONTENT_SECURITY_POLICY);
        assert_eq!(bytes(res).await, on_disk);
    }
}

/// Writing to a page with a query it reads (`?q=`), or sending anything but GET, always
/// reaches the application.
#[tokio::test]
async fn what_a_person_typed_is_never_answered_from_memory() {
    let (app, _, _) = apps().await;
    let _ = get(&app, "/find").await;
    for uri in ["/find?q=CF10+1AA", "/cy/dod-o-hyd?q=Caerdydd"] {
        let res = get(&app, uri).await;
        assert_eq!(res.headers()[header::CACHE_CONTROL], headers::PERSONAL);
        assert!(res.headers().get(header::ETAG).is_none(), "{uri}");
        assert!(csp(res.headers()).contains("'nonce-"));
    }
    // A post to an address with no form is refused by the application (405: only GET and
    // HEAD read files or pages there), never answered from memory.
    let res = send(&app, Request::post("/nowhere").body(Body::empty()).unwrap()).await;
    assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED);
    assert!(res.headers().get(header::ETAG).is_none());
}

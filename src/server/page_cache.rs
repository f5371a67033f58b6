//! Pages and files that are the same for every reader, served from memory.
//!
//! Every page whose HTML depends only on its path and language (the home and
//! information pages, `/areas` and each area's page, the finder without a query, the 404
//! page in each language) and every file under the site root is produced once, on first
//! use (or by [`warm_up`] after start-up), by the application itself: the uncached router
//! with all its layers, so a kept page is byte for byte what a fresh render sends, with the
//! same headers. It is kept with identity, gzip and Brotli bodies, each compressed once at
//! the highest level, and a strong `ETag` (so `If-None-Match` answers 304).
//!
//! A page's per-request script nonce cannot be kept, so a kept page drops it and names
//! the SHA-256 hash of each of its inline scripts in its Content-Security-Policy instead,
//! computed from the very bytes it serves, so the policy can never go stale.
//!
//! What is never kept: a response marked personal ([`headers::PERSONAL`]: a form token, a
//! person's answers), a request with something typed (`?q=`), one that sets a cookie, or
//! one with an unexpected status. Those are rendered for each request as before. The
//! directory and the locale files are read at start-up, so a restart renders all again.

use super::headers::{self, Asked};
use crate::i18n::Lang;
use axum::{
    Router,
    body::{Body, Bytes},
    extract::{MatchedPath, Request, State},
    middleware::Next,
    response::Response,
};
use base64::Engine;
use http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use sha2::{Digest, Sha256};
use std::{
    collections::HashMap,
    path::Path,
    sync::{Arc, OnceLock},
};
use tokio::sync::OnceCell;
use tower::ServiceExt;

/// The application with its cacheable answers served from memory.
pub fn serve_from_memory(app: Router, state: &super::AppState) -> Router {
    let cache = Arc::new(PageCache::new(app.clone(), cacheable(state)));
    app.layer(axum::middleware::from_fn_with_state(cache, serve))
}

/// Renders every cacheable page and reads every file once, so the first readers do not
/// wait for it. Compression runs on the blocking pool, one answer at a time.
pub async fn warm_up(app: Router, state: super::AppState) {
    let started = std::time::Instant::now();
    let paths = cacheable(&state);
    for path in &paths.pages {
        let _ = app.clone().oneshot(get_request(path)).await;
    }
    let files: Vec<_> = paths
        .files
        .iter()
        .filter(|(_, len)| **len <= LARGEST_KEPT_FILE)
        .collect();
    for (path, _) in &files {
        let _ = app.clone().oneshot(get_request(path)).await;
    }
    tracing::info!(
        "{} pages and {} files kept in memory in {} ms",
        paths.pages.len(),
        files.len(),
        started.elapsed().as_millis()
    );
}

/// The paths whose answers may be kept.
pub struct Cacheable {
    /// Every page with a fixed address in both languages, and each area's page. Those
    /// that turn out personal (the referral form) are found so when first rendered.
    pub pages: Vec<String>,
    /// Files under the site root, by URL path, with the file's length.
    pub files: HashMap<String, u64>,
}

/// What may be kept for this state: every address the sitemap lists, and the files.
pub fn cacheable(state: &super::AppState) -> Cacheable {
    let pages = super::sitemap::addresses(&state.areas)
        .into_iter()
        .flat_map(|page| Lang::ALL.map(|lang| page.get(lang).to_string()))
        .collect();
    let mut files = HashMap::new();
    list_files(Path::new(&*state.leptos_options.site_root), "", &mut files);
    Cacheable { pages, files }
}

/// Files below `dir`, by URL path. Unreadable folders are skipped: those files are then
/// served from disk as before.
fn list_files(dir: &Path, prefix: &str, out: &mut HashMap<String, u64>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let Ok(name) = entry.file_name().into_string() else {
            continue;
        };
        let Ok(meta) = entry.metadata() else {
            continue;
        };
        let url = format!("{prefix}/{name}");
        if meta.is_dir() {
            list_files(&entry.path(), &url, out);
        } else if meta.is_file() {
            out.insert(url, meta.len());
        }
    }
}

/// Larger files stay on disk (served and compressed as before): memory is kept for what
/// every visitor loads.
const LARGEST_KEPT_FILE: u64 = 4 * 1024 * 1024;

struct PageCache {
    /// The application without this cache, which renders what is kept.
    app: Router,
    /// Pages and files by path; `None` once found not cacheable.
    slots: HashMap<String, OnceCell<Option<Arc<Cached>>>>,
    /// The 404 page in each language, kept from the first unknown path asked for.
    not_found: [OnceLock<Arc<Cached>>; 2],
}

impl PageCache {
    fn new(app: Router, cacheable: Cacheable) -> Self {
        let files = cacheable
            .files
            .into_iter()
            .filter(|(_, len)| *len <= LARGEST_KEPT_FILE)
            .map(|(path, _)| path);
        let slots = cacheable
            .pages
            .into_iter()
            .chain(files)
            .map(|path| (path, OnceCell::new()))
            .collect();
        PageCache {
            app,
            slots,
            not_found: [OnceLock::new(), OnceLock::new()],
        }
    }
}

/// The middleware in front of the application: answers from memory when it can.
async fn serve(State(cache): State<Arc<PageCache>>, req: Request, next: Next) -> Response {
    if !matches!(*req.method(), Method::GET | Method::HEAD) || Asked::of(req.uri()).typed {
        return next.run(req).await;
    }
    let path = req.uri().path();
    if let Some(slot) = cache.slots.get(path) {
        let kept = slot
            .get_or_init(|| async { keep(&cache.app, path).await })
            .await;
        return match kept {
            Some(kept) => kept.respond(&req),
            None => next.run(req).await,
        };
    }
    // No route matched: the application would answer with a file from disk or the 404
    // page, which is the same for every unknown path of a language.
    // (A trailing slash is redirected by the application, so it is left to it.)
    if req.extensions().get::<MatchedPath>().is_none() && !path.ends_with('/') {
        let slot = &cache.not_found[lang_index(Lang::from_path(path))];
        if let Some(kept) = slot.get() {
            return kept.respond(&req);
        }
        let res = cache.app.clone().oneshot(get_request(path)).await;
        let res = match res {
            Ok(res) => res,
            Err(never) => match never {},
        };
        return match Cached::from_response(res, StatusCode::NOT_FOUND).await {
            Ok(kept) => slot.get_or_init(|| Arc::new(kept)).respond(&req),
            Err(res) => res,
        };
    }
    next.run(req).await
}

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Cy => 1,
    }
}

fn get_request(path: &str) -> Request {
    Request::get(path)
        .body(Body::empty())
        .expect("a path from the router is a valid URI")
}

/// Renders `path` once through the application; `None` if the answer must not be kept.
async fn keep(app: &Router, path: &str) -> Option<Arc<Cached>> {
    let res = match app.clone().oneshot(get_request(path)).await {
        Ok(res) => res,
        Err(never) => match never {},
    };
    match Cached::from_response(res, StatusCode::OK).await {
        Ok(kept) => Some(Arc::new(kept)),
        Err(res) => {
            if res.headers().get(header::CACHE_CONTROL) != Some(&personal()) {
                tracing::warn!("{path} answered {}: not kept in memory", res.status());
            }
            None
        }
    }
}

fn personal() -> HeaderValue {
    HeaderValue::from_static(headers::PERSONAL)
}

/// An answer kept in memory, in each encoding worth having.
pub struct Cached {
    status: StatusCode,
    /// Identity first, then the compressed ones that came out smaller.
    variants: Vec<Variant>,
}

struct Variant {
    encoding: Encoding,
    body: Bytes,
    /// Every header of a full answer, `Content-Length` and `ETag` included.
    headers: HeaderMap,
    /// The headers of a 304 answer: the same, less those describing the body.
    not_modified: HeaderMap,
    etag: HeaderValue,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

impl Encoding {
    fn token(self) -> &'static str {
        match self {
            Encoding::Identity => "identity",
            Encoding::Gzip => "gzip",
            Encoding::Brotli => "br",
        }
    }
}

/// Headers that describe one transfer of the body or that this cache sets itself.
const REPLACED: [header::HeaderName; 7] = [
    header::CONTENT_LENGTH,
    header::TRANSFER_ENCODING,
    header::CONTENT_ENCODING,
    header::ETAG,
    header::VARY,
    // The cache answers whole bodies only.
    header::ACCEPT_RANGES,
    header::CONTENT_SECURITY_POLICY,
];

impl Cached {
    /// Keeps a rendered answer if it has the `expected` status and nothing personal;
    /// otherwise gives it back untouched.
    pub async fn from_response(res: Response, expected: StatusCode) -> Result<Self, Response> {
        let headers = res.headers();
        if res.status() != expected
            || headers.get(header::CACHE_CONTROL) == Some(&personal())
            || headers.contains_key(header::SET_COOKIE)
            || headers.contains_key(header::CONTENT_ENCODING)
        {
            return Err(res);
        }
        let (parts, body) = res.into_parts();
        let Ok(mut body) = axum::body::to_bytes(body, usize::MAX).await else {
            return Err(Response::from_parts(parts, Body::empty()));
        };
        let mut headers = parts.headers.clone();
        for name in REPLACED {
            headers.remove(name);
        }
        // A file's lifetime depends on the query (`?v=`), so it is set per request.
        let is_html = is_html(&parts.headers);
        if !is_html {
            headers.remove(header::CACHE_CONTROL);
        }
        let policy = parts
            .headers
            .get(header::CONTENT_SECURITY_POLICY)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        if let Some(policy) = policy {
            let policy = match (is_html, nonce_of(&policy)) {
                (true, Some(nonce)) => {
                    let Some(html) = without_nonce(&body, nonce) else {
                        return Err(Response::from_parts(parts, Body::from(body)));
                    };
                    body = Bytes::from(html);
                    headers::hashed_page_policy(&script_hashes(&body))
                }
                _ => policy,
            };
            let Ok(policy) = HeaderValue::from_str(&policy) else {
                return Err(Response::from_parts(parts, Body::from(body)));
            };
            headers.insert(header::CONTENT_SECURITY_POLICY, policy);
        }
        let compressible = compressible(&headers);
        let variants = tokio::task::spawn_blocking(move || variants(body, &headers, compressible))
            .await
            .expect("compression does not panic");
        Ok(Cached {
            status: parts.status,
            variants,
        })
    }

    /// The answer to `req`: the best encoding it accepts, or 304 if it has it already.
    fn respond(&self, req: &Request) -> Response {
        let variant = self.pick(req.headers().get(header::ACCEPT_ENCODING));
        let fresh = self.status == StatusCode::OK
            && req
                .headers()
                .get(header::IF_NONE_MATCH)
                .is_some_and(|tags| etag_matches(tags, &variant.etag));
        let mut res = if fresh {
            let mut res = Response::new(Body::empty());
            *res.status_mut() = StatusCode::NOT_MODIFIED;
            *res.headers_mut() = variant.not_modified.clone();
            res
        } else {
            let mut res = Response::new(Body::from(variant.body.clone()));
            *res.status_mut() = self.status;
            *res.headers_mut() = variant.headers.clone();
            res
        };
        if !res.headers().contains_key(header::CACHE_CONTROL) {
            let lifetime = headers::lifetime(Asked::of(req.uri()), self.status, false);
            res.headers_mut()
                .insert(header::CACHE_CONTROL, HeaderValue::from_static(lifetime));
        }
        res
    }

    /// The encoding the request prefers among those kept (Brotli on a tie: smaller).
    fn pick(&self, accept: Option<&HeaderValue>) -> &Variant {
        let accept = accept.and_then(|v| v.to_str().ok()).unwrap_or("");
        let mut best = &self.variants[0];
        let mut best_q = 0.0;
        for variant in &self.variants[1..] {
            let q = quality(accept, variant.encoding.token());
            if q > best_q || (q == best_q && q > 0.0 && variant.encoding == Encoding::Brotli) {
                best = variant;
                best_q = q;
            }
        }
        best
    }
}

fn is_html(headers: &HeaderMap) -> bool {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"))
}

/// Whether compressing could help: text, SVG, scripts, JSON, WASM; not images or fonts
/// that are compressed already.
fn compressible(headers: &HeaderMap) -> bool {
    let Some(kind) = headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
    else {
        return false;
    };
    kind.starts_with("text/")
        || ["svg", "javascript", "json", "wasm", "xml"]
            .iter()
            .any(|k| kind.contains(k))
}

/// The identity body and the compressed ones that are smaller, with their headers.
fn variants(body: Bytes, headers: &HeaderMap, compressible: bool) -> Vec<Variant> {
    let tag = {
        let digest = Sha256::digest(&body);
        base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(&digest[..16])
    };
    let mut bodies = vec![(Encoding::Identity, body.clone())];
    if compressible {
        for (encoding, compressed) in [
            (Encoding::Brotli, brotli(&body)),
            (Encoding::Gzip, gzip(&body)),
        ] {
            if compressed.len() < body.len() {
                bodies.push((encoding, Bytes::from(compressed)));
            }
        }
    }
    let varies = bodies.len() > 1;
    bodies
        .into_iter()
        .map(|(encoding, body)| {
            let etag = match encoding {
                Encoding::Identity => format!("\"{tag}\""),
                other => format!("\"{tag}.{}\"", other.token()),
            };
            let etag = HeaderValue::from_str(&etag).expect("base64 is a valid header");
            let mut not_modified = headers.clone();
            not_modified.remove(header::CONTENT_TYPE);
            not_modified.insert(header::ETAG, etag.clone());
            if varies {
                not_modified.insert(
                    header::VARY,
                    HeaderValue::from_static(header::ACCEPT_ENCODING.as_str()),
                );
            }
            let mut full = not_modified.clone();
            if let Some(kind) = headers.get(header::CONTENT_TYPE) {
                full.insert(header::CONTENT_TYPE, kind.clone());
            }
            if encoding != Encoding::Identity {
                full.insert(
                    header::CONTENT_ENCODING,
                    HeaderValue::from_static(encoding.token()),
                );
            }
            full.insert(header::CONTENT_LENGTH, HeaderValue::from(body.len()));
            Variant {
                encoding,
                body,
                headers: full,
                not_modified,
                etag,
            }
        })
        .collect()
}

fn brotli(data: &[u8]) -> Vec<u8> {
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        size_hint: data.len(),
        ..Default::default()
    };
    let mut out = Vec::with_capacity(data.len() / 3);
    brotli::BrotliCompress(&mut &data[..], &mut out, &params).expect("writing to memory");
    out
}

fn gzip(data: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut encoder = flate2::write::GzEncoder::new(
        Vec::with_capacity(data.len() / 3),
        flate2::Compression::best(),
    );
    encoder.write_all(data).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

/// The `q` a request's `Accept-Encoding` gives an encoding (`*` stands for the others).
fn quality(accept: &str, token: &str) -> f32 {
    let mut star = 0.0;
    for item in accept.split(',') {
        let mut parts = item.split(';');
        let name = parts.next().unwrap_or("").trim();
        let q = parts
            .find_map(|p| p.trim().strip_prefix("q="))
            .and_then(|q| q.trim().parse::<f32>().ok())
            .unwrap_or(1.0);
        if name.eq_ignore_ascii_case(token) {
            return q;
        }
        if name == "*" {
            star = q;
        }
    }
    star
}

/// `If-None-Match` compares weakly: `W/"x"` matches `"x"`; `*` matches anything.
fn etag_matches(tags: &HeaderValue, etag: &HeaderValue) -> bool {
    let (Ok(tags), Ok(etag)) = (tags.to_str(), etag.to_str()) else {
        return false;
    };
    tags.split(',').map(str::trim).any(|tag| {
        tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == etag.trim_start_matches("W/")
    })
}

/// The nonce a page's policy names.
pub fn nonce_of(policy: &str) -> Option<&str> {
    let start = policy.find("'nonce-")? + "'nonce-".len();
    let len = policy[start..].find('\'')?;
    Some(&policy[start..start + len])
}

/// The page without its nonce attributes; `None` if the nonce appears anywhere else
/// (then the page is not kept, rather than kept with a nonce that would never change).
pub fn without_nonce(html: &[u8], nonce: &str) -> Option<String> {
    let html = std::str::from_utf8(html).ok()?;
    let stripped = html.replace(&format!(" nonce=\"{nonce}\""), "");
    (!stripped.contains(nonce)).then_some(stripped)
}

/// The base64 SHA-256 of each distinct inline script (a `<script>` without `src`), in
/// the order they appear: what a Content-Security-Policy names to allow exactly them.
pub fn script_hashes(html: &[u8]) -> Vec<String> {
    let mut hashes = Vec::new();
    for script in inline_scripts(html) {
        let hash = base64::engine::general_purpose::STANDARD.encode(Sha256::digest(script));
        if !hashes.contains(&hash) {
            hashes.push(hash);
        }
    }
    hashes
}

/// The text of each inline script element. The pages are the application's own HTML, in
/// which `<script` only ever starts an element.
fn inline_scripts(html: &[u8]) -> Vec<&[u8]> {
    let mut scripts = Vec::new();
    let mut rest = html;
    while let Some(start) = find(rest, b"<script") {
        rest = &rest[start + b"<script".len()..];
        let Some(tag_end) = find(rest, b">") else {
            break;
        };
        let attributes = &rest[..tag_end];
        rest = &rest[tag_end + 1..];
        let Some(end) = find(rest, b"</script") else {
            break;
        };
        if find(attributes, b"src=").is_none() {
            scripts.push(&rest[..end]);
        }
        rest = &rest[end..];
    }
    scripts
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_encoding_with_qualities() {
        assert_eq!(quality("gzip, deflate, br", "br"), 1.0);
        assert_eq!(quality("gzip;q=0.5, br;q=0", "br"), 0.0);
        assert_eq!(quality("gzip;q=0.5, *;q=0.2", "br"), 0.2);
        assert_eq!(quality("", "gzip"), 0.0);
        assert_eq!(quality("GZIP", "gzip"), 1.0);
    }

    #[test]
    fn weak_and_strong_tags_match_by_value() {
        let etag = HeaderValue::from_static("\"abc\"");
        for tags in ["\"abc\"", "W/\"abc\"", "\"x\", \"abc\"", "*"] {
            assert!(
                etag_matches(&HeaderValue::from_static(tags), &etag),
                "{tags}"
            );
        }
        for tags in ["\"abcd\"", "abc", "\"abc.br\""] {
            assert!(
                !etag_matches(&HeaderValue::from_static(tags), &etag),
                "{tags}"
            );
        }
    }

    #[test]
    fn inline_scripts_are_those_without_src() {
        let html = b"<script>a()</script><script src=\"/x.js\" defer></script>\
            <script type=\"module\">b()</script><p>script</p>";
        assert_eq!(inline_scripts(html), vec![&b"a()"[..], &b"b()"[..]]);
    }

    #[test]
    fn the_nonce_is_removed_only_where_it_is_an_attribute() {
        assert_eq!(
            without_nonce(b"<script nonce=\"n1\">x</script>", "n1").as_deref(),
            Some("<script>x</script>")
        );
        assert_eq!(without_nonce(b"<p>n1</p>", "n1"), None);
        assert_eq!(nonce_of("script-src 'self' 'nonce-n1' x"), Some("n1"));
    }
}

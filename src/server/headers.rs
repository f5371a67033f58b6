//! Response headers every response gets: the security policy, and cache lifetimes that
//! let hashed assets live for a year, keep pages fresh, and keep anything personal (a
//! form token, a person's answers, a query they typed) out of every cache.

use axum::{extract::Request, middleware::Next, response::Response};
use http::{HeaderMap, HeaderValue, header};
use tower_http::set_header::SetResponseHeaderLayer;

/// What every policy allows and forbids beyond scripts.
macro_rules! policy_rest {
    () => {
        "style-src 'self'; img-src 'self'; font-src 'self'; connect-src 'self'; \
         object-src 'none'; frame-ancestors 'none'; form-action 'self'; base-uri 'none'"
    };
}

/// The Content-Security-Policy for responses that are not pages.
pub const CONTENT_SECURITY_POLICY: &str =
    concat!("default-src 'self'; script-src 'self'; ", policy_rest!());

/// The policy for a rendered page: the page's own small inline scripts are marked with
/// this request's nonce; no other inline script may run. No WASM runs on any page.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}'; {}",
        policy_rest!()
    )
}

/// The policy for a page kept in memory (`page_cache`): the same as [`page_policy`], but
/// naming the SHA-256 hash (base64) of each inline script the page contains instead of a
/// nonce, so the one copy can be sent to everyone.
pub fn hashed_page_policy(hashes: &[String]) -> String {
    let sources: String = hashes.iter().map(|h| format!(" 'sha256-{h}'")).collect();
    format!(
        "default-src 'self'; script-src 'self'{sources}; {}",
        policy_rest!()
    )
}

const PERMISSIONS_POLICY: &str = "geolocation=(), camera=(), microphone=(), payment=(), \
    usb=()";

const HSTS: &str = "max-age=31536000; includeSubDomains";

/// The fixed security headers, as tower layers.
pub fn security_layers(hsts: bool) -> Vec<SetResponseHeaderLayer<HeaderValue>> {
    let fixed = |name, value: &'static str| {
        SetResponseHeaderLayer::overriding(name, HeaderValue::from_static(value))
    };
    let mut layers = vec![
        // A page may set its own policy (with a nonce); everything else gets this one.
        SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(CONTENT_SECURITY_POLICY),
        ),
        fixed(header::REFERRER_POLICY, "no-referrer"),
        fixed(header::X_CONTENT_TYPE_OPTIONS, "nosniff"),
        fixed(header::X_FRAME_OPTIONS, "DENY"),
        fixed(
            http::HeaderName::from_static("permissions-policy"),
            PERMISSIONS_POLICY,
        ),
        fixed(
            http::HeaderName::from_static("cross-origin-opener-policy"),
            "same-origin",
        ),
        fixed(
            http::HeaderName::from_static("cross-origin-resource-policy"),
            "same-origin",
        ),
    ];
    if hsts {
        layers.push(fixed(header::STRICT_TRANSPORT_SECURITY, HSTS));
    }
    layers
}

/// The `Cache-Control` of a response that carries a form token, a person's answers or
/// something they typed: kept by nobody. A shared cache (or the browser's Back) would
/// otherwise hand one person's form, and with it its idempotency key, to someone else,
/// and a typed postcode would stay on a shared device.
pub const PERSONAL: &str = "no-store, private";

/// Marks the page being rendered as personal (see [`PERSONAL`]). Called by whatever puts
/// something personal on a page, such as issuing a form token, so no page can forget it.
pub fn mark_personal() {
    if let Some(response) = leptos::prelude::use_context::<leptos_axum::ResponseOptions>() {
        response.insert_header(header::CACHE_CONTROL, HeaderValue::from_static(PERSONAL));
    }
}

/// Sends the page being rendered with its own Content-Security-Policy, which names this
/// request's script nonce. Called by the server's page shell.
pub fn set_page_policy() {
    use leptos::prelude::use_context;
    let (Some(response), Some(nonce)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        leptos::nonce::use_nonce(),
    ) else {
        return;
    };
    if let Ok(value) = HeaderValue::from_str(&page_policy(nonce.as_inner())) {
        response.insert_header(header::CONTENT_SECURITY_POLICY, value);
    }
}

/// What a request asked for, as far as caching cares.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Asked {
    /// The query has `v=` (a content version added to a static file's URL).
    pub versioned: bool,
    /// The query has `q=`: something the person typed.
    pub typed: bool,
}

impl Asked {
    pub fn of(uri: &http::Uri) -> Self {
        let has = |name: &str| {
            uri.query()
                .is_some_and(|q| form_urlencoded::parse(q.as_bytes()).any(|(key, _)| key == name))
        };
        Asked {
            versioned: has("v"),
            typed: has("q"),
        }
    }
}

/// The `Cache-Control` for a response that did not set its own.
pub fn lifetime(asked: Asked, status: http::StatusCode, is_html: bool) -> &'static str {
    if asked.typed {
        PERSONAL
    } else if !status.is_success() {
        "no-cache"
    } else if !is_html && asked.versioned {
        // `?v=<content hash>` changes whenever the file does.
        // Only files: a page is rendered afresh whatever its query says.
        "public, max-age=31536000, immutable"
    } else if is_html {
        "public, max-age=300"
    } else {
        "public, max-age=3600"
    }
}

/// How long browsers and caches may keep each response.
pub async fn cache_control(req: Request, next: Next) -> Response {
    let asked = Asked::of(req.uri());
    let mut res = next.run(req).await;
    if res.headers().contains_key(header::CACHE_CONTROL) {
        return res;
    }
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let value = lifetime(asked, res.status(), is_html);
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    res
}

/// Whether the post came from a page of this site (browsers send one of these).
pub(crate) fn same_site(headers: &HeaderMap, state: &super::AppState) -> bool {
    if let Some(site) = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        return matches!(site, "same-origin" | "none");
    }
    match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
        None => true,
        Some(origin) => {
            let host = headers
                .get(header::HOST)
                .and_then(|v| v.to_str().ok())
                .unwrap_or("");
            origin == state.config.site.public_url
                || origin
                    .strip_prefix("http://")
                    .or_else(|| origin.strip_prefix("https://"))
                    == Some(host)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_policy_differs_only_in_its_scripts() {
        let page = page_policy("abc");
        assert!(page.contains("script-src 'self' 'nonce-abc';"));
        assert!(!page.contains("wasm"));
        assert_eq!(page.replace(" 'nonce-abc'", ""), CONTENT_SECURITY_POLICY);
        let hashed = hashed_page_policy(&["a1".into(), "b2".into()]);
        assert_eq!(
            hashed.replace(" 'sha256-a1' 'sha256-b2'", " 'nonce-abc'"),
            page
        );
    }
}

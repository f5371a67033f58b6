//! Response headers every response gets: the security policy, and cache lifetimes that
//! let hashed assets live for a year while pages stay fresh.

use axum::{extract::Request, middleware::Next, response::Response};
use http::{HeaderValue, header};
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

/// The policy for a rendered page: Leptos writes small inline scripts (its streaming
/// bookkeeping and the islands loader) marked with this request's nonce; no other
/// inline script may run. `'wasm-unsafe-eval'` lets islands compile their WASM.
pub fn page_policy(nonce: &str) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'nonce-{nonce}' 'wasm-unsafe-eval'; {}",
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

/// How long browsers may keep each response.
pub async fn cache_control(req: Request, next: Next) -> Response {
    let immutable = req.uri().path().starts_with("/pkg/")
        || req
            .uri()
            .query()
            .is_some_and(|q| q.split('&').any(|p| p.starts_with("v=")));
    let mut res = next.run(req).await;
    if res.headers().contains_key(header::CACHE_CONTROL) {
        return res;
    }
    let is_html = res
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    let value = if !res.status().is_success() {
        "no-cache"
    } else if immutable {
        // Hashed names (`/pkg/`) and `?v=<content hash>` change whenever the file does.
        "public, max-age=31536000, immutable"
    } else if is_html {
        "public, max-age=300"
    } else {
        "public, max-age=3600"
    };
    res.headers_mut()
        .insert(header::CACHE_CONTROL, HeaderValue::from_static(value));
    res
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_policy_differs_only_in_its_scripts() {
        let page = page_policy("abc");
        assert!(page.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert_eq!(
            page.replace(" 'nonce-abc' 'wasm-unsafe-eval'", ""),
            CONTENT_SECURITY_POLICY
        );
    }
}

//! Staff sign-in with an organisation's account, against the real OpenID provider
//! (`tests/oidc/provider.mjs`, Node's `oidc-provider`) through the real router and
//! database: the settings (Microsoft's shared issuers refused), an invited member signs
//! in (accepting their invitation), and each refusal (not invited, unverified email, no
//! MFA, a wrong state, a missing cookie, a wrong issuer) gets the same page and its
//! audit row. The provider's development login page is driven with plain HTTP; the whole
//! flow in Chromium is `end2end/tests/oidc.spec.ts`.

use crate::common::oidc::{Provider, client};
use crate::common::{self, send, text};
use axum::Router;
use axum::body::Body;
use http::{Request, StatusCode, header};
use rj::server::AppState;
use rj::server::config::Config;
use rj::staff::session;
use rj::staff::{Role, Roles};
use serde_json::json;
use std::collections::HashMap;

const SITE: &str = "http://localhost:3000";

fn callback(name: &str) -> String {
    format!("{SITE}/staff/oidc/{name}/callback")
}

/// A provider that knows the site (its callbacks for `idp` and `strict`, and the wrong
/// issuer's), and the site configured with four providers: `idp`, `strict` (MFA
/// required), both at the provider's issuer, and `wrong`, the same provider under
/// another issuer address (`127.0.0.1`, so its discovery names another issuer).
async fn setup() -> Option<(Provider, Router, AppState)> {
    let redirects: Vec<String> = ["idp", "strict", "wrong"].map(callback).to_vec();
    let provider = Provider::start(
        vec![client(
            "site",
            "site-secret",
            &redirects,
            &["authorization_code"],
        )],
        json!({}),
    )?;
    let wrong = format!("http://127.0.0.1:{}", provider.port);
    let vars = [
        ("RJ_PUBLIC_URL", SITE),
        ("RJ_OIDC_PROVIDERS", "idp,strict,wrong"),
        ("RJ_OIDC_IDP_ISSUER", provider.issuer.as_str()),
        ("RJ_OIDC_IDP_CLIENT_ID", "site"),
        ("RJ_OIDC_IDP_CLIENT_SECRET", "site-secret"),
        ("RJ_OIDC_IDP_LABEL", "Example account"),
        ("RJ_OIDC_STRICT_ISSUER", provider.issuer.as_str()),
        ("RJ_OIDC_STRICT_CLIENT_ID", "site"),
        ("RJ_OIDC_STRICT_CLIENT_SECRET", "site-secret"),
        ("RJ_OIDC_STRICT_REQUIRE_MFA", "true"),
        ("RJ_OIDC_WRONG_ISSUER", wrong.as_str()),
        ("RJ_OIDC_WRONG_CLIENT_ID", "site"),
        ("RJ_OIDC_WRONG_CLIENT_SECRET", "site-secret"),
    ];
    let (app, state) = common::app_and_state(&vars).await;
    Some((provider, app, state))
}

async fn invite(state: &AppState, email: &str) -> String {
    let token = session::new_token();
    state
        .store
        .invite(
            email,
            &Roles::new(vec![Role::Triage]),
            &[],
            &session::hash(&token),
            state.clock.now(),
            state.clock.now() + 3600,
        )
        .await
        .unwrap();
    token
}

/// The value of the `rj_staff` cookie a response sets, and the whole header.
fn staff_cookie(res: &http::Response<Body>) -> Option<(String, String)> {
    let header = res
        .headers()
        .get(header::SET_COOKIE)?
        .to_str()
        .ok()?
        .to_string();
    let value = header
        .strip_prefix("rj_staff=")?
        .split(';')
        .next()?
        .to_string();
    Some((value, header))
}

/// Follows the provider's development login as `login` from the authorization URL, and
/// returns where the provider sends the browser back (the site's callback, with the
/// code and state). Cookies kept by name, as a browser would for one host.
async fn log_in_at_provider(auth_url: &str, login: &str) -> String {
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .pool_max_idle_per_host(0)
        .build()
        .unwrap();
    let mut jar: HashMap<String, String> = HashMap::new();
    let mut url = auth_url.to_string();
    let mut form: Option<Vec<(&str, String)>> = None;
    for _ in 0..12 {
        if url.starts_with(SITE) {
            return url;
        }
        let cookies: Vec<String> = jar.iter().map(|(k, v)| format!("{k}={v}")).collect();
        let req = match form.take() {
            Some(fields) => http.post(&url).form(&fields),
            None => http.get(&url),
        };
        let res = req
            .header(header::COOKIE, cookies.join("; "))
            .send()
            .await
            .unwrap();
        for c in res.headers().get_all(header::SET_COOKIE) {
            let pair = c.to_str().unwrap().split(';').next().unwrap();
            if let Some((k, v)) = pair.split_once('=') {
                jar.insert(k.to_string(), v.to_string());
            }
        }
        if let Some(to) = res.headers().get(header::LOCATION) {
            let to = to.to_str().unwrap();
            url = if to.starts_with('/') {
                let base = reqwest::Url::parse(&url).unwrap();
                base.join(to).unwrap().to_string()
            } else {
                to.to_string()
            };
            continue;
        }
        // A page of the development login: log in, then consent.
        let body = res.text().await.unwrap();
        form = Some(if body.contains("name=\"login\"") {
            vec![
                ("prompt", "login".into()),
                ("login", login.into()),
                ("password", "any".into()),
            ]
        } else if body.contains("value=\"consent\"") {
            vec![("prompt", "consent".into())]
        } else {
            panic!("an unexpected page from the provider: {body}");
        });
    }
    panic!("the provider never sent the browser back");
}

/// Starts a sign-in at `start`: the provider's address and the pending cookie.
async fn start(app: &Router, start: &str) -> (String, String) {
    let res = common::get(app, start).await;
    assert_eq!(res.status(), StatusCode::SEE_OTHER, "{start}");
    let (cookie, header) = staff_cookie(&res).expect("the one staff cookie");
    assert!(header.contains("SameSite=Lax"), "{header}");
    assert!(
        header.contains("Path=/staff") && header.contains("HttpOnly"),
        "{header}"
    );
    let location = res.headers()[header::LOCATION]
        .to_str()
        .unwrap()
        .to_string();
    (location, cookie)
}

/// The callback on the site, with `cookie`.
async fn back(app: &Router, url: &str, cookie: Option<&str>) -> http::Response<Body> {
    let path = url.strip_prefix(SITE).unwrap_or(url);
    let mut req = Request::get(path);
    if let Some(c) = cookie {
        req = req.header(header::COOKIE, format!("rj_staff={c}"));
    }
    send(app, req.body(Body::empty()).unwrap()).await
}

/// The newest audit rows as (actor, action, detail).
async fn audit(state: &AppState) -> Vec<(Option<String>, String, Option<String>)> {
    state
        .store
        .audit_latest(50)
        .await
        .unwrap()
        .into_iter()
        .map(|r| (r.actor, r.action, r.detail))
        .collect()
}

/// Signs in as `login` through the `name` provider, starting at `start_path`.
async fn attempt(app: &Router, start_path: &str, login: &str) -> http::Response<Body> {
    let (auth, cookie) = start(app, start_path).await;
    let url = log_in_at_provider(&auth, login).await;
    back(app, &url, Some(&cookie)).await
}

#[test]
fn settings_refuse_the_shared_entra_issuer() {
    let read = |issuer: &str| {
        let vars: HashMap<&str, String> = [
            ("RJ_OIDC_PROVIDERS", "entra".to_string()),
            ("RJ_OIDC_ENTRA_ISSUER", issuer.to_string()),
            ("RJ_OIDC_ENTRA_CLIENT_ID", "id".to_string()),
            (
                "RJ_OIDC_ENTRA_CLIENT_SECRET",
                "the-client-secret".to_string(),
            ),
        ]
        .into_iter()
        .collect();
        Config::from_lookup("127.0.0.1:3000".parse().unwrap(), |k| vars.get(k).cloned())
    };
    let err = read("https://login.microsoftonline.com/common/v2.0").unwrap_err();
    assert!(err.to_string().contains("shared `common` issuer"), "{err}");
    let err = read("https://login.microsoftonline.com/organizations/v2.0").unwrap_err();
    assert!(err.to_string().contains("organizations"), "{err}");
    let config =
        read("https://login.microsoftonline.com/00000000-0000-0000-0000-000000000001/v2.0")
            .unwrap();
    assert_eq!(config.oidc.providers.len(), 1);
    assert!(!format!("{config:?}").contains("the-client-secret"));
}

#[tokio::test]
async fn an_invited_member_signs_in_and_their_invitation_is_used() {
    let Some((_provider, app, state)) = setup().await else {
        return;
    };
    let page = common::page(&app, "/staff/sign-in", StatusCode::OK).await;
    assert!(page.contains("href=\"/staff/oidc/idp\""), "{page}");
    assert!(page.contains("Sign in with Example account"), "{page}");
    let welsh = common::page(&app, "/staff/cy/mewngofnodi", StatusCode::OK).await;
    assert!(welsh.contains("href=\"/staff/cy/oidc/idp\""));

    let invitation = invite(&state, "worker@example.org").await;
    // The provider's address for the same person differs in case only.
    let res = attempt(&app, "/staff/oidc/idp", "Worker@Example.org").await;
    assert_eq!(res.status(), StatusCode::OK);
    let (session_token, header) = staff_cookie(&res).expect("a session cookie");
    assert!(header.contains("SameSite=Strict"), "{header}");
    let body = text(res).await;
    assert!(body.contains("url=/staff\""), "{body}");

    let list = send(
        &app,
        Request::get("/staff")
            .header(header::COOKIE, format!("rj_staff={session_token}"))
            .body(Body::empty())
            .unwrap(),
    )
    .await;
    assert_eq!(list.status(), StatusCode::OK);
    assert!(text(list).await.contains("worker@example.org"));
    // Signing in accepted the invitation: its link no longer works.
    let gone = common::get(&app, &format!("/staff/invitation/{invitation}")).await;
    assert_eq!(gone.status(), StatusCode::NOT_FOUND);
    assert!(audit(&state).await.contains(&(
        Some("worker@example.org".into()),
        "sign-in".into(),
        Some("oidc:idp".into())
    )));

    // MFA required: the same member without it is refused, with it let in.
    let res = attempt(&app, "/staff/oidc/strict", "worker@example.org").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    invite(&state, "mfa.worker@example.org").await;
    let res = attempt(&app, "/staff/oidc/strict", "mfa.worker@example.org").await;
    assert_eq!(res.status(), StatusCode::OK);
    let rows = audit(&state).await;
    assert!(rows.contains(&(
        None,
        "sign-in-failed".into(),
        Some("oidc:strict no-mfa".into())
    )));
    assert!(rows.contains(&(
        Some("mfa.worker@example.org".into()),
        "sign-in".into(),
        Some("oidc:strict".into())
    )));
}

#[tokio::test]
async fn every_refusal_is_the_same_page_and_an_audit_row() {
    let Some((_provider, app, state)) = setup().await else {
        return;
    };
    invite(&state, "worker@example.org").await;
    invite(&state, "unverified.worker@example.org").await;
    let refused = |body: &str| body.contains("could not be used to sign in to the staff inbox");

    // Not invited: the page does not name the address or say why.
    let res = attempt(&app, "/staff/oidc/idp", "stranger@example.org").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    let (cleared, _) = staff_cookie(&res).unwrap();
    assert_eq!(cleared, "", "the pending value is removed");
    let body = text(res).await;
    assert!(refused(&body) && !body.contains("stranger"), "{body}");

    // Invited, then removed: refused the same way.
    invite(&state, "gone@example.org").await;
    state
        .store
        .remove_member("gone@example.org", state.clock.now())
        .await
        .unwrap();
    let res = attempt(&app, "/staff/oidc/idp", "gone@example.org").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(refused(&text(res).await));

    // Invited, but the provider has not verified the address.
    let res = attempt(&app, "/staff/oidc/idp", "unverified.worker@example.org").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(refused(&text(res).await));

    // A state that is not the one kept: refused, and the pending sign-in is gone.
    let (auth, cookie) = start(&app, "/staff/oidc/idp").await;
    let url = log_in_at_provider(&auth, "worker@example.org").await;
    let tampered = regex::Regex::new("state=[^&]+")
        .unwrap()
        .replace(&url, "state=forged")
        .to_string();
    let res = back(&app, &tampered, Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);
    assert!(refused(&text(res).await));
    let again = back(&app, &url, Some(&cookie)).await;
    assert_eq!(
        again.status(),
        StatusCode::FORBIDDEN,
        "each sign-in returns once"
    );

    // The provider's answer in another browser (no pending cookie).
    let (auth, _cookie) = start(&app, "/staff/oidc/idp").await;
    let url = log_in_at_provider(&auth, "worker@example.org").await;
    assert_eq!(back(&app, &url, None).await.status(), StatusCode::FORBIDDEN);

    // Welsh: the language the person started in is kept for the refusal.
    let res = attempt(&app, "/staff/cy/oidc/idp", "stranger@example.org").await;
    let body = text(res).await;
    assert!(
        body.contains("lang=\"cy\"") && body.contains("Doedd dim modd"),
        "{body}"
    );

    // A provider whose discovery names another issuer: a clear page, no redirect.
    let res = common::get(&app, "/staff/oidc/wrong").await;
    assert_eq!(res.status(), StatusCode::SERVICE_UNAVAILABLE);
    assert!(text(res).await.contains("cannot reach your organisation"));
    // No such provider: not found, and nothing written.
    let res = common::get(&app, "/staff/oidc/nobody").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
    let res = common::get(&app, "/staff/oidc/nobody/callback?state=x&code=y").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);

    let rows = audit(&state).await;
    for detail in [
        "oidc:idp not-invited",
        "oidc:idp unverified-email",
        "oidc:idp bad-state",
        "oidc:wrong wrong-issuer",
    ] {
        assert!(
            rows.contains(&(None, "sign-in-failed".into(), Some(detail.into()))),
            "{detail} in {rows:?}"
        );
    }
    assert!(
        !rows.iter().any(|(_, action, _)| action == "sign-in"),
        "nobody signed in: {rows:?}"
    );
    assert!(
        !rows
            .iter()
            .any(|(_, _, d)| d.as_deref().unwrap_or("").contains("nobody")),
        "{rows:?}"
    );
}

#[tokio::test]
async fn a_tampered_nonce_and_an_expired_token_are_refused() {
    // A provider whose clock is ten minutes slow and whose ID tokens last a minute: every
    // token it signs has expired when it arrives.
    let redirects = vec![callback("slow")];
    let Some(slow) = Provider::start(
        vec![client(
            "site",
            "site-secret",
            &redirects,
            &["authorization_code"],
        )],
        json!({ "ttl": { "IdToken": 60 }, "clock_offset_seconds": -600 }),
    ) else {
        return;
    };
    let vars = [
        ("RJ_PUBLIC_URL", SITE),
        ("RJ_OIDC_PROVIDERS", "slow"),
        ("RJ_OIDC_SLOW_ISSUER", slow.issuer.as_str()),
        ("RJ_OIDC_SLOW_CLIENT_ID", "site"),
        ("RJ_OIDC_SLOW_CLIENT_SECRET", "site-secret"),
    ];
    let (app, state) = common::app_and_state(&vars).await;
    invite(&state, "worker@example.org").await;

    let res = attempt(&app, "/staff/oidc/slow", "worker@example.org").await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    let rows = audit(&state).await;
    assert!(rows.contains(&(
        None,
        "sign-in-failed".into(),
        Some("oidc:slow expired".into())
    )));

    // The nonce changed on its way to the provider: the ID token carries the changed one.
    let Some((_provider, app, state)) = setup().await else {
        return;
    };
    invite(&state, "worker@example.org").await;
    let (auth, cookie) = start(&app, "/staff/oidc/idp").await;
    let tampered = regex::Regex::new("nonce=[^&]+")
        .unwrap()
        .replace(&auth, "nonce=forged")
        .to_string();
    let url = log_in_at_provider(&tampered, "worker@example.org").await;
    let res = back(&app, &url, Some(&cookie)).await;
    assert_eq!(res.status(), StatusCode::FORBIDDEN);

    let rows = audit(&state).await;
    assert!(rows.contains(&(
        None,
        "sign-in-failed".into(),
        Some("oidc:idp bad-nonce".into())
    )));
}

/// `rj check-config` (the real binary) reads each provider's discovery document: a
/// provider at its own issuer is ok; one whose document names another issuer fails the
/// check, by name.
#[test]
fn check_config_reads_each_providers_discovery() {
    let Some(provider) = Provider::start(
        vec![client(
            "site",
            "site-secret",
            &[callback("idp")],
            &["authorization_code"],
        )],
        json!({}),
    ) else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let wrong = format!("http://127.0.0.1:{}", provider.port);
    let rj = |command: &str, issuer: &str| {
        std::process::Command::new(env!("CARGO_BIN_EXE_rj"))
            .arg(command)
            .env_clear()
            .env("PATH", std::env::var_os("PATH").unwrap_or_default())
            .env(
                "RJ_DATABASE_URL",
                format!("sqlite://{}/rj.db", dir.path().display()),
            )
            .env("RJ_MAIL_DIR", dir.path().join("mail"))
            .env("RJ_PUBLIC_URL", SITE)
            .env("RJ_OIDC_PROVIDERS", "idp")
            .env("RJ_OIDC_IDP_ISSUER", issuer)
            .env("RJ_OIDC_IDP_CLIENT_ID", "site")
            .env("RJ_OIDC_IDP_CLIENT_SECRET", "site-secret")
            .env("RUST_LOG", "error")
            .output()
            .unwrap()
    };
    assert!(rj("migrate", &provider.issuer).status.success());
    let check = |issuer: &str| {
        let out = rj("check-config", issuer);
        let said = String::from_utf8_lossy(&out.stdout).to_string();
        assert!(!said.contains("site-secret"), "the secret printed: {said}");
        (said, out.status.success())
    };
    let (said, ok) = check(&provider.issuer);
    assert!(
        said.contains(&format!(
            "single sign-on idp: ok (discovery at {})",
            provider.issuer
        )),
        "{said}"
    );
    assert!(ok, "{said}");
    let (said, ok) = check(&wrong);
    assert!(
        said.contains("single sign-on idp: FAILED (wrong-issuer)"),
        "{said}"
    );
    assert!(
        !ok,
        "a provider that cannot be used fails the check: {said}"
    );
}

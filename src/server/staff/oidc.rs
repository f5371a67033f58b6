//! Signing in with an organisation's account (OpenID Connect, authorization code with
//! PKCE), through `openidconnect`. Two requests: `start` (a link on the sign-in page)
//! keeps state, nonce and PKCE verifier in the database under the hash of a fresh value
//! of the one staff cookie and sends the browser to the provider; `callback` takes them
//! back with that cookie, exchanges the code, checks the ID token (signature, issuer,
//! audience, expiry, nonce), and signs in the invited member its verified email names.
//! Every outcome is audited; every refusal gets the same page and counts against the
//! network's sign-in limit.

use super::{AppState, audit, html, network, secure};
use crate::i18n::Lang;
use crate::pages::staff as pages;
use crate::server::limit::client_of;
use crate::staff::audit::Event;
use crate::staff::oidc::{Claims, PENDING_SECONDS, Pending, ProviderSettings, Refusal, decide};
use crate::staff::session;
use axum::Router;
use axum::extract::{Path, Query, Request, State};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use http::{StatusCode, header};
use openidconnect::core::{CoreClient, CoreProviderMetadata, CoreResponseType};
use openidconnect::{
    AuthenticationFlow, AuthorizationCode, ClaimsVerificationError, ClientId, ClientSecret,
    CsrfToken, DiscoveryError, IssuerUrl, Nonce, PkceCodeChallenge, PkceCodeVerifier, RedirectUrl,
    Scope, TokenResponse,
};
use secrecy::ExposeSecret;
use serde::Deserialize;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// How long a provider's discovery document and keys are reused.
const DISCOVERY_TTL: Duration = Duration::from_secs(60 * 60);

/// The providers at run time: an HTTP client that follows no redirects (the crate's
/// advice against request forgery) and each provider's discovery, cached.
#[derive(Clone)]
pub struct Oidc {
    http: reqwest::Client,
    cache: Arc<Mutex<HashMap<String, (Instant, CoreProviderMetadata)>>>,
}

impl Default for Oidc {
    fn default() -> Self {
        Self::new()
    }
}

impl Oidc {
    pub fn new() -> Self {
        let http = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .timeout(Duration::from_secs(10))
            .build()
            .unwrap_or_default();
        Self {
            http,
            cache: Arc::default(),
        }
    }

    /// The provider's discovery document and keys, fetched at most once an hour.
    async fn metadata(&self, p: &ProviderSettings) -> Result<CoreProviderMetadata, Refusal> {
        if let Some((at, meta)) = self.cache.lock().ok().and_then(|c| c.get(&p.name).cloned())
            && at.elapsed() < DISCOVERY_TTL
        {
            return Ok(meta);
        }
        let issuer = IssuerUrl::new(p.issuer.clone()).map_err(|_| Refusal::ProviderError)?;
        let meta = CoreProviderMetadata::discover_async(issuer, &self.http)
            .await
            .map_err(|e| {
                tracing::warn!(
                    provider = p.name,
                    "staff: single sign-on discovery failed: {e}"
                );
                match e {
                    // The document names another issuer (Entra's shared ones do).
                    DiscoveryError::Validation(_) => Refusal::WrongIssuer,
                    _ => Refusal::ProviderError,
                }
            })?;
        if let Ok(mut c) = self.cache.lock() {
            c.insert(p.name.clone(), (Instant::now(), meta.clone()));
        }
        Ok(meta)
    }

    /// Whether the provider's discovery document can be read and names the configured
    /// issuer, for `rj check-config`: `Err` is the refusal's word.
    pub async fn check(&self, p: &ProviderSettings) -> Result<(), &'static str> {
        self.metadata(p).await.map(drop).map_err(Refusal::as_str)
    }

    /// Forgets a provider's keys (after a signature failure: it may have rotated them).
    fn forget(&self, name: &str) {
        if let Ok(mut c) = self.cache.lock() {
            c.remove(name);
        }
    }
}

/// The address the provider sends the browser back to: one per provider, the same in
/// both languages (the language is kept with the pending sign-in).
pub fn callback_path(name: &str) -> String {
    format!("/staff/oidc/{name}/callback")
}

/// The sign-in page's link for a provider, in `lang`.
pub fn start_path(lang: Lang, name: &str) -> String {
    match lang {
        Lang::En => format!("/staff/oidc/{name}"),
        Lang::Cy => format!("/staff/cy/oidc/{name}"),
    }
}

pub fn routes(lang: Lang) -> Router<AppState> {
    let router = Router::new().route(
        &start_path(lang, "{name}"),
        get(move |s: State<AppState>, n: Path<String>, req: Request| start(s, lang, n, req)),
    );
    match lang {
        Lang::En => router.route(&callback_path("{name}"), get(callback)),
        Lang::Cy => router,
    }
}

/// The sign-in page's links, one per provider.
pub fn links(state: &AppState, lang: Lang) -> Vec<pages::SignInLink> {
    state
        .config
        .oidc
        .providers
        .iter()
        .map(|p| pages::SignInLink {
            label: p.label.clone(),
            href: start_path(lang, &p.name),
        })
        .collect()
}

/// A client for `p` from its discovery.
fn client(
    state: &AppState,
    p: &ProviderSettings,
    meta: CoreProviderMetadata,
) -> Result<
    CoreClient<
        openidconnect::EndpointSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointNotSet,
        openidconnect::EndpointMaybeSet,
        openidconnect::EndpointMaybeSet,
    >,
    Refusal,
> {
    let redirect = format!("{}{}", state.config.site.public_url, callback_path(&p.name));
    Ok(CoreClient::from_provider_metadata(
        meta,
        ClientId::new(p.client_id.clone()),
        Some(ClientSecret::new(
            p.client_secret.expose_secret().to_string(),
        )),
    )
    .set_redirect_uri(RedirectUrl::new(redirect).map_err(|_| Refusal::ProviderError)?))
}

/// The id kept for a pending sign-in: the hash of the cookie's value, marked so it is
/// never taken for a passkey ceremony.
fn pending_id(token: &str) -> String {
    format!("oidc:{}", session::hash(token))
}

async fn start(
    State(state): State<AppState>,
    lang: Lang,
    Path(name): Path<String>,
    req: Request,
) -> Response {
    let Some(p) = state.config.oidc.provider(&name).cloned() else {
        return super::not_found(lang, None);
    };
    let ip = client_of(&req, state.config.client_ip_header.as_ref());
    if state
        .sign_in_limit
        .is_full(&state.store, ip, state.clock.now())
        .await
    {
        return html(
            StatusCode::TOO_MANY_REQUESTS,
            pages::oidc_refused(lang, "staff-sign-in-too-many"),
        );
    }
    let meta = match state.oidc.metadata(&p).await {
        Ok(meta) => meta,
        Err(reason) => {
            // The provider, not the person: audited, not counted against them.
            let _ = audit(
                &state,
                None,
                Event::SignInFailed,
                None,
                Some(format!("oidc:{name} {}", reason.as_str())),
                Some(network(&state, ip)),
            )
            .await;
            return html(
                StatusCode::SERVICE_UNAVAILABLE,
                pages::oidc_refused(lang, "staff-oidc-unavailable"),
            );
        }
    };
    let Ok(client) = client(&state, &p, meta) else {
        return html(
            StatusCode::SERVICE_UNAVAILABLE,
            pages::oidc_refused(lang, "staff-oidc-unavailable"),
        );
    };
    let (challenge, verifier) = PkceCodeChallenge::new_random_sha256();
    let (url, csrf, nonce) = client
        .authorize_url(
            AuthenticationFlow::<CoreResponseType>::AuthorizationCode,
            CsrfToken::new_random,
            Nonce::new_random,
        )
        .add_scope(Scope::new("email".into()))
        .set_pkce_challenge(challenge)
        .url();
    let pending = Pending {
        provider: name,
        lang: lang.code().to_string(),
        state: csrf.secret().clone(),
        nonce: nonce.secret().clone(),
        pkce_verifier: verifier.secret().clone(),
    };
    let token = session::new_token();
    let kept = match serde_json::to_string(&pending) {
        Ok(json) => {
            state
                .store
                .put_ceremony(
                    &pending_id(&token),
                    "sign-in",
                    &json,
                    state.clock.now() + PENDING_SECONDS,
                )
                .await
        }
        Err(e) => {
            tracing::error!("staff: cannot keep a pending sign-in: {e}");
            return super::unavailable();
        }
    };
    if let Err(e) = kept {
        tracing::error!("staff: cannot keep a pending sign-in: {e}");
        return super::unavailable();
    }
    let mut res = crate::server::render::see_other(url.as_str());
    res.headers_mut().insert(
        header::SET_COOKIE,
        session::pending_cookie(&token, secure(&state)),
    );
    res
}

/// What the provider sends back: a code and the state, or an error.
#[derive(Deserialize)]
struct Back {
    code: Option<String>,
    state: Option<String>,
    error: Option<String>,
}

async fn callback(
    State(state): State<AppState>,
    Path(name): Path<String>,
    req: Request,
) -> Response {
    // Only a configured name reaches the audit log (the path is anyone's to write).
    if state.config.oidc.provider(&name).is_none() {
        return super::not_found(Lang::En, None);
    }
    let ip = client_of(&req, state.config.client_ip_header.as_ref());
    let net = network(&state, ip);
    let token = session::token(req.headers());
    let back: Option<Back> = Query::try_from_uri(req.uri()).ok().map(|q| q.0);
    drop(req);
    let now = state.clock.now();
    // The pending sign-in first: it knows the language the person started in.
    let pending = match &token {
        None => None,
        Some(token) => match state
            .store
            .take_ceremony(&pending_id(token), "sign-in", now)
            .await
        {
            Ok(found) => found.and_then(|json| serde_json::from_str::<Pending>(&json).ok()),
            Err(e) => {
                tracing::error!("staff: cannot read a pending sign-in: {e}");
                return super::unavailable();
            }
        },
    };
    let lang = pending
        .as_ref()
        .and_then(|p| Lang::from_code(&p.lang))
        .unwrap_or(Lang::En);
    if state.sign_in_limit.is_full(&state.store, ip, now).await {
        return html(
            StatusCode::TOO_MANY_REQUESTS,
            pages::oidc_refused(lang, "staff-sign-in-too-many"),
        );
    }
    match finish(&state, &name, pending, back).await {
        Ok((member_id, email)) => {
            if let Err(e) = state.store.use_invitations(member_id, now).await {
                tracing::error!("staff: cannot mark invitations used: {e}");
                return super::unavailable();
            }
            if let Err(res) = audit(
                &state,
                Some(&email),
                Event::SignIn,
                None,
                Some(format!("oidc:{name}")),
                Some(net),
            )
            .await
            {
                return res;
            }
            let session_token = session::new_token();
            if let Err(e) = state
                .store
                .start_session(&session::hash(&session_token), member_id, now)
                .await
            {
                tracing::error!("staff: cannot start a session: {e}");
                return super::unavailable();
            }
            let mut res = html(StatusCode::OK, pages::oidc_signed_in(lang));
            res.headers_mut().insert(
                header::SET_COOKIE,
                session::set_cookie(&session_token, secure(&state)),
            );
            res
        }
        Err(reason) => {
            tracing::info!(
                provider = name,
                "staff: a single sign-on was refused ({})",
                reason.as_str()
            );
            state.sign_in_limit.allow(&state.store, ip, now).await;
            let _ = audit(
                &state,
                None,
                Event::SignInFailed,
                None,
                Some(format!("oidc:{name} {}", reason.as_str())),
                Some(net),
            )
            .await;
            let mut res = html(
                StatusCode::FORBIDDEN,
                pages::oidc_refused(lang, "staff-oidc-refused"),
            );
            res.headers_mut()
                .insert(header::SET_COOKIE, session::clear_cookie(secure(&state)));
            res
        }
    }
    .into_response()
}

/// The decision after the provider's return: the member and their address, or why not.
async fn finish(
    state: &AppState,
    name: &str,
    pending: Option<Pending>,
    back: Option<Back>,
) -> Result<(i64, String), Refusal> {
    let pending = pending.ok_or(Refusal::BadState)?;
    let back = back.ok_or(Refusal::BadState)?;
    if pending.provider != name || back.state.as_deref() != Some(pending.state.as_str()) {
        return Err(Refusal::BadState);
    }
    if back.error.is_some() {
        return Err(Refusal::ProviderError);
    }
    let code = back.code.ok_or(Refusal::ProviderError)?;
    let p = state
        .config
        .oidc
        .provider(name)
        .ok_or(Refusal::BadState)?
        .clone();
    let meta = state.oidc.metadata(&p).await?;
    let client = client(state, &p, meta)?;
    let tokens = client
        .exchange_code(AuthorizationCode::new(code))
        .map_err(|_| Refusal::ProviderError)?
        .set_pkce_verifier(PkceCodeVerifier::new(pending.pkce_verifier))
        .request_async(&state.oidc.http)
        .await
        .map_err(|e| {
            tracing::warn!(
                provider = name,
                "staff: single sign-on code exchange failed: {e}"
            );
            Refusal::ProviderError
        })?;
    let id_token = tokens.id_token().ok_or(Refusal::ProviderError)?;
    let verified = id_token
        .claims(&client.id_token_verifier(), &Nonce::new(pending.nonce))
        .map_err(|e| {
            tracing::info!(provider = name, "staff: an ID token was refused: {e}");
            match e {
                ClaimsVerificationError::InvalidIssuer(_) => Refusal::WrongIssuer,
                ClaimsVerificationError::InvalidNonce(_) => Refusal::BadNonce,
                ClaimsVerificationError::Expired(_) => Refusal::Expired,
                ClaimsVerificationError::SignatureVerification(_) => {
                    state.oidc.forget(name);
                    Refusal::ProviderError
                }
                _ => Refusal::ProviderError,
            }
        })?;
    let claims = Claims {
        email: verified.email().map(|e| e.as_str().to_string()),
        email_verified: verified.email_verified(),
        amr: verified
            .auth_method_refs()
            .map(|all| all.iter().map(|m| m.as_str().to_string()).collect())
            .unwrap_or_default(),
    };
    let email = decide(&claims, p.require_mfa)?;
    let member = state
        .store
        .member_by_email(&email)
        .await
        .map_err(|_| Refusal::ProviderError)?
        .ok_or(Refusal::NotInvited)?;
    Ok((member, email))
}

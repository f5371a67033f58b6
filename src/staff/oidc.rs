//! Staff sign-in with their organisation's account (OpenID Connect, e.g. Microsoft
//! Entra): the providers' settings and their parse, what is kept between the redirect to
//! the provider and its return, and the one decision on an ID token's claims. The flow
//! itself (discovery, PKCE, the code exchange, checking the ID token) is in
//! `server::staff::oidc`, through the `openidconnect` crate.

use secrecy::SecretString;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// How long a started sign-in may come back from the provider.
pub const PENDING_SECONDS: i64 = 10 * 60;

/// One organisation's identity provider.
#[derive(Clone, Debug)]
pub struct ProviderSettings {
    /// Lower-case letters, digits and `-`: the provider's part of the addresses
    /// (`/staff/oidc/<name>/callback`) and of the audit log's `oidc:<name>`.
    pub name: String,
    /// One tenant's issuer, exactly as its discovery document says it.
    pub issuer: String,
    pub client_id: String,
    /// Never prints.
    pub client_secret: SecretString,
    /// The button's text ("Contoso account"); without it, the name.
    pub label: Option<String>,
    /// The ID token's `amr` must contain `mfa`.
    pub require_mfa: bool,
}

/// Every configured provider, in the order given (the buttons' order).
#[derive(Clone, Debug, Default)]
pub struct OidcSettings {
    pub providers: Vec<ProviderSettings>,
}

impl OidcSettings {
    pub fn provider(&self, name: &str) -> Option<&ProviderSettings> {
        self.providers.iter().find(|p| p.name == name)
    }
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum OidcConfigError {
    #[error(
        "RJ_OIDC_PROVIDERS must be a comma-separated list of names of lower-case letters, digits and `-`, such as `entra`, not `{0}`"
    )]
    BadName(String),
    #[error("the single sign-on provider `{0}` is named twice")]
    Duplicate(String),
    #[error("{0} must be set for single sign-on")]
    Missing(String),
    #[error("{name} must be an http:// or https:// address, not `{value}`")]
    BadIssuer { name: String, value: String },
    #[error(
        "{name} is Microsoft's shared `{tenant}` issuer, which fails the issuer check: use your tenant's own issuer, https://login.microsoftonline.com/<tenant-id>/v2.0"
    )]
    SharedIssuer { name: String, tenant: String },
    #[error("{name} must use https:// when RJ_ENV=production, not `{value}`")]
    InsecureIssuer { name: String, value: String },
    #[error("{name} must be `true` or `false`, not `{value}`")]
    BadFlag { name: String, value: String },
    #[error("cannot read RJ_OIDC_FILE {path}: {reason}")]
    File { path: String, reason: String },
    #[error("set either RJ_OIDC_FILE or RJ_OIDC_PROVIDERS, not both")]
    Both,
}

/// The file `RJ_OIDC_FILE` names: one table per provider.
///
/// ```toml
/// [providers.entra]
/// issuer = "https://login.microsoftonline.com/<tenant-id>/v2.0"
/// client_id = "…"
/// client_secret = "…"
/// label = "Contoso account"
/// require_mfa = true
/// ```
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    providers: BTreeMap<String, FileProvider>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct FileProvider {
    issuer: String,
    client_id: String,
    client_secret: String,
    label: Option<String>,
    #[serde(default)]
    require_mfa: bool,
}

/// Reads the providers: `RJ_OIDC_PROVIDERS=entra,other` with `RJ_OIDC_<NAME>_ISSUER`,
/// `_CLIENT_ID`, `_CLIENT_SECRET`, `_LABEL`, `_REQUIRE_MFA` (NAME in upper case, `-` as
/// `_`), or the same from the TOML file `RJ_OIDC_FILE`. None: staff sign in with
/// passkeys only.
pub fn parse(
    get: &impl Fn(&str) -> Option<String>,
    production: bool,
) -> Result<OidcSettings, OidcConfigError> {
    let raw: Vec<(String, FileProvider)> = match (get("RJ_OIDC_FILE"), get("RJ_OIDC_PROVIDERS")) {
        (Some(_), Some(_)) => return Err(OidcConfigError::Both),
        (None, None) => Vec::new(),
        (Some(path), None) => {
            let err = |reason: String| OidcConfigError::File {
                path: path.clone(),
                reason,
            };
            let text = std::fs::read_to_string(&path).map_err(|e| err(e.to_string()))?;
            let file: File = toml::from_str(&text).map_err(|e| err(e.message().to_string()))?;
            file.providers.into_iter().collect()
        }
        (None, Some(list)) => {
            let mut raw = Vec::new();
            for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
                let var = |part: &str| {
                    format!(
                        "RJ_OIDC_{}_{part}",
                        name.to_ascii_uppercase().replace('-', "_")
                    )
                };
                let need = |part: &str| get(&var(part)).ok_or(OidcConfigError::Missing(var(part)));
                let require_mfa = match get(&var("REQUIRE_MFA")).as_deref() {
                    None | Some("false") => false,
                    Some("true") => true,
                    Some(v) => {
                        return Err(OidcConfigError::BadFlag {
                            name: var("REQUIRE_MFA"),
                            value: v.to_string(),
                        });
                    }
                };
                if !valid_name(name) {
                    return Err(OidcConfigError::BadName(name.to_string()));
                }
                raw.push((
                    name.to_string(),
                    FileProvider {
                        issuer: need("ISSUER")?,
                        client_id: need("CLIENT_ID")?,
                        client_secret: need("CLIENT_SECRET")?,
                        label: get(&var("LABEL")),
                        require_mfa,
                    },
                ));
            }
            raw
        }
    };
    let mut providers: Vec<ProviderSettings> = Vec::new();
    for (name, p) in raw {
        if !valid_name(&name) {
            return Err(OidcConfigError::BadName(name));
        }
        if providers.iter().any(|q| q.name == name) {
            return Err(OidcConfigError::Duplicate(name));
        }
        let setting = format!(
            "RJ_OIDC_{}_ISSUER",
            name.to_ascii_uppercase().replace('-', "_")
        );
        let issuer = check_issuer(&setting, p.issuer.trim(), production)?;
        for (part, value) in [
            ("CLIENT_ID", &p.client_id),
            ("CLIENT_SECRET", &p.client_secret),
        ] {
            if value.trim().is_empty() {
                return Err(OidcConfigError::Missing(setting.replace("ISSUER", part)));
            }
        }
        providers.push(ProviderSettings {
            name,
            issuer,
            client_id: p.client_id.trim().to_string(),
            client_secret: SecretString::from(p.client_secret.trim().to_string()),
            label: p
                .label
                .map(|l| l.trim().to_string())
                .filter(|l| !l.is_empty()),
            require_mfa: p.require_mfa,
        });
    }
    Ok(OidcSettings { providers })
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= 32
        && name
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

/// An issuer URL, refused when it is Microsoft's shared one (`common`, `organizations`,
/// `consumers`: their tokens carry each tenant's own issuer, so the strict check fails or,
/// worse, any tenant's account would do) or plain HTTP in production.
fn check_issuer(name: &str, value: &str, production: bool) -> Result<String, OidcConfigError> {
    let url = openidconnect::url::Url::parse(value).map_err(|_| OidcConfigError::BadIssuer {
        name: name.to_string(),
        value: value.to_string(),
    })?;
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
        return Err(OidcConfigError::BadIssuer {
            name: name.to_string(),
            value: value.to_string(),
        });
    }
    let host = url.host_str().unwrap_or_default().to_ascii_lowercase();
    let microsoft = host == "login.microsoftonline.com"
        || host == "login.microsoft.com"
        || host == "login.windows.net"
        || host == "sts.windows.net";
    if microsoft {
        let tenant = url
            .path_segments()
            .and_then(|mut s| s.next())
            .unwrap_or_default()
            .to_ascii_lowercase();
        if matches!(
            tenant.as_str(),
            "common" | "organizations" | "consumers" | "{tenantid}" | "<tenant-id>" | ""
        ) {
            return Err(OidcConfigError::SharedIssuer {
                name: name.to_string(),
                tenant,
            });
        }
    }
    if production && url.scheme() != "https" {
        return Err(OidcConfigError::InsecureIssuer {
            name: name.to_string(),
            value: value.to_string(),
        });
    }
    Ok(value.to_string())
}

/// What is kept in the database between the redirect to the provider and its return,
/// keyed by the hash of the browser's pre-sign-in cookie value (so only that browser can
/// finish it, and any instance can).
#[derive(Clone, Serialize, Deserialize)]
pub struct Pending {
    pub provider: String,
    /// The language the person started in (`en` or `cy`).
    pub lang: String,
    pub state: String,
    pub nonce: String,
    pub pkce_verifier: String,
}

/// Why a sign-in is refused: the audit log's short word. The person sees the same page
/// for each (it never says whether an address is invited).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    NotInvited,
    UnverifiedEmail,
    NoMfa,
    BadState,
    BadNonce,
    WrongIssuer,
    Expired,
    ProviderError,
}

impl Refusal {
    pub fn as_str(self) -> &'static str {
        match self {
            Refusal::NotInvited => "not-invited",
            Refusal::UnverifiedEmail => "unverified-email",
            Refusal::NoMfa => "no-mfa",
            Refusal::BadState => "bad-state",
            Refusal::BadNonce => "bad-nonce",
            Refusal::WrongIssuer => "wrong-issuer",
            Refusal::Expired => "expired",
            Refusal::ProviderError => "provider-error",
        }
    }
}

/// The claims of a verified ID token that decide a sign-in.
#[derive(Clone, Debug, Default)]
pub struct Claims {
    pub email: Option<String>,
    pub email_verified: Option<bool>,
    pub amr: Vec<String>,
}

/// The address to look the member up by (lower case, as invitations store it), or why
/// the token is not enough: an unverified or missing email, or no MFA when required.
pub fn decide(claims: &Claims, require_mfa: bool) -> Result<String, Refusal> {
    let email = claims
        .email
        .as_deref()
        .map(|e| e.trim().to_lowercase())
        .filter(|e| !e.is_empty());
    let Some(email) = email else {
        return Err(Refusal::UnverifiedEmail);
    };
    if claims.email_verified != Some(true) {
        return Err(Refusal::UnverifiedEmail);
    }
    if require_mfa && !claims.amr.iter().any(|m| m == "mfa") {
        return Err(Refusal::NoMfa);
    }
    Ok(email)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse_vars(
        vars: &[(&str, &str)],
        production: bool,
    ) -> Result<OidcSettings, OidcConfigError> {
        let vars: HashMap<String, String> = vars
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        parse(&|k: &str| vars.get(k).cloned(), production)
    }

    #[test]
    fn reads_providers_from_the_environment() {
        let s = parse_vars(
            &[
                ("RJ_OIDC_PROVIDERS", "entra, other-idp"),
                (
                    "RJ_OIDC_ENTRA_ISSUER",
                    "https://login.microsoftonline.com/0000-1111/v2.0",
                ),
                ("RJ_OIDC_ENTRA_CLIENT_ID", "abc"),
                ("RJ_OIDC_ENTRA_CLIENT_SECRET", "s3cret-value"),
                ("RJ_OIDC_ENTRA_LABEL", "Contoso account"),
                ("RJ_OIDC_ENTRA_REQUIRE_MFA", "true"),
                ("RJ_OIDC_OTHER_IDP_ISSUER", "https://id.example.org"),
                ("RJ_OIDC_OTHER_IDP_CLIENT_ID", "x"),
                ("RJ_OIDC_OTHER_IDP_CLIENT_SECRET", "y"),
            ],
            true,
        )
        .unwrap();
        assert_eq!(s.providers.len(), 2);
        let e = s.provider("entra").unwrap();
        assert!(e.require_mfa);
        assert_eq!(e.label.as_deref(), Some("Contoso account"));
        assert!(!format!("{s:?}").contains("s3cret-value"));
        assert!(!s.provider("other-idp").unwrap().require_mfa);
    }

    #[test]
    fn refuses_shared_issuers_plain_http_in_production_and_gaps() {
        for tenant in ["common", "organizations", "consumers"] {
            let issuer = format!("https://login.microsoftonline.com/{tenant}/v2.0");
            let err = parse_vars(
                &[
                    ("RJ_OIDC_PROVIDERS", "entra"),
                    ("RJ_OIDC_ENTRA_ISSUER", &issuer),
                    ("RJ_OIDC_ENTRA_CLIENT_ID", "a"),
                    ("RJ_OIDC_ENTRA_CLIENT_SECRET", "b"),
                ],
                false,
            )
            .unwrap_err();
            assert!(matches!(err, OidcConfigError::SharedIssuer { .. }), "{err}");
            assert!(err.to_string().contains("<tenant-id>"));
        }
        let http = [
            ("RJ_OIDC_PROVIDERS", "idp"),
            ("RJ_OIDC_IDP_ISSUER", "http://localhost:4400"),
            ("RJ_OIDC_IDP_CLIENT_ID", "a"),
            ("RJ_OIDC_IDP_CLIENT_SECRET", "b"),
        ];
        assert!(parse_vars(&http, false).is_ok());
        assert!(matches!(
            parse_vars(&http, true),
            Err(OidcConfigError::InsecureIssuer { .. })
        ));
        assert_eq!(
            parse_vars(&http[..3], false).unwrap_err(),
            OidcConfigError::Missing("RJ_OIDC_IDP_CLIENT_SECRET".into())
        );
        assert!(matches!(
            parse_vars(&[("RJ_OIDC_PROVIDERS", "Bad Name")], false),
            Err(OidcConfigError::BadName(_))
        ));
        assert!(parse_vars(&[], true).unwrap().providers.is_empty());
    }

    #[test]
    fn reads_a_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("oidc.toml");
        std::fs::write(
            &path,
            "[providers.entra]\nissuer = \"https://login.microsoftonline.com/abc/v2.0\"\n\
             client_id = \"id\"\nclient_secret = \"secret\"\nrequire_mfa = true\n",
        )
        .unwrap();
        let p = path.display().to_string();
        let s = parse_vars(&[("RJ_OIDC_FILE", &p)], true).unwrap();
        assert!(s.provider("entra").unwrap().require_mfa);
        std::fs::write(&path, "[providers.entra]\nissuer = \"https://login.microsoftonline.com/common/v2.0\"\nclient_id = \"i\"\nclient_secret = \"s\"\n").unwrap();
        assert!(matches!(
            parse_vars(&[("RJ_OIDC_FILE", &p)], true),
            Err(OidcConfigError::SharedIssuer { .. })
        ));
        assert_eq!(
            parse_vars(&[("RJ_OIDC_FILE", &p), ("RJ_OIDC_PROVIDERS", "x")], true).unwrap_err(),
            OidcConfigError::Both
        );
    }

    #[test]
    fn decides_on_the_claims() {
        let ok = Claims {
            email: Some(" Staff@Example.ORG ".into()),
            email_verified: Some(true),
            amr: vec!["pwd".into()],
        };
        assert_eq!(decide(&ok, false), Ok("staff@example.org".into()));
        assert_eq!(decide(&ok, true), Err(Refusal::NoMfa));
        let mfa = Claims {
            amr: vec!["pwd".into(), "mfa".into()],
            ..ok.clone()
        };
        assert!(decide(&mfa, true).is_ok());
        let unverified = Claims {
            email_verified: Some(false),
            ..ok.clone()
        };
        assert_eq!(decide(&unverified, false), Err(Refusal::UnverifiedEmail));
        let missing = Claims {
            email_verified: None,
            ..ok
        };
        assert_eq!(decide(&missing, false), Err(Refusal::UnverifiedEmail));
    }
}

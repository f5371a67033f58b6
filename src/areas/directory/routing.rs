//! Where requests are sent: a deployment setting, kept apart from the public directory.
//! A request goes straight to a service only for areas listed in the routing file
//! (`RJ_ROUTING`), which holds the addresses of services that have agreed to take
//! referrals from the site; every other request goes to the operator's triage inbox
//! (`RJ_TRIAGE_EMAIL`), who passes it on. A file rather than one variable per area:
//! 43 areas (and youth services) are easier to review, and their mistakes are
//! reported with their line, as the directory's are.
//!
//! Each route also says how its requests are delivered ([`Delivery`]): by default an
//! email with no personal data that links into the staff inbox; the full answers by
//! email only to an address in a secure domain ([`SecureDomains`]) or one the
//! operator has attested (`attested = true`). Production refuses any other, naming
//! its line; development warns ([`Routing::warnings`]).

use super::{Audience, DirectoryError, Lines, Listing, Service};
use crate::areas::{AreaId, Areas};
use crate::i18n::Lang;
use crate::mail::address::EmailAddress;
use crate::mail::secure::SecureDomains;
use serde::Deserialize;
use toml::Spanned;

/// How a route's requests reach the people who act on them. Written `inbox` or
/// `email` in the routing file and in `RJ_TRIAGE_DELIVERY`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Delivery {
    /// An email that says only that a request is waiting, with a link into the staff
    /// inbox, where it is read signed in (the default).
    #[default]
    Inbox,
    /// The full answers by email, with the signed "I have it" link.
    Email,
}

impl Delivery {
    pub fn as_str(self) -> &'static str {
        match self {
            Delivery::Inbox => "inbox",
            Delivery::Email => "email",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_ascii_lowercase().as_str() {
            "inbox" => Some(Delivery::Inbox),
            "email" => Some(Delivery::Email),
            _ => None,
        }
    }
}

/// Whether an address may receive a request's full answers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Trust {
    /// In a secure email domain, or a subdomain of one.
    Secure,
    /// Not in one, but the operator has checked it is secure (`attested = true`).
    Attested,
    NotSecure,
}

impl Trust {
    pub fn of(email: &EmailAddress, attested: bool, secure: &SecureDomains) -> Self {
        if secure.is_secure(email) {
            Trust::Secure
        } else if attested {
            Trust::Attested
        } else {
            Trust::NotSecure
        }
    }

    /// As `check-config` prints it.
    pub fn as_str(self) -> &'static str {
        match self {
            Trust::Secure => "secure",
            Trust::Attested => "attested",
            Trust::NotSecure => "NOT SECURE",
        }
    }
}

/// Where one route's requests go, and how.
#[derive(Clone, Debug)]
pub struct Destination {
    pub email: EmailAddress,
    pub delivery: Delivery,
    pub trust: Trust,
}

impl Destination {
    /// The full answers would go by plain email to an address nobody has shown secure.
    pub fn is_unsafe(&self) -> bool {
        self.delivery == Delivery::Email && self.trust == Trust::NotSecure
    }
}

/// What a routing is read with: the triage inbox and how it is delivered to, the
/// secure email domains, and whether this is production (which refuses placeholders
/// and answers by email to an address that is neither secure nor attested).
#[derive(Clone, Debug)]
pub struct RoutingRules {
    pub triage: EmailAddress,
    pub triage_delivery: Delivery,
    pub triage_attested: bool,
    pub secure: SecureDomains,
    pub production: bool,
}

impl RoutingRules {
    /// Triage at `triage` by inbox delivery, the default secure domains.
    pub fn new(triage: EmailAddress, production: bool) -> Self {
        Self {
            triage,
            triage_delivery: Delivery::Inbox,
            triage_attested: false,
            secure: SecureDomains::default(),
            production,
        }
    }

    /// The same rules with the triage inbox delivered to as `delivery`.
    pub fn triage_delivery(self, delivery: Delivery, attested: bool) -> Self {
        Self {
            triage_delivery: delivery,
            triage_attested: attested,
            ..self
        }
    }

    fn triage_destination(&self) -> Destination {
        Destination {
            email: self.triage.clone(),
            delivery: self.triage_delivery,
            trust: Trust::of(&self.triage, self.triage_attested, &self.secure),
        }
    }
}

/// A route's signed webhook (`webhook_url`, `webhook_secret_env`): where the
/// "request.created" event is posted, and the name of the environment variable that
/// holds its Standard Webhooks secret (the secret itself is never in the file).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Webhook {
    pub url: reqwest::Url,
    pub secret_env: String,
}

impl Webhook {
    /// Checks a route's two settings: an `https://` address (`http://` only to a
    /// loopback host, and only in development), without a user or password, and a
    /// variable name such as `RJ_WEBHOOK_SECRET_KENT`.
    fn parse(url: &str, secret_env: &str, production: bool) -> Result<Self, String> {
        let url = reqwest::Url::parse(url.trim())
            .map_err(|e| format!("`webhook_url` is not an address ({e})"))?;
        let host = url.host_str().unwrap_or("");
        let loopback = host.eq_ignore_ascii_case("localhost")
            || host
                .trim_matches(['[', ']'])
                .parse::<std::net::IpAddr>()
                .is_ok_and(|ip| ip.is_loopback());
        match url.scheme() {
            "https" => {}
            "http" if loopback && !production => {}
            "http" if loopback => {
                return Err("`webhook_url` must use https:// when RJ_ENV=production".into());
            }
            _ => {
                return Err(
                    "`webhook_url` must use https:// (http:// only to this machine, in development)"
                        .into(),
                );
            }
        }
        if url.host().is_none() || !url.username().is_empty() || url.password().is_some() {
            return Err("`webhook_url` must name a host, and no user or password".into());
        }
        let name_ok = !secret_env.is_empty()
            && secret_env
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_');
        if !name_ok {
            return Err(format!(
                "`webhook_secret_env` must name an environment variable such as \
                 `RJ_WEBHOOK_SECRET_KENT`, not `{secret_env}`"
            ));
        }
        Ok(Self {
            url,
            secret_env: secret_env.to_string(),
        })
    }

    /// The host, as `check-config` prints it (never the path, which may hold a token).
    pub fn host(&self) -> &str {
        self.url.host_str().unwrap_or("")
    }
}

/// One area's (and audience's) agreed address.
#[derive(Clone, Debug)]
struct Direct {
    area: AreaId,
    audience: Audience,
    to: Destination,
    /// Its signed webhook, if the service asked for one.
    webhook: Option<Webhook>,
    /// Its line in the routing file, for `check-config`.
    line: usize,
}

/// Every direct address, and the triage inbox for the rest.
#[derive(Clone, Debug)]
pub struct Routing {
    direct: Vec<Direct>,
    triage: Destination,
    /// What development allows but production refuses, said at start and by
    /// `check-config`.
    warnings: Vec<String>,
}

/// Everything through triage at `triage@example.org`: what the directory routes by until
/// the configuration's routing is set ([`super::Directory::with_routing`]).
impl Default for Routing {
    fn default() -> Self {
        Self::triage_only(&RoutingRules::new(
            EmailAddress::parse("triage@example.org").expect("valid"),
            false,
        ))
    }
}

/// Which way a request goes: straight to the service, or through the operator's triage
/// inbox, who passes it on. Stored as `direct` or `triage`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Via {
    Direct,
    Triage,
}

impl Via {
    pub fn as_str(self) -> &'static str {
        match self {
            Via::Direct => "direct",
            Via::Triage => "triage",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "direct" => Some(Via::Direct),
            "triage" => Some(Via::Triage),
            _ => None,
        }
    }
}

/// Who will contact the person, as every page and email says it: the service itself,
/// the operator's team who pass the request to a named service, or the team when no
/// service is named. The one place that decides it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Contact {
    Service,
    TeamForService,
    Team,
}

impl Contact {
    pub fn of(via: Via, service_named: bool) -> Self {
        match (via, service_named) {
            (Via::Direct, _) => Contact::Service,
            (Via::Triage, true) => Contact::TeamForService,
            (Via::Triage, false) => Contact::Team,
        }
    }
}

/// The message ids of one sentence about who will contact the person, one per
/// [`Contact`].
pub struct WhoSentence {
    pub service: &'static str,
    pub team_for_service: &'static str,
    pub team: &'static str,
}

impl WhoSentence {
    pub fn id(&self, contact: Contact) -> &'static str {
        match contact {
            Contact::Service => self.service,
            Contact::TeamForService => self.team_for_service,
            Contact::Team => self.team,
        }
    }
}

/// Where one request goes and who the person is told will contact them.
#[derive(Clone, Debug)]
pub struct Route {
    pub to: EmailAddress,
    pub via: Via,
    /// Whether the email says only that the request is waiting in the staff inbox, or
    /// carries the answers.
    pub delivery: Delivery,
    /// The service the request is for, if the directory lists one.
    pub service: Option<Service>,
    /// The area's public facts (commissioner, sources), for the triage email.
    pub listing: Option<Listing>,
    /// The direct route's signed webhook, if it has one (triage never has).
    pub webhook: Option<Webhook>,
}

impl Route {
    /// Who will contact the person.
    pub fn contact(&self) -> Contact {
        Contact::of(self.via, self.service.is_some())
    }

    /// The service's name in `lang`, if there is one.
    pub fn service_name(&self, lang: Lang) -> Option<&str> {
        self.service.as_ref().map(|s| s.name(lang))
    }

    /// What is kept with the request about this route, for the confirmation page.
    pub fn routed(&self) -> Routed {
        Routed {
            via: self.via,
            audience: self.service.as_ref().map_or(Audience::All, |s| s.audience),
        }
    }
}

/// What the person was told about a request's way, stored with it (the answers are
/// deleted after delivery, the confirmation page still needs it): straight to the
/// service or through triage, and whether to the area's youth justice service.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Routed {
    pub via: Via,
    pub audience: Audience,
}

impl Routed {
    /// The stored form: `direct` or `triage`, and `all` or `youth`.
    pub fn columns(self) -> (&'static str, &'static str) {
        (
            self.via.as_str(),
            match self.audience {
                Audience::All => "all",
                Audience::Youth => "youth",
            },
        )
    }

    /// Reads the stored form back; `None` for anything else (a request stored before
    /// routes were kept).
    pub fn from_columns(route: Option<&str>, audience: Option<&str>) -> Option<Self> {
        let via = Via::parse(route?)?;
        let audience = match audience.unwrap_or("all") {
            "youth" => Audience::Youth,
            _ => Audience::All,
        };
        Some(Self { via, audience })
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    #[serde(default)]
    route: Vec<Spanned<Entry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    area: Spanned<String>,
    email: Spanned<String>,
    audience: Option<Audience>,
    delivery: Option<Spanned<Delivery>>,
    attested: Option<bool>,
    webhook_url: Option<Spanned<String>>,
    webhook_secret_env: Option<String>,
}

impl Routing {
    /// Everything to the triage inbox of `rules`; no area direct.
    pub fn triage_only(rules: &RoutingRules) -> Self {
        let mut routing = Self {
            direct: Vec::new(),
            triage: rules.triage_destination(),
            warnings: Vec::new(),
        };
        routing.warn_about_triage();
        routing
    }

    fn warn_about_triage(&mut self) {
        if self.triage.is_unsafe() {
            self.warnings.push(
                "WARNING: RJ_TRIAGE_DELIVERY=email sends the full answers by plain email to                  RJ_TRIAGE_EMAIL, which is not in RJ_SECURE_EMAIL_DOMAINS, and                  RJ_TRIAGE_ATTESTED is not set. RJ_ENV=production refuses this."
                    .to_string(),
            );
        }
    }

    /// Parses a routing file. `file` names it in messages; with `rules.production`,
    /// placeholder (`example`) addresses are refused, and so is `delivery = "email"`
    /// to an address neither secure nor attested (development warns instead).
    pub fn parse(
        text: &str,
        file: &str,
        areas: &Areas,
        rules: &RoutingRules,
    ) -> Result<Self, DirectoryError> {
        let production = rules.production;
        let lines = Lines { text, file };
        let parsed: File = toml::from_str(text).map_err(|e| lines.syntax(e))?;
        let mut direct: Vec<Direct> = Vec::new();
        let mut warnings = Vec::new();
        for entry in parsed.route {
            let entry = entry.into_inner();
            let at = entry.area.span().start;
            let area = areas.by_slug(entry.area.get_ref()).ok_or_else(|| {
                lines.invalid(
                    at,
                    format!(
                        "`{}` is not a police area (use a slug such as `south-wales`)",
                        entry.area.get_ref()
                    ),
                )
            })?;
            let email = EmailAddress::parse(entry.email.get_ref())
                .map_err(|e| lines.invalid(entry.email.span().start, e.to_string()))?;
            if production && email.is_example() {
                return Err(lines.invalid(
                    entry.email.span().start,
                    format!("`{email}` is a placeholder: set the service's real address before RJ_ENV=production"),
                ));
            }
            let audience = entry.audience.unwrap_or(Audience::All);
            if direct
                .iter()
                .any(|d| d.area == area.id && d.audience == audience)
            {
                return Err(lines.invalid(
                    at,
                    format!("`{}` has two routes for the same audience", area.slug),
                ));
            }
            let (delivery, delivery_at) = match entry.delivery {
                Some(d) => (*d.get_ref(), d.span().start),
                None => (Delivery::Inbox, at),
            };
            let to = Destination {
                trust: Trust::of(&email, entry.attested == Some(true), &rules.secure),
                email,
                delivery,
            };
            if to.is_unsafe() {
                let why = format!(
                    "`delivery = \"email\"` would send the person's answers by plain email, \
                     and the route's address is not in a secure email domain \
                     (RJ_SECURE_EMAIL_DOMAINS: {}) and the route does not say \
                     `attested = true`. Use `delivery = \"inbox\"`, a secure address, or \
                     `attested = true` once you have checked the address is secure",
                    rules.secure
                );
                if production {
                    return Err(lines.invalid(delivery_at, why));
                }
                warnings.push(format!(
                    "WARNING: {file}, line {}: {why} (RJ_ENV=production refuses this)",
                    lines.line(delivery_at)
                ));
            }
            let webhook = match (&entry.webhook_url, &entry.webhook_secret_env) {
                (None, None) => None,
                (Some(url), Some(env)) => Some(
                    Webhook::parse(url.get_ref(), env, production)
                        .map_err(|why| lines.invalid(url.span().start, why))?,
                ),
                (Some(url), None) => {
                    return Err(lines.invalid(
                        url.span().start,
                        "`webhook_url` needs `webhook_secret_env`, the environment variable \
                         that holds its secret"
                            .to_string(),
                    ));
                }
                (None, Some(_)) => {
                    return Err(
                        lines.invalid(at, "`webhook_secret_env` without `webhook_url`".to_string())
                    );
                }
            };
            direct.push(Direct {
                area: area.id,
                audience,
                to,
                webhook,
                line: lines.line(at),
            });
        }
        let mut routing = Self {
            direct,
            triage: rules.triage_destination(),
            warnings,
        };
        routing.warn_about_triage();
        Ok(routing)
    }

    /// What development allows but production refuses: answers by email to an
    /// address neither secure nor attested.
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// How the triage inbox is reached.
    pub fn triage_destination(&self) -> &Destination {
        &self.triage
    }

    /// What `check-config` lists: every route (area, audience, address, delivery,
    /// whether the address is secure) and the triage route, then the warnings.
    pub fn report(&self, areas: &Areas) -> String {
        let line = |to: &Destination| {
            format!(
                "{} by {} ({})",
                to.email,
                to.delivery.as_str(),
                to.trust.as_str()
            )
        };
        let mut out = format!(
            "routes: {} direct, the rest through triage
",
            self.direct.len()
        );
        for d in &self.direct {
            let audience = match d.audience {
                Audience::All => "everyone",
                Audience::Youth => "youth",
            };
            out.push_str(&format!(
                "  route (line {}): {}, {audience}: {}
",
                d.line,
                areas.get(d.area).slug,
                line(&d.to)
            ));
        }
        out.push_str(&format!(
            "  triage (RJ_TRIAGE_EMAIL): {}
",
            line(&self.triage)
        ));
        for warning in &self.warnings {
            out.push_str(warning);
            out.push('\n');
        }
        out
    }

    /// What `check-config` lists about webhooks: each route's webhook host and whether
    /// its secret is set (`secret_set` says, by the variable's name), never the secret
    /// or the address's path.
    pub fn webhook_report(&self, areas: &Areas, secret_set: impl Fn(&str) -> bool) -> String {
        let mut out = String::new();
        for d in &self.direct {
            let Some(webhook) = &d.webhook else { continue };
            let audience = match d.audience {
                Audience::All => "everyone",
                Audience::Youth => "youth",
            };
            let secret = match secret_set(&webhook.secret_env) {
                true => "secret set",
                false => "secret MISSING",
            };
            out.push_str(&format!(
                "  webhook (line {}): {}, {audience}: {} ({}, {secret})\n",
                d.line,
                areas.get(d.area).slug,
                webhook.host(),
                webhook.secret_env
            ));
        }
        out
    }

    /// The signed webhook of the direct route for `area` and `audience`, if any.
    pub fn webhook(&self, area: AreaId, audience: Audience) -> Option<&Webhook> {
        self.direct
            .iter()
            .find(|d| d.area == area && d.audience == audience)
            .and_then(|d| d.webhook.as_ref())
    }

    /// The environment variables the routes' webhooks name, each once.
    pub fn webhook_secret_names(&self) -> Vec<&str> {
        let mut names: Vec<&str> = self
            .direct
            .iter()
            .filter_map(|d| d.webhook.as_ref().map(|w| w.secret_env.as_str()))
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Areas with a youth route (slugs are looked up by the caller).
    pub fn youth_routes(&self) -> impl Iterator<Item = AreaId> + '_ {
        self.direct
            .iter()
            .filter(|d| d.audience == Audience::Youth)
            .map(|d| d.area)
    }

    pub fn triage(&self) -> &EmailAddress {
        &self.triage.email
    }

    /// The agreed address for `area` and `audience`, if any.
    pub fn direct(&self, area: AreaId, audience: Audience) -> Option<&EmailAddress> {
        self.direct_to(area, audience).map(|d| &d.email)
    }

    fn direct_to(&self, area: AreaId, audience: Audience) -> Option<&Destination> {
        self.direct
            .iter()
            .find(|d| d.area == area && d.audience == audience)
            .map(|d| &d.to)
    }

    /// Where a request for `area` goes. A youth case goes to the area's youth service
    /// when the directory lists one (straight, if it has agreed; else through
    /// triage), otherwise along the area's usual route. A youth route is used only
    /// with a youth service listed, so the person is told who really gets it.
    pub fn route(&self, listing: Option<&Listing>, area: AreaId, youth: bool) -> Route {
        let youth_service = listing.and_then(Listing::youth_service).filter(|_| youth);
        let (audience, service) = match youth_service {
            Some(s) => (Audience::Youth, Some(s)),
            None => (Audience::All, listing.and_then(Listing::main_service)),
        };
        let direct = self.direct_to(area, audience);
        let to = direct.unwrap_or(&self.triage);
        Route {
            webhook: self.webhook(area, audience).cloned(),
            to: to.email.clone(),
            delivery: to.delivery,
            via: if direct.is_some() {
                Via::Direct
            } else {
                Via::Triage
            },
            service: service.cloned(),
            listing: listing.cloned(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn routing(text: &str, production: bool) -> Result<Routing, DirectoryError> {
        let areas = Areas::embedded().unwrap();
        let rules = RoutingRules::new(
            EmailAddress::parse("triage@rj.example.org").unwrap(),
            production,
        );
        Routing::parse(text, "routing.toml", &areas, &rules)
    }

    const ROUTE: &str = "[[route]]\narea = \"kent\"\nemail = \"rj@kent.gov.uk\"\n";

    #[test]
    fn a_webhook_needs_https_except_to_this_machine_in_development_and_names_its_secret() {
        let with = |url: &str, env: &str| {
            format!("{ROUTE}webhook_url = \"{url}\"\nwebhook_secret_env = \"{env}\"\n")
        };
        let good = with(
            "https://cases.example.org/hook?t=1",
            "RJ_WEBHOOK_SECRET_KENT",
        );
        for production in [false, true] {
            let r = routing(&good, production).unwrap();
            assert_eq!(r.webhook_secret_names(), ["RJ_WEBHOOK_SECRET_KENT"]);
            let areas = Areas::embedded().unwrap();
            let kent = areas.by_slug("kent").unwrap().id;
            assert_eq!(
                r.webhook(kent, Audience::All).unwrap().host(),
                "cases.example.org"
            );
            assert!(r.webhook(kent, Audience::Youth).is_none());
            // check-config names the host and the variable, never the path or query.
            let report = r.webhook_report(&areas, |_| false);
            assert!(report.contains("cases.example.org (RJ_WEBHOOK_SECRET_KENT, secret MISSING)"));
            assert!(!report.contains("t=1"));
        }
        let loopback = with("http://127.0.0.1:9000/hook", "RJ_WEBHOOK_SECRET_KENT");
        assert!(routing(&loopback, false).is_ok());
        assert!(routing(&with("http://localhost:9000/", "RJ_W"), false).is_ok());
        assert!(routing(&with("http://[::1]:9000/", "RJ_W"), false).is_ok());
        let refused = [
            (loopback.clone(), true, "https://"),
            (with("http://cases.example.org/", "RJ_W"), false, "https://"),
            (with("ftp://cases.example.org/", "RJ_W"), false, "https://"),
            (
                with("https://user:pw@cases.example.org/", "RJ_W"),
                false,
                "no user",
            ),
            (with("not an address", "RJ_W"), false, "not an address"),
            (
                with("https://cases.example.org/", "whsec_abc"),
                false,
                "environment variable",
            ),
            (
                format!("{ROUTE}webhook_url = \"https://cases.example.org/\"\n"),
                false,
                "needs",
            ),
            (
                format!("{ROUTE}webhook_secret_env = \"RJ_W\"\n"),
                false,
                "without",
            ),
        ];
        for (text, production, why) in refused {
            let e = routing(&text, production).unwrap_err().to_string();
            assert!(e.contains(why), "{e}");
            assert!(e.contains("line"), "{e}");
        }
    }
}

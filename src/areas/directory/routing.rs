//! Where requests are sent: a deployment setting, kept apart from the public directory.
//! A request goes straight to a service only for areas listed in the routing file
//! (`RJ_ROUTING`), which holds the addresses of services that have agreed to take
//! referrals from the site; every other request goes to the operator's triage inbox
//! (`RJ_TRIAGE_EMAIL`), who passes it on. A file rather than one variable per area:
//! 43 areas (and youth services) are easier to review, and their mistakes are
//! reported with their line, as the directory's are.

use super::{Audience, DirectoryError, Lines, Listing, Service};
use crate::areas::{AreaId, Areas};
use crate::email::EmailAddress;
use crate::i18n::Lang;
use serde::Deserialize;
use toml::Spanned;

/// One area's (and audience's) agreed address.
#[derive(Clone, Debug)]
struct Direct {
    area: AreaId,
    audience: Audience,
    email: EmailAddress,
}

/// Every direct address, and the triage inbox for the rest.
#[derive(Clone, Debug)]
pub struct Routing {
    direct: Vec<Direct>,
    triage: EmailAddress,
}

impl Default for Routing {
    fn default() -> Self {
        Self {
            direct: Vec::new(),
            triage: EmailAddress::parse("triage@example.org").expect("valid"),
        }
    }
}

/// Where one request goes and who the person is told will contact them.
#[derive(Clone, Debug)]
pub struct Route {
    pub to: EmailAddress,
    /// Straight to the service; `false`: through the operator's triage inbox.
    pub direct: bool,
    /// The service the request is for, if the directory lists one.
    pub service: Option<Service>,
}

impl Route {
    /// The service's name in `lang`, if there is one.
    pub fn service_name(&self, lang: Lang) -> Option<&str> {
        self.service.as_ref().map(|s| s.name(lang))
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
}

impl Routing {
    /// Everything to `triage`; no area direct.
    pub fn triage_only(triage: EmailAddress) -> Self {
        Self {
            direct: Vec::new(),
            triage,
        }
    }

    /// Development: each area straight to its own placeholder address,
    /// `<slug>@referrals.example.org`.
    pub fn development(areas: &Areas) -> Self {
        let direct = areas
            .all()
            .iter()
            .map(|a| Direct {
                area: a.id,
                audience: Audience::All,
                email: EmailAddress::parse(&format!("{}@referrals.example.org", a.slug))
                    .expect("slugs make valid addresses"),
            })
            .collect();
        Self {
            direct,
            ..Self::default()
        }
    }

    /// Parses a routing file. `file` names it in messages; with `production`,
    /// placeholder (`example`) addresses are refused.
    pub fn parse(
        text: &str,
        file: &str,
        areas: &Areas,
        triage: EmailAddress,
        production: bool,
    ) -> Result<Self, DirectoryError> {
        let lines = Lines { text, file };
        let parsed: File = toml::from_str(text).map_err(|e| lines.syntax(e))?;
        let mut direct: Vec<Direct> = Vec::new();
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
            direct.push(Direct {
                area: area.id,
                audience,
                email,
            });
        }
        Ok(Self { direct, triage })
    }

    pub fn triage(&self) -> &EmailAddress {
        &self.triage
    }

    /// The agreed address for `area` and `audience`, if any.
    pub fn direct(&self, area: AreaId, audience: Audience) -> Option<&EmailAddress> {
        self.direct
            .iter()
            .find(|d| d.area == area && d.audience == audience)
            .map(|d| &d.email)
    }

    /// Where a request for `area` goes. A youth case goes to the area's youth service
    /// when the directory lists one (straight, if it has agreed; else through
    /// triage), otherwise along the area's usual route.
    pub fn route(&self, listing: Option<&Listing>, area: AreaId, youth: bool) -> Route {
        let youth_service = listing.and_then(Listing::youth_service).filter(|_| youth);
        let (audience, service) = match youth_service {
            Some(s) => (Audience::Youth, Some(s)),
            None => (Audience::All, listing.and_then(Listing::main_service)),
        };
        let direct = (youth && audience == Audience::All)
            .then(|| self.direct(area, Audience::Youth))
            .flatten()
            .or_else(|| self.direct(area, audience));
        Route {
            to: direct.unwrap_or(&self.triage).clone(),
            direct: direct.is_some(),
            service: service.cloned(),
        }
    }
}

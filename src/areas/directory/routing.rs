//! Where requests are sent: a deployment setting, kept apart from the public directory.
//! A request goes straight to a service only for areas listed in the routing file
//! (`RJ_ROUTING`), which holds the addresses of services that have agreed to take
//! referrals from the site; every other request goes to the operator's triage inbox
//! (`RJ_TRIAGE_EMAIL`), who passes it on. A file rather than one variable per area:
//! 43 areas (and youth services) are easier to review, and their mistakes are
//! reported with their line, as the directory's are.

use super::{Audience, DirectoryError, Lines, Listing, Service};
use crate::areas::{AreaId, Areas};
use crate::i18n::Lang;
use crate::mail::address::EmailAddress;
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

/// Everything through triage at `triage@example.org`: what the directory routes by until
/// the configuration's routing is set ([`super::Directory::with_routing`]).
impl Default for Routing {
    fn default() -> Self {
        Self {
            direct: Vec::new(),
            triage: EmailAddress::parse("triage@example.org").expect("valid"),
        }
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
    /// The service the request is for, if the directory lists one.
    pub service: Option<Service>,
    /// The area's public facts (commissioner, sources), for the triage email.
    pub listing: Option<Listing>,
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
}

impl Routing {
    /// Everything to `triage`; no area direct.
    pub fn triage_only(triage: EmailAddress) -> Self {
        Self {
            direct: Vec::new(),
            triage,
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

    /// Areas with a youth route (slugs are looked up by the caller).
    pub fn youth_routes(&self) -> impl Iterator<Item = AreaId> + '_ {
        self.direct
            .iter()
            .filter(|d| d.audience == Audience::Youth)
            .map(|d| d.area)
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
    /// triage), otherwise along the area's usual route. A youth route is used only
    /// with a youth service listed, so the person is told who really gets it.
    pub fn route(&self, listing: Option<&Listing>, area: AreaId, youth: bool) -> Route {
        let youth_service = listing.and_then(Listing::youth_service).filter(|_| youth);
        let (audience, service) = match youth_service {
            Some(s) => (Audience::Youth, Some(s)),
            None => (Audience::All, listing.and_then(Listing::main_service)),
        };
        let direct = self.direct(area, audience);
        Route {
            to: direct.unwrap_or(&self.triage).clone(),
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

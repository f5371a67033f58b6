//! The public directory of local restorative justice services (`data/services.toml`, or
//! `RJ_DIRECTORY`): for each police area, who commissions RJ, the service or services
//! found for it (possibly none), where those facts come from and when they were last
//! checked. Parsed strictly once at start-up: unknown keys are refused and every mistake
//! names its line. Where requests are *sent* is not public data: see [`routing`].

pub mod routing;

use super::{AreaId, Areas, PoliceArea};
use crate::calendar::Date;
use crate::i18n::{Lang, Tr};
use crate::mail::address::{EmailAddress, is_example_domain};
use serde::Deserialize;
use toml::Spanned;
use toml::value::Datetime;

pub use routing::{
    Contact, Delivery, Destination, Route, Routed, Routing, RoutingRules, Trust, Via, Webhook,
    WhoSentence,
};

/// Who a service is for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Audience {
    /// Everyone (the default).
    All,
    /// Cases where the person responsible was under 18 (the youth justice service).
    Youth,
}

/// A local service, as the public sees it.
#[derive(Clone, Debug)]
pub struct Service {
    pub area: AreaId,
    pub name: String,
    /// The Welsh name, only where one is known; otherwise the English name is shown
    /// (marked `lang="en"`) on Welsh pages.
    pub name_cy: Option<String>,
    /// Who runs it, and its Welsh name where published (else shown in English).
    pub provider: Option<String>,
    pub provider_cy: Option<String>,
    /// One public line about it; on Welsh pages only `about_cy`, never the English.
    pub about: Option<String>,
    pub about_cy: Option<String>,
    /// As seen in the sources: `http://` where only that was seen. `website_cy` is
    /// its Welsh page, shown on Welsh pages, only where one is published.
    pub website: Option<String>,
    pub website_cy: Option<String>,
    pub phone: Option<String>,
    pub phone_note: Option<String>,
    pub phone_note_cy: Option<String>,
    pub email: Option<EmailAddress>,
    pub eligibility: Option<String>,
    pub eligibility_cy: Option<String>,
    pub audience: Audience,
    /// How sure the research is of this service (`high`, `medium`, `low`): its own, or
    /// its area's. The research caveats (`notes` in the file) are never read.
    pub confidence: String,
    /// When the operator last confirmed the area's facts with the service.
    pub checked_on: Option<Date>,
}

impl Service {
    /// The name in `lang` if known, else the English name.
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::Cy => self.name_cy.as_deref().unwrap_or(&self.name),
            Lang::En => &self.name,
        }
    }

    /// `Some("en")` when the name shown on a `lang` page is in English on a Welsh page.
    pub fn name_lang(&self, lang: Lang) -> Option<&'static str> {
        (lang == Lang::Cy && self.name_cy.is_none()).then_some("en")
    }

    /// The public line in `lang`: none on a Welsh page without a Welsh one.
    pub fn about(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::En => self.about.as_deref(),
            Lang::Cy => self.about_cy.as_deref(),
        }
    }

    /// Who runs it, and the language that is written in.
    pub fn provider(&self, lang: Lang) -> Option<(&str, Lang)> {
        match (lang, &self.provider_cy) {
            (Lang::Cy, Some(cy)) => Some((cy.as_str(), Lang::Cy)),
            _ => self.provider.as_deref().map(|p| (p, Lang::En)),
        }
    }

    /// Its web page for a `lang` reader, and the language of that page: the Welsh page
    /// where one is published, else the English one.
    pub fn website(&self, lang: Lang) -> Option<(&str, Lang)> {
        match (lang, &self.website_cy, &self.website) {
            (Lang::Cy, Some(cy), _) => Some((cy.as_str(), Lang::Cy)),
            (_, _, Some(en)) => Some((en.as_str(), Lang::En)),
            _ => None,
        }
    }

    /// One plain sentence on how sure we are of these details, from the confidence and
    /// the date they were last checked with the service.
    pub fn sureness(&self, lang: Lang) -> String {
        let tr = Tr(lang);
        let (checked, date) = match self.checked_on {
            Some(d) => ("yes", d.spoken(lang)),
            None => ("no", String::new()),
        };
        tr.t_args(
            "service-sure",
            &[
                ("checked", checked.into()),
                ("confidence", self.confidence.clone().into()),
                ("date", date.into()),
            ],
        )
    }

    pub fn phone_note(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::En => self.phone_note.as_deref(),
            Lang::Cy => self.phone_note_cy.as_deref(),
        }
    }

    pub fn eligibility(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::En => self.eligibility.as_deref(),
            Lang::Cy => self.eligibility_cy.as_deref(),
        }
    }

    /// The phone number as a `tel:` link target.
    pub fn phone_link(&self) -> Option<String> {
        self.phone.as_ref().map(|p| {
            let digits: String = p
                .chars()
                .filter(|c| c.is_ascii_digit() || *c == '+')
                .collect();
            format!("tel:{digits}")
        })
    }
}

/// The month (or only the year) of the newest dated source: `YYYY` or `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FactsFrom {
    pub year: i32,
    pub month: Option<u8>,
}

/// One police area's entry: the facts and where they come from.
#[derive(Clone, Debug)]
pub struct Listing {
    pub area: AreaId,
    pub commissioner: String,
    pub commissioner_url: String,
    /// The commissioner's page about restorative justice, and its Welsh page where
    /// one is published.
    pub rj_page: Option<String>,
    pub rj_page_cy: Option<String>,
    pub facts_from: Option<FactsFrom>,
    /// When the operator last confirmed the facts with the service; `None`: never.
    pub checked_on: Option<Date>,
    pub confidence: String,
    pub sources: Vec<String>,
    pub services: Vec<Service>,
    /// The line of the entry in the file, for operators' messages.
    pub line: usize,
}

impl Listing {
    /// The commissioner's title in `lang`, and the language it is written in. A police
    /// and crime commissioner with the area's standard title ("Gwent Police and Crime
    /// Commissioner" or "Police and Crime Commissioner for Gwent") has the glossary's
    /// Welsh title, "Comisiynydd Heddlu a Throseddu Gwent". Any other title (a mayor, a
    /// fire and crime commissioner, the City's police authority) has no Welsh form we
    /// can vouch for, so it is shown as the directory gives it, in English.
    pub fn commissioner_title(&self, area: &PoliceArea, lang: Lang) -> (String, Lang) {
        let title = self.commissioner.as_str();
        let standard = title.strip_suffix(" Police and Crime Commissioner") == Some(&area.name)
            || title.strip_prefix("Police and Crime Commissioner for ") == Some(&area.name);
        match lang {
            Lang::Cy if standard => {
                let area = ("area", area.name_cy.clone().into());
                (Tr(lang).t_args("area-commissioner-pcc", &[area]), lang)
            }
            _ => (self.commissioner.clone(), Lang::En),
        }
    }

    /// The service for everyone (the first one without an audience).
    pub fn main_service(&self) -> Option<&Service> {
        self.services.iter().find(|s| s.audience == Audience::All)
    }

    /// The area's youth justice service when it has exactly one. An area with several
    /// (one per council) has none that a request could name: the operator's triage
    /// finds the right one.
    pub fn youth_service(&self) -> Option<&Service> {
        let mut youth = self.youth_services();
        youth.next().filter(|_| youth.next().is_none())
    }

    /// Every youth justice service of the area, in the file's order.
    pub fn youth_services(&self) -> impl Iterator<Item = &Service> {
        self.services
            .iter()
            .filter(|s| s.audience == Audience::Youth)
    }

    /// The commissioner's restorative justice page for a `lang` reader, and its language.
    pub fn rj_page(&self, lang: Lang) -> Option<(&str, Lang)> {
        match (lang, &self.rj_page_cy, &self.rj_page) {
            (Lang::Cy, Some(cy), _) => Some((cy.as_str(), Lang::Cy)),
            (_, _, Some(en)) => Some((en.as_str(), Lang::En)),
            _ => None,
        }
    }

    /// Not confirmed with the service on or after the same day a year before `today`.
    pub fn is_stale(&self, today: Date) -> bool {
        self.checked_on.is_none_or(|d| d < today.year_before())
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    area: Vec<Spanned<AreaEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct AreaEntry {
    area: Spanned<String>,
    commissioner: String,
    commissioner_url: Spanned<String>,
    rj_page: Option<Spanned<String>>,
    rj_page_cy: Option<Spanned<String>>,
    facts_from: Option<Spanned<String>>,
    checked_on: Option<Spanned<Datetime>>,
    confidence: Spanned<String>,
    sources: Vec<Spanned<String>>,
    /// Research caveats: kept in the file for the operator, never shown.
    #[allow(dead_code)]
    notes: Option<String>,
    #[serde(default)]
    service: Vec<Spanned<ServiceEntry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ServiceEntry {
    name: Spanned<String>,
    name_cy: Option<String>,
    provider: Option<String>,
    provider_cy: Option<String>,
    about: Option<String>,
    about_cy: Option<String>,
    /// Research caveats: kept in the file for the operator, never shown.
    #[allow(dead_code)]
    notes: Option<String>,
    confidence: Option<Spanned<String>>,
    website: Option<Spanned<String>>,
    website_cy: Option<Spanned<String>>,
    phone: Option<Spanned<String>>,
    phone_note: Option<String>,
    phone_note_cy: Option<String>,
    email: Option<Spanned<String>>,
    eligibility: Option<String>,
    eligibility_cy: Option<String>,
    audience: Option<Audience>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum DirectoryError {
    #[error("{file}: {message}")]
    Syntax { file: String, message: String },
    #[error("{file}, line {line}: {message}")]
    Invalid {
        file: String,
        line: usize,
        message: String,
    },
    #[error("{file}: no entry for {areas}")]
    Uncovered { file: String, areas: String },
}

/// Every area's listing, and where requests go.
#[derive(Clone, Debug, Default)]
pub struct Directory {
    listings: Vec<Listing>,
    services: Vec<Service>,
    routing: Routing,
}

/// Line numbers of byte offsets in a text.
pub(crate) struct Lines<'a> {
    pub text: &'a str,
    pub file: &'a str,
}

impl Lines<'_> {
    pub fn line(&self, offset: usize) -> usize {
        self.text[..offset.min(self.text.len())]
            .matches('\n')
            .count()
            + 1
    }

    pub fn invalid(&self, offset: usize, message: String) -> DirectoryError {
        DirectoryError::Invalid {
            file: self.file.into(),
            line: self.line(offset),
            message,
        }
    }

    pub fn syntax(&self, e: toml::de::Error) -> DirectoryError {
        // toml's message names the line and column already.
        DirectoryError::Syntax {
            file: self.file.into(),
            message: e.to_string(),
        }
    }
}

/// A public web address: `https://`, or `http://` where only that was seen.
fn check_url(lines: &Lines, url: &Spanned<String>, production: bool) -> Result<(), DirectoryError> {
    let text = url.get_ref();
    let host = text
        .strip_prefix("https://")
        .or_else(|| text.strip_prefix("http://"))
        .map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    match host {
        None | Some("") => Err(lines.invalid(
            url.span().start,
            format!("`{text}` must be a web address starting with https:// (or http://)"),
        )),
        Some(h) if h.contains(char::is_whitespace) => {
            Err(lines.invalid(url.span().start, format!("`{text}` is not a web address")))
        }
        Some(h) if production && is_example_domain(h) => {
            Err(lines.invalid(url.span().start, format!("`{text}` is a placeholder")))
        }
        _ => Ok(()),
    }
}

fn check_confidence(lines: &Lines, c: &Spanned<String>) -> Result<(), DirectoryError> {
    if ["high", "medium", "low"].contains(&c.get_ref().as_str()) {
        Ok(())
    } else {
        Err(lines.invalid(
            c.span().start,
            format!("confidence `{}` must be high, medium or low", c.get_ref()),
        ))
    }
}

fn check_phone(lines: &Lines, phone: &Spanned<String>) -> Result<(), DirectoryError> {
    let digits = phone.get_ref().chars().filter(char::is_ascii_digit).count();
    let allowed = phone
        .get_ref()
        .chars()
        .all(|c| c.is_ascii_digit() || " +()-".contains(c));
    if allowed && (3..=15).contains(&digits) {
        Ok(())
    } else {
        Err(lines.invalid(
            phone.span().start,
            format!("`{}` is not a phone number", phone.get_ref()),
        ))
    }
}

fn parse_facts_from(lines: &Lines, s: &Spanned<String>) -> Result<FactsFrom, DirectoryError> {
    let bad = || {
        lines.invalid(
            s.span().start,
            format!("facts_from `{}` must be YYYY or YYYY-MM", s.get_ref()),
        )
    };
    let mut parts = s.get_ref().split('-');
    let year = parts
        .next()
        .filter(|y| y.len() == 4)
        .and_then(|y| y.parse::<i32>().ok())
        .ok_or_else(bad)?;
    let month = match parts.next() {
        None => None,
        Some(m) => Some(
            m.parse::<u8>()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(bad)?,
        ),
    };
    if parts.next().is_some() {
        return Err(bad());
    }
    Ok(FactsFrom { year, month })
}

fn parse_date(lines: &Lines, d: &Spanned<Datetime>) -> Result<Date, DirectoryError> {
    match (d.get_ref().date, d.get_ref().time) {
        (Some(date), None) => Ok(Date {
            year: i32::from(date.year),
            month: date.month,
            day: date.day,
        }),
        _ => Err(lines.invalid(
            d.span().start,
            format!(
                "checked_on `{}` must be a date like 2026-11-29 (no time)",
                d.get_ref()
            ),
        )),
    }
}

impl Directory {
    /// Parses and checks the public directory. `file` names it in messages; with
    /// `production`, placeholder (`example`) web addresses are refused. Every request
    /// goes through triage ([`Routing::default`]) until [`Directory::with_routing`].
    pub fn parse(
        text: &str,
        file: &str,
        areas: &Areas,
        production: bool,
    ) -> Result<Self, DirectoryError> {
        let lines = Lines { text, file };
        let parsed: File = toml::from_str(text).map_err(|e| lines.syntax(e))?;
        let mut listings: Vec<Listing> = Vec::new();
        for spanned in parsed.area {
            let line = lines.line(spanned.span().start);
            let entry = spanned.into_inner();
            let area = areas.by_slug(entry.area.get_ref()).ok_or_else(|| {
                lines.invalid(
                    entry.area.span().start,
                    format!(
                        "`{}` is not a police area (use a slug such as `south-wales`)",
                        entry.area.get_ref()
                    ),
                )
            })?;
            if let Some(first) = listings.iter().find(|l| l.area == area.id) {
                return Err(lines.invalid(
                    entry.area.span().start,
                    format!(
                        "`{}` is listed twice (first at line {})",
                        area.slug, first.line
                    ),
                ));
            }
            check_url(&lines, &entry.commissioner_url, production)?;
            for page in entry.rj_page.iter().chain(&entry.rj_page_cy) {
                check_url(&lines, page, production)?;
            }
            check_confidence(&lines, &entry.confidence)?;
            let facts_from = entry
                .facts_from
                .as_ref()
                .map(|f| parse_facts_from(&lines, f))
                .transpose()?;
            let checked_on = entry
                .checked_on
                .as_ref()
                .map(|d| parse_date(&lines, d))
                .transpose()?;
            for source in &entry.sources {
                if !source.get_ref().starts_with("http") {
                    return Err(lines.invalid(
                        source.span().start,
                        "a source starts with its web address".into(),
                    ));
                }
            }
            let mut services = Vec::new();
            for s in entry.service {
                let s_start = s.span().start;
                let s = s.into_inner();
                if s.name.get_ref().trim().is_empty() {
                    return Err(lines.invalid(s.name.span().start, "the name is empty".into()));
                }
                for w in s.website.iter().chain(&s.website_cy) {
                    check_url(&lines, w, production)?;
                }
                if let Some(c) = &s.confidence {
                    check_confidence(&lines, c)?;
                }
                if let Some(p) = &s.phone {
                    check_phone(&lines, p)?;
                }
                let email = s
                    .email
                    .as_ref()
                    .map(|e| {
                        EmailAddress::parse(e.get_ref())
                            .map_err(|err| lines.invalid(e.span().start, err.to_string()))
                    })
                    .transpose()?;
                if s.eligibility.is_some() != s.eligibility_cy.is_some()
                    || s.phone_note.is_some() != s.phone_note_cy.is_some()
                {
                    return Err(lines.invalid(
                        s_start,
                        "eligibility and phone_note need their Welsh (eligibility_cy, phone_note_cy), and the other way round".into(),
                    ));
                }
                let audience = s.audience.unwrap_or(Audience::All);
                // Youth justice services are one per council, so an area may list
                // several; its service for everyone is one.
                if audience == Audience::All
                    && services.iter().any(|o: &Service| o.audience == audience)
                {
                    return Err(lines.invalid(
                        s_start,
                        format!(
                            "{} already has a service for everyone (no audience)",
                            area.slug
                        ),
                    ));
                }
                services.push(Service {
                    area: area.id,
                    name: s.name.get_ref().trim().to_string(),
                    name_cy: s.name_cy.map(|n| n.trim().to_string()),
                    provider: s.provider,
                    provider_cy: s.provider_cy,
                    about: s.about,
                    about_cy: s.about_cy,
                    website: s.website.map(Spanned::into_inner),
                    website_cy: s.website_cy.map(Spanned::into_inner),
                    phone: s.phone.map(|p| p.into_inner().trim().to_string()),
                    phone_note: s.phone_note,
                    phone_note_cy: s.phone_note_cy,
                    email,
                    eligibility: s.eligibility,
                    eligibility_cy: s.eligibility_cy,
                    audience,
                    confidence: s
                        .confidence
                        .map_or_else(|| entry.confidence.get_ref().clone(), Spanned::into_inner),
                    checked_on,
                });
            }
            listings.push(Listing {
                area: area.id,
                commissioner: entry.commissioner,
                commissioner_url: entry.commissioner_url.into_inner(),
                rj_page: entry.rj_page.map(Spanned::into_inner),
                rj_page_cy: entry.rj_page_cy.map(Spanned::into_inner),
                facts_from,
                checked_on,
                confidence: entry.confidence.into_inner(),
                sources: entry.sources.into_iter().map(Spanned::into_inner).collect(),
                services,
                line,
            });
        }

        let uncovered: Vec<&str> = areas
            .all()
            .iter()
            .filter(|a| !listings.iter().any(|l| l.area == a.id))
            .map(|a| a.slug.as_str())
            .collect();
        if !uncovered.is_empty() {
            return Err(DirectoryError::Uncovered {
                file: file.into(),
                areas: uncovered.join(", "),
            });
        }
        listings.sort_by_key(|l| l.area);
        let services = listings.iter().flat_map(|l| l.services.clone()).collect();
        Ok(Self {
            listings,
            services,
            routing: Routing::default(),
        })
    }

    /// The same directory, sending requests as `routing` says.
    pub fn with_routing(self, routing: Routing) -> Self {
        Self { routing, ..self }
    }

    pub fn routing(&self) -> &Routing {
        &self.routing
    }

    /// The area's listing (every area has one once parsed).
    pub fn listing(&self, area: AreaId) -> Option<&Listing> {
        self.listings.iter().find(|l| l.area == area)
    }

    pub fn listings(&self) -> &[Listing] {
        &self.listings
    }

    /// The area's services: the one for everyone first.
    pub fn for_area(&self, area: AreaId) -> impl Iterator<Item = &Service> {
        let listing = self.listing(area);
        listing
            .and_then(Listing::main_service)
            .into_iter()
            .chain(listing.into_iter().flat_map(Listing::youth_services))
    }

    /// The area's service for `audience`, if the directory lists one.
    pub fn service(&self, area: AreaId, audience: Audience) -> Option<&Service> {
        let listing = self.listing(area)?;
        match audience {
            Audience::All => listing.main_service(),
            Audience::Youth => listing.youth_service(),
        }
    }

    /// Every service of every area.
    pub fn all(&self) -> &[Service] {
        &self.services
    }

    /// Where a request for `area` goes; `youth` when the person responsible was under 18.
    pub fn route(&self, area: AreaId, youth: bool) -> Route {
        self.routing.route(self.listing(area), area, youth)
    }

    /// What `check-config` says about the directory: how many areas name a service,
    /// which entries nobody has confirmed with the service in the last 12 months (a
    /// warning: they may be out of date), and which areas' requests go straight to the
    /// service and which through the triage inbox.
    pub fn report(&self, areas: &Areas, today: Date) -> String {
        let directory = self;
        let slug = |id| areas.get(id).slug.as_str();
        let listings = directory.listings();
        let named = listings
            .iter()
            .filter(|l| l.main_service().is_some())
            .count();
        let youth_named = listings
            .iter()
            .filter(|l| l.youth_services().next().is_some())
            .count();
        let mut out = format!(
            "service directory: ok ({} police areas, {named} with a service for everyone, {} without; {youth_named} with a youth justice service)\n",
            listings.len(),
            listings.len() - named
        );
        let stale: Vec<String> = listings
            .iter()
            .filter(|l| l.is_stale(today))
            .map(|l| match l.checked_on {
                Some(d) => format!("{} (checked {d})", slug(l.area)),
                None => format!("{} (never checked)", slug(l.area)),
            })
            .collect();
        if stale.is_empty() {
            out.push_str("directory freshness: ok (every entry checked since a year ago)\n");
        } else {
            out.push_str(&format!(
                "WARNING: {} directory entries not checked with the service since {}: {}\n",
                stale.len(),
                today.year_before(),
                stale.join(", ")
            ));
        }
        let routing = directory.routing();
        let (direct, triage): (Vec<_>, Vec<_>) = listings
            .iter()
            .partition(|l| directory.route(l.area, false).via == Via::Direct);
        let names = |ls: &[&Listing]| {
            if ls.is_empty() {
                "none".to_string()
            } else {
                ls.iter()
                    .map(|l| slug(l.area))
                    .collect::<Vec<_>>()
                    .join(", ")
            }
        };
        out.push_str(&format!(
            "direct to the service ({}): {}\n",
            direct.len(),
            names(&direct)
        ));
        out.push_str(&format!(
            "through triage at {} ({}): {}\n",
            routing.triage(),
            triage.len(),
            names(&triage)
        ));
        let youth: Vec<String> = listings
            .iter()
            .filter(|l| l.youth_service().is_some())
            .map(|l| {
                let how = if directory.route(l.area, true).via == Via::Direct {
                    "direct"
                } else {
                    "through triage"
                };
                format!("{} ({how})", slug(l.area))
            })
            .collect();
        if !youth.is_empty() {
            out.push_str(&format!("youth services: {}\n", youth.join(", ")));
        }
        let unused: Vec<&str> = routing
            .youth_routes()
            .filter(|&a| self.listing(a).and_then(Listing::youth_service).is_none())
            .map(slug)
            .collect();
        if !unused.is_empty() {
            out.push_str(&format!(
                "WARNING: youth routes not used, as the directory lists no youth service (audience = \"youth\") for: {}\n",
                unused.join(", ")
            ));
        }
        out
    }
}

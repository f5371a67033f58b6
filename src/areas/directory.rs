//! The directory of local restorative justice services: an operator-editable TOML file
//! (`data/services.toml`, or `RJ_DIRECTORY`), checked once at start-up. Every police
//! area must have a service; mistakes are reported with their line number.

use super::{AreaId, Areas};
use crate::email::{EmailAddress, is_example_domain};
use crate::i18n::Lang;
use serde::Deserialize;
use toml::Spanned;

/// A local service, as people and the referral worker need it.
#[derive(Clone, Debug)]
pub struct Service {
    pub area: AreaId,
    pub name: String,
    pub name_cy: String,
    /// Where referrals are sent. Not shown to the public.
    pub referral_email: EmailAddress,
    pub phone: Option<String>,
    pub website: Option<String>,
    pub hours: Option<String>,
    pub hours_cy: Option<String>,
    pub commissioned_by: Option<String>,
}

impl Service {
    pub fn name(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.name,
            Lang::Cy => &self.name_cy,
        }
    }

    pub fn hours(&self, lang: Lang) -> Option<&str> {
        match lang {
            Lang::En => self.hours.as_deref(),
            Lang::Cy => self.hours_cy.as_deref().or(self.hours.as_deref()),
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

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    service: Vec<Spanned<Entry>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Entry {
    area: Spanned<String>,
    name: String,
    name_cy: String,
    referral_email: Spanned<String>,
    phone: Option<Spanned<String>>,
    website: Option<Spanned<String>>,
    hours: Option<String>,
    hours_cy: Option<String>,
    commissioned_by: Option<String>,
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
    #[error("{file}: no service for {areas}")]
    Uncovered { file: String, areas: String },
}

/// Every service, by area.
#[derive(Clone, Debug, Default)]
pub struct Directory {
    services: Vec<Service>,
}

impl Directory {
    /// Parses and checks a directory. `file` names it in messages; in `production`
    /// placeholder (`example`) addresses are refused.
    pub fn parse(
        text: &str,
        file: &str,
        areas: &Areas,
        production: bool,
    ) -> Result<Self, DirectoryError> {
        let parsed: File = toml::from_str(text).map_err(|e| DirectoryError::Syntax {
            file: file.into(),
            message: e.to_string(),
        })?;
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        let invalid = |offset: usize, message: String| DirectoryError::Invalid {
            file: file.into(),
            line: line_of(offset),
            message,
        };

        let mut services = Vec::new();
        for spanned in parsed.service {
            let entry = spanned.get_ref();
            let area = areas.by_slug(entry.area.get_ref()).ok_or_else(|| {
                invalid(
                    entry.area.span().start,
                    format!(
                        "`{}` is not a police area (use a slug such as `south-wales`)",
                        entry.area.get_ref()
                    ),
                )
            })?;
            let email = EmailAddress::parse(entry.referral_email.get_ref())
                .map_err(|e| invalid(entry.referral_email.span().start, e.to_string()))?;
            if production && email.is_example() {
                return Err(invalid(
                    entry.referral_email.span().start,
                    format!(
                        "`{email}` is a placeholder: set the service's real address before RJ_ENV=production"
                    ),
                ));
            }
            if let Some(site) = &entry.website {
                let url = site.get_ref();
                let host = url
                    .strip_prefix("https://")
                    .map(|r| r.split('/').next().unwrap_or(""));
                match host {
                    None | Some("") => {
                        return Err(invalid(
                            site.span().start,
                            format!("website `{url}` must start with https://"),
                        ));
                    }
                    Some(host) if production && is_example_domain(host) => {
                        return Err(invalid(
                            site.span().start,
                            format!("`{url}` is a placeholder"),
                        ));
                    }
                    _ => {}
                }
            }
            if let Some(phone) = &entry.phone {
                let digits = phone.get_ref().chars().filter(char::is_ascii_digit).count();
                let allowed = phone
                    .get_ref()
                    .chars()
                    .all(|c| c.is_ascii_digit() || " +()-".contains(c));
                if !allowed || !(3..=15).contains(&digits) {
                    return Err(invalid(
                        phone.span().start,
                        format!("`{}` is not a phone number", phone.get_ref()),
                    ));
                }
            }
            services.push(Service {
                area: area.id,
                name: entry.name.trim().to_string(),
                name_cy: entry.name_cy.trim().to_string(),
                referral_email: email,
                phone: entry.phone.as_ref().map(|p| p.get_ref().trim().to_string()),
                website: entry
                    .website
                    .as_ref()
                    .map(|w| w.get_ref().trim().to_string()),
                hours: entry.hours.clone(),
                hours_cy: entry.hours_cy.clone(),
                commissioned_by: entry.commissioned_by.clone(),
            });
        }

        let uncovered: Vec<&str> = areas
            .all()
            .iter()
            .filter(|a| !services.iter().any(|s| s.area == a.id))
            .map(|a| a.slug.as_str())
            .collect();
        if !uncovered.is_empty() {
            return Err(DirectoryError::Uncovered {
                file: file.into(),
                areas: uncovered.join(", "),
            });
        }
        Ok(Self { services })
    }

    pub fn for_area(&self, area: AreaId) -> impl Iterator<Item = &Service> {
        self.services.iter().filter(move |s| s.area == area)
    }

    pub fn all(&self) -> &[Service] {
        &self.services
    }
}

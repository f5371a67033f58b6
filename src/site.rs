//! Operator settings that pages show (who runs the site, where the quick exit goes),
//! provided to every view as context.

use crate::i18n::{Lang, foreign};
use serde::{Deserialize, Serialize};

/// What the views need to know about this deployment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SiteSettings {
    /// Absolute base URL without a trailing slash, for `hreflang` links.
    pub public_url: String,
    /// Where "Exit this page" goes: a neutral site.
    pub exit_url: String,
    /// Who runs the site, shown on the home page and in the privacy notice.
    pub operator_name: String,
    /// Its Welsh name (`RJ_OPERATOR_NAME_CY`), if it has one.
    pub operator_name_cy: Option<String>,
    /// How to contact the operator (an email address or web address).
    pub operator_contact: String,
    /// Days the answers of a request nobody confirmed or resolved are kept before they
    /// are deleted.
    pub retention_days: u32,
    /// Where to report a security problem (`RJ_SECURITY_CONTACT`), if set: the
    /// vulnerability disclosure page names it, else the operator's contact.
    #[serde(default)]
    pub security_contact: Option<String>,
}

impl Default for SiteSettings {
    fn default() -> Self {
        Self {
            public_url: "http://localhost:3000".into(),
            exit_url: DEFAULT_EXIT_URL.into(),
            operator_name: "Example Restorative Justice Partnership".into(),
            operator_name_cy: None,
            operator_contact: "contact@example.org".into(),
            retention_days: 30,
            security_contact: None,
        }
    }
}

impl SiteSettings {
    /// Who to tell about a security problem, as a reader writes it: the security
    /// contact without `mailto:`, else the operator's contact.
    pub fn security_contact(&self) -> String {
        match &self.security_contact {
            Some(c) => c.strip_prefix("mailto:").unwrap_or(c).to_string(),
            None => self.operator_contact.clone(),
        }
    }

    /// The operator's name for a page in `lang`: on a Welsh page its Welsh name, or its
    /// English name marked as English ([`foreign`]) when it has no Welsh one.
    pub fn operator(&self, lang: Lang) -> String {
        match lang {
            Lang::En => self.operator_name.clone(),
            Lang::Cy => match &self.operator_name_cy {
                Some(name) => name.clone(),
                None => foreign(Lang::En, &self.operator_name),
            },
        }
    }

    /// The operator's name in `lang` as plain text (a plain-text email): the Welsh name
    /// when there is one, else the English name.
    pub fn operator_plain(&self, lang: Lang) -> &str {
        match (lang, &self.operator_name_cy) {
            (Lang::Cy, Some(name)) => name,
            _ => &self.operator_name,
        }
    }

    /// The variables every information page's text in `lang` may use.
    pub fn message_args(&self, lang: Lang) -> Vec<(&'static str, crate::i18n::Arg)> {
        vec![
            ("operator", self.operator(lang).into()),
            ("contact", self.operator_contact.clone().into()),
            ("retention_days", self.retention_days.into()),
            ("handoff_minutes", HANDOFF_MINUTES.into()),
            ("limit_minutes", CLIENT_LIMIT_MINUTES.into()),
            ("security_contact", self.security_contact().into()),
        ]
    }
}

/// How long one page's answers are kept for the next page after a post, at most
/// (`referral::handoff`): the privacy notice says this number.
pub const HANDOFF_MINUTES: i64 = 10;

/// The window of the per-client limits (the Send limit and status lookups), during
/// which a keyed hash of the client's address is kept: the privacy notice says it.
pub const CLIENT_LIMIT_MINUTES: i64 = 60;

/// BBC Weather: neutral, fast, and unremarkable in a browser history.
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.co.uk/weather";

/// The settings of this request, or defaults when none were provided (unit tests).
pub fn use_site() -> SiteSettings {
    leptos::prelude::use_context::<SiteSettings>().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_pages_show_the_welsh_operator_name_or_the_english_one_marked() {
        let site = SiteSettings::default();
        assert_eq!(
            site.operator(Lang::Cy),
            "<en>Example Restorative Justice Partnership</en>"
        );
        assert_eq!(
            site.operator(Lang::En),
            "Example Restorative Justice Partnership"
        );
        let site = SiteSettings {
            operator_name_cy: Some("Partneriaeth Cyfiawnder Adferol Enghreifftiol".into()),
            ..site
        };
        assert_eq!(
            site.operator(Lang::Cy),
            "Partneriaeth Cyfiawnder Adferol Enghreifftiol"
        );
        assert_eq!(
            site.operator_plain(Lang::Cy),
            site.operator_name_cy.as_deref().unwrap()
        );
        assert_eq!(site.operator(Lang::En), site.operator_name);
    }
}

//! Operator settings that pages show (who runs the site, where the quick exit goes),
//! provided to every view as context.

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
    /// How to contact the operator (an email address or web address).
    pub operator_contact: String,
    /// Days an undelivered request is kept before it is deleted.
    pub retention_days: u32,
}

impl Default for SiteSettings {
    fn default() -> Self {
        Self {
            public_url: "http://127.0.0.1:3000".into(),
            exit_url: DEFAULT_EXIT_URL.into(),
            operator_name: "Example Restorative Justice Partnership".into(),
            operator_contact: "contact@example.org".into(),
            retention_days: 30,
        }
    }
}

impl SiteSettings {
    /// The variables every information page's text may use.
    pub fn message_args(&self) -> Vec<(&'static str, crate::i18n::Arg)> {
        vec![
            ("operator", self.operator_name.clone().into()),
            ("contact", self.operator_contact.clone().into()),
            ("retention_days", self.retention_days.into()),
        ]
    }
}

/// BBC Weather: neutral, fast, and unremarkable in a browser history.
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.co.uk/weather";

/// The settings of this request, or defaults when none were provided (unit tests).
pub fn use_site() -> SiteSettings {
    leptos::prelude::use_context::<SiteSettings>().unwrap_or_default()
}

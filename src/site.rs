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
}

impl Default for SiteSettings {
    fn default() -> Self {
        Self {
            public_url: "http://127.0.0.1:3000".into(),
            exit_url: DEFAULT_EXIT_URL.into(),
            operator_name: "Example Restorative Justice Partnership".into(),
            operator_contact: "contact@example.org".into(),
        }
    }
}

/// BBC Weather: neutral, fast, and unremarkable in a browser history.
pub const DEFAULT_EXIT_URL: &str = "https://www.bbc.co.uk/weather";

/// The settings of this request, or defaults when none were provided (unit tests).
pub fn use_site() -> SiteSettings {
    leptos::prelude::use_context::<SiteSettings>().unwrap_or_default()
}

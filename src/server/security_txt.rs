//! `/.well-known/security.txt` (RFC 9116): where to report a security problem, built
//! from `RJ_SECURITY_CONTACT` and `RJ_SECURITY_EXPIRES`. With no contact set there is
//! no route, so the address is the site's ordinary 404: a contact is never made up.

use super::AppState;
use super::config::{SECURITY_EXPIRES_DAYS, SecuritySettings};
use crate::calendar::Date;
use crate::i18n::{Lang, Page};
use axum::{Router, extract::State, http::header, response::IntoResponse, routing::get};

/// Where the file is served.
pub const PATH: &str = "/.well-known/security.txt";

/// The route, when a contact is configured.
pub fn routes(security: &SecuritySettings) -> Router<AppState> {
    match security.contact {
        Some(_) => Router::new().route(PATH, get(security_txt)),
        None => Router::new(),
    }
}

/// The file's text: `contact` (a `mailto:` or `https://` address), the last day it
/// holds, the languages a report may be in, its own address, and the disclosure page
/// in each language (RFC 9116 allows `Policy` more than once).
pub fn text(contact: &str, expires: Date, public_url: &str) -> String {
    format!(
        "# Where to report a security problem with this site.\n\
         Contact: {contact}\n\
         Expires: {expires}T23:59:59Z\n\
         Preferred-Languages: en, cy\n\
         Canonical: {public_url}{PATH}\n\
         Policy: {public_url}{en}\n\
         Policy: {public_url}{cy}\n",
        en = Page::Security.path(Lang::En),
        cy = Page::Security.path(Lang::Cy),
    )
}

/// The last day the file holds: the configured one, else [`SECURITY_EXPIRES_DAYS`]
/// after `today`.
pub fn expires(security: &SecuritySettings, today: Date) -> Date {
    security
        .expires
        .unwrap_or_else(|| Date::from_days(today.days() + SECURITY_EXPIRES_DAYS))
}

async fn security_txt(State(state): State<AppState>) -> impl IntoResponse {
    let security = &state.config.security;
    // The route exists only when a contact is set.
    let contact = security.contact.as_deref().unwrap_or_default();
    let today = Date::from_days(state.clock.now().div_euclid(86_400));
    (
        [(header::CONTENT_TYPE, "text/plain; charset=utf-8")],
        text(
            contact,
            expires(security, today),
            &state.config.site.public_url,
        ),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_file_has_every_field_rfc_9116_asks_for() {
        let text = text(
            "mailto:security@example.org",
            Date::parse_iso("2027-06-30").unwrap(),
            "https://rj.example.org",
        );
        assert!(text.contains("\nContact: mailto:security@example.org\n"));
        assert!(text.contains("\nExpires: 2027-06-30T23:59:59Z\n"));
        assert!(text.contains("\nPreferred-Languages: en, cy\n"));
        assert!(text.contains("\nCanonical: https://rj.example.org/.well-known/security.txt\n"));
        assert!(text.contains("\nPolicy: https://rj.example.org/security\n"));
        assert!(text.ends_with("\nPolicy: https://rj.example.org/cy/diogelwch\n"));
    }

    #[test]
    fn unset_expiry_is_less_than_a_year_ahead() {
        let today = Date::parse_iso("2026-12-04").unwrap();
        let e = expires(&SecuritySettings::default(), today);
        assert!(e > today && e.days() - today.days() < 365, "{e}");
    }
}

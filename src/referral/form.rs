//! The self-referral form's answers, parsed once into a [`Referral`] the rest of the
//! code can trust, or into the list of what needs fixing. The field names are the
//! form's public interface (see the README).

use crate::email::EmailAddress;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Who is asking.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Relationship {
    /// I was harmed.
    Harmed,
    /// A family member of someone harmed.
    Family,
    /// Supporting someone, with their agreement.
    Supporter,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ContactMethod {
    Phone,
    Email,
}

/// Yes, no or not sure.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer3 {
    Yes,
    No,
    NotSure,
}

/// A request to be contacted, valid in every field.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Referral {
    /// The police area's slug.
    pub area: String,
    pub relationship: Relationship,
    pub full_name: String,
    pub contact_method: ContactMethod,
    pub phone: Option<String>,
    pub email: Option<String>,
    pub voicemail_ok: bool,
    pub say_rj_ok: bool,
    pub safe_times: Option<String>,
    pub contact_language: String,
    pub reported: Answer3,
    pub crime_reference: Option<String>,
    pub responsible_under_18: Answer3,
    pub support_needs: Option<String>,
    pub message: Option<String>,
    pub confirmation_email: bool,
}

impl std::fmt::Debug for Referral {
    // Personal data: never printed by accident.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "Referral {{ area: {}, .. }}", self.area)
    }
}

impl Referral {
    pub fn contact_lang(&self) -> Lang {
        Lang::from_code(&self.contact_language).unwrap_or(Lang::En)
    }
}

/// A problem with one field, as a Fluent message id (`refer-error-…`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: &'static str,
    pub message: &'static str,
}

/// Every field of the form, in the order they appear (the error summary's order).
pub const FIELDS: &[&str] = &[
    "area",
    "relationship",
    "full_name",
    "contact_method",
    "phone",
    "email",
    "voicemail_ok",
    "say_rj_ok",
    "safe_times",
    "contact_language",
    "reported",
    "crime_reference",
    "responsible_under_18",
    "support_needs",
    "message",
    "consent",
    "confirmation_email",
];

/// Limits on free text, in characters.
pub const MAX_NAME: usize = 100;
pub const MAX_SAFE_TIMES: usize = 200;
pub const MAX_CRIME_REFERENCE: usize = 40;
pub const MAX_SUPPORT_NEEDS: usize = 500;
pub const MAX_MESSAGE: usize = 1500;

/// The raw answers, as posted (unknown fields already set aside by the caller).
pub type Answers = BTreeMap<String, String>;

/// Checks every answer; `known_area` says whether a slug is a police area.
pub fn parse(
    answers: &Answers,
    known_area: impl Fn(&str) -> bool,
) -> Result<Referral, Vec<FieldError>> {
    let mut errors = Vec::new();
    let get = |name: &str| {
        answers
            .get(name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    };
    let mut error =
        |field: &'static str, message: &'static str| errors.push(FieldError { field, message });

    let area = get("area").filter(|a| known_area(a));
    if area.is_none() {
        error("area", "refer-error-area");
    }
    let relationship = match get("relationship") {
        Some("harmed") => Some(Relationship::Harmed),
        Some("family") => Some(Relationship::Family),
        Some("supporter") => Some(Relationship::Supporter),
        _ => {
            error("relationship", "refer-error-relationship");
            None
        }
    };
    let full_name = match get("full_name") {
        None => {
            error("full_name", "refer-error-name-missing");
            None
        }
        Some(n) if n.chars().count() > MAX_NAME => {
            error("full_name", "refer-error-name-long");
            None
        }
        Some(n) if has_control(n, false) => {
            error("full_name", "refer-error-name-characters");
            None
        }
        Some(n) => Some(n.to_string()),
    };
    let contact_method = match get("contact_method") {
        Some("phone") => Some(ContactMethod::Phone),
        Some("email") => Some(ContactMethod::Email),
        _ => {
            error("contact_method", "refer-error-contact-method");
            None
        }
    };
    let phone = match get("phone") {
        Some(p) if !is_phone(p) => {
            error("phone", "refer-error-phone-invalid");
            None
        }
        Some(p) => Some(p.to_string()),
        None => {
            if contact_method == Some(ContactMethod::Phone) {
                error("phone", "refer-error-phone-missing");
            }
            None
        }
    };
    let email = match get("email") {
        Some(e) => match EmailAddress::parse(e) {
            Ok(e) => Some(e.as_str().to_string()),
            Err(_) => {
                error("email", "refer-error-email-invalid");
                None
            }
        },
        None => {
            if contact_method == Some(ContactMethod::Email) {
                error("email", "refer-error-email-missing");
            }
            None
        }
    };
    let yes_no =
        |name: &'static str, message: &'static str, errors: &mut Vec<FieldError>| match get(name) {
            Some("yes") => Some(true),
            Some("no") => Some(false),
            _ => {
                errors.push(FieldError {
                    field: name,
                    message,
                });
                None
            }
        };
    let voicemail_ok = yes_no("voicemail_ok", "refer-error-voicemail", &mut errors);
    let say_rj_ok = yes_no("say_rj_ok", "refer-error-say-rj", &mut errors);
    let mut error =
        |field: &'static str, message: &'static str| errors.push(FieldError { field, message });
    let mut text =
        |name: &'static str, max: usize, multiline: bool, long: &'static str, bad: &'static str| {
            match get(name) {
                None => None,
                Some(t) if t.chars().count() > max => {
                    error(name, long);
                    None
                }
                Some(t) if has_control(t, multiline) => {
                    error(name, bad);
                    None
                }
                Some(t) => Some(t.replace("\r\n", "\n")),
            }
        };
    let safe_times = text(
        "safe_times",
        MAX_SAFE_TIMES,
        false,
        "refer-error-safe-times-long",
        "refer-error-characters",
    );
    let crime_reference = text(
        "crime_reference",
        MAX_CRIME_REFERENCE,
        false,
        "refer-error-crime-reference-long",
        "refer-error-characters",
    );
    let support_needs = text(
        "support_needs",
        MAX_SUPPORT_NEEDS,
        true,
        "refer-error-support-needs-long",
        "refer-error-characters",
    );
    let message = text(
        "message",
        MAX_MESSAGE,
        true,
        "refer-error-message-long",
        "refer-error-characters",
    );
    let mut error =
        |field: &'static str, message: &'static str| errors.push(FieldError { field, message });
    let contact_language = match get("contact_language") {
        Some(l @ ("en" | "cy")) => Some(l.to_string()),
        _ => {
            error("contact_language", "refer-error-contact-language");
            None
        }
    };
    let three = |name: &'static str| match get(name) {
        Some("yes") => Some(Answer3::Yes),
        Some("no") => Some(Answer3::No),
        Some("not_sure") => Some(Answer3::NotSure),
        _ => None,
    };
    let reported = three("reported");
    if reported.is_none() {
        error("reported", "refer-error-reported");
    }
    let responsible_under_18 = three("responsible_under_18");
    if responsible_under_18.is_none() {
        error("responsible_under_18", "refer-error-under-18");
    }
    if get("consent") != Some("yes") {
        error("consent", "refer-error-consent");
    }
    let confirmation_email = get("confirmation_email") == Some("yes");
    let email_error = get("email").is_some() && email.is_none();
    if confirmation_email
        && email.is_none()
        && !email_error
        && contact_method != Some(ContactMethod::Email)
    {
        error("email", "refer-error-confirmation-needs-email");
    }

    if !errors.is_empty() {
        errors.sort_by_key(|e| FIELDS.iter().position(|f| *f == e.field));
        return Err(errors);
    }
    Ok(Referral {
        area: area.expect("checked").to_string(),
        relationship: relationship.expect("checked"),
        full_name: full_name.expect("checked"),
        contact_method: contact_method.expect("checked"),
        phone,
        email,
        voicemail_ok: voicemail_ok.expect("checked"),
        say_rj_ok: say_rj_ok.expect("checked"),
        safe_times,
        contact_language: contact_language.expect("checked"),
        reported: reported.expect("checked"),
        crime_reference,
        responsible_under_18: responsible_under_18.expect("checked"),
        support_needs,
        message,
        confirmation_email,
    })
}

/// Control characters are refused; multi-line fields may have line breaks and tabs.
fn has_control(s: &str, multiline: bool) -> bool {
    s.chars()
        .any(|c| c.is_control() && !(multiline && matches!(c, '\n' | '\r' | '\t')))
}

/// UK numbers in any common format (`01632 960 001`, `(01632) 960001`, `07700-900123`),
/// or international with `+` or `00`.
pub fn is_phone(s: &str) -> bool {
    if !s
        .chars()
        .all(|c| c.is_ascii_digit() || " +-().".contains(c))
    {
        return false;
    }
    let plus = s.trim_start().starts_with('+');
    if s.matches('+').count() > usize::from(plus) {
        return false;
    }
    let digits: String = s.chars().filter(char::is_ascii_digit).collect();
    if plus || digits.starts_with("00") {
        let n = if plus { digits.len() } else { digits.len() - 2 };
        (8..=15).contains(&n)
    } else {
        digits.starts_with('0') && (10..=11).contains(&digits.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn valid() -> Answers {
        [
            ("area", "south-wales"),
            ("relationship", "harmed"),
            ("full_name", "Siân O'Brien-Jones"),
            ("contact_method", "phone"),
            ("phone", "01632 960 001"),
            ("voicemail_ok", "no"),
            ("say_rj_ok", "no"),
            ("contact_language", "cy"),
            ("reported", "yes"),
            ("responsible_under_18", "not_sure"),
            ("consent", "yes"),
        ]
        .into_iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
    }

    fn known(slug: &str) -> bool {
        slug == "south-wales"
    }

    fn errors(changes: &[(&str, &str)]) -> Vec<(&'static str, &'static str)> {
        let mut a = valid();
        for (k, v) in changes {
            a.insert(k.to_string(), v.to_string());
        }
        match parse(&a, known) {
            Ok(_) => vec![],
            Err(e) => e.into_iter().map(|e| (e.field, e.message)).collect(),
        }
    }

    #[test]
    fn a_complete_form_parses() {
        let r = parse(&valid(), known).unwrap();
        assert_eq!(r.full_name, "Siân O'Brien-Jones");
        assert_eq!(r.contact_lang(), Lang::Cy);
        assert!(!r.voicemail_ok && !r.confirmation_email);
        assert!(
            !format!("{r:?}").contains("Siân"),
            "Debug hides personal data"
        );
    }

    #[test]
    fn an_empty_form_lists_every_required_field_in_order() {
        let e = parse(&Answers::new(), known).unwrap_err();
        let fields: Vec<_> = e.iter().map(|e| e.field).collect();
        assert_eq!(
            fields,
            [
                "area",
                "relationship",
                "full_name",
                "contact_method",
                "voicemail_ok",
                "say_rj_ok",
                "contact_language",
                "reported",
                "responsible_under_18",
                "consent"
            ]
        );
    }

    #[test]
    fn contact_details_follow_the_method() {
        assert_eq!(
            errors(&[("phone", "")]),
            [("phone", "refer-error-phone-missing")]
        );
        assert_eq!(
            errors(&[("contact_method", "email")]),
            [("email", "refer-error-email-missing")]
        );
        assert_eq!(
            errors(&[("contact_method", "email"), ("email", "a@example.org")]),
            []
        );
        assert_eq!(
            errors(&[("email", "nope")]),
            [("email", "refer-error-email-invalid")]
        );
        assert_eq!(
            errors(&[("confirmation_email", "yes")]),
            [("email", "refer-error-confirmation-needs-email")]
        );
    }

    #[test]
    fn phone_numbers() {
        for ok in [
            "01632 960 001",
            "(01632) 960001",
            "07700-900123",
            "+44 7700 900123",
            "0044 7700 900123",
            "+353 1 234 5678",
            "020 7946 0000",
        ] {
            assert!(is_phone(ok), "{ok}");
        }
        for bad in [
            "12345",
            "0163",
            "phone me",
            "+44 +44 1234",
            "01632 960 001 ext 4",
            "0163296000111",
        ] {
            assert!(!is_phone(bad), "{bad}");
        }
    }

    #[test]
    fn limits_and_control_characters() {
        let long = "x".repeat(MAX_NAME + 1);
        assert_eq!(
            errors(&[("full_name", &long)]),
            [("full_name", "refer-error-name-long")]
        );
        assert_eq!(
            errors(&[("full_name", "A\r\nBcc: x@example.org")]),
            [("full_name", "refer-error-name-characters")]
        );
        assert_eq!(
            errors(&[("safe_times", "after 6\r\nX-Evil: 1")]),
            [("safe_times", "refer-error-characters")]
        );
        assert_eq!(errors(&[("message", "line one\r\nline two")]), []);
        let message = "é".repeat(MAX_MESSAGE);
        assert_eq!(
            errors(&[("message", &message)]),
            [],
            "limits count characters, not bytes"
        );
        assert_eq!(
            errors(&[("message", &"x".repeat(MAX_MESSAGE + 1))]),
            [("message", "refer-error-message-long")]
        );
    }

    #[test]
    fn choices_must_be_the_offered_values() {
        assert_eq!(
            errors(&[("relationship", "other")]),
            [("relationship", "refer-error-relationship")]
        );
        assert_eq!(
            errors(&[("area", "atlantis")]),
            [("area", "refer-error-area")]
        );
        assert_eq!(
            errors(&[("consent", "no")]),
            [("consent", "refer-error-consent")]
        );
        assert_eq!(
            errors(&[("contact_language", "fr")]),
            [("contact_language", "refer-error-contact-language")]
        );
    }
}

//! The self-referral form's answers, parsed once into a [`Referral`] the rest of the
//! code can trust (typed values: choices, the email address, the language), or into the
//! list of what needs fixing. The fields and their values are defined in
//! [`super::fields`].

pub use super::fields::{
    Answer3, ContactLanguage, ContactMethod, Field, MAX_CRIME_REFERENCE, MAX_MESSAGE, MAX_NAME,
    MAX_SAFE_TIMES, MAX_SUPPORT_NEEDS, Relationship, YesNo,
};
use crate::i18n::Lang;
use crate::mail::address::EmailAddress;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A request to be contacted, valid in every field. Serialised as `referral.json`'s
/// `referral` object and as the stored payload (field names and values as the form's).
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Referral {
    /// The police area's slug (checked against the area list when parsed).
    pub area: String,
    pub relationship: Relationship,
    pub full_name: String,
    pub contact_method: ContactMethod,
    pub phone: Option<String>,
    #[serde(with = "email_as_text")]
    pub email: Option<EmailAddress>,
    pub voicemail_ok: bool,
    pub say_rj_ok: bool,
    pub safe_times: Option<String>,
    pub contact_language: ContactLanguage,
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
    /// The person responsible was under 18: restorative justice is then usually run by
    /// the youth justice service, so the request is flagged for the receiver.
    pub fn youth_justice(&self) -> bool {
        self.responsible_under_18 == Answer3::Yes
    }

    pub fn contact_lang(&self) -> Lang {
        match self.contact_language {
            ContactLanguage::En => Lang::En,
            ContactLanguage::Cy => Lang::Cy,
        }
    }

    /// Every answer as the form posts it: posted again, they parse to this request.
    pub fn answers(&self) -> Answers {
        Field::ALL
            .into_iter()
            .filter_map(|f| self.wire(f).map(|v| (f, v)))
            .collect()
    }

    /// A field's answer as the form posts it (`None` when not given).
    pub fn wire(&self, field: Field) -> Option<String> {
        let yes_no = |b: bool| Some(YesNo::from(b).wire().to_string());
        let text = |t: &Option<String>| t.clone();
        match field {
            Field::Area => Some(self.area.clone()),
            Field::Relationship => Some(self.relationship.wire().into()),
            Field::FullName => Some(self.full_name.clone()),
            Field::ContactMethod => Some(self.contact_method.wire().into()),
            Field::Phone => text(&self.phone),
            Field::Email => self.email.as_ref().map(|e| e.as_str().to_string()),
            Field::VoicemailOk => yes_no(self.voicemail_ok),
            Field::SayRjOk => yes_no(self.say_rj_ok),
            Field::SafeTimes => text(&self.safe_times),
            Field::ContactLanguage => Some(self.contact_language.wire().into()),
            Field::Reported => Some(self.reported.wire().into()),
            Field::CrimeReference => text(&self.crime_reference),
            Field::ResponsibleUnder18 => Some(self.responsible_under_18.wire().into()),
            Field::SupportNeeds => text(&self.support_needs),
            Field::Message => text(&self.message),
            Field::Consent => Some(YesNo::Yes.wire().into()),
            Field::ConfirmationEmail => yes_no(self.confirmation_email),
        }
    }
}

/// The email address as plain text in JSON.
mod email_as_text {
    use crate::mail::address::EmailAddress;
    use serde::{Deserialize, Deserializer, Serializer, de::Error};

    pub fn serialize<S: Serializer>(v: &Option<EmailAddress>, s: S) -> Result<S::Ok, S::Error> {
        match v {
            Some(e) => s.serialize_some(e.as_str()),
            None => s.serialize_none(),
        }
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Option<EmailAddress>, D::Error> {
        Option::<String>::deserialize(d)?
            .map(|s| EmailAddress::parse(&s).map_err(D::Error::custom))
            .transpose()
    }
}

/// A problem with one field: which, and the Fluent id (`refer-error-…`) that says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct FieldError {
    pub field: Field,
    pub message: &'static str,
}

/// The answers as typed, by field (unknown fields already set aside by the caller).
pub type Answers = BTreeMap<Field, String>;

/// The way of contact the answers chose, if a valid one.
pub fn contact_method(answers: &Answers) -> Option<ContactMethod> {
    answers
        .get(&Field::ContactMethod)
        .and_then(|v| ContactMethod::parse(v.trim()))
}

/// The answers to the questions asked of this person: an answer left from another way
/// of contact (an email address typed before switching to phone) is dropped, so it is
/// neither checked, shown nor stored.
pub fn asked_only(answers: &Answers) -> Answers {
    let contact = contact_method(answers);
    answers
        .iter()
        .filter(|(field, _)| field.asked(contact))
        .map(|(field, value)| (*field, value.clone()))
        .collect()
}

/// Checks every answer to a question asked of this person (see [`asked_only`]);
/// `known_area` says whether a slug is a police area.
pub fn parse(
    answers: &Answers,
    known_area: impl Fn(&str) -> bool,
) -> Result<Referral, Vec<FieldError>> {
    let answers = &asked_only(answers);
    let mut errors = Vec::new();
    let get = |field: Field| {
        answers
            .get(&field)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    };
    let mut error =
        |field: Field, message: &'static str| errors.push(FieldError { field, message });
    // A choice: its value, or the error.
    macro_rules! choice {
        ($field:expr, $ty:ty, $message:literal) => {{
            let v = get($field).and_then(<$ty>::parse);
            if v.is_none() {
                error($field, $message);
            }
            v
        }};
    }

    let area = get(Field::Area).filter(|a| known_area(a));
    if area.is_none() {
        error(Field::Area, "refer-error-area");
    }
    let relationship = choice!(
        Field::Relationship,
        Relationship,
        "refer-error-relationship"
    );
    let full_name = match get(Field::FullName) {
        None => {
            error(Field::FullName, "refer-error-name-missing");
            None
        }
        Some(n) if n.chars().count() > MAX_NAME => {
            error(Field::FullName, "refer-error-name-long");
            None
        }
        Some(n) if has_control(n, false) => {
            error(Field::FullName, "refer-error-name-characters");
            None
        }
        Some(n) => Some(n.to_string()),
    };
    let contact_method = choice!(
        Field::ContactMethod,
        ContactMethod,
        "refer-error-contact-method"
    );
    let phone = match get(Field::Phone) {
        Some(p) if !is_phone(p) => {
            error(Field::Phone, "refer-error-phone-invalid");
            None
        }
        Some(p) => Some(p.to_string()),
        None => {
            if contact_method == Some(ContactMethod::Phone) {
                error(Field::Phone, "refer-error-phone-missing");
            }
            None
        }
    };
    let email = match get(Field::Email) {
        Some(e) => match EmailAddress::parse(e) {
            Ok(e) => Some(e),
            Err(_) => {
                error(Field::Email, "refer-error-email-invalid");
                None
            }
        },
        None => {
            if contact_method == Some(ContactMethod::Email) {
                error(Field::Email, "refer-error-email-missing");
            }
            None
        }
    };
    // Asked only of someone who chose phone contact; for email they do not apply.
    let (voicemail_ok, say_rj_ok) = if contact_method == Some(ContactMethod::Phone) {
        (
            choice!(Field::VoicemailOk, YesNo, "refer-error-voicemail"),
            choice!(Field::SayRjOk, YesNo, "refer-error-say-rj"),
        )
    } else {
        (Some(YesNo::No), Some(YesNo::No))
    };
    let mut text = |field: Field, long: &'static str| {
        let max = field.max_chars().unwrap_or(usize::MAX);
        // Counted as stored: a line break is one character, however it was sent.
        match get(field).map(|t| t.replace("\r\n", "\n")) {
            None => None,
            Some(t) if t.chars().count() > max => {
                error(field, long);
                None
            }
            Some(t) if has_control(&t, field.multiline()) => {
                error(field, "refer-error-characters");
                None
            }
            Some(t) => Some(t),
        }
    };
    let safe_times = text(Field::SafeTimes, "refer-error-safe-times-long");
    let crime_reference = text(Field::CrimeReference, "refer-error-crime-reference-long");
    let support_needs = text(Field::SupportNeeds, "refer-error-support-needs-long");
    let message = text(Field::Message, "refer-error-message-long");
    let contact_language = choice!(
        Field::ContactLanguage,
        ContactLanguage,
        "refer-error-contact-language"
    );
    let reported = choice!(Field::Reported, Answer3, "refer-error-reported");
    let responsible_under_18 = choice!(Field::ResponsibleUnder18, Answer3, "refer-error-under-18");
    if get(Field::Consent) != Some("yes") {
        error(Field::Consent, "refer-error-consent");
    }
    // Asked only of someone who chose email, whose address it goes to.
    let confirmation_email = get(Field::ConfirmationEmail) == Some("yes");

    // Every value is present exactly when no error was recorded for its field.
    let (
        Some(area),
        Some(relationship),
        Some(full_name),
        Some(contact_method),
        Some(voicemail_ok),
        Some(say_rj_ok),
        Some(contact_language),
        Some(reported),
        Some(responsible_under_18),
        true,
    ) = (
        area,
        relationship,
        full_name,
        contact_method,
        voicemail_ok,
        say_rj_ok,
        contact_language,
        reported,
        responsible_under_18,
        errors.is_empty(),
    )
    else {
        errors.sort_by_key(|e| e.field);
        return Err(errors);
    };
    Ok(Referral {
        area: area.to_string(),
        relationship,
        full_name,
        contact_method,
        phone,
        email,
        voicemail_ok: voicemail_ok == YesNo::Yes,
        say_rj_ok: say_rj_ok == YesNo::Yes,
        safe_times,
        contact_language,
        reported,
        crime_reference,
        responsible_under_18,
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
        .map(|(k, v)| (Field::from_name(k).unwrap(), v.to_string()))
        .collect()
    }

    fn known(slug: &str) -> bool {
        slug == "south-wales"
    }

    fn errors(changes: &[(&str, &str)]) -> Vec<(&'static str, &'static str)> {
        let mut a = valid();
        for (k, v) in changes {
            a.insert(Field::from_name(k).unwrap(), v.to_string());
        }
        match parse(&a, known) {
            Ok(_) => vec![],
            Err(e) => e.into_iter().map(|e| (e.field.name(), e.message)).collect(),
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
        let fields: Vec<_> = e.iter().map(|e| e.field.name()).collect();
        assert_eq!(
            fields,
            [
                "area",
                "relationship",
                "full_name",
                "contact_method",
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
            errors(&[("contact_method", "email"), ("email", "nope")]),
            [("email", "refer-error-email-invalid")]
        );
        // Not asked of someone who chose phone: dropped, neither checked nor stored.
        assert_eq!(
            errors(&[("email", "nope"), ("confirmation_email", "yes")]),
            []
        );
        let mut phone = valid();
        phone.insert(Field::Email, "a@example.org".into());
        phone.insert(Field::ConfirmationEmail, "yes".into());
        let r = parse(&phone, known).unwrap();
        assert!(r.email.is_none() && !r.confirmation_email);
        // Voicemail and saying it is RJ are asked only for phone.
        assert_eq!(
            errors(&[
                ("contact_method", "email"),
                ("email", "a@example.org"),
                ("voicemail_ok", ""),
                ("say_rj_ok", "")
            ]),
            []
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
    fn a_line_break_counts_as_one_character() {
        // 1,401 characters stored; 2,101 as sent.
        let lines = "x\r\n".repeat(700) + "x";
        assert_eq!(errors(&[("message", &lines)]), []);
        let mut a = valid();
        a.insert(Field::SupportNeeds, "a\r\n".repeat(MAX_SUPPORT_NEEDS / 2));
        let r = parse(&a, known).unwrap();
        assert_eq!(
            r.support_needs.unwrap(),
            "a\n".repeat(MAX_SUPPORT_NEEDS / 2 - 1) + "a"
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

//! The form's vocabulary, defined once: every field ([`Field`]) with its wire name, its
//! label and hint ids and how it is asked ([`Kind`]); every choice with its wire value,
//! its label id and its parsing. The form, the check-answers rows, the emails and the
//! locale test all read this one list.

use serde::{Deserialize, Serialize};

/// Defines a choice: an enum whose variants each have a wire value (the form's value,
/// and the value in `referral.json`), with the list of values and parsing.
macro_rules! choice {
    ($(#[$meta:meta])* $name:ident { $($(#[$vmeta:meta])* $variant:ident = $wire:literal),+ $(,)? }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
        pub enum $name {
            $($(#[$vmeta])* #[serde(rename = $wire)] $variant),+
        }

        impl $name {
            /// Every value as the form posts it, in the order offered.
            pub const WIRE: &'static [&'static str] = &[$($wire),+];

            /// The value the form posts for this choice.
            pub fn wire(self) -> &'static str {
                match self {
                    $($name::$variant => $wire),+
                }
            }

            /// The choice a posted value names, if any.
            pub fn parse(value: &str) -> Option<Self> {
                match value {
                    $($wire => Some($name::$variant),)+
                    _ => None,
                }
            }
        }
    };
}

choice!(
    /// Who is asking.
    Relationship {
        /// I was harmed.
        Harmed = "harmed",
        /// A family member of someone harmed.
        Family = "family",
        /// A parent or carer asking for a child who was harmed.
        Parent = "parent",
        /// Supporting someone, with their agreement.
        Supporter = "supporter",
    }
);

choice!(
    /// How the service should make contact.
    ContactMethod { Phone = "phone", Email = "email" }
);

choice!(
    /// Yes, no or not sure.
    Answer3 { Yes = "yes", No = "no", NotSure = "not_sure" }
);

choice!(
    /// Yes or no.
    YesNo { Yes = "yes", No = "no" }
);

choice!(
    /// The language the service should use (the site's languages).
    ContactLanguage { En = "en", Cy = "cy" }
);

impl From<bool> for YesNo {
    fn from(yes: bool) -> Self {
        if yes { YesNo::Yes } else { YesNo::No }
    }
}

/// How a field is asked.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// The list of police areas.
    Area,
    /// Radios, one per value; `inline` puts short answers on one line.
    Choice {
        values: &'static [&'static str],
        inline: bool,
    },
    /// Typed text: an `<input type=input>`, or a text area of `rows` lines.
    Text {
        input: &'static str,
        autocomplete: Option<&'static str>,
        rows: Option<u32>,
    },
    /// A box to tick (posts `yes`): its own text is `label`, under an optional legend.
    Tick { legend: bool, label: &'static str },
}

/// Every field of the form, in the order asked (and of the error summary).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    Area,
    Relationship,
    FullName,
    ContactMethod,
    Phone,
    Email,
    VoicemailOk,
    SayRjOk,
    SafeTimes,
    ContactLanguage,
    Reported,
    CrimeReference,
    ResponsibleUnder18,
    SupportNeeds,
    Message,
    Consent,
    ConfirmationEmail,
}

/// One row of the field table: (field, wire name, id stem, label id, hint id, kind).
type Row = (
    Field,
    &'static str,
    &'static str,
    &'static str,
    Option<&'static str>,
    Kind,
);

const fn text(input: &'static str, autocomplete: Option<&'static str>) -> Kind {
    Kind::Text {
        input,
        autocomplete,
        rows: None,
    }
}

const fn area_text(rows: u32) -> Kind {
    Kind::Text {
        input: "text",
        autocomplete: None,
        rows: Some(rows),
    }
}

const fn radios(values: &'static [&'static str], inline: bool) -> Kind {
    Kind::Choice { values, inline }
}

/// The one field table. Option labels are `refer-<stem>-<value>` (underscores as
/// hyphens), so every question has its own answer words: Welsh answers a yes/no
/// question by echoing its verb (Gall / Na all, Do / Naddo, Oedd / Nac oedd).
const TABLE: &[Row] = &[
    (
        Field::Area,
        "area",
        "area",
        "refer-area-label",
        Some("refer-area-hint"),
        Kind::Area,
    ),
    (
        Field::Relationship,
        "relationship",
        "relationship",
        "refer-relationship-legend",
        None,
        radios(Relationship::WIRE, false),
    ),
    (
        Field::FullName,
        "full_name",
        "name",
        "refer-name-label",
        Some("refer-name-hint"),
        text("text", Some("name")),
    ),
    (
        Field::ContactMethod,
        "contact_method",
        "contact",
        "refer-contact-method-legend",
        None,
        radios(ContactMethod::WIRE, false),
    ),
    (
        Field::Phone,
        "phone",
        "phone",
        "refer-phone-label",
        Some("refer-phone-hint"),
        text("tel", Some("tel")),
    ),
    (
        Field::Email,
        "email",
        "email",
        "refer-email-label",
        Some("refer-email-hint"),
        text("email", Some("email")),
    ),
    (
        Field::VoicemailOk,
        "voicemail_ok",
        "voicemail",
        "refer-voicemail-legend",
        None,
        radios(YesNo::WIRE, true),
    ),
    (
        Field::SayRjOk,
        "say_rj_ok",
        "say-rj",
        "refer-say-rj-legend",
        Some("refer-say-rj-hint"),
        radios(YesNo::WIRE, true),
    ),
    (
        Field::SafeTimes,
        "safe_times",
        "safe-times",
        "refer-safe-times-label",
        Some("refer-safe-times-hint"),
        text("text", None),
    ),
    (
        Field::ContactLanguage,
        "contact_language",
        "language",
        "refer-language-legend",
        None,
        radios(ContactLanguage::WIRE, true),
    ),
    (
        Field::Reported,
        "reported",
        "reported",
        "refer-reported-legend",
        None,
        radios(Answer3::WIRE, true),
    ),
    (
        Field::CrimeReference,
        "crime_reference",
        "crime-reference",
        "refer-crime-reference-label",
        None,
        text("text", None),
    ),
    (
        Field::ResponsibleUnder18,
        "responsible_under_18",
        "under-18",
        "refer-under-18-legend",
        Some("refer-under-18-hint"),
        radios(Answer3::WIRE, true),
    ),
    (
        Field::SupportNeeds,
        "support_needs",
        "support-needs",
        "refer-support-needs-label",
        Some("refer-support-needs-hint"),
        area_text(3),
    ),
    (
        Field::Message,
        "message",
        "message",
        "refer-message-label",
        Some("refer-message-hint"),
        area_text(5),
    ),
    (
        Field::Consent,
        "consent",
        "consent",
        "refer-consent-legend",
        None,
        Kind::Tick {
            legend: true,
            label: "refer-consent",
        },
    ),
    (
        Field::ConfirmationEmail,
        "confirmation_email",
        "confirmation",
        "refer-confirmation",
        Some("refer-confirmation-hint"),
        Kind::Tick {
            legend: false,
            label: "refer-confirmation",
        },
    ),
];

impl Field {
    /// Every field, in the order asked.
    pub const ALL: [Field; 17] = [
        Field::Area,
        Field::Relationship,
        Field::FullName,
        Field::ContactMethod,
        Field::Phone,
        Field::Email,
        Field::VoicemailOk,
        Field::SayRjOk,
        Field::SafeTimes,
        Field::ContactLanguage,
        Field::Reported,
        Field::CrimeReference,
        Field::ResponsibleUnder18,
        Field::SupportNeeds,
        Field::Message,
        Field::Consent,
        Field::ConfirmationEmail,
    ];

    fn row(self) -> &'static Row {
        &TABLE[self as usize]
    }

    /// The form's field name (its public interface, see the README).
    pub fn name(self) -> &'static str {
        self.row().1
    }

    /// The field a posted name names, if any.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The Fluent id of its question (label or legend), also its check-answers label.
    pub fn label_id(self) -> &'static str {
        self.row().3
    }

    /// The Fluent id of its hint, if it has one.
    pub fn hint_id(self) -> Option<&'static str> {
        self.row().4
    }

    pub fn kind(self) -> Kind {
        self.row().5
    }

    /// The Fluent id of the words for one of its values: `refer-<stem>-<value>`.
    pub fn option_label_id(self, value: &str) -> String {
        format!("refer-{}-{}", self.row().2, value.replace('_', "-"))
    }

    /// The values a person can give, for choices and ticks (a tick shows yes or no).
    pub fn values(self) -> &'static [&'static str] {
        match self.kind() {
            Kind::Choice { values, .. } => values,
            Kind::Tick { .. } => YesNo::WIRE,
            Kind::Area | Kind::Text { .. } => &[],
        }
    }

    /// The most characters its answer may have (as stored), for free text.
    pub fn max_chars(self) -> Option<usize> {
        match self {
            Field::FullName => Some(MAX_NAME),
            Field::SafeTimes => Some(MAX_SAFE_TIMES),
            Field::CrimeReference => Some(MAX_CRIME_REFERENCE),
            Field::SupportNeeds => Some(MAX_SUPPORT_NEEDS),
            Field::Message => Some(MAX_MESSAGE),
            _ => None,
        }
    }

    /// Whether line breaks are allowed (a text area).
    pub fn multiline(self) -> bool {
        matches!(self.kind(), Kind::Text { rows: Some(_), .. })
    }

    /// Whether the form asks this question of someone who chose `contact`: the phone's
    /// questions (the number, voicemail, saying it is RJ) only for phone contact, the
    /// email's (the address, a confirmation to it) only for email. Before a way is
    /// chosen, neither.
    pub fn asked(self, contact: Option<ContactMethod>) -> bool {
        match self {
            Field::Phone | Field::VoicemailOk | Field::SayRjOk => {
                contact == Some(ContactMethod::Phone)
            }
            Field::Email | Field::ConfirmationEmail => contact == Some(ContactMethod::Email),
            _ => true,
        }
    }

    /// Every Fluent id this field's question, hint and answers use.
    pub fn message_ids(self) -> Vec<String> {
        let mut ids = vec![self.label_id().to_string()];
        ids.extend(self.hint_id().map(String::from));
        if let Kind::Tick { label, .. } = self.kind() {
            ids.push(label.to_string());
        }
        ids.extend(self.values().iter().map(|v| self.option_label_id(v)));
        ids
    }
}

// A field is stored and handed between pages by its wire name.
impl Serialize for Field {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.name())
    }
}

impl<'de> Deserialize<'de> for Field {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let name = String::deserialize(d)?;
        Field::from_name(&name).ok_or_else(|| serde::de::Error::custom("not a field of the form"))
    }
}

/// Limits on free text, in characters as stored (a line break is one).
pub const MAX_NAME: usize = 100;
pub const MAX_SAFE_TIMES: usize = 200;
pub const MAX_CRIME_REFERENCE: usize = 40;
pub const MAX_SUPPORT_NEEDS: usize = 500;
pub const MAX_MESSAGE: usize = 1500;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_the_order_of_the_enum() {
        for (i, f) in Field::ALL.into_iter().enumerate() {
            assert_eq!(TABLE[i].0, f);
            assert_eq!(Field::from_name(f.name()), Some(f));
        }
        assert_eq!(TABLE.len(), Field::ALL.len());
    }

    #[test]
    fn choices_round_trip_and_match_their_serde_names() {
        for &w in Answer3::WIRE {
            let a = Answer3::parse(w).unwrap();
            assert_eq!(a.wire(), w);
            assert_eq!(serde_json::to_string(&a).unwrap(), format!("\"{w}\""));
        }
        assert_eq!(Relationship::parse("other"), None);
        let codes: Vec<_> = crate::i18n::Lang::ALL.iter().map(|l| l.code()).collect();
        assert_eq!(ContactLanguage::WIRE, codes.as_slice());
    }

    #[test]
    fn each_yes_no_question_has_its_own_answer_words() {
        assert_eq!(Field::SayRjOk.option_label_id("yes"), "refer-say-rj-yes");
        assert_eq!(
            Field::ResponsibleUnder18.option_label_id("not_sure"),
            "refer-under-18-not-sure"
        );
        assert_eq!(
            Field::Relationship.option_label_id("harmed"),
            "refer-relationship-harmed"
        );
    }
}

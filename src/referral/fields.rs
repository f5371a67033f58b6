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

/// One row of the field table.
struct Row {
    /// The field the row is for: rows are found by position (`Field as usize`), and a
    /// test checks each row names its own field.
    #[cfg_attr(not(test), allow(dead_code))]
    field: Field,
    /// The form's field name.
    name: &'static str,
    /// The stem of its answers' ids: `refer-<stem>-<value>`.
    stem: &'static str,
    /// The id of its question (label or legend).
    label: &'static str,
    hint: Option<&'static str>,
    kind: Kind,
}

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
    Row {
        field: Field::Area,
        name: "area",
        stem: "area",
        label: "refer-area-label",
        hint: Some("refer-area-hint"),
        kind: Kind::Area,
    },
    Row {
        field: Field::Relationship,
        name: "relationship",
        stem: "relationship",
        label: "refer-relationship-legend",
        hint: None,
        kind: radios(Relationship::WIRE, false),
    },
    Row {
        field: Field::FullName,
        name: "full_name",
        stem: "name",
        label: "refer-name-label",
        hint: Some("refer-name-hint"),
        kind: text("text", Some("name")),
    },
    Row {
        field: Field::ContactMethod,
        name: "contact_method",
        stem: "contact",
        label: "refer-contact-method-legend",
        hint: None,
        kind: radios(ContactMethod::WIRE, false),
    },
    Row {
        field: Field::Phone,
        name: "phone",
        stem: "phone",
        label: "refer-phone-label",
        hint: Some("refer-phone-hint"),
        kind: text("tel", Some("tel")),
    },
    Row {
        field: Field::Email,
        name: "email",
        stem: "email",
        label: "refer-email-label",
        hint: Some("refer-email-hint"),
        kind: text("email", Some("email")),
    },
    Row {
        field: Field::VoicemailOk,
        name: "voicemail_ok",
        stem: "voicemail",
        label: "refer-voicemail-legend",
        hint: None,
        kind: radios(YesNo::WIRE, true),
    },
    Row {
        field: Field::SayRjOk,
        name: "say_rj_ok",
        stem: "say-rj",
        label: "refer-say-rj-legend",
        hint: Some("refer-say-rj-hint"),
        kind: radios(YesNo::WIRE, true),
    },
    Row {
        field: Field::SafeTimes,
        name: "safe_times",
        stem: "safe-times",
        label: "refer-safe-times-label",
        hint: Some("refer-safe-times-hint"),
        kind: text("text", None),
    },
    Row {
        field: Field::ContactLanguage,
        name: "contact_language",
        stem: "language",
        label: "refer-language-legend",
        hint: None,
        kind: radios(ContactLanguage::WIRE, true),
    },
    Row {
        field: Field::Reported,
        name: "reported",
        stem: "reported",
        label: "refer-reported-legend",
        hint: None,
        kind: radios(Answer3::WIRE, true),
    },
    Row {
        field: Field::CrimeReference,
        name: "crime_reference",
        stem: "crime-reference",
        label: "refer-crime-reference-label",
        hint: None,
        kind: text("text", None),
    },
    Row {
        field: Field::ResponsibleUnder18,
        name: "responsible_under_18",
        stem: "under-18",
        label: "refer-under-18-legend",
        hint: Some("refer-under-18-hint"),
        kind: radios(Answer3::WIRE, true),
    },
    Row {
        field: Field::SupportNeeds,
        name: "support_needs",
        stem: "support-needs",
        label: "refer-support-needs-label",
        hint: Some("refer-support-needs-hint"),
        kind: area_text(3),
    },
    Row {
        field: Field::Message,
        name: "message",
        stem: "message",
        label: "refer-message-label",
        hint: Some("refer-message-hint"),
        kind: area_text(5),
    },
    Row {
        field: Field::Consent,
        name: "consent",
        stem: "consent",
        label: "refer-consent-legend",
        hint: None,
        kind: Kind::Tick {
            legend: true,
            label: "refer-consent",
        },
    },
    Row {
        field: Field::ConfirmationEmail,
        name: "confirmation_email",
        stem: "confirmation",
        label: "refer-confirmation",
        hint: Some("refer-confirmation-hint"),
        kind: Kind::Tick {
            legend: false,
            label: "refer-confirmation",
        },
    },
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
        self.row().name
    }

    /// The field a posted name names, if any.
    pub fn from_name(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The Fluent id of its question (label or legend), also its check-answers label.
    pub fn label_id(self) -> &'static str {
        self.row().label
    }

    /// The Fluent id of its hint, if it has one.
    pub fn hint_id(self) -> Option<&'static str> {
        self.row().hint
    }

    pub fn kind(self) -> Kind {
        self.row().kind
    }

    /// The Fluent id of the words for one of its values: `refer-<stem>-<value>`.
    pub fn option_label_id(self, value: &str) -> String {
        format!("refer-{}-{}", self.row().stem, value.replace('_', "-"))
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

/// Who asked, as the record keeps it: the form's four relationships grouped into the
/// three a commissioner's template asks for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Asker {
    /// "I was harmed".
    Harmed,
    /// A family member, or a parent or carer asking for a child who was harmed.
    Family,
    /// Someone supporting the person harmed, with their agreement.
    Other,
}

impl Asker {
    pub const ALL: [Asker; 3] = [Asker::Harmed, Asker::Family, Asker::Other];

    pub fn of(relationship: Relationship) -> Asker {
        match relationship {
            Relationship::Harmed => Asker::Harmed,
            // A parent or carer acts for their child as family does.
            Relationship::Family | Relationship::Parent => Asker::Family,
            Relationship::Supporter => Asker::Other,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Asker::Harmed => "harmed",
            Asker::Family => "family",
            Asker::Other => "other",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_is_in_the_order_of_the_enum() {
        for (i, f) in Field::ALL.into_iter().enumerate() {
            assert_eq!(TABLE[i].field, f);
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

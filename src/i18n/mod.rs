//! Languages, translated text and the URL of every page in each language.
//! Text reaches a page only through [`Tr`]; views hold no English or Welsh literal.

pub mod collate;
pub mod list;
mod routes;

pub use routes::{Page, Stage, staff_request_path};

use fluent_templates::{Loader, fluent_bundle::FluentValue};
use std::{borrow::Cow, collections::HashMap};
use unic_langid::{LanguageIdentifier, langid};

fluent_templates::static_loader! {
    static LOCALES = {
        locales: "./locales",
        fallback_language: "en",
        // Unicode isolation marks around arguments break HTML attributes and `tel:` links.
        customise: |bundle| bundle.set_use_isolating(false),
    };
}

/// A language the site is written in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Cy,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Cy];

    /// The BCP 47 code, for `lang` and `hreflang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Cy => "cy",
        }
    }

    pub fn other(self) -> Lang {
        match self {
            Lang::En => Lang::Cy,
            Lang::Cy => Lang::En,
        }
    }

    /// The language's own name, as shown on the link to it.
    pub fn endonym(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Cy => "Cymraeg",
        }
    }

    /// The language a URL path is in: Welsh pages live under `/cy`.
    pub fn from_path(path: &str) -> Lang {
        if path == "/cy" || path.starts_with("/cy/") {
            Lang::Cy
        } else {
            Lang::En
        }
    }

    /// Parses a `lang=` style code; anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code {
            "en" => Some(Lang::En),
            "cy" => Some(Lang::Cy),
            _ => None,
        }
    }

    fn langid(self) -> LanguageIdentifier {
        match self {
            Lang::En => langid!("en"),
            Lang::Cy => langid!("cy"),
        }
    }
}

/// A value for a Fluent variable.
pub type Arg = FluentValue<'static>;

/// Every variable the code fills with a number. A number needs a noun in the right
/// plural form ("1 day", "2 days"; "2 ddiwrnod", "3 diwrnod"), so each of these may appear
/// in a message only inside a plural selector on itself (or right before "%"); the
/// locale test checks both languages. [`Tr::t_args`] refuses, in debug builds, a number
/// passed under any other name, so a new numeric variable cannot skip the check.
pub const NUMBER_VARIABLES: &[&str] = &[
    "count",
    "retention_days",
    "percent",
    "handoff_minutes",
    "limit_minutes",
    "minutes",
    "days",
];

/// Marks `text` as being in `lang` inside a message of the other language, for names
/// such as an operator's English name on a Welsh page (WCAG 3.1.2). [`Prose`] and
/// [`mixed`] render the mark as an element with a `lang` attribute.
///
/// [`Prose`]: crate::components::Prose
pub fn foreign(lang: Lang, text: &str) -> String {
    format!("<{0}>{text}</{0}>", lang.code())
}

/// The parts of a text with [`foreign`] marks: each with the language it is marked as
/// being in, or `None` for the text's own language. An unclosed mark is plain text.
pub fn mixed(text: &str) -> Vec<(Option<Lang>, &str)> {
    let mut parts = Vec::new();
    let mut rest = text;
    'scan: while !rest.is_empty() {
        let mut from = 0;
        while let Some(lt) = rest[from..].find('<').map(|i| i + from) {
            for lang in Lang::ALL {
                let open = format!("<{}>", lang.code());
                let close = format!("</{}>", lang.code());
                if rest[lt..].starts_with(&open)
                    && let Some(end) = rest[lt + open.len()..].find(&close)
                {
                    if lt > 0 {
                        parts.push((None, &rest[..lt]));
                    }
                    let start = lt + open.len();
                    parts.push((Some(lang), &rest[start..start + end]));
                    rest = &rest[start + end + close.len()..];
                    continue 'scan;
                }
            }
            from = lt + 1;
        }
        parts.push((None, rest));
        break;
    }
    parts
}

/// A text with its [`foreign`] marks removed, for places that take plain text (a page's
/// `<title>`, an attribute, a plain-text email).
pub fn unmarked(text: &str) -> String {
    mixed(text).into_iter().map(|(_, t)| t).collect()
}

/// Looks up translated messages in one language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Tr(pub Lang);

impl Tr {
    /// The message `id`. A missing id shows the id itself (and the parity test fails).
    pub fn t(self, id: &str) -> String {
        LOCALES
            .try_lookup(&self.0.langid(), id)
            .unwrap_or_else(|| missing(id))
    }

    /// The message `id` with variables.
    pub fn t_args(self, id: &str, args: &[(&'static str, Arg)]) -> String {
        debug_assert!(
            args.iter().all(|(name, value)| {
                !matches!(value, FluentValue::Number(_)) || NUMBER_VARIABLES.contains(name)
            }),
            "`{id}`: a number passed in a variable not listed in NUMBER_VARIABLES"
        );
        let args: HashMap<Cow<'static, str>, Arg> = args
            .iter()
            .map(|(k, v)| (Cow::Borrowed(*k), v.clone()))
            .collect();
        LOCALES
            .try_lookup_with_args(&self.0.langid(), id, &args)
            .unwrap_or_else(|| missing(id))
    }

    /// Whether the message exists (in this language or by fallback).
    pub fn has(self, id: &str) -> bool {
        LOCALES.try_lookup(&self.0.langid(), id).is_some()
    }
}

fn missing(id: &str) -> String {
    tracing::warn!(message_id = id, "missing Fluent message");
    id.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn welsh_has_six_plural_forms() {
        let tr = Tr(Lang::Cy);
        let forms: Vec<String> = [0, 1, 2, 3, 6, 4]
            .into_iter()
            .map(|n| tr.t_args("area-count", &[("count", n.into())]))
            .collect();
        let distinct: std::collections::HashSet<_> = forms.iter().collect();
        assert_eq!(distinct.len(), 6, "Welsh plural forms: {forms:?}");
    }

    #[test]
    fn english_has_two_plural_forms() {
        let tr = Tr(Lang::En);
        let one = tr.t_args("area-count", &[("count", 1.into())]);
        let many = tr.t_args("area-count", &[("count", 5.into())]);
        assert_ne!(one, many);
        assert_eq!(one, "One police area");
        assert_eq!(many, "5 police areas");
    }

    #[test]
    fn arguments_are_not_wrapped_in_isolation_marks() {
        let s = Tr(Lang::En).t_args("page-title", &[("page", "A".into()), ("site", "B".into())]);
        assert!(!s.contains('\u{2068}') && !s.contains('\u{2069}'), "{s:?}");
    }

    #[test]
    fn foreign_marks_split_and_strip() {
        let text = format!(
            "{} sy'n rhedeg y wefan hon.",
            foreign(Lang::En, "Example Partnership")
        );
        assert_eq!(
            mixed(&text),
            [
                (Some(Lang::En), "Example Partnership"),
                (None, " sy'n rhedeg y wefan hon.")
            ]
        );
        assert_eq!(
            unmarked(&text),
            "Example Partnership sy'n rhedeg y wefan hon."
        );
        assert_eq!(mixed("a < b <en>c"), [(None, "a < b <en>c")]);
        assert_eq!(
            mixed("x <cy>Pam Fi?</cy> y"),
            [(None, "x "), (Some(Lang::Cy), "Pam Fi?"), (None, " y")]
        );
    }

    #[test]
    #[cfg(debug_assertions)]
    #[should_panic(expected = "NUMBER_VARIABLES")]
    fn an_unlisted_number_variable_is_refused() {
        Tr(Lang::En).t_args("find-your-area", &[("area", 3.into())]);
    }

    #[test]
    fn retention_days_agree_with_their_number() {
        let privacy = |lang, n: u32| {
            Tr(lang).t_args(
                "privacy-how-long",
                &[
                    ("retention_days", n.into()),
                    ("handoff_minutes", 10.into()),
                    ("limit_minutes", 60.into()),
                ],
            )
        };
        assert!(privacy(Lang::En, 1).contains("after 1 day."));
        assert!(privacy(Lang::En, 30).contains("after 30 days."));
        assert!(privacy(Lang::Cy, 2).contains("ar ôl 2 ddiwrnod."));
        assert!(privacy(Lang::Cy, 30).contains("ar ôl 30 diwrnod."));
    }

    #[test]
    fn language_from_path() {
        assert_eq!(Lang::from_path("/"), Lang::En);
        assert_eq!(Lang::from_path("/cy"), Lang::Cy);
        assert_eq!(Lang::from_path("/cy/"), Lang::Cy);
        assert_eq!(Lang::from_path("/cymru"), Lang::En);
    }
}

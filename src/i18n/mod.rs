//! Languages, translated text and the URL of every page in each language.
//! Text reaches a page only through [`Tr`]; views hold no English or Welsh literal.

mod routes;

pub use routes::Page;

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
    #[cfg(feature = "ssr")]
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
    fn language_from_path() {
        assert_eq!(Lang::from_path("/"), Lang::En);
        assert_eq!(Lang::from_path("/cy"), Lang::Cy);
        assert_eq!(Lang::from_path("/cy/"), Lang::Cy);
        assert_eq!(Lang::from_path("/cymru"), Lang::En);
    }
}

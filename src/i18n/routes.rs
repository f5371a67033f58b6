//! Every page's URL in each language. English pages sit at the root, Welsh ones under
//! `/cy` with Welsh slugs; the route table and every link are built from this list.

use super::Lang;
use leptos_router::StaticSegment;

/// A page of the site that has a fixed URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
    Find,
    Areas,
    Refer,
    WhatIsRj,
    Ways,
    WhatHappens,
    IsItRight,
    Rights,
    Questions,
    HelpNow,
    SafeOnline,
    UsefulLinks,
    Accessibility,
    Privacy,
    Cookies,
    AboutData,
    EasyRead,
    EasyReadWhatIsRj,
    EasyReadIsItRight,
    EasyReadRights,
    EasyReadContact,
    /// Where a person checks whether the service has their request.
    Status,
}

/// Each page's key (for `page:` links in the text) and its English and Welsh slugs.
const TABLE: &[(Page, &str, &str, &str)] = &[
    (Page::Home, "home", "", ""),
    (Page::Find, "find", "find", "dod-o-hyd"),
    (Page::Areas, "areas", "areas", "ardaloedd"),
    (Page::Refer, "refer", "refer", "cyfeirio"),
    (
        Page::WhatIsRj,
        "what-is-rj",
        "what-is-restorative-justice",
        "beth-yw-cyfiawnder-adferol",
    ),
    (
        Page::Ways,
        "ways",
        "ways-it-can-happen",
        "ffyrdd-y-gall-ddigwydd",
    ),
    (
        Page::WhatHappens,
        "what-happens",
        "what-happens",
        "beth-syn-digwydd",
    ),
    (
        Page::IsItRight,
        "is-it-right",
        "is-it-right-for-me",
        "ydy-e-n-addas-i-mi",
    ),
    (Page::Rights, "rights", "your-rights", "eich-hawliau"),
    (Page::Questions, "questions", "questions", "cwestiynau"),
    (Page::HelpNow, "help-now", "help-now", "help-nawr"),
    (
        Page::SafeOnline,
        "safe-online",
        "staying-safe-online",
        "cadw-n-ddiogel-ar-lein",
    ),
    (
        Page::UsefulLinks,
        "useful-links",
        "useful-links",
        "dolenni-defnyddiol",
    ),
    (
        Page::Accessibility,
        "accessibility",
        "accessibility",
        "hygyrchedd",
    ),
    (Page::Privacy, "privacy", "privacy", "preifatrwydd"),
    (Page::Cookies, "cookies", "cookies", "cwcis"),
    (Page::AboutData, "about-data", "about-the-data", "am-y-data"),
    // Easy Read versions: one flat slug each, so every page keeps a two-segment route.
    (Page::EasyRead, "easy-read", "easy-read", "hawdd-ei-ddeall"),
    (
        Page::EasyReadWhatIsRj,
        "easy-read-what-is-rj",
        "easy-read-what-is-restorative-justice",
        "hawdd-ei-ddeall-beth-yw-cyfiawnder-adferol",
    ),
    (
        Page::EasyReadIsItRight,
        "easy-read-is-it-right",
        "easy-read-is-it-right-for-me",
        "hawdd-ei-ddeall-ydy-e-n-addas-i-mi",
    ),
    (
        Page::EasyReadRights,
        "easy-read-rights",
        "easy-read-your-rights",
        "hawdd-ei-ddeall-eich-hawliau",
    ),
    (
        Page::EasyReadContact,
        "easy-read-contact",
        "easy-read-ask-to-be-contacted",
        "hawdd-ei-ddeall-gofyn-am-gael-eich-cysylltu",
    ),
    // A page under another page: its slug names the parent first.
    (Page::Status, "status", "refer/status", "cyfeirio/statws"),
];

impl Page {
    /// Every page, in the order the route table lists them.
    pub const ALL: &'static [Page] = &[
        Page::Home,
        Page::Find,
        Page::Areas,
        Page::Refer,
        Page::WhatIsRj,
        Page::Ways,
        Page::WhatHappens,
        Page::IsItRight,
        Page::Rights,
        Page::Questions,
        Page::HelpNow,
        Page::SafeOnline,
        Page::UsefulLinks,
        Page::Accessibility,
        Page::Privacy,
        Page::Cookies,
        Page::AboutData,
        Page::EasyRead,
        Page::EasyReadWhatIsRj,
        Page::EasyReadIsItRight,
        Page::EasyReadRights,
        Page::EasyReadContact,
        Page::Status,
    ];

    fn row(self) -> &'static (Page, &'static str, &'static str, &'static str) {
        TABLE
            .iter()
            .find(|row| row.0 == self)
            .expect("every page is in TABLE")
    }

    /// The page's short name, used by `page:` links in the text and as its message prefix.
    pub fn key(self) -> &'static str {
        self.row().1
    }

    /// The page with this key.
    pub fn from_key(key: &str) -> Option<Page> {
        TABLE.iter().find(|row| row.1 == key).map(|row| row.0)
    }

    /// The last part of the URL (empty for the home page).
    pub fn slug(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.row().2,
            Lang::Cy => self.row().3,
        }
    }

    /// The page's path in a language, e.g. `/` or `/cy`.
    pub fn path(self, lang: Lang) -> String {
        match (lang, self.slug(lang)) {
            (Lang::En, "") => "/".to_string(),
            (Lang::En, slug) => format!("/{slug}"),
            (Lang::Cy, "") => "/cy".to_string(),
            (Lang::Cy, slug) => format!("/cy/{slug}"),
        }
    }

    /// The route segments that match [`Page::path`]: the language, the parent page (for
    /// a page under another, such as `/refer/status`) and the page's own slug. An empty
    /// segment matches nothing.
    pub fn segments(
        self,
        lang: Lang,
    ) -> (
        StaticSegment<&'static str>,
        StaticSegment<&'static str>,
        StaticSegment<&'static str>,
    ) {
        let prefix = match lang {
            Lang::En => "",
            Lang::Cy => "cy",
        };
        let slug = self.slug(lang);
        let (parent, own) = slug.split_once('/').unwrap_or(("", slug));
        (
            StaticSegment(prefix),
            StaticSegment(parent),
            StaticSegment(own),
        )
    }

    /// The Fluent id of the page's title (its `<h1>` and the first part of `<title>`):
    /// `<key>-title`.
    pub fn title_id(self) -> String {
        format!("{}-title", self.key())
    }

    /// The path of one police area's page: `/areas/south-wales`, `/cy/ardaloedd/south-wales`.
    pub fn area_path(lang: Lang, slug: &str) -> String {
        format!("{}/{slug}", Page::Areas.path(lang))
    }

    /// The segment after the form's path that holds a sent request's confirmation page.
    pub fn sent_segment(lang: Lang) -> &'static str {
        match lang {
            Lang::En => "sent",
            Lang::Cy => "wedi-anfon",
        }
    }

    /// The confirmation page of a sent request.
    pub fn sent_path(lang: Lang, reference: &str) -> String {
        format!(
            "{}/{}/{reference}",
            Page::Refer.path(lang),
            Page::sent_segment(lang)
        )
    }

    /// The page at a path, if any.
    pub fn from_path(path: &str) -> Option<(Page, Lang)> {
        let path = if path.len() > 1 {
            path.trim_end_matches('/')
        } else {
            path
        };
        Page::ALL.iter().find_map(|&page| {
            Lang::ALL
                .into_iter()
                .find(|&lang| page.path(lang) == path)
                .map(|lang| (page, lang))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_unique_and_round_trip() {
        let mut seen = std::collections::HashSet::new();
        for &page in Page::ALL {
            for lang in Lang::ALL {
                let path = page.path(lang);
                assert!(seen.insert(path.clone()), "duplicate path {path}");
                assert_eq!(Lang::from_path(&path), lang);
                assert_eq!(Page::from_path(&path), Some((page, lang)));
            }
        }
    }

    #[test]
    fn every_page_is_in_the_table_once() {
        assert_eq!(TABLE.len(), Page::ALL.len());
        for &page in Page::ALL {
            assert_eq!(
                TABLE.iter().filter(|row| row.0 == page).count(),
                1,
                "{page:?}"
            );
            assert_eq!(Page::from_key(page.key()), Some(page));
        }
    }

    #[test]
    fn every_page_has_a_title_in_both_languages() {
        for &page in Page::ALL {
            for lang in Lang::ALL {
                assert!(
                    crate::i18n::Tr(lang).has(&page.title_id()),
                    "{}",
                    page.title_id()
                );
            }
        }
    }

    #[test]
    fn welsh_pages_live_under_cy() {
        for &page in Page::ALL {
            assert!(page.path(Lang::Cy).starts_with("/cy"));
            assert!(!page.path(Lang::En).starts_with("/cy"));
        }
    }
}

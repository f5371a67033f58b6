//! Every page's URL in each language. English pages sit at the root, Welsh ones under
//! `/cy` with Welsh slugs; the route table and every link are built from this list.

use super::Lang;
use leptos_router::{ParamSegment, StaticSegment};

/// Declares [`Page`] and [`Page::ALL`] with each page's key and slugs from one list, so
/// no page can be in one and missing from another.
macro_rules! pages {
    ($($page:ident = $key:literal, $en:literal, $cy:literal;)*) => {
        /// A page of the site that has a fixed URL.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Page {
            $($page,)*
        }

        impl Page {
            /// Every page, in the order of the list: the route table, the sitemap, the
            /// page cache and the tests are all built from it.
            pub const ALL: &'static [Page] = &[$(Page::$page),*];

            /// The page's key, English slug and Welsh slug.
            const fn row(self) -> (&'static str, &'static str, &'static str) {
                match self {
                    $(Page::$page => ($key, $en, $cy),)*
                }
            }
        }
    };
}

// Each page: its key (for `page:` links and as its message prefix), English slug, Welsh slug.
pages! {
    Home = "home", "", "";
    Find = "find", "find", "dod-o-hyd";
    Areas = "areas", "areas", "ardaloedd";
    Refer = "refer", "refer", "cyfeirio";
    WhatIsRj = "what-is-rj", "what-is-restorative-justice", "beth-yw-cyfiawnder-adferol";
    Ways = "ways", "ways-it-can-happen", "ffyrdd-y-gall-ddigwydd";
    WhatHappens = "what-happens", "what-happens", "beth-syn-digwydd";
    IsItRight = "is-it-right", "is-it-right-for-me", "ydy-e-n-addas-i-mi";
    Rights = "rights", "your-rights", "eich-hawliau";
    Questions = "questions", "questions", "cwestiynau";
    HelpNow = "help-now", "help-now", "help-nawr";
    SafeOnline = "safe-online", "staying-safe-online", "cadw-n-ddiogel-ar-lein";
    UsefulLinks = "useful-links", "useful-links", "dolenni-defnyddiol";
    Accessibility = "accessibility", "accessibility", "hygyrchedd";
    Privacy = "privacy", "privacy", "preifatrwydd";
    Cookies = "cookies", "cookies", "cwcis";
    AboutData = "about-data", "about-the-data", "am-y-data";
    Security = "security", "security", "diogelwch";
    // Easy Read versions: one flat slug each, so every page keeps a two-segment route.
    EasyRead = "easy-read", "easy-read", "hawdd-ei-ddeall";
    EasyReadWhatIsRj = "easy-read-what-is-rj", "easy-read-what-is-restorative-justice",
        "hawdd-ei-ddeall-beth-yw-cyfiawnder-adferol";
    EasyReadIsItRight = "easy-read-is-it-right", "easy-read-is-it-right-for-me",
        "hawdd-ei-ddeall-ydy-e-n-addas-i-mi";
    EasyReadRights = "easy-read-rights", "easy-read-your-rights",
        "hawdd-ei-ddeall-eich-hawliau";
    EasyReadContact = "easy-read-contact", "easy-read-ask-to-be-contacted",
        "hawdd-ei-ddeall-gofyn-i-wasanaeth-gysylltu";
    // A page under another page: its slug names the parent first.
    Status = "status", "refer/status", "cyfeirio/statws";
}

/// Addresses a page had before, each with the page and language it now answers in
/// (a permanent redirect, so old links and bookmarks keep working).
const MOVED: &[(&str, Page, Lang)] = &[
    // The Welsh Easy Read title lost a calque ("gofyn am gael eich cysylltu").
    (
        "/cy/hawdd-ei-ddeall-gofyn-am-gael-eich-cysylltu",
        Page::EasyReadContact,
        Lang::Cy,
    ),
];

impl Page {
    /// The page's current path if `path` is an address it had before.
    pub fn moved(path: &str) -> Option<String> {
        MOVED
            .iter()
            .find(|(old, _, _)| *old == path)
            .map(|(_, page, lang)| page.path(*lang))
    }
}

/// The confirmation page's path parameter: the request's reference.
pub const REFERENCE_PARAM: &str = "reference";

impl Page {
    /// The page's short name, used by `page:` links in the text and as its message prefix.
    pub fn key(self) -> &'static str {
        self.row().0
    }

    /// The page with this key.
    pub fn from_key(key: &str) -> Option<Page> {
        Page::ALL.iter().copied().find(|page| page.key() == key)
    }

    /// The last part of the URL (empty for the home page).
    pub fn slug(self, lang: Lang) -> &'static str {
        match lang {
            Lang::En => self.row().1,
            Lang::Cy => self.row().2,
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
        let slug = self.slug(lang);
        let (parent, own) = slug.split_once('/').unwrap_or(("", slug));
        (prefix(lang), StaticSegment(parent), StaticSegment(own))
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

    /// The route segments that match [`Page::area_path`], the area's slug as `slug`.
    pub fn area_segments(
        lang: Lang,
    ) -> (
        StaticSegment<&'static str>,
        StaticSegment<&'static str>,
        ParamSegment,
    ) {
        let (prefix, _, areas) = Page::Areas.segments(lang);
        (prefix, areas, ParamSegment("slug"))
    }

    /// The segment after the form's path that holds a sent request's confirmation page.
    pub fn sent_segment(lang: Lang) -> &'static str {
        match lang {
            Lang::En => "sent",
            Lang::Cy => "wedi-anfon",
        }
    }

    /// The confirmation page of a sent request, addressed by its handoff's id.
    pub fn sent_path(lang: Lang, reference: &str) -> String {
        format!(
            "{}/{}/{reference}",
            Page::Refer.path(lang),
            Page::sent_segment(lang)
        )
    }

    /// The route segments that match [`Page::sent_path`], the reference as
    /// [`REFERENCE_PARAM`].
    pub fn sent_segments(
        lang: Lang,
    ) -> (
        StaticSegment<&'static str>,
        StaticSegment<&'static str>,
        StaticSegment<&'static str>,
        ParamSegment,
    ) {
        let (prefix, _, refer) = Page::Refer.segments(lang);
        (
            prefix,
            refer,
            StaticSegment(Page::sent_segment(lang)),
            ParamSegment(REFERENCE_PARAM),
        )
    }

    /// The segment after the form's path that holds a service's acknowledgement link.
    pub fn ack_segment(lang: Lang) -> &'static str {
        match lang {
            Lang::En => "confirm",
            Lang::Cy => "cadarnhau",
        }
    }

    /// The route segments of an acknowledgement link
    /// (`/refer/confirm/{reference}/{tag}`): the server answers it with its own handler.
    pub fn ack_segments(
        lang: Lang,
    ) -> (
        StaticSegment<&'static str>,
        StaticSegment<&'static str>,
        StaticSegment<&'static str>,
        ParamSegment,
        ParamSegment,
    ) {
        let (prefix, _, refer) = Page::Refer.segments(lang);
        (
            prefix,
            refer,
            StaticSegment(Page::ack_segment(lang)),
            ParamSegment(REFERENCE_PARAM),
            ParamSegment("tag"),
        )
    }

    /// The confirmation page's route as the server's router writes it
    /// (`/refer/sent/{reference}`): the server answers it with its own handler.
    pub fn sent_route(lang: Lang) -> String {
        Page::sent_path(lang, &format!("{{{REFERENCE_PARAM}}}"))
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

/// A page that shows what a post handed over (`referral::handoff`), addressed by the
/// handoff's random id alone: never by an answer or a reference.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Stage {
    /// A step of the questions.
    Answers,
    /// Check your answers.
    Check,
    /// The confirmation.
    Sent,
    /// A status lookup's answer.
    Status,
}

impl Stage {
    pub const ALL: [Stage; 4] = [Stage::Answers, Stage::Check, Stage::Sent, Stage::Status];

    /// The page the stage belongs to.
    pub fn page(self) -> Page {
        match self {
            Stage::Status => Page::Status,
            _ => Page::Refer,
        }
    }

    fn segment(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Stage::Answers, Lang::En) => "answers",
            (Stage::Answers, Lang::Cy) => "atebion",
            (Stage::Check, Lang::En) => "check",
            (Stage::Check, Lang::Cy) => "gwirio",
            (Stage::Sent, lang) => Page::sent_segment(lang),
            (Stage::Status, Lang::En) => "result",
            (Stage::Status, Lang::Cy) => "canlyniad",
        }
    }

    /// The stage's address for the handoff `id`.
    pub fn path(self, lang: Lang, id: &str) -> String {
        format!("{}/{}/{id}", self.page().path(lang), self.segment(lang))
    }

    /// The route as the server's router writes it (`/refer/check/{id}`).
    pub fn route(self, lang: Lang) -> String {
        self.path(lang, "{id}")
    }
}

/// The first route segment in a language: none for English (an empty segment matches
/// nothing), `cy` for Welsh.
fn prefix(lang: Lang) -> StaticSegment<&'static str> {
    StaticSegment(match lang {
        Lang::En => "",
        Lang::Cy => "cy",
    })
}

/// A request's page in the staff inbox (`/staff`, Welsh `/staff/cy`): here, below both
/// the staff pages and the emails that link to it, so the two cannot differ.
pub fn staff_request_path(lang: Lang, reference: &str) -> String {
    match lang {
        Lang::En => format!("/staff/requests/{reference}"),
        Lang::Cy => format!("/staff/cy/ceisiadau/{reference}"),
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
    fn keys_are_unique() {
        for &page in Page::ALL {
            assert_eq!(Page::from_key(page.key()), Some(page), "{page:?}");
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

    #[test]
    fn the_confirmation_route_is_its_path_with_a_parameter() {
        assert_eq!(Page::sent_route(Lang::En), "/refer/sent/{reference}");
        assert_eq!(
            Page::sent_route(Lang::Cy),
            "/cy/cyfeirio/wedi-anfon/{reference}"
        );
    }
}

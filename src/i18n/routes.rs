//! Every page's URL in each language. English pages sit at the root, Welsh ones under
//! `/cy` with Welsh slugs; the route table and every link are built from this list.

use super::Lang;
use leptos_router::StaticSegment;

/// A page of the site that has a fixed URL.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Page {
    Home,
}

impl Page {
    /// Every page, in the order the route table lists them.
    pub const ALL: &'static [Page] = &[Page::Home];

    /// The last part of the URL (empty for the home page).
    pub fn slug(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Page::Home, _) => "",
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

    /// The route segments that match [`Page::path`]; an empty segment matches nothing.
    pub fn segments(
        self,
        lang: Lang,
    ) -> (StaticSegment<&'static str>, StaticSegment<&'static str>) {
        let prefix = match lang {
            Lang::En => "",
            Lang::Cy => "cy",
        };
        (StaticSegment(prefix), StaticSegment(self.slug(lang)))
    }

    /// The Fluent id of the page's title (its `<h1>` and the first part of `<title>`).
    pub fn title_id(self) -> &'static str {
        match self {
            Page::Home => "home-title",
        }
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
    fn welsh_pages_live_under_cy() {
        for &page in Page::ALL {
            assert!(page.path(Lang::Cy).starts_with("/cy"));
            assert!(!page.path(Lang::En).starts_with("/cy"));
        }
    }
}

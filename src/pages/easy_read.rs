//! Easy Read pages: one idea per sentence, big text, key words in bold and a picture
//! beside each point, for people with a learning disability or who read little.
//!
//! The words are in `locales/*/easy-read*.ftl`; this module says which points each page
//! has, in what order, with which picture, and which standard page each one stands for.
//! A point is a message `<page key>-<name>` in the prose markup of `components::prose`;
//! its optional `.alt` attribute describes the picture. Without one the picture is
//! decorative (`alt=""`), because the sentence beside it says it all.

use crate::components::{Frame, Prose, assets::content_hash};
use crate::i18n::{Lang, Page, Tr};
use leptos::prelude::*;

/// Declares the pictograms: each is `public/easy-read/<file>.svg`, drawn for this site.
/// `include_bytes!` makes a missing file a build error and gives each URL a content hash.
macro_rules! pictures {
    ($($picture:ident => $file:literal,)*) => {
        /// A pictogram drawn for the Easy Read pages.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Picture { $($picture),* }

        impl Picture {
            pub const ALL: &'static [Picture] = &[$(Picture::$picture),*];

            /// The file's name without `.svg`, and its content.
            fn file(self) -> (&'static str, &'static [u8]) {
                match self {
                    $(Picture::$picture => (
                        $file,
                        include_bytes!(concat!("../../public/easy-read/", $file, ".svg")),
                    ),)*
                }
            }
        }
    };
}

pictures! {
    Talk => "talk",
    Helper => "helper",
    Heart => "heart",
    Question => "question",
    Admit => "admit",
    Repair => "repair",
    Meet => "meet",
    Letter => "letter",
    Video => "video",
    Messages => "messages",
    Calendar => "calendar",
    LessCrime => "less-crime",
    Code => "code",
    Choice => "choice",
    Stop => "stop",
    Clock => "clock",
    Safe => "safe",
    Support => "support",
    Danger => "danger",
    Write => "write",
    Info => "info",
    Money => "money",
    Search => "search",
    Court => "court",
    Result => "result",
    Prison => "prison",
    Complain => "complain",
    Phone => "phone",
    Pin => "pin",
    Form => "form",
    Send => "send",
}

impl Picture {
    /// The picture's URL, versioned by its content so it may be cached for a year.
    pub fn url(self) -> String {
        let (name, bytes) = self.file();
        format!("/easy-read/{name}.svg?v={:016x}", content_hash(bytes))
    }

    /// The SVG source, for tests.
    pub fn svg(self) -> &'static [u8] {
        self.file().1
    }
}

/// One part of an Easy Read page.
#[derive(Clone, Copy, Debug)]
pub enum Item {
    /// A heading: message `<page key>-<name>`.
    Heading(&'static str),
    /// A point: message `<page key>-<name>` beside a picture.
    Point(&'static str, Picture),
    /// A link to another Easy Read page, by its title, beside a picture.
    Link(Page, Picture),
}

/// The Easy Read pages, in the order they are listed, and the standard page each one
/// stands for (the home page for the list of them).
pub const PAGES: &[(Page, Page)] = &[
    (Page::EasyRead, Page::Home),
    (Page::EasyReadWhatIsRj, Page::WhatIsRj),
    (Page::EasyReadIsItRight, Page::IsItRight),
    (Page::EasyReadRights, Page::Rights),
    (Page::EasyReadContact, Page::Refer),
];

/// Whether a page is one of the Easy Read pages.
pub fn is_easy_read(page: Page) -> bool {
    PAGES.iter().any(|&(easy, _)| easy == page)
}

/// The standard page an Easy Read page stands for.
pub fn standard_of(page: Page) -> Option<Page> {
    PAGES
        .iter()
        .find(|&&(easy, _)| easy == page)
        .map(|&(_, standard)| standard)
}

/// The Easy Read version of a standard page: its own when it has one, else the list.
pub fn easy_read_of(page: Option<Page>) -> Page {
    PAGES
        .iter()
        .skip(1)
        .find(|&&(_, standard)| Some(standard) == page)
        .map_or(Page::EasyRead, |&(easy, _)| easy)
}

/// The points of each Easy Read page.
pub fn items(page: Page) -> &'static [Item] {
    use Item::*;
    use Picture::*;
    match page {
        Page::EasyRead => &[
            Point("about", Talk),
            Point("help", Support),
            Heading("pages"),
            Link(Page::EasyReadWhatIsRj, Talk),
            Link(Page::EasyReadIsItRight, Choice),
            Link(Page::EasyReadRights, Code),
            Link(Page::EasyReadContact, Phone),
        ],
        Page::EasyReadWhatIsRj => &[
            Point("talk", Talk),
            Point("helper", Helper),
            Point("hurt", Heart),
            Point("ask", Question),
            Point("admit", Admit),
            Point("repair", Repair),
            Heading("ways"),
            Point("meet", Meet),
            Point("letter", Letter),
            Point("video", Video),
            Point("messages", Messages),
            Heading("more"),
            Point("when", Calendar),
            Point("choice", Choice),
            Point("less-crime", LessCrime),
            Point("code", Code),
        ],
        Page::EasyReadIsItRight => &[
            Point("choice", Choice),
            Point("no", Stop),
            Point("stop", Stop),
            Point("time", Clock),
            Point("safe", Safe),
            Point("admit", Admit),
            Heading("think"),
            Point("tell", Talk),
            Point("ask", Question),
            Point("how", Letter),
            Point("who", Support),
            Point("helper", Helper),
            Heading("danger-heading"),
            Point("danger", Danger),
        ],
        Page::EasyReadRights => &[
            Point("code", Code),
            Point("twelve", Info),
            Heading("list"),
            Point("right-1", Talk),
            Point("right-2", Write),
            Point("right-3", Info),
            Point("right-4", Support),
            Point("right-5", Money),
            Point("right-6", Search),
            Point("right-7", Write),
            Point("right-8", Court),
            Point("right-9", Result),
            Point("right-10", Money),
            Point("right-11", Prison),
            Point("right-12", Complain),
            Heading("also"),
            Point("rj", Talk),
            Point("not-reported", Phone),
            Point("welsh", Talk),
        ],
        Page::EasyReadContact => &[
            Point("find", Pin),
            Point("form", Form),
            Point("who", Support),
            Point("how", Phone),
            Point("safe", Safe),
            Point("language", Talk),
            Point("check", Result),
            Point("send", Send),
            Heading("next"),
            Point("contact", Helper),
            Point("not-reported", Info),
            Point("danger", Danger),
        ],
        _ => &[],
    }
}

/// The header link: from an Easy Read page to its standard page, from any other page
/// to its Easy Read version (or the list of them). Returns the target and its words.
pub fn header_link(current: Option<Page>, tr: Tr) -> (Page, String) {
    match current.and_then(standard_of) {
        Some(standard) => (standard, tr.t("frame-standard")),
        None => (easy_read_of(current), tr.t("frame-easy-read")),
    }
}

/// The picture beside a point: described by `<id>.alt` when there is one, otherwise
/// decorative.
fn picture_view(picture: Picture, alt: String) -> impl IntoView {
    view! {
        <img
            class="rj-easy__picture"
            src=picture.url()
            alt=alt
            width="80"
            height="80"
        />
    }
}

/// An Easy Read page in one language.
#[component]
pub fn EasyReadPage(page: Page, lang: Lang) -> impl IntoView {
    let tr = Tr(lang);
    let key = page.key();
    let title = tr.t(&page.title_id());
    // The tab title says it is the Easy Read version (the list's own title already does).
    let full_title = if page == Page::EasyRead {
        title.clone()
    } else {
        tr.t_args("easy-read-page-title", &[("page", title.clone().into())])
    };
    let lead = tr.t(&format!("{key}-lead"));
    // Search results show the lead without its bold marks.
    let description = lead.replace("**", "");

    let body = items(page)
        .iter()
        .map(|&item| match item {
            Item::Heading(name) => {
                let id = format!("{key}-{name}");
                view! { <h2 class="rj-easy__heading" id=id.clone()>{tr.t(&id)}</h2> }.into_any()
            }
            Item::Point(name, picture) => {
                let id = format!("{key}-{name}");
                let alt_id = format!("{id}.alt");
                let alt = if tr.has(&alt_id) {
                    tr.t(&alt_id)
                } else {
                    String::new()
                };
                view! {
                    <div class="rj-easy__point">
                        {picture_view(picture, alt)}
                        <div class="rj-easy__text">
                            <Prose text=tr.t(&id) lang />
                        </div>
                    </div>
                }
                .into_any()
            }
            Item::Link(target, picture) => view! {
                <div class="rj-easy__point rj-easy__point--link">
                    {picture_view(picture, String::new())}
                    <p class="rj-easy__text">
                        <a class="rj-easy__link" href=target.path(lang)>{tr.t(&target.title_id())}</a>
                    </p>
                </div>
            }
            .into_any(),
        })
        .collect_view();

    // At the end: the other Easy Read pages, and the standard page with more words.
    let others = PAGES
        .iter()
        .filter(|&&(easy, _)| easy != page && easy != Page::EasyRead)
        .map(|&(easy, _)| view! { <li><a href=easy.path(lang)>{tr.t(&easy.title_id())}</a></li> })
        .collect_view();
    let standard = standard_of(page).unwrap_or(Page::Home);
    let more = (page != Page::EasyRead).then(|| {
        view! {
            <nav class="rj-easy__more" aria-labelledby="easy-read-more">
                <h2 id="easy-read-more">{tr.t("easy-read-more")}</h2>
                <ul class="rj-easy__more-list">
                    <li><a href=Page::EasyRead.path(lang)>{tr.t("easy-read-all")}</a></li>
                    {others}
                </ul>
            </nav>
        }
    });

    view! {
        <Frame
            lang
            title=full_title
            alternates=Some(page.into())
            current=page
            description=description
        >
            <div class="rj-easy">
                <h1>{title}</h1>
                <div class="rj-easy__lead">
                    <Prose text=lead lang />
                </div>
                {body}
                {more}
                <p class="rj-easy__standard">
                    <a href=standard.path(lang)>{tr.t("easy-read-standard")}</a>
                </p>
            </div>
        </Frame>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_easy_read_page_has_points_and_a_standard_page() {
        for &(easy, standard) in PAGES {
            assert!(!items(easy).is_empty(), "{easy:?}");
            assert!(!is_easy_read(standard), "{standard:?}");
            assert!(Page::ALL.contains(&easy) && Page::ALL.contains(&standard));
        }
        let easy_pages = Page::ALL.iter().filter(|p| is_easy_read(**p)).count();
        assert_eq!(easy_pages, PAGES.len());
    }

    #[test]
    fn every_message_exists_in_both_languages() {
        for &(page, _) in PAGES {
            for lang in Lang::ALL {
                let tr = Tr(lang);
                assert!(tr.has(&format!("{}-lead", page.key())), "{page:?} lead");
                for item in items(page) {
                    let id = match item {
                        Item::Heading(name) | Item::Point(name, _) => {
                            format!("{}-{name}", page.key())
                        }
                        Item::Link(target, _) => target.title_id(),
                    };
                    assert!(tr.has(&id), "{lang:?}: {id}");
                }
            }
        }
    }

    #[test]
    fn the_header_links_each_way() {
        let tr = Tr(Lang::En);
        assert_eq!(header_link(Some(Page::Rights), tr).0, Page::EasyReadRights);
        assert_eq!(header_link(Some(Page::EasyReadRights), tr).0, Page::Rights);
        assert_eq!(header_link(Some(Page::Find), tr).0, Page::EasyRead);
        assert_eq!(header_link(None, tr).0, Page::EasyRead);
        assert_eq!(header_link(Some(Page::Home), tr).0, Page::EasyRead);
        assert_eq!(header_link(Some(Page::EasyRead), tr).0, Page::Home);
    }

    #[test]
    fn every_picture_is_a_small_self_contained_svg() {
        for &picture in Picture::ALL {
            let svg = std::str::from_utf8(picture.svg()).expect("UTF-8");
            assert!(svg.trim_start().starts_with("<svg"), "{picture:?}");
            assert!(svg.contains("viewBox=\"0 0 64 64\""), "{picture:?}");
            // The stylesheet policy allows no inline styles, and nothing may be fetched.
            for banned in ["style", "<script", "href", "url(", "<image", "<text"] {
                assert!(!svg.contains(banned), "{picture:?} contains {banned}");
            }
            assert!(svg.len() < 2048, "{picture:?} is {} bytes", svg.len());
        }
    }

    #[test]
    fn every_picture_is_used() {
        for &picture in Picture::ALL {
            let used = PAGES.iter().any(|&(page, _)| {
                items(page).iter().any(
                    |item| matches!(item, Item::Point(_, p) | Item::Link(_, p) if *p == picture),
                )
            });
            assert!(used, "{picture:?} is not used");
        }
    }
}

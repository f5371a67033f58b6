//! The frame around every page: skip link, quick exit, header with the language link,
//! main content and footer, plus the `<title>` and `hreflang` links.

use crate::i18n::{Lang, Page, Tr};
use crate::site::use_site;
use leptos::prelude::*;
use leptos_meta::{Link, Title};

/// The same page's path in each language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alternates {
    pub en: String,
    pub cy: String,
}

impl Alternates {
    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Cy => &self.cy,
        }
    }
}

impl From<Page> for Alternates {
    fn from(page: Page) -> Self {
        Self {
            en: page.path(Lang::En),
            cy: page.path(Lang::Cy),
        }
    }
}

/// The pages linked from the footer, once they exist.
const FOOTER_PAGES: &[Page] = &[];

/// The quick-exit script, served from `public/` with a version tag from its content so
/// browsers may cache it for a year and still pick up a change at once.
const EXIT_JS_URL: &str = "/js/exit.js";
const EXIT_JS_VERSION: u64 = fnv1a(include_bytes!("../../public/js/exit.js"));

const fn fnv1a(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

/// Wraps a page's content in the site frame.
///
/// `alternates` is the same page in both languages; `None` (the 404 page) links the
/// language switch to the other language's home page and declares no alternates.
#[component]
pub fn Frame(
    lang: Lang,
    /// The page's own title, without the site name.
    title: String,
    alternates: Option<Alternates>,
    children: Children,
) -> impl IntoView {
    let tr = Tr(lang);
    let site = use_site();
    let other = lang.other();
    let other_path = alternates
        .as_ref()
        .map(|a| a.get(other).to_string())
        .unwrap_or_else(|| Page::Home.path(other));
    let full_title = tr.t_args(
        "page-title",
        &[("page", title.into()), ("site", tr.t("site-name").into())],
    );
    let hreflang_links = alternates.map(|a| {
        let base = site.public_url.trim_end_matches('/').to_string();
        view! {
            <Link rel="alternate" hreflang="en" href=format!("{base}{}", a.en) />
            <Link rel="alternate" hreflang="cy" href=format!("{base}{}", a.cy) />
        }
    });
    let footer_links = (!FOOTER_PAGES.is_empty()).then(|| {
        let items = FOOTER_PAGES
            .iter()
            .map(|page| {
                view! {
                    <li class="rj-footer__item">
                        <a class="rj-footer__link" href=page.path(lang)>{tr.t(page.title_id())}</a>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="rj-footer__list">{items}</ul> }
    });

    view! {
        <Title text=full_title />
        {hreflang_links}
        <a href="#main" class="rj-skip-link">{tr.t("frame-skip-link")}</a>
        <div class="rj-exit" data-rj-exit-container="">
            <a
                class="rj-exit__button"
                href=site.exit_url
                rel="noreferrer"
                data-rj-exit=""
            >
                {tr.t("frame-exit")}
            </a>
            <p class="rj-exit__hint">{tr.t("frame-exit-hint")}</p>
        </div>
        <header class="rj-header">
            <div class="rj-width rj-header__inner">
                <a class="rj-header__name" href=Page::Home.path(lang)>{tr.t("site-name")}</a>
                <a
                    class="rj-header__lang"
                    href=other_path
                    hreflang=other.code()
                    lang=other.code()
                >
                    {other.endonym()}
                </a>
            </div>
        </header>
        <main id="main" class="rj-width rj-main" tabindex="-1">
            {children()}
        </main>
        <footer class="rj-footer">
            <div class="rj-width">
                <h2 class="rj-visually-hidden">{tr.t("frame-footer-heading")}</h2>
                {footer_links}
                <p class="rj-footer__meta">{tr.t_args("frame-run-by", &[("operator", site.operator_name.into())])}</p>
            </div>
        </footer>
        <script src=format!("{EXIT_JS_URL}?v={EXIT_JS_VERSION:016x}") defer=""></script>
    }
}

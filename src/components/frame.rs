//! The frame around every page: skip link, quick exit, header with the language link,
//! main content and footer, plus the `<title>` and `hreflang` links.

use crate::components::assets;
use crate::components::form::ErrorSummary;
use crate::components::prose::mixed_text;
use crate::i18n::{Lang, Page, Tr};
use crate::site::use_site;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};

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

/// On a page that shows what a post handed over: Exit goes through `/exit/<id>`, which
/// deletes it before leaving, so Back cannot bring it again.
#[derive(Clone, Debug)]
pub struct ExitVia(pub String);

/// On a page with a form of answers: the language switch is a button that posts the
/// form (answers kept) to the other language, instead of a link that would lose them.
#[derive(Clone, Debug)]
pub struct LangSwitchPost {
    /// The form's `id`.
    pub form: &'static str,
    /// Where the other language's form posts.
    pub action: String,
    /// The `action` of the form's own main button: a hidden copy of it comes first on
    /// the page, so pressing Enter in a field never presses the language switch.
    pub default_action: &'static str,
}

/// The path of Exit through the site for a handoff's id.
pub fn exit_path(id: &str) -> String {
    format!("/exit/{id}")
}

/// The main sections, in the header's navigation, with their short labels.
const NAV: &[(Page, &str)] = &[
    (Page::WhatIsRj, "nav-about-rj"),
    (Page::Find, "nav-find"),
    (Page::Rights, "nav-rights"),
    (Page::Questions, "nav-questions"),
    (Page::HelpNow, "nav-help-now"),
];

/// The pages linked from every footer.
const FOOTER_PAGES: &[Page] = &[
    Page::HelpNow,
    Page::SafeOnline,
    Page::UsefulLinks,
    Page::AboutData,
    Page::Accessibility,
    Page::Privacy,
    Page::Cookies,
    Page::Security,
];

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
    /// The page being shown, marked as current in the navigation.
    #[prop(optional)]
    current: Option<Page>,
    /// A sentence or two for search results; the home page's lead when not given.
    #[prop(into, default = None)]
    description: Option<String>,
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
    let description = description.unwrap_or_else(|| tr.t("home-lead"));
    let hreflang_links = alternates.map(|a| {
        let base = site.public_url.trim_end_matches('/').to_string();
        view! {
            <Link rel="alternate" hreflang="en" href=format!("{base}{}", a.en) />
            <Link rel="alternate" hreflang="cy" href=format!("{base}{}", a.cy) />
        }
    });
    // Standard pages link to their Easy Read version; Easy Read pages link back.
    let (easy_page, easy_label) = crate::pages::easy_read::header_link(current, tr);
    let aria_current = move |page: Page| (current == Some(page)).then_some("page");
    let run_by = tr.t_args("frame-run-by", &[("operator", site.operator(lang).into())]);
    let exit_href = use_context::<ExitVia>()
        .map(|via| via.0)
        .unwrap_or_else(|| site.exit_url.clone());
    let switch_post = use_context::<LangSwitchPost>();
    // Pressing Enter submits a form with its first button: the hidden copy of the
    // form's own button, placed before the language switch.
    let default_button = switch_post.as_ref().map(|post| {
        view! {
            <button class="rj-visually-hidden" type="submit" form=post.form name="action"
                value=post.default_action tabindex="-1" aria-hidden="true">
                {tr.t("refer-continue")}
            </button>
        }
    });
    let lang_switch = match switch_post {
        Some(post) => Either::Left(view! {
            <button class="rj-header__lang rj-link-button" type="submit" form=post.form
                formaction=post.action name="action" value="lang" lang=other.code()>
                {other.endonym()}
            </button>
        }),
        None => Either::Right(view! {
            <a class="rj-header__lang" href=other_path hreflang=other.code() lang=other.code()>
                {other.endonym()}
            </a>
        }),
    };
    // The sections twice, from the one list: a bar on wide screens, and behind "Menu"
    // on narrow ones (a `<details>`, so it opens without the script). CSS shows one.
    let nav_items = |block: &'static str| {
        NAV.iter()
            .map(|&(page, label)| {
                view! {
                    <li class=format!("{block}__item")>
                        <a class=format!("{block}__link") href=page.path(lang) aria-current=aria_current(page)>
                            {tr.t(label)}
                        </a>
                    </li>
                }
            })
            .collect_view()
    };
    let footer_items = FOOTER_PAGES
        .iter()
        .map(|&page| {
            view! {
                <li class="rj-footer__item">
                    <a class="rj-footer__link" href=page.path(lang) aria-current=aria_current(page)>
                        {tr.t(&page.title_id())}
                    </a>
                </li>
            }
        })
        .collect_view();

    view! {
        <Title text=full_title />
        <Meta name="description" content=description />
        {hreflang_links}
        <a href="#main" class="rj-skip-link">{tr.t("frame-skip-link")}</a>
        <div class="rj-exit" data-rj-exit-container="">
            <a
                class="rj-exit__button"
                href=exit_href
                rel="noreferrer"
                data-rj-exit=""
            >
                {tr.t("frame-exit")}
            </a>
            <p class="rj-exit__hint">{mixed_text(&tr.t("frame-exit-hint"))}</p>
        </div>
        {default_button}
        <header class="rj-header">
            <div class="rj-width rj-header__inner">
                <a class="rj-header__name" href=Page::Home.path(lang)>{tr.t("site-name")}</a>
                <div class="rj-header__links">
                    <a class="rj-header__easy" href=easy_page.path(lang)>{easy_label}</a>
                    {lang_switch}
                </div>
                <details class="rj-menu">
                    <summary class="rj-menu__toggle">{tr.t("frame-menu")}</summary>
                    <nav class="rj-menu__nav" aria-label=tr.t("frame-nav-label")>
                        <ul class="rj-menu__list">{nav_items("rj-menu")}</ul>
                    </nav>
                </details>
            </div>
            <nav class="rj-nav" aria-label=tr.t("frame-nav-label")>
                <ul class="rj-width rj-nav__list">{nav_items("rj-nav")}</ul>
            </nav>
        </header>
        <main id="main" class="rj-width rj-main" tabindex="-1">
            {children()}
        </main>
        <footer class="rj-footer">
            <div class="rj-width">
                <h2 class="rj-visually-hidden">{tr.t("frame-footer-heading")}</h2>
                <ul class="rj-footer__list">{footer_items}</ul>
                <p class="rj-footer__meta">
                    {mixed_text(&run_by)}
                </p>
            </div>
        </footer>
        <script src=assets::exit_script_url() defer=""></script>
    }
}

/// A page of [`Page`] as most begin: the frame, the problems with the form on it (when
/// there are any, its `<title>` then starts "Error:", so a screen reader hears that
/// first), its title as the `<h1>`, and its lead paragraph (`<key>-lead`, when it has
/// one), which also describes the page to search engines. `children` follow.
#[component]
pub fn PageFrame(
    lang: Lang,
    page: Page,
    /// (field name, message) for each problem with the page's form.
    #[prop(optional)]
    errors: Vec<(String, String)>,
    /// The same page in each language, when it is more than the page's path (a search
    /// carried to the other language).
    #[prop(default = None)]
    alternates: Option<Alternates>,
    children: Children,
) -> impl IntoView {
    let tr = Tr(lang);
    let title = tr.t(&page.title_id());
    let lead_id = format!("{}-lead", page.key());
    let lead = tr
        .has(&lead_id)
        .then(|| tr.t_args(&lead_id, &use_site().message_args(lang)));
    let heading = view! {
        <h1>{title.clone()}</h1>
        {lead.clone().map(|text| view! { <p class="rj-lead">{text}</p> })}
    };
    // Two whole branches: an empty `Option` or `()` in their place would leave an empty
    // marker (`<!>`) in every page without a form.
    let (tab_title, top) = if errors.is_empty() {
        (title, Either::Left(heading))
    } else {
        let tab_title = format!("{} {title}", tr.t("form-error-prefix"));
        (
            tab_title,
            Either::Right(view! { <ErrorSummary lang errors />{heading} }),
        )
    };
    view! {
        <Frame lang title=tab_title alternates=Some(alternates.unwrap_or_else(|| page.into())) current=page description=lead>
            {top}
            {children()}
        </Frame>
    }
}

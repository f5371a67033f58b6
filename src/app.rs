//! The HTML shell and the route table: the one place that shows every URL.

use crate::i18n::{Lang, Page};
use crate::pages::{
    acknowledge::AckPage,
    content::ContentPage,
    easy_read::EasyReadPage,
    find::{AreaPage, AreasPage, FindPage},
    home::HomePage,
    not_found::NotFound,
    refer::{ReferPage, SentPage},
    status::StatusPage,
};
use leptos::children::ToChildren;
use leptos::prelude::*;
use leptos::tachys::view::iterators::StaticVec;
use leptos_meta::{MetaTags, provide_meta_context};
use leptos_router::NestedRoute;
use leptos_router::components::{RouteChildren, Router, Routes, RoutesProps};

/// The document around every page (the server wraps it to add its response headers).
/// Leptos hands every shell its options; this one needs none of them.
pub fn shell(_options: LeptosOptions) -> impl IntoView {
    let lang = request_lang();
    view! {
        <!DOCTYPE html>
        <html lang=lang.code()>
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <meta name="referrer" content="no-referrer" />
                <link rel="icon" href="/favicon.svg" type="image/svg+xml" />
                // Before the body is drawn, so what shows only with JavaScript (the
                // quick exit's Shift hint) does not move the page when it appears.
                <script nonce=leptos::nonce::use_nonce()>
                    "document.documentElement.classList.add('js-enabled')"
                </script>
                <link rel="stylesheet" href=crate::components::assets::stylesheet_url() />
                <MetaTags />
            </head>
            <body>
                <App />
            </body>
        </html>
    }
}

/// The language of the page being rendered, from the request path.
fn request_lang() -> Lang {
    if let Some(parts) = use_context::<http::request::Parts>() {
        return Lang::from_path(parts.uri.path());
    }
    Lang::En
}

/// Every route, in both languages: each page of [`Page::ALL`], each police area's page
/// and each request's confirmation page.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let pages: Vec<_> = Page::ALL
        .iter()
        .flat_map(|&page| {
            Lang::ALL
                .map(|lang| NestedRoute::new(page.segments(lang), move || page_view(page, lang)))
        })
        .collect();
    let areas: Vec<_> = Lang::ALL
        .map(|lang| {
            NestedRoute::new(
                Page::area_segments(lang),
                move || view! { <AreaPage lang /> },
            )
        })
        .into();
    // Rendered by the server's own handler, which looks the request up first.
    let sent: Vec<_> = Lang::ALL
        .map(|lang| {
            NestedRoute::new(
                Page::sent_segments(lang),
                move || view! { <SentPage lang /> },
            )
        })
        .into();
    // The service's acknowledgement link: rendered by the server's own handler too.
    let ack: Vec<_> = Lang::ALL
        .map(|lang| NestedRoute::new(Page::ack_segments(lang), move || view! { <AckPage lang /> }))
        .into();
    let routes = (
        StaticVec::from(pages),
        StaticVec::from(areas),
        StaticVec::from(sent),
        StaticVec::from(ack),
    );
    // `<Routes>` built without `view!`, whose `{block}` children must be views.
    let routes = RoutesProps::builder()
        .fallback(|| view! { <NotFound /> })
        .children(RouteChildren::to_children(move || routes))
        .build();
    view! { <Router>{Routes(routes)}</Router> }
}

/// The view at a page's address. Every page is listed, so a new page cannot be left
/// without one.
fn page_view(page: Page, lang: Lang) -> AnyView {
    use Page::*;
    match page {
        Home => view! { <HomePage lang /> }.into_any(),
        Find => view! { <FindPage lang /> }.into_any(),
        Areas => view! { <AreasPage lang /> }.into_any(),
        Refer => view! { <ReferPage lang /> }.into_any(),
        Status => view! { <StatusPage lang /> }.into_any(),
        // Information pages: their sections are listed in `pages::content::spec`.
        WhatIsRj | Ways | WhatHappens | IsItRight | Rights | Questions | HelpNow | SafeOnline
        | UsefulLinks | Accessibility | Privacy | Cookies | AboutData | Security => {
            view! { <ContentPage page lang /> }.into_any()
        }
        EasyRead | EasyReadWhatIsRj | EasyReadIsItRight | EasyReadRights | EasyReadContact => {
            view! { <EasyReadPage page lang /> }.into_any()
        }
    }
}

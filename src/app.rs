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
use leptos::prelude::*;
use leptos_meta::{HashedStylesheet, MetaTags, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{ParamSegment, StaticSegment};

/// The document around every page. Runs on the server only (the server wraps it to add
/// its response headers).
pub fn shell(options: LeptosOptions) -> impl IntoView {
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
                <HashedStylesheet options id="leptos" />
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
    #[cfg(feature = "ssr")]
    if let Some(parts) = use_context::<http::request::Parts>() {
        return Lang::from_path(parts.uri.path());
    }
    Lang::En
}

/// Every route, in both languages.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    view! {
        <Router>
            <Routes fallback=|| view! { <NotFound /> }>
                <Route path=Page::Home.segments(Lang::En) view=|| view! { <HomePage lang=Lang::En /> } />
                <Route path=Page::Home.segments(Lang::Cy) view=|| view! { <HomePage lang=Lang::Cy /> } />
                <Route path=Page::Find.segments(Lang::En) view=|| view! { <FindPage lang=Lang::En /> } />
                <Route path=Page::Find.segments(Lang::Cy) view=|| view! { <FindPage lang=Lang::Cy /> } />
                <Route path=Page::Areas.segments(Lang::En) view=|| view! { <AreasPage lang=Lang::En /> } />
                <Route path=Page::Areas.segments(Lang::Cy) view=|| view! { <AreasPage lang=Lang::Cy /> } />
                <Route
                    path=(StaticSegment(Page::Areas.slug(Lang::En)), ParamSegment("slug"))
                    view=|| view! { <AreaPage lang=Lang::En /> }
                />
                <Route
                    path=(StaticSegment("cy"), StaticSegment(Page::Areas.slug(Lang::Cy)), ParamSegment("slug"))
                    view=|| view! { <AreaPage lang=Lang::Cy /> }
                />
                <Route path=Page::Refer.segments(Lang::En) view=|| view! { <ReferPage lang=Lang::En /> } />
                <Route path=Page::Refer.segments(Lang::Cy) view=|| view! { <ReferPage lang=Lang::Cy /> } />
                // Rendered by the server's own handler, which looks the request up first.
                <Route
                    path=(StaticSegment(Page::Refer.slug(Lang::En)), StaticSegment("sent"), ParamSegment("reference"))
                    view=|| view! { <SentPage lang=Lang::En /> }
                />
                <Route
                    path=(StaticSegment("cy"), StaticSegment(Page::Refer.slug(Lang::Cy)), StaticSegment("wedi-anfon"), ParamSegment("reference"))
                    view=|| view! { <SentPage lang=Lang::Cy /> }
                />
                <Route path=Page::Status.segments(Lang::En) view=|| view! { <StatusPage lang=Lang::En /> } />
                <Route path=Page::Status.segments(Lang::Cy) view=|| view! { <StatusPage lang=Lang::Cy /> } />
                // The service's acknowledgement link: rendered by the server's own handler.
                <Route
                    path=(StaticSegment(Page::Refer.slug(Lang::En)), StaticSegment("confirm"), ParamSegment("reference"), ParamSegment("tag"))
                    view=|| view! { <AckPage lang=Lang::En /> }
                />
                <Route
                    path=(StaticSegment("cy"), StaticSegment(Page::Refer.slug(Lang::Cy)), StaticSegment("cadarnhau"), ParamSegment("reference"), ParamSegment("tag"))
                    view=|| view! { <AckPage lang=Lang::Cy /> }
                />
                <Route path=Page::WhatIsRj.segments(Lang::En) view=|| view! { <ContentPage page=Page::WhatIsRj lang=Lang::En /> } />
                <Route path=Page::WhatIsRj.segments(Lang::Cy) view=|| view! { <ContentPage page=Page::WhatIsRj lang=Lang::Cy /> } />
                <Route path=Page::Ways.segments(Lang::En) view=|| view! { <ContentPage page=Page::Ways lang=Lang::En /> } />
                <Route path=Page::Ways.segments(Lang::Cy) view=|| view! { <ContentPage page=Page::Ways lang=Lang::Cy /> } />
                <Route path=Page::WhatHappens.segments(Lang::En) view=|| view! { <ContentPage page=Page::WhatHappens lang=Lang::En /> } />
                <Route path=Page::WhatHappens.segments(Lang::Cy) view=|| view! { <ContentPage page=Page::WhatHappens lang=Lang::Cy /> } />
                <Route path=Page::IsItRight.segments(Lang::En) view=|| view! { <ContentPage page=Page::IsItRight lang=Lang::En /> } />
                <Route path=Page::IsItRight.segments(Lang::Cy) view=|| view! { <ContentPage page=Page::IsItRight lang=Lang::Cy /> } />
                <Route path=Page::Rights.segments(Lang::En) view=|| view! { <ContentPage page=Page::Rights lang=Lang::En /> } />
                <Route path=Page::Rights.segments(Lang::Cy) view=|| view! { <ContentPage page=Page::Rights lang=Lang::Cy /> } />
                <Route path=Page::Questions.segments(Lang::En) view=|| view! { <ContentPage page=Page::Questions lang=Lang::En /> } />
                <Route path=Page::Questions.segments(Lang::Cy) view=|| view! { <ContentPage page=Page::Questions lang=Lang::Cy /> } />
                <Route path=Page::HelpNow.segments(Lang::En) view=|| view! { <ContentPage page=Page::HelpNow lang=Lang::En /> } />
                <Route path=Page::HelpNow.segments(Lang::Cy) view=|| view! { <ContentPage page=Page::HelpNow lang=Lang::Cy /> } />
                <Route path=Page::SafeOnline.segments(Lang::En) view=|| view! { <ContentPage page=Page::SafeOnline lang=Lang::En /> } />
                <Route path=Page::SafeOnline.segments(Lang::Cy) view=|| view! { <ContentPage page=Page::SafeOnline lang=Lang::Cy /> } />
                <Route path=Page::UsefulLinks.segments(Lang::En) view=|| view! { <ContentPage page=Page::UsefulLinks lang=Lang::En /> } />
                <Route path=Page::UsefulLinks.segments(Lang::Cy) view=|| view! { <ContentPage page=Page::UsefulLinks lang=Lang::Cy /> } />
                <Route path=Page::Accessibility.segments(Lang::En) view=|| view! { <ContentPage page=Page::Accessibility lang=Lang::En /> } />
                <Route path=Page::Accessibility.segments(Lang::Cy) view=|| view! { <ContentPage page=Page::Accessibility lang=Lang::Cy /> } />
                <Route path=Page::Privacy.segments(Lang::En) view=|| view! { <ContentPage page=Page::Privacy lang=Lang::En /> } />
                <Route path=Page::Privacy.segments(Lang::Cy) view=|| view! { <ContentPage page=Page::Privacy lang=Lang::Cy /> } />
                <Route path=Page::Cookies.segments(Lang::En) view=|| view! { <ContentPage page=Page::Cookies lang=Lang::En /> } />
                <Route path=Page::Cookies.segments(Lang::Cy) view=|| view! { <ContentPage page=Page::Cookies lang=Lang::Cy /> } />
                <Route path=Page::AboutData.segments(Lang::En) view=|| view! { <ContentPage page=Page::AboutData lang=Lang::En /> } />
                <Route path=Page::AboutData.segments(Lang::Cy) view=|| view! { <ContentPage page=Page::AboutData lang=Lang::Cy /> } />
                <Route path=Page::EasyRead.segments(Lang::En) view=|| view! { <EasyReadPage page=Page::EasyRead lang=Lang::En /> } />
                <Route path=Page::EasyRead.segments(Lang::Cy) view=|| view! { <EasyReadPage page=Page::EasyRead lang=Lang::Cy /> } />
                <Route path=Page::EasyReadWhatIsRj.segments(Lang::En) view=|| view! { <EasyReadPage page=Page::EasyReadWhatIsRj lang=Lang::En /> } />
                <Route path=Page::EasyReadWhatIsRj.segments(Lang::Cy) view=|| view! { <EasyReadPage page=Page::EasyReadWhatIsRj lang=Lang::Cy /> } />
                <Route path=Page::EasyReadIsItRight.segments(Lang::En) view=|| view! { <EasyReadPage page=Page::EasyReadIsItRight lang=Lang::En /> } />
                <Route path=Page::EasyReadIsItRight.segments(Lang::Cy) view=|| view! { <EasyReadPage page=Page::EasyReadIsItRight lang=Lang::Cy /> } />
                <Route path=Page::EasyReadRights.segments(Lang::En) view=|| view! { <EasyReadPage page=Page::EasyReadRights lang=Lang::En /> } />
                <Route path=Page::EasyReadRights.segments(Lang::Cy) view=|| view! { <EasyReadPage page=Page::EasyReadRights lang=Lang::Cy /> } />
                <Route path=Page::EasyReadContact.segments(Lang::En) view=|| view! { <EasyReadPage page=Page::EasyReadContact lang=Lang::En /> } />
                <Route path=Page::EasyReadContact.segments(Lang::Cy) view=|| view! { <EasyReadPage page=Page::EasyReadContact lang=Lang::Cy /> } />
            </Routes>
        </Router>
    }
}

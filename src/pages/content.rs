//! Information pages: each is a list of sections written in `locales/*/<page>.ftl`.
//!
//! A section is a message `<page key>-<name>` whose value is prose markup (see
//! `components::prose`) and whose optional `.heading` attribute becomes its `<h2>`.
//! Editors change text in the `.ftl` files; adding a section adds one name here.

use crate::components::{PageFrame, Prose};
use crate::i18n::{Lang, Page, Tr};
use crate::site::use_site;
use leptos::prelude::*;

/// How an information page is put together.
pub struct Spec {
    /// Section names, in order; the message id is `<page key>-<name>`.
    pub sections: &'static [&'static str],
    /// Show a contents list (for long pages).
    pub contents_list: bool,
    /// Pages linked at the end.
    pub related: &'static [Page],
}

/// Whether a page has the "Was this page useful?" form: every information page does.
pub fn has_feedback_form(page: Page) -> bool {
    !spec(page).sections.is_empty()
}

/// The sections of each information page.
pub fn spec(page: Page) -> Spec {
    use Page::*;
    let (sections, contents_list, related): (&[&str], bool, &[Page]) = match page {
        WhatIsRj => (
            &[
                "intro",
                "who",
                "what-it-gives",
                "safe",
                "voluntary",
                "admit",
                "when",
            ],
            true,
            &[Ways, WhatHappens, IsItRight],
        ),
        Ways => (
            &[
                "intro",
                "conference",
                "indirect",
                "shuttle",
                "community",
                "referral-order",
                "mediation",
            ],
            true,
            &[WhatHappens, IsItRight, Questions],
        ),
        WhatHappens => (
            &[
                "intro",
                "first-contact",
                "preparation",
                "meeting",
                "afterwards",
                "how-long",
                "supporter",
            ],
            true,
            &[Ways, IsItRight, Questions],
        ),
        IsItRight => (
            &[
                "intro",
                "think-about",
                "not-offered",
                "careful",
                "court",
                "timing",
                "under-18",
            ],
            true,
            &[WhatIsRj, Questions, HelpNow],
        ),
        Rights => (
            &[
                "intro",
                "right-1",
                "right-2",
                "right-3",
                "right-4",
                "right-5",
                "right-6",
                "right-7",
                "right-8",
                "right-9",
                "right-10",
                "right-11",
                "right-12",
                "rj",
                "not-reported",
                "welsh",
                "complain",
            ],
            true,
            &[WhatIsRj, HelpNow, UsefulLinks],
        ),
        Questions => (
            &[
                "meet",
                "safe",
                "change-mind",
                "cost",
                "bring-someone",
                "prison",
                "not-reported",
                "address",
                "family",
                "court",
                "how-long",
                "not-ready",
                "young",
                "who-runs",
                "elsewhere",
            ],
            true,
            &[WhatIsRj, WhatHappens, HelpNow],
        ),
        HelpNow => (
            &[
                "emergency",
                "police",
                "victim-support",
                "domestic-abuse",
                "samaritans",
            ],
            false,
            &[SafeOnline, Rights, UsefulLinks],
        ),
        SafeOnline => (
            &["intro", "exit", "private", "history", "devices"],
            true,
            &[HelpNow, Privacy, Cookies],
        ),
        UsefulLinks => (
            &["intro", "organisations"],
            false,
            &[HelpNow, Rights, WhatIsRj],
        ),
        Accessibility => (
            &[
                "intro",
                "how-accessible",
                "tested",
                "limits",
                "report",
                "enforcement",
            ],
            true,
            &[Privacy, Cookies, SafeOnline],
        ),
        Privacy => (
            &[
                "intro",
                "controller",
                "what",
                "why",
                "who-receives",
                "how-long",
                "not-collected",
                "rights",
                "complain",
            ],
            true,
            &[Cookies, Accessibility, SafeOnline],
        ),
        Cookies => (&["intro", "browser"], false, &[Privacy, SafeOnline]),
        AboutData => (
            &["intro", "sources", "licence"],
            false,
            &[Privacy, UsefulLinks],
        ),
        Security => (
            &["intro", "what", "how", "promise", "not", "scope"],
            true,
            &[Privacy, Accessibility, SafeOnline],
        ),
        // Pages with their own views.
        Home | Find | Areas | Refer | Status => (&[], false, &[]),
        // Easy Read pages: see `pages::easy_read`.
        EasyRead | EasyReadWhatIsRj | EasyReadIsItRight | EasyReadRights | EasyReadContact => {
            (&[], false, &[])
        }
    };
    Spec {
        sections,
        contents_list,
        related,
    }
}

/// An information page in one language.
#[component]
pub fn ContentPage(page: Page, lang: Lang) -> impl IntoView {
    let tr = Tr(lang);
    let spec = spec(page);
    let site = use_site();
    let args = site.message_args(lang);
    let key = page.key();
    let sections: Vec<(String, Option<String>, String)> = spec
        .sections
        .iter()
        .map(|name| {
            let id = format!("{key}-{name}");
            let heading_id = format!("{id}.heading");
            let heading = tr.has(&heading_id).then(|| tr.t_args(&heading_id, &args));
            let body = tr.t_args(&id, &args);
            (id, heading, body)
        })
        .collect();

    let contents = spec.contents_list.then(|| {
        let items = sections
            .iter()
            .filter_map(|(id, heading, _)| {
                heading.clone().map(|h| view! { <li><a href=format!("#{id}")>{h}</a></li> })
            })
            .collect_view();
        view! {
            <nav class="rj-contents" aria-labelledby="contents-heading">
                <h2 class="rj-contents__heading" id="contents-heading">{tr.t("content-contents")}</h2>
                <ol class="rj-contents__list">{items}</ol>
            </nav>
        }
    });

    let body = sections
        .into_iter()
        .map(|(id, heading, body)| {
            let heading = heading.map(|h| view! { <h2 id=id.clone()>{h}</h2> });
            view! {
                <section class="rj-section">
                    {heading}
                    <Prose text=body lang />
                </section>
            }
        })
        .collect_view();

    let related = (!spec.related.is_empty()).then(|| {
        let items = spec
            .related
            .iter()
            .map(|p| view! { <li><a href=p.path(lang)>{tr.t(&p.title_id())}</a></li> })
            .collect_view();
        view! {
            <aside class="rj-related" aria-labelledby="related-heading">
                <h2 class="rj-related__heading" id="related-heading">{tr.t("content-related")}</h2>
                <ul class="rj-related__list">{items}</ul>
            </aside>
        }
    });

    view! {
        <PageFrame lang page>
            {contents}
            {body}
            <crate::pages::feedback::PageFeedback lang page />
            {related}
        </PageFrame>
    }
}

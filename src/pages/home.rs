//! The home page: what the site is for, the routes onward, and the emergency number.

use crate::components::PageFrame;
use crate::i18n::{Lang, Page, Tr};
use leptos::prelude::*;

/// The routes from the home page: (page, heading id, text id).
const ROUTES: &[(Page, &str, &str)] = &[
    (Page::WhatIsRj, "home-learn-heading", "home-learn-text"),
    (Page::Find, "home-find-heading", "home-find-text"),
    (Page::Refer, "home-refer-heading", "home-refer-text"),
];

#[component]
pub fn HomePage(lang: Lang) -> impl IntoView {
    let tr = Tr(lang);
    let routes = ROUTES
        .iter()
        .map(|&(page, heading, text)| {
            view! {
                <li class="rj-card">
                    <h3 class="rj-card__heading">
                        <a class="rj-card__link" href=page.path(lang)>{tr.t(heading)}</a>
                    </h3>
                    <p class="rj-card__text">{tr.t(text)}</p>
                </li>
            }
        })
        .collect_view();
    view! {
        <PageFrame lang page=Page::Home>
            <div class="rj-callout rj-callout--urgent">
                <p>
                    <a class="rj-link rj-link--phone" href="tel:999">{tr.t("home-emergency")}</a>
                </p>
            </div>
            <h2>{tr.t("home-routes-heading")}</h2>
            <ul class="rj-cards">{routes}</ul>
            <p>{tr.t("home-free")}</p>
        </PageFrame>
    }
}

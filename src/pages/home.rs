//! The home page: what the site is for and where to go next.

use crate::components::Frame;
use crate::i18n::{Lang, Page, Tr};
use leptos::prelude::*;

#[component]
pub fn HomePage(lang: Lang) -> impl IntoView {
    let tr = Tr(lang);
    view! {
        <Frame lang title=tr.t(Page::Home.title_id()) alternates=Some(Page::Home.into())>
            <h1 class="rj-heading-xl">{tr.t("home-title")}</h1>
            <p class="rj-lead">{tr.t("home-lead")}</p>
            <div class="rj-callout">
                <p>{tr.t("home-emergency")}</p>
            </div>
        </Frame>
    }
}

//! The page for an address that does not exist, with status 404, in the language of
//! the address.

use crate::components::Frame;
use crate::i18n::{Lang, Page, Tr};
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn NotFound() -> impl IntoView {
    let lang = Lang::from_path(&use_location().pathname.get_untracked());
    let tr = Tr(lang);

    if let Some(response) = use_context::<leptos_axum::ResponseOptions>() {
        response.set_status(http::StatusCode::NOT_FOUND);
    }

    view! {
        <Frame lang title=tr.t("not-found-title") alternates=None>
            <h1 class="rj-heading-xl">{tr.t("not-found-title")}</h1>
            <p>{tr.t("not-found-check")}</p>
            <p>
                <a href=Page::Home.path(lang)>{tr.t("not-found-home")}</a>
            </p>
        </Frame>
    }
}

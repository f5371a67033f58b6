//! The page behind the link in a service's email: the reference and one button. Opening
//! it changes nothing (mail scanners open links); the button's POST records that a
//! person at the service has the request. No answer is shown here.

use crate::calendar::long_date;
use crate::components::{Alternates, Frame};
use crate::i18n::{Lang, Tr};
use crate::referral::view::AckView;
use leptos::prelude::*;

#[component]
pub fn AckPage(lang: Lang) -> impl IntoView {
    let tr = Tr(lang);
    let Some(ack) = use_context::<AckView>() else {
        return view! { <crate::pages::not_found::NotFound /> }.into_any();
    };
    let alternates = Alternates {
        en: ack.en_path.clone(),
        cy: ack.cy_path.clone(),
    };
    let action = alternates.get(lang).to_string();
    let reference = view! {
        <p class="rj-panel__body">
            {tr.t("ack-reference")}<br /><strong class="rj-panel__reference">{ack.reference.clone()}</strong>
        </p>
    };
    let body = match ack.acknowledged_on {
        Some(on) => view! {
            <div class="rj-panel">
                <h1 class="rj-panel__title">{tr.t("ack-done-title")}</h1>
                {reference}
            </div>
            <p>{tr.t_args("ack-done", &[("date", long_date(lang, on).into())])}</p>
        }
        .into_any(),
        None => view! {
            <h1>{tr.t("ack-title")}</h1>
            <p class="rj-lead">{tr.t("ack-lead")}</p>
            <div class="rj-inset">
                <p>{tr.t("ack-reference")}" "<strong>{ack.reference.clone()}</strong></p>
            </div>
            <form method="post" action=action novalidate="">
                <button class="rj-button" type="submit">{tr.t("ack-button")}</button>
            </form>
        }
        .into_any(),
    };
    let title = match ack.acknowledged_on {
        Some(_) => tr.t("ack-done-title"),
        None => tr.t("ack-title"),
    };
    view! {
        <Frame lang title alternates=Some(alternates) description=tr.t("ack-lead")>
            {body}
            <p>{tr.t("ack-answers")}</p>
        </Frame>
    }
    .into_any()
}

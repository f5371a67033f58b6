//! The feedback forms: "Was this page useful?" at the end of an information page and
//! "How easy was it to ask?" on the confirmation page, each a plain POST form (no
//! script), and the thank-you each shows in its place once answered.

use crate::feedback::{Ease, FeedbackTokens, Hard};
use crate::i18n::{Lang, Page, Tr};
use leptos::prelude::*;

/// What a page needs to sign its feedback form: given to every page by the server.
#[derive(Clone)]
pub struct FeedbackSigner {
    pub tokens: FeedbackTokens,
    pub clock: crate::calendar::Clock,
}

/// Marks a page rendered after its feedback was counted: the thank-you instead of the
/// form.
#[derive(Clone, Copy, Debug)]
pub struct FeedbackThanks;

/// Where both forms post, in each language.
pub fn post_path(lang: Lang) -> String {
    match lang {
        Lang::En => "/feedback".to_string(),
        Lang::Cy => "/cy/adborth".to_string(),
    }
}

/// The page shown after an information page's answer: that page, with the thank-you.
pub fn thanks_path(lang: Lang, page: Page) -> String {
    format!(
        "{}/{}/{}",
        post_path(lang),
        thanks_segment(lang),
        page.key()
    )
}

fn thanks_segment(lang: Lang) -> &'static str {
    match lang {
        Lang::En => "thanks",
        Lang::Cy => "diolch",
    }
}

/// The thank-you page's route in the server's router.
pub fn thanks_route(lang: Lang) -> String {
    format!("{}/{}/{{page}}", post_path(lang), thanks_segment(lang))
}

#[component]
fn Thanks(lang: Lang) -> impl IntoView {
    let tr = Tr(lang);
    view! {
        <div class="rj-feedback rj-feedback--thanks" id="feedback" role="status">
            <p class="rj-feedback__thanks">{tr.t("feedback-thanks")}</p>
        </div>
    }
}

/// "Was this page useful? Yes / No", or the thank-you.
#[component]
pub fn PageFeedback(lang: Lang, page: Page) -> impl IntoView {
    let tr = Tr(lang);
    if use_context::<FeedbackThanks>().is_some() {
        return view! { <Thanks lang /> }.into_any();
    }
    let Some(signer) = use_context::<FeedbackSigner>() else {
        return ().into_any();
    };
    let token = signer.tokens.page_token(page);
    view! {
        <form class="rj-feedback" id="feedback" method="post" action=post_path(lang) aria-labelledby="feedback-heading">
            <input type="hidden" name="kind" value="page" />
            <input type="hidden" name="page" value=page.key() />
            <input type="hidden" name="token" value=token />
            <h2 class="rj-feedback__heading" id="feedback-heading">{tr.t("feedback-useful-question")}</h2>
            <div class="rj-feedback__buttons">
                <button class="rj-button rj-button--secondary" type="submit" name="useful" value="yes">
                    {tr.t("feedback-useful-yes")}
                </button>
                " "
                <button class="rj-button rj-button--secondary" type="submit" name="useful" value="no">
                    {tr.t("feedback-useful-no")}
                </button>
            </div>
        </form>
    }
    .into_any()
}

/// "How easy was it to ask?" on the confirmation page, bound to this confirmation
/// (`id`, the handoff's) and counted under the request's `area`; or the thank-you.
#[component]
pub fn SentFeedback(lang: Lang, id: String, area: String) -> impl IntoView {
    let tr = Tr(lang);
    if use_context::<FeedbackThanks>().is_some() {
        return view! { <Thanks lang /> }.into_any();
    }
    let Some(signer) = use_context::<FeedbackSigner>() else {
        return ().into_any();
    };
    // Without a handoff (shown at once, not stored) there is nothing to bind it to.
    if id.is_empty() || id == "sent" {
        return ().into_any();
    }
    let token = signer.tokens.sent_token(&id, &area, signer.clock.now());
    let ease = Ease::ALL
        .into_iter()
        .map(|e| {
            let input_id = format!("ease-{}", e.value());
            view! {
                <div class="rj-radios__item">
                    <input class="rj-radios__input" id=input_id.clone() name="ease" type="radio" value=e.value() required=true />
                    <label class="rj-radios__label" for=input_id>{tr.t(&e.message_id())}</label>
                </div>
            }
        })
        .collect_view();
    let hard = Hard::ALL
        .into_iter()
        .map(|h| {
            let input_id = format!("hard-{}", h.value());
            view! {
                <div class="rj-checkboxes__item">
                    <input class="rj-checkboxes__input" id=input_id.clone() name="hard" type="checkbox" value=h.value() />
                    <label class="rj-checkboxes__label" for=input_id>{tr.t(&h.message_id())}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <form class="rj-feedback" id="feedback" method="post" action=post_path(lang)>
            <input type="hidden" name="kind" value="sent" />
            <input type="hidden" name="token" value=token />
            <h2 class="rj-feedback__heading">{tr.t("feedback-heading")}</h2>
            <div class="rj-form-group">
                <fieldset class="rj-fieldset">
                    <legend class="rj-fieldset__legend">{tr.t("feedback-ease-question")}</legend>
                    <div class="rj-radios">{ease}</div>
                </fieldset>
            </div>
            <div class="rj-form-group">
                <fieldset class="rj-fieldset" aria-describedby="hard-hint">
                    <legend class="rj-fieldset__legend">{tr.t("feedback-hard-question")}</legend>
                    <p class="rj-hint" id="hard-hint">{tr.t("feedback-hard-hint")}</p>
                    <div class="rj-checkboxes">{hard}</div>
                </fieldset>
            </div>
            <button class="rj-button" type="submit">{tr.t("feedback-send")}</button>
        </form>
    }
    .into_any()
}

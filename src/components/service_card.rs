//! A local service's public facts: name, what the sources say about it, phone, email,
//! web page and who it takes. English-only text on a Welsh page is marked `lang="en"`.

use crate::areas::directory::{Audience, Service};
use crate::i18n::{Lang, Tr};
use leptos::prelude::*;

#[component]
pub fn ServiceCard(service: Service, lang: Lang) -> impl IntoView {
    let tr = Tr(lang);
    // Text the directory holds only in English.
    let english = (lang == Lang::Cy).then_some("en");
    let youth = (service.audience == Audience::Youth)
        .then(|| view! { <p class="rj-service__audience">{tr.t("area-youth-service")}</p> });
    let about = service
        .about
        .clone()
        .map(|about| view! { <p class="rj-service__about" lang=english>{about}</p> });
    let phone = service.phone.clone().map(|number| {
        let link = service.phone_link().unwrap_or_default();
        let note = service
            .phone_note(lang)
            .map(|n| view! { <br /><span class="rj-hint">{n.to_string()}</span> });
        view! {
            <dt class="rj-summary__key">{tr.t("area-phone")}</dt>
            <dd class="rj-summary__value"><a class="rj-link rj-link--phone" href=link>{number}</a>{note}</dd>
        }
    });
    let email = service.email.clone().map(|email| {
        view! {
            <dt class="rj-summary__key">{tr.t("area-email")}</dt>
            <dd class="rj-summary__value"><a href=format!("mailto:{email}")>{email.to_string()}</a></dd>
        }
    });
    let website = service.website.clone().map(|url| {
        view! {
            <dt class="rj-summary__key">{tr.t("area-website")}</dt>
            <dd class="rj-summary__value">
                <a class="rj-link rj-link--external" href=url.clone() rel="noreferrer">{url.clone()}</a>
            </dd>
        }
    });
    let eligibility = service.eligibility(lang).map(str::to_string).map(|text| {
        view! {
            <dt class="rj-summary__key">{tr.t("area-eligibility")}</dt>
            <dd class="rj-summary__value">{text}</dd>
        }
    });
    let name_lang = service.name_lang(lang);
    let name = service.name(lang).to_string();
    view! {
        <div class="rj-service">
            <h3 class="rj-service__name" lang=name_lang>{name}</h3>
            {youth}
            {about}
            <dl class="rj-summary">{phone}{email}{website}{eligibility}</dl>
        </div>
    }
}

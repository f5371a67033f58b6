//! A local service's public facts, the same wherever a service is shown (finder, area
//! page, confirmation, status): its name, its one public line, who runs it, phone,
//! email, web page, who it takes, and one sentence on how sure we are of all that.
//! English text on a Welsh page is marked `lang="en"`; an English-only line is not shown
//! on Welsh pages at all.

use crate::areas::directory::{Audience, Service};
use crate::components::prose::mixed_text;
use crate::i18n::{Lang, Tr};
use leptos::prelude::*;

#[component]
pub fn ServiceCard(service: Service, lang: Lang) -> impl IntoView {
    let tr = Tr(lang);
    let other = |written: Lang| (written != lang).then_some(written.code());
    let youth = (service.audience == Audience::Youth)
        .then(|| view! { <p class="rj-service__audience">{tr.t("area-youth-service")}</p> });
    let about = service
        .about(lang)
        .map(|about| view! { <p class="rj-service__about">{mixed_text(about)}</p> });
    let provider = service.provider(lang).map(|(name, written)| {
        view! {
            <dt class="rj-summary__key">{tr.t("area-provider")}</dt>
            <dd class="rj-summary__value" lang=other(written)>{name.to_string()}</dd>
        }
    });
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
    let website = service.website(lang).map(|(url, written)| {
        let url = url.to_string();
        view! {
            <dt class="rj-summary__key">{tr.t("area-website")}</dt>
            <dd class="rj-summary__value">
                <a class="rj-link rj-link--external" href=url.clone() hreflang=other(written) rel="noreferrer">{url.clone()}</a>
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
            <dl class="rj-summary">{provider}{phone}{email}{website}{eligibility}</dl>
            <ServiceSure service=service.clone() lang />
        </div>
    }
}

/// How sure we are of a service's details, in one plain sentence: its own element, so
/// it can stand beside the service's name wherever the full card is not shown.
#[component]
pub fn ServiceSure(service: Service, lang: Lang) -> impl IntoView {
    view! { <p class="rj-service__sure rj-hint">{service.sureness(lang)}</p> }
}

//! A local service's public contact details: name, phone, website, hours.

use crate::areas::directory::Service;
use crate::i18n::{Lang, Tr};
use leptos::prelude::*;

#[component]
pub fn ServiceCard(service: Service, lang: Lang) -> impl IntoView {
    let tr = Tr(lang);
    let phone = service.phone.clone().map(|number| {
        let link = service.phone_link().unwrap_or_default();
        view! {
            <dt class="rj-summary__key">{tr.t("area-phone")}</dt>
            <dd class="rj-summary__value"><a class="rj-link rj-link--phone" href=link>{number}</a></dd>
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
    let hours = service.hours(lang).map(str::to_string).map(|hours| {
        view! {
            <dt class="rj-summary__key">{tr.t("area-hours")}</dt>
            <dd class="rj-summary__value">{hours}</dd>
        }
    });
    let funder = service.commissioned_by.clone().map(|who| {
        view! {
            <dt class="rj-summary__key">{tr.t("area-commissioned-by")}</dt>
            <dd class="rj-summary__value">{who}</dd>
        }
    });
    view! {
        <div class="rj-service">
            <h3 class="rj-service__name">{service.name(lang).to_string()}</h3>
            <dl class="rj-summary">{phone}{website}{hours}{funder}</dl>
        </div>
    }
}

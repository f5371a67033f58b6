//! Asking to be contacted: the questions, check your answers, the confirmation, and
//! the page for a request that could not be taken. Plain HTML forms: everything works
//! with JavaScript off, and no answer ever goes into a URL.

use super::area_data;
use crate::areas::{Areas, directory::Directory};
use crate::components::form::{Checkbox, ErrorSummary, Radios, TextField};
use crate::components::{Alternates, Frame, Prose, ServiceCard};
use crate::i18n::{Lang, Page, Tr};
use crate::referral::view::{Answers, ReferView, SentView, TokenIssuer};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The local service's name for the consent question, or a general phrase.
fn service_name(areas: &Areas, directory: &Directory, slug: Option<&String>, lang: Lang) -> String {
    slug.and_then(|s| areas.by_slug(s))
        .and_then(|a| directory.for_area(a.id).next())
        .map(|s| s.name(lang).to_string())
        .unwrap_or_else(|| match lang {
            Lang::En => "the local restorative justice service".into(),
            Lang::Cy => "y gwasanaeth cyfiawnder adferol lleol".into(),
        })
}

#[component]
pub fn ReferPage(lang: Lang) -> impl IntoView {
    let view = use_context::<ReferView>().unwrap_or_else(|| {
        // A first visit (GET): a fresh form, the area from `?area=` if given.
        let mut answers = Answers::new();
        if let Some(area) = use_query_map().get_untracked().get("area") {
            answers.insert("area".into(), area.chars().take(40).collect());
        }
        answers.insert("contact_language".into(), lang.code().into());
        let token = use_context::<TokenIssuer>()
            .map(|issue| (issue.0)())
            .unwrap_or_default();
        ReferView::Form {
            answers,
            errors: Vec::new(),
            general: None,
            token,
        }
    });
    match view {
        ReferView::Form {
            answers,
            errors,
            general,
            token,
        } => view! { <QuestionPage lang answers errors general token /> }.into_any(),
        ReferView::Check {
            answers,
            token,
            general,
        } => view! { <CheckPage lang answers token general /> }.into_any(),
        ReferView::Problem { message } => view! { <ProblemPage lang message /> }.into_any(),
    }
}

#[component]
fn QuestionPage(
    lang: Lang,
    answers: Answers,
    errors: Vec<(String, String)>,
    general: Option<String>,
    token: String,
) -> impl IntoView {
    let tr = Tr(lang);
    let (areas, directory) = area_data();
    let value = {
        let answers = answers.clone();
        move |name: &str| answers.get(name).cloned().unwrap_or_default()
    };
    let error = {
        let errors = errors.clone();
        move |name: &str| errors.iter().find(|(f, _)| f == name).map(|(_, m)| tr.t(m))
    };
    let mut summary: Vec<(String, String)> =
        errors.iter().map(|(f, m)| (f.clone(), tr.t(m))).collect();
    if let Some(g) = &general {
        summary.insert(0, ("area".into(), tr.t(g)));
    }
    let title = if summary.is_empty() {
        tr.t("refer-title")
    } else {
        format!("{} {}", tr.t("refer-error-prefix"), tr.t("refer-title"))
    };
    let mut area_options: Vec<(String, String)> = areas
        .all()
        .iter()
        .map(|a| (a.slug.clone(), a.name(lang).to_string()))
        .collect();
    area_options.sort_by_key(|(_, name)| name.to_lowercase());
    let chosen = value("area");
    let area_error = error("area");
    let area_has_error = area_error.is_some();
    let options = area_options
        .into_iter()
        .map(|(slug, name)| view! { <option value=slug.clone() selected=chosen == slug>{name}</option> })
        .collect_view();
    let service = service_name(&areas, &directory, answers.get("area"), lang);
    let yes_no = move || vec![("yes", tr.t("refer-yes")), ("no", tr.t("refer-no"))];
    let three = move || {
        vec![
            ("yes", tr.t("refer-yes")),
            ("no", tr.t("refer-no")),
            ("not_sure", tr.t("refer-not-sure")),
        ]
    };
    let prefix = tr.t("refer-error-prefix");

    view! {
        <Frame
            lang
            title
            alternates=Some(Page::Refer.into())
            current=Page::Refer
            description=tr.t("refer-lead")
        >
            <ErrorSummary lang errors=summary />
            <h1>{tr.t("refer-title")}</h1>
            <p class="rj-lead">{tr.t("refer-lead")}</p>
            <div class="rj-inset"><Prose text=tr.t("refer-safety") lang /></div>
            <form class="rj-form" method="post" action=Page::Refer.path(lang) novalidate="">
                <input type="hidden" name="token" value=token />
                <div class="rj-form-group" class:rj-form-group--error=area_has_error>
                    <label class="rj-label" for="area">{tr.t("refer-area-label")}</label>
                    <div id="area-hint" class="rj-hint">{tr.t("refer-area-hint")}</div>
                    {area_error.map(|e| view! {
                        <p id="area-error" class="rj-error-message"><span class="rj-visually-hidden">{prefix.clone()} " "</span>{e}</p>
                    })}
                    <select class="rj-select" id="area" name="area" aria-describedby=if area_has_error { "area-hint area-error" } else { "area-hint" }>
                        <option value="" selected=chosen.is_empty()>""</option>
                        {options}
                    </select>
                    <p class="rj-form-group__aside"><a href=Page::Find.path(lang)>{tr.t("refer-area-find")}</a></p>
                </div>
                <Radios lang name="relationship" legend=tr.t("refer-relationship-legend") value=value("relationship") error=error("relationship")
                    options=vec![("harmed", tr.t("refer-relationship-harmed")), ("family", tr.t("refer-relationship-family")), ("supporter", tr.t("refer-relationship-supporter"))] />
                <TextField lang name="full_name" label=tr.t("refer-name-label") hint=tr.t("refer-name-hint") value=value("full_name") error=error("full_name") autocomplete="name" />
                <Radios lang name="contact_method" legend=tr.t("refer-contact-method-legend") value=value("contact_method") error=error("contact_method")
                    options=vec![("phone", tr.t("refer-contact-phone")), ("email", tr.t("refer-contact-email"))] />
                <TextField lang name="phone" label=tr.t("refer-phone-label") hint=tr.t("refer-phone-hint") value=value("phone") error=error("phone") input_type="tel" autocomplete="tel" />
                <TextField lang name="email" label=tr.t("refer-email-label") hint=tr.t("refer-email-hint") value=value("email") error=error("email") input_type="email" autocomplete="email" />
                <Radios lang name="voicemail_ok" legend=tr.t("refer-voicemail-legend") value=value("voicemail_ok") error=error("voicemail_ok") options=yes_no() inline=true />
                <Radios lang name="say_rj_ok" legend=tr.t("refer-say-rj-legend") hint=tr.t("refer-say-rj-hint") value=value("say_rj_ok") error=error("say_rj_ok") options=yes_no() inline=true />
                <TextField lang name="safe_times" label=tr.t("refer-safe-times-label") hint=tr.t("refer-safe-times-hint") value=value("safe_times") error=error("safe_times") />
                <Radios lang name="contact_language" legend=tr.t("refer-language-legend") value=value("contact_language") error=error("contact_language")
                    options=vec![("en", tr.t("refer-language-en")), ("cy", tr.t("refer-language-cy"))] inline=true />
                <Radios lang name="reported" legend=tr.t("refer-reported-legend") value=value("reported") error=error("reported") options=three() inline=true />
                <TextField lang name="crime_reference" label=tr.t("refer-crime-reference-label") value=value("crime_reference") error=error("crime_reference") />
                <Radios lang name="responsible_under_18" legend=tr.t("refer-under-18-legend") value=value("responsible_under_18") error=error("responsible_under_18") options=three() inline=true />
                <TextField lang name="support_needs" label=tr.t("refer-support-needs-label") hint=tr.t("refer-support-needs-hint") value=value("support_needs") error=error("support_needs") rows=3 spellcheck=true />
                <TextField lang name="message" label=tr.t("refer-message-label") hint=tr.t("refer-message-hint") value=value("message") error=error("message") rows=5 spellcheck=true />
                <Checkbox lang name="consent" legend=Some(tr.t("refer-consent-legend")) label=tr.t_args("refer-consent", &[("service", service.into())]) checked=value("consent") == "yes" error=error("consent") />
                <Checkbox lang name="confirmation_email" legend=None label=tr.t("refer-confirmation") hint=tr.t("refer-confirmation-hint") checked=value("confirmation_email") == "yes" error=None />
                // A field people never see: only automated senders fill it in.
                <div class="rj-honeypot" aria-hidden="true">
                    <label for="website">{tr.t("refer-honeypot")}</label>
                    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value="" />
                </div>
                <button class="rj-button" type="submit" name="action" value="check">{tr.t("refer-continue")}</button>
            </form>
        </Frame>
    }
}

/// The labels of the check-answers rows, in the form's order.
const CHECK_ROWS: &[(&str, &str)] = &[
    ("area", "refer-area-label"),
    ("relationship", "refer-relationship-legend"),
    ("full_name", "refer-name-label"),
    ("contact_method", "refer-contact-method-legend"),
    ("phone", "refer-phone-label"),
    ("email", "refer-email-label"),
    ("voicemail_ok", "refer-voicemail-legend"),
    ("say_rj_ok", "refer-say-rj-legend"),
    ("safe_times", "refer-safe-times-label"),
    ("contact_language", "refer-language-legend"),
    ("reported", "refer-reported-legend"),
    ("crime_reference", "refer-crime-reference-label"),
    ("responsible_under_18", "refer-under-18-legend"),
    ("support_needs", "refer-support-needs-label"),
    ("message", "refer-message-label"),
    ("consent", "refer-consent-legend"),
    ("confirmation_email", "refer-confirmation"),
];

/// How an answer reads on the check page.
fn shown(tr: Tr, areas: &Areas, field: &str, value: &str) -> String {
    let id = match (field, value) {
        (_, "") => "refer-not-given",
        ("area", slug) => {
            return areas
                .by_slug(slug)
                .map_or(slug.to_string(), |a| a.name(tr.0).to_string());
        }
        ("relationship", v) => match v {
            "harmed" => "refer-relationship-harmed",
            "family" => "refer-relationship-family",
            _ => "refer-relationship-supporter",
        },
        ("contact_method", "phone") => "refer-contact-phone",
        ("contact_method", _) => "refer-contact-email",
        ("contact_language", "cy") => "refer-language-cy",
        ("contact_language", _) => "refer-language-en",
        (_, "yes") => "refer-yes",
        (_, "no") => "refer-no",
        (_, "not_sure") => "refer-not-sure",
        (_, other) => return other.to_string(),
    };
    tr.t(id)
}

#[component]
fn CheckPage(
    lang: Lang,
    answers: Answers,
    token: String,
    general: Option<String>,
) -> impl IntoView {
    let tr = Tr(lang);
    let (areas, _) = area_data();
    let action = Page::Refer.path(lang);
    let rows = CHECK_ROWS
        .iter()
        .map(|&(field, label)| {
            let value = shown(tr, &areas, field, answers.get(field).map(String::as_str).unwrap_or(""));
            let label = tr.t(label);
            view! {
                <div class="rj-check__row">
                    <dt class="rj-check__key">{label.clone()}</dt>
                    <dd class="rj-check__value">{value}</dd>
                    <dd class="rj-check__action">
                        <button class="rj-link-button" type="submit" name="action" value="change" formaction=format!("{action}#{field}")>
                            {tr.t("refer-change")}<span class="rj-visually-hidden">" " {label}</span>
                        </button>
                    </dd>
                </div>
            }
        })
        .collect_view();
    let hidden = answers
        .iter()
        .map(|(k, v)| view! { <input type="hidden" name=k.clone() value=v.clone() /> })
        .collect_view();
    let general = general.map(|g| view! { <p class="rj-inset">{tr.t(&g)}</p> });
    view! {
        <Frame lang title=tr.t("refer-check-title") alternates=Some(Page::Refer.into()) current=Page::Refer>
            <h1>{tr.t("refer-check-title")}</h1>
            <p class="rj-lead">{tr.t("refer-check-lead")}</p>
            {general}
            <form method="post" action=action.clone() novalidate="">
                <input type="hidden" name="token" value=token />
                {hidden}
                <dl class="rj-check">{rows}</dl>
                <button class="rj-button" type="submit" name="action" value="send">{tr.t("refer-send")}</button>
            </form>
        </Frame>
    }
}

#[component]
fn ProblemPage(lang: Lang, message: String) -> impl IntoView {
    let tr = Tr(lang);
    view! {
        <Frame lang title=tr.t("refer-problem-title") alternates=Some(Page::Refer.into()) current=Page::Refer>
            <h1>{tr.t("refer-problem-title")}</h1>
            <p>{tr.t(&message)}</p>
            <p><a href=Page::Refer.path(lang)>{tr.t("refer-problem-back")}</a></p>
        </Frame>
    }
}

#[component]
pub fn SentPage(lang: Lang) -> impl IntoView {
    let tr = Tr(lang);
    let (areas, directory) = area_data();
    let Some(sent) = use_context::<SentView>() else {
        return view! { <crate::pages::not_found::NotFound /> }.into_any();
    };
    let area = areas.by_slug(&sent.area).cloned();
    let service = area
        .as_ref()
        .and_then(|a| directory.for_area(a.id).next().cloned());
    // No service is listed for the area: the operator passes the request on.
    let name = service.as_ref().map_or_else(
        || crate::site::use_site().operator_name,
        |s| s.name(lang).to_string(),
    );
    let card = service.map(|service| view! { <ServiceCard service lang /> });
    let alternates = Alternates {
        en: Page::sent_path(Lang::En, &sent.reference),
        cy: Page::sent_path(Lang::Cy, &sent.reference),
    };
    view! {
        <Frame lang title=tr.t("refer-sent-title") alternates=Some(alternates) current=Page::Refer>
            <div class="rj-panel">
                <h1 class="rj-panel__title">{tr.t("refer-sent-title")}</h1>
                <p class="rj-panel__body">
                    {tr.t("refer-sent-reference")}<br /><strong class="rj-panel__reference">{sent.reference.clone()}</strong>
                </p>
            </div>
            <h2>{tr.t("refer-sent-next-heading")}</h2>
            <p>{tr.t_args("refer-sent-next", &[("service", name.into())])}</p>
            <h2>{tr.t("refer-sent-contact-heading")}</h2>
            {card}
        </Frame>
    }
    .into_any()
}

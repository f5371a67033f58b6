//! Asking to be contacted: the questions, check your answers, the confirmation, and
//! the page for a request that could not be taken. Plain HTML forms: everything works
//! with JavaScript off, and no answer ever goes into a URL. The questions and the
//! check-answers rows are both drawn from the one field list (`referral::fields`).

use super::area_data;
use crate::areas::{Areas, directory::Directory};
use crate::components::form::{Checkbox, Radios, Select, TextField};
use crate::components::{Alternates, Frame, PageFrame, Prose, ServiceCard};
use crate::i18n::{Lang, Page, Tr};
use crate::referral::fields::{Field, Kind};
use crate::referral::form::{Answers, FieldError};
use crate::referral::problem::Problem;
use crate::referral::view::{ReferView, SentView, TokenIssuer};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// The local service's name for the consent question, or a general phrase.
fn service_name(areas: &Areas, directory: &Directory, slug: Option<&String>, lang: Lang) -> String {
    slug.and_then(|s| areas.by_slug(s))
        .and_then(|a| directory.for_area(a.id).next())
        .map(|s| s.name(lang).to_string())
        .unwrap_or_else(|| Tr(lang).t("refer-service-fallback"))
}

#[component]
pub fn ReferPage(lang: Lang) -> impl IntoView {
    let view = use_context::<ReferView>().unwrap_or_else(|| {
        // A first visit (GET): a fresh form, the area from `?area=` if given.
        let mut answers = Answers::new();
        if let Some(area) = use_query_map().get_untracked().get("area") {
            answers.insert(Field::Area, area.chars().take(40).collect());
        }
        answers.insert(Field::ContactLanguage, lang.code().into());
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
        ReferView::Problem(problem) => view! { <ProblemPage lang problem /> }.into_any(),
    }
}

/// One question, drawn as its kind says.
fn question(
    lang: Lang,
    field: Field,
    answers: &Answers,
    error: Option<String>,
    area_options: &[(String, String)],
    service: &str,
) -> AnyView {
    let tr = Tr(lang);
    let name = field.name();
    let value = answers.get(&field).cloned().unwrap_or_default();
    let label = tr.t(field.label_id());
    let hint = field.hint_id().map(|id| tr.t(id));
    match field.kind() {
        Kind::Area => view! {
            <Select lang name label hint=hint.clone() options=area_options.to_vec() value error>
                <p class="rj-form-group__aside"><a href=Page::Find.path(lang)>{tr.t("refer-area-find")}</a></p>
            </Select>
        }
        .into_any(),
        Kind::Choice { values, inline } => {
            let options = values
                .iter()
                .map(|&v| (v, tr.t(&field.option_label_id(v))))
                .collect();
            view! { <Radios lang name legend=label hint=hint.clone() options value error inline /> }
                .into_any()
        }
        Kind::Text {
            input,
            autocomplete,
            rows,
        } => view! {
            <TextField lang name label hint=hint.clone() value error input_type=input
                autocomplete=autocomplete.unwrap_or("off") rows=rows spellcheck=field.multiline() />
        }
        .into_any(),
        Kind::Tick { legend, label: text } => {
            let text = tr.t_args(text, &[("service", service.to_string().into())]);
            view! {
                <Checkbox lang name legend=legend.then_some(label) label=text hint=hint.clone()
                    checked=value == "yes" error />
            }
            .into_any()
        }
    }
}

#[component]
fn QuestionPage(
    lang: Lang,
    answers: Answers,
    errors: Vec<FieldError>,
    general: Option<Problem>,
    token: String,
) -> impl IntoView {
    let tr = Tr(lang);
    let (areas, directory) = area_data();
    let error = |field: Field| {
        errors
            .iter()
            .find(|e| e.field == field)
            .map(|e| tr.t(e.message))
    };
    let mut summary: Vec<(String, String)> = errors
        .iter()
        .map(|e| (e.field.name().to_string(), tr.t(e.message)))
        .collect();
    if let Some(g) = general {
        summary.insert(0, (Field::Area.name().to_string(), tr.t(g.message_id())));
    }
    let mut area_options: Vec<(String, String)> = areas
        .all()
        .iter()
        .map(|a| (a.slug.clone(), a.name(lang).to_string()))
        .collect();
    area_options.sort_by_key(|(_, name)| name.to_lowercase());
    let service = service_name(&areas, &directory, answers.get(&Field::Area), lang);
    let questions = Field::ALL
        .into_iter()
        .map(|f| question(lang, f, &answers, error(f), &area_options, &service))
        .collect_view();

    view! {
        <PageFrame lang page=Page::Refer errors=summary>
            <div class="rj-inset"><Prose text=tr.t("refer-safety") lang /></div>
            <form class="rj-form" method="post" action=Page::Refer.path(lang) novalidate="">
                <input type="hidden" name="token" value=token />
                {questions}
                // A field people never see: only automated senders fill it in.
                <div class="rj-honeypot" aria-hidden="true">
                    <label for="website">{tr.t("refer-honeypot")}</label>
                    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value="" />
                </div>
                <button class="rj-button" type="submit" name="action" value="check">{tr.t("refer-continue")}</button>
            </form>
        </PageFrame>
    }
}

/// How an answer reads on the check page: the area's name, a choice's words for this
/// question, or the text as typed.
fn shown(tr: Tr, areas: &Areas, field: Field, value: &str) -> String {
    let value = value.trim();
    match field.kind() {
        Kind::Area => areas
            .by_slug(value)
            .map_or(value.to_string(), |a| a.name(tr.0).to_string()),
        Kind::Tick { .. } => {
            tr.t(&field.option_label_id(if value == "yes" { "yes" } else { "no" }))
        }
        _ if value.is_empty() => tr.t("refer-not-given"),
        Kind::Choice { values, .. } if values.contains(&value) => {
            tr.t(&field.option_label_id(value))
        }
        _ => value.to_string(),
    }
}

#[component]
fn CheckPage(
    lang: Lang,
    answers: Answers,
    token: String,
    general: Option<Problem>,
) -> impl IntoView {
    let tr = Tr(lang);
    let (areas, _) = area_data();
    let action = Page::Refer.path(lang);
    let rows = Field::ALL
        .into_iter()
        .map(|field| {
            let value = shown(tr, &areas, field, answers.get(&field).map(String::as_str).unwrap_or(""));
            let label = tr.t(field.label_id());
            let name = field.name();
            view! {
                <div class="rj-check__row">
                    <dt class="rj-check__key">{label.clone()}</dt>
                    <dd class="rj-check__value">{value}</dd>
                    <dd class="rj-check__action">
                        <button class="rj-link-button" type="submit" name="action" value="change" formaction=format!("{action}#{name}")>
                            {tr.t("refer-change")}<span class="rj-visually-hidden">" " {label}</span>
                        </button>
                    </dd>
                </div>
            }
        })
        .collect_view();
    let hidden = answers
        .iter()
        .map(|(field, v)| view! { <input type="hidden" name=field.name() value=v.clone() /> })
        .collect_view();
    let general = general.map(|g| view! { <p class="rj-inset">{tr.t(g.message_id())}</p> });
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
fn ProblemPage(lang: Lang, problem: Problem) -> impl IntoView {
    let tr = Tr(lang);
    view! {
        <Frame lang title=tr.t("refer-problem-title") alternates=Some(Page::Refer.into()) current=Page::Refer>
            <h1>{tr.t("refer-problem-title")}</h1>
            <p>{tr.t(problem.message_id())}</p>
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

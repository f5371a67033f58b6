//! Asking to be contacted: the questions, check your answers, the confirmation, and
//! the page for a request that could not be taken. Plain HTML forms: everything works
//! with JavaScript off, and no answer ever goes into a URL. The questions and the
//! check-answers rows are both drawn from the one field list (`referral::fields`).

use super::area_data;
use crate::areas::directory::{Contact, Directory, Routed, Service, Via, WhoSentence};
use crate::areas::{AreaId, Areas};
use crate::components::form::{Checkbox, Radios, Select, TextField};
use crate::components::frame::{ExitVia, LangSwitchPost, exit_path};
use crate::components::prose::mixed_text;
use crate::components::{Alternates, Frame, PageFrame, Prose, ServiceCard};
use crate::i18n::collate::sort_key;
use crate::i18n::{Arg, Lang, Page, Stage, Tr, foreign};
use crate::referral::fields::{ContactMethod, Field, Kind};
use crate::referral::form::{Answers, FieldError, contact_method};
use crate::referral::problem::Problem;
use crate::referral::view::{Handed, LimitWait, ReferView, SentView, Step, TokenIssuer};
use crate::site::use_site;
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// A service's name as a `lang` page shows it: an English name on a Welsh page marked
/// as English.
fn shown_name(service: &Service, lang: Lang) -> String {
    match service.name_lang(lang) {
        Some(_) => foreign(Lang::En, service.name(lang)),
        None => service.name(lang).to_string(),
    }
}

/// One sentence about who will contact the person ([`Contact`]), on a page.
fn who_sentence(sentence: &WhoSentence, via: Via, service: Option<String>, lang: Lang) -> String {
    let tr = Tr(lang);
    let contact = Contact::of(via, service.is_some());
    let operator: (&'static str, Arg) = ("operator", use_site().operator(lang).into());
    let service = service.unwrap_or_else(|| tr.t("refer-service-fallback"));
    let id = sentence.id(contact);
    match contact {
        Contact::Service => tr.t_args(id, &[("service", service.into())]),
        Contact::TeamForService => tr.t_args(id, &[operator, ("service", service.into())]),
        Contact::Team => tr.t_args(id, &[operator]),
    }
}

/// The consent sentence, naming who gets the details: the service when the area's
/// requests go straight to it, else the operator's team, who pass them on. Before an
/// area is chosen, a sentence that covers both.
fn consent_text(areas: &Areas, directory: &Directory, answers: &Answers, lang: Lang) -> String {
    let Some(area) = answers.get(&Field::Area).and_then(|s| areas.by_slug(s)) else {
        let operator: (&'static str, Arg) = ("operator", use_site().operator(lang).into());
        return Tr(lang).t_args("refer-consent-any", &[operator]);
    };
    let youth = answers.get(&Field::ResponsibleUnder18).map(String::as_str) == Some("yes");
    let route = directory.route(area.id, youth);
    let service = route.service.as_ref().map(|s| shown_name(s, lang));
    const CONSENT: WhoSentence = WhoSentence {
        service: "refer-consent",
        team_for_service: "refer-consent-triage",
        team: "refer-consent-triage-none",
    };
    who_sentence(&CONSENT, route.via, service, lang)
}

/// Who will contact the person, for the confirmation page: the service when the
/// request goes straight to it, else the operator's team, who pass it on.
fn who_contacts(directory: &Directory, area: AreaId, routed: Routed, lang: Lang) -> String {
    let service = directory
        .service(area, routed.audience)
        .map(|s| shown_name(s, lang));
    const SENT_NEXT: WhoSentence = WhoSentence {
        service: "refer-sent-next",
        team_for_service: "refer-sent-next-triage",
        team: "refer-sent-next-triage-none",
    };
    who_sentence(&SENT_NEXT, routed.via, service, lang)
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
            step: Step::Contact,
            errors: Vec::new(),
            general: None,
            token,
        }
    });
    // A page shown from a handoff: Exit deletes it on the way out.
    if let Some(Handed(id)) = use_context::<Handed>() {
        provide_context(ExitVia(exit_path(&id)));
    }
    match view {
        ReferView::Form {
            answers,
            step,
            errors,
            general,
            token,
        } => view! { <QuestionPage lang answers step errors general token /> }.into_any(),
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
    consent: &str,
) -> AnyView {
    let tr = Tr(lang);
    let name = field.name();
    let value = answers.get(&field).cloned().unwrap_or_default();
    let label = tr.t(field.label_id());
    let mut hint = field.hint_id().map(|id| tr.t(id));
    // The limit said before it is reached (the GOV.UK character count, as its hint).
    if let (Some(max), true) = (field.max_chars(), field.multiline()) {
        let limit = tr.t_args("refer-chars-limit", &[("max", thousands(max).into())]);
        hint = Some(match hint {
            Some(h) => format!("{h} {limit}"),
            None => limit,
        });
    }
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
        // Never `name`, `tel` or `email`: a browser restores (and suggests) any field not
        // marked `off`, so Back after Exit would bring the answers back.
        Kind::Text { input, rows, .. } => view! {
            <TextField lang name label hint=hint.clone() value error input_type=input
                autocomplete="off" rows=rows spellcheck=field.multiline() />
        }
        .into_any(),
        Kind::Tick { legend, label: text } => {
            let text = if field == Field::Consent {
                consent.to_string()
            } else {
                tr.t(text)
            };
            view! {
                <Checkbox lang name legend=legend.then_some(label) label=text hint=hint.clone()
                    checked=value == "yes" error />
            }
            .into_any()
        }
    }
}

/// A count as people write it: `1,500` (the same in Welsh).
fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// The form's `id` (the language switch and the hidden default button name it).
const FORM_ID: &str = "rj-refer-form";

/// Hidden inputs for the answers a page carries but does not ask.
fn carried(answers: &Answers, asks: impl Fn(Field) -> bool) -> AnyView {
    answers
        .iter()
        .filter(|(field, _)| !asks(**field))
        .map(|(field, v)| (field.name(), v.clone()))
        .collect::<Vec<_>>()
        .into_iter()
        .map(|(name, v)| view! { <input type="hidden" name=name value=v /> })
        .collect_view()
        .into_any()
}

#[component]
fn QuestionPage(
    lang: Lang,
    answers: Answers,
    step: Step,
    errors: Vec<FieldError>,
    general: Option<Problem>,
    token: String,
) -> impl IntoView {
    let tr = Tr(lang);
    let (areas, directory) = area_data();
    let handed = use_context::<Handed>().map(|h| h.0);
    let contact = contact_method(&answers);
    let (button_action, button_label) = match step {
        Step::Contact => ("next", "refer-continue"),
        Step::Details => ("check", "refer-continue"),
    };
    provide_context(LangSwitchPost {
        form: FORM_ID,
        action: Page::Refer.path(lang.other()),
        default_action: button_action,
    });
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
        let first = match step {
            Step::Contact => Field::ContactMethod,
            Step::Details => Field::Area,
        };
        summary.insert(0, (first.name().to_string(), tr.t(g.message_id())));
    }
    let mut area_options: Vec<(String, String)> = areas
        .all()
        .iter()
        .map(|a| (a.slug.clone(), a.name(lang).to_string()))
        .collect();
    area_options.sort_by_cached_key(|(_, name)| sort_key(lang, name));
    let consent = consent_text(&areas, &directory, &answers, lang);
    let asks = move |f: Field| step.asks(f) && f.asked(contact);
    let questions = Field::ALL
        .into_iter()
        .filter(|&f| asks(f))
        .map(|f| question(lang, f, &answers, error(f), &area_options, &consent))
        .collect_view();
    // On the second step, the way of contact already chosen, with a way to change it.
    let chosen = (step == Step::Details).then(|| {
        let method = contact.map(|c| tr.t(&Field::ContactMethod.option_label_id(c.wire())));
        view! {
            <dl class="rj-check rj-check--chosen">
                <div class="rj-check__row">
                    <dt class="rj-check__key">{tr.t(Field::ContactMethod.label_id())}</dt>
                    <dd class="rj-check__value">{method}</dd>
                    <dd class="rj-check__action">
                        <button class="rj-link-button" type="submit" name="action" value="change-contact"
                            formaction=format!("{}#{}", Page::Refer.path(lang), Field::ContactMethod.name())>
                            {tr.t("refer-change")}
                            <span class="rj-visually-hidden">" " {tr.t(Field::ContactMethod.label_id())}</span>
                        </button>
                    </dd>
                </div>
            </dl>
        }
    });
    let step_hint = match step {
        Step::Contact => tr.t("refer-step-contact"),
        Step::Details => tr.t(match contact {
            Some(ContactMethod::Email) => "refer-step-details-email",
            _ => "refer-step-details-phone",
        }),
    };
    let hidden = carried(&answers, asks);

    view! {
        <PageFrame lang page=Page::Refer errors=summary>
            <div class="rj-inset"><Prose text=tr.t("refer-safety") lang /></div>
            <noscript><p class="rj-inset rj-inset--warning">{tr.t("refer-exit-no-js")}</p></noscript>
            <p class="rj-step">{step_hint}</p>
            <form id=FORM_ID class="rj-form" method="post" action=Page::Refer.path(lang) novalidate="" autocomplete="off">
                <input type="hidden" name="token" value=token />
                <input type="hidden" name="step" value=step.wire() />
                {handed.map(|id| view! { <input type="hidden" name="handoff" value=id /> })}
                {hidden}
                {chosen}
                {questions}
                // A field people never see: only automated senders fill it in.
                <div class="rj-honeypot" aria-hidden="true">
                    <label for="website">{tr.t("refer-honeypot")}</label>
                    <input id="website" name="website" type="text" tabindex="-1" autocomplete="off" value="" />
                </div>
                <button class="rj-button" type="submit" name="action" value=button_action>{tr.t(button_label)}</button>
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
    let (areas, directory) = area_data();
    let handed = use_context::<Handed>().map(|h| h.0);
    let action = Page::Refer.path(lang);
    let contact = contact_method(&answers);
    let answer = |field: Field| answers.get(&field).map(String::as_str).unwrap_or("");
    let rows = Field::ALL
        .into_iter()
        .filter(|f| f.asked(contact))
        .map(|field| {
            let value = shown(tr, &areas, field, answer(field));
            // What the answer means for the request, said where the person checks it.
            let note = match field {
                // Who gets the details, now that the area is known.
                Field::Consent => Some(consent_text(&areas, &directory, &answers, lang)),
                Field::ResponsibleUnder18 if answer(field) == "yes" => {
                    Some(tr.t("refer-under-18-hint"))
                }
                Field::Relationship if answer(field) == "parent" => {
                    Some(tr.t("refer-relationship-parent-note"))
                }
                _ => None,
            }
            .map(|n| view! { <br /><span class="rj-hint">{mixed_text(&n)}</span> });
            let label = tr.t(field.label_id());
            let name = field.name();
            let change = if field == Field::ContactMethod {
                "change-contact"
            } else {
                "change"
            };
            view! {
                <div class="rj-check__row">
                    <dt class="rj-check__key">{label.clone()}</dt>
                    <dd class="rj-check__value">{value}{note}</dd>
                    <dd class="rj-check__action">
                        <button class="rj-link-button" type="submit" name="action" value=change formaction=format!("{action}#{name}")>
                            {tr.t("refer-change")}<span class="rj-visually-hidden">" " {label}</span>
                        </button>
                    </dd>
                </div>
            }
        })
        .collect_view();
    let hidden = carried(&answers, |_| false);
    let general = match general {
        Some(Problem::TooMany) => {
            let area = answers.get(&Field::Area).and_then(|s| areas.by_slug(s));
            let youth = answer(Field::ResponsibleUnder18) == "yes";
            let service = area.and_then(|a| directory.route(a.id, youth).service.clone());
            let wait = use_context::<LimitWait>().map_or(60, |w| w.0.max(1));
            Some(view! { <LimitPanel lang wait service /> }.into_any())
        }
        Some(g) => Some(view! { <p class="rj-inset">{tr.t(g.message_id())}</p> }.into_any()),
        None => None,
    };
    let alternates = match &handed {
        Some(id) => Alternates {
            en: Stage::Check.path(Lang::En, id),
            cy: Stage::Check.path(Lang::Cy, id),
        },
        None => Page::Refer.into(),
    };
    view! {
        <Frame lang title=tr.t("refer-check-title") alternates=Some(alternates) current=Page::Refer>
            <h1>{tr.t("refer-check-title")}</h1>
            <p class="rj-lead">{tr.t("refer-check-lead")}</p>
            {general}
            <form method="post" action=action.clone() novalidate="" autocomplete="off">
                <input type="hidden" name="token" value=token />
                {handed.map(|id| view! { <input type="hidden" name="handoff" value=id /> })}
                {hidden}
                <dl class="rj-check">{rows}</dl>
                <button class="rj-button" type="submit" name="action" value="send">
                    {tr.t("refer-send")}
                </button>
            </form>
        </Frame>
    }
}

/// The Send limit, above the person's answers (all kept): how long to wait, the
/// service's phone where there is one, the national routes, and help now.
#[component]
fn LimitPanel(
    lang: Lang,
    wait: i64,
    service: Option<crate::areas::directory::Service>,
) -> impl IntoView {
    let tr = Tr(lang);
    let phone = service.as_ref().and_then(|s| {
        let link = s.phone_link()?;
        let number = s.phone.clone()?;
        let name = shown_name(s, lang);
        Some(view! {
            <p>
                {mixed_text(&tr.t_args("refer-limit-call", &[("service", name.into())]))}" "
                <a class="rj-link rj-link--phone" href=link>{number}</a>
            </p>
        })
    });
    view! {
        <div class="rj-inset rj-inset--warning" id="limit">
            <h2>{tr.t("refer-limit-heading")}</h2>
            <p>{tr.t_args("refer-limit-wait", &[("minutes", wait.into())])}</p>
            {phone}
            <p><a href=Page::HelpNow.path(lang)>{tr.t("refer-limit-help-now")}</a></p>
        </div>
        <crate::pages::find::NationalRoutes lang />
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
    let area = areas.by_slug(&sent.area).map(|a| a.id);
    // As stored with the request; an older one follows the routing as it is now. An
    // area no longer known has nobody but the operator to pass it on.
    let routed = sent
        .routed
        .or_else(|| area.map(|a| directory.route(a, false).routed()));
    let (next, service) = match (area, routed) {
        (Some(area), Some(routed)) => (
            who_contacts(&directory, area, routed, lang),
            directory.service(area, routed.audience).cloned(),
        ),
        _ => (
            tr.t_args(
                "refer-sent-next-triage-none",
                &[("operator", use_site().operator(lang).into())],
            ),
            None,
        ),
    };
    let card = service.map(|service| {
        view! {
            <h2>{tr.t("refer-sent-contact-heading")}</h2>
            <ServiceCard service lang />
        }
    });
    // Addressed by the handoff's id, never by the reference.
    let handed = use_context::<Handed>().map(|h| h.0).unwrap_or_default();
    provide_context(ExitVia(exit_path(&handed)));
    // An area with no service for everyone: the routes that cover every area too.
    let national = area
        .and_then(|a| directory.listing(a))
        .is_none_or(|l| l.main_service().is_none())
        .then(|| view! { <crate::pages::find::NationalRoutes lang nested=true /> });
    let alternates = Alternates {
        en: Stage::Sent.path(Lang::En, &handed),
        cy: Stage::Sent.path(Lang::Cy, &handed),
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
            <p>{mixed_text(&next)}</p>
            {card}
            {national}
            <p>{tr.t("sent-status")}" "<a href=Page::Status.path(lang)>{tr.t("sent-status-link")}</a></p>
            <crate::pages::feedback::SentFeedback lang id=handed.clone() area=sent.area.clone() />
        </Frame>
    }
    .into_any()
}

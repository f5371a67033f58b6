//! "Check your request": the person types their reference and sees when they sent it
//! and whether the service has it, or whom to contact if nobody has been in touch.
//! Nothing personal is shown: only dates, and the service's public facts. The form
//! posts (a reference never goes into an address or the browser's history).

use super::area_data;
use crate::areas::directory::Service;
use crate::calendar::long_date;
use crate::components::form::TextField;
use crate::components::prose::mixed_text;
use crate::components::{PageFrame, ServiceCard};
use crate::i18n::{Lang, Page, Tr};
use crate::referral::view::{StatusFound, StatusProblem, StatusView};
use leptos::prelude::*;

/// The form field's name.
pub const FIELD: &str = "reference";

#[component]
pub fn StatusPage(lang: Lang) -> impl IntoView {
    let tr = Tr(lang);
    let view = use_context::<StatusView>();
    let (typed, problem) = match &view {
        Some(StatusView::Problem { typed, problem }) => (typed.clone(), Some(*problem)),
        Some(StatusView::Found(found)) => (found.reference.clone(), None),
        Some(StatusView::NotFound { reference }) => (reference.clone(), None),
        None => (String::new(), None),
    };
    let error = problem.map(|p| tr.t(p.message_id()));
    let errors: Vec<(String, String)> = error
        .clone()
        .map(|e| vec![(FIELD.to_string(), e)])
        .unwrap_or_default();
    let answer = match view {
        Some(StatusView::Found(found)) => Some(view! { <Found lang found /> }.into_any()),
        Some(StatusView::NotFound { reference }) => {
            Some(view! { <NotFoundAnswer lang reference /> }.into_any())
        }
        _ => None,
    };
    view! {
        <PageFrame lang page=Page::Status errors>
            {answer}
            <form class="rj-form" method="post" action=Page::Status.path(lang) novalidate="">
                <TextField lang name=FIELD label=tr.t("status-label") hint=Some(tr.t("status-hint"))
                    value=typed error autocomplete="off" />
                <button class="rj-button" type="submit">{tr.t("status-button")}</button>
            </form>
        </PageFrame>
    }
}

/// The answer for a request the page may show.
#[component]
fn Found(lang: Lang, found: StatusFound) -> impl IntoView {
    let tr = Tr(lang);
    let site = crate::site::use_site();
    let (areas, directory) = area_data();
    let date = |d| long_date(lang, d);
    // The service the request went straight to, if it did.
    let service = found.service.as_ref().and_then(|(slug, youth)| {
        let listing = directory.listing(areas.by_slug(slug)?.id)?;
        if *youth {
            listing.youth_service().cloned()
        } else {
            listing.main_service().cloned()
        }
    });
    let operator = site.operator(lang);
    // An English name on a Welsh page is marked as English.
    let name = |s: &Service| match s.name_lang(lang) {
        Some(_) => crate::i18n::foreign(Lang::En, s.name(lang)),
        None => s.name(lang).to_string(),
    };
    let received = match (found.received_on, found.closed_on) {
        (Some(on), _) => {
            let who = match &service {
                Some(s) => tr.t_args(
                    "status-received-service",
                    &[("service", name(s).into())],
                ),
                None => tr.t_args("status-received-team", &[("operator", operator.clone().into())]),
            };
            view! {
                <p>{tr.t_args("status-received", &[("date", date(on).into())])}</p>
                <p>{mixed_text(&who)}</p>
            }
            .into_any()
        }
        (None, Some(on)) => view! {
            <p>{mixed_text(&tr.t_args("status-closed", &[("date", date(on).into()), ("operator", operator.clone().into())]))}</p>
        }
        .into_any(),
        (None, None) => {
            let heard_by = date(found.heard_by);
            let next = match &service {
                Some(s) => tr.t_args(
                    "status-heard-by-service",
                    &[("service", name(s).into()), ("date", heard_by.into())],
                ),
                None => tr.t_args(
                    "status-heard-by-team",
                    &[
                        ("date", heard_by.into()),
                        ("operator", operator.clone().into()),
                        ("contact", site.operator_contact.clone().into()),
                    ],
                ),
            };
            view! {
                <p>{tr.t("status-not-confirmed")}</p>
                <p>{mixed_text(&next)}</p>
            }
            .into_any()
        }
    };
    let card = (found.received_on.is_none() && found.closed_on.is_none())
        .then_some(service)
        .flatten()
        .map(|service| view! { <ServiceCard service lang /> });
    view! {
        <div class="rj-inset rj-status" role="status">
            <h2>{tr.t_args("status-result-heading", &[("reference", found.reference.clone().into())])}</h2>
            <p>{tr.t_args("status-sent", &[("date", date(found.sent_on).into())])}</p>
            {received}
        </div>
        {card}
    }
}

/// The answer for a reference with no request the page may show: unknown, or its
/// details already deleted. Both read the same.
#[component]
fn NotFoundAnswer(lang: Lang, reference: String) -> impl IntoView {
    let tr = Tr(lang);
    let site = crate::site::use_site();
    let help = tr.t_args(
        "status-not-found-help",
        &[
            ("operator", site.operator(lang).into()),
            ("contact", site.operator_contact.clone().into()),
        ],
    );
    view! {
        <div class="rj-inset rj-status" role="status">
            <h2>{tr.t_args("status-result-heading", &[("reference", reference.into())])}</h2>
            <p>{tr.t_args("status-not-found", &[("retention_days", site.retention_days.into())])}</p>
            <p>{mixed_text(&help)}</p>
        </div>
    }
}

/// Every Fluent id this page names through a table (for the locale test).
pub fn message_ids() -> Vec<String> {
    StatusProblem::ALL
        .iter()
        .map(|p| p.message_id().to_string())
        .collect()
}

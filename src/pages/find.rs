//! Finding the local service: one search box (postcode, council or area), the answer,
//! and the list of every police area. Works as a plain GET form without JavaScript.

use super::area_data;
use crate::areas::directory::{Directory, FactsFrom};
use crate::areas::{Answer, Areas, Kind, MatchKind, Note, PoliceArea, describe};
use crate::calendar::Date;
use crate::components::form::{FormGroup, Heading, described_by};
use crate::components::prose::mixed_text;
use crate::components::{Alternates, Frame, PageFrame, ServiceCard};
use crate::i18n::collate::sort_key;
use crate::i18n::{Lang, Page, Tr};
use crate::site::use_site;
use leptos::prelude::*;
use leptos_router::hooks::{use_params_map, use_query_map};
use std::sync::Arc;

#[component]
pub fn FindPage(lang: Lang) -> impl IntoView {
    let tr = Tr(lang);
    let (areas, directory) = area_data();
    let query: Option<String> = use_query_map()
        .get_untracked()
        .get("q")
        .map(|q| q.chars().take(200).collect());
    let answer = query.as_deref().map(|q| {
        let answer = areas.lookup(q);
        let message = describe::message(&answer, &areas, q, lang);
        (answer, message)
    });
    let invalid = matches!(&answer, Some((a, _)) if a.kind == Kind::Invalid);
    let error_message = answer
        .as_ref()
        .filter(|_| invalid)
        .and_then(|(_, m)| m.clone());
    let errors = error_message
        .clone()
        .map(|message| vec![("q".to_string(), message)])
        .unwrap_or_default();
    let described_by = described_by("q", true, invalid);
    // The language switch keeps the search: the query is already in this page's address.
    let alternates = query.as_deref().map(|q| {
        let with_query = |lang: Lang| {
            let encoded: String = form_urlencoded::Serializer::new(String::new())
                .append_pair("q", q)
                .finish();
            format!("{}?{encoded}", Page::Find.path(lang))
        };
        Alternates {
            en: with_query(Lang::En),
            cy: with_query(Lang::Cy),
        }
    });
    let results = answer
        .filter(|_| !invalid)
        .map(|(answer, message)| view! { <Results answer message lang areas=areas.clone() directory=directory.clone() /> });

    view! {
        <PageFrame lang page=Page::Find errors alternates>
            <p>{tr.t("find-usually")}</p>
            <form class="rj-search" method="get" action=Page::Find.path(lang) role="search">
                <FormGroup lang name="q" heading=Heading::Label(tr.t("find-label")) hint=Some(tr.t("find-hint")) error=error_message>
                    <div class="rj-search__row">
                        <input
                            class="rj-input rj-search__input"
                            class:rj-input--error=invalid
                            id="q"
                            name="q"
                            type="text"
                            value=query.unwrap_or_default()
                            autocomplete="off"
                            spellcheck="false"
                            aria-describedby=described_by
                            aria-invalid=invalid.then_some("true")
                        />
                        <button class="rj-button rj-search__button" type="submit">{tr.t("find-button")}</button>
                    </div>
                </FormGroup>
            </form>
            {results}
            <p class="rj-find__all">
                <a href=Page::Areas.path(lang)>{tr.t("find-all-areas")}</a>
            </p>
        </PageFrame>
    }
}

/// The answer to a search that was understood.
#[component]
fn Results(
    answer: Answer,
    message: Option<String>,
    lang: Lang,
    areas: Arc<Areas>,
    directory: Arc<Directory>,
) -> impl IntoView {
    let tr = Tr(lang);
    let message = message.map(|m| view! { <p class="rj-inset">{m}</p> });
    // What the answer is for: "ME14 1XQ – Maidstone", "Chirk, Wrexham".
    let matched = describe::matched(&answer, &areas, lang).map(|m| {
        view! { <p class="rj-result__matched">{tr.t_args("find-matched", &[("matched", m.into())])}</p> }
    });
    let body = if let Some(id) = answer.single() {
        let area = areas.get(id).clone();
        let services = directory
            .for_area(id)
            .cloned()
            .map(|service| view! { <ServiceCard service lang /> })
            .collect_view();
        let listing = directory.listing(id);
        let none = listing.and_then(|l| no_adult_service(l, &area, lang));
        // Without a service for everyone, the routes that cover every area come with
        // the answer, not only on the area's page.
        let national = none
            .is_some()
            .then(|| view! { <NationalRoutes lang nested=true /> });
        view! {
            <h2 id="results-heading">{tr.t("find-results-heading")}</h2>
            {matched}
            <p class="rj-result__area">{tr.t_args("find-your-area", &[("area", area.name(lang).to_string().into())])}</p>
            {message}
            {none}
            {services}
            {national}
            <AskButton lang slug=area.slug.clone() />
            <p><a href=Page::area_path(lang, &area.slug)>{tr.t_args("find-see-area", &[("area", area.name(lang).to_string().into())])}</a></p>
        }
        .into_any()
    } else if matches!(answer.note, Some(Note::Several | Note::Region)) {
        let mut matches: Vec<_> = answer.matches.iter().collect();
        // A region's areas are scanned for one's own: alphabetical in the reader's
        // language (in Welsh "Caint" comes before "Cumbria" and "Cheshire" after both).
        if answer.note == Some(Note::Region) {
            matches.sort_by_cached_key(|m| match lang {
                Lang::En => sort_key(lang, &m.name),
                Lang::Cy => sort_key(lang, &m.name_cy),
            });
        }
        let items = matches
            .into_iter()
            .map(|m| {
                let area = areas.get(m.area);
                let name = match lang {
                    Lang::En => m.name.clone(),
                    Lang::Cy => m.name_cy.clone(),
                };
                let label = match m.council {
                    Some(c) => format!(
                        "{name}, {} ({})",
                        areas.councils()[c].name(lang),
                        area.name(lang)
                    ),
                    None if m.kind == MatchKind::Area => name,
                    None => format!("{name} ({})", area.name(lang)),
                };
                view! { <li><a href=Page::area_path(lang, &area.slug)>{label}</a></li> }
            })
            .collect_view();
        view! {
            <h2 id="results-heading">{tr.t("find-matches-heading")}</h2>
            {message}
            <ul class="rj-list rj-list--bullet">{items}</ul>
        }
        .into_any()
    } else if !answer.areas.is_empty() {
        let items = answer
            .areas
            .iter()
            .map(|&(id, share)| {
                let area = areas.get(id);
                let percent = ((share * 100.0).round() as i64).max(1);
                view! {
                    <li>
                        <a href=Page::area_path(lang, &area.slug)>{area.name(lang).to_string()}</a>
                        ": "
                        {tr.t_args("find-share", &[("percent", percent.into())])}
                    </li>
                }
            })
            .collect_view();
        view! {
            <h2 id="results-heading">{tr.t("find-candidates-heading")}</h2>
            {message}
            <ul class="rj-list rj-list--bullet">{items}</ul>
        }
        .into_any()
    } else {
        view! { {message} }.into_any()
    };
    view! { <section class="rj-result" aria-labelledby="results-heading">{body}</section> }
}

/// Every police area, England then Wales, in the reader's language.
#[component]
pub fn AreasPage(lang: Lang) -> impl IntoView {
    let tr = Tr(lang);
    let (areas, _) = area_data();
    let list = |wales: bool| {
        let mut these: Vec<(String, String)> = areas
            .all()
            .iter()
            .filter(|a| a.in_wales() == wales)
            .map(|a: &PoliceArea| (a.name(lang).to_string(), Page::area_path(lang, &a.slug)))
            .collect();
        these.sort_by_cached_key(|(name, _)| sort_key(lang, name));
        these
            .into_iter()
            .map(|(name, href)| view! { <li><a href=href>{name}</a></li> })
            .collect_view()
    };
    let (england, wales) = (list(false), list(true));
    view! {
        <PageFrame lang page=Page::Areas>
            <h2>{tr.t("areas-england")}</h2>
            <ul class="rj-columns">{england}</ul>
            <h2>{tr.t("areas-wales")}</h2>
            <ul class="rj-columns">{wales}</ul>
        </PageFrame>
    }
}

/// One police area: its service (or a plain statement that none was found), who
/// commissions it, the national routes, how fresh the facts are and how to report
/// them out of date, and the councils it covers.
#[component]
pub fn AreaPage(lang: Lang) -> impl IntoView {
    let tr = Tr(lang);
    let (areas, directory) = area_data();
    let slug = use_params_map()
        .get_untracked()
        .get("slug")
        .unwrap_or_default();
    let Some(area) = areas.by_slug(&slug).cloned() else {
        return view! { <crate::pages::not_found::NotFound /> }.into_any();
    };
    let Some(listing) = directory.listing(area.id).cloned() else {
        return view! { <crate::pages::not_found::NotFound /> }.into_any();
    };
    let name = area.name(lang).to_string();
    // Text the directory holds only in English.
    let english = (lang == Lang::Cy).then_some("en");
    let (commissioner, written) = listing.commissioner_title(&area, lang);
    let commissioner_lang = (written != lang).then_some(written.code());
    let none = no_adult_service(&listing, &area, lang);
    let services = directory
        .for_area(area.id)
        .cloned()
        .map(|service| view! { <ServiceCard service lang /> })
        .collect_view();
    let rj_page = listing.rj_page(lang).map(|(url, written)| {
        let (text, hreflang) = if written == lang {
            (tr.t("area-rj-page"), None)
        } else {
            (tr.t("area-rj-page-english"), Some(written.code()))
        };
        view! {
            <p class="rj-area__rj-page">
                <a class="rj-link rj-link--external" href=url.to_string() hreflang=hreflang rel="noreferrer">{text}</a>
            </p>
        }
    });
    let mut councils: Vec<String> = area
        .councils
        .iter()
        .map(|&i| areas.councils()[i].name(lang).to_string())
        .collect();
    councils.sort_by_cached_key(|c| sort_key(lang, c));
    let councils = councils
        .into_iter()
        .map(|c| view! { <li>{c}</li> })
        .collect_view();
    let freshness = match listing.checked_on {
        Some(d) => tr.t_args("area-checked-on", &[("date", format_date(lang, d).into())]),
        None => tr.t("area-not-checked"),
    };
    let facts_from = match listing.facts_from {
        Some(f) => tr.t_args("area-facts-from", &[("date", format_month(lang, f).into())]),
        None => tr.t("area-facts-undated"),
    };
    let sources = listing
        .sources
        .iter()
        .map(|s| {
            let (url, note) = s.split_once(' ').unwrap_or((s.as_str(), ""));
            view! { <li lang=english><a href=url.to_string() rel="noreferrer">{url.to_string()}</a>" "{note.to_string()}</li> }
        })
        .collect_view();
    let report = report_link(
        &use_site().operator_contact,
        &tr.t_args(
            "area-report-subject",
            &[("area", area.name(Lang::En).to_string().into())],
        ),
    );
    let alternates = Alternates {
        en: Page::area_path(Lang::En, &area.slug),
        cy: Page::area_path(Lang::Cy, &area.slug),
    };
    view! {
        <Frame lang title=name.clone() alternates=Some(alternates) current=Page::Areas>
            <h1>{name}</h1>
            <p>{tr.t("area-usually")}</p>
            <h2>{tr.t("area-service-heading")}</h2>
            {none}
            {services}
            <dl class="rj-summary rj-area__commissioner">
                <dt class="rj-summary__key">{tr.t("area-commissioner")}</dt>
                <dd class="rj-summary__value">
                    <a href=listing.commissioner_url.clone() rel="noreferrer" lang=commissioner_lang>{commissioner}</a>
                </dd>
            </dl>
            {rj_page}
            <AskButton lang slug=area.slug.clone() />
            <NationalRoutes lang />
            <h2>{tr.t("area-checked-heading")}</h2>
            <p class="rj-area__checked">{freshness}" "{facts_from}</p>
            <details class="rj-details">
                <summary>{tr.t("area-sources")}</summary>
                <ul class="rj-list rj-list--bullet rj-area__sources">{sources}</ul>
            </details>
            <p><a class="rj-area__report" href=report>{tr.t("area-report")}</a></p>
            <h2>{tr.t("area-councils-heading")}</h2>
            <ul class="rj-columns">{councils}</ul>
            <p><a href=Page::Find.path(lang)>{tr.t("find-title")}</a></p>
        </Frame>
    }
    .into_any()
}

/// The plain statement that an area lists no service for everyone: none at all, or only
/// youth justice services (whose cases are those where the person responsible was
/// under 18). `None` when it has one.
pub fn no_adult_service(
    listing: &crate::areas::directory::Listing,
    area: &PoliceArea,
    lang: Lang,
) -> Option<AnyView> {
    if listing.main_service().is_some() {
        return None;
    }
    let id = if listing.services.is_empty() {
        "area-no-service"
    } else {
        "area-no-adult-service"
    };
    let text = Tr(lang).t_args(id, &[("area", area.name(lang).to_string().into())]);
    Some(view! { <p class="rj-inset rj-area__none">{text}</p> }.into_any())
}

/// The routes that cover every area: the police or witness care unit (Victims' Code),
/// Victim Support's Supportline, and Why me? for cases local services cannot take.
/// `nested`: inside another section (a finder result, a confirmation), under an `h3`.
#[component]
pub fn NationalRoutes(lang: Lang, #[prop(optional)] nested: bool) -> impl IntoView {
    let tr = Tr(lang);
    let heading = if nested {
        view! { <h3 id="national-heading">{tr.t("area-national-heading")}</h3> }.into_any()
    } else {
        view! { <h2 id="national-heading">{tr.t("area-national-heading")}</h2> }.into_any()
    };
    view! {
        <section class="rj-area__national" aria-labelledby="national-heading">
            {heading}
            <ul class="rj-list rj-list--bullet">
                <li>{tr.t("area-national-police")}</li>
                <li>
                    {tr.t("area-national-victim-support")}" "
                    <a class="rj-link rj-link--phone" href="tel:08081689111">"08 08 16 89 111"</a>
                </li>
                <li>
                    {mixed_text(&tr.t("area-national-why-me"))}" "
                    <a href="https://why-me.org/" rel="noreferrer">"https://why-me.org/"</a>
                </li>
            </ul>
        </section>
    }
}

/// A `mailto:` to the operator with `subject`, or the operator's web address as it is.
fn report_link(contact: &str, subject: &str) -> String {
    if contact.contains('@') && !contact.contains("://") {
        let subject: String = form_urlencoded::byte_serialize(subject.as_bytes())
            .collect::<String>()
            .replace('+', "%20");
        format!("mailto:{contact}?subject={subject}")
    } else {
        contact.to_string()
    }
}

/// "29 November 2026" / "29 Tachwedd 2026".
fn format_date(lang: Lang, d: Date) -> String {
    format!(
        "{} {} {}",
        d.day,
        Tr(lang).t(&format!("month-{}", d.month)),
        d.year
    )
}

/// "October 2017", or just the year when the month is not known.
fn format_month(lang: Lang, f: FactsFrom) -> String {
    match f.month {
        Some(m) => format!("{} {}", Tr(lang).t(&format!("month-{m}")), f.year),
        None => f.year.to_string(),
    }
}

/// "Ask to be contacted": the referral form with this area chosen.
#[component]
fn AskButton(lang: Lang, slug: String) -> impl IntoView {
    let href = format!("{}?area={slug}", Page::Refer.path(lang));
    view! { <a class="rj-button rj-button--start" href=href role="button" draggable="false">{Tr(lang).t("refer-title")}</a> }
}

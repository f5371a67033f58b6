//! The public service directory and the referral routing: the strict loaders, the
//! shipped data against the researched CSV (`../shared/data/rj_services.csv`, when it
//! exists beside the project, or `RJ_SHARED_DATA`), and the area pages built from it.

use crate::common;

use common::shared::{read_csv, shared_data};
use common::{app, page, text::main_text};
use http::StatusCode;
use rj::areas::Areas;
use rj::areas::directory::{Directory, DirectoryError, Routing, RoutingRules, Via};
use rj::calendar::Date;
use rj::i18n::{Lang, Page};
use rj::mail::address::EmailAddress;
use std::collections::HashMap;
use std::sync::OnceLock;

const SHIPPED: &str = include_str!("../../data/services.toml");

fn areas() -> &'static Areas {
    static AREAS: OnceLock<Areas> = OnceLock::new();
    AREAS.get_or_init(|| Areas::embedded().unwrap())
}

fn shipped() -> Directory {
    Directory::parse(SHIPPED, "data/services.toml", areas(), false).unwrap()
}

fn csv_rows() -> Option<Vec<HashMap<String, String>>> {
    let dir = shared_data("rj_services.csv")?;
    Some(read_csv(&dir.join("rj_services.csv")))
}

/// The CSV's service name as the page shows it: the name (up to the first " (" or
/// " - ") and what the sources say about it (the rest, without a leading "- " or one
/// pair of outer brackets). data/services_from_csv.py splits the same way.
fn split_name(full: &str) -> (String, String) {
    let cut = [full.find(" ("), full.find(" - ")]
        .into_iter()
        .flatten()
        .filter(|&i| i > 0)
        .min();
    let Some(cut) = cut else {
        return (full.to_string(), String::new());
    };
    let (name, rest) = (&full[..cut], &full[cut + 1..]);
    let about = if let Some(r) = rest.strip_prefix("- ") {
        r
    } else if rest.starts_with('(') && rest.ends_with(')') && rest.matches('(').count() == 1 {
        &rest[1..rest.len() - 1]
    } else {
        rest
    };
    (name.to_string(), about.to_string())
}

/// The four areas the CSV found no service for; the December research
/// (rj-services-four-areas-2026-12.md) fills them in as far as its sources go.
const FOUR_AREAS: [&str; 4] = ["city-of-london", "gwent", "south-wales", "dyfed-powys"];
/// Of those, the areas still without a service for everyone (only youth justice).
const NO_ADULT_SERVICE: [&str; 2] = ["gwent", "dyfed-powys"];

fn research() -> Option<String> {
    let dir = shared_data("rj-services-four-areas-2026-12.md")?;
    std::fs::read_to_string(dir.join("rj-services-four-areas-2026-12.md")).ok()
}

#[test]
fn the_shipped_directory_lists_every_area_41_services_for_everyone_and_4_with_youth() {
    let d = shipped();
    assert_eq!(d.listings().len(), 43);
    let named: Vec<_> = d
        .listings()
        .iter()
        .filter(|l| l.main_service().is_some())
        .collect();
    assert_eq!(named.len(), 41);
    for slug in NO_ADULT_SERVICE {
        let area = areas().by_slug(slug).unwrap();
        assert!(
            d.listing(area.id).unwrap().main_service().is_none(),
            "{slug}"
        );
    }
    let youth: Vec<_> = d
        .listings()
        .iter()
        .filter(|l| l.youth_services().next().is_some())
        .map(|l| areas().get(l.area).slug.clone())
        .collect();
    assert_eq!(
        youth,
        ["city-of-london", "gwent", "south-wales", "dyfed-powys"]
    );
    let gwent = d.listing(areas().by_slug("gwent").unwrap().id).unwrap();
    assert_eq!(gwent.youth_services().count(), 3);
    assert!(
        gwent.youth_service().is_none(),
        "three youth services: a request names none of them"
    );
    assert!(
        !SHIPPED.to_lowercase().contains("placeholder")
            && !SHIPPED.contains("example.")
            && !SHIPPED.contains("01632"),
        "no placeholder is left"
    );
    // Refused in production only if it held placeholders, which it does not.
    Directory::parse(SHIPPED, "s", areas(), true).unwrap();
}

#[test]
fn the_shipped_directory_copies_the_csv() {
    let Some(rows) = csv_rows() else { return };
    let d = shipped();
    assert_eq!(rows.len(), 43);
    for row in &rows {
        let slug = &row["area_slug"];
        let area = areas().by_slug(slug).unwrap();
        let listing = d.listing(area.id).unwrap();
        assert_eq!(listing.commissioner, row["pcc_name"], "{slug}");
        assert_eq!(listing.commissioner_url, row["pcc_url"], "{slug}");
        assert_eq!(listing.checked_on, None, "nobody has confirmed {slug} yet");
        let newer = FOUR_AREAS.contains(&slug.as_str());
        let research = research().unwrap_or_default();
        for source in &listing.sources {
            let url = source.split(' ').next().unwrap();
            assert!(
                row["sources"].contains(source.as_str()) || newer && research.contains(url),
                "{slug}: {source}"
            );
        }
        if newer {
            continue;
        }
        assert_eq!(listing.confidence, row["confidence"], "{slug}");
        let service = listing.main_service();
        assert_eq!(service.is_some(), !row["service_name"].is_empty(), "{slug}");
        if let Some(s) = service {
            // The public name and who runs it come from the CSV's words; the rest of
            // its text is a research note, never shown.
            let (name, _) = split_name(&row["service_name"]);
            assert!(
                s.name == name || row["service_name"].contains(&s.name),
                "{slug}: {}",
                s.name
            );
            if let Some(provider) = &s.provider {
                assert!(
                    row["service_name"].contains(provider.as_str())
                        || row["service_name"].contains(&provider.replace(" Constabulary", "")),
                    "{slug}: {provider}"
                );
            }
            assert_eq!(
                s.website.clone().unwrap_or_default(),
                row["service_url"],
                "{slug}"
            );
            assert_eq!(s.name_cy, None, "no Welsh name is known for {slug}");
            // A phone or email only where the CSV's route has it verbatim.
            for contact in [s.phone.clone(), s.email.as_ref().map(|e| e.to_string())]
                .into_iter()
                .flatten()
            {
                assert!(
                    row["self_referral_route"].contains(&contact),
                    "{slug}: {contact} is not in the CSV"
                );
            }
        }
    }
}

#[tokio::test]
async fn every_area_page_shows_its_csv_service_and_web_page() {
    let Some(rows) = csv_rows() else { return };
    let app = app().await;
    for row in &rows {
        let slug = &row["area_slug"];
        for lang in [Lang::En, Lang::Cy] {
            let html = page(&app, &Page::area_path(lang, slug), StatusCode::OK).await;
            let text = main_text(&html);
            if row["service_name"].is_empty() {
                continue;
            }
            let service = shipped()
                .listing(areas().by_slug(slug).unwrap().id)
                .unwrap()
                .main_service()
                .cloned()
                .unwrap();
            let (_, notes) = split_name(&row["service_name"]);
            assert!(
                text.contains(&service.name),
                "{slug} {lang:?}: {}",
                service.name
            );
            assert!(
                notes.is_empty() || !text.contains(&notes),
                "{slug} {lang:?}: the research note is shown: {notes}"
            );
            if !row["service_url"].is_empty() && (lang == Lang::En || service.website_cy.is_none())
            {
                assert!(
                    html.contains(&format!("href=\"{}\"", row["service_url"])),
                    "{slug} {lang:?}: {}",
                    row["service_url"]
                );
            }
            assert!(
                html.contains(&format!("href=\"{}\"", row["pcc_url"])),
                "{slug}"
            );
            if lang == Lang::Cy {
                assert!(
                    html.contains("lang=\"en\" class=\"rj-service__name\""),
                    "{slug}: the English name is marked lang=en on the Welsh page"
                );
            }
        }
    }
}

#[tokio::test]
async fn no_page_says_placeholder_and_every_page_shows_its_freshness() {
    let app = app().await;
    let mut paths = vec![
        Page::Areas.path(Lang::En),
        Page::Areas.path(Lang::Cy),
        format!("{}?q=CF10+1AA", Page::Find.path(Lang::En)),
        format!("{}?q=ME14+1XX", Page::Find.path(Lang::Cy)),
    ];
    for area in areas().all() {
        paths.push(Page::area_path(Lang::En, &area.slug));
        paths.push(Page::area_path(Lang::Cy, &area.slug));
    }
    for path in paths {
        let html = page(&app, &path, StatusCode::OK).await;
        for word in [
            "placeholder",
            "dalfan",
            "referrals.example",
            "rj.example",
            "01632",
        ] {
            assert!(!html.to_lowercase().contains(word), "{path} says {word}");
        }
        if path.contains("/areas/") || path.contains("/ardaloedd/") {
            let text = main_text(&html);
            let english = !path.starts_with("/cy/");
            let (checked, usually) = if english {
                (
                    "Nobody has checked these details with the service yet.",
                    "where the crime was reported or happened",
                )
            } else {
                (
                    "Does neb wedi gwirio'r manylion hyn gyda'r gwasanaeth eto.",
                    "lle rhoddodd rhywun wybod i'r heddlu",
                )
            };
            assert!(text.contains(checked), "{path}");
            assert!(text.contains(usually), "{path}");
            assert!(
                html.contains("href=\"mailto:contact@example.org?subject="),
                "{path}"
            );
            assert!(
                html.contains("refer?area=") || html.contains("cyfeirio?area="),
                "{path}: the Ask button"
            );
        }
    }
}

/// Gwent and Dyfed-Powys list only youth justice services: their pages, and the
/// finder's answer, say plainly that no service for adults' cases was found and show
/// the national routes; their youth services are shown with their confidence.
#[tokio::test]
async fn areas_with_only_youth_services_say_so_and_show_the_national_routes() {
    let app = app().await;
    for slug in NO_ADULT_SERVICE {
        for lang in [Lang::En, Lang::Cy] {
            let query = format!("{}?q={slug}", Page::Find.path(lang));
            for path in [Page::area_path(lang, slug), query] {
                let html = page(&app, &path, StatusCode::OK).await;
                let text = main_text(&html);
                let plain = match lang {
                    Lang::En => "that takes cases where the person responsible was 18 or over",
                    Lang::Cy => {
                        "sy'n derbyn achosion lle roedd y person sy'n gyfrifol yn 18 oed neu'n hŷn"
                    }
                };
                assert!(text.contains(plain), "{path}");
                assert!(html.contains("href=\"tel:08081689111\""), "{path}");
                assert!(html.contains("href=\"https://why-me.org/\""), "{path}");
                let police = match lang {
                    Lang::En => "witness care unit",
                    Lang::Cy => "uned gofal tystion",
                };
                assert!(text.contains(police), "{path}");
                assert!(
                    html.contains("class=\"rj-service__audience\""),
                    "{path}: youth services"
                );
                let sure = match lang {
                    Lang::En => "We are fairly sure of these details",
                    Lang::Cy => "Rydyn ni'n eithaf siŵr o'r manylion hyn",
                };
                assert!(text.contains(sure), "{path}");
            }
        }
    }
}

/// South Wales and the City of London: the service for everyone the research found,
/// with its Welsh name and page where published, its public line, and how sure we are.
#[tokio::test]
async fn the_new_services_show_their_public_name_line_and_confidence() {
    let app = app().await;
    let cy = page(
        &app,
        &Page::area_path(Lang::Cy, "south-wales"),
        StatusCode::OK,
    )
    .await;
    assert!(cy.contains(">Ffocws Dioddefwyr De Cymru</h3>"), "{cy}");
    assert!(cy.contains("href=\"https://www.ffocwsdioddefwyrdecymru.org.uk/"));
    assert!(main_text(&cy).contains("Dydyn ni ddim yn hollol siŵr o'r manylion hyn"));
    let en = page(&app, "/areas/south-wales", StatusCode::OK).await;
    assert!(en.contains(">South Wales Victim Focus</h3>"));
    assert!(main_text(&en).contains("Helps victims take part in restorative justice"));
    assert!(main_text(&en).contains("We are not fully sure of these details"));
    let city = main_text(&page(&app, "/areas/city-of-london", StatusCode::OK).await);
    assert!(city.contains("We have not confirmed that it takes cases from the City of London."));
    assert!(city.contains("We are not sure of these details"));
    let city_cy = page(
        &app,
        &Page::area_path(Lang::Cy, "city-of-london"),
        StatusCode::OK,
    )
    .await;
    assert!(
        city_cy.contains("<span lang=\"en\">CALM Mediation</span>"),
        "{city_cy}"
    );
    // North Wales: no Welsh service name is published, so the English one, marked;
    // the force's Welsh page and the commissioner's "Cyfiawnder Adferol".
    let nw = page(
        &app,
        &Page::area_path(Lang::Cy, "north-wales"),
        StatusCode::OK,
    )
    .await;
    assert!(nw.contains("lang=\"en\" class=\"rj-service__name\""));
    assert!(nw.contains("href=\"https://www.north-wales.police.uk/advice-and-support/restorative-justice/?lang=cy-gb\""));
    assert!(nw.contains("href=\"https://www.northwales-pcc.gov.uk/cy/cyfiawnder-adferol\""));
    assert!(main_text(&nw).contains("Tîm cyfiawnder adferol Heddlu Gogledd Cymru ei hun."));
    // An English-only line is not shown on Welsh pages; research notes never are.
    let kent = main_text(&page(&app, &Page::area_path(Lang::Cy, "kent"), StatusCode::OK).await);
    assert!(!kent.contains("PCC-commissioned"), "{kent}");
    let gwent = page(&app, &Page::area_path(Lang::Cy, "gwent"), StatusCode::OK).await;
    assert!(
        gwent.contains("(yn Saesneg)"),
        "the commissioner's English-only RJ page is marked"
    );
}

#[tokio::test]
async fn the_report_link_names_the_area_and_eligibility_shows_in_both_languages() {
    let app = app().await;
    let html = page(&app, "/areas/kent", StatusCode::OK).await;
    assert!(html.contains("mailto:contact@example.org?subject=Out-of-date%20details%3A%20Kent\""));
    assert!(html.contains("tel:08007831583"));
    assert!(
        main_text(&html)
            .contains("Domestic abuse and sexual offence cases are taken only from victims.")
    );
    assert!(main_text(&html).contains("The newest is from October 2017."));
    let html = page(&app, &Page::area_path(Lang::Cy, "kent"), StatusCode::OK).await;
    assert!(main_text(&html).contains(
        "Dim ond gan ddioddefwyr y mae'r gwasanaeth yn derbyn achosion o gam-drin domestig"
    ));
    assert!(main_text(&html).contains("Dyddiad y diweddaraf: Hydref 2017."));
    assert!(html.contains("subject=Manylion%20wedi%20dyddio%3A%20Kent\""));
    // http:// addresses are shown as the sources give them.
    let html = page(&app, "/areas/west-yorkshire", StatusCode::OK).await;
    assert!(html.contains("href=\"http://www.rjwestyorkshire.org.uk\""));
}

// ---- the loader is strict, and names the line of each mistake ----

/// The shipped file with `extra` lines added to the first service (Metropolitan's).
fn with_first_service(extra: &str) -> String {
    SHIPPED.replacen(
        "name = \"London Victim and Witness Service\"\n",
        &format!("name = \"London Victim and Witness Service\"\n{extra}\n"),
        1,
    )
}

fn line_of(text: &str, needle: &str) -> usize {
    text[..text.find(needle).unwrap()].matches('\n').count() + 1
}

#[test]
fn mistakes_are_reported_with_their_line() {
    let text = with_first_service("colour = \"red\"");
    let err = Directory::parse(&text, "s.toml", areas(), false)
        .unwrap_err()
        .to_string();
    assert!(
        err.contains("colour") && err.contains(&format!("line {}", line_of(&text, "colour"))),
        "{err}"
    );

    let text = with_first_service("website = \"www.no-scheme.org.uk\"");
    let err = Directory::parse(&text, "s.toml", areas(), false).unwrap_err();
    assert_eq!(
        err,
        DirectoryError::Invalid {
            file: "s.toml".into(),
            line: line_of(&text, "www.no-scheme"),
            message:
                "`www.no-scheme.org.uk` must be a web address starting with https:// (or http://)"
                    .into()
        }
    );

    let text = with_first_service("phone = \"call us\"");
    let err = Directory::parse(&text, "s.toml", areas(), false)
        .unwrap_err()
        .to_string();
    assert!(err.ends_with("`call us` is not a phone number"), "{err}");

    let text = with_first_service("eligibility = \"Only adults.\"");
    let err = Directory::parse(&text, "s.toml", areas(), false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("eligibility_cy"), "{err}");

    let text = SHIPPED.replacen("area = \"metropolitan\"", "area = \"avalon\"", 1);
    let err = Directory::parse(&text, "s.toml", areas(), false)
        .unwrap_err()
        .to_string();
    assert!(
        err.starts_with(&format!(
            "s.toml, line {}: `avalon` is not a police area",
            line_of(&text, "avalon")
        )),
        "{err}"
    );

    let text = SHIPPED.replacen("facts_from = \"2019-02\"", "facts_from = \"Feb 2019\"", 1);
    let err = Directory::parse(&text, "s.toml", areas(), false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("must be YYYY or YYYY-MM"), "{err}");

    let text = SHIPPED.replacen("facts_from = \"2019-02\"", "checked_on = \"last week\"", 1);
    assert!(Directory::parse(&text, "s.toml", areas(), false).is_err());

    let text = SHIPPED.replacen("area = \"cumbria\"", "area = \"metropolitan\"", 1);
    let err = Directory::parse(&text, "s.toml", areas(), false)
        .unwrap_err()
        .to_string();
    assert!(err.contains("listed twice (first at line"), "{err}");
}

#[test]
fn every_area_must_be_listed_and_a_youth_service_is_optional() {
    let start = SHIPPED.find("[[area]]\narea = \"kent\"").unwrap();
    let end = start + SHIPPED[start + 1..].find("[[area]]").unwrap() + 1;
    let text = format!("{}{}", &SHIPPED[..start], &SHIPPED[end..]);
    match Directory::parse(&text, "s.toml", areas(), false) {
        Err(DirectoryError::Uncovered { areas, .. }) => assert_eq!(areas, "kent"),
        other => panic!(
            "expected an uncovered area, got {:?}",
            other.map(|d| d.all().len())
        ),
    }

    let youth = "[[area.service]]\nname = \"Youth Justice Service\"\naudience = \"youth\"\n";
    let text = with_first_service(youth);
    let d = Directory::parse(&text, "s.toml", areas(), false).unwrap();
    let met = areas().by_slug("metropolitan").unwrap().id;
    let names: Vec<_> = d.for_area(met).map(|s| s.name.clone()).collect();
    assert_eq!(
        names,
        ["London Victim and Witness Service", "Youth Justice Service"]
    );
    // Several youth justice services (one per council) are allowed.
    let d = Directory::parse(
        &with_first_service(&format!("{youth}{youth}")),
        "s.toml",
        areas(),
        false,
    )
    .unwrap();
    assert_eq!(d.for_area(met).count(), 3);
    assert!(d.listing(met).unwrap().youth_service().is_none());
    // Two services for everyone is a mistake.
    let err = Directory::parse(
        &with_first_service("[[area.service]]\nname = \"Two\"\n"),
        "s.toml",
        areas(),
        false,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("already has a service for everyone"), "{err}");
}

// ---- routing: direct, triage and youth ----

fn triage() -> EmailAddress {
    EmailAddress::parse("triage@referrals.example.org").unwrap()
}

#[test]
fn routing_sends_agreed_areas_direct_and_the_rest_to_triage() {
    let routing = Routing::parse(
        "[[route]]\narea = \"kent\"\nemail = \"kent@rj.example.org\"\n",
        "routing.toml",
        areas(),
        &RoutingRules::new(triage(), false),
    )
    .unwrap();
    let d = shipped().with_routing(routing);
    let kent = areas().by_slug("kent").unwrap().id;
    let gwent = areas().by_slug("gwent").unwrap().id;
    let essex = areas().by_slug("essex").unwrap().id;

    let r = d.route(kent, false);
    assert_eq!(r.via, Via::Direct);
    assert_eq!(r.to.as_str(), "kent@rj.example.org");
    assert_eq!(
        r.service_name(Lang::En),
        Some("Kent and Medway Restorative Justice Service")
    );

    let r = d.route(essex, false);
    assert_eq!(r.via, Via::Triage);
    assert_eq!(r.to, triage());
    assert_eq!(
        r.service_name(Lang::Cy),
        Some("Essex Restorative and Mediation Service")
    );

    let r = d.route(gwent, false);
    assert!(r.via == Via::Triage && r.service.is_none());
    assert_eq!(r.to, triage());

    // A youth case with no youth service listed goes the area's usual way.
    assert_eq!(d.route(kent, true).to.as_str(), "kent@rj.example.org");
}

#[test]
fn a_youth_case_goes_to_the_youth_service_when_one_is_listed() {
    let text = SHIPPED.replacen(
        "name = \"Kent and Medway Restorative Justice Service\"\n",
        "name = \"Kent and Medway Restorative Justice Service\"\n\n\
         [[area.service]]\nname = \"Kent Youth Justice\"\naudience = \"youth\"\n",
        1,
    );
    let kent = areas().by_slug("kent").unwrap().id;
    let d = Directory::parse(&text, "s", areas(), false).unwrap();
    // Not agreed: through triage, naming the youth service.
    let d = d.with_routing(Routing::triage_only(&RoutingRules::new(triage(), false)));
    let r = d.route(kent, true);
    assert_eq!(r.via, Via::Triage);
    assert_eq!(r.service_name(Lang::En), Some("Kent Youth Justice"));
    // Agreed: straight to it; adult cases still go to the main route.
    let routing = Routing::parse(
        "[[route]]\narea = \"kent\"\nemail = \"rj@kent.example.org\"\n\n\
         [[route]]\narea = \"kent\"\naudience = \"youth\"\nemail = \"youth@kent.example.org\"\n",
        "routing.toml",
        areas(),
        &RoutingRules::new(triage(), false),
    )
    .unwrap();
    let d = Directory::parse(&text, "s", areas(), false)
        .unwrap()
        .with_routing(routing);
    assert_eq!(d.route(kent, true).to.as_str(), "youth@kent.example.org");
    assert_eq!(d.route(kent, false).to.as_str(), "rj@kent.example.org");
}

#[test]
fn the_routing_file_is_strict_too() {
    let parse = |text: &str, production: bool| {
        Routing::parse(
            text,
            "r.toml",
            areas(),
            &RoutingRules::new(triage(), production),
        )
    };
    let err = parse(
        "[[route]]\narea = \"kent\"\nemail = \"a@b.org\"\nphone = \"1\"\n",
        false,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("phone") && err.contains("line 4"), "{err}");
    let err = parse("[[route]]\narea = \"kent\"\nemail = \"nope\"\n", false)
        .unwrap_err()
        .to_string();
    assert!(err.starts_with("r.toml, line 3: `nope`"), "{err}");
    let err = parse(
        "[[route]]\narea = \"kent\"\nemail = \"kent@example.org\"\n",
        true,
    )
    .unwrap_err()
    .to_string();
    assert!(err.contains("placeholder"), "{err}");
    let err = parse(
        "[[route]]\narea = \"kent\"\nemail = \"a@b.org\"\n[[route]]\narea = \"kent\"\nemail = \"c@b.org\"\n",
        false,
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("line 5") && err.contains("two routes"),
        "{err}"
    );
}

#[test]
fn staleness_is_a_year_without_a_check() {
    let today = Date {
        year: 2026,
        month: 11,
        day: 29,
    };
    assert_eq!(Date::from_days(today.days()), today);
    assert_eq!(
        Date::from_days(0),
        Date {
            year: 1970,
            month: 1,
            day: 1
        }
    );
    let text = SHIPPED
        .replacen("facts_from = \"2019-02\"", "checked_on = 2025-11-29", 1)
        .replacen("facts_from = \"2024-11\"", "checked_on = 2025-11-28", 1);
    let d = Directory::parse(&text, "s", areas(), false).unwrap();
    let stale: Vec<_> = d
        .listings()
        .iter()
        .filter(|l| l.is_stale(today))
        .map(|l| areas().get(l.area).slug.clone())
        .collect();
    assert_eq!(
        stale.len(),
        42,
        "only the Metropolitan entry was checked within a year"
    );
    assert!(stale.contains(&"cumbria".to_string()) && !stale.contains(&"metropolitan".to_string()));
}

#[test]
fn check_config_lists_stale_entries_and_direct_and_triage_areas() {
    let today = Date {
        year: 2026,
        month: 11,
        day: 29,
    };
    let text = SHIPPED
        .replacen("facts_from = \"2019-02\"", "checked_on = 2026-01-10", 1)
        .replacen("facts_from = \"2024-11\"", "checked_on = 2025-06-01", 1);
    let routing = Routing::parse(
        "[[route]]\narea = \"kent\"\nemail = \"kent@rj.example.org\"\n\n\
         [[route]]\narea = \"gwent\"\nemail = \"gwent@rj.example.org\"\n",
        "routing.toml",
        areas(),
        &RoutingRules::new(triage(), false),
    )
    .unwrap();
    let d = Directory::parse(&text, "s", areas(), false)
        .unwrap()
        .with_routing(routing);
    let report = d.report(areas(), today);
    let lines: Vec<&str> = report.lines().collect();
    assert_eq!(
        lines[0],
        "service directory: ok (43 police areas, 41 with a service for everyone, 2 without; 4 with a youth justice service)"
    );
    assert!(
        lines[1].starts_with(
            "WARNING: 42 directory entries not checked with the service since 2025-11-29: "
        ),
        "{}",
        lines[1]
    );
    assert!(
        lines[1].contains("cumbria (checked 2025-06-01)")
            && lines[1].contains("kent (never checked)")
    );
    assert!(!lines[1].contains("metropolitan"));
    assert_eq!(lines[2], "direct to the service (2): kent, gwent");
    assert!(
        lines[3].starts_with("through triage at triage@referrals.example.org (41): "),
        "{}",
        lines[3]
    );
    assert!(lines[3].contains("essex") && !lines[3].contains("kent"));
}

#[test]
fn the_example_routing_file_parses_and_is_refused_in_production() {
    let text = include_str!("../../data/routing.example.toml");
    let routing = Routing::parse(
        text,
        "data/routing.example.toml",
        areas(),
        &RoutingRules::new(triage(), false),
    )
    .unwrap();
    let d = shipped().with_routing(routing);
    let kent = areas().by_slug("kent").unwrap().id;
    assert_eq!(d.route(kent, false).via, Via::Direct);
    for line in text.lines().filter(|l| l.contains('@')) {
        assert!(
            line.contains(".example\""),
            "only example addresses: {line}"
        );
    }
    let err = Routing::parse(
        text,
        "data/routing.example.toml",
        areas(),
        &RoutingRules::new(triage(), true),
    )
    .unwrap_err()
    .to_string();
    assert!(
        err.contains("placeholder") && err.contains("line 13"),
        "{err}"
    );
}

/// `rj check-config` as an operator runs it, in a fresh folder after `rj migrate`:
/// whether it passed, and what it printed.
fn check_config(vars: &[(&str, &std::ffi::OsStr)]) -> (bool, String) {
    let dir = tempfile::tempdir().unwrap();
    let (migrated, said) = rj(dir.path(), "migrate", vars);
    assert!(migrated, "rj migrate: {said}");
    rj(dir.path(), "check-config", vars)
}

/// Runs `rj <command>` with its database and mail folder in `dir`.
fn rj(dir: &std::path::Path, command: &str, vars: &[(&str, &std::ffi::OsStr)]) -> (bool, String) {
    let mut cmd = std::process::Command::new(env!("CARGO_BIN_EXE_rj"));
    cmd.arg(command)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .env("LEPTOS_SITE_ROOT", dir.join("site"))
        .env(
            "RJ_DATABASE_URL",
            format!("sqlite://{}/rj.db", dir.display()),
        )
        .env("RJ_MAIL_DIR", dir.join("mail"))
        .env("RUST_LOG", "error");
    for (k, v) in vars {
        cmd.env(k, v);
    }
    let out = cmd.output().unwrap();
    let said =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    (out.status.success(), said)
}

/// The shipped configuration sends every area through triage; with a routing file,
/// its areas go direct; a mistake in the file stops it, naming the file and the line.
#[test]
fn check_config_says_which_areas_go_direct_and_which_through_triage() {
    let (ok, shipped) = check_config(&[]);
    assert!(ok, "{shipped}");
    assert!(
        shipped.contains("\ndirect to the service (0): none\n"),
        "{shipped}"
    );
    let triage_line = shipped
        .lines()
        .find(|l| l.starts_with("through triage at triage@example.org (43): "))
        .unwrap_or_else(|| panic!("every area through triage: {shipped}"));
    assert!(triage_line.contains("kent") && triage_line.contains("gwent"));

    let (ok, with_routing) = check_config(&[
        ("RJ_ROUTING", "data/routing.example.toml".as_ref()),
        ("RJ_TRIAGE_EMAIL", "triage@operator.example.org".as_ref()),
    ]);
    assert!(ok, "{with_routing}");
    assert!(
        with_routing.contains("\ndirect to the service (1): kent\n"),
        "{with_routing}"
    );
    let triage_line = with_routing
        .lines()
        .find(|l| l.starts_with("through triage at triage@operator.example.org (42): "))
        .unwrap_or_else(|| panic!("{with_routing}"));
    assert!(!triage_line.contains("kent") && triage_line.contains("essex"));

    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("routing.toml");
    std::fs::write(
        &bad,
        "[[route]]\narea = \"kent\"\nemail = \"not an address\"\n",
    )
    .unwrap();
    let (ok, said) = check_config(&[("RJ_ROUTING", bad.as_os_str())]);
    assert!(!ok);
    assert!(
        said.contains(&format!("{}, line 3: `not an address`", bad.display())),
        "{said}"
    );
}

/// S10 of the Welsh review: a standard police and crime commissioner's title is in
/// Welsh on Welsh pages, built from the area's Welsh name; a mayor's or another title
/// stays as the directory gives it, marked as English.
#[tokio::test]
async fn standard_commissioner_titles_are_in_welsh_on_welsh_pages() {
    let d = shipped();
    let title = |slug: &str, lang| {
        let area = areas().by_slug(slug).unwrap();
        d.listing(area.id).unwrap().commissioner_title(area, lang)
    };
    for (slug, welsh) in [
        ("gwent", "Comisiynydd Heddlu a Throseddu Gwent"),
        (
            "north-wales",
            "Comisiynydd Heddlu a Throseddu Gogledd Cymru",
        ),
        ("kent", "Comisiynydd Heddlu a Throseddu Caint"),
    ] {
        assert_eq!(title(slug, Lang::Cy), (welsh.to_string(), Lang::Cy));
        assert_eq!(title(slug, Lang::En).1, Lang::En);
    }
    assert_eq!(
        title("gwent", Lang::En).0,
        "Police and Crime Commissioner for Gwent"
    );
    let (mayor, written) = title("greater-manchester", Lang::Cy);
    assert!(mayor.starts_with("Mayor of Greater Manchester"), "{mayor}");
    assert_eq!(written, Lang::En);

    let app = app().await;
    let html = page(&app, &Page::area_path(Lang::Cy, "gwent"), StatusCode::OK).await;
    assert!(
        html.contains(">Comisiynydd Heddlu a Throseddu Gwent</a>"),
        "{html}"
    );
    let html = page(
        &app,
        &Page::area_path(Lang::Cy, "greater-manchester"),
        StatusCode::OK,
    )
    .await;
    assert!(
        html.contains(r#"lang="en">Mayor of Greater Manchester"#),
        "{html}"
    );
}

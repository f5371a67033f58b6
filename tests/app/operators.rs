//! The go-live pack for an operator's DPO and IT security (issue 29): the
//! `/.well-known/security.txt` file and the vulnerability disclosure page, and the
//! documents in `docs/operators/` kept true to the code (every number they quote from
//! the code, in a marker, and every test the DPIA names).

use crate::common::{self, get, page, text};
use http::{StatusCode, header};
use rj::i18n::{Lang, Page};

// ---- security.txt ----

#[tokio::test]
async fn security_txt_names_the_configured_contact_as_rfc_9116_asks() {
    let app = common::app_with(&[
        ("RJ_PUBLIC_URL", "https://rj.example.org"),
        ("RJ_SECURITY_CONTACT", "mailto:security@example.org"),
        ("RJ_SECURITY_EXPIRES", "2027-06-30"),
    ])
    .await;
    let res = get(&app, "/.well-known/security.txt").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(
        res.headers()[header::CONTENT_TYPE],
        "text/plain; charset=utf-8"
    );
    let body = text(res).await;
    let fields: Vec<&str> = body.lines().filter(|l| !l.starts_with('#')).collect();
    assert_eq!(
        fields,
        [
            "Contact: mailto:security@example.org",
            "Expires: 2027-06-30T23:59:59Z",
            "Preferred-Languages: en, cy",
            "Canonical: https://rj.example.org/.well-known/security.txt",
            "Policy: https://rj.example.org/security",
        ]
    );
}

#[tokio::test]
async fn security_txt_expires_within_a_year_when_no_date_is_set() {
    let (app, state) = common::app_and_state(&[(
        "RJ_SECURITY_CONTACT",
        "https://example.org/report-a-problem",
    )])
    .await;
    let body = text(get(&app, "/.well-known/security.txt").await).await;
    assert!(body.contains("Contact: https://example.org/report-a-problem\n"));
    let expires = body
        .lines()
        .find_map(|l| l.strip_prefix("Expires: "))
        .expect("an Expires field");
    let date = rj::calendar::Date::parse_iso(&expires[..10]).unwrap();
    let today = rj::calendar::Date::from_days(state.clock.now().div_euclid(86_400));
    let ahead = date.days() - today.days();
    assert!((300..365).contains(&ahead), "{expires}: {ahead} days ahead");
}

#[tokio::test]
async fn no_security_txt_without_a_contact() {
    let app = common::app().await;
    // The site's own 404 page: nobody is named who was not configured.
    let res = get(&app, "/.well-known/security.txt").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[test]
fn a_contact_that_is_not_mailto_or_https_is_refused() {
    for bad in [
        "security@example.org",
        "http://example.org/security",
        "mailto:not an address",
    ] {
        let result = rj::server::config::Config::from_lookup(
            "127.0.0.1:3000".parse().unwrap(),
            |k| (k == "RJ_SECURITY_CONTACT").then(|| bad.to_string()),
        );
        assert!(result.is_err(), "{bad} accepted");
    }
    let result = rj::server::config::Config::from_lookup("127.0.0.1:3000".parse().unwrap(), |k| {
        (k == "RJ_SECURITY_EXPIRES").then(|| "next year".to_string())
    });
    assert!(result.is_err());
}

// ---- the vulnerability disclosure page ----

#[tokio::test]
async fn the_disclosure_page_in_both_languages_names_the_security_contact() {
    let app = common::app_with(&[("RJ_SECURITY_CONTACT", "mailto:security@example.org")]).await;
    let en = page(&app, "/security", StatusCode::OK).await;
    assert!(en.contains("Report a security problem"), "{en}");
    assert!(en.contains("security@example.org") && !en.contains("mailto:security"));
    assert!(en.contains("href=\"/cy/diogelwch\""));
    let cy = page(&app, "/cy/diogelwch", StatusCode::OK).await;
    assert!(cy.contains("Rhoi gwybod am broblem ddiogelwch"), "{cy}");
    assert!(cy.contains("security@example.org"));
    // In the footer of every page, and in the sitemap the browser tests walk.
    let home = page(&app, "/", StatusCode::OK).await;
    assert!(home.contains("href=\"/security\""));
    let sitemap = page(&app, "/sitemap.xml", StatusCode::OK).await;
    assert!(sitemap.contains("/security</loc>") && sitemap.contains("/cy/diogelwch</loc>"));
    assert_eq!(Page::Security.path(Lang::Cy), "/cy/diogelwch");
}

#[tokio::test]
async fn without_a_security_contact_the_page_names_the_operators_contact() {
    let app = common::app_with(&[("RJ_OPERATOR_CONTACT", "help@operator.example.org")]).await;
    let en = page(&app, "/security", StatusCode::OK).await;
    assert!(en.contains("help@operator.example.org"), "{en}");
}

//! In-process tests of routing, languages, status codes and headers.

use crate::common;

use common::{app, app_with, get, page, send, text};
use http::{Request, StatusCode, header};
use rj::i18n::{Lang, Page};

#[tokio::test]
async fn every_page_renders_in_both_languages() {
    let app = app().await;
    for &p in Page::ALL {
        for lang in Lang::ALL {
            let path = p.path(lang);
            let html = page(&app, &path, StatusCode::OK).await;
            assert!(
                html.contains(&format!("<html lang=\"{}\"", lang.code())),
                "{path}: lang"
            );
            assert!(
                html.contains("class=\"rj-exit__button\""),
                "{path}: quick exit"
            );
            assert!(html.contains("href=\"#main\""), "{path}: skip link");
            assert!(html.contains("id=\"main\""), "{path}: main landmark");
            // The other language is linked, named in its own language; on the form,
            // the switch posts the answers there instead, so none is lost.
            let other = lang.other();
            let switch = if p == Page::Refer {
                html.contains(&format!("formaction=\"{}\"", p.path(other)))
                    && html.contains(&format!(">{}</button>", other.endonym()))
            } else {
                html.contains(&format!("href=\"{}\"", p.path(other)))
                    && html.contains(&format!(">{}</a>", other.endonym()))
            };
            assert!(switch, "{path}: language link");
            for l in Lang::ALL {
                assert!(
                    html.contains(&format!("hreflang=\"{}\"", l.code())),
                    "{path}: hreflang {}",
                    l.code()
                );
            }
        }
    }
}

#[tokio::test]
async fn titles_name_the_page_then_the_site() {
    let html = page(&app().await, "/", StatusCode::OK).await;
    assert!(
        html.contains(
            "<title>Restorative justice: help after a crime – Restorative justice help</title>"
        ),
        "{html}"
    );
    let html = page(&app().await, "/cy", StatusCode::OK).await;
    assert!(html.contains("– Cymorth cyfiawnder adferol</title>"));
}

#[tokio::test]
async fn every_page_describes_itself_for_search_results_in_its_language() {
    let app = app().await;
    let description = |html: &str| {
        let start = html
            .find("<meta name=\"description\" content=\"")
            .expect("a description")
            + "<meta name=\"description\" content=\"".len();
        html[start..start + html[start..].find('"').unwrap()].to_string()
    };
    for &p in Page::ALL {
        let en = description(&page(&app, &p.path(Lang::En), StatusCode::OK).await);
        let cy = description(&page(&app, &p.path(Lang::Cy), StatusCode::OK).await);
        assert!(en.len() > 20 && cy.len() > 20, "{p:?}: {en} / {cy}");
        assert_ne!(en, cy, "{p:?}: the Welsh page has its own description");
    }
    // Each information page has its own, from its lead paragraph.
    let what = description(&page(&app, &Page::WhatIsRj.path(Lang::En), StatusCode::OK).await);
    let rights = description(&page(&app, &Page::Rights.path(Lang::En), StatusCode::OK).await);
    assert!(
        rights.contains("Victims&#x27;") || rights.contains("Victims'"),
        "{rights}"
    );
    assert_ne!(what, rights);
}

#[tokio::test]
async fn unknown_pages_are_404_in_the_right_language() {
    let app = app().await;
    let en = page(&app, "/no-such-page", StatusCode::NOT_FOUND).await;
    assert!(en.contains("<html lang=\"en\"") && en.contains("Page not found"));
    let cy = page(&app, "/cy/dim-tudalen", StatusCode::NOT_FOUND).await;
    assert!(cy.contains("<html lang=\"cy\"") && cy.contains("Heb ddod o hyd"));
    // A missing static file is a 404 page too, not an empty response.
    let res = get(&app, "/pkg/missing.js").await;
    assert_eq!(res.status(), StatusCode::NOT_FOUND);
}

#[tokio::test]
async fn health_check() {
    let res = get(&app().await, "/healthz").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert_eq!(text(res).await, "ok\n");
}

#[tokio::test]
async fn security_headers_on_every_response() {
    let app = app().await;
    for uri in [
        "/",
        "/cy",
        "/healthz",
        "/nowhere",
        "/js/exit.js",
        "/favicon.svg",
    ] {
        let res = get(&app, uri).await;
        let h = res.headers();
        let csp = h
            .get(header::CONTENT_SECURITY_POLICY)
            .expect("CSP")
            .to_str()
            .unwrap();
        for part in [
            "default-src 'self'",
            "frame-ancestors 'none'",
            "form-action 'self'",
            "base-uri 'none'",
        ] {
            assert!(csp.contains(part), "{uri}: CSP lacks {part}: {csp}");
        }
        let scripts = csp
            .split(';')
            .find(|d| d.trim().starts_with("script-src"))
            .unwrap();
        assert!(!scripts.contains("unsafe-inline"), "{uri}: {scripts}");
        assert_eq!(h[header::REFERRER_POLICY], "no-referrer", "{uri}");
        assert_eq!(h[header::X_CONTENT_TYPE_OPTIONS], "nosniff", "{uri}");
        let permissions = h["permissions-policy"].to_str().unwrap();
        for feature in ["geolocation=()", "camera=()", "microphone=()"] {
            assert!(permissions.contains(feature), "{uri}: {permissions}");
        }
        assert!(h.get(header::SET_COOKIE).is_none(), "{uri} sets a cookie");
        assert!(
            h.get(header::STRICT_TRANSPORT_SECURITY).is_none(),
            "{uri}: HSTS over http"
        );
    }
}

/// Pages rendered for each request (here the referral form, which carries a token) name
/// a fresh nonce; pages kept in memory name their scripts' hashes (tests/app/page_cache.rs).
#[tokio::test]
async fn page_scripts_carry_the_policy_nonce() {
    let res = get(&app().await, "/refer").await;
    let csp = res.headers()[header::CONTENT_SECURITY_POLICY]
        .to_str()
        .unwrap()
        .to_string();
    let nonce = csp
        .split("'nonce-")
        .nth(1)
        .and_then(|s| s.split('\'').next())
        .expect("nonce");
    let html = text(res).await;
    // Every script without a `src` is inline, and must carry the nonce.
    let inline = html.matches("<script").count() - html.matches("<script src=").count();
    assert!(
        html.contains(&format!(
            "<script nonce=\"{nonce}\">document.documentElement.classList.add('js-enabled')"
        )),
        "the head marks JavaScript as on before the body is drawn"
    );
    let with_nonce = html.matches(&format!("<script nonce=\"{nonce}\"")).count();
    assert_eq!(
        inline, with_nonce,
        "every inline script has this request's nonce"
    );
    // A different request gets a different nonce.
    let again = get(&app().await, "/refer").await;
    assert_ne!(
        again.headers()[header::CONTENT_SECURITY_POLICY]
            .to_str()
            .unwrap(),
        csp
    );
}

#[tokio::test]
async fn hsts_only_when_served_over_https() {
    let app = app_with(&[("RJ_PUBLIC_URL", "https://rj.example.org")]).await;
    let res = get(&app, "/").await;
    let hsts = res.headers()[header::STRICT_TRANSPORT_SECURITY]
        .to_str()
        .unwrap();
    assert!(hsts.starts_with("max-age="));
}

#[tokio::test]
async fn responses_are_compressed_when_asked() {
    let app = app().await;
    for (encoding, expected) in [("br", "br"), ("gzip", "gzip")] {
        let req = Request::get("/")
            .header(header::ACCEPT_ENCODING, encoding)
            .body(axum::body::Body::empty())
            .unwrap();
        let res = send(&app, req).await;
        assert_eq!(res.headers()[header::CONTENT_ENCODING], expected);
    }
}

#[tokio::test]
async fn cache_lifetimes() {
    let app = app().await;
    let html = get(&app, "/").await;
    assert_eq!(html.headers()[header::CACHE_CONTROL], "public, max-age=300");
    let body = text(html).await;
    // The quick-exit script is linked with a content version, so it may be kept a year.
    let src = body
        .split("src=\"")
        .find(|s| s.starts_with("/js/exit.js?v="))
        .unwrap();
    let src = &src[..src.find('"').unwrap()];
    let js = get(&app, src).await;
    assert_eq!(js.status(), StatusCode::OK);
    assert_eq!(
        js.headers()[header::CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    let missing = get(&app, "/nowhere").await;
    assert_eq!(missing.headers()[header::CACHE_CONTROL], "no-cache");
    // A page is never "immutable", whatever its query says.
    for path in ["/?v=1", "/what-is-restorative-justice?v=abc"] {
        let res = get(&app, path).await;
        assert_eq!(
            res.headers()[header::CACHE_CONTROL],
            "public, max-age=300",
            "{path}"
        );
    }
}

/// A form token, a person's answers or what they typed never sits in any cache: a shared
/// cache (or Back) would hand one person's form, and its idempotency key, to another.
#[tokio::test]
async fn personal_pages_are_kept_by_nobody() {
    let app = app().await;
    for path in [
        "/refer",
        "/cy/cyfeirio",
        "/refer?area=gwent",
        "/refer?v=1",
        "/find?q=CF10+1AA",
        "/cy/dod-o-hyd?q=CF10",
        "/find?q=",
        "/api/lookup?q=CF10+1AA",
        "/api/lookup?lang=cy&q=Cardiff",
    ] {
        let res = get(&app, path).await;
        assert_eq!(res.status(), StatusCode::OK, "{path}");
        assert_eq!(
            res.headers()[header::CACHE_CONTROL],
            "no-store, private",
            "{path}"
        );
    }
    // Without a query the finder is the same for everyone.
    let res = get(&app, "/find").await;
    assert_eq!(res.headers()[header::CACHE_CONTROL], "public, max-age=300");
}

#[tokio::test]
async fn quick_exit_goes_to_the_configured_neutral_site() {
    let html = page(&app().await, "/", StatusCode::OK).await;
    assert!(html.contains("href=\"https://www.bbc.co.uk/weather\""));
    let app = app_with(&[("RJ_EXIT_URL", "https://www.example.com/")]).await;
    let html = page(&app, "/cy", StatusCode::OK).await;
    assert!(html.contains("href=\"https://www.example.com/\""));
}

#[tokio::test]
async fn pages_without_islands_load_no_wasm() {
    let html = page(&app().await, "/", StatusCode::OK).await;
    assert!(!html.contains(".wasm"), "home page references WASM");
    assert!(
        !html.contains("modulepreload"),
        "home page preloads a module"
    );
}

#[tokio::test]
async fn sitemap_lists_every_page_in_both_languages() {
    let xml = page(&app().await, "/sitemap.xml", StatusCode::OK).await;
    for &p in Page::ALL {
        for lang in Lang::ALL {
            let loc = format!("<loc>http://localhost:3000{}</loc>", p.path(lang));
            assert!(xml.contains(&loc), "sitemap lacks {loc}");
        }
    }
    assert!(xml.contains("<loc>http://localhost:3000/cy/ardaloedd/dyfed-powys</loc>"));
    assert_eq!(xml.matches("<loc>").count(), Page::ALL.len() * 2 + 43 * 2);
}

#[tokio::test]
async fn prose_markup_never_reaches_the_page() {
    let app = app().await;
    for &p in Page::ALL {
        for lang in Lang::ALL {
            let html = page(&app, &p.path(lang), StatusCode::OK).await;
            let main = &html[html.find("<main").unwrap()..html.find("</main>").unwrap()];
            for leftover in ["page:", "](", "**", "\n- ", "{ $", "{$"] {
                assert!(
                    !main.contains(leftover),
                    "{}: `{leftover}` left in the page",
                    p.path(lang)
                );
            }
        }
    }
}

#[tokio::test]
async fn information_pages_link_to_related_pages_and_the_footer_links_exist() {
    let app = app().await;
    let html = page(&app, "/what-is-restorative-justice", StatusCode::OK).await;
    assert!(html.contains("class=\"rj-related\""));
    assert!(html.contains("href=\"/ways-it-can-happen\""));
    let html = page(&app, "/cy/beth-yw-cyfiawnder-adferol", StatusCode::OK).await;
    assert!(html.contains("href=\"/cy/ffyrdd-y-gall-ddigwydd\""));
    // Every internal link on every page leads to a page that exists.
    for &p in Page::ALL {
        for lang in Lang::ALL {
            let html = page(&app, &p.path(lang), StatusCode::OK).await;
            for href in html
                .split("href=\"")
                .skip(1)
                .map(|s| &s[..s.find('"').unwrap()])
            {
                if href.starts_with('/') && !href.starts_with("/pkg/") {
                    let target = href.split(['#', '?']).next().unwrap();
                    let res = common::get(&app, target).await;
                    assert_eq!(
                        res.status(),
                        StatusCode::OK,
                        "{} links to {href}",
                        p.path(lang)
                    );
                }
            }
        }
    }
}

#[tokio::test]
async fn external_links_send_no_referrer() {
    let app = app().await;
    let mut external = 0;
    for &p in Page::ALL {
        for lang in Lang::ALL {
            let html = page(&app, &p.path(lang), StatusCode::OK).await;
            for anchor in html
                .split("<a ")
                .skip(1)
                .map(|s| &s[..s.find('>').unwrap()])
            {
                if anchor.contains("href=\"https://") || anchor.contains("href=\"http://") {
                    external += 1;
                    assert!(
                        anchor.contains("rel=\"noreferrer\""),
                        "{}: <a {anchor}>",
                        p.path(lang)
                    );
                }
            }
        }
    }
    assert!(
        external > Page::ALL.len() * 2,
        "expected external links (the quick exit at least)"
    );
}

#[tokio::test]
async fn find_a_postcode_with_javascript_off() {
    let app = app().await;
    let html = page(&app, "/find?q=cf10+1aa", StatusCode::OK).await;
    assert!(html.contains("Your police area is South Wales."), "{html}");
    assert!(
        html.contains("value=\"cf10 1aa\""),
        "what was typed stays in the box"
    );
    assert!(html.contains("href=\"/areas/south-wales\""));
    // South Wales Victim Focus (December research), with how sure we are.
    assert!(html.contains(">South Wales Victim Focus</h3>"), "{html}");
    assert!(html.contains("We are not fully sure of these details"));
    assert!(
        html.contains("href=\"/refer?area=south-wales\""),
        "the ask-to-be-contacted button"
    );
    assert!(!html.contains("rj-error-summary"));
    let cy = page(&app, "/cy/dod-o-hyd?q=Caerdydd", StatusCode::OK).await;
    assert!(cy.contains("Eich ardal heddlu yw De Cymru."), "{cy}");
    assert!(cy.contains("href=\"/cy/ardaloedd/south-wales\""));
    let html = page(&app, "/find?q=ME14+1XX", StatusCode::OK).await;
    assert!(html.contains("Kent and Medway Restorative Justice Service"));
    assert!(html.contains("href=\"tel:08007831583\""));
}

#[tokio::test]
async fn find_explains_partial_and_outside_answers() {
    let app = app().await;
    let html = page(&app, "/find?q=SY10", StatusCode::OK).await;
    assert!(html.contains("Most of SY10 is in West Mercia."));
    assert!(
        html.contains("href=\"/areas/west-mercia\"")
            && html.contains("href=\"/areas/dyfed-powys\"")
    );
    let html = page(&app, "/find?q=EH1+1YZ", StatusCode::OK).await;
    assert!(html.contains("Scotland has its own justice system"));
    // Where to go instead, named (no address or number: none is on file to check).
    assert!(html.contains("Victim Support Scotland can help you there."));
    let html = page(&app, "/find?q=BT1+1AA", StatusCode::OK).await;
    assert!(html.contains("Victim Support NI can help you there."));
    let html = page(&app, "/find?q=north", StatusCode::OK).await;
    assert!(html.contains("Several places match."));
}

#[tokio::test]
async fn find_says_what_it_matched_and_what_it_corrected() {
    let app = app().await;
    let html = page(&app, "/find?q=Maidstone+ME14+1XQ", StatusCode::OK).await;
    assert!(html.contains("Results for ME14 1XQ – Maidstone"), "{html}");
    assert!(html.contains("Your police area is Kent."));
    let html = page(&app, "/find?q=Sheffeild", StatusCode::OK).await;
    assert!(html.contains("Showing results for Sheffield."), "{html}");
    assert!(
        html.contains("value=\"Sheffeild\""),
        "what was typed stays in the box"
    );
    let cy = page(&app, "/cy/dod-o-hyd?q=Aberystwith", StatusCode::OK).await;
    assert!(
        cy.contains("Yn dangos canlyniadau ar gyfer Aberystwyth."),
        "{cy}"
    );
    let cy = page(&app, "/cy/dod-o-hyd?q=Chirk", StatusCode::OK).await;
    assert!(cy.contains("Canlyniadau ar gyfer Y Waun, Wrecsam"), "{cy}");
    assert!(
        cy.contains("Mae&#x27;r Waun yn agos") || cy.contains("Mae'r Waun yn agos"),
        "{cy}"
    );
    let html = page(&app, "/find?q=Wales", StatusCode::OK).await;
    assert!(html.contains("This covers more than one police area."));
    assert!(
        html.contains("href=\"/areas/gwent\"") && html.contains("href=\"/areas/south-yorkshire\"")
    );
}

#[tokio::test]
async fn find_nonsense_shows_an_error_and_keeps_the_answer() {
    let html = page(&app().await, "/find?q=CF10+1A", StatusCode::OK).await;
    assert!(html.contains("<title>Error: Find your local service"));
    assert!(html.contains("class=\"rj-error-summary\""));
    // Focused as the page loads, with or without the script.
    assert!(html.contains("tabindex=\"-1\" autofocus"));
    assert!(html.contains("href=\"#q\""));
    assert!(html.contains("aria-invalid=\"true\""));
    assert!(html.contains("value=\"CF10 1A\""));
    let cy = page(&app().await, "/cy/dod-o-hyd?q=%21%21", StatusCode::OK).await;
    assert!(cy.contains("<title>Gwall: "));
}

#[tokio::test]
async fn what_was_typed_is_escaped() {
    let html = page(
        &app().await,
        "/find?q=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        StatusCode::OK,
    )
    .await;
    assert!(!html.contains("<script>alert(1)"));
    assert!(html.contains("&lt;script&gt;alert(1)"));
}

#[tokio::test]
async fn area_pages_in_both_languages() {
    let app = app().await;
    let en = page(&app, "/areas/south-wales", StatusCode::OK).await;
    assert!(en.contains("<h1>South Wales</h1>") && en.contains("<li>Cardiff</li>"));
    assert!(en.contains("hreflang=\"cy\"") && en.contains("/cy/ardaloedd/south-wales"));
    let cy = page(&app, "/cy/ardaloedd/south-wales", StatusCode::OK).await;
    assert!(cy.contains("<h1>De Cymru</h1>") && cy.contains("<li>Caerdydd</li>"));
    page(&app, "/areas/atlantis", StatusCode::NOT_FOUND).await;
    page(&app, "/cy/ardaloedd/atlantis", StatusCode::NOT_FOUND).await;
    let list = page(&app, "/areas", StatusCode::OK).await;
    assert_eq!(list.matches("href=\"/areas/").count(), 43);
}

/// Fault 11: `/refer/` goes to `/refer` (its query kept); a slash run that would leave
/// the site is not followed.
#[tokio::test]
async fn a_trailing_slash_redirects_to_the_page() {
    let app = app().await;
    for (path, to) in [
        ("/refer/", "/refer"),
        ("/cy/cyfeirio/", "/cy/cyfeirio"),
        ("/refer/?area=gwent", "/refer?area=gwent"),
        ("/cy/", "/cy"),
        ("/areas/gwent/", "/areas/gwent"),
    ] {
        let res = get(&app, path).await;
        assert_eq!(res.status(), StatusCode::PERMANENT_REDIRECT, "{path}");
        assert_eq!(res.headers()[header::LOCATION], to, "{path}");
    }
    for path in ["//example.com/", "///example.com//"] {
        let res = get(&app, path).await;
        assert_eq!(res.status(), StatusCode::NOT_FOUND, "{path}");
        assert!(res.headers().get(header::LOCATION).is_none(), "{path}");
    }
    assert_eq!(get(&app, "/").await.status(), StatusCode::OK);
}

/// A page's old address (the Welsh Easy Read page renamed in the third Welsh review,
/// G3) goes to its new one.
#[tokio::test]
async fn an_old_address_redirects_to_the_page() {
    let app = app().await;
    for (path, to) in [(
        "/cy/hawdd-ei-ddeall-gofyn-am-gael-eich-cysylltu",
        "/cy/hawdd-ei-ddeall-gofyn-i-wasanaeth-gysylltu",
    )] {
        let res = get(&app, path).await;
        assert_eq!(res.status(), StatusCode::PERMANENT_REDIRECT, "{path}");
        assert_eq!(res.headers()[header::LOCATION], to, "{path}");
    }
    page(
        &app,
        "/cy/hawdd-ei-ddeall-gofyn-i-wasanaeth-gysylltu",
        StatusCode::OK,
    )
    .await;
}

/// Fault 11: only GET and HEAD read a static file.
#[tokio::test]
async fn posting_to_a_file_is_not_allowed() {
    let app = app().await;
    for method in ["POST", "PUT", "DELETE"] {
        let req = Request::builder()
            .method(method)
            .uri("/favicon.svg")
            .body(axum::body::Body::empty())
            .unwrap();
        let res = send(&app, req).await;
        assert_eq!(res.status(), StatusCode::METHOD_NOT_ALLOWED, "{method}");
        assert!(res.headers().contains_key(header::ALLOW));
    }
    assert_eq!(get(&app, "/favicon.svg").await.status(), StatusCode::OK);
}

#[tokio::test]
async fn operators_numbers_are_on_the_admin_listener_only() {
    use rj::store::Delivered;
    let (app, state) = common::app_and_state(&[]).await;
    let store = &state.store;
    let referral = |area: &str| -> rj::referral::form::Referral {
        serde_json::from_value(serde_json::json!({
            "area": area, "relationship": "harmed", "full_name": "Zebedee Quixote",
            "contact_method": "phone", "phone": "01632 960 777", "email": null,
            "voicemail_ok": false, "say_rj_ok": false, "safe_times": null,
            "contact_language": "en", "reported": "yes", "crime_reference": null,
            "responsible_under_18": "no", "support_needs": null, "message": null,
            "confirmation_email": false
        }))
        .unwrap()
    };
    let mut seed = 11u64;
    let mut random = move || {
        seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1);
        seed >> 20
    };
    let now = rj::calendar::unix_now();
    let mut refs = Vec::new();
    for (i, area) in ["kent", "kent", "essex", "kent"].iter().enumerate() {
        refs.push(
            store
                .insert(&format!("k{i}"), &referral(area), now - 100, &mut random)
                .await
                .unwrap(),
        );
    }
    let delivered = Delivered {
        at: now - 90,
        remind_at: now + 1000,
        escalate_at: now + 2000,
    };
    for _ in 0..2 {
        let c = store.claim(now, 60).await.unwrap().unwrap();
        store.mark_sent(c.id, &delivered).await.unwrap();
    }
    store
        .acknowledge(refs[0], now - 30, &rj::calendar::WorkingDays::weekdays())
        .await
        .unwrap();
    let c = store.claim(now, 60).await.unwrap().unwrap();
    assert_eq!(c.area, "essex");
    store.mark_failed(c.id, "SMTP 550", now).await.unwrap();

    let admin = rj::server::admin::router(state.clone());
    let res = get(&admin, "/metrics").await;
    assert_eq!(res.status(), StatusCode::OK);
    assert!(
        res.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("text/plain; version=0.0.4")
    );
    let text = text(res).await;
    let families = common::parse_prometheus(&text);
    let value = |name: &str, labels: &[(&str, &str)]| {
        common::sample(&families, name, labels).unwrap_or_else(|| panic!("no {name} {labels:?}"))
    };
    assert_eq!(value("rj_requests_stored_total", &[("area", "kent")]), 3.0);
    assert_eq!(value("rj_requests_stored_total", &[("area", "essex")]), 1.0);
    assert_eq!(
        value("rj_requests_stored_total", &[("area", "dorset")]),
        0.0
    );
    assert_eq!(value("rj_requests_sent_total", &[("area", "kent")]), 2.0);
    assert_eq!(
        value("rj_requests_acknowledged_total", &[("area", "kent")]),
        1.0
    );
    assert_eq!(value("rj_requests_failed_total", &[("area", "essex")]), 1.0);
    assert_eq!(value("rj_outbox_waiting", &[]), 1.0);
    assert!(value("rj_outbox_oldest_waiting_age_seconds", &[]) >= 100.0);
    assert_eq!(value("rj_requests_unacknowledged", &[]), 1.0);
    assert_eq!(value("rj_delivery_latency_seconds_count", &[]), 2.0);
    assert_eq!(
        value("rj_delivery_latency_seconds_bucket", &[("le", "5")]),
        0.0
    );
    assert_eq!(
        value("rj_delivery_latency_seconds_bucket", &[("le", "30")]),
        2.0
    );
    assert_eq!(value("rj_acknowledgement_latency_seconds_sum", &[]), 60.0);
    assert_eq!(value("rj_alerts_waiting", &[("kind", "failed")]), 1.0);
    assert_eq!(
        value("rj_alerts_sent_total", &[("kind", "escalation")]),
        0.0
    );
    assert_eq!(families["rj_delivery_latency_seconds"]["type"], "histogram");
    assert_eq!(families["rj_requests_stored"]["type"], "counter");
    assert_eq!(families["rj_outbox_waiting"]["type"], "gauge");
    for private in ["Zebedee", "960 777"] {
        assert!(!text.contains(private));
    }
    // The public site does not serve it, whatever the method.
    assert_eq!(get(&app, "/metrics").await.status(), StatusCode::NOT_FOUND);
    let post = Request::post("/metrics")
        .body(axum::body::Body::empty())
        .unwrap();
    assert_ne!(send(&app, post).await.status(), StatusCode::OK);
}

/// The privacy notice says what the code keeps, with the code's own numbers: how long
/// answers wait between pages, and how long the Send and status limits keep a keyed
/// hash of the address (in the database, not only in memory).
#[tokio::test]
async fn the_privacy_notice_says_what_the_code_keeps() {
    let app = app().await;
    let handoff = rj::site::HANDOFF_MINUTES;
    assert_eq!(rj::referral::handoff::TTL_SECONDS, handoff * 60);
    let limit = rj::site::CLIENT_LIMIT_MINUTES;
    let en = page(&app, &Page::Privacy.path(Lang::En), StatusCode::OK).await;
    assert!(
        en.contains(&format!("for up to {handoff} minutes")),
        "handoffs"
    );
    assert!(
        en.contains(&format!("with the times, for {limit} minutes")),
        "limits"
    );
    assert!(en.contains("kept in our database"));
    assert!(!en.contains("only in the server's memory"));
    let cy = page(&app, &Page::Privacy.path(Lang::Cy), StatusCode::OK).await;
    assert!(
        cy.contains(&format!("am hyd at {handoff} munud")),
        "handoffs"
    );
    assert!(
        cy.contains(&format!("gyda'r amserau, am {limit} munud")),
        "limits"
    );
    assert!(!cy.contains("yng nghof y gweinydd"));
    // The retention the sweep applies (`forget_closed`, `forget_confirmed`,
    // `forget_expired`), and email that carries no details by default.
    assert!(en.contains("a few days after the service closes your request or passes it on"));
    assert!(en.contains("These emails do not include your details."));
    assert!(cy.contains("ar ôl i'r gwasanaeth gau eich cais neu ei anfon ymlaen"));
    assert!(cy.contains("ddim yn cynnwys eich manylion"));
}

/// Welsh pages list areas in the Welsh alphabet, where "ff" is a letter after "f": Dyfnaint
/// before Dyffryn (English order puts them the other way round).
#[tokio::test]
async fn welsh_lists_are_in_welsh_alphabetical_order() {
    let app = app().await;
    for uri in [
        Page::Areas.path(Lang::Cy).to_string(),
        format!("{}?q=Lloegr", Page::Find.path(Lang::Cy)),
    ] {
        let body = page(&app, &uri, StatusCode::OK).await;
        let at = |name: &str| {
            body.find(name)
                .unwrap_or_else(|| panic!("{uri} names {name}"))
        };
        assert!(at("Dinas Llundain") < at("Durham"), "{uri}");
        assert!(at("Durham") < at("Dyfnaint a Chernyw"), "{uri}");
        assert!(at("Dyfnaint a Chernyw") < at("Dyffryn Tafwys"), "{uri}");
    }
}

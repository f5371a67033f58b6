//! `GET /api/lookup`: the JSON the find page's island and other services rely on.

use crate::common;

use common::{app, get, text};
use http::{StatusCode, header};
use serde_json::Value;

async fn lookup(query: &str) -> Value {
    let res = get(&app().await, &format!("/api/lookup?{query}")).await;
    assert_eq!(res.status(), StatusCode::OK, "{query}");
    assert!(
        res.headers()[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .starts_with("application/json")
    );
    assert!(res.headers().get(header::SET_COOKIE).is_none());
    serde_json::from_str(&text(res).await).unwrap()
}

#[tokio::test]
async fn a_full_postcode() {
    let v = lookup("q=cf10%201aa&lang=en").await;
    assert_eq!(v["query"], "cf10 1aa");
    assert_eq!(v["kind"], "postcode");
    assert_eq!(v["areas"][0]["code"], "W15000003");
    assert_eq!(v["areas"][0]["slug"], "south-wales");
    assert_eq!(v["areas"][0]["name"], "South Wales");
    assert_eq!(v["areas"][0]["share"], 1.0);
    assert_eq!(v["terminated"], false);
    assert!(
        v.get("message").is_none(),
        "a certain answer needs no message: {v}"
    );
}

#[tokio::test]
async fn an_old_postcode_is_flagged_terminated_with_a_note() {
    for (lang, message) in [
        (
            "en",
            "The postcode NPT 0AD is no longer used, or it is very new. It is in Gwent.",
        ),
        (
            "cy",
            "Dydy'r cod post NPT 0AD ddim yn cael ei ddefnyddio mwyach, neu mae'n newydd iawn. \
             Mae'r cod post yn ardal Gwent.",
        ),
    ] {
        let v = lookup(&format!("q=npt0ad&lang={lang}")).await;
        assert_eq!(v["kind"], "postcode");
        assert_eq!(v["terminated"], true);
        assert_eq!(v["areas"][0]["slug"], "gwent");
        assert_eq!(v["areas"][0]["share"], 1.0);
        assert_eq!(v["message"], message);
    }
}

#[tokio::test]
async fn names_follow_the_language() {
    let v = lookup("q=CF10+1AA&lang=cy").await;
    assert_eq!(v["areas"][0]["name"], "De Cymru");
    let v = lookup("q=Caerdydd&lang=cy").await;
    assert_eq!(v["kind"], "council");
    assert_eq!(v["areas"][0]["slug"], "south-wales");
}

#[tokio::test]
async fn a_district_across_areas_is_ordered_by_share_with_a_message() {
    let v = lookup("q=SY10&lang=en").await;
    assert_eq!(v["kind"], "district");
    let areas = v["areas"].as_array().unwrap();
    assert_eq!(areas[0]["slug"], "west-mercia");
    assert_eq!(areas[1]["slug"], "dyfed-powys");
    assert!(areas[0]["share"].as_f64().unwrap() > areas[1]["share"].as_f64().unwrap());
    let message = v["message"].as_str().unwrap();
    assert!(
        message.starts_with("Most of SY10 is in West Mercia."),
        "{message}"
    );
    assert!(message.contains("Dyfed-Powys"), "{message}");
    let cy = lookup("q=SY10&lang=cy").await;
    assert!(
        cy["message"]
            .as_str()
            .unwrap()
            .starts_with("Mae'r rhan fwyaf o SY10 yn ardal Gorllewin Mersia.")
    );
}

#[tokio::test]
async fn every_kind() {
    for (q, kind) in [
        ("q=CF10+1", "sector"),
        ("q=CF10", "district"),
        ("q=Bath+and+North+East+Somerset", "council"),
        ("q=Dyfed-Powys", "area"),
        ("q=EH1+1YZ", "outside"),
        ("q=BT1+1AA", "outside"),
        ("q=Xyzzyville", "unknown"),
        ("q=CF10+1A", "invalid"),
    ] {
        let v = lookup(q).await;
        assert_eq!(v["kind"], kind, "{q}: {v}");
        if kind != "council" && kind != "area" && kind != "sector" && kind != "district" {
            assert!(v["message"].is_string(), "{q}: {v}");
        }
    }
}

#[tokio::test]
async fn bad_input_still_gets_an_answer() {
    for q in [
        "",
        "q=",
        "q=%FF%FE",
        "lang=xx",
        "q=%",
        "q=a&q=b",
        &format!("q={}", "x".repeat(5000)),
    ] {
        let v = lookup(q).await;
        assert!(v["kind"].is_string(), "{q}: {v}");
    }
    assert_eq!(lookup("").await["kind"], "invalid");
}

#[tokio::test]
async fn ambiguous_names_list_matches() {
    let v = lookup("q=north&lang=en").await;
    let matches = v["matches"].as_array().unwrap();
    assert!(matches.len() > 1);
    assert!(
        matches
            .iter()
            .all(|m| m["area"].is_string() && m["name"].is_string())
    );
    assert_eq!(v["message"], "Several places match. Choose yours.");
}

#[tokio::test]
async fn towns_list_their_council() {
    let v = lookup("q=Newport&lang=en").await;
    let matches = v["matches"].as_array().unwrap();
    assert!(
        matches.iter().any(|m| m["kind"] == "place"
            && m["council"] == "Telford and Wrekin"
            && m["area"] == "west-mercia"),
        "{v}"
    );
    let v = lookup("q=Bangor&lang=cy").await;
    assert_eq!(v["kind"], "place");
    assert_eq!(v["areas"][0]["slug"], "north-wales");
}

#[tokio::test]
async fn a_corrected_slip_is_marked_as_a_suggestion_in_both_languages() {
    for (lang, message) in [
        ("en", "Showing results for Sheffield."),
        ("cy", "Yn dangos canlyniadau ar gyfer Sheffield."),
    ] {
        let v = lookup(&format!("q=Sheffeild&lang={lang}")).await;
        assert_eq!(v["suggestion"], true, "{v}");
        assert_eq!(v["areas"][0]["slug"], "south-yorkshire");
        assert_eq!(v["message"], message);
        assert!(
            v["matches"]
                .as_array()
                .unwrap()
                .iter()
                .all(|m| m["suggestion"] == true),
            "{v}"
        );
    }
    let v = lookup("q=CF1O%201AA&lang=en").await;
    assert_eq!(
        (v["kind"].as_str(), v["suggestion"].as_bool()),
        (Some("postcode"), Some(true))
    );
    assert_eq!(v["matched"], "CF10 1AA");
    // A misspelling as close to places in two areas lists them, and chooses none.
    let v = lookup("q=Newprot&lang=cy").await;
    assert_eq!(v["suggestion"], true);
    assert_eq!(v["areas"].as_array().unwrap().len(), 0, "{v}");
    assert!(v["matches"].as_array().unwrap().len() > 1, "{v}");
    // What was typed right is no suggestion.
    let v = lookup("q=Maidstone%20ME14%201XQ&lang=en").await;
    assert_eq!(v["suggestion"], false);
    assert_eq!(v["matched"], "ME14 1XQ – Maidstone");
    assert!(v.get("message").is_none(), "{v}");
}

#[tokio::test]
async fn regions_and_shared_names_list_their_areas_with_councils() {
    let v = lookup("q=Llundain&lang=cy").await;
    let slugs: Vec<&str> = v["matches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["area"].as_str().unwrap())
        .collect();
    assert!(
        slugs.contains(&"metropolitan") && slugs.contains(&"city-of-london"),
        "{v}"
    );
    let v = lookup("q=St%20Ives&lang=en").await;
    let councils: Vec<&str> = v["matches"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|m| m["council"].as_str())
        .collect();
    assert!(
        councils.contains(&"Cornwall") && councils.contains(&"Huntingdonshire"),
        "{v}"
    );
}

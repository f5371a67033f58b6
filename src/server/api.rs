//! `GET /api/lookup?q=…&lang=en|cy`: the area lookup as JSON, for the find page's
//! island and for other services. Always answers 200; the query is never logged.

use super::AppState;
use crate::areas::{MatchKind, describe};
use crate::i18n::Lang;
use axum::{
    Json,
    extract::{RawQuery, State},
};
use serde::Serialize;

#[derive(Serialize)]
pub struct LookupResponse {
    query: String,
    kind: &'static str,
    /// A postcode no longer in use (or newer than Code-Point Open): see README.
    terminated: bool,
    areas: Vec<AreaShare>,
    /// A slip was corrected ("Sheffeild", "CF1O 1AA"): the answer is a suggestion, for
    /// what the person probably meant, and `message` says so.
    suggestion: bool,
    /// What the answer is for: "ME14 1XQ – Maidstone", "Chirk, Wrexham".
    #[serde(skip_serializing_if = "Option::is_none")]
    matched: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    matches: Vec<Match>,
}

#[derive(Serialize)]
struct AreaShare {
    code: String,
    slug: String,
    name: String,
    share: f64,
}

#[derive(Serialize)]
struct Match {
    name: String,
    kind: &'static str,
    area: String,
    /// For a town or village: its council, which tells apart places of the same name.
    #[serde(skip_serializing_if = "Option::is_none")]
    council: Option<String>,
    /// For a town or village near the edge of its area: the other areas nearby.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    near: Vec<String>,
    /// Found by correcting a misspelling: a suggestion, not what was typed.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    suggestion: bool,
}

pub async fn lookup(
    State(state): State<AppState>,
    RawQuery(raw): RawQuery,
) -> Json<LookupResponse> {
    let (mut q, mut lang) = (String::new(), Lang::En);
    // Lenient parsing: bad percent-encoding becomes U+FFFD rather than an error.
    for (key, value) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()) {
        match key.as_ref() {
            "q" => q = value.chars().take(200).collect(),
            "lang" => lang = Lang::from_code(&value).unwrap_or(Lang::En),
            _ => {}
        }
    }
    let areas = &state.areas;
    let answer = areas.lookup(&q);
    Json(LookupResponse {
        message: describe::message(&answer, areas, &q, lang),
        suggestion: answer.corrected,
        matched: describe::matched(&answer, areas, lang),
        kind: answer.kind.as_str(),
        terminated: answer.terminated(),
        areas: answer
            .areas
            .iter()
            .map(|&(id, share)| {
                let area = areas.get(id);
                AreaShare {
                    code: area.code.clone(),
                    slug: area.slug.clone(),
                    name: area.name(lang).to_string(),
                    share: (share * 10_000.0).round() / 10_000.0,
                }
            })
            .collect(),
        matches: answer
            .matches
            .iter()
            .map(|m| Match {
                name: match lang {
                    Lang::En => m.name.clone(),
                    Lang::Cy => m.name_cy.clone(),
                },
                kind: match m.kind {
                    MatchKind::Area => "area",
                    MatchKind::Council => "council",
                    MatchKind::Place => "place",
                },
                area: areas.get(m.area).slug.clone(),
                council: m
                    .council
                    .map(|c| areas.councils()[c].name(lang).to_string()),
                near: m
                    .near
                    .iter()
                    .map(|&id| areas.get(id).slug.clone())
                    .collect(),
                suggestion: answer.corrected,
            })
            .collect(),
        query: q,
    })
}

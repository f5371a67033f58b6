//! `GET /api/lookup?q=…&lang=en|cy`: the area lookup as JSON, for the find page's
//! island and for other services. Always answers 200; the query is never logged.

use super::AppState;
use crate::areas::describe;
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
                kind: if m.is_area { "area" } else { "council" },
                area: areas.get(m.area).slug.clone(),
            })
            .collect(),
        query: q,
    })
}

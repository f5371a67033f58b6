//! `/sitemap.xml`: every page in both languages (police area pages included), each with
//! its `hreflang` alternates.
//! The browser tests read it to visit every page.

use super::AppState;
use crate::areas::Areas;
use crate::components::Alternates;
use crate::i18n::{Lang, Page};
use axum::{extract::State, http::header, response::IntoResponse};
use std::fmt::Write;

/// Every address of the site that is the same for every reader: each page of
/// [`Page::ALL`] and each police area's page, as one page in both languages.
pub fn addresses(areas: &Areas) -> Vec<Alternates> {
    Page::ALL
        .iter()
        .map(|&page| Alternates::from(page))
        .chain(areas.all().iter().map(|area| Alternates {
            en: Page::area_path(Lang::En, &area.slug),
            cy: Page::area_path(Lang::Cy, &area.slug),
        }))
        .collect()
}

pub async fn sitemap(State(state): State<AppState>) -> impl IntoResponse {
    let base = &state.config.site.public_url;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset \
         xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for page in addresses(&state.areas) {
        for lang in Lang::ALL {
            let _ = writeln!(xml, "<url><loc>{base}{}</loc>", page.get(lang));
            for alt in Lang::ALL {
                let _ = writeln!(
                    xml,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{base}{}\"/>",
                    alt.code(),
                    page.get(alt)
                );
            }
            xml.push_str("</url>\n");
        }
    }
    xml.push_str("</urlset>\n");
    (
        [(header::CONTENT_TYPE, "application/xml; charset=utf-8")],
        xml,
    )
}

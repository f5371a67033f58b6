//! `/sitemap.xml`: every page in both languages (police area pages included), each with
//! its `hreflang` alternates.
//! The browser tests read it to visit every page.

use super::AppState;
use crate::i18n::{Lang, Page};
use axum::{extract::State, http::header, response::IntoResponse};
use std::fmt::Write;

pub async fn sitemap(State(state): State<AppState>) -> impl IntoResponse {
    let base = &state.config.site.public_url;
    let mut xml = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset \
         xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" \
         xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for &page in Page::ALL {
        for lang in Lang::ALL {
            let _ = writeln!(xml, "<url><loc>{base}{}</loc>", page.path(lang));
            for alt in Lang::ALL {
                let _ = writeln!(
                    xml,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{base}{}\"/>",
                    alt.code(),
                    page.path(alt)
                );
            }
            xml.push_str("</url>\n");
        }
    }
    for area in state.areas.all() {
        for lang in Lang::ALL {
            let _ = writeln!(
                xml,
                "<url><loc>{base}{}</loc>",
                Page::area_path(lang, &area.slug)
            );
            for alt in Lang::ALL {
                let _ = writeln!(
                    xml,
                    "<xhtml:link rel=\"alternate\" hreflang=\"{}\" href=\"{base}{}\"/>",
                    alt.code(),
                    Page::area_path(alt, &area.slug)
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

//! The reader-visible text of a rendered page, for the readability and spelling tests.

/// The text inside `<main>`, tags removed, entities decoded. Block ends (paragraphs,
/// list items, headings) become sentence ends, as a reader takes them.
pub fn main_text(html: &str) -> String {
    let start = html.find("<main").expect("page has <main>");
    let end = html.find("</main>").expect("page has </main>");
    let main = &html[start..end];
    let mut out = String::new();
    let mut rest = main;
    while let Some(lt) = rest.find('<') {
        out.push_str(&rest[..lt]);
        let gt = rest[lt..]
            .find('>')
            .map(|i| lt + i)
            .unwrap_or(rest.len() - 1);
        let tag = &rest[lt + 1..gt];
        let name = tag
            .trim_start_matches('/')
            .split([' ', '>'])
            .next()
            .unwrap_or("");
        if tag.starts_with('/')
            && matches!(
                name,
                "p" | "li" | "h1" | "h2" | "h3" | "dt" | "dd" | "td" | "th" | "legend" | "label"
            )
        {
            let trimmed = out.trim_end();
            if !trimmed.ends_with(['.', '!', '?', ':']) {
                out.truncate(trimmed.len());
                out.push('.');
            }
            out.push('\n');
        } else {
            out.push(' ');
        }
        rest = &rest[gt + 1..];
    }
    out.push_str(rest);
    decode_entities(&out)
}

fn decode_entities(s: &str) -> String {
    s.replace("&#x27;", "'")
        .replace("&#39;", "'")
        .replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", " ")
        .replace("&amp;", "&")
}

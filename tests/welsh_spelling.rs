//! Welsh spelling: `aspell -l cy` (Debian `aspell-cy`) over the text of every Welsh page
//! finds no more than 2% unknown words. The dictionary is dated: correct words it lacks,
//! official terms and proper nouns are listed, each checked, in `tests/data/cy-words.txt`.
//! No Welsh page has a common English word (one `aspell -l en` knows and the Welsh
//! dictionary and the list do not) outside an element marked `lang="en"`.
//! Run with `--nocapture` to see each page's rate, before ("raw") and after the list,
//! and the words aspell did not know.

mod common;

use common::{app, page, text::main_text};
use http::StatusCode;
use rj::i18n::{Lang, Page};
use std::collections::BTreeSet;
use std::io::Write;
use std::process::{Command, Stdio};

const MAXIMUM_UNKNOWN: f64 = 0.02;

/// Welsh clitics written after an apostrophe (`Mae'n`, `i'r`, `â'ch`, `wedi'i`): the
/// dictionary has no joined forms, so they are split off and not checked.
const CLITICS: &[&str] = &[
    "n", "r", "m", "th", "ch", "i", "w", "u", "ng", "ngh", "mh", "nh",
];

/// The words of a Welsh text, clitics split off; numbers and symbols dropped.
fn welsh_words(text: &str) -> Vec<String> {
    let mut words = Vec::new();
    for token in text.split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '’' || c == '-'))
    {
        for (i, part) in token.split(['\'', '’']).enumerate() {
            let part = part.trim_matches('-');
            let clitic = i > 0 && CLITICS.contains(&part.to_lowercase().as_str());
            if part.chars().any(char::is_alphabetic) && !clitic {
                // Hyphenated words are checked part by part, as aspell does.
                words.extend(
                    part.split('-')
                        .filter(|p| !p.is_empty())
                        .map(str::to_string),
                );
            }
        }
    }
    words
}

/// The words of `words` that `aspell -l <dictionary>` does not know, one per occurrence;
/// `package` is the Debian package with that dictionary.
fn aspell_unknown_in(dictionary: &str, package: &str, words: &[String]) -> Vec<String> {
    let mut child = Command::new("aspell")
        .args(["-l", dictionary, "--encoding=utf-8", "list"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap_or_else(|e| {
            panic!("aspell runs ({e}): install Debian's {package} (`make test` does)")
        });
    child
        .stdin
        .take()
        .unwrap()
        .write_all(words.join("\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "aspell failed: is the `{dictionary}` dictionary ({package}) installed?"
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// The words the Welsh dictionary does not know, one per occurrence.
fn aspell_unknown(words: &[String]) -> Vec<String> {
    aspell_unknown_in("cy", "aspell-cy", words)
}

/// The words of `words` that `aspell -l en` knows.
fn english(words: &[String]) -> Vec<String> {
    let unknown: BTreeSet<String> = aspell_unknown_in("en", "aspell-en", words)
        .into_iter()
        .collect();
    words
        .iter()
        .filter(|w| !unknown.contains(*w))
        .cloned()
        .collect()
}

/// The reviewed list: single words, and whole names (phrases) allowed only as written.
struct Reviewed {
    words: BTreeSet<String>,
    phrases: Vec<String>,
}

/// Reviewed words: correct Welsh, official terms and proper nouns the dictionary lacks.
fn reviewed() -> Reviewed {
    let mut words = BTreeSet::new();
    let mut phrases = Vec::new();
    for entry in std::fs::read_to_string("tests/data/cy-words.txt")
        .unwrap()
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|w| !w.is_empty())
    {
        if entry.contains(' ') {
            phrases.push(entry.to_string());
        } else {
            words.insert(entry.to_lowercase());
        }
    }
    Reviewed { words, phrases }
}

impl Reviewed {
    /// The text with the reviewed whole names taken out.
    fn without_phrases(&self, text: &str) -> String {
        self.phrases
            .iter()
            .fold(text.to_string(), |t, p| t.replace(p.as_str(), " "))
    }
}

/// The HTML with every element marked `lang="<code>"` removed, content and all.
fn without_lang(html: &str, code: &str) -> String {
    let attr = format!(" lang=\"{code}\"");
    let mut out = html.to_string();
    while let Some(at) = out.find(&attr) {
        let start = out[..at].rfind('<').expect("attribute inside a tag");
        let name: String = out[start + 1..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric())
            .collect();
        let (open, close) = (format!("<{name}"), format!("</{name}>"));
        let mut depth = 0;
        let mut i = start;
        let end = loop {
            let next_open = out[i + 1..].find(&open).map(|j| j + i + 1);
            let next_close = out[i + 1..]
                .find(&close)
                .map(|j| j + i + 1)
                .expect("element is closed");
            match next_open {
                Some(o) if o < next_close => {
                    depth += 1;
                    i = o;
                }
                _ if depth > 0 => {
                    depth -= 1;
                    i = next_close;
                }
                _ => break next_close + close.len(),
            }
        };
        out.replace_range(start..end, " ");
    }
    out
}

/// The visible text of the whole `<body>` (header, main, footer), scripts left out.
fn body_text(html: &str) -> String {
    let start = html.find("<body").expect("page has <body>");
    let end = html.rfind("</body>").expect("page has </body>");
    let mut body = html[start..end].to_string();
    while let Some(s) = body.find("<script") {
        let e = body[s..]
            .find("</script>")
            .map_or(body.len(), |e| s + e + 9);
        body.replace_range(s..e, " ");
    }
    main_text(&format!("<main>{body}</main>"))
}

#[test]
fn clitics_are_split() {
    assert_eq!(
        welsh_words("Mae'n iawn i'r plant â'ch help, wedi'i wneud."),
        ["Mae", "iawn", "i", "plant", "â", "help", "wedi", "wneud"]
    );
}

#[test]
fn aspell_knows_welsh_and_flags_misspellings() {
    let words: Vec<String> = ["cyfiawnder", "gwasanaeth", "cyfiawnderr", "gwasanaethhh"]
        .map(String::from)
        .to_vec();
    assert_eq!(aspell_unknown(&words), ["cyfiawnderr", "gwasanaethhh"]);
}

#[test]
fn english_words_are_found_and_marked_text_is_left_out() {
    let words: Vec<String> = ["Police", "Council", "gwasanaeth", "cyfiawnder", "me"]
        .map(String::from)
        .to_vec();
    let unknown_in_welsh = aspell_unknown(&words);
    assert_eq!(english(&unknown_in_welsh), ["Police", "Council", "me"]);
    let html = r#"<p>Mae <span lang="en">Example <b>Police</b> <span lang="en">Council</span></span> yma <a lang="en" href="/">Open</a>.</p>"#;
    assert_eq!(without_lang(html, "en"), "<p>Mae   yma  .</p>");
}

#[tokio::test]
async fn no_welsh_page_has_english_words_outside_lang_en() {
    let app = app().await;
    let reviewed = reviewed();
    let site = rj::site::SiteSettings::default();
    let mut failures = Vec::new();
    for &p in Page::ALL {
        let path = p.path(Lang::Cy);
        let html = page(&app, &path, StatusCode::OK).await;
        let text = reviewed
            .without_phrases(&body_text(&without_lang(&html, "en")))
            .replace(&site.operator_contact, " ");
        let unknown: Vec<String> = aspell_unknown(&welsh_words(&text))
            .into_iter()
            .filter(|w| !reviewed.words.contains(&w.to_lowercase()))
            .collect();
        let english = english(&unknown);
        if !english.is_empty() {
            failures.push(format!("{path}: {english:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "English words in Welsh pages: translate them, or mark a name as English with \
         <en>…</en> in the locale file:\n{}",
        failures.join("\n")
    );
}

#[tokio::test]
async fn every_welsh_page_is_spelled_correctly() {
    let app = app().await;
    let reviewed = reviewed();
    let mut failures = Vec::new();
    let mut all_unknown = BTreeSet::new();
    println!(
        "{:<40} {:>6} {:>8} {:>7} {:>9}",
        "page", "words", "unknown", "rate", "raw rate"
    );
    for &p in Page::ALL {
        let path = p.path(Lang::Cy);
        let html = page(&app, &path, StatusCode::OK).await;
        // The operator's contact is a deployment setting, not the site's Welsh; its
        // English name is marked lang="en" and left out with the other English names.
        let site = rj::site::SiteSettings::default();
        let text = main_text(&without_lang(&html, "en")).replace(&site.operator_contact, " ");
        let words = welsh_words(&text);
        // The raw rate is before the reviewed list (words and whole names) is applied.
        let raw_rate = aspell_unknown(&words).len() as f64 / words.len().max(1) as f64;
        let unknown: Vec<String> = aspell_unknown(&welsh_words(&reviewed.without_phrases(&text)))
            .into_iter()
            .filter(|w| !reviewed.words.contains(&w.to_lowercase()))
            .collect();
        let rate = unknown.len() as f64 / words.len().max(1) as f64;
        println!(
            "{path:<40} {:>6} {:>8} {:>6.2}% {:>8.2}%",
            words.len(),
            unknown.len(),
            rate * 100.0,
            raw_rate * 100.0
        );
        all_unknown.extend(unknown.iter().cloned());
        if rate > MAXIMUM_UNKNOWN {
            failures.push(format!("{path}: {:.1}% unknown: {unknown:?}", rate * 100.0));
        }
    }
    println!("not in the dictionary or the reviewed list: {all_unknown:?}");
    assert!(
        failures.is_empty(),
        "too many unknown Welsh words:\n{}",
        failures.join("\n")
    );
}

/// English names in Welsh pages reach the HTML as `lang="en"` elements, and no mark is
/// ever shown as text (in a heading, a title or an attribute) in either language.
#[tokio::test]
async fn english_names_on_welsh_pages_are_marked_lang_en() {
    let app = app().await;
    let site = rj::site::SiteSettings::default();
    let html = page(&app, "/cy/dolenni-defnyddiol", StatusCode::OK).await;
    assert!(
        html.contains(r#"<span lang="en"><a href="https://www.restorativejustice.org.uk/""#),
        "the Restorative Justice Council link is marked as English"
    );
    assert!(
        html.contains(&format!(r#"<span lang="en">{}</span>"#, site.operator_name)),
        "the operator's English name in the Welsh footer is marked as English"
    );
    for &p in Page::ALL {
        for lang in Lang::ALL {
            let path = p.path(lang);
            let html = page(&app, &path, StatusCode::OK).await;
            assert!(
                !html.contains("&lt;en&gt;") && !html.contains("&lt;/en&gt;"),
                "{path}: a <en> mark is shown as text"
            );
        }
    }
}

//! Welsh spelling: `aspell -l cy` (Debian `aspell-cy`) over the text of every Welsh page
//! finds no more than 2% unknown words. The dictionary is dated: correct words it lacks,
//! official terms and proper nouns are listed, each checked, in `tests/data/cy-words.txt`.
//! Run with `--nocapture` to see each page's rate and the words aspell did not know.

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

/// The words aspell does not know, one per occurrence.
fn aspell_unknown(words: &[String]) -> Vec<String> {
    let mut child = Command::new("aspell")
        .args(["-l", "cy", "--encoding=utf-8", "list"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .expect("aspell runs: install Debian's aspell-cy (`make test` does)");
    child
        .stdin
        .take()
        .unwrap()
        .write_all(words.join("\n").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
    assert!(
        out.status.success(),
        "aspell failed: is the `cy` dictionary (aspell-cy) installed?"
    );
    String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(str::to_string)
        .collect()
}

/// Reviewed words: correct Welsh, official terms and proper nouns the dictionary lacks.
fn reviewed() -> BTreeSet<String> {
    std::fs::read_to_string("tests/data/cy-words.txt")
        .unwrap()
        .lines()
        .map(|l| l.split('#').next().unwrap().trim())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
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
        // The operator's name and contact are deployment settings, not the site's Welsh.
        let site = rj::site::SiteSettings::default();
        let text = main_text(&html)
            .replace(&site.operator_name, " ")
            .replace(&site.operator_contact, " ");
        let words = welsh_words(&text);
        let raw = aspell_unknown(&words);
        let raw_rate = raw.len() as f64 / words.len().max(1) as f64;
        let unknown: Vec<String> = raw
            .into_iter()
            .filter(|w| !reviewed.contains(&w.to_lowercase()))
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

//! Plain English: the Flesch reading ease of the text of every English page is at least
//! 60, and of every Easy Read page at least 80. Run with `--nocapture` to see each page's
//! score.

use crate::common;

use common::{app, page, text::main_text};
use http::StatusCode;
use rj::i18n::{Lang, Page};

const MINIMUM: f64 = 60.0;

/// Easy Read pages are for people who read little: "easy" on Flesch's scale.
const EASY_READ_MINIMUM: f64 = 80.0;

/// The score a page must reach.
fn minimum(p: Page) -> f64 {
    if rj::pages::easy_read::is_easy_read(p) {
        EASY_READ_MINIMUM
    } else {
        MINIMUM
    }
}

/// Pages that are lists of place names, not prose: a reading score cannot judge them.
const LISTS: &[Page] = &[Page::Areas];

/// Flesch reading ease: 206.835 − 1.015 × words per sentence − 84.6 × syllables per word.
pub(crate) fn flesch(text: &str) -> (f64, usize, usize, usize) {
    let sentences = text
        .split(['.', '!', '?', ':', ';', '\n'])
        .filter(|s| s.chars().any(char::is_alphabetic))
        .count()
        .max(1);
    let words: Vec<&str> = text
        .split(|c: char| !(c.is_alphanumeric() || c == '\'' || c == '-'))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect();
    let syllables: usize = words.iter().map(|w| syllables(w)).sum();
    let n = words.len().max(1) as f64;
    let score = 206.835 - 1.015 * (n / sentences as f64) - 84.6 * (syllables as f64 / n);
    (score, words.len(), sentences, syllables)
}

/// Syllables in an English word, by vowel groups with the usual corrections.
fn syllables(word: &str) -> usize {
    // Hyphenated words are read as their parts; abbreviations letter by letter.
    if word.contains('-') {
        return word
            .split('-')
            .filter(|p| !p.is_empty())
            .map(syllables)
            .sum();
    }
    if word.len() > 1 && word.chars().all(|c| c.is_ascii_uppercase()) {
        return word.len();
    }
    let w: String = word
        .to_lowercase()
        .chars()
        .filter(|c| c.is_ascii_alphabetic())
        .collect();
    if w.is_empty() {
        return 1;
    }
    if w.len() <= 3 {
        return 1;
    }
    // Common words the vowel-group rule gets wrong.
    const IRREGULAR: &[(&str, usize)] = &[
        ("area", 3),
        ("areas", 3),
        ("idea", 3),
        ("ideas", 3),
        ("being", 2),
        ("create", 2),
        ("created", 3),
    ];
    if let Some(&(_, n)) = IRREGULAR.iter().find(|(word, _)| *word == w) {
        return n;
    }
    let is_vowel = |c: char| "aeiouy".contains(c);
    let chars: Vec<char> = w.chars().collect();
    let mut count = 0;
    let mut previous_vowel = false;
    for &c in &chars {
        let v = is_vowel(c);
        if v && !previous_vowel {
            count += 1;
        }
        previous_vowel = v;
    }
    // Silent final e ("safe", "make"), but not "-le" ("people", "possible").
    if w.ends_with('e') && !w.ends_with("le") && !w.ends_with("ee") && count > 1 {
        count -= 1;
    }
    // "-ed" is silent except after t or d ("asked" 1, "wanted" 2).
    if w.ends_with("ed") && !w.ends_with("ted") && !w.ends_with("ded") && count > 1 {
        count -= 1;
    }
    // "-es" is silent except after s, x, z, ch, sh, ce, ge ("makes" 1, "services" 3).
    if w.ends_with("es")
        && !["ses", "xes", "zes", "ches", "shes", "ces", "ges"]
            .iter()
            .any(|e| w.ends_with(e))
        && count > 1
    {
        count -= 1;
    }
    // Vowel pairs often said as two syllables.
    for pair in ["ia", "io", "eo", "ua", "uo", "iu"] {
        let exception = ["tion", "sion", "cial", "eop"]
            .iter()
            .any(|e| w.contains(e));
        if w.contains(pair) && !exception {
            count += w.matches(pair).count();
        }
    }
    count.max(1)
}

#[test]
fn syllable_counts() {
    for (word, expected) in [
        ("cat", 1),
        ("safe", 1),
        ("people", 2),
        ("asked", 1),
        ("wanted", 2),
        ("services", 3),
        ("restorative", 4),
        ("justice", 2),
        ("facilitator", 5),
        ("police", 2),
        ("area", 3),
        ("happens", 2),
        ("makes", 1),
        ("video", 3),
        ("responsible", 4),
        ("BBC", 3),
    ] {
        assert_eq!(syllables(word), expected, "{word}");
    }
}

#[test]
fn scorer_agrees_with_known_texts() {
    // Simple text scores high; dense text scores low.
    let (easy, ..) = flesch("The cat sat on the mat. It was a big cat. The dog ran.");
    assert!(easy > 90.0, "{easy}");
    let (hard, ..) = flesch(
        "Notwithstanding the aforementioned considerations, institutional \
         accountability necessitates comprehensive administrative documentation.",
    );
    assert!(hard < 10.0, "{hard}");
}

#[tokio::test]
async fn every_english_page_is_plain_english() {
    let app = app().await;
    let mut failures = Vec::new();
    println!(
        "{:<45} {:>6} {:>6} {:>6} {:>6}",
        "page", "score", "min.", "words", "sent."
    );
    for &p in Page::ALL.iter().filter(|p| !LISTS.contains(p)) {
        let path = p.path(Lang::En);
        let html = page(&app, &path, StatusCode::OK).await;
        let (score, words, sentences, _) = flesch(&main_text(&html));
        let minimum = minimum(p);
        println!("{path:<45} {score:>6.1} {minimum:>6.0} {words:>6} {sentences:>6}");
        if score < minimum {
            failures.push(format!("{path}: {score:.1} (at least {minimum})"));
        }
    }
    let easy_read = Page::ALL
        .iter()
        .filter(|&&p| rj::pages::easy_read::is_easy_read(p))
        .count();
    assert!(
        easy_read >= 5,
        "only {easy_read} Easy Read pages were scored"
    );
    assert!(
        failures.is_empty(),
        "Flesch reading ease too low: {failures:?}"
    );
}

/// The words the referral flow puts together for who gets a request and who will
/// contact the person (the consent, the confirmation page and email, the youth justice
/// note, the triage email's opening): each is plain English on its own, with real names.
#[test]
fn the_words_about_where_a_request_goes_are_plain_english() {
    let tr = rj::i18n::Tr(Lang::En);
    let args = [
        (
            "service",
            "Kent and Medway Restorative Justice Service".into(),
        ),
        ("operator", "Example Restorative Justice Partnership".into()),
        ("area", "Dyfed-Powys".into()),
        ("reference", "RJ-4K7P-Q2MB".into()),
    ];
    let mut failures = Vec::new();
    for id in [
        "refer-under-18-hint",
        "refer-consent",
        "refer-consent-triage",
        "refer-consent-triage-none",
        "refer-consent-any",
        "refer-sent-next",
        "refer-sent-next-triage",
        "refer-sent-next-triage-none",
        "confirm-body",
        "confirm-body-triage",
        "confirm-body-triage-none",
        "email-triage-named",
        "email-triage-none",
        "email-youth-flag",
    ] {
        let text = rj::i18n::unmarked(&tr.t_args(id, &args));
        let (score, words, ..) = flesch(&text);
        println!("{id:<30} {score:>6.1} {words:>6}");
        if score < MINIMUM {
            failures.push(format!("{id}: {score:.1}: {text}"));
        }
    }
    assert!(
        failures.is_empty(),
        "Flesch reading ease too low:\n{}",
        failures.join("\n")
    );
}

// ---- Easy Read in Welsh is as easy as in English ----

/// How many words a Welsh Easy Read sentence may have beyond its English one: Welsh
/// needs a few more ("Mae'r person sy'n helpu" for "The helper"), not a clause more.
const EASY_READ_SLACK: usize = 5;
/// No Easy Read sentence is longer than this, in either language.
const EASY_READ_LONGEST: usize = 15;

/// The sentences of an Easy Read message, without markup or a "Right 1:" label.
fn easy_read_sentences(text: &str) -> Vec<String> {
    let text = rj::i18n::unmarked(text).replace("**", "");
    // [words](page:x) is read as its words.
    let mut plain = String::new();
    let mut rest = text.as_str();
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|i| open + i) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|i| close + i) else {
            break;
        };
        plain.push_str(&rest[..open]);
        plain.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    plain.push_str(rest);
    let plain = plain.trim();
    let plain = match plain.split_once(": ") {
        Some((label, body))
            if label.split(' ').count() == 2 && label.ends_with(|c: char| c.is_ascii_digit()) =>
        {
            body
        }
        _ => plain,
    };
    let mut out = Vec::new();
    let mut current = String::new();
    let chars: Vec<char> = plain.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        current.push(c);
        let at_end = chars.get(i + 1).is_none_or(|n| n.is_whitespace());
        let stop = ".?!".contains(c);
        // "'Fi wnaeth hyn.'": the sentence ends after the closing quote.
        let quoted = "'’".contains(c) && i > 0 && ".?!".contains(chars[i - 1]);
        if (stop || quoted) && at_end {
            out.push(current.trim().to_string());
            current.clear();
        }
    }
    if !current.trim().is_empty() {
        out.push(current.trim().to_string());
    }
    out
}

fn word_count(sentence: &str) -> usize {
    sentence
        .split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// What is wrong with a Welsh Easy Read message against its English one, if anything:
/// a sentence over the limit, or longer than its English one by more than the slack
/// (sentence by sentence where both have as many, else against the longest English).
fn easy_read_problem(en: &str, cy: &str) -> Option<String> {
    let en: Vec<usize> = easy_read_sentences(en)
        .iter()
        .map(|s| word_count(s))
        .collect();
    let cy_sentences = easy_read_sentences(cy);
    let cy: Vec<usize> = cy_sentences.iter().map(|s| word_count(s)).collect();
    let longest_en = en.iter().copied().max().unwrap_or(0);
    for (i, (&words, sentence)) in cy.iter().zip(&cy_sentences).enumerate() {
        let english = if en.len() == cy.len() {
            en[i]
        } else {
            longest_en
        };
        if words > EASY_READ_LONGEST {
            return Some(format!("{words} words: {sentence}"));
        }
        if words > english + EASY_READ_SLACK {
            return Some(format!("{words} words, English {english}: {sentence}"));
        }
    }
    en.iter()
        .find(|&&w| w > EASY_READ_LONGEST)
        .map(|w| format!("the English has a sentence of {w} words"))
}

#[test]
fn the_easy_read_check_finds_a_long_welsh_sentence() {
    assert_eq!(
        easy_read_sentences(
            "Hawl 5: Dylech chi gael **gwybod**. Rhaid i'r person ddweud: **'Fi wnaeth hyn.'** [Ffoniwch](tel:999)."
        ),
        [
            "Dylech chi gael gwybod.",
            "Rhaid i'r person ddweud: 'Fi wnaeth hyn.'",
            "Ffoniwch."
        ]
    );
    // Review ER7 and ER13, as they were.
    assert!(easy_read_problem(
        "You can ask even if you did **not report** the crime to the police.",
        "Gallwch chi ofyn hyd yn oed os **na wnaethoch chi roi gwybod** i'r heddlu am y drosedd.",
    )
    .is_some());
    assert!(
        easy_read_problem(
            "First, the helper meets you on your own.",
            "Yn gyntaf, mae'r hwylusydd yn cwrdd â chi ar eich pen eich hun, ac yn siarad.",
        )
        .is_some()
    );
    assert!(easy_read_problem("It is **your choice**.", "**Chi sy'n dewis**.").is_none());
}

/// The Welsh Easy Read is as easy as the English (review ER1-ER13): no sentence over 15
/// words, none more than a few words longer than its English.
#[test]
fn welsh_easy_read_sentences_are_no_longer_than_the_english() {
    use rj::i18n::Tr;
    let ids: Vec<String> = std::fs::read_dir("locales/en")
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| {
            p.file_name()
                .is_some_and(|n| n.to_string_lossy().starts_with("easy-read"))
        })
        .flat_map(|p| {
            std::fs::read_to_string(p)
                .unwrap()
                .lines()
                .filter_map(|l| l.split_once(" =").map(|(id, _)| id.to_string()))
                .filter(|id| !id.starts_with('#') && !id.contains(' '))
                .collect::<Vec<_>>()
        })
        .filter(|id| id.starts_with("easy-read-") && id != "easy-read-page-title")
        .collect();
    assert!(ids.len() > 60, "only {} Easy Read messages", ids.len());
    let mut problems = Vec::new();
    for id in &ids {
        let (en, cy) = (Tr(Lang::En).t(id), Tr(Lang::Cy).t(id));
        if let Some(problem) = easy_read_problem(&en, &cy) {
            problems.push(format!("{id}: {problem}"));
        }
    }
    assert!(
        problems.is_empty(),
        "Welsh Easy Read harder than the English:\n{}",
        problems.join("\n")
    );
}

//! Welsh spelling: `aspell -l cy` (Debian `aspell-cy`) over the text of every Welsh page
//! finds no more than 2% unknown words. The dictionary is dated: correct words it lacks,
//! official terms and proper nouns are listed, each checked, in `tests/data/cy-words.txt`.
//! No Welsh page has a common English word (one `aspell -l en` knows and the Welsh
//! dictionary and the list do not) outside an element marked `lang="en"`.
//! The Welsh of the emails (the service email and the confirmation) is checked the same
//! way. Run with `--nocapture` to see each page's and email's rate, before ("raw") and
//! after the list, and the words aspell did not know; `SHOW_EMAILS=1` also prints the
//! emails' Welsh text as checked.

use crate::common;

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

/// The spelling of several Welsh texts: a table row for each (`--nocapture`), those
/// with too many unknown words, and every word neither aspell nor the list knows.
struct Spelling {
    reviewed: Reviewed,
    failures: Vec<String>,
    all_unknown: BTreeSet<String>,
}

impl Spelling {
    /// Prints the table's heading; `what` names the first column.
    fn new(what: &str) -> Self {
        println!(
            "{what:<48} {:>6} {:>8} {:>7} {:>9}",
            "words", "unknown", "rate", "raw rate"
        );
        Self {
            reviewed: reviewed(),
            failures: Vec::new(),
            all_unknown: BTreeSet::new(),
        }
    }

    /// Checks one text and says how many words it has.
    fn check(&mut self, name: &str, text: &str) -> usize {
        let words = welsh_words(text);
        // The raw rate is before the reviewed list (words and whole names) is applied.
        let raw_rate = aspell_unknown(&words).len() as f64 / words.len().max(1) as f64;
        let unknown: Vec<String> =
            aspell_unknown(&welsh_words(&self.reviewed.without_phrases(text)))
                .into_iter()
                .filter(|w| !self.reviewed.words.contains(&w.to_lowercase()))
                .collect();
        let rate = unknown.len() as f64 / words.len().max(1) as f64;
        println!(
            "{name:<48} {:>6} {:>8} {:>6.2}% {:>8.2}%",
            words.len(),
            unknown.len(),
            rate * 100.0,
            raw_rate * 100.0
        );
        self.all_unknown.extend(unknown.iter().cloned());
        if rate > MAXIMUM_UNKNOWN {
            self.failures
                .push(format!("{name}: {:.1}% unknown: {unknown:?}", rate * 100.0));
        }
        words.len()
    }

    fn assert_passed(self, what: &str) {
        println!(
            "not in the dictionary or the reviewed list: {:?}",
            self.all_unknown
        );
        assert!(
            self.failures.is_empty(),
            "too many unknown Welsh words in {what}:\n{}",
            self.failures.join("\n")
        );
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
    let mut spelling = Spelling::new("page");
    for &p in Page::ALL {
        let path = p.path(Lang::Cy);
        let html = page(&app, &path, StatusCode::OK).await;
        // The operator's contact is a deployment setting, not the site's Welsh; its
        // English name is marked lang="en" and left out with the other English names.
        let site = rj::site::SiteSettings::default();
        let text = main_text(&without_lang(&html, "en")).replace(&site.operator_contact, " ");
        spelling.check(&path, &text);
    }
    spelling.assert_passed("Welsh pages");
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

// ---- the emails, checked like the pages ----

/// Takes out what is not the site's Welsh: email and web addresses, and `names` (the
/// person's answers, the reference, and English names a plain-text email cannot mark).
fn without_data(text: &str, names: &[String]) -> String {
    let text = names
        .iter()
        .fold(text.to_string(), |t, n| t.replace(n.as_str(), " "));
    text.split_whitespace()
        .filter(|w| !w.contains('@') && !w.contains("://"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The Welsh the emails show, as (which email, text): the service email (full, and the
/// inbox email with its reminder) and the confirmation for a Welsh request (North Wales: through triage, a youth justice case;
/// and straight to the service) and for an English-language request in an area in Wales
/// with no service listed (Dyfed-Powys), where the email is still bilingual. The HTML's
/// English parts (`lang="en"`) are left out, as on pages.
fn welsh_emails() -> Vec<(String, String)> {
    use mail_parser::MessageParser;
    use rj::areas::Areas;
    use rj::areas::directory::{Directory, Routing, RoutingRules};
    use rj::mail::address::EmailAddress;
    use rj::mail::render::{Sender, confirmation_email, inbox_email, service_email};
    use rj::referral::form::{Answer3, ContactLanguage, ContactMethod, Referral, Relationship};
    use rj::referral::reference::Reference;

    let areas = Areas::embedded().unwrap();
    let site = rj::site::SiteSettings::default();
    let sender = Sender::new(
        "Restorative justice help <no-reply@rj.example.org>"
            .parse()
            .unwrap(),
        None,
        &site,
    );
    let ack = rj::referral::ack::AckTokens::new(
        rj::keys::Secrets::from_text("a-test-secret").ring(rj::keys::Purpose::AckLink),
    );
    let triage = EmailAddress::parse("triage@rj.example.org").unwrap();
    let directory = |routing: &str| {
        Directory::parse(
            include_str!("../../data/services.toml"),
            "services.toml",
            &areas,
            false,
        )
        .unwrap()
        .with_routing(
            Routing::parse(
                routing,
                "routing.toml",
                &areas,
                &RoutingRules::new(triage.clone(), false),
            )
            .unwrap(),
        )
    };
    let through_triage = directory("");
    let direct = directory("[[route]]\narea = \"north-wales\"\nemail = \"nw@rj.example.org\"\n");
    let referral = |area: &str, lang: ContactLanguage| Referral {
        area: area.into(),
        relationship: Relationship::Harmed,
        full_name: "Person Prawf".into(),
        contact_method: ContactMethod::Phone,
        phone: Some("01632 960 001".into()),
        email: Some(EmailAddress::parse("person@example.net").unwrap()),
        voicemail_ok: false,
        say_rj_ok: true,
        safe_times: None,
        contact_language: lang,
        reported: Answer3::Yes,
        crime_reference: None,
        responsible_under_18: Answer3::Yes,
        support_needs: None,
        message: None,
        confirmation_email: true,
    };
    let reference = Reference::generate(|| 0x1234_5678_9abc);
    // English names the directory knows no Welsh for, and the operator's English name:
    // a plain-text email cannot mark them.
    let mut names: Vec<String> = through_triage
        .all()
        .iter()
        .filter(|s| s.name_cy.is_none())
        .map(|s| s.name.clone())
        .collect();
    names.extend([
        site.operator_name.clone(),
        "Person Prawf".into(),
        reference.to_string(),
    ]);
    let mut out = Vec::new();
    for (what, directory, area, lang) in [
        (
            "north-wales, Welsh, triage",
            &through_triage,
            "north-wales",
            ContactLanguage::Cy,
        ),
        (
            "north-wales, Welsh, direct",
            &direct,
            "north-wales",
            ContactLanguage::Cy,
        ),
        (
            "dyfed-powys, English, triage",
            &through_triage,
            "dyfed-powys",
            ContactLanguage::En,
        ),
    ] {
        let r = referral(area, lang);
        let area = areas.by_slug(area).unwrap();
        let route = directory.route(area.id, r.youth_justice());
        let raw = service_email(reference, &r, area, &route, &sender, &ack)
            .unwrap()
            .formatted();
        let email = MessageParser::default().parse(&raw).unwrap();
        let subject = email.subject().unwrap();
        let welsh_subject = subject.split(" / ").next().unwrap();
        let html = email.body_html(0).unwrap();
        let body = body_text(&without_lang(&html, "en"));
        out.push((
            format!("service email ({what})"),
            without_data(&format!("{welsh_subject}.\n{body}"), &names),
        ));
        // The email with no personal data that links into the staff inbox (the
        // default delivery), and its reminder: the Welsh part, before the English.
        for reminder in [None, Some(rj::mail::render::Reminder { first_sent_at: 0 })] {
            let langs = rj::mail::render::service_languages(area, &r);
            let raw = inbox_email(reference, area, &route, &sender, &langs, 0, reminder)
                .unwrap()
                .formatted();
            let email = MessageParser::default().parse(&raw).unwrap();
            let welsh_subject = email.subject().unwrap().split(" / ").next().unwrap();
            let text = email.body_text(0).unwrap();
            let welsh = text.split("\n----------").next().unwrap();
            let kind = if reminder.is_some() {
                "reminder"
            } else {
                "email"
            };
            out.push((
                format!("inbox {kind} ({what})"),
                without_data(&format!("{welsh_subject}.\n{welsh}"), &names),
            ));
        }
        if lang == ContactLanguage::Cy {
            let raw = confirmation_email(reference, &r, &route, &sender)
                .unwrap()
                .unwrap()
                .formatted();
            let email = MessageParser::default().parse(&raw).unwrap();
            let text = format!(
                "{}.\n{}",
                email.subject().unwrap(),
                email.body_text(0).unwrap()
            );
            out.push((
                format!("confirmation ({what})"),
                without_data(&text, &names),
            ));
        }
    }
    out
}

#[test]
fn the_welsh_in_the_emails_is_spelled_correctly() {
    let mut spelling = Spelling::new("email");
    for (what, text) in welsh_emails() {
        if std::env::var_os("SHOW_EMAILS").is_some() {
            println!("==== {what}\n{text}");
        }
        let words = spelling.check(&what, &text);
        assert!(words > 20, "{what}: too little text to check: {text}");
    }
    spelling.assert_passed("the emails");
}

#[test]
fn no_welsh_email_has_english_words_outside_lang_en() {
    let reviewed = reviewed();
    let mut failures = Vec::new();
    for (what, text) in welsh_emails() {
        let unknown: Vec<String> = aspell_unknown(&welsh_words(&reviewed.without_phrases(&text)))
            .into_iter()
            .filter(|w| !reviewed.words.contains(&w.to_lowercase()))
            .collect();
        let english = english(&unknown);
        if !english.is_empty() {
            failures.push(format!("{what}: {english:?}"));
        }
    }
    assert!(
        failures.is_empty(),
        "English words in the Welsh of the emails: translate them, or mark a name as \
         English with <en>…</en> in the locale file:\n{}",
        failures.join("\n")
    );
}

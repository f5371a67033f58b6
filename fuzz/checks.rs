//! What each fuzz target checks, one function per target, for any bytes. The fuzz
//! targets (`fuzz_targets/`) call these, and `tests/app/lookup.rs` replays the seeds and
//! every input a fuzzer once failed on (`regressions/`) through the same functions in
//! `make test`. Each panics on a fault.

use leptos::prelude::*;
use rj::areas::Areas;
use rj::areas::directory::Directory;
use rj::areas::postcode::{Outward, Query};
use rj::components::prose::{Prose, parse};
use rj::i18n::Lang;
use rj::referral::decide::{Outcome, Rules, decide, read};
use rj::referral::form;
use rj::referral::token::FormTokens;
use std::sync::LazyLock;

static AREAS: LazyLock<Areas> = LazyLock::new(|| Areas::embedded().expect("embedded data"));
static TOKENS: LazyLock<FormTokens> = LazyLock::new(|| {
    FormTokens::new(
        rj::keys::Secrets::from_text("fuzzing-secret-fuzzing-secret-0123")
            .ring(rj::keys::Purpose::FormToken),
    )
});
const NOW: i64 = 1_800_000_000;

/// One target's check of one input.
pub type Check = fn(&[u8]);

/// The fuzz targets by name, for the replay.
pub const TARGETS: &[(&str, Check)] = &[
    ("form_decide", form_decide),
    ("postcode", postcode),
    ("prose", prose),
    ("directory", directory),
    ("token", token),
];

/// The referral form's body parser and the Send decision: any bytes as a posted body.
/// Never a panic; a request to store is always complete and reads back as the same
/// request.
pub fn form_decide(data: &[u8]) {
    // A valid token joins the body half the time, so Send reaches the store.
    let mut body = data.to_vec();
    if data.first().is_some_and(|b| b & 1 == 1) {
        body.extend_from_slice(b"&token=");
        body.extend_from_slice(TOKENS.issue([7; 16], NOW - 60).as_bytes());
    }
    let posted = read(&body);
    let known = |slug: &str| AREAS.by_slug(slug).is_some();
    let rules = Rules {
        tokens: &TOKENS,
        now: NOW,
        min_fill_seconds: 3,
        known_area: &known,
    };
    if let Outcome::Store { key, referral } = decide(posted, &rules, || "fresh".into()) {
        assert!(key.contains('.'), "the key has the answers' digest");
        // What is stored, posted again, is the same request.
        assert!(form::parse(&referral.answers(), known) == Ok(referral));
    }
}

/// The postcode parser and the whole lookup: any text a person might type.
pub fn postcode(data: &[u8]) {
    let _ = Outward::parse(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Query::parse(text);
        let _ = AREAS.lookup(text);
        let _ = AREAS.postcode_area(text);
    }
}

/// The elements the prose markup can make.
const PROSE_ELEMENTS: &[&str] = &["p", "ul", "ol", "li", "a", "strong", "span", "h3"];

/// How a link the prose markup makes may begin: a page of the site, an anchor, a phone
/// number or a secure address.
const PROSE_LINKS: &[&str] = &["/", "#", "tel:", "sms:", "https://"];

/// The locale files' text markup, parsed and rendered to HTML: whatever the text, the
/// HTML has no element the markup cannot make and no link it does not allow.
pub fn prose(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for lang in Lang::ALL {
        let _ = parse(text, lang);
        let text = text.to_string();
        let html = view! { <Prose text lang /> }.to_html();
        for tag in html.split('<').skip(1) {
            // `<!>` and `<!-- -->` are Leptos's own markers.
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(char::is_ascii_alphanumeric)
                .collect();
            assert!(
                tag.starts_with('!') || PROSE_ELEMENTS.contains(&name.as_str()),
                "markup made <{name}>: {html}"
            );
        }
        for href in html.split(" href=\"").skip(1) {
            assert!(
                PROSE_LINKS.iter().any(|start| href.starts_with(start)),
                "markup made a link to {href}"
            );
        }
    }
}

/// The service directory's parser: any file an operator might write.
pub fn directory(data: &[u8]) {
    if let Ok(text) = std::str::from_utf8(data) {
        for production in [false, true] {
            let _ = Directory::parse(text, "fuzz.toml", &AREAS, production);
        }
    }
}

/// Whether `text` is a token issued under the fuzz targets' secret: the token seed
/// `issued` must be one, so the fuzzer starts from a token that checks.
pub fn is_issued_token(text: &str) -> bool {
    TOKENS.check(text).is_some()
}

/// The form token checker: any text as a token. Only tokens we issued check, and a
/// checked token's contents issue the same token again.
pub fn token(data: &[u8]) {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(checked) = TOKENS.check(text) {
        assert!(
            TOKENS.check(&TOKENS.issue(checked.key_bytes(), checked.issued_at)) == Some(checked),
            "a token that checks is one we could issue"
        );
    }
    // Issued tokens always check.
    let mut key = [0u8; 16];
    for (k, b) in key.iter_mut().zip(data) {
        *k = *b;
    }
    let issued = TOKENS.issue(key, i64::from(data.len() as u32));
    assert!(TOKENS.check(&issued).is_some());
}

//! The referral form's body parser and the Send decision: any bytes as a posted body,
//! under every action. Never a panic; a request to store is always complete and reads
//! back as the same request.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rj::areas::Areas;
use rj::referral::decide::{Outcome, Rules, decide, read};
use rj::referral::fields::Field;
use rj::referral::form::{self, Answers};
use rj::referral::token::FormTokens;
use std::sync::LazyLock;

static AREAS: LazyLock<Areas> = LazyLock::new(|| Areas::embedded().expect("embedded data"));
static TOKENS: LazyLock<FormTokens> =
    LazyLock::new(|| FormTokens::new(b"fuzzing-secret-fuzzing-secret-0123"));
const NOW: i64 = 1_800_000_000;

fuzz_target!(|data: &[u8]| {
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
        let again: Answers = Field::ALL
            .into_iter()
            .filter_map(|f| referral.wire(f).map(|v| (f, v)))
            .collect();
        assert!(form::parse(&again, known) == Ok(referral));
    }
});

//! The form token checker: any text as a token. Only tokens we issued check, and a
//! checked token's contents issue the same token again.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rj::referral::token::FormTokens;
use std::sync::LazyLock;

static TOKENS: LazyLock<FormTokens> =
    LazyLock::new(|| FormTokens::new(b"fuzzing-secret-fuzzing-secret-0123"));

fuzz_target!(|data: &[u8]| {
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
});

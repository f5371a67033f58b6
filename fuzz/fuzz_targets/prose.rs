//! The locale files' text markup, parsed and rendered to HTML: whatever the text, the
//! HTML has no element the markup cannot make.
#![no_main]

use leptos::prelude::*;
use libfuzzer_sys::fuzz_target;
use rj::components::prose::{Prose, parse};
use rj::i18n::Lang;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for lang in Lang::ALL {
        let _ = parse(text, lang);
        let text = text.to_string();
        let html = view! { <Prose text lang /> }.to_html();
        assert!(!html.contains("<script"), "markup became a script");
    }
});

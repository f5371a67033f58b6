//! The postcode parser and the whole lookup: any text a person might type.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rj::areas::Areas;
use rj::areas::postcode::{Outward, Query};
use std::sync::LazyLock;

static AREAS: LazyLock<Areas> = LazyLock::new(|| Areas::embedded().expect("embedded data"));

fuzz_target!(|data: &[u8]| {
    let _ = Outward::parse(data);
    if let Ok(text) = std::str::from_utf8(data) {
        let _ = Query::parse(text);
        let _ = AREAS.lookup(text);
        let _ = AREAS.postcode_area(text);
    }
});

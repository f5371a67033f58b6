//! The service directory's parser: any file an operator might write.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rj::areas::Areas;
use rj::areas::directory::Directory;
use std::sync::LazyLock;

static AREAS: LazyLock<Areas> = LazyLock::new(|| Areas::embedded().expect("embedded data"));

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data) {
        for production in [false, true] {
            let _ = Directory::parse(text, "fuzz.toml", &AREAS, production);
        }
    }
});

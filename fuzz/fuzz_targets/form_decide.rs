//! Fuzz target: see `checks::form_decide` (shared with the replay in `tests/lookup.rs`).
#![no_main]

// Each target uses one of the shared checks.
#[allow(dead_code)]
#[path = "../checks.rs"]
mod checks;

libfuzzer_sys::fuzz_target!(|data: &[u8]| checks::form_decide(data));

//! The addresses of the static files pages link (`public/`), each with a version tag
//! from its content, so browsers may cache them for a year and still pick up a change
//! at once.

const EXIT_SCRIPT_VERSION: u64 = content_hash(include_bytes!("../../public/js/exit.js"));
const STYLESHEET_VERSION: u64 = content_hash(include_bytes!("../../public/css/main.css"));

/// The quick-exit script's address.
pub fn exit_script_url() -> String {
    format!("/js/exit.js?v={EXIT_SCRIPT_VERSION:016x}")
}

/// The stylesheet's address.
pub fn stylesheet_url() -> String {
    format!("/css/main.css?v={STYLESHEET_VERSION:016x}")
}

/// A short hash (FNV-1a) of a static file, for its `?v=` version tag.
pub const fn content_hash(bytes: &[u8]) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u64;
        hash = hash.wrapping_mul(0x0100_0000_01b3);
        i += 1;
    }
    hash
}

//! Data the tests compare with but the project does not ship: the researched reference
//! tables in `../shared/data` beside the project (or `RJ_SHARED_DATA`), and the sources
//! `data/build.py --fetch-only` fetches to `var/data/`. Where one is absent a test
//! skips, saying why, unless `RJ_REQUIRE_DATA` is set (`make test` sets it): then it
//! fails.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// `path` if it exists. If not, the test fails under `RJ_REQUIRE_DATA`, with `missing`
/// (what is missing and how to get it), or else says so loudly and is to be skipped.
pub fn required(path: PathBuf, missing: impl FnOnce() -> String) -> Option<PathBuf> {
    if path.exists() {
        return Some(path);
    }
    let message = missing();
    assert!(
        std::env::var_os("RJ_REQUIRE_DATA").is_none(),
        "RJ_REQUIRE_DATA is set and {message}"
    );
    eprintln!("\n*** SKIPPED: {message} (set RJ_REQUIRE_DATA=1 to fail instead) ***\n");
    None
}

/// The shared data folder, if it holds `file`.
pub fn shared_data(file: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("RJ_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    required(dir.join(file), || {
        format!(
            "there is no {file} in {} (the researched data sits beside the project; \
             RJ_SHARED_DATA names another folder)",
            dir.display()
        )
    })?;
    Some(dir)
}

/// A CSV file's rows, each a map from column name to value.
pub fn read_csv(path: &Path) -> Vec<HashMap<String, String>> {
    let mut reader = csv::Reader::from_path(path).unwrap();
    let headers = reader.headers().unwrap().clone();
    reader
        .records()
        .map(|r| {
            headers
                .iter()
                .map(String::from)
                .zip(r.unwrap().iter().map(String::from))
                .collect()
        })
        .collect()
}

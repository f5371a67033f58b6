//! The researched reference tables in `../shared/data` beside the project (or
//! `RJ_SHARED_DATA`): tests that compare with them skip, loudly, where they are absent.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

/// The shared data folder, if it holds `file`.
pub fn shared_data(file: &str) -> Option<PathBuf> {
    let dir = std::env::var_os("RJ_SHARED_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    if dir.join(file).exists() {
        Some(dir)
    } else {
        eprintln!(
            "SKIPPED: no {file} at {} (it sits beside the project in CI)",
            dir.display()
        );
        None
    }
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

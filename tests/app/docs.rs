//! The docs stay true to the tree: every path the architecture page names exists, and
//! every relative link between the docs reaches a file.

use std::path::Path;

/// Paths in backticks or in the tree block that look like files or folders of this
/// repository (`src/…`, `tests/…`, `data/…` and the like).
fn named_paths(text: &str) -> Vec<String> {
    let roots = [
        "src/",
        "tests/",
        "data/",
        "public/",
        "locales/",
        "migrations/",
        "deploy/",
        "benches/",
        "end2end/",
        "fuzz/",
        "docs/",
    ];
    let mut paths = Vec::new();
    // The tree: a name in the first column (`  name/` or `  name.rs`, two spaces a
    // level), then what it holds, which may name files inside it (`(form.rs)`).
    let file =
        regex::Regex::new(r"[A-Za-z0-9_/.-]+\.(rs|md|py|toml|css|js|sql|csv|bin|sh|ts)\b").unwrap();
    let mut folder: Vec<(usize, String)> = Vec::new();
    let mut current = String::new();
    let mut in_tree = false;
    for line in text.lines() {
        if line.starts_with("```") {
            in_tree = !in_tree;
            folder.clear();
            continue;
        }
        if !in_tree {
            continue;
        }
        let indent = line.len() - line.trim_start().len();
        let mut words = line.split_whitespace();
        let description = if indent < 8 {
            let Some(name) = words.next() else { continue };
            // "locales/en, cy": the first of a pair.
            let name = name.trim_end_matches(',');
            folder.retain(|(i, _)| *i < indent);
            let parent: String = folder.iter().map(|(_, f)| f.as_str()).collect();
            current = format!("{parent}{name}");
            paths.push(current.clone());
            if name.ends_with('/') {
                folder.push((indent, name.to_string()));
            }
            words.collect::<Vec<_>>().join(" ")
        } else {
            line.trim().to_string()
        };
        // Files named in a folder's description are inside it.
        if current.ends_with('/') {
            for m in file.find_iter(&description) {
                let name = m.as_str();
                if !name.contains("::") && !name.starts_with("rj") {
                    paths.push(format!("{current}{name}"));
                }
            }
        }
    }
    for piece in text.split('`').skip(1).step_by(2) {
        let piece = piece.trim();
        if roots.iter().any(|r| piece.starts_with(r))
            && !piece.contains(' ')
            && !piece.contains('<')
            && !piece.contains('*')
        {
            paths.push(piece.to_string());
        }
    }
    paths
}

#[test]
fn every_path_the_architecture_page_names_exists() {
    let text = std::fs::read_to_string("docs/architecture.md").unwrap();
    let paths = named_paths(&text);
    assert!(paths.len() > 40, "the tree was read: {paths:?}");
    let missing: Vec<_> = paths
        .iter()
        .filter(|p| !Path::new(p.trim_end_matches('/')).exists())
        .collect();
    assert!(
        missing.is_empty(),
        "named in docs/architecture.md but missing: {missing:?}"
    );
}

#[test]
fn every_relative_link_in_the_docs_reaches_a_file() {
    let mut pages = vec!["README.md".to_string()];
    for entry in std::fs::read_dir("docs").unwrap() {
        let path = entry.unwrap().path();
        // Pages only: docs/ also holds the API's JSON Schema (docs/api/) and examples
        // (docs/webhooks/receiver.py).
        if path.extension().is_some_and(|e| e == "md") {
            pages.push(path.display().to_string());
        }
    }
    let link = regex::Regex::new(r"\]\(([^)#\s]+)(#[^)]*)?\)").unwrap();
    let mut broken = Vec::new();
    for page in &pages {
        let text = std::fs::read_to_string(page).unwrap();
        let dir = Path::new(page).parent().unwrap();
        for c in link.captures_iter(&text) {
            let target = &c[1];
            // Web addresses, and markup examples such as `(page:questions)`.
            if target.contains(':') {
                continue;
            }
            if !dir.join(target).exists() {
                broken.push(format!("{page} → {target}"));
            }
        }
    }
    assert!(broken.is_empty(), "{broken:?}");
}

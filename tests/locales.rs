//! The English and Welsh Fluent files must match: the same files, message ids,
//! attributes and variables; every message id the code asks for must exist; no file may
//! have a syntax error. (fluent-templates would quietly show English for a missing
//! Welsh message, so this test is what keeps Welsh complete.)

use fluent_syntax::ast::{Entry, Expression, InlineExpression, Pattern, PatternElement};
use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

/// For each message or term: its attribute names and the variables it uses.
type Shape = BTreeMap<String, (BTreeSet<String>, BTreeSet<String>)>;

fn load(lang: &str) -> BTreeMap<String, Shape> {
    let dir = Path::new("locales").join(lang);
    let mut files = BTreeMap::new();
    for entry in std::fs::read_dir(&dir).expect("locale folder") {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            let name = path.file_name().unwrap().to_string_lossy().into_owned();
            let source = std::fs::read_to_string(&path).unwrap();
            files.insert(name, shape(&path, &source));
        }
    }
    files
}

fn shape(path: &Path, source: &str) -> Shape {
    let resource = fluent_syntax::parser::parse(source)
        .unwrap_or_else(|(_, errors)| panic!("{}: syntax errors: {errors:?}", path.display()));
    let mut shape = Shape::new();
    for entry in resource.body {
        let (id, value, attributes) = match entry {
            Entry::Message(m) => (m.id.name.to_string(), m.value, m.attributes),
            Entry::Term(t) => (format!("-{}", t.id.name), Some(t.value), t.attributes),
            Entry::Junk { content } => panic!("{}: cannot parse {content:?}", path.display()),
            _ => continue,
        };
        let mut vars = BTreeSet::new();
        if let Some(value) = &value {
            pattern_vars(value, &mut vars);
        }
        let mut attrs = BTreeSet::new();
        for a in &attributes {
            attrs.insert(a.id.name.to_string());
            pattern_vars(&a.value, &mut vars);
        }
        assert!(
            shape.insert(id.clone(), (attrs, vars)).is_none(),
            "{}: {id} twice",
            path.display()
        );
    }
    shape
}

fn pattern_vars(pattern: &Pattern<&str>, vars: &mut BTreeSet<String>) {
    for element in &pattern.elements {
        if let PatternElement::Placeable { expression } = element {
            expression_vars(expression, vars);
        }
    }
}

fn expression_vars(expression: &Expression<&str>, vars: &mut BTreeSet<String>) {
    match expression {
        Expression::Select { selector, variants } => {
            inline_vars(selector, vars);
            for v in variants {
                pattern_vars(&v.value, vars);
            }
        }
        Expression::Inline(inline) => inline_vars(inline, vars),
    }
}

fn inline_vars(inline: &InlineExpression<&str>, vars: &mut BTreeSet<String>) {
    match inline {
        InlineExpression::VariableReference { id } => {
            vars.insert(id.name.to_string());
        }
        InlineExpression::FunctionReference { arguments, .. } => {
            for a in &arguments.positional {
                inline_vars(a, vars);
            }
            for a in &arguments.named {
                inline_vars(&a.value, vars);
            }
        }
        InlineExpression::Placeable { expression } => expression_vars(expression, vars),
        _ => {}
    }
}

#[test]
fn english_and_welsh_match() {
    let en = load("en");
    let cy = load("cy");
    let en_files: BTreeSet<_> = en.keys().collect();
    let cy_files: BTreeSet<_> = cy.keys().collect();
    assert_eq!(
        en_files, cy_files,
        "the same .ftl files in locales/en and locales/cy"
    );

    let mut problems = Vec::new();
    for (file, en_shape) in &en {
        let cy_shape = &cy[file];
        for (id, (attrs, vars)) in en_shape {
            match cy_shape.get(id) {
                None => problems.push(format!("{file}: `{id}` is missing in Welsh")),
                Some((cy_attrs, cy_vars)) => {
                    if attrs != cy_attrs {
                        problems.push(format!(
                            "{file}: `{id}` attributes en {attrs:?} cy {cy_attrs:?}"
                        ));
                    }
                    if vars != cy_vars {
                        problems.push(format!(
                            "{file}: `{id}` variables en {vars:?} cy {cy_vars:?}"
                        ));
                    }
                }
            }
        }
        for id in cy_shape.keys().filter(|id| !en_shape.contains_key(*id)) {
            problems.push(format!("{file}: `{id}` is missing in English"));
        }
    }
    assert!(
        problems.is_empty(),
        "locale mismatches:\n{}",
        problems.join("\n")
    );
}

#[test]
fn message_ids_are_unique_across_files() {
    let mut seen = BTreeMap::new();
    for (file, shape) in load("en") {
        for id in shape.keys() {
            if let Some(other) = seen.insert(id.clone(), file.clone()) {
                panic!("`{id}` is in both {other} and {file}");
            }
        }
    }
}

/// Every literal id passed to `t(…)`, `t_args(…)` or `has(…)` in `src/` exists.
#[test]
fn every_message_the_code_uses_exists() {
    let ids: BTreeSet<String> = load("en")
        .into_values()
        .flat_map(|s| s.into_keys())
        .collect();
    let call = regex::Regex::new(r#"\.(?:t|t_args|has)\(\s*"([a-z0-9-]+)""#).unwrap();
    let mut missing = Vec::new();
    let mut used = 0;
    visit(Path::new("src"), &mut |path, source| {
        for cap in call.captures_iter(source) {
            used += 1;
            if !ids.contains(&cap[1]) {
                missing.push(format!("{}: {}", path.display(), &cap[1]));
            }
        }
    });
    assert!(
        used > 10,
        "the scan found only {used} uses: is the pattern out of date?"
    );
    assert!(
        missing.is_empty(),
        "ids used in code but not in locales/en:\n{}",
        missing.join("\n")
    );
}

fn visit(dir: &Path, f: &mut dyn FnMut(&Path, &str)) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            visit(&path, f);
        } else if path.extension().is_some_and(|e| e == "rs") {
            f(&path, &std::fs::read_to_string(&path).unwrap());
        }
    }
}

/// Ids the code holds in tables or builds from names (answer words per question,
/// refusals, the emails' computed ids) exist in both languages, as do the ids written
/// as string literals anywhere in `src/` (field errors and the like).
#[test]
fn every_message_held_in_a_table_exists() {
    let en: BTreeSet<String> = load("en")
        .into_values()
        .flat_map(|s| s.into_keys())
        .collect();
    let cy: BTreeSet<String> = load("cy")
        .into_values()
        .flat_map(|s| s.into_keys())
        .collect();
    let mut wanted: BTreeSet<String> = rj::referral::message_ids().into_iter().collect();
    assert!(wanted.contains("refer-say-rj-no") && wanted.contains("refer-problem-too-big"));
    let literal = regex::Regex::new(r#""((?:refer|email|confirm)-[a-z0-9-]*[a-z0-9])""#).unwrap();
    visit(Path::new("src"), &mut |_, source| {
        wanted.extend(literal.captures_iter(source).map(|c| c[1].to_string()));
    });
    let missing: Vec<_> = wanted
        .iter()
        .filter(|id| !en.contains(*id) || !cy.contains(*id))
        .collect();
    assert!(
        missing.is_empty(),
        "ids the code uses but a locale lacks: {missing:?}"
    );
}

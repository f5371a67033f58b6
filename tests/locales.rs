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

/// Welsh words that mutate the word after them (soft, nasal or aspirate mutation), as a
/// whole word or a clitic after an apostrophe ("Mae'n", "i'w", "wedi'i").
const MUTATING: &[&str] = &[
    "a", "â", "am", "ar", "at", "gan", "heb", "i", "o", "dan", "dros", "drwy", "trwy", "tan",
    "hyd", "wrth", "yn", "ei", "dy", "fy", "ein", "eu", "ym", "yng", "gyda", "tua", "na", "neu",
    "pa", "dau", "dwy", "tri", "chwe", "mor", "rhy", "y", "'n", "'i", "'w", "'th", "'m",
];

/// Reviewed cases where a variable follows a mutating word and can never be mutated:
/// (message id, variable, why).
const MUTATION_ALLOWED: &[(&str, &str, &str)] = &[
    ("accessibility-report", "contact", "an email or web address"),
    ("privacy-controller", "contact", "an email or web address"),
    ("privacy-rights", "contact", "an email or web address"),
    ("find-share", "percent", "a number in digits"),
    ("privacy-how-long", "handoff_minutes", "a number in digits"),
    ("privacy-how-long", "limit_minutes", "a number in digits"),
    ("refer-chars-limit", "max", "a number in digits: 1,500"),
    (
        "lookup-spans",
        "place",
        "a postcode district or sector, e.g. SY10",
    ),
    (
        "lookup-spans-scotland",
        "place",
        "a postcode district or sector, e.g. TD15",
    ),
    (
        "lookup-not-found",
        "place",
        "a postcode, district or sector",
    ),
    (
        "area-checked-on",
        "date",
        "a date that starts with the day's number: 5 Tachwedd 2026",
    ),
];

/// Every (message id or id.attribute, pattern) of a locale, with selector variants.
fn patterns<'s>(
    resource: &'s fluent_syntax::ast::Resource<&'s str>,
) -> Vec<(String, &'s Pattern<&'s str>)> {
    let mut out = Vec::new();
    for entry in &resource.body {
        if let Entry::Message(m) = entry {
            if let Some(value) = &m.value {
                out.push((m.id.name.to_string(), value));
            }
            for a in &m.attributes {
                out.push((format!("{}.{}", m.id.name, a.id.name), &a.value));
            }
        }
    }
    out
}

fn resources(lang: &str) -> Vec<(String, String)> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(Path::new("locales").join(lang)).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "ftl") {
            out.push((
                path.display().to_string(),
                std::fs::read_to_string(&path).unwrap(),
            ));
        }
    }
    out
}

/// Each variable placed directly after a mutating word: (variable, the word).
fn after_mutating_words(pattern: &Pattern<&str>, found: &mut Vec<(String, String)>) {
    let mut before = String::new();
    for element in &pattern.elements {
        match element {
            PatternElement::TextElement { value } => before.push_str(value),
            PatternElement::Placeable { expression } => {
                match expression {
                    Expression::Inline(InlineExpression::VariableReference { id }) => {
                        if let Some(word) = last_mutating_word(&before) {
                            found.push((id.name.to_string(), word));
                        }
                    }
                    Expression::Select { variants, .. } => {
                        for v in variants {
                            // A variant starts where the text before the selector ends.
                            let mut inner = Vec::new();
                            after_mutating_words(&v.value, &mut inner);
                            found.extend(inner);
                            if let Some(PatternElement::Placeable {
                                expression:
                                    Expression::Inline(InlineExpression::VariableReference { id }),
                            }) = v.value.elements.first()
                                && let Some(word) = last_mutating_word(&before)
                            {
                                found.push((id.name.to_string(), word));
                            }
                        }
                    }
                    _ => {}
                }
                before.clear();
                before.push('x');
            }
        }
    }
}

/// The mutating word right at the end of `text` (before one space), if there is one.
fn last_mutating_word(text: &str) -> Option<String> {
    let text = text.strip_suffix(' ')?;
    let word = text
        .rsplit(|c: char| c.is_whitespace() || "([\"“".contains(c))
        .next()?
        .to_lowercase();
    let clitic = word.rfind(['\'', '’']).map(|i| {
        format!(
            "'{}",
            &word[i + word[i..].chars().next().unwrap().len_utf8()..]
        )
    });
    [Some(word), clitic]
        .into_iter()
        .flatten()
        .find(|w| MUTATING.contains(&w.as_str()))
}

#[test]
fn the_mutation_scan_finds_a_variable_after_a_mutating_word() {
    let source = "a = anfon at { $service }\nb = Mae'n { $x }\nc = Bydd { $service } yn\nd = { $n ->\n    [one] i { $n }\n   *[other] neu\n}\n";
    let resource = fluent_syntax::parser::parse(source).unwrap();
    let mut found = Vec::new();
    for (_, p) in patterns(&resource) {
        after_mutating_words(p, &mut found);
    }
    let words: Vec<_> = found.iter().map(|(v, w)| format!("{w} ${v}")).collect();
    assert_eq!(words, ["at $service", "'n $x", "i $n"]);
}

/// A name or place after "at", "i", "o", "yn"… would need a mutation no template can
/// make ("at Gwasanaeth" must be "at Wasanaeth"): Welsh messages are worded so that a
/// variable never follows such a word, except the reviewed cases above.
#[test]
fn no_welsh_variable_follows_a_mutating_word() {
    let mut problems = Vec::new();
    let mut allowed_used = BTreeSet::new();
    for (path, source) in resources("cy") {
        let resource = fluent_syntax::parser::parse(source.as_str()).unwrap();
        for (id, pattern) in patterns(&resource) {
            let mut found = Vec::new();
            after_mutating_words(pattern, &mut found);
            let message = id.split('.').next().unwrap();
            for (var, word) in found {
                if MUTATION_ALLOWED
                    .iter()
                    .any(|(m, v, _)| *m == message && *v == var)
                {
                    allowed_used.insert((message.to_string(), var));
                } else {
                    problems.push(format!("{path}: {id}: \"{word} {{ ${var} }}\""));
                }
            }
        }
    }
    assert!(
        problems.is_empty(),
        "a variable after a word that mutates it; reword so nothing mutates it (make it \
         the subject, put it after a colon):\n{}",
        problems.join("\n")
    );
    for (m, v, why) in MUTATION_ALLOWED {
        assert!(
            allowed_used.contains(&(m.to_string(), v.to_string())),
            "MUTATION_ALLOWED lists {m} ${v} ({why}), which no longer needs it: remove it"
        );
    }
}

/// Each use of a numeric variable outside a plural selector on itself: (message, var).
fn bare_numbers(pattern: &Pattern<&str>, inside: Option<&str>, found: &mut Vec<String>) {
    let numbers = rj::i18n::NUMBER_VARIABLES;
    for (i, element) in pattern.elements.iter().enumerate() {
        let PatternElement::Placeable { expression } = element else {
            continue;
        };
        match expression {
            Expression::Inline(InlineExpression::VariableReference { id })
                if numbers.contains(&id.name) =>
            {
                let percent = matches!(
                    pattern.elements.get(i + 1),
                    Some(PatternElement::TextElement { value }) if value.starts_with('%')
                );
                if inside != Some(id.name) && !percent {
                    found.push(id.name.to_string());
                }
            }
            Expression::Select { selector, variants } => {
                let on = match selector {
                    InlineExpression::VariableReference { id } => Some(id.name),
                    _ => None,
                };
                for v in variants {
                    bare_numbers(&v.value, on.or(inside), found);
                }
            }
            _ => {}
        }
    }
}

#[test]
fn the_number_scan_finds_a_number_outside_a_selector() {
    let source = "a = within { $retention_days } days\nb = { $retention_days ->\n    [one] { $retention_days } day\n   *[other] { $retention_days } days\n}\nc = about { $percent }% here\n";
    let resource = fluent_syntax::parser::parse(source).unwrap();
    let mut found = Vec::new();
    for (id, p) in patterns(&resource) {
        let mut bare = Vec::new();
        bare_numbers(p, None, &mut bare);
        found.extend(bare.into_iter().map(|v| format!("{id}: ${v}")));
    }
    assert_eq!(found, ["a: $retention_days"]);
}

/// Every number goes through a plural selector on itself, in both languages, so the noun
/// after it agrees ("1 day", "2 ddiwrnod"); a number right before "%" needs none.
#[test]
fn numbers_go_through_a_plural_selector() {
    let mut problems = Vec::new();
    for lang in ["en", "cy"] {
        for (path, source) in resources(lang) {
            let resource = fluent_syntax::parser::parse(source.as_str()).unwrap();
            for (id, pattern) in patterns(&resource) {
                let mut bare = Vec::new();
                bare_numbers(pattern, None, &mut bare);
                problems.extend(bare.into_iter().map(|v| format!("{path}: {id}: ${v}")));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "numbers used without a plural selector:\n{}",
        problems.join("\n")
    );
}

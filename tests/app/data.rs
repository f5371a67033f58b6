//! The postcode data, checked three ways:
//! - against every postcode in OS Code-Point Open itself: the table must give exactly
//!   the area of each one's council (`make test` fetches the zip to var/data/);
//! - against every postcode in the ONS postcode directory (NSPD), live or terminated:
//!   each one with a council in England and Wales must answer with that council's area,
//!   unless Code-Point Open (which decides for live postcodes) puts it elsewhere;
//! - against the reference tables in `../shared/data` when that folder exists.

use crate::common;

use common::shared::{read_csv, required, shared_data};
use rj::areas::{Areas, Kind, postcode::Outward};
use std::collections::{BTreeMap, HashMap};
use std::io::Read;
use std::path::PathBuf;
use std::sync::OnceLock;

fn areas() -> &'static Areas {
    static AREAS: OnceLock<Areas> = OnceLock::new();
    AREAS.get_or_init(|| Areas::embedded().expect("embedded data loads"))
}

/// Council code → area code, from the project's own table.
fn council_areas() -> HashMap<String, String> {
    areas()
        .councils()
        .iter()
        .map(|c| (c.code.clone(), areas().get(c.area).code.clone()))
        .collect()
}

/// A source file fetched by `python3 data/build.py --fetch-only`; the test is skipped
/// with a loud message when it is missing, and fails then under `RJ_REQUIRE_DATA`.
fn source(variable: &str, default: &str, what: &str) -> Option<PathBuf> {
    let path = std::env::var_os(variable)
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(default));
    let shown = path.display().to_string();
    required(path, || {
        format!(
            "{shown} is missing: run `python3 data/build.py --fetch-only` (or `make test`) \
             to fetch {what}"
        )
    })
}

fn codepo_zip() -> Option<PathBuf> {
    source(
        "RJ_CODEPO_ZIP",
        "var/data/codepo_gb.zip",
        "OS Code-Point Open",
    )
}

#[test]
fn every_nspd_postcode_has_its_councils_area() {
    let Some(path) = source(
        "RJ_NSPD_CSV",
        "var/data/nspd.csv",
        "the ONS postcode directory",
    ) else {
        return;
    };
    // The NSPD calls two councils by their April 2025 codes.
    let mut councils = council_areas();
    for c in areas().councils() {
        if let Some(new) = &c.recoded {
            councils.insert(new.clone(), areas().get(c.area).code.clone());
        }
    }
    let text = std::fs::read_to_string(path).unwrap();
    let (mut checked, mut agree, mut not_live, mut odd) = (0usize, 0usize, 0usize, 0usize);
    let mut live_elsewhere = Vec::new();
    let mut wrong = Vec::new();
    for line in text.lines().skip(1) {
        let (postcode, council) = line.split_once(',').unwrap();
        let Some(expected) = councils.get(council) else {
            continue; // outside England and Wales, or no council
        };
        // A unit with a letter postcodes do not use (one old `NPT 0VA`): not stored.
        if postcode[postcode.len() - 2..].contains(['C', 'I', 'K', 'M', 'O', 'V']) {
            odd += 1;
            continue;
        }
        checked += 1;
        let answer = areas().lookup(postcode);
        let got = (answer.kind == Kind::Postcode)
            .then(|| answer.single())
            .flatten()
            .map(|id| areas().get(id).code.as_str());
        if answer.terminated() {
            not_live += 1;
        }
        if got == Some(expected.as_str()) {
            agree += 1;
        } else if answer.kind == Kind::Postcode && !answer.terminated() {
            // A live postcode: Code-Point Open's council decides (the test above).
            live_elsewhere.push(format!(
                "{postcode}: NSPD {expected}, Code-Point Open {got:?}"
            ));
        } else {
            wrong.push(format!(
                "{postcode}: expected {expected}, got {:?} {got:?}",
                answer.kind
            ));
        }
    }
    eprintln!(
        "NSPD: {checked} England and Wales postcodes with a council, {agree} ({:.3}%) answer \
         with its area; {not_live} not live in Code-Point Open; {} live ones that Code-Point \
         Open puts in another area, e.g. {:?}",
        100.0 * agree as f64 / checked as f64,
        live_elsewhere.len(),
        &live_elsewhere[..live_elsewhere.len().min(5)]
    );
    assert!(checked > 2_300_000, "only {checked} postcodes checked");
    assert!(odd < 10, "{odd} postcodes with letters no unit uses");
    assert!(not_live > 700_000, "only {not_live} not live");
    assert!(
        wrong.is_empty(),
        "{} disagree, e.g. {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(10)]
    );
    assert!(
        live_elsewhere.len() * 1000 < checked,
        "{} live postcodes disagree",
        live_elsewhere.len()
    );
}

#[test]
fn every_live_postcode_has_exactly_its_councils_area() {
    let Some(path) = codepo_zip() else { return };
    let councils = council_areas();
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let (mut checked, mut scottish, mut no_council) = (0usize, 0usize, 0usize);
    let mut wrong = Vec::new();
    for i in 0..zip.len() {
        let mut file = zip.by_index(i).unwrap();
        if !(file.name().starts_with("Data/CSV/") && file.name().ends_with(".csv")) {
            continue;
        }
        let mut text = String::new();
        file.read_to_string(&mut text).unwrap();
        for line in text.lines() {
            let fields: Vec<&str> = line.split(',').map(|f| f.trim_matches('"')).collect();
            let (postcode, council) = (fields[0], fields[8]);
            let answer = areas().lookup(postcode);
            if council.starts_with('S') {
                scottish += 1;
                if answer.kind != Kind::Outside {
                    wrong.push(format!("{postcode}: Scottish, got {:?}", answer.kind));
                }
                continue;
            }
            let Some(expected) = councils.get(council) else {
                no_council += 1;
                continue;
            };
            checked += 1;
            let got = (answer.kind == Kind::Postcode)
                .then(|| answer.single())
                .flatten()
                .map(|id| areas().get(id).code.as_str());
            if got != Some(expected.as_str()) {
                wrong.push(format!(
                    "{postcode}: expected {expected}, got {:?} {got:?}",
                    answer.kind
                ));
            }
        }
    }
    eprintln!(
        "checked {checked} England and Wales postcodes, {scottish} Scottish, {no_council} with no council"
    );
    assert!(checked > 1_500_000, "only {checked} postcodes checked");
    assert!(
        wrong.is_empty(),
        "{} disagree, e.g. {:?}",
        wrong.len(),
        &wrong[..wrong.len().min(10)]
    );
}

/// The reference tables, if they are beside the project.
fn reference() -> Option<PathBuf> {
    shared_data("lad_to_pfa.csv")
}

#[test]
fn councils_match_the_reference() {
    let Some(dir) = reference() else { return };
    let mine = council_areas();
    let mut seen = 0;
    for row in read_csv(&dir.join("lad_to_pfa.csv")) {
        let (code, area) = (&row["lad_code"], &row["pfa_code"]);
        match mine.get(code) {
            Some(mine) => {
                assert_eq!(mine, area, "{code} {}", row["lad_name"]);
                seen += 1;
            }
            // The April 2025 recodes of councils the December 2024 data still calls by
            // their old code: the old code must be ours, in the same area.
            None => {
                let old = row["note"]
                    .split("was ")
                    .nth(1)
                    .and_then(|s| s.split(' ').next());
                let old = old.unwrap_or_else(|| panic!("{code} is not in our table: {row:?}"));
                assert_eq!(mine.get(old), Some(area), "{code} (was {old})");
            }
        }
    }
    assert_eq!(
        seen,
        mine.len(),
        "every council of ours is in the reference"
    );
}

/// `table` shares for each sector or district in a reference file, compared exactly.
fn compare_shares(file: &str, column: &str, counts: impl Fn(&str) -> Option<Vec<(String, u32)>>) {
    let Some(dir) = reference() else { return };
    let mut expected: BTreeMap<String, Vec<(String, u32)>> = BTreeMap::new();
    for row in read_csv(&dir.join(file)) {
        expected
            .entry(row[column].clone())
            .or_default()
            .push((row["pfa_code"].clone(), row["postcodes"].parse().unwrap()));
    }
    let mut differences = Vec::new();
    for (place, mut want) in expected.clone() {
        want.sort();
        let mut got = counts(&place).unwrap_or_default();
        got.sort();
        if got != want {
            differences.push(format!("{place}: reference {want:?}, ours {got:?}"));
        }
    }
    assert!(
        expected.len() > 2000,
        "{file}: only {} places",
        expected.len()
    );
    assert!(
        differences.is_empty(),
        "{file}: {} differ, e.g. {:?}",
        differences.len(),
        &differences[..differences.len().min(5)]
    );
}

fn codes(counts: &[(u8, u32)]) -> Vec<(String, u32)> {
    let names = areas().table().area_codes();
    counts
        .iter()
        .map(|(a, n)| (names[usize::from(*a)].clone(), *n))
        .collect()
}

#[test]
fn sector_shares_match_the_reference() {
    let table = areas().table();
    compare_shares("postcode_sector_pfa.csv", "sector", |sector| {
        let (outward, digit) = sector.split_once(' ')?;
        let d = table.district(&Outward::parse(outward.as_bytes())?)?;
        let s = table.sector(d, digit.parse().ok()?)?;
        Some(codes(table.sector_counts(s)))
    });
}

#[test]
fn district_shares_match_the_reference() {
    let table = areas().table();
    compare_shares("postcode_district_pfa.csv", "district", |district| {
        let d = table.district(&Outward::parse(district.as_bytes())?)?;
        Some(codes(table.district_counts(d)))
    });
}

#[test]
fn exceptions_match_the_reference() {
    let Some(dir) = reference() else { return };
    let rows = read_csv(&dir.join("postcode_pfa_exceptions.csv"));
    assert!(rows.len() > 10_000);
    for row in rows {
        let answer = areas().lookup(&row["postcode"]);
        if row["pfa_code"].starts_with('S') {
            assert_eq!(
                answer.kind,
                Kind::Outside,
                "{} is in Scotland",
                row["postcode"]
            );
            continue;
        }
        let got = answer.single().map(|id| areas().get(id).code.clone());
        assert_eq!(
            got.as_deref(),
            Some(row["pfa_code"].as_str()),
            "{}",
            row["postcode"]
        );
    }
}

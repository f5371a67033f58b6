//! The commissioners' numbers (`rj report --from YYYY-MM --to YYYY-MM [--format
//! csv|json]`): for each police area and month, how many requests were sent, how many
//! the service confirmed within the Victims' Code's 2 working days, the median working
//! days to confirmation, and how many failed. Computed from `report_entries`, which
//! keeps no personal data and outlives the purge. A count from 1 to 4 is shown as
//! "<5", and a median only when at least 5 requests were confirmed, so no small number
//! can point to a person.
//!
//! Hiding a small count is not enough when the month's "All areas" total is shown: the
//! total minus the other areas' counts gives it back (All 8 − South Wales 6 = Kent 2).
//! So a total is hidden too ("[c]", the Government Statistical Service's mark for a
//! value withheld for confidentiality) whenever any area's count in its column is
//! hidden: secondary suppression of the total. We chose the total rather than a
//! second area's count because the total is the one cell every hidden count is summed
//! into (a second area's cell would have to be chosen so that the two could not be
//! told apart, and a month with one area would still give it away), while each area's
//! own numbers, which its commissioner reads, stay as shown. Medians are not sums, so
//! they cannot be subtracted and are not hidden this way.
//!
//! The long form (`--long`: rows of `month, area, measure, value`) has every measure
//! in [`measures`], the one list that `rj report --measures` prints and that
//! `docs/measures.md` is checked against, with the same suppression.

use crate::referral::fields::Asker;
use crate::staff::Outcome;
use crate::store::ReportEntry;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The Victims' Code: a referral to support services within 2 working days.
pub const WITHIN_WORKING_DAYS: u32 = 2;

/// Counts below this are shown as "<5".
pub const SMALLEST_SHOWN: u64 = 5;

/// A month, `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Month {
    pub year: i32,
    pub month: u8,
}

impl Month {
    pub fn parse(s: &str) -> Option<Month> {
        let (y, m) = s.trim().split_once('-')?;
        let (year, month) = (y.parse().ok()?, m.parse().ok()?);
        (y.len() == 4 && m.len() == 2 && (1..=12).contains(&month)).then_some(Month { year, month })
    }

    /// The month `date` is in.
    pub fn of(date: crate::calendar::Date) -> Month {
        Month {
            year: date.year,
            month: date.month,
        }
    }

    /// The month `n` months before this one.
    pub fn back(self, n: u32) -> Month {
        let index = i64::from(self.year) * 12 + i64::from(self.month) - 1 - i64::from(n);
        Month {
            year: index.div_euclid(12) as i32,
            month: (index.rem_euclid(12) + 1) as u8,
        }
    }

    pub fn next(self) -> Month {
        if self.month == 12 {
            Month {
                year: self.year + 1,
                month: 1,
            }
        } else {
            Month {
                month: self.month + 1,
                ..self
            }
        }
    }
}

impl std::fmt::Display for Month {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}-{:02}", self.year, self.month)
    }
}

/// How a total withheld for confidentiality is shown.
pub const WITHHELD: &str = "[c]";

/// A count as it may be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    Shown(u64),
    /// 1 to 4.
    Small,
    /// A total, of any size, withheld because a count it sums is small.
    Withheld,
}

impl Count {
    /// `n` as it may be shown: 1 to 4 are small.
    pub fn of(n: u64) -> Count {
        if n == 0 || n >= SMALLEST_SHOWN {
            Count::Shown(n)
        } else {
            Count::Small
        }
    }

    /// The total of counts shown as `parts`: withheld if any of them is small, since
    /// the total less the others would give it back.
    fn total(n: u64, mut parts: impl Iterator<Item = Count>) -> Count {
        if parts.any(|c| !matches!(c, Count::Shown(_))) {
            Count::Withheld
        } else {
            Count::of(n)
        }
    }

    /// As the CSV shows it.
    pub fn text(self) -> String {
        match self {
            Count::Shown(n) => n.to_string(),
            Count::Small => format!("<{SMALLEST_SHOWN}"),
            Count::Withheld => WITHHELD.to_string(),
        }
    }

    /// As the JSON shows it.
    pub fn json(self) -> Value {
        match self {
            Count::Shown(n) => json!(n),
            Count::Small => json!(format!("<{SMALLEST_SHOWN}")),
            Count::Withheld => json!(WITHHELD),
        }
    }
}

/// The median working days to confirmation, as it may be shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Median {
    Shown(f64),
    /// Fewer than 5 were confirmed.
    Small,
    /// None was confirmed.
    None,
}

impl Median {
    fn of(mut days: Vec<u32>) -> Median {
        if days.is_empty() {
            return Median::None;
        }
        if (days.len() as u64) < SMALLEST_SHOWN {
            return Median::Small;
        }
        days.sort_unstable();
        let mid = days.len() / 2;
        Median::Shown(if days.len().is_multiple_of(2) {
            f64::from(days[mid - 1] + days[mid]) / 2.0
        } else {
            f64::from(days[mid])
        })
    }

    /// As the CSV shows it (empty when none was confirmed).
    pub fn text(self) -> String {
        match self {
            Median::Shown(d) => format!("{d}"),
            Median::Small => format!("<{SMALLEST_SHOWN}"),
            Median::None => String::new(),
        }
    }

    fn json(self) -> Value {
        match self {
            Median::Shown(d) => json!(d),
            Median::Small => json!(format!("<{SMALLEST_SHOWN}")),
            Median::None => Value::Null,
        }
    }
}

/// One line of the report.
#[derive(Clone, Debug, PartialEq)]
pub struct Line {
    pub month: Month,
    /// A police area's slug, or `all` for the month's total.
    pub area: String,
    pub area_name: String,
    pub requests: Count,
    pub acknowledged_within: Count,
    pub median_days: Median,
    pub failed: Count,
}

/// The report's lines: each month from `from` to `to`, first the total over all areas
/// (even when none; a count withheld where an area's is small), then each area that
/// had a request that month. `name` gives an area's name from its slug.
pub fn lines(
    entries: &[ReportEntry],
    from: Month,
    to: Month,
    name: impl Fn(&str) -> String,
) -> Vec<Line> {
    let mut by_month: BTreeMap<String, BTreeMap<&str, Vec<&ReportEntry>>> = BTreeMap::new();
    for e in entries {
        by_month
            .entry(e.month.clone())
            .or_default()
            .entry(e.area.as_str())
            .or_default()
            .push(e);
    }
    let line = |month: Month, area: &str, area_name: String, group: &[&ReportEntry]| {
        let confirmed: Vec<u32> = group.iter().filter_map(|e| e.acknowledged_days).collect();
        Line {
            month,
            area: area.to_string(),
            area_name,
            requests: Count::of(group.len() as u64),
            acknowledged_within: Count::of(within(group)),
            median_days: Median::of(confirmed),
            failed: Count::of(failed(group)),
        }
    };
    let mut out = Vec::new();
    let mut month = from;
    while month <= to {
        let areas = by_month.remove(&month.to_string()).unwrap_or_default();
        let all: Vec<&ReportEntry> = areas.values().flatten().copied().collect();
        let each: Vec<Line> = areas
            .iter()
            .map(|(area, group)| line(month, area, name(area), group))
            .collect();
        // Secondary suppression (see the top of this file): a column's total is
        // withheld when an area's count in it is hidden.
        let total = |n: u64, of: fn(&Line) -> Count| Count::total(n, each.iter().map(of));
        out.push(Line {
            requests: total(all.len() as u64, |l| l.requests),
            acknowledged_within: total(within(&all), |l| l.acknowledged_within),
            failed: total(failed(&all), |l| l.failed),
            ..line(month, "all", "All areas".into(), &all)
        });
        out.extend(each);
        month = month.next();
    }
    out
}

/// How many of `group` the service confirmed within the Victims' Code's time.
fn within(group: &[&ReportEntry]) -> u64 {
    group
        .iter()
        .filter(|e| {
            e.acknowledged_days
                .is_some_and(|d| d <= WITHIN_WORKING_DAYS)
        })
        .count() as u64
}

/// How many of `group` never reached the service.
fn failed(group: &[&ReportEntry]) -> u64 {
    group.iter().filter(|e| e.failed).count() as u64
}

const HEADER: [&str; 7] = [
    "month",
    "area",
    "area_name",
    "requests",
    "acknowledged_within_2_working_days",
    "median_working_days_to_acknowledgement",
    "failed",
];

/// The report as CSV, one line per month and area.
pub fn csv(lines: &[Line]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(HEADER);
    for l in lines {
        let _ = w.write_record([
            l.month.to_string(),
            l.area.clone(),
            l.area_name.clone(),
            l.requests.text(),
            l.acknowledged_within.text(),
            l.median_days.text(),
            l.failed.text(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The report as JSON: small counts as the string "<5", withheld totals as "[c]", a
/// median not shown as "<5" (fewer than 5 confirmed) or null (none).
pub fn json(lines: &[Line], from: Month, to: Month) -> String {
    let rows: Vec<Value> = lines
        .iter()
        .map(|l| {
            json!({
                HEADER[0]: l.month.to_string(),
                HEADER[1]: l.area,
                HEADER[2]: l.area_name,
                HEADER[3]: l.requests.json(),
                HEADER[4]: l.acknowledged_within.json(),
                HEADER[5]: l.median_days.json(),
                HEADER[6]: l.failed.json(),
            })
        })
        .collect();
    serde_json::to_string_pretty(&json!({
        "schema": "rj-report/1",
        "from": from.to_string(),
        "to": to.to_string(),
        "counts_below_shown_as": format!("<{SMALLEST_SHOWN}"),
        "withheld_totals_shown_as": WITHHELD,
        "rows": rows,
    }))
    .unwrap_or_default()
}

/// What a measure counts of each request (or, for a median, the days it takes).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Rule {
    Requests,
    Route(&'static str),
    Language(&'static str),
    AskedBy(Asker),
    Youth,
    AcknowledgedWithin,
    MedianAcknowledged,
    Failed,
    Contacted,
    MedianContacted,
    Closed,
    ClosedAs(Outcome),
    PassedOn,
    PurgedUnconfirmed,
}

impl Rule {
    /// For a measure that splits another into parts (route, language, who asked: the
    /// requests; each outcome: those closed), the split's name and the measure split.
    fn partition(self) -> Option<(&'static str, &'static str)> {
        match self {
            Rule::Route(_) => Some(("route", "requests")),
            Rule::Language(_) => Some(("language", "requests")),
            Rule::AskedBy(_) => Some(("asked_by", "requests")),
            Rule::ClosedAs(_) => Some(("outcome", "closed")),
            _ => None,
        }
    }

    /// Whether `e` counts (for a count).
    fn counts(self, e: &ReportEntry) -> bool {
        match self {
            Rule::Requests => true,
            Rule::Route(r) => e.route.as_deref() == Some(r),
            Rule::Language(l) => e.language.as_deref() == Some(l),
            Rule::AskedBy(a) => e.asker.as_deref() == Some(a.as_str()),
            Rule::Youth => e.youth,
            Rule::AcknowledgedWithin => e
                .acknowledged_days
                .is_some_and(|d| d <= WITHIN_WORKING_DAYS),
            Rule::Failed => e.failed,
            Rule::Contacted => e.contacted_days.is_some(),
            Rule::Closed => e.outcome.is_some(),
            Rule::ClosedAs(o) => e.outcome.as_deref() == Some(o.as_str()),
            Rule::PassedOn => e.passed_on,
            Rule::PurgedUnconfirmed => e.purged_unconfirmed,
            Rule::MedianAcknowledged | Rule::MedianContacted => false,
        }
    }

    /// The working days a median is taken over, if this is a median.
    fn days(self) -> Option<fn(&ReportEntry) -> Option<u32>> {
        match self {
            Rule::MedianAcknowledged => Some(|e| e.acknowledged_days),
            Rule::MedianContacted => Some(|e| e.contacted_days),
            _ => None,
        }
    }
}

/// One measure: its name in the long form, and what it counts.
#[derive(Clone, Debug, PartialEq)]
pub struct Measure {
    pub name: String,
    /// One line, for `rj report --measures` and `docs/measures.md`.
    pub definition: String,
    rule: Rule,
}

impl Measure {
    /// A median of working days (shown only over 5 or more), not a count.
    pub fn is_median(&self) -> bool {
        self.rule.days().is_some()
    }
}

/// Every measure, in the long form's order: THE list (the report, `--measures` and
/// the docs test all read it). The first four are the wide form's columns, by the
/// same names. Closed-by-outcome follows the inbox's fixed list.
pub fn measures() -> Vec<Measure> {
    let m = |name: &str, definition: &str, rule| Measure {
        name: name.to_string(),
        definition: definition.to_string(),
        rule,
    };
    let mut all = vec![
        m(
            "requests",
            "Requests sent in the month for the area (each request once, however often its form was sent).",
            Rule::Requests,
        ),
        m(
            "acknowledged_within_2_working_days",
            "Requests the service marked received (or confirmed by its email's link) within 2 working days of sending.",
            Rule::AcknowledgedWithin,
        ),
        m(
            "median_working_days_to_acknowledgement",
            "The median working days from sending to being marked received, over the requests received (shown with 5 or more).",
            Rule::MedianAcknowledged,
        ),
        m(
            "failed",
            "Requests that have not reached the service: refused for good by its mail server, or purged before delivery.",
            Rule::Failed,
        ),
        m(
            "route_direct",
            "Requests sent straight to the area's restorative justice service.",
            Rule::Route("direct"),
        ),
        m(
            "route_triage",
            "Requests sent to the area's triage team, to pass on to a service.",
            Rule::Route("triage"),
        ),
        m(
            "language_en",
            "Requests asking to be contacted in English.",
            Rule::Language("en"),
        ),
        m(
            "language_cy",
            "Requests asking to be contacted in Welsh.",
            Rule::Language("cy"),
        ),
        m(
            "asked_by_person_harmed",
            "Requests made by the person harmed.",
            Rule::AskedBy(Asker::Harmed),
        ),
        m(
            "asked_by_family",
            "Requests made by a family member, or a parent or carer for a child who was harmed.",
            Rule::AskedBy(Asker::Family),
        ),
        m(
            "asked_by_someone_else",
            "Requests made by someone supporting the person harmed, with their agreement.",
            Rule::AskedBy(Asker::Other),
        ),
        m(
            "youth",
            "Requests where the person said the one responsible was under 18 (the youth flag).",
            Rule::Youth,
        ),
        m(
            "contacted",
            "Requests where staff recorded that they had contacted the person.",
            Rule::Contacted,
        ),
        m(
            "median_working_days_to_contact",
            "The median working days from sending to the first recorded contact, over the requests contacted (shown with 5 or more).",
            Rule::MedianContacted,
        ),
        m(
            "closed",
            "Requests staff closed, with any outcome.",
            Rule::Closed,
        ),
    ];
    for o in Outcome::ALL {
        all.push(Measure {
            name: format!("closed_{}", o.as_str().replace('-', "_")),
            definition: format!(
                "Requests closed with the outcome \"{}\" (from the inbox's fixed list).",
                outcome_words(o)
            ),
            rule: Rule::ClosedAs(o),
        });
    }
    all.push(m(
        "passed_on",
        "Requests the triage team passed to a service, on this site or outside it.",
        Rule::PassedOn,
    ));
    all.push(m(
        "purged_unconfirmed",
        "Requests whose answers were deleted at the end of the retention period because no service ever marked them received.",
        Rule::PurgedUnconfirmed,
    ));
    all
}

/// An outcome as the staff inbox's English list says it (its own message, so the
/// words are not written twice).
fn outcome_words(o: Outcome) -> String {
    crate::i18n::Tr(crate::i18n::Lang::En).t(&format!("staff-outcome-{}", o.as_str()))
}

/// `rj report --measures`: one line per measure, `name: definition`.
pub fn measures_text() -> String {
    measures()
        .iter()
        .map(|m| format!("{}: {}\n", m.name, m.definition))
        .collect()
}

/// The measures as the table in `docs/measures.md` (`rj report --measures --format
/// markdown` prints it; a test checks the page holds it).
pub fn measures_markdown() -> String {
    let mut out = String::from("| Measure | Kind | Definition |\n|---|---|---|\n");
    for m in measures() {
        let kind = if m.is_median() { "median" } else { "count" };
        out.push_str(&format!("| `{}` | {kind} | {} |\n", m.name, m.definition));
    }
    out
}

/// A value in the long form.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Cell {
    Count(Count),
    Median(Median),
}

/// One row of the long form.
#[derive(Clone, Debug, PartialEq)]
pub struct LongRow {
    pub month: Month,
    /// A police area's slug, or `all`.
    pub area: String,
    pub measure: String,
    pub value: Cell,
}

/// The long form: for each month from `from` to `to`, the total over all areas, then
/// each area that had a request that month, each with every measure in [`measures`]'s
/// order. Counts 1 to 4 are "<5", a median needs 5, and a total is withheld when an
/// area's count in it is hidden (as the wide form).
///
/// One more rule the wide form does not need: the parts of a split add up to the
/// measure split (Kent's 7 requests = 5 in Welsh + "<5" in English gives back 2). So
/// where a part is hidden beside a shown whole, the split's other non-zero parts are
/// withheld too ("[c]"), as a total is.
pub fn long(entries: &[ReportEntry], from: Month, to: Month) -> Vec<LongRow> {
    long_over(entries, from, to, None)
}

/// The long form over `areas` only (a commissioner's): every month has each of them,
/// with 0 where it had no request, and `all` is the total over them alone. An area's
/// own rows are the same as in [`long`].
pub fn long_for(entries: &[ReportEntry], from: Month, to: Month, areas: &[String]) -> Vec<LongRow> {
    long_over(entries, from, to, Some(areas))
}

fn long_over<'a>(
    entries: &'a [ReportEntry],
    from: Month,
    to: Month,
    only: Option<&'a [String]>,
) -> Vec<LongRow> {
    let measures = measures();
    let mut by_month: BTreeMap<&str, BTreeMap<&str, Vec<&ReportEntry>>> = BTreeMap::new();
    let wanted = |area: &str| only.is_none_or(|areas| areas.iter().any(|a| a == area));
    for e in entries.iter().filter(|e| wanted(&e.area)) {
        by_month
            .entry(e.month.as_str())
            .or_default()
            .entry(e.area.as_str())
            .or_default()
            .push(e);
    }
    let count = |m: &Measure, group: &[&ReportEntry]| {
        group.iter().filter(|e| m.rule.counts(e)).count() as u64
    };
    let value = |m: &Measure, group: &[&ReportEntry]| match m.rule.days() {
        Some(days) => Cell::Median(Median::of(group.iter().filter_map(|e| days(e)).collect())),
        None => Cell::Count(Count::of(count(m, group))),
    };
    let mut out = Vec::new();
    let mut month = from;
    while month <= to {
        let key = month.to_string();
        let mut areas = by_month.remove(key.as_str()).unwrap_or_default();
        for area in only.unwrap_or_default() {
            areas.entry(area.as_str()).or_default();
        }
        let each: Vec<(&str, Vec<Cell>)> = areas
            .iter()
            .map(|(area, group)| {
                let mut cells: Vec<Cell> = measures.iter().map(|m| value(m, group)).collect();
                protect_splits(&measures, &mut cells);
                (*area, cells)
            })
            .collect();
        let all: Vec<&ReportEntry> = areas.values().flatten().copied().collect();
        let mut totals: Vec<Cell> = measures
            .iter()
            .enumerate()
            .map(|(i, m)| match value(m, &all) {
                // Secondary suppression, as in `lines`.
                Cell::Count(_) => Cell::Count(Count::total(
                    count(m, &all),
                    each.iter().map(|(_, cells)| match cells[i] {
                        Cell::Count(c) => c,
                        Cell::Median(_) => Count::Shown(0),
                    }),
                )),
                median => median,
            })
            .collect();
        protect_splits(&measures, &mut totals);
        for (area, cells) in std::iter::once(("all", totals)).chain(each) {
            for (m, cell) in measures.iter().zip(cells) {
                out.push(LongRow {
                    month,
                    area: area.to_string(),
                    measure: m.name.clone(),
                    value: cell,
                });
            }
        }
        month = month.next();
    }
    out
}

/// Withholds the other non-zero parts of a split with a hidden part whose whole is
/// shown (see [`long`]). `cells` are in `measures`' order.
fn protect_splits(measures: &[Measure], cells: &mut [Cell]) {
    let whole = |name: &str| measures.iter().position(|m| m.name == name);
    for (split, of) in measures.iter().filter_map(|m| m.rule.partition()) {
        let Some(w) = whole(of) else { continue };
        let parts: Vec<usize> = (0..measures.len())
            .filter(|&i| {
                measures[i]
                    .rule
                    .partition()
                    .is_some_and(|(s, _)| s == split)
            })
            .collect();
        let hidden = parts
            .iter()
            .any(|&i| !matches!(cells[i], Cell::Count(Count::Shown(_))));
        if hidden && matches!(cells[w], Cell::Count(Count::Shown(_))) {
            for &i in &parts {
                if matches!(cells[i], Cell::Count(Count::Shown(n)) if n > 0) {
                    cells[i] = Cell::Count(Count::Withheld);
                }
            }
        }
    }
}

impl Cell {
    /// As the CSV shows it.
    pub fn text(self) -> String {
        match self {
            Cell::Count(c) => c.text(),
            Cell::Median(m) => m.text(),
        }
    }

    fn json(self) -> Value {
        match self {
            Cell::Count(c) => c.json(),
            Cell::Median(m) => m.json(),
        }
    }
}

const LONG_HEADER: [&str; 4] = ["month", "area", "measure", "value"];

/// The long form as CSV: `month,area,measure,value`.
pub fn long_csv(rows: &[LongRow]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record(LONG_HEADER);
    for r in rows {
        let _ = w.write_record([
            r.month.to_string(),
            r.area.clone(),
            r.measure.clone(),
            r.value.text(),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

/// The long form as JSON, values as in [`json`].
pub fn long_json(rows: &[LongRow], from: Month, to: Month) -> String {
    let rows: Vec<Value> = rows
        .iter()
        .map(|r| {
            json!({
                LONG_HEADER[0]: r.month.to_string(),
                LONG_HEADER[1]: r.area,
                LONG_HEADER[2]: r.measure,
                LONG_HEADER[3]: r.value.json(),
            })
        })
        .collect();
    serde_json::to_string_pretty(&json!({
        "schema": "rj-report-long/1",
        "from": from.to_string(),
        "to": to.to_string(),
        "counts_below_shown_as": format!("<{SMALLEST_SHOWN}"),
        "withheld_totals_shown_as": WITHHELD,
        "rows": rows,
    }))
    .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(area: &str, month: &str, days: Option<u32>, failed: bool) -> ReportEntry {
        ReportEntry {
            area: area.into(),
            month: month.into(),
            acknowledged_days: days,
            failed,
            ..ReportEntry::default()
        }
    }

    #[test]
    fn small_counts_are_suppressed_and_medians_need_five() {
        let mut entries = Vec::new();
        for days in [0, 1, 1, 2, 3, 5] {
            entries.push(entry("kent", "2026-11", Some(days), false));
        }
        entries.push(entry("kent", "2026-11", None, true));
        entries.push(entry("essex", "2026-11", Some(1), false));
        entries.push(entry("essex", "2026-12", None, true));
        let from = Month::parse("2026-10").unwrap();
        let to = Month::parse("2026-12").unwrap();
        let lines = lines(&entries, from, to, |slug| format!("Area {slug}"));
        let find = |month: &str, area: &str| {
            lines
                .iter()
                .find(|l| l.month.to_string() == month && l.area == area)
                .cloned()
                .unwrap()
        };
        let october = find("2026-10", "all");
        assert_eq!(
            (october.requests, october.median_days),
            (Count::Shown(0), Median::None)
        );
        let kent = find("2026-11", "kent");
        assert_eq!(kent.requests, Count::Shown(7));
        assert_eq!(kent.acknowledged_within, Count::Small, "4 within 2 days");
        assert_eq!(kent.median_days, Median::Shown(1.5));
        assert_eq!(kent.failed, Count::Small);
        let essex = find("2026-11", "essex");
        assert_eq!(
            (essex.requests, essex.acknowledged_within, essex.median_days),
            (Count::Small, Count::Small, Median::Small)
        );
        // Essex's small counts make November's totals withheld (8 requests, 5 within
        // 2 working days, 1 failed); the median is not a sum, and is shown.
        let all = find("2026-11", "all");
        assert_eq!(
            (all.requests, all.acknowledged_within, all.failed),
            (Count::Withheld, Count::Withheld, Count::Withheld)
        );
        assert_eq!(all.median_days, Median::Shown(1.0));
        let december = find("2026-12", "all");
        assert_eq!(
            (december.requests, december.failed),
            (Count::Withheld, Count::Withheld),
            "one area alone: its total is its count"
        );
        assert_eq!(
            lines.len(),
            6,
            "3 months' totals, 2 areas in November, 1 in December"
        );
        let text = csv(&lines);
        assert!(
            text.starts_with("month,area,area_name,requests,acknowledged_within_2_working_days,")
        );
        assert!(
            text.contains("2026-11,kent,Area kent,7,<5,1.5,<5\n"),
            "{text}"
        );
        assert!(
            text.contains("2026-11,essex,Area essex,<5,<5,<5,0\n"),
            "{text}"
        );
        let parsed: Value = serde_json::from_str(&json(&lines, from, to)).unwrap();
        assert_eq!(parsed["rows"][3]["requests"], 7);
        assert_eq!(parsed["rows"][3]["failed"], "<5");
        assert_eq!(
            parsed["rows"][0]["median_working_days_to_acknowledgement"],
            Value::Null
        );
    }

    /// The fault this suppression fixes: with Kent's 2 hidden and South Wales's 6 and
    /// the total 8 shown, Kent's count was 8 − 6 = 2.
    #[test]
    fn no_hidden_count_can_be_worked_out_from_the_total() {
        let month = Month::parse("2026-11").unwrap();
        let mut entries = Vec::new();
        for _ in 0..6 {
            entries.push(entry("south-wales", "2026-11", Some(1), false));
        }
        for _ in 0..2 {
            entries.push(entry("kent", "2026-11", None, false));
        }
        let text = csv(&lines(&entries, month, month, |s| s.to_string()));
        assert!(text.contains("2026-11,kent,kent,<5,0,,0\n"), "{text}");
        assert!(
            text.contains("2026-11,south-wales,south-wales,6,6,1,0\n"),
            "{text}"
        );
        assert!(
            text.contains("2026-11,all,All areas,[c],6,1,0\n"),
            "the requests' total is withheld; the others hide nothing: {text}"
        );

        // The same for any mix: wherever a column's total is shown, every area's count
        // in it is shown, so subtracting the shown ones leaves nothing hidden.
        let mut seed: u64 = 7;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..300 {
            let entries: Vec<ReportEntry> = (0..next(40))
                .map(|_| {
                    let area = ["kent", "essex", "gwent", "dorset"][next(4) as usize];
                    let days = (next(3) > 0).then(|| next(6) as u32);
                    entry(area, "2026-11", days, next(5) == 0)
                })
                .collect();
            let lines = lines(&entries, month, month, |s| s.to_string());
            let (total, areas) = lines.split_first().unwrap();
            let columns: [fn(&Line) -> Count; 3] =
                [|l| l.requests, |l| l.acknowledged_within, |l| l.failed];
            for of in columns {
                if let Count::Shown(sum) = of(total) {
                    let mut shown = 0;
                    for l in areas {
                        match of(l) {
                            Count::Shown(n) => shown += n,
                            hidden => panic!("{hidden:?} in {l:?} beside a shown total {sum}"),
                        }
                    }
                    assert_eq!(shown, sum);
                }
            }
        }
    }

    /// The long form's first four measures are the wide form's columns, cell for cell,
    /// suppression included, for any mix of requests.
    #[test]
    fn the_long_form_equals_the_wide_form() {
        let from = Month::parse("2026-10").unwrap();
        let to = Month::parse("2026-12").unwrap();
        let mut seed: u64 = 3;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..200 {
            let entries: Vec<ReportEntry> = (0..next(50))
                .map(|_| {
                    let area = ["kent", "essex", "gwent"][next(3) as usize];
                    let month = ["2026-10", "2026-12"][next(2) as usize];
                    let days = (next(3) > 0).then(|| next(6) as u32);
                    entry(area, month, days, next(5) == 0)
                })
                .collect();
            let wide = lines(&entries, from, to, |s| s.to_string());
            let long = long(&entries, from, to);
            let find = |l: &Line, measure: &str| {
                long.iter()
                    .find(|r| r.month == l.month && r.area == l.area && r.measure == measure)
                    .unwrap()
                    .value
            };
            for l in &wide {
                assert_eq!(find(l, HEADER[3]), Cell::Count(l.requests));
                assert_eq!(find(l, HEADER[4]), Cell::Count(l.acknowledged_within));
                assert_eq!(find(l, HEADER[5]), Cell::Median(l.median_days));
                assert_eq!(find(l, HEADER[6]), Cell::Count(l.failed));
            }
            assert_eq!(long.len(), wide.len() * measures().len());
        }
    }

    /// No hidden part of a split can be worked out from its shown whole: beside a
    /// shown whole, a split has no hidden part or at least two.
    #[test]
    fn no_hidden_part_can_be_worked_out_from_its_whole() {
        let month = Month::parse("2026-11").unwrap();
        let measures = measures();
        let mut seed: u64 = 5;
        let mut next = |n: u64| {
            seed = seed
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            (seed >> 33) % n
        };
        for _ in 0..300 {
            let entries: Vec<ReportEntry> = (0..next(30))
                .map(|_| ReportEntry {
                    area: ["kent", "essex"][next(2) as usize].into(),
                    month: "2026-11".into(),
                    route: Some(["direct", "triage"][next(2) as usize].into()),
                    language: Some(["en", "cy"][(next(4) == 0) as usize].into()),
                    asker: Some(Asker::ALL[next(3) as usize].as_str().into()),
                    outcome: (next(2) == 0)
                        .then(|| Outcome::ALL[next(6) as usize].as_str().to_string()),
                    ..ReportEntry::default()
                })
                .collect();
            let rows = long(&entries, month, month);
            for row in rows.chunks(measures.len()) {
                let cell = |name: &str| row.iter().find(|r| r.measure == name).unwrap().value;
                for (split, of) in [
                    ("route_", "requests"),
                    ("language_", "requests"),
                    ("asked_by_", "requests"),
                    ("closed_", "closed"),
                ] {
                    if !matches!(cell(of), Cell::Count(Count::Shown(_))) {
                        continue;
                    }
                    let hidden = row
                        .iter()
                        .filter(|r| r.measure.starts_with(split))
                        .filter(|r| !matches!(r.value, Cell::Count(Count::Shown(_))))
                        .count();
                    assert!(hidden != 1, "{split} in {row:?}");
                }
            }
        }
    }

    #[test]
    fn every_relationship_is_one_asker() {
        use crate::referral::fields::Relationship;
        for wire in Relationship::WIRE {
            let asker = Asker::of(Relationship::parse(wire).unwrap());
            assert!(Asker::ALL.contains(&asker));
        }
        assert_eq!(Asker::of(Relationship::Parent), Asker::Family);
        assert_eq!(Asker::of(Relationship::Supporter), Asker::Other);
    }

    #[test]
    fn months_are_read_strictly() {
        assert_eq!(
            Month::parse("2026-01"),
            Some(Month {
                year: 2026,
                month: 1
            })
        );
        for bad in ["2026-13", "2026-1", "26-01", "2026/01", "", "2026-00"] {
            assert_eq!(Month::parse(bad), None, "{bad}");
        }
        assert_eq!(
            Month::parse("2026-12").unwrap().next().to_string(),
            "2027-01"
        );
    }
}

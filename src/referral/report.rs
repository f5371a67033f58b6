//! The commissioners' numbers (`rj report --from YYYY-MM --to YYYY-MM [--format
//! csv|json]`): for each police area and month, how many requests were sent, how many
//! the service confirmed within the Victims' Code's 2 working days, the median working
//! days to confirmation, and how many failed. Computed from `report_entries`, which
//! keeps no personal data and outlives the purge. A count from 1 to 4 is shown as
//! "<5", and a median only when at least 5 requests were confirmed, so no small number
//! can point to a person.

use super::store::ReportEntry;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// The Victims' Code: a referral to support services within 2 working days.
pub const WITHIN_WORKING_DAYS: u32 = 2;

/// Counts below this are shown as "<5".
pub const SMALLEST_SHOWN: u64 = 5;

/// A month, `YYYY-MM`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
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

    fn next(self) -> Month {
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

/// A count as it may be shown.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Count {
    Shown(u64),
    /// 1 to 4.
    Small,
}

impl Count {
    fn of(n: u64) -> Count {
        if n == 0 || n >= SMALLEST_SHOWN {
            Count::Shown(n)
        } else {
            Count::Small
        }
    }

    fn text(self) -> String {
        match self {
            Count::Shown(n) => n.to_string(),
            Count::Small => format!("<{SMALLEST_SHOWN}"),
        }
    }

    fn json(self) -> Value {
        match self {
            Count::Shown(n) => json!(n),
            Count::Small => json!(format!("<{SMALLEST_SHOWN}")),
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

    fn text(self) -> String {
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
/// (even when none), then each area that had a request that month. `name` gives an
/// area's name from its slug.
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
            acknowledged_within: Count::of(
                confirmed
                    .iter()
                    .filter(|&&d| d <= WITHIN_WORKING_DAYS)
                    .count() as u64,
            ),
            median_days: Median::of(confirmed),
            failed: Count::of(group.iter().filter(|e| e.failed).count() as u64),
        }
    };
    let mut out = Vec::new();
    let mut month = from;
    while month <= to {
        let areas = by_month.remove(&month.to_string()).unwrap_or_default();
        let all: Vec<&ReportEntry> = areas.values().flatten().copied().collect();
        out.push(line(month, "all", "All areas".into(), &all));
        for (area, group) in &areas {
            out.push(line(month, area, name(area), group));
        }
        month = month.next();
    }
    out
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

/// The report as JSON: small counts as the string "<5", a median not shown as "<5"
/// (fewer than 5 confirmed) or null (none).
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
        let all = find("2026-11", "all");
        assert_eq!(
            (all.requests, all.median_days),
            (Count::Shown(8), Median::Shown(1.0))
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

//! A member's requests as one file to download: CSV for a spreadsheet, JSON for a case
//! system. Each request is its inbox row (reference, area, route, state and dates) and,
//! while they are held, its answers as the form posted them. A CSV cell a spreadsheet
//! would run as a formula is escaped, and the file starts with a byte-order mark so
//! spreadsheets read Welsh letters (ŵ, ŷ) as they are.

use super::audit::safe_cell;
use crate::calendar::iso_utc;
use crate::referral::fields::Field;
use crate::referral::form::Referral;
use crate::store::InboxRow;
use serde_json::{Value, json};

/// The most requests one file holds: the newest first. A service with more narrows the
/// list by state or area.
pub const MOST: i64 = 1_000;

/// The two kinds of file.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

impl Format {
    pub fn parse(text: &str) -> Option<Format> {
        match text {
            "csv" => Some(Format::Csv),
            "json" => Some(Format::Json),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Format::Csv => "csv",
            Format::Json => "json",
        }
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Csv => "text/csv; charset=utf-8",
            Format::Json => "application/json",
        }
    }
}

/// One request in the file: its row and, if still held, its answers.
pub struct Item {
    pub row: InboxRow,
    pub answers: Option<Referral>,
}

/// The answers a file has a column for: every question but the area (a column of the
/// row already) and the consent (always given, or there would be no request).
fn answer_fields() -> impl Iterator<Item = Field> {
    Field::ALL
        .into_iter()
        .filter(|f| !matches!(f, Field::Area | Field::Consent))
}

fn time(t: Option<i64>) -> String {
    t.map(iso_utc).unwrap_or_default()
}

/// The file's bytes.
pub fn write(format: Format, items: &[Item]) -> Vec<u8> {
    match format {
        Format::Csv => csv(items),
        Format::Json => serde_json::to_vec_pretty(&json(items)).unwrap_or_default(),
    }
}

fn csv(items: &[Item]) -> Vec<u8> {
    // The byte-order mark: without it Excel reads UTF-8 as Windows-1252 ("Ã¢" for "â").
    let mut w = csv::Writer::from_writer(b"\xEF\xBB\xBF".to_vec());
    let mut header: Vec<String> = [
        "reference",
        "area",
        "route",
        "audience",
        "state",
        "created",
        "received",
        "contacted",
        "closed",
        "outcome",
        "passed_to",
        "answers_held",
    ]
    .map(String::from)
    .to_vec();
    header.extend(answer_fields().map(|f| f.name().to_string()));
    let _ = w.write_record(&header);
    for item in items {
        let r = &item.row;
        let mut record = vec![
            r.reference.to_string(),
            r.area.clone(),
            r.routed.via.as_str().to_string(),
            r.routed.columns().1.to_string(),
            r.state.as_str().to_string(),
            iso_utc(r.created_at),
            time(r.acknowledged_at),
            time(r.contacted_at),
            time(r.closed_at),
            r.outcome
                .map(|o| o.as_str().to_string())
                .unwrap_or_default(),
            r.passed_to.clone().unwrap_or_default(),
            if item.answers.is_some() { "yes" } else { "no" }.to_string(),
        ];
        record.extend(answer_fields().map(|f| {
            item.answers
                .as_ref()
                .and_then(|a| a.wire(f))
                .unwrap_or_default()
        }));
        let _ = w.write_record(record.iter().map(|cell| safe_cell(cell)));
    }
    w.into_inner().unwrap_or_default()
}

fn json(items: &[Item]) -> Value {
    let requests: Vec<Value> = items
        .iter()
        .map(|item| {
            let r = &item.row;
            let at = |t: Option<i64>| t.map(iso_utc);
            json!({
                "reference": r.reference.to_string(),
                "area": r.area,
                "route": r.routed.via.as_str(),
                "audience": r.routed.columns().1,
                "state": r.state.as_str(),
                "created": iso_utc(r.created_at),
                "received": at(r.acknowledged_at),
                "contacted": at(r.contacted_at),
                "closed": at(r.closed_at),
                "outcome": r.outcome.map(|o| o.as_str()),
                "passed_to": r.passed_to,
                "youth_justice": item.answers.as_ref().map(Referral::youth_justice),
                "referral": item.answers,
            })
        })
        .collect();
    json!({ "schema": "rj-export/1", "requests": requests })
}

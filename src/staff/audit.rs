//! The audit log's entries and how they are written out. Every staff action is one row
//! (`store::audit` appends and reads them); `rj audit` and the admin's page print them.
//! A CSV cell that a spreadsheet would run as a formula is escaped.

use serde::Serialize;

/// What happened. Stored as the `as_str` word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    SignIn,
    SignOut,
    SignInFailed,
    Invited,
    PasskeyCreated,
    Removed,
    /// The answers of a request were shown.
    Viewed,
    Received,
    Contacted,
    Closed,
    PassedOn,
    /// The audit log itself was exported (`rj audit`) or read.
    Exported,
    /// Requests were downloaded as a file: one row for the file (its format and how
    /// many), and one for each request whose answers it held.
    Downloaded,
    /// An API key was made (`rj api-key create`): its id, area and name.
    ApiKeyCreated,
    /// An API key was revoked (`rj api-key revoke`).
    ApiKeyRevoked,
    /// A case system listed requests through the API: one row per call (the state and
    /// how many), and a `viewed` row for each request whose answers it held.
    ApiListed,
    /// An API call was refused: the refusal's code (the key, when there was one).
    ApiRefused,
    /// A commissioner's member looked at the numbers: the months and areas.
    NumbersViewed,
    /// A commissioner's member downloaded the numbers as CSV: the months and areas.
    NumbersDownloaded,
}

impl Event {
    pub fn as_str(self) -> &'static str {
        match self {
            Event::SignIn => "sign-in",
            Event::SignOut => "sign-out",
            Event::SignInFailed => "sign-in-failed",
            Event::Invited => "invited",
            Event::PasskeyCreated => "passkey-created",
            Event::Removed => "removed",
            Event::Viewed => "viewed",
            Event::Received => "received",
            Event::Contacted => "contacted",
            Event::Closed => "closed",
            Event::PassedOn => "passed-on",
            Event::Exported => "exported",
            Event::Downloaded => "downloaded",
            Event::ApiKeyCreated => "api-key-created",
            Event::ApiKeyRevoked => "api-key-revoked",
            Event::ApiListed => "api-listed",
            Event::ApiRefused => "api-refused",
            Event::NumbersViewed => "numbers-viewed",
            Event::NumbersDownloaded => "numbers-downloaded",
        }
    }
}

/// One row to append: who (a member's address, or none for a failed sign-in), what,
/// which request, a detail (an outcome, where it was passed, a role), and the network
/// as a keyed hash.
#[derive(Clone, Debug)]
pub struct Entry {
    pub actor: Option<String>,
    pub event: Event,
    pub reference: Option<String>,
    pub detail: Option<String>,
    pub network: Option<String>,
}

/// A row read back.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, sqlx::FromRow)]
pub struct Row {
    pub id: i64,
    pub at: i64,
    pub actor: Option<String>,
    pub action: String,
    pub reference: Option<String>,
    pub detail: Option<String>,
    pub network: Option<String>,
}

/// A cell a spreadsheet will not run: text starting `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading apostrophe (OWASP's advice for CSV injection).
pub fn safe_cell(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_string(),
    }
}

/// The rows as CSV with a header line; times in UTC, ISO 8601.
pub fn csv(rows: &[Row]) -> String {
    let mut w = csv::Writer::from_writer(Vec::new());
    let _ = w.write_record([
        "id",
        "at",
        "actor",
        "action",
        "reference",
        "detail",
        "network",
    ]);
    for r in rows {
        let cell = |v: &Option<String>| safe_cell(v.as_deref().unwrap_or(""));
        let _ = w.write_record([
            r.id.to_string(),
            crate::calendar::iso_utc(r.at),
            cell(&r.actor),
            safe_cell(&r.action),
            cell(&r.reference),
            cell(&r.detail),
            cell(&r.network),
        ]);
    }
    String::from_utf8(w.into_inner().unwrap_or_default()).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_escaped_in_csv() {
        let rows = vec![Row {
            id: 1,
            at: 0,
            actor: Some("=HYPERLINK(\"x\")".into()),
            action: "closed".into(),
            reference: None,
            detail: Some("+1".into()),
            network: Some("@x".into()),
        }];
        let text = csv(&rows);
        assert!(text.contains("'=HYPERLINK"), "{text}");
        assert!(text.contains(",'+1,"), "{text}");
        assert!(text.contains(",'@x"), "{text}");
        assert_eq!(safe_cell("-2"), "'-2");
        assert_eq!(safe_cell("plain"), "plain");
    }
}

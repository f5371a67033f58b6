//! The person's feedback as `rj feedback` prints it: one line per month, subject (a
//! page or a police area), language, question and answer, with counts under 5 shown as
//! "<5" by the report's own rule ([`Count::of`]).

use super::report::{Count, Month};
use crate::store::FeedbackCount;
use serde_json::json;

/// Quotes a CSV field when it needs it (subjects and answers are fixed words, but a
/// stored value is never trusted to be).
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

fn shown(count: i64) -> Count {
    Count::of(u64::try_from(count).unwrap_or(0))
}

/// `month,subject,lang,question,answer,count`.
pub fn csv(counts: &[FeedbackCount]) -> String {
    let mut out = String::from("month,subject,lang,question,answer,count\n");
    for c in counts {
        out.push_str(&format!(
            "{},{},{},{},{},{}\n",
            field(&c.month),
            field(&c.subject),
            field(&c.lang),
            field(&c.question),
            field(&c.answer),
            shown(c.count).text()
        ));
    }
    out
}

/// `{"from", "to", "rows": [{month, subject, lang, question, answer, count}]}`, a small
/// count as the string "<5".
pub fn json(counts: &[FeedbackCount], from: Month, to: Month) -> String {
    let rows: Vec<_> = counts
        .iter()
        .map(|c| {
            json!({
                "month": c.month,
                "subject": c.subject,
                "lang": c.lang,
                "question": c.question,
                "answer": c.answer,
                "count": shown(c.count).json(),
            })
        })
        .collect();
    json!({ "from": from.to_string(), "to": to.to_string(), "rows": rows }).to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn count(subject: &str, answer: &str, count: i64) -> FeedbackCount {
        FeedbackCount {
            month: "2026-12".into(),
            subject: subject.into(),
            lang: "cy".into(),
            question: "useful".into(),
            answer: answer.into(),
            count,
        }
    }

    #[test]
    fn small_counts_are_shown_as_under_five() {
        let counts = [count("page:ways", "yes", 7), count("page:ways", "no", 2)];
        let text = csv(&counts);
        assert!(
            text.contains("2026-12,page:ways,cy,useful,yes,7\n"),
            "{text}"
        );
        assert!(
            text.contains("2026-12,page:ways,cy,useful,no,<5\n"),
            "{text}"
        );
        let month = Month::parse("2026-12").unwrap();
        let parsed: serde_json::Value = serde_json::from_str(&json(&counts, month, month)).unwrap();
        assert_eq!(parsed["rows"][0]["count"], 7);
        assert_eq!(parsed["rows"][1]["count"], "<5");
    }
}

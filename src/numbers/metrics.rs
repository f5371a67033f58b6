//! The operator's numbers in the Prometheus text format (version 0.0.4): requests by
//! area and what became of them, the outbox, delivery and acknowledgement latency
//! histograms, the alerts and the signed webhooks. Everything is read from the database at each scrape
//! (`Store::numbers`), so every instance reports the same and a restart resets
//! nothing. Served only on the admin listener (`RJ_ADMIN_ADDR`), never the public port.

use crate::outbox::alerts::AlertKind;
use crate::store::{AlertStatus, Numbers};
use std::fmt::Write;

/// The `Content-Type` of the text format.
pub const CONTENT_TYPE: &str = "text/plain; version=0.0.4; charset=utf-8";

/// Delivery latency buckets: a second to a day.
const DELIVERY_BUCKETS: &[f64] = &[
    1.0, 5.0, 30.0, 60.0, 300.0, 900.0, 3600.0, 14_400.0, 86_400.0,
];

/// Acknowledgement latency buckets: an hour to two weeks.
const ACK_BUCKETS: &[f64] = &[
    3600.0,
    14_400.0,
    86_400.0,
    172_800.0,
    259_200.0,
    432_000.0,
    604_800.0,
    1_209_600.0,
];

/// The numbers as Prometheus text. `areas` are every area's slug, so each series
/// exists from the start (at 0); `now` is unix seconds.
pub fn render(n: &Numbers, areas: &[String], now: i64) -> String {
    let mut out = String::new();
    let by_area = [
        (
            "rj_requests_stored_total",
            "Requests stored, by police area.",
        ),
        (
            "rj_requests_sent_total",
            "Requests delivered to the service's or triage inbox, by police area.",
        ),
        (
            "rj_requests_failed_total",
            "Requests the mail server refused for good at least once, by police area.",
        ),
        (
            "rj_requests_acknowledged_total",
            "Requests the service confirmed it has, by police area.",
        ),
        (
            "rj_requests_resolved_total",
            "Requests the operator resolved, by police area.",
        ),
    ];
    for (i, (name, help)) in by_area.iter().enumerate() {
        header(&mut out, name, help, "counter");
        for area in areas {
            let counts = n.areas.iter().find(|c| &c.area == area);
            let value = counts.map_or(0, |c| {
                [c.stored, c.sent, c.failed, c.acknowledged, c.resolved][i]
            });
            let _ = writeln!(out, "{name}{{area=\"{}\"}} {value}", escape(area));
        }
    }
    let gauges = [
        (
            "rj_outbox_waiting",
            "Requests waiting to be delivered (the outbox's depth).",
            n.waiting,
        ),
        (
            "rj_outbox_oldest_waiting_age_seconds",
            "How long the oldest waiting request has waited (0 when none).",
            n.oldest_waiting.map_or(0, |t| (now - t).max(0)),
        ),
        (
            "rj_outbox_failed",
            "Requests refused for good and not yet retried or resolved.",
            n.failed_now,
        ),
        (
            "rj_requests_unacknowledged",
            "Requests delivered but not yet confirmed or resolved.",
            n.unconfirmed,
        ),
        (
            "rj_requests_purged",
            "Requests deleted at the end of the retention period without a confirmation.",
            n.purged,
        ),
    ];
    for (name, help, value) in gauges {
        header(&mut out, name, help, "gauge");
        let _ = writeln!(out, "{name} {value}");
    }
    // By area, every area from 0, so an alert can say which service has not answered.
    let name = "rj_requests_escalated_unacknowledged";
    header(
        &mut out,
        name,
        "Requests past escalation (the operator was told) that nobody has confirmed or resolved, by police area.",
        "gauge",
    );
    for area in areas {
        let value = n
            .escalated_unacknowledged
            .iter()
            .find(|(a, _)| a == area)
            .map_or(0, |(_, count)| *count);
        let _ = writeln!(out, "{name}{{area=\"{}\"}} {value}", escape(area));
    }
    histogram(
        &mut out,
        "rj_delivery_latency_seconds",
        "Seconds from storing a request to its delivery.",
        DELIVERY_BUCKETS,
        &n.delivery_seconds,
    );
    histogram(
        &mut out,
        "rj_acknowledgement_latency_seconds",
        "Seconds from a request's delivery to the service's confirmation.",
        ACK_BUCKETS,
        &n.acknowledgement_seconds,
    );
    header(
        &mut out,
        "rj_alerts_sent_total",
        "Reminders to services and alerts to the operator sent, by kind.",
        "counter",
    );
    for kind in AlertKind::ALL {
        let _ = writeln!(
            out,
            "rj_alerts_sent_total{{kind=\"{}\"}} {}",
            kind.as_str(),
            n.alerts(kind, AlertStatus::Sent)
        );
    }
    header(
        &mut out,
        "rj_alerts_waiting",
        "Reminders and alerts stored and not yet sent, by kind.",
        "gauge",
    );
    for kind in AlertKind::ALL {
        let _ = writeln!(
            out,
            "rj_alerts_waiting{{kind=\"{}\"}} {}",
            kind.as_str(),
            n.alerts(kind, AlertStatus::Pending)
        );
    }
    // Webhooks as emails are counted: from the database, no label that could be personal.
    for (name, help, kind, status) in [
        (
            "rj_webhooks_sent_total",
            "Signed webhooks the receiver accepted (2xx).",
            "counter",
            AlertStatus::Sent,
        ),
        (
            "rj_webhooks_failed_total",
            "Signed webhooks the receiver refused for good (the operator is alerted).",
            "counter",
            AlertStatus::Failed,
        ),
        (
            "rj_webhooks_waiting",
            "Signed webhooks stored and not yet delivered (retried with backoff).",
            "gauge",
            AlertStatus::Pending,
        ),
    ] {
        header(&mut out, name, help, kind);
        let _ = writeln!(out, "{name} {}", n.webhooks(status));
    }
    let name = "rj_webhooks_oldest_waiting_age_seconds";
    header(
        &mut out,
        name,
        "How long the oldest waiting webhook has waited (0 when none).",
        "gauge",
    );
    let age = n.webhooks_oldest_waiting.map_or(0, |t| (now - t).max(0));
    let _ = writeln!(out, "{name} {age}");
    out
}

fn header(out: &mut String, name: &str, help: &str, kind: &str) {
    let _ = writeln!(out, "# HELP {name} {help}");
    let _ = writeln!(out, "# TYPE {name} {kind}");
}

fn histogram(out: &mut String, name: &str, help: &str, buckets: &[f64], values: &[i64]) {
    header(out, name, help, "histogram");
    for &le in buckets {
        let count = values.iter().filter(|&&v| v as f64 <= le).count();
        let _ = writeln!(out, "{name}_bucket{{le=\"{le}\"}} {count}");
    }
    let _ = writeln!(out, "{name}_bucket{{le=\"+Inf\"}} {}", values.len());
    let _ = writeln!(out, "{name}_sum {}", values.iter().sum::<i64>());
    let _ = writeln!(out, "{name}_count {}", values.len());
}

/// A label value as the format needs it: backslash, quote and newline escaped.
fn escape(value: &str) -> String {
    value
        .replace('\\', "\\\\")
        .replace('"', "\\\"")
        .replace('\n', "\\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::AreaCounts;

    #[test]
    fn histograms_are_cumulative_and_every_area_is_listed() {
        let n = Numbers {
            areas: vec![AreaCounts {
                area: "kent".into(),
                stored: 3,
                sent: 2,
                failed: 1,
                acknowledged: 1,
                resolved: 0,
            }],
            delivery_seconds: vec![0, 4, 7200],
            escalated_unacknowledged: vec![("kent".into(), 2)],
            webhooks_oldest_waiting: Some(40),
            ..Numbers::default()
        };
        let text = render(&n, &["essex".into(), "kent".into()], 100);
        assert!(text.contains("rj_requests_escalated_unacknowledged{area=\"kent\"} 2\n"));
        assert!(text.contains("rj_requests_escalated_unacknowledged{area=\"essex\"} 0\n"));
        assert!(text.contains("rj_webhooks_oldest_waiting_age_seconds 60\n"));
        assert!(text.contains("rj_requests_stored_total{area=\"kent\"} 3\n"));
        assert!(text.contains("rj_requests_stored_total{area=\"essex\"} 0\n"));
        assert!(text.contains("rj_delivery_latency_seconds_bucket{le=\"1\"} 1\n"));
        assert!(text.contains("rj_delivery_latency_seconds_bucket{le=\"5\"} 2\n"));
        assert!(text.contains("rj_delivery_latency_seconds_bucket{le=\"3600\"} 2\n"));
        assert!(text.contains("rj_delivery_latency_seconds_bucket{le=\"14400\"} 3\n"));
        assert!(text.contains("rj_delivery_latency_seconds_sum 7204\n"));
        assert_eq!(escape("a\"b\\c\nd"), "a\\\"b\\\\c\\nd");
    }
}

//! The numbers read back from the database: the operator's (`/metrics`, `rj outbox
//! status`), so every instance reports the same and a restart loses nothing, and the
//! commissioners' record (`report_entries`, for `rj report`), which keeps no reference,
//! answers or times and outlives the purge.

use super::{AlertStatus, Store, StoreError};
use crate::calendar::uk_date;
use crate::outbox::alerts::AlertKind;

/// One police area's requests: how many were stored, delivered, refused for good,
/// confirmed by the service, and resolved by the operator (each ever, so they only grow).
#[derive(Clone, Debug, Default, PartialEq, Eq, sqlx::FromRow)]
pub struct AreaCounts {
    pub area: String,
    pub stored: i64,
    pub sent: i64,
    pub failed: i64,
    pub acknowledged: i64,
    pub resolved: i64,
}

/// Everything the operator's numbers show.
#[derive(Clone, Debug, Default)]
pub struct Numbers {
    pub areas: Vec<AreaCounts>,
    /// Requests waiting to be delivered (the outbox's depth).
    pub waiting: i64,
    /// When the oldest waiting request was stored.
    pub oldest_waiting: Option<i64>,
    /// Requests refused for good and not yet retried or resolved.
    pub failed_now: i64,
    /// Delivered, not confirmed, not resolved.
    pub unconfirmed: i64,
    pub purged: i64,
    /// Seconds from storing to delivery, for each delivered request.
    pub delivery_seconds: Vec<i64>,
    /// Seconds from delivery to the service's confirmation.
    pub acknowledgement_seconds: Vec<i64>,
    /// How many alerts there are of each kind and status.
    pub alerts: Vec<AlertCount>,
    /// How many webhooks there are at each status.
    pub webhooks: Vec<(AlertStatus, i64)>,
    /// By area: requests past escalation (the operator's escalation alert is stored)
    /// that nobody has confirmed or resolved yet.
    pub escalated_unacknowledged: Vec<(String, i64)>,
    /// When the oldest webhook still waiting to be delivered was stored.
    pub webhooks_oldest_waiting: Option<i64>,
}

/// How many alerts of one kind stand at one status.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AlertCount {
    pub kind: AlertKind,
    pub status: AlertStatus,
    pub count: i64,
}

impl Numbers {
    /// Webhooks at `status`.
    pub fn webhooks(&self, status: AlertStatus) -> i64 {
        self.webhooks
            .iter()
            .filter(|(s, _)| *s == status)
            .map(|(_, n)| n)
            .sum()
    }

    /// Alerts of `kind` with `status`.
    pub fn alerts(&self, kind: AlertKind, status: AlertStatus) -> i64 {
        self.alerts
            .iter()
            .filter(|a| a.kind == kind && a.status == status)
            .map(|a| a.count)
            .sum()
    }
}

/// One request in the commissioners' record: no reference, no answers, no times, only
/// categories, flags and working days (see `migrations/*/0013_report_measures.sql`).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ReportEntry {
    pub area: String,
    /// `YYYY-MM`, the UK month it was sent.
    pub month: String,
    /// Working days from sending to the service's confirmation.
    pub acknowledged_days: Option<u32>,
    /// It has not reached the service (refused for good, or purged undelivered).
    pub failed: bool,
    /// `direct` or `triage` when sent (none: not recorded).
    pub route: Option<String>,
    /// `en` or `cy`, the language asked for contact (none: not recorded).
    pub language: Option<String>,
    /// `harmed`, `family` or `other` (`referral::fields::Asker`; none: not recorded).
    pub asker: Option<String>,
    /// The one responsible was under 18.
    pub youth: bool,
    /// Working days from sending to the first contact staff recorded.
    pub contacted_days: Option<u32>,
    /// The inbox's outcome (`staff::Outcome::as_str`), once closed.
    pub outcome: Option<String>,
    /// Triage passed it to a service.
    pub passed_on: bool,
    /// Its answers were purged because the service never confirmed it.
    pub purged_unconfirmed: bool,
}

/// One row of `report_entries` as read.
#[derive(sqlx::FromRow)]
struct ReportRow {
    area: String,
    month: String,
    acknowledged_days: Option<i64>,
    failed: i64,
    route: Option<String>,
    language: Option<String>,
    asker: Option<String>,
    youth: i64,
    contacted_days: Option<i64>,
    outcome: Option<String>,
    passed_on: i64,
    purged_unconfirmed: i64,
}

fn days(d: Option<i64>) -> Option<u32> {
    d.map(|d| u32::try_from(d.max(0)).unwrap_or(u32::MAX))
}

/// The UK month of `unix` seconds, `YYYY-MM`.
pub fn month_of(unix: i64) -> String {
    let d = uk_date(unix);
    format!("{:04}-{:02}", d.year, d.month)
}

#[derive(sqlx::FromRow)]
struct Outbox {
    waiting: i64,
    oldest_waiting: Option<i64>,
    failed_now: i64,
    unconfirmed: i64,
    purged: i64,
}

impl Store {
    /// The operator's numbers: every count by area, the outbox, the latencies and the
    /// alerts, read in one go (see `metrics`).
    pub async fn numbers(&self) -> Result<Numbers, StoreError> {
        let areas: Vec<AreaCounts> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT area, COUNT(*) AS stored, COUNT(sent_at) AS sent, COUNT(failed_at) AS failed,
                        COUNT(acknowledged_at) AS acknowledged, COUNT(resolved_at) AS resolved
                 FROM referrals GROUP BY area ORDER BY area",
            )
            .fetch_all(pool)
            .await
        })?;
        // SUM of a CASE of small integers is BIGINT on PostgreSQL (i64 on both).
        let outbox: Outbox = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT
                   COALESCE(SUM(CASE WHEN status = 'pending' AND resolved_at IS NULL THEN 1 ELSE 0 END), 0) AS waiting,
                   MIN(CASE WHEN status = 'pending' AND resolved_at IS NULL THEN created_at END) AS oldest_waiting,
                   COALESCE(SUM(CASE WHEN status = 'failed' AND resolved_at IS NULL THEN 1 ELSE 0 END), 0) AS failed_now,
                   COALESCE(SUM(CASE WHEN status = 'sent' AND acknowledged_at IS NULL
                                      AND resolved_at IS NULL THEN 1 ELSE 0 END), 0) AS unconfirmed,
                   COALESCE(SUM(CASE WHEN status = 'purged' THEN 1 ELSE 0 END), 0) AS purged
                 FROM referrals",
            )
            .fetch_one(pool)
            .await
        })?;
        let delivery_seconds: Vec<i64> = on_db!(&self.db, pool => {
            sqlx::query_scalar("SELECT sent_at - created_at FROM referrals WHERE sent_at IS NOT NULL")
                .fetch_all(pool)
                .await
        })?;
        let acknowledgement_seconds: Vec<i64> = on_db!(&self.db, pool => {
            sqlx::query_scalar(
                "SELECT acknowledged_at - sent_at FROM referrals
                 WHERE acknowledged_at IS NOT NULL AND sent_at IS NOT NULL",
            )
            .fetch_all(pool)
            .await
        })?;
        let alerts: Vec<(String, String, i64)> = on_db!(&self.db, pool => {
            sqlx::query_as("SELECT kind, status, COUNT(*) FROM alerts GROUP BY kind, status")
                .fetch_all(pool)
                .await
        })?;
        let webhooks: Vec<(String, i64)> = on_db!(&self.db, pool => {
            sqlx::query_as("SELECT status, COUNT(*) FROM webhooks GROUP BY status")
                .fetch_all(pool)
                .await
        })?;
        // Past escalation: `queue_due_alerts` stored the escalation alert, which it does
        // only once `escalate_at` has passed; still waiting if nobody confirmed or resolved.
        let escalated_unacknowledged: Vec<(String, i64)> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT r.area, COUNT(*) FROM referrals r
                 WHERE r.status = 'sent' AND r.acknowledged_at IS NULL AND r.resolved_at IS NULL
                   AND EXISTS (SELECT 1 FROM alerts a
                               WHERE a.referral_id = r.id AND a.kind = 'escalation')
                 GROUP BY r.area ORDER BY r.area",
            )
            .fetch_all(pool)
            .await
        })?;
        let webhooks_oldest_waiting: Option<i64> = on_db!(&self.db, pool => {
            sqlx::query_scalar("SELECT MIN(created_at) FROM webhooks WHERE status = 'pending'")
                .fetch_one(pool)
                .await
        })?;
        Ok(Numbers {
            escalated_unacknowledged,
            webhooks_oldest_waiting,
            webhooks: webhooks
                .into_iter()
                .filter_map(|(status, count)| Some((AlertStatus::parse(&status).ok()?, count)))
                .collect(),
            areas,
            waiting: outbox.waiting,
            oldest_waiting: outbox.oldest_waiting,
            failed_now: outbox.failed_now,
            unconfirmed: outbox.unconfirmed,
            purged: outbox.purged,
            delivery_seconds,
            acknowledgement_seconds,
            alerts: alerts
                .into_iter()
                .filter_map(|(kind, status, count)| {
                    Some(AlertCount {
                        kind: AlertKind::parse(&kind)?,
                        status: AlertStatus::parse(&status).ok()?,
                        count,
                    })
                })
                .collect(),
        })
    }

    /// The commissioners' record for the months `from` to `to` (`YYYY-MM`, inclusive):
    /// each request's area, month and what became of it.
    pub async fn report_entries(
        &self,
        from: &str,
        to: &str,
    ) -> Result<Vec<ReportEntry>, StoreError> {
        let rows: Vec<ReportRow> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT area, month, acknowledged_days, failed, route, language, asker, youth,
                        contacted_days, outcome, passed_on, purged_unconfirmed
                 FROM report_entries
                 WHERE month >= $1 AND month <= $2 ORDER BY month, area",
            )
            .bind(from)
            .bind(to)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .map(|r| ReportEntry {
                area: r.area,
                month: r.month,
                acknowledged_days: days(r.acknowledged_days),
                failed: r.failed != 0,
                route: r.route,
                language: r.language,
                asker: r.asker,
                youth: r.youth != 0,
                contacted_days: days(r.contacted_days),
                outcome: r.outcome,
                passed_on: r.passed_on != 0,
                purged_unconfirmed: r.purged_unconfirmed != 0,
            })
            .collect())
    }
}

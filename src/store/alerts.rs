//! The alerts table: the emails that chase a request nobody has confirmed (the
//! reminder to the service; the escalation, permanent-failure and retention alerts to
//! the operator). The sweep stores those that have fallen due, one of each kind per
//! request ever (the table's unique key), so a sweep repeated by another instance, or
//! after a crash, adds nothing; workers of any instance then lease and send them as
//! they do requests.

use super::{AlertStatus, Queue, RequestStatus, Store, StoreError};
use crate::areas::directory::Routed;
use crate::outbox::alerts::AlertKind;
use crate::referral::form::Referral;
use crate::referral::reference::Reference;

/// What an alert may say about its request: dates, area and route, never the answers.
#[derive(Clone, Debug)]
pub struct AlertFacts {
    pub reference: Reference,
    pub area: String,
    pub status: RequestStatus,
    pub created_at: i64,
    pub sent_at: Option<i64>,
    pub acknowledged_at: Option<i64>,
    pub resolved_at: Option<i64>,
    /// When the reminder went to the service, if it has.
    pub reminded_at: Option<i64>,
    /// Where the request went (the route kept with it).
    pub routed: Option<Routed>,
    /// The last delivery error (a reply code, never an address).
    pub last_error: Option<String>,
}

/// An alert a worker has leased for sending.
pub struct ClaimedAlert {
    pub id: i64,
    pub kind: AlertKind,
    pub attempts: u32,
    pub facts: AlertFacts,
    /// The answers, for a reminder (the service's email again), while they are held.
    pub referral: Option<Referral>,
}

/// One alert, for `outbox status` and the tests.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AlertRow {
    pub reference: Reference,
    pub kind: AlertKind,
    pub status: AlertStatus,
}

#[derive(sqlx::FromRow)]
struct FactsRow {
    reference: String,
    area: String,
    status: String,
    created_at: i64,
    sent_at: Option<i64>,
    acknowledged_at: Option<i64>,
    resolved_at: Option<i64>,
    route: Option<String>,
    audience: Option<String>,
    last_error: Option<String>,
    payload: Option<String>,
    payload_key: Option<String>,
    reminded_at: Option<i64>,
}

impl Store {
    /// Stores the alerts that have fallen due at `now`: a reminder for each delivered
    /// request nobody has confirmed by its `remind_at`, an escalation by its
    /// `escalate_at`, and a retention warning for each unconfirmed request stored
    /// before `warn_before`. Each kind at most once per request (the unique key), so
    /// running this again, on a restarted instance or another one, adds nothing.
    /// Returns how many were added.
    pub async fn queue_due_alerts(&self, now: i64, warn_before: i64) -> Result<u64, StoreError> {
        let mut added = 0;
        // Each kind: when it is due, against $2.
        for (kind, due, before) in [
            ("reminder", "status = 'sent' AND remind_at <= $2", now),
            ("escalation", "status = 'sent' AND escalate_at <= $2", now),
            (
                "retention",
                "status IN ('pending', 'sent', 'failed') AND created_at < $2",
                warn_before,
            ),
        ] {
            let sql = format!(
                "INSERT INTO alerts (referral_id, kind, status, next_attempt_at, created_at)
                 SELECT id, '{kind}', 'pending', $1, $1 FROM referrals
                 WHERE acknowledged_at IS NULL AND resolved_at IS NULL AND {due}
                 ON CONFLICT (referral_id, kind) DO NOTHING"
            );
            added += on_db!(&self.db, pool => {
                sqlx::query(&sql)
                    .bind(now)
                    .bind(before)
                    .execute(pool)
                    .await
                    .map(|done| done.rows_affected())
            })?;
        }
        Ok(added)
    }

    /// Leases the next alert that is due, if any, for `lease_seconds`.
    pub async fn claim_alert(
        &self,
        now: i64,
        lease_seconds: i64,
    ) -> Result<Option<ClaimedAlert>, StoreError> {
        let Some(lease) = self.lease(Queue::Alerts, now, lease_seconds).await? else {
            return Ok(None);
        };
        let (referral_id, kind): (i64, String) = on_db!(&self.db, pool => {
            sqlx::query_as("SELECT referral_id, kind FROM alerts WHERE id = $1")
                .bind(lease.id)
                .fetch_one(pool)
                .await
        })?;
        let kind = AlertKind::parse(&kind).expect("the table only holds known kinds");
        let r: FactsRow = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT r.reference, r.area, r.status, r.created_at, r.sent_at, r.acknowledged_at,
                        r.resolved_at, r.route, r.audience, r.last_error, r.payload,
                        r.payload_key,
                        (SELECT a.sent_at FROM alerts a
                         WHERE a.referral_id = r.id AND a.kind = 'reminder' AND a.status = 'sent')
                        AS reminded_at
                 FROM referrals r WHERE r.id = $1",
            )
            .bind(referral_id)
            .fetch_one(pool)
            .await
        })?;
        let referral = match (kind, r.payload) {
            (AlertKind::Reminder, Some(p)) => {
                Some(self.open_answers(&r.reference, &p, r.payload_key.as_deref())?)
            }
            _ => None,
        };
        Ok(Some(ClaimedAlert {
            id: lease.id,
            kind,
            attempts: lease.attempts,
            facts: AlertFacts {
                reference: Reference::parse(&r.reference).expect("stored references are valid"),
                area: r.area,
                status: RequestStatus::parse(&r.status)?,
                created_at: r.created_at,
                sent_at: r.sent_at,
                acknowledged_at: r.acknowledged_at,
                resolved_at: r.resolved_at,
                reminded_at: r.reminded_at,
                routed: Routed::from_columns(r.route.as_deref(), r.audience.as_deref()),
                last_error: r.last_error,
            },
            referral,
        }))
    }

    /// The alert is sent, refused for good, or no longer needed (cancelled).
    pub async fn finish_alert(
        &self,
        id: i64,
        status: AlertStatus,
        now: i64,
        error: Option<&str>,
    ) -> Result<(), StoreError> {
        let sent_at = (status == AlertStatus::Sent).then_some(now);
        on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE alerts SET status = $2, sent_at = $3, lease_until = NULL, last_error = $4
                 WHERE id = $1",
            )
            .bind(id)
            .bind(status.as_str())
            .bind(sent_at)
            .bind(error)
            .execute(pool)
            .await
            .map(drop)
        })?;
        Ok(())
    }

    /// Not sent this time; try again at `next_attempt_at`.
    pub async fn retry_alert(
        &self,
        id: i64,
        next_attempt_at: i64,
        error: &str,
    ) -> Result<(), StoreError> {
        self.due_again(Queue::Alerts, id, next_attempt_at, error)
            .await
    }

    /// Every alert, oldest first.
    pub async fn alerts(&self) -> Result<Vec<AlertRow>, StoreError> {
        let rows: Vec<(String, String, String)> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT r.reference, a.kind, a.status FROM alerts a
                 JOIN referrals r ON r.id = a.referral_id ORDER BY a.id",
            )
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .filter_map(|(reference, kind, status)| {
                Some(AlertRow {
                    reference: Reference::parse(&reference).ok()?,
                    kind: AlertKind::parse(&kind)?,
                    status: AlertStatus::parse(&status).ok()?,
                })
            })
            .collect())
    }
}

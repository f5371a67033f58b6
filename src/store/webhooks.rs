//! The webhooks table: one "request.created" event per request whose route has a signed
//! webhook, stored in the request's own transaction (`submit`), then leased from the
//! same queue as emails ([`Queue::Webhooks`]) and finished here. A webhook refused for
//! good stores the operator's alert in the same transaction, as a refused email does.
//! Nothing here is personal: the reference, area, audience and the person's language.

use super::{AlertStatus, Queue, Store, StoreError};
use crate::areas::directory::Audience;
use crate::i18n::Lang;
use crate::referral::reference::Reference;

/// A webhook a worker has leased for sending.
#[derive(Clone, Debug)]
pub struct ClaimedWebhook {
    pub id: i64,
    /// This is attempt number `attempts` (1 for the first).
    pub attempts: u32,
    pub reference: Reference,
    pub area: String,
    pub audience: Audience,
    pub language: Lang,
    /// When the request was stored: the event's time, the same on every attempt.
    pub created_at: i64,
}

/// One webhook, for the tests and the numbers.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct WebhookRow {
    pub reference: Reference,
    pub status: AlertStatus,
    pub attempts: i64,
}

impl Store {
    /// Leases the next webhook that is due, if any, for `lease_seconds`.
    pub async fn claim_webhook(
        &self,
        now: i64,
        lease_seconds: i64,
    ) -> Result<Option<ClaimedWebhook>, StoreError> {
        let Some(lease) = self.lease(Queue::Webhooks, now, lease_seconds).await? else {
            return Ok(None);
        };
        let row: (String, String, Option<String>, String, i64) = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT r.reference, r.area, r.audience, w.language, r.created_at
                 FROM webhooks w JOIN referrals r ON r.id = w.referral_id WHERE w.id = $1",
            )
            .bind(lease.id)
            .fetch_one(pool)
            .await
        })?;
        let (reference, area, audience, language, created_at) = row;
        Ok(Some(ClaimedWebhook {
            id: lease.id,
            attempts: lease.attempts,
            reference: Reference::parse(&reference).expect("stored references are valid"),
            area,
            audience: match audience.as_deref() {
                Some("youth") => Audience::Youth,
                _ => Audience::All,
            },
            language: match language.as_str() {
                "cy" => Lang::Cy,
                _ => Lang::En,
            },
            created_at,
        }))
    }

    /// The webhook is delivered, or no longer to be sent (cancelled).
    pub async fn finish_webhook(
        &self,
        id: i64,
        status: AlertStatus,
        now: i64,
        error: Option<&str>,
    ) -> Result<(), StoreError> {
        let sent_at = (status == AlertStatus::Sent).then_some(now);
        on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE webhooks SET status = $2, sent_at = $3, lease_until = NULL, last_error = $4
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

    /// Refused for good by the receiver: marked failed, and the operator's alert
    /// (kind `webhook`) stored in the same transaction, once per request.
    pub async fn webhook_failed(&self, id: i64, error: &str, now: i64) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            async {
                let mut tx = pool.begin().await?;
                sqlx::query(
                    "UPDATE webhooks SET status = 'failed', lease_until = NULL, last_error = $2
                     WHERE id = $1",
                )
                .bind(id)
                .bind(error)
                .execute(&mut *tx)
                .await?;
                sqlx::query(
                    "INSERT INTO alerts (referral_id, kind, status, next_attempt_at, created_at)
                     SELECT referral_id, 'webhook', 'pending', $2, $2 FROM webhooks WHERE id = $1
                     ON CONFLICT (referral_id, kind) DO NOTHING",
                )
                .bind(id)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                tx.commit().await
            }
            .await
        })?;
        Ok(())
    }

    /// Every webhook, oldest first.
    pub async fn webhooks(&self) -> Result<Vec<WebhookRow>, StoreError> {
        let rows: Vec<(String, String, i64)> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT r.reference, w.status, w.attempts FROM webhooks w
                 JOIN referrals r ON r.id = w.referral_id ORDER BY w.id",
            )
            .fetch_all(pool)
            .await
        })?;
        rows.into_iter()
            .map(|(reference, status, attempts)| {
                Ok(WebhookRow {
                    reference: Reference::parse(&reference)
                        .map_err(|_| StoreError::UnknownStatus(reference.clone()))?,
                    status: AlertStatus::parse(&status)?,
                    attempts,
                })
            })
            .collect()
    }
}

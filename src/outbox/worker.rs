//! The delivery worker: takes one due request at a time from the outbox (under a
//! lease), emails it to the area's service (by default only that it is waiting in the
//! staff inbox; the full answers where the route says `delivery = "email"`), then the
//! person's confirmation if asked for, and records the outcome; then, the same way, the
//! routes' signed webhooks (`webhook`) and the alerts that chase requests nobody has
//! confirmed. Transient failures are retried with exponential backoff and
//! jitter; permanent ones are marked failed, reported loudly, and alert the operator.
//! One worker also runs the periodic [`Worker::sweep`]. Logs name requests by
//! reference only, never by anything the person wrote.

use super::alerts::{self, AlertKind};
use super::webhook::{Outcome, WebhookSender};
use crate::areas::directory::{Delivery, Directory, Route, Via};
use crate::areas::{Areas, PoliceArea};
use crate::calendar::{AckClock, Clock};
use crate::mail::address::EmailAddress;
use crate::mail::render::{self, Reminder, RenderError, Sender};
use crate::mail::transport::{Mailer, SendError};
use crate::referral::ack::AckTokens;
use crate::referral::form::Referral;
use crate::referral::reference::Reference;
use crate::store::{
    AlertStatus, Claimed, ClaimedAlert, ClaimedWebhook, Delivered, Lease, Queue, Store,
};
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::watch;

/// How the worker paces itself.
#[derive(Clone, Debug)]
pub struct Pacing {
    /// How long a claimed request is reserved for this worker.
    pub lease: Duration,
    /// First retry delay; doubled for each further attempt.
    pub retry_base: Duration,
    /// Longest retry delay.
    pub retry_max: Duration,
    /// How often to look for work when there is none.
    pub poll: Duration,
    /// Requests nobody confirmed or resolved are purged this long after they were stored.
    pub retention: Duration,
    /// How long before the purge the operator is warned about an unconfirmed request.
    pub retention_warning: Duration,
    /// How often one worker of each instance sweeps ([`Worker::sweep`]).
    pub sweep: Duration,
    /// How long a confirmed request's answers are kept after the confirmation, so the
    /// operator can still resend it if the service finds the email unreadable.
    pub ack_grace: Duration,
}

impl Default for Pacing {
    fn default() -> Self {
        Self {
            lease: Duration::from_secs(120),
            retry_base: Duration::from_secs(30),
            retry_max: Duration::from_secs(3600),
            poll: Duration::from_millis(500),
            retention: Duration::from_secs(30 * 24 * 3600),
            retention_warning: Duration::from_secs(3 * 24 * 3600),
            sweep: Duration::from_secs(30),
            ack_grace: Duration::from_secs(3 * 24 * 3600),
        }
    }
}

pub struct Worker {
    pub store: Store,
    pub mailer: Mailer,
    pub areas: Arc<Areas>,
    pub directory: Arc<Directory>,
    pub sender: Arc<Sender>,
    pub pacing: Pacing,
    pub chasing: Chasing,
    /// The time (the system's, or a test's).
    pub clock: Clock,
    /// Signs the link in each service email that confirms the service has it.
    pub ack: AckTokens,
    /// Sends the routes' signed webhooks (`None`: none are sent, they wait).
    pub webhooks: Option<WebhookSender>,
}

/// Chasing requests nobody has confirmed: when, and who hears of it.
#[derive(Clone, Debug)]
pub struct Chasing {
    pub clock: AckClock,
    /// Where escalations and alerts go (`RJ_OPERATOR_EMAIL`).
    pub operator: EmailAddress,
}

/// Seconds to wait before attempt `attempts + 1`: base × 2^(attempts−1), capped, ±20%.
pub fn backoff(pacing: &Pacing, attempts: u32, jitter: f64) -> i64 {
    let base =
        pacing.retry_base.as_secs_f64() * 2f64.powi(attempts.saturating_sub(1).min(30) as i32);
    let capped = base.min(pacing.retry_max.as_secs_f64());
    (capped * (0.8 + 0.4 * jitter.clamp(0.0, 1.0)))
        .round()
        .max(1.0) as i64
}

impl Worker {
    /// Runs until `shutdown` becomes true. Several workers may run at once, in one
    /// instance or several (each request and alert is leased to one); only one of each
    /// instance's should sweep, and the database lets one instance at a time do it.
    pub async fn run(self, shutdown: watch::Receiver<bool>) {
        self.run_with(shutdown, true).await
    }

    pub async fn run_with(self, mut shutdown: watch::Receiver<bool>, sweeper: bool) {
        let mut next_sweep = tokio::time::Instant::now();
        loop {
            if *shutdown.borrow() {
                break;
            }
            if sweeper && tokio::time::Instant::now() >= next_sweep {
                self.sweep(self.clock.now()).await;
                next_sweep = tokio::time::Instant::now() + self.pacing.sweep;
            }
            let now = self.clock.now();
            let lease = self.pacing.lease.as_secs() as i64;
            let idle = match self.store.claim(now, lease).await {
                Ok(Some(claimed)) => {
                    self.deliver(claimed).await;
                    false
                }
                // A webhook says a request is here: before the alerts, which can wait.
                Ok(None) if self.next_webhook(now, lease).await => false,
                Ok(None) => match self.store.claim_alert(now, lease).await {
                    Ok(Some(alert)) => {
                        self.send_alert(alert).await;
                        false
                    }
                    Ok(None) => true,
                    Err(e) => {
                        tracing::error!("outbox: cannot read the alerts: {e}");
                        true
                    }
                },
                Err(e) => {
                    tracing::error!("outbox: cannot read the queue: {e}");
                    true
                }
            };
            if idle {
                tokio::select! {
                    _ = tokio::time::sleep(self.pacing.poll) => {}
                    _ = shutdown.changed() => {}
                }
            }
        }
    }

    /// Where a request goes (a youth justice case to the area's youth service, if the
    /// directory lists one).
    fn route(&self, area: &PoliceArea, referral: &Referral) -> Route {
        self.directory.route(area.id, referral.youth_justice())
    }

    /// The email to the service or triage (or its `reminder`), as the route's delivery
    /// says: that the request is waiting in the staff inbox, or the full answers.
    fn request_email(
        &self,
        reference: Reference,
        referral: &Referral,
        area: &PoliceArea,
        route: &Route,
        received_at: i64,
        reminder: Option<Reminder>,
    ) -> Result<lettre::Message, RenderError> {
        match route.delivery {
            Delivery::Email => render::service_email_with(
                reference,
                referral,
                area,
                route,
                &self.sender,
                &self.ack,
                reminder,
            ),
            Delivery::Inbox => render::inbox_email(
                reference,
                area,
                route,
                &self.sender,
                &render::service_languages(area, referral),
                received_at,
                reminder,
            ),
        }
    }

    /// When the request was stored, for the inbox email (now, if it cannot be read).
    async fn received_at(&self, reference: Reference) -> i64 {
        match self.store.find(reference).await {
            Ok(Some(stored)) => stored.created_at,
            Ok(None) => self.clock.now(),
            Err(e) => {
                tracing::warn!(%reference, "outbox: cannot read when the request came: {e}");
                self.clock.now()
            }
        }
    }

    /// One attempt at one request.
    pub async fn deliver(&self, c: Claimed) {
        let reference = c.reference;
        let Some(area) = self.areas.by_slug(&c.area) else {
            return self.failed(&c, "the police area is no longer known").await;
        };
        let route = self.route(area, &c.referral);
        if !c.service_sent {
            let received_at = match route.delivery {
                Delivery::Inbox => self.received_at(reference).await,
                Delivery::Email => self.clock.now(),
            };
            let message =
                match self.request_email(reference, &c.referral, area, &route, received_at, None) {
                    Ok(m) => m,
                    Err(e) => return self.failed(&c, &e.to_string()).await,
                };
            match self.mailer.send(&reference.to_string(), &message).await {
                Ok(()) => {
                    let way = match route.via {
                        Via::Direct => "the service",
                        Via::Triage => "triage",
                    };
                    tracing::info!(%reference, area = %c.area, attempt = c.attempts, "outbox: sent to {way}")
                }
                Err(e) => return self.not_sent(&c, e).await,
            }
            if route.delivery == Delivery::Email
                && let Err(e) = self.store.mark_answers_emailed(c.id).await
            {
                tracing::error!(%reference, "outbox: cannot record that the answers went by email: {e}");
            }
            // What the confirmation page says follows what was done.
            if let Err(e) = self.store.record_route(reference, route.routed()).await {
                tracing::error!(%reference, "outbox: cannot record the route: {e}");
            }
        }
        // A request triage passed to another service: the person was told already.
        let confirmation = match c.person_told {
            true => Ok(None),
            false => render::confirmation_email(reference, &c.referral, &route, &self.sender),
        };
        match confirmation {
            Ok(Some(confirmation)) => {
                if let Err(e) = self.store.mark_service_sent(c.id).await {
                    tracing::error!(%reference, "outbox: cannot record delivery: {e}");
                }
                let name = format!("{reference}-confirmation");
                match self.mailer.send(&name, &confirmation).await {
                    Ok(()) => tracing::info!(%reference, "outbox: confirmation sent"),
                    Err(SendError::Permanent(e)) => {
                        tracing::warn!(%reference, "outbox: the confirmation was refused ({e}); the service has the request");
                    }
                    Err(e @ SendError::Transient(_)) => return self.not_sent(&c, e).await,
                }
            }
            Ok(None) => {}
            Err(e) => tracing::warn!(%reference, "outbox: no confirmation: {e}"),
        }
        let at = self.clock.now();
        let delivered = Delivered {
            at,
            remind_at: self.chasing.clock.remind_at(at),
            escalate_at: self.chasing.clock.escalate_at(at),
        };
        if let Err(e) = self.store.mark_sent(c.id, &delivered).await {
            tracing::error!(%reference, "outbox: sent, but cannot record it (it may be sent again): {e}");
        }
    }

    async fn not_sent(&self, c: &Claimed, error: SendError) {
        match error {
            SendError::Transient(reason) => {
                let lease = Lease {
                    id: c.id,
                    attempts: c.attempts,
                };
                self.again_later(Queue::Requests, lease, c.reference, &reason)
                    .await
            }
            SendError::Permanent(reason) => self.failed(c, &reason).await,
        }
    }

    /// Not sent this time (a transient error): the row is due again after the backoff
    /// for its attempt. Requests and alerts alike.
    async fn again_later(&self, queue: Queue, lease: Lease, reference: Reference, reason: &str) {
        let wait = backoff(&self.pacing, lease.attempts, rand::random::<f64>());
        tracing::warn!(%reference, ?queue, attempt = lease.attempts, retry_in_seconds = wait, "outbox: not sent, will retry: {reason}");
        let at = self.clock.now() + wait;
        if let Err(e) = self.store.due_again(queue, lease.id, at, reason).await {
            tracing::error!(%reference, "outbox: cannot schedule the retry (the lease will expire and it will be tried again): {e}");
        }
    }

    async fn failed(&self, c: &Claimed, reason: &str) {
        tracing::error!(
            reference = %c.reference,
            area = %c.area,
            "OUTBOX: REQUEST FAILED PERMANENTLY and will not be retried: {reason}. \
             Fix the cause (check the area's address in RJ_ROUTING), then run `rj outbox retry {}`",
            c.reference
        );
        if let Err(e) = self.store.mark_failed(c.id, reason, self.clock.now()).await {
            tracing::error!(reference = %c.reference, "outbox: cannot record the failure: {e}");
        }
    }

    /// Leases and sends the next due webhook, if this worker sends webhooks; whether
    /// there was one.
    async fn next_webhook(&self, now: i64, lease: i64) -> bool {
        let Some(sender) = &self.webhooks else {
            return false;
        };
        match self.store.claim_webhook(now, lease).await {
            Ok(Some(webhook)) => {
                self.send_webhook(sender, webhook).await;
                true
            }
            Ok(None) => false,
            Err(e) => {
                tracing::error!("outbox: cannot read the webhooks: {e}");
                false
            }
        }
    }

    /// One attempt at one webhook: to the route's webhook as the routing file says
    /// now (a route whose webhook was removed cancels it). Retried with the emails'
    /// backoff; refused for good, it alerts the operator.
    pub async fn send_webhook(&self, sender: &WebhookSender, w: ClaimedWebhook) {
        let reference = w.reference;
        let target = self
            .areas
            .by_slug(&w.area)
            .and_then(|area| self.directory.routing().webhook(area.id, w.audience));
        let Some(target) = target else {
            tracing::info!(%reference, "outbox: webhook not sent: the route no longer has one");
            return self.finish_webhook(&w, AlertStatus::Cancelled, None).await;
        };
        let lease = Lease {
            id: w.id,
            attempts: w.attempts,
        };
        match sender.send(target, &w, self.clock.now()).await {
            Outcome::Delivered(status) => {
                tracing::info!(%reference, area = %w.area, attempt = w.attempts, status, "outbox: webhook delivered");
                self.finish_webhook(&w, AlertStatus::Sent, None).await;
            }
            Outcome::Transient(reason) => {
                self.again_later(Queue::Webhooks, lease, reference, &reason)
                    .await
            }
            Outcome::Permanent(reason) => {
                tracing::error!(
                    %reference,
                    area = %w.area,
                    host = target.host(),
                    "OUTBOX: A WEBHOOK WAS REFUSED FOR GOOD ({reason}) and will not be retried: \
                     check the route's webhook_url and its secret ({}); the operator is alerted",
                    target.secret_env
                );
                if let Err(e) = self
                    .store
                    .webhook_failed(w.id, &reason, self.clock.now())
                    .await
                {
                    tracing::error!(%reference, "outbox: cannot record the webhook's failure: {e}");
                }
            }
        }
    }

    async fn finish_webhook(&self, w: &ClaimedWebhook, status: AlertStatus, error: Option<&str>) {
        if let Err(e) = self
            .store
            .finish_webhook(w.id, status, self.clock.now(), error)
            .await
        {
            tracing::error!(reference = %w.reference, "outbox: cannot record the webhook (it may be sent again): {e}");
        }
    }

    /// The periodic sweep, which one worker of each instance runs every `pacing.sweep`,
    /// under the database's sweep lock so that with several instances one at a time
    /// does: stores the reminders, escalations and retention warnings that have fallen
    /// due, deletes the answers of requests confirmed more than the grace period ago,
    /// purges what the retention period allows, and deletes expired client limits.
    /// Each step records its result in the database (an alert is stored once, by the
    /// alerts' unique key; deleted answers and purged requests stay so), so the next
    /// sweep, here or on another instance, never repeats one.
    pub async fn sweep(&self, now: i64) {
        let lock = match self.store.try_sweep_lock().await {
            Ok(Some(lock)) => lock,
            Ok(None) => {
                tracing::debug!("outbox: another instance is sweeping");
                return;
            }
            Err(e) => {
                tracing::error!("outbox: cannot take the sweep lock: {e}");
                return;
            }
        };
        let retention = self.pacing.retention.as_secs() as i64;
        let warn_before = now - retention + self.pacing.retention_warning.as_secs() as i64;
        match self.store.queue_due_alerts(now, warn_before).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(count = n, "outbox: alerts fell due"),
            Err(e) => tracing::error!("outbox: cannot look for alerts that are due: {e}"),
        }
        let grace = self.pacing.ack_grace.as_secs() as i64;
        match self.store.forget_confirmed(now - grace).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(
                count = n,
                "outbox: deleted the answers of confirmed requests"
            ),
            Err(e) => tracing::error!("outbox: cannot delete confirmed requests' answers: {e}"),
        }
        match self.store.forget_closed(now - grace).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(count = n, "outbox: deleted the answers of closed requests"),
            Err(e) => tracing::error!("outbox: cannot delete closed requests' answers: {e}"),
        }
        self.purge(now).await;
        if let Err(e) = self.store.purge_limits(now).await {
            tracing::error!("cannot delete expired client limits: {e}");
        }
        if let Err(e) = self.store.purge_handoffs(now).await {
            tracing::error!("cannot delete expired handoffs: {e}");
        }
        drop(lock);
    }

    /// One attempt at one alert.
    pub async fn send_alert(&self, alert: ClaimedAlert) {
        let reference = alert.facts.reference;
        let kind = alert.kind;
        let Some(area) = self.areas.by_slug(&alert.facts.area) else {
            return self
                .finish_alert(
                    &alert,
                    AlertStatus::Failed,
                    Some("the police area is no longer known"),
                )
                .await;
        };
        if alert.facts.resolved_at.is_some() {
            tracing::info!(%reference, kind = kind.as_str(), "outbox: alert not needed: the operator resolved it");
            return self
                .finish_alert(&alert, AlertStatus::Cancelled, None)
                .await;
        }
        if kind.ends_with_acknowledgement() && alert.facts.acknowledged_at.is_some() {
            tracing::info!(%reference, kind = kind.as_str(), "outbox: alert not needed: the service confirmed it");
            return self
                .finish_alert(&alert, AlertStatus::Cancelled, None)
                .await;
        }
        let purge_at = alert.facts.created_at + self.pacing.retention.as_secs() as i64;
        let message = match (kind, &alert.referral) {
            (AlertKind::Reminder, Some(referral)) => {
                let reminder = Reminder {
                    first_sent_at: alert.facts.sent_at.unwrap_or(alert.facts.created_at),
                };
                let route = self.route(area, referral);
                self.request_email(
                    reference,
                    referral,
                    area,
                    &route,
                    alert.facts.created_at,
                    Some(reminder),
                )
            }
            (AlertKind::Reminder, None) => {
                tracing::warn!(%reference, "outbox: no reminder: the request's details are gone");
                return self
                    .finish_alert(&alert, AlertStatus::Cancelled, None)
                    .await;
            }
            _ => alerts::operator_email(
                kind,
                &alert.facts,
                area,
                &self.chasing.operator,
                &self.sender,
                purge_at,
            ),
        };
        let message = match message {
            Ok(m) => m,
            Err(e) => {
                return self
                    .finish_alert(&alert, AlertStatus::Failed, Some(&e.to_string()))
                    .await;
            }
        };
        let name = format!("{reference}-{}", kind.as_str());
        match self.mailer.send(&name, &message).await {
            Ok(()) => {
                tracing::info!(%reference, area = %alert.facts.area, kind = kind.as_str(), "outbox: alert sent");
                self.finish_alert(&alert, AlertStatus::Sent, None).await;
            }
            Err(SendError::Transient(reason)) => {
                let lease = Lease {
                    id: alert.id,
                    attempts: alert.attempts,
                };
                self.again_later(Queue::Alerts, lease, reference, &reason)
                    .await
            }
            Err(SendError::Permanent(reason)) => {
                tracing::error!(%reference, kind = kind.as_str(), "OUTBOX: AN ALERT WAS REFUSED FOR GOOD ({reason}): check RJ_OPERATOR_EMAIL and the area's address");
                self.finish_alert(&alert, AlertStatus::Failed, Some(&reason))
                    .await;
            }
        }
    }

    async fn finish_alert(&self, alert: &ClaimedAlert, status: AlertStatus, error: Option<&str>) {
        if let Err(e) = self
            .store
            .finish_alert(alert.id, status, self.clock.now(), error)
            .await
        {
            tracing::error!(reference = %alert.facts.reference, "outbox: cannot record the alert (it may be sent again): {e}");
        }
    }

    async fn purge(&self, now: i64) {
        let cutoff = now - self.pacing.retention.as_secs() as i64;
        match self.store.purge(cutoff).await {
            Ok(purged) if !purged.is_empty() => {
                let list: Vec<String> = purged.iter().map(ToString::to_string).collect();
                tracing::error!(
                    count = purged.len(),
                    "OUTBOX: PURGED REQUESTS NOBODY CONFIRMED within the retention period (undelivered, or delivered and never confirmed): {}",
                    list.join(", ")
                );
            }
            Ok(_) => {}
            Err(e) => tracing::error!("outbox: cannot purge old requests: {e}"),
        }
        // Open or not, no answers outlive the retention period.
        match self.store.forget_expired(cutoff).await {
            Ok(0) => {}
            Ok(n) => tracing::info!(
                count = n,
                "outbox: deleted answers older than the retention period"
            ),
            Err(e) => {
                tracing::error!("outbox: cannot delete answers past the retention period: {e}")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_with_jitter_and_a_cap() {
        let p = Pacing {
            retry_base: Duration::from_secs(30),
            retry_max: Duration::from_secs(3600),
            ..Pacing::default()
        };
        assert_eq!(backoff(&p, 1, 0.5), 30);
        assert_eq!(backoff(&p, 2, 0.5), 60);
        assert_eq!(backoff(&p, 3, 0.5), 120);
        assert_eq!(backoff(&p, 20, 0.5), 3600);
        assert_eq!(backoff(&p, 1, 0.0), 24);
        assert_eq!(backoff(&p, 1, 1.0), 36);
    }
}

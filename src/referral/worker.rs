//! The delivery worker: takes one due request at a time from the outbox (under a
//! lease), emails it to the area's service, then the person's confirmation if asked
//! for, and records the outcome. Transient failures are retried with exponential
//! backoff and jitter; permanent ones are marked failed and reported loudly. Logs name
//! requests by reference only, never by anything the person wrote.

use super::mailer::{Mailer, SendError};
use super::render::{self, Sender};
use super::store::{Claimed, Store};
use crate::areas::Areas;
use crate::areas::directory::Directory;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};
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
    /// Undelivered requests older than this are purged.
    pub retention: Duration,
}

impl Default for Pacing {
    fn default() -> Self {
        Self {
            lease: Duration::from_secs(120),
            retry_base: Duration::from_secs(30),
            retry_max: Duration::from_secs(3600),
            poll: Duration::from_millis(500),
            retention: Duration::from_secs(30 * 24 * 3600),
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
}

pub fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.as_secs() as i64)
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
    /// instance or several (each request is leased to one); only one of each instance's
    /// should `sweep`, and the database lets one instance at a time do it.
    pub async fn run(self, shutdown: watch::Receiver<bool>) {
        self.run_with(shutdown, true).await
    }

    pub async fn run_with(self, mut shutdown: watch::Receiver<bool>, sweep: bool) {
        let mut next_sweep = if sweep { 0 } else { i64::MAX };
        loop {
            if *shutdown.borrow() {
                break;
            }
            let now = unix_now();
            if now >= next_sweep {
                self.sweep(now).await;
                next_sweep = now + 3600;
            }
            let idle = match self
                .store
                .claim(now, self.pacing.lease.as_secs() as i64)
                .await
            {
                Ok(Some(claimed)) => {
                    self.deliver(claimed).await;
                    false
                }
                Ok(None) => true,
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

    /// One attempt at one request.
    pub async fn deliver(&self, c: Claimed) {
        let reference = c.reference;
        let Some(area) = self.areas.by_slug(&c.area) else {
            return self.failed(&c, "the police area is no longer known").await;
        };
        let route = self.directory.route(area.id, c.referral.youth_justice());
        if !c.service_sent {
            let message =
                match render::service_email(reference, &c.referral, area, &route, &self.sender) {
                    Ok(m) => m,
                    Err(e) => return self.failed(&c, &e.to_string()).await,
                };
            match self.mailer.send(&reference.to_string(), &message).await {
                Ok(()) => {
                    let way = if route.direct {
                        "the service"
                    } else {
                        "triage"
                    };
                    tracing::info!(%reference, area = %c.area, attempt = c.attempts, "outbox: sent to {way}")
                }
                Err(e) => return self.not_sent(&c, e).await,
            }
            // What the confirmation page says follows what was done.
            if let Err(e) = self.store.record_route(reference, route.routed()).await {
                tracing::error!(%reference, "outbox: cannot record the route: {e}");
            }
        }
        match render::confirmation_email(reference, &c.referral, &route, &self.sender) {
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
        if let Err(e) = self.store.mark_sent(c.id, unix_now()).await {
            tracing::error!(%reference, "outbox: sent, but cannot record it (it may be sent again): {e}");
        }
    }

    async fn not_sent(&self, c: &Claimed, error: SendError) {
        match error {
            SendError::Transient(reason) => {
                let wait = backoff(&self.pacing, c.attempts, rand::random::<f64>());
                tracing::warn!(reference = %c.reference, attempt = c.attempts, retry_in_seconds = wait, "outbox: not sent, will retry: {reason}");
                if let Err(e) = self
                    .store
                    .mark_retry(c.id, unix_now() + wait, &reason)
                    .await
                {
                    tracing::error!(reference = %c.reference, "outbox: cannot schedule the retry (the lease will expire and it will be tried again): {e}");
                }
            }
            SendError::Permanent(reason) => self.failed(c, &reason).await,
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
        if let Err(e) = self.store.mark_failed(c.id, reason).await {
            tracing::error!(reference = %c.reference, "outbox: cannot record the failure: {e}");
        }
    }

    /// The periodic sweep: old undelivered requests purged, expired client limits
    /// deleted. Under the database's sweep lock, so with several instances one at a
    /// time sweeps (each step records its result, so a later sweep elsewhere goes on).
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
        self.purge(now).await;
        if let Err(e) = self.store.purge_limits(now).await {
            tracing::error!("cannot delete expired client limits: {e}");
        }
        drop(lock);
    }

    async fn purge(&self, now: i64) {
        let cutoff = now - self.pacing.retention.as_secs() as i64;
        match self.store.purge(cutoff).await {
            Ok(purged) if !purged.is_empty() => {
                let list: Vec<String> = purged.iter().map(ToString::to_string).collect();
                tracing::error!(
                    count = purged.len(),
                    "OUTBOX: PURGED UNDELIVERED REQUESTS older than the retention period; the services never got them: {}",
                    list.join(", ")
                );
            }
            Ok(_) => {}
            Err(e) => tracing::error!("outbox: cannot purge old requests: {e}"),
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

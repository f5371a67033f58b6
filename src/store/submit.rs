//! Storing a new request: the Send flow's policy in one transaction. A form sent again
//! (the same idempotency key) finds its first request and is not counted; a new one
//! counts against the client's hourly limit, or is refused when the limit is full; it is
//! then stored with its line in the commissioners' record, the route the person is
//! told about, and the route's webhook event if it has one. Either all of that happens,
//! or none of it.

use super::backend::Db;
use super::limits::count_in;
use super::{Hit, REFERENCE_DRAWS, Store, StoreError, month_of};
use crate::areas::directory::Routed;
use crate::i18n::Lang;
use crate::referral::fields::Asker;
use crate::referral::form::Referral;
use crate::referral::reference::Reference;

/// A request to store.
pub struct NewRequest<'a> {
    /// The form token's key: the same for every Send of one filled-in form.
    pub idempotency_key: &'a str,
    pub referral: &'a Referral,
    /// Who the person is told will contact them (`None` for an unknown area, which
    /// parsing does not let through).
    pub routed: Option<Routed>,
    /// The client's event for the Send limit (`None`: the limit is off).
    pub hit: Option<Hit>,
    /// The route has a signed webhook: its event is queued with the request, in the
    /// same transaction, carrying the person's language (and nothing else of theirs).
    pub webhook: Option<Lang>,
    pub now: i64,
}

/// What became of a Send.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Submitted {
    /// Stored now, under this reference.
    New(Reference),
    /// Sent before: the first request's reference (nothing counted, nothing stored).
    Repeat(Reference),
    /// The client's limit is full for this many seconds (nothing stored).
    Limited { wait: i64 },
}

/// How one attempt at the transaction ended.
enum Attempt {
    Done(Submitted),
    /// Another Send of the same form got in first: read its reference afresh.
    Raced,
    /// The new reference clashed with an old one: draw again.
    Clash,
}

impl Store {
    /// Stores `request` as the module says, drawing references with `random`.
    pub async fn submit(
        &self,
        request: NewRequest<'_>,
        mut random: impl FnMut() -> u64,
    ) -> Result<Submitted, StoreError> {
        let answers = serde_json::to_string(request.referral)?;
        let month = month_of(request.now);
        let (route, audience) = request.routed.map(Routed::columns).unzip();
        for _ in 0..REFERENCE_DRAWS {
            let reference = Reference::generate(&mut random);
            // Sealed for this reference: a clash draws another, and seals again.
            let payload = self.keys.seal(&reference.to_string(), answers.as_bytes());
            let payload_key = self.keys.current_id().as_str();
            macro_rules! attempt {
                ($tx:ident) => {
                    async {
                        let first: Option<String> = sqlx::query_scalar(
                            "SELECT reference FROM referrals WHERE idempotency_key = $1",
                        )
                        .bind(request.idempotency_key)
                        .fetch_optional(&mut *$tx)
                        .await?;
                        if let Some(first) = first.and_then(|r| Reference::parse(&r).ok()) {
                            return Ok(Attempt::Done(Submitted::Repeat(first)));
                        }
                        if let Some(hit) = &request.hit {
                            if let Err(wait) = count_in!($tx, hit, request.now)? {
                                return Ok(Attempt::Done(Submitted::Limited { wait }));
                            }
                        }
                        let inserted: Result<Option<i64>, sqlx::Error> = sqlx::query_scalar(
                            "INSERT INTO referrals (reference, idempotency_key, area, status, payload,
                                                    next_attempt_at, created_at, route, audience,
                                                    payload_key)
                             VALUES ($1, $2, $3, 'pending', $4, $5, $5, $6, $7, $8)
                             ON CONFLICT (idempotency_key) DO NOTHING
                             RETURNING id",
                        )
                        .bind(reference.to_string())
                        .bind(request.idempotency_key)
                        .bind(&request.referral.area)
                        .bind(&payload)
                        .bind(request.now)
                        .bind(route)
                        .bind(audience)
                        .bind(payload_key)
                        .fetch_optional(&mut *$tx)
                        .await;
                        let id = match inserted {
                            Ok(Some(id)) => id,
                            Ok(None) => return Ok(Attempt::Raced),
                            Err(sqlx::Error::Database(e)) if e.is_unique_violation() => {
                                return Ok(Attempt::Clash);
                            }
                            Err(e) => return Err(e),
                        };
                        // The commissioners' record: categories only (see migration 0013).
                        sqlx::query(
                            "INSERT INTO report_entries (referral_id, area, month, route, language,
                                                         asker, youth)
                             VALUES ($1, $2, $3, $4, $5, $6, $7)",
                        )
                        .bind(id)
                        .bind(&request.referral.area)
                        .bind(&month)
                        .bind(route)
                        .bind(request.referral.contact_lang().code())
                        .bind(Asker::of(request.referral.relationship).as_str())
                        .bind(i64::from(request.referral.youth_justice()))
                        .execute(&mut *$tx)
                        .await?;
                        if let Some(lang) = request.webhook {
                            sqlx::query(
                                "INSERT INTO webhooks (referral_id, language, status,
                                                       next_attempt_at, created_at)
                                 VALUES ($1, $2, 'pending', $3, $3)",
                            )
                            .bind(id)
                            .bind(lang.code())
                            .bind(request.now)
                            .execute(&mut *$tx)
                            .await?;
                        }
                        Ok::<_, sqlx::Error>(Attempt::Done(Submitted::New(reference)))
                    }
                    .await
                };
            }
            // Committed only when something new was stored (or counted then refused:
            // the count must not be kept either, so that is rolled back too).
            let attempt = match &self.db {
                // IMMEDIATE: the write lock first, so the repeat check and the count
                // cannot go stale before the insert.
                Db::Sqlite(pool) => {
                    let mut tx = pool.begin_with("BEGIN IMMEDIATE").await?;
                    let attempt = attempt!(tx)?;
                    if matches!(attempt, Attempt::Done(Submitted::New(_))) {
                        tx.commit().await?;
                    }
                    attempt
                }
                Db::Postgres(pool) => {
                    let mut tx = pool.begin().await?;
                    let attempt = attempt!(tx)?;
                    if matches!(attempt, Attempt::Done(Submitted::New(_))) {
                        tx.commit().await?;
                    }
                    attempt
                }
            };
            match attempt {
                Attempt::Done(done) => return Ok(done),
                Attempt::Raced => {
                    let first = self
                        .reference_for(request.idempotency_key)
                        .await?
                        .expect("the key's request is stored");
                    return Ok(Submitted::Repeat(first));
                }
                Attempt::Clash => continue,
            }
        }
        Err(StoreError::NoFreeReference(REFERENCE_DRAWS))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::areas::directory::{Audience, Via};
    use crate::referral::fields::{Answer3, ContactLanguage, ContactMethod, Relationship};
    use crate::store::{DataKeys, DatabaseUrl};

    fn referral() -> Referral {
        Referral {
            area: "kent".into(),
            relationship: Relationship::Harmed,
            full_name: "Test Person".into(),
            contact_method: ContactMethod::Phone,
            phone: Some("01632 960 001".into()),
            email: None,
            voicemail_ok: false,
            say_rj_ok: false,
            safe_times: None,
            contact_language: ContactLanguage::En,
            reported: Answer3::Yes,
            crime_reference: None,
            responsible_under_18: Answer3::No,
            support_needs: None,
            message: None,
            confirmation_email: false,
        }
    }

    fn hit() -> Option<Hit> {
        Some(Hit {
            limit: "send",
            client: "client-a".into(),
            max: 1,
            window: 3600,
        })
    }

    #[tokio::test]
    async fn a_repeat_is_not_counted_a_new_one_is_and_the_route_is_stored_with_it() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/rj.db", dir.path().display());
        let store = Store::open(&DatabaseUrl::parse(&url).unwrap(), DataKeys::generate())
            .await
            .unwrap();
        let referral = referral();
        let routed = Routed {
            via: Via::Triage,
            audience: Audience::All,
        };
        let request = |key, now| NewRequest {
            idempotency_key: key,
            referral: &referral,
            routed: Some(routed),
            hit: hit(),
            webhook: None,
            now,
        };
        let mut n = 0;
        let mut random = move || {
            n += 1;
            n
        };
        let Submitted::New(first) = store.submit(request("a", 10), &mut random).await.unwrap()
        else {
            panic!("stored")
        };
        assert_eq!(
            store.find(first).await.unwrap().unwrap().routed,
            Some(routed)
        );
        // The same form again: its first reference, though the limit (1) is now full.
        assert_eq!(
            store.submit(request("a", 11), &mut random).await.unwrap(),
            Submitted::Repeat(first)
        );
        // Another form from the same client: refused, and nothing stored or counted.
        let refused = store.submit(request("b", 12), &mut random).await.unwrap();
        assert!(matches!(refused, Submitted::Limited { wait } if wait > 3000));
        assert_eq!(store.reference_for("b").await.unwrap(), None);
        assert_eq!(store.counts().await.unwrap().pending, 1);
        // Once the window has passed, it goes through.
        let later = store
            .submit(request("b", 10 + 3601), &mut random)
            .await
            .unwrap();
        assert!(matches!(later, Submitted::New(r) if r != first));
    }

    #[tokio::test]
    async fn a_webhook_is_stored_with_its_request_once_and_a_limited_send_stores_none() {
        let dir = tempfile::tempdir().unwrap();
        let url = format!("sqlite://{}/rj.db", dir.path().display());
        let store = Store::open(&DatabaseUrl::parse(&url).unwrap(), DataKeys::generate())
            .await
            .unwrap();
        let referral = referral();
        let request = |key, now| NewRequest {
            idempotency_key: key,
            referral: &referral,
            routed: None,
            hit: hit(),
            webhook: Some(Lang::Cy),
            now,
        };
        let mut n = 0;
        let mut random = move || {
            n += 1;
            n
        };
        let Submitted::New(first) = store.submit(request("a", 10), &mut random).await.unwrap()
        else {
            panic!("stored")
        };
        store.submit(request("a", 11), &mut random).await.unwrap();
        let refused = store.submit(request("b", 12), &mut random).await.unwrap();
        assert!(matches!(refused, Submitted::Limited { .. }));
        let webhooks = store.webhooks().await.unwrap();
        assert_eq!(webhooks.len(), 1);
        assert_eq!(webhooks[0].reference, first);
        assert_eq!(webhooks[0].status, crate::store::AlertStatus::Pending);
        let claimed = store.claim_webhook(10, 60).await.unwrap().unwrap();
        assert_eq!((claimed.reference, claimed.language), (first, Lang::Cy));
        // Leased: no other worker takes it until the lease runs out.
        assert!(store.claim_webhook(20, 60).await.unwrap().is_none());
        assert_eq!(
            store.claim_webhook(71, 60).await.unwrap().unwrap().attempts,
            2
        );
    }
}

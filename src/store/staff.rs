//! The staff inbox's tables (migration 0010): members and their areas, invitations,
//! passkeys, sessions, passkey ceremonies between their two requests, and what staff
//! record on requests. Who may see what is decided in `crate::staff`; the list's SQL
//! applies the same rule so a page of 50 is 50 the member may see.

use super::{Store, StoreError};
use crate::areas::directory::{Audience, Routed, Via};
use crate::calendar::{WorkingDays, uk_date};
use crate::referral::reference::Reference;
use crate::staff::session::Times;
use crate::staff::{InboxState, Member, Outcome, PassTo, Roles, Scope};

/// A member as the admin's list shows them.
#[derive(Clone, Debug)]
pub struct MemberRow {
    pub id: i64,
    pub email: String,
    pub roles: Roles,
    pub scopes: Vec<Scope>,
    pub created_at: i64,
    pub removed_at: Option<i64>,
    pub passkeys: i64,
}

/// An invitation that may still be used: for whom.
#[derive(Clone, Debug)]
pub struct Invitation {
    pub member_id: i64,
    pub email: String,
    pub user_handle: String,
}

/// A request as the inbox lists it: never its answers.
#[derive(Clone, Debug)]
pub struct InboxRow {
    pub reference: Reference,
    pub area: String,
    pub routed: Routed,
    pub state: InboxState,
    pub created_at: i64,
    pub acknowledged_at: Option<i64>,
    pub contacted_at: Option<i64>,
    pub closed_at: Option<i64>,
    pub outcome: Option<Outcome>,
    pub passed_to: Option<String>,
    /// The answers are still held (not yet deleted by the retention rules).
    pub answers_held: bool,
}

/// Which requests a list shows.
#[derive(Clone, Debug, Default)]
pub struct InboxFilter {
    pub state: Option<InboxState>,
    pub area: Option<String>,
    /// Only requests older than this one (the next page).
    pub before: Option<i64>,
}

#[derive(sqlx::FromRow)]
struct InboxDbRow {
    id: i64,
    reference: String,
    area: String,
    route: Option<String>,
    audience: Option<String>,
    created_at: i64,
    acknowledged_at: Option<i64>,
    contacted_at: Option<i64>,
    closed_at: Option<i64>,
    resolved_at: Option<i64>,
    outcome: Option<String>,
    passed_on_at: Option<i64>,
    passed_to: Option<String>,
    held: i64,
}

impl InboxDbRow {
    fn into_row(self) -> Option<(i64, InboxRow)> {
        let routed = Routed::from_columns(self.route.as_deref(), self.audience.as_deref())?;
        let state = if self.closed_at.is_some() || self.resolved_at.is_some() {
            InboxState::Closed
        } else if self.passed_on_at.is_some() && routed.via == Via::Triage {
            InboxState::PassedOn
        } else if self.contacted_at.is_some() {
            InboxState::Contacted
        } else if self.acknowledged_at.is_some() {
            InboxState::Received
        } else {
            InboxState::Waiting
        };
        Some((
            self.id,
            InboxRow {
                reference: Reference::parse(&self.reference).ok()?,
                area: self.area,
                routed,
                state,
                created_at: self.created_at,
                acknowledged_at: self.acknowledged_at,
                contacted_at: self.contacted_at,
                closed_at: self.closed_at.or(self.resolved_at),
                outcome: self.outcome.as_deref().and_then(Outcome::parse),
                passed_to: self.passed_to,
                answers_held: self.held != 0,
            },
        ))
    }
}

const INBOX_COLUMNS: &str = "id, reference, area, route, audience, created_at, acknowledged_at,
    contacted_at, closed_at, resolved_at, outcome, passed_on_at, passed_to,
    CAST(CASE WHEN payload IS NULL THEN 0 ELSE 1 END AS BIGINT) AS held";

/// The SQL condition for each state (the same order of precedence as `into_row`).
fn state_sql(state: InboxState) -> &'static str {
    match state {
        InboxState::Closed => "(closed_at IS NOT NULL OR resolved_at IS NOT NULL)",
        InboxState::PassedOn => {
            "(closed_at IS NULL AND resolved_at IS NULL AND passed_on_at IS NOT NULL AND route = 'triage')"
        }
        InboxState::Contacted => {
            "(closed_at IS NULL AND resolved_at IS NULL AND (passed_on_at IS NULL OR route <> 'triage') AND contacted_at IS NOT NULL)"
        }
        InboxState::Received => {
            "(closed_at IS NULL AND resolved_at IS NULL AND (passed_on_at IS NULL OR route <> 'triage') AND contacted_at IS NULL AND acknowledged_at IS NOT NULL)"
        }
        InboxState::Waiting => {
            "(closed_at IS NULL AND resolved_at IS NULL AND (passed_on_at IS NULL OR route <> 'triage') AND contacted_at IS NULL AND acknowledged_at IS NULL)"
        }
    }
}

fn audience_word(a: Audience) -> &'static str {
    match a {
        Audience::All => "all",
        Audience::Youth => "youth",
    }
}

/// A value to bind, in order.
enum Bind {
    Text(String),
    Int(i64),
}

/// The list's query for `member` and `filter`, with its values in order.
fn inbox_query(member: &Member, filter: &InboxFilter, limit: i64) -> (String, Vec<Bind>) {
    let mut binds = Vec::new();
    let next = |b: Bind, binds: &mut Vec<Bind>| {
        binds.push(b);
        format!("${}", binds.len())
    };
    let mut seen = Vec::new();
    if member.roles.has(crate::staff::Role::Triage) {
        seen.push("route = 'triage'".to_string());
    }
    if member.roles.has(crate::staff::Role::Service) {
        for s in &member.scopes {
            let area = next(Bind::Text(s.area.clone()), &mut binds);
            let audience = next(Bind::Text(audience_word(s.audience).into()), &mut binds);
            seen.push(format!(
                "(route = 'direct' AND area = {area} AND COALESCE(audience, 'all') = {audience})"
            ));
        }
    }
    if seen.is_empty() {
        seen.push("1 = 0".into());
    }
    let mut sql = format!(
        "SELECT {INBOX_COLUMNS} FROM referrals WHERE ({})",
        seen.join(" OR ")
    );
    if let Some(state) = filter.state {
        sql.push_str(" AND ");
        sql.push_str(state_sql(state));
    }
    if let Some(area) = &filter.area {
        let p = next(Bind::Text(area.clone()), &mut binds);
        sql.push_str(&format!(" AND area = {p}"));
    }
    if let Some(before) = filter.before {
        let p = next(Bind::Int(before), &mut binds);
        sql.push_str(&format!(" AND id < {p}"));
    }
    let p = next(Bind::Int(limit), &mut binds);
    sql.push_str(&format!(" ORDER BY id DESC LIMIT {p}"));
    (sql, binds)
}

impl Store {
    // ---- members ---------------------------------------------------------------

    /// Invites `email` with `roles` and `scopes` (a member already invited keeps their
    /// passkeys and gets the new roles; a removed one comes back), and stores an
    /// invitation under `token_hash` until `expires_at`. Returns the member's id.
    pub async fn invite(
        &self,
        email: &str,
        roles: &Roles,
        scopes: &[Scope],
        token_hash: &str,
        now: i64,
        expires_at: i64,
    ) -> Result<i64, StoreError> {
        let handle = webauthn_rs::prelude::Uuid::new_v4().to_string();
        Ok(on_db!(&self.db, pool => {
            async {
                let mut tx = pool.begin().await?;
                let id: i64 = sqlx::query_scalar(
                    "INSERT INTO staff_members (email, roles, user_handle, created_at)
                     VALUES ($1, $2, $3, $4)
                     ON CONFLICT (email) DO UPDATE SET roles = $2, removed_at = NULL
                     RETURNING id",
                )
                .bind(email)
                .bind(roles.to_string())
                .bind(&handle)
                .bind(now)
                .fetch_one(&mut *tx)
                .await?;
                sqlx::query("DELETE FROM staff_scopes WHERE member_id = $1")
                    .bind(id)
                    .execute(&mut *tx)
                    .await?;
                for s in scopes {
                    sqlx::query(
                        "INSERT INTO staff_scopes (member_id, area, audience) VALUES ($1, $2, $3)
                         ON CONFLICT DO NOTHING",
                    )
                    .bind(id)
                    .bind(&s.area)
                    .bind(audience_word(s.audience))
                    .execute(&mut *tx)
                    .await?;
                }
                sqlx::query(
                    "INSERT INTO staff_invitations (token_hash, member_id, created_at, expires_at)
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(token_hash)
                .bind(id)
                .bind(now)
                .bind(expires_at)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok::<_, sqlx::Error>(id)
            }
            .await
        })?)
    }

    /// Removes the member with `email`: every session ends and unused invitations stop
    /// working. `None` if there is no such member (or they were removed already).
    pub async fn remove_member(&self, email: &str, now: i64) -> Result<Option<i64>, StoreError> {
        Ok(on_db!(&self.db, pool => {
            async {
                let mut tx = pool.begin().await?;
                let id: Option<i64> = sqlx::query_scalar(
                    "UPDATE staff_members SET removed_at = $2
                     WHERE email = $1 AND removed_at IS NULL RETURNING id",
                )
                .bind(email)
                .bind(now)
                .fetch_optional(&mut *tx)
                .await?;
                if let Some(id) = id {
                    sqlx::query(
                        "UPDATE staff_sessions SET ended_at = $2
                         WHERE member_id = $1 AND ended_at IS NULL",
                    )
                    .bind(id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                    sqlx::query(
                        "UPDATE staff_invitations SET used_at = $2
                         WHERE member_id = $1 AND used_at IS NULL",
                    )
                    .bind(id)
                    .bind(now)
                    .execute(&mut *tx)
                    .await?;
                }
                tx.commit().await?;
                Ok::<_, sqlx::Error>(id)
            }
            .await
        })?)
    }

    /// Every member, newest first.
    pub async fn members(&self) -> Result<Vec<MemberRow>, StoreError> {
        let rows: Vec<(i64, String, String, i64, Option<i64>, i64)> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT m.id, m.email, m.roles, m.created_at, m.removed_at,
                        (SELECT COUNT(*) FROM staff_passkeys p WHERE p.member_id = m.id)
                 FROM staff_members m ORDER BY m.id DESC",
            )
            .fetch_all(pool)
            .await
        })?;
        let mut out = Vec::with_capacity(rows.len());
        for (id, email, roles, created_at, removed_at, passkeys) in rows {
            out.push(MemberRow {
                id,
                email,
                roles: Roles::parse(&roles).unwrap_or_default(),
                scopes: self.scopes(id).await?,
                created_at,
                removed_at,
                passkeys,
            });
        }
        Ok(out)
    }

    async fn scopes(&self, member_id: i64) -> Result<Vec<Scope>, StoreError> {
        let rows: Vec<(String, String)> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT area, audience FROM staff_scopes WHERE member_id = $1
                 ORDER BY area, audience",
            )
            .bind(member_id)
            .fetch_all(pool)
            .await
        })?;
        Ok(rows
            .into_iter()
            .map(|(area, audience)| Scope {
                area,
                audience: if audience == "youth" {
                    Audience::Youth
                } else {
                    Audience::All
                },
            })
            .collect())
    }

    /// The member with `id` if they have not been removed.
    pub async fn member(&self, id: i64) -> Result<Option<Member>, StoreError> {
        let row: Option<(String, String)> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT email, roles FROM staff_members WHERE id = $1 AND removed_at IS NULL",
            )
            .bind(id)
            .fetch_optional(pool)
            .await
        })?;
        let Some((email, roles)) = row else {
            return Ok(None);
        };
        let Ok(email) = crate::mail::address::EmailAddress::parse(&email) else {
            return Ok(None);
        };
        Ok(Some(Member {
            id,
            email,
            roles: Roles::parse(&roles).unwrap_or_default(),
            scopes: self.scopes(id).await?,
        }))
    }

    /// The member whose passkeys carry `user_handle`, if not removed.
    pub async fn member_by_handle(&self, user_handle: &str) -> Result<Option<i64>, StoreError> {
        Ok(on_db!(&self.db, pool => {
            sqlx::query_scalar(
                "SELECT id FROM staff_members WHERE user_handle = $1 AND removed_at IS NULL",
            )
            .bind(user_handle)
            .fetch_optional(pool)
            .await
        })?)
    }

    // ---- invitations and passkeys ------------------------------------------------

    /// The invitation under `token_hash` if it is unused, unexpired at `now`, and its
    /// member has not been removed.
    pub async fn invitation(
        &self,
        token_hash: &str,
        now: i64,
    ) -> Result<Option<Invitation>, StoreError> {
        let row: Option<(i64, String, String)> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT m.id, m.email, m.user_handle
                 FROM staff_invitations i JOIN staff_members m ON m.id = i.member_id
                 WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2
                   AND m.removed_at IS NULL",
            )
            .bind(token_hash)
            .bind(now)
            .fetch_optional(pool)
            .await
        })?;
        Ok(row.map(|(member_id, email, user_handle)| Invitation {
            member_id,
            email,
            user_handle,
        }))
    }

    /// Uses the invitation and keeps the new passkey, in one transaction: `false` if the
    /// invitation was used (or expired) in the meantime, and nothing is kept.
    pub async fn accept_invitation(
        &self,
        token_hash: &str,
        member_id: i64,
        credential_id: &str,
        passkey: &str,
        now: i64,
    ) -> Result<bool, StoreError> {
        Ok(on_db!(&self.db, pool => {
            async {
                let mut tx = pool.begin().await?;
                let used = sqlx::query(
                    "UPDATE staff_invitations SET used_at = $3
                     WHERE token_hash = $1 AND member_id = $2 AND used_at IS NULL
                       AND expires_at > $3",
                )
                .bind(token_hash)
                .bind(member_id)
                .bind(now)
                .execute(&mut *tx)
                .await?
                .rows_affected();
                if used != 1 {
                    return Ok::<_, sqlx::Error>(false);
                }
                sqlx::query(
                    "INSERT INTO staff_passkeys (credential_id, member_id, passkey, created_at)
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(credential_id)
                .bind(member_id)
                .bind(passkey)
                .bind(now)
                .execute(&mut *tx)
                .await?;
                tx.commit().await?;
                Ok(true)
            }
            .await
        })?)
    }

    /// The member invited at `email` (lower case), if not removed: the one way an
    /// organisation's account finds its member (no one else is let in).
    pub async fn member_by_email(&self, email: &str) -> Result<Option<i64>, StoreError> {
        Ok(on_db!(&self.db, pool => {
            sqlx::query_scalar(
                "SELECT id FROM staff_members WHERE email = $1 AND removed_at IS NULL",
            )
            .bind(email)
            .fetch_optional(pool)
            .await
        })?)
    }

    /// Marks the member's unused invitations used: signing in with the organisation's
    /// account accepts the invitation, and its link no longer works.
    pub async fn use_invitations(&self, member_id: i64, now: i64) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE staff_invitations SET used_at = $2 WHERE member_id = $1 AND used_at IS NULL",
            )
            .bind(member_id)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }

    /// The stored passkey with `credential_id`, and whose it is.
    pub async fn passkey(&self, credential_id: &str) -> Result<Option<(i64, String)>, StoreError> {
        Ok(on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT member_id, passkey FROM staff_passkeys WHERE credential_id = $1",
            )
            .bind(credential_id)
            .fetch_optional(pool)
            .await
        })?)
    }

    /// Keeps a passkey's new counter after a sign-in.
    pub async fn update_passkey(
        &self,
        credential_id: &str,
        passkey: &str,
        now: i64,
    ) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE staff_passkeys SET passkey = $2, last_used_at = $3 WHERE credential_id = $1",
            )
            .bind(credential_id)
            .bind(passkey)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }

    /// Keeps a ceremony's state under `id` until `expires_at`.
    pub async fn put_ceremony(
        &self,
        id: &str,
        kind: &str,
        state: &str,
        expires_at: i64,
    ) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            sqlx::query(
                "INSERT INTO staff_ceremonies (id, kind, state, expires_at) VALUES ($1, $2, $3, $4)",
            )
            .bind(id)
            .bind(kind)
            .bind(state)
            .bind(expires_at)
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }

    /// Takes (reads and deletes) a ceremony's state: each challenge answers once.
    pub async fn take_ceremony(
        &self,
        id: &str,
        kind: &str,
        now: i64,
    ) -> Result<Option<String>, StoreError> {
        Ok(on_db!(&self.db, pool => {
            sqlx::query_scalar(
                "DELETE FROM staff_ceremonies WHERE id = $1 AND kind = $2 AND expires_at > $3
                 RETURNING state",
            )
            .bind(id)
            .bind(kind)
            .bind(now)
            .fetch_optional(pool)
            .await
        })?)
    }

    // ---- sessions ------------------------------------------------------------------

    pub async fn start_session(
        &self,
        token_hash: &str,
        member_id: i64,
        now: i64,
    ) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            sqlx::query(
                "INSERT INTO staff_sessions (token_hash, member_id, created_at, last_seen_at)
                 VALUES ($1, $2, $3, $3)",
            )
            .bind(token_hash)
            .bind(member_id)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }

    /// The session under `token_hash`: whose, and its times (live or not).
    pub async fn session(&self, token_hash: &str) -> Result<Option<(i64, Times)>, StoreError> {
        let row: Option<(i64, i64, i64, Option<i64>)> = on_db!(&self.db, pool => {
            sqlx::query_as(
                "SELECT member_id, created_at, last_seen_at, ended_at FROM staff_sessions
                 WHERE token_hash = $1",
            )
            .bind(token_hash)
            .fetch_optional(pool)
            .await
        })?;
        Ok(row.map(|(member, created_at, last_seen_at, ended_at)| {
            (
                member,
                Times {
                    created_at,
                    last_seen_at,
                    ended_at,
                },
            )
        }))
    }

    /// Keeps a live session alive (its idle time restarts).
    pub async fn touch_session(&self, token_hash: &str, now: i64) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE staff_sessions SET last_seen_at = $2
                 WHERE token_hash = $1 AND ended_at IS NULL",
            )
            .bind(token_hash)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }

    /// Ends a session (sign-out, or found expired).
    pub async fn end_session(&self, token_hash: &str, now: i64) -> Result<(), StoreError> {
        on_db!(&self.db, pool => {
            sqlx::query(
                "UPDATE staff_sessions SET ended_at = $2 WHERE token_hash = $1 AND ended_at IS NULL",
            )
            .bind(token_hash)
            .bind(now)
            .execute(pool)
            .await
            .map(|_| ())
        })?;
        Ok(())
    }

    /// Deletes expired ceremonies and sessions that ended or expired before `cutoff`
    /// (part of the periodic sweep).
    pub async fn purge_staff_leftovers(&self, now: i64) -> Result<(), StoreError> {
        let cutoff = now - crate::staff::session::ABSOLUTE_SECONDS;
        on_db!(&self.db, pool => {
            async {
                sqlx::query("DELETE FROM staff_ceremonies WHERE expires_at <= $1")
                    .bind(now)
                    .execute(pool)
                    .await?;
                sqlx::query("DELETE FROM staff_sessions WHERE created_at < $1")
                    .bind(cutoff)
                    .execute(pool)
                    .await?;
                Ok::<_, sqlx::Error>(())
            }
            .await
        })?;
        Ok(())
    }

    // ---- the inbox -----------------------------------------------------------------

    /// Up to `limit` requests `member` may see, newest first, and the id to continue
    /// from when there may be more.
    pub async fn inbox(
        &self,
        member: &Member,
        filter: &InboxFilter,
        limit: i64,
    ) -> Result<(Vec<InboxRow>, Option<i64>), StoreError> {
        let (sql, binds) = inbox_query(member, filter, limit + 1);
        let rows: Vec<InboxDbRow> = on_db!(&self.db, pool => {
            let mut q = sqlx::query_as(&sql);
            for b in &binds {
                q = match b {
                    Bind::Text(t) => q.bind(t.clone()),
                    Bind::Int(i) => q.bind(*i),
                };
            }
            q.fetch_all(pool).await
        })?;
        let more = rows.len() as i64 > limit;
        let rows: Vec<(i64, InboxRow)> = rows
            .into_iter()
            .take(limit as usize)
            .filter_map(InboxDbRow::into_row)
            .collect();
        let next = if more {
            rows.last().map(|(id, _)| *id)
        } else {
            None
        };
        Ok((rows.into_iter().map(|(_, r)| r).collect(), next))
    }

    /// One request as the inbox shows it (without its answers), whoever may see it:
    /// the caller decides with [`Member::may_see`].
    pub async fn inbox_request(
        &self,
        reference: Reference,
    ) -> Result<Option<InboxRow>, StoreError> {
        let sql = format!("SELECT {INBOX_COLUMNS} FROM referrals WHERE reference = $1");
        let row: Option<InboxDbRow> = on_db!(&self.db, pool => {
            sqlx::query_as(&sql)
                .bind(reference.to_string())
                .fetch_optional(pool)
                .await
        })?;
        Ok(row.and_then(InboxDbRow::into_row).map(|(_, r)| r))
    }

    /// Records that someone at the service has contacted the person (once), and in the
    /// same transaction the commissioners' record's working days from sending to the
    /// first contact (`calendar`; a request passed on and contacted again keeps the
    /// first).
    pub async fn record_contacted(
        &self,
        reference: Reference,
        now: i64,
        calendar: &WorkingDays,
    ) -> Result<bool, StoreError> {
        self.record(
            "UPDATE referrals SET contacted_at = $2
             WHERE reference = $1 AND contacted_at IS NULL AND closed_at IS NULL
             RETURNING id, created_at",
            reference,
            now,
            None,
            Counted::Contacted(calendar),
        )
        .await
    }

    /// Closes a request with its outcome (once), counted in the commissioners' record
    /// in the same transaction.
    pub async fn record_closed(
        &self,
        reference: Reference,
        outcome: Outcome,
        now: i64,
    ) -> Result<bool, StoreError> {
        self.record(
            "UPDATE referrals SET closed_at = $2, outcome = $3
             WHERE reference = $1 AND closed_at IS NULL
             RETURNING id, created_at",
            reference,
            now,
            Some(outcome.as_str().to_string()),
            Counted::Closed(outcome),
        )
        .await
    }

    /// Triage passes a request on: outside the site (recorded, naming where), or to an
    /// area's service on the site, into whose inbox it moves as a new, waiting request;
    /// the outbox then tells that service (`notify_service`). Either way the
    /// commissioners' record counts it passed on (never where: staff may type that).
    pub async fn record_passed_on(
        &self,
        reference: Reference,
        to: &PassTo,
        now: i64,
    ) -> Result<bool, StoreError> {
        match to {
            PassTo::Outside(name) => {
                self.record(
                    "UPDATE referrals SET passed_on_at = $2, passed_to = $3
                     WHERE reference = $1 AND route = 'triage' AND closed_at IS NULL
                       AND passed_on_at IS NULL
                     RETURNING id, created_at",
                    reference,
                    now,
                    Some(format!("outside:{}", name.trim())),
                    Counted::PassedOn,
                )
                .await
            }
            PassTo::Area(area) => {
                self.record(
                    "UPDATE referrals SET passed_on_at = $2, passed_to = $3, route = 'direct',
                            audience = 'all', area = substr($3, 6), acknowledged_at = NULL,
                            contacted_at = NULL, service_sent = 0, attempts = 0,
                            status = CASE WHEN status = 'purged' THEN status ELSE 'pending' END,
                            next_attempt_at = $2, lease_until = NULL
                     WHERE reference = $1 AND route = 'triage' AND closed_at IS NULL
                       AND passed_on_at IS NULL
                     RETURNING id, created_at",
                    reference,
                    now,
                    Some(format!("area:{area}")),
                    Counted::PassedOn,
                )
                .await
            }
        }
    }

    /// Runs `sql` (an update of one request returning its id and when it was sent),
    /// then, if it changed the request, what the commissioners' record counts of it,
    /// in one transaction: the number can never disagree with the inbox.
    async fn record(
        &self,
        sql: &str,
        reference: Reference,
        now: i64,
        text: Option<String>,
        counted: Counted<'_>,
    ) -> Result<bool, StoreError> {
        Ok(on_db!(&self.db, pool => {
            async {
                let mut tx = pool.begin().await?;
                let mut q = sqlx::query_as(sql).bind(reference.to_string()).bind(now);
                if let Some(t) = &text {
                    q = q.bind(t.clone());
                }
                let changed: Option<(i64, i64)> = q.fetch_optional(&mut *tx).await?;
                if let Some((id, created_at)) = changed {
                    let report = match counted {
                        Counted::Contacted(calendar) => {
                            let days = calendar.between(uk_date(created_at), uk_date(now));
                            sqlx::query(
                                "UPDATE report_entries
                                 SET contacted_days = COALESCE(contacted_days, $2)
                                 WHERE referral_id = $1",
                            )
                            .bind(id)
                            .bind(i64::from(days))
                        }
                        Counted::Closed(outcome) => sqlx::query(
                            "UPDATE report_entries SET outcome = $2 WHERE referral_id = $1",
                        )
                        .bind(id)
                        .bind(outcome.as_str()),
                        Counted::PassedOn => sqlx::query(
                            "UPDATE report_entries SET passed_on = 1 WHERE referral_id = $1",
                        )
                        .bind(id),
                    };
                    report.execute(&mut *tx).await?;
                }
                tx.commit().await?;
                Ok::<_, sqlx::Error>(changed.is_some())
            }
            .await
        })?)
    }
}

/// What the commissioners' record counts of a staff action.
#[derive(Clone, Copy)]
enum Counted<'a> {
    /// Working days from sending to the first contact, on this calendar.
    Contacted(&'a WorkingDays),
    Closed(Outcome),
    PassedOn,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::mail::address::EmailAddress;
    use crate::staff::Role;

    #[test]
    fn the_list_query_binds_each_scope_and_filter_in_order() {
        let m = Member {
            id: 1,
            email: EmailAddress::parse("a@example.org").unwrap(),
            roles: Roles::new(vec![Role::Service, Role::Triage]),
            scopes: vec![Scope {
                area: "kent".into(),
                audience: Audience::Youth,
            }],
        };
        let filter = InboxFilter {
            state: Some(InboxState::Waiting),
            area: Some("kent".into()),
            before: Some(9),
        };
        let (sql, binds) = inbox_query(&m, &filter, 51);
        assert!(sql.contains("route = 'triage'"), "{sql}");
        assert!(
            sql.contains("area = $1 AND COALESCE(audience, 'all') = $2"),
            "{sql}"
        );
        assert!(
            sql.ends_with("AND area = $3 AND id < $4 ORDER BY id DESC LIMIT $5"),
            "{sql}"
        );
        assert_eq!(binds.len(), 5);
        let nobody = Member {
            roles: Roles::new(vec![Role::Admin]),
            ..m
        };
        assert!(
            inbox_query(&nobody, &InboxFilter::default(), 5)
                .0
                .contains("(1 = 0)")
        );
    }
}

//! The staff inbox's vocabulary: who staff are (roles and areas), what state a request is
//! in for them, what they can record, and the one decision of what each may see
//! ([`Member::may_see`]). Storage is in `store::staff`, the web side in `server::staff`,
//! the pages in `pages::staff`.

pub mod api_key;
pub mod audit;
pub mod export;
pub mod oidc;
pub mod passkey;
pub mod session;

use crate::areas::directory::{Audience, Routed, Via};
use crate::mail::address::EmailAddress;

/// How long an invitation link works.
pub const INVITATION_SECONDS: i64 = 72 * 60 * 60;

/// What a member may do. A member may hold several (an admin who also triages).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Role {
    /// Sees requests routed straight to the services of their areas.
    Service,
    /// Sees requests routed through the operator's triage inbox, and passes them on.
    Triage,
    /// Manages staff and reads the audit log; not the answers unless also triage.
    Admin,
    /// A commissioner's office: the report's numbers for their areas, never a request.
    Commissioner,
}

impl Role {
    pub const ALL: [Role; 4] = [Role::Service, Role::Triage, Role::Admin, Role::Commissioner];

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Service => "service",
            Role::Triage => "triage",
            Role::Admin => "admin",
            Role::Commissioner => "commissioner",
        }
    }

    pub fn parse(text: &str) -> Option<Role> {
        Role::ALL.into_iter().find(|r| r.as_str() == text)
    }
}

/// A member's roles, stored comma-separated.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Roles(Vec<Role>);

impl Roles {
    pub fn new(mut roles: Vec<Role>) -> Self {
        roles.sort();
        roles.dedup();
        Roles(roles)
    }

    pub fn has(&self, role: Role) -> bool {
        self.0.contains(&role)
    }

    pub fn iter(&self) -> impl Iterator<Item = Role> + '_ {
        self.0.iter().copied()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// `None` if any part is not a role.
    pub fn parse(text: &str) -> Option<Self> {
        text.split(',')
            .map(|r| Role::parse(r.trim()))
            .collect::<Option<Vec<_>>>()
            .map(Roles::new)
    }
}

impl std::fmt::Display for Roles {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let words: Vec<_> = self.0.iter().map(|r| r.as_str()).collect();
        f.write_str(&words.join(","))
    }
}

/// One area's service (for everyone, or its youth justice service) whose direct requests
/// a service member sees.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    pub area: String,
    pub audience: Audience,
}

/// A signed-in member, as every staff handler knows them.
#[derive(Clone, Debug)]
pub struct Member {
    pub id: i64,
    pub email: EmailAddress,
    pub roles: Roles,
    pub scopes: Vec<Scope>,
}

impl Member {
    /// Whether this member may read the request and act on it. Everything else is the
    /// same "not found" as a reference that does not exist.
    pub fn may_see(&self, area: &str, routed: Routed) -> bool {
        match routed.via {
            Via::Triage => self.roles.has(Role::Triage),
            Via::Direct => {
                self.roles.has(Role::Service)
                    && self
                        .scopes
                        .iter()
                        .any(|s| s.area == area && s.audience == routed.audience)
            }
        }
    }

    /// Whether the member sees any requests at all (an admin alone does not).
    pub fn reads_requests(&self) -> bool {
        self.roles.has(Role::Triage) || self.roles.has(Role::Service)
    }

    /// The areas whose numbers a commissioner's member sees, each once, in order; none
    /// for any other role (their scopes are for reading requests).
    pub fn numbers_areas(&self) -> Vec<String> {
        if !self.roles.has(Role::Commissioner) {
            return Vec::new();
        }
        let mut areas: Vec<String> = self.scopes.iter().map(|s| s.area.clone()).collect();
        areas.sort();
        areas.dedup();
        areas
    }
}

/// Where a request is, for staff: the furthest thing recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum InboxState {
    /// Nobody has pressed Received yet.
    Waiting,
    Received,
    Contacted,
    Closed,
    PassedOn,
}

impl InboxState {
    pub const ALL: [InboxState; 5] = [
        InboxState::Waiting,
        InboxState::Received,
        InboxState::Contacted,
        InboxState::Closed,
        InboxState::PassedOn,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InboxState::Waiting => "waiting",
            InboxState::Received => "received",
            InboxState::Contacted => "contacted",
            InboxState::Closed => "closed",
            InboxState::PassedOn => "passed-on",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        InboxState::ALL.into_iter().find(|s| s.as_str() == text)
    }

    /// Open: staff still have something to do.
    pub fn is_open(self) -> bool {
        !matches!(self, InboxState::Closed | InboxState::PassedOn)
    }
}

/// How a request ended: the fixed list staff choose from (no free text, so nothing
/// personal is typed into the record that outlives the answers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    NotSuitable,
    Withdrew,
    OtherPartyUnavailable,
    Indirect,
    DirectMeeting,
    PassedToAnother,
}

impl Outcome {
    pub const ALL: [Outcome; 6] = [
        Outcome::NotSuitable,
        Outcome::Withdrew,
        Outcome::OtherPartyUnavailable,
        Outcome::Indirect,
        Outcome::DirectMeeting,
        Outcome::PassedToAnother,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Outcome::NotSuitable => "not-suitable",
            Outcome::Withdrew => "withdrew",
            Outcome::OtherPartyUnavailable => "other-party-unavailable",
            Outcome::Indirect => "indirect",
            Outcome::DirectMeeting => "direct-meeting",
            Outcome::PassedToAnother => "passed-to-another",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Outcome::ALL.into_iter().find(|o| o.as_str() == text)
    }
}

/// Where triage passed a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PassTo {
    /// To an area's service on the site: it is routed there and its service told.
    Area(String),
    /// Recorded as passed on outside the site, naming the service (staff's words).
    Outside(String),
}

/// What a member records on a request.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Action {
    Received,
    Contacted,
    Closed(Outcome),
    PassOn(PassTo),
}

impl Action {
    /// Its name in the audit log.
    pub fn audit_name(&self) -> &'static str {
        match self {
            Action::Received => "received",
            Action::Contacted => "contacted",
            Action::Closed(_) => "closed",
            Action::PassOn(_) => "passed-on",
        }
    }
}

/// Why an action is not recorded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// Closed or passed on already: nothing more can be recorded.
    NotOpen,
    /// Only triage pass requests on.
    NotTriage,
    /// An outside service's name is empty or too long, or the area is unknown.
    BadPassTo,
}

/// Whether `member` may record `action` on a request in `state` (seen by them already).
pub fn decide(
    member: &Member,
    via: Via,
    state: InboxState,
    action: &Action,
) -> Result<(), Refusal> {
    if !state.is_open() {
        return Err(Refusal::NotOpen);
    }
    match action {
        Action::PassOn(to) => {
            if via != Via::Triage || !member.roles.has(Role::Triage) {
                return Err(Refusal::NotTriage);
            }
            match to {
                PassTo::Outside(name) if name.trim().is_empty() || name.chars().count() > 200 => {
                    Err(Refusal::BadPassTo)
                }
                _ => Ok(()),
            }
        }
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn member(roles: &[Role], scopes: &[(&str, Audience)]) -> Member {
        Member {
            id: 1,
            email: EmailAddress::parse("staff@example.org").unwrap(),
            roles: Roles::new(roles.to_vec()),
            scopes: scopes
                .iter()
                .map(|(a, audience)| Scope {
                    area: a.to_string(),
                    audience: *audience,
                })
                .collect(),
        }
    }

    fn routed(via: Via, area: &str, audience: Audience) -> (String, Routed) {
        (area.to_string(), Routed { via, audience })
    }

    fn sees(m: &Member, (area, routed): (String, Routed)) -> bool {
        m.may_see(&area, routed)
    }

    #[test]
    fn service_staff_see_their_areas_direct_requests_only() {
        let kent = member(&[Role::Service], &[("kent", Audience::All)]);
        assert!(sees(&kent, routed(Via::Direct, "kent", Audience::All)));
        assert!(!sees(&kent, routed(Via::Direct, "essex", Audience::All)));
        assert!(!sees(&kent, routed(Via::Direct, "kent", Audience::Youth)));
        assert!(!sees(&kent, routed(Via::Triage, "kent", Audience::All)));
    }

    #[test]
    fn triage_sees_triage_only_and_admin_sees_nothing() {
        let triage = member(&[Role::Triage], &[]);
        assert!(sees(&triage, routed(Via::Triage, "essex", Audience::All)));
        assert!(!sees(&triage, routed(Via::Direct, "essex", Audience::All)));
        let admin = member(&[Role::Admin], &[("kent", Audience::All)]);
        assert!(!sees(&admin, routed(Via::Direct, "kent", Audience::All)));
        assert!(!sees(&admin, routed(Via::Triage, "kent", Audience::All)));
        assert!(!admin.reads_requests());
    }

    #[test]
    fn roles_round_trip_and_refuse_unknown_words() {
        let roles = Roles::parse("triage,admin").unwrap();
        assert_eq!(roles.to_string(), "triage,admin");
        assert!(Roles::parse("triage,owner").is_none());
    }

    #[test]
    fn only_triage_pass_on_and_nothing_after_closing() {
        let triage = member(&[Role::Triage], &[]);
        let service = member(&[Role::Service], &[("kent", Audience::All)]);
        let pass = Action::PassOn(PassTo::Outside("Another service".into()));
        assert_eq!(
            decide(&triage, Via::Triage, InboxState::Received, &pass),
            Ok(())
        );
        assert_eq!(
            decide(&service, Via::Direct, InboxState::Received, &pass),
            Err(Refusal::NotTriage)
        );
        assert_eq!(
            decide(&triage, Via::Triage, InboxState::Closed, &Action::Contacted),
            Err(Refusal::NotOpen)
        );
        let empty = Action::PassOn(PassTo::Outside("  ".into()));
        assert_eq!(
            decide(&triage, Via::Triage, InboxState::Waiting, &empty),
            Err(Refusal::BadPassTo)
        );
    }
}

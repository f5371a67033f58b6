//! What the referral pages show, handed from the POST handler to the page as context.

use super::form::{Answers, FieldError};
use super::problem::Problem;

/// Which questions a form page asks: how to be contacted first, then what follows
/// from it (only the questions that apply to that way of contact).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Step {
    #[default]
    Contact,
    Details,
}

impl Step {
    /// The step's wire name (the form's hidden `step` field).
    pub fn wire(self) -> &'static str {
        match self {
            Step::Contact => "contact",
            Step::Details => "details",
        }
    }

    pub fn parse(value: &str) -> Option<Step> {
        match value {
            "contact" => Some(Step::Contact),
            "details" => Some(Step::Details),
            _ => None,
        }
    }

    /// Whether this step's page asks `field`.
    pub fn asks(self, field: super::form::Field) -> bool {
        (field == super::form::Field::ContactMethod) == (self == Step::Contact)
    }
}

/// One stage of the form.
#[derive(Clone, Debug)]
pub enum ReferView {
    /// The questions of one step, with any problems with them and a general problem.
    Form {
        answers: Answers,
        step: Step,
        errors: Vec<FieldError>,
        general: Option<Problem>,
        token: String,
    },
    /// Check your answers before sending.
    Check {
        answers: Answers,
        token: String,
        general: Option<Problem>,
    },
    /// Something stopped the request.
    Problem(Problem),
}

impl ReferView {
    /// The HTTP status of the page.
    pub fn status(&self) -> u16 {
        match self {
            ReferView::Problem(p) => p.status(),
            ReferView::Form { .. } | ReferView::Check { .. } => 200,
        }
    }
}

/// The confirmation page's facts.
#[derive(Clone, Debug)]
pub struct SentView {
    pub reference: String,
    pub area: String,
    /// Who the person was told will contact them, as stored with the request (`None`:
    /// stored before routes were kept; the page then follows the routing as it is).
    pub routed: Option<crate::areas::directory::Routed>,
}

/// A fresh token for a form shown by GET (the server provides the issuer).
#[derive(Clone)]
pub struct TokenIssuer(pub std::sync::Arc<dyn Fn() -> String + Send + Sync>);

/// The acknowledgement page's facts: the reference and where its button posts, never
/// the answers.
#[derive(Clone, Debug)]
pub struct AckView {
    pub reference: String,
    /// The link's path in each language (the button posts to the page's own).
    pub en_path: String,
    pub cy_path: String,
    /// When the service confirmed it (UK date), if it has.
    pub acknowledged_on: Option<crate::calendar::Date>,
}

/// What the status page shows after a lookup.
#[derive(Clone, Debug)]
pub enum StatusView {
    /// The form again, with what was typed and why it was not looked up.
    Problem {
        typed: String,
        problem: StatusProblem,
    },
    /// A request, as far as the page may tell.
    Found(StatusFound),
    /// No open request has this reference: it is unknown, or its details are deleted.
    /// Both are answered alike.
    NotFound { reference: String },
}

/// Why a lookup was not made.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum StatusProblem {
    /// Nothing was typed.
    Empty,
    /// Not a reference: wrong length, a letter references never use, or a wrong check
    /// symbol (a typing mistake).
    NotAReference,
    /// Too many lookups from this client in the last hour.
    TooMany,
}

impl StatusProblem {
    pub fn message_id(self) -> &'static str {
        match self {
            StatusProblem::Empty => "status-error-empty",
            StatusProblem::NotAReference => "status-error-invalid",
            StatusProblem::TooMany => "status-error-too-many",
        }
    }

    pub const ALL: [StatusProblem; 3] = [
        StatusProblem::Empty,
        StatusProblem::NotAReference,
        StatusProblem::TooMany,
    ];
}

/// A request's dates, and whom to contact if nobody has been in touch.
#[derive(Clone, Debug)]
pub struct StatusFound {
    pub reference: String,
    /// When the person sent it (UK date).
    pub sent_on: crate::calendar::Date,
    /// When the service confirmed it has it.
    pub received_on: Option<crate::calendar::Date>,
    /// When the operator closed it without the service's confirmation.
    pub closed_on: Option<crate::calendar::Date>,
    /// The day by which the person should have heard.
    pub heard_by: crate::calendar::Date,
    /// The area's slug and whether the request went straight to its service (youth:
    /// its youth service), or through the operator's team (`None`).
    pub service: Option<(String, bool)>,
}

impl StatusView {
    /// The HTTP status of the page: every answer about a reference, found or not, is
    /// 200, so the two cannot be told apart.
    pub fn status(&self) -> u16 {
        match self {
            StatusView::Problem {
                problem: StatusProblem::TooMany,
                ..
            } => 429,
            _ => 200,
        }
    }
}

/// The page being shown came from a handoff (`referral::handoff`): its random id, for
/// the page's own address in each language and for Exit, which deletes it.
#[derive(Clone, Debug)]
pub struct Handed(pub String);

/// How long a Send-limited person must wait, in minutes (at least 1), for the page.
#[derive(Clone, Copy, Debug)]
pub struct LimitWait(pub i64);

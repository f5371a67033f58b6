//! What the referral pages show, handed from the POST handler to the page as context.

use super::form::{Answers, FieldError};
use super::problem::Problem;

/// One stage of the form.
#[derive(Clone, Debug)]
pub enum ReferView {
    /// The questions, with any problems with fields and a general problem.
    Form {
        answers: Answers,
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

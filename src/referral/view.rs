//! What the referral pages show, handed from the POST handler to the page as context.

use std::collections::BTreeMap;

/// The answers as typed, by field name.
pub type Answers = BTreeMap<String, String>;

/// One stage of the form.
#[derive(Clone, Debug)]
pub enum ReferView {
    /// The questions, with any problems (field, Fluent id) and a general problem.
    Form {
        answers: Answers,
        errors: Vec<(String, String)>,
        general: Option<String>,
        token: String,
    },
    /// Check your answers before sending.
    Check {
        answers: Answers,
        token: String,
        general: Option<String>,
    },
    /// Something stopped the request (Fluent id of the explanation).
    Problem { message: String },
}

/// The confirmation page's facts.
#[derive(Clone, Debug)]
pub struct SentView {
    pub reference: String,
    pub area: String,
}

/// A fresh token for a form shown by GET (the server provides the issuer).
#[derive(Clone)]
pub struct TokenIssuer(pub std::sync::Arc<dyn Fn() -> String + Send + Sync>);

//! The Send flow as one pure decision: a posted form, the token checker and the time go
//! in; what to do comes out ([`Outcome`]). The HTTP handler only reads the body, checks
//! the origin, stores a request when told to, and turns the outcome into a response.

use super::form::{self, Answers, Field, Referral};
use super::problem::Problem;
use super::token::{self, FormTokens};
use super::view::ReferView;

/// What the form posted, read once: the answers by field, and the form's own fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Posted {
    pub answers: Answers,
    pub token: String,
    pub action: Action,
    /// The hidden field only automated senders fill in was filled in.
    pub honeypot: bool,
    /// Text that was not UTF-8, or a field the form does not have.
    pub unreadable: bool,
}

/// Which button was pressed.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Action {
    /// Continue to check the answers (also a form sent by pressing Enter).
    #[default]
    Check,
    /// Back to the questions, answers kept.
    Change,
    /// Send the request.
    Send,
}

/// Fields the form posts besides the answers.
const CONTROL_FIELDS: &[&str] = &["token", "action", "website"];

/// Reads an `application/x-www-form-urlencoded` body. Never fails: what cannot be read
/// is noted, and the person sees their answers again with a clear message.
pub fn read(body: &[u8]) -> Posted {
    let mut posted = Posted::default();
    for (key, value) in form_urlencoded::parse(body) {
        if key.contains('\u{FFFD}') || value.contains('\u{FFFD}') {
            posted.unreadable = true;
        }
        match key.as_ref() {
            "token" => posted.token = value.into_owned(),
            "action" => {
                posted.action = match value.as_ref() {
                    "send" => Action::Send,
                    "change" => Action::Change,
                    _ => Action::Check,
                }
            }
            "website" => posted.honeypot = !value.is_empty(),
            name => match Field::from_name(name) {
                // Never cut: the body's size limit bounds it, and a cut answer could
                // pass the length check with its end silently lost.
                Some(field) => {
                    posted.answers.insert(field, value.into_owned());
                }
                None => posted.unreadable |= !CONTROL_FIELDS.contains(&name),
            },
        }
    }
    posted
}

/// What the decision may consult besides the form.
pub struct Rules<'a> {
    pub tokens: &'a FormTokens,
    /// Unix seconds.
    pub now: i64,
    pub min_fill_seconds: i64,
    pub known_area: &'a (dyn Fn(&str) -> bool + Sync),
}

/// What to do with a post.
#[derive(Debug)]
pub enum Outcome {
    /// Show a stage of the form, or a refusal (see [`ReferView::status`]).
    Show(ReferView),
    /// Store this request under this key (or find the one already stored under it).
    Store { key: String, referral: Referral },
}

/// Decides what a post leads to. `fresh_token` issues a new token when the old one can
/// no longer be used (the answers always come back with one that can).
pub fn decide(posted: Posted, rules: &Rules, fresh_token: impl FnOnce() -> String) -> Outcome {
    let Posted {
        answers,
        token,
        action,
        honeypot,
        unreadable,
    } = posted;
    let general = unreadable.then_some(Problem::Unreadable);
    let parsed = form::parse(&answers, rules.known_area);
    let form = |answers, errors, general, token| {
        Outcome::Show(ReferView::Form {
            answers,
            errors,
            general,
            token,
        })
    };
    let check = |answers, token, general| {
        Outcome::Show(ReferView::Check {
            answers,
            token,
            general,
        })
    };
    match (action, parsed, general) {
        (Action::Change, _, general) => form(answers, vec![], general, token),
        (Action::Send, _, _) if honeypot => Outcome::Show(ReferView::Problem(Problem::Automated)),
        (_, Err(errors), general) => form(answers, errors, general, token),
        (_, Ok(_), Some(general)) => form(answers, vec![], Some(general), token),
        (Action::Check, Ok(_), None) => check(answers, token, None),
        (Action::Send, Ok(referral), None) => {
            let Some(checked) = rules.tokens.check(&token) else {
                return check(answers, fresh_token(), Some(Problem::Expired));
            };
            let age = rules.now - checked.issued_at;
            if age > token::MAX_AGE_SECONDS {
                return check(answers, fresh_token(), Some(Problem::TooOld));
            }
            if age < rules.min_fill_seconds {
                return check(answers, token, Some(Problem::TooFast));
            }
            Outcome::Store {
                key: token::idempotency_key(&checked, &referral),
                referral,
            }
        }
    }
}

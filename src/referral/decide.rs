//! The Send flow as one pure decision: a posted form, the token checker and the time go
//! in; what to do comes out ([`Outcome`]). The HTTP handler only reads the body, checks
//! the origin, stores a request when told to, and turns the outcome into a response.

use super::form::{self, Answers, Field, Referral};
use super::problem::Problem;
use super::token::{self, FormTokens};
use super::view::{ReferView, Step};

/// What the form posted, read once: the answers by field, and the form's own fields.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Posted {
    pub answers: Answers,
    pub token: String,
    pub action: Action,
    /// The step of the form it was posted from.
    pub step: Step,
    /// The handoff id of the page it was posted from (deleted: the answers now travel
    /// in the post).
    pub handoff: String,
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
    /// Continue from how to be contacted to the questions that follow from it.
    Next,
    /// Back to the questions, answers kept.
    Change,
    /// Back to how to be contacted, answers kept.
    ChangeContact,
    /// The same step in the other language, answers kept (the page's language switch).
    Lang,
    /// Send the request.
    Send,
}

/// Fields the form posts besides the answers.
const CONTROL_FIELDS: &[&str] = &["token", "action", "website", "step", "handoff"];

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
                    "next" => Action::Next,
                    "change" => Action::Change,
                    "change-contact" => Action::ChangeContact,
                    "lang" => Action::Lang,
                    _ => Action::Check,
                }
            }
            "step" => posted.step = Step::parse(&value).unwrap_or_default(),
            "handoff" => posted.handoff = value.into_owned(),
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
        step,
        honeypot,
        unreadable,
        handoff: _,
    } = posted;
    let general = unreadable.then_some(Problem::Unreadable);
    let contact_chosen = form::contact_method(&answers).is_some();
    // The questions that follow from the way of contact, once one is chosen.
    let after_contact = if contact_chosen {
        Step::Details
    } else {
        Step::Contact
    };
    let parsed = form::parse(&answers, rules.known_area);
    let form = |step: Step, errors: Vec<form::FieldError>, general, token| {
        Outcome::Show(ReferView::Form {
            answers: form::asked_only(&answers),
            step,
            errors: errors.into_iter().filter(|e| step.asks(e.field)).collect(),
            general,
            token,
        })
    };
    let check = |token, general| {
        Outcome::Show(ReferView::Check {
            answers: form::asked_only(&answers),
            token,
            general,
        })
    };
    match (action, parsed, general) {
        (Action::Lang, _, general) => form(step, vec![], general, token),
        (Action::ChangeContact, _, general) => form(Step::Contact, vec![], general, token),
        (Action::Change, _, general) => form(after_contact, vec![], general, token),
        (Action::Next, Err(errors), general) if !contact_chosen => {
            form(Step::Contact, errors, general, token)
        }
        (Action::Next, _, general) => form(Step::Details, vec![], general, token),
        (Action::Send, _, _) if honeypot => Outcome::Show(ReferView::Problem(Problem::Automated)),
        (_, Err(errors), general) => form(after_contact, errors, general, token),
        (_, Ok(_), Some(general)) => form(after_contact, vec![], Some(general), token),
        (Action::Check, Ok(_), None) => check(token, None),
        (Action::Send, Ok(referral), None) => {
            let Some(checked) = rules.tokens.check(&token) else {
                return check(fresh_token(), Some(Problem::Expired));
            };
            let age = rules.now - checked.issued_at;
            if age > token::MAX_AGE_SECONDS {
                return check(fresh_token(), Some(Problem::TooOld));
            }
            if age < rules.min_fill_seconds {
                return check(token, Some(Problem::TooFast));
            }
            Outcome::Store {
                key: token::idempotency_key(&checked, &referral),
                referral,
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(body: &str) -> Outcome {
        let tokens = FormTokens::new(
            crate::keys::Secrets::from_text("secret").ring(crate::keys::Purpose::FormToken),
        );
        let known = |slug: &str| slug == "kent";
        let rules = Rules {
            tokens: &tokens,
            now: 1_000,
            min_fill_seconds: 0,
            known_area: &known,
        };
        decide(read(body.as_bytes()), &rules, || "fresh".into())
    }

    fn form_of(outcome: Outcome) -> (Step, Vec<Field>, Answers) {
        match outcome {
            Outcome::Show(ReferView::Form {
                step,
                errors,
                answers,
                ..
            }) => (step, errors.iter().map(|e| e.field).collect(), answers),
            other => panic!("not a form: {other:?}"),
        }
    }

    #[test]
    fn the_first_step_asks_only_how_to_be_contacted() {
        let (step, errors, _) = form_of(run("area=kent&action=next&step=contact"));
        assert_eq!((step, errors), (Step::Contact, vec![Field::ContactMethod]));
        let (step, errors, answers) = form_of(run("area=kent&contact_method=email&action=next"));
        assert_eq!((step, errors), (Step::Details, vec![]), "no errors yet");
        assert_eq!(answers.get(&Field::Area).map(String::as_str), Some("kent"));
    }

    #[test]
    fn continuing_shows_only_the_errors_of_questions_asked() {
        let (step, errors, _) = form_of(run("contact_method=email&action=check"));
        assert_eq!(step, Step::Details);
        assert!(errors.contains(&Field::Email) && !errors.contains(&Field::VoicemailOk));
        assert!(!errors.contains(&Field::Phone) && !errors.contains(&Field::SayRjOk));
        let (_, errors, _) = form_of(run("contact_method=phone&action=check"));
        assert!(errors.contains(&Field::VoicemailOk) && !errors.contains(&Field::Email));
    }

    #[test]
    fn the_language_switch_and_changes_keep_every_answer_and_check_nothing() {
        let body = "contact_method=phone&full_name=Ann&phone=x&email=a%40example.org";
        let (step, errors, answers) = form_of(run(&format!("{body}&action=lang&step=details")));
        assert_eq!((step, errors), (Step::Details, vec![]));
        assert_eq!(
            answers.get(&Field::FullName).map(String::as_str),
            Some("Ann")
        );
        assert!(
            !answers.contains_key(&Field::Email),
            "not asked for phone contact"
        );
        let (step, _, _) = form_of(run(&format!("{body}&action=lang&step=contact")));
        assert_eq!(step, Step::Contact);
        let (step, _, _) = form_of(run(&format!("{body}&action=change-contact")));
        assert_eq!(step, Step::Contact);
        let (step, _, _) = form_of(run(&format!("{body}&action=change")));
        assert_eq!(step, Step::Details);
    }
}

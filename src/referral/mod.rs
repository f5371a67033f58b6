//! The request form: its vocabulary (`fields`), the answers parsed into a
//! [`form::Referral`], the Send flow's one decision (`decide`) and its refusals
//! (`problem`), request references, the form token, the service's signed "I have it"
//! link (`ack`), and what one page hands the next (`handoff`). Storing, delivering and chasing a request is `outbox`; its emails are
//! `mail`.

pub mod ack;
pub mod decide;
pub mod fields;
pub mod form;
pub mod handoff;
pub mod problem;
pub mod reference;
pub mod token;
pub mod view;

/// Every Fluent id the referral code holds in tables or builds from names (field
/// labels, hints and answer words, refusals, the emails' computed ids), for the locale
/// test: literal `t("…")` calls are found by scanning the source.
pub fn message_ids() -> Vec<String> {
    let mut ids: Vec<String> = fields::Field::ALL
        .into_iter()
        .flat_map(fields::Field::message_ids)
        .collect();
    ids.extend(
        problem::Problem::ALL
            .iter()
            .map(|p| p.message_id().to_string()),
    );
    ids.extend(crate::mail::render::message_ids());
    ids.extend(crate::outbox::alerts::message_ids());
    ids.extend(crate::pages::status::message_ids());
    ids
}

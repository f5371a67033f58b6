//! Asking the local service to make contact: the form's vocabulary (`fields`), the
//! answers parsed into a [`form::Referral`], the Send flow's one decision (`decide`)
//! and its refusals (`problem`), request references, and (server only) the durable
//! store, the email's rendering and the delivery worker.

pub mod ack;
pub mod alerts;
pub mod decide;
pub mod fields;
pub mod form;
pub mod handoff;
pub mod mailer;
pub mod metrics;
pub mod problem;
pub mod reference;
pub mod render;
pub mod report;
pub mod store;
pub mod token;
pub mod view;
pub mod worker;

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
    ids.extend(render::message_ids());
    ids.extend(alerts::message_ids());
    ids.extend(crate::pages::status::message_ids());
    ids
}

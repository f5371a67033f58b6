//! The integration tests, one binary (each binary links the whole app, so one links
//! once): a module per feature, the shared set-up in `common`.
//!
//! Run one feature with `cargo test --test app <module>::`, e.g.
//! `cargo test --test app delivery::`.

mod common;

mod api;
mod api_v1;
mod backup;
mod commissioner;
mod data;
mod delivery;
mod directory;
mod docs;
mod email_privacy;
mod faults;
mod feedback;
mod locales;
mod lookup;
mod measures;
mod monitoring;
mod no_alloc;
mod oidc;
mod operators;
mod outbox;
mod page_cache;
mod readability;
mod referral_form;
mod router;
mod sealed;
mod smtp_oauth;
mod staff;
mod webhooks;
mod welsh_spelling;

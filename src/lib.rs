//! A bilingual site that explains restorative justice in England and Wales, finds the
//! local service, and passes on a request to be contacted.

pub mod app;
pub mod areas;
pub mod calendar;
pub mod components;
pub mod feedback;
pub mod i18n;
pub mod keys;
pub mod mail;
pub mod numbers;
pub mod outbox;
pub mod pages;
pub mod referral;
pub mod server;
pub mod site;
pub mod staff;
pub mod store;

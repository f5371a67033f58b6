//! Asking the local service to make contact: the form's answers parsed into a
//! [`form::Referral`], request references, and (server only) the durable store, the
//! email's rendering and the delivery worker.

pub mod form;
#[cfg(feature = "ssr")]
pub mod mailer;
pub mod reference;
#[cfg(feature = "ssr")]
pub mod render;
#[cfg(feature = "ssr")]
pub mod store;
#[cfg(feature = "ssr")]
pub mod token;
pub mod view;
#[cfg(feature = "ssr")]
pub mod worker;

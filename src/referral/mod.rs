//! Asking the local service to make contact: the form's answers parsed into a
//! [`form::Referral`], request references, and (server only) the durable store, the
//! email's rendering and the delivery worker.

pub mod form;
pub mod reference;
#[cfg(feature = "ssr")]
pub mod store;

//! Email: the address type, the emails' text (`render`: to the service, to the person,
//! the reminders and alerts), which addresses may receive answers (`secure`) and how
//! they leave (`transport`: SMTP, or files in a folder for development), and the
//! OAuth 2.0 token for SMTP through Microsoft 365 (`oauth`).

pub mod address;
pub mod oauth;
pub mod render;
pub mod secure;
pub mod transport;

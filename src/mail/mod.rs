//! Email: the address type, the emails' text (`render`: to the service, to the person,
//! the reminders and alerts), which addresses may receive answers (`secure`) and how
//! they leave (`transport`: SMTP, or files in a folder for development).

pub mod address;
pub mod render;
pub mod secure;
pub mod transport;

//! What the site counts, with no personal data: the operator's Prometheus numbers
//! (`metrics`) and the commissioners' monthly report (`report`).

pub mod feedback;
pub mod metrics;
pub mod report;

//! What the site counts, with no personal data: the operator's Prometheus numbers
//! (`metrics`), the commissioners' monthly report (`report`) and its tables (`table`).

pub mod feedback;
pub mod metrics;
pub mod report;
pub mod table;

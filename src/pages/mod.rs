//! One module per page: views only, no business rules.

pub mod content;
pub mod find;
pub mod home;
pub mod not_found;
pub mod refer;

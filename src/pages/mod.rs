//! One module per page: views only, no business rules.

pub mod acknowledge;
pub mod content;
pub mod easy_read;
pub mod feedback;
pub mod find;
pub mod home;
pub mod not_found;
pub mod numbers;
pub mod refer;
pub mod staff;
pub mod status;

use crate::areas::{Areas, directory::Directory};
use leptos::prelude::use_context;
use std::sync::Arc;

/// The area data and service directory, which the server provides to every page.
fn area_data() -> (Arc<Areas>, Arc<Directory>) {
    (
        use_context::<Arc<Areas>>().expect("areas are provided by the server"),
        use_context::<Arc<Directory>>().expect("the directory is provided by the server"),
    )
}

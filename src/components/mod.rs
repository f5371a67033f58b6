//! Parts shared by pages: the page frame (header, language link, quick exit, footer).

pub mod frame;

pub use frame::{Alternates, Frame};

//! Parts shared by pages: the page frame (header, navigation, language link, quick exit,
//! footer), the prose renderer for text written in the locale files, and the bar chart.

pub mod assets;
pub mod chart;
pub mod form;
pub mod frame;
pub mod prose;
pub mod service_card;

pub use frame::{Alternates, Frame, PageFrame};
pub use prose::Prose;
pub use service_card::ServiceCard;

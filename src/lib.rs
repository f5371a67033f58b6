//! A bilingual site that explains restorative justice in England and Wales, finds the
//! local service, and passes on a request to be contacted.

pub mod app;
pub mod areas;
pub mod calendar;
pub mod components;
pub mod email;
pub mod i18n;
pub mod pages;
pub mod referral;
pub mod site;

#[cfg(feature = "ssr")]
pub mod server;

/// Entry point of the WASM bundle: wakes up the islands on pages that have any.
#[cfg(feature = "hydrate")]
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}

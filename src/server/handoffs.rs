//! What one page hands the next after a post, kept sealed in the database
//! (`referral::handoff`): stored, taken and forgotten here, never fatal to the page.

use super::AppState;
use crate::referral::handoff::{Handoff, HandoffId};

/// Stores `handoff` for the next page, or `None` (logged) when the database cannot.
pub(crate) async fn hand_off(state: &AppState, handoff: &Handoff) -> Option<HandoffId> {
    let id = HandoffId::random();
    let sealed = state.sealer.seal(&id, handoff);
    let expires = state.clock.now() + crate::referral::handoff::TTL_SECONDS;
    match state.store.put_handoff(id.as_str(), &sealed, expires).await {
        Ok(()) => Some(id),
        Err(e) => {
            tracing::error!("a page's answers could not be handed over: {e}");
            None
        }
    }
}

/// The handoff under `id`, if it is still there and opens.
pub(crate) async fn take(state: &AppState, id: &HandoffId) -> Option<Handoff> {
    match state.store.handoff(id.as_str(), state.clock.now()).await {
        Ok(Some(sealed)) => state.sealer.open(id, &sealed),
        Ok(None) => None,
        Err(e) => {
            tracing::error!("a handoff could not be read: {e}");
            None
        }
    }
}

/// Deletes the handoff under `id` (logged, never fatal: it expires anyway).
pub(crate) async fn forget(state: &AppState, id: &HandoffId) {
    if let Err(e) = state.store.drop_handoff(id.as_str()).await {
        tracing::error!("a handoff could not be deleted: {e}");
    }
}

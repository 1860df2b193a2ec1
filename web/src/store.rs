//! Local storage, wrapped so that a missing, blocked, full or corrupted storage never stops the
//! app: it reads what it can, keeps a copy of what it could not read, and says when saving fails.

use crate::state::{Saved, SAVED_FORMAT, SAVED_VERSION};
use gloo_storage::{LocalStorage, Storage};

/// Where the app keeps its state.
pub const KEY: &str = "vaardig.state";
/// Where an unreadable state is kept, so nothing is lost.
pub const BACKUP_KEY: &str = "vaardig.backup";

/// Whether local storage can be used at all (it is missing or throws in some private modes).
pub fn available() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

/// What loading found.
pub struct Loaded {
    /// The saved state, if one could be read.
    pub saved: Option<Saved>,
    /// Storage works.
    pub storage_ok: bool,
}

/// Reads the saved state. Unreadable data is copied to [`BACKUP_KEY`] and the app starts fresh.
pub fn load() -> Loaded {
    if !available() {
        return Loaded { saved: None, storage_ok: false };
    }
    let raw: Option<String> = LocalStorage::raw().get_item(KEY).ok().flatten();
    let Some(raw) = raw else { return Loaded { saved: None, storage_ok: true } };
    match serde_json::from_str::<Saved>(&raw) {
        Ok(saved) if saved.format == SAVED_FORMAT && saved.version == SAVED_VERSION => {
            Loaded { saved: Some(saved), storage_ok: true }
        }
        _ => {
            let _ = LocalStorage::raw().set_item(BACKUP_KEY, &raw);
            Loaded { saved: None, storage_ok: true }
        }
    }
}

/// Saves the state; false when storage is missing, blocked or full.
pub fn save(saved: &Saved) -> bool {
    available() && LocalStorage::set(KEY, saved).is_ok()
}

/// Deletes everything the app stored.
pub fn clear() {
    if available() {
        LocalStorage::delete(KEY);
        LocalStorage::delete(BACKUP_KEY);
    }
}

/// The raw stored text, for "my data".
pub fn raw() -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(KEY).ok().flatten()
}

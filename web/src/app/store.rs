//! Local storage, wrapped so that a missing, blocked, full or corrupted storage never stops the
//! app: it reads what it can, keeps a copy of what it could not read, and says when saving fails.

use crate::app::state::{Salvaged, Saved, SAVED_FORMAT, SAVED_VERSION};
use gloo_storage::{LocalStorage, Storage};
use js_sys::{Array, Object, Reflect, JSON};
use matching_core::Profile;
use serde::de::DeserializeOwned;
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};

thread_local! {
    /// The saved text as this page last read or wrote it. Another tab (the app in a second
    /// window, or the pool page writing attested work processes back) may write in between;
    /// [`save`] compares against this before writing, so it never writes over a newer state.
    static LAST: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Where the app keeps its state.
pub const KEY: &str = "vaardig.state";
/// Where an unreadable state is kept, so nothing is lost; later copies that differ go to
/// `vaardig.backup.2` … `vaardig.backup.9`, and none is ever written over.
pub const BACKUP_KEY: &str = "vaardig.backup";
/// The most copies kept under one key.
const BACKUPS: usize = 9;

/// Whether local storage can be used at all (it is missing or throws in some private modes).
pub fn available() -> bool {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten()).is_some()
}

/// What loading found.
pub struct Loaded {
    /// The saved state, if one could be read.
    pub saved: Option<Saved>,
    /// Storage works. False too when an unreadable state could not be copied: the app then
    /// leaves it where it is and works in memory.
    pub storage_ok: bool,
    /// The saved text, when it could not be read (a copy is kept under [`BACKUP_KEY`]).
    pub unreadable: Option<String>,
}

/// Reads the saved state. Unreadable data is copied to a backup key and the app starts fresh.
pub fn load() -> Loaded {
    if !available() {
        return Loaded { saved: None, storage_ok: false, unreadable: None };
    }
    let raw: Option<String> = LocalStorage::raw().get_item(KEY).ok().flatten();
    LAST.set(raw.clone());
    let Some(raw) = raw else { return Loaded { saved: None, storage_ok: true, unreadable: None } };
    let migrated = crate::app::state::migrate(&raw);
    match read_saved(migrated.as_deref().unwrap_or(&raw)) {
        Some(saved) => Loaded { saved: Some(saved), storage_ok: true, unreadable: None },
        None => Loaded { saved: None, storage_ok: keep_backup(BACKUP_KEY, &raw), unreadable: Some(raw) },
    }
}

/// The saved state, if `raw` is one this build writes.
fn read_saved(raw: &str) -> Option<Saved> {
    serde_json::from_str::<Saved>(raw).ok().filter(|s| s.format == SAVED_FORMAT && s.version == SAVED_VERSION)
}

/// The storage key of backup number `n` under `base` (0 is `base` itself, then `base.2` …).
fn backup_key(base: &str, n: usize) -> String {
    let mut key = base.to_string();
    if n > 0 {
        key.push('.');
        key.push(char::from(b'1' + n as u8));
    }
    key
}

/// Keeps `raw` in the first free backup key under `base`, unless it is kept already; false when it
/// could not be kept (storage full, or every backup key in use): then the caller must leave the
/// original where it is.
pub fn keep_backup(base: &str, raw: &str) -> bool {
    let storage = LocalStorage::raw();
    for n in 0..BACKUPS {
        match storage.get_item(&backup_key(base, n)).ok().flatten() {
            Some(kept) if kept == raw => return true,
            Some(_) => continue,
            None => return storage.set_item(&backup_key(base, n), raw).is_ok(),
        }
    }
    false
}

/// Every backup kept under [`BACKUP_KEY`], oldest first.
pub fn backups() -> Vec<String> {
    if !available() {
        return Vec::new();
    }
    let storage = LocalStorage::raw();
    (0..BACKUPS).filter_map(|n| storage.get_item(&backup_key(BACKUP_KEY, n)).ok().flatten()).collect()
}

/// What [`save`] did.
#[derive(Debug, PartialEq)]
pub enum Saving {
    /// Written, or already there as it is.
    Done,
    /// Storage is missing, blocked or full.
    Failed,
    /// Another tab wrote since this page last read or wrote: nothing was written. The caller
    /// merges (`state::merge3`) the state it started from (`base`) with its own and `theirs`, and
    /// saves again; from now on `theirs` counts as read.
    Changed {
        /// What this page last read or wrote (`None`: nothing was stored).
        base: Option<Box<Saved>>,
        /// What the other tab wrote (`None`: it deleted everything).
        theirs: Option<Box<Saved>>,
    },
}

/// Saves the state, unless another tab wrote since this page last read or wrote (see
/// [`Saving::Changed`]); an unreadable state another tab left is copied to a backup first.
pub fn save(saved: &Saved) -> Saving {
    if !available() {
        return Saving::Failed;
    }
    if let Some(changed) = changed() {
        return changed;
    }
    let Ok(raw) = serde_json::to_string(saved) else { return Saving::Failed };
    if LAST.with_borrow(|last| last.as_deref() == Some(raw.as_str())) {
        return Saving::Done;
    }
    if LocalStorage::raw().set_item(KEY, &raw).is_err() {
        return Saving::Failed;
    }
    LAST.set(Some(raw));
    Saving::Done
}

/// What another tab wrote since this page last read or wrote, if it did; from then on, that
/// counts as read. An unreadable state is kept as a backup and then counts as nothing new.
pub fn changed() -> Option<Saving> {
    let current = LocalStorage::raw().get_item(KEY).ok().flatten();
    if LAST.with_borrow(|last| *last == current) {
        return None;
    }
    let read = |raw: &str| read_saved(crate::app::state::migrate(raw).as_deref().unwrap_or(raw)).map(Box::new);
    let theirs = match current.as_deref().map(|raw| (raw, read(raw))) {
        Some((_, Some(saved))) => Some(saved),
        // Unreadable (broken, or a newer build's): like at load, kept as a copy, then written
        // over; never written over without a copy.
        Some((raw, None)) => {
            if !keep_backup(BACKUP_KEY, raw) {
                return Some(Saving::Failed);
            }
            LAST.set(current);
            return None;
        }
        None => None,
    };
    let base = LAST.replace(current).and_then(|raw| read(&raw));
    Some(Saving::Changed { base, theirs })
}

/// Deletes everything the app stored, backups included.
pub fn clear() {
    if available() {
        LAST.set(None);
        LocalStorage::delete(KEY);
        for n in 0..BACKUPS {
            LocalStorage::delete(backup_key(BACKUP_KEY, n));
        }
    }
}

/// The raw stored text, for "my data".
pub fn raw() -> Option<String> {
    if !available() {
        return None;
    }
    LocalStorage::raw().get_item(KEY).ok().flatten()
}

/// Reads back what can be read of a saved state (or a profile file) that does not read as a
/// whole: the browser's JSON parser finds the parts, and a new profile is built up from them one
/// by one — each claim, and each field of the answered parts, the practical facts and the
/// wishes — keeping a part only while the profile still reads with the app's own types.
/// `None` when the text is not JSON at all.
pub fn salvage(raw: &str) -> Option<Salvaged> {
    let root = JSON::parse(raw).ok().filter(JsValue::is_object)?;
    let from = get(&root, "profile").filter(JsValue::is_object).unwrap_or_else(|| root.clone());
    let id = get(&from, "id").and_then(|v| v.as_string()).filter(|id| !id.trim().is_empty());
    let out = JSON::parse(&serde_json::to_string(&Profile::new(id.unwrap_or_else(|| "ik".into()))).ok()?).ok()?;
    let (mut kept, mut dropped) = (0, 0);
    let mut count = |ok: bool| if ok { kept += 1 } else { dropped += 1 };
    let claims = Array::new();
    Reflect::set(&out, &"claims".into(), &claims).ok()?;
    for claim in get(&from, "claims").filter(Array::is_array).map(|c| Array::from(&c)).unwrap_or_default().iter() {
        claims.push(&claim);
        let ok = read::<Profile>(&out).is_some();
        if !ok {
            claims.pop();
        }
        count(ok);
    }
    for part in ["answered", "practical", "wishes"] {
        let Some(value) = get(&from, part).filter(JsValue::is_object) else { continue };
        let into = Object::new();
        Reflect::set(&out, &part.into(), &into).ok()?;
        for field in Object::keys(value.unchecked_ref::<Object>()).iter() {
            Reflect::set(&into, &field, &Reflect::get(&value, &field).ok()?).ok()?;
            let ok = read::<Profile>(&out).is_some();
            if !ok {
                Reflect::delete_property(&into, &field).ok()?;
            }
            count(ok);
        }
    }
    Some(Salvaged { profile: read(&out)?, kept, dropped })
}

/// A property that is there and not null.
pub fn get(value: &JsValue, key: &str) -> Option<JsValue> {
    Reflect::get(value, &key.into()).ok().filter(|v| !v.is_undefined() && !v.is_null())
}

/// One part, read with the app's own types.
pub fn read<T: DeserializeOwned>(value: &JsValue) -> Option<T> {
    serde_json::from_str(&JSON::stringify(value).ok()?.as_string()?).ok()
}

//! localStorage: load on start, save after each change, never destroy data
//! we could not read.

use super::browser::local_storage;
use crate::domain::Problem;
use crate::io::storage::{STORAGE_KEY, Stored, decode_stored, encode_stored};
use wasm_bindgen::JsCast;

/// Where stored text that failed to load is set aside, so the next save cannot
/// overwrite it.
pub const UNREADABLE_KEY: &str = "inversa.unreadable";
/// The language the user picked, if they ever picked one.
pub const LANGUAGE_KEY: &str = "inversa.language";

pub enum Loaded {
    /// First visit: nothing stored.
    Nothing,
    Found(Stored),
    /// Stored data exists but cannot be read. `set_aside` tells whether it was
    /// copied to [`UNREADABLE_KEY`]; if not, saving must stay off.
    Unreadable {
        raw: String,
        problems: Vec<Problem>,
        set_aside: bool,
    },
    /// localStorage is blocked (private mode, policy): work stays in memory.
    Unavailable,
}

pub fn load() -> Loaded {
    let Some(storage) = local_storage() else {
        return Loaded::Unavailable;
    };
    let raw = match storage.get_item(STORAGE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return Loaded::Nothing,
        Err(_) => return Loaded::Unavailable,
    };
    match decode_stored(&raw) {
        Ok(stored) => Loaded::Found(stored),
        Err(problems) => {
            let set_aside = storage.set_item(UNREADABLE_KEY, &raw).is_ok();
            Loaded::Unreadable {
                raw,
                problems,
                set_aside,
            }
        }
    }
}

/// Text set aside by an earlier failed load, if any.
pub fn unreadable_text() -> Option<String> {
    local_storage()?.get_item(UNREADABLE_KEY).ok().flatten()
}

pub fn forget_unreadable() {
    if let Some(storage) = local_storage() {
        let _ = storage.remove_item(UNREADABLE_KEY);
    }
}

#[derive(Clone, Debug, PartialEq)]
pub enum SaveError {
    /// The browser's quota is used up.
    Full,
    /// Storage refused for another reason (blocked, private mode).
    Unavailable,
}

/// Saves the workspace; returns the size written, in bytes of text.
pub fn save(stored: &Stored) -> Result<usize, SaveError> {
    let storage = local_storage().ok_or(SaveError::Unavailable)?;
    let text = encode_stored(stored);
    match storage.set_item(STORAGE_KEY, &text) {
        Ok(()) => Ok(text.len()),
        Err(error) => {
            let name = error
                .dyn_ref::<web_sys::DomException>()
                .map(|e| e.name())
                .unwrap_or_default();
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                Err(SaveError::Full)
            } else {
                Err(SaveError::Unavailable)
            }
        }
    }
}

pub fn saved_language() -> Option<String> {
    local_storage()?.get_item(LANGUAGE_KEY).ok().flatten()
}

pub fn save_language(code: &str) {
    if let Some(storage) = local_storage() {
        let _ = storage.set_item(LANGUAGE_KEY, code);
    }
}

//! localStorage: load on start, save after each change, never destroy data
//! we could not read.

use super::backups;
use super::browser::local_storage;
use crate::domain::Problem;
use crate::io::storage::{STORAGE_KEY, Stored, decode_stored, encode_stored};
use wasm_bindgen::JsCast;

/// Where stored text that failed to load is set aside, so the next save cannot
/// overwrite it.
pub const UNREADABLE_KEY: &str = "inversa.unreadable";
/// The revision of the saved workspace, also written on its own so another
/// tab can check it (and hear of it through the `storage` event) without
/// reading and decoding the whole program.
pub const REVISION_KEY: &str = "inversa.workspace.v1.revision";
/// The language the user picked, if they ever picked one.
pub const LANGUAGE_KEY: &str = "inversa.language";

pub enum Loaded {
    /// First visit: nothing stored.
    Nothing,
    /// What was stored, and its size in bytes of text.
    Found(Stored, usize),
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
        Ok(stored) => Loaded::Found(stored, raw.len()),
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

/// The revision last saved by any tab: the small key, else the envelope's
/// (data saved before the key existed), else 0.
pub fn stored_revision() -> u64 {
    let Some(storage) = local_storage() else {
        return 0;
    };
    if let Some(revision) = storage
        .get_item(REVISION_KEY)
        .ok()
        .flatten()
        .and_then(|text| text.trim().parse().ok())
    {
        return revision;
    }
    match storage.get_item(STORAGE_KEY) {
        Ok(Some(raw)) => decode_stored(&raw).map_or(0, |s| s.revision),
        _ => 0,
    }
}

/// What a save wrote.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Written {
    /// Size of the saved text.
    pub bytes: usize,
    /// Backup copies given up to make room for it.
    pub backups_dropped: usize,
}

/// Saves the workspace. When storage is full, backup copies are given up,
/// oldest first, until the program fits: backups are expendable, the
/// program is not.
pub fn save(stored: &Stored) -> Result<Written, SaveError> {
    let storage = local_storage().ok_or(SaveError::Unavailable)?;
    let text = encode_stored(stored);
    let mut backups_dropped = 0;
    // Bounded by the copies there were: if dropping one cannot be written
    // down, the loop still ends.
    let mut may_drop = backups::list().len();
    loop {
        match storage.set_item(STORAGE_KEY, &text) {
            Ok(()) => {
                // Written second: a tab that sees the new revision finds the data.
                let _ = storage.set_item(REVISION_KEY, &stored.revision.to_string());
                return Ok(Written {
                    bytes: text.len(),
                    backups_dropped,
                });
            }
            Err(error) => {
                let name = error
                    .dyn_ref::<web_sys::DomException>()
                    .map(|e| e.name())
                    .unwrap_or_default();
                if name != "QuotaExceededError" && name != "NS_ERROR_DOM_QUOTA_REACHED" {
                    return Err(SaveError::Unavailable);
                }
                if may_drop == 0 || !backups::drop_oldest() {
                    return Err(SaveError::Full);
                }
                may_drop -= 1;
                backups_dropped += 1;
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

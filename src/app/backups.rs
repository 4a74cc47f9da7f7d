//! Backup copies in localStorage: the storage calls behind
//! [`crate::domain::backups`]. Every copy is a storage envelope, so
//! restoring one is loading it through the usual checks.

use super::browser::{self, local_storage};
use crate::domain::Workspace;
use crate::domain::backups::{
    BackupPolicy, ProgramSummary, SnapshotInfo, SnapshotReason, worth_keeping,
};
use crate::io::backups::{
    BACKUP_INDEX_KEY, decode_index, digest, encode_index, snapshot_id, snapshot_key,
};
use crate::io::storage::{STORAGE_KEY, Stored, decode_stored, encode_stored};

pub fn policy() -> BackupPolicy {
    BackupPolicy::default()
}

/// The copies kept, newest first. A damaged or missing index is rebuilt
/// from the copies themselves, so no copy is ever orphaned.
pub fn list() -> Vec<SnapshotInfo> {
    let Some(storage) = local_storage() else {
        return Vec::new();
    };
    let index = storage
        .get_item(BACKUP_INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|text| decode_index(&text));
    let mut snapshots = match index {
        Some(snapshots) => snapshots,
        None => {
            let rebuilt = rebuild(&storage);
            if !rebuilt.is_empty() {
                let _ = storage.set_item(BACKUP_INDEX_KEY, &encode_index(&rebuilt));
            }
            rebuilt
        }
    };
    snapshots.sort_by_key(|s| std::cmp::Reverse((s.taken_ms, s.id)));
    snapshots
}

fn rebuild(storage: &web_sys::Storage) -> Vec<SnapshotInfo> {
    let length = storage.length().unwrap_or(0);
    let ids: Vec<u64> = (0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter_map(|key| snapshot_id(&key))
        .collect();
    ids.into_iter()
        .filter_map(|id| {
            let text = storage.get_item(&snapshot_key(id)).ok().flatten()?;
            let stored = decode_stored(&text).ok()?;
            Some(SnapshotInfo {
                id,
                taken_ms: instant_ms(&stored.saved_at),
                taken_at: stored.saved_at,
                reason: SnapshotReason::Automatic,
                bytes: text.len(),
                revision: stored.revision,
                digest: digest(&stored.workspace, stored.demo),
                summary: ProgramSummary::of(&stored.workspace, stored.demo),
            })
        })
        .collect()
}

fn instant_ms(iso: &str) -> u64 {
    let ms = js_sys::Date::parse(iso);
    if ms.is_finite() && ms > 0.0 {
        ms as u64
    } else {
        0
    }
}

fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

/// Why a copy could not be kept.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum NotKept {
    /// Storage is blocked (private mode, policy).
    Unavailable,
    /// The copy does not fit next to the program in this browser's storage.
    NoRoom,
}

/// Keeps a copy of `workspace`, dropping older copies as the policy says.
/// `program_bytes` is the saved program's size, which backups must leave
/// room for. A program already kept as it is renews that copy instead.
pub fn take(
    reason: SnapshotReason,
    workspace: &Workspace,
    demo: bool,
    revision: u64,
    program_bytes: usize,
) -> Result<SnapshotInfo, NotKept> {
    let fingerprint = digest(workspace, demo);
    if let Some(kept) = list().into_iter().find(|s| s.digest == fingerprint) {
        return renew(kept, reason);
    }
    let saved_at = browser::now_iso();
    let text = encode_stored(&Stored {
        workspace: workspace.clone(),
        demo,
        revision,
        saved_at: saved_at.clone(),
    });
    let copy = Copy {
        reason,
        taken_at: saved_at,
        revision,
        digest: fingerprint,
        summary: ProgramSummary::of(workspace, demo),
    };
    keep(copy, &text, program_bytes)
}

/// The same content is kept already: that copy takes today's date and
/// this reason, so rotation treats it as the newest (which it now is).
fn renew(kept: SnapshotInfo, reason: SnapshotReason) -> Result<SnapshotInfo, NotKept> {
    let storage = local_storage().ok_or(NotKept::Unavailable)?;
    let renewed = SnapshotInfo {
        taken_at: browser::now_iso(),
        taken_ms: now_ms(),
        reason,
        ..kept
    };
    let index: Vec<SnapshotInfo> = list()
        .into_iter()
        .map(|s| {
            if s.id == renewed.id {
                renewed.clone()
            } else {
                s
            }
        })
        .collect();
    storage
        .set_item(BACKUP_INDEX_KEY, &encode_index(&index))
        .map_err(|_| NotKept::NoRoom)?;
    Ok(renewed)
}

/// A copy about to be kept, before it has an id.
struct Copy {
    reason: SnapshotReason,
    taken_at: String,
    revision: u64,
    digest: String,
    summary: ProgramSummary,
}

/// Keeps the saved program as it is now, if an automatic copy is due:
/// called before a save overwrites it, so the copy is the state that the
/// coordinator last saw settled.
pub fn take_automatic_if_due(stored_revision: u64) -> Option<SnapshotInfo> {
    let existing = list();
    if !policy().automatic_due(&existing, stored_revision, now_ms()) {
        return None;
    }
    let storage = local_storage()?;
    let text = storage.get_item(STORAGE_KEY).ok().flatten()?;
    // Checked before reading it: a program too large for a copy would
    // otherwise be decoded on every save for nothing.
    if !policy().fits(text.len()) {
        return None;
    }
    let stored = decode_stored(&text).ok()?;
    if !worth_keeping(&stored.workspace, stored.demo) {
        return None;
    }
    let fingerprint = digest(&stored.workspace, stored.demo);
    if BackupPolicy::holds(&existing, &fingerprint) {
        return None;
    }
    let copy = Copy {
        reason: SnapshotReason::Automatic,
        taken_at: browser::now_iso(),
        revision: stored.revision,
        digest: fingerprint,
        summary: ProgramSummary::of(&stored.workspace, stored.demo),
    };
    keep(copy, &text, text.len()).ok()
}

fn keep(copy: Copy, text: &str, program_bytes: usize) -> Result<SnapshotInfo, NotKept> {
    let storage = local_storage().ok_or(NotKept::Unavailable)?;
    let mut existing = list();
    let dropped = policy()
        .make_room(&existing, text.len(), program_bytes)
        .ok_or(NotKept::NoRoom)?;
    existing.retain(|s| !dropped.contains(&s.id));
    let info = SnapshotInfo {
        id: crate::domain::backups::next_id(&existing),
        taken_at: copy.taken_at,
        taken_ms: now_ms(),
        reason: copy.reason,
        bytes: text.len(),
        revision: copy.revision,
        digest: copy.digest,
        summary: copy.summary,
    };
    // The index first loses the dropped copies, then the copy is written,
    // then the index names it: a failure part-way leaves no index entry
    // without its copy.
    let _ = storage.set_item(BACKUP_INDEX_KEY, &encode_index(&existing));
    for id in &dropped {
        let _ = storage.remove_item(&snapshot_key(*id));
    }
    if storage.set_item(&snapshot_key(info.id), text).is_err() {
        let _ = storage.remove_item(&snapshot_key(info.id));
        return Err(NotKept::NoRoom);
    }
    existing.push(info.clone());
    if storage
        .set_item(BACKUP_INDEX_KEY, &encode_index(&existing))
        .is_err()
    {
        let _ = storage.remove_item(&snapshot_key(info.id));
        return Err(NotKept::NoRoom);
    }
    Ok(info)
}

/// A copy, read back through the same checks as the saved program.
pub fn read(id: u64) -> Result<Stored, Vec<crate::domain::Problem>> {
    let text = local_storage()
        .and_then(|s| s.get_item(&snapshot_key(id)).ok().flatten())
        .unwrap_or_default();
    decode_stored(&text)
}

/// Gives up the oldest copy to make room for the program; false when there
/// is none left.
pub fn drop_oldest() -> bool {
    let existing = list();
    let Some(&oldest) = crate::domain::backups::evict_order(&existing).first() else {
        return false;
    };
    remove(oldest);
    true
}

pub fn remove(id: u64) {
    let Some(storage) = local_storage() else {
        return;
    };
    let rest: Vec<SnapshotInfo> = list().into_iter().filter(|s| s.id != id).collect();
    let _ = storage.set_item(BACKUP_INDEX_KEY, &encode_index(&rest));
    let _ = storage.remove_item(&snapshot_key(id));
}

/// Removes every copy and the index: nothing of the program is left behind
/// in backups.
pub fn remove_all() {
    let Some(storage) = local_storage() else {
        return;
    };
    let length = storage.length().unwrap_or(0);
    let keys: Vec<String> = (0..length)
        .filter_map(|i| storage.key(i).ok().flatten())
        .filter(|key| snapshot_id(key).is_some())
        .collect();
    for key in keys {
        let _ = storage.remove_item(&key);
    }
    let _ = storage.remove_item(BACKUP_INDEX_KEY);
}

//! The backup index kept in localStorage next to the saved program.
//!
//! ```json
//! {"backups":1,"snapshots":[{"id":3,"taken_at":"2026-03-01T09:30:00.000Z","taken_ms":1772357400000,
//!   "reason":"automatic","bytes":18234,"revision":41,"program":"Pilot","demo":false,
//!   "participants":24,"pairs":11,"circles":0,"sessions":40,"objectives":3,"rounds":1,"answers":12}]}
//! ```
//!
//! Each copy lives under its own key ([`snapshot_key`]) as a storage envelope
//! ([`super::storage`]), so restoring one goes through the same decoding,
//! migration and validation as loading the saved program. The index only
//! lists what the Backups section shows without reading every copy.

use serde::{Deserialize, Serialize};

use super::format_v1::FileV1;
use crate::domain::Workspace;
use crate::domain::backups::{ProgramSummary, SnapshotInfo, SnapshotReason};

pub const BACKUP_INDEX_KEY: &str = "inversa.backups.v1";
const SNAPSHOT_KEY_PREFIX: &str = "inversa.backup.";
const INDEX_SCHEMA: u64 = 1;

/// Where the copy with this id is stored.
pub fn snapshot_key(id: u64) -> String {
    format!("{SNAPSHOT_KEY_PREFIX}{id}")
}

/// The id named by a storage key, if it is a copy's key.
pub fn snapshot_id(key: &str) -> Option<u64> {
    key.strip_prefix(SNAPSHOT_KEY_PREFIX)?.parse().ok()
}

#[derive(Serialize, Deserialize)]
struct IndexFile {
    backups: u64,
    snapshots: Vec<Entry>,
}

#[derive(Serialize, Deserialize)]
struct Entry {
    id: u64,
    taken_at: String,
    taken_ms: u64,
    reason: String,
    bytes: usize,
    #[serde(default)]
    revision: u64,
    #[serde(default)]
    digest: String,
    #[serde(default)]
    program: String,
    #[serde(default)]
    demo: bool,
    #[serde(default)]
    participants: usize,
    #[serde(default)]
    pairs: usize,
    #[serde(default)]
    circles: usize,
    #[serde(default)]
    sessions: usize,
    #[serde(default)]
    objectives: usize,
    #[serde(default)]
    rounds: usize,
    #[serde(default)]
    answers: usize,
}

/// A fingerprint of a program's content (SHA-256 of its file form, without
/// the export time), to tell whether a copy of it is kept already.
pub fn digest(workspace: &Workspace, demo: bool) -> String {
    use sha2::{Digest, Sha256};
    let file = serde_json::to_vec(&FileV1::from_domain(workspace, ""))
        .expect("plain data always serializes");
    let mut hash = Sha256::new();
    hash.update(&file);
    hash.update([u8::from(demo)]);
    hash.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

pub fn encode_index(snapshots: &[SnapshotInfo]) -> String {
    let file = IndexFile {
        backups: INDEX_SCHEMA,
        snapshots: snapshots
            .iter()
            .map(|s| Entry {
                id: s.id,
                taken_at: s.taken_at.clone(),
                taken_ms: s.taken_ms,
                reason: s.reason.code().to_string(),
                bytes: s.bytes,
                revision: s.revision,
                digest: s.digest.clone(),
                program: s.summary.program_name.clone(),
                demo: s.summary.demo,
                participants: s.summary.participants,
                pairs: s.summary.pairs,
                circles: s.summary.circles,
                sessions: s.summary.sessions,
                objectives: s.summary.objectives,
                rounds: s.summary.checkin_rounds,
                answers: s.summary.answers,
            })
            .collect(),
    };
    serde_json::to_string(&file).expect("plain data always serializes")
}

/// Reads the index. `None` when it is not an index this version can read
/// (the caller then rebuilds it from the copies themselves). An entry with a
/// reason this version does not know is listed as automatic: dropping it
/// would leave its copy in storage, unlisted and never rotated out.
pub fn decode_index(text: &str) -> Option<Vec<SnapshotInfo>> {
    let file: IndexFile = serde_json::from_str(text).ok()?;
    if file.backups != INDEX_SCHEMA {
        return None;
    }
    let mut seen = std::collections::HashSet::new();
    Some(
        file.snapshots
            .into_iter()
            .filter(|e| seen.insert(e.id))
            .map(|e| SnapshotInfo {
                id: e.id,
                taken_at: e.taken_at,
                taken_ms: e.taken_ms,
                reason: SnapshotReason::from_code(&e.reason).unwrap_or(SnapshotReason::Automatic),
                bytes: e.bytes,
                revision: e.revision,
                digest: e.digest,
                summary: ProgramSummary {
                    program_name: e.program,
                    demo: e.demo,
                    participants: e.participants,
                    pairs: e.pairs,
                    circles: e.circles,
                    sessions: e.sessions,
                    objectives: e.objectives,
                    checkin_rounds: e.rounds,
                    answers: e.answers,
                },
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digest_tells_content_apart_not_time() {
        let demo = crate::domain::demo::demo_workspace();
        let mut renamed = demo.clone();
        renamed.program.name.push('!');
        assert_eq!(digest(&demo, true), digest(&demo.clone(), true));
        assert_eq!(digest(&demo, true).len(), 64);
        assert_ne!(digest(&demo, true), digest(&renamed, true));
        assert_ne!(digest(&demo, true), digest(&demo, false));
    }

    #[test]
    fn keys_round_trip() {
        assert_eq!(snapshot_key(12), "inversa.backup.12");
        assert_eq!(snapshot_id("inversa.backup.12"), Some(12));
        assert_eq!(snapshot_id("inversa.backups.v1"), None);
        assert_eq!(snapshot_id("inversa.workspace.v1"), None);
    }

    #[test]
    fn index_round_trips_and_tolerates_damage() {
        let info = SnapshotInfo {
            id: 3,
            taken_at: "2026-03-01T09:30:00.000Z".into(),
            taken_ms: 1_772_357_400_000,
            reason: SnapshotReason::BeforeImport,
            bytes: 18_234,
            revision: 41,
            digest: "ab12".into(),
            summary: ProgramSummary {
                program_name: "Pilot".into(),
                demo: false,
                participants: 24,
                pairs: 11,
                circles: 1,
                sessions: 40,
                objectives: 3,
                checkin_rounds: 1,
                answers: 12,
            },
        };
        let text = encode_index(std::slice::from_ref(&info));
        assert_eq!(decode_index(&text), Some(vec![info.clone()]));
        // An unknown reason reads as automatic; duplicates keep the first.
        let odd = text.replace("before-import", "someday");
        assert_eq!(
            decode_index(&odd),
            Some(vec![SnapshotInfo {
                reason: SnapshotReason::Automatic,
                ..info.clone()
            }])
        );
        let twice = text.replace("\"snapshots\":[", "\"snapshots\":[{\"id\":3,\"taken_at\":\"x\",\"taken_ms\":1,\"reason\":\"manual\",\"bytes\":1},");
        assert_eq!(
            decode_index(&twice).unwrap()[0].reason,
            SnapshotReason::Manual
        );
        for bad in [
            "",
            "{",
            "[]",
            "{\"backups\":2,\"snapshots\":[]}",
            "{\"backups\":1}",
        ] {
            assert_eq!(decode_index(bad), None, "{bad}");
        }
    }
}

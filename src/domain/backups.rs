//! Automatic local backups: which copies of the program to keep.
//!
//! The browser keeps a few whole copies ("snapshots") of the program next to
//! the saved one: one every half hour of work, and one before anything that
//! replaces the program (import, merge, demo, restore, delete all). This
//! module decides when an automatic copy is due and which copies to drop;
//! the UI does the storage calls. Backups are expendable, the saved program
//! is not: the budget leaves room for the program to grow, and when storage
//! runs out the oldest backups go first.

use super::demo::{demo_workspace, finished_demo_workspace};
use super::workspace::Workspace;

/// Why a snapshot was taken; shown next to its date.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum SnapshotReason {
    /// Taken on its own while working.
    Automatic,
    /// "Back up now".
    Manual,
    BeforeImport,
    BeforeMerge,
    BeforeDemo,
    BeforeRestore,
    BeforeDeleteAll,
    BeforeNewProgram,
}

impl SnapshotReason {
    pub const ALL: [SnapshotReason; 8] = [
        SnapshotReason::Automatic,
        SnapshotReason::Manual,
        SnapshotReason::BeforeImport,
        SnapshotReason::BeforeMerge,
        SnapshotReason::BeforeDemo,
        SnapshotReason::BeforeRestore,
        SnapshotReason::BeforeDeleteAll,
        SnapshotReason::BeforeNewProgram,
    ];

    /// The word stored in the backup index.
    pub fn code(self) -> &'static str {
        match self {
            SnapshotReason::Automatic => "automatic",
            SnapshotReason::Manual => "manual",
            SnapshotReason::BeforeImport => "before-import",
            SnapshotReason::BeforeMerge => "before-merge",
            SnapshotReason::BeforeDemo => "before-demo",
            SnapshotReason::BeforeRestore => "before-restore",
            SnapshotReason::BeforeDeleteAll => "before-delete-all",
            SnapshotReason::BeforeNewProgram => "before-new-program",
        }
    }

    pub fn from_code(code: &str) -> Option<SnapshotReason> {
        SnapshotReason::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// Whether a program is worth a copy: not when it is empty, nor when it is
/// one of the demos exactly as shipped (they can be loaded again any time).
pub fn worth_keeping(workspace: &Workspace, demo: bool) -> bool {
    if ProgramSummary::of(workspace, demo).is_empty() {
        return false;
    }
    !(demo && (workspace == &demo_workspace() || workspace == &finished_demo_workspace()))
}

/// What the list of backups shows about one copy, without reading it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SnapshotInfo {
    /// Increasing; also names the copy's storage key.
    pub id: u64,
    /// RFC 3339, for display.
    pub taken_at: String,
    /// Milliseconds since 1970, for comparing.
    pub taken_ms: u64,
    pub reason: SnapshotReason,
    /// Length of the stored text.
    pub bytes: usize,
    /// The saved revision it copies (0 when none was saved yet).
    pub revision: u64,
    /// A fingerprint of the content (see `io::backups::digest`), so the same
    /// program is never kept twice; empty for copies listed before it existed.
    pub digest: String,
    pub summary: ProgramSummary,
}

/// A few counts that let a coordinator recognise a copy.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ProgramSummary {
    pub program_name: String,
    pub demo: bool,
    pub participants: usize,
    pub pairs: usize,
    pub circles: usize,
    pub sessions: usize,
    pub objectives: usize,
    pub checkin_rounds: usize,
    pub answers: usize,
}

impl ProgramSummary {
    pub fn of(workspace: &Workspace, demo: bool) -> ProgramSummary {
        ProgramSummary {
            program_name: workspace.program.name.clone(),
            demo,
            participants: workspace.participants.len(),
            pairs: workspace.pairing.pairs.len(),
            circles: workspace.pairing.circles.len(),
            sessions: workspace.sessions.sessions.len(),
            objectives: workspace.program.objectives.len(),
            checkin_rounds: workspace.sessions.rounds.len(),
            answers: workspace.sessions.responses.len(),
        }
    }

    /// Nothing a coordinator would miss: no people, objectives or name.
    pub fn is_empty(&self) -> bool {
        self.participants == 0 && self.objectives == 0 && self.program_name.trim().is_empty()
    }

    /// What differs between two states, in counts a coordinator knows
    /// ("participants 24 → 23"), to say what an undo or redo did.
    pub fn changes_to(&self, after: &ProgramSummary) -> Vec<CountChange> {
        let counts = [
            (Counted::Participants, self.participants, after.participants),
            (Counted::Objectives, self.objectives, after.objectives),
            (Counted::Pairs, self.pairs, after.pairs),
            (Counted::Circles, self.circles, after.circles),
            (Counted::Sessions, self.sessions, after.sessions),
            (
                Counted::CheckinRounds,
                self.checkin_rounds,
                after.checkin_rounds,
            ),
            (Counted::Answers, self.answers, after.answers),
        ];
        counts
            .into_iter()
            .filter(|(_, from, to)| from != to)
            .map(|(what, from, to)| CountChange { what, from, to })
            .collect()
    }
}

/// A count that changed between two states of the program.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CountChange {
    pub what: Counted,
    pub from: usize,
    pub to: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Counted {
    Participants,
    Objectives,
    Pairs,
    Circles,
    Sessions,
    CheckinRounds,
    Answers,
}

/// How many copies, how often, and within what share of storage.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct BackupPolicy {
    pub max_snapshots: usize,
    /// The newest copies always kept when thinning out older days.
    pub keep_recent: usize,
    /// An automatic copy is due when the newest copy is older than this.
    pub interval_ms: u64,
    /// What the browser lets one page store, in characters (localStorage
    /// gives about 5 million per site in Chromium, Firefox and Safari).
    pub quota: usize,
    /// Room left free for the language choice, the revision key and the like.
    pub reserve: usize,
}

impl Default for BackupPolicy {
    fn default() -> Self {
        BackupPolicy {
            max_snapshots: 12,
            keep_recent: 4,
            interval_ms: 30 * 60 * 1000,
            quota: 5_000_000,
            reserve: 100_000,
        }
    }
}

const DAY_MS: u64 = 24 * 60 * 60 * 1000;

impl BackupPolicy {
    /// Characters the backups may use when the saved program takes
    /// `program_bytes`: the program may still grow by a quarter.
    pub fn budget(&self, program_bytes: usize) -> usize {
        self.quota
            .saturating_sub(self.reserve)
            .saturating_sub(program_bytes.saturating_add(program_bytes / 4))
    }

    /// Whether an automatic copy of the saved `revision` is due at `now_ms`.
    /// Not when the newest copy is recent, nor when a copy of that very
    /// revision exists already.
    pub fn automatic_due(&self, existing: &[SnapshotInfo], revision: u64, now_ms: u64) -> bool {
        if revision > 0 && existing.iter().any(|s| s.revision == revision) {
            return false;
        }
        // Copies dated after `now` (the clock was set back) are ignored, or
        // every save would look due until the clock caught up.
        match existing
            .iter()
            .map(|s| s.taken_ms)
            .filter(|&t| t <= now_ms)
            .max()
        {
            None => true,
            Some(newest) => now_ms - newest >= self.interval_ms,
        }
    }

    /// Whether a copy with this content is kept already (restoring one copy
    /// after another must not push the older ones out with duplicates).
    pub fn holds(existing: &[SnapshotInfo], digest: &str) -> bool {
        !digest.is_empty() && existing.iter().any(|s| s.digest == digest)
    }

    /// Whether a copy of a program this large fits next to it at all.
    pub fn fits(&self, program_bytes: usize) -> bool {
        self.max_snapshots > 0 && program_bytes <= self.budget(program_bytes)
    }

    /// Which copies to drop so that one of `new_bytes` fits, given the
    /// program's own size. `None` when it cannot fit even alone.
    ///
    /// Thinning: past the `keep_recent` newest copies, a copy with a newer
    /// one on the same day goes first (so older days stay represented by
    /// their last copy); then the oldest.
    pub fn make_room(
        &self,
        existing: &[SnapshotInfo],
        new_bytes: usize,
        program_bytes: usize,
    ) -> Option<Vec<u64>> {
        let budget = self.budget(program_bytes);
        if new_bytes > budget || self.max_snapshots == 0 {
            return None;
        }
        let mut kept: Vec<&SnapshotInfo> = existing.iter().collect();
        kept.sort_by_key(|s| (s.taken_ms, s.id));
        let mut dropped = Vec::new();
        let total = |kept: &[&SnapshotInfo]| kept.iter().map(|s| s.bytes).sum::<usize>();
        while !kept.is_empty()
            && (kept.len() + 1 > self.max_snapshots || total(&kept) + new_bytes > budget)
        {
            let index = self.next_to_drop(&kept);
            dropped.push(kept.remove(index).id);
        }
        Some(dropped)
    }

    /// `kept` is sorted oldest first.
    fn next_to_drop(&self, kept: &[&SnapshotInfo]) -> usize {
        let thinnable = kept.len().saturating_sub(self.keep_recent);
        (0..thinnable)
            .find(|&i| {
                let day = kept[i].taken_ms / DAY_MS;
                kept[i + 1..]
                    .iter()
                    .any(|later| later.taken_ms / DAY_MS == day)
            })
            .unwrap_or(0)
    }
}

/// The copies to give up, oldest first, so the saved program can be
/// written when storage is full.
pub fn evict_order(existing: &[SnapshotInfo]) -> Vec<u64> {
    let mut all: Vec<&SnapshotInfo> = existing.iter().collect();
    all.sort_by_key(|s| (s.taken_ms, s.id));
    all.into_iter().map(|s| s.id).collect()
}

/// The id for a new copy: one past the largest in use.
pub fn next_id(existing: &[SnapshotInfo]) -> u64 {
    existing.iter().map(|s| s.id).max().map_or(1, |id| id + 1)
}

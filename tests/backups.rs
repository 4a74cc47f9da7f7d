//! Snapshot rotation: when an automatic backup is due, and which copies make
//! room for a new one.

use inversa::domain::backups::{
    BackupPolicy, CountChange, Counted, ProgramSummary, SnapshotInfo, SnapshotReason, evict_order,
    next_id,
};

const MINUTE: u64 = 60 * 1000;
const HOUR: u64 = 60 * MINUTE;
const DAY: u64 = 24 * HOUR;
/// 2026-03-02T00:00:00Z: days start at multiples of DAY.
const MONDAY: u64 = 20_514 * DAY;

fn snap(id: u64, taken_ms: u64, bytes: usize) -> SnapshotInfo {
    SnapshotInfo {
        id,
        taken_at: String::new(),
        taken_ms,
        reason: SnapshotReason::Automatic,
        bytes,
        revision: id * 10,
        digest: format!("content-{id}"),
        summary: ProgramSummary::default(),
    }
}

fn policy(max_snapshots: usize, keep_recent: usize, quota: usize) -> BackupPolicy {
    BackupPolicy {
        max_snapshots,
        keep_recent,
        interval_ms: 30 * MINUTE,
        quota,
        reserve: 0,
    }
}

#[test]
fn automatic_copy_is_due_after_the_interval_and_once_per_revision() {
    let p = BackupPolicy::default();
    let existing = [snap(1, MONDAY, 10), snap(2, MONDAY + HOUR, 10)];
    // (now, revision, due?)
    let cases = [
        (MONDAY + HOUR + 29 * MINUTE, 99, false),
        (MONDAY + HOUR + 30 * MINUTE, 99, true),
        (MONDAY + 3 * HOUR, 20, false), // revision 20 is copied already
        (MONDAY + 3 * HOUR, 0, true),   // unsaved work has no revision to match
        (MONDAY - DAY, 99, true),       // the clock went back
    ];
    for (now, revision, due) in cases {
        assert_eq!(
            p.automatic_due(&existing, revision, now),
            due,
            "now {now}, revision {revision}"
        );
    }
    assert!(p.automatic_due(&[], 1, MONDAY));
}

#[test]
fn budget_leaves_room_for_the_program_to_grow() {
    let p = BackupPolicy {
        quota: 5_000_000,
        reserve: 100_000,
        ..BackupPolicy::default()
    };
    assert_eq!(p.budget(0), 4_900_000);
    assert_eq!(p.budget(1_000_000), 3_650_000);
    assert_eq!(p.budget(4_000_000), 0);
}

#[test]
fn rotation_tables() {
    struct Case {
        name: &'static str,
        policy: BackupPolicy,
        existing: Vec<SnapshotInfo>,
        new_bytes: usize,
        program_bytes: usize,
        dropped: Option<Vec<u64>>,
    }
    let hourly = |n: u64, bytes| {
        (1..=n)
            .map(|i| snap(i, MONDAY + i * HOUR, bytes))
            .collect::<Vec<_>>()
    };
    let cases = vec![
        Case {
            name: "room to spare: nothing dropped",
            policy: policy(12, 4, 1_000),
            existing: hourly(3, 10),
            new_bytes: 10,
            program_bytes: 100,
            dropped: Some(vec![]),
        },
        Case {
            name: "at the count limit: the oldest of a day with later copies goes",
            policy: policy(3, 1, 1_000),
            existing: hourly(3, 10),
            new_bytes: 10,
            program_bytes: 100,
            dropped: Some(vec![1]),
        },
        Case {
            name: "older days keep their last copy; same-day copies thin first",
            policy: policy(4, 2, 1_000),
            existing: vec![
                snap(1, MONDAY + HOUR, 10),           // Monday
                snap(2, MONDAY + 2 * HOUR, 10),       // Monday (last)
                snap(3, MONDAY + DAY + HOUR, 10),     // Tuesday
                snap(4, MONDAY + 2 * DAY + HOUR, 10), // Wednesday
            ],
            new_bytes: 10,
            program_bytes: 100,
            dropped: Some(vec![1]),
        },
        Case {
            name: "one copy per day: the oldest day goes",
            policy: policy(3, 1, 1_000),
            existing: vec![
                snap(1, MONDAY, 10),
                snap(2, MONDAY + DAY, 10),
                snap(3, MONDAY + 2 * DAY, 10),
            ],
            new_bytes: 10,
            program_bytes: 100,
            dropped: Some(vec![1]),
        },
        Case {
            name: "the newest copies are never thinned, even on the same day",
            policy: policy(3, 3, 1_000),
            existing: vec![
                snap(1, MONDAY, 10),
                snap(2, MONDAY + DAY, 10),
                snap(3, MONDAY + DAY + HOUR, 10),
            ],
            new_bytes: 10,
            program_bytes: 100,
            dropped: Some(vec![1]),
        },
        Case {
            name: "size: drop until the new copy fits the budget",
            // budget = 1000 - 400 - 100 = 500; 4 × 150 = 600 held, 150 new.
            policy: policy(12, 1, 1_000),
            existing: hourly(4, 150),
            new_bytes: 150,
            program_bytes: 400,
            dropped: Some(vec![1, 2]),
        },
        Case {
            name: "a copy larger than the whole budget is not taken",
            policy: policy(12, 1, 1_000),
            existing: hourly(2, 10),
            new_bytes: 600,
            program_bytes: 400,
            dropped: None,
        },
        Case {
            name: "no backups allowed",
            policy: policy(0, 0, 1_000),
            existing: vec![],
            new_bytes: 1,
            program_bytes: 1,
            dropped: None,
        },
    ];
    for case in cases {
        let got = case
            .policy
            .make_room(&case.existing, case.new_bytes, case.program_bytes);
        assert_eq!(got, case.dropped, "{}", case.name);
    }
}

#[test]
fn rotation_over_two_weeks_of_work_keeps_recent_copies_and_one_per_older_day() {
    let p = policy(12, 4, 10_000_000);
    let mut kept: Vec<SnapshotInfo> = Vec::new();
    // Fourteen days, eight copies a day (every half hour from 9:00 to 12:30).
    for day in 0..14 {
        let mut now = MONDAY + day * DAY + 9 * HOUR;
        for _ in 0..8 {
            if p.automatic_due(&kept, 0, now) {
                let dropped = p.make_room(&kept, 100, 1_000).expect("fits");
                kept.retain(|s| !dropped.contains(&s.id));
                kept.push(snap(next_id(&kept), now, 100));
            }
            now += 30 * MINUTE;
        }
        assert!(kept.len() <= 12);
    }
    kept.sort_by_key(|s| s.taken_ms);
    let days: Vec<u64> = kept
        .iter()
        .map(|s| s.taken_ms / DAY - MONDAY / DAY)
        .collect();
    // The four newest copies kept when the last one was taken, plus that
    // one, are today's; before them, one copy per day for a week.
    assert_eq!(kept.len(), 12);
    assert_eq!(&days[7..], &[13, 13, 13, 13, 13]);
    assert_eq!(&days[..7], &[6, 7, 8, 9, 10, 11, 12]);
    // Each older day is represented by its last copy (12:30).
    for s in &kept[..7] {
        assert_eq!(s.taken_ms % DAY, 12 * HOUR + 30 * MINUTE);
    }
}

#[test]
fn the_same_content_is_not_kept_twice_and_large_programs_get_no_copy() {
    let existing = [snap(1, MONDAY, 10), snap(2, MONDAY + HOUR, 10)];
    assert!(BackupPolicy::holds(&existing, "content-2"));
    assert!(!BackupPolicy::holds(&existing, "content-3"));
    assert!(!BackupPolicy::holds(
        &[SnapshotInfo {
            digest: String::new(),
            ..snap(4, MONDAY, 1)
        }],
        ""
    ));
    let p = policy(12, 4, 1_000);
    // budget(400) = 1000 - 500 = 500 ≥ 400; budget(450) = 1000 - 562 = 438 < 450.
    assert!(p.fits(400));
    assert!(!p.fits(450));
    assert!(!policy(0, 0, 1_000).fits(1));
}

#[test]
fn eviction_for_a_full_storage_goes_oldest_first() {
    let existing = [
        snap(7, MONDAY + 2 * HOUR, 1),
        snap(3, MONDAY, 1),
        snap(5, MONDAY + HOUR, 1),
    ];
    assert_eq!(evict_order(&existing), vec![3, 5, 7]);
    assert_eq!(next_id(&existing), 8);
    assert_eq!(next_id(&[]), 1);
}

#[test]
fn summary_counts_what_a_coordinator_recognises() {
    let demo = inversa::domain::demo::finished_demo_workspace();
    let s = ProgramSummary::of(&demo, true);
    assert_eq!(s.participants, demo.participants.len());
    assert_eq!(s.pairs, 11);
    assert_eq!(s.sessions, demo.sessions.sessions.len());
    assert!(s.demo && !s.is_empty());
    assert!(ProgramSummary::of(&Default::default(), false).is_empty());
}

#[test]
fn changes_between_two_states_are_told_in_counts() {
    let finished = inversa::domain::demo::finished_demo_workspace();
    let before = ProgramSummary::of(&finished, false);
    let mut edited = finished.clone();
    edited.participants.pop();
    edited.pairing.pairs.truncate(3);
    edited.program.name = "Renamed".into();
    let after = ProgramSummary::of(&edited, false);
    assert_eq!(
        before.changes_to(&after),
        vec![
            CountChange {
                what: Counted::Participants,
                from: 24,
                to: 23
            },
            CountChange {
                what: Counted::Pairs,
                from: 11,
                to: 3
            },
        ]
    );
    assert_eq!(
        after.changes_to(&before)[0],
        CountChange {
            what: Counted::Participants,
            from: 23,
            to: 24
        }
    );
    // A renamed program or an edited note changes no count.
    let mut renamed = finished.clone();
    renamed.program.name = "Other".into();
    assert_eq!(
        before.changes_to(&ProgramSummary::of(&renamed, false)),
        vec![]
    );
}

#[test]
fn what_is_worth_a_copy() {
    use inversa::domain::backups::worth_keeping;
    use inversa::domain::demo::{demo_workspace, finished_demo_workspace};
    let mut edited_demo = demo_workspace();
    edited_demo.program.name = "Ours now".into();
    let mut untitled = demo_workspace();
    untitled.program.name.clear();
    // (what, demo flag, worth a copy)
    let cases = [
        ("empty program", Default::default(), false, false),
        ("demo as shipped", demo_workspace(), true, false),
        (
            "finished demo as shipped",
            finished_demo_workspace(),
            true,
            false,
        ),
        ("demo edited", edited_demo, true, true),
        (
            "demo content, not flagged demo",
            demo_workspace(),
            false,
            true,
        ),
        ("people but no name yet", untitled, false, true),
    ];
    for (what, workspace, demo, worth) in cases {
        assert_eq!(worth_keeping(&workspace, demo), worth, "{what}");
    }
}

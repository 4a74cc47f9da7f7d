//! Whole-program pairing: hard rules never broken, the best pairing found,
//! explanations that add up, reasons for everyone left out, what-if.

use inversa::domain::demo::demo_workspace;
use inversa::domain::ids::seeded_bytes;
use inversa::domain::matching::pairing::{Change, Proposal, Reason, accept, diff, propose};
use inversa::domain::matching::rules::{Block, Prepared};
use inversa::domain::matching::score::{Breakdown, values};
use inversa::domain::matching::{PairKey, Weights};
use inversa::domain::synthetic::synthetic_workspace;
use inversa::domain::{
    Date, OfferedSkill, Participant, ParticipantId, Priority, Role, SkillId, WantedSkill, Workspace,
};
use proptest::prelude::*;

fn id(seed: u64) -> ParticipantId {
    ParticipantId::from_random_bytes(seeded_bytes(seed))
}

/// Every promise the proposal makes about the rules, checked from scratch.
fn assert_respects_rules(ws: &Workspace, proposal: &Proposal) {
    let prep = Prepared::new(ws);
    let mut per_mentor = std::collections::HashMap::new();
    let mut mentees = std::collections::HashSet::new();
    for pair in &proposal.pairs {
        let (m, e) = (&ws.participants[pair.mentor], &ws.participants[pair.mentee]);
        assert_eq!(pair.key, PairKey::new(m.id.clone(), e.id.clone()));
        assert_eq!(
            prep.block(pair.mentor, pair.mentee),
            None,
            "{} / {}",
            m.name,
            e.name
        );
        assert!(!ws.pairing.is_forbidden(&pair.key));
        if !pair.locked {
            assert!(pair.breakdown.score.round() >= f64::from(ws.pairing.min_score));
        }
        assert!(mentees.insert(pair.mentee), "{} paired twice", e.name);
        *per_mentor.entry(pair.mentor).or_insert(0u32) += 1;
        let sum: f64 = pair.breakdown.points.iter().sum();
        assert!((sum - pair.breakdown.score).abs() < 1e-9);
        let fresh = Breakdown::new(values(&prep, pair.mentor, pair.mentee), &ws.pairing.weights);
        assert_eq!(
            fresh, pair.breakdown,
            "explanations use the solver's numbers"
        );
    }
    for (mentor, n) in per_mentor {
        assert!(
            n <= u32::from(ws.participants[mentor].capacity),
            "over capacity"
        );
    }
    for key in &ws.pairing.locked {
        let kept = proposal.pairs.iter().any(|p| p.key == *key && p.locked);
        let dropped = proposal.dropped_locks.iter().any(|(k, _)| k == key);
        assert!(kept ^ dropped, "a lock is either kept or reported");
    }
    // Everyone active is paired or explained; inactive people are listed as such.
    for (i, p) in ws.participants.iter().enumerate() {
        let paired = proposal
            .pairs
            .iter()
            .any(|x| x.mentor == i || x.mentee == i);
        let listed = proposal.unmatched.iter().find(|u| u.person == i);
        if !p.active {
            assert!(!paired);
            assert_eq!(listed.map(|u| &u.reason), Some(&Reason::Inactive));
        } else {
            assert!(paired ^ listed.is_some(), "{} paired or unmatched", p.name);
        }
    }
}

#[test]
fn demo_pairing_pairs_everyone_within_the_rules() {
    let ws = demo_workspace();
    let proposal = propose(&ws);
    assert_respects_rules(&ws, &proposal);
    // 11 active mentees (one is inactive), 12 reverse mentors: all paired.
    assert_eq!(proposal.stats.mentees, 11);
    assert_eq!(proposal.pairs.len(), 11);
    assert!(
        proposal
            .pairs
            .iter()
            .all(|p| !p.evidence.teaches.is_empty())
    );
    assert_eq!(propose(&ws), proposal, "deterministic");
}

#[test]
fn synthetic_programs_respect_every_rule() {
    for seed in 1..=4 {
        let mut ws = synthetic_workspace(240, seed);
        ws.pairing.min_score = 35;
        let proposal = propose(&ws);
        assert_respects_rules(&ws, &proposal);
        let coverage = proposal.pairs.len() as f64 / proposal.stats.mentees as f64;
        assert!(
            coverage > 0.7,
            "seed {seed}: only {coverage:.2} of mentees paired"
        );
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    /// Random programs, locks and bans: no rule is ever broken.
    #[test]
    fn no_rule_is_ever_broken(n in 2usize..60, seed in any::<u64>(), min in 0u8..70, locks in 0usize..4, bans in 0usize..6) {
        let mut ws = synthetic_workspace(n, seed);
        ws.pairing.min_score = min;
        let people = ws.participants.clone();
        let mentors: Vec<&Participant> = people.iter().filter(|p| p.role == Role::ReverseMentor).collect();
        let mentees: Vec<&Participant> = people.iter().filter(|p| p.role == Role::Mentee).collect();
        if !mentors.is_empty() && !mentees.is_empty() {
            for k in 0..locks {
                let key = PairKey::new(mentors[(seed as usize + k) % mentors.len()].id.clone(), mentees[(k * 7) % mentees.len()].id.clone());
                if !ws.pairing.is_locked(&key) { ws.pairing.toggle_lock(key); }
            }
            for k in 0..bans {
                let key = PairKey::new(mentors[(k * 3) % mentors.len()].id.clone(), mentees[(seed as usize + k * 5) % mentees.len()].id.clone());
                if !ws.pairing.is_forbidden(&key) { ws.pairing.toggle_forbid(key); }
            }
        }
        let proposal = propose(&ws);
        assert_respects_rules(&ws, &proposal);
    }

    /// Small programs: nobody could be paired who is left out, and no other
    /// pairing of the same size has a higher total score (brute force).
    #[test]
    fn proposal_is_optimal_on_small_programs(n in 2usize..11, seed in any::<u64>(), min in 0u8..60) {
        let mut ws = synthetic_workspace(n, seed);
        ws.pairing.min_score = min;
        let proposal = propose(&ws);
        let (best_count, best_total) = brute_force(&ws);
        prop_assert_eq!(proposal.pairs.len(), best_count);
        prop_assert!((proposal.stats.total_score - best_total).abs() < 1e-6,
            "{} vs brute force {}", proposal.stats.total_score, best_total);
    }
}

/// The best (number of pairs, total score) over every valid pairing.
fn brute_force(ws: &Workspace) -> (usize, f64) {
    let prep = Prepared::new(ws);
    let score = |m: usize, e: usize| -> Option<f64> {
        if prep.block(m, e).is_some() {
            return None;
        }
        let s = Breakdown::new(values(&prep, m, e), &ws.pairing.weights).score;
        (s.round() >= f64::from(ws.pairing.min_score)).then_some(s)
    };
    fn go(
        i: usize,
        mentees: &[usize],
        mentors: &[usize],
        room: &mut Vec<u32>,
        score: &dyn Fn(usize, usize) -> Option<f64>,
    ) -> (usize, f64) {
        if i == mentees.len() {
            return (0, 0.0);
        }
        let mut best = go(i + 1, mentees, mentors, room, score);
        for (c, &m) in mentors.iter().enumerate() {
            if room[c] == 0 {
                continue;
            }
            if let Some(s) = score(m, mentees[i]) {
                room[c] -= 1;
                let (n, t) = go(i + 1, mentees, mentors, room, score);
                room[c] += 1;
                let candidate = (n + 1, t + s);
                if candidate.0 > best.0 || (candidate.0 == best.0 && candidate.1 > best.1 + 1e-9) {
                    best = candidate;
                }
            }
        }
        best
    }
    let mut room: Vec<u32> = prep
        .mentors
        .iter()
        .map(|&m| u32::from(ws.participants[m].capacity))
        .collect();
    go(0, &prep.mentees, &prep.mentors, &mut room, &score)
}

// --- Hand-made programs -------------------------------------------------

fn skill(id: &str) -> SkillId {
    SkillId::parse(id).unwrap()
}

fn person(seed: u64, name: &str, role: Role) -> Participant {
    let mut p = Participant::new(id(seed), role);
    p.name = name.into();
    p.languages = vec!["en".into()];
    p
}

fn teaches(p: &mut Participant, skills: &[(&str, u8)]) {
    p.skills_offered = skills
        .iter()
        .map(|(s, level)| OfferedSkill {
            skill: skill(s),
            level: *level,
        })
        .collect();
}

fn wants(p: &mut Participant, skills: &[&str]) {
    p.skills_wanted = skills
        .iter()
        .map(|s| WantedSkill {
            skill: skill(s),
            priority: Priority::MustHave,
        })
        .collect();
}

/// Mentors A, B and mentees X, Y. Both mentees prefer A; only X can also
/// learn from B. Greedy (best cell first) would give A to Y… or to X and
/// leave Y alone; the proposal pairs both.
fn two_by_two() -> Workspace {
    let mut a = person(1, "Ana", Role::ReverseMentor);
    let mut b = person(2, "Bruno", Role::ReverseMentor);
    let mut x = person(3, "Xavier", Role::Mentee);
    let mut y = person(4, "Yolanda", Role::Mentee);
    teaches(&mut a, &[("social-media", 5), ("ai-tools", 5)]);
    teaches(&mut b, &[("ai-tools", 3)]);
    wants(&mut x, &["social-media", "ai-tools"]);
    wants(&mut y, &["social-media"]);
    let mut ws = Workspace {
        participants: vec![a, b, x, y],
        ..Default::default()
    };
    ws.pairing.weights = Weights([5, 0, 0, 0, 0, 0, 0]);
    ws.pairing.min_score = 10;
    ws
}

fn names(ws: &Workspace, proposal: &Proposal) -> Vec<(String, String)> {
    proposal
        .pairs
        .iter()
        .map(|p| {
            (
                ws.participants[p.mentor].name.clone(),
                ws.participants[p.mentee].name.clone(),
            )
        })
        .collect()
}

#[test]
fn as_many_pairs_as_possible_then_the_best_total() {
    let ws = two_by_two();
    let proposal = propose(&ws);
    // X–A would score 100 and leave Y without anyone (Y–B scores 0).
    assert_eq!(
        names(&ws, &proposal),
        vec![
            ("Ana".into(), "Yolanda".into()),
            ("Bruno".into(), "Xavier".into())
        ]
    );
    assert!(proposal.unmatched.is_empty());
}

#[test]
fn locks_and_bans_steer_the_next_run() {
    let mut ws = two_by_two();
    // Lock the pair the solver did not choose.
    ws.pairing.toggle_lock(PairKey::new(id(1), id(3)));
    let locked = propose(&ws);
    assert_eq!(names(&ws, &locked), vec![("Ana".into(), "Xavier".into())]);
    assert!(locked.pairs[0].locked);
    let y = locked
        .unmatched
        .iter()
        .find(|u| ws.participants[u.person].name == "Yolanda")
        .unwrap();
    assert_eq!(y.reason, Reason::Taken { candidates: 1 });

    // Forbid it instead: it is never proposed again.
    ws.pairing.toggle_forbid(PairKey::new(id(1), id(3)));
    let banned = propose(&ws);
    assert!(
        banned
            .pairs
            .iter()
            .all(|p| p.key != PairKey::new(id(1), id(3)))
    );
    assert_eq!(
        names(&ws, &banned),
        vec![
            ("Ana".into(), "Yolanda".into()),
            ("Bruno".into(), "Xavier".into())
        ]
    );
}

#[test]
fn a_lock_that_breaks_a_rule_is_reported_not_kept() {
    let mut ws = two_by_two();
    ws.participants[2].manager = Some(id(1));
    ws.pairing.locked.push(PairKey::new(id(1), id(3)));
    let proposal = propose(&ws);
    assert_eq!(proposal.dropped_locks.len(), 1);
    assert!(matches!(
        proposal.dropped_locks[0].1,
        inversa::domain::matching::pairing::LockProblem::Blocked(Block::ReportingLine)
    ));
    assert_respects_rules(&ws, &proposal);
}

#[test]
fn capacity_lets_a_mentor_take_several_mentees() {
    let mut ws = two_by_two();
    ws.participants[0].capacity = 2;
    let proposal = propose(&ws);
    assert_eq!(
        names(&ws, &proposal),
        vec![
            ("Ana".into(), "Xavier".into()),
            ("Ana".into(), "Yolanda".into())
        ]
    );
    let bruno = proposal
        .unmatched
        .iter()
        .find(|u| ws.participants[u.person].name == "Bruno")
        .unwrap();
    assert_eq!(bruno.reason, Reason::Taken { candidates: 1 });
}

#[test]
fn every_unmatched_person_gets_the_reason() {
    type Edit = fn(&mut Workspace);
    let cases: &[(&str, Edit, Reason)] = &[
        (
            "her only candidate manages her",
            |ws| ws.participants[3].manager = Some(id(1)),
            Reason::Blocked(vec![(Block::ReportingLine, 1)]),
        ),
        (
            "no common language",
            |ws| ws.participants[3].languages = vec!["it".into()],
            Reason::Blocked(vec![(Block::NoCommonLanguage, 1)]),
        ),
        (
            "she asked never to be paired with him",
            |ws| ws.participants[3].never_pair_with = vec![id(1)],
            Reason::Blocked(vec![(Block::NeverPair, 1)]),
        ),
        (
            "below the minimum score",
            |ws| {
                ws.pairing.min_score = 100;
                ws.participants[0].skills_offered[0].level = 4;
            },
            Reason::BelowMinimum { best: 80 },
        ),
    ];
    for (name, edit, expected) in cases {
        // Only Ana (mentor) and Yolanda (mentee) take part.
        let mut ws = two_by_two();
        ws.participants[1].active = false;
        ws.participants[2].active = false;
        edit(&mut ws);
        let proposal = propose(&ws);
        let y = proposal
            .unmatched
            .iter()
            .find(|u| ws.participants[u.person].name == "Yolanda");
        assert_eq!(y.map(|u| &u.reason), Some(expected), "{name}");
    }

    let mut alone = two_by_two();
    alone.participants[0].active = false;
    alone.participants[1].active = false;
    let proposal = propose(&alone);
    assert!(
        proposal
            .unmatched
            .iter()
            .any(|u| u.reason == Reason::NobodyOnOtherSide)
    );
    assert_eq!(
        proposal
            .unmatched
            .iter()
            .filter(|u| u.reason == Reason::Inactive)
            .count(),
        2
    );
}

#[test]
fn alternatives_are_the_next_best_candidates() {
    let ws = two_by_two();
    let proposal = propose(&ws);
    let xavier = proposal
        .pairs
        .iter()
        .find(|p| ws.participants[p.mentee].name == "Xavier")
        .unwrap();
    // Xavier's other option is Ana (100), who is taken.
    assert_eq!(xavier.mentee_alternatives.len(), 1);
    assert_eq!(
        ws.participants[xavier.mentee_alternatives[0].person].name,
        "Ana"
    );
    assert_eq!(xavier.mentee_alternatives[0].score, 100);
    assert!(!xavier.mentee_alternatives[0].has_room);
}

#[test]
fn diff_sees_kept_changed_new_and_broken() {
    let k = |m: u64, e: u64| PairKey::new(id(m), id(e));
    let before = vec![k(1, 10), k(2, 11), k(3, 12)];
    let after = vec![k(1, 10), k(3, 11), k(4, 13)];
    let d = diff(&before, &after);
    assert_eq!(d.kept, vec![k(1, 10)]);
    assert_eq!(
        d.changed,
        vec![Change {
            before: k(2, 11),
            after: k(3, 11)
        }]
    );
    assert_eq!(d.new, vec![k(4, 13)]);
    assert_eq!(d.broken, vec![k(3, 12)]);
    assert!(!d.is_empty());
    assert!(diff(&after, &after).is_empty());
}

#[test]
fn accepting_keeps_start_dates_of_unchanged_pairs() {
    let mut ws = two_by_two();
    let first = propose(&ws).keys();
    let day1 = Date::new(2026, 11, 2);
    let day2 = Date::new(2026, 11, 25);
    accept(&mut ws.pairing, &first, day1);
    assert!(ws.pairing.pairs.iter().all(|p| p.since == day1));
    ws.participants[0].capacity = 2;
    let second = propose(&ws).keys();
    accept(&mut ws.pairing, &second, day2);
    let since: Vec<_> = ws
        .pairing
        .pairs
        .iter()
        .map(|p| (p.mentee.clone(), p.since))
        .collect();
    assert!(since.contains(&(id(4), day1)), "Ana–Yolanda kept its date");
    assert!(since.contains(&(id(3), day2)), "Ana–Xavier is new");
}

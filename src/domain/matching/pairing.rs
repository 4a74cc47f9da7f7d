//! A whole-program pairing proposal: hard rules and scores for every
//! candidate pair, the optimal assignment, and everything the page shows
//! about it (breakdowns, evidence, alternatives, why someone is left out).
//!
//! The solver pairs as many mentees as the rules allow and, among those
//! pairings, picks the one with the highest total score: a large bonus per
//! pair makes the number of pairs count first. Candidates below the minimum
//! score are never proposed; the person stays unmatched instead.

use super::model::{Pair, PairKey, PairingState};
use super::rules::{Block, Prepared};
use super::score::{Breakdown, Evidence, evidence, factors, score, values};
use super::solver;
use crate::domain::date::Date;
use crate::domain::text::search_key;
use crate::domain::workspace::Workspace;

/// How many alternatives to show per person.
pub const ALTERNATIVES: usize = 3;

/// A proposed pair with everything its card shows.
#[derive(Clone, Debug, PartialEq)]
pub struct ProposedPair {
    pub key: PairKey,
    /// Indices into `workspace.participants`.
    pub mentor: usize,
    pub mentee: usize,
    pub breakdown: Breakdown,
    pub evidence: Evidence,
    /// Kept because the coordinator locked it.
    pub locked: bool,
    /// The mentor's next-best mentees.
    pub mentor_alternatives: Vec<Alternative>,
    /// The mentee's next-best mentors.
    pub mentee_alternatives: Vec<Alternative>,
}

/// A runner-up candidate for someone.
#[derive(Clone, Debug, PartialEq)]
pub struct Alternative {
    pub person: usize,
    pub score: u8,
    /// The candidate still has room in this proposal (a free mentee, a mentor
    /// below capacity).
    pub has_room: bool,
}

/// Why someone is left without a pair.
#[derive(Clone, Debug, PartialEq)]
pub enum Reason {
    /// Marked inactive, so left out of pairing.
    Inactive,
    /// Nobody active on the other side.
    NobodyOnOtherSide,
    /// Every candidate is ruled out by a hard rule; how many by each.
    Blocked(Vec<(Block, usize)>),
    /// Candidates exist but none reaches the minimum score; the best one.
    BelowMinimum { best: u8 },
    /// Every eligible candidate is already paired up to their capacity.
    Taken { candidates: usize },
}

#[derive(Clone, Debug, PartialEq)]
pub struct Unmatched {
    pub person: usize,
    pub reason: Reason,
    pub alternatives: Vec<Alternative>,
}

/// Why a locked pair could not be kept.
#[derive(Clone, Debug, PartialEq)]
pub enum LockProblem {
    /// One of the two is no longer in the program.
    Missing,
    Blocked(Block),
    /// The mentee already has a locked pair, or the mentor's capacity is taken
    /// by earlier locks.
    NoRoom,
}

#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Stats {
    pub mentors: usize,
    pub mentees: usize,
    pub paired_mentees: usize,
    /// Mentor places (sum of capacities of active mentors).
    pub places: usize,
    /// Candidate pairs allowed by the rules and above the minimum score.
    pub eligible: usize,
    pub total_score: f64,
}

impl Stats {
    pub fn average_score(&self, pairs: usize) -> f64 {
        if pairs == 0 {
            0.0
        } else {
            self.total_score / pairs as f64
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// Sorted by mentor name, then mentee name.
    pub pairs: Vec<ProposedPair>,
    /// Active people without a pair (mentees, and mentors with none), then
    /// inactive people; sorted by name within each group.
    pub unmatched: Vec<Unmatched>,
    pub dropped_locks: Vec<(PairKey, LockProblem)>,
    pub stats: Stats,
}

impl Proposal {
    pub fn keys(&self) -> Vec<PairKey> {
        self.pairs.iter().map(|p| p.key.clone()).collect()
    }
}

/// A cell of the candidate table.
#[derive(Clone, Copy, PartialEq)]
enum Cell {
    Eligible(f64),
    BelowMinimum(f64),
    Blocked(Block),
}

/// Scores and rules for every active mentee × active mentor.
struct Table {
    cols: usize,
    cells: Vec<Cell>,
}

impl Table {
    fn at(&self, row: usize, col: usize) -> Cell {
        self.cells[row * self.cols + col]
    }
}

/// Proposes the best pairing for the workspace, with its locks, bans,
/// weights and minimum score.
pub fn propose(ws: &Workspace) -> Proposal {
    let prep = Prepared::new(ws);
    let state = &ws.pairing;
    let people = &ws.participants;
    let (mentors, mentees) = (&prep.mentors, &prep.mentees);
    let min_score = f64::from(state.min_score);
    let factors = factors(&state.weights);

    let mut table = Table {
        cols: mentors.len(),
        cells: Vec::with_capacity(mentees.len() * mentors.len()),
    };
    let mut eligible = 0;
    // The best candidates of each person, gathered in the same pass: enough
    // to still show ALTERNATIVES once their own partners are left out.
    let mut row_best = vec![Best::new(ALTERNATIVES + 1); mentees.len()];
    let most_mentees = mentors
        .iter()
        .map(|&m| usize::from(people[m].capacity))
        .max()
        .unwrap_or(0);
    let mut col_best = vec![Best::new(ALTERNATIVES + most_mentees); mentors.len()];
    for (row, &e) in mentees.iter().enumerate() {
        for (col, &m) in mentors.iter().enumerate() {
            // Both lists hold active people of the right role already.
            let cell = match prep.block_between(m, e) {
                Some(block) => Cell::Blocked(block),
                None => {
                    let score = score(&prep, &factors, m, e);
                    if score.round() >= min_score {
                        eligible += 1;
                        row_best[row].offer(col, score);
                        col_best[col].offer(row, score);
                        Cell::Eligible(score)
                    } else {
                        Cell::BelowMinimum(score)
                    }
                }
            };
            table.cells.push(cell);
        }
    }

    // Locks first: they take their places before the solver runs.
    let row_of = |person: usize| mentees.iter().position(|&e| e == person);
    let col_of = |person: usize| mentors.iter().position(|&m| m == person);
    let mut room: Vec<u32> = mentors
        .iter()
        .map(|&m| u32::from(people[m].capacity))
        .collect();
    let mut partner: Vec<Option<usize>> = vec![None; mentees.len()];
    let mut locked_rows = vec![false; mentees.len()];
    let mut dropped_locks = Vec::new();
    for key in &state.locked {
        let (Some(m), Some(e)) = (prep.index(&key.mentor), prep.index(&key.mentee)) else {
            dropped_locks.push((key.clone(), LockProblem::Missing));
            continue;
        };
        if let Some(block) = prep.block(m, e) {
            dropped_locks.push((key.clone(), LockProblem::Blocked(block)));
            continue;
        }
        let (Some(row), Some(col)) = (row_of(e), col_of(m)) else {
            dropped_locks.push((key.clone(), LockProblem::Missing));
            continue;
        };
        if partner[row].is_some() || room[col] == 0 {
            dropped_locks.push((key.clone(), LockProblem::NoRoom));
            continue;
        }
        partner[row] = Some(col);
        locked_rows[row] = true;
        room[col] -= 1;
    }

    // The solver sees the free mentees and the mentors with room left.
    let free_rows: Vec<usize> = (0..mentees.len()).filter(|&r| !locked_rows[r]).collect();
    let open_cols: Vec<usize> = (0..mentors.len()).filter(|&c| room[c] > 0).collect();
    let bonus = 100.0 * (free_rows.len() as f64 + 1.0);
    let mut costs = Vec::with_capacity(free_rows.len() * open_cols.len());
    for &r in &free_rows {
        for &c in &open_cols {
            costs.push(match table.at(r, c) {
                Cell::Eligible(score) => -(score + bonus),
                _ => f64::INFINITY,
            });
        }
    }
    let capacity: Vec<u32> = open_cols.iter().map(|&c| room[c]).collect();
    let assignment = solver::solve(
        &costs,
        free_rows.len(),
        open_cols.len(),
        &capacity,
        Some(0.0),
    )
    .expect("leaving a row unassigned is always possible");
    for (i, col) in assignment.into_iter().enumerate() {
        if let Some(k) = col {
            partner[free_rows[i]] = Some(open_cols[k]);
        }
    }

    // Who has room left, for the alternatives.
    let mut used = vec![0u32; mentors.len()];
    for &c in partner.iter().flatten() {
        used[c] += 1;
    }
    let mentor_has_room = |c: usize| used[c] < u32::from(people[mentors[c]].capacity);

    let mentee_alternatives = |row: usize| -> Vec<Alternative> {
        let current = partner[row];
        row_best[row]
            .items
            .iter()
            .filter(|&&(c, _)| Some(c) != current)
            .take(ALTERNATIVES)
            .map(|&(c, score)| Alternative {
                person: mentors[c],
                score: shown(score),
                has_room: mentor_has_room(c),
            })
            .collect()
    };
    let mentor_alternatives = |col: usize| -> Vec<Alternative> {
        col_best[col]
            .items
            .iter()
            .filter(|&&(r, _)| partner[r] != Some(col))
            .take(ALTERNATIVES)
            .map(|&(r, score)| Alternative {
                person: mentees[r],
                score: shown(score),
                has_room: partner[r].is_none(),
            })
            .collect()
    };

    let mut pairs = Vec::new();
    let mut total_score = 0.0;
    for (row, col) in partner.iter().enumerate() {
        let Some(col) = *col else { continue };
        let (m, e) = (mentors[col], mentees[row]);
        let breakdown = Breakdown::new(values(&prep, m, e), &state.weights);
        total_score += breakdown.score;
        pairs.push(ProposedPair {
            key: PairKey::new(people[m].id.clone(), people[e].id.clone()),
            mentor: m,
            mentee: e,
            breakdown,
            evidence: evidence(&prep, m, e),
            locked: locked_rows[row],
            mentor_alternatives: mentor_alternatives(col),
            mentee_alternatives: mentee_alternatives(row),
        });
    }
    let name = |i: usize| search_key(&people[i].name);
    pairs.sort_by_cached_key(|p| (name(p.mentor), name(p.mentee), p.mentor, p.mentee));

    // Everyone left out, with the reason read from the same table.
    let mut unmatched = Vec::new();
    for (row, &e) in mentees.iter().enumerate() {
        if partner[row].is_none() {
            let reason = reason(mentors.len(), (0..mentors.len()).map(|c| table.at(row, c)));
            unmatched.push(Unmatched {
                person: e,
                reason,
                alternatives: mentee_alternatives(row),
            });
        }
    }
    for (col, &m) in mentors.iter().enumerate() {
        if used[col] == 0 {
            let reason = reason(mentees.len(), (0..mentees.len()).map(|r| table.at(r, col)));
            unmatched.push(Unmatched {
                person: m,
                reason,
                alternatives: mentor_alternatives(col),
            });
        }
    }
    unmatched.sort_by_cached_key(|u| (name(u.person), u.person));
    let mut inactive: Vec<Unmatched> = (0..people.len())
        .filter(|&i| !people[i].active)
        .map(|i| Unmatched {
            person: i,
            reason: Reason::Inactive,
            alternatives: Vec::new(),
        })
        .collect();
    inactive.sort_by_cached_key(|u| (name(u.person), u.person));
    unmatched.extend(inactive);

    Proposal {
        stats: Stats {
            mentors: mentors.len(),
            mentees: mentees.len(),
            paired_mentees: pairs.len(),
            places: mentors
                .iter()
                .map(|&m| usize::from(people[m].capacity))
                .sum(),
            eligible,
            total_score,
        },
        pairs,
        unmatched,
        dropped_locks,
    }
}

/// The `k` best (index, score) offered so far, best first; among equal
/// scores the first offered (the lower index) stays first.
#[derive(Clone)]
struct Best {
    k: usize,
    items: Vec<(usize, f64)>,
}

impl Best {
    fn new(k: usize) -> Best {
        Best {
            k,
            items: Vec::with_capacity(k + 1),
        }
    }

    fn offer(&mut self, index: usize, score: f64) {
        if self.items.len() == self.k && self.items.last().is_some_and(|&(_, s)| score <= s) {
            return;
        }
        let at = self
            .items
            .iter()
            .position(|&(_, s)| score > s)
            .unwrap_or(self.items.len());
        self.items.insert(at, (index, score));
        self.items.truncate(self.k);
    }
}

fn shown(score: f64) -> u8 {
    score.round().clamp(0.0, 100.0) as u8
}

/// Why someone with these candidate cells has no pair.
fn reason(candidates: usize, cells: impl Iterator<Item = Cell>) -> Reason {
    if candidates == 0 {
        return Reason::NobodyOnOtherSide;
    }
    let mut blocks: Vec<(Block, usize)> = Vec::new();
    let mut best_below: Option<f64> = None;
    let mut eligible = 0;
    for cell in cells {
        match cell {
            Cell::Eligible(_) => eligible += 1,
            Cell::BelowMinimum(score) => {
                best_below = Some(best_below.map_or(score, |b: f64| b.max(score)));
            }
            Cell::Blocked(block) => match blocks.iter_mut().find(|(b, _)| *b == block) {
                Some((_, n)) => *n += 1,
                None => blocks.push((block, 1)),
            },
        }
    }
    if eligible > 0 {
        Reason::Taken {
            candidates: eligible,
        }
    } else if let Some(best) = best_below {
        Reason::BelowMinimum { best: shown(best) }
    } else {
        blocks.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        Reason::Blocked(blocks)
    }
}

/// A mentee whose mentor changed between two pairings.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Change {
    pub before: PairKey,
    pub after: PairKey,
}

/// What a new pairing changes, seen from the mentees (each has one mentor).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Diff {
    pub kept: Vec<PairKey>,
    pub changed: Vec<Change>,
    /// Mentees who had no pair before.
    pub new: Vec<PairKey>,
    /// Pairs whose mentee has no pair now.
    pub broken: Vec<PairKey>,
}

impl Diff {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.new.is_empty() && self.broken.is_empty()
    }
}

pub fn diff(before: &[PairKey], after: &[PairKey]) -> Diff {
    let mut d = Diff::default();
    for a in after {
        match before.iter().find(|b| b.mentee == a.mentee) {
            Some(b) if b == a => d.kept.push(a.clone()),
            Some(b) => d.changed.push(Change {
                before: b.clone(),
                after: a.clone(),
            }),
            None => d.new.push(a.clone()),
        }
    }
    for b in before {
        if !after.iter().any(|a| a.mentee == b.mentee) {
            d.broken.push(b.clone());
        }
    }
    d
}

/// Makes the proposal the program's pairs. Pairs that were already accepted
/// keep their start date; new ones start `today`.
pub fn accept(state: &mut PairingState, proposal: &[PairKey], today: Option<Date>) {
    state.pairs = proposal
        .iter()
        .map(|key| Pair {
            mentor: key.mentor.clone(),
            mentee: key.mentee.clone(),
            since: state
                .pairs
                .iter()
                .find(|p| p.key() == *key)
                .map_or(today, |p| p.since),
        })
        .collect();
}

/// The accepted pairs as keys, for [`diff`].
pub fn accepted_keys(state: &PairingState) -> Vec<PairKey> {
    state.pairs.iter().map(Pair::key).collect()
}

//! Complementary suppression across the department breakdown.
//!
//! Withholding each small group on its own is not enough once several scopes
//! are shown side by side. A figure that adds up person by person can be
//! recovered by differencing: the whole program's value minus the sum of the
//! departments shown is the value of everyone else (the departments withheld
//! and the people with no department). When that remainder is one or two
//! people, their answers can be read off as surely as if they were shown.
//!
//! # The rule
//! [`by_department`](super::by_department) measures each department, then,
//! for every person-additive figure (matched across departments by the key
//! below):
//!
//! *remainder* = people counted by the program's figure − people of the
//! departments whose figure is shown (a department withheld entirely shows
//! nothing).
//!
//! While the remainder is 1 or 2, the shown department with the fewest people
//! for that figure (of a tie, the later in department order) is withheld too,
//! and the remainder counted again. The program's own figures never change;
//! a department's figures are either exactly those of
//! [`measure`](super::measure) on it alone or withheld, with their count.
//! `measure` on one department knows nothing of the others, so a department
//! is shown from `by_department`.
//!
//! # Which figures add up person by person
//! Every participant is in one department or none, so a figure is
//! person-additive when each person's contribution counts in their own
//! department only:
//!
//! | Figure | Key | Why it adds up |
//! |---|---|---|
//! | Funnel | whole | each count is over the scope's participants |
//! | Session ratings | rater's side | a rating counts for its rater only |
//! | Check-in `going` | whole | each person's own answers |
//! | Mood | check-in round | one answer per person per round |
//! | Goals | direction | a goal counts for its learner only |
//! | Skill gains | direction, skill | one before and after per person and skill |
//! | Offered skills | role, skill, before or after | one answer per person |
//! | Survey | question | one answer per person |
//! | Retention | role | over the matched people of the role |
//!
//! Counts shown next to a withheld value (the people behind each figure, the
//! one-sided answers of a skill gain) say who answered, never what, and stay.
//! Objective KPIs are about the company, not people, and are never withheld.
//!
//! # Sessions, which count pairs
//! Practice (sessions held, cancelled, unlogged, upcoming, hours) is a sum
//! over pairs, and a pair counts in the department of each of its two
//! people. The program minus the shown departments is then not a group of
//! people: it adds each pair no shown department counts (both its people
//! withheld or without a department) and takes away once each pair two shown
//! departments count. Whoever knows who is paired with whom can tell those
//! pairs apart, so for practice the remainder is the distinct people of
//! those pairs, and the same rule applies to it.

use std::collections::{BTreeMap, HashMap};

use super::gains::SurveyQuestion;
use super::metrics::{DepartmentImpact, Impact};
use super::model::MIN_GROUP;
use super::records::Records;
use super::scope::department_key;
use super::suppress::Shown;
use crate::domain::ids::RoundId;
use crate::domain::participants::Role;
use crate::domain::sessions::GoalDirection;
use crate::domain::skills::SkillId;

/// A person-additive figure, the same in every scope.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Key {
    Funnel,
    Ratings(Role),
    Going,
    Mood(RoundId),
    Goals(GoalDirection),
    Gains(GoalDirection, SkillId),
    Offered(Role, SkillId, Moment),
    Survey(SurveyQuestion),
    Retention(Role),
}

/// Before or after the program, for offered-skill self-ratings.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Moment {
    Before,
    After,
}

/// A figure of any type, as the rule sees it.
trait Figure {
    fn people(&self) -> usize;
    fn is_shown(&self) -> bool;
    fn withhold(&mut self);
}

impl<T> Figure for Shown<T> {
    fn people(&self) -> usize {
        Shown::people(self)
    }

    fn is_shown(&self) -> bool {
        !self.is_withheld()
    }

    fn withhold(&mut self) {
        Shown::withhold(self)
    }
}

/// Every person-additive figure of a scope, by key.
fn figures(impact: &mut Impact) -> Vec<(Key, &mut dyn Figure)> {
    let mut out: Vec<(Key, &mut dyn Figure)> = vec![
        (Key::Funnel, &mut impact.funnel),
        (Key::Going, &mut impact.going),
    ];
    for side in &mut impact.ratings {
        out.push((Key::Ratings(side.by), &mut side.ratings));
    }
    for round in &mut impact.mood {
        out.push((Key::Mood(round.round.clone()), &mut round.mood));
    }
    for goals in &mut impact.goals {
        out.push((Key::Goals(goals.direction), &mut goals.goals));
    }
    for gain in &mut impact.skill_gains {
        let key = Key::Gains(gain.direction, gain.skill.clone());
        out.push((key, &mut gain.gains));
    }
    for rating in &mut impact.offered_skills {
        let key = |moment| Key::Offered(rating.role, rating.skill.clone(), moment);
        let (before, after) = (key(Moment::Before), key(Moment::After));
        out.push((before, &mut rating.pre));
        out.push((after, &mut rating.post));
    }
    for result in &mut impact.survey {
        out.push((Key::Survey(result.question), &mut result.answers));
    }
    for role in &mut impact.retention {
        out.push((Key::Retention(role.role), &mut role.retention));
    }
    out
}

/// Withholds department figures until no remainder describes one or two
/// people (see the module documentation). `program` is the whole program's
/// figures, `departments` the breakdown in department order.
pub(super) fn protect(
    records: &Records,
    mut program: Impact,
    departments: &mut [DepartmentImpact],
) {
    let totals: BTreeMap<Key, usize> = figures(&mut program)
        .into_iter()
        .map(|(key, figure)| (key, figure.people()))
        .collect();
    // Per key, the shown figures as (department, people), in department order.
    let mut shown: BTreeMap<Key, Vec<(usize, usize)>> = BTreeMap::new();
    let mut practice = Vec::new();
    for (i, department) in departments.iter_mut().enumerate() {
        let Shown::Value { value, .. } = &mut department.impact else {
            continue;
        };
        if value.practice.is_shown() {
            practice.push((i, value.practice.people()));
        }
        for (key, figure) in figures(value) {
            if figure.is_shown() {
                shown.entry(key).or_default().push((i, figure.people()));
            }
        }
    }

    let mut withheld: Vec<Vec<Key>> = vec![Vec::new(); departments.len()];
    for (key, list) in shown {
        let total = totals.get(&key).copied().unwrap_or(0);
        // Person-additive figures never sum past the program's.
        let remainder = |still: &[(usize, usize)]| {
            total.saturating_sub(still.iter().map(|&(_, people)| people).sum())
        };
        for department in complement(list, remainder) {
            withheld[department].push(key.clone());
        }
    }
    let pairs = PracticePairs::new(records, departments);
    let practice_withheld = complement(practice, |still| pairs.remainder(still));

    for (i, department) in departments.iter_mut().enumerate() {
        let Shown::Value { value, .. } = &mut department.impact else {
            continue;
        };
        if practice_withheld.contains(&i) {
            value.practice.withhold();
        }
        for (key, figure) in figures(value) {
            if withheld[i].contains(&key) {
                figure.withhold();
            }
        }
    }
}

/// The departments to withhold, in the order chosen: while `remainder` of
/// the still-shown figures is 1 or 2, the one with the fewest people goes (of
/// a tie, the later department). `shown` is (department, people) in
/// department order.
fn complement(
    mut shown: Vec<(usize, usize)>,
    remainder: impl Fn(&[(usize, usize)]) -> usize,
) -> Vec<usize> {
    let mut withheld = Vec::new();
    while (1..MIN_GROUP).contains(&remainder(&shown)) {
        // `min_by_key` keeps the first of equals; reversed, that is the later.
        let Some(smallest) = (0..shown.len()).rev().min_by_key(|&i| shown[i].1) else {
            break;
        };
        withheld.push(shown.remove(smallest).0);
    }
    withheld
}

/// The pairs behind the practice figures, with their people's departments.
struct PracticePairs {
    /// Roster indices of each pair's people still in the roster, with the
    /// index of their department in the breakdown.
    pairs: Vec<Vec<(usize, Option<usize>)>>,
}

impl PracticePairs {
    fn new(records: &Records, departments: &[DepartmentImpact]) -> PracticePairs {
        let index: HashMap<String, usize> = departments
            .iter()
            .enumerate()
            .map(|(i, d)| (department_key(&d.department), i))
            .collect();
        let department_of: Vec<Option<usize>> = records
            .ws
            .participants
            .iter()
            .map(|p| index.get(&department_key(&p.department)).copied())
            .collect();
        let pairs = records
            .pairs
            .iter()
            .filter(|pair| pair.sessions > 0)
            .map(|pair| {
                [pair.mentor, pair.mentee]
                    .into_iter()
                    .flatten()
                    .map(|person| (person, department_of[person]))
                    .collect::<Vec<_>>()
            })
            .filter(|people| !people.is_empty())
            .collect();
        PracticePairs { pairs }
    }

    /// Distinct people of the pairs that the program minus the `shown`
    /// departments leaves over: counted by none of them, or by two.
    fn remainder(&self, shown: &[(usize, usize)]) -> usize {
        let is_shown = |d: &usize| shown.iter().any(|&(s, _)| s == *d);
        let mut people: Vec<usize> = Vec::new();
        for pair in &self.pairs {
            let mut counted_by: Vec<usize> = pair
                .iter()
                .filter_map(|&(_, department)| department.filter(is_shown))
                .collect();
            counted_by.dedup();
            if counted_by.len() != 1 {
                people.extend(pair.iter().map(|&(person, _)| person));
            }
        }
        people.sort_unstable();
        people.dedup();
        people.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_smallest_shown_figure_goes_until_the_remainder_is_safe() {
        // (program people, shown (department, people)) → withheld in order
        type Case = (usize, &'static [(usize, usize)], &'static [usize]);
        let cases: [Case; 8] = [
            (7, &[(0, 3), (1, 4)], &[]),
            (8, &[(0, 3), (1, 4)], &[0]),
            (9, &[(0, 4), (1, 3)], &[1]),
            (10, &[(0, 3), (1, 4)], &[]),
            (7, &[(0, 3), (1, 3)], &[1]),
            (2, &[], &[]),
            (0, &[], &[]),
            (21, &[(0, 5), (1, 3), (2, 3), (3, 9)], &[2]),
        ];
        for (total, shown, expected) in cases {
            let remainder = |still: &[(usize, usize)]| {
                total - still.iter().map(|&(_, people)| people).sum::<usize>()
            };
            assert_eq!(
                complement(shown.to_vec(), remainder),
                expected,
                "{total} over {shown:?}"
            );
        }
    }

    #[test]
    fn withholding_goes_on_while_the_remainder_stays_small() {
        // Remainders of 1 then 2 (as pairs can leave), then 5.
        let calls = std::cell::Cell::new(0);
        let next = |_: &[(usize, usize)]| {
            calls.set(calls.get() + 1);
            [1, 2, 5][calls.get() - 1]
        };
        assert_eq!(complement(vec![(0, 3), (1, 4), (2, 5)], next), [0, 1]);
    }
}

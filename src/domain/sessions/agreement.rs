//! A pair's working agreement: started from the program's defaults, then
//! edited per pair, with SMART hints for its goals.
//!
//! The agreement is created lazily ([`ensure`]) the first time a pair is
//! opened, so accepting pairs never writes dozens of empty drafts.

use super::model::{Agreement, Goal, SessionsState};
use crate::domain::date::Date;
use crate::domain::ids::GoalId;
use crate::domain::matching::PairKey;
use crate::domain::participants::Channel;
use crate::domain::program::Program;
use crate::domain::workspace::Workspace;
use std::collections::HashSet;

impl Agreement {
    /// A draft agreement with the program's rhythm and ground rules and no
    /// goals yet: the pair writes its own goals in both directions.
    ///
    /// A session length outside the program's allowed range (a file edited by
    /// hand) falls back to the 30-minute default rather than carrying a
    /// nonsensical value into every session. Reviews are planned mid-way and at
    /// the end when the program has both dates.
    pub fn from_program(program: &Program, pair: PairKey) -> Agreement {
        let minutes = program.session_minutes;
        let session_minutes =
            if (Program::MIN_SESSION_MINUTES..=Program::MAX_SESSION_MINUTES).contains(&minutes) {
                minutes
            } else {
                Program::DEFAULT_SESSION_MINUTES
            };
        let review_dates = match (program.start_date, program.end_date) {
            (Some(start), Some(end)) if start <= end => {
                let mid = midpoint(start, end);
                if mid == end {
                    vec![end]
                } else {
                    vec![mid, end]
                }
            }
            _ => Vec::new(),
        };
        Agreement {
            pair,
            goals: Vec::new(),
            cadence: program.cadence,
            session_minutes,
            channel: None,
            ground_rules: program.ground_rules.clone(),
            review_dates,
            agreed_on: None,
            notes: String::new(),
        }
    }
}

/// The day half-way between two dates (rounded down), used for the
/// mid-program review and the mid-program goal alert.
pub fn midpoint(start: Date, end: Date) -> Date {
    start.add_days(start.days_until(end) / 2).unwrap_or(start)
}

/// The pair's agreement, created from the program's defaults when missing.
pub fn ensure<'a>(
    state: &'a mut SessionsState,
    program: &Program,
    pair: &PairKey,
) -> &'a mut Agreement {
    let index = match state.agreements.iter().position(|a| &a.pair == pair) {
        Some(index) => index,
        None => {
            state
                .agreements
                .push(Agreement::from_program(program, pair.clone()));
            state.agreements.len() - 1
        }
    };
    &mut state.agreements[index]
}

/// Saves a pair's edited agreement in place of the one it had (or as its
/// first). Progress that the pair's sessions recorded on goals the edit
/// removed goes with those goals: a session cannot report progress on a goal
/// the pair no longer has, and saved data that did would be refused on the
/// next load. Returns how many such progress entries were dropped.
pub fn replace(state: &mut SessionsState, edited: Agreement) -> usize {
    let pair = edited.pair.clone();
    match state.agreement_mut(&pair) {
        Some(saved) => *saved = edited,
        None => state.agreements.push(edited),
    }
    forget_removed_goals(state, &pair)
}

/// Drops session progress of `pair` on goals its agreement no longer has
/// (all of it when the pair has no agreement); returns how many entries went.
pub fn forget_removed_goals(state: &mut SessionsState, pair: &PairKey) -> usize {
    let kept: HashSet<GoalId> = state
        .agreement(pair)
        .map(|a| a.goals.iter().map(|g| g.id.clone()).collect())
        .unwrap_or_default();
    let mut dropped = 0;
    for session in state.sessions.iter_mut().filter(|s| &s.pair == pair) {
        let before = session.goal_progress.len();
        session.goal_progress.retain(|p| kept.contains(&p.goal));
        dropped += before - session.goal_progress.len();
    }
    dropped
}

/// A channel both people can live with: the mentee's most preferred channel
/// that the mentor also lists; otherwise the mentor's first choice (the junior
/// side usually adapts less easily to a senior's calendar habits, so their
/// choice breaks ties); otherwise the mentee's first; `None` when neither
/// person is known or lists any channel.
pub fn suggested_channel(ws: &Workspace, pair: &PairKey) -> Option<Channel> {
    let mentor = ws.participant(&pair.mentor).map(|p| p.channels.as_slice());
    let mentee = ws.participant(&pair.mentee).map(|p| p.channels.as_slice());
    let (mentor, mentee) = (mentor.unwrap_or(&[]), mentee.unwrap_or(&[]));
    mentee
        .iter()
        .find(|c| mentor.contains(c))
        .or_else(|| mentor.first())
        .or_else(|| mentee.first())
        .copied()
}

/// Why a goal is not yet SMART, shown as inline hints in the agreement form.
/// Hints, not errors: a pair may save a draft goal and sharpen it later.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GoalProblem {
    /// Nothing says what will be learnt or done.
    EmptyText,
    /// Nothing says how both will know it is achieved.
    NoMeasure,
    NoTargetDate,
    /// The target falls before the program starts.
    TargetBeforeStart {
        start: Date,
    },
    /// The target falls after the program ends.
    TargetAfterEnd {
        end: Date,
    },
    /// A recorded percentage above 100 (only when progress is a percentage,
    /// i.e. the goal has no milestones).
    ProgressOver100 {
        progress: u8,
    },
    /// A milestone without text, by its position in the list (0-based).
    EmptyMilestone {
        index: usize,
    },
}

/// Every SMART hint for one goal, in the order the form shows its fields.
pub fn goal_problems(goal: &Goal, program: &Program) -> Vec<GoalProblem> {
    let mut problems = Vec::new();
    if goal.text.trim().is_empty() {
        problems.push(GoalProblem::EmptyText);
    }
    if goal.measure.trim().is_empty() {
        problems.push(GoalProblem::NoMeasure);
    }
    match goal.target_date {
        None => problems.push(GoalProblem::NoTargetDate),
        Some(target) => {
            if let Some(start) = program.start_date.filter(|start| target < *start) {
                problems.push(GoalProblem::TargetBeforeStart { start });
            }
            if let Some(end) = program.end_date.filter(|end| target > *end) {
                problems.push(GoalProblem::TargetAfterEnd { end });
            }
        }
    }
    if goal.milestones.is_empty() && goal.progress > 100 {
        problems.push(GoalProblem::ProgressOver100 {
            progress: goal.progress,
        });
    }
    for (index, milestone) in goal.milestones.iter().enumerate() {
        if milestone.text.trim().is_empty() {
            problems.push(GoalProblem::EmptyMilestone { index });
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{ParticipantId, SessionId, seeded_bytes};
    use crate::domain::sessions::log::new_session;
    use crate::domain::sessions::model::{GoalDirection, GoalProgress, LocalDateTime, LocalTime};

    fn date(y: i32, m: u8, d: u8) -> Date {
        Date::new(y, m, d).unwrap()
    }

    #[test]
    fn midpoint_rounds_down_and_handles_equal_dates() {
        let cases = [
            (date(2026, 1, 1), date(2026, 1, 31), date(2026, 1, 16)),
            (date(2026, 1, 1), date(2026, 1, 2), date(2026, 1, 1)),
            (date(2026, 3, 5), date(2026, 3, 5), date(2026, 3, 5)),
            (date(2026, 9, 14), date(2027, 3, 12), date(2026, 12, 12)),
        ];
        for (start, end, mid) in cases {
            assert_eq!(midpoint(start, end), mid, "{start}..{end}");
        }
    }

    #[test]
    fn replacing_an_agreement_drops_progress_on_removed_goals_of_that_pair_only() {
        let id = |seed: u64| seeded_bytes(seed);
        let pair = |a: u64, b: u64| {
            PairKey::new(
                ParticipantId::from_random_bytes(id(a)),
                ParticipantId::from_random_bytes(id(b)),
            )
        };
        let (mine, other) = (pair(1, 2), pair(3, 4));
        let goal = |seed: u64| {
            Goal::new(
                GoalId::from_random_bytes(id(seed)),
                GoalDirection::MenteeLearns,
            )
        };
        let (kept, removed, foreign) = (goal(10), goal(11), goal(12));
        let program = Program::default();
        let mut state = SessionsState::default();
        ensure(&mut state, &program, &mine).goals = vec![kept.clone(), removed.clone()];
        ensure(&mut state, &program, &other).goals = vec![foreign.clone()];
        let at = LocalDateTime {
            date: date(2026, 10, 1),
            time: LocalTime::new(10, 0).unwrap(),
        };
        let progress = |goals: &[&Goal]| -> Vec<GoalProgress> {
            goals
                .iter()
                .map(|g| GoalProgress {
                    goal: g.id.clone(),
                    percent: 40,
                })
                .collect()
        };
        let mut session = new_session(mine.clone(), at, 30, SessionId::from_random_bytes(id(20)));
        session.goal_progress = progress(&[&kept, &removed]);
        let mut untouched =
            new_session(other.clone(), at, 30, SessionId::from_random_bytes(id(21)));
        untouched.goal_progress = progress(&[&foreign]);
        state.sessions = vec![session, untouched.clone()];

        let mut edited = state.agreement(&mine).unwrap().clone();
        edited.goals.retain(|g| g.id != removed.id);
        assert_eq!(replace(&mut state, edited.clone()), 1);
        assert_eq!(state.agreement(&mine), Some(&edited));
        assert_eq!(state.agreements.len(), 2);
        assert_eq!(state.sessions[0].goal_progress, progress(&[&kept]));
        assert_eq!(state.sessions[1], untouched);
        // Saving again changes nothing; a first agreement is added.
        assert_eq!(replace(&mut state, edited), 0);
        let fresh = Agreement::from_program(&program, pair(5, 6));
        assert_eq!(replace(&mut state, fresh.clone()), 0);
        assert_eq!(state.agreements.last(), Some(&fresh));
    }
}

//! The session log: planned sessions become held, cancelled or rescheduled
//! ones, with topics, notes, ratings from each side and progress on goals.
//!
//! Edits go through [`record`], which checks the whole form at once and only
//! then changes anything, so a refused entry leaves the log as it was. Every
//! change of time or status raises the session's iCalendar `SEQUENCE`, so a
//! calendar that imported the event replaces it instead of keeping a stale one.

use super::model::{GoalProgress, LocalDateTime, Session, SessionStatus, SessionsState};
use crate::domain::date::Date;
use crate::domain::ids::{GoalId, SessionId};
use crate::domain::matching::PairKey;
use crate::domain::participants::Role;
use crate::domain::skills::SkillId;

/// Shortest session the log accepts: anything shorter is a chat, not a session.
pub const MIN_MINUTES: u16 = 5;
/// Longest session the log accepts (a full working day).
pub const MAX_MINUTES: u16 = 480;

pub fn find<'a>(state: &'a SessionsState, id: &SessionId) -> Option<&'a Session> {
    state.sessions.iter().find(|s| &s.id == id)
}

pub fn find_mut<'a>(state: &'a mut SessionsState, id: &SessionId) -> Option<&'a mut Session> {
    state.sessions.iter_mut().find(|s| &s.id == id)
}

/// A planned session with nothing logged yet.
pub fn new_session(pair: PairKey, start: LocalDateTime, minutes: u16, id: SessionId) -> Session {
    Session {
        id,
        pair,
        start,
        minutes,
        status: SessionStatus::Planned,
        rescheduled_from: None,
        topics: Vec::new(),
        notes: String::new(),
        mentor_rating: None,
        mentee_rating: None,
        goal_progress: Vec::new(),
        sequence: 0,
    }
}

/// Everything the log form edits; the pair and the calendar bookkeeping
/// (`sequence`, `rescheduled_from`) are not the user's to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionEntry {
    pub id: SessionId,
    pub start: LocalDateTime,
    pub minutes: u16,
    pub status: SessionStatus,
    pub topics: Vec<SkillId>,
    pub notes: String,
    pub mentor_rating: Option<u8>,
    pub mentee_rating: Option<u8>,
    pub goal_progress: Vec<GoalProgress>,
}

impl SessionEntry {
    /// The form's starting values for an existing session.
    pub fn from_session(session: &Session) -> SessionEntry {
        SessionEntry {
            id: session.id.clone(),
            start: session.start,
            minutes: session.minutes,
            status: session.status,
            topics: session.topics.clone(),
            notes: session.notes.clone(),
            mentor_rating: session.mentor_rating,
            mentee_rating: session.mentee_rating,
            goal_progress: session.goal_progress.clone(),
        }
    }
}

/// Why a log entry was refused; data, so the form words it in each language
/// next to the field concerned.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EntryProblem {
    /// The session is no longer in the log (removed in another tab, or a
    /// re-pairing dropped it).
    UnknownSession,
    /// Outside [`MIN_MINUTES`]–[`MAX_MINUTES`].
    MinutesOutOfRange {
        minutes: u16,
    },
    /// A rating outside 1–5, from the given side.
    RatingOutOfRange {
        by: Role,
        rating: u8,
    },
    PercentOver100 {
        goal: GoalId,
        percent: u8,
    },
    /// Progress on a goal that is not in this pair's agreement.
    UnknownGoal {
        goal: GoalId,
    },
    /// Two progress values for the same goal in one entry.
    DuplicateGoal {
        goal: GoalId,
    },
    /// A session cannot have been held on a day that has not come yet.
    HeldInFuture {
        date: Date,
    },
}

/// Checks an entry against its session's pair, returning every problem.
fn entry_problems(
    state: &SessionsState,
    pair: &PairKey,
    entry: &SessionEntry,
    today: Date,
) -> Vec<EntryProblem> {
    let mut problems = Vec::new();
    if !(MIN_MINUTES..=MAX_MINUTES).contains(&entry.minutes) {
        problems.push(EntryProblem::MinutesOutOfRange {
            minutes: entry.minutes,
        });
    }
    for (by, rating) in [
        (Role::ReverseMentor, entry.mentor_rating),
        (Role::Mentee, entry.mentee_rating),
    ] {
        if let Some(rating) =
            rating.filter(|r| !(Session::MIN_RATING..=Session::MAX_RATING).contains(r))
        {
            problems.push(EntryProblem::RatingOutOfRange { by, rating });
        }
    }
    let agreement = state.agreement(pair);
    let mut seen: Vec<&GoalId> = Vec::new();
    for progress in &entry.goal_progress {
        let goal = &progress.goal;
        if seen.contains(&goal) {
            problems.push(EntryProblem::DuplicateGoal { goal: goal.clone() });
            continue;
        }
        seen.push(goal);
        if !agreement.is_some_and(|a| a.goals.iter().any(|g| &g.id == goal)) {
            problems.push(EntryProblem::UnknownGoal { goal: goal.clone() });
        }
        if progress.percent > 100 {
            problems.push(EntryProblem::PercentOver100 {
                goal: goal.clone(),
                percent: progress.percent,
            });
        }
    }
    if let Some(problem) = held_in_future(entry.status, entry.start.date, today) {
        problems.push(problem);
    }
    problems
}

fn held_in_future(status: SessionStatus, date: Date, today: Date) -> Option<EntryProblem> {
    (status == SessionStatus::Held && date > today).then_some(EntryProblem::HeldInFuture { date })
}

/// Saves the log form for an existing session, or returns every problem and
/// changes nothing.
///
/// On success:
/// - `sequence` rises by one when the start, length or status changed;
/// - a moved start keeps the previous one in `rescheduled_from`, and a
///   session still `Planned` becomes `Rescheduled`;
/// - topics are kept once each, in the order given;
/// - recorded goal progress becomes the goal's progress in the agreement
///   (milestones untouched), unless a later session of the pair already
///   recorded progress on that goal: editing an old entry never rolls a goal
///   back.
pub fn record(
    state: &mut SessionsState,
    entry: SessionEntry,
    today: Date,
) -> Result<(), Vec<EntryProblem>> {
    let Some(pair) = find(state, &entry.id).map(|s| s.pair.clone()) else {
        return Err(vec![EntryProblem::UnknownSession]);
    };
    let problems = entry_problems(state, &pair, &entry, today);
    if !problems.is_empty() {
        return Err(problems);
    }

    let mut topics: Vec<SkillId> = Vec::with_capacity(entry.topics.len());
    for topic in entry.topics {
        if !topics.contains(&topic) {
            topics.push(topic);
        }
    }
    let Some(session) = find_mut(state, &entry.id) else {
        return Err(vec![EntryProblem::UnknownSession]);
    };
    let moved = session.start != entry.start;
    let mut status = entry.status;
    if moved {
        session.rescheduled_from = Some(session.start);
        if session.status == SessionStatus::Planned && status == SessionStatus::Planned {
            status = SessionStatus::Rescheduled;
        }
    }
    if moved || session.minutes != entry.minutes || session.status != status {
        session.sequence = session.sequence.saturating_add(1);
    }
    session.start = entry.start;
    session.minutes = entry.minutes;
    session.status = status;
    session.topics = topics;
    session.notes = entry.notes;
    session.mentor_rating = entry.mentor_rating;
    session.mentee_rating = entry.mentee_rating;
    session.goal_progress = entry.goal_progress;

    let start = entry.start;
    let recorded = session.goal_progress.clone();
    for progress in recorded {
        let later = state.sessions.iter().any(|s| {
            s.id != entry.id
                && s.pair == pair
                && (s.start, &s.id) > (start, &entry.id)
                && s.goal_progress.iter().any(|p| p.goal == progress.goal)
        });
        if later {
            continue;
        }
        if let Some(goal) = state
            .agreement_mut(&pair)
            .and_then(|a| a.goals.iter_mut().find(|g| g.id == progress.goal))
        {
            goal.progress = progress.percent;
        }
    }
    Ok(())
}

/// One-click status from the session list ("Held", "Cancelled"); raises the
/// sequence when the status actually changes.
pub fn quick_status(
    state: &mut SessionsState,
    id: &SessionId,
    status: SessionStatus,
    today: Date,
) -> Result<(), EntryProblem> {
    let session = find_mut(state, id).ok_or(EntryProblem::UnknownSession)?;
    if let Some(problem) = held_in_future(status, session.start.date, today) {
        return Err(problem);
    }
    if session.status != status {
        session.status = status;
        session.sequence = session.sequence.saturating_add(1);
    }
    Ok(())
}

/// Logs a session that was never scheduled (a corridor chat that turned into
/// a real session): it is added as `Held`, and the log form then fills in the
/// details through [`record`], which checks the date.
pub fn add_unplanned(
    state: &mut SessionsState,
    pair: PairKey,
    start: LocalDateTime,
    minutes: u16,
    new_id: SessionId,
) -> SessionId {
    let mut session = new_session(pair, start, minutes, new_id.clone());
    session.status = SessionStatus::Held;
    state.sessions.push(session);
    new_id
}

/// Removes a session from the log; goal progress it recorded stays in the
/// agreement, since the goal did move.
pub fn remove(state: &mut SessionsState, id: &SessionId) -> Option<Session> {
    let index = state.sessions.iter().position(|s| &s.id == id)?;
    Some(state.sessions.remove(index))
}

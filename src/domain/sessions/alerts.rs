//! Pair health: which accepted pairs need attention, why, since when, and
//! what the coordinator could do about it.
//!
//! Everything is computed from the saved records and a `today` the caller
//! passes in (the page's clock, a fixed date in tests), so the same workspace
//! on the same day always gives the same list.
//!
//! # When a pair starts
//! A pair's start is its acceptance date (`Pair::since`), else the day its
//! agreement was made, else its first session's date — but never before the
//! program's start date, so pairs accepted ahead of the kick-off are not
//! counted idle before the program begins. With none of these the program's
//! start date is used; with no date at all, the rules that count days from
//! the start stay silent.
//!
//! # Past and upcoming sessions
//! A session is *past* when its day is before today, or it is today and
//! already logged as held or cancelled. It is *upcoming* when it is planned or
//! rescheduled for today or later. A held session dated in the future (only
//! possible in a hand-edited file) counts as neither.
//!
//! # Rules (thresholds from [`AlertSettings`](super::model::AlertSettings))
//! | Alert | Fires when | Since | Action |
//! |---|---|---|---|
//! | [`AlertKind::PersonInactive`] | the mentor or mentee is inactive or no longer in the records | pair start (today if later) | re-match |
//! | [`AlertKind::NoSessionHeld`] | ≥ `no_session_days` since the last held session, or since the pair's start when none was held | that date | nudge |
//! | [`AlertKind::CancelledInARow`] | the last two or more past sessions were cancelled (a rescheduled or unlogged one breaks the run) | first of the run | talk to both; re-match from three |
//! | [`AlertKind::LowMood`] | a person's latest check-in mood is ≤ `low_mood` | day answered | talk to both |
//! | [`AlertKind::LowRating`] | one side's latest rating is ≤ `low_rating` | that session's day | talk to both |
//! | [`AlertKind::NoGoalProgress`] | on or after mid-program, no goal has progress (or there are no goals) | the mid-point | set goals |
//! | [`AlertKind::NoSessionsPlanned`] | nothing held and nothing upcoming | pair start (today if later) | schedule |
//! | [`AlertKind::CheckInDue`] | no check-in answer from either person for `checkin_every_days`, counted from the last answer, or from day `first_checkin_day` of the pair when none | the day it fell due | send a check-in |
//!
//! Only check-in answers given since the pair's start count (an answer about
//! a former partner says nothing about this pair); self-assessments never do.
//!
//! Mid-program is half-way between the program's start and end dates; a
//! program without both dates uses the pair's start plus 90 days.
//!
//! Low mood always suggests talking to both, even at the bottom of the scale:
//! a mood says how someone feels, not why, and re-matching before a
//! conversation would punish the other person for what may be a bad month.
//!
//! # Health
//! - **At risk**: any of inactive person, no session held, cancellations in a
//!   row, low mood; or two or more alerts of any kind (a due check-in aside).
//! - **Needs a check-in**: any other alert (a single low rating, no goal
//!   progress, nothing planned, or a check-in that is due).
//! - **On track**: no alert.
//!
//! A due check-in is routine, so it never counts towards the "two or more"
//! rule; it is still an alert, so every pair off track has a reason and an
//! action to show.

use super::agreement::midpoint;
use super::model::{
    Agreement, AnswerValue, LocalDateTime, Response, RoundKind, Session, SessionStatus,
};
use crate::domain::date::Date;
use crate::domain::ids::{ParticipantId, RoundId};
use crate::domain::matching::{Pair, PairKey};
use crate::domain::participants::{Participant, Role};
use crate::domain::workspace::Workspace;
use std::cmp::Reverse;
use std::collections::HashMap;

/// The check-in question whose 1–5 answer is the person's mood (the check-in
/// form's own id, so the two cannot drift apart).
pub const MOOD_QUESTION: &str = super::checkin::MOOD;

/// How far into a pair "mid-program" falls when the program has no dates.
pub const FALLBACK_MIDPOINT_DAYS: i64 = 90;

/// From three cancellations in a row, re-matching is suggested.
pub const REMATCH_CANCELLATIONS: usize = 3;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Health {
    OnTrack,
    NeedsCheckIn,
    AtRisk,
}

/// What the coordinator could do next.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Action {
    /// Send a reminder email to the pair.
    Nudge,
    /// Talk to each person, then both together.
    TalkToBoth,
    /// Find one or both a new partner.
    Rematch,
    /// Help the pair write (or revise) its goals.
    SetGoals,
    /// Plan sessions for the pair.
    Schedule,
    /// Send the pair a check-in link.
    SendCheckIn,
}

/// Why a pair needs attention, with the facts the page words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AlertKind {
    /// The person is inactive, or no longer in the records.
    PersonInactive { who: ParticipantId },
    /// Days since the last held session (or since the pair's start).
    NoSessionHeld { days: u16 },
    /// How many of the latest past sessions were cancelled in a row.
    CancelledInARow { count: usize },
    /// The person's latest check-in mood (1–5).
    LowMood { mood: u8, who: ParticipantId },
    /// One side's latest rating (1–5).
    LowRating { rating: u8, by: Role },
    /// Mid-program reached without progress on any goal, or without goals.
    NoGoalProgress,
    /// Nothing held and nothing upcoming.
    NoSessionsPlanned,
    /// The last check-in answer from the pair, if any.
    CheckInDue { last: Option<Date> },
}

impl AlertKind {
    /// The suggested action (see the module's rules table).
    pub fn action(&self) -> Action {
        match self {
            AlertKind::PersonInactive { .. } => Action::Rematch,
            AlertKind::NoSessionHeld { .. } => Action::Nudge,
            AlertKind::CancelledInARow { count } if *count >= REMATCH_CANCELLATIONS => {
                Action::Rematch
            }
            AlertKind::CancelledInARow { .. } => Action::TalkToBoth,
            AlertKind::LowMood { .. } | AlertKind::LowRating { .. } => Action::TalkToBoth,
            AlertKind::NoGoalProgress => Action::SetGoals,
            AlertKind::NoSessionsPlanned => Action::Schedule,
            AlertKind::CheckInDue { .. } => Action::SendCheckIn,
        }
    }

    /// Alerts that put a pair at risk on their own.
    pub fn is_serious(&self) -> bool {
        matches!(
            self,
            AlertKind::PersonInactive { .. }
                | AlertKind::NoSessionHeld { .. }
                | AlertKind::CancelledInARow { .. }
                | AlertKind::LowMood { .. }
        )
    }

    /// Whether the alert counts towards "two or more alerts"; a due check-in
    /// is routine and does not.
    pub fn counts_towards_risk(&self) -> bool {
        !matches!(self, AlertKind::CheckInDue { .. })
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Alert {
    pub kind: AlertKind,
    pub since: Date,
    pub action: Action,
}

impl Alert {
    /// An alert with its suggested action.
    pub fn new(kind: AlertKind, since: Date) -> Alert {
        let action = kind.action();
        Alert {
            kind,
            since,
            action,
        }
    }
}

/// One accepted pair's state on a given day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairHealth {
    pub pair: PairKey,
    pub health: Health,
    /// In the order of the module's rules table.
    pub alerts: Vec<Alert>,
    pub last_held: Option<Date>,
    pub next_planned: Option<LocalDateTime>,
    /// Held sessions up to today.
    pub held: usize,
    /// Cancelled sessions, whatever their date.
    pub cancelled: usize,
    /// Planned or rescheduled sessions from today on.
    pub planned_ahead: usize,
    /// Mean progress of the agreement's goals; `None` without goals.
    pub goal_percent: Option<u8>,
}

impl PairHealth {
    /// The oldest `since` among the alerts: how long the pair has waited.
    pub fn since(&self) -> Option<Date> {
        self.alerts.iter().map(|a| a.since).min()
    }
}

/// Every accepted pair, in the order of `ws.pairing.pairs`.
///
/// The records are indexed once ([`Records`]), so a program of a thousand
/// pairs with a year of sessions each is assessed in linear time, at every
/// edit, rather than scanning every session and answer once per pair.
pub fn assess(ws: &Workspace, today: Date) -> Vec<PairHealth> {
    let records = Records::new(ws);
    ws.pairing
        .pairs
        .iter()
        .map(|pair| assess_with(ws, &records, pair, today))
        .collect()
}

/// The records each pair's assessment looks up, grouped by pair and person.
/// Lookups keep the meaning of the plain accessors: the first agreement and
/// participant with a key, a pair's sessions in [`SessionsState::sessions_of`]
/// order, answers in import order.
///
/// [`SessionsState::sessions_of`]: super::model::SessionsState::sessions_of
struct Records<'a> {
    sessions: HashMap<&'a PairKey, Vec<&'a Session>>,
    agreements: HashMap<&'a PairKey, &'a Agreement>,
    people: HashMap<&'a ParticipantId, &'a Participant>,
    /// Answers to check-in rounds (or to rounds no longer kept), per person.
    checkins: HashMap<&'a ParticipantId, Vec<&'a Response>>,
}

impl<'a> Records<'a> {
    fn new(ws: &'a Workspace) -> Records<'a> {
        let state = &ws.sessions;
        let mut sessions: HashMap<&PairKey, Vec<&Session>> = HashMap::new();
        for session in &state.sessions {
            sessions.entry(&session.pair).or_default().push(session);
        }
        for list in sessions.values_mut() {
            list.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
        }
        let mut agreements = HashMap::with_capacity(state.agreements.len());
        for agreement in &state.agreements {
            agreements.entry(&agreement.pair).or_insert(agreement);
        }
        let mut people = HashMap::with_capacity(ws.participants.len());
        for person in &ws.participants {
            people.entry(&person.id).or_insert(person);
        }
        let mut kinds: HashMap<&RoundId, RoundKind> = HashMap::with_capacity(state.rounds.len());
        for round in &state.rounds {
            kinds.entry(&round.id).or_insert(round.kind);
        }
        let mut checkins: HashMap<&ParticipantId, Vec<&Response>> = HashMap::new();
        for response in &state.responses {
            if kinds
                .get(&response.round)
                .is_none_or(|kind| *kind == RoundKind::CheckIn)
            {
                checkins
                    .entry(&response.participant)
                    .or_default()
                    .push(response);
            }
        }
        Records {
            sessions,
            agreements,
            people,
            checkins,
        }
    }

    fn sessions_of(&self, pair: &PairKey) -> &[&'a Session] {
        self.sessions.get(pair).map_or(&[], Vec::as_slice)
    }

    fn agreement(&self, pair: &PairKey) -> Option<&'a Agreement> {
        self.agreements.get(pair).copied()
    }

    fn participant(&self, id: &ParticipantId) -> Option<&'a Participant> {
        self.people.get(id).copied()
    }

    /// Check-in answers (not self-assessments) a person gave between `from`
    /// and `today`, in the order they were imported.
    fn checkin_answers(
        &self,
        who: &ParticipantId,
        from: Option<Date>,
        today: Date,
    ) -> impl Iterator<Item = &'a Response> + '_ {
        self.checkins
            .get(who)
            .map_or(&[][..], Vec::as_slice)
            .iter()
            .copied()
            .filter(move |r| {
                r.answered_on <= today && from.is_none_or(|from| r.answered_on >= from)
            })
    }
}

/// Pairs that are not on track: at risk first, then those waiting longest;
/// ties keep the order of `list`.
pub fn needs_attention(list: &[PairHealth]) -> Vec<&PairHealth> {
    let mut out: Vec<&PairHealth> = list
        .iter()
        .filter(|h| h.health != Health::OnTrack)
        .collect();
    out.sort_by_key(|h| (Reverse(h.health), h.since().is_none(), h.since()));
    out
}

/// The health rule of the module documentation, for a pair's alerts.
pub fn health_of(alerts: &[Alert]) -> Health {
    let counted = alerts
        .iter()
        .filter(|a| a.kind.counts_towards_risk())
        .count();
    if alerts.iter().any(|a| a.kind.is_serious()) || counted >= 2 {
        Health::AtRisk
    } else if alerts.is_empty() {
        Health::OnTrack
    } else {
        Health::NeedsCheckIn
    }
}

fn is_past(session: &Session, today: Date) -> bool {
    let date = session.start.date;
    date < today
        || (date == today
            && matches!(
                session.status,
                SessionStatus::Held | SessionStatus::Cancelled
            ))
}

fn is_upcoming(session: &Session, today: Date) -> bool {
    session.start.date >= today
        && matches!(
            session.status,
            SessionStatus::Planned | SessionStatus::Rescheduled
        )
}

/// See "When a pair starts" in the module documentation.
pub fn pair_start(ws: &Workspace, pair: &Pair) -> Option<Date> {
    let key = pair.key();
    let first_session = || {
        ws.sessions
            .sessions
            .iter()
            .filter(|s| s.pair == key)
            .map(|s| s.start.date)
            .min()
    };
    start_from(ws, pair, ws.sessions.agreement(&key), first_session)
}

/// [`pair_start`] with the pair's agreement and first session day given.
fn start_from(
    ws: &Workspace,
    pair: &Pair,
    agreement: Option<&Agreement>,
    first_session: impl FnOnce() -> Option<Date>,
) -> Option<Date> {
    let own = pair
        .since
        .or_else(|| agreement.and_then(|a| a.agreed_on))
        .or_else(first_session);
    match (own, ws.program.start_date) {
        (Some(own), Some(program)) => Some(own.max(program)),
        (own, program) => own.or(program),
    }
}

/// The day mid-program falls on for this pair (see the module documentation).
pub fn mid_program(ws: &Workspace, pair: &Pair) -> Option<Date> {
    mid_from(ws, pair_start(ws, pair))
}

fn mid_from(ws: &Workspace, pair_start: Option<Date>) -> Option<Date> {
    match (ws.program.start_date, ws.program.end_date) {
        (Some(start), Some(end)) if start <= end => Some(midpoint(start, end)),
        _ => pair_start?.add_days(FALLBACK_MIDPOINT_DAYS),
    }
}

/// One pair's health; [`assess`] runs the same rules for every accepted pair.
pub fn assess_pair(ws: &Workspace, pair: &Pair, today: Date) -> PairHealth {
    assess_with(ws, &Records::new(ws), pair, today)
}

fn assess_with(ws: &Workspace, records: &Records, pair: &Pair, today: Date) -> PairHealth {
    let key = pair.key();
    let state = &ws.sessions;
    let settings = &state.settings;
    let limits = settings.alerts;
    let sessions = records.sessions_of(&key);
    let agreement = records.agreement(&key);
    // Sessions are in time order, so the first one's day is the earliest.
    let start = start_from(ws, pair, agreement, || {
        sessions.first().map(|s| s.start.date)
    });
    let start_or_today = start.unwrap_or(today).min(today);

    let past: Vec<&Session> = sessions
        .iter()
        .copied()
        .filter(|s| is_past(s, today))
        .collect();
    let held: Vec<&Session> = past
        .iter()
        .copied()
        .filter(|s| s.status == SessionStatus::Held)
        .collect();
    let upcoming: Vec<&Session> = sessions
        .iter()
        .copied()
        .filter(|s| is_upcoming(s, today))
        .collect();
    let last_held = held.last().map(|s| s.start.date);
    let goals = agreement.map_or(&[][..], |a| a.goals.as_slice());

    let mut alerts = Vec::new();

    for who in [&pair.mentor, &pair.mentee] {
        if !records.participant(who).is_some_and(|p| p.active) {
            alerts.push(Alert::new(
                AlertKind::PersonInactive { who: who.clone() },
                start_or_today,
            ));
        }
    }

    if let Some(from) = last_held.or(start) {
        let days = from.days_until(today);
        if days >= i64::from(limits.no_session_days.max(1)) {
            let days = u16::try_from(days).unwrap_or(u16::MAX);
            alerts.push(Alert::new(AlertKind::NoSessionHeld { days }, from));
        }
    }

    let run: Vec<&Session> = past
        .iter()
        .rev()
        .take_while(|s| s.status == SessionStatus::Cancelled)
        .copied()
        .collect();
    if run.len() >= 2 {
        let first = run.last().map_or(today, |s| s.start.date);
        alerts.push(Alert::new(
            AlertKind::CancelledInARow { count: run.len() },
            first,
        ));
    }

    for who in [&pair.mentor, &pair.mentee] {
        let latest = records
            .checkin_answers(who, start, today)
            .filter_map(|r| match r.answer(MOOD_QUESTION) {
                Some(AnswerValue::Scale(mood)) => Some((r.answered_on, *mood)),
                _ => None,
            })
            .fold(None, |best: Option<(Date, u8)>, this| match best {
                Some(best) if best.0 > this.0 => Some(best),
                _ => Some(this),
            });
        if let Some((answered_on, mood)) = latest.filter(|(_, mood)| *mood <= limits.low_mood) {
            alerts.push(Alert::new(
                AlertKind::LowMood {
                    mood,
                    who: who.clone(),
                },
                answered_on,
            ));
        }
    }

    for by in [Role::ReverseMentor, Role::Mentee] {
        let latest = past.iter().rev().find_map(|s| {
            let rating = match by {
                Role::ReverseMentor => s.mentor_rating,
                Role::Mentee => s.mentee_rating,
            };
            rating.map(|r| (s.start.date, r))
        });
        if let Some((date, rating)) = latest.filter(|(_, r)| *r <= limits.low_rating) {
            alerts.push(Alert::new(AlertKind::LowRating { rating, by }, date));
        }
    }

    if let Some(mid) = mid_from(ws, start).filter(|mid| today >= *mid)
        && !goals.iter().any(|g| g.percent() > 0)
    {
        alerts.push(Alert::new(AlertKind::NoGoalProgress, mid));
    }

    if held.is_empty() && upcoming.is_empty() {
        alerts.push(Alert::new(AlertKind::NoSessionsPlanned, start_or_today));
    }

    let last_answer = [&pair.mentor, &pair.mentee]
        .into_iter()
        .flat_map(|who| {
            records
                .checkin_answers(who, start, today)
                .map(|r| r.answered_on)
        })
        .max();
    let due = match last_answer {
        Some(last) => last.add_days(i64::from(settings.checkin_every_days.max(1))),
        None => start.and_then(|s| s.add_days(i64::from(settings.first_checkin_day))),
    };
    if let Some(due) = due.filter(|due| today >= *due) {
        alerts.push(Alert::new(AlertKind::CheckInDue { last: last_answer }, due));
    }

    let health = health_of(&alerts);

    let goal_percent = (!goals.is_empty()).then(|| {
        let sum: usize = goals.iter().map(|g| usize::from(g.percent())).sum();
        ((sum + goals.len() / 2) / goals.len()) as u8
    });

    PairHealth {
        pair: key,
        health,
        alerts,
        last_held,
        next_planned: upcoming.first().map(|s| s.start),
        held: held.len(),
        cancelled: sessions
            .iter()
            .filter(|s| s.status == SessionStatus::Cancelled)
            .count(),
        planned_ahead: upcoming.len(),
        goal_percent,
    }
}

//! Running the program: agreements from the program's defaults, the session
//! log's rules, and the alert rules that decide which pairs need attention.

use SessionStatus::{Cancelled, Held, Planned, Rescheduled};
use inversa::domain::demo::demo_workspace;
use inversa::domain::ids::seeded_bytes;
use inversa::domain::matching::{Pair, PairKey};
use inversa::domain::sessions::agreement::{self, GoalProblem};
use inversa::domain::sessions::alerts::{
    self, Action, Alert, AlertKind, Health, PairHealth, REMATCH_CANCELLATIONS,
};
use inversa::domain::sessions::log::{self, EntryProblem, SessionEntry};
use inversa::domain::sessions::{
    Agreement, Answer, AnswerValue, CheckinRound, Goal, GoalDirection, GoalProgress, LocalDateTime,
    LocalTime, Milestone, Response, RoundKind, Session, SessionStatus,
};
use inversa::domain::{
    Cadence, Channel, Date, GoalId, Participant, ParticipantId, Program, Role, RoundId, SessionId,
    SkillId, StandardRule, Workspace,
};

/// Day `offset` of the demo program (day 0 is its start, Monday 2026-09-14).
fn day(offset: i64) -> Date {
    Date::new(2026, 9, 14).unwrap().add_days(offset).unwrap()
}

fn at(offset: i64) -> LocalDateTime {
    LocalDateTime {
        date: day(offset),
        time: LocalTime::new(10, 0).unwrap(),
    }
}

/// The demo program with two accepted pairs from its first day; the first
/// pair is the one under test, the second must never be disturbed.
struct Fixture {
    ws: Workspace,
    key: PairKey,
    other: PairKey,
    seed: u64,
}

impl Fixture {
    fn new() -> Fixture {
        let mut ws = demo_workspace();
        let active = |role: Role| -> Vec<ParticipantId> {
            ws.participants
                .iter()
                .filter(|p| p.role == role && p.active)
                .map(|p| p.id.clone())
                .collect()
        };
        let (mentors, mentees) = (active(Role::ReverseMentor), active(Role::Mentee));
        let key = PairKey::new(mentors[0].clone(), mentees[0].clone());
        let other = PairKey::new(mentors[1].clone(), mentees[1].clone());
        for k in [&key, &other] {
            ws.pairing.pairs.push(Pair {
                mentor: k.mentor.clone(),
                mentee: k.mentee.clone(),
                since: Some(day(0)),
            });
        }
        Fixture {
            ws,
            key,
            other,
            seed: 10_000,
        }
    }

    fn bytes(&mut self) -> [u8; 16] {
        self.seed += 1;
        seeded_bytes(self.seed)
    }

    fn add(&mut self, pair: PairKey, offset: i64, status: SessionStatus) -> SessionId {
        let id = SessionId::from_random_bytes(self.bytes());
        let mut session = log::new_session(pair, at(offset), 30, id.clone());
        session.status = status;
        self.ws.sessions.sessions.push(session);
        id
    }

    fn person(&self, role: Role) -> ParticipantId {
        match role {
            Role::ReverseMentor => self.key.mentor.clone(),
            Role::Mentee => self.key.mentee.clone(),
        }
    }

    fn answer(&mut self, role: Role, kind: RoundKind, offset: i64, mood: u8) {
        let round = RoundId::from_random_bytes(self.bytes());
        self.ws.sessions.rounds.push(CheckinRound {
            id: round.clone(),
            kind,
            opens: day(offset - 7),
            closes: day(offset + 7),
            invitations: Vec::new(),
        });
        self.ws.sessions.responses.push(Response {
            round,
            participant: self.person(role),
            answered_on: day(offset),
            imported_on: day(offset),
            answers: vec![Answer {
                question: alerts::MOOD_QUESTION.into(),
                value: AnswerValue::Scale(mood),
            }],
        });
    }

    fn goal(&mut self, progress: u8, milestones: &[bool]) -> GoalId {
        let id = GoalId::from_random_bytes(self.bytes());
        let mut goal = Goal::new(id.clone(), GoalDirection::MenteeLearns);
        goal.progress = progress;
        goal.milestones = milestones
            .iter()
            .map(|&done| Milestone {
                text: "step".into(),
                done,
            })
            .collect();
        let key = self.key.clone();
        agreement::ensure(&mut self.ws.sessions, &self.ws.program, &key)
            .goals
            .push(goal);
        id
    }

    fn apply(&mut self, step: &Step) {
        let key = self.key.clone();
        let settings = &mut self.ws.sessions.settings;
        match *step {
            Step::S(offset, status) => {
                self.add(key, offset, status);
            }
            Step::Rated(offset, mentor, mentee) => {
                let id = self.add(key, offset, Held);
                let session = log::find_mut(&mut self.ws.sessions, &id).unwrap();
                session.mentor_rating = mentor;
                session.mentee_rating = mentee;
            }
            Step::Mood(role, offset, mood) => self.answer(role, RoundKind::CheckIn, offset, mood),
            Step::PreMood(role, offset, mood) => {
                self.answer(role, RoundKind::PreAssessment, offset, mood)
            }
            Step::WithGoal(progress, milestones) => {
                self.goal(progress, milestones);
            }
            Step::NoSessionDays(days) => settings.alerts.no_session_days = days,
            Step::LowRating(rating) => settings.alerts.low_rating = rating,
            Step::LowMood(mood) => settings.alerts.low_mood = mood,
            Step::FirstCheckin(days) => settings.first_checkin_day = days,
            Step::CheckinEvery(days) => settings.checkin_every_days = days,
            Step::Inactive(role) => {
                let id = self.person(role);
                self.ws
                    .participants
                    .iter_mut()
                    .find(|p| p.id == id)
                    .unwrap()
                    .active = false;
            }
            Step::Since(offset) => self.ws.pairing.pairs[0].since = offset.map(day),
            Step::AgreedOn(offset) => {
                agreement::ensure(&mut self.ws.sessions, &self.ws.program, &key).agreed_on =
                    Some(day(offset));
            }
            Step::NoProgramDates => {
                self.ws.program.start_date = None;
                self.ws.program.end_date = None;
            }
        }
    }

    fn health(&self, today: i64) -> PairHealth {
        let list = alerts::assess(&self.ws, day(today));
        assert_eq!(list.len(), self.ws.pairing.pairs.len());
        list.into_iter().find(|h| h.pair == self.key).unwrap()
    }
}

/// What a test case sets up for the pair under test.
enum Step {
    /// A session on day n with a status.
    S(i64, SessionStatus),
    /// A held session on day n with ratings (mentor, mentee).
    Rated(i64, Option<u8>, Option<u8>),
    /// A check-in answer with a mood on day n.
    Mood(Role, i64, u8),
    /// A self-assessment answer with a mood on day n (not a check-in).
    PreMood(Role, i64, u8),
    /// A goal with a recorded percentage and milestones (done or not).
    WithGoal(u8, &'static [bool]),
    NoSessionDays(u16),
    LowRating(u8),
    LowMood(u8),
    FirstCheckin(u16),
    CheckinEvery(u16),
    Inactive(Role),
    Since(Option<i64>),
    /// The agreement was made on day n.
    AgreedOn(i64),
    NoProgramDates,
}
use Step::*;

/// An expected alert, with people named by role so the table stays readable.
#[derive(Clone, Copy)]
enum E {
    NoHeld(u16),
    InARow(usize),
    Mood(u8, Role),
    Rating(u8, Role),
    Goals,
    NothingPlanned,
    CheckIn(Option<i64>),
    Inactive(Role),
}

impl E {
    fn kind(self, fx: &Fixture) -> AlertKind {
        match self {
            E::NoHeld(days) => AlertKind::NoSessionHeld { days },
            E::InARow(count) => AlertKind::CancelledInARow { count },
            E::Mood(mood, role) => AlertKind::LowMood {
                mood,
                who: fx.person(role),
            },
            E::Rating(rating, by) => AlertKind::LowRating { rating, by },
            E::Goals => AlertKind::NoGoalProgress,
            E::NothingPlanned => AlertKind::NoSessionsPlanned,
            E::CheckIn(last) => AlertKind::CheckInDue {
                last: last.map(day),
            },
            E::Inactive(role) => AlertKind::PersonInactive {
                who: fx.person(role),
            },
        }
    }
}

const MENTOR: Role = Role::ReverseMentor;
const MENTEE: Role = Role::Mentee;
const OK: Health = Health::OnTrack;
const CHECK: Health = Health::NeedsCheckIn;
const RISK: Health = Health::AtRisk;

/// A held session at the start and one planned four weeks in: a quiet pair
/// to which each case adds the one thing it tests.
const STEADY: [Step; 2] = [S(0, Held), S(28, Planned)];

struct Case {
    name: &'static str,
    steps: &'static [Step],
    today: i64,
    /// Every alert the pair should have, with its `since` day.
    expected: &'static [(E, i64)],
    health: Health,
}

#[rustfmt::skip]
const CASES: &[Case] = &[
    // No session held: 21 days by default, from the last held session.
    Case { name: "held 20 days ago", steps: &STEADY, today: 20, expected: &[], health: OK },
    Case { name: "held 21 days ago", steps: &STEADY, today: 21, expected: &[(E::NoHeld(21), 0)], health: RISK },
    Case { name: "none held, 20 days since start", steps: &[S(25, Planned)], today: 20, expected: &[], health: OK },
    Case { name: "none held, 21 days since start", steps: &[S(25, Planned)], today: 21, expected: &[(E::NoHeld(21), 0)], health: RISK },
    Case { name: "a planned session in the future is not held", steps: &[S(0, Held), S(22, Planned), S(25, Planned)], today: 21, expected: &[(E::NoHeld(21), 0)], health: RISK },
    Case { name: "a 'held' session dated in the future is not held", steps: &[S(0, Held), S(25, Held), S(28, Planned)], today: 21, expected: &[(E::NoHeld(21), 0)], health: RISK },
    Case { name: "an unlogged past session is not held", steps: &[S(0, Held), S(20, Planned)], today: 21, expected: &[(E::NoHeld(21), 0)], health: RISK },
    Case { name: "held today resets the count", steps: &[S(0, Held), S(21, Held), S(28, Planned)], today: 21, expected: &[], health: OK },
    Case { name: "threshold lowered to 14: day 13", steps: &[NoSessionDays(14), S(0, Held), S(28, Planned)], today: 13, expected: &[], health: OK },
    Case { name: "threshold lowered to 14: day 14", steps: &[NoSessionDays(14), S(0, Held), S(28, Planned)], today: 14, expected: &[(E::NoHeld(14), 0)], health: RISK },
    Case { name: "threshold raised to 28: day 21", steps: &[NoSessionDays(28), S(0, Held), S(28, Planned)], today: 21, expected: &[], health: OK },
    Case { name: "accepted before the program: counted from its start", steps: &[Since(Some(-30)), S(25, Planned)], today: 20, expected: &[], health: OK },
    Case { name: "no dates anywhere but a first session", steps: &[Since(None), NoProgramDates, S(3, Planned)], today: 24, expected: &[(E::NoHeld(21), 3), (E::NothingPlanned, 3)], health: RISK },
    Case { name: "no acceptance date: the agreement's, day 22", steps: &[Since(None), NoProgramDates, AgreedOn(2), S(30, Planned)], today: 22, expected: &[], health: OK },
    Case { name: "no acceptance date: the agreement's, day 23", steps: &[Since(None), NoProgramDates, AgreedOn(2), S(30, Planned)], today: 23, expected: &[(E::NoHeld(21), 2)], health: RISK },
    // Cancellations in a row.
    Case { name: "one cancellation", steps: &[S(0, Held), S(7, Cancelled), S(28, Planned)], today: 10, expected: &[], health: OK },
    Case { name: "two cancellations", steps: &[S(0, Held), S(7, Cancelled), S(14, Cancelled), S(28, Planned)], today: 15, expected: &[(E::InARow(2), 7)], health: RISK },
    Case { name: "three cancellations", steps: &[S(0, Held), S(5, Cancelled), S(10, Cancelled), S(15, Cancelled), S(28, Planned)], today: 16, expected: &[(E::InARow(3), 5)], health: RISK },
    Case { name: "cancelled today counts", steps: &[S(0, Held), S(7, Cancelled), S(15, Cancelled), S(28, Planned)], today: 15, expected: &[(E::InARow(2), 7)], health: RISK },
    Case { name: "a cancellation ahead is not past yet", steps: &[S(0, Held), S(7, Cancelled), S(20, Cancelled), S(28, Planned)], today: 15, expected: &[], health: OK },
    Case { name: "rescheduled is not a cancellation", steps: &[S(0, Held), S(7, Cancelled), S(14, Rescheduled), S(28, Planned)], today: 15, expected: &[], health: OK },
    Case { name: "rescheduled ahead counts as planned", steps: &[S(7, Cancelled), S(16, Rescheduled)], today: 15, expected: &[], health: OK },
    Case { name: "a held session ends the run", steps: &[S(0, Cancelled), S(7, Cancelled), S(14, Held), S(28, Planned)], today: 15, expected: &[], health: OK },
    // Ratings.
    Case { name: "rating 3", steps: &[Rated(7, Some(3), Some(4)), S(28, Planned)], today: 10, expected: &[], health: OK },
    Case { name: "rating 2 from the mentor", steps: &[Rated(7, Some(2), Some(4)), S(28, Planned)], today: 10, expected: &[(E::Rating(2, MENTOR), 7)], health: CHECK },
    Case { name: "both sides rate 1", steps: &[Rated(7, Some(1), Some(1)), S(28, Planned)], today: 10, expected: &[(E::Rating(1, MENTOR), 7), (E::Rating(1, MENTEE), 7)], health: RISK },
    Case { name: "the latest rating counts", steps: &[Rated(0, None, Some(1)), Rated(7, None, Some(4)), S(28, Planned)], today: 10, expected: &[], health: OK },
    Case { name: "an old low rating stays while unrated since", steps: &[Rated(0, Some(5), Some(2)), Rated(7, Some(5), None), S(28, Planned)], today: 10, expected: &[(E::Rating(2, MENTEE), 0)], health: CHECK },
    Case { name: "low rating raised to 3", steps: &[LowRating(3), Rated(7, Some(3), Some(4)), S(28, Planned)], today: 10, expected: &[(E::Rating(3, MENTOR), 7)], health: CHECK },
    // Mood in check-ins.
    Case { name: "mood 3", steps: &[S(7, Held), S(28, Planned), Mood(MENTEE, 10, 3)], today: 12, expected: &[], health: OK },
    Case { name: "mood 2", steps: &[S(7, Held), S(28, Planned), Mood(MENTEE, 10, 2)], today: 12, expected: &[(E::Mood(2, MENTEE), 10)], health: RISK },
    Case { name: "the latest mood counts", steps: &[S(7, Held), S(28, Planned), Mood(MENTOR, 5, 1), Mood(MENTOR, 10, 4)], today: 12, expected: &[], health: OK },
    Case { name: "low mood raised to 3", steps: &[LowMood(3), S(7, Held), S(28, Planned), Mood(MENTOR, 10, 3)], today: 12, expected: &[(E::Mood(3, MENTOR), 10)], health: RISK },
    Case { name: "a mood from before the pair started is ignored", steps: &[S(7, Held), S(28, Planned), Mood(MENTEE, -5, 1)], today: 12, expected: &[], health: OK },
    Case { name: "a self-assessment is not a check-in", steps: &[S(7, Held), S(28, Planned), PreMood(MENTEE, 10, 1)], today: 12, expected: &[], health: OK },
    // Goals by mid-program (2026-12-12, day 89); an answer on day 80 keeps check-ins quiet.
    Case { name: "no goals, day before mid-program", steps: &[S(80, Held), S(95, Planned), Mood(MENTEE, 80, 4)], today: 88, expected: &[], health: OK },
    Case { name: "no goals at mid-program", steps: &[S(80, Held), S(95, Planned), Mood(MENTEE, 80, 4)], today: 89, expected: &[(E::Goals, 89)], health: CHECK },
    Case { name: "a goal at 0 % at mid-program", steps: &[S(80, Held), S(95, Planned), Mood(MENTEE, 80, 4), WithGoal(0, &[])], today: 89, expected: &[(E::Goals, 89)], health: CHECK },
    Case { name: "a goal at 10 %", steps: &[S(80, Held), S(95, Planned), Mood(MENTEE, 80, 4), WithGoal(0, &[]), WithGoal(10, &[])], today: 89, expected: &[], health: OK },
    Case { name: "a milestone done", steps: &[S(80, Held), S(95, Planned), Mood(MENTEE, 80, 4), WithGoal(0, &[true, false])], today: 89, expected: &[], health: OK },
    Case { name: "no program dates: start + 90, day 89", steps: &[NoProgramDates, S(80, Held), S(95, Planned), Mood(MENTEE, 80, 4)], today: 89, expected: &[], health: OK },
    Case { name: "no program dates: start + 90, day 90", steps: &[NoProgramDates, S(80, Held), S(95, Planned), Mood(MENTEE, 80, 4)], today: 90, expected: &[(E::Goals, 90)], health: CHECK },
    // Nothing planned.
    Case { name: "a new pair with nothing planned", steps: &[], today: 5, expected: &[(E::NothingPlanned, 0)], health: CHECK },
    Case { name: "nothing planned for three weeks", steps: &[], today: 21, expected: &[(E::NoHeld(21), 0), (E::NothingPlanned, 0)], health: RISK },
    Case { name: "held sessions and nothing ahead", steps: &[S(0, Held)], today: 5, expected: &[], health: OK },
    // Check-ins: first at day 30, then every 60 days.
    Case { name: "day 29, no answer yet", steps: &[S(25, Held), S(35, Planned)], today: 29, expected: &[], health: OK },
    Case { name: "day 30, no answer yet", steps: &[S(25, Held), S(35, Planned)], today: 30, expected: &[(E::CheckIn(None), 30)], health: CHECK },
    Case { name: "first check-in moved to day 10", steps: &[FirstCheckin(10), S(5, Held), S(35, Planned)], today: 10, expected: &[(E::CheckIn(None), 10)], health: CHECK },
    Case { name: "every 20 days: 19 after the answer", steps: &[CheckinEvery(20), S(40, Held), S(60, Planned), Mood(MENTOR, 30, 4)], today: 49, expected: &[], health: OK },
    Case { name: "every 20 days: 20 after the answer", steps: &[CheckinEvery(20), S(40, Held), S(60, Planned), Mood(MENTOR, 30, 4)], today: 50, expected: &[(E::CheckIn(Some(30)), 50)], health: CHECK },
    Case { name: "a due check-in does not add to the risk count", steps: &[S(25, Held), S(35, Planned), Rated(26, Some(2), None)], today: 30, expected: &[(E::Rating(2, MENTOR), 26), (E::CheckIn(None), 30)], health: CHECK },
    // People who left.
    Case { name: "an inactive mentee", steps: &[S(0, Held), S(28, Planned), Inactive(MENTEE)], today: 5, expected: &[(E::Inactive(MENTEE), 0)], health: RISK },
    Case { name: "two mild alerts put a pair at risk", steps: &[Rated(80, Some(2), None), S(95, Planned), Mood(MENTEE, 80, 4)], today: 89, expected: &[(E::Rating(2, MENTOR), 80), (E::Goals, 89)], health: RISK },
];

#[test]
fn alert_rules_table() {
    let mut failures = Vec::new();
    for case in CASES {
        let mut fx = Fixture::new();
        for step in case.steps {
            fx.apply(step);
        }
        let health = fx.health(case.today);
        let expected: Vec<Alert> = case
            .expected
            .iter()
            .map(|&(e, since)| Alert::new(e.kind(&fx), day(since)))
            .collect();
        if health.alerts != expected || health.health != case.health {
            failures.push(format!(
                "{}: got {:?} {:?}, expected {:?} {:?}",
                case.name, health.health, health.alerts, case.health, expected
            ));
        }
        // The second pair has no records: nothing of this pair's may leak into it.
        let other = fx.ws.pairing.pairs[1].clone();
        let untouched = alerts::assess_pair(&fx.ws, &other, day(case.today));
        assert_eq!(
            (untouched.held, untouched.cancelled),
            (0, 0),
            "{}",
            case.name
        );
        assert!(
            !untouched.alerts.iter().any(|a| matches!(
                a.kind,
                AlertKind::CancelledInARow { .. }
                    | AlertKind::LowRating { .. }
                    | AlertKind::LowMood { .. }
                    | AlertKind::PersonInactive { .. }
            )),
            "{}: {:?}",
            case.name,
            untouched.alerts
        );
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
}

#[test]
fn suggested_actions() {
    let who = ParticipantId::from_random_bytes(seeded_bytes(1));
    let cases = [
        (AlertKind::NoSessionHeld { days: 21 }, Action::Nudge),
        (AlertKind::CancelledInARow { count: 2 }, Action::TalkToBoth),
        (
            AlertKind::CancelledInARow {
                count: REMATCH_CANCELLATIONS,
            },
            Action::Rematch,
        ),
        (AlertKind::CancelledInARow { count: 5 }, Action::Rematch),
        (
            AlertKind::LowRating {
                rating: 1,
                by: Role::Mentee,
            },
            Action::TalkToBoth,
        ),
        (
            AlertKind::LowMood {
                mood: 1,
                who: who.clone(),
            },
            Action::TalkToBoth,
        ),
        (AlertKind::NoGoalProgress, Action::SetGoals),
        (AlertKind::NoSessionsPlanned, Action::Schedule),
        (AlertKind::CheckInDue { last: None }, Action::SendCheckIn),
        (AlertKind::PersonInactive { who }, Action::Rematch),
    ];
    for (kind, action) in cases {
        assert_eq!(kind.action(), action, "{kind:?}");
        assert_eq!(Alert::new(kind.clone(), day(0)).action, action, "{kind:?}");
    }
}

#[test]
fn health_classification_table() {
    let who = ParticipantId::from_random_bytes(seeded_bytes(2));
    let rating = AlertKind::LowRating {
        rating: 2,
        by: Role::Mentee,
    };
    let checkin = AlertKind::CheckInDue { last: None };
    let cases: Vec<(Vec<AlertKind>, Health)> = vec![
        (vec![], Health::OnTrack),
        (vec![checkin.clone()], Health::NeedsCheckIn),
        (vec![rating.clone()], Health::NeedsCheckIn),
        (vec![AlertKind::NoGoalProgress], Health::NeedsCheckIn),
        (vec![AlertKind::NoSessionsPlanned], Health::NeedsCheckIn),
        (vec![rating.clone(), checkin.clone()], Health::NeedsCheckIn),
        (
            vec![rating.clone(), AlertKind::NoGoalProgress],
            Health::AtRisk,
        ),
        (vec![AlertKind::NoSessionHeld { days: 30 }], Health::AtRisk),
        (
            vec![AlertKind::CancelledInARow { count: 2 }],
            Health::AtRisk,
        ),
        (
            vec![AlertKind::LowMood {
                mood: 2,
                who: who.clone(),
            }],
            Health::AtRisk,
        ),
        (vec![AlertKind::PersonInactive { who }], Health::AtRisk),
    ];
    for (kinds, expected) in cases {
        let list: Vec<Alert> = kinds
            .iter()
            .map(|k| Alert::new(k.clone(), day(0)))
            .collect();
        assert_eq!(alerts::health_of(&list), expected, "{kinds:?}");
    }
}

fn pair_health(seed: u64, health: Health, since: &[i64]) -> PairHealth {
    let key = PairKey::new(
        ParticipantId::from_random_bytes(seeded_bytes(seed)),
        ParticipantId::from_random_bytes(seeded_bytes(seed + 500)),
    );
    PairHealth {
        pair: key,
        health,
        alerts: since
            .iter()
            .map(|&d| Alert::new(AlertKind::NoGoalProgress, day(d)))
            .collect(),
        last_held: None,
        next_planned: None,
        held: 0,
        cancelled: 0,
        planned_ahead: 0,
        goal_percent: None,
    }
}

#[test]
fn needs_attention_puts_risk_first_then_the_longest_wait() {
    let list = vec![
        pair_health(1, Health::OnTrack, &[]),
        pair_health(2, Health::NeedsCheckIn, &[10]),
        pair_health(3, Health::AtRisk, &[20]),
        pair_health(4, Health::NeedsCheckIn, &[3, 40]),
        pair_health(5, Health::AtRisk, &[15, 30]),
        pair_health(6, Health::AtRisk, &[20]),
    ];
    let order: Vec<&PairKey> = alerts::needs_attention(&list)
        .into_iter()
        .map(|h| &h.pair)
        .collect();
    let expected: Vec<&PairKey> = [4, 2, 5, 3, 1].map(|i| &list[i].pair).into_iter().collect();
    assert_eq!(
        order, expected,
        "at risk by oldest since, ties in list order, then the rest"
    );
}

#[test]
fn needs_attention_on_a_whole_program() {
    let mut fx = Fixture::new();
    let quiet = fx.key.clone();
    fx.add(quiet.clone(), 0, Held);
    fx.add(quiet.clone(), 14, Planned);
    let mentors: Vec<ParticipantId> = fx
        .ws
        .participants
        .iter()
        .filter(|p| p.role == Role::ReverseMentor && p.active)
        .map(|p| p.id.clone())
        .collect();
    let mentees: Vec<ParticipantId> = fx
        .ws
        .participants
        .iter()
        .filter(|p| p.role == Role::Mentee && p.active)
        .map(|p| p.id.clone())
        .collect();
    // A third pair accepted later: nothing planned since day 5.
    let late = PairKey::new(mentors[2].clone(), mentees[2].clone());
    fx.ws.pairing.pairs.push(Pair {
        mentor: late.mentor.clone(),
        mentee: late.mentee.clone(),
        since: Some(day(5)),
    });
    // The second pair: two cancellations, so at risk.
    let other = fx.other.clone();
    fx.add(other.clone(), 0, Held);
    fx.add(other.clone(), 3, Cancelled);
    fx.add(other.clone(), 6, Cancelled);
    fx.add(other.clone(), 14, Planned);
    let list = alerts::assess(&fx.ws, day(8));
    let keys: Vec<&PairKey> = list.iter().map(|h| &h.pair).collect();
    assert_eq!(
        keys,
        vec![&quiet, &other, &late],
        "the order of accepted pairs"
    );
    let healths: Vec<Health> = list.iter().map(|h| h.health).collect();
    assert_eq!(
        healths,
        vec![Health::OnTrack, Health::AtRisk, Health::NeedsCheckIn]
    );
    let attention: Vec<&PairKey> = alerts::needs_attention(&list)
        .into_iter()
        .map(|h| &h.pair)
        .collect();
    assert_eq!(attention, vec![&other, &late]);
    let other_health = &list[1];
    assert_eq!(
        (
            other_health.held,
            other_health.cancelled,
            other_health.planned_ahead,
            other_health.last_held,
            other_health.next_planned
        ),
        (1, 2, 1, Some(day(0)), Some(at(14)))
    );
}

#[test]
fn goal_percent_is_the_mean_of_goals() {
    let cases: [(&[(u8, &[bool])], Option<u8>); 4] = [
        (&[], None),
        (&[(40, &[])], Some(40)),
        (&[(40, &[]), (0, &[true, true, false, false])], Some(45)),
        (&[(0, &[]), (0, &[]), (1, &[])], Some(0)),
    ];
    for (goals, expected) in cases {
        let mut fx = Fixture::new();
        for (progress, milestones) in goals {
            fx.goal(*progress, milestones);
        }
        assert_eq!(fx.health(0).goal_percent, expected, "{goals:?}");
    }
}

// ---------------------------------------------------------------------------
// Session log

/// A fixture with one planned session on day 20 and an agreement with two
/// goals (one measured in milestones); returns the session and goal ids.
fn log_fixture() -> (Fixture, SessionId, GoalId, GoalId) {
    let mut fx = Fixture::new();
    let id = fx.add(fx.key.clone(), 20, Planned);
    let percent_goal = fx.goal(10, &[]);
    let milestone_goal = fx.goal(0, &[true, false]);
    (fx, id, percent_goal, milestone_goal)
}

fn entry(fx: &Fixture, id: &SessionId) -> SessionEntry {
    SessionEntry::from_session(log::find(&fx.ws.sessions, id).unwrap())
}

#[test]
fn log_validation_table_returns_every_problem() {
    let (mut fx, id, _, _) = log_fixture();
    // A goal in the other pair's agreement: real, but not this pair's.
    let foreign = GoalId::from_random_bytes(seeded_bytes(77));
    let other = fx.other.clone();
    agreement::ensure(&mut fx.ws.sessions, &fx.ws.program, &other)
        .goals
        .push(Goal::new(foreign.clone(), GoalDirection::MentorLearns));
    let today = day(20);

    /// Edits the entry, given (this pair's goal, the other pair's goal).
    type Edit = fn(&mut SessionEntry, &GoalId, &GoalId);
    /// The problems expected, given the same goals.
    type Expect = fn(&GoalId, &GoalId) -> Vec<EntryProblem>;
    let cases: &[(&str, Edit, Expect)] = &[
        ("unchanged", |_, _, _| {}, |_, _| vec![]),
        ("5 minutes", |e, _, _| e.minutes = 5, |_, _| vec![]),
        ("480 minutes", |e, _, _| e.minutes = 480, |_, _| vec![]),
        (
            "4 minutes",
            |e, _, _| e.minutes = 4,
            |_, _| vec![EntryProblem::MinutesOutOfRange { minutes: 4 }],
        ),
        (
            "481 minutes",
            |e, _, _| e.minutes = 481,
            |_, _| vec![EntryProblem::MinutesOutOfRange { minutes: 481 }],
        ),
        (
            "ratings 1 and 5",
            |e, _, _| {
                e.mentor_rating = Some(1);
                e.mentee_rating = Some(5);
            },
            |_, _| vec![],
        ),
        (
            "ratings 0 and 6",
            |e, _, _| {
                e.mentor_rating = Some(0);
                e.mentee_rating = Some(6);
            },
            |_, _| {
                vec![
                    EntryProblem::RatingOutOfRange {
                        by: Role::ReverseMentor,
                        rating: 0,
                    },
                    EntryProblem::RatingOutOfRange {
                        by: Role::Mentee,
                        rating: 6,
                    },
                ]
            },
        ),
        (
            "100 %",
            |e, g, _| {
                e.goal_progress = vec![GoalProgress {
                    goal: g.clone(),
                    percent: 100,
                }]
            },
            |_, _| vec![],
        ),
        (
            "101 %",
            |e, g, _| {
                e.goal_progress = vec![GoalProgress {
                    goal: g.clone(),
                    percent: 101,
                }]
            },
            |g, _| {
                vec![EntryProblem::PercentOver100 {
                    goal: g.clone(),
                    percent: 101,
                }]
            },
        ),
        (
            "a goal of another pair",
            |e, _, f| {
                e.goal_progress = vec![GoalProgress {
                    goal: f.clone(),
                    percent: 50,
                }]
            },
            |_, f| vec![EntryProblem::UnknownGoal { goal: f.clone() }],
        ),
        (
            "the same goal twice",
            |e, g, _| {
                e.goal_progress = vec![
                    GoalProgress {
                        goal: g.clone(),
                        percent: 20,
                    },
                    GoalProgress {
                        goal: g.clone(),
                        percent: 30,
                    },
                ]
            },
            |g, _| vec![EntryProblem::DuplicateGoal { goal: g.clone() }],
        ),
        ("held today", |e, _, _| e.status = Held, |_, _| vec![]),
        (
            "held tomorrow",
            |e, _, _| {
                e.status = Held;
                e.start = at(21);
            },
            |_, _| vec![EntryProblem::HeldInFuture { date: day(21) }],
        ),
        (
            "planned tomorrow",
            |e, _, _| e.start = at(21),
            |_, _| vec![],
        ),
        (
            "cancelled tomorrow",
            |e, _, _| {
                e.status = Cancelled;
                e.start = at(21);
            },
            |_, _| vec![],
        ),
        (
            "everything wrong at once",
            |e, g, f| {
                e.minutes = 0;
                e.mentee_rating = Some(9);
                e.goal_progress = vec![
                    GoalProgress {
                        goal: f.clone(),
                        percent: 150,
                    },
                    GoalProgress {
                        goal: g.clone(),
                        percent: 10,
                    },
                    GoalProgress {
                        goal: g.clone(),
                        percent: 10,
                    },
                ];
                e.status = Held;
                e.start = at(30);
            },
            |g, f| {
                vec![
                    EntryProblem::MinutesOutOfRange { minutes: 0 },
                    EntryProblem::RatingOutOfRange {
                        by: Role::Mentee,
                        rating: 9,
                    },
                    EntryProblem::UnknownGoal { goal: f.clone() },
                    EntryProblem::PercentOver100 {
                        goal: f.clone(),
                        percent: 150,
                    },
                    EntryProblem::DuplicateGoal { goal: g.clone() },
                    EntryProblem::HeldInFuture { date: day(30) },
                ]
            },
        ),
    ];
    let goal = fx.ws.sessions.agreement(&fx.key).unwrap().goals[0]
        .id
        .clone();
    for (name, edit, expect) in cases {
        let expected = expect(&goal, &foreign);
        let mut state = fx.ws.sessions.clone();
        let mut e = entry(&fx, &id);
        edit(&mut e, &goal, &foreign);
        let result = log::record(&mut state, e, today);
        if expected.is_empty() {
            assert_eq!(result, Ok(()), "{name}");
        } else {
            assert_eq!(result, Err(expected), "{name}");
            assert_eq!(
                state, fx.ws.sessions,
                "{name}: a refused entry changes nothing"
            );
        }
    }

    let mut state = fx.ws.sessions.clone();
    let mut e = entry(&fx, &id);
    e.id = SessionId::from_random_bytes(seeded_bytes(999));
    assert_eq!(
        log::record(&mut state, e, today),
        Err(vec![EntryProblem::UnknownSession])
    );
}

#[test]
fn sequence_and_reschedule_table() {
    type Edit = fn(&mut SessionEntry);
    // (name, edit, sequence, status, rescheduled_from)
    let cases: &[(&str, Edit, u32, SessionStatus, Option<LocalDateTime>)] = &[
        (
            "notes only",
            |e| e.notes = "prepared slides".into(),
            0,
            Planned,
            None,
        ),
        (
            "topics only",
            |e| e.topics = vec![SkillId::parse("ai-tools").unwrap()],
            0,
            Planned,
            None,
        ),
        ("longer", |e| e.minutes = 45, 1, Planned, None),
        ("held", |e| e.status = Held, 1, Held, None),
        ("cancelled", |e| e.status = Cancelled, 1, Cancelled, None),
        ("moved", |e| e.start = at(22), 1, Rescheduled, Some(at(20))),
        (
            "moved an hour",
            |e| e.start.time = LocalTime::new(11, 0).unwrap(),
            1,
            Rescheduled,
            Some(at(20)),
        ),
        (
            "held on another day",
            |e| {
                e.start = at(19);
                e.status = Held;
            },
            1,
            Held,
            Some(at(20)),
        ),
        (
            "moved, longer and cancelled: one bump per save",
            |e| {
                e.start = at(25);
                e.minutes = 60;
                e.status = Cancelled;
            },
            1,
            Cancelled,
            Some(at(20)),
        ),
    ];
    for (name, edit, sequence, status, from) in cases {
        let (mut fx, id, _, _) = log_fixture();
        let mut e = entry(&fx, &id);
        edit(&mut e);
        let wanted = e.clone();
        log::record(&mut fx.ws.sessions, e, day(20)).unwrap();
        let s = log::find(&fx.ws.sessions, &id).unwrap();
        assert_eq!(
            (s.sequence, s.status, s.rescheduled_from),
            (*sequence, *status, *from),
            "{name}"
        );
        assert_eq!(
            (s.start, s.minutes, &s.topics, &s.notes),
            (wanted.start, wanted.minutes, &wanted.topics, &wanted.notes),
            "{name}"
        );
    }

    // Moving twice keeps the time it was last moved from, and bumps again.
    let (mut fx, id, _, _) = log_fixture();
    for (offset, sequence) in [(22, 1), (24, 2)] {
        let mut e = entry(&fx, &id);
        e.start = at(offset);
        log::record(&mut fx.ws.sessions, e, day(20)).unwrap();
        let s = log::find(&fx.ws.sessions, &id).unwrap();
        assert_eq!(s.sequence, sequence);
        assert_eq!(s.status, Rescheduled);
    }
    let s = log::find(&fx.ws.sessions, &id).unwrap();
    assert_eq!(s.rescheduled_from, Some(at(22)));
}

#[test]
fn topics_are_kept_once_in_order() {
    let (mut fx, id, _, _) = log_fixture();
    let [a, b] = ["ai-tools", "social-media"].map(|s| SkillId::parse(s).unwrap());
    let mut e = entry(&fx, &id);
    e.topics = vec![a.clone(), b.clone(), a.clone()];
    log::record(&mut fx.ws.sessions, e, day(20)).unwrap();
    assert_eq!(log::find(&fx.ws.sessions, &id).unwrap().topics, vec![a, b]);
}

#[test]
fn quick_status_table() {
    let unknown = SessionId::from_random_bytes(seeded_bytes(4242));
    // (today, status, result, sequence after)
    let cases = [
        (20, Held, Ok(()), 1),
        (21, Held, Ok(()), 1),
        (
            19,
            Held,
            Err(EntryProblem::HeldInFuture { date: day(20) }),
            0,
        ),
        (19, Cancelled, Ok(()), 1),
        (19, Planned, Ok(()), 0),
    ];
    for (today, status, result, sequence) in cases {
        let (mut fx, id, _, _) = log_fixture();
        assert_eq!(
            log::quick_status(&mut fx.ws.sessions, &id, status, day(today)),
            result,
            "{status:?} on day {today}"
        );
        let s = log::find(&fx.ws.sessions, &id).unwrap();
        assert_eq!(s.sequence, sequence, "{status:?} on day {today}");
        let expected_status = if result.is_ok() { status } else { Planned };
        assert_eq!(s.status, expected_status);
    }
    let (mut fx, _, _, _) = log_fixture();
    assert_eq!(
        log::quick_status(&mut fx.ws.sessions, &unknown, Held, day(20)),
        Err(EntryProblem::UnknownSession)
    );
}

#[test]
fn recorded_goal_progress_reaches_the_agreement() {
    let (mut fx, id, percent_goal, milestone_goal) = log_fixture();
    let key = fx.key.clone();
    let mut e = entry(&fx, &id);
    e.status = Held;
    e.goal_progress = vec![
        GoalProgress {
            goal: percent_goal.clone(),
            percent: 40,
        },
        GoalProgress {
            goal: milestone_goal.clone(),
            percent: 70,
        },
    ];
    log::record(&mut fx.ws.sessions, e, day(20)).unwrap();
    let goal = |fx: &Fixture, id: &GoalId| -> Goal {
        fx.ws
            .sessions
            .agreement(&key)
            .unwrap()
            .goals
            .iter()
            .find(|g| &g.id == id)
            .unwrap()
            .clone()
    };
    assert_eq!(goal(&fx, &percent_goal).progress, 40);
    let milestones = goal(&fx, &milestone_goal);
    assert_eq!(milestones.progress, 70);
    assert_eq!(
        milestones
            .milestones
            .iter()
            .map(|m| m.done)
            .collect::<Vec<_>>(),
        vec![true, false],
        "milestones untouched"
    );
    assert_eq!(
        milestones.percent(),
        50,
        "milestones still decide the percent"
    );

    // A later session records 60 %; editing the earlier one to 30 % does not
    // roll the goal back.
    let later = fx.add(key.clone(), 27, Planned);
    let mut e = entry(&fx, &later);
    e.status = Held;
    e.goal_progress = vec![GoalProgress {
        goal: percent_goal.clone(),
        percent: 60,
    }];
    log::record(&mut fx.ws.sessions, e, day(27)).unwrap();
    assert_eq!(goal(&fx, &percent_goal).progress, 60);
    let mut e = entry(&fx, &id);
    e.goal_progress[0].percent = 30;
    log::record(&mut fx.ws.sessions, e, day(27)).unwrap();
    assert_eq!(goal(&fx, &percent_goal).progress, 60);
    assert_eq!(
        log::find(&fx.ws.sessions, &id).unwrap().goal_progress[0].percent,
        30,
        "the session keeps what was recorded at it"
    );
}

#[test]
fn unplanned_sessions_are_logged_as_held() {
    let mut fx = Fixture::new();
    let key = fx.key.clone();
    let new_id = SessionId::from_random_bytes(seeded_bytes(31));
    let id = log::add_unplanned(&mut fx.ws.sessions, key.clone(), at(3), 20, new_id.clone());
    assert_eq!(id, new_id);
    let s = log::find(&fx.ws.sessions, &id).unwrap();
    assert_eq!(
        (s.status, s.minutes, s.start, &s.pair),
        (Held, 20, at(3), &key)
    );
    let h = fx.health(10);
    assert_eq!((h.held, h.last_held), (1, Some(day(3))));
}

#[test]
fn remove_and_forget_keep_the_rest_intact() {
    let mut fx = Fixture::new();
    let (key, other) = (fx.key.clone(), fx.other.clone());
    let gone = fx.add(key.clone(), 0, Held);
    let kept = fx.add(key.clone(), 7, Held);
    let theirs = fx.add(other.clone(), 7, Held);
    fx.goal(30, &[]);
    agreement::ensure(&mut fx.ws.sessions, &fx.ws.program, &other);
    fx.answer(Role::Mentee, RoundKind::CheckIn, 5, 4);

    let before = fx.ws.sessions.clone();
    let removed = log::remove(&mut fx.ws.sessions, &gone).unwrap();
    assert_eq!(removed.id, gone);
    assert_eq!(log::remove(&mut fx.ws.sessions, &gone), None);
    let remaining: Vec<&SessionId> = fx.ws.sessions.sessions.iter().map(|s| &s.id).collect();
    assert_eq!(remaining, vec![&kept, &theirs]);
    assert_eq!(fx.ws.sessions.agreements, before.agreements);
    assert_eq!(fx.ws.sessions.responses, before.responses);

    // Removing the mentee takes their pair's records and nothing else.
    let other_sessions: Vec<Session> = fx
        .ws
        .sessions
        .sessions_of(&other)
        .into_iter()
        .cloned()
        .collect();
    let other_agreement = fx.ws.sessions.agreement(&other).cloned();
    fx.ws.remove_participant(&key.mentee).unwrap();
    assert!(fx.ws.sessions.sessions.iter().all(|s| s.pair == other));
    assert_eq!(
        fx.ws
            .sessions
            .sessions_of(&other)
            .into_iter()
            .cloned()
            .collect::<Vec<_>>(),
        other_sessions
    );
    assert_eq!(fx.ws.sessions.agreement(&key), None);
    assert_eq!(fx.ws.sessions.agreement(&other).cloned(), other_agreement);
    assert!(fx.ws.sessions.responses.is_empty());
    let list = alerts::assess(&fx.ws, day(8));
    assert_eq!(
        list.iter().map(|h| &h.pair).collect::<Vec<_>>(),
        vec![&other]
    );
    assert_eq!(list[0].held, 1);
}

// ---------------------------------------------------------------------------
// Agreements

#[test]
fn agreement_starts_from_the_program() {
    let demo = demo_workspace().program;
    let key = PairKey::new(
        ParticipantId::from_random_bytes(seeded_bytes(1)),
        ParticipantId::from_random_bytes(seeded_bytes(2)),
    );
    let custom = |edit: fn(&mut Program)| {
        let mut p = demo.clone();
        edit(&mut p);
        p
    };
    // (name, program, minutes, review dates)
    let cases: Vec<(&str, Program, u16, Vec<Date>)> = vec![
        (
            "demo",
            demo.clone(),
            30,
            vec![day(89), Date::new(2027, 3, 12).unwrap()],
        ),
        (
            "45 minutes",
            custom(|p| p.session_minutes = 45),
            45,
            vec![day(89), Date::new(2027, 3, 12).unwrap()],
        ),
        (
            "minutes out of range",
            custom(|p| p.session_minutes = 0),
            30,
            vec![day(89), Date::new(2027, 3, 12).unwrap()],
        ),
        ("no end date", custom(|p| p.end_date = None), 30, vec![]),
        (
            "no dates",
            custom(|p| {
                p.start_date = None;
                p.end_date = None;
            }),
            30,
            vec![],
        ),
        (
            "one-day program",
            custom(|p| p.end_date = p.start_date),
            30,
            vec![day(0)],
        ),
        (
            "end before start",
            custom(|p| p.end_date = Date::new(2026, 1, 1)),
            30,
            vec![],
        ),
    ];
    for (name, program, minutes, reviews) in cases {
        let a = Agreement::from_program(&program, key.clone());
        assert_eq!(a.pair, key, "{name}");
        assert_eq!(a.cadence, program.cadence, "{name}");
        assert_eq!(a.session_minutes, minutes, "{name}");
        assert_eq!(a.ground_rules, program.ground_rules, "{name}");
        assert_eq!(a.review_dates, reviews, "{name}");
        assert!(
            a.goals.is_empty() && a.channel.is_none() && a.agreed_on.is_none(),
            "{name}"
        );
    }

    let mut program = demo.clone();
    program.cadence = Cadence::Monthly;
    program.ground_rules.standard = vec![StandardRule::Confidentiality];
    program.ground_rules.custom = vec!["Cameras on".into()];
    let a = Agreement::from_program(&program, key);
    assert_eq!(a.cadence, Cadence::Monthly);
    assert_eq!(a.ground_rules, program.ground_rules);
}

#[test]
fn ensure_creates_once_and_keeps_edits() {
    let mut fx = Fixture::new();
    let key = fx.key.clone();
    assert!(fx.ws.sessions.agreement(&key).is_none());
    agreement::ensure(&mut fx.ws.sessions, &fx.ws.program, &key).notes = "kept".into();
    let again = agreement::ensure(&mut fx.ws.sessions, &fx.ws.program, &key);
    assert_eq!(again.notes, "kept");
    assert_eq!(fx.ws.sessions.agreements.len(), 1);
}

#[test]
fn suggested_channel_table() {
    use Channel::*;
    let cases: &[(&[Channel], &[Channel], Option<Channel>)] = &[
        // (mentor, mentee, suggestion)
        (
            &[Chat, VideoCall],
            &[InPerson, VideoCall, Chat],
            Some(VideoCall),
        ),
        (&[Chat, InPerson], &[InPerson, Chat], Some(InPerson)),
        (&[Chat], &[InPerson], Some(Chat)),
        (&[], &[Phone, Email], Some(Phone)),
        (&[Email], &[], Some(Email)),
        (&[], &[], None),
    ];
    for (mentor, mentee, expected) in cases {
        let mut ws = Workspace::default();
        let mut people = [Role::ReverseMentor, Role::Mentee]
            .into_iter()
            .enumerate()
            .map(|(i, role)| {
                Participant::new(
                    ParticipantId::from_random_bytes(seeded_bytes(i as u64 + 1)),
                    role,
                )
            });
        let (mut m, mut e) = (people.next().unwrap(), people.next().unwrap());
        m.channels = mentor.to_vec();
        e.channels = mentee.to_vec();
        let key = PairKey::new(m.id.clone(), e.id.clone());
        ws.participants = vec![m, e];
        assert_eq!(
            agreement::suggested_channel(&ws, &key),
            *expected,
            "{mentor:?} / {mentee:?}"
        );
    }
    let strangers = PairKey::new(
        ParticipantId::from_random_bytes(seeded_bytes(90)),
        ParticipantId::from_random_bytes(seeded_bytes(91)),
    );
    assert_eq!(
        agreement::suggested_channel(&demo_workspace(), &strangers),
        None
    );

    // Demo people, by name: (mentor, mentee, suggestion).
    let demo = demo_workspace();
    let by_name = |name: &str| {
        demo.participants
            .iter()
            .find(|p| p.name == name)
            .unwrap()
            .id
            .clone()
    };
    let cases = [
        ("Giulia Marchetti", "Giorgio Bellandi", Some(VideoCall)),
        ("Chiara Lombardi", "Marco Pellegrini", Some(InPerson)),
        ("Luca Romano", "Roberto Gallo", Some(VideoCall)),
        ("Alessandro Greco", "Elena Castillo Vidal", Some(InPerson)),
    ];
    for (mentor, mentee, expected) in cases {
        let key = PairKey::new(by_name(mentor), by_name(mentee));
        assert_eq!(
            agreement::suggested_channel(&demo, &key),
            expected,
            "{mentor} / {mentee}"
        );
    }
}

#[test]
fn goal_problems_table() {
    let program = demo_workspace().program;
    let base = || {
        let mut g = Goal::new(
            GoalId::from_random_bytes(seeded_bytes(5)),
            GoalDirection::MentorLearns,
        );
        g.text = "Present the Q3 plan to the board".into();
        g.measure = "Board feedback".into();
        g.target_date = Some(day(60));
        g
    };
    type Edit = fn(&mut Goal);
    let cases: &[(&str, Edit, Vec<GoalProblem>)] = &[
        ("smart", |_| {}, vec![]),
        (
            "blank text",
            |g| g.text = "   ".into(),
            vec![GoalProblem::EmptyText],
        ),
        (
            "no measure",
            |g| g.measure.clear(),
            vec![GoalProblem::NoMeasure],
        ),
        (
            "no date",
            |g| g.target_date = None,
            vec![GoalProblem::NoTargetDate],
        ),
        ("on the first day", |g| g.target_date = Some(day(0)), vec![]),
        (
            "before the start",
            |g| g.target_date = Some(day(-1)),
            vec![GoalProblem::TargetBeforeStart { start: day(0) }],
        ),
        (
            "on the last day",
            |g| g.target_date = Date::new(2027, 3, 12),
            vec![],
        ),
        (
            "after the end",
            |g| g.target_date = Date::new(2027, 3, 13),
            vec![GoalProblem::TargetAfterEnd {
                end: Date::new(2027, 3, 12).unwrap(),
            }],
        ),
        ("100 %", |g| g.progress = 100, vec![]),
        (
            "101 %",
            |g| g.progress = 101,
            vec![GoalProblem::ProgressOver100 { progress: 101 }],
        ),
        (
            "101 % ignored with milestones",
            |g| {
                g.progress = 101;
                g.milestones = vec![Milestone {
                    text: "Draft".into(),
                    done: true,
                }];
            },
            vec![],
        ),
        (
            "a blank milestone",
            |g| {
                g.milestones = vec![
                    Milestone {
                        text: "Draft".into(),
                        done: true,
                    },
                    Milestone {
                        text: " ".into(),
                        done: false,
                    },
                ]
            },
            vec![GoalProblem::EmptyMilestone { index: 1 }],
        ),
        (
            "everything",
            |g| {
                g.text.clear();
                g.measure.clear();
                g.target_date = None;
                g.progress = 200;
            },
            vec![
                GoalProblem::EmptyText,
                GoalProblem::NoMeasure,
                GoalProblem::NoTargetDate,
                GoalProblem::ProgressOver100 { progress: 200 },
            ],
        ),
    ];
    for (name, edit, expected) in cases {
        let mut goal = base();
        edit(&mut goal);
        assert_eq!(
            &agreement::goal_problems(&goal, &program),
            expected,
            "{name}"
        );
    }
    let undated = Program::default();
    let mut goal = base();
    goal.target_date = Date::new(1999, 1, 1);
    assert_eq!(
        agreement::goal_problems(&goal, &undated),
        vec![],
        "no program dates, no range"
    );
}

//! What is kept about running the program once pairs are accepted: each
//! pair's agreement and goals, its sessions, check-in rounds and the answers
//! that came back, alert thresholds and the coordinator's edited messages.
//!
//! Everything is keyed by [`PairKey`] or [`ParticipantId`], never by index, so
//! history survives re-pairing: sessions of a pair that was later changed stay
//! as that pair's record.

use crate::domain::date::Date;
use crate::domain::ids::{GoalId, ObjectiveId, ParticipantId, RoundId, SessionId};
use crate::domain::matching::PairKey;
use crate::domain::participants::{Channel, Weekday};
use crate::domain::program::{Cadence, GroundRules};
use crate::domain::skills::{Lang, SkillId};
use std::fmt;

/// A wall-clock time of day, in minutes after midnight (0..1440).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalTime(u16);

impl LocalTime {
    pub fn new(hour: u8, minute: u8) -> Option<LocalTime> {
        (hour < 24 && minute < 60).then(|| LocalTime(u16::from(hour) * 60 + u16::from(minute)))
    }

    pub fn from_minutes(minutes: u16) -> Option<LocalTime> {
        (minutes < 24 * 60).then_some(LocalTime(minutes))
    }

    /// Parses `HH:MM` (24-hour), the form files and `<input type=time>` use.
    pub fn parse(text: &str) -> Option<LocalTime> {
        let (h, m) = text.split_once(':')?;
        if h.len() != 2 || m.len() != 2 || !(h.bytes().chain(m.bytes())).all(|b| b.is_ascii_digit())
        {
            return None;
        }
        LocalTime::new(h.parse().ok()?, m.parse().ok()?)
    }

    pub fn minutes(self) -> u16 {
        self.0
    }
    pub fn hour(self) -> u8 {
        (self.0 / 60) as u8
    }
    pub fn minute(self) -> u8 {
        (self.0 % 60) as u8
    }
}

impl fmt::Display for LocalTime {
    /// `HH:MM`, 24-hour; localized display is the UI's job.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:02}:{:02}", self.hour(), self.minute())
    }
}

/// A date and wall-clock time in the program's time zone
/// ([`SessionSettings::time_zone`]). Sessions keep the local time people agreed
/// on ("Tuesdays at 10:00"); conversion to UTC happens only for calendars.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct LocalDateTime {
    pub date: Date,
    pub time: LocalTime,
}

/// Which way a goal's learning flows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum GoalDirection {
    /// What the senior mentee learns from the reverse mentor.
    MenteeLearns,
    /// What the reverse mentor learns back (experience, context, career advice).
    MentorLearns,
}

impl GoalDirection {
    pub const ALL: [GoalDirection; 2] = [GoalDirection::MenteeLearns, GoalDirection::MentorLearns];
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Milestone {
    pub text: String,
    pub done: bool,
}

/// A SMART goal: specific text, how success is measured, a target date.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Goal {
    pub id: GoalId,
    pub direction: GoalDirection,
    /// What will be learnt or done, specifically.
    pub text: String,
    /// How both will know it is achieved ("posts twice a week on LinkedIn").
    pub measure: String,
    pub skill: Option<SkillId>,
    /// The company objective this goal serves, when there is one.
    pub objective: Option<ObjectiveId>,
    pub target_date: Option<Date>,
    /// 0–100; ignored when there are milestones (progress then counts them).
    pub progress: u8,
    pub milestones: Vec<Milestone>,
}

impl Goal {
    pub fn new(id: GoalId, direction: GoalDirection) -> Goal {
        Goal {
            id,
            direction,
            text: String::new(),
            measure: String::new(),
            skill: None,
            objective: None,
            target_date: None,
            progress: 0,
            milestones: Vec::new(),
        }
    }

    /// Progress in percent: the share of milestones done when there are any,
    /// otherwise the recorded percentage (capped at 100).
    pub fn percent(&self) -> u8 {
        if self.milestones.is_empty() {
            self.progress.min(100)
        } else {
            let done = self.milestones.iter().filter(|m| m.done).count();
            ((done * 100) / self.milestones.len()) as u8
        }
    }
}

/// A pair's working agreement, started from the program's defaults.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Agreement {
    pub pair: PairKey,
    pub goals: Vec<Goal>,
    pub cadence: Cadence,
    pub session_minutes: u16,
    pub channel: Option<Channel>,
    /// Starts as the program's ground rules; the pair may add or drop rules.
    pub ground_rules: GroundRules,
    /// When the pair reviews its goals together (e.g. mid-way and at the end).
    pub review_dates: Vec<Date>,
    /// When both agreed to it; `None` while it is a draft.
    pub agreed_on: Option<Date>,
    pub notes: String,
}

/// How a schedule treats dates the coordinator marks as holidays.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum HolidayPolicy {
    /// Sessions may fall on holidays.
    Ignore,
    /// A session on a holiday is dropped and the series extended, so the
    /// count is kept.
    Skip,
    /// A session on a holiday moves to the next day that is not one.
    NextDay,
}

/// What the schedule generator needs; the UI proposes weekday and time from
/// the pair's shared availability.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScheduleSpec {
    /// The first session is on the first `weekday` on or after this date.
    pub start: Date,
    pub cadence: Cadence,
    pub count: u16,
    pub weekday: Weekday,
    pub time: LocalTime,
    pub minutes: u16,
    pub holidays: Vec<Date>,
    pub holiday_policy: HolidayPolicy,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SessionStatus {
    /// Scheduled, not yet logged.
    Planned,
    Held,
    Cancelled,
    /// Moved to a new time; [`Session::rescheduled_from`] keeps the old one.
    Rescheduled,
}

impl SessionStatus {
    pub const ALL: [SessionStatus; 4] = [
        SessionStatus::Planned,
        SessionStatus::Held,
        SessionStatus::Cancelled,
        SessionStatus::Rescheduled,
    ];
}

/// Progress on one goal as recorded at a session.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalProgress {
    pub goal: GoalId,
    pub percent: u8,
}

/// One meeting of a pair, planned or logged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Session {
    pub id: SessionId,
    pub pair: PairKey,
    pub start: LocalDateTime,
    pub minutes: u16,
    pub status: SessionStatus,
    pub rescheduled_from: Option<LocalDateTime>,
    /// Skills from the catalogue that were covered.
    pub topics: Vec<SkillId>,
    pub notes: String,
    /// 1–5 from each side, when they gave one.
    pub mentor_rating: Option<u8>,
    pub mentee_rating: Option<u8>,
    pub goal_progress: Vec<GoalProgress>,
    /// iCalendar SEQUENCE: raised whenever time or status changes, so
    /// calendar apps replace the event they already have.
    pub sequence: u32,
}

impl Session {
    pub const MIN_RATING: u8 = 1;
    pub const MAX_RATING: u8 = 5;
}

/// What a round asks. Check-ins run during the program; the self-assessments
/// before and after reuse the same links, tokens and answer files.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum RoundKind {
    CheckIn,
    PreAssessment,
    PostAssessment,
}

impl RoundKind {
    pub const ALL: [RoundKind; 3] = [
        RoundKind::CheckIn,
        RoundKind::PreAssessment,
        RoundKind::PostAssessment,
    ];
}

/// A per-person secret carried only in their link; answers are signed with it
/// (HMAC-SHA-256), so an answer cannot be forged for someone else or altered
/// on the way back.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token(pub [u8; 16]);

impl Token {
    pub fn to_hex(self) -> String {
        self.0.iter().map(|b| format!("{b:02x}")).collect()
    }

    pub fn from_hex(text: &str) -> Option<Token> {
        if text.len() != 32 || !text.is_ascii() {
            return None;
        }
        let mut bytes = [0u8; 16];
        for (i, byte) in bytes.iter_mut().enumerate() {
            *byte = u8::from_str_radix(&text[i * 2..i * 2 + 2], 16).ok()?;
        }
        Some(Token(bytes))
    }
}

impl fmt::Debug for Token {
    /// Never print secrets in logs or panic messages.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Token(…)")
    }
}

/// One person asked in a round, with their secret.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Invitation {
    pub participant: ParticipantId,
    pub token: Token,
}

/// A check-in (or self-assessment) round: who is asked, from when, until when.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CheckinRound {
    pub id: RoundId,
    pub kind: RoundKind,
    pub opens: Date,
    /// Answers given after this day are refused.
    pub closes: Date,
    pub invitations: Vec<Invitation>,
}

/// One answer value; which questions exist depends on the round kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AnswerValue {
    /// A point on a 1–5 scale.
    Scale(u8),
    /// 0–100.
    Percent(u8),
    Text(String),
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Answer {
    /// A stable question id such as `mood`; see `sessions::checkin`.
    pub question: String,
    pub value: AnswerValue,
}

/// A verified answer to a round, attached to its person.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Response {
    pub round: RoundId,
    pub participant: ParticipantId,
    pub answered_on: Date,
    pub imported_on: Date,
    pub answers: Vec<Answer>,
}

impl Response {
    pub fn answer(&self, question: &str) -> Option<&AnswerValue> {
        self.answers
            .iter()
            .find(|a| a.question == question)
            .map(|a| &a.value)
    }
}

/// Thresholds for the needs-attention list.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AlertSettings {
    /// A pair with no session held for this many days is at risk.
    pub no_session_days: u16,
    /// A rating at or below this (1–5) needs a conversation.
    pub low_rating: u8,
    /// A check-in mood at or below this (1–5) needs a conversation.
    pub low_mood: u8,
}

impl Default for AlertSettings {
    /// 21 days without activity is when a leading mentoring tool flags a pair
    /// as stuck (domain notes).
    fn default() -> Self {
        AlertSettings {
            no_session_days: 21,
            low_rating: 2,
            low_mood: 2,
        }
    }
}

/// Program-wide settings for running sessions and check-ins.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SessionSettings {
    /// IANA zone of the program's calendar (`Europe/Madrid`); empty means UTC.
    pub time_zone: String,
    /// First check-in this many days after a pair starts…
    pub first_checkin_day: u16,
    /// …then one every this many days.
    pub checkin_every_days: u16,
    /// Days off that schedules can skip.
    pub holidays: Vec<Date>,
    pub alerts: AlertSettings,
}

impl Default for SessionSettings {
    /// First check-in at day 30, then every 60 days, as a leading tool does.
    fn default() -> Self {
        SessionSettings {
            time_zone: String::new(),
            first_checkin_day: 30,
            checkin_every_days: 60,
            holidays: Vec::new(),
            alerts: AlertSettings::default(),
        }
    }
}

/// Messages the coordinator sends by email (`mailto:`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum TemplateKind {
    Invitation,
    MatchAnnouncement,
    SessionReminder,
    CheckinRequest,
    /// The before/after self-assessment (same link mechanism as check-ins).
    AssessmentRequest,
    Nudge,
    ThankYou,
}

impl TemplateKind {
    pub const ALL: [TemplateKind; 7] = [
        TemplateKind::Invitation,
        TemplateKind::MatchAnnouncement,
        TemplateKind::SessionReminder,
        TemplateKind::CheckinRequest,
        TemplateKind::AssessmentRequest,
        TemplateKind::Nudge,
        TemplateKind::ThankYou,
    ];
}

/// A coordinator's own wording of a message in one language, replacing the
/// built-in text for that language.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TemplateOverride {
    pub kind: TemplateKind,
    pub lang: Lang,
    pub subject: String,
    pub body: String,
}

/// Everything about running the program, saved with the workspace.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SessionsState {
    pub settings: SessionSettings,
    pub agreements: Vec<Agreement>,
    pub sessions: Vec<Session>,
    pub rounds: Vec<CheckinRound>,
    pub responses: Vec<Response>,
    pub templates: Vec<TemplateOverride>,
}

impl SessionsState {
    pub fn agreement(&self, pair: &PairKey) -> Option<&Agreement> {
        self.agreements.iter().find(|a| &a.pair == pair)
    }

    pub fn agreement_mut(&mut self, pair: &PairKey) -> Option<&mut Agreement> {
        self.agreements.iter_mut().find(|a| &a.pair == pair)
    }

    /// A pair's sessions in time order.
    pub fn sessions_of(&self, pair: &PairKey) -> Vec<&Session> {
        let mut list: Vec<&Session> = self.sessions.iter().filter(|s| &s.pair == pair).collect();
        list.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));
        list
    }

    pub fn template(&self, kind: TemplateKind, lang: Lang) -> Option<&TemplateOverride> {
        self.templates
            .iter()
            .find(|t| t.kind == kind && t.lang == lang)
    }

    /// Drops everything about a person who leaves the records: their
    /// agreements, sessions, invitations and answers (their data goes with them).
    pub fn forget(&mut self, id: &ParticipantId) {
        self.agreements.retain(|a| !a.pair.involves(id));
        self.sessions.retain(|s| !s.pair.involves(id));
        for round in &mut self.rounds {
            round.invitations.retain(|i| &i.participant != id);
        }
        self.responses.retain(|r| &r.participant != id);
    }

    /// Unlinks goals from objectives the program no longer has (the goal
    /// itself stays), so removing an objective never leaves a dangling link.
    pub fn unlink_objectives(&mut self, kept: &[ObjectiveId]) {
        for goal in self.agreements.iter_mut().flat_map(|a| a.goals.iter_mut()) {
            if goal.objective.as_ref().is_some_and(|o| !kept.contains(o)) {
                goal.objective = None;
            }
        }
    }

    /// Whether a goal or a logged session refers to the skill.
    pub fn uses_skill(&self, skill: &SkillId) -> bool {
        self.agreements
            .iter()
            .flat_map(|a| &a.goals)
            .any(|g| g.skill.as_ref() == Some(skill))
            || self.sessions.iter().any(|s| s.topics.contains(skill))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_time_parses_and_prints() {
        let cases = [
            ("10:30", Some(630)),
            ("00:00", Some(0)),
            ("23:59", Some(1439)),
            ("24:00", None),
            ("9:30", None),
            ("10:60", None),
            ("1030", None),
            ("", None),
        ];
        for (text, minutes) in cases {
            assert_eq!(
                LocalTime::parse(text).map(LocalTime::minutes),
                minutes,
                "{text}"
            );
        }
        assert_eq!(LocalTime::new(9, 5).unwrap().to_string(), "09:05");
    }

    #[test]
    fn goal_percent_counts_milestones_when_present() {
        let mut goal = Goal::new(
            GoalId::from_random_bytes([1; 16]),
            GoalDirection::MenteeLearns,
        );
        goal.progress = 140;
        assert_eq!(goal.percent(), 100);
        goal.milestones = vec![
            Milestone {
                text: "a".into(),
                done: true,
            },
            Milestone {
                text: "b".into(),
                done: false,
            },
            Milestone {
                text: "c".into(),
                done: false,
            },
        ];
        assert_eq!(goal.percent(), 33);
    }

    #[test]
    fn tokens_round_trip_as_hex_and_hide_in_debug() {
        let token = Token([0xab; 16]);
        assert_eq!(Token::from_hex(&token.to_hex()), Some(token));
        assert_eq!(Token::from_hex("zz"), None);
        assert_eq!(format!("{token:?}"), "Token(…)");
    }
}

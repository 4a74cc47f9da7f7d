//! Running the program after pairing: agreements and goals, schedules,
//! the session log, check-in rounds, alerts and messages.

pub mod agreement;
pub mod alerts;
pub mod checkin;
pub mod log;
pub mod model;
pub mod schedule;
pub mod templates;
pub mod tz;

pub use model::{
    Agreement, AlertSettings, Answer, AnswerValue, CheckinRound, Goal, GoalDirection, GoalProgress,
    HolidayPolicy, Invitation, LocalDateTime, LocalTime, Milestone, Response, RoundKind,
    ScheduleSpec, Session, SessionSettings, SessionStatus, SessionsState, TemplateKind,
    TemplateOverride, Token,
};

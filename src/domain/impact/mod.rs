//! Measuring and recognising the program: pre/post assessments, metrics
//! arranged by Kirkpatrick's four levels, small-group suppression and
//! certificate eligibility.
//!
//! - [`suppress`]: the privacy rule ([`Shown`]) every aggregate goes through.
//! - [`scope`]: the whole program or one department.
//! - [`metrics`]: every figure of the Impact page and what it means
//!   ([`measure`], [`by_department`]).
//! - [`complement`]: what else a department breakdown withholds, so that the
//!   program minus the departments shown never describes one or two people.
//! - [`gains`]: skill gains, offered-skill self-ratings, the program survey.
//! - [`levels`](mod@levels): the figures arranged as Reaction, Learning, Behaviour, Results.
//! - [`certificates`](mod@certificates): who completed the program and what their certificate says.
//!
//! The records are indexed once per call (`records`), so a program of
//! 2,000 people is measured in time linear in its records.

pub mod certificates;
pub mod comments;
pub mod complement;
pub mod gains;
pub mod levels;
pub mod metrics;
pub mod model;
mod records;
pub mod rounds;
pub mod scope;
pub mod suppress;

pub use certificates::{Certificate, Certificates, NotYetEligible, PendingReason, certificates};
pub use comments::{Comment, comments};
pub use gains::{
    AssessmentQuestion, GainStats, OFFER_PREFIX, OfferedRating, SkillGain, SurveyQuestion,
    SurveyResult, assessment_question, direction_of,
};
pub use levels::{Level, LevelMeasures, Measure, levels};
pub use metrics::{
    DepartmentImpact, Funnel, GoalCompletion, GoalStats, Impact, ObjectiveKpi, Practice, Retention,
    RoleRetention, RoundMood, ScaleSummary, SideRating, by_department, measure,
};
pub use model::{CertificateCriteria, ImpactState, Leaver, MIN_GROUP, ReportNotes};
pub use rounds::assessment_window;
pub use scope::Scope;
pub use suppress::Shown;

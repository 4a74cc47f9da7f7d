//! The pure domain core: every rule of a reverse-mentoring program, with no
//! knowledge of the browser. Nothing here may depend on leptos, web-sys, gloo
//! or wasm-bindgen; it is all tested natively with `cargo test`.

pub mod backups;
pub mod date;
pub mod demo;
pub mod filter;
pub mod history;
pub mod ids;
pub mod impact;
pub mod matching;
pub mod merge;
pub mod overview;
pub mod participants;
pub mod problem;
pub mod program;
pub mod sessions;
pub mod skills;
pub mod synthetic;
pub mod text;
pub mod validation;
pub mod workspace;

pub use date::Date;
pub use filter::{ParticipantFilter, SearchIndex};
pub use ids::{GoalId, ObjectiveId, ParticipantId, RoundId, SessionId};
pub use overview::{DepartmentCount, ObjectiveProgress, Overview, SkillBalance};
pub use participants::{
    Availability, Channel, DayPart, OfferedSkill, Participant, Priority, Role, Seniority,
    WantedSkill, Weekday,
};
pub use problem::{Problem, ProblemKind};
pub use program::{Cadence, GroundRules, Objective, Program, StandardRule};
pub use skills::{Catalogue, CustomSkill, Lang, SkillId, SkillKind};
pub use workspace::Workspace;

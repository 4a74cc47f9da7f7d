//! The program: its purpose, dates, objectives tied to company goals, rhythm
//! and ground rules.

use super::date::Date;
use super::ids::ObjectiveId;
use super::skills::SkillId;

/// How often pairs are expected to meet.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Cadence {
    Weekly,
    Fortnightly,
    Monthly,
}

impl Cadence {
    pub const ALL: [Cadence; 3] = [Cadence::Weekly, Cadence::Fortnightly, Cadence::Monthly];

    pub fn days(self) -> u16 {
        match self {
            Cadence::Weekly => 7,
            Cadence::Fortnightly => 14,
            Cadence::Monthly => 30,
        }
    }
}

/// Ground rules every program should consider; their wording lives in the UI's
/// translations so each person reads them in their language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum StandardRule {
    /// What is said in a session stays in the pair.
    Confidentiality,
    /// Either side may end the pair without giving reasons or facing consequences.
    NoFaultExit,
    /// Both come prepared and keep to the agreed length.
    RespectTime,
    /// Feedback flows both ways, upward included, without career risk.
    SafeFeedback,
    /// The pair agrees its own learning goals in both directions.
    GoalsBothWays,
}

impl StandardRule {
    pub const ALL: [StandardRule; 5] = [
        StandardRule::Confidentiality,
        StandardRule::NoFaultExit,
        StandardRule::RespectTime,
        StandardRule::SafeFeedback,
        StandardRule::GoalsBothWays,
    ];
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GroundRules {
    pub standard: Vec<StandardRule>,
    /// Extra rules written by the coordinator, one per entry.
    pub custom: Vec<String>,
}

impl Default for GroundRules {
    /// Confidentiality and a no-fault exit are on by default: the seeds and
    /// common practice treat them as the minimum for candour.
    fn default() -> Self {
        GroundRules {
            standard: StandardRule::ALL.to_vec(),
            custom: Vec::new(),
        }
    }
}

/// A measurable objective linked to a company goal, e.g. Marketing: grow
/// social-media engagement from 2 % to 5 %.
#[derive(Clone, Debug, PartialEq)]
pub struct Objective {
    pub id: ObjectiveId,
    pub title: String,
    /// The company goal this serves, in the coordinator's words.
    pub company_goal: String,
    pub owner_department: String,
    pub kpi_name: String,
    /// Free unit text: `%`, `people`, `posts/month`.
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    /// The latest measured value; `None` until someone measures it.
    pub current: Option<f64>,
    /// Skills that move this objective; pairing weighs them more (later issue).
    pub skills: Vec<SkillId>,
}

impl Objective {
    /// Share of the way from baseline to target, clamped to 0–1; works for
    /// targets below the baseline too (e.g. reduce turnover). `None` when there
    /// is no current value or target equals baseline.
    pub fn progress(&self) -> Option<f64> {
        let current = self.current?;
        let span = self.target - self.baseline;
        if span == 0.0 || !span.is_finite() {
            return None;
        }
        Some(((current - self.baseline) / span).clamp(0.0, 1.0))
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct Program {
    pub name: String,
    pub organisation: String,
    pub description: String,
    pub start_date: Option<Date>,
    pub end_date: Option<Date>,
    pub objectives: Vec<Objective>,
    pub cadence: Cadence,
    /// Minutes per session; the seeds recommend short sessions, 30 at most.
    pub session_minutes: u16,
    pub ground_rules: GroundRules,
}

impl Program {
    pub const DEFAULT_SESSION_MINUTES: u16 = 30;
    pub const MIN_SESSION_MINUTES: u16 = 10;
    pub const MAX_SESSION_MINUTES: u16 = 240;
}

impl Default for Program {
    fn default() -> Self {
        Program {
            name: String::new(),
            organisation: String::new(),
            description: String::new(),
            start_date: None,
            end_date: None,
            objectives: Vec::new(),
            cadence: Cadence::Fortnightly,
            session_minutes: Program::DEFAULT_SESSION_MINUTES,
            ground_rules: GroundRules::default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{ObjectiveId, seeded_bytes};

    fn objective(baseline: f64, target: f64, current: Option<f64>) -> Objective {
        Objective {
            id: ObjectiveId::from_random_bytes(seeded_bytes(1)),
            title: "t".into(),
            company_goal: String::new(),
            owner_department: String::new(),
            kpi_name: "k".into(),
            unit: "%".into(),
            baseline,
            target,
            current,
            skills: vec![],
        }
    }

    #[test]
    fn progress_table() {
        let cases = [
            (2.0, 5.0, Some(3.5), Some(0.5)),
            (2.0, 5.0, Some(9.0), Some(1.0)),
            (2.0, 5.0, Some(1.0), Some(0.0)),
            (20.0, 10.0, Some(15.0), Some(0.5)),
            (2.0, 2.0, Some(2.0), None),
            (2.0, 5.0, None, None),
        ];
        for (baseline, target, current, expected) in cases {
            assert_eq!(objective(baseline, target, current).progress(), expected);
        }
    }

    #[test]
    fn defaults_follow_the_seeds() {
        let program = Program::default();
        assert_eq!(program.session_minutes, 30);
        assert!(
            program
                .ground_rules
                .standard
                .contains(&StandardRule::Confidentiality)
        );
        assert!(
            program
                .ground_rules
                .standard
                .contains(&StandardRule::NoFaultExit)
        );
    }
}

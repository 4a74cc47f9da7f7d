//! The figures arranged by Kirkpatrick's four levels of evaluation, the way
//! training results are reported to a board:
//!
//! 1. **Reaction** (did people value it?): both sides' session ratings, the
//!    survey's satisfaction and would-recommend, check-in "how is it going",
//!    and the mood trend across check-in rounds.
//! 2. **Learning** (did they learn?): skill gains in both directions, what
//!    mentees' goals achieved, and offered-skill self-ratings as context.
//! 3. **Behaviour** (do they apply it?): the survey's applied-at-work,
//!    sustained practice (sessions held against due, hours), and the goals
//!    reverse mentors set to learn back, which are mostly about acting
//!    differently (leading, networking, career moves).
//! 4. **Results** (did the company gain?): objective KPIs from baseline
//!    towards target, and retention of the people who took part.
//!
//! Measures carry data and ids only; the UI words and draws them.

use super::gains::{OfferedRating, SkillGain, SurveyQuestion, SurveyResult};
use super::metrics::{
    GoalCompletion, Impact, ObjectiveKpi, Practice, RoleRetention, RoundMood, ScaleSummary,
    SideRating,
};
use super::suppress::Shown;
use crate::domain::sessions::GoalDirection;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Level {
    Reaction,
    Learning,
    Behaviour,
    Results,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Level::Reaction,
        Level::Learning,
        Level::Behaviour,
        Level::Results,
    ];
}

/// One thing to show at a level.
#[derive(Clone, Debug, PartialEq)]
pub enum Measure {
    SessionRatings(SideRating),
    Survey(SurveyResult),
    CheckinGoing(Shown<ScaleSummary>),
    MoodTrend(Vec<RoundMood>),
    SkillGains {
        direction: GoalDirection,
        gains: Vec<SkillGain>,
    },
    OfferedSkills(Vec<OfferedRating>),
    Goals(GoalCompletion),
    Practice(Shown<Practice>),
    Objectives(Vec<ObjectiveKpi>),
    Retention(Vec<RoleRetention>),
}

#[derive(Clone, Debug, PartialEq)]
pub struct LevelMeasures {
    pub level: Level,
    pub measures: Vec<Measure>,
}

/// The four levels, in order, with their measures in the order of the
/// module documentation.
pub fn levels(impact: &Impact) -> Vec<LevelMeasures> {
    let survey = |question: SurveyQuestion| {
        impact
            .survey
            .iter()
            .filter(move |s| s.question == question)
            .cloned()
            .map(Measure::Survey)
    };
    let goals = |direction: GoalDirection| {
        impact
            .goals
            .iter()
            .filter(move |g| g.direction == direction)
            .cloned()
            .map(Measure::Goals)
    };
    let gains = |direction: GoalDirection| Measure::SkillGains {
        direction,
        gains: impact
            .skill_gains
            .iter()
            .filter(|g| g.direction == direction)
            .cloned()
            .collect(),
    };

    let reaction = impact
        .ratings
        .iter()
        .cloned()
        .map(Measure::SessionRatings)
        .chain(survey(SurveyQuestion::Satisfaction))
        .chain(survey(SurveyQuestion::Recommend))
        .chain([
            Measure::CheckinGoing(impact.going.clone()),
            Measure::MoodTrend(impact.mood.clone()),
        ])
        .collect();
    let learning = [
        gains(GoalDirection::MenteeLearns),
        gains(GoalDirection::MentorLearns),
    ]
    .into_iter()
    .chain(goals(GoalDirection::MenteeLearns))
    .chain([Measure::OfferedSkills(impact.offered_skills.clone())])
    .collect();
    let behaviour = survey(SurveyQuestion::Applied)
        .chain([Measure::Practice(impact.practice.clone())])
        .chain(goals(GoalDirection::MentorLearns))
        .collect();
    let results = vec![
        Measure::Objectives(impact.objectives.clone()),
        Measure::Retention(impact.retention.clone()),
    ];

    Level::ALL
        .into_iter()
        .zip([reaction, learning, behaviour, results])
        .map(|(level, measures)| LevelMeasures { level, measures })
        .collect()
}

//! The pre/post self-assessments: skill gains, offered-skill self-ratings and
//! the end-of-program survey.
//!
//! # Answers read
//! Only answers to pre- and post-assessment rounds, and only 1–5 scale values.
//! - `skill:<skill>`: how good the person rates themselves at a skill they
//!   want to learn. A mentee's answers measure what mentees learn
//!   ([`GoalDirection::MenteeLearns`]); a reverse mentor's, what mentors
//!   learn back ([`GoalDirection::MentorLearns`]). The direction follows the
//!   person's current role.
//! - `offer:<skill>`: self-rated expertise in a skill the person offers:
//!   context for the gains, shown per role.
//! - `satisfaction`, `applied`, `recommend`: the program survey, in the
//!   post-assessment only.
//!
//! # Which answer counts
//! A person's *before* for a skill is their earliest pre-assessment answer to
//! it; their *after* is their latest post-assessment answer (someone asked
//! twice is measured from their first start to their final word). Survey
//! answers are each person's latest.
//!
//! # Gains
//! A gain is after − before for one person and one skill (−4 to +4), counted
//! only when that person has both. People with only a before, or only an
//! after, for a skill are counted apart (`pre_only`, `post_only`) rather than
//! silently dropped; those counts say who answered, never what, so they are
//! shown even when the gain itself is withheld. Means and the distribution of
//! gains are withheld below [`MIN_GROUP`](super::MIN_GROUP) people with both.

use std::collections::BTreeMap;

use super::metrics::ScaleSummary;
use super::records::{Records, scale_value};
use super::suppress::Shown;
use crate::domain::date::Date;
use crate::domain::participants::Role;
pub use crate::domain::sessions::checkin::OFFER_PREFIX;
use crate::domain::sessions::checkin::{APPLIED, RECOMMEND, SATISFACTION, SKILL_PREFIX};
use crate::domain::sessions::{GoalDirection, Response, RoundKind};
use crate::domain::skills::SkillId;

/// The post-program survey; every question is a 1–5 scale.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum SurveyQuestion {
    /// How worthwhile the program was for the person.
    Satisfaction,
    /// How much they now use what they learned in daily work (behaviour).
    Applied,
    /// How likely they would recommend taking part to a colleague.
    Recommend,
}

impl SurveyQuestion {
    pub const ALL: [SurveyQuestion; 3] = [
        SurveyQuestion::Satisfaction,
        SurveyQuestion::Applied,
        SurveyQuestion::Recommend,
    ];

    /// The question id in answer files (the form's own, so they cannot drift).
    pub fn id(self) -> &'static str {
        match self {
            SurveyQuestion::Satisfaction => SATISFACTION,
            SurveyQuestion::Applied => APPLIED,
            SurveyQuestion::Recommend => RECOMMEND,
        }
    }
}

/// What an assessment question id is about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AssessmentQuestion {
    /// `skill:<id>`: a skill the person wants to learn.
    Wanted(SkillId),
    /// `offer:<id>`: a skill the person offers.
    Offered(SkillId),
    Survey(SurveyQuestion),
}

/// Reads an assessment question id; other questions (`confidence`,
/// `comment`) and malformed skill ids give `None`.
pub fn assessment_question(id: &str) -> Option<AssessmentQuestion> {
    if let Some(skill) = id.strip_prefix(SKILL_PREFIX) {
        return SkillId::parse(skill).map(AssessmentQuestion::Wanted);
    }
    if let Some(skill) = id.strip_prefix(OFFER_PREFIX) {
        return SkillId::parse(skill).map(AssessmentQuestion::Offered);
    }
    SurveyQuestion::ALL
        .into_iter()
        .find(|q| q.id() == id)
        .map(AssessmentQuestion::Survey)
}

/// The direction of learning a person's `skill:` answers measure.
pub fn direction_of(role: Role) -> GoalDirection {
    match role {
        Role::Mentee => GoalDirection::MenteeLearns,
        Role::ReverseMentor => GoalDirection::MentorLearns,
    }
}

/// Gains on one skill in one direction.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillGain {
    pub direction: GoalDirection,
    pub skill: SkillId,
    /// People with a before but no after.
    pub pre_only: usize,
    /// People with an after but no before.
    pub post_only: usize,
    /// Over the people with both; its count is theirs.
    pub gains: Shown<GainStats>,
}

/// Before, after and gain over the people who answered both.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct GainStats {
    pub people: usize,
    pub pre_total: u32,
    pub post_total: u32,
    /// People per gain, from −4 (index 0) to +4 (index 8).
    pub distribution: [usize; 9],
}

impl GainStats {
    pub const MIN_GAIN: i8 = -4;

    pub fn mean_pre(&self) -> f64 {
        mean(self.pre_total, self.people)
    }

    pub fn mean_post(&self) -> f64 {
        mean(self.post_total, self.people)
    }

    /// The mean of each person's gain (equal to mean after − mean before).
    pub fn mean_gain(&self) -> f64 {
        self.mean_post() - self.mean_pre()
    }

    /// `(gain, people)` from −4 to +4, for a chart.
    pub fn by_gain(&self) -> impl Iterator<Item = (i8, usize)> + '_ {
        (Self::MIN_GAIN..).zip(self.distribution.iter().copied())
    }

    fn add(&mut self, before: u8, after: u8) {
        self.people += 1;
        self.pre_total += u32::from(before);
        self.post_total += u32::from(after);
        let gain = i16::from(after) - i16::from(before) - i16::from(Self::MIN_GAIN);
        self.distribution[gain as usize] += 1;
    }
}

fn mean(total: u32, count: usize) -> f64 {
    if count == 0 {
        0.0
    } else {
        f64::from(total) / count as f64
    }
}

/// Self-rated expertise in an offered skill, by the people of one role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct OfferedRating {
    pub role: Role,
    pub skill: SkillId,
    pub pre: Shown<ScaleSummary>,
    pub post: Shown<ScaleSummary>,
}

/// One survey question over the people who answered it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SurveyResult {
    pub question: SurveyQuestion,
    pub answers: Shown<ScaleSummary>,
}

#[derive(Clone, Copy, Debug)]
struct Dated {
    on: Date,
    value: u8,
}

#[derive(Clone, Copy, Debug, Default)]
pub(super) struct PrePost {
    pre: Option<Dated>,
    post: Option<Dated>,
}

impl PrePost {
    fn record(&mut self, kind: RoundKind, this: Dated) {
        match kind {
            // Earliest wins; of two on the same day, the first imported.
            RoundKind::PreAssessment => {
                if self.pre.is_none_or(|kept| this.on < kept.on) {
                    self.pre = Some(this);
                }
            }
            // Latest wins; of two on the same day, the last imported.
            RoundKind::PostAssessment => {
                if self.post.is_none_or(|kept| this.on >= kept.on) {
                    self.post = Some(this);
                }
            }
            RoundKind::CheckIn => {}
        }
    }
}

/// One person's assessment answers, as the figures use them.
#[derive(Debug, Default)]
pub(super) struct Assessment {
    wanted: BTreeMap<SkillId, PrePost>,
    offered: BTreeMap<SkillId, PrePost>,
    survey: [PrePost; 3],
}

impl Assessment {
    pub fn record(&mut self, kind: RoundKind, response: &Response) {
        for answer in &response.answers {
            let (Some(question), Some(value)) = (
                assessment_question(&answer.question),
                scale_value(&answer.value),
            ) else {
                continue;
            };
            let this = Dated {
                on: response.answered_on,
                value,
            };
            match question {
                AssessmentQuestion::Wanted(skill) => {
                    self.wanted.entry(skill).or_default().record(kind, this)
                }
                AssessmentQuestion::Offered(skill) => {
                    self.offered.entry(skill).or_default().record(kind, this)
                }
                AssessmentQuestion::Survey(q) if kind == RoundKind::PostAssessment => {
                    self.survey[q as usize].record(kind, this)
                }
                AssessmentQuestion::Survey(_) => {}
            }
        }
    }
}

#[derive(Default)]
struct GainTally {
    pre_only: usize,
    post_only: usize,
    both: GainStats,
}

/// The assessment figures of a group of people (indices into the roster).
pub(super) struct AssessmentFigures {
    pub gains: Vec<SkillGain>,
    pub offered: Vec<OfferedRating>,
    pub survey: Vec<SurveyResult>,
}

pub(super) fn figures(records: &Records, members: &[usize]) -> AssessmentFigures {
    let mut gains: BTreeMap<(GoalDirection, &SkillId), GainTally> = BTreeMap::new();
    let mut offered: BTreeMap<(Role, &SkillId), [ScaleSummary; 2]> = BTreeMap::new();
    let mut survey: [ScaleSummary; 3] = Default::default();
    for &person in members {
        let role = records.ws.participants[person].role;
        let answers = &records.people[person].assessment;
        for (skill, pp) in &answers.wanted {
            let tally = gains.entry((direction_of(role), skill)).or_default();
            match (pp.pre, pp.post) {
                (Some(pre), Some(post)) => tally.both.add(pre.value, post.value),
                (Some(_), None) => tally.pre_only += 1,
                (None, Some(_)) => tally.post_only += 1,
                (None, None) => {}
            }
        }
        for (skill, pp) in &answers.offered {
            let tally = offered.entry((role, skill)).or_default();
            for (answer, summary) in [pp.pre, pp.post].into_iter().zip(tally.iter_mut()) {
                if let Some(answer) = answer {
                    summary.add(answer.value);
                }
            }
        }
        for (pp, summary) in answers.survey.iter().zip(survey.iter_mut()) {
            if let Some(answer) = pp.post {
                summary.add(answer.value);
            }
        }
    }
    AssessmentFigures {
        gains: gains
            .into_iter()
            .map(|((direction, skill), tally)| SkillGain {
                direction,
                skill: skill.clone(),
                pre_only: tally.pre_only,
                post_only: tally.post_only,
                gains: Shown::from_group(tally.both.people, tally.both),
            })
            .collect(),
        offered: offered
            .into_iter()
            .map(|((role, skill), [pre, post])| OfferedRating {
                role,
                skill: skill.clone(),
                pre: pre.shown(),
                post: post.shown(),
            })
            .collect(),
        survey: SurveyQuestion::ALL
            .into_iter()
            .zip(survey)
            .map(|(question, answers)| SurveyResult {
                question,
                answers: answers.shown(),
            })
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn question_ids_are_read() {
        let skill = |s: &str| SkillId::parse(s).unwrap();
        let cases = [
            (
                "skill:social-media",
                Some(AssessmentQuestion::Wanted(skill("social-media"))),
            ),
            (
                "offer:leadership",
                Some(AssessmentQuestion::Offered(skill("leadership"))),
            ),
            (
                "applied",
                Some(AssessmentQuestion::Survey(SurveyQuestion::Applied)),
            ),
            ("skill:Not Valid", None),
            ("offer:", None),
            ("confidence", None),
            ("comment", None),
            ("Satisfaction", None),
        ];
        for (id, expected) in cases {
            assert_eq!(assessment_question(id), expected, "{id}");
        }
        for q in SurveyQuestion::ALL {
            assert_eq!(
                assessment_question(q.id()),
                Some(AssessmentQuestion::Survey(q))
            );
        }
    }

    #[test]
    fn earliest_before_and_latest_after_are_kept() {
        let d = |day: u8| Date::new(2026, 1, day).unwrap();
        let dated = |day: u8, value: u8| Dated { on: d(day), value };
        // (kind, day, value) in import order → kept (pre, post)
        type Case = (&'static [(RoundKind, u8, u8)], Option<u8>, Option<u8>);
        let cases: [Case; 5] = [
            (&[(RoundKind::PreAssessment, 5, 2)], Some(2), None),
            (
                &[
                    (RoundKind::PreAssessment, 5, 2),
                    (RoundKind::PreAssessment, 3, 1),
                    (RoundKind::PreAssessment, 3, 4),
                ],
                Some(1),
                None,
            ),
            (
                &[
                    (RoundKind::PostAssessment, 9, 4),
                    (RoundKind::PostAssessment, 8, 2),
                    (RoundKind::PostAssessment, 9, 5),
                ],
                None,
                Some(5),
            ),
            (
                &[
                    (RoundKind::PostAssessment, 9, 4),
                    (RoundKind::PreAssessment, 1, 2),
                ],
                Some(2),
                Some(4),
            ),
            (&[(RoundKind::CheckIn, 1, 3)], None, None),
        ];
        for (answers, pre, post) in cases {
            let mut pp = PrePost::default();
            for &(kind, day, value) in answers {
                pp.record(kind, dated(day, value));
            }
            assert_eq!(pp.pre.map(|a| a.value), pre, "{answers:?}");
            assert_eq!(pp.post.map(|a| a.value), post, "{answers:?}");
        }
    }

    #[test]
    fn gain_distribution_spans_minus_four_to_four() {
        let mut stats = GainStats::default();
        for (before, after) in [(5, 1), (1, 5), (3, 3), (2, 4)] {
            stats.add(before, after);
        }
        assert_eq!(stats.distribution, [1, 0, 0, 0, 1, 0, 1, 0, 1]);
        assert_eq!(stats.by_gain().next(), Some((-4, 1)));
        assert_eq!(stats.by_gain().last(), Some((4, 1)));
        assert_eq!((stats.mean_pre(), stats.mean_post()), (2.75, 3.25));
        assert_eq!(stats.mean_gain(), 0.5);
    }
}

//! The figures of the Impact page, for the whole program or one department.
//! This is the product's definition of every number shown.
//!
//! Everything is computed from the saved records and a `today` the caller
//! passes in, so the same workspace on the same day gives the same figures.
//! Every aggregate goes through [`Shown`]: computed from fewer than
//! [`MIN_GROUP`](super::MIN_GROUP) distinct people of the scope, it is
//! withheld (only the number of people is kept).
//!
//! # Scope
//! The scope's people are its participants (see [`Scope`]), active or not.
//! Person figures (answers, goals, funnel, retention) count only them. A pair
//! belongs to a scope when either of its two people does, so a pair across
//! two departments counts in both (department figures need not add up to the
//! program's). Ratings count only those given by people of the scope.
//!
//! # Departments
//! [`by_department`] measures every department and then withholds, besides
//! each department's small groups, whatever would let the program's figure
//! minus the departments shown describe one or two people (see
//! [`complement`](mod@super::complement)). Show a department from there:
//! [`measure`] on one department alone does not know what the others show.
//!
//! # Pairs
//! A person's pairs are their accepted pairs plus any former pair that still
//! has an agreement or sessions on record (history survives re-pairing).
//!
//! # Participation funnel
//! - **Invited**: the scope's participants.
//! - **Matched**: in at least one pair.
//! - **Active**: in a pair that held at least one session.
//! - **Completed**: earned a certificate (see [`certificates`](mod@super::certificates)):
//!   still taking part, in an accepted pair that held at least the sessions
//!   the criteria ask, and, when required, answered a post-assessment.
//! - **Dropped**: matched, and now inactive or recorded as having left the
//!   company during the program.
//!
//! A person *left during the program* when a leaver record says so, dated on
//! or before today and within the program's start and end dates (when set).
//!
//! # Sessions
//! - **Held**: logged as held, dated today or earlier.
//! - **Cancelled**: logged as cancelled, whatever the date.
//! - **Unlogged**: still planned (or rescheduled) for a day before today.
//! - **Upcoming**: planned or rescheduled for today or later (and a session
//!   logged as held on a future day, which only a hand-edited file has).
//! - **Hours**: minutes of held sessions / 60.
//!
//! Due sessions are held + cancelled + unlogged; the share held is held / due.
//!
//! # Reaction
//! - **Ratings**: the 1–5 ratings each side gave in held sessions, with their
//!   mean and how many of each; counted per rater side (mentor's ratings,
//!   mentee's ratings), people = distinct raters.
//! - **Going**: every 1–5 answer to the check-in question `going`; people =
//!   distinct people who answered it.
//! - **Mood trend**: per check-in round, ordered by opening date (then id),
//!   the mean of `mood` answers (one per person per round, the last
//!   imported), withheld per round.
//!
//! # Goals
//! Per direction, the goals of the scope's pairs' agreements whose learner is
//! in the scope (the mentee for what mentees learn, the reverse mentor for
//! what mentors learn back): how many, how many are at 100 %, and the mean
//! percent ([`Goal::percent`]); people = distinct learners.
//!
//! # Objectives
//! Every program objective in the program scope; in a department, those it
//! owns (`owner_department`, same spelling rule). Not about people, so never
//! withheld. The share of the way is `Objective::progress`.
//!
//! # Retention
//! Per role: matched people who left during the program, out of all matched
//! people of that role; people = the matched.
//!
//! Skill gains, offered-skill self-ratings and the survey are defined in
//! [`gains`](mod@super::gains).
//!
//! [`Goal::percent`]: crate::domain::sessions::Goal::percent

use std::collections::HashSet;

use super::certificates;
use super::complement;
use super::gains::{self, OfferedRating, SkillGain, SurveyResult};
use super::records::Records;
use super::scope::{Scope, department_key};
use super::suppress::Shown;
use crate::domain::date::Date;
use crate::domain::ids::{ObjectiveId, RoundId};
use crate::domain::participants::Role;
use crate::domain::sessions::GoalDirection;
use crate::domain::workspace::Workspace;

/// Counts of 1–5 answers (or ratings).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ScaleSummary {
    pub answers: usize,
    pub total: u32,
    /// How many answered 1, 2, 3, 4 and 5.
    pub counts: [usize; 5],
}

impl ScaleSummary {
    pub const RANGE: std::ops::RangeInclusive<u8> = 1..=5;

    /// The mean answer; 0 when there is none (a shown summary always has some).
    pub fn mean(&self) -> f64 {
        if self.answers == 0 {
            0.0
        } else {
            f64::from(self.total) / self.answers as f64
        }
    }

    /// `(point, answers)` from 1 to 5, for a chart.
    pub fn by_point(&self) -> impl Iterator<Item = (u8, usize)> + '_ {
        Self::RANGE.zip(self.counts.iter().copied())
    }

    /// Counts a 1–5 value; anything else is ignored.
    pub(super) fn add(&mut self, value: u8) {
        if Self::RANGE.contains(&value) {
            self.answers += 1;
            self.total += u32::from(value);
            self.counts[usize::from(value - 1)] += 1;
        }
    }

    fn merge(&mut self, other: &ScaleSummary) {
        self.answers += other.answers;
        self.total += other.total;
        for (mine, theirs) in self.counts.iter_mut().zip(other.counts) {
            *mine += theirs;
        }
    }

    /// Suppressed by its answers, for summaries with one answer per person.
    pub(super) fn shown(self) -> Shown<ScaleSummary> {
        Shown::from_group(self.answers, self)
    }
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Funnel {
    pub invited: usize,
    pub matched: usize,
    pub active: usize,
    pub completed: usize,
    pub dropped: usize,
}

/// Sessions of the scope's pairs (see "Sessions" above).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Practice {
    pub held: usize,
    pub cancelled: usize,
    pub unlogged: usize,
    pub upcoming: usize,
    pub minutes_held: u64,
}

impl Practice {
    /// Sessions whose day has come: held, cancelled or left unlogged.
    pub fn due(&self) -> usize {
        self.held + self.cancelled + self.unlogged
    }

    /// Every session on record.
    pub fn scheduled(&self) -> usize {
        self.due() + self.upcoming
    }

    /// Held out of due, 0–1; `None` before any session was due.
    pub fn held_share(&self) -> Option<f64> {
        (self.due() > 0).then(|| self.held as f64 / self.due() as f64)
    }

    pub fn hours(&self) -> f64 {
        self.minutes_held as f64 / 60.0
    }
}

/// The ratings one side gave.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SideRating {
    pub by: Role,
    pub ratings: Shown<ScaleSummary>,
}

/// Mood in one check-in round.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoundMood {
    pub round: RoundId,
    pub opens: Date,
    pub mood: Shown<ScaleSummary>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct GoalStats {
    pub goals: usize,
    /// Goals at 100 %.
    pub completed: usize,
    pub percent_total: u32,
}

impl GoalStats {
    pub fn mean_percent(&self) -> f64 {
        if self.goals == 0 {
            0.0
        } else {
            f64::from(self.percent_total) / self.goals as f64
        }
    }

    fn add(&mut self, percent: u8) {
        self.goals += 1;
        self.completed += usize::from(percent >= 100);
        self.percent_total += u32::from(percent);
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GoalCompletion {
    pub direction: GoalDirection,
    pub goals: Shown<GoalStats>,
}

/// A program objective's KPI: baseline → target, and where it stands.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveKpi {
    pub objective: ObjectiveId,
    pub baseline: f64,
    pub target: f64,
    pub current: Option<f64>,
    /// Share of the way from baseline to target, 0–1; `None` until measured.
    pub progress: Option<f64>,
}

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Retention {
    pub matched: usize,
    pub left: usize,
}

impl Retention {
    /// Matched people who stayed, 0–1.
    pub fn retained_share(&self) -> f64 {
        if self.matched == 0 {
            1.0
        } else {
            (self.matched - self.left) as f64 / self.matched as f64
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RoleRetention {
    pub role: Role,
    pub retention: Shown<Retention>,
}

/// Every figure of the Impact page for one scope.
#[derive(Clone, Debug, PartialEq)]
pub struct Impact {
    pub scope: Scope,
    /// Participants in the scope.
    pub people: usize,
    pub funnel: Shown<Funnel>,
    pub practice: Shown<Practice>,
    /// Reverse mentors' ratings, then mentees'.
    pub ratings: Vec<SideRating>,
    pub going: Shown<ScaleSummary>,
    pub mood: Vec<RoundMood>,
    /// What mentees learn, then what mentors learn back.
    pub goals: Vec<GoalCompletion>,
    /// By direction, then skill id.
    pub skill_gains: Vec<SkillGain>,
    /// By role, then skill id.
    pub offered_skills: Vec<OfferedRating>,
    /// In [`SurveyQuestion::ALL`](super::SurveyQuestion::ALL) order.
    pub survey: Vec<SurveyResult>,
    /// In the program's order.
    pub objectives: Vec<ObjectiveKpi>,
    /// Reverse mentors, then mentees.
    pub retention: Vec<RoleRetention>,
}

/// One department's figures; all withheld below three participants, and any
/// one withheld that would give a small group away (see
/// [`complement`](mod@super::complement)).
#[derive(Clone, Debug, PartialEq)]
pub struct DepartmentImpact {
    /// As `Workspace::departments` spells it.
    pub department: String,
    pub impact: Shown<Impact>,
}

/// The figures of one scope on `today`.
pub fn measure(ws: &Workspace, scope: &Scope, today: Date) -> Impact {
    let records = Records::new(ws, today);
    compute(&records, scope, &members(ws, scope))
}

/// Every department (as `Workspace::departments` lists them), sorted by name,
/// with complementary suppression applied across them (see "Departments"
/// above); the records are indexed once for all of them.
pub fn by_department(ws: &Workspace, today: Date) -> Vec<DepartmentImpact> {
    let records = Records::new(ws, today);
    let mut departments: Vec<DepartmentImpact> = ws
        .departments()
        .into_iter()
        .map(|department| {
            let scope = Scope::Department(department.clone());
            let members = members(ws, &scope);
            DepartmentImpact {
                department,
                impact: Shown::from_group(members.len(), compute(&records, &scope, &members)),
            }
        })
        .collect();
    let program = compute(&records, &Scope::Program, &members(ws, &Scope::Program));
    complement::protect(&records, program, &mut departments);
    departments
}

/// Roster indices of the scope's participants.
pub(super) fn members(ws: &Workspace, scope: &Scope) -> Vec<usize> {
    let key = match scope {
        Scope::Program => None,
        Scope::Department(name) => Some(department_key(name)),
    };
    ws.participants
        .iter()
        .enumerate()
        .filter(|(_, p)| {
            key.as_ref()
                .is_none_or(|key| !key.is_empty() && department_key(&p.department) == *key)
        })
        .map(|(i, _)| i)
        .collect()
}

fn compute(records: &Records, scope: &Scope, members: &[usize]) -> Impact {
    let ws = records.ws;
    let mut in_scope = vec![false; ws.participants.len()];
    for &m in members {
        in_scope[m] = true;
    }
    let here = |person: Option<usize>| person.filter(|&p| in_scope[p]);
    let mut seen = HashSet::new();
    let pairs: Vec<usize> = members
        .iter()
        .flat_map(|&m| records.people[m].pairs.iter().copied())
        .filter(|&p| seen.insert(p))
        .collect();

    let mut funnel = Funnel {
        invited: members.len(),
        ..Funnel::default()
    };
    let mut retention = [Retention::default(); 2];
    for &m in members {
        if records.people[m].pairs.is_empty() {
            continue;
        }
        funnel.matched += 1;
        funnel.active += usize::from(records.pairs_of(m).any(|p| p.held > 0));
        funnel.completed += usize::from(certificates::missing(records, m).is_empty());
        funnel.dropped += usize::from(!records.still_here(m));
        let role = &mut retention[role_index(ws.participants[m].role)];
        role.matched += 1;
        role.left += usize::from(records.people[m].left);
    }

    let mut practice = Practice::default();
    let mut practised = HashSet::new();
    let mut ratings = [ScaleSummary::default(); 2];
    let mut raters = [HashSet::new(), HashSet::new()];
    let mut goals = [GoalStats::default(); 2];
    let mut learners = [HashSet::new(), HashSet::new()];
    for &p in &pairs {
        let pair = &records.pairs[p];
        if pair.sessions > 0 {
            practice.held += pair.held as usize;
            practice.cancelled += pair.cancelled;
            practice.unlogged += pair.unlogged;
            practice.upcoming += pair.upcoming;
            practice.minutes_held += pair.minutes_held;
            practised.extend([here(pair.mentor), here(pair.mentee)].into_iter().flatten());
        }
        let sides = [
            (pair.mentor, &pair.mentor_ratings),
            (pair.mentee, &pair.mentee_ratings),
        ];
        for (side, (rater, given)) in sides.into_iter().enumerate() {
            if let Some(rater) = here(rater)
                && given.answers > 0
            {
                ratings[side].merge(given);
                raters[side].insert(rater);
            }
        }
        for goal in pair.agreement.map_or(&[][..], |a| a.goals.as_slice()) {
            let learner = match goal.direction {
                GoalDirection::MenteeLearns => pair.mentee,
                GoalDirection::MentorLearns => pair.mentor,
            };
            if let Some(learner) = here(learner) {
                goals[goal.direction as usize].add(goal.percent());
                learners[goal.direction as usize].insert(learner);
            }
        }
    }

    let mut going = ScaleSummary::default();
    let mut going_people = 0;
    let mut moods = vec![ScaleSummary::default(); records.checkin_rounds.len()];
    for &m in members {
        let mut answered = false;
        for answer in &records.people[m].checkins {
            if let Some(value) = answer.going {
                going.add(value);
                answered = true;
            }
            if let Some(value) = answer.mood {
                moods[answer.round].add(value);
            }
        }
        going_people += usize::from(answered);
    }

    let owner = match scope {
        Scope::Program => None,
        Scope::Department(name) => Some(department_key(name)),
    };
    let objectives = ws
        .program
        .objectives
        .iter()
        .filter(|o| {
            owner
                .as_ref()
                .is_none_or(|key| department_key(&o.owner_department) == *key)
        })
        .map(|o| ObjectiveKpi {
            objective: o.id.clone(),
            baseline: o.baseline,
            target: o.target,
            current: o.current,
            progress: o.progress(),
        })
        .collect();

    let assessed = gains::figures(records, members);
    let [mentor_ratings, mentee_ratings] = ratings;
    let [mentor_raters, mentee_raters] = raters;
    Impact {
        scope: scope.clone(),
        people: members.len(),
        funnel: Shown::from_group(funnel.invited, funnel),
        practice: Shown::from_group(practised.len(), practice),
        ratings: vec![
            SideRating {
                by: Role::ReverseMentor,
                ratings: Shown::from_group(mentor_raters.len(), mentor_ratings),
            },
            SideRating {
                by: Role::Mentee,
                ratings: Shown::from_group(mentee_raters.len(), mentee_ratings),
            },
        ],
        going: Shown::from_group(going_people, going),
        mood: records
            .checkin_rounds
            .iter()
            .zip(moods)
            .map(|(round, mood)| RoundMood {
                round: round.id.clone(),
                opens: round.opens,
                mood: mood.shown(),
            })
            .collect(),
        goals: GoalDirection::ALL
            .into_iter()
            .zip(goals.into_iter().zip(learners))
            .map(|(direction, (stats, learners))| GoalCompletion {
                direction,
                goals: Shown::from_group(learners.len(), stats),
            })
            .collect(),
        skill_gains: assessed.gains,
        offered_skills: assessed.offered,
        survey: assessed.survey,
        objectives,
        retention: Role::ALL
            .into_iter()
            .map(|role| RoleRetention {
                role,
                retention: Shown::from_group(
                    retention[role_index(role)].matched,
                    retention[role_index(role)],
                ),
            })
            .collect(),
    }
}

fn role_index(role: Role) -> usize {
    match role {
        Role::ReverseMentor => 0,
        Role::Mentee => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scale_summary_counts_only_one_to_five() {
        let mut summary = ScaleSummary::default();
        for value in [0, 1, 3, 3, 5, 6, 200] {
            summary.add(value);
        }
        assert_eq!(
            summary,
            ScaleSummary {
                answers: 4,
                total: 12,
                counts: [1, 0, 2, 0, 1],
            }
        );
        assert_eq!(summary.mean(), 3.0);
        assert_eq!(summary.by_point().nth(2), Some((3, 2)));
        assert_eq!(ScaleSummary::default().mean(), 0.0);
    }

    #[test]
    fn practice_shares_and_hours() {
        let cases = [
            ((4, 1, 0, 3, 150), 5, 8, Some(0.8), 2.5),
            ((0, 0, 0, 2, 0), 0, 2, None, 0.0),
            ((0, 1, 1, 0, 0), 2, 2, Some(0.0), 0.0),
        ];
        for ((held, cancelled, unlogged, upcoming, minutes), due, scheduled, share, hours) in cases
        {
            let p = Practice {
                held,
                cancelled,
                unlogged,
                upcoming,
                minutes_held: minutes,
            };
            assert_eq!((p.due(), p.scheduled()), (due, scheduled));
            assert_eq!((p.held_share(), p.hours()), (share, hours));
        }
    }

    #[test]
    fn goal_means_and_retention_shares() {
        let mut goals = GoalStats::default();
        for percent in [100, 50, 0, 100] {
            goals.add(percent);
        }
        assert_eq!((goals.goals, goals.completed), (4, 2));
        assert_eq!(goals.mean_percent(), 62.5);
        let cases = [((4, 1), 0.75), ((3, 0), 1.0), ((0, 0), 1.0), ((2, 2), 0.0)];
        for ((matched, left), share) in cases {
            assert_eq!(Retention { matched, left }.retained_share(), share);
        }
    }
}

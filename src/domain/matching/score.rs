//! How well a reverse mentor and a mentee fit: one value from 0 to 1 per
//! criterion, weighted by the coordinator into a score from 0 to 100. The
//! solver and the explanations read the same [`values`], so a card never
//! says something the algorithm did not use.
//!
//! Missing data (no channels, no free slots, no department, no years) counts
//! as a neutral 0.5: nobody is punished or favoured for a blank field.

use super::model::{Criterion, Weights};
use super::rules::{Facts, Prepared, count_common};
use crate::domain::participants::{Availability, Channel, Priority};
use crate::domain::skills::SkillId;

/// The value given to a criterion when one of the two left the field blank.
pub const UNKNOWN: f64 = 0.5;

/// Interests in common that make the interest criterion full.
pub const FULL_INTERESTS: usize = 3;

/// Years between mentee and mentor that make the seniority criterion full.
pub const FULL_SENIORITY_GAP: f64 = 20.0;

/// Criterion values for one candidate pair, in [`Criterion::ALL`] order.
pub fn values(prep: &Prepared, mentor: usize, mentee: usize) -> [f64; 7] {
    let mut out = [0.0; 7];
    for c in Criterion::ALL {
        out[c.index()] = value(prep, c, mentor, mentee);
    }
    out
}

/// One criterion's value; reads only the prepared facts, so scoring every
/// candidate pair of a 2,000-person program stays fast.
#[inline(always)]
fn value(prep: &Prepared, criterion: Criterion, mentor: usize, mentee: usize) -> f64 {
    let (fm, fe) = (&prep.facts[mentor], &prep.facts[mentee]);
    match criterion {
        Criterion::Reverse => skill_fit(prep, mentor, fe),
        Criterion::Symbiotic => skill_fit(prep, mentee, fm),
        Criterion::Interests => interests(fm, fe),
        Criterion::Channel => channel(fm, fe),
        Criterion::Availability => availability(fm, fe),
        Criterion::CrossDepartment => cross_department(fm, fe),
        Criterion::SeniorityGap => seniority_gap(fm, fe),
    }
}

#[inline(always)]
fn interests(fm: &Facts, fe: &Facts) -> f64 {
    let common = if fm.overflow || fe.overflow {
        count_common(&fm.interests, &fe.interests)
    } else {
        (fm.interest_bits & fe.interest_bits).count_ones() as usize
    };
    common.min(FULL_INTERESTS) as f64 / FULL_INTERESTS as f64
}

/// 1 when both prefer the same channel first, 0.7 when they share any.
#[inline(always)]
fn channel(fm: &Facts, fe: &Facts) -> f64 {
    match (fm.first_channel, fe.first_channel) {
        (None, _) | (_, None) => UNKNOWN,
        (Some(a), Some(b)) if a == b => 1.0,
        _ if fm.channel_bits & fe.channel_bits != 0 => 0.7,
        _ => 0.0,
    }
}

/// One common slot is enough for a session (a slot is a part of a day, and
/// sessions last at most four hours); more slots make meeting easier.
#[inline(always)]
fn availability(fm: &Facts, fe: &Facts) -> f64 {
    if fm.availability == 0 || fe.availability == 0 {
        return UNKNOWN;
    }
    match (fm.availability & fe.availability).count_ones() {
        0 => 0.0,
        1 => 0.6,
        2 => 0.85,
        _ => 1.0,
    }
}

#[inline(always)]
fn cross_department(fm: &Facts, fe: &Facts) -> f64 {
    match (fm.department, fe.department) {
        (Some(a), Some(b)) => f64::from(u8::from(a != b)),
        _ => UNKNOWN,
    }
}

#[inline(always)]
fn seniority_gap(fm: &Facts, fe: &Facts) -> f64 {
    match (fm.years, fe.years) {
        (Some(my), Some(ey)) => {
            ((f64::from(ey) - f64::from(my)) / FULL_SENIORITY_GAP).clamp(0.0, 1.0)
        }
        _ => UNKNOWN,
    }
}

/// Share of what the learner wants that the teacher offers: each wanted
/// skill counts by its priority (5/3/1, doubled when an objective names it)
/// times the teacher's level out of 5. Nothing wanted gives 0.
#[inline(always)]
fn skill_fit(prep: &Prepared, teacher: usize, learner: &Facts) -> f64 {
    if learner.wanted_total <= 0.0 {
        return 0.0;
    }
    let width = prep.skills.len();
    let levels = &prep.levels[teacher * width..][..width];
    let covered: f64 = learner
        .wanted
        .iter()
        .map(|&(skill, weight)| weight * levels[skill as usize])
        .sum();
    covered / learner.wanted_total
}

/// Points per unit of value for each criterion: 100 × weight / total weight.
pub fn factors(weights: &Weights) -> [f64; 7] {
    let total = f64::from(weights.total());
    let mut out = [0.0; 7];
    if total > 0.0 {
        for c in Criterion::ALL {
            out[c.index()] = 100.0 * f64::from(weights.get(c)) / total;
        }
    }
    out
}

/// The score alone, skipping criteria with no weight: the hot path of
/// pairing, written out criterion by criterion so it inlines even in a
/// size-optimised build. Adds up in [`Criterion::ALL`] order, so it equals
/// `Breakdown::new(values(..), weights).score` bit for bit.
pub fn score(prep: &Prepared, f: &[f64; 7], mentor: usize, mentee: usize) -> f64 {
    let (fm, fe) = (&prep.facts[mentor], &prep.facts[mentee]);
    let mut total = 0.0;
    if f[0] > 0.0 {
        total += f[0] * skill_fit(prep, mentor, fe);
    }
    if f[1] > 0.0 {
        total += f[1] * skill_fit(prep, mentee, fm);
    }
    if f[2] > 0.0 {
        total += f[2] * interests(fm, fe);
    }
    if f[3] > 0.0 {
        total += f[3] * channel(fm, fe);
    }
    if f[4] > 0.0 {
        total += f[4] * availability(fm, fe);
    }
    if f[5] > 0.0 {
        total += f[5] * cross_department(fm, fe);
    }
    if f[6] > 0.0 {
        total += f[6] * seniority_gap(fm, fe);
    }
    total
}

/// A score and how each criterion contributed to it.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Breakdown {
    /// Each criterion's value, 0–1.
    pub values: [f64; 7],
    /// Each criterion's points; they add up to `score`.
    pub points: [f64; 7],
    /// 0–100.
    pub score: f64,
}

impl Breakdown {
    pub fn new(values: [f64; 7], weights: &Weights) -> Breakdown {
        let factors = factors(weights);
        let mut points = [0.0; 7];
        let mut score = 0.0;
        for c in Criterion::ALL {
            let f = factors[c.index()];
            points[c.index()] = if f > 0.0 { f * values[c.index()] } else { 0.0 };
            score += points[c.index()];
        }
        Breakdown {
            values,
            points,
            score,
        }
    }

    /// The score as shown, a whole number.
    pub fn shown(&self) -> u8 {
        self.score.round().clamp(0.0, 100.0) as u8
    }

    /// Whole points per criterion that add up exactly to [`Breakdown::shown`]
    /// (largest remainders get the rounding), so a card's numbers add up.
    pub fn shown_points(&self) -> [u8; 7] {
        let target = u32::from(self.shown());
        let mut whole: [u32; 7] = self.points.map(|p| p.max(0.0).floor() as u32);
        let mut given: u32 = whole.iter().sum();
        let mut order: Vec<usize> = (0..7).collect();
        order.sort_by(|&a, &b| {
            let ra = self.points[a] - self.points[a].floor();
            let rb = self.points[b] - self.points[b].floor();
            rb.total_cmp(&ra).then(a.cmp(&b))
        });
        for &i in order.iter().cycle().take(14) {
            if given >= target {
                break;
            }
            if self.points[i] > 0.0 {
                whole[i] += 1;
                given += 1;
            }
        }
        whole.map(|w| w.min(100) as u8)
    }
}

/// A skill that one teaches and the other wants.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillMatch {
    pub skill: SkillId,
    /// The teacher's level, 1–5.
    pub level: u8,
    pub priority: Priority,
    /// An objective of the program names this skill.
    pub for_objective: bool,
}

/// How the two departments relate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Departments {
    Different(String, String),
    Same(String),
    Unknown,
}

/// The facts behind each criterion, for the match card.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Evidence {
    /// What the reverse mentor teaches that the mentee wants, most wanted first.
    pub teaches: Vec<SkillMatch>,
    /// What the mentee shares back that the mentor wants.
    pub shares_back: Vec<SkillMatch>,
    pub interests: Vec<String>,
    /// Channels both like, in the mentee's order of preference.
    pub channels: Vec<Channel>,
    /// Slots when both are free.
    pub overlap: Availability,
    pub departments: Departments,
    /// Mentee's years minus mentor's years, when both are known.
    pub seniority_gap: Option<i16>,
}

/// The evidence behind [`values`] for one pair.
pub fn evidence(prep: &Prepared, mentor: usize, mentee: usize) -> Evidence {
    let people = &prep.workspace.participants;
    let (m, e) = (&people[mentor], &people[mentee]);
    let shared_tags: Vec<String> = {
        let (a, b) = (&prep.facts[mentor].interests, &prep.facts[mentee].interests);
        a.iter()
            .filter(|t| b.binary_search(t).is_ok())
            .map(|&t| prep.tags[t as usize].clone())
            .collect()
    };
    Evidence {
        teaches: skill_matches(prep, m, e),
        shares_back: skill_matches(prep, e, m),
        interests: shared_tags,
        channels: e
            .channels
            .iter()
            .filter(|c| m.channels.contains(c))
            .copied()
            .collect(),
        overlap: m.availability.overlap(e.availability),
        departments: {
            let (dm, de) = (prep.facts[mentor].department, prep.facts[mentee].department);
            match (dm, de) {
                (Some(a), Some(b)) if a == b => Departments::Same(e.department.trim().to_string()),
                (Some(_), Some(_)) => Departments::Different(
                    m.department.trim().to_string(),
                    e.department.trim().to_string(),
                ),
                _ => Departments::Unknown,
            }
        },
        seniority_gap: match (m.seniority.years, e.seniority.years) {
            (Some(my), Some(ey)) => Some(i16::from(ey) - i16::from(my)),
            _ => None,
        },
    }
}

fn skill_matches(
    prep: &Prepared,
    teacher: &crate::domain::participants::Participant,
    learner: &crate::domain::participants::Participant,
) -> Vec<SkillMatch> {
    let objective = |skill: &SkillId| {
        prep.workspace
            .program
            .objectives
            .iter()
            .any(|o| o.skills.contains(skill))
    };
    let mut seen: Vec<&SkillId> = Vec::new();
    let mut matches: Vec<SkillMatch> = Vec::new();
    for wanted in &learner.skills_wanted {
        if seen.contains(&&wanted.skill) {
            continue;
        }
        seen.push(&wanted.skill);
        if let Some(offered) = teacher
            .skills_offered
            .iter()
            .find(|o| o.skill == wanted.skill && o.level > 0)
        {
            matches.push(SkillMatch {
                skill: wanted.skill.clone(),
                level: offered.level,
                priority: wanted.priority,
                for_objective: objective(&wanted.skill),
            });
        }
    }
    matches.sort_by_key(|m| {
        (
            std::cmp::Reverse(m.priority.weight()),
            std::cmp::Reverse(m.level),
        )
    });
    matches
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ObjectiveId;
    use crate::domain::ids::{ParticipantId, seeded_bytes};
    use crate::domain::participants::{
        DayPart, OfferedSkill, Participant, Role, WantedSkill, Weekday,
    };
    use crate::domain::program::Objective;
    use crate::domain::workspace::Workspace;

    fn skill(id: &str) -> SkillId {
        SkillId::parse(id).unwrap()
    }

    fn pair() -> Workspace {
        let mut m = Participant::new(
            ParticipantId::from_random_bytes(seeded_bytes(1)),
            Role::ReverseMentor,
        );
        let mut e = Participant::new(
            ParticipantId::from_random_bytes(seeded_bytes(2)),
            Role::Mentee,
        );
        m.name = "Mia".into();
        e.name = "Eli".into();
        Workspace {
            participants: vec![m, e],
            ..Default::default()
        }
    }

    fn values_of(edit: impl Fn(&mut Workspace)) -> [f64; 7] {
        let mut ws = pair();
        edit(&mut ws);
        values(&Prepared::new(&ws), 0, 1)
    }

    fn offer(ws: &mut Workspace, who: usize, id: &str, level: u8) {
        ws.participants[who].skills_offered.push(OfferedSkill {
            skill: skill(id),
            level,
        });
    }

    fn want(ws: &mut Workspace, who: usize, id: &str, priority: Priority) {
        ws.participants[who].skills_wanted.push(WantedSkill {
            skill: skill(id),
            priority,
        });
    }

    #[test]
    fn each_criterion_reads_its_fields() {
        type Edit = fn(&mut Workspace);
        use Criterion::*;
        let cases: &[(&str, Edit, Criterion, f64)] = &[
            ("nothing wanted", |_| {}, Reverse, 0.0),
            (
                "expert in the one must-have",
                |ws| {
                    offer(ws, 0, "social-media", 5);
                    want(ws, 1, "social-media", Priority::MustHave);
                },
                Reverse,
                1.0,
            ),
            (
                "level 3 of 5 in a must-have, nothing for a nice-to-have",
                |ws| {
                    offer(ws, 0, "social-media", 3);
                    want(ws, 1, "social-media", Priority::MustHave);
                    want(ws, 1, "ai-tools", Priority::NiceToHave);
                },
                Reverse,
                (5.0 * 0.6) / 6.0,
            ),
            (
                "an objective's skill counts double",
                |ws| {
                    offer(ws, 0, "ai-tools", 5);
                    want(ws, 1, "social-media", Priority::Important);
                    want(ws, 1, "ai-tools", Priority::Important);
                    ws.program.objectives.push(Objective {
                        id: ObjectiveId::from_random_bytes(seeded_bytes(9)),
                        title: "AI".into(),
                        company_goal: String::new(),
                        owner_department: String::new(),
                        kpi_name: String::new(),
                        unit: String::new(),
                        baseline: 0.0,
                        target: 1.0,
                        current: None,
                        skills: vec![skill("ai-tools")],
                    });
                },
                Reverse,
                6.0 / 9.0,
            ),
            (
                "the mentee shares back",
                |ws| {
                    offer(ws, 1, "negotiation", 4);
                    want(ws, 0, "negotiation", Priority::Important);
                },
                Symbiotic,
                0.8,
            ),
            (
                "two shared interests of three",
                |ws| {
                    ws.participants[0].interests =
                        vec!["cycling".into(), "photography".into(), "chess".into()];
                    ws.participants[1].interests = vec!["photography".into(), "Cycling".into()];
                },
                Interests,
                2.0 / 3.0,
            ),
            ("channels unknown", |_| {}, Channel, UNKNOWN),
            (
                "same first channel",
                |ws| {
                    ws.participants[0].channels = vec![crate::domain::Channel::VideoCall];
                    ws.participants[1].channels = vec![
                        crate::domain::Channel::VideoCall,
                        crate::domain::Channel::Chat,
                    ];
                },
                Channel,
                1.0,
            ),
            (
                "a shared second channel",
                |ws| {
                    ws.participants[0].channels = vec![crate::domain::Channel::Chat];
                    ws.participants[1].channels = vec![
                        crate::domain::Channel::VideoCall,
                        crate::domain::Channel::Chat,
                    ];
                },
                Channel,
                0.7,
            ),
            (
                "no shared channel",
                |ws| {
                    ws.participants[0].channels = vec![crate::domain::Channel::Email];
                    ws.participants[1].channels = vec![crate::domain::Channel::InPerson];
                },
                Channel,
                0.0,
            ),
            (
                "two common slots",
                |ws| {
                    let a = crate::domain::Availability::default()
                        .with(Weekday::Tue, DayPart::Morning)
                        .with(Weekday::Thu, DayPart::Morning)
                        .with(Weekday::Fri, DayPart::Evening);
                    ws.participants[0].availability = a;
                    ws.participants[1].availability = a
                        .overlap(
                            crate::domain::Availability::default()
                                .with(Weekday::Tue, DayPart::Morning)
                                .with(Weekday::Thu, DayPart::Morning),
                        )
                        .with(Weekday::Mon, DayPart::Morning);
                },
                Availability,
                0.85,
            ),
            (
                "no common slot",
                |ws| {
                    ws.participants[0].availability =
                        crate::domain::Availability::default().with(Weekday::Mon, DayPart::Morning);
                    ws.participants[1].availability =
                        crate::domain::Availability::default().with(Weekday::Mon, DayPart::Evening);
                },
                Availability,
                0.0,
            ),
            (
                "different departments",
                |ws| {
                    ws.participants[0].department = "IT".into();
                    ws.participants[1].department = "Sales".into();
                },
                CrossDepartment,
                1.0,
            ),
            (
                "same department, spelt differently",
                |ws| {
                    ws.participants[0].department = "sales ".into();
                    ws.participants[1].department = "Sales".into();
                },
                CrossDepartment,
                0.0,
            ),
            (
                "a ten-year gap",
                |ws| {
                    ws.participants[0].seniority.years = Some(3);
                    ws.participants[1].seniority.years = Some(13);
                },
                SeniorityGap,
                0.5,
            ),
            (
                "a mentor more senior than the mentee",
                |ws| {
                    ws.participants[0].seniority.years = Some(20);
                    ws.participants[1].seniority.years = Some(5);
                },
                SeniorityGap,
                0.0,
            ),
        ];
        for (name, edit, criterion, expected) in cases {
            let got = values_of(edit)[criterion.index()];
            assert!(
                (got - expected).abs() < 1e-12,
                "{name}: {got} != {expected}"
            );
        }
    }

    #[test]
    fn breakdown_adds_up_to_the_score() {
        let values = [0.9, 0.35, 2.0 / 3.0, 0.7, 0.85, 1.0, 0.5];
        for preset in super::super::model::Preset::ALL {
            let b = Breakdown::new(values, &preset.weights());
            assert!((b.points.iter().sum::<f64>() - b.score).abs() < 1e-9);
            assert!((0.0..=100.0).contains(&b.score));
            let shown: u32 = b.shown_points().iter().map(|&p| u32::from(p)).sum();
            assert_eq!(shown, u32::from(b.shown()), "{preset:?}");
        }
        let zero = Breakdown::new(values, &Weights([0; 7]));
        assert_eq!((zero.score, zero.shown()), (0.0, 0));
        let full = Breakdown::new([1.0; 7], &Weights([5; 7]));
        assert_eq!(full.shown(), 100);
        assert_eq!(
            full.shown_points()
                .iter()
                .map(|&p| u32::from(p))
                .sum::<u32>(),
            100
        );
    }

    #[test]
    fn weights_scale_each_criterion() {
        let values = [1.0, 0.0, 0.0, 0.0, 0.0, 0.0, 0.0];
        let only_reverse = Breakdown::new(values, &Weights([5, 0, 0, 0, 0, 0, 0]));
        assert_eq!(only_reverse.score, 100.0);
        let half = Breakdown::new(values, &Weights([1, 1, 0, 0, 0, 0, 0]));
        assert_eq!(half.score, 50.0);
    }

    #[test]
    fn evidence_names_what_the_values_counted() {
        let mut ws = pair();
        offer(&mut ws, 0, "social-media", 4);
        offer(&mut ws, 0, "ai-tools", 3);
        want(&mut ws, 1, "ai-tools", Priority::Important);
        want(&mut ws, 1, "social-media", Priority::MustHave);
        want(&mut ws, 1, "data-literacy", Priority::NiceToHave);
        offer(&mut ws, 1, "negotiation", 5);
        want(&mut ws, 0, "negotiation", Priority::MustHave);
        ws.participants[0].interests = vec!["cycling".into(), "photography".into()];
        ws.participants[1].interests = vec!["photography".into(), "cycling".into(), "golf".into()];
        ws.participants[0].department = "IT".into();
        ws.participants[1].department = "Sales".into();
        let prep = Prepared::new(&ws);
        let ev = evidence(&prep, 0, 1);
        let taught: Vec<&str> = ev.teaches.iter().map(|m| m.skill.as_str()).collect();
        assert_eq!(taught, ["social-media", "ai-tools"]);
        assert_eq!(ev.shares_back.len(), 1);
        assert_eq!(ev.shares_back[0].level, 5);
        assert_eq!(ev.interests, ["cycling", "photography"]);
        assert_eq!(
            ev.departments,
            Departments::Different("IT".into(), "Sales".into())
        );
        let v = values(&prep, 0, 1);
        assert!(v[0] > 0.0 && v[1] > 0.0 && v[2] > 0.0);
    }
}

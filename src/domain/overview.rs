//! The numbers on the Overview page: who takes part, where, whether consent
//! is on file, how the objectives move, and which skills are short.

use std::collections::HashMap;

use super::ids::ObjectiveId;
use super::participants::Role;
use super::skills::SkillId;
use super::text;
use super::workspace::Workspace;

/// Headline counts for the program. Role and department counts cover the whole
/// roster (so they add up to `total`); `active` says how many are in pairing.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub total: usize,
    pub active: usize,
    pub reverse_mentors: usize,
    pub mentees: usize,
    /// Sorted by department name (ignoring case and accents).
    pub by_department: Vec<DepartmentCount>,
    /// People with no consent date: their data should not be kept without it.
    pub without_consent: usize,
    /// In the program's order.
    pub objectives: Vec<ObjectiveProgress>,
}

/// One department's people by role. Spellings that differ only in case or
/// accents are one department, shown as first written. People with no
/// department are grouped under `""`, which the UI labels "No department".
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DepartmentCount {
    pub department: String,
    pub reverse_mentors: usize,
    pub mentees: usize,
}

/// An objective with its progress, ready to draw as a bar.
#[derive(Clone, Debug, PartialEq)]
pub struct ObjectiveProgress {
    pub id: ObjectiveId,
    pub title: String,
    pub company_goal: String,
    pub kpi_name: String,
    pub unit: String,
    pub baseline: f64,
    pub target: f64,
    pub current: Option<f64>,
    /// Share of the way from baseline to target, 0–1; `None` until measured.
    pub progress: Option<f64>,
}

/// How many active people offer and want a skill. A skill wanted by many and
/// offered by few is a gap the coordinator can recruit for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SkillBalance {
    pub skill: SkillId,
    pub offered_by: usize,
    pub wanted_by: usize,
}

pub fn overview(ws: &Workspace) -> Overview {
    let people = &ws.participants;
    let count_role = |role: Role| people.iter().filter(|p| p.role == role).count();

    let mut departments: HashMap<String, DepartmentCount> = HashMap::new();
    for p in people {
        let name = p.department.trim();
        let entry = departments
            .entry(text::search_key(name))
            .or_insert_with(|| DepartmentCount {
                department: name.to_string(),
                reverse_mentors: 0,
                mentees: 0,
            });
        match p.role {
            Role::ReverseMentor => entry.reverse_mentors += 1,
            Role::Mentee => entry.mentees += 1,
        }
    }
    let mut by_department: Vec<(String, DepartmentCount)> = departments.into_iter().collect();
    by_department.sort_by(|(a, _), (b, _)| a.cmp(b));

    let objectives = ws
        .program
        .objectives
        .iter()
        .map(|o| ObjectiveProgress {
            id: o.id.clone(),
            title: o.title.clone(),
            company_goal: o.company_goal.clone(),
            kpi_name: o.kpi_name.clone(),
            unit: o.unit.clone(),
            baseline: o.baseline,
            target: o.target,
            current: o.current,
            progress: o.progress(),
        })
        .collect();

    Overview {
        total: people.len(),
        active: people.iter().filter(|p| p.active).count(),
        reverse_mentors: count_role(Role::ReverseMentor),
        mentees: count_role(Role::Mentee),
        by_department: by_department.into_iter().map(|(_, count)| count).collect(),
        without_consent: people.iter().filter(|p| p.consent_date.is_none()).count(),
        objectives,
    }
}

/// Supply and demand per skill among active participants, most wanted first
/// (then by id), listing only skills someone offers or wants. A person who
/// lists a skill twice counts once.
pub fn skill_demand(ws: &Workspace) -> Vec<SkillBalance> {
    let mut balance: HashMap<&SkillId, (usize, usize)> = HashMap::new();
    for p in ws.participants.iter().filter(|p| p.active) {
        for skill in distinct(p.skills_offered.iter().map(|s| &s.skill)) {
            balance.entry(skill).or_default().0 += 1;
        }
        for skill in distinct(p.skills_wanted.iter().map(|s| &s.skill)) {
            balance.entry(skill).or_default().1 += 1;
        }
    }
    let mut out: Vec<SkillBalance> = balance
        .into_iter()
        .map(|(skill, (offered_by, wanted_by))| SkillBalance {
            skill: skill.clone(),
            offered_by,
            wanted_by,
        })
        .collect();
    out.sort_by(|a, b| {
        b.wanted_by
            .cmp(&a.wanted_by)
            .then_with(|| a.skill.cmp(&b.skill))
    });
    out
}

/// The skills of one list without repeats; lists are short, so a scan is fine.
fn distinct<'a>(skills: impl Iterator<Item = &'a SkillId>) -> Vec<&'a SkillId> {
    let mut out: Vec<&SkillId> = Vec::new();
    for skill in skills {
        if !out.contains(&skill) {
            out.push(skill);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::date::Date;
    use crate::domain::ids::{ParticipantId, seeded_bytes};
    use crate::domain::participants::{OfferedSkill, Participant, Priority, WantedSkill};
    use crate::domain::program::Objective;

    fn skill(id: &str) -> SkillId {
        SkillId::parse(id).unwrap()
    }

    fn person(seed: u64, role: Role, department: &str, active: bool, consent: bool) -> Participant {
        let mut p = Participant::new(ParticipantId::from_random_bytes(seeded_bytes(seed)), role);
        p.department = department.into();
        p.active = active;
        p.consent_date = if consent { Date::new(2026, 9, 1) } else { None };
        p
    }

    fn objective(seed: u64, current: Option<f64>) -> Objective {
        Objective {
            id: ObjectiveId::from_random_bytes(seeded_bytes(seed)),
            title: format!("Objective {seed}"),
            company_goal: "Goal".into(),
            owner_department: "People & Culture".into(),
            kpi_name: "Turnover".into(),
            unit: "%".into(),
            baseline: 18.0,
            target: 10.0,
            current,
            skills: vec![],
        }
    }

    #[test]
    fn empty_workspace() {
        let o = overview(&Workspace::default());
        assert_eq!(
            (
                o.total,
                o.active,
                o.reverse_mentors,
                o.mentees,
                o.without_consent
            ),
            (0, 0, 0, 0, 0)
        );
        assert!(o.by_department.is_empty() && o.objectives.is_empty());
        assert!(skill_demand(&Workspace::default()).is_empty());
    }

    #[test]
    fn counts_and_departments() {
        use Role::*;
        let mut ws = Workspace {
            participants: vec![
                person(1, Mentee, "Sales", true, true),
                person(2, ReverseMentor, " sales ", true, false),
                person(3, ReverseMentor, "Finance", false, true),
                person(4, Mentee, "", true, false),
                person(5, ReverseMentor, "Márketing", true, true),
                person(6, ReverseMentor, "marketing", true, true),
            ],
            ..Default::default()
        };
        ws.program.objectives = vec![objective(1, Some(14.0)), objective(2, None)];
        let o = overview(&ws);
        assert_eq!(
            (
                o.total,
                o.active,
                o.reverse_mentors,
                o.mentees,
                o.without_consent
            ),
            (6, 5, 4, 2, 2)
        );
        let dept = |department: &str, reverse_mentors, mentees| DepartmentCount {
            department: department.into(),
            reverse_mentors,
            mentees,
        };
        assert_eq!(
            o.by_department,
            vec![
                dept("", 0, 1),
                dept("Finance", 1, 0),
                dept("Márketing", 2, 0),
                dept("Sales", 1, 1)
            ]
        );
        assert_eq!(o.objectives.len(), 2);
        assert_eq!(o.objectives[0].progress, Some(0.5));
        assert_eq!(o.objectives[0].current, Some(14.0));
        assert_eq!(o.objectives[0].title, "Objective 1");
        assert_eq!(o.objectives[1].progress, None);
        assert_eq!(o.objectives[1].id, ws.program.objectives[1].id);
    }

    #[test]
    fn skill_demand_table() {
        let offer = |id: &str| OfferedSkill {
            skill: skill(id),
            level: 4,
        };
        let want = |id: &str| WantedSkill {
            skill: skill(id),
            priority: Priority::Important,
        };
        let mut a = person(1, Role::ReverseMentor, "", true, true);
        a.skills_offered = vec![
            offer("social-media"),
            offer("ai-tools"),
            offer("social-media"),
        ];
        a.skills_wanted = vec![want("leadership")];
        let mut b = person(2, Role::Mentee, "", true, true);
        b.skills_offered = vec![offer("leadership")];
        b.skills_wanted = vec![want("social-media"), want("ai-tools")];
        let mut c = person(3, Role::Mentee, "", true, true);
        c.skills_wanted = vec![want("ai-tools"), want("e-commerce")];
        // Inactive people do not count.
        let mut d = person(4, Role::Mentee, "", false, true);
        d.skills_wanted = vec![want("strategy")];
        d.skills_offered = vec![offer("ai-tools")];
        let ws = Workspace {
            participants: vec![a, b, c, d],
            ..Default::default()
        };
        let demand = skill_demand(&ws);
        let found: Vec<(&str, usize, usize)> = demand
            .iter()
            .map(|b| (b.skill.as_str(), b.offered_by, b.wanted_by))
            .collect();
        assert_eq!(
            found,
            vec![
                ("ai-tools", 1, 2),
                ("e-commerce", 0, 1),
                ("leadership", 1, 1),
                ("social-media", 1, 1),
            ]
        );
    }
}

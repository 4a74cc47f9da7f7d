//! Hard rules: who may never be paired, whatever the score. The workspace is
//! read once into [`Prepared`] (ids turned into indices, tags and skills
//! interned, manager chains walked) so that checking and scoring a million
//! candidate pairs stays cheap.

use std::collections::HashMap;

use crate::domain::ids::ParticipantId;
use crate::domain::participants::Role;
use crate::domain::skills::SkillId;
use crate::domain::text;
use crate::domain::workspace::Workspace;

/// Why two people can never be a pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Block {
    /// One of them is marked inactive.
    Inactive,
    /// Both have the same role.
    SameRole,
    /// The coordinator forbade this pair.
    Forbidden,
    /// One of them listed the other as "never pair with".
    NeverPair,
    /// One manages the other, directly or further up the chain.
    ReportingLine,
    /// Both listed languages and none is shared.
    NoCommonLanguage,
}

impl Block {
    pub const ALL: [Block; 6] = [
        Block::Inactive,
        Block::SameRole,
        Block::Forbidden,
        Block::NeverPair,
        Block::ReportingLine,
        Block::NoCommonLanguage,
    ];
}

/// What the rules and the scoring need to know about one person, as indices.
#[derive(Clone, Debug, Default)]
pub struct Facts {
    /// Everyone above this person in the manager chain.
    pub managers: Vec<u32>,
    /// Interned language codes, sorted; empty when not stated.
    pub languages: Vec<u32>,
    /// Never-pair lists, both directions, sorted.
    pub never: Vec<u32>,
    /// Interned interest tags, sorted.
    pub interests: Vec<u32>,
    /// Interned department; `None` when blank.
    pub department: Option<u32>,
    /// Skills taught: (interned skill, level / 5), sorted by skill.
    pub offered: Vec<(u32, f64)>,
    /// Skills wanted: (interned skill, priority weight, doubled when an
    /// objective names the skill), sorted by skill.
    pub wanted: Vec<(u32, f64)>,
    /// Sum of the `wanted` weights.
    pub wanted_total: f64,
    /// Pairs the coordinator forbade with this person, sorted.
    pub forbidden: Vec<u32>,
    /// Interests and languages as bit sets (first 64 of each), so the hot
    /// loop over every candidate pair is a few instructions.
    pub interest_bits: u64,
    pub language_bits: u64,
    /// Some interest or language is beyond the bit sets: fall back to lists.
    pub overflow: bool,
    pub channel_bits: u8,
    pub first_channel: Option<u8>,
    pub availability: u32,
    pub years: Option<u8>,
}

/// The workspace read for pairing. Indices are positions in
/// `workspace.participants`.
pub struct Prepared<'a> {
    pub workspace: &'a Workspace,
    /// Active reverse mentors, in id order (the solver's columns).
    pub mentors: Vec<usize>,
    /// Active mentees, in id order (the solver's rows).
    pub mentees: Vec<usize>,
    pub facts: Vec<Facts>,
    /// Interest tags by interned index, to show shared interests.
    pub tags: Vec<String>,
    /// Skill ids by interned index.
    pub skills: Vec<SkillId>,
    /// Interned skills that some objective names.
    pub objective_skills: Vec<u32>,
    /// Teaching level / 5 per person and interned skill, flat
    /// (`person * skills.len() + skill`), 0 when not taught.
    pub levels: Vec<f64>,
    index_of: HashMap<&'a ParticipantId, usize>,
}

impl<'a> Prepared<'a> {
    pub fn new(workspace: &'a Workspace) -> Prepared<'a> {
        let people = &workspace.participants;
        let index_of: HashMap<&ParticipantId, usize> =
            people.iter().enumerate().map(|(i, p)| (&p.id, i)).collect();
        let mut languages = Interner::default();
        let mut tags = Interner::default();
        let mut departments = Interner::default();
        let mut skills = Interner::default();
        let mut skill_ids: Vec<SkillId> = Vec::new();
        let mut intern_skill = |id: &SkillId| {
            let n = skills.intern(id.as_str());
            if n as usize == skill_ids.len() {
                skill_ids.push(id.clone());
            }
            n
        };
        let mut objective_skills: Vec<u32> = workspace
            .program
            .objectives
            .iter()
            .flat_map(|o| o.skills.iter())
            .map(&mut intern_skill)
            .collect();
        sort_dedup(&mut objective_skills);

        let mut facts: Vec<Facts> = people
            .iter()
            .map(|p| {
                let mut f = Facts {
                    languages: p
                        .languages
                        .iter()
                        .map(|l| l.trim().to_lowercase())
                        .filter(|l| !l.is_empty())
                        .map(|l| languages.intern(&l))
                        .collect(),
                    interests: p
                        .interests
                        .iter()
                        .map(|t| text::normalize_tag(t))
                        .filter(|t| !t.is_empty())
                        .map(|t| tags.intern(&t))
                        .collect(),
                    department: Some(text::search_key(p.department.trim()))
                        .filter(|d| !d.is_empty())
                        .map(|d| departments.intern(&d)),
                    ..Facts::default()
                };
                f.offered = p
                    .skills_offered
                    .iter()
                    .map(|s| (intern_skill(&s.skill), f64::from(s.level.min(5)) / 5.0))
                    .collect();
                f.wanted = p
                    .skills_wanted
                    .iter()
                    .map(|s| {
                        let n = intern_skill(&s.skill);
                        let boost = if objective_skills.binary_search(&n).is_ok() {
                            2.0
                        } else {
                            1.0
                        };
                        (n, f64::from(s.priority.weight()) * boost)
                    })
                    .collect();
                sort_dedup_by_key(&mut f.offered);
                sort_dedup_by_key(&mut f.wanted);
                sort_dedup(&mut f.languages);
                sort_dedup(&mut f.interests);
                f
            })
            .collect();

        for (i, p) in people.iter().enumerate() {
            facts[i].managers = manager_chain(workspace, &index_of, i);
            for other in &p.never_pair_with {
                if let Some(&j) = index_of.get(other) {
                    facts[i].never.push(j as u32);
                    facts[j].never.push(i as u32);
                }
            }
        }
        for k in &workspace.pairing.forbidden {
            if let (Some(&a), Some(&b)) = (index_of.get(&k.mentor), index_of.get(&k.mentee)) {
                facts[a].forbidden.push(b as u32);
                facts[b].forbidden.push(a as u32);
            }
        }
        let skill_count = skill_ids.len();
        let mut levels = vec![0.0; people.len() * skill_count];
        for (i, (f, p)) in facts.iter_mut().zip(people).enumerate() {
            sort_dedup(&mut f.never);
            sort_dedup(&mut f.forbidden);
            for &(skill, level) in &f.offered {
                levels[i * skill_count + skill as usize] = level;
            }
            f.wanted_total = f.wanted.iter().map(|&(_, w)| w).sum();
            let bits = |list: &[u32]| {
                list.iter()
                    .filter(|&&t| t < 64)
                    .fold(0u64, |b, &t| b | 1 << t)
            };
            f.interest_bits = bits(&f.interests);
            f.language_bits = bits(&f.languages);
            f.overflow = f.interests.iter().chain(&f.languages).any(|&t| t >= 64);
            f.channel_bits = p.channels.iter().fold(0u8, |b, &c| b | 1 << (c as u8));
            f.first_channel = p.channels.first().map(|&c| c as u8);
            f.availability = p.availability.bits();
            f.years = p.seniority.years;
        }

        let by_id = |role: Role| {
            let mut list: Vec<usize> = (0..people.len())
                .filter(|&i| people[i].active && people[i].role == role)
                .collect();
            list.sort_by(|&a, &b| people[a].id.cmp(&people[b].id));
            list
        };
        Prepared {
            workspace,
            mentors: by_id(Role::ReverseMentor),
            mentees: by_id(Role::Mentee),
            facts,
            tags: tags.into_names(),
            skills: skill_ids,
            objective_skills,
            levels,
            index_of,
        }
    }

    pub fn index(&self, id: &ParticipantId) -> Option<usize> {
        self.index_of.get(id).copied()
    }

    /// The first rule that keeps `mentor` and `mentee` apart, or `None` when
    /// they may be paired. Rules are checked in [`Block::ALL`] order.
    pub fn block(&self, mentor: usize, mentee: usize) -> Option<Block> {
        let people = &self.workspace.participants;
        let (m, e) = (&people[mentor], &people[mentee]);
        if !m.active || !e.active {
            return Some(Block::Inactive);
        }
        if m.role != Role::ReverseMentor || e.role != Role::Mentee {
            return Some(Block::SameRole);
        }
        self.block_between(mentor, mentee)
    }

    /// The rules that hold between any two people, whatever their roles
    /// (also used for circles): forbidden, never pair, reporting line,
    /// language.
    pub fn block_between(&self, a: usize, b: usize) -> Option<Block> {
        let (fa, fb) = (&self.facts[a], &self.facts[b]);
        let (ua, ub) = (a as u32, b as u32);
        if !fa.forbidden.is_empty() && fa.forbidden.binary_search(&ub).is_ok() {
            return Some(Block::Forbidden);
        }
        if !fa.never.is_empty() && fa.never.binary_search(&ub).is_ok() {
            return Some(Block::NeverPair);
        }
        if fa.managers.contains(&ub) || fb.managers.contains(&ua) {
            return Some(Block::ReportingLine);
        }
        let shared_language = if fa.overflow || fb.overflow {
            count_common(&fa.languages, &fb.languages) > 0
        } else {
            fa.language_bits & fb.language_bits != 0
        };
        if !fa.languages.is_empty() && !fb.languages.is_empty() && !shared_language {
            return Some(Block::NoCommonLanguage);
        }
        None
    }
}

/// Everyone above person `i`, nearest first; stops at a cycle (validation
/// reports cycles, pairing must still terminate).
fn manager_chain(ws: &Workspace, index_of: &HashMap<&ParticipantId, usize>, i: usize) -> Vec<u32> {
    let mut chain = Vec::new();
    let mut current = i;
    while let Some(next) = ws.participants[current]
        .manager
        .as_ref()
        .and_then(|m| index_of.get(m).copied())
    {
        if next == i || chain.contains(&(next as u32)) {
            break;
        }
        chain.push(next as u32);
        current = next;
    }
    chain
}

/// How many values two sorted lists share.
pub fn count_common(a: &[u32], b: &[u32]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Sorts by key and keeps the first entry of each key (a skill listed twice
/// counts once).
fn sort_dedup_by_key(list: &mut Vec<(u32, f64)>) {
    list.sort_by_key(|&(k, _)| k);
    list.dedup_by_key(|&mut (k, _)| k);
}

fn sort_dedup(list: &mut Vec<u32>) {
    list.sort_unstable();
    list.dedup();
}

/// Gives each distinct text a small number, in first-seen order.
#[derive(Default)]
struct Interner {
    ids: HashMap<String, u32>,
    names: Vec<String>,
}

impl Interner {
    fn intern(&mut self, text: &str) -> u32 {
        if let Some(&id) = self.ids.get(text) {
            return id;
        }
        let id = self.names.len() as u32;
        self.ids.insert(text.to_string(), id);
        self.names.push(text.to_string());
        id
    }

    fn into_names(self) -> Vec<String> {
        self.names
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::seeded_bytes;
    use crate::domain::matching::PairKey;
    use crate::domain::participants::Participant;

    fn person(seed: u64, role: Role) -> Participant {
        let mut p = Participant::new(ParticipantId::from_random_bytes(seeded_bytes(seed)), role);
        p.name = format!("P{seed}");
        p.languages = vec!["en".into()];
        p
    }

    /// Mentor 0 and mentee 1, changed by `edit`, then checked.
    fn check(edit: impl Fn(&mut Workspace)) -> Option<Block> {
        let mut ws = Workspace {
            participants: vec![
                person(1, Role::ReverseMentor),
                person(2, Role::Mentee),
                person(3, Role::Mentee),
                person(4, Role::Mentee),
            ],
            ..Default::default()
        };
        edit(&mut ws);
        Prepared::new(&ws).block(0, 1)
    }

    #[test]
    fn each_rule_blocks_on_its_own() {
        type Edit = fn(&mut Workspace);
        let cases: &[(&str, Edit, Option<Block>)] = &[
            ("nothing in the way", |_| {}, None),
            (
                "inactive mentor",
                |ws| ws.participants[0].active = false,
                Some(Block::Inactive),
            ),
            (
                "inactive mentee",
                |ws| ws.participants[1].active = false,
                Some(Block::Inactive),
            ),
            (
                "two mentors",
                |ws| ws.participants[1].role = Role::ReverseMentor,
                Some(Block::SameRole),
            ),
            (
                "forbidden by the coordinator",
                |ws| {
                    let key =
                        PairKey::new(ws.participants[0].id.clone(), ws.participants[1].id.clone());
                    ws.pairing.forbidden.push(key);
                },
                Some(Block::Forbidden),
            ),
            (
                "mentee will never pair with mentor",
                |ws| {
                    let other = ws.participants[0].id.clone();
                    ws.participants[1].never_pair_with.push(other);
                },
                Some(Block::NeverPair),
            ),
            (
                "mentor will never pair with mentee",
                |ws| {
                    let other = ws.participants[1].id.clone();
                    ws.participants[0].never_pair_with.push(other);
                },
                Some(Block::NeverPair),
            ),
            (
                "mentee manages mentor directly",
                |ws| ws.participants[0].manager = Some(ws.participants[1].id.clone()),
                Some(Block::ReportingLine),
            ),
            (
                "mentee manages mentor two levels up",
                |ws| {
                    ws.participants[0].manager = Some(ws.participants[2].id.clone());
                    ws.participants[2].manager = Some(ws.participants[1].id.clone());
                },
                Some(Block::ReportingLine),
            ),
            (
                "mentor manages mentee (either direction)",
                |ws| ws.participants[1].manager = Some(ws.participants[0].id.clone()),
                Some(Block::ReportingLine),
            ),
            (
                "same manager is not a reporting line",
                |ws| {
                    ws.participants[0].manager = Some(ws.participants[3].id.clone());
                    ws.participants[1].manager = Some(ws.participants[3].id.clone());
                },
                None,
            ),
            (
                "a manager cycle still ends",
                |ws| {
                    ws.participants[2].manager = Some(ws.participants[3].id.clone());
                    ws.participants[3].manager = Some(ws.participants[2].id.clone());
                    ws.participants[0].manager = Some(ws.participants[2].id.clone());
                },
                None,
            ),
            (
                "no common language",
                |ws| ws.participants[1].languages = vec!["it".into(), "es".into()],
                Some(Block::NoCommonLanguage),
            ),
            (
                "a shared second language is enough",
                |ws| ws.participants[1].languages = vec!["it".into(), " EN".into()],
                None,
            ),
            (
                "unstated languages do not block",
                |ws| ws.participants[1].languages.clear(),
                None,
            ),
        ];
        for (name, edit, expected) in cases {
            assert_eq!(check(edit), *expected, "{name}");
        }
    }

    #[test]
    fn candidates_are_active_and_sorted_by_id() {
        let mut ws = Workspace {
            participants: (1..=6)
                .map(|s| {
                    person(
                        s,
                        if s % 2 == 0 {
                            Role::Mentee
                        } else {
                            Role::ReverseMentor
                        },
                    )
                })
                .collect(),
            ..Default::default()
        };
        ws.participants[2].active = false;
        let prep = Prepared::new(&ws);
        assert_eq!(prep.mentors.len(), 2);
        assert_eq!(prep.mentees.len(), 3);
        for list in [&prep.mentors, &prep.mentees] {
            assert!(
                list.windows(2)
                    .all(|w| ws.participants[w[0]].id < ws.participants[w[1]].id)
            );
        }
    }

    #[test]
    fn common_values_of_sorted_lists() {
        assert_eq!(count_common(&[1, 3, 5, 7], &[2, 3, 7, 9]), 2);
        assert_eq!(count_common(&[], &[1]), 0);
    }
}

//! Finding people in the participant list: a free-text query plus a few
//! exact filters, as the list page offers them.

use std::collections::HashMap;

use super::participants::{Participant, Role};
use super::skills::{Catalogue, Lang, SkillId};
use super::text;
use super::workspace::Workspace;

/// What the coordinator typed and picked above the participant list. The
/// default filter matches everyone.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ParticipantFilter {
    /// Whitespace-separated terms; every term must appear (ignoring case and
    /// accents) in at least one searchable field.
    pub query: String,
    pub role: Option<Role>,
    /// Compared ignoring case and accents; `Some("")` finds people with no department.
    pub department: Option<String>,
    pub active: Option<bool>,
}

impl ParticipantFilter {
    /// Whether one participant passes. For a whole list use [`ParticipantFilter::apply`],
    /// which prepares the search keys once.
    pub fn matches(&self, p: &Participant, catalogue: &Catalogue, lang: Lang) -> bool {
        let terms = self.terms();
        let department = self.department_key();
        self.passes_exact(p, department.as_deref())
            && (terms.is_empty()
                || terms_match(
                    &terms,
                    &haystack(p, |id| text::search_key(&catalogue.label(id, lang))),
                ))
    }

    /// The matching participants, sorted by name (ignoring case and accents), then id.
    pub fn apply<'a>(&self, workspace: &'a Workspace, lang: Lang) -> Vec<&'a Participant> {
        self.apply_indexed(workspace, &SearchIndex::build(workspace, lang))
    }

    /// Like [`ParticipantFilter::apply`] with keys prepared once by
    /// [`SearchIndex::build`], so a keystroke only scans ready-made text. An
    /// index built from another workspace is rebuilt rather than trusted.
    pub fn apply_indexed<'a>(
        &self,
        workspace: &'a Workspace,
        index: &SearchIndex,
    ) -> Vec<&'a Participant> {
        if index.entries.len() != workspace.participants.len() {
            return self.apply_indexed(workspace, &SearchIndex::build(workspace, index.lang));
        }
        let terms = self.terms();
        let department = self.department_key();
        let mut found: Vec<(&str, &Participant)> = workspace
            .participants
            .iter()
            .zip(&index.entries)
            .filter(|(p, entry)| {
                self.role.is_none_or(|role| p.role == role)
                    && self.active.is_none_or(|active| p.active == active)
                    && department
                        .as_deref()
                        .is_none_or(|key| entry.department_key == key)
                    && terms_match(&terms, &entry.haystack)
            })
            .map(|(p, entry)| (entry.name_key.as_str(), p))
            .collect();
        found.sort_by(|(a_key, a), (b_key, b)| a_key.cmp(b_key).then_with(|| a.id.cmp(&b.id)));
        found.into_iter().map(|(_, p)| p).collect()
    }

    fn terms(&self) -> Vec<String> {
        self.query
            .split_whitespace()
            .map(text::search_key)
            .collect()
    }

    fn department_key(&self) -> Option<String> {
        self.department
            .as_deref()
            .map(|d| text::search_key(d.trim()))
    }

    fn passes_exact(&self, p: &Participant, department_key: Option<&str>) -> bool {
        self.role.is_none_or(|role| p.role == role)
            && self.active.is_none_or(|active| p.active == active)
            && department_key.is_none_or(|key| text::search_key(p.department.trim()) == key)
    }
}

/// Search keys of every participant for one language, in workspace order.
#[derive(Clone, Debug, PartialEq)]
pub struct SearchIndex {
    lang: Lang,
    entries: Vec<IndexEntry>,
}

#[derive(Clone, Debug, PartialEq)]
struct IndexEntry {
    name_key: String,
    department_key: String,
    haystack: String,
}

impl SearchIndex {
    pub fn build(workspace: &Workspace, lang: Lang) -> SearchIndex {
        // Skill labels are looked up once per skill, not once per mention.
        let mut labels: HashMap<&SkillId, String> = HashMap::new();
        let entries = workspace
            .participants
            .iter()
            .map(|p| {
                for id in skill_ids(p) {
                    labels
                        .entry(id)
                        .or_insert_with(|| text::search_key(&workspace.catalogue.label(id, lang)));
                }
                IndexEntry {
                    name_key: text::search_key(p.name.trim()),
                    department_key: text::search_key(p.department.trim()),
                    haystack: haystack(p, |id| labels.get(id).cloned().unwrap_or_default()),
                }
            })
            .collect();
        SearchIndex { lang, entries }
    }
}

fn skill_ids(p: &Participant) -> impl Iterator<Item = &SkillId> {
    p.skills_offered
        .iter()
        .map(|s| &s.skill)
        .chain(p.skills_wanted.iter().map(|s| &s.skill))
}

/// Every searchable field's key, one per line. A term never contains a
/// newline (terms are split on whitespace), so a substring match here is a
/// match inside one field.
fn haystack(p: &Participant, label_key: impl Fn(&SkillId) -> String) -> String {
    let mut hay = String::new();
    let fields = [&p.name, &p.email, &p.department, &p.job_title, &p.location];
    for field in fields.into_iter().chain(&p.interests) {
        hay.push_str(&text::search_key(field));
        hay.push('\n');
    }
    for id in skill_ids(p) {
        hay.push_str(&label_key(id));
        hay.push('\n');
    }
    hay
}

fn terms_match(terms: &[String], hay: &str) -> bool {
    terms.iter().all(|term| hay.contains(term.as_str()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{ParticipantId, seeded_bytes};
    use crate::domain::participants::{OfferedSkill, Priority, WantedSkill};
    use crate::domain::skills::{CustomSkill, SkillKind};

    fn skill(id: &str) -> SkillId {
        SkillId::parse(id).unwrap()
    }

    fn person(seed: u64, name: &str, role: Role, department: &str) -> Participant {
        let mut p = Participant::new(ParticipantId::from_random_bytes(seeded_bytes(seed)), role);
        p.name = name.into();
        p.email = format!("{}@vellora.example", text::slug(name).replace('-', "."));
        p.department = department.into();
        p
    }

    fn workspace() -> Workspace {
        let mut lucia = person(1, "Lucía Fernández", Role::Mentee, "Ventas");
        lucia.job_title = "Head of Sales Iberia".into();
        lucia.location = "Madrid".into();
        lucia.skills_wanted = vec![WantedSkill {
            skill: skill("social-media"),
            priority: Priority::MustHave,
        }];
        lucia.interests = vec!["cycling".into(), "cooking".into()];

        let mut giulia = person(2, "Giulia Marchetti", Role::ReverseMentor, "Marketing");
        giulia.job_title = "Social Media Specialist".into();
        giulia.location = "Milan".into();
        giulia.skills_offered = vec![
            OfferedSkill {
                skill: skill("video-content"),
                level: 5,
            },
            OfferedSkill {
                skill: skill("custom-cold-chain"),
                level: 3,
            },
        ];
        giulia.interests = vec!["photography".into()];

        let mut pablo = person(3, "pablo Ruiz", Role::ReverseMentor, " ventas ");
        pablo.active = false;
        pablo.location = "Remote".into();

        let ana = person(4, "Ana Ortiz", Role::Mentee, "");

        Workspace {
            participants: vec![lucia, giulia, pablo, ana],
            catalogue: Catalogue {
                custom: vec![CustomSkill {
                    id: skill("custom-cold-chain"),
                    name: "Cadena de frío".into(),
                    kind: SkillKind::Experience,
                }],
            },
            ..Default::default()
        }
    }

    fn names(found: &[&Participant]) -> Vec<String> {
        found.iter().map(|p| p.name.clone()).collect()
    }

    #[test]
    fn query_table() {
        let ws = workspace();
        let cases: &[(&str, Lang, &[&str])] = &[
            (
                "",
                Lang::En,
                &[
                    "Ana Ortiz",
                    "Giulia Marchetti",
                    "Lucía Fernández",
                    "pablo Ruiz",
                ],
            ),
            (
                "   ",
                Lang::En,
                &[
                    "Ana Ortiz",
                    "Giulia Marchetti",
                    "Lucía Fernández",
                    "pablo Ruiz",
                ],
            ),
            ("lucia", Lang::En, &["Lucía Fernández"]),
            ("FERNÁNDEZ", Lang::En, &["Lucía Fernández"]),
            ("giulia.marchetti@", Lang::En, &["Giulia Marchetti"]),
            ("ventas", Lang::En, &["Lucía Fernández", "pablo Ruiz"]),
            ("iberia", Lang::En, &["Lucía Fernández"]),
            ("milan", Lang::En, &["Giulia Marchetti"]),
            ("cook", Lang::En, &["Lucía Fernández"]),
            // Skill labels in the chosen language, wanted and offered.
            ("redes", Lang::Es, &["Lucía Fernández"]),
            ("redes", Lang::En, &[]),
            ("social", Lang::En, &["Giulia Marchetti", "Lucía Fernández"]),
            ("vídeo", Lang::Es, &["Giulia Marchetti"]),
            ("frio", Lang::It, &["Giulia Marchetti"]),
            // Every term must match, each in any field.
            ("madrid cycling", Lang::En, &["Lucía Fernández"]),
            ("madrid photography", Lang::En, &[]),
            ("madrid\nhead", Lang::En, &["Lucía Fernández"]),
            // A term does not span two fields.
            ("exampleventas", Lang::En, &[]),
            ("nobody", Lang::En, &[]),
        ];
        for (query, lang, expected) in cases {
            let filter = ParticipantFilter {
                query: query.to_string(),
                ..Default::default()
            };
            assert_eq!(
                names(&filter.apply(&ws, *lang)),
                *expected,
                "{query:?} {lang:?}"
            );
            for p in &ws.participants {
                assert_eq!(
                    filter.matches(p, &ws.catalogue, *lang),
                    expected.contains(&p.name.as_str()),
                    "{query:?} {lang:?} {}",
                    p.name
                );
            }
        }
    }

    #[test]
    fn exact_filters_table() {
        let ws = workspace();
        let cases: Vec<(ParticipantFilter, &[&str])> = vec![
            (
                ParticipantFilter {
                    role: Some(Role::Mentee),
                    ..Default::default()
                },
                &["Ana Ortiz", "Lucía Fernández"],
            ),
            (
                ParticipantFilter {
                    role: Some(Role::ReverseMentor),
                    ..Default::default()
                },
                &["Giulia Marchetti", "pablo Ruiz"],
            ),
            (
                ParticipantFilter {
                    department: Some("VENTAS".into()),
                    ..Default::default()
                },
                &["Lucía Fernández", "pablo Ruiz"],
            ),
            (
                ParticipantFilter {
                    department: Some("Vent".into()),
                    ..Default::default()
                },
                &[],
            ),
            (
                ParticipantFilter {
                    department: Some("".into()),
                    ..Default::default()
                },
                &["Ana Ortiz"],
            ),
            (
                ParticipantFilter {
                    active: Some(true),
                    ..Default::default()
                },
                &["Ana Ortiz", "Giulia Marchetti", "Lucía Fernández"],
            ),
            (
                ParticipantFilter {
                    active: Some(false),
                    ..Default::default()
                },
                &["pablo Ruiz"],
            ),
            (
                ParticipantFilter {
                    query: "ruiz".into(),
                    role: Some(Role::ReverseMentor),
                    department: Some("ventas".into()),
                    active: Some(false),
                },
                &["pablo Ruiz"],
            ),
            (
                ParticipantFilter {
                    query: "ruiz".into(),
                    active: Some(true),
                    ..Default::default()
                },
                &[],
            ),
        ];
        for (filter, expected) in cases {
            assert_eq!(names(&filter.apply(&ws, Lang::En)), expected, "{filter:?}");
            for p in &ws.participants {
                assert_eq!(
                    filter.matches(p, &ws.catalogue, Lang::En),
                    expected.contains(&p.name.as_str())
                );
            }
        }
    }

    #[test]
    fn equal_names_sort_by_id() {
        let a = person(10, "Same Name", Role::Mentee, "");
        let b = person(11, "same name", Role::Mentee, "");
        let (first, second) = if a.id < b.id {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        };
        let ws = Workspace {
            participants: vec![second.clone(), first.clone()],
            ..Default::default()
        };
        let found = ParticipantFilter::default().apply(&ws, Lang::En);
        assert_eq!(found, vec![&first, &second]);
    }

    #[test]
    fn two_thousand_people_filter_quickly() {
        let skills = [
            skill("social-media"),
            skill("leadership"),
            skill("ai-tools"),
        ];
        let participants: Vec<Participant> = (0..2000)
            .map(|i| {
                let mut p = person(
                    i,
                    &format!("Persona Número {i}"),
                    Role::Mentee,
                    ["Ventas", "Finanzas"][i as usize % 2],
                );
                p.skills_offered = vec![OfferedSkill {
                    skill: skills[i as usize % 3].clone(),
                    level: 3,
                }];
                p.interests = vec!["cycling".into(), "music".into()];
                p
            })
            .collect();
        let ws = Workspace {
            participants,
            ..Default::default()
        };
        let filter = ParticipantFilter {
            query: "numero herramientas".into(),
            department: Some("finanzas".into()),
            ..Default::default()
        };
        let started = std::time::Instant::now();
        let found = filter.apply(&ws, Lang::Es);
        // ai-tools is every third person, Finanzas every other: one in six.
        assert_eq!(found.len(), 333);
        assert!(
            started.elapsed().as_secs() < 2,
            "took {:?}",
            started.elapsed()
        );
    }
}

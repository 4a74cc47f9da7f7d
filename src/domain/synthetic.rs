//! Synthetic programs of any size for tests and benchmarks: realistic shapes
//! (departments with manager chains, a few languages, skills flowing the
//! reverse way, interests, channels, free slots, some mentors taking two or
//! three mentees), the same for the same seed.

use super::ids::{ParticipantId, seeded_bytes};
use super::participants::{
    Availability, Channel, DayPart, OfferedSkill, Participant, Priority, Role, WantedSkill, Weekday,
};
use super::skills::{DEFAULT_SKILLS, SkillId, SkillKind};
use super::workspace::Workspace;

const DEPARTMENTS: &[&str] = &[
    "Sales",
    "Marketing",
    "Finance",
    "Operations",
    "IT",
    "HR",
    "Legal",
    "Logistics",
];
const INTERESTS: &[&str] = &[
    "cycling",
    "photography",
    "cooking",
    "chess",
    "running",
    "music",
    "gardening",
    "travel",
    "football",
    "reading",
    "podcasts",
    "hiking",
    "gaming",
    "yoga",
    "cinema",
    "volunteering",
];
const FIRST: &[&str] = &[
    "Ana", "Luca", "Marta", "Paolo", "Sofia", "Javier", "Giulia", "Pablo", "Elena", "Marco",
    "Lucía", "Davide", "Carmen", "Matteo", "Irene", "Diego", "Chiara", "Hugo", "Laura", "Tom",
];
const LAST: &[&str] = &[
    "Rossi", "García", "Bianchi", "López", "Romano", "Martín", "Greco", "Sánchez", "Conti",
    "Moreno", "Costa", "Navarro", "Ricci", "Torres", "Marino", "Smith", "Brown", "Fontana",
];

/// A small deterministic generator (splitmix64), enough for test data.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in `0..n` (n > 0).
    pub fn below(&mut self, n: usize) -> usize {
        (self.next_u64() % n as u64) as usize
    }

    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.next_u64() % 100 < percent
    }

    pub fn pick<'a, T>(&mut self, list: &'a [T]) -> &'a T {
        &list[self.below(list.len())]
    }
}

/// `n` participants, about half reverse mentors, with manager chains inside
/// each department.
pub fn synthetic_workspace(n: usize, seed: u64) -> Workspace {
    let mut rng = Rng::new(seed);
    let digital: Vec<&str> = DEFAULT_SKILLS
        .iter()
        .filter(|s| s.kind == SkillKind::Digital)
        .map(|s| s.id)
        .collect();
    let experience: Vec<&str> = DEFAULT_SKILLS
        .iter()
        .filter(|s| s.kind == SkillKind::Experience)
        .map(|s| s.id)
        .collect();
    let mut people: Vec<Participant> = Vec::with_capacity(n);
    for i in 0..n {
        let role = if i % 2 == 0 {
            Role::Mentee
        } else {
            Role::ReverseMentor
        };
        let mentee = role == Role::Mentee;
        let id =
            ParticipantId::from_random_bytes(seeded_bytes(seed.wrapping_mul(1_000_003) ^ i as u64));
        let mut p = Participant::new(id, role);
        p.name = format!("{} {} {}", rng.pick(FIRST), rng.pick(LAST), i + 1);
        p.email = format!("person{}@example.test", i + 1);
        p.department = rng.pick(DEPARTMENTS).to_string();
        p.job_title = if mentee {
            "Director".into()
        } else {
            "Analyst".into()
        };
        p.seniority.years = Some(if mentee {
            12 + rng.below(20)
        } else {
            1 + rng.below(6)
        } as u8);
        p.languages = match rng.below(10) {
            0..=5 => vec!["en".into()],
            6 | 7 => vec!["es".into(), "en".into()],
            8 => vec!["it".into()],
            _ => vec!["es".into()],
        };
        let (teach, learn): (&[&str], &[&str]) = if mentee {
            (&experience, &digital)
        } else {
            (&digital, &experience)
        };
        for _ in 0..2 + rng.below(3) {
            let id: &&str = rng.pick(teach);
            let skill = SkillId::parse(id).expect("default skill ids are valid");
            if !p.skills_offered.iter().any(|s| s.skill == skill) {
                p.skills_offered.push(OfferedSkill {
                    skill,
                    level: 2 + rng.below(4) as u8,
                });
            }
        }
        for _ in 0..2 + rng.below(3) {
            let id: &&str = rng.pick(learn);
            let skill = SkillId::parse(id).expect("default skill ids are valid");
            if !p.skills_wanted.iter().any(|s| s.skill == skill) {
                let priority = *rng.pick(&Priority::ALL);
                p.skills_wanted.push(WantedSkill { skill, priority });
            }
        }
        for _ in 0..1 + rng.below(4) {
            let tag = rng.pick(INTERESTS).to_string();
            if !p.interests.contains(&tag) {
                p.interests.push(tag);
            }
        }
        for _ in 0..1 + rng.below(3) {
            let channel = *rng.pick(&Channel::ALL);
            if !p.channels.contains(&channel) {
                p.channels.push(channel);
            }
        }
        let mut slots = Availability::default();
        for _ in 0..1 + rng.below(5) {
            slots = slots.with(*rng.pick(&Weekday::ALL[..5]), *rng.pick(&DayPart::ALL));
        }
        p.availability = slots;
        p.capacity = if mentee {
            1
        } else {
            [1, 1, 1, 2, 2, 3][rng.below(6)]
        };
        p.active = !rng.chance(3);
        people.push(p);
    }
    // Managers: someone earlier in the same department, so chains have no cycles.
    for i in 0..n {
        if rng.chance(60) {
            let department = people[i].department.clone();
            let earlier: Vec<usize> = (0..i)
                .filter(|&j| people[j].department == department)
                .collect();
            if !earlier.is_empty() {
                let boss = earlier[rng.below(earlier.len().min(8))];
                people[i].manager = Some(people[boss].id.clone());
            }
        }
    }
    // A few explicit "never pair" wishes.
    for i in 0..n {
        if n > 1 && rng.chance(2) {
            let other = rng.below(n);
            if other != i {
                let id = people[other].id.clone();
                people[i].never_pair_with.push(id);
            }
        }
    }
    let mut ws = Workspace {
        participants: people,
        ..Default::default()
    };
    ws.program.name = format!("Synthetic program of {n}");
    ws
}

/// 2,000 synthetic people in 1,000 pairs with a year of records: 26
/// fortnightly sessions a pair from 5 January 2026 (the first 20 held, rated
/// 4 and 5), a self-assessment before (2 January) and after (1 December),
/// and two check-in rounds (1 March, 1 June) answered by everyone. What the
/// Sessions and Impact pages recompute at every edit, at full size, for
/// benchmarks and the tests that check those pages stay linear.
pub fn running_program() -> Workspace {
    use crate::domain::matching::{PairKey, pairing::accept};
    use crate::domain::sessions::log::new_session;
    use crate::domain::sessions::{
        Answer, AnswerValue, CheckinRound, Invitation, LocalDateTime, LocalTime, Response,
        RoundKind, SessionStatus, Token,
    };
    use crate::domain::{Date, Role, RoundId, SessionId};
    let day = |text: &str| Date::parse_iso(text).unwrap();
    let mut seed = 500_000u64;
    let mut next = || {
        seed += 1;
        seeded_bytes(seed)
    };
    let mut ws = synthetic_workspace(2000, 7);
    let ids = |ws: &Workspace, role: Role| -> Vec<ParticipantId> {
        ws.participants
            .iter()
            .filter(|p| p.role == role)
            .map(|p| p.id.clone())
            .collect()
    };
    let (mentors, mentees) = (ids(&ws, Role::ReverseMentor), ids(&ws, Role::Mentee));
    let pairs: Vec<PairKey> = mentors
        .iter()
        .zip(&mentees)
        .map(|(a, b)| PairKey::new(a.clone(), b.clone()))
        .collect();
    accept(&mut ws.pairing, &pairs, Some(day("2026-01-05")));
    for pair in &pairs {
        for k in 0..26 {
            let start = LocalDateTime {
                date: day("2026-01-05").add_days(14 * k).unwrap(),
                time: LocalTime::new(10, 0).unwrap(),
            };
            let mut session = new_session(
                pair.clone(),
                start,
                30,
                SessionId::from_random_bytes(next()),
            );
            session.status = if k < 20 {
                SessionStatus::Held
            } else {
                SessionStatus::Planned
            };
            session.mentor_rating = Some(4);
            session.mentee_rating = Some(5);
            ws.sessions.sessions.push(session);
        }
    }
    let everyone: Vec<ParticipantId> = ws.participants.iter().map(|p| p.id.clone()).collect();
    let rounds = [
        (RoundKind::PreAssessment, "2026-01-02"),
        (RoundKind::CheckIn, "2026-03-01"),
        (RoundKind::CheckIn, "2026-06-01"),
        (RoundKind::PostAssessment, "2026-12-01"),
    ];
    for (kind, opens) in rounds {
        let opens = day(opens);
        let round = CheckinRound {
            id: RoundId::from_random_bytes(next()),
            kind,
            opens,
            closes: opens.add_days(14).unwrap(),
            invitations: everyone
                .iter()
                .map(|p| Invitation {
                    participant: p.clone(),
                    token: Token(next()),
                })
                .collect(),
        };
        for person in &ws.participants {
            let answers = match kind {
                RoundKind::CheckIn => vec![("mood".to_string(), 4), ("going".to_string(), 4)],
                _ => person
                    .skills_wanted
                    .iter()
                    .map(|w| {
                        (
                            format!("skill:{}", w.skill),
                            if kind == RoundKind::PreAssessment {
                                2
                            } else {
                                4
                            },
                        )
                    })
                    .chain(
                        person
                            .skills_offered
                            .iter()
                            .map(|o| (format!("offer:{}", o.skill), 4)),
                    )
                    .collect(),
            };
            ws.sessions.responses.push(Response {
                round: round.id.clone(),
                participant: person.id.clone(),
                answered_on: opens,
                imported_on: opens,
                answers: answers
                    .into_iter()
                    .map(|(question, v)| Answer {
                        question,
                        value: AnswerValue::Scale(v),
                    })
                    .collect(),
            });
        }
        ws.sessions.rounds.push(round);
    }
    ws
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::validation::validate_workspace;

    #[test]
    fn synthetic_programs_are_valid_and_repeatable() {
        let ws = synthetic_workspace(300, 7);
        assert_eq!(ws.participants.len(), 300);
        assert_eq!(validate_workspace(&ws), vec![]);
        assert_eq!(ws, synthetic_workspace(300, 7));
        assert_ne!(ws, synthetic_workspace(300, 8));
    }
}

//! A believable, entirely fictional program to explore the app with: Vellora
//! Foods, an Italian–Spanish food distributor, pairs twelve junior reverse
//! mentors with twelve senior leaders across five departments.
//!
//! The data exercises every feature on purpose: reporting lines inside
//! departments (pairing must avoid them), bilingual and monolingual people,
//! two time zones, a custom skill, one inactive person, capacities above one.
//! Ids come from fixed seeds so the demo is identical on every load and in
//! tests.

use super::date::Date;
use super::ids::{ObjectiveId, ParticipantId, seeded_bytes};
use super::participants::Channel::{self, *};
use super::participants::DayPart::{self, *};
use super::participants::Priority::{self, *};
use super::participants::Role::{self, *};
use super::participants::Weekday::{self, *};
use super::participants::{Availability, OfferedSkill, Participant, Seniority, WantedSkill};
use super::program::{Cadence, GroundRules, Objective, Program};
use super::skills::{Catalogue, CustomSkill, SkillId, SkillKind};
use super::workspace::Workspace;

/// Every demo email ends with this; `.example` is reserved, so no mail can
/// ever reach a real person.
pub const DEMO_EMAIL_DOMAIN: &str = "vellora.example";

const PARTICIPANT_SEED: u64 = 0x5645_4c4c_0000_0000; // "VELL"
const OBJECTIVE_SEED: u64 = 0x5645_4c4c_0001_0000;

/// The demo workspace, the same on every call.
pub fn demo_workspace() -> Workspace {
    Workspace {
        program: program(),
        participants: PEOPLE.iter().map(Row::participant).collect(),
        catalogue: Catalogue {
            custom: vec![CustomSkill {
                id: skill("custom-cold-chain"),
                name: "Cold-chain logistics".into(),
                kind: SkillKind::Experience,
            }],
        },
        pairing: Default::default(),
        sessions: Default::default(),
        impact: Default::default(),
    }
}

fn program() -> Program {
    Program {
        name: "Bridge 2026 — reverse mentoring pilot".into(),
        organisation: "Vellora Foods".into(),
        description: "Twelve of our newest colleagues teach twelve senior leaders the tools, \
                      channels and habits of a market that now orders, reviews and complains \
                      online. In return, the leaders share what decades of moving fresh food \
                      between Italy and Spain have taught them. Pairs meet every two weeks for \
                      half an hour, across departments and borders, and never inside a \
                      reporting line."
            .into(),
        start_date: Date::new(2026, 9, 14),
        end_date: Date::new(2027, 3, 12),
        objectives: vec![
            Objective {
                id: ObjectiveId::from_random_bytes(seeded_bytes(OBJECTIVE_SEED + 1)),
                title: "Grow engagement on our social channels".into(),
                company_goal:
                    "Be the distributor restaurants and shops follow and recommend online".into(),
                owner_department: "Marketing".into(),
                kpi_name: "Average engagement rate".into(),
                unit: "%".into(),
                baseline: 1.8,
                target: 4.0,
                current: Some(2.6),
                skills: skills(&["social-media", "digital-marketing", "video-content"]),
            },
            Objective {
                id: ObjectiveId::from_random_bytes(seeded_bytes(OBJECTIVE_SEED + 2)),
                title: "Keep our under-30 talent".into(),
                company_goal: "Be the place young people in food and logistics choose, and stay"
                    .into(),
                owner_department: "People & Culture".into(),
                kpi_name: "Voluntary turnover of under-30s".into(),
                unit: "%".into(),
                baseline: 18.0,
                target: 10.0,
                current: Some(15.0),
                skills: skills(&["career-navigation", "leadership"]),
            },
        ],
        cadence: Cadence::Fortnightly,
        session_minutes: 30,
        ground_rules: GroundRules {
            custom: vec![
                "Sessions stay inside working hours: nobody gives up an evening for them.".into(),
            ],
            ..GroundRules::default()
        },
    }
}

fn skill(id: &str) -> SkillId {
    SkillId::parse(id).expect("demo skill ids are valid")
}

fn skills(ids: &[&str]) -> Vec<SkillId> {
    ids.iter().map(|id| skill(id)).collect()
}

fn participant_id(key: u64) -> ParticipantId {
    ParticipantId::from_random_bytes(seeded_bytes(PARTICIPANT_SEED + key))
}

/// One demo person, written as data so the roster reads like a table.
struct Row {
    key: u64,
    name: &'static str,
    /// The part before `@`.
    email: &'static str,
    role: Role,
    department: &'static str,
    job_title: &'static str,
    manager: Option<u64>,
    years: u8,
    grade: &'static str,
    languages: &'static [&'static str],
    location: &'static str,
    time_zone: &'static str,
    offered: &'static [(&'static str, u8)],
    wanted: &'static [(&'static str, Priority)],
    interests: &'static [&'static str],
    channels: &'static [Channel],
    slots: &'static [(Weekday, DayPart)],
    capacity: u8,
    consent: (i32, u8, u8),
    active: bool,
    notes: &'static str,
}

impl Row {
    fn participant(&self) -> Participant {
        let (year, month, day) = self.consent;
        Participant {
            id: participant_id(self.key),
            name: self.name.into(),
            email: format!("{}@{DEMO_EMAIL_DOMAIN}", self.email),
            role: self.role,
            department: self.department.into(),
            job_title: self.job_title.into(),
            manager: self.manager.map(participant_id),
            seniority: Seniority {
                years: Some(self.years),
                grade: self.grade.into(),
            },
            languages: self.languages.iter().map(|l| l.to_string()).collect(),
            location: self.location.into(),
            time_zone: self.time_zone.into(),
            skills_offered: self
                .offered
                .iter()
                .map(|&(id, level)| OfferedSkill {
                    skill: skill(id),
                    level,
                })
                .collect(),
            skills_wanted: self
                .wanted
                .iter()
                .map(|&(id, priority)| WantedSkill {
                    skill: skill(id),
                    priority,
                })
                .collect(),
            interests: self.interests.iter().map(|i| i.to_string()).collect(),
            channels: self.channels.to_vec(),
            availability: self
                .slots
                .iter()
                .fold(Availability::default(), |a, &(d, p)| a.with(d, p)),
            capacity: self.capacity,
            never_pair_with: Vec::new(),
            consent_date: Date::new(year, month, day),
            active: self.active,
            notes: self.notes.into(),
        }
    }
}

const ROME: &str = "Europe/Rome";
const MADRID: &str = "Europe/Madrid";

const SALES: &str = "Sales";
const MARKETING: &str = "Marketing";
const OPERATIONS: &str = "Operations";
const FINANCE: &str = "Finance";
const PEOPLE_CULTURE: &str = "People & Culture";

// Keys 1–12 are the senior mentees, 13–24 the junior reverse mentors. The COO
// (key 1) is the top of most reporting lines; the CFO reports to the CEO,
// who is not in the program.
const PEOPLE: &[Row] = &[
    Row {
        key: 1,
        name: "Giorgio Bellandi",
        email: "giorgio.bellandi",
        role: Mentee,
        department: OPERATIONS,
        job_title: "Chief Operating Officer",
        manager: None,
        years: 32,
        grade: "Executive",
        languages: &["it", "en"],
        location: "Milan",
        time_zone: ROME,
        offered: &[("leadership", 5), ("strategy", 5), ("decision-making", 4)],
        wanted: &[
            ("ai-tools", MustHave),
            ("data-literacy", Important),
            ("social-media", NiceToHave),
        ],
        interests: &["cycling", "chess", "travel"],
        channels: &[InPerson, VideoCall],
        slots: &[(Tue, Morning), (Thu, Morning), (Fri, Afternoon)],
        capacity: 1,
        consent: (2026, 8, 24),
        active: true,
        notes: "Program sponsor; opens the kick-off.",
    },
    Row {
        key: 2,
        name: "Carmen Ruiz Aldana",
        email: "carmen.ruiz",
        role: Mentee,
        department: FINANCE,
        job_title: "Chief Financial Officer",
        manager: None,
        years: 28,
        grade: "Executive",
        languages: &["es", "en"],
        location: "Madrid",
        time_zone: MADRID,
        offered: &[
            ("financial-acumen", 5),
            ("negotiation", 4),
            ("stakeholder-management", 4),
        ],
        wanted: &[("automation", MustHave), ("ai-tools", Important)],
        interests: &["hiking", "music", "volunteering"],
        channels: &[VideoCall, InPerson],
        slots: &[(Mon, Afternoon), (Wed, Morning)],
        capacity: 1,
        consent: (2026, 8, 27),
        active: true,
        notes: "",
    },
    Row {
        key: 3,
        name: "Marco Pellegrini",
        email: "marco.pellegrini",
        role: Mentee,
        department: SALES,
        job_title: "Head of Sales Italy",
        manager: Some(1),
        years: 22,
        grade: "Director",
        languages: &["it", "en"],
        location: "Milan",
        time_zone: ROME,
        offered: &[
            ("negotiation", 5),
            ("client-relationships", 5),
            ("industry-knowledge", 4),
        ],
        wanted: &[
            ("social-media", MustHave),
            ("e-commerce", Important),
            ("personal-branding", NiceToHave),
        ],
        interests: &["football", "cooking"],
        channels: &[InPerson, Phone],
        slots: &[(Mon, Morning), (Wed, Afternoon)],
        capacity: 1,
        consent: (2026, 9, 1),
        active: true,
        notes: "",
    },
    Row {
        key: 4,
        name: "Lucía Fernández Ortega",
        email: "lucia.fernandez",
        role: Mentee,
        department: SALES,
        job_title: "Head of Sales Iberia",
        manager: Some(1),
        years: 19,
        grade: "Director",
        languages: &["es", "en", "it"],
        location: "Madrid",
        time_zone: MADRID,
        offered: &[
            ("client-relationships", 5),
            ("public-speaking", 4),
            ("networking", 4),
        ],
        wanted: &[("digital-marketing", MustHave), ("social-media", Important)],
        interests: &["travel", "photography", "cooking"],
        channels: &[VideoCall, Chat],
        slots: &[(Tue, Afternoon), (Thu, Afternoon)],
        capacity: 1,
        consent: (2026, 8, 31),
        active: true,
        notes: "",
    },
    Row {
        key: 5,
        name: "Francesca Rinaldi",
        email: "francesca.rinaldi",
        role: Mentee,
        department: MARKETING,
        job_title: "Marketing Director",
        manager: Some(1),
        years: 21,
        grade: "Director",
        languages: &["it", "en", "es"],
        location: "Milan",
        time_zone: ROME,
        offered: &[
            ("strategy", 4),
            ("public-speaking", 5),
            ("stakeholder-management", 4),
        ],
        wanted: &[
            ("video-content", MustHave),
            ("gen-z-trends", Important),
            ("ai-tools", NiceToHave),
        ],
        interests: &["photography", "music", "sustainability"],
        channels: &[InPerson, VideoCall, Chat],
        slots: &[(Mon, Afternoon), (Thu, Morning)],
        capacity: 1,
        consent: (2026, 8, 25),
        active: true,
        notes: "Owns the social engagement objective.",
    },
    Row {
        key: 6,
        name: "Javier Morales Serrano",
        email: "javier.morales",
        role: Mentee,
        department: MARKETING,
        job_title: "Head of Brand and Communication",
        manager: Some(5),
        years: 17,
        grade: "Senior Manager",
        languages: &["es", "en"],
        location: "Barcelona",
        time_zone: MADRID,
        offered: &[
            ("public-speaking", 4),
            ("networking", 5),
            ("career-navigation", 3),
        ],
        wanted: &[
            ("video-content", MustHave),
            ("social-media", Important),
            ("mobile-apps", NiceToHave),
        ],
        interests: &["football", "podcasts"],
        channels: &[Chat, VideoCall],
        slots: &[(Wed, Morning), (Fri, Morning)],
        capacity: 1,
        consent: (2026, 9, 3),
        active: true,
        notes: "",
    },
    Row {
        key: 7,
        name: "Paolo Ferrara",
        email: "paolo.ferrara",
        role: Mentee,
        department: OPERATIONS,
        job_title: "Plant Director, Turin",
        manager: Some(1),
        years: 30,
        grade: "Director",
        languages: &["it"],
        location: "Turin",
        time_zone: ROME,
        offered: &[
            ("industry-knowledge", 5),
            ("change-management", 4),
            ("leadership", 4),
        ],
        wanted: &[
            ("collaboration-tools", MustHave),
            ("online-security", Important),
            ("mobile-apps", NiceToHave),
        ],
        interests: &["hiking", "cooking", "chess"],
        channels: &[InPerson, Phone],
        slots: &[(Tue, Morning), (Wed, Morning), (Thu, Afternoon)],
        capacity: 1,
        consent: (2026, 9, 2),
        active: true,
        notes: "Would rather meet on site at the Turin plant when possible.",
    },
    Row {
        key: 8,
        name: "Elena Castillo Vidal",
        email: "elena.castillo",
        role: Mentee,
        department: OPERATIONS,
        job_title: "Logistics Director",
        manager: Some(1),
        years: 24,
        grade: "Director",
        languages: &["es", "en"],
        location: "Valencia",
        time_zone: MADRID,
        offered: &[
            ("custom-cold-chain", 5),
            ("decision-making", 4),
            ("negotiation", 3),
        ],
        wanted: &[("data-literacy", MustHave), ("automation", Important)],
        interests: &["sustainability", "cycling", "travel"],
        channels: &[VideoCall, Email],
        slots: &[(Mon, Morning), (Thu, Morning)],
        capacity: 1,
        consent: (2026, 8, 28),
        active: true,
        notes: "",
    },
    Row {
        key: 9,
        name: "Roberto Gallo",
        email: "roberto.gallo",
        role: Mentee,
        department: FINANCE,
        job_title: "Head of Controlling",
        manager: Some(2),
        years: 26,
        grade: "Senior Manager",
        languages: &["it", "en"],
        location: "Milan",
        time_zone: ROME,
        offered: &[("financial-acumen", 5), ("decision-making", 4)],
        wanted: &[
            ("ai-tools", MustHave),
            ("data-literacy", Important),
            ("remote-work", NiceToHave),
        ],
        interests: &["chess", "podcasts", "football"],
        channels: &[VideoCall, Email, Chat],
        slots: &[(Wed, Afternoon), (Fri, Morning)],
        capacity: 1,
        consent: (2026, 9, 4),
        active: true,
        notes: "",
    },
    Row {
        key: 10,
        name: "Ana Belén Navarro",
        email: "ana.navarro",
        role: Mentee,
        department: FINANCE,
        job_title: "Treasury Director",
        manager: Some(2),
        years: 20,
        grade: "Director",
        languages: &["es"],
        location: "Madrid",
        time_zone: MADRID,
        offered: &[
            ("financial-acumen", 4),
            ("negotiation", 4),
            ("career-navigation", 3),
        ],
        wanted: &[("online-security", MustHave), ("mobile-apps", Important)],
        interests: &["volunteering", "music"],
        channels: &[InPerson, Phone],
        slots: &[(Tue, Afternoon), (Thu, Afternoon)],
        capacity: 1,
        consent: (2026, 9, 7),
        active: false,
        notes: "On leave until November; joins the second wave of pairs.",
    },
    Row {
        key: 11,
        name: "Silvia Conti",
        email: "silvia.conti",
        role: Mentee,
        department: PEOPLE_CULTURE,
        job_title: "Chief People Officer",
        manager: Some(1),
        years: 25,
        grade: "Executive",
        languages: &["it", "en", "es"],
        location: "Milan",
        time_zone: ROME,
        offered: &[
            ("career-navigation", 5),
            ("change-management", 5),
            ("leadership", 4),
        ],
        wanted: &[
            ("gen-z-trends", MustHave),
            ("diversity-inclusion", Important),
            ("remote-work", Important),
        ],
        interests: &["volunteering", "hiking", "podcasts"],
        channels: &[InPerson, VideoCall],
        slots: &[(Mon, Morning), (Wed, Afternoon), (Fri, Morning)],
        capacity: 1,
        consent: (2026, 8, 21),
        active: true,
        notes: "Co-owns the under-30 retention objective.",
    },
    Row {
        key: 12,
        name: "Manuel Ortiz Blanco",
        email: "manuel.ortiz",
        role: Mentee,
        department: PEOPLE_CULTURE,
        job_title: "Head of Talent Acquisition",
        manager: Some(11),
        years: 15,
        grade: "Senior Manager",
        languages: &["es", "en"],
        location: "Madrid",
        time_zone: MADRID,
        offered: &[
            ("networking", 4),
            ("career-navigation", 4),
            ("stakeholder-management", 3),
        ],
        wanted: &[
            ("personal-branding", MustHave),
            ("social-media", Important),
            ("ai-tools", NiceToHave),
        ],
        interests: &["football", "gaming", "travel"],
        channels: &[Chat, VideoCall],
        slots: &[(Tue, Morning), (Thu, Afternoon)],
        capacity: 1,
        consent: (2026, 9, 8),
        active: true,
        notes: "",
    },
    Row {
        key: 13,
        name: "Giulia Marchetti",
        email: "giulia.marchetti",
        role: ReverseMentor,
        department: SALES,
        job_title: "Sales Analyst",
        manager: Some(3),
        years: 3,
        grade: "Analyst",
        languages: &["it", "en"],
        location: "Milan",
        time_zone: ROME,
        offered: &[("data-literacy", 4), ("e-commerce", 4), ("ai-tools", 3)],
        wanted: &[("negotiation", MustHave), ("public-speaking", Important)],
        interests: &["photography", "travel", "cooking"],
        channels: &[Chat, VideoCall],
        slots: &[(Mon, Morning), (Tue, Afternoon), (Thu, Morning)],
        capacity: 2,
        consent: (2026, 9, 1),
        active: true,
        notes: "",
    },
    Row {
        key: 14,
        name: "Pablo Jiménez Rubio",
        email: "pablo.jimenez",
        role: ReverseMentor,
        department: SALES,
        job_title: "Inside Sales Associate",
        manager: None,
        years: 2,
        grade: "Associate",
        languages: &["es", "en"],
        location: "Madrid",
        time_zone: MADRID,
        offered: &[
            ("social-media", 5),
            ("personal-branding", 4),
            ("mobile-apps", 4),
        ],
        wanted: &[
            ("client-relationships", MustHave),
            ("negotiation", Important),
            ("career-navigation", NiceToHave),
        ],
        interests: &["football", "gaming", "music"],
        channels: &[Chat, VideoCall, Phone],
        slots: &[(Tue, Morning), (Wed, Afternoon), (Thu, Afternoon)],
        capacity: 1,
        consent: (2026, 9, 2),
        active: true,
        notes: "",
    },
    Row {
        key: 15,
        name: "Chiara Lombardi",
        email: "chiara.lombardi",
        role: ReverseMentor,
        department: MARKETING,
        job_title: "Social Media Specialist",
        manager: Some(5),
        years: 4,
        grade: "Associate",
        languages: &["it", "en", "es"],
        location: "Milan",
        time_zone: ROME,
        offered: &[
            ("social-media", 5),
            ("video-content", 5),
            ("gen-z-trends", 4),
        ],
        wanted: &[
            ("strategy", MustHave),
            ("public-speaking", Important),
            ("leadership", NiceToHave),
        ],
        interests: &["photography", "music", "sustainability"],
        channels: &[Chat, InPerson, VideoCall],
        slots: &[(Mon, Afternoon), (Wed, Morning), (Thu, Morning)],
        capacity: 2,
        consent: (2026, 8, 26),
        active: true,
        notes: "Runs the company Instagram; happy to take two mentees.",
    },
    Row {
        key: 16,
        name: "Daniel Herrera Gil",
        email: "daniel.herrera",
        role: ReverseMentor,
        department: MARKETING,
        job_title: "Content Creator",
        manager: None,
        years: 1,
        grade: "Analyst",
        languages: &["es", "en"],
        location: "Barcelona",
        time_zone: MADRID,
        offered: &[
            ("video-content", 5),
            ("digital-marketing", 4),
            ("ai-tools", 4),
        ],
        wanted: &[("networking", MustHave), ("career-navigation", Important)],
        interests: &["gaming", "podcasts", "cycling"],
        channels: &[VideoCall, Chat],
        slots: &[(Tue, Afternoon), (Wed, Morning), (Fri, Morning)],
        capacity: 1,
        consent: (2026, 9, 3),
        active: true,
        notes: "",
    },
    Row {
        key: 17,
        name: "Alessandro Greco",
        email: "alessandro.greco",
        role: ReverseMentor,
        department: OPERATIONS,
        job_title: "Supply Chain Analyst",
        manager: Some(7),
        years: 2,
        grade: "Analyst",
        languages: &["it", "en"],
        location: "Turin",
        time_zone: ROME,
        offered: &[
            ("data-literacy", 5),
            ("automation", 4),
            ("collaboration-tools", 4),
        ],
        wanted: &[
            ("industry-knowledge", MustHave),
            ("decision-making", Important),
        ],
        interests: &["hiking", "chess"],
        channels: &[InPerson, Chat],
        slots: &[(Tue, Morning), (Wed, Morning)],
        capacity: 1,
        consent: (2026, 9, 4),
        active: true,
        notes: "",
    },
    Row {
        key: 18,
        name: "Marta Sánchez León",
        email: "marta.sanchez",
        role: ReverseMentor,
        department: OPERATIONS,
        job_title: "Logistics Planner",
        manager: None,
        years: 5,
        grade: "Associate",
        languages: &["es", "it"],
        location: "Valencia",
        time_zone: MADRID,
        offered: &[
            ("collaboration-tools", 5),
            ("mobile-apps", 4),
            ("remote-work", 4),
        ],
        wanted: &[
            ("leadership", MustHave),
            ("custom-cold-chain", Important),
            ("change-management", NiceToHave),
        ],
        interests: &["sustainability", "travel", "cooking"],
        channels: &[VideoCall, Phone],
        slots: &[(Mon, Morning), (Thu, Morning), (Thu, Afternoon)],
        capacity: 1,
        consent: (2026, 8, 29),
        active: true,
        notes: "",
    },
    Row {
        key: 19,
        name: "Luca Romano",
        email: "luca.romano",
        role: ReverseMentor,
        department: FINANCE,
        job_title: "Data Analyst",
        manager: None,
        years: 3,
        grade: "Analyst",
        languages: &["it", "en"],
        location: "Remote",
        time_zone: ROME,
        offered: &[("data-literacy", 5), ("ai-tools", 5), ("automation", 4)],
        wanted: &[("financial-acumen", MustHave), ("strategy", Important)],
        interests: &["chess", "gaming", "podcasts"],
        channels: &[VideoCall, Chat, Email],
        slots: &[(Mon, Afternoon), (Wed, Morning), (Fri, Morning)],
        capacity: 2,
        consent: (2026, 8, 30),
        active: true,
        notes: "Fully remote: video calls only.",
    },
    Row {
        key: 20,
        name: "Irene Domínguez Pardo",
        email: "irene.dominguez",
        role: ReverseMentor,
        department: FINANCE,
        job_title: "Junior Accountant",
        manager: Some(10),
        years: 0,
        grade: "Analyst",
        languages: &["es"],
        location: "Madrid",
        time_zone: MADRID,
        offered: &[
            ("mobile-apps", 4),
            ("online-security", 3),
            ("collaboration-tools", 3),
        ],
        wanted: &[
            ("career-navigation", MustHave),
            ("financial-acumen", Important),
        ],
        interests: &["volunteering", "music", "hiking"],
        channels: &[InPerson, Chat],
        slots: &[(Tue, Afternoon), (Thu, Afternoon)],
        capacity: 1,
        consent: (2026, 9, 9),
        active: true,
        notes: "",
    },
    Row {
        key: 21,
        name: "Sara Colombo",
        email: "sara.colombo",
        role: ReverseMentor,
        department: PEOPLE_CULTURE,
        job_title: "HR Generalist",
        manager: None,
        years: 2,
        grade: "Associate",
        languages: &["it", "en"],
        location: "Remote",
        time_zone: ROME,
        offered: &[
            ("diversity-inclusion", 5),
            ("remote-work", 4),
            ("gen-z-trends", 4),
        ],
        wanted: &[
            ("change-management", MustHave),
            ("stakeholder-management", Important),
        ],
        interests: &["volunteering", "travel", "photography"],
        channels: &[VideoCall, Chat],
        slots: &[(Mon, Morning), (Wed, Afternoon), (Fri, Morning)],
        capacity: 1,
        consent: (2026, 8, 22),
        active: true,
        notes: "",
    },
    Row {
        key: 22,
        name: "Álvaro Romero Cano",
        email: "alvaro.romero",
        role: ReverseMentor,
        department: PEOPLE_CULTURE,
        job_title: "Talent Acquisition Associate",
        manager: Some(12),
        years: 1,
        grade: "Associate",
        languages: &["es", "en"],
        location: "Madrid",
        time_zone: MADRID,
        offered: &[
            ("personal-branding", 5),
            ("social-media", 4),
            ("ai-tools", 3),
        ],
        wanted: &[
            ("public-speaking", MustHave),
            ("networking", Important),
            ("leadership", NiceToHave),
        ],
        interests: &["football", "podcasts", "cycling"],
        channels: &[Chat, Phone],
        slots: &[(Tue, Morning), (Thu, Afternoon)],
        capacity: 1,
        consent: (2026, 9, 10),
        active: true,
        notes: "",
    },
    Row {
        key: 23,
        name: "Federica Moretti",
        email: "federica.moretti",
        role: ReverseMentor,
        department: SALES,
        job_title: "E-commerce Associate",
        manager: None,
        years: 4,
        grade: "Associate",
        languages: &["it", "es"],
        location: "Turin",
        time_zone: ROME,
        offered: &[
            ("e-commerce", 5),
            ("digital-marketing", 4),
            ("online-security", 3),
        ],
        wanted: &[
            ("negotiation", MustHave),
            ("client-relationships", Important),
        ],
        interests: &["cooking", "sustainability"],
        channels: &[InPerson, VideoCall],
        slots: &[(Wed, Afternoon), (Fri, Morning)],
        capacity: 1,
        consent: (2026, 9, 5),
        active: true,
        notes: "",
    },
    Row {
        key: 24,
        name: "Diego Vázquez Molina",
        email: "diego.vazquez",
        role: ReverseMentor,
        department: OPERATIONS,
        job_title: "Automation Analyst",
        manager: None,
        years: 6,
        grade: "Associate",
        languages: &["es", "en"],
        location: "Remote",
        time_zone: MADRID,
        offered: &[("automation", 5), ("ai-tools", 4), ("online-security", 4)],
        wanted: &[
            ("strategy", MustHave),
            ("decision-making", Important),
            ("financial-acumen", NiceToHave),
        ],
        interests: &["gaming", "hiking", "music"],
        channels: &[VideoCall, Chat],
        slots: &[(Mon, Afternoon), (Tue, Morning), (Thu, Morning)],
        capacity: 1,
        consent: (2026, 9, 11),
        active: true,
        notes: "",
    },
];

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::skills::SkillKind;
    use crate::domain::validation::validate_workspace;
    use std::collections::{BTreeSet, HashMap};

    #[test]
    fn demo_is_valid() {
        let ws = demo_workspace();
        assert_eq!(validate_workspace(&ws), vec![]);
    }

    #[test]
    fn demo_is_deterministic() {
        assert_eq!(demo_workspace(), demo_workspace());
    }

    #[test]
    fn demo_shape() {
        let ws = demo_workspace();
        let count = |role| ws.participants.iter().filter(|p| p.role == role).count();
        assert_eq!((count(ReverseMentor), count(Mentee)), (12, 12));
        assert_eq!(
            ws.departments(),
            vec![
                "Finance",
                "Marketing",
                "Operations",
                "People & Culture",
                "Sales"
            ]
        );
        for department in ws.departments() {
            for role in Role::ALL {
                assert!(
                    ws.participants
                        .iter()
                        .any(|p| p.department == department && p.role == role),
                    "{department} has no {role:?}"
                );
            }
        }
        assert_eq!(ws.program.objectives.len(), 2);
        assert_eq!(ws.participants.iter().filter(|p| !p.active).count(), 1);
        assert!(
            ws.participants
                .iter()
                .all(|p| p.email.ends_with("@vellora.example"))
        );
        let start = ws.program.start_date.unwrap();
        assert!(
            ws.participants
                .iter()
                .all(|p| p.consent_date.is_some_and(|d| d <= start))
        );
    }

    #[test]
    fn demo_reporting_lines_cross_roles() {
        let ws = demo_workspace();
        let by_id: HashMap<_, _> = ws.participants.iter().map(|p| (&p.id, p)).collect();
        let junior_to_senior = ws
            .participants
            .iter()
            .filter(|p| p.role == ReverseMentor)
            .filter_map(|p| by_id.get(p.manager.as_ref()?))
            .filter(|manager| manager.role == Mentee)
            .count();
        assert!(junior_to_senior >= 3, "{junior_to_senior}");
        // Every junior's manager, when in the program, is in the same department.
        for p in &ws.participants {
            if let Some(manager) = p.manager.as_ref().and_then(|m| by_id.get(m))
                && p.role == ReverseMentor
            {
                assert_eq!(manager.department, p.department, "{}", p.name);
            }
        }
    }

    #[test]
    fn demo_skills_flow_the_reverse_way() {
        let ws = demo_workspace();
        let kind = |id: &SkillId| ws.catalogue.kind(id).unwrap();
        for p in &ws.participants {
            let (teaches, learns) = match p.role {
                ReverseMentor => (SkillKind::Digital, SkillKind::Experience),
                Mentee => (SkillKind::Experience, SkillKind::Digital),
            };
            assert!(
                p.skills_offered
                    .iter()
                    .all(|s| kind(&s.skill) == teaches && s.level >= 3),
                "{}",
                p.name
            );
            assert!(
                p.skills_wanted.iter().all(|s| kind(&s.skill) == learns),
                "{}",
                p.name
            );
            assert!((2..=4).contains(&p.interests.len()), "{}", p.name);
            assert!(!p.availability.is_empty(), "{}", p.name);
        }
        let zones: BTreeSet<&str> = ws
            .participants
            .iter()
            .map(|p| p.time_zone.as_str())
            .collect();
        assert_eq!(zones, BTreeSet::from(["Europe/Madrid", "Europe/Rome"]));
        let priorities: BTreeSet<Priority> = ws
            .participants
            .iter()
            .flat_map(|p| p.skills_wanted.iter().map(|s| s.priority))
            .collect();
        assert_eq!(priorities.len(), 3);
    }
}

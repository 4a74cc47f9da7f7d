//! A believable, entirely fictional program to explore the app with: Vellora
//! Foods, an Italian–Spanish food distributor, pairs twelve junior reverse
//! mentors with twelve senior leaders across five departments.
//!
//! The data exercises every feature on purpose: reporting lines inside
//! departments (pairing must avoid them), bilingual and monolingual people,
//! two time zones, a custom skill, one inactive person, capacities above one.
//! Ids come from fixed seeds so the demo is identical on every load and in
//! tests.
//!
//! [`finished_demo_workspace`] is the same company six months later: the
//! program has run and ended, so impact figures, certificates and exports
//! have a full record to work on.

use super::date::Date;
use super::ids::{GoalId, ObjectiveId, ParticipantId, SessionId, seeded_bytes};
use super::impact::Leaver;
use super::matching::{PairKey, pairing};
use super::participants::Channel::{self, *};
use super::participants::DayPart::{self, *};
use super::participants::Priority::{self, *};
use super::participants::Role::{self, *};
use super::participants::Weekday::{self, *};
use super::participants::{Availability, OfferedSkill, Participant, Seniority, WantedSkill};
use super::program::{Cadence, GroundRules, Objective, Program};
use super::sessions::log::{self, SessionEntry};
use super::sessions::{
    Answer, AnswerValue, CheckinRound, Goal, GoalDirection, GoalProgress, Response, RoundKind,
    Session, SessionStatus, agreement, checkin, schedule,
};
use super::skills::{Catalogue, CustomSkill, Lang, SkillId, SkillKind};
use super::synthetic::Rng;
use super::workspace::Workspace;
use crate::domain::sessions::checkin::{APPLIED, OFFER_PREFIX, RECOMMEND, SATISFACTION};

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

// ---------------------------------------------------------------------------
// The same program, run to its end
// ---------------------------------------------------------------------------

/// Where the finished program's ids start; far from the roster's and the
/// objectives' seeds, so no id repeats.
const FINISHED_SEED: u64 = 0x5645_4c4c_0002_0000;

/// The finished demo ran from Monday 2 March to Friday 28 August 2026.
fn finished_start() -> Date {
    on(2026, 3, 2)
}

fn finished_end() -> Date {
    on(2026, 8, 28)
}

/// The day the finished demo describes: every round has closed, every
/// session is logged.
fn finished_as_of() -> Date {
    on(2026, 9, 30)
}

fn on(year: i32, month: u8, day: u8) -> Date {
    Date::new(year, month, day).expect("demo dates exist")
}

/// The demo program as it looks once it has run: pairs accepted through the
/// real pairing, agreements with goals both ways, six months of logged
/// sessions, three check-in rounds, a self-assessment before and after, two
/// leavers and measured objectives. The same on every call, so the Impact page
/// and the CSV exports can be tried, and tested, on a believable record.
///
/// It varies like real data would (a seeded generator, not a hand-typed
/// table) and contains on purpose: one pair that fizzled after two sessions,
/// one cut short because the reverse mentor left the company, people who
/// answered only the first or only the last self-assessment, one who
/// answered neither, flat and lower self-ratings among the gains.
pub fn finished_demo_workspace() -> Workspace {
    let mut ws = demo_workspace();
    let mut draws = Draws(FINISHED_SEED);
    let mut rng = Rng::new(FINISHED_SEED);
    move_program_dates(&mut ws);

    let proposal = pairing::propose(&ws);
    pairing::accept(&mut ws.pairing, &proposal.keys(), Some(finished_start()));
    let keys = pairing::accepted_keys(&ws.pairing);
    let cast = Cast::draw(&ws, &keys, &mut rng);

    for (index, key) in keys.iter().enumerate() {
        let course = cast.course(index);
        let goals = write_agreement(&mut ws, key, course, &mut rng, &mut draws);
        run_sessions(&mut ws, key, course, &goals, &mut rng, &mut draws);
    }
    run_checkins(&mut ws, &cast, &mut rng, &mut draws);
    run_assessments(&mut ws, &cast, &mut rng, &mut draws);

    for leaver in &cast.leavers {
        if let Some(person) = ws
            .participants
            .iter_mut()
            .find(|p| p.id == leaver.participant)
        {
            person.active = false;
        }
    }
    ws.impact.leavers = cast.leavers;
    ws.impact.certificates.signer_name = "Giorgio Bellandi".into();
    ws.impact.certificates.signer_title = "Chief Operating Officer, program sponsor".into();
    ws
}

/// Ids for sessions, goals, rounds and tokens: a counter, like the browser's
/// random bytes but repeatable.
struct Draws(u64);

impl Draws {
    fn next(&mut self) -> [u8; 16] {
        self.0 += 1;
        seeded_bytes(self.0)
    }
}

/// A value from `(value, weight)` choices.
fn weighted<T: Copy>(rng: &mut Rng, choices: &[(T, u64)]) -> T {
    let total: u64 = choices.iter().map(|&(_, w)| w).sum();
    let mut roll = rng.next_u64() % total.max(1);
    for &(value, weight) in choices {
        if roll < weight {
            return value;
        }
        roll -= weight;
    }
    choices[choices.len() - 1].0
}

/// `value` moved by `delta`, kept on the 1–5 scale.
fn on_scale(value: u8, delta: i8) -> u8 {
    (i16::from(value) + i16::from(delta)).clamp(1, 5) as u8
}

/// Six months earlier than the upcoming demo program; consents move with it,
/// and the objectives carry the values measured at the end.
fn move_program_dates(ws: &mut Workspace) {
    let upcoming = ws.program.start_date.expect("the demo has a start date");
    let shift = upcoming.days_until(finished_start());
    ws.program.start_date = Some(finished_start());
    ws.program.end_date = Some(finished_end());
    for person in &mut ws.participants {
        person.consent_date = person.consent_date.and_then(|d| d.add_days(shift));
    }
    for (objective, current) in ws.program.objectives.iter_mut().zip([3.1, 14.5]) {
        objective.current = Some(current);
    }
    let settings = &mut ws.sessions.settings;
    settings.time_zone = ROME.into();
    // Easter Monday, Labour Day, Italy's Republic Day.
    settings.holidays = vec![on(2026, 4, 6), on(2026, 5, 1), on(2026, 6, 2)];
}

/// How a pair's six months went.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Course {
    Steady,
    /// Two sessions held, two cancelled, the rest never logged.
    Fizzled,
    /// The reverse mentor left the company on this day.
    CutShort(Date),
}

/// Who plays the special parts, drawn once so every step agrees.
struct Cast {
    fizzled: usize,
    cut_short: usize,
    leavers: Vec<Leaver>,
    /// Answered the first self-assessment but not the last (besides leavers).
    pre_only: Vec<ParticipantId>,
    /// Answered the last self-assessment but not the first.
    post_only: Vec<ParticipantId>,
    /// Answered neither.
    silent: Vec<ParticipantId>,
}

impl Cast {
    fn draw(ws: &Workspace, keys: &[PairKey], rng: &mut Rng) -> Cast {
        let pairs_of = |id: &ParticipantId| keys.iter().filter(|k| k.involves(id)).count();
        let fizzled = rng.below(keys.len());
        // The leaver's only pair, so no other pair is cut short with it.
        let candidates: Vec<usize> = (0..keys.len())
            .filter(|&i| i != fizzled && pairs_of(&keys[i].mentor) == 1)
            .collect();
        let cut_short = *rng.pick(&candidates);
        let left_on = finished_start()
            .add_days(100 + rng.below(21) as i64)
            .expect("inside the program");
        let mut leavers = vec![Leaver {
            participant: keys[cut_short].mentor.clone(),
            left_on,
        }];
        // Someone never paired may leave too: listed among the leavers, but
        // retention (like the funnel's "dropped") counts matched people only,
        // so this departure is not in the retention figures.
        let unpaired: Vec<&Participant> = ws
            .participants
            .iter()
            .filter(|p| p.active && pairs_of(&p.id) == 0)
            .collect();
        if !unpaired.is_empty() {
            leavers.push(Leaver {
                participant: rng.pick(&unpaired).id.clone(),
                left_on: finished_start()
                    .add_days(60 + rng.below(30) as i64)
                    .expect("inside the program"),
            });
        }
        // The one-sided answers come from steady pairs, so each story stays simple.
        let mut steady: Vec<ParticipantId> = Vec::new();
        for (i, key) in keys.iter().enumerate() {
            if i != fizzled && i != cut_short {
                for id in [&key.mentor, &key.mentee] {
                    if !steady.contains(id) {
                        steady.push(id.clone());
                    }
                }
            }
        }
        let mut take = |n: usize| -> Vec<ParticipantId> {
            (0..n)
                .map(|_| steady.remove(rng.below(steady.len())))
                .collect()
        };
        let pre_only = take(1);
        let post_only = take(2);
        let silent = take(1);
        Cast {
            fizzled,
            cut_short,
            leavers,
            pre_only,
            post_only,
            silent,
        }
    }

    fn course(&self, pair: usize) -> Course {
        if pair == self.fizzled {
            Course::Fizzled
        } else if pair == self.cut_short {
            Course::CutShort(self.leavers[0].left_on)
        } else {
            Course::Steady
        }
    }

    /// Still at the company on `day`.
    fn present_on(&self, id: &ParticipantId, day: Date) -> bool {
        !self
            .leavers
            .iter()
            .any(|l| &l.participant == id && l.left_on < day)
    }
}

/// What a goal on a skill says, in the coordinator's words: (skill, text,
/// measure). Skills missing here get a plain goal.
const GOAL_WORDING: &[(&str, &str, &str)] = &[
    (
        "social-media",
        "Post about our work on LinkedIn without help",
        "Two posts a month, written and published alone",
    ),
    (
        "ai-tools",
        "Use an AI assistant to draft and summarise documents",
        "The weekly board summary drafted with AI and checked by hand",
    ),
    (
        "collaboration-tools",
        "Run team updates in a shared workspace instead of email",
        "The weekly plant update posted in the team channel",
    ),
    (
        "data-literacy",
        "Read and question a dashboard without an analyst",
        "Builds one filtered view of the logistics dashboard alone",
    ),
    (
        "digital-marketing",
        "Understand what our digital campaigns buy us",
        "Reviews one campaign report a month and asks the right questions",
    ),
    (
        "online-security",
        "Spot phishing and protect work accounts",
        "A password manager and two-factor sign-in on every work account",
    ),
    (
        "mobile-apps",
        "Use our ordering app the way customers do",
        "Three test orders placed and one improvement proposed",
    ),
    (
        "gen-z-trends",
        "Understand what younger customers and colleagues expect",
        "Three insights shared at the marketing meeting",
    ),
    (
        "diversity-inclusion",
        "Make meetings work for everyone in the room",
        "Two inclusive meeting practices tried with the team",
    ),
    (
        "remote-work",
        "Lead hybrid meetings that work for people online",
        "Two hybrid meetings rated good by remote colleagues",
    ),
    (
        "personal-branding",
        "Keep a professional profile that reflects the work",
        "Profile updated and one article published",
    ),
    (
        "video-content",
        "Record and edit a short video for our channels",
        "One 60-second video published on the company channel",
    ),
    (
        "e-commerce",
        "Understand how online shop customers buy",
        "Walks through the shop funnel and proposes one change",
    ),
    (
        "automation",
        "Automate one repetitive report with a no-code tool",
        "The monthly report runs without manual copying",
    ),
    (
        "leadership",
        "Lead a small team through a busy season",
        "Leads the next stock-count project, with feedback from the mentee",
    ),
    (
        "strategy",
        "Understand how the company sets its yearly priorities",
        "Explains the plan's three priorities and how the job serves them",
    ),
    (
        "negotiation",
        "Prepare and run a negotiation with a supplier",
        "One negotiation plan prepared and reviewed together",
    ),
    (
        "industry-knowledge",
        "Learn how fresh food moves from farm to shelf",
        "Visits a plant and a warehouse and writes up what surprised",
    ),
    (
        "networking",
        "Build relationships beyond the home department",
        "Three coffee chats with people from other departments",
    ),
    (
        "career-navigation",
        "Plan the next career step",
        "A written two-year development plan discussed with the manager",
    ),
    (
        "decision-making",
        "Decide well with incomplete information",
        "A decision log kept for one project and reviewed together",
    ),
    (
        "public-speaking",
        "Present to a senior audience with confidence",
        "Presents at one management meeting",
    ),
    (
        "stakeholder-management",
        "Win support from people outside the reporting line",
        "Maps the stakeholders of one project and meets the key three",
    ),
    (
        "financial-acumen",
        "Read a P&L and see what drives our margins",
        "Explains the margin of one product line",
    ),
    (
        "change-management",
        "Lead people through a change",
        "A change plan applied to one process change in the team",
    ),
    (
        "client-relationships",
        "Handle a difficult client conversation",
        "Leads one client call with the mentee listening in",
    ),
    (
        "custom-cold-chain",
        "Understand cold-chain logistics",
        "Explains the temperature controls of one delivery route",
    ),
];

/// Up to `n` skills `wanted` that the other person offers, most wanted first;
/// the person's first wanted skill when the other offers none of them.
fn shared_skills(wanted: &[WantedSkill], offered: &[OfferedSkill], n: usize) -> Vec<SkillId> {
    let mut sorted: Vec<&WantedSkill> = wanted.iter().collect();
    sorted.sort_by_key(|w| std::cmp::Reverse(w.priority.weight()));
    let shared: Vec<SkillId> = sorted
        .iter()
        .filter(|w| offered.iter().any(|o| o.skill == w.skill))
        .map(|w| w.skill.clone())
        .take(n)
        .collect();
    if shared.is_empty() {
        sorted
            .first()
            .map(|w| w.skill.clone())
            .into_iter()
            .collect()
    } else {
        shared
    }
}

/// A goal of the agreement and the progress it reaches by the end.
struct PlannedGoal {
    id: GoalId,
    skill: SkillId,
    final_percent: u8,
}

/// The pair's agreement through `agreement::ensure`, with goals both ways;
/// progress is left to the sessions that record it.
fn write_agreement(
    ws: &mut Workspace,
    key: &PairKey,
    course: Course,
    rng: &mut Rng,
    draws: &mut Draws,
) -> Vec<PlannedGoal> {
    let mentor = ws
        .participant(&key.mentor)
        .expect("paired people exist")
        .clone();
    let mentee = ws
        .participant(&key.mentee)
        .expect("paired people exist")
        .clone();
    let learns = if rng.chance(60) { 2 } else { 1 };
    let directions = [
        (
            GoalDirection::MenteeLearns,
            shared_skills(&mentee.skills_wanted, &mentor.skills_offered, learns),
        ),
        (
            GoalDirection::MentorLearns,
            shared_skills(&mentor.skills_wanted, &mentee.skills_offered, 1),
        ),
    ];
    let end = finished_end();
    let mut planned = Vec::new();
    let mut goals = Vec::new();
    for (direction, skills) in directions {
        for skill in skills {
            let mut goal = Goal::new(GoalId::from_random_bytes(draws.next()), direction);
            let (text, measure) = GOAL_WORDING
                .iter()
                .find(|(id, _, _)| *id == skill.as_str())
                .map(|&(_, text, measure)| (text.to_string(), measure.to_string()))
                .unwrap_or_else(|| {
                    let label = ws.catalogue.label(&skill, Lang::En);
                    (format!("Get confident with {label}"), String::new())
                });
            goal.text = text;
            goal.measure = measure;
            goal.objective = ws
                .program
                .objectives
                .iter()
                .find(|o| o.skills.contains(&skill))
                .map(|o| o.id.clone());
            goal.target_date = Some(end);
            goal.skill = Some(skill.clone());
            let final_percent = match course {
                Course::Steady if rng.chance(80) => 100,
                Course::Steady => 50 + 10 * rng.below(5) as u8,
                Course::Fizzled => 10 + 5 * rng.below(3) as u8,
                Course::CutShort(_) => 40 + 10 * rng.below(3) as u8,
            };
            planned.push(PlannedGoal {
                id: goal.id.clone(),
                skill,
                final_percent,
            });
            goals.push(goal);
        }
    }
    let channel = agreement::suggested_channel(ws, key);
    let program = ws.program.clone();
    let saved = agreement::ensure(&mut ws.sessions, &program, key);
    saved.goals = goals;
    saved.channel = channel;
    saved.notes = match course {
        Course::Steady => String::new(),
        Course::Fizzled => {
            "Paused after two sessions; both agreed to stop, no fault on either side.".into()
        }
        Course::CutShort(_) => "Ended early: the reverse mentor left the company.".into(),
    };
    planned
}

/// What the coordinator wrote after some sessions; one has a comma, quotes
/// and a line break, as real notes do.
const SESSION_NOTES: &[&str] = &[
    "Set up a \"content calendar\", first two posts drafted.",
    "Went through the dashboard together; questions for next time.",
    "Shorter session: the plant visit ran late.",
    "Swapped roles for ten minutes, which worked well.",
    "Tried it live on a real case.\nNext: show it to the team.",
];

/// The pair's plan through the real schedule generator, then each session
/// logged through the session log as the course dictates.
fn run_sessions(
    ws: &mut Workspace,
    key: &PairKey,
    course: Course,
    goals: &[PlannedGoal],
    rng: &mut Rng,
    draws: &mut Draws,
) {
    let spec = schedule::default_spec(ws, key, finished_start());
    let times = schedule::generate(&spec);
    schedule::apply(&mut ws.sessions, key, &times, spec.minutes, || {
        SessionId::from_random_bytes(draws.next())
    });
    let planned: Vec<Session> = ws.sessions.sessions_of(key).into_iter().cloned().collect();
    // Pairs sign their agreement at the first session.
    if let Some(agreement) = ws.sessions.agreement_mut(key) {
        agreement.agreed_on = planned.first().map(|s| s.start.date);
    }
    let outcomes: Vec<SessionStatus> = planned
        .iter()
        .enumerate()
        .map(|(k, session)| match course {
            Course::Fizzled => match k {
                0 | 1 => SessionStatus::Held,
                2 | 3 => SessionStatus::Cancelled,
                _ => SessionStatus::Planned,
            },
            Course::CutShort(left) if session.start.date > left => SessionStatus::Cancelled,
            _ if rng.chance(12) => SessionStatus::Cancelled,
            _ => SessionStatus::Held,
        })
        .collect();
    let held_total = outcomes
        .iter()
        .filter(|s| **s == SessionStatus::Held)
        .count();
    let mut held = 0;
    let today = finished_as_of();
    for (session, status) in planned.iter().zip(outcomes) {
        let mut entry = SessionEntry::from_session(session);
        entry.status = status;
        match status {
            SessionStatus::Held => {
                held += 1;
                fill_held(&mut entry, course, goals, held, held_total, rng);
            }
            SessionStatus::Cancelled => {
                if matches!(course, Course::CutShort(left) if session.start.date > left) {
                    entry.notes = "Cancelled: the reverse mentor has left the company.".into();
                }
            }
            _ => continue,
        }
        log::record(&mut ws.sessions, entry, today).expect("demo log entries are valid");
    }
}

/// A held session's details: maybe moved a day, its length, topics from the
/// goals, ratings from both sides, progress that climbs to each goal's end.
fn fill_held(
    entry: &mut SessionEntry,
    course: Course,
    goals: &[PlannedGoal],
    held: usize,
    held_total: usize,
    rng: &mut Rng,
) {
    if rng.chance(10) {
        // Moved to the next day, or the day before when that is a weekend.
        let next = entry.start.date.add_days(1).expect("inside the program");
        let moved = if matches!(next.weekday(), Weekday::Sat | Weekday::Sun) {
            entry.start.date.add_days(-1)
        } else {
            Some(next)
        };
        entry.start.date = moved.expect("inside the program");
    }
    entry.minutes = weighted(rng, &[(entry.minutes, 70), (45, 20), (25, 10)]);
    let first = (held - 1) % goals.len();
    let mut covered = vec![first];
    if goals.len() > 1 && rng.chance(35) {
        covered.push((first + 1 + rng.below(goals.len() - 1)) % goals.len());
    }
    let last = held == held_total;
    entry.topics = covered.iter().map(|&g| goals[g].skill.clone()).collect();
    entry.goal_progress = goals
        .iter()
        .enumerate()
        .filter(|(g, _)| last || covered.contains(g))
        .map(|(_, goal)| {
            let share = usize::from(goal.final_percent) * held / held_total.max(1);
            GoalProgress {
                goal: goal.id.clone(),
                percent: (share / 5 * 5) as u8,
            }
        })
        .collect();
    let ratings: &[(u8, u64)] = match course {
        Course::Fizzled => &[(2, 40), (3, 60)],
        _ => &[(5, 40), (4, 45), (3, 12), (2, 3)],
    };
    entry.mentor_rating = (!rng.chance(8)).then(|| weighted(rng, ratings));
    entry.mentee_rating = (!rng.chance(8)).then(|| weighted(rng, ratings));
    if rng.chance(20) {
        entry.notes = rng.pick(SESSION_NOTES).to_string();
    }
}

/// The pair a person's answers speak about: their first.
fn pair_index(keys: &[PairKey], id: &ParticipantId) -> Option<usize> {
    keys.iter().position(|k| k.involves(id))
}

/// The mean of each goal's latest recorded progress up to `day`.
fn progress_on(ws: &Workspace, key: &PairKey, day: Date) -> u8 {
    let Some(agreement) = ws.sessions.agreement(key) else {
        return 0;
    };
    if agreement.goals.is_empty() {
        return 0;
    }
    let sessions = ws.sessions.sessions_of(key);
    let total: usize = agreement
        .goals
        .iter()
        .map(|goal| {
            sessions
                .iter()
                .rev()
                .filter(|s| s.start.date <= day)
                .find_map(|s| s.goal_progress.iter().find(|p| p.goal == goal.id))
                .map_or(0, |p| usize::from(p.percent))
        })
        .sum();
    (total / agreement.goals.len()) as u8
}

/// Free-text answers by mood (good, so-so, poor) in each language.
const CHECKIN_COMMENTS: [[&str; 3]; 3] = [
    [
        "Really useful so far: we always leave with something to try.",
        "Good sessions, but finding the time is hard this month.",
        "We keep cancelling; I am not sure it is working for us.",
    ],
    [
        "Muy útil hasta ahora: siempre salimos con algo que probar.",
        "Buenas sesiones, pero este mes cuesta encontrar tiempo.",
        "Seguimos cancelando; no sé si nos está funcionando.",
    ],
    [
        "Finora molto utile: usciamo sempre con qualcosa da provare.",
        "Buoni incontri, ma questo mese è difficile trovare il tempo.",
        "Continuiamo ad annullare; non so se stia funzionando per noi.",
    ],
];

const PRE_COMMENTS: [&str; 3] = [
    "Curious, and a little nervous about being the one who learns.",
    "Tengo curiosidad y algo de nervios por ser quien aprende.",
    "Ho curiosità e un po' di timore all'idea di essere io a imparare.",
];

const POST_COMMENTS: [[&str; 3]; 3] = [
    [
        "I now do things myself that I used to ask for. Thank you, and please run it again.",
        "Worth it, though six months went by fast; a longer program would help.",
        "We never found a rhythm. A clearer start, with goals set together, would have helped.",
    ],
    [
        "Ahora hago yo mismo cosas que antes pedía. Gracias, y que se repita.",
        "Ha valido la pena, aunque seis meses pasan rápido; un programa más largo ayudaría.",
        "Nunca encontramos el ritmo. Un inicio más claro, con objetivos fijados juntos, habría ayudado.",
    ],
    [
        "Ora faccio da solo cose che prima chiedevo. Grazie, e rifatelo.",
        "Ne è valsa la pena, anche se sei mesi passano in fretta; servirebbe un programma più lungo.",
        "Non abbiamo mai trovato un ritmo. Un inizio più chiaro, con obiettivi fissati insieme, avrebbe aiutato.",
    ],
];

fn lang_index(lang: Lang) -> usize {
    match lang {
        Lang::En => 0,
        Lang::Es => 1,
        Lang::It => 2,
    }
}

/// 0 for a good score (4–5), 1 for so-so (3), 2 for poor.
fn band(score: u8) -> usize {
    match score {
        4.. => 0,
        3 => 1,
        _ => 2,
    }
}

fn scale(question: impl Into<String>, value: u8) -> Answer {
    Answer {
        question: question.into(),
        value: AnswerValue::Scale(value),
    }
}

fn text(question: &str, value: &str) -> Answer {
    Answer {
        question: question.into(),
        value: AnswerValue::Text(value.into()),
    }
}

/// A round through `checkin::new_round`, for everyone invited by default
/// who is still at the company when it opens.
fn open_round(
    ws: &mut Workspace,
    cast: &Cast,
    kind: RoundKind,
    (opens, closes): (Date, Date),
    draws: &mut Draws,
) -> CheckinRound {
    let people: Vec<ParticipantId> = checkin::invitees(ws)
        .into_iter()
        .filter(|p| cast.present_on(p, opens))
        .collect();
    let round = checkin::new_round(ws, kind, opens, closes, &people, || draws.next());
    ws.sessions.rounds.push(round.clone());
    round
}

/// An answer to `round` given some day in its window.
fn response(
    round: &CheckinRound,
    who: &ParticipantId,
    answers: Vec<Answer>,
    rng: &mut Rng,
) -> Response {
    let window = round.opens.days_until(round.closes).max(0) as usize;
    let answered_on = round
        .opens
        .add_days(rng.below(window + 1) as i64)
        .expect("inside the window");
    Response {
        round: round.id.clone(),
        participant: who.clone(),
        answered_on,
        imported_on: answered_on
            .add_days(rng.below(3) as i64)
            .expect("a real day"),
        answers,
    }
}

/// Check-ins at the days the program settings suggest (30, 90 and 150 days
/// in): more people skip each round, and the fizzled pair stops answering.
fn run_checkins(ws: &mut Workspace, cast: &Cast, rng: &mut Rng, draws: &mut Draws) {
    let keys = pairing::accepted_keys(&ws.pairing);
    let mut today = finished_start();
    for (round_number, skipping) in [2usize, 3, 4].into_iter().enumerate() {
        let window = checkin::suggested_window(ws, today);
        today = window.0.add_days(1).expect("inside the program");
        let round = open_round(ws, cast, RoundKind::CheckIn, window, draws);
        let invited: Vec<ParticipantId> = round
            .invitations
            .iter()
            .map(|i| i.participant.clone())
            .collect();
        let mut skip: Vec<&ParticipantId> = Vec::new();
        if round_number > 0 {
            let fizzled = &keys[cast.fizzled];
            skip.extend(invited.iter().filter(|p| fizzled.involves(p)));
        }
        while skip.len() < skipping {
            let who = rng.pick(&invited);
            if !skip.contains(&who) {
                skip.push(who);
            }
        }
        let mut answers = Vec::new();
        for who in invited.iter().filter(|p| !skip.contains(p)) {
            let Some(pair) = pair_index(&keys, who) else {
                continue;
            };
            let base = match cast.course(pair) {
                Course::Fizzled => 2,
                _ => 4,
            };
            let going = on_scale(base, weighted(rng, &[(-1i8, 15), (0, 60), (1, 25)]));
            let mood = on_scale(base, weighted(rng, &[(-1i8, 15), (0, 55), (1, 30)]));
            let progress = progress_on(ws, &keys[pair], window.0);
            let noisy = (i16::from(progress) + 5 * (rng.below(5) as i16 - 2)).clamp(0, 100);
            let mut given = vec![
                scale(checkin::GOING, going),
                scale(checkin::MOOD, mood),
                Answer {
                    question: checkin::PROGRESS.into(),
                    value: AnswerValue::Percent(noisy as u8),
                },
            ];
            if rng.chance(25) {
                let person = ws.participant(who).expect("invited people exist");
                let lang = lang_index(checkin::preferred_lang(person));
                given.push(text(checkin::COMMENT, CHECKIN_COMMENTS[lang][band(mood)]));
            }
            answers.push(response(&round, who, given, rng));
        }
        checkin::apply_responses(&mut ws.sessions, answers);
    }
}

/// The self-assessment before (first week) and after (the days following the
/// end): each person rates the skills they want and offer; afterwards the
/// program survey too. Gains are larger on skills a goal worked on; two
/// self-ratings end one point lower (people who learnt how much there is to
/// know), as real programs see.
fn run_assessments(ws: &mut Workspace, cast: &Cast, rng: &mut Rng, draws: &mut Draws) {
    let keys = pairing::accepted_keys(&ws.pairing);
    let start = finished_start();
    let pre_window = (start, start.add_days(7).expect("a real day"));
    let pre = open_round(ws, cast, RoundKind::PreAssessment, pre_window, draws);
    let post_opens = finished_end().add_days(3).expect("a real day");
    let post_window = (
        post_opens,
        post_opens
            .add_days(checkin::WINDOW_DAYS)
            .expect("a real day"),
    );
    let post = open_round(ws, cast, RoundKind::PostAssessment, post_window, draws);

    let skip_pre = |id: &ParticipantId| cast.post_only.contains(id) || cast.silent.contains(id);
    let skip_post = |id: &ParticipantId| cast.pre_only.contains(id) || cast.silent.contains(id);

    let mut before: Vec<Response> = Vec::new();
    let mut after: Vec<Response> = Vec::new();
    let everyone: Vec<ParticipantId> = pre
        .invitations
        .iter()
        .chain(&post.invitations)
        .map(|i| i.participant.clone())
        .fold(Vec::new(), |mut list, id| {
            if !list.contains(&id) {
                list.push(id);
            }
            list
        });
    for who in &everyone {
        let person = ws.participant(who).expect("invited people exist").clone();
        let lang = lang_index(checkin::preferred_lang(&person));
        let pair = pair_index(&keys, who);
        let course = pair.map_or(Course::Steady, |p| cast.course(p));
        let direction = match person.role {
            Role::Mentee => GoalDirection::MenteeLearns,
            Role::ReverseMentor => GoalDirection::MentorLearns,
        };
        let worked_on: Vec<SkillId> = pair
            .and_then(|p| ws.sessions.agreement(&keys[p]))
            .map(|a| {
                a.goals
                    .iter()
                    .filter(|g| g.direction == direction)
                    .filter_map(|g| g.skill.clone())
                    .collect()
            })
            .unwrap_or_default();

        let mut pre_answers = Vec::new();
        let mut post_answers = Vec::new();
        for wanted in &person.skills_wanted {
            let first = match wanted.priority {
                MustHave => 1 + rng.below(2) as u8,
                Important => 1 + rng.below(3) as u8,
                NiceToHave => 2 + rng.below(2) as u8,
            };
            let gain: i8 = match course {
                Course::Fizzled => weighted(rng, &[(0, 60), (1, 40)]),
                _ if worked_on.contains(&wanted.skill) => {
                    weighted(rng, &[(0, 10), (1, 45), (2, 35), (3, 10)])
                }
                _ => weighted(rng, &[(0, 50), (1, 45), (2, 5)]),
            };
            let question = format!("{}{}", checkin::SKILL_PREFIX, wanted.skill);
            pre_answers.push(scale(question.clone(), first));
            post_answers.push(scale(question, on_scale(first, gain)));
        }
        let confidence = 2 + rng.below(3) as u8;
        pre_answers.push(scale(checkin::CONFIDENCE, confidence));
        post_answers.push(scale(
            checkin::CONFIDENCE,
            on_scale(confidence, weighted(rng, &[(0i8, 30), (1, 55), (2, 15)])),
        ));
        for offered in &person.skills_offered {
            let first = on_scale(
                offered.level,
                weighted(rng, &[(-1i8, 25), (0, 60), (1, 15)]),
            );
            let question = format!("{OFFER_PREFIX}{}", offered.skill);
            pre_answers.push(scale(question.clone(), first));
            post_answers.push(scale(
                question,
                on_scale(first, weighted(rng, &[(0i8, 80), (1, 20)])),
            ));
        }
        if rng.chance(15) {
            pre_answers.push(text(checkin::COMMENT, PRE_COMMENTS[lang]));
        }
        let (satisfaction, applied, recommend) = match course {
            Course::Fizzled => (
                2,
                weighted(rng, &[(1, 50), (2, 50)]),
                weighted(rng, &[(2, 50), (3, 50)]),
            ),
            _ => (
                weighted(rng, &[(5, 45), (4, 40), (3, 15)]),
                weighted(rng, &[(5, 25), (4, 45), (3, 25), (2, 5)]),
                weighted(rng, &[(5, 55), (4, 35), (3, 10)]),
            ),
        };
        post_answers.push(scale(SATISFACTION, satisfaction));
        post_answers.push(scale(APPLIED, applied));
        post_answers.push(scale(RECOMMEND, recommend));
        if rng.chance(35) {
            post_answers.push(text(
                checkin::COMMENT,
                POST_COMMENTS[lang][band(satisfaction)],
            ));
        }

        let invited =
            |round: &CheckinRound| round.invitations.iter().any(|i| &i.participant == who);
        if invited(&pre) && !skip_pre(who) {
            before.push(response(&pre, who, pre_answers, rng));
        }
        if invited(&post) && !skip_post(who) {
            after.push(response(&post, who, post_answers, rng));
        }
    }
    lower_two_ratings(&before, &mut after, rng);
    checkin::apply_responses(&mut ws.sessions, before);
    checkin::apply_responses(&mut ws.sessions, after);
}

/// Two `skill:` answers (of different people who answered both rounds) end one
/// point below where they started.
fn lower_two_ratings(before: &[Response], after: &mut [Response], rng: &mut Rng) {
    let mut candidates: Vec<(usize, usize, u8)> = Vec::new();
    for (r, response) in after.iter().enumerate() {
        let Some(first) = before
            .iter()
            .find(|b| b.participant == response.participant)
        else {
            continue;
        };
        for (a, answer) in response.answers.iter().enumerate() {
            if let (true, Some(AnswerValue::Scale(was))) = (
                answer.question.starts_with(checkin::SKILL_PREFIX),
                first.answer(&answer.question),
            ) && *was >= 2
            {
                candidates.push((r, a, *was));
            }
        }
    }
    let mut lowered: Vec<usize> = Vec::new();
    while lowered.len() < 2 && !candidates.is_empty() {
        let (r, a, was) = candidates.remove(rng.below(candidates.len()));
        if !lowered.contains(&r) {
            after[r].answers[a].value = AnswerValue::Scale(was - 1);
            lowered.push(r);
        }
    }
}

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

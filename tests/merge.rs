#![cfg(not(target_arch = "wasm32"))]
//! Merge import: what the comparison reports for each kind of edit, what
//! each choice produces, which combinations are refused, the finished demo
//! edited on both sides, and properties on generated programs.

use inversa::domain::date::Date;
use inversa::domain::demo::finished_demo_workspace;
use inversa::domain::ids::{GoalId, ObjectiveId, ParticipantId, RoundId, SessionId, seeded_bytes};
use inversa::domain::impact::Leaver;
use inversa::domain::matching::pairing;
use inversa::domain::matching::{Pair, PairKey};
use inversa::domain::merge::{
    Choice, Choices, Collision, MergePlan, RecordKey, RecordKind, Resolution, apply, compare,
};
use inversa::domain::participants::{Channel, OfferedSkill, Participant, Role};
use inversa::domain::problem::{Problem, ProblemKind};
use inversa::domain::program::{Cadence, GroundRules, Objective};
use inversa::domain::sessions::{
    Agreement, Answer, AnswerValue, CheckinRound, Goal, GoalDirection, GoalProgress, Invitation,
    LocalDateTime, LocalTime, Response, RoundKind, Session, SessionStatus, TemplateKind,
    TemplateOverride, Token,
};
use inversa::domain::skills::{CustomSkill, Lang, SkillId, SkillKind};
use inversa::domain::synthetic::synthetic_workspace;
use inversa::domain::validation::validate_workspace;
use inversa::domain::workspace::Workspace;
use inversa::io::{export_json, import_bytes};
use proptest::prelude::*;

fn pid(seed: u64) -> ParticipantId {
    ParticipantId::from_random_bytes(seeded_bytes(seed))
}

fn day(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn skill(id: &str) -> SkillId {
    SkillId::parse(id).unwrap()
}

fn at(date: &str, hour: u8) -> LocalDateTime {
    LocalDateTime {
        date: day(date),
        time: LocalTime::new(hour, 0).unwrap(),
    }
}

const ANA: u64 = 1;
const BRUNO: u64 = 2;
const CARLA: u64 = 3;
const DARIO: u64 = 4;
const ELENA: u64 = 5;
/// Carla as the other coordinator typed her in, under a new id.
const CARLA_AGAIN: u64 = 33;
const GOAL: u64 = 200;
const SESSION: u64 = 300;
const ROUND: u64 = 400;

fn person(seed: u64, name: &str, role: Role) -> Participant {
    let mut p = Participant::new(pid(seed), role);
    p.name = name.into();
    p.email = format!("{}@acme.test", name.to_lowercase());
    p.department = "Marketing".into();
    p.job_title = match role {
        Role::Mentee => "Director".into(),
        Role::ReverseMentor => "Analyst".into(),
    };
    p.languages = vec!["en".into()];
    p.consent_date = Some(day("2026-01-05"));
    p
}

/// Two reverse mentors (Ana, Bruno), two mentees (Carla, Dario reporting to
/// Carla); Ana and Carla paired with an agreement, a session, a check-in
/// round and two answers (one naming the custom skill).
fn base() -> Workspace {
    let mut ws = Workspace::default();
    ws.program.name = "Bridge".into();
    ws.program.organisation = "Acme".into();
    ws.program.start_date = Some(day("2026-01-12"));
    ws.program.end_date = Some(day("2026-06-30"));
    ws.program.objectives.push(Objective {
        id: ObjectiveId::from_random_bytes(seeded_bytes(100)),
        title: "Grow engagement".into(),
        company_goal: "Brand".into(),
        owner_department: "Marketing".into(),
        kpi_name: "Engagement rate".into(),
        unit: "%".into(),
        baseline: 2.0,
        target: 5.0,
        current: None,
        skills: vec![skill("social-media")],
    });
    ws.catalogue.custom.push(CustomSkill {
        id: skill("custom-excel-macros"),
        name: "Excel macros".into(),
        kind: SkillKind::Digital,
    });
    let mut ana = person(ANA, "Ana", Role::ReverseMentor);
    ana.skills_offered.push(OfferedSkill {
        skill: skill("custom-excel-macros"),
        level: 4,
    });
    let bruno = person(BRUNO, "Bruno", Role::ReverseMentor);
    let carla = person(CARLA, "Carla", Role::Mentee);
    let mut dario = person(DARIO, "Dario", Role::Mentee);
    dario.manager = Some(pid(CARLA));
    ws.participants = vec![ana, bruno, carla, dario];

    let key = PairKey::new(pid(ANA), pid(CARLA));
    ws.pairing.pairs.push(Pair {
        mentor: pid(ANA),
        mentee: pid(CARLA),
        since: Some(day("2026-01-12")),
    });
    let mut goal = Goal::new(
        GoalId::from_random_bytes(seeded_bytes(GOAL)),
        GoalDirection::MenteeLearns,
    );
    goal.text = "Post weekly on LinkedIn".into();
    goal.progress = 20;
    ws.sessions.agreements.push(Agreement {
        pair: key.clone(),
        goals: vec![goal.clone()],
        cadence: Cadence::Fortnightly,
        session_minutes: 30,
        channel: Some(Channel::VideoCall),
        ground_rules: GroundRules::default(),
        review_dates: vec![],
        agreed_on: Some(day("2026-01-14")),
        notes: String::new(),
    });
    ws.sessions.sessions.push(Session {
        id: SessionId::from_random_bytes(seeded_bytes(SESSION)),
        pair: key,
        start: at("2026-01-20", 10),
        minutes: 30,
        status: SessionStatus::Held,
        rescheduled_from: None,
        topics: vec![skill("social-media")],
        notes: String::new(),
        mentor_rating: Some(4),
        mentee_rating: Some(5),
        goal_progress: vec![GoalProgress {
            goal: goal.id.clone(),
            percent: 20,
        }],
        sequence: 0,
    });
    let round = RoundId::from_random_bytes(seeded_bytes(ROUND));
    ws.sessions.rounds.push(CheckinRound {
        id: round.clone(),
        kind: RoundKind::CheckIn,
        opens: day("2026-02-01"),
        closes: day("2026-02-10"),
        invitations: vec![
            Invitation {
                participant: pid(ANA),
                token: Token([1; 16]),
            },
            Invitation {
                participant: pid(CARLA),
                token: Token([3; 16]),
            },
        ],
    });
    let answer = |question: &str, n| Answer {
        question: question.into(),
        value: AnswerValue::Scale(n),
    };
    ws.sessions.responses.push(Response {
        round: round.clone(),
        participant: pid(CARLA),
        answered_on: day("2026-02-03"),
        imported_on: day("2026-02-04"),
        answers: vec![answer("mood", 4)],
    });
    ws.sessions.responses.push(Response {
        round,
        participant: pid(ANA),
        answered_on: day("2026-02-05"),
        imported_on: day("2026-02-06"),
        answers: vec![answer("mood", 3), answer("offer:custom-excel-macros", 4)],
    });
    ws
}

fn named<'a>(ws: &'a mut Workspace, name: &str) -> &'a mut Participant {
    ws.participants
        .iter_mut()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

fn find<'a>(ws: &'a Workspace, name: &str) -> &'a Participant {
    ws.participants
        .iter()
        .find(|p| p.name == name)
        .unwrap_or_else(|| panic!("no {name}"))
}

/// The same workspace with a text (an id) replaced everywhere, through the
/// file format: an independent way to re-key a record and all its references.
fn replaced(ws: &Workspace, from: &str, to: &str) -> Workspace {
    let text = export_json(ws, "2026-03-01T09:00:00Z").replace(from, to);
    import_bytes(text.as_bytes())
        .unwrap_or_else(|problems| panic!("{problems:?}"))
        .workspace
}

/// A plan in words: one line per non-identical finding, fields with how
/// each is settled, then the collisions.
fn summary(plan: &MergePlan) -> Vec<String> {
    let mut out = Vec::new();
    for report in &plan.kinds {
        let kind = report.kind;
        if !report.added.is_empty() {
            out.push(format!("{kind:?} added {}", report.added.len()));
        }
        if !report.only_ours.is_empty() {
            out.push(format!("{kind:?} only ours {}", report.only_ours.len()));
        }
        for (label, changes) in [("safe", &report.safe), ("conflict", &report.conflicts)] {
            for change in changes {
                let fields: Vec<String> = change
                    .fields
                    .iter()
                    .map(|f| {
                        let how = match f.resolution {
                            Resolution::TakeTheirs => "theirs",
                            Resolution::KeepOurs => "ours",
                            Resolution::Combined => "combined",
                            Resolution::ByRule => "rule",
                            Resolution::Conflict => "choice",
                        };
                        format!("{}={how}", f.field)
                    })
                    .collect();
                out.push(format!("{kind:?} {label} {}", fields.join(" ")));
            }
        }
    }
    for collision in &plan.collisions {
        out.push(
            match collision {
                Collision::SameEmail { .. } => "same email",
                Collision::SameIdDifferentEmail { .. } => "same id, other email",
                Collision::EmailTaken { .. } => "email taken",
                Collision::SameSkillName { .. } => "same skill name",
            }
            .to_string(),
        );
    }
    out
}

type Edit = fn(&mut Workspace);

fn nothing(_: &mut Workspace) {}

fn carla_again(ws: &mut Workspace) {
    *ws = replaced(ws, pid(CARLA).as_str(), pid(CARLA_AGAIN).as_str());
}

fn add_elena(ws: &mut Workspace) {
    ws.participants.push(person(ELENA, "Elena", Role::Mentee));
}

fn add_session(ws: &mut Workspace) {
    let mut session = ws.sessions.sessions[0].clone();
    session.id = SessionId::from_random_bytes(seeded_bytes(SESSION + 1));
    session.start = at("2026-02-03", 10);
    session.notes = "Second".into();
    ws.sessions.sessions.push(session);
}

fn pair_dario_with(ws: &mut Workspace, mentor: u64) {
    ws.pairing.pairs.push(Pair {
        mentor: pid(mentor),
        mentee: pid(DARIO),
        since: Some(day("2026-02-01")),
    });
}

fn move_session(ws: &mut Workspace, hour: u8, sequence: u32) {
    let session = &mut ws.sessions.sessions[0];
    session.start = at("2026-01-20", hour);
    session.sequence = sequence;
}

/// The edits every table uses, by name, so cases read as data.
fn edit(name: &str) -> Edit {
    match name {
        "nothing" => nothing,
        "add Elena, a session, a template, a leaver, an objective" => |ws| {
            add_elena(ws);
            add_session(ws);
            ws.sessions.templates.push(TemplateOverride {
                kind: TemplateKind::Nudge,
                lang: Lang::Es,
                subject: "¿Cómo va?".into(),
                body: "Hola {first_name}".into(),
            });
            ws.impact.leavers.push(Leaver {
                participant: pid(BRUNO),
                left_on: day("2026-03-01"),
            });
            let mut objective = ws.program.objectives[0].clone();
            objective.id = ObjectiveId::from_random_bytes(seeded_bytes(101));
            objective.title = "Faster onboarding".into();
            ws.program.objectives.push(objective);
        },
        "remove Bruno and the session" => |ws| {
            ws.remove_participant(&pid(BRUNO));
            ws.sessions.sessions.clear();
        },
        "Carla in Sales" => |ws| named(ws, "Carla").department = "Sales".into(),
        "Carla in Finance" => |ws| named(ws, "Carla").department = "Finance".into(),
        "note on Dario" => |ws| named(ws, "Dario").notes = "Prefers mornings".into(),
        "Carla without job title" => |ws| named(ws, "Carla").job_title = String::new(),
        "Carla's new email" => |ws| named(ws, "Carla").email = "carla.r@acme.test".into(),
        "Carla's email in capitals" => |ws| named(ws, "Carla").email = " CARLA@Acme.test ".into(),
        "Carla entered again" => carla_again,
        "Carla entered again, with a new session" => |ws| {
            add_session(ws);
            carla_again(ws);
        },
        "Carla paired with Bruno" => |ws| ws.pairing.pairs[0].mentor = pid(BRUNO),
        "Bruno-Dario locked" => |ws| ws.pairing.locked.push(PairKey::new(pid(BRUNO), pid(DARIO))),
        "Bruno-Dario forbidden" => |ws| {
            ws.pairing
                .forbidden
                .push(PairKey::new(pid(BRUNO), pid(DARIO)))
        },
        "goal progress 60" => |ws| ws.sessions.agreements[0].goals[0].progress = 60,
        "goal progress 40 and a second goal" => |ws| {
            let goals = &mut ws.sessions.agreements[0].goals;
            goals[0].progress = 40;
            let mut second = Goal::new(
                GoalId::from_random_bytes(seeded_bytes(GOAL + 1)),
                GoalDirection::MentorLearns,
            );
            second.text = "Understand the budget cycle".into();
            goals.push(second);
        },
        "session at 11, sequence 1" => |ws| move_session(ws, 11, 1),
        "session at 12, sequence 2" => |ws| move_session(ws, 12, 2),
        "answer imported later" => |ws| ws.sessions.responses[0].imported_on = day("2026-02-09"),
        "calendar settings" => |ws| {
            ws.sessions.settings.time_zone = "Europe/Madrid".into();
            ws.sessions.settings.first_checkin_day = 20;
        },
        "program renamed Bridge 2026" => |ws| ws.program.name = "Bridge 2026".into(),
        "program renamed Bridge pilot" => |ws| ws.program.name = "Bridge pilot".into(),
        "custom skill under another id" => |ws| {
            *ws = replaced(ws, "custom-excel-macros", "custom-excel");
        },
        "Carla takes Dario's email, Dario a new one" => |ws| {
            named(ws, "Dario").email = "dario.n@acme.test".into();
            named(ws, "Carla").email = "dario@acme.test".into();
        },
        "Carla becomes a reverse mentor" => |ws| {
            let mut carla = find(ws, "Carla").clone();
            carla.role = Role::ReverseMentor;
            ws.upsert_participant(carla);
        },
        "Bruno inactive" => |ws| named(ws, "Bruno").active = false,
        "Dario paired with Bruno" => |ws| pair_dario_with(ws, BRUNO),
        "Dario paired with Ana" => |ws| pair_dario_with(ws, ANA),
        other => panic!("no edit {other}"),
    }
}

fn edited(name: &str) -> Workspace {
    let mut ws = base();
    edit(name)(&mut ws);
    ws
}

#[test]
fn the_base_program_is_valid() {
    assert_eq!(validate_workspace(&base()), vec![]);
}

#[test]
fn what_the_comparison_reports() {
    let cases: &[(&str, &str, &[&str])] = &[
        ("nothing", "nothing", &[]),
        (
            "nothing",
            "add Elena, a session, a template, a leaver, an objective",
            &[
                "Participants added 1",
                "Objectives added 1",
                "Sessions added 1",
                "Templates added 1",
                "Leavers added 1",
            ],
        ),
        // Deletions do not travel: what they removed is only ours, and stays.
        (
            "nothing",
            "remove Bruno and the session",
            &["Participants only ours 1", "Sessions only ours 1"],
        ),
        (
            "add Elena, a session, a template, a leaver, an objective",
            "nothing",
            &[
                "Participants only ours 1",
                "Objectives only ours 1",
                "Sessions only ours 1",
                "Templates only ours 1",
                "Leavers only ours 1",
            ],
        ),
        (
            "Carla in Sales",
            "Carla in Finance",
            &["Participants conflict department=choice"],
        ),
        // An edit on one side only looks the same: there is no history.
        (
            "nothing",
            "Carla in Finance",
            &["Participants conflict department=choice"],
        ),
        (
            "nothing",
            "note on Dario",
            &["Participants safe notes=theirs"],
        ),
        (
            "nothing",
            "Carla without job title",
            &["Participants safe job_title=ours"],
        ),
        (
            "nothing",
            "Carla's new email",
            &["Participants conflict email=choice", "same id, other email"],
        ),
        ("nothing", "Carla's email in capitals", &[]),
        // Every reference to the second Carla lands on ours: nothing else differs.
        ("nothing", "Carla entered again", &["same email"]),
        (
            "nothing",
            "Carla entered again, with a new session",
            &["Sessions added 1", "same email"],
        ),
        (
            "nothing",
            "custom skill under another id",
            &["same skill name"],
        ),
        (
            "nothing",
            "Carla paired with Bruno",
            &["Pairs conflict mentor_id=choice"],
        ),
        (
            "Bruno-Dario locked",
            "Bruno-Dario forbidden",
            &["PairRules conflict state=choice"],
        ),
        ("nothing", "Bruno-Dario locked", &["PairRules added 1"]),
        (
            "goal progress 60",
            "goal progress 40 and a second goal",
            &["Agreements conflict goals=choice goals=combined"],
        ),
        (
            "nothing",
            "goal progress 40 and a second goal",
            &["Agreements conflict goals=choice goals=combined"],
        ),
        (
            "session at 11, sequence 1",
            "session at 12, sequence 2",
            &["Sessions conflict time=choice sequence=rule"],
        ),
        (
            "nothing",
            "answer imported later",
            &["Responses safe imported_on=rule"],
        ),
        (
            "nothing",
            "calendar settings",
            &[
                "Settings safe sessions.settings.time_zone=theirs sessions.settings.first_checkin_day=theirs",
            ],
        ),
        (
            "calendar settings",
            "nothing",
            &[
                "Settings safe sessions.settings.time_zone=ours sessions.settings.first_checkin_day=ours",
            ],
        ),
        (
            "program renamed Bridge 2026",
            "program renamed Bridge pilot",
            &["Settings conflict program.name=choice"],
        ),
        (
            "nothing",
            "Carla takes Dario's email, Dario a new one",
            &[
                "Participants conflict email=choice",
                "Participants conflict email=choice",
                "same id, other email",
                "email taken",
                "same id, other email",
            ],
        ),
    ];
    for (ours_edit, theirs_edit, expected) in cases {
        let name = format!("ours: {ours_edit}; theirs: {theirs_edit}");
        let (ours, theirs) = (edited(ours_edit), edited(theirs_edit));
        let plan = compare(&ours, &theirs);
        assert_eq!(summary(&plan), *expected, "{name}");
        assert_eq!(plan.is_identical(), expected.is_empty(), "{name}");
        assert_eq!(plan.kinds.len(), RecordKind::ALL.len());
        for choice in [Choice::Ours, Choice::Theirs] {
            let merged = apply(&ours, &theirs, &plan, &Choices::all(&plan, choice))
                .unwrap_or_else(|problems| panic!("{name}, {choice:?}: {problems:?}"));
            keeps_everything_of(&ours, &merged, &name);
            let again = compare(&merged, &theirs);
            assert!(
                again.kinds.iter().all(|k| k.added.is_empty()),
                "{name}, {choice:?}: all of theirs is in"
            );
        }
    }
}

/// Every record of ours is still there, under the same key.
fn keeps_everything_of(ours: &Workspace, merged: &Workspace, name: &str) {
    let plan = compare(merged, ours);
    for report in &plan.kinds {
        assert_eq!(
            report.added,
            vec![],
            "{name}: {:?} of ours missing",
            report.kind
        );
    }
}

#[test]
fn what_each_choice_produces() {
    type Check = fn(&Workspace);
    let cases: &[(&str, &str, &str, Choice, Check)] = &[
        (
            "Carla in Sales",
            "Carla in Finance",
            "ours",
            Choice::Ours,
            |ws| assert_eq!(find(ws, "Carla").department, "Sales"),
        ),
        (
            "Carla in Sales",
            "Carla in Finance",
            "theirs",
            Choice::Theirs,
            |ws| assert_eq!(find(ws, "Carla").department, "Finance"),
        ),
        (
            "nothing",
            "note on Dario",
            "filled either way",
            Choice::Ours,
            |ws| assert_eq!(find(ws, "Dario").notes, "Prefers mornings"),
        ),
        (
            "nothing",
            "Carla without job title",
            "kept either way",
            Choice::Theirs,
            |ws| assert_eq!(find(ws, "Carla").job_title, "Director"),
        ),
        (
            "nothing",
            "remove Bruno and the session",
            "deletions do not travel",
            Choice::Theirs,
            |ws| assert_eq!(ws, &base()),
        ),
        (
            "nothing",
            "Carla's new email",
            "theirs",
            Choice::Theirs,
            |ws| {
                assert_eq!(find(ws, "Carla").email, "carla.r@acme.test");
                assert_eq!(find(ws, "Carla").id, pid(CARLA));
            },
        ),
        (
            "nothing",
            "Carla's email in capitals",
            "ours as written",
            Choice::Theirs,
            |ws| assert_eq!(find(ws, "Carla").email, "carla@acme.test"),
        ),
        (
            "nothing",
            "Carla entered again, with a new session",
            "references remapped",
            Choice::Theirs,
            |ws| {
                assert_eq!(ws.participants.len(), 4);
                let carlas: Vec<_> = ws
                    .participants
                    .iter()
                    .filter(|p| p.name == "Carla")
                    .collect();
                assert_eq!(carlas.len(), 1);
                assert_eq!(carlas[0].id, pid(CARLA));
                let added = ws
                    .sessions
                    .sessions
                    .iter()
                    .find(|s| s.notes == "Second")
                    .unwrap();
                assert_eq!(added.pair, PairKey::new(pid(ANA), pid(CARLA)));
                assert!(!export_json(ws, "x").contains(pid(CARLA_AGAIN).as_str()));
            },
        ),
        (
            "nothing",
            "custom skill under another id",
            "skill references remapped",
            Choice::Theirs,
            |ws| assert_eq!(ws, &base()),
        ),
        (
            "nothing",
            "Carla paired with Bruno",
            "their mentor",
            Choice::Theirs,
            |ws| {
                assert_eq!(ws.pairing.mentor_of(&pid(CARLA)), Some(&pid(BRUNO)));
                // The old pair's history stays with it.
                assert_eq!(
                    ws.sessions.agreements[0].pair,
                    PairKey::new(pid(ANA), pid(CARLA))
                );
            },
        ),
        (
            "Bruno-Dario locked",
            "Bruno-Dario forbidden",
            "their ban",
            Choice::Theirs,
            |ws| {
                assert_eq!(ws.pairing.locked, vec![]);
                assert_eq!(
                    ws.pairing.forbidden,
                    vec![PairKey::new(pid(BRUNO), pid(DARIO))]
                );
            },
        ),
        (
            "Bruno-Dario locked",
            "Bruno-Dario forbidden",
            "our lock",
            Choice::Ours,
            |ws| {
                assert_eq!(
                    ws.pairing.locked,
                    vec![PairKey::new(pid(BRUNO), pid(DARIO))]
                );
                assert_eq!(ws.pairing.forbidden, vec![]);
            },
        ),
        (
            "goal progress 60",
            "goal progress 40 and a second goal",
            "our progress, their goal",
            Choice::Ours,
            |ws| {
                let goals = &ws.sessions.agreements[0].goals;
                assert_eq!(
                    goals.iter().map(|g| g.progress).collect::<Vec<_>>(),
                    vec![60, 0]
                );
            },
        ),
        (
            "goal progress 60",
            "goal progress 40 and a second goal",
            "their progress and goal",
            Choice::Theirs,
            |ws| {
                let goals = &ws.sessions.agreements[0].goals;
                assert_eq!(
                    goals.iter().map(|g| g.progress).collect::<Vec<_>>(),
                    vec![40, 0]
                );
            },
        ),
        (
            "session at 11, sequence 1",
            "session at 12, sequence 2",
            "ours, calendars updated",
            Choice::Ours,
            |ws| {
                let session = &ws.sessions.sessions[0];
                assert_eq!((session.start, session.sequence), (at("2026-01-20", 11), 3));
            },
        ),
        (
            "session at 11, sequence 1",
            "session at 12, sequence 2",
            "theirs, calendars updated",
            Choice::Theirs,
            |ws| {
                let session = &ws.sessions.sessions[0];
                assert_eq!((session.start, session.sequence), (at("2026-01-20", 12), 3));
            },
        ),
        (
            "nothing",
            "answer imported later",
            "first import day",
            Choice::Theirs,
            |ws| assert_eq!(ws.sessions.responses[0].imported_on, day("2026-02-04")),
        ),
        (
            "nothing",
            "calendar settings",
            "untouched settings take theirs",
            Choice::Ours,
            |ws| {
                assert_eq!(ws.sessions.settings.time_zone, "Europe/Madrid");
                assert_eq!(ws.sessions.settings.first_checkin_day, 20);
            },
        ),
        (
            "program renamed Bridge 2026",
            "program renamed Bridge pilot",
            "ours",
            Choice::Ours,
            |ws| assert_eq!(ws.program.name, "Bridge 2026"),
        ),
        (
            "nothing",
            "Carla takes Dario's email, Dario a new one",
            "both theirs",
            Choice::Theirs,
            |ws| {
                assert_eq!(find(ws, "Carla").email, "dario@acme.test");
                assert_eq!(find(ws, "Dario").email, "dario.n@acme.test");
            },
        ),
        // Accepted as validation accepts it in one copy: documented in the module.
        (
            "Bruno inactive",
            "Dario paired with Bruno",
            "pair with an inactive mentor",
            Choice::Ours,
            |ws| {
                assert!(!find(ws, "Bruno").active);
                assert_eq!(ws.pairing.mentor_of(&pid(DARIO)), Some(&pid(BRUNO)));
            },
        ),
        (
            "nothing",
            "Dario paired with Ana",
            "over capacity",
            Choice::Ours,
            |ws| {
                let mentees = ws
                    .pairing
                    .pairs
                    .iter()
                    .filter(|p| p.mentor == pid(ANA))
                    .count();
                assert_eq!((mentees, find(ws, "Ana").capacity), (2, 1));
            },
        ),
    ];
    for (ours_edit, theirs_edit, name, choice, check) in cases {
        let (ours, theirs) = (edited(ours_edit), edited(theirs_edit));
        let before = ours.clone();
        let plan = compare(&ours, &theirs);
        let merged = apply(&ours, &theirs, &plan, &Choices::all(&plan, *choice))
            .unwrap_or_else(|problems| panic!("{name}: {problems:?}"));
        check(&merged);
        assert_eq!(ours, before, "{name}: ours untouched");
    }
}

/// A combination of choices the merge refuses, with every problem it reports.
struct Refused {
    name: &'static str,
    theirs: &'static str,
    choices: Vec<(RecordKey, Choice)>,
    problems: Vec<Problem>,
}

#[test]
fn combinations_that_are_refused() {
    let cases = vec![
        Refused {
            name: "Carla's email theirs, Dario's ours",
            theirs: "Carla takes Dario's email, Dario a new one",
            choices: vec![
                (RecordKey::Participant(pid(CARLA)), Choice::Theirs),
                (RecordKey::Participant(pid(DARIO)), Choice::Ours),
            ],
            problems: vec![Problem::new(
                "participants[3].email",
                ProblemKind::DuplicateEmail {
                    first: "participants[2]".into(),
                },
            )],
        },
        Refused {
            name: "her role theirs while our pair needs a mentee",
            theirs: "Carla becomes a reverse mentor",
            choices: vec![(RecordKey::Participant(pid(CARLA)), Choice::Theirs)],
            problems: vec![Problem::new(
                "pairing.pairs[0].mentee_id",
                ProblemKind::WrongRole {
                    id: pid(CARLA).to_string(),
                    expected: Role::Mentee,
                },
            )],
        },
    ];
    for case in cases {
        let name = case.name;
        let (ours, theirs) = (base(), edited(case.theirs));
        let before = ours.clone();
        let plan = compare(&ours, &theirs);
        let mut chosen = Choices::new();
        for (key, choice) in case.choices {
            assert!(
                plan.conflicts().any(|c| c.key == key),
                "{name}: {key:?} is a conflict"
            );
            chosen.set(key, choice);
        }
        assert_eq!(
            apply(&ours, &theirs, &plan, &chosen),
            Err(case.problems),
            "{name}"
        );
        assert_eq!(ours, before, "{name}: ours untouched");
        // Keeping ours everywhere is always possible here.
        assert!(
            apply(&ours, &theirs, &plan, &Choices::new()).is_ok(),
            "{name}"
        );
    }
}

#[test]
fn conflicts_show_both_values_field_by_field() {
    use inversa::domain::merge::FieldValue;
    let plan = compare(&edited("Carla in Sales"), &edited("Carla's new email"));
    let conflict = plan.conflicts().next().unwrap();
    assert_eq!(conflict.key, RecordKey::Participant(pid(CARLA)));
    let shown: Vec<_> = conflict
        .conflicting()
        .map(|f| (f.field, f.ours.clone(), f.theirs.clone()))
        .collect();
    assert_eq!(
        shown,
        vec![
            (
                "email",
                FieldValue::Text("carla@acme.test".into()),
                FieldValue::Text("carla.r@acme.test".into())
            ),
            (
                "department",
                FieldValue::Text("Sales".into()),
                FieldValue::Text("Marketing".into())
            ),
        ]
    );
    let plan = compare(&base(), &edited("Carla paired with Bruno"));
    let fields = &plan.conflicts().next().unwrap().fields;
    assert_eq!(fields[0].ours, FieldValue::Person(pid(ANA)));
    assert_eq!(fields[0].theirs, FieldValue::Person(pid(BRUNO)));
}

#[test]
fn merging_a_copy_with_itself_changes_nothing() {
    for ws in [base(), finished_demo_workspace(), Workspace::default()] {
        let plan = compare(&ws, &ws);
        assert!(plan.is_identical(), "{:?}", summary(&plan));
        let merged = apply(&ws, &ws, &plan, &Choices::new());
        if validate_workspace(&ws).is_empty() {
            assert_eq!(merged, Ok(ws));
        }
    }
}

#[test]
fn the_finished_demo_edited_on_both_sides_merges_and_validates() {
    let demo = finished_demo_workspace();
    let first_pair = demo.pairing.pairs[0].clone();
    let mentee = demo.participant(&first_pair.mentee).unwrap().clone();

    let mut ours = demo.clone();
    ours.program.description = "Our wording of the pilot".into();
    ours.participants[0].notes = "Ours: prefers video calls".into();
    let mut extra = ours.sessions.sessions_of(&first_pair.key())[0].clone();
    extra.id = SessionId::from_random_bytes(seeded_bytes(9_001));
    extra.start.date = day("2027-01-05");
    extra.status = SessionStatus::Planned;
    extra.goal_progress.clear();
    extra.mentor_rating = None;
    extra.mentee_rating = None;
    ours.sessions.sessions.push(extra);

    let new_id = pid(9_002);
    let mut theirs = replaced(&demo, mentee.id.as_str(), new_id.as_str());
    theirs.program.description = "Their wording of the pilot".into();
    theirs.participants[0].notes = "Theirs: mornings only".into();
    let mut newcomer = person(9_003, "Zoe", Role::Mentee);
    newcomer.email = "zoe.newcomer@vellora.test".into();
    theirs.participants.push(newcomer);
    let their_session = theirs
        .sessions
        .sessions
        .iter_mut()
        .find(|s| s.pair.mentee == new_id && s.status == SessionStatus::Held)
        .unwrap();
    their_session.notes = "Theirs: went well".into();
    let noted = their_session.id.clone();
    theirs.sessions.templates.push(TemplateOverride {
        kind: TemplateKind::ThankYou,
        lang: Lang::It,
        subject: "Grazie".into(),
        body: "Grazie {first_name}".into(),
    });
    assert_eq!(validate_workspace(&ours), vec![]);
    assert_eq!(validate_workspace(&theirs), vec![]);

    let plan = compare(&ours, &theirs);
    assert_eq!(
        plan.collisions,
        vec![Collision::SameEmail {
            email: mentee.email.clone(),
            ours: mentee.id.clone(),
            theirs: new_id.clone(),
        }]
    );
    let report = |kind| plan.kind(kind).unwrap();
    assert_eq!(report(RecordKind::Participants).added.len(), 1);
    assert_eq!(report(RecordKind::Participants).conflicts.len(), 1);
    assert_eq!(report(RecordKind::Sessions).only_ours.len(), 1);
    assert_eq!(report(RecordKind::Templates).added.len(), 1);
    assert_eq!(report(RecordKind::Settings).conflicts.len(), 1);
    // The person's session notes were blank in ours: a safe take.
    assert!(
        report(RecordKind::Sessions)
            .safe
            .iter()
            .any(|c| c.key == RecordKey::Session(noted.clone()))
    );
    assert_eq!(
        report(RecordKind::Pairs).identical.len(),
        demo.pairing.pairs.len()
    );

    for choice in [Choice::Ours, Choice::Theirs] {
        let merged = apply(&ours, &theirs, &plan, &Choices::all(&plan, choice))
            .unwrap_or_else(|problems| panic!("{choice:?}: {problems:?}"));
        assert_eq!(validate_workspace(&merged), vec![]);
        assert_eq!(merged.participants.len(), demo.participants.len() + 1);
        assert_eq!(merged.sessions.sessions.len(), ours.sessions.sessions.len());
        assert!(!export_json(&merged, "x").contains(new_id.as_str()));
        let session = merged
            .sessions
            .sessions
            .iter()
            .find(|s| s.id == noted)
            .unwrap();
        assert_eq!(session.notes, "Theirs: went well");
        let expected = match choice {
            Choice::Ours => "Ours: prefers video calls",
            Choice::Theirs => "Theirs: mornings only",
        };
        assert_eq!(merged.participants[0].notes, expected);
        keeps_everything_of(&ours, &merged, &format!("{choice:?}"));
    }
}

/// Changes a coordinator might make to their copy, on generated programs.
#[derive(Clone, Debug)]
enum Change {
    Rename(usize),
    NewEmail(usize),
    EmailInCapitals(usize),
    EnteredAgain(usize, u64),
    Remove(usize),
    Add(u64),
    ToggleActive(usize),
    SwitchRole(usize),
    Blank(usize),
    Capacity(usize, u8),
    ProgramName(u8),
    PairUp(usize, usize),
    Session(usize, u64),
}

fn change() -> impl Strategy<Value = Change> {
    let i = 0usize..40;
    prop_oneof![
        i.clone().prop_map(Change::Rename),
        i.clone().prop_map(Change::NewEmail),
        i.clone().prop_map(Change::EmailInCapitals),
        (i.clone(), 1u64..1000).prop_map(|(i, s)| Change::EnteredAgain(i, s)),
        i.clone().prop_map(Change::Remove),
        (1u64..1000).prop_map(Change::Add),
        i.clone().prop_map(Change::ToggleActive),
        i.clone().prop_map(Change::SwitchRole),
        i.clone().prop_map(Change::Blank),
        (i.clone(), 1u8..4).prop_map(|(i, c)| Change::Capacity(i, c)),
        (0u8..3).prop_map(Change::ProgramName),
        (i.clone(), 0usize..40).prop_map(|(a, b)| Change::PairUp(a, b)),
        (i, 1u64..1000).prop_map(|(i, s)| Change::Session(i, s)),
    ]
}

impl Change {
    /// Applies the change; `side` keeps ids and emails of the two copies apart.
    fn apply(&self, ws: &mut Workspace, side: u64) {
        let n = ws.participants.len();
        let pick = |i: usize| (n > 0).then(|| i % n);
        match *self {
            Change::Rename(i) => {
                if let Some(i) = pick(i) {
                    ws.participants[i].name = format!("Renamed {side}");
                }
            }
            Change::NewEmail(i) => {
                if let Some(i) = pick(i) {
                    ws.participants[i].email = format!("moved{i}.{side}@example.test");
                }
            }
            Change::EmailInCapitals(i) => {
                if let Some(i) = pick(i) {
                    let email = &mut ws.participants[i].email;
                    *email = email.to_uppercase();
                }
            }
            Change::EnteredAgain(i, seed) => {
                if let Some(i) = pick(i)
                    && validate_workspace(ws).is_empty()
                {
                    let old = ws.participants[i].id.clone();
                    let new = pid(side * 1_000_000 + seed);
                    if ws.participant(&new).is_none() {
                        *ws = replaced(ws, old.as_str(), new.as_str());
                    }
                }
            }
            Change::Remove(i) => {
                if let Some(i) = pick(i) {
                    let id = ws.participants[i].id.clone();
                    ws.remove_participant(&id);
                }
            }
            Change::Add(seed) => {
                let mut p = person(side * 2_000_000 + seed, "Added", Role::Mentee);
                p.email = format!("added{seed}.{side}@example.test");
                if ws.participant(&p.id).is_none() {
                    ws.participants.push(p);
                }
            }
            Change::ToggleActive(i) => {
                if let Some(i) = pick(i) {
                    ws.participants[i].active ^= true;
                }
            }
            Change::SwitchRole(i) => {
                if let Some(i) = pick(i) {
                    let mut p = ws.participants[i].clone();
                    p.role = match p.role {
                        Role::Mentee => Role::ReverseMentor,
                        Role::ReverseMentor => Role::Mentee,
                    };
                    ws.upsert_participant(p);
                }
            }
            Change::Blank(i) => {
                if let Some(i) = pick(i) {
                    ws.participants[i].department.clear();
                    ws.participants[i].notes.clear();
                }
            }
            Change::Capacity(i, c) => {
                if let Some(i) = pick(i) {
                    ws.participants[i].capacity = c;
                }
            }
            Change::ProgramName(k) => ws.program.name = format!("Program {k}"),
            Change::PairUp(a, b) => {
                if let (Some(a), Some(b)) = (pick(a), pick(b)) {
                    let (mentor, mentee) = (&ws.participants[a], &ws.participants[b]);
                    if mentor.role == Role::ReverseMentor
                        && mentee.role == Role::Mentee
                        && ws.pairing.mentor_of(&mentee.id).is_none()
                    {
                        let pair = Pair {
                            mentor: mentor.id.clone(),
                            mentee: mentee.id.clone(),
                            since: None,
                        };
                        ws.pairing.pairs.push(pair);
                    }
                }
            }
            Change::Session(i, seed) => {
                let count = ws.pairing.pairs.len();
                if count > 0 {
                    let pair = ws.pairing.pairs[i % count].key();
                    ws.sessions.sessions.push(Session {
                        id: SessionId::from_random_bytes(seeded_bytes(side * 3_000_000 + seed)),
                        pair,
                        start: at("2026-03-02", 9 + (seed % 8) as u8),
                        minutes: 30,
                        status: SessionStatus::Planned,
                        rescheduled_from: None,
                        topics: vec![],
                        notes: String::new(),
                        mentor_rating: None,
                        mentee_rating: None,
                        goal_progress: vec![],
                        sequence: 0,
                    });
                }
            }
        }
    }
}

/// A synthetic program with the pairs the solver proposes accepted.
fn generated(n: usize, seed: u64) -> Workspace {
    let mut ws = synthetic_workspace(n, seed);
    let proposal = pairing::propose(&ws);
    pairing::accept(&mut ws.pairing, &proposal.keys(), Some(day("2026-01-12")));
    ws
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn merges_of_generated_programs(
        n in 0usize..14,
        seed in any::<u64>(),
        ours_changes in proptest::collection::vec(change(), 0..6),
        their_changes in proptest::collection::vec(change(), 0..6),
    ) {
        let base = generated(n, seed);
        let mut ours = base.clone();
        for c in &ours_changes {
            c.apply(&mut ours, 1);
        }
        let mut theirs = base;
        for c in &their_changes {
            c.apply(&mut theirs, 2);
        }

        // A copy merged with itself is itself.
        let plan = compare(&ours, &ours);
        prop_assert!(plan.is_identical());
        if validate_workspace(&ours).is_empty() {
            prop_assert_eq!(apply(&ours, &ours, &plan, &Choices::new()), Ok(ours.clone()));
        }

        // Never panics; what it accepts keeps all of ours, takes all of
        // theirs, and leaves nothing to choose against the chosen side.
        let plan = compare(&ours, &theirs);
        for choice in [Choice::Ours, Choice::Theirs] {
            let Ok(merged) = apply(&ours, &theirs, &plan, &Choices::all(&plan, choice)) else {
                continue;
            };
            let chosen = match choice {
                Choice::Ours => &ours,
                Choice::Theirs => &theirs,
            };
            let against_ours = compare(&merged, &ours);
            let against_theirs = compare(&merged, &theirs);
            prop_assert!(against_ours.kinds.iter().all(|k| k.added.is_empty()));
            prop_assert!(against_theirs.kinds.iter().all(|k| k.added.is_empty()));
            let settled = compare(&merged, chosen);
            prop_assert_eq!(settled.conflicts().count(), 0, "{:?}", summary(&settled));
        }
    }
}

/// One program may hold several circles on one theme (circles are formed
/// that way when many people share it); merging it with itself must find
/// each circle once, not report the second as both added and only ours.
#[test]
fn circles_sharing_a_theme_meet_their_own_copy() {
    let mut ws = inversa::domain::synthetic::synthetic_workspace(60, 7);
    ws.pairing.circles = inversa::domain::matching::circles::form_circles(&ws, 4).circles;
    let themes: std::collections::HashSet<_> =
        ws.pairing.circles.iter().map(|c| c.theme.clone()).collect();
    assert!(
        themes.len() < ws.pairing.circles.len(),
        "the program has a repeated theme"
    );
    let plan = compare(&ws, &ws);
    assert!(plan.is_identical(), "{:?}", summary(&plan));
    let merged = apply(&ws, &ws, &plan, &Choices::default()).expect("valid");
    assert_eq!(merged.pairing.circles, ws.pairing.circles);
}

/// Pairs from both sides can add up past a reverse mentor's capacity: the
/// merge is allowed (validation lets capacity be lowered after pairing) but
/// names who would be overloaded, and only when the merge causes it.
#[test]
fn overloads_the_merge_would_cause() {
    use inversa::domain::merge::{Overload, new_overloads};
    let with_capacity = |mut ws: Workspace, capacity: u8| {
        for p in &mut ws.participants {
            p.capacity = capacity;
        }
        ws
    };
    // (their edit, capacity on both sides, expected overloads)
    let cases: Vec<(&str, fn(&mut Workspace), u8, Vec<Overload>)> = vec![
        (
            "Dario paired with Ana too",
            |ws| pair_dario_with(ws, ANA),
            1,
            vec![Overload {
                mentor: pid(ANA),
                mentees: 2,
                capacity: 1,
            }],
        ),
        (
            "Dario paired with Ana, who takes two",
            |ws| pair_dario_with(ws, ANA),
            2,
            vec![],
        ),
        (
            "Dario paired with Bruno",
            |ws| pair_dario_with(ws, BRUNO),
            1,
            vec![],
        ),
        ("nothing new", nothing, 1, vec![]),
    ];
    for (name, their_edit, capacity, expected) in cases {
        let ours = with_capacity(base(), capacity);
        let mut theirs = ours.clone();
        their_edit(&mut theirs);
        let plan = compare(&ours, &theirs);
        let merged = apply(&ours, &theirs, &plan, &Choices::default()).expect(name);
        assert_eq!(new_overloads(&ours, &merged), expected, "{name}");
    }
    // Already over capacity before the merge (capacity lowered after
    // pairing): not the merge's doing, not repeated.
    let mut ours = with_capacity(base(), 1);
    pair_dario_with(&mut ours, ANA);
    let plan = compare(&ours, &ours);
    let merged = apply(&ours, &ours, &plan, &Choices::default()).unwrap();
    assert_eq!(new_overloads(&ours, &merged), vec![]);
}

#![cfg(not(target_arch = "wasm32"))]
//! The import pipeline against broken, hostile and random input, and round
//! trips of valid workspaces through the file and the storage envelope.

use std::time::Instant;

use inversa::domain::date::Date;
use inversa::domain::demo::demo_workspace;
use inversa::domain::ids::{GoalId, ObjectiveId, ParticipantId, RoundId, SessionId, seeded_bytes};
use inversa::domain::impact::{CertificateCriteria, ImpactState, Leaver, ReportNotes};
use inversa::domain::matching::{Circle, Pair, PairKey, PairingState, Preset, Weights};
use inversa::domain::participants::{
    Availability, Channel, DayPart, OfferedSkill, Participant, Priority, Role, Seniority,
    WantedSkill, Weekday,
};
use inversa::domain::problem::{BinaryKind, Expected, JsonType, Problem, ProblemKind};
use inversa::domain::program::{Cadence, GroundRules, Objective, Program, StandardRule};
use inversa::domain::sessions::{
    Agreement, AlertSettings, Answer, AnswerValue, CheckinRound, Goal, GoalDirection, GoalProgress,
    Invitation, LocalDateTime, LocalTime, Milestone, Response, RoundKind, Session, SessionSettings,
    SessionStatus, SessionsState, TemplateKind, TemplateOverride, Token,
};
use inversa::domain::skills::{Catalogue, CustomSkill, DEFAULT_SKILLS, Lang, SkillId, SkillKind};
use inversa::domain::validation::{validate_impact, validate_sessions, validate_workspace};
use inversa::domain::workspace::Workspace;
use inversa::io::format_v1::fields_at;
use inversa::io::{
    CURRENT_VERSION, MAX_IMPORT_BYTES, Stored, WarningKind, decode_stored, encode_stored,
    export_json, import_bytes,
};
use proptest::prelude::*;
use proptest::sample::Index;
use serde_json::{Value, json};

const EXAMPLE: &str = include_str!("../docs/example-v1.json");

fn example() -> Value {
    serde_json::from_str(EXAMPLE).unwrap()
}

/// The example with changes at JSON pointers (`None` removes the field or
/// entry; an index one past the end of a list appends).
fn edited(edits: &[(&str, Option<Value>)]) -> Vec<u8> {
    let mut value = example();
    for (pointer, new) in edits {
        let (parent, key) = pointer.rsplit_once('/').unwrap();
        let parent = value
            .pointer_mut(parent)
            .unwrap_or_else(|| panic!("no {parent}"));
        match (parent, new) {
            (Value::Object(map), Some(v)) => {
                map.insert(key.to_string(), v.clone());
            }
            (Value::Object(map), None) => {
                map.remove(key);
            }
            // One past the end appends.
            (Value::Array(items), Some(v)) => match key.parse::<usize>().unwrap() {
                i if i == items.len() => items.push(v.clone()),
                i => items[i] = v.clone(),
            },
            (Value::Array(items), None) => {
                items.remove(key.parse::<usize>().unwrap());
            }
            _ => panic!("{pointer}"),
        }
    }
    serde_json::to_vec_pretty(&value).unwrap()
}

fn problems_of(bytes: &[u8]) -> Vec<Problem> {
    match import_bytes(bytes) {
        Ok(preview) => panic!(
            "expected problems, imported {} participants",
            preview.workspace.participants.len()
        ),
        Err(problems) => problems,
    }
}

fn has(problems: &[Problem], path: &str, kind: &ProblemKind) -> bool {
    problems.iter().any(|p| p.path == path && &p.kind == kind)
}

fn wrong(expected: Expected, found: JsonType) -> ProblemKind {
    ProblemKind::WrongType { expected, found }
}

const A_ROLE: &[&str] = &["reverse_mentor", "mentee"];

#[test]
fn corrupt_inputs_are_reported_with_their_place() {
    use ProblemKind::*;
    let mut big = vec![b' '; 11 * 1024 * 1024];
    big.extend_from_slice(EXAMPLE.as_bytes());
    let big_len = big.len() as u64;
    let stranger = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    let lucia_email = json!("lucia.fernandez@acme.example");

    type Case = (&'static str, Vec<u8>, Vec<(&'static str, ProblemKind)>);
    let cases: Vec<Case> = vec![
        (
            "truncated",
            br#"{"format": "inversa", "ver"#.to_vec(),
            vec![(
                "",
                Truncated {
                    line: 1,
                    column: 26,
                },
            )],
        ),
        (
            "truncated example",
            EXAMPLE.as_bytes()[..200].to_vec(),
            vec![(
                "",
                Truncated {
                    line: 8,
                    column: 30,
                },
            )],
        ),
        (
            "not json",
            b"hello".to_vec(),
            vec![("", NotJson { line: 1, column: 1 })],
        ),
        (
            "trailing garbage",
            b"{}\n}".to_vec(),
            vec![("", NotJson { line: 2, column: 1 })],
        ),
        (
            "png",
            b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
            vec![(
                "",
                NotText {
                    looks_like: BinaryKind::Png,
                },
            )],
        ),
        (
            "docx",
            b"PK\x03\x04\x14\0\x06\0".to_vec(),
            vec![(
                "",
                NotText {
                    looks_like: BinaryKind::Zip,
                },
            )],
        ),
        (
            "random binary",
            vec![0x13, 0xff, 0x00, 0x9c, 0x42, 0xfe, 0x80],
            vec![(
                "",
                NotText {
                    looks_like: BinaryKind::Unknown,
                },
            )],
        ),
        (
            "nul in text",
            b"{\"format\": \"inversa\0\"}".to_vec(),
            vec![(
                "",
                NotText {
                    looks_like: BinaryKind::Unknown,
                },
            )],
        ),
        ("empty", Vec::new(), vec![("", EmptyFile)]),
        ("blank", b" \r\n\t ".to_vec(), vec![("", EmptyFile)]),
        (
            "11 MB",
            big,
            vec![(
                "",
                TooLarge {
                    bytes: big_len,
                    max: MAX_IMPORT_BYTES as u64,
                },
            )],
        ),
        (
            "top-level array",
            b"[1, 2]".to_vec(),
            vec![("", wrong(Expected::Object, JsonType::Array))],
        ),
        (
            "top-level string",
            b"\"inversa\"".to_vec(),
            vec![("", wrong(Expected::Object, JsonType::String))],
        ),
        (
            "format missing",
            edited(&[("/format", None)]),
            vec![("", NotInversaFile)],
        ),
        (
            "format other",
            edited(&[("/format", Some(json!("other")))]),
            vec![("", NotInversaFile)],
        ),
        (
            "random json object",
            b"{\"name\": \"x\", \"items\": [1]}".to_vec(),
            vec![("", NotInversaFile)],
        ),
        (
            "version 2",
            edited(&[("/version", Some(json!(2)))]),
            vec![(
                "",
                NewerVersion {
                    found: 2,
                    supported: CURRENT_VERSION,
                },
            )],
        ),
        (
            "version one",
            edited(&[("/version", Some(json!("one")))]),
            vec![(
                "",
                UnknownVersion {
                    found: "one".into(),
                },
            )],
        ),
        (
            "version -1",
            edited(&[("/version", Some(json!(-1)))]),
            vec![("", UnknownVersion { found: "-1".into() })],
        ),
        (
            "version 1.5",
            edited(&[("/version", Some(json!(1.5)))]),
            vec![(
                "",
                UnknownVersion {
                    found: "1.5".into(),
                },
            )],
        ),
        (
            "version missing",
            edited(&[("/version", None)]),
            vec![("version", Missing)],
        ),
        (
            "capacity as text",
            edited(&[("/participants/1/capacity", Some(json!("two")))]),
            vec![(
                "participants[1].capacity",
                wrong(Expected::WholeNumber, JsonType::String),
            )],
        ),
        (
            "program name as number",
            edited(&[("/program/name", Some(json!(5)))]),
            vec![("program.name", wrong(Expected::Text, JsonType::Number))],
        ),
        (
            "participants as object",
            edited(&[("/participants", Some(json!({})))]),
            vec![("participants", wrong(Expected::List, JsonType::Object))],
        ),
        (
            "participant as text",
            edited(&[("/participants/0", Some(json!("Lucía")))]),
            vec![("participants[0]", wrong(Expected::Object, JsonType::String))],
        ),
        (
            "level out of range",
            edited(&[("/participants/0/skills_offered/1/level", Some(json!(300)))]),
            vec![(
                "participants[0].skills_offered[1].level",
                OutOfRange {
                    min: 0.0,
                    max: 255.0,
                },
            )],
        ),
        (
            "fractional level",
            edited(&[("/participants/0/skills_offered/1/level", Some(json!(2.5)))]),
            vec![(
                "participants[0].skills_offered[1].level",
                wrong(Expected::WholeNumber, JsonType::Number),
            )],
        ),
        (
            "baseline as text",
            edited(&[("/program/objectives/0/baseline", Some(json!("2%")))]),
            vec![(
                "program.objectives[0].baseline",
                wrong(Expected::Number, JsonType::String),
            )],
        ),
        (
            "program missing",
            edited(&[("/program", None)]),
            vec![("program", Missing)],
        ),
        (
            "participants missing",
            edited(&[("/participants", None)]),
            vec![("participants", Missing)],
        ),
        (
            "program name missing",
            edited(&[("/program/name", None)]),
            vec![("program.name", Missing)],
        ),
        (
            "program name null",
            edited(&[("/program/name", Some(Value::Null))]),
            vec![("program.name", Missing)],
        ),
        (
            "participant fields missing",
            edited(&[
                ("/participants/0/id", None),
                ("/participants/0/name", None),
                ("/participants/0/email", None),
                ("/participants/0/role", None),
            ]),
            vec![
                ("participants[0].id", Missing),
                ("participants[0].name", Missing),
                ("participants[0].email", Missing),
                ("participants[0].role", Missing),
            ],
        ),
        (
            "objective fields missing",
            edited(&[
                ("/program/objectives/0/id", None),
                ("/program/objectives/0/title", None),
                ("/program/objectives/0/kpi_name", None),
                ("/program/objectives/0/baseline", None),
                ("/program/objectives/0/target", None),
            ]),
            vec![
                ("program.objectives[0].id", Missing),
                ("program.objectives[0].title", Missing),
                ("program.objectives[0].kpi_name", Missing),
                ("program.objectives[0].baseline", Missing),
                ("program.objectives[0].target", Missing),
            ],
        ),
        (
            "bad role",
            edited(&[("/participants/1/role", Some(json!("boss")))]),
            vec![(
                "participants[1].role",
                UnknownValue {
                    value: "boss".into(),
                    allowed: A_ROLE.to_vec(),
                },
            )],
        ),
        (
            "bad channel",
            edited(&[("/participants/1/channels/1", Some(json!("pigeon")))]),
            vec![(
                "participants[1].channels[1]",
                UnknownValue {
                    value: "pigeon".into(),
                    allowed: vec!["in_person", "video_call", "phone", "chat", "email"],
                },
            )],
        ),
        (
            "bad date",
            edited(&[("/program/start_date", Some(json!("2026-02-30")))]),
            vec![(
                "program.start_date",
                InvalidDate {
                    value: "2026-02-30".into(),
                },
            )],
        ),
        (
            "date as number",
            edited(&[("/participants/0/consent_date", Some(json!(20260220)))]),
            vec![(
                "participants[0].consent_date",
                wrong(Expected::Date, JsonType::Number),
            )],
        ),
        (
            "bad id",
            edited(&[("/participants/0/id", Some(json!("p1")))]),
            vec![("participants[0].id", InvalidId { value: "p1".into() })],
        ),
        (
            "bad skill id",
            edited(&[(
                "/participants/0/skills_offered/0/skill",
                Some(json!("Social Media")),
            )]),
            vec![(
                "participants[0].skills_offered[0].skill",
                InvalidId {
                    value: "Social Media".into(),
                },
            )],
        ),
        // From validation:
        (
            "duplicate emails",
            edited(&[("/participants/1/email", Some(lucia_email))]),
            vec![(
                "participants[1].email",
                DuplicateEmail {
                    first: "participants[0]".into(),
                },
            )],
        ),
        (
            "unknown manager id",
            edited(&[("/participants/1/manager_id", Some(json!(stranger)))]),
            vec![(
                "participants[1].manager_id",
                UnknownParticipant {
                    id: stranger.into(),
                },
            )],
        ),
        (
            "unknown skill",
            edited(&[(
                "/participants/0/skills_offered/0/skill",
                Some(json!("basket-weaving")),
            )]),
            vec![(
                "participants[0].skills_offered[0].skill",
                UnknownSkill {
                    id: "basket-weaving".into(),
                },
            )],
        ),
        (
            "unknown objective skill",
            edited(&[("/program/objectives/0/skills/1", Some(json!("custom-nope")))]),
            vec![(
                "program.objectives[0].skills[1]",
                UnknownSkill {
                    id: "custom-nope".into(),
                },
            )],
        ),
        (
            "capacity above the program limit",
            edited(&[("/participants/0/capacity", Some(json!(11)))]),
            vec![(
                "participants[0].capacity",
                OutOfRange {
                    min: 1.0,
                    max: 10.0,
                },
            )],
        ),
    ];

    let mut failures = Vec::new();
    for (name, bytes, expected) in cases {
        let result = std::panic::catch_unwind(|| import_bytes(&bytes));
        let problems = match result {
            Err(_) => {
                failures.push(format!("{name}: panicked"));
                continue;
            }
            Ok(Ok(_)) => {
                failures.push(format!("{name}: imported without problems"));
                continue;
            }
            Ok(Err(problems)) => problems,
        };
        for (path, kind) in &expected {
            if !has(&problems, path, kind) {
                failures.push(format!(
                    "{name}: missing ({path:?}, {kind:?}) in {problems:#?}"
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn six_errors_are_all_reported_in_document_order() {
    let bytes = edited(&[
        ("/program/name", Some(json!(5))),
        ("/program/start_date", Some(json!("31/12/2026"))),
        ("/program/objectives/0/baseline", Some(json!("low"))),
        ("/participants/0/role", Some(json!("boss"))),
        ("/participants/1/capacity", Some(json!("two"))),
        ("/participants/1/channels", Some(json!("phone"))),
    ]);
    let problems = problems_of(&bytes);
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        vec![
            "program.name",
            "program.start_date",
            "program.objectives[0].baseline",
            "participants[0].role",
            "participants[1].channels",
            "participants[1].capacity",
        ],
        "{problems:#?}"
    );
}

#[test]
fn decode_and_validation_problems_are_merged_without_echoes() {
    let stranger = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    let bytes = edited(&[
        ("/program/name", Some(json!(["x"]))),
        ("/program/objectives/0/target", Some(json!(2.0))),
        (
            "/participants/0/email",
            Some(json!("roberto.marini@acme.example")),
        ),
        (
            "/participants/0/skills_offered/0/level",
            Some(json!("high")),
        ),
        ("/participants/1/manager_id", Some(json!(stranger))),
        (
            "/participants/1/skills_wanted/1/skill",
            Some(json!("juggling")),
        ),
        ("/skills/0", Some(json!("Excel"))),
    ]);
    let problems = problems_of(&bytes);
    let listed: Vec<(String, ProblemKind)> = problems
        .iter()
        .map(|p| (p.path.clone(), p.kind.clone()))
        .collect();
    let expected: Vec<(String, ProblemKind)> = vec![
        ("program.name", wrong(Expected::Text, JsonType::Array)),
        (
            "program.objectives[0].target",
            ProblemKind::TargetEqualsBaseline,
        ),
        // The objective's custom skill is unknown now that `skills[0]` is unreadable.
        (
            "program.objectives[0].skills[1]",
            ProblemKind::UnknownSkill {
                id: "custom-excel-macros".into(),
            },
        ),
        (
            "participants[0].skills_offered[0].level",
            wrong(Expected::WholeNumber, JsonType::String),
        ),
        (
            "participants[0].skills_offered[1].skill",
            ProblemKind::UnknownSkill {
                id: "custom-excel-macros".into(),
            },
        ),
        (
            "participants[1].email",
            ProblemKind::DuplicateEmail {
                first: "participants[0]".into(),
            },
        ),
        (
            "participants[1].manager_id",
            ProblemKind::UnknownParticipant {
                id: stranger.into(),
            },
        ),
        (
            "participants[1].skills_wanted[1].skill",
            ProblemKind::UnknownSkill {
                id: "juggling".into(),
            },
        ),
        ("skills[0]", wrong(Expected::Object, JsonType::String)),
    ]
    .into_iter()
    .map(|(p, k)| (p.to_string(), k))
    .collect();
    assert_eq!(listed, expected);
}

#[test]
fn docs_example_imports_cleanly_and_exports_identically() {
    let preview = import_bytes(EXAMPLE.as_bytes()).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(preview.warnings, vec![]);
    assert_eq!(preview.source_version, 1);
    assert_eq!(preview.exported_at.as_deref(), Some("2026-03-02T08:15:00Z"));
    let ws = &preview.workspace;
    assert_eq!(ws.participants.len(), 4);
    assert_eq!(ws.program.objectives.len(), 1);
    assert_eq!(ws.catalogue.custom.len(), 1);
    assert_eq!(ws.participants[1].role, Role::Mentee);
    assert_eq!(ws.participants[0].availability.len(), 3);
    assert_eq!(
        ws.participants[2].never_pair_with,
        vec![ws.participants[3].id.clone()]
    );
    let [lucia, roberto, diego, carmen] = [0, 1, 2, 3].map(|i| ws.participants[i].id.clone());
    let mut weights = Preset::Balanced.weights();
    weights.0[5] = 3;
    assert_eq!(
        ws.pairing,
        PairingState {
            weights,
            min_score: 30,
            locked: vec![PairKey::new(lucia.clone(), roberto.clone())],
            forbidden: vec![PairKey::new(lucia.clone(), carmen)],
            pairs: vec![Pair {
                mentor: lucia.clone(),
                mentee: roberto.clone(),
                since: Date::new(2026, 3, 16),
            }],
            circles: vec![Circle {
                theme: "photography".into(),
                members: vec![lucia, diego, roberto],
            }],
            circle_size: 5,
        }
    );
    let sessions = &ws.sessions;
    assert_eq!(sessions.settings.time_zone, "Europe/Madrid");
    assert_eq!(sessions.settings.holidays.len(), 2);
    let agreement = &sessions.agreements[0];
    assert_eq!(agreement.pair, PairKey::new(pid(LUCIA), pid(ROBERTO)));
    assert_eq!(
        agreement.goals[0].objective.as_ref().map(|o| o.as_str()),
        Some(OBJECTIVE)
    );
    assert_eq!(agreement.goals[0].percent(), 50);
    assert_eq!(agreement.goals[1].direction, GoalDirection::MentorLearns);
    assert_eq!(agreement.channel, Some(Channel::InPerson));
    let statuses: Vec<SessionStatus> = sessions.sessions.iter().map(|s| s.status).collect();
    assert_eq!(statuses, [SessionStatus::Held, SessionStatus::Rescheduled]);
    assert_eq!(
        sessions.sessions[1].rescheduled_from,
        Some(at(day(2026, 4, 6), 9, 0))
    );
    assert_eq!(sessions.rounds[0].invitations.len(), 2);
    let response = &sessions.responses[0];
    assert_eq!(response.answer("mood"), Some(&AnswerValue::Scale(5)));
    assert_eq!(response.answer("progress"), Some(&AnswerValue::Percent(40)));
    assert_eq!(sessions.templates[0].lang, Lang::Es);
    let impact = &ws.impact;
    assert_eq!(impact.certificates.min_sessions_held, 6);
    assert!(impact.certificates.require_post_assessment);
    assert_eq!(impact.certificates.issued_on, Date::new(2026, 9, 15));
    assert_eq!(impact.certificates.signer_title, "Chief People Officer");
    assert!(!impact.report.include_comments);
    assert_eq!(impact.left_on(&pid(ROBERTO)), Date::new(2026, 6, 30));
    // The documented example is exactly what the app writes.
    assert_eq!(export_json(ws, "2026-03-02T08:15:00Z"), EXAMPLE);
}

#[test]
fn the_format_page_shows_the_tested_example() {
    let page = include_str!("../docs/file-format.md");
    assert!(
        page.contains(&format!("```json\n{EXAMPLE}```")),
        "docs/file-format.md must embed docs/example-v1.json verbatim"
    );
}

#[test]
fn optional_fields_take_domain_defaults_and_null_means_absent() {
    let text = r#"{
        "format": "inversa", "version": 1,
        "program": {"name": " Pilot ", "start_date": null, "ground_rules": {"custom": ["Be kind"]}},
        "participants": [{
            "id": "A1B2C3D4-E5F6-4A7B-8C9D-0E1F2A3B4C5D", "name": "  Ana ", "email": " ana@example.com ",
            "role": "Mentee", "interests": ["  Road   Cycling ", "  "], "languages": [" EN "],
            "capacity": null, "active": null, "consent_date": "2026-01-01"
        }]
    }"#;
    let preview = import_bytes(text.as_bytes()).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(preview.exported_at, None);
    let ws = preview.workspace;
    let program = Program {
        name: "Pilot".into(),
        ground_rules: GroundRules {
            custom: vec!["Be kind".into()],
            ..GroundRules::default()
        },
        ..Program::default()
    };
    assert_eq!(ws.program, program);
    let p = &ws.participants[0];
    let mut expected = Participant::new(
        ParticipantId::parse("a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d").unwrap(),
        Role::Mentee,
    );
    expected.name = "Ana".into();
    expected.email = "ana@example.com".into();
    expected.interests = vec!["road cycling".into()];
    expected.languages = vec!["en".into()];
    expected.consent_date = Date::new(2026, 1, 1);
    assert_eq!(p, &expected);
    assert_eq!(ws.catalogue, Catalogue::default());
}

#[test]
fn warnings_for_unknown_fields_and_missing_consent() {
    let bytes = edited(&[
        ("/badges", Some(json!([]))),
        ("/participants/1/nickname", Some(json!("Rob"))),
        ("/participants/1/consent_date", Some(Value::Null)),
        ("/participants/0/consent_date", None),
        ("/participants/0/active", Some(json!(false))),
        ("/program/ground_rules/extra", Some(json!(1))),
    ]);
    let preview = import_bytes(&bytes).unwrap_or_else(|p| panic!("{p:#?}"));
    let warnings: Vec<(String, WarningKind)> = preview
        .warnings
        .into_iter()
        .map(|w| (w.path, w.kind))
        .collect();
    assert_eq!(
        warnings,
        vec![
            (
                "program.ground_rules.extra".into(),
                WarningKind::IgnoredField {
                    name: "extra".into()
                }
            ),
            (
                "participants[1].consent_date".into(),
                WarningKind::NoConsentDate
            ),
            (
                "participants[1].nickname".into(),
                WarningKind::IgnoredField {
                    name: "nickname".into()
                }
            ),
            (
                "badges".into(),
                WarningKind::IgnoredField {
                    name: "badges".into()
                }
            ),
        ]
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let mut bytes = b"\xEF\xBB\xBF".to_vec();
    bytes.extend_from_slice(EXAMPLE.replace('\n', "\r\n").as_bytes());
    assert!(import_bytes(&bytes).is_ok());
}

#[test]
fn version_0_draft_is_migrated() {
    let mut v0 = example();
    v0["version"] = json!(0);
    let skills = v0.as_object_mut().unwrap().remove("skills").unwrap();
    v0["custom_skills"] = skills;
    let lucia = v0["participants"][0]["id"].clone();
    let roberto = &mut v0["participants"][1];
    let roberto = roberto.as_object_mut().unwrap();
    roberto.remove("manager_id");
    roberto.insert("manager".into(), lucia.clone());
    roberto.insert(
        "skills_wanted".into(),
        json!(["social-media", {"skill": "ai-tools", "priority": "nice_to_have"}]),
    );

    let preview =
        import_bytes(&serde_json::to_vec(&v0).unwrap()).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(preview.source_version, 0);
    assert!(
        preview
            .warnings
            .iter()
            .any(|w| w.kind == WarningKind::Migrated { from: 0 } && w.path == "version")
    );
    let ws = &preview.workspace;
    assert_eq!(ws.catalogue.custom[0].id.as_str(), "custom-excel-macros");
    let roberto = &ws.participants[1];
    assert_eq!(roberto.manager.as_ref().map(|m| m.as_str()), lucia.as_str());
    assert_eq!(
        roberto.skills_wanted,
        vec![
            WantedSkill {
                skill: SkillId::parse("social-media").unwrap(),
                priority: Priority::Important
            },
            WantedSkill {
                skill: SkillId::parse("ai-tools").unwrap(),
                priority: Priority::NiceToHave
            },
        ]
    );

    // Problems in a migrated file are reported with current-format paths.
    v0["participants"][1]["manager"] = json!("boss");
    let problems = problems_of(&serde_json::to_vec(&v0).unwrap());
    assert!(has(
        &problems,
        "participants[1].manager_id",
        &ProblemKind::InvalidId {
            value: "boss".into()
        }
    ));
}

#[test]
fn demo_workspace_round_trips() {
    let ws = demo_workspace();
    let text = export_json(&ws, "2026-09-01T10:00:00Z");
    let preview = import_bytes(text.as_bytes()).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(preview.workspace, ws);
    let stored = Stored {
        workspace: ws,
        demo: true,
        revision: 3,
        saved_at: "2026-09-01T10:00:00Z".into(),
    };
    assert_eq!(decode_stored(&encode_stored(&stored)), Ok(stored));
}

#[test]
fn two_thousand_participants_import_quickly() {
    let template = import_bytes(EXAMPLE.as_bytes()).unwrap().workspace;
    let mut ws = template.clone();
    // The example's pairs, sessions, leavers and never-pair lists name people
    // replaced here.
    ws.pairing = PairingState::default();
    ws.sessions = SessionsState::default();
    ws.impact = ImpactState::default();
    ws.participants = (0..2000u64)
        .map(|i| {
            let mut p = template.participants[(i % 2) as usize].clone();
            p.never_pair_with.clear();
            p.id = ParticipantId::from_random_bytes(seeded_bytes(i));
            p.email = format!("person{i}@acme.example");
            p.name = format!("Person {i}");
            if i >= 10 {
                p.manager = Some(ParticipantId::from_random_bytes(seeded_bytes(i / 10)));
            }
            p
        })
        .collect();
    let text = export_json(&ws, "2026-03-02T08:15:00Z");
    let start = Instant::now();
    let preview =
        import_bytes(text.as_bytes()).unwrap_or_else(|p| panic!("{:#?}", &p[..p.len().min(5)]));
    let elapsed = start.elapsed();
    eprintln!(
        "imported {} participants ({} bytes) in {elapsed:?}",
        ws.participants.len(),
        text.len()
    );
    assert_eq!(preview.workspace, ws);
    // Generous in debug builds; a release build takes a few tens of milliseconds.
    let limit = if cfg!(debug_assertions) { 3.0 } else { 0.5 };
    assert!(
        elapsed.as_secs_f64() < limit,
        "{} bytes took {elapsed:?}",
        text.len()
    );
}

#[test]
fn many_problems_are_listed_quickly() {
    // Every participant broken in several ways: still linear.
    let people: Vec<Value> = (0..2000)
        .map(|i| json!({"id": format!("p{i}"), "name": i, "email": "same@x.example", "role": "boss", "capacity": -1}))
        .collect();
    let file = json!({"format": "inversa", "version": 1, "program": {"name": "P"}, "participants": people});
    let start = Instant::now();
    let problems = problems_of(&serde_json::to_vec(&file).unwrap());
    assert_eq!(problems.len(), 2000 * 4 + 1999);
    assert!(start.elapsed().as_secs_f64() < 3.0, "{:?}", start.elapsed());
}

// ---------------------------------------------------------------------------
// Pairing state and never-pair lists (additive within version 1)

const LUCIA: &str = "a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d";
const ROBERTO: &str = "b7e8f9a0-1b2c-4d3e-9f4a-5b6c7d8e9f00";
const DIEGO: &str = "c3d4e5f6-a7b8-4c9d-8e0f-1a2b3c4d5e6f";
const CARMEN: &str = "d4e5f6a7-b8c9-4d0e-9f1a-2b3c4d5e6f70";
const STRANGER: &str = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";

fn pid(text: &str) -> ParticipantId {
    ParticipantId::parse(text).unwrap()
}

fn pair_json(mentor: &str, mentee: &str) -> Value {
    json!({"mentor_id": mentor, "mentee_id": mentee})
}

/// Every problem of an import, as (path, kind), in report order.
fn listed(bytes: &[u8]) -> Vec<(String, ProblemKind)> {
    problems_of(bytes)
        .into_iter()
        .map(|p| (p.path, p.kind))
        .collect()
}

fn owned(list: Vec<(&str, ProblemKind)>) -> Vec<(String, ProblemKind)> {
    list.into_iter().map(|(p, k)| (p.to_string(), k)).collect()
}

#[test]
fn pairing_state_and_never_pair_lists_round_trip_exactly() {
    let mut ws = import_bytes(EXAMPLE.as_bytes()).unwrap().workspace;
    let [lucia, roberto, diego, carmen] = [LUCIA, ROBERTO, DIEGO, CARMEN].map(pid);
    ws.participants[0].never_pair_with = vec![carmen.clone(), diego.clone()];
    ws.participants[3].never_pair_with = vec![diego.clone()];
    ws.pairing = PairingState {
        weights: Weights([0, 1, 2, 3, 4, 5, 5]),
        min_score: 100,
        locked: vec![
            PairKey::new(lucia.clone(), roberto.clone()),
            PairKey::new(diego.clone(), roberto.clone()),
        ],
        forbidden: vec![PairKey::new(diego.clone(), carmen.clone())],
        pairs: vec![
            Pair {
                mentor: lucia.clone(),
                mentee: roberto.clone(),
                since: Date::new(2026, 3, 16),
            },
            // Over Lucía's capacity of 1: kept, not a problem.
            Pair {
                mentor: lucia.clone(),
                mentee: carmen.clone(),
                since: None,
            },
        ],
        circles: vec![
            Circle {
                theme: "Road cycling «and» \"photos\"".into(),
                members: vec![carmen.clone(), lucia.clone(), roberto.clone()],
            },
            Circle {
                theme: String::new(),
                members: vec![],
            },
        ],
        circle_size: 8,
    };
    let text = export_json(&ws, "2026-03-02T08:15:00Z");
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(
        value["pairing"]["weights"],
        json!({"reverse": 0, "symbiotic": 1, "interests": 2, "channel": 3, "availability": 4, "cross_department": 5, "seniority_gap": 5})
    );
    assert_eq!(value["pairing"]["pairs"][1]["since"], Value::Null);
    assert_eq!(
        value["participants"][0]["never_pair_with"],
        json!([CARMEN, DIEGO])
    );
    let preview = import_bytes(text.as_bytes()).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(preview.workspace, ws);
    assert_eq!(
        export_json(&preview.workspace, "2026-03-02T08:15:00Z"),
        text
    );

    // The browser's storage keeps exactly the same.
    let stored = Stored {
        workspace: ws,
        demo: false,
        revision: 9,
        saved_at: "2026-03-02T08:15:00Z".into(),
    };
    let saved = encode_stored(&stored);
    assert!(saved.contains(r#""pairing":{"weights":{"reverse":0,"#));
    assert_eq!(decode_stored(&saved), Ok(stored));
}

#[test]
fn files_without_pairing_or_never_pair_lists_import_with_defaults() {
    let old = edited(&[
        ("/pairing", None),
        ("/participants/0/never_pair_with", None),
        ("/participants/1/never_pair_with", None),
        ("/participants/2/never_pair_with", None),
        ("/participants/3/never_pair_with", None),
    ]);
    let preview = import_bytes(&old).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(preview.warnings, vec![]);
    assert_eq!(preview.workspace.pairing, PairingState::default());
    assert!(
        preview
            .workspace
            .participants
            .iter()
            .all(|p| p.never_pair_with.is_empty())
    );
    // Export then writes the whole section, explicitly.
    let value: Value =
        serde_json::from_str(&export_json(&preview.workspace, "2026-03-02T08:15:00Z")).unwrap();
    assert_eq!(
        value["pairing"],
        json!({
            "weights": {"reverse": 5, "symbiotic": 3, "interests": 2, "channel": 1, "availability": 2, "cross_department": 2, "seniority_gap": 0},
            "min_score": 30, "circle_size": 5,
            "locked": [], "forbidden": [], "pairs": [], "circles": []
        })
    );
    assert_eq!(value["participants"][1]["never_pair_with"], json!([]));

    // Missing fields and null take their defaults one by one; a missing
    // weight takes the Balanced value of its criterion.
    type Case = (&'static str, Value, fn(&mut PairingState));
    let cases: Vec<Case> = vec![
        ("null section", Value::Null, |_| {}),
        ("empty section", json!({}), |_| {}),
        (
            "all null",
            json!({"weights": null, "min_score": null, "circle_size": null, "locked": null, "forbidden": null, "pairs": null, "circles": null}),
            |_| {},
        ),
        (
            "one weight",
            json!({"weights": {"seniority_gap": 4}}),
            |s| s.weights.0[6] = 4,
        ),
        (
            "null weight",
            json!({"weights": {"reverse": null, "channel": 0}}),
            |s| s.weights.0[3] = 0,
        ),
        ("score only", json!({"min_score": 0}), |s| s.min_score = 0),
        ("size only", json!({"circle_size": 3.0}), |s| {
            s.circle_size = 3
        }),
        (
            "pair without since, circle without theme",
            json!({"pairs": [{"mentor_id": LUCIA, "mentee_id": ROBERTO}], "circles": [{"member_ids": [DIEGO]}]}),
            |s| {
                s.pairs.push(Pair {
                    mentor: pid(LUCIA),
                    mentee: pid(ROBERTO),
                    since: None,
                });
                s.circles.push(Circle {
                    theme: String::new(),
                    members: vec![pid(DIEGO)],
                });
            },
        ),
        (
            "ids in upper case",
            json!({"locked": [pair_json(&LUCIA.to_uppercase(), ROBERTO)]}),
            |s| s.locked.push(PairKey::new(pid(LUCIA), pid(ROBERTO))),
        ),
    ];
    for (name, section, expect) in cases {
        let preview = import_bytes(&edited(&[("/pairing", Some(section))]))
            .unwrap_or_else(|p| panic!("{name}: {p:#?}"));
        let mut expected = PairingState::default();
        expect(&mut expected);
        assert_eq!(preview.workspace.pairing, expected, "{name}");
        assert_eq!(preview.warnings, vec![], "{name}");
    }

    // Unknown fields inside the section are ignored with a warning.
    let preview = import_bytes(&edited(&[
        ("/pairing/solver", Some(json!("fast"))),
        ("/pairing/weights/luck", Some(json!(5))),
        ("/pairing/pairs/0/score", Some(json!(88))),
    ]))
    .unwrap_or_else(|p| panic!("{p:#?}"));
    let warnings: Vec<&str> = preview.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(
        warnings,
        vec![
            "pairing.weights.luck",
            "pairing.pairs[0].score",
            "pairing.solver"
        ]
    );
}

#[test]
fn a_broken_pairing_section_reports_every_problem_with_its_place() {
    use ProblemKind::*;
    let range = |min: f64, max: f64| OutOfRange { min, max };
    type Case = (
        &'static str,
        Vec<(&'static str, Option<Value>)>,
        Vec<(&'static str, ProblemKind)>,
    );
    let cases: Vec<Case> = vec![
        (
            "section as list",
            vec![("/pairing", Some(json!([])))],
            vec![("pairing", wrong(Expected::Object, JsonType::Array))],
        ),
        (
            "weights as number",
            vec![("/pairing/weights", Some(json!(3)))],
            vec![("pairing.weights", wrong(Expected::Object, JsonType::Number))],
        ),
        (
            "weights out of range, fractional, text, negative",
            vec![
                ("/pairing/weights/reverse", Some(json!(6))),
                ("/pairing/weights/channel", Some(json!(2.5))),
                ("/pairing/weights/availability", Some(json!("2"))),
                ("/pairing/weights/seniority_gap", Some(json!(-1))),
            ],
            vec![
                ("pairing.weights.reverse", range(0.0, 5.0)),
                (
                    "pairing.weights.channel",
                    wrong(Expected::WholeNumber, JsonType::Number),
                ),
                (
                    "pairing.weights.availability",
                    wrong(Expected::WholeNumber, JsonType::String),
                ),
                ("pairing.weights.seniority_gap", range(0.0, 5.0)),
            ],
        ),
        (
            "min score above 100",
            vec![("/pairing/min_score", Some(json!(101)))],
            vec![("pairing.min_score", range(0.0, 100.0))],
        ),
        (
            "min score as bool",
            vec![("/pairing/min_score", Some(json!(true)))],
            vec![(
                "pairing.min_score",
                wrong(Expected::WholeNumber, JsonType::Bool),
            )],
        ),
        (
            "circle size too small",
            vec![("/pairing/circle_size", Some(json!(2)))],
            vec![("pairing.circle_size", range(3.0, 8.0))],
        ),
        (
            "circle size too large",
            vec![("/pairing/circle_size", Some(json!(9)))],
            vec![("pairing.circle_size", range(3.0, 8.0))],
        ),
        (
            "lists of the wrong type",
            vec![
                ("/pairing/locked", Some(json!({}))),
                ("/pairing/forbidden", Some(json!("none"))),
                ("/pairing/pairs", Some(json!(1))),
                ("/pairing/circles", Some(json!(true))),
            ],
            vec![
                ("pairing.locked", wrong(Expected::List, JsonType::Object)),
                ("pairing.forbidden", wrong(Expected::List, JsonType::String)),
                ("pairing.pairs", wrong(Expected::List, JsonType::Number)),
                ("pairing.circles", wrong(Expected::List, JsonType::Bool)),
            ],
        ),
        (
            "entries of the wrong type",
            vec![
                ("/pairing/locked/0", Some(json!("Lucía and Roberto"))),
                ("/pairing/pairs/0", Some(json!([LUCIA, ROBERTO]))),
                ("/pairing/circles/0", Some(json!(null))),
            ],
            vec![
                (
                    "pairing.locked[0]",
                    wrong(Expected::Object, JsonType::String),
                ),
                ("pairing.pairs[0]", wrong(Expected::Object, JsonType::Array)),
                (
                    "pairing.circles[0]",
                    wrong(Expected::Object, JsonType::Null),
                ),
            ],
        ),
        (
            "pair ids missing, malformed or not text",
            vec![
                ("/pairing/locked/0/mentor_id", None),
                ("/pairing/locked/0/mentee_id", Some(Value::Null)),
                ("/pairing/forbidden/0/mentor_id", Some(json!("lucia"))),
                ("/pairing/pairs/0/mentee_id", Some(json!(7))),
            ],
            vec![
                ("pairing.locked[0].mentor_id", Missing),
                ("pairing.locked[0].mentee_id", Missing),
                (
                    "pairing.forbidden[0].mentor_id",
                    InvalidId {
                        value: "lucia".into(),
                    },
                ),
                (
                    "pairing.pairs[0].mentee_id",
                    wrong(Expected::Id, JsonType::Number),
                ),
            ],
        ),
        (
            "bad since",
            vec![("/pairing/pairs/0/since", Some(json!("16/03/2026")))],
            vec![(
                "pairing.pairs[0].since",
                InvalidDate {
                    value: "16/03/2026".into(),
                },
            )],
        ),
        (
            "circle fields",
            vec![
                ("/pairing/circles/0/theme", Some(json!(5))),
                ("/pairing/circles/0/member_ids/1", Some(json!("diego"))),
            ],
            vec![
                (
                    "pairing.circles[0].theme",
                    wrong(Expected::Text, JsonType::Number),
                ),
                (
                    "pairing.circles[0].member_ids[1]",
                    InvalidId {
                        value: "diego".into(),
                    },
                ),
            ],
        ),
        (
            "members not a list",
            vec![("/pairing/circles/0/member_ids", Some(json!(LUCIA)))],
            vec![(
                "pairing.circles[0].member_ids",
                wrong(Expected::List, JsonType::String),
            )],
        ),
        (
            "never-pair list",
            vec![
                ("/participants/0/never_pair_with", Some(json!(CARMEN))),
                ("/participants/2/never_pair_with/0", Some(json!("carmen"))),
                ("/participants/3/never_pair_with", Some(json!([DIEGO, 3]))),
            ],
            vec![
                (
                    "participants[0].never_pair_with",
                    wrong(Expected::List, JsonType::String),
                ),
                (
                    "participants[2].never_pair_with[0]",
                    InvalidId {
                        value: "carmen".into(),
                    },
                ),
                (
                    "participants[3].never_pair_with[1]",
                    wrong(Expected::Id, JsonType::Number),
                ),
            ],
        ),
        (
            // Lucía's role is a placeholder: her pairs are not blamed for it.
            "unreadable role is not echoed by the pairs",
            vec![("/participants/0/role", Some(Value::Null))],
            vec![("participants[0].role", Missing)],
        ),
        (
            "all at once, in file order",
            vec![
                ("/pairing/circles/0/member_ids/0", Some(json!("x"))),
                ("/pairing/circle_size", Some(json!(1))),
                ("/pairing/pairs/0/since", Some(json!(20260316))),
                ("/pairing/weights/interests", Some(json!(10))),
                ("/pairing/min_score", Some(json!(-5))),
                ("/pairing/locked/0/mentee_id", Some(json!(""))),
                ("/pairing/forbidden/0", Some(json!(1))),
                ("/participants/2/never_pair_with/0", Some(json!(false))),
                ("/program/name", Some(json!(1))),
            ],
            vec![
                ("program.name", wrong(Expected::Text, JsonType::Number)),
                (
                    "participants[2].never_pair_with[0]",
                    wrong(Expected::Id, JsonType::Bool),
                ),
                ("pairing.weights.interests", range(0.0, 5.0)),
                ("pairing.min_score", range(0.0, 100.0)),
                ("pairing.circle_size", range(3.0, 8.0)),
                (
                    "pairing.locked[0].mentee_id",
                    InvalidId {
                        value: String::new(),
                    },
                ),
                (
                    "pairing.forbidden[0]",
                    wrong(Expected::Object, JsonType::Number),
                ),
                (
                    "pairing.pairs[0].since",
                    wrong(Expected::Date, JsonType::Number),
                ),
                (
                    "pairing.circles[0].member_ids[0]",
                    InvalidId { value: "x".into() },
                ),
            ],
        ),
    ];
    for (name, edits, expected) in cases {
        assert_eq!(listed(&edited(&edits)), owned(expected), "{name}");
    }
}

#[test]
fn pairing_rules_are_checked_against_the_participants() {
    use ProblemKind::*;
    let dup = |first: &str| DuplicateEntry {
        first: first.to_string(),
    };
    let unknown = || UnknownParticipant {
        id: STRANGER.to_string(),
    };
    let not_mentor = |id: &str| WrongRole {
        id: id.to_string(),
        expected: Role::ReverseMentor,
    };
    let not_mentee = |id: &str| WrongRole {
        id: id.to_string(),
        expected: Role::Mentee,
    };
    type Case = (
        &'static str,
        Vec<(&'static str, Option<Value>)>,
        Vec<(&'static str, ProblemKind)>,
    );
    let cases: Vec<Case> = vec![
        (
            "unknown people in every list",
            vec![
                ("/pairing/locked/0/mentor_id", Some(json!(STRANGER))),
                ("/pairing/forbidden/0/mentee_id", Some(json!(STRANGER))),
                ("/pairing/pairs/0/mentor_id", Some(json!(STRANGER))),
                ("/pairing/circles/0/member_ids/2", Some(json!(STRANGER))),
                ("/participants/1/never_pair_with", Some(json!([STRANGER]))),
            ],
            vec![
                ("participants[1].never_pair_with[0]", unknown()),
                ("pairing.locked[0].mentor_id", unknown()),
                ("pairing.forbidden[0].mentee_id", unknown()),
                ("pairing.pairs[0].mentor_id", unknown()),
                ("pairing.circles[0].member_ids[2]", unknown()),
            ],
        ),
        (
            "sides swapped in an accepted pair",
            vec![("/pairing/pairs/0", Some(pair_json(ROBERTO, LUCIA)))],
            vec![
                ("pairing.pairs[0].mentor_id", not_mentor(ROBERTO)),
                ("pairing.pairs[0].mentee_id", not_mentee(LUCIA)),
            ],
        ),
        (
            "two reverse mentors locked",
            vec![("/pairing/locked/0/mentee_id", Some(json!(DIEGO)))],
            vec![("pairing.locked[0].mentee_id", not_mentee(DIEGO))],
        ),
        (
            "two mentees forbidden",
            vec![("/pairing/forbidden/0/mentor_id", Some(json!(ROBERTO)))],
            vec![("pairing.forbidden[0].mentor_id", not_mentor(ROBERTO))],
        ),
        (
            "a mentee in two accepted pairs",
            vec![(
                "/pairing/pairs",
                Some(json!([
                    pair_json(LUCIA, ROBERTO),
                    pair_json(DIEGO, ROBERTO)
                ])),
            )],
            vec![(
                "pairing.pairs[1].mentee_id",
                MenteeAlreadyPaired {
                    first: "pairing.pairs[0]".into(),
                },
            )],
        ),
        (
            "the same accepted pair twice",
            vec![(
                "/pairing/pairs",
                Some(
                    json!([pair_json(LUCIA, ROBERTO), {"mentor_id": LUCIA, "mentee_id": ROBERTO, "since": "2026-04-01"}]),
                ),
            )],
            vec![("pairing.pairs[1]", dup("pairing.pairs[0]"))],
        ),
        (
            "the same locked and forbidden pairs twice",
            vec![
                (
                    "/pairing/locked",
                    Some(json!([
                        pair_json(LUCIA, ROBERTO),
                        pair_json(DIEGO, ROBERTO),
                        pair_json(LUCIA, ROBERTO)
                    ])),
                ),
                (
                    "/pairing/forbidden",
                    Some(json!([
                        pair_json(LUCIA, CARMEN),
                        pair_json(LUCIA, CARMEN.to_uppercase().as_str())
                    ])),
                ),
            ],
            vec![
                ("pairing.locked[2]", dup("pairing.locked[0]")),
                ("pairing.forbidden[1]", dup("pairing.forbidden[0]")),
            ],
        ),
        (
            "a pair both locked and forbidden",
            vec![(
                "/pairing/forbidden",
                Some(json!([pair_json(LUCIA, CARMEN), pair_json(LUCIA, ROBERTO)])),
            )],
            vec![("pairing.forbidden[1]", LockedAndForbidden)],
        ),
        (
            "never-pair list naming oneself or someone twice",
            vec![(
                "/participants/2/never_pair_with",
                Some(json!([DIEGO, CARMEN, CARMEN])),
            )],
            vec![
                ("participants[2].never_pair_with[0]", NeverPairSelf),
                (
                    "participants[2].never_pair_with[2]",
                    dup("participants[2].never_pair_with[1]"),
                ),
            ],
        ),
        (
            "someone twice in a circle",
            vec![(
                "/pairing/circles/0/member_ids",
                Some(json!([LUCIA, DIEGO, ROBERTO, LUCIA])),
            )],
            vec![(
                "pairing.circles[0].member_ids[3]",
                dup("pairing.circles[0].member_ids[0]"),
            )],
        ),
    ];
    for (name, edits, expected) in cases {
        assert_eq!(listed(&edited(&edits)), owned(expected), "{name}");
    }

    // Allowed: a mentor above their capacity, the same person in two
    // circles, a mentor in several pairs, an inactive participant in a pair.
    let fine = edited(&[
        ("/participants/0/active", Some(json!(false))),
        ("/pairing/forbidden", Some(json!([]))),
        (
            "/pairing/pairs",
            Some(json!([pair_json(LUCIA, ROBERTO), pair_json(LUCIA, CARMEN)])),
        ),
        (
            "/pairing/circles",
            Some(
                json!([{"theme": "a", "member_ids": [LUCIA, CARMEN]}, {"theme": "a", "member_ids": [LUCIA]}]),
            ),
        ),
    ]);
    let preview = import_bytes(&fine).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(preview.workspace.pairing.pairs.len(), 2);
    assert_eq!(preview.workspace.participants[0].capacity, 1);
}

#[test]
fn pairing_ranges_are_checked_in_the_domain_too() {
    use ProblemKind::*;
    let base = import_bytes(EXAMPLE.as_bytes()).unwrap().workspace;
    assert_eq!(validate_workspace(&base), vec![]);
    type Case = (
        &'static str,
        fn(&mut PairingState),
        Vec<(&'static str, ProblemKind)>,
    );
    let cases: Vec<Case> = vec![
        (
            "weights above 5",
            |s| {
                s.weights.0[0] = 6;
                s.weights.0[6] = 255;
            },
            vec![
                ("pairing.weights.reverse", OutOfRange { min: 0.0, max: 5.0 }),
                (
                    "pairing.weights.seniority_gap",
                    OutOfRange { min: 0.0, max: 5.0 },
                ),
            ],
        ),
        (
            "score above 100",
            |s| s.min_score = 101,
            vec![(
                "pairing.min_score",
                OutOfRange {
                    min: 0.0,
                    max: 100.0,
                },
            )],
        ),
        (
            "circle size",
            |s| s.circle_size = 0,
            vec![("pairing.circle_size", OutOfRange { min: 3.0, max: 8.0 })],
        ),
        (
            "limits",
            |s| {
                s.weights = Weights([5; 7]);
                s.min_score = 100;
                s.circle_size = 8;
            },
            vec![],
        ),
    ];
    for (name, mutate, expected) in cases {
        let mut ws = base.clone();
        mutate(&mut ws.pairing);
        let found: Vec<(String, ProblemKind)> = validate_workspace(&ws)
            .into_iter()
            .map(|p| (p.path, p.kind))
            .collect();
        assert_eq!(found, owned(expected), "{name}");
    }
}

#[test]
fn removing_a_participant_keeps_the_file_valid() {
    let mut ws = import_bytes(EXAMPLE.as_bytes()).unwrap().workspace;
    for id in [CARMEN, ROBERTO] {
        ws.remove_participant(&pid(id));
        let text = export_json(&ws, "2026-03-02T08:15:00Z");
        let preview = import_bytes(text.as_bytes()).unwrap_or_else(|p| panic!("{p:#?}"));
        assert_eq!(preview.workspace, ws);
    }
    assert!(ws.pairing.pairs.is_empty() && ws.pairing.locked.is_empty());
    assert!(ws.participants.iter().all(|p| p.never_pair_with.is_empty()));
}

// ---------------------------------------------------------------------------
// Running the program: the sessions section (additive within version 1)

const GOAL_A: &str = "e1f2a3b4-c5d6-4e7f-8a9b-0c1d2e3f4a5b";
const GOAL_B: &str = "f2a3b4c5-d6e7-4f8a-9b0c-1d2e3f4a5b6c";
const SESSION_1: &str = "0a1b2c3d-4e5f-4a6b-8c7d-8e9f0a1b2c3d";
const ROUND: &str = "2c3d4e5f-6a7b-4c8d-ae9f-0a1b2c3d4e5f";
const OBJECTIVE: &str = "3f1c2b7a-9d4e-4a5b-8c6d-1e2f3a4b5c6d";
const OTHER_UUID: &str = "99999999-8888-4777-a666-555555555555";

fn seeded<T>(from: fn([u8; 16]) -> T, seed: u64) -> T {
    from(seeded_bytes(seed))
}

fn day(y: i32, m: u8, d: u8) -> Date {
    Date::new(y, m, d).unwrap()
}

fn at(date: Date, h: u8, m: u8) -> LocalDateTime {
    LocalDateTime {
        date,
        time: LocalTime::new(h, m).unwrap(),
    }
}

/// Every field of the section set, every spelling used at least once,
/// texts with quotes, newlines and non-Latin letters.
fn full_sessions(ws: &Workspace) -> SessionsState {
    let [lucia, roberto, diego, carmen] = [LUCIA, ROBERTO, DIEGO, CARMEN].map(pid);
    let skill = |id: &str| SkillId::parse(id).unwrap();
    let goal = |seed| seeded(GoalId::from_random_bytes, seed);
    let round = |seed| seeded(RoundId::from_random_bytes, seed);
    let lr = PairKey::new(lucia.clone(), roberto.clone());
    // Not an accepted pair: history of a pair that was changed stays.
    let dc = PairKey::new(diego.clone(), carmen.clone());
    let objective = ws.program.objectives[0].id.clone();
    SessionsState {
        settings: SessionSettings {
            time_zone: "America/Argentina/Buenos_Aires".into(),
            first_checkin_day: 14,
            checkin_every_days: 365,
            holidays: vec![day(2026, 12, 25), day(2026, 1, 6)],
            alerts: AlertSettings {
                no_session_days: 1,
                low_rating: 5,
                low_mood: 1,
            },
        },
        agreements: vec![
            Agreement {
                pair: lr.clone(),
                goals: vec![
                    Goal {
                        id: goal(1),
                        direction: GoalDirection::MenteeLearns,
                        text: "Publish \"weekly\"\nposts — 每周".into(),
                        measure: "8 posts, ≥ 20 reactions".into(),
                        skill: Some(skill("custom-excel-macros")),
                        objective: Some(objective),
                        target_date: Some(day(2026, 5, 31)),
                        progress: 100,
                        milestones: vec![
                            Milestone {
                                text: "Profile".into(),
                                done: true,
                            },
                            Milestone {
                                text: String::new(),
                                done: false,
                            },
                        ],
                    },
                    Goal {
                        id: goal(2),
                        direction: GoalDirection::MentorLearns,
                        text: String::new(),
                        measure: String::new(),
                        skill: None,
                        objective: None,
                        target_date: None,
                        progress: 0,
                        milestones: vec![],
                    },
                ],
                cadence: Cadence::Weekly,
                session_minutes: 240,
                channel: Some(Channel::VideoCall),
                ground_rules: GroundRules {
                    standard: vec![StandardRule::SafeFeedback, StandardRule::Confidentiality],
                    custom: vec!["Cameras «on»".into()],
                },
                review_dates: vec![day(2026, 8, 28), day(2026, 5, 15)],
                agreed_on: Some(day(2026, 3, 20)),
                notes: "Tab\there, back\\slash".into(),
            },
            Agreement {
                pair: dc.clone(),
                goals: vec![Goal::new(goal(3), GoalDirection::MentorLearns)],
                cadence: Cadence::Monthly,
                session_minutes: 10,
                channel: None,
                ground_rules: GroundRules {
                    standard: vec![],
                    custom: vec![],
                },
                review_dates: vec![],
                agreed_on: None,
                notes: String::new(),
            },
        ],
        sessions: vec![
            Session {
                id: seeded(SessionId::from_random_bytes, 10),
                pair: lr.clone(),
                start: at(day(2026, 3, 23), 0, 0),
                minutes: 5,
                status: SessionStatus::Held,
                rescheduled_from: None,
                topics: vec![skill("social-media"), skill("custom-excel-macros")],
                notes: "<b>not html</b>".into(),
                mentor_rating: Some(1),
                mentee_rating: Some(5),
                goal_progress: vec![
                    GoalProgress {
                        goal: goal(2),
                        percent: 0,
                    },
                    GoalProgress {
                        goal: goal(1),
                        percent: 100,
                    },
                ],
                sequence: u32::MAX,
            },
            Session {
                id: seeded(SessionId::from_random_bytes, 11),
                pair: lr.clone(),
                start: at(day(2026, 4, 9), 23, 59),
                minutes: 480,
                status: SessionStatus::Rescheduled,
                rescheduled_from: Some(at(day(2026, 4, 6), 9, 5)),
                topics: vec![],
                notes: String::new(),
                mentor_rating: None,
                mentee_rating: Some(3),
                goal_progress: vec![],
                sequence: 2,
            },
            Session {
                id: seeded(SessionId::from_random_bytes, 12),
                pair: lr,
                start: at(day(2026, 4, 20), 10, 0),
                minutes: 30,
                status: SessionStatus::Cancelled,
                rescheduled_from: None,
                topics: vec![],
                notes: String::new(),
                mentor_rating: None,
                mentee_rating: None,
                goal_progress: vec![],
                sequence: 0,
            },
            Session {
                id: seeded(SessionId::from_random_bytes, 13),
                pair: dc,
                start: at(day(2026, 2, 28), 17, 30),
                minutes: 45,
                status: SessionStatus::Planned,
                rescheduled_from: None,
                topics: vec![skill("leadership")],
                notes: String::new(),
                mentor_rating: None,
                mentee_rating: None,
                goal_progress: vec![GoalProgress {
                    goal: goal(3),
                    percent: 60,
                }],
                sequence: 0,
            },
        ],
        rounds: vec![
            CheckinRound {
                id: round(20),
                kind: RoundKind::CheckIn,
                opens: day(2026, 4, 15),
                closes: day(2026, 4, 15),
                invitations: vec![
                    Invitation {
                        participant: roberto.clone(),
                        token: Token([0x00, 0xff, 0x10, 0x0a, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1]),
                    },
                    Invitation {
                        participant: lucia.clone(),
                        token: Token([0xab; 16]),
                    },
                ],
            },
            CheckinRound {
                id: round(21),
                kind: RoundKind::PreAssessment,
                opens: day(2026, 2, 1),
                closes: day(2026, 3, 1),
                invitations: vec![Invitation {
                    participant: roberto.clone(),
                    token: Token([0x5a; 16]),
                }],
            },
            CheckinRound {
                id: round(22),
                kind: RoundKind::PostAssessment,
                opens: day(2026, 9, 1),
                closes: day(2026, 9, 30),
                invitations: vec![],
            },
        ],
        responses: vec![
            Response {
                round: round(20),
                participant: roberto.clone(),
                answered_on: day(2026, 4, 16),
                imported_on: day(2026, 4, 17),
                answers: vec![
                    Answer {
                        question: "mood".into(),
                        value: AnswerValue::Scale(1),
                    },
                    Answer {
                        question: "progress".into(),
                        value: AnswerValue::Percent(0),
                    },
                    Answer {
                        question: "comment".into(),
                        value: AnswerValue::Text("Muy bien,\n\"gracias\" 😀".into()),
                    },
                    Answer {
                        question: "how_it_goes".into(),
                        value: AnswerValue::Scale(5),
                    },
                    Answer {
                        question: "goals".into(),
                        value: AnswerValue::Percent(100),
                    },
                ],
            },
            Response {
                round: round(21),
                participant: roberto,
                answered_on: day(2026, 2, 2),
                imported_on: day(2026, 2, 2),
                answers: vec![],
            },
        ],
        templates: TemplateKind::ALL
            .into_iter()
            .zip([Lang::En, Lang::Es, Lang::It].into_iter().cycle())
            .map(|(kind, lang)| TemplateOverride {
                kind,
                lang,
                subject: format!("{kind:?} {lang:?}"),
                body: "Hola {{ name }},\n\nline two".into(),
            })
            .chain([TemplateOverride {
                kind: TemplateKind::Nudge,
                lang: Lang::En,
                subject: String::new(),
                body: String::new(),
            }])
            .collect(),
    }
}

/// The example with [`full_sessions`] in place of its section.
fn full_workspace() -> Workspace {
    let mut ws = import_bytes(EXAMPLE.as_bytes()).unwrap().workspace;
    ws.sessions = full_sessions(&ws);
    assert_eq!(validate_workspace(&ws), vec![]);
    ws
}

/// Every object in `value` has exactly the fields `fields_at` lists for its
/// place, so the field lists (and document order) cannot drift from the
/// structures.
fn check_field_lists(value: &Value, keys: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            let path: Vec<&str> = keys.iter().map(String::as_str).collect();
            let known = fields_at(&path).unwrap_or_else(|| panic!("no field list for {path:?}"));
            let mut written: Vec<&str> = map.keys().map(String::as_str).collect();
            let mut known = known.to_vec();
            written.sort();
            known.sort();
            assert_eq!(written, known, "{path:?}");
            for (name, inner) in map {
                keys.push(name.clone());
                check_field_lists(inner, keys);
                keys.pop();
            }
        }
        Value::Array(items) => items.iter().for_each(|item| check_field_lists(item, keys)),
        _ => {}
    }
}

#[test]
fn sessions_section_round_trips_with_every_field_set() {
    let ws = full_workspace();
    let text = export_json(&ws, "2026-03-02T08:15:00Z");
    let preview = import_bytes(text.as_bytes()).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(preview.warnings, vec![]);
    assert_eq!(preview.workspace, ws);
    assert_eq!(
        export_json(&preview.workspace, "2026-03-02T08:15:00Z"),
        text
    );

    // The written shapes the format page documents.
    let value: Value = serde_json::from_str(&text).unwrap();
    check_field_lists(&value, &mut Vec::new());
    let section = &value["sessions"];
    assert_eq!(
        section["settings"]["alerts"],
        json!({"no_session_days": 1, "low_rating": 5, "low_mood": 1})
    );
    assert_eq!(section["agreements"][1]["channel"], Value::Null);
    assert_eq!(section["agreements"][0]["goals"][1]["skill"], Value::Null);
    let session = &section["sessions"][1];
    assert_eq!(session["time"], json!("23:59"));
    assert_eq!(
        session["rescheduled_from"],
        json!({"date": "2026-04-06", "time": "09:05"})
    );
    assert_eq!(session["mentor_rating"], Value::Null);
    assert_eq!(section["sessions"][0]["sequence"], json!(u32::MAX));
    assert_eq!(
        section["rounds"][0]["invitations"][0]["token"],
        json!("00ff100a000000000000000000000001")
    );
    assert_eq!(
        section["responses"][0]["answers"],
        json!([
            {"question": "mood", "kind": "scale", "value": 1},
            {"question": "progress", "kind": "percent", "value": 0},
            {"question": "comment", "kind": "text", "value": "Muy bien,\n\"gracias\" 😀"},
            {"question": "how_it_goes", "kind": "scale", "value": 5},
            {"question": "goals", "kind": "percent", "value": 100}
        ])
    );
    assert_eq!(
        section["templates"][1],
        json!({"kind": "match_announcement", "lang": "es", "subject": "MatchAnnouncement Es", "body": "Hola {{ name }},\n\nline two"})
    );

    // The browser's storage keeps exactly the same.
    let stored = Stored {
        workspace: ws,
        demo: false,
        revision: 4,
        saved_at: "2026-03-02T08:15:00Z".into(),
    };
    let saved = encode_stored(&stored);
    assert!(
        saved.contains(r#""sessions":{"settings":{"time_zone":"America/Argentina/Buenos_Aires","#)
    );
    assert_eq!(decode_stored(&saved), Ok(stored));
}

#[test]
fn files_without_sessions_import_with_an_empty_state() {
    let old = edited(&[("/sessions", None)]);
    let preview = import_bytes(&old).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(preview.warnings, vec![]);
    assert_eq!(preview.workspace.sessions, SessionsState::default());
    // Export then writes the whole section, explicitly.
    let value: Value =
        serde_json::from_str(&export_json(&preview.workspace, "2026-03-02T08:15:00Z")).unwrap();
    assert_eq!(
        value["sessions"],
        json!({
            "settings": {
                "time_zone": "", "first_checkin_day": 30, "checkin_every_days": 60, "holidays": [],
                "alerts": {"no_session_days": 21, "low_rating": 2, "low_mood": 2}
            },
            "agreements": [], "sessions": [], "rounds": [], "responses": [], "templates": []
        })
    );

    // Missing fields and null take their defaults one by one.
    let (lucia, roberto) = (pid(LUCIA), pid(ROBERTO));
    let lr = PairKey::new(lucia.clone(), roberto.clone());
    type Case = (&'static str, Value, Box<dyn Fn(&mut SessionsState)>);
    let cases: Vec<Case> = vec![
        ("null section", Value::Null, Box::new(|_| {})),
        ("empty section", json!({}), Box::new(|_| {})),
        (
            "all null",
            json!({"settings": null, "agreements": null, "sessions": null, "rounds": null, "responses": null, "templates": null}),
            Box::new(|_| {}),
        ),
        (
            "one setting, one alert",
            json!({"settings": {"time_zone": " UTC ", "alerts": {"low_mood": 3, "low_rating": null}}}),
            Box::new(|s| {
                s.settings.time_zone = "UTC".into();
                s.settings.alerts.low_mood = 3;
            }),
        ),
        (
            "bare agreement and goal take the program's defaults",
            json!({"agreements": [{"mentor_id": LUCIA, "mentee_id": ROBERTO, "goals": [{"id": GOAL_A, "direction": "Mentor_Learns"}]}]}),
            Box::new(move |s| {
                s.agreements.push(Agreement {
                    pair: lr.clone(),
                    goals: vec![Goal::new(
                        GoalId::parse(GOAL_A).unwrap(),
                        GoalDirection::MentorLearns,
                    )],
                    cadence: Cadence::Fortnightly,
                    session_minutes: 30,
                    channel: None,
                    ground_rules: GroundRules::default(),
                    review_dates: vec![],
                    agreed_on: None,
                    notes: String::new(),
                })
            }),
        ),
        (
            "bare session",
            json!({"sessions": [{"id": SESSION_1, "mentor_id": ROBERTO, "mentee_id": LUCIA, "date": "2026-03-23", "time": "09:00"}]}),
            Box::new(move |s| {
                s.sessions.push(Session {
                    id: SessionId::parse(SESSION_1).unwrap(),
                    // Sides are not checked against roles: roles may change later.
                    pair: PairKey::new(roberto.clone(), lucia.clone()),
                    start: at(day(2026, 3, 23), 9, 0),
                    minutes: 30,
                    status: SessionStatus::Planned,
                    rescheduled_from: None,
                    topics: vec![],
                    notes: String::new(),
                    mentor_rating: None,
                    mentee_rating: None,
                    goal_progress: vec![],
                    sequence: 0,
                })
            }),
        ),
        (
            "bare round, upper-case token, bare template",
            json!({
                "rounds": [{"id": ROUND, "kind": "CHECK_IN", "opens": "2026-04-15", "closes": "2026-04-15",
                            "invitations": [{"participant_id": LUCIA, "token": "ABCDEF0123456789ABCDEF0123456789"}]}],
                "templates": [{"kind": "thank_you", "lang": "it"}]
            }),
            Box::new(|s| {
                s.rounds.push(CheckinRound {
                    id: RoundId::parse(ROUND).unwrap(),
                    kind: RoundKind::CheckIn,
                    opens: day(2026, 4, 15),
                    closes: day(2026, 4, 15),
                    invitations: vec![Invitation {
                        participant: pid(LUCIA),
                        token: Token::from_hex("abcdef0123456789abcdef0123456789").unwrap(),
                    }],
                });
                s.templates.push(TemplateOverride {
                    kind: TemplateKind::ThankYou,
                    lang: Lang::It,
                    subject: String::new(),
                    body: String::new(),
                });
            }),
        ),
    ];
    for (name, section, expect) in cases {
        let preview = import_bytes(&edited(&[("/sessions", Some(section))]))
            .unwrap_or_else(|p| panic!("{name}: {p:#?}"));
        let mut expected = SessionsState::default();
        expect(&mut expected);
        assert_eq!(preview.workspace.sessions, expected, "{name}");
        assert_eq!(preview.warnings, vec![], "{name}");
    }

    // Unknown fields inside the section are ignored with a warning.
    let preview = import_bytes(&edited(&[
        ("/sessions/calendar", Some(json!("google"))),
        ("/sessions/settings/alerts/loud", Some(json!(true))),
        (
            "/sessions/agreements/0/goals/0/milestones/0/due",
            Some(json!("2026-04-01")),
        ),
        (
            "/sessions/sessions/1/rescheduled_from/reason",
            Some(json!("flu")),
        ),
        ("/sessions/responses/0/answers/2/unit", Some(json!("%"))),
    ]))
    .unwrap_or_else(|p| panic!("{p:#?}"));
    let warnings: Vec<&str> = preview.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(
        warnings,
        vec![
            "sessions.settings.alerts.loud",
            "sessions.agreements[0].goals[0].milestones[0].due",
            "sessions.sessions[1].rescheduled_from.reason",
            "sessions.responses[0].answers[2].unit",
            "sessions.calendar",
        ]
    );
}

#[test]
fn a_broken_sessions_section_reports_every_problem_with_its_place() {
    use ProblemKind::*;
    let range = |min: f64, max: f64| OutOfRange { min, max };
    let unknown = |value: &str, allowed: &[&'static str]| UnknownValue {
        value: value.into(),
        allowed: allowed.to_vec(),
    };
    let bad_date = |value: &str| InvalidDate {
        value: value.into(),
    };
    let bad_id = |value: &str| InvalidId {
        value: value.into(),
    };
    type Case = (
        &'static str,
        Vec<(&'static str, Option<Value>)>,
        Vec<(&'static str, ProblemKind)>,
    );
    let cases: Vec<Case> = vec![
        (
            "section as list",
            vec![("/sessions", Some(json!([])))],
            vec![("sessions", wrong(Expected::Object, JsonType::Array))],
        ),
        (
            "settings",
            vec![
                ("/sessions/settings/time_zone", Some(json!(1))),
                ("/sessions/settings/first_checkin_day", Some(json!(0))),
                ("/sessions/settings/checkin_every_days", Some(json!("60"))),
                ("/sessions/settings/holidays/1", Some(json!("01/05/2026"))),
                (
                    "/sessions/settings/alerts/no_session_days",
                    Some(json!(366)),
                ),
                ("/sessions/settings/alerts/low_rating", Some(json!(6))),
                ("/sessions/settings/alerts/low_mood", Some(json!(2.5))),
            ],
            vec![
                (
                    "sessions.settings.time_zone",
                    wrong(Expected::Text, JsonType::Number),
                ),
                ("sessions.settings.first_checkin_day", range(1.0, 365.0)),
                (
                    "sessions.settings.checkin_every_days",
                    wrong(Expected::WholeNumber, JsonType::String),
                ),
                ("sessions.settings.holidays[1]", bad_date("01/05/2026")),
                (
                    "sessions.settings.alerts.no_session_days",
                    range(1.0, 365.0),
                ),
                ("sessions.settings.alerts.low_rating", range(1.0, 5.0)),
                (
                    "sessions.settings.alerts.low_mood",
                    wrong(Expected::WholeNumber, JsonType::Number),
                ),
            ],
        ),
        (
            "lists and entries of the wrong type",
            vec![
                ("/sessions/settings", Some(json!([]))),
                ("/sessions/agreements", Some(json!({}))),
                ("/sessions/sessions/0", Some(json!([SESSION_1]))),
                ("/sessions/rounds/0/invitations/0", Some(json!(LUCIA))),
                ("/sessions/responses/0/answers/0", Some(json!(4))),
                ("/sessions/templates", Some(json!("nudge"))),
            ],
            vec![
                (
                    "sessions.settings",
                    wrong(Expected::Object, JsonType::Array),
                ),
                (
                    "sessions.agreements",
                    wrong(Expected::List, JsonType::Object),
                ),
                (
                    "sessions.sessions[0]",
                    wrong(Expected::Object, JsonType::Array),
                ),
                (
                    "sessions.rounds[0].invitations[0]",
                    wrong(Expected::Object, JsonType::String),
                ),
                (
                    "sessions.responses[0].answers[0]",
                    wrong(Expected::Object, JsonType::Number),
                ),
                (
                    "sessions.templates",
                    wrong(Expected::List, JsonType::String),
                ),
            ],
        ),
        (
            "agreement fields",
            vec![("/sessions/agreements/0/mentee_id", Some(json!("roberto")))],
            vec![
                ("sessions.agreements[0].mentee_id", bad_id("roberto")),
                // Logged progress names a goal of the pair's agreement, which
                // no longer names that pair.
                (
                    "sessions.sessions[0].goal_progress[0].goal_id",
                    UnknownGoal { id: GOAL_A.into() },
                ),
            ],
        ),
        (
            "more agreement fields",
            vec![
                ("/sessions/agreements/0/mentor_id", None),
                ("/sessions/sessions/0/goal_progress", Some(json!([]))),
                ("/sessions/agreements/0/cadence", Some(json!("daily"))),
                ("/sessions/agreements/0/session_minutes", Some(json!(5))),
                ("/sessions/agreements/0/channel", Some(json!("fax"))),
                (
                    "/sessions/agreements/0/ground_rules/standard/1",
                    Some(json!("be_nice")),
                ),
                (
                    "/sessions/agreements/0/ground_rules/custom",
                    Some(json!("Be kind")),
                ),
                (
                    "/sessions/agreements/0/review_dates/1",
                    Some(json!("2026-13-01")),
                ),
                ("/sessions/agreements/0/agreed_on", Some(json!(20260320))),
                ("/sessions/agreements/0/notes", Some(json!(["x"]))),
            ],
            vec![
                ("sessions.agreements[0].mentor_id", Missing),
                (
                    "sessions.agreements[0].cadence",
                    unknown("daily", &["weekly", "fortnightly", "monthly"]),
                ),
                ("sessions.agreements[0].session_minutes", range(10.0, 240.0)),
                (
                    "sessions.agreements[0].channel",
                    unknown(
                        "fax",
                        &["in_person", "video_call", "phone", "chat", "email"],
                    ),
                ),
                (
                    "sessions.agreements[0].ground_rules.standard[1]",
                    unknown(
                        "be_nice",
                        &[
                            "confidentiality",
                            "no_fault_exit",
                            "respect_time",
                            "safe_feedback",
                            "goals_both_ways",
                        ],
                    ),
                ),
                (
                    "sessions.agreements[0].ground_rules.custom",
                    wrong(Expected::List, JsonType::String),
                ),
                (
                    "sessions.agreements[0].review_dates[1]",
                    bad_date("2026-13-01"),
                ),
                (
                    "sessions.agreements[0].agreed_on",
                    wrong(Expected::Date, JsonType::Number),
                ),
                (
                    "sessions.agreements[0].notes",
                    wrong(Expected::Text, JsonType::Array),
                ),
            ],
        ),
        (
            "goal fields",
            vec![
                ("/sessions/agreements/0/goals/1/id", None),
                (
                    "/sessions/agreements/0/goals/1/direction",
                    Some(json!("both")),
                ),
                ("/sessions/agreements/0/goals/1/text", Some(json!(7))),
                (
                    "/sessions/agreements/0/goals/1/skill",
                    Some(json!("Negotiation skills")),
                ),
                (
                    "/sessions/agreements/0/goals/1/objective_id",
                    Some(json!("sales")),
                ),
                (
                    "/sessions/agreements/0/goals/1/target_date",
                    Some(json!("soon")),
                ),
                ("/sessions/agreements/0/goals/1/progress", Some(json!(101))),
                (
                    "/sessions/agreements/0/goals/0/milestones/0/done",
                    Some(json!("yes")),
                ),
                (
                    "/sessions/agreements/0/goals/0/milestones/1/text",
                    Some(json!(2)),
                ),
            ],
            vec![
                (
                    "sessions.agreements[0].goals[0].milestones[0].done",
                    wrong(Expected::Bool, JsonType::String),
                ),
                (
                    "sessions.agreements[0].goals[0].milestones[1].text",
                    wrong(Expected::Text, JsonType::Number),
                ),
                ("sessions.agreements[0].goals[1].id", Missing),
                (
                    "sessions.agreements[0].goals[1].direction",
                    unknown("both", &["mentee_learns", "mentor_learns"]),
                ),
                (
                    "sessions.agreements[0].goals[1].text",
                    wrong(Expected::Text, JsonType::Number),
                ),
                (
                    "sessions.agreements[0].goals[1].skill",
                    bad_id("Negotiation skills"),
                ),
                (
                    "sessions.agreements[0].goals[1].objective_id",
                    bad_id("sales"),
                ),
                (
                    "sessions.agreements[0].goals[1].target_date",
                    bad_date("soon"),
                ),
                (
                    "sessions.agreements[0].goals[1].progress",
                    range(0.0, 100.0),
                ),
            ],
        ),
        (
            "session fields",
            vec![
                ("/sessions/sessions/0/id", Some(json!("s1"))),
                ("/sessions/sessions/0/date", Some(json!("2026-3-23"))),
                ("/sessions/sessions/0/time", Some(json!("9:00"))),
                ("/sessions/sessions/0/minutes", Some(json!(481))),
                ("/sessions/sessions/0/status", Some(json!("done"))),
                ("/sessions/sessions/0/topics/0", Some(json!("Social Media"))),
                ("/sessions/sessions/0/mentor_rating", Some(json!(0))),
                ("/sessions/sessions/0/mentee_rating", Some(json!(4.5))),
                (
                    "/sessions/sessions/0/goal_progress/0/percent",
                    Some(json!(120)),
                ),
                ("/sessions/sessions/0/sequence", Some(json!(-1))),
                ("/sessions/sessions/1/mentee_id", Some(json!(12))),
                ("/sessions/sessions/1/time", Some(json!(930))),
                (
                    "/sessions/sessions/1/rescheduled_from",
                    Some(json!("2026-04-06 09:00")),
                ),
            ],
            vec![
                ("sessions.sessions[0].id", bad_id("s1")),
                ("sessions.sessions[0].date", bad_date("2026-3-23")),
                (
                    "sessions.sessions[0].time",
                    InvalidTime {
                        value: "9:00".into(),
                    },
                ),
                ("sessions.sessions[0].minutes", range(5.0, 480.0)),
                (
                    "sessions.sessions[0].status",
                    unknown("done", &["planned", "held", "cancelled", "rescheduled"]),
                ),
                ("sessions.sessions[0].topics[0]", bad_id("Social Media")),
                ("sessions.sessions[0].mentor_rating", range(1.0, 5.0)),
                (
                    "sessions.sessions[0].mentee_rating",
                    wrong(Expected::WholeNumber, JsonType::Number),
                ),
                (
                    "sessions.sessions[0].goal_progress[0].percent",
                    range(0.0, 100.0),
                ),
                ("sessions.sessions[0].sequence", range(0.0, 4_294_967_295.0)),
                (
                    "sessions.sessions[1].mentee_id",
                    wrong(Expected::Id, JsonType::Number),
                ),
                (
                    "sessions.sessions[1].time",
                    wrong(Expected::Time, JsonType::Number),
                ),
                (
                    "sessions.sessions[1].rescheduled_from",
                    wrong(Expected::Object, JsonType::String),
                ),
            ],
        ),
        (
            "session required fields",
            vec![
                ("/sessions/sessions/0/id", None),
                ("/sessions/sessions/0/mentor_id", Some(Value::Null)),
                ("/sessions/sessions/0/date", None),
                ("/sessions/sessions/0/time", None),
                ("/sessions/sessions/0/goal_progress/0/goal_id", None),
                ("/sessions/sessions/0/goal_progress/0/percent", None),
                (
                    "/sessions/sessions/1/rescheduled_from",
                    Some(json!({"time": "24:00"})),
                ),
            ],
            vec![
                ("sessions.sessions[0].id", Missing),
                ("sessions.sessions[0].mentor_id", Missing),
                ("sessions.sessions[0].date", Missing),
                ("sessions.sessions[0].time", Missing),
                ("sessions.sessions[0].goal_progress[0].goal_id", Missing),
                ("sessions.sessions[0].goal_progress[0].percent", Missing),
                ("sessions.sessions[1].rescheduled_from.date", Missing),
                (
                    "sessions.sessions[1].rescheduled_from.time",
                    InvalidTime {
                        value: "24:00".into(),
                    },
                ),
            ],
        ),
        (
            "round fields and tokens",
            vec![
                ("/sessions/rounds/0/kind", Some(json!("survey"))),
                ("/sessions/rounds/0/opens", None),
                ("/sessions/rounds/0/closes", Some(json!("2026-04-31"))),
                ("/sessions/rounds/0/invitations/0/participant_id", None),
                (
                    "/sessions/rounds/0/invitations/0/token",
                    Some(json!("5f1d3c2b")),
                ),
                // 32 characters, but `+` is not a hex digit (Rust's radix parser would take "+f").
                (
                    "/sessions/rounds/0/invitations/1/token",
                    Some(json!("+f+f+f+f+f+f+f+f+f+f+f+f+f+f+f+f")),
                ),
            ],
            vec![
                (
                    "sessions.rounds[0].kind",
                    unknown("survey", &["check_in", "pre_assessment", "post_assessment"]),
                ),
                ("sessions.rounds[0].opens", Missing),
                ("sessions.rounds[0].closes", bad_date("2026-04-31")),
                ("sessions.rounds[0].invitations[0].participant_id", Missing),
                ("sessions.rounds[0].invitations[0].token", InvalidToken),
                ("sessions.rounds[0].invitations[1].token", InvalidToken),
            ],
        ),
        (
            "token missing or not text",
            vec![
                ("/sessions/rounds/0/invitations/0/token", None),
                ("/sessions/rounds/0/invitations/1/token", Some(json!(12345))),
            ],
            vec![
                ("sessions.rounds[0].invitations[0].token", Missing),
                (
                    "sessions.rounds[0].invitations[1].token",
                    wrong(Expected::Text, JsonType::Number),
                ),
            ],
        ),
        (
            "an unreadable round id leaves its answers without a round",
            vec![("/sessions/rounds/0/id", Some(json!(7)))],
            vec![
                (
                    "sessions.rounds[0].id",
                    wrong(Expected::Id, JsonType::Number),
                ),
                (
                    "sessions.responses[0].round_id",
                    UnknownRound { id: ROUND.into() },
                ),
            ],
        ),
        (
            "response fields",
            vec![
                ("/sessions/responses/0/round_id", None),
                (
                    "/sessions/responses/0/participant_id",
                    Some(json!("roberto")),
                ),
                (
                    "/sessions/responses/0/answered_on",
                    Some(json!("yesterday")),
                ),
                ("/sessions/responses/0/imported_on", None),
                ("/sessions/responses/0/answers", Some(json!("fine"))),
            ],
            vec![
                ("sessions.responses[0].round_id", Missing),
                ("sessions.responses[0].participant_id", bad_id("roberto")),
                ("sessions.responses[0].answered_on", bad_date("yesterday")),
                ("sessions.responses[0].imported_on", Missing),
                (
                    "sessions.responses[0].answers",
                    wrong(Expected::List, JsonType::String),
                ),
            ],
        ),
        (
            "answers",
            vec![
                ("/sessions/responses/0/answers/0/question", None),
                ("/sessions/responses/0/answers/0/kind", Some(json!("stars"))),
                ("/sessions/responses/0/answers/1/value", Some(json!(6))),
                ("/sessions/responses/0/answers/2/value", Some(json!("40%"))),
                ("/sessions/responses/0/answers/3/value", Some(json!(5))),
            ],
            vec![
                ("sessions.responses[0].answers[0].question", Missing),
                (
                    "sessions.responses[0].answers[0].kind",
                    unknown("stars", &["scale", "percent", "text"]),
                ),
                ("sessions.responses[0].answers[1].value", range(1.0, 5.0)),
                (
                    "sessions.responses[0].answers[2].value",
                    wrong(Expected::WholeNumber, JsonType::String),
                ),
                (
                    "sessions.responses[0].answers[3].value",
                    wrong(Expected::Text, JsonType::Number),
                ),
            ],
        ),
        (
            "answer kind and value missing",
            vec![
                ("/sessions/responses/0/answers/0/kind", None),
                ("/sessions/responses/0/answers/1/value", None),
                ("/sessions/responses/0/answers/2/value", Some(json!(101))),
            ],
            vec![
                ("sessions.responses[0].answers[0].kind", Missing),
                ("sessions.responses[0].answers[1].value", Missing),
                ("sessions.responses[0].answers[2].value", range(0.0, 100.0)),
            ],
        ),
        (
            "templates",
            vec![
                ("/sessions/templates/0/kind", Some(json!("reminder"))),
                ("/sessions/templates/0/lang", Some(json!("fr"))),
                ("/sessions/templates/0/subject", Some(json!(1))),
                ("/sessions/templates/0/body", Some(json!({"text": "x"}))),
            ],
            vec![
                (
                    "sessions.templates[0].kind",
                    unknown(
                        "reminder",
                        &[
                            "invitation",
                            "match_announcement",
                            "session_reminder",
                            "checkin_request",
                            "assessment_request",
                            "nudge",
                            "thank_you",
                        ],
                    ),
                ),
                (
                    "sessions.templates[0].lang",
                    unknown("fr", &["en", "es", "it"]),
                ),
                (
                    "sessions.templates[0].subject",
                    wrong(Expected::Text, JsonType::Number),
                ),
                (
                    "sessions.templates[0].body",
                    wrong(Expected::Text, JsonType::Object),
                ),
            ],
        ),
        (
            "all at once, in file order",
            vec![
                ("/sessions/templates/0/lang", None),
                ("/sessions/responses/0/answers/1/value", Some(json!(0))),
                ("/sessions/rounds/0/invitations/1/token", Some(json!(""))),
                ("/sessions/sessions/1/minutes", Some(json!(0))),
                ("/sessions/agreements/0/goals/0/progress", Some(json!(-1))),
                ("/sessions/settings/alerts/low_rating", Some(json!(0))),
                ("/pairing/min_score", Some(json!(101))),
                ("/program/name", Some(json!(1))),
            ],
            vec![
                ("program.name", wrong(Expected::Text, JsonType::Number)),
                ("pairing.min_score", range(0.0, 100.0)),
                ("sessions.settings.alerts.low_rating", range(1.0, 5.0)),
                (
                    "sessions.agreements[0].goals[0].progress",
                    range(0.0, 100.0),
                ),
                ("sessions.sessions[1].minutes", range(5.0, 480.0)),
                ("sessions.rounds[0].invitations[1].token", InvalidToken),
                ("sessions.responses[0].answers[1].value", range(1.0, 5.0)),
                ("sessions.templates[0].lang", Missing),
            ],
        ),
    ];
    for (name, edits, expected) in cases {
        assert_eq!(listed(&edited(&edits)), owned(expected), "{name}");
    }
}

#[test]
fn sessions_rules_are_checked_against_the_rest_of_the_file() {
    use ProblemKind::*;
    let dup = |first: &str| DuplicateEntry {
        first: first.to_string(),
    };
    let stranger = || UnknownParticipant {
        id: STRANGER.to_string(),
    };
    let round0 = || example()["sessions"]["rounds"][0].clone();
    let response0 = || example()["sessions"]["responses"][0].clone();
    let second_agreement = json!({
        "mentor_id": DIEGO, "mentee_id": CARMEN,
        "goals": [{"id": OTHER_UUID, "direction": "mentee_learns"}]
    });
    type Case = (
        &'static str,
        Vec<(&'static str, Option<Value>)>,
        Vec<(&'static str, ProblemKind)>,
    );
    let cases: Vec<Case> = vec![
        (
            "unknown people",
            vec![
                ("/sessions/agreements/0/mentee_id", Some(json!(STRANGER))),
                // Logged progress needs the agreement of the same pair.
                ("/sessions/sessions/0/goal_progress", Some(json!([]))),
                ("/sessions/sessions/1/mentor_id", Some(json!(STRANGER))),
                (
                    "/sessions/rounds/0/invitations/0/participant_id",
                    Some(json!(STRANGER)),
                ),
                (
                    "/sessions/responses/0/participant_id",
                    Some(json!(STRANGER)),
                ),
            ],
            vec![
                ("sessions.agreements[0].mentee_id", stranger()),
                ("sessions.sessions[1].mentor_id", stranger()),
                (
                    "sessions.rounds[0].invitations[0].participant_id",
                    stranger(),
                ),
                ("sessions.responses[0].participant_id", stranger()),
            ],
        ),
        (
            "duplicate ids",
            vec![
                (
                    "/sessions/agreements/0/goals/1/id",
                    Some(json!(GOAL_A.to_uppercase())),
                ),
                ("/sessions/sessions/1/id", Some(json!(SESSION_1))),
                (
                    "/sessions/rounds",
                    Some(
                        json!([round0(), {"id": ROUND, "kind": "post_assessment", "opens": "2026-08-01", "closes": "2026-08-31"}]),
                    ),
                ),
            ],
            vec![
                (
                    "sessions.agreements[0].goals[1].id",
                    DuplicateId { id: GOAL_A.into() },
                ),
                (
                    "sessions.sessions[1].id",
                    DuplicateId {
                        id: SESSION_1.into(),
                    },
                ),
                ("sessions.rounds[1].id", DuplicateId { id: ROUND.into() }),
            ],
        ),
        (
            "unknown objective, skills, goal and round",
            vec![
                (
                    "/sessions/agreements/0/goals/0/objective_id",
                    Some(json!(OTHER_UUID)),
                ),
                (
                    "/sessions/agreements/0/goals/1/skill",
                    Some(json!("juggling")),
                ),
                (
                    "/sessions/sessions/0/topics",
                    Some(json!(["social-media", "custom-nope", "social-media"])),
                ),
                (
                    "/sessions/sessions/0/goal_progress/0/goal_id",
                    Some(json!(OTHER_UUID)),
                ),
                ("/sessions/responses/0/round_id", Some(json!(OTHER_UUID))),
            ],
            vec![
                (
                    "sessions.agreements[0].goals[0].objective_id",
                    UnknownObjective {
                        id: OTHER_UUID.into(),
                    },
                ),
                (
                    "sessions.agreements[0].goals[1].skill",
                    UnknownSkill {
                        id: "juggling".into(),
                    },
                ),
                (
                    "sessions.sessions[0].topics[1]",
                    UnknownSkill {
                        id: "custom-nope".into(),
                    },
                ),
                (
                    "sessions.sessions[0].topics[2]",
                    DuplicateSkill {
                        id: "social-media".into(),
                    },
                ),
                (
                    "sessions.sessions[0].goal_progress[0].goal_id",
                    UnknownGoal {
                        id: OTHER_UUID.into(),
                    },
                ),
                (
                    "sessions.responses[0].round_id",
                    UnknownRound {
                        id: OTHER_UUID.into(),
                    },
                ),
            ],
        ),
        (
            "progress on another pair's goal, or with no agreement at all",
            vec![
                ("/sessions/agreements/1", Some(second_agreement.clone())),
                (
                    "/sessions/sessions/0/goal_progress/0/goal_id",
                    Some(json!(OTHER_UUID)),
                ),
                ("/sessions/sessions/1/mentee_id", Some(json!(CARMEN))),
                (
                    "/sessions/sessions/1/goal_progress",
                    Some(json!([{"goal_id": GOAL_B, "percent": 10}])),
                ),
            ],
            vec![
                (
                    "sessions.sessions[0].goal_progress[0].goal_id",
                    UnknownGoal {
                        id: OTHER_UUID.into(),
                    },
                ),
                (
                    "sessions.sessions[1].goal_progress[0].goal_id",
                    UnknownGoal { id: GOAL_B.into() },
                ),
            ],
        ),
        (
            "the same entry twice",
            vec![
                (
                    "/sessions/agreements/1",
                    Some(json!({"mentor_id": LUCIA, "mentee_id": ROBERTO.to_uppercase()})),
                ),
                (
                    "/sessions/sessions/0/goal_progress/1",
                    Some(json!({"goal_id": GOAL_A, "percent": 60})),
                ),
                (
                    "/sessions/rounds/0/invitations/2",
                    Some(
                        json!({"participant_id": LUCIA, "token": "11111111111111111111111111111111"}),
                    ),
                ),
                (
                    "/sessions/responses/0/answers/4",
                    Some(json!({"question": "mood", "kind": "scale", "value": 1})),
                ),
                ("/sessions/responses/1", Some(response0())),
                (
                    "/sessions/templates/1",
                    Some(json!({"kind": "Nudge", "lang": " ES "})),
                ),
            ],
            vec![
                ("sessions.agreements[1]", dup("sessions.agreements[0]")),
                (
                    "sessions.sessions[0].goal_progress[1]",
                    dup("sessions.sessions[0].goal_progress[0]"),
                ),
                (
                    "sessions.rounds[0].invitations[2]",
                    dup("sessions.rounds[0].invitations[0]"),
                ),
                (
                    "sessions.responses[0].answers[4]",
                    dup("sessions.responses[0].answers[1]"),
                ),
                ("sessions.responses[1]", dup("sessions.responses[0]")),
                ("sessions.templates[1]", dup("sessions.templates[0]")),
            ],
        ),
        (
            "a token shared by two people (letter case aside)",
            vec![(
                "/sessions/rounds/0/invitations/1/token",
                Some(json!("5F1D3C2B9A8E7D6C5B4A39281706F5E4")),
            )],
            vec![(
                "sessions.rounds[0].invitations[1].token",
                dup("sessions.rounds[0].invitations[0].token"),
            )],
        ),
        (
            "answers from people the round did not invite",
            vec![
                ("/sessions/rounds/0/invitations/1", None),
                ("/sessions/responses/1", Some(response0())),
                ("/sessions/responses/1/participant_id", Some(json!(DIEGO))),
            ],
            vec![
                (
                    "sessions.responses[0].participant_id",
                    NotInvited { id: ROBERTO.into() },
                ),
                (
                    "sessions.responses[1].participant_id",
                    NotInvited { id: DIEGO.into() },
                ),
            ],
        ),
        (
            "a round that closes before it opens",
            vec![("/sessions/rounds/0/closes", Some(json!("2026-04-14")))],
            vec![("sessions.rounds[0].closes", EndBeforeStart)],
        ),
        (
            "time zones that are not Area/City names",
            vec![("/sessions/settings/time_zone", Some(json!("Madrid")))],
            vec![(
                "sessions.settings.time_zone",
                InvalidTimeZone {
                    value: "Madrid".into(),
                },
            )],
        ),
        (
            "blank question, blank custom rule, long notes",
            vec![
                (
                    "/sessions/responses/0/answers/0/question",
                    Some(json!("  ")),
                ),
                (
                    "/sessions/agreements/0/ground_rules/custom/0",
                    Some(json!("")),
                ),
                ("/sessions/sessions/0/notes", Some(json!("n".repeat(2001)))),
            ],
            vec![
                ("sessions.agreements[0].ground_rules.custom[0]", Required),
                ("sessions.sessions[0].notes", TooLong { max: 2000 }),
                ("sessions.responses[0].answers[0].question", Required),
            ],
        ),
    ];
    for (name, edits, expected) in cases {
        assert_eq!(listed(&edited(&edits)), owned(expected), "{name}");
    }

    // Allowed: the log of a pair that is not (or no longer) accepted, with
    // its own agreement; sides that no longer match the roles; a person in
    // several rounds; every spelling of a time zone the rule accepts.
    for time_zone in [
        "",
        "UTC",
        " Europe/Madrid ",
        "Etc/GMT+1",
        "America/Port-au-Prince",
    ] {
        let fine = edited(&[
            ("/pairing/pairs", Some(json!([]))),
            ("/pairing/locked", Some(json!([]))),
            ("/sessions/settings/time_zone", Some(json!(time_zone))),
            ("/sessions/agreements/1", Some(second_agreement.clone())),
            (
                "/sessions/sessions/2",
                Some(json!({
                    "id": OTHER_UUID, "mentor_id": CARMEN, "mentee_id": DIEGO,
                    "date": "2026-05-05", "time": "18:00"
                })),
            ),
            ("/sessions/sessions/1/mentor_id", Some(json!(DIEGO))),
            ("/sessions/sessions/1/mentee_id", Some(json!(CARMEN))),
            (
                "/sessions/sessions/1/goal_progress",
                Some(json!([{"goal_id": OTHER_UUID, "percent": 100}])),
            ),
            (
                "/sessions/rounds/1",
                Some(
                    json!({"id": OTHER_UUID, "kind": "pre_assessment", "opens": "2026-02-01", "closes": "2026-02-01",
                            "invitations": [{"participant_id": ROBERTO, "token": "22222222222222222222222222222222"}]}),
                ),
            ),
        ]);
        let preview = import_bytes(&fine).unwrap_or_else(|p| panic!("{time_zone:?}: {p:#?}"));
        assert_eq!(preview.workspace.sessions.sessions.len(), 3);
        assert_eq!(
            preview.workspace.sessions.settings.time_zone,
            time_zone.trim()
        );
    }
}

#[test]
fn sessions_ranges_are_checked_in_the_domain_too() {
    use ProblemKind::*;
    let base = full_workspace();
    let range = |min: f64, max: f64| OutOfRange { min, max };
    fn long(n: usize) -> String {
        "x".repeat(n)
    }
    type Case = (
        &'static str,
        Box<dyn Fn(&mut SessionsState)>,
        Vec<(&'static str, ProblemKind)>,
    );
    let cases: Vec<Case> = vec![
        (
            "settings",
            Box::new(|s| {
                s.settings.first_checkin_day = 0;
                s.settings.checkin_every_days = 366;
                s.settings.alerts.no_session_days = 0;
                s.settings.alerts.low_rating = 0;
                s.settings.alerts.low_mood = 6;
                s.settings.time_zone = format!("Europe/{}", long(60));
            }),
            vec![
                (
                    "sessions.settings.time_zone",
                    InvalidTimeZone {
                        value: format!("Europe/{}", long(60)),
                    },
                ),
                ("sessions.settings.first_checkin_day", range(1.0, 365.0)),
                ("sessions.settings.checkin_every_days", range(1.0, 365.0)),
                (
                    "sessions.settings.alerts.no_session_days",
                    range(1.0, 365.0),
                ),
                ("sessions.settings.alerts.low_rating", range(1.0, 5.0)),
                ("sessions.settings.alerts.low_mood", range(1.0, 5.0)),
            ],
        ),
        (
            "agreement",
            Box::new(|s| {
                let a = &mut s.agreements[0];
                a.goals[0].text = long(501);
                a.goals[0].measure = long(501);
                a.goals[0].progress = 101;
                a.goals[0].milestones[0].text = long(301);
                a.session_minutes = 241;
                a.ground_rules.custom[0] = long(301);
                a.notes = long(2001);
            }),
            vec![
                ("sessions.agreements[0].goals[0].text", TooLong { max: 500 }),
                (
                    "sessions.agreements[0].goals[0].measure",
                    TooLong { max: 500 },
                ),
                (
                    "sessions.agreements[0].goals[0].progress",
                    range(0.0, 100.0),
                ),
                (
                    "sessions.agreements[0].goals[0].milestones[0].text",
                    TooLong { max: 300 },
                ),
                ("sessions.agreements[0].session_minutes", range(10.0, 240.0)),
                (
                    "sessions.agreements[0].ground_rules.custom[0]",
                    TooLong { max: 300 },
                ),
                ("sessions.agreements[0].notes", TooLong { max: 2000 }),
            ],
        ),
        (
            "session",
            Box::new(|s| {
                let x = &mut s.sessions[0];
                x.minutes = 4;
                x.mentor_rating = Some(0);
                x.mentee_rating = Some(6);
                x.goal_progress[1].percent = 101;
                s.sessions[1].minutes = 481;
            }),
            vec![
                ("sessions.sessions[0].minutes", range(5.0, 480.0)),
                ("sessions.sessions[0].mentor_rating", range(1.0, 5.0)),
                ("sessions.sessions[0].mentee_rating", range(1.0, 5.0)),
                (
                    "sessions.sessions[0].goal_progress[1].percent",
                    range(0.0, 100.0),
                ),
                ("sessions.sessions[1].minutes", range(5.0, 480.0)),
            ],
        ),
        (
            "answers and templates",
            Box::new(|s| {
                let answers = &mut s.responses[0].answers;
                answers[0].value = AnswerValue::Scale(0);
                answers[1].value = AnswerValue::Percent(101);
                answers[2].value = AnswerValue::Text(long(2001));
                answers[3].question = long(81);
                s.templates[0].subject = long(201);
                s.templates[0].body = long(5001);
            }),
            vec![
                ("sessions.responses[0].answers[0].value", range(1.0, 5.0)),
                ("sessions.responses[0].answers[1].value", range(0.0, 100.0)),
                (
                    "sessions.responses[0].answers[2].value",
                    TooLong { max: 2000 },
                ),
                (
                    "sessions.responses[0].answers[3].question",
                    TooLong { max: 80 },
                ),
                ("sessions.templates[0].subject", TooLong { max: 200 }),
                ("sessions.templates[0].body", TooLong { max: 5000 }),
            ],
        ),
        (
            "limits",
            Box::new(|s| {
                s.settings.first_checkin_day = 365;
                s.settings.alerts.low_rating = 1;
                s.sessions[0].minutes = 480;
                s.agreements[0].goals[0].text = long(500);
                s.templates[0].body = long(5000);
            }),
            vec![],
        ),
    ];
    for (name, mutate, expected) in cases {
        let mut ws = base.clone();
        mutate(&mut ws.sessions);
        let found: Vec<(String, ProblemKind)> = validate_workspace(&ws)
            .into_iter()
            .map(|p| (p.path, p.kind))
            .collect();
        assert_eq!(found, owned(expected), "{name}");
        // The section's own check says the same.
        assert_eq!(validate_sessions(&ws), validate_workspace(&ws), "{name}");
    }
}

#[test]
fn removing_a_participant_removes_their_sessions_records() {
    let mut ws = full_workspace();
    ws.remove_participant(&pid(ROBERTO));
    assert_eq!(validate_workspace(&ws), vec![]);
    let sessions = &ws.sessions;
    assert_eq!(sessions.agreements.len(), 1);
    assert_eq!(sessions.sessions.len(), 1);
    assert!(sessions.responses.is_empty());
    assert_eq!(
        sessions
            .rounds
            .iter()
            .map(|r| r.invitations.len())
            .collect::<Vec<_>>(),
        vec![1, 0, 0]
    );
    let text = export_json(&ws, "2026-03-02T08:15:00Z");
    let preview = import_bytes(text.as_bytes()).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(preview.workspace, ws);
}

#[test]
fn removing_an_objective_unlinks_goals_and_used_skills_are_reported() {
    let mut ws = full_workspace();
    let custom = SkillId::parse("custom-excel-macros").unwrap();
    assert!(ws.sessions.uses_skill(&custom));
    assert!(
        ws.sessions
            .uses_skill(&SkillId::parse("leadership").unwrap())
    );
    assert!(!ws.sessions.uses_skill(&SkillId::parse("ai-tools").unwrap()));

    // What the Program page does on save: without the unlink the goal would
    // point at nothing and the saved program would no longer load.
    ws.program.objectives.clear();
    assert_eq!(
        validate_sessions(&ws),
        vec![Problem::new(
            "sessions.agreements[0].goals[0].objective_id",
            ProblemKind::UnknownObjective {
                id: OBJECTIVE.into()
            }
        )]
    );
    ws.sessions.unlink_objectives(&[]);
    assert_eq!(ws.sessions.agreements[0].goals[0].objective, None);
    assert_eq!(
        ws.sessions.agreements[0].goals[0].text,
        full_sessions(&full_workspace()).agreements[0].goals[0].text
    );
    assert_eq!(validate_workspace(&ws), vec![]);
}

// ---------------------------------------------------------------------------
// Measuring the program: the impact section (additive within version 1)

#[test]
fn files_without_impact_import_with_the_defaults() {
    let old = edited(&[("/impact", None)]);
    let preview = import_bytes(&old).unwrap_or_else(|p| panic!("{p:#?}"));
    assert_eq!(preview.warnings, vec![]);
    assert_eq!(preview.workspace.impact, ImpactState::default());
    // Export then writes the whole section, explicitly.
    let value: Value =
        serde_json::from_str(&export_json(&preview.workspace, "2026-03-02T08:15:00Z")).unwrap();
    assert_eq!(
        value["impact"],
        json!({
            "certificates": {
                "min_sessions_held": 4, "require_post_assessment": false, "issued_on": null,
                "signer_name": "", "signer_title": ""
            },
            "report": {"highlights": "", "lessons": "", "next_steps": "", "include_comments": false},
            "leavers": []
        })
    );

    // Missing fields and null take their defaults one by one.
    type Case = (&'static str, Value, Box<dyn Fn(&mut ImpactState)>);
    let cases: Vec<Case> = vec![
        ("null section", Value::Null, Box::new(|_| {})),
        ("empty section", json!({}), Box::new(|_| {})),
        (
            "all null",
            json!({"certificates": null, "report": null, "leavers": null}),
            Box::new(|_| {}),
        ),
        (
            "empty parts",
            json!({"certificates": {}, "report": {}, "leavers": []}),
            Box::new(|_| {}),
        ),
        (
            "some certificate fields, padded signer",
            json!({"certificates": {"min_sessions_held": 0.0, "issued_on": null, "signer_name": "  Elena Ruiz ", "signer_title": null}}),
            Box::new(|i| {
                i.certificates.min_sessions_held = 0;
                i.certificates.signer_name = "Elena Ruiz".into();
            }),
        ),
        (
            "report notes keep their spaces and lines",
            json!({"report": {"lessons": " Plan the summer.\n\nEarly. ", "include_comments": true}}),
            Box::new(|i| {
                i.report.lessons = " Plan the summer.\n\nEarly. ".into();
                i.report.include_comments = true;
            }),
        ),
        (
            "leavers in any case",
            json!({"leavers": [{"participant_id": CARMEN.to_uppercase(), "left_on": " 2026-07-01 "}, {"participant_id": DIEGO, "left_on": "2026-03-01"}]}),
            Box::new(|i| {
                i.leavers = vec![
                    Leaver {
                        participant: pid(CARMEN),
                        left_on: day(2026, 7, 1),
                    },
                    Leaver {
                        participant: pid(DIEGO),
                        left_on: day(2026, 3, 1),
                    },
                ];
            }),
        ),
    ];
    for (name, section, expect) in cases {
        let preview = import_bytes(&edited(&[("/impact", Some(section))]))
            .unwrap_or_else(|p| panic!("{name}: {p:#?}"));
        let mut expected = ImpactState::default();
        expect(&mut expected);
        assert_eq!(preview.workspace.impact, expected, "{name}");
        assert_eq!(preview.warnings, vec![], "{name}");
    }

    // Unknown fields inside the section are ignored with a warning.
    let preview = import_bytes(&edited(&[
        ("/impact/badges", Some(json!(true))),
        ("/impact/certificates/logo", Some(json!("acme.png"))),
        ("/impact/report/audience", Some(json!("board"))),
        ("/impact/leavers/0/reason", Some(json!("moved"))),
    ]))
    .unwrap_or_else(|p| panic!("{p:#?}"));
    let warnings: Vec<&str> = preview.warnings.iter().map(|w| w.path.as_str()).collect();
    assert_eq!(
        warnings,
        vec![
            "impact.certificates.logo",
            "impact.report.audience",
            "impact.leavers[0].reason",
            "impact.badges",
        ]
    );
}

#[test]
fn a_broken_impact_section_reports_every_problem_with_its_place() {
    use ProblemKind::*;
    let range = |min: f64, max: f64| OutOfRange { min, max };
    type Case = (
        &'static str,
        Vec<(&'static str, Option<Value>)>,
        Vec<(&'static str, ProblemKind)>,
    );
    let cases: Vec<Case> = vec![
        (
            "section as list",
            vec![("/impact", Some(json!([])))],
            vec![("impact", wrong(Expected::Object, JsonType::Array))],
        ),
        (
            "parts of the wrong type",
            vec![
                ("/impact/certificates", Some(json!("6 sessions"))),
                ("/impact/report", Some(json!(["Good year"]))),
                ("/impact/leavers", Some(json!({"participant_id": DIEGO}))),
            ],
            vec![
                (
                    "impact.certificates",
                    wrong(Expected::Object, JsonType::String),
                ),
                ("impact.report", wrong(Expected::Object, JsonType::Array)),
                ("impact.leavers", wrong(Expected::List, JsonType::Object)),
            ],
        ),
        (
            "certificate fields",
            vec![
                ("/impact/certificates/min_sessions_held", Some(json!(101))),
                (
                    "/impact/certificates/require_post_assessment",
                    Some(json!("yes")),
                ),
                ("/impact/certificates/issued_on", Some(json!("15/09/2026"))),
                ("/impact/certificates/signer_name", Some(json!(7))),
                ("/impact/certificates/signer_title", Some(json!(["CPO"]))),
            ],
            vec![
                ("impact.certificates.min_sessions_held", range(0.0, 100.0)),
                (
                    "impact.certificates.require_post_assessment",
                    wrong(Expected::Bool, JsonType::String),
                ),
                (
                    "impact.certificates.issued_on",
                    InvalidDate {
                        value: "15/09/2026".into(),
                    },
                ),
                (
                    "impact.certificates.signer_name",
                    wrong(Expected::Text, JsonType::Number),
                ),
                (
                    "impact.certificates.signer_title",
                    wrong(Expected::Text, JsonType::Array),
                ),
            ],
        ),
        (
            "fewer than no sessions",
            vec![("/impact/certificates/min_sessions_held", Some(json!(-1)))],
            vec![("impact.certificates.min_sessions_held", range(0.0, 100.0))],
        ),
        (
            "a fraction of a session",
            vec![("/impact/certificates/min_sessions_held", Some(json!(2.5)))],
            vec![(
                "impact.certificates.min_sessions_held",
                wrong(Expected::WholeNumber, JsonType::Number),
            )],
        ),
        (
            "report fields",
            vec![
                ("/impact/report/highlights", Some(json!(["a", "b"]))),
                ("/impact/report/lessons", Some(json!(1))),
                ("/impact/report/next_steps", Some(json!({"q3": "hire"}))),
                ("/impact/report/include_comments", Some(json!("no"))),
            ],
            vec![
                (
                    "impact.report.highlights",
                    wrong(Expected::Text, JsonType::Array),
                ),
                (
                    "impact.report.lessons",
                    wrong(Expected::Text, JsonType::Number),
                ),
                (
                    "impact.report.next_steps",
                    wrong(Expected::Text, JsonType::Object),
                ),
                (
                    "impact.report.include_comments",
                    wrong(Expected::Bool, JsonType::String),
                ),
            ],
        ),
        (
            "leaver fields",
            vec![
                ("/impact/leavers/0/participant_id", Some(json!("diego"))),
                ("/impact/leavers/0/left_on", Some(json!("2026-02-30"))),
                ("/impact/leavers/1", Some(json!({}))),
                ("/impact/leavers/2", Some(json!(DIEGO))),
                (
                    "/impact/leavers/3",
                    Some(json!({"participant_id": 12, "left_on": 20260301})),
                ),
            ],
            vec![
                // Unreadable ids are not also reported as unknown people
                // or as the same leaver twice.
                (
                    "impact.leavers[0].participant_id",
                    InvalidId {
                        value: "diego".into(),
                    },
                ),
                (
                    "impact.leavers[0].left_on",
                    InvalidDate {
                        value: "2026-02-30".into(),
                    },
                ),
                ("impact.leavers[1].participant_id", Missing),
                ("impact.leavers[1].left_on", Missing),
                (
                    "impact.leavers[2]",
                    wrong(Expected::Object, JsonType::String),
                ),
                (
                    "impact.leavers[3].participant_id",
                    wrong(Expected::Id, JsonType::Number),
                ),
                (
                    "impact.leavers[3].left_on",
                    wrong(Expected::Date, JsonType::Number),
                ),
            ],
        ),
        (
            "all at once, in file order",
            vec![
                ("/impact/leavers/0/left_on", None),
                ("/impact/report/lessons", Some(json!(false))),
                ("/impact/certificates/min_sessions_held", Some(json!(1000))),
                ("/sessions/templates/0/lang", None),
                ("/program/name", Some(json!(1))),
            ],
            vec![
                ("program.name", wrong(Expected::Text, JsonType::Number)),
                ("sessions.templates[0].lang", Missing),
                ("impact.certificates.min_sessions_held", range(0.0, 100.0)),
                (
                    "impact.report.lessons",
                    wrong(Expected::Text, JsonType::Bool),
                ),
                ("impact.leavers[0].left_on", Missing),
            ],
        ),
    ];
    for (name, edits, expected) in cases {
        assert_eq!(listed(&edited(&edits)), owned(expected), "{name}");
    }
}

#[test]
fn impact_rules_are_checked_against_the_rest_of_the_file() {
    use ProblemKind::*;
    fn long(n: usize) -> String {
        "é".repeat(n)
    }
    type Case = (
        &'static str,
        Vec<(&'static str, Option<Value>)>,
        Vec<(&'static str, ProblemKind)>,
    );
    let leaver = |id: &str, on: &str| json!({"participant_id": id, "left_on": on});
    let cases: Vec<Case> = vec![
        (
            "a leaver who is not a participant",
            vec![("/impact/leavers/0/participant_id", Some(json!(STRANGER)))],
            vec![(
                "impact.leavers[0].participant_id",
                UnknownParticipant {
                    id: STRANGER.into(),
                },
            )],
        ),
        (
            "the same leaver twice, in any letter case",
            vec![
                ("/impact/leavers/1", Some(leaver(CARMEN, "2026-05-01"))),
                (
                    "/impact/leavers/2",
                    Some(leaver(&ROBERTO.to_uppercase(), "2026-06-01")),
                ),
                ("/impact/leavers/3", Some(leaver(CARMEN, "2026-05-01"))),
            ],
            vec![
                (
                    "impact.leavers[2]",
                    DuplicateEntry {
                        first: "impact.leavers[0]".into(),
                    },
                ),
                (
                    "impact.leavers[3]",
                    DuplicateEntry {
                        first: "impact.leavers[1]".into(),
                    },
                ),
            ],
        ),
        (
            "texts too long",
            vec![
                ("/impact/certificates/signer_name", Some(json!(long(121)))),
                ("/impact/certificates/signer_title", Some(json!(long(121)))),
                ("/impact/report/highlights", Some(json!(long(4001)))),
                ("/impact/report/lessons", Some(json!(long(4001)))),
                ("/impact/report/next_steps", Some(json!(long(4001)))),
            ],
            vec![
                ("impact.certificates.signer_name", TooLong { max: 120 }),
                ("impact.certificates.signer_title", TooLong { max: 120 }),
                ("impact.report.highlights", TooLong { max: 4000 }),
                ("impact.report.lessons", TooLong { max: 4000 }),
                ("impact.report.next_steps", TooLong { max: 4000 }),
            ],
        ),
        (
            "every problem of the section at once",
            vec![
                ("/impact/report/next_steps", Some(json!(long(4001)))),
                ("/impact/leavers/1", Some(leaver(STRANGER, "2026-05-01"))),
                ("/impact/leavers/2", Some(leaver(STRANGER, "2026-05-02"))),
                (
                    "/impact/leavers/3",
                    Some(json!({"participant_id": ROBERTO})),
                ),
            ],
            vec![
                ("impact.report.next_steps", TooLong { max: 4000 }),
                (
                    "impact.leavers[1].participant_id",
                    UnknownParticipant {
                        id: STRANGER.into(),
                    },
                ),
                (
                    "impact.leavers[2]",
                    DuplicateEntry {
                        first: "impact.leavers[1]".into(),
                    },
                ),
                (
                    "impact.leavers[2].participant_id",
                    UnknownParticipant {
                        id: STRANGER.into(),
                    },
                ),
                // Its date is unreadable: whether it repeats Roberto is not said.
                ("impact.leavers[3].left_on", Missing),
            ],
        ),
    ];
    for (name, edits, expected) in cases {
        assert_eq!(listed(&edited(&edits)), owned(expected), "{name}");
    }

    // At the limits, with spaces around the signer's name and title.
    let padded = format!("  {}  ", long(120));
    let fine = edited(&[
        ("/impact/certificates/min_sessions_held", Some(json!(100))),
        ("/impact/certificates/signer_name", Some(json!(padded))),
        ("/impact/certificates/signer_title", Some(json!(padded))),
        ("/impact/report/highlights", Some(json!(long(4000)))),
        ("/impact/leavers/1", Some(leaver(CARMEN, "2026-05-01"))),
    ]);
    let preview = import_bytes(&fine).unwrap_or_else(|p| panic!("{p:#?}"));
    let certificates = &preview.workspace.impact.certificates;
    assert_eq!(certificates.signer_name, long(120));
    assert_eq!(certificates.min_sessions_held, 100);
    assert_eq!(preview.workspace.impact.leavers.len(), 2);

    // Removing a leaver from the program forgets them there too.
    let mut ws = preview.workspace;
    ws.remove_participant(&pid(ROBERTO));
    assert_eq!(ws.impact.leavers.len(), 1);
    assert_eq!(validate_workspace(&ws), vec![]);
}

#[test]
fn impact_ranges_are_checked_in_the_domain_too() {
    use ProblemKind::*;
    let base = import_bytes(EXAMPLE.as_bytes()).unwrap().workspace;
    type Case = (
        &'static str,
        Box<dyn Fn(&mut ImpactState)>,
        Vec<(&'static str, ProblemKind)>,
    );
    let cases: Vec<Case> = vec![
        (
            "too many sessions",
            Box::new(|i| i.certificates.min_sessions_held = 101),
            vec![(
                "impact.certificates.min_sessions_held",
                OutOfRange {
                    min: 0.0,
                    max: 100.0,
                },
            )],
        ),
        (
            "long texts, a stranger and a repeat",
            Box::new(|i| {
                i.certificates.signer_name = "x".repeat(121);
                i.report.lessons = "x".repeat(4001);
                i.leavers.push(Leaver {
                    participant: pid(STRANGER),
                    left_on: day(2026, 4, 1),
                });
                i.leavers.push(Leaver {
                    participant: pid(ROBERTO),
                    left_on: day(2026, 4, 2),
                });
            }),
            vec![
                ("impact.certificates.signer_name", TooLong { max: 120 }),
                ("impact.report.lessons", TooLong { max: 4000 }),
                (
                    "impact.leavers[1].participant_id",
                    UnknownParticipant {
                        id: STRANGER.into(),
                    },
                ),
                (
                    "impact.leavers[2]",
                    DuplicateEntry {
                        first: "impact.leavers[0]".into(),
                    },
                ),
            ],
        ),
        (
            "limits",
            Box::new(|i| {
                i.certificates.min_sessions_held = 0;
                i.certificates.signer_title = "x".repeat(120);
                i.report.next_steps = "x".repeat(4000);
                i.leavers.clear();
            }),
            vec![],
        ),
    ];
    for (name, mutate, expected) in cases {
        let mut ws = base.clone();
        mutate(&mut ws.impact);
        let found: Vec<(String, ProblemKind)> = validate_workspace(&ws)
            .into_iter()
            .map(|p| (p.path, p.kind))
            .collect();
        assert_eq!(found, owned(expected), "{name}");
        // The section's own check says the same.
        assert_eq!(validate_impact(&ws), validate_workspace(&ws), "{name}");
    }
}

// ---------------------------------------------------------------------------
// Property tests

fn free_text() -> impl Strategy<Value = String> {
    // Quotes, backslashes, newlines, tabs, accents, CJK, emoji, HTML-ish.
    r#"[a-zA-Z0-9 ,.:'"\\\n\t/<>&éñüßÅ漢字😀\u{200b}-]{0,24}"#
}

/// Trimmed, non-empty text; `tag` keeps names unique.
fn name_text(tag: &'static str) -> impl Strategy<Value = String> {
    free_text().prop_map(move |s| format!("{tag} {}", s.trim()).trim().to_string())
}

fn date() -> impl Strategy<Value = Date> {
    (0i64..40_000).prop_map(|d| Date::from_days_since_epoch(d).unwrap())
}

/// Finite numbers as people and spreadsheets write them: integers and
/// decimals of up to 14 significant digits, of any sign and scale.
///
/// serde_json's default number parser is exact only while the written digits
/// (a trailing `.0` included) fit in 2^53; beyond that it can be one unit in
/// the last place off. See `any_finite_f64_round_trips`.
fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        (-1_000_000i64..1_000_000).prop_map(|n| n as f64),
        (-99_999_999_999_999i64..=99_999_999_999_999, 0i32..=15)
            .prop_map(|(m, k)| m as f64 / 10f64.powi(k)),
        (-900_000_000_000_000i64..=900_000_000_000_000).prop_map(|n| n as f64),
        Just(0.0),
        Just(-0.0),
    ]
}

fn all_skill_ids(custom: &[CustomSkill]) -> Vec<SkillId> {
    DEFAULT_SKILLS
        .iter()
        .map(|s| SkillId::parse(s.id).unwrap())
        .chain(custom.iter().map(|c| c.id.clone()))
        .collect()
}

/// Distinct entries picked from `pool`, in pick order.
fn pick<T: Clone + PartialEq>(pool: &[T], picks: &[Index]) -> Vec<T> {
    let mut out: Vec<T> = Vec::new();
    for p in picks {
        let item = p.get(pool).clone();
        if !out.contains(&item) {
            out.push(item);
        }
    }
    out
}

#[derive(Clone, Debug)]
struct RawParticipant {
    seed: u64,
    texts: [String; 6],
    name: String,
    email_local: String,
    role: Role,
    manager: Option<Index>,
    years: Option<u8>,
    languages: Vec<String>,
    time_zone: &'static str,
    offered: Vec<(Index, u8)>,
    wanted: Vec<(Index, Priority)>,
    interests: Vec<String>,
    channels: Vec<Channel>,
    availability: u32,
    capacity: u8,
    consent: Option<Date>,
    active: bool,
}

fn raw_participant() -> impl Strategy<Value = RawParticipant> {
    let texts = [
        free_text(),
        free_text(),
        free_text(),
        free_text(),
        free_text(),
        free_text(),
    ];
    let a = (
        any::<u64>(),
        texts,
        name_text("Person"),
        "[a-zA-Z0-9._+]{1,10}",
        prop::sample::select(Role::ALL.to_vec()),
        prop::option::of(any::<Index>()),
        prop::option::of(0u8..=60),
        prop::sample::subsequence(vec!["en", "es", "it", "fr", "de", "pt", "ca", "eus"], 0..=3)
            .prop_shuffle()
            .prop_map(|v| v.into_iter().map(str::to_string).collect::<Vec<_>>()),
        prop::sample::select(vec![
            "",
            "Europe/Madrid",
            "Europe/Rome",
            "America/New_York",
            "UTC",
        ]),
    );
    let b = (
        prop::collection::vec((any::<Index>(), 1u8..=5), 0..4),
        prop::collection::vec(
            (any::<Index>(), prop::sample::select(Priority::ALL.to_vec())),
            0..4,
        ),
        prop::collection::vec("[a-zà-ü0-9]{1,10}( [a-zà-ü0-9]{1,8})?", 0..4),
        (Just(Channel::ALL.to_vec()).prop_shuffle(), 0usize..=5).prop_map(|(mut c, n)| {
            c.truncate(n);
            c
        }),
        0u32..(1 << 21),
        1u8..=10,
        prop::option::of(date()),
        any::<bool>(),
    );
    (a, b).prop_map(|(a, b)| RawParticipant {
        seed: a.0,
        texts: a.1,
        name: a.2,
        email_local: a.3,
        role: a.4,
        manager: a.5,
        years: a.6,
        languages: a.7,
        time_zone: a.8,
        offered: b.0,
        wanted: b.1,
        interests: b.2,
        channels: b.3,
        availability: b.4,
        capacity: b.5,
        consent: b.6,
        active: b.7,
    })
}

#[derive(Clone, Debug)]
struct RawObjective {
    seed: u64,
    title: String,
    kpi: String,
    texts: [String; 3],
    baseline: f64,
    target: f64,
    current: Option<f64>,
    skills: Vec<Index>,
}

fn raw_objective() -> impl Strategy<Value = RawObjective> {
    (
        any::<u64>(),
        name_text("Objective"),
        name_text("KPI"),
        [free_text(), free_text(), free_text()],
        finite(),
        finite(),
        prop::option::of(finite()),
        prop::collection::vec(any::<Index>(), 0..4),
    )
        .prop_map(
            |(seed, title, kpi, texts, baseline, target, current, skills)| RawObjective {
                seed,
                title,
                kpi,
                texts,
                baseline,
                target: if target == baseline {
                    baseline + 1.0
                } else {
                    target
                },
                current,
                skills,
            },
        )
}

fn program_strategy() -> impl Strategy<Value = Program> {
    (
        name_text("Program"),
        free_text(),
        prop::collection::vec(free_text(), 0..3).prop_map(|v| v.join("\n")),
        prop::option::of(date()),
        prop::option::of(date()),
        prop::sample::select(Cadence::ALL.to_vec()),
        10u16..=240,
        prop::sample::subsequence(StandardRule::ALL.to_vec(), 0..=5).prop_shuffle(),
        prop::collection::vec(name_text("Rule"), 0..3),
    )
        .prop_map(
            |(
                name,
                organisation,
                description,
                a,
                b,
                cadence,
                session_minutes,
                standard,
                custom,
            )| {
                let (start_date, end_date) = match (a, b) {
                    (Some(a), Some(b)) if b < a => (Some(b), Some(a)),
                    other => other,
                };
                Program {
                    name,
                    organisation,
                    description,
                    start_date,
                    end_date,
                    objectives: Vec::new(),
                    cadence,
                    session_minutes,
                    ground_rules: GroundRules { standard, custom },
                }
            },
        )
}

/// Pairing decisions as picks among the generated people, made valid when
/// the workspace is built.
#[derive(Clone, Debug)]
struct RawPairing {
    weights: [u8; 7],
    min_score: u8,
    circle_size: u8,
    locked: Vec<(Index, Index)>,
    forbidden: Vec<(Index, Index)>,
    pairs: Vec<(Index, Index, Option<Date>)>,
    circles: Vec<(String, Vec<Index>)>,
    /// (person, person to avoid)
    never: Vec<(Index, Index)>,
}

fn raw_pairing() -> impl Strategy<Value = RawPairing> {
    let pair = || (any::<Index>(), any::<Index>());
    (
        prop::array::uniform7(0u8..=Weights::MAX),
        0u8..=100,
        PairingState::MIN_CIRCLE_SIZE..=PairingState::MAX_CIRCLE_SIZE,
        prop::collection::vec(pair(), 0..4),
        prop::collection::vec(pair(), 0..4),
        prop::collection::vec(
            (any::<Index>(), any::<Index>(), prop::option::of(date())),
            0..4,
        ),
        prop::collection::vec(
            (free_text(), prop::collection::vec(any::<Index>(), 0..5)),
            0..3,
        ),
        prop::collection::vec(pair(), 0..4),
    )
        .prop_map(
            |(weights, min_score, circle_size, locked, forbidden, pairs, circles, never)| {
                RawPairing {
                    weights,
                    min_score,
                    circle_size,
                    locked,
                    forbidden,
                    pairs,
                    circles,
                    never,
                }
            },
        )
}

/// A valid pairing state and never-pair lists for `people`.
fn build_pairing(raw: RawPairing, people: &mut [Participant]) -> PairingState {
    let ids: Vec<ParticipantId> = people.iter().map(|p| p.id.clone()).collect();
    let with_role = |role| -> Vec<ParticipantId> {
        people
            .iter()
            .filter(|p| p.role == role)
            .map(|p| p.id.clone())
            .collect()
    };
    let (mentors, mentees) = (with_role(Role::ReverseMentor), with_role(Role::Mentee));
    let mut state = PairingState {
        weights: Weights(raw.weights),
        min_score: raw.min_score,
        circle_size: raw.circle_size,
        ..PairingState::default()
    };
    if !mentors.is_empty() && !mentees.is_empty() {
        let key = |(a, b): &(Index, Index)| {
            PairKey::new(a.get(&mentors).clone(), b.get(&mentees).clone())
        };
        for k in raw.locked.iter().map(key) {
            if !state.locked.contains(&k) {
                state.locked.push(k);
            }
        }
        for k in raw.forbidden.iter().map(key) {
            if !state.locked.contains(&k) && !state.forbidden.contains(&k) {
                state.forbidden.push(k);
            }
        }
        for (a, b, since) in raw.pairs {
            let mentee = b.get(&mentees).clone();
            if state.mentor_of(&mentee).is_none() {
                state.pairs.push(Pair {
                    mentor: a.get(&mentors).clone(),
                    mentee,
                    since,
                });
            }
        }
    }
    if !ids.is_empty() {
        for (theme, members) in raw.circles {
            state.circles.push(Circle {
                theme,
                members: pick(&ids, &members),
            });
        }
        for (who, other) in raw.never {
            let (who, other) = (who.index(ids.len()), other.get(&ids));
            let list = &mut people[who].never_pair_with;
            if *other != ids[who] && !list.contains(other) {
                list.push(other.clone());
            }
        }
    }
    state
}

/// A goal as picks among the program's skills and objectives.
#[derive(Clone, Debug)]
struct RawGoal {
    direction: GoalDirection,
    texts: [String; 2],
    skill: Option<Index>,
    objective: Option<Index>,
    target_date: Option<Date>,
    progress: u8,
    milestones: Vec<(String, bool)>,
}

#[derive(Clone, Debug)]
struct RawAgreement {
    pair: (Index, Index),
    goals: Vec<RawGoal>,
    cadence: Cadence,
    session_minutes: u16,
    channel: Option<Channel>,
    rules: (Vec<StandardRule>, Vec<String>),
    review_dates: Vec<Date>,
    agreed_on: Option<Date>,
    notes: String,
}

#[derive(Clone, Debug)]
struct RawSession {
    /// `Some`: the pair of that agreement (so goals can be logged); `None`:
    /// any two people, as for a pair that has since changed.
    agreement: Option<Index>,
    pair: (Index, Index),
    start: (Date, u16),
    minutes: u16,
    status: SessionStatus,
    rescheduled_from: Option<(Date, u16)>,
    topics: Vec<Index>,
    notes: String,
    ratings: (Option<u8>, Option<u8>),
    progress: Vec<(Index, u8)>,
    sequence: u32,
}

#[derive(Clone, Debug)]
struct RawRound {
    kind: RoundKind,
    opens: Date,
    days_open: i64,
    invitees: Vec<Index>,
}

#[derive(Clone, Debug)]
struct RawResponse {
    round: Index,
    invitee: Index,
    dates: (Date, Date),
    answers: Vec<(&'static str, AnswerValue)>,
}

#[derive(Clone, Debug)]
struct RawSessions {
    time_zone: &'static str,
    days: [u16; 3],
    thresholds: [u8; 2],
    holidays: Vec<Date>,
    agreements: Vec<RawAgreement>,
    sessions: Vec<RawSession>,
    rounds: Vec<RawRound>,
    responses: Vec<RawResponse>,
    templates: Vec<(TemplateKind, Lang, String, String)>,
}

fn raw_goal() -> impl Strategy<Value = RawGoal> {
    (
        prop::sample::select(GoalDirection::ALL.to_vec()),
        [free_text(), free_text()],
        prop::option::of(any::<Index>()),
        prop::option::of(any::<Index>()),
        prop::option::of(date()),
        0u8..=100,
        prop::collection::vec((free_text(), any::<bool>()), 0..3),
    )
        .prop_map(
            |(direction, texts, skill, objective, target_date, progress, milestones)| RawGoal {
                direction,
                texts,
                skill,
                objective,
                target_date,
                progress,
                milestones,
            },
        )
}

fn raw_agreement() -> impl Strategy<Value = RawAgreement> {
    (
        (any::<Index>(), any::<Index>()),
        prop::collection::vec(raw_goal(), 0..3),
        prop::sample::select(Cadence::ALL.to_vec()),
        10u16..=240,
        prop::option::of(prop::sample::select(Channel::ALL.to_vec())),
        (
            prop::sample::subsequence(StandardRule::ALL.to_vec(), 0..=5).prop_shuffle(),
            prop::collection::vec(name_text("Rule"), 0..2),
        ),
        prop::collection::vec(date(), 0..3),
        prop::option::of(date()),
        free_text(),
    )
        .prop_map(
            |(
                pair,
                goals,
                cadence,
                session_minutes,
                channel,
                rules,
                review_dates,
                agreed_on,
                notes,
            )| {
                RawAgreement {
                    pair,
                    goals,
                    cadence,
                    session_minutes,
                    channel,
                    rules,
                    review_dates,
                    agreed_on,
                    notes,
                }
            },
        )
}

fn raw_session() -> impl Strategy<Value = RawSession> {
    let when = || (date(), 0u16..24 * 60);
    let rating = || prop::option::of(1u8..=5);
    (
        prop::option::of(any::<Index>()),
        (any::<Index>(), any::<Index>()),
        when(),
        5u16..=480,
        prop::sample::select(SessionStatus::ALL.to_vec()),
        prop::option::of(when()),
        prop::collection::vec(any::<Index>(), 0..3),
        free_text(),
        (rating(), rating()),
        prop::collection::vec((any::<Index>(), 0u8..=100), 0..3),
        any::<u32>(),
    )
        .prop_map(
            |(
                agreement,
                pair,
                start,
                minutes,
                status,
                rescheduled_from,
                topics,
                notes,
                ratings,
                progress,
                sequence,
            )| {
                RawSession {
                    agreement,
                    pair,
                    start,
                    minutes,
                    status,
                    rescheduled_from,
                    topics,
                    notes,
                    ratings,
                    progress,
                    sequence,
                }
            },
        )
}

fn raw_answer() -> impl Strategy<Value = (&'static str, AnswerValue)> {
    (
        prop::sample::select(vec!["how_it_goes", "mood", "progress", "comment"]),
        prop_oneof![
            (1u8..=5).prop_map(AnswerValue::Scale),
            (0u8..=100).prop_map(AnswerValue::Percent),
            free_text().prop_map(AnswerValue::Text),
        ],
    )
}

fn raw_sessions() -> impl Strategy<Value = RawSessions> {
    let langs = vec![Lang::En, Lang::Es, Lang::It];
    (
        prop::sample::select(vec![
            "",
            "UTC",
            "Europe/Madrid",
            "America/Argentina/Buenos_Aires",
            "Etc/GMT+1",
        ]),
        prop::array::uniform3(1u16..=365),
        prop::array::uniform2(1u8..=5),
        prop::collection::vec(date(), 0..3),
        prop::collection::vec(raw_agreement(), 0..3),
        prop::collection::vec(raw_session(), 0..4),
        prop::collection::vec(
            (
                prop::sample::select(RoundKind::ALL.to_vec()),
                date(),
                0i64..90,
                prop::collection::vec(any::<Index>(), 0..4),
            )
                .prop_map(|(kind, opens, days_open, invitees)| RawRound {
                    kind,
                    opens,
                    days_open,
                    invitees,
                }),
            0..3,
        ),
        prop::collection::vec(
            (
                any::<Index>(),
                any::<Index>(),
                (date(), date()),
                prop::collection::vec(raw_answer(), 0..4),
            )
                .prop_map(|(round, invitee, dates, answers)| RawResponse {
                    round,
                    invitee,
                    dates,
                    answers,
                }),
            0..4,
        ),
        prop::collection::vec(
            (
                prop::sample::select(TemplateKind::ALL.to_vec()),
                prop::sample::select(langs),
                free_text(),
                free_text(),
            ),
            0..4,
        ),
    )
        .prop_map(
            |(
                time_zone,
                days,
                thresholds,
                holidays,
                agreements,
                sessions,
                rounds,
                responses,
                templates,
            )| {
                RawSessions {
                    time_zone,
                    days,
                    thresholds,
                    holidays,
                    agreements,
                    sessions,
                    rounds,
                    responses,
                    templates,
                }
            },
        )
}

/// A valid sessions state for `people`: the picks are made to obey every
/// rule (unique ids and entries, known references, invited answers).
fn build_sessions(
    raw: RawSessions,
    people: &[Participant],
    objectives: &[Objective],
    skills: &[SkillId],
) -> SessionsState {
    let mut state = SessionsState::default();
    state.settings = SessionSettings {
        time_zone: raw.time_zone.to_string(),
        first_checkin_day: raw.days[0],
        checkin_every_days: raw.days[1],
        holidays: raw.holidays,
        alerts: AlertSettings {
            no_session_days: raw.days[2],
            low_rating: raw.thresholds[0],
            low_mood: raw.thresholds[1],
        },
    };
    for (t, (kind, lang, subject, body)) in raw.templates.into_iter().enumerate() {
        if state.template(kind, lang).is_none() {
            state.templates.push(TemplateOverride {
                kind,
                lang,
                subject: format!("{subject} {t}"),
                body,
            });
        }
    }
    let ids: Vec<ParticipantId> = people.iter().map(|p| p.id.clone()).collect();
    if ids.is_empty() {
        return state;
    }
    let objective_ids: Vec<ObjectiveId> = objectives.iter().map(|o| o.id.clone()).collect();
    let mut next_id = 0u64;
    let mut fresh = || {
        next_id += 1;
        seeded_bytes(0x5e55_1000 + next_id)
    };
    let pair_of = |(a, b): &(Index, Index)| PairKey::new(a.get(&ids).clone(), b.get(&ids).clone());

    for raw_agreement in raw.agreements {
        let pair = pair_of(&raw_agreement.pair);
        if state.agreement(&pair).is_some() {
            continue;
        }
        let goals = raw_agreement
            .goals
            .into_iter()
            .map(|g| {
                let [text, measure] = g.texts;
                Goal {
                    id: GoalId::from_random_bytes(fresh()),
                    direction: g.direction,
                    text,
                    measure,
                    skill: g.skill.map(|i| i.get(skills).clone()),
                    objective: g
                        .objective
                        .filter(|_| !objective_ids.is_empty())
                        .map(|i| i.get(&objective_ids).clone()),
                    target_date: g.target_date,
                    progress: g.progress,
                    milestones: g
                        .milestones
                        .into_iter()
                        .map(|(text, done)| Milestone { text, done })
                        .collect(),
                }
            })
            .collect();
        let (standard, custom) = raw_agreement.rules;
        state.agreements.push(Agreement {
            pair,
            goals,
            cadence: raw_agreement.cadence,
            session_minutes: raw_agreement.session_minutes,
            channel: raw_agreement.channel,
            ground_rules: GroundRules { standard, custom },
            review_dates: raw_agreement.review_dates,
            agreed_on: raw_agreement.agreed_on,
            notes: raw_agreement.notes,
        });
    }

    let at = |(date, minutes): (Date, u16)| LocalDateTime {
        date,
        time: LocalTime::from_minutes(minutes).unwrap(),
    };
    for r in raw.sessions {
        let agreement = match r.agreement {
            Some(i) if !state.agreements.is_empty() => Some(i.get(&state.agreements)),
            _ => None,
        };
        let pair = agreement.map_or_else(|| pair_of(&r.pair), |a| a.pair.clone());
        let goals: Vec<GoalId> = agreement
            .map(|a| a.goals.iter().map(|g| g.id.clone()).collect())
            .unwrap_or_default();
        let mut goal_progress: Vec<GoalProgress> = Vec::new();
        if !goals.is_empty() {
            for (goal, percent) in &r.progress {
                let goal = goal.get(&goals).clone();
                if goal_progress.iter().all(|p| p.goal != goal) {
                    goal_progress.push(GoalProgress {
                        goal,
                        percent: *percent,
                    });
                }
            }
        }
        state.sessions.push(Session {
            id: SessionId::from_random_bytes(fresh()),
            pair,
            start: at(r.start),
            minutes: r.minutes,
            status: r.status,
            rescheduled_from: r.rescheduled_from.map(at),
            topics: pick(skills, &r.topics),
            notes: r.notes,
            mentor_rating: r.ratings.0,
            mentee_rating: r.ratings.1,
            goal_progress,
            sequence: r.sequence,
        });
    }

    for r in raw.rounds {
        let invitations = pick(&ids, &r.invitees)
            .into_iter()
            .map(|participant| Invitation {
                participant,
                // Distinct, as fresh random tokens are.
                token: Token(fresh()),
            })
            .collect();
        state.rounds.push(CheckinRound {
            id: RoundId::from_random_bytes(fresh()),
            kind: r.kind,
            opens: r.opens,
            closes: r.opens.add_days(r.days_open).unwrap(),
            invitations,
        });
    }

    for r in raw.responses {
        if state.rounds.is_empty() {
            break;
        }
        let round = r.round.get(&state.rounds);
        if round.invitations.is_empty() {
            continue;
        }
        let participant = r.invitee.get(&round.invitations).participant.clone();
        let round = round.id.clone();
        if state
            .responses
            .iter()
            .any(|x| x.round == round && x.participant == participant)
        {
            continue;
        }
        let mut answers: Vec<Answer> = Vec::new();
        for (question, value) in r.answers {
            if answers.iter().all(|a| a.question != question) {
                answers.push(Answer {
                    question: question.to_string(),
                    value,
                });
            }
        }
        state.responses.push(Response {
            round,
            participant,
            answered_on: r.dates.0,
            imported_on: r.dates.1,
            answers,
        });
    }
    state
}

#[derive(Clone, Debug)]
struct RawImpact {
    min_sessions_held: u32,
    require_post_assessment: bool,
    issued_on: Option<Date>,
    /// Signer name and title: trimmed, as import leaves them.
    signer: [String; 2],
    /// Highlights, lessons, next steps: kept as typed.
    notes: [String; 3],
    include_comments: bool,
    leavers: Vec<(Index, Date)>,
}

fn raw_impact() -> impl Strategy<Value = RawImpact> {
    let trimmed = || free_text().prop_map(|t| t.trim().to_string());
    (
        0u32..=100,
        any::<bool>(),
        prop::option::of(date()),
        [trimmed(), trimmed()],
        [free_text(), free_text(), free_text()],
        any::<bool>(),
        prop::collection::vec((any::<Index>(), date()), 0..4),
    )
        .prop_map(
            |(
                min_sessions_held,
                require_post_assessment,
                issued_on,
                signer,
                notes,
                include_comments,
                leavers,
            )| RawImpact {
                min_sessions_held,
                require_post_assessment,
                issued_on,
                signer,
                notes,
                include_comments,
                leavers,
            },
        )
}

/// A valid impact state for `people`: leavers are distinct participants.
fn build_impact(raw: RawImpact, people: &[Participant]) -> ImpactState {
    let [signer_name, signer_title] = raw.signer;
    let [highlights, lessons, next_steps] = raw.notes;
    let mut leavers: Vec<Leaver> = Vec::new();
    if !people.is_empty() {
        for (who, left_on) in raw.leavers {
            let participant = who.get(people).id.clone();
            if !leavers.iter().any(|l| l.participant == participant) {
                leavers.push(Leaver {
                    participant,
                    left_on,
                });
            }
        }
    }
    ImpactState {
        certificates: CertificateCriteria {
            min_sessions_held: raw.min_sessions_held,
            require_post_assessment: raw.require_post_assessment,
            issued_on: raw.issued_on,
            signer_name,
            signer_title,
        },
        report: ReportNotes {
            highlights,
            lessons,
            next_steps,
            include_comments: raw.include_comments,
        },
        leavers,
    }
}

fn workspace_strategy() -> impl Strategy<Value = Workspace> {
    (
        program_strategy(),
        prop::collection::vec(raw_objective(), 0..3),
        prop::collection::vec(
            (
                name_text("Skill-x"),
                prop::sample::select(vec![SkillKind::Digital, SkillKind::Experience]),
            ),
            0..3,
        ),
        prop::collection::vec(raw_participant(), 0..6),
        raw_pairing(),
        raw_sessions(),
        raw_impact(),
    )
        .prop_map(
            |(mut program, objectives, skills, people, raw_pairing, raw_sessions, raw_impact)| {
                let mut catalogue = Catalogue::default();
                for (i, (name, kind)) in skills.into_iter().enumerate() {
                    let name = format!("{name} {i}");
                    let id = catalogue.new_custom_id(&name);
                    catalogue.custom.push(CustomSkill { id, name, kind });
                }
                let pool = all_skill_ids(&catalogue.custom);
                program.objectives = objectives
                    .into_iter()
                    .enumerate()
                    .map(|(i, o)| {
                        let [company_goal, owner_department, unit] = o.texts;
                        Objective {
                            id: ObjectiveId::from_random_bytes(seeded_bytes(
                                o.seed.wrapping_add(i as u64),
                            )),
                            title: format!("{} {i}", o.title),
                            company_goal,
                            owner_department,
                            kpi_name: o.kpi,
                            unit,
                            baseline: o.baseline,
                            target: o.target,
                            current: o.current,
                            skills: pick(&pool, &o.skills),
                        }
                    })
                    .collect();
                let mut participants: Vec<Participant> = Vec::new();
                for (i, r) in people.into_iter().enumerate() {
                    let id = ParticipantId::from_random_bytes(seeded_bytes(
                        r.seed.wrapping_add(i as u64),
                    ));
                    // Managers come from earlier people only: no loops, no self.
                    let manager = match (&r.manager, i) {
                        (Some(index), i) if i > 0 => Some(participants[index.index(i)].id.clone()),
                        _ => None,
                    };
                    let offered_ids = pick(
                        &pool,
                        &r.offered.iter().map(|(ix, _)| *ix).collect::<Vec<_>>(),
                    );
                    let skills_offered = offered_ids
                        .into_iter()
                        .zip(r.offered.iter().map(|(_, level)| *level))
                        .map(|(skill, level)| OfferedSkill { skill, level })
                        .collect();
                    let wanted_ids = pick(
                        &pool,
                        &r.wanted.iter().map(|(ix, _)| *ix).collect::<Vec<_>>(),
                    );
                    let skills_wanted = wanted_ids
                        .into_iter()
                        .zip(r.wanted.iter().map(|(_, priority)| *priority))
                        .map(|(skill, priority)| WantedSkill { skill, priority })
                        .collect();
                    let mut availability = Availability::default();
                    for (d, day) in Weekday::ALL.into_iter().enumerate() {
                        for (p, part) in DayPart::ALL.into_iter().enumerate() {
                            availability.set(day, part, r.availability & (1 << (d * 3 + p)) != 0);
                        }
                    }
                    let mut interests: Vec<String> = Vec::new();
                    for tag in r.interests {
                        if !interests.contains(&tag) {
                            interests.push(tag);
                        }
                    }
                    let [department, job_title, grade, location, notes, _] = r.texts;
                    participants.push(Participant {
                        id,
                        name: format!("{} {i}", r.name),
                        email: format!("{}.{i}@example.com", r.email_local),
                        role: r.role,
                        department,
                        job_title,
                        manager,
                        seniority: Seniority {
                            years: r.years,
                            grade,
                        },
                        languages: r.languages,
                        location,
                        time_zone: r.time_zone.to_string(),
                        skills_offered,
                        skills_wanted,
                        interests,
                        channels: r.channels,
                        availability,
                        capacity: r.capacity,
                        never_pair_with: Vec::new(),
                        consent_date: r.consent,
                        active: r.active,
                        notes,
                    });
                }
                let pairing = build_pairing(raw_pairing, &mut participants);
                let sessions =
                    build_sessions(raw_sessions, &participants, &program.objectives, &pool);
                let impact = build_impact(raw_impact, &participants);
                Workspace {
                    program,
                    participants,
                    catalogue,
                    pairing,
                    sessions,
                    impact,
                }
            },
        )
}

fn any_finite() -> impl Strategy<Value = f64> {
    prop::num::f64::POSITIVE
        | prop::num::f64::NEGATIVE
        | prop::num::f64::NORMAL
        | prop::num::f64::SUBNORMAL
        | prop::num::f64::ZERO
}

fn mutation() -> impl Strategy<Value = (Index, Option<u8>)> {
    // `None` truncates at the index; `Some(b)` overwrites one byte.
    (any::<Index>(), prop::option::weighted(0.8, any::<u8>()))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn valid_workspaces_round_trip_through_the_file(ws in workspace_strategy()) {
        let text = export_json(&ws, "2026-03-01T09:30:00Z");
        let preview = match import_bytes(text.as_bytes()) {
            Ok(preview) => preview,
            Err(problems) => return Err(TestCaseError::fail(format!("{problems:#?}\n{text}"))),
        };
        prop_assert_eq!(&preview.workspace, &ws);
        prop_assert_eq!(preview.exported_at.as_deref(), Some("2026-03-01T09:30:00Z"));
        prop_assert_eq!(preview.source_version, 1);
        prop_assert!(preview.warnings.iter().all(|w| w.kind == WarningKind::NoConsentDate));
        // Deterministic: exporting what was imported gives the same bytes.
        prop_assert_eq!(export_json(&preview.workspace, "2026-03-01T09:30:00Z"), text);
    }

    #[test]
    fn valid_workspaces_round_trip_through_storage(ws in workspace_strategy(), revision in any::<u64>(), demo in any::<bool>()) {
        let stored = Stored { workspace: ws, demo, revision, saved_at: "2026-03-01T09:30:00.123Z".into() };
        let text = encode_stored(&stored);
        prop_assert!(!text.contains('\n'));
        prop_assert_eq!(decode_stored(&text), Ok(stored));
    }

    /// Every finite f64, including 17-digit ones, needs serde_json's
    /// `float_roundtrip` feature (its default parser may be 1 ULP off).
    #[test]
    fn any_finite_f64_round_trips(baseline in any_finite(), target in any_finite(), current in prop::option::of(any_finite())) {
        prop_assume!(baseline != target);
        let mut ws = import_bytes(EXAMPLE.as_bytes()).unwrap().workspace;
        let objective = &mut ws.program.objectives[0];
        objective.baseline = baseline;
        objective.target = target;
        objective.current = current;
        let text = export_json(&ws, "2026-03-01T09:30:00Z");
        let preview = import_bytes(text.as_bytes());
        prop_assert_eq!(preview.map(|p| p.workspace), Ok(ws));
    }

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..512)) {
        let _ = import_bytes(&bytes);
        let _ = decode_stored(&String::from_utf8_lossy(&bytes));
    }

    #[test]
    fn arbitrary_json_never_panics(text in r#"[\[\]{}:,"0-9a-z\\ .\-eE]{0,200}"#) {
        let _ = import_bytes(text.as_bytes());
        let wrapped = format!(r#"{{"format":"inversa","version":1,"program":{text}}}"#);
        let _ = import_bytes(wrapped.as_bytes());
    }

    #[test]
    fn mutated_exports_never_panic(ws in workspace_strategy(), edits in prop::collection::vec(mutation(), 1..3)) {
        let mut bytes = export_json(&ws, "2026-03-01T09:30:00Z").into_bytes();
        for (at, byte) in edits {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match byte {
                Some(b) => bytes[i] = b,
                None => bytes.truncate(i),
            }
        }
        let _ = import_bytes(&bytes);
        let stored = Stored { workspace: ws, demo: false, revision: 1, saved_at: String::new() };
        let mut text = encode_stored(&stored).into_bytes();
        let i = text.len() / 2;
        text[i] = b'"';
        let _ = decode_stored(&String::from_utf8_lossy(&text));
    }

    #[test]
    fn mutated_docs_example_never_panics(edits in prop::collection::vec(mutation(), 1..4)) {
        let mut bytes = EXAMPLE.as_bytes().to_vec();
        for (at, byte) in edits {
            if bytes.is_empty() { break; }
            let i = at.index(bytes.len());
            match byte {
                Some(b) => bytes[i] = b,
                None => bytes.truncate(i),
            }
        }
        let _ = import_bytes(&bytes);
    }
}

#![cfg(not(target_arch = "wasm32"))]
//! The import pipeline against broken, hostile and random input, and round
//! trips of valid workspaces through the file and the storage envelope.

use std::time::Instant;

use inversa::domain::date::Date;
use inversa::domain::demo::demo_workspace;
use inversa::domain::ids::{ObjectiveId, ParticipantId, seeded_bytes};
use inversa::domain::matching::{Circle, Pair, PairKey, PairingState, Preset, Weights};
use inversa::domain::participants::{
    Availability, Channel, DayPart, OfferedSkill, Participant, Priority, Role, Seniority,
    WantedSkill, Weekday,
};
use inversa::domain::problem::{BinaryKind, Expected, JsonType, Problem, ProblemKind};
use inversa::domain::program::{Cadence, GroundRules, Objective, Program, StandardRule};
use inversa::domain::skills::{Catalogue, CustomSkill, DEFAULT_SKILLS, SkillId, SkillKind};
use inversa::domain::validation::validate_workspace;
use inversa::domain::workspace::Workspace;
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

/// The example with one change at a JSON pointer (`None` removes the field).
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
            (Value::Array(items), Some(v)) => items[key.parse::<usize>().unwrap()] = v.clone(),
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
        ("/sessions", Some(json!([]))),
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
                "sessions".into(),
                WarningKind::IgnoredField {
                    name: "sessions".into()
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
    // The example's pairs and never-pair lists name people replaced here.
    ws.pairing = PairingState::default();
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
    )
        .prop_map(|(mut program, objectives, skills, people, raw_pairing)| {
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
                let id =
                    ParticipantId::from_random_bytes(seeded_bytes(r.seed.wrapping_add(i as u64)));
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
            Workspace {
                program,
                participants,
                catalogue,
                pairing,
            }
        })
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

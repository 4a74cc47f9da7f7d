//! Check-ins without a server: rounds and tokens, personal links, signed
//! answers, and every way an answer coming back by email can be refused.

use inversa::domain::demo::demo_workspace;
use inversa::domain::ids::seeded_bytes;
use inversa::domain::matching::Pair;
use inversa::domain::participants::{OfferedSkill, Participant, Priority, Role, WantedSkill};
use inversa::domain::sessions::checkin::{
    self as rules, AnswerProblem, AnswerProblemKind, QuestionKind, SkillSide, apply_responses,
    invitees, new_round, round_status, suggested_window,
};
use inversa::domain::sessions::{Answer, AnswerValue, CheckinRound, RoundKind, Token};
use inversa::domain::{Date, Lang, ParticipantId, RoundId, SkillId, Workspace};
use inversa::io::checkin::{
    CODE_MARKER, LinkClosed, LinkError, LinkPayload, MAX_INPUT_BYTES, MalformedDetail,
    RejectReason, SignedResponse, base64url, link_fragment, link_payload, parse_link,
    read_responses, response_file_name, sign_response,
};
use proptest::prelude::*;
use serde_json::{Value, json};

fn date(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn id_of(ws: &Workspace, name: &str) -> ParticipantId {
    ws.participants
        .iter()
        .find(|p| p.name.starts_with(name))
        .unwrap_or_else(|| panic!("no {name} in the demo"))
        .id
        .clone()
}

fn names(ws: &Workspace, ids: &[ParticipantId]) -> Vec<String> {
    ids.iter()
        .map(|id| ws.participant(id).unwrap().name.clone())
        .collect()
}

/// A counter-based random source, so each draw is known and distinct.
fn draws(start: u64) -> impl FnMut() -> [u8; 16] {
    let mut n = start;
    move || {
        n += 1;
        seeded_bytes(n)
    }
}

const OPENS: &str = "2026-10-21";
const CLOSES: &str = "2026-11-04";
const ANSWERED: &str = "2026-10-25";

/// The demo with three accepted pairs (one mentee inactive) and a check-in
/// round sent to everyone it should be.
fn program() -> (Workspace, CheckinRound) {
    let mut ws = demo_workspace();
    for (mentor, mentee) in [
        ("Giulia", "Giorgio"),
        ("Pablo", "Carmen"),
        ("Marta", "Lucía"),
        ("Chiara", "Ana Belén"),
    ] {
        ws.pairing.pairs.push(Pair {
            mentor: id_of(&ws, mentor),
            mentee: id_of(&ws, mentee),
            since: Some(date("2026-09-21")),
        });
    }
    let people = invitees(&ws);
    let round = new_round(
        &ws,
        RoundKind::CheckIn,
        date(OPENS),
        date(CLOSES),
        &people,
        draws(1000),
    );
    ws.sessions.rounds.push(round.clone());
    (ws, round)
}

fn payload_for(ws: &Workspace, round: &CheckinRound, name: &str) -> LinkPayload {
    let who = id_of(ws, name);
    let invitation = round
        .invitations
        .iter()
        .find(|i| i.participant == who)
        .unwrap_or_else(|| panic!("{name} not invited"));
    parse_link(&link_fragment(ws, round, invitation)).expect("our own links parse")
}

fn answer(question: &str, value: AnswerValue) -> Answer {
    Answer {
        question: question.into(),
        value,
    }
}

fn good_answers(mood: u8) -> Vec<Answer> {
    vec![
        answer("going", AnswerValue::Scale(4)),
        answer("mood", AnswerValue::Scale(mood)),
        answer("progress", AnswerValue::Percent(40)),
        answer(
            "comment",
            AnswerValue::Text("Va bien — «gracias»\n¡Seguimos!".into()),
        ),
    ]
}

fn signed(ws: &Workspace, round: &CheckinRound, name: &str, mood: u8) -> SignedResponse {
    let payload = payload_for(ws, round, name);
    sign_response(&payload, good_answers(mood), date(ANSWERED)).expect("valid answers sign")
}

/// `code` with `extra` inserted after its `at`-th character past the marker
/// (the marker itself is never touched).
fn insert_in_body(code: &str, at: usize, extra: &str) -> String {
    let split = "INVERSA1.".len() + at;
    format!("{}{extra}{}", &code[..split], &code[split..])
}

fn input(label: &str, text: impl Into<String>) -> (String, String) {
    (label.to_string(), text.into())
}

/// Edits a signed answer file as someone on the way could.
fn edited(response: &SignedResponse, edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(&response.to_json()).unwrap();
    edit(&mut value);
    value.to_string()
}

#[test]
fn invitees_are_active_people_in_accepted_pairs_in_roster_order() {
    let (ws, round) = program();
    assert_eq!(
        names(&ws, &invitees(&ws)),
        [
            "Giorgio Bellandi",
            "Carmen Ruiz Aldana",
            "Lucía Fernández Ortega",
            "Giulia Marchetti",
            "Pablo Jiménez Rubio",
            "Chiara Lombardi",
            "Marta Sánchez León"
        ]
    );
    let invited: Vec<_> = round
        .invitations
        .iter()
        .map(|i| i.participant.clone())
        .collect();
    assert_eq!(invited, invitees(&ws));
}

#[test]
fn tokens_come_from_the_random_source_one_per_person() {
    let (ws, _) = program();
    let mut people = invitees(&ws);
    people.push(people[0].clone());
    people.push(ParticipantId::from_random_bytes(seeded_bytes(424242)));
    let round = new_round(
        &ws,
        RoundKind::PreAssessment,
        date(OPENS),
        date(CLOSES),
        &people,
        draws(0),
    );
    assert_eq!(round.id, RoundId::from_random_bytes(seeded_bytes(1)));
    assert_eq!(round.kind, RoundKind::PreAssessment);
    assert_eq!(
        round.invitations.len(),
        invitees(&ws).len(),
        "repeats and strangers dropped"
    );
    for (i, invitation) in round.invitations.iter().enumerate() {
        assert_eq!(invitation.token, Token(seeded_bytes(i as u64 + 2)));
        for other in &round.invitations[..i] {
            assert_ne!(invitation.token, other.token);
        }
    }
    // A second round draws fresh tokens for the same people.
    let again = new_round(
        &ws,
        RoundKind::CheckIn,
        date(OPENS),
        date(CLOSES),
        &people,
        draws(500),
    );
    assert_ne!(again.id, round.id);
    for (a, b) in again.invitations.iter().zip(&round.invitations) {
        assert_eq!(a.participant, b.participant);
        assert_ne!(a.token, b.token);
    }
}

#[test]
fn suggested_window_follows_the_settings() {
    let (mut ws, _) = program();
    ws.sessions.rounds.clear();
    // Pairs started 2026-09-21: first check-in at day 30, two weeks to answer.
    assert_eq!(
        suggested_window(&ws, date("2026-09-25")),
        (date("2026-10-21"), date("2026-11-04"))
    );
    ws.sessions.settings.first_checkin_day = 14;
    assert_eq!(
        suggested_window(&ws, date("2026-09-25")).0,
        date("2026-10-05")
    );
    assert_eq!(
        suggested_window(&ws, date("2026-10-09")),
        (date("2026-10-09"), date("2026-10-23")),
        "overdue: today, never in the past"
    );
}

#[test]
fn links_round_trip_and_carry_what_the_page_needs() {
    let (ws, round) = program();
    for invitation in &round.invitations {
        let fragment = link_fragment(&ws, &round, invitation);
        assert!(fragment.starts_with("checkin="), "{fragment}");
        assert!(
            fragment[8..]
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'),
            "URL-safe: {fragment}"
        );
        let expected = link_payload(&ws, &round, invitation);
        assert_eq!(parse_link(&fragment), Ok(expected.clone()));
        assert_eq!(parse_link(&format!("#{fragment}")), Ok(expected.clone()));
        assert_eq!(expected.token, invitation.token);
        assert_eq!(expected.round, round.id);
        assert_eq!(expected.program_name, ws.program.name);
        assert_eq!(
            (expected.opens, expected.closes),
            (round.opens, round.closes)
        );
        let ids: Vec<_> = expected.questions.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, ["going", "mood", "progress", "comment"]);
    }
    for (name, first, lang) in [
        ("Giorgio", "Giorgio", Lang::It),
        ("Carmen", "Carmen", Lang::Es),
    ] {
        let payload = payload_for(&ws, &round, name);
        assert_eq!((payload.first_name.as_str(), payload.lang), (first, lang));
    }
    // Self-assessments ask about the skills the person wants, the program's
    // own skills named in the link for a page that has no catalogue.
    let marta = id_of(&ws, "Marta");
    let assessment = new_round(
        &ws,
        RoundKind::PostAssessment,
        date(OPENS),
        date(CLOSES),
        std::slice::from_ref(&marta),
        draws(7),
    );
    let payload = parse_link(&link_fragment(&ws, &assessment, &assessment.invitations[0])).unwrap();
    assert_eq!(payload.kind, RoundKind::PostAssessment);
    assert_eq!(payload.lang, Lang::Es);
    let marta_person = ws.participant(&marta).unwrap();
    assert_eq!(
        payload.questions,
        rules::questions(RoundKind::PostAssessment, marta_person)
    );
    let cold_chain = SkillId::parse("custom-cold-chain").unwrap();
    assert!(
        payload
            .questions
            .iter()
            .any(|q| q.skill_id() == Some(cold_chain.clone()))
    );
    assert_eq!(payload.skill_label(&cold_chain), "Cold-chain logistics");
    for q in &payload.questions {
        if let Some(skill) = q.skill_id() {
            assert_eq!(
                payload.skill_label(&skill),
                ws.catalogue.label(&skill, Lang::Es)
            );
        }
    }
}

#[test]
fn damaged_and_newer_links_are_refused() {
    let (ws, round) = program();
    let good = link_fragment(&ws, &round, &round.invitations[0]);
    let encoded = |value: Value| {
        format!(
            "checkin={}",
            base64url::encode(value.to_string().as_bytes())
        )
    };
    let mut link: Value =
        serde_json::from_slice(&base64url::decode(&good.as_bytes()[8..]).unwrap()).unwrap();
    let mut newer = link.clone();
    newer["v"] = json!(2);
    let mut odd_question = link.clone();
    odd_question["questions"] = json!(["going", "weather"]);
    let mut backwards = link.clone();
    backwards["closes"] = json!("2026-10-01");
    link["token"] = json!("not hex");
    let cases = [
        (String::new(), LinkError::Malformed),
        ("checkin=".into(), LinkError::Malformed),
        ("other=abc".into(), LinkError::Malformed),
        (good[..good.len() - 5].to_string(), LinkError::Malformed),
        (good.replace("checkin=", "checkin=x"), LinkError::Malformed),
        (encoded(link), LinkError::Malformed),
        (encoded(backwards), LinkError::Malformed),
        (encoded(newer), LinkError::NewerVersion(2)),
        (
            encoded(odd_question),
            LinkError::UnknownQuestion("weather".into()),
        ),
        (
            format!("checkin={}", "A".repeat(20_000)),
            LinkError::Malformed,
        ),
    ];
    for (fragment, error) in cases {
        assert_eq!(parse_link(&fragment), Err(error), "{fragment:.60}");
    }
}

#[test]
fn a_link_is_open_from_opens_to_closes_inclusive() {
    let (ws, round) = program();
    let payload = payload_for(&ws, &round, "Giorgio");
    let cases = [
        ("2026-10-20", Err(LinkClosed::NotYet(date(OPENS)))),
        (OPENS, Ok(())),
        ("2026-10-30", Ok(())),
        (CLOSES, Ok(())),
        ("2026-11-05", Err(LinkClosed::Expired(date(CLOSES)))),
    ];
    for (today, expected) in cases {
        assert_eq!(payload.is_open(date(today)), expected, "{today}");
    }
}

#[test]
fn answers_are_validated_before_signing() {
    let (ws, round) = program();
    let payload = payload_for(&ws, &round, "Giorgio");
    let problem = |question: &str, kind| AnswerProblem {
        question: question.into(),
        kind,
    };
    let range = |max| AnswerProblemKind::OutOfRange {
        min: if max == 5 { 1 } else { 0 },
        max,
    };
    let cases: Vec<(Vec<Answer>, Vec<AnswerProblem>)> = vec![
        (good_answers(3), vec![]),
        (
            vec![
                answer("going", AnswerValue::Scale(1)),
                answer("mood", AnswerValue::Scale(5)),
            ],
            vec![],
        ),
        (
            vec![
                answer("going", AnswerValue::Scale(3)),
                answer("mood", AnswerValue::Scale(3)),
                answer("comment", AnswerValue::Text("   \n ".into())),
            ],
            vec![],
        ),
        (
            vec![answer("going", AnswerValue::Scale(3))],
            vec![problem("mood", AnswerProblemKind::Missing)],
        ),
        (
            vec![],
            vec![
                problem("going", AnswerProblemKind::Missing),
                problem("mood", AnswerProblemKind::Missing),
            ],
        ),
        (
            vec![
                answer("going", AnswerValue::Scale(0)),
                answer("mood", AnswerValue::Scale(6)),
                answer("progress", AnswerValue::Percent(101)),
            ],
            vec![
                problem("going", range(5)),
                problem("mood", range(5)),
                problem("progress", range(100)),
            ],
        ),
        (
            vec![
                answer("going", AnswerValue::Text("fine".into())),
                answer("mood", AnswerValue::Percent(3)),
                answer("comment", AnswerValue::Text("ü".repeat(1001))),
                answer("weather", AnswerValue::Scale(3)),
                answer("going", AnswerValue::Scale(3)),
            ],
            vec![
                problem("going", AnswerProblemKind::WrongType),
                problem("mood", AnswerProblemKind::WrongType),
                problem("comment", AnswerProblemKind::TooLong { max_chars: 1000 }),
                problem("weather", AnswerProblemKind::Unknown),
                problem("going", AnswerProblemKind::Repeated),
            ],
        ),
    ];
    for (answers, problems) in cases {
        let label = format!("{answers:?}");
        match sign_response(&payload, answers, date(ANSWERED)) {
            Ok(_) => assert!(problems.is_empty(), "{label} should fail"),
            Err(found) => assert_eq!(found, problems, "{label}"),
        }
    }
    let exactly_max = vec![
        answer("going", AnswerValue::Scale(2)),
        answer("mood", AnswerValue::Scale(2)),
        answer("comment", AnswerValue::Text("ü".repeat(1000))),
    ];
    let kept = sign_response(&payload, exactly_max, date(ANSWERED)).unwrap();
    assert_eq!(kept.answers.len(), 3);
    assert_eq!(
        payload.questions[3].kind,
        QuestionKind::Text { max_chars: 1000 }
    );
}

#[test]
fn a_signature_verifies_only_with_its_token_and_answers() {
    let (ws, round) = program();
    let response = signed(&ws, &round, "Giorgio", 4);
    let giorgio = payload_for(&ws, &round, "Giorgio");
    let carmen = payload_for(&ws, &round, "Carmen");
    assert!(response.verify(giorgio.token));
    assert!(!response.verify(carmen.token));
    let mut changed = response.clone();
    changed.answers[1].value = AnswerValue::Scale(5);
    assert!(!changed.verify(giorgio.token));
    let mut later = response.clone();
    later.answered_on = date("2026-10-26");
    assert!(!later.verify(giorgio.token));
    // Same answers, same token: the same signature (files are reproducible).
    assert_eq!(
        signed(&ws, &round, "Giorgio", 4).signature,
        response.signature
    );

    let file: Value = serde_json::from_str(&response.to_json()).unwrap();
    assert_eq!(file["format"], "inversa-response");
    assert_eq!(file["version"], 1);
    assert_eq!(file["round"], round.id.as_str());
    assert_eq!(file["participant"], giorgio.participant.as_str());
    assert_eq!(file["answered_on"], ANSWERED);
    assert_eq!(file["answers"][1], json!({"question": "mood", "value": 4}));
    assert_eq!(file["signature"].as_str().map(str::len), Some(64));
    let code = response.to_code();
    assert!(code.starts_with("INVERSA1."), "{code}");
    assert!(
        code.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"-_.".contains(&b)),
        "mail-safe: {code}"
    );
    assert_eq!(
        response_file_name(&giorgio, date(ANSWERED)),
        "inversa-checkin-giorgio-2026-10-25.json"
    );
    let mut nameless = giorgio.clone();
    nameless.first_name = "李".into();
    assert_eq!(
        response_file_name(&nameless, date(ANSWERED)),
        "inversa-checkin-2026-10-25.json"
    );
}

#[test]
fn accepted_answers_attach_to_their_person_and_round() {
    let (mut ws, round) = program();
    let giorgio = signed(&ws, &round, "Giorgio", 4);
    let carmen = signed(&ws, &round, "Carmen", 2);
    let today = date("2026-10-27");
    let import = read_responses(
        &ws,
        &[
            input("inversa-checkin-giorgio.json", giorgio.to_json()),
            input("pasted code 1", carmen.to_code()),
        ],
        today,
    );
    assert_eq!(import.rejected, vec![]);
    assert_eq!(import.accepted.len(), 2);
    let first = &import.accepted[0];
    assert_eq!(first.participant, id_of(&ws, "Giorgio"));
    assert_eq!(
        (first.answered_on, first.imported_on),
        (date(ANSWERED), today)
    );
    assert_eq!(first.answers, giorgio.answers);
    assert_eq!(
        import.accepted[1].answer("mood"),
        Some(&AnswerValue::Scale(2))
    );
    assert_eq!(
        import.accepted[1].answer("progress"),
        Some(&AnswerValue::Percent(40))
    );

    apply_responses(&mut ws.sessions, import.accepted.clone());
    apply_responses(&mut ws.sessions, import.accepted.clone());
    assert_eq!(
        ws.sessions.responses.len(),
        2,
        "applying twice keeps one each"
    );
    let status = round_status(&ws, &round);
    assert_eq!(status.len(), round.invitations.len());
    for (person, response) in status {
        let answered = person == id_of(&ws, "Giorgio") || person == id_of(&ws, "Carmen");
        assert_eq!(response.is_some(), answered, "{person}");
        if let Some(response) = response {
            assert_eq!(response.participant, person);
        }
    }
}

#[test]
fn codes_survive_what_mail_clients_do_to_them() {
    let (ws, round) = program();
    let code = signed(&ws, &round, "Giorgio", 4).to_code();
    let other = signed(&ws, &round, "Carmen", 3).to_code();
    let wrapped: String = code
        .as_bytes()
        .chunks(60)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect::<Vec<_>>()
        .join("\r\n");
    let quoted = format!("> {}", wrapped.replace("\r\n", "\r\n> "));
    let cases = [
        format!("  {code}  \n"),
        wrapped.clone(),
        format!("Hi! Here is my answer:\n\n{wrapped}\n\nThanks,\nGiorgio"),
        format!("My answer: {wrapped}\nThanks,\nGiorgio Bellandi\n"),
        quoted,
        insert_in_body(&insert_in_body(&code, 40, "\u{200b}\u{ad}"), 20, "\u{a0}"),
        insert_in_body(&code, 80, "\t \n   "),
        insert_in_body(&code, 33, "\n> "),
    ];
    for text in cases {
        let import = read_responses(&ws, &[input("pasted", text.clone())], date(ANSWERED));
        assert_eq!(import.rejected, vec![], "{text}");
        assert_eq!(import.accepted.len(), 1, "{text}");
    }
    let both = read_responses(
        &ws,
        &[input("pasted", format!("{code}\n{other}\n"))],
        date(ANSWERED),
    );
    assert_eq!(both.accepted.len(), 2);
}

/// How one input is judged: the reasons, in order.
fn reasons(ws: &Workspace, inputs: &[(String, String)]) -> Vec<RejectReason> {
    let import = read_responses(ws, inputs, date("2026-11-10"));
    import.rejected.into_iter().map(|r| r.reason).collect()
}

#[test]
fn rejections_table() {
    let (mut ws, round) = program();
    let giorgio = signed(&ws, &round, "Giorgio", 4);
    let carmen_id = id_of(&ws, "Carmen");

    // Carmen's answer signed with Giorgio's token: someone answering for her.
    let mut forged_payload = payload_for(&ws, &round, "Carmen");
    forged_payload.token = payload_for(&ws, &round, "Giorgio").token;
    let forged = sign_response(&forged_payload, good_answers(1), date(ANSWERED)).unwrap();

    // A round from another program (or a deleted one).
    let mut foreign_payload = payload_for(&ws, &round, "Giorgio");
    foreign_payload.round = RoundId::from_random_bytes(seeded_bytes(77));
    let foreign = sign_response(&foreign_payload, good_answers(3), date(ANSWERED)).unwrap();

    // Someone in the program but not in this round (Ana Belén is inactive).
    let mut outsider_payload = payload_for(&ws, &round, "Giorgio");
    outsider_payload.participant = id_of(&ws, "Ana Belén");
    let outsider = sign_response(&outsider_payload, good_answers(3), date(ANSWERED)).unwrap();

    let on = |day: &str| {
        let payload = payload_for(&ws, &round, "Giorgio");
        sign_response(&payload, good_answers(3), date(day))
            .unwrap()
            .to_code()
    };

    // A page whose question list was edited signs answers the round refuses.
    let mut loose_payload = payload_for(&ws, &round, "Giorgio");
    for q in &mut loose_payload.questions {
        q.required = false;
        if q.id == "mood" {
            q.kind = QuestionKind::Percent;
        }
    }
    let loose = sign_response(
        &loose_payload,
        vec![answer("mood", AnswerValue::Percent(80))],
        date(ANSWERED),
    )
    .unwrap();

    let code = giorgio.to_code();
    let json = giorgio.to_json();
    // Cut after a whole number of base64 groups: decodes, but the JSON is cut.
    let whole_groups = 9 + ((code.len() - 9) / 4 - 1) * 4;
    type Case = (&'static str, Vec<(String, String)>, Vec<RejectReason>);
    let cases: Vec<Case> = vec![
        (
            "tampered value",
            vec![input(
                "f",
                edited(&giorgio, |v| v["answers"][1]["value"] = json!(1)),
            )],
            vec![RejectReason::Tampered],
        ),
        (
            "tampered comment",
            vec![input(
                "f",
                edited(&giorgio, |v| v["answers"][3]["value"] = json!("All fine")),
            )],
            vec![RejectReason::Tampered],
        ),
        (
            "tampered participant",
            vec![input(
                "f",
                edited(&giorgio, |v| v["participant"] = json!(carmen_id.as_str())),
            )],
            vec![RejectReason::Tampered],
        ),
        (
            "answer dropped",
            vec![input(
                "f",
                edited(&giorgio, |v| {
                    v["answers"].as_array_mut().unwrap().pop();
                }),
            )],
            vec![RejectReason::Tampered],
        ),
        (
            "date moved",
            vec![input(
                "f",
                edited(&giorgio, |v| v["answered_on"] = json!("2026-10-22")),
            )],
            vec![RejectReason::Tampered],
        ),
        (
            "signed with another person's token",
            vec![input("f", forged.to_json())],
            vec![RejectReason::Tampered],
        ),
        (
            "unknown round",
            vec![input("f", foreign.to_code())],
            vec![RejectReason::UnknownRound],
        ),
        (
            "not invited",
            vec![input("f", outsider.to_json())],
            vec![RejectReason::NotInvited],
        ),
        (
            "twice in the batch, identical",
            vec![input("a", code.clone()), input("b", json.clone())],
            vec![RejectReason::Duplicate],
        ),
        (
            "twice in the batch, different",
            vec![
                input("a", code.clone()),
                input("b", signed(&ws, &round, "Giorgio", 1).to_code()),
            ],
            vec![RejectReason::Duplicate],
        ),
        (
            "expired",
            vec![input("f", on("2026-11-05"))],
            vec![RejectReason::Expired(date(CLOSES))],
        ),
        (
            "not yet open",
            vec![input("f", on("2026-10-20"))],
            vec![RejectReason::NotYetOpen(date(OPENS))],
        ),
        (
            "newer file version",
            vec![input("f", edited(&giorgio, |v| v["version"] = json!(2)))],
            vec![RejectReason::NewerVersion(2)],
        ),
        (
            "newer code version",
            vec![input("f", code.replacen("INVERSA1.", "INVERSA2.", 1))],
            vec![RejectReason::NewerVersion(2)],
        ),
        (
            "invalid answers",
            vec![input("f", loose.to_json())],
            vec![RejectReason::InvalidAnswers(vec![
                AnswerProblem {
                    question: "mood".into(),
                    kind: AnswerProblemKind::OutOfRange { min: 1, max: 5 },
                },
                AnswerProblem {
                    question: "going".into(),
                    kind: AnswerProblemKind::Missing,
                },
            ])],
        ),
        (
            "truncated code",
            vec![input("f", &code[..whole_groups])],
            vec![RejectReason::Malformed(MalformedDetail::Json)],
        ),
        (
            "code with a character too many",
            vec![input("f", format!("{}A", &code[..whole_groups]))],
            vec![RejectReason::Malformed(MalformedDetail::Encoding)],
        ),
        (
            "garbage",
            vec![input("f", "Thanks for the session! See you Tuesday.")],
            vec![RejectReason::Malformed(MalformedDetail::NothingFound)],
        ),
        (
            "code with stray characters",
            vec![input("f", insert_in_body(&code, 10, "!"))],
            vec![RejectReason::Malformed(MalformedDetail::Encoding)],
        ),
        (
            "another JSON file",
            vec![input("f", r#"{"format":"inversa","version":1}"#)],
            vec![RejectReason::Malformed(MalformedDetail::NotAResponse)],
        ),
        (
            "extra field",
            vec![input("f", edited(&giorgio, |v| v["note"] = json!("hi")))],
            vec![RejectReason::Malformed(MalformedDetail::Field(
                "note".into(),
            ))],
        ),
        (
            "uppercase id",
            vec![input(
                "f",
                edited(&giorgio, |v| {
                    v["round"] = json!(v["round"].as_str().unwrap().to_uppercase())
                }),
            )],
            vec![RejectReason::Malformed(MalformedDetail::Field(
                "round".into(),
            ))],
        ),
        (
            "fractional value",
            vec![input(
                "f",
                edited(&giorgio, |v| v["answers"][0]["value"] = json!(4.5)),
            )],
            vec![RejectReason::Malformed(MalformedDetail::Field(
                "answers[0].value".into(),
            ))],
        ),
        (
            "too large",
            vec![input("f", " ".repeat(MAX_INPUT_BYTES + 1))],
            vec![RejectReason::TooLarge],
        ),
        (
            "too large file",
            vec![input(
                "f",
                edited(&giorgio, |v| {
                    v["answers"][3]["value"] = json!("x".repeat(70_000))
                }),
            )],
            vec![RejectReason::TooLarge],
        ),
    ];
    for (label, inputs, expected) in &cases {
        assert_eq!(&reasons(&ws, inputs), expected, "{label}");
    }

    // Already imported earlier.
    let first = read_responses(&ws, &[input("a", code.clone())], date(ANSWERED));
    apply_responses(&mut ws.sessions, first.accepted);
    let again = read_responses(&ws, &[input("a again", json.clone())], date(ANSWERED));
    assert_eq!(again.accepted, vec![]);
    assert_eq!(again.rejected.len(), 1);
    let rejected = &again.rejected[0];
    assert_eq!(rejected.reason, RejectReason::Duplicate);
    assert_eq!(rejected.source, "a again");
    assert_eq!(rejected.participant, Some(id_of(&ws, "Giorgio")));
    assert_eq!(rejected.position, None);
}

#[test]
fn several_codes_in_one_text_are_numbered() {
    let (ws, round) = program();
    let good = signed(&ws, &round, "Carmen", 3).to_code();
    let text = format!(
        "INVERSA1.not-a-code!\n{good}\n{}",
        signed(&ws, &round, "Carmen", 5).to_code()
    );
    let import = read_responses(&ws, &[input("pasted codes", text)], date(ANSWERED));
    assert_eq!(import.accepted.len(), 1);
    let positions: Vec<_> = import
        .rejected
        .iter()
        .map(|r| (r.source.as_str(), r.position, r.reason.clone()))
        .collect();
    assert_eq!(
        positions,
        [
            (
                "pasted codes",
                Some(1),
                RejectReason::Malformed(MalformedDetail::Encoding)
            ),
            ("pasted codes", Some(3), RejectReason::Duplicate),
        ]
    );
}

/// One edit of a code: replace, insert or delete one character.
#[derive(Clone, Debug)]
enum Mutation {
    Replace(usize, char),
    Insert(usize, char),
    Delete(usize),
}

fn mutate(code: &str, mutation: &Mutation) -> Option<String> {
    let mut chars: Vec<char> = code.chars().collect();
    match *mutation {
        Mutation::Replace(at, c) => {
            let at = at % chars.len();
            if chars[at] == c {
                return None;
            }
            chars[at] = c;
        }
        // Text before the marker is a greeting, not part of the code.
        Mutation::Insert(at, c) => chars.insert(1 + at % chars.len(), c),
        Mutation::Delete(at) => {
            let at = at % chars.len();
            chars.remove(at);
        }
    }
    Some(chars.into_iter().collect())
}

/// Characters a mutation may use: not whitespace (which mail-tolerant
/// reading rightly ignores), everything else including base64url itself.
fn visible_char() -> impl Strategy<Value = char> {
    prop_oneof![
        proptest::sample::select(
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_.={}\">/+é"
                .chars()
                .collect::<Vec<_>>()
        ),
        any::<char>().prop_filter("visible", |c| !c.is_whitespace()
            && !matches!(
                *c,
                '\u{ad}' | '\u{200b}' | '\u{200c}' | '\u{200d}' | '\u{2060}' | '\u{feff}'
            )),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        (any::<usize>(), visible_char()).prop_map(|(at, c)| Mutation::Replace(at, c)),
        (any::<usize>(), visible_char()).prop_map(|(at, c)| Mutation::Insert(at, c)),
        any::<usize>().prop_map(Mutation::Delete),
    ]
}

fn fixture() -> (Workspace, String) {
    let (ws, round) = program();
    let code = signed(&ws, &round, "Giorgio", 4).to_code();
    (ws, code)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn a_mutated_code_is_never_accepted(m in mutation(), mood in 1u8..=5) {
        let (ws, round) = program();
        let code = signed(&ws, &round, "Giorgio", mood).to_code();
        // A character put before the code leaves the code itself whole (codes
        // are found inside pasted text), so that is not a mutation of it.
        if let Some(text) = mutate(&code, &m).filter(|t| !t.ends_with(&code)) {
            let import = read_responses(&ws, &[input("p", text.clone())], date(ANSWERED));
            prop_assert!(import.accepted.is_empty(), "{m:?} accepted: {text}");
            prop_assert!(!import.rejected.is_empty());
        }
    }

    #[test]
    fn reading_never_panics_on_random_text(
        bytes in proptest::collection::vec(any::<u8>(), 0..3000),
        text in ".{0,400}",
        b64 in "[A-Za-z0-9_\\- \n>]{0,800}",
    ) {
        let (ws, _) = fixture();
        let inputs = [
            input("bytes", String::from_utf8_lossy(&bytes).into_owned()),
            input("text", text.clone()),
            input("code", format!("{CODE_MARKER}1.{b64}")),
            input("json", format!("{{{text}")),
        ];
        let import = read_responses(&ws, &inputs, date(ANSWERED));
        prop_assert!(import.accepted.is_empty());
        prop_assert!(import.rejected.len() >= inputs.len());
        let _ = parse_link(&text);
        let _ = parse_link(&format!("checkin={b64}"));
    }

    #[test]
    fn reading_never_panics_on_mangled_codes(
        ms in proptest::collection::vec(mutation(), 1..8),
        blank in any::<bool>(),
    ) {
        let (ws, mut code) = fixture();
        for m in &ms {
            code = mutate(&code, m).unwrap_or(code);
        }
        if blank {
            code = code.replacen('A', "A\n \n", 1);
        }
        let _ = read_responses(&ws, &[input("p", code)], date(ANSWERED));
    }
}

// ------------------------------------------------------ self-assessments

fn person_with(role: Role, seed: u64, wanted: &[&str], offered: &[&str]) -> Participant {
    let mut p = Participant::new(ParticipantId::from_random_bytes(seeded_bytes(seed)), role);
    p.skills_wanted = wanted
        .iter()
        .map(|s| WantedSkill {
            skill: SkillId::parse(s).unwrap(),
            priority: Priority::Important,
        })
        .collect();
    p.skills_offered = offered
        .iter()
        .map(|s| OfferedSkill {
            skill: SkillId::parse(s).unwrap(),
            level: 4,
        })
        .collect();
    p
}

#[test]
fn questions_per_round_kind_and_role_table() {
    let mentee = person_with(
        Role::Mentee,
        1,
        &["ai-tools", "social-media", "ai-tools"],
        &["leadership"],
    );
    let mentor = person_with(
        Role::ReverseMentor,
        2,
        &["leadership"],
        &["ai-tools", "custom-cold-chain"],
    );
    let bare = person_with(Role::Mentee, 3, &[], &[]);
    const SURVEY: [&str; 3] = ["satisfaction", "applied", "recommend"];
    let (mentee, mentor, bare) = (&mentee, &mentor, &bare);
    let cases: Vec<(RoundKind, &Participant, Vec<&str>)> = vec![
        (
            RoundKind::CheckIn,
            mentee,
            vec!["going", "mood", "progress", "comment"],
        ),
        (
            RoundKind::CheckIn,
            mentor,
            vec!["going", "mood", "progress", "comment"],
        ),
        (
            RoundKind::PreAssessment,
            mentee,
            vec![
                "skill:ai-tools",
                "skill:social-media",
                "confidence",
                "offer:leadership",
                "comment",
            ],
        ),
        (
            RoundKind::PreAssessment,
            mentor,
            vec![
                "skill:leadership",
                "confidence",
                "offer:ai-tools",
                "offer:custom-cold-chain",
                "comment",
            ],
        ),
        (
            RoundKind::PreAssessment,
            bare,
            vec!["confidence", "comment"],
        ),
        (
            RoundKind::PostAssessment,
            mentee,
            vec![
                "skill:ai-tools",
                "skill:social-media",
                "confidence",
                "offer:leadership",
                "satisfaction",
                "applied",
                "recommend",
                "comment",
            ],
        ),
        (
            RoundKind::PostAssessment,
            mentor,
            vec![
                "skill:leadership",
                "confidence",
                "offer:ai-tools",
                "offer:custom-cold-chain",
                "satisfaction",
                "applied",
                "recommend",
                "comment",
            ],
        ),
        (
            RoundKind::PostAssessment,
            bare,
            vec![
                "confidence",
                "satisfaction",
                "applied",
                "recommend",
                "comment",
            ],
        ),
    ];
    for (kind, person, expected) in cases {
        let asked = rules::questions(kind, person);
        let ids: Vec<&str> = asked.iter().map(|q| q.id.as_str()).collect();
        assert_eq!(ids, expected, "{kind:?} {:?}", person.role);
        for q in &asked {
            // Read back from the id alone, as links and answer files are.
            assert_eq!(
                rules::question_for(kind, &q.id).as_ref(),
                Some(q),
                "{kind:?} {}",
                q.id
            );
            let survey = SURVEY.contains(&q.id.as_str());
            let check_in_required =
                kind == RoundKind::CheckIn && (q.id == "going" || q.id == "mood");
            assert_eq!(q.required, survey || check_in_required, "{kind:?} {}", q.id);
            if q.id != "comment" && q.id != "progress" {
                assert_eq!(q.kind, QuestionKind::Scale, "{}", q.id);
            }
        }
    }
    // Ids and sides parse back both ways.
    for side in [SkillSide::Wanted, SkillSide::Offered] {
        let skill = SkillId::parse("custom-cold-chain").unwrap();
        let id = match side {
            SkillSide::Wanted => rules::skill_answer_id(&skill),
            SkillSide::Offered => rules::offer_answer_id(&skill),
        };
        assert_eq!(rules::skill_answer(&id), Some((side, skill)), "{id}");
    }
}

/// Marta's post-program assessment, from her own link, every question answered.
fn post_assessment(ws: &mut Workspace) -> (CheckinRound, LinkPayload) {
    let marta = id_of(ws, "Marta");
    let round = new_round(
        ws,
        RoundKind::PostAssessment,
        date(OPENS),
        date(CLOSES),
        std::slice::from_ref(&marta),
        draws(9000),
    );
    ws.sessions.rounds.push(round.clone());
    let payload = parse_link(&link_fragment(ws, &round, &round.invitations[0])).unwrap();
    (round, payload)
}

fn answer_all(questions: &[rules::Question]) -> Vec<Answer> {
    questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let value = match q.kind {
                QuestionKind::Text { .. } => AnswerValue::Text("Gracias por todo".into()),
                QuestionKind::Percent => AnswerValue::Percent(50),
                QuestionKind::Scale => AnswerValue::Scale(i as u8 % 5 + 1),
            };
            answer(&q.id, value)
        })
        .collect()
}

#[test]
fn a_signed_post_assessment_reads_back_with_offer_and_survey_answers() {
    let (mut ws, _) = program();
    let (round, payload) = post_assessment(&mut ws);
    let ids: Vec<&str> = payload.questions.iter().map(|q| q.id.as_str()).collect();
    assert_eq!(
        ids,
        [
            "skill:leadership",
            "skill:custom-cold-chain",
            "skill:change-management",
            "confidence",
            "offer:collaboration-tools",
            "offer:mobile-apps",
            "offer:remote-work",
            "satisfaction",
            "applied",
            "recommend",
            "comment",
        ]
    );
    let signed = sign_response(&payload, answer_all(&payload.questions), date(ANSWERED)).unwrap();
    for text in [signed.to_json(), signed.to_code()] {
        let import = read_responses(&ws, &[input("marta", text)], date(ANSWERED));
        assert_eq!(import.rejected, vec![]);
        let [response] = &import.accepted[..] else {
            panic!("one answer expected: {:?}", import.accepted);
        };
        assert_eq!(response.round, round.id);
        assert_eq!(response.answers, signed.answers);
        assert_eq!(
            response.answer("offer:mobile-apps"),
            Some(&AnswerValue::Scale(1))
        );
        assert_eq!(response.answer("recommend"), Some(&AnswerValue::Scale(5)));
    }

    // The survey is required: a page that dropped it signs an answer the
    // round refuses, every missing question named.
    let mut loose = payload.clone();
    loose.questions.retain(|q| !q.required);
    let partial = sign_response(&loose, answer_all(&loose.questions), date(ANSWERED)).unwrap();
    let missing = |question: &str| AnswerProblem {
        question: question.into(),
        kind: AnswerProblemKind::Missing,
    };
    assert_eq!(
        reasons(&ws, &[input("marta", partial.to_code())]),
        [RejectReason::InvalidAnswers(vec![
            missing("satisfaction"),
            missing("applied"),
            missing("recommend"),
        ])]
    );
}

#[test]
fn answers_to_questions_a_round_never_asks_are_refused() {
    let (mut ws, round) = program();
    let (_, post) = post_assessment(&mut ws);
    let pre_round = new_round(
        &ws,
        RoundKind::PreAssessment,
        date(OPENS),
        date(CLOSES),
        &[id_of(&ws, "Giorgio")],
        draws(9500),
    );
    ws.sessions.rounds.push(pre_round.clone());
    let pre = parse_link(&link_fragment(&ws, &pre_round, &pre_round.invitations[0])).unwrap();
    let check_in = payload_for(&ws, &round, "Giorgio");
    let cases: [(&str, &LinkPayload, &str); 6] = [
        ("survey in a pre-assessment", &pre, "satisfaction"),
        ("offer in a check-in", &check_in, "offer:leadership"),
        ("skill in a check-in", &check_in, "skill:leadership"),
        ("bad skill id", &post, "offer:Cold Chain"),
        ("no skill id", &post, "offer:"),
        ("unknown prefix", &post, "teach:leadership"),
    ];
    for (name, payload, question) in cases {
        // A page made to ask one more question signs its answer as usual.
        let mut extended = payload.clone();
        extended.questions.push(rules::Question {
            id: question.into(),
            kind: QuestionKind::Scale,
            required: false,
        });
        let mut answers = answer_all(&payload.questions);
        answers.push(answer(question, AnswerValue::Scale(3)));
        let signed = sign_response(&extended, answers, date(ANSWERED)).unwrap();
        assert_eq!(
            reasons(&ws, &[input(name, signed.to_code())]),
            [RejectReason::InvalidAnswers(vec![AnswerProblem {
                question: question.into(),
                kind: AnswerProblemKind::Unknown,
            }])],
            "{name}"
        );
        // Nor does the page accept a link asking it.
        let mut link: Value = serde_json::from_slice(
            &base64url::decode(&link_fragment_of(&ws, payload).as_bytes()[8..]).unwrap(),
        )
        .unwrap();
        link["questions"]
            .as_array_mut()
            .unwrap()
            .push(json!(question));
        let fragment = format!("checkin={}", base64url::encode(link.to_string().as_bytes()));
        assert_eq!(
            parse_link(&fragment),
            Err(LinkError::UnknownQuestion(question.into())),
            "{name}"
        );
    }
}

/// The fragment of the link a payload was read from.
fn link_fragment_of(ws: &Workspace, payload: &LinkPayload) -> String {
    let round = ws
        .sessions
        .rounds
        .iter()
        .find(|r| r.id == payload.round)
        .unwrap();
    let invitation = round
        .invitations
        .iter()
        .find(|i| i.participant == payload.participant)
        .unwrap();
    link_fragment(ws, round, invitation)
}

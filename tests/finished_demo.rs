//! The finished demo program: valid, saved and read back unchanged, and shaped
//! the way the Impact page and the CSV exports need (every story it is meant
//! to tell is there, in the numbers it was built with).

use inversa::domain::demo::{demo_workspace, finished_demo_workspace};
use inversa::domain::impact::CertificateCriteria;
use inversa::domain::matching::PairKey;
use inversa::domain::sessions::checkin::{self, validate_answers};
use inversa::domain::sessions::{
    AnswerValue, GoalDirection, Response, RoundKind, SessionStatus, SessionsState,
};
use inversa::domain::validation::validate_workspace;
use inversa::domain::{Date, ParticipantId, Workspace};
use inversa::io::storage::{Stored, decode_stored, encode_stored};
use std::collections::BTreeSet;

fn day(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

fn round_of(ws: &Workspace, kind: RoundKind) -> Vec<&inversa::domain::sessions::CheckinRound> {
    ws.sessions
        .rounds
        .iter()
        .filter(|r| r.kind == kind)
        .collect()
}

fn answers_to<'a>(state: &'a SessionsState, round: &inversa::domain::RoundId) -> Vec<&'a Response> {
    state
        .responses
        .iter()
        .filter(|r| &r.round == round)
        .collect()
}

fn names(ws: &Workspace, ids: &BTreeSet<&ParticipantId>) -> BTreeSet<String> {
    ids.iter()
        .map(|id| ws.participant(id).unwrap().name.clone())
        .collect()
}

#[test]
fn finished_demo_is_valid_and_repeatable() {
    let ws = finished_demo_workspace();
    assert_eq!(validate_workspace(&ws), vec![]);
    assert_eq!(ws, finished_demo_workspace());
    // The roster is the demo's: only dates, activity and what followed differ.
    let demo = demo_workspace();
    let roster = |ws: &Workspace| -> Vec<(String, String)> {
        ws.participants
            .iter()
            .map(|p| (p.id.to_string(), p.name.clone()))
            .collect()
    };
    assert_eq!(roster(&ws), roster(&demo));
}

#[test]
fn finished_demo_saves_and_loads_unchanged() {
    let ws = finished_demo_workspace();
    let stored = Stored {
        workspace: ws.clone(),
        demo: true,
        revision: 1,
        saved_at: "2026-09-30T09:00:00Z".into(),
    };
    let back = decode_stored(&encode_stored(&stored))
        .unwrap_or_else(|problems| panic!("the finished demo is refused: {problems:?}"))
        .workspace;
    // Section by section, so a failure names what was lost.
    assert!(back.program == ws.program, "program differs");
    assert!(back.participants == ws.participants, "participants differ");
    assert!(back.pairing == ws.pairing, "pairing differs");
    assert!(back.sessions == ws.sessions, "sessions differ");
    assert!(back.impact == ws.impact, "impact differs");
    assert_eq!(back, ws);
}

#[test]
fn program_ran_and_ended_with_measured_objectives() {
    let ws = finished_demo_workspace();
    let (start, end) = (day("2026-03-02"), day("2026-08-28"));
    assert_eq!(
        (ws.program.start_date, ws.program.end_date),
        (Some(start), Some(end))
    );
    assert!(
        ws.participants
            .iter()
            .all(|p| p.consent_date.is_some_and(|d| d < start)),
        "everyone consented before the start"
    );
    assert!(ws.program.objectives.iter().all(|o| o.current.is_some()));
    assert_eq!(
        ws.impact.certificates.min_sessions_held,
        CertificateCriteria::default().min_sessions_held
    );
    assert!(!ws.impact.certificates.signer_name.is_empty());
    assert!(!ws.impact.certificates.signer_title.is_empty());
}

#[test]
fn pairs_agreements_and_sessions_have_the_intended_shape() {
    let ws = finished_demo_workspace();
    let state = &ws.sessions;
    // Every active mentee of the demo (11 of 12) got a reverse mentor.
    assert_eq!(ws.pairing.pairs.len(), 11);
    assert!(
        ws.pairing
            .pairs
            .iter()
            .all(|p| p.since == Some(day("2026-03-02")))
    );
    assert_eq!(state.agreements.len(), 11);

    let leaver_pairs: Vec<PairKey> = ws
        .pairing
        .pairs
        .iter()
        .filter(|p| ws.impact.left_on(&p.mentor).is_some())
        .map(|p| p.key())
        .collect();
    assert_eq!(leaver_pairs.len(), 1, "one pair cut short by a leaver");
    let mut fizzled = 0;
    let mut held_total = 0;
    let mut goals = (0, 0, 0); // (completed, partial, not started)
    for pair in &ws.pairing.pairs {
        let key = pair.key();
        let agreement = state.agreement(&key).unwrap();
        assert!(agreement.agreed_on.is_some());
        for direction in GoalDirection::ALL {
            assert!(
                agreement.goals.iter().any(|g| g.direction == direction),
                "goals both ways"
            );
        }
        for goal in &agreement.goals {
            match goal.percent() {
                100 => goals.0 += 1,
                0 => goals.2 += 1,
                _ => goals.1 += 1,
            }
        }
        let sessions = state.sessions_of(&key);
        let count = |status| sessions.iter().filter(|s| s.status == status).count();
        let held = count(SessionStatus::Held);
        held_total += held;
        for s in sessions.iter().filter(|s| s.status == SessionStatus::Held) {
            assert!(!s.topics.is_empty());
            assert!(s.start.date <= day("2026-08-28"));
        }
        if held == 2 {
            fizzled += 1;
            assert_eq!(count(SessionStatus::Cancelled), 2);
            assert!(count(SessionStatus::Planned) > 0, "the rest never logged");
        } else if leaver_pairs.contains(&key) {
            let left = ws.impact.left_on(&key.mentor).unwrap();
            assert!(
                sessions
                    .iter()
                    .filter(|s| s.start.date > left)
                    .all(|s| s.status == SessionStatus::Cancelled)
            );
        } else {
            assert!(held >= 8, "a steady pair holds most sessions: {held}");
            assert_eq!(count(SessionStatus::Planned), 0, "everything logged");
        }
    }
    assert_eq!(fizzled, 1);
    assert_eq!(held_total, 110);
    let held: Vec<_> = state
        .sessions
        .iter()
        .filter(|s| s.status == SessionStatus::Held)
        .collect();
    let rated_by_both = held
        .iter()
        .filter(|s| s.mentor_rating.is_some() && s.mentee_rating.is_some())
        .count();
    assert!(
        rated_by_both * 4 > held.len() * 3,
        "{rated_by_both} of {}",
        held.len()
    );
    assert!(
        held.iter().any(|s| s.rescheduled_from.is_some()),
        "some were moved"
    );
    assert!(
        held.iter().any(|s| !s.goal_progress.is_empty()),
        "progress is logged"
    );
    let (completed, partial, not_started) = goals;
    assert!(completed > partial && partial > 0, "{goals:?}");
    assert_eq!(not_started, 0);
}

#[test]
fn checkins_come_at_days_30_90_150_and_most_answer() {
    let ws = finished_demo_workspace();
    let rounds = round_of(&ws, RoundKind::CheckIn);
    let opens: Vec<Date> = rounds.iter().map(|r| r.opens).collect();
    assert_eq!(
        opens,
        [day("2026-04-01"), day("2026-05-31"), day("2026-07-30")]
    );
    let counts: Vec<(usize, usize)> = rounds
        .iter()
        .map(|r| (r.invitations.len(), answers_to(&ws.sessions, &r.id).len()))
        .collect();
    // 20 people in pairs; the reverse mentor who left in June is not asked in July.
    assert_eq!(counts, [(20, 18), (20, 17), (19, 15)]);
    for round in rounds {
        for response in answers_to(&ws.sessions, &round.id) {
            for question in [checkin::GOING, checkin::MOOD, checkin::PROGRESS] {
                assert!(response.answer(question).is_some(), "{question}");
            }
        }
    }
    let comments = ws
        .sessions
        .responses
        .iter()
        .filter(|r| r.answer(checkin::COMMENT).is_some())
        .count();
    assert!(comments >= 3, "a few comments: {comments}");
}

#[test]
fn answers_are_inside_their_round_and_fit_its_questions() {
    let ws = finished_demo_workspace();
    for response in &ws.sessions.responses {
        let round = ws
            .sessions
            .rounds
            .iter()
            .find(|r| r.id == response.round)
            .unwrap();
        assert!(
            (round.opens..=round.closes).contains(&response.answered_on),
            "{:?} answered {}",
            round.kind,
            response.answered_on
        );
        assert!(response.imported_on >= response.answered_on);
        let person = ws.participant(&response.participant).unwrap();
        let asked = checkin::questions(round.kind, person);
        assert_eq!(
            validate_answers(&asked, &response.answers),
            vec![],
            "{:?} of {}",
            round.kind,
            person.name
        );
    }
}

#[test]
fn assessments_before_and_after_tell_gains_honestly() {
    let ws = finished_demo_workspace();
    let (pre, post) = (
        round_of(&ws, RoundKind::PreAssessment),
        round_of(&ws, RoundKind::PostAssessment),
    );
    assert_eq!((pre.len(), post.len()), (1, 1));
    let (pre, post) = (pre[0], post[0]);
    assert_eq!(
        (pre.opens, pre.closes),
        (day("2026-03-02"), day("2026-03-09"))
    );
    assert!(post.opens > day("2026-08-28"));
    let before = answers_to(&ws.sessions, &pre.id);
    let after = answers_to(&ws.sessions, &post.id);
    assert_eq!(
        (
            pre.invitations.len(),
            before.len(),
            post.invitations.len(),
            after.len()
        ),
        (20, 17, 19, 17)
    );

    let who = |list: &[&Response]| -> BTreeSet<ParticipantId> {
        list.iter().map(|r| r.participant.clone()).collect()
    };
    let (answered_pre, answered_post) = (who(&before), who(&after));
    let pre_only: BTreeSet<&ParticipantId> = answered_pre.difference(&answered_post).collect();
    let post_only: BTreeSet<&ParticipantId> = answered_post.difference(&answered_pre).collect();
    assert_eq!((pre_only.len(), post_only.len()), (2, 2));
    // One of those who answered only before is the reverse mentor who left.
    assert!(
        pre_only.iter().any(|id| ws.impact.left_on(id).is_some()),
        "{:?}",
        names(&ws, &pre_only)
    );

    // Every question asked: one per skill wanted and offered, the survey after.
    for response in before.iter().chain(&after) {
        let person = ws.participant(&response.participant).unwrap();
        for wanted in &person.skills_wanted {
            assert!(
                response
                    .answer(&format!("skill:{}", wanted.skill))
                    .is_some()
            );
        }
        for offered in &person.skills_offered {
            assert!(
                response
                    .answer(&format!("offer:{}", offered.skill))
                    .is_some()
            );
        }
        let survey = ["satisfaction", "applied", "recommend"]
            .iter()
            .filter(|q| response.answer(q).is_some())
            .count();
        assert_eq!(survey, if response.round == post.id { 3 } else { 0 });
    }

    // Gains on the skills people want: mostly up, some flat, exactly two down.
    let (mut up, mut flat, mut down) = (0, 0, 0);
    for response in &after {
        let Some(first) = before
            .iter()
            .find(|b| b.participant == response.participant)
        else {
            continue;
        };
        for answer in response
            .answers
            .iter()
            .filter(|a| a.question.starts_with("skill:"))
        {
            let (Some(AnswerValue::Scale(was)), AnswerValue::Scale(is)) =
                (first.answer(&answer.question), &answer.value)
            else {
                panic!("skill answers are scales");
            };
            match is.cmp(was) {
                std::cmp::Ordering::Greater => up += 1,
                std::cmp::Ordering::Equal => flat += 1,
                std::cmp::Ordering::Less => down += 1,
            }
        }
    }
    assert!(up > 2 * flat && flat > 0, "up {up}, flat {flat}");
    assert_eq!(down, 2);
}

#[test]
fn leavers_are_recorded_and_inactive() {
    let ws = finished_demo_workspace();
    assert_eq!(ws.impact.leavers.len(), 2);
    let (start, end) = (day("2026-03-02"), day("2026-08-28"));
    for leaver in &ws.impact.leavers {
        assert!((start..=end).contains(&leaver.left_on));
        assert!(!ws.participant(&leaver.participant).unwrap().active);
    }
    // Besides the leavers, only the demo's one inactive person.
    assert_eq!(ws.participants.iter().filter(|p| !p.active).count(), 3);
}

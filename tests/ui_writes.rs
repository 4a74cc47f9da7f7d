//! Every kind of write the Sessions page (and the pages that touch sessions
//! data) makes, in the order a coordinator might make them, through the same
//! core functions the UI calls. After each step the workspace must validate
//! and come back unchanged through the autosave envelope: a write that broke
//! this would make the next visit set the stored program aside as unreadable.

use inversa::domain::demo::demo_workspace;
use inversa::domain::ids::seeded_bytes;
use inversa::domain::matching::PairKey;
use inversa::domain::matching::pairing::accept;
use inversa::domain::sessions::checkin::{
    apply_responses, delete_round, invitees, new_round, suggested_window,
};
use inversa::domain::sessions::log::{self, SessionEntry};
use inversa::domain::sessions::templates::{TemplateTooLong, save_override};
use inversa::domain::sessions::{
    Answer, AnswerValue, Goal, GoalDirection, GoalProgress, LocalDateTime, LocalTime, Milestone,
    RoundKind, SessionStatus, TemplateKind, TemplateOverride, agreement, schedule, tz,
};
use inversa::domain::validation::{limits, looks_like_time_zone, validate_workspace};
use inversa::domain::{
    CustomSkill, Date, GoalId, Lang, ParticipantId, ProblemKind, Role, RoundId, SessionId,
    SkillKind, Workspace,
};
use inversa::io::checkin::{link_fragment, parse_link, read_responses, sign_response};
use inversa::io::storage::{Stored, decode_stored, encode_stored};

/// A deterministic stand-in for the browser's random bytes.
struct Draws(u64);

impl Draws {
    fn next(&mut self) -> [u8; 16] {
        self.0 += 1;
        seeded_bytes(self.0)
    }
}

fn day(text: &str) -> Date {
    Date::parse_iso(text).unwrap()
}

/// What the next visit does with the autosaved text: decode and validate.
fn assert_saves_and_loads(ws: &Workspace, step: &str) {
    assert_eq!(validate_workspace(ws), vec![], "after {step}");
    let stored = Stored {
        workspace: ws.clone(),
        demo: false,
        revision: 7,
        saved_at: "2026-10-01T09:00:00Z".into(),
    };
    let back = decode_stored(&encode_stored(&stored))
        .unwrap_or_else(|problems| panic!("after {step}, the saved data is refused: {problems:?}"));
    assert_eq!(
        back.workspace, *ws,
        "after {step}, the saved data reads back differently"
    );
}

/// The signed answer a person sends back for `round`, as a paste-able code.
fn answer_code(ws: &Workspace, round: &RoundId, who: &ParticipantId, mood: u8) -> String {
    let round = ws.sessions.rounds.iter().find(|r| &r.id == round).unwrap();
    let invitation = round
        .invitations
        .iter()
        .find(|i| &i.participant == who)
        .unwrap();
    let payload = parse_link(&link_fragment(ws, round, invitation)).unwrap();
    let answers = vec![
        Answer {
            question: "going".into(),
            value: AnswerValue::Scale(4),
        },
        Answer {
            question: "mood".into(),
            value: AnswerValue::Scale(mood),
        },
        Answer {
            question: "comment".into(),
            value: AnswerValue::Text("ñ".repeat(1000)),
        },
    ];
    sign_response(&payload, answers, round.opens)
        .expect("valid answers sign")
        .to_code()
}

/// Imports answers the way the round section does: read, then keep.
fn import(ws: &mut Workspace, codes: Vec<String>, today: Date) -> usize {
    let inputs: Vec<(String, String)> = codes
        .into_iter()
        .map(|code| ("pasted".to_string(), code))
        .collect();
    let read = read_responses(ws, &inputs, today);
    assert_eq!(read.rejected, vec![]);
    let count = read.accepted.len();
    apply_responses(&mut ws.sessions, read.accepted);
    count
}

fn goal(draws: &mut Draws, direction: GoalDirection, text: &str) -> Goal {
    let mut goal = Goal::new(GoalId::from_random_bytes(draws.next()), direction);
    goal.text = text.to_string();
    goal
}

#[test]
fn every_sessions_write_keeps_the_saved_workspace_readable() {
    let mut draws = Draws(50_000);
    let mut ws = demo_workspace();
    let today = day("2026-11-20");
    let active = |ws: &Workspace, role: Role| -> Vec<ParticipantId> {
        ws.participants
            .iter()
            .filter(|p| p.role == role && p.active)
            .map(|p| p.id.clone())
            .collect()
    };
    let (mentors, mentees) = (active(&ws, Role::ReverseMentor), active(&ws, Role::Mentee));
    let pairs: Vec<PairKey> = (0..3)
        .map(|i| PairKey::new(mentors[i].clone(), mentees[i].clone()))
        .collect();
    let key = pairs[0].clone();
    accept(&mut ws.pairing, &pairs, Some(day("2026-09-14")));
    assert_saves_and_loads(&ws, "accepting pairs");

    // Program settings, at the edges the settings fields clamp to.
    for zone in tz::ZONES {
        assert!(looks_like_time_zone(zone), "{zone} is offered but refused");
    }
    let settings = &mut ws.sessions.settings;
    settings.time_zone = tz::ZONES[tz::ZONES.len() - 1].to_string();
    settings.alerts.no_session_days = limits::MAX_SETTING_DAYS;
    settings.alerts.low_rating = 4;
    settings.alerts.low_mood = 1;
    settings.first_checkin_day = 1;
    settings.checkin_every_days = limits::MAX_SETTING_DAYS;
    settings.holidays = vec![day("2026-12-08"), day("2026-12-25")];
    assert_saves_and_loads(&ws, "changing settings");

    // The agreement, with every text at its input's maxlength.
    let mut edited = agreement::ensure(&mut ws.sessions, &ws.program, &key).clone();
    let objective = ws.program.objectives[0].id.clone();
    let skill = ws.catalogue.entries(Lang::En)[0].0.clone();
    let mut learns = goal(
        &mut draws,
        GoalDirection::MenteeLearns,
        &"g".repeat(limits::GOAL_TEXT),
    );
    learns.measure = "m".repeat(limits::GOAL_TEXT);
    learns.objective = Some(objective.clone());
    learns.skill = Some(skill.clone());
    learns.target_date = Some(day("2027-02-01"));
    learns.milestones = vec![Milestone {
        text: "s".repeat(limits::MILESTONE),
        done: true,
    }];
    let back = goal(
        &mut draws,
        GoalDirection::MentorLearns,
        "Client conversations",
    );
    let dropped_later = goal(&mut draws, GoalDirection::MenteeLearns, "Spreadsheets");
    edited.goals = vec![learns.clone(), back.clone(), dropped_later.clone()];
    edited
        .ground_rules
        .custom
        .push("r".repeat(limits::GROUND_RULE));
    edited.notes = "n".repeat(limits::NOTES);
    edited.agreed_on = Some(day("2026-09-20"));
    assert_eq!(agreement::replace(&mut ws.sessions, edited.clone()), 0);
    assert_saves_and_loads(&ws, "saving the agreement");

    // A schedule for each pair, then logging.
    for pair in &pairs {
        let spec = schedule::default_spec(&ws, pair, day("2026-09-14"));
        let times = schedule::generate(&spec);
        assert!(
            schedule::apply(&mut ws.sessions, pair, &times, spec.minutes, || {
                SessionId::from_random_bytes(draws.next())
            }) > 0
        );
    }
    assert_saves_and_loads(&ws, "generating schedules");

    let first = ws.sessions.sessions_of(&key)[0].id.clone();
    let mut entry = SessionEntry::from_session(log::find(&ws.sessions, &first).unwrap());
    entry.status = SessionStatus::Held;
    entry.minutes = log::MAX_MINUTES;
    entry.topics = vec![skill.clone(), skill.clone()];
    entry.notes = "x".repeat(limits::NOTES);
    entry.mentor_rating = Some(1);
    entry.mentee_rating = Some(5);
    entry.goal_progress = [&learns, &back, &dropped_later]
        .iter()
        .map(|g| GoalProgress {
            goal: g.id.clone(),
            percent: 100,
        })
        .collect();
    log::record(&mut ws.sessions, entry, today).expect("a valid entry is kept");
    assert_saves_and_loads(&ws, "logging a session with progress on every goal");

    let unplanned = SessionId::from_random_bytes(draws.next());
    let start = LocalDateTime {
        date: day("2026-10-02"),
        time: LocalTime::new(8, 30).unwrap(),
    };
    let mut copy = ws.sessions.clone();
    log::add_unplanned(
        &mut copy,
        key.clone(),
        start,
        log::MIN_MINUTES,
        unplanned.clone(),
    );
    let mut entry = SessionEntry::from_session(log::find(&copy, &unplanned).unwrap());
    entry.goal_progress = vec![GoalProgress {
        goal: dropped_later.id.clone(),
        percent: 30,
    }];
    log::record(&mut copy, entry, today).expect("an unplanned session is kept");
    ws.sessions = copy;
    assert_saves_and_loads(&ws, "logging an unplanned session");

    let second = ws.sessions.sessions_of(&key)[1].id.clone();
    log::quick_status(&mut ws.sessions, &second, SessionStatus::Cancelled, today).unwrap();
    assert_saves_and_loads(&ws, "cancelling a session");

    // Removing a goal that sessions logged progress on: the entries go too.
    let mut without = edited.clone();
    without.goals.retain(|g| g.id != dropped_later.id);
    let mut naive = ws.clone();
    *naive.sessions.agreement_mut(&key).unwrap() = without.clone();
    assert!(
        validate_workspace(&naive)
            .iter()
            .any(|p| matches!(p.kind, ProblemKind::UnknownGoal { .. })),
        "replacing the agreement alone would leave progress on a removed goal"
    );
    assert_eq!(agreement::replace(&mut ws.sessions, without), 2);
    assert_saves_and_loads(&ws, "removing a goal with logged progress");

    // Planning again keeps the log and reuses ids.
    let spec = schedule::default_spec(&ws, &key, today);
    let times = schedule::generate(&spec);
    schedule::apply(&mut ws.sessions, &key, &times, spec.minutes, || {
        SessionId::from_random_bytes(draws.next())
    });
    assert_saves_and_loads(&ws, "re-planning a pair");

    // Check-in rounds and answers.
    let people = invitees(&ws);
    let (opens, closes) = suggested_window(&ws, today);
    let round = new_round(&ws, RoundKind::CheckIn, opens, closes, &people, || {
        draws.next()
    });
    let round_id = round.id.clone();
    ws.sessions.rounds.push(round);
    assert_saves_and_loads(&ws, "creating a round");
    let codes = vec![
        answer_code(&ws, &round_id, &key.mentor, 1),
        answer_code(&ws, &round_id, &key.mentee, 4),
    ];
    assert_eq!(import(&mut ws, codes.clone(), opens), 2);
    assert_saves_and_loads(&ws, "importing answers");
    assert_eq!(import(&mut ws, vec![], opens), 0);

    let later = new_round(
        &ws,
        RoundKind::PostAssessment,
        opens,
        closes,
        &people,
        || draws.next(),
    );
    let later_id = later.id.clone();
    ws.sessions.rounds.push(later);
    // Read while the round exists, kept after it was deleted: skipped.
    let read = read_responses(
        &ws,
        &[("late".to_string(), {
            let payload = parse_link(&link_fragment(
                &ws,
                &ws.sessions.rounds[1],
                &ws.sessions.rounds[1].invitations[0],
            ))
            .unwrap();
            sign_response(
                &payload,
                ["confidence", "satisfaction", "applied", "recommend"]
                    .into_iter()
                    .map(|question| Answer {
                        question: question.into(),
                        value: AnswerValue::Scale(3),
                    })
                    .collect(),
                opens,
            )
            .unwrap()
            .to_code()
        })],
        opens,
    );
    assert_eq!(read.accepted.len(), 1, "{:?}", read.rejected);
    assert!(delete_round(&mut ws.sessions, &later_id).is_some());
    apply_responses(&mut ws.sessions, read.accepted);
    assert_saves_and_loads(&ws, "an answer arriving for a deleted round");

    assert!(delete_round(&mut ws.sessions, &round_id).is_some());
    assert!(ws.sessions.responses.is_empty());
    assert_saves_and_loads(&ws, "deleting a round with answers");

    // Messages.
    let own = TemplateOverride {
        kind: TemplateKind::Nudge,
        lang: Lang::Es,
        subject: "s".repeat(limits::TEMPLATE_SUBJECT),
        body: "b".repeat(limits::TEMPLATE_BODY),
    };
    save_override(&mut ws.sessions, own.clone()).unwrap();
    save_override(&mut ws.sessions, own.clone()).unwrap();
    assert_saves_and_loads(&ws, "saving a template twice");
    let before = ws.clone();
    let too_long = TemplateOverride {
        body: "b".repeat(limits::TEMPLATE_BODY + 1),
        ..own
    };
    assert_eq!(
        save_override(&mut ws.sessions, too_long),
        Err(vec![TemplateTooLong::Body])
    );
    assert_eq!(ws, before);

    // Other pages: a custom skill used as a topic cannot be removed, so
    // using one must show as in use.
    let custom = ws.catalogue.new_custom_id("Pivot tables");
    ws.catalogue.custom.push(CustomSkill {
        id: custom.clone(),
        name: "Pivot tables".into(),
        kind: SkillKind::Digital,
    });
    let third = ws.sessions.sessions_of(&key)[2].id.clone();
    let mut entry = SessionEntry::from_session(log::find(&ws.sessions, &third).unwrap());
    entry.topics = vec![custom.clone()];
    log::record(&mut ws.sessions, entry, today).unwrap();
    assert!(ws.sessions.uses_skill(&custom));
    assert_saves_and_loads(&ws, "logging a custom skill as a topic");

    // The program drops the objective a goal served.
    ws.program.objectives.retain(|o| o.id != objective);
    let kept: Vec<_> = ws.program.objectives.iter().map(|o| o.id.clone()).collect();
    ws.sessions.unlink_objectives(&kept);
    assert_saves_and_loads(&ws, "deleting an objective linked by a goal");

    // A new round with answers, then people leave or change sides.
    let round = new_round(&ws, RoundKind::CheckIn, opens, closes, &people, || {
        draws.next()
    });
    let round_id = round.id.clone();
    ws.sessions.rounds.push(round);
    let codes = vec![
        answer_code(&ws, &round_id, &key.mentor, 2),
        answer_code(&ws, &round_id, &pairs[1].mentee, 3),
    ];
    assert_eq!(import(&mut ws, codes, opens), 2);
    assert_saves_and_loads(&ws, "a second round");

    ws.remove_participant(&key.mentor);
    assert!(ws.sessions.agreement(&key).is_none());
    assert_saves_and_loads(&ws, "removing a participant with sessions and answers");

    let mut switched = ws.participant(&pairs[1].mentee).unwrap().clone();
    switched.role = Role::ReverseMentor;
    ws.upsert_participant(switched);
    assert_saves_and_loads(&ws, "changing the role of someone with a log");

    let gone = ws.sessions.sessions_of(&pairs[2])[0].id.clone();
    assert!(log::remove(&mut ws.sessions, &gone).is_some());
    assert_saves_and_loads(&ws, "removing a session");
}

/// The Sessions page assesses every pair at each edit, so `assess` indexes the
/// records once instead of scanning every session and answer per pair. With
/// 2,000 people in 1,000 pairs, a year of fortnightly sessions each and two
/// answered check-in rounds (`synthetic::running_program`, the benchmark's program),
/// each pair must still see exactly its own records
/// (timing lives in `bench/`, not here).
#[test]
fn a_thousand_pairs_are_each_assessed_on_their_own_records() {
    use inversa::domain::sessions::alerts;
    use inversa::domain::synthetic::running_program;

    let ws = running_program();
    let pairs = &ws.pairing.pairs;
    let list = alerts::assess(&ws, day("2026-10-20"));
    assert_eq!(list.len(), pairs.len());
    // Each pair sees exactly its own records.
    for health in list.iter().step_by(97) {
        assert_eq!((health.held, health.planned_ahead), (20, 5));
        assert_eq!(
            health.last_held,
            Some(day("2026-01-05").add_days(14 * 19).unwrap())
        );
    }
    let sample = &ws.pairing.pairs[500];
    assert_eq!(
        alerts::assess_pair(&ws, sample, day("2026-10-20")),
        list[500]
    );
}

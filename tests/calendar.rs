//! Schedules, time zones and the `.ics` export, checked against independent
//! references: the IANA database (chrono-tz) for the built-in zone rules, and
//! an iCalendar parser (the `icalendar` crate) reading the exported files back.
#![cfg(not(target_arch = "wasm32"))]

use chrono::{NaiveDate, NaiveDateTime, Offset, TimeZone};
use chrono_tz::Tz;
use icalendar::parser::{read_calendar, unfold};
use icalendar::{Calendar, CalendarDateTime, Component, DatePerhapsTime, EventStatus};
use inversa::domain::demo::demo_workspace;
use inversa::domain::ids::seeded_bytes;
use inversa::domain::matching::PairKey;
use inversa::domain::matching::pairing::{accept, propose};
use inversa::domain::sessions::model::{
    Agreement, HolidayPolicy, LocalDateTime, LocalTime, ScheduleSpec, Session, SessionStatus,
    SessionsState,
};
use inversa::domain::sessions::{schedule, tz};
use inversa::domain::{
    Availability, Cadence, Channel, Date, DayPart, GroundRules, ParticipantId, SessionId, Weekday,
    Workspace,
};
use inversa::io::ics::{self, IcsText, UtcStamp};

// ───────────────────────────── helpers ─────────────────────────────

fn date(text: &str) -> Date {
    Date::parse_iso(text).unwrap_or_else(|| panic!("bad date {text}"))
}

fn at(text: &str) -> LocalDateTime {
    let (day, time) = text.split_once(' ').expect("`YYYY-MM-DD HH:MM`");
    LocalDateTime {
        date: date(day),
        time: LocalTime::parse(time).expect("HH:MM"),
    }
}

fn hm(hour: u8, minute: u8) -> LocalTime {
    LocalTime::new(hour, minute).unwrap()
}

fn spec(start: &str, cadence: Cadence, count: u16, weekday: Weekday) -> ScheduleSpec {
    ScheduleSpec {
        start: date(start),
        cadence,
        count,
        weekday,
        time: hm(10, 0),
        minutes: 30,
        holidays: vec![],
        holiday_policy: HolidayPolicy::Ignore,
    }
}

fn dates(times: &[LocalDateTime]) -> Vec<String> {
    times.iter().map(|t| t.date.to_string()).collect()
}

fn ids() -> impl FnMut() -> SessionId {
    let mut n = 1000;
    move || {
        n += 1;
        SessionId::from_random_bytes(seeded_bytes(n))
    }
}

fn naive(at: LocalDateTime) -> NaiveDateTime {
    NaiveDate::from_ymd_opt(at.date.year(), at.date.month().into(), at.date.day().into())
        .unwrap()
        .and_hms_opt(at.time.hour().into(), at.time.minute().into(), 0)
        .unwrap()
}

fn local_of(at: NaiveDateTime) -> LocalDateTime {
    use chrono::{Datelike, Timelike};
    LocalDateTime {
        date: Date::new(at.year(), at.month() as u8, at.day() as u8).unwrap(),
        time: hm(at.hour() as u8, at.minute() as u8),
    }
}

fn iana(name: &str) -> Tz {
    name.parse()
        .unwrap_or_else(|_| panic!("{name} is not an IANA zone"))
}

/// The offset (minutes) the IANA database gives at a UTC instant.
fn iana_offset_at_utc(zone: Tz, utc: NaiveDateTime) -> i32 {
    zone.offset_from_utc_datetime(&utc).fix().local_minus_utc() / 60
}

fn stamp() -> UtcStamp {
    UtcStamp::parse_iso("2026-11-25T10:00:00Z").unwrap()
}

// ───────────────────────────── schedules ─────────────────────────────

#[test]
fn schedule_dates_table() {
    use Cadence::*;
    use Weekday::*;
    let cases: &[(&str, ScheduleSpec, &[&str])] = &[
        (
            "weekly, start on the weekday",
            spec("2026-10-06", Weekly, 4, Tue),
            &["2026-10-06", "2026-10-13", "2026-10-20", "2026-10-27"],
        ),
        (
            "weekly, start the day after the weekday",
            spec("2026-10-07", Weekly, 4, Tue),
            &["2026-10-13", "2026-10-20", "2026-10-27", "2026-11-03"],
        ),
        (
            "fortnightly from the demo program's start",
            spec("2026-09-14", Fortnightly, 4, Mon),
            &["2026-09-14", "2026-09-28", "2026-10-12", "2026-10-26"],
        ),
        (
            "fortnightly across New Year",
            spec("2026-12-20", Fortnightly, 3, Wed),
            &["2026-12-23", "2027-01-06", "2027-01-20"],
        ),
        (
            "monthly on the 2nd Tuesday",
            spec("2026-10-08", Monthly, 4, Tue),
            &["2026-10-13", "2026-11-10", "2026-12-08", "2027-01-12"],
        ),
        (
            "monthly on the 1st Monday",
            spec("2026-09-01", Monthly, 3, Mon),
            &["2026-09-07", "2026-10-05", "2026-11-02"],
        ),
        (
            "monthly on the 4th Saturday (day 24 is not the last week)",
            spec("2026-10-24", Monthly, 2, Sat),
            &["2026-10-24", "2026-11-28"],
        ),
        (
            "month ends: the last Friday of each month",
            spec("2026-07-25", Monthly, 6, Fri),
            &[
                "2026-07-31",
                "2026-08-28",
                "2026-09-25",
                "2026-10-30",
                "2026-11-27",
                "2026-12-25",
            ],
        ),
        (
            "a 31st start keeps the last Thursday",
            spec("2026-12-31", Monthly, 5, Thu),
            &[
                "2026-12-31",
                "2027-01-28",
                "2027-02-25",
                "2027-03-25",
                "2027-04-29",
            ],
        ),
        (
            "a 29th start keeps the last Thursday",
            spec("2026-10-29", Monthly, 3, Thu),
            &["2026-10-29", "2026-11-26", "2026-12-31"],
        ),
        (
            "the last Tuesday reaches the leap day",
            spec("2028-01-25", Monthly, 4, Tue),
            &["2028-01-25", "2028-02-29", "2028-03-28", "2028-04-25"],
        ),
        (
            "weekly through the leap day",
            spec("2028-02-20", Weekly, 3, Tue),
            &["2028-02-22", "2028-02-29", "2028-03-07"],
        ),
        ("no sessions", spec("2026-10-06", Weekly, 0, Tue), &[]),
    ];
    for (name, spec, expected) in cases {
        let times = schedule::generate(spec);
        assert_eq!(dates(&times), *expected, "{name}");
        assert!(times.iter().all(|t| t.time == spec.time), "{name}");
        assert!(
            times.iter().all(|t| t.date.weekday() == spec.weekday),
            "{name}"
        );
    }
}

#[test]
fn schedule_count_is_capped_at_52() {
    let times = schedule::generate(&spec("2026-01-05", Cadence::Weekly, 500, Weekday::Mon));
    assert_eq!(times.len(), 52);
    assert_eq!(times.len(), usize::from(schedule::MAX_SESSIONS));
    assert_eq!(times[51].date, date("2026-12-28"));
}

#[test]
fn holidays_are_skipped_or_moved_and_the_count_holds() {
    use HolidayPolicy::*;
    let with = |policy, holidays: &[&str], base: ScheduleSpec| ScheduleSpec {
        holidays: holidays.iter().map(|d| date(d)).collect(),
        holiday_policy: policy,
        ..base
    };
    let weekly_tue = spec("2026-12-01", Cadence::Weekly, 4, Weekday::Tue);
    let weekly_sat = spec("2026-12-01", Cadence::Weekly, 3, Weekday::Sat);
    let cases: Vec<(&str, ScheduleSpec, &[&str])> = vec![
        (
            "ignored",
            with(Ignore, &["2026-12-08"], weekly_tue.clone()),
            &["2026-12-01", "2026-12-08", "2026-12-15", "2026-12-22"],
        ),
        (
            "skipped: the series is extended",
            with(Skip, &["2026-12-08", "2026-12-22"], weekly_tue.clone()),
            &["2026-12-01", "2026-12-15", "2026-12-29", "2027-01-05"],
        ),
        (
            "skipped first session",
            with(Skip, &["2026-12-01"], weekly_tue.clone()),
            &["2026-12-08", "2026-12-15", "2026-12-22", "2026-12-29"],
        ),
        (
            "moved to the next day",
            with(NextDay, &["2026-12-08"], weekly_tue.clone()),
            &["2026-12-01", "2026-12-09", "2026-12-15", "2026-12-22"],
        ),
        (
            "moved past a run of holidays",
            with(NextDay, &["2026-12-08", "2026-12-09"], weekly_tue.clone()),
            &["2026-12-01", "2026-12-10", "2026-12-15", "2026-12-22"],
        ),
        (
            "no free day before the next session: skipped and extended",
            with(
                NextDay,
                &[
                    "2026-12-22",
                    "2026-12-23",
                    "2026-12-24",
                    "2026-12-25",
                    "2026-12-26",
                    "2026-12-27",
                    "2026-12-28",
                ],
                weekly_tue.clone(),
            ),
            &["2026-12-01", "2026-12-08", "2026-12-15", "2026-12-29"],
        ),
        (
            "a weekend series may move within the weekend",
            with(NextDay, &["2026-12-12"], weekly_sat),
            &["2026-12-05", "2026-12-13", "2026-12-19"],
        ),
        (
            "monthly: a holiday on the 2nd Tuesday moves to Wednesday",
            with(
                NextDay,
                &["2026-12-08"],
                spec("2026-10-13", Cadence::Monthly, 3, Weekday::Tue),
            ),
            &["2026-10-13", "2026-11-10", "2026-12-09"],
        ),
        (
            "monthly: a skipped month extends the series",
            with(
                Skip,
                &["2026-12-08"],
                spec("2026-10-13", Cadence::Monthly, 3, Weekday::Tue),
            ),
            &["2026-10-13", "2026-11-10", "2027-01-12"],
        ),
    ];
    for (name, spec, expected) in cases {
        let times = schedule::generate(&spec);
        assert_eq!(dates(&times), expected, "{name}");
        assert_eq!(times.len(), usize::from(spec.count), "{name}: count kept");
        assert!(
            spec.holiday_policy == Ignore || times.iter().all(|t| !spec.holidays.contains(&t.date)),
            "{name}: no session on a holiday"
        );
    }
    // A Friday holiday moves to Monday, not into the weekend.
    let friday = with(
        NextDay,
        &["2026-12-25"],
        spec("2026-12-18", Cadence::Weekly, 2, Weekday::Fri),
    );
    assert_eq!(
        dates(&schedule::generate(&friday)),
        ["2026-12-18", "2026-12-28"]
    );
}

#[test]
fn dst_weeks_keep_the_wall_clock_time_while_utc_shifts() {
    // (zone, first Tuesday, UTC hour before the change, UTC hour after)
    let cases = [
        ("Europe/Madrid", "2026-10-20", 8, 9),
        ("Europe/Madrid", "2027-03-23", 9, 8),
        ("America/New_York", "2026-10-27", 14, 15),
        ("America/New_York", "2027-03-09", 15, 14),
        ("Australia/Sydney", "2026-09-29", 0, 23),
        ("America/Santiago", "2026-09-01", 14, 13),
    ];
    for (zone, first, before, after) in cases {
        let times = schedule::generate(&spec(first, Cadence::Weekly, 2, Weekday::Tue));
        assert_eq!(times.len(), 2);
        assert!(times.iter().all(|t| t.time == hm(10, 0)), "{zone}");
        let utc: Vec<LocalDateTime> = times.iter().map(|t| tz::to_utc(zone, *t)).collect();
        assert_eq!(utc[0].time.hour(), before, "{zone} {first}");
        assert_eq!(utc[1].time.hour(), after, "{zone} {first}");
        // And the IANA database agrees.
        for (local, utc) in times.iter().zip(&utc) {
            let reference = iana(zone)
                .from_local_datetime(&naive(*local))
                .single()
                .unwrap()
                .naive_utc();
            assert_eq!(naive(*utc), reference, "{zone} {local:?}");
        }
    }
}

#[test]
fn suggested_slot_is_the_earliest_shared_weekday_slot() {
    use DayPart::*;
    use Weekday::*;
    let grid = |slots: &[(Weekday, DayPart)]| {
        slots
            .iter()
            .fold(Availability::default(), |a, (d, p)| a.with(*d, *p))
    };
    let cases = [
        (
            grid(&[(Mon, Evening), (Wed, Morning)]),
            grid(&[(Wed, Morning), (Mon, Evening)]),
            Some((Mon, hm(18, 0))),
        ),
        (
            grid(&[(Thu, Afternoon), (Sat, Morning)]),
            grid(&[(Thu, Afternoon), (Sat, Morning)]),
            Some((Thu, hm(15, 0))),
        ),
        (
            grid(&[(Sat, Morning), (Sun, Morning)]),
            grid(&[(Sun, Morning), (Sat, Morning)]),
            Some((Sat, hm(10, 0))),
        ),
        (grid(&[(Tue, Morning)]), grid(&[(Tue, Afternoon)]), None),
        (Availability::default(), grid(&[(Mon, Morning)]), None),
    ];
    for (a, b, expected) in cases {
        assert_eq!(schedule::suggest_slot(a, b), expected);
        assert_eq!(schedule::suggest_slot(b, a), expected, "symmetric");
    }
}

/// The demo program with its proposed pairs accepted on `since`.
fn demo_with_pairs(since: &str) -> (Workspace, Vec<PairKey>) {
    let mut ws = demo_workspace();
    let keys = propose(&ws).keys();
    assert!(keys.len() >= 3, "the demo pairs several people");
    accept(&mut ws.pairing, &keys, Some(date(since)));
    (ws, keys)
}

fn agreement(pair: &PairKey, cadence: Cadence, minutes: u16) -> Agreement {
    Agreement {
        pair: pair.clone(),
        goals: vec![],
        cadence,
        session_minutes: minutes,
        channel: Some(Channel::VideoCall),
        ground_rules: GroundRules::default(),
        review_dates: vec![],
        agreed_on: None,
        notes: String::new(),
    }
}

#[test]
fn default_spec_follows_pair_program_and_people() {
    let (mut ws, keys) = demo_with_pairs("2026-09-21");
    let pair = &keys[0];
    let end = ws.program.end_date.unwrap();

    // Before the program starts: the pair's start (later than the program's) wins.
    let spec = schedule::default_spec(&ws, pair, date("2026-08-01"));
    assert_eq!(spec.start, date("2026-09-21"));
    assert_eq!(spec.cadence, ws.program.cadence);
    assert_eq!(spec.minutes, ws.program.session_minutes);
    assert_eq!(spec.holiday_policy, HolidayPolicy::Skip);
    let mentor = ws.participant(&pair.mentor).unwrap().availability;
    let mentee = ws.participant(&pair.mentee).unwrap().availability;
    assert_eq!(
        (spec.weekday, spec.time),
        schedule::suggest_slot(mentor, mentee).unwrap_or((Weekday::Tue, hm(10, 0)))
    );
    assert_fills_until(&spec, end);

    // Later, today wins; an agreement's cadence and length override the program's.
    ws.sessions
        .agreements
        .push(agreement(pair, Cadence::Monthly, 45));
    ws.sessions.settings.holidays = vec![date("2026-12-08")];
    let spec = schedule::default_spec(&ws, pair, date("2026-11-20"));
    assert_eq!(spec.start, date("2026-11-20"));
    assert_eq!((spec.cadence, spec.minutes), (Cadence::Monthly, 45));
    assert_eq!(spec.holidays, vec![date("2026-12-08")]);
    assert_fills_until(&spec, end);
    assert!(spec.count < 6, "monthly from late November to mid March");

    // No shared availability: Tuesday 10:00. No end date: 6 sessions. Past
    // the end: still one.
    for person in [&pair.mentor, &pair.mentee] {
        let index = ws
            .participants
            .iter()
            .position(|p| &p.id == person)
            .unwrap();
        ws.participants[index].availability = Availability::default();
    }
    let spec = schedule::default_spec(&ws, pair, date("2027-06-01"));
    assert_eq!((spec.weekday, spec.time), (Weekday::Tue, hm(10, 0)));
    assert_eq!(spec.count, 1);
    ws.program.end_date = None;
    let spec = schedule::default_spec(&ws, pair, date("2026-11-20"));
    assert_eq!(spec.count, schedule::DEFAULT_COUNT);
    assert_eq!(spec.count, 6);

    // Before the program and with no pair start date, the program's start.
    ws.pairing.pairs.iter_mut().for_each(|p| p.since = None);
    let spec = schedule::default_spec(&ws, pair, date("2026-01-01"));
    assert_eq!(Some(spec.start), ws.program.start_date);
}

/// Every generated session falls on or before `end`, and one more would not.
fn assert_fills_until(spec: &ScheduleSpec, end: Date) {
    let times = schedule::generate(spec);
    assert_eq!(times.len(), usize::from(spec.count));
    assert!(times.first().unwrap().date >= spec.start);
    assert!(times.last().unwrap().date <= end, "{spec:?}");
    let one_more = schedule::generate(&ScheduleSpec {
        count: spec.count + 1,
        ..spec.clone()
    });
    assert!(one_more.last().unwrap().date > end, "{spec:?}");
}

fn planned(state: &SessionsState, pair: &PairKey) -> Vec<LocalDateTime> {
    state
        .sessions_of(pair)
        .iter()
        .filter(|s| s.status == SessionStatus::Planned)
        .map(|s| s.start)
        .collect()
}

#[test]
fn applying_a_plan_is_idempotent_and_keeps_logged_sessions() {
    let (ws, keys) = demo_with_pairs("2026-09-14");
    let (pair, other) = (&keys[0], &keys[1]);
    let mut state = ws.sessions.clone();
    let mut next_id = ids();
    let weekly = schedule::generate(&spec("2026-10-06", Cadence::Weekly, 6, Weekday::Tue));

    assert_eq!(
        schedule::apply(&mut state, pair, &weekly, 30, &mut next_id),
        6
    );
    assert_eq!(
        schedule::apply(&mut state, other, &weekly[..2], 30, &mut next_id),
        2
    );
    let first_ids: Vec<SessionId> = state
        .sessions_of(pair)
        .iter()
        .map(|s| s.id.clone())
        .collect();
    assert!(
        state
            .sessions
            .iter()
            .all(|s| s.sequence == 0 && s.status == SessionStatus::Planned)
    );

    // The same plan again: nothing duplicated, nothing changed.
    let before = state.clone();
    assert_eq!(
        schedule::apply(&mut state, pair, &weekly, 30, &mut next_id),
        6
    );
    assert_eq!(state.sessions_of(pair).len(), 6);
    let mut a = before.sessions.clone();
    let mut b = state.sessions.clone();
    a.sort_by(|x, y| x.id.cmp(&y.id));
    b.sort_by(|x, y| x.id.cmp(&y.id));
    assert_eq!(a, b);

    // Log the first two: one held, one cancelled.
    let log = |state: &mut SessionsState, index: usize, status: SessionStatus| {
        let id = state.sessions_of(pair)[index].id.clone();
        let session = state.sessions.iter_mut().find(|s| s.id == id).unwrap();
        session.status = status;
        session.sequence += 1;
    };
    log(&mut state, 0, SessionStatus::Held);
    log(&mut state, 1, SessionStatus::Cancelled);

    // Regenerate fortnightly from the second session's date: the logged ones
    // stay; the planned ones from then on are replaced, reusing their ids.
    let fortnightly =
        schedule::generate(&spec("2026-10-13", Cadence::Fortnightly, 4, Weekday::Tue));
    assert_eq!(
        dates(&fortnightly),
        ["2026-10-13", "2026-10-27", "2026-11-10", "2026-11-24"]
    );
    // 2026-10-13 already has the cancelled session: it is not planned again.
    assert_eq!(
        schedule::apply(&mut state, pair, &fortnightly, 30, &mut next_id),
        3
    );
    let sessions = state.sessions_of(pair);
    assert_eq!(sessions.len(), 5);
    assert_eq!(sessions[0].status, SessionStatus::Held);
    assert_eq!(sessions[1].status, SessionStatus::Cancelled);
    assert_eq!(planned(&state, pair), fortnightly[1..].to_vec());
    let now_ids: Vec<SessionId> = sessions.iter().map(|s| s.id.clone()).collect();
    assert!(
        now_ids.iter().all(|id| first_ids.contains(id)),
        "ids reused, none new"
    );
    // 27 Oct and 10 Nov kept their times; 24 Nov took over 20 Oct's event,
    // a new version for calendars; 3 Nov is gone.
    let sequence_on = |state: &SessionsState, d: &str| {
        let sessions = state.sessions_of(pair);
        let session = sessions.iter().find(|s| s.start.date == date(d)).unwrap();
        (session.id.clone(), session.sequence)
    };
    assert_eq!(sequence_on(&state, "2026-10-27"), (first_ids[3].clone(), 0));
    assert_eq!(sequence_on(&state, "2026-11-10"), (first_ids[5].clone(), 0));
    assert_eq!(sequence_on(&state, "2026-11-24"), (first_ids[2].clone(), 1));

    // Again: still no duplicates, and the other pair is untouched.
    let before = state.clone();
    schedule::apply(&mut state, pair, &fortnightly, 30, &mut next_id);
    assert_eq!(state.sessions_of(pair).len(), 5);
    assert_eq!(state.sessions_of(pair), before.sessions_of(pair));
    assert_eq!(planned(&state, other), weekly[..2].to_vec());

    // A longer plan needs fresh ids (sequence 0); a changed length bumps the rest.
    let longer = schedule::generate(&spec("2026-10-27", Cadence::Fortnightly, 5, Weekday::Tue));
    assert_eq!(
        schedule::apply(&mut state, pair, &longer, 45, &mut next_id),
        5
    );
    let sessions = state.sessions_of(pair);
    assert_eq!(sessions.len(), 7);
    let fresh: Vec<&&Session> = sessions
        .iter()
        .filter(|s| !first_ids.contains(&s.id))
        .collect();
    assert_eq!(fresh.len(), 2);
    assert!(fresh.iter().all(|s| s.sequence == 0 && s.minutes == 45));
    assert_eq!(sequence_on(&state, "2026-10-27"), (first_ids[3].clone(), 1));
    assert_eq!(sequence_on(&state, "2026-11-24"), (first_ids[2].clone(), 2));
    assert_eq!(
        sequence_on(&state, "2026-10-13").1,
        1,
        "logged sessions untouched"
    );

    // An empty plan changes nothing.
    let before = state.clone();
    assert_eq!(schedule::apply(&mut state, pair, &[], 30, &mut next_id), 0);
    assert_eq!(state, before);
}

#[test]
fn earlier_planned_sessions_stay_when_regenerating_from_later() {
    let pair = PairKey::new(
        ParticipantId::from_random_bytes(seeded_bytes(1)),
        ParticipantId::from_random_bytes(seeded_bytes(2)),
    );
    let mut state = SessionsState::default();
    let mut next_id = ids();
    let plan = schedule::generate(&spec("2026-10-05", Cadence::Weekly, 4, Weekday::Mon));
    schedule::apply(&mut state, &pair, &plan, 30, &mut next_id);
    // From Thursday 22nd: Monday 19th is earlier than the new plan, so it stays.
    let later = schedule::generate(&spec("2026-10-19", Cadence::Weekly, 2, Weekday::Thu));
    assert_eq!(
        schedule::apply(&mut state, &pair, &later, 30, &mut next_id),
        2
    );
    assert_eq!(
        dates(&planned(&state, &pair)),
        [
            "2026-10-05",
            "2026-10-12",
            "2026-10-19",
            "2026-10-22",
            "2026-10-29"
        ]
    );
}

// ───────────────────────────── time zones ─────────────────────────────

#[test]
fn offsets_around_the_changes_table() {
    let cases = [
        // EU: 29 March 2026 01:00 UTC, 25 October 2026 01:00 UTC.
        ("Europe/Madrid", "2026-03-29 01:59", 60, "2026-03-29 00:59"),
        ("Europe/Madrid", "2026-03-29 02:00", 60, "2026-03-29 01:00"), // gap: 03:00 CEST
        ("Europe/Madrid", "2026-03-29 02:30", 60, "2026-03-29 01:30"), // gap: 03:30 CEST
        ("Europe/Madrid", "2026-03-29 03:00", 120, "2026-03-29 01:00"),
        ("Europe/Madrid", "2026-10-25 01:59", 120, "2026-10-24 23:59"),
        ("Europe/Madrid", "2026-10-25 02:30", 120, "2026-10-25 00:30"), // overlap: first
        ("Europe/Madrid", "2026-10-25 03:00", 60, "2026-10-25 02:00"),
        ("Europe/London", "2026-03-29 01:30", 0, "2026-03-29 01:30"), // gap
        ("Europe/London", "2026-10-25 01:30", 60, "2026-10-25 00:30"), // overlap
        ("Europe/Athens", "2026-03-29 03:30", 120, "2026-03-29 01:30"), // gap
        ("Europe/Athens", "2026-10-25 03:30", 180, "2026-10-25 00:30"), // overlap
        // US: 8 March 2026 02:00 local, 1 November 2026 02:00 local.
        (
            "America/New_York",
            "2026-03-08 01:59",
            -300,
            "2026-03-08 06:59",
        ),
        (
            "America/New_York",
            "2026-03-08 02:30",
            -300,
            "2026-03-08 07:30",
        ), // gap
        (
            "America/New_York",
            "2026-03-08 03:00",
            -240,
            "2026-03-08 07:00",
        ),
        (
            "America/New_York",
            "2026-11-01 00:59",
            -240,
            "2026-11-01 04:59",
        ),
        (
            "America/New_York",
            "2026-11-01 01:30",
            -240,
            "2026-11-01 05:30",
        ), // overlap
        (
            "America/New_York",
            "2026-11-01 02:00",
            -300,
            "2026-11-01 07:00",
        ),
        (
            "America/Los_Angeles",
            "2026-03-08 02:30",
            -480,
            "2026-03-08 10:30",
        ), // gap
        (
            "America/Los_Angeles",
            "2026-07-01 09:00",
            -420,
            "2026-07-01 16:00",
        ),
        // Southern hemisphere: summer spans New Year.
        (
            "Australia/Sydney",
            "2026-01-15 10:00",
            660,
            "2026-01-14 23:00",
        ),
        (
            "Australia/Sydney",
            "2026-04-05 02:30",
            660,
            "2026-04-04 15:30",
        ), // overlap
        (
            "Australia/Sydney",
            "2026-04-05 03:00",
            600,
            "2026-04-04 17:00",
        ),
        (
            "Australia/Sydney",
            "2026-07-01 10:00",
            600,
            "2026-07-01 00:00",
        ),
        (
            "Australia/Sydney",
            "2026-10-04 02:30",
            600,
            "2026-10-03 16:30",
        ), // gap
        (
            "Australia/Sydney",
            "2026-10-04 03:00",
            660,
            "2026-10-03 16:00",
        ),
        (
            "America/Santiago",
            "2026-01-15 10:00",
            -180,
            "2026-01-15 13:00",
        ),
        (
            "America/Santiago",
            "2026-04-04 23:30",
            -180,
            "2026-04-05 02:30",
        ), // overlap
        (
            "America/Santiago",
            "2026-04-05 00:00",
            -240,
            "2026-04-05 04:00",
        ),
        (
            "America/Santiago",
            "2026-07-01 10:00",
            -240,
            "2026-07-01 14:00",
        ),
        (
            "America/Santiago",
            "2026-09-06 00:30",
            -240,
            "2026-09-06 04:30",
        ), // gap
        (
            "America/Santiago",
            "2026-09-06 01:00",
            -180,
            "2026-09-06 04:00",
        ),
        // No daylight saving.
        (
            "America/Mexico_City",
            "2026-07-01 10:00",
            -360,
            "2026-07-01 16:00",
        ),
        (
            "America/Sao_Paulo",
            "2026-01-15 10:00",
            -180,
            "2026-01-15 13:00",
        ),
        ("Asia/Kolkata", "2026-01-01 00:10", 330, "2025-12-31 18:40"),
        ("Asia/Tokyo", "2026-07-01 09:00", 540, "2026-07-01 00:00"),
        ("UTC", "2026-07-01 09:00", 0, "2026-07-01 09:00"),
        // Unknown or empty: UTC.
        ("", "2026-07-01 09:00", 0, "2026-07-01 09:00"),
        (
            "Mars/Olympus_Mons",
            "2026-07-01 09:00",
            0,
            "2026-07-01 09:00",
        ),
    ];
    for (zone, local, offset, utc) in cases {
        assert_eq!(
            tz::offset_minutes(zone, at(local)),
            offset,
            "{zone} {local}"
        );
        assert_eq!(tz::to_utc(zone, at(local)), at(utc), "{zone} {local}");
    }
}

#[test]
fn every_zone_is_a_real_iana_zone_and_unknown_names_are_not() {
    for name in tz::ZONES {
        iana(name);
        assert!(tz::is_supported(name));
    }
    assert_eq!(tz::ZONES.len(), 31);
    for name in ["", "utc", "Europe/Atlantis", "Europe/Madrid "] {
        assert!(!tz::is_supported(name), "{name:?}");
    }
}

/// Clocks only change at weekends (Chile's autumn change is on Saturday night
/// local time, Sydney's on Saturday in UTC): every half hour then, every six
/// hours on other days.
fn next_probe(t: NaiveDateTime) -> NaiveDateTime {
    use chrono::Datelike;
    let weekend = matches!(t.weekday(), chrono::Weekday::Sat | chrono::Weekday::Sun);
    t + chrono::Duration::minutes(if weekend { 30 } else { 360 })
}

/// 2025–2028 in every zone against the IANA database: UTC → local, and
/// local → UTC with the skipped hour moved forward and the repeated hour taken
/// at its first instance.
#[test]
fn built_in_rules_match_the_iana_database_2025_to_2028() {
    let start = naive(at("2025-01-01 00:00"));
    let end = naive(at("2029-01-01 00:00"));
    let mut gaps = 0;
    let mut overlaps = 0;
    for name in tz::ZONES {
        let zone = iana(name);
        let mut utc = start;
        while utc < end {
            let ours = tz::from_utc(name, local_of(utc));
            let theirs = zone.from_utc_datetime(&utc).naive_local();
            assert_eq!(naive(ours), theirs, "{name}: UTC {utc} to local");
            utc = next_probe(utc);
        }
        let mut local = start;
        while local < end {
            let ours = naive(tz::to_utc(name, local_of(local)));
            let theirs = match zone.from_local_datetime(&local) {
                chrono::LocalResult::Single(t) => t.naive_utc(),
                // Repeated hour: the first (earlier) instant.
                chrono::LocalResult::Ambiguous(first, _) => {
                    overlaps += 1;
                    first.naive_utc()
                }
                // Skipped hour: read with the offset in force before it.
                chrono::LocalResult::None => {
                    gaps += 1;
                    let before = zone
                        .from_local_datetime(&(local - chrono::Duration::hours(2)))
                        .single()
                        .unwrap();
                    local
                        - chrono::Duration::minutes(
                            i64::from(before.offset().fix().local_minus_utc()) / 60,
                        )
                }
            };
            assert_eq!(ours, theirs, "{name}: local {local} to UTC");
            local = next_probe(local);
        }
    }
    // 22 zones change clocks twice a year for four years, two probes per hour.
    assert_eq!((gaps, overlaps), (22 * 4 * 2, 22 * 4 * 2));
}

// ───────────────────────────── .ics export ─────────────────────────────

const LONG_ACCENTED: &str = "Revisión trimestral: ¿qué aprendió él? Ésta sesión incluye \
    conversación sobre comunicación, señales, compañía, pequeñas decisiones y \
    àççéntî ñandú — ça va très bien, grazie mille perché è così, 日本語テキスト 🎉🧑‍💻";

fn ics_text() -> IcsText {
    IcsText {
        calendar_name: "Bridge 2026, sesiones; piloto".into(),
        summary: "Mentoría: {mentor} ↔ {mentee}".into(),
        description: format!(
            "Sesión de {{minutes}} min por {{channel}}.\nAcuerdo: escuchar, preguntar; anotar.\nRuta C:\\temp\\notas\n{LONG_ACCENTED}"
        ),
        cancelled_prefix: "Cancelada: ".into(),
        channels: vec![
            (Channel::VideoCall, "videollamada".into()),
            (Channel::Phone, "teléfono".into()),
        ],
    }
}

/// The demo with pairs accepted, two of them planned (weekly and monthly)
/// in Madrid time, with held, cancelled and rescheduled sessions, and names
/// full of characters that need escaping.
fn exported_workspace() -> (Workspace, Vec<PairKey>) {
    let (mut ws, keys) = demo_with_pairs("2026-09-14");
    ws.sessions.settings.time_zone = "Europe/Madrid".into();
    let first = keys[0].clone();
    let second = keys
        .iter()
        .find(|k| k.mentor != first.mentor && k.mentee != first.mentee)
        .expect("two pairs without a shared person")
        .clone();
    let rename = |ws: &mut Workspace, id: &ParticipantId, name: &str, channels: Vec<Channel>| {
        let person = ws.participants.iter_mut().find(|p| &p.id == id).unwrap();
        person.name = name.into();
        person.channels = channels;
    };
    rename(&mut ws, &first.mentor, "Zoë Núñez, jr.; \"Z\"", vec![]);
    rename(&mut ws, &first.mentee, "Ana\\Beltrán 🎉", vec![]);
    // No agreement: the first of the mentor's channels the mentee shares.
    rename(
        &mut ws,
        &second.mentor,
        "Luca",
        vec![Channel::Email, Channel::Phone, Channel::Chat],
    );
    rename(
        &mut ws,
        &second.mentee,
        "Marta",
        vec![Channel::Chat, Channel::Phone],
    );
    ws.sessions
        .agreements
        .push(agreement(&first, Cadence::Weekly, 30));

    let mut next_id = ids();
    let weekly = schedule::generate(&spec("2026-10-19", Cadence::Weekly, 5, Weekday::Tue));
    schedule::apply(&mut ws.sessions, &first, &weekly, 30, &mut next_id);
    let monthly = ScheduleSpec {
        time: hm(15, 0),
        ..spec("2026-10-01", Cadence::Monthly, 3, Weekday::Thu)
    };
    schedule::apply(
        &mut ws.sessions,
        &second,
        &schedule::generate(&monthly),
        45,
        &mut next_id,
    );

    let ids_of_first: Vec<SessionId> = ws
        .sessions
        .sessions_of(&first)
        .iter()
        .map(|s| s.id.clone())
        .collect();
    for session in &mut ws.sessions.sessions {
        if session.id == ids_of_first[0] {
            session.status = SessionStatus::Held;
            session.sequence = 1;
        } else if session.id == ids_of_first[1] {
            session.status = SessionStatus::Cancelled;
            session.sequence = 2;
        } else if session.id == ids_of_first[2] {
            session.rescheduled_from = Some(session.start);
            session.start = at("2026-11-05 16:30");
            session.status = SessionStatus::Rescheduled;
            session.sequence = 1;
        }
    }
    (ws, vec![first, second])
}

fn expected_local(session: &Session, minutes_later: i64) -> NaiveDateTime {
    naive(session.start) + chrono::Duration::minutes(minutes_later)
}

#[test]
fn exported_events_read_back_field_by_field() {
    let (ws, keys) = exported_workspace();
    let pairs = [keys[0].clone(), keys[1].clone()];
    let text = ics_text();
    let file = ics::calendar(&ws, &pairs, &text, stamp());
    let calendar: Calendar = file.parse().expect("the independent parser reads the file");
    let events: Vec<&icalendar::Event> = calendar.iter().filter_map(|c| c.as_event()).collect();

    let sessions: Vec<&Session> = pairs
        .iter()
        .flat_map(|p| ws.sessions.sessions_of(p))
        .collect();
    assert_eq!(events.len(), sessions.len());
    assert_eq!(sessions.len(), 8);

    for (event, session) in events.iter().zip(&sessions) {
        let who = |id: &ParticipantId| ws.participant(id).unwrap().name.clone();
        let (mentor, mentee) = (who(&session.pair.mentor), who(&session.pair.mentee));
        let channel = if session.pair == pairs[0] {
            "videollamada"
        } else {
            "teléfono"
        };
        let cancelled = session.status == SessionStatus::Cancelled;

        assert_eq!(
            event.get_uid(),
            Some(format!("{}@inversa", session.id).as_str())
        );
        assert_eq!(event.get_sequence(), Some(session.sequence));
        assert_eq!(
            event.get_start(),
            Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
                date_time: expected_local(session, 0),
                tzid: "Europe/Madrid".into(),
            })),
            "{session:?}"
        );
        assert_eq!(
            event.get_end(),
            Some(DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
                date_time: expected_local(session, session.minutes.into()),
                tzid: "Europe/Madrid".into(),
            }))
        );
        let summary = format!(
            "{}Mentoría: {mentor} ↔ {mentee}",
            if cancelled { "Cancelada: " } else { "" }
        );
        assert_eq!(event.get_summary(), Some(summary.as_str()));
        let description = format!(
            "Sesión de {} min por {channel}.\nAcuerdo: escuchar, preguntar; anotar.\nRuta C:\\temp\\notas\n{LONG_ACCENTED}",
            session.minutes
        );
        assert_eq!(event.get_description(), Some(description.as_str()));
        assert_eq!(
            event.get_status(),
            Some(if cancelled {
                EventStatus::Cancelled
            } else {
                EventStatus::Confirmed
            })
        );
        assert!(event.get_timestamp().is_some());
    }
    let statuses: Vec<SessionStatus> = sessions.iter().map(|s| s.status).collect();
    for status in SessionStatus::ALL {
        assert!(statuses.contains(&status), "the file covers {status:?}");
    }
}

#[test]
fn calendar_header_and_time_zone_read_back() {
    let (ws, keys) = exported_workspace();
    let file = ics::calendar(&ws, &keys[..1], &ics_text(), stamp());
    let unfolded = unfold(&file);
    let parsed = read_calendar(&unfolded).expect("parses");
    let prop = |name: &str| {
        parsed
            .properties
            .iter()
            .find(|p| p.name == name)
            .map(|p| p.val.as_str().to_string())
    };
    assert_eq!(prop("VERSION").as_deref(), Some("2.0"));
    assert_eq!(prop("CALSCALE").as_deref(), Some("GREGORIAN"));
    assert_eq!(prop("METHOD").as_deref(), Some("PUBLISH"));
    assert!(prop("PRODID").is_some_and(|p| p.contains("Inversa")));
    assert_eq!(
        prop("X-WR-CALNAME").as_deref(),
        Some("Bridge 2026, sesiones; piloto")
    );

    let zones: Vec<_> = parsed
        .components
        .iter()
        .filter(|c| c.name == "VTIMEZONE")
        .collect();
    assert_eq!(zones.len(), 1);
    let tzid = zones[0]
        .find_prop("TZID")
        .map(|p| p.val.as_str().to_string());
    assert_eq!(tzid.as_deref(), Some("Europe/Madrid"));
    let event = parsed
        .components
        .iter()
        .find(|c| c.name == "VEVENT")
        .unwrap();
    let start = event.find_prop("DTSTART").unwrap();
    assert_eq!(start.params.len(), 1);
    assert_eq!(start.params[0].key.as_str(), "TZID");
    assert_eq!(
        start.params[0].val.as_ref().map(|v| v.as_str()),
        Some("Europe/Madrid")
    );
    assert_eq!(
        event.find_prop("DTSTAMP").map(|p| p.val.as_str()),
        Some("20261125T100000Z")
    );
}

/// An observance of a parsed VTIMEZONE: its yearly change as a calendar app
/// would compute it from DTSTART, TZOFFSETFROM/TO and the RRULE.
struct Observance {
    wall_time: (u32, u32),
    from: i32,
    to: i32,
    month: u32,
    /// `Some(n)`: the nth Sunday; `Some(-1)`: the last; `None`: `days` decide.
    nth: Option<i32>,
    days: Vec<u32>,
}

fn offset_minutes_of(text: &str) -> i32 {
    let sign = if text.starts_with('-') { -1 } else { 1 };
    let hours: i32 = text[1..3].parse().unwrap();
    let minutes: i32 = text[3..5].parse().unwrap();
    sign * (hours * 60 + minutes)
}

fn observance(component: &icalendar::parser::Component) -> Observance {
    let value = |name: &str| component.find_prop(name).unwrap().val.as_str().to_string();
    let start = value("DTSTART");
    let mut obs = Observance {
        wall_time: (
            start[9..11].parse().unwrap(),
            start[11..13].parse().unwrap(),
        ),
        from: offset_minutes_of(&value("TZOFFSETFROM")),
        to: offset_minutes_of(&value("TZOFFSETTO")),
        month: 0,
        nth: None,
        days: vec![],
    };
    // The parser may have split the RRULE value; read it from the raw text.
    let rule = value("RRULE");
    for part in rule.split(';') {
        let (key, val) = part.split_once('=').unwrap();
        match key {
            "FREQ" => assert_eq!(val, "YEARLY"),
            "BYMONTH" => obs.month = val.parse().unwrap(),
            "BYDAY" => {
                let n = val.strip_suffix("SU").expect("Sundays only");
                obs.nth = (!n.is_empty()).then(|| n.parse().unwrap());
            }
            "BYMONTHDAY" => obs.days = val.split(',').map(|d| d.parse().unwrap()).collect(),
            other => panic!("unexpected RRULE part {other}"),
        }
    }
    obs
}

impl Observance {
    /// The UTC instant of this change in `year`.
    fn instant(&self, year: i32) -> NaiveDateTime {
        let sundays: Vec<NaiveDate> = (1..=31)
            .filter_map(|d| NaiveDate::from_ymd_opt(year, self.month, d))
            .filter(|d| chrono::Datelike::weekday(d) == chrono::Weekday::Sun)
            .collect();
        let day = match self.nth {
            Some(-1) => *sundays.last().unwrap(),
            Some(n) => sundays[(n - 1) as usize],
            None => *sundays
                .iter()
                .find(|d| self.days.contains(&chrono::Datelike::day(*d)))
                .unwrap(),
        };
        day.and_hms_opt(self.wall_time.0, self.wall_time.1, 0)
            .unwrap()
            - chrono::Duration::minutes(self.from.into())
    }
}

/// Each generated VTIMEZONE, read the way a calendar app reads it, changes
/// clocks at the very instants the IANA database does.
#[test]
fn generated_time_zones_agree_with_the_iana_database() {
    for name in tz::ZONES.iter().filter(|n| **n != "UTC") {
        let mut ws = Workspace::default();
        ws.sessions.settings.time_zone = (*name).into();
        let file = ics::calendar(&ws, &[], &IcsText::default(), stamp());
        let unfolded = unfold(&file);
        let parsed = read_calendar(&unfolded).expect("parses");
        let zone = parsed
            .components
            .iter()
            .find(|c| c.name == "VTIMEZONE")
            .unwrap();
        assert_eq!(zone.find_prop("TZID").unwrap().val.as_str(), *name);
        let reference = iana(name);
        let observances: Vec<_> = zone.components.iter().collect();
        let has_rules = zone
            .components
            .iter()
            .any(|c| c.find_prop("RRULE").is_some());
        if !has_rules {
            assert_eq!(observances.len(), 1, "{name}");
            let only = observance_offset(observances[0]);
            for day in ["2026-01-15 12:00", "2026-07-15 12:00"] {
                assert_eq!(
                    iana_offset_at_utc(reference, naive(at(day))),
                    only,
                    "{name}"
                );
            }
            continue;
        }
        assert_eq!(observances.len(), 2, "{name}");
        let names: Vec<&str> = observances.iter().map(|c| c.name.as_str()).collect();
        assert!(
            names.contains(&"STANDARD") && names.contains(&"DAYLIGHT"),
            "{name}"
        );
        for component in observances {
            let obs = observance(component);
            for year in 2024..=2030 {
                let instant = obs.instant(year);
                let just_before = instant - chrono::Duration::minutes(1);
                assert_eq!(
                    iana_offset_at_utc(reference, just_before),
                    obs.from,
                    "{name} {year} before"
                );
                assert_eq!(
                    iana_offset_at_utc(reference, instant),
                    obs.to,
                    "{name} {year} at"
                );
            }
        }
    }
}

fn observance_offset(component: &icalendar::parser::Component) -> i32 {
    offset_minutes_of(component.find_prop("TZOFFSETTO").unwrap().val.as_str())
}

#[test]
fn physical_lines_are_crlf_terminated_and_at_most_75_octets() {
    let (ws, keys) = exported_workspace();
    let file = ics::calendar(&ws, &keys, &ics_text(), stamp());
    assert!(file.starts_with("BEGIN:VCALENDAR\r\n"));
    assert!(file.ends_with("END:VCALENDAR\r\n"));
    let bytes = file.as_bytes();
    let mut folded = 0;
    for line in bytes.split(|b| *b == b'\n') {
        if line.is_empty() {
            continue; // after the final CRLF
        }
        let line = line.strip_suffix(b"\r").expect("every line ends with CRLF");
        assert!(!line.contains(&b'\r'), "no bare CR");
        assert!(
            line.len() <= 75,
            "{} octets: {}",
            line.len(),
            String::from_utf8_lossy(line)
        );
        let text = std::str::from_utf8(line).expect("no UTF-8 character split across lines");
        if text.starts_with(' ') {
            folded += 1;
        }
    }
    assert!(
        folded >= 8,
        "long descriptions were folded ({folded} continuation lines)"
    );
}

#[test]
fn folding_never_splits_a_character_at_the_boundary() {
    // 12 octets of name + 62 = 74, so a 4-octet emoji cannot fit on line one.
    for (filler, next) in [(62, "🎉"), (61, "é"), (63, "€"), (63, "a")] {
        let line = format!("DESCRIPTION:{}{next}{}", "a".repeat(filler), "ü".repeat(80));
        let folded = ics::fold_line(&line);
        let first = folded.split("\r\n").next().unwrap();
        let expected_first = if 12 + filler + next.len() <= 75 {
            12 + filler + next.len()
        } else {
            12 + filler
        };
        assert_eq!(first.len(), expected_first, "{next}");
        assert_eq!(unfold(&folded).trim_end(), line);
    }
}

#[test]
fn uids_are_stable_across_exports_and_regenerated_plans() {
    let (mut ws, keys) = exported_workspace();
    let uids = |file: &str| -> Vec<String> {
        let calendar: Calendar = file.parse().unwrap();
        calendar
            .iter()
            .filter_map(|c| c.as_event())
            .map(|e| e.get_uid().unwrap().to_string())
            .collect()
    };
    let first = ics::calendar(&ws, &keys, &ics_text(), stamp());
    let later_stamp = UtcStamp::parse_iso("2026-12-01T08:30:00.000Z").unwrap();
    let second = ics::calendar(&ws, &keys, &ics_text(), later_stamp);
    assert_ne!(first, second, "DTSTAMP differs");
    assert_eq!(uids(&first), uids(&second));
    let mut distinct = uids(&first);
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), uids(&first).len(), "one UID per session");

    // Regenerating the second pair's same plan keeps its UIDs.
    let pair = &keys[1];
    let times: Vec<LocalDateTime> = ws
        .sessions
        .sessions_of(pair)
        .iter()
        .map(|s| s.start)
        .collect();
    schedule::apply(&mut ws.sessions, pair, &times, 45, ids());
    assert_eq!(
        uids(&ics::calendar(&ws, &keys, &ics_text(), stamp())),
        uids(&first)
    );
    // A pair listed twice is exported once.
    let twice = [keys[1].clone(), keys[1].clone()];
    assert_eq!(
        uids(&ics::calendar(&ws, &twice, &ics_text(), stamp())).len(),
        3
    );
}

#[test]
fn cancelled_sessions_are_marked_for_removal() {
    let (ws, keys) = exported_workspace();
    let file = ics::calendar(&ws, &keys[..1], &ics_text(), stamp());
    let calendar: Calendar = file.parse().unwrap();
    let cancelled: Vec<&icalendar::Event> = calendar
        .iter()
        .filter_map(|c| c.as_event())
        .filter(|e| e.get_status() == Some(EventStatus::Cancelled))
        .collect();
    assert_eq!(cancelled.len(), 1);
    let session = ws
        .sessions
        .sessions
        .iter()
        .find(|s| s.status == SessionStatus::Cancelled)
        .unwrap();
    assert_eq!(
        cancelled[0].get_uid(),
        Some(format!("{}@inversa", session.id).as_str())
    );
    assert_eq!(cancelled[0].get_sequence(), Some(2));
    assert!(
        cancelled[0]
            .get_summary()
            .unwrap()
            .starts_with("Cancelada: ")
    );
    assert_eq!(cancelled[0].property_value("TRANSP"), Some("TRANSPARENT"));
}

fn one_session_workspace(zone: &str, start: &str, minutes: u16) -> (Workspace, PairKey) {
    let mut ws = Workspace::default();
    ws.sessions.settings.time_zone = zone.into();
    let pair = PairKey::new(
        ParticipantId::from_random_bytes(seeded_bytes(11)),
        ParticipantId::from_random_bytes(seeded_bytes(12)),
    );
    schedule::apply(&mut ws.sessions, &pair, &[at(start)], minutes, ids());
    (ws, pair)
}

#[test]
fn utc_or_unknown_zones_write_utc_times_without_a_vtimezone() {
    for zone in ["", "UTC", "Europe/Atlantis"] {
        let (ws, pair) = one_session_workspace(zone, "2026-10-06 10:00", 30);
        let file = ics::calendar(&ws, &[pair], &ics_text(), stamp());
        assert!(!file.contains("VTIMEZONE"), "{zone:?}");
        assert!(!file.contains("TZID"), "{zone:?}");
        assert!(file.contains("DTSTART:20261006T100000Z\r\n"), "{zone:?}");
        let calendar: Calendar = file.parse().unwrap();
        let event = calendar.iter().find_map(|c| c.as_event()).unwrap();
        let utc = |text: &str| {
            DatePerhapsTime::DateTime(CalendarDateTime::Utc(naive(at(text)).and_utc()))
        };
        assert_eq!(event.get_start(), Some(utc("2026-10-06 10:00")), "{zone:?}");
        assert_eq!(event.get_end(), Some(utc("2026-10-06 10:30")), "{zone:?}");
        // Participants that are not in the workspace leave the names empty.
        assert_eq!(event.get_summary(), Some("Mentoría:  ↔ "));
    }
}

#[test]
fn sessions_on_clock_changes_keep_their_real_times() {
    // (start, minutes, DTSTART written, DTEND written or None for DURATION)
    let cases = [
        // In the spring gap: 02:30 does not exist; it is 03:30.
        (
            "2027-03-28 02:30",
            30,
            "20270328T033000",
            Some("20270328T040000"),
        ),
        // Ending in the first 02:xx of the autumn change: DTEND is exact.
        (
            "2026-10-25 01:30",
            60,
            "20261025T013000",
            Some("20261025T023000"),
        ),
        // Ending in the second 02:xx: DTEND would read as the first; a duration is used.
        ("2026-10-25 02:00", 90, "20261025T020000", None),
        ("2026-10-25 02:30", 60, "20261025T023000", None),
    ];
    for (start, minutes, dtstart, dtend) in cases {
        let (ws, pair) = one_session_workspace("Europe/Madrid", start, minutes);
        let file = ics::calendar(&ws, &[pair], &ics_text(), stamp());
        let calendar: Calendar = file.parse().unwrap();
        let event = calendar.iter().find_map(|c| c.as_event()).unwrap();
        let local = |text: &str| {
            DatePerhapsTime::DateTime(CalendarDateTime::WithTimezone {
                date_time: NaiveDateTime::parse_from_str(text, "%Y%m%dT%H%M%S").unwrap(),
                tzid: "Europe/Madrid".into(),
            })
        };
        assert_eq!(event.get_start(), Some(local(dtstart)), "{start}");
        match dtend {
            Some(end) => {
                assert_eq!(event.get_end(), Some(local(end)), "{start}");
                assert_eq!(event.property_value("DURATION"), None);
            }
            None => {
                assert_eq!(event.get_end(), None, "{start}");
                assert_eq!(
                    event.property_value("DURATION"),
                    Some(format!("PT{minutes}M").as_str())
                );
            }
        }
        // Whatever was written, the real length is the session's.
        let zone = iana("Europe/Madrid");
        let start_utc = zone
            .from_local_datetime(&NaiveDateTime::parse_from_str(dtstart, "%Y%m%dT%H%M%S").unwrap())
            .earliest()
            .unwrap();
        if let Some(end) = dtend {
            let end_utc = zone
                .from_local_datetime(&NaiveDateTime::parse_from_str(end, "%Y%m%dT%H%M%S").unwrap())
                .earliest()
                .unwrap();
            assert_eq!(
                (end_utc - start_utc).num_minutes(),
                i64::from(minutes),
                "{start}"
            );
        }
    }
}

#[test]
fn file_names_are_safe_ascii_ending_in_ics() {
    let cases = [
        (
            "Bridge 2026 — reverse mentoring pilot",
            None,
            "inversa-bridge-2026-reverse-mentoring-pilot.ics",
        ),
        (
            "Bridge 2026",
            Some("Zoë Núñez & Ana Beltrán"),
            "inversa-bridge-2026-zoe-nunez-ana-beltran.ics",
        ),
        ("../../etc", Some("a/b\\c"), "inversa-etc-a-b-c.ics"),
        ("", None, "inversa-program.ics"),
    ];
    for (program, pair, expected) in cases {
        let name = ics::file_name(program, pair);
        assert_eq!(name, expected);
        assert!(
            name.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'.')
        );
    }
}

//! Planning a pair's sessions: dates from a cadence, a weekday and a time,
//! holidays handled by the coordinator's choice, and a plan that can be
//! regenerated without losing what was already logged.
//!
//! Times are wall-clock times in the program's zone: "Tuesdays at 10:00"
//! stays 10:00 across daylight-saving changes (see [`super::tz`] for UTC).

use super::model::{
    HolidayPolicy, LocalDateTime, LocalTime, ScheduleSpec, Session, SessionStatus, SessionsState,
};
use crate::domain::date::Date;
use crate::domain::ids::SessionId;
use crate::domain::matching::PairKey;
use crate::domain::participants::{Availability, DayPart, Weekday};
use crate::domain::program::Cadence;
use crate::domain::workspace::Workspace;

/// No plan is longer than a year of weekly sessions.
pub const MAX_SESSIONS: u16 = 52;

/// Sessions proposed when the program has no end date.
pub const DEFAULT_COUNT: u16 = 6;

/// The slot proposed when two people share no availability.
pub const FALLBACK_SLOT: (Weekday, u8) = (Weekday::Tue, 10);

/// The time a part of the day stands for when proposing a session.
pub fn slot_time(part: DayPart) -> LocalTime {
    let hour = match part {
        DayPart::Morning => 10,
        DayPart::Afternoon => 15,
        DayPart::Evening => 18,
    };
    on_the_hour(hour)
}

fn on_the_hour(hour: u8) -> LocalTime {
    LocalTime::new(hour.min(23), 0).expect("hours up to 23 exist")
}

/// The first `weekday` on or after `date` (`None` only past year 9999).
pub fn next_weekday(date: Date, weekday: Weekday) -> Option<Date> {
    let ahead = (7 + weekday as i64 - date.weekday() as i64) % 7;
    date.add_days(ahead)
}

/// How monthly sessions find their day: the same nth weekday each month, or
/// the last one when the series starts within the last week of a month, so
/// "the last Friday" stays the last Friday even in five-Friday months.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum MonthlyDay {
    Nth(u8),
    Last,
}

/// The date of occurrence `k` (0-based) of a series starting on `first`,
/// before holidays are considered.
fn occurrence(first: Date, cadence: Cadence, k: i64) -> Option<Date> {
    match cadence {
        Cadence::Weekly => first.add_days(7 * k),
        Cadence::Fortnightly => first.add_days(14 * k),
        Cadence::Monthly => {
            let rule = if i32::from(first.day()) > i32::from(first.month_length()) - 7 {
                MonthlyDay::Last
            } else {
                MonthlyDay::Nth((first.day() - 1) / 7 + 1)
            };
            let months = i64::from(first.year()) * 12 + i64::from(first.month()) - 1 + k;
            let year = i32::try_from(months.div_euclid(12)).ok()?;
            let month = (months.rem_euclid(12) + 1) as u8;
            let weekday = first.weekday();
            match rule {
                MonthlyDay::Nth(n) => {
                    let start = next_weekday(Date::new(year, month, 1)?, weekday)?;
                    start.add_days(7 * (i64::from(n) - 1))
                }
                MonthlyDay::Last => {
                    let last = Date::new(year, month, Date::new(year, month, 1)?.month_length())?;
                    let back = (7 + last.weekday() as i64 - weekday as i64) % 7;
                    last.add_days(-back)
                }
            }
        }
    }
}

fn is_weekend(day: Weekday) -> bool {
    matches!(day, Weekday::Sat | Weekday::Sun)
}

/// The session times a spec describes, in order.
///
/// The first session is on the first `spec.weekday` on or after `spec.start`;
/// the next ones follow the cadence (monthly: the same nth weekday, or the
/// last one for a start in a month's last seven days). Holidays:
/// - `Ignore`: sessions fall on them;
/// - `Skip`: the session is dropped and the series extended, so the count holds;
/// - `NextDay`: the session moves to the next day that is not a holiday — and,
///   for a series on a working day, not a weekend either — as long as that is
///   before the next occurrence; otherwise it is skipped as above.
///
/// The count is capped at [`MAX_SESSIONS`].
pub fn generate(spec: &ScheduleSpec) -> Vec<LocalDateTime> {
    let count = usize::from(spec.count.min(MAX_SESSIONS));
    let mut times = Vec::with_capacity(count);
    let Some(first) = next_weekday(spec.start, spec.weekday) else {
        return times;
    };
    let holiday = |date: Date| spec.holidays.contains(&date);
    // Each holiday can displace at most one occurrence, so this many
    // candidates always suffice.
    let limit = count as i64 + spec.holidays.len() as i64 + 1;
    let mut k = 0;
    while times.len() < count && k < limit {
        let Some(date) = occurrence(first, spec.cadence, k) else {
            break;
        };
        k += 1;
        let placed = match spec.holiday_policy {
            HolidayPolicy::Ignore => Some(date),
            HolidayPolicy::Skip => (!holiday(date)).then_some(date),
            HolidayPolicy::NextDay if !holiday(date) => Some(date),
            HolidayPolicy::NextDay => {
                let next = occurrence(first, spec.cadence, k);
                move_to_free_day(date, next, spec.weekday, &holiday)
            }
        };
        if let Some(date) = placed {
            times.push(LocalDateTime {
                date,
                time: spec.time,
            });
        }
    }
    times
}

/// The first day after `date` that is neither a holiday nor (for a weekday
/// series) a weekend, if it comes before `next`.
fn move_to_free_day(
    date: Date,
    next: Option<Date>,
    series_day: Weekday,
    holiday: &impl Fn(Date) -> bool,
) -> Option<Date> {
    let mut day = date;
    loop {
        day = day.add_days(1)?;
        if next.is_some_and(|next| day >= next) {
            return None;
        }
        let weekend_off = !is_weekend(series_day) && is_weekend(day.weekday());
        if !holiday(day) && !weekend_off {
            return Some(day);
        }
    }
}

/// The earliest weekly slot both people have free — Monday morning first,
/// weekdays before the weekend — at 10:00, 15:00 or 18:00 for morning,
/// afternoon or evening.
pub fn suggest_slot(a: Availability, b: Availability) -> Option<(Weekday, LocalTime)> {
    a.overlap(b)
        .slots()
        .next()
        .map(|(day, part)| (day, slot_time(part)))
}

/// How many sessions at `cadence` from `first` fall on or before `end`
/// (holidays skipped), between 1 and [`MAX_SESSIONS`].
fn sessions_until(
    first: Date,
    cadence: Cadence,
    end: Date,
    holidays: &[Date],
    time: LocalTime,
) -> u16 {
    let probe = ScheduleSpec {
        start: first,
        cadence,
        count: MAX_SESSIONS,
        weekday: first.weekday(),
        time,
        minutes: 0,
        holidays: holidays.to_vec(),
        holiday_policy: HolidayPolicy::Skip,
    };
    let fitting = generate(&probe)
        .iter()
        .take_while(|t| t.date <= end)
        .count();
    (fitting as u16).clamp(1, MAX_SESSIONS)
}

/// A proposed schedule for a pair, for the coordinator to adjust.
///
/// Cadence and length come from the pair's agreement, else the program; the
/// start is the latest of today, the pair's start and the program's start;
/// the slot is the earliest one both people share (Tuesday 10:00 if none);
/// the count fills the program up to its end date (6 without one); the
/// program's holidays are skipped.
pub fn default_spec(ws: &Workspace, pair: &PairKey, today: Date) -> ScheduleSpec {
    let agreement = ws.sessions.agreement(pair);
    let cadence = agreement.map_or(ws.program.cadence, |a| a.cadence);
    let minutes = agreement.map_or(ws.program.session_minutes, |a| a.session_minutes);
    let since = ws
        .pairing
        .pairs
        .iter()
        .find(|p| p.mentor == pair.mentor && p.mentee == pair.mentee)
        .and_then(|p| p.since);
    let start = [Some(today), since, ws.program.start_date]
        .into_iter()
        .flatten()
        .max()
        .unwrap_or(today);
    let availability = |id| {
        ws.participant(id)
            .map(|p| p.availability)
            .unwrap_or_default()
    };
    let (weekday, time) = suggest_slot(availability(&pair.mentor), availability(&pair.mentee))
        .unwrap_or((FALLBACK_SLOT.0, on_the_hour(FALLBACK_SLOT.1)));
    let holidays = ws.sessions.settings.holidays.clone();
    let count = match (ws.program.end_date, next_weekday(start, weekday)) {
        (Some(end), Some(first)) => sessions_until(first, cadence, end, &holidays, time),
        _ => DEFAULT_COUNT,
    };
    ScheduleSpec {
        start,
        cadence,
        count,
        weekday,
        time,
        minutes,
        holidays,
        holiday_policy: HolidayPolicy::Skip,
    }
}

/// Writes a pair's (re)generated plan into the session list and returns how
/// many planned sessions it now holds at `times`.
///
/// The pair's sessions still `Planned` on or after the first new time are
/// replaced; logged ones (held, cancelled, rescheduled) and anything earlier
/// stay. A new time that already has a logged session is left to it. Replaced
/// sessions lend their ids to the new times (same time first, then in order),
/// so a calendar imported earlier updates its events instead of keeping stale
/// copies; an event whose time or length changes gets a higher `sequence`.
/// Running the same plan twice therefore changes nothing.
pub fn apply(
    state: &mut SessionsState,
    pair: &PairKey,
    times: &[LocalDateTime],
    minutes: u16,
    mut new_id: impl FnMut() -> SessionId,
) -> usize {
    let mut times: Vec<LocalDateTime> = times.to_vec();
    times.sort();
    times.dedup();
    let Some(&first) = times.first() else {
        return 0;
    };
    let (mut replaced, kept): (Vec<Session>, Vec<Session>) = std::mem::take(&mut state.sessions)
        .into_iter()
        .partition(|s| &s.pair == pair && s.status == SessionStatus::Planned && s.start >= first);
    state.sessions = kept;
    replaced.sort_by(|a, b| a.start.cmp(&b.start).then_with(|| a.id.cmp(&b.id)));

    let taken: Vec<LocalDateTime> = state
        .sessions
        .iter()
        .filter(|s| &s.pair == pair)
        .map(|s| s.start)
        .collect();
    times.retain(|t| !taken.contains(t));

    // Same time: the very same event, unchanged unless its length is.
    let mut slots: Vec<Option<Session>> = times
        .iter()
        .map(|t| {
            let index = replaced.iter().position(|s| s.start == *t)?;
            Some(replaced.remove(index))
        })
        .collect();
    // Other times: take over the remaining ids in order, as moved events.
    let mut spare = replaced.into_iter();
    for slot in slots.iter_mut().filter(|slot| slot.is_none()) {
        *slot = spare.next();
    }

    let added = times.len();
    for (time, slot) in times.into_iter().zip(slots) {
        let session = match slot {
            Some(mut session) => {
                if session.start != time || session.minutes != minutes {
                    session.sequence += 1;
                }
                session.start = time;
                session.minutes = minutes;
                session
            }
            None => Session {
                id: new_id(),
                pair: pair.clone(),
                start: time,
                minutes,
                status: SessionStatus::Planned,
                rescheduled_from: None,
                topics: Vec::new(),
                notes: String::new(),
                mentor_rating: None,
                mentee_rating: None,
                goal_progress: Vec::new(),
                sequence: 0,
            },
        };
        state.sessions.push(session);
    }
    added
}

#[cfg(test)]
mod tests {
    use super::*;

    fn date(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn next_weekday_table() {
        // 2026-10-06 is a Tuesday.
        let cases = [
            ("2026-10-06", Weekday::Tue, "2026-10-06"),
            ("2026-10-07", Weekday::Tue, "2026-10-13"),
            ("2026-10-05", Weekday::Sun, "2026-10-11"),
            ("2026-12-31", Weekday::Fri, "2027-01-01"),
        ];
        for (from, day, expected) in cases {
            assert_eq!(next_weekday(date(from), day).unwrap(), date(expected));
        }
    }

    #[test]
    fn monthly_occurrences_follow_nth_or_last_weekday() {
        let cases = [
            // 2nd Tuesday of October 2026 → 2nd Tuesdays.
            ("2026-10-13", 3, "2027-01-12"),
            // 1st Monday.
            ("2026-06-01", 2, "2026-08-03"),
            // 4th Thursday of a short month stays the 4th, not the last.
            ("2026-02-26", 1, "2026-03-26"),
            // Last Friday of July (31st) → last Friday of each month.
            ("2026-07-31", 1, "2026-08-28"),
            ("2026-07-31", 7, "2027-02-26"),
            // Last Sunday of a leap February.
            ("2028-02-27", 1, "2028-03-26"),
        ];
        for (first, k, expected) in cases {
            assert_eq!(
                occurrence(date(first), Cadence::Monthly, k).unwrap(),
                date(expected),
                "{first} + {k}"
            );
        }
    }

    #[test]
    fn slot_times_by_part_of_day() {
        assert_eq!(slot_time(DayPart::Morning).to_string(), "10:00");
        assert_eq!(slot_time(DayPart::Afternoon).to_string(), "15:00");
        assert_eq!(slot_time(DayPart::Evening).to_string(), "18:00");
    }
}

//! Time zones for calendars, with their rules built in.
//!
//! Sessions keep the wall-clock time people agreed on; only calendar files
//! need UTC offsets. A tz database would add hundreds of kilobytes to the page
//! for a program that runs in one zone, so a curated list of zones carries its
//! current rules instead (valid from 2023 on; past rule changes such as
//! Mexico's DST until 2022 are not modelled). A name not in [`ZONES`] (or an
//! empty one) is treated as UTC, which [`is_supported`] lets the UI prevent.
//!
//! Every zone here moves by one hour at most, on one of four rules:
//! - EU: last Sunday of March 01:00 UTC → last Sunday of October 01:00 UTC;
//! - US: second Sunday of March 02:00 local → first Sunday of November 02:00 local;
//! - Chile: first Sunday on or after 2 September 04:00 UTC → first Sunday on or
//!   after 2 April 03:00 UTC (midnight local both times; Chile's rule since 2019,
//!   decrees may still move single years);
//! - Australia (NSW): first Sunday of October 02:00 local → first Sunday of
//!   April 03:00 local (daylight).

use super::model::{LocalDateTime, LocalTime};
use crate::domain::date::Date;

/// Supported IANA zone names, in the order a picker shows them.
pub const ZONES: &[&str] = &[
    "UTC",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Lisbon",
    "Europe/Madrid",
    "Europe/Paris",
    "Europe/Berlin",
    "Europe/Rome",
    "Europe/Amsterdam",
    "Europe/Brussels",
    "Europe/Zurich",
    "Europe/Vienna",
    "Europe/Stockholm",
    "Europe/Warsaw",
    "Europe/Athens",
    "Europe/Helsinki",
    "Atlantic/Canary",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Los_Angeles",
    "America/Mexico_City",
    "America/Bogota",
    "America/Lima",
    "America/Santiago",
    "America/Argentina/Buenos_Aires",
    "America/Sao_Paulo",
    "Asia/Kolkata",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Australia/Sydney",
];

/// Which day of the month a transition falls on (always a Sunday).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SundayRule {
    /// The last Sunday of the month.
    Last,
    /// The nth Sunday (1–4).
    Nth(u8),
    /// The first Sunday on or after this day of the month.
    OnOrAfter(u8),
}

/// When on that day the clocks change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ChangeAt {
    /// Minutes after midnight UTC.
    Utc(u16),
    /// Minutes after midnight on the wall clock in force before the change.
    Wall(u16),
}

/// One yearly clock change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Transition {
    pub month: u8,
    pub sunday: SundayRule,
    pub at: ChangeAt,
}

/// Daylight saving: one hour ahead from `starts` until `ends`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Daylight {
    pub starts: Transition,
    pub ends: Transition,
    pub abbreviation: &'static str,
}

/// A zone's current rules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Zone {
    pub name: &'static str,
    /// Standard (winter) offset from UTC in minutes, east positive.
    pub standard_offset: i32,
    pub abbreviation: &'static str,
    pub daylight: Option<Daylight>,
}

/// Daylight saving moves clocks by this many minutes in every supported zone.
pub const DAYLIGHT_SHIFT: i32 = 60;

const EU: (Transition, Transition) = (
    Transition {
        month: 3,
        sunday: SundayRule::Last,
        at: ChangeAt::Utc(60),
    },
    Transition {
        month: 10,
        sunday: SundayRule::Last,
        at: ChangeAt::Utc(60),
    },
);
const US: (Transition, Transition) = (
    Transition {
        month: 3,
        sunday: SundayRule::Nth(2),
        at: ChangeAt::Wall(120),
    },
    Transition {
        month: 11,
        sunday: SundayRule::Nth(1),
        at: ChangeAt::Wall(120),
    },
);
const CHILE: (Transition, Transition) = (
    Transition {
        month: 9,
        sunday: SundayRule::OnOrAfter(2),
        at: ChangeAt::Utc(240),
    },
    Transition {
        month: 4,
        sunday: SundayRule::OnOrAfter(2),
        at: ChangeAt::Utc(180),
    },
);
const AUSTRALIA: (Transition, Transition) = (
    Transition {
        month: 10,
        sunday: SundayRule::Nth(1),
        at: ChangeAt::Wall(120),
    },
    Transition {
        month: 4,
        sunday: SundayRule::Nth(1),
        at: ChangeAt::Wall(180),
    },
);

const fn fixed(name: &'static str, offset: i32, abbreviation: &'static str) -> Zone {
    Zone {
        name,
        standard_offset: offset,
        abbreviation,
        daylight: None,
    }
}

const fn seasonal(
    name: &'static str,
    offset: i32,
    abbreviation: &'static str,
    rule: (Transition, Transition),
    daylight_abbreviation: &'static str,
) -> Zone {
    Zone {
        name,
        standard_offset: offset,
        abbreviation,
        daylight: Some(Daylight {
            starts: rule.0,
            ends: rule.1,
            abbreviation: daylight_abbreviation,
        }),
    }
}

const RULES: &[Zone] = &[
    fixed("UTC", 0, "UTC"),
    seasonal("Europe/London", 0, "GMT", EU, "BST"),
    // Irish law calls summer time standard; the offsets are the same.
    seasonal("Europe/Dublin", 0, "GMT", EU, "IST"),
    seasonal("Europe/Lisbon", 0, "WET", EU, "WEST"),
    seasonal("Europe/Madrid", 60, "CET", EU, "CEST"),
    seasonal("Europe/Paris", 60, "CET", EU, "CEST"),
    seasonal("Europe/Berlin", 60, "CET", EU, "CEST"),
    seasonal("Europe/Rome", 60, "CET", EU, "CEST"),
    seasonal("Europe/Amsterdam", 60, "CET", EU, "CEST"),
    seasonal("Europe/Brussels", 60, "CET", EU, "CEST"),
    seasonal("Europe/Zurich", 60, "CET", EU, "CEST"),
    seasonal("Europe/Vienna", 60, "CET", EU, "CEST"),
    seasonal("Europe/Stockholm", 60, "CET", EU, "CEST"),
    seasonal("Europe/Warsaw", 60, "CET", EU, "CEST"),
    seasonal("Europe/Athens", 120, "EET", EU, "EEST"),
    seasonal("Europe/Helsinki", 120, "EET", EU, "EEST"),
    seasonal("Atlantic/Canary", 0, "WET", EU, "WEST"),
    seasonal("America/New_York", -300, "EST", US, "EDT"),
    seasonal("America/Chicago", -360, "CST", US, "CDT"),
    seasonal("America/Denver", -420, "MST", US, "MDT"),
    seasonal("America/Los_Angeles", -480, "PST", US, "PDT"),
    fixed("America/Mexico_City", -360, "CST"),
    fixed("America/Bogota", -300, "-05"),
    fixed("America/Lima", -300, "-05"),
    seasonal("America/Santiago", -240, "-04", CHILE, "-03"),
    fixed("America/Argentina/Buenos_Aires", -180, "-03"),
    fixed("America/Sao_Paulo", -180, "-03"),
    fixed("Asia/Kolkata", 330, "IST"),
    fixed("Asia/Singapore", 480, "+08"),
    fixed("Asia/Tokyo", 540, "JST"),
    seasonal("Australia/Sydney", 600, "AEST", AUSTRALIA, "AEDT"),
];

const MINUTES_PER_DAY: i64 = 24 * 60;

/// Whether `name` is one of [`ZONES`] (exact spelling).
pub fn is_supported(name: &str) -> bool {
    RULES.iter().any(|z| z.name == name)
}

/// The rules of a zone; unknown or empty names get UTC's.
pub fn zone(name: &str) -> &'static Zone {
    RULES.iter().find(|z| z.name == name).unwrap_or(&RULES[0])
}

/// Whether times in this zone are plain UTC (calendars then use `Z` times).
pub fn is_utc(name: &str) -> bool {
    zone(name).name == "UTC"
}

/// Minutes since 1970-01-01 00:00 on the same clock as `at`.
pub fn epoch_minutes(at: LocalDateTime) -> i64 {
    at.date.days_since_epoch() * MINUTES_PER_DAY + i64::from(at.time.minutes())
}

/// The inverse of [`epoch_minutes`]; `None` outside years 1–9999.
pub fn from_epoch_minutes(minutes: i64) -> Option<LocalDateTime> {
    let date = Date::from_days_since_epoch(minutes.div_euclid(MINUTES_PER_DAY))?;
    let time = LocalTime::from_minutes(minutes.rem_euclid(MINUTES_PER_DAY) as u16)?;
    Some(LocalDateTime { date, time })
}

/// `minutes` later on the same clock (or `at` itself past year 9999).
pub fn add_minutes(at: LocalDateTime, minutes: i64) -> LocalDateTime {
    from_epoch_minutes(epoch_minutes(at) + minutes).unwrap_or(at)
}

impl Transition {
    /// The day of this transition in `year`.
    pub fn date(self, year: i32) -> Option<Date> {
        let first = Date::new(year, self.month, 1)?;
        let first_sunday_on_or_after = |day: Date| {
            let offset = (7 + 6 - day.weekday() as i64) % 7;
            day.add_days(offset)
        };
        match self.sunday {
            SundayRule::Nth(n) => first_sunday_on_or_after(first)?.add_days(7 * (i64::from(n) - 1)),
            SundayRule::OnOrAfter(day) => {
                first_sunday_on_or_after(Date::new(year, self.month, day)?)
            }
            SundayRule::Last => {
                let last = Date::new(year, self.month, first.month_length())?;
                let back = (last.weekday() as i64 + 1) % 7;
                last.add_days(-back)
            }
        }
    }

    /// The UTC instant (epoch minutes) of this transition in `year`, given the
    /// offset in force just before it.
    fn instant(self, year: i32, offset_before: i32) -> Option<i64> {
        let day = self.date(year)?.days_since_epoch() * MINUTES_PER_DAY;
        Some(match self.at {
            ChangeAt::Utc(m) => day + i64::from(m),
            ChangeAt::Wall(m) => day + i64::from(m) - i64::from(offset_before),
        })
    }
}

impl Zone {
    pub fn daylight_offset(&self) -> i32 {
        self.standard_offset + DAYLIGHT_SHIFT
    }

    /// Whether daylight time is in force at a UTC instant (epoch minutes).
    fn is_daylight_at(&self, utc: i64) -> bool {
        let Some(daylight) = self.daylight else {
            return false;
        };
        // Transitions never fall within a day of New Year, so the UTC year is
        // the year of both transitions that matter.
        let Some(year) = from_epoch_minutes(utc).map(|t| t.date.year()) else {
            return false;
        };
        let starts = daylight.starts.instant(year, self.standard_offset);
        let ends = daylight.ends.instant(year, self.daylight_offset());
        let (Some(starts), Some(ends)) = (starts, ends) else {
            return false;
        };
        if starts < ends {
            starts <= utc && utc < ends
        } else {
            // Southern hemisphere: summer spans New Year.
            utc >= starts || utc < ends
        }
    }

    /// The offset in force at a UTC instant (epoch minutes).
    pub fn offset_at_utc(&self, utc: i64) -> i32 {
        if self.is_daylight_at(utc) {
            self.daylight_offset()
        } else {
            self.standard_offset
        }
    }

    /// The offset that turns this wall-clock time into UTC. In the hour that
    /// is skipped in spring, the offset before the change (standard), so the
    /// time moves forward by the gap; in the hour that repeats in autumn, the
    /// daylight offset, i.e. the first of the two instants (RFC 5545 §3.3.5).
    pub fn offset_for_local(&self, local: LocalDateTime) -> i32 {
        if self.daylight.is_none() {
            return self.standard_offset;
        }
        let wall = epoch_minutes(local);
        let fits = |offset: i32| self.offset_at_utc(wall - i64::from(offset)) == offset;
        if fits(self.daylight_offset()) {
            self.daylight_offset()
        } else {
            // Either plainly standard time, or the spring gap.
            self.standard_offset
        }
    }
}

/// UTC offset in minutes (east positive) used for this wall-clock time, so that
/// `to_utc(zone, t) == t - offset_minutes(zone, t)`; see [`Zone::offset_for_local`]
/// for the skipped and repeated hours.
pub fn offset_minutes(zone_name: &str, local: LocalDateTime) -> i32 {
    zone(zone_name).offset_for_local(local)
}

/// The UTC date and time of a wall-clock time in `zone_name`.
pub fn to_utc(zone_name: &str, local: LocalDateTime) -> LocalDateTime {
    add_minutes(local, -i64::from(offset_minutes(zone_name, local)))
}

/// The wall-clock time in `zone_name` of a UTC date and time.
pub fn from_utc(zone_name: &str, utc: LocalDateTime) -> LocalDateTime {
    let offset = zone(zone_name).offset_at_utc(epoch_minutes(utc));
    add_minutes(utc, i64::from(offset))
}

/// A wall-clock time as it will actually read: a time inside the spring gap
/// becomes the time after the change (02:30 → 03:30), others are unchanged.
pub fn normalize(zone_name: &str, local: LocalDateTime) -> LocalDateTime {
    from_utc(zone_name, to_utc(zone_name, local))
}

/// `±HHMM`, the form of iCalendar's TZOFFSETFROM/TO.
pub fn format_offset(minutes: i32) -> String {
    let sign = if minutes < 0 { '-' } else { '+' };
    let abs = minutes.unsigned_abs();
    format!("{sign}{:02}{:02}", abs / 60, abs % 60)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(text: &str) -> LocalDateTime {
        let (date, time) = text.split_once(' ').unwrap();
        LocalDateTime {
            date: Date::parse_iso(date).unwrap(),
            time: LocalTime::parse(time).unwrap(),
        }
    }

    #[test]
    fn every_listed_zone_has_rules_and_only_those() {
        assert_eq!(ZONES.len(), RULES.len());
        for name in ZONES {
            assert!(is_supported(name), "{name}");
            assert_eq!(zone(name).name, *name);
        }
        for name in ["", "Mars/Olympus", "europe/madrid", "Europe/Oslo"] {
            assert!(!is_supported(name), "{name}");
            assert_eq!(zone(name).name, "UTC");
        }
    }

    #[test]
    fn transition_days_table() {
        let cases = [
            (EU.0, 2026, "2026-03-29"),
            (EU.1, 2026, "2026-10-25"),
            (EU.0, 2027, "2027-03-28"),
            (EU.1, 2027, "2027-10-31"),
            (US.0, 2026, "2026-03-08"),
            (US.1, 2026, "2026-11-01"),
            (US.0, 2027, "2027-03-14"),
            (US.1, 2027, "2027-11-07"),
            (CHILE.0, 2026, "2026-09-06"),
            (CHILE.1, 2026, "2026-04-05"),
            // 1 September 2024 was a Sunday: Chile waited for the 8th.
            (CHILE.0, 2024, "2024-09-08"),
            (AUSTRALIA.0, 2026, "2026-10-04"),
            (AUSTRALIA.1, 2026, "2026-04-05"),
        ];
        for (rule, year, expected) in cases {
            assert_eq!(
                rule.date(year).unwrap().to_string(),
                expected,
                "{rule:?} {year}"
            );
        }
    }

    #[test]
    fn utc_round_trips_outside_the_changes() {
        for name in ZONES {
            for text in ["2026-01-15 10:00", "2026-07-15 10:00", "2026-12-31 23:30"] {
                let local = at(text);
                assert_eq!(from_utc(name, to_utc(name, local)), local, "{name} {text}");
            }
        }
    }

    #[test]
    fn offsets_format_for_icalendar() {
        assert_eq!(format_offset(60), "+0100");
        assert_eq!(format_offset(-300), "-0500");
        assert_eq!(format_offset(330), "+0530");
        assert_eq!(format_offset(0), "+0000");
    }
}

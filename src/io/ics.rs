//! iCalendar (RFC 5545) export of planned and logged sessions, for Outlook,
//! Google Calendar and Apple Calendar.
//!
//! Re-importing an updated file must update events, not duplicate them: each
//! event's UID is its session id, and its SEQUENCE is the session's, raised
//! whenever time or status changes. Cancelled sessions stay in the file with
//! `STATUS:CANCELLED`, so calendars remove them. Times are the program's
//! wall-clock times with a `VTIMEZONE` built from [`tz`]'s rules, or UTC
//! (`Z`) when the zone is UTC, empty or unknown. An event ending in the hour
//! that repeats in autumn gets a `DURATION` instead of an ambiguous `DTEND`.
//! All wording comes from the caller ([`IcsText`]): the core has no translations.

use crate::domain::Workspace;
use crate::domain::date::Date;
use crate::domain::matching::PairKey;
use crate::domain::participants::Channel;
use crate::domain::sessions::model::{LocalDateTime, Session, SessionStatus};
use crate::domain::sessions::tz::{self, ChangeAt, SundayRule, Transition, Zone};
use crate::domain::text;
use std::fmt::Write as _;

/// Identifies the generator in `PRODID`.
pub const PRODID: &str = "-//Inversa//Reverse mentoring sessions//EN";

/// UIDs are `<session id>@inversa`.
pub const UID_DOMAIN: &str = "inversa";

/// Lines longer than this many octets (CRLF excluded) are folded.
pub const MAX_LINE_OCTETS: usize = 75;

/// The words of the calendar, in the reader's language.
///
/// `summary` and `description` are templates: `{mentor}` and `{mentee}` become
/// the two names, `{minutes}` the session length and `{channel}` the pair's
/// channel as named in `channels`. Other text, braces included, stays as is.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct IcsText {
    /// Shown by calendar apps as the calendar's name (`X-WR-CALNAME`).
    pub calendar_name: String,
    pub summary: String,
    /// Left out of events when it comes out empty.
    pub description: String,
    /// Put before the summary of cancelled sessions (e.g. "Cancelled: "); may be empty.
    pub cancelled_prefix: String,
    /// How each channel reads, for `{channel}`; a missing one reads as empty.
    pub channels: Vec<(Channel, String)>,
}

/// A moment in UTC, for `DTSTAMP` (when the file was made).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct UtcStamp {
    date: Date,
    /// Seconds after midnight (0..86400).
    second_of_day: u32,
}

impl UtcStamp {
    pub fn new(date: Date, hour: u8, minute: u8, second: u8) -> Option<UtcStamp> {
        (hour < 24 && minute < 60 && second < 60).then(|| UtcStamp {
            date,
            second_of_day: u32::from(hour) * 3600 + u32::from(minute) * 60 + u32::from(second),
        })
    }

    /// Parses `YYYY-MM-DDTHH:MM:SSZ`, with optional fractional seconds as
    /// JavaScript's `toISOString()` writes them (`…:00.000Z`; dropped).
    pub fn parse_iso(text: &str) -> Option<UtcStamp> {
        let body = text.strip_suffix('Z')?;
        let (date, time) = body.split_once('T')?;
        let time = match time.split_once('.') {
            Some((whole, fraction))
                if !fraction.is_empty() && fraction.bytes().all(|b| b.is_ascii_digit()) =>
            {
                whole
            }
            Some(_) => return None,
            None => time,
        };
        let bytes = time.as_bytes();
        if bytes.len() != 8 || bytes[2] != b':' || bytes[5] != b':' {
            return None;
        }
        let number = |range: std::ops::Range<usize>| -> Option<u8> {
            let part = &time[range];
            part.bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| part.parse().ok())?
        };
        UtcStamp::new(
            Date::parse_iso(date)?,
            number(0..2)?,
            number(3..5)?,
            number(6..8)?,
        )
    }

    /// `YYYYMMDDTHHMMSSZ`.
    fn to_ics(self) -> String {
        let s = self.second_of_day;
        format!(
            "{}T{:02}{:02}{:02}Z",
            ics_date(self.date),
            s / 3600,
            s / 60 % 60,
            s % 60
        )
    }
}

/// The calendar of every session of `pairs` (in that order, each pair's
/// sessions in time order), as text with CRLF line endings.
pub fn calendar(ws: &Workspace, pairs: &[PairKey], text: &IcsText, stamp: UtcStamp) -> String {
    let zone_name = ws.sessions.settings.time_zone.as_str();
    let zone = tz::zone(zone_name);
    let utc = tz::is_utc(zone_name);
    let mut out = Lines::default();
    out.line("BEGIN:VCALENDAR");
    out.line("VERSION:2.0");
    out.line(&format!("PRODID:{PRODID}"));
    out.line("CALSCALE:GREGORIAN");
    out.line("METHOD:PUBLISH");
    out.line(&format!(
        "X-WR-CALNAME:{}",
        escape_text(&text.calendar_name)
    ));
    if !utc {
        out.line(&format!("X-WR-TIMEZONE:{}", zone.name));
        write_timezone(&mut out, zone);
    }
    let mut seen: Vec<&PairKey> = Vec::new();
    for pair in pairs {
        if seen.contains(&pair) {
            continue;
        }
        seen.push(pair);
        for session in ws.sessions.sessions_of(pair) {
            write_event(&mut out, ws, session, zone, utc, text, stamp);
        }
    }
    out.line("END:VCALENDAR");
    out.0
}

/// A safe ASCII file name: `inversa-<program>.ics`, or
/// `inversa-<program>-<pair>.ics` for one pair's calendar.
pub fn file_name(program_name: &str, pair_label: Option<&str>) -> String {
    let program = text::slug(program_name);
    match pair_label.map(str::trim).filter(|label| !label.is_empty()) {
        Some(label) => {
            // `slug` falls back to "program"; a label with no Latin letters
            // or digits (e.g. only CJK) reads better as "pair".
            let has_ascii = text::search_key(label)
                .chars()
                .any(|c| c.is_ascii_alphanumeric());
            let pair = if has_ascii {
                text::slug(label)
            } else {
                "pair".to_string()
            };
            format!("inversa-{program}-{pair}.ics")
        }
        None => format!("inversa-{program}.ics"),
    }
}

/// RFC 5545 §3.3.11 TEXT escaping: backslash, semicolon, comma and newlines;
/// other control characters (not allowed in values) are dropped.
pub fn escape_text(value: &str) -> String {
    let mut out = String::with_capacity(value.len());
    let mut chars = value.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                chars.next_if_eq(&'\n');
                out.push_str("\\n");
            }
            '\n' => out.push_str("\\n"),
            '\t' => out.push('\t'),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// Folds one content line (RFC 5545 §3.1): at most 75 octets per physical
/// line, continuation lines starting with a space, never inside a UTF-8
/// character. Each physical line ends with CRLF.
pub fn fold_line(line: &str) -> String {
    let mut out = String::with_capacity(line.len() + line.len() / 70 * 3 + 2);
    let mut used = 0;
    for c in line.chars() {
        if used + c.len_utf8() > MAX_LINE_OCTETS {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(c);
        used += c.len_utf8();
    }
    out.push_str("\r\n");
    out
}

#[derive(Default)]
struct Lines(String);

impl Lines {
    fn line(&mut self, content: &str) {
        self.0.push_str(&fold_line(content));
    }
}

fn ics_date(date: Date) -> String {
    format!("{:04}{:02}{:02}", date.year(), date.month(), date.day())
}

fn ics_date_time(at: LocalDateTime) -> String {
    format!(
        "{}T{:02}{:02}00",
        ics_date(at.date),
        at.time.hour(),
        at.time.minute()
    )
}

fn write_event(
    out: &mut Lines,
    ws: &Workspace,
    session: &Session,
    zone: &Zone,
    utc: bool,
    text: &IcsText,
    stamp: UtcStamp,
) {
    // A time inside the spring gap is written as the time it becomes, so
    // every app reads the same instant.
    let start = tz::normalize(zone.name, session.start);
    let end_utc = tz::add_minutes(tz::to_utc(zone.name, start), i64::from(session.minutes));
    let end = tz::from_utc(zone.name, end_utc);
    let time_property = |name: &str, at: LocalDateTime| {
        if utc {
            format!("{name}:{}Z", ics_date_time(at))
        } else {
            format!("{name};TZID={}:{}", zone.name, ics_date_time(at))
        }
    };
    let name_of = |id| {
        ws.participant(id)
            .map(|p| p.name.trim().to_string())
            .unwrap_or_default()
    };
    let fields = Fields {
        mentor: name_of(&session.pair.mentor),
        mentee: name_of(&session.pair.mentee),
        minutes: session.minutes.to_string(),
        channel: channel_of(ws, &session.pair)
            .and_then(|c| text.channels.iter().find(|(k, _)| *k == c))
            .map(|(_, name)| name.clone())
            .unwrap_or_default(),
    };
    let cancelled = session.status == SessionStatus::Cancelled;
    let mut summary = fields.fill(&text.summary);
    if cancelled {
        summary.insert_str(0, &text.cancelled_prefix);
    }
    let description = fields.fill(&text.description);

    out.line("BEGIN:VEVENT");
    out.line(&format!("UID:{}@{UID_DOMAIN}", session.id));
    out.line(&format!("DTSTAMP:{}", stamp.to_ics()));
    out.line(&format!("SEQUENCE:{}", session.sequence));
    out.line(&time_property("DTSTART", start));
    // An end in the hour that repeats in autumn would read as its first
    // instance; a duration says it exactly.
    if utc || tz::to_utc(zone.name, end) == end_utc {
        out.line(&time_property("DTEND", end));
    } else {
        out.line(&format!("DURATION:PT{}M", session.minutes));
    }
    out.line(&format!("SUMMARY:{}", escape_text(&summary)));
    if !description.trim().is_empty() {
        out.line(&format!("DESCRIPTION:{}", escape_text(&description)));
    }
    out.line(if cancelled {
        "STATUS:CANCELLED"
    } else {
        "STATUS:CONFIRMED"
    });
    out.line(if cancelled {
        "TRANSP:TRANSPARENT"
    } else {
        "TRANSP:OPAQUE"
    });
    out.line("END:VEVENT");
}

/// The pair's agreed channel, else the first of the mentor's channels the
/// mentee also uses.
fn channel_of(ws: &Workspace, pair: &PairKey) -> Option<Channel> {
    if let Some(channel) = ws.sessions.agreement(pair).and_then(|a| a.channel) {
        return Some(channel);
    }
    let mentor = ws.participant(&pair.mentor)?;
    let mentee = ws.participant(&pair.mentee)?;
    mentor
        .channels
        .iter()
        .copied()
        .find(|c| mentee.channels.contains(c))
}

/// Values for the placeholders of [`IcsText`] templates.
struct Fields {
    mentor: String,
    mentee: String,
    minutes: String,
    channel: String,
}

impl Fields {
    /// Replaces placeholders in one pass, so a name that happens to contain
    /// `{mentee}` is not replaced again.
    fn fill(&self, template: &str) -> String {
        let mut out = String::with_capacity(template.len() + 32);
        let mut rest = template;
        while let Some(open) = rest.find('{') {
            out.push_str(&rest[..open]);
            let tail = &rest[open..];
            let known = [
                ("{mentor}", &self.mentor),
                ("{mentee}", &self.mentee),
                ("{minutes}", &self.minutes),
                ("{channel}", &self.channel),
            ]
            .into_iter()
            .find(|(key, _)| tail.starts_with(key));
            match known {
                Some((key, value)) => {
                    out.push_str(value);
                    rest = &tail[key.len()..];
                }
                None => {
                    out.push('{');
                    rest = &tail[1..];
                }
            }
        }
        out.push_str(rest);
        out
    }
}

/// A `VTIMEZONE` from the zone's built-in rules: one STANDARD and, where
/// clocks change, one DAYLIGHT observance with a yearly RRULE.
fn write_timezone(out: &mut Lines, zone: &Zone) {
    out.line("BEGIN:VTIMEZONE");
    out.line(&format!("TZID:{}", zone.name));
    match zone.daylight {
        None => {
            let offset = tz::format_offset(zone.standard_offset);
            out.line("BEGIN:STANDARD");
            out.line("DTSTART:19700101T000000");
            out.line(&format!("TZOFFSETFROM:{offset}"));
            out.line(&format!("TZOFFSETTO:{offset}"));
            out.line(&format!("TZNAME:{}", zone.abbreviation));
            out.line("END:STANDARD");
        }
        Some(daylight) => {
            let standard = zone.standard_offset;
            let summer = zone.daylight_offset();
            write_observance(
                out,
                "DAYLIGHT",
                daylight.starts,
                standard,
                summer,
                daylight.abbreviation,
            );
            write_observance(
                out,
                "STANDARD",
                daylight.ends,
                summer,
                standard,
                zone.abbreviation,
            );
        }
    }
    out.line("END:VTIMEZONE");
}

fn write_observance(
    out: &mut Lines,
    kind: &str,
    change: Transition,
    from: i32,
    to: i32,
    name: &str,
) {
    // DTSTART is the first change from 1970, in the wall time before it.
    let Some(day) = change.date(1970) else {
        return;
    };
    let wall = match change.at {
        ChangeAt::Utc(minutes) => i64::from(minutes) + i64::from(from),
        ChangeAt::Wall(minutes) => i64::from(minutes),
    };
    let Some(start) = tz::from_epoch_minutes(day.days_since_epoch() * 24 * 60 + wall) else {
        return;
    };
    let mut rule = format!("RRULE:FREQ=YEARLY;BYMONTH={}", change.month);
    match change.sunday {
        SundayRule::Last => rule.push_str(";BYDAY=-1SU"),
        SundayRule::Nth(n) => {
            let _ = write!(rule, ";BYDAY={n}SU");
        }
        SundayRule::OnOrAfter(first) => {
            let days: Vec<String> = (first..first + 7).map(|d| d.to_string()).collect();
            let _ = write!(rule, ";BYDAY=SU;BYMONTHDAY={}", days.join(","));
        }
    }
    out.line(&format!("BEGIN:{kind}"));
    out.line(&format!("DTSTART:{}", ics_date_time(start)));
    out.line(&format!("TZOFFSETFROM:{}", tz::format_offset(from)));
    out.line(&format!("TZOFFSETTO:{}", tz::format_offset(to)));
    out.line(&format!("TZNAME:{name}"));
    out.line(&rule);
    out.line(&format!("END:{kind}"));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_values() {
        let cases = [
            ("a,b;c\\d", "a\\,b\\;c\\\\d"),
            ("line 1\nline 2", "line 1\\nline 2"),
            ("crlf\r\nend", "crlf\\nend"),
            ("bell\u{7}gone", "bellgone"),
            ("ñandú 🎉", "ñandú 🎉"),
        ];
        for (raw, escaped) in cases {
            assert_eq!(escape_text(raw), escaped, "{raw:?}");
        }
    }

    #[test]
    fn folds_at_75_octets_without_splitting_characters() {
        let line = format!("DESCRIPTION:{}", "é".repeat(100));
        let folded = fold_line(&line);
        for physical in folded.split_terminator("\r\n") {
            assert!(physical.len() <= MAX_LINE_OCTETS, "{physical}");
        }
        let unfolded = folded.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
        assert_eq!(fold_line("SHORT:x"), "SHORT:x\r\n");
    }

    #[test]
    fn stamps_parse_from_iso() {
        let cases = [
            ("2026-11-25T10:00:00Z", Some("20261125T100000Z")),
            ("2026-11-25T10:00:00.123Z", Some("20261125T100000Z")),
            ("2026-11-25T23:59:59Z", Some("20261125T235959Z")),
            ("2026-11-25T10:00:00", None),
            ("2026-11-25T24:00:00Z", None),
            ("2026-11-25T10:00:00.Z", None),
            ("2026-11-25 10:00:00Z", None),
            ("2026-02-30T10:00:00Z", None),
        ];
        for (text, expected) in cases {
            assert_eq!(
                UtcStamp::parse_iso(text).map(UtcStamp::to_ics).as_deref(),
                expected,
                "{text}"
            );
        }
    }

    #[test]
    fn templates_fill_known_placeholders_once() {
        let fields = Fields {
            mentor: "Ana {mentee}".into(),
            mentee: "Bruno".into(),
            minutes: "30".into(),
            channel: "Video".into(),
        };
        assert_eq!(
            fields.fill("{mentor} & {mentee}, {minutes} min ({channel}) {other} {"),
            "Ana {mentee} & Bruno, 30 min (Video) {other} {"
        );
    }

    #[test]
    fn file_names_are_safe_ascii() {
        let cases = [
            ("Bridge 2026", None, "inversa-bridge-2026.ics"),
            (
                "Programa Año 1",
                Some("Lucía · Martín"),
                "inversa-programa-ano-1-lucia-martin.ics",
            ),
            ("", Some("  "), "inversa-program.ics"),
            ("P/../x", Some("山田 · 佐藤"), "inversa-p-x-pair.ics"),
        ];
        for (program, pair, expected) in cases {
            assert_eq!(file_name(program, pair), expected);
        }
    }
}

//! When the before and after self-assessments are open by default.

use crate::domain::date::Date;
use crate::domain::sessions::RoundKind;
use crate::domain::workspace::Workspace;

/// Days an assessment stays open when nothing in the program bounds it.
pub const ASSESSMENT_OPEN_DAYS: i64 = 14;
/// The fewest days a "before" round gets, even when the program starts sooner.
const SHORTEST_BEFORE: i64 = 5;

/// The suggested window of a new self-assessment round: "before" opens today
/// and closes when the program starts (so answers describe the starting
/// point), "after" opens when the program ends, or today if it has ended.
/// Check-in rounds have their own rhythm (`checkin::suggested_window`); for
/// them this falls back to two weeks from today.
pub fn assessment_window(ws: &Workspace, kind: RoundKind, today: Date) -> (Date, Date) {
    let days = |from: Date, n: i64| from.add_days(n).unwrap_or(from);
    match kind {
        RoundKind::PreAssessment => {
            let closes = match ws.program.start_date {
                Some(start) if start >= days(today, SHORTEST_BEFORE) => start,
                _ => days(today, ASSESSMENT_OPEN_DAYS),
            };
            (today, closes)
        }
        RoundKind::PostAssessment => {
            let opens = ws.program.end_date.map_or(today, |end| end.max(today));
            (opens, days(opens, ASSESSMENT_OPEN_DAYS))
        }
        RoundKind::CheckIn => (today, days(today, ASSESSMENT_OPEN_DAYS)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(text: &str) -> Date {
        Date::parse_iso(text).unwrap()
    }

    #[test]
    fn windows_follow_the_program_dates() {
        let today = day("2026-03-01");
        // (start, end, kind, expected window)
        let cases = [
            (
                None,
                None,
                RoundKind::PreAssessment,
                ("2026-03-01", "2026-03-15"),
            ),
            (
                Some("2026-03-20"),
                None,
                RoundKind::PreAssessment,
                ("2026-03-01", "2026-03-20"),
            ),
            // Starting in two days: still a usable window.
            (
                Some("2026-03-03"),
                None,
                RoundKind::PreAssessment,
                ("2026-03-01", "2026-03-15"),
            ),
            (
                Some("2026-01-10"),
                Some("2026-06-30"),
                RoundKind::PostAssessment,
                ("2026-06-30", "2026-07-14"),
            ),
            // Ended already: open from today.
            (
                Some("2025-09-01"),
                Some("2026-02-01"),
                RoundKind::PostAssessment,
                ("2026-03-01", "2026-03-15"),
            ),
            (
                None,
                None,
                RoundKind::PostAssessment,
                ("2026-03-01", "2026-03-15"),
            ),
        ];
        for (start, end, kind, (opens, closes)) in cases {
            let mut ws = Workspace::default();
            ws.program.start_date = start.map(day);
            ws.program.end_date = end.map(day);
            assert_eq!(
                assessment_window(&ws, kind, today),
                (day(opens), day(closes)),
                "{start:?}..{end:?} {kind:?}"
            );
        }
    }
}

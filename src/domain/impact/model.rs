//! What the coordinator records for measuring and recognising the program:
//! who left the company, when someone earns a certificate, and the words of
//! the board report. Everything else on the Impact page is computed.

use crate::domain::date::Date;
use crate::domain::ids::ParticipantId;

/// The smallest group an aggregate may describe. Averages, distributions and
/// breakdowns over fewer people are withheld ("too few answers to show"), so
/// no one's answer can be read off a chart.
pub const MIN_GROUP: usize = 3;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImpactState {
    pub certificates: CertificateCriteria,
    pub report: ReportNotes,
    /// People who left the company during the program: the retention signal.
    pub leavers: Vec<Leaver>,
}

impl ImpactState {
    /// Drops everything recorded about a person who is removed.
    pub fn forget(&mut self, id: &ParticipantId) {
        self.leavers.retain(|l| &l.participant != id);
    }

    /// Records (or moves) the day someone left the company: one entry per
    /// person, as saved data requires.
    pub fn record_leaver(&mut self, participant: ParticipantId, left_on: Date) {
        match self
            .leavers
            .iter_mut()
            .find(|l| l.participant == participant)
        {
            Some(existing) => existing.left_on = left_on,
            None => self.leavers.push(Leaver {
                participant,
                left_on,
            }),
        }
    }

    pub fn left_on(&self, id: &ParticipantId) -> Option<Date> {
        self.leavers
            .iter()
            .find(|l| &l.participant == id)
            .map(|l| l.left_on)
    }
}

/// A participant who left the company (not just the program) on a day.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Leaver {
    pub participant: ParticipantId,
    pub left_on: Date,
}

/// Who completed the program, for certificates and the funnel's "completed".
#[derive(Clone, Debug, PartialEq)]
pub struct CertificateCriteria {
    /// Sessions the person's pairs held, at least.
    pub min_sessions_held: u32,
    /// Whether the person must have answered the post-program assessment.
    pub require_post_assessment: bool,
    /// The date printed on certificates; `None` prints the day of printing.
    pub issued_on: Option<Date>,
    /// The name and title on the signature line (e.g. the sponsor).
    pub signer_name: String,
    pub signer_title: String,
}

impl Default for CertificateCriteria {
    fn default() -> Self {
        CertificateCriteria {
            min_sessions_held: 4,
            require_post_assessment: false,
            issued_on: None,
            signer_name: String::new(),
            signer_title: String::new(),
        }
    }
}

/// The coordinator's own words for the board report; the figures are computed.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ReportNotes {
    pub highlights: String,
    pub lessons: String,
    pub next_steps: String,
    /// Free-text answers appear in the printed report only when chosen.
    pub include_comments: bool,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::seeded_bytes;

    #[test]
    fn a_leaver_is_recorded_once_and_forgotten_with_the_person() {
        let id = |seed| ParticipantId::from_random_bytes(seeded_bytes(seed));
        let day = |text| Date::parse_iso(text).unwrap();
        let mut state = ImpactState::default();
        state.record_leaver(id(1), day("2026-05-01"));
        state.record_leaver(id(2), day("2026-06-01"));
        state.record_leaver(id(1), day("2026-07-15"));
        assert_eq!(state.leavers.len(), 2);
        assert_eq!(state.left_on(&id(1)), Some(day("2026-07-15")));
        state.forget(&id(1));
        assert_eq!(state.left_on(&id(1)), None);
        assert_eq!(state.left_on(&id(2)), Some(day("2026-06-01")));
    }
}

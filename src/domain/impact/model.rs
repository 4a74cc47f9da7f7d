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

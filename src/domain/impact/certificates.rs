//! Who earned a certificate, and what it says.
//!
//! # Eligible
//! A person completes the program (the funnel's "completed") when all hold:
//! - they are still taking part: active in the roster and not recorded as
//!   having left the company during the program;
//! - one of their accepted pairs held at least
//!   [`CertificateCriteria::min_sessions_held`] sessions (held sessions
//!   dated today or earlier; a minimum of 0 counts as 1, since nobody
//!   completes a mentoring program without meeting once);
//! - when [`CertificateCriteria::require_post_assessment`] is set, they
//!   answered a post-assessment round.
//!
//! # What a certificate says
//! - sessions held and hours: over all the person's pairs, former ones too;
//! - partners: everyone they held a session with, in pair order (accepted
//!   pairs first, as listed in the pairing);
//! - skills shared: their offered skills that were topics of their held
//!   sessions; when none was (no topics logged, or only the other side's),
//!   all their offered skills (in their order): a certificate never says
//!   someone shared nothing;
//! - the issue date: [`CertificateCriteria::issued_on`], else today.
//!
//! # Not yet eligible
//! Every matched person of the scope who is not eligible, with every reason
//! that applies. The list is for the coordinator only, never an aggregate.
//!
//! [`CertificateCriteria::min_sessions_held`]: super::CertificateCriteria::min_sessions_held
//! [`CertificateCriteria::require_post_assessment`]: super::CertificateCriteria::require_post_assessment
//! [`CertificateCriteria::issued_on`]: super::CertificateCriteria::issued_on

use super::metrics::members;
use super::records::Records;
use super::scope::Scope;
use crate::domain::date::Date;
use crate::domain::ids::ParticipantId;
use crate::domain::participants::Role;
use crate::domain::skills::SkillId;
use crate::domain::workspace::Workspace;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Certificate {
    pub participant: ParticipantId,
    pub role: Role,
    pub sessions_held: u32,
    pub minutes_held: u64,
    pub skills_shared: Vec<SkillId>,
    pub partners: Vec<ParticipantId>,
    pub issued_on: Date,
}

impl Certificate {
    pub fn hours(&self) -> f64 {
        self.minutes_held as f64 / 60.0
    }
}

/// Why someone has no certificate yet.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PendingReason {
    /// Inactive in the roster, or left the company during the program.
    Inactive,
    /// The most sessions any of their accepted pairs held (0 without an
    /// accepted pair), and how many are needed.
    TooFewSessions {
        held: u32,
        needed: u32,
    },
    NoPostAssessment,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NotYetEligible {
    pub participant: ParticipantId,
    pub role: Role,
    /// In the order of [`PendingReason`]'s variants; never empty.
    pub reasons: Vec<PendingReason>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Certificates {
    /// In roster order.
    pub eligible: Vec<Certificate>,
    /// In roster order.
    pub pending: Vec<NotYetEligible>,
}

/// Certificates for the scope's participants on `today`.
pub fn certificates(ws: &Workspace, scope: &Scope, today: Date) -> Certificates {
    let records = Records::new(ws, today);
    let issued_on = ws.impact.certificates.issued_on.unwrap_or(today);
    let mut out = Certificates::default();
    for person in members(ws, scope) {
        if records.people[person].pairs.is_empty() {
            continue;
        }
        let participant = &ws.participants[person];
        let reasons = missing(&records, person);
        if reasons.is_empty() {
            out.eligible.push(certificate(&records, person, issued_on));
        } else {
            out.pending.push(NotYetEligible {
                participant: participant.id.clone(),
                role: participant.role,
                reasons,
            });
        }
    }
    out
}

/// What keeps `person` from completing; empty when they completed.
pub(super) fn missing(records: &Records, person: usize) -> Vec<PendingReason> {
    let criteria = &records.ws.impact.certificates;
    let mut reasons = Vec::new();
    if !records.still_here(person) {
        reasons.push(PendingReason::Inactive);
    }
    let needed = criteria.min_sessions_held.max(1);
    let held = records.best_accepted_held(person);
    if held < needed {
        reasons.push(PendingReason::TooFewSessions { held, needed });
    }
    if criteria.require_post_assessment && !records.people[person].answered_post {
        reasons.push(PendingReason::NoPostAssessment);
    }
    reasons
}

fn certificate(records: &Records, person: usize, issued_on: Date) -> Certificate {
    let participant = &records.ws.participants[person];
    let mut sessions_held = 0;
    let mut minutes_held = 0;
    let mut partners: Vec<ParticipantId> = Vec::new();
    let mut topics: Vec<&SkillId> = Vec::new();
    for pair in records.pairs_of(person).filter(|p| p.held > 0) {
        sessions_held += pair.held;
        minutes_held += pair.minutes_held;
        topics.extend(pair.held_topics.iter().copied());
        let other = if pair.mentor == Some(person) {
            pair.mentee
        } else {
            pair.mentor
        };
        if let Some(other) = other.map(|i| &records.ws.participants[i].id)
            && !partners.contains(other)
        {
            partners.push(other.clone());
        }
    }
    let mut offered: Vec<SkillId> = Vec::new();
    for skill in participant.skills_offered.iter().map(|s| &s.skill) {
        if !offered.contains(skill) {
            offered.push(skill.clone());
        }
    }
    let discussed: Vec<SkillId> = offered
        .iter()
        .filter(|skill| topics.contains(skill))
        .cloned()
        .collect();
    let skills_shared = if discussed.is_empty() {
        offered
    } else {
        discussed
    };
    Certificate {
        participant: participant.id.clone(),
        role: participant.role,
        sessions_held,
        minutes_held,
        skills_shared,
        partners,
        issued_on,
    }
}

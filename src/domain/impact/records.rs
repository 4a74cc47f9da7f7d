//! The saved records the Impact figures come from, indexed once per call:
//! every pair ever recorded with its session tallies, and every participant
//! with their pairs and parsed answers. Figures for the program and for each
//! department are then sums over these facts, so the page costs one pass over
//! the records however many departments it breaks down.

use std::collections::HashMap;

use super::gains::Assessment;
use super::metrics::ScaleSummary;
use crate::domain::date::Date;
use crate::domain::ids::{ParticipantId, RoundId};
use crate::domain::sessions::checkin::{GOING, MOOD};
use crate::domain::sessions::{
    Agreement, AnswerValue, CheckinRound, Response, RoundKind, Session, SessionStatus,
};
use crate::domain::skills::SkillId;
use crate::domain::workspace::Workspace;

/// A pair as the records know it: an accepted pair, or a former one that
/// still has an agreement or sessions (history survives re-pairing).
pub(super) struct PairFacts<'a> {
    /// Indices into `Workspace::participants`; `None` for someone no longer there.
    pub mentor: Option<usize>,
    pub mentee: Option<usize>,
    /// In `pairing.pairs` now.
    pub accepted: bool,
    pub agreement: Option<&'a Agreement>,
    /// Session records of any status.
    pub sessions: usize,
    pub held: u32,
    pub minutes_held: u64,
    pub cancelled: usize,
    pub unlogged: usize,
    pub upcoming: usize,
    pub mentor_ratings: ScaleSummary,
    pub mentee_ratings: ScaleSummary,
    /// Distinct topics of held sessions, in the order first logged.
    pub held_topics: Vec<&'a SkillId>,
}

/// One check-in answer: its round's position in [`Records::checkin_rounds`]
/// and the two scale questions the figures use.
pub(super) struct CheckinAnswer {
    pub round: usize,
    pub going: Option<u8>,
    pub mood: Option<u8>,
}

#[derive(Default)]
pub(super) struct PersonFacts {
    /// Indices into [`Records::pairs`].
    pub pairs: Vec<usize>,
    /// Left the company during the program, on or before today.
    pub left: bool,
    pub answered_post: bool,
    /// At most one per round: the last one imported.
    pub checkins: Vec<CheckinAnswer>,
    pub assessment: Assessment,
}

pub(super) struct Records<'a> {
    pub ws: &'a Workspace,
    pub today: Date,
    pub pairs: Vec<PairFacts<'a>>,
    /// Parallel to `ws.participants`; a repeated id keeps its facts on the
    /// first entry (as every lookup by id finds that one).
    pub people: Vec<PersonFacts>,
    /// Check-in rounds by opening date (then id).
    pub checkin_rounds: Vec<&'a CheckinRound>,
}

type Key<'a> = (&'a ParticipantId, &'a ParticipantId);

impl<'a> Records<'a> {
    pub fn new(ws: &'a Workspace, today: Date) -> Records<'a> {
        let mut index: HashMap<&ParticipantId, usize> =
            HashMap::with_capacity(ws.participants.len());
        for (i, person) in ws.participants.iter().enumerate() {
            index.entry(&person.id).or_insert(i);
        }
        let mut records = Records {
            ws,
            today,
            pairs: Vec::new(),
            people: ws
                .participants
                .iter()
                .map(|_| PersonFacts::default())
                .collect(),
            checkin_rounds: Vec::new(),
        };
        records.index_pairs(&index);
        records.index_answers(&index);
        records.index_leavers(&index);
        records
    }

    fn index_pairs(&mut self, index: &HashMap<&ParticipantId, usize>) {
        let ws = self.ws;
        let mut keys: HashMap<Key<'a>, usize> = HashMap::new();
        let mut intern = |pairs: &mut Vec<PairFacts<'a>>, key: Key<'a>| -> usize {
            *keys.entry(key).or_insert_with(|| {
                pairs.push(PairFacts {
                    mentor: index.get(key.0).copied(),
                    mentee: index.get(key.1).copied(),
                    accepted: false,
                    agreement: None,
                    sessions: 0,
                    held: 0,
                    minutes_held: 0,
                    cancelled: 0,
                    unlogged: 0,
                    upcoming: 0,
                    mentor_ratings: ScaleSummary::default(),
                    mentee_ratings: ScaleSummary::default(),
                    held_topics: Vec::new(),
                });
                pairs.len() - 1
            })
        };
        for pair in &ws.pairing.pairs {
            let i = intern(&mut self.pairs, (&pair.mentor, &pair.mentee));
            self.pairs[i].accepted = true;
        }
        for agreement in &ws.sessions.agreements {
            let i = intern(
                &mut self.pairs,
                (&agreement.pair.mentor, &agreement.pair.mentee),
            );
            self.pairs[i].agreement.get_or_insert(agreement);
        }
        for session in &ws.sessions.sessions {
            let i = intern(
                &mut self.pairs,
                (&session.pair.mentor, &session.pair.mentee),
            );
            tally(&mut self.pairs[i], session, self.today);
        }
        for (i, pair) in self.pairs.iter().enumerate() {
            for person in [pair.mentor, pair.mentee].into_iter().flatten() {
                if !self.people[person].pairs.contains(&i) {
                    self.people[person].pairs.push(i);
                }
            }
        }
    }

    fn index_answers(&mut self, index: &HashMap<&ParticipantId, usize>) {
        let ws = self.ws;
        let mut kinds: HashMap<&RoundId, RoundKind> = HashMap::new();
        for round in &ws.sessions.rounds {
            kinds.entry(&round.id).or_insert(round.kind);
        }
        let mut checkins: Vec<&CheckinRound> = ws
            .sessions
            .rounds
            .iter()
            .filter(|r| r.kind == RoundKind::CheckIn)
            .collect();
        checkins.sort_by(|a, b| a.opens.cmp(&b.opens).then_with(|| a.id.cmp(&b.id)));
        checkins.dedup_by(|a, b| a.id == b.id);
        let position: HashMap<&RoundId, usize> = checkins
            .iter()
            .enumerate()
            .map(|(i, r)| (&r.id, i))
            .collect();
        self.checkin_rounds = checkins;

        for response in &ws.sessions.responses {
            let Some(&person) = index.get(&response.participant) else {
                continue;
            };
            let facts = &mut self.people[person];
            match kinds.get(&response.round) {
                Some(RoundKind::CheckIn) => {
                    let Some(&round) = position.get(&response.round) else {
                        continue;
                    };
                    let answer = CheckinAnswer {
                        round,
                        going: scale(response, GOING),
                        mood: scale(response, MOOD),
                    };
                    match facts.checkins.iter_mut().find(|a| a.round == round) {
                        Some(earlier) => *earlier = answer,
                        None => facts.checkins.push(answer),
                    }
                }
                Some(kind @ (RoundKind::PreAssessment | RoundKind::PostAssessment)) => {
                    facts.answered_post |= *kind == RoundKind::PostAssessment;
                    facts.assessment.record(*kind, response);
                }
                // Answers to a round no longer kept say nothing about its kind.
                None => {}
            }
        }
    }

    fn index_leavers(&mut self, index: &HashMap<&ParticipantId, usize>) {
        let program = &self.ws.program;
        for leaver in &self.ws.impact.leavers {
            let during = leaver.left_on <= self.today
                && program
                    .start_date
                    .is_none_or(|start| leaver.left_on >= start)
                && program.end_date.is_none_or(|end| leaver.left_on <= end);
            if let (true, Some(&person)) = (during, index.get(&leaver.participant)) {
                self.people[person].left = true;
            }
        }
    }

    /// Still taking part: active in the roster and not a leaver.
    pub fn still_here(&self, person: usize) -> bool {
        self.ws.participants[person].active && !self.people[person].left
    }

    pub fn pairs_of(&self, person: usize) -> impl Iterator<Item = &PairFacts<'a>> + '_ {
        self.people[person].pairs.iter().map(|&i| &self.pairs[i])
    }

    /// The most sessions any of the person's accepted pairs held.
    pub fn best_accepted_held(&self, person: usize) -> u32 {
        self.pairs_of(person)
            .filter(|p| p.accepted)
            .map(|p| p.held)
            .max()
            .unwrap_or(0)
    }
}

/// Adds one session to its pair's tallies (see "Sessions" in the metrics
/// module documentation).
fn tally<'a>(pair: &mut PairFacts<'a>, session: &'a Session, today: Date) {
    pair.sessions += 1;
    let past = session.start.date < today;
    match session.status {
        SessionStatus::Held if session.start.date <= today => {
            pair.held += 1;
            pair.minutes_held += u64::from(session.minutes);
            for (rating, tally) in [
                (session.mentor_rating, &mut pair.mentor_ratings),
                (session.mentee_rating, &mut pair.mentee_ratings),
            ] {
                if let Some(rating) = rating {
                    tally.add(rating);
                }
            }
            for topic in &session.topics {
                if !pair.held_topics.contains(&topic) {
                    pair.held_topics.push(topic);
                }
            }
        }
        SessionStatus::Cancelled => pair.cancelled += 1,
        SessionStatus::Planned | SessionStatus::Rescheduled if past => pair.unlogged += 1,
        SessionStatus::Held | SessionStatus::Planned | SessionStatus::Rescheduled => {
            pair.upcoming += 1
        }
    }
}

/// A 1–5 answer to `question`; anything else is ignored.
pub(super) fn scale(response: &Response, question: &str) -> Option<u8> {
    scale_value(response.answer(question)?)
}

pub(super) fn scale_value(value: &AnswerValue) -> Option<u8> {
    match value {
        AnswerValue::Scale(v) if ScaleSummary::RANGE.contains(v) => Some(*v),
        _ => None,
    }
}

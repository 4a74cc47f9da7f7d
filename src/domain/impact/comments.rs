//! Free-text answers from check-ins and self-assessments. The coordinator
//! reads them with names on the Impact page; the printed report carries them
//! only when the coordinator chooses, and then without names.

use super::scope::Scope;
use crate::domain::date::Date;
use crate::domain::ids::ParticipantId;
use crate::domain::participants::Role;
use crate::domain::sessions::checkin::COMMENT;
use crate::domain::sessions::{AnswerValue, RoundKind};
use crate::domain::workspace::Workspace;
use std::collections::HashMap;

#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Comment {
    pub participant: ParticipantId,
    pub role: Role,
    pub kind: RoundKind,
    pub answered_on: Date,
    pub text: String,
}

/// Non-blank comments of the scope's people, newest first (ties in import
/// order). Answers to rounds no longer kept count as check-ins.
pub fn comments(ws: &Workspace, scope: &Scope) -> Vec<Comment> {
    let people: HashMap<&ParticipantId, Role> = ws
        .participants
        .iter()
        .filter(|p| scope.includes(p))
        .map(|p| (&p.id, p.role))
        .collect();
    let kinds: HashMap<_, RoundKind> = ws.sessions.rounds.iter().map(|r| (&r.id, r.kind)).collect();
    let mut out: Vec<Comment> = ws
        .sessions
        .responses
        .iter()
        .filter_map(|response| {
            let role = *people.get(&response.participant)?;
            let Some(AnswerValue::Text(text)) = response.answer(COMMENT) else {
                return None;
            };
            let text = text.trim();
            (!text.is_empty()).then(|| Comment {
                participant: response.participant.clone(),
                role,
                kind: kinds
                    .get(&response.round)
                    .copied()
                    .unwrap_or(RoundKind::CheckIn),
                answered_on: response.answered_on,
                text: text.to_string(),
            })
        })
        .collect();
    out.sort_by_key(|c| std::cmp::Reverse(c.answered_on));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{RoundId, seeded_bytes};
    use crate::domain::participants::Participant;
    use crate::domain::sessions::{Answer, CheckinRound, Response};

    #[test]
    fn comments_are_the_scopes_non_blank_texts_newest_first() {
        let person = |seed: u64, role: Role, department: &str| {
            let mut p =
                Participant::new(ParticipantId::from_random_bytes(seeded_bytes(seed)), role);
            p.department = department.into();
            p
        };
        let (ana, bo) = (
            person(1, Role::Mentee, "Sales"),
            person(2, Role::ReverseMentor, "IT"),
        );
        let round = CheckinRound {
            id: RoundId::from_random_bytes(seeded_bytes(9)),
            kind: RoundKind::PostAssessment,
            opens: Date::parse_iso("2026-09-01").unwrap(),
            closes: Date::parse_iso("2026-09-15").unwrap(),
            invitations: Vec::new(),
        };
        let answer = |who: &Participant, round: RoundId, day: &str, text: &str| Response {
            round,
            participant: who.id.clone(),
            answered_on: Date::parse_iso(day).unwrap(),
            imported_on: Date::parse_iso(day).unwrap(),
            answers: vec![Answer {
                question: COMMENT.into(),
                value: AnswerValue::Text(text.into()),
            }],
        };
        let gone = RoundId::from_random_bytes(seeded_bytes(10));
        let mut ws = Workspace {
            participants: vec![ana.clone(), bo.clone()],
            ..Default::default()
        };
        ws.sessions.responses = vec![
            answer(&ana, gone.clone(), "2026-05-01", " Early days "),
            answer(&bo, round.id.clone(), "2026-09-03", "Learned a lot"),
            answer(&ana, round.id.clone(), "2026-09-04", "   "),
        ];
        ws.sessions.rounds = vec![round];
        let all = comments(&ws, &Scope::Program);
        let texts: Vec<(&str, RoundKind, Role)> = all
            .iter()
            .map(|c| (c.text.as_str(), c.kind, c.role))
            .collect();
        assert_eq!(
            texts,
            vec![
                (
                    "Learned a lot",
                    RoundKind::PostAssessment,
                    Role::ReverseMentor
                ),
                ("Early days", RoundKind::CheckIn, Role::Mentee),
            ]
        );
        let sales = comments(&ws, &Scope::Department("sales".into()));
        assert_eq!(sales.len(), 1);
        assert_eq!(sales[0].participant, ana.id);
    }
}

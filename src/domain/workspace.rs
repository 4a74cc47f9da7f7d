//! The whole document a coordinator works on: one program, its participants
//! and its custom skills. This is what is saved, exported and imported.

use super::ids::ParticipantId;
use super::impact::ImpactState;
use super::matching::PairingState;
use super::participants::Participant;
use super::program::Program;
use super::sessions::SessionsState;
use super::skills::Catalogue;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Workspace {
    pub program: Program,
    pub participants: Vec<Participant>,
    pub catalogue: Catalogue,
    pub pairing: PairingState,
    /// Agreements, sessions, check-ins: everything after pairing.
    pub sessions: SessionsState,
    /// Certificates, report notes, leavers: what measuring the program needs
    /// beyond the records above.
    pub impact: ImpactState,
}

impl Workspace {
    pub fn participant(&self, id: &ParticipantId) -> Option<&Participant> {
        self.participants.iter().find(|p| &p.id == id)
    }

    /// Replaces the participant with the same id, or appends a new one.
    /// Someone whose role changes leaves their pairs, locks and bans: those
    /// were made for the other side and would no longer make sense.
    pub fn upsert_participant(&mut self, participant: Participant) {
        match self
            .participants
            .iter_mut()
            .find(|p| p.id == participant.id)
        {
            Some(existing) => {
                if existing.role != participant.role {
                    let id = &participant.id;
                    let pairing = &mut self.pairing;
                    pairing.locked.retain(|k| !k.involves(id));
                    pairing.forbidden.retain(|k| !k.involves(id));
                    pairing.pairs.retain(|p| &p.mentor != id && &p.mentee != id);
                }
                *existing = participant;
            }
            None => self.participants.push(participant),
        }
    }

    /// Removes a participant and clears every reference to them (manager,
    /// never-pair lists, pairs, circles), so the workspace never points at
    /// someone who is gone.
    pub fn remove_participant(&mut self, id: &ParticipantId) -> Option<Participant> {
        let index = self.participants.iter().position(|p| &p.id == id)?;
        let removed = self.participants.remove(index);
        for p in &mut self.participants {
            if p.manager.as_ref() == Some(id) {
                p.manager = None;
            }
            p.never_pair_with.retain(|other| other != id);
        }
        self.pairing.forget(id);
        self.sessions.forget(id);
        self.impact.forget(id);
        Some(removed)
    }

    /// Sorted, distinct department names, for filters and pickers.
    pub fn departments(&self) -> Vec<String> {
        let mut departments: Vec<String> = self
            .participants
            .iter()
            .map(|p| p.department.trim().to_string())
            .filter(|d| !d.is_empty())
            .collect();
        departments.sort_by_key(|d| super::text::search_key(d));
        departments.dedup_by(|a, b| super::text::search_key(a) == super::text::search_key(b));
        departments
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::seeded_bytes;
    use crate::domain::participants::Role;

    fn person(seed: u64, department: &str) -> Participant {
        let mut p = Participant::new(
            ParticipantId::from_random_bytes(seeded_bytes(seed)),
            Role::Mentee,
        );
        p.department = department.into();
        p
    }

    #[test]
    fn removing_a_manager_clears_references() {
        let boss = person(1, "Sales");
        let mut report = person(2, "Sales");
        report.manager = Some(boss.id.clone());
        let mut ws = Workspace {
            participants: vec![boss.clone(), report.clone()],
            ..Default::default()
        };
        assert!(ws.remove_participant(&boss.id).is_some());
        assert_eq!(ws.participants.len(), 1);
        assert_eq!(ws.participants[0].manager, None);
        assert!(ws.remove_participant(&boss.id).is_none());
    }

    #[test]
    fn changing_role_leaves_pairs_locks_and_bans() {
        use crate::domain::matching::{Pair, PairKey};
        use crate::domain::validation::validate_workspace;
        let mut mentor = person(1, "IT");
        mentor.role = Role::ReverseMentor;
        mentor.email = "m@example.test".into();
        mentor.name = "M".into();
        let mut mentee = person(2, "Sales");
        mentee.email = "e@example.test".into();
        mentee.name = "E".into();
        let mut ws = Workspace {
            participants: vec![mentor.clone(), mentee.clone()],
            ..Default::default()
        };
        ws.program.name = "Pilot".into();
        let key = PairKey::new(mentor.id.clone(), mentee.id.clone());
        ws.pairing.locked.push(key.clone());
        ws.pairing.pairs.push(Pair {
            mentor: key.mentor.clone(),
            mentee: key.mentee.clone(),
            since: None,
        });
        assert_eq!(validate_workspace(&ws), vec![]);
        let mut renamed = mentee.clone();
        renamed.name = "E2".into();
        ws.upsert_participant(renamed);
        assert_eq!(ws.pairing.pairs.len(), 1, "same role: pairs stay");
        let mut switched = mentee.clone();
        switched.role = Role::ReverseMentor;
        ws.upsert_participant(switched);
        assert!(ws.pairing.pairs.is_empty() && ws.pairing.locked.is_empty());
        assert_eq!(validate_workspace(&ws), vec![]);
    }

    #[test]
    fn upsert_replaces_or_appends() {
        let mut ws = Workspace::default();
        let mut p = person(3, "IT");
        ws.upsert_participant(p.clone());
        p.name = "Renamed".into();
        ws.upsert_participant(p.clone());
        assert_eq!(ws.participants, vec![p]);
    }

    #[test]
    fn departments_are_distinct_and_sorted() {
        let ws = Workspace {
            participants: vec![
                person(1, "Sales"),
                person(2, " IT "),
                person(3, "sales"),
                person(4, ""),
            ],
            ..Default::default()
        };
        assert_eq!(
            ws.departments(),
            vec!["IT".to_string(), "Sales".to_string()]
        );
    }
}

//! What the coordinator decides about pairing and what is kept: criteria
//! weights, the minimum score, locked and forbidden pairs, the accepted pairs
//! and the interest circles.

use crate::domain::date::Date;
use crate::domain::ids::ParticipantId;

/// One scoring criterion. Each gives a value from 0 to 1 for a candidate pair.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Criterion {
    /// The reverse mentor teaches what the mentee wants to learn.
    Reverse,
    /// The mentee shares back what the reverse mentor wants to learn.
    Symbiotic,
    /// Interests they have in common.
    Interests,
    /// A way of meeting they both like.
    Channel,
    /// Times both are free.
    Availability,
    /// They work in different departments (breaking silos).
    CrossDepartment,
    /// The mentee has many more years of experience than the mentor.
    SeniorityGap,
}

impl Criterion {
    pub const ALL: [Criterion; 7] = [
        Criterion::Reverse,
        Criterion::Symbiotic,
        Criterion::Interests,
        Criterion::Channel,
        Criterion::Availability,
        Criterion::CrossDepartment,
        Criterion::SeniorityGap,
    ];

    pub fn index(self) -> usize {
        self as usize
    }
}

/// How much each criterion counts, 0 (ignored) to 5, in [`Criterion::ALL`] order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Weights(pub [u8; 7]);

impl Weights {
    pub const MAX: u8 = 5;

    pub fn get(&self, criterion: Criterion) -> u8 {
        self.0[criterion.index()]
    }

    pub fn set(&mut self, criterion: Criterion, weight: u8) {
        self.0[criterion.index()] = weight.min(Self::MAX);
    }

    pub fn total(&self) -> u32 {
        self.0.iter().map(|&w| u32::from(w)).sum()
    }

    /// The preset these weights are exactly equal to, if any.
    pub fn preset(&self) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.weights() == *self)
    }
}

impl Default for Weights {
    fn default() -> Self {
        Preset::Balanced.weights()
    }
}

/// Ready-made weightings a coordinator can start from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Preset {
    /// Skills both ways first, then the practical fit.
    Balanced,
    /// What is taught and learnt is almost all that counts.
    SkillsFirst,
    /// Shared interests, new connections across departments.
    CultureAndConnection,
    /// Pairs that can actually meet: channels and free time.
    EasyToMeet,
}

impl Preset {
    pub const ALL: [Preset; 4] = [
        Preset::Balanced,
        Preset::SkillsFirst,
        Preset::CultureAndConnection,
        Preset::EasyToMeet,
    ];

    /// Weights in [`Criterion::ALL`] order: reverse, symbiotic, interests,
    /// channel, availability, cross-department, seniority gap.
    pub fn weights(self) -> Weights {
        Weights(match self {
            Preset::Balanced => [5, 3, 2, 1, 2, 2, 0],
            Preset::SkillsFirst => [5, 4, 1, 1, 1, 1, 0],
            Preset::CultureAndConnection => [3, 2, 5, 1, 1, 4, 0],
            Preset::EasyToMeet => [3, 2, 1, 4, 5, 1, 0],
        })
    }
}

/// A reverse mentor and a mentee, the unit of pairing.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct PairKey {
    pub mentor: ParticipantId,
    pub mentee: ParticipantId,
}

impl PairKey {
    pub fn new(mentor: ParticipantId, mentee: ParticipantId) -> PairKey {
        PairKey { mentor, mentee }
    }

    pub fn involves(&self, id: &ParticipantId) -> bool {
        &self.mentor == id || &self.mentee == id
    }
}

/// An accepted pair: it is part of the program from `since`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Pair {
    pub mentor: ParticipantId,
    pub mentee: ParticipantId,
    pub since: Option<Date>,
}

impl Pair {
    pub fn key(&self) -> PairKey {
        PairKey::new(self.mentor.clone(), self.mentee.clone())
    }
}

/// A small group gathered around a common theme, mixing both roles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Circle {
    /// The common theme as shown: an interest tag or a skill's label source.
    pub theme: String,
    pub members: Vec<ParticipantId>,
}

/// Everything about pairing that is saved with the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PairingState {
    pub weights: Weights,
    /// Candidate pairs scoring below this (0–100) are never proposed.
    pub min_score: u8,
    /// Pairs the coordinator keeps whatever the solver would prefer.
    pub locked: Vec<PairKey>,
    /// Pairs the coordinator ruled out ("these two will not work together").
    pub forbidden: Vec<PairKey>,
    /// The program's pairs, once a proposal is accepted.
    pub pairs: Vec<Pair>,
    pub circles: Vec<Circle>,
    /// Preferred circle size, 3 to 8.
    pub circle_size: u8,
}

impl PairingState {
    pub const DEFAULT_MIN_SCORE: u8 = 30;
    pub const MIN_CIRCLE_SIZE: u8 = 3;
    pub const MAX_CIRCLE_SIZE: u8 = 8;
    pub const DEFAULT_CIRCLE_SIZE: u8 = 5;

    pub fn is_locked(&self, key: &PairKey) -> bool {
        self.locked.contains(key)
    }

    pub fn is_forbidden(&self, key: &PairKey) -> bool {
        self.forbidden.contains(key)
    }

    /// Locks a pair (and lifts any ban on it); locking again unlocks.
    pub fn toggle_lock(&mut self, key: PairKey) {
        if let Some(i) = self.locked.iter().position(|k| *k == key) {
            self.locked.remove(i);
        } else {
            self.forbidden.retain(|k| *k != key);
            self.locked.push(key);
        }
    }

    /// Forbids a pair (and unlocks it); forbidding again lifts the ban.
    pub fn toggle_forbid(&mut self, key: PairKey) {
        if let Some(i) = self.forbidden.iter().position(|k| *k == key) {
            self.forbidden.remove(i);
        } else {
            self.locked.retain(|k| *k != key);
            self.forbidden.push(key);
        }
    }

    /// Drops every mention of a participant who left the program.
    pub fn forget(&mut self, id: &ParticipantId) {
        self.locked.retain(|k| !k.involves(id));
        self.forbidden.retain(|k| !k.involves(id));
        self.pairs.retain(|p| &p.mentor != id && &p.mentee != id);
        for circle in &mut self.circles {
            circle.members.retain(|m| m != id);
        }
        self.circles.retain(|c| !c.members.is_empty());
    }

    /// The accepted mentor of a mentee, if paired.
    pub fn mentor_of(&self, mentee: &ParticipantId) -> Option<&ParticipantId> {
        self.pairs
            .iter()
            .find(|p| &p.mentee == mentee)
            .map(|p| &p.mentor)
    }
}

impl Default for PairingState {
    fn default() -> Self {
        PairingState {
            weights: Weights::default(),
            min_score: Self::DEFAULT_MIN_SCORE,
            locked: Vec::new(),
            forbidden: Vec::new(),
            pairs: Vec::new(),
            circles: Vec::new(),
            circle_size: Self::DEFAULT_CIRCLE_SIZE,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::seeded_bytes;

    fn id(seed: u64) -> ParticipantId {
        ParticipantId::from_random_bytes(seeded_bytes(seed))
    }

    #[test]
    fn lock_and_forbid_exclude_each_other() {
        let mut state = PairingState::default();
        let key = PairKey::new(id(1), id(2));
        state.toggle_lock(key.clone());
        assert!(state.is_locked(&key));
        state.toggle_forbid(key.clone());
        assert!(state.is_forbidden(&key) && !state.is_locked(&key));
        state.toggle_lock(key.clone());
        assert!(state.is_locked(&key) && !state.is_forbidden(&key));
        state.toggle_lock(key.clone());
        assert!(!state.is_locked(&key) && !state.is_forbidden(&key));
    }

    #[test]
    fn presets_are_distinct_and_recognised() {
        for preset in Preset::ALL {
            assert_eq!(preset.weights().preset(), Some(preset));
            assert!(preset.weights().0.iter().all(|&w| w <= Weights::MAX));
        }
        let mut custom = Weights::default();
        custom.set(Criterion::SeniorityGap, 9);
        assert_eq!(custom.get(Criterion::SeniorityGap), 5);
        assert_eq!(custom.preset(), None);
    }

    #[test]
    fn forgetting_someone_clears_every_mention() {
        let mut state = PairingState::default();
        state.locked.push(PairKey::new(id(1), id(2)));
        state.forbidden.push(PairKey::new(id(3), id(1)));
        state.pairs.push(Pair {
            mentor: id(1),
            mentee: id(4),
            since: None,
        });
        state.pairs.push(Pair {
            mentor: id(5),
            mentee: id(6),
            since: None,
        });
        state.circles.push(Circle {
            theme: "cycling".into(),
            members: vec![id(1)],
        });
        state.forget(&id(1));
        assert!(state.locked.is_empty() && state.forbidden.is_empty());
        assert_eq!(state.pairs.len(), 1);
        assert!(state.circles.is_empty());
    }
}

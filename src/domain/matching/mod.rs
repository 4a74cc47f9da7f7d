//! Pairing: who may be paired (hard rules), how well two people fit
//! (scoring), the optimal assignment of the whole program (solver), why each
//! pair was chosen (explanations) and interest circles.
//!
//! The flow is [`pairing::propose`]: rules and scores fill one flat cost
//! matrix, [`solver::solve`] finds the best assignment, and explanations
//! are read back from the same numbers, so what the page says is exactly
//! what the solver used.

pub mod circles;
pub mod model;
pub mod pairing;
pub mod rules;
pub mod score;
pub mod solver;

pub use model::{Circle, Criterion, Pair, PairKey, PairingState, Preset, Weights};

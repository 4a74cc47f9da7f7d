//! One module per page.

pub mod circles;
pub mod data;
pub mod overview;
pub mod pairing;
pub mod participant_form;
pub mod participants;
pub mod program;

//! One module per page.

pub mod data;
pub mod overview;
pub mod participant_form;
pub mod participants;
pub mod program;

//! One module per page.

pub mod backups;
pub mod checkins;
pub mod circles;
pub mod csv_import;
pub mod data;
pub mod encrypted;
pub mod guides;
pub mod impact;
pub mod impact_leavers;
pub mod impact_measures;
pub mod impact_print;
pub mod merge_import;
pub mod messages;
pub mod overview;
pub mod pairing;
pub mod participant_form;
pub mod participants;
pub mod program;
pub mod sessions;
pub mod sessions_agreement;
pub mod sessions_log;
pub mod sessions_schedule;

//! Measuring and recognising the program: pre/post assessments, metrics
//! arranged by Kirkpatrick's four levels, small-group suppression and
//! certificate eligibility.

pub mod model;

pub use model::{CertificateCriteria, ImpactState, Leaver, MIN_GROUP, ReportNotes};

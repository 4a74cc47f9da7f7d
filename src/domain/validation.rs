//! Validation rules. (Being written: see helper task.)

use super::participants::Participant;
use super::problem::Problem;
use super::program::Program;
use super::skills::Catalogue;
use super::workspace::Workspace;

/// Every problem in the whole workspace, with file-format paths
/// (`program.name`, `participants[3].email`, `skills[0].name`).
pub fn validate_workspace(_workspace: &Workspace) -> Vec<Problem> {
    Vec::new()
}

/// Problems of one participant being edited, with paths relative to the
/// participant (`email`, `skills_offered[1].level`), checked against the others.
pub fn validate_participant(_candidate: &Participant, _workspace: &Workspace) -> Vec<Problem> {
    Vec::new()
}

/// Problems of the program form, with paths relative to the program
/// (`name`, `objectives[0].target`).
pub fn validate_program(_program: &Program, _catalogue: &Catalogue) -> Vec<Problem> {
    Vec::new()
}

//! Whom a set of figures describes: the whole program or one department.
//!
//! A participant belongs to a department when their `department`, trimmed,
//! matches the name ignoring case and accents (the rule of
//! `Workspace::departments`, so `Sales`, ` sales ` and `SALES` are one).
//! People with no department appear only in the whole program's figures.

use crate::domain::participants::Participant;
use crate::domain::text::search_key;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Scope {
    Program,
    /// A department as written by the coordinator (any spelling of it).
    Department(String),
}

impl Scope {
    pub fn includes(&self, person: &Participant) -> bool {
        match self {
            Scope::Program => true,
            Scope::Department(name) => {
                let wanted = department_key(name);
                !wanted.is_empty() && department_key(&person.department) == wanted
            }
        }
    }
}

/// The form under which two spellings of a department are the same one.
pub(super) fn department_key(name: &str) -> String {
    search_key(name.trim())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::ids::{ParticipantId, seeded_bytes};
    use crate::domain::participants::Role;

    #[test]
    fn departments_match_ignoring_case_accents_and_spaces() {
        let cases = [
            ("Sales", " sales ", true),
            ("Marketing", "MARKETING", true),
            ("Diseño", "diseno", true),
            ("Sales", "Sales Ops", false),
            ("Sales", "", false),
            ("", "", false),
            ("  ", "", false),
        ];
        for (scope, department, expected) in cases {
            let mut person = Participant::new(
                ParticipantId::from_random_bytes(seeded_bytes(1)),
                Role::Mentee,
            );
            person.department = department.into();
            assert_eq!(
                Scope::Department(scope.into()).includes(&person),
                expected,
                "{scope:?} vs {department:?}"
            );
            assert!(Scope::Program.includes(&person));
        }
    }
}

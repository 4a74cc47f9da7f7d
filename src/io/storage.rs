//! The envelope kept in the browser's localStorage. Text in, text out: the UI
//! does the storage calls.
//!
//! ```json
//! {"storage":"inversa","schema":1,"revision":7,"demo":false,"saved_at":"…","document":{…file…}}
//! ```
//!
//! `document` is an export file, read back through the same pipeline as an
//! imported file (migration and validation included), so saved data can never
//! bypass the checks a file gets.

use serde::Serialize;
use serde_json::Value;

use super::decode::json_type;
use super::format_v1::FileV1;
use super::import::{import_value, parse_json};
use crate::domain::problem::{Expected, Problem, ProblemKind};
use crate::domain::workspace::Workspace;

/// The localStorage key of the saved workspace.
pub const STORAGE_KEY: &str = "inversa.workspace.v1";

/// The value of the envelope's `storage` field.
pub const STORAGE_NAME: &str = "inversa";

/// The envelope's own version (the document has its own `version` inside).
pub const STORAGE_SCHEMA: u64 = 1;

#[derive(Clone, Debug, PartialEq)]
pub struct Stored {
    pub workspace: Workspace,
    /// The workspace is the demo data set (the UI offers to clear it).
    pub demo: bool,
    /// Bumped on each save; lets tabs notice a newer save by another tab.
    pub revision: u64,
    /// RFC 3339 timestamp of the save, as given by the UI.
    pub saved_at: String,
}

#[derive(Serialize)]
struct Envelope<'a> {
    storage: &'a str,
    schema: u64,
    revision: u64,
    demo: bool,
    saved_at: &'a str,
    document: FileV1,
}

/// Compact JSON, to keep well inside the browser's storage quota.
pub fn encode_stored(s: &Stored) -> String {
    let envelope = Envelope {
        storage: STORAGE_NAME,
        schema: STORAGE_SCHEMA,
        revision: s.revision,
        demo: s.demo,
        saved_at: &s.saved_at,
        document: FileV1::from_domain(&s.workspace, &s.saved_at),
    };
    serde_json::to_string(&envelope).expect("plain data always serializes")
}

/// Reads the envelope back. Problems inside `document` carry the same paths as
/// in an exported file (`participants[2].email`); envelope problems are named
/// by envelope field (`revision`).
pub fn decode_stored(text: &str) -> Result<Stored, Vec<Problem>> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(vec![Problem::whole_file(ProblemKind::EmptyFile)]);
    }
    let value = parse_json(text)?;
    let whole = |kind| Err(vec![Problem::whole_file(kind)]);
    let Value::Object(map) = &value else {
        return whole(ProblemKind::WrongType {
            expected: Expected::Object,
            found: json_type(&value),
        });
    };
    if map.get("storage").and_then(Value::as_str) != Some(STORAGE_NAME) {
        return whole(ProblemKind::NotInversaFile);
    }
    match map.get("schema") {
        None | Some(Value::Null) => return Err(vec![Problem::new("schema", ProblemKind::Missing)]),
        Some(v) => match v.as_u64() {
            Some(STORAGE_SCHEMA) => {}
            Some(n) if n > STORAGE_SCHEMA => {
                return whole(ProblemKind::NewerVersion {
                    found: n,
                    supported: STORAGE_SCHEMA,
                });
            }
            _ => {
                return whole(ProblemKind::UnknownVersion {
                    found: v.to_string(),
                });
            }
        },
    }

    let mut problems = Vec::new();
    let field = |name: &str| map.get(name).filter(|v| !v.is_null());
    let mut wrong = |name: &str, expected, found: &Value| {
        problems.push(Problem::new(
            name,
            ProblemKind::WrongType {
                expected,
                found: json_type(found),
            },
        ));
    };
    let revision = match field("revision") {
        None => 0,
        Some(v) => v.as_u64().unwrap_or_else(|| {
            wrong("revision", Expected::WholeNumber, v);
            0
        }),
    };
    let demo = match field("demo") {
        None => false,
        Some(v) => v.as_bool().unwrap_or_else(|| {
            wrong("demo", Expected::Bool, v);
            false
        }),
    };
    let saved_at = match field("saved_at") {
        None => String::new(),
        Some(v) => v.as_str().map(str::to_string).unwrap_or_else(|| {
            wrong("saved_at", Expected::Text, v);
            String::new()
        }),
    };
    let document = match field("document") {
        None => {
            problems.push(Problem::new("document", ProblemKind::Missing));
            return Err(problems);
        }
        Some(document) => import_value(document),
    };
    match document {
        Ok(preview) if problems.is_empty() => Ok(Stored {
            workspace: preview.workspace,
            demo,
            revision,
            saved_at,
        }),
        Ok(_) => Err(problems),
        Err(more) => {
            problems.extend(more);
            Err(problems)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stored() -> Stored {
        let mut workspace = Workspace::default();
        workspace.program.name = "Pilot".into();
        Stored {
            workspace,
            demo: true,
            revision: 42,
            saved_at: "2026-03-01T09:30:00Z".into(),
        }
    }

    #[test]
    fn envelope_is_compact_and_round_trips() {
        let text = encode_stored(&stored());
        assert!(text.starts_with(
            r#"{"storage":"inversa","schema":1,"revision":42,"demo":true,"saved_at":"2026-03-01T09:30:00Z","document":{"format":"inversa","version":1,"#
        ));
        assert!(!text.contains('\n'));
        assert_eq!(decode_stored(&text), Ok(stored()));
    }

    /// "Start my own program" or "Delete all data" leave an untitled
    /// program; people may be added before it is named, and a reload must
    /// find it all, not "unreadable data".
    #[test]
    fn an_untitled_program_saves_and_loads() {
        let mut workspace = crate::domain::demo::demo_workspace();
        workspace.program.name = String::new();
        for workspace in [Workspace::default(), workspace] {
            let stored = Stored {
                workspace,
                demo: false,
                revision: 3,
                saved_at: "2026-03-01T09:30:00Z".into(),
            };
            assert_eq!(decode_stored(&encode_stored(&stored)), Ok(stored));
        }
    }

    #[test]
    fn envelope_problems() {
        let kinds = |text: &str| -> Vec<(String, ProblemKind)> {
            decode_stored(text)
                .unwrap_err()
                .into_iter()
                .map(|p| (p.path, p.kind))
                .collect()
        };
        assert_eq!(kinds(""), vec![(String::new(), ProblemKind::EmptyFile)]);
        assert_eq!(
            kinds("{\"storage\":\"other\"}"),
            vec![(String::new(), ProblemKind::NotInversaFile)]
        );
        assert_eq!(
            kinds("{\"storage\":\"inversa\",\"schema\":2}"),
            vec![(
                String::new(),
                ProblemKind::NewerVersion {
                    found: 2,
                    supported: 1
                }
            )]
        );
        assert_eq!(
            kinds("{\"storage\":\"inversa\",\"schema\":1,\"revision\":-1}"),
            vec![
                (
                    "revision".into(),
                    ProblemKind::WrongType {
                        expected: Expected::WholeNumber,
                        found: crate::domain::problem::JsonType::Number
                    }
                ),
                ("document".into(), ProblemKind::Missing)
            ]
        );
        assert_eq!(
            kinds("{\"storage\":\"inversa\",\"schema\":1,\"document\":{\"format\":\"x\"}}"),
            vec![(String::new(), ProblemKind::NotInversaFile)]
        );
    }
}

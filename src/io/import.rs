//! The import pipeline: bytes → text → JSON → (migrated) current format →
//! workspace → validation, listing every problem with its place.

use std::collections::HashSet;
use std::fmt;

use serde_json::Value;
use serde_json::error::Category;

use super::decode::{Decoder, json_type};
use super::format_v1::{FORMAT_NAME, fields_at};
use super::migrate::migrate;
use crate::domain::problem::{BinaryKind, Expected, Problem, ProblemKind};
use crate::domain::validation::validate_workspace;
use crate::domain::workspace::Workspace;

/// Files above this size are refused before being read (10 MiB).
pub const MAX_IMPORT_BYTES: usize = 10 * 1024 * 1024;

/// The file format version this build writes, and the newest it reads.
pub const CURRENT_VERSION: u64 = 1;

/// A file that can be imported, with what the coordinator should know first.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportPreview {
    pub workspace: Workspace,
    pub warnings: Vec<Warning>,
    /// The file's `exported_at` text, as written (RFC 3339 when Inversa wrote it).
    pub exported_at: Option<String>,
    /// The `version` the file was written with (before any migration).
    pub source_version: u64,
}

/// Something worth telling but not worth refusing the file for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Warning {
    /// A file-format path like [`Problem::path`].
    pub path: String,
    pub kind: WarningKind,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WarningKind {
    /// A field this version does not know; its value was not imported.
    IgnoredField { name: String },
    /// An active participant has no recorded consent.
    NoConsentDate,
    /// The file was written in an older format version and converted.
    Migrated { from: u64 },
}

impl fmt::Display for WarningKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            WarningKind::IgnoredField { name } => write!(f, "unknown field \"{name}\" was ignored"),
            WarningKind::NoConsentDate => write!(f, "active participant with no consent date"),
            WarningKind::Migrated { from } => {
                write!(
                    f,
                    "converted from format version {from} to version {CURRENT_VERSION}"
                )
            }
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            write!(f, "{}", self.kind)
        } else {
            write!(f, "{}: {}", self.path, self.kind)
        }
    }
}

/// Reads an exported file. `Err` lists every problem found, in document
/// order; never panics, whatever the bytes.
pub fn import_bytes(bytes: &[u8]) -> Result<ImportPreview, Vec<Problem>> {
    let text = read_text(bytes).map_err(|kind| vec![Problem::whole_file(kind)])?;
    let value = parse_json(text)?;
    import_value(&value)
}

/// Size, emptiness and binary checks; returns the text without a BOM.
fn read_text(bytes: &[u8]) -> Result<&str, ProblemKind> {
    if bytes.len() > MAX_IMPORT_BYTES {
        return Err(ProblemKind::TooLarge {
            bytes: bytes.len() as u64,
            max: MAX_IMPORT_BYTES as u64,
        });
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if bytes.iter().all(u8::is_ascii_whitespace) {
        return Err(ProblemKind::EmptyFile);
    }
    if let Some(looks_like) = magic_kind(bytes) {
        return Err(ProblemKind::NotText { looks_like });
    }
    let not_text = ProblemKind::NotText {
        looks_like: BinaryKind::Unknown,
    };
    let text = std::str::from_utf8(bytes).map_err(|_| not_text.clone())?;
    if text.contains('\0') {
        return Err(not_text);
    }
    Ok(text)
}

fn magic_kind(bytes: &[u8]) -> Option<BinaryKind> {
    const MAGIC: &[(&[u8], BinaryKind)] = &[
        (b"\x89PNG", BinaryKind::Png),
        (b"\xFF\xD8\xFF", BinaryKind::Jpeg),
        (b"GIF8", BinaryKind::Gif),
        (b"%PDF", BinaryKind::Pdf),
        (b"PK\x03\x04", BinaryKind::Zip),
    ];
    MAGIC
        .iter()
        .find(|(magic, _)| bytes.starts_with(magic))
        .map(|(_, kind)| *kind)
}

/// Parses JSON text; an early end is told apart from other syntax errors.
pub(crate) fn parse_json(text: &str) -> Result<Value, Vec<Problem>> {
    serde_json::from_str(text).map_err(|e| {
        let (line, column) = (e.line(), e.column());
        let kind = match e.classify() {
            Category::Eof => ProblemKind::Truncated { line, column },
            _ => ProblemKind::NotJson { line, column },
        };
        vec![Problem::whole_file(kind)]
    })
}

/// The rest of the pipeline, from a parsed JSON document.
pub(crate) fn import_value(value: &Value) -> Result<ImportPreview, Vec<Problem>> {
    let whole = |kind| Err(vec![Problem::whole_file(kind)]);
    let Value::Object(map) = value else {
        return whole(ProblemKind::WrongType {
            expected: Expected::Object,
            found: json_type(value),
        });
    };
    // A JSON file that is not ours gets one problem, not hundreds.
    if map.get("format").and_then(Value::as_str) != Some(FORMAT_NAME) {
        return whole(ProblemKind::NotInversaFile);
    }
    let version = match map.get("version") {
        None | Some(Value::Null) => {
            return Err(vec![Problem::new("version", ProblemKind::Missing)]);
        }
        Some(v) => match v.as_u64() {
            Some(n) => n,
            None => {
                return whole(ProblemKind::UnknownVersion {
                    found: short_text(v),
                });
            }
        },
    };
    if version > CURRENT_VERSION {
        return whole(ProblemKind::NewerVersion {
            found: version,
            supported: CURRENT_VERSION,
        });
    }

    let mut decoder = Decoder::default();
    let migrated;
    let current = if version < CURRENT_VERSION {
        migrated = migrate(value.clone(), version)?;
        decoder.warnings.push(Warning {
            path: "version".into(),
            kind: WarningKind::Migrated { from: version },
        });
        &migrated
    } else {
        value
    };
    let file = decoder.file(current);
    let exported_at = current
        .get("exported_at")
        .and_then(Value::as_str)
        .map(str::to_string);
    let workspace = file.into_domain();

    let mut problems = decoder.problems;
    let validation = validate_workspace(&workspace);
    if !validation.is_empty() {
        let shadow = Shadow::new(&problems);
        let unread_roles = shadow.unread_roles(&workspace);
        problems.extend(validation.into_iter().filter(|p| {
            !shadow.hides(&p.path)
                && !matches!(&p.kind, ProblemKind::WrongRole { id, .. } if unread_roles.contains(id.as_str()))
        }));
    }
    if !problems.is_empty() {
        sort_in_document_order(&mut problems, |p| &p.path);
        return Err(problems);
    }

    let mut warnings = decoder.warnings;
    for (i, p) in workspace.participants.iter().enumerate() {
        if p.active && p.consent_date.is_none() {
            warnings.push(Warning {
                path: format!("participants[{i}].consent_date"),
                kind: WarningKind::NoConsentDate,
            });
        }
    }
    sort_in_document_order(&mut warnings, |w| &w.path);
    Ok(ImportPreview {
        workspace,
        warnings,
        exported_at,
        source_version: version,
    })
}

/// A value's text for messages, kept short.
fn short_text(value: &Value) -> String {
    let text = match value {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    };
    match text.char_indices().nth(40) {
        Some((cut, _)) => format!("{}…", &text[..cut]),
        None => text,
    }
}

/// Validation runs on a workspace where unreadable values were replaced by
/// placeholders; what it says about those places (or inside them) repeats or
/// contradicts the decode problem, so it is hidden.
struct Shadow {
    /// Paths with a decode problem.
    exact: HashSet<String>,
    /// Ancestors of those paths that lie inside a list entry (`participants[2]`,
    /// `participants[2].skills_offered[0]`): validation about such an entry as a
    /// whole is also unreliable.
    entries: HashSet<String>,
}

impl Shadow {
    fn new(problems: &[Problem]) -> Shadow {
        let mut exact = HashSet::new();
        let mut entries = HashSet::new();
        for p in problems {
            for cut in boundaries(&p.path) {
                let prefix = &p.path[..cut];
                if prefix.contains('[') {
                    entries.insert(prefix.to_string());
                }
            }
            exact.insert(p.path.clone());
        }
        Shadow { exact, entries }
    }

    /// Ids of participants whose role could not be read (it is a
    /// placeholder): a pair naming them on the wrong side only echoes that.
    fn unread_roles<'w>(&self, workspace: &'w Workspace) -> HashSet<&'w str> {
        if self.exact.is_empty() {
            return HashSet::new();
        }
        workspace
            .participants
            .iter()
            .enumerate()
            .filter(|(i, _)| {
                let entry = format!("participants[{i}]");
                self.exact.contains(&entry) || self.exact.contains(&format!("{entry}.role"))
            })
            .map(|(_, p)| p.id.as_str())
            .collect()
    }

    fn hides(&self, path: &str) -> bool {
        // Whole-file problems do not shadow everything.
        self.entries.contains(path)
            || boundaries(path)
                .chain([path.len()])
                .any(|cut| cut > 0 && self.exact.contains(&path[..cut]))
    }
}

/// Byte offsets where a path can be cut into an ancestor: before each `.`
/// and `[` (not the full length).
fn boundaries(path: &str) -> impl Iterator<Item = usize> + '_ {
    path.char_indices()
        .filter(|(i, c)| *i > 0 && matches!(c, '.' | '['))
        .map(|(i, _)| i)
}

/// One step of a path, ordered as the file writes it.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Step {
    /// A known field, by its position in the written order.
    Field(usize),
    Index(usize),
    /// A field this version does not know, after the known ones.
    Other(String),
}

fn steps(path: &str) -> Vec<Step> {
    let mut out = Vec::new();
    let mut keys: Vec<&str> = Vec::new();
    let mut rest = path;
    while !rest.is_empty() {
        if let Some(after) = rest.strip_prefix('[') {
            let end = after.find(']').unwrap_or(after.len());
            match after[..end].parse() {
                Ok(i) => out.push(Step::Index(i)),
                Err(_) => out.push(Step::Other(after[..end].to_string())),
            }
            rest = after.get(end + 1..).unwrap_or("");
        } else {
            let rest_trimmed = rest.strip_prefix('.').unwrap_or(rest);
            let end = rest_trimmed.find(['.', '[']).unwrap_or(rest_trimmed.len());
            let name = &rest_trimmed[..end];
            let rank = fields_at(&keys).and_then(|known| known.iter().position(|k| *k == name));
            out.push(match rank {
                Some(r) => Step::Field(r),
                None => Step::Other(name.to_string()),
            });
            keys.push(name);
            rest = &rest_trimmed[end..];
        }
    }
    out
}

/// Stable sort by path in the order fields appear in an exported file;
/// whole-file entries (empty path) first.
fn sort_in_document_order<T>(items: &mut [T], path: impl Fn(&T) -> &str) {
    items.sort_by_cached_key(|item| steps(path(item)));
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn document_order_follows_the_written_field_order() {
        let mut paths = vec![
            "skills[0].name",
            "participants[10].email",
            "participants[2].zzz",
            "participants[2].role",
            "participants[2].email",
            "program.objectives[0].baseline",
            "program.name",
            "",
            "version",
            "participants[2].skills_offered[1].level",
            "participants[2].skills_offered[0].skill",
            "extra",
            "pairing.circles[0].member_ids[1]",
            "pairing.pairs[1].mentee_id",
            "pairing.pairs[1].mentor_id",
            "pairing.weights.seniority_gap",
            "pairing.min_score",
            "pairing.weights.reverse",
            "participants[2].never_pair_with[0]",
        ];
        sort_in_document_order(&mut paths, |p| p);
        assert_eq!(
            paths,
            vec![
                "",
                "version",
                "program.name",
                "program.objectives[0].baseline",
                "participants[2].email",
                "participants[2].role",
                "participants[2].skills_offered[0].skill",
                "participants[2].skills_offered[1].level",
                "participants[2].never_pair_with[0]",
                "participants[2].zzz",
                "participants[10].email",
                "skills[0].name",
                "pairing.weights.reverse",
                "pairing.weights.seniority_gap",
                "pairing.min_score",
                "pairing.pairs[1].mentor_id",
                "pairing.pairs[1].mentee_id",
                "pairing.circles[0].member_ids[1]",
                "extra",
            ]
        );
    }

    #[test]
    fn odd_paths_do_not_panic() {
        for path in [
            "[",
            "]",
            "a[",
            "a[x].b",
            ".",
            "..",
            "a.[3]",
            "é[1].ü",
            "[99999999999999999999999]",
        ] {
            let _ = steps(path);
        }
    }

    #[test]
    fn shadowing_hides_the_same_place_and_what_is_inside() {
        let decode = vec![
            Problem::new("participants[2]", ProblemKind::Missing),
            Problem::new(
                "participants[4].skills_offered[0].skill",
                ProblemKind::Missing,
            ),
            Problem::new("program.name", ProblemKind::Missing),
        ];
        let shadow = Shadow::new(&decode);
        assert!(shadow.hides("participants[2]"));
        assert!(shadow.hides("participants[2].email"));
        assert!(shadow.hides("participants[4].skills_offered[0]"));
        assert!(shadow.hides("participants[4].skills_offered[0].skill"));
        assert!(shadow.hides("program.name"));
        assert!(!shadow.hides("participants[4].email"));
        assert!(!shadow.hides("participants[20].email"));
        assert!(!shadow.hides("program"));
        assert!(!shadow.hides("program.name_other"));
        assert!(!shadow.hides(""));
    }

    #[test]
    fn binary_and_empty_inputs() {
        let kind = |bytes: &[u8]| read_text(bytes).err();
        assert_eq!(kind(b""), Some(ProblemKind::EmptyFile));
        assert_eq!(kind(b" \n\t\r "), Some(ProblemKind::EmptyFile));
        assert_eq!(kind(b"\xEF\xBB\xBF  "), Some(ProblemKind::EmptyFile));
        assert_eq!(
            kind(b"\x89PNG\r\n\x1a\n"),
            Some(ProblemKind::NotText {
                looks_like: BinaryKind::Png
            })
        );
        assert_eq!(
            kind(b"\xFF\xD8\xFF\xE0"),
            Some(ProblemKind::NotText {
                looks_like: BinaryKind::Jpeg
            })
        );
        assert_eq!(
            kind(b"GIF89a"),
            Some(ProblemKind::NotText {
                looks_like: BinaryKind::Gif
            })
        );
        assert_eq!(
            kind(b"%PDF-1.7"),
            Some(ProblemKind::NotText {
                looks_like: BinaryKind::Pdf
            })
        );
        assert_eq!(
            kind(b"PK\x03\x04"),
            Some(ProblemKind::NotText {
                looks_like: BinaryKind::Zip
            })
        );
        assert_eq!(
            kind(b"{\"a\": \xC3}"),
            Some(ProblemKind::NotText {
                looks_like: BinaryKind::Unknown
            })
        );
        assert_eq!(
            kind(b"{\"a\": 1}\0"),
            Some(ProblemKind::NotText {
                looks_like: BinaryKind::Unknown
            })
        );
        assert_eq!(read_text(b"\xEF\xBB\xBF{}"), Ok("{}"));
    }

    #[test]
    fn warning_wording() {
        let w = Warning {
            path: "participants[0].nick".into(),
            kind: WarningKind::IgnoredField {
                name: "nick".into(),
            },
        };
        assert_eq!(
            w.to_string(),
            "participants[0].nick: unknown field \"nick\" was ignored"
        );
        assert_eq!(
            WarningKind::Migrated { from: 0 }.to_string(),
            "converted from format version 0 to version 1"
        );
    }

    #[test]
    fn version_text_is_short() {
        assert_eq!(short_text(&Value::String("one".into())), "one");
        assert_eq!(short_text(&serde_json::json!(1.5)), "1.5");
        assert_eq!(
            short_text(&Value::String("x".repeat(100))).chars().count(),
            41
        );
    }
}

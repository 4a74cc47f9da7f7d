//! Serialized formats: the exchange file coordinators email to each other,
//! and the envelope saved in the browser's localStorage.
//!
//! The file format has its own plain structures ([`format_v1`]) instead of
//! deriving serde on the domain types: the domain can be renamed and reshaped
//! freely while files already sent keep working, and a broken file can be read
//! field by field so every problem is reported at once, with its path
//! (`participants[3].email`), rather than stopping at serde's first error.
//!
//! Versioning policy: additive, optional changes (a new field with a default, a
//! new section) stay within the current version — older readers ignore unknown
//! fields with a warning. Any breaking change (a rename, a new required field,
//! a changed meaning) bumps [`CURRENT_VERSION`] and adds one migration step
//! from the previous version, so every older file still imports. Files from a
//! newer version are refused with a clear message rather than half-read.
//! `docs/file-format.md` documents every field.

pub mod backups;
pub mod checkin;
pub mod csv_export;
pub mod csv_import;
mod decode;
pub mod encrypted;
pub mod export;
pub mod format_v1;
pub mod ics;
pub mod import;
mod migrate;
pub mod storage;

pub use export::{export_file_name, export_json};
pub use import::{
    CURRENT_VERSION, ImportPreview, MAX_IMPORT_BYTES, Warning, WarningKind, import_bytes,
};
pub use storage::{STORAGE_KEY, Stored, decode_stored, encode_stored};

//! Writing the exchange file.

use super::format_v1::FileV1;
use crate::domain::date::Date;
use crate::domain::text;
use crate::domain::workspace::Workspace;

/// The whole workspace as a version-1 file: every field written, in a fixed
/// order, pretty-printed with two-space indents and a final newline, so two
/// exports of the same data are byte-identical and diff well.
///
/// `exported_at` should be an RFC 3339 UTC timestamp (`2026-03-01T09:30:00Z`);
/// it is written as given.
pub fn export_json(ws: &Workspace, exported_at: &str) -> String {
    let file = FileV1::from_domain(ws, exported_at);
    let mut out = serde_json::to_string_pretty(&file).expect("plain data always serializes");
    out.push('\n');
    out
}

/// `inversa-<program-slug>-<YYYY-MM-DD>.json`.
pub fn export_file_name(program_name: &str, today: Date) -> String {
    format!("inversa-{}-{today}.json", text::slug(program_name))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_name_uses_slug_and_iso_date() {
        let today = Date::new(2026, 3, 1).unwrap();
        assert_eq!(
            export_file_name("Programa Año 1", today),
            "inversa-programa-ano-1-2026-03-01.json"
        );
        assert_eq!(
            export_file_name("", today),
            "inversa-program-2026-03-01.json"
        );
    }

    #[test]
    fn empty_workspace_export_is_pretty_and_complete() {
        let text = export_json(&Workspace::default(), "2026-03-01T09:30:00Z");
        assert!(text.starts_with("{\n  \"format\": \"inversa\",\n  \"version\": 1,\n  \"exported_at\": \"2026-03-01T09:30:00Z\",\n  \"program\": {\n    \"name\": \"\","));
        assert!(text.contains("\"start_date\": null"));
        assert!(text.contains("\"cadence\": \"fortnightly\""));
        assert!(text.ends_with("}\n"));
    }
}

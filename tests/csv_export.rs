//! CSV exports read back with an independent reader (the csv crate's): the
//! byte-order mark, CRLF line ends, headers, one row per record, quoting of
//! awkward text, and the guard that keeps spreadsheets from running formulas.

use inversa::domain::demo::{demo_workspace, finished_demo_workspace};
use inversa::domain::sessions::{RoundKind, SessionStatus};
use inversa::domain::{Date, Lang, Workspace};
use inversa::io::csv_export::{
    BOM, Headers, Table, assessments, csv_file_name, export, guard_formula, participants, sessions,
};

/// After the finished demo's program (it ended on 28 August 2026).
fn today() -> Date {
    Date::parse_iso("2026-10-20").unwrap()
}

/// Header and rows of a file, after checking it starts with the BOM and
/// ends every line (outside quoted cells) with CRLF.
fn read(file: &str) -> (Vec<String>, Vec<Vec<String>>) {
    read_with(file, b',')
}

fn read_with(file: &str, delimiter: u8) -> (Vec<String>, Vec<Vec<String>>) {
    let body = file
        .strip_prefix(BOM)
        .unwrap_or_else(|| panic!("no byte-order mark: {:?}", &file[..file.len().min(20)]));
    assert!(!body.starts_with(BOM), "one mark only");
    assert_crlf_outside_quotes(body);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(true)
        .delimiter(delimiter)
        .from_reader(body.as_bytes());
    let header = reader
        .headers()
        .expect("a header row")
        .iter()
        .map(String::from)
        .collect();
    let rows = reader
        .records()
        .map(|r| {
            r.expect("a well-formed record")
                .iter()
                .map(String::from)
                .collect()
        })
        .collect();
    (header, rows)
}

/// Every line break that ends a record is CRLF; bare LF only inside quotes.
fn assert_crlf_outside_quotes(body: &str) {
    assert!(body.ends_with("\r\n"), "the last record ends with CRLF");
    let mut quoted = false;
    let mut previous = '\0';
    for c in body.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => assert_eq!(previous, '\r', "a bare LF ends a record"),
            '\r' if !quoted => {}
            _ => {}
        }
        previous = c;
    }
    assert!(!quoted, "every quote is closed");
}

fn column<'a>(header: &[String], rows: &'a [Vec<String>], key: &str) -> Vec<&'a str> {
    let index = header.iter().position(|h| h == key).unwrap();
    rows.iter().map(|r| r[index].as_str()).collect()
}

fn assessment_answers(ws: &Workspace) -> usize {
    ws.sessions
        .responses
        .iter()
        .filter(|r| {
            ws.sessions
                .rounds
                .iter()
                .any(|round| round.id == r.round && round.kind != RoundKind::CheckIn)
        })
        .map(|r| r.answers.len())
        .sum()
}

#[test]
fn every_table_reads_back_with_its_keys_and_one_row_per_record() {
    let demo = demo_workspace();
    let finished = finished_demo_workspace();
    let cases: [(&str, &Workspace, Table, usize); 8] = [
        ("demo", &demo, Table::Participants, 24),
        ("demo", &demo, Table::Pairs, 0),
        ("demo", &demo, Table::Sessions, 0),
        ("demo", &demo, Table::Assessments, 0),
        ("finished", &finished, Table::Participants, 24),
        ("finished", &finished, Table::Pairs, 11),
        (
            "finished",
            &finished,
            Table::Sessions,
            finished.sessions.sessions.len(),
        ),
        (
            "finished",
            &finished,
            Table::Assessments,
            assessment_answers(&finished),
        ),
    ];
    for (name, ws, table, rows) in cases {
        for lang in [Lang::En, Lang::Es, Lang::It] {
            let (header, read_rows) = read(&export(ws, table, lang, Headers::Keys, today()));
            assert_eq!(header, table.columns(), "{name} {table:?} {lang:?}");
            assert_eq!(read_rows.len(), rows, "{name} {table:?} {lang:?}");
            let (localized, _) = read(&export(ws, table, lang, Headers::Localized, today()));
            assert_eq!(localized.len(), header.len(), "{name} {table:?} {lang:?}");
        }
    }
    // Sanity: the finished demo really has hundreds of rows to check.
    assert!(finished.sessions.sessions.len() > 100);
    assert!(assessment_answers(&finished) > 200);
}

#[test]
fn localized_headers_and_terms_follow_the_language() {
    let ws = finished_demo_workspace();
    let cases = [
        (Lang::En, "Participant ID", "Role", "Reverse mentor", "Yes"),
        (
            Lang::Es,
            "ID de participante",
            "Rol",
            "Mentor inverso",
            "Sí",
        ),
        (Lang::It, "ID partecipante", "Ruolo", "Reverse mentor", "Sì"),
    ];
    for (lang, id_header, role_header, mentor, yes) in cases {
        let (header, rows) = read(&participants(&ws, lang, Headers::Localized));
        assert_eq!(header[0], id_header, "{lang:?}");
        assert_eq!(header[3], role_header, "{lang:?}");
        assert!(column(&header, &rows, role_header).contains(&mentor));
        let active = column(&header, &rows, &header[12]);
        assert_eq!(active.iter().filter(|a| **a == yes).count(), 21, "{lang:?}");
    }
    // Skill names come from the catalogue in the language.
    let (header, rows) = read(&participants(&ws, Lang::Es, Headers::Keys));
    let giorgio = rows.iter().find(|r| r[1] == "Giorgio Bellandi").unwrap();
    let wanted = &giorgio[header.iter().position(|h| h == "skills_wanted").unwrap()];
    assert_eq!(
        wanted,
        "Herramientas de IA (Imprescindible); Alfabetización de datos (Importante); Redes sociales (Deseable)"
    );
    let offered = &giorgio[header.iter().position(|h| h == "skills_offered").unwrap()];
    assert_eq!(
        offered,
        "Liderazgo (5); Estrategia (5); Toma de decisiones (4)"
    );
}

#[test]
fn pairs_count_held_sessions_and_hours_as_the_impact_page_does() {
    use inversa::domain::impact::{Scope, measure};
    let ws = finished_demo_workspace();
    let day = |text| Date::parse_iso(text).unwrap();
    // (today, some but not all held sessions counted): before the program
    // nothing is held yet; mid-way, sessions logged as held on a later day
    // are not held yet; after the end, all of them are.
    let cases = [
        (day("2026-03-01"), false),
        (day("2026-06-01"), true),
        (today(), false),
    ];
    let all_held = ws
        .sessions
        .sessions
        .iter()
        .filter(|s| s.status == SessionStatus::Held)
        .count();
    for (on, partial) in cases {
        let (header, rows) = read(&export(&ws, Table::Pairs, Lang::En, Headers::Keys, on));
        let held: usize = column(&header, &rows, "sessions_held")
            .iter()
            .map(|n| n.parse::<usize>().unwrap())
            .sum();
        let expected_held: Vec<_> = ws
            .sessions
            .sessions
            .iter()
            .filter(|s| s.status == SessionStatus::Held && s.start.date <= on)
            .collect();
        assert_eq!(held, expected_held.len(), "{on}");
        assert_eq!(0 < held && held < all_held, partial, "{on}");
        let page = measure(&ws, &Scope::Program, on).practice;
        assert_eq!(page.value().map(|p| p.held), Some(held), "{on}");
        let hours: f64 = column(&header, &rows, "hours_held")
            .iter()
            .map(|n| n.parse::<f64>().unwrap())
            .sum();
        let minutes: u32 = expected_held.iter().map(|s| u32::from(s.minutes)).sum();
        assert!(
            (hours - f64::from(minutes) / 60.0).abs() < 0.01 * rows.len() as f64,
            "{on}"
        );
        assert_eq!(
            column(&header, &rows, "since"),
            vec!["2026-03-02"; rows.len()]
        );
    }
}

#[test]
fn sessions_are_in_time_order_with_worded_status() {
    let ws = finished_demo_workspace();
    let (header, rows) = read(&sessions(&ws, Lang::It, Headers::Keys));
    let when: Vec<(&str, &str)> = column(&header, &rows, "date")
        .into_iter()
        .zip(column(&header, &rows, "time"))
        .collect();
    assert!(when.windows(2).all(|w| w[0] <= w[1]), "time order");
    let statuses: std::collections::BTreeSet<&str> =
        column(&header, &rows, "status").into_iter().collect();
    assert_eq!(
        statuses,
        ["Annullata", "Prevista", "Svolta"].into_iter().collect()
    );
    // A note with a comma, quotes and a line break survives as written.
    let notes = column(&header, &rows, "notes");
    assert!(notes.contains(&"Tried it live on a real case.\nNext: show it to the team."));
}

#[test]
fn assessment_rows_name_the_skill_and_direction() {
    let ws = finished_demo_workspace();
    let (header, rows) = read(&assessments(&ws, Lang::En, Headers::Keys));
    let at = |key: &str| header.iter().position(|h| h == key).unwrap();
    let cases = [
        ("skill:ai-tools", "AI tools", "Wants to learn"),
        ("offer:leadership", "Leadership", "Offers"),
        ("satisfaction", "", "Survey"),
        ("confidence", "", "Survey"),
    ];
    for (question, skill, direction) in cases {
        let row = rows
            .iter()
            .find(|r| r[at("question")] == question)
            .unwrap_or_else(|| panic!("no row for {question}"));
        assert_eq!(
            (row[at("skill")].as_str(), row[at("direction")].as_str()),
            (skill, direction),
            "{question}"
        );
        let value: u8 = row[at("value")].parse().unwrap();
        assert!((1..=5).contains(&value));
    }
    let kinds: Vec<&str> = column(&header, &rows, "round_kind");
    let before = "Self-assessment before the program";
    let after = "Self-assessment after the program";
    let first_after = kinds.iter().position(|k| *k == after).unwrap();
    assert!(kinds[..first_after].iter().all(|k| *k == before));
    assert!(kinds[first_after..].iter().all(|k| *k == after));
}

#[test]
fn awkward_text_is_quoted_and_read_back_exactly() {
    let mut ws = demo_workspace();
    let cases = [
        "Rossi, Gigi",
        "Gigi \"the boss\" Rossi",
        "Line one\nline two",
        "Windows\r\nline",
        "Ünïcödé 名前 😀",
        "  spaces kept  ",
        "",
    ];
    for (person, name) in ws.participants.iter_mut().zip(cases) {
        person.name = name.to_string();
    }
    let file = participants(&ws, Lang::En, Headers::Keys);
    assert!(file.contains("\"Rossi, Gigi\""));
    assert!(file.contains("\"Gigi \"\"the boss\"\" Rossi\""));
    let (header, rows) = read(&file);
    let names = column(&header, &rows, "name");
    assert_eq!(&names[..cases.len()], cases);
}

#[test]
fn formula_guard_table() {
    let cases = [
        ("=1+1", "'=1+1"),
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("+34 600 000 000", "'+34 600 000 000"),
        // Plain numbers run nothing and must stay numbers.
        ("-2", "-2"),
        ("-0.25", "-0.25"),
        ("-2+3", "'-2+3"),
        ("-.5", "'-.5"),
        ("-", "'-"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\t=1", "'\t=1"),
        ("\r=1", "'\r=1"),
        ("a=b", "a=b"),
        (" =1", " =1"),
        ("Ana-Belén", "Ana-Belén"),
        ("'quoted", "'quoted"),
        ("2026-03-02", "2026-03-02"),
        ("", ""),
    ];
    for (cell, written) in cases {
        assert_eq!(guard_formula(cell), written, "{cell:?}");
    }
    // Through a real export: the name reads back with the guard, the
    // untouched cells without.
    let mut ws = demo_workspace();
    ws.participants[0].name = "=cmd|' /C calc'!A0".into();
    ws.participants[1].job_title = "@head".into();
    let (header, rows) = read(&participants(&ws, Lang::En, Headers::Keys));
    assert_eq!(column(&header, &rows, "name")[0], "'=cmd|' /C calc'!A0");
    assert_eq!(column(&header, &rows, "job_title")[1], "'@head");
    assert_eq!(column(&header, &rows, "name")[2], "Marco Pellegrini");
}

#[test]
fn file_names_name_program_table_and_day() {
    let day = Date::parse_iso("2026-09-30").unwrap();
    assert_eq!(
        csv_file_name("Bridge 2026 — pilot", Table::Sessions, day),
        "inversa-bridge-2026-pilot-sessions-2026-09-30.csv"
    );
    let names: std::collections::BTreeSet<String> = Table::ALL
        .iter()
        .map(|t| csv_file_name("x", *t, day))
        .collect();
    assert_eq!(names.len(), Table::ALL.len());
}

#[test]
fn results_carry_the_impact_figures_and_withhold_small_groups() {
    use inversa::domain::impact::{Scope, by_department, measure};
    let ws = finished_demo_workspace();
    let (header, rows) = read(&export(
        &ws,
        Table::Results,
        Lang::En,
        Headers::Keys,
        today(),
    ));
    assert_eq!(header, Table::Results.columns());
    let find = |scope: &str, key: &str, item: &str| -> Vec<&Vec<String>> {
        rows.iter()
            .filter(|r| r[0] == scope && r[2] == key && r[3] == item)
            .collect()
    };
    let program = measure(&ws, &Scope::Program, today());
    let funnel = program.funnel.value().unwrap();
    let invited = find("Whole program", "funnel_invited", "");
    assert_eq!(invited.len(), 1);
    assert_eq!(invited[0][4], funnel.invited.to_string());
    assert_eq!(invited[0][6], "No");
    let held = find("Whole program", "sessions_held", "");
    assert_eq!(
        held[0][4],
        program.practice.value().unwrap().held.to_string()
    );
    // Every skill gain of the page is there, in both directions, withheld
    // ones with an empty value.
    for gain in &program.skill_gains {
        let direction = match gain.direction {
            inversa::domain::sessions::GoalDirection::MenteeLearns => "mentees",
            inversa::domain::sessions::GoalDirection::MentorLearns => "mentors",
        };
        let item = ws.catalogue.label(&gain.skill, Lang::En);
        let row = find("Whole program", &format!("skill_gain_{direction}"), &item);
        assert_eq!(row.len(), 1, "{item}");
        match gain.gains.value() {
            Some(stats) => {
                let written: f64 = row[0][4].parse().unwrap();
                assert!((written - stats.mean_gain()).abs() < 0.001);
                assert_eq!(row[0][6], "No");
            }
            None => assert_eq!((row[0][4].as_str(), row[0][6].as_str()), ("", "Yes")),
        }
    }
    // A department of fewer than three people is one withheld row.
    for department in by_department(&ws, today()) {
        let lines: Vec<_> = rows
            .iter()
            .filter(|r| r[0] == department.department)
            .collect();
        if department.impact.is_withheld() {
            assert_eq!(lines.len(), 1, "{}", department.department);
            assert_eq!(
                (lines[0][2].as_str(), lines[0][4].as_str()),
                ("department", "")
            );
        } else {
            assert!(lines.len() > 10, "{}", department.department);
        }
    }
    // Nothing withheld carries a value.
    for row in &rows {
        if row[6] == "Yes" {
            assert_eq!(row[4], "", "{row:?}");
        }
    }
    assert!(
        rows.iter().any(|r| r[6] == "Yes"),
        "the demo has small groups"
    );
}

/// Excel where the comma is the decimal mark opens `;` files with `7,5`:
/// the same cells as the comma file, the decimals of numeric columns
/// (hours, result values) written with a comma, and nothing else changed:
/// a note or a grade typed as "4.2" is text and stays as typed.
#[test]
fn semicolon_files_hold_the_same_cells_with_decimal_commas() {
    use inversa::io::csv_export::{Separator, export_with};
    let mut finished = finished_demo_workspace();
    // Text that looks numeric stays text; a cell with a semicolon is quoted.
    let notes = ["3.5", "v1.2", "a;b", "-2.25"];
    for (session, note) in finished.sessions.sessions.iter_mut().zip(notes) {
        session.notes = note.into();
    }
    finished.participants[0].seniority.grade = "4.2".into();
    let mut converted = 0;
    for table in Table::ALL {
        let comma = export(&finished, table, Lang::Es, Headers::Localized, today());
        let semi = export_with(
            &finished,
            table,
            Lang::Es,
            Headers::Localized,
            Separator::Semicolon,
            today(),
        );
        let (header, rows) = read(&comma);
        let (semi_header, semi_rows) = read_with(&semi, b';');
        assert_eq!(semi_header, header, "{table:?}");
        assert_eq!(semi_rows.len(), rows.len(), "{table:?}");
        let keys = table.columns();
        for (row, semi_row) in rows.iter().zip(&semi_rows) {
            for ((cell, semi_cell), key) in row.iter().zip(semi_row).zip(&keys) {
                if table.decimal_columns().contains(key) && cell.contains('.') {
                    assert_eq!(semi_cell, &cell.replace('.', ","), "{table:?} {key}");
                    converted += 1;
                } else {
                    assert_eq!(semi_cell, cell, "{table:?} {key}");
                }
            }
        }
        // The comma choice is the RFC 4180 file itself.
        assert_eq!(
            export_with(
                &finished,
                table,
                Lang::Es,
                Headers::Localized,
                Separator::Comma,
                today()
            ),
            comma
        );
    }
    assert!(
        converted > 10,
        "decimals were found and converted ({converted})"
    );
    let sessions = export_with(
        &finished,
        Table::Sessions,
        Lang::Es,
        Headers::Keys,
        Separator::Semicolon,
        today(),
    );
    for expected in [";3.5\r\n", "v1.2", "\"a;b\"", "-2.25"] {
        assert!(sessions.contains(expected), "{expected}");
    }
    let people = export_with(
        &finished,
        Table::Participants,
        Lang::Es,
        Headers::Keys,
        Separator::Semicolon,
        today(),
    );
    assert!(people.contains(";4.2;"), "a grade stays as typed");
    assert_eq!(Separator::for_lang(Lang::En), Separator::Comma);
    assert_eq!(Separator::for_lang(Lang::It), Separator::Semicolon);
}

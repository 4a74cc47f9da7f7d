#![cfg(not(target_arch = "wasm32"))]
//! Participants from spreadsheet CSV files: every dialect Excel and Google
//! Sheets write, the mapping from header words, row errors with the row
//! numbers a spreadsheet shows, duplicates, our own export read back, and
//! arbitrary bytes that must never panic.

use inversa::domain::demo::demo_workspace;
use inversa::domain::ids::seeded_bytes;
use inversa::domain::participants::{
    Availability, Channel, OfferedSkill, Participant, Priority, Role, WantedSkill,
};
use inversa::domain::problem::{BinaryKind, ProblemKind};
use inversa::domain::skills::{CustomSkill, DEFAULT_SKILLS, Lang, SkillId, SkillKind};
use inversa::domain::validation::validate_participant;
use inversa::domain::{Date, Workspace};
use inversa::io::csv_export::{self, Headers};
use inversa::io::csv_import::{
    CsvImport, Delimiter, Duplicate, DuplicateOf, Field, MAX_CSV_BYTES, Mapping, MappingProblem,
    RowError, RowErrorKind, Sheet, SheetError, apply, check_mapping, read_rows, sniff,
    suggest_mapping,
};
use proptest::prelude::*;

/// A program with the demo's catalogue (its custom skill included) and nobody in it.
fn empty_program() -> Workspace {
    Workspace {
        catalogue: demo_workspace().catalogue,
        ..Workspace::default()
    }
}

/// Deterministic random bytes, different at every call.
fn seeded() -> impl FnMut() -> [u8; 16] {
    let mut n = 0;
    move || {
        n += 1;
        seeded_bytes(9_000 + n)
    }
}

fn sheet(bytes: &[u8]) -> Sheet {
    sniff(bytes).unwrap_or_else(|e| panic!("{e:?} for {:?}", String::from_utf8_lossy(bytes)))
}

/// The whole pipeline with the suggested mapping.
fn import_into(text: &str, ws: &Workspace) -> CsvImport {
    let sheet = sheet(text.as_bytes());
    let mapping = suggest_mapping(&sheet);
    read_rows(&sheet, &mapping, ws, Lang::En, seeded())
}

fn skill(id: &str) -> SkillId {
    SkillId::parse(id).unwrap()
}

fn date(iso: &str) -> Date {
    Date::parse_iso(iso).unwrap()
}

fn rule(problem: ProblemKind) -> RowErrorKind {
    RowErrorKind::Rule {
        problem,
        item: None,
    }
}

fn rule_on(problem: ProblemKind, item: &str) -> RowErrorKind {
    RowErrorKind::Rule {
        problem,
        item: Some(item.to_string()),
    }
}

// ------------------------------------------------------------- dialects ---

/// One small table, written the ways spreadsheets write it.
const TABLE: [[&str; 3]; 3] = [
    ["Name", "Email", "Role"],
    ["Ana Ruiz", "ana@example.com", "Reverse mentor"],
    ["Bruno Conti", "bruno@example.com", "Mentee"],
];

fn written(delimiter: &str, line_end: &str) -> String {
    TABLE
        .iter()
        .map(|row| row.join(delimiter) + line_end)
        .collect()
}

fn utf16le_with_bom(text: &str) -> Vec<u8> {
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(u16::to_le_bytes));
    bytes
}

#[test]
fn every_dialect_reads_as_the_same_sheet() {
    let bom = |text: String| [b"\xEF\xBB\xBF".as_slice(), text.as_bytes()].concat();
    let cases: Vec<(&str, Vec<u8>, Delimiter, bool)> = vec![
        (
            "comma LF",
            written(",", "\n").into_bytes(),
            Delimiter::Comma,
            false,
        ),
        (
            "comma CRLF BOM",
            bom(written(",", "\r\n")),
            Delimiter::Comma,
            false,
        ),
        (
            "semicolon CRLF",
            written(";", "\r\n").into_bytes(),
            Delimiter::Semicolon,
            false,
        ),
        (
            "semicolon LF BOM",
            bom(written(";", "\n")),
            Delimiter::Semicolon,
            false,
        ),
        (
            "tab",
            written("\t", "\r\n").into_bytes(),
            Delimiter::Tab,
            false,
        ),
        (
            "no final line end",
            written(",", "\r\n").trim_end().as_bytes().to_vec(),
            Delimiter::Comma,
            false,
        ),
        (
            "old Mac CR",
            written(";", "\r").into_bytes(),
            Delimiter::Semicolon,
            false,
        ),
        (
            "Excel sep= line",
            format!("sep=;\r\n{}", written(";", "\r\n")).into_bytes(),
            Delimiter::Semicolon,
            true,
        ),
        (
            "quoted SEP= line, BOM, commas in a semicolon-looking file",
            bom(format!("\"SEP=,\"\n{}", written(",", "\n"))),
            Delimiter::Comma,
            true,
        ),
        (
            "sep= line naming a pipe",
            format!("sep=|\n{}", written("|", "\n")).into_bytes(),
            Delimiter::Pipe,
            true,
        ),
        (
            "Excel Unicode text (UTF-16, tabs)",
            utf16le_with_bom(&written("\t", "\r\n")),
            Delimiter::Tab,
            false,
        ),
    ];
    let expected_rows: Vec<Vec<String>> = TABLE[1..]
        .iter()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    for (name, bytes, delimiter, sep_line) in cases {
        let sheet = sheet(&bytes);
        assert_eq!(sheet.delimiter, delimiter, "{name}");
        assert_eq!(sheet.sep_line, sep_line, "{name}");
        assert_eq!(sheet.headers, TABLE[0], "{name}");
        assert_eq!(sheet.header_line, 1, "{name}");
        let rows: Vec<_> = sheet.rows.iter().map(|r| r.cells.clone()).collect();
        assert_eq!(rows, expected_rows, "{name}");
        let lines: Vec<_> = sheet.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3], "{name}");
        let import = read_rows(
            &sheet,
            &suggest_mapping(&sheet),
            &Workspace::default(),
            Lang::En,
            seeded(),
        );
        assert_eq!(import.valid.len(), 2, "{name}: {:?}", import.errors);
    }
}

#[test]
fn the_delimiter_is_the_one_outside_quotes_in_the_header() {
    let cases = [
        (
            "Name;Email;Skills (a, b)\nA;a@x.io;c\n",
            Delimiter::Semicolon,
        ),
        ("Name,Email\nA;B,a@x.io\n", Delimiter::Comma),
        (
            "\"Name; full\",\"Email; work\",Role\nA,a@x.io,Mentee\n",
            Delimiter::Comma,
        ),
        (
            "\"Nombre, completo\";\"Correo, trabajo\";Rol\nA;a@x.io;Mentee\n",
            Delimiter::Semicolon,
        ),
        ("Name\tEmail;Role\tNotes\nA\tB\tC\n", Delimiter::Tab),
        // A tie in the header: the rows decide.
        ("Name,Notes;x\nA;B\nD;E\n", Delimiter::Semicolon),
        ("Name,Notes;x\nA,B\nD,E\n", Delimiter::Comma),
        // One column: nothing to split.
        ("Name\nAna\n", Delimiter::Comma),
        ("\n\nName;Email\nAna;a@x.io\n", Delimiter::Semicolon),
    ];
    for (text, expected) in cases {
        assert_eq!(sheet(text.as_bytes()).delimiter, expected, "{text:?}");
    }
}

#[test]
fn quotes_separators_and_line_breaks_stay_inside_their_cells() {
    for line_end in ["\n", "\r\n"] {
        let text = [
            "Name,Email,Role,Notes",
            "\"Ruiz, Ana\",ana@example.com,Mentor,\"She said \"\"hi\"\"\"",
            "Bruno,bruno@example.com,Mentee,\"two",
            "lines, and a comma\"",
            "",
            "Carla,carla@example.com,Mentee,\"three",
            "",
            "lines\"",
            "Dario,dario@example.com,Mentee,last",
        ]
        .join(line_end);
        let sheet = sheet(text.as_bytes());
        let cells: Vec<_> = sheet.rows.iter().map(|r| r.cells[3].as_str()).collect();
        let two = format!("two{line_end}lines, and a comma");
        let three = format!("three{line_end}{line_end}lines");
        assert_eq!(
            cells,
            ["She said \"hi\"", two.as_str(), three.as_str(), "last"],
            "{line_end:?}"
        );
        assert_eq!(sheet.rows[0].cells[0], "Ruiz, Ana");
        // Rows as a spreadsheet numbers them: a cell's line breaks do not
        // start rows, a blank line is a row.
        let lines: Vec<_> = sheet.rows.iter().map(|r| r.line).collect();
        assert_eq!(lines, [2, 3, 5, 6], "{line_end:?}");

        let import = read_rows(
            &sheet,
            &suggest_mapping(&sheet),
            &Workspace::default(),
            Lang::En,
            seeded(),
        );
        assert_eq!(import.errors, [], "{line_end:?}");
        let notes: Vec<_> = import.valid.iter().map(|(_, p)| p.notes.clone()).collect();
        assert_eq!(notes[1], two);
        assert_eq!(import.valid[0].1.name, "Ruiz, Ana");
    }
}

#[test]
fn blank_rows_are_skipped_but_counted() {
    let text = "\r\nName;Email;Role\r\n;;\r\nAna;ana@example.com;Mentee\r\n\r\n  ;  ; \r\nBea;bea@example.com;Mentee\r\n;;\r\n\r\n";
    let sheet = sheet(text.as_bytes());
    assert_eq!(sheet.header_line, 2);
    let lines: Vec<_> = sheet.rows.iter().map(|r| r.line).collect();
    assert_eq!(lines, [4, 7]);
}

#[test]
fn files_that_are_not_csv_text_are_refused_with_the_reason() {
    let latin1 = b"Nombre;Correo;Rol\r\nAna Mu\xf1oz;ana@example.com;Mentee\r\n".to_vec();
    let cases: Vec<(&str, Vec<u8>, SheetError)> = vec![
        ("empty", vec![], SheetError::Empty),
        ("only a BOM", b"\xEF\xBB\xBF".to_vec(), SheetError::Empty),
        ("blank lines", b" \r\n\r\n\t\n".to_vec(), SheetError::Empty),
        ("only a sep= line", b"sep=;\r\n".to_vec(), SheetError::Empty),
        (
            "only separators",
            b";;;\r\n;;;\r\n".to_vec(),
            SheetError::Empty,
        ),
        (
            "xlsx",
            b"PK\x03\x04\x14\x00\x06\x00rest".to_vec(),
            SheetError::Workbook,
        ),
        (
            "xls",
            b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00".to_vec(),
            SheetError::Workbook,
        ),
        (
            "png",
            b"\x89PNG\r\n\x1a\n\x00".to_vec(),
            SheetError::NotText {
                looks_like: BinaryKind::Png,
            },
        ),
        (
            "pdf",
            b"%PDF-1.7\n".to_vec(),
            SheetError::NotText {
                looks_like: BinaryKind::Pdf,
            },
        ),
        (
            "binary",
            b"\x00\x01\x02\x03\xff\xfe\x00".to_vec(),
            SheetError::NotText {
                looks_like: BinaryKind::Unknown,
            },
        ),
        (
            "NUL inside UTF-8",
            b"Name\x00,Email\n".to_vec(),
            SheetError::NotText {
                looks_like: BinaryKind::Unknown,
            },
        ),
        (
            "Windows-1252 (Excel's plain CSV)",
            latin1,
            SheetError::NotUtf8 { line: 2 },
        ),
        (
            "odd-length UTF-16",
            b"\xFF\xFEN\x00a".to_vec(),
            SheetError::NotText {
                looks_like: BinaryKind::Unknown,
            },
        ),
        (
            "too large",
            vec![b'a'; MAX_CSV_BYTES + 1],
            SheetError::TooLarge {
                bytes: MAX_CSV_BYTES as u64 + 1,
                max: MAX_CSV_BYTES as u64,
            },
        ),
    ];
    for (name, bytes, expected) in cases {
        assert_eq!(sniff(&bytes), Err(expected), "{name}");
    }
    // Exactly at the limit is still read.
    let mut big = b"Name\n".to_vec();
    big.resize(MAX_CSV_BYTES, b'a');
    assert_eq!(sheet(&big).rows.len(), 1);
}

// ---------------------------------------------------------------- mapping ---

#[test]
fn headers_map_to_fields_in_three_languages() {
    use Field::*;
    let cases: &[(&str, Option<Field>)] = &[
        ("Name", Some(Name)),
        ("NOMBRE", Some(Name)),
        ("Nome e cognome", Some(Name)),
        ("Full name", Some(Name)),
        ("Apellidos", Some(Surname)),
        ("Cognome", Some(Surname)),
        ("E-mail", Some(Email)),
        ("Correo electrónico", Some(Email)),
        ("Email address", Some(Email)),
        ("Work email", Some(Email)),
        ("Rol", Some(Role)),
        ("Ruolo", Some(Role)),
        ("Ruolo aziendale", Some(JobTitle)),
        ("Puesto", Some(JobTitle)),
        ("Job title", Some(JobTitle)),
        ("Departamento", Some(Department)),
        ("Reparto", Some(Department)),
        ("Años de experiencia", Some(SeniorityYears)),
        ("seniority_years", Some(SeniorityYears)),
        ("Anni di esperienza", Some(SeniorityYears)),
        ("Idiomas", Some(Languages)),
        ("Lingue parlate", Some(Languages)),
        ("Ubicación", Some(Location)),
        ("Sede", Some(Location)),
        ("Zona horaria", Some(TimeZone)),
        ("Skills offered", Some(SkillsOffered)),
        ("Competenze offerte (livello 1–5)", Some(SkillsOffered)),
        ("Skills wanted", Some(SkillsWanted)),
        ("Quiere aprender", Some(SkillsWanted)),
        ("Intereses", Some(Interests)),
        ("Canali", Some(Channels)),
        ("Capacidad", Some(Capacity)),
        ("Activo", Some(Active)),
        ("Attivo", Some(Active)),
        ("Fecha de consentimiento", Some(ConsentDate)),
        ("Data del consenso", Some(ConsentDate)),
        ("Date of consent", Some(ConsentDate)),
        ("Notas", Some(Notes)),
        ("Osservazioni", Some(Notes)),
        ("Participant ID", None),
        ("ID partecipante", None),
        ("Employee code", None),
        ("Favourite colour", None),
        ("", None),
    ];
    for (header, expected) in cases {
        let sheet = Sheet {
            delimiter: Delimiter::Comma,
            sep_line: false,
            headers: vec![header.to_string()],
            header_line: 1,
            rows: vec![],
        };
        assert_eq!(suggest_mapping(&sheet), vec![*expected], "{header:?}");
    }
}

#[test]
fn a_field_goes_to_its_best_named_column_only() {
    let sheet = sheet(b"Manager email;Email;Nombre;Nombre del responsable;Apellidos;Rol\n");
    assert_eq!(
        suggest_mapping(&sheet),
        vec![
            None,
            Some(Field::Email),
            Some(Field::Name),
            None,
            Some(Field::Surname),
            Some(Field::Role),
        ]
    );
}

#[test]
fn mapping_problems_are_listed_and_stop_the_rows() {
    let sheet = sheet(b"Name,Email,Role,Other\nAna,a@example.com,Mentee,x\n");
    let cases: Vec<(Mapping, Vec<MappingProblem>)> = vec![
        (
            vec![
                Some(Field::Name),
                Some(Field::Email),
                Some(Field::Role),
                None,
            ],
            vec![],
        ),
        (
            vec![
                Some(Field::Name),
                Some(Field::Email),
                Some(Field::Role),
                Some(Field::Name),
            ],
            vec![MappingProblem::Twice {
                field: Field::Name,
                columns: vec![0, 3],
            }],
        ),
        (
            vec![Some(Field::Name), None, None, Some(Field::Notes)],
            vec![
                MappingProblem::Missing {
                    field: Field::Email,
                },
                MappingProblem::Missing { field: Field::Role },
            ],
        ),
        // Entries past the last column are ignored.
        (
            vec![
                Some(Field::Name),
                Some(Field::Email),
                Some(Field::Role),
                None,
                Some(Field::Name),
            ],
            vec![],
        ),
    ];
    for (mapping, expected) in cases {
        assert_eq!(check_mapping(&sheet, &mapping), expected, "{mapping:?}");
        let import = read_rows(&sheet, &mapping, &Workspace::default(), Lang::En, seeded());
        assert_eq!(import.mapping_problems, expected);
        assert_eq!(import.valid.len(), usize::from(expected.is_empty()));
        assert_eq!(import.rows, 1);
    }
}

// ------------------------------------------------------------------- rows ---

#[test]
fn a_spanish_sheet_from_excel_imports() {
    let text = "sep=;\r\n\
        Nombre;Apellidos;Correo electrónico;Rol;Departamento;Puesto;Años de experiencia;Idiomas;\
        Competencias que ofrece;Competencias que quiere aprender;Intereses;Canales;Activo;\
        Fecha de consentimiento;Notas\r\n\
        Lucía;Martín Gómez;Lucia.Martin@Example.com;Mentor inverso;Marketing;Analista;2;\
        Español, Inglés;Herramientas de IA (5), Redes sociales (4);Liderazgo (Imprescindible);\
        Ciclismo, fotografía;Videollamada, En persona;Sí;07/09/2026;\"Prefiere martes;\nno viernes\"\r\n\
        Carlos;Ferrer;carlos.ferrer@example.com;Directivo;Ventas;Director comercial;25;es;\
        Negociación (5);\"Comercio electrónico (Deseable); Datos\";;Teléfono;No;2026-09-01;\r\n";
    let import = import_into(text, &empty_program());
    assert_eq!(
        import.errors,
        [RowError {
            line: 3,
            column: Some("Competencias que quiere aprender".into()),
            kind: RowErrorKind::UnknownSkills {
                names: vec!["Datos".into()],
            },
        }]
    );
    assert_eq!(import.valid.len(), 1);
    let (line, lucia) = &import.valid[0];
    assert_eq!(*line, 2, "the sep= line is not a row");
    let expected = Participant {
        id: lucia.id.clone(),
        name: "Lucía Martín Gómez".into(),
        email: "Lucia.Martin@Example.com".into(),
        role: Role::ReverseMentor,
        department: "Marketing".into(),
        job_title: "Analista".into(),
        seniority: inversa::domain::Seniority {
            years: Some(2),
            grade: String::new(),
        },
        languages: vec!["es".into(), "en".into()],
        skills_offered: vec![
            OfferedSkill {
                skill: skill("ai-tools"),
                level: 5,
            },
            OfferedSkill {
                skill: skill("social-media"),
                level: 4,
            },
        ],
        skills_wanted: vec![WantedSkill {
            skill: skill("leadership"),
            priority: Priority::MustHave,
        }],
        interests: vec!["ciclismo".into(), "fotografía".into()],
        channels: vec![Channel::VideoCall, Channel::InPerson],
        consent_date: Some(date("2026-09-07")),
        active: true,
        notes: "Prefiere martes;\nno viernes".into(),
        ..Participant::new(lucia.id.clone(), Role::ReverseMentor)
    };
    assert_eq!(lucia, &expected);
}

/// The header every row of [`row_errors_name_the_row_column_and_kind`] uses.
const FULL_HEADER: &str = "Name,Email,Role,Skills offered,Skills wanted,Languages,Active,\
    Consent date,Years of experience,Capacity,Time zone,Channels,Interests,Job title";

/// A row's errors: the column header (none for the whole row) and the kind.
type Expected<'a> = Vec<(Option<&'a str>, RowErrorKind)>;

#[test]
fn row_errors_name_the_row_column_and_kind() {
    let long_title = "x".repeat(121);
    let cases: Vec<(&str, String, Expected)> = vec![
        (
            "fine, with every field",
            "Ana,ana@x.io,Mentee,Leadership (5),AI tools (Must have),en;it,yes,2026-01-31,30,2,Europe/Rome,Phone,chess,CEO".into(),
            vec![],
        ),
        (
            "a blank extra cell is a separator at the line end",
            "Ana,ana@x.io,Mentee,,,,,,,,,,,,".into(),
            vec![],
        ),
        (
            "too few cells",
            "Ana,ana@x.io,Mentee".into(),
            vec![(None, RowErrorKind::CellCount { found: 3, expected: 14 })],
        ),
        (
            "too many cells",
            "Ana,ana@x.io,Mentee,,,,,,,,,,,,extra".into(),
            vec![(None, RowErrorKind::CellCount { found: 15, expected: 14 })],
        ),
        (
            "unknown role",
            "Ana,ana@x.io,Boss,,,,,,,,,,,".into(),
            vec![(Some("Role"), RowErrorKind::UnknownRole { value: "Boss".into() })],
        ),
        (
            "blank role and name",
            ",ana@x.io,,,,,,,,,,,,".into(),
            vec![
                (Some("Name"), rule(ProblemKind::Required)),
                (Some("Role"), rule(ProblemKind::Required)),
            ],
        ),
        (
            "bad email",
            "Ana,ana(at)x.io,Mentee,,,,,,,,,,,".into(),
            vec![(Some("Email"), rule(ProblemKind::NotAnEmail))],
        ),
        (
            "unknown skills are listed together, known ones kept",
            "Ana,ana@x.io,Mentee,Juggling (3); Leadership (4); Origami,,,,,,,,,,".into(),
            vec![(
                Some("Skills offered"),
                RowErrorKind::UnknownSkills {
                    names: vec!["Juggling (3)".into(), "Origami".into()],
                },
            )],
        ),
        (
            "a level that is not a number",
            "Ana,ana@x.io,Mentee,Leadership (high),,,,,,,,,,".into(),
            vec![(
                Some("Skills offered"),
                RowErrorKind::NotALevel {
                    skill: "Leadership (high)".into(),
                    value: "high".into(),
                },
            )],
        ),
        (
            "a level out of range is the form's rule, naming the entry",
            "Ana,ana@x.io,Mentee,Strategy (2); Leadership (7),,,,,,,,,,".into(),
            vec![(
                Some("Skills offered"),
                rule_on(ProblemKind::OutOfRange { min: 1.0, max: 5.0 }, "Leadership (7)"),
            )],
        ),
        (
            "the same skill twice",
            "Ana,ana@x.io,Mentee,,AI tools; Herramientas de IA (Deseable),,,,,,,,,".into(),
            vec![(
                Some("Skills wanted"),
                rule_on(
                    ProblemKind::DuplicateSkill { id: "ai-tools".into() },
                    "Herramientas de IA (Deseable)",
                ),
            )],
        ),
        (
            "an unknown priority",
            "Ana,ana@x.io,Mentee,,AI tools (4),,,,,,,,,".into(),
            vec![(
                Some("Skills wanted"),
                RowErrorKind::UnknownPriority {
                    skill: "AI tools (4)".into(),
                    value: "4".into(),
                },
            )],
        ),
        (
            "a language that is no language",
            "Ana,ana@x.io,Mentee,,,English; Klingon,,,,,,,,".into(),
            vec![(
                Some("Languages"),
                rule_on(ProblemKind::InvalidLanguage { value: "klingon".into() }, "Klingon"),
            )],
        ),
        (
            "not yes or no",
            "Ana,ana@x.io,Mentee,,,,maybe,,,,,,,".into(),
            vec![(Some("Active"), RowErrorKind::NotYesNo { value: "maybe".into() })],
        ),
        (
            "a day that does not exist",
            "Ana,ana@x.io,Mentee,,,,,31/02/2026,,,,,,".into(),
            vec![(Some("Consent date"), RowErrorKind::NotADate { value: "31/02/2026".into() })],
        ),
        (
            "a US date",
            "Ana,ana@x.io,Mentee,,,,,01/31/2026,,,,,,".into(),
            vec![(Some("Consent date"), RowErrorKind::NotADate { value: "01/31/2026".into() })],
        ),
        (
            "years as words and too many years",
            "Ana,ana@x.io,Mentee,,,,,,thirty,99999,,,,".into(),
            vec![
                (Some("Years of experience"), RowErrorKind::NotAWholeNumber { value: "thirty".into() }),
                (Some("Capacity"), rule(ProblemKind::OutOfRange { min: 1.0, max: 10.0 })),
            ],
        ),
        (
            "a time zone that is not one",
            "Ana,ana@x.io,Mentee,,,,,,,,Rome,,,".into(),
            vec![(
                Some("Time zone"),
                rule(ProblemKind::InvalidTimeZone { value: "Rome".into() }),
            )],
        ),
        (
            "an unknown channel, and one listed twice",
            "Ana,ana@x.io,Mentee,,,,,,,,,Pigeon; phone; Teléfono,,".into(),
            vec![
                (Some("Channels"), RowErrorKind::UnknownChannel { value: "Pigeon".into() }),
                (
                    Some("Channels"),
                    rule_on(ProblemKind::DuplicateName { name: "Phone".into() }, "Teléfono"),
                ),
            ],
        ),
        (
            "a job title too long",
            format!("Ana,ana@x.io,Mentee,,,,,,,,,,,{long_title}"),
            vec![(Some("Job title"), rule(ProblemKind::TooLong { max: 120 }))],
        ),
    ];
    for (name, row, expected) in cases {
        let import = import_into(&format!("{FULL_HEADER}\n{row}\n"), &empty_program());
        let found: Vec<_> = import
            .errors
            .iter()
            .map(|e| {
                assert_eq!(e.line, 2, "{name}");
                (e.column.as_deref(), e.kind.clone())
            })
            .collect();
        assert_eq!(found, expected, "{name}");
        assert_eq!(
            import.valid.len(),
            usize::from(expected.is_empty()),
            "{name}"
        );
    }
}

#[test]
fn cell_values_are_read_in_three_languages() {
    let read = |header: &str, value: &str| -> Result<Participant, Vec<RowErrorKind>> {
        let text = format!("Name,Email,Role,{header}\nAna,ana@x.io,Mentee,\"{value}\"\n");
        let mut import = import_into(&text, &empty_program());
        match import.valid.pop() {
            Some((_, p)) => Ok(p),
            None => Err(import.errors.into_iter().map(|e| e.kind).collect()),
        }
    };
    assert!(
        read("Favourite colour", "x").is_ok(),
        "an unmapped column is ignored"
    );

    let roles = [
        ("Reverse mentor", Role::ReverseMentor),
        ("mentor inverso", Role::ReverseMentor),
        ("Mentore", Role::ReverseMentor),
        ("JUNIOR", Role::ReverseMentor),
        ("reverse_mentor", Role::ReverseMentor),
        ("Mentee", Role::Mentee),
        ("Senior", Role::Mentee),
        ("Directivo", Role::Mentee),
        ("Dirigente", Role::Mentee),
    ];
    for (value, expected) in roles {
        let text = format!("Name,Email,Role\nAna,ana@x.io,{value}\n");
        let import = import_into(&text, &empty_program());
        assert_eq!(import.valid[0].1.role, expected, "{value}");
    }

    let yes_no = [
        ("Yes", true),
        ("sí", true),
        ("Sì", true),
        ("TRUE", true),
        ("x", true),
        ("✓", true),
        ("Attivo", true),
        ("", true),
        ("No", false),
        ("false", false),
        ("0", false),
        ("Inactivo", false),
        ("non attivo", false),
    ];
    for (value, expected) in yes_no {
        assert_eq!(read("Active", value).unwrap().active, expected, "{value}");
    }

    let dates = [
        ("2026-09-07", "2026-09-07"),
        ("2026-09-07 00:00:00", "2026-09-07"),
        ("2026-09-07T10:00", "2026-09-07"),
        ("07/09/2026", "2026-09-07"),
        ("7/9/2026", "2026-09-07"),
        ("07.09.2026", "2026-09-07"),
        ("07-09-2026", "2026-09-07"),
        ("2026/09/07", "2026-09-07"),
        ("29/02/2024", "2024-02-29"),
    ];
    for (value, expected) in dates {
        let p = read("Consent date", value).unwrap();
        assert_eq!(p.consent_date, Some(date(expected)), "{value}");
    }
    for value in [
        "07/09/26",
        "2026-9",
        "yesterday",
        "32/01/2026",
        "2026-13-01",
    ] {
        assert_eq!(
            read("Consent date", value).unwrap_err(),
            [RowErrorKind::NotADate {
                value: value.into()
            }],
            "{value}"
        );
    }

    let languages = [
        ("en; ES; it-IT", vec!["en", "es", "it"]),
        ("Inglés, Italiano", vec!["en", "it"]),
        ("spagnolo\nfrancese", vec!["es", "fr"]),
        ("English, en_GB", vec!["en", "en"]),
    ];
    for (value, expected) in languages {
        match read("Languages", value) {
            Ok(p) => assert_eq!(p.languages, expected, "{value}"),
            // The same language twice is the form's rule.
            Err(kinds) => assert_eq!(
                kinds,
                [rule_on(
                    ProblemKind::DuplicateName { name: "en".into() },
                    "en_GB"
                )],
                "{value}"
            ),
        }
    }

    let skills = [
        ("AI tools (4)", "ai-tools", Some(4)),
        ("ai-tools", "ai-tools", Some(3)),
        ("Strumenti di IA (2/5)", "ai-tools", Some(2)),
        ("  alfabetización DE datos  ( 5 )", "data-literacy", Some(5)),
        ("Cold-chain logistics (5)", "custom-cold-chain", Some(5)),
        ("custom-cold-chain", "custom-cold-chain", Some(3)),
    ];
    for (value, id, level) in skills {
        let p = read("Skills offered", value).unwrap();
        let offered: Vec<_> = p
            .skills_offered
            .iter()
            .map(|s| (s.skill.as_str(), Some(s.level)))
            .collect();
        assert_eq!(offered, [(id, level)], "{value}");
    }
    let priorities = [
        ("Leadership (Must have)", Priority::MustHave),
        ("Liderazgo (imprescindible)", Priority::MustHave),
        ("Leadership (Indispensabile)", Priority::MustHave),
        ("Leadership (alta)", Priority::MustHave),
        ("Leadership", Priority::Important),
        ("Leadership (Importante)", Priority::Important),
        ("Leadership (Nice to have)", Priority::NiceToHave),
        ("Leadership (Deseable)", Priority::NiceToHave),
        ("Leadership (gradita)", Priority::NiceToHave),
    ];
    for (value, expected) in priorities {
        let p = read("Skills wanted", value).unwrap();
        assert_eq!(p.skills_wanted[0].priority, expected, "{value}");
    }
    let interests = read("Interests", "Cycling ,  Board   GAMES").unwrap();
    assert_eq!(interests.interests, ["cycling", "board games"]);
}

#[test]
fn every_catalogue_label_in_every_language_finds_its_skill() {
    for reading_in in [Lang::En, Lang::Es, Lang::It] {
        for default in DEFAULT_SKILLS {
            for written in [default.en, default.es, default.it, default.id] {
                let text = format!(
                    "Name,Email,Role,Skills offered\nAna,ana@x.io,Mentee,\"{} (2)\"\n",
                    written.to_uppercase()
                );
                let sheet = sheet(text.as_bytes());
                let import = read_rows(
                    &sheet,
                    &suggest_mapping(&sheet),
                    &empty_program(),
                    reading_in,
                    seeded(),
                );
                let offered = &import.valid[0].1.skills_offered;
                assert_eq!(offered[0].skill.as_str(), default.id, "{written}");
            }
        }
    }
}

#[test]
fn a_custom_skill_with_brackets_in_its_name_is_found_whole() {
    let mut ws = empty_program();
    ws.catalogue.custom.push(CustomSkill {
        id: skill("custom-excel-advanced"),
        name: "Excel (advanced)".into(),
        kind: SkillKind::Digital,
    });
    let text = "Name,Email,Role,Skills offered\n\
        Ana,ana@x.io,Mentee,Excel (advanced); Leadership\n\
        Bea,bea@x.io,Mentee,Excel (advanced) (5)\n";
    let import = import_into(text, &ws);
    assert_eq!(import.errors, []);
    let offered: Vec<_> = import
        .valid
        .iter()
        .map(|(_, p)| p.skills_offered.clone())
        .collect();
    let excel = |level| OfferedSkill {
        skill: skill("custom-excel-advanced"),
        level,
    };
    let leadership = OfferedSkill {
        skill: skill("leadership"),
        level: 3,
    };
    assert_eq!(offered, [vec![excel(3), leadership], vec![excel(5)]]);
}

#[test]
fn duplicate_emails_in_the_file_and_in_the_program_are_reported_by_row() {
    let ws = demo_workspace();
    let giorgio = ws
        .participants
        .iter()
        .find(|p| p.name == "Giorgio Bellandi")
        .unwrap();
    let text = format!(
        "Name,Email,Role\n\
         Ana,ana@example.com,Mentee\n\
         Giorgio again,  {}  ,Mentee\n\
         Ana twin,ANA@Example.com,Mentee\n\
         Bea,bea@example.com,Mentee\n\
         ,bea@example.com,Mentee\n\
         Ana triplet,ana@example.com ,Mentee\n",
        giorgio.email.to_uppercase()
    );
    let import = import_into(&text, &ws);
    let valid: Vec<_> = import.valid.iter().map(|(line, _)| *line).collect();
    assert_eq!(valid, [2, 5]);
    assert_eq!(
        import.duplicates,
        [
            Duplicate {
                line: 3,
                email: giorgio.email.to_uppercase(),
                of: DuplicateOf::Participant {
                    id: giorgio.id.clone()
                },
            },
            Duplicate {
                line: 4,
                email: "ANA@Example.com".into(),
                of: DuplicateOf::Row { line: 2 },
            },
            Duplicate {
                line: 6,
                email: "bea@example.com".into(),
                of: DuplicateOf::Row { line: 5 },
            },
            Duplicate {
                line: 7,
                email: "ana@example.com".into(),
                of: DuplicateOf::Row { line: 2 },
            },
        ]
    );
    // Row 6 also lacks a name: both are said.
    assert_eq!(
        import.errors,
        [RowError {
            line: 6,
            column: Some("Name".into()),
            kind: rule(ProblemKind::Required),
        }]
    );
}

// ------------------------------------------------------------ round trip ---

/// What the participants CSV carries; the rest is left at the form's defaults.
fn exported_part(p: &Participant) -> Participant {
    Participant {
        id: p.id.clone(),
        name: p.name.clone(),
        email: p.email.clone(),
        role: p.role,
        department: p.department.clone(),
        job_title: p.job_title.clone(),
        seniority: p.seniority.clone(),
        languages: p.languages.clone(),
        location: p.location.clone(),
        skills_offered: p.skills_offered.clone(),
        skills_wanted: p.skills_wanted.clone(),
        active: p.active,
        consent_date: p.consent_date,
        ..Participant::new(p.id.clone(), p.role)
    }
}

#[test]
fn our_participants_export_maps_itself_and_reads_back() {
    let mut demo = demo_workspace();
    // Text a spreadsheet would take for a formula comes back as typed.
    demo.participants[0].name = "=Giorgio+1".into();
    demo.participants[1].department = "-Sales".into();
    demo.participants[2].job_title = "@lead".into();
    assert!(demo.participants.iter().any(|p| !p.active));
    let key_columns = csv_export::Table::Participants.columns();
    for lang in [Lang::En, Lang::Es, Lang::It] {
        for headers in [Headers::Keys, Headers::Localized] {
            let file = csv_export::participants(&demo, lang, headers);
            let sheet = sheet(file.as_bytes());
            let mapping = suggest_mapping(&sheet);
            // Every column but the id maps, to the field of its key.
            let expected: Mapping = key_columns
                .iter()
                .map(|key| Field::ALL.into_iter().find(|f| f.key() == *key))
                .collect();
            assert_eq!(mapping, expected, "{lang:?} {headers:?}");
            assert_eq!(mapping.iter().filter(|f| f.is_none()).count(), 1);

            let mut target = empty_program();
            let import = read_rows(&sheet, &mapping, &target, lang, seeded());
            assert_eq!(import.errors, [], "{lang:?} {headers:?}");
            assert_eq!(import.duplicates, [], "{lang:?} {headers:?}");
            assert_eq!(import.valid.len(), demo.participants.len());
            for ((line, read), (i, original)) in import
                .valid
                .iter()
                .zip(demo.participants.iter().enumerate())
            {
                assert_eq!(*line, i + 2);
                assert_ne!(read.id, original.id, "ids are fresh");
                let expected = Participant {
                    id: read.id.clone(),
                    ..exported_part(original)
                };
                assert_eq!(read, &expected, "{lang:?} {headers:?} row {line}");
            }
            assert_eq!(apply(&mut target, &import), demo.participants.len());
            // Re-importing the same file now finds everyone already there.
            let again = read_rows(&sheet, &mapping, &target, lang, seeded());
            assert_eq!(again.valid, []);
            assert_eq!(again.duplicates.len(), demo.participants.len());
        }
    }
}

// ------------------------------------------------------------ large file ---

#[test]
fn five_hundred_rows_with_three_bad_ones() {
    // Bad rows (0-based data indexes) and what is wrong with each.
    let bad: [(usize, &str, RowErrorKind); 3] = [
        (41, "email", rule(ProblemKind::NotAnEmail)),
        (
            250,
            "skills",
            RowErrorKind::UnknownSkills {
                names: vec!["Underwater basket weaving (2)".into()],
            },
        ),
        (
            498,
            "cells",
            RowErrorKind::CellCount {
                found: 6,
                expected: 7,
            },
        ),
    ];
    let mut text = String::from(
        "\u{feff}Nombre;Correo;Rol;Departamento;Competencias que ofrece;Idiomas;Activo\r\n",
    );
    for i in 0..500 {
        let role = if i % 2 == 0 {
            "Mentor inverso"
        } else {
            "Mentee"
        };
        let mut email = format!("persona{i}@example.com");
        let mut skills = "Herramientas de IA (4), Redes sociales (3)".to_string();
        let mut last = ";Sí";
        match bad.iter().find(|(row, _, _)| *row == i).map(|b| b.1) {
            Some("email") => email = format!("persona{i} at example.com"),
            Some("skills") => skills = "Underwater basket weaving (2)".into(),
            Some("cells") => last = "",
            _ => {}
        }
        text.push_str(&format!(
            "Persona {i};{email};{role};Ventas;{skills};es, en{last}\r\n"
        ));
    }
    let import = import_into(&text, &empty_program());
    assert_eq!(import.rows, 500);
    assert_eq!(import.valid.len(), 497);
    assert_eq!(import.duplicates, []);
    let errors: Vec<_> = import
        .errors
        .iter()
        .map(|e| (e.line, e.kind.clone()))
        .collect();
    let expected: Vec<_> = bad
        .iter()
        .map(|(row, _, kind)| (row + 2, kind.clone()))
        .collect();
    assert_eq!(errors, expected);
    // Valid rows keep file order and each got its own id.
    let lines: Vec<_> = import.valid.iter().map(|(line, _)| *line).collect();
    assert!(lines.windows(2).all(|w| w[0] < w[1]));
    let mut ids: Vec<_> = import.valid.iter().map(|(_, p)| p.id.clone()).collect();
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 497);
}

#[test]
fn fresh_ids_never_repeat_even_when_the_source_does() {
    let mut ws = empty_program();
    let taken = Participant {
        name: "Existing".into(),
        email: "existing@example.com".into(),
        ..Participant::new(
            inversa::domain::ParticipantId::from_random_bytes([7; 16]),
            Role::Mentee,
        )
    };
    ws.participants.push(taken.clone());
    let text = "Name,Email,Role\nA,a@x.io,Mentee\nB,b@x.io,Mentee\nC,c@x.io,Mentee\n";
    let sheet = sheet(text.as_bytes());
    let import = read_rows(&sheet, &suggest_mapping(&sheet), &ws, Lang::En, || [7; 16]);
    let mut ids: Vec<_> = import.valid.iter().map(|(_, p)| p.id.clone()).collect();
    ids.push(taken.id);
    ids.sort();
    ids.dedup();
    assert_eq!(ids.len(), 4);
}

#[test]
fn apply_adds_only_what_is_still_new() {
    let text = "Name,Email,Role\nAna,ana@x.io,Mentee\nBea,bea@x.io,Reverse mentor\n";
    let mut ws = empty_program();
    let import = import_into(text, &ws);
    // Someone with Bea's email was added after the preview.
    ws.participants.push(Participant {
        name: "Bea".into(),
        email: "BEA@x.io".into(),
        ..Participant::new(
            inversa::domain::ParticipantId::from_random_bytes(seeded_bytes(1)),
            Role::Mentee,
        )
    });
    assert_eq!(apply(&mut ws, &import), 1);
    let names: Vec<_> = ws.participants.iter().map(|p| p.name.as_str()).collect();
    assert_eq!(names, ["Bea", "Ana"]);
    assert_eq!(ws.participants[1], import.valid[0].1);
    assert_eq!(
        inversa::domain::validation::validate_workspace(&ws)
            .into_iter()
            .filter(|p| p.path.starts_with("participants"))
            .count(),
        0
    );
}

// -------------------------------------------------------------- property ---

/// A valid file with a bit of everything, to mutate.
fn sample_file() -> String {
    let mut demo = demo_workspace();
    demo.participants.truncate(6);
    csv_export::participants(&demo, Lang::Es, Headers::Localized)
}

/// Reads whatever `sniff` accepts through the rest of the pipeline and
/// checks what must always hold.
fn check_pipeline(bytes: &[u8]) {
    let Ok(sheet) = sniff(bytes) else {
        return;
    };
    assert!(sheet.rows.windows(2).all(|w| w[0].line < w[1].line));
    assert!(sheet.rows.iter().all(|r| r.line > sheet.header_line));
    let ws = demo_workspace();
    let mapping = suggest_mapping(&sheet);
    assert_eq!(mapping.len(), sheet.headers.len());
    let import = read_rows(&sheet, &mapping, &ws, Lang::It, seeded());
    for (_, p) in &import.valid {
        assert_eq!(validate_participant(p, &ws), [], "{p:?}");
        assert!(
            import
                .errors
                .iter()
                .all(|e| !import.valid.iter().any(|(line, _)| *line == e.line))
        );
    }
    let mut after = ws.clone();
    assert_eq!(apply(&mut after, &import), import.valid.len());
}

fn mutation() -> impl Strategy<Value = (usize, usize, Vec<u8>)> {
    (
        any::<usize>(),
        0usize..8,
        prop::collection::vec(
            prop_oneof![
                Just(b'"'),
                Just(b','),
                Just(b';'),
                Just(b'\t'),
                Just(b'\r'),
                Just(b'\n'),
                Just(b'('),
                Just(b')'),
                Just(b'\''),
                any::<u8>(),
            ],
            0..6,
        ),
    )
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..400)) {
        check_pipeline(&bytes);
    }

    #[test]
    fn arbitrary_text_never_panics(text in "[a-zA-Z0-9 ,;\t\"\r\n'()=@áñ-]{0,300}") {
        check_pipeline(text.as_bytes());
    }

    #[test]
    fn mutated_valid_files_never_panic(edits in prop::collection::vec(mutation(), 1..5)) {
        let mut bytes = sample_file().into_bytes();
        for (at, remove, insert) in edits {
            let at = at % (bytes.len() + 1);
            let end = (at + remove).min(bytes.len());
            bytes.splice(at..end, insert);
        }
        check_pipeline(&bytes);
    }
}

#[test]
fn the_sample_file_is_valid_before_mutation() {
    let import = import_into(&sample_file(), &empty_program());
    assert_eq!((import.valid.len(), import.errors.len()), (6, 0));
    // Availability is not in the CSV: it stays for the form.
    assert!(
        import
            .valid
            .iter()
            .all(|(_, p)| p.availability == Availability::default())
    );
}

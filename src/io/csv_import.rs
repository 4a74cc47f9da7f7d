//! Participants from a spreadsheet: the CSV a coordinator saves from Excel,
//! LibreOffice or Google Sheets, read in three steps so nothing is stored
//! before they confirm.
//!
//! 1. [`sniff`]: bytes → [`Sheet`] (a header and rows of text cells). Refuses
//!    what is not a CSV text (a workbook, an image, another encoding) with a
//!    reason; finds the separator (comma, semicolon, tab, or Excel's `sep=`
//!    line); keeps every row, even ragged ones, with the row number a
//!    spreadsheet shows.
//! 2. [`suggest_mapping`]: which participant [`Field`] each column most
//!    likely holds, from header words in English, Spanish and Italian (and
//!    exactly the headers `csv_export::participants` writes, so an exported
//!    file maps itself). The coordinator may change it; [`check_mapping`]
//!    says what is wrong with a mapping.
//! 3. [`read_rows`]: rows → participants, each checked by the same rules as
//!    the form ([`validate_participant`]); [`CsvImport`] lists the valid rows,
//!    the row errors and the duplicate emails, all with row numbers. Errors
//!    are data: the UI words them.
//!
//! [`apply`] then adds the valid rows. Unknown skills are row errors, never
//! silently created custom skills. Ids are always fresh: a CSV row is a new
//! person (merging into existing records is `domain::merge`'s job).

use std::collections::{HashMap, HashSet};

use crate::domain::participants::{
    Channel, OfferedSkill, Participant, Priority, Role, WantedSkill,
};
use crate::domain::problem::{BinaryKind, ProblemKind};
use crate::domain::skills::{Catalogue, Lang, SkillId};
use crate::domain::text;
use crate::domain::validation::{looks_like_time_zone, validate_participant};
use crate::domain::{Date, ParticipantId, Workspace};

/// Files above this size are refused (5 MiB is about 20,000 full rows).
pub const MAX_CSV_BYTES: usize = 5 * 1024 * 1024;

/// What separates cells in a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Delimiter {
    Comma,
    /// Excel's choice where the decimal mark is a comma (Spain, Italy).
    Semicolon,
    Tab,
    /// Only when named by a `sep=|` line.
    Pipe,
}

impl Delimiter {
    /// Detection order: on a tie the earlier one wins.
    const DETECTED: [Delimiter; 3] = [Delimiter::Comma, Delimiter::Semicolon, Delimiter::Tab];

    pub fn byte(self) -> u8 {
        match self {
            Delimiter::Comma => b',',
            Delimiter::Semicolon => b';',
            Delimiter::Tab => b'\t',
            Delimiter::Pipe => b'|',
        }
    }

    fn from_char(c: char) -> Option<Delimiter> {
        match c {
            ',' => Some(Delimiter::Comma),
            ';' => Some(Delimiter::Semicolon),
            '\t' => Some(Delimiter::Tab),
            '|' => Some(Delimiter::Pipe),
            _ => None,
        }
    }
}

/// A CSV file read as text cells, before any meaning is given to them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sheet {
    pub delimiter: Delimiter,
    /// The file started with Excel's `sep=` line (not counted as a row).
    pub sep_line: bool,
    /// Header cells, trimmed, in column order.
    pub headers: Vec<String>,
    /// The row number of the header (1 unless blank lines come first).
    pub header_line: usize,
    /// Data rows with at least one non-blank cell; blank rows still count
    /// in the numbering, as in a spreadsheet.
    pub rows: Vec<SheetRow>,
}

/// One data row as written; it may have more or fewer cells than the header.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SheetRow {
    /// The row number a spreadsheet shows: the header is row 1, a cell with
    /// line breaks is still one row, and blank lines count.
    pub line: usize,
    pub cells: Vec<String>,
}

/// Why a file cannot be read as a sheet at all.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SheetError {
    TooLarge {
        bytes: u64,
        max: u64,
    },
    /// No header row (nothing but blanks).
    Empty,
    /// An Excel or LibreOffice workbook (`.xlsx`, `.xls`, `.ods`) rather than
    /// a CSV: it needs saving as "CSV UTF-8" first.
    Workbook,
    /// Not text (an image, a PDF, binary data).
    NotText {
        looks_like: BinaryKind,
    },
    /// Text in another encoding (Windows-1252, Mac Roman): Excel's plain
    /// "CSV" choice. "CSV UTF-8 (comma delimited)" is the one that keeps
    /// accents. `line` is where the first undecodable byte is.
    NotUtf8 {
        line: usize,
    },
}

/// A participant field a column can fill.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Field {
    /// The full name, or the first name when a [`Field::Surname`] column exists.
    Name,
    /// Joined after the name with a space.
    Surname,
    Email,
    Role,
    Department,
    JobTitle,
    SeniorityYears,
    Grade,
    Languages,
    Location,
    TimeZone,
    SkillsOffered,
    SkillsWanted,
    Interests,
    Channels,
    Capacity,
    Active,
    ConsentDate,
    Notes,
}

impl Field {
    pub const ALL: [Field; 19] = [
        Field::Name,
        Field::Surname,
        Field::Email,
        Field::Role,
        Field::Department,
        Field::JobTitle,
        Field::SeniorityYears,
        Field::Grade,
        Field::Languages,
        Field::Location,
        Field::TimeZone,
        Field::SkillsOffered,
        Field::SkillsWanted,
        Field::Interests,
        Field::Channels,
        Field::Capacity,
        Field::Active,
        Field::ConsentDate,
        Field::Notes,
    ];

    /// Stable snake_case name, the same as the participants CSV column key
    /// where there is one.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::Surname => "surname",
            Field::Email => "email",
            Field::Role => "role",
            Field::Department => "department",
            Field::JobTitle => "job_title",
            Field::SeniorityYears => "seniority_years",
            Field::Grade => "grade",
            Field::Languages => "languages",
            Field::Location => "location",
            Field::TimeZone => "time_zone",
            Field::SkillsOffered => "skills_offered",
            Field::SkillsWanted => "skills_wanted",
            Field::Interests => "interests",
            Field::Channels => "channels",
            Field::Capacity => "capacity",
            Field::Active => "active",
            Field::ConsentDate => "consent_date",
            Field::Notes => "notes",
        }
    }

    /// Every participant needs these, so the mapping must have a column for each.
    pub fn required(self) -> bool {
        matches!(self, Field::Name | Field::Email | Field::Role)
    }

    /// Header words (already in [`header_key`] form) besides the key itself.
    /// Exact matches beat partial ones, then the longest alias wins, so
    /// "ruolo aziendale" is a job title although it contains "ruolo".
    fn aliases(self) -> &'static [&'static str] {
        match self {
            Field::Name => &[
                "full name",
                "first name",
                "given name",
                "nombre",
                "nombre completo",
                "nombre y apellidos",
                "nome",
                "nome completo",
                "nome e cognome",
            ],
            Field::Surname => &[
                "last name",
                "family name",
                "apellido",
                "apellidos",
                "cognome",
            ],
            Field::Email => &[
                "e mail",
                "mail",
                "email address",
                "correo",
                "correo electronico",
                "indirizzo email",
                "posta elettronica",
            ],
            Field::Role => &[
                "rol",
                "ruolo",
                "program role",
                "rol en el programa",
                "ruolo nel programma",
            ],
            Field::Department => &[
                "dept",
                "departamento",
                "reparto",
                "area",
                "division",
                "team",
                "equipo",
                "ufficio",
            ],
            Field::JobTitle => &[
                "title",
                "position",
                "job",
                "puesto",
                "cargo",
                "ruolo aziendale",
                "mansione",
                "posizione",
            ],
            Field::SeniorityYears => &[
                "seniority",
                "years of experience",
                "years",
                "experience",
                "anos de experiencia",
                "antiguedad",
                "experiencia",
                "anni di esperienza",
                "anzianita",
                "esperienza",
            ],
            Field::Grade => &[
                "grade or level",
                "level",
                "band",
                "categoria",
                "categoria o nivel",
                "nivel",
                "livello",
                "livello o inquadramento",
                "inquadramento",
            ],
            Field::Languages => &["language", "idiomas", "idioma", "lingue", "lingua"],
            Field::Location => &[
                "office",
                "site",
                "city",
                "country",
                "ubicacion",
                "oficina",
                "ciudad",
                "sede",
                "citta",
                "localita",
            ],
            Field::TimeZone => &["timezone", "zona horaria", "fuso orario"],
            Field::SkillsOffered => &[
                "skills offered level 1 5",
                "offered skills",
                "skills to offer",
                "can teach",
                "competencias que ofrece",
                "competencias que ofrece nivel 1 5",
                "habilidades que ofrece",
                "puede ensenar",
                "competenze offerte",
                "competenze offerte livello 1 5",
                "puo insegnare",
            ],
            Field::SkillsWanted => &[
                "skills wanted priority",
                "wanted skills",
                "skills to learn",
                "wants to learn",
                "competencias que quiere aprender",
                "competencias que quiere aprender prioridad",
                "habilidades que quiere aprender",
                "quiere aprender",
                "competenze da imparare",
                "competenze da imparare priorita",
                "vuole imparare",
            ],
            Field::Interests => &[
                "interest",
                "hobbies",
                "intereses",
                "aficiones",
                "interessi",
                "hobby",
            ],
            Field::Channels => &[
                "channel",
                "preferred channels",
                "canales",
                "canal",
                "canali",
                "canale",
            ],
            Field::Capacity => &["max pairs", "capacidad", "capacita"],
            Field::Active => &[
                "status", "activo", "activa", "estado", "attivo", "attiva", "stato",
            ],
            Field::ConsentDate => &[
                "consent",
                "date of consent",
                "fecha de consentimiento",
                "consentimiento",
                "data del consenso",
                "consenso",
            ],
            Field::Notes => &[
                "note",
                "comments",
                "notas",
                "comentarios",
                "observaciones",
                "commenti",
                "osservazioni",
            ],
        }
    }
}

/// The field each column fills, by column index; `None` leaves a column out
/// (the exported `participant_id` among them: imported people get fresh ids).
pub type Mapping = Vec<Option<Field>>;

/// What stops a mapping from being used.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum MappingProblem {
    /// Two or more columns (their indexes) fill the same field.
    Twice { field: Field, columns: Vec<usize> },
    /// A required field has no column.
    Missing { field: Field },
}

/// One problem of one row.
#[derive(Clone, Debug, PartialEq)]
pub struct RowError {
    pub line: usize,
    /// The header of the column at fault; `None` for the row as a whole.
    pub column: Option<String>,
    pub kind: RowErrorKind,
}

#[derive(Clone, Debug, PartialEq)]
pub enum RowErrorKind {
    /// The row has `found` cells where the header has `expected` (a missing
    /// separator, or an unquoted one inside a cell); nothing else is read.
    CellCount {
        found: usize,
        expected: usize,
    },
    /// Not a role word in English, Spanish or Italian.
    UnknownRole {
        value: String,
    },
    /// Skills in neither the catalogue (label in any language, or id) nor
    /// the program's custom skills, as written.
    UnknownSkills {
        names: Vec<String>,
    },
    /// The level after an offered skill (`AI tools (high)`) is not a number.
    NotALevel {
        skill: String,
        value: String,
    },
    /// The priority after a wanted skill is not a priority word.
    UnknownPriority {
        skill: String,
        value: String,
    },
    NotYesNo {
        value: String,
    },
    /// Neither `YYYY-MM-DD` nor `DD/MM/YYYY` (or a day that does not exist).
    NotADate {
        value: String,
    },
    NotAWholeNumber {
        value: String,
    },
    UnknownChannel {
        value: String,
    },
    /// A participant rule of `domain::validation`; `item` is the list entry
    /// it is about, as written (`AI tools (7)`), for cells holding lists.
    Rule {
        problem: ProblemKind,
        item: Option<String>,
    },
}

/// A row whose email is already taken.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Duplicate {
    pub line: usize,
    pub email: String,
    pub of: DuplicateOf,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DuplicateOf {
    /// An earlier row of the same file.
    Row { line: usize },
    /// Someone already in the program.
    Participant { id: ParticipantId },
}

/// The outcome of reading the rows: shown to the coordinator, applied only
/// when they confirm.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct CsvImport {
    /// When not empty, no row was read.
    pub mapping_problems: Vec<MappingProblem>,
    /// Non-blank data rows in the file.
    pub rows: usize,
    /// Rows that can be added, with fresh ids, in file order.
    pub valid: Vec<(usize, Participant)>,
    /// In row order, then column order.
    pub errors: Vec<RowError>,
    /// Rows left out because their email is taken (a row can also have errors).
    pub duplicates: Vec<Duplicate>,
}

// ------------------------------------------------------------------ sniff ---

/// Reads a file picked by the coordinator. Never panics, whatever the bytes.
pub fn sniff(bytes: &[u8]) -> Result<Sheet, SheetError> {
    if bytes.len() > MAX_CSV_BYTES {
        return Err(SheetError::TooLarge {
            bytes: bytes.len() as u64,
            max: MAX_CSV_BYTES as u64,
        });
    }
    let text = decode(bytes)?;
    // Old Mac files end lines with a bare CR; one kind of line end keeps
    // the row numbering simple.
    let text = if text.contains('\r') && !text.contains('\n') {
        text.replace('\r', "\n")
    } else {
        text
    };
    let (sep, body) = split_sep_line(&text);
    if body.trim().is_empty() {
        return Err(SheetError::Empty);
    }
    let delimiter = sep.unwrap_or_else(|| detect_delimiter(body));
    let mut records = parse(body, delimiter).into_iter();
    let (header_line, header) = records
        .by_ref()
        .find(|(_, cells)| !all_blank(cells))
        .ok_or(SheetError::Empty)?;
    let rows = records
        .filter(|(_, cells)| !all_blank(cells))
        .map(|(line, cells)| SheetRow { line, cells })
        .collect();
    Ok(Sheet {
        delimiter,
        sep_line: sep.is_some(),
        headers: header.iter().map(|h| h.trim().to_string()).collect(),
        header_line,
        rows,
    })
}

/// The text of the file: UTF-8 (a BOM dropped) or UTF-16 with a BOM (Excel's
/// "Unicode text"); anything else refused with the likeliest reason.
fn decode(bytes: &[u8]) -> Result<String, SheetError> {
    const NOT_TEXT: SheetError = SheetError::NotText {
        looks_like: BinaryKind::Unknown,
    };
    const MAGIC: &[(&[u8], Option<BinaryKind>)] = &[
        (b"PK\x03\x04", None),
        (b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", None),
        (b"\x89PNG", Some(BinaryKind::Png)),
        (b"\xFF\xD8\xFF", Some(BinaryKind::Jpeg)),
        (b"GIF8", Some(BinaryKind::Gif)),
        (b"%PDF", Some(BinaryKind::Pdf)),
    ];
    if let Some((_, kind)) = MAGIC.iter().find(|(magic, _)| bytes.starts_with(magic)) {
        return Err(match kind {
            None => SheetError::Workbook,
            Some(looks_like) => SheetError::NotText {
                looks_like: *looks_like,
            },
        });
    }
    let utf16 = |rest: &[u8], unit: fn([u8; 2]) -> u16| {
        if !rest.len().is_multiple_of(2) {
            return Err(NOT_TEXT);
        }
        let units = rest.chunks_exact(2).map(|pair| unit([pair[0], pair[1]]));
        char::decode_utf16(units)
            .collect::<Result<String, _>>()
            .map_err(|_| NOT_TEXT)
    };
    let text = if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        utf16(rest, u16::from_le_bytes)?
    } else if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        utf16(rest, u16::from_be_bytes)?
    } else {
        let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(bytes) {
            Ok(text) => text.to_string(),
            Err(e) => {
                let head = &bytes[..bytes.len().min(4096)];
                if head.contains(&0) {
                    return Err(NOT_TEXT);
                }
                let before = &bytes[..e.valid_up_to()];
                let line = 1 + before.iter().filter(|b| **b == b'\n').count();
                return Err(SheetError::NotUtf8 { line });
            }
        }
    };
    if text.contains('\0') {
        return Err(NOT_TEXT);
    }
    Ok(text)
}

/// Excel's `sep=;` first line (also quoted, any case): the delimiter it
/// names and the text after it. Excel hides the line, so rows count from
/// the next one.
fn split_sep_line(text: &str) -> (Option<Delimiter>, &str) {
    let (first, rest) = match text.find('\n') {
        Some(end) => (&text[..end], &text[end + 1..]),
        None => (text, ""),
    };
    let line = first.trim_end_matches('\r');
    let line = line
        .strip_prefix('"')
        .and_then(|l| l.strip_suffix('"'))
        .unwrap_or(line);
    if let Some(named) = line
        .get(..4)
        .filter(|start| start.eq_ignore_ascii_case("sep="))
        .map(|_| &line[4..])
    {
        let mut chars = named.chars();
        if let (Some(c), None) = (chars.next(), chars.next()) {
            return (Delimiter::from_char(c), rest);
        }
    }
    (None, text)
}

/// The delimiter that splits the header into the most cells (quotes
/// respected, as the parser will); on a tie, the one that gives the first
/// rows the header's number of cells; then comma, semicolon, tab.
fn detect_delimiter(body: &str) -> Delimiter {
    const SAMPLE_ROWS: usize = 50;
    let score = |delimiter: Delimiter| {
        let mut reader = reader(body, delimiter);
        let mut record = csv::ByteRecord::new();
        let mut header = None;
        let mut consistent = 0;
        for _ in 0..=SAMPLE_ROWS {
            match reader.read_byte_record(&mut record) {
                Ok(true) => {}
                _ => break,
            }
            match header {
                None => header = Some(record.len()),
                Some(n) => consistent += usize::from(record.len() == n),
            }
        }
        (header.unwrap_or(0), consistent)
    };
    let mut best = Delimiter::Comma;
    let mut best_score = score(best);
    for delimiter in &Delimiter::DETECTED[1..] {
        let candidate = score(*delimiter);
        if candidate > best_score {
            best = *delimiter;
            best_score = candidate;
        }
    }
    best
}

fn reader(body: &str, delimiter: Delimiter) -> csv::Reader<&[u8]> {
    csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .delimiter(delimiter.byte())
        .from_reader(body.as_bytes())
}

/// Every record with its spreadsheet row number.
///
/// The parser skips blank lines and may consume a record's line end with
/// the next record, so rows are counted from bytes: the line breaks between
/// one record's start and the next's, less those inside the first's cells.
fn parse(body: &str, delimiter: Delimiter) -> Vec<(usize, Vec<String>)> {
    let mut reader = reader(body, delimiter);
    let mut record = csv::ByteRecord::new();
    let mut out = Vec::new();
    let mut previous_start = 0;
    let mut line = 1;
    let mut breaks_inside_previous = 0;
    loop {
        let before = reader.position().byte() as usize;
        match reader.read_byte_record(&mut record) {
            Ok(true) => {}
            // Reading memory with flexible byte records has no error case;
            // stopping is the safe answer should a future version add one.
            Ok(false) | Err(_) => break,
        }
        let consumed = body.as_bytes().get(before..).unwrap_or_default();
        let start = before
            + consumed
                .iter()
                .take_while(|b| matches!(b, b'\r' | b'\n'))
                .count();
        let gap = body
            .as_bytes()
            .get(previous_start..start)
            .unwrap_or_default();
        line += line_breaks(gap) - breaks_inside_previous;
        previous_start = start;
        breaks_inside_previous = record.iter().map(line_breaks).sum();
        let cells = record
            .iter()
            .map(|cell| String::from_utf8_lossy(cell).into_owned())
            .collect();
        out.push((line, cells));
    }
    out
}

/// CRLF, CR or LF, each one break.
fn line_breaks(bytes: &[u8]) -> usize {
    let mut count = 0;
    let mut previous = 0u8;
    for &b in bytes {
        if b == b'\r' || (b == b'\n' && previous != b'\r') {
            count += 1;
        }
        previous = b;
    }
    count
}

fn all_blank(cells: &[String]) -> bool {
    cells.iter().all(|c| c.trim().is_empty())
}

// ---------------------------------------------------------------- mapping ---

/// Header text compared loosely: lower case, no accents, words of letters
/// and digits (`Correo electrónico` → `correo electronico`, `job_title` →
/// `job title`).
pub fn header_key(header: &str) -> String {
    words(header).join(" ")
}

fn words(text: &str) -> Vec<String> {
    text::search_key(text)
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

/// How well a header names a field: exact beats contained, longer beats
/// shorter. `None` when it does not name it.
fn header_score(header_words: &[String], field: Field) -> Option<(bool, usize)> {
    let key = field.key().replace('_', " ");
    let header = header_words.join(" ");
    let mut best = None;
    for alias in std::iter::once(key.as_str()).chain(field.aliases().iter().copied()) {
        let score = if header == alias {
            (true, alias.len())
        } else if contains_words(&header, alias)
            // "Participant ID", "Código de empleado": a code, never the thing itself.
            && !header_words.iter().any(|w| matches!(w.as_str(), "id" | "code" | "codigo" | "codice"))
        {
            (false, alias.len())
        } else {
            continue;
        };
        best = best.max(Some(score));
    }
    best
}

/// Whether `alias` appears in `header` as whole words.
fn contains_words(header: &str, alias: &str) -> bool {
    format!(" {header} ").contains(&format!(" {alias} "))
}

/// The likeliest field of each column. Each field goes to at most one column
/// (the best-named one), so a suggestion never maps a field twice.
pub fn suggest_mapping(sheet: &Sheet) -> Mapping {
    let mut candidates = Vec::new();
    for (column, header) in sheet.headers.iter().enumerate() {
        let header_words = words(header);
        for field in Field::ALL {
            if let Some(score) = header_score(&header_words, field) {
                candidates.push((score, column, field));
            }
        }
    }
    // Best first; on equal scores the left-most column, then field order.
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut mapping = vec![None; sheet.headers.len()];
    let mut taken = HashSet::new();
    for (_, column, field) in candidates {
        if mapping[column].is_none() && taken.insert(field) {
            mapping[column] = Some(field);
        }
    }
    mapping
}

/// Everything wrong with a mapping; empty when rows can be read with it.
/// Entries past the sheet's last column are ignored.
pub fn check_mapping(sheet: &Sheet, mapping: &Mapping) -> Vec<MappingProblem> {
    let mut columns_of: HashMap<Field, Vec<usize>> = HashMap::new();
    for (column, field) in mapping.iter().enumerate().take(sheet.headers.len()) {
        if let Some(field) = field {
            columns_of.entry(*field).or_default().push(column);
        }
    }
    let mut problems = Vec::new();
    for field in Field::ALL {
        match columns_of.remove(&field) {
            Some(columns) if columns.len() > 1 => {
                problems.push(MappingProblem::Twice { field, columns })
            }
            Some(_) => {}
            None if field.required() => problems.push(MappingProblem::Missing { field }),
            None => {}
        }
    }
    problems
}

// ------------------------------------------------------------------- rows ---

/// Reads every row with `mapping` and checks it against the program `ws`.
/// `lang` is the coordinator's language: its skill names win should a name
/// mean different skills in two languages. `random` gives each valid row a
/// fresh id. Nothing in `ws` changes.
pub fn read_rows(
    sheet: &Sheet,
    mapping: &Mapping,
    ws: &Workspace,
    lang: Lang,
    mut random: impl FnMut() -> [u8; 16],
) -> CsvImport {
    let mut import = CsvImport {
        mapping_problems: check_mapping(sheet, mapping),
        rows: sheet.rows.len(),
        ..CsvImport::default()
    };
    if !import.mapping_problems.is_empty() {
        return import;
    }
    let mut column_of = HashMap::new();
    for (column, field) in mapping.iter().enumerate().take(sheet.headers.len()) {
        if let Some(field) = field {
            column_of.insert(*field, column);
        }
    }
    let reader = RowReader {
        sheet,
        column_of,
        skills: skill_index(&ws.catalogue, lang),
    };
    // The rules need the catalogue only: emails are compared below with row
    // numbers, and imported people have no manager or never-pair links.
    let rules_ws = Workspace {
        catalogue: ws.catalogue.clone(),
        ..Workspace::default()
    };
    let existing: HashMap<String, &ParticipantId> = ws
        .participants
        .iter()
        .map(|p| (text::email_key(&p.email), &p.id))
        .filter(|(key, _)| !key.is_empty())
        .collect();
    let mut used_ids: HashSet<ParticipantId> =
        ws.participants.iter().map(|p| p.id.clone()).collect();
    let mut first_line_of: HashMap<String, usize> = HashMap::new();

    for row in &sheet.rows {
        let Some(read) = reader.read(row) else {
            import.errors.push(RowError {
                line: row.line,
                column: None,
                kind: RowErrorKind::CellCount {
                    found: row.cells.len(),
                    expected: sheet.headers.len(),
                },
            });
            continue;
        };
        let mut errors = read.errors;
        for problem in validate_participant(&read.participant, &rules_ws) {
            let (field, item) = read.items.locate(&problem.path);
            let kind = RowErrorKind::Rule {
                problem: problem.kind,
                item,
            };
            errors.push((field, kind));
        }
        // Form order: the row's errors read left to right.
        errors.sort_by_key(|(field, _)| field.and_then(|f| reader.column_of.get(&f).copied()));
        let failed = !errors.is_empty();
        import
            .errors
            .extend(errors.into_iter().map(|(field, kind)| RowError {
                line: row.line,
                column: field.and_then(|f| reader.header(f)),
                kind,
            }));

        let email = read.participant.email.clone();
        let key = text::email_key(&email);
        let duplicate_of = if key.is_empty() {
            None
        } else if let Some(&line) = first_line_of.get(&key) {
            Some(DuplicateOf::Row { line })
        } else {
            first_line_of.insert(key.clone(), row.line);
            existing
                .get(&key)
                .map(|id| DuplicateOf::Participant { id: (*id).clone() })
        };
        if let Some(of) = duplicate_of {
            import.duplicates.push(Duplicate {
                line: row.line,
                email,
                of,
            });
        } else if !failed {
            let mut participant = read.participant;
            participant.id = fresh_id(&mut random, &used_ids);
            used_ids.insert(participant.id.clone());
            import.valid.push((row.line, participant));
        }
    }
    import
}

/// Adds the valid rows to the program, once the coordinator has confirmed.
/// A row whose email or id has appeared in the program since the preview is
/// left out, so confirming late never creates a duplicate. Returns how many
/// were added.
pub fn apply(ws: &mut Workspace, import: &CsvImport) -> usize {
    let mut emails: HashSet<String> = ws
        .participants
        .iter()
        .map(|p| text::email_key(&p.email))
        .collect();
    let mut ids: HashSet<ParticipantId> = ws.participants.iter().map(|p| p.id.clone()).collect();
    let mut added = 0;
    for (_, participant) in &import.valid {
        if emails.insert(text::email_key(&participant.email)) && ids.insert(participant.id.clone())
        {
            ws.participants.push(participant.clone());
            added += 1;
        }
    }
    added
}

/// An id no one has: the next random one, changed by a counter should the
/// source repeat itself (a seeded source in tests), so this always ends.
fn fresh_id(random: &mut impl FnMut() -> [u8; 16], used: &HashSet<ParticipantId>) -> ParticipantId {
    let mut attempt: u64 = 0;
    loop {
        let mut bytes = random();
        for (b, c) in bytes.iter_mut().zip(attempt.to_le_bytes()) {
            *b ^= c;
        }
        let id = ParticipantId::from_random_bytes(bytes);
        if !used.contains(&id) {
            return id;
        }
        attempt += 1;
    }
}

/// Labels (any language), custom names and ids → skill, in [`header_key`] form.
fn skill_index(catalogue: &Catalogue, lang: Lang) -> HashMap<String, SkillId> {
    let mut index = HashMap::new();
    let others = [Lang::En, Lang::Es, Lang::It]
        .into_iter()
        .filter(|l| *l != lang);
    for language in std::iter::once(lang).chain(others) {
        for (id, label, _) in catalogue.entries(language) {
            index
                .entry(header_key(&label))
                .or_insert_with(|| id.clone());
            index.entry(header_key(id.as_str())).or_insert(id);
        }
    }
    index
}

/// Reads one row into a participant.
struct RowReader<'a> {
    sheet: &'a Sheet,
    column_of: HashMap<Field, usize>,
    skills: HashMap<String, SkillId>,
}

/// A row read into a participant, with what could not be read.
struct ReadRow {
    participant: Participant,
    errors: Vec<(Option<Field>, RowErrorKind)>,
    items: Items,
}

/// The cell text of each entry kept in the participant's lists, so a rule
/// about `skills_offered[1]` can name what was written.
#[derive(Default)]
struct Items {
    languages: Vec<String>,
    offered: Vec<String>,
    wanted: Vec<String>,
    interests: Vec<String>,
    channels: Vec<String>,
}

impl Items {
    /// The column and list entry a validation path (`skills_offered[1].level`) is about.
    fn locate(&self, path: &str) -> (Option<Field>, Option<String>) {
        let head_end = path.find(['[', '.']).unwrap_or(path.len());
        let index: Option<usize> = path[head_end..]
            .strip_prefix('[')
            .and_then(|rest| rest.split(']').next())
            .and_then(|n| n.parse().ok());
        let (field, list) = match &path[..head_end] {
            "name" => (Field::Name, None),
            "email" => (Field::Email, None),
            "department" => (Field::Department, None),
            "job_title" => (Field::JobTitle, None),
            "seniority_years" => (Field::SeniorityYears, None),
            "grade" => (Field::Grade, None),
            "location" => (Field::Location, None),
            "capacity" => (Field::Capacity, None),
            "notes" => (Field::Notes, None),
            "languages" => (Field::Languages, Some(&self.languages)),
            "skills_offered" => (Field::SkillsOffered, Some(&self.offered)),
            "skills_wanted" => (Field::SkillsWanted, Some(&self.wanted)),
            "interests" => (Field::Interests, Some(&self.interests)),
            "channels" => (Field::Channels, Some(&self.channels)),
            _ => return (None, None),
        };
        let item = list.zip(index).and_then(|(list, i)| list.get(i).cloned());
        (Some(field), item)
    }
}

impl RowReader<'_> {
    fn header(&self, field: Field) -> Option<String> {
        let column = *self.column_of.get(&field)?;
        self.sheet.headers.get(column).cloned()
    }

    /// The cell of `field`, trimmed, without the `'` the export puts before
    /// text a spreadsheet would run as a formula; empty when unmapped.
    fn cell<'r>(&self, row: &'r SheetRow, field: Field) -> &'r str {
        let Some(text) = self.column_of.get(&field).and_then(|&c| row.cells.get(c)) else {
            return "";
        };
        let unguarded = match text.strip_prefix('\'') {
            Some(rest) if rest.starts_with(['=', '+', '-', '@', '\t', '\r']) => rest,
            _ => text.as_str(),
        };
        unguarded.trim()
    }

    /// `None` for a ragged row. Extra cells past the header are allowed when
    /// blank (a separator at the end of each line).
    fn read(&self, row: &SheetRow) -> Option<ReadRow> {
        let expected = self.sheet.headers.len();
        let extra_blank = row.cells.iter().skip(expected).all(|c| c.trim().is_empty());
        if row.cells.len() < expected || !extra_blank {
            return None;
        }
        let mut errors = Vec::new();
        let mut items = Items::default();
        let cell = |field| self.cell(row, field);

        let role = match cell(Field::Role) {
            "" => {
                errors.push((
                    Some(Field::Role),
                    RowErrorKind::Rule {
                        problem: ProblemKind::Required,
                        item: None,
                    },
                ));
                Role::Mentee
            }
            value => parse_role(value).unwrap_or_else(|| {
                errors.push((
                    Some(Field::Role),
                    RowErrorKind::UnknownRole {
                        value: value.to_string(),
                    },
                ));
                Role::Mentee
            }),
        };
        // Validation reads the id only to compare it with others; the row
        // gets a real one once it is known to be valid.
        let mut p = Participant::new(ParticipantId::from_random_bytes([0; 16]), role);
        p.name = match (cell(Field::Name), cell(Field::Surname)) {
            (name, "") => name.to_string(),
            ("", surname) => surname.to_string(),
            (name, surname) => format!("{name} {surname}"),
        };
        p.email = cell(Field::Email).to_string();
        p.department = cell(Field::Department).to_string();
        p.job_title = cell(Field::JobTitle).to_string();
        p.seniority.grade = cell(Field::Grade).to_string();
        p.location = cell(Field::Location).to_string();
        p.notes = cell(Field::Notes).to_string();

        let time_zone = cell(Field::TimeZone);
        if !time_zone.is_empty() && !looks_like_time_zone(time_zone) {
            errors.push((
                Some(Field::TimeZone),
                RowErrorKind::Rule {
                    problem: ProblemKind::InvalidTimeZone {
                        value: time_zone.to_string(),
                    },
                    item: None,
                },
            ));
        }
        p.time_zone = time_zone.to_string();

        let mut number = |field: Field| -> Option<u8> {
            let value = cell(field);
            if value.is_empty() {
                return None;
            }
            let n = whole_number(value);
            if n.is_none() {
                errors.push((
                    Some(field),
                    RowErrorKind::NotAWholeNumber {
                        value: value.to_string(),
                    },
                ));
            }
            n
        };
        p.seniority.years = number(Field::SeniorityYears);
        if let Some(capacity) = number(Field::Capacity) {
            p.capacity = capacity;
        }

        match parse_yes_no(cell(Field::Active)) {
            Ok(active) => p.active = active.unwrap_or(true),
            Err(value) => errors.push((Some(Field::Active), RowErrorKind::NotYesNo { value })),
        }
        let consent = cell(Field::ConsentDate);
        if !consent.is_empty() {
            p.consent_date = parse_date(consent);
            if p.consent_date.is_none() {
                errors.push((
                    Some(Field::ConsentDate),
                    RowErrorKind::NotADate {
                        value: consent.to_string(),
                    },
                ));
            }
        }

        for item in split_cell(cell(Field::Languages)) {
            p.languages.push(language_code(item));
            items.languages.push(item.to_string());
        }
        for item in split_cell(cell(Field::Interests)) {
            p.interests.push(text::normalize_tag(item));
            items.interests.push(item.to_string());
        }
        for item in split_cell(cell(Field::Channels)) {
            match parse_channel(item) {
                Some(channel) => {
                    p.channels.push(channel);
                    items.channels.push(item.to_string());
                }
                None => errors.push((
                    Some(Field::Channels),
                    RowErrorKind::UnknownChannel {
                        value: item.to_string(),
                    },
                )),
            }
        }

        let mut unknown = Vec::new();
        for item in split_cell(cell(Field::SkillsOffered)) {
            let Some((skill, qualifier)) = self.skill(item) else {
                unknown.push(item.to_string());
                continue;
            };
            let level = match qualifier {
                None => Some(DEFAULT_LEVEL),
                Some(value) => parse_level(value).or_else(|| {
                    errors.push((
                        Some(Field::SkillsOffered),
                        RowErrorKind::NotALevel {
                            skill: item.to_string(),
                            value: value.to_string(),
                        },
                    ));
                    None
                }),
            };
            if let Some(level) = level {
                p.skills_offered.push(OfferedSkill { skill, level });
                items.offered.push(item.to_string());
            }
        }
        if !unknown.is_empty() {
            let names = std::mem::take(&mut unknown);
            errors.push((
                Some(Field::SkillsOffered),
                RowErrorKind::UnknownSkills { names },
            ));
        }
        for item in split_cell(cell(Field::SkillsWanted)) {
            let Some((skill, qualifier)) = self.skill(item) else {
                unknown.push(item.to_string());
                continue;
            };
            let priority = match qualifier {
                None => Some(Priority::Important),
                Some(value) => parse_priority(value).or_else(|| {
                    errors.push((
                        Some(Field::SkillsWanted),
                        RowErrorKind::UnknownPriority {
                            skill: item.to_string(),
                            value: value.to_string(),
                        },
                    ));
                    None
                }),
            };
            if let Some(priority) = priority {
                p.skills_wanted.push(WantedSkill { skill, priority });
                items.wanted.push(item.to_string());
            }
        }
        if !unknown.is_empty() {
            errors.push((
                Some(Field::SkillsWanted),
                RowErrorKind::UnknownSkills { names: unknown },
            ));
        }

        Some(ReadRow {
            participant: p,
            errors,
            items,
        })
    }

    /// A skill entry as exported (`AI tools (4)`, `Liderazgo (Importante)`)
    /// or typed (`ai-tools`): the skill and the text in brackets, if any. A
    /// custom skill whose name has brackets is found whole first.
    fn skill<'i>(&self, item: &'i str) -> Option<(SkillId, Option<&'i str>)> {
        if let Some(id) = self.skills.get(&header_key(item)) {
            return Some((id.clone(), None));
        }
        let inner = item.strip_suffix(')')?;
        let open = inner.rfind('(')?;
        let id = self.skills.get(&header_key(&inner[..open]))?;
        Some((id.clone(), Some(inner[open + 1..].trim())))
    }
}

/// The level the participant form starts a new offered skill at.
const DEFAULT_LEVEL: u8 = 3;

/// Lists inside one cell: `;` or line breaks when present (what the export
/// writes, and Alt+Enter in Excel), otherwise commas.
fn split_cell(cell: &str) -> impl Iterator<Item = &str> {
    let separators: &[char] = if cell.contains([';', '\n']) {
        &[';', '\n']
    } else {
        &[',']
    };
    cell.split(separators)
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// Digits only; values past 255 become 255 so the range rule reports them.
fn whole_number(value: &str) -> Option<u8> {
    let digits = value.strip_suffix(".0").unwrap_or(value);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    let trimmed = digits.trim_start_matches('0');
    Some(if trimmed.len() > 3 {
        u8::MAX
    } else {
        trimmed.parse::<u16>().unwrap_or(0).min(255) as u8
    })
}

fn parse_level(value: &str) -> Option<u8> {
    let value = value.strip_suffix("/5").unwrap_or(value).trim();
    whole_number(value)
}

fn parse_role(value: &str) -> Option<Role> {
    const MENTOR: &[&str] = &[
        "reverse mentor",
        "reverse mentors",
        "reverse",
        "mentor",
        "mentors",
        "mentora",
        "mentor inverso",
        "mentora inversa",
        "mentores inversos",
        "mentore",
        "mentore inverso",
        "junior",
        "rm",
    ];
    const MENTEE: &[&str] = &[
        "mentee",
        "mentees",
        "senior",
        "leader",
        "senior leader",
        "executive",
        "lider",
        "directivo",
        "directiva",
        "mentorado",
        "mentorada",
        "mentorizado",
        "mentorizada",
        "dirigente",
    ];
    let key = header_key(value);
    if MENTOR.contains(&key.as_str()) {
        Some(Role::ReverseMentor)
    } else if MENTEE.contains(&key.as_str()) {
        Some(Role::Mentee)
    } else {
        None
    }
}

/// `Ok(None)` for a blank cell; `Err` with the text when it is neither.
fn parse_yes_no(value: &str) -> Result<Option<bool>, String> {
    const YES: &[&str] = &[
        "yes", "y", "true", "1", "x", "si", "s", "vero", "v", "active", "activo", "activa",
        "attivo", "attiva",
    ];
    const NO: &[&str] = &[
        "no",
        "n",
        "false",
        "0",
        "falso",
        "f",
        "inactive",
        "inactivo",
        "inactiva",
        "inattivo",
        "inattiva",
        "non attivo",
        "non attiva",
    ];
    if value.is_empty() {
        return Ok(None);
    }
    if matches!(value, "✓" | "✔" | "☑") {
        return Ok(Some(true));
    }
    let key = header_key(value);
    if YES.contains(&key.as_str()) {
        Ok(Some(true))
    } else if NO.contains(&key.as_str()) {
        Ok(Some(false))
    } else {
        Err(value.to_string())
    }
}

fn parse_priority(value: &str) -> Option<Priority> {
    const WORDS: &[(&str, Priority)] = &[
        ("must have", Priority::MustHave),
        ("must", Priority::MustHave),
        ("essential", Priority::MustHave),
        ("high", Priority::MustHave),
        ("imprescindible", Priority::MustHave),
        ("alta", Priority::MustHave),
        ("indispensabile", Priority::MustHave),
        ("important", Priority::Important),
        ("medium", Priority::Important),
        ("importante", Priority::Important),
        ("media", Priority::Important),
        ("medio", Priority::Important),
        ("nice to have", Priority::NiceToHave),
        ("low", Priority::NiceToHave),
        ("optional", Priority::NiceToHave),
        ("deseable", Priority::NiceToHave),
        ("baja", Priority::NiceToHave),
        ("opcional", Priority::NiceToHave),
        ("gradita", Priority::NiceToHave),
        ("gradito", Priority::NiceToHave),
        ("bassa", Priority::NiceToHave),
        ("facoltativo", Priority::NiceToHave),
    ];
    let key = header_key(value);
    WORDS.iter().find(|(w, _)| *w == key).map(|(_, p)| *p)
}

fn parse_channel(value: &str) -> Option<Channel> {
    const WORDS: &[(&str, Channel)] = &[
        ("in person", Channel::InPerson),
        ("face to face", Channel::InPerson),
        ("en persona", Channel::InPerson),
        ("presencial", Channel::InPerson),
        ("di persona", Channel::InPerson),
        ("in presenza", Channel::InPerson),
        ("video call", Channel::VideoCall),
        ("video", Channel::VideoCall),
        ("videocall", Channel::VideoCall),
        ("videollamada", Channel::VideoCall),
        ("videochiamata", Channel::VideoCall),
        ("phone", Channel::Phone),
        ("telephone", Channel::Phone),
        ("telefono", Channel::Phone),
        ("chat", Channel::Chat),
        ("whatsapp", Channel::Chat),
        ("chat whatsapp and similar", Channel::Chat),
        ("chat whatsapp y similares", Channel::Chat),
        ("chat whatsapp e simili", Channel::Chat),
        ("email", Channel::Email),
        ("e mail", Channel::Email),
        ("mail", Channel::Email),
        ("correo", Channel::Email),
        ("correo electronico", Channel::Email),
    ];
    let key = header_key(value);
    WORDS.iter().find(|(w, _)| *w == key).map(|(_, c)| *c)
}

/// An ISO 639-1 code from a code (`ES`, `es-ES`, `ita`) or a language name
/// in English, Spanish or Italian; anything else lower-cased, for the
/// language rule to report.
fn language_code(value: &str) -> String {
    const NAMES: &[(&str, &[&str])] = &[
        ("en", &["english", "ingles", "inglese", "eng"]),
        (
            "es",
            &["spanish", "espanol", "castellano", "spagnolo", "spa"],
        ),
        ("it", &["italian", "italiano", "ita"]),
        ("fr", &["french", "frances", "francese", "fra", "fre"]),
        ("de", &["german", "aleman", "tedesco", "deu", "ger"]),
        ("pt", &["portuguese", "portugues", "portoghese", "por"]),
        ("ca", &["catalan", "catala", "catalano", "cat"]),
        (
            "nl",
            &["dutch", "neerlandes", "holandes", "olandese", "nld"],
        ),
        ("ro", &["romanian", "rumano", "rumeno", "ron"]),
        ("pl", &["polish", "polaco", "polacco", "pol"]),
        ("el", &["greek", "griego", "greco"]),
        ("ar", &["arabic", "arabe", "arabo", "ara"]),
        ("zh", &["chinese", "chino", "cinese", "zho"]),
        ("ja", &["japanese", "japones", "giapponese", "jpn"]),
        ("ru", &["russian", "ruso", "russo", "rus"]),
    ];
    let key = header_key(value);
    if let Some((code, _)) = NAMES
        .iter()
        .find(|(_, names)| names.contains(&key.as_str()))
    {
        return code.to_string();
    }
    // `es-ES`, `en_GB`, `es-419`: the language part.
    if let Some((language, region)) = key.split_once(' ')
        && (2..=3).contains(&language.len())
        && (2..=3).contains(&region.len())
        && language.bytes().all(|b| b.is_ascii_lowercase())
    {
        return language.to_string();
    }
    value.to_lowercase()
}

/// `YYYY-MM-DD` (a time after it ignored), `YYYY/MM/DD`, or day first:
/// `DD/MM/YYYY`, `DD-MM-YYYY`, `DD.MM.YYYY`, one-digit day and month allowed.
fn parse_date(value: &str) -> Option<Date> {
    let date_part = value.split([' ', 'T']).next().unwrap_or_default();
    if let Some(date) = Date::parse_iso(date_part) {
        return Some(date);
    }
    let parts: Vec<&str> = date_part.split(['/', '-', '.']).collect();
    let [a, b, c] = parts.as_slice() else {
        return None;
    };
    let number = |text: &str, max_len: usize| -> Option<u32> {
        (!text.is_empty() && text.len() <= max_len && text.bytes().all(|b| b.is_ascii_digit()))
            .then(|| text.parse().ok())
            .flatten()
    };
    let (year, month, day) = if a.len() == 4 {
        (number(a, 4)?, number(b, 2)?, number(c, 2)?)
    } else if c.len() == 4 {
        (number(c, 4)?, number(b, 2)?, number(a, 2)?)
    } else {
        return None;
    };
    Date::new(year as i32, month as u8, day as u8)
}

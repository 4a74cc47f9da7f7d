//! CSV files of the program's records for spreadsheets and other tools:
//! participants, pairs, sessions and self-assessment answers, one function
//! per table, each returning the whole file as text.
//!
//! Files follow RFC 4180 (comma separated, a field with a comma, quote or
//! line break quoted, quotes doubled, CRLF line ends) and start with a UTF-8
//! byte-order mark: without it Excel reads the file in the local code page
//! and every accented name comes out garbled.
//!
//! Names, notes and answers come from people, and spreadsheets run a cell
//! that starts with `=`, `+`, `-` or `@` as a formula (CSV injection), so
//! such a cell is written with a leading `'` ([`guard_formula`]).
//!
//! Headers are either stable English keys (`participant_id`), for scripts and
//! for joining files exported in different languages, or words in the
//! chosen language. Values are data: ISO dates, `HH:MM` times, numbers with a
//! dot; roles, statuses and skill names are worded in the chosen language.
//!
//! A table is a column list ([`Table::columns`]) and a function that makes
//! the rows: adding one (the aggregated results) is one more of each.

use std::borrow::Cow;
use std::collections::HashMap;

use crate::domain::impact::{
    Impact, Level, Measure, Practice, ScaleSummary, Scope, Shown, by_department, levels, measure,
};
use crate::domain::participants::{Priority, Role};
use crate::domain::sessions::GoalDirection;
use crate::domain::sessions::checkin::{OFFER_PREFIX, SKILL_PREFIX, skill_of};
use crate::domain::sessions::{AnswerValue, RoundKind, SessionStatus};
use crate::domain::skills::{Lang, SkillId};
use crate::domain::text;
use crate::domain::{Date, ParticipantId, Workspace};

/// The byte-order mark every file starts with.
pub const BOM: char = '\u{feff}';

/// The media type for a download of these files.
pub const CSV_MIME: &str = "text/csv;charset=utf-8";

/// Between items of a list inside one cell ("AI tools; Social media").
const LIST_SEPARATOR: &str = "; ";

/// How the header row is worded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Headers {
    /// Stable English keys (`participant_id`, `sessions_held`), the same
    /// whatever the language: for scripts and for joining files.
    Keys,
    /// The column names in the chosen language, for people.
    Localized,
}

/// The tables that can be exported.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Table {
    Participants,
    Pairs,
    Sessions,
    Assessments,
    /// The Impact page's figures, with the same small-group suppression.
    Results,
}

impl Table {
    pub const ALL: [Table; 5] = [
        Table::Participants,
        Table::Pairs,
        Table::Sessions,
        Table::Assessments,
        Table::Results,
    ];

    /// A stable name, used in file names.
    pub fn code(self) -> &'static str {
        match self {
            Table::Participants => "participants",
            Table::Pairs => "pairs",
            Table::Sessions => "sessions",
            Table::Assessments => "assessments",
            Table::Results => "results",
        }
    }

    /// Columns that hold decimal numbers (written `7,5` in a semicolon file).
    pub fn decimal_columns(self) -> &'static [&'static str] {
        match self {
            Table::Pairs => &["hours_held"],
            Table::Results => &["value"],
            Table::Participants | Table::Sessions | Table::Assessments => &[],
        }
    }

    /// The stable column keys, in file order.
    pub fn columns(self) -> Vec<&'static str> {
        self.spec().iter().map(|c| c.key).collect()
    }

    fn spec(self) -> &'static [Column] {
        match self {
            Table::Participants => PARTICIPANT_COLUMNS,
            Table::Pairs => PAIR_COLUMNS,
            Table::Sessions => SESSION_COLUMNS,
            Table::Assessments => ASSESSMENT_COLUMNS,
            Table::Results => RESULT_COLUMNS,
        }
    }
}

/// The file text of one table; `today` is the day results are computed for.
pub fn export(ws: &Workspace, table: Table, lang: Lang, headers: Headers, today: Date) -> String {
    match table {
        Table::Participants => participants(ws, lang, headers),
        Table::Pairs => pairs(ws, lang, headers, today),
        Table::Sessions => sessions(ws, lang, headers),
        Table::Assessments => assessments(ws, lang, headers),
        Table::Results => results(ws, lang, headers, today),
    }
}

/// How cells are separated and decimals written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Separator {
    /// RFC 4180: commas between cells, a dot in decimals. What Excel in
    /// English, Google Sheets, LibreOffice and scripts expect.
    Comma,
    /// Semicolons between cells, a comma in decimals (`7,5`): what Excel
    /// opens by double-click where the comma is the decimal mark (Spain,
    /// Italy, France, Germany…). Dates stay ISO, which Excel reads anyway.
    Semicolon,
}

impl Separator {
    /// The usual choice for a language's Excel.
    pub fn for_lang(lang: Lang) -> Separator {
        match lang {
            Lang::En => Separator::Comma,
            Lang::Es | Lang::It => Separator::Semicolon,
        }
    }
}

/// [`export`] with the chosen separator.
pub fn export_with(
    ws: &Workspace,
    table: Table,
    lang: Lang,
    headers: Headers,
    separator: Separator,
    today: Date,
) -> String {
    let file = export(ws, table, lang, headers, today);
    match separator {
        Separator::Comma => file,
        Separator::Semicolon => {
            let numeric: Vec<usize> = table
                .columns()
                .iter()
                .enumerate()
                .filter(|(_, key)| table.decimal_columns().contains(key))
                .map(|(i, _)| i)
                .collect();
            to_semicolons(&file, &numeric)
        }
    }
}

/// Rewrites a comma file with semicolons, and decimal commas in the
/// `numeric` columns of the data rows: a grade or a note typed as "4.2" is
/// text and stays as typed. Quoting is redone by the writer, so a cell
/// holding a semicolon is quoted as it must be.
fn to_semicolons(file: &str, numeric: &[usize]) -> String {
    let body = file.strip_prefix(BOM).unwrap_or(file);
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut out = csv::WriterBuilder::new()
        .delimiter(b';')
        .terminator(csv::Terminator::CRLF)
        .flexible(true)
        .from_writer(Vec::new());
    for (row, record) in reader.records().enumerate() {
        let record = record.expect("our own file reads back");
        let cells = record.iter().enumerate().map(|(column, cell)| {
            if row > 0 && numeric.contains(&column) {
                decimal_comma(cell).into_owned()
            } else {
                cell.to_string()
            }
        });
        out.write_record(cells)
            .expect("writing to memory cannot fail");
    }
    let bytes = out.into_inner().expect("writing to memory cannot fail");
    let mut text = String::with_capacity(bytes.len() + BOM.len_utf8());
    text.push(BOM);
    text.push_str(&String::from_utf8(bytes).expect("cells are text, so the file is UTF-8"));
    text
}

/// `7.5` → `7,5`; anything but a plain decimal number is left alone.
fn decimal_comma(cell: &str) -> Cow<'_, str> {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let plain_decimal = digits.split_once('.').is_some_and(|(whole, fraction)| {
        !whole.is_empty()
            && !fraction.is_empty()
            && whole.bytes().all(|b| b.is_ascii_digit())
            && fraction.bytes().all(|b| b.is_ascii_digit())
    });
    if plain_decimal {
        Cow::Owned(cell.replacen('.', ",", 1))
    } else {
        Cow::Borrowed(cell)
    }
}

/// `inversa-<program-slug>-<table>-<YYYY-MM-DD>.csv`.
pub fn csv_file_name(program_name: &str, table: Table, today: Date) -> String {
    format!(
        "inversa-{}-{}-{today}.csv",
        text::slug(program_name),
        table.code()
    )
}

/// The cell as written: with a leading `'` when a spreadsheet would take it
/// for a formula (`=`, `+`, `-`, `@`, or a tab or carriage return that some
/// spreadsheets skip before looking). The quote shows, and the text stays
/// exactly what was typed after it.
pub fn guard_formula(cell: &str) -> Cow<'_, str> {
    // A plain number such as a negative gain (`-0.5`) runs nothing, and a
    // quote would turn it into text no sum can use.
    if is_plain_number(cell) {
        return Cow::Borrowed(cell);
    }
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => Cow::Owned(format!("'{cell}")),
        _ => Cow::Borrowed(cell),
    }
}

/// `-12`, `0.5`, `-0.25`: digits with an optional sign and decimal point.
fn is_plain_number(cell: &str) -> bool {
    let digits = cell.strip_prefix('-').unwrap_or(cell);
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, "0"));
    !whole.is_empty()
        && !fraction.is_empty()
        && whole.bytes().all(|b| b.is_ascii_digit())
        && fraction.bytes().all(|b| b.is_ascii_digit())
}

/// Words in English, Spanish and Italian.
type Words = [&'static str; 3];

fn say(words: &Words, lang: Lang) -> &'static str {
    match lang {
        Lang::En => words[0],
        Lang::Es => words[1],
        Lang::It => words[2],
    }
}

/// A column: its stable key and its header in each language.
struct Column {
    key: &'static str,
    header: Words,
}

const fn column(key: &'static str, header: Words) -> Column {
    Column { key, header }
}

const PARTICIPANT_ID: Column = column(
    "participant_id",
    ["Participant ID", "ID de participante", "ID partecipante"],
);
const NAME: Column = column("name", ["Name", "Nombre", "Nome"]);
const ROLE: Column = column("role", ["Role", "Rol", "Ruolo"]);
const DEPARTMENT: Column = column("department", ["Department", "Departamento", "Reparto"]);
const MENTOR: Column = column(
    "mentor",
    ["Reverse mentor", "Mentor inverso", "Reverse mentor"],
);
const MENTEE: Column = column("mentee", ["Mentee", "Mentee", "Mentee"]);

const PARTICIPANT_COLUMNS: &[Column] = &[
    PARTICIPANT_ID,
    NAME,
    column("email", ["Email", "Correo electrónico", "Email"]),
    ROLE,
    DEPARTMENT,
    column("job_title", ["Job title", "Puesto", "Ruolo aziendale"]),
    column(
        "seniority_years",
        [
            "Years of experience",
            "Años de experiencia",
            "Anni di esperienza",
        ],
    ),
    column(
        "grade",
        [
            "Grade or level",
            "Categoría o nivel",
            "Livello o inquadramento",
        ],
    ),
    column("languages", ["Languages", "Idiomas", "Lingue"]),
    column("location", ["Location", "Ubicación", "Sede"]),
    column(
        "skills_offered",
        [
            "Skills offered (level 1–5)",
            "Competencias que ofrece (nivel 1–5)",
            "Competenze offerte (livello 1–5)",
        ],
    ),
    column(
        "skills_wanted",
        [
            "Skills wanted (priority)",
            "Competencias que quiere aprender (prioridad)",
            "Competenze da imparare (priorità)",
        ],
    ),
    column("active", ["Active", "Activo", "Attivo"]),
    column(
        "consent_date",
        [
            "Consent date",
            "Fecha de consentimiento",
            "Data del consenso",
        ],
    ),
];

const PAIR_COLUMNS: &[Column] = &[
    column(
        "mentor_id",
        [
            "Reverse mentor ID",
            "ID del mentor inverso",
            "ID del reverse mentor",
        ],
    ),
    MENTOR,
    column(
        "mentor_department",
        [
            "Reverse mentor's department",
            "Departamento del mentor inverso",
            "Reparto del reverse mentor",
        ],
    ),
    column("mentee_id", ["Mentee ID", "ID del mentee", "ID del mentee"]),
    MENTEE,
    column(
        "mentee_department",
        [
            "Mentee's department",
            "Departamento del mentee",
            "Reparto del mentee",
        ],
    ),
    column("since", ["Paired since", "Pareja desde", "In coppia dal"]),
    column(
        "sessions_held",
        ["Sessions held", "Sesiones celebradas", "Sessioni svolte"],
    ),
    column(
        "hours_held",
        ["Hours held", "Horas celebradas", "Ore svolte"],
    ),
];

const SESSION_COLUMNS: &[Column] = &[
    column(
        "session_id",
        ["Session ID", "ID de la sesión", "ID della sessione"],
    ),
    MENTOR,
    MENTEE,
    column("date", ["Date", "Fecha", "Data"]),
    column("time", ["Time", "Hora", "Ora"]),
    column(
        "minutes",
        [
            "Duration (minutes)",
            "Duración (minutos)",
            "Durata (minuti)",
        ],
    ),
    column("status", ["Status", "Estado", "Stato"]),
    column(
        "topics",
        ["Topics covered", "Temas tratados", "Argomenti trattati"],
    ),
    column(
        "mentor_rating",
        [
            "Reverse mentor's rating (1–5)",
            "Valoración del mentor inverso (1–5)",
            "Valutazione del reverse mentor (1–5)",
        ],
    ),
    column(
        "mentee_rating",
        [
            "Mentee's rating (1–5)",
            "Valoración del mentee (1–5)",
            "Valutazione del mentee (1–5)",
        ],
    ),
    column("notes", ["Notes", "Notas", "Note"]),
];

const ASSESSMENT_COLUMNS: &[Column] = &[
    column("round_kind", ["Round", "Ronda", "Giro"]),
    column(
        "round_opens",
        [
            "Round opens on",
            "La ronda se abre el",
            "Il giro si apre il",
        ],
    ),
    column(
        "answered_on",
        ["Answered on", "Respondida el", "Risposta il"],
    ),
    PARTICIPANT_ID,
    NAME,
    ROLE,
    DEPARTMENT,
    column(
        "question",
        ["Question ID", "ID de la pregunta", "ID della domanda"],
    ),
    column("skill", ["Skill", "Competencia", "Competenza"]),
    column("direction", ["Direction", "Dirección", "Direzione"]),
    column("value", ["Value", "Valor", "Valore"]),
];

fn role_words(role: Role) -> Words {
    match role {
        Role::ReverseMentor => ["Reverse mentor", "Mentor inverso", "Reverse mentor"],
        Role::Mentee => ["Mentee", "Mentee", "Mentee"],
    }
}

fn priority_words(priority: Priority) -> Words {
    match priority {
        Priority::MustHave => ["Must have", "Imprescindible", "Indispensabile"],
        Priority::Important => ["Important", "Importante", "Importante"],
        Priority::NiceToHave => ["Nice to have", "Deseable", "Gradita"],
    }
}

fn status_words(status: SessionStatus) -> Words {
    match status {
        SessionStatus::Planned => ["Planned", "Prevista", "Prevista"],
        SessionStatus::Held => ["Held", "Celebrada", "Svolta"],
        SessionStatus::Cancelled => ["Cancelled", "Cancelada", "Annullata"],
        SessionStatus::Rescheduled => ["Rescheduled", "Reprogramada", "Riprogrammata"],
    }
}

fn round_words(kind: RoundKind) -> Words {
    match kind {
        RoundKind::CheckIn => ["Check-in", "Seguimiento", "Check-in"],
        RoundKind::PreAssessment => [
            "Self-assessment before the program",
            "Autoevaluación antes del programa",
            "Autovalutazione prima del programma",
        ],
        RoundKind::PostAssessment => [
            "Self-assessment after the program",
            "Autoevaluación después del programa",
            "Autovalutazione dopo il programma",
        ],
    }
}

const YES_NO: [Words; 2] = [["Yes", "Sí", "Sì"], ["No", "No", "No"]];

/// What an assessment answer measures.
const WANTED: Words = ["Wants to learn", "Quiere aprender", "Vuole imparare"];
const OFFERED: Words = ["Offers", "Ofrece", "Offre"];
const SURVEY: Words = ["Survey", "Encuesta", "Questionario"];

/// Writes a header and rows; every cell is guarded against formulas.
fn write(columns: &[Column], lang: Lang, headers: Headers, rows: Vec<Vec<String>>) -> String {
    let mut out = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .from_writer(Vec::new());
    let header = columns.iter().map(|c| match headers {
        Headers::Keys => c.key,
        Headers::Localized => say(&c.header, lang),
    });
    out.write_record(header)
        .expect("writing to memory cannot fail");
    for row in rows {
        debug_assert_eq!(row.len(), columns.len());
        out.write_record(row.iter().map(|cell| guard_formula(cell).into_owned()))
            .expect("rows have one cell per column");
    }
    let bytes = out.into_inner().expect("writing to memory cannot fail");
    let mut text = String::with_capacity(bytes.len() + BOM.len_utf8());
    text.push(BOM);
    text.push_str(&String::from_utf8(bytes).expect("cells are text, so the file is UTF-8"));
    text
}

fn optional<T: ToString>(value: Option<T>) -> String {
    value.map(|v| v.to_string()).unwrap_or_default()
}

fn name_of(ws: &Workspace, id: &ParticipantId) -> String {
    ws.participant(id)
        .map(|p| p.name.clone())
        .unwrap_or_default()
}

fn department_of(ws: &Workspace, id: &ParticipantId) -> String {
    ws.participant(id)
        .map(|p| p.department.clone())
        .unwrap_or_default()
}

/// Hours with at most two decimals and no trailing zeros (`7.5`, `6`).
fn hours(minutes: u32) -> String {
    let text = format!("{:.2}", f64::from(minutes) / 60.0);
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

/// Everyone in the program, in roster order.
pub fn participants(ws: &Workspace, lang: Lang, headers: Headers) -> String {
    let label = |skill: &SkillId| ws.catalogue.label(skill, lang);
    let rows = ws
        .participants
        .iter()
        .map(|p| {
            let offered: Vec<String> = p
                .skills_offered
                .iter()
                .map(|s| format!("{} ({})", label(&s.skill), s.level))
                .collect();
            let wanted: Vec<String> = p
                .skills_wanted
                .iter()
                .map(|s| {
                    format!(
                        "{} ({})",
                        label(&s.skill),
                        say(&priority_words(s.priority), lang)
                    )
                })
                .collect();
            vec![
                p.id.to_string(),
                p.name.clone(),
                p.email.clone(),
                say(&role_words(p.role), lang).to_string(),
                p.department.clone(),
                p.job_title.clone(),
                optional(p.seniority.years),
                p.seniority.grade.clone(),
                p.languages.join(LIST_SEPARATOR),
                p.location.clone(),
                offered.join(LIST_SEPARATOR),
                wanted.join(LIST_SEPARATOR),
                say(&YES_NO[usize::from(!p.active)], lang).to_string(),
                optional(p.consent_date),
            ]
        })
        .collect();
    write(PARTICIPANT_COLUMNS, lang, headers, rows)
}

/// The accepted pairs, with the sessions they held and for how long. A
/// session counts as held when logged so and dated `today` or earlier, as on
/// the Impact page.
pub fn pairs(ws: &Workspace, lang: Lang, headers: Headers, today: Date) -> String {
    // (sessions, minutes) held per pair, in one pass over the sessions.
    let mut held: HashMap<(&ParticipantId, &ParticipantId), (usize, u32)> = HashMap::new();
    for session in &ws.sessions.sessions {
        if session.status == SessionStatus::Held && session.start.date <= today {
            let tally = held
                .entry((&session.pair.mentor, &session.pair.mentee))
                .or_default();
            tally.0 += 1;
            tally.1 += u32::from(session.minutes);
        }
    }
    let rows = ws
        .pairing
        .pairs
        .iter()
        .map(|pair| {
            let (sessions, minutes) = held
                .get(&(&pair.mentor, &pair.mentee))
                .copied()
                .unwrap_or_default();
            vec![
                pair.mentor.to_string(),
                name_of(ws, &pair.mentor),
                department_of(ws, &pair.mentor),
                pair.mentee.to_string(),
                name_of(ws, &pair.mentee),
                department_of(ws, &pair.mentee),
                optional(pair.since),
                sessions.to_string(),
                hours(minutes),
            ]
        })
        .collect();
    write(PAIR_COLUMNS, lang, headers, rows)
}

/// Every session, planned or logged, in time order.
pub fn sessions(ws: &Workspace, lang: Lang, headers: Headers) -> String {
    let mut list: Vec<_> = ws
        .sessions
        .sessions
        .iter()
        .map(|s| (s, name_of(ws, &s.pair.mentor), name_of(ws, &s.pair.mentee)))
        .collect();
    list.sort_by(|a, b| (a.0.start, &a.1, &a.2, &a.0.id).cmp(&(b.0.start, &b.1, &b.2, &b.0.id)));
    let rows = list
        .into_iter()
        .map(|(s, mentor, mentee)| {
            let topics: Vec<String> = s
                .topics
                .iter()
                .map(|t| ws.catalogue.label(t, lang))
                .collect();
            vec![
                s.id.to_string(),
                mentor,
                mentee,
                s.start.date.to_string(),
                s.start.time.to_string(),
                s.minutes.to_string(),
                say(&status_words(s.status), lang).to_string(),
                topics.join(LIST_SEPARATOR),
                optional(s.mentor_rating),
                optional(s.mentee_rating),
                s.notes.clone(),
            ]
        })
        .collect();
    write(SESSION_COLUMNS, lang, headers, rows)
}

/// The skill an assessment question rates, and which way.
fn question_subject(question: &str) -> (Option<SkillId>, &'static Words) {
    if let Some(skill) = skill_of(question) {
        (Some(skill), &WANTED)
    } else if let Some(skill) = question.strip_prefix(OFFER_PREFIX).and_then(SkillId::parse) {
        (Some(skill), &OFFERED)
    } else {
        // A malformed `skill:` id is still a skill question, just unnamed.
        let wanted = question.starts_with(SKILL_PREFIX);
        (None, if wanted { &WANTED } else { &SURVEY })
    }
}

/// One row per answer to a self-assessment (before or after the program):
/// rounds in date order, people in roster order, answers as given.
pub fn assessments(ws: &Workspace, lang: Lang, headers: Headers) -> String {
    let mut rounds: Vec<_> = ws
        .sessions
        .rounds
        .iter()
        .filter(|r| r.kind != RoundKind::CheckIn)
        .collect();
    rounds.sort_by_key(|r| (r.opens, r.kind));
    let mut rows = Vec::new();
    for round in rounds {
        for person in &ws.participants {
            let Some(response) = ws
                .sessions
                .responses
                .iter()
                .find(|r| r.round == round.id && r.participant == person.id)
            else {
                continue;
            };
            for answer in &response.answers {
                let (skill, direction) = question_subject(&answer.question);
                let value = match &answer.value {
                    AnswerValue::Scale(n) | AnswerValue::Percent(n) => n.to_string(),
                    AnswerValue::Text(text) => text.clone(),
                };
                rows.push(vec![
                    say(&round_words(round.kind), lang).to_string(),
                    round.opens.to_string(),
                    response.answered_on.to_string(),
                    person.id.to_string(),
                    person.name.clone(),
                    say(&role_words(person.role), lang).to_string(),
                    person.department.clone(),
                    answer.question.clone(),
                    optional(skill.map(|s| ws.catalogue.label(&s, lang))),
                    say(direction, lang).to_string(),
                    value,
                ]);
            }
        }
    }
    write(ASSESSMENT_COLUMNS, lang, headers, rows)
}

// ---------------------------------------------------------------- results ---

const RESULT_COLUMNS: &[Column] = &[
    column("scope", ["Scope", "Ámbito", "Ambito"]),
    column("level", ["Level", "Nivel", "Livello"]),
    column("measure", ["Measure", "Medida", "Misura"]),
    column("item", ["Item", "Elemento", "Elemento"]),
    column("value", ["Value", "Valor", "Valore"]),
    column("people", ["People", "Personas", "Persone"]),
    column(
        "withheld",
        [
            "Withheld (fewer than 3 people)",
            "Oculto (menos de 3 personas)",
            "Nascosto (meno di 3 persone)",
        ],
    ),
];

const WHOLE_PROGRAM: Words = ["Whole program", "Todo el programa", "Intero programma"];
const PARTICIPATION: Words = ["Participation", "Participación", "Partecipazione"];

fn level_words(level: Level) -> Words {
    match level {
        Level::Reaction => ["1 Reaction", "1 Reacción", "1 Reazione"],
        Level::Learning => ["2 Learning", "2 Aprendizaje", "2 Apprendimento"],
        Level::Behaviour => ["3 Behaviour", "3 Comportamiento", "3 Comportamento"],
        Level::Results => ["4 Results", "4 Resultados", "4 Risultati"],
    }
}

/// A figure with at most three decimals and no trailing zeros.
fn decimal(value: f64) -> String {
    let text = format!("{value:.3}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".into()
    } else {
        text.into()
    }
}

fn direction_key(direction: GoalDirection) -> &'static str {
    match direction {
        GoalDirection::MenteeLearns => "mentees",
        GoalDirection::MentorLearns => "mentors",
    }
}

/// Rows of one scope, appended to `rows`.
struct ResultRows<'a> {
    ws: &'a Workspace,
    lang: Lang,
    scope: String,
    rows: Vec<Vec<String>>,
}

impl ResultRows<'_> {
    fn push(&mut self, level: &str, measure: &str, item: &str, value: Option<f64>, people: usize) {
        self.rows.push(vec![
            self.scope.clone(),
            level.to_string(),
            measure.to_string(),
            item.to_string(),
            value.map(decimal).unwrap_or_default(),
            people.to_string(),
            say(&YES_NO[usize::from(value.is_some())], self.lang).to_string(),
        ]);
    }

    /// A 1–5 summary: its mean, or withheld.
    fn scale(&mut self, level: &str, measure: &str, item: &str, shown: &Shown<ScaleSummary>) {
        let mean = shown
            .value()
            .filter(|s| s.answers > 0)
            .map(ScaleSummary::mean);
        match (shown.value(), mean) {
            // Nobody answered: nothing to show, nothing withheld.
            (Some(_), None) => {}
            _ => self.push(level, measure, item, mean, shown.people()),
        }
    }

    fn impact(&mut self, impact: &Impact) {
        let lang = self.lang;
        let label = |skill: &SkillId| self.ws.catalogue.label(skill, lang);
        let participation = say(&PARTICIPATION, lang);
        let people = impact.funnel.people();
        match impact.funnel.value() {
            Some(f) => {
                for (key, value) in [
                    ("funnel_invited", f.invited),
                    ("funnel_matched", f.matched),
                    ("funnel_active", f.active),
                    ("funnel_completed", f.completed),
                    ("funnel_dropped", f.dropped),
                ] {
                    self.push(participation, key, "", Some(value as f64), people);
                }
            }
            None => self.push(participation, "funnel", "", None, people),
        }
        for level in levels(impact) {
            let name = say(&level_words(level.level), lang);
            for measure in &level.measures {
                match measure {
                    Measure::SessionRatings(side) => {
                        let key = match side.by {
                            Role::ReverseMentor => "session_rating_by_mentors",
                            Role::Mentee => "session_rating_by_mentees",
                        };
                        self.scale(name, key, "", &side.ratings);
                    }
                    Measure::Survey(result) => {
                        let key = format!("survey_{}", result.question.id());
                        self.scale(name, &key, "", &result.answers);
                    }
                    Measure::CheckinGoing(going) => self.scale(name, "checkin_going", "", going),
                    Measure::MoodTrend(rounds) => {
                        for round in rounds {
                            self.scale(name, "checkin_mood", &round.opens.to_string(), &round.mood);
                        }
                    }
                    Measure::SkillGains { direction, gains } => {
                        let dir = direction_key(*direction);
                        for gain in gains {
                            let item = label(&gain.skill);
                            let n = gain.gains.people();
                            let stats = gain.gains.value();
                            self.push(
                                name,
                                &format!("skill_before_{dir}"),
                                &item,
                                stats.map(|s| s.mean_pre()),
                                n,
                            );
                            self.push(
                                name,
                                &format!("skill_after_{dir}"),
                                &item,
                                stats.map(|s| s.mean_post()),
                                n,
                            );
                            self.push(
                                name,
                                &format!("skill_gain_{dir}"),
                                &item,
                                stats.map(|s| s.mean_gain()),
                                n,
                            );
                            self.push(
                                name,
                                &format!("answered_only_before_{dir}"),
                                &item,
                                Some(gain.pre_only as f64),
                                gain.pre_only,
                            );
                            self.push(
                                name,
                                &format!("answered_only_after_{dir}"),
                                &item,
                                Some(gain.post_only as f64),
                                gain.post_only,
                            );
                        }
                    }
                    Measure::OfferedSkills(list) => {
                        for rating in list {
                            let item = format!(
                                "{} ({})",
                                label(&rating.skill),
                                say(&role_words(rating.role), lang)
                            );
                            self.scale(name, "offered_skill_before", &item, &rating.pre);
                            self.scale(name, "offered_skill_after", &item, &rating.post);
                        }
                    }
                    Measure::Goals(goals) => {
                        let dir = direction_key(goals.direction);
                        let stats = goals.goals.value().filter(|s| s.goals > 0);
                        if goals.goals.is_withheld() || stats.is_some() {
                            let n = goals.goals.people();
                            self.push(
                                name,
                                &format!("goals_completed_share_{dir}"),
                                "",
                                stats.map(|s| s.completed as f64 / s.goals as f64),
                                n,
                            );
                            self.push(
                                name,
                                &format!("goals_mean_progress_{dir}"),
                                "",
                                stats.map(|s| s.mean_percent() / 100.0),
                                n,
                            );
                        }
                    }
                    Measure::Practice(practice) => {
                        let n = practice.people();
                        let p = practice.value();
                        for (key, value) in [
                            ("sessions_held", p.map(|p| p.held as f64)),
                            ("sessions_cancelled", p.map(|p| p.cancelled as f64)),
                            ("sessions_past_not_logged", p.map(|p| p.unlogged as f64)),
                            ("sessions_upcoming", p.map(|p| p.upcoming as f64)),
                            ("hours_held", p.map(Practice::hours)),
                        ] {
                            self.push(name, key, "", value, n);
                        }
                        if let Some(share) = p.and_then(Practice::held_share) {
                            self.push(name, "sessions_held_share", "", Some(share), n);
                        }
                    }
                    Measure::Objectives(list) => {
                        for kpi in list {
                            let title = self
                                .ws
                                .program
                                .objectives
                                .iter()
                                .find(|o| o.id == kpi.objective)
                                .map(|o| o.title.clone())
                                .unwrap_or_default();
                            self.push(name, "objective_baseline", &title, Some(kpi.baseline), 0);
                            self.push(name, "objective_target", &title, Some(kpi.target), 0);
                            if let Some(current) = kpi.current {
                                self.push(name, "objective_current", &title, Some(current), 0);
                            }
                            if let Some(progress) = kpi.progress {
                                self.push(
                                    name,
                                    "objective_progress_share",
                                    &title,
                                    Some(progress),
                                    0,
                                );
                            }
                        }
                    }
                    Measure::Retention(list) => {
                        for role in list {
                            let item = say(&role_words(role.role), lang);
                            let share = role
                                .retention
                                .value()
                                .filter(|r| r.matched > 0)
                                .map(|r| r.retained_share());
                            if role.retention.is_withheld() || share.is_some() {
                                self.push(
                                    name,
                                    "retained_share",
                                    item,
                                    share,
                                    role.retention.people(),
                                );
                            }
                        }
                    }
                }
            }
        }
    }
}

/// The Impact page's figures as rows: the whole program, then each
/// department. Values over fewer than three people are left empty and
/// marked withheld, exactly as on the page; objective figures are about the
/// company, not people, so their people count is 0.
pub fn results(ws: &Workspace, lang: Lang, headers: Headers, today: Date) -> String {
    let mut out = ResultRows {
        ws,
        lang,
        scope: say(&WHOLE_PROGRAM, lang).to_string(),
        rows: Vec::new(),
    };
    out.impact(&measure(ws, &Scope::Program, today));
    for department in by_department(ws, today) {
        out.scope = department.department.clone();
        match department.impact.value() {
            Some(impact) => out.impact(impact),
            None => out.push("", "department", "", None, department.impact.people()),
        }
    }
    write(RESULT_COLUMNS, lang, headers, out.rows)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hours_are_short_decimals() {
        for (minutes, text) in [(0, "0"), (30, "0.5"), (90, "1.5"), (20, "0.33"), (360, "6")] {
            assert_eq!(hours(minutes), text, "{minutes}");
        }
    }

    #[test]
    fn every_table_has_distinct_snake_case_keys() {
        for table in Table::ALL {
            let keys = table.columns();
            let mut unique = keys.clone();
            unique.sort();
            unique.dedup();
            assert_eq!(unique.len(), keys.len(), "{table:?}");
            assert!(
                keys.iter()
                    .all(|k| k.bytes().all(|b| b.is_ascii_lowercase() || b == b'_')),
                "{table:?}"
            );
        }
    }
}

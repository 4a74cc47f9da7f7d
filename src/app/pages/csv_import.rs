//! Data page: participants from a spreadsheet. The picked CSV is read
//! (`io::csv_import::sniff`), its columns mapped to participant fields (the
//! suggestion preselected, every choice changeable) and every row checked
//! with the current mapping; the coordinator sees the first rows as they
//! will be added, each row problem with its row number, and the duplicates.
//! Nothing is stored until they press "Add N participants".

use std::collections::BTreeSet;
use std::sync::Arc;

use crate::app::browser;
use crate::app::format;
use crate::app::i18n::*;
use crate::app::lang::domain_lang;
use crate::app::messages::problem_message;
use crate::app::pages::participants::role_label;
use crate::app::router::Page;
use crate::app::state::use_state;
use crate::domain::{ParticipantId, ProblemKind};
use crate::io::csv_import::{
    CsvImport, Duplicate, DuplicateOf, Field, MAX_CSV_BYTES, Mapping, MappingProblem, RowError,
    RowErrorKind, Sheet, SheetError, apply, read_rows, sniff, suggest_mapping,
};
use leptos::html;
use leptos::prelude::*;

/// How many problems to list before summarising the rest.
const SHOWN_PROBLEMS: usize = 200;
/// Rows shown in the preview table: enough to check the mapping reads right.
const PREVIEW_ROWS: usize = 5;
/// Values shown under each column's header in the mapping table.
const SAMPLES: usize = 2;
/// Longer sample values are cut, so one long note cannot widen the table.
const SAMPLE_CHARS: usize = 40;

const FILE_INPUT_ID: &str = "csv-file";
const FILE_HINT_ID: &str = "csv-file-hint";
const MAPPING_HEADING_ID: &str = "csv-mapping-heading";
const DONE_ID: &str = "csv-done";

// ----------------------------------------------------------------- words ---

/// A participant field as the mapping's select names it.
pub fn field_label(locale: Locale, field: Field) -> String {
    let l = locale;
    match field {
        Field::Name => td_string!(l, csv_import.fields.name),
        Field::Surname => td_string!(l, csv_import.fields.surname),
        Field::Email => td_string!(l, csv_import.fields.email),
        Field::Role => td_string!(l, csv_import.fields.role),
        Field::Department => td_string!(l, csv_import.fields.department),
        Field::JobTitle => td_string!(l, csv_import.fields.job_title),
        Field::SeniorityYears => td_string!(l, csv_import.fields.seniority_years),
        Field::Grade => td_string!(l, csv_import.fields.grade),
        Field::Languages => td_string!(l, csv_import.fields.languages),
        Field::Location => td_string!(l, csv_import.fields.location),
        Field::TimeZone => td_string!(l, csv_import.fields.time_zone),
        Field::SkillsOffered => td_string!(l, csv_import.fields.skills_offered),
        Field::SkillsWanted => td_string!(l, csv_import.fields.skills_wanted),
        Field::Interests => td_string!(l, csv_import.fields.interests),
        Field::Channels => td_string!(l, csv_import.fields.channels),
        Field::Capacity => td_string!(l, csv_import.fields.capacity),
        Field::Active => td_string!(l, csv_import.fields.active),
        Field::ConsentDate => td_string!(l, csv_import.fields.consent_date),
        Field::Notes => td_string!(l, csv_import.fields.notes),
    }
    .to_string()
}

/// A column by its header, or by its position when the header cell is blank.
pub fn column_name(locale: Locale, headers: &[String], column: usize) -> String {
    match headers.get(column).map(|h| h.trim()) {
        Some(header) if !header.is_empty() => header.to_string(),
        _ => td_string!(locale, csv_import.untitled, number = column + 1).to_string(),
    }
}

/// Why a file cannot be read as a sheet, without its name.
pub fn sheet_error_message(locale: Locale, error: &SheetError) -> String {
    let l = locale;
    match error {
        SheetError::TooLarge { bytes, max } => problem_message(
            l,
            &ProblemKind::TooLarge {
                bytes: *bytes,
                max: *max,
            },
        ),
        SheetError::Empty => td_string!(l, csv_import.empty).to_string(),
        SheetError::Workbook => td_string!(l, csv_import.workbook).to_string(),
        SheetError::NotText { looks_like } => problem_message(
            l,
            &ProblemKind::NotText {
                looks_like: *looks_like,
            },
        ),
        SheetError::NotUtf8 { line } => {
            td_string!(l, csv_import.not_utf8, line = *line).to_string()
        }
    }
}

/// Whether saving the file again as "CSV UTF-8" is the way out.
fn needs_saving_as_csv(error: &SheetError) -> bool {
    matches!(error, SheetError::Workbook | SheetError::NotUtf8 { .. })
}

pub fn mapping_problem_line(
    locale: Locale,
    problem: &MappingProblem,
    headers: &[String],
) -> String {
    let l = locale;
    match problem {
        MappingProblem::Twice { field, columns } => {
            let columns: Vec<String> = columns
                .iter()
                .map(|c| column_name(l, headers, *c))
                .collect();
            td_string!(
                l,
                csv_import.twice,
                field = field_label(l, *field),
                columns = columns.join(", ")
            )
            .to_string()
        }
        MappingProblem::Missing { field } => {
            td_string!(l, csv_import.missing, field = field_label(l, *field)).to_string()
        }
    }
}

/// What is wrong in a row, without its location.
pub fn row_error_message(locale: Locale, kind: &RowErrorKind) -> String {
    let l = locale;
    match kind {
        RowErrorKind::CellCount { found, expected } => td_string!(
            l,
            csv_import.errors.cell_count,
            found = format::count(l, *found),
            expected = format::count(l, *expected)
        )
        .to_string(),
        RowErrorKind::UnknownRole { value } => {
            td_string!(l, csv_import.errors.unknown_role, value = value).to_string()
        }
        RowErrorKind::UnknownSkills { names } => td_string!(
            l,
            csv_import.errors.unknown_skills,
            names = names.join(", ")
        )
        .to_string(),
        RowErrorKind::NotALevel { skill, value } => td_string!(
            l,
            csv_import.errors.not_a_level,
            skill = skill,
            value = value
        )
        .to_string(),
        RowErrorKind::UnknownPriority { skill, value } => td_string!(
            l,
            csv_import.errors.unknown_priority,
            skill = skill,
            value = value
        )
        .to_string(),
        RowErrorKind::NotYesNo { value } => {
            td_string!(l, csv_import.errors.not_yes_no, value = value).to_string()
        }
        RowErrorKind::NotADate { value } => {
            td_string!(l, csv_import.errors.not_a_date, value = value).to_string()
        }
        RowErrorKind::NotAWholeNumber { value } => {
            td_string!(l, csv_import.errors.not_a_whole_number, value = value).to_string()
        }
        RowErrorKind::UnknownChannel { value } => {
            td_string!(l, csv_import.errors.unknown_channel, value = value).to_string()
        }
        RowErrorKind::Rule { problem, item } => rule_message(l, problem, item.as_deref()),
    }
}

/// A validation rule broken by a row, worded as the participant form words
/// it. When the rule is about one entry of a list cell, the entry is named
/// as written (`AI tools (7)`) rather than by the file-format path.
fn rule_message(locale: Locale, problem: &ProblemKind, item: Option<&str>) -> String {
    let Some(item) = item else {
        return problem_message(locale, problem);
    };
    match problem {
        // These name the entry themselves, by an internal spelling (a skill
        // id, a channel's code, a lower-cased language): the cell's text
        // reads better.
        ProblemKind::DuplicateName { .. } => problem_message(
            locale,
            &ProblemKind::DuplicateName {
                name: item.to_string(),
            },
        ),
        ProblemKind::InvalidLanguage { .. } => problem_message(
            locale,
            &ProblemKind::InvalidLanguage {
                value: item.to_string(),
            },
        ),
        ProblemKind::DuplicateSkill { .. } => problem_message(
            locale,
            &ProblemKind::DuplicateSkill {
                id: item.to_string(),
            },
        ),
        _ => td_string!(
            locale,
            csv_import.about_item,
            item = item,
            message = problem_message(locale, problem)
        )
        .to_string(),
    }
}

/// `Row 14, column “Correo”: not an email address`.
pub fn row_error_line(locale: Locale, error: &RowError) -> String {
    let message = row_error_message(locale, &error.kind);
    match error.column.as_deref().map(str::trim) {
        Some(column) if !column.is_empty() => td_string!(
            locale,
            csv_import.at_cell,
            line = error.line,
            column = column,
            message = message
        )
        .to_string(),
        _ => td_string!(
            locale,
            csv_import.at_row,
            line = error.line,
            message = message
        )
        .to_string(),
    }
}

/// `Row 9: ana@example.com is also on row 4`; `name_of` finds who already
/// has the email in the program.
pub fn duplicate_line(
    locale: Locale,
    duplicate: &Duplicate,
    name_of: impl Fn(&ParticipantId) -> Option<String>,
) -> String {
    let email = duplicate.email.clone();
    let message = match &duplicate.of {
        DuplicateOf::Row { line } => td_string!(
            locale,
            csv_import.duplicate_row,
            email = email,
            first = *line
        )
        .to_string(),
        DuplicateOf::Participant { id } => td_string!(
            locale,
            csv_import.duplicate_participant,
            email = email,
            name = name_of(id).unwrap_or_else(|| "—".to_string())
        )
        .to_string(),
    };
    td_string!(
        locale,
        csv_import.at_row,
        line = duplicate.line,
        message = message
    )
    .to_string()
}

/// `497 participants will be added, 3 rows have problems and will be skipped.`
pub fn summary_line(locale: Locale, added: usize, skipped: usize) -> String {
    let l = locale;
    let added = match added {
        1 => td_string!(l, csv_import.will_add_one).to_string(),
        n => td_string!(l, csv_import.will_add, count = format::count(l, n)).to_string(),
    };
    match skipped {
        0 => td_string!(l, csv_import.summary_all, added = added).to_string(),
        1 => td_string!(
            l,
            csv_import.summary,
            added = added,
            skipped = td_string!(l, csv_import.will_skip_one).to_string()
        )
        .to_string(),
        n => td_string!(
            l,
            csv_import.summary,
            added = added,
            skipped = td_string!(l, csv_import.will_skip, count = format::count(l, n)).to_string()
        )
        .to_string(),
    }
}

fn add_button_label(locale: Locale, count: usize) -> String {
    match count {
        1 => td_string!(locale, csv_import.add_button_one).to_string(),
        n => td_string!(
            locale,
            csv_import.add_button,
            count = format::count(locale, n)
        )
        .to_string(),
    }
}

fn added_notice(locale: Locale, count: usize, file_name: &str) -> String {
    let name = file_name.to_string();
    match count {
        1 => td_string!(locale, csv_import.added_one, name = name).to_string(),
        n => td_string!(
            locale,
            csv_import.added,
            count = format::count(locale, n),
            name = name
        )
        .to_string(),
    }
}

/// At most `SHOWN_PROBLEMS` lines, then how many more there are.
fn capped(locale: Locale, lines: impl ExactSizeIterator<Item = String>) -> Vec<String> {
    let total = lines.len();
    let mut shown: Vec<String> = lines.take(SHOWN_PROBLEMS).collect();
    if total > SHOWN_PROBLEMS {
        let more = format::count(locale, total - SHOWN_PROBLEMS);
        shown.push(td_string!(locale, data.more_problems, count = more).to_string());
    }
    shown
}

/// The first non-blank values of a column, cut to a readable length.
fn samples(sheet: &Sheet, column: usize) -> Vec<String> {
    sheet
        .rows
        .iter()
        .filter_map(|row| row.cells.get(column).map(|c| c.trim()))
        .filter(|cell| !cell.is_empty())
        .take(SAMPLES)
        .map(|cell| {
            if cell.chars().count() > SAMPLE_CHARS {
                let cut: String = cell.chars().take(SAMPLE_CHARS - 1).collect();
                format!("{}…", cut.trim_end())
            } else {
                cell.to_string()
            }
        })
        .collect()
}

// ------------------------------------------------------------------ view ---

/// Why the mapping step could not start.
#[derive(Clone, Debug, PartialEq)]
enum Failure {
    /// "Import CSV" was pressed with no file picked.
    NoFile,
    /// The browser refused to read the file (moved or changed since picked).
    Unreadable { file_name: String },
    Sheet {
        file_name: String,
        error: SheetError,
    },
}

/// A file read as a sheet, waiting for the coordinator's mapping and confirmation.
#[derive(Clone)]
struct Picked {
    file_name: String,
    sheet: Arc<Sheet>,
}

/// "Import participants from a spreadsheet": pick, map, check, confirm.
#[component]
pub fn CsvImportSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let input = NodeRef::<html::Input>::new();
    let reading = RwSignal::new(false);
    let failure = RwSignal::new(None::<Failure>);
    let picked = RwSignal::new(None::<Picked>);
    let mapping = RwSignal::new(Mapping::new());
    let added = RwSignal::new(None::<(usize, String)>);

    // Read again on every change of the mapping, the language (whose skill
    // names win) or the program (whose emails are taken). Fresh ids come
    // from the browser; they are only kept if the coordinator confirms.
    let outcome = Memo::new(move |_| {
        let lang = domain_lang(i18n.get_locale());
        picked.with(|picked| {
            let picked = picked.as_ref()?;
            let import = mapping.with(|mapping| {
                state
                    .workspace
                    .with(|ws| read_rows(&picked.sheet, mapping, ws, lang, browser::random_bytes))
            });
            Some(Arc::new(import))
        })
    });

    let clear = move || {
        failure.set(None);
        picked.set(None);
        mapping.set(Mapping::new());
        added.set(None);
    };

    let start = move |_| {
        clear();
        let Some(file) = input
            .get_untracked()
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            failure.set(Some(Failure::NoFile));
            return;
        };
        let file_name = file.name();
        let size = file.size() as u64;
        if size > MAX_CSV_BYTES as u64 {
            let error = SheetError::TooLarge {
                bytes: size,
                max: MAX_CSV_BYTES as u64,
            };
            failure.set(Some(Failure::Sheet { file_name, error }));
            return;
        }
        reading.set(true);
        leptos::task::spawn_local(async move {
            let bytes = browser::read_file(&file).await;
            reading.set(false);
            match bytes.map(|bytes| sniff(&bytes)) {
                Ok(Ok(sheet)) => {
                    mapping.set(suggest_mapping(&sheet));
                    picked.set(Some(Picked {
                        file_name,
                        sheet: Arc::new(sheet),
                    }));
                    request_animation_frame(|| browser::focus_element(MAPPING_HEADING_ID));
                }
                Ok(Err(error)) => failure.set(Some(Failure::Sheet { file_name, error })),
                Err(_) => failure.set(Some(Failure::Unreadable { file_name })),
            }
        });
    };

    let confirm = Callback::new(move |()| {
        let (Some(picked_file), Some(import)) = (picked.get_untracked(), outcome.get_untracked())
        else {
            return;
        };
        // Leave the step first, so the edit below does not read the rows again.
        picked.set(None);
        mapping.set(Mapping::new());
        let mut count = 0;
        state.edit(|ws| count = apply(ws, &import));
        // The result line takes the focus, so a screen reader reads it once;
        // a notice as well would say the same thing twice.
        added.set(Some((count, picked_file.file_name)));
        request_animation_frame(|| browser::focus_element(DONE_ID));
    });

    let cancel = Callback::new(move |()| {
        clear();
        browser::focus_element(FILE_INPUT_ID);
    });

    view! {
        <section class="card" aria-labelledby="csv-import-heading">
            <h2 id="csv-import-heading">{t!(i18n, csv_import.heading)}</h2>
            <p>{t!(i18n, csv_import.text)}</p>
            <Show when=move || state.demo.get()>
                <p class="hint">{t!(i18n, csv_import.demo_note)}</p>
            </Show>
            <div class="field">
                <label for=FILE_INPUT_ID>{t!(i18n, csv_import.file_label)}</label>
                <p class="hint" id=FILE_HINT_ID>{t!(i18n, csv_import.file_hint)}</p>
                // Workbooks are offered too: picking one explains how to save it as CSV.
                <input
                    id=FILE_INPUT_ID
                    type="file"
                    accept=".csv,.tsv,.txt,.xlsx,.xls,.ods,text/csv,text/plain"
                    aria-describedby=FILE_HINT_ID
                    node_ref=input
                    on:change=move |_| clear()
                />
            </div>
            <div class="actions">
                <button type="button" class="primary" on:click=start disabled=move || reading.get()>
                    {t!(i18n, csv_import.import_button)}
                </button>
            </div>
            <Show when=move || reading.get()>
                <p role="status">{t!(i18n, data.reading)}</p>
            </Show>
            {move || failure.get().map(|failure| view! { <FailureNotice failure=failure/> })}
            {move || added.get().map(|(count, file_name)| view! {
                <p class="import-result" id=DONE_ID tabindex="-1">
                    {move || added_notice(i18n.get_locale(), count, &file_name)}
                    " "
                    <a href=Page::Participants.hash()>{t!(i18n, csv_import.open_participants)}</a>
                </p>
            })}
            {move || picked.get().map(|picked| view! {
                <MappingStep picked=picked mapping=mapping outcome=outcome on_confirm=confirm on_cancel=cancel/>
            })}
        </section>
    }
}

/// The sheet could not be read: why, and how to save it so it can be.
#[component]
fn FailureNotice(failure: Failure) -> impl IntoView {
    let i18n = use_i18n();
    match failure {
        Failure::NoFile => view! {
            <p class="field-error" role="alert">{t!(i18n, csv_import.no_file)}</p>
        }
        .into_any(),
        Failure::Unreadable { file_name } => view! {
            <div class="problems" role="alert">
                <p class="problems-heading">
                    {move || td_string!(i18n.get_locale(), csv_import.cannot_read, name = file_name.clone()).to_string()}
                </p>
                <ul><li>{t!(i18n, csv_import.read_failed)}</li></ul>
            </div>
        }
        .into_any(),
        Failure::Sheet { file_name, error } => {
            let advice = needs_saving_as_csv(&error);
            let message = error.clone();
            view! {
                <div class="problems" role="alert">
                    <p class="problems-heading">
                        {move || td_string!(i18n.get_locale(), csv_import.cannot_read, name = file_name.clone()).to_string()}
                    </p>
                    <ul><li>{move || sheet_error_message(i18n.get_locale(), &message)}</li></ul>
                    {advice.then(|| view! { <p>{t!(i18n, csv_import.save_as_advice)}</p> })}
                </div>
            }
            .into_any()
        }
    }
}

/// The mapping table, then what the rows give with that mapping.
#[component]
fn MappingStep(
    picked: Picked,
    mapping: RwSignal<Mapping>,
    outcome: Memo<Option<Arc<CsvImport>>>,
    on_confirm: Callback<()>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let Picked { file_name, sheet } = picked;
    let rows = sheet.rows.len();
    let headers = Arc::new(sheet.headers.clone());

    let mapping_rows = (0..sheet.headers.len())
        .map(|column| {
            let select_id = format!("csv-column-{column}");
            let headers = headers.clone();
            let name = Signal::derive(move || column_name(i18n.get_locale(), &headers, column));
            let samples = samples(&sheet, column);
            let on_change = move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                let field = Field::ALL.into_iter().find(|f| f.key() == value);
                mapping.update(|m| {
                    if m.len() <= column {
                        m.resize(column + 1, None);
                    }
                    m[column] = field;
                });
            };
            let chosen = move || mapping.with(|m| m.get(column).copied().flatten());
            view! {
                <tr>
                    // The first values sit under the header, as emails do under
                    // names in the participants table: two columns fit 360 px.
                    <th scope="row">
                        {move || name.get()}
                        <span class="visually-hidden">{t!(i18n, csv_import.col_samples)}</span>
                        {if samples.is_empty() {
                            view! { <span class="person-email">{t!(i18n, csv_import.no_values)}</span> }.into_any()
                        } else {
                            samples.into_iter().map(|s| view! { <span class="person-email">{s}</span> }).collect_view().into_any()
                        }}
                    </th>
                    <td>
                        <label class="visually-hidden" for=select_id.clone()>
                            {move || td_string!(i18n.get_locale(), csv_import.select_label, column = name.get()).to_string()}
                        </label>
                        <select id=select_id.clone() on:change=on_change>
                            <option value="" prop:selected=move || chosen().is_none()>{t!(i18n, csv_import.ignore)}</option>
                            {Field::ALL.into_iter().map(|field| view! {
                                <option value=field.key() prop:selected=move || chosen() == Some(field)>
                                    {move || field_label(i18n.get_locale(), field)}
                                </option>
                            }).collect_view()}
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();

    let mapping_lines = {
        let headers = headers.clone();
        Memo::new(move |_| {
            let locale = i18n.get_locale();
            outcome.with(|o| {
                o.as_ref()
                    .map(|import| {
                        let lines = import
                            .mapping_problems
                            .iter()
                            .map(|p| mapping_problem_line(locale, p, &headers))
                            .collect::<Vec<_>>();
                        capped(locale, lines.into_iter())
                    })
                    .unwrap_or_default()
            })
        })
    };
    let readable =
        move || outcome.with(|o| o.as_ref().is_some_and(|i| i.mapping_problems.is_empty()));
    let valid_count = move || outcome.with(|o| o.as_ref().map_or(0, |i| i.valid.len()));

    let error_lines = Memo::new(move |_| {
        let locale = i18n.get_locale();
        outcome.with(|o| {
            let Some(import) = o.as_ref() else {
                return Vec::new();
            };
            let lines: Vec<String> = import
                .errors
                .iter()
                .map(|e| row_error_line(locale, e))
                .collect();
            capped(locale, lines.into_iter())
        })
    });
    let rows_with_errors = move || {
        outcome.with(|o| {
            o.as_ref().map_or(0, |i| {
                i.errors
                    .iter()
                    .map(|e| e.line)
                    .collect::<BTreeSet<_>>()
                    .len()
            })
        })
    };
    let duplicate_lines = Memo::new(move |_| {
        let locale = i18n.get_locale();
        outcome.with(|o| {
            let Some(import) = o.as_ref() else {
                return Vec::new();
            };
            let lines: Vec<String> = state.workspace.with(|ws| {
                let name_of = |id: &ParticipantId| {
                    ws.participants
                        .iter()
                        .find(|p| &p.id == id)
                        .map(|p| p.name.clone())
                };
                import
                    .duplicates
                    .iter()
                    .map(|d| duplicate_line(locale, d, name_of))
                    .collect()
            });
            capped(locale, lines.into_iter())
        })
    });

    let preview = move || {
        outcome.with(|o| {
            o.as_ref()
                .map(|import| {
                    import
                        .valid
                        .iter()
                        .take(PREVIEW_ROWS)
                        .map(|(line, p)| (*line, p.clone()))
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };

    let intro_name = file_name.clone();
    view! {
        <section class="preview" aria-labelledby=MAPPING_HEADING_ID>
            <h3 id=MAPPING_HEADING_ID tabindex="-1">{t!(i18n, csv_import.mapping_heading)}</h3>
            <p>
                {move || {
                    let l = i18n.get_locale();
                    td_string!(l, csv_import.mapping_intro, name = intro_name.clone(), rows = format::count(l, rows)).to_string()
                }}
            </p>
            <div
                class="table-wrap"
                tabindex="0"
                role="region"
                aria-label=move || t_string!(i18n, csv_import.mapping_caption).to_string()
            >
                <table class="csv-mapping">
                    <caption class="visually-hidden">{t!(i18n, csv_import.mapping_caption)}</caption>
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, csv_import.col_column)}</th>
                            <th scope="col">{t!(i18n, csv_import.col_field)}</th>
                        </tr>
                    </thead>
                    <tbody>{mapping_rows}</tbody>
                </table>
            </div>

            <Show when=move || !mapping_lines.with(Vec::is_empty)>
                <div class="problems" role="alert">
                    <p class="problems-heading">{t!(i18n, csv_import.mapping_problems)}</p>
                    <ul>{move || mapping_lines.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                </div>
            </Show>

            <Show when=readable>
                <p class="import-result" role="status">
                    {move || {
                        let l = i18n.get_locale();
                        let (valid, total) = outcome.with(|o| o.as_ref().map_or((0, 0), |i| (i.valid.len(), i.rows)));
                        if valid == 0 {
                            t_string!(i18n, csv_import.nothing_to_add).to_string()
                        } else {
                            summary_line(l, valid, total - valid)
                        }
                    }}
                </p>
                <Show when=move || { valid_count() > 0 }>
                    <h4 class="label">{t!(i18n, csv_import.preview_heading)}</h4>
                    <div class="table-wrap" tabindex="0" role="region" aria-labelledby="csv-preview-caption">
                        <table class="csv-preview">
                            <caption id="csv-preview-caption" class="visually-hidden">
                                {move || {
                                    let l = i18n.get_locale();
                                    let total = valid_count();
                                    td_string!(l, csv_import.preview_caption,
                                        shown = format::count(l, total.min(PREVIEW_ROWS)),
                                        total = format::count(l, total)).to_string()
                                }}
                            </caption>
                            <thead>
                                <tr>
                                    <th scope="col" class="num">{t!(i18n, csv_import.col_row)}</th>
                                    <th scope="col">{t!(i18n, participants.name)}</th>
                                    <th scope="col">{t!(i18n, participants.email)}</th>
                                    <th scope="col">{t!(i18n, participants.role)}</th>
                                    <th scope="col">{t!(i18n, participants.department)}</th>
                                    <th scope="col">{t!(i18n, participants.job_title)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {move || preview().into_iter().map(|(line, p)| {
                                    let role = p.role;
                                    view! {
                                        <tr>
                                            <td class="num">{line}</td>
                                            <th scope="row">{p.name}</th>
                                            <td>{p.email}</td>
                                            <td>{move || role_label(i18n.get_locale(), role)}</td>
                                            <td>{p.department}</td>
                                            <td>{p.job_title}</td>
                                        </tr>
                                    }
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                </Show>
                <Show when=move || !error_lines.with(Vec::is_empty)>
                    <div class="problems" role="alert">
                        <p class="problems-heading">
                            {move || {
                                let l = i18n.get_locale();
                                td_string!(l, csv_import.errors_heading, count = format::count(l, rows_with_errors())).to_string()
                            }}
                        </p>
                        <ul>{move || error_lines.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    </div>
                </Show>
                <Show when=move || !duplicate_lines.with(Vec::is_empty)>
                    <div class="warnings">
                        <p>
                            {move || {
                                let l = i18n.get_locale();
                                let count = outcome.with(|o| o.as_ref().map_or(0, |i| i.duplicates.len()));
                                td_string!(l, csv_import.duplicates_heading, count = format::count(l, count)).to_string()
                            }}
                        </p>
                        <ul>{move || duplicate_lines.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    </div>
                </Show>
            </Show>

            <div class="actions">
                <Show when=move || { readable() && valid_count() > 0 }>
                    <button type="button" class="primary" on:click=move |_| on_confirm.run(())>
                        {move || add_button_label(i18n.get_locale(), valid_count())}
                    </button>
                </Show>
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>
                    {t!(i18n, common.cancel)}
                </button>
            </div>
        </section>
    }
}

//! Data page: export, import with preview, demo data, delete everything.

use super::encrypted::{EncryptedExport, UnlockFile};
use crate::app::browser;
use crate::app::components::{ConfirmDialog, ProblemList};
use crate::app::format;
use crate::app::i18n::*;
use crate::app::messages::{problem_line, warning_line};
use crate::app::router::{Page, use_router};
use crate::app::state::{AppState, SaveState, use_state};
use crate::domain::backups::SnapshotReason;
use crate::domain::demo::{demo_workspace, finished_demo_workspace};
use crate::domain::problem::ProblemKind;
use crate::domain::{Problem, Role, Workspace};
use crate::io::encrypted::is_encrypted;
use crate::io::{ImportPreview, MAX_IMPORT_BYTES, export_file_name, export_json, import_bytes};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// How many problems to list before summarising the rest.
const SHOWN_PROBLEMS: usize = 200;

/// Downloads the whole program as `inversa-<slug>-<date>.json`.
pub fn export_now(state: AppState, locale: Locale) {
    let workspace = state.workspace.get_untracked();
    let json = export_json(&workspace, &browser::now_iso());
    let name = export_file_name(&workspace.program.name, browser::today());
    let text = match browser::download(&name, "application/json", &json) {
        Ok(()) => td_string!(locale, data.exported, name = name).to_string(),
        Err(_) => td_string!(locale, data.export_failed).to_string(),
    };
    state.notify(text);
}

#[derive(Clone)]
struct PendingImport {
    file_name: String,
    preview: ImportPreview,
}

#[component]
pub fn DataPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let router = use_router();
    let pending = RwSignal::new(None::<PendingImport>);
    let problems = RwSignal::new(None::<(String, Vec<Problem>)>);
    let reading = RwSignal::new(false);
    // An encrypted file waits here for its passphrase.
    let locked = RwSignal::new(None::<(String, StoredValue<Vec<u8>>)>);

    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|files| files.get(0)) else {
            return;
        };
        // Let the same file be picked again after fixing it.
        input.set_value("");
        pending.set(None);
        problems.set(None);
        locked.set(None);
        let file_name = file.name();
        let size = file.size() as u64;
        if size > MAX_IMPORT_BYTES as u64 {
            let too_large = Problem::whole_file(ProblemKind::TooLarge {
                bytes: size,
                max: MAX_IMPORT_BYTES as u64,
            });
            problems.set(Some((file_name, vec![too_large])));
            return;
        }
        reading.set(true);
        leptos::task::spawn_local(async move {
            let result = browser::read_file(&file).await;
            reading.set(false);
            match result {
                Ok(bytes) if is_encrypted(&bytes) => {
                    locked.set(Some((file_name, StoredValue::new(bytes))));
                }
                Ok(bytes) => match import_bytes(&bytes) {
                    Ok(preview) => pending.set(Some(PendingImport { file_name, preview })),
                    Err(found) => problems.set(Some((file_name, found))),
                },
                Err(_) => {
                    problems.set(Some((
                        file_name,
                        vec![Problem::whole_file(ProblemKind::EmptyFile)],
                    )));
                }
            }
        });
    };

    let confirm_import = move |_| {
        let Some(import) = pending.get_untracked() else {
            return;
        };
        let locale = i18n.get_locale_untracked();
        let participants = import.preview.workspace.participants.len();
        state.replace(
            import.preview.workspace,
            false,
            SnapshotReason::BeforeImport,
        );
        pending.set(None);
        state.notify(
            td_string!(
                locale,
                data.imported,
                count = format::count(locale, participants)
            )
            .to_string(),
        );
        router.go(Page::Overview);
    };

    let demo_open = RwSignal::new(false);
    // The plain demo starts before pairing; the finished one is the same
    // company after a whole program, to show the Impact page with figures.
    let finished = RwSignal::new(false);
    let load_demo = Callback::new(move |()| {
        let (workspace, page) = if finished.get_untracked() {
            (finished_demo_workspace(), Page::Impact)
        } else {
            (demo_workspace(), Page::Overview)
        };
        state.replace(workspace, true, SnapshotReason::BeforeDemo);
        state.notify(t_string!(i18n, data.demo_loaded).to_string());
        router.go(page);
    });
    let on_demo = move |which: bool| {
        finished.set(which);
        let has_own_work =
            !state.demo.get_untracked() && state.workspace.with_untracked(has_content);
        if has_own_work {
            demo_open.set(true)
        } else {
            load_demo.run(())
        }
    };

    let delete_open = RwSignal::new(false);
    let delete_all = Callback::new(move |()| {
        state.replace(Workspace::default(), false, SnapshotReason::BeforeDeleteAll);
        state.notify(t_string!(i18n, data.deleted).to_string());
    });
    let delete_message = Signal::derive(move || {
        // Worked out when the dialog opens, not on every edit.
        if !delete_open.get() {
            return String::new();
        }
        let locale = i18n.get_locale();
        let what = state.workspace.with(|ws| {
            td_string!(
                locale,
                data.delete_confirm_text,
                program = if ws.program.name.trim().is_empty() {
                    "—".to_string()
                } else {
                    ws.program.name.clone()
                },
                participants = format::count(locale, ws.participants.len()),
                objectives = format::count(locale, ws.program.objectives.len()),
                pairs = format::count(locale, ws.pairing.pairs.len() + ws.pairing.circles.len()),
                sessions = format::count(locale, ws.sessions.sessions.len()),
                answers = format::count(locale, ws.sessions.responses.len())
            )
            .to_string()
        });
        let backup = match copy_kind(state) {
            CopyKind::Kept => td_string!(locale, data.delete_backup_kept),
            CopyKind::TooLarge => td_string!(locale, data.delete_no_backup),
            CopyKind::NoStorage => td_string!(locale, data.delete_no_storage),
            CopyKind::NotNeeded if state.demo.get() => td_string!(locale, data.delete_demo_note),
            CopyKind::NotNeeded => "",
        };
        format!("{what} {backup}").trim_end().to_string()
    });
    let replace_message = Signal::derive(move || {
        let locale = i18n.get_locale();
        let count = state.workspace.with(|ws| ws.participants.len());
        td_string!(
            locale,
            data.replace_warning,
            count = format::count(locale, count)
        )
        .to_string()
    });

    view! {
        <div class="page">
            <h1 id="page-heading" tabindex="-1">{t!(i18n, data.title)}</h1>
            <p class="lead">{t!(i18n, data.lead)}</p>

            <section class="card" aria-labelledby="export-heading">
                <h2 id="export-heading">{t!(i18n, data.export_heading)}</h2>
                <p>{t!(i18n, data.export_text)}</p>
                <button type="button" class="primary" on:click=move |_| export_now(state, i18n.get_locale_untracked())>
                    {t!(i18n, data.export_button)}
                </button>
                <EncryptedExport/>
            </section>

            <section class="card" aria-labelledby="import-heading">
                <h2 id="import-heading">{t!(i18n, data.import_heading)}</h2>
                <p>{t!(i18n, data.import_text)}</p>
                <div class="field">
                    <label for="import-file">{t!(i18n, data.import_label)}</label>
                    <input id="import-file" type="file" accept=".json,application/json" on:change=on_file/>
                </div>
                <Show when=move || reading.get()>
                    <p role="status">{t!(i18n, data.reading)}</p>
                </Show>
                {move || problems.get().map(|(file_name, found)| view! { <ImportProblems file_name=file_name problems=found/> })}
                {move || locked.get().map(|(file_name, bytes)| {
                    let name = file_name.clone();
                    // Decrypted, the export goes through the usual checks and preview.
                    let on_open = Callback::new(move |plain: Vec<u8>| {
                        locked.set(None);
                        match import_bytes(&plain) {
                            Ok(preview) => pending.set(Some(PendingImport { file_name: name.clone(), preview })),
                            Err(found) => problems.set(Some((name.clone(), found))),
                        }
                    });
                    view! {
                        <UnlockFile file_name=file_name bytes=bytes on_open=on_open on_cancel=Callback::new(move |()| locked.set(None))/>
                    }
                })}
                {move || pending.get().map(|import| {
                    view! { <ImportPreviewCard import=import replace_message=replace_message/> }
                })}
                {move || pending.get().map(|import| view! {
                    <super::merge_import::ImportChoice
                        file_name=import.file_name
                        theirs=import.preview.workspace
                        on_replace=Callback::new(confirm_import)
                        on_cancel=Callback::new(move |()| pending.set(None))
                        on_merged=Callback::new(move |()| {
                            pending.set(None);
                            router.go(Page::Overview);
                        })
                    />
                })}
            </section>

            <super::csv_import::CsvImportSection/>

            <section class="card" aria-labelledby="storage-heading">
                <h2 id="storage-heading">{t!(i18n, data.storage_heading)}</h2>
                <p>{t!(i18n, data.storage_text)}</p>
                <p>
                    {move || {
                        let locale = i18n.get_locale();
                        match state.save.get() {
                            SaveState::Saved { at, bytes } => td_string!(
                                locale,
                                data.storage_status,
                                size = format::size(locale, bytes),
                                time = format::instant(locale, &at)
                            )
                            .to_string(),
                            _ => td_string!(locale, footer.not_saved).to_string(),
                        }
                    }}
                </p>
            </section>

            // The single-file app is part of a served build; a copy opened
            // from disk has nothing to offer here.
            {browser::served_over_http().then(|| view! {
                <section class="card" aria-labelledby="offline-heading">
                    <h2 id="offline-heading">{t!(i18n, data.offline_heading)}</h2>
                    <p>{t!(i18n, data.offline_text)}</p>
                    <a class="button-link secondary" href="inversa.html" download="inversa.html">{t!(i18n, data.offline_download)}</a>
                </section>
            })}

            <section class="card" aria-labelledby="demo-heading">
                <h2 id="demo-heading">{t!(i18n, data.demo_heading)}</h2>
                <p>{t!(i18n, data.demo_text)}</p>
                <div class="actions">
                    <button type="button" class="secondary" on:click=move |_| on_demo(false)>{t!(i18n, data.load_demo)}</button>
                    <button type="button" class="secondary" on:click=move |_| on_demo(true)>{t!(i18n, data.load_finished_demo)}</button>
                </div>
            </section>

            <super::backups::BackupsSection/>

            <section class="card danger-zone" aria-labelledby="delete-heading">
                <h2 id="delete-heading">{t!(i18n, data.delete_heading)}</h2>
                <p>{t!(i18n, data.delete_text)}</p>
                <button type="button" class="danger" on:click=move |_| delete_open.set(true)>{t!(i18n, data.delete_all)}</button>
            </section>

            <ConfirmDialog
                open=demo_open
                title=Signal::derive(move || if finished.get() { t_string!(i18n, data.load_finished_demo) } else { t_string!(i18n, data.load_demo) }.to_string())
                message=replace_message
                confirm_label=Signal::derive(move || if finished.get() { t_string!(i18n, data.load_finished_demo) } else { t_string!(i18n, data.load_demo) }.to_string())
                on_confirm=load_demo
            />
            <ConfirmDialog
                open=delete_open
                title=Signal::derive(move || t_string!(i18n, data.delete_all).to_string())
                message=delete_message
                confirm_label=Signal::derive(move || t_string!(i18n, data.delete_all).to_string())
                on_confirm=delete_all
                danger=true
            />
        </div>
    }
}

/// Why a file cannot be imported: every problem with its location, in an alert.
#[component]
pub fn ImportProblems(file_name: String, problems: Vec<Problem>) -> impl IntoView {
    let i18n = use_i18n();
    let total = problems.len();
    let lines = Signal::derive(move || {
        let locale = i18n.get_locale();
        let mut lines: Vec<String> = problems
            .iter()
            .take(SHOWN_PROBLEMS)
            .map(|p| problem_line(locale, p))
            .collect();
        if problems.len() > SHOWN_PROBLEMS {
            let more = format::count(locale, problems.len() - SHOWN_PROBLEMS);
            lines.push(td_string!(locale, data.more_problems, count = more).to_string());
        }
        lines
    });
    let heading = Signal::derive(move || {
        let locale = i18n.get_locale();
        td_string!(
            locale,
            data.import_failed,
            name = file_name.clone(),
            count = format::count(locale, total)
        )
        .to_string()
    });
    view! { <ProblemList heading=heading lines=lines/> }
}

/// Whether a copy of the program as last saved would fit next to it.
pub fn copy_fits(state: AppState) -> bool {
    state.save.track();
    crate::app::backups::policy().fits(state.saved_size())
}

/// What replacing the program now would do about a copy, for the dialogs
/// to say so truthfully.
pub enum CopyKind {
    Kept,
    TooLarge,
    /// Storage is full or blocked: no copy can be written.
    NoStorage,
    /// Empty, or a demo as shipped: nothing to keep.
    NotNeeded,
}

pub fn copy_kind(state: AppState) -> CopyKind {
    let worth = state
        .workspace
        .with(|ws| crate::domain::backups::worth_keeping(ws, state.demo.get()));
    if !worth {
        CopyKind::NotNeeded
    } else if matches!(
        state.save.get(),
        SaveState::Full | SaveState::Unavailable | SaveState::Paused
    ) {
        CopyKind::NoStorage
    } else if copy_fits(state) {
        CopyKind::Kept
    } else {
        CopyKind::TooLarge
    }
}

fn has_content(ws: &Workspace) -> bool {
    !ws.participants.is_empty()
        || !ws.program.objectives.is_empty()
        || !ws.program.name.trim().is_empty()
}

/// What an import would bring in, before anything is replaced.
#[component]
fn ImportPreviewCard(import: PendingImport, replace_message: Signal<String>) -> impl IntoView {
    let i18n = use_i18n();
    let PendingImport { file_name, preview } = import;
    let ws = &preview.workspace;
    let mentors = ws
        .participants
        .iter()
        .filter(|p| p.role == Role::ReverseMentor)
        .count();
    let mentees = ws.participants.len() - mentors;
    let program_name = ws.program.name.clone();
    let organisation = ws.program.organisation.clone();
    let participants = ws.participants.len();
    let objectives = ws.program.objectives.len();
    let custom_skills = ws.catalogue.custom.len();
    let exported_at = preview.exported_at.clone();
    let warnings = preview.warnings.clone();
    view! {
        <section class="preview" aria-labelledby="preview-heading">
            <h3 id="preview-heading">{move || td_string!(i18n.get_locale(), data.preview_heading, name = file_name.clone()).to_string()}</h3>
            <dl class="summary">
                <dt>{t!(i18n, program.name)}</dt><dd>{program_name}</dd>
                <dt>{t!(i18n, program.organisation)}</dt><dd>{organisation}</dd>
                <dt>{t!(i18n, data.preview_participants)}</dt>
                <dd>{move || {
                    let l = i18n.get_locale();
                    td_string!(l, data.preview_participants_value,
                        total = format::count(l, participants),
                        mentors = format::count(l, mentors),
                        mentees = format::count(l, mentees)).to_string()
                }}</dd>
                <dt>{t!(i18n, data.preview_objectives)}</dt><dd>{move || format::count(i18n.get_locale(), objectives)}</dd>
                <dt>{t!(i18n, data.preview_custom_skills)}</dt><dd>{move || format::count(i18n.get_locale(), custom_skills)}</dd>
                <dt>{t!(i18n, data.preview_exported_at)}</dt>
                <dd>{move || exported_at.as_deref().map(|at| format::instant(i18n.get_locale(), at)).unwrap_or_else(|| "—".into())}</dd>
            </dl>
            {(!warnings.is_empty()).then(|| {
                let count = warnings.len();
                view! {
                    <div class="warnings">
                        <p>{move || td_string!(i18n.get_locale(), data.preview_warnings, count = format::count(i18n.get_locale(), count)).to_string()}</p>
                        <ul>
                            {move || {
                                let locale = i18n.get_locale();
                                warnings.iter().take(SHOWN_PROBLEMS).map(|w| view! { <li>{warning_line(locale, w)}</li> }).collect_view()
                            }}
                        </ul>
                    </div>
                }
            })}
            <p class="replace-warning">{move || replace_message.get()}</p>
        </section>
    }
}

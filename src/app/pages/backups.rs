//! The Backups section of the Data page: the copies kept in this browser,
//! with "Restore" and "Download" for each, "Back up now" and "Delete backups".

use super::data::CopyKind;
use crate::app::backups::{self, NotKept};
use crate::app::browser;
use crate::app::components::{ConfirmDialog, ProblemList};
use crate::app::format;
use crate::app::i18n::*;
use crate::app::messages::problem_line;
use crate::app::router::{Page, use_router};
use crate::app::state::use_state;
use crate::domain::backups::{SnapshotInfo, SnapshotReason};
use crate::domain::{Date, Problem};
use crate::io::{export_file_name, export_json};
use leptos::prelude::*;

pub fn reason_label(locale: Locale, reason: SnapshotReason) -> String {
    match reason {
        SnapshotReason::Automatic => td_string!(locale, data.backup_reason.automatic),
        SnapshotReason::Manual => td_string!(locale, data.backup_reason.manual),
        SnapshotReason::BeforeImport => td_string!(locale, data.backup_reason.before_import),
        SnapshotReason::BeforeMerge => td_string!(locale, data.backup_reason.before_merge),
        SnapshotReason::BeforeDemo => td_string!(locale, data.backup_reason.before_demo),
        SnapshotReason::BeforeRestore => td_string!(locale, data.backup_reason.before_restore),
        SnapshotReason::BeforeDeleteAll => {
            td_string!(locale, data.backup_reason.before_delete_all)
        }
        SnapshotReason::BeforeNewProgram => {
            td_string!(locale, data.backup_reason.before_new_program)
        }
    }
    .to_string()
}

fn summary_line(locale: Locale, info: &SnapshotInfo) -> String {
    let s = &info.summary;
    td_string!(
        locale,
        data.backup_summary,
        participants = format::count(locale, s.participants),
        pairs = format::count(locale, s.pairs + s.circles),
        sessions = format::count(locale, s.sessions),
        size = format::size(locale, info.bytes)
    )
    .to_string()
}

fn program_name(info: &SnapshotInfo) -> String {
    let name = info.summary.program_name.trim();
    if name.is_empty() { "—" } else { name }.to_string()
}

#[component]
pub fn BackupsSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let router = use_router();
    // Another tab may have added copies: read the list again on opening.
    state.backups.set(backups::list());
    let chosen = RwSignal::new(None::<SnapshotInfo>);
    let restore_open = RwSignal::new(false);
    let delete_open = RwSignal::new(false);
    let unreadable = RwSignal::new(None::<(String, Vec<String>)>);

    let back_up_now = move |_| {
        let locale = i18n.get_locale_untracked();
        let text = if state
            .workspace
            .with_untracked(|ws| crate::domain::backups::ProgramSummary::of(ws, false).is_empty())
        {
            td_string!(locale, data.backup_nothing).to_string()
        } else {
            match state.back_up(SnapshotReason::Manual) {
                Ok(_) => td_string!(locale, data.backup_taken).to_string(),
                Err(NotKept::NoRoom | NotKept::Unavailable) => {
                    td_string!(locale, data.backup_not_kept).to_string()
                }
            }
        };
        state.notify(text);
    };

    // A copy damaged in storage (by hand, or by another program) is listed
    // with its problems instead of restored or downloaded.
    let show_unreadable = move |info: &SnapshotInfo, problems: &[Problem]| {
        let locale = i18n.get_locale_untracked();
        let lines = problems.iter().map(|p| problem_line(locale, p)).collect();
        let heading = td_string!(
            locale,
            data.backup_unreadable,
            time = format::instant(locale, &info.taken_at),
            count = format::count(locale, problems.len())
        )
        .to_string();
        unreadable.set(Some((heading, lines)));
    };

    let restore = Callback::new(move |()| {
        let Some(info) = chosen.get_untracked() else {
            return;
        };
        let locale = i18n.get_locale_untracked();
        let time = format::instant(locale, &info.taken_at);
        match backups::read(info.id) {
            Ok(stored) => {
                unreadable.set(None);
                state.replace(stored.workspace, stored.demo, SnapshotReason::BeforeRestore);
                state.notify(td_string!(locale, data.restored, time = time).to_string());
                router.go(Page::Overview);
            }
            Err(problems) => show_unreadable(&info, &problems),
        }
    });

    let download = move |info: &SnapshotInfo| {
        let locale = i18n.get_locale_untracked();
        match backups::read(info.id) {
            Ok(stored) => {
                let json = export_json(&stored.workspace, &stored.saved_at);
                // The copy's own date (UTC, as stored), else today's.
                let taken = info
                    .taken_at
                    .get(..10)
                    .and_then(Date::parse_iso)
                    .unwrap_or_else(browser::today);
                let name = export_file_name(&stored.workspace.program.name, taken)
                    .replace(".json", "-backup.json");
                let text = match browser::download(&name, "application/json", &json) {
                    Ok(()) => td_string!(locale, data.exported, name = name).to_string(),
                    Err(_) => td_string!(locale, data.export_failed).to_string(),
                };
                state.notify(text);
            }
            Err(problems) => show_unreadable(info, &problems),
        }
    };

    let restore_message = Signal::derive(move || {
        if !restore_open.get() {
            return String::new();
        }
        let locale = i18n.get_locale();
        chosen
            .get()
            .map(|info| {
                let what = td_string!(
                    locale,
                    data.restore_text,
                    time = format::instant(locale, &info.taken_at),
                    program = program_name(&info),
                    summary = summary_line(locale, &info)
                );
                let backup = match super::data::copy_kind(state) {
                    CopyKind::Kept => td_string!(locale, data.restore_backup_kept),
                    CopyKind::TooLarge => td_string!(locale, data.restore_no_backup),
                    CopyKind::NoStorage => td_string!(locale, data.restore_no_storage),
                    CopyKind::NotNeeded => td_string!(locale, data.restore_undo_only),
                };
                format!("{what} {backup}")
            })
            .unwrap_or_default()
    });
    let delete_message = Signal::derive(move || {
        let locale = i18n.get_locale();
        td_string!(
            locale,
            data.delete_backups_text,
            count = format::count(locale, state.backups.with(Vec::len))
        )
        .to_string()
    });

    // No copy fits next to a program this large (see BackupPolicy::budget).
    let too_large = move || !super::data::copy_fits(state);

    view! {
        <section class="card" aria-labelledby="backups-heading">
            <h2 id="backups-heading">{t!(i18n, data.backups_heading)}</h2>
            <p>{move || {
                let locale = i18n.get_locale();
                td_string!(locale, data.backups_text, count = format::count(locale, backups::policy().max_snapshots)).to_string()
            }}</p>
            {move || unreadable.get().map(|(heading, lines)| view! { <ProblemList heading=heading lines=lines/> })}
            <Show when=too_large>
                <p class="hint">{t!(i18n, data.backups_too_large)}</p>
            </Show>
            <Show
                when=move || state.backups.with(|b| !b.is_empty())
                fallback=move || view! { <p class="muted">{t!(i18n, data.backups_none)}</p> }
            >
                <ul class="backup-list" aria-label=move || t_string!(i18n, data.backups_list).to_string()>
                    <For
                        each=move || state.backups.get()
                        key=|info| (info.id, info.taken_ms)
                        children=move |info| {
                            let when_id = format!("backup-{}-when", info.id);
                            let for_restore = info.clone();
                            let for_download = info.clone();
                            let shown = info.clone();
                            view! {
                                <li class="backup">
                                    <div class="backup-text">
                                        <p class="backup-when" id=when_id.clone()>
                                            <strong>{move || format::instant(i18n.get_locale(), &shown.taken_at)}</strong>
                                            " · "{move || reason_label(i18n.get_locale(), shown.reason)}
                                        </p>
                                        <p class="backup-what">
                                            {program_name(&info)}
                                            {info.summary.demo.then(|| view! { " (" {t!(i18n, data.backup_demo)} ")" })}
                                            " · "{move || summary_line(i18n.get_locale(), &info)}
                                        </p>
                                    </div>
                                    <div class="actions">
                                        <button type="button" class="secondary" aria-describedby=when_id.clone()
                                            on:click=move |_| { chosen.set(Some(for_restore.clone())); restore_open.set(true); }>
                                            {t!(i18n, data.restore)}
                                        </button>
                                        <button type="button" class="link" aria-describedby=when_id
                                            on:click=move |_| download(&for_download)>
                                            {t!(i18n, data.download_backup)}
                                        </button>
                                    </div>
                                </li>
                            }
                        }
                    />
                </ul>
            </Show>
            <div class="actions">
                <button type="button" class="secondary" on:click=back_up_now>{t!(i18n, data.backup_now)}</button>
                <Show when=move || state.backups.with(|b| !b.is_empty())>
                    <button type="button" class="link danger-text" on:click=move |_| delete_open.set(true)>
                        {t!(i18n, data.delete_backups)}
                    </button>
                </Show>
            </div>
            <ConfirmDialog
                open=restore_open
                title=Signal::derive(move || t_string!(i18n, data.restore_title).to_string())
                message=restore_message
                confirm_label=Signal::derive(move || t_string!(i18n, data.restore).to_string())
                on_confirm=restore
            />
            <ConfirmDialog
                open=delete_open
                title=Signal::derive(move || t_string!(i18n, data.delete_backups).to_string())
                message=delete_message
                confirm_label=Signal::derive(move || t_string!(i18n, data.delete_backups).to_string())
                on_confirm=Callback::new(move |()| {
                    state.delete_backups();
                    state.notify(t_string!(i18n, data.backups_deleted).to_string());
                })
                danger=true
            />
        </section>
    }
}

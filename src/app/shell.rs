//! The frame around every page: header, navigation, language, banners,
//! footer and the live region for confirmations.

use super::components::ConfirmDialog;
use super::i18n::*;
use super::lang;
use super::router::{Page, use_router};
use super::state::{AppState, SaveState, use_state};
use super::{browser, messages, pages};
use crate::domain::backups::{CountChange, Counted, ProgramSummary, SnapshotReason};
use crate::domain::{Program, Workspace};
use leptos::prelude::*;

pub fn page_title(locale: Locale, page: Page) -> String {
    match page {
        Page::Overview => td_string!(locale, nav.overview),
        Page::Participants => td_string!(locale, nav.participants),
        Page::Program => td_string!(locale, nav.program),
        Page::Pairing => td_string!(locale, nav.pairing),
        Page::Sessions => td_string!(locale, nav.sessions),
        Page::Impact => td_string!(locale, nav.impact),
        Page::Guides => td_string!(locale, nav.guides),
        Page::Data => td_string!(locale, nav.data),
    }
    .to_string()
}

#[component]
pub fn Header() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let router = use_router();
    let program_name = move || state.workspace.with(|ws| ws.program.name.clone());
    let on_language = move |ev: leptos::ev::Event| {
        if let Some(locale) = lang::from_code(&event_target_value(&ev)) {
            lang::choose(i18n, locale);
        }
    };
    view! {
        <header class="site-header">
            <div class="header-inner">
                <a class="brand" href=Page::Overview.hash()>
                    <span class="brand-mark" aria-hidden="true">"⇄"</span>
                    <span class="brand-name">"Inversa"</span>
                </a>
                <p class="program-name">
                    <span class="visually-hidden">{t!(i18n, shell.current_program)}" "</span>
                    {move || {
                        let name = program_name();
                        if name.trim().is_empty() { t_string!(i18n, shell.untitled_program).to_string() } else { name }
                    }}
                </p>
                <HistoryControls/>
                <div class="language">
                    <label for="language-select">{t!(i18n, shell.language)}</label>
                    <select id="language-select" on:change=on_language>
                        // Each language is named in itself (endonyms), whatever the UI language.
                        <option value="en" selected=move || i18n.get_locale() == Locale::en>{t!(i18n, shell.language_en)}</option>
                        <option value="es" selected=move || i18n.get_locale() == Locale::es>{t!(i18n, shell.language_es)}</option>
                        <option value="it" selected=move || i18n.get_locale() == Locale::it>{t!(i18n, shell.language_it)}</option>
                    </select>
                </div>
            </div>
            <nav class="site-nav" aria-label=move || t_string!(i18n, shell.main_navigation).to_string()>
                <ul>
                    {Page::ALL
                        .into_iter()
                        .map(|page| {
                            view! {
                                <li>
                                    <a
                                        href=page.hash()
                                        aria-current=move || (router.page.get() == page).then_some("page")
                                    >
                                        {move || page_title(i18n.get_locale(), page)}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </nav>
        </header>
    }
}

/// "Undo" and "Redo" of the last edits, with Ctrl+Z / Ctrl+Y (⌘ on a Mac)
/// outside text fields, whose own undo the browser keeps.
#[component]
fn HistoryControls() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    // Says what moved, in counts, since the change may be on another page.
    let step = move |go: fn(&AppState) -> bool, redone: bool| {
        let summary = || {
            state
                .workspace
                .with_untracked(|ws| ProgramSummary::of(ws, false))
        };
        let before = summary();
        if !go(&state) {
            return;
        }
        // A form built again takes the focused control with it: the page's
        // heading then takes the focus, not the top of the document.
        request_animation_frame(|| {
            if browser::focus_lost() {
                browser::focus_element("page-heading");
            }
        });
        let locale = i18n.get_locale_untracked();
        let changes: Vec<String> = before
            .changes_to(&summary())
            .into_iter()
            .map(|c| count_change(locale, c))
            .collect();
        let text = match (changes.is_empty(), redone) {
            (true, false) => td_string!(locale, shell.undone).to_string(),
            (true, true) => td_string!(locale, shell.redone).to_string(),
            (false, false) => {
                td_string!(locale, shell.undone_with, changes = changes.join(", ")).to_string()
            }
            (false, true) => {
                td_string!(locale, shell.redone_with, changes = changes.join(", ")).to_string()
            }
        };
        state.notify(text);
    };
    let undo = move || step(AppState::undo, false);
    let redo = move || step(AppState::redo, true);
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if !(ev.ctrl_key() || ev.meta_key()) || ev.alt_key() || browser::typing_or_in_dialog(&ev) {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => redo(),
            "z" => undo(),
            "y" => redo(),
            _ => return,
        }
        ev.prevent_default();
    });
    on_cleanup(move || keys.remove());
    view! {
        <div class="history-controls" role="group" aria-label=move || t_string!(i18n, shell.history).to_string()>
            // aria-disabled, not disabled: a button that turns disabled under
            // the keyboard focus drops it to the page's top.
            <button type="button" class="header-button" aria-keyshortcuts="Control+Z" title=move || t_string!(i18n, shell.undo).to_string()
                aria-disabled=move || (state.history_depth.get().0 == 0).then_some("true") on:click=move |_| undo()>
                <span aria-hidden="true">"↶"</span><span class="button-text">" "{t!(i18n, shell.undo)}</span>
            </button>
            <button type="button" class="header-button" aria-keyshortcuts="Control+Y" title=move || t_string!(i18n, shell.redo).to_string()
                aria-disabled=move || (state.history_depth.get().1 == 0).then_some("true") on:click=move |_| redo()>
                <span aria-hidden="true">"↷"</span><span class="button-text">" "{t!(i18n, shell.redo)}</span>
            </button>
        </div>
    }
}

fn count_change(locale: Locale, change: CountChange) -> String {
    let (from, to) = (
        super::format::count(locale, change.from),
        super::format::count(locale, change.to),
    );
    match change.what {
        Counted::Participants => td_string!(
            locale,
            shell.count_change.participants,
            from = from,
            to = to
        ),
        Counted::Objectives => {
            td_string!(locale, shell.count_change.objectives, from = from, to = to)
        }
        Counted::Pairs => td_string!(locale, shell.count_change.pairs, from = from, to = to),
        Counted::Circles => td_string!(locale, shell.count_change.circles, from = from, to = to),
        Counted::Sessions => td_string!(locale, shell.count_change.sessions, from = from, to = to),
        Counted::CheckinRounds => {
            td_string!(locale, shell.count_change.rounds, from = from, to = to)
        }
        Counted::Answers => td_string!(locale, shell.count_change.answers, from = from, to = to),
    }
    .to_string()
}

/// Demo notice and storage problems, above every page.
#[component]
pub fn Banners() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let router = use_router();
    let confirm_start = RwSignal::new(false);
    let start_own = Callback::new(move |()| {
        let workspace = Workspace {
            program: Program::default(),
            ..Workspace::default()
        };
        state.replace(workspace, false, SnapshotReason::BeforeNewProgram);
        state.notify(t_string!(i18n, banner.started_own).to_string());
        router.go(Page::Program);
    });
    let download_unreadable = move |_| {
        if let Some(unreadable) = state.unreadable.get_untracked() {
            let name = format!("inversa-unreadable-{}.txt", browser::today());
            let _ = browser::download(&name, "text/plain", &unreadable.raw);
        }
    };
    // The service worker has a new version waiting (see scripts/post-build/boot.mjs).
    let update_ready = RwSignal::new(browser::update_waiting());
    let on_update =
        window_event_listener_untyped("inversa-update-ready", move |_| update_ready.set(true));
    on_cleanup(move || on_update.remove());
    let discard_open = RwSignal::new(false);
    let discard = Callback::new(move |()| state.discard_unreadable());

    view! {
        <div class="banners">
            <Show when=move || state.demo.get()>
                <section class="banner demo" aria-labelledby="demo-banner-title">
                    <div>
                        <h2 id="demo-banner-title">{t!(i18n, banner.demo_title)}</h2>
                        <p>{t!(i18n, banner.demo_text)}</p>
                    </div>
                    <button type="button" class="primary" on:click=move |_| confirm_start.set(true)>
                        {t!(i18n, banner.start_own)}
                    </button>
                </section>
            </Show>
            {move || match state.save.get() {
                SaveState::Full => Some(view! {
                    <div class="banner error" role="alert">
                        <p>{t!(i18n, banner.storage_full)}</p>
                        <button type="button" class="primary" on:click=move |_| pages::data::export_now(state, i18n.get_locale_untracked())>
                            {t!(i18n, data.export_button)}
                        </button>
                    </div>
                }.into_any()),
                SaveState::ChangedElsewhere => Some(view! {
                    <div class="banner error" role="alert">
                        <p>{t!(i18n, banner.changed_elsewhere)}</p>
                        <div class="actions">
                            <button type="button" class="primary" on:click=move |_| state.load_other_tab()>
                                {t!(i18n, banner.load_other_tab)}
                            </button>
                            <button type="button" class="secondary" on:click=move |_| state.keep_this_tab()>
                                {t!(i18n, banner.keep_this_tab)}
                            </button>
                        </div>
                    </div>
                }.into_any()),
                SaveState::Unavailable => Some(view! {
                    <div class="banner error" role="alert">
                        <p>{t!(i18n, banner.storage_unavailable)}</p>
                        <button type="button" class="primary" on:click=move |_| pages::data::export_now(state, i18n.get_locale_untracked())>
                            {t!(i18n, data.export_button)}
                        </button>
                    </div>
                }.into_any()),
                _ => None,
            }}
            <Show when=move || update_ready.get()>
                <div class="banner update" role="status">
                    <p>{t!(i18n, banner.update_ready)}</p>
                    <button type="button" class="primary" on:click=move |_| browser::apply_update()>
                        {t!(i18n, banner.update_now)}
                    </button>
                </div>
            </Show>
            <Show when=move || { state.backups_dropped.get() > 0 }>
                <div class="banner warning" role="alert">
                    <p>{move || {
                        let locale = i18n.get_locale();
                        td_string!(locale, banner.backups_dropped, count = super::format::count(locale, state.backups_dropped.get())).to_string()
                    }}</p>
                    <div class="actions">
                        <button type="button" class="primary" on:click=move |_| pages::data::export_now(state, i18n.get_locale_untracked())>
                            {t!(i18n, data.export_button)}
                        </button>
                        <button type="button" class="secondary" on:click=move |_| state.backups_dropped.set(0)>
                            {t!(i18n, banner.dismiss)}
                        </button>
                    </div>
                </div>
            </Show>
            <Show when=move || state.unreadable.with(Option::is_some)>
                <div class="banner error" role="alert">
                    <p>
                        {move || if state.save.get() == SaveState::Paused {
                            t_string!(i18n, banner.unreadable_paused).to_string()
                        } else {
                            t_string!(i18n, banner.unreadable_kept).to_string()
                        }}
                    </p>
                    <ul class="compact">
                        {move || {
                            let locale = i18n.get_locale();
                            state.unreadable.with(|u| u.as_ref().map(|u| {
                                u.problems.iter().take(8).map(|p| view! { <li>{messages::problem_line(locale, p)}</li> }).collect_view()
                            }))
                        }}
                    </ul>
                    <div class="actions">
                        <button type="button" class="primary" on:click=download_unreadable>
                            {t!(i18n, banner.download_unreadable)}
                        </button>
                        <button type="button" class="secondary" on:click=move |_| discard_open.set(true)>
                            {t!(i18n, banner.discard_unreadable)}
                        </button>
                    </div>
                </div>
            </Show>
            <ConfirmDialog
                open=confirm_start
                title=Signal::derive(move || t_string!(i18n, banner.start_confirm_title).to_string())
                message=Signal::derive(move || t_string!(i18n, banner.start_confirm_text).to_string())
                confirm_label=Signal::derive(move || t_string!(i18n, banner.start_own).to_string())
                on_confirm=start_own
            />
            <ConfirmDialog
                open=discard_open
                title=Signal::derive(move || t_string!(i18n, banner.discard_unreadable).to_string())
                message=Signal::derive(move || t_string!(i18n, banner.discard_confirm_text).to_string())
                confirm_label=Signal::derive(move || t_string!(i18n, banner.discard_unreadable).to_string())
                on_confirm=discard
                danger=true
            />
        </div>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let saved = move || {
        let locale = i18n.get_locale();
        match state.save.get() {
            SaveState::Saved { at, .. } => td_string!(
                locale,
                footer.saved_at,
                time = super::format::instant(locale, &at)
            )
            .to_string(),
            SaveState::Idle => String::new(),
            _ => td_string!(locale, footer.not_saved).to_string(),
        }
    };
    view! {
        <footer class="site-footer">
            <p>{t!(i18n, footer.privacy)}</p>
            <p class="save-state">{saved}</p>
        </footer>
    }
}

/// Announces confirmations politely; the text stays visible for a few seconds.
#[component]
pub fn NoticeRegion() -> impl IntoView {
    let state = use_state();
    Effect::new(move |_| {
        if let Some(notice) = state.notice.get() {
            let serial = notice.serial;
            set_timeout(
                move || {
                    if state
                        .notice
                        .get_untracked()
                        .is_some_and(|n| n.serial == serial)
                    {
                        state.notice.set(None);
                    }
                },
                std::time::Duration::from_secs(6),
            );
        }
    });
    view! {
        <div class="notice" role="status" aria-live="polite">
            {move || state.notice.get().map(|n| view! { <p>{n.text}</p> })}
        </div>
    }
}

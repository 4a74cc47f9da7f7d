//! Application state, provided by context. Signals stay here and in views;
//! the domain only ever sees plain values.

use super::pages::pairing::PairingRun;
use super::persist::{self, Loaded, SaveError};
use super::{backups, browser};
use crate::domain::backups::{SnapshotInfo, SnapshotReason};
use crate::domain::demo::demo_workspace;
use crate::domain::history::History;
use crate::domain::{Date, Problem, Workspace};
use crate::io::storage::Stored;
use leptos::prelude::*;

#[derive(Clone, Debug, PartialEq)]
pub enum SaveState {
    /// Nothing saved yet in this visit.
    Idle,
    Saved {
        at: String,
        bytes: usize,
    },
    /// Quota exhausted: the work is intact in memory; the user should export.
    Full,
    /// The browser refuses storage (blocked or private mode).
    Unavailable,
    /// Saving is off because stored data could not be read nor set aside;
    /// saving would overwrite it.
    Paused,
    /// Another tab saved a newer version of the program. Saving waits for
    /// the user: load that version, or keep this tab's (replacing it).
    ChangedElsewhere,
}

/// Stored data that could not be read, kept so the user can download it.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub raw: String,
    pub problems: Vec<Problem>,
}

/// A short confirmation shown in a polite live region ("Participant saved").
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub text: String,
    /// Increases with each notice so repeating the same text is announced again.
    pub serial: u64,
}

#[derive(Clone, Copy)]
pub struct AppState {
    pub workspace: RwSignal<Workspace>,
    /// True while the embedded demo program is shown.
    pub demo: RwSignal<bool>,
    pub save: RwSignal<SaveState>,
    pub unreadable: RwSignal<Option<Unreadable>>,
    pub notice: RwSignal<Option<Notice>>,
    /// The last pairing proposal, kept while moving between pages; not saved
    /// (it is recomputed in a moment, and only accepted pairs matter).
    pub pairing_run: RwSignal<Option<std::sync::Arc<PairingRun>>>,
    /// Backup copies kept in this browser, newest first.
    pub backups: RwSignal<Vec<SnapshotInfo>>,
    /// Backup copies given up in this visit so the program could be saved.
    pub backups_dropped: RwSignal<usize>,
    /// Steps that can be undone and redone, for the buttons.
    pub history_depth: RwSignal<(usize, usize)>,
    /// The user's today, moved on at midnight (checked every minute and
    /// when the tab comes back), so a tab left open overnight judges alerts
    /// and rounds by the right day without rebuilding any form.
    pub today: RwSignal<Date>,
    /// Counts undos and redos: the page is built again after each, so no
    /// form keeps a draft of the state that was left (and saves it back).
    pub jumps: RwSignal<u64>,
    history: StoredValue<History<(Workspace, bool)>>,
    /// Size of the last save, the measure of one history step or copy.
    saved_bytes: StoredValue<usize>,
    revision: RwSignal<u64>,
    /// Set when the workspace was just taken from storage as it is: saving it
    /// again would only bump the revision and alarm other tabs.
    skip_next_save: StoredValue<bool>,
}

impl AppState {
    /// Loads from storage (or the demo on a first visit) and starts autosaving.
    pub fn start() -> AppState {
        let (workspace, demo, revision, save, unreadable) = match persist::load() {
            Loaded::Nothing => (demo_workspace(), true, 0, SaveState::Idle, None),
            Loaded::Found(stored, bytes) => (
                stored.workspace,
                stored.demo,
                stored.revision,
                SaveState::Saved {
                    at: stored.saved_at,
                    bytes,
                },
                None,
            ),
            Loaded::Unreadable {
                raw,
                problems,
                set_aside,
            } => {
                let save = if set_aside {
                    SaveState::Idle
                } else {
                    SaveState::Paused
                };
                (
                    Workspace::default(),
                    false,
                    0,
                    save,
                    Some(Unreadable { raw, problems }),
                )
            }
            Loaded::Unavailable => (demo_workspace(), true, 0, SaveState::Unavailable, None),
        };
        let unreadable = unreadable.or_else(|| {
            persist::unreadable_text().map(|raw| Unreadable {
                raw,
                problems: Vec::new(),
            })
        });
        // What was loaded is already stored; a first visit's demo is not.
        let already_stored = matches!(save, SaveState::Saved { .. });
        let saved_bytes = match &save {
            SaveState::Saved { bytes, .. } => *bytes,
            _ => 0,
        };
        let state = AppState {
            workspace: RwSignal::new(workspace),
            demo: RwSignal::new(demo),
            save: RwSignal::new(save),
            unreadable: RwSignal::new(unreadable),
            notice: RwSignal::new(None),
            pairing_run: RwSignal::new(None),
            backups: RwSignal::new(backups::list()),
            backups_dropped: RwSignal::new(0),
            history_depth: RwSignal::new((0, 0)),
            today: RwSignal::new(browser::today()),
            jumps: RwSignal::new(0),
            history: StoredValue::new(History::default()),
            saved_bytes: StoredValue::new(saved_bytes),
            revision: RwSignal::new(revision),
            skip_next_save: StoredValue::new(already_stored),
        };
        state.autosave();
        state.watch_other_tabs();
        state.follow_the_date();
        state
    }

    fn follow_the_date(self) {
        let check = move || {
            let now = browser::today();
            if self.today.get_untracked() != now {
                self.today.set(now);
            }
        };
        if let Ok(handle) = set_interval_with_handle(check, std::time::Duration::from_secs(60)) {
            on_cleanup(move || handle.clear());
        }
        // Back to the tab (visibilitychange bubbles from the document) or the
        // window: check at once rather than within the minute.
        let shown = window_event_listener_untyped("visibilitychange", move |_| check());
        let focused = window_event_listener(leptos::ev::focus, move |_| check());
        on_cleanup(move || {
            shown.remove();
            focused.remove();
        });
    }

    /// Another tab of this browser saved: stop saving here until the user
    /// decides, so neither tab silently overwrites the other.
    fn watch_other_tabs(self) {
        let handle = window_event_listener(leptos::ev::storage, move |event| {
            let key = event.key().unwrap_or_default();
            if key != persist::REVISION_KEY {
                return;
            }
            let theirs = event
                .new_value()
                .and_then(|v| v.trim().parse::<u64>().ok())
                .unwrap_or(0);
            if theirs > self.revision.get_untracked()
                && !matches!(
                    self.save.get_untracked(),
                    SaveState::Paused | SaveState::Unavailable
                )
            {
                self.save.set(SaveState::ChangedElsewhere);
            }
        });
        on_cleanup(move || handle.remove());
    }

    /// Takes the version another tab saved: the page starts again from
    /// storage, so every open form shows that version, not a stale draft.
    pub fn load_other_tab(&self) {
        let _ = browser::window().location().reload();
    }

    /// Keeps this tab's version: it is saved over the other tab's.
    pub fn keep_this_tab(&self) {
        self.revision.set(persist::stored_revision());
        self.save.set(SaveState::Idle);
        self.workspace.update(|_| {});
    }

    /// Saves after every change of the workspace or the demo flag. The first
    /// run saves what was just loaded, which is harmless and reports the size.
    fn autosave(self) {
        Effect::new(move |_| {
            let workspace = self.workspace.get();
            let demo = self.demo.get();
            if self.skip_next_save.get_value() {
                self.skip_next_save.set_value(false);
                return;
            }
            let blocked = matches!(
                self.save.get_untracked(),
                SaveState::Paused | SaveState::Unavailable | SaveState::ChangedElsewhere
            );
            if blocked {
                return;
            }
            // Another tab saved since we last did (its storage event may not
            // have arrived yet): never overwrite it without asking.
            if persist::stored_revision() > self.revision.get_untracked() {
                self.save.set(SaveState::ChangedElsewhere);
                return;
            }
            // Before the save overwrites it, keep a copy of the saved program
            // if one is due (every half hour of work).
            if backups::take_automatic_if_due(self.revision.get_untracked()).is_some() {
                self.backups.set(backups::list());
            }
            let revision = self.revision.get_untracked() + 1;
            let saved_at = browser::now_iso();
            let stored = Stored {
                workspace,
                demo,
                revision,
                saved_at: saved_at.clone(),
            };
            let outcome = match persist::save(&stored) {
                Ok(written) => {
                    self.revision.set(revision);
                    self.saved_bytes.set_value(written.bytes);
                    if written.backups_dropped > 0 {
                        self.backups_dropped
                            .update(|n| *n += written.backups_dropped);
                        self.backups.set(backups::list());
                    }
                    SaveState::Saved {
                        at: saved_at,
                        bytes: written.bytes,
                    }
                }
                Err(SaveError::Full) => SaveState::Full,
                Err(SaveError::Unavailable) => SaveState::Unavailable,
            };
            self.save.set(outcome);
        });
    }

    /// Applies an edit to the workspace; the autosave effect persists it.
    /// Editing the demo keeps it marked as demo: the banner stays until the
    /// user starts their own program, so nobody mistakes it for real data.
    /// An edit that changed something can be undone.
    pub fn edit(&self, change: impl FnOnce(&mut Workspace)) {
        let before = self.workspace.get_untracked();
        self.workspace.update(change);
        if self.workspace.with_untracked(|now| now != &before) {
            self.record(before);
        }
    }

    /// Replaces everything (import, demo, restore, start over). A copy of
    /// the program it replaces is kept first, unless there is nothing to
    /// keep, and the replacement can be undone.
    pub fn replace(&self, workspace: Workspace, demo: bool, reason: SnapshotReason) {
        let before = self.workspace.get_untracked();
        let was_demo = self.demo.get_untracked();
        // A copy that does not fit is not fatal: undo still holds the
        // program for this visit, and the Backups section says what is kept.
        if crate::domain::backups::worth_keeping(&before, was_demo) {
            let _ = self.back_up(reason);
        }
        self.record(before);
        self.workspace.set(workspace);
        self.demo.set(demo);
        self.pairing_run.set(None);
    }

    fn record(&self, before: Workspace) {
        let demo = self.demo.get_untracked();
        let size = self.saved_bytes.get_value();
        self.history
            .update_value(|h| h.record((before, demo), size));
        self.history_depth
            .set(self.history.with_value(History::depth));
    }

    /// Goes back one edit; false when there is nothing to undo.
    pub fn undo(&self) -> bool {
        self.step(|history, current, size| history.undo(current, size))
    }

    /// Goes forward again after an undo; false when there is nothing to redo.
    pub fn redo(&self) -> bool {
        self.step(|history, current, size| history.redo(current, size))
    }

    fn step(
        &self,
        go: impl FnOnce(
            &mut History<(Workspace, bool)>,
            (Workspace, bool),
            usize,
        ) -> Option<(Workspace, bool)>,
    ) -> bool {
        let current = (self.workspace.get_untracked(), self.demo.get_untracked());
        let size = self.saved_bytes.get_value();
        let mut target = None;
        self.history
            .update_value(|history| target = go(history, current, size));
        self.history_depth
            .set(self.history.with_value(History::depth));
        let Some((workspace, demo)) = target else {
            return false;
        };
        self.workspace.set(workspace);
        self.demo.set(demo);
        // A proposal made for another state of the program would mislead.
        self.pairing_run.set(None);
        self.jumps.update(|n| *n += 1);
        true
    }

    /// Keeps a copy of the program as it is now. `Err` tells why not.
    pub fn back_up(&self, reason: SnapshotReason) -> Result<SnapshotInfo, backups::NotKept> {
        let taken = self.workspace.with_untracked(|ws| {
            backups::take(
                reason,
                ws,
                self.demo.get_untracked(),
                self.revision.get_untracked(),
                self.saved_bytes.get_value(),
            )
        });
        self.backups.set(backups::list());
        taken
    }

    /// Size of the last save (0 before the first), the measure of a copy.
    pub fn saved_size(&self) -> usize {
        self.saved_bytes.get_value()
    }

    /// Deletes every backup copy kept in this browser.
    pub fn delete_backups(&self) {
        backups::remove_all();
        self.backups.set(Vec::new());
    }

    pub fn notify(&self, text: String) {
        let serial = self.notice.get_untracked().map_or(1, |n| n.serial + 1);
        self.notice.set(Some(Notice { text, serial }));
    }

    /// Gives up on the unreadable stored data and resumes saving.
    pub fn discard_unreadable(&self) {
        persist::forget_unreadable();
        self.unreadable.set(None);
        if self.save.get_untracked() == SaveState::Paused {
            self.save.set(SaveState::Idle);
            // Trigger a save of the current work now that it is allowed.
            self.workspace.update(|_| {});
        }
    }
}

pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

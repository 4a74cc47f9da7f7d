//! Planning a pair's sessions: start, cadence, count, weekday, time, length
//! and what to do on holidays, with the dates previewed before anything is
//! written. Proposals come from `sessions::schedule::default_spec` (the
//! pair's shared availability); writing goes through `schedule::apply`, which
//! keeps logged sessions and reuses ids so calendars update, not duplicate.

use super::overview::cadence_label;
use super::participant_form::weekday_label;
use super::sessions::{
    SCHEDULE_HEADING, SESSIONS_HEADING, effective_zone, focus_soon, settle_zone, use_sessions_ui,
    when,
};
use super::sessions_log::DraftField;
use crate::app::components::{FreshAfterUndo, unique_id};
use crate::app::i18n::*;
use crate::app::state::use_state;
use crate::app::{browser, format};
use crate::domain::matching::PairKey;
use crate::domain::sessions::schedule::{self, MAX_SESSIONS};
use crate::domain::sessions::{HolidayPolicy, LocalTime, ScheduleSpec, SessionStatus};
use crate::domain::{Cadence, Date, Program, SessionId, Weekday};
use leptos::prelude::*;

fn policy_label(locale: Locale, policy: HolidayPolicy) -> String {
    match policy {
        HolidayPolicy::Ignore => td_string!(locale, sessions.holidays_ignore),
        HolidayPolicy::Skip => td_string!(locale, sessions.holidays_skip),
        HolidayPolicy::NextDay => td_string!(locale, sessions.holidays_next_day),
    }
    .to_string()
}

const POLICIES: [HolidayPolicy; 3] = [
    HolidayPolicy::Skip,
    HolidayPolicy::NextDay,
    HolidayPolicy::Ignore,
];

/// The form's values; numbers and dates stay text until read.
#[derive(Clone, Debug, PartialEq)]
struct SpecDraft {
    start: String,
    cadence: Cadence,
    count: String,
    weekday: Weekday,
    time: String,
    minutes: String,
    policy: HolidayPolicy,
}

impl SpecDraft {
    fn from_spec(spec: &ScheduleSpec) -> SpecDraft {
        SpecDraft {
            start: spec.start.to_string(),
            cadence: spec.cadence,
            count: spec.count.to_string(),
            weekday: spec.weekday,
            time: spec.time.to_string(),
            minutes: spec.minutes.to_string(),
            policy: spec.holiday_policy,
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SpecField {
    Start,
    Count,
    Time,
    Minutes,
}

/// Reads the draft; every unreadable field is reported, not just the first.
fn read_spec(draft: &SpecDraft, holidays: &[Date]) -> Result<ScheduleSpec, Vec<SpecField>> {
    let mut bad = Vec::new();
    let start = Date::parse_iso(draft.start.trim());
    if start.is_none() {
        bad.push(SpecField::Start);
    }
    let count = draft
        .count
        .trim()
        .parse::<u16>()
        .ok()
        .filter(|n| (1..=MAX_SESSIONS).contains(n));
    if count.is_none() {
        bad.push(SpecField::Count);
    }
    let time = LocalTime::parse(draft.time.trim());
    if time.is_none() {
        bad.push(SpecField::Time);
    }
    let minutes = draft
        .minutes
        .trim()
        .parse::<u16>()
        .ok()
        .filter(|m| (Program::MIN_SESSION_MINUTES..=Program::MAX_SESSION_MINUTES).contains(m));
    if minutes.is_none() {
        bad.push(SpecField::Minutes);
    }
    match (start, count, time, minutes) {
        (Some(start), Some(count), Some(time), Some(minutes)) => Ok(ScheduleSpec {
            start,
            cadence: draft.cadence,
            count,
            weekday: draft.weekday,
            time,
            minutes,
            holidays: holidays.to_vec(),
            holiday_policy: draft.policy,
        }),
        _ => Err(bad),
    }
}

fn field_message(locale: Locale, field: SpecField) -> String {
    match field {
        SpecField::Start => td_string!(locale, sessions.date_invalid).to_string(),
        SpecField::Count => {
            td_string!(locale, sessions.problem_count, max = MAX_SESSIONS).to_string()
        }
        SpecField::Time => td_string!(locale, sessions.problem_time).to_string(),
        SpecField::Minutes => td_string!(
            locale,
            sessions.problem_minutes_range,
            min = Program::MIN_SESSION_MINUTES,
            max = Program::MAX_SESSION_MINUTES
        )
        .to_string(),
    }
}

/// The schedule part of a pair's detail; the form opens on demand.
#[component]
pub fn ScheduleSection(key: PairKey) -> impl IntoView {
    let i18n = use_i18n();
    let ui = use_sessions_ui();
    let expanded = ui.schedule_open;
    // Copy, so the form can be built again after an undo.
    let form_key = StoredValue::new(key.clone());
    view! {
        <section class="pair-schedule card" aria-labelledby=SCHEDULE_HEADING>
            <h3 id=SCHEDULE_HEADING tabindex="-1" class="disclosure-heading">
                <button type="button" class="disclosure" aria-expanded=move || expanded.get().to_string() aria-controls="schedule-body" on:click=move |_| expanded.update(|e| *e = !*e)>
                    <span class="disclosure-mark" aria-hidden="true">{move || if expanded.get() { "▾" } else { "▸" }}</span>
                    {t!(i18n, sessions.schedule_heading)}
                </button>
            </h3>
            <div id="schedule-body">
                <Show when=move || expanded.get() fallback=move || view! { <p class="hint">{t!(i18n, sessions.schedule_closed_hint)}</p> }>
                    <FreshAfterUndo><ScheduleForm key=form_key.get_value()/></FreshAfterUndo>
                </Show>
            </div>
        </section>
    }
}

#[component]
fn ScheduleForm(key: PairKey) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let ui = use_sessions_ui();
    let today = ui.today.get_untracked();
    let initial = state
        .workspace
        .with_untracked(|ws| SpecDraft::from_spec(&schedule::default_spec(ws, &key, today)));
    let draft = RwSignal::new(initial);
    let attempted = RwSignal::new(false);
    let holidays = Memo::new(move |_| {
        state
            .workspace
            .with(|ws| ws.sessions.settings.holidays.clone())
    });
    let zone = Memo::new(move |_| state.workspace.with(effective_zone));
    let read = Memo::new(move |_| {
        let draft = draft.get();
        holidays.with(|h| read_spec(&draft, h))
    });
    let preview = Memo::new(move |_| read.with(|r| r.as_ref().ok().map(schedule::generate)));
    let has_planned = {
        let key = key.clone();
        Memo::new(move |_| {
            state.workspace.with(|ws| {
                ws.sessions
                    .sessions_of(&key)
                    .iter()
                    .any(|s| s.status == SessionStatus::Planned)
            })
        })
    };
    let error = move |field: SpecField| {
        Signal::derive(move || {
            read.with(|r| match r {
                Err(bad) if bad.contains(&field) => Some(field_message(i18n.get_locale(), field)),
                _ => None,
            })
        })
    };
    let summary_id = unique_id("schedule-problems");
    let summary_focus = summary_id.clone();

    let generate_key = key.clone();
    let generate = move |_| {
        let Some(Ok(spec)) = read.try_get_untracked() else {
            attempted.set(true);
            browser::focus_element(&summary_focus);
            return;
        };
        let times = schedule::generate(&spec);
        let mut planned = 0;
        state.edit(|ws| {
            settle_zone(ws);
            planned = schedule::apply(
                &mut ws.sessions,
                &generate_key,
                &times,
                spec.minutes,
                || SessionId::from_random_bytes(browser::random_bytes()),
            );
        });
        let locale = i18n.get_locale_untracked();
        state.notify(
            td_string!(
                locale,
                sessions.schedule_done,
                count = format::count(locale, planned)
            )
            .to_string(),
        );
        attempted.set(false);
        ui.schedule_open.set(false);
        focus_soon(SESSIONS_HEADING);
    };

    let start_id = unique_id("schedule-start");
    let cadence_id = unique_id("schedule-cadence");
    let count_id = unique_id("schedule-count");
    let weekday_id = unique_id("schedule-weekday");
    let time_id = unique_id("schedule-time");
    let minutes_id = unique_id("schedule-minutes");
    let policy_id = unique_id("schedule-policy");
    let policy_hint = format!("{policy_id}-hint");

    view! {
        <div class="schedule-form">
            <p class="hint">{t!(i18n, sessions.schedule_hint)}</p>
            <div id=summary_id.clone() tabindex="-1">
                <Show when=move || attempted.get() && read.with(Result::is_err)>
                    <div class="problems" role="alert">
                        <p class="problems-heading">{t!(i18n, sessions.schedule_problems)}</p>
                    </div>
                </Show>
            </div>
            <div class="grid-4">
                <DraftField id=start_id label=Signal::derive(move || t_string!(i18n, sessions.schedule_start).to_string())
                    hint=Signal::derive(move || t_string!(i18n, sessions.schedule_start_hint).to_string())
                    input_type="date" value=Signal::derive(move || draft.with(|d| d.start.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.start = v)) error=error(SpecField::Start)/>
                <div class="field">
                    <label for=cadence_id.clone()>{t!(i18n, sessions.cadence)}</label>
                    <select id=cadence_id.clone() on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some(c) = Cadence::ALL.into_iter().find(|c| format!("{c:?}") == value) {
                            draft.update(|d| d.cadence = c);
                        }
                    }>
                        {Cadence::ALL.into_iter().map(|c| view! {
                            <option value=format!("{c:?}") selected=move || draft.with(|d| d.cadence == c)>{move || cadence_label(i18n.get_locale(), c)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <DraftField id=count_id label=Signal::derive(move || t_string!(i18n, sessions.schedule_count).to_string())
                    input_type="number" value=Signal::derive(move || draft.with(|d| d.count.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.count = v)) error=error(SpecField::Count)/>
                <div class="field">
                    <label for=weekday_id.clone()>{t!(i18n, sessions.schedule_weekday)}</label>
                    <select id=weekday_id.clone() on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some(w) = Weekday::ALL.into_iter().find(|w| format!("{w:?}") == value) {
                            draft.update(|d| d.weekday = w);
                        }
                    }>
                        {Weekday::ALL.into_iter().map(|w| view! {
                            <option value=format!("{w:?}") selected=move || draft.with(|d| d.weekday == w)>{move || weekday_label(i18n.get_locale(), w)}</option>
                        }).collect_view()}
                    </select>
                </div>
                <DraftField id=time_id label=Signal::derive(move || t_string!(i18n, sessions.schedule_time).to_string())
                    hint=Signal::derive(move || td_string!(i18n.get_locale(), sessions.schedule_time_hint, zone = zone.get().replace('_', " ")).to_string())
                    input_type="time" value=Signal::derive(move || draft.with(|d| d.time.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.time = v)) error=error(SpecField::Time)/>
                <DraftField id=minutes_id label=Signal::derive(move || t_string!(i18n, sessions.log_minutes).to_string())
                    input_type="number" value=Signal::derive(move || draft.with(|d| d.minutes.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.minutes = v)) error=error(SpecField::Minutes)/>
                <div class="field">
                    <label for=policy_id.clone()>{t!(i18n, sessions.holiday_policy)}</label>
                    <p class="hint" id=policy_hint.clone()>{move || {
                        let l = i18n.get_locale();
                        td_string!(l, sessions.holiday_count, count = format::count(l, holidays.with(Vec::len))).to_string()
                    }}</p>
                    <select id=policy_id.clone() aria-describedby=policy_hint.clone() on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some(p) = POLICIES.into_iter().find(|p| format!("{p:?}") == value) {
                            draft.update(|d| d.policy = p);
                        }
                    }>
                        {POLICIES.into_iter().map(|p| view! {
                            <option value=format!("{p:?}") selected=move || draft.with(|d| d.policy == p)>{move || policy_label(i18n.get_locale(), p)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>

            <div class="schedule-preview" aria-live="polite">
                <h4>{move || {
                    let l = i18n.get_locale();
                    match preview.get() {
                        Some(times) => td_string!(l, sessions.preview_heading, count = format::count(l, times.len())).to_string(),
                        None => td_string!(l, sessions.preview_none).to_string(),
                    }
                }}</h4>
                <ol class="preview-list">
                    {move || {
                        let l = i18n.get_locale();
                        preview.get().unwrap_or_default().into_iter().map(|at| view! { <li>{when(l, at)}</li> }).collect_view()
                    }}
                </ol>
            </div>
            <Show when=move || has_planned.get()>
                <p class="hint replace-hint">{t!(i18n, sessions.schedule_replaces)}</p>
            </Show>
            <div class="actions">
                <button type="button" class="primary" on:click=generate>{t!(i18n, sessions.generate_schedule)}</button>
            </div>
        </div>
    }
}

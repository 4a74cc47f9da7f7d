//! Sessions page: the accepted pairs at work. First the pairs that need
//! attention, each reason in words with an action that does something about
//! it; then every pair with its health; one pair at a time in detail
//! (sessions, schedule, agreement, emails); program-wide settings and the
//! check-in rounds below.
//!
//! Every rule lives in `domain::sessions`; this module words the results.
//! "Today" is the browser's clock, read once when the page opens, so a test
//! can fake it and the whole page agrees on one day.

use super::checkins::CheckinsSection;
use super::messages::PairEmails;
use super::participant_form::channel_label;
use super::participants::role_label;
use super::sessions_agreement::AgreementSection;
use super::sessions_log::SessionsList;
use super::sessions_schedule::ScheduleSection;
use crate::app::components::unique_id;
use crate::app::i18n::*;
use crate::app::router::Page;
use crate::app::state::{AppState, use_state};
use crate::app::{browser, format};
use crate::domain::matching::PairKey;
use crate::domain::sessions::alerts::{self, Action, Alert, AlertKind, Health, PairHealth};
use crate::domain::sessions::{AlertSettings, LocalDateTime, Session, SessionStatus, tz};
use crate::domain::{Channel, Date, ParticipantId, Role, Workspace};
use crate::io::ics;
use leptos::prelude::*;
use std::collections::{HashMap, HashSet};
use std::time::Duration;

/// Which part of a pair's detail an action leads to.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Reveal {
    Sessions,
    Schedule,
    Agreement,
    Emails,
}

/// The page's own state, shared by context with the pair sections.
#[derive(Clone, Copy)]
pub struct SessionsUi {
    /// The day every rule on the page is judged against (moves on at midnight).
    pub today: Signal<Date>,
    /// The pair shown in detail; `None` shows the list of pairs.
    pub open: RwSignal<Option<PairKey>>,
    pub schedule_open: RwSignal<bool>,
    pub agreement_open: RwSignal<bool>,
    state: AppState,
}

impl SessionsUi {
    /// Shows a pair's detail with the part an action asked for open, and
    /// moves focus there once it is drawn. The schedule opens by itself for a
    /// pair with nothing planned yet: that is the first thing it needs.
    pub fn open_pair(&self, key: PairKey, reveal: Reveal) {
        let unplanned = self
            .state
            .workspace
            .with_untracked(|ws| ws.sessions.sessions_of(&key).is_empty());
        self.schedule_open
            .set(reveal == Reveal::Schedule || (reveal == Reveal::Sessions && unplanned));
        self.agreement_open.set(reveal == Reveal::Agreement);
        self.open.set(Some(key));
        let target = match reveal {
            Reveal::Sessions => PAIR_HEADING,
            Reveal::Schedule => SCHEDULE_HEADING,
            Reveal::Agreement => AGREEMENT_HEADING,
            Reveal::Emails => EMAILS_ID,
        };
        focus_soon(target);
    }

    /// Back to the list, focus on its heading.
    pub fn close(&self) {
        self.open.set(None);
        focus_soon(ALL_PAIRS_HEADING);
    }
}

pub fn use_sessions_ui() -> SessionsUi {
    expect_context::<SessionsUi>()
}

pub const PAIR_HEADING: &str = "pair-heading";
pub const SESSIONS_HEADING: &str = "pair-sessions-heading";
pub const SCHEDULE_HEADING: &str = "schedule-heading";
pub const AGREEMENT_HEADING: &str = "agreement-heading";
const EMAILS_ID: &str = "pair-emails";
const ALL_PAIRS_HEADING: &str = "all-pairs-heading";
const CHECKINS_HEADING: &str = "checkins-heading";

/// Focuses (and scrolls to) an element after the pending render.
pub fn focus_soon(id: &'static str) {
    set_timeout(
        move || {
            if let Some(element) = browser::window()
                .document()
                .and_then(|d| d.get_element_by_id(id))
            {
                element.scroll_into_view();
            }
            browser::focus_element(id);
        },
        Duration::from_millis(30),
    );
}

// ------------------------------------------------------------- wording ----

pub fn status_label(locale: Locale, status: SessionStatus) -> String {
    match status {
        SessionStatus::Planned => td_string!(locale, sessions.status_planned),
        SessionStatus::Held => td_string!(locale, sessions.status_held),
        SessionStatus::Cancelled => td_string!(locale, sessions.status_cancelled),
        SessionStatus::Rescheduled => td_string!(locale, sessions.status_rescheduled),
    }
    .to_string()
}

pub fn status_class(status: SessionStatus) -> &'static str {
    match status {
        SessionStatus::Planned => "status planned",
        SessionStatus::Held => "status held",
        SessionStatus::Cancelled => "status cancelled",
        SessionStatus::Rescheduled => "status rescheduled",
    }
}

fn health_label(locale: Locale, health: Health) -> String {
    match health {
        Health::OnTrack => td_string!(locale, sessions.health_on_track),
        Health::NeedsCheckIn => td_string!(locale, sessions.health_needs_check_in),
        Health::AtRisk => td_string!(locale, sessions.health_at_risk),
    }
    .to_string()
}

/// A date and wall-clock time: `Tue 14 Sept 2026 · 10:00`.
pub fn when(locale: Locale, at: LocalDateTime) -> String {
    format!("{} · {}", format::weekday_date(locale, at.date), at.time)
}

/// A person's name, or a placeholder for someone no longer in the records.
pub fn person_name(locale: Locale, ws: &Workspace, id: &ParticipantId) -> String {
    ws.participant(id).map_or_else(
        || td_string!(locale, sessions.unknown_person).to_string(),
        |p| p.name.clone(),
    )
}

/// "Ana Ruiz and Bruno Sala" (reverse mentor first).
pub fn pair_label(locale: Locale, ws: &Workspace, key: &PairKey) -> String {
    td_string!(
        locale,
        pairing.pair_names,
        mentor = person_name(locale, ws, &key.mentor),
        mentee = person_name(locale, ws, &key.mentee)
    )
    .to_string()
}

fn alert_reason(locale: Locale, ws: &Workspace, key: &PairKey, alert: &Alert) -> String {
    match &alert.kind {
        AlertKind::PersonInactive { who } => td_string!(
            locale,
            sessions.alert_person_inactive,
            name = person_name(locale, ws, who)
        )
        .to_string(),
        AlertKind::NoSessionHeld { days } => td_string!(
            locale,
            sessions.alert_no_session_held,
            days = format::count(locale, usize::from(*days))
        )
        .to_string(),
        AlertKind::CancelledInARow { count } => td_string!(
            locale,
            sessions.alert_cancelled_in_a_row,
            count = format::count(locale, *count)
        )
        .to_string(),
        AlertKind::LowMood { mood, who } => td_string!(
            locale,
            sessions.alert_low_mood,
            name = person_name(locale, ws, who),
            mood = *mood
        )
        .to_string(),
        AlertKind::LowRating { rating, by } => {
            let who = match by {
                Role::ReverseMentor => &key.mentor,
                Role::Mentee => &key.mentee,
            };
            td_string!(
                locale,
                sessions.alert_low_rating,
                name = person_name(locale, ws, who),
                rating = *rating
            )
            .to_string()
        }
        AlertKind::NoGoalProgress => {
            td_string!(locale, sessions.alert_no_goal_progress).to_string()
        }
        AlertKind::NoSessionsPlanned => {
            td_string!(locale, sessions.alert_no_sessions_planned).to_string()
        }
        AlertKind::CheckInDue { last: Some(last) } => td_string!(
            locale,
            sessions.alert_check_in_due_since,
            date = format::date(locale, *last)
        )
        .to_string(),
        AlertKind::CheckInDue { last: None } => {
            td_string!(locale, sessions.alert_check_in_due).to_string()
        }
    }
}

fn action_label(locale: Locale, action: Action) -> String {
    match action {
        Action::Nudge => td_string!(locale, sessions.action_nudge),
        Action::TalkToBoth => td_string!(locale, sessions.action_talk_to_both),
        Action::Rematch => td_string!(locale, sessions.action_rematch),
        Action::SetGoals => td_string!(locale, sessions.action_set_goals),
        Action::Schedule => td_string!(locale, sessions.action_schedule),
        Action::SendCheckIn => td_string!(locale, sessions.action_send_check_in),
    }
    .to_string()
}

// ------------------------------------------------------------ calendar ----

/// The zone calendars use: the program's when it is a supported one, else
/// the browser's when supported, else UTC.
pub fn effective_zone(ws: &Workspace) -> String {
    let saved = &ws.sessions.settings.time_zone;
    if tz::is_supported(saved) {
        return saved.clone();
    }
    browser::time_zone()
        .filter(|zone| tz::is_supported(zone))
        .unwrap_or_else(|| "UTC".to_string())
}

/// Saves the effective zone when none was chosen, so the calendar files and
/// the page keep using the zone shown in the settings even on another computer.
pub fn settle_zone(ws: &mut Workspace) {
    if !tz::is_supported(&ws.sessions.settings.time_zone) {
        ws.sessions.settings.time_zone = effective_zone(ws);
    }
}

fn ics_text(locale: Locale, ws: &Workspace, pair: Option<&PairKey>) -> ics::IcsText {
    let program = if ws.program.name.trim().is_empty() {
        td_string!(locale, shell.untitled_program).to_string()
    } else {
        ws.program.name.clone()
    };
    let calendar_name = match pair {
        Some(key) => td_string!(
            locale,
            sessions.ics_pair_calendar,
            program = program,
            names = pair_label(locale, ws, key)
        )
        .to_string(),
        None => td_string!(locale, sessions.ics_program_calendar, program = program).to_string(),
    };
    ics::IcsText {
        calendar_name,
        summary: td_string!(locale, sessions.ics_summary).to_string(),
        description: td_string!(locale, sessions.ics_description).to_string(),
        cancelled_prefix: td_string!(locale, sessions.ics_cancelled_prefix).to_string(),
        channels: Channel::ALL
            .into_iter()
            .map(|c| (c, channel_label(locale, c)))
            .collect(),
    }
}

/// Offers the calendar of one pair (or of every accepted pair) as a file.
pub fn download_calendar(state: AppState, locale: Locale, pair: Option<PairKey>) {
    let has_sessions = state.workspace.with_untracked(|ws| match &pair {
        Some(key) => !ws.sessions.sessions_of(key).is_empty(),
        None => {
            let accepted: HashSet<PairKey> = ws.pairing.pairs.iter().map(|p| p.key()).collect();
            ws.sessions
                .sessions
                .iter()
                .any(|s| accepted.contains(&s.pair))
        }
    });
    if !has_sessions {
        state.notify(td_string!(locale, sessions.ics_nothing).to_string());
        return;
    }
    if !state
        .workspace
        .with_untracked(|ws| tz::is_supported(&ws.sessions.settings.time_zone))
    {
        state.edit(settle_zone);
    }
    let Some(stamp) = ics::UtcStamp::parse_iso(&browser::now_iso()) else {
        return;
    };
    let (name, text) = state.workspace.with_untracked(|ws| {
        let pairs: Vec<PairKey> = match &pair {
            Some(key) => vec![key.clone()],
            None => ws.pairing.pairs.iter().map(|p| p.key()).collect(),
        };
        let label = pair.as_ref().map(|key| pair_label(locale, ws, key));
        let name = ics::file_name(&ws.program.name, label.as_deref());
        let text = ics::calendar(ws, &pairs, &ics_text(locale, ws, pair.as_ref()), stamp);
        (name, text)
    });
    if browser::download(&name, "text/calendar;charset=utf-8", &text).is_ok() {
        state.notify(td_string!(locale, sessions.ics_downloaded, file = name).to_string());
    }
}

// ---------------------------------------------------------------- page ----

#[component]
pub fn SessionsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let ui = SessionsUi {
        today: state.today.into(),
        open: RwSignal::new(None),
        schedule_open: RwSignal::new(false),
        agreement_open: RwSignal::new(false),
        state,
    };
    provide_context(ui);
    let today = ui.today;
    let health = Memo::new(move |_| state.workspace.with(|ws| alerts::assess(ws, today.get())));
    provide_context(health);
    let has_pairs = Memo::new(move |_| state.workspace.with(|ws| !ws.pairing.pairs.is_empty()));
    // A pair that is no longer accepted (re-paired meanwhile) cannot stay open.
    let open = Memo::new(move |_| {
        ui.open.get().filter(|key| {
            state
                .workspace
                .with(|ws| ws.pairing.pairs.iter().any(|p| p.key() == *key))
        })
    });

    view! {
        <div class="page sessions-page">
            <h1 id="page-heading" tabindex="-1">{t!(i18n, sessions.title)}</h1>
            <p class="description">{t!(i18n, sessions.intro)}</p>
            <Show
                when=move || has_pairs.get()
                fallback=move || view! {
                    <section class="card empty-state" aria-labelledby="no-pairs-heading">
                        <h2 id="no-pairs-heading">{t!(i18n, sessions.empty_title)}</h2>
                        <p>{t!(i18n, sessions.empty_text)}</p>
                        <p><a class="button-link primary" href=Page::Pairing.hash()>{t!(i18n, sessions.empty_link)}</a></p>
                    </section>
                }
            >
                {move || match open.get() {
                    Some(key) => view! { <PairDetail key=key/> }.into_any(),
                    None => view! {
                        <NeedsAttention/>
                        <AllPairs/>
                    }.into_any(),
                }}
            </Show>
            <Show when=move || open.with(Option::is_none)>
                <SettingsSection/>
                <Show when=move || has_pairs.get()>
                    <CheckinsSection/>
                </Show>
            </Show>
        </div>
    }
}

fn use_health() -> Memo<Vec<PairHealth>> {
    expect_context::<Memo<Vec<PairHealth>>>()
}

/// Text and a symbol, never colour alone.
#[component]
fn HealthBadge(health: Health) -> impl IntoView {
    let i18n = use_i18n();
    let (class, symbol) = match health {
        Health::OnTrack => ("health on-track", "✓"),
        Health::NeedsCheckIn => ("health needs-check-in", "!"),
        Health::AtRisk => ("health at-risk", "⚠"),
    };
    view! {
        <span class=class>
            <span class="health-symbol" aria-hidden="true">{symbol}</span>
            {move || health_label(i18n.get_locale(), health)}
        </span>
    }
}

/// The control an alert suggests: most open the right part of the pair;
/// re-matching happens on the Pairing page.
#[component]
fn ActionControl(action: Action, key: PairKey, described_by: String) -> impl IntoView {
    let i18n = use_i18n();
    let ui = use_sessions_ui();
    let label = move || action_label(i18n.get_locale(), action);
    let reveal = match action {
        Action::Rematch => {
            return view! {
                <a class="button-link secondary small" href=Page::Pairing.hash() aria-describedby=described_by>{label}</a>
            }
            .into_any();
        }
        Action::SendCheckIn => None,
        Action::Schedule => Some(Reveal::Schedule),
        Action::SetGoals => Some(Reveal::Agreement),
        Action::Nudge | Action::TalkToBoth => Some(Reveal::Emails),
    };
    let on_click = move |_| match reveal {
        Some(reveal) => ui.open_pair(key.clone(), reveal),
        None => {
            ui.open.set(None);
            focus_soon(CHECKINS_HEADING);
        }
    };
    view! {
        <button type="button" class="secondary small" aria-describedby=described_by on:click=on_click>{label}</button>
    }
    .into_any()
}

/// One alert: why, since when, and what to do.
#[component]
fn AlertLine(alert: Alert, key: PairKey, heading_id: String) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let reason_id = unique_id("alert-reason");
    let described = format!("{heading_id} {reason_id}");
    let (reason_key, reason_alert) = (key.clone(), alert.clone());
    let since = alert.since;
    view! {
        <li class="alert-line">
            <p class="alert-text" id=reason_id>
                <span class="alert-reason">{move || {
                    let l = i18n.get_locale();
                    state.workspace.with(|ws| alert_reason(l, ws, &reason_key, &reason_alert))
                }}</span>" "
                <span class="alert-since">{move || {
                    let l = i18n.get_locale();
                    td_string!(l, sessions.since, date = format::date(l, since)).to_string()
                }}</span>
            </p>
            <ActionControl action=alert.action key=key described_by=described/>
        </li>
    }
}

/// Pairs that are not on track, at risk first, longest waiting first.
#[component]
fn NeedsAttention() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let health = use_health();
    let list = Memo::new(move |_| {
        health.with(|all| {
            alerts::needs_attention(all)
                .into_iter()
                .cloned()
                .collect::<Vec<PairHealth>>()
        })
    });
    view! {
        <section class="needs-attention" aria-labelledby="needs-attention-heading">
            <h2 id="needs-attention-heading">{t!(i18n, sessions.needs_attention)}</h2>
            <Show
                when=move || list.with(|l| !l.is_empty())
                fallback=move || view! { <p class="empty all-well">{t!(i18n, sessions.all_on_track)}</p> }
            >
                <ul class="attention-list">
                    {move || list.get().into_iter().map(|h| {
                        let heading_id = unique_id("attention-pair");
                        let names_key = h.pair.clone();
                        let names = move || {
                            let l = i18n.get_locale();
                            state.workspace.with(|ws| pair_label(l, ws, &names_key))
                        };
                        let key = h.pair.clone();
                        let alerts_list = h.alerts.clone().into_iter().map(|alert| {
                            view! { <AlertLine alert=alert key=key.clone() heading_id=heading_id.clone()/> }
                        }).collect_view();
                        view! {
                            <li class=if h.health == Health::AtRisk { "attention-item card at-risk" } else { "attention-item card" }>
                                <div class="attention-head">
                                    <h3 id=heading_id.clone()>{names}</h3>
                                    <HealthBadge health=h.health/>
                                </div>
                                <ul class="alert-lines">{alerts_list}</ul>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

/// The facts a pair card and the pair detail share.
#[component]
fn PairFacts(health: PairHealth) -> impl IntoView {
    let i18n = use_i18n();
    let h = health;
    view! {
        <dl class="pair-facts">
            <div>
                <dt>{t!(i18n, sessions.last_held)}</dt>
                <dd>{move || {
                    let l = i18n.get_locale();
                    h.last_held.map_or_else(|| td_string!(l, sessions.none_yet).to_string(), |d| format::date(l, d))
                }}</dd>
            </div>
            <div>
                <dt>{t!(i18n, sessions.next_planned)}</dt>
                <dd>{move || {
                    let l = i18n.get_locale();
                    h.next_planned.map_or_else(|| td_string!(l, sessions.nothing_planned).to_string(), |at| when(l, at))
                }}</dd>
            </div>
            <div>
                <dt>{t!(i18n, sessions.sessions_count)}</dt>
                <dd>{move || {
                    let l = i18n.get_locale();
                    td_string!(l, sessions.held_cancelled, held = format::count(l, h.held), cancelled = format::count(l, h.cancelled)).to_string()
                }}</dd>
            </div>
            <div>
                <dt>{t!(i18n, sessions.goal_progress)}</dt>
                <dd>{match h.goal_percent {
                    Some(p) => view! {
                        <span class="progress-row">
                            <progress max="100" value=p.to_string() aria-hidden="true"></progress>
                            <span>{move || format::percent(i18n.get_locale(), f64::from(p) / 100.0)}</span>
                        </span>
                    }.into_any(),
                    None => view! { <span>{t!(i18n, sessions.no_goals)}</span> }.into_any(),
                }}</dd>
            </div>
        </dl>
    }
}

/// Every accepted pair as a card, by the reverse mentor's name.
#[component]
fn AllPairs() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let ui = use_sessions_ui();
    let health = use_health();
    let rows = Memo::new(move |_| {
        let l = i18n.get_locale();
        state.workspace.with(|ws| {
            // Looked up by id once, not by scanning everyone for each pair.
            let by_id: HashMap<&ParticipantId, &str> = ws
                .participants
                .iter()
                .rev()
                .map(|p| (&p.id, p.name.as_str()))
                .collect();
            let name = |id: &ParticipantId| {
                by_id.get(id).map_or_else(
                    || td_string!(l, sessions.unknown_person).to_string(),
                    |n| n.to_string(),
                )
            };
            let mut rows: Vec<(String, String, PairHealth)> = health.with(|all| {
                all.iter()
                    .map(|h| (name(&h.pair.mentor), name(&h.pair.mentee), h.clone()))
                    .collect()
            });
            rows.sort_by_key(|r| {
                (
                    crate::domain::text::search_key(&r.0),
                    crate::domain::text::search_key(&r.1),
                )
            });
            rows
        })
    });
    view! {
        <section class="all-pairs" aria-labelledby=ALL_PAIRS_HEADING>
            <div class="section-head">
                <h2 id=ALL_PAIRS_HEADING tabindex="-1">
                    {t!(i18n, sessions.all_pairs)}" "
                    <span class="count">{move || format!("({})", format::count(i18n.get_locale(), rows.with(Vec::len)))}</span>
                </h2>
                <button type="button" class="secondary" on:click=move |_| download_calendar(state, i18n.get_locale_untracked(), None)>
                    {t!(i18n, sessions.download_calendar)}
                </button>
            </div>
            <p class="hint">{t!(i18n, sessions.calendar_hint)}</p>
            <ul class="pair-cards">
                {move || rows.get().into_iter().map(|(mentor, mentee, h)| {
                    let heading_id = unique_id("pair-card");
                    let key = h.pair.clone();
                    let open_names = format!("{mentor} ⇄ {mentee}");
                    view! {
                        <li>
                            <article class="pair-card card" aria-labelledby=heading_id.clone()>
                                <header class="pair-card-head">
                                    <h3 id=heading_id.clone()>
                                        <span class="person-name">{mentor.clone()}</span>
                                        <span class="pair-sep" aria-hidden="true">" ⇄ "</span>
                                        <span class="visually-hidden">{move || format!(" {} ", td_string!(i18n.get_locale(), pairing.and))}</span>
                                        <span class="person-name">{mentee.clone()}</span>
                                    </h3>
                                    <HealthBadge health=h.health/>
                                </header>
                                <PairFacts health=h.clone()/>
                                <div class="card-actions">
                                    <button type="button" class="primary small" on:click=move |_| ui.open_pair(key.clone(), Reveal::Sessions)>
                                        {t!(i18n, sessions.open_pair)}
                                        <span class="visually-hidden">" "{open_names.clone()}</span>
                                    </button>
                                </div>
                            </article>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </section>
    }
}

/// One pair: health and alerts, sessions, schedule, agreement, emails.
#[component]
fn PairDetail(key: PairKey) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let ui = use_sessions_ui();
    let health = use_health();
    let mine = {
        let key = key.clone();
        Memo::new(move |_| health.with(|all| all.iter().find(|h| h.pair == key).cloned()))
    };
    let names = {
        let key = key.clone();
        move || {
            let l = i18n.get_locale();
            state.workspace.with(|ws| {
                (
                    person_name(l, ws, &key.mentor),
                    person_name(l, ws, &key.mentee),
                )
            })
        }
    };
    let names_for_roles = names.clone();
    let download_key = key.clone();
    let alert_key = key.clone();
    view! {
        <section class="pair-detail" aria-labelledby=PAIR_HEADING>
            <button type="button" class="link back-link" on:click=move |_| ui.close()>
                <span aria-hidden="true">"← "</span>{t!(i18n, sessions.back_to_pairs)}
            </button>
            <div class="pair-detail-head">
                <h2 id=PAIR_HEADING tabindex="-1">
                    {move || {
                        let (mentor, mentee) = names();
                        view! {
                            <span class="person-name">{mentor}</span>
                            <span class="pair-sep" aria-hidden="true">" ⇄ "</span>
                            <span class="visually-hidden">{format!(" {} ", td_string!(i18n.get_locale(), pairing.and))}</span>
                            <span class="person-name">{mentee}</span>
                        }
                    }}
                </h2>
                {move || mine.get().map(|h| view! { <HealthBadge health=h.health/> })}
            </div>
            <p class="pair-roles">{move || {
                let l = i18n.get_locale();
                let (mentor, mentee) = names_for_roles();
                format!("{}: {mentor} · {}: {mentee}", role_label(l, Role::ReverseMentor), role_label(l, Role::Mentee))
            }}</p>
            {move || mine.get().map(|h| {
                let facts = view! { <PairFacts health=h.clone()/> };
                let alerts = (!h.alerts.is_empty()).then(|| {
                    let key = alert_key.clone();
                    view! {
                        <div class="pair-alerts">
                            <h3 id="pair-alerts-heading">{t!(i18n, sessions.pair_alerts)}</h3>
                            <ul class="alert-lines">
                                {h.alerts.into_iter().map(|alert| view! {
                                    <AlertLine alert=alert key=key.clone() heading_id="pair-alerts-heading".to_string()/>
                                }).collect_view()}
                            </ul>
                        </div>
                    }
                });
                view! { {facts} {alerts} }
            })}
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| download_calendar(state, i18n.get_locale_untracked(), Some(download_key.clone()))>
                    {t!(i18n, sessions.download_calendar)}
                </button>
            </div>
            <SessionsList key=key.clone()/>
            <ScheduleSection key=key.clone()/>
            <AgreementSection key=key.clone()/>
            <div id=EMAILS_ID class="pair-emails-wrap" tabindex="-1">
                <PairEmails pair=key.clone()/>
            </div>
        </section>
    }
}

/// Program-wide settings: time zone, holidays, alert thresholds, check-ins.
#[component]
fn SettingsSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let expanded = RwSignal::new(false);
    let zone_id = unique_id("time-zone");
    let holiday_id = unique_id("holiday");
    let holiday_text = RwSignal::new(String::new());
    let holiday_error = RwSignal::new(false);
    let settings = Memo::new(move |_| state.workspace.with(|ws| ws.sessions.settings.clone()));
    let zone = Memo::new(move |_| state.workspace.with(effective_zone));

    let add_holiday = move |_| match Date::parse_iso(holiday_text.get_untracked().trim()) {
        Some(date) => {
            state.edit(|ws| {
                let list = &mut ws.sessions.settings.holidays;
                if !list.contains(&date) {
                    list.push(date);
                    list.sort();
                }
            });
            holiday_text.set(String::new());
            holiday_error.set(false);
        }
        None => holiday_error.set(true),
    };

    view! {
        <section class="card sessions-settings" aria-labelledby="sessions-settings-heading">
            <h2 id="sessions-settings-heading" class="disclosure-heading">
                <button type="button" class="disclosure" aria-expanded=move || expanded.get().to_string() aria-controls="sessions-settings-body" on:click=move |_| expanded.update(|e| *e = !*e)>
                    <span class="disclosure-mark" aria-hidden="true">{move || if expanded.get() { "▾" } else { "▸" }}</span>
                    {t!(i18n, sessions.settings)}
                </button>
            </h2>
            <div id="sessions-settings-body" hidden=move || !expanded.get()>
                <div class="grid-2">
                    <div class="field">
                        <label for=zone_id.clone()>{t!(i18n, sessions.time_zone)}</label>
                        <p class="hint" id=format!("{zone_id}-hint")>{t!(i18n, sessions.time_zone_hint)}</p>
                        <select id=zone_id.clone() aria-describedby=format!("{zone_id}-hint") on:change=move |ev| {
                            let value = event_target_value(&ev);
                            if tz::is_supported(&value) {
                                state.edit(|ws| ws.sessions.settings.time_zone = value);
                            }
                        }>
                            {tz::ZONES.iter().map(|name| view! {
                                <option value=*name selected=move || zone.get() == *name>{name.replace('_', " ")}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <span class="label" id="holidays-label">{t!(i18n, sessions.holidays)}</span>
                        <p class="hint">{t!(i18n, sessions.holidays_hint)}</p>
                        <ul class="date-chips" aria-labelledby="holidays-label">
                            {move || settings.get().holidays.into_iter().map(|date| {
                                let label = move || format::weekday_date(i18n.get_locale(), date);
                                view! {
                                    <li>
                                        <span>{label}</span>
                                        <button type="button" class="link danger-text"
                                            aria-label=move || td_string!(i18n.get_locale(), sessions.remove_holiday, date = format::date(i18n.get_locale(), date)).to_string()
                                            on:click=move |_| state.edit(|ws| ws.sessions.settings.holidays.retain(|d| *d != date))>
                                            {t!(i18n, common.remove)}
                                        </button>
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                        <div class="add-row">
                            <div class="field" class:invalid=move || holiday_error.get()>
                                <label for=holiday_id.clone()>{t!(i18n, sessions.holiday_date)}</label>
                                <input type="date" id=holiday_id.clone()
                                    prop:value=move || holiday_text.get()
                                    aria-invalid=move || holiday_error.get().then_some("true")
                                    aria-describedby=move || holiday_error.get().then(|| "holiday-error".to_string())
                                    on:input=move |ev| holiday_text.set(event_target_value(&ev))/>
                                <Show when=move || holiday_error.get()>
                                    <p class="field-error" id="holiday-error">{t!(i18n, sessions.date_invalid)}</p>
                                </Show>
                            </div>
                            <button type="button" class="secondary" on:click=add_holiday>{t!(i18n, sessions.add_holiday)}</button>
                        </div>
                    </div>
                </div>
                <fieldset>
                    <legend>{t!(i18n, sessions.alerts_settings)}</legend>
                    <div class="grid-3">
                        <NumberSetting
                            label=Signal::derive(move || t_string!(i18n, sessions.no_session_days).to_string())
                            hint=Signal::derive(move || t_string!(i18n, sessions.no_session_days_hint).to_string())
                            value=Signal::derive(move || u32::from(settings.get().alerts.no_session_days))
                            min=1 max=365
                            on_set=Callback::new(move |v: u32| state.edit(|ws| ws.sessions.settings.alerts.no_session_days = v as u16))
                        />
                        <NumberSetting
                            label=Signal::derive(move || t_string!(i18n, sessions.low_rating).to_string())
                            hint=Signal::derive(move || t_string!(i18n, sessions.low_rating_hint).to_string())
                            value=Signal::derive(move || u32::from(settings.get().alerts.low_rating))
                            min=1 max=4
                            on_set=Callback::new(move |v: u32| state.edit(|ws| ws.sessions.settings.alerts.low_rating = v as u8))
                        />
                        <NumberSetting
                            label=Signal::derive(move || t_string!(i18n, sessions.low_mood).to_string())
                            hint=Signal::derive(move || t_string!(i18n, sessions.low_mood_hint).to_string())
                            value=Signal::derive(move || u32::from(settings.get().alerts.low_mood))
                            min=1 max=4
                            on_set=Callback::new(move |v: u32| state.edit(|ws| ws.sessions.settings.alerts.low_mood = v as u8))
                        />
                    </div>
                    <button type="button" class="link" on:click=move |_| state.edit(|ws| ws.sessions.settings.alerts = AlertSettings::default())>
                        {t!(i18n, sessions.reset_alerts)}
                    </button>
                </fieldset>
                <fieldset>
                    <legend>{t!(i18n, sessions.checkin_settings)}</legend>
                    <div class="grid-2">
                        <NumberSetting
                            label=Signal::derive(move || t_string!(i18n, sessions.first_checkin_day).to_string())
                            hint=Signal::derive(move || t_string!(i18n, sessions.first_checkin_day_hint).to_string())
                            value=Signal::derive(move || u32::from(settings.get().first_checkin_day))
                            min=1 max=365
                            on_set=Callback::new(move |v: u32| state.edit(|ws| ws.sessions.settings.first_checkin_day = v as u16))
                        />
                        <NumberSetting
                            label=Signal::derive(move || t_string!(i18n, sessions.checkin_every_days).to_string())
                            hint=Signal::derive(move || t_string!(i18n, sessions.checkin_every_days_hint).to_string())
                            value=Signal::derive(move || u32::from(settings.get().checkin_every_days))
                            min=1 max=365
                            on_set=Callback::new(move |v: u32| state.edit(|ws| ws.sessions.settings.checkin_every_days = v as u16))
                        />
                    </div>
                </fieldset>
            </div>
        </section>
    }
}

/// A whole number saved on change; out-of-range or unreadable input snaps
/// back to the saved value, so the field never shows a number not in use.
#[component]
fn NumberSetting(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] hint: Signal<String>,
    #[prop(into)] value: Signal<u32>,
    min: u32,
    max: u32,
    on_set: Callback<u32>,
) -> impl IntoView {
    let id = unique_id("setting");
    let hint_id = format!("{id}-hint");
    let on_change = move |ev: leptos::ev::Event| {
        if let Ok(typed) = event_target_value(&ev).trim().parse::<i64>() {
            on_set.run(typed.clamp(i64::from(min), i64::from(max)) as u32);
        }
        if let Some(input) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
        {
            input.set_value(&value.get_untracked().to_string());
        }
    };
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <p class="hint" id=hint_id.clone()>{move || hint.get()}</p>
            <input type="number" id=id.clone() min=min.to_string() max=max.to_string() step="1" inputmode="numeric"
                prop:value=move || value.get().to_string()
                aria-describedby=hint_id.clone()
                on:change=on_change/>
        </div>
    }
}

/// Sessions of a pair that are planned or rescheduled for a day that has
/// come, oldest first: the ones waiting to be logged.
pub fn waiting_to_log<'a>(sessions: &[&'a Session], today: Date) -> Vec<&'a Session> {
    sessions
        .iter()
        .copied()
        .filter(|s| {
            matches!(
                s.status,
                SessionStatus::Planned | SessionStatus::Rescheduled
            ) && s.start.date <= today
        })
        .collect()
}

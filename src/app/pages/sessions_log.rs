//! A pair's sessions: the list with one-click "Held" and "Cancelled", and the
//! log form (status, date, time, length, topics, notes, a rating from each
//! side, progress on each goal). The form lists every problem at once, and
//! nothing is saved until all are fixed (`sessions::log::record`).

use super::sessions::{
    SESSIONS_HEADING, focus_soon, person_name, status_class, status_label, use_sessions_ui,
    waiting_to_log, when,
};
use crate::app::components::{ConfirmDialog, FieldError, unique_id};
use crate::app::i18n::*;
use crate::app::lang::use_lang;
use crate::app::state::use_state;
use crate::app::{browser, format};
use crate::domain::matching::PairKey;
use crate::domain::sessions::log::{self, EntryProblem, SessionEntry};
use crate::domain::sessions::schedule::default_spec;
use crate::domain::sessions::{
    GoalProgress, LocalDateTime, LocalTime, Session, SessionStatus, SessionsState,
};
use crate::domain::validation::limits;
use crate::domain::{Date, GoalId, Lang, Role, SessionId, SkillId, Workspace};
use leptos::prelude::*;

/// What the log form edits: a session already in the list, or one that was
/// never planned (added when saved).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LogTarget {
    Existing(SessionId),
    New,
}

const FORM_HEADING: &str = "log-form-heading";

/// The pair's sessions in time order, with quick status buttons and the log form.
#[component]
pub fn SessionsList(key: PairKey) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let ui = use_sessions_ui();
    let today = ui.today;
    let target = RwSignal::new(None::<LogTarget>);
    let sessions = {
        let key = key.clone();
        Memo::new(move |_| {
            state.workspace.with(|ws| {
                ws.sessions
                    .sessions_of(&key)
                    .into_iter()
                    .cloned()
                    .collect::<Vec<Session>>()
            })
        })
    };
    let open_form = move |chosen: LogTarget| {
        target.set(Some(chosen));
        focus_soon(FORM_HEADING);
    };
    // "Log session" picks the oldest session whose day has come and that is
    // not logged yet; with none, a session outside the plan.
    let log_next = move |_| {
        let next = sessions.with_untracked(|list| {
            let refs: Vec<&Session> = list.iter().collect();
            waiting_to_log(&refs, today.get_untracked())
                .first()
                .map(|s| LogTarget::Existing(s.id.clone()))
        });
        open_form(next.unwrap_or(LogTarget::New));
    };
    let quick = move |id: SessionId, status: SessionStatus| {
        let locale = i18n.get_locale_untracked();
        let mut outcome = Ok(());
        state.edit(|ws| {
            outcome = log::quick_status(&mut ws.sessions, &id, status, today.get_untracked())
        });
        let text = match outcome {
            Ok(()) => td_string!(
                locale,
                sessions.status_saved,
                status = status_label(locale, status)
            )
            .to_string(),
            Err(problem) => entry_problem_message(locale, &problem, &[]),
        };
        state.notify(text);
    };
    let form_key = key.clone();

    view! {
        <section class="pair-sessions" aria-labelledby=SESSIONS_HEADING>
            <div class="section-head">
                <h3 id=SESSIONS_HEADING tabindex="-1">{t!(i18n, sessions.sessions_heading)}</h3>
                <button type="button" class="primary" on:click=log_next>
                    {t!(i18n, sessions.log_session)}
                </button>
            </div>
            {move || { state.jumps.track(); target.get() }.map(|chosen| view! {
                <SessionLogForm key=form_key.clone() target=chosen on_done=Callback::new(move |()| {
                    target.set(None);
                    focus_soon(SESSIONS_HEADING);
                })/>
            })}
            <Show
                when=move || sessions.with(|s| !s.is_empty())
                fallback=move || view! { <p class="empty">{t!(i18n, sessions.no_sessions)}</p> }
            >
                <ol class="session-list">
                    {move || sessions.get().into_iter().map(|session| {
                        let l = i18n.get_locale();
                        let at = when(l, session.start);
                        let id = session.id.clone();
                        let (held_id, cancel_id, edit_id) = (id.clone(), id.clone(), id.clone());
                        let can_hold = session.status != SessionStatus::Held && session.start.date <= today.get();
                        let can_cancel = matches!(session.status, SessionStatus::Planned | SessionStatus::Rescheduled);
                        let logged = session.status != SessionStatus::Planned;
                        let (ratings, topics) = state.workspace.with(|ws| (ratings_line(l, ws, &session), topics_line(l, ws, &session)));
                        let moved = session.rescheduled_from.map(|from| td_string!(l, sessions.moved_from, when = when(l, from)).to_string());
                        let (at_held, at_cancel, at_edit) = (at.clone(), at.clone(), at.clone());
                        view! {
                            <li class="session-row">
                                <div class="session-main">
                                    <p class="session-when">
                                        <strong>{at.clone()}</strong>" "
                                        <span class="session-length">{td_string!(l, sessions.minutes_short, minutes = session.minutes).to_string()}</span>
                                    </p>
                                    <span class=status_class(session.status)>{status_label(l, session.status)}</span>
                                    {moved.map(|m| view! { <p class="session-detail">{m}</p> })}
                                    {topics.map(|t| view! { <p class="session-detail">{t}</p> })}
                                    {ratings.map(|r| view! { <p class="session-detail">{r}</p> })}
                                    {(!session.notes.trim().is_empty()).then(|| view! { <p class="session-notes">{session.notes.clone()}</p> })}
                                </div>
                                <div class="row-actions">
                                    {can_hold.then(|| view! {
                                        <button type="button" class="secondary small" on:click=move |_| quick(held_id.clone(), SessionStatus::Held)>
                                            {t!(i18n, sessions.quick_held)}<span class="visually-hidden">{format!(" – {at_held}")}</span>
                                        </button>
                                    })}
                                    {can_cancel.then(|| view! {
                                        <button type="button" class="secondary small danger-text" on:click=move |_| quick(cancel_id.clone(), SessionStatus::Cancelled)>
                                            {t!(i18n, sessions.quick_cancelled)}<span class="visually-hidden">{format!(" – {at_cancel}")}</span>
                                        </button>
                                    })}
                                    <button type="button" class="link small" on:click=move |_| open_form(LogTarget::Existing(edit_id.clone()))>
                                        {if logged { t!(i18n, sessions.edit_log).into_any() } else { t!(i18n, sessions.log_details).into_any() }}
                                        <span class="visually-hidden">{format!(" – {at_edit}")}</span>
                                    </button>
                                </div>
                            </li>
                        }
                    }).collect_view()}
                </ol>
            </Show>
        </section>
    }
}

fn ratings_line(locale: Locale, ws: &Workspace, session: &Session) -> Option<String> {
    let parts: Vec<String> = [
        (&session.pair.mentor, session.mentor_rating),
        (&session.pair.mentee, session.mentee_rating),
    ]
    .into_iter()
    .filter_map(|(who, rating)| {
        rating.map(|r| {
            td_string!(
                locale,
                sessions.rating_by,
                name = person_name(locale, ws, who),
                rating = r
            )
            .to_string()
        })
    })
    .collect();
    (!parts.is_empty())
        .then(|| td_string!(locale, sessions.ratings_line, list = parts.join(" · ")).to_string())
}

fn topics_line(locale: Locale, ws: &Workspace, session: &Session) -> Option<String> {
    let lang = crate::app::lang::domain_lang(locale);
    let names: Vec<String> = session
        .topics
        .iter()
        .map(|t| ws.catalogue.label(t, lang))
        .collect();
    (!names.is_empty())
        .then(|| td_string!(locale, sessions.topics_line, list = names.join(", ")).to_string())
}

/// Skills worth offering as topics first: what the mentor teaches and the
/// mentee wants, what flows back, the goals' skills, and anything already
/// chosen; each once.
fn pair_topics(
    ws: &Workspace,
    key: &PairKey,
    chosen: &[SkillId],
    lang: Lang,
) -> Vec<(SkillId, String)> {
    let mut ids: Vec<SkillId> = Vec::new();
    let mut add = |id: &SkillId| {
        if !ids.contains(id) {
            ids.push(id.clone());
        }
    };
    if let Some(mentor) = ws.participant(&key.mentor) {
        mentor.skills_offered.iter().for_each(|s| add(&s.skill));
    }
    if let Some(mentee) = ws.participant(&key.mentee) {
        mentee.skills_wanted.iter().for_each(|s| add(&s.skill));
        mentee.skills_offered.iter().for_each(|s| add(&s.skill));
    }
    if let Some(mentor) = ws.participant(&key.mentor) {
        mentor.skills_wanted.iter().for_each(|s| add(&s.skill));
    }
    if let Some(agreement) = ws.sessions.agreement(key) {
        agreement
            .goals
            .iter()
            .filter_map(|g| g.skill.as_ref())
            .for_each(&mut add);
    }
    chosen.iter().for_each(&mut add);
    ids.into_iter()
        .map(|id| {
            let label = ws.catalogue.label(&id, lang);
            (id, label)
        })
        .collect()
}

/// The form's text, parsed only on save.
#[derive(Clone, Debug, PartialEq)]
struct LogDraft {
    status: SessionStatus,
    date: String,
    time: String,
    minutes: String,
    topics: Vec<SkillId>,
    notes: String,
    mentor_rating: Option<u8>,
    mentee_rating: Option<u8>,
    /// One entry per goal of the agreement; blank means "not recorded".
    progress: Vec<(GoalId, String)>,
}

/// Where a problem is shown.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Field {
    Date,
    Time,
    Minutes,
    Rating(Role),
    Goal(GoalId),
    Whole,
}

/// A problem of the form: text that is not a value yet, or the core's verdict.
#[derive(Clone, Debug, PartialEq, Eq)]
enum LogProblem {
    DateMissing,
    DateInvalid,
    TimeInvalid,
    MinutesNotNumber,
    PercentNotNumber { goal: GoalId },
    Entry(EntryProblem),
}

impl LogProblem {
    fn field(&self) -> Field {
        match self {
            LogProblem::DateMissing | LogProblem::DateInvalid => Field::Date,
            LogProblem::TimeInvalid => Field::Time,
            LogProblem::MinutesNotNumber => Field::Minutes,
            LogProblem::PercentNotNumber { goal } => Field::Goal(goal.clone()),
            LogProblem::Entry(problem) => match problem {
                EntryProblem::MinutesOutOfRange { .. } => Field::Minutes,
                EntryProblem::RatingOutOfRange { by, .. } => Field::Rating(*by),
                EntryProblem::PercentOver100 { goal, .. } => Field::Goal(goal.clone()),
                EntryProblem::HeldInFuture { .. } => Field::Date,
                EntryProblem::UnknownSession
                | EntryProblem::UnknownGoal { .. }
                | EntryProblem::DuplicateGoal { .. } => Field::Whole,
            },
        }
    }
}

/// A core problem in words; `goals` names goals by their text.
fn entry_problem_message(
    locale: Locale,
    problem: &EntryProblem,
    goals: &[(GoalId, String)],
) -> String {
    let goal_name = |id: &GoalId| {
        goals
            .iter()
            .find(|(g, _)| g == id)
            .map(|(_, name)| name.clone())
            .unwrap_or_default()
    };
    match problem {
        EntryProblem::UnknownSession => {
            td_string!(locale, sessions.problem_unknown_session).to_string()
        }
        EntryProblem::MinutesOutOfRange { .. } => td_string!(
            locale,
            sessions.problem_minutes_range,
            min = log::MIN_MINUTES,
            max = log::MAX_MINUTES
        )
        .to_string(),
        EntryProblem::RatingOutOfRange { .. } => {
            td_string!(locale, sessions.problem_rating_range).to_string()
        }
        EntryProblem::PercentOver100 { .. } => {
            td_string!(locale, sessions.problem_percent).to_string()
        }
        EntryProblem::UnknownGoal { goal } => td_string!(
            locale,
            sessions.problem_unknown_goal,
            goal = goal_name(goal)
        )
        .to_string(),
        EntryProblem::DuplicateGoal { goal } => td_string!(
            locale,
            sessions.problem_duplicate_goal,
            goal = goal_name(goal)
        )
        .to_string(),
        EntryProblem::HeldInFuture { date } => td_string!(
            locale,
            sessions.problem_held_in_future,
            date = format::date(locale, *date)
        )
        .to_string(),
    }
}

fn problem_message(locale: Locale, problem: &LogProblem, goals: &[(GoalId, String)]) -> String {
    match problem {
        LogProblem::DateMissing => td_string!(locale, sessions.problem_date_missing).to_string(),
        LogProblem::DateInvalid => td_string!(locale, sessions.date_invalid).to_string(),
        LogProblem::TimeInvalid => td_string!(locale, sessions.problem_time).to_string(),
        LogProblem::MinutesNotNumber => td_string!(
            locale,
            sessions.problem_minutes_range,
            min = log::MIN_MINUTES,
            max = log::MAX_MINUTES
        )
        .to_string(),
        LogProblem::PercentNotNumber { .. } => {
            td_string!(locale, sessions.problem_percent).to_string()
        }
        LogProblem::Entry(problem) => entry_problem_message(locale, problem, goals),
    }
}

/// Turns the draft into an entry, standing in a harmless value for any field
/// that cannot be read (and reporting it), so the core can still check
/// everything else and the form can list every problem in one go.
fn parse_draft(draft: &LogDraft, id: SessionId, today: Date) -> (SessionEntry, Vec<LogProblem>) {
    let mut problems = Vec::new();
    let date = match draft.date.trim() {
        "" => {
            problems.push(LogProblem::DateMissing);
            today
        }
        text => Date::parse_iso(text).unwrap_or_else(|| {
            problems.push(LogProblem::DateInvalid);
            today
        }),
    };
    let time = LocalTime::parse(draft.time.trim()).unwrap_or_else(|| {
        problems.push(LogProblem::TimeInvalid);
        LocalTime::from_minutes(0).expect("midnight exists")
    });
    let minutes = draft.minutes.trim().parse::<u16>().unwrap_or_else(|_| {
        problems.push(LogProblem::MinutesNotNumber);
        log::MIN_MINUTES
    });
    let mut goal_progress = Vec::new();
    for (goal, text) in &draft.progress {
        let text = text.trim().trim_end_matches('%').trim();
        if text.is_empty() {
            continue;
        }
        match text.parse::<u8>() {
            Ok(percent) => goal_progress.push(GoalProgress {
                goal: goal.clone(),
                percent,
            }),
            Err(_) => problems.push(LogProblem::PercentNotNumber { goal: goal.clone() }),
        }
    }
    let entry = SessionEntry {
        id,
        start: LocalDateTime { date, time },
        minutes,
        status: draft.status,
        topics: draft.topics.clone(),
        notes: draft.notes.trim().to_string(),
        mentor_rating: draft.mentor_rating,
        mentee_rating: draft.mentee_rating,
        goal_progress,
    };
    (entry, problems)
}

/// Checks and applies the draft on a copy of the log; the copy comes back
/// only when everything is right.
fn save_draft(
    sessions: &SessionsState,
    key: &PairKey,
    target: &LogTarget,
    draft: &LogDraft,
    new_id: SessionId,
    today: Date,
) -> Result<SessionsState, Vec<LogProblem>> {
    let mut copy = sessions.clone();
    let id = match target {
        LogTarget::Existing(id) => id.clone(),
        LogTarget::New => new_id,
    };
    let (entry, mut problems) = parse_draft(draft, id, today);
    if *target == LogTarget::New {
        log::add_unplanned(
            &mut copy,
            key.clone(),
            entry.start,
            entry.minutes,
            entry.id.clone(),
        );
    }
    if let Err(found) = log::record(&mut copy, entry, today) {
        // A field that could not be read already has its problem; the core's
        // verdict on the stand-in value would only repeat it.
        let unread: Vec<Field> = problems.iter().map(LogProblem::field).collect();
        problems.extend(
            found
                .into_iter()
                .map(LogProblem::Entry)
                .filter(|p| !unread.contains(&p.field())),
        );
    }
    if problems.is_empty() {
        Ok(copy)
    } else {
        Err(problems)
    }
}

/// The log form for one session of `key`.
#[component]
fn SessionLogForm(key: PairKey, target: LogTarget, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let ui = use_sessions_ui();
    let today = ui.today.get_untracked();
    let locale = i18n.get_locale_untracked();

    let (initial, existing, goals) = state.workspace.with_untracked(|ws| {
        let goals: Vec<(GoalId, String, u8)> = ws
            .sessions
            .agreement(&key)
            .map(|a| {
                a.goals
                    .iter()
                    .enumerate()
                    .map(|(i, g)| {
                        let name = if g.text.trim().is_empty() {
                            td_string!(locale, sessions.goal_number, number = i + 1).to_string()
                        } else {
                            g.text.trim().to_string()
                        };
                        (g.id.clone(), name, g.percent())
                    })
                    .collect()
            })
            .unwrap_or_default();
        let session = match &target {
            LogTarget::Existing(id) => log::find(&ws.sessions, id).cloned(),
            LogTarget::New => None,
        };
        let draft = match &session {
            Some(s) => LogDraft {
                // Logging a planned session whose day has come: most likely it was held.
                status: if s.status == SessionStatus::Planned && s.start.date <= today {
                    SessionStatus::Held
                } else {
                    s.status
                },
                date: s.start.date.to_string(),
                time: s.start.time.to_string(),
                minutes: s.minutes.to_string(),
                topics: s.topics.clone(),
                notes: s.notes.clone(),
                mentor_rating: s.mentor_rating,
                mentee_rating: s.mentee_rating,
                progress: goals
                    .iter()
                    .map(|(id, _, _)| {
                        let recorded = s.goal_progress.iter().find(|p| &p.goal == id);
                        (
                            id.clone(),
                            recorded.map(|p| p.percent.to_string()).unwrap_or_default(),
                        )
                    })
                    .collect(),
            },
            None => {
                let spec = default_spec(ws, &key, today);
                LogDraft {
                    status: SessionStatus::Held,
                    date: today.to_string(),
                    time: spec.time.to_string(),
                    minutes: spec.minutes.to_string(),
                    topics: Vec::new(),
                    notes: String::new(),
                    mentor_rating: None,
                    mentee_rating: None,
                    progress: goals
                        .iter()
                        .map(|(id, _, _)| (id.clone(), String::new()))
                        .collect(),
                }
            }
        };
        (draft, session, goals)
    });
    let goal_names: Vec<(GoalId, String)> = goals
        .iter()
        .map(|(id, name, _)| (id.clone(), name.clone()))
        .collect();
    let draft = RwSignal::new(initial);
    let problems = RwSignal::new(Vec::<LogProblem>::new());
    let summary_id = unique_id("log-problems");
    let confirm_remove = RwSignal::new(false);

    let names = state.workspace.with_untracked(|ws| {
        (
            person_name(locale, ws, &key.mentor),
            person_name(locale, ws, &key.mentee),
        )
    });
    let context_line = match &existing {
        Some(s) => {
            td_string!(locale, sessions.log_existing, when = when(locale, s.start)).to_string()
        }
        None => td_string!(locale, sessions.log_new).to_string(),
    };

    let names_for_error = goal_names.clone();
    let error_for = move |field: Field| {
        let names = names_for_error.clone();
        Signal::derive(move || {
            let l = i18n.get_locale();
            problems.with(|list| {
                list.iter()
                    .find(|p| p.field() == field)
                    .map(|p| problem_message(l, p, &names))
            })
        })
    };

    let summary_focus = summary_id.clone();
    let save_key = key.clone();
    let save_target = target.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = draft.get_untracked();
        let new_id = SessionId::from_random_bytes(browser::random_bytes());
        let outcome = state.workspace.with_untracked(|ws| {
            save_draft(
                &ws.sessions,
                &save_key,
                &save_target,
                &current,
                new_id,
                today,
            )
        });
        match outcome {
            Ok(saved) => {
                state.edit(|ws| ws.sessions = saved);
                problems.set(Vec::new());
                state.notify(t_string!(i18n, sessions.log_saved).to_string());
                on_done.run(());
            }
            Err(found) => {
                problems.set(found);
                browser::focus_element(&summary_focus);
            }
        }
    };
    let remove_target = target.clone();
    let remove = Callback::new(move |()| {
        if let LogTarget::Existing(id) = &remove_target {
            state.edit(|ws| {
                log::remove(&mut ws.sessions, id);
            });
            state.notify(t_string!(i18n, sessions.session_removed).to_string());
            on_done.run(());
        }
    });

    let topics_key = key.clone();
    let topics = Memo::new(move |_| {
        let lang = lang.get();
        let chosen = draft.with(|d| d.topics.clone());
        state
            .workspace
            .with(|ws| pair_topics(ws, &topics_key, &chosen, lang))
    });
    let other_topics = Memo::new(move |_| {
        let lang = lang.get();
        let shown: Vec<SkillId> = topics.with(|t| t.iter().map(|(id, _)| id.clone()).collect());
        state.workspace.with(|ws| {
            ws.catalogue
                .entries(lang)
                .into_iter()
                .filter(|(id, _, _)| !shown.contains(id))
                .map(|(id, label, _)| (id, label))
                .collect::<Vec<_>>()
        })
    });

    let date_id = unique_id("log-date");
    let time_id = unique_id("log-time");
    let minutes_id = unique_id("log-minutes");
    let notes_id = unique_id("log-notes");
    let other_id = unique_id("log-other-topic");
    let (mentor_name, mentee_name) = names.clone();
    let names_for_summary = goal_names.clone();
    let is_existing = existing.is_some();

    view! {
        <form class="log-form card" on:submit=save novalidate aria-labelledby=FORM_HEADING>
            <h4 id=FORM_HEADING tabindex="-1">{t!(i18n, sessions.log_form_title)}</h4>
            <p class="hint">{context_line}</p>
            <div id=summary_id.clone() tabindex="-1">
                <Show when=move || problems.with(|p| !p.is_empty())>
                    <div class="problems" role="alert">
                        <p class="problems-heading">{t!(i18n, sessions.log_problems)}</p>
                        <ul>
                            {
                                let names = names_for_summary.clone();
                                let (mentor_name, mentee_name) = (mentor_name.clone(), mentee_name.clone());
                                move || {
                                    let l = i18n.get_locale();
                                    problems.get().into_iter().map(|p| {
                                        let label = match p.field() {
                                            Field::Date => Some(td_string!(l, sessions.log_date).to_string()),
                                            Field::Time => Some(td_string!(l, sessions.log_time).to_string()),
                                            Field::Minutes => Some(td_string!(l, sessions.log_minutes).to_string()),
                                            Field::Rating(Role::ReverseMentor) => Some(td_string!(l, sessions.rating_from, name = mentor_name.clone()).to_string()),
                                            Field::Rating(Role::Mentee) => Some(td_string!(l, sessions.rating_from, name = mentee_name.clone()).to_string()),
                                            Field::Goal(goal) => names.iter().find(|(g, _)| *g == goal).map(|(_, n)| td_string!(l, sessions.progress_on, goal = n.clone()).to_string()),
                                            Field::Whole => None,
                                        };
                                        let message = problem_message(l, &p, &names);
                                        let line = match label {
                                            Some(label) => format!("{label}: {message}"),
                                            None => message,
                                        };
                                        view! { <li>{line}</li> }
                                    }).collect_view()
                                }
                            }
                        </ul>
                    </div>
                </Show>
            </div>

            <fieldset class="status-group">
                <legend>{t!(i18n, sessions.log_status)}</legend>
                <div class="radio-row">
                    {SessionStatus::ALL.into_iter().map(|status| view! {
                        <label class="radio">
                            <input type="radio" name="log-status" value=format!("{status:?}")
                                prop:checked=move || draft.with(|d| d.status == status)
                                on:change=move |_| draft.update(|d| d.status = status)/>
                            <span>{move || status_label(i18n.get_locale(), status)}</span>
                        </label>
                    }).collect_view()}
                </div>
            </fieldset>

            <div class="grid-3">
                <DraftField id=date_id label=Signal::derive(move || t_string!(i18n, sessions.log_date).to_string())
                    input_type="date" value=Signal::derive(move || draft.with(|d| d.date.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.date = v)) error=error_for(Field::Date)/>
                <DraftField id=time_id label=Signal::derive(move || t_string!(i18n, sessions.log_time).to_string())
                    input_type="time" value=Signal::derive(move || draft.with(|d| d.time.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.time = v)) error=error_for(Field::Time)/>
                <DraftField id=minutes_id label=Signal::derive(move || t_string!(i18n, sessions.log_minutes).to_string())
                    input_type="number" value=Signal::derive(move || draft.with(|d| d.minutes.clone()))
                    on_input=Callback::new(move |v| draft.update(|d| d.minutes = v)) error=error_for(Field::Minutes)/>
            </div>

            <fieldset class="topics">
                <legend>{t!(i18n, sessions.log_topics)}</legend>
                <ul class="checkbox-grid">
                    {move || topics.get().into_iter().map(|(id, label)| {
                        let (checked_id, toggle_id) = (id.clone(), id.clone());
                        view! {
                            <li>
                                <label class="checkbox">
                                    <input type="checkbox"
                                        prop:checked=move || draft.with(|d| d.topics.contains(&checked_id))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            draft.update(|d| {
                                                d.topics.retain(|t| *t != toggle_id);
                                                if on { d.topics.push(toggle_id.clone()); }
                                            });
                                        }/>
                                    <span>{label}</span>
                                </label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <div class="field other-topic">
                    <label for=other_id.clone()>{t!(i18n, sessions.other_topic)}</label>
                    <select id=other_id.clone() on:change=move |ev| {
                        if let Some(id) = SkillId::parse(&event_target_value(&ev)) {
                            draft.update(|d| if !d.topics.contains(&id) { d.topics.push(id) });
                        }
                        if let Some(select) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok()) {
                            select.set_value("");
                        }
                    }>
                        <option value="" selected=true>{t!(i18n, sessions.choose_topic)}</option>
                        {move || other_topics.get().into_iter().map(|(id, label)| view! {
                            <option value=id.to_string()>{label}</option>
                        }).collect_view()}
                    </select>
                </div>
            </fieldset>

            <div class="grid-2">
                <RatingGroup
                    legend=Signal::derive({ let n = names.0.clone(); move || td_string!(i18n.get_locale(), sessions.rating_from, name = n.clone()).to_string() })
                    name=unique_id("mentor-rating")
                    value=Signal::derive(move || draft.with(|d| d.mentor_rating))
                    on_set=Callback::new(move |v| draft.update(|d| d.mentor_rating = v))
                    error=error_for(Field::Rating(Role::ReverseMentor))/>
                <RatingGroup
                    legend=Signal::derive({ let n = names.1.clone(); move || td_string!(i18n.get_locale(), sessions.rating_from, name = n.clone()).to_string() })
                    name=unique_id("mentee-rating")
                    value=Signal::derive(move || draft.with(|d| d.mentee_rating))
                    on_set=Callback::new(move |v| draft.update(|d| d.mentee_rating = v))
                    error=error_for(Field::Rating(Role::Mentee))/>
            </div>

            {(!goals.is_empty()).then(|| view! {
                <fieldset class="goal-progress">
                    <legend>{t!(i18n, sessions.log_goal_progress)}</legend>
                    <p class="hint">{t!(i18n, sessions.log_goal_progress_hint)}</p>
                    <div class="grid-2">
                        {goals.iter().cloned().map(|(goal, name, now)| {
                            let (value_goal, input_goal) = (goal.clone(), goal.clone());
                            let label_name = name.clone();
                            view! {
                                <DraftField id=unique_id("log-goal")
                                    label=Signal::derive(move || td_string!(i18n.get_locale(), sessions.progress_on, goal = label_name.clone()).to_string())
                                    hint=Signal::derive(move || td_string!(i18n.get_locale(), sessions.progress_now, percent = now).to_string())
                                    input_type="number"
                                    value=Signal::derive(move || draft.with(|d| d.progress.iter().find(|(g, _)| *g == value_goal).map(|(_, v)| v.clone()).unwrap_or_default()))
                                    on_input=Callback::new(move |v: String| draft.update(|d| {
                                        if let Some(entry) = d.progress.iter_mut().find(|(g, _)| *g == input_goal) { entry.1 = v; }
                                    }))
                                    error=error_for(Field::Goal(goal))/>
                            }
                        }).collect_view()}
                    </div>
                </fieldset>
            })}

            <div class="field">
                <label for=notes_id.clone()>{t!(i18n, sessions.log_notes)}</label>
                <p class="hint" id=format!("{notes_id}-hint")>{t!(i18n, sessions.log_notes_hint)}</p>
                <textarea id=notes_id.clone() rows="3" maxlength=limits::NOTES.to_string() aria-describedby=format!("{notes_id}-hint")
                    prop:value=move || draft.with(|d| d.notes.clone())
                    on:input=move |ev| draft.update(|d| d.notes = event_target_value(&ev))></textarea>
            </div>

            <div class="actions">
                <button type="submit" class="primary">{t!(i18n, sessions.save_session)}</button>
                <button type="button" class="secondary" on:click=move |_| on_done.run(())>{t!(i18n, common.cancel)}</button>
                {is_existing.then(|| view! {
                    <button type="button" class="link danger-text" on:click=move |_| confirm_remove.set(true)>{t!(i18n, sessions.remove_session)}</button>
                })}
            </div>
            <ConfirmDialog
                open=confirm_remove
                title=Signal::derive(move || t_string!(i18n, sessions.remove_session).to_string())
                message=Signal::derive(move || t_string!(i18n, sessions.remove_session_text).to_string())
                confirm_label=Signal::derive(move || t_string!(i18n, sessions.remove_session).to_string())
                on_confirm=remove
                danger=true
            />
        </form>
    }
}

/// A labelled input bound to a draft text, with hint and inline error
/// (`aria-invalid`, `aria-describedby`).
#[component]
pub fn DraftField(
    id: String,
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into)] error: Signal<Option<String>>,
    #[prop(into, optional)] hint: Option<Signal<String>>,
    #[prop(optional)] input_type: Option<&'static str>,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let described = {
        let (error_id, hint_id) = (error_id.clone(), hint_id.clone());
        move || {
            let ids: Vec<String> = has_hint
                .then(|| hint_id.clone())
                .into_iter()
                .chain(error.get().is_some().then(|| error_id.clone()))
                .collect();
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let numeric = input_type == Some("number");
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{move || label.get()}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{move || hint.get()}</p> })}
            <input
                id=id.clone()
                type=input_type.unwrap_or("text")
                inputmode=numeric.then_some("numeric")
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described
            />
            <FieldError id=error_id message=error/>
        </div>
    }
}

/// A 1–5 rating as radio buttons, with "No rating".
#[component]
fn RatingGroup(
    #[prop(into)] legend: Signal<String>,
    name: String,
    #[prop(into)] value: Signal<Option<u8>>,
    on_set: Callback<Option<u8>>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{name}-hint");
    let error_id = format!("{name}-error");
    let described = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match error.get() {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        }
    };
    let options: Vec<Option<u8>> = std::iter::once(None)
        .chain((Session::MIN_RATING..=Session::MAX_RATING).map(Some))
        .collect();
    view! {
        <fieldset class="rating-group" class:invalid=move || error.get().is_some() aria-describedby=described>
            <legend>{move || legend.get()}</legend>
            <p class="hint" id=hint_id.clone()>{t!(i18n, sessions.rating_hint)}</p>
            <div class="rating-options">
                {options.into_iter().map(|option| {
                    let group = name.clone();
                    view! {
                        <label class="radio">
                            <input type="radio" name=group value=option.map_or_else(String::new, |r| r.to_string())
                                prop:checked=move || value.get() == option
                                aria-invalid=move || error.get().is_some().then_some("true")
                                on:change=move |_| on_set.run(option)/>
                            <span>{move || match option {
                                Some(r) => r.to_string(),
                                None => t_string!(i18n, sessions.no_rating).to_string(),
                            }}</span>
                        </label>
                    }
                }).collect_view()}
            </div>
            <FieldError id=error_id message=error/>
        </fieldset>
    }
}

//! A pair's agreement: SMART goals in both directions, rhythm, channel,
//! ground rules, reviews. A summary is always shown (and printed); the form
//! opens on demand and edits a draft that is saved as a whole.
//!
//! The draft starts from the saved agreement, or from the program's defaults
//! (`Agreement::from_program`) with the channel both people can use
//! (`agreement::suggested_channel`). SMART hints come from
//! `agreement::goal_problems`: they guide, they never block saving.

use super::overview::cadence_label;
use super::participant_form::channel_label;
use super::program::{rule_text, rule_title};
use super::sessions::{AGREEMENT_HEADING, focus_soon, person_name, use_sessions_ui};
use super::sessions_log::DraftField;
use crate::app::components::{FreshAfterUndo, unique_id};
use crate::app::i18n::*;
use crate::app::lang::use_lang;
use crate::app::state::use_state;
use crate::app::{browser, format};
use crate::domain::matching::PairKey;
use crate::domain::sessions::agreement::{self, GoalProblem};
use crate::domain::sessions::{Agreement, Goal, GoalDirection, Milestone};
use crate::domain::validation::limits;
use crate::domain::{Cadence, Channel, Date, GoalId, ObjectiveId, Program, SkillId, StandardRule};
use leptos::prelude::*;

fn goal_problem_text(locale: Locale, problem: &GoalProblem) -> String {
    match problem {
        GoalProblem::EmptyText => td_string!(locale, sessions.smart_specific).to_string(),
        GoalProblem::NoMeasure => td_string!(locale, sessions.smart_measurable).to_string(),
        GoalProblem::NoTargetDate => td_string!(locale, sessions.smart_time_bound).to_string(),
        GoalProblem::TargetBeforeStart { start } => td_string!(
            locale,
            sessions.smart_before_start,
            date = format::date(locale, *start)
        )
        .to_string(),
        GoalProblem::TargetAfterEnd { end } => td_string!(
            locale,
            sessions.smart_after_end,
            date = format::date(locale, *end)
        )
        .to_string(),
        GoalProblem::ProgressOver100 { .. } => {
            td_string!(locale, sessions.problem_percent).to_string()
        }
        GoalProblem::EmptyMilestone { index } => {
            td_string!(locale, sessions.smart_empty_milestone, number = index + 1).to_string()
        }
    }
}

/// "What Bruno learns" / "What Ana learns back".
fn direction_title(locale: Locale, direction: GoalDirection, mentor: &str, mentee: &str) -> String {
    match direction {
        GoalDirection::MenteeLearns => td_string!(
            locale,
            sessions.goals_mentee_learns,
            name = mentee.to_string()
        )
        .to_string(),
        GoalDirection::MentorLearns => td_string!(
            locale,
            sessions.goals_mentor_learns,
            name = mentor.to_string()
        )
        .to_string(),
    }
}

/// The agreement part of a pair's detail.
#[component]
pub fn AgreementSection(key: PairKey) -> impl IntoView {
    let i18n = use_i18n();
    let ui = use_sessions_ui();
    let expanded = ui.agreement_open;
    // Copy, so the form can be built again after an undo.
    let form_key = StoredValue::new(key.clone());
    view! {
        <section class="pair-agreement card" aria-labelledby=AGREEMENT_HEADING>
            <h3 id=AGREEMENT_HEADING tabindex="-1" class="disclosure-heading">
                <button type="button" class="disclosure" aria-expanded=move || expanded.get().to_string() aria-controls="agreement-body" on:click=move |_| expanded.update(|e| *e = !*e)>
                    <span class="disclosure-mark" aria-hidden="true">{move || if expanded.get() { "▾" } else { "▸" }}</span>
                    {t!(i18n, sessions.agreement_heading)}
                </button>
            </h3>
            <AgreementSummary key=key.clone()/>
            <div id="agreement-body">
                <Show when=move || expanded.get()>
                    <FreshAfterUndo><AgreementForm key=form_key.get_value()/></FreshAfterUndo>
                </Show>
            </div>
        </section>
    }
}

/// What is saved, in a few lines; also what gets printed.
#[component]
fn AgreementSummary(key: PairKey) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let saved = {
        let key = key.clone();
        Memo::new(move |_| {
            state
                .workspace
                .with(|ws| ws.sessions.agreement(&key).cloned())
        })
    };
    view! {
        <div class="agreement-summary">
            {move || {
                let l = i18n.get_locale();
                let Some(a) = saved.get() else {
                    return view! { <p class="empty">{td_string!(l, sessions.agreement_none).to_string()}</p> }.into_any();
                };
                let (mentor, mentee) = state.workspace.with(|ws| (person_name(l, ws, &key.mentor), person_name(l, ws, &key.mentee)));
                let status = match a.agreed_on {
                    Some(d) => td_string!(l, sessions.agreed_on_date, date = format::date(l, d)).to_string(),
                    None => td_string!(l, sessions.agreement_draft).to_string(),
                };
                let mut rhythm = vec![
                    cadence_label(l, a.cadence),
                    td_string!(l, sessions.minutes_short, minutes = a.session_minutes).to_string(),
                ];
                rhythm.extend(a.channel.map(|c| channel_label(l, c)));
                let goals = GoalDirection::ALL.into_iter().map(|direction| {
                    let list: Vec<Goal> = a.goals.iter().filter(|g| g.direction == direction).cloned().collect();
                    let title = direction_title(l, direction, &mentor, &mentee);
                    view! {
                        <div class="goal-summary">
                            <h4>{title}</h4>
                            {if list.is_empty() {
                                view! { <p class="empty">{td_string!(l, sessions.no_goals_yet).to_string()}</p> }.into_any()
                            } else {
                                view! {
                                    <ul>
                                        {list.into_iter().map(|g| {
                                            let mut bits = Vec::new();
                                            if !g.measure.trim().is_empty() { bits.push(td_string!(l, sessions.goal_measured_by, measure = g.measure.clone()).to_string()); }
                                            if let Some(d) = g.target_date { bits.push(td_string!(l, sessions.goal_by, date = format::date(l, d)).to_string()); }
                                            let skill = g.skill.as_ref().map(|s| state.workspace.with(|ws| ws.catalogue.label(s, lang.get())));
                                            view! {
                                                <li>
                                                    <span class="goal-text">{if g.text.trim().is_empty() { "…".to_string() } else { g.text.clone() }}</span>
                                                    {skill.map(|s| view! { " "<span class="tag">{s}</span> })}
                                                    {(!bits.is_empty()).then(|| view! { <small>{bits.join(" · ")}</small> })}
                                                    <span class="progress-row">
                                                        <progress max="100" value=g.percent().to_string() aria-hidden="true"></progress>
                                                        <span>{format::percent(l, f64::from(g.percent()) / 100.0)}</span>
                                                    </span>
                                                </li>
                                            }
                                        }).collect_view()}
                                    </ul>
                                }.into_any()
                            }}
                        </div>
                    }
                }).collect_view();
                view! {
                    <p class="agreement-status">{status}" · "{rhythm.join(" · ")}</p>
                    <div class="goal-summaries">{goals}</div>
                }.into_any()
            }}
        </div>
    }
}

/// The agreement being edited, with text buffers for typed numbers and dates.
#[derive(Clone, Debug, PartialEq)]
struct AgreementDraft {
    agreement: Agreement,
    minutes: String,
    agreed_on: String,
}

#[component]
fn AgreementForm(key: PairKey) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let ui = use_sessions_ui();
    let (initial, suggested, program) = state.workspace.with_untracked(|ws| {
        let suggested = agreement::suggested_channel(ws, &key);
        let agreement = ws.sessions.agreement(&key).cloned().unwrap_or_else(|| {
            let mut fresh = Agreement::from_program(&ws.program, key.clone());
            fresh.channel = suggested;
            fresh
        });
        (agreement, suggested, ws.program.clone())
    });
    let draft = RwSignal::new(AgreementDraft {
        minutes: initial.session_minutes.to_string(),
        agreed_on: initial.agreed_on.map(|d| d.to_string()).unwrap_or_default(),
        agreement: initial.clone(),
    });
    // Progress as it was when the form opened: a session logged meanwhile
    // may move it, and saving goals the user did not touch must not undo that.
    let opened_with = StoredValue::new(
        initial
            .goals
            .iter()
            .map(|g| (g.id.clone(), g.progress))
            .collect::<Vec<(GoalId, u8)>>(),
    );
    let unsaved = Memo::new(move |_| {
        draft.with(|d| {
            d.agreement != initial
                || d.minutes != initial.session_minutes.to_string()
                || d.agreed_on != initial.agreed_on.map(|x| x.to_string()).unwrap_or_default()
        })
    });
    let program = StoredValue::new(program);
    let minutes_error = RwSignal::new(None::<String>);
    let agreed_error = RwSignal::new(None::<String>);
    let names = state.workspace.with_untracked(|ws| {
        let l = i18n.get_locale_untracked();
        (
            person_name(l, ws, &key.mentor),
            person_name(l, ws, &key.mentee),
        )
    });
    let skills = Memo::new(move |_| {
        let lang = lang.get();
        state.workspace.with(|ws| ws.catalogue.entries(lang))
    });
    let objectives = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.program
                .objectives
                .iter()
                .map(|o| (o.id.clone(), o.title.clone()))
                .collect::<Vec<_>>()
        })
    });

    let save_key = key.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = draft.get_untracked();
        let locale = i18n.get_locale_untracked();
        let minutes =
            current.minutes.trim().parse::<u16>().ok().filter(|m| {
                (Program::MIN_SESSION_MINUTES..=Program::MAX_SESSION_MINUTES).contains(m)
            });
        minutes_error.set(minutes.is_none().then(|| {
            td_string!(
                locale,
                sessions.problem_minutes_range,
                min = Program::MIN_SESSION_MINUTES,
                max = Program::MAX_SESSION_MINUTES
            )
            .to_string()
        }));
        let agreed_text = current.agreed_on.trim();
        let agreed_on = Date::parse_iso(agreed_text);
        let agreed_bad = !agreed_text.is_empty() && agreed_on.is_none();
        agreed_error.set(agreed_bad.then(|| td_string!(locale, sessions.date_invalid).to_string()));
        let Some(minutes) = minutes.filter(|_| !agreed_bad) else {
            return;
        };
        let mut agreement = current.agreement;
        agreement.session_minutes = minutes;
        agreement.agreed_on = agreed_on;
        agreement
            .ground_rules
            .custom
            .retain(|r| !r.trim().is_empty());
        state.edit(|ws| {
            if let Some(saved) = ws.sessions.agreement(&save_key) {
                opened_with.with_value(|opened| {
                    for goal in &mut agreement.goals {
                        let untouched = opened.contains(&(goal.id.clone(), goal.progress));
                        if let Some(now) = saved.goals.iter().find(|g| g.id == goal.id)
                            && untouched
                        {
                            goal.progress = now.progress;
                        }
                    }
                });
            }
            // Progress sessions logged on goals removed here goes with them.
            agreement::replace(&mut ws.sessions, agreement);
        });
        state.notify(td_string!(locale, sessions.agreement_saved).to_string());
        ui.agreement_open.set(false);
        focus_soon(AGREEMENT_HEADING);
    };

    let add_goal = move |direction: GoalDirection| {
        let id = GoalId::from_random_bytes(browser::random_bytes());
        draft.update(|d| d.agreement.goals.push(Goal::new(id, direction)));
    };

    let cadence_id = unique_id("agreement-cadence");
    let channel_id = unique_id("agreement-channel");
    let channel_hint = format!("{channel_id}-hint");
    let notes_id = unique_id("agreement-notes");
    let new_rule = RwSignal::new(String::new());
    let new_rule_id = unique_id("agreement-rule");
    let new_review = RwSignal::new(String::new());
    let new_review_id = unique_id("agreement-review");
    let (mentor, mentee) = names;

    view! {
        <form class="agreement-form" on:submit=save novalidate>
            <p class="hint">{t!(i18n, sessions.agreement_hint)}</p>
            {GoalDirection::ALL.into_iter().map(|direction| {
                let (mentor, mentee) = (mentor.clone(), mentee.clone());
                let (legend_mentor, legend_mentee) = (mentor.clone(), mentee.clone());
                let ids = Memo::new(move |_| draft.with(|d| d.agreement.goals.iter().filter(|g| g.direction == direction).map(|g| g.id.clone()).collect::<Vec<GoalId>>()));
                view! {
                    <fieldset class="goals">
                        <legend>{move || direction_title(i18n.get_locale(), direction, &legend_mentor, &legend_mentee)}</legend>
                        <p class="hint">{move || match direction {
                            GoalDirection::MenteeLearns => t_string!(i18n, sessions.goals_mentee_hint).to_string(),
                            GoalDirection::MentorLearns => t_string!(i18n, sessions.goals_mentor_hint).to_string(),
                        }}</p>
                        <ol class="goal-editors">
                            <For each=move || ids.get() key=|id| id.clone() let:id>
                                <li><GoalEditor id=id draft=draft skills=skills objectives=objectives program=program/></li>
                            </For>
                        </ol>
                        <button type="button" class="secondary small" on:click=move |_| add_goal(direction)>
                            {move || match direction {
                                GoalDirection::MenteeLearns => td_string!(i18n.get_locale(), sessions.add_goal_for, name = mentee.clone()).to_string(),
                                GoalDirection::MentorLearns => td_string!(i18n.get_locale(), sessions.add_goal_for, name = mentor.clone()).to_string(),
                            }}
                        </button>
                    </fieldset>
                }
            }).collect_view()}

            <fieldset>
                <legend>{t!(i18n, sessions.rhythm)}</legend>
                <div class="grid-3">
                    <div class="field">
                        <label for=cadence_id.clone()>{t!(i18n, sessions.cadence)}</label>
                        <select id=cadence_id.clone() on:change=move |ev| {
                            let value = event_target_value(&ev);
                            if let Some(c) = Cadence::ALL.into_iter().find(|c| format!("{c:?}") == value) {
                                draft.update(|d| d.agreement.cadence = c);
                            }
                        }>
                            {Cadence::ALL.into_iter().map(|c| view! {
                                <option value=format!("{c:?}") selected=move || draft.with(|d| d.agreement.cadence == c)>{move || cadence_label(i18n.get_locale(), c)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                    <DraftField id=unique_id("agreement-minutes")
                        label=Signal::derive(move || t_string!(i18n, sessions.session_minutes).to_string())
                        hint=Signal::derive(move || t_string!(i18n, sessions.session_minutes_hint).to_string())
                        input_type="number"
                        value=Signal::derive(move || draft.with(|d| d.minutes.clone()))
                        on_input=Callback::new(move |v| draft.update(|d| d.minutes = v))
                        error=minutes_error/>
                    <div class="field">
                        <label for=channel_id.clone()>{t!(i18n, sessions.channel)}</label>
                        <p class="hint" id=channel_hint.clone()>{move || {
                            let l = i18n.get_locale();
                            match suggested {
                                Some(c) => td_string!(l, sessions.channel_suggested, channel = channel_label(l, c)).to_string(),
                                None => td_string!(l, sessions.channel_no_suggestion).to_string(),
                            }
                        }}</p>
                        <select id=channel_id.clone() aria-describedby=channel_hint.clone() on:change=move |ev| {
                            let value = event_target_value(&ev);
                            let channel = Channel::ALL.into_iter().find(|c| format!("{c:?}") == value);
                            draft.update(|d| d.agreement.channel = channel);
                        }>
                            <option value="" selected=move || draft.with(|d| d.agreement.channel.is_none())>{t!(i18n, sessions.channel_none)}</option>
                            {Channel::ALL.into_iter().map(|c| view! {
                                <option value=format!("{c:?}") selected=move || draft.with(|d| d.agreement.channel == Some(c))>{move || channel_label(i18n.get_locale(), c)}</option>
                            }).collect_view()}
                        </select>
                    </div>
                </div>
            </fieldset>

            <fieldset>
                <legend>{t!(i18n, sessions.ground_rules)}</legend>
                <ul class="rules">
                    {StandardRule::ALL.into_iter().map(|rule| {
                        let hint_id = unique_id("rule-hint");
                        view! {
                            <li>
                                <label class="checkbox">
                                    <input type="checkbox" aria-describedby=hint_id.clone()
                                        prop:checked=move || draft.with(|d| d.agreement.ground_rules.standard.contains(&rule))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            draft.update(|d| {
                                                let list = &mut d.agreement.ground_rules.standard;
                                                list.retain(|r| *r != rule);
                                                if on { list.push(rule); list.sort(); }
                                            });
                                        }/>
                                    <span>
                                        <strong>{move || rule_title(i18n.get_locale(), rule)}</strong>
                                        <small id=hint_id.clone()>{move || rule_text(i18n.get_locale(), rule)}</small>
                                    </span>
                                </label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <ul class="custom-rules">
                    {move || draft.with(|d| d.agreement.ground_rules.custom.clone()).into_iter().enumerate().map(|(index, rule)| {
                        let label = rule.clone();
                        view! {
                            <li>
                                <span>{rule}</span>" "
                                <button type="button" class="link danger-text"
                                    aria-label=move || td_string!(i18n.get_locale(), sessions.remove_rule, rule = label.clone()).to_string()
                                    on:click=move |_| draft.update(|d| { if index < d.agreement.ground_rules.custom.len() { d.agreement.ground_rules.custom.remove(index); } })>
                                    {t!(i18n, common.remove)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <div class="add-row">
                    <div class="field grow">
                        <label for=new_rule_id.clone()>{t!(i18n, sessions.custom_rule)}</label>
                        <input type="text" id=new_rule_id.clone() maxlength=limits::GROUND_RULE.to_string() prop:value=move || new_rule.get() on:input=move |ev| new_rule.set(event_target_value(&ev))/>
                    </div>
                    <button type="button" class="secondary" on:click=move |_| {
                        let text = new_rule.get_untracked().trim().to_string();
                        if !text.is_empty() {
                            draft.update(|d| d.agreement.ground_rules.custom.push(text));
                            new_rule.set(String::new());
                        }
                    }>{t!(i18n, sessions.add_rule)}</button>
                </div>
            </fieldset>

            <fieldset>
                <legend>{t!(i18n, sessions.reviews)}</legend>
                <p class="hint">{t!(i18n, sessions.reviews_hint)}</p>
                <ul class="date-chips">
                    {move || draft.with(|d| d.agreement.review_dates.clone()).into_iter().map(|date| view! {
                        <li>
                            <span>{move || format::weekday_date(i18n.get_locale(), date)}</span>
                            <button type="button" class="link danger-text"
                                aria-label=move || td_string!(i18n.get_locale(), sessions.remove_review, date = format::date(i18n.get_locale(), date)).to_string()
                                on:click=move |_| draft.update(|d| d.agreement.review_dates.retain(|x| *x != date))>
                                {t!(i18n, common.remove)}
                            </button>
                        </li>
                    }).collect_view()}
                </ul>
                <div class="add-row">
                    <div class="field">
                        <label for=new_review_id.clone()>{t!(i18n, sessions.review_date)}</label>
                        <input type="date" id=new_review_id.clone() prop:value=move || new_review.get() on:input=move |ev| new_review.set(event_target_value(&ev))/>
                    </div>
                    <button type="button" class="secondary" on:click=move |_| {
                        if let Some(date) = Date::parse_iso(new_review.get_untracked().trim()) {
                            draft.update(|d| {
                                let list = &mut d.agreement.review_dates;
                                if !list.contains(&date) { list.push(date); list.sort(); }
                            });
                            new_review.set(String::new());
                        }
                    }>{t!(i18n, sessions.add_review)}</button>
                </div>
                <div class="grid-2">
                    <DraftField id=unique_id("agreement-agreed-on")
                        label=Signal::derive(move || t_string!(i18n, sessions.agreed_on).to_string())
                        hint=Signal::derive(move || t_string!(i18n, sessions.agreed_on_hint).to_string())
                        input_type="date"
                        value=Signal::derive(move || draft.with(|d| d.agreed_on.clone()))
                        on_input=Callback::new(move |v| draft.update(|d| d.agreed_on = v))
                        error=agreed_error/>
                </div>
                <div class="field">
                    <label for=notes_id.clone()>{t!(i18n, sessions.agreement_notes)}</label>
                    <textarea id=notes_id.clone() rows="3" maxlength=limits::NOTES.to_string()
                        prop:value=move || draft.with(|d| d.agreement.notes.clone())
                        on:input=move |ev| draft.update(|d| d.agreement.notes = event_target_value(&ev))></textarea>
                </div>
            </fieldset>

            <div class="actions">
                <button type="submit" class="primary">{t!(i18n, sessions.save_agreement)}</button>
                <button type="button" class="secondary" on:click=move |_| ui.agreement_open.set(false)>{t!(i18n, common.cancel)}</button>
                <Show when=move || unsaved.get()>
                    <p class="unsaved" role="status">{t!(i18n, sessions.unsaved)}</p>
                </Show>
            </div>
        </form>
    }
}

/// One goal of the draft, found by id so edits never hit the wrong goal
/// when another is removed.
#[component]
fn GoalEditor(
    id: GoalId,
    draft: RwSignal<AgreementDraft>,
    skills: Memo<Vec<(SkillId, String, crate::domain::SkillKind)>>,
    objectives: Memo<Vec<(ObjectiveId, String)>>,
    program: StoredValue<Program>,
) -> impl IntoView {
    let i18n = use_i18n();
    let goal = {
        let id = id.clone();
        Memo::new(move |_| draft.with(|d| d.agreement.goals.iter().find(|g| g.id == id).cloned()))
    };
    let goal_id = StoredValue::new(id.clone());
    // Applies a change to this goal in the draft, found by id.
    let run = move |change: Box<dyn FnOnce(&mut Goal)>| {
        draft.update(|d| {
            let id = goal_id.get_value();
            if let Some(g) = d.agreement.goals.iter_mut().find(|g| g.id == id) {
                change(g);
            }
        })
    };
    let position = {
        let id = id.clone();
        Memo::new(move |_| {
            draft.with(|d| {
                let Some(direction) = d
                    .agreement
                    .goals
                    .iter()
                    .find(|g| g.id == id)
                    .map(|g| g.direction)
                else {
                    return 0;
                };
                d.agreement
                    .goals
                    .iter()
                    .filter(|g| g.direction == direction)
                    .position(|g| g.id == id)
                    .map_or(0, |p| p + 1)
            })
        })
    };
    let hints = Memo::new(move |_| {
        goal.get()
            .map(|g| program.with_value(|p| agreement::goal_problems(&g, p)))
            .unwrap_or_default()
    });
    let text_id = unique_id("goal-text");
    let measure_id = unique_id("goal-measure");
    let skill_id = unique_id("goal-skill");
    let objective_id = unique_id("goal-objective");
    let target_id = unique_id("goal-target");
    let progress_id = unique_id("goal-progress");
    let hints_id = unique_id("goal-hints");
    let remove_id = id.clone();
    let text = move |get: fn(&Goal) -> String| {
        move || goal.with(|g| g.as_ref().map(get).unwrap_or_default())
    };

    view! {
        <fieldset class="goal-editor" aria-describedby=hints_id.clone()>
            <legend>{move || td_string!(i18n.get_locale(), sessions.goal_number, number = position.get()).to_string()}</legend>
            <div class="grid-2">
                <div class="field">
                    <label for=text_id.clone()>{t!(i18n, sessions.goal_text)}</label>
                    <p class="hint" id=format!("{text_id}-hint")>{t!(i18n, sessions.goal_text_hint)}</p>
                    <textarea id=text_id.clone() rows="2" maxlength=limits::GOAL_TEXT.to_string() aria-describedby=format!("{text_id}-hint")
                        prop:value=text(|g| g.text.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); run(Box::new(move |g| g.text = v)) }></textarea>
                </div>
                <div class="field">
                    <label for=measure_id.clone()>{t!(i18n, sessions.goal_measure)}</label>
                    <p class="hint" id=format!("{measure_id}-hint")>{t!(i18n, sessions.goal_measure_hint)}</p>
                    <textarea id=measure_id.clone() rows="2" maxlength=limits::GOAL_TEXT.to_string() aria-describedby=format!("{measure_id}-hint")
                        prop:value=text(|g| g.measure.clone())
                        on:input=move |ev| { let v = event_target_value(&ev); run(Box::new(move |g| g.measure = v)) }></textarea>
                </div>
            </div>
            <div class="grid-3">
                <div class="field">
                    <label for=skill_id.clone()>{t!(i18n, sessions.goal_skill)}</label>
                    <select id=skill_id.clone() on:change=move |ev| {
                        let skill = SkillId::parse(&event_target_value(&ev));
                        run(Box::new(move |g| g.skill = skill));
                    }>
                        <option value="" selected=move || goal.with(|g| g.as_ref().is_none_or(|g| g.skill.is_none()))>{t!(i18n, sessions.goal_no_skill)}</option>
                        {move || skills.get().into_iter().map(|(sid, label, _)| {
                            let value = sid.to_string();
                            view! { <option value=value selected=move || goal.with(|g| g.as_ref().and_then(|g| g.skill.as_ref()) == Some(&sid))>{label}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=objective_id.clone()>{t!(i18n, sessions.goal_objective)}</label>
                    <select id=objective_id.clone() on:change=move |ev| {
                        let objective = ObjectiveId::parse(&event_target_value(&ev));
                        run(Box::new(move |g| g.objective = objective));
                    }>
                        <option value="" selected=move || goal.with(|g| g.as_ref().is_none_or(|g| g.objective.is_none()))>{t!(i18n, sessions.goal_no_objective)}</option>
                        {move || objectives.get().into_iter().map(|(oid, title)| {
                            let value = oid.to_string();
                            view! { <option value=value selected=move || goal.with(|g| g.as_ref().and_then(|g| g.objective.as_ref()) == Some(&oid))>{title}</option> }
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=target_id.clone()>{t!(i18n, sessions.goal_target)}</label>
                    <input type="date" id=target_id.clone()
                        prop:value=move || goal.with(|g| g.as_ref().and_then(|g| g.target_date).map(|d| d.to_string()).unwrap_or_default())
                        on:input=move |ev| {
                            let date = Date::parse_iso(event_target_value(&ev).trim());
                            run(Box::new(move |g| g.target_date = date));
                        }/>
                </div>
            </div>
            <Show when=move || goal.with(|g| g.as_ref().is_some_and(|g| g.milestones.is_empty()))>
                <div class="field progress-field">
                    <label for=progress_id.clone()>{t!(i18n, sessions.goal_progress_label)}</label>
                    <div class="weight-control">
                        <input type="range" id=progress_id.clone() min="0" max="100" step="5"
                            prop:value=move || goal.with(|g| g.as_ref().map_or(0, |g| g.progress).to_string())
                            on:input=move |ev| {
                                if let Ok(p) = event_target_value(&ev).parse::<u8>() {
                                    run(Box::new(move |g| g.progress = p.min(100)));
                                }
                            }/>
                        <output for=progress_id.clone()>{move || format::percent(i18n.get_locale(), f64::from(goal.with(|g| g.as_ref().map_or(0, |g| g.percent()))) / 100.0)}</output>
                    </div>
                </div>
            </Show>
            <div class="milestones">
                <p class="label">{t!(i18n, sessions.milestones)}</p>
                <p class="hint">{t!(i18n, sessions.milestones_hint)}</p>
                <ul>
                    {move || goal.with(|g| g.as_ref().map(|g| g.milestones.clone()).unwrap_or_default()).into_iter().enumerate().map(|(index, m)| {
                        let input_id = unique_id("milestone");
                        view! {
                            <li class="milestone-row">
                                <label class="checkbox">
                                    <input type="checkbox" prop:checked=m.done on:change=move |ev| {
                                        let done = event_target_checked(&ev);
                                        run(Box::new(move |g| if let Some(m) = g.milestones.get_mut(index) { m.done = done }));
                                    }/>
                                    <span>{t!(i18n, sessions.milestone_done)}</span>
                                </label>
                                <label class="visually-hidden" for=input_id.clone()>{move || td_string!(i18n.get_locale(), sessions.milestone_number, number = index + 1).to_string()}</label>
                                <input type="text" id=input_id.clone() maxlength=limits::MILESTONE.to_string() prop:value=m.text.clone() on:change=move |ev| {
                                    let v = event_target_value(&ev);
                                    run(Box::new(move |g| if let Some(m) = g.milestones.get_mut(index) { m.text = v }));
                                }/>
                                <button type="button" class="link danger-text" on:click=move |_| run(Box::new(move |g| { if index < g.milestones.len() { g.milestones.remove(index); } }))>
                                    {t!(i18n, common.remove)}
                                    <span class="visually-hidden">{move || format!(" {}", td_string!(i18n.get_locale(), sessions.milestone_number, number = index + 1))}</span>
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
                <button type="button" class="link" on:click=move |_| run(Box::new(|g| g.milestones.push(Milestone { text: String::new(), done: false })))>
                    {t!(i18n, sessions.add_milestone)}
                </button>
            </div>
            <div id=hints_id.clone() class="smart-hints">
                <Show when=move || hints.with(|h| !h.is_empty())>
                    <p class="smart-title">{t!(i18n, sessions.smart_title)}</p>
                    <ul>
                        {move || hints.get().iter().map(|h| view! { <li>{goal_problem_text(i18n.get_locale(), h)}</li> }).collect_view()}
                    </ul>
                </Show>
            </div>
            <button type="button" class="link danger-text" on:click=move |_| draft.update(|d| d.agreement.goals.retain(|g| g.id != remove_id))>
                {t!(i18n, sessions.remove_goal)}
            </button>
        </fieldset>
    }
}

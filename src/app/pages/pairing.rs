//! Pairing page: criteria weights, the optimal proposal with a card per pair
//! (score, breakdown, evidence, alternatives), lock / forbid, what changed
//! since the last run, accepting, and interest circles.
//!
//! All rules and numbers come from `domain::matching`; this module only
//! turns them into words.

use std::sync::Arc;

use super::circles::CirclesSection;
use super::participant_form::{channel_label, day_part_label, priority_label, weekday_label};
use super::participants::role_label;
use crate::app::format;
use crate::app::i18n::*;
use crate::app::lang::use_lang;
use crate::app::state::use_state;
use crate::app::{browser, components::unique_id};
use crate::domain::matching::pairing::{
    Alternative, Diff, LockProblem, Proposal, ProposedPair, Reason, accept, accepted_keys, diff,
    propose,
};
use crate::domain::matching::rules::Block;
use crate::domain::matching::score::{Departments, Evidence, SkillMatch, UNKNOWN};
use crate::domain::matching::{Criterion, PairKey, Preset, Weights};
use crate::domain::{Lang, Priority, Role, Workspace};
use leptos::prelude::*;

/// How many cards are shown before "Show more pairs".
const PAGE: usize = 30;

/// One press of "Run pairing": the proposal, the workspace it was computed
/// from (indices in the proposal point into it), and what changed.
#[derive(Clone, Debug, PartialEq)]
pub struct PairingRun {
    pub workspace: Workspace,
    pub proposal: Proposal,
    pub compared_with: Compared,
    pub diff: Diff,
    pub millis: f64,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Compared {
    PreviousRun,
    AcceptedPairs,
    Nothing,
}

impl PairingRun {
    /// True when participants or pairing settings changed after this run, so
    /// accepting it would not reflect what the coordinator sees now.
    fn is_stale(&self, now: &Workspace) -> bool {
        let (a, b) = (&self.workspace.pairing, &now.pairing);
        self.workspace.participants != now.participants
            || self.workspace.program.objectives != now.program.objectives
            || self.workspace.catalogue != now.catalogue
            || a.weights != b.weights
            || a.min_score != b.min_score
            || a.locked != b.locked
            || a.forbidden != b.forbidden
    }
}

pub fn criterion_label(locale: Locale, criterion: Criterion) -> String {
    match criterion {
        Criterion::Reverse => td_string!(locale, pairing.criterion_reverse),
        Criterion::Symbiotic => td_string!(locale, pairing.criterion_symbiotic),
        Criterion::Interests => td_string!(locale, pairing.criterion_interests),
        Criterion::Channel => td_string!(locale, pairing.criterion_channel),
        Criterion::Availability => td_string!(locale, pairing.criterion_availability),
        Criterion::CrossDepartment => td_string!(locale, pairing.criterion_cross_department),
        Criterion::SeniorityGap => td_string!(locale, pairing.criterion_seniority),
    }
    .to_string()
}

fn criterion_hint(locale: Locale, criterion: Criterion) -> String {
    match criterion {
        Criterion::Reverse => td_string!(locale, pairing.hint_reverse),
        Criterion::Symbiotic => td_string!(locale, pairing.hint_symbiotic),
        Criterion::Interests => td_string!(locale, pairing.hint_interests),
        Criterion::Channel => td_string!(locale, pairing.hint_channel),
        Criterion::Availability => td_string!(locale, pairing.hint_availability),
        Criterion::CrossDepartment => td_string!(locale, pairing.hint_cross_department),
        Criterion::SeniorityGap => td_string!(locale, pairing.hint_seniority),
    }
    .to_string()
}

fn preset_label(locale: Locale, preset: Preset) -> String {
    match preset {
        Preset::Balanced => td_string!(locale, pairing.preset_balanced),
        Preset::SkillsFirst => td_string!(locale, pairing.preset_skills_first),
        Preset::CultureAndConnection => td_string!(locale, pairing.preset_culture),
        Preset::EasyToMeet => td_string!(locale, pairing.preset_easy_to_meet),
    }
    .to_string()
}

fn preset_code(preset: Preset) -> &'static str {
    match preset {
        Preset::Balanced => "balanced",
        Preset::SkillsFirst => "skills-first",
        Preset::CultureAndConnection => "culture",
        Preset::EasyToMeet => "easy-to-meet",
    }
}

pub fn block_label(locale: Locale, block: Block) -> String {
    match block {
        Block::Inactive => td_string!(locale, pairing.block_inactive),
        Block::SameRole => td_string!(locale, pairing.block_same_role),
        Block::Forbidden => td_string!(locale, pairing.block_forbidden),
        Block::NeverPair => td_string!(locale, pairing.block_never_pair),
        Block::ReportingLine => td_string!(locale, pairing.block_reporting_line),
        Block::NoCommonLanguage => td_string!(locale, pairing.block_language),
    }
    .to_string()
}

fn reason_text(locale: Locale, role: Role, reason: &Reason, min_score: u8) -> String {
    match reason {
        Reason::Inactive => td_string!(locale, pairing.reason_inactive).to_string(),
        Reason::NobodyOnOtherSide => match role {
            Role::Mentee => td_string!(locale, pairing.reason_no_mentors).to_string(),
            Role::ReverseMentor => td_string!(locale, pairing.reason_no_mentees).to_string(),
        },
        Reason::Blocked(counts) => {
            let parts: Vec<String> = counts
                .iter()
                .map(|(block, n)| {
                    format!(
                        "{} × {}",
                        format::count(locale, *n),
                        block_label(locale, *block)
                    )
                })
                .collect();
            td_string!(locale, pairing.reason_blocked, details = parts.join(", ")).to_string()
        }
        Reason::BelowMinimum { best } => td_string!(
            locale,
            pairing.reason_below_minimum,
            min = min_score,
            best = *best
        )
        .to_string(),
        Reason::Taken { candidates } => match role {
            Role::Mentee => td_string!(
                locale,
                pairing.reason_taken,
                count = format::count(locale, *candidates)
            )
            .to_string(),
            Role::ReverseMentor => td_string!(
                locale,
                pairing.reason_taken_mentor,
                count = format::count(locale, *candidates)
            )
            .to_string(),
        },
    }
}

fn lock_problem_text(locale: Locale, problem: &LockProblem) -> String {
    match problem {
        LockProblem::Missing => td_string!(locale, pairing.lock_missing).to_string(),
        LockProblem::Blocked(block) => block_label(locale, *block),
        LockProblem::NoRoom => td_string!(locale, pairing.lock_no_room).to_string(),
    }
}

fn stars(priority: Priority) -> &'static str {
    match priority {
        Priority::MustHave => "★★★",
        Priority::Important => "★★",
        Priority::NiceToHave => "★",
    }
}

fn name_of(ws: &Workspace, id: &crate::domain::ParticipantId) -> String {
    ws.participant(id)
        .map(|p| p.name.clone())
        .unwrap_or_else(|| "?".into())
}

#[component]
pub fn PairingPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let run = state.pairing_run;
    let running = RwSignal::new(false);
    let shown = RwSignal::new(PAGE);
    let counts = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let active = |role| {
                ws.participants
                    .iter()
                    .filter(|p| p.active && p.role == role)
                    .count()
            };
            (
                active(Role::ReverseMentor),
                active(Role::Mentee),
                ws.pairing.pairs.len(),
            )
        })
    });
    let stale = Memo::new(move |_| {
        run.with(|r| match r {
            Some(r) => state.workspace.with(|ws| r.is_stale(ws)),
            None => false,
        })
    });

    let start_run = move |_| {
        if running.get_untracked() {
            return;
        }
        running.set(true);
        // Let the browser paint "Pairing…" before the (short) computation.
        set_timeout(
            move || {
                let workspace = state.workspace.get_untracked();
                let clock = web_sys::window().and_then(|w| w.performance());
                let now = move || clock.as_ref().map_or_else(js_sys::Date::now, |p| p.now());
                let started = now();
                let proposal = propose(&workspace);
                let millis = now() - started;
                let (compared_with, before) = match run.get_untracked() {
                    Some(previous) => (Compared::PreviousRun, previous.proposal.keys()),
                    None if !workspace.pairing.pairs.is_empty() => {
                        (Compared::AcceptedPairs, accepted_keys(&workspace.pairing))
                    }
                    None => (Compared::Nothing, Vec::new()),
                };
                let changes = diff(&before, &proposal.keys());
                run.set(Some(Arc::new(PairingRun {
                    workspace,
                    proposal,
                    compared_with,
                    diff: changes,
                    millis,
                })));
                shown.set(PAGE);
                running.set(false);
                let locale = i18n.get_locale_untracked();
                state.notify(td_string!(locale, pairing.run_done).to_string());
            },
            std::time::Duration::from_millis(16),
        );
    };

    let accept_run = move |_| {
        let Some(current) = run.get_untracked() else {
            return;
        };
        if stale.get_untracked() {
            return;
        }
        let keys = current.proposal.keys();
        let today = browser::today();
        state.edit(|ws| accept(&mut ws.pairing, &keys, Some(today)));
        let locale = i18n.get_locale_untracked();
        state.notify(
            td_string!(
                locale,
                pairing.accepted,
                count = format::count(locale, keys.len())
            )
            .to_string(),
        );
    };

    view! {
        <div class="page pairing-page">
            <h1 id="page-heading" tabindex="-1">{t!(i18n, pairing.title)}</h1>
            <p class="description">{t!(i18n, pairing.intro)}</p>
            <p class="facts">
                {move || {
                    let l = i18n.get_locale();
                    let (mentors, mentees, pairs) = counts.get();
                    td_string!(l, pairing.counts, mentors = format::count(l, mentors), mentees = format::count(l, mentees), pairs = format::count(l, pairs)).to_string()
                }}
            </p>

            <CriteriaForm/>

            <div class="actions run-actions">
                <button type="button" class="primary" on:click=start_run aria-describedby="run-status">
                    {t!(i18n, pairing.run)}
                </button>
                <p id="run-status" class="run-status" aria-live="polite">
                    {move || {
                        let l = i18n.get_locale();
                        if running.get() {
                            return td_string!(l, pairing.running).to_string();
                        }
                        run.with(|r| match r {
                            None => td_string!(l, pairing.not_run).to_string(),
                            Some(r) => {
                                let s = &r.proposal.stats;
                                td_string!(
                                    l,
                                    pairing.summary,
                                    pairs = format::count(l, r.proposal.pairs.len()),
                                    mentees = format::count(l, s.mentees),
                                    average = format::number(l, s.average_score(r.proposal.pairs.len()), 0),
                                    millis = format::number(l, r.millis, if r.millis < 10.0 { 1 } else { 0 })
                                ).to_string()
                            }
                        })
                    }}
                </p>
            </div>

            {move || run.get().map(|r| view! { <RunView run=r stale=stale shown=shown on_accept=Callback::new(move |_| accept_run(()))/> })}

            <AcceptedPairs/>
            <ForbiddenPairs/>
            <CirclesSection/>
        </div>
    }
}

/// Weights with presets and the minimum score; every change is saved.
#[component]
fn CriteriaForm() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let weights = Memo::new(move |_| state.workspace.with(|ws| ws.pairing.weights));
    let min_score = Memo::new(move |_| state.workspace.with(|ws| ws.pairing.min_score));
    let preset_id = unique_id("preset");
    let min_id = unique_id("min-score");
    let min_hint = unique_id("min-score-hint");

    let on_preset = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if let Some(preset) = Preset::ALL.into_iter().find(|p| preset_code(*p) == code) {
            state.edit(|ws| ws.pairing.weights = preset.weights());
        }
    };
    // Out-of-range or unreadable input snaps back to what is saved, so the
    // field never shows a number that is not the one in use.
    let on_min = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev).trim().parse::<i64>().ok();
        if let Some(value) = typed {
            state.edit(|ws| ws.pairing.min_score = value.clamp(0, 100) as u8);
        }
        let saved = state.workspace.with_untracked(|ws| ws.pairing.min_score);
        if let Some(input) = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlInputElement>(t).ok())
        {
            input.set_value(&saved.to_string());
        }
    };

    view! {
        <section class="card criteria" aria-labelledby="criteria-heading">
            <h2 id="criteria-heading">{t!(i18n, pairing.criteria_heading)}</h2>
            <p class="hint">{t!(i18n, pairing.criteria_hint)}</p>
            <div class="field preset-field">
                <label for=preset_id.clone()>{t!(i18n, pairing.preset)}</label>
                <select id=preset_id.clone() on:change=on_preset>
                    {Preset::ALL.into_iter().map(|preset| view! {
                        <option value=preset_code(preset) selected=move || weights.get().preset() == Some(preset)>
                            {move || preset_label(i18n.get_locale(), preset)}
                        </option>
                    }).collect_view()}
                    <option value="custom" disabled=true selected=move || weights.get().preset().is_none()>
                        {t!(i18n, pairing.preset_custom)}
                    </option>
                </select>
            </div>
            <ul class="weights">
                {Criterion::ALL.into_iter().map(|criterion| {
                    let id = unique_id("weight");
                    let hint_id = format!("{id}-hint");
                    let on_input = move |ev: leptos::ev::Event| {
                        if let Ok(value) = event_target_value(&ev).parse::<u8>() {
                            state.edit(|ws| ws.pairing.weights.set(criterion, value));
                        }
                    };
                    view! {
                        <li class="weight">
                            <label for=id.clone()>{move || criterion_label(i18n.get_locale(), criterion)}</label>
                            <div class="weight-control">
                                <input
                                    type="range"
                                    id=id.clone()
                                    min="0"
                                    max=Weights::MAX.to_string()
                                    step="1"
                                    prop:value=move || weights.get().get(criterion).to_string()
                                    aria-describedby=hint_id.clone()
                                    on:input=on_input
                                />
                                <output for=id.clone() aria-hidden="true">{move || weights.get().get(criterion)}</output>
                            </div>
                            <small id=hint_id.clone()>{move || criterion_hint(i18n.get_locale(), criterion)}</small>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <div class="field min-score">
                <label for=min_id.clone()>{t!(i18n, pairing.min_score)}</label>
                <input
                    type="number"
                    id=min_id.clone()
                    min="0"
                    max="100"
                    step="1"
                    inputmode="numeric"
                    prop:value=move || min_score.get().to_string()
                    aria-describedby=min_hint.clone()
                    on:change=on_min
                />
                <small id=min_hint.clone()>{t!(i18n, pairing.min_score_hint)}</small>
            </div>
        </section>
    }
}

/// The result of a run: changes, warnings, accept, cards, unmatched.
#[component]
fn RunView(
    run: Arc<PairingRun>,
    stale: Memo<bool>,
    shown: RwSignal<usize>,
    on_accept: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let ws = &run.workspace;
    let total = run.proposal.pairs.len();
    let dropped: Vec<(String, String, LockProblem)> = run
        .proposal
        .dropped_locks
        .iter()
        .map(|(key, problem)| {
            (
                name_of(ws, &key.mentor),
                name_of(ws, &key.mentee),
                problem.clone(),
            )
        })
        .collect();
    let changes = ChangesView(ChangesViewProps { run: run.clone() });
    let cards_run = run.clone();
    let unmatched_run = run.clone();

    view! {
        <section class="proposal" aria-labelledby="proposal-heading">
            <h2 id="proposal-heading">{t!(i18n, pairing.proposal_heading)}</h2>
            {changes}
            {(!dropped.is_empty()).then(|| view! {
                <div class="warnings" role="status">
                    <p>{t!(i18n, pairing.dropped_locks)}</p>
                    <ul>
                        {dropped.into_iter().map(|(m, e, problem)| view! {
                            <li>{move || td_string!(i18n.get_locale(), pairing.pair_names, mentor = m.clone(), mentee = e.clone()).to_string()}": "{move || lock_problem_text(i18n.get_locale(), &problem)}</li>
                        }).collect_view()}
                    </ul>
                </div>
            })}
            <div class="actions">
                <button type="button" class="primary" on:click=move |_| on_accept.run(()) disabled=move || stale.get() || total == 0>
                    {t!(i18n, pairing.accept)}
                </button>
                <Show when=move || stale.get()>
                    <p class="hint stale">{t!(i18n, pairing.stale)}</p>
                </Show>
            </div>
            <ul class="match-cards">
                {move || cards_run.proposal.pairs.iter().take(shown.get()).map(|pair| view! {
                    <li><MatchCard run=cards_run.clone() pair=pair.clone()/></li>
                }).collect_view()}
            </ul>
            <Show when=move || { shown.get() < total }>
                <button type="button" class="secondary" on:click=move |_| shown.update(|n| *n += PAGE)>
                    {move || {
                        let l = i18n.get_locale();
                        td_string!(l, pairing.show_more, shown = format::count(l, shown.get().min(total)), total = format::count(l, total)).to_string()
                    }}
                </button>
            </Show>
        </section>
        <UnmatchedList run=unmatched_run/>
    }
}

/// "Compared with the previous run: 8 kept, 2 changed…", with the details.
#[component]
fn ChangesView(run: Arc<PairingRun>) -> impl IntoView {
    let i18n = use_i18n();
    if run.compared_with == Compared::Nothing {
        return ().into_any();
    }
    let d = run.diff.clone();
    let compared = run.compared_with;
    let name = |id: &crate::domain::ParticipantId| name_of(&run.workspace, id);
    let mut lines: Vec<(&'static str, String, String, Option<String>)> = Vec::new();
    for c in &d.changed {
        lines.push((
            "changed",
            name(&c.after.mentee),
            name(&c.before.mentor),
            Some(name(&c.after.mentor)),
        ));
    }
    for k in &d.new {
        lines.push(("new", name(&k.mentee), name(&k.mentor), None));
    }
    for k in &d.broken {
        lines.push(("broken", name(&k.mentee), name(&k.mentor), None));
    }
    let summary = move || {
        let l = i18n.get_locale();
        let counts = td_string!(
            l,
            pairing.diff_counts,
            kept = format::count(l, d.kept.len()),
            changed = format::count(l, d.changed.len()),
            new = format::count(l, d.new.len()),
            broken = format::count(l, d.broken.len())
        )
        .to_string();
        let against = match compared {
            Compared::PreviousRun => td_string!(l, pairing.diff_previous),
            _ => td_string!(l, pairing.diff_accepted),
        };
        format!("{against} {counts}")
    };
    view! {
        <div class="changes card" role="status">
            <h3>{t!(i18n, pairing.changes_heading)}</h3>
            <p>{summary}</p>
            {(!lines.is_empty()).then(|| view! {
                <ul class="change-list">
                    {lines.into_iter().map(|(kind, mentee, before, after)| view! {
                        <li class=format!("change {kind}")>
                            {move || {
                                let l = i18n.get_locale();
                                match kind {
                                    "changed" => td_string!(l, pairing.change_changed, mentee = mentee.clone(), before = before.clone(), after = after.clone().unwrap_or_default()).to_string(),
                                    "new" => td_string!(l, pairing.change_new, mentee = mentee.clone(), mentor = before.clone()).to_string(),
                                    _ => td_string!(l, pairing.change_broken, mentee = mentee.clone(), mentor = before.clone()).to_string(),
                                }
                            }}
                        </li>
                    }).collect_view()}
                </ul>
            })}
        </div>
    }
    .into_any()
}

/// One proposed pair: names, score, why, alternatives, lock and forbid.
#[component]
fn MatchCard(run: Arc<PairingRun>, pair: ProposedPair) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let ws = &run.workspace;
    let mentor = ws.participants[pair.mentor].clone();
    let mentee = ws.participants[pair.mentee].clone();
    let heading_id = unique_id("pair");
    let key = pair.key.clone();
    let locked = {
        let key = key.clone();
        Memo::new(move |_| state.workspace.with(|w| w.pairing.is_locked(&key)))
    };
    let forbidden = {
        let key = key.clone();
        Memo::new(move |_| state.workspace.with(|w| w.pairing.is_forbidden(&key)))
    };
    let toggle_lock = {
        let key = key.clone();
        move |_| state.edit(|w| w.pairing.toggle_lock(key.clone()))
    };
    let toggle_forbid = {
        let key = key.clone();
        move |_| state.edit(|w| w.pairing.toggle_forbid(key.clone()))
    };
    let weights = run.workspace.pairing.weights;
    let points = pair.breakdown.shown_points();
    let values = pair.breakdown.values;
    let score = pair.breakdown.shown();
    let evidence = pair.evidence.clone();
    // The heading names both in full; the sentences below use first names.
    let first_name = |name: &str| name.split_whitespace().next().unwrap_or(name).to_string();
    let (mentor_name, mentee_name) = (first_name(&mentor.name), first_name(&mentee.name));
    let lines = Criterion::ALL
        .into_iter()
        .filter(|c| weights.get(*c) > 0)
        .map(|c| {
            let text_run = run.clone();
            let evidence = evidence.clone();
            let (mentor_name, mentee_name) = (mentor_name.clone(), mentee_name.clone());
            view! {
                <li>
                    <span class="points" title=move || criterion_label(i18n.get_locale(), c)>
                        {format!("+{}", points[c.index()])}
                    </span>
                    <span class="evidence">
                        {move || evidence_view(i18n.get_locale(), lang.get(), &text_run.workspace, c, &evidence, values[c.index()], &mentor_name, &mentee_name)}
                    </span>
                </li>
            }
        })
        .collect_view();
    let (mentee_alts, mentor_alts) = (
        named(ws, &pair.mentee_alternatives),
        named(ws, &pair.mentor_alternatives),
    );
    let (mentee_first, mentor_first) = (mentee.name.clone(), mentor.name.clone());
    let (mn, en) = (mentor.name.clone(), mentee.name.clone());

    view! {
        <article class="match-card card" class:locked=move || locked.get() class:forbidden=move || forbidden.get() aria-labelledby=heading_id.clone()>
            <header class="match-head">
                <h3 id=heading_id.clone()>
                    <span class="person-name">{mn.clone()}</span>
                    <span class="pair-sep" aria-hidden="true">" ⇄ "</span>
                    <span class="visually-hidden">{move || format!(" {} ", td_string!(i18n.get_locale(), pairing.and))}</span>
                    <span class="person-name">{en.clone()}</span>
                </h3>
                <p class="score">
                    <span class="visually-hidden">{move || td_string!(i18n.get_locale(), pairing.score_label, score = score).to_string()}</span>
                    <span class="score-value" aria-hidden="true">{score}</span>
                    <span class="score-max" aria-hidden="true">"/100"</span>
                </p>
            </header>
            <p class="pair-roles">
                {move || {
                    let l = i18n.get_locale();
                    format!("{} · {}", role_label(l, Role::ReverseMentor), role_label(l, Role::Mentee))
                }}
                {move || locked.get().then(|| view! { <span class="tag lock-tag">{t!(i18n, pairing.locked_tag)}</span> })}
                {move || forbidden.get().then(|| view! { <span class="tag warn">{t!(i18n, pairing.forbidden_tag)}</span> })}
            </p>
            <ul class="breakdown">{lines}</ul>
            <details class="alternatives">
                <summary>{t!(i18n, pairing.alternatives)}</summary>
                <AlternativesLine name=mentee_first list=mentee_alts/>
                <AlternativesLine name=mentor_first list=mentor_alts/>
            </details>
            <div class="card-actions">
                <button type="button" class="secondary small" aria-pressed=move || locked.get().to_string() on:click=toggle_lock>
                    {t!(i18n, pairing.lock)}
                </button>
                <button type="button" class="secondary small danger-text" aria-pressed=move || forbidden.get().to_string() on:click=toggle_forbid>
                    {t!(i18n, pairing.forbid)}
                </button>
            </div>
        </article>
    }
}

/// Resolves alternatives to (name, score, has room) once, for display.
fn named(ws: &Workspace, alternatives: &[Alternative]) -> Vec<(String, u8, bool)> {
    alternatives
        .iter()
        .map(|a| (ws.participants[a.person].name.clone(), a.score, a.has_room))
        .collect()
}

#[component]
fn AlternativesLine(name: String, list: Vec<(String, u8, bool)>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <p class="alternative-line">
            {move || {
                let l = i18n.get_locale();
                if list.is_empty() {
                    return td_string!(l, pairing.no_alternatives, name = name.clone()).to_string();
                }
                let items: Vec<String> = list
                    .iter()
                    .map(|(n, s, room)| {
                        if *room {
                            td_string!(l, pairing.alternative_free, name = n.clone(), score = *s).to_string()
                        } else {
                            td_string!(l, pairing.alternative_taken, name = n.clone(), score = *s).to_string()
                        }
                    })
                    .collect();
                td_string!(l, pairing.alternatives_for, name = name.clone(), list = items.join(", ")).to_string()
            }}
        </p>
    }
}

fn skill_list(locale: Locale, lang: Lang, ws: &Workspace, skills: &[SkillMatch]) -> AnyView {
    skills
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let label = ws.catalogue.label(&s.skill, lang);
            let priority = priority_label(locale, s.priority);
            let objective = s.for_objective.then(|| view! { " "<span class="tag objective-tag">{td_string!(locale, pairing.objective_tag)}</span> });
            view! {
                {(i > 0).then_some(", ")}
                <span class="skill">{label}" "<span class="stars" aria-hidden="true" title=priority.clone()>{stars(s.priority)}</span><span class="visually-hidden">{format!(" ({priority})")}</span>{objective}</span>
            }
        })
        .collect_view()
        .into_any()
}

/// The sentence behind one criterion's points.
fn evidence_view(
    locale: Locale,
    lang: Lang,
    ws: &Workspace,
    criterion: Criterion,
    evidence: &Evidence,
    value: f64,
    mentor: &str,
    mentee: &str,
) -> AnyView {
    match criterion {
        Criterion::Reverse if evidence.teaches.is_empty() => {
            td_string!(locale, pairing.teaches_nothing, mentee = mentee.to_string())
                .to_string()
                .into_any()
        }
        Criterion::Reverse => view! {
            {td_string!(locale, pairing.teaches, mentee = mentee.to_string()).to_string()}" "
            {skill_list(locale, lang, ws, &evidence.teaches)}
        }
        .into_any(),
        Criterion::Symbiotic if evidence.shares_back.is_empty() => td_string!(
            locale,
            pairing.shares_nothing,
            mentee = mentee.to_string(),
            mentor = mentor.to_string()
        )
        .to_string()
        .into_any(),
        Criterion::Symbiotic => view! {
            {td_string!(locale, pairing.shares_back, mentee = mentee.to_string()).to_string()}" "
            {skill_list(locale, lang, ws, &evidence.shares_back)}
        }
        .into_any(),
        Criterion::Interests if evidence.interests.is_empty() => {
            td_string!(locale, pairing.no_interests)
                .to_string()
                .into_any()
        }
        Criterion::Interests => td_string!(
            locale,
            pairing.interests,
            list = evidence.interests.join(", ")
        )
        .to_string()
        .into_any(),
        Criterion::Channel => {
            let names: Vec<String> = evidence
                .channels
                .iter()
                .map(|c| channel_label(locale, *c))
                .collect();
            if value == UNKNOWN {
                td_string!(locale, pairing.channel_unknown).to_string()
            } else if value >= 1.0 {
                td_string!(
                    locale,
                    pairing.channel_same,
                    channel = names.first().cloned().unwrap_or_default()
                )
                .to_string()
            } else if names.is_empty() {
                td_string!(locale, pairing.channel_none).to_string()
            } else {
                td_string!(locale, pairing.channel_common, list = names.join(", ")).to_string()
            }
            .into_any()
        }
        Criterion::Availability => {
            let slots: Vec<String> = evidence
                .overlap
                .slots()
                .map(|(d, p)| {
                    format!(
                        "{} {}",
                        weekday_label(locale, d),
                        day_part_label(locale, p).to_lowercase()
                    )
                })
                .collect();
            if value == UNKNOWN {
                td_string!(locale, pairing.overlap_unknown).to_string()
            } else if slots.is_empty() {
                td_string!(locale, pairing.no_overlap).to_string()
            } else {
                td_string!(locale, pairing.overlap, list = slots.join(", ")).to_string()
            }
            .into_any()
        }
        Criterion::CrossDepartment => match &evidence.departments {
            Departments::Different(a, b) => td_string!(
                locale,
                pairing.departments_different,
                a = a.clone(),
                b = b.clone()
            )
            .to_string(),
            Departments::Same(d) => {
                td_string!(locale, pairing.departments_same, department = d.clone()).to_string()
            }
            Departments::Unknown => td_string!(locale, pairing.departments_unknown).to_string(),
        }
        .into_any(),
        Criterion::SeniorityGap => match evidence.seniority_gap {
            Some(gap) if gap > 0 => {
                td_string!(locale, pairing.seniority_gap, years = gap).to_string()
            }
            Some(_) => td_string!(locale, pairing.seniority_no_gap).to_string(),
            None => td_string!(locale, pairing.seniority_unknown).to_string(),
        }
        .into_any(),
    }
}

/// People left without a pair, each with the reason.
#[component]
fn UnmatchedList(run: Arc<PairingRun>) -> impl IntoView {
    let i18n = use_i18n();
    let min_score = run.workspace.pairing.min_score;
    let rows: Vec<(String, Role, Reason, Vec<(String, u8, bool)>)> = run
        .proposal
        .unmatched
        .iter()
        .map(|u| {
            let p = &run.workspace.participants[u.person];
            (
                p.name.clone(),
                p.role,
                u.reason.clone(),
                named(&run.workspace, &u.alternatives),
            )
        })
        .collect();
    let total = rows.len();
    let shown = RwSignal::new(PAGE);
    let rows = Arc::new(rows);
    view! {
        <section class="unmatched" aria-labelledby="unmatched-heading">
            <h2 id="unmatched-heading">{t!(i18n, pairing.unmatched)}</h2>
            {if rows.is_empty() {
                view! { <p class="empty">{t!(i18n, pairing.everyone_matched)}</p> }.into_any()
            } else {
                view! {
                    <ul class="unmatched-list">
                        {move || rows.iter().take(shown.get()).cloned().map(|(name, role, reason, alts)| {
                            let has_alts = !alts.is_empty();
                            let person_name = name.clone();
                            view! {
                                <li>
                                    <span class="person-name">{name.clone()}</span>" "
                                    <span class=if role == Role::Mentee { "tag mentee" } else { "tag mentor" }>{move || role_label(i18n.get_locale(), role)}</span>
                                    <p class="reason">{move || reason_text(i18n.get_locale(), role, &reason, min_score)}</p>
                                    {has_alts.then(|| view! { <AlternativesLine name=person_name list=alts/> })}
                                </li>
                            }
                        }).collect_view()}
                    </ul>
                    <Show when=move || { shown.get() < total }>
                        <button type="button" class="secondary" on:click=move |_| shown.update(|n| *n += PAGE)>
                            {move || {
                                let l = i18n.get_locale();
                                td_string!(l, pairing.show_more_people, shown = format::count(l, shown.get().min(total)), total = format::count(l, total)).to_string()
                            }}
                        </button>
                    </Show>
                }.into_any()
            }}
        </section>
    }
}

/// The program's accepted pairs.
#[component]
fn AcceptedPairs() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let rows = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let names: std::collections::HashMap<&crate::domain::ParticipantId, &str> = ws
                .participants
                .iter()
                .map(|p| (&p.id, p.name.as_str()))
                .collect();
            let name = |id| {
                names
                    .get(id)
                    .map_or_else(|| "?".to_string(), |n| n.to_string())
            };
            // Accepted pairs stay as accepted; a pair that a later edit (a ban,
            // a never-pair wish, a new manager, someone inactive) now rules
            // out is flagged so the coordinator can act on it.
            let prep = crate::domain::matching::rules::Prepared::new(ws);
            let check = |p: &crate::domain::matching::Pair| match (
                prep.index(&p.mentor),
                prep.index(&p.mentee),
            ) {
                (Some(m), Some(e)) => prep.block(m, e),
                _ => None,
            };
            let mut rows: Vec<(String, String, Option<crate::domain::Date>, Option<Block>)> = ws
                .pairing
                .pairs
                .iter()
                .map(|p| (name(&p.mentor), name(&p.mentee), p.since, check(p)))
                .collect();
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
        <section class="accepted" aria-labelledby="accepted-heading">
            <h2 id="accepted-heading">{t!(i18n, pairing.accepted_heading)}</h2>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! { <p class="empty">{t!(i18n, pairing.no_accepted)}</p> }
            >
                <div class="table-wrap">
                    <table>
                        <caption class="visually-hidden">{t!(i18n, pairing.accepted_heading)}</caption>
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, roles.reverse_mentor)}</th>
                                <th scope="col">{t!(i18n, roles.mentee)}</th>
                                <th scope="col">{t!(i18n, pairing.since)}</th>
                                <th scope="col">{t!(i18n, pairing.rules_now)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let l = i18n.get_locale();
                                rows.get().into_iter().map(|(m, e, since, block)| view! {
                                    <tr>
                                        <td>{m}</td>
                                        <td>{e}</td>
                                        <td>{since.map(|d| format::date(l, d)).unwrap_or_default()}</td>
                                        <td>{match block {
                                            None => td_string!(l, pairing.rules_ok).to_string().into_any(),
                                            Some(b) => view! { <span class="tag warn">{td_string!(l, pairing.rules_broken, reason = block_label(l, b)).to_string()}</span> }.into_any(),
                                        }}</td>
                                    </tr>
                                }).collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// Pairs the coordinator ruled out, with a way to allow them again.
#[component]
fn ForbiddenPairs() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let rows = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.pairing
                .forbidden
                .iter()
                .map(|k| (k.clone(), name_of(ws, &k.mentor), name_of(ws, &k.mentee)))
                .collect::<Vec<(PairKey, String, String)>>()
        })
    });
    view! {
        <Show when=move || rows.with(|r| !r.is_empty())>
            <section class="forbidden-pairs" aria-labelledby="forbidden-heading">
                <h2 id="forbidden-heading">{t!(i18n, pairing.forbidden_heading)}</h2>
                <ul>
                    {move || rows.get().into_iter().map(|(key, m, e)| {
                        let label_names = td_string!(i18n.get_locale(), pairing.pair_names, mentor = m.clone(), mentee = e.clone()).to_string();
                        view! {
                            <li>
                                <span>{label_names.clone()}</span>" "
                                <button
                                    type="button"
                                    class="link"
                                    aria-label=move || td_string!(i18n.get_locale(), pairing.allow_again_label, names = label_names.clone()).to_string()
                                    on:click=move |_| state.edit(|w| w.pairing.toggle_forbid(key.clone()))
                                >
                                    {t!(i18n, pairing.allow_again)}
                                </button>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </section>
        </Show>
    }
}

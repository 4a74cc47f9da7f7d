//! Program page: name, dates, rhythm, objectives tied to company goals,
//! ground rules and the program's own skills.

use super::overview::cadence_label;
use crate::app::browser;
use crate::app::components::{TextArea, TextField, error_at, unique_id};
use crate::app::i18n::*;
use crate::app::lang::use_lang;
use crate::app::messages::problem_line;
use crate::app::state::use_state;
use crate::domain::problem::ProblemKind;
use crate::domain::validation::{validate_program, validate_workspace};
use crate::domain::{
    Cadence, Catalogue, CustomSkill, Date, Objective, ObjectiveId, Problem, Program, SkillId,
    SkillKind, StandardRule, Workspace,
};
use leptos::prelude::*;

pub fn rule_title(locale: Locale, rule: StandardRule) -> String {
    match rule {
        StandardRule::Confidentiality => td_string!(locale, rules.confidentiality),
        StandardRule::NoFaultExit => td_string!(locale, rules.no_fault_exit),
        StandardRule::RespectTime => td_string!(locale, rules.respect_time),
        StandardRule::SafeFeedback => td_string!(locale, rules.safe_feedback),
        StandardRule::GoalsBothWays => td_string!(locale, rules.goals_both_ways),
    }
    .to_string()
}

pub fn rule_text(locale: Locale, rule: StandardRule) -> String {
    match rule {
        StandardRule::Confidentiality => td_string!(locale, rules.confidentiality_text),
        StandardRule::NoFaultExit => td_string!(locale, rules.no_fault_exit_text),
        StandardRule::RespectTime => td_string!(locale, rules.respect_time_text),
        StandardRule::SafeFeedback => td_string!(locale, rules.safe_feedback_text),
        StandardRule::GoalsBothWays => td_string!(locale, rules.goals_both_ways_text),
    }
    .to_string()
}

fn cadence_code(cadence: Cadence) -> &'static str {
    match cadence {
        Cadence::Weekly => "weekly",
        Cadence::Fortnightly => "fortnightly",
        Cadence::Monthly => "monthly",
    }
}

/// An objective being edited; numbers stay text until saved.
#[derive(Clone, PartialEq)]
struct ObjectiveDraft {
    objective: Objective,
    baseline: String,
    target: String,
    current: String,
}

#[derive(Clone, PartialEq)]
struct ProgramDraft {
    program: Program,
    start: String,
    end: String,
    minutes: String,
    custom_rules: String,
    objectives: Vec<ObjectiveDraft>,
    custom_skills: Vec<CustomSkill>,
}

fn number_text(value: f64) -> String {
    if value.fract() == 0.0 && value.abs() < 1e15 {
        format!("{value:.0}")
    } else {
        value.to_string()
    }
}

impl ProgramDraft {
    fn from(ws: &Workspace) -> ProgramDraft {
        let p = &ws.program;
        ProgramDraft {
            program: p.clone(),
            start: p.start_date.map(|d| d.to_string()).unwrap_or_default(),
            end: p.end_date.map(|d| d.to_string()).unwrap_or_default(),
            minutes: p.session_minutes.to_string(),
            custom_rules: p.ground_rules.custom.join("\n"),
            objectives: p
                .objectives
                .iter()
                .map(|o| ObjectiveDraft {
                    objective: o.clone(),
                    baseline: number_text(o.baseline),
                    target: number_text(o.target),
                    current: o.current.map(number_text).unwrap_or_default(),
                })
                .collect(),
            custom_skills: ws.catalogue.custom.clone(),
        }
    }

    /// The program and catalogue this draft describes, or what cannot be read.
    fn build(&self) -> (Program, Catalogue, Vec<Problem>) {
        let mut problems = Vec::new();
        let mut program = self.program.clone();
        program.name = program.name.trim().to_string();
        let mut date = |text: &str, path: &str| {
            let text = text.trim();
            if text.is_empty() {
                return None;
            }
            let parsed = Date::parse_iso(text);
            if parsed.is_none() {
                problems.push(Problem::new(
                    path,
                    ProblemKind::InvalidDate {
                        value: text.to_string(),
                    },
                ));
            }
            parsed
        };
        program.start_date = date(&self.start, "start_date");
        program.end_date = date(&self.end, "end_date");
        match self.minutes.trim().parse::<u16>() {
            Ok(m) => program.session_minutes = m,
            Err(_) => problems.push(Problem::new(
                "session_minutes",
                ProblemKind::OutOfRange {
                    min: f64::from(Program::MIN_SESSION_MINUTES),
                    max: f64::from(Program::MAX_SESSION_MINUTES),
                },
            )),
        }
        program.ground_rules.custom = self
            .custom_rules
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(String::from)
            .collect();
        program.objectives = self
            .objectives
            .iter()
            .enumerate()
            .map(|(i, draft)| {
                let mut objective = draft.objective.clone();
                let mut number = |text: &str, field: &str, required: bool| -> Option<f64> {
                    let text = text.trim();
                    if text.is_empty() {
                        if required {
                            problems.push(Problem::new(
                                format!("objectives[{i}].{field}"),
                                ProblemKind::Required,
                            ));
                        }
                        return None;
                    }
                    let parsed = parse_number(text);
                    if parsed.is_none() {
                        problems.push(Problem::new(
                            format!("objectives[{i}].{field}"),
                            ProblemKind::NotFinite,
                        ));
                    }
                    parsed
                };
                objective.baseline = number(&draft.baseline, "baseline", true).unwrap_or(0.0);
                objective.target = number(&draft.target, "target", true).unwrap_or(1.0);
                objective.current = number(&draft.current, "current", false);
                objective
            })
            .collect();
        let catalogue = Catalogue {
            custom: self
                .custom_skills
                .iter()
                .map(|s| CustomSkill {
                    name: s.name.trim().to_string(),
                    ..s.clone()
                })
                .collect(),
        };
        (program, catalogue, problems)
    }
}

/// Accepts `2.5` and `2,5` (decimal comma, as typed in Spain and Italy).
fn parse_number(text: &str) -> Option<f64> {
    let normalized = if text.contains(',') && !text.contains('.') {
        text.replace(',', ".")
    } else {
        text.to_string()
    };
    normalized.parse::<f64>().ok().filter(|v| v.is_finite())
}

#[component]
pub fn ProgramPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let draft = RwSignal::new(state.workspace.with_untracked(ProgramDraft::from));
    let problems = RwSignal::new(Vec::<Problem>::new());
    let saved_draft = RwSignal::new(draft.get_untracked());
    let dirty = move || draft.with(|d| saved_draft.with(|s| d != s));

    let err = move |path: String| {
        Signal::derive(move || problems.with(|p| error_at(i18n.get_locale(), p, &path)))
    };
    let label = move |key: fn(Locale) -> String| Signal::derive(move || key(i18n.get_locale()));
    let field = move |get: fn(&ProgramDraft) -> &String| {
        Signal::derive(move || draft.with(|d| get(d).clone()))
    };
    let set = move |apply: fn(&mut ProgramDraft, String)| {
        Callback::new(move |v: String| draft.update(|d| apply(d, v)))
    };

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (program, catalogue, mut found) = draft.with_untracked(ProgramDraft::build);
        found.extend(validate_program(&program, &catalogue));
        let mut candidate = state.workspace.get_untracked();
        candidate.program = program.clone();
        candidate.catalogue = catalogue.clone();
        found.extend(
            validate_workspace(&candidate)
                .into_iter()
                .filter(|p| p.path.starts_with("skills[")),
        );
        if found.is_empty() {
            state.edit(|ws| {
                ws.program = program;
                ws.catalogue = catalogue;
                let kept: Vec<_> = ws.program.objectives.iter().map(|o| o.id.clone()).collect();
                ws.sessions.unlink_objectives(&kept);
            });
            let fresh = state.workspace.with_untracked(ProgramDraft::from);
            draft.set(fresh.clone());
            saved_draft.set(fresh);
            problems.set(Vec::new());
            state.notify(t_string!(i18n, program.saved).to_string());
        } else {
            problems.set(found);
            browser::focus_element("program-problems");
        }
    };

    let add_objective = move |_| {
        draft.update(|d| {
            d.objectives.push(ObjectiveDraft {
                objective: Objective {
                    id: ObjectiveId::from_random_bytes(browser::random_bytes()),
                    title: String::new(),
                    company_goal: String::new(),
                    owner_department: String::new(),
                    kpi_name: String::new(),
                    unit: String::new(),
                    baseline: 0.0,
                    target: 0.0,
                    current: None,
                    skills: Vec::new(),
                },
                baseline: String::new(),
                target: String::new(),
                current: String::new(),
            })
        })
    };
    let objective_count = move || draft.with(|d| d.objectives.len());

    view! {
        <form class="page program-form" on:submit=save novalidate>
            <div class="page-head">
                <h1 id="page-heading" tabindex="-1">{t!(i18n, program.title)}</h1>
                <Show when=dirty>
                    <p class="unsaved" role="status">{t!(i18n, program.unsaved)}</p>
                </Show>
            </div>
            <div id="program-problems" tabindex="-1">
                <Show when=move || problems.with(|p| !p.is_empty())>
                    <div class="problems" role="alert">
                        <p class="problems-heading">{t!(i18n, program.form_problems)}</p>
                        <ul>
                            {move || {
                                let locale = i18n.get_locale();
                                problems.with(|p| p.iter().map(|p| view! { <li>{problem_line(locale, p)}</li> }).collect_view())
                            }}
                        </ul>
                    </div>
                </Show>
            </div>

            <fieldset>
                <legend>{t!(i18n, program.section_about)}</legend>
                <div class="grid-2">
                    <TextField id="program-name" label=label(|l| td_string!(l, program.name).to_string()) value=field(|d| &d.program.name) on_input=set(|d, v| d.program.name = v) error=err("name".into()) required=true/>
                    <TextField id="program-organisation" label=label(|l| td_string!(l, program.organisation).to_string()) value=field(|d| &d.program.organisation) on_input=set(|d, v| d.program.organisation = v) error=err("organisation".into())/>
                </div>
                <TextArea label=label(|l| td_string!(l, program.description).to_string()) hint=label(|l| td_string!(l, program.description_hint).to_string()) value=field(|d| &d.program.description) on_input=set(|d, v| d.program.description = v) error=err("description".into())/>
            </fieldset>

            <fieldset>
                <legend>{t!(i18n, program.section_rhythm)}</legend>
                <div class="grid-4">
                    <TextField id="program-start" label=label(|l| td_string!(l, program.start_date).to_string()) value=field(|d| &d.start) on_input=set(|d, v| d.start = v) error=err("start_date".into()) input_type="date"/>
                    <TextField id="program-end" label=label(|l| td_string!(l, program.end_date).to_string()) value=field(|d| &d.end) on_input=set(|d, v| d.end = v) error=err("end_date".into()) input_type="date"/>
                    <div class="field">
                        <label for="program-cadence">{t!(i18n, program.cadence)}</label>
                        <select id="program-cadence" on:change=move |ev| {
                            let value = event_target_value(&ev);
                            if let Some(c) = Cadence::ALL.into_iter().find(|c| cadence_code(*c) == value) {
                                draft.update(|d| d.program.cadence = c);
                            }
                        }>
                            {Cadence::ALL.into_iter().map(|c| view! {
                                <option value=cadence_code(c) selected=move || draft.with(|d| d.program.cadence == c)>
                                    {move || cadence_label(i18n.get_locale(), c)}
                                </option>
                            }).collect_view()}
                        </select>
                    </div>
                    <TextField id="program-minutes" label=label(|l| td_string!(l, program.session_minutes).to_string()) hint=label(|l| td_string!(l, program.session_minutes_hint).to_string()) value=field(|d| &d.minutes) on_input=set(|d, v| d.minutes = v) error=err("session_minutes".into()) input_type="number" inputmode="numeric"/>
                </div>
            </fieldset>

            <fieldset>
                <legend>{t!(i18n, program.section_objectives)}</legend>
                <p class="hint">{t!(i18n, program.objectives_hint)}</p>
                <For each=move || 0..objective_count() key=|i| *i children=move |i| view! { <ObjectiveEditor index=i draft=draft problems=problems/> }/>
                <button type="button" class="secondary" on:click=add_objective>{t!(i18n, program.add_objective)}</button>
            </fieldset>

            <fieldset>
                <legend>{t!(i18n, program.section_rules)}</legend>
                <p class="hint">{t!(i18n, program.rules_hint)}</p>
                <ul class="rules">
                    {StandardRule::ALL.into_iter().map(|rule| view! {
                        <li>
                            <label class="checkbox">
                                <input type="checkbox"
                                    prop:checked=move || draft.with(|d| d.program.ground_rules.standard.contains(&rule))
                                    on:change=move |ev| {
                                        let on = event_target_checked(&ev);
                                        draft.update(|d| {
                                            let rules = &mut d.program.ground_rules.standard;
                                            rules.retain(|r| *r != rule);
                                            if on {
                                                rules.push(rule);
                                                rules.sort();
                                            }
                                        });
                                    }/>
                                <span>
                                    <strong>{move || rule_title(i18n.get_locale(), rule)}</strong>
                                    <small>{move || rule_text(i18n.get_locale(), rule)}</small>
                                </span>
                            </label>
                        </li>
                    }).collect_view()}
                </ul>
                <TextArea label=label(|l| td_string!(l, program.custom_rules).to_string()) hint=label(|l| td_string!(l, program.custom_rules_hint).to_string()) value=field(|d| &d.custom_rules) on_input=set(|d, v| d.custom_rules = v) error=err("ground_rules".into())/>
            </fieldset>

            <CustomSkills draft=draft problems=problems/>

            <div class="actions sticky-actions">
                <button type="submit" class="primary">{t!(i18n, common.save)}</button>
                <button type="button" class="secondary" disabled=move || !dirty() on:click=move |_| {
                    draft.set(saved_draft.get_untracked());
                    problems.set(Vec::new());
                }>{t!(i18n, program.discard_changes)}</button>
            </div>
        </form>
    }
}

#[component]
fn ObjectiveEditor(
    index: usize,
    draft: RwSignal<ProgramDraft>,
    problems: RwSignal<Vec<Problem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let lang = use_lang();
    let i = index;
    let path = move |field: &'static str| format!("objectives[{i}].{field}");
    let err = move |field: &'static str| {
        let path = path(field);
        Signal::derive(move || problems.with(|p| error_at(i18n.get_locale(), p, &path)))
    };
    let label = move |key: fn(Locale) -> String| Signal::derive(move || key(i18n.get_locale()));
    let get = move |read: fn(&ObjectiveDraft) -> String| {
        Signal::derive(move || draft.with(|d| d.objectives.get(i).map(read).unwrap_or_default()))
    };
    let put = move |write: fn(&mut ObjectiveDraft, String)| {
        Callback::new(move |v: String| {
            draft.update(|d| {
                if let Some(o) = d.objectives.get_mut(i) {
                    write(o, v)
                }
            })
        })
    };
    let heading_id = unique_id("objective");
    let title = move || {
        let t = draft.with(|d| {
            d.objectives
                .get(i)
                .map(|o| o.objective.title.clone())
                .unwrap_or_default()
        });
        if t.trim().is_empty() {
            td_string!(i18n.get_locale(), program.objective_n, n = i + 1).to_string()
        } else {
            t
        }
    };
    let digital_skills = Memo::new(move |_| {
        let lang = lang.get();
        let custom = draft.with(|d| d.custom_skills.clone());
        Catalogue { custom }.entries(lang)
    });
    view! {
        <section class="objective-editor card" aria-labelledby=heading_id.clone()>
            <div class="card-head">
                <h3 id=heading_id.clone()>{title}</h3>
                <button type="button" class="link danger-text"
                    aria-label=move || td_string!(i18n.get_locale(), program.remove_objective_named, name = title()).to_string()
                    on:click=move |_| draft.update(|d| { if i < d.objectives.len() { d.objectives.remove(i); } })>
                    {t!(i18n, common.remove)}
                </button>
            </div>
            <div class="grid-2">
                <TextField label=label(|l| td_string!(l, program.objective_title).to_string()) value=get(|o| o.objective.title.clone()) on_input=put(|o, v| o.objective.title = v) error=err("title") required=true/>
                <TextField label=label(|l| td_string!(l, program.company_goal).to_string()) hint=label(|l| td_string!(l, program.company_goal_hint).to_string()) value=get(|o| o.objective.company_goal.clone()) on_input=put(|o, v| o.objective.company_goal = v) error=err("company_goal")/>
            </div>
            <div class="grid-3">
                <TextField label=label(|l| td_string!(l, program.owner_department).to_string()) value=get(|o| o.objective.owner_department.clone()) on_input=put(|o, v| o.objective.owner_department = v) error=err("owner_department")/>
                <TextField label=label(|l| td_string!(l, program.kpi_name).to_string()) value=get(|o| o.objective.kpi_name.clone()) on_input=put(|o, v| o.objective.kpi_name = v) error=err("kpi_name") required=true/>
                <TextField label=label(|l| td_string!(l, program.unit).to_string()) hint=label(|l| td_string!(l, program.unit_hint).to_string()) value=get(|o| o.objective.unit.clone()) on_input=put(|o, v| o.objective.unit = v) error=err("unit")/>
            </div>
            <div class="grid-3">
                <TextField label=label(|l| td_string!(l, program.baseline).to_string()) value=get(|o| o.baseline.clone()) on_input=put(|o, v| o.baseline = v) error=err("baseline") required=true inputmode="decimal"/>
                <TextField label=label(|l| td_string!(l, program.target).to_string()) value=get(|o| o.target.clone()) on_input=put(|o, v| o.target = v) error=err("target") required=true inputmode="decimal"/>
                <TextField label=label(|l| td_string!(l, program.current).to_string()) hint=label(|l| td_string!(l, program.current_hint).to_string()) value=get(|o| o.current.clone()) on_input=put(|o, v| o.current = v) error=err("current") inputmode="decimal"/>
            </div>
            <details class="linked-skills">
                <summary>
                    {move || {
                        let n = draft.with(|d| d.objectives.get(i).map_or(0, |o| o.objective.skills.len()));
                        td_string!(i18n.get_locale(), program.linked_skills, count = n).to_string()
                    }}
                </summary>
                <p class="hint">{t!(i18n, program.linked_skills_hint)}</p>
                <ul class="checkbox-grid">
                    {move || digital_skills.get().into_iter().map(|(id, name, kind)| {
                        let check_id = id.clone();
                        let toggle_id = id.clone();
                        view! {
                            <li>
                                <label class="checkbox">
                                    <input type="checkbox"
                                        prop:checked=move || draft.with(|d| d.objectives.get(i).is_some_and(|o| o.objective.skills.contains(&check_id)))
                                        on:change=move |ev| {
                                            let on = event_target_checked(&ev);
                                            let id = toggle_id.clone();
                                            draft.update(|d| if let Some(o) = d.objectives.get_mut(i) {
                                                o.objective.skills.retain(|s| *s != id);
                                                if on { o.objective.skills.push(id); }
                                            });
                                        }/>
                                    <span>{name}{(kind == SkillKind::Experience).then_some(" ·")}</span>
                                </label>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            </details>
        </section>
    }
}

/// Skills the coordinator adds to the default catalogue.
#[component]
fn CustomSkills(draft: RwSignal<ProgramDraft>, problems: RwSignal<Vec<Problem>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let new_name = RwSignal::new(String::new());
    let new_kind = RwSignal::new(SkillKind::Digital);
    let add = move || {
        let name = new_name.get_untracked().trim().to_string();
        if name.is_empty() {
            return;
        }
        draft.update(|d| {
            let catalogue = Catalogue {
                custom: d.custom_skills.clone(),
            };
            let id = catalogue.new_custom_id(&name);
            d.custom_skills.push(CustomSkill {
                id,
                name,
                kind: new_kind.get_untracked(),
            });
        });
        new_name.set(String::new());
    };
    // A skill in use by someone cannot be removed: their records would point at nothing.
    let in_use = move |id: &SkillId| {
        state.workspace.with(|ws| {
            ws.participants.iter().any(|p| {
                p.skills_offered.iter().any(|s| &s.skill == id)
                    || p.skills_wanted.iter().any(|s| &s.skill == id)
            }) || ws.program.objectives.iter().any(|o| o.skills.contains(id))
                || ws.sessions.uses_skill(id)
        }) || draft.with(|d| d.objectives.iter().any(|o| o.objective.skills.contains(id)))
    };
    let kind_label = move |kind: SkillKind| match kind {
        SkillKind::Digital => t_string!(i18n, skills.kind_digital).to_string(),
        SkillKind::Experience => t_string!(i18n, skills.kind_experience).to_string(),
    };
    let count = move || draft.with(|d| d.custom_skills.len());
    view! {
        <fieldset>
            <legend>{t!(i18n, program.section_skills)}</legend>
            <p class="hint">{t!(i18n, program.skills_hint)}</p>
            <ul class="custom-skills">
                <For each=move || 0..count() key=|i| *i children=move |i| {
                    let skill = move || draft.with(|d| d.custom_skills.get(i).cloned());
                    let name_id = unique_id("custom-skill");
                    let error = move || problems.with(|p| error_at(i18n.get_locale(), p, &format!("skills[{i}]")));
                    view! {
                        <li class="skill-row">
                            <div class="field">
                                <label for=name_id.clone()>{move || td_string!(i18n.get_locale(), participants.skill_n, n = i + 1).to_string()}</label>
                                <input id=name_id type="text"
                                    prop:value=move || skill().map(|s| s.name).unwrap_or_default()
                                    on:input=move |ev| {
                                        let value = event_target_value(&ev);
                                        draft.update(|d| if let Some(s) = d.custom_skills.get_mut(i) { s.name = value });
                                    }/>
                            </div>
                            <span class="tag">{move || skill().map(|s| kind_label(s.kind))}</span>
                            {move || {
                                let used = skill().is_some_and(|s| in_use(&s.id));
                                view! {
                                    <button type="button" class="link danger-text" disabled=used
                                        title=move || used.then(|| t_string!(i18n, program.skill_in_use).to_string())
                                        on:click=move |_| draft.update(|d| { if i < d.custom_skills.len() { d.custom_skills.remove(i); } })>
                                        {t!(i18n, common.remove)}
                                    </button>
                                    {used.then(|| view! { <small class="hint">{t!(i18n, program.skill_in_use)}</small> })}
                                }
                            }}
                            {move || error().map(|e| view! { <p class="field-error">{e}</p> })}
                        </li>
                    }
                }/>
            </ul>
            <div class="add-skill">
                <div class="field grow">
                    <label for="new-skill-name">{t!(i18n, program.new_skill)}</label>
                    <input id="new-skill-name" type="text" prop:value=move || new_name.get()
                        on:input=move |ev| new_name.set(event_target_value(&ev))
                        on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { ev.prevent_default(); add(); }/>
                </div>
                <div class="field">
                    <label for="new-skill-kind">{t!(i18n, program.new_skill_kind)}</label>
                    <select id="new-skill-kind" on:change=move |ev| new_kind.set(if event_target_value(&ev) == "experience" { SkillKind::Experience } else { SkillKind::Digital })>
                        <option value="digital" selected=move || new_kind.get() == SkillKind::Digital>{t!(i18n, skills.kind_digital)}</option>
                        <option value="experience" selected=move || new_kind.get() == SkillKind::Experience>{t!(i18n, skills.kind_experience)}</option>
                    </select>
                </div>
                <button type="button" class="secondary" on:click=move |_| add()>{t!(i18n, program.add_skill)}</button>
            </div>
        </fieldset>
    }
}

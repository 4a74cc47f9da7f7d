//! Add / edit form for one participant, with inline validation from the core.

use crate::app::browser;
use crate::app::components::{TextArea, TextField, error_at, unique_id};
use crate::app::i18n::*;
use crate::app::lang::use_lang;
use crate::app::messages::{problem_line, problem_message};
use crate::app::state::use_state;
use crate::domain::problem::ProblemKind;
use crate::domain::text::{normalize_tag, split_list};
use crate::domain::validation::validate_participant;
use crate::domain::{
    Channel, Date, DayPart, OfferedSkill, Participant, Priority, Problem, Role, SkillId, SkillKind,
    WantedSkill, Weekday,
};
use leptos::prelude::*;

pub fn channel_label(locale: Locale, channel: Channel) -> String {
    match channel {
        Channel::InPerson => td_string!(locale, channels.in_person),
        Channel::VideoCall => td_string!(locale, channels.video_call),
        Channel::Phone => td_string!(locale, channels.phone),
        Channel::Chat => td_string!(locale, channels.chat),
        Channel::Email => td_string!(locale, channels.email),
    }
    .to_string()
}

pub fn weekday_label(locale: Locale, day: Weekday) -> String {
    match day {
        Weekday::Mon => td_string!(locale, days.mon),
        Weekday::Tue => td_string!(locale, days.tue),
        Weekday::Wed => td_string!(locale, days.wed),
        Weekday::Thu => td_string!(locale, days.thu),
        Weekday::Fri => td_string!(locale, days.fri),
        Weekday::Sat => td_string!(locale, days.sat),
        Weekday::Sun => td_string!(locale, days.sun),
    }
    .to_string()
}

pub fn day_part_label(locale: Locale, part: DayPart) -> String {
    match part {
        DayPart::Morning => td_string!(locale, day_parts.morning),
        DayPart::Afternoon => td_string!(locale, day_parts.afternoon),
        DayPart::Evening => td_string!(locale, day_parts.evening),
    }
    .to_string()
}

pub fn priority_label(locale: Locale, priority: Priority) -> String {
    match priority {
        Priority::MustHave => td_string!(locale, priority.must_have),
        Priority::Important => td_string!(locale, priority.important),
        Priority::NiceToHave => td_string!(locale, priority.nice_to_have),
    }
    .to_string()
}

fn priority_code(priority: Priority) -> &'static str {
    match priority {
        Priority::MustHave => "must_have",
        Priority::Important => "important",
        Priority::NiceToHave => "nice_to_have",
    }
}

/// The form label of the field a problem path points at (`skills_offered[1].level`
/// → "Skills they can teach or share"), so the summary speaks the form's words.
fn field_label(locale: Locale, path: &str) -> Option<String> {
    let field = path.split(['[', '.']).next().unwrap_or(path);
    let label = match field {
        "name" => td_string!(locale, participants.name),
        "email" => td_string!(locale, participants.email),
        "department" => td_string!(locale, participants.department),
        "job_title" => td_string!(locale, participants.job_title),
        "manager_id" => td_string!(locale, participants.manager),
        "seniority_years" => td_string!(locale, participants.seniority_years),
        "grade" => td_string!(locale, participants.grade),
        "languages" => td_string!(locale, participants.languages),
        "location" => td_string!(locale, participants.location),
        "time_zone" => td_string!(locale, participants.time_zone),
        "skills_offered" => td_string!(locale, participants.skills_offered),
        "skills_wanted" => td_string!(locale, participants.skills_wanted),
        "interests" => td_string!(locale, participants.interests),
        "channels" => td_string!(locale, participants.channels),
        "capacity" => td_string!(locale, participants.capacity),
        "never_pair_with" => td_string!(locale, participants.never_pair),
        "consent_date" => td_string!(locale, participants.consent_date),
        "notes" => td_string!(locale, participants.notes),
        _ => return None,
    };
    Some(label.to_string())
}

/// Text buffers for fields typed as free text and parsed on save.
#[derive(Clone, Default)]
struct Buffers {
    years: String,
    capacity: String,
    languages: String,
    interests: String,
    consent: String,
}

impl Buffers {
    fn from(p: &Participant) -> Buffers {
        Buffers {
            years: p.seniority.years.map(|y| y.to_string()).unwrap_or_default(),
            capacity: p.capacity.to_string(),
            languages: p.languages.join(", "),
            interests: p.interests.join(", "),
            consent: p.consent_date.map(|d| d.to_string()).unwrap_or_default(),
        }
    }
}

/// Reads the typed buffers into `candidate`, reporting what cannot be parsed.
fn apply_buffers(candidate: &mut Participant, buffers: &Buffers) -> Vec<Problem> {
    let mut problems = Vec::new();
    let years = buffers.years.trim();
    candidate.seniority.years = if years.is_empty() {
        None
    } else {
        match years.parse::<u8>() {
            Ok(y) => Some(y),
            Err(_) => {
                problems.push(Problem::new(
                    "seniority_years",
                    ProblemKind::OutOfRange {
                        min: 0.0,
                        max: 60.0,
                    },
                ));
                None
            }
        }
    };
    match buffers.capacity.trim().parse::<u8>() {
        Ok(c) => candidate.capacity = c,
        Err(_) => problems.push(Problem::new(
            "capacity",
            ProblemKind::OutOfRange {
                min: 1.0,
                max: f64::from(Participant::MAX_CAPACITY),
            },
        )),
    }
    candidate.languages = split_list(&buffers.languages)
        .into_iter()
        .map(|l| l.to_lowercase())
        .collect();
    let mut interests: Vec<String> = split_list(&buffers.interests)
        .iter()
        .map(|t| normalize_tag(t))
        .collect();
    let mut seen = std::collections::HashSet::new();
    interests.retain(|tag| seen.insert(tag.clone()));
    candidate.interests = interests;
    let consent = buffers.consent.trim();
    candidate.consent_date = if consent.is_empty() {
        None
    } else {
        match Date::parse_iso(consent) {
            Some(d) => Some(d),
            None => {
                problems.push(Problem::new(
                    "consent_date",
                    ProblemKind::InvalidDate {
                        value: consent.to_string(),
                    },
                ));
                None
            }
        }
    };
    candidate.name = candidate.name.trim().to_string();
    candidate.email = candidate.email.trim().to_string();
    problems
}

#[component]
pub fn ParticipantForm(initial: Participant, is_new: bool, on_done: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let draft = RwSignal::new(initial.clone());
    let buffers = RwSignal::new(Buffers::from(&initial));
    let problems = RwSignal::new(Vec::<Problem>::new());
    let summary_id = unique_id("form-problems");

    let err = move |path: &'static str| {
        Signal::derive(move || problems.with(|p| error_at(i18n.get_locale(), p, path)))
    };
    let text = move |get: fn(&Participant) -> &String| {
        Signal::derive(move || draft.with(|p| get(p).clone()))
    };
    let set = move |apply: fn(&mut Participant, String)| {
        Callback::new(move |value: String| draft.update(|p| apply(p, value)))
    };
    let buf = move |get: fn(&Buffers) -> &String| {
        Signal::derive(move || buffers.with(|b| get(b).clone()))
    };
    let set_buf = move |apply: fn(&mut Buffers, String)| {
        Callback::new(move |value: String| buffers.update(|b| apply(b, value)))
    };
    let label = move |key: fn(Locale) -> String| Signal::derive(move || key(i18n.get_locale()));

    let summary_focus = summary_id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut candidate = draft.get_untracked();
        let mut found = buffers.with_untracked(|b| apply_buffers(&mut candidate, b));
        found.extend(
            state
                .workspace
                .with_untracked(|ws| validate_participant(&candidate, ws)),
        );
        if found.is_empty() {
            let name = candidate.name.clone();
            state.edit(|ws| ws.upsert_participant(candidate));
            state.notify(
                td_string!(i18n.get_locale_untracked(), participants.saved, name = name)
                    .to_string(),
            );
            on_done.run(());
        } else {
            problems.set(found);
            browser::focus_element(&summary_focus);
        }
    };

    let departments = Memo::new(move |_| state.workspace.with(|ws| ws.departments()));
    let managers = Memo::new(move |_| {
        let own = draft.with_untracked(|p| p.id.clone());
        state.workspace.with(|ws| {
            let mut people: Vec<(String, String)> = ws
                .participants
                .iter()
                .filter(|p| p.id != own)
                .map(|p| {
                    (
                        p.id.to_string(),
                        if p.department.is_empty() {
                            p.name.clone()
                        } else {
                            format!("{} ({})", p.name, p.department)
                        },
                    )
                })
                .collect();
            people.sort_by_key(|(_, label)| crate::domain::text::search_key(label));
            people
        })
    });
    let skills = Memo::new(move |_| {
        let lang = lang.get();
        state.workspace.with(|ws| ws.catalogue.entries(lang))
    });

    let title = move || {
        if is_new {
            t_string!(i18n, participants.add_title).to_string()
        } else {
            td_string!(
                i18n.get_locale(),
                participants.edit_title,
                name = initial.name.clone()
            )
            .to_string()
        }
    };

    view! {
        <form class="participant-form" on:submit=save novalidate>
            <h1 id="page-heading" tabindex="-1">{title}</h1>
            <p class="hint">{t!(i18n, participants.form_hint)}</p>
            <div id=summary_id.clone() tabindex="-1">
                <Show when=move || problems.with(|p| !p.is_empty())>
                    <div class="problems" role="alert">
                        <p class="problems-heading">{t!(i18n, participants.form_problems)}</p>
                        <ul>
                            {move || {
                                let locale = i18n.get_locale();
                                problems.with(|p| p.iter().map(|p| {
                                    let line = match field_label(locale, &p.path) {
                                        Some(label) => format!("{label}: {}", problem_message(locale, &p.kind)),
                                        None => problem_line(locale, p),
                                    };
                                    view! { <li>{line}</li> }
                                }).collect_view())
                            }}
                        </ul>
                    </div>
                </Show>
            </div>

            <fieldset>
                <legend>{t!(i18n, participants.section_identity)}</legend>
                <div class="grid-2">
                    <TextField id="participant-name" label=label(|l| td_string!(l, participants.name).to_string()) value=text(|p| &p.name) on_input=set(|p, v| p.name = v) error=err("name") required=true autocomplete="off"/>
                    <TextField id="participant-email" label=label(|l| td_string!(l, participants.email).to_string()) value=text(|p| &p.email) on_input=set(|p, v| p.email = v) error=err("email") required=true input_type="email" autocomplete="off"/>
                </div>
                <div class="field">
                    <span class="label" id="role-label">{t!(i18n, participants.role)}</span>
                    <div class="radio-row" role="radiogroup" aria-labelledby="role-label">
                        {Role::ALL.into_iter().map(|role| view! {
                            <label class="radio">
                                <input type="radio" name="role" value=format!("{role:?}")
                                    prop:checked=move || draft.with(|p| p.role == role)
                                    on:change=move |_| draft.update(|p| p.role = role)/>
                                <span>
                                    {move || super::participants::role_label(i18n.get_locale(), role)}
                                    <small>{move || match role {
                                        Role::ReverseMentor => t_string!(i18n, roles.reverse_mentor_hint).to_string(),
                                        Role::Mentee => t_string!(i18n, roles.mentee_hint).to_string(),
                                    }}</small>
                                </span>
                            </label>
                        }).collect_view()}
                    </div>
                </div>
                <div class="grid-2">
                    <TextField label=label(|l| td_string!(l, participants.department).to_string()) value=text(|p| &p.department) on_input=set(|p, v| p.department = v) error=err("department") list="department-list"/>
                    <TextField label=label(|l| td_string!(l, participants.job_title).to_string()) value=text(|p| &p.job_title) on_input=set(|p, v| p.job_title = v) error=err("job_title")/>
                </div>
                <datalist id="department-list">
                    {move || departments.get().into_iter().map(|d| view! { <option value=d></option> }).collect_view()}
                </datalist>
                <div class="grid-2">
                    <div class="field" class:invalid=move || err("manager_id").get().is_some()>
                        <label for="participant-manager">{t!(i18n, participants.manager)}</label>
                        <p class="hint" id="participant-manager-hint">{t!(i18n, participants.manager_hint)}</p>
                        <select id="participant-manager" aria-describedby="participant-manager-hint" on:change=move |ev| {
                            let value = event_target_value(&ev);
                            draft.update(|p| p.manager = crate::domain::ParticipantId::parse(&value));
                        }>
                            <option value="" selected=move || draft.with(|p| p.manager.is_none())>{t!(i18n, participants.no_manager)}</option>
                            {move || managers.get().into_iter().map(|(id, name)| {
                                let selected_id = id.clone();
                                view! { <option value=id selected=move || draft.with(|p| p.manager.as_ref().map(|m| m.as_str()) == Some(selected_id.as_str()))>{name}</option> }
                            }).collect_view()}
                        </select>
                        {move || err("manager_id").get().map(|e| view! { <p class="field-error">{e}</p> })}
                    </div>
                    <div class="grid-2 tight">
                        <TextField label=label(|l| td_string!(l, participants.seniority_years).to_string()) value=buf(|b| &b.years) on_input=set_buf(|b, v| b.years = v) error=err("seniority_years") input_type="number" inputmode="numeric"/>
                        <TextField label=label(|l| td_string!(l, participants.grade).to_string()) value=text(|p| &p.seniority.grade) on_input=set(|p, v| p.seniority.grade = v) error=err("grade")/>
                    </div>
                </div>
            </fieldset>

            <fieldset>
                <legend>{t!(i18n, participants.section_place)}</legend>
                <div class="grid-3">
                    <TextField label=label(|l| td_string!(l, participants.languages).to_string()) hint=label(|l| td_string!(l, participants.languages_hint).to_string()) value=buf(|b| &b.languages) on_input=set_buf(|b, v| b.languages = v) error=err("languages")/>
                    <TextField label=label(|l| td_string!(l, participants.location).to_string()) value=text(|p| &p.location) on_input=set(|p, v| p.location = v) error=err("location")/>
                    <TextField label=label(|l| td_string!(l, participants.time_zone).to_string()) hint=label(|l| td_string!(l, participants.time_zone_hint).to_string()) value=text(|p| &p.time_zone) on_input=set(|p, v| p.time_zone = v) error=err("time_zone")/>
                </div>
            </fieldset>

            <fieldset>
                <legend>{t!(i18n, participants.section_skills)}</legend>
                <OfferedSkills draft=draft skills=skills problems=problems/>
                <WantedSkills draft=draft skills=skills problems=problems/>
                <TextField label=label(|l| td_string!(l, participants.interests).to_string()) hint=label(|l| td_string!(l, participants.interests_hint).to_string()) value=buf(|b| &b.interests) on_input=set_buf(|b, v| b.interests = v) error=err("interests")/>
            </fieldset>

            <fieldset>
                <legend>{t!(i18n, participants.section_meeting)}</legend>
                <ChannelRanking draft=draft/>
                <AvailabilityGrid draft=draft/>
            </fieldset>

            <fieldset>
                <legend>{t!(i18n, participants.section_program)}</legend>
                <div class="grid-3">
                    <TextField label=label(|l| td_string!(l, participants.capacity).to_string()) hint=label(|l| td_string!(l, participants.capacity_hint).to_string()) value=buf(|b| &b.capacity) on_input=set_buf(|b, v| b.capacity = v) error=err("capacity") input_type="number" inputmode="numeric"/>
                    <TextField label=label(|l| td_string!(l, participants.consent_date).to_string()) hint=label(|l| td_string!(l, participants.consent_hint).to_string()) value=buf(|b| &b.consent) on_input=set_buf(|b, v| b.consent = v) error=err("consent_date") input_type="date"/>
                    <div class="field checkbox-field">
                        <label class="checkbox">
                            <input type="checkbox" prop:checked=move || draft.with(|p| p.active) on:change=move |ev| draft.update(|p| p.active = event_target_checked(&ev))/>
                            <span>{t!(i18n, participants.active_label)}</span>
                        </label>
                        <p class="hint">{t!(i18n, participants.active_hint)}</p>
                    </div>
                </div>
                <div class="field never-pair" role="group" aria-labelledby="never-pair-label" aria-describedby="never-pair-hint">
                    <span class="label-row" id="never-pair-label"><strong>{t!(i18n, participants.never_pair)}</strong></span>
                    <p class="hint" id="never-pair-hint">{t!(i18n, participants.never_pair_hint)}</p>
                    <ul class="never-pair-list">
                        {move || {
                            let names = managers.get();
                            draft.with(|p| p.never_pair_with.clone()).into_iter().map(|id| {
                                let label = names.iter().find(|(i, _)| i == id.as_str()).map(|(_, n)| n.clone()).unwrap_or_else(|| id.to_string());
                                let remove_label = label.clone();
                                view! {
                                    <li>
                                        <span>{label}</span>" "
                                        <button type="button" class="link danger-text"
                                            aria-label=move || td_string!(i18n.get_locale(), participants.never_pair_remove, name = remove_label.clone()).to_string()
                                            on:click=move |_| draft.update(|p| p.never_pair_with.retain(|x| *x != id))>
                                            {t!(i18n, common.remove)}
                                        </button>
                                    </li>
                                }
                            }).collect_view()
                        }}
                    </ul>
                    <label for="never-pair-add" class="visually-hidden">{t!(i18n, participants.never_pair_add)}</label>
                    <select id="never-pair-add" on:change=move |ev| {
                        let value = event_target_value(&ev);
                        if let Some(id) = crate::domain::ParticipantId::parse(&value) {
                            draft.update(|p| if !p.never_pair_with.contains(&id) { p.never_pair_with.push(id) });
                        }
                        if let Some(select) = ev.target().and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlSelectElement>(t).ok()) {
                            select.set_value("");
                        }
                    }>
                        <option value="" selected=true>{t!(i18n, participants.never_pair_add)}</option>
                        {move || managers.get().into_iter().filter(|(id, _)| draft.with(|p| !p.never_pair_with.iter().any(|x| x.as_str() == id))).map(|(id, name)| view! { <option value=id>{name}</option> }).collect_view()}
                    </select>
                </div>
                <TextArea label=label(|l| td_string!(l, participants.notes).to_string()) hint=label(|l| td_string!(l, participants.notes_hint).to_string()) value=text(|p| &p.notes) on_input=set(|p, v| p.notes = v) error=err("notes")/>
            </fieldset>

            <div class="actions sticky-actions">
                <button type="submit" class="primary">{t!(i18n, common.save)}</button>
                <button type="button" class="secondary" on:click=move |_| on_done.run(())>{t!(i18n, common.cancel)}</button>
            </div>
        </form>
    }
}

/// Skill picker options, grouped by the direction the skill usually flows.
fn skill_options(
    i18n: leptos_i18n::I18nContext<Locale>,
    skills: Memo<Vec<(SkillId, String, SkillKind)>>,
    selected: Signal<Option<SkillId>>,
) -> impl IntoView {
    move || {
        let groups = [
            (
                SkillKind::Digital,
                t_string!(i18n, skills.group_digital).to_string(),
            ),
            (
                SkillKind::Experience,
                t_string!(i18n, skills.group_experience).to_string(),
            ),
        ];
        groups
            .into_iter()
            .map(|(kind, group)| {
                let options = skills.with(|all| {
                    all.iter()
                        .filter(|(_, _, k)| *k == kind)
                        .map(|(id, name, _)| {
                            let is_selected = selected.with(|s| s.as_ref() == Some(id));
                            view! { <option value=id.to_string() selected=is_selected>{name.clone()}</option> }
                        })
                        .collect_view()
                });
                view! { <optgroup label=group>{options}</optgroup> }
            })
            .collect_view()
    }
}

/// The first skill of the preferred kind not yet in `taken`.
fn first_free_skill(
    all: &[(SkillId, String, SkillKind)],
    prefer: SkillKind,
    taken: &[&SkillId],
) -> Option<SkillId> {
    let free = |kind: Option<SkillKind>| {
        all.iter()
            .find(|(id, _, k)| kind.is_none_or(|kind| *k == kind) && !taken.contains(&id))
            .map(|(id, _, _)| id.clone())
    };
    free(Some(prefer)).or_else(|| free(None))
}

/// One row of a skill list: which skill, a second choice given as children
/// (level or priority), a remove button and the row's problem, if any.
#[component]
fn SkillRow(
    index: usize,
    /// `skills_offered` or `skills_wanted`: where this row's problems are reported.
    list: &'static str,
    skills: Memo<Vec<(SkillId, String, SkillKind)>>,
    skill: Signal<Option<SkillId>>,
    on_skill: Callback<SkillId>,
    on_remove: Callback<()>,
    problems: RwSignal<Vec<Problem>>,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let skill_id = unique_id("skill");
    let error =
        move || problems.with(|p| error_at(i18n.get_locale(), p, &format!("{list}[{index}]")));
    view! {
        <li class="skill-row">
            <div class="field">
                <label for=skill_id.clone()>{move || td_string!(i18n.get_locale(), participants.skill_n, n = index + 1).to_string()}</label>
                <select id=skill_id on:change=move |ev| {
                    if let Some(id) = SkillId::parse(&event_target_value(&ev)) {
                        on_skill.run(id);
                    }
                }>
                    {skill_options(i18n, skills, skill)}
                </select>
            </div>
            {children()}
            <button type="button" class="link danger-text"
                aria-label=move || td_string!(i18n.get_locale(), participants.remove_skill_n, n = index + 1).to_string()
                on:click=move |_| on_remove.run(())>
                {t!(i18n, common.remove)}
            </button>
            {move || error().map(|e| view! { <p class="field-error">{e}</p> })}
        </li>
    }
}

#[component]
fn OfferedSkills(
    draft: RwSignal<Participant>,
    skills: Memo<Vec<(SkillId, String, SkillKind)>>,
    problems: RwSignal<Vec<Problem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = move || draft.with(|p| p.skills_offered.len());
    let add = move |_| {
        let prefer = if draft.with_untracked(|p| p.role == Role::ReverseMentor) {
            SkillKind::Digital
        } else {
            SkillKind::Experience
        };
        let next = draft.with_untracked(|p| {
            let taken: Vec<&SkillId> = p.skills_offered.iter().map(|s| &s.skill).collect();
            skills.with_untracked(|all| first_free_skill(all, prefer, &taken))
        });
        if let Some(skill) = next {
            draft.update(|p| p.skills_offered.push(OfferedSkill { skill, level: 3 }));
        }
    };
    view! {
        <div class="skill-list">
            <h3 class="label">{t!(i18n, participants.skills_offered)}</h3>
            <p class="hint">{t!(i18n, participants.skills_offered_hint)}</p>
            <ul>
                <For each=move || 0..count() key=|i| *i children=move |i| {
                    let level = move || draft.with(|p| p.skills_offered.get(i).map_or(3, |s| s.level));
                    let level_id = unique_id("offered-level");
                    view! {
                        <SkillRow
                            index=i
                            list="skills_offered"
                            skills=skills
                            skill=Signal::derive(move || draft.with(|p| p.skills_offered.get(i).map(|s| s.skill.clone())))
                            on_skill=Callback::new(move |id| draft.update(|p| if let Some(s) = p.skills_offered.get_mut(i) { s.skill = id }))
                            on_remove=Callback::new(move |()| draft.update(|p| { if i < p.skills_offered.len() { p.skills_offered.remove(i); } }))
                            problems=problems
                        >
                            <div class="field">
                                <label for=level_id.clone()>{t!(i18n, participants.level)}</label>
                                <select id=level_id on:change=move |ev| {
                                    if let Ok(value) = event_target_value(&ev).parse::<u8>() {
                                        draft.update(|p| if let Some(s) = p.skills_offered.get_mut(i) { s.level = value });
                                    }
                                }>
                                    {(1..=Participant::MAX_LEVEL).map(|n| view! {
                                        <option value=n.to_string() selected=move || level() == n>
                                            {move || level_label(i18n.get_locale(), n)}
                                        </option>
                                    }).collect_view()}
                                </select>
                            </div>
                        </SkillRow>
                    }
                }/>
            </ul>
            <button type="button" class="secondary small" on:click=add>{t!(i18n, participants.add_offered)}</button>
        </div>
    }
}

pub fn level_label(locale: Locale, level: u8) -> String {
    match level {
        1 => td_string!(locale, levels.l1),
        2 => td_string!(locale, levels.l2),
        3 => td_string!(locale, levels.l3),
        4 => td_string!(locale, levels.l4),
        _ => td_string!(locale, levels.l5),
    }
    .to_string()
}

#[component]
fn WantedSkills(
    draft: RwSignal<Participant>,
    skills: Memo<Vec<(SkillId, String, SkillKind)>>,
    problems: RwSignal<Vec<Problem>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let count = move || draft.with(|p| p.skills_wanted.len());
    let add = move |_| {
        let prefer = if draft.with_untracked(|p| p.role == Role::ReverseMentor) {
            SkillKind::Experience
        } else {
            SkillKind::Digital
        };
        let next = draft.with_untracked(|p| {
            let taken: Vec<&SkillId> = p.skills_wanted.iter().map(|s| &s.skill).collect();
            skills.with_untracked(|all| first_free_skill(all, prefer, &taken))
        });
        if let Some(skill) = next {
            draft.update(|p| {
                p.skills_wanted.push(WantedSkill {
                    skill,
                    priority: Priority::Important,
                })
            });
        }
    };
    view! {
        <div class="skill-list">
            <h3 class="label">{t!(i18n, participants.skills_wanted)}</h3>
            <p class="hint">{t!(i18n, participants.skills_wanted_hint)}</p>
            <ul>
                <For each=move || 0..count() key=|i| *i children=move |i| {
                    let priority = move || draft.with(|p| p.skills_wanted.get(i).map_or(Priority::Important, |s| s.priority));
                    let priority_id = unique_id("wanted-priority");
                    view! {
                        <SkillRow
                            index=i
                            list="skills_wanted"
                            skills=skills
                            skill=Signal::derive(move || draft.with(|p| p.skills_wanted.get(i).map(|s| s.skill.clone())))
                            on_skill=Callback::new(move |id| draft.update(|p| if let Some(s) = p.skills_wanted.get_mut(i) { s.skill = id }))
                            on_remove=Callback::new(move |()| draft.update(|p| { if i < p.skills_wanted.len() { p.skills_wanted.remove(i); } }))
                            problems=problems
                        >
                            <div class="field">
                                <label for=priority_id.clone()>{t!(i18n, participants.priority)}</label>
                                <select id=priority_id on:change=move |ev| {
                                    let value = event_target_value(&ev);
                                    if let Some(chosen) = Priority::ALL.into_iter().find(|p| priority_code(*p) == value) {
                                        draft.update(|p| if let Some(s) = p.skills_wanted.get_mut(i) { s.priority = chosen });
                                    }
                                }>
                                    {Priority::ALL.into_iter().map(|option| view! {
                                        <option value=priority_code(option) selected=move || priority() == option>
                                            {move || priority_label(i18n.get_locale(), option)}
                                        </option>
                                    }).collect_view()}
                                </select>
                            </div>
                        </SkillRow>
                    }
                }/>
            </ul>
            <button type="button" class="secondary small" on:click=add>{t!(i18n, participants.add_wanted)}</button>
        </div>
    }
}

/// Preferred channels: tick the ones that suit, then order them.
#[component]
fn ChannelRanking(draft: RwSignal<Participant>) -> impl IntoView {
    let i18n = use_i18n();
    // Chosen channels in preference order, then the others.
    let ordered = move || {
        draft.with(|p| {
            let mut all = p.channels.clone();
            all.extend(Channel::ALL.into_iter().filter(|c| !p.channels.contains(c)));
            all
        })
    };
    let toggle = move |channel: Channel, on: bool| {
        draft.update(|p| {
            p.channels.retain(|c| *c != channel);
            if on {
                p.channels.push(channel);
            }
        })
    };
    let shift = move |channel: Channel, up: bool| {
        draft.update(|p| {
            if let Some(i) = p.channels.iter().position(|c| *c == channel) {
                let j = if up {
                    i.checked_sub(1)
                } else {
                    (i + 1 < p.channels.len()).then_some(i + 1)
                };
                if let Some(j) = j {
                    p.channels.swap(i, j);
                }
            }
        })
    };
    view! {
        <div class="channels">
            <h3 class="label">{t!(i18n, participants.channels)}</h3>
            <p class="hint">{t!(i18n, participants.channels_hint)}</p>
            <ol>
                <For each=ordered key=|c| *c children=move |channel| {
                    let rank = move || draft.with(|p| p.channels.iter().position(|c| *c == channel));
                    let name = move || channel_label(i18n.get_locale(), channel);
                    view! {
                        <li class="channel-row" class:chosen=move || rank().is_some()>
                            <label class="checkbox">
                                <input type="checkbox" prop:checked=move || rank().is_some() on:change=move |ev| toggle(channel, event_target_checked(&ev))/>
                                <span>{name}</span>
                            </label>
                            <span class="rank">{move || rank().map(|r| format!("#{}", r + 1))}</span>
                            <button type="button" class="icon"
                                disabled=move || rank().is_none_or(|r| r == 0)
                                aria-label=move || td_string!(i18n.get_locale(), participants.move_up, name = name()).to_string()
                                on:click=move |_| shift(channel, true)>"↑"</button>
                            <button type="button" class="icon"
                                disabled=move || rank().is_none_or(|r| r + 1 >= draft.with(|p| p.channels.len()))
                                aria-label=move || td_string!(i18n.get_locale(), participants.move_down, name = name()).to_string()
                                on:click=move |_| shift(channel, false)>"↓"</button>
                        </li>
                    }
                }/>
            </ol>
        </div>
    }
}

/// Weekly availability as a grid of checkboxes (weekday × part of day).
#[component]
fn AvailabilityGrid(draft: RwSignal<Participant>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="availability">
            <h3 class="label" id="availability-label">{t!(i18n, participants.availability)}</h3>
            <p class="hint">{t!(i18n, participants.availability_hint)}</p>
            <div class="table-wrap" tabindex="0">
                <table aria-labelledby="availability-label">
                    <thead>
                        <tr>
                            <td></td>
                            {DayPart::ALL.into_iter().map(|part| view! { <th scope="col">{move || day_part_label(i18n.get_locale(), part)}</th> }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>
                        {Weekday::ALL.into_iter().map(|day| view! {
                            <tr>
                                <th scope="row">{move || weekday_label(i18n.get_locale(), day)}</th>
                                {DayPart::ALL.into_iter().map(|part| view! {
                                    <td>
                                        <input type="checkbox"
                                            aria-label=move || format!("{} {}", weekday_label(i18n.get_locale(), day), day_part_label(i18n.get_locale(), part))
                                            prop:checked=move || draft.with(|p| p.availability.contains(day, part))
                                            on:change=move |ev| draft.update(|p| p.availability.set(day, part, event_target_checked(&ev)))/>
                                    </td>
                                }).collect_view()}
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
        </div>
    }
}

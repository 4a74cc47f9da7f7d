//! Overview page: the program at a glance.

use crate::app::format;
use crate::app::i18n::*;
use crate::app::lang::use_lang;
use crate::app::router::Page;
use crate::app::state::use_state;
use crate::domain::overview::{overview, skill_demand};
use crate::domain::{Cadence, Date};
use leptos::prelude::*;

pub fn cadence_label(locale: Locale, cadence: Cadence) -> String {
    match cadence {
        Cadence::Weekly => td_string!(locale, program.cadence_weekly),
        Cadence::Fortnightly => td_string!(locale, program.cadence_fortnightly),
        Cadence::Monthly => td_string!(locale, program.cadence_monthly),
    }
    .to_string()
}

fn date_range(locale: Locale, start: Option<Date>, end: Option<Date>) -> Option<String> {
    match (start, end) {
        (Some(s), Some(e)) => Some(format!(
            "{} – {}",
            format::date(locale, s),
            format::date(locale, e)
        )),
        (Some(s), None) => {
            Some(td_string!(locale, overview.from_date, date = format::date(locale, s)).to_string())
        }
        (None, Some(e)) => Some(
            td_string!(locale, overview.until_date, date = format::date(locale, e)).to_string(),
        ),
        (None, None) => None,
    }
}

#[component]
pub fn OverviewPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let summary = Memo::new(move |_| state.workspace.with(overview));
    let demand = Memo::new(move |_| state.workspace.with(skill_demand));

    let heading = move || {
        let name = state.workspace.with(|ws| ws.program.name.clone());
        if name.trim().is_empty() {
            t_string!(i18n, nav.overview).to_string()
        } else {
            name
        }
    };
    let facts = move || {
        let locale = i18n.get_locale();
        state.workspace.with(|ws| {
            let p = &ws.program;
            let mut parts = Vec::new();
            if !p.organisation.trim().is_empty() {
                parts.push(p.organisation.clone());
            }
            parts.extend(date_range(locale, p.start_date, p.end_date));
            parts.push(cadence_label(locale, p.cadence));
            parts.push(
                td_string!(locale, overview.session_length, minutes = p.session_minutes)
                    .to_string(),
            );
            parts.join(" · ")
        })
    };
    let description = move || state.workspace.with(|ws| ws.program.description.clone());

    view! {
        <div class="page">
            <h1 id="page-heading" tabindex="-1">{heading}</h1>
            <p class="facts">{facts}</p>
            <Show when=move || !description().trim().is_empty()>
                <p class="description">{description}</p>
            </Show>

            <Show when=move || summary.with(|s| s.total == 0)>
                <section class="card getting-started" aria-labelledby="start-heading">
                    <h2 id="start-heading">{t!(i18n, overview.start_heading)}</h2>
                    <ol>
                        <li><a href=Page::Program.hash()>{t!(i18n, overview.start_program)}</a></li>
                        <li><a href=Page::Participants.hash()>{t!(i18n, overview.start_participants)}</a></li>
                        <li><a href=Page::Data.hash()>{t!(i18n, overview.start_import)}</a></li>
                    </ol>
                </section>
            </Show>

            <section aria-labelledby="people-heading">
                <h2 id="people-heading">{t!(i18n, overview.people_heading)}</h2>
                <ul class="stats">
                    <Stat label=Signal::derive(move || t_string!(i18n, overview.total).to_string()) value=Signal::derive(move || summary.with(|s| s.total))/>
                    <Stat label=Signal::derive(move || t_string!(i18n, roles.reverse_mentors).to_string()) value=Signal::derive(move || summary.with(|s| s.reverse_mentors))/>
                    <Stat label=Signal::derive(move || t_string!(i18n, roles.mentees).to_string()) value=Signal::derive(move || summary.with(|s| s.mentees))/>
                    <Stat label=Signal::derive(move || t_string!(i18n, overview.active).to_string()) value=Signal::derive(move || summary.with(|s| s.active))/>
                    <Stat label=Signal::derive(move || t_string!(i18n, overview.departments).to_string()) value=Signal::derive(move || summary.with(|s| s.by_department.len()))/>
                </ul>
                <Show when=move || summary.with(|s| s.without_consent > 0)>
                    <p class="hint">
                        {move || {
                            let l = i18n.get_locale();
                            td_string!(l, overview.without_consent, count = format::count(l, summary.with(|s| s.without_consent))).to_string()
                        }}
                    </p>
                </Show>
            </section>

            <section aria-labelledby="objectives-heading">
                <h2 id="objectives-heading">{t!(i18n, overview.objectives_heading)}</h2>
                <Show
                    when=move || summary.with(|s| !s.objectives.is_empty())
                    fallback=move || view! {
                        <p class="empty">
                            {t!(i18n, overview.no_objectives)}" "
                            <a href=Page::Program.hash()>{t!(i18n, overview.add_objectives)}</a>
                        </p>
                    }
                >
                    <ul class="objectives">
                        {move || {
                            let locale = i18n.get_locale();
                            summary.with(|s| s.objectives.iter().map(|o| {
                                let unit = o.unit.clone();
                                let value = |v: f64| format!("{}\u{a0}{}", format::number(locale, v, 2), unit).trim().to_string();
                                let kpi = td_string!(
                                    locale,
                                    overview.kpi_line,
                                    kpi = o.kpi_name.clone(),
                                    baseline = value(o.baseline),
                                    target = value(o.target),
                                    current = o.current.map(value).unwrap_or_else(|| td_string!(locale, overview.not_measured).to_string())
                                ).to_string();
                                let progress = o.progress;
                                let label = format!("{}: {}", o.title, progress.map(|p| format::percent(locale, p)).unwrap_or_else(|| "—".into()));
                                view! {
                                    <li class="objective card">
                                        <h3>{o.title.clone()}</h3>
                                        {(!o.company_goal.trim().is_empty()).then(|| view! {
                                            <p class="goal">{td_string!(locale, overview.company_goal, goal = o.company_goal.clone()).to_string()}</p>
                                        })}
                                        <p>{kpi}</p>
                                        <div class="progress-row">
                                            <progress max="100" value=progress.map(|p| (p * 100.0).round()).unwrap_or(0.0) aria-label=label></progress>
                                            <span>{progress.map(|p| format::percent(locale, p)).unwrap_or_else(|| "—".into())}</span>
                                        </div>
                                    </li>
                                }
                            }).collect_view())
                        }}
                    </ul>
                </Show>
            </section>

            <Show when=move || summary.with(|s| !s.by_department.is_empty())>
                <section aria-labelledby="departments-heading">
                    <h2 id="departments-heading">{t!(i18n, overview.departments_heading)}</h2>
                    <div class="table-wrap" tabindex="0">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, participants.department)}</th>
                                    <th scope="col" class="num">{t!(i18n, roles.reverse_mentors)}</th>
                                    <th scope="col" class="num">{t!(i18n, roles.mentees)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {move || {
                                    let locale = i18n.get_locale();
                                    summary.with(|s| s.by_department.iter().map(|d| {
                                        let name = if d.department.is_empty() { td_string!(locale, overview.no_department).to_string() } else { d.department.clone() };
                                        view! {
                                            <tr>
                                                <th scope="row">{name}</th>
                                                <td class="num">{format::count(locale, d.reverse_mentors)}</td>
                                                <td class="num">{format::count(locale, d.mentees)}</td>
                                            </tr>
                                        }
                                    }).collect_view())
                                }}
                            </tbody>
                        </table>
                    </div>
                </section>
            </Show>

            <Show when=move || demand.with(|d| !d.is_empty())>
                <section aria-labelledby="skills-heading">
                    <h2 id="skills-heading">{t!(i18n, overview.skills_heading)}</h2>
                    <p class="hint">{t!(i18n, overview.skills_hint)}</p>
                    <div class="table-wrap" tabindex="0">
                        <table>
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, overview.skill)}</th>
                                    <th scope="col" class="num">{t!(i18n, overview.wanted_by)}</th>
                                    <th scope="col" class="num">{t!(i18n, overview.offered_by)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {move || {
                                    let locale = i18n.get_locale();
                                    let lang = lang.get();
                                    state.workspace.with(|ws| demand.with(|rows| rows.iter().map(|row| {
                                        let gap = row.wanted_by > row.offered_by;
                                        view! {
                                            <tr class:gap=gap>
                                                <th scope="row">
                                                    {ws.catalogue.label(&row.skill, lang)}
                                                    {gap.then(|| view! { <span class="tag warn">{td_string!(locale, overview.gap).to_string()}</span> })}
                                                </th>
                                                <td class="num">{format::count(locale, row.wanted_by)}</td>
                                                <td class="num">{format::count(locale, row.offered_by)}</td>
                                            </tr>
                                        }
                                    }).collect_view()))
                                }}
                            </tbody>
                        </table>
                    </div>
                </section>
            </Show>
        </div>
    }
}

#[component]
fn Stat(label: Signal<String>, value: Signal<usize>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <li class="stat">
            <span class="stat-value">{move || format::count(i18n.get_locale(), value.get())}</span>
            <span class="stat-label">{move || label.get()}</span>
        </li>
    }
}

//! Impact page: was the program worth it? The participation funnel and
//! Kirkpatrick's four levels for the whole program or one department, a
//! breakdown by department, the self-assessments that feed the learning
//! level, participants' comments (for the coordinator's eyes), and what the
//! board and the participants take away: a printed report, certificates and
//! CSV files.
//!
//! Figures come from `domain::impact`, computed again after every edit;
//! groups smaller than three people are withheld there, so nothing here can
//! show them. "Today" is read once when the page opens.

use super::checkins::AssessmentsSection;
use super::impact_leavers::Leavers;
use super::impact_measures::{FunnelView, LevelsView};
use super::impact_print::{CertificateSettings, CertificateSheets, ReportNotesForm, ReportSheet};
use super::participants::role_label;
use crate::app::checkin_form::kind_label;
use crate::app::components::{FreshAfterUndo, unique_id};
use crate::app::i18n::*;
use crate::app::lang::domain_lang;
use crate::app::state::use_state;
use crate::app::{browser, format};
use crate::domain::impact::{
    DepartmentImpact, Impact, MIN_GROUP, Scope, by_department, comments, measure,
};
use crate::domain::text::search_key;
use crate::domain::{Date, ParticipantId};
use crate::io::csv_export::{self, CSV_MIME, Headers, Separator, Table, csv_file_name};
use leptos::prelude::*;
use std::collections::HashMap;
use std::time::Duration;

/// What is being printed: the board report or the certificates.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PrintMode {
    Report,
    Certificates,
}

/// The page's own state, shared by context with its sections.
#[derive(Clone, Copy)]
pub struct ImpactUi {
    /// The day every figure is computed for (moves on at midnight).
    pub today: Signal<Date>,
    /// Whole program or one department.
    pub scope: RwSignal<Scope>,
    /// The sheet the next print shows; `None` prints the page as it is.
    pub print: RwSignal<Option<PrintMode>>,
}

pub fn use_impact_ui() -> ImpactUi {
    expect_context::<ImpactUi>()
}

/// The figures every section shares, computed once per edit: the whole
/// program and the department breakdown, plus which departments can be
/// chosen (three people or more) and the scope in effect.
#[derive(Clone, Copy)]
struct Figures {
    all: Memo<(Impact, Vec<DepartmentImpact>)>,
    departments: Memo<Vec<String>>,
    scope: Memo<Scope>,
}

fn provide_figures(ui: ImpactUi) {
    let state = use_state();
    let all = Memo::new(move |_| {
        state.workspace.with(|ws| {
            (
                measure(ws, &Scope::Program, ui.today.get()),
                by_department(ws, ui.today.get()),
            )
        })
    });
    let departments = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.departments()
                .into_iter()
                .filter(|d| {
                    let scope = Scope::Department(d.clone());
                    ws.participants.iter().filter(|p| scope.includes(p)).count() >= MIN_GROUP
                })
                .collect::<Vec<_>>()
        })
    });
    let scope = Memo::new(move |_| match ui.scope.get() {
        Scope::Department(name)
            if departments.with(|list| list.iter().any(|d| search_key(d) == search_key(&name))) =>
        {
            Scope::Department(name)
        }
        _ => Scope::Program,
    });
    provide_context(Figures {
        all,
        departments,
        scope,
    });
}

fn use_figures() -> Figures {
    expect_context::<Figures>()
}

/// Draws the chosen sheet, then opens the browser's print dialog once it is
/// in the page.
fn print(ui: ImpactUi, mode: PrintMode) {
    ui.print.set(Some(mode));
    set_timeout(
        || {
            let _ = browser::window().print();
        },
        Duration::from_millis(100),
    );
}

#[component]
pub fn ImpactPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let ui = ImpactUi {
        today: state.today.into(),
        scope: RwSignal::new(Scope::Program),
        print: RwSignal::new(None),
    };
    provide_context(ui);
    provide_figures(ui);
    // Once printed, the sheet goes: a later Ctrl+P prints the page itself,
    // and the hidden sheet is not rebuilt at every edit.
    let after_print = window_event_listener(leptos::ev::afterprint, move |_| ui.print.set(None));
    on_cleanup(move || after_print.remove());
    let figures = use_figures();
    // The figures shown: the whole program, or a department's from the
    // breakdown, where small groups and their complements are withheld. A
    // department that is gone or too small shows the whole program.
    let impact = Memo::new(move |_| {
        let scope = figures.scope.get();
        figures.all.with(|(program, departments)| match scope {
            Scope::Program => Some(program.clone()),
            Scope::Department(name) => departments
                .iter()
                .find(|d| search_key(&d.department) == search_key(&name))
                .and_then(|d| d.impact.value().cloned()),
        })
    });
    let has_pairs = Memo::new(move |_| state.workspace.with(|ws| !ws.pairing.pairs.is_empty()));

    view! {
        <div class="page impact-page">
            <div class="impact-screen">
                <div class="page-head">
                    <h1 id="page-heading" tabindex="-1">{t!(i18n, impact.title)}</h1>
                </div>
                <p class="lead">{t!(i18n, impact.lead)}</p>
                <Toolbar/>
                <Show when=move || !has_pairs.get()>
                    <p class="card empty-impact">{t!(i18n, impact.nothing_yet)}</p>
                </Show>
                {move || match impact.get() {
                    Some(impact) => view! {
                        <section class="impact-participation" aria-labelledby="impact-participation-heading">
                            <h2 id="impact-participation-heading">{t!(i18n, impact.participation)}</h2>
                            <FunnelView funnel=impact.funnel.clone()/>
                        </section>
                        <LevelsView impact=impact/>
                    }.into_any(),
                    None => view! {
                        <p class="card withheld-note">{t!(i18n, impact.scope_withheld)}</p>
                    }.into_any(),
                }}
                <Departments/>
                <Comments/>
                <AssessmentsSection/>
                <section class="impact-report-notes" aria-labelledby="report-notes-heading">
                    <h2 id="report-notes-heading">{t!(i18n, impact.report_heading)}</h2>
                    <FreshAfterUndo><ReportNotesForm/></FreshAfterUndo>
                </section>
                <section class="impact-certificates" aria-labelledby="certificates-heading">
                    <h2 id="certificates-heading">{t!(i18n, impact.certificates_heading)}</h2>
                    <FreshAfterUndo><CertificateSettings/></FreshAfterUndo>
                </section>
                <Leavers/>
            </div>
            <ReportSheet/>
            <CertificateSheets/>
        </div>
    }
}

/// Scope, printing and export: the actions a sponsor's question leads to.
#[component]
fn Toolbar() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let ui = use_impact_ui();
    let scope_id = unique_id("impact-scope");
    let table_id = unique_id("csv-table");
    let separator_id = unique_id("csv-separator");
    let table = RwSignal::new(Table::Participants);
    // Follows the language (what its Excel opens) until the user picks one.
    let picked_separator = RwSignal::new(None::<Separator>);
    let separator = move || {
        picked_separator
            .get()
            .unwrap_or_else(|| Separator::for_lang(domain_lang(i18n.get_locale())))
    };
    let on_separator = move |ev: leptos::ev::Event| {
        picked_separator.set(Some(if event_target_value(&ev) == "semicolon" {
            Separator::Semicolon
        } else {
            Separator::Comma
        }));
    };
    let figures = use_figures();
    let departments = figures.departments;
    let on_scope = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        ui.scope.set(if value.is_empty() {
            Scope::Program
        } else {
            Scope::Department(value)
        });
    };
    let on_table = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if let Some(t) = Table::ALL.into_iter().find(|t| t.code() == code) {
            table.set(t);
        }
    };
    let export = move |_| {
        let l = i18n.get_locale_untracked();
        let chosen = table.get_untracked();
        let cells = untrack(separator);
        let (name, text) = state.workspace.with_untracked(|ws| {
            (
                csv_file_name(&ws.program.name, chosen, ui.today.get_untracked()),
                csv_export::export_with(
                    ws,
                    chosen,
                    domain_lang(l),
                    Headers::Localized,
                    cells,
                    ui.today.get_untracked(),
                ),
            )
        });
        match browser::download(&name, CSV_MIME, &text) {
            Ok(()) => state.notify(td_string!(l, impact.csv_done, file = name).to_string()),
            Err(_) => state.notify(td_string!(l, impact.csv_failed).to_string()),
        }
    };
    let table_label = move |l: Locale, t: Table| -> String {
        match t {
            Table::Participants => td_string!(l, impact.csv_participants),
            Table::Pairs => td_string!(l, impact.csv_pairs),
            Table::Sessions => td_string!(l, impact.csv_sessions),
            Table::Assessments => td_string!(l, impact.csv_assessments),
            Table::Results => td_string!(l, impact.csv_results),
        }
        .to_string()
    };
    view! {
        <div class="impact-toolbar card">
            <div class="field">
                <label for=scope_id.clone()>{t!(i18n, impact.scope)}</label>
                <select id=scope_id.clone() on:change=on_scope>
                    <option value="" selected=move || figures.scope.get() == Scope::Program>
                        {t!(i18n, impact.scope_program)}
                    </option>
                    {move || departments.get().into_iter().map(|d| {
                        let chosen = d.clone();
                        view! {
                            <option
                                value=d.clone()
                                selected=move || matches!(figures.scope.get(), Scope::Department(ref s) if search_key(s) == search_key(&chosen))
                            >
                                {d.clone()}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </div>
            <div class="toolbar-actions">
                <button type="button" class="primary" on:click=move |_| print(ui, PrintMode::Report)>
                    {t!(i18n, impact.print_report)}
                </button>
                <button type="button" class="secondary" on:click=move |_| print(ui, PrintMode::Certificates)>
                    {t!(i18n, impact.print_certificates)}
                </button>
            </div>
            <div class="csv-export">
                <div class="field">
                    <label for=table_id.clone()>{t!(i18n, impact.csv_table)}</label>
                    <select id=table_id.clone() on:change=on_table>
                        {Table::ALL.into_iter().map(|t| view! {
                            <option value=t.code() selected=move || table.get() == t>
                                {move || table_label(i18n.get_locale(), t)}
                            </option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <label for=separator_id.clone()>{t!(i18n, impact.csv_separator)}</label>
                    <select id=separator_id.clone() on:change=on_separator>
                        <option value="comma" selected=move || separator() == Separator::Comma>{t!(i18n, impact.csv_comma)}</option>
                        <option value="semicolon" selected=move || separator() == Separator::Semicolon>{t!(i18n, impact.csv_semicolon)}</option>
                    </select>
                </div>
                <button type="button" class="secondary" on:click=export>{t!(i18n, impact.export_csv)}</button>
            </div>
            <p class="hint">{t!(i18n, impact.print_hint)}" "{t!(i18n, impact.csv_hint)}" "{t!(i18n, impact.csv_separator_hint)}</p>
        </div>
    }
}

/// One row per department; departments under three people show nothing.
#[component]
fn Departments() -> impl IntoView {
    let i18n = use_i18n();
    let figures = use_figures();
    let rows = Memo::new(move |_| figures.all.with(|(_, departments)| departments.clone()));
    view! {
        <section class="impact-departments" aria-labelledby="departments-heading">
            <h2 id="departments-heading">{t!(i18n, impact.departments_heading)}</h2>
            <p class="hint">{t!(i18n, impact.departments_hint)}</p>
            <Show
                when=move || rows.with(|r| !r.is_empty())
                fallback=move || view! { <p class="empty">{t!(i18n, impact.departments_none)}</p> }
            >
                <div class="table-wrap" tabindex="0">
                    <table class="departments-table">
                        <thead>
                            <tr>
                                <th scope="col">{t!(i18n, impact.department)}</th>
                                <th scope="col">{t!(i18n, impact.people)}</th>
                                <th scope="col">{t!(i18n, impact.funnel_matched)}</th>
                                <th scope="col">{t!(i18n, impact.funnel_completed)}</th>
                                <th scope="col">{t!(i18n, impact.practice_held)}</th>
                                <th scope="col">{t!(i18n, impact.hours)}</th>
                                <th scope="col">{t!(i18n, impact.mean_gain)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {move || {
                                let l = i18n.get_locale();
                                rows.get().into_iter().map(|row| {
                                    let cells = match row.impact.value() {
                                        Some(impact) => {
                                            let funnel = impact.funnel.value();
                                            let practice = impact.practice.value();
                                            let count = |v: Option<usize>| v.map_or_else(|| td_string!(l, charts.too_few).to_string(), |v| format::count(l, v));
                                            // The mean gain over every skill and both directions,
                                            // weighted by the people who answered twice.
                                            let (people, total) = impact.skill_gains.iter().filter_map(|g| g.gains.value()).fold((0usize, 0.0f64), |(n, sum), s| (n + s.people, sum + s.mean_gain() * s.people as f64));
                                            let gain = if people == 0 { "–".to_string() } else { format::number(l, total / people as f64, 1) };
                                            view! {
                                                <td>{format::count(l, impact.people)}</td>
                                                <td>{count(funnel.map(|f| f.matched))}</td>
                                                <td>{count(funnel.map(|f| f.completed))}</td>
                                                <td>{count(practice.map(|p| p.held))}</td>
                                                <td>{practice.map_or_else(|| td_string!(l, charts.too_few).to_string(), |p| format::number(l, p.hours(), 1))}</td>
                                                <td>{gain}</td>
                                            }.into_any()
                                        }
                                        None => view! {
                                            <td colspan="6" class="withheld-note">{td_string!(l, impact.department_withheld, count = format::count(l, row.impact.people())).to_string()}</td>
                                        }.into_any(),
                                    };
                                    view! { <tr><th scope="row">{row.department.clone()}</th>{cells}</tr> }
                                }).collect_view()
                            }}
                        </tbody>
                    </table>
                </div>
            </Show>
        </section>
    }
}

/// Free-text answers with names: for the coordinator only. Drawn only
/// while the list is open: hundreds of them need not follow every edit.
#[component]
fn Comments() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let figures = use_figures();
    let open = RwSignal::new(false);
    let list = Memo::new(move |_| {
        let scope = figures.scope.get();
        state.workspace.with(|ws| {
            let names: HashMap<&ParticipantId, &str> = ws
                .participants
                .iter()
                .map(|p| (&p.id, p.name.as_str()))
                .collect();
            comments(ws, &scope)
                .into_iter()
                .map(|c| {
                    let name = names
                        .get(&c.participant)
                        .copied()
                        .unwrap_or_default()
                        .to_string();
                    (name, c)
                })
                .collect::<Vec<_>>()
        })
    });
    view! {
        <section class="impact-comments no-print" aria-labelledby="comments-heading">
            <h2 id="comments-heading">{t!(i18n, impact.comments_heading)}</h2>
            <p class="hint">{t!(i18n, impact.comments_hint)}</p>
            <Show
                when=move || list.with(|l| !l.is_empty())
                fallback=move || view! { <p class="empty">{t!(i18n, impact.comments_none)}</p> }
            >
                <details class="comments-list" on:toggle=move |ev| open.set(event_target::<web_sys::HtmlDetailsElement>(&ev).open())>
                    <summary>{move || {
                        let l = i18n.get_locale();
                        td_string!(l, impact.comments_show, count = format::count(l, list.with(Vec::len))).to_string()
                    }}</summary>
                    <Show when=move || open.get()>
                        <ul>
                            {move || {
                                let l = i18n.get_locale();
                                list.get().into_iter().map(|(name, c)| view! {
                                    <li>
                                        <p class="comment-meta">
                                            {format!("{name} · {} · {} · {}", role_label(l, c.role), kind_label(l, c.kind), format::date(l, c.answered_on))}
                                        </p>
                                        <blockquote class="comment-text">{c.text}</blockquote>
                                    </li>
                                }).collect_view()
                            }}
                        </ul>
                    </Show>
                </details>
            </Show>
        </section>
    }
}

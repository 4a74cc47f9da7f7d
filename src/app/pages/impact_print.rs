//! What the Impact page hands out on paper: the board report and the
//! participants' certificates, with the two forms that feed them (the
//! coordinator's report notes and the certificate criteria).
//!
//! Both sheets sit in the page from the start but stay empty until the
//! coordinator asks to print one (`ImpactUi::print`): only then is the
//! sheet built, so the page never pays for a report nobody prints.
//! `style/print.css` hides them on screen and, while one is active, prints
//! that sheet alone.
//!
//! The report speaks the coordinator's language; each certificate speaks
//! its holder's (`checkin::preferred_lang`), whatever the UI shows.

use super::impact::{PrintMode, use_impact_ui};
use super::impact_measures::LevelsView;
use super::participants::role_label;
use crate::app::checkin_form::{kind_label, locale_of};
use crate::app::components::{FieldError, unique_id};
use crate::app::format;
use crate::app::i18n::*;
use crate::app::lang;
use crate::app::state::use_state;
use crate::domain::impact::{
    Certificate, Comment, Funnel, PendingReason, ReportNotes, Scope, Shown, certificates, comments,
    measure,
};
use crate::domain::participants::Role;
use crate::domain::sessions::checkin::preferred_lang;
use crate::domain::validation::limits;
use crate::domain::{Date, Objective, Workspace};
use leptos::prelude::*;
use wasm_bindgen::JsValue;
use wasm_bindgen::prelude::wasm_bindgen;

/// The smallest number of sessions the form accepts: nobody completes a
/// mentoring program without meeting once (the core reads 0 as 1 anyway).
const MIN_SESSIONS_FLOOR: u32 = 1;

/// The UI locale that speaks a domain language.
#[wasm_bindgen]
extern "C" {
    /// `Intl.ListFormat`, which knows each language's "and" (Spanish "y"
    /// turns to "e" before an "i" sound: "Ana e Isabel").
    #[wasm_bindgen(js_namespace = Intl, js_name = ListFormat)]
    type ListFormat;
    #[wasm_bindgen(catch, constructor, js_namespace = Intl, js_class = "ListFormat")]
    fn new(locale: &str) -> Result<ListFormat, JsValue>;
    #[wasm_bindgen(method, js_class = "ListFormat")]
    fn format(this: &ListFormat, items: &js_sys::Array) -> String;
}

/// "Ana, Bruno and Carla" in `locale`; commas where `Intl.ListFormat` is missing.
fn name_list(locale: Locale, names: &[String]) -> String {
    match ListFormat::new(lang::code(locale)) {
        Ok(formatter) => {
            let items: js_sys::Array = names.iter().map(|n| JsValue::from_str(n)).collect();
            formatter.format(&items)
        }
        Err(_) => names.join(", "),
    }
}

/// Paragraphs of a note as typed: blank lines separate them; single line
/// breaks stay inside (CSS `white-space: pre-line`).
fn paragraphs(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    for line in text.lines().map(str::trim_end) {
        if line.trim().is_empty() {
            if !current.is_empty() {
                out.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line);
        }
    }
    if !current.is_empty() {
        out.push(current.join("\n"));
    }
    out
}

/// A labelled multi-line field with a hint and a length limit.
#[component]
fn NoteArea(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] hint: Signal<String>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
) -> impl IntoView {
    let id = unique_id("report-note");
    let hint_id = format!("{id}-hint");
    view! {
        <div class="field">
            <label for=id.clone()>{move || label.get()}</label>
            <p class="hint" id=hint_id.clone()>{move || hint.get()}</p>
            <textarea
                id=id
                rows="5"
                maxlength=limits::REPORT_NOTE.to_string()
                aria-describedby=hint_id
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
            ></textarea>
        </div>
    }
}

/// The coordinator's words for the board report (`ws.impact.report`),
/// edited as a draft and saved as a whole.
#[component]
pub fn ReportNotesForm() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let saved = Memo::new(move |_| state.workspace.with(|ws| ws.impact.report.clone()));
    let draft = RwSignal::new(saved.get_untracked());
    let unsaved = Memo::new(move |_| draft.with(|d| saved.with(|s| d != s)));
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let notes = draft.get_untracked();
        state.edit(|ws| ws.impact.report = notes);
        state.notify(td_string!(i18n.get_locale_untracked(), impact_print.notes_saved).to_string());
    };
    // Label, hint and the note each text area edits.
    let area = |label: fn(Locale) -> String,
                hint: fn(Locale) -> String,
                get: fn(&ReportNotes) -> &String,
                set: fn(&mut ReportNotes, String)| {
        view! {
            <NoteArea
                label=Signal::derive(move || label(i18n.get_locale()))
                hint=Signal::derive(move || hint(i18n.get_locale()))
                value=Signal::derive(move || draft.with(|d| get(d).clone()))
                on_input=Callback::new(move |text| draft.update(|d| set(d, text)))
            />
        }
    };
    let comments_id = unique_id("report-comments");
    let comments_hint = format!("{comments_id}-hint");
    view! {
        <form class="report-notes-form" on:submit=save novalidate>
            <p class="hint">{t!(i18n, impact_print.notes_intro)}</p>
            {area(
                |l| td_string!(l, impact_print.highlights).to_string(),
                |l| td_string!(l, impact_print.highlights_hint).to_string(),
                |d| &d.highlights,
                |d, text| d.highlights = text,
            )}
            {area(
                |l| td_string!(l, impact_print.lessons).to_string(),
                |l| td_string!(l, impact_print.lessons_hint).to_string(),
                |d| &d.lessons,
                |d, text| d.lessons = text,
            )}
            {area(
                |l| td_string!(l, impact_print.next_steps).to_string(),
                |l| td_string!(l, impact_print.next_steps_hint).to_string(),
                |d| &d.next_steps,
                |d, text| d.next_steps = text,
            )}
            <div class="field">
                <label class="checkbox">
                    <input
                        type="checkbox"
                        id=comments_id
                        aria-describedby=comments_hint.clone()
                        prop:checked=move || draft.with(|d| d.include_comments)
                        on:change=move |ev| draft.update(|d| d.include_comments = event_target_checked(&ev))
                    />
                    <span>{t!(i18n, impact_print.include_comments)}</span>
                </label>
                <p class="hint" id=comments_hint>{t!(i18n, impact_print.include_comments_hint)}</p>
            </div>
            <div class="actions">
                <button type="submit" class="primary">{t!(i18n, impact_print.save_notes)}</button>
                <Show when=move || unsaved.get()>
                    <p class="unsaved" role="status">{t!(i18n, impact_print.unsaved)}</p>
                </Show>
            </div>
        </form>
    }
}

/// A labelled single-line input with a hint, limits and an inline error.
#[component]
fn LimitedField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] hint: Signal<String>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(optional)] input_type: Option<&'static str>,
    #[prop(optional)] maxlength: Option<usize>,
    #[prop(optional)] range: Option<(u32, u32)>,
) -> impl IntoView {
    let id = unique_id("certificate-field");
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || match error.get() {
            Some(_) => format!("{hint_id} {error_id}"),
            None => hint_id.clone(),
        }
    };
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{move || label.get()}</label>
            <p class="hint" id=hint_id>{move || hint.get()}</p>
            <input
                id=id
                type=input_type.unwrap_or("text")
                inputmode=range.map(|_| "numeric")
                min=range.map(|(min, _)| min.to_string())
                max=range.map(|(_, max)| max.to_string())
                maxlength=maxlength.map(|m| m.to_string())
                autocomplete="off"
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            />
            <FieldError id=error_id message=error/>
        </div>
    }
}

/// The criteria form as typed: numbers and dates stay text until saved.
#[derive(Clone, Debug, PartialEq)]
struct CriteriaDraft {
    min_sessions: String,
    require_post: bool,
    issued_on: String,
    signer_name: String,
    signer_title: String,
}

/// Who earns a certificate and what it says (`ws.impact.certificates`),
/// then who has earned one in the chosen scope and why the others have not.
#[component]
pub fn CertificateSettings() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let saved = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let c = &ws.impact.certificates;
            CriteriaDraft {
                min_sessions: c.min_sessions_held.to_string(),
                require_post: c.require_post_assessment,
                issued_on: c.issued_on.map(|d| d.to_string()).unwrap_or_default(),
                signer_name: c.signer_name.clone(),
                signer_title: c.signer_title.clone(),
            }
        })
    });
    let draft = RwSignal::new(saved.get_untracked());
    let unsaved = Memo::new(move |_| draft.with(|d| saved.with(|s| d != s)));
    let sessions_error = RwSignal::new(None::<String>);
    let date_error = RwSignal::new(None::<String>);
    let (min, max) = (MIN_SESSIONS_FLOOR, limits::MAX_MIN_SESSIONS_HELD);

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let l = i18n.get_locale_untracked();
        let typed = draft.get_untracked();
        let sessions = typed
            .min_sessions
            .trim()
            .parse::<u32>()
            .ok()
            .filter(|n| (min..=max).contains(n));
        sessions_error.set(sessions.is_none().then(|| {
            td_string!(l, impact_print.min_sessions_error, min = min, max = max).to_string()
        }));
        let date_text = typed.issued_on.trim();
        let issued_on = Date::parse_iso(date_text);
        let date_bad = !date_text.is_empty() && issued_on.is_none();
        date_error.set(date_bad.then(|| td_string!(l, impact_print.issue_date_error).to_string()));
        let Some(sessions) = sessions.filter(|_| !date_bad) else {
            return;
        };
        state.edit(|ws| {
            let c = &mut ws.impact.certificates;
            c.min_sessions_held = sessions;
            c.require_post_assessment = typed.require_post;
            c.issued_on = issued_on;
            c.signer_name = typed.signer_name.trim().to_string();
            c.signer_title = typed.signer_title.trim().to_string();
        });
        // The saved form of the text (trimmed, `04` read as `4`) is what shows.
        draft.set(saved.get_untracked());
        state.notify(td_string!(l, impact_print.criteria_saved).to_string());
    };

    let text =
        |get: fn(&CriteriaDraft) -> &String| Signal::derive(move || draft.with(|d| get(d).clone()));
    let require_id = unique_id("certificate-require-post");

    view! {
        <form class="certificate-settings" on:submit=save novalidate>
            <p class="hint">{t!(i18n, impact_print.criteria_intro)}</p>
            <div class="grid-2">
                <LimitedField
                    label=Signal::derive(move || t_string!(i18n, impact_print.min_sessions).to_string())
                    hint=Signal::derive(move || td_string!(i18n.get_locale(), impact_print.min_sessions_hint, min = min, max = max).to_string())
                    value=text(|d| &d.min_sessions)
                    on_input=Callback::new(move |v| draft.update(|d| d.min_sessions = v))
                    error=sessions_error
                    input_type="number"
                    range=(min, max)
                />
                <LimitedField
                    label=Signal::derive(move || t_string!(i18n, impact_print.issue_date).to_string())
                    hint=Signal::derive(move || t_string!(i18n, impact_print.issue_date_hint).to_string())
                    value=text(|d| &d.issued_on)
                    on_input=Callback::new(move |v| draft.update(|d| d.issued_on = v))
                    error=date_error
                    input_type="date"
                />
            </div>
            <div class="field">
                <label class="checkbox" for=require_id.clone()>
                    <input
                        type="checkbox"
                        id=require_id.clone()
                        prop:checked=move || draft.with(|d| d.require_post)
                        on:change=move |ev| draft.update(|d| d.require_post = event_target_checked(&ev))
                    />
                    <span>{t!(i18n, impact_print.require_post)}</span>
                </label>
            </div>
            <div class="grid-2">
                <LimitedField
                    label=Signal::derive(move || t_string!(i18n, impact_print.signer_name).to_string())
                    hint=Signal::derive(move || t_string!(i18n, impact_print.signer_name_hint).to_string())
                    value=text(|d| &d.signer_name)
                    on_input=Callback::new(move |v| draft.update(|d| d.signer_name = v))
                    maxlength=limits::SIGNER_NAME
                />
                <LimitedField
                    label=Signal::derive(move || t_string!(i18n, impact_print.signer_title).to_string())
                    hint=Signal::derive(move || t_string!(i18n, impact_print.signer_title_hint).to_string())
                    value=text(|d| &d.signer_title)
                    on_input=Callback::new(move |v| draft.update(|d| d.signer_title = v))
                    maxlength=limits::SIGNER_TITLE
                />
            </div>
            <div class="actions">
                <button type="submit" class="primary">{t!(i18n, impact_print.save_criteria)}</button>
                <Show when=move || unsaved.get()>
                    <p class="unsaved" role="status">{t!(i18n, impact_print.unsaved)}</p>
                </Show>
            </div>
        </form>
        <Eligibility/>
    }
}

/// A person not yet eligible, with everything that keeps them from it.
#[derive(Clone, Debug, PartialEq)]
struct Pending {
    name: String,
    role: Role,
    reasons: Vec<PendingReason>,
}

fn reason_text(l: Locale, reason: &PendingReason) -> String {
    match reason {
        PendingReason::Inactive => td_string!(l, impact_print.reason_inactive).to_string(),
        PendingReason::TooFewSessions { held, needed } => td_string!(
            l,
            impact_print.reason_sessions,
            held = format::count(l, *held as usize),
            needed = format::count(l, *needed as usize)
        )
        .to_string(),
        PendingReason::NoPostAssessment => td_string!(l, impact_print.reason_post).to_string(),
    }
}

/// How many earned a certificate in the scope, and who has not yet, why.
#[component]
fn Eligibility() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let ui = use_impact_ui();
    let outcome = Memo::new(move |_| {
        let scope = ui.scope.get();
        state.workspace.with(|ws| {
            let all = certificates(ws, &scope, ui.today.get());
            let pending: Vec<Pending> = all
                .pending
                .into_iter()
                .map(|p| Pending {
                    name: ws
                        .participant(&p.participant)
                        .map(|person| person.name.clone())
                        .unwrap_or_default(),
                    role: p.role,
                    reasons: p.reasons,
                })
                .collect();
            (all.eligible.len(), pending)
        })
    });
    // One live region that stays in place and holds only the count, so a
    // screen reader hears "…: 17" after a change, not the whole list.
    let earned = move || {
        let l = i18n.get_locale();
        let count = outcome.with(|(earned, _)| *earned);
        td_string!(l, impact_print.earned, count = format::count(l, count)).to_string()
    };
    let list = move || {
        let l = i18n.get_locale();
        let pending = outcome.with(|(_, pending)| pending.clone());
        (!pending.is_empty()).then(|| {
            let heading = td_string!(
                l,
                impact_print.pending_heading,
                count = format::count(l, pending.len())
            )
            .to_string();
            let items = pending
                .into_iter()
                .map(|p| {
                    let reasons: Vec<String> =
                        p.reasons.iter().map(|r| reason_text(l, r)).collect();
                    let line = td_string!(
                        l,
                        impact_print.pending_line,
                        name = p.name,
                        role = role_label(l, p.role),
                        reasons = reasons.join("; ")
                    )
                    .to_string();
                    view! { <li>{line}</li> }
                })
                .collect_view();
            view! {
                <h3>{heading}</h3>
                <ul class="pending-certificates">{items}</ul>
            }
        })
    };
    view! {
        <div class="certificate-eligibility">
            <p class="earned-count" aria-live="polite"><strong>{earned}</strong></p>
            {list}
        </div>
    }
}

/// The program's dates as a period, in `l`; `None` without dates.
fn period_text(l: Locale, start: Option<Date>, end: Option<Date>) -> Option<String> {
    let text = match (start, end) {
        (Some(s), Some(e)) => td_string!(
            l,
            impact_print.period,
            start = format::date(l, s),
            end = format::date(l, e)
        )
        .to_string(),
        (Some(s), None) => {
            td_string!(l, impact_print.period_from, date = format::date(l, s)).to_string()
        }
        (None, Some(e)) => {
            td_string!(l, impact_print.period_until, date = format::date(l, e)).to_string()
        }
        (None, None) => return None,
    };
    Some(text)
}

/// The board report, printed alone when `PrintMode::Report` is chosen.
#[component]
pub fn ReportSheet() -> impl IntoView {
    let ui = use_impact_ui();
    let active = move || ui.print.get() == Some(PrintMode::Report);
    view! {
        <div class="print-only report-sheet" class:print-active=active>
            {move || active().then(|| view! { <Report/> })}
        </div>
    }
}

/// What the report shows besides the figures, read from the workspace.
#[derive(Clone, Debug, PartialEq)]
struct ReportFacts {
    organisation: String,
    program: String,
    start: Option<Date>,
    end: Option<Date>,
    objectives: Vec<Objective>,
    notes: ReportNotes,
    comments: Vec<Comment>,
}

fn report_facts(ws: &Workspace) -> ReportFacts {
    let notes = ws.impact.report.clone();
    ReportFacts {
        organisation: ws.program.organisation.trim().to_string(),
        program: ws.program.name.trim().to_string(),
        start: ws.program.start_date,
        end: ws.program.end_date,
        objectives: ws.program.objectives.clone(),
        comments: if notes.include_comments {
            comments(ws, &Scope::Program)
        } else {
            Vec::new()
        },
        notes,
    }
}

#[component]
fn Report() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let ui = use_impact_ui();
    let facts = Memo::new(move |_| state.workspace.with(report_facts));
    let impact = Memo::new(move |_| {
        state
            .workspace
            .with(|ws| measure(ws, &Scope::Program, ui.today.get()))
    });
    move || {
        let l = i18n.get_locale();
        let ReportFacts {
            organisation,
            program,
            start,
            end,
            objectives,
            notes,
            comments,
        } = facts.get();
        let impact = impact.get();
        let program = if program.is_empty() {
            td_string!(l, impact_print.untitled_program).to_string()
        } else {
            program
        };
        let notes_sections = [
            (td_string!(l, impact_print.highlights).to_string(), &notes.highlights),
            (td_string!(l, impact_print.lessons).to_string(), &notes.lessons),
            (td_string!(l, impact_print.next_steps).to_string(), &notes.next_steps),
        ]
        .into_iter()
        .map(|(title, text)| (title, paragraphs(text)))
        .filter(|(_, paragraphs)| !paragraphs.is_empty())
        .map(|(title, paragraphs)| {
            view! {
                <section class="report-notes">
                    <h2>{title}</h2>
                    {paragraphs.into_iter().map(|p| view! { <p class="report-paragraph">{p}</p> }).collect_view()}
                </section>
            }
        })
        .collect_view();
        view! {
            <article class="report">
                <header class="report-head">
                    {(!organisation.is_empty()).then(|| view! { <p class="report-organisation">{organisation}</p> })}
                    <p class="report-kind">{td_string!(l, impact_print.report_title).to_string()}</p>
                    <h1 class="report-title">{program}</h1>
                    {period_text(l, start, end).map(|p| view! { <p class="report-period">{p}</p> })}
                    <p class="report-prepared">{td_string!(l, impact_print.prepared_on, date = format::date(l, ui.today.get())).to_string()}</p>
                </header>
                <ObjectivesTable locale=l objectives=objectives/>
                <FunnelTable locale=l funnel=impact.funnel.clone()/>
                <LevelsView impact=impact in_report=true/>
                {notes_sections}
                {notes.include_comments.then(|| view! { <ReportComments locale=l comments=comments/> })}
            </article>
        }
    }
}

/// A KPI value with its unit: `42 %`, `1,200 posts/month`.
fn with_unit(l: Locale, value: f64, unit: &str) -> String {
    let number = format::number(l, value, 2);
    let unit = unit.trim();
    if unit.is_empty() {
        number
    } else {
        format!("{number} {unit}")
    }
}

#[component]
fn ObjectivesTable(locale: Locale, objectives: Vec<Objective>) -> impl IntoView {
    let l = locale;
    let body = if objectives.is_empty() {
        view! { <p class="empty">{td_string!(l, impact_print.objectives_none).to_string()}</p> }
            .into_any()
    } else {
        let rows = objectives
            .into_iter()
            .map(|o| {
                let current = o.current.map_or_else(
                    || td_string!(l, impact_print.not_measured).to_string(),
                    |c| with_unit(l, c, &o.unit),
                );
                let progress = o
                    .progress()
                    .map_or_else(|| "–".to_string(), |p| format::percent(l, p));
                view! {
                    <tr>
                        <th scope="row">{o.title.clone()}</th>
                        <td>{o.company_goal.clone()}</td>
                        <td>{o.kpi_name.clone()}</td>
                        <td>{with_unit(l, o.baseline, &o.unit)}</td>
                        <td>{current}</td>
                        <td>{with_unit(l, o.target, &o.unit)}</td>
                        <td>{progress}</td>
                    </tr>
                }
            })
            .collect_view();
        view! {
            <table class="report-table">
                <thead>
                    <tr>
                        <th scope="col">{td_string!(l, impact_print.objective).to_string()}</th>
                        <th scope="col">{td_string!(l, impact_print.company_goal).to_string()}</th>
                        <th scope="col">{td_string!(l, impact_print.kpi).to_string()}</th>
                        <th scope="col">{td_string!(l, impact_print.baseline).to_string()}</th>
                        <th scope="col">{td_string!(l, impact_print.current).to_string()}</th>
                        <th scope="col">{td_string!(l, impact_print.target).to_string()}</th>
                        <th scope="col">{td_string!(l, impact_print.progress).to_string()}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        }
        .into_any()
    };
    view! {
        <section class="report-objectives">
            <h2>{td_string!(l, impact_print.objectives).to_string()}</h2>
            {body}
        </section>
    }
}

#[component]
fn FunnelTable(locale: Locale, funnel: Shown<Funnel>) -> impl IntoView {
    let l = locale;
    let body = match funnel.value() {
        None => view! { <p class="withheld-note">{td_string!(l, impact_print.too_few_people).to_string()}</p> }.into_any(),
        Some(f) => {
            let stages = [
                (td_string!(l, impact_print.invited).to_string(), f.invited),
                (td_string!(l, impact_print.matched).to_string(), f.matched),
                (td_string!(l, impact_print.active).to_string(), f.active),
                (td_string!(l, impact_print.completed).to_string(), f.completed),
                (td_string!(l, impact_print.dropped).to_string(), f.dropped),
            ];
            view! {
                <table class="report-table report-funnel">
                    <thead>
                        <tr>
                            <th scope="col">{td_string!(l, impact_print.stage).to_string()}</th>
                            <th scope="col">{td_string!(l, impact_print.people).to_string()}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {stages.into_iter().map(|(stage, people)| view! {
                            <tr><th scope="row">{stage}</th><td>{format::count(l, people)}</td></tr>
                        }).collect_view()}
                    </tbody>
                </table>
            }
            .into_any()
        }
    };
    view! {
        <section class="report-participation">
            <h2>{td_string!(l, impact_print.participation).to_string()}</h2>
            {body}
        </section>
    }
}

/// Comments without names: only the kind of round and the day.
#[component]
fn ReportComments(locale: Locale, comments: Vec<Comment>) -> impl IntoView {
    let l = locale;
    let body = if comments.is_empty() {
        view! { <p class="empty">{td_string!(l, impact_print.comments_none).to_string()}</p> }
            .into_any()
    } else {
        view! {
            <ul class="report-comment-list">
                {comments.into_iter().map(|c| view! {
                    <li>
                        <blockquote class="report-paragraph">{c.text}</blockquote>
                        <p class="comment-meta">{format!("{} · {}", kind_label(l, c.kind), format::date(l, c.answered_on))}</p>
                    </li>
                }).collect_view()}
            </ul>
        }
        .into_any()
    };
    view! {
        <section class="report-comments">
            <h2>{td_string!(l, impact_print.comments).to_string()}</h2>
            <p class="hint">{td_string!(l, impact_print.comments_intro).to_string()}</p>
            {body}
        </section>
    }
}

/// One certificate per eligible person of the scope, each in their own
/// language, printed alone when `PrintMode::Certificates` is chosen.
#[component]
pub fn CertificateSheets() -> impl IntoView {
    let ui = use_impact_ui();
    let active = move || ui.print.get() == Some(PrintMode::Certificates);
    view! {
        <div class="print-only certificate-sheets" class:print-active=active>
            {move || active().then(|| view! { <CertificateList/> })}
        </div>
    }
}

/// Everything a certificate prints, already worded in its holder's language.
#[derive(Clone, Debug, PartialEq)]
struct CertificateText {
    lang: &'static str,
    organisation: String,
    title: String,
    certifies: String,
    name: String,
    took_part: String,
    partners: Option<String>,
    sessions_label: String,
    sessions: String,
    hours_label: String,
    hours: String,
    skills_label: String,
    skills: Option<String>,
    date_label: String,
    date: String,
    signature_label: String,
    signer_name: String,
    signer_title: String,
}

fn certificate_text(ws: &Workspace, certificate: &Certificate) -> Option<CertificateText> {
    let person = ws.participant(&certificate.participant)?;
    let lang = preferred_lang(person);
    let l = locale_of(lang);
    let program_name = ws.program.name.trim();
    let program = if program_name.is_empty() {
        td_string!(l, certificate.program_unnamed).to_string()
    } else {
        td_string!(
            l,
            certificate.program_named,
            name = program_name.to_string()
        )
        .to_string()
    };
    let took_part = match certificate.role {
        Role::ReverseMentor => td_string!(l, certificate.took_part_mentor, program = program),
        Role::Mentee => td_string!(l, certificate.took_part_mentee, program = program),
    }
    .to_string();
    let partners: Vec<String> = certificate
        .partners
        .iter()
        .filter_map(|id| ws.participant(id))
        .map(|p| p.name.clone())
        .collect();
    let partners = (!partners.is_empty())
        .then(|| td_string!(l, certificate.partners, names = name_list(l, &partners)).to_string());
    let skill_ids: Vec<_> = if certificate.skills_shared.is_empty() {
        person
            .skills_offered
            .iter()
            .map(|s| s.skill.clone())
            .collect()
    } else {
        certificate.skills_shared.clone()
    };
    let skills: Vec<String> = skill_ids
        .iter()
        .map(|id| ws.catalogue.label(id, lang))
        .collect();
    let criteria = &ws.impact.certificates;
    Some(CertificateText {
        lang: lang::code(l),
        organisation: ws.program.organisation.trim().to_string(),
        title: td_string!(l, certificate.title).to_string(),
        certifies: td_string!(l, certificate.certifies).to_string(),
        name: person.name.clone(),
        took_part,
        partners,
        sessions_label: td_string!(l, certificate.sessions_held).to_string(),
        sessions: format::count(l, certificate.sessions_held as usize),
        hours_label: td_string!(l, certificate.hours).to_string(),
        hours: format::number(l, certificate.hours(), 1),
        skills_label: td_string!(l, certificate.skills_shared).to_string(),
        skills: (!skills.is_empty()).then(|| name_list(l, &skills)),
        date_label: td_string!(l, certificate.date).to_string(),
        date: format::date(l, certificate.issued_on),
        signature_label: td_string!(l, certificate.signature).to_string(),
        signer_name: criteria.signer_name.trim().to_string(),
        signer_title: criteria.signer_title.trim().to_string(),
    })
}

#[component]
fn CertificateList() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let ui = use_impact_ui();
    let texts = Memo::new(move |_| {
        let scope = ui.scope.get();
        state.workspace.with(|ws| {
            certificates(ws, &scope, ui.today.get())
                .eligible
                .iter()
                .filter_map(|c| certificate_text(ws, c))
                .collect::<Vec<_>>()
        })
    });
    move || {
        let texts = texts.get();
        if texts.is_empty() {
            return view! { <p class="no-certificates">{t!(i18n, impact_print.no_certificates)}</p> }
                .into_any();
        }
        texts
            .into_iter()
            .map(|text| view! { <CertificatePage text=text/> })
            .collect_view()
            .into_any()
    }
}

#[component]
fn CertificatePage(text: CertificateText) -> impl IntoView {
    let title_id = unique_id("certificate-title");
    view! {
        <article class="certificate" lang=text.lang aria-labelledby=title_id.clone()>
            <div class="certificate-frame">
                <div class="certificate-top">
                    {(!text.organisation.is_empty()).then(|| view! { <p class="certificate-organisation">{text.organisation}</p> })}
                    <h2 class="certificate-title" id=title_id.clone()>{text.title}</h2>
                    <p class="certificate-ornament" aria-hidden="true">"❦"</p>
                </div>
                <div class="certificate-body">
                    <p class="certificate-certifies">{text.certifies}</p>
                    <p class="certificate-name">{text.name}</p>
                    <p class="certificate-role">{text.took_part}</p>
                    {text.partners.map(|p| view! { <p class="certificate-partners">{p}</p> })}
                    <dl class="certificate-facts">
                        <div><dt>{text.sessions_label}</dt><dd>{text.sessions}</dd></div>
                        <div><dt>{text.hours_label}</dt><dd>{text.hours}</dd></div>
                    </dl>
                    {text.skills.map(|s| view! {
                        <p class="certificate-skills">
                            <span class="certificate-skills-label">{text.skills_label}</span>
                            " "
                            <span>{s}</span>
                        </p>
                    })}
                </div>
                <div class="certificate-bottom">
                    <div class="certificate-date">
                        <span class="certificate-line-value">{text.date}</span>
                        <span class="certificate-caption">{text.date_label}</span>
                    </div>
                    <div class="certificate-signature">
                        <span class="signature-line" aria-hidden="true"></span>
                        {if text.signer_name.is_empty() {
                            view! { <span class="certificate-caption">{text.signature_label}</span> }.into_any()
                        } else {
                            view! { <span class="signer-name">{text.signer_name}</span> }.into_any()
                        }}
                        {(!text.signer_title.is_empty()).then(|| view! { <span class="certificate-caption">{text.signer_title}</span> })}
                    </div>
                </div>
            </div>
        </article>
    }
}

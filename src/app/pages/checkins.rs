//! Check-in rounds, coordinator side (a section of the Sessions page): create
//! a round, send each person their link, import the answers that come back,
//! and read them per person.
//!
//! Tokens, links, signatures and the import checks are `io::checkin` and
//! `domain::sessions::checkin`; this module words them.

use super::messages::{About, EmailComposer};
use super::participants::role_label;
use crate::app::browser;
use crate::app::checkin_form::{
    answer_text, copy_text, kind_label, link_url, problem_text, select_field, short_label,
};
use crate::app::components::{ConfirmDialog, ProblemList, TextField, unique_id};
use crate::app::format;
use crate::app::i18n::*;
use crate::app::lang::domain_lang;
use crate::app::state::use_state;
use crate::domain::ids::RoundId;
use crate::domain::impact::assessment_window;
use crate::domain::sessions::checkin::{MOOD, delete_round, invitees, new_round, suggested_window};
use crate::domain::sessions::{AnswerValue, Response, RoundKind, TemplateKind};
use crate::domain::{Date, Participant, ParticipantId, Role, Workspace};
use crate::io::checkin::{
    MAX_INPUT_BYTES, MalformedDetail, RejectReason, Rejected, apply_responses, link_fragment,
    read_responses,
};
use leptos::html;
use leptos::prelude::*;
use std::collections::HashMap;

/// Rows shown per round before "Show more".
const PAGE: usize = 50;

fn kind_code(kind: RoundKind) -> &'static str {
    crate::io::checkin::kind_code(kind)
}

/// Which rounds a section handles: check-ins live on the Sessions page,
/// the before/after self-assessments on the Impact page. Both share the
/// link-and-answer-file mechanism and these components.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RoundFamily {
    CheckIns,
    Assessments,
}

impl RoundFamily {
    fn kinds(self) -> &'static [RoundKind] {
        match self {
            RoundFamily::CheckIns => &[RoundKind::CheckIn],
            RoundFamily::Assessments => &[RoundKind::PreAssessment, RoundKind::PostAssessment],
        }
    }

    fn holds(self, kind: RoundKind) -> bool {
        self.kinds().contains(&kind)
    }

    fn prefix(self) -> &'static str {
        match self {
            RoundFamily::CheckIns => "checkin",
            RoundFamily::Assessments => "assessment",
        }
    }
}

/// Check-in rounds, per-person links and status, and importing the answers.
#[component]
pub fn CheckinsSection() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="checkins" aria-labelledby="checkins-heading">
            <h2 id="checkins-heading" tabindex="-1">{t!(i18n, checkins.heading)}</h2>
            <p class="description">{t!(i18n, checkins.intro)}</p>
            <NewRound family=RoundFamily::CheckIns/>
            <ImportResponses/>
            <Rounds family=RoundFamily::CheckIns/>
        </section>
    }
}

/// The self-assessments before and after the program, on the Impact page:
/// the same links and answer files as check-ins.
#[component]
pub fn AssessmentsSection() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="checkins assessments" aria-labelledby="assessments-heading">
            <h2 id="assessments-heading" tabindex="-1">{t!(i18n, checkins.assessments_heading)}</h2>
            <p class="description">{t!(i18n, checkins.assessments_intro)}</p>
            <NewRound family=RoundFamily::Assessments/>
            <ImportResponses/>
            <Rounds family=RoundFamily::Assessments/>
        </section>
    }
}

/// The suggested window of a new round of `kind`.
fn window_for(ws: &Workspace, kind: RoundKind, today: Date) -> (Date, Date) {
    match kind {
        RoundKind::CheckIn => suggested_window(ws, today),
        _ => assessment_window(ws, kind, today),
    }
}

/// Kind and window of a new round, defaulting to the program's rhythm.
#[component]
fn NewRound(family: RoundFamily) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let today = browser::today();
    let first_kind = family.kinds()[0];
    let (opens0, closes0) = state
        .workspace
        .with_untracked(|ws| window_for(ws, first_kind, today));
    let kind = RwSignal::new(first_kind);
    let opens = RwSignal::new(opens0.to_string());
    let closes = RwSignal::new(closes0.to_string());
    let tried = RwSignal::new(false);
    let people = Memo::new(move |_| state.workspace.with(invitees));
    let rhythm = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let s = &ws.sessions.settings;
            (s.first_checkin_day, s.checkin_every_days)
        })
    });
    let opens_error = Signal::derive(move || {
        (tried.get() && Date::parse_iso(&opens.get()).is_none())
            .then(|| td_string!(i18n.get_locale(), checkins.date_invalid).to_string())
    });
    let closes_error = Signal::derive(move || {
        if !tried.get() {
            return None;
        }
        let l = i18n.get_locale();
        match (
            Date::parse_iso(&opens.get()),
            Date::parse_iso(&closes.get()),
        ) {
            (_, None) => Some(td_string!(l, checkins.date_invalid).to_string()),
            (Some(a), Some(b)) if b < a => Some(td_string!(l, checkins.window_invalid).to_string()),
            _ => None,
        }
    });
    let kind_id = unique_id("round-kind");
    let on_kind = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        if let Some(k) = RoundKind::ALL.into_iter().find(|k| kind_code(*k) == code) {
            kind.set(k);
            // Each kind has its own moment: before the start, after the end.
            let (from, to) = state
                .workspace
                .with_untracked(|ws| window_for(ws, k, today));
            opens.set(from.to_string());
            closes.set(to.to_string());
        }
    };
    let create = move |_| {
        tried.set(true);
        let (Some(from), Some(to)) = (
            Date::parse_iso(&opens.get_untracked()),
            Date::parse_iso(&closes.get_untracked()),
        ) else {
            return;
        };
        if to < from {
            return;
        }
        let who = people.get_untracked();
        if who.is_empty() {
            return;
        }
        let k = kind.get_untracked();
        state.edit(|ws| {
            let round = new_round(ws, k, from, to, &who, browser::random_bytes);
            ws.sessions.rounds.push(round);
        });
        tried.set(false);
        let (next_open, next_close) = state
            .workspace
            .with_untracked(|ws| window_for(ws, k, today));
        opens.set(next_open.to_string());
        closes.set(next_close.to_string());
        let l = i18n.get_locale_untracked();
        state.notify(
            td_string!(l, checkins.created, count = format::count(l, who.len())).to_string(),
        );
    };

    let heading_id = format!("new-{}-round-heading", family.prefix());
    let count_id = format!("{}-invitee-count", family.prefix());
    let kind_field = (family.kinds().len() > 1).then(|| {
        view! {
            <div class="field">
                <label for=kind_id.clone()>{t!(i18n, checkins.kind)}</label>
                <select id=kind_id.clone() on:change=on_kind>
                    {family.kinds().iter().map(|&k| view! {
                        <option value=kind_code(k) selected=move || kind.get() == k>
                            {move || kind_label(i18n.get_locale(), k)}
                        </option>
                    }).collect_view()}
                </select>
            </div>
        }
    });

    view! {
        <section class="card new-round" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{t!(i18n, checkins.new_heading)}</h3>
            <p class="hint">
                {move || {
                    let l = i18n.get_locale();
                    match family {
                        RoundFamily::CheckIns => {
                            let (first, every) = rhythm.get();
                            td_string!(l, checkins.suggested, first = first, every = every).to_string()
                        }
                        RoundFamily::Assessments => td_string!(l, checkins.assessment_hint).to_string(),
                    }
                }}
            </p>
            <div class="grid-3">
                {kind_field}
                <TextField
                    label=Signal::derive(move || t_string!(i18n, checkins.opens).to_string())
                    value=opens
                    on_input=Callback::new(move |v| opens.set(v))
                    error=opens_error
                    input_type="date"
                    required=true
                />
                <TextField
                    label=Signal::derive(move || t_string!(i18n, checkins.closes).to_string())
                    value=closes
                    on_input=Callback::new(move |v| closes.set(v))
                    error=closes_error
                    input_type="date"
                    required=true
                />
            </div>
            <p class="facts" id=count_id.clone()>
                {move || {
                    let l = i18n.get_locale();
                    let count = people.with(Vec::len);
                    if count == 0 {
                        td_string!(l, checkins.no_invitees).to_string()
                    } else {
                        td_string!(l, checkins.invitees, count = format::count(l, count)).to_string()
                    }
                }}
            </p>
            <div class="actions">
                <button
                    type="button"
                    class="primary"
                    on:click=create
                    disabled=move || people.with(Vec::is_empty)
                    aria-describedby=count_id.clone()
                >
                    {move || match family {
                        RoundFamily::CheckIns => t_string!(i18n, checkins.create),
                        RoundFamily::Assessments => t_string!(i18n, checkins.create_assessment),
                    }}
                </button>
            </div>
        </section>
    }
}

/// Why an answer was not imported, in words.
fn reject_reason(locale: Locale, ws: &Workspace, rejected: &Rejected) -> String {
    let name = || {
        rejected
            .participant
            .as_ref()
            .and_then(|id| ws.participant(id))
            .map(|p| p.name.clone())
            .unwrap_or_else(|| td_string!(locale, checkins.someone).to_string())
    };
    match &rejected.reason {
        RejectReason::Malformed(detail) => match detail {
            MalformedDetail::NothingFound => {
                td_string!(locale, checkins.reason_nothing_found).to_string()
            }
            MalformedDetail::Encoding => td_string!(locale, checkins.reason_encoding).to_string(),
            MalformedDetail::Json => td_string!(locale, checkins.reason_json).to_string(),
            MalformedDetail::NotAResponse => {
                td_string!(locale, checkins.reason_not_response).to_string()
            }
            MalformedDetail::Field(field) => {
                td_string!(locale, checkins.reason_field, field = field.clone()).to_string()
            }
        },
        RejectReason::TooLarge => td_string!(locale, checkins.reason_too_large).to_string(),
        RejectReason::NewerVersion(_) => td_string!(locale, checkins.reason_newer).to_string(),
        RejectReason::UnknownRound => td_string!(locale, checkins.reason_unknown_round).to_string(),
        RejectReason::NotInvited => {
            td_string!(locale, checkins.reason_not_invited, name = name()).to_string()
        }
        RejectReason::Tampered => td_string!(locale, checkins.reason_tampered).to_string(),
        RejectReason::Duplicate => {
            td_string!(locale, checkins.reason_duplicate, name = name()).to_string()
        }
        RejectReason::Expired(date) => td_string!(
            locale,
            checkins.reason_expired,
            date = format::date(locale, *date)
        )
        .to_string(),
        RejectReason::NotYetOpen(date) => td_string!(
            locale,
            checkins.reason_not_yet_open,
            date = format::date(locale, *date)
        )
        .to_string(),
        RejectReason::InvalidAnswers(problems) => {
            let lang = domain_lang(locale);
            let label = |skill: &crate::domain::skills::SkillId| ws.catalogue.label(skill, lang);
            let list: Vec<String> = problems
                .iter()
                .map(|p| {
                    td_string!(
                        locale,
                        checkins.problem_line,
                        question = short_label(locale, &p.question, &label),
                        problem = problem_text(locale, p.kind)
                    )
                    .to_string()
                })
                .collect();
            td_string!(locale, checkins.reason_invalid, list = list.join("; ")).to_string()
        }
    }
}

fn reject_line(locale: Locale, ws: &Workspace, rejected: &Rejected) -> String {
    let reason = reject_reason(locale, ws, rejected);
    let source = rejected.source.clone();
    match rejected.position {
        Some(position) => td_string!(
            locale,
            checkins.rejected_line_position,
            source = source,
            position = position,
            reason = reason
        )
        .to_string(),
        None => td_string!(
            locale,
            checkins.rejected_line,
            source = source,
            reason = reason
        )
        .to_string(),
    }
}

/// The outcome of one press of "Import responses".
#[derive(Clone, Debug, PartialEq)]
struct ImportOutcome {
    accepted: usize,
    rejected: Vec<Rejected>,
}

/// Answer files and pasted codes in; verified answers kept, every refusal
/// listed with its reason. A refused answer changes nothing.
#[component]
fn ImportResponses() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let files = NodeRef::<html::Input>::new();
    let codes = RwSignal::new(String::new());
    let outcome = RwSignal::new(None::<ImportOutcome>);
    let nothing = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let files_id = unique_id("answer-files");
    let codes_id = unique_id("answer-codes");

    let import = move |_| {
        if busy.get_untracked() {
            return;
        }
        let picked: Vec<web_sys::File> = files
            .get_untracked()
            .and_then(|input| input.files())
            .map(|list| (0..list.length()).filter_map(|i| list.get(i)).collect())
            .unwrap_or_default();
        let pasted = codes.get_untracked();
        if picked.is_empty() && pasted.trim().is_empty() {
            nothing.set(true);
            outcome.set(None);
            return;
        }
        nothing.set(false);
        busy.set(true);
        leptos::task::spawn_local(async move {
            let locale = i18n.get_locale_untracked();
            let mut inputs: Vec<(String, String)> = Vec::new();
            let mut too_large: Vec<Rejected> = Vec::new();
            for file in &picked {
                let name = file.name();
                if file.size() > MAX_INPUT_BYTES as f64 {
                    too_large.push(Rejected {
                        source: name,
                        position: None,
                        participant: None,
                        reason: RejectReason::TooLarge,
                    });
                    continue;
                }
                match browser::read_file(file).await {
                    Ok(bytes) => inputs.push((name, String::from_utf8_lossy(&bytes).into_owned())),
                    Err(_) => too_large.push(Rejected {
                        source: name,
                        position: None,
                        participant: None,
                        reason: RejectReason::Malformed(MalformedDetail::NothingFound),
                    }),
                }
            }
            let pasted_label = td_string!(locale, checkins.pasted).to_string();
            if !pasted.trim().is_empty() {
                inputs.push((pasted_label.clone(), pasted));
            }
            let today = browser::today();
            let mut result = state
                .workspace
                .with_untracked(|ws| read_responses(ws, &inputs, today));
            let accepted = result.accepted.len();
            if accepted > 0 {
                let kept = std::mem::take(&mut result.accepted);
                state.edit(|ws| apply_responses(&mut ws.sessions, kept));
            }
            let mut rejected = too_large;
            rejected.extend(result.rejected);
            if let Some(input) = files.get_untracked() {
                input.set_value("");
            }
            if !rejected.iter().any(|r| r.source == pasted_label) {
                codes.set(String::new());
            }
            let text = if accepted > 0 {
                td_string!(
                    locale,
                    checkins.import_done,
                    count = format::count(locale, accepted)
                )
                .to_string()
            } else {
                td_string!(locale, checkins.import_none).to_string()
            };
            state.notify(text);
            outcome.set(Some(ImportOutcome { accepted, rejected }));
            busy.set(false);
        });
    };

    let rejected_lines = Signal::derive(move || {
        let l = i18n.get_locale();
        outcome.with(|o| {
            o.as_ref()
                .map(|o| {
                    state
                        .workspace
                        .with(|ws| o.rejected.iter().map(|r| reject_line(l, ws, r)).collect())
                })
                .unwrap_or_default()
        })
    });
    let rejected_heading = Signal::derive(move || {
        let l = i18n.get_locale();
        let count = outcome.with(|o| o.as_ref().map_or(0, |o| o.rejected.len()));
        td_string!(
            l,
            checkins.rejected_heading,
            count = format::count(l, count)
        )
        .to_string()
    });

    view! {
        <section class="card import-responses" aria-labelledby="import-responses-heading">
            <h3 id="import-responses-heading">{t!(i18n, checkins.import_heading)}</h3>
            <p>{t!(i18n, checkins.import_text)}</p>
            <div class="grid-2">
                <div class="field">
                    <label for=files_id.clone()>{t!(i18n, checkins.import_files)}</label>
                    <input id=files_id.clone() node_ref=files type="file" multiple accept=".json,application/json"/>
                </div>
                <div class="field">
                    <label for=codes_id.clone()>{t!(i18n, checkins.import_codes)}</label>
                    <p class="hint" id=format!("{codes_id}-hint")>{t!(i18n, checkins.import_codes_hint)}</p>
                    <textarea
                        id=codes_id.clone()
                        class="code"
                        rows="4"
                        spellcheck="false"
                        prop:value=move || codes.get()
                        on:input=move |ev| codes.set(event_target_value(&ev))
                        aria-describedby=format!("{codes_id}-hint")
                    ></textarea>
                </div>
            </div>
            <div class="actions">
                <button type="button" class="primary" on:click=import disabled=move || busy.get()>
                    {t!(i18n, checkins.import_button)}
                </button>
            </div>
            <Show when=move || nothing.get()>
                <p class="field-error" role="alert">{t!(i18n, checkins.import_nothing)}</p>
            </Show>
            {move || outcome.get().map(|o| view! {
                <p class="import-result" role="status">
                    {move || {
                        let l = i18n.get_locale();
                        if o.accepted > 0 {
                            td_string!(l, checkins.import_done, count = format::count(l, o.accepted)).to_string()
                        } else {
                            td_string!(l, checkins.import_none).to_string()
                        }
                    }}
                </p>
            })}
            <Show when=move || outcome.with(|o| o.as_ref().is_some_and(|o| !o.rejected.is_empty()))>
                <ProblemList heading=rejected_heading lines=rejected_lines/>
            </Show>
        </section>
    }
}

/// Every round, newest first.
#[component]
fn Rounds(family: RoundFamily) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let ids = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let mut rounds: Vec<(Date, usize, RoundId)> = ws
                .sessions
                .rounds
                .iter()
                .enumerate()
                .filter(|(_, r)| family.holds(r.kind))
                .map(|(i, r)| (r.opens, i, r.id.clone()))
                .collect();
            rounds.sort_by(|a, b| (b.0, b.1).cmp(&(a.0, a.1)));
            rounds.into_iter().map(|(_, _, id)| id).collect::<Vec<_>>()
        })
    });
    let heading_id = format!("{}-rounds-heading", family.prefix());
    view! {
        <section class="rounds" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{t!(i18n, checkins.rounds_heading)}</h3>
            <Show
                when=move || ids.with(|ids| !ids.is_empty())
                fallback=move || view! { <p class="empty">{t!(i18n, checkins.no_rounds)}</p> }
            >
                <For each=move || ids.get() key=|id| id.clone() children=move |id| view! { <RoundCard id=id/> }/>
            </Show>
        </section>
    }
}

/// One invited person's line, precomputed for the table.
#[derive(Clone, Debug, PartialEq)]
struct PersonRow {
    id: ParticipantId,
    name: Option<String>,
    role: Option<Role>,
    response: Option<Response>,
    low_mood: bool,
}

/// The round's people with their answers. Looked up through maps, so a
/// round of 2,000 people stays cheap to recompute after any edit.
fn person_rows(ws: &Workspace, id: &RoundId) -> Option<(RoundKind, Date, Date, Vec<PersonRow>)> {
    let round = ws.sessions.rounds.iter().find(|r| &r.id == id)?;
    let threshold = ws.sessions.settings.alerts.low_mood;
    let people: HashMap<&ParticipantId, &Participant> =
        ws.participants.iter().map(|p| (&p.id, p)).collect();
    let answers: HashMap<&ParticipantId, &Response> = ws
        .sessions
        .responses
        .iter()
        .filter(|r| &r.round == id)
        .map(|r| (&r.participant, r))
        .collect();
    let rows = round
        .invitations
        .iter()
        .map(|invitation| {
            let person = &invitation.participant;
            let found = people.get(person);
            let response = answers.get(person).copied();
            let low_mood = response.is_some_and(
                |r| matches!(r.answer(MOOD), Some(AnswerValue::Scale(v)) if *v <= threshold),
            );
            PersonRow {
                name: found.map(|p| p.name.clone()),
                role: found.map(|p| p.role),
                id: person.clone(),
                response: response.cloned(),
                low_mood,
            }
        })
        .collect();
    Some((round.kind, round.opens, round.closes, rows))
}

/// A round: its window, who answered, each person's link and answers.
#[component]
fn RoundCard(id: RoundId) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let today = state.today;
    let data = {
        let id = id.clone();
        Memo::new(move |_| state.workspace.with(|ws| person_rows(ws, &id)))
    };
    let heading_id = unique_id("round");
    let shown = RwSignal::new(PAGE);
    let composing = RwSignal::new(None::<ParticipantId>);
    let delete_open = RwSignal::new(false);
    let delete = {
        let id = id.clone();
        Callback::new(move |()| {
            let id = id.clone();
            state.edit(|ws| {
                delete_round(&mut ws.sessions, &id);
            });
            state.notify(t_string!(i18n, checkins.round_deleted).to_string());
        })
    };
    let delete_message = Signal::derive(move || {
        let l = i18n.get_locale();
        let count = data.with(|d| {
            d.as_ref().map_or(0, |(_, _, _, rows)| {
                rows.iter().filter(|r| r.response.is_some()).count()
            })
        });
        td_string!(
            l,
            checkins.delete_round_text,
            count = format::count(l, count)
        )
        .to_string()
    });
    let round_id = StoredValue::new(id);

    view! {
        {move || data.get().map(|(kind, opens, closes, rows)| {
            let total = rows.len();
            let answered = rows.iter().filter(|r| r.response.is_some()).count();
            let state_label = move || {
                let l = i18n.get_locale();
                let today = today.get();
                if today < opens {
                    td_string!(l, checkins.state_upcoming).to_string()
                } else if today > closes {
                    td_string!(l, checkins.state_closed).to_string()
                } else {
                    td_string!(l, checkins.state_open).to_string()
                }
            };
            let is_open = move || (opens..=closes).contains(&today.get());
            let rows = std::sync::Arc::new(rows);
            let table_rows = rows.clone();
            view! {
                <article class="card round-card" aria-labelledby=heading_id.clone()>
                    <header class="card-head">
                        <h4 id=heading_id.clone()>
                            {move || {
                                let l = i18n.get_locale();
                                td_string!(l, checkins.round_title, kind = kind_label(l, kind), opens = format::date(l, opens), closes = format::date(l, closes)).to_string()
                            }}
                        </h4>
                        <span class="tag" class:open=is_open>{state_label}</span>
                    </header>
                    <p class="facts">
                        {move || {
                            let l = i18n.get_locale();
                            td_string!(l, checkins.answered_count, answered = format::count(l, answered), total = format::count(l, total)).to_string()
                        }}
                    </p>
                    // Links carry the page's own address: from a file, that is a
                    // path on this computer, useless to anyone else.
                    {(!browser::served_over_http()).then(|| view! {
                        <p class="hint">{t!(i18n, checkins.file_links_warning)}</p>
                    })}
                    <div class="table-wrap" tabindex="0">
                        <table class="round-people">
                            <caption class="visually-hidden">{t!(i18n, checkins.people_caption)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, checkins.col_person)}</th>
                                    <th scope="col">{t!(i18n, checkins.col_status)}</th>
                                    <th scope="col">{t!(i18n, checkins.col_answers)}</th>
                                    <th scope="col">{t!(i18n, checkins.col_actions)}</th>
                                </tr>
                            </thead>
                            <tbody>
                                {move || table_rows.iter().take(shown.get()).cloned().map(|row| view! {
                                    <PersonLine row=row round=round_id composing=composing/>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <Show when=move || { shown.get() < total }>
                        <button type="button" class="secondary" on:click=move |_| shown.update(|n| *n += PAGE)>
                            {move || {
                                let l = i18n.get_locale();
                                td_string!(l, pairing.show_more_people, shown = format::count(l, shown.get().min(total)), total = format::count(l, total)).to_string()
                            }}
                        </button>
                    </Show>
                    {move || composing.get().map(|to| {
                        let about = About::Checkin { round: round_id.get_value(), to };
                        let check_in = data.with_untracked(|d| d.as_ref().is_none_or(|(kind, ..)| *kind == RoundKind::CheckIn));
                        let message = if check_in { TemplateKind::CheckinRequest } else { TemplateKind::AssessmentRequest };
                        view! { <EmailComposer kind=message about=about on_close=Callback::new(move |_| composing.set(None))/> }
                    })}
                    <div class="card-actions">
                        <button type="button" class="secondary small danger-text" on:click=move |_| delete_open.set(true)>
                            {t!(i18n, checkins.delete_round)}
                        </button>
                    </div>
                </article>
            }
        })}
        <ConfirmDialog
            open=delete_open
            title=Signal::derive(move || t_string!(i18n, checkins.delete_round_title).to_string())
            message=delete_message
            confirm_label=Signal::derive(move || t_string!(i18n, checkins.delete_round).to_string())
            on_confirm=delete
            danger=true
        />
    }
}

/// One person in a round: status, answers, their link and an email.
#[component]
fn PersonLine(
    row: PersonRow,
    round: StoredValue<RoundId>,
    composing: RwSignal<Option<ParticipantId>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let link_id = unique_id("link");
    let known = row.name.is_some();
    let name = row.name.clone().unwrap_or_default();
    let display_name = {
        let name = name.clone();
        move || {
            if known {
                name.clone()
            } else {
                td_string!(i18n.get_locale(), checkins.someone_gone).to_string()
            }
        }
    };
    // The link is made on demand from the round and the person's token.
    let person = row.id.clone();
    let url = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let round = ws
                .sessions
                .rounds
                .iter()
                .find(|r| round.with_value(|id| &r.id == id))?;
            let invitation = round.invitations.iter().find(|i| i.participant == person)?;
            Some(link_url(&link_fragment(ws, round, invitation)))
        })
    });
    let copy = {
        let link_id = link_id.clone();
        move |_| {
            let Some(text) = url.get_untracked() else {
                return;
            };
            let link_id = link_id.clone();
            leptos::task::spawn_local(async move {
                let l = i18n.get_locale_untracked();
                if copy_text(&text).await {
                    state.notify(td_string!(l, checkins.link_copied).to_string());
                } else {
                    // Open the "Show link" disclosure so the selection is visible.
                    if let Some(details) = browser::window()
                        .document()
                        .and_then(|d| d.get_element_by_id(&format!("{link_id}-details")))
                    {
                        let _ = details.set_attribute("open", "");
                    }
                    select_field(&link_id);
                    state.notify(td_string!(l, checkins.copy_failed).to_string());
                }
            });
        }
    };
    let to = row.id.clone();
    let writing = {
        let to = to.clone();
        move || composing.with(|c| c.as_ref() == Some(&to))
    };
    let answers = row.response.clone().map(|response| {
        let response = std::sync::Arc::new(response);
        view! {
            <dl class="answers">
                {move || {
                    let l = i18n.get_locale();
                    let lang = domain_lang(l);
                    state.workspace.with(|ws| {
                        let label = |skill: &crate::domain::skills::SkillId| ws.catalogue.label(skill, lang);
                        response.answers.iter().map(|a| view! {
                            <div class="answer">
                                <dt>{short_label(l, &a.question, &label)}</dt>
                                <dd>{answer_text(l, &a.question, &a.value)}</dd>
                            </div>
                        }).collect_view()
                    })
                }}
            </dl>
        }
    });
    let has_answers = row.response.as_ref().is_some_and(|r| !r.answers.is_empty());
    let answered_on = row.response.as_ref().map(|r| r.answered_on);
    let low_mood = row.low_mood;
    let role = row.role;
    let (copy_name, email_name, link_name) = (name.clone(), name.clone(), name.clone());

    view! {
        <tr class:answered=answered_on.is_some()>
            <th scope="row">
                <span class="person-name">{display_name}</span>
                {role.map(|role| view! {
                    <span class=if role == Role::Mentee { "tag mentee" } else { "tag mentor" }>{move || role_label(i18n.get_locale(), role)}</span>
                })}
            </th>
            <td>
                {move || {
                    let l = i18n.get_locale();
                    match answered_on {
                        Some(date) => view! { <span class="status answered">{td_string!(l, checkins.answered_on, date = format::date(l, date)).to_string()}</span> }.into_any(),
                        None => view! { <span class="status waiting">{td_string!(l, checkins.waiting).to_string()}</span> }.into_any(),
                    }
                }}
                {low_mood.then(|| view! { <span class="tag warn">{t!(i18n, checkins.low_mood)}</span> })}
            </td>
            <td>
                {if has_answers { answers.into_any() } else if answered_on.is_some() {
                    view! { <span class="empty">{t!(i18n, checkins.no_answers)}</span> }.into_any()
                } else { ().into_any() }}
            </td>
            <td class="row-actions">
                <div class="link-actions">
                    <button
                        type="button"
                        class="secondary small"
                        on:click=copy
                        aria-label=move || td_string!(i18n.get_locale(), checkins.copy_link_for, name = copy_name.clone()).to_string()
                    >
                        {t!(i18n, checkins.copy_link)}
                    </button>
                    <button
                        type="button"
                        class="secondary small"
                        disabled=!known
                        aria-expanded=move || writing().to_string()
                        aria-label=move || td_string!(i18n.get_locale(), checkins.email_for, name = email_name.clone()).to_string()
                        on:click=move |_| composing.update(|c| *c = if c.as_ref() == Some(&to) { None } else { Some(to.clone()) })
                    >
                        {t!(i18n, checkins.email)}
                    </button>
                </div>
                <details class="show-link" id=format!("{link_id}-details")>
                    <summary>{t!(i18n, checkins.show_link)}</summary>
                    <label class="visually-hidden" for=link_id.clone()>
                        {move || td_string!(i18n.get_locale(), checkins.link_for, name = link_name.clone()).to_string()}
                    </label>
                    <input id=link_id.clone() class="link-field" type="text" readonly prop:value=move || url.get().unwrap_or_default()/>
                </details>
            </td>
        </tr>
    }
}

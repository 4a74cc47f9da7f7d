//! The participant-only view a check-in link opens (`#checkin=…`).
//!
//! It is a separate root: no coordinator shell, no navigation, no
//! [`AppState`](super::state::AppState). It never reads or writes the
//! coordinator's stored workspace (a coordinator may well open a link in their
//! own browser), nor the saved language. Everything it needs is in the link;
//! what it produces (a signed answer) leaves only as a file the person
//! downloads or a code they copy.
//!
//! The wording of questions and answers lives here too, so the coordinator's
//! round table says exactly what the form asked.

use super::browser;
use super::components::unique_id;
use super::format;
use super::i18n::*;
use super::lang;
use crate::domain::Date;
use crate::domain::sessions::checkin::{
    APPLIED, AnswerProblem, AnswerProblemKind, COMMENT, CONFIDENCE, GOING, MOOD, PROGRESS,
    Question, QuestionKind, RECOMMEND, SATISFACTION, SCALE_MAX, SCALE_MIN, SURVEY, SkillSide,
    skill_answer,
};
use crate::domain::sessions::{Answer, AnswerValue, RoundKind};
use crate::domain::skills::{Lang, SkillId};
use crate::io::checkin::{
    LINK_KEY, LinkClosed, LinkError, LinkPayload, SignedResponse, parse_link, response_file_name,
    sign_response,
};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

// ------------------------------------------------------------ the address

fn current_hash() -> String {
    browser::window().location().hash().unwrap_or_default()
}

/// Whether a URL fragment (with its `#`) is a check-in link.
pub fn is_link_hash(hash: &str) -> bool {
    hash.strip_prefix('#')
        .and_then(|h| h.strip_prefix(LINK_KEY))
        .is_some_and(|rest| rest.starts_with('='))
}

/// Decided once at start: which root to mount.
pub fn opened_from_link() -> bool {
    is_link_hash(&current_hash())
}

/// The page's address without its fragment, so links work on any host, under
/// any path, and from `file://`.
pub fn page_base_url() -> String {
    let href = browser::window().location().href().unwrap_or_default();
    href.split('#').next().unwrap_or_default().to_string()
}

/// The full personal link for a fragment from `io::checkin::link_fragment`.
pub fn link_url(fragment: &str) -> String {
    format!("{}#{fragment}", page_base_url())
}

/// Pasting another address of the same page into the address bar only
/// changes the fragment, without loading the page again. When that switches
/// between the coordinator's app and a participant's form (or to another
/// person's link), reload so the right root starts from scratch. The
/// coordinator's work is already saved by then: autosave runs on every edit.
pub fn reload_when_view_changes(participant_view: bool) {
    let initial = current_hash();
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = current_hash();
        let switch = if participant_view {
            hash != initial && (is_link_hash(&hash) || hash.starts_with("#/"))
        } else {
            is_link_hash(&hash)
        };
        if switch {
            let _ = browser::window().location().reload();
        }
    });
    on_cleanup(move || handle.remove());
}

// ------------------------------------------------------------- clipboard

/// Copies `text` with the asynchronous Clipboard API. False when the browser
/// refuses (no permission, insecure context): callers then select the text so
/// the person can copy it by hand.
pub async fn copy_text(text: &str) -> bool {
    let navigator = browser::window().navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &JsValue::from_str("clipboard")) else {
        return false;
    };
    if clipboard.is_undefined() || clipboard.is_null() {
        return false;
    }
    let write = js_sys::Reflect::get(&clipboard, &JsValue::from_str("writeText"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    let Some(write) = write else { return false };
    let promise = write
        .call1(&clipboard, &JsValue::from_str(text))
        .ok()
        .and_then(|p| p.dyn_into::<js_sys::Promise>().ok());
    match promise {
        Some(promise) => wasm_bindgen_futures::JsFuture::from(promise).await.is_ok(),
        None => false,
    }
}

/// Selects the text of the input or textarea `id` and focuses it.
pub fn select_field(id: &str) {
    let Some(element) = browser::window()
        .document()
        .and_then(|d| d.get_element_by_id(id))
    else {
        return;
    };
    if let Some(input) = element.dyn_ref::<web_sys::HtmlInputElement>() {
        let _ = input.focus();
        input.select();
    } else if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
        let _ = area.focus();
        area.select();
    }
}

// -------------------------------------------------------------- wording

pub fn locale_of(lang: Lang) -> Locale {
    match lang {
        Lang::En => Locale::en,
        Lang::Es => Locale::es,
        Lang::It => Locale::it,
    }
}

pub fn kind_label(locale: Locale, kind: RoundKind) -> String {
    match kind {
        RoundKind::CheckIn => td_string!(locale, checkins.kind_checkin),
        RoundKind::PreAssessment => td_string!(locale, checkins.kind_pre),
        RoundKind::PostAssessment => td_string!(locale, checkins.kind_post),
    }
    .to_string()
}

/// The question as the form asks it; skill questions name their skill.
pub fn question_text(locale: Locale, id: &str, skill_label: &dyn Fn(&SkillId) -> String) -> String {
    if let Some((side, skill)) = skill_answer(id) {
        let skill = skill_label(&skill);
        return match side {
            SkillSide::Wanted => td_string!(locale, checkins.q.skill, skill = skill).to_string(),
            SkillSide::Offered => td_string!(locale, checkins.q.offer, skill = skill).to_string(),
        };
    }
    match id {
        GOING => td_string!(locale, checkins.q.going).to_string(),
        MOOD => td_string!(locale, checkins.q.mood).to_string(),
        PROGRESS => td_string!(locale, checkins.q.progress).to_string(),
        COMMENT => td_string!(locale, checkins.q.comment).to_string(),
        CONFIDENCE => td_string!(locale, checkins.q.confidence).to_string(),
        SATISFACTION => td_string!(locale, checkins.q.satisfaction).to_string(),
        APPLIED => td_string!(locale, checkins.q.applied).to_string(),
        RECOMMEND => td_string!(locale, checkins.q.recommend).to_string(),
        other => other.to_string(),
    }
}

/// A one-word name for a question, for the coordinator's tables. A skill
/// someone offers is marked as such: the same skill may also be one they want.
pub fn short_label(locale: Locale, id: &str, skill_label: &dyn Fn(&SkillId) -> String) -> String {
    if let Some((side, skill)) = skill_answer(id) {
        let skill = skill_label(&skill);
        return match side {
            SkillSide::Wanted => skill,
            SkillSide::Offered => {
                td_string!(locale, checkins.q.short_offer, skill = skill).to_string()
            }
        };
    }
    match id {
        GOING => td_string!(locale, checkins.q.short_going).to_string(),
        MOOD => td_string!(locale, checkins.q.short_mood).to_string(),
        PROGRESS => td_string!(locale, checkins.q.short_progress).to_string(),
        COMMENT => td_string!(locale, checkins.q.short_comment).to_string(),
        CONFIDENCE => td_string!(locale, checkins.q.short_confidence).to_string(),
        SATISFACTION => td_string!(locale, checkins.q.short_satisfaction).to_string(),
        APPLIED => td_string!(locale, checkins.q.short_applied).to_string(),
        RECOMMEND => td_string!(locale, checkins.q.short_recommend).to_string(),
        other => other.to_string(),
    }
}

/// Mood is answered in words, one per point.
pub fn mood_word(locale: Locale, value: u8) -> String {
    match value {
        1 => td_string!(locale, checkins.q.mood_1).to_string(),
        2 => td_string!(locale, checkins.q.mood_2).to_string(),
        3 => td_string!(locale, checkins.q.mood_3).to_string(),
        4 => td_string!(locale, checkins.q.mood_4).to_string(),
        5 => td_string!(locale, checkins.q.mood_5).to_string(),
        _ => value.to_string(),
    }
}

/// The words at both ends of a 1–5 scale (mood has a word for every point).
pub fn scale_ends(locale: Locale, id: &str) -> Option<(String, String)> {
    let pair = |low: &str, high: &str| Some((low.to_string(), high.to_string()));
    // Wanted and offered skills share one scale, so levels compare.
    if skill_answer(id).is_some() {
        return pair(
            td_string!(locale, checkins.q.skill_low),
            td_string!(locale, checkins.q.skill_high),
        );
    }
    match id {
        GOING => pair(
            td_string!(locale, checkins.q.going_low),
            td_string!(locale, checkins.q.going_high),
        ),
        CONFIDENCE => pair(
            td_string!(locale, checkins.q.confidence_low),
            td_string!(locale, checkins.q.confidence_high),
        ),
        SATISFACTION => pair(
            td_string!(locale, checkins.q.satisfaction_low),
            td_string!(locale, checkins.q.satisfaction_high),
        ),
        APPLIED => pair(
            td_string!(locale, checkins.q.applied_low),
            td_string!(locale, checkins.q.applied_high),
        ),
        RECOMMEND => pair(
            td_string!(locale, checkins.q.recommend_low),
            td_string!(locale, checkins.q.recommend_high),
        ),
        _ => None,
    }
}

/// An answer in words: `2 of 5 (Low)` for mood, `3 of 5`, `40 %`, the text.
pub fn answer_text(locale: Locale, question: &str, value: &AnswerValue) -> String {
    match value {
        AnswerValue::Scale(v) if question == MOOD => format!(
            "{} ({})",
            td_string!(locale, checkins.q.scale_value, value = *v),
            mood_word(locale, *v)
        ),
        AnswerValue::Scale(v) => td_string!(locale, checkins.q.scale_value, value = *v).to_string(),
        AnswerValue::Percent(v) => format::percent(locale, f64::from(*v) / 100.0),
        AnswerValue::Text(text) => text.clone(),
    }
}

/// Why an answer is refused, in words (the coordinator's import report).
pub fn problem_text(locale: Locale, kind: AnswerProblemKind) -> String {
    match kind {
        AnswerProblemKind::Unknown => td_string!(locale, checkins.problem_unknown).to_string(),
        AnswerProblemKind::Repeated => td_string!(locale, checkins.problem_repeated).to_string(),
        AnswerProblemKind::WrongType => td_string!(locale, checkins.problem_wrong_type).to_string(),
        AnswerProblemKind::OutOfRange { min, max } => {
            td_string!(locale, checkins.problem_out_of_range, min = min, max = max).to_string()
        }
        AnswerProblemKind::TooLong { max_chars } => {
            td_string!(locale, checkins.problem_too_long, max = max_chars).to_string()
        }
        AnswerProblemKind::Missing => td_string!(locale, checkins.problem_missing).to_string(),
    }
}

/// The same, addressed to the person filling in the form.
fn form_problem_text(locale: Locale, kind: AnswerProblemKind) -> String {
    match kind {
        AnswerProblemKind::Missing => td_string!(locale, checkins.form.required).to_string(),
        AnswerProblemKind::TooLong { max_chars } => {
            td_string!(locale, checkins.form.too_long, max = max_chars).to_string()
        }
        _ => td_string!(locale, checkins.form.not_valid).to_string(),
    }
}

// ----------------------------------------------------------------- roots

/// The whole page for a participant.
#[component]
pub fn CheckinApp() -> impl IntoView {
    view! {
        <I18nContextProvider>
            <ParticipantRoot/>
        </I18nContextProvider>
    }
}

#[component]
fn ParticipantRoot() -> impl IntoView {
    let i18n = use_i18n();
    reload_when_view_changes(true);
    let link = parse_link(&current_hash());
    let today = browser::today();
    let notice = RwSignal::new(None::<String>);

    // The link's language, set after the provider's own start-up effect (an
    // effect created later runs later). Not saved: the person's choice here
    // must not change the language of whoever owns this browser.
    let start_locale = link.as_ref().map_or_else(
        |_| {
            browser::preferred_languages()
                .iter()
                .find_map(|code| lang::from_code(code))
                .unwrap_or(Locale::en)
        },
        |payload| locale_of(payload.lang),
    );
    Effect::new(move |_| {
        if i18n.get_locale_untracked() != start_locale {
            i18n.set_locale(start_locale);
        }
    });
    let program = link
        .as_ref()
        .map(|p| p.program_name.clone())
        .unwrap_or_default();
    {
        let program = program.clone();
        Effect::new(move |_| {
            let page = td_string!(i18n.get_locale(), checkins.form.page_title).to_string();
            let title = if program.trim().is_empty() {
                format!("{page} · Inversa")
            } else {
                format!("{page} · {program} · Inversa")
            };
            browser::set_document_title(&title);
        });
    }
    let on_language = move |ev: leptos::ev::Event| {
        if let Some(locale) = lang::from_code(&event_target_value(&ev)) {
            i18n.set_locale(locale);
        }
    };
    // The skip link focuses by script: following `#main` would change the
    // fragment, which holds the link itself.
    let skip = move |ev: leptos::ev::MouseEvent| {
        ev.prevent_default();
        browser::focus_element("main");
    };

    let body = match link {
        Err(error) => view! { <LinkProblem error=error/> }.into_any(),
        Ok(payload) => match payload.is_open(today) {
            Err(closed) => {
                view! { <ClosedNotice closed=closed program=payload.program_name.clone()/> }
                    .into_any()
            }
            Ok(()) => view! { <CheckinForm payload=payload today=today notice=notice/> }.into_any(),
        },
    };

    view! {
        <a class="skip-link" href="#main" on:click=skip>{t!(i18n, checkins.form.skip)}</a>
        <header class="site-header participant-header">
            <div class="header-inner">
                <span class="brand">
                    <span class="brand-mark" aria-hidden="true">"⇄"</span>
                    <span class="brand-name">"Inversa"</span>
                </span>
                <p class="program-name">{program}</p>
                <div class="language">
                    <label for="language-select">{t!(i18n, shell.language)}</label>
                    <select id="language-select" on:change=on_language>
                        <option value="en" selected=move || i18n.get_locale() == Locale::en>{t!(i18n, shell.language_en)}</option>
                        <option value="es" selected=move || i18n.get_locale() == Locale::es>{t!(i18n, shell.language_es)}</option>
                        <option value="it" selected=move || i18n.get_locale() == Locale::it>{t!(i18n, shell.language_it)}</option>
                    </select>
                </div>
            </div>
        </header>
        <main id="main" tabindex="-1" class="participant-main">{body}</main>
        <footer class="site-footer">
            <p>{t!(i18n, checkins.form.privacy)}</p>
        </footer>
        <div class="notice" role="status" aria-live="polite">
            {move || notice.get().map(|text| view! { <p>{text}</p> })}
        </div>
    }
}

/// A link that cannot be read: cut, altered, or from a newer Inversa.
#[component]
fn LinkProblem(error: LinkError) -> impl IntoView {
    let i18n = use_i18n();
    let text = move || match &error {
        LinkError::Malformed => td_string!(i18n.get_locale(), checkins.form.malformed).to_string(),
        LinkError::NewerVersion(_) | LinkError::UnknownQuestion(_) => {
            td_string!(i18n.get_locale(), checkins.form.newer).to_string()
        }
    };
    view! {
        <div class="page checkin-page">
            <h1 id="page-heading" tabindex="-1">{t!(i18n, checkins.form.broken_heading)}</h1>
            <p class="checkin-notice" role="alert">{text}</p>
        </div>
    }
}

/// A round answered too early or too late.
#[component]
fn ClosedNotice(closed: LinkClosed, program: String) -> impl IntoView {
    let i18n = use_i18n();
    let (heading, text) = match closed {
        LinkClosed::NotYet(date) => (
            Signal::derive(move || {
                td_string!(i18n.get_locale(), checkins.form.not_yet_heading).to_string()
            }),
            Signal::derive(move || {
                let l = i18n.get_locale();
                td_string!(l, checkins.form.not_yet, date = format::date(l, date)).to_string()
            }),
        ),
        LinkClosed::Expired(date) => (
            Signal::derive(move || {
                td_string!(i18n.get_locale(), checkins.form.expired_heading).to_string()
            }),
            Signal::derive(move || {
                let l = i18n.get_locale();
                td_string!(l, checkins.form.expired, date = format::date(l, date)).to_string()
            }),
        ),
    };
    view! {
        <div class="page checkin-page">
            {(!program.trim().is_empty()).then(|| view! { <p class="kicker">{program}</p> })}
            <h1 id="page-heading" tabindex="-1">{move || heading.get()}</h1>
            <p class="checkin-notice">{move || text.get()}</p>
        </div>
    }
}

/// What one question's answer is held in while the form is open.
#[derive(Clone, Copy)]
enum Input {
    /// A scale point or a percentage; `None` until answered.
    Choice(RwSignal<Option<u8>>),
    Text(RwSignal<String>),
}

fn collect_answers(fields: &[(Question, Input)]) -> Vec<Answer> {
    fields
        .iter()
        .filter_map(|(question, input)| {
            let value = match (question.kind, input) {
                (QuestionKind::Scale, Input::Choice(v)) => AnswerValue::Scale(v.get_untracked()?),
                (QuestionKind::Percent, Input::Choice(v)) => {
                    AnswerValue::Percent(v.get_untracked()?)
                }
                (QuestionKind::Text { .. }, Input::Text(text)) => {
                    AnswerValue::Text(text.get_untracked())
                }
                _ => return None,
            };
            Some(Answer {
                question: question.id.clone(),
                value,
            })
        })
        .collect()
}

/// The questions, then the signed answer to send back.
#[component]
fn CheckinForm(
    payload: LinkPayload,
    today: Date,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let result = RwSignal::new(None::<SignedResponse>);
    let (kind, program) = (payload.kind, payload.program_name.clone());
    let payload = StoredValue::new(payload);
    view! {
        <div class="page checkin-page">
            <p class="kicker">{move || kind_label(i18n.get_locale(), kind)}</p>
            <h1 id="page-heading" tabindex="-1">
                {move || if program.trim().is_empty() { kind_label(i18n.get_locale(), kind) } else { program.clone() }}
            </h1>
            {move || if result.with(Option::is_none) {
                view! { <Questions payload=payload today=today result=result/> }.into_any()
            } else {
                view! { <ResultPanel payload=payload result=result notice=notice/> }.into_any()
            }}
        </div>
    }
}

/// The greeting and the form itself; a valid submission signs the answers.
#[component]
fn Questions(
    payload: StoredValue<LinkPayload>,
    today: Date,
    result: RwSignal<Option<SignedResponse>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let fields: Vec<(Question, Input)> = payload.with_value(|p| {
        p.questions
            .iter()
            .map(|q| {
                let input = match q.kind {
                    QuestionKind::Text { .. } => Input::Text(RwSignal::new(String::new())),
                    _ => Input::Choice(RwSignal::new(None)),
                };
                (q.clone(), input)
            })
            .collect()
    });
    let problems = RwSignal::new(Vec::<AnswerProblem>::new());
    let skill_label = move |skill: &SkillId| payload.with_value(|p| p.skill_label(skill));
    let field = move |(question, input): (Question, Input)| {
        let id = question.id.clone();
        let error = Signal::derive(move || {
            let l = i18n.get_locale();
            problems.with(|list| {
                list.iter()
                    .find(|p| p.question == id)
                    .map(|p| form_problem_text(l, p.kind))
            })
        });
        view! { <QuestionField question=question input=input error=error payload=payload/> }
    };
    let questions = sections(&fields)
        .into_iter()
        .map(|(section, group)| {
            let group = group.into_iter().map(field).collect_view();
            match section {
                None => group.into_any(),
                Some(section) => {
                    view! { <QuestionGroup section=section>{group}</QuestionGroup> }.into_any()
                }
            }
        })
        .collect_view();
    let fields = StoredValue::new(fields);

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let answers = fields.with_value(|f| collect_answers(f));
        match payload.with_value(|p| sign_response(p, answers, today)) {
            Ok(signed) => {
                problems.set(Vec::new());
                result.set(Some(signed));
                browser::scroll_to_top();
                request_animation_frame(|| browser::focus_element("result-heading"));
            }
            Err(found) => {
                problems.set(found);
                request_animation_frame(|| browser::focus_element("form-problems"));
            }
        }
    };
    let summary = move || {
        let l = i18n.get_locale();
        problems.with(|list| {
            list.iter()
                .map(|p| {
                    format!(
                        "{}: {}",
                        question_text(l, &p.question, &skill_label),
                        form_problem_text(l, p.kind)
                    )
                })
                .collect::<Vec<String>>()
        })
    };
    let (kind, first_name, closes) =
        payload.with_value(|p| (p.kind, p.first_name.clone(), p.closes));

    view! {
        <p class="lead">
            {move || {
                let l = i18n.get_locale();
                if first_name.trim().is_empty() {
                    td_string!(l, checkins.form.greeting_anonymous).to_string()
                } else {
                    td_string!(l, checkins.form.greeting, name = first_name.clone()).to_string()
                }
            }}
            " "
            {move || match kind {
                RoundKind::CheckIn => td_string!(i18n.get_locale(), checkins.form.intro_checkin).to_string(),
                RoundKind::PreAssessment => td_string!(i18n.get_locale(), checkins.form.intro_assessment).to_string(),
                RoundKind::PostAssessment => td_string!(i18n.get_locale(), checkins.form.intro_post).to_string(),
            }}
        </p>
        <p class="hint">
            {move || {
                let l = i18n.get_locale();
                td_string!(l, checkins.form.window, date = format::date(l, closes)).to_string()
            }}
            " "
            {t!(i18n, checkins.form.required_note)}
        </p>
        <form class="checkin-form" on:submit=submit novalidate>
            <Show when=move || problems.with(|p| !p.is_empty())>
                <div class="problems" role="alert" id="form-problems" tabindex="-1">
                    <p class="problems-heading">{t!(i18n, checkins.form.errors_heading)}</p>
                    <ul>{move || summary().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                </div>
            </Show>
            {questions}
            <div class="actions">
                <button type="submit" class="primary">{t!(i18n, checkins.form.submit)}</button>
            </div>
        </form>
    }
}

/// The parts of a self-assessment, each under its own heading so a person
/// knows whether they are rating what they learn or what they teach.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Section {
    /// `skill:` questions and the overall confidence about them.
    Learning,
    /// `offer:` questions.
    Offering,
    /// The post-program survey.
    Survey,
}

fn section_of(id: &str) -> Option<Section> {
    match skill_answer(id) {
        Some((SkillSide::Wanted, _)) => Some(Section::Learning),
        Some((SkillSide::Offered, _)) => Some(Section::Offering),
        None if id == CONFIDENCE => Some(Section::Learning),
        None if SURVEY.contains(&id) => Some(Section::Survey),
        // Check-in questions and the closing comment stand alone.
        None => None,
    }
}

/// Questions shown together: under a section's heading, or standing alone.
type Group = (Option<Section>, Vec<(Question, Input)>);

/// Consecutive questions of the same section, in form order.
fn sections(fields: &[(Question, Input)]) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    for (question, input) in fields {
        let section = section_of(&question.id);
        match out.last_mut() {
            Some((last, group)) if *last == section => group.push((question.clone(), *input)),
            _ => out.push((section, vec![(question.clone(), *input)])),
        }
    }
    out
}

/// A heading and a line saying what to rate, around a section's questions.
#[component]
fn QuestionGroup(section: Section, children: Children) -> impl IntoView {
    let i18n = use_i18n();
    let heading_id = unique_id("section");
    let (heading, hint) = match section {
        Section::Learning => (
            Signal::derive(move || {
                td_string!(i18n.get_locale(), checkins.form.section_learning).to_string()
            }),
            Signal::derive(move || {
                td_string!(i18n.get_locale(), checkins.form.section_learning_hint).to_string()
            }),
        ),
        Section::Offering => (
            Signal::derive(move || {
                td_string!(i18n.get_locale(), checkins.form.section_offering).to_string()
            }),
            Signal::derive(move || {
                td_string!(i18n.get_locale(), checkins.form.section_offering_hint).to_string()
            }),
        ),
        Section::Survey => (
            Signal::derive(move || {
                td_string!(i18n.get_locale(), checkins.form.section_survey).to_string()
            }),
            Signal::derive(move || {
                td_string!(i18n.get_locale(), checkins.form.section_survey_hint).to_string()
            }),
        ),
    };
    let hint_id = format!("{heading_id}-hint");
    view! {
        <section class="question-group" aria-labelledby=heading_id.clone() aria-describedby=hint_id.clone()>
            <h2 id=heading_id.clone()>{move || heading.get()}</h2>
            <p class="hint" id=hint_id.clone()>{move || hint.get()}</p>
            {children()}
        </section>
    }
}

/// One question, drawn by its kind.
#[component]
fn QuestionField(
    question: Question,
    input: Input,
    error: Signal<Option<String>>,
    payload: StoredValue<LinkPayload>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = question.id.clone();
    let text = Signal::derive(move || {
        let label = |skill: &SkillId| payload.with_value(|p| p.skill_label(skill));
        question_text(i18n.get_locale(), &id, &label)
    });
    match (question.kind, input) {
        (QuestionKind::Scale, Input::Choice(value)) => view! {
            <ScaleQuestion id=question.id.clone() text=text value=value required=question.required error=error/>
        }
        .into_any(),
        (QuestionKind::Percent, Input::Choice(value)) => {
            view! { <PercentQuestion text=text value=value error=error/> }.into_any()
        }
        (QuestionKind::Text { max_chars }, Input::Text(value)) => {
            view! { <TextQuestion text=text value=value max_chars=max_chars error=error/> }.into_any()
        }
        _ => ().into_any(),
    }
}

/// A 1–5 radio group with words at both ends, or a word on every point (mood).
#[component]
fn ScaleQuestion(
    id: String,
    text: Signal<String>,
    value: RwSignal<Option<u8>>,
    required: bool,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let group = unique_id("scale");
    let label_id = format!("{group}-label");
    let hint_id = format!("{group}-hint");
    let error_id = format!("{group}-error");
    let worded = id == MOOD;
    let ends_id = id.clone();
    let has_hint = scale_ends(Locale::en, &id).is_some();
    let described_by = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if has_hint {
                ids.push(hint_id.clone());
            }
            if error.get().is_some() {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    let options = (SCALE_MIN..=SCALE_MAX)
        .map(|point| {
            let ends_id = ends_id.clone();
            let word = move || {
                let l = i18n.get_locale();
                if worded {
                    Some(mood_word(l, point))
                } else {
                    scale_ends(l, &ends_id).and_then(|(low, high)| match point {
                        SCALE_MIN => Some(low),
                        SCALE_MAX => Some(high),
                        _ => None,
                    })
                }
            };
            view! {
                <label class="scale-option" class:worded=worded>
                    <input
                        type="radio"
                        name=group.clone()
                        value=point.to_string()
                        prop:checked=move || value.get() == Some(point)
                        on:change=move |_| value.set(Some(point))
                    />
                    <span class="scale-number">{point}</span>
                    {move || word().map(|w| view! { <span class="scale-word">{w}</span> })}
                </label>
            }
        })
        .collect_view();
    view! {
        <div class="question" class:invalid=move || error.get().is_some()>
            <div class="label-row">
                <p class="question-text" id=label_id.clone()>{move || text.get()}</p>
                {required.then(|| view! { <span class="required" aria-hidden="true">"*"</span> })}
            </div>
            {has_hint.then(|| {
                let id = id.clone();
                view! {
                    <p class="hint" id=hint_id.clone()>
                        {move || {
                            let l = i18n.get_locale();
                            scale_ends(l, &id).map(|(low, high)| td_string!(l, checkins.q.scale_ends, low = low, high = high).to_string())
                        }}
                    </p>
                }
            })}
            <div
                class="scale-options"
                role="radiogroup"
                aria-labelledby=label_id.clone()
                aria-describedby=described_by
                aria-required=required.then_some("true")
                aria-invalid=move || error.get().is_some().then_some("true")
            >
                {options}
            </div>
            <super::components::FieldError id=error_id message=error/>
        </div>
    }
}

/// 0–100 %: a slider and a number box kept in step; blank until touched, so
/// "not answered" never reads as "0 %".
#[component]
fn PercentQuestion(
    text: Signal<String>,
    value: RwSignal<Option<u8>>,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let range_id = unique_id("percent");
    let number_id = format!("{range_id}-number");
    let hint_id = format!("{range_id}-hint");
    let error_id = format!("{range_id}-error");
    let state_id = format!("{range_id}-state");
    let read = |ev: &leptos::ev::Event| {
        let typed = event_target_value(ev);
        let typed = typed.trim();
        if typed.is_empty() {
            return None;
        }
        typed
            .parse::<f64>()
            .ok()
            .map(|v| v.round().clamp(0.0, 100.0) as u8)
    };
    let shown = move || {
        let l = i18n.get_locale();
        match value.get() {
            Some(v) => format::percent(l, f64::from(v) / 100.0),
            None => td_string!(l, checkins.form.not_answered).to_string(),
        }
    };
    view! {
        <div class="question percent-question" class:invalid=move || error.get().is_some()>
            <label class="question-text" for=range_id.clone()>{move || text.get()}</label>
            <p class="hint" id=hint_id.clone()>{t!(i18n, checkins.q.progress_hint)}</p>
            <div class="percent-control">
                <input
                    type="range"
                    id=range_id.clone()
                    min="0"
                    max="100"
                    step="5"
                    prop:value=move || value.get().unwrap_or(0).to_string()
                    aria-valuetext=shown
                    aria-describedby=format!("{hint_id} {state_id}")
                    on:input=move |ev| value.set(read(&ev))
                />
                <label class="visually-hidden" for=number_id.clone()>{t!(i18n, checkins.form.percent_number)}</label>
                <input
                    type="number"
                    id=number_id.clone()
                    class="percent-number"
                    min="0"
                    max="100"
                    step="1"
                    inputmode="numeric"
                    prop:value=move || value.get().map(|v| v.to_string()).unwrap_or_default()
                    on:change=move |ev| value.set(read(&ev))
                />
                <span aria-hidden="true">"%"</span>
                <button type="button" class="link" on:click=move |_| value.set(None) disabled=move || value.get().is_none()>
                    {t!(i18n, checkins.form.clear)}
                </button>
            </div>
            <p class="percent-state" id=state_id.clone()>{shown}</p>
            <super::components::FieldError id=error_id message=error/>
        </div>
    }
}

/// A free comment with a character counter.
#[component]
fn TextQuestion(
    text: Signal<String>,
    value: RwSignal<String>,
    max_chars: u16,
    error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = unique_id("comment");
    let hint_id = format!("{id}-hint");
    let counter_id = format!("{id}-counter");
    let error_id = format!("{id}-error");
    let count = move || value.with(|v| v.chars().count());
    let too_long = move || count() > usize::from(max_chars);
    let described_by = {
        let ids = format!("{hint_id} {counter_id}");
        let error_id = error_id.clone();
        move || match error.get() {
            Some(_) => format!("{ids} {error_id}"),
            None => ids.clone(),
        }
    };
    view! {
        <div class="field question" class:invalid=move || error.get().is_some()>
            <label class="question-text" for=id.clone()>{move || text.get()}</label>
            <p class="hint" id=hint_id.clone()>{t!(i18n, checkins.q.comment_hint)}</p>
            <textarea
                id=id.clone()
                rows="5"
                maxlength=max_chars.to_string()
                prop:value=move || value.get()
                on:input=move |ev| value.set(event_target_value(&ev))
                aria-describedby=described_by
                aria-invalid=move || error.get().is_some().then_some("true")
            ></textarea>
            <p class="counter" id=counter_id.clone() class:over=too_long>
                {move || {
                    let l = i18n.get_locale();
                    td_string!(l, checkins.form.chars, count = format::count(l, count()), max = format::count(l, usize::from(max_chars))).to_string()
                }}
            </p>
            <super::components::FieldError id=error_id message=error/>
        </div>
    }
}

/// The signed answer: a file to download and a code to paste into an email.
#[component]
fn ResultPanel(
    payload: StoredValue<LinkPayload>,
    result: RwSignal<Option<SignedResponse>>,
    notice: RwSignal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let code = move || result.with(|r| r.as_ref().map(SignedResponse::to_code).unwrap_or_default());
    let download = move |_| {
        let Some(signed) = result.get_untracked() else {
            return;
        };
        let name = payload.with_value(|p| response_file_name(p, signed.answered_on));
        if browser::download(&name, "application/json", &signed.to_json()).is_ok() {
            let l = i18n.get_locale_untracked();
            notice.set(Some(
                td_string!(l, checkins.form.downloaded, name = name).to_string(),
            ));
        }
    };
    let copy = move |_| {
        let text = code();
        leptos::task::spawn_local(async move {
            let l = i18n.get_locale_untracked();
            if copy_text(&text).await {
                notice.set(Some(td_string!(l, checkins.form.code_copied).to_string()));
            } else {
                select_field("answer-code");
                notice.set(Some(td_string!(l, checkins.copy_failed).to_string()));
            }
        });
    };
    view! {
        <section class="card checkin-result" aria-labelledby="result-heading">
            <h2 id="result-heading" tabindex="-1">{t!(i18n, checkins.form.done_heading)}</h2>
            <p>{t!(i18n, checkins.form.done_text)}</p>
            <div class="actions">
                <button type="button" class="primary" on:click=download>{t!(i18n, checkins.form.download)}</button>
            </div>
            <div class="field">
                <label for="answer-code">{t!(i18n, checkins.form.code_label)}</label>
                <textarea id="answer-code" class="code" readonly rows="6" prop:value=code></textarea>
            </div>
            <div class="actions">
                <button type="button" class="secondary" on:click=copy>{t!(i18n, checkins.form.copy_code)}</button>
            </div>
            <p class="hint">{t!(i18n, checkins.form.after)}</p>
        </section>
    }
}

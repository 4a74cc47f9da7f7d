//! Small reusable pieces: confirmation dialog, problem lists, form fields.

use super::i18n::*;
use super::state::use_state;
use leptos::html;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU32, Ordering};

/// A unique DOM id for label/field/description wiring.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicU32 = AtomicU32::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A modal confirmation built on `<dialog>`: the browser traps focus, Escape
/// cancels, and focus returns to the button that opened it.
#[component]
pub fn ConfirmDialog(
    open: RwSignal<bool>,
    #[prop(into)] title: Signal<String>,
    #[prop(into)] message: Signal<String>,
    #[prop(into)] confirm_label: Signal<String>,
    on_confirm: Callback<()>,
    #[prop(optional)] danger: bool,
) -> impl IntoView {
    let i18n = use_i18n();
    let dialog = NodeRef::<html::Dialog>::new();
    let title_id = unique_id("dialog-title");
    let message_id = unique_id("dialog-message");
    Effect::new(move |_| {
        let Some(element) = dialog.get() else { return };
        if open.get() {
            if !element.open() {
                let _ = element.show_modal();
            }
        } else if element.open() {
            element.close();
        }
    });
    let confirm = move |_| {
        open.set(false);
        on_confirm.run(());
    };
    view! {
        <dialog
            node_ref=dialog
            class="dialog"
            aria-labelledby=title_id.clone()
            aria-describedby=message_id.clone()
            on:close=move |_| open.set(false)
        >
            <h2 id=title_id.clone()>{move || title.get()}</h2>
            <p id=message_id.clone()>{move || message.get()}</p>
            <div class="actions">
                <button type="button" class="secondary" on:click=move |_| open.set(false) autofocus>
                    {t!(i18n, common.cancel)}
                </button>
                <button type="button" class=if danger { "danger" } else { "primary" } on:click=confirm>
                    {move || confirm_label.get()}
                </button>
            </div>
        </dialog>
    }
}

/// Builds its children again after an undo or redo: a form whose draft was
/// taken from the program when it opened starts again from the state undone
/// to, instead of saving the one left behind. Only forms are wrapped, so the
/// page around them (the pair open, the scope chosen) stays as it was.
#[component]
pub fn FreshAfterUndo(children: ChildrenFn) -> impl IntoView {
    let state = use_state();
    move || {
        state.jumps.track();
        children()
    }
}

/// A list of problems in an alert region, so screen readers announce it.
#[component]
pub fn ProblemList(
    #[prop(into)] heading: Signal<String>,
    #[prop(into)] lines: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <div class="problems" role="alert">
            <p class="problems-heading">{move || heading.get()}</p>
            <ul>
                {move || lines.get().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        </div>
    }
}

/// Error text under a field; its id is referenced by the field's `aria-describedby`.
#[component]
pub fn FieldError(id: String, #[prop(into)] message: Signal<Option<String>>) -> impl IntoView {
    view! {
        <Show when=move || message.get().is_some()>
            <p class="field-error" id=id.clone()>{move || message.get().unwrap_or_default()}</p>
        </Show>
    }
}

/// The `aria-describedby` value of a field: its hint, then its error when shown.
fn described_by(
    hint_id: Option<String>,
    error_id: String,
    error: Signal<Option<String>>,
) -> impl Fn() -> Option<String> + Clone + Send + Sync + 'static {
    move || {
        let error_id = error.get().is_some().then(|| error_id.clone());
        let ids: Vec<String> = hint_id.clone().into_iter().chain(error_id).collect();
        (!ids.is_empty()).then(|| ids.join(" "))
    }
}

/// A labelled text input with an optional hint and an inline error, wired for
/// screen readers (`aria-describedby`, `aria-invalid`).
#[component]
pub fn TextField(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(into, optional)] hint: Option<Signal<String>>,
    #[prop(optional)] input_type: Option<&'static str>,
    #[prop(optional)] required: bool,
    #[prop(optional)] list: Option<&'static str>,
    #[prop(optional)] autocomplete: Option<&'static str>,
    #[prop(optional)] inputmode: Option<&'static str>,
    #[prop(into, optional)] id: Option<String>,
) -> impl IntoView {
    let id = id.unwrap_or_else(|| unique_id("field"));
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let described_by = described_by(has_hint.then(|| hint_id.clone()), error_id.clone(), error);
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            // The star sits outside the label so the accessible name is just the
            // label; `aria-required` tells assistive technology instead.
            <div class="label-row">
                <label for=id.clone()>{move || label.get()}</label>
                {required.then(|| view! { <span class="required" aria-hidden="true">"*"</span> })}
            </div>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{move || hint.get()}</p> })}
            <input
                id=id.clone()
                type=input_type.unwrap_or("text")
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                aria-required=required.then_some("true")
                list=list
                autocomplete=autocomplete.unwrap_or("off")
                inputmode=inputmode
            />
            <FieldError id=error_id message=error/>
        </div>
    }
}

/// A labelled multi-line text field.
#[component]
pub fn TextArea(
    #[prop(into)] label: Signal<String>,
    #[prop(into)] value: Signal<String>,
    on_input: Callback<String>,
    #[prop(into, optional)] error: Signal<Option<String>>,
    #[prop(into, optional)] hint: Option<Signal<String>>,
    #[prop(optional)] rows: Option<u32>,
) -> impl IntoView {
    let id = unique_id("area");
    let error_id = format!("{id}-error");
    let hint_id = format!("{id}-hint");
    let has_hint = hint.is_some();
    let described_by = described_by(has_hint.then(|| hint_id.clone()), error_id.clone(), error);
    view! {
        <div class="field" class:invalid=move || error.get().is_some()>
            <label for=id.clone()>{move || label.get()}</label>
            {hint.map(|hint| view! { <p class="hint" id=hint_id.clone()>{move || hint.get()}</p> })}
            <textarea
                id=id.clone()
                rows=rows.unwrap_or(3)
                prop:value=move || value.get()
                on:input=move |ev| on_input.run(event_target_value(&ev))
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
            ></textarea>
            <FieldError id=error_id message=error/>
        </div>
    }
}

/// The first problem at `path` or inside it (`skills_offered` matches
/// `skills_offered[2].level`), worded for the current language.
pub fn error_at(locale: Locale, problems: &[crate::domain::Problem], path: &str) -> Option<String> {
    problems
        .iter()
        .find(|p| {
            p.path == path
                || p.path
                    .strip_prefix(path)
                    .is_some_and(|rest| rest.starts_with('[') || rest.starts_with('.'))
        })
        .map(|p| super::messages::problem_message(locale, &p.kind))
}

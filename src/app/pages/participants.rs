//! Participants page: a searchable, filterable, paged table, and the form to
//! add or edit someone.

use super::participant_form::ParticipantForm;
use crate::app::browser;
use crate::app::components::ConfirmDialog;
use crate::app::format;
use crate::app::i18n::*;
use crate::app::lang::use_lang;
use crate::app::state::use_state;
use crate::domain::filter::{ParticipantFilter, SearchIndex};
use crate::domain::{Participant, ParticipantId, Role};
use leptos::prelude::*;

/// Rows per page: keeps the DOM small and the page quick with 2,000 people.
const PAGE_SIZE: usize = 50;

pub fn role_label(locale: Locale, role: Role) -> String {
    match role {
        Role::ReverseMentor => td_string!(locale, roles.reverse_mentor),
        Role::Mentee => td_string!(locale, roles.mentee),
    }
    .to_string()
}

/// What the form is editing: a new person or an existing one.
#[derive(Clone, PartialEq)]
enum Editing {
    New,
    Existing(ParticipantId),
}

/// Pre-rendered text for one table row, computed once per filter change.
#[derive(Clone, PartialEq)]
struct Row {
    id: ParticipantId,
    name: String,
    email: String,
    role: Role,
    department: String,
    job_title: String,
    offered: String,
    wanted: String,
    active: bool,
}

#[component]
pub fn ParticipantsPage() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let editing = RwSignal::new(None::<Editing>);

    let query = RwSignal::new(String::new());
    let role = RwSignal::new(None::<Role>);
    let department = RwSignal::new(None::<String>);
    let active = RwSignal::new(None::<bool>);
    let page = RwSignal::new(0usize);

    let filter = Memo::new(move |_| ParticipantFilter {
        query: query.get(),
        role: role.get(),
        department: department.get(),
        active: active.get(),
    });
    // Any filter change goes back to the first page.
    Effect::new(move |_| {
        filter.track();
        page.set(0);
    });

    // Search keys change only with the people or the language, not per keystroke.
    let index = Memo::new(move |_| {
        let lang = lang.get();
        state.workspace.with(|ws| SearchIndex::build(ws, lang))
    });
    let rows = Memo::new(move |_| {
        let lang = lang.get();
        let filter = filter.get();
        index.with(|index| {
            state.workspace.with(|ws| {
                filter
                    .apply_indexed(ws, index)
                    .into_iter()
                    .map(|p| Row {
                        id: p.id.clone(),
                        name: p.name.clone(),
                        email: p.email.clone(),
                        role: p.role,
                        department: p.department.clone(),
                        job_title: p.job_title.clone(),
                        offered: p
                            .skills_offered
                            .iter()
                            .map(|s| ws.catalogue.label(&s.skill, lang))
                            .collect::<Vec<_>>()
                            .join(", "),
                        wanted: p
                            .skills_wanted
                            .iter()
                            .map(|s| ws.catalogue.label(&s.skill, lang))
                            .collect::<Vec<_>>()
                            .join(", "),
                        active: p.active,
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let total = Memo::new(move |_| state.workspace.with(|ws| ws.participants.len()));
    let departments = Memo::new(move |_| state.workspace.with(|ws| ws.departments()));
    let page_count = move || rows.with(|r| r.len().div_ceil(PAGE_SIZE).max(1));

    let to_delete = RwSignal::new(None::<(ParticipantId, String)>);
    let delete_open = RwSignal::new(false);
    let confirm_delete = Callback::new(move |()| {
        if let Some((id, name)) = to_delete.get_untracked() {
            state.edit(|ws| {
                ws.remove_participant(&id);
            });
            state.notify(
                td_string!(
                    i18n.get_locale_untracked(),
                    participants.deleted,
                    name = name
                )
                .to_string(),
            );
        }
    });

    let on_done = Callback::new(move |()| {
        editing.set(None);
        browser::focus_element("page-heading");
    });

    let form = move || {
        // After an undo or redo the form starts again from the program.
        state.jumps.track();
        editing.get().map(|target| {
            let (participant, is_new) = match target {
                Editing::New => (
                    Participant::new(
                        ParticipantId::from_random_bytes(browser::random_bytes()),
                        Role::ReverseMentor,
                    ),
                    true,
                ),
                Editing::Existing(id) => match state
                    .workspace
                    .with_untracked(|ws| ws.participant(&id).cloned())
                {
                    Some(p) => (p, false),
                    None => return ().into_any(),
                },
            };
            view! { <ParticipantForm initial=participant is_new=is_new on_done=on_done/> }
                .into_any()
        })
    };

    view! {
        <div class="page">
            // Someone whose addition was just undone has no form to show: back to the list.
            <Show when=move || editing.with(|e| match e {
                Some(Editing::New) => true,
                Some(Editing::Existing(id)) => state.workspace.with(|ws| ws.participant(id).is_some()),
                None => false,
            }) fallback=move || view! {
                <div class="page-head">
                    <h1 id="page-heading" tabindex="-1">{t!(i18n, participants.title)}</h1>
                    <button type="button" class="primary" on:click=move |_| {
                        editing.set(Some(Editing::New));
                        browser::scroll_to_top();
                    }>
                        {t!(i18n, participants.add)}
                    </button>
                </div>
                <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
                    <div class="field grow">
                        <label for="participant-search">{t!(i18n, participants.search)}</label>
                        <input
                            id="participant-search"
                            type="search"
                            placeholder=move || t_string!(i18n, participants.search_placeholder).to_string()
                            prop:value=move || query.get()
                            on:input=move |ev| query.set(event_target_value(&ev))
                        />
                    </div>
                    <div class="field">
                        <label for="filter-role">{t!(i18n, participants.role)}</label>
                        <select id="filter-role" on:change=move |ev| role.set(match event_target_value(&ev).as_str() {
                            "reverse_mentor" => Some(Role::ReverseMentor),
                            "mentee" => Some(Role::Mentee),
                            _ => None,
                        })>
                            <option value="" selected=move || role.get().is_none()>{t!(i18n, participants.all_roles)}</option>
                            <option value="reverse_mentor" selected=move || role.get() == Some(Role::ReverseMentor)>{t!(i18n, roles.reverse_mentors)}</option>
                            <option value="mentee" selected=move || role.get() == Some(Role::Mentee)>{t!(i18n, roles.mentees)}</option>
                        </select>
                    </div>
                    <div class="field">
                        <label for="filter-department">{t!(i18n, participants.department)}</label>
                        <select id="filter-department" on:change=move |ev| {
                            let value = event_target_value(&ev);
                            department.set((!value.is_empty()).then_some(value));
                        }>
                            <option value="" selected=move || department.get().is_none()>{t!(i18n, participants.all_departments)}</option>
                            {move || departments.get().into_iter().map(|d| {
                                let selected = department.get().as_deref() == Some(d.as_str());
                                view! { <option value=d.clone() selected=selected>{d.clone()}</option> }
                            }).collect_view()}
                        </select>
                    </div>
                    <div class="field">
                        <label for="filter-status">{t!(i18n, participants.status)}</label>
                        <select id="filter-status" on:change=move |ev| active.set(match event_target_value(&ev).as_str() {
                            "active" => Some(true),
                            "inactive" => Some(false),
                            _ => None,
                        })>
                            <option value="" selected=move || active.get().is_none()>{t!(i18n, participants.all_statuses)}</option>
                            <option value="active" selected=move || active.get() == Some(true)>{t!(i18n, participants.active)}</option>
                            <option value="inactive" selected=move || active.get() == Some(false)>{t!(i18n, participants.inactive)}</option>
                        </select>
                    </div>
                </form>
                <p class="result-count" role="status">
                    {move || {
                        let l = i18n.get_locale();
                        let shown = rows.with(Vec::len);
                        let start = page.get() * PAGE_SIZE;
                        let end = (start + PAGE_SIZE).min(shown);
                        if shown == 0 {
                            td_string!(l, participants.none_shown, total = format::count(l, total.get())).to_string()
                        } else {
                            td_string!(l, participants.showing,
                                from = format::count(l, start + 1),
                                to = format::count(l, end),
                                shown = format::count(l, shown),
                                total = format::count(l, total.get())).to_string()
                        }
                    }}
                </p>
                <Show when=move || rows.with(|r| !r.is_empty())>
                    <div class="table-wrap" tabindex="0">
                        <table class="participants">
                            <caption class="visually-hidden">{t!(i18n, participants.table_caption)}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{t!(i18n, participants.name)}</th>
                                    <th scope="col">{t!(i18n, participants.role)}</th>
                                    <th scope="col">{t!(i18n, participants.department)}</th>
                                    <th scope="col" class="wide-only">{t!(i18n, participants.job_title)}</th>
                                    <th scope="col" class="wide-only">{t!(i18n, participants.offers)}</th>
                                    <th scope="col" class="wide-only">{t!(i18n, participants.wants)}</th>
                                    <th scope="col">{t!(i18n, participants.status)}</th>
                                    <th scope="col"><span class="visually-hidden">{t!(i18n, participants.actions)}</span></th>
                                </tr>
                            </thead>
                            <tbody>
                                <For
                                    each=move || {
                                        let start = page.get() * PAGE_SIZE;
                                        rows.with(|r| r.iter().skip(start).take(PAGE_SIZE).cloned().collect::<Vec<_>>())
                                    }
                                    key=|row| (row.id.clone(), row.name.clone(), row.email.clone(), row.role, row.department.clone(), row.job_title.clone(), row.offered.clone(), row.wanted.clone(), row.active)
                                    children=move |row| {
                                        let edit_id = row.id.clone();
                                        let delete_target = (row.id.clone(), row.name.clone());
                                        let name_for_edit = row.name.clone();
                                        let name_for_delete = row.name.clone();
                                        view! {
                                            <tr class:inactive=!row.active>
                                                <th scope="row">
                                                    <span class="person-name">{row.name.clone()}</span>
                                                    <span class="person-email">{row.email.clone()}</span>
                                                </th>
                                                <td>
                                                    <span class=if row.role == Role::ReverseMentor { "tag mentor" } else { "tag mentee" }>
                                                        {move || role_label(i18n.get_locale(), row.role)}
                                                    </span>
                                                </td>
                                                <td>{row.department.clone()}</td>
                                                <td class="wide-only">{row.job_title.clone()}</td>
                                                <td class="wide-only">{row.offered.clone()}</td>
                                                <td class="wide-only">{row.wanted.clone()}</td>
                                                <td>{move || if row.active { t_string!(i18n, participants.active).to_string() } else { t_string!(i18n, participants.inactive).to_string() }}</td>
                                                <td class="row-actions">
                                                    <button type="button" class="link"
                                                        aria-label=move || td_string!(i18n.get_locale(), participants.edit_named, name = name_for_edit.clone()).to_string()
                                                        on:click=move |_| {
                                                            editing.set(Some(Editing::Existing(edit_id.clone())));
                                                            browser::scroll_to_top();
                                                        }>
                                                        {t!(i18n, common.edit)}
                                                    </button>
                                                    <button type="button" class="link danger-text"
                                                        aria-label=move || td_string!(i18n.get_locale(), participants.delete_named, name = name_for_delete.clone()).to_string()
                                                        on:click=move |_| {
                                                            to_delete.set(Some(delete_target.clone()));
                                                            delete_open.set(true);
                                                        }>
                                                        {t!(i18n, common.delete)}
                                                    </button>
                                                </td>
                                            </tr>
                                        }
                                    }
                                />
                            </tbody>
                        </table>
                    </div>
                    <Show when=move || { page_count() > 1 }>
                        <nav class="pager" aria-label=move || t_string!(i18n, participants.pages).to_string()>
                            <button type="button" class="secondary" disabled=move || page.get() == 0 on:click=move |_| page.update(|p| *p = p.saturating_sub(1))>
                                {t!(i18n, participants.previous)}
                            </button>
                            <span>{move || {
                                let l = i18n.get_locale();
                                td_string!(l, participants.page_of, page = format::count(l, page.get() + 1), pages = format::count(l, page_count())).to_string()
                            }}</span>
                            <button type="button" class="secondary" disabled=move || page.get() + 1 >= page_count() on:click=move |_| page.update(|p| *p += 1)>
                                {t!(i18n, participants.next)}
                            </button>
                        </nav>
                    </Show>
                </Show>
            }>
                {form}
            </Show>
            <ConfirmDialog
                open=delete_open
                title=Signal::derive(move || t_string!(i18n, participants.delete_title).to_string())
                message=Signal::derive(move || {
                    let name = to_delete.get().map(|(_, n)| n).unwrap_or_default();
                    td_string!(i18n.get_locale(), participants.delete_confirm, name = name).to_string()
                })
                confirm_label=Signal::derive(move || t_string!(i18n, common.delete).to_string())
                on_confirm=confirm_delete
                danger=true
            />
        </div>
    }
}

//! People who left the company during the program: the retention signal of
//! the Results level. The coordinator records who left and when; nothing
//! else about them changes (they stay in the records, their sessions count).

use super::impact::use_impact_ui;
use super::participants::role_label;
use crate::app::components::{FieldError, TextField, unique_id};
use crate::app::format;
use crate::app::i18n::*;
use crate::app::state::use_state;
use crate::domain::{Date, ParticipantId};
use leptos::prelude::*;

#[component]
pub fn Leavers() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let ui = use_impact_ui();
    let person_id = unique_id("leaver-person");
    let chosen = RwSignal::new(String::new());
    let day = RwSignal::new(ui.today.get_untracked().to_string());
    let tried = RwSignal::new(false);

    // Everyone not recorded yet, by name; and the recorded ones with dates.
    let candidates = Memo::new(move |_| {
        state.workspace.with(|ws| {
            let mut list: Vec<(String, String)> = ws
                .participants
                .iter()
                .filter(|p| ws.impact.left_on(&p.id).is_none())
                .map(|p| (p.id.to_string(), p.name.clone()))
                .collect();
            list.sort_by_key(|(_, name)| crate::domain::text::search_key(name));
            list
        })
    });
    let recorded = Memo::new(move |_| {
        state.workspace.with(|ws| {
            ws.impact
                .leavers
                .iter()
                .map(|l| {
                    let person = ws.participant(&l.participant);
                    (
                        l.participant.clone(),
                        person.map(|p| p.name.clone()).unwrap_or_default(),
                        person.map(|p| p.role),
                        l.left_on,
                    )
                })
                .collect::<Vec<_>>()
        })
    });
    let person_error = Signal::derive(move || {
        (tried.get() && chosen.with(String::is_empty))
            .then(|| t_string!(i18n, leavers.person_missing).to_string())
    });
    let date_error = Signal::derive(move || {
        (tried.get() && Date::parse_iso(&day.get()).is_none())
            .then(|| t_string!(i18n, leavers.date_invalid).to_string())
    });
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        tried.set(true);
        let who = chosen.get_untracked();
        let (Some(id), Some(left_on)) = (
            ParticipantId::parse(&who),
            Date::parse_iso(&day.get_untracked()),
        ) else {
            return;
        };
        let name = state
            .workspace
            .with_untracked(|ws| ws.participant(&id).map(|p| p.name.clone()));
        let Some(name) = name else { return };
        state.edit(|ws| ws.impact.record_leaver(id, left_on));
        chosen.set(String::new());
        tried.set(false);
        let l = i18n.get_locale_untracked();
        state.notify(td_string!(l, leavers.recorded, name = name).to_string());
    };

    view! {
        <section class="impact-leavers card" aria-labelledby="leavers-heading">
            <h2 id="leavers-heading">{t!(i18n, leavers.heading)}</h2>
            <p class="hint">{t!(i18n, leavers.intro)}</p>
            <form class="leaver-form" on:submit=record novalidate>
                <div class="grid-3">
                    <div class="field" class:invalid=move || person_error.get().is_some()>
                        <label for=person_id.clone()>{t!(i18n, leavers.person)}</label>
                        <select
                            id=person_id.clone()
                            on:change=move |ev| chosen.set(event_target_value(&ev))
                            aria-invalid=move || person_error.get().is_some().then_some("true")
                            aria-describedby=format!("{person_id}-error")
                        >
                            <option value="" selected=move || chosen.with(String::is_empty)>
                                {t!(i18n, leavers.choose)}
                            </option>
                            {move || candidates.get().into_iter().map(|(id, name)| {
                                let value = id.clone();
                                view! {
                                    <option value=id selected=move || chosen.with(|c| *c == value)>{name}</option>
                                }
                            }).collect_view()}
                        </select>
                        <FieldError id=format!("{person_id}-error") message=person_error/>
                    </div>
                    <TextField
                        label=Signal::derive(move || t_string!(i18n, leavers.left_on).to_string())
                        value=day
                        on_input=Callback::new(move |v| day.set(v))
                        error=date_error
                        input_type="date"
                        required=true
                    />
                </div>
                <div class="actions">
                    <button type="submit" class="secondary">{t!(i18n, leavers.record)}</button>
                </div>
            </form>
            <Show
                when=move || recorded.with(|r| !r.is_empty())
                fallback=move || view! { <p class="empty">{t!(i18n, leavers.none)}</p> }
            >
                <ul class="leaver-list">
                    {move || {
                        let l = i18n.get_locale();
                        recorded.get().into_iter().map(|(id, name, role, left_on)| {
                            let label = td_string!(l, leavers.remove, name = name.clone()).to_string();
                            let role = role.map(|r| role_label(l, r)).unwrap_or_default();
                            let remove = move |_| {
                                let id = id.clone();
                                state.edit(|ws| ws.impact.forget(&id));
                            };
                            view! {
                                <li>
                                    <span>{td_string!(l, leavers.line, name = name.clone(), role = role, date = format::date(l, left_on)).to_string()}</span>
                                    <button type="button" class="link-button" aria-label=label on:click=remove>
                                        {td_string!(l, leavers.remove_short).to_string()}
                                    </button>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
            </Show>
        </section>
    }
}

//! Interest circles on the Pairing page: form them, read them, move people
//! between them. The rules (who may sit together) live in
//! `domain::matching::circles`.

use super::pairing::block_label;
use super::participants::role_label;
use crate::app::components::unique_id;
use crate::app::format;
use crate::app::i18n::*;
use crate::app::lang::use_lang;
use crate::app::state::use_state;
use crate::domain::matching::circles::{Theme, fits, form_circles, move_member, theme};
use crate::domain::matching::rules::{Block, Prepared};
use crate::domain::matching::{Circle, PairingState};
use crate::domain::{Lang, ParticipantId, Role, Workspace};
use leptos::prelude::*;

/// Circles shown before "Show more circles".
const PAGE: usize = 30;

fn theme_label(ws: &Workspace, circle: &Circle, lang: Lang) -> String {
    match theme(ws, circle) {
        Theme::Skill(id) => ws.catalogue.label(&id, lang),
        Theme::Interest(tag) => tag,
    }
}

/// A member as shown: id, name, role.
#[derive(Clone, Debug, PartialEq)]
struct Member {
    id: ParticipantId,
    name: String,
    role: Role,
    /// A rule a later edit (a new manager, a ban, inactive) now breaks in
    /// this person's circle; the circle stays as saved, flagged.
    conflict: Option<Block>,
}

#[derive(Clone, Debug, PartialEq)]
struct CircleRow {
    index: usize,
    theme: String,
    members: Vec<Member>,
}

#[component]
pub fn CirclesSection() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let shown = RwSignal::new(PAGE);
    // The person being moved, chosen with their "Move" button.
    let moving = RwSignal::new(None::<Member>);
    let size_id = unique_id("circle-size");

    let rows = Memo::new(move |_| {
        let lang = lang.get();
        state.workspace.with(|ws| {
            let prep = Prepared::new(ws);
            let member = |circle: &Circle, id: &ParticipantId| {
                let index = prep.index(id)?;
                let p = &ws.participants[index];
                let conflict = fits(&prep, circle, index).err();
                Some(Member {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    role: p.role,
                    conflict,
                })
            };
            let circles: Vec<CircleRow> = ws
                .pairing
                .circles
                .iter()
                .enumerate()
                .map(|(index, c)| CircleRow {
                    index,
                    theme: theme_label(ws, c, lang),
                    members: c.members.iter().filter_map(|id| member(c, id)).collect(),
                })
                .collect();
            let mut unplaced: Vec<Member> = ws
                .participants
                .iter()
                .filter(|p| {
                    p.active && !ws.pairing.circles.iter().any(|c| c.members.contains(&p.id))
                })
                .map(|p| Member {
                    id: p.id.clone(),
                    name: p.name.clone(),
                    role: p.role,
                    conflict: None,
                })
                .collect();
            unplaced.sort_by_cached_key(|m| crate::domain::text::search_key(&m.name));
            (circles, unplaced)
        })
    });
    let size = Memo::new(move |_| state.workspace.with(|ws| ws.pairing.circle_size));

    let on_size = move |ev: leptos::ev::Event| {
        if let Ok(value) = event_target_value(&ev).parse::<u8>() {
            state.edit(|ws| {
                ws.pairing.circle_size =
                    value.clamp(PairingState::MIN_CIRCLE_SIZE, PairingState::MAX_CIRCLE_SIZE)
            });
        }
    };
    let form = move |_| {
        let plan = state
            .workspace
            .with_untracked(|ws| form_circles(ws, ws.pairing.circle_size));
        let count = plan.circles.len();
        state.edit(|ws| ws.pairing.circles = plan.circles);
        shown.set(PAGE);
        moving.set(None);
        let l = i18n.get_locale_untracked();
        state.notify(td_string!(l, circles.formed, count = format::count(l, count)).to_string());
    };

    view! {
        <section class="circles" aria-labelledby="circles-heading">
            <h2 id="circles-heading">{t!(i18n, circles.heading)}</h2>
            <p class="hint">{t!(i18n, circles.intro)}</p>
            <div class="add-skill">
                <div class="field">
                    <label for=size_id.clone()>{t!(i18n, circles.size)}</label>
                    <select id=size_id.clone() on:change=on_size>
                        {(PairingState::MIN_CIRCLE_SIZE..=PairingState::MAX_CIRCLE_SIZE).map(|n| view! {
                            <option value=n.to_string() selected=move || size.get() == n>{n}</option>
                        }).collect_view()}
                    </select>
                </div>
                <div class="field">
                    <button type="button" class="primary" on:click=form>{t!(i18n, circles.form)}</button>
                </div>
            </div>

            {move || moving.get().map(|member| view! { <MovePanel member=member moving=moving/> })}

            <Show
                when=move || rows.with(|(c, _)| !c.is_empty())
                fallback=move || view! { <p class="empty">{t!(i18n, circles.none)}</p> }
            >
                <ul class="circle-cards">
                    {move || {
                        let (circles, _) = rows.get();
                        circles.into_iter().take(shown.get()).map(|row| {
                            let heading_id = unique_id("circle");
                            let count = row.members.len();
                            view! {
                                <li>
                                    <article class="circle-card card" aria-labelledby=heading_id.clone()>
                                        <h3 id=heading_id.clone()>{row.theme.clone()}</h3>
                                        <p class="hint">{move || {
                                            let l = i18n.get_locale();
                                            td_string!(l, circles.member_count, count = format::count(l, count)).to_string()
                                        }}</p>
                                        <ul class="circle-members">
                                            {row.members.into_iter().map(|m| view! { <MemberItem member=m moving=moving/> }).collect_view()}
                                        </ul>
                                    </article>
                                </li>
                            }
                        }).collect_view()
                    }}
                </ul>
                <Show when=move || rows.with(|(c, _)| shown.get() < c.len())>
                    <button type="button" class="secondary" on:click=move |_| shown.update(|n| *n += PAGE)>
                        {t!(i18n, circles.show_more)}
                    </button>
                </Show>
            </Show>

            <Show when=move || rows.with(|(c, u)| !c.is_empty() && !u.is_empty())>
                <h3>{t!(i18n, circles.unplaced)}</h3>
                <ul class="circle-members unplaced">
                    {move || rows.get().1.into_iter().map(|m| view! { <MemberItem member=m moving=moving/> }).collect_view()}
                </ul>
            </Show>
        </section>
    }
}

#[component]
fn MemberItem(member: Member, moving: RwSignal<Option<Member>>) -> impl IntoView {
    let i18n = use_i18n();
    let role = member.role;
    let name = member.name.clone();
    let conflict = member.conflict;
    view! {
        <li class="circle-member">
            <span class="member-who">
                <span>{member.name.clone()}</span>" "
                <span class=if role == Role::Mentee { "tag mentee" } else { "tag mentor" }>{move || role_label(i18n.get_locale(), role)}</span>
                {conflict.map(|block| view! {
                    <span class="tag warn">{move || {
                        let l = i18n.get_locale();
                        td_string!(l, pairing.rules_broken, reason = block_label(l, block)).to_string()
                    }}</span>
                })}
            </span>
            <button
                type="button"
                class="link"
                aria-label=move || td_string!(i18n.get_locale(), circles.move_label, name = name.clone()).to_string()
                on:click=move |_| {
                    moving.set(Some(member.clone()));
                    // The panel is drawn on the next tick: focus it then.
                    set_timeout(|| crate::app::browser::focus_element("move-target"), std::time::Duration::ZERO);
                }
            >
                {t!(i18n, circles.move_person)}
            </button>
        </li>
    }
}

/// Where the chosen person can go: only circles whose members they may sit with.
#[component]
fn MovePanel(member: Member, moving: RwSignal<Option<Member>>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let target = RwSignal::new(String::new());
    let id = member.id.clone();
    let options = Memo::new(move |_| {
        let lang = lang.get();
        state.workspace.with(|ws| {
            let prep = Prepared::new(ws);
            let Some(person) = prep.index(&id) else {
                return Vec::new();
            };
            ws.pairing
                .circles
                .iter()
                .enumerate()
                .filter(|(_, c)| !c.members.contains(&ws.participants[person].id))
                .filter(|(_, c)| fits(&prep, c, person).is_ok())
                .map(|(i, c)| {
                    (
                        i,
                        format!("{} ({})", theme_label(ws, c, lang), c.members.len()),
                    )
                })
                .collect::<Vec<(usize, String)>>()
        })
    });
    let name = member.name.clone();
    let person = member.id.clone();
    let apply = move |_| {
        let choice = target.get_untracked();
        let to = if choice == "none" {
            None
        } else {
            choice.parse::<usize>().ok()
        };
        if choice.is_empty() {
            return;
        }
        let mut outcome = Ok(());
        state.edit(|ws| outcome = move_member(ws, &person, to));
        let l = i18n.get_locale_untracked();
        match outcome {
            Ok(()) => {
                state.notify(td_string!(l, circles.moved).to_string());
                moving.set(None);
            }
            Err(block) => state.notify(
                td_string!(l, circles.cannot_move, reason = block_label(l, block)).to_string(),
            ),
        }
    };
    view! {
        <div class="move-panel card" role="group" aria-labelledby="move-heading">
            <h3 id="move-heading">{move || td_string!(i18n.get_locale(), circles.move_heading, name = name.clone()).to_string()}</h3>
            <div class="add-skill">
                <div class="field grow">
                    <label for="move-target">{t!(i18n, circles.move_to)}</label>
                    <select id="move-target" aria-describedby="move-hint" on:change=move |ev| target.set(event_target_value(&ev))>
                        <option value="" selected=true>{t!(i18n, circles.choose)}</option>
                        {move || options.get().into_iter().map(|(i, label)| view! { <option value=i.to_string()>{label}</option> }).collect_view()}
                        <option value="none">{t!(i18n, circles.no_circle)}</option>
                    </select>
                    <small id="move-hint">{t!(i18n, circles.move_hint)}</small>
                </div>
                <div class="field">
                    <button type="button" class="primary" on:click=apply>{t!(i18n, circles.move_confirm)}</button>
                </div>
                <div class="field">
                    <button type="button" class="secondary" on:click=move |_| moving.set(None)>{t!(i18n, common.cancel)}</button>
                </div>
            </div>
        </div>
    }
}

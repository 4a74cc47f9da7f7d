//! Guides page: the guides for both roles, a 30-minute session plan, a
//! first-session checklist, the pair agreement template and topic ideas per
//! skill, in the user's language and ready to print.
//!
//! The texts are locale keys (`guides.*`, `topics.*`); this page only lays
//! them out. In-page links move focus instead of changing the URL fragment,
//! which the router owns.

use crate::app::browser;
use crate::app::i18n::*;
use crate::app::lang::use_lang;
use crate::app::state::use_state;
use crate::domain::skills::{DEFAULT_SKILLS, SkillKind};
use leptos::prelude::*;

/// A guide as laid out: its title, introduction and headed items.
struct Guide {
    id: &'static str,
    title: String,
    intro: String,
    items: Vec<(String, String)>,
    /// Steps in order (the session plan, the checklist) rather than tips.
    ordered: bool,
    /// A form to fill in: print leaves room to write under each item.
    fill_in: bool,
}

/// The headed items of a guide section, `guides.<section>.<item>.{heading,text}`.
macro_rules! items {
    ($locale:expr, $section:ident: $($item:ident),+ $(,)?) => {
        vec![$((
            td_string!($locale, guides.$section.$item.heading).to_string(),
            td_string!($locale, guides.$section.$item.text).to_string(),
        )),+]
    };
}

fn guides(locale: Locale) -> Vec<Guide> {
    vec![
        Guide {
            id: "guide-mentor",
            title: td_string!(locale, guides.mentor.title).to_string(),
            intro: td_string!(locale, guides.mentor.intro).to_string(),
            items: items!(locale, mentor: item_1, item_2, item_3, item_4, item_5, item_6, item_7, item_8),
            ordered: false,
            fill_in: false,
        },
        Guide {
            id: "guide-mentee",
            title: td_string!(locale, guides.mentee.title).to_string(),
            intro: td_string!(locale, guides.mentee.intro).to_string(),
            items: items!(locale, mentee: item_1, item_2, item_3, item_4, item_5, item_6, item_7),
            ordered: false,
            fill_in: false,
        },
        Guide {
            id: "guide-session-plan",
            title: td_string!(locale, guides.session_plan.title).to_string(),
            intro: td_string!(locale, guides.session_plan.intro).to_string(),
            items: items!(locale, session_plan: item_1, item_2, item_3, item_4, item_5),
            ordered: true,
            fill_in: false,
        },
        Guide {
            id: "guide-checklist",
            title: td_string!(locale, guides.checklist.title).to_string(),
            intro: td_string!(locale, guides.checklist.intro).to_string(),
            items: items!(locale, checklist: item_1, item_2, item_3, item_4, item_5, item_6, item_7, item_8),
            ordered: true,
            fill_in: false,
        },
        Guide {
            id: "guide-agreement",
            title: td_string!(locale, guides.agreement.title).to_string(),
            intro: td_string!(locale, guides.agreement.intro).to_string(),
            items: items!(
                locale,
                agreement: item_1, item_2, item_3, item_4, item_5, item_6, item_7, item_8, item_9,
                item_10, item_11
            ),
            ordered: false,
            fill_in: true,
        },
    ]
}

/// Topic ideas for a default skill, one per line, keyed by the skill id.
macro_rules! topic_text {
    ($locale:expr, $id:expr, $($code:literal => $key:ident),+ $(,)?) => {
        match $id {
            $($code => Some(td_string!($locale, topics.$key).to_string()),)+
            _ => None,
        }
    };
}

fn topics(locale: Locale, id: &str) -> Option<String> {
    topic_text!(locale, id,
        "social-media" => social_media,
        "ai-tools" => ai_tools,
        "collaboration-tools" => collaboration_tools,
        "data-literacy" => data_literacy,
        "digital-marketing" => digital_marketing,
        "online-security" => online_security,
        "mobile-apps" => mobile_apps,
        "gen-z-trends" => gen_z_trends,
        "diversity-inclusion" => diversity_inclusion,
        "remote-work" => remote_work,
        "personal-branding" => personal_branding,
        "video-content" => video_content,
        "e-commerce" => e_commerce,
        "automation" => automation,
        "leadership" => leadership,
        "strategy" => strategy,
        "negotiation" => negotiation,
        "industry-knowledge" => industry_knowledge,
        "networking" => networking,
        "career-navigation" => career_navigation,
        "decision-making" => decision_making,
        "public-speaking" => public_speaking,
        "stakeholder-management" => stakeholder_management,
        "financial-acumen" => financial_acumen,
        "change-management" => change_management,
        "client-relationships" => client_relationships,
    )
}

fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_string)
        .collect()
}

/// Moves focus (and the view) to a section heading without touching the URL.
fn go_to(id: &'static str) -> impl Fn(leptos::ev::MouseEvent) + Clone + 'static {
    move |ev| {
        ev.prevent_default();
        browser::focus_element(&format!("{id}-title"));
    }
}

#[component]
pub fn GuidesPage() -> impl IntoView {
    let i18n = use_i18n();
    let print = move |_| {
        let _ = browser::window().print();
    };
    view! {
        <div class="page guides-page">
            <div class="page-head">
                <h1 id="page-heading" tabindex="-1">{t!(i18n, guides_page.title)}</h1>
                <button type="button" class="secondary" on:click=print>{t!(i18n, guides_page.print)}</button>
            </div>
            <p class="lead">{t!(i18n, guides.intro)}</p>
            <p class="hint language-note">{t!(i18n, guides_page.language_note)}</p>
            <nav class="guides-contents" aria-labelledby="guides-contents-heading">
                <h2 id="guides-contents-heading">{t!(i18n, guides_page.contents)}</h2>
                <ul>
                    {move || {
                        let l = i18n.get_locale();
                        let mut entries: Vec<(&'static str, String)> =
                            guides(l).into_iter().map(|g| (g.id, g.title)).collect();
                        entries.push(("guide-topics", td_string!(l, guides.topics.title).to_string()));
                        entries.into_iter().map(|(id, title)| view! {
                            <li><a href=format!("#{id}") on:click=go_to(id)>{title}</a></li>
                        }).collect_view()
                    }}
                </ul>
            </nav>
            {move || guides(i18n.get_locale()).into_iter().map(|guide| view! { <GuideSection guide=guide/> }).collect_view()}
            <TopicIdeas/>
        </div>
    }
}

#[component]
fn GuideSection(guide: Guide) -> impl IntoView {
    let title_id = format!("{}-title", guide.id);
    let items = guide
        .items
        .into_iter()
        .map(|(heading, text)| {
            view! {
                <li>
                    <h3>{heading}</h3>
                    <p>{text}</p>
                    {guide.fill_in.then(|| view! { <div class="write-in" aria-hidden="true"></div> })}
                </li>
            }
        })
        .collect_view();
    let list = if guide.ordered {
        view! { <ol class="guide-items">{items}</ol> }.into_any()
    } else {
        view! { <ul class="guide-items">{items}</ul> }.into_any()
    };
    view! {
        <section class="guide card" id=guide.id aria-labelledby=title_id.clone()>
            <h2 id=title_id.clone() tabindex="-1">{guide.title}</h2>
            <p class="guide-intro">{guide.intro}</p>
            {list}
        </section>
    }
}

/// Ideas per skill, digital skills first, then experience, then the
/// program's own skills with general advice.
#[component]
fn TopicIdeas() -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lang = use_lang();
    let custom = Memo::new(move |_| {
        let lang = lang.get();
        state.workspace.with(|ws| {
            ws.catalogue
                .custom
                .iter()
                .map(|c| ws.catalogue.label(&c.id, lang))
                .collect::<Vec<String>>()
        })
    });
    let group = move |kind: SkillKind| {
        let l = i18n.get_locale();
        let lang = lang.get();
        let title = match kind {
            SkillKind::Digital => td_string!(l, skills.group_digital).to_string(),
            SkillKind::Experience => td_string!(l, skills.group_experience).to_string(),
        };
        let skills = DEFAULT_SKILLS
            .iter()
            .filter(|s| s.kind == kind)
            .filter_map(|s| topics(l, s.id).map(|text| (s.label(lang).to_string(), lines(&text))))
            .map(|(label, ideas)| {
                view! {
                    <div class="topic">
                        <h4>{label}</h4>
                        <ul>{ideas.into_iter().map(|idea| view! { <li>{idea}</li> }).collect_view()}</ul>
                    </div>
                }
            })
            .collect_view();
        view! {
            <h3>{title}</h3>
            <div class="topic-grid">{skills}</div>
        }
    };
    view! {
        <section class="guide card" id="guide-topics" aria-labelledby="guide-topics-title">
            <h2 id="guide-topics-title" tabindex="-1">{t!(i18n, guides.topics.title)}</h2>
            <p class="guide-intro">{t!(i18n, guides.topics.intro)}</p>
            {move || group(SkillKind::Digital)}
            {move || group(SkillKind::Experience)}
            <Show when=move || custom.with(|c| !c.is_empty())>
                <h3>{t!(i18n, guides_page.custom_skills)}</h3>
                <p>{move || custom.get().join(", ")}</p>
                <p class="hint">{t!(i18n, guides_page.custom_hint)}</p>
                <ul>
                    {move || lines(td_string!(i18n.get_locale(), topics.custom))
                        .into_iter()
                        .map(|idea| view! { <li>{idea}</li> })
                        .collect_view()}
                </ul>
            </Show>
        </section>
    }
}

//! Prepared emails (`mailto:`), each in its recipient's language.
//!
//! A composer shows the message's template (the built-in text, or the
//! coordinator's own wording for that language) with its `{placeholders}`,
//! a preview filled in for the recipient, and a link that opens the email
//! app. Editing the template changes this message; "Save as template" keeps
//! the wording for every later message of that kind in that language.
//! Filling and encoding are `domain::sessions::templates`; this module finds
//! the values and words them.

use crate::app::browser;
use crate::app::checkin_form::{copy_text, link_url, locale_of};
use crate::app::components::unique_id;
use crate::app::format;
use crate::app::i18n::*;
use crate::app::lang::domain_lang;
use crate::app::pages::participant_form::{channel_label, day_part_label, weekday_label};
use crate::app::pages::participants::role_label;
use crate::app::state::use_state;
use crate::domain::ids::RoundId;
use crate::domain::matching::PairKey;
use crate::domain::matching::rules::Prepared;
use crate::domain::matching::score::{Departments, evidence};
use crate::domain::sessions::templates::{
    chosen, fill, first_name, mailto, placeholders_used, recipient_lang, save_override,
    unknown_placeholders,
};
use crate::domain::sessions::{SessionStatus, TemplateKind, TemplateOverride};
use crate::domain::skills::Lang;
use crate::domain::validation::limits;
use crate::domain::{Date, ParticipantId, Role, Workspace};
use crate::io::checkin::link_fragment;
use leptos::prelude::*;

/// How many skills a reason names before it gets long.
const REASON_SKILLS: usize = 3;

/// Where the coordinator's signature is remembered: a preference of this
/// browser, like the language, not part of the program's data.
const SIGNATURE_KEY: &str = "inversa.signature";

/// What a message is about, which decides the values of its placeholders.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum About {
    /// To one of the two people of a pair.
    Pair { pair: PairKey, to: ParticipantId },
    /// A person's own link to a check-in round.
    Checkin { round: RoundId, to: ParticipantId },
    /// Asking someone to join the program.
    Invitation { to: ParticipantId },
}

impl About {
    pub fn recipient(&self) -> &ParticipantId {
        match self {
            About::Pair { to, .. } | About::Checkin { to, .. } | About::Invitation { to } => to,
        }
    }
}

pub fn template_label(locale: Locale, kind: TemplateKind) -> String {
    match kind {
        TemplateKind::Invitation => td_string!(locale, templates.invitation.label),
        TemplateKind::MatchAnnouncement => td_string!(locale, templates.match_announcement.label),
        TemplateKind::SessionReminder => td_string!(locale, templates.session_reminder.label),
        TemplateKind::CheckinRequest => td_string!(locale, templates.checkin_request.label),
        TemplateKind::AssessmentRequest => td_string!(locale, templates.assessment_request.label),
        TemplateKind::Nudge => td_string!(locale, templates.nudge.label),
        TemplateKind::ThankYou => td_string!(locale, templates.thank_you.label),
    }
    .to_string()
}

/// The built-in subject and body of `kind` in `locale`, placeholders unfilled.
pub fn default_template(locale: Locale, kind: TemplateKind) -> (String, String) {
    let (subject, body) = match kind {
        TemplateKind::Invitation => (
            td_string!(locale, templates.invitation.subject),
            td_string!(locale, templates.invitation.body),
        ),
        TemplateKind::MatchAnnouncement => (
            td_string!(locale, templates.match_announcement.subject),
            td_string!(locale, templates.match_announcement.body),
        ),
        TemplateKind::SessionReminder => (
            td_string!(locale, templates.session_reminder.subject),
            td_string!(locale, templates.session_reminder.body),
        ),
        TemplateKind::CheckinRequest => (
            td_string!(locale, templates.checkin_request.subject),
            td_string!(locale, templates.checkin_request.body),
        ),
        TemplateKind::AssessmentRequest => (
            td_string!(locale, templates.assessment_request.subject),
            td_string!(locale, templates.assessment_request.body),
        ),
        TemplateKind::Nudge => (
            td_string!(locale, templates.nudge.subject),
            td_string!(locale, templates.nudge.body),
        ),
        TemplateKind::ThankYou => (
            td_string!(locale, templates.thank_you.subject),
            td_string!(locale, templates.thank_you.body),
        ),
    };
    (subject.to_string(), body.to_string())
}

/// The wording a new message of `kind` in `lang` starts from.
fn starting_template(ws: &Workspace, kind: TemplateKind, lang: Lang) -> (String, String) {
    chosen(&ws.sessions, kind, lang)
        .map(|t| (t.subject.clone(), t.body.clone()))
        .unwrap_or_else(|| default_template(locale_of(lang), kind))
}

/// A language's name in the UI language ("Spanish", "spagnolo").
pub fn lang_name(locale: Locale, lang: Lang) -> String {
    match lang {
        Lang::En => td_string!(locale, messages.lang_en),
        Lang::Es => td_string!(locale, messages.lang_es),
        Lang::It => td_string!(locale, messages.lang_it),
    }
    .to_string()
}

fn placeholder_label(locale: Locale, name: &str) -> String {
    match name {
        "name" => td_string!(locale, templates.placeholders.name),
        "partner" => td_string!(locale, templates.placeholders.partner),
        "program" => td_string!(locale, templates.placeholders.program),
        "coordinator" => td_string!(locale, templates.placeholders.coordinator),
        "reasons" => td_string!(locale, templates.placeholders.reasons),
        "first_date" => td_string!(locale, templates.placeholders.first_date),
        "guide" => td_string!(locale, templates.placeholders.guide),
        "link" => td_string!(locale, templates.placeholders.link),
        "date" => td_string!(locale, templates.placeholders.date),
        "organisation" => td_string!(locale, templates.placeholders.organisation),
        _ => return name.to_string(),
    }
    .to_string()
}

/// The next planned session of a pair on or after `today`, as "date at time".
fn next_session(ws: &Workspace, pair: &PairKey, today: Date, locale: Locale) -> Option<String> {
    ws.sessions
        .sessions_of(pair)
        .into_iter()
        .find(|s| s.status == SessionStatus::Planned && s.start.date >= today)
        .map(|s| {
            td_string!(
                locale,
                messages.date_time,
                date = format::date(locale, s.start.date),
                time = s.start.time.to_string()
            )
            .to_string()
        })
}

/// Whether a pair has a planned session ahead, for the reminder button.
pub fn has_upcoming_session(ws: &Workspace, pair: &PairKey, today: Date) -> bool {
    ws.sessions
        .sessions_of(pair)
        .into_iter()
        .any(|s| s.status == SessionStatus::Planned && s.start.date >= today)
}

/// Why the pair was matched, as lines addressed to `to`, from the same
/// evidence the pairing cards show.
fn reasons(ws: &Workspace, pair: &PairKey, to: &ParticipantId, locale: Locale) -> String {
    let lang = domain_lang(locale);
    let prep = Prepared::new(ws);
    let (Some(mentor), Some(mentee)) = (prep.index(&pair.mentor), prep.index(&pair.mentee)) else {
        return td_string!(locale, messages.reason_fallback).to_string();
    };
    let found = evidence(&prep, mentor, mentee);
    let to_mentor = to == &pair.mentor;
    let partner_id = if to_mentor {
        &pair.mentee
    } else {
        &pair.mentor
    };
    let partner = ws
        .participant(partner_id)
        .map(|p| first_name(&p.name).to_string())
        .unwrap_or_default();
    let skills = |list: &[crate::domain::matching::score::SkillMatch]| {
        list.iter()
            .take(REASON_SKILLS)
            .map(|s| ws.catalogue.label(&s.skill, lang))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let mut lines: Vec<String> = Vec::new();
    if !found.teaches.is_empty() {
        let list = skills(&found.teaches);
        lines.push(if to_mentor {
            td_string!(
                locale,
                messages.reason_teaches,
                partner = partner.clone(),
                list = list
            )
            .to_string()
        } else {
            td_string!(
                locale,
                messages.reason_learns,
                partner = partner.clone(),
                list = list
            )
            .to_string()
        });
    }
    if !found.shares_back.is_empty() {
        let list = skills(&found.shares_back);
        lines.push(if to_mentor {
            td_string!(
                locale,
                messages.reason_shares_back,
                partner = partner.clone(),
                list = list
            )
            .to_string()
        } else {
            td_string!(
                locale,
                messages.reason_learns_back,
                partner = partner.clone(),
                list = list
            )
            .to_string()
        });
    }
    if !found.interests.is_empty() {
        let list = found.interests.join(", ");
        lines.push(td_string!(locale, messages.reason_interests, list = list).to_string());
    }
    if !found.channels.is_empty() {
        let list: Vec<String> = found
            .channels
            .iter()
            .map(|c| channel_label(locale, *c))
            .collect();
        lines.push(td_string!(locale, messages.reason_channel, list = list.join(", ")).to_string());
    }
    let slots: Vec<String> = found
        .overlap
        .slots()
        .map(|(day, part)| {
            format!(
                "{} {}",
                weekday_label(locale, day),
                day_part_label(locale, part).to_lowercase()
            )
        })
        .collect();
    if !slots.is_empty() {
        lines.push(
            td_string!(
                locale,
                messages.reason_availability,
                list = slots.join(", ")
            )
            .to_string(),
        );
    }
    if let Departments::Different(a, b) = &found.departments {
        let (a, b) = if to_mentor {
            (a.clone(), b.clone())
        } else {
            (b.clone(), a.clone())
        };
        lines.push(td_string!(locale, messages.reason_departments, a = a, b = b).to_string());
    }
    if lines.is_empty() {
        lines.push(td_string!(locale, messages.reason_fallback).to_string());
    }
    lines
        .into_iter()
        .map(|line| format!("- {line}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn guide_summary(locale: Locale, role: Role) -> String {
    match role {
        Role::ReverseMentor => td_string!(locale, guides.mentor.summary),
        Role::Mentee => td_string!(locale, guides.mentee.summary),
    }
    .to_string()
}

/// The value of every placeholder this message can fill, in `locale`.
/// Placeholders without a value here stay visible in the preview, so nothing
/// goes out half-filled unnoticed.
pub fn values(
    ws: &Workspace,
    about: &About,
    locale: Locale,
    today: Date,
    signature: &str,
) -> Vec<(&'static str, String)> {
    let mut out: Vec<(&'static str, String)> = vec![
        ("program", ws.program.name.trim().to_string()),
        ("organisation", ws.program.organisation.trim().to_string()),
        ("coordinator", signature.trim().to_string()),
    ];
    let Some(person) = ws.participant(about.recipient()) else {
        return out;
    };
    out.push(("name", first_name(&person.name).to_string()));
    out.push(("guide", guide_summary(locale, person.role)));
    match about {
        About::Pair { pair, to } => {
            let partner = if to == &pair.mentor {
                &pair.mentee
            } else {
                &pair.mentor
            };
            if let Some(partner) = ws.participant(partner) {
                out.push(("partner", partner.name.trim().to_string()));
            }
            let when = next_session(ws, pair, today, locale)
                .unwrap_or_else(|| td_string!(locale, messages.to_be_agreed).to_string());
            out.push(("first_date", when.clone()));
            out.push(("date", when));
            out.push(("reasons", reasons(ws, pair, to, locale)));
        }
        About::Checkin { round, to } => {
            let link = ws
                .sessions
                .rounds
                .iter()
                .find(|r| &r.id == round)
                .and_then(|r| {
                    r.invitations
                        .iter()
                        .find(|i| &i.participant == to)
                        .map(|i| link_url(&link_fragment(ws, r, i)))
                });
            if let Some(link) = link {
                out.push(("link", link));
            }
        }
        About::Invitation { .. } => {}
    }
    out
}

fn saved_signature() -> String {
    browser::local_storage()
        .and_then(|s| s.get_item(SIGNATURE_KEY).ok().flatten())
        .unwrap_or_default()
}

fn save_signature(text: &str) {
    if let Some(storage) = browser::local_storage() {
        let _ = storage.set_item(SIGNATURE_KEY, text.trim());
    }
}

/// Edits, previews and opens one message. `on_close` runs on "Close".
#[component]
pub fn EmailComposer(kind: TemplateKind, about: About, on_close: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let recipient = state
        .workspace
        .with_untracked(|ws| ws.participant(about.recipient()).cloned());
    let Some(recipient) = recipient else {
        return ().into_any();
    };
    let today = browser::today();
    let preferred = recipient_lang(&recipient);
    let lang = RwSignal::new(preferred);
    let signature = RwSignal::new(saved_signature());
    let (subject0, body0) = state
        .workspace
        .with_untracked(|ws| starting_template(ws, kind, preferred));
    let subject = RwSignal::new(subject0);
    let body = RwSignal::new(body0);
    let about = StoredValue::new(about);

    let values = Memo::new(move |_| {
        let locale = locale_of(lang.get());
        let signature = signature.get();
        state
            .workspace
            .with(|ws| about.with_value(|a| values(ws, a, locale, today, &signature)))
    });
    let filled_subject = Memo::new(move |_| values.with(|v| fill(&subject.get(), v)));
    let filled_body = Memo::new(move |_| values.with(|v| fill(&body.get(), v)));
    let email = recipient.email.trim().to_string();
    let link = {
        let email = email.clone();
        Memo::new(move |_| mailto(&[email.as_str()], &filled_subject.get(), &filled_body.get()))
    };
    let unknown = Memo::new(move |_| {
        let mut found = unknown_placeholders(&subject.get());
        for name in unknown_placeholders(&body.get()) {
            if !found.contains(&name) {
                found.push(name);
            }
        }
        found
    });
    let own = Memo::new(move |_| {
        let lang = lang.get();
        state
            .workspace
            .with(|ws| chosen(&ws.sessions, kind, lang).is_some())
    });
    let pristine = Memo::new(move |_| {
        let lang = lang.get();
        let default = default_template(locale_of(lang), kind);
        subject.with(|s| s == &default.0) && body.with(|b| b == &default.1)
    });

    let on_lang = move |ev: leptos::ev::Event| {
        let code = event_target_value(&ev);
        let Some(chosen_lang) = crate::app::lang::from_code(&code).map(domain_lang) else {
            return;
        };
        lang.set(chosen_lang);
        let (s, b) = state
            .workspace
            .with_untracked(|ws| starting_template(ws, kind, chosen_lang));
        subject.set(s);
        body.set(b);
    };
    let save = move |_| {
        let lang = lang.get_untracked();
        let edited = TemplateOverride {
            kind,
            lang,
            subject: subject.get_untracked(),
            body: body.get_untracked(),
        };
        let mut outcome = Ok(());
        state.edit(|ws| outcome = save_override(&mut ws.sessions, edited));
        let l = i18n.get_locale_untracked();
        let text = match outcome {
            Ok(()) => td_string!(l, messages.saved, language = lang_name(l, lang)).to_string(),
            Err(_) => td_string!(
                l,
                messages.too_long,
                subject = limits::TEMPLATE_SUBJECT,
                body = limits::TEMPLATE_BODY
            )
            .to_string(),
        };
        state.notify(text);
    };
    let restore = move |_| {
        let lang = lang.get_untracked();
        state.edit(|ws| {
            ws.sessions
                .templates
                .retain(|t| !(t.kind == kind && t.lang == lang));
        });
        let (s, b) = default_template(locale_of(lang), kind);
        subject.set(s);
        body.set(b);
        state.notify(td_string!(i18n.get_locale_untracked(), messages.restored).to_string());
    };
    let copy = move |_| {
        let text = format!(
            "{}\n\n{}",
            filled_subject.get_untracked(),
            filled_body.get_untracked()
        );
        leptos::task::spawn_local(async move {
            let l = i18n.get_locale_untracked();
            if copy_text(&text).await {
                state.notify(td_string!(l, messages.text_copied).to_string());
            } else {
                state.notify(td_string!(l, checkins.copy_failed).to_string());
            }
        });
    };

    let heading_id = unique_id("composer");
    let lang_id = unique_id("message-lang");
    let signature_id = unique_id("signature");
    let subject_id = unique_id("subject");
    let body_id = unique_id("body");
    let placeholders_id = unique_id("placeholders");
    let name = recipient.name.clone();
    let first = first_name(&recipient.name).to_string();
    let has_email = !email.is_empty();
    {
        let heading_id = heading_id.clone();
        request_animation_frame(move || browser::focus_element(&heading_id));
    }

    view! {
        <section class="composer card" aria-labelledby=heading_id.clone()>
            <h4 id=heading_id.clone() tabindex="-1">
                {let name = name.clone(); move || {
                    let l = i18n.get_locale();
                    td_string!(l, messages.composer_heading, message = template_label(l, kind), name = name.clone()).to_string()
                }}
            </h4>
            <p class="composer-to">
                <span class="label">{t!(i18n, messages.to)}": "</span>
                {if has_email { format!("{name} <{email}>") } else { name.clone() }}
            </p>
            {(!has_email).then(|| {
                let name = name.clone();
                view! { <p class="warnings">{move || td_string!(i18n.get_locale(), messages.no_email, name = name.clone()).to_string()}</p> }
            })}
            <div class="grid-2">
                <div class="field">
                    <label for=lang_id.clone()>{t!(i18n, messages.language)}</label>
                    <select id=lang_id.clone() on:change=on_lang aria-describedby=format!("{lang_id}-hint")>
                        {[Lang::En, Lang::Es, Lang::It].into_iter().map(|option| view! {
                            <option value=crate::app::lang::code(locale_of(option)) selected=move || lang.get() == option>
                                {move || lang_name(i18n.get_locale(), option)}
                            </option>
                        }).collect_view()}
                    </select>
                    <p class="hint" id=format!("{lang_id}-hint")>
                        {move || {
                            let l = i18n.get_locale();
                            td_string!(l, messages.preferred, name = first.clone(), language = lang_name(l, preferred)).to_string()
                        }}
                    </p>
                </div>
                <div class="field">
                    <label for=signature_id.clone()>{t!(i18n, messages.signature)}</label>
                    <input
                        id=signature_id.clone()
                        type="text"
                        autocomplete="name"
                        prop:value=move || signature.get()
                        on:input=move |ev| signature.set(event_target_value(&ev))
                        on:change=move |ev| save_signature(&event_target_value(&ev))
                        aria-describedby=format!("{signature_id}-hint")
                    />
                    <p class="hint" id=format!("{signature_id}-hint")>{t!(i18n, messages.signature_hint)}</p>
                </div>
            </div>
            <div class="field">
                <label for=subject_id.clone()>{t!(i18n, messages.subject)}</label>
                <input
                    id=subject_id.clone()
                    type="text"
                    maxlength=limits::TEMPLATE_SUBJECT.to_string()
                    prop:value=move || subject.get()
                    on:input=move |ev| subject.set(event_target_value(&ev))
                    aria-describedby=placeholders_id.clone()
                />
            </div>
            <div class="field">
                <label for=body_id.clone()>{t!(i18n, messages.body)}</label>
                <textarea
                    id=body_id.clone()
                    rows="12"
                    maxlength=limits::TEMPLATE_BODY.to_string()
                    prop:value=move || body.get()
                    on:input=move |ev| body.set(event_target_value(&ev))
                    aria-describedby=placeholders_id.clone()
                ></textarea>
            </div>
            <div class="placeholders" id=placeholders_id.clone()>
                <p class="hint">{t!(i18n, messages.placeholders_hint)}</p>
                <ul class="placeholder-list">
                    {move || {
                        let l = i18n.get_locale();
                        placeholders_used(kind).iter().map(|name| view! {
                            <li><code>{format!("{{{name}}}")}</code>" "{placeholder_label(l, name)}</li>
                        }).collect_view()
                    }}
                </ul>
                <Show when=move || unknown.with(|u| !u.is_empty())>
                    <p class="warnings">
                        {move || {
                            let list = unknown.get().iter().map(|u| format!("{{{u}}}")).collect::<Vec<_>>().join(", ");
                            td_string!(i18n.get_locale(), messages.unknown, list = list).to_string()
                        }}
                    </p>
                </Show>
            </div>
            <p class="hint">
                {move || own.get().then(|| {
                    let l = i18n.get_locale();
                    td_string!(l, messages.custom_note, language = lang_name(l, lang.get())).to_string()
                })}
            </p>
            <div class="actions composer-template-actions">
                <button type="button" class="secondary small" on:click=save>
                    {move || {
                        let l = i18n.get_locale();
                        td_string!(l, messages.save_template, language = lang_name(l, lang.get())).to_string()
                    }}
                </button>
                <button type="button" class="secondary small" on:click=restore disabled=move || !own.get() && pristine.get()>
                    {t!(i18n, messages.restore)}
                </button>
            </div>
            <section class="mail-preview" aria-labelledby=format!("{heading_id}-preview")>
                <h5 id=format!("{heading_id}-preview")>{t!(i18n, messages.preview)}</h5>
                <p class="mail-subject">{move || filled_subject.get()}</p>
                <div class="mail-body">{move || filled_body.get()}</div>
            </section>
            <Show when=move || link.with(|l| l.trimmed)>
                <p class="warnings">{t!(i18n, messages.trimmed)}</p>
            </Show>
            <div class="actions">
                <a class="button-link primary" href=move || link.with(|l| l.url.clone())>{t!(i18n, messages.open_mail)}</a>
                <button type="button" class="secondary" on:click=copy>{t!(i18n, messages.copy_text)}</button>
                <button type="button" class="secondary" on:click=move |_| on_close.run(())>{t!(i18n, messages.close)}</button>
            </div>
        </section>
    }
    .into_any()
}

/// The messages of a pair: announcement, reminder, nudge and thank-you, to
/// either person.
#[component]
pub fn PairEmails(pair: PairKey) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let open = RwSignal::new(None::<(TemplateKind, ParticipantId)>);
    let heading_id = unique_id("pair-emails");
    let upcoming = {
        let pair = pair.clone();
        Memo::new(move |_| {
            let today = state.today.get();
            state
                .workspace
                .with(|ws| has_upcoming_session(ws, &pair, today))
        })
    };
    let people = {
        let pair = pair.clone();
        Memo::new(move |_| {
            state.workspace.with(|ws| {
                [
                    (&pair.mentor, Role::ReverseMentor),
                    (&pair.mentee, Role::Mentee),
                ]
                .into_iter()
                .filter_map(|(id, role)| {
                    ws.participant(id)
                        .map(|p| (id.clone(), p.name.clone(), role))
                })
                .collect::<Vec<_>>()
            })
        })
    };
    const KINDS: [TemplateKind; 4] = [
        TemplateKind::MatchAnnouncement,
        TemplateKind::SessionReminder,
        TemplateKind::Nudge,
        TemplateKind::ThankYou,
    ];
    let composer_pair = pair.clone();
    view! {
        <section class="pair-emails" aria-labelledby=heading_id.clone()>
            <h3 id=heading_id.clone()>{t!(i18n, messages.heading)}</h3>
            <p class="hint">{t!(i18n, messages.intro)}</p>
            <div class="email-groups">
                {move || people.get().into_iter().map(|(id, name, role)| {
                    let group_id = unique_id("email-group");
                    let label_name = name.clone();
                    view! {
                        <div class="email-group" role="group" aria-labelledby=group_id.clone()>
                            <p class="label" id=group_id.clone()>
                                {move || {
                                    let l = i18n.get_locale();
                                    td_string!(l, messages.to_person, name = label_name.clone(), role = role_label(l, role)).to_string()
                                }}
                            </p>
                            <div class="email-buttons">
                                {KINDS.into_iter().map(|kind| {
                                    let (id_open, id_click) = (id.clone(), id.clone());
                                    let is_open = move || open.with(|o| o.as_ref() == Some(&(kind, id_open.clone())));
                                    let blocked = move || kind == TemplateKind::SessionReminder && !upcoming.get();
                                    view! {
                                        <button
                                            type="button"
                                            class="secondary small"
                                            aria-expanded=move || is_open().to_string()
                                            disabled=blocked
                                            on:click=move |_| {
                                                let target = (kind, id_click.clone());
                                                open.update(|o| *o = if o.as_ref() == Some(&target) { None } else { Some(target) });
                                            }
                                        >
                                            {move || template_label(i18n.get_locale(), kind)}
                                        </button>
                                    }
                                }).collect_view()}
                            </div>
                        </div>
                    }
                }).collect_view()}
            </div>
            <Show when=move || !upcoming.get()>
                <p class="hint">{t!(i18n, messages.no_upcoming)}</p>
            </Show>
            {move || open.get().map(|(kind, to)| {
                let about = About::Pair { pair: composer_pair.clone(), to };
                view! { <EmailComposer kind=kind about=about on_close=Callback::new(move |_| open.set(None))/> }
            })}
        </section>
    }
}

/// An invitation to join, for someone on the participants list.
#[component]
pub fn InviteEmail(participant: ParticipantId) -> impl IntoView {
    let i18n = use_i18n();
    let open = RwSignal::new(false);
    let about = About::Invitation { to: participant };
    view! {
        <div class="invite-email">
            <button type="button" class="secondary small" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                {move || template_label(i18n.get_locale(), TemplateKind::Invitation)}
            </button>
            {move || open.get().then(|| view! {
                <EmailComposer kind=TemplateKind::Invitation about=about.clone() on_close=Callback::new(move |_| open.set(false))/>
            })}
        </div>
    }
}

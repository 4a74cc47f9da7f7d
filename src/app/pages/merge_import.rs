//! Merge or replace: what the Data page offers once a program file is read.
//!
//! Replace swaps this browser's program for the file's, as import always
//! did. Merge shows what `domain::merge::compare` finds (per kind of record,
//! then every conflict side by side with a choice each) and stores nothing
//! until "Apply merge", which either stores the validated result or lists
//! every problem and changes nothing.

use crate::app::checkin_form as cf;
use crate::app::components::{ProblemList, unique_id};
use crate::app::format;
use crate::app::i18n::*;
use crate::app::lang::domain_lang;
use crate::app::messages::problem_line;
use crate::app::pages::messages::{lang_name, template_label};
use crate::app::pages::overview::cadence_label;
use crate::app::pages::pairing::criterion_label;
use crate::app::pages::participant_form::{
    channel_label, day_part_label, level_label, priority_label, weekday_label,
};
use crate::app::pages::participants::role_label;
use crate::app::pages::program::rule_title;
use crate::app::pages::sessions::{focus_soon, pair_label, status_label, when};
use crate::app::state::use_state;
use crate::domain::backups::SnapshotReason;
use crate::domain::matching::circles::{Theme, theme};
use crate::domain::matching::{Circle, Criterion, PairKey};
use crate::domain::merge::{
    self, Change, Choice, Choices, Collision, FieldValue, MergePlan, PairRule, RecordKey,
    RecordKind, Resolution,
};
use crate::domain::skills::SkillKind;
use crate::domain::{Availability, GoalId, Lang, ParticipantId, Problem, SkillId, Workspace};
use leptos::prelude::*;

/// Conflicts shown before "Show more conflicts": two copies that share
/// nothing but ids could differ in every record.
const CONFLICTS_PAGE: usize = 50;
/// Problems listed before summarising the rest, as on the Data page.
const SHOWN_PROBLEMS: usize = 200;
const HEADING_ID: &str = "merge-heading";

/// The choice after a valid file is read: "Merge" (review, then apply) or
/// "Replace" (today's import), or cancel. `on_merged` runs once the merged
/// program is stored.
#[component]
pub fn ImportChoice(
    file_name: String,
    theirs: Workspace,
    on_replace: Callback<()>,
    on_cancel: Callback<()>,
    on_merged: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let merging = RwSignal::new(false);
    let theirs = StoredValue::new(theirs);
    let open_merge = move |_| {
        merging.set(true);
        focus_soon(HEADING_ID);
    };
    view! {
        <p>{t!(i18n, merge.choose_text)}</p>
        <div class="actions">
            <button type="button" class="primary" aria-expanded=move || merging.get().to_string() on:click=open_merge>
                {t!(i18n, merge.merge_button)}
            </button>
            <button type="button" class="secondary" on:click=move |_| on_replace.run(())>
                {t!(i18n, merge.replace_button)}
            </button>
            // While merging, Cancel sits next to "Apply merge" instead.
            <Show when=move || !merging.get()>
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>{t!(i18n, common.cancel)}</button>
            </Show>
        </div>
        <Show when=move || merging.get()>
            <MergeReview file_name=file_name.clone() theirs=theirs on_cancel=on_cancel on_merged=on_merged/>
        </Show>
    }
}

/// The plan, the choices and "Apply merge".
#[component]
fn MergeReview(
    file_name: String,
    theirs: StoredValue<Workspace>,
    on_cancel: Callback<()>,
    on_merged: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    // Against the program as it is now, so what is shown is what applies.
    let plan = Memo::new(move |_| {
        state
            .workspace
            .with(|ours| theirs.with_value(|t| merge::compare(ours, t)))
    });
    let choices = RwSignal::new(Choices::new());
    let problems = RwSignal::new(None::<Vec<Problem>>);
    let shown = RwSignal::new(CONFLICTS_PAGE);
    let conflict_count = Memo::new(move |_| plan.with(|p| p.conflicts().count()));
    let file = StoredValue::new(file_name);

    let set_all = move |choice: Choice| {
        choices.set(plan.with_untracked(|p| Choices::all(p, choice)));
        problems.set(None);
    };
    let apply = move |_| {
        let locale = i18n.get_locale_untracked();
        let outcome = state.workspace.with_untracked(|ours| {
            theirs.with_value(|t| {
                plan.with_untracked(|p| choices.with_untracked(|c| merge::apply(ours, t, p, c)))
            })
        });
        match outcome {
            Ok(merged) => {
                let counts = plan.with_untracked(|p| choices.with_untracked(|c| Counts::of(p, c)));
                // Whatever it started from, the result is the coordinator's own program.
                state.replace(merged, false, SnapshotReason::BeforeMerge);
                state.notify(
                    td_string!(
                        locale,
                        merge.applied,
                        name = file.get_value(),
                        added = format::count(locale, counts.added),
                        updated = format::count(locale, counts.updated),
                        conflicts = format::count(locale, counts.conflicts)
                    )
                    .to_string(),
                );
                on_merged.run(());
            }
            Err(found) => problems.set(Some(found)),
        }
    };

    // What the merge would leave, as chosen so far: who ends up with more
    // mentees than they take (allowed, but worth knowing before applying).
    let overload_lines = Memo::new(move |_| {
        let locale = i18n.get_locale();
        state.workspace.with(|ours| {
            theirs.with_value(|t| {
                plan.with(|p| {
                    choices.with(|c| {
                        let Ok(merged) = merge::apply(ours, t, p, c) else {
                            return Vec::new();
                        };
                        merge::new_overloads(ours, &merged)
                            .into_iter()
                            .map(|o| {
                                let name = merged
                                    .participant(&o.mentor)
                                    .map(|p| p.name.clone())
                                    .unwrap_or_default();
                                td_string!(
                                    locale,
                                    merge.overload_line,
                                    name = name,
                                    mentees = format::count(locale, o.mentees),
                                    capacity = format::count(locale, usize::from(o.capacity))
                                )
                                .to_string()
                            })
                            .collect::<Vec<String>>()
                    })
                })
            })
        })
    });

    let problem_heading = Signal::derive(move || {
        let locale = i18n.get_locale();
        let count = problems.with(|p| p.as_ref().map_or(0, Vec::len));
        td_string!(locale, merge.refused, count = format::count(locale, count)).to_string()
    });
    let problem_lines = Signal::derive(move || {
        let locale = i18n.get_locale();
        problems.with(|found| {
            let found = found.as_deref().unwrap_or_default();
            let mut lines: Vec<String> = found
                .iter()
                .take(SHOWN_PROBLEMS)
                .map(|p| problem_line(locale, p))
                .collect();
            if found.len() > SHOWN_PROBLEMS {
                let more = format::count(locale, found.len() - SHOWN_PROBLEMS);
                lines.push(td_string!(locale, data.more_problems, count = more).to_string());
            }
            lines
        })
    });

    view! {
        <section class="merge-review" aria-labelledby=HEADING_ID>
            <h3 id=HEADING_ID tabindex="-1">
                {move || td_string!(i18n.get_locale(), merge.heading, name = file.get_value()).to_string()}
            </h3>
            <p>{t!(i18n, merge.intro)}</p>
            <Show when=move || plan.with(MergePlan::is_identical)>
                <p role="status">{t!(i18n, merge.identical)}</p>
            </Show>
            <SummaryTable plan=plan/>
            <Collisions plan=plan theirs=theirs/>
            <Show when=move || { conflict_count.get() > 0 }>
                <h4>{move || {
                    let l = i18n.get_locale();
                    td_string!(l, merge.conflicts_heading, count = format::count(l, conflict_count.get())).to_string()
                }}</h4>
                <p>{t!(i18n, merge.conflicts_hint)}</p>
                <div class="actions merge-shortcuts">
                    <button type="button" class="secondary small" on:click=move |_| set_all(Choice::Ours)>{t!(i18n, merge.keep_all_ours)}</button>
                    <button type="button" class="secondary small" on:click=move |_| set_all(Choice::Theirs)>{t!(i18n, merge.take_all_theirs)}</button>
                </div>
                <ul class="merge-conflicts">
                    {move || {
                        plan.with(|p| p.conflicts().take(shown.get()).cloned().collect::<Vec<_>>())
                            .into_iter()
                            .map(|change| view! { <li><ConflictCard change=change choices=choices problems=problems theirs=theirs/></li> })
                            .collect_view()
                    }}
                </ul>
                <Show when=move || { conflict_count.get() > shown.get() }>
                    <button type="button" class="secondary" on:click=move |_| shown.update(|n| *n += CONFLICTS_PAGE)>
                        {move || {
                            let l = i18n.get_locale();
                            let left = conflict_count.get().saturating_sub(shown.get());
                            td_string!(l, merge.show_more, count = format::count(l, left)).to_string()
                        }}
                    </button>
                </Show>
            </Show>
            <Show when=move || problems.with(Option::is_some)>
                <ProblemList heading=problem_heading lines=problem_lines/>
            </Show>
            {move || {
                let lines = overload_lines.get();
                (!lines.is_empty()).then(|| view! {
                    <div class="warnings">
                        <p>{t!(i18n, merge.overloads_heading)}</p>
                        <ul>{lines.into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}</ul>
                    </div>
                })
            }}
            <div class="actions">
                <Show when=move || !plan.with(MergePlan::is_identical)>
                    <button type="button" class="primary" on:click=apply>{t!(i18n, merge.apply)}</button>
                </Show>
                <button type="button" class="secondary" on:click=move |_| on_cancel.run(())>{t!(i18n, common.cancel)}</button>
            </div>
        </section>
    }
}

/// What the notice after a merge reports.
struct Counts {
    added: usize,
    /// Records that took something from the file: settled automatically,
    /// or a conflict where the file's version was chosen.
    updated: usize,
    conflicts: usize,
}

impl Counts {
    fn of(plan: &MergePlan, choices: &Choices) -> Counts {
        let taken = plan
            .conflicts()
            .filter(|c| choices.get(&c.key) == Choice::Theirs)
            .count();
        Counts {
            added: plan.kinds.iter().map(|k| k.added.len()).sum(),
            updated: plan.kinds.iter().map(|k| k.safe.len()).sum::<usize>() + taken,
            conflicts: plan.conflicts().count(),
        }
    }
}

/// Counts per kind of record; kinds with nothing in either copy are left out.
#[component]
fn SummaryTable(plan: Memo<MergePlan>) -> impl IntoView {
    let i18n = use_i18n();
    let caption_id = unique_id("merge-summary");
    let rows = move || {
        let l = i18n.get_locale();
        let counted: Vec<(RecordKind, [usize; 5])> = plan.with(|p| {
            p.kinds
                .iter()
                .map(|k| {
                    let counts = [
                        k.added.len(),
                        k.only_ours.len(),
                        k.identical.len(),
                        k.safe.len(),
                        k.conflicts.len(),
                    ];
                    (k.kind, counts)
                })
                .filter(|(_, counts)| counts.iter().any(|&n| n > 0))
                .collect()
        });
        counted
            .into_iter()
            .map(|(kind, counts)| {
                view! {
                    <tr>
                        <th scope="row">{kind_label(l, kind)}</th>
                        {counts.map(|n| view! { <td class="num">{format::count(l, n)}</td> })}
                    </tr>
                }
            })
            .collect_view()
    };
    view! {
        // A heading rather than a caption, so it stays in view when the table scrolls.
        <h4 id=caption_id.clone()>{t!(i18n, merge.summary_caption)}</h4>
        <div class="table-wrap" tabindex="0" role="region" aria-labelledby=caption_id.clone()>
            <table class="merge-summary" aria-labelledby=caption_id.clone()>
                <thead>
                    <tr>
                        <th scope="col">{t!(i18n, merge.col_kind)}</th>
                        <th scope="col" class="num">{t!(i18n, merge.col_added)}</th>
                        <th scope="col" class="num">{t!(i18n, merge.col_only_ours)}</th>
                        <th scope="col" class="num">{t!(i18n, merge.col_identical)}</th>
                        <th scope="col" class="num">{t!(i18n, merge.col_safe)}</th>
                        <th scope="col" class="num">{t!(i18n, merge.col_conflicts)}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <p class="hint">{t!(i18n, merge.summary_hint)}</p>
    }
}

/// People and skills matched by email or name, and emails both sides claim.
#[component]
fn Collisions(plan: Memo<MergePlan>, theirs: StoredValue<Workspace>) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let lines = move || {
        let locale = i18n.get_locale();
        state.workspace.with(|ours| {
            theirs.with_value(|theirs| {
                let names = Names::new(locale, ours, theirs);
                plan.with(|p| {
                    p.collisions
                        .iter()
                        .map(|c| names.collision(c))
                        .collect::<Vec<_>>()
                })
            })
        })
    };
    view! {
        <Show when=move || plan.with(|p| !p.collisions.is_empty())>
            <h4>{t!(i18n, merge.collisions_heading)}</h4>
            <ul class="merge-collisions">
                {move || lines().into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
            </ul>
        </Show>
    }
}

/// One conflicting record: both versions of each differing field, and the
/// choice between them as a radio group named by the record.
#[component]
fn ConflictCard(
    change: Change,
    choices: RwSignal<Choices>,
    problems: RwSignal<Option<Vec<Problem>>>,
    theirs: StoredValue<Workspace>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let group = unique_id("merge-choice");
    let change = StoredValue::new(change);
    let words = move || {
        let locale = i18n.get_locale();
        state.workspace.with(|ours| {
            theirs.with_value(|theirs| {
                let names = Names::new(locale, ours, theirs);
                change.with_value(|c| {
                    let rows: Vec<(String, String, String)> = c
                        .conflicting()
                        .map(|f| {
                            (
                                field_label(locale, f.field),
                                names.value(&f.ours),
                                names.value(&f.theirs),
                            )
                        })
                        .collect();
                    let settled: Vec<String> = c
                        .fields
                        .iter()
                        .filter(|f| f.resolution != Resolution::Conflict)
                        .map(|f| field_label(locale, f.field))
                        .collect();
                    (names.record(&c.key), rows, settled)
                })
            })
        })
    };
    let words = Memo::new(move |_| words());
    let key = change.with_value(|c| c.key.clone());
    let options = [(Choice::Ours, "ours"), (Choice::Theirs, "theirs")];
    view! {
        <fieldset class="merge-conflict">
            <legend>{move || words.with(|w| w.0.clone())}</legend>
            <div class="table-wrap" tabindex="0">
                <table class="merge-fields">
                    <thead>
                        <tr>
                            <th scope="col">{t!(i18n, merge.col_field)}</th>
                            <th scope="col">{t!(i18n, merge.col_ours)}</th>
                            <th scope="col">{t!(i18n, merge.col_theirs)}</th>
                        </tr>
                    </thead>
                    <tbody>
                        {move || words.with(|w| w.1.clone()).into_iter().map(|(field, ours, theirs)| view! {
                            <tr>
                                <th scope="row">{field}</th>
                                <td>{ours}</td>
                                <td>{theirs}</td>
                            </tr>
                        }).collect_view()}
                    </tbody>
                </table>
            </div>
            {move || words.with(|w| {
                (!w.2.is_empty()).then(|| {
                    let fields = w.2.join(", ");
                    view! { <p class="hint">{td_string!(i18n.get_locale(), merge.also_settled, fields = fields).to_string()}</p> }
                })
            })}
            <div class="radio-row">
                {options.map(|(choice, value)| {
                    let key = key.clone();
                    let checked_key = key.clone();
                    view! {
                        <label class="radio">
                            <input type="radio" name=group.clone() value=value
                                prop:checked=move || choices.with(|c| c.get(&checked_key) == choice)
                                on:change=move |_| {
                                    choices.update(|c| c.set(key.clone(), choice));
                                    problems.set(None);
                                }/>
                            <span>{move || match choice {
                                Choice::Ours => t_string!(i18n, merge.keep_ours),
                                Choice::Theirs => t_string!(i18n, merge.take_theirs),
                            }}</span>
                        </label>
                    }
                })}
            </div>
        </fieldset>
    }
}

// ------------------------------------------------------------- wording ----

fn kind_label(locale: Locale, kind: RecordKind) -> String {
    match kind {
        RecordKind::Settings => td_string!(locale, merge.kind.settings),
        RecordKind::Participants => td_string!(locale, merge.kind.participants),
        RecordKind::Skills => td_string!(locale, merge.kind.skills),
        RecordKind::Objectives => td_string!(locale, merge.kind.objectives),
        RecordKind::Pairs => td_string!(locale, merge.kind.pairs),
        RecordKind::PairRules => td_string!(locale, merge.kind.pair_rules),
        RecordKind::Circles => td_string!(locale, merge.kind.circles),
        RecordKind::Agreements => td_string!(locale, merge.kind.agreements),
        RecordKind::Sessions => td_string!(locale, merge.kind.sessions),
        RecordKind::Rounds => td_string!(locale, merge.kind.rounds),
        RecordKind::Responses => td_string!(locale, merge.kind.responses),
        RecordKind::Templates => td_string!(locale, merge.kind.templates),
        RecordKind::Leavers => td_string!(locale, merge.kind.leavers),
    }
    .to_string()
}

/// A field's file-format name in the user's words; a name this page does
/// not know yet is shown as it is rather than hidden.
pub fn field_label(locale: Locale, field: &str) -> String {
    let l = locale;
    match field {
        "program.name" => td_string!(l, merge.field.program_name),
        "program.organisation" => td_string!(l, merge.field.organisation),
        "program.description" => td_string!(l, merge.field.description),
        "program.start_date" => td_string!(l, merge.field.start_date),
        "program.end_date" => td_string!(l, merge.field.end_date),
        "program.cadence" | "cadence" => td_string!(l, merge.field.cadence),
        "program.session_minutes" | "session_minutes" => {
            td_string!(l, merge.field.session_minutes)
        }
        "program.ground_rules.standard" | "ground_rules.standard" => {
            td_string!(l, merge.field.ground_rules)
        }
        "program.ground_rules.custom" | "ground_rules.custom" => {
            td_string!(l, merge.field.own_rules)
        }
        "pairing.weights" => td_string!(l, merge.field.weights),
        "pairing.min_score" => td_string!(l, merge.field.min_score),
        "pairing.circle_size" => td_string!(l, merge.field.circle_size),
        "sessions.settings.time_zone" | "time_zone" => td_string!(l, merge.field.time_zone),
        "sessions.settings.first_checkin_day" => td_string!(l, merge.field.first_checkin_day),
        "sessions.settings.checkin_every_days" => td_string!(l, merge.field.checkin_every_days),
        "sessions.settings.holidays" => td_string!(l, merge.field.holidays),
        "sessions.settings.alerts.no_session_days" => td_string!(l, merge.field.no_session_days),
        "sessions.settings.alerts.low_rating" => td_string!(l, merge.field.low_rating),
        "sessions.settings.alerts.low_mood" => td_string!(l, merge.field.low_mood),
        "impact.certificates.min_sessions_held" => td_string!(l, merge.field.min_sessions_held),
        "impact.certificates.require_post_assessment" => {
            td_string!(l, merge.field.require_post_assessment)
        }
        "impact.certificates.issued_on" => td_string!(l, merge.field.issued_on),
        "impact.certificates.signer_name" => td_string!(l, merge.field.signer_name),
        "impact.certificates.signer_title" => td_string!(l, merge.field.signer_title),
        "impact.report.highlights" => td_string!(l, merge.field.highlights),
        "impact.report.lessons" => td_string!(l, merge.field.lessons),
        "impact.report.next_steps" => td_string!(l, merge.field.next_steps),
        "impact.report.include_comments" => td_string!(l, merge.field.include_comments),
        "name" => td_string!(l, merge.field.name),
        "email" => td_string!(l, merge.field.email),
        "role" => td_string!(l, merge.field.role),
        "department" => td_string!(l, merge.field.department),
        "job_title" => td_string!(l, merge.field.job_title),
        "manager_id" => td_string!(l, merge.field.manager),
        "seniority_years" => td_string!(l, merge.field.seniority_years),
        "grade" => td_string!(l, merge.field.grade),
        "languages" => td_string!(l, merge.field.languages),
        "location" => td_string!(l, merge.field.location),
        "skills_offered" => td_string!(l, merge.field.skills_offered),
        "skills_wanted" => td_string!(l, merge.field.skills_wanted),
        "interests" => td_string!(l, merge.field.interests),
        "channels" => td_string!(l, merge.field.channels),
        "availability" => td_string!(l, merge.field.availability),
        "capacity" => td_string!(l, merge.field.capacity),
        "never_pair_with" => td_string!(l, merge.field.never_pair_with),
        "consent_date" => td_string!(l, merge.field.consent_date),
        "active" => td_string!(l, merge.field.active),
        "notes" => td_string!(l, merge.field.notes),
        "kind" => td_string!(l, merge.field.kind),
        "title" => td_string!(l, merge.field.title),
        "company_goal" => td_string!(l, merge.field.company_goal),
        "owner_department" => td_string!(l, merge.field.owner_department),
        "kpi_name" => td_string!(l, merge.field.kpi_name),
        "unit" => td_string!(l, merge.field.unit),
        "baseline" => td_string!(l, merge.field.baseline),
        "target" => td_string!(l, merge.field.target),
        "current" => td_string!(l, merge.field.current),
        "skills" => td_string!(l, merge.field.skills),
        "mentor_id" => td_string!(l, merge.field.mentor),
        "mentee_id" => td_string!(l, merge.field.mentee),
        "since" => td_string!(l, merge.field.since),
        "state" => td_string!(l, merge.field.rule),
        "member_ids" => td_string!(l, merge.field.members),
        "goals" => td_string!(l, merge.field.goals),
        "channel" => td_string!(l, merge.field.channel),
        "review_dates" => td_string!(l, merge.field.review_dates),
        "agreed_on" => td_string!(l, merge.field.agreed_on),
        "date" => td_string!(l, merge.field.date),
        "time" => td_string!(l, merge.field.time),
        "minutes" => td_string!(l, merge.field.minutes),
        "status" => td_string!(l, merge.field.status),
        "rescheduled_from" => td_string!(l, merge.field.rescheduled_from),
        "topics" => td_string!(l, merge.field.topics),
        "mentor_rating" => td_string!(l, merge.field.mentor_rating),
        "mentee_rating" => td_string!(l, merge.field.mentee_rating),
        "goal_progress" => td_string!(l, merge.field.goal_progress),
        "sequence" => td_string!(l, merge.field.sequence),
        "opens" => td_string!(l, merge.field.opens),
        "closes" => td_string!(l, merge.field.closes),
        "invitations" => td_string!(l, merge.field.invitations),
        "answered_on" => td_string!(l, merge.field.answered_on),
        "answers" => td_string!(l, merge.field.answers),
        "imported_on" => td_string!(l, merge.field.imported_on),
        "subject" => td_string!(l, merge.field.subject),
        "body" => td_string!(l, merge.field.body),
        "left_on" => td_string!(l, merge.field.left_on),
        other => return other.to_string(),
    }
    .to_string()
}

/// Words for ids and values, looked up in both copies: ids in the plan are
/// ours where a person or skill was matched, theirs where only the file has
/// the record.
struct Names<'a> {
    locale: Locale,
    lang: Lang,
    ours: &'a Workspace,
    theirs: &'a Workspace,
}

impl<'a> Names<'a> {
    fn new(locale: Locale, ours: &'a Workspace, theirs: &'a Workspace) -> Names<'a> {
        Names {
            locale,
            lang: domain_lang(locale),
            ours,
            theirs,
        }
    }

    fn person(&self, id: &ParticipantId) -> String {
        self.ours
            .participant(id)
            .or_else(|| self.theirs.participant(id))
            .map_or_else(
                || td_string!(self.locale, sessions.unknown_person).to_string(),
                |p| p.name.clone(),
            )
    }

    fn their_person(&self, id: &ParticipantId) -> String {
        self.theirs
            .participant(id)
            .map_or_else(|| self.person(id), |p| p.name.clone())
    }

    fn skill(&self, id: &SkillId) -> String {
        let catalogue = if self.ours.catalogue.contains(id) {
            &self.ours.catalogue
        } else {
            &self.theirs.catalogue
        };
        catalogue.label(id, self.lang)
    }

    fn pair(&self, key: &PairKey) -> String {
        if self.ours.participant(&key.mentor).is_some()
            && self.ours.participant(&key.mentee).is_some()
        {
            pair_label(self.locale, self.ours, key)
        } else {
            pair_label(self.locale, self.theirs, key)
        }
    }

    fn goal(&self, id: &GoalId) -> String {
        [self.ours, self.theirs]
            .iter()
            .flat_map(|ws| &ws.sessions.agreements)
            .flat_map(|a| &a.goals)
            .find(|g| &g.id == id)
            .map_or_else(|| id.as_str().to_string(), |g| g.text.clone())
    }

    fn circle(&self, theme_text: &str) -> String {
        let circle = Circle {
            theme: theme_text.to_string(),
            members: Vec::new(),
        };
        match theme(self.ours, &circle) {
            Theme::Skill(id) => self.ours.catalogue.label(&id, self.lang),
            Theme::Interest(tag) => tag,
        }
    }

    fn yes_no(&self, flag: bool) -> String {
        if flag {
            td_string!(self.locale, merge.yes).to_string()
        } else {
            td_string!(self.locale, merge.no).to_string()
        }
    }

    fn date(&self, date: crate::domain::Date) -> String {
        format::date(self.locale, date)
    }

    /// The record a conflict is about, for its legend.
    fn record(&self, key: &RecordKey) -> String {
        let l = self.locale;
        match key {
            RecordKey::Settings => td_string!(l, merge.record.settings).to_string(),
            RecordKey::Participant(id) => {
                td_string!(l, merge.record.participant, name = self.person(id)).to_string()
            }
            RecordKey::Skill(id) => {
                td_string!(l, merge.record.skill, name = self.skill(id)).to_string()
            }
            RecordKey::Objective(id) => {
                let title = [self.ours, self.theirs]
                    .iter()
                    .flat_map(|ws| &ws.program.objectives)
                    .find(|o| &o.id == id)
                    .map_or_else(|| id.as_str().to_string(), |o| o.title.clone());
                td_string!(l, merge.record.objective, name = title).to_string()
            }
            RecordKey::Pair(mentee) => {
                td_string!(l, merge.record.pair, name = self.person(mentee)).to_string()
            }
            RecordKey::PairRule(key) => {
                td_string!(l, merge.record.pair_rule, name = self.pair(key)).to_string()
            }
            RecordKey::Circle(theme) => {
                td_string!(l, merge.record.circle, name = self.circle(theme)).to_string()
            }
            RecordKey::Agreement(key) => {
                td_string!(l, merge.record.agreement, name = self.pair(key)).to_string()
            }
            RecordKey::Session(id) => {
                let session = [self.ours, self.theirs]
                    .iter()
                    .flat_map(|ws| &ws.sessions.sessions)
                    .find(|s| &s.id == id);
                match session {
                    Some(s) => td_string!(
                        l,
                        merge.record.session,
                        name = self.pair(&s.pair),
                        date = self.date(s.start.date)
                    )
                    .to_string(),
                    None => id.as_str().to_string(),
                }
            }
            RecordKey::Round(id) => self.round(id),
            RecordKey::Response { round, participant } => td_string!(
                l,
                merge.record.response,
                name = self.person(participant),
                round = self.round(round)
            )
            .to_string(),
            RecordKey::Template { kind, lang } => td_string!(
                l,
                merge.record.template,
                name = template_label(l, *kind),
                lang = lang_name(l, *lang)
            )
            .to_string(),
            RecordKey::Leaver(id) => {
                td_string!(l, merge.record.leaver, name = self.person(id)).to_string()
            }
        }
    }

    fn round(&self, id: &crate::domain::RoundId) -> String {
        [self.ours, self.theirs]
            .iter()
            .flat_map(|ws| &ws.sessions.rounds)
            .find(|r| &r.id == id)
            .map_or_else(
                || id.as_str().to_string(),
                |r| {
                    td_string!(
                        self.locale,
                        merge.record.round,
                        kind = cf::kind_label(self.locale, r.kind),
                        date = self.date(r.opens)
                    )
                    .to_string()
                },
            )
    }

    fn collision(&self, collision: &Collision) -> String {
        let l = self.locale;
        match collision {
            Collision::SameEmail { email, ours, .. } => td_string!(
                l,
                merge.collision.same_email,
                name = self.person(ours),
                email = email
            )
            .to_string(),
            Collision::SameIdDifferentEmail { id, ours, theirs } => td_string!(
                l,
                merge.collision.same_id_different_email,
                name = self.person(id),
                ours = ours,
                theirs = theirs
            )
            .to_string(),
            Collision::EmailTaken {
                email,
                ours,
                theirs,
            } => td_string!(
                l,
                merge.collision.email_taken,
                theirs = self.their_person(theirs),
                email = email,
                ours = self.person(ours)
            )
            .to_string(),
            Collision::SameSkillName { name, .. } => {
                td_string!(l, merge.collision.same_skill_name, name = name).to_string()
            }
        }
    }

    /// One side's value in words. Secrets (check-in tokens) are never shown.
    fn value(&self, value: &FieldValue) -> String {
        let l = self.locale;
        let list = |items: Vec<String>, separator: &str| {
            if items.is_empty() {
                td_string!(l, merge.empty).to_string()
            } else {
                items.join(separator)
            }
        };
        match value {
            FieldValue::Empty => td_string!(l, merge.empty).to_string(),
            FieldValue::Text(text) => text.clone(),
            FieldValue::Texts(texts) => list(texts.clone(), "\n"),
            FieldValue::Whole(n) => format::number(l, f64::from(*n), 0),
            FieldValue::Number(n) => format::number(l, *n, 2),
            FieldValue::Flag(flag) => self.yes_no(*flag),
            FieldValue::Date(date) => self.date(*date),
            FieldValue::Dates(dates) => list(dates.iter().map(|d| self.date(*d)).collect(), ", "),
            FieldValue::Time(time) => time.to_string(),
            FieldValue::DateTime(at) => when(l, *at),
            FieldValue::Person(id) => self.person(id),
            FieldValue::People(ids) => list(ids.iter().map(|id| self.person(id)).collect(), ", "),
            FieldValue::Skills(ids) => list(ids.iter().map(|id| self.skill(id)).collect(), ", "),
            FieldValue::Offered(skills) => list(
                skills
                    .iter()
                    .map(|s| format!("{} ({})", self.skill(&s.skill), level_label(l, s.level)))
                    .collect(),
                "\n",
            ),
            FieldValue::Wanted(skills) => list(
                skills
                    .iter()
                    .map(|s| {
                        format!(
                            "{} ({})",
                            self.skill(&s.skill),
                            priority_label(l, s.priority)
                        )
                    })
                    .collect(),
                "\n",
            ),
            FieldValue::Role(role) => role_label(l, *role),
            FieldValue::Cadence(cadence) => cadence_label(l, *cadence),
            FieldValue::Channel(channel) => channel_label(l, *channel),
            FieldValue::Channels(channels) => list(
                channels.iter().map(|c| channel_label(l, *c)).collect(),
                ", ",
            ),
            FieldValue::Availability(availability) => list(self.slots(*availability), "\n"),
            FieldValue::Rules(rules) => {
                list(rules.iter().map(|r| rule_title(l, *r)).collect(), "\n")
            }
            FieldValue::Weights(weights) => Criterion::ALL
                .iter()
                .map(|c| format!("{}: {}", criterion_label(l, *c), weights.get(*c)))
                .collect::<Vec<_>>()
                .join("\n"),
            FieldValue::Status(status) => status_label(l, *status),
            FieldValue::RoundKind(kind) => cf::kind_label(l, *kind),
            FieldValue::SkillKind(SkillKind::Digital) => {
                td_string!(l, skills.kind_digital).to_string()
            }
            FieldValue::SkillKind(SkillKind::Experience) => {
                td_string!(l, skills.kind_experience).to_string()
            }
            FieldValue::PairRule(PairRule::Locked) => td_string!(l, merge.locked).to_string(),
            FieldValue::PairRule(PairRule::Forbidden) => td_string!(l, merge.forbidden).to_string(),
            FieldValue::Goals(goals) => list(
                goals
                    .iter()
                    .map(|g| {
                        format!(
                            "{} ({})",
                            g.text,
                            format::percent(l, f64::from(g.progress) / 100.0)
                        )
                    })
                    .collect(),
                "\n",
            ),
            FieldValue::GoalProgress(progress) => list(
                progress
                    .iter()
                    .map(|p| {
                        format!(
                            "{}: {}",
                            self.goal(&p.goal),
                            format::percent(l, f64::from(p.percent) / 100.0)
                        )
                    })
                    .collect(),
                "\n",
            ),
            FieldValue::Answers(answers) => {
                let skill = |id: &SkillId| self.skill(id);
                list(
                    answers
                        .iter()
                        .map(|a| {
                            format!(
                                "{}: {}",
                                cf::short_label(l, &a.question, &skill),
                                cf::answer_text(l, &a.question, &a.value)
                            )
                        })
                        .collect(),
                    "\n",
                )
            }
            FieldValue::Secret => td_string!(l, merge.secret).to_string(),
        }
    }

    /// "Mon: Morning, Afternoon", one line per day.
    fn slots(&self, availability: Availability) -> Vec<String> {
        let mut days: Vec<(crate::domain::Weekday, Vec<String>)> = Vec::new();
        for (day, part) in availability.slots() {
            let part = day_part_label(self.locale, part);
            match days.last_mut() {
                Some((last, parts)) if *last == day => parts.push(part),
                _ => days.push((day, vec![part])),
            }
        }
        days.into_iter()
            .map(|(day, parts)| {
                format!("{}: {}", weekday_label(self.locale, day), parts.join(", "))
            })
            .collect()
    }
}

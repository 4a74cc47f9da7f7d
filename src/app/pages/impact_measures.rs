//! The Impact page's figures in words and charts: the participation funnel
//! and Kirkpatrick's four levels. The numbers come from `domain::impact`
//! (where each is defined); this module only words and draws them, on screen
//! and in the printed report alike.

use super::participants::role_label;
use crate::app::charts::{
    Bar, BarChart, ChartFigure, ChartTable, Dumbbell, DumbbellChart, Point, TrendChart,
};
use crate::app::format;
use crate::app::i18n::*;
use crate::app::lang::domain_lang;
use crate::app::state::use_state;
use crate::domain::impact::{
    Funnel, GoalCompletion, Impact, Level, LevelMeasures, Measure, ObjectiveKpi, OfferedRating,
    Practice, RoleRetention, RoundMood, ScaleSummary, Shown, SkillGain, SurveyQuestion,
    SurveyResult, levels,
};
use crate::domain::sessions::GoalDirection;
use crate::domain::{Program, Role, Workspace};
use leptos::prelude::*;

/// "4.2 / 5" for a 1–5 summary.
fn out_of_five(l: Locale, summary: &ScaleSummary) -> String {
    td_string!(
        l,
        impact.out_of_five,
        value = format::number(l, summary.mean(), 1)
    )
    .to_string()
}

fn too_few(l: Locale) -> String {
    td_string!(l, charts.too_few).to_string()
}

fn people_count(l: Locale, people: usize) -> String {
    td_string!(l, impact.people_n, count = format::count(l, people)).to_string()
}

/// A 1–5 average as a bar (full bar = 5), withheld when the group is small.
fn scale_bar(l: Locale, label: String, shown: &Shown<ScaleSummary>) -> Bar {
    match shown.value() {
        Some(summary) if summary.answers > 0 => Bar {
            label,
            value: Some(summary.mean()),
            shown: format!(
                "{} · {}",
                out_of_five(l, summary),
                people_count(l, shown.people())
            ),
        },
        Some(_) => Bar {
            label,
            value: None,
            shown: td_string!(l, impact.no_answers).to_string(),
        },
        None => Bar {
            label,
            value: None,
            shown: too_few(l),
        },
    }
}

fn bars_table(l: Locale, first: String, bars: &[Bar]) -> ChartTable {
    ChartTable {
        headers: vec![first, td_string!(l, impact.value).to_string()],
        rows: bars
            .iter()
            .map(|b| vec![b.label.clone(), b.shown.clone()])
            .collect(),
    }
}

fn level_title(l: Locale, level: Level) -> String {
    match level {
        Level::Reaction => td_string!(l, impact.level_reaction),
        Level::Learning => td_string!(l, impact.level_learning),
        Level::Behaviour => td_string!(l, impact.level_behaviour),
        Level::Results => td_string!(l, impact.level_results),
    }
    .to_string()
}

fn level_question(l: Locale, level: Level) -> String {
    match level {
        Level::Reaction => td_string!(l, impact.level_reaction_question),
        Level::Learning => td_string!(l, impact.level_learning_question),
        Level::Behaviour => td_string!(l, impact.level_behaviour_question),
        Level::Results => td_string!(l, impact.level_results_question),
    }
    .to_string()
}

fn survey_label(l: Locale, question: SurveyQuestion) -> String {
    match question {
        SurveyQuestion::Satisfaction => td_string!(l, impact.survey_satisfaction),
        SurveyQuestion::Applied => td_string!(l, impact.survey_applied),
        SurveyQuestion::Recommend => td_string!(l, impact.survey_recommend),
    }
    .to_string()
}

fn direction_title(l: Locale, direction: GoalDirection) -> String {
    match direction {
        GoalDirection::MenteeLearns => td_string!(l, impact.gains_mentees),
        GoalDirection::MentorLearns => td_string!(l, impact.gains_mentors),
    }
    .to_string()
}

fn ratings_label(l: Locale, by: Role) -> String {
    match by {
        Role::ReverseMentor => td_string!(l, impact.ratings_by_mentors),
        Role::Mentee => td_string!(l, impact.ratings_by_mentees),
    }
    .to_string()
}

/// The participation funnel: invited → matched → active → completed, and
/// how many dropped out.
#[component]
pub fn FunnelView(funnel: Shown<Funnel>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        let l = i18n.get_locale();
        let Some(f) = funnel.value() else {
            return view! { <p class="withheld-note">{too_few(l)}</p> }.into_any();
        };
        let stage = |label: String, value: usize| Bar {
            label,
            value: Some(value as f64),
            shown: format::count(l, value),
        };
        let bars = vec![
            stage(td_string!(l, impact.funnel_invited).to_string(), f.invited),
            stage(td_string!(l, impact.funnel_matched).to_string(), f.matched),
            stage(td_string!(l, impact.funnel_active).to_string(), f.active),
            stage(
                td_string!(l, impact.funnel_completed).to_string(),
                f.completed,
            ),
            stage(td_string!(l, impact.funnel_dropped).to_string(), f.dropped),
        ];
        let summary = td_string!(
            l,
            impact.funnel_summary,
            invited = format::count(l, f.invited),
            matched = format::count(l, f.matched),
            active = format::count(l, f.active),
            completed = format::count(l, f.completed),
            dropped = format::count(l, f.dropped)
        )
        .to_string();
        let table = bars_table(l, td_string!(l, impact.stage).to_string(), &bars);
        let max = f.invited.max(1) as f64;
        view! {
            <ChartFigure caption=td_string!(l, impact.funnel_title).to_string() table=table>
                <BarChart summary=summary bars=bars max=max funnel=true/>
                <p class="chart-foot">{td_string!(l, impact.funnel_note).to_string()}</p>
            </ChartFigure>
        }
        .into_any()
    }
}

/// The four levels, each with its question and measures. `in_report` keeps
/// the printed report's heading ids apart from the page's, as both are in
/// the document while printing.
#[component]
pub fn LevelsView(impact: Impact, #[prop(optional)] in_report: bool) -> impl IntoView {
    let i18n = use_i18n();
    let state = use_state();
    let all = levels(&impact);
    let prefix = if in_report {
        "report-level"
    } else {
        "impact-level"
    };
    // Only what the charts name (skills, objectives) is tracked, so an edit
    // elsewhere (notes, a session) does not redraw every chart.
    let names = Memo::new(move |_| {
        state.workspace.with(|ws| Workspace {
            catalogue: ws.catalogue.clone(),
            program: Program {
                objectives: ws.program.objectives.clone(),
                ..Program::default()
            },
            ..Workspace::default()
        })
    });
    move || {
        let l = i18n.get_locale();
        names.with(|ws| {
            all.iter()
                .enumerate()
                .map(|(i, level)| level_view(l, ws, format!("{prefix}-{}", i + 1), i + 1, level))
                .collect_view()
        })
    }
}

fn level_view(
    l: Locale,
    ws: &Workspace,
    id: String,
    number: usize,
    level: &LevelMeasures,
) -> AnyView {
    let title = td_string!(
        l,
        impact.level_heading,
        number = number,
        title = level_title(l, level.level)
    )
    .to_string();
    view! {
        <section class="impact-level" aria-labelledby=id.clone()>
            <h2 id=id.clone()>{title}</h2>
            <p class="level-question">{level_question(l, level.level)}</p>
            {measures_view(l, ws, &level.measures)}
        </section>
    }
    .into_any()
}

/// Scores on the same 1–5 scale (ratings, survey answers, "how is it going")
/// share one chart; every other measure draws its own.
fn measures_view(l: Locale, ws: &Workspace, measures: &[Measure]) -> AnyView {
    let mut scores: Vec<Bar> = Vec::new();
    let mut others: Vec<AnyView> = Vec::new();
    for measure in measures {
        match measure {
            Measure::SessionRatings(side) => {
                scores.push(scale_bar(l, ratings_label(l, side.by), &side.ratings))
            }
            Measure::Survey(SurveyResult { question, answers }) => {
                scores.push(scale_bar(l, survey_label(l, *question), answers))
            }
            Measure::CheckinGoing(going) => scores.push(scale_bar(
                l,
                td_string!(l, impact.checkin_going).to_string(),
                going,
            )),
            Measure::MoodTrend(rounds) => others.push(mood_view(l, rounds)),
            Measure::SkillGains { direction, gains } => {
                others.push(gains_view(l, ws, *direction, gains))
            }
            Measure::OfferedSkills(ratings) => others.push(offered_view(l, ws, ratings)),
            Measure::Goals(goals) => others.push(goals_view(l, goals)),
            Measure::Practice(practice) => others.push(practice_view(l, practice)),
            Measure::Objectives(list) => others.push(objectives_view(l, ws, list)),
            Measure::Retention(list) => others.push(retention_view(l, list)),
        }
    }
    let scores = (!scores.is_empty()).then(|| {
        let table = bars_table(l, td_string!(l, impact.measure).to_string(), &scores);
        let summary = scores
            .iter()
            .map(|b| format!("{}: {}", b.label, b.shown))
            .collect::<Vec<_>>()
            .join("; ");
        view! {
            <ChartFigure caption=td_string!(l, impact.scores_title).to_string() table=table>
                <BarChart summary=summary bars=scores max=5.0/>
            </ChartFigure>
        }
    });
    view! { {scores} {others} }.into_any()
}

fn mood_view(l: Locale, rounds: &[RoundMood]) -> AnyView {
    let title = td_string!(l, impact.mood_title).to_string();
    if rounds.is_empty() {
        return view! {
            <div class="measure-empty"><h3>{title}</h3><p>{td_string!(l, impact.mood_none).to_string()}</p></div>
        }
        .into_any();
    }
    let points: Vec<Point> = rounds
        .iter()
        .map(|r| {
            let label = format::date(l, r.opens);
            match r.mood.value() {
                Some(s) if s.answers > 0 => Point {
                    label,
                    value: Some(s.mean()),
                    shown: format::number(l, s.mean(), 1),
                },
                Some(_) => Point {
                    label,
                    value: None,
                    shown: td_string!(l, impact.no_answers).to_string(),
                },
                None => Point {
                    label,
                    value: None,
                    shown: too_few(l),
                },
            }
        })
        .collect();
    let table = ChartTable {
        headers: vec![
            td_string!(l, impact.round_opened).to_string(),
            td_string!(l, impact.mood_mean).to_string(),
            td_string!(l, impact.people).to_string(),
        ],
        rows: rounds
            .iter()
            .zip(&points)
            .map(|(r, p)| {
                vec![
                    p.label.clone(),
                    p.shown.clone(),
                    format::count(l, r.mood.people()),
                ]
            })
            .collect(),
    };
    let summary = points
        .iter()
        .map(|p| format!("{}: {}", p.label, p.shown))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <ChartFigure caption=title table=table>
            <TrendChart summary=td_string!(l, impact.mood_summary, points = summary).to_string() points=points low=1.0 high=5.0/>
        </ChartFigure>
    }
    .into_any()
}

/// Skills whose figures are withheld, named in one line under a chart
/// instead of one empty row each.
fn withheld_note(l: Locale, names: &[String]) -> Option<AnyView> {
    (!names.is_empty()).then(|| {
        view! {
            <p class="chart-foot withheld-note">
                {td_string!(l, impact.withheld_list, list = names.join(", ")).to_string()}
            </p>
        }
        .into_any()
    })
}

fn gains_view(l: Locale, ws: &Workspace, direction: GoalDirection, gains: &[SkillGain]) -> AnyView {
    let lang = domain_lang(l);
    let title = direction_title(l, direction);
    // People who answered once are named, not dropped silently.
    let pre_only: usize = gains.iter().map(|g| g.pre_only).sum();
    let post_only: usize = gains.iter().map(|g| g.post_only).sum();
    let once = (pre_only + post_only > 0).then(|| {
        view! {
            <p class="chart-foot">
                {td_string!(l, impact.answered_once, before = format::count(l, pre_only), after = format::count(l, post_only)).to_string()}
            </p>
        }
    });
    let mut shown: Vec<(&SkillGain, String)> = Vec::new();
    let mut withheld: Vec<String> = Vec::new();
    for gain in gains {
        let label = ws.catalogue.label(&gain.skill, lang);
        if gain.gains.value().is_some() {
            shown.push((gain, label));
        } else {
            withheld.push(label);
        }
    }
    // The skills most people answered come first.
    shown.sort_by_key(|(g, _)| std::cmp::Reverse(g.gains.people()));
    if shown.is_empty() {
        let text = if gains.is_empty() {
            td_string!(l, impact.gains_none).to_string()
        } else {
            td_string!(l, impact.gains_all_withheld).to_string()
        };
        return view! {
            <div class="measure-empty">
                <h3>{title}</h3>
                <p>{text}</p>
                {withheld_note(l, &withheld)}
                {once}
            </div>
        }
        .into_any();
    }
    let rows: Vec<Dumbbell> = shown
        .iter()
        .filter_map(|(g, label)| {
            let stats = g.gains.value()?;
            let gain = stats.mean_gain();
            let sign = if gain > 0.0 { "+" } else { "" };
            Some(Dumbbell {
                label: label.clone(),
                before: Some(stats.mean_pre()),
                after: Some(stats.mean_post()),
                shown: td_string!(
                    l,
                    impact.gain_shown,
                    before = format::number(l, stats.mean_pre(), 1),
                    after = format::number(l, stats.mean_post(), 1),
                    gain = format!("{sign}{}", format::number(l, gain, 1)),
                    people = format::count(l, stats.people)
                )
                .to_string(),
            })
        })
        .collect();
    let table = ChartTable {
        headers: vec![
            td_string!(l, impact.skill).to_string(),
            td_string!(l, charts.before).to_string(),
            td_string!(l, charts.after).to_string(),
            td_string!(l, impact.gain).to_string(),
            td_string!(l, impact.people_both).to_string(),
            td_string!(l, impact.only_before).to_string(),
            td_string!(l, impact.only_after).to_string(),
        ],
        rows: shown
            .iter()
            .map(|(g, label)| (*g, label.clone()))
            .chain(
                gains
                    .iter()
                    .filter(|g| g.gains.is_withheld())
                    .map(|g| (g, ws.catalogue.label(&g.skill, lang))),
            )
            .map(|(g, label)| {
                let (before, after, gain) = match g.gains.value() {
                    Some(s) => (
                        format::number(l, s.mean_pre(), 1),
                        format::number(l, s.mean_post(), 1),
                        format::number(l, s.mean_gain(), 1),
                    ),
                    None => (too_few(l), String::new(), String::new()),
                };
                vec![
                    label,
                    before,
                    after,
                    gain,
                    format::count(l, g.gains.people()),
                    format::count(l, g.pre_only),
                    format::count(l, g.post_only),
                ]
            })
            .collect(),
    };
    let summary = rows
        .iter()
        .map(|r| format!("{}: {}", r.label, r.shown))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <ChartFigure caption=title table=table>
            <DumbbellChart
                summary=summary
                rows=rows
                before_label=td_string!(l, charts.before).to_string()
                after_label=td_string!(l, charts.after).to_string()
                low=1.0
                high=5.0
            />
            {withheld_note(l, &withheld)}
            {once}
        </ChartFigure>
    }
    .into_any()
}

fn offered_view(l: Locale, ws: &Workspace, ratings: &[OfferedRating]) -> AnyView {
    if ratings.is_empty() {
        return ().into_any();
    }
    let lang = domain_lang(l);
    let mean =
        |s: &Shown<ScaleSummary>| s.value().filter(|v| v.answers > 0).map(ScaleSummary::mean);
    let word = |v: Option<f64>| v.map_or_else(|| "–".to_string(), |v| format::number(l, v, 1));
    let mut rows: Vec<(Dumbbell, usize)> = Vec::new();
    let mut withheld: Vec<String> = Vec::new();
    for r in ratings {
        let label = format!(
            "{} ({})",
            ws.catalogue.label(&r.skill, lang),
            role_label(l, r.role)
        );
        let (before, after) = (mean(&r.pre), mean(&r.post));
        if before.is_none() && after.is_none() {
            withheld.push(label);
            continue;
        }
        let people = r.pre.people().max(r.post.people());
        rows.push((
            Dumbbell {
                label,
                before,
                after,
                shown: format!("{} → {}", word(before), word(after)),
            },
            people,
        ));
    }
    rows.sort_by_key(|(_, people)| std::cmp::Reverse(*people));
    let title = td_string!(l, impact.offered_title).to_string();
    if rows.is_empty() {
        return view! {
            <div class="measure-empty">
                <h3>{title}</h3>
                <p>{td_string!(l, impact.gains_all_withheld).to_string()}</p>
                {withheld_note(l, &withheld)}
            </div>
        }
        .into_any();
    }
    let rows: Vec<Dumbbell> = rows.into_iter().map(|(row, _)| row).collect();
    let table = ChartTable {
        headers: vec![
            td_string!(l, impact.skill).to_string(),
            td_string!(l, charts.before).to_string(),
            td_string!(l, charts.after).to_string(),
        ],
        rows: rows
            .iter()
            .map(|r| vec![r.label.clone(), word(r.before), word(r.after)])
            .collect(),
    };
    let summary = rows
        .iter()
        .map(|r| format!("{}: {}", r.label, r.shown))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <ChartFigure caption=title table=table>
            <DumbbellChart
                summary=summary
                rows=rows
                before_label=td_string!(l, charts.before).to_string()
                after_label=td_string!(l, charts.after).to_string()
                low=1.0
                high=5.0
            />
            {withheld_note(l, &withheld)}
            <p class="chart-foot">{td_string!(l, impact.offered_note).to_string()}</p>
        </ChartFigure>
    }
    .into_any()
}

fn goals_view(l: Locale, goals: &GoalCompletion) -> AnyView {
    let title = match goals.direction {
        GoalDirection::MenteeLearns => td_string!(l, impact.goals_mentees),
        GoalDirection::MentorLearns => td_string!(l, impact.goals_mentors),
    }
    .to_string();
    let bars = match goals.goals.value() {
        Some(stats) if stats.goals > 0 => vec![
            Bar {
                label: td_string!(l, impact.goals_completed).to_string(),
                value: Some(stats.completed as f64 / stats.goals as f64),
                shown: td_string!(
                    l,
                    impact.goals_completed_shown,
                    done = format::count(l, stats.completed),
                    total = format::count(l, stats.goals),
                    share = format::percent(l, stats.completed as f64 / stats.goals as f64)
                )
                .to_string(),
            },
            Bar {
                label: td_string!(l, impact.goals_mean_progress).to_string(),
                value: Some(stats.mean_percent() / 100.0),
                shown: format::percent(l, stats.mean_percent() / 100.0),
            },
        ],
        Some(_) => {
            return view! {
                <div class="measure-empty"><h3>{title}</h3><p>{td_string!(l, impact.goals_none).to_string()}</p></div>
            }
            .into_any();
        }
        None => vec![Bar {
            label: td_string!(l, impact.goals_completed).to_string(),
            value: None,
            shown: too_few(l),
        }],
    };
    let table = bars_table(l, td_string!(l, impact.measure).to_string(), &bars);
    let summary = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.shown))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <ChartFigure caption=title table=table>
            <BarChart summary=summary bars=bars max=1.0/>
        </ChartFigure>
    }
    .into_any()
}

fn practice_view(l: Locale, practice: &Shown<Practice>) -> AnyView {
    let title = td_string!(l, impact.practice_title).to_string();
    let Some(p) = practice.value() else {
        return view! {
            <div class="measure-empty"><h3>{title}</h3><p class="withheld-note">{too_few(l)}</p></div>
        }
        .into_any();
    };
    let row = |label: String, value: usize| Bar {
        label,
        value: Some(value as f64),
        shown: format::count(l, value),
    };
    let bars = vec![
        row(td_string!(l, impact.practice_held).to_string(), p.held),
        row(
            td_string!(l, impact.practice_cancelled).to_string(),
            p.cancelled,
        ),
        row(
            td_string!(l, impact.practice_unlogged).to_string(),
            p.unlogged,
        ),
        row(
            td_string!(l, impact.practice_upcoming).to_string(),
            p.upcoming,
        ),
    ];
    let foot = match p.held_share() {
        Some(share) => td_string!(
            l,
            impact.practice_foot,
            share = format::percent(l, share),
            hours = format::number(l, p.hours(), 1)
        )
        .to_string(),
        None => td_string!(l, impact.practice_none).to_string(),
    };
    let table = bars_table(l, td_string!(l, impact.status).to_string(), &bars);
    let summary = format!(
        "{}; {}",
        bars.iter()
            .map(|b| format!("{}: {}", b.label, b.shown))
            .collect::<Vec<_>>()
            .join("; "),
        foot
    );
    let max = p.scheduled().max(1) as f64;
    view! {
        <ChartFigure caption=title table=table>
            <BarChart summary=summary bars=bars max=max/>
            <p class="chart-foot">{foot}</p>
        </ChartFigure>
    }
    .into_any()
}

fn objectives_view(l: Locale, ws: &Workspace, list: &[ObjectiveKpi]) -> AnyView {
    let title = td_string!(l, impact.objectives_title).to_string();
    if list.is_empty() {
        return view! {
            <div class="measure-empty"><h3>{title}</h3><p>{td_string!(l, impact.objectives_none).to_string()}</p></div>
        }
        .into_any();
    }
    let bars: Vec<Bar> = list
        .iter()
        .map(|kpi| {
            let objective = ws.program.objectives.iter().find(|o| o.id == kpi.objective);
            let (name, kpi_name, unit) = objective.map_or_else(
                || (String::new(), String::new(), String::new()),
                |o| (o.title.clone(), o.kpi_name.clone(), o.unit.clone()),
            );
            let label = if kpi_name.trim().is_empty() {
                name
            } else {
                format!("{name} ({kpi_name})")
            };
            let value = |v: f64| {
                format!("{} {}", format::number(l, v, 2), unit)
                    .trim()
                    .to_string()
            };
            let shown = match (kpi.current, kpi.progress) {
                (Some(current), Some(progress)) => td_string!(
                    l,
                    impact.kpi_shown,
                    baseline = value(kpi.baseline),
                    current = value(current),
                    target = value(kpi.target),
                    share = format::percent(l, progress)
                )
                .to_string(),
                (Some(current), None) => td_string!(
                    l,
                    impact.kpi_shown_no_share,
                    baseline = value(kpi.baseline),
                    current = value(current),
                    target = value(kpi.target)
                )
                .to_string(),
                (None, _) => td_string!(
                    l,
                    impact.kpi_not_measured,
                    baseline = value(kpi.baseline),
                    target = value(kpi.target)
                )
                .to_string(),
            };
            Bar {
                label,
                value: kpi.progress,
                shown,
            }
        })
        .collect();
    let table = bars_table(l, td_string!(l, impact.objective).to_string(), &bars);
    let summary = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.shown))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <ChartFigure caption=title table=table>
            <BarChart summary=summary bars=bars max=1.0/>
            <p class="chart-foot">{td_string!(l, impact.objectives_note).to_string()}</p>
        </ChartFigure>
    }
    .into_any()
}

fn retention_view(l: Locale, list: &[RoleRetention]) -> AnyView {
    let title = td_string!(l, impact.retention_title).to_string();
    let bars: Vec<Bar> = list
        .iter()
        .map(|r| {
            let label = role_label(l, r.role);
            match r.retention.value() {
                Some(ret) if ret.matched > 0 => Bar {
                    label,
                    value: Some(ret.retained_share()),
                    shown: td_string!(
                        l,
                        impact.retention_shown,
                        share = format::percent(l, ret.retained_share()),
                        left = format::count(l, ret.left),
                        matched = format::count(l, ret.matched)
                    )
                    .to_string(),
                },
                Some(_) => Bar {
                    label,
                    value: None,
                    shown: td_string!(l, impact.no_answers).to_string(),
                },
                None => Bar {
                    label,
                    value: None,
                    shown: too_few(l),
                },
            }
        })
        .collect();
    if bars.is_empty() {
        return ().into_any();
    }
    let table = bars_table(l, td_string!(l, impact.role).to_string(), &bars);
    let summary = bars
        .iter()
        .map(|b| format!("{}: {}", b.label, b.shown))
        .collect::<Vec<_>>()
        .join("; ");
    view! {
        <ChartFigure caption=title table=table>
            <BarChart summary=summary bars=bars max=1.0/>
            <p class="chart-foot">{td_string!(l, impact.retention_note).to_string()}</p>
        </ChartFigure>
    }
    .into_any()
}

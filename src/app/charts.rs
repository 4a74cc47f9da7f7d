//! Accessible inline SVG charts for the Impact page and the printed report.
//!
//! Every chart sits in a [`ChartFigure`]: a caption (a heading, so the page
//! can be browsed by headings), the drawing with a text summary (its
//! `aria-label`, read by screen readers as the image's name; an SVG `<title>`
//! would come out as an HTML element from the view macro) and a button that
//! swaps the drawing for the same numbers as a table. Charts take labels and
//! numbers already translated and formatted: they only draw.
//!
//! Layout uses percentages for horizontal positions and fixed pixel rows, so
//! text keeps its CSS size from 360 px phones to A4 paper (a scaled viewBox
//! would shrink labels to nothing on a phone). Meaning never rests on colour
//! alone: before is a hollow ring, after a filled dot, withheld values are
//! written out, so the charts read the same printed in greyscale.

use super::components::unique_id;
use super::i18n::*;
use leptos::prelude::*;

/// One row of a bar chart. `value: None` is a withheld or missing value: the
/// row keeps its place and says why instead of drawing a bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: Option<f64>,
    /// The value as the reader sees it ("12", "4.2 / 5", "Too few answers").
    pub shown: String,
}

/// One row of a before/after chart.
#[derive(Clone, Debug, PartialEq)]
pub struct Dumbbell {
    pub label: String,
    pub before: Option<f64>,
    pub after: Option<f64>,
    pub shown: String,
}

/// One point of a trend line, in time order.
#[derive(Clone, Debug, PartialEq)]
pub struct Point {
    pub label: String,
    pub value: Option<f64>,
    pub shown: String,
}

/// The numbers behind a chart, for its table view.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ChartTable {
    pub headers: Vec<String>,
    pub rows: Vec<Vec<String>>,
}

/// Position along a track as a percentage, keeping 2 % margins so dots at the
/// ends are not cut in half.
fn percent_on(value: f64, low: f64, high: f64) -> f64 {
    if !(high > low) || !value.is_finite() {
        return 2.0;
    }
    let share = ((value - low) / (high - low)).clamp(0.0, 1.0);
    2.0 + share * 96.0
}

fn pct(value: f64) -> String {
    format!("{value:.2}%")
}

const ROW: f64 = 40.0;

/// A captioned chart with its data-table alternative.
#[component]
pub fn ChartFigure(
    #[prop(into)] caption: String,
    table: ChartTable,
    children: Children,
) -> impl IntoView {
    let i18n = use_i18n();
    let as_table = RwSignal::new(false);
    let table_id = unique_id("chart-table");
    let ChartTable { headers, rows } = table;
    let caption_id = unique_id("chart-caption");
    view! {
        <figure class="chart" class:as-table=move || as_table.get() aria-labelledby=caption_id.clone()>
            <div class="chart-head">
                <figcaption>
                    <h3 class="chart-caption" id=caption_id.clone()>{caption}</h3>
                </figcaption>
                // Named "Show as table" everywhere; the caption tells which.
                <button
                    type="button"
                    class="link-button no-print"
                    aria-expanded=move || as_table.get().to_string()
                    aria-controls=table_id.clone()
                    aria-describedby=caption_id.clone()
                    on:click=move |_| as_table.update(|t| *t = !*t)
                >
                    {move || if as_table.get() {
                        t_string!(i18n, charts.show_chart)
                    } else {
                        t_string!(i18n, charts.show_table)
                    }}
                </button>
            </div>
            <div class="chart-drawing">{children()}</div>
            // Focusable, so a wide table can be scrolled with the keyboard.
            <div class="chart-table" id=table_id tabindex="0">
                <table>
                    <thead>
                        <tr>{headers.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr>
                    </thead>
                    <tbody>
                        {rows
                            .into_iter()
                            .map(|row| {
                                let mut cells = row.into_iter();
                                let first = cells.next().unwrap_or_default();
                                view! {
                                    <tr>
                                        <th scope="row">{first}</th>
                                        {cells.map(|c| view! { <td>{c}</td> }).collect_view()}
                                    </tr>
                                }
                            })
                            .collect_view()}
                    </tbody>
                </table>
            </div>
        </figure>
    }
}

/// Horizontal bars, one row per item: label and value on one line, the bar
/// below. `funnel` centres the bars so stages read as a narrowing funnel.
#[component]
pub fn BarChart(
    #[prop(into)] summary: String,
    bars: Vec<Bar>,
    /// The value of a full-width bar; the largest value when absent.
    #[prop(optional)]
    max: Option<f64>,
    #[prop(optional)] funnel: bool,
) -> impl IntoView {
    let max = max
        .unwrap_or_else(|| bars.iter().filter_map(|b| b.value).fold(0.0, f64::max))
        .max(f64::MIN_POSITIVE);
    let height = ROW * bars.len() as f64;
    let rows = bars
        .into_iter()
        .enumerate()
        .map(|(i, bar)| {
            let top = ROW * i as f64;
            let width = bar.value.map(|v| (v / max).clamp(0.0, 1.0) * 100.0);
            let x = if funnel {
                width.map_or(0.0, |w| (100.0 - w) / 2.0)
            } else {
                0.0
            };
            view! {
                <g class="bar-row" class:withheld=width.is_none()>
                    <text x="0" y=top + 14.0 class="chart-label">{bar.label}</text>
                    <text x="100%" y=top + 14.0 text-anchor="end" class="chart-value">{bar.shown}</text>
                    <rect x="0" y=top + 20.0 width="100%" height="12" class="bar-track"/>
                    {width.map(|w| view! {
                        <rect x=pct(x) y=top + 20.0 width=pct(w) height="12" class="bar"/>
                    })}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="bar-chart" width="100%" height=height role="img" aria-label=summary>
            {rows}
        </svg>
    }
}

/// Before and after on one scale per row: a hollow ring for before, a
/// filled dot for after, joined by a line.
#[component]
pub fn DumbbellChart(
    #[prop(into)] summary: String,
    rows: Vec<Dumbbell>,
    #[prop(into)] before_label: String,
    #[prop(into)] after_label: String,
    low: f64,
    high: f64,
) -> impl IntoView {
    let legend = 28.0;
    let height = legend + ROW * rows.len() as f64;
    let drawn = rows
        .into_iter()
        .enumerate()
        .map(|(i, row)| {
            let top = legend + ROW * i as f64;
            let y = top + 27.0;
            let before = row.before.map(|v| pct(percent_on(v, low, high)));
            let after = row.after.map(|v| pct(percent_on(v, low, high)));
            let line = before.clone().zip(after.clone());
            view! {
                <g class="dumbbell-row">
                    <text x="0" y=top + 14.0 class="chart-label">{row.label}</text>
                    <text x="100%" y=top + 14.0 text-anchor="end" class="chart-value">{row.shown}</text>
                    <line x1="2%" x2="98%" y1=y y2=y class="track-line"/>
                    {line.map(|(a, b)| view! { <line x1=a x2=b y1=y y2=y class="change-line"/> })}
                    {before.map(|x| view! { <circle cx=x cy=y r="6" class="dot-before"/> })}
                    {after.map(|x| view! { <circle cx=x cy=y r="6" class="dot-after"/> })}
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="dumbbell-chart" width="100%" height=height role="img" aria-label=summary>
            <g class="legend" aria-hidden="true">
                <circle cx="8" cy="10" r="6" class="dot-before"/>
                <text x="20" y="15" class="chart-label">{before_label}</text>
                <circle cx="50%" cy="10" r="6" class="dot-after"/>
                <text x="52%" y="15" class="chart-label">{after_label}</text>
            </g>
            {drawn}
        </svg>
    }
}

/// A line through values in time order on a fixed scale, with each point
/// labelled underneath; withheld points break the line.
#[component]
pub fn TrendChart(
    #[prop(into)] summary: String,
    points: Vec<Point>,
    low: f64,
    high: f64,
) -> impl IntoView {
    let (plot_top, plot_height) = (24.0, 120.0);
    let count = points.len().max(1) as f64;
    let x_of = |i: usize| {
        if count <= 1.0 {
            50.0
        } else {
            6.0 + 88.0 * i as f64 / (count - 1.0)
        }
    };
    let y_of = |v: f64| {
        let share = if high > low {
            ((v - low) / (high - low)).clamp(0.0, 1.0)
        } else {
            0.5
        };
        plot_top + plot_height * (1.0 - share)
    };
    let segments = points
        .windows(2)
        .enumerate()
        .filter_map(|(i, w)| {
            let (a, b) = (w[0].value?, w[1].value?);
            Some(view! {
                <line x1=pct(x_of(i)) x2=pct(x_of(i + 1)) y1=y_of(a) y2=y_of(b) class="trend-line"/>
            })
        })
        .collect_view();
    let gridlines = [low, (low + high) / 2.0, high]
        .into_iter()
        .map(|v| view! { <line x1="0" x2="100%" y1=y_of(v) y2=y_of(v) class="grid-line"/> })
        .collect_view();
    let label_y = plot_top + plot_height + 22.0;
    let marks = points
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let x = pct(x_of(i));
            let dot = p.value.map(|v| {
                view! {
                    <circle cx=x.clone() cy=y_of(v) r="5" class="dot-after"/>
                    <text x=x.clone() y=y_of(v) - 10.0 text-anchor="middle" class="chart-value">{p.shown.clone()}</text>
                }
            });
            let missing = p.value.is_none().then(|| {
                view! {
                    <text x=x.clone() y=plot_top + plot_height / 2.0 text-anchor="middle" class="chart-note">{p.shown.clone()}</text>
                }
            });
            view! {
                <g>
                    {dot}
                    {missing}
                    <text x=x.clone() y=label_y text-anchor="middle" class="chart-label">{p.label}</text>
                </g>
            }
        })
        .collect_view();
    view! {
        <svg class="trend-chart" width="100%" height=label_y + 8.0 role="img" aria-label=summary>
            {gridlines}
            {segments}
            {marks}
        </svg>
    }
}

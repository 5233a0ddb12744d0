//! The selected KPI's trend chart, with its data as a table.

use leptos::prelude::*;

use super::after_paint::after_paint;
use super::chart_download::{ChartDownloads, ChartFile};
use super::chart_width::chart_width;
use super::computed::Computed;
use super::derived::derived;
use super::dynamic::{dynamic, dynamic_text};
use super::effect::watch;
use super::state::use_state;
use super::var::Var;
use super::when::When;
use crate::charts::standalone::DOWNLOAD_WIDTH;
use crate::charts::trend::describe;
use crate::charts::trend::TrendSeries;
use crate::charts::{trend_series, trend_svg};
use crate::domain::format::with_unit;
use crate::domain::id::Id;

/// The most periods a chart shows; older ones stay in the readings list.
const MAX_POINTS: usize = 36;
/// The chart's height in pixels (its width is the width it is shown at).
const HEIGHT: u32 = 260;

/// Readings over time against the target, drawn by plotters as SVG.
///
/// The SVG is an image with a one-sentence accessible name; the same figures are available as a
/// table for anyone who cannot see the chart.
#[component]
pub fn TrendChart(kpi: Id) -> impl IntoView {
    let state = use_state();
    let readings = state.series_of(kpi);
    let series = derived(move || state.with_kpi(readings, |f| trend_series(f, kpi, MAX_POINTS)));
    let node = NodeRef::new();
    let width = chart_width(node, state.printing, 520);
    let draw = |s: &Option<TrendSeries>, width: u32| s.as_ref().and_then(|s| trend_svg(s, width, HEIGHT).ok());
    // Drawn at once when the chart opens; after an edit (or a new width), redrawn only once the
    // new scores are on screen, so drawing never holds them back by a frame.
    let svg = Var::new(series.with_untracked(|s| draw(s, width.get_untracked())));
    watch(
        move || (series.get(), width.get()),
        move |(s, w), _| {
            let (s, w) = (s.clone(), *w);
            after_paint(move || drop(svg.try_set(draw(&s, w))));
        },
        false,
    );

    // The figure is built once and its parts follow the series: a new reading changes the
    // caption, the drawing (a frame later) and, if open, the data table, instead of rebuilding
    // the figure and parsing the old drawing again.
    let has_series = derived(move || series.with(Option::is_some));
    let label = derived(move || series.with(|s| s.as_ref().map(describe).unwrap_or_default()));
    let name = move || series.with(|s| s.as_ref().map(|s| s.kpi_name.clone()).unwrap_or_default());
    let chart = Callback::new(move |()| {
        let series = series.get_untracked();
        ChartFile {
            subject: format!("{} trend", series.as_ref().map_or("", |s| &s.kpi_name)),
            title: label.get_untracked(),
            svg: series.and_then(|s| trend_svg(&s, DOWNLOAD_WIDTH, HEIGHT).ok()),
        }
    });
    let data_opened = Var::new(false);
    let rows = move || {
        series.with(|s| {
            s.as_ref().map(|s| {
                s.points
                    .iter()
                    .map(|p| {
                        view! {
                            <tr>
                                <th scope="row">{p.label.clone()}</th>
                                <td>{p.value.map(|v| with_unit(v, &s.unit)).unwrap_or_else(|| "no reading".into())}</td>
                                <td>{s.goal(p)}</td>
                            </tr>
                        }
                    })
                    .collect_view()
            })
        })
    };

    view! {
        <figure class="kk-chart">
            <When when=move || has_series.get() fallback=|| view! { <p class="kk-hint">"Enter a reading to see this KPI's trend."</p> }>
                <div node_ref=node class="kk-chart-svg" role="img" aria-label=move || label.get() inner_html=move || svg.get()></div>
                <figcaption>{dynamic_text(move || label.get())}</figcaption>
                <When when=move || svg.with(Option::is_some)>
                    <div class="kk-chart-download">
                        <ChartDownloads what=Computed::new(move || format!("the chart of {}", name())) chart=chart />
                    </div>
                </When>
                // Built when first opened, then kept up to date.
                <details on:toggle=move |ev| super::disclosure::mark_opened(&ev, data_opened)>
                    <summary>"Chart data"</summary>
                    <When when=move || data_opened.get()>
                        <table>
                            <thead><tr><th scope="col">"Period"</th><th scope="col">"Reading"</th><th scope="col">"Target"</th></tr></thead>
                            <tbody>{dynamic(rows)}</tbody>
                        </table>
                    </When>
                </details>
            </When>
        </figure>
    }
}

//! The selected KPI's trend chart, with its data as a table.

use std::time::Duration;

use leptos::prelude::*;

use super::chart_download::offer_chart;
use super::chart_width::chart_width;
use super::state::use_state;
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
    let series = Memo::new(move |_| state.with_kpi(readings, |f| trend_series(f, kpi, MAX_POINTS)));
    let node = NodeRef::new();
    let width = chart_width(node, state.printing, 520);
    let draw = |s: &Option<TrendSeries>, width: u32| s.as_ref().and_then(|s| trend_svg(s, width, HEIGHT).ok());
    // Drawn at once when the chart opens; after an edit (or a new width), redrawn only once the
    // new scores are on screen, so drawing never holds them back by a frame.
    let svg = RwSignal::new(series.with_untracked(|s| draw(s, width.get_untracked())));
    Effect::watch(
        move || (series.get(), width.get()),
        move |(s, w), _, _| {
            let (s, w) = (s.clone(), *w);
            request_animation_frame(move || set_timeout(move || drop(svg.try_set(draw(&s, w))), Duration::ZERO));
        },
        false,
    );

    view! {
        <figure class="kk-chart">
            {move || match series.get() {
                None => view! { <p class="kk-hint">"Enter a reading to see this KPI's trend."</p> }.into_any(),
                Some(s) => {
                    let label = describe(&s);
                    let unit = s.unit.clone();
                    let for_download = (s.clone(), label.clone());
                    view! {
                        <div node_ref=node class="kk-chart-svg" role="img" aria-label=label.clone() inner_html=move || svg.get()></div>
                        <figcaption>{label.clone()}</figcaption>
                        <Show when=move || svg.with(Option::is_some)>
                            {
                                let (series, title) = for_download.clone();
                                let name = series.kpi_name.clone();
                                view! {
                                    <button type="button" class="kk-chart-download"
                                        aria-label=format!("Download the chart of {name} as SVG")
                                        on:click=move |_| {
                                            let svg = trend_svg(&series, DOWNLOAD_WIDTH, HEIGHT).ok();
                                            offer_chart(state, &format!("{} trend", series.kpi_name), &title, svg);
                                        }>"Download SVG"</button>
                                }
                            }
                        </Show>
                        <details>
                            <summary>"Chart data"</summary>
                            <table>
                                <thead><tr><th scope="col">"Period"</th><th scope="col">"Reading"</th><th scope="col">"Target"</th></tr></thead>
                                <tbody>
                                    {s.points.iter().map(|p| view! {
                                        <tr>
                                            <th scope="row">{p.label.clone()}</th>
                                            <td>{p.value.map(|v| with_unit(v, &unit)).unwrap_or_else(|| "no reading".into())}</td>
                                            <td>{s.goal(p)}</td>
                                        </tr>
                                    }).collect_view()}
                                </tbody>
                            </table>
                        </details>
                    }.into_any()
                }
            }}
        </figure>
    }
}

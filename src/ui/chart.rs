//! The selected KPI's trend chart, with its data as a table.

use leptos::prelude::*;

use super::state::use_state;
use crate::charts::trend::describe;
use crate::charts::{trend_series, trend_svg};
use crate::domain::format::with_unit;
use crate::domain::id::Id;

/// The most periods a chart shows; older ones stay in the readings list.
const MAX_POINTS: usize = 36;

/// Readings over time against the target, drawn by plotters as SVG.
///
/// The SVG is an image with a one-sentence accessible name; the same figures are available as a
/// table for anyone who cannot see the chart.
#[component]
pub fn TrendChart(kpi: Id) -> impl IntoView {
    let state = use_state();
    let series = Memo::new(move |_| state.framework.with(|f| trend_series(f, kpi, MAX_POINTS)));
    let svg = move || series.with(|s| s.as_ref().and_then(|s| trend_svg(s, 520, 280).ok()));

    view! {
        <figure class="kk-chart">
            {move || match series.get() {
                None => view! { <p class="kk-hint">"Enter a reading to see this KPI's trend."</p> }.into_any(),
                Some(s) => {
                    let label = describe(&s);
                    let unit = s.unit.clone();
                    view! {
                        <div class="kk-chart-svg" role="img" aria-label=label.clone() inner_html=svg></div>
                        <figcaption>{label}</figcaption>
                        <details>
                            <summary>"Chart data"</summary>
                            <table>
                                <thead><tr><th scope="col">"Period"</th><th scope="col">"Reading"</th><th scope="col">"Target"</th></tr></thead>
                                <tbody>
                                    {s.points.into_iter().map(|p| view! {
                                        <tr>
                                            <th scope="row">{p.label}</th>
                                            <td>{p.value.map(|v| with_unit(v, &unit)).unwrap_or_else(|| "no reading".into())}</td>
                                            <td>{with_unit(p.target, &unit)}</td>
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

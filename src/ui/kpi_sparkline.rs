//! A KPI's recent trend, drawn small in its table row.

use leptos::prelude::*;

use super::computed::Computed;
use super::derived::derived;
use super::state::use_state;
use crate::charts::sparkline::{HEIGHT, WIDTH};
use crate::charts::{sparkline, trend_series};
use crate::domain::id::Id;
use crate::domain::reading::Series;
use crate::domain::shared::Shared;

/// How many recent periods a row's sparkline covers: a year of monthly readings.
const PERIODS: usize = 12;

/// The last [`PERIODS`] periods of KPI `id` as a sparkline, with the readings in words as its
/// accessible name; nothing at all until two periods have a reading.
///
/// `series` is the KPI's readings handle ([`super::state::AppState::series_of`]): the drawing is
/// recomputed only when this KPI's readings or spec (or the settings) change, and the page is
/// touched only when its line did (the memo compares the paths).
#[component]
pub fn KpiSparkline(id: Id, series: Computed<Option<Shared<Series>>>) -> impl IntoView {
    let state = use_state();
    let line = derived(move || state.with_kpi(series, |f| trend_series(f, id, PERIODS).and_then(|s| sparkline(&s))));
    move || {
        line.get().map(|s| {
            view! {
                <svg class="kk-spark" data-testid="kpi-sparkline" viewBox=format!("0 0 {WIDTH} {HEIGHT}")
                    width=WIDTH height=HEIGHT role="img" aria-label=s.description focusable="false">
                    <path class="kk-spark-band" d=s.band />
                    <path class="kk-spark-target" d=s.target />
                    <path class="kk-spark-line" d=s.line />
                    <circle class="kk-spark-dot" cx=s.last.0 cy=s.last.1 r="2.5" />
                </svg>
            }
        })
    }
}

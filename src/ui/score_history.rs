//! "Scores over time": the overall score and each KRA's over the last review periods, as a
//! chart with its figures as a table. On screen under the review's header, and in the printed
//! report.

use leptos::prelude::*;

use super::chart_download::{ChartDownloads, ChartFile};
use super::chart_width::chart_width;
use super::derived::derived;
use super::dynamic::{dynamic, dynamic_text};
use super::effect::effect;
use super::score_heatmap::ScoreHeatmap;
use super::state::use_state;
use super::var::Var;
use super::when::When;
use crate::charts::score_history::{describe, score_history_svg};
use crate::charts::standalone::DOWNLOAD_WIDTH;
use crate::domain::format::num;
use crate::domain::score_history::{periods_shown, score_history_with, PeriodScore, ScoreHistory};

/// Height of the plot, below the legend, for a chart `width` pixels wide: a third of the
/// width, within 200..=300 pixels.
fn plot_height(width: u32) -> u32 {
    (width / 3).clamp(200, 300)
}

/// The chart section. With `folded` (a large scorecard), the chart is left out until the user
/// shows it, so editing one of a thousand KPIs does not re-score a year of periods; printing
/// always shows it.
#[component]
pub fn ScoreHistoryPanel(#[prop(optional)] folded: bool) -> impl IntoView {
    let state = use_state();
    let open = Var::new(!folded);
    let shown = derived(move || open.get() || state.printing.get());
    // One score cache per period: after an edit, each period re-scores only what it touched.
    let caches = StoredValue::new(Vec::new());
    let score = move || {
        let last = state.review.get_untracked();
        let count = periods_shown(last.frequency());
        state
            .framework
            .with_untracked(|f| caches.try_update_value(|c| score_history_with(f, &last, count, state.today, c)))
    };
    // Scored after the first frame that shows the chart, and after an edit once the edit's own
    // scores are on screen, so a year of periods never holds back the scorecard or an edit by a
    // frame. Printing needs the figures now: the page is laid out for print synchronously.
    let history = Var::new(None::<ScoreHistory>);
    effect(move |_| {
        let now_shown = shown.get();
        state.review.track();
        state.framework.track();
        if !now_shown {
            history.set(None);
        } else if state.printing.get_untracked() {
            history.set(score());
        } else {
            super::after_paint::after_paint(move || drop(history.try_set(score())));
        }
    });
    let pending = move || history.with(Option::is_none);
    let has_scores = move || history.with(|h| h.as_ref().is_some_and(|h| !h.periods.is_empty()));
    let node = NodeRef::new();
    let width = chart_width(node, state.printing, super::chart_width::PRINT_WIDTH);
    let svg = derived(move || {
        let width = width.get();
        history.with(|h| h.as_ref().and_then(|h| score_history_svg(h, width, plot_height(width)).ok()))
    });
    let label = derived(move || history.with(|h| h.as_ref().map(describe).unwrap_or_default()));
    let toggle = move || if open.get() { "Hide chart" } else { "Show chart" };

    view! {
        <section class="kk-over-time" aria-label="Scores over time">
            <div class="kk-over-time-head">
                <h2>"Scores over time"</h2>
                <div class="kk-chart-actions">
                    <When when=move || shown.get() && has_scores()>
                        <ChartDownloads what="the scores over time chart".to_owned() chart=Callback::new(move |()| {
                            let width = DOWNLOAD_WIDTH;
                            ChartFile {
                                subject: "scores over time".into(),
                                title: state.framework.with_untracked(|f| format!("{}: scores over time. {}", f.name(), label.get_untracked())),
                                svg: history.with_untracked(|h| h.as_ref().and_then(|h| score_history_svg(h, width, plot_height(width)).ok())),
                            }
                        }) />
                    </When>
                    <button type="button" aria-expanded=move || open.get().to_string()
                        aria-label=move || format!("{} of scores over time", toggle())
                        on:click=move |_| open.update(|o| *o = !*o)>{dynamic_text(toggle)}</button>
                </div>
            </div>
            <When when=move || shown.get()>
                // Measured before the first drawing, so the chart is drawn once, at its width;
                // until the figures are in, it keeps the chart's room so the KRAs below do not jump.
                <div node_ref=node class="kk-over-time-body"
                    style:min-height=move || if pending() { format!("{}px", plot_height(width.get()) + 40) } else { String::new() }>
                <When when=move || !pending()>
                <When when=has_scores fallback=|| view! { <p class="kk-hint">"Scores over time appear once a review period has a score."</p> }>
                    <figure class="kk-chart">
                        <div class="kk-chart-svg" role="img" aria-label=move || label.get()
                            inner_html=move || svg.get().unwrap_or_default()></div>
                        <figcaption>{dynamic_text(move || label.get())}</figcaption>
                        <details>
                            <summary>"Chart data"</summary>
                            <div class="kk-scroll" role="region" aria-label="Scores over time, as a table" tabindex="0">
                                {dynamic(move || history.get().map(|h| view! { <HistoryTable history=h /> }))}
                            </div>
                        </details>
                    </figure>
                    {dynamic(move || history.get().map(|h| view! { <ScoreHeatmap history=h /> }))}
                </When>
                </When>
                </div>
            </When>
        </section>
    }
}

/// The chart's figures: a row per period, a column for the overall score and each KRA.
#[component]
fn HistoryTable(history: ScoreHistory) -> impl IntoView {
    let cell = |s: PeriodScore| match s.score {
        Some(score) => format!("{} % ({})", num(score), s.status.label()),
        None => "no score".to_owned(),
    };
    view! {
        <table>
            <thead>
                <tr>
                    <th scope="col">"Period"</th>
                    <th scope="col">"Overall"</th>
                    {history.kras.iter().map(|(_, name)| view! { <th scope="col">{name.clone()}</th> }).collect_view()}
                </tr>
            </thead>
            <tbody>
                {history.periods.iter().map(|p| view! {
                    <tr>
                        <th scope="row">{if p.in_progress {
                            format!("{} (so far)", p.label)
                        } else if p.closed {
                            format!("{} (closed review)", p.label)
                        } else {
                            p.label.clone()
                        }}</th>
                        <td>{cell(p.overall)}</td>
                        {p.kras.iter().map(|&k| view! { <td>{cell(k)}</td> }).collect_view()}
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

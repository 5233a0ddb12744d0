//! Scores by KRA and review period as a heatmap: one row per KRA, one column per period, each
//! cell coloured by status and saying its status in a symbol, a word and the score.

use leptos::prelude::*;

use super::chart_download::{ChartDownloads, ChartFile};
use super::state::use_state;
use crate::charts::heatmap::{cell_text, heatmap_svg, heatmap_width_for_scores};
use crate::charts::standalone::DOWNLOAD_WIDTH;
use crate::domain::score_history::{PeriodScore, ScoreHistory};

/// The heatmap of `history` as a table (the grid is the data: nothing is hidden behind colour),
/// with a download of the same grid as an SVG drawing for slides.
#[component]
pub fn ScoreHeatmap(history: ScoreHistory) -> impl IntoView {
    let state = use_state();
    let cell = |s: PeriodScore| {
        view! {
            <td class=format!("kk-heat kk-status--{}", s.status.css())>
                {cell_text(s)}
                <span class="kk-visually-hidden">{if s.score.is_some() { format!(" {}", s.status.label()) } else { " no score".to_owned() }}</span>
            </td>
        }
    };
    let rows = std::iter::once(("Overall".to_owned(), history.periods.iter().map(|p| p.overall).collect::<Vec<_>>()))
        .chain(
            history
                .kras
                .iter()
                .enumerate()
                .map(|(i, (_, name))| (name.clone(), history.periods.iter().map(|p| p.kras[i]).collect())),
        )
        .map(|(name, scores)| {
            view! {
                <tr>
                    <th scope="row">{name}</th>
                    {scores.into_iter().map(cell).collect_view()}
                </tr>
            }
        })
        .collect_view();
    let chart = {
        let history = history.clone();
        Callback::new(move |()| ChartFile {
            subject: "scores by KRA and period".into(),
            title: state.framework.with_untracked(|f| format!("{}: scores by KRA and period", f.name())),
            svg: heatmap_svg(&history, heatmap_width_for_scores(&history, DOWNLOAD_WIDTH)).ok(),
        })
    };
    view! {
        <div class="kk-heatmap" data-testid="score-heatmap">
            <div class="kk-over-time-head">
                <h3>"Scores by KRA and period"</h3>
                <ChartDownloads what="the scores by KRA and period".to_owned() chart=chart />
            </div>
            // The latest periods are the ones a review is about: a box too narrow for the whole
            // grid (a phone) opens scrolled to them, with the older ones to the left. CSS does
            // it (`kk-scroll-end`): scrolling from script forced a layout each time the heatmap
            // was rebuilt (after every edit that changed a score, 3.9 ms at 20 KPIs in a profile),
            // where the browser's own frame now lays it out once.
            <div class="kk-scroll kk-scroll-end" role="region" aria-label="Scores by KRA and period" tabindex="0">
                <table class="kk-heat-table">
                    <thead>
                        <tr>
                            <th scope="col">"KRA"</th>
                            {history.periods.iter().map(|p| view! {
                                <th scope="col">
                                    {p.label.clone()}
                                    {(p.in_progress || p.closed).then(|| view! {
                                        <span class="kk-heat-note">{if p.in_progress { "so far" } else { "closed" }}</span>
                                    })}
                                </th>
                            }).collect_view()}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </div>
    }
}

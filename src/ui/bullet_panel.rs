//! "KPIs against target": every KPI of the review period as a bullet chart (score bar, status
//! bands, target marker), with the figures as a table and a download for slides.

use leptos::prelude::*;

use super::after_paint::after_paint;
use super::chart_download::{ChartDownloads, ChartFile};
use super::chart_width::{chart_width, PRINT_WIDTH};
use super::computed::Computed;
use super::derived::derived;
use super::dynamic::{dynamic, dynamic_text};
use super::effect::watch;
use super::state::use_state;
use super::var::Var;
use crate::charts::bullet::{bullet_svg, bullets, describe, Bullets};
use crate::charts::standalone::DOWNLOAD_WIDTH;
use crate::domain::format::num;

/// The bullet chart of the review period on screen. Folded for a large scorecard (`folded`), so
/// an edit does not redraw a thousand rows nobody is looking at; printing always shows it.
#[component]
pub fn BulletPanel(#[prop(optional)] folded: bool) -> impl IntoView {
    let state = use_state();
    let open = Var::new(!folded);
    let shown = derived(move || open.get() || state.printing.get());
    let data =
        derived(move || shown.get().then(|| state.framework.with(|f| state.scorecard.with(|card| bullets(f, card)))));
    let node = NodeRef::new();
    let width = chart_width(node, state.printing, PRINT_WIDTH);
    // Drawn at once when the chart opens (and for print, which lays the page out at once); after
    // an edit or a new width, redrawn once the edit's own scores are painted, so drawing every
    // KPI's bar never holds them back by a frame.
    let svg = Var::new(None::<String>);
    watch(
        move || (data.get(), width.get()),
        move |(bullets, width), _| {
            let draw = |b: &Option<Bullets>, w: u32| b.as_ref().and_then(|b| bullet_svg(b, w).ok());
            if bullets.is_none() || svg.with_untracked(Option::is_none) || state.printing.get_untracked() {
                svg.set(draw(bullets, *width));
            } else {
                let (bullets, width) = (bullets.clone(), *width);
                after_paint(move || drop(svg.try_set(draw(&bullets, width))));
            }
        },
        true,
    );
    let label = derived(move || data.with(|b| b.as_ref().map(describe).unwrap_or_default()));
    let period = move || state.review.get().label();
    let chart = Callback::new(move |()| {
        let period = state.review.get_untracked().label();
        let title = state
            .framework
            .with_untracked(|f| format!("{}: KPIs against target, {period}. {}", f.name(), label.get_untracked()));
        ChartFile {
            subject: format!("KPIs against target {period}"),
            title,
            svg: data.with_untracked(|b| b.as_ref().and_then(|b| bullet_svg(b, DOWNLOAD_WIDTH).ok())),
        }
    });

    view! {
        <details class="kk-bullets" open=!folded on:toggle=move |ev| open.set(super::disclosure::is_open(&ev))>
            <summary>"KPIs against target, " {dynamic_text(period)}</summary>
            <div node_ref=node class="kk-over-time-body">
                <figure class="kk-chart">
                    <div class="kk-chart-svg" role="img" aria-label=move || label.get()
                        inner_html=move || svg.get().unwrap_or_default()></div>
                    <figcaption>{dynamic_text(move || label.get())}</figcaption>
                    <ChartDownloads what=Computed::new(move || format!("KPIs against target, {},", period())) chart=chart />
                    <details>
                        <summary>"Chart data"</summary>
                        <div class="kk-scroll" role="region" aria-label="KPIs against target, as a table" tabindex="0">
                            {dynamic(move || data.get().map(|b| view! { <BulletTable bullets=b /> }))}
                        </div>
                    </details>
                </figure>
            </div>
        </details>
    }
}

/// The chart's figures: a row per KPI.
#[component]
fn BulletTable(bullets: Bullets) -> impl IntoView {
    view! {
        <table>
            <thead>
                <tr>
                    <th scope="col">"KPI"</th>
                    <th scope="col">"KRA"</th>
                    <th scope="col">"Value"</th>
                    <th scope="col">"Target"</th>
                    <th scope="col">"Score"</th>
                    <th scope="col">"Amber from / green from"</th>
                </tr>
            </thead>
            <tbody>
                {bullets.rows.into_iter().map(|r| view! {
                    <tr>
                        <th scope="row">{r.name}</th>
                        <td>{r.kra}</td>
                        <td>{r.value.unwrap_or_else(|| "No reading".to_owned())}</td>
                        <td>{r.goal}</td>
                        <td>{match r.score {
                            Some(s) => format!("{} % ({})", num(s), r.status.label()),
                            None => r.status.label().to_owned(),
                        }}</td>
                        <td>{r.thresholds.map(|t| format!("{} % / {} %", num(t.amber), num(t.green))).unwrap_or_default()}</td>
                    </tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

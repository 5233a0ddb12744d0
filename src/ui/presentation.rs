//! Presentation mode: the review period full screen, read-only, in large type, one slide for the
//! overall score, one per KRA and a last one with the scores by KRA and period, moved through
//! with the keyboard.
//!
//! For a consultant in front of a client or a wall display: nothing on it can change data, and
//! every slide says what it shows in words (status words and symbols, not colour alone).

use leptos::ev;
use leptos::prelude::*;

use wasm_bindgen::JsCast;

use super::computed::Computed;
use super::derived::derived;
use super::dynamic::{dynamic, dynamic_text};
use super::effect::effect;
use super::lazy::{lazy, split_point};
use super::score_heatmap::ScoreHeatmap;
use super::state::{use_state, AppState, Toast};
use super::status_badge::StatusBadge;
use super::var::Var;
use crate::domain::format::{goal_text, num, with_unit};
use crate::domain::scoring::Status;

/// The class of the button that opens the presentation; the focus returns to it on exit.
pub const OPEN_CLASS: &str = "kk-present-open";

/// The full-screen presentation, shown while `state.presenting` is set. Its code is here by
/// then: [`open`] sets it only once the code has arrived.
#[component]
pub fn Presentation() -> impl IntoView {
    lazy(presentation, |make| make())
}

/// Opens the presentation: at once when its code is here, otherwise once it has arrived (a few
/// milliseconds after [`preload`]); if it cannot be fetched, a toast says so and nothing opens,
/// so no half-open presentation is left without its Exit button.
pub fn open(state: AppState) {
    fetch(Box::new(move |arrived| {
        if arrived {
            let _ = state.presenting.try_set(true);
        } else {
            let toast = Toast::info("The presentation could not be loaded. Check the connection, then try again.");
            let _ = state.toast.try_set(Some(toast));
        }
    }));
}

/// Fetches the presentation's code ahead of a click on "Present" (the export panel calls it
/// when it opens), so that the presentation opens at once and can still go full screen, which
/// browsers allow only soon after the click.
pub fn preload() {
    fetch(Box::new(|_| ()));
}

/// Fetches the presentation's code (at once if it is here), then calls `then` with whether it
/// arrived.
fn fetch(then: Box<dyn FnOnce(bool)>) {
    leptos::task::spawn_local(async move { then(presentation().await.is_ok()) });
}

split_point!(
    presenting,
    fn presentation() -> fn() -> AnyView {
        || view! { <Slides /> }.into_any()
    }
);

/// The presentation itself.
#[component]
fn Slides() -> impl IntoView {
    let state = use_state();
    let slide = Var::new(0usize);
    let kra_ids = derived(move || state.framework.with(|f| f.kras().iter().map(|k| k.id).collect::<Vec<_>>()));
    // The overview, a slide per KRA, and the heatmap last.
    let count = move || kra_ids.with(Vec::len) + 2;
    let root = NodeRef::<leptos::html::Div>::new();

    let close = move || {
        // Found before the presentation goes away: the button that opened it, so keyboard users
        // continue where they were.
        let opener = root.get_untracked().and_then(|root| {
            let selector = format!(".{OPEN_CLASS}");
            match root.get_root_node().dyn_ref::<web_sys::ShadowRoot>() {
                Some(shadow) => shadow.query_selector(&selector).ok().flatten(),
                None => document().query_selector(&selector).ok().flatten(),
            }
        });
        let document = document();
        if document.fullscreen_element().is_some() {
            // The rest happens once full screen has ended (below): focus moved while the page is
            // still full screen is lost when it ends.
            document.exit_fullscreen();
            return;
        }
        state.presenting.set(false);
        if let Some(button) = opener.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = button.focus();
        }
    };
    let go = move |to: usize| slide.set(to.min(count() - 1));
    // The overview's links are replaced by the slide they open: the focus goes to the
    // presentation itself, so the arrow keys go on working.
    let open_slide = move |to: usize| {
        go(to);
        if let Some(el) = root.get_untracked() {
            let _ = el.focus();
        }
    };
    let keydown = move |e: ev::KeyboardEvent| {
        let at = slide.get_untracked();
        match e.key().as_str() {
            "ArrowRight" | "ArrowDown" | "PageDown" | " " => go(at + 1),
            "ArrowLeft" | "ArrowUp" | "PageUp" => go(at.saturating_sub(1)),
            "Home" => go(0),
            "End" => go(usize::MAX),
            "Escape" => close(),
            _ => return,
        }
        e.prevent_default();
    };
    // Focus and full screen once it is on screen; leaving full screen (the browser's own Esc)
    // ends the presentation too.
    effect(move |_| {
        if let Some(el) = root.get() {
            let _ = el.focus();
            let _ = el.request_fullscreen();
        }
    });
    let left = window_event_listener(ev::Custom::<ev::Event>::new("fullscreenchange"), move |_| {
        if document().fullscreen_element().is_none() && state.presenting.get_untracked() {
            close();
        }
    });
    on_cleanup(move || left.remove());

    let name = move || state.framework.with(|f| f.name().to_owned());
    let period = move || state.review.get().label();
    let position = move || format!("Slide {} of {}", slide.get() + 1, count());

    view! {
        <div class="kk-present" role="dialog" aria-modal="true" tabindex="-1" node_ref=root on:keydown=keydown
            aria-label=move || format!("Presentation of {}, {}", name(), period())>
            <div class="kk-present-top">
                <span>{dynamic_text(name)}" · "{dynamic_text(period)}</span>
                <span aria-live="polite">{dynamic_text(position)}</span>
            </div>
            <div class="kk-present-slide">
                {dynamic(move || match slide.get() {
                    0 => view! { <Overview go=open_slide /> }.into_any(),
                    n => match kra_ids.with(|ids| ids.get(n - 1).copied()) {
                        Some(id) => view! { <KraSlide id=id /> }.into_any(),
                        None => view! { <HeatmapSlide /> }.into_any(),
                    },
                })}
            </div>
            <div class="kk-present-nav">
                <button type="button" on:click=move |_| go(slide.get_untracked().saturating_sub(1)) disabled=move || slide.get() == 0>
                    <span aria-hidden="true">"← "</span>"Previous"
                </button>
                <button type="button" on:click=move |_| go(slide.get_untracked() + 1) disabled=move || { slide.get() + 1 >= count() }>
                    "Next"<span aria-hidden="true">" →"</span>
                </button>
                <button type="button" on:click=move |_| close()>"Exit presentation"</button>
                <span class="kk-present-keys">"Arrow keys move between slides; Esc ends."</span>
            </div>
        </div>
    }
}

/// The first slide: the overall score and each KRA's, as a list that links to its slide.
#[component]
fn Overview(go: impl Fn(usize) + Copy + Send + Sync + 'static) -> impl IntoView {
    let state = use_state();
    let card = state.scorecard;
    let kras = move || {
        state.framework.with(|f| {
            card.with(|c| {
                f.kras()
                    .iter()
                    .map(|k| {
                        let s = c.kras.get(&k.id);
                        (k.name.clone(), s.map_or(Status::NoData, |s| s.status), s.and_then(|s| s.score))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <h2>"Overall score"</h2>
        <p class="kk-present-big">
            <StatusBadge status=Computed::new(move || card.with(|c| c.status)) score=Computed::new(move || card.with(|c| c.overall)) />
        </p>
        <p class="kk-meta" data-testid="present-coverage">{dynamic_text(move || card.with(|c| {
            let so_far = if c.in_progress { " · in progress: scores so far" } else { "" };
            format!("{}{so_far}", c.coverage.describe())
        }))}</p>
        <ol class="kk-present-kras">
            {dynamic(move || kras().into_iter().enumerate().map(|(i, (name, status, score))| view! {
                <li>
                    <button type="button" class="kk-link" on:click=move |_| go(i + 1)>{name}</button>
                    <StatusBadge status=status score=score />
                </li>
            }).collect_view())}
        </ol>
    }
}

/// Periods on the heatmap slide: the period presented and the five before it.
const SLIDE_PERIODS: usize = 6;

/// The last slide: every KRA's score over the last [`SLIDE_PERIODS`] review periods, as the
/// heatmap. Scored when the slide is shown, not before.
#[component]
fn HeatmapSlide() -> impl IntoView {
    use crate::domain::score_history::{periods_shown, score_history};
    let state = use_state();
    // Scored over the screen chart's periods, so a slide shows the same columns as the last
    // ones on screen (its leading periods without a score included).
    let history = derived(move || {
        let last = state.review.get();
        state.framework.with(|f| score_history(f, &last, periods_shown(last.frequency()), state.today))
    });
    move || {
        let mut h = history.get();
        // Half a year fits a slide in large type; the chart below the KRAs has the rest.
        let older = h.periods.len().saturating_sub(SLIDE_PERIODS);
        h.periods.drain(..older);
        if h.periods.is_empty() {
            view! {
                <h2>"Scores by KRA and period"</h2>
                <p>"Scores by period appear once a review period has a score."</p>
            }
            .into_any()
        } else {
            view! { <ScoreHeatmap history=h /> }.into_any()
        }
    }
}

/// One KRA: its score, weight and each KPI's value against its target.
#[component]
fn KraSlide(id: crate::domain::id::Id) -> impl IntoView {
    let state = use_state();
    let card = state.scorecard;
    let title = move || state.framework.with(|f| f.kra(id).map(|k| k.name.clone()).unwrap_or_default());
    let status = Computed::new(move || card.with(|c| c.kras.get(&id).map_or(Status::NoData, |k| k.status)));
    let score = Computed::new(move || card.with(|c| c.kras.get(&id).and_then(|k| k.score)));
    let share =
        move || card.with(|c| c.kras.get(&id).map(|k| format!("{} % of the overall score", num(k.weight_share))));
    let rows = move || {
        state.framework.with(|f| {
            card.with(|c| {
                f.kpis_of(id)
                    .map(|k| {
                        let s = c.kpis.get(&k.id);
                        let unit = &k.spec.unit;
                        (
                            k.spec.name.clone(),
                            s.and_then(|s| s.value).map_or("No reading".to_owned(), |v| with_unit(v, unit)),
                            s.map(|s| goal_text(&k.spec.direction, s.target, unit)).unwrap_or_default(),
                            s.map_or(Status::NoData, |s| s.status),
                            s.and_then(|s| s.score),
                        )
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    view! {
        <h2>{dynamic_text(title)}</h2>
        <p class="kk-present-big"><StatusBadge status=status score=score /></p>
        <p class="kk-present-share">{share}</p>
        <table class="kk-present-kpis">
            <thead><tr><th scope="col">"KPI"</th><th scope="col">"Value"</th><th scope="col">"Target"</th><th scope="col">"Score"</th></tr></thead>
            <tbody>
                {dynamic(move || rows().into_iter().map(|(name, value, target, status, score)| view! {
                    <tr>
                        <th scope="row">{name}</th>
                        <td>{value}</td>
                        <td>{target}</td>
                        <td><StatusBadge status=status score=score /></td>
                    </tr>
                }).collect_view())}
            </tbody>
        </table>
    }
}

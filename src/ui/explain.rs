//! "Why this number?": the steps behind a score, in plain words.

use leptos::prelude::*;

use super::state::AppState;
use crate::domain::id::Id;
use crate::domain::scoring::{explain_kpi, explain_kra, Explanation, KpiScore, KraScore};
use crate::domain::shared::Shared;

/// A disclosure listing how a score was worked out. Native `<details>` keeps it keyboard- and
/// screen-reader-friendly without script.
///
/// The words are read, and the steps built, the first time it opens (and kept): a scorecard
/// shows an Explain per KPI and per KRA, and scores them without words
/// ([`ScoreCache::numbers_only`](crate::domain::scoring::ScoreCache::numbers_only)); `words` is
/// where one KPI's or KRA's are written, when someone asks.
#[component]
pub fn Explain(
    /// What is explained, for the accessible name ("Leads converted").
    #[prop(into)]
    subject: Signal<String>,
    /// The summary and steps; read only while open.
    #[prop(into)]
    words: Signal<Explanation>,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details class="kk-explain" on:toggle=move |ev| super::disclosure::mark_opened(&ev, opened)>
            <summary>
                "Explain" <span class="kk-visually-hidden">{move || format!(" the score of {}", subject.get())}</span>
            </summary>
            <Show when=move || opened.get()>
                {move || {
                    let Explanation { summary, steps } = words.get();
                    view! {
                        <p class="kk-explain-summary">{summary}</p>
                        <ol>{steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
                    }
                }}
            </Show>
        </details>
    }
}

/// KPI `id`'s words for the review period, written when read (see [`Explain`]): again after
/// `score`, the KPI's score signal, changes.
pub fn kpi_words(state: AppState, id: Id, score: Signal<Option<Shared<KpiScore>>>) -> Signal<Explanation> {
    Signal::derive(move || {
        score.track();
        let review = state.review.get();
        state.framework.with_untracked(|f| explain_kpi(f, &review, state.today, id)).unwrap_or_default()
    })
}

/// KRA `id`'s words for the review period, like [`kpi_words`].
pub fn kra_words(state: AppState, id: Id, score: Signal<Option<Shared<KraScore>>>) -> Signal<Explanation> {
    Signal::derive(move || {
        score.track();
        let review = state.review.get();
        state.framework.with_untracked(|f| explain_kra(f, &review, state.today, id)).unwrap_or_default()
    })
}

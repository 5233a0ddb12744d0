//! "Why this number?": the steps behind a score, in plain words.

use leptos::prelude::*;

use jiff::civil::Date;

use super::computed::Computed;
use super::dynamic::{dynamic, dynamic_text};
use super::state::AppState;
use super::var::Var;
use super::when::When;
use crate::domain::framework::Framework;
use crate::domain::id::Id;
use crate::domain::period::Period;
use crate::domain::scoring::Explanation;

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
    subject: Computed<String>,
    /// The summary and steps; read only while open.
    #[prop(into)]
    words: Computed<Explanation>,
) -> impl IntoView {
    let opened = Var::new(false);
    view! {
        <details class="kk-explain" on:toggle=move |ev| super::disclosure::mark_opened(&ev, opened)>
            <summary>
                "Explain" <span class="kk-visually-hidden">{dynamic_text(move || format!(" the score of {}", subject.get()))}</span>
            </summary>
            <When when=move || opened.get()>
                {dynamic(move || {
                    let Explanation { summary, steps } = words.get();
                    view! {
                        <p class="kk-explain-summary">{summary}</p>
                        <ol>{steps.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
                    }
                })}
            </When>
        </details>
    }
}

/// The words behind KPI or KRA `id`'s score for the review period, written by `explain`
/// ([`explain_kpi`](crate::domain::scoring::explain_kpi) or
/// [`explain_kra`](crate::domain::scoring::explain_kra)) when read (see [`Explain`]), and
/// again after `score`, its score signal, changes.
pub fn words_of<T: Send + Sync + 'static>(
    state: AppState,
    id: Id,
    score: Computed<T>,
    explain: fn(&Framework, &Period, Date, Id) -> Option<Explanation>,
) -> Computed<Explanation> {
    Computed::new(move || {
        score.track();
        let review = state.review.get();
        state.framework.with_untracked(|f| explain(f, &review, state.today, id)).unwrap_or_default()
    })
}

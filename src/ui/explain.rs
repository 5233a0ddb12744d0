//! "Why this number?": the steps behind a score, in plain words.

use leptos::prelude::*;

/// A disclosure listing how a score was worked out. Native `<details>` keeps it keyboard- and
/// screen-reader-friendly without script.
///
/// The steps are built the first time it opens (and kept): a scorecard shows an Explain per KPI
/// and per KRA, and a thousand closed ones would otherwise hold a thousand lists, each redrawn
/// when its score changes.
#[component]
pub fn Explain(
    /// What is explained, for the accessible name ("Leads converted").
    #[prop(into)]
    subject: Signal<String>,
    #[prop(into)] summary: Signal<String>,
    #[prop(into)] steps: Signal<Vec<String>>,
) -> impl IntoView {
    let opened = RwSignal::new(false);
    view! {
        <details class="kk-explain" on:toggle=move |ev| super::disclosure::mark_opened(&ev, opened)>
            <summary>
                "Explain" <span class="kk-visually-hidden">{move || format!(" the score of {}", subject.get())}</span>
            </summary>
            <Show when=move || opened.get()>
                <p class="kk-explain-summary">{move || summary.get()}</p>
                <ol>{move || steps.get().into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
            </Show>
        </details>
    }
}

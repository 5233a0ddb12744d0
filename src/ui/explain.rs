//! "Why this number?": the steps behind a score, in plain words.

use leptos::prelude::*;

/// A disclosure listing how a score was worked out. Native `<details>` keeps it keyboard- and
/// screen-reader-friendly without script.
#[component]
pub fn Explain(
    /// What is explained, for the accessible name ("Leads converted").
    #[prop(into)]
    subject: Signal<String>,
    #[prop(into)] summary: Signal<String>,
    #[prop(into)] steps: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <details class="kk-explain">
            <summary>
                "Explain" <span class="kk-visually-hidden">{move || format!(" the score of {}", subject.get())}</span>
            </summary>
            <p class="kk-explain-summary">{move || summary.get()}</p>
            <ol>{move || steps.get().into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}</ol>
        </details>
    }
}

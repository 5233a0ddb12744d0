//! A score with its status as words, a symbol and a colour.

use leptos::prelude::*;

use super::computed::Computed;
use super::dynamic::{dynamic, dynamic_text};
use crate::domain::format::num;
use crate::domain::scoring::Status;

/// Shows "84 % ! Amber": the colour comes from CSS, the meaning from the words and symbol.
#[component]
pub fn StatusBadge(
    #[prop(into)] status: Computed<Status>,
    #[prop(into)] score: Computed<Option<f64>>,
) -> impl IntoView {
    view! {
        <span class=move || format!("kk-status kk-status--{}", status.get().css())>
            {dynamic(move || score.get().map(|s| view! { <span class="kk-score">{format!("{} % ", num(s))}</span> }))}
            <span class="kk-status-word">
                <span aria-hidden="true">{dynamic_text(move || status.get().symbol())}</span>
                " "
                {dynamic_text(move || status.get().label())}
            </span>
        </span>
    }
}

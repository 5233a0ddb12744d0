//! A score with its status as words, a symbol and a colour.

use leptos::prelude::*;

use crate::domain::format::num;
use crate::domain::scoring::Status;

/// Shows "84 % ! Amber": the colour comes from CSS, the meaning from the words and symbol.
#[component]
pub fn StatusBadge(#[prop(into)] status: Signal<Status>, #[prop(into)] score: Signal<Option<f64>>) -> impl IntoView {
    view! {
        <span class=move || format!("kk-status kk-status--{}", status.get().css())>
            {move || score.get().map(|s| view! { <span class="kk-score">{format!("{} % ", num(s))}</span> })}
            <span class="kk-status-word">
                <span aria-hidden="true">{move || status.get().symbol()}</span>
                " "
                {move || status.get().label()}
            </span>
        </span>
    }
}

//! Messages: a persistent storage banner and a toast for the latest action.

use leptos::prelude::*;

use super::state::use_state;

/// The storage banner and the latest action's message, both announced to screen readers.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_state();
    view! {
        <div class="kk-notices">
            <Show when=move || state.storage_notice.with(|n| n.is_some())>
                <div class="kk-banner" role="alert">
                    <span aria-hidden="true">"⚠ "</span>
                    {move || state.storage_notice.get()}
                    <button type="button" class="kk-link" on:click=move |_| state.storage_notice.set(None)>"Dismiss"</button>
                </div>
            </Show>
            <div class="kk-toast" role="status" aria-live="polite">
                {move || state.toast.get().map(|t| view! {
                    <span>{t.text}</span>
                    <Show when=move || t.undoable>
                        <button type="button" on:click=move |_| state.undo()>"Undo"</button>
                    </Show>
                    <button type="button" class="kk-link" aria-label="Dismiss message" on:click=move |_| state.toast.set(None)>"×"</button>
                })}
            </div>
        </div>
    }
}

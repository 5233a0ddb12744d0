//! Messages: a persistent banner about the saved data and a toast for the latest action.

use leptos::prelude::*;

use super::download::{download_text, JSON};
use super::dynamic::{dynamic, dynamic_text};
use super::notice::Notice;
use super::persistence::start_over;
use super::state::{use_state, ToastAction};
use super::when::When;
use crate::domain::iso_date;

/// The banner (with its actions) and the latest action's message, both announced to screen
/// readers.
#[component]
pub fn Notices() -> impl IntoView {
    let state = use_state();
    // The toast's buttons go with its message: the focus stays in the toast (its next message's
    // first button) or goes to what follows it.
    let toast = NodeRef::<leptos::html::Div>::new();
    let keep_focus = move || {
        if let Some(el) = toast.get_untracked().and_then(|t| t.first_element_child()) {
            super::focus::keep_focus_near(&el);
        }
    };
    let download_damaged = move |_| {
        let text = state.persistence.with_value(|p| p.store().and_then(|s| s.read_text().ok().flatten()));
        if let Some(text) = text {
            download_text(&format!("kra-kpi unreadable data {}.json", iso_date::format(state.today)), JSON, &text);
        }
    };
    let start_new = move |_| {
        let unbacked =
            state.notice.with_untracked(|n| matches!(n, Some(Notice::Damaged { backup: Some(Err(_)) | None, .. })));
        let confirmed = !unbacked
            || window()
                .confirm_with_message(
                    "No copy of the unreadable data could be kept. Starting over replaces it for good. Download it first if you may need it. Start over?",
                )
                .unwrap_or(false);
        if confirmed {
            start_over(state);
        }
    };
    view! {
        <div class="kk-notices">
            <When when=move || state.notice.with(|n| n.is_some())>
                <div class="kk-banner" role="alert">
                    <span aria-hidden="true">"⚠ "</span>
                    {dynamic_text(move || state.notice.with(|n| n.as_ref().map(|n| n.text())))}
                    <When when=move || !state.host_read_only.get() && state.notice.with(|n| n.as_ref().is_some_and(|n| n.offers_start_over()))>
                        <span class="kk-banner-actions">
                            <button type="button" on:click=download_damaged>"Download the unreadable data"</button>
                            <button type="button" on:click=start_new>"Start a new scorecard"</button>
                        </span>
                    </When>
                    <When when=move || state.notice.with(|n| n.as_ref().is_some_and(Notice::dismissable))>
                        <button type="button" class="kk-link" on:click=move |_| state.notice.set(None)>"Dismiss"</button>
                    </When>
                </div>
            </When>
            <div class="kk-toast" role="status" aria-live="polite" node_ref=toast>
                {dynamic(move || state.toast.get().map(|t| view! {
                    <span>{t.text}</span>
                    {match t.action {
                        ToastAction::None => None,
                        ToastAction::Undo => Some(view! { <button type="button" on:click=move |_| {
                            keep_focus();
                            state.undo();
                        }>"Undo"</button> }.into_any()),
                        ToastAction::Restore(card) => Some(view! {
                            <button type="button" on:click=move |_| {
                                keep_focus();
                                super::shelf::restore(state, card);
                            }>"Undo"</button>
                        }.into_any()),
                    }}
                    <button type="button" class="kk-link" aria-label="Dismiss message" on:click=move |_| {
                        keep_focus();
                        state.toast.set(None);
                    }>"×"</button>
                }))}
            </div>
        </div>
    }
}

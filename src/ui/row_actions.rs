//! The Edit / move up / move down / Delete buttons shared by KRA cards and KPI rows.

use leptos::prelude::*;

use super::computed::Computed;
use super::focus::return_focus_on_close;

/// Edit, ↑, ↓ and Delete for one item. Each button's accessible name says what it acts on
/// ("Move KPI Leads converted up"), since the visible symbols alone would not.
///
/// With a mouse, the buttons stay faint until their row is pointed at or holds the focus
/// (`kk-quiet-action` in the stylesheet), so a scorecard at rest shows scores, not controls;
/// they stay in the tab order and are never hidden from touch screens or screen readers.
#[component]
pub fn RowActions(
    /// "KRA" or "KPI".
    kind: &'static str,
    #[prop(into)] name: Computed<String>,
    #[prop(into)] on_edit: Callback<()>,
    /// Whether the edit form is open (for `aria-expanded`).
    #[prop(into)]
    editing: Computed<bool>,
    /// Called with −1 (up) or +1 (down).
    #[prop(into)]
    on_move: Callback<isize>,
    #[prop(into)] on_delete: Callback<()>,
) -> impl IntoView {
    let edit_button = NodeRef::<leptos::html::Button>::new();
    return_focus_on_close(editing, edit_button);
    let label = move |verb: &'static str, rest: &'static str| move || format!("{verb} {kind} {}{rest}", name.get());
    view! {
        <button type="button" class="kk-quiet-action" node_ref=edit_button on:click=move |_| on_edit.run(()) aria-label=label("Edit", "") aria-expanded=move || editing.get().to_string()>"Edit"</button>
        <button type="button" class="kk-quiet-action" on:click=move |_| on_move.run(-1) aria-label=label("Move", " up")>"↑"</button>
        <button type="button" class="kk-quiet-action" on:click=move |_| on_move.run(1) aria-label=label("Move", " down")>"↓"</button>
        <button type="button" class="kk-danger kk-quiet-action" on:click=move |_| on_delete.run(()) aria-label=label("Delete", "")>"Delete"</button>
    }
}

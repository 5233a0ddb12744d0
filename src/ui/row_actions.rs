//! The Edit / move up / move down / Delete buttons shared by KRA cards and KPI rows.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::computed::Computed;
use super::focus::{focus_lost, keep_focus_near, return_focus_on_close};

/// Edit, ↑, ↓ and Delete for one item. Each button's accessible name says what it acts on
/// ("Move KPI Leads converted up"), since the visible symbols alone would not.
///
/// With a mouse, the buttons stay faint until their row is pointed at or holds the focus
/// (`kk-quiet-action` in the stylesheet), so a scorecard at rest shows scores, not controls;
/// they stay in the tab order and are never hidden from touch screens or screen readers.
///
/// The keyboard focus stays with the item: a moved row is taken out of the page and put back,
/// which drops the focus to the page, so the pressed arrow takes it again (pressing it again
/// moves the row another step); a deleted row hands it to the next row, or the one before.
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
    // The pressed button is read from the click (not kept in a NodeRef: a thousand rows would
    // keep two thousand of them) and takes the focus back if the move dropped it.
    let move_by = move |by: isize, ev: web_sys::MouseEvent| {
        let button = pressed(&ev).and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
        on_move.run(by);
        request_animation_frame(move || {
            if let Some(b) = button.filter(|_| focus_lost()) {
                let _ = b.focus();
            }
        });
    };
    let delete = move |ev: web_sys::MouseEvent| {
        if let Some(row) = pressed(&ev).and_then(|b| b.closest("tr, article").ok().flatten()) {
            keep_focus_near(&row);
        }
        on_delete.run(());
    };
    let label = move |verb: &'static str, rest: &'static str| move || format!("{verb} {kind} {}{rest}", name.get());
    view! {
        <button type="button" class="kk-quiet-action" node_ref=edit_button on:click=move |_| on_edit.run(()) aria-label=label("Edit", "") aria-expanded=move || editing.get().to_string()>"Edit"</button>
        <button type="button" class="kk-quiet-action" on:click=move |ev| move_by(-1, ev) aria-label=label("Move", " up")>"↑"</button>
        <button type="button" class="kk-quiet-action" on:click=move |ev| move_by(1, ev) aria-label=label("Move", " down")>"↓"</button>
        <button type="button" class="kk-danger kk-quiet-action" on:click=delete aria-label=label("Delete", "")>"Delete"</button>
    }
}

/// The button a click was on. Leptos hands clicks on from one listener at the widget's root, so
/// the event's `currentTarget` is that root, not the button.
fn pressed(ev: &web_sys::MouseEvent) -> Option<web_sys::Element> {
    let target = ev.target()?.dyn_into::<web_sys::Element>().ok()?;
    target.closest("button").ok().flatten()
}

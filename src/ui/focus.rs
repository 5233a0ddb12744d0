//! Moving the keyboard focus when a form opens and closes.
//!
//! A form that appears on demand (Edit, Rename) takes the focus, so the next key types into it;
//! when it closes, the focus goes back to the button that opened it rather than to the top of
//! the page, which is where a browser puts it when the focused element is removed. A view that
//! replaces the focused control (a panel whose code arrived after "Try again") hands the focus to
//! its own first control, for the same reason.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::computed::Computed;
use super::effect::{effect, watch};

/// The controls a form can start in, in document order.
const FIELDS: &str = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";

/// What a keyboard user can reach with Tab, in document order.
const CONTROLS: &str = "a[href], button:not([disabled]), input:not([disabled]), select:not([disabled]), \
                        textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";

/// Focuses `el` if it matches `selector`, or else its first descendant that does. Returns
/// whether something took the focus.
fn focus_first(el: &web_sys::Element, selector: &str) -> bool {
    let target = if el.matches(selector).unwrap_or(false) {
        Some(el.clone())
    } else {
        el.query_selector(selector).ok().flatten()
    };
    target.and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()).is_some_and(|t| t.focus().is_ok())
}

/// Focuses the first field inside `container` once it is on screen.
///
/// ```ignore
/// let form = NodeRef::<leptos::html::Form>::new();
/// focus_first_field_on_mount(form);
/// view! { <form node_ref=form>…</form> }
/// ```
pub fn focus_first_field_on_mount<E>(container: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    effect(move |_| {
        let Some(el) = container.get() else { return };
        if let Some(el) = el.dyn_ref::<web_sys::Element>() {
            focus_first(el, FIELDS);
        }
    });
}

/// Gives the focus to the first control among `parent`'s children after `before` (from the
/// first child if `None`), or inside them, if the focus has fallen to the page: the control
/// that had it was replaced there. Does nothing if the focus has moved on, or if `parent` has
/// left the document.
///
/// ```ignore
/// // The alert held the focus; remember where it was, then once its replacement is drawn:
/// let (parent, before) = (alert.parent_node()?, alert.previous_sibling());
/// request_animation_frame(move || focus_first_control_after(&parent, before.as_ref()));
/// ```
pub fn focus_first_control_after(parent: &web_sys::Node, before: Option<&web_sys::Node>) {
    if !focus_lost() || !parent.is_connected() {
        return;
    }
    // `before` may have gone with what it preceded: start from the top then.
    let before = before.filter(|b| b.parent_node().is_some_and(|p| p.is_same_node(Some(parent))));
    let mut node = match before {
        Some(b) => b.next_sibling(),
        None => parent.first_child(),
    };
    while let Some(n) = node {
        if n.dyn_ref::<web_sys::Element>().is_some_and(|el| focus_first(el, CONTROLS)) {
            return;
        }
        node = n.next_sibling();
    }
}

/// Keeps the keyboard focus near `el`, which the change about to be made removes or replaces
/// (a deleted row, the first screen's buttons once a scorecard is loaded, a message's own
/// buttons): once the change is drawn, if the focus has fallen to the page, it goes to the first
/// control after where `el` was (its replacement's, or a following sibling's), or else to the
/// nearest sibling before it with one, or else to the first control after `el`'s parent,
/// grandparent and so on, within the widget.
///
/// ```ignore
/// if let Some(row) = row_ref.get_untracked() { keep_focus_near(&row); }
/// state.commit(edit); // removes the row
/// ```
pub fn keep_focus_near(el: &web_sys::Element) {
    let Some(parent) = el.parent_node() else { return };
    let before = el.previous_sibling();
    request_animation_frame(move || {
        focus_first_control_after(&parent, before.as_ref());
        // Nothing after it (the last row went): the nearest sibling before it with a control.
        let mut node = before.filter(|b| b.parent_node().is_some_and(|p| p.is_same_node(Some(&parent))));
        while let Some(n) = node.filter(|_| focus_lost()) {
            if let Some(el) = n.dyn_ref::<web_sys::Element>() {
                focus_first(el, CONTROLS);
            }
            node = n.previous_sibling();
        }
        // Outwards, up to the widget's root: never to the host page's controls.
        let mut inner = parent;
        while focus_lost()
            && !inner.dyn_ref::<web_sys::Element>().is_some_and(|el| el.class_list().contains(super::mount::ROOT_CLASS))
        {
            let Some(outer) = inner.parent_node() else { return };
            focus_first_control_after(&outer, Some(&inner));
            inner = outer;
        }
    });
}

/// Whether the keyboard focus has fallen to the page: the control that held it left the page
/// (a browser then focuses the body), or nothing holds it. Focus inside the widget's shadow root
/// shows in the document as its host element, which is not the body.
pub fn focus_lost() -> bool {
    let body: Option<web_sys::Node> = document().body().map(Into::into);
    document().active_element().is_none_or(|f| f.is_same_node(body.as_ref()))
}

/// Puts the focus back on `opener` each time `open` goes from true to false.
///
/// ```ignore
/// let edit_button = NodeRef::<leptos::html::Button>::new();
/// return_focus_on_close(editing.into(), edit_button);
/// ```
pub fn return_focus_on_close<E>(open: Computed<bool>, opener: NodeRef<E>)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    watch(
        move || open.get(),
        move |&now, was| {
            if was == Some(&true) && !now {
                // The opener may itself have been re-rendered by the same change: wait for it.
                request_animation_frame(move || {
                    if let Some(el) = opener.get_untracked() {
                        if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
                            let _ = el.focus();
                        }
                    }
                });
            }
        },
        false,
    );
}

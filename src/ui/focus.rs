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
    let body: Option<web_sys::Node> = document().body().map(Into::into);
    let lost = document().active_element().is_none_or(|f| f.is_same_node(body.as_ref()));
    if !lost || !parent.is_connected() {
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

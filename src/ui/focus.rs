//! Moving the keyboard focus when a form opens and closes.
//!
//! A form that appears on demand (Edit, Rename) takes the focus, so the next key types into it;
//! when it closes, the focus goes back to the button that opened it rather than to the top of
//! the page, which is where a browser puts it when the focused element is removed.

use leptos::html::ElementType;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::effect::{effect, watch};

/// The controls a form can start in, in document order.
const FIELDS: &str = "input:not([type=hidden]):not([disabled]), select:not([disabled]), textarea:not([disabled])";

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
        let Some(el) = el.dyn_ref::<web_sys::Element>() else { return };
        if let Ok(Some(field)) = el.query_selector(FIELDS) {
            if let Some(field) = field.dyn_ref::<web_sys::HtmlElement>() {
                let _ = field.focus();
            }
        }
    });
}

/// Puts the focus back on `opener` each time `open` goes from true to false.
///
/// ```ignore
/// let edit_button = NodeRef::<leptos::html::Button>::new();
/// return_focus_on_close(editing.into(), edit_button);
/// ```
pub fn return_focus_on_close<E>(open: Signal<bool>, opener: NodeRef<E>)
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

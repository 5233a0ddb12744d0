//! Following a `<details>` element's open state from its `toggle` event.

use wasm_bindgen::JsCast;

/// Whether the `<details>` that fired `ev` (a `toggle` event) is now open: for panels that
/// build their content only while open.
pub fn is_open(ev: &web_sys::Event) -> bool {
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|d| d.has_attribute("open"))
}

/// Sets `opened` the first time the `<details>` that fired `ev` (a `toggle` event) opens, and
/// never unsets it: for content built on first open and then kept, so what was typed into it
/// survives closing.
///
/// ```ignore
/// let opened = Var::new(false);
/// view! { <details on:toggle=move |ev| mark_opened(&ev, opened)>…<When when=move || opened.get()>…</When></details> }
/// ```
pub fn mark_opened(ev: &web_sys::Event, opened: super::var::Var<bool>) {
    if is_open(ev) && !opened.get_untracked() {
        opened.set(true);
    }
}

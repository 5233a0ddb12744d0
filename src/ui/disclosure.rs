//! Following a `<details>` element's open state from its `toggle` event.

use wasm_bindgen::JsCast;

/// Whether the `<details>` that fired `ev` (a `toggle` event) is now open: for panels that
/// build their content only while open.
pub fn is_open(ev: &web_sys::Event) -> bool {
    ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).is_some_and(|d| d.has_attribute("open"))
}

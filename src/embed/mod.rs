//! The JavaScript embedding API, the adapter between a host page and the widget.
//!
//! A host page does not call this module directly: it imports `kra-kpi.js` (in `js/`), which
//! loads the WebAssembly, defines the `<kra-kpi-scorecard>` element and wraps [`mount_widget`]
//! in a `mount(element, options)` that returns an `EventTarget`. README, Embedding, documents
//! that API; this module is what it stands on.

pub mod options;
pub mod scores;
#[cfg(target_arch = "wasm32")]
pub mod widget;

#[cfg(target_arch = "wasm32")]
pub use widget::{mount_widget, Widget};

/// The version of the embedding API (options, handle, events and the scores' shape). It
/// changes only when something a host page relies on changes.
pub const API_VERSION: u32 = 1;

/// The size of the WebAssembly memory in bytes, for the browser benchmark
/// (`scripts/bench.mjs`).
///
/// Memory only grows, so this is the high-water mark of everything the widget has held.
#[cfg(target_arch = "wasm32")]
#[wasm_bindgen::prelude::wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| m.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64)
        .unwrap_or(0.0)
}

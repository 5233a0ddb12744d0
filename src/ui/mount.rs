//! Placing the widget into a host page.

use jiff::civil::Date;
use leptos::prelude::*;

use super::app::App;
use crate::storage::local::DEFAULT_KEY;

/// How a widget instance is set up.
///
/// # Example
///
/// ```
/// use kra_kpi::WidgetOptions;
///
/// let options = WidgetOptions { storage_key: "hr-portal:kra-kpi".into(), ..WidgetOptions::default() };
/// assert_eq!(options.today, None);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetOptions {
    /// The localStorage key the framework is saved under (default `kra-kpi:default`).
    pub storage_key: String,
    /// Overrides today's date (tests, demos); `None` uses the browser clock.
    pub today: Option<Date>,
}

impl Default for WidgetOptions {
    fn default() -> Self {
        WidgetOptions { storage_key: DEFAULT_KEY.to_owned(), today: None }
    }
}

/// Mounts a widget into `host`. Each call creates an independent instance with its own state,
/// so two widgets on one page (with different storage keys) never share anything.
pub fn mount(host: web_sys::HtmlElement, options: WidgetOptions) {
    // The widget's styles and colours hang off `.kk-root`; the host need not remember it.
    let _ = host.class_list().add_1("kk-root");
    leptos::mount::mount_to(host, move || view! { <App options=options /> }).forget();
}

/// The size of the WebAssembly memory in bytes, for the browser benchmark
/// (`scripts/bench.mjs` reads it as `window.wasmBindings.wasm_memory_bytes()`).
///
/// Memory only grows, so this is the high-water mark of everything the widget has held.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn wasm_memory_bytes() -> f64 {
    use wasm_bindgen::JsCast;
    wasm_bindgen::memory()
        .dyn_into::<js_sys::WebAssembly::Memory>()
        .map(|m| m.buffer().unchecked_into::<js_sys::ArrayBuffer>().byte_length() as f64)
        .unwrap_or(0.0)
}

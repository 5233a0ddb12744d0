//! The stand-alone page: mounts the widget into `#kra-kpi` (or `<body>` if that is missing).

use wasm_bindgen::JsCast;

fn main() {
    let document = web_sys::window().and_then(|w| w.document());
    let host = document
        .as_ref()
        .and_then(|d| d.get_element_by_id("kra-kpi"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .or_else(|| document.and_then(|d| d.body()));
    if let Some(host) = host {
        kra_kpi::mount(host, kra_kpi::WidgetOptions::default());
    }
}

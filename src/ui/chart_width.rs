//! The width a chart is drawn at: the width it is shown at.
//!
//! plotters draws text at a fixed pixel size. An SVG drawn 520 px wide and squeezed into a
//! 300 px phone column shows its 12 px labels at 7 px; one drawn at the column's own width keeps
//! them at 12 px. So each chart measures its box (and follows it as the window, the host page's
//! layout or a phone's orientation changes it) and redraws at that width.

use leptos::html::Div;
use leptos::prelude::*;

use super::computed::Computed;
use super::effect::effect;
use super::var::Var;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

/// Narrower than this, a chart is drawn at this width and scaled down (a 320 px phone leaves
/// about 270 px for it).
pub const MIN_WIDTH: u32 = 240;
/// Wider than this, the chart stops growing: longer lines, not more information.
pub const MAX_WIDTH: u32 = 1200;
/// The width while printing: fits an A4 or US Letter page with the browser's default margins.
pub const PRINT_WIDTH: u32 = 640;

/// Calls `f` with the content-box width of `node`, in CSS pixels, once it is on screen and
/// whenever it changes (a ResizeObserver, disconnected when the owner is cleaned up). A box
/// with no width (hidden, folded, print-only) is not reported, so callers keep what they had.
pub fn on_width(node: NodeRef<Div>, f: impl Fn(f64) + 'static) {
    let f = std::rc::Rc::new(f);
    effect(move |_| {
        let Some(element) = node.get() else { return };
        let f = f.clone();
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let width = entries
                .get(0)
                .dyn_into::<web_sys::ResizeObserverEntry>()
                .map(|e| e.content_rect().width())
                .unwrap_or(0.0);
            if width >= 1.0 {
                f(width);
            }
        });
        let Ok(observer) = web_sys::ResizeObserver::new(on_resize.into_js_value().unchecked_ref()) else { return };
        observer.observe(&element);
        let observer = SendWrapper::new(observer);
        on_cleanup(move || observer.disconnect());
    });
}

/// The width to draw a chart at, in CSS pixels, for the chart placed in `node`: its box's width
/// within [`MIN_WIDTH`]..=[`MAX_WIDTH`], or [`PRINT_WIDTH`] while `printing`. Starts at
/// `initial` until the box has been measured.
pub fn chart_width(node: NodeRef<Div>, printing: Var<bool>, initial: u32) -> Computed<u32> {
    let measured = Var::new(initial);
    // A box with no width is hidden (a folded section, a print-only layout): `on_width` keeps
    // the last width rather than drawing a chart nobody sees at the smallest size.
    on_width(node, move |width| {
        let width = (width.floor() as u32).clamp(MIN_WIDTH, MAX_WIDTH);
        if measured.get_untracked() != width {
            measured.set(width);
        }
    });
    Computed::new(move || if printing.get() { PRINT_WIDTH } else { measured.get() })
}

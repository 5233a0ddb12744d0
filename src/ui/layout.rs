//! Which layout the widget's width allows: the readings panel beside the KRAs, or under the KPI.

use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::state::AppState;

/// The widget's width, in CSS pixels, from which the readings panel sits beside the KRAs.
/// Must match the `@container kk (min-width: 1060px)` rule in `style/kra-kpi.css`.
pub const SIDE_PANEL_FROM: f64 = 1060.0;

/// Keeps [`AppState::side_panel`] in step with the width of `node` (the widget's content box,
/// which the stylesheet's container queries measure too). A box with no width (hidden,
/// printing) leaves the layout as it was.
pub fn track_layout(state: AppState, node: NodeRef<Div>) {
    Effect::new(move |_| {
        let Some(element) = node.get() else { return };
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let width = entries
                .get(0)
                .dyn_into::<web_sys::ResizeObserverEntry>()
                .map(|e| e.content_rect().width())
                .unwrap_or(0.0);
            if width >= 1.0 {
                let wide = width >= SIDE_PANEL_FROM;
                if state.side_panel.get_untracked() != wide {
                    state.side_panel.set(wide);
                }
            }
        });
        let Ok(observer) = web_sys::ResizeObserver::new(on_resize.into_js_value().unchecked_ref()) else { return };
        observer.observe(&element);
        let observer = SendWrapper::new(observer);
        on_cleanup(move || observer.disconnect());
    });
}

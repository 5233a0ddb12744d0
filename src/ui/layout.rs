//! Which layout the widget's width allows: the readings panel beside the KRAs, or under the KPI.

use leptos::html::Div;
use leptos::prelude::*;

use super::chart_width::on_width;
use super::state::AppState;

/// The widget's width, in CSS pixels, from which the readings panel sits beside the KRAs.
/// Must match the `@container kk (min-width: 1060px)` rule in `style/kra-kpi.css`.
pub const SIDE_PANEL_FROM: f64 = 1060.0;

/// Keeps [`AppState::side_panel`] in step with the width of `node` (the widget's content box,
/// which the stylesheet's container queries measure too). A box with no width (hidden,
/// printing) leaves the layout as it was.
pub fn track_layout(state: AppState, node: NodeRef<Div>) {
    on_width(node, move |width| {
        let wide = width >= SIDE_PANEL_FROM;
        if state.side_panel.get_untracked() != wide {
            state.side_panel.set(wide);
        }
    });
}

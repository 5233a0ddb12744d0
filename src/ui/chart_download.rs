//! "Download SVG": a chart handed over as a file of its own, for a slide deck or a report.

use leptos::prelude::*;

use super::download::download_text;
use super::state::{AppState, Toast};
use crate::charts::standalone::standalone_svg;
use crate::exchange::file::file_name;

/// The media type of an SVG download.
pub const SVG: &str = "image/svg+xml";

/// Offers `svg` (a chart drawn for download) as `<scorecard name> <subject> <date>.svg`, titled
/// `title`. Says so in the toast when there is nothing to download or the browser refuses.
pub fn offer_chart(state: AppState, subject: &str, title: &str, svg: Option<String>) {
    let Some(svg) = svg else {
        state.toast.set(Some(Toast::info("This chart could not be drawn for download.")));
        return;
    };
    let file = state.framework.with_untracked(|f| file_name(&format!("{} {subject}", f.name()), state.today, "svg"));
    if !download_text(&file, SVG, &standalone_svg(&svg, title)) {
        state.toast.set(Some(Toast::info("This browser did not allow the download.")));
    }
}

//! "Download SVG" and "Download PNG": a chart handed over as a file of its own, for a slide deck
//! or a report. SVG stays sharp at any size and prints well; PNG goes where SVG cannot (Google
//! Slides, most e-mail, chat).

use leptos::prelude::*;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use super::computed::Computed;
use super::download::{download_blob, download_text};
use super::state::{AppState, Toast};
use crate::charts::standalone::standalone_svg;
use crate::exchange::file::file_name;

/// The media type of an SVG download.
pub const SVG: &str = "image/svg+xml";

/// How many device pixels a PNG gets per pixel of the chart: sharp on high-density screens and
/// projected slides (a chart drawn 960 wide becomes a 1,920-pixel image).
const PNG_SCALE: u32 = 2;

/// A chart as a download offers it, drawn only when a button is pressed.
pub struct ChartFile {
    /// What the chart shows, for the file name: `<scorecard name> <subject> <date>.svg`.
    pub subject: String,
    /// The title written into the file (and read by screen readers opening it).
    pub title: String,
    /// The chart drawn at download width, `None` if it could not be drawn.
    pub svg: Option<String>,
}

/// The file formats a chart downloads in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum ChartFormat {
    /// The drawing itself, with its title and a white background.
    Svg,
    /// The same drawing as an image at [`PNG_SCALE`] times its size.
    Png,
}

/// "Download SVG" and "Download PNG" for one chart. `what` names the chart inside the buttons'
/// accessible names ("Download `what` as PNG"); `chart` draws it when a button is pressed.
#[component]
pub fn ChartDownloads(#[prop(into)] what: Computed<String>, chart: Callback<(), ChartFile>) -> impl IntoView {
    let state = super::state::use_state();
    view! {
        <span class="kk-chart-downloads">
            <button type="button" aria-label=move || format!("Download {} as SVG", what.get())
                on:click=move |_| offer_chart(state, chart.run(()), ChartFormat::Svg)>"Download SVG"</button>
            <button type="button" aria-label=move || format!("Download {} as PNG", what.get())
                on:click=move |_| offer_chart(state, chart.run(()), ChartFormat::Png)>"Download PNG"</button>
        </span>
    }
}

/// Offers `chart` as `<scorecard name> <subject> <date>.svg` or `.png`. Says so in the toast
/// when there is nothing to download or the browser refuses.
fn offer_chart(state: AppState, chart: ChartFile, format: ChartFormat) {
    let Some(svg) = chart.svg else {
        state.toast.set(Some(Toast::info("This chart could not be drawn for download.")));
        return;
    };
    let svg = standalone_svg(&svg, &chart.title);
    let name = format!("{} {}", state.framework.with_untracked(|f| f.name().to_owned()), chart.subject);
    let offered = match format {
        ChartFormat::Svg => download_text(&file_name(&name, state.today, "svg"), SVG, &svg),
        ChartFormat::Png => start_png(state, &svg, file_name(&name, state.today, "png")).is_some(),
    };
    if !offered {
        refused(state);
    }
}

fn refused(state: AppState) {
    state.toast.set(Some(Toast::info("This browser did not allow the download.")));
}

/// Loads `svg` as an image (a `data:` URL, which a strict `img-src 'self' data:` allows), then
/// draws it on a canvas and downloads the canvas as a PNG. The browser does both steps
/// asynchronously; a failure in either is told in the toast.
fn start_png(state: AppState, svg: &str, file: String) -> Option<()> {
    let image = web_sys::HtmlImageElement::new().ok()?;
    let loaded = image.clone();
    let on_load = Closure::once_into_js(move || {
        if draw_png(state, &loaded, file).is_none() {
            refused(state);
        }
    });
    let on_error = Closure::once_into_js(move || {
        state.toast.set(Some(Toast::info("This chart could not be turned into a PNG.")));
    });
    image.set_onload(Some(on_load.unchecked_ref()));
    image.set_onerror(Some(on_error.unchecked_ref()));
    image.set_src(&format!("data:image/svg+xml;charset=utf-8,{}", js_sys::encode_uri_component(svg)));
    Some(())
}

fn draw_png(state: AppState, image: &web_sys::HtmlImageElement, file: String) -> Option<()> {
    let (width, height) = (image.natural_width() * PNG_SCALE, image.natural_height() * PNG_SCALE);
    if width == 0 || height == 0 {
        return None;
    }
    let canvas: web_sys::HtmlCanvasElement = document().create_element("canvas").ok()?.dyn_into().ok()?;
    canvas.set_width(width);
    canvas.set_height(height);
    let context: web_sys::CanvasRenderingContext2d = canvas.get_context("2d").ok()??.dyn_into().ok()?;
    context
        .draw_image_with_html_image_element_and_dw_and_dh(image, 0.0, 0.0, f64::from(width), f64::from(height))
        .ok()?;
    let done = Closure::once_into_js(move |blob: Option<web_sys::Blob>| {
        if !blob.is_some_and(|blob| download_blob(&file, &blob)) {
            refused(state);
        }
    });
    canvas.to_blob(done.unchecked_ref()).ok()
}

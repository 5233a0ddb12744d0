//! kra-kpi: a client-side KRA/KPI scorecard widget.
//!
//! - [`clock`] and [`case`]: what the browser provides in the widget and the standard library
//!   in native tests (today's date, lower-casing).
//! - [`domain`]: the pure core (model, validation, periods, scoring), no web types.
//! - [`storage`]: the saved format (versioned JSON) and the localStorage adapter.
//! - [`exchange`]: export and import: scorecard files and CSV.
//! - [`charts`]: SVG charts drawn with plotters.
//! - [`ui`]: Leptos components, and [`mount`] to place the widget in a host element.
//! - [`embed`]: the JavaScript embedding API (`mount()`, the custom element's handle, events).

pub mod case;
pub mod charts;
pub mod clock;
pub mod domain;
pub mod embed;
pub mod exchange;
pub mod storage;
pub mod ui;

pub use ui::mount::{mount, WidgetOptions};

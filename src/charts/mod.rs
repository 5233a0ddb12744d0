//! Charts, drawn with plotters into SVG text.
//!
//! Rendering to a string keeps charts testable on the host and free of canvas state; the UI
//! inserts the SVG and gives it an accessible name and a data table.

pub mod bullet;
pub mod heatmap;
pub mod score_history;
pub mod sparkline;
pub mod standalone;
pub mod status_colours;
pub mod svg_backend;
pub mod trend;

pub use sparkline::{sparkline, Sparkline};
pub use trend::{trend_series, trend_svg, TrendPoint, TrendSeries};

//! The pure domain core: the KRA/KPI model, validation, periods and scoring.
//!
//! Nothing here knows about the browser, Leptos or storage; it is plain data and functions,
//! tested natively with `cargo test`. (One exception: [`decimal`] hands the rare long number to
//! the JavaScript engine's `parseFloat` in WebAssembly; its module comment says why.)
//! The UI and the adapters call in; nothing calls out.

pub mod compare;
pub mod decimal;
pub mod demo;
pub mod direction;
pub mod edit;
pub mod entry_grid;
pub mod error;
pub mod format;
pub mod framework;
pub mod history;
pub mod id;
pub mod input;
pub mod iso_date;
pub mod keyword;
pub mod kpi;
pub mod kpi_names;
pub mod kra;
pub mod movers;
pub mod next_reading;
pub mod ordered;
pub mod overdue;
pub mod period;
pub mod reading;
pub mod reading_batch;
pub mod rebase;
pub mod review;
pub mod review_edit;
pub mod score_history;
pub mod scoring;
pub mod shared;
pub mod summary;
pub mod target;
pub mod template;
pub mod templates;

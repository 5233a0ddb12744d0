//! The Leptos user interface.
//!
//! Components read reactive state from [`state::AppState`] and change the framework only
//! through its domain methods, via [`state::AppState::edit`], which records undo history and
//! saves. Each KRA card and KPI row subscribes to its own slice of the framework through a
//! memo, so an edit re-renders only what it changed.

pub mod app;
pub mod chart;
pub mod explain;
pub mod fields;
pub mod header;
pub mod kpi_form;
pub mod kpi_row;
pub mod kra_card;
pub mod kra_form;
pub mod mount;
pub mod notices;
pub mod reading_panel;
pub mod row_actions;
pub mod settings_panel;
pub mod state;
pub mod status_badge;
pub mod today;

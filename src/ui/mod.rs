//! The Leptos user interface.
//!
//! Components read reactive state from [`state::AppState`] and change the framework only by
//! sending [`Edit`](crate::domain::edit::Edit)s to [`state::AppState::commit`], which applies
//! them through the domain, records their inverses for undo and queues them for saving
//! ([`persistence`]). Each KRA card and KPI row reads its own signals (its KRA or KPI, its score,
//! its readings: [`slots::Slots`]), written only when that part changed, so an edit wakes and
//! re-renders only the views of what it changed.

pub mod after_paint;
pub mod app;
pub mod backups;
pub mod bullet_panel;
pub mod chart;
pub mod chart_download;
pub mod chart_width;
pub mod compare;
pub mod computed;
pub mod csv_import;
pub mod derived;
pub mod disclosure;
pub mod download;
pub mod dynamic;
pub mod each;
pub mod effect;
pub mod entry_grid;
mod erased;
pub mod explain;
pub mod fields;
pub mod file_text;
pub mod focus;
pub mod header;
pub mod kpi_form;
pub mod kpi_row;
pub mod kpi_sparkline;
pub mod kra_card;
pub mod kra_form;
pub mod layout;
pub mod lazy;
pub mod mount;
pub mod movers;
pub mod notice;
pub mod notices;
pub mod number_format;
pub mod persistence;
pub mod presentation;
pub mod reading_panel;
pub mod reminders;
pub mod review_panel;
pub mod row_actions;
pub mod score_heatmap;
pub mod score_history;
pub mod scorecards;
pub mod settings_panel;
pub mod share;
pub mod share_codec;
pub mod shelf;
pub mod slots;
pub mod state;
pub mod status_badge;
pub mod template_picker;
pub mod today;
pub mod transfer;
pub mod var;
pub mod when;

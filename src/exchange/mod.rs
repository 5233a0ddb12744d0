//! Data in and out of the widget: scorecard files and CSV.
//!
//! Pure and host-tested: these functions turn frameworks into text and text back into
//! frameworks (or readings), with a typed reason for everything they refuse. Offering the text
//! as a download or reading a chosen file is the UI's part (`ui::transfer`).

pub mod csv;
pub mod csv_import;
pub mod file;
pub mod merge;
pub mod share;

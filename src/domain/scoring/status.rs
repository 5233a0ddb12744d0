//! Red / amber / green status, always with words as well as colour.

use serde::{Deserialize, Serialize};

/// The status of a KPI, KRA or framework in a review period.
///
/// The UI shows [`Status::label`] and [`Status::symbol`] beside the colour, so status is never
/// conveyed by colour alone.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Status {
    Green,
    Amber,
    Red,
    /// No reading in the period: left out of the roll-up.
    NoData,
    /// Marked not applicable: left out of the roll-up.
    NotApplicable,
}

impl Status {
    /// The word shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Status::Green => "Green",
            Status::Amber => "Amber",
            Status::Red => "Red",
            Status::NoData => "No reading",
            Status::NotApplicable => "N/A",
        }
    }

    /// A shape that carries the meaning without colour.
    pub fn symbol(self) -> &'static str {
        match self {
            Status::Green => "✓",
            Status::Amber => "!",
            Status::Red => "✕",
            Status::NoData => "○",
            Status::NotApplicable => "∅",
        }
    }

    /// The stable name used in the embedding API's scores: "green", "amber", "red",
    /// "no-data", "not-applicable".
    pub fn key(self) -> &'static str {
        match self {
            Status::Green => "green",
            Status::Amber => "amber",
            Status::Red => "red",
            Status::NoData => "no-data",
            Status::NotApplicable => "not-applicable",
        }
    }

    /// A CSS class suffix: "green", "amber", "red", "none", "na".
    pub fn css(self) -> &'static str {
        match self {
            Status::Green => "green",
            Status::Amber => "amber",
            Status::Red => "red",
            Status::NoData => "none",
            Status::NotApplicable => "na",
        }
    }
}

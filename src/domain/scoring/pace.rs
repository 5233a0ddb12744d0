//! Pace: is an unfinished period heading for its target?

use serde::{Deserialize, Serialize};

use super::status::Status;

/// Whether the current, unfinished period is on course.
///
/// Worked out by projecting the period-end value (a sum grows with time: value ÷ elapsed share;
/// other rules: the value so far) and scoring the projection like a finished period: green is
/// on track, amber behind, red at risk.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Pace {
    OnTrack,
    Behind,
    AtRisk,
}

impl Pace {
    /// The pace matching a projected status; `None` when there is nothing to project.
    pub fn from_status(status: Status) -> Option<Pace> {
        match status {
            Status::Green => Some(Pace::OnTrack),
            Status::Amber => Some(Pace::Behind),
            Status::Red => Some(Pace::AtRisk),
            Status::NoData | Status::NotApplicable => None,
        }
    }

    /// The words shown to the user.
    pub fn label(self) -> &'static str {
        match self {
            Pace::OnTrack => "on track",
            Pace::Behind => "behind",
            Pace::AtRisk => "at risk",
        }
    }
}

//! The scoring conventions a consultant can choose between.

use serde::{Deserialize, Serialize};

use crate::domain::keyword::Keyword;

/// How a KPI's value is turned into an achievement percentage.
///
/// Chosen once per framework in [`ScoringSettings`](super::ScoringSettings) and overridable per
/// KPI. The formulas are in the README and in [`achievement`](super::achievement::achievement).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ScoringMethod {
    /// Actual against target: A ÷ T (higher is better).
    #[default]
    Ratio,
    /// Progress from a baseline B: (A − B) ÷ (T − B).
    Progress,
    /// Linear between a red flag (50 %) and a goal (100 %), never dividing by the target.
    Bands,
}

impl ScoringMethod {
    /// Every method, for menus.
    pub const ALL: [ScoringMethod; 3] = [ScoringMethod::Ratio, ScoringMethod::Progress, ScoringMethod::Bands];

    /// The name a user reads.
    pub fn label(self) -> &'static str {
        match self {
            ScoringMethod::Ratio => "ratio to target",
            ScoringMethod::Progress => "progress from baseline",
            ScoringMethod::Bands => "threshold bands",
        }
    }
}

/// How the ratio method scores a lower-is-better KPI.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum LowerRatio {
    /// T ÷ A: halving the cost doubles the score. Undefined for a target ≤ 0 (then the
    /// reflection is used).
    Inverse,
    /// 1 − (A − T) ÷ |T|: every unit over target costs the same. Defined for negative targets.
    #[default]
    Reflection,
}

impl LowerRatio {
    /// Both conventions, for menus.
    pub const ALL: [LowerRatio; 2] = [LowerRatio::Reflection, LowerRatio::Inverse];

    /// The name a user reads in the settings menu.
    pub fn label(self) -> &'static str {
        match self {
            LowerRatio::Reflection => "1 − (A − T) ÷ |T| (reflection)",
            LowerRatio::Inverse => "T ÷ A (inverse)",
        }
    }
}

impl Keyword for ScoringMethod {
    const VALUES: &'static [ScoringMethod] = &ScoringMethod::ALL;
    const WORDS: &'static [&'static str] = &["ratio", "progress", "bands"];
}
crate::keyword_serde!(ScoringMethod);

impl Keyword for LowerRatio {
    const VALUES: &'static [LowerRatio] = &LowerRatio::ALL;
    const WORDS: &'static [&'static str] = &["reflection", "inverse"];
}
crate::keyword_serde!(LowerRatio);

/// Spider Impact-style thresholds: the value at which a KPI reaches its goal, and the value at
/// which it raises a red flag.
///
/// The score is 100 % at the goal and 50 % at the red flag, linear in between and beyond. The
/// direction is implied by which of the two is larger.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Bands {
    #[serde(deserialize_with = "crate::domain::decimal::serde::number")]
    pub red_flag: f64,
    #[serde(deserialize_with = "crate::domain::decimal::serde::number")]
    pub goal: f64,
}

/// Achievement percentages at which a status turns green and amber; below amber is red.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::scoring::{Status, Thresholds};
///
/// let t = Thresholds { green: 100.0, amber: 80.0 };
/// assert_eq!(t.status(84.0), Status::Amber);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct Thresholds {
    #[serde(deserialize_with = "crate::domain::decimal::serde::number")]
    pub green: f64,
    #[serde(deserialize_with = "crate::domain::decimal::serde::number")]
    pub amber: f64,
}

impl Thresholds {
    /// The status of an achievement percentage.
    pub fn status(&self, percent: f64) -> super::Status {
        if percent >= self.green {
            super::Status::Green
        } else if percent >= self.amber {
            super::Status::Amber
        } else {
            super::Status::Red
        }
    }
}

//! Which values of a KPI are good.

use serde::{Deserialize, Serialize};

use super::decimal::Exact;
use super::keyword::Keyword;

/// Which values of a KPI are good, and so how its achievement is scored.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::direction::Direction;
///
/// // "Average handling time" should go down.
/// let d = Direction::LowerIsBetter;
/// assert!(d.prefers(3.0, 4.0));
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case", try_from = "DirectionRecord")]
pub enum Direction {
    /// More is better (revenue, leads converted).
    HigherIsBetter,
    /// Less is better (cost, complaints, handling time).
    LowerIsBetter,
    /// Anything between `min` and `max` inclusive is on target (stock cover, utilisation).
    KeepWithinRange { min: f64, max: f64 },
    /// Hit the target give or take `tolerance` (headcount, budget spend).
    HitValue { tolerance: f64 },
}

/// A saved direction as one flat record: `{"kind": "keep-within-range", "min": 90, "max": 110}`.
///
/// Read this way, then checked ([`TryFrom`]), rather than by serde's internally tagged enum,
/// which buffers every field of every KPI's direction before reading it: slower to load and,
/// with [`TargetPlan`](super::target::TargetPlan)'s, some 10 KB of the download.
#[derive(Deserialize)]
struct DirectionRecord {
    kind: DirectionKind,
    min: Option<Exact>,
    max: Option<Exact>,
    tolerance: Option<Exact>,
}

#[derive(Clone, Copy, PartialEq)]
enum DirectionKind {
    HigherIsBetter,
    LowerIsBetter,
    KeepWithinRange,
    HitValue,
}

impl Keyword for DirectionKind {
    const VALUES: &'static [DirectionKind] = &[
        DirectionKind::HigherIsBetter,
        DirectionKind::LowerIsBetter,
        DirectionKind::KeepWithinRange,
        DirectionKind::HitValue,
    ];
    const WORDS: &'static [&'static str] = &["higher-is-better", "lower-is-better", "keep-within-range", "hit-value"];
}
crate::keyword_serde!(DirectionKind);

impl TryFrom<DirectionRecord> for Direction {
    type Error = String;

    fn try_from(r: DirectionRecord) -> Result<Direction, String> {
        use super::target::required as need;
        Ok(match r.kind {
            DirectionKind::HigherIsBetter => Direction::HigherIsBetter,
            DirectionKind::LowerIsBetter => Direction::LowerIsBetter,
            DirectionKind::KeepWithinRange => {
                Direction::KeepWithinRange { min: need(r.min, "min")?.0, max: need(r.max, "max")?.0 }
            }
            DirectionKind::HitValue => Direction::HitValue { tolerance: need(r.tolerance, "tolerance")?.0 },
        })
    }
}

impl Direction {
    /// Whether value `a` is strictly better than `b`, for the one-sided directions.
    ///
    /// Two-sided directions have no single better side and return `false`.
    pub fn prefers(&self, a: f64, b: f64) -> bool {
        match self {
            Direction::HigherIsBetter => a > b,
            Direction::LowerIsBetter => a < b,
            _ => false,
        }
    }

    /// A short phrase for explanations and menus.
    pub fn label(&self) -> String {
        match self {
            Direction::HigherIsBetter => "higher is better".into(),
            Direction::LowerIsBetter => "lower is better".into(),
            Direction::KeepWithinRange { min, max } => format!("keep within {min}–{max}"),
            Direction::HitValue { tolerance } => format!("hit the target ± {tolerance}"),
        }
    }

    /// The stable key used in forms: "higher", "lower", "range" or "hit".
    pub fn key(&self) -> &'static str {
        match self {
            Direction::HigherIsBetter => "higher",
            Direction::LowerIsBetter => "lower",
            Direction::KeepWithinRange { .. } => "range",
            Direction::HitValue { .. } => "hit",
        }
    }
}

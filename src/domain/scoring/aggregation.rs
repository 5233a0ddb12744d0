//! Combining several readings (or targets) into one value for a review period.

use crate::domain::direction::Direction;
use crate::domain::keyword::Keyword;

/// How readings taken at a KPI's own frequency combine into one review-period value.
///
/// Per-period targets combine the same way, so a monthly target of 50 leads summed over a quarter
/// is 150.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::scoring::Aggregation;
///
/// assert_eq!(Aggregation::Sum.apply(&[3.0, 4.0, 5.0]), Some(12.0));
/// assert_eq!(Aggregation::Last.apply(&[3.0, 4.0, 5.0]), Some(5.0));
/// assert_eq!(Aggregation::Average.apply(&[]), None);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Aggregation {
    /// Totals: revenue, leads, tickets closed.
    Sum,
    /// Rates and averages: satisfaction, handling time.
    #[default]
    Average,
    /// Stock levels and cumulative figures: the latest reading counts.
    Last,
    /// The worst (or best) of the period for higher-is-better.
    Min,
    Max,
}

impl Aggregation {
    /// Every rule, for menus.
    pub const ALL: [Aggregation; 5] =
        [Aggregation::Sum, Aggregation::Average, Aggregation::Last, Aggregation::Min, Aggregation::Max];

    /// Combines values given oldest first; `None` when there are none.
    pub fn apply(self, values: &[f64]) -> Option<f64> {
        let (first, rest) = values.split_first()?;
        Some(match self {
            Aggregation::Sum => values.iter().sum(),
            Aggregation::Average => values.iter().sum::<f64>() / values.len() as f64,
            Aggregation::Last => *values.last().unwrap_or(first),
            Aggregation::Min => rest.iter().fold(*first, |a, b| a.min(*b)),
            Aggregation::Max => rest.iter().fold(*first, |a, b| a.max(*b)),
        })
    }

    /// The rule a new KPI starts with, for its direction: readings of a total (revenue, leads)
    /// add up over a review period, but a range ("7–8 hours of sleep") or a value to hit
    /// ("headcount 100 ± 5") is about the typical reading, so those average. Summing them would
    /// score a quarter of 7.5-hour nights as 22.5 hours, far outside the range.
    ///
    /// # Example
    ///
    /// ```
    /// use kra_kpi::domain::direction::Direction;
    /// use kra_kpi::domain::scoring::Aggregation;
    ///
    /// assert_eq!(Aggregation::default_for(&Direction::HigherIsBetter), Aggregation::Sum);
    /// assert_eq!(Aggregation::default_for(&Direction::KeepWithinRange { min: 7.0, max: 8.0 }), Aggregation::Average);
    /// ```
    pub fn default_for(direction: &Direction) -> Aggregation {
        match direction {
            Direction::HigherIsBetter | Direction::LowerIsBetter => Aggregation::Sum,
            Direction::KeepWithinRange { .. } | Direction::HitValue { .. } => Aggregation::Average,
        }
    }

    /// The phrase used in explanations: "sum", "average", "latest", "lowest", "highest".
    pub fn label(self) -> &'static str {
        match self {
            Aggregation::Sum => "sum",
            Aggregation::Average => "average",
            Aggregation::Last => "latest",
            Aggregation::Min => "lowest",
            Aggregation::Max => "highest",
        }
    }
}

impl Keyword for Aggregation {
    const VALUES: &'static [Aggregation] = &Aggregation::ALL;
    const WORDS: &'static [&'static str] = &["sum", "average", "last", "min", "max"];
}
crate::keyword_serde!(Aggregation);

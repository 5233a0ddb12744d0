//! Targets that may change from period to period.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::iso_date;
use super::period::Period;

/// The target of a KPI for each of its own measurement periods.
///
/// A target is entered once: as a constant, as a list of steps (e.g. twelve monthly targets for a
/// year, the last one holding afterwards) or as a linear ramp from a start value to an end value
/// over a number of periods. Periods are counted in the KPI's measurement frequency starting from
/// the period that contains `from`.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::period::{FiscalYearStart, Frequency, Period};
/// use kra_kpi::domain::target::TargetPlan;
///
/// // Ramp monthly revenue from 100 to 130 over Jan–Apr 2026.
/// let plan = TargetPlan::Ramp { from: date(2026, 1, 1), start: 100.0, end: 130.0, periods: 4 };
/// let march = Period::containing(date(2026, 3, 9), Frequency::Monthly, FiscalYearStart::JANUARY);
/// assert_eq!(plan.target_for(&march), 120.0);
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum TargetPlan {
    /// The same target every period.
    Constant { value: f64 },
    /// `values[i]` is the target of the i-th period from `from`; before it the first value
    /// applies, after it the last.
    Steps {
        #[serde(with = "super::iso_date::serde")]
        from: Date,
        values: Vec<f64>,
    },
    /// Linear from `start` (the period containing `from`) to `end` (`periods − 1` periods
    /// later), flat outside.
    Ramp {
        #[serde(with = "super::iso_date::serde")]
        from: Date,
        start: f64,
        end: f64,
        periods: u32,
    },
}

impl TargetPlan {
    /// A constant target.
    pub fn constant(value: f64) -> TargetPlan {
        TargetPlan::Constant { value }
    }

    /// The target for one of the KPI's own periods.
    pub fn target_for(&self, period: &Period) -> f64 {
        match self {
            TargetPlan::Constant { value } => *value,
            TargetPlan::Steps { from, values } => {
                let index = period.index_from(*from).max(0) as usize;
                let last = values.len().saturating_sub(1);
                values.get(index.min(last)).copied().unwrap_or(0.0)
            }
            TargetPlan::Ramp { from, start, end, periods } => {
                let steps = i64::from(periods.saturating_sub(1));
                if steps == 0 {
                    return *end;
                }
                let index = period.index_from(*from).clamp(0, steps);
                start + (end - start) * index as f64 / steps as f64
            }
        }
    }

    /// A one-line description: "100", "steps 100 → 130 from 2026-01-01", …
    pub fn describe(&self) -> String {
        match self {
            TargetPlan::Constant { value } => format!("{value}"),
            TargetPlan::Steps { from, values } => {
                let list: Vec<String> = values.iter().map(|v| v.to_string()).collect();
                format!("steps {} from {}", list.join(", "), iso_date::format(*from))
            }
            TargetPlan::Ramp { from, start, end, periods } => {
                format!("ramp {start} → {end} over {periods} periods from {}", iso_date::format(*from))
            }
        }
    }

    /// Every number in the plan is finite, and a step list is not empty.
    pub fn validate(&self) -> Result<(), super::error::ValidationError> {
        use super::error::ValidationError;
        let finite = |v: f64| super::input::check_finite("Target", v).map(|_| ());
        match self {
            TargetPlan::Constant { value } => finite(*value),
            TargetPlan::Steps { values, .. } if values.is_empty() => Err(ValidationError::NoSteps),
            TargetPlan::Steps { values, .. } => values.iter().try_for_each(|v| finite(*v)),
            TargetPlan::Ramp { start, end, .. } => finite(*start).and(finite(*end)),
        }
    }
}

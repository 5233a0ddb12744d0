//! Framework-wide scoring settings ("based on company policy").

use serde::{Deserialize, Serialize};

use super::method::{LowerRatio, ScoringMethod, Thresholds};
use crate::domain::error::ValidationError;
use crate::domain::input::check_finite;
use crate::domain::period::{FiscalYearStart, Frequency};

/// Framework-wide scoring conventions.
///
/// Each field has a default a new user can live with; a consultant changes them to match a
/// client's policy. Saved with the framework.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::scoring::ScoringSettings;
///
/// let s = ScoringSettings::default();
/// assert_eq!((s.floor, s.kpi_cap, s.rollup_cap), (0.0, 200.0, 100.0));
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ScoringSettings {
    /// The review cycle the whole tree is scored for.
    pub review_cycle: Frequency,
    /// First month of the fiscal year.
    pub fiscal_year_start: FiscalYearStart,
    /// Default method; a KPI may override it.
    pub method: ScoringMethod,
    /// How the ratio method treats lower-is-better KPIs.
    pub lower_ratio: LowerRatio,
    /// Lowest score a KPI can get, in percent.
    #[serde(deserialize_with = "crate::domain::decimal::serde::number")]
    pub floor: f64,
    /// Highest score a KPI can show (over-achievement), in percent.
    #[serde(deserialize_with = "crate::domain::decimal::serde::number")]
    pub kpi_cap: f64,
    /// Highest KPI score that counts in the roll-up, in percent.
    #[serde(deserialize_with = "crate::domain::decimal::serde::number")]
    pub rollup_cap: f64,
    /// Share of a KRA's score taken from its qualitative rating, 0–100 %. 0 ignores ratings.
    #[serde(deserialize_with = "crate::domain::decimal::serde::number")]
    pub rating_blend: f64,
    /// The top of the rating scale (5 for a 1–5 rating).
    #[serde(deserialize_with = "crate::domain::decimal::serde::number")]
    pub rating_scale: f64,
    /// Status thresholds for KRA and framework scores.
    pub rollup_thresholds: Thresholds,
}

impl Default for ScoringSettings {
    fn default() -> Self {
        ScoringSettings {
            review_cycle: Frequency::Monthly,
            fiscal_year_start: FiscalYearStart::JANUARY,
            method: ScoringMethod::Ratio,
            lower_ratio: LowerRatio::Reflection,
            floor: 0.0,
            kpi_cap: 200.0,
            rollup_cap: 100.0,
            rating_blend: 0.0,
            rating_scale: 5.0,
            rollup_thresholds: Thresholds { green: 90.0, amber: 70.0 },
        }
    }
}

impl ScoringSettings {
    /// Checks that every number is finite and the bounds make sense: floor ≤ roll-up cap ≤ KPI
    /// cap, a rating share of 0–100 %, a positive rating scale, amber ≤ green.
    ///
    /// # Example
    ///
    /// ```
    /// use kra_kpi::domain::scoring::ScoringSettings;
    ///
    /// let mut s = ScoringSettings::default();
    /// s.floor = 150.0;
    /// assert!(s.validate().is_err());
    /// ```
    pub fn validate(&self) -> Result<(), ValidationError> {
        let numbers = [
            ("Floor", self.floor),
            ("KPI cap", self.kpi_cap),
            ("Roll-up cap", self.rollup_cap),
            ("Rating share", self.rating_blend),
            ("Rating scale", self.rating_scale),
            ("Green from", self.rollup_thresholds.green),
            ("Amber from", self.rollup_thresholds.amber),
        ];
        for (field, value) in numbers {
            check_finite(field, value)?;
        }
        let in_range = |field: &'static str, value: f64, min: f64, max: f64| {
            if (min..=max).contains(&value) {
                Ok(())
            } else {
                Err(ValidationError::OutOfRange { field, value, min, max })
            }
        };
        in_range("Roll-up cap", self.rollup_cap, self.floor, self.kpi_cap.max(self.floor))?;
        in_range("KPI cap", self.kpi_cap, self.rollup_cap, 100_000.0)?;
        in_range("Rating share", self.rating_blend, 0.0, 100.0)?;
        in_range("Rating scale", self.rating_scale, 1.0, 100.0)?;
        if self.rollup_thresholds.amber > self.rollup_thresholds.green {
            return Err(ValidationError::ThresholdOrder {
                green: self.rollup_thresholds.green,
                amber: self.rollup_thresholds.amber,
            });
        }
        Ok(())
    }
}

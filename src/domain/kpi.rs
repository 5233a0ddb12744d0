//! Key Performance Indicators: quantitative measures against a target.

use serde::{Deserialize, Serialize};

use super::direction::Direction;
use super::error::ValidationError;
use super::id::Id;
use super::input::{check_finite, check_name, check_weight};
use super::period::Frequency;
use super::scoring::{Aggregation, Bands, ScoringMethod, Thresholds};
use super::target::TargetPlan;

/// A Key Performance Indicator, e.g. "% of complaints resolved within 24 h".
///
/// Stored flat: `kra` is the id of the KRA it belongs to; its position among that KRA's KPIs is
/// its order in the framework's KPI list. Saved as `{"id":…,"kra":…,"spec":{…}}`: nesting the
/// spec rather than `#[serde(flatten)]`-ing it reads 1,000 KPIs in a fraction of the time
/// (flatten buffers every field before reading it) and compiles to less code.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Kpi {
    pub id: Id,
    pub kra: Id,
    pub spec: KpiSpec,
}

/// Everything about a KPI that a user edits.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::direction::Direction;
/// use kra_kpi::domain::kpi::KpiSpec;
///
/// let spec = KpiSpec::new("Leads converted", "leads", Direction::HigherIsBetter, 50.0);
/// assert!(spec.validate().is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct KpiSpec {
    pub name: String,
    #[serde(default)]
    pub unit: String,
    pub direction: Direction,
    pub target: TargetPlan,
    #[serde(default, deserialize_with = "crate::domain::decimal::serde::optional")]
    pub baseline: Option<f64>,
    pub frequency: Frequency,
    #[serde(default)]
    pub aggregation: Aggregation,
    #[serde(deserialize_with = "crate::domain::decimal::serde::number")]
    pub weight: f64,
    /// Overrides the framework's scoring method.
    #[serde(default)]
    pub method: Option<ScoringMethod>,
    #[serde(default)]
    pub bands: Option<Bands>,
    /// Overrides the default status thresholds.
    #[serde(default)]
    pub thresholds: Option<Thresholds>,
}

impl KpiSpec {
    /// A monthly, averaged, weight-1 KPI with a constant target.
    pub fn new(name: &str, unit: &str, direction: Direction, target: f64) -> KpiSpec {
        KpiSpec {
            name: name.to_owned(),
            unit: unit.to_owned(),
            direction,
            target: TargetPlan::constant(target),
            baseline: None,
            frequency: Frequency::Monthly,
            aggregation: Aggregation::Average,
            weight: 1.0,
            method: None,
            bands: None,
            thresholds: None,
        }
    }

    /// Checks every field; the returned spec has its text trimmed.
    pub fn validate(&self) -> Result<KpiSpec, ValidationError> {
        let name = check_name("KPI name", &self.name)?;
        let weight = check_weight(self.weight)?;
        self.target.validate()?;
        if let Some(b) = self.baseline {
            check_finite("Baseline", b)?;
        }
        match self.direction {
            Direction::KeepWithinRange { min, max } => {
                check_finite("Range minimum", min)?;
                check_finite("Range maximum", max)?;
                if min >= max {
                    return Err(ValidationError::EmptyRange { min, max });
                }
            }
            Direction::HitValue { tolerance } if check_finite("Tolerance", tolerance)? < 0.0 => {
                return Err(ValidationError::Negative { field: "Tolerance", value: tolerance });
            }
            _ => {}
        }
        if let Some(bands) = self.bands {
            check_finite("Goal", bands.goal)?;
            check_finite("Red flag", bands.red_flag)?;
            if bands.goal == bands.red_flag {
                return Err(ValidationError::FlatBands);
            }
        }
        if let Some(t) = self.thresholds {
            check_finite("Green threshold", t.green)?;
            check_finite("Amber threshold", t.amber)?;
            if t.amber > t.green {
                return Err(ValidationError::ThresholdOrder { green: t.green, amber: t.amber });
            }
        }
        Ok(KpiSpec { name, unit: self.unit.trim().to_owned(), weight, ..self.clone() })
    }
}

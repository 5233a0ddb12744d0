//! Readings: a KPI's measured value for one of its periods.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::id::Id;

/// One measured value of a KPI.
///
/// `period_start` is the first day of the KPI's measurement period (the week, month, …) the
/// value belongs to; the framework normalises any date to it, so there is at most one reading per
/// KPI and period.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reading {
    pub id: Id,
    pub kpi: Id,
    #[serde(with = "super::iso_date::serde")]
    pub period_start: Date,
    pub value: f64,
    #[serde(default)]
    pub note: String,
}

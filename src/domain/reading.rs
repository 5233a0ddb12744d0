//! Readings: a KPI's measured value for one of its periods.

use jiff::civil::Date;

use super::ordered::Map;

/// One measured value of a KPI, with an optional note ("system outage on the 3rd").
///
/// A reading has no id of its own: a KPI has at most one reading per measurement period, so the
/// KPI's id and the period's first day name it exactly (see [`Series`]).
#[derive(Clone, Debug, PartialEq)]
pub struct Reading {
    pub value: f64,
    pub note: String,
}

/// One KPI's readings, keyed by the first day of the measurement period each belongs to.
///
/// Kept sorted by the map itself, so "the readings in this quarter" is a range query
/// ([`ordered::range`](super::ordered::range)) and "the latest reading" is the last entry:
/// nothing is scanned or sorted per edit.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::reading::{Reading, Series};
///
/// let mut series = Series::new();
/// series.insert(date(2026, 11, 1), Reading { value: 42.0, note: String::new() });
/// series.insert(date(2026, 10, 1), Reading { value: 40.0, note: String::new() });
/// assert_eq!(series.last().map(|(_, r)| r.value), Some(42.0));
/// ```
pub type Series = Map<Date, Reading>;

//! Targets that may change from period to period.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::decimal::Exact;
use super::keyword::Keyword;

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
#[serde(tag = "kind", rename_all = "kebab-case", try_from = "TargetRecord")]
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

/// A saved target plan as one flat record (`{"kind": "ramp", "from": "2026-01-01", …}`), read
/// and then checked: see the same for [`Direction`](super::direction::Direction).
#[derive(Deserialize)]
struct TargetRecord {
    kind: TargetKind,
    value: Option<Exact>,
    from: Option<String>,
    values: Option<Vec<Exact>>,
    start: Option<Exact>,
    end: Option<Exact>,
    periods: Option<u32>,
}

#[derive(Clone, Copy, PartialEq)]
enum TargetKind {
    Constant,
    Steps,
    Ramp,
}

impl Keyword for TargetKind {
    const VALUES: &'static [TargetKind] = &[TargetKind::Constant, TargetKind::Steps, TargetKind::Ramp];
    const WORDS: &'static [&'static str] = &["constant", "steps", "ramp"];
}
crate::keyword_serde!(TargetKind);

/// `field`'s value, or the message serde gives for a missing field.
pub(super) fn required<T>(value: Option<T>, field: &str) -> Result<T, String> {
    value.ok_or_else(|| format!("missing field `{field}`"))
}

impl TryFrom<TargetRecord> for TargetPlan {
    type Error = String;

    fn try_from(r: TargetRecord) -> Result<TargetPlan, String> {
        let from = |text: Option<String>| iso_date::serde::read(&required(text, "from")?);
        Ok(match r.kind {
            TargetKind::Constant => TargetPlan::Constant { value: required(r.value, "value")?.0 },
            TargetKind::Steps => TargetPlan::Steps {
                from: from(r.from)?,
                values: required(r.values, "values")?.into_iter().map(|v| v.0).collect(),
            },
            TargetKind::Ramp => TargetPlan::Ramp {
                from: from(r.from)?,
                start: required(r.start, "start")?.0,
                end: required(r.end, "end")?.0,
                periods: required(r.periods, "periods")?,
            },
        })
    }
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

#[cfg(test)]
mod tests {
    use super::super::direction::Direction;
    use super::*;
    use jiff::civil::date;

    /// Every shape reads back as it was written; the wire format is unchanged.
    #[test]
    fn saved_records_read_back() {
        let plans = [
            TargetPlan::constant(95.5),
            TargetPlan::Steps { from: date(2026, 1, 1), values: vec![100.0, 110.0] },
            TargetPlan::Ramp { from: date(2026, 4, 1), start: 10.0, end: 40.0, periods: 4 },
        ];
        for plan in plans {
            let text = serde_json::to_string(&plan).unwrap();
            assert_eq!(serde_json::from_str::<TargetPlan>(&text).unwrap(), plan, "{text}");
        }
        assert_eq!(
            serde_json::to_string(&TargetPlan::Ramp { from: date(2026, 4, 1), start: 10.0, end: 40.0, periods: 4 })
                .unwrap(),
            r#"{"kind":"ramp","from":"2026-04-01","start":10.0,"end":40.0,"periods":4}"#
        );
        let directions = [
            Direction::HigherIsBetter,
            Direction::LowerIsBetter,
            Direction::KeepWithinRange { min: 2.0, max: 4.5 },
            Direction::HitValue { tolerance: 0.5 },
        ];
        for d in directions {
            let text = serde_json::to_string(&d).unwrap();
            assert_eq!(serde_json::from_str::<Direction>(&text).unwrap(), d, "{text}");
        }
        assert_eq!(
            serde_json::to_string(&Direction::HitValue { tolerance: 0.5 }).unwrap(),
            r#"{"kind":"hit-value","tolerance":0.5}"#
        );
    }

    /// A record missing what its kind needs, of an unknown kind or with a bad date is refused,
    /// saying why.
    #[test]
    fn broken_records_are_refused_with_their_reason() {
        let target = |text: &str| serde_json::from_str::<TargetPlan>(text).unwrap_err().to_string();
        let direction = |text: &str| serde_json::from_str::<Direction>(text).unwrap_err().to_string();
        assert!(target(r#"{"kind":"constant"}"#).starts_with("missing field `value`"));
        assert!(target(r#"{"kind":"steps","values":[1]}"#).starts_with("missing field `from`"));
        assert!(target(r#"{"kind":"ramp","from":"2026-13-01","start":1,"end":2,"periods":3}"#)
            .starts_with("\"2026-13-01\" is not a YYYY-MM-DD date"));
        assert!(
            target(r#"{"kind":"ramp","from":"2026-01-01","start":1,"end":2}"#).starts_with("missing field `periods`")
        );
        assert!(target(r#"{"kind":"wobbly","value":1}"#).starts_with("unknown variant `wobbly`"));
        assert!(target(r#"{"value":1}"#).starts_with("missing field `kind`"));
        assert_eq!(
            target(r#"{"kind":"constant","value":"95"}"#),
            "invalid type: string \"95\", expected a number at line 1 column 32"
        );
        assert!(direction(r#"{"kind":"keep-within-range","min":1}"#).starts_with("missing field `max`"));
        assert!(direction(r#"{"kind":"hit-value","tolerance":null}"#).starts_with("missing field `tolerance`"));
        assert!(direction(r#"{"kind":"sideways"}"#).starts_with("unknown variant `sideways`"));
        // Not a record at all.
        assert!(direction(r#"["higher-is-better"]"#).starts_with("invalid length 1, expected struct DirectionRecord"));
        assert!(target("7").starts_with("invalid type: integer `7`, expected struct TargetRecord"));
    }
}

//! Coverage: how much of a scorecard a review period's score stands on.
//!
//! An overall score of 100 % means little when one KPI of six has a reading. Coverage says how
//! many of the KPIs due in the period have been reported and what share of the scorecard's
//! weight they carry, so the screen can say "4 of 6 KPIs reported" and flag a score that rests
//! on a minority of the weight.

use crate::domain::period::{Frequency, Period};

/// Below this share of the weight (in percent), a score rests on a minority of the scorecard.
pub const MINORITY_WEIGHT: f64 = 50.0;

/// How much of a KRA or of the whole scorecard has a reading in one review period.
///
/// Only KPIs **due** in the period count: not marked N/A, and with a period of their own that
/// starts inside the review period (a quarterly KPI is due in January, April, July and October
/// of monthly reviews, not in the months between, where it never has a reading).
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::direction::Direction;
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::domain::kpi::KpiSpec;
/// use kra_kpi::domain::kra::KraDraft;
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::domain::scoring::score_framework;
///
/// let mut fw = Framework::new("Mine");
/// let kra = fw.add_kra(KraDraft::new("Revenue", 100.0)).unwrap();
/// let mut spec = KpiSpec::new("Leads", "leads", Direction::HigherIsBetter, 50.0);
/// spec.weight = 25.0;
/// let leads = fw.add_kpi(kra, spec.clone()).unwrap();
/// spec.name = "Revenue".into();
/// spec.weight = 75.0;
/// fw.add_kpi(kra, spec).unwrap();
/// fw.add_reading(leads, date(2026, 10, 1), 50.0, "").unwrap();
///
/// let october = Period::containing(date(2026, 10, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
/// let card = score_framework(&fw, &october, date(2026, 12, 2));
/// assert_eq!(card.overall, Some(100.0));
/// assert_eq!(card.coverage.describe(), "1 of 2 KPIs reported");
/// assert_eq!(card.coverage.weight, 25.0);
/// assert!(card.coverage.is_minority());
/// ```
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Coverage {
    /// KPIs due in the period that have a reading in it.
    pub reported: usize,
    /// KPIs due in the period.
    pub due: usize,
    /// The share of the due KPIs' weight that the reported ones carry, in percent (0 to 100),
    /// weighing each KPI by its weight within its KRA times its KRA's weight. 100 when nothing
    /// is due.
    pub weight: f64,
}

impl Coverage {
    /// Whether every KPI due in the period has a reading.
    pub fn is_complete(&self) -> bool {
        self.reported >= self.due
    }

    /// Whether a score exists but rests on less than [`MINORITY_WEIGHT`] % of the weight.
    pub fn is_minority(&self) -> bool {
        self.reported > 0 && self.weight < MINORITY_WEIGHT
    }

    /// "4 of 6 KPIs reported", "1 of 1 KPI reported", "No KPI is due in this period".
    pub fn describe(&self) -> String {
        match self.due {
            0 => "No KPI is due in this period".to_owned(),
            1 => format!("{} of 1 KPI reported", self.reported),
            due => format!("{} of {due} KPIs reported", self.reported),
        }
    }

    /// This coverage as a part of a larger one, weighing `weight`.
    pub(crate) fn as_part(&self, weight: f64) -> Part {
        Part { weight, due: self.due, reported: self.reported, reported_share: self.weight / 100.0 }
    }
}

/// Whether a KPI measured at `frequency` has a period of its own starting inside `review`: only
/// then can it have a reading there.
pub fn is_due(frequency: Frequency, review: &Period) -> bool {
    let first = Period::containing(review.start(), frequency, review.fiscal());
    first.start() == review.start() || first.next().start() < review.end()
}

/// One KPI or KRA as coverage counts it: its weight, whether anything in it is due, and what
/// share of it (0 to 1) is reported.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Part {
    pub weight: f64,
    pub due: usize,
    pub reported: usize,
    pub reported_share: f64,
}

/// Adds up `parts` (the due KPIs of a KRA, or the KRAs of a scorecard) into one coverage. The
/// weights are taken in proportion among the parts with something due; when they are all 0, the
/// parts count equally (as in the roll-up).
pub(crate) fn combine(parts: &[Part]) -> Coverage {
    let due: Vec<&Part> = parts.iter().filter(|p| p.due > 0).collect();
    let reported = due.iter().map(|p| p.reported).sum();
    let total_due = due.iter().map(|p| p.due).sum();
    let total: f64 = due.iter().map(|p| p.weight.max(0.0)).sum();
    let weight = if due.is_empty() {
        100.0
    } else if total > 0.0 {
        100.0 * due.iter().map(|p| p.weight.max(0.0) * p.reported_share).sum::<f64>() / total
    } else {
        100.0 * due.iter().map(|p| p.reported_share).sum::<f64>() / due.len() as f64
    };
    Coverage { reported, due: total_due, weight: weight.clamp(0.0, 100.0) }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::period::FiscalYearStart;
    use jiff::civil::date;

    fn month(y: i16, m: i8) -> Period {
        Period::containing(date(y, m, 1), Frequency::Monthly, FiscalYearStart::default())
    }

    #[test]
    fn a_quarterly_kpi_is_due_in_the_month_its_quarter_starts() {
        assert!(is_due(Frequency::Quarterly, &month(2026, 10)));
        assert!(!is_due(Frequency::Quarterly, &month(2026, 11)));
        assert!(is_due(Frequency::Weekly, &month(2026, 11)));
        assert!(is_due(Frequency::Monthly, &month(2026, 11)));
    }

    #[test]
    fn a_month_starting_mid_week_is_due_in_that_week() {
        // 2026-12-01 is a Tuesday: the week of Monday 30 November holds December's start.
        let week = Period::containing(date(2026, 11, 30), Frequency::Weekly, FiscalYearStart::default());
        assert!(is_due(Frequency::Monthly, &week));
        assert!(!is_due(Frequency::Monthly, &week.next()));
    }

    #[test]
    fn weight_is_taken_in_proportion_and_parts_with_nothing_due_are_left_out() {
        let parts = [
            Part { weight: 30.0, due: 1, reported: 1, reported_share: 1.0 },
            Part { weight: 70.0, due: 2, reported: 0, reported_share: 0.0 },
            Part { weight: 500.0, due: 0, reported: 0, reported_share: 0.0 },
        ];
        let c = combine(&parts);
        assert_eq!((c.reported, c.due), (1, 3));
        assert!((c.weight - 30.0).abs() < 1e-9);
        assert!(c.is_minority() && !c.is_complete());
        assert_eq!(c.describe(), "1 of 3 KPIs reported");
    }

    #[test]
    fn all_zero_weights_count_equally_and_nothing_due_is_complete() {
        let parts = [
            Part { weight: 0.0, due: 1, reported: 1, reported_share: 1.0 },
            Part { weight: 0.0, due: 1, reported: 0, reported_share: 0.0 },
        ];
        assert_eq!(combine(&parts).weight, 50.0);
        let none = combine(&[]);
        assert!(none.is_complete() && !none.is_minority());
        assert_eq!(none.describe(), "No KPI is due in this period");
    }
}

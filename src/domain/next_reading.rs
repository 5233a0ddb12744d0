//! Which period a new reading of a KPI most likely belongs to.

use jiff::civil::Date;

use crate::domain::framework::Framework;
use crate::domain::kpi::Kpi;
use crate::domain::period::Period;

/// How far back [`next_period`] looks for a gap once a KPI is up to date: five years of months.
const LOOK_BACK: usize = 60;

/// The period a reading form offers first for `kpi`: the period after its latest reading, so a
/// run of readings is entered one after another without retyping dates.
///
/// With no readings it is the period containing `today`. When the KPI is up to date (the next
/// period would lie in the future), it is the most recent period up to today that has no
/// reading, or today's period if every recent one has.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::direction::Direction;
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::domain::kpi::KpiSpec;
/// use kra_kpi::domain::kra::KraDraft;
/// use kra_kpi::domain::next_reading::next_period;
///
/// let mut fw = Framework::new("Mine");
/// let kra = fw.add_kra(KraDraft::new("Revenue", 100.0)).unwrap();
/// let id = fw.add_kpi(kra, KpiSpec::new("Leads", "leads", Direction::HigherIsBetter, 50.0)).unwrap();
/// let today = date(2026, 12, 2);
/// assert_eq!(next_period(&fw, fw.kpi(id).unwrap(), today).label(), "Dec 2026");
/// fw.add_reading(id, date(2026, 9, 5), 40.0, "").unwrap();
/// assert_eq!(next_period(&fw, fw.kpi(id).unwrap(), today).label(), "Oct 2026");
/// ```
pub fn next_period(fw: &Framework, kpi: &Kpi, today: Date) -> Period {
    let current = fw.period_of(kpi, today);
    let Some((&last, _)) = fw.readings_of(kpi.id).last() else { return current };
    let next = fw.period_of(kpi, last).next();
    if next.start() <= current.start() {
        return next;
    }
    let mut period = current;
    for _ in 0..LOOK_BACK {
        if fw.reading(kpi.id, period.start()).is_none() {
            return period;
        }
        period = period.previous();
    }
    current
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::direction::Direction;
    use crate::domain::kpi::KpiSpec;
    use crate::domain::kra::KraDraft;
    use crate::domain::period::Frequency;

    fn one_kpi(frequency: Frequency) -> (Framework, crate::domain::id::Id) {
        let mut fw = Framework::new("Mine");
        let kra = fw.add_kra(KraDraft::new("Revenue", 100.0)).unwrap();
        let mut spec = KpiSpec::new("Leads", "leads", Direction::HigherIsBetter, 50.0);
        spec.frequency = frequency;
        let id = fw.add_kpi(kra, spec).unwrap();
        (fw, id)
    }

    #[test]
    fn after_the_current_period_it_offers_the_latest_gap() {
        let (mut fw, id) = one_kpi(Frequency::Monthly);
        let today = date(2026, 12, 2);
        for month in [10, 12] {
            fw.add_reading(id, date(2026, month, 1), 1.0, "").unwrap();
        }
        assert_eq!(next_period(&fw, fw.kpi(id).unwrap(), today).label(), "Nov 2026");
        fw.add_reading(id, date(2026, 11, 1), 1.0, "").unwrap();
        assert_eq!(next_period(&fw, fw.kpi(id).unwrap(), today).label(), "Sep 2026");
    }

    #[test]
    fn quarterly_kpis_step_by_quarter() {
        let (mut fw, id) = one_kpi(Frequency::Quarterly);
        fw.add_reading(id, date(2026, 2, 10), 1.0, "").unwrap();
        assert_eq!(next_period(&fw, fw.kpi(id).unwrap(), date(2026, 12, 2)).start(), date(2026, 4, 1));
    }
}

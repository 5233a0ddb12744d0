//! What a scorecard holds, in one line: for import previews, backups and share links.

use std::fmt;

use crate::domain::format::num;
use crate::domain::framework::Framework;
use crate::domain::period::Period;

/// Counts of what a framework holds and the periods its readings cover.
///
/// Shown before a file is imported or a backup restored, so the user can tell what they are
/// about to open without opening it.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::direction::Direction;
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::domain::kpi::KpiSpec;
/// use kra_kpi::domain::kra::KraDraft;
/// use kra_kpi::domain::summary::Summary;
///
/// let mut fw = Framework::new("Sales executive");
/// let kra = fw.add_kra(KraDraft::new("Revenue", 100.0)).unwrap();
/// let kpi = fw.add_kpi(kra, KpiSpec::new("Leads converted", "leads", Direction::HigherIsBetter, 50.0)).unwrap();
/// fw.add_reading(kpi, date(2026, 10, 1), 42.0, "").unwrap();
/// fw.add_reading(kpi, date(2026, 11, 1), 45.0, "").unwrap();
/// assert_eq!(Summary::of(&fw).to_string(), "1 KRA, 1 KPI, 2 readings, Oct 2026 to Nov 2026");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Summary {
    /// The scorecard's name.
    pub name: String,
    /// How many KRAs.
    pub kras: usize,
    /// How many KPIs, in all KRAs.
    pub kpis: usize,
    /// How many readings, of all KPIs.
    pub readings: usize,
    /// The earliest reading's period (in its KPI's frequency), if there are readings.
    pub first: Option<Period>,
    /// The latest reading's period (in its KPI's frequency), if there are readings.
    pub last: Option<Period>,
}

impl Summary {
    /// Summarises `fw`.
    pub fn of(fw: &Framework) -> Summary {
        let mut first: Option<Period> = None;
        let mut last: Option<Period> = None;
        for kpi in fw.kpis() {
            let series = fw.readings_of(kpi.id);
            // Series are sorted by period start, so each KPI's ends are its first and last keys.
            if let Some((&start, _)) = series.iter().next() {
                let p = fw.period_of(kpi, start);
                if first.is_none_or(|f| p.start() < f.start()) {
                    first = Some(p);
                }
            }
            if let Some((&start, _)) = series.iter().next_back() {
                let p = fw.period_of(kpi, start);
                if last.is_none_or(|l| p.end() > l.end()) {
                    last = Some(p);
                }
            }
        }
        Summary {
            name: fw.name().to_owned(),
            kras: fw.kras().len(),
            kpis: fw.kpis().len(),
            readings: fw.reading_count(),
            first,
            last,
        }
    }
}

/// "3 KRAs, 6 KPIs, 72 readings, Dec 2025 to Nov 2026", or "…, no readings".
impl fmt::Display for Summary {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = |n: usize, one: &str, many: &str| format!("{} {}", num(n as f64), if n == 1 { one } else { many });
        write!(f, "{}, {}, ", count(self.kras, "KRA", "KRAs"), count(self.kpis, "KPI", "KPIs"))?;
        match (self.first, self.last) {
            (Some(first), Some(last)) if first == last => {
                write!(f, "{} in {}", count(self.readings, "reading", "readings"), first.label())
            }
            (Some(first), Some(last)) => {
                write!(f, "{}, {} to {}", count(self.readings, "reading", "readings"), first.label(), last.label())
            }
            _ => write!(f, "no readings"),
        }
    }
}

#[cfg(test)]
mod tests {
    use jiff::civil::date;

    use super::*;
    use crate::domain::direction::Direction;
    use crate::domain::kpi::KpiSpec;
    use crate::domain::kra::KraDraft;

    #[test]
    fn counts_in_words_with_the_periods_covered() {
        let mut fw = Framework::new("Mine");
        assert_eq!(Summary::of(&fw).to_string(), "0 KRAs, 0 KPIs, no readings");
        let kra = fw.add_kra(KraDraft::new("Grow", 100.0)).unwrap();
        let kpi = fw.add_kpi(kra, KpiSpec::new("Leads", "leads", Direction::HigherIsBetter, 50.0)).unwrap();
        fw.add_reading(kpi, date(2026, 3, 9), 1.0, "").unwrap();
        assert_eq!(Summary::of(&fw).to_string(), "1 KRA, 1 KPI, 1 reading in Mar 2026");
        fw.add_reading(kpi, date(2025, 12, 31), 1.0, "").unwrap();
        fw.add_reading(kpi, date(2026, 1, 2), 1.0, "").unwrap();
        assert_eq!(Summary::of(&fw).to_string(), "1 KRA, 1 KPI, 3 readings, Dec 2025 to Mar 2026");
    }
}

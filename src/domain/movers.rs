//! This review period against the previous one: what moved, biggest movers first.

use std::cmp::Ordering;

use super::framework::Framework;
use super::id::Id;
use super::ordered::sort_by;
use super::scoring::Scorecard;

/// One KRA's or KPI's score in two periods and the change between them, in points.
#[derive(Clone, Debug, PartialEq)]
pub struct Mover {
    pub id: Id,
    pub name: String,
    /// The KRA a KPI belongs to (its own name for a KRA).
    pub kra: String,
    pub before: Option<f64>,
    pub now: Option<f64>,
}

impl Mover {
    /// The change in points, when both periods have a score.
    pub fn delta(&self) -> Option<f64> {
        Some(self.now? - self.before?)
    }
}

/// The overall score, each KRA and each KPI of `now` against `before`.
#[derive(Clone, Debug, PartialEq)]
pub struct Movers {
    pub overall: Mover,
    /// Biggest change first (either way); those without a change to compare last, in display
    /// order.
    pub kras: Vec<Mover>,
    pub kpis: Vec<Mover>,
}

/// Compares two scorecards of `fw` (normally a review period and the one before it).
///
/// KPIs are compared on their own score (before the roll-up cap), as their rows show them.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::movers::movers;
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::domain::scoring::score_framework;
/// use kra_kpi::domain::template::sales_executive;
///
/// let mut fw = sales_executive();
/// let leads = fw.kpis()[1].id;
/// fw.add_reading(leads, date(2026, 10, 5), 40.0, "").unwrap(); // 80 %
/// fw.add_reading(leads, date(2026, 11, 5), 45.0, "").unwrap(); // 90 %
/// let nov = Period::containing(date(2026, 11, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
/// let today = date(2026, 12, 3);
/// let m = movers(&fw, &score_framework(&fw, &nov, today), &score_framework(&fw, &nov.previous(), today));
/// assert_eq!(m.kpis[0].name, "Leads converted");
/// assert_eq!(m.kpis[0].delta(), Some(10.0));
/// ```
pub fn movers(fw: &Framework, now: &Scorecard, before: &Scorecard) -> Movers {
    let overall =
        Mover { id: Id(0), name: fw.name().to_owned(), kra: String::new(), before: before.overall, now: now.overall };
    let mut kras: Vec<Mover> = fw
        .kras()
        .iter()
        .map(|k| Mover {
            id: k.id,
            name: k.name.clone(),
            kra: k.name.clone(),
            before: before.kras.get(&k.id).and_then(|s| s.score),
            now: now.kras.get(&k.id).and_then(|s| s.score),
        })
        .collect();
    let mut kpis: Vec<Mover> = fw
        .kras()
        .iter()
        .flat_map(|kra| {
            fw.kpis_of(kra.id).map(move |k| Mover {
                id: k.id,
                name: k.spec.name.clone(),
                kra: kra.name.clone(),
                before: before.kpis.get(&k.id).and_then(|s| s.score),
                now: now.kpis.get(&k.id).and_then(|s| s.score),
            })
        })
        .collect();
    sort_by(&mut kras, biggest_first);
    sort_by(&mut kpis, biggest_first);
    Movers { overall, kras, kpis }
}

/// Larger absolute change first; no change to compare last. Stable, so ties keep display order.
fn biggest_first(a: &Mover, b: &Mover) -> Ordering {
    match (a.delta(), b.delta()) {
        (Some(x), Some(y)) => y.abs().total_cmp(&x.abs()),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

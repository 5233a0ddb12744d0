//! Overdue readings: KPIs due in a review period that is over, with no reading for it.

use jiff::civil::Date;

use super::framework::Framework;
use super::id::Id;
use super::kpi::Kpi;
use super::ordered::range;
use super::period::{Frequency, Period};
use super::scoring::coverage::is_due;

/// How many review periods back [`overdue`] looks at most.
const LOOK_BACK: usize = 12;

/// A reading that is missing: the KPI and the period of its own to enter it for.
#[derive(Clone, Debug, PartialEq)]
pub struct Missing {
    pub kpi: Id,
    /// The KPI's first measurement period starting in the review period.
    pub period: Period,
}

/// A review period that is over, with the readings still missing for it.
#[derive(Clone, Debug, PartialEq)]
pub struct Overdue {
    pub review: Period,
    /// In display order (KRA by KRA).
    pub missing: Vec<Missing>,
}

/// The review periods that are over and still miss readings, most recent first, at most
/// `limit` of them.
///
/// A KPI is missing from a period when it is due there (a period of its own starts in it, as
/// [`Coverage`](super::scoring::Coverage) counts), is not marked N/A for it, and has no reading
/// in it. Periods whose review is closed are left out (they cannot take readings), and so are
/// periods before the scorecard's first reading: a new scorecard is not told it missed years.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::overdue::overdue;
/// use kra_kpi::domain::template::sales_executive;
///
/// let mut fw = sales_executive();
/// let leads = fw.kpis()[1].id;
/// fw.add_reading(leads, date(2026, 10, 5), 42.0, "").unwrap();
/// // Seen on 3 December: October and November are over. November misses every KPI due in it,
/// // October all but the one entered.
/// let due = overdue(&fw, date(2026, 12, 3), 3);
/// assert_eq!(due.iter().map(|o| o.review.label()).collect::<Vec<_>>(), ["Nov 2026", "Oct 2026"]);
/// assert!(due[1].missing.iter().all(|m| m.kpi != leads));
/// assert_eq!(due[0].missing.len(), due[1].missing.len() + 1);
/// ```
pub fn overdue(fw: &Framework, today: Date, limit: usize) -> Vec<Overdue> {
    let settings = fw.settings();
    let (cycle, fiscal) = (settings.review_cycle, settings.fiscal_year_start);
    let Some(first) = fw.first_reading_start() else { return Vec::new() };
    // The KPIs KRA by KRA, put in order once: this runs after every edit, and asking each KRA
    // for its KPIs in every period looked at was KRAs × KPIs × periods.
    let kpis: Vec<&Kpi> = fw.kras_with_kpis().into_iter().flat_map(|(_, kpis)| kpis).collect();
    // The review periods looked at, most recent first, with what decides who is missing there.
    let mut periods = Vec::new();
    let mut review = Period::containing(today, cycle, fiscal).previous();
    for _ in 0..LOOK_BACK {
        if review.end() <= first {
            break;
        }
        let record = fw.review(&review);
        if !record.is_some_and(|r| r.is_closed()) {
            // Whether a KPI is due depends only on its frequency: worked out once per frequency.
            let due: Vec<Frequency> = Frequency::ALL.into_iter().filter(|&f| is_due(f, &review)).collect();
            periods.push((review, review.end(), due, record, Vec::new()));
        }
        review = review.previous();
    }
    let Some(oldest) = periods.last().map(|p| p.0.start()) else { return Vec::new() };
    // One pass over each KPI's readings in the window (oldest period first), instead of a
    // search per KPI and period: this runs after every edit, for every KPI.
    for k in &kpis {
        let mut readings = range(fw.readings_of(k.id), oldest..).map(|(&day, _)| day).peekable();
        for (review, end, due, record, missing) in periods.iter_mut().rev() {
            while readings.next_if(|&day| day < review.start()).is_some() {}
            let has_reading = readings.peek().is_some_and(|day| day < end);
            let not_applicable = record.is_some_and(|r| r.not_applicable.contains(&k.id));
            if !has_reading && !not_applicable && due.contains(&k.spec.frequency) {
                let own = Period::containing(review.start(), k.spec.frequency, fiscal);
                let period = if own.start() < review.start() { own.next() } else { own };
                missing.push(Missing { kpi: k.id, period });
            }
        }
    }
    periods
        .into_iter()
        .filter(|p| !p.4.is_empty())
        .take(limit)
        .map(|(review, _, _, _, missing)| Overdue { review, missing })
        .collect()
}

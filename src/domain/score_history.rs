//! The overall and per-KRA scores over the last few review periods: the data behind the review's
//! "scores over time" chart and its table.

use jiff::civil::Date;

use super::framework::Framework;
use super::id::Id;
use super::period::{Frequency, Period};
use super::scoring::{score_framework_with, ScoreCache, Status};

/// A score and its status, for the whole scorecard or one KRA in one period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PeriodScore {
    /// `None` when nothing in the period could be scored.
    pub score: Option<f64>,
    pub status: Status,
}

/// One review period of a [`ScoreHistory`].
#[derive(Clone, Debug, PartialEq)]
pub struct HistoryPeriod {
    pub period: Period,
    /// "Nov 2026", "Q3 2026", as the rest of the screen names periods.
    pub label: String,
    /// True for the period that contains today: its scores are so far, not final.
    pub in_progress: bool,
    /// True when the period's review is closed: its scores are the ones it was closed with.
    pub closed: bool,
    pub overall: PeriodScore,
    /// One per KRA of [`ScoreHistory::kras`], in the same order.
    pub kras: Vec<PeriodScore>,
}

/// Scores per review period, oldest first, ending with the period asked for.
#[derive(Clone, Debug, PartialEq)]
pub struct ScoreHistory {
    /// The KRAs, in the scorecard's order: `(id, name)`.
    pub kras: Vec<(Id, String)>,
    pub periods: Vec<HistoryPeriod>,
}

/// How many review periods the review's chart looks back over, counting the period shown: a
/// quarter of weeks, a year of months, two years of quarters, three of half-years, five years.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::period::Frequency;
/// use kra_kpi::domain::score_history::periods_shown;
///
/// assert_eq!(periods_shown(Frequency::Monthly), 12);
/// assert_eq!(periods_shown(Frequency::Annual), 5);
/// ```
pub fn periods_shown(cycle: Frequency) -> usize {
    match cycle {
        Frequency::Weekly => 13,
        Frequency::Monthly => 12,
        Frequency::Quarterly => 8,
        Frequency::HalfYearly => 6,
        Frequency::Annual => 5,
    }
}

/// Scores the framework for `count` review periods up to and including `last`, as seen on
/// `today` (so the period containing today is marked in progress).
///
/// Periods before the first one with any score are left out, so a scorecard started last month
/// shows one or two periods, not a row of empty ones; a scorecard with no score anywhere gives
/// no periods at all.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::domain::score_history::score_history;
/// use kra_kpi::domain::template::sales_executive;
///
/// let mut fw = sales_executive();
/// let leads = fw.kpis()[1].id;
/// fw.add_reading(leads, date(2026, 9, 1), 40.0, "").unwrap();
/// fw.add_reading(leads, date(2026, 11, 1), 50.0, "").unwrap();
/// let november = Period::containing(date(2026, 11, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
///
/// let history = score_history(&fw, &november, 12, date(2026, 11, 23));
/// let labels: Vec<&str> = history.periods.iter().map(|p| p.label.as_str()).collect();
/// assert_eq!(labels, ["Sep 2026", "Oct 2026", "Nov 2026"]);
/// assert_eq!(history.periods[0].overall.score, Some(80.0));
/// assert_eq!(history.periods[1].overall.score, None); // no reading in October
/// assert!(history.periods[2].in_progress);
/// ```
pub fn score_history(fw: &Framework, last: &Period, count: usize, today: Date) -> ScoreHistory {
    score_history_with(fw, last, count, today, &mut Vec::new())
}

/// Like [`score_history`], reusing one [`ScoreCache`] per period in `caches` (grown as needed),
/// so that after an edit only the KPIs it touched are scored again in each period.
pub fn score_history_with(
    fw: &Framework,
    last: &Period,
    count: usize,
    today: Date,
    caches: &mut Vec<ScoreCache>,
) -> ScoreHistory {
    let count = count.max(1);
    caches.resize_with(count, ScoreCache::numbers_only);
    let mut periods = Vec::with_capacity(count);
    let mut period = *last;
    for cache in caches.iter_mut() {
        let card = score_framework_with(fw, &period, today, cache);
        // A closed review's scores are the record: later edits to targets or weights do not
        // rewrite its history. (A KRA added after closing has no recorded score: its own.)
        let closure = fw.review(&period).and_then(|r| r.closed.as_ref());
        let thresholds = fw.settings().rollup_thresholds;
        let recorded =
            |score: Option<f64>| PeriodScore { score, status: score.map_or(Status::NoData, |s| thresholds.status(s)) };
        let kras = fw
            .kras()
            .iter()
            .map(|k| match closure.and_then(|c| c.kras.get(&k.id)) {
                Some(&score) => recorded(score),
                None => card.kras.get(&k.id).map_or(NO_SCORE, |s| PeriodScore { score: s.score, status: s.status }),
            })
            .collect();
        let overall = match closure {
            Some(c) => recorded(c.overall),
            None => PeriodScore { score: card.overall, status: card.status },
        };
        periods.push(HistoryPeriod {
            period,
            label: period.label(),
            in_progress: period.contains(today),
            closed: closure.is_some(),
            overall,
            kras,
        });
        period = period.previous();
    }
    periods.reverse();
    let first_scored = periods.iter().position(|p| p.overall.score.is_some()).unwrap_or(periods.len());
    periods.drain(..first_scored);
    ScoreHistory { kras: fw.kras().iter().map(|k| (k.id, k.name.clone())).collect(), periods }
}

const NO_SCORE: PeriodScore = PeriodScore { score: None, status: Status::NoData };

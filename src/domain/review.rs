//! Review records: what was decided about one review period.
//!
//! A review period's readings give its scores; its [`Review`] says what the reviewer made of
//! them: a qualitative rating and a comment per KRA, an overall comment, who reviewed, which
//! KPIs did not apply that period, and whether the review is closed. A closed review keeps the
//! scores it was closed with ([`Closure`]) and refuses changes to its period until reopened.
//!
//! Reviews are keyed by [`ReviewKey`]: the review cycle and first day of the period they belong
//! to. They are changed only by the review edits ([`crate::domain::edit::Edit::SetReview`],
//! `CloseReview`, `ReopenReview`), so undo, saving, tab sync and the host page's events treat
//! them like any other change.

use jiff::civil::Date;

use super::id::Id;
use super::ordered::{map_from, Map, Set};
use super::period::{FiscalYearStart, Frequency, Period};
use super::scoring::Scorecard;

/// Which review period a [`Review`] belongs to: the cycle and the period's first day.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::period::{FiscalYearStart, Frequency, Period};
/// use kra_kpi::domain::review::ReviewKey;
///
/// let october = Period::containing(date(2026, 10, 17), Frequency::Monthly, FiscalYearStart::default());
/// let key = ReviewKey::of(&october);
/// assert_eq!(key.start, date(2026, 10, 1));
/// assert_eq!(key.period(FiscalYearStart::default()), october);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ReviewKey {
    /// The review cycle the review was written for.
    pub cycle: Frequency,
    /// The first day of the review period.
    pub start: Date,
}

impl ReviewKey {
    /// The key of `period`'s review.
    pub fn of(period: &Period) -> ReviewKey {
        ReviewKey { cycle: period.frequency(), start: period.start() }
    }

    /// The review period itself, under the fiscal year `fiscal`.
    pub fn period(&self, fiscal: FiscalYearStart) -> Period {
        Period::containing(self.start, self.cycle, fiscal)
    }
}

/// One KRA's part of a review: the reviewer's rating on the framework's rating scale, the
/// employee's self-assessment on the same scale, and a comment.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct KraReview {
    /// 1 to the framework's rating scale; blended into the KRA's score when the settings' rating
    /// share is above 0.
    pub rating: Option<f64>,
    /// The employee's self-assessment on the same scale, shown beside the reviewer's rating;
    /// it never changes a score.
    pub self_rating: Option<f64>,
    pub comment: String,
}

impl KraReview {
    /// Whether nothing has been written (no rating, no comment).
    pub fn is_empty(&self) -> bool {
        self.rating.is_none() && self.self_rating.is_none() && self.comment.is_empty()
    }
}

/// A closed review's record: when it was closed and the scores it was closed with.
///
/// Later edits to targets or weights change what the period's readings score today; the
/// closure keeps what the review agreed, so later reports can show both.
#[derive(Clone, Debug, PartialEq)]
pub struct Closure {
    /// The day the review was closed.
    pub on: Date,
    /// The overall score when closed.
    pub overall: Option<f64>,
    /// Each KRA's score when closed.
    pub kras: Map<Id, Option<f64>>,
}

impl Closure {
    /// The record of closing a review on `on` with the scores of `card`.
    ///
    /// # Example
    ///
    /// ```
    /// use jiff::civil::date;
    /// use kra_kpi::domain::period::{Frequency, Period};
    /// use kra_kpi::domain::review::Closure;
    /// use kra_kpi::domain::scoring::score_framework;
    /// use kra_kpi::domain::template::sales_executive;
    ///
    /// let fw = sales_executive();
    /// let october = Period::containing(date(2026, 10, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
    /// let card = score_framework(&fw, &october, date(2026, 11, 3));
    /// let closure = Closure::of(&card, date(2026, 11, 3));
    /// assert_eq!(closure.overall, card.overall);
    /// assert_eq!(closure.kras.len(), fw.kras().len());
    /// ```
    pub fn of(card: &Scorecard, on: Date) -> Closure {
        Closure { on, overall: card.overall, kras: map_from(card.kras.iter().map(|(&id, k)| (id, k.score))) }
    }
}

/// What was decided about one review period.
///
/// An empty review (nothing written, nothing N/A, not closed) is the same as no review: the
/// framework does not keep one.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::edit::{Edit, ReviewChange};
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::domain::review::ReviewKey;
/// use kra_kpi::domain::template::sales_executive;
///
/// let mut fw = sales_executive();
/// let kra = fw.kras()[0].id;
/// let october = Period::containing(date(2026, 10, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
/// let key = ReviewKey::of(&october);
/// fw.apply(Edit::SetReview { key, change: ReviewChange::Rating { kra, rating: Some(4.0) } }).unwrap();
/// assert_eq!(fw.review(&october).unwrap().kras[&kra].rating, Some(4.0));
/// // Other periods are untouched.
/// assert!(fw.review(&october.next()).is_none());
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Review {
    /// Ratings and comments per KRA (only KRAs with something written).
    pub kras: Map<Id, KraReview>,
    /// The overall comment.
    pub comment: String,
    /// Who reviewed (a name or role).
    pub reviewer: String,
    /// KPIs that do not apply in this period: shown, but left out of the roll-up.
    pub not_applicable: Set<Id>,
    /// Set once the review is closed.
    pub closed: Option<Closure>,
}

impl Review {
    /// Whether the review holds nothing at all.
    pub fn is_empty(&self) -> bool {
        self.kras.is_empty()
            && self.comment.is_empty()
            && self.reviewer.is_empty()
            && self.not_applicable.is_empty()
            && self.closed.is_none()
    }

    /// Whether the review is closed (read-only until reopened).
    pub fn is_closed(&self) -> bool {
        self.closed.is_some()
    }

    /// The self-assessment of `kra`, if any.
    pub fn self_rating(&self, kra: Id) -> Option<f64> {
        self.kras.get(&kra).and_then(|k| k.self_rating)
    }

    /// The rating given to `kra`, if any.
    pub fn rating(&self, kra: Id) -> Option<f64> {
        self.kras.get(&kra).and_then(|k| k.rating)
    }

    /// Every id the review refers to (KRAs rated or commented, KPIs marked N/A, KRAs recorded
    /// at closing).
    pub fn ids(&self) -> impl Iterator<Item = Id> + '_ {
        let closed = self.closed.iter().flat_map(|c| c.kras.keys());
        self.kras.keys().chain(&self.not_applicable).chain(closed).copied()
    }
}

/// The reviews of a framework, by review period.
pub type Reviews = Map<ReviewKey, Review>;

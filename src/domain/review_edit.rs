//! Applying the review edits: one field of a review at a time, closing and reopening.
//!
//! A review changes one field per edit (a KRA's rating, a comment, an N/A mark), not as a whole
//! record, so two tabs writing different parts of the same review both keep their work, and each
//! undo step puts back exactly one field.

use std::mem;

use jiff::civil::Date;

use super::edit::{Applied, Edit};
use super::error::ValidationError;
use super::framework::Framework;
use super::id::Id;
use super::input::check_finite;
use super::ordered::Map;
use super::review::{Closure, ReviewKey};

/// One change to a review record, as [`Edit::SetReview`] carries it.
///
/// Applying one returns the same kind of change with the old value, its exact inverse.
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
/// let kpi = fw.kpis()[0].id;
/// let october = Period::containing(date(2026, 10, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
/// let key = ReviewKey::of(&october);
/// let applied = fw.apply(Edit::SetReview { key, change: ReviewChange::NotApplicable { kpi, yes: true } }).unwrap();
/// assert!(fw.is_not_applicable(kpi, &october));
/// assert!(!fw.is_not_applicable(kpi, &october.next()), "only October");
/// fw.apply(applied.inverse).unwrap();
/// assert!(fw.reviews().is_empty(), "an empty review is not kept");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum ReviewChange {
    /// A KRA's rating for the period (1 to the rating scale), or none.
    Rating { kra: Id, rating: Option<f64> },
    /// Puts back a KRA's rating exactly (the inverse of [`ReviewChange::Rating`]), checked only
    /// for being a number: the rating scale may have been lowered since, and undo must still
    /// give the rating back.
    RestoreRating { kra: Id, rating: Option<f64> },
    /// The employee's own rating of a KRA for the period (1 to the rating scale), or none: the
    /// self-assessment shown beside the reviewer's rating. It never changes a score.
    SelfRating { kra: Id, rating: Option<f64> },
    /// Puts back a self-assessment exactly (the inverse of [`ReviewChange::SelfRating`]).
    RestoreSelfRating { kra: Id, rating: Option<f64> },
    /// A KRA's comment for the period.
    KraComment { kra: Id, comment: String },
    /// The overall comment.
    Comment { comment: String },
    /// Who reviewed.
    Reviewer { reviewer: String },
    /// Whether a KPI is not applicable in the period.
    NotApplicable { kpi: Id, yes: bool },
}

impl ReviewChange {
    /// Rewrites the KRA or KPI id the change refers to (see [`Edit::remap`]).
    pub(super) fn remap(&mut self, map: &Map<Id, Id>) {
        let id = match self {
            ReviewChange::Rating { kra, .. }
            | ReviewChange::RestoreRating { kra, .. }
            | ReviewChange::SelfRating { kra, .. }
            | ReviewChange::RestoreSelfRating { kra, .. }
            | ReviewChange::KraComment { kra, .. } => kra,
            ReviewChange::NotApplicable { kpi, .. } => kpi,
            ReviewChange::Comment { .. } | ReviewChange::Reviewer { .. } => return,
        };
        if let Some(&new) = map.get(id) {
            *id = new;
        }
    }

    /// What the change does, in words (see [`Edit::describe`]).
    pub(super) fn describe(
        &self,
        period: &str,
        kra_name: &dyn Fn(&Id) -> String,
        kpi_name: &dyn Fn(&Id) -> String,
    ) -> String {
        match self {
            ReviewChange::Rating { kra, rating: Some(r) } | ReviewChange::RestoreRating { kra, rating: Some(r) } => {
                format!("rate {} {} for {period}", kra_name(kra), super::format::num(*r))
            }
            ReviewChange::Rating { kra, rating: None } | ReviewChange::RestoreRating { kra, rating: None } => {
                format!("clear the {period} rating of {}", kra_name(kra))
            }
            ReviewChange::SelfRating { kra, rating: Some(r) }
            | ReviewChange::RestoreSelfRating { kra, rating: Some(r) } => {
                format!("self-assess {} {} for {period}", kra_name(kra), super::format::num(*r))
            }
            ReviewChange::SelfRating { kra, rating: None } | ReviewChange::RestoreSelfRating { kra, rating: None } => {
                format!("clear the {period} self-assessment of {}", kra_name(kra))
            }
            ReviewChange::KraComment { kra, .. } => format!("change the {period} comment on {}", kra_name(kra)),
            ReviewChange::Comment { .. } => format!("change the overall comment for {period}"),
            ReviewChange::Reviewer { .. } => format!("change who reviewed {period}"),
            ReviewChange::NotApplicable { kpi, yes: true } => format!("mark {} N/A for {period}", kpi_name(kpi)),
            ReviewChange::NotApplicable { kpi, yes: false } => {
                format!("count {} again for {period}", kpi_name(kpi))
            }
        }
    }
}

impl Framework {
    /// Refuses a change to a reading in the period starting `period_start` when a closed review
    /// holds that day.
    pub(super) fn check_open(&self, period_start: Date) -> Result<(), ValidationError> {
        match self.closed_review_holding(period_start) {
            Some(period) => Err(ValidationError::ReviewClosed { period: period.label() }),
            None => Ok(()),
        }
    }

    fn review_label(&self, key: ReviewKey) -> String {
        key.period(self.settings.fiscal_year_start).label()
    }

    pub(super) fn set_review(&mut self, key: ReviewKey, change: ReviewChange) -> Result<Applied, ValidationError> {
        let old = self.reviews.get(&key).cloned().unwrap_or_default();
        if old.is_closed() {
            return Err(ValidationError::ReviewClosed { period: self.review_label(key) });
        }
        let known_kra =
            |fw: &Framework, id: Id| fw.kra(id).map(drop).ok_or(ValidationError::UnknownItem { what: "KRA" });
        let mut review = old.clone();
        let inverse = match change.clone() {
            ReviewChange::Rating { kra, rating }
            | ReviewChange::RestoreRating { kra, rating }
            | ReviewChange::SelfRating { kra, rating }
            | ReviewChange::RestoreSelfRating { kra, rating } => {
                known_kra(self, kra)?;
                let own = matches!(change, ReviewChange::SelfRating { .. } | ReviewChange::RestoreSelfRating { .. });
                let field = if own { "Self-assessment" } else { "Rating" };
                if let Some(r) = rating {
                    check_finite(field, r)?;
                    let scale = self.settings.rating_scale;
                    let restoring =
                        matches!(change, ReviewChange::RestoreRating { .. } | ReviewChange::RestoreSelfRating { .. });
                    if !restoring && !(1.0..=scale).contains(&r) {
                        return Err(ValidationError::OutOfRange { field, value: r, min: 1.0, max: scale });
                    }
                }
                let entry = review.kras.entry(kra).or_default();
                if own {
                    ReviewChange::RestoreSelfRating { kra, rating: mem::replace(&mut entry.self_rating, rating) }
                } else {
                    ReviewChange::RestoreRating { kra, rating: mem::replace(&mut entry.rating, rating) }
                }
            }
            ReviewChange::KraComment { kra, comment } => {
                known_kra(self, kra)?;
                let old = mem::replace(&mut review.kras.entry(kra).or_default().comment, comment.trim().to_owned());
                ReviewChange::KraComment { kra, comment: old }
            }
            ReviewChange::Comment { comment } => {
                ReviewChange::Comment { comment: mem::replace(&mut review.comment, comment.trim().to_owned()) }
            }
            ReviewChange::Reviewer { reviewer } => {
                ReviewChange::Reviewer { reviewer: mem::replace(&mut review.reviewer, reviewer.trim().to_owned()) }
            }
            ReviewChange::NotApplicable { kpi, yes } => {
                self.kpi(kpi).ok_or(ValidationError::UnknownItem { what: "KPI" })?;
                let was = review.not_applicable.contains(&kpi);
                if yes {
                    review.not_applicable.insert(kpi);
                } else {
                    review.not_applicable.remove(&kpi);
                }
                ReviewChange::NotApplicable { kpi, yes: was }
            }
        };
        review.kras.retain(|_, k| !k.is_empty());
        let changed = review != old;
        if review.is_empty() {
            self.reviews.remove(&key);
        } else {
            self.reviews.insert(key, review);
        }
        Ok(Applied::new(Edit::SetReview { key, change: inverse }, changed))
    }

    pub(super) fn close_review(&mut self, key: ReviewKey, closure: Closure) -> Result<Applied, ValidationError> {
        let period = key.period(self.settings.fiscal_year_start);
        let review = self.reviews.get(&key);
        if review.is_some_and(|r| r.is_closed()) {
            return Err(ValidationError::ReviewClosed { period: period.label() });
        }
        if closure.on < period.end() {
            return Err(ValidationError::ReviewNotOver {
                period: period.label(),
                from: super::format::long_date(period.end()),
            });
        }
        for s in closure.overall.iter().chain(closure.kras.values().flatten()) {
            check_finite("Closed score", *s)?;
        }
        self.reviews.entry(key).or_default().closed = Some(closure);
        Ok(Applied::new(Edit::ReopenReview { key }, true))
    }

    pub(super) fn reopen_review(&mut self, key: ReviewKey) -> Result<Applied, ValidationError> {
        let Some(review) = self.reviews.get_mut(&key) else {
            return Ok(Applied::new(Edit::ReopenReview { key }, false));
        };
        let Some(closure) = review.closed.take() else {
            return Ok(Applied::new(Edit::ReopenReview { key }, false));
        };
        if review.is_empty() {
            self.reviews.remove(&key);
        }
        Ok(Applied::new(Edit::CloseReview { key, closure }, true))
    }
}

//! Review records in the saved format (schema 4), and the migration of the all-time KRA rating
//! and KPI N/A flag of schemas 1–3 into a review.
//!
//! A review is saved as
//! `{"cycle":"monthly","start":"2026-10-01","reviewer":"Priya","comment":"…",
//! "kras":[{"kra":1,"rating":4,"self":3,"comment":"…"}],"na":[7],
//! "closed":{"on":"2026-11-03","overall":82.5,"kras":[{"kra":1,"score":80}]}}`,
//! every field but `cycle` and `start` left out when empty.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::codec::{Damage, DecodeError};
use super::migrate;
use crate::domain::framework::Framework;
use crate::domain::id::Id;
use crate::domain::iso_date;
use crate::domain::ordered::{map_from, set_from};
use crate::domain::period::{Frequency, Period};
use crate::domain::review::{Closure, KraReview, Review, ReviewKey, Reviews};
use crate::domain::scoring::ScoringSettings;

#[derive(Serialize, Deserialize)]
pub(super) struct ReviewRecord {
    cycle: Frequency,
    #[serde(with = "crate::domain::iso_date::serde")]
    start: Date,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    reviewer: String,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    comment: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    kras: Vec<KraRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    na: Vec<Id>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    closed: Option<ClosureRecord>,
}

#[derive(Serialize, Deserialize)]
struct KraRecord {
    kra: Id,
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::decimal::serde::optional"
    )]
    rating: Option<f64>,
    /// The self-assessment (written only when given, so older saves read unchanged).
    #[serde(
        default,
        rename = "self",
        skip_serializing_if = "Option::is_none",
        deserialize_with = "crate::domain::decimal::serde::optional"
    )]
    self_rating: Option<f64>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    comment: String,
}

#[derive(Serialize, Deserialize)]
struct ClosureRecord {
    #[serde(with = "crate::domain::iso_date::serde")]
    on: Date,
    #[serde(default, deserialize_with = "crate::domain::decimal::serde::optional")]
    overall: Option<f64>,
    #[serde(default)]
    kras: Vec<ClosedKra>,
}

#[derive(Serialize, Deserialize)]
struct ClosedKra {
    kra: Id,
    #[serde(default, deserialize_with = "crate::domain::decimal::serde::optional")]
    score: Option<f64>,
}

/// Every review of `fw`, as saved.
pub(super) fn records(fw: &Framework) -> Vec<ReviewRecord> {
    fw.reviews()
        .iter()
        .map(|(key, r)| ReviewRecord {
            cycle: key.cycle,
            start: key.start,
            reviewer: r.reviewer.clone(),
            comment: r.comment.clone(),
            kras: r
                .kras
                .iter()
                .map(|(&kra, k)| KraRecord {
                    kra,
                    rating: k.rating,
                    self_rating: k.self_rating,
                    comment: k.comment.clone(),
                })
                .collect(),
            na: r.not_applicable.iter().copied().collect(),
            closed: r.closed.as_ref().map(|c| ClosureRecord {
                on: c.on,
                overall: c.overall,
                kras: c.kras.iter().map(|(&kra, &score)| ClosedKra { kra, score }).collect(),
            }),
        })
        .collect()
}

/// The saved reviews read back; empty ones are dropped, two for one period are refused.
pub(super) fn from_records(records: Vec<ReviewRecord>) -> Result<Reviews, DecodeError> {
    let mut reviews = Reviews::new();
    for rec in records {
        let key = ReviewKey { cycle: rec.cycle, start: rec.start };
        let review = Review {
            kras: map_from(
                rec.kras
                    .into_iter()
                    .map(|k| (k.kra, KraReview { rating: k.rating, self_rating: k.self_rating, comment: k.comment })),
            ),
            comment: rec.comment,
            reviewer: rec.reviewer,
            not_applicable: set_from(rec.na),
            closed: rec.closed.map(|c| Closure {
                on: c.on,
                overall: c.overall,
                kras: map_from(c.kras.into_iter().map(|k| (k.kra, k.score))),
            }),
        };
        if review.is_empty() {
            continue;
        }
        if reviews.insert(key, review).is_some() {
            return Err(DecodeError::Invalid(Damage::Shape(format!(
                "two reviews of the period from {}",
                iso_date::format(key.start)
            ))));
        }
    }
    Ok(reviews)
}

// ---- schemas 1–3: one rating per KRA and one N/A flag per KPI, for all time ----------------

/// Before schema 4 a KRA had one rating and a KPI one N/A flag for all time. They move into the
/// review of the period holding `today` (the period they were meant for when last set), as an
/// open review: `None` when there was nothing to move.
///
/// `body` is the old body's text (after `migrate::nest_kpi_specs` for schemas 1 and 2): read
/// untyped, as the other migrations are, so no old types stay compiled in. What is not where it
/// should be (a rating that is not a number, an id that is not a whole number) is left behind.
pub(super) fn migrate_marks(body: &str, settings: &ScoringSettings, today: Date) -> Option<(ReviewKey, Review)> {
    let body = migrate::object(body).unwrap_or_default();
    let items =
        |key: &str| migrate::list(&body, key).unwrap_or_default().into_iter().filter_map(|i| migrate::object(i.get()));
    let id = |item: &migrate::Object| item.get("id").and_then(|id| serde_json::from_str::<u64>(id.get()).ok()).map(Id);
    let number = |text: &str| crate::domain::decimal::serde::read::<serde_json::Error>(text).ok();
    let mut review = Review::default();
    for k in items("kras") {
        if let (Some(id), Some(rating)) = (id(&k), k.get("rating").and_then(|r| number(r.get()))) {
            review.kras.insert(id, KraReview { rating: Some(rating), self_rating: None, comment: String::new() });
        }
    }
    let not_applicable = |k: &migrate::Object| {
        let spec = k.get("spec").and_then(|s| migrate::object(s.get()));
        spec.and_then(|s| s.get("not_applicable").map(|flag| flag.get() == "true")) == Some(true)
    };
    review.not_applicable = set_from(items("kpis").filter(not_applicable).filter_map(|k| id(&k)));
    let period = Period::containing(today, settings.review_cycle, settings.fiscal_year_start);
    (!review.is_empty()).then(|| (ReviewKey::of(&period), review))
}

/// Keeps only marks of KRAs and KPIs that exist (a damaged old save could name others).
pub(super) fn keep_known(review: &mut Review, kras: &[Id], kpis: &[Id]) {
    review.kras.retain(|id, _| kras.contains(id));
    review.not_applicable.retain(|id| kpis.contains(id));
}

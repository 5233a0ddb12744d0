//! The scores a host page reads (`scores()`, and the `change` event), as plain JSON.
//!
//! The shape is part of the embedding API (version [`super::API_VERSION`]): field names are
//! camelCase, statuses are stable words ([`Status::key`]), scores are percentages (100 = on
//! target) or `null` where nothing was reported.

use serde_json::{json, Value};

use crate::domain::framework::Framework;
use crate::domain::iso_date;
use crate::domain::scoring::{Coverage, Scorecard, Status};

/// The review period's scores: overall, per KRA and, under each, per KPI, in the order the
/// scorecard shows them.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::period::Period;
/// use kra_kpi::domain::scoring::score_framework;
/// use kra_kpi::domain::template::sales_executive;
/// use kra_kpi::embed::scores::scores_json;
///
/// let mut fw = sales_executive();
/// let revenue = fw.kpis()[0].id;
/// fw.add_reading(revenue, date(2026, 11, 20), 500_000.0, "").unwrap();
/// let today = date(2026, 11, 23);
/// let period = Period::containing(today, fw.settings().review_cycle, fw.settings().fiscal_year_start);
/// let card = score_framework(&fw, &period, today);
/// let scores = scores_json(&fw, &card);
/// assert_eq!(scores["period"]["start"], "2026-11-01");
/// assert_eq!(scores["kras"][0]["kpis"][0]["value"], 500000.0);
/// assert_eq!(scores["overall"]["status"], card.status.key());
/// assert_eq!(scores["overall"]["coverage"]["reported"], 1);
/// assert_eq!(scores["period"]["inProgress"], true);
/// assert_eq!(scores["review"]["closed"], false);
/// ```
pub fn scores_json(fw: &Framework, card: &Scorecard) -> Value {
    let status = |s: Status| s.key();
    let review = fw.review(&card.period);
    let closed = review.and_then(|r| r.closed.as_ref());
    let kras: Vec<Value> = fw
        .kras()
        .iter()
        .map(|kra| {
            let score = card.kras.get(&kra.id);
            let kra_review = review.and_then(|r| r.kras.get(&kra.id));
            let kpis: Vec<Value> = fw
                .kpis_of(kra.id)
                .map(|kpi| {
                    let s = card.kpis.get(&kpi.id);
                    json!({
                        "id": kpi.id.0,
                        "name": kpi.spec.name,
                        "unit": kpi.spec.unit,
                        "value": s.and_then(|s| s.value),
                        "target": s.map(|s| s.target),
                        "score": s.and_then(|s| s.score),
                        "status": s.map_or("no-data", |s| status(s.status)),
                        "readings": s.map_or(0, |s| s.readings),
                    })
                })
                .collect();
            json!({
                "id": kra.id.0,
                "name": kra.name,
                "score": score.and_then(|s| s.score),
                "status": score.map_or("no-data", |s| status(s.status)),
                "coverage": score.map(|s| coverage(&s.coverage)),
                "rating": kra_review.and_then(|k| k.rating),
                "selfRating": kra_review.and_then(|k| k.self_rating),
                "comment": kra_review.map_or("", |k| k.comment.as_str()),
                "kpis": kpis,
            })
        })
        .collect();
    json!({
        "period": {
            "label": card.period.label(),
            "start": iso_date::format(card.period.start()),
            "end": iso_date::format(card.period.last_day()),
            "inProgress": card.in_progress,
        },
        "overall": { "score": card.overall, "status": status(card.status), "coverage": coverage(&card.coverage) },
        "review": {
            "reviewer": review.map_or("", |r| r.reviewer.as_str()),
            "comment": review.map_or("", |r| r.comment.as_str()),
            "closed": closed.is_some(),
            "closedOn": closed.map(|c| iso_date::format(c.on)),
            "closedOverall": closed.and_then(|c| c.overall),
        },
        "kras": kras,
    })
}

/// `{ reported, due, weight }`: KPIs with a reading of those due, and their share of the weight.
fn coverage(c: &Coverage) -> Value {
    json!({ "reported": c.reported, "due": c.due, "weight": c.weight })
}

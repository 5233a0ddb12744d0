#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! Review records per period: ratings, comments and N/A marks belong to one review period;
//! a closed review keeps its scores and freezes its period until reopened; old saves' all-time
//! ratings and N/A flags move into one period's review.

use jiff::civil::{date, Date};
use kra_kpi::domain::edit::{Edit, ReviewChange};
use kra_kpi::domain::error::ValidationError;
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::history::History;
use kra_kpi::domain::id::Id;
use kra_kpi::domain::period::{Frequency, Period};
use kra_kpi::domain::review::{Closure, ReviewKey};
use kra_kpi::domain::scoring::{score_framework, ScoringSettings, Status};
use kra_kpi::domain::template::sales_executive;
use kra_kpi::storage::codec::decode_saved_on;
use kra_kpi::storage::{decode, encode};

fn month(y: i16, m: i8, fw: &Framework) -> Period {
    Period::containing(date(y, m, 1), Frequency::Monthly, fw.settings().fiscal_year_start)
}

fn set(fw: &mut Framework, period: Period, change: ReviewChange) -> Result<(), ValidationError> {
    fw.apply(Edit::SetReview { key: ReviewKey::of(&period), change }).map(drop)
}

fn close(fw: &mut Framework, period: Period, on: Date) -> Result<(), ValidationError> {
    let card = score_framework(fw, &period, on);
    fw.apply(Edit::CloseReview { key: ReviewKey::of(&period), closure: Closure::of(&card, on) }).map(drop)
}

/// The sales template with ratings blended at 50 %, and October and November readings of its
/// first KPI (the rest have none).
fn rated() -> (Framework, Id, Id) {
    let mut fw = sales_executive();
    let settings = ScoringSettings { rating_blend: 50.0, ..fw.settings().clone() };
    fw.set_settings(settings).unwrap();
    let (kra, kpi) = (fw.kras()[0].id, fw.kpis_of(fw.kras()[0].id).next().unwrap().id);
    fw.add_reading(kpi, date(2026, 10, 5), 400_000.0, "").unwrap();
    fw.add_reading(kpi, date(2026, 11, 5), 400_000.0, "").unwrap();
    (fw, kra, kpi)
}

#[test]
fn a_rating_counts_only_in_its_own_period() {
    let (mut fw, kra, _) = rated();
    let (oct, nov) = (month(2026, 10, &fw), month(2026, 11, &fw));
    let today = date(2026, 12, 3);
    let before_oct = score_framework(&fw, &oct, today).kras[&kra].score.unwrap();
    let before_nov = score_framework(&fw, &nov, today).kras[&kra].score.unwrap();
    set(&mut fw, oct, ReviewChange::Rating { kra, rating: Some(5.0) }).unwrap();
    let after_oct = score_framework(&fw, &oct, today).kras[&kra].score.unwrap();
    // Blended at 50 %: half the KPI score plus half of 5 of 5 (100 %).
    assert!((after_oct - (0.5 * before_oct + 50.0)).abs() < 1e-9, "{before_oct} → {after_oct}");
    assert_eq!(score_framework(&fw, &nov, today).kras[&kra].score.unwrap(), before_nov, "November is untouched");
    let steps = score_framework(&fw, &oct, today).kras[&kra].steps.join(" ");
    assert!(steps.contains("blended with rating 5 of 5"), "{steps}");
}

#[test]
fn a_self_assessment_sits_beside_the_rating_and_never_changes_a_score() {
    let (mut fw, kra, _) = rated();
    let oct = month(2026, 10, &fw);
    let today = date(2026, 12, 3);
    let before = score_framework(&fw, &oct, today).kras[&kra].score;
    set(&mut fw, oct, ReviewChange::SelfRating { kra, rating: Some(5.0) }).unwrap();
    assert_eq!(score_framework(&fw, &oct, today).kras[&kra].score, before, "blended at 50 %, yet no change");
    set(&mut fw, oct, ReviewChange::Rating { kra, rating: Some(2.0) }).unwrap();
    let review = fw.review(&oct).unwrap();
    assert_eq!((review.rating(kra), review.self_rating(kra)), (Some(2.0), Some(5.0)));
    assert_ne!(score_framework(&fw, &oct, today).kras[&kra].score, before, "the reviewer's rating counts");
    // The same scale and checks as the rating, named as what the user chose.
    assert_eq!(
        set(&mut fw, oct, ReviewChange::SelfRating { kra, rating: Some(9.0) }),
        Err(ValidationError::OutOfRange { field: "Self-assessment", value: 9.0, min: 1.0, max: 5.0 })
    );
    assert!(set(&mut fw, oct, ReviewChange::SelfRating { kra, rating: Some(f64::NAN) }).is_err());
    // Clearing the rating keeps the self-assessment, and the review with it.
    set(&mut fw, oct, ReviewChange::Rating { kra, rating: None }).unwrap();
    assert_eq!(fw.review(&oct).unwrap().self_rating(kra), Some(5.0));
    let text = encode(&fw);
    assert!(text.contains(r#""kras":[{"kra":"#) && text.contains(r#""self":5"#), "{text}");
    assert_eq!(decode(&text), Ok(fw));
}

#[test]
fn not_applicable_leaves_a_kpi_out_of_one_period_only() {
    let (mut fw, _, kpi) = rated();
    let (oct, nov) = (month(2026, 10, &fw), month(2026, 11, &fw));
    let today = date(2026, 12, 3);
    set(&mut fw, oct, ReviewChange::NotApplicable { kpi, yes: true }).unwrap();
    let october = score_framework(&fw, &oct, today);
    assert_eq!(october.kpis[&kpi].status, Status::NotApplicable);
    assert_eq!(october.kpis[&kpi].rollup, None);
    assert!(october.kpis[&kpi]
        .steps
        .iter()
        .any(|s| s == "Marked N/A for Oct 2026: shown, but left out of the roll-up."));
    let november = score_framework(&fw, &nov, today);
    assert_ne!(november.kpis[&kpi].status, Status::NotApplicable);
    assert!(november.kpis[&kpi].rollup.is_some());
}

#[test]
fn comments_and_the_reviewer_are_kept_trimmed_and_an_emptied_review_is_dropped() {
    let (mut fw, kra, _) = rated();
    let oct = month(2026, 10, &fw);
    set(&mut fw, oct, ReviewChange::Reviewer { reviewer: "  Priya Shah ".into() }).unwrap();
    set(&mut fw, oct, ReviewChange::KraComment { kra, comment: "<img src=x onerror=alert(1)>".into() }).unwrap();
    set(&mut fw, oct, ReviewChange::Comment { comment: "Good month.\nKeep it up.".into() }).unwrap();
    let review = fw.review(&oct).unwrap();
    assert_eq!(review.reviewer, "Priya Shah");
    assert_eq!(review.kras[&kra].comment, "<img src=x onerror=alert(1)>", "kept as text");
    assert_eq!(review.comment, "Good month.\nKeep it up.");
    for change in [
        ReviewChange::Reviewer { reviewer: String::new() },
        ReviewChange::KraComment { kra, comment: " ".into() },
        ReviewChange::Comment { comment: String::new() },
    ] {
        set(&mut fw, oct, change).unwrap();
    }
    assert!(fw.reviews().is_empty(), "{:?}", fw.reviews());
}

#[test]
fn a_closed_review_keeps_its_scores_and_freezes_its_period_until_reopened() {
    let (mut fw, kra, kpi) = rated();
    let oct = month(2026, 10, &fw);
    set(&mut fw, oct, ReviewChange::Rating { kra, rating: Some(4.0) }).unwrap();
    // Not before October is over.
    let early = close(&mut fw, oct, date(2026, 10, 31)).unwrap_err();
    assert_eq!(
        early.to_string(),
        "Oct 2026 is not over yet, so its review cannot be closed. It can be closed from 1 November 2026."
    );
    close(&mut fw, oct, date(2026, 11, 2)).unwrap();
    let closure = fw.review(&oct).unwrap().closed.clone().unwrap();
    assert_eq!(closure.on, date(2026, 11, 2));
    assert_eq!(closure.overall, score_framework(&fw, &oct, date(2026, 11, 2)).overall);

    // Frozen: readings, ratings, N/A marks and comments of October.
    let frozen = "The review of Oct 2026 is closed, so Oct 2026 cannot be changed. Reopen the review to change it.";
    let start = date(2026, 10, 1);
    let before = fw.clone();
    let refusals = [
        fw.update_reading(kpi, start, 1.0, ""),
        fw.delete_reading(kpi, start),
        fw.add_reading(fw.kpis()[1].id, date(2026, 10, 9), 3.0, "").map(drop),
        set(&mut fw, oct, ReviewChange::Rating { kra, rating: Some(2.0) }),
        set(&mut fw, oct, ReviewChange::NotApplicable { kpi, yes: true }),
        close(&mut fw, oct, date(2026, 11, 3)),
    ];
    for r in refusals {
        assert_eq!(r.unwrap_err().to_string(), frozen);
    }
    assert_eq!(fw, before);
    // November is not frozen.
    fw.update_reading(kpi, date(2026, 11, 1), 1.0, "").unwrap();

    // Reopened: October can change again; undoing the reopen closes it with the same record.
    let reopened = fw.apply(Edit::ReopenReview { key: ReviewKey::of(&oct) }).unwrap();
    assert!(!fw.review(&oct).unwrap().is_closed());
    fw.update_reading(kpi, start, 1.0, "").unwrap();
    fw.update_reading(kpi, start, 400_000.0, "").unwrap();
    fw.apply(reopened.inverse).unwrap();
    assert_eq!(fw.review(&oct).unwrap().closed.as_ref(), Some(&closure));
}

#[test]
fn every_review_edit_is_undone_exactly() {
    let (mut fw, kra, kpi) = rated();
    let start = fw.clone();
    let oct = month(2026, 10, &fw);
    let key = ReviewKey::of(&oct);
    let mut history = History::new(50);
    let card = score_framework(&fw, &oct, date(2026, 11, 2));
    let edits = [
        Edit::SetReview { key, change: ReviewChange::Rating { kra, rating: Some(3.0) } },
        Edit::SetReview { key, change: ReviewChange::Rating { kra, rating: Some(4.0) } },
        Edit::SetReview { key, change: ReviewChange::SelfRating { kra, rating: Some(5.0) } },
        Edit::SetReview { key, change: ReviewChange::NotApplicable { kpi, yes: true } },
        Edit::SetReview { key, change: ReviewChange::Reviewer { reviewer: "Priya".into() } },
        Edit::CloseReview { key, closure: Closure::of(&card, date(2026, 11, 2)) },
        Edit::ReopenReview { key },
    ];
    for e in edits {
        history.record(fw.apply(e).unwrap().inverse);
    }
    // The rating scale lowered below the rating given: undo still gives the old rating back.
    let lowered = ScoringSettings { rating_scale: 3.0, ..fw.settings().clone() };
    history.record(fw.apply(Edit::SetSettings { settings: lowered }).unwrap().inverse);
    history
        .record(fw.apply(Edit::SetReview { key, change: ReviewChange::Rating { kra, rating: None } }).unwrap().inverse);
    history.undo(&mut fw).unwrap().unwrap();
    assert_eq!(fw.review(&oct).unwrap().rating(kra), Some(4.0));
    while let Some(step) = history.undo(&mut fw) {
        step.unwrap();
    }
    assert!(fw.same_content(&start));
}

#[test]
fn reviews_are_saved_and_read_back() {
    let (mut fw, kra, kpi) = rated();
    let (oct, nov) = (month(2026, 10, &fw), month(2026, 11, &fw));
    set(&mut fw, oct, ReviewChange::Rating { kra, rating: Some(4.5) }).unwrap();
    set(&mut fw, oct, ReviewChange::SelfRating { kra, rating: Some(3.0) }).unwrap();
    set(&mut fw, oct, ReviewChange::KraComment { kra, comment: "Strong \"close\" — ✓".into() }).unwrap();
    set(&mut fw, oct, ReviewChange::Reviewer { reviewer: "Priya".into() }).unwrap();
    set(&mut fw, nov, ReviewChange::NotApplicable { kpi, yes: true }).unwrap();
    close(&mut fw, oct, date(2026, 11, 2)).unwrap();
    let text = encode(&fw);
    assert!(text.contains(r#""reviews":[{"cycle":"monthly","start":"2026-10-01","reviewer":"Priya""#), "{text}");
    assert_eq!(decode(&text), Ok(fw));
}

#[test]
fn a_saved_review_naming_an_id_never_handed_out_is_refused() {
    let (mut fw, kra, _) = rated();
    let oct = month(2026, 10, &fw);
    set(&mut fw, oct, ReviewChange::Rating { kra, rating: Some(4.0) }).unwrap();
    let text = encode(&fw).replace(&format!(r#""kras":[{{"kra":{}"#, kra.0), r#""kras":[{"kra":99999"#);
    assert!(decode(&text).is_err(), "{text}");
}

#[test]
fn an_old_saves_all_time_rating_and_na_flag_move_into_the_period_it_is_opened_in() {
    let old = r#"{"app":"kra-kpi","schema":3,"revision":4,"framework":{"name":"Mine",
        "settings":{"review_cycle":"quarterly"},
        "kras":[{"id":1,"name":"Quality","weight":100,"rating":4},{"id":2,"name":"Culture","weight":0}],
        "kpis":[{"id":3,"kra":1,"spec":{"name":"Yield","unit":"%","direction":{"kind":"higher-is-better"},
            "target":{"kind":"constant","value":95},"frequency":"monthly","aggregation":"average","weight":1,
            "not_applicable":true}}],
        "readings":[],"next_id":4}}"#;
    let decoded = decode_saved_on(old, date(2026, 11, 20)).unwrap();
    assert_eq!((decoded.schema, decoded.revision), (3, 4));
    let fw = decoded.framework;
    let quarter = Period::containing(date(2026, 11, 20), Frequency::Quarterly, fw.settings().fiscal_year_start);
    let review = fw.review(&quarter).expect("the quarter holding the day it was opened");
    assert_eq!(review.rating(Id(1)), Some(4.0));
    assert_eq!(review.rating(Id(2)), None);
    assert!(fw.is_not_applicable(Id(3), &quarter));
    assert_eq!(fw.reviews().len(), 1);
    let previous = Period::containing(date(2026, 8, 1), Frequency::Quarterly, fw.settings().fiscal_year_start);
    assert!(!fw.is_not_applicable(Id(3), &previous), "other quarters count the KPI");
    // Written back in the current schema, the rating stays in that one review.
    let again = decode(&encode(&fw)).unwrap();
    assert_eq!(again.review(&quarter), Some(review));
}

#[test]
fn a_closed_periods_history_shows_the_scores_it_was_closed_with() {
    use kra_kpi::domain::kpi::KpiSpec;
    use kra_kpi::domain::score_history::score_history;
    let (mut fw, _, kpi) = rated();
    let oct = month(2026, 10, &fw);
    close(&mut fw, oct, date(2026, 11, 2)).unwrap();
    let recorded = fw.review(&oct).unwrap().closed.clone().unwrap();
    // The target is raised afterwards: today's computation of October drops, its record does not.
    let spec = KpiSpec {
        target: kra_kpi::domain::target::TargetPlan::constant(2_000_000.0),
        ..fw.kpi(kpi).unwrap().spec.clone()
    };
    fw.update_kpi(kpi, spec).unwrap();
    let today = date(2026, 12, 3);
    assert_ne!(score_framework(&fw, &oct, today).overall, recorded.overall);
    let history = score_history(&fw, &oct.next(), 2, today);
    let october = history.periods.iter().find(|p| p.period == oct).unwrap();
    assert!(october.closed);
    assert_eq!(october.overall.score, recorded.overall);
    let november = history.periods.iter().find(|p| p.period == oct.next()).unwrap();
    assert!(!november.closed);
    assert_eq!(november.overall.score, score_framework(&fw, &oct.next(), today).overall);
}

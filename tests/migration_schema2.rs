#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! A save written by the previous release (schema 2, readings as a flat list with ids of their
//! own) loads with every reading kept under its KPI and period, and scores exactly like the same
//! data entered through the app today.

use std::collections::BTreeMap;

use jiff::civil::{date, Date};
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::edit::{Edit, ReviewChange};
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::id::Id;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::period::{FiscalYearStart, Frequency, Period};
use kra_kpi::domain::review::ReviewKey;
use kra_kpi::domain::scoring::{
    score_framework, Aggregation, KpiScore, KraScore, Scorecard, ScoringMethod, ScoringSettings, Thresholds,
};
use kra_kpi::domain::target::TargetPlan;
use kra_kpi::storage::codec::decode_saved_on;
use kra_kpi::storage::{decode, encode, Damage, DecodeError};
use serde_json::Value;

const FIXTURE: &str = include_str!("fixtures/schema2_sales.json");
const TOLERANCE: f64 = 1e-9;

/// The day the old save is first opened in this version: its all-time KRA ratings move into
/// this day's review period, October 2026.
fn opened() -> Date {
    date(2026, 10, 20)
}

fn october() -> Period {
    Period::containing(date(2026, 10, 1), Frequency::Monthly, FiscalYearStart::APRIL)
}

fn load() -> Framework {
    decode_saved_on(FIXTURE, opened()).expect("the schema-2 fixture loads").framework
}

/// The fixture's readings as (KPI id, period start, value, note), read straight from the JSON
/// without the codec.
fn fixture_readings() -> Vec<(Id, Date, f64, String)> {
    let v: Value = serde_json::from_str(FIXTURE).unwrap();
    v["framework"]["readings"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            (
                Id(r["kpi"].as_u64().unwrap()),
                r["period_start"].as_str().unwrap().parse().unwrap(),
                r["value"].as_f64().unwrap(),
                r["note"].as_str().unwrap().to_owned(),
            )
        })
        .collect()
}

/// The same scorecard entered through the app: the same settings, KRAs and KPIs, and each of
/// the fixture's readings added with `add_reading`.
fn built_through_the_api() -> Framework {
    let mut fw = Framework::new("Sales executive – Priya");
    fw.set_settings(ScoringSettings {
        fiscal_year_start: FiscalYearStart::APRIL,
        rating_blend: 20.0,
        rollup_thresholds: Thresholds { green: 85.0, amber: 65.0 },
        ..ScoringSettings::default()
    })
    .unwrap();
    let higher = Direction::HigherIsBetter;
    let revenue = fw
        .add_kra(
            KraDraft::new("Achieve monthly revenue targets", 60.0)
                .owner("Sales executive")
                .description("Close enough business each month to meet the revenue plan."),
        )
        .unwrap();
    let key = ReviewKey::of(&october());
    fw.apply(Edit::SetReview { key, change: ReviewChange::Rating { kra: revenue, rating: Some(4.0) } }).unwrap();
    let steps = TargetPlan::Steps { from: date(2026, 4, 1), values: vec![400_000.0, 450_000.0, 500_000.0] };
    let specs = [
        KpiSpec {
            aggregation: Aggregation::Sum,
            weight: 50.0,
            target: steps,
            ..KpiSpec::new("Revenue in the month", "₹", higher, 0.0)
        },
        KpiSpec {
            aggregation: Aggregation::Sum,
            weight: 30.0,
            ..KpiSpec::new("Leads converted", "leads", higher, 50.0)
        },
        KpiSpec {
            weight: 20.0,
            baseline: Some(15_000.0),
            method: Some(ScoringMethod::Progress),
            ..KpiSpec::new("Average deal size", "₹", higher, 25_000.0)
        },
    ];
    let mut ids = BTreeMap::new();
    for (old, spec) in [2, 3, 4].into_iter().zip(specs) {
        ids.insert(Id(old), fw.add_kpi(revenue, spec).unwrap());
    }
    let clients = fw.add_kra(KraDraft::new("Build client relationships", 40.0).owner("Sales executive")).unwrap();
    fw.apply(Edit::SetReview { key, change: ReviewChange::Rating { kra: clients, rating: Some(3.0) } }).unwrap();
    let specs = [
        KpiSpec {
            aggregation: Aggregation::Last,
            frequency: Frequency::Quarterly,
            weight: 50.0,
            ..KpiSpec::new("Client retention rate", "%", higher, 90.0)
        },
        KpiSpec {
            frequency: Frequency::Weekly,
            weight: 30.0,
            ..KpiSpec::new("Average response time to client queries", "hours", Direction::LowerIsBetter, 4.0)
        },
        KpiSpec {
            aggregation: Aggregation::Sum,
            weight: 20.0,
            direction: Direction::KeepWithinRange { min: 10.0, max: 16.0 },
            ..KpiSpec::new("Client meetings held", "meetings", higher, 12.0)
        },
        KpiSpec {
            aggregation: Aggregation::Sum,
            weight: 0.0,
            ..KpiSpec::new("Referrals received", "referrals", higher, 3.0)
        },
    ];
    for (old, spec) in [6, 7, 8, 47].into_iter().zip(specs) {
        ids.insert(Id(old), fw.add_kpi(clients, spec).unwrap());
    }
    for (kpi, start, value, note) in fixture_readings() {
        let filed = fw.add_reading(ids[&kpi], start, value, &note).unwrap();
        assert_eq!(filed, start, "the fixture files every reading under its period's first day");
    }
    fw
}

#[test]
fn the_schema_2_fixture_decodes_and_keeps_its_ids() {
    let decoded = decode_saved_on(FIXTURE, opened()).unwrap();
    assert_eq!((decoded.schema, decoded.revision), (2, 0), "schema 2 had no revision");
    let fw = decoded.framework;
    assert_eq!(fw.check_integrity(), Ok(()));
    assert_eq!(fw.name(), "Sales executive – Priya");
    assert_eq!(fw.kras().iter().map(|k| k.id).collect::<Vec<_>>(), [Id(1), Id(5)]);
    assert_eq!(fw.kpis().iter().map(|k| k.id).collect::<Vec<_>>(), [Id(2), Id(3), Id(4), Id(6), Id(7), Id(8), Id(47)]);
    // The readings' own ids are dropped, but the counter is kept: no id is ever handed out again.
    assert_eq!(fw.next_id(), 50);
    assert_eq!(fw.settings().fiscal_year_start, FiscalYearStart::APRIL);
    assert_eq!(fw.settings().rating_blend, 20.0);
}

#[test]
fn the_all_time_ratings_move_into_the_review_of_the_period_the_save_is_opened_in() {
    let fw = load();
    let review = fw.review(&october()).expect("October's review holds the old ratings");
    assert_eq!((review.rating(Id(1)), review.rating(Id(5))), (Some(4.0), Some(3.0)));
    assert!(!review.is_closed(), "a migrated review is open");
    assert_eq!(fw.reviews().len(), 1, "no other period is rated");
    // Opened in another month, they go there instead.
    let later = decode_saved_on(FIXTURE, date(2027, 2, 3)).unwrap().framework;
    let february = Period::containing(date(2027, 2, 3), Frequency::Monthly, FiscalYearStart::APRIL);
    assert_eq!(later.review(&february).and_then(|r| r.rating(Id(1))), Some(4.0));
    assert!(later.review(&october()).is_none());
}

#[test]
fn every_reading_survives_with_its_kpi_period_value_and_note() {
    let fw = load();
    let expected = fixture_readings();
    assert_eq!(expected.len(), 39);
    assert_eq!(fw.reading_count(), expected.len());
    for (kpi, start, value, note) in &expected {
        let reading = fw.reading(*kpi, *start).unwrap_or_else(|| panic!("KPI {kpi} lost its reading of {start}"));
        assert_eq!((reading.value, reading.note.as_str()), (*value, note.as_str()), "KPI {kpi}, {start}");
    }
    // Weekly readings stay on their Mondays, quarterly ones on the fiscal quarter's first day.
    assert_eq!(fw.readings_of(Id(7)).len(), 8);
    assert_eq!(fw.readings_of(Id(6)).keys().copied().collect::<Vec<_>>(), [date(2026, 4, 1), date(2026, 7, 1)]);
    assert_eq!(fw.reading(Id(7), date(2026, 10, 12)).map(|r| r.note.as_str()), Some("holiday cover"));
}

#[test]
fn it_holds_the_same_scorecard_as_the_same_data_entered_through_the_app() {
    let (loaded, built) = (load(), built_through_the_api());
    let names = |fw: &Framework| {
        fw.all_readings().map(|(k, d, r)| (fw.kpi(k).unwrap().spec.name.clone(), d, r.clone())).collect::<Vec<_>>()
    };
    assert_eq!(names(&loaded), names(&built));
    assert_eq!(loaded.settings(), built.settings());
    let fields = |fw: &Framework| fw.kpis().iter().map(|k| k.spec.clone()).collect::<Vec<_>>();
    assert_eq!(fields(&loaded), fields(&built));
}

/// A scorecard with ids replaced by names, to compare two frameworks whose ids differ.
fn by_name(card: &Scorecard, fw: &Framework) -> (BTreeMap<String, KpiScore>, BTreeMap<String, KraScore>, Vec<String>) {
    let kpis = fw
        .kpis()
        .iter()
        .map(|k| (k.spec.name.clone(), KpiScore { id: Id(0), ..(*card.kpis[&k.id]).clone() }))
        .collect();
    let kras =
        fw.kras().iter().map(|k| (k.name.clone(), KraScore { id: Id(0), ..(*card.kras[&k.id]).clone() })).collect();
    let overall = vec![format!("{:?} {:?}", card.overall, card.status), card.summary.clone(), card.steps.join("\n")];
    (kpis, kras, overall)
}

#[test]
fn every_review_period_scores_as_the_same_data_entered_through_the_app() {
    let (loaded, built) = (load(), built_through_the_api());
    let fiscal = FiscalYearStart::APRIL;
    let mut reviews = Vec::new();
    for frequency in Frequency::ALL {
        let mut period = Period::containing(date(2026, 4, 1), frequency, fiscal);
        while period.start() <= date(2026, 10, 31) {
            reviews.push(period);
            period = period.next();
        }
    }
    assert!(reviews.len() > 40, "{} review periods", reviews.len());
    for review in &reviews {
        let today = date(2026, 10, 20);
        let a = by_name(&score_framework(&loaded, review, today), &loaded);
        let b = by_name(&score_framework(&built, review, today), &built);
        assert_eq!(a, b, "{}", review.label());
    }
}

fn close(actual: Option<f64>, expected: f64, what: &str) {
    let a = actual.unwrap_or_else(|| panic!("{what}: no score"));
    assert!((a - expected).abs() <= TOLERANCE, "{what}: {a}, expected {expected}");
}

#[test]
fn october_2026_scores_are_the_hand_worked_ones() {
    let fw = load();
    let card = score_framework(&fw, &october(), date(2026, 11, 20));
    let kpi = |id: u64| &card.kpis[&Id(id)];
    close(kpi(2).score, 90.0, "Revenue"); //        the step target holds at 500000 from June: 450000 ÷ 500000
    close(kpi(3).score, 84.0, "Leads"); //          42 ÷ 50
    close(kpi(4).score, 150.0, "Deal size"); //     progress: (30000 − 15000) ÷ (25000 − 15000)
    close(kpi(4).rollup, 100.0, "Deal size roll-up");
    assert_eq!(kpi(6).score, None, "retention: no reading yet for the quarter starting 1 Oct");
    // The four weeks whose Mondays fall in October: (3 + 6 + 4 + 3.5) ÷ 4 = 4.125 against 4,
    // reflected: 1 − 0.125 ÷ 4 = 96.875 %.
    assert_eq!(kpi(7).readings, 4);
    close(kpi(7).score, 96.875, "Response time");
    close(kpi(8).score, 100.0, "Meetings"); //      10 is within 10–16
    close(kpi(47).score, 400.0 / 3.0, "Referrals"); // 4 ÷ 3, weight 0
                                                    // KRA 1: 0.5 × 90 + 0.3 × 84 + 0.2 × 100 = 90.2; rating 4 of 5 blended at 20 %:
                                                    // 0.8 × 90.2 + 0.2 × 80 = 88.16.
    close(card.kras[&Id(1)].score, 88.16, "KRA revenue");
    // KRA 5: retention left out; (30 × 96.875 + 20 × 100) ÷ 50 = 98.125; rating 3 of 5:
    // 0.8 × 98.125 + 0.2 × 60 = 90.5.
    close(card.kras[&Id(5)].score, 90.5, "KRA clients");
    // Overall: 0.6 × 88.16 + 0.4 × 90.5 = 52.896 + 36.2.
    close(card.overall, 89.096, "overall");
}

#[test]
fn a_migrated_schema_2_save_is_written_back_in_the_current_schema_and_reads_back_the_same() {
    let fw = load();
    let text = encode(&fw);
    assert!(text.starts_with("{\"app\":\"kra-kpi\",\"schema\":4,"), "{text}");
    // The 39 reading objects become one run per KPI and stretch of consecutive periods.
    let saved: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(saved["framework"]["readings"].as_array().unwrap().len(), 7, "{}", saved["framework"]["readings"]);
    assert_eq!(decode(&text), Ok(fw));
}

#[test]
fn two_schema_2_readings_in_one_period_are_refused() {
    // The old format gave each reading an id, so nothing in its shape stopped two of them naming
    // one period; such a save is refused rather than one of them silently lost.
    let from = r#""kpi": 3, "period_start": "2026-05-01""#;
    let broken = FIXTURE.replacen(from, r#""kpi": 3, "period_start": "2026-04-01""#, 1);
    assert_ne!(broken, FIXTURE);
    match decode(&broken) {
        Err(DecodeError::Invalid(Damage::Shape(m))) => {
            assert_eq!(m, "two readings of KPI 3 share the period of 2026-04-01")
        }
        other => panic!("expected a damaged shape, got {other:?}"),
    }
}

#[test]
fn a_schema_2_reading_off_its_period_start_is_refused() {
    let broken = FIXTURE.replacen(r#""period_start": "2026-10-12""#, r#""period_start": "2026-10-13""#, 1);
    assert_ne!(broken, FIXTURE);
    assert!(matches!(decode(&broken), Err(DecodeError::Invalid(Damage::Integrity(_)))), "{:?}", decode(&broken));
}

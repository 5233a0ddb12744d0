#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! A save written by the first release (schema 1) still loads: directions, targets and the
//! aggregation are migrated as `storage::migrate::v1_to_v2` documents, readings are kept, and the
//! October 2026 scores are the ones worked out by hand below.

use jiff::civil::date;
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::id::Id;
use kra_kpi::domain::period::{FiscalYearStart, Frequency, Period};
use kra_kpi::domain::scoring::{score_framework, Aggregation, ScoringSettings};
use kra_kpi::domain::target::TargetPlan;
use kra_kpi::storage::{decode, encode, DecodeError};

const FIXTURE: &str = include_str!("fixtures/schema1_sales.json");
const TOLERANCE: f64 = 1e-9;

fn load() -> Framework {
    decode(FIXTURE).expect("the schema-1 fixture loads")
}

fn close(actual: Option<f64>, expected: f64, what: &str) {
    let a = actual.unwrap_or_else(|| panic!("{what}: no score"));
    assert!((a - expected).abs() <= TOLERANCE, "{what}: {a}, expected {expected}");
}

fn month(y: i16, m: i8) -> Period {
    Period::containing(date(y, m, 1), Frequency::Monthly, FiscalYearStart::JANUARY)
}

#[test]
fn the_schema_1_fixture_decodes() {
    let fw = load();
    assert_eq!(fw.name, "Sales executive");
    assert_eq!(fw.kras.len(), 2);
    assert_eq!(fw.kpis.len(), 6);
    assert_eq!(fw.readings.len(), 6);
    assert_eq!(fw.next_id, 15);
    assert_eq!(fw.check_integrity(), Ok(()));
    // Schema 1 had no settings: the defaults apply (calendar year, ratio, floor 0, caps 200/100).
    assert_eq!(fw.settings, ScoringSettings::default());
}

#[test]
fn kras_keep_their_fields() {
    let fw = load();
    let revenue = &fw.kras[0];
    assert_eq!(revenue.id, Id(1));
    assert_eq!(revenue.name, "Achieve monthly revenue targets");
    assert_eq!(revenue.owner, "Sales executive");
    assert_eq!(revenue.description, "Close enough business each month to meet the revenue plan.");
    assert_eq!(revenue.weight, 60.0);
    assert_eq!(revenue.rating, None);
    assert_eq!(fw.kras[1].weight, 40.0);
}

#[test]
fn directions_become_tagged_directions() {
    let fw = load();
    let by_id = |id: u32| fw.kpi(Id(id)).unwrap();
    for id in [3, 4, 5, 6, 8] {
        assert_eq!(by_id(id).spec.direction, Direction::HigherIsBetter, "KPI {id}");
    }
    assert_eq!(by_id(7).spec.direction, Direction::LowerIsBetter);
}

#[test]
fn number_targets_become_constant_plans() {
    let fw = load();
    let targets: Vec<TargetPlan> = fw.kpis.iter().map(|k| k.spec.target.clone()).collect();
    let expected: Vec<TargetPlan> =
        [500_000.0, 50.0, 25_000.0, 90.0, 4.0, 12.0].into_iter().map(TargetPlan::constant).collect();
    assert_eq!(targets, expected);
}

#[test]
fn kpis_without_an_aggregation_take_the_latest_reading() {
    let fw = load();
    for k in &fw.kpis {
        assert_eq!(k.spec.aggregation, Aggregation::Last, "{}", k.spec.name);
        assert_eq!(k.spec.frequency, Frequency::Monthly);
        assert_eq!(k.spec.baseline, None);
        assert_eq!(k.spec.method, None);
        assert_eq!(k.spec.bands, None);
        assert_eq!(k.spec.thresholds, None);
        assert!(!k.spec.not_applicable);
    }
    let kpi = fw.kpi(Id(7)).unwrap();
    assert_eq!((kpi.kra, kpi.spec.unit.as_str(), kpi.spec.weight), (Id(2), "hours", 30.0));
}

#[test]
fn readings_are_kept_with_period_start() {
    let fw = load();
    let r = fw.readings.iter().find(|r| r.id == Id(9)).unwrap();
    assert_eq!((r.kpi, r.period_start, r.value), (Id(3), date(2026, 10, 1), 450_000.0));
    assert_eq!(r.note, "two large deals slipped to November");
    let september = fw.readings.iter().find(|r| r.id == Id(14)).unwrap();
    assert_eq!((september.kpi, september.period_start, september.value), (Id(8), date(2026, 9, 1), 10.0));
    let values: Vec<f64> = fw.readings.iter().map(|r| r.value).collect();
    assert_eq!(values, [450_000.0, 42.0, 30_000.0, 81.0, 5.0, 10.0]);
}

#[test]
fn october_2026_scores_are_the_hand_worked_ones() {
    let fw = load();
    let card = score_framework(&fw, &month(2026, 10), date(2026, 12, 1));
    let kpi = |id: u32| &card.kpis[&Id(id)];

    close(kpi(3).score, 90.0, "Revenue"); //            100 × 450000 ÷ 500000
    close(kpi(4).score, 84.0, "Leads"); //              100 × 42 ÷ 50
    close(kpi(5).score, 120.0, "Deal size"); //         100 × 30000 ÷ 25000
    close(kpi(5).rollup, 100.0, "Deal size roll-up"); // roll-up cap
    close(kpi(6).score, 90.0, "Retention"); //          100 × 81 ÷ 90
    close(kpi(7).score, 75.0, "Response time"); //      100 × (1 − (5 − 4) ÷ 4), reflection
    assert_eq!(kpi(8).score, None, "meetings: only a September reading");

    // KRA 1: 0.5 × 90 + 0.3 × 84 + 0.2 × 100 = 45 + 25.2 + 20 = 90.2
    close(card.kras[&Id(1)].score, 90.2, "KRA revenue");
    // KRA 2: meetings left out, weights 50 and 30 of 80:
    // 0.625 × 90 + 0.375 × 75 = 56.25 + 28.125 = 84.375
    close(card.kras[&Id(2)].score, 84.375, "KRA clients");
    close(Some(kpi(6).weight_share), 62.5, "retention share"); // 50 ÷ 80
    close(Some(kpi(7).weight_share), 37.5, "response share"); // 30 ÷ 80
    assert_eq!(card.kras[&Id(2)].weight_warning, None, "50 + 30 + 20 = 100");
    // Overall: 0.6 × 90.2 + 0.4 × 84.375 = 54.12 + 33.75 = 87.87
    close(card.overall, 87.87, "overall");
    assert_eq!(card.weight_warning, None);
}

#[test]
fn september_2026_has_only_the_meetings_reading() {
    let fw = load();
    let card = score_framework(&fw, &month(2026, 9), date(2026, 12, 1));
    close(card.kpis[&Id(8)].score, 1000.0 / 12.0, "meetings"); // 100 × 10 ÷ 12 = 83.33…
    assert_eq!(card.kras[&Id(1)].score, None);
    close(card.kras[&Id(2)].score, 1000.0 / 12.0, "KRA clients");
    close(card.overall, 1000.0 / 12.0, "overall"); // the only scored KRA
}

#[test]
fn a_migrated_save_is_written_back_as_schema_2() {
    let fw = load();
    let text = encode(&fw);
    assert!(text.starts_with("{\"app\":\"kra-kpi\",\"schema\":2,"), "{text}");
    assert_eq!(decode(&text), Ok(fw));
}

#[test]
fn a_sideways_direction_is_refused_with_a_clear_message() {
    let broken = FIXTURE.replacen("\"direction\": \"lower\"", "\"direction\": \"sideways\"", 1);
    assert_ne!(broken, FIXTURE);
    let err = decode(&broken).unwrap_err();
    assert_eq!(err, DecodeError::Invalid("schema 1 data: a KPI direction is neither \"higher\" nor \"lower\"".into()));
    assert_eq!(
        err.to_string(),
        "the saved data is damaged (schema 1 data: a KPI direction is neither \"higher\" nor \"lower\")"
    );
}

#[test]
fn other_broken_schema_1_files_are_refused() {
    let cases = [
        ("\"target\": 4,", "\"target\": \"four\",", "a KPI target is not a number"),
        ("\"period\": \"2026-10-01\", \"value\": 42", "\"value\": 42", "a reading has no period"),
        ("\"kpis\": [", "\"kpiz\": [", "no KPI list"),
        ("\"readings\": [", "\"readingz\": [", "no reading list"),
        (
            "\"kpi\": 4, \"period\": \"2026-10-01\"",
            "\"kpi\": 44, \"period\": \"2026-10-01\"",
            "a reading belongs to a missing KPI",
        ),
        ("\"period\": \"2026-09-01\"", "\"period\": \"2026-09-31\"", ""),
    ];
    for (from, to, message) in cases {
        let broken = FIXTURE.replacen(from, to, 1);
        assert_ne!(broken, FIXTURE, "fixture should contain {from}");
        match decode(&broken) {
            Err(DecodeError::Invalid(m)) => assert!(m.contains(message), "{to}: {m}"),
            other => panic!("{to}: expected Invalid, got {other:?}"),
        }
    }
}

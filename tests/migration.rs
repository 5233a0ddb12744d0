#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! A save written by the first release (schema 1) still loads: directions, targets and the
//! aggregation are migrated as `storage::migrate::v1_to_v2` documents, readings are kept, and the
//! October 2026 scores are the ones worked out by hand below.

use jiff::civil::{date, Date};
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::error::IntegrityError;
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::id::Id;
use kra_kpi::domain::period::{FiscalYearStart, Frequency, Period};
use kra_kpi::domain::scoring::{score_framework, Aggregation, ScoringSettings};
use kra_kpi::domain::target::TargetPlan;
use kra_kpi::storage::codec::decode_saved;
use kra_kpi::storage::{decode, encode, Damage, DecodeError, SCHEMA_VERSION};

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
    assert_eq!(fw.name(), "Sales executive");
    assert_eq!(fw.kras().len(), 2);
    assert_eq!(fw.kpis().len(), 6);
    assert_eq!(fw.reading_count(), 6);
    // Reading ids 9–14 are gone, but the counter stays where it was: no id is handed out twice.
    assert_eq!(fw.next_id(), 15);
    assert_eq!(fw.check_integrity(), Ok(()));
    // Schema 1 had no settings: the defaults apply (calendar year, ratio, floor 0, caps 200/100).
    assert_eq!(fw.settings(), &ScoringSettings::default());
}

#[test]
fn kras_keep_their_fields() {
    let fw = load();
    let revenue = &fw.kras()[0];
    assert_eq!(revenue.id, Id(1));
    assert_eq!(revenue.name, "Achieve monthly revenue targets");
    assert_eq!(revenue.owner, "Sales executive");
    assert_eq!(revenue.description, "Close enough business each month to meet the revenue plan.");
    assert_eq!(revenue.weight, 60.0);
    assert!(fw.reviews().is_empty(), "schema 1 had no ratings or N/A flags to move into a review");
    assert_eq!(fw.kras()[1].weight, 40.0);
}

#[test]
fn directions_become_tagged_directions() {
    let fw = load();
    let by_id = |id: u64| fw.kpi(Id(id)).unwrap();
    for id in [3, 4, 5, 6, 8] {
        assert_eq!(by_id(id).spec.direction, Direction::HigherIsBetter, "KPI {id}");
    }
    assert_eq!(by_id(7).spec.direction, Direction::LowerIsBetter);
}

#[test]
fn number_targets_become_constant_plans() {
    let fw = load();
    let targets: Vec<TargetPlan> = fw.kpis().iter().map(|k| k.spec.target.clone()).collect();
    let expected: Vec<TargetPlan> =
        [500_000.0, 50.0, 25_000.0, 90.0, 4.0, 12.0].into_iter().map(TargetPlan::constant).collect();
    assert_eq!(targets, expected);
}

#[test]
fn kpis_without_an_aggregation_take_the_latest_reading() {
    let fw = load();
    for k in fw.kpis() {
        assert_eq!(k.spec.aggregation, Aggregation::Last, "{}", k.spec.name);
        assert_eq!(k.spec.frequency, Frequency::Monthly);
        assert_eq!(k.spec.baseline, None);
        assert_eq!(k.spec.method, None);
        assert_eq!(k.spec.bands, None);
        assert_eq!(k.spec.thresholds, None);
    }
    let kpi = fw.kpi(Id(7)).unwrap();
    assert_eq!((kpi.kra, kpi.spec.unit.as_str(), kpi.spec.weight), (Id(2), "hours", 30.0));
}

#[test]
fn every_reading_is_kept_under_its_kpi_and_period_start() {
    let fw = load();
    let readings: Vec<(Id, Date, f64, &str)> =
        fw.all_readings().map(|(kpi, start, r)| (kpi, start, r.value, r.note.as_str())).collect();
    // The six readings of the fixture, by KPI; their own ids (9–14) are no longer needed.
    assert_eq!(
        readings,
        [
            (Id(3), date(2026, 10, 1), 450_000.0, "two large deals slipped to November"),
            (Id(4), date(2026, 10, 1), 42.0, ""),
            (Id(5), date(2026, 10, 1), 30_000.0, ""),
            (Id(6), date(2026, 10, 1), 81.0, ""),
            (Id(7), date(2026, 10, 1), 5.0, "holiday cover"),
            (Id(8), date(2026, 9, 1), 10.0, "September only"),
        ]
    );
    assert_eq!(fw.reading(Id(3), date(2026, 10, 1)).map(|r| r.value), Some(450_000.0));
}

#[test]
fn october_2026_scores_are_the_hand_worked_ones() {
    let fw = load();
    let card = score_framework(&fw, &month(2026, 10), date(2026, 12, 1));
    let kpi = |id: u64| &card.kpis[&Id(id)];

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
fn a_migrated_save_is_written_back_in_the_current_schema() {
    let decoded = decode_saved(FIXTURE).unwrap();
    assert_eq!((decoded.schema, decoded.revision), (1, 0), "schema 1 had no revision");
    let text = encode(&decoded.framework);
    assert_eq!(SCHEMA_VERSION, 4);
    assert!(text.starts_with("{\"app\":\"kra-kpi\",\"schema\":4,"), "{text}");
    assert_eq!(decode(&text), Ok(decoded.framework));
}

#[test]
fn a_sideways_direction_is_refused_with_a_clear_message() {
    let broken = FIXTURE.replacen("\"direction\": \"lower\"", "\"direction\": \"sideways\"", 1);
    assert_ne!(broken, FIXTURE);
    let err = decode(&broken).unwrap_err();
    assert_eq!(
        err,
        DecodeError::Invalid(Damage::Shape(
            "schema 1 data: a KPI direction is neither \"higher\" nor \"lower\"".into()
        ))
    );
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
        ("\"period\": \"2026-09-01\"", "\"period\": \"2026-09-31\"", ""),
    ];
    for (from, to, message) in cases {
        let broken = FIXTURE.replacen(from, to, 1);
        assert_ne!(broken, FIXTURE, "fixture should contain {from}");
        match decode(&broken) {
            Err(DecodeError::Invalid(Damage::Shape(m))) => assert!(m.contains(message), "{to}: {m}"),
            other => panic!("{to}: expected a damaged shape, got {other:?}"),
        }
    }
}

#[test]
fn a_schema_1_reading_of_a_missing_kpi_is_refused_as_damage() {
    let broken =
        FIXTURE.replacen("\"kpi\": 4, \"period\": \"2026-10-01\"", "\"kpi\": 44, \"period\": \"2026-10-01\"", 1);
    assert_ne!(broken, FIXTURE);
    let err = decode(&broken).unwrap_err();
    assert_eq!(err, DecodeError::Invalid(Damage::Integrity(IntegrityError::ReadingsWithoutKpi(Id(44)))));
    assert_eq!(err.to_string(), "the saved data is damaged (readings belong to a missing KPI (id 44))");
}

#[test]
fn two_schema_1_readings_in_one_period_are_refused() {
    // The old format gave each reading an id, so nothing stopped two of them naming one period.
    let broken =
        FIXTURE.replacen("\"kpi\": 4, \"period\": \"2026-10-01\"", "\"kpi\": 3, \"period\": \"2026-10-01\"", 1);
    assert_ne!(broken, FIXTURE);
    match decode(&broken) {
        Err(DecodeError::Invalid(Damage::Shape(m))) => assert!(m.contains("share the period"), "{m}"),
        other => panic!("expected a damaged shape, got {other:?}"),
    }
}

/// The fixture's scorecard entered through the app: the same KRAs, KPIs and readings.
fn built_through_the_api() -> Framework {
    use kra_kpi::domain::kpi::KpiSpec;
    use kra_kpi::domain::kra::KraDraft;
    let mut fw = Framework::new("Sales executive");
    let owner = "Sales executive";
    let revenue = fw
        .add_kra(
            KraDraft::new("Achieve monthly revenue targets", 60.0)
                .owner(owner)
                .description("Close enough business each month to meet the revenue plan."),
        )
        .unwrap();
    let kpi = |name: &str, unit: &str, direction, target, weight| KpiSpec {
        aggregation: Aggregation::Last,
        weight,
        ..KpiSpec::new(name, unit, direction, target)
    };
    let higher = Direction::HigherIsBetter;
    // Both KRAs first, then the KPIs, as the first release numbered them.
    let clients = fw
        .add_kra(
            KraDraft::new("Build client relationships", 40.0)
                .owner(owner)
                .description("Keep existing clients and earn repeat business."),
        )
        .unwrap();
    let mut ids = Vec::new();
    for spec in [
        kpi("Revenue in the month", "₹", higher, 500_000.0, 50.0),
        kpi("Leads converted", "leads", higher, 50.0, 30.0),
        kpi("Average deal size", "₹", higher, 25_000.0, 20.0),
    ] {
        ids.push(fw.add_kpi(revenue, spec).unwrap());
    }
    for spec in [
        kpi("Client retention rate", "%", higher, 90.0, 50.0),
        kpi("Average response time to client queries", "hours", Direction::LowerIsBetter, 4.0, 30.0),
        kpi("Client meetings held", "meetings", higher, 12.0, 20.0),
    ] {
        ids.push(fw.add_kpi(clients, spec).unwrap());
    }
    let october = date(2026, 10, 1);
    for (kpi, day, value, note) in [
        (ids[0], october, 450_000.0, "two large deals slipped to November"),
        (ids[1], october, 42.0, ""),
        (ids[2], october, 30_000.0, ""),
        (ids[3], october, 81.0, ""),
        (ids[4], october, 5.0, "holiday cover"),
        (ids[5], date(2026, 9, 1), 10.0, "September only"),
    ] {
        fw.add_reading(kpi, day, value, note).unwrap();
    }
    fw
}

#[test]
fn it_scores_like_the_same_data_entered_through_the_app() {
    let (loaded, built) = (load(), built_through_the_api());
    // Same KRAs and KPIs under the same ids 1–8; only the readings' own ids 9–14 are gone.
    assert!(loaded.same_content(&built));
    for m in 1..=12 {
        let review = month(2026, m);
        assert_eq!(
            score_framework(&loaded, &review, date(2026, 12, 1)),
            score_framework(&built, &review, date(2026, 12, 1))
        );
    }
}

/// Schema 1 is migrated as objects whose values keep their text (`migrate::Object`): a target
/// that a quick reader misreads comes through exact (issue 9 moved saved numbers to
/// `domain::decimal`).
#[test]
fn a_migrated_number_comes_through_exactly() {
    let hard = 2.9504483359709606_f64;
    let quick: f64 = serde_json::from_str("2.9504483359709606").unwrap();
    assert_ne!(quick.to_bits(), hard.to_bits(), "not a hard case");
    let text = FIXTURE.replacen("\"target\": 500000", "\"target\": 2.9504483359709606", 1);
    assert_ne!(text, FIXTURE);
    let fw = decode(&text).unwrap();
    assert_eq!(fw.kpis()[0].spec.target, TargetPlan::constant(hard));
}

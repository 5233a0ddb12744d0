#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! The saved format: whatever a user can build through the edit methods comes back from
//! `decode(&encode(..))` exactly, and anything that is not a sound kra-kpi save is refused with
//! the right `DecodeError`.

use jiff::civil::{date, Date};
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::id::Id;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::period::{FiscalYearStart, Frequency};
use kra_kpi::domain::scoring::{Aggregation, Bands, LowerRatio, ScoringMethod, Thresholds};
use kra_kpi::domain::target::TargetPlan;
use kra_kpi::storage::{decode, encode, DecodeError, SCHEMA_VERSION};
use proptest::prelude::*;
use serde_json::{json, Value};

/// Any finite number: ordinary ones, awkward ones and the whole f64 range.
fn number() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => -1e6..1e6f64,
        2 => prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
        1 => prop::sample::select(vec![0.0, -0.0, 0.1, 1.0 / 3.0, 1e300, -1e300, f64::MAX, f64::MIN_POSITIVE, 5e-324]),
        2 => (-1000i32..1000).prop_map(f64::from),
    ]
}

fn name() -> impl Strategy<Value = String> {
    // Letters, digits, spaces, quotes, backslashes, emoji and the rupee sign; at least one
    // non-space character so the name validates.
    "[a-zA-Z0-9 \"\\\\₹é😀]{0,12}[a-zA-Z₹😀]".prop_map(|s| s)
}

fn day() -> impl Strategy<Value = Date> {
    (2020i16..2030, 1i8..=12, 1i8..=28).prop_map(|(y, m, d)| date(y, m, d))
}

fn frequency() -> impl Strategy<Value = Frequency> {
    prop::sample::select(Frequency::ALL.to_vec())
}

fn direction() -> impl Strategy<Value = Direction> {
    prop_oneof![
        Just(Direction::HigherIsBetter),
        Just(Direction::LowerIsBetter),
        (number(), 1e-3..1e6f64).prop_map(|(min, w)| Direction::KeepWithinRange { min, max: min + w }),
        number().prop_map(|t| Direction::HitValue { tolerance: t.abs() }),
    ]
}

fn target() -> impl Strategy<Value = TargetPlan> {
    prop_oneof![
        number().prop_map(TargetPlan::constant),
        (day(), prop::collection::vec(number(), 1..6)).prop_map(|(from, values)| TargetPlan::Steps { from, values }),
        (day(), number(), number(), 0u32..30)
            .prop_map(|(from, start, end, periods)| { TargetPlan::Ramp { from, start, end, periods } }),
    ]
}

fn spec() -> impl Strategy<Value = KpiSpec> {
    let shape = (name(), "[a-z%₹ ]{0,6}", direction(), target(), prop::option::of(number()), frequency());
    let scoring = (
        prop::sample::select(Aggregation::ALL.to_vec()),
        prop_oneof![Just(0.0), 0.0..1000.0f64, number().prop_map(f64::abs)],
        prop::option::of(prop::sample::select(ScoringMethod::ALL.to_vec())),
        prop::option::of((number(), number()).prop_filter("bands must differ", |(a, b)| a != b)),
        prop::option::of((number(), number())),
        any::<bool>(),
    );
    (shape, scoring).prop_map(
        |(
            (name, unit, direction, target, baseline, frequency),
            (aggregation, weight, method, bands, thresholds, not_applicable),
        )| {
            KpiSpec {
                name,
                unit,
                direction,
                target,
                baseline,
                frequency,
                aggregation,
                weight,
                method,
                bands: bands.map(|(red_flag, goal)| Bands { red_flag, goal }),
                thresholds: thresholds.map(|(a, b)| Thresholds { green: a.max(b), amber: a.min(b) }),
                not_applicable,
            }
        },
    )
}

/// One edit a user could make.
#[derive(Clone, Debug)]
enum Edit {
    AddKra { name: String, weight: f64, rating: Option<f64>, owner: String },
    AddKpi { kra: usize, spec: KpiSpec },
    AddReading { kpi: usize, day: Date, value: f64, note: String },
    UpdateKpi { kpi: usize, spec: KpiSpec },
    UpdateReading { reading: usize, value: f64 },
    DeleteKra { kra: usize },
    DeleteKpi { kpi: usize },
    DeleteReading { reading: usize },
    MoveKra { kra: usize, offset: isize },
    MoveKpi { kpi: usize, offset: isize },
}

fn edit() -> impl Strategy<Value = Edit> {
    let pick = 0usize..8;
    prop_oneof![
        3 => (name(), prop_oneof![0.0..100.0f64, number().prop_map(f64::abs)], prop::option::of(number()), "[a-zA-Z ]{0,8}")
            .prop_map(|(name, weight, rating, owner)| Edit::AddKra { name, weight, rating, owner }),
        4 => (pick.clone(), spec()).prop_map(|(kra, spec)| Edit::AddKpi { kra, spec }),
        8 => (pick.clone(), day(), number(), "[a-z ]{0,10}").prop_map(|(kpi, day, value, note)| Edit::AddReading { kpi, day, value, note }),
        1 => (pick.clone(), spec()).prop_map(|(kpi, spec)| Edit::UpdateKpi { kpi, spec }),
        1 => (pick.clone(), number()).prop_map(|(reading, value)| Edit::UpdateReading { reading, value }),
        1 => pick.clone().prop_map(|kra| Edit::DeleteKra { kra }),
        1 => pick.clone().prop_map(|kpi| Edit::DeleteKpi { kpi }),
        1 => pick.clone().prop_map(|reading| Edit::DeleteReading { reading }),
        1 => (pick.clone(), -3isize..3).prop_map(|(kra, offset)| Edit::MoveKra { kra, offset }),
        1 => (pick, -3isize..3).prop_map(|(kpi, offset)| Edit::MoveKpi { kpi, offset }),
    ]
}

fn nth_id<T>(items: &[T], n: usize, id: impl Fn(&T) -> Id) -> Option<Id> {
    (!items.is_empty()).then(|| id(&items[n % items.len()]))
}

/// Applies the edits through the public methods; refused edits (duplicates, unknown items) are
/// simply skipped, as the UI would.
fn build(name: &str, fiscal: i8, lower: bool, edits: &[Edit]) -> Framework {
    let mut fw = Framework::new(name);
    fw.settings.fiscal_year_start = FiscalYearStart::new(fiscal).unwrap();
    fw.settings.lower_ratio = if lower { LowerRatio::Inverse } else { LowerRatio::Reflection };
    for e in edits {
        let _ = match e.clone() {
            Edit::AddKra { name, weight, rating, owner } => {
                fw.add_kra(KraDraft { rating, ..KraDraft::new(&name, weight).owner(&owner) }).map(|_| ())
            }
            Edit::AddKpi { kra, spec } => match nth_id(&fw.kras, kra, |k| k.id) {
                Some(id) => fw.add_kpi(id, spec).map(|_| ()),
                None => Ok(()),
            },
            Edit::AddReading { kpi, day, value, note } => match nth_id(&fw.kpis, kpi, |k| k.id) {
                Some(id) => fw.add_reading(id, day, value, &note).map(|_| ()),
                None => Ok(()),
            },
            Edit::UpdateKpi { kpi, spec } => match nth_id(&fw.kpis, kpi, |k| k.id) {
                Some(id) => fw.update_kpi(id, spec),
                None => Ok(()),
            },
            Edit::UpdateReading { reading, value } => match nth_id(&fw.readings, reading, |r| r.id) {
                Some(id) => fw.update_reading(id, value, "changed"),
                None => Ok(()),
            },
            Edit::DeleteKra { kra } => match nth_id(&fw.kras, kra, |k| k.id) {
                Some(id) => fw.delete_kra(id),
                None => Ok(()),
            },
            Edit::DeleteKpi { kpi } => match nth_id(&fw.kpis, kpi, |k| k.id) {
                Some(id) => fw.delete_kpi(id),
                None => Ok(()),
            },
            Edit::DeleteReading { reading } => match nth_id(&fw.readings, reading, |r| r.id) {
                Some(id) => fw.delete_reading(id),
                None => Ok(()),
            },
            Edit::MoveKra { kra, offset } => match nth_id(&fw.kras, kra, |k| k.id) {
                Some(id) => fw.move_kra(id, offset),
                None => Ok(()),
            },
            Edit::MoveKpi { kpi, offset } => match nth_id(&fw.kpis, kpi, |k| k.id) {
                Some(id) => fw.move_kpi(id, offset),
                None => Ok(()),
            },
        };
    }
    fw
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    /// Whatever is built through the edit methods is saved and loaded back unchanged.
    #[test]
    fn decode_of_encode_gives_back_the_same_framework(
        name in name(),
        fiscal in 1i8..=12,
        lower in any::<bool>(),
        edits in prop::collection::vec(edit(), 0..40),
    ) {
        let fw = build(&name, fiscal, lower, &edits);
        prop_assert_eq!(fw.check_integrity(), Ok(()));
        let text = encode(&fw);
        prop_assert_eq!(decode(&text), Ok(fw.clone()), "saved text: {}", text);
        // Saving the loaded framework again gives the same text.
        prop_assert_eq!(encode(&decode(&text).unwrap()), text);
    }
}

// ---- examples ----

fn sample() -> Framework {
    let mut fw = Framework::new("Sales executive");
    let kra = fw.add_kra(KraDraft::new("Revenue", 60.0)).unwrap();
    let kpi = fw.add_kpi(kra, KpiSpec::new("Leads converted", "leads", Direction::HigherIsBetter, 50.0)).unwrap();
    fw.add_reading(kpi, date(2026, 10, 1), 42.0, "good month").unwrap();
    fw
}

fn saved_json(fw: &Framework) -> Value {
    serde_json::from_str(&encode(fw)).unwrap()
}

#[test]
fn the_envelope_names_the_app_and_the_schema() {
    let v = saved_json(&sample());
    assert_eq!(v["app"], "kra-kpi");
    assert_eq!(v["schema"], SCHEMA_VERSION);
    assert_eq!(SCHEMA_VERSION, 2);
    assert_eq!(v["framework"]["name"], "Sales executive");
}

#[test]
fn garbage_text_is_not_json() {
    for text in ["", "hello", "{\"app\":\"kra-kpi\",\"schema\":2,", "<html></html>", "{'app': 'kra-kpi'}"] {
        assert!(matches!(decode(text), Err(DecodeError::NotJson(_))), "{text:?} gave {:?}", decode(text));
    }
    let err = decode("not json").unwrap_err();
    assert!(err.to_string().starts_with("the saved data is not valid JSON"), "{err}");
}

#[test]
fn a_truncated_save_is_not_json() {
    let text = encode(&sample());
    let cut = &text[..text.len() / 2];
    assert!(matches!(decode(cut), Err(DecodeError::NotJson(_))));
}

#[test]
fn foreign_json_is_refused_as_foreign() {
    let sample = encode(&sample());
    let other_app = sample.replacen("\"app\":\"kra-kpi\"", "\"app\":\"todo-list\"", 1);
    for text in [
        r#"{"todos":["milk","eggs"]}"#,
        r#"[1,2,3]"#,
        r#""kra-kpi""#,
        r#"42"#,
        r#"{"app":"kra-kpi","schema":2}"#,
        r#"{"app":"kra-kpi","framework":{}}"#,
        r#"{"app":"kra-kpi","schema":0,"framework":{}}"#,
        r#"{"app":"kra-kpi","schema":"two","framework":{}}"#,
        other_app.as_str(),
    ] {
        assert_eq!(decode(text), Err(DecodeError::Foreign), "{text}");
    }
    assert_eq!(DecodeError::Foreign.to_string(), "the saved data was not written by kra-kpi");
}

#[test]
fn a_save_from_schema_99_is_too_new() {
    let mut v = saved_json(&sample());
    v["schema"] = json!(99);
    let err = decode(&v.to_string()).unwrap_err();
    assert_eq!(err, DecodeError::TooNew(99));
    assert_eq!(
        err.to_string(),
        "the saved data uses format version 99, newer than this app understands (2); update the app"
    );
}

#[test]
fn a_reading_of_a_missing_kpi_is_invalid() {
    let mut v = saved_json(&sample());
    v["framework"]["readings"][0]["kpi"] = json!(999);
    v["framework"]["next_id"] = json!(1000);
    let err = decode(&v.to_string()).unwrap_err();
    assert_eq!(err, DecodeError::Invalid("a reading belongs to a missing KPI".into()));
    assert_eq!(err.to_string(), "the saved data is damaged (a reading belongs to a missing KPI)");
}

#[test]
fn other_damage_is_invalid_too() {
    let fw = sample();
    let damage: [(&str, fn(&mut Value)); 5] = [
        ("KPI of a missing KRA", |v| v["framework"]["kpis"][0]["kra"] = json!(77)),
        ("duplicate ids", |v| v["framework"]["readings"][0]["id"] = json!(1)),
        ("id not below next_id", |v| v["framework"]["next_id"] = json!(2)),
        ("negative weight", |v| v["framework"]["kras"][0]["weight"] = json!(-5)),
        ("value is text", |v| v["framework"]["readings"][0]["value"] = json!("42")),
    ];
    for (what, damage) in damage {
        let mut v = saved_json(&fw);
        damage(&mut v);
        assert!(matches!(decode(&v.to_string()), Err(DecodeError::Invalid(_))), "{what}: {:?}", decode(&v.to_string()));
    }
}

#[test]
fn nan_cannot_sneak_in() {
    let mut fw = sample();
    let kpi = fw.kpis[0].id;
    let reading = fw.readings[0].id;
    let kra = fw.kras[0].id;
    let before = fw.clone();

    // Through the edit methods.
    assert!(fw.add_reading(kpi, date(2026, 11, 1), f64::NAN, "").is_err());
    assert!(fw.add_reading(kpi, date(2026, 12, 1), f64::INFINITY, "").is_err());
    assert!(fw.update_reading(reading, f64::NAN, "").is_err());
    assert!(fw.add_kpi(kra, KpiSpec::new("Bad", "", Direction::HigherIsBetter, f64::NAN)).is_err());
    assert!(fw
        .add_kpi(kra, KpiSpec { baseline: Some(f64::NAN), ..KpiSpec::new("Bad", "", Direction::HigherIsBetter, 1.0) })
        .is_err());
    assert!(fw.add_kra(KraDraft::new("Bad", f64::NAN)).is_err());
    assert!(fw.add_kra(KraDraft { rating: Some(f64::NAN), ..KraDraft::new("Bad", 1.0) }).is_err());
    assert_eq!(fw, before);

    // Through the saved text: JSON has no NaN; a bare NaN is not JSON, and a null (what a
    // serialiser writes for NaN) or an overflowing literal is refused.
    let text = encode(&fw);
    let nan_text = text.replacen("42.0", "NaN", 1);
    assert_ne!(nan_text, text, "the reading's value 42.0 should be in the saved text: {text}");
    assert!(matches!(decode(&nan_text), Err(DecodeError::NotJson(_))), "{:?}", decode(&nan_text));
    for literal in ["null", "1e999", "-1e999", "\"NaN\""] {
        let bad = text.replacen("42.0", literal, 1);
        let result = decode(&bad);
        assert!(result.is_err(), "{literal} was accepted: {result:?}");
    }

    // A NaN put straight into a public field is written as null and refused on load.
    let mut direct = fw.clone();
    direct.readings[0].value = f64::NAN;
    assert!(decode(&encode(&direct)).is_err());
    let mut direct = fw.clone();
    direct.settings.floor = f64::NAN;
    assert!(decode(&encode(&direct)).is_err());
}

#[test]
fn an_empty_framework_round_trips() {
    let fw = Framework::new("Mine");
    assert_eq!(decode(&encode(&fw)), Ok(fw));
}

#[test]
fn awkward_numbers_round_trip_exactly() {
    let mut fw = sample();
    let kpi = fw.kpis[0].id;
    // Readings are bounded to ±1e15; the extremes of f64 go into a step-list target instead.
    let values = [0.1 + 0.2, 1.0 / 3.0, 5e-324, -1.2345678901234567e-300, 999_999_999_999_999.9, -0.0];
    for (i, v) in values.into_iter().enumerate() {
        fw.add_reading(kpi, date(2027, 1 + i as i8, 1), v, "").unwrap();
    }
    let extremes = vec![f64::MAX, 9007199254740993.0, 1e21, -f64::MAX, f64::MIN_POSITIVE];
    let spec = KpiSpec {
        target: TargetPlan::Steps { from: date(2027, 1, 1), values: extremes.clone() },
        ..fw.kpi(kpi).unwrap().spec.clone()
    };
    fw.update_kpi(kpi, spec).unwrap();
    let back = decode(&encode(&fw)).unwrap();
    for (a, b) in fw.readings.iter().zip(&back.readings) {
        assert_eq!(a.value.to_bits(), b.value.to_bits(), "{} came back as {}", a.value, b.value);
    }
    let TargetPlan::Steps { values, .. } = &back.kpi(kpi).unwrap().spec.target else { panic!("steps target lost") };
    assert_eq!(
        values.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
        extremes.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
    );
    assert_eq!(back, fw);
}

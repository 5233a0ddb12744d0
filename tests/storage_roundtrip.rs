#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! The saved format (schema 3): whatever a user can build through the edit methods comes back
//! from `decode(&encode(..))` exactly, and anything that is not a sound kra-kpi save is refused
//! with the right `DecodeError`.

use jiff::civil::{date, Date};
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::edit::{Edit as KkEdit, ReviewChange};
use kra_kpi::domain::error::{IntegrityError, ValidationError};
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::id::Id;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::period::{FiscalYearStart, Frequency, Period};
use kra_kpi::domain::review::{Closure, ReviewKey};
use kra_kpi::domain::scoring::{
    score_framework, Aggregation, Bands, LowerRatio, ScoringMethod, ScoringSettings, Thresholds,
};
use kra_kpi::domain::target::TargetPlan;
use kra_kpi::exchange::file;
use kra_kpi::storage::codec::{decode_saved, encode_revision, read_header};
use kra_kpi::storage::{decode, encode, Damage, DecodeError, SCHEMA_VERSION};
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
    );
    (shape, scoring).prop_map(
        |((name, unit, direction, target, baseline, frequency), (aggregation, weight, method, bands, thresholds))| {
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
            }
        },
    )
}

/// One edit a user could make.
#[derive(Clone, Debug)]
enum Edit {
    AddKra {
        name: String,
        weight: f64,
        owner: String,
    },
    /// A rating and comment for the KRA in the review period holding `day`.
    Rate {
        kra: usize,
        day: Date,
        rating: Option<f64>,
        comment: String,
    },
    MarkNa {
        kpi: usize,
        day: Date,
        yes: bool,
    },
    Review {
        day: Date,
        reviewer: String,
        comment: String,
        close: bool,
    },
    AddKpi {
        kra: usize,
        spec: KpiSpec,
    },
    AddReading {
        kpi: usize,
        day: Date,
        value: f64,
        note: String,
    },
    UpdateKpi {
        kpi: usize,
        spec: KpiSpec,
    },
    UpdateReading {
        reading: usize,
        value: f64,
    },
    DeleteKra {
        kra: usize,
    },
    DeleteKpi {
        kpi: usize,
    },
    DeleteReading {
        reading: usize,
    },
    MoveKra {
        kra: usize,
        offset: isize,
    },
    MoveKpi {
        kpi: usize,
        offset: isize,
    },
}

fn edit() -> impl Strategy<Value = Edit> {
    let pick = 0usize..8;
    prop_oneof![
        3 => (name(), prop_oneof![0.0..100.0f64, number().prop_map(f64::abs)], "[a-zA-Z ]{0,8}")
            .prop_map(|(name, weight, owner)| Edit::AddKra { name, weight, owner }),
        2 => (pick.clone(), day(), prop::option::of(1.0..=5.0f64), "[a-z \"😀]{0,10}")
            .prop_map(|(kra, day, rating, comment)| Edit::Rate { kra, day, rating, comment }),
        1 => (pick.clone(), day(), any::<bool>()).prop_map(|(kpi, day, yes)| Edit::MarkNa { kpi, day, yes }),
        1 => (day(), "[a-zA-Z ]{0,8}", "[a-z \"\\n]{0,10}", any::<bool>())
            .prop_map(|(day, reviewer, comment, close)| Edit::Review { day, reviewer, comment, close }),
        4 => (pick.clone(), spec()).prop_map(|(kra, spec)| Edit::AddKpi { kra, spec }),
        8 => (pick.clone(), day(), number(), "[a-z \"\\\\😀]{0,10}").prop_map(|(kpi, day, value, note)| Edit::AddReading { kpi, day, value, note }),
        1 => (pick.clone(), spec()).prop_map(|(kpi, spec)| Edit::UpdateKpi { kpi, spec }),
        1 => (pick.clone(), number()).prop_map(|(reading, value)| Edit::UpdateReading { reading, value }),
        1 => pick.clone().prop_map(|kra| Edit::DeleteKra { kra }),
        1 => pick.clone().prop_map(|kpi| Edit::DeleteKpi { kpi }),
        1 => pick.clone().prop_map(|reading| Edit::DeleteReading { reading }),
        1 => (pick.clone(), -3isize..3).prop_map(|(kra, offset)| Edit::MoveKra { kra, offset }),
        1 => (pick, -3isize..3).prop_map(|(kpi, offset)| Edit::MoveKpi { kpi, offset }),
    ]
}

/// The key of the review period holding `day`.
fn key_of(fw: &Framework, day: Date) -> ReviewKey {
    let settings = fw.settings();
    ReviewKey::of(&Period::containing(day, settings.review_cycle, settings.fiscal_year_start))
}

fn nth_id<T>(items: &[T], n: usize, id: impl Fn(&T) -> Id) -> Option<Id> {
    (!items.is_empty()).then(|| id(&items[n % items.len()]))
}

/// The `n`th reading of the framework (modulo their number), named by KPI and period start.
fn nth_reading(fw: &Framework, n: usize) -> Option<(Id, Date)> {
    let count = fw.reading_count();
    (count > 0).then(|| fw.all_readings().nth(n % count).map(|(kpi, start, _)| (kpi, start))).flatten()
}

/// Applies the edits through the public methods; refused edits (duplicates, unknown items) are
/// simply skipped, as the UI would.
fn build(name: &str, fiscal: i8, lower: bool, edits: &[Edit]) -> Framework {
    let mut fw = Framework::new(name);
    let lower_ratio = if lower { LowerRatio::Inverse } else { LowerRatio::Reflection };
    let fiscal_year_start = FiscalYearStart::new(fiscal).unwrap();
    fw.set_settings(ScoringSettings { fiscal_year_start, lower_ratio, ..ScoringSettings::default() }).unwrap();
    for e in edits {
        let _ = match e.clone() {
            Edit::AddKra { name, weight, owner } => fw.add_kra(KraDraft::new(&name, weight).owner(&owner)).map(|_| ()),
            Edit::Rate { kra, day, rating, comment } => match nth_id(fw.kras(), kra, |k| k.id) {
                Some(kra) => {
                    let key = key_of(&fw, day);
                    let _ = fw.apply(KkEdit::SetReview { key, change: ReviewChange::Rating { kra, rating } });
                    fw.apply(KkEdit::SetReview { key, change: ReviewChange::KraComment { kra, comment } }).map(drop)
                }
                None => Ok(()),
            },
            Edit::MarkNa { kpi, day, yes } => match nth_id(fw.kpis(), kpi, |k| k.id) {
                Some(kpi) => {
                    let key = key_of(&fw, day);
                    fw.apply(KkEdit::SetReview { key, change: ReviewChange::NotApplicable { kpi, yes } }).map(drop)
                }
                None => Ok(()),
            },
            Edit::Review { day, reviewer, comment, close } => {
                let key = key_of(&fw, day);
                let _ = fw.apply(KkEdit::SetReview { key, change: ReviewChange::Reviewer { reviewer } });
                let _ = fw.apply(KkEdit::SetReview { key, change: ReviewChange::Comment { comment } });
                if close {
                    let period = key.period(fw.settings().fiscal_year_start);
                    let card = score_framework(&fw, &period, period.end());
                    fw.apply(KkEdit::CloseReview { key, closure: Closure::of(&card, period.end()) }).map(drop)
                } else {
                    Ok(())
                }
            }
            Edit::AddKpi { kra, spec } => match nth_id(fw.kras(), kra, |k| k.id) {
                Some(id) => fw.add_kpi(id, spec).map(|_| ()),
                None => Ok(()),
            },
            Edit::AddReading { kpi, day, value, note } => match nth_id(fw.kpis(), kpi, |k| k.id) {
                Some(id) => fw.add_reading(id, day, value, &note).map(|_| ()),
                None => Ok(()),
            },
            Edit::UpdateKpi { kpi, spec } => match nth_id(fw.kpis(), kpi, |k| k.id) {
                Some(id) => fw.update_kpi(id, spec),
                None => Ok(()),
            },
            Edit::UpdateReading { reading, value } => match nth_reading(&fw, reading) {
                Some((kpi, start)) => fw.update_reading(kpi, start, value, "changed"),
                None => Ok(()),
            },
            Edit::DeleteKra { kra } => match nth_id(fw.kras(), kra, |k| k.id) {
                Some(id) => fw.delete_kra(id),
                None => Ok(()),
            },
            Edit::DeleteKpi { kpi } => match nth_id(fw.kpis(), kpi, |k| k.id) {
                Some(id) => fw.delete_kpi(id),
                None => Ok(()),
            },
            Edit::DeleteReading { reading } => match nth_reading(&fw, reading) {
                Some((kpi, start)) => fw.delete_reading(kpi, start),
                None => Ok(()),
            },
            Edit::MoveKra { kra, offset } => match nth_id(fw.kras(), kra, |k| k.id) {
                Some(id) => fw.move_kra(id, offset),
                None => Ok(()),
            },
            Edit::MoveKpi { kpi, offset } => match nth_id(fw.kpis(), kpi, |k| k.id) {
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

    /// A scorecard exported to a file and imported back is the same scorecard: the file is the
    /// saved format, read by the same decoder.
    #[test]
    fn import_of_export_gives_back_the_same_scorecard(
        name in name(),
        fiscal in 1i8..=12,
        lower in any::<bool>(),
        edits in prop::collection::vec(edit(), 0..40),
    ) {
        let fw = build(&name, fiscal, lower, &edits);
        prop_assert_eq!(file::import(&file::export(&fw)), Ok(fw));
    }
}

// ---- examples ----

/// One KRA with one monthly KPI (id 2) and an October 2026 reading of 42 with a note.
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

/// The saved text of `fw` after `damage` was done to its JSON.
fn damaged(fw: &Framework, damage: impl FnOnce(&mut Value)) -> String {
    let mut v = saved_json(fw);
    damage(&mut v);
    v.to_string()
}

/// The shape complaint of a refused save, or a panic naming what came back instead.
fn shape_error(text: &str) -> String {
    match decode(text) {
        Err(DecodeError::Invalid(Damage::Shape(message))) => message,
        other => panic!("expected a damaged shape, got {other:?} for {text}"),
    }
}

/// The integrity complaint of a refused save, or a panic naming what came back instead.
fn integrity_error(text: &str) -> IntegrityError {
    match decode(text) {
        Err(DecodeError::Invalid(Damage::Integrity(error))) => error,
        other => panic!("expected broken integrity, got {other:?} for {text}"),
    }
}

#[test]
fn the_envelope_names_the_app_the_schema_and_the_revision() {
    let v = saved_json(&sample());
    assert_eq!(v["app"], "kra-kpi");
    assert_eq!(SCHEMA_VERSION, 4);
    assert_eq!(v["schema"], SCHEMA_VERSION);
    assert_eq!(v["revision"], 0);
    assert_eq!(v["framework"]["name"], "Sales executive");
    assert_eq!(v["framework"]["next_id"], 3);
}

#[test]
fn the_revision_is_written_and_read_back() {
    let fw = sample();
    let text = encode_revision(&fw, 41);
    let header = read_header(&text).unwrap();
    assert_eq!((header.schema, header.revision), (4, 41));
    let decoded = decode_saved(&text).unwrap();
    assert_eq!((decoded.framework, decoded.schema, decoded.revision), (fw, 4, 41));
}

#[test]
fn readings_are_saved_as_runs_with_sparse_notes() {
    let mut fw = sample();
    let kpi = fw.kpis()[0].id;
    // October (42, "good month"), no November, December 45 with a note, January 47.
    fw.add_reading(kpi, date(2026, 12, 9), 45.0, "new hire").unwrap();
    fw.add_reading(kpi, date(2027, 1, 31), 47.0, "").unwrap();
    let v = saved_json(&fw);
    assert_eq!(
        v["framework"]["readings"],
        json!([{"kpi": 2, "from": "2026-10-01", "values": [42.0, null, 45.0, 47.0], "notes": {"0": "good month", "2": "new hire"}}])
    );
    let back = decode(&encode(&fw)).unwrap();
    assert_eq!(back.reading(kpi, date(2026, 12, 1)).map(|r| (r.value, r.note.as_str())), Some((45.0, "new hire")));
    assert_eq!(back.reading(kpi, date(2027, 1, 1)).map(|r| r.note.as_str()), Some(""));
    assert_eq!(back, fw);
}

#[test]
fn a_gap_of_more_than_eight_periods_starts_a_new_run() {
    let mut fw = sample();
    let kpi = fw.kpis()[0].id;
    // October 2026, then eight empty months (Nov–Jun) and July 2027: still one run.
    fw.add_reading(kpi, date(2027, 7, 1), 50.0, "").unwrap();
    // Then nine empty months (Aug 2027 – Apr 2028) and May 2028: a second run.
    fw.add_reading(kpi, date(2028, 5, 1), 55.0, "late").unwrap();
    let v = saved_json(&fw);
    let runs = v["framework"]["readings"].as_array().unwrap();
    assert_eq!(runs.len(), 2, "{runs:?}");
    assert_eq!(runs[0]["from"], "2026-10-01");
    assert_eq!(runs[0]["values"], json!([42.0, null, null, null, null, null, null, null, null, 50.0]));
    assert_eq!(runs[1], json!({"kpi": 2, "from": "2028-05-01", "values": [55.0], "notes": {"0": "late"}}));
    let text = encode(&fw);
    assert_eq!(decode(&text), Ok(fw));
    assert_eq!(encode(&decode(&text).unwrap()), text);
}

#[test]
fn weekly_readings_run_from_monday_to_monday_across_the_year_end() {
    let mut fw = sample();
    let settings = ScoringSettings { fiscal_year_start: FiscalYearStart::APRIL, ..fw.settings().clone() };
    fw.set_settings(settings).unwrap();
    let kra = fw.kras()[0].id;
    let weekly =
        KpiSpec { frequency: Frequency::Weekly, ..KpiSpec::new("Calls", "calls", Direction::HigherIsBetter, 10.0) };
    let calls = fw.add_kpi(kra, weekly).unwrap();
    // Thu 31 Dec 2026 is in the week of Mon 28 Dec; Sun 10 Jan 2027 in the week of Mon 4 Jan;
    // the week of Mon 11 Jan has none; Mon 18 Jan.
    for (day, value) in [(date(2026, 12, 31), 9.0), (date(2027, 1, 10), 12.0), (date(2027, 1, 18), 11.0)] {
        fw.add_reading(calls, day, value, "").unwrap();
    }
    let v = saved_json(&fw);
    assert_eq!(
        v["framework"]["readings"][1],
        json!({"kpi": calls.0, "from": "2026-12-28", "values": [9.0, 12.0, null, 11.0]})
    );
    let text = encode(&fw);
    let back = decode(&text).unwrap();
    assert_eq!(
        back.readings_of(calls).keys().copied().collect::<Vec<_>>(),
        [date(2026, 12, 28), date(2027, 1, 4), date(2027, 1, 18)]
    );
    assert_eq!(back, fw);
    assert_eq!(encode(&back), text);
}

#[test]
fn the_id_counter_at_its_limit_round_trips() {
    let mut v = saved_json(&sample());
    v["framework"]["next_id"] = json!(Id::MAX.0 + 1);
    let fw = decode(&v.to_string()).expect("a counter just past the last id is allowed");
    assert_eq!(fw.next_id(), Id::MAX.0 + 1);
    assert_eq!(decode(&encode(&fw)), Ok(fw));
}

#[test]
fn garbage_text_is_not_json() {
    for text in ["", "hello", "{\"app\":\"kra-kpi\",\"schema\":3,", "<html></html>", "{'app': 'kra-kpi'}"] {
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
        r#"{"app":"kra-kpi","schema":3}"#,
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
    let text = damaged(&sample(), |v| v["schema"] = json!(99));
    let err = decode(&text).unwrap_err();
    assert_eq!(err, DecodeError::TooNew(99));
    assert_eq!(read_header(&text), Err(DecodeError::TooNew(99)));
    assert_eq!(
        err.to_string(),
        "the saved data uses format version 99, newer than this version of the app understands (4)"
    );
}

#[test]
fn readings_of_an_unknown_kpi_are_refused() {
    let text = damaged(&sample(), |v| {
        v["framework"]["readings"][0]["kpi"] = json!(999);
        v["framework"]["next_id"] = json!(1000);
    });
    assert_eq!(integrity_error(&text), IntegrityError::ReadingsWithoutKpi(Id(999)));
    assert_eq!(
        decode(&text).unwrap_err().to_string(),
        "the saved data is damaged (readings belong to a missing KPI (id 999))"
    );
}

#[test]
fn a_value_written_as_the_string_nan_is_refused() {
    let text = damaged(&sample(), |v| v["framework"]["readings"][0]["values"][0] = json!("NaN"));
    assert!(shape_error(&text).contains("invalid type"), "{text}");
}

#[test]
fn a_value_beyond_the_f64_range_is_refused() {
    let text = encode(&sample());
    for literal in ["1e400", "-1e400"] {
        let bad = text.replacen("42.0", literal, 1);
        assert_ne!(bad, text);
        assert!(shape_error(&bad).contains("number out of range"), "{literal}");
    }
}

#[test]
fn a_value_beyond_the_largest_reading_is_refused_naming_its_kpi() {
    // Checked as the run is read (not again when the framework is built): the same complaint
    // an edit entering that value gets.
    let text = damaged(&sample(), |v| v["framework"]["readings"][0]["values"] = json!([42.0, 2e15]));
    let error = integrity_error(&text);
    assert!(
        matches!(&error, IntegrityError::InvalidReading { kpi, error: ValidationError::OutOfRange { .. } } if kpi == "Leads converted"),
        "{error:?}"
    );
    assert_eq!(
        decode(&text).unwrap_err().to_string(),
        "the saved data is damaged (a reading of \"Leads converted\": Value must be between -1000000000000000 and 1000000000000000 (got 2000000000000000).)"
    );
}

#[test]
fn a_run_ends_at_the_last_representable_month() {
    let until_december = damaged(&sample(), |v| {
        v["framework"]["readings"][0] = json!({"kpi": 2, "from": "9999-11-01", "values": [1.0, 2.0]});
    });
    let fw = decode(&until_december).expect("November and December 9999 are periods");
    let starts: Vec<_> = fw.readings_of(Id(2)).keys().copied().collect();
    assert_eq!(starts, [date(9999, 11, 1), date(9999, 12, 1)]);
    let past_it = damaged(&sample(), |v| {
        v["framework"]["readings"][0] = json!({"kpi": 2, "from": "9999-11-01", "values": [1.0, 2.0, 3.0]});
    });
    assert_eq!(shape_error(&past_it), "a run of KPI 2 runs past the last representable date");
}

#[test]
fn a_schema_2_reading_off_a_period_start_is_refused() {
    let fixture = include_str!("fixtures/schema2_sales.json");
    let text =
        fixture.replacen(r#""kpi": 3, "period_start": "2026-05-01""#, r#""kpi": 3, "period_start": "2026-05-15""#, 1);
    assert_ne!(text, fixture);
    assert_eq!(
        integrity_error(&text),
        IntegrityError::InvalidReading {
            kpi: "Leads converted".into(),
            error: ValidationError::MisfiledReading { kpi: "Leads converted".into(), day: "2026-05-15".into() },
        }
    );
}

#[test]
fn overlapping_runs_that_file_two_readings_in_one_period_are_refused() {
    let text = damaged(&sample(), |v| {
        // October–November, then a second run from November.
        v["framework"]["readings"] = json!([
            {"kpi": 2, "from": "2026-10-01", "values": [42.0, 43.0]},
            {"kpi": 2, "from": "2026-11-01", "values": [44.0]},
        ]);
    });
    assert_eq!(shape_error(&text), "two readings of KPI 2 share a period");
}

#[test]
fn a_run_that_does_not_start_on_a_period_start_is_refused() {
    let text = damaged(&sample(), |v| v["framework"]["readings"][0]["from"] = json!("2026-10-15"));
    assert_eq!(shape_error(&text), "a run of KPI 2 starts on 2026-10-15, not on a period start");
}

#[test]
fn a_note_pointing_at_a_missing_reading_is_refused() {
    let at_null = damaged(&sample(), |v| {
        v["framework"]["readings"][0]["values"] = json!([42.0, null, 44.0]);
        v["framework"]["readings"][0]["notes"] = json!({"1": "lost"});
    });
    assert_eq!(shape_error(&at_null), "a note of KPI 2 points to no reading (index 1)");
    let past_the_end = damaged(&sample(), |v| v["framework"]["readings"][0]["notes"] = json!({"5": "lost"}));
    assert_eq!(shape_error(&past_the_end), "a note of KPI 2 points to no reading (index 5)");
}

#[test]
fn a_run_longer_than_any_real_kpi_is_refused() {
    let text = damaged(&sample(), |v| v["framework"]["readings"][0]["values"] = json!(vec![1.0; 24_001]));
    assert_eq!(shape_error(&text), "a run of KPI 2 has 24001 periods");
}

#[test]
fn an_id_counter_beyond_the_largest_id_is_refused() {
    let text = damaged(&sample(), |v| v["framework"]["next_id"] = json!(Id::MAX.0 + 2));
    assert_eq!(integrity_error(&text), IntegrityError::CounterTooLarge);
    let huge = damaged(&sample(), |v| v["framework"]["next_id"] = json!(u64::MAX));
    assert_eq!(integrity_error(&huge), IntegrityError::CounterTooLarge);
}

#[test]
fn deeply_nested_json_is_refused_without_overflowing_the_stack() {
    let nested = format!("{}{}", "[".repeat(200), "]".repeat(200));
    for field in ["name", "kras", "settings"] {
        let text = damaged(&sample(), |v| v["framework"][field] = json!("PLACEHOLDER")).replacen(
            "\"PLACEHOLDER\"",
            &nested,
            1,
        );
        shape_error(&text);
    }
    // A whole document of nested arrays is not a save at all.
    assert_eq!(decode(&nested), Err(DecodeError::Foreign));
    // Schema 1 is migrated with each value kept as its text: a deep field it does not know is
    // passed over (and then ignored, like any unknown field), and one it reads is refused.
    let v1 = |kpis: &str, extra: &str| {
        format!(
            r#"{{"app":"kra-kpi","schema":1,"framework":{{"name":"x","kras":[],"kpis":{kpis},"readings":[],"next_id":1,"extra":{extra}}}}}"#
        )
    };
    assert_eq!(decode(&v1("[]", &nested)).map(|fw| fw.name().to_owned()), Ok("x".to_owned()));
    assert_eq!(shape_error(&v1(&format!("[{nested}]"), "0")), "schema 1 data: a KPI is not an object");
}

#[test]
fn other_damage_is_refused_with_its_reason() {
    let fw = sample();
    type Damage = (fn(&mut Value), IntegrityError);
    let integrity: [Damage; 4] = [
        (
            |v| v["framework"]["kpis"][0]["kra"] = json!(77),
            IntegrityError::KpiWithoutKra { kpi: "Leads converted".into() },
        ),
        (
            |v| {
                // The KPI takes the KRA's id, and its readings follow it.
                v["framework"]["kpis"][0]["id"] = json!(1);
                v["framework"]["readings"][0]["kpi"] = json!(1);
            },
            IntegrityError::DuplicateId(Id(1)),
        ),
        (|v| v["framework"]["next_id"] = json!(2), IntegrityError::IdNotBelowCounter(Id(2))),
        (
            |v| v["framework"]["kras"][0]["weight"] = json!(-5),
            IntegrityError::InvalidKra {
                name: "Revenue".into(),
                error: kra_kpi::domain::error::ValidationError::Negative { field: "Weight", value: -5.0 },
            },
        ),
    ];
    for (damage, expected) in integrity {
        assert_eq!(integrity_error(&damaged(&fw, damage)), expected);
    }
    // A value written as text, or a KPI without a name, is the wrong shape.
    shape_error(&damaged(&fw, |v| v["framework"]["readings"][0]["values"][0] = json!("42")));
    shape_error(&damaged(&fw, |v| {
        v["framework"]["kpis"][0]["spec"].as_object_mut().unwrap().remove("name").map(drop).unwrap()
    }));
}

#[test]
fn nan_cannot_sneak_in() {
    let mut fw = sample();
    let kpi = fw.kpis()[0].id;
    let october = date(2026, 10, 1);
    let kra = fw.kras()[0].id;
    let before = fw.clone();

    // Through the edit methods.
    assert!(fw.add_reading(kpi, date(2026, 11, 1), f64::NAN, "").is_err());
    assert!(fw.add_reading(kpi, date(2026, 12, 1), f64::INFINITY, "").is_err());
    assert!(fw.update_reading(kpi, october, f64::NAN, "").is_err());
    assert!(fw.add_kpi(kra, KpiSpec::new("Bad", "", Direction::HigherIsBetter, f64::NAN)).is_err());
    assert!(fw
        .add_kpi(kra, KpiSpec { baseline: Some(f64::NAN), ..KpiSpec::new("Bad", "", Direction::HigherIsBetter, 1.0) })
        .is_err());
    assert!(fw.add_kra(KraDraft::new("Bad", f64::NAN)).is_err());
    let key =
        ReviewKey::of(&Period::containing(date(2026, 11, 1), Frequency::Monthly, fw.settings().fiscal_year_start));
    let nan_rating = ReviewChange::Rating { kra, rating: Some(f64::NAN) };
    assert!(fw.apply(KkEdit::SetReview { key, change: nan_rating }).is_err());
    // The settings are private, so the only way in is set_settings, which checks them.
    assert!(fw.set_settings(ScoringSettings { floor: f64::NAN, ..ScoringSettings::default() }).is_err());
    assert_eq!(fw, before);

    // Through the saved text: JSON has no NaN; a bare NaN is not JSON, and a string or an
    // overflowing literal is refused. (A null is a period without a reading, and here its note
    // then points at nothing.)
    let text = encode(&fw);
    let nan_text = text.replacen("42.0", "NaN", 1);
    assert_ne!(nan_text, text, "the reading's value 42.0 should be in the saved text: {text}");
    assert!(matches!(decode(&nan_text), Err(DecodeError::NotJson(_))), "{:?}", decode(&nan_text));
    for literal in ["null", "1e999", "-1e999", "\"NaN\""] {
        let bad = text.replacen("42.0", literal, 1);
        let result = decode(&bad);
        assert!(result.is_err(), "{literal} was accepted: {result:?}");
    }
    // A non-finite setting in the saved text is refused too.
    let bad_floor = text.replacen("\"floor\":0.0", "\"floor\":1e999", 1);
    assert_ne!(bad_floor, text);
    assert!(decode(&bad_floor).is_err());
}

#[test]
fn an_empty_framework_round_trips() {
    let fw = Framework::new("Mine");
    assert_eq!(decode(&encode(&fw)), Ok(fw));
}

#[test]
fn awkward_numbers_round_trip_exactly() {
    let mut fw = sample();
    let kpi = fw.kpis()[0].id;
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
    for ((_, a), (_, b)) in fw.readings_of(kpi).iter().zip(back.readings_of(kpi)) {
        assert_eq!(a.value.to_bits(), b.value.to_bits(), "{} came back as {}", a.value, b.value);
    }
    let TargetPlan::Steps { values, .. } = &back.kpi(kpi).unwrap().spec.target else { panic!("steps target lost") };
    assert_eq!(
        values.iter().map(|v| v.to_bits()).collect::<Vec<_>>(),
        extremes.iter().map(|v| v.to_bits()).collect::<Vec<_>>()
    );
    assert_eq!(back, fw);
}

/// Runs are read from their list's text and allocated at their counted length (issue 6, then
/// issue 9); a very long run, then shorter ones, each come back whole and in order.
#[test]
fn a_very_long_run_then_short_ones_decode_exactly() {
    let mut fw = Framework::new("Long");
    let kra = fw.add_kra(KraDraft::new("Area", 100.0)).unwrap();
    let weekly = KpiSpec {
        frequency: Frequency::Weekly,
        ..KpiSpec::new("Weekly calls", "calls", Direction::HigherIsBetter, 10.0)
    };
    let long = fw.add_kpi(kra, weekly).unwrap();
    let short = fw.add_kpi(kra, KpiSpec::new("Monthly leads", "leads", Direction::HigherIsBetter, 5.0)).unwrap();
    // 5,000 weeks (about 96 years) from Monday 2 January 1928.
    let mut day = date(1928, 1, 2);
    for i in 0..5_000 {
        fw.add_reading(long, day, f64::from(i) + 0.25, "").unwrap();
        day = day.checked_add(jiff::Span::new().try_days(7).unwrap()).unwrap();
    }
    for (m, value) in [(1, 1.5), (2, 2.5), (4, 4.5)] {
        fw.add_reading(short, date(2026, m, 1), value, if m == 2 { "note" } else { "" }).unwrap();
    }
    let text = encode(&fw);
    assert_eq!(decode(&text).unwrap(), fw);
    assert_eq!(decode(&text).unwrap(), fw, "a second decode");
}

/// A run refused part way (a value that is not a number after many that are) is reported as
/// before, and the next save decodes whole (nothing of a refused run is kept between reads).
#[test]
fn a_run_refused_part_way_leaves_nothing_behind() {
    let mut values: Vec<Value> = vec![json!(1.5); 5_000];
    values.push(json!("x"));
    let text = damaged(&sample(), |v| v["framework"]["readings"][0]["values"] = Value::Array(values));
    assert!(shape_error(&text).contains("invalid type"), "{}", shape_error(&text));
    assert_eq!(decode(&encode(&sample())).unwrap(), sample());
}

/// Numbers whose shortest text a quick reader (digits times a power of ten, rounded twice) reads
/// one unit in the last place off: serde_json's own, without `float_roundtrip`. Saved numbers are
/// read by `domain::decimal` instead (issue 9); this puts one in every number field of the saved
/// format, so a field that slipped past it would come back changed.
#[test]
fn every_saved_number_field_is_read_exactly() {
    let hard: [f64; 5] =
        [2.9504483359709606, 3.6158448181202028, 3.8566829194149443, 1.6463514503857435, 108.62796582926163];
    for h in hard {
        let quick: f64 = serde_json::from_str(&format!("{h:?}")).unwrap();
        assert_ne!(quick.to_bits(), h.to_bits(), "{h} is read right by the quick reader too: not a hard case");
    }
    let [a, b, c, d, over] = hard;
    let mut fw = Framework::new("Hard numbers");
    fw.set_settings(ScoringSettings {
        floor: a,
        kpi_cap: over + 100.0,
        rollup_cap: over,
        rating_blend: b,
        rating_scale: c + 1.0,
        rollup_thresholds: Thresholds { green: over, amber: d },
        ..ScoringSettings::default()
    })
    .unwrap();
    let kra = fw.add_kra(KraDraft::new("Area", a)).unwrap();
    let specs = [
        KpiSpec {
            baseline: Some(b),
            weight: c,
            bands: Some(Bands { red_flag: a, goal: d }),
            thresholds: Some(Thresholds { green: over, amber: b }),
            method: Some(ScoringMethod::Bands),
            ..KpiSpec::new("Constant", "", Direction::KeepWithinRange { min: a, max: over }, c)
        },
        KpiSpec {
            target: TargetPlan::Steps { from: date(2026, 1, 1), values: vec![a, b, c] },
            ..KpiSpec::new("Steps", "", Direction::HitValue { tolerance: d }, 1.0)
        },
        KpiSpec {
            target: TargetPlan::Ramp { from: date(2026, 1, 1), start: b, end: over, periods: 4 },
            ..KpiSpec::new("Ramp", "", Direction::LowerIsBetter, 1.0)
        },
    ];
    let kpis: Vec<Id> = specs.into_iter().map(|s| fw.add_kpi(kra, s).unwrap()).collect();
    for (i, &kpi) in kpis.iter().enumerate() {
        fw.add_reading(kpi, date(2026, 10, 1), hard[i], "").unwrap();
    }
    let key = ReviewKey { cycle: Frequency::Monthly, start: date(2026, 10, 1) };
    fw.apply(KkEdit::SetReview { key, change: ReviewChange::Rating { kra, rating: Some(c) } }).unwrap();
    fw.apply(KkEdit::SetReview { key, change: ReviewChange::SelfRating { kra, rating: Some(a) } }).unwrap();
    let closure = Closure { on: date(2026, 11, 2), overall: Some(over), kras: [(kra, Some(d))].into_iter().collect() };
    fw.apply(KkEdit::CloseReview { key, closure }).unwrap();

    let text = encode(&fw);
    for h in hard {
        assert!(text.contains(&format!("{h:?}")), "{h} is not in the saved text: {text}");
    }
    assert_eq!(decode(&text), Ok(fw));
}

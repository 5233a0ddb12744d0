#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! What the person at the keyboard reads when an edit is refused, and that a refused edit
//! changes nothing.

use jiff::civil::{date, Date};
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::edit::{Edit, ReviewChange};
use kra_kpi::domain::error::ValidationError;
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::id::Id;
use kra_kpi::domain::input::{check_name, parse_number, parse_optional_number, parse_weight};
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::period::{Frequency, Period};
use kra_kpi::domain::review::{Closure, ReviewKey};
use kra_kpi::domain::scoring::{Bands, Thresholds};
use kra_kpi::domain::target::TargetPlan;

fn message<T: std::fmt::Debug>(result: Result<T, ValidationError>) -> String {
    result.expect_err("the edit should be refused").to_string()
}

fn leads() -> KpiSpec {
    KpiSpec::new("Leads converted", "leads", Direction::HigherIsBetter, 50.0)
}

/// A small framework: one KRA, one monthly KPI with a reading on 3 Nov 2026, filed under the
/// month's first day (returned last).
fn sample() -> (Framework, Id, Id, Date) {
    let mut fw = Framework::new("Sales executive");
    let kra = fw.add_kra(KraDraft::new("Achieve monthly revenue targets", 60.0)).unwrap();
    let kpi = fw.add_kpi(kra, leads()).unwrap();
    let november = fw.add_reading(kpi, date(2026, 11, 3), 42.0, "").unwrap();
    assert_eq!(november, date(2026, 11, 1));
    (fw, kra, kpi, november)
}

// ---- names ----

#[test]
fn an_empty_kra_name_is_refused() {
    let (mut fw, ..) = sample();
    assert_eq!(message(fw.add_kra(KraDraft::new("", 10.0))), "KRA name cannot be empty. Type a name.");
    assert_eq!(message(fw.add_kra(KraDraft::new("   ", 10.0))), "KRA name cannot be empty. Type a name.");
}

#[test]
fn an_empty_kpi_name_is_refused() {
    let (mut fw, kra, ..) = sample();
    let spec = KpiSpec { name: " \t ".into(), ..leads() };
    assert_eq!(message(fw.add_kpi(kra, spec)), "KPI name cannot be empty. Type a name.");
}

#[test]
fn an_empty_scorecard_name_is_refused() {
    let (mut fw, ..) = sample();
    assert_eq!(message(fw.rename("  ")), "Scorecard name cannot be empty. Type a name.");
    assert_eq!(fw.name(), "Sales executive");
}

#[test]
fn names_are_trimmed() {
    assert_eq!(check_name("KRA name", "  Grow revenue  "), Ok("Grow revenue".to_owned()));
    let (mut fw, ..) = sample();
    let kra = fw.add_kra(KraDraft::new("  Build client relationships ", 40.0).owner(" Sales ")).unwrap();
    let stored = fw.kra(kra).unwrap();
    assert_eq!((stored.name.as_str(), stored.owner.as_str()), ("Build client relationships", "Sales"));
}

// ---- numbers ----

#[test]
fn text_that_is_not_a_number_says_so() {
    assert_eq!(
        message(parse_number("Target", "abc")),
        "Target: \"abc\" is not a number. Enter digits such as 42 or 12.5."
    );
    assert_eq!(
        message(parse_number("Value", "12,5")),
        "Value: \"12,5\" is not a number. Enter digits such as 42 or 12.5."
    );
    assert_eq!(
        message(parse_number("Value", "1_000")),
        "Value: \"1_000\" is not a number. Enter digits such as 42 or 12.5."
    );
    assert_eq!(message(parse_number("Value", "   ")), "Value is empty. Enter a number such as 42 or 12.5.");
    assert_eq!(message(parse_number("Value", "")), "Value is empty. Enter a number such as 42 or 12.5.");
}

#[test]
fn non_finite_numbers_are_refused() {
    for input in ["NaN", "nan", "inf", "-inf", "infinity", "1e999", "-1e999"] {
        assert_eq!(
            message(parse_number("Value", input)),
            format!("Value: \"{input}\" is not a finite number. Enter an ordinary value such as 42."),
            "{input}"
        );
    }
    assert_eq!(
        parse_number("Target", " 1e999 "),
        Err(ValidationError::NotFinite { field: "Target", input: "1e999".into() })
    );
}

#[test]
fn ordinary_numbers_are_read() {
    assert_eq!(parse_number("Value", " 12.5 "), Ok(12.5));
    assert_eq!(parse_number("Value", "-3"), Ok(-3.0));
    assert_eq!(parse_number("Value", "1e3"), Ok(1000.0));
    assert_eq!(parse_optional_number("Baseline", "  "), Ok(None));
    assert_eq!(
        message(parse_optional_number("Baseline", "NaN")),
        "Baseline: \"NaN\" is not a finite number. Enter an ordinary value such as 42."
    );
}

#[test]
fn a_negative_weight_is_refused() {
    assert_eq!(message(parse_weight("-5")), "Weight cannot be negative (got -5). Enter 0 or more.");
    assert_eq!(message(parse_weight("abc")), "Weight: \"abc\" is not a number. Enter digits such as 42 or 12.5.");
    assert_eq!(parse_weight("0"), Ok(0.0));
    let (mut fw, kra, ..) = sample();
    assert_eq!(
        message(fw.add_kra(KraDraft::new("Service", -5.0))),
        "Weight cannot be negative (got -5). Enter 0 or more."
    );
    assert_eq!(
        message(fw.add_kpi(kra, KpiSpec { weight: -0.5, ..leads() })),
        "Weight cannot be negative (got -0.5). Enter 0 or more."
    );
}

#[test]
fn a_non_finite_reading_is_refused() {
    let (mut fw, _, kpi, reading) = sample();
    assert_eq!(
        message(fw.add_reading(kpi, date(2026, 12, 1), f64::NAN, "")),
        "Value: \"NaN\" is not a finite number. Enter an ordinary value such as 42."
    );
    assert_eq!(
        message(fw.add_reading(kpi, date(2026, 12, 1), f64::INFINITY, "")),
        "Value: \"inf\" is not a finite number. Enter an ordinary value such as 42."
    );
    assert_eq!(
        message(fw.update_reading(kpi, reading, f64::NEG_INFINITY, "")),
        "Value: \"-inf\" is not a finite number. Enter an ordinary value such as 42."
    );
    let spec = KpiSpec { target: TargetPlan::Steps { from: date(2026, 1, 1), values: vec![1.0, f64::NAN] }, ..leads() };
    assert_eq!(message(spec.validate()), "Target: \"NaN\" is not a finite number. Enter an ordinary value such as 42.");
}

// ---- duplicate readings ----

#[test]
fn a_second_reading_in_the_same_month_is_refused() {
    let (mut fw, _, kpi, _) = sample();
    // The first reading was dated 3 Nov; 20 Nov is a different day of the same month.
    assert_eq!(
        message(fw.add_reading(kpi, date(2026, 11, 20), 40.0, "")),
        "\"Leads converted\" already has a reading for Nov 2026. Edit or delete that reading instead."
    );
    // December is a different period and is accepted.
    assert!(fw.add_reading(kpi, date(2026, 12, 20), 40.0, "").is_ok());
}

#[test]
fn a_second_reading_in_the_same_week_is_refused() {
    let (mut fw, kra, ..) = sample();
    let kpi = fw
        .add_kpi(
            kra,
            KpiSpec { frequency: Frequency::Weekly, ..KpiSpec::new("Calls", "", Direction::HigherIsBetter, 10.0) },
        )
        .unwrap();
    fw.add_reading(kpi, date(2028, 2, 28), 12.0, "").unwrap();
    // Tue 29 Feb 2028 is in the week of Mon 28 Feb (ISO week 9).
    assert_eq!(
        message(fw.add_reading(kpi, date(2028, 2, 29), 5.0, "")),
        "\"Calls\" already has a reading for 2028-W09. Edit or delete that reading instead."
    );
}

#[test]
fn changing_the_frequency_so_two_readings_share_a_period_is_refused() {
    let (mut fw, _, kpi, _) = sample();
    fw.add_reading(kpi, date(2026, 12, 3), 45.0, "").unwrap();
    let before = fw.clone();
    // November and December 2026 are both in Q4 2026.
    let quarterly = KpiSpec { frequency: Frequency::Quarterly, ..leads() };
    assert_eq!(
        message(fw.update_kpi(kpi, quarterly)),
        "\"Leads converted\" already has a reading for Q4 2026. Edit or delete that reading instead."
    );
    assert_eq!(fw, before);
}

// ---- ranges, bands, thresholds, steps ----

#[test]
fn an_empty_range_is_refused() {
    let range = |min, max| KpiSpec { direction: Direction::KeepWithinRange { min, max }, ..leads() };
    assert_eq!(message(range(10.0, 10.0).validate()), "The range minimum (10) must be below its maximum (10).");
    assert_eq!(message(range(20.0, 10.0).validate()), "The range minimum (20) must be below its maximum (10).");
    assert_eq!(
        message(range(f64::NAN, 10.0).validate()),
        "Range minimum: \"NaN\" is not a finite number. Enter an ordinary value such as 42."
    );
    assert!(range(9.5, 10.0).validate().is_ok());
}

#[test]
fn flat_bands_are_refused() {
    let spec = KpiSpec { bands: Some(Bands { red_flag: 30.0, goal: 30.0 }), ..leads() };
    assert_eq!(
        message(spec.validate()),
        "The goal and the red flag must differ, otherwise no score can be drawn between them."
    );
}

#[test]
fn a_negative_tolerance_is_refused() {
    let spec = KpiSpec { direction: Direction::HitValue { tolerance: -1.0 }, ..leads() };
    assert_eq!(message(spec.validate()), "Tolerance cannot be negative (got -1). Enter 0 or more.");
}

#[test]
fn amber_above_green_is_refused() {
    let spec = KpiSpec { thresholds: Some(Thresholds { green: 80.0, amber: 90.0 }), ..leads() };
    assert_eq!(message(spec.validate()), "The amber threshold (90 %) must not be above the green one (80 %).");
}

#[test]
fn an_empty_step_list_is_refused() {
    let spec = KpiSpec { target: TargetPlan::Steps { from: date(2026, 1, 1), values: vec![] }, ..leads() };
    assert_eq!(message(spec.validate()), "A step-list target needs at least one value.");
}

#[test]
fn editing_something_deleted_says_so() {
    let (mut fw, kra, kpi, reading) = sample();
    fw.delete_kra(kra).unwrap();
    assert_eq!(message(fw.delete_kpi(kpi)), "That KPI no longer exists; it may have been deleted.");
    assert_eq!(
        message(fw.update_reading(kpi, reading, 1.0, "")),
        "That reading no longer exists; it may have been deleted."
    );
    assert_eq!(message(fw.add_kpi(kra, leads())), "That KRA no longer exists; it may have been deleted.");
    assert_eq!(
        message(fw.add_reading(kpi, date(2026, 12, 1), 1.0, "")),
        "That KPI no longer exists; it may have been deleted."
    );
}

// ---- a refused edit changes nothing ----

#[test]
fn a_failed_edit_leaves_the_framework_unchanged() {
    let (mut fw, kra, kpi, reading) = sample();
    let before = fw.clone();
    let ghost = Id(999);

    let attempts: Vec<(&str, Result<(), ValidationError>)> = vec![
        ("rename blank", fw.rename("")),
        ("add KRA blank", fw.add_kra(KraDraft::new(" ", 1.0)).map(drop)),
        ("add KRA negative weight", fw.add_kra(KraDraft::new("Service", -1.0)).map(drop)),
        ("NaN rating", fw.apply(rate(kra, Some(f64::NAN))).map(drop)),
        ("rating above the scale", fw.apply(rate(kra, Some(6.0))).map(drop)),
        ("rating of a missing KRA", fw.apply(rate(ghost, Some(3.0))).map(drop)),
        (
            "N/A for a missing KPI",
            fw.apply(Edit::SetReview {
                key: november(),
                change: ReviewChange::NotApplicable { kpi: ghost, yes: true },
            })
            .map(drop),
        ),
        (
            "close a review before its period ends",
            fw.apply(Edit::CloseReview {
                key: november(),
                closure: Closure { on: date(2026, 11, 30), overall: None, kras: Default::default() },
            })
            .map(drop),
        ),
        ("update KRA blank", fw.update_kra(kra, KraDraft::new("", 60.0))),
        ("update KRA negative", fw.update_kra(kra, KraDraft::new("Renamed", -60.0))),
        ("update missing KRA", fw.update_kra(ghost, KraDraft::new("Renamed", 60.0))),
        ("add KPI blank", fw.add_kpi(kra, KpiSpec { name: String::new(), ..leads() }).map(drop)),
        ("add KPI to missing KRA", fw.add_kpi(ghost, leads()).map(drop)),
        (
            "add KPI empty range",
            fw.add_kpi(kra, KpiSpec { direction: Direction::KeepWithinRange { min: 5.0, max: 5.0 }, ..leads() })
                .map(drop),
        ),
        (
            "add KPI flat bands",
            fw.add_kpi(kra, KpiSpec { bands: Some(Bands { red_flag: 1.0, goal: 1.0 }), ..leads() }).map(drop),
        ),
        (
            "add KPI infinite target",
            fw.add_kpi(kra, KpiSpec::new("X", "", Direction::HigherIsBetter, f64::INFINITY)).map(drop),
        ),
        ("update KPI blank", fw.update_kpi(kpi, KpiSpec { name: "  ".into(), ..leads() })),
        ("update KPI negative weight", fw.update_kpi(kpi, KpiSpec { weight: -1.0, ..leads() })),
        ("update missing KPI", fw.update_kpi(ghost, leads())),
        ("duplicate reading", fw.add_reading(kpi, date(2026, 11, 30), 1.0, "").map(drop)),
        ("NaN reading", fw.add_reading(kpi, date(2027, 1, 1), f64::NAN, "").map(drop)),
        ("reading of missing KPI", fw.add_reading(ghost, date(2027, 1, 1), 1.0, "").map(drop)),
        ("update reading to inf", fw.update_reading(kpi, reading, f64::INFINITY, "note")),
        ("update reading of missing KPI", fw.update_reading(ghost, reading, 1.0, "")),
        ("update reading of an empty period", fw.update_reading(kpi, date(2026, 12, 1), 1.0, "")),
        ("update reading off a period start", fw.update_reading(kpi, date(2026, 11, 3), 1.0, "")),
        ("delete missing KRA", fw.delete_kra(ghost)),
        ("delete missing KPI", fw.delete_kpi(ghost)),
        ("delete reading of missing KPI", fw.delete_reading(ghost, reading)),
        ("delete reading of an empty period", fw.delete_reading(kpi, date(2026, 12, 1))),
        ("move missing KRA", fw.move_kra(ghost, 1)),
        ("move missing KPI", fw.move_kpi(ghost, -1)),
    ];
    for (what, result) in attempts {
        assert!(result.is_err(), "{what} should be refused");
    }
    // Nothing changed, not even the id counter.
    assert_eq!(fw, before);
    assert_eq!(fw.next_id(), before.next_id());
}

/// The review of November 2026 (monthly, calendar year).
fn november() -> ReviewKey {
    ReviewKey::of(&Period::containing(date(2026, 11, 1), Frequency::Monthly, Default::default()))
}

/// A rating for `kra` in November 2026's review.
fn rate(kra: Id, rating: Option<f64>) -> Edit {
    Edit::SetReview { key: november(), change: ReviewChange::Rating { kra, rating } }
}

#[test]
fn a_kra_rating_outside_the_rating_scale_is_refused() {
    let mut fw = Framework::new("Ratings");
    let kra = fw.add_kra(KraDraft::new("Quality", 50.0)).unwrap();
    let err = fw.apply(rate(kra, Some(7.0))).unwrap_err();
    assert_eq!(err, ValidationError::OutOfRange { field: "Rating", value: 7.0, min: 1.0, max: 5.0 });
    assert_eq!(err.to_string(), "Rating must be between 1 and 5 (got 7).");
    assert!(fw.reviews().is_empty());
    assert!(fw.apply(rate(kra, Some(4.0))).is_ok());
}

mod reading_numbers {
    //! `read_number` must read exactly what `str::parse::<f64>` read before it (issue 9 dropped
    //! core's parser from the wasm): same value to the bit, same refusals.
    use kra_kpi::domain::input::{read_number, Number};
    use proptest::prelude::*;

    /// What `str::parse::<f64>` makes of `text`, in `read_number`'s terms.
    fn by_core(text: &str) -> Number {
        match text.parse::<f64>() {
            Ok(v) if v.is_finite() => Number::Finite(v),
            Ok(_) => Number::NotFinite,
            Err(_) => Number::Invalid,
        }
    }

    fn same(text: &str) {
        match (read_number(text), by_core(text)) {
            (Number::Finite(a), Number::Finite(b)) => assert_eq!(a.to_bits(), b.to_bits(), "{text:?}: {a} vs {b}"),
            (a, b) => assert_eq!(a, b, "{text:?}"),
        }
    }

    #[test]
    fn edge_cases_read_as_core_reads_them() {
        for text in [
            "0",
            "-0",
            "+0",
            "00",
            "007",
            "0.5",
            ".5",
            "-.5",
            "+.5",
            "5.",
            "5.e3",
            "1e5",
            "1E+5",
            "1e-5",
            "2.5e-3",
            "1.7976931348623157e308",
            "1.7976931348623158e308",
            "1.7976931348623159e308",
            "1e309",
            "-1e400",
            "4.9e-324",
            "2e-324",
            "1e-400",
            "2.2250738585072011e-308",
            "0e99999999999999999999",
            "1e99999999999999999999",
            "1e-99999999999999999999",
            "9007199254740993",
            "0.1",
            "0.30000000000000004",
            "inf",
            "+inf",
            "-Infinity",
            "INF",
            "NaN",
            "-nan",
            "infinit",
            "",
            "+",
            "-",
            ".",
            "e5",
            "1e",
            "1e+",
            "1..2",
            "1.2.3",
            "--1",
            "+-1",
            "1_000",
            "1,5",
            "0x10",
            "12 %",
            " 1",
            "1 ",
            "١٢",
            "½",
            "1e5.5",
            "e",
            ".e1",
        ] {
            same(text);
        }
    }

    proptest! {
        #[test]
        fn generated_decimals_read_as_core_reads_them(
            sign in "[+-]?",
            whole in "[0-9]{0,25}",
            point in proptest::bool::ANY,
            fraction in "[0-9]{0,25}",
            exponent in proptest::option::of("[eE][+-]?[0-9]{0,4}"),
        ) {
            let text = format!("{sign}{whole}{}{fraction}{}", if point { "." } else { "" }, exponent.unwrap_or_default());
            same(&text);
        }

        #[test]
        fn any_short_text_is_refused_or_read_as_core_reads_it(text in "[-+0-9.eEinfaINFA ]{0,12}") {
            same(&text);
        }

        #[test]
        fn every_f64_written_by_rust_reads_back_exactly(bits in proptest::num::u64::ANY) {
            let value = f64::from_bits(bits);
            same(&value.to_string());
            same(&format!("{value:e}"));
        }
    }
}

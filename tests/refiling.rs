#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! Readings keep their meaning when a KPI's frequency or the fiscal year changes, and input
//! that would break the arithmetic (huge weights or readings) is refused.

use jiff::civil::date;
use kra_kpi::charts::trend_series;
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::error::ValidationError;
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::period::{FiscalYearStart, Frequency, Period};
use kra_kpi::domain::scoring::{score_framework, ScoringMethod, ScoringSettings, Status};

fn one_kpi(frequency: Frequency) -> (Framework, kra_kpi::domain::id::Id) {
    let mut fw = Framework::new("Refile");
    let kra = fw.add_kra(KraDraft::new("Ops", 100.0)).unwrap();
    let spec = KpiSpec { frequency, ..KpiSpec::new("Calls", "calls", Direction::HigherIsBetter, 10.0) };
    let kpi = fw.add_kpi(kra, spec).unwrap();
    (fw, kpi)
}

/// The period starts the KPI's readings are filed under, oldest first.
fn period_starts(fw: &Framework, kpi: kra_kpi::domain::id::Id) -> Vec<jiff::civil::Date> {
    fw.readings_of(kpi).keys().copied().collect()
}

#[test]
fn monthly_to_weekly_keeps_a_reading_in_its_month() {
    let (mut fw, kpi) = one_kpi(Frequency::Monthly);
    fw.add_reading(kpi, date(2026, 11, 20), 8.0, "").unwrap(); // filed under 1 Nov (a Sunday)
    let spec = KpiSpec { frequency: Frequency::Weekly, ..fw.kpi(kpi).unwrap().spec.clone() };
    fw.update_kpi(kpi, spec).unwrap();
    // The week of Mon 2 Nov, not the week of Mon 26 Oct, which would move it into October.
    assert_eq!(period_starts(&fw, kpi), vec![date(2026, 11, 2)]);
    let spec = KpiSpec { frequency: Frequency::Monthly, ..fw.kpi(kpi).unwrap().spec.clone() };
    fw.update_kpi(kpi, spec).unwrap();
    assert_eq!(period_starts(&fw, kpi), vec![date(2026, 11, 1)], "and back again without drifting");
}

#[test]
fn weekly_to_monthly_files_a_week_under_its_mondays_month() {
    let (mut fw, kpi) = one_kpi(Frequency::Weekly);
    fw.add_reading(kpi, date(2026, 10, 26), 8.0, "").unwrap(); // Mon 26 Oct – Sun 1 Nov
    let spec = KpiSpec { frequency: Frequency::Monthly, ..fw.kpi(kpi).unwrap().spec.clone() };
    fw.update_kpi(kpi, spec).unwrap();
    assert_eq!(period_starts(&fw, kpi), vec![date(2026, 10, 1)]);
}

#[test]
fn changing_the_fiscal_year_refiles_quarterly_readings_and_keeps_one_per_period() {
    let (mut fw, kpi) = one_kpi(Frequency::Quarterly);
    fw.set_settings(ScoringSettings { fiscal_year_start: FiscalYearStart::APRIL, ..ScoringSettings::default() })
        .unwrap();
    fw.add_reading(kpi, date(2026, 2, 10), 30.0, "").unwrap(); // Q4 FY2025-26: Jan–Mar
    fw.add_reading(kpi, date(2026, 5, 10), 20.0, "").unwrap(); // Q1 FY2026-27: Apr–Jun
    let mut settings = fw.settings().clone();
    settings.fiscal_year_start = FiscalYearStart::new(2).unwrap(); // quarters Feb–Apr, May–Jul, …
    fw.set_settings(settings).unwrap();
    // Jan–Mar moves to the Feb–Apr quarter that begins inside it; Apr–Jun to May–Jul.
    assert_eq!(period_starts(&fw, kpi), vec![date(2026, 2, 1), date(2026, 5, 1)]);
    let values: Vec<f64> = fw.readings_of(kpi).values().map(|r| r.value).collect();
    assert_eq!(values, vec![30.0, 20.0], "each reading moved with its value");
    // A new reading in an already-filled quarter is still refused.
    assert!(matches!(fw.add_reading(kpi, date(2026, 3, 15), 5.0, ""), Err(ValidationError::DuplicateReading { .. })));
    // And the chart finds both readings.
    let series = trend_series(&fw, kpi, 36).unwrap();
    assert_eq!(series.points.iter().filter(|p| p.value.is_some()).count(), 2);
}

#[test]
fn a_frequency_change_that_would_merge_two_readings_is_refused_and_changes_nothing() {
    let (mut fw, kpi) = one_kpi(Frequency::Weekly);
    fw.add_reading(kpi, date(2026, 11, 2), 30.0, "").unwrap();
    fw.add_reading(kpi, date(2026, 11, 9), 20.0, "").unwrap();
    let before = fw.clone();
    let spec = KpiSpec { frequency: Frequency::Monthly, ..fw.kpi(kpi).unwrap().spec.clone() };
    let result = fw.update_kpi(kpi, spec);
    assert_eq!(result, Err(ValidationError::DuplicateReading { kpi: "Calls".into(), period: "Nov 2026".into() }));
    assert_eq!(fw, before);
}

#[test]
fn weights_and_readings_beyond_the_limits_are_refused_so_sums_stay_finite() {
    let (mut fw, kpi) = one_kpi(Frequency::Monthly);
    assert!(matches!(fw.add_kra(KraDraft::new("Huge", 1e308)), Err(ValidationError::OutOfRange { .. })));
    assert!(matches!(fw.add_reading(kpi, date(2026, 11, 1), 1.7e308, ""), Err(ValidationError::OutOfRange { .. })));
    assert!(matches!(fw.add_reading(kpi, date(2026, 11, 1), -2e15, ""), Err(ValidationError::OutOfRange { .. })));
    assert!(fw.add_reading(kpi, date(2026, 11, 1), 1e15, "").is_ok());
}

#[test]
fn a_scored_kpi_of_weight_zero_beside_weighted_kpis_without_readings_gives_no_score() {
    let mut fw = Framework::new("Weights");
    let kra = fw.add_kra(KraDraft::new("Ops", 100.0)).unwrap();
    let zero = KpiSpec { weight: 0.0, ..KpiSpec::new("Side metric", "", Direction::HigherIsBetter, 10.0) };
    let zero = fw.add_kpi(kra, zero).unwrap();
    let main = KpiSpec { weight: 100.0, ..KpiSpec::new("Main metric", "", Direction::HigherIsBetter, 10.0) };
    fw.add_kpi(kra, main).unwrap();
    fw.add_reading(zero, date(2026, 11, 1), 5.0, "").unwrap();
    let review = Period::containing(date(2026, 11, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
    let card = score_framework(&fw, &review, date(2026, 12, 5));
    // Before, the weight-0 KPI alone decided the KRA (50 %): only the main metric can.
    assert_eq!(card.kras[&kra].score, None);
    assert_eq!(card.overall, None);
}

#[test]
fn default_thresholds_follow_the_method_actually_applied() {
    let (mut fw, kpi) = one_kpi(Frequency::Monthly);
    // The framework's default is bands, but this KPI has no bands: ratio is used.
    fw.set_settings(ScoringSettings { method: ScoringMethod::Bands, ..ScoringSettings::default() }).unwrap();
    fw.add_reading(kpi, date(2026, 11, 1), 6.0, "").unwrap();
    let review = Period::containing(date(2026, 11, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
    let card = score_framework(&fw, &review, date(2026, 12, 5));
    // 6 ÷ 10 = 60 %: red under the ratio's thresholds (amber from 80 %), not amber from 50 %.
    assert_eq!(card.kpis[&kpi].score, Some(60.0));
    assert_eq!(card.kpis[&kpi].status, Status::Red);
}

//! Prints how long the pure core takes on large scorecards: scoring a review period, saving and
//! loading, preparing a chart and applying one edit. Timing goals live here, not in unit tests.
//!
//! Run: `cargo run --release --example bench_scoring`

use std::hint::black_box;
use std::time::Instant;

use jiff::civil::date;
use jiff::ToSpan;
use kra_kpi::charts::trend_series;
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::edit::Edit;
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::overdue::overdue;
use kra_kpi::domain::period::{Frequency, Period};
use kra_kpi::domain::scoring::{score_framework, score_framework_with, Aggregation, ScoreCache};
use kra_kpi::storage::{decode, encode};

/// 5 KRAs × 4 KPIs, weekly readings for five years: 20 × 261 ≈ 5,200 readings.
fn large_framework() -> Framework {
    let mut fw = Framework::new("Benchmark");
    for k in 0..5 {
        let kra = fw.add_kra(KraDraft::new(&format!("KRA {k}"), 20.0)).unwrap();
        for p in 0..4 {
            let direction = if p % 2 == 0 { Direction::HigherIsBetter } else { Direction::LowerIsBetter };
            let spec = KpiSpec {
                frequency: Frequency::Weekly,
                aggregation: Aggregation::Sum,
                weight: 25.0,
                ..KpiSpec::new(&format!("KPI {k}.{p}"), "units", direction, 100.0)
            };
            let kpi = fw.add_kpi(kra, spec).unwrap();
            let mut day = date(2022, 1, 3);
            while day < date(2027, 1, 1) {
                fw.add_reading(kpi, day, 80.0 + (day.day() as f64), "").unwrap();
                day = day.checked_add(7.days()).unwrap();
            }
        }
    }
    fw
}

/// 50 KRAs × 20 KPIs, monthly readings for 100 months: 1,000 × 100 = 100,000 readings.
fn very_large_framework() -> Framework {
    let mut fw = Framework::new("Benchmark, 1,000 KPIs");
    for k in 0..50 {
        let kra = fw.add_kra(KraDraft::new(&format!("KRA {k}"), 2.0)).unwrap();
        for p in 0..20 {
            let direction = if p % 2 == 0 { Direction::HigherIsBetter } else { Direction::LowerIsBetter };
            let spec = KpiSpec { weight: 5.0, ..KpiSpec::new(&format!("KPI {k}.{p}"), "units", direction, 100.0) };
            let kpi = fw.add_kpi(kra, spec).unwrap();
            let mut day = date(2018, 8, 1);
            for i in 0..100 {
                fw.add_reading(kpi, day, 80.0 + f64::from(i % 40), "").unwrap();
                day = day.checked_add(1.month()).unwrap();
            }
        }
    }
    fw
}

fn time<T>(label: &str, runs: u32, mut f: impl FnMut() -> T) {
    let start = Instant::now();
    for _ in 0..runs {
        black_box(f());
    }
    let per_run = start.elapsed() / runs;
    println!("{label:<48} {per_run:>12.2?} per run ({runs} runs)");
}

fn main() {
    let build = Instant::now();
    let fw = large_framework();
    println!("built {} KPIs with {} readings in {:.2?}", fw.kpis().len(), fw.reading_count(), build.elapsed());
    let today = date(2026, 11, 23);
    let month = Period::containing(today, Frequency::Monthly, fw.settings().fiscal_year_start);
    let year = Period::containing(today, Frequency::Annual, fw.settings().fiscal_year_start);
    time("score a month (all KPIs, KRAs, overall)", 200, || score_framework(&fw, &month, today));
    time("score a year", 200, || score_framework(&fw, &year, today));
    let text = encode(&fw);
    println!("saved size: {} KB", text.len() / 1024);
    time("encode to JSON", 50, || encode(&fw));
    time("decode from JSON (with integrity check)", 50, || decode(&text).unwrap());
    let kpi = fw.kpis()[0].id;
    time("trend series for one KPI (36 points)", 200, || trend_series(&fw, kpi, 36));

    // One edit as the UI makes it: an Edit applied by the domain, returning its inverse.
    let mut edited = fw.clone();
    let (kpi, period_start) = edited.all_readings().next().map(|(kpi, start, _)| (kpi, start)).unwrap();
    let mut value = 0.0;
    time("apply one Edit::UpdateReading", 2000, || {
        value += 1.0; // a different value each run, so every run really changes the reading
        edited.apply(Edit::UpdateReading { kpi, period_start, value, note: String::new() }).unwrap()
    });

    let build = Instant::now();
    let big = very_large_framework();
    println!("built {} KPIs with {} readings in {:.2?}", big.kpis().len(), big.reading_count(), build.elapsed());
    let month = Period::containing(date(2026, 11, 1), Frequency::Monthly, big.settings().fiscal_year_start);
    time("score a month with 1,000 KPIs × 100 readings", 20, || score_framework(&big, &month, today));
    // What the UI does per edit: re-score with the cache, after one reading changed (numbers
    // only, as the UI scores: the words are written when someone opens them).
    let mut cache = ScoreCache::numbers_only();
    let mut edited = big.clone();
    score_framework_with(&edited, &month, today, &mut cache);
    let kpi = edited.kpis()[0].id;
    let mut value = 50.0;
    time("re-score after one edit (ScoreCache), 1,000 KPIs", 500, || {
        value += 1.0;
        let edit = Edit::UpdateReading { kpi, period_start: month.start(), value, note: String::new() };
        assert!(edited.apply(edit).is_ok_and(|a| a.changed));
        score_framework_with(&edited, &month, today, &mut cache)
    });
    // Also per edit: the reminders of readings missing in the last three review periods.
    time("overdue reminders, 1,000 KPIs", 200, || overdue(&edited, today, 3));
    let text = encode(&big);
    println!("saved size: {} KB ({} characters)", text.len() / 1024, text.chars().count());
    time("encode 1,000 KPIs × 100 readings", 10, || encode(&big));
    time("decode 1,000 KPIs × 100 readings", 10, || decode(&text).unwrap());
}

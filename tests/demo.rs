//! The consultant's demo: reproducible from its seed, and telling the story it promises
//! (seasonality, one KPI improving, one slipping, a month not logged, notes), so every screen and
//! chart has something true to show.

use jiff::civil::date;
use kra_kpi::charts::trend_series;
use kra_kpi::domain::demo::{demo, demo_review_day, DEMO_SEED};
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::id::Id;
use kra_kpi::domain::period::Period;
use kra_kpi::domain::scoring::score_framework;
use kra_kpi::storage::{decode, encode};

fn kpi(fw: &Framework, name: &str) -> Id {
    fw.kpis().iter().find(|k| k.spec.name == name).unwrap_or_else(|| panic!("no KPI {name}")).id
}

fn values(fw: &Framework, name: &str) -> Vec<f64> {
    fw.readings_of(kpi(fw, name)).values().map(|r| r.value).collect()
}

fn mean(xs: &[f64]) -> f64 {
    xs.iter().sum::<f64>() / xs.len() as f64
}

#[test]
fn the_same_seed_gives_the_same_demo_and_another_seed_another() {
    let today = date(2026, 12, 2);
    let a = demo(today, DEMO_SEED).unwrap();
    assert_eq!(a, demo(today, DEMO_SEED).unwrap());
    assert_eq!(encode(&a), encode(&demo(today, DEMO_SEED).unwrap()), "byte-identical when saved");
    assert_ne!(a, demo(today, DEMO_SEED + 1).unwrap());
    assert_eq!(decode(&encode(&a)).unwrap(), a, "it saves and loads back exactly");
}

#[test]
fn twelve_complete_months_ending_last_month_with_one_month_not_logged() {
    let fw = demo(date(2026, 12, 2), DEMO_SEED).unwrap();
    for k in fw.kpis() {
        let series = fw.readings_of(k.id);
        let expected = if k.spec.name == "Client meetings held" { 11 } else { 12 };
        assert_eq!(series.len(), expected, "{}", k.spec.name);
        assert_eq!(*series.first().unwrap().0, date(2025, 12, 1), "{}", k.spec.name);
        assert_eq!(*series.last().unwrap().0, date(2026, 11, 1), "{}", k.spec.name);
    }
    assert!(fw.readings_of(kpi(&fw, "Client meetings held")).get(&date(2026, 6, 1)).is_none(), "June not logged");
    assert_eq!(demo_review_day(date(2026, 12, 2), &fw), date(2026, 11, 1));
}

#[test]
fn the_readings_tell_the_story() {
    let fw = demo(date(2026, 12, 2), DEMO_SEED).unwrap();
    let leads = values(&fw, "Leads converted");
    assert!(mean(&leads[9..]) > 1.2 * mean(&leads[..3]), "leads improve: {leads:?}");
    let retention = values(&fw, "Client retention rate");
    assert!(mean(&retention[9..]) < mean(&retention[..3]) - 3.0, "retention slips: {retention:?}");
    let revenue = values(&fw, "Revenue in the month");
    // Dec 2025 is index 0: Jul/Aug 2026 are 7 and 8, Oct/Nov 2026 are 10 and 11.
    assert!(mean(&revenue[10..12]) > 1.2 * mean(&revenue[7..9]), "festive peak over the monsoon: {revenue:?}");
    assert!(revenue.iter().all(|v| v % 1_000.0 == 0.0), "amounts in whole thousands: {revenue:?}");
    assert!(retention.iter().all(|v| (v * 10.0).round() / 10.0 == *v), "one decimal: {retention:?}");
    let notes = fw.all_readings().filter(|(_, _, r)| !r.note.is_empty()).count();
    assert!(notes >= 5, "a few readings carry notes ({notes})");
}

#[test]
fn every_kpi_scores_and_charts_in_the_review_it_opens_on() {
    let today = date(2026, 12, 2);
    let fw = demo(today, DEMO_SEED).unwrap();
    let period =
        Period::containing(demo_review_day(today, &fw), fw.settings().review_cycle, fw.settings().fiscal_year_start);
    let card = score_framework(&fw, &period, today);
    for k in fw.kpis() {
        assert!(card.kpis[&k.id].score.is_some(), "{} scores in {}", k.spec.name, period.label());
        let series = trend_series(&fw, k.id, 36).unwrap();
        assert!(series.points.iter().filter(|p| p.value.is_some()).count() >= 11, "{} has a full chart", k.spec.name);
    }
    assert!(card.overall.is_some());
}

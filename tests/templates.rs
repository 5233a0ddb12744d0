#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! The template library: every entry builds, its weights add up, it scores, and the
//! sales-executive entry is the framework `template::sales_executive()` always gave.

use std::collections::HashSet;

use jiff::civil::Date;
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::period::Period;
use kra_kpi::domain::scoring::{score_framework, Aggregation};
use kra_kpi::domain::template::{by_key, keys, sales_executive};
use kra_kpi::domain::templates::{find, TemplateDef, LIBRARY};

fn built(t: &TemplateDef) -> Framework {
    t.build().unwrap_or_else(|e| panic!("template {} does not build: {e}", t.key))
}

/// A fixed day, so the test means the same on every date (a Wednesday mid-month, mid-quarter).
fn today() -> Date {
    jiff::civil::date(2026, 11, 18)
}

fn current_period(fw: &Framework, today: Date) -> Period {
    Period::containing(today, fw.settings().review_cycle, fw.settings().fiscal_year_start)
}

fn is_kebab_case(key: &str) -> bool {
    !key.is_empty()
        && key
            .split('-')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()))
}

#[test]
fn every_template_builds_with_unique_kebab_case_keys() {
    assert!(LIBRARY.len() >= 11, "only {} templates", LIBRARY.len());
    let mut seen = HashSet::new();
    for t in LIBRARY {
        assert!(is_kebab_case(t.key), "key {:?} is not kebab-case", t.key);
        assert!(seen.insert(t.key), "key {:?} appears twice", t.key);
        assert!(!t.department.trim().is_empty(), "{} has no department", t.key);
        assert!(!t.name.trim().is_empty() && !t.summary.trim().is_empty(), "{} lacks a name or summary", t.key);
        let fw = built(t);
        assert_eq!(fw.name(), t.name);
        assert_eq!(fw.kras().len(), t.kras.len(), "{}", t.key);
        assert_eq!(fw.kpis().len(), t.kpi_count(), "{}", t.key);
        assert_eq!(fw.reading_count(), 0, "{}", t.key);
        assert_eq!(fw.settings().review_cycle, t.review_cycle, "{}", t.key);
    }
    assert_eq!(keys().collect::<Vec<_>>(), LIBRARY.iter().map(|t| t.key).collect::<Vec<_>>());
}

#[test]
fn every_template_has_two_to_four_kras_of_two_to_four_kpis_with_owners() {
    for t in LIBRARY {
        assert!((2..=4).contains(&t.kras.len()), "{} has {} KRAs", t.key, t.kras.len());
        for kra in t.kras {
            assert!((2..=4).contains(&kra.kpis.len()), "{} / {} has {} KPIs", t.key, kra.name, kra.kpis.len());
            assert!(!kra.owner.trim().is_empty(), "{} / {} has no owner", t.key, kra.name);
            assert!(!kra.description.trim().is_empty(), "{} / {} has no description", t.key, kra.name);
        }
    }
}

#[test]
fn weights_add_up_to_100_at_each_level() {
    for t in LIBRARY {
        let kra_total: f64 = t.kras.iter().map(|k| k.weight).sum();
        assert!((kra_total - 100.0).abs() < 1e-9, "{}: KRA weights add up to {kra_total}", t.key);
        for kra in t.kras {
            let kpi_total: f64 = kra.kpis.iter().map(|k| k.weight).sum();
            assert!((kpi_total - 100.0).abs() < 1e-9, "{} / {}: KPI weights add up to {kpi_total}", t.key, kra.name);
        }
    }
}

#[test]
fn no_percentage_is_summed_and_no_kpi_is_measured_less_often_than_reviewed() {
    for t in LIBRARY {
        for kra in t.kras {
            for kpi in kra.kpis {
                assert!(
                    !(kpi.unit == "%" && kpi.aggregation == Aggregation::Sum),
                    "{} / {}: a percentage is summed",
                    t.key,
                    kpi.name
                );
                // A KPI measured less often than the review cycle would have no reading in most
                // review periods.
                assert!(kpi.frequency <= t.review_cycle, "{} / {}: measured less often than reviewed", t.key, kpi.name);
            }
        }
    }
}

#[test]
fn every_template_scores_empty_and_with_one_reading_per_kpi() {
    let today = today();
    for t in LIBRARY {
        let mut fw = built(t);
        let period = current_period(&fw, today);
        let empty = score_framework(&fw, &period, today);
        assert_eq!(empty.overall, None, "{}", t.key);

        // The period's last day: a weekly KPI's week then begins inside the review period.
        let day = period.last_day();
        let readings: Vec<_> = t.kras.iter().flat_map(|k| k.kpis).map(|k| k.target).collect();
        let ids: Vec<_> = fw.kpis().iter().map(|k| k.id).collect();
        for (id, value) in ids.into_iter().zip(readings) {
            fw.add_reading(id, day, value, "").unwrap_or_else(|e| panic!("{}: {e}", t.key));
        }
        let card = score_framework(&fw, &period, today);
        for kpi in fw.kpis() {
            let score = card.kpis[&kpi.id].score;
            assert!(score.is_some_and(f64::is_finite), "{} / {}: no score", t.key, kpi.spec.name);
        }
        assert!(card.overall.is_some_and(f64::is_finite), "{}: no overall score", t.key);
    }
}

#[test]
fn sales_executive_comes_from_the_library_and_by_key_knows_every_key() {
    assert_eq!(find("sales-executive").unwrap().build().unwrap(), sales_executive());
    for t in LIBRARY {
        let fw = by_key(t.key).unwrap_or_else(|| panic!("by_key({:?}) is None", t.key));
        assert_eq!(fw, built(t));
    }
    assert!(by_key("astronaut").is_none());
    assert!(find("astronaut").is_none());
}

#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! Overdue readings: what is listed as missing for review periods that are over.

use jiff::civil::date;
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::edit::{Edit, ReviewChange};
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::id::Id;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::overdue::{overdue, Missing, Overdue};
use kra_kpi::domain::period::{Frequency, Period};
use kra_kpi::domain::review::{Closure, ReviewKey};
use kra_kpi::domain::scoring::coverage::is_due;
use proptest::prelude::*;

/// Monthly "Leads", quarterly "Audit" and weekly "Calls", with one Leads reading in Aug 2026.
fn framework() -> (Framework, [Id; 3]) {
    let mut fw = Framework::new("Ops");
    let kra = fw.add_kra(KraDraft::new("Ops", 100.0)).unwrap();
    let up = |name: &str, frequency| KpiSpec { frequency, ..KpiSpec::new(name, "", Direction::HigherIsBetter, 10.0) };
    let leads = fw.add_kpi(kra, up("Leads", Frequency::Monthly)).unwrap();
    let audit = fw.add_kpi(kra, up("Audit", Frequency::Quarterly)).unwrap();
    let calls = fw.add_kpi(kra, up("Calls", Frequency::Weekly)).unwrap();
    fw.add_reading(leads, date(2026, 8, 3), 9.0, "").unwrap();
    (fw, [leads, audit, calls])
}

fn month(m: i8) -> Period {
    Period::containing(date(2026, m, 1), Frequency::Monthly, Default::default())
}

fn names(fw: &Framework, ids: impl Iterator<Item = Id>) -> Vec<String> {
    ids.map(|id| fw.kpi(id).unwrap().spec.name.clone()).collect()
}

#[test]
fn due_kpis_without_a_reading_are_listed_per_ended_period_most_recent_first() {
    let (fw, [_, _, calls]) = framework();
    let due = overdue(&fw, date(2026, 12, 3), 3);
    let periods: Vec<String> = due.iter().map(|o| o.review.label()).collect();
    assert_eq!(periods, ["Nov 2026", "Oct 2026", "Sep 2026"], "December is in progress, not overdue");
    // The quarterly audit is due only in October, where its quarter starts.
    assert_eq!(names(&fw, due[0].missing.iter().map(|m| m.kpi)), ["Leads", "Calls"]);
    assert_eq!(names(&fw, due[1].missing.iter().map(|m| m.kpi)), ["Leads", "Audit", "Calls"]);
    // A weekly KPI is entered for its first week starting inside the month (Mon 2 Nov).
    let nov_calls = due[0].missing.iter().find(|m| m.kpi == calls).unwrap();
    assert_eq!(nov_calls.period.start(), date(2026, 11, 2));
    // With a limit of one period, only November.
    assert_eq!(overdue(&fw, date(2026, 12, 3), 1).len(), 1);
}

#[test]
fn nothing_before_the_first_reading_and_nothing_for_a_new_scorecard() {
    let (fw, _) = framework();
    let due = overdue(&fw, date(2026, 12, 3), 12);
    assert_eq!(due.last().unwrap().review.label(), "Aug 2026", "August holds the first reading");
    let empty = Framework::new("New");
    assert!(overdue(&empty, date(2026, 12, 3), 3).is_empty());
}

#[test]
fn entered_na_and_closed_periods_are_not_reminded() {
    let (mut fw, [leads, audit, calls]) = framework();
    fw.add_reading(leads, date(2026, 11, 5), 9.0, "").unwrap();
    fw.add_reading(calls, date(2026, 11, 16), 9.0, "").unwrap();
    let due = overdue(&fw, date(2026, 12, 3), 3);
    assert_eq!(due[0].review.label(), "Oct 2026", "November is complete");
    // N/A for October: the audit is not missing there.
    let key = ReviewKey::of(&month(10));
    fw.apply(Edit::SetReview { key, change: ReviewChange::NotApplicable { kpi: audit, yes: true } }).unwrap();
    let due = overdue(&fw, date(2026, 12, 3), 3);
    assert_eq!(names(&fw, due[0].missing.iter().map(|m| m.kpi)), ["Leads", "Calls"]);
    // A closed review cannot take readings: September drops out.
    let closure = Closure { on: date(2026, 10, 2), overall: None, kras: Default::default() };
    fw.apply(Edit::CloseReview { key: ReviewKey::of(&month(9)), closure }).unwrap();
    let periods: Vec<String> = overdue(&fw, date(2026, 12, 3), 3).iter().map(|o| o.review.label()).collect();
    assert_eq!(periods, ["Oct 2026", "Aug 2026"]);
}

#[test]
fn missing_readings_are_listed_kra_by_kra_whatever_order_the_kpis_were_added_in() {
    let mut fw = Framework::new("Two KRAs");
    let sales = fw.add_kra(KraDraft::new("Sales", 50.0)).unwrap();
    let service = fw.add_kra(KraDraft::new("Service", 50.0)).unwrap();
    let kpi = |name: &str| KpiSpec::new(name, "", Direction::HigherIsBetter, 10.0);
    // Added alternately, so the KPI list interleaves the two KRAs.
    let tickets = fw.add_kpi(service, kpi("Tickets")).unwrap();
    fw.add_kpi(sales, kpi("Leads")).unwrap();
    fw.add_kpi(service, kpi("Callbacks")).unwrap();
    fw.add_kpi(sales, kpi("Deals")).unwrap();
    fw.add_reading(tickets, date(2026, 10, 3), 9.0, "").unwrap();
    let due = overdue(&fw, date(2026, 12, 3), 1);
    assert_eq!(names(&fw, due[0].missing.iter().map(|m| m.kpi)), ["Leads", "Deals", "Tickets", "Callbacks"]);
    // Moving Service above Sales moves its KPIs first.
    fw.apply(Edit::MoveKra { id: service, offset: -1 }).unwrap();
    let due = overdue(&fw, date(2026, 12, 3), 1);
    assert_eq!(names(&fw, due[0].missing.iter().map(|m| m.kpi)), ["Tickets", "Callbacks", "Leads", "Deals"]);
}

#[test]
fn a_later_reading_does_not_cover_an_earlier_period() {
    let (mut fw, [leads, _, _]) = framework();
    fw.add_reading(leads, date(2026, 11, 20), 11.0, "").unwrap();
    let due = overdue(&fw, date(2026, 12, 3), 3);
    let missing_leads = |label: &str| {
        due.iter().find(|o| o.review.label() == label).is_some_and(|o| o.missing.iter().any(|m| m.kpi == leads))
    };
    assert!(!missing_leads("Nov 2026"), "November has its reading");
    assert!(missing_leads("Oct 2026"), "November's reading does not count for October");
    assert!(missing_leads("Sep 2026"));
}

/// The definition, written out the slow way: each period looked at, each KPI, a search each.
fn overdue_by_definition(fw: &Framework, today: jiff::civil::Date, limit: usize) -> Vec<Overdue> {
    let s = fw.settings();
    let Some(first) = fw.first_reading_start() else { return Vec::new() };
    let mut kpis = Vec::new();
    for kra in fw.kras() {
        kpis.extend(fw.kpis_of(kra.id));
    }
    let mut found = Vec::new();
    let mut review = Period::containing(today, s.review_cycle, s.fiscal_year_start).previous();
    for _ in 0..12 {
        if found.len() >= limit || review.end() <= first {
            break;
        }
        if !fw.review(&review).is_some_and(|r| r.is_closed()) {
            let missing: Vec<Missing> = kpis
                .iter()
                .filter(|k| is_due(k.spec.frequency, &review) && !fw.is_not_applicable(k.id, &review))
                .filter(|k| fw.readings_in(k.id, &review).next().is_none())
                .map(|k| {
                    let own = Period::containing(review.start(), k.spec.frequency, s.fiscal_year_start);
                    Missing { kpi: k.id, period: if own.start() < review.start() { own.next() } else { own } }
                })
                .collect();
            if !missing.is_empty() {
                found.push(Overdue { review, missing });
            }
        }
        review = review.previous();
    }
    found
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    /// The one-pass search gives exactly what the definition gives, for KPIs of every frequency
    /// in two KRAs, scattered readings, N/A marks, review cycles and fiscal years.
    #[test]
    fn the_one_pass_search_matches_the_definition(
        kpis in prop::collection::vec((0usize..2, prop::sample::select(Frequency::ALL.to_vec())), 1..7),
        readings in prop::collection::vec((0usize..7, 0i32..800), 0..40),
        marks in prop::collection::vec((0usize..7, 0i32..800), 0..4),
        cycle in prop::sample::select(Frequency::ALL.to_vec()),
        fiscal in 1i8..=12,
        today in 0i32..800,
        limit in 1usize..5,
    ) {
        let day = |n: i32| date(2025, 1, 1).checked_add(jiff::Span::new().days(i64::from(n))).unwrap();
        let mut fw = Framework::new("Random");
        let settings = kra_kpi::domain::scoring::ScoringSettings {
            review_cycle: cycle,
            fiscal_year_start: kra_kpi::domain::period::FiscalYearStart::new(fiscal).unwrap(),
            ..Default::default()
        };
        fw.set_settings(settings).unwrap();
        let kras = [fw.add_kra(KraDraft::new("A", 50.0)).unwrap(), fw.add_kra(KraDraft::new("B", 50.0)).unwrap()];
        let ids: Vec<Id> = kpis
            .iter()
            .enumerate()
            .map(|(i, &(kra, frequency))| {
                let spec = KpiSpec { frequency, ..KpiSpec::new(&format!("K{i}"), "", Direction::HigherIsBetter, 10.0) };
                fw.add_kpi(kras[kra], spec).unwrap()
            })
            .collect();
        for (k, n) in readings {
            let _ = fw.add_reading(ids[k % ids.len()], day(n), 1.0, "");
        }
        for (k, n) in marks {
            let s = fw.settings();
            let key = ReviewKey::of(&Period::containing(day(n), s.review_cycle, s.fiscal_year_start));
            let _ = fw.apply(Edit::SetReview { key, change: ReviewChange::NotApplicable { kpi: ids[k % ids.len()], yes: true } });
        }
        prop_assert_eq!(overdue(&fw, day(today), limit), overdue_by_definition(&fw, day(today), limit));
    }
}

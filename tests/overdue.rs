#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! Overdue readings: what is listed as missing for review periods that are over.

use jiff::civil::date;
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::edit::{Edit, ReviewChange};
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::id::Id;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::overdue::overdue;
use kra_kpi::domain::period::{Frequency, Period};
use kra_kpi::domain::review::{Closure, ReviewKey};

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

//! Coverage: "4 of 6 KPIs reported", the weight behind a score, and periods in progress.

use jiff::civil::{date, Date};
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::edit::{Edit, ReviewChange};
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::id::Id;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::period::{Frequency, Period};
use kra_kpi::domain::review::ReviewKey;
use kra_kpi::domain::scoring::{score_framework, Scorecard};

fn spec(name: &str, weight: f64) -> KpiSpec {
    let mut s = KpiSpec::new(name, "units", Direction::HigherIsBetter, 10.0);
    s.weight = weight;
    s
}

fn month(fw: &Framework, day: Date) -> Period {
    Period::containing(day, Frequency::Monthly, fw.settings().fiscal_year_start)
}

fn card(fw: &Framework, day: Date, today: Date) -> Scorecard {
    score_framework(fw, &month(fw, day), today)
}

/// Two KRAs (70 / 30); the first has KPIs of weight 60 and 40, the second one KPI.
fn framework() -> (Framework, [Id; 3]) {
    let mut fw = Framework::new("Coverage");
    let a = fw.add_kra(KraDraft::new("Revenue", 70.0)).unwrap();
    let b = fw.add_kra(KraDraft::new("Service", 30.0)).unwrap();
    let leads = fw.add_kpi(a, spec("Leads", 60.0)).unwrap();
    let deals = fw.add_kpi(a, spec("Deals", 40.0)).unwrap();
    let nps = fw.add_kpi(b, spec("NPS", 100.0)).unwrap();
    (fw, [leads, deals, nps])
}

#[test]
fn one_reading_of_three_is_a_full_score_on_a_minority_of_the_weight() {
    let (mut fw, [leads, ..]) = framework();
    fw.add_reading(leads, date(2026, 10, 1), 10.0, "").unwrap();
    let c = card(&fw, date(2026, 10, 1), date(2026, 12, 3));
    assert_eq!(c.overall, Some(100.0));
    assert_eq!(c.coverage.describe(), "1 of 3 KPIs reported");
    // Leads carries 60 % of Revenue, which carries 70 % of the scorecard.
    assert!((c.coverage.weight - 42.0).abs() < 1e-9, "{}", c.coverage.weight);
    assert!(c.coverage.is_minority());
    assert!(c.steps.iter().any(|s| s == "1 of 3 KPIs reported, carrying 42 % of the weight."), "{:?}", c.steps);
    let kras: Vec<String> = c.kras.values().map(|k| k.coverage.describe()).collect();
    assert_eq!(kras, ["1 of 2 KPIs reported", "0 of 1 KPI reported"]);
}

#[test]
fn a_complete_period_is_not_flagged_and_says_nothing_extra() {
    let (mut fw, ids) = framework();
    for id in ids {
        fw.add_reading(id, date(2026, 10, 1), 8.0, "").unwrap();
    }
    let c = card(&fw, date(2026, 10, 1), date(2026, 12, 3));
    assert_eq!(c.coverage.describe(), "3 of 3 KPIs reported");
    assert_eq!(c.coverage.weight, 100.0);
    assert!(c.coverage.is_complete() && !c.coverage.is_minority());
    assert!(!c.steps.iter().any(|s| s.contains("KPIs reported")));
}

#[test]
fn a_majority_of_the_weight_is_not_a_minority() {
    let (mut fw, [leads, deals, _]) = framework();
    fw.add_reading(leads, date(2026, 10, 1), 8.0, "").unwrap();
    fw.add_reading(deals, date(2026, 10, 1), 8.0, "").unwrap();
    let c = card(&fw, date(2026, 10, 1), date(2026, 12, 3));
    assert_eq!(c.coverage.describe(), "2 of 3 KPIs reported");
    assert!((c.coverage.weight - 70.0).abs() < 1e-9);
    assert!(!c.coverage.is_minority());
}

#[test]
fn not_applicable_and_not_yet_due_kpis_are_not_counted_as_missing() {
    let (mut fw, [leads, deals, _]) = framework();
    let service = fw.kras()[1].id;
    let mut quarterly = spec("Audit", 50.0);
    quarterly.frequency = Frequency::Quarterly;
    let audit = fw.add_kpi(service, quarterly).unwrap();
    let churn = fw.add_kpi(service, spec("Churn", 50.0)).unwrap();
    // Not applicable in November only (marked in that month's review).
    let november = Period::containing(date(2026, 11, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
    let change = ReviewChange::NotApplicable { kpi: churn, yes: true };
    fw.apply(Edit::SetReview { key: ReviewKey::of(&november), change }).unwrap();
    fw.add_reading(leads, date(2026, 11, 1), 8.0, "").unwrap();
    fw.add_reading(deals, date(2026, 11, 1), 8.0, "").unwrap();
    // November is inside the quarter that began in October: the audit is not due.
    let nov = card(&fw, date(2026, 11, 1), date(2026, 12, 3));
    assert_eq!(nov.coverage.describe(), "2 of 3 KPIs reported");
    // October starts the quarter: the audit is due, and missing.
    fw.add_reading(leads, date(2026, 10, 1), 8.0, "").unwrap();
    // Churn counts again in October, where it was not marked N/A.
    let oct = card(&fw, date(2026, 10, 1), date(2026, 12, 3));
    assert_eq!(oct.coverage.describe(), "1 of 5 KPIs reported");
    fw.add_reading(audit, date(2026, 10, 1), 8.0, "").unwrap();
    let oct = card(&fw, date(2026, 10, 1), date(2026, 12, 3));
    assert_eq!(oct.coverage.describe(), "2 of 5 KPIs reported");
}

#[test]
fn the_period_containing_today_is_in_progress() {
    let (mut fw, [leads, ..]) = framework();
    fw.add_reading(leads, date(2026, 12, 1), 3.0, "").unwrap();
    assert!(card(&fw, date(2026, 12, 1), date(2026, 12, 3)).in_progress);
    assert!(!card(&fw, date(2026, 11, 1), date(2026, 12, 3)).in_progress);
    assert!(!card(&fw, date(2026, 12, 1), date(2027, 1, 1)).in_progress);
}

#[test]
fn an_empty_scorecard_has_nothing_due() {
    let fw = Framework::new("Empty");
    let c = card(&fw, date(2026, 10, 1), date(2026, 12, 3));
    assert_eq!(c.coverage.describe(), "No KPI is due in this period");
    assert!(!c.coverage.is_minority());
}

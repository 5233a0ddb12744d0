#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! This period against the previous one: deltas in points, biggest movers first.

use jiff::civil::date;
use kra_kpi::domain::movers::movers;
use kra_kpi::domain::period::{Frequency, Period};
use kra_kpi::domain::scoring::score_framework;
use kra_kpi::domain::template::sales_executive;

#[test]
fn movers_are_ranked_by_the_size_of_their_change_either_way() {
    let mut fw = sales_executive();
    let id = |name: &str| fw.kpis().iter().find(|k| k.spec.name == name).unwrap().id;
    let (leads, deal, retention) = (id("Leads converted"), id("Average deal size"), id("Client retention rate"));
    let oct = Period::containing(date(2026, 10, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
    fw.add_reading(leads, date(2026, 10, 5), 40.0, "").unwrap(); // 80 %
    fw.add_reading(leads, date(2026, 11, 5), 45.0, "").unwrap(); // 90 %: up 10
    let target = fw.kpi(deal).unwrap().spec.target.target_for(&oct);
    fw.add_reading(deal, date(2026, 10, 5), target, "").unwrap(); // 100 %
    fw.add_reading(deal, date(2026, 11, 5), target * 0.7, "").unwrap(); // 70 %: down 30
    fw.add_reading(retention, date(2026, 11, 5), 90.0, "").unwrap(); // new in November
    let (nov, today) = (oct.next(), date(2026, 12, 3));
    let m = movers(&fw, &score_framework(&fw, &nov, today), &score_framework(&fw, &oct, today));
    let order: Vec<&str> = m.kpis.iter().map(|k| k.name.as_str()).collect();
    assert_eq!(&order[..2], ["Average deal size", "Leads converted"], "30 points down before 10 up");
    assert!((m.kpis[0].delta().unwrap() + 30.0).abs() < 1e-9);
    let new = m.kpis.iter().find(|k| k.id == retention).unwrap();
    assert_eq!((new.before, new.delta()), (None, None));
    assert!(new.now.is_some());
    assert!(order[2..].contains(&"Client retention rate"), "no change to compare: after those that moved");
    assert_eq!(m.kpis[0].kra, "Achieve monthly revenue targets");
    // The overall and each KRA compare the same way.
    assert_eq!(m.overall.now, score_framework(&fw, &nov, today).overall);
    assert_eq!(m.kras.len(), fw.kras().len());
}

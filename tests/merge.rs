#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! Merging another copy's readings: matched by names, not ids; a renamed KRA still finds its
//! KPIs; KPIs the scorecard lacks are left out with a reason; notes are kept; one undo.

use jiff::civil::{date, Date};
use kra_kpi::domain::demo::demo;
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::edit::Edit;
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::period::Frequency;
use kra_kpi::domain::reading_batch::{Refusal, Tally};
use kra_kpi::exchange::merge::merge_readings;

const TODAY: Date = date(2026, 12, 2);

#[test]
fn readings_match_by_name_even_when_ids_differ_and_a_kra_was_renamed() {
    let source = demo(TODAY, 7).unwrap();
    // Built in another order: every id differs from the source's.
    let mut target = Framework::new("Laptop");
    target.add_kra(KraDraft::new("Unrelated", 10.0)).unwrap();
    for kra in source.kras().iter().rev() {
        let name = if kra.id == source.kras()[0].id { format!("{} (renamed)", kra.name) } else { kra.name.clone() };
        let id = target.add_kra(KraDraft::new(&name, kra.weight)).unwrap();
        for kpi in source.kpis_of(kra.id) {
            target.add_kpi(id, kpi.spec.clone()).unwrap();
        }
    }
    let plan = merge_readings(&source, &target, TODAY);
    assert_eq!(plan.tally(), Tally { added: source.reading_count(), ..Tally::default() });
    let before = target.clone();
    let applied = target.apply(plan.edit(false).unwrap()).unwrap();
    assert_eq!(target.reading_count(), source.reading_count());
    target.apply(applied.inverse).unwrap();
    assert_eq!(target, before);
}

#[test]
fn missing_kpis_are_left_out_notes_are_kept_and_refiled_periods_do_not_collide() {
    let mut source = Framework::new("Phone");
    let kra = source.add_kra(KraDraft::new("Health", 100.0)).unwrap();
    let steps = source.add_kpi(kra, KpiSpec::new("Steps", "steps", Direction::HigherIsBetter, 8000.0)).unwrap();
    let sleep = source.add_kpi(kra, KpiSpec::new("Sleep", "h", Direction::HigherIsBetter, 7.0)).unwrap();
    for month in 9..=11 {
        source.add_reading(steps, date(2026, month, 1), 7000.0 + f64::from(month), "").unwrap();
    }
    source.add_reading(sleep, date(2026, 11, 1), 6.5, "").unwrap();

    let mut target = Framework::new("Laptop");
    let kra = target.add_kra(KraDraft::new("Health", 100.0)).unwrap();
    let mut quarterly = KpiSpec::new("Steps", "steps", Direction::HigherIsBetter, 8000.0);
    quarterly.frequency = Frequency::Quarterly;
    let t_steps = target.add_kpi(kra, quarterly).unwrap();
    target.add_reading(t_steps, date(2026, 7, 1), 7009.0, "holiday").unwrap();

    let plan = merge_readings(&source, &target, TODAY);
    let reasons: Vec<String> =
        plan.entries.iter().map(|e| e.as_ref().err().map(ToString::to_string).unwrap_or_default()).collect();
    // September files into Q3, which has the same value: unchanged, and its note stays.
    assert_eq!(
        reasons,
        ["", "", "a reading for Q4 2026 comes earlier in the same batch", "no KPI is called \"Sleep\""]
    );
    assert_eq!(plan.tally(), Tally { added: 1, replaced: 0, unchanged: 1, refused: 2 });
    assert!(matches!(plan.entries[3], Err(Refusal::UnknownKpi { .. })));
    let Some(Edit::Batch { edits }) = plan.edit(false) else { panic!("one batch") };
    assert_eq!(edits.len(), 1);
    target.apply(Edit::Batch { edits }).unwrap();
    assert_eq!(target.reading(t_steps, date(2026, 7, 1)).unwrap().note, "holiday");
    assert_eq!(target.reading(t_steps, date(2026, 10, 1)).unwrap().value, 7010.0);
}

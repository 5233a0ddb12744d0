#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! Two tabs open the same saved scorecard. Tab A saves first; tab B's unsaved edits are then
//! re-applied on A's save with `rebase`, so that neither tab's work is lost, and what can no
//! longer apply is dropped with its reason.

use jiff::civil::date;
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::edit::Edit;
use kra_kpi::domain::error::ValidationError;
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::history::History;
use kra_kpi::domain::id::Id;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::rebase::{rebase, PendingEdit};
use kra_kpi::domain::template::sales_executive;
use kra_kpi::storage::{decode, encode};

/// The saved state both tabs opened: the sales template, saved and read back.
fn saved() -> String {
    encode(&sales_executive())
}

/// A tab: the framework it opened, its unsaved edits and its undo history.
struct Tab {
    fw: Framework,
    pending: Vec<PendingEdit>,
    history: History,
}

impl Tab {
    fn open(saved: &str) -> Tab {
        Tab { fw: decode(saved).unwrap(), pending: Vec::new(), history: History::new(100) }
    }

    /// Applies an edit as the UI does: keeps it as pending and its inverse for undo.
    fn edit(&mut self, edit: Edit) -> Vec<Id> {
        let applied = self.fw.apply(edit.clone()).unwrap();
        self.history.record(applied.inverse);
        self.pending.push(PendingEdit { edit, created: applied.created.clone() });
        applied.created
    }

    /// Saves: the text another tab will find.
    fn save(&mut self) -> String {
        self.pending.clear();
        encode(&self.fw)
    }
}

fn first_kpi(fw: &Framework) -> Id {
    fw.kpis()[0].id
}

fn reading(kpi: Id, month: i8, value: f64) -> Edit {
    Edit::AddReading { kpi, day: date(2026, month, 10), value, note: String::new() }
}

fn new_kpi(name: &str) -> KpiSpec {
    KpiSpec::new(name, "", Direction::HigherIsBetter, 10.0)
}

#[test]
fn a_reading_in_one_tab_and_a_new_kra_with_a_kpi_in_the_other_are_both_kept() {
    let saved = saved();
    let (mut a, mut b) = (Tab::open(&saved), Tab::open(&saved));
    let revenue = first_kpi(&a.fw);
    a.edit(reading(revenue, 11, 450_000.0));
    let a_saved = a.save();

    let kra = b.edit(Edit::AddKra { draft: KraDraft::new("Service", 20.0) })[0];
    let kpi = b.edit(Edit::AddKpi { kra, spec: new_kpi("Tickets closed") })[0];
    b.edit(reading(kpi, 11, 12.0));

    let rebased = rebase(decode(&a_saved).unwrap(), b.pending, &b.fw);
    assert!(rebased.dropped.is_empty(), "{:?}", rebased.dropped);
    assert!(rebased.remap.is_empty(), "A handed out no ids, so B's keep theirs");
    assert_eq!(rebased.kept.len(), 3);
    let fw = &rebased.framework;
    assert_eq!(fw.reading(revenue, date(2026, 11, 1)).map(|r| r.value), Some(450_000.0), "A's reading");
    assert_eq!(fw.kra(kra).map(|k| k.name.as_str()), Some("Service"), "B's KRA");
    assert_eq!(fw.kpi(kpi).map(|k| k.kra), Some(kra), "B's KPI, under B's KRA");
    assert_eq!(fw.reading(kpi, date(2026, 11, 1)).map(|r| r.value), Some(12.0), "B's reading");
    assert_eq!(fw.check_integrity(), Ok(()));
}

#[test]
fn when_both_tabs_add_a_kra_the_second_gets_a_fresh_id_and_its_kpi_follows_it() {
    let saved = saved();
    let (mut a, mut b) = (Tab::open(&saved), Tab::open(&saved));
    let a_kra = a.edit(Edit::AddKra { draft: KraDraft::new("Compliance", 10.0) })[0];
    let a_saved = a.save();

    let b_kra = b.edit(Edit::AddKra { draft: KraDraft::new("Service", 20.0) })[0];
    assert_eq!(a_kra, b_kra, "both tabs handed out the same id");
    let b_kpi = b.edit(Edit::AddKpi { kra: b_kra, spec: new_kpi("Tickets closed") })[0];
    b.edit(reading(b_kpi, 11, 12.0));

    let rebased = rebase(decode(&a_saved).unwrap(), b.pending, &b.fw);
    assert!(rebased.dropped.is_empty(), "{:?}", rebased.dropped);
    let fw = &rebased.framework;
    let service = fw.kras().iter().find(|k| k.name == "Service").unwrap().id;
    assert_ne!(service, a_kra, "B's KRA was given a fresh id");
    assert_eq!(fw.kra(a_kra).map(|k| k.name.as_str()), Some("Compliance"), "A's KRA keeps its id");
    assert_eq!(rebased.remap.get(&b_kra), Some(&service));
    // B's later edits follow the new id: the KPI went to B's KRA, and the reading to that KPI.
    let tickets = fw.kpis().iter().find(|k| k.spec.name == "Tickets closed").unwrap();
    assert_eq!(tickets.kra, service);
    assert_eq!(fw.readings_of(tickets.id).len(), 1);
    assert_eq!(fw.kpis_of(a_kra).count(), 0, "nothing of B's landed under A's KRA");
    // The kept edits are rewritten too, ready to be re-based again if a third save comes in.
    assert_eq!(rebased.kept[0].created, vec![service]);
    assert_eq!(rebased.kept[1].edit, Edit::AddKpi { kra: service, spec: new_kpi("Tickets closed") });
    assert_eq!(fw.check_integrity(), Ok(()));

    // B's undo history, remapped, takes out B's work and leaves A's alone.
    let mut fw = rebased.framework.clone();
    let mut history = b.history;
    history.remap(&rebased.remap);
    while let Some(step) = history.undo(&mut fw) {
        step.unwrap();
    }
    assert!(fw.same_content(&decode(&a_saved).unwrap()), "undoing all of B's edits gives back A's save");
}

#[test]
fn an_edit_to_a_kpi_the_other_tab_deleted_is_dropped_and_the_rest_kept() {
    let saved = saved();
    let (mut a, mut b) = (Tab::open(&saved), Tab::open(&saved));
    let (deal_size, leads) = (a.fw.kpis()[2].id, a.fw.kpis()[1].id);
    a.edit(Edit::DeleteKpi { id: deal_size });
    let a_saved = a.save();

    let spec = KpiSpec { weight: 25.0, ..b.fw.kpi(deal_size).unwrap().spec.clone() };
    b.edit(Edit::UpdateKpi { id: deal_size, spec });
    b.edit(reading(leads, 11, 42.0));
    b.edit(Edit::Rename { name: "Sales executive – Priya".into() });

    let rebased = rebase(decode(&a_saved).unwrap(), b.pending, &b.fw);
    assert_eq!(rebased.dropped.len(), 1);
    assert_eq!(rebased.dropped[0].reason, ValidationError::UnknownItem { what: "KPI" });
    assert_eq!(rebased.dropped[0].description, "edit the KPI \"Average deal size\"");
    assert_eq!(rebased.kept.len(), 2);
    let fw = &rebased.framework;
    assert!(fw.kpi(deal_size).is_none(), "A's delete stands");
    assert_eq!(fw.reading(leads, date(2026, 11, 1)).map(|r| r.value), Some(42.0));
    assert_eq!(fw.name(), "Sales executive – Priya");
}

#[test]
fn a_reading_for_a_period_the_other_tab_filled_is_dropped() {
    let saved = saved();
    let (mut a, mut b) = (Tab::open(&saved), Tab::open(&saved));
    let leads = a.fw.kpis()[1].id;
    a.edit(reading(leads, 11, 42.0));
    let a_saved = a.save();

    b.edit(Edit::AddReading { kpi: leads, day: date(2026, 11, 25), value: 40.0, note: String::new() });
    b.edit(reading(leads, 12, 47.0));

    let rebased = rebase(decode(&a_saved).unwrap(), b.pending, &b.fw);
    assert_eq!(rebased.dropped.len(), 1);
    assert_eq!(
        rebased.dropped[0].reason,
        ValidationError::DuplicateReading { kpi: "Leads converted".into(), period: "Nov 2026".into() }
    );
    assert_eq!(rebased.dropped[0].description, "add a reading of 40 to the KPI \"Leads converted\" for Nov 2026");
    let fw = &rebased.framework;
    assert_eq!(fw.reading(leads, date(2026, 11, 1)).map(|r| r.value), Some(42.0), "A's reading stands");
    assert_eq!(fw.reading(leads, date(2026, 12, 1)).map(|r| r.value), Some(47.0), "B's December reading is kept");
}

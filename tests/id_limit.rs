#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! The id counter stops at `Id::MAX` (2⁵³ − 1) instead of wrapping: the last id is handed out
//! once, every later add is refused with `IdsExhausted` and changes nothing, and no id is ever
//! handed out twice.

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
use serde_json::{json, Value};

/// One KRA (id 1) with one KPI (id 2), saved with the counter at `next_id` and read back.
fn decoded_with_counter(next_id: u64) -> Framework {
    let mut fw = Framework::new("Near the limit");
    let kra = fw.add_kra(KraDraft::new("Sales", 100.0)).unwrap();
    fw.add_kpi(kra, KpiSpec::new("Leads", "leads", Direction::HigherIsBetter, 50.0)).unwrap();
    let mut v: Value = serde_json::from_str(&encode(&fw)).unwrap();
    v["framework"]["next_id"] = json!(next_id);
    decode(&v.to_string()).unwrap()
}

#[test]
fn id_max_is_the_largest_integer_javascript_holds_exactly() {
    assert_eq!(Id::MAX, Id(9_007_199_254_740_991));
    assert_eq!(Id::MAX.0 as f64 as u64, Id::MAX.0);
}

#[test]
fn the_last_id_is_handed_out_once_and_the_next_add_is_refused() {
    let mut fw = decoded_with_counter(Id::MAX.0);
    let last = fw.add_kra(KraDraft::new("Service", 10.0)).unwrap();
    assert_eq!(last, Id::MAX);
    assert_eq!(fw.next_id(), Id::MAX.0 + 1);

    let before = fw.clone();
    assert_eq!(fw.add_kra(KraDraft::new("Quality", 10.0)), Err(ValidationError::IdsExhausted));
    assert_eq!(
        fw.add_kpi(last, KpiSpec::new("Tickets", "", Direction::HigherIsBetter, 5.0)),
        Err(ValidationError::IdsExhausted)
    );
    let batch = Edit::Batch {
        edits: vec![Edit::Rename { name: "Renamed".into() }, Edit::AddKra { draft: KraDraft::new("Quality", 10.0) }],
    };
    assert_eq!(fw.apply(batch), Err(ValidationError::IdsExhausted));
    assert_eq!(fw, before, "the refused adds changed nothing");
    assert_eq!(
        ValidationError::IdsExhausted.to_string(),
        "No more KRAs or KPIs can be added to this scorecard: its id counter has reached its limit. Start a new scorecard."
    );

    // Everything but adding still works.
    let kpi = fw.kpis()[0].id;
    fw.add_reading(kpi, date(2026, 11, 3), 42.0, "").unwrap();
    fw.update_kra(last, KraDraft::new("Customer service", 10.0)).unwrap();
    assert_eq!(fw.check_integrity(), Ok(()));
    // And the full counter is saved and read back.
    assert_eq!(decode(&encode(&fw)), Ok(fw));
}

#[test]
fn undo_and_redo_at_the_limit_put_back_the_same_id_and_hand_out_none() {
    let mut fw = decoded_with_counter(Id::MAX.0);
    let mut history = History::new(10);
    let applied = fw.apply(Edit::AddKra { draft: KraDraft::new("Service", 10.0) }).unwrap();
    assert_eq!(applied.created, vec![Id::MAX]);
    history.record(applied.inverse);
    history.undo(&mut fw).unwrap().unwrap();
    assert!(fw.kra(Id::MAX).is_none());
    assert_eq!(fw.next_id(), Id::MAX.0 + 1, "undo does not rewind the counter");
    assert_eq!(
        fw.add_kra(KraDraft::new("Quality", 10.0)),
        Err(ValidationError::IdsExhausted),
        "so the id is not reused"
    );
    history.redo(&mut fw).unwrap().unwrap();
    assert_eq!(fw.kra(Id::MAX).map(|k| k.name.as_str()), Some("Service"), "redo puts back the very same KRA");
    assert_eq!(fw.check_integrity(), Ok(()));
}

#[test]
fn an_item_with_an_id_beyond_the_limit_cannot_be_put_in() {
    let mut fw = decoded_with_counter(Id::MAX.0);
    let before = fw.clone();
    let mut kra = sales_executive().kras()[0].clone();
    kra.id = Id(Id::MAX.0 + 1);
    let insert = Edit::InsertKra { kra, at: 0, kpis: Vec::new() };
    assert_eq!(fw.apply(insert), Err(ValidationError::IdInUse { id: Id(Id::MAX.0 + 1) }));
    assert_eq!(fw, before);
}

#[test]
fn a_template_loaded_at_the_limit_keeps_the_counter_at_the_limit() {
    let mut fw = decoded_with_counter(Id::MAX.0 + 1);
    fw.apply(Edit::Replace { framework: Box::new(sales_executive()) }).unwrap();
    assert_eq!(fw.next_id(), Id::MAX.0 + 1, "the template's small counter does not bring old ids back");
    assert_eq!(fw.add_kra(KraDraft::new("Service", 10.0)), Err(ValidationError::IdsExhausted));
}

#[test]
fn an_add_from_another_tab_at_the_limit_is_dropped_not_given_a_reused_id() {
    let base = decoded_with_counter(Id::MAX.0 + 1);
    let pending =
        vec![PendingEdit { edit: Edit::AddKra { draft: KraDraft::new("Service", 10.0) }, created: vec![Id(3)] }];
    let rebased = rebase(base.clone(), pending, &base);
    assert_eq!(rebased.dropped.len(), 1);
    assert_eq!(rebased.dropped[0].reason, ValidationError::IdsExhausted);
    assert_eq!(rebased.framework, base);
}

#[test]
fn ids_handed_out_up_to_the_limit_are_all_different() {
    let mut fw = decoded_with_counter(Id::MAX.0 - 5);
    let mut ids = vec![Id(1), Id(2)];
    loop {
        match fw.add_kra(KraDraft::new("KRA", 1.0)) {
            Ok(id) => ids.push(id),
            Err(e) => {
                assert_eq!(e, ValidationError::IdsExhausted);
                break;
            }
        }
    }
    assert_eq!(ids.len(), 2 + 6, "Id::MAX − 5 up to Id::MAX");
    let mut unique = ids.clone();
    unique.sort();
    unique.dedup();
    assert_eq!(unique, ids);
    assert_eq!(fw.check_integrity(), Ok(()));
}

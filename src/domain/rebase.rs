//! Keeping every tab's work: re-applying this tab's unsaved edits on top of newer saved data.

use super::ordered::Map;

use super::edit::Edit;
use super::error::ValidationError;
use super::framework::Framework;
use super::id::Id;

/// An edit committed in this tab but not yet saved, with the ids it handed out.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingEdit {
    pub edit: Edit,
    pub created: Vec<Id>,
}

/// One of this tab's edits that no longer applies to the newer data.
#[derive(Clone, Debug, PartialEq)]
pub struct Dropped {
    /// What the edit did, in words ("add a reading of 42 to the KPI \"Leads\" for Nov 2026").
    pub description: String,
    /// Why it could not be kept.
    pub reason: ValidationError,
}

/// The outcome of [`rebase`].
#[derive(Clone, Debug, PartialEq)]
pub struct Rebased {
    /// The newer data with this tab's edits re-applied.
    pub framework: Framework,
    /// The edits that were re-applied, as applied (ids rewritten), still unsaved.
    pub kept: Vec<PendingEdit>,
    /// The edits that were not.
    pub dropped: Vec<Dropped>,
    /// Ids this tab had handed out that now have other numbers, because the other tab handed
    /// out the same ones. Apply it to anything else that holds ids (the undo history).
    pub remap: Map<Id, Id>,
}

/// Re-applies `pending` (oldest first) on `base`, the data another tab saved meanwhile.
/// `mine` is this tab's framework with the pending edits applied; dropped edits are described
/// with its names, since `base` may no longer have them.
///
/// An edit that created a KRA or KPI is applied again and gets the id `base` hands out next;
/// later edits referring to the old id are rewritten to the new one. An edit that no longer
/// validates (it edits a KPI the other tab deleted, or adds a reading to a period the other tab
/// filled) is dropped with its reason, and the rest are still applied.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::edit::Edit;
/// use kra_kpi::domain::rebase::{rebase, PendingEdit};
/// use kra_kpi::domain::template::sales_executive;
///
/// let common = sales_executive();
/// let (leads, revenue) = (common.kpis()[1].id, common.kpis()[0].id);
/// // The other tab added a reading to "Leads"; this tab added one to "Revenue".
/// let mut theirs = common.clone();
/// theirs.add_reading(leads, date(2026, 11, 1), 42.0, "").unwrap();
/// let mine = Edit::AddReading { kpi: revenue, day: date(2026, 11, 1), value: 450000.0, note: String::new() };
/// let rebased = rebase(theirs, vec![PendingEdit { edit: mine, created: vec![] }], &common);
/// assert!(rebased.dropped.is_empty());
/// assert_eq!(rebased.framework.reading_count(), 2, "both readings are kept");
/// ```
pub fn rebase(base: Framework, pending: Vec<PendingEdit>, mine: &Framework) -> Rebased {
    let mut framework = base;
    let mut remap = Map::new();
    let mut kept = Vec::new();
    let mut dropped = Vec::new();
    for PendingEdit { mut edit, created } in pending {
        let description = edit.describe(mine);
        edit.remap(&remap);
        match framework.apply(edit.clone()) {
            Ok(applied) => {
                for (old, new) in created.iter().zip(&applied.created) {
                    if old != new {
                        remap.insert(*old, *new);
                    }
                }
                kept.push(PendingEdit { edit, created: applied.created });
            }
            Err(reason) => dropped.push(Dropped { description, reason }),
        }
    }
    Rebased { framework, kept, dropped, remap }
}

//! Merging the readings of another scorecard file into the open scorecard.
//!
//! An individual who tracks on a phone and on a laptop ends up with two copies; a team lead
//! collects a file from each member. Ids are only unique within one scorecard, so readings are
//! matched to KPIs by their KRA and KPI names ([`KpiNames`]), then checked like any batch
//! ([`BatchPlan`]): the preview says how many are new, how many would replace a different
//! value, and which have no matching KPI.

use jiff::civil::Date;

use crate::domain::framework::Framework;
use crate::domain::kpi_names::KpiNames;
use crate::domain::reading_batch::{BatchPlan, Proposal, Refusal};

/// Every reading of `source` proposed for the KPI of the same name in `target`, checked.
///
/// A KPI is looked for in the KRA of the same name first, then by its name alone (the KRA may
/// have been renamed in one copy). Notes travel with the readings.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::demo::demo;
/// use kra_kpi::domain::reading_batch::Tally;
/// use kra_kpi::exchange::merge::merge_readings;
///
/// let today = date(2026, 12, 2);
/// let phone = demo(today, 7).unwrap();
/// let laptop = phone.blank_copy("Laptop").unwrap();
/// let plan = merge_readings(&phone, &laptop, today);
/// assert_eq!(plan.tally(), Tally { added: phone.reading_count(), ..Tally::default() });
/// ```
pub fn merge_readings(source: &Framework, target: &Framework, today: Date) -> BatchPlan {
    let names = KpiNames::new(target);
    let mut proposals = Vec::new();
    for kra in source.kras() {
        for kpi in source.kpis_of(kra.id) {
            let found = match names.find(&kra.name, &kpi.spec.name) {
                Err(Refusal::UnknownKra { .. } | Refusal::NotInKra { .. }) => names.find("", &kpi.spec.name),
                other => other,
            };
            for (&day, reading) in source.readings_of(kpi.id) {
                proposals.push(found.clone().map(|id| Proposal {
                    kpi: id,
                    day,
                    value: reading.value,
                    // An empty note keeps the note already there.
                    note: (!reading.note.is_empty()).then(|| reading.note.clone()),
                }));
            }
        }
    }
    BatchPlan::check(target, proposals, today)
}

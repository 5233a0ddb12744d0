//! Finding a KPI by the names a person writes: "Leads converted", or "Leads converted" in the
//! KRA "Grow revenue" when two KRAs have a KPI of that name.
//!
//! Readings that come from outside (a CSV file, another scorecard's file) name their KPI rather
//! than carry its id, since ids are only unique within one scorecard.

use std::collections::{HashMap, HashSet};

use super::framework::Framework;
use super::id::Id;
use super::reading_batch::Refusal;

/// KPIs looked up by name (ignoring case and surrounding spaces), within a KRA when one is named.
pub struct KpiNames {
    by_name: HashMap<String, Vec<(Id, String)>>,
    kras: HashSet<String>,
}

impl KpiNames {
    /// The names of every KPI of `fw`.
    pub fn new(fw: &Framework) -> KpiNames {
        let mut by_name: HashMap<String, Vec<(Id, String)>> = HashMap::new();
        let mut kras = HashSet::new();
        for kra in fw.kras() {
            let kra_key = key(&kra.name);
            for kpi in fw.kpis_of(kra.id) {
                by_name.entry(key(&kpi.spec.name)).or_default().push((kpi.id, kra_key.clone()));
            }
            kras.insert(kra_key);
        }
        KpiNames { by_name, kras }
    }

    /// The KPI called `kpi` (within the KRA called `kra`, unless `kra` is empty), ignoring case
    /// and surrounding spaces; or why there is not exactly one.
    ///
    /// # Example
    ///
    /// ```
    /// use kra_kpi::domain::kpi_names::KpiNames;
    /// use kra_kpi::domain::template::sales_executive;
    ///
    /// let fw = sales_executive();
    /// let names = KpiNames::new(&fw);
    /// let id = names.find("", " leads CONVERTED ").unwrap();
    /// assert_eq!(fw.kpi(id).unwrap().spec.name, "Leads converted");
    /// assert!(names.find("", "Leeds").is_err());
    /// ```
    pub fn find(&self, kra: &str, kpi: &str) -> Result<Id, Refusal> {
        let unknown = || Refusal::UnknownKpi { name: kpi.to_owned() };
        let candidates = self.by_name.get(&key(kpi)).ok_or_else(unknown)?;
        if kra.is_empty() {
            return match candidates.as_slice() {
                [(id, _)] => Ok(*id),
                many => Err(Refusal::AmbiguousKpi { name: kpi.to_owned(), count: many.len() }),
            };
        }
        let kra_key = key(kra);
        if !self.kras.contains(&kra_key) {
            return Err(Refusal::UnknownKra { name: kra.to_owned() });
        }
        let mut within = candidates.iter().filter(|(_, k)| *k == kra_key);
        match (within.next(), within.next()) {
            (Some((id, _)), None) => Ok(*id),
            (Some(_), Some(_)) => Err(Refusal::AmbiguousKpi {
                name: kpi.to_owned(),
                count: candidates.iter().filter(|(_, k)| *k == kra_key).count(),
            }),
            (None, _) => Err(Refusal::NotInKra { kpi: kpi.to_owned(), kra: kra.to_owned() }),
        }
    }
}

fn key(name: &str) -> String {
    crate::case::lowercase(name.trim())
}

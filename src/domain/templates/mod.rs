//! The template library: complete KRA/KPI frameworks per department, from the examples in the
//! source articles, as compact static data built into a [`Framework`] on demand.
//!
//! Each template is a [`TemplateDef`]: KRAs (qualitative, long-term responsibility areas, with an
//! owner and weights adding up to 100 %) and under each several KPIs (quantitative, short-term,
//! with unit, direction, target, baseline where it makes sense, frequency, combine rule and
//! weights adding up to 100 % within the KRA). Targets are illustrative defaults a user is
//! expected to edit; amounts are in Indian rupees (₹), as in the source articles.
//!
//! Data rather than code: one builder ([`TemplateDef::build`]) turns any entry into a framework
//! through the same validated calls a user's edits make, so a template cannot hold what the
//! editor would refuse, and the table costs bytes of data, not a function per template.

use super::direction::Direction;
use super::error::ValidationError;
use super::framework::Framework;
use super::kpi::KpiSpec;
use super::kra::KraDraft;
use super::period::{FiscalYearStart, Frequency};
use super::scoring::{Aggregation, ScoringSettings};

mod customer_support_executive;
mod employee;
mod finance_manager;
mod hr_manager;
mod it_manager;
mod manufacturing_supervisor;
mod marketing_manager;
mod operations_manager;
mod organisation;
mod project_manager;
mod sales_executive;

/// One KPI of a template.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KpiDef {
    /// What is measured, e.g. "Revenue in the month".
    pub name: &'static str,
    /// The unit shown after values ("₹", "%", "days", "leads"); empty for a plain count.
    pub unit: &'static str,
    /// Which way is better.
    pub direction: Direction,
    /// The target for each measurement period (for a range, its midpoint is not used: the
    /// direction carries the band; put the band's upper end here).
    pub target: f64,
    /// Where the measure stood before (for the linear scoring method), if it makes sense.
    pub baseline: Option<f64>,
    /// How often it is measured.
    pub frequency: Frequency,
    /// How readings inside a review period combine (sum for amounts and counts, average or
    /// last for rates, levels and ranges).
    pub aggregation: Aggregation,
    /// Weight within its KRA, in percent; a KRA's KPI weights add up to 100.
    pub weight: f64,
}

/// One KRA of a template.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct KraDef {
    /// The responsibility area, e.g. "Improve employee retention".
    pub name: &'static str,
    /// One sentence on what it covers and why it matters.
    pub description: &'static str,
    /// The role that owns it.
    pub owner: &'static str,
    /// Weight in the whole scorecard, in percent; a template's KRA weights add up to 100.
    pub weight: f64,
    /// Its KPIs.
    pub kpis: &'static [KpiDef],
}

/// A complete framework for one department or role.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TemplateDef {
    /// A stable identifier (`"sales-executive"`), used by the embedding option `template`.
    pub key: &'static str,
    /// The department it belongs to, for filtering ("Sales", "HR", …).
    pub department: &'static str,
    /// The scorecard's name once created.
    pub name: &'static str,
    /// One or two sentences shown in the picker.
    pub summary: &'static str,
    /// The review cycle it is meant for.
    pub review_cycle: Frequency,
    /// Its KRAs.
    pub kras: &'static [KraDef],
}

impl TemplateDef {
    /// Builds the framework, through the same validation a user's edits go through.
    ///
    /// # Example
    ///
    /// ```
    /// use kra_kpi::domain::templates::find;
    ///
    /// let hr = find("hr-manager").unwrap().build().unwrap();
    /// assert!(hr.kras().len() >= 3);
    /// assert_eq!(hr.reading_count(), 0);
    /// ```
    pub fn build(&self) -> Result<Framework, ValidationError> {
        let mut fw = Framework::new(self.name);
        let settings = ScoringSettings {
            review_cycle: self.review_cycle,
            fiscal_year_start: FiscalYearStart::APRIL,
            ..ScoringSettings::default()
        };
        fw.set_settings(settings)?;
        for kra in self.kras {
            let id = fw.add_kra(KraDraft::new(kra.name, kra.weight).owner(kra.owner).description(kra.description))?;
            for kpi in kra.kpis {
                let spec = KpiSpec {
                    baseline: kpi.baseline,
                    frequency: kpi.frequency,
                    aggregation: kpi.aggregation,
                    weight: kpi.weight,
                    ..KpiSpec::new(kpi.name, kpi.unit, kpi.direction, kpi.target)
                };
                fw.add_kpi(id, spec)?;
            }
        }
        Ok(fw)
    }

    /// How many KPIs it has in all.
    pub fn kpi_count(&self) -> usize {
        self.kras.iter().map(|k| k.kpis.len()).sum()
    }
}

/// Every template, in the order the picker lists them.
pub const LIBRARY: &[TemplateDef] = &[
    sales_executive::SALES_EXECUTIVE,
    hr_manager::HR_MANAGER,
    operations_manager::OPERATIONS_MANAGER,
    marketing_manager::MARKETING_MANAGER,
    customer_support_executive::CUSTOMER_SUPPORT_EXECUTIVE,
    organisation::ORGANISATION,
    employee::EMPLOYEE,
    manufacturing_supervisor::MANUFACTURING_SUPERVISOR,
    project_manager::PROJECT_MANAGER,
    finance_manager::FINANCE_MANAGER,
    it_manager::IT_MANAGER,
];

/// The template with this key.
pub fn find(key: &str) -> Option<&'static TemplateDef> {
    LIBRARY.iter().find(|t| t.key == key)
}

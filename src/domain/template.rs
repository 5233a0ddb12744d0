//! Starter templates a new user can load instead of starting from nothing.

use super::direction::Direction;
use super::error::ValidationError;
use super::framework::Framework;
use super::kpi::KpiSpec;
use super::kra::KraDraft;
use super::period::{FiscalYearStart, Frequency};
use super::scoring::{Aggregation, ScoringSettings};

/// The keys [`by_key`] knows, for options and messages.
pub const KEYS: &[&str] = &["sales-executive"];

/// The template with this key (see [`KEYS`]).
///
/// # Example
///
/// ```
/// use kra_kpi::domain::template::by_key;
///
/// assert_eq!(by_key("sales-executive").unwrap().name(), "Sales executive");
/// assert!(by_key("astronaut").is_none());
/// ```
pub fn by_key(key: &str) -> Option<Framework> {
    match key {
        "sales-executive" => Some(sales_executive()),
        _ => None,
    }
}

/// The classic "Sales executive" example: two KRAs with their KPIs and no readings.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::template::sales_executive;
///
/// let fw = sales_executive();
/// assert_eq!(fw.kras()[0].name, "Achieve monthly revenue targets");
/// assert_eq!(fw.kpis().len(), 6);
/// ```
pub fn sales_executive() -> Framework {
    let mut fw = Framework::new("Sales executive");
    let settings = ScoringSettings { fiscal_year_start: FiscalYearStart::APRIL, ..ScoringSettings::default() };
    fw.set_settings(settings).unwrap_or_else(invalid);
    let owner = "Sales executive";
    let kpi = |name: &str, unit: &str, direction, target, aggregation, weight| KpiSpec {
        aggregation,
        weight,
        frequency: Frequency::Monthly,
        ..KpiSpec::new(name, unit, direction, target)
    };
    let higher = Direction::HigherIsBetter;
    let revenue = fw
        .add_kra(
            KraDraft::new("Achieve monthly revenue targets", 60.0)
                .owner(owner)
                .description("Close enough business each month to meet the revenue plan."),
        )
        .unwrap_or_else(invalid);
    for spec in [
        kpi("Revenue in the month", "₹", higher, 500_000.0, Aggregation::Sum, 50.0),
        kpi("Leads converted", "leads", higher, 50.0, Aggregation::Sum, 30.0),
        kpi("Average deal size", "₹", higher, 25_000.0, Aggregation::Average, 20.0),
    ] {
        fw.add_kpi(revenue, spec).unwrap_or_else(invalid);
    }
    let clients = fw
        .add_kra(
            KraDraft::new("Build client relationships", 40.0)
                .owner(owner)
                .description("Keep existing clients and earn repeat business."),
        )
        .unwrap_or_else(invalid);
    for spec in [
        kpi("Client retention rate", "%", higher, 90.0, Aggregation::Last, 50.0),
        kpi(
            "Average response time to client queries",
            "hours",
            Direction::LowerIsBetter,
            4.0,
            Aggregation::Average,
            30.0,
        ),
        kpi("Client meetings held", "meetings", higher, 12.0, Aggregation::Sum, 20.0),
    ] {
        fw.add_kpi(clients, spec).unwrap_or_else(invalid);
    }
    fw
}

/// Templates are fixed data checked by tests; a failure is a programming error. (Formatting the
/// error with Display rather than `expect`'s Debug keeps Debug impls out of the wasm.)
fn invalid<T>(error: ValidationError) -> T {
    panic!("built-in template is invalid: {error}")
}

//! Finance manager: close, receivables, forecasts and cost control; figures are illustrative defaults to edit.

use super::{KpiDef, KraDef, TemplateDef};
use crate::domain::direction::Direction;
use crate::domain::period::Frequency;
use crate::domain::scoring::Aggregation;

/// Month-end close, receivables, forecasting and cost control for the finance manager.
pub const FINANCE_MANAGER: TemplateDef = TemplateDef {
    key: "finance-manager",
    department: "Finance",
    name: "Finance manager",
    summary: "Close the books on time, collect receivables, forecast accurately and keep costs within budget.",
    review_cycle: Frequency::Monthly,
    kras: &[
        KraDef {
            name: "Close the books on time",
            description: "Finish each month-end close accurately and within the agreed calendar.",
            owner: "Finance manager",
            weight: 30.0,
            kpis: &[
                KpiDef {
                    name: "Working days to close the month",
                    unit: "days",
                    direction: Direction::LowerIsBetter,
                    target: 5.0,
                    baseline: Some(8.0),
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Last,
                    weight: 60.0,
                },
                KpiDef {
                    name: "Post-close adjustments",
                    unit: "adjustments",
                    direction: Direction::LowerIsBetter,
                    target: 3.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 40.0,
                },
            ],
        },
        KraDef {
            name: "Manage receivables",
            description: "Collect what customers owe on time to keep cash flowing.",
            owner: "Finance manager",
            weight: 30.0,
            kpis: &[
                KpiDef {
                    name: "Days sales outstanding (DSO)",
                    unit: "days",
                    direction: Direction::LowerIsBetter,
                    target: 45.0,
                    baseline: Some(60.0),
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Last,
                    weight: 50.0,
                },
                KpiDef {
                    name: "Receivables overdue more than 90 days",
                    unit: "%",
                    direction: Direction::LowerIsBetter,
                    target: 5.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Last,
                    weight: 30.0,
                },
                KpiDef {
                    name: "Collections",
                    unit: "₹",
                    direction: Direction::HigherIsBetter,
                    target: 40_000_000.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 20.0,
                },
            ],
        },
        KraDef {
            name: "Forecast accurately",
            description: "Give management revenue and cash forecasts it can plan on.",
            owner: "Finance manager",
            weight: 20.0,
            kpis: &[
                KpiDef {
                    name: "Revenue forecast accuracy",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 95.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 60.0,
                },
                KpiDef {
                    name: "Cash forecast variance",
                    unit: "%",
                    direction: Direction::HitValue { tolerance: 5.0 },
                    target: 0.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 40.0,
                },
            ],
        },
        KraDef {
            name: "Control costs",
            description: "Keep overheads and people costs in proportion to revenue and find savings.",
            owner: "Finance manager",
            weight: 20.0,
            kpis: &[
                KpiDef {
                    name: "Overheads as % of revenue",
                    unit: "%",
                    direction: Direction::LowerIsBetter,
                    target: 12.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 50.0,
                },
                KpiDef {
                    name: "Employee cost as % of revenue",
                    unit: "%",
                    direction: Direction::KeepWithinRange { min: 18.0, max: 25.0 },
                    target: 25.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 30.0,
                },
                KpiDef {
                    name: "Savings identified",
                    unit: "₹",
                    direction: Direction::HigherIsBetter,
                    target: 500_000.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 20.0,
                },
            ],
        },
    ],
};

//! Sales executive: the classic example; figures are illustrative defaults to edit.

use super::{KpiDef, KraDef, TemplateDef};
use crate::domain::direction::Direction;
use crate::domain::period::Frequency;
use crate::domain::scoring::Aggregation;

/// Revenue targets and client relationships for one sales executive (same as `template::sales_executive`).
pub const SALES_EXECUTIVE: TemplateDef = TemplateDef {
    key: "sales-executive",
    department: "Sales",
    name: "Sales executive",
    summary: "Monthly revenue, leads and deal size, plus client retention and responsiveness.",
    review_cycle: Frequency::Monthly,
    kras: &[
        KraDef {
            name: "Achieve monthly revenue targets",
            description: "Close enough business each month to meet the revenue plan.",
            owner: "Sales executive",
            weight: 60.0,
            kpis: &[
                KpiDef {
                    name: "Revenue in the month",
                    unit: "₹",
                    direction: Direction::HigherIsBetter,
                    target: 500_000.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 50.0,
                },
                KpiDef {
                    name: "Leads converted",
                    unit: "leads",
                    direction: Direction::HigherIsBetter,
                    target: 50.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 30.0,
                },
                KpiDef {
                    name: "Average deal size",
                    unit: "₹",
                    direction: Direction::HigherIsBetter,
                    target: 25_000.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 20.0,
                },
            ],
        },
        KraDef {
            name: "Build client relationships",
            description: "Keep existing clients and earn repeat business.",
            owner: "Sales executive",
            weight: 40.0,
            kpis: &[
                KpiDef {
                    name: "Client retention rate",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 90.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Last,
                    weight: 50.0,
                },
                KpiDef {
                    name: "Average response time to client queries",
                    unit: "hours",
                    direction: Direction::LowerIsBetter,
                    target: 4.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 30.0,
                },
                KpiDef {
                    name: "Client meetings held",
                    unit: "meetings",
                    direction: Direction::HigherIsBetter,
                    target: 12.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 20.0,
                },
            ],
        },
    ],
};

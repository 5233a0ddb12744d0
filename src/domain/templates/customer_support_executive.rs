//! Customer support executive: quick, polite resolution; figures are illustrative defaults to edit.

use super::{KpiDef, KraDef, TemplateDef};
use crate::domain::direction::Direction;
use crate::domain::period::Frequency;
use crate::domain::scoring::Aggregation;

/// Quick, polite resolution of customer issues for a support executive.
pub const CUSTOMER_SUPPORT_EXECUTIVE: TemplateDef = TemplateDef {
    key: "customer-support-executive",
    department: "Customer Support",
    name: "Customer support executive",
    summary: "Respond fast, resolve within 24 hours, and leave customers satisfied after every contact.",
    review_cycle: Frequency::Monthly,
    kras: &[
        KraDef {
            name: "Resolve customer issues quickly",
            description: "Answer every customer promptly and close issues within the promised time.",
            owner: "Customer support executive",
            weight: 50.0,
            kpis: &[
                KpiDef {
                    name: "Average first response time",
                    unit: "minutes",
                    direction: Direction::LowerIsBetter,
                    target: 15.0,
                    baseline: Some(30.0),
                    frequency: Frequency::Weekly,
                    aggregation: Aggregation::Average,
                    weight: 35.0,
                },
                KpiDef {
                    name: "Tickets resolved within 24 h",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 85.0,
                    baseline: None,
                    frequency: Frequency::Weekly,
                    aggregation: Aggregation::Average,
                    weight: 35.0,
                },
                KpiDef {
                    name: "Tickets resolved",
                    unit: "tickets",
                    direction: Direction::HigherIsBetter,
                    target: 250.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 30.0,
                },
            ],
        },
        KraDef {
            name: "Deliver polite, helpful service",
            description: "Treat every customer courteously so that they leave satisfied.",
            owner: "Customer support executive",
            weight: 30.0,
            kpis: &[
                KpiDef {
                    name: "Customer satisfaction (CSAT)",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 90.0,
                    baseline: Some(82.0),
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 60.0,
                },
                KpiDef {
                    name: "Complaints about agent behaviour",
                    unit: "complaints",
                    direction: Direction::LowerIsBetter,
                    target: 1.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 40.0,
                },
            ],
        },
        KraDef {
            name: "Get it right the first time",
            description: "Solve issues fully on the first contact so that customers need not come back.",
            owner: "Customer support executive",
            weight: 20.0,
            kpis: &[
                KpiDef {
                    name: "First contact resolution",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 75.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 60.0,
                },
                KpiDef {
                    name: "Reopened tickets",
                    unit: "%",
                    direction: Direction::LowerIsBetter,
                    target: 5.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 40.0,
                },
            ],
        },
    ],
};

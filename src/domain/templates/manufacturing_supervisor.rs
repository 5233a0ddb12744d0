//! Manufacturing supervisor: daily output, resource utilisation and safety; figures are illustrative defaults to edit.

use super::{KpiDef, KraDef, TemplateDef};
use crate::domain::direction::Direction;
use crate::domain::period::Frequency;
use crate::domain::scoring::Aggregation;

/// Daily output, resource use and safety for a manufacturing supervisor.
pub const MANUFACTURING_SUPERVISOR: TemplateDef = TemplateDef {
    key: "manufacturing-supervisor",
    department: "Manufacturing",
    name: "Manufacturing supervisor",
    summary: "Complete the day's planned quantity, use machines and material well, and keep the shop floor safe.",
    review_cycle: Frequency::Monthly,
    kras: &[
        KraDef {
            name: "Meet the daily production plan",
            description: "Complete the planned quantity of good units every shift and every day.",
            owner: "Manufacturing supervisor",
            weight: 40.0,
            kpis: &[
                KpiDef {
                    name: "Average units produced per day",
                    unit: "units",
                    direction: Direction::HigherIsBetter,
                    target: 1000.0,
                    baseline: Some(850.0),
                    frequency: Frequency::Weekly,
                    aggregation: Aggregation::Average,
                    weight: 50.0,
                },
                KpiDef {
                    name: "Days on which the daily plan was met",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 90.0,
                    baseline: None,
                    frequency: Frequency::Weekly,
                    aggregation: Aggregation::Average,
                    weight: 30.0,
                },
                KpiDef {
                    name: "Overtime hours",
                    unit: "hours",
                    direction: Direction::LowerIsBetter,
                    target: 40.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 20.0,
                },
            ],
        },
        KraDef {
            name: "Use resources effectively",
            description: "Get the most out of machines, material and people without waste.",
            owner: "Manufacturing supervisor",
            weight: 35.0,
            kpis: &[
                KpiDef {
                    name: "Machine utilisation",
                    unit: "%",
                    direction: Direction::KeepWithinRange { min: 75.0, max: 85.0 },
                    target: 85.0,
                    baseline: None,
                    frequency: Frequency::Weekly,
                    aggregation: Aggregation::Average,
                    weight: 40.0,
                },
                KpiDef {
                    name: "Scrap and rework rate",
                    unit: "%",
                    direction: Direction::LowerIsBetter,
                    target: 2.0,
                    baseline: Some(3.5),
                    frequency: Frequency::Weekly,
                    aggregation: Aggregation::Average,
                    weight: 35.0,
                },
                KpiDef {
                    name: "Unplanned machine downtime",
                    unit: "hours",
                    direction: Direction::LowerIsBetter,
                    target: 10.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 25.0,
                },
            ],
        },
        KraDef {
            name: "Keep the shop floor safe",
            description: "Prevent injuries through safe practices, training and prompt corrective action.",
            owner: "Manufacturing supervisor",
            weight: 25.0,
            kpis: &[
                KpiDef {
                    name: "Lost-time injuries",
                    unit: "injuries",
                    direction: Direction::LowerIsBetter,
                    target: 0.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 50.0,
                },
                KpiDef {
                    name: "Safety observations closed on time",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 95.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 30.0,
                },
                KpiDef {
                    name: "Safety training attendance",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 100.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 20.0,
                },
            ],
        },
    ],
};

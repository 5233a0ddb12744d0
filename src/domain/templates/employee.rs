//! Employee: customer support, job responsibilities, teamwork and communication; figures are illustrative defaults to edit.

use super::{KpiDef, KraDef, TemplateDef};
use crate::domain::direction::Direction;
use crate::domain::period::Frequency;
use crate::domain::scoring::Aggregation;

/// Measurable proxies for the qualitative areas of any employee's role.
pub const EMPLOYEE: TemplateDef = TemplateDef {
    key: "employee",
    department: "Employee",
    name: "Employee",
    summary:
        "A general scorecard for an individual: measurable proxies for service, delivery, teamwork and communication.",
    review_cycle: Frequency::Monthly,
    kras: &[
        KraDef {
            name: "Support customers well",
            description: "Help internal and external customers promptly and courteously.",
            owner: "Employee",
            weight: 25.0,
            kpis: &[
                KpiDef {
                    name: "Customer queries answered within one working day",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 95.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 50.0,
                },
                KpiDef {
                    name: "Customer feedback score",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 85.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 50.0,
                },
            ],
        },
        KraDef {
            name: "Fulfil job responsibilities",
            description: "Deliver assigned work completely, correctly and by the agreed deadline.",
            owner: "Employee",
            weight: 35.0,
            kpis: &[
                KpiDef {
                    name: "Tasks completed by the deadline",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 90.0,
                    baseline: Some(75.0),
                    frequency: Frequency::Weekly,
                    aggregation: Aggregation::Average,
                    weight: 50.0,
                },
                KpiDef {
                    name: "Tasks completed",
                    unit: "tasks",
                    direction: Direction::HigherIsBetter,
                    target: 20.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 25.0,
                },
                KpiDef {
                    name: "Errors found in completed work",
                    unit: "errors",
                    direction: Direction::LowerIsBetter,
                    target: 2.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 25.0,
                },
            ],
        },
        KraDef {
            name: "Work well in a team",
            description: "Share knowledge and help colleagues so that the team meets its goals together.",
            owner: "Employee",
            weight: 20.0,
            kpis: &[
                KpiDef {
                    name: "Peer feedback score",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 80.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 50.0,
                },
                KpiDef {
                    name: "Team meetings attended",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 90.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 25.0,
                },
                KpiDef {
                    name: "Colleagues helped or trained",
                    unit: "sessions",
                    direction: Direction::HigherIsBetter,
                    target: 2.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 25.0,
                },
            ],
        },
        KraDef {
            name: "Communicate effectively",
            description: "Keep colleagues and managers informed with clear, timely updates and replies.",
            owner: "Employee",
            weight: 20.0,
            kpis: &[
                KpiDef {
                    name: "Status reports sent on time",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 100.0,
                    baseline: None,
                    frequency: Frequency::Weekly,
                    aggregation: Aggregation::Average,
                    weight: 50.0,
                },
                KpiDef {
                    name: "Average reply time to internal emails",
                    unit: "hours",
                    direction: Direction::LowerIsBetter,
                    target: 8.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 50.0,
                },
            ],
        },
    ],
};

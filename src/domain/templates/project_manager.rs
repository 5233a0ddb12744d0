//! Project manager: milestones, budget variance, scope and quality; figures are illustrative defaults to edit.

use super::{KpiDef, KraDef, TemplateDef};
use crate::domain::direction::Direction;
use crate::domain::period::Frequency;
use crate::domain::scoring::Aggregation;

/// Schedule, budget and scope control for a project manager.
pub const PROJECT_MANAGER: TemplateDef = TemplateDef {
    key: "project-manager",
    department: "Project management",
    name: "Project manager",
    summary: "Hit milestones on time, keep spend within 5 % of budget, and deliver the agreed scope to standard.",
    review_cycle: Frequency::Monthly,
    kras: &[
        KraDef {
            name: "Deliver on schedule",
            description: "Hit agreed milestones so that the project finishes on the committed date.",
            owner: "Project manager",
            weight: 35.0,
            kpis: &[
                KpiDef {
                    name: "Milestones completed on time",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 90.0,
                    baseline: Some(70.0),
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 50.0,
                },
                KpiDef {
                    name: "Schedule performance index",
                    unit: "",
                    direction: Direction::HigherIsBetter,
                    target: 1.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Last,
                    weight: 30.0,
                },
                KpiDef {
                    name: "Average milestone slippage",
                    unit: "days",
                    direction: Direction::LowerIsBetter,
                    target: 3.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 20.0,
                },
            ],
        },
        KraDef {
            name: "Stay within budget",
            description: "Keep project spend close to the approved budget and flag overruns early.",
            owner: "Project manager",
            weight: 35.0,
            kpis: &[
                KpiDef {
                    name: "Budget variance",
                    unit: "%",
                    direction: Direction::HitValue { tolerance: 5.0 },
                    target: 0.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Last,
                    weight: 50.0,
                },
                KpiDef {
                    name: "Cost performance index",
                    unit: "",
                    direction: Direction::HigherIsBetter,
                    target: 1.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Last,
                    weight: 30.0,
                },
                KpiDef {
                    name: "Cost of unapproved changes",
                    unit: "₹",
                    direction: Direction::LowerIsBetter,
                    target: 0.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 20.0,
                },
            ],
        },
        KraDef {
            name: "Control scope and quality",
            description: "Deliver what was agreed, to the agreed standard, with few late changes.",
            owner: "Project manager",
            weight: 30.0,
            kpis: &[
                KpiDef {
                    name: "Scope changes after sign-off",
                    unit: "changes",
                    direction: Direction::LowerIsBetter,
                    target: 2.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 35.0,
                },
                KpiDef {
                    name: "Defects found in acceptance testing",
                    unit: "defects",
                    direction: Direction::LowerIsBetter,
                    target: 10.0,
                    baseline: Some(25.0),
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 35.0,
                },
                KpiDef {
                    name: "Client satisfaction score",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 85.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 30.0,
                },
            ],
        },
    ],
};

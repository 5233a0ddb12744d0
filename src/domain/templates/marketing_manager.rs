//! Marketing manager: demand, brand and spend; figures are illustrative defaults to edit.

use super::{KpiDef, KraDef, TemplateDef};
use crate::domain::direction::Direction;
use crate::domain::period::Frequency;
use crate::domain::scoring::Aggregation;

/// Demand generation, brand and marketing spend for the marketing manager.
pub const MARKETING_MANAGER: TemplateDef = TemplateDef {
    key: "marketing-manager",
    department: "Marketing",
    name: "Marketing manager",
    summary: "Feed the sales pipeline with qualified leads, grow the brand, and spend the budget well.",
    review_cycle: Frequency::Monthly,
    kras: &[
        KraDef {
            name: "Generate qualified demand",
            description: "Bring in enough sales-ready leads each month to feed the sales pipeline.",
            owner: "Marketing manager",
            weight: 40.0,
            kpis: &[
                KpiDef {
                    name: "Marketing qualified leads",
                    unit: "leads",
                    direction: Direction::HigherIsBetter,
                    target: 300.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 40.0,
                },
                KpiDef {
                    name: "Cost per lead",
                    unit: "₹",
                    direction: Direction::LowerIsBetter,
                    target: 800.0,
                    baseline: Some(1100.0),
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 30.0,
                },
                KpiDef {
                    name: "Lead-to-opportunity conversion",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 15.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 30.0,
                },
            ],
        },
        KraDef {
            name: "Build the brand",
            description: "Grow awareness of and engagement with the brand among target customers.",
            owner: "Marketing manager",
            weight: 30.0,
            kpis: &[
                KpiDef {
                    name: "Website visitors",
                    unit: "visitors",
                    direction: Direction::HigherIsBetter,
                    target: 40_000.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 40.0,
                },
                KpiDef {
                    name: "Social media engagement rate",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 3.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 30.0,
                },
                KpiDef {
                    name: "Newsletter subscribers added",
                    unit: "subscribers",
                    direction: Direction::HigherIsBetter,
                    target: 500.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 30.0,
                },
            ],
        },
        KraDef {
            name: "Spend the marketing budget well",
            description: "Earn a measurable return on campaign spend while staying on budget.",
            owner: "Marketing manager",
            weight: 30.0,
            kpis: &[
                KpiDef {
                    name: "Marketing-sourced revenue",
                    unit: "₹",
                    direction: Direction::HigherIsBetter,
                    target: 2_000_000.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 35.0,
                },
                KpiDef {
                    name: "Customer acquisition cost",
                    unit: "₹",
                    direction: Direction::LowerIsBetter,
                    target: 5000.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 35.0,
                },
                KpiDef {
                    name: "Campaign spend as % of budget",
                    unit: "%",
                    direction: Direction::HitValue { tolerance: 5.0 },
                    target: 100.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Last,
                    weight: 30.0,
                },
            ],
        },
    ],
};

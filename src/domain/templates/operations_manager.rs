//! Operations manager: supply-chain flow and process delays; figures are illustrative defaults to edit.

use super::{KpiDef, KraDef, TemplateDef};
use crate::domain::direction::Direction;
use crate::domain::period::Frequency;
use crate::domain::scoring::Aggregation;

/// Supply-chain flow, process delays and operating cost for the operations manager.
pub const OPERATIONS_MANAGER: TemplateDef = TemplateDef {
    key: "operations-manager",
    department: "Operations",
    name: "Operations manager",
    summary: "Keep materials and orders flowing, hold stock within a healthy band, and cut delays and cost.",
    review_cycle: Frequency::Monthly,
    kras: &[
        KraDef {
            name: "Ensure smooth supply-chain flow",
            description: "Keep materials and finished goods moving so that orders ship complete and on time.",
            owner: "Operations manager",
            weight: 40.0,
            kpis: &[
                KpiDef {
                    name: "Orders dispatched on time",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 95.0,
                    baseline: Some(88.0),
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 35.0,
                },
                KpiDef {
                    name: "Inventory days on hand",
                    unit: "days",
                    direction: Direction::KeepWithinRange { min: 30.0, max: 45.0 },
                    target: 45.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Last,
                    weight: 25.0,
                },
                KpiDef {
                    name: "Stock-outs of A-class items",
                    unit: "stock-outs",
                    direction: Direction::LowerIsBetter,
                    target: 2.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 20.0,
                },
                KpiDef {
                    name: "Supplier on-time delivery",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 92.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 20.0,
                },
            ],
        },
        KraDef {
            name: "Reduce process delays",
            description: "Shorten the time from order to dispatch by removing bottlenecks and waiting.",
            owner: "Operations manager",
            weight: 40.0,
            kpis: &[
                KpiDef {
                    name: "Order-to-dispatch cycle time",
                    unit: "days",
                    direction: Direction::LowerIsBetter,
                    target: 3.0,
                    baseline: Some(5.0),
                    frequency: Frequency::Weekly,
                    aggregation: Aggregation::Average,
                    weight: 40.0,
                },
                KpiDef {
                    name: "Orders delayed beyond the promised date",
                    unit: "orders",
                    direction: Direction::LowerIsBetter,
                    target: 10.0,
                    baseline: None,
                    frequency: Frequency::Weekly,
                    aggregation: Aggregation::Sum,
                    weight: 30.0,
                },
                KpiDef {
                    name: "Process improvements implemented",
                    unit: "improvements",
                    direction: Direction::HigherIsBetter,
                    target: 2.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 30.0,
                },
            ],
        },
        KraDef {
            name: "Control operating cost",
            description: "Move goods at a cost the business can sustain as volumes grow.",
            owner: "Operations manager",
            weight: 20.0,
            kpis: &[
                KpiDef {
                    name: "Logistics cost as % of sales",
                    unit: "%",
                    direction: Direction::LowerIsBetter,
                    target: 6.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 60.0,
                },
                KpiDef {
                    name: "Warehouse cost per order",
                    unit: "₹",
                    direction: Direction::LowerIsBetter,
                    target: 120.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 40.0,
                },
            ],
        },
    ],
};

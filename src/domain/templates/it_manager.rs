//! IT manager: uptime, incidents, security patching and projects; figures are illustrative defaults to edit.

use super::{KpiDef, KraDef, TemplateDef};
use crate::domain::direction::Direction;
use crate::domain::period::Frequency;
use crate::domain::scoring::Aggregation;

/// Availability, incident handling, security and project delivery for the IT manager.
pub const IT_MANAGER: TemplateDef = TemplateDef {
    key: "it-manager",
    department: "IT",
    name: "IT manager",
    summary: "Keep systems up within the service level, fix incidents fast, patch promptly and deliver IT projects.",
    review_cycle: Frequency::Monthly,
    kras: &[
        KraDef {
            name: "Keep systems available",
            description: "Keep business systems running within the agreed service levels.",
            owner: "IT manager",
            weight: 30.0,
            kpis: &[
                KpiDef {
                    name: "Uptime of business-critical systems",
                    unit: "%",
                    direction: Direction::KeepWithinRange { min: 99.5, max: 100.0 },
                    target: 100.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 60.0,
                },
                KpiDef {
                    name: "Major outages",
                    unit: "outages",
                    direction: Direction::LowerIsBetter,
                    target: 0.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Sum,
                    weight: 40.0,
                },
            ],
        },
        KraDef {
            name: "Resolve incidents quickly",
            description: "Restore service fast when something breaks and learn from each incident.",
            owner: "IT manager",
            weight: 25.0,
            kpis: &[
                KpiDef {
                    name: "Average incident resolution time",
                    unit: "hours",
                    direction: Direction::LowerIsBetter,
                    target: 8.0,
                    baseline: Some(12.0),
                    frequency: Frequency::Weekly,
                    aggregation: Aggregation::Average,
                    weight: 50.0,
                },
                KpiDef {
                    name: "Priority-1 incidents resolved within SLA",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 95.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 30.0,
                },
                KpiDef {
                    name: "Tickets open more than 7 days",
                    unit: "tickets",
                    direction: Direction::LowerIsBetter,
                    target: 10.0,
                    baseline: None,
                    frequency: Frequency::Weekly,
                    aggregation: Aggregation::Last,
                    weight: 20.0,
                },
            ],
        },
        KraDef {
            name: "Keep systems secure",
            description: "Protect company data by patching promptly and closing security gaps.",
            owner: "IT manager",
            weight: 25.0,
            kpis: &[
                KpiDef {
                    name: "Critical patches applied within 14 days",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 95.0,
                    baseline: Some(80.0),
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 50.0,
                },
                KpiDef {
                    name: "Devices with up-to-date antivirus",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 98.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Last,
                    weight: 25.0,
                },
                KpiDef {
                    name: "Phishing simulation click rate",
                    unit: "%",
                    direction: Direction::LowerIsBetter,
                    target: 5.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 25.0,
                },
            ],
        },
        KraDef {
            name: "Deliver IT projects",
            description: "Deliver planned IT projects on time and within budget.",
            owner: "IT manager",
            weight: 20.0,
            kpis: &[
                KpiDef {
                    name: "IT project milestones met on time",
                    unit: "%",
                    direction: Direction::HigherIsBetter,
                    target: 90.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Average,
                    weight: 50.0,
                },
                KpiDef {
                    name: "IT budget variance",
                    unit: "%",
                    direction: Direction::HitValue { tolerance: 5.0 },
                    target: 0.0,
                    baseline: None,
                    frequency: Frequency::Monthly,
                    aggregation: Aggregation::Last,
                    weight: 50.0,
                },
            ],
        },
    ],
};

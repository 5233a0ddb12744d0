#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! The scoring maths, case by case, against the formulas documented on
//! `kra_kpi::domain::scoring::achievement::achievement`:
//!
//! | method | direction | formula (percent) |
//! |---|---|---|
//! | ratio | higher | 100 × A ÷ T; for T < 0: 100 × (1 + (A − T) ÷ |T|) |
//! | ratio | lower, reflection | 100 × (1 − (A − T) ÷ |T|) |
//! | ratio | lower, inverse | 100 × T ÷ A; A ≤ 0 scores the KPI cap; T ≤ 0 uses the reflection |
//! | any | keep within [min, max] | 100 inside; outside 100 × (1 − d ÷ (max − min)) |
//! | any | hit T ± tol | 100 within tol; outside 100 × (1 − (|A − T| − tol) ÷ |T|) (÷ tol when T = 0) |
//! | progress | higher / lower | 100 × (A − B) ÷ (T − B) |
//! | bands | higher / lower | 100 + 50 × (A − goal) ÷ (goal − red flag) |
//!
//! Every expected number below was worked out by hand from that table (the arithmetic is in
//! the comment next to it); none is computed by calling the code under test.

use jiff::civil::{date, Date};
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::edit::{Edit, ReviewChange};
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::period::{FiscalYearStart, Frequency, Period};
use kra_kpi::domain::review::ReviewKey;
use kra_kpi::domain::scoring::achievement::{achievement, Goal};
use kra_kpi::domain::scoring::{
    score_framework, Aggregation, Bands, LowerRatio, Pace, Scorecard, ScoringMethod, ScoringSettings, Status,
};
use kra_kpi::domain::target::TargetPlan;

const TOLERANCE: f64 = 1e-9;

// ---------------------------------------------------------------------------------------------
// Part 1: one value against one goal.
// ---------------------------------------------------------------------------------------------

/// One row of the achievement table.
struct Case {
    name: &'static str,
    actual: f64,
    goal: Goal,
    method: ScoringMethod,
    settings: ScoringSettings,
    /// The formula's own result, before floor and cap.
    raw: f64,
    /// The score shown, after floor and cap.
    percent: f64,
    /// The method actually used (fallbacks report the ratio).
    used: ScoringMethod,
    /// A phrase the plain-words formula must contain ("" when any text will do).
    says: &'static str,
}

fn higher(target: f64) -> Goal {
    Goal { direction: Direction::HigherIsBetter, target, baseline: None, bands: None }
}

fn lower(target: f64) -> Goal {
    Goal { direction: Direction::LowerIsBetter, target, baseline: None, bands: None }
}

fn range(min: f64, max: f64) -> Goal {
    // The target is ignored by keep-within-range; 12345 proves it.
    Goal { direction: Direction::KeepWithinRange { min, max }, target: 12345.0, baseline: None, bands: None }
}

fn hit(target: f64, tolerance: f64) -> Goal {
    Goal { direction: Direction::HitValue { tolerance }, target, baseline: None, bands: None }
}

fn bands(red_flag: f64, goal: f64) -> Option<Bands> {
    Some(Bands { red_flag, goal })
}

fn defaults() -> ScoringSettings {
    ScoringSettings::default()
}

fn inverse() -> ScoringSettings {
    ScoringSettings { lower_ratio: LowerRatio::Inverse, ..ScoringSettings::default() }
}

fn floor_and_cap(floor: f64, kpi_cap: f64) -> ScoringSettings {
    ScoringSettings { floor, kpi_cap, ..ScoringSettings::default() }
}

use ScoringMethod::{Bands as BandsM, Progress, Ratio};

fn achievement_cases() -> Vec<Case> {
    vec![
        // ---- ratio, higher is better ----
        Case {
            name: "higher ratio: 42 of a target of 50 is 84 %",
            actual: 42.0,
            goal: higher(50.0),
            method: Ratio,
            settings: defaults(),
            raw: 84.0,
            percent: 84.0,
            used: Ratio,
            says: "42 ÷ 50 = 84 %", // 100 × 42 ÷ 50 = 84
        },
        Case {
            name: "higher ratio: over-achievement shows above 100 %",
            actual: 60.0,
            goal: higher(50.0),
            method: Ratio,
            settings: defaults(),
            raw: 120.0,
            percent: 120.0,
            used: Ratio,
            says: "", // 100 × 60 ÷ 50 = 120
        },
        Case {
            name: "higher ratio: far over target is held at the default KPI cap of 200 %",
            actual: 150.0,
            goal: higher(50.0),
            method: Ratio,
            settings: defaults(),
            raw: 300.0,
            percent: 200.0,
            used: Ratio,
            says: "", // 100 × 150 ÷ 50 = 300 → cap 200
        },
        Case {
            name: "higher ratio: a negative actual is held at the default floor of 0 %",
            actual: -10.0,
            goal: higher(50.0),
            method: Ratio,
            settings: defaults(),
            raw: -20.0,
            percent: 0.0,
            used: Ratio,
            says: "", // 100 × −10 ÷ 50 = −20 → floor 0
        },
        // ---- ratio, lower is better, reflection (the default) ----
        Case {
            name: "lower reflection: 5 hours against a target of 4 is 75 %",
            actual: 5.0,
            goal: lower(4.0),
            method: Ratio,
            settings: defaults(),
            raw: 75.0,
            percent: 75.0,
            used: Ratio,
            says: "1 − (5 − 4) ÷ |4| = 75 %", // 100 × (1 − 1 ÷ 4)
        },
        Case {
            name: "lower reflection: beating the target scores above 100 %",
            actual: 3.0,
            goal: lower(4.0),
            method: Ratio,
            settings: defaults(),
            raw: 125.0,
            percent: 125.0,
            used: Ratio,
            says: "", // 100 × (1 − (3 − 4) ÷ 4) = 100 × 1.25
        },
        Case {
            name: "lower reflection: more than double the target is floored at 0 %",
            actual: 10.0,
            goal: lower(4.0),
            method: Ratio,
            settings: defaults(),
            raw: -50.0,
            percent: 0.0,
            used: Ratio,
            says: "", // 100 × (1 − 6 ÷ 4) = −50 → floor 0
        },
        // ---- ratio, lower is better, inverse ----
        Case {
            name: "lower inverse: T ÷ A, 4 against 5 is 80 %",
            actual: 5.0,
            goal: lower(4.0),
            method: Ratio,
            settings: inverse(),
            raw: 80.0,
            percent: 80.0,
            used: Ratio,
            says: "4 ÷ 5 = 80 %", // 100 × 4 ÷ 5
        },
        Case {
            name: "lower inverse: 2.5 against a target of 4 is 160 %",
            actual: 2.5,
            goal: lower(4.0),
            method: Ratio,
            settings: inverse(),
            raw: 160.0,
            percent: 160.0,
            used: Ratio,
            says: "", // 100 × 4 ÷ 2.5 = 160
        },
        Case {
            name: "lower inverse: an actual of 0 beats any positive target and scores the KPI cap",
            actual: 0.0,
            goal: lower(4.0),
            method: Ratio,
            settings: inverse(),
            raw: 200.0,
            percent: 200.0,
            used: Ratio,
            says: "the cap, 200 %", // A ≤ 0 → kpi_cap 200
        },
        Case {
            name: "lower inverse: a negative actual also scores the KPI cap",
            actual: -3.0,
            goal: lower(4.0),
            method: Ratio,
            settings: inverse(),
            raw: 200.0,
            percent: 200.0,
            used: Ratio,
            says: "", // A ≤ 0 → kpi_cap 200
        },
        Case {
            name: "lower inverse: an actual of 0 scores a custom KPI cap of 150 %",
            actual: 0.0,
            goal: lower(4.0),
            method: Ratio,
            settings: ScoringSettings { kpi_cap: 150.0, ..inverse() },
            raw: 150.0,
            percent: 150.0,
            used: Ratio,
            says: "", // A ≤ 0 → kpi_cap 150
        },
        Case {
            name: "lower inverse: a negative target falls back to the reflection",
            actual: -2.0,
            goal: lower(-4.0),
            method: Ratio,
            settings: inverse(),
            // 100 × (1 − (−2 − −4) ÷ |−4|) = 100 × (1 − 2 ÷ 4) = 50
            raw: 50.0,
            percent: 50.0,
            used: Ratio,
            says: "undefined for a negative target, so the reflection",
        },
        // ---- zero target ----
        Case {
            name: "zero target, higher: an actual of 3 meets it (100 %)",
            actual: 3.0,
            goal: higher(0.0),
            method: Ratio,
            settings: defaults(),
            raw: 100.0,
            percent: 100.0,
            used: Ratio,
            says: "met → 100 %", // A ≥ 0 → met
        },
        Case {
            name: "zero target, higher: exactly 0 meets it (100 %)",
            actual: 0.0,
            goal: higher(0.0),
            method: Ratio,
            settings: defaults(),
            raw: 100.0,
            percent: 100.0,
            used: Ratio,
            says: "", // A ≥ 0 → met
        },
        Case {
            name: "zero target, higher: a negative actual does not meet it (0 %)",
            actual: -1.0,
            goal: higher(0.0),
            method: Ratio,
            settings: defaults(),
            raw: 0.0,
            percent: 0.0,
            used: Ratio,
            says: "not met → 0 %", // A < 0 → not met
        },
        Case {
            name: "zero target, lower: zero accidents meets it (100 %)",
            actual: 0.0,
            goal: lower(0.0),
            method: Ratio,
            settings: defaults(),
            raw: 100.0,
            percent: 100.0,
            used: Ratio,
            says: "", // A ≤ 0 → met
        },
        Case {
            name: "zero target, lower: two accidents do not meet it (0 %)",
            actual: 2.0,
            goal: lower(0.0),
            method: Ratio,
            settings: defaults(),
            raw: 0.0,
            percent: 0.0,
            used: Ratio,
            says: "not met", // A > 0 → not met
        },
        Case {
            name: "zero target, lower inverse: still met-or-not, one accident scores 0 %",
            actual: 1.0,
            goal: lower(0.0),
            method: Ratio,
            settings: inverse(),
            raw: 0.0,
            percent: 0.0,
            used: Ratio,
            says: "not met", // T = 0 → met-or-not, A > 0
        },
        // ---- negative targets ----
        Case {
            name: "negative target, higher: −5 against −10 is 150 %",
            actual: -5.0,
            goal: higher(-10.0),
            method: Ratio,
            settings: defaults(),
            // 100 × (1 + (−5 − −10) ÷ |−10|) = 100 × (1 + 0.5) = 150
            raw: 150.0,
            percent: 150.0,
            used: Ratio,
            says: "negative target",
        },
        Case {
            name: "negative target, higher: −15 against −10 is 50 %",
            actual: -15.0,
            goal: higher(-10.0),
            method: Ratio,
            settings: defaults(),
            // 100 × (1 + (−15 − −10) ÷ 10) = 100 × (1 − 0.5) = 50
            raw: 50.0,
            percent: 50.0,
            used: Ratio,
            says: "",
        },
        Case {
            name: "negative target, lower reflection: −12 against −10 is 120 %",
            actual: -12.0,
            goal: lower(-10.0),
            method: Ratio,
            settings: defaults(),
            // 100 × (1 − (−12 − −10) ÷ 10) = 100 × (1 + 0.2) = 120
            raw: 120.0,
            percent: 120.0,
            used: Ratio,
            says: "",
        },
        Case {
            name: "negative target, lower reflection: −6 against −10 is 60 %",
            actual: -6.0,
            goal: lower(-10.0),
            method: Ratio,
            settings: defaults(),
            // 100 × (1 − (−6 − −10) ÷ 10) = 100 × (1 − 0.4) = 60
            raw: 60.0,
            percent: 60.0,
            used: Ratio,
            says: "",
        },
        // ---- keep within range [90, 110], width 20 ----
        Case {
            name: "range: 100 inside 90–110 is 100 %",
            actual: 100.0,
            goal: range(90.0, 110.0),
            method: Ratio,
            settings: defaults(),
            raw: 100.0,
            percent: 100.0,
            used: Ratio,
            says: "within 90–110",
        },
        Case {
            name: "range: the maximum itself is inside (inclusive)",
            actual: 110.0,
            goal: range(90.0, 110.0),
            method: Ratio,
            settings: defaults(),
            raw: 100.0,
            percent: 100.0,
            used: Ratio,
            says: "",
        },
        Case {
            name: "range: 85 is 5 below 90–110, 75 %",
            actual: 85.0,
            goal: range(90.0, 110.0),
            method: Ratio,
            settings: defaults(),
            raw: 75.0,
            percent: 75.0,
            used: Ratio,
            says: "", // 100 × (1 − 5 ÷ 20)
        },
        Case {
            name: "range: 120 is 10 above 90–110, 50 %",
            actual: 120.0,
            goal: range(90.0, 110.0),
            method: Ratio,
            settings: defaults(),
            raw: 50.0,
            percent: 50.0,
            used: Ratio,
            says: "", // 100 × (1 − 10 ÷ 20)
        },
        Case {
            name: "range: 150 is far outside 90–110 and floored at 0 %",
            actual: 150.0,
            goal: range(90.0, 110.0),
            method: Ratio,
            settings: defaults(),
            raw: -100.0,
            percent: 0.0,
            used: Ratio,
            says: "", // 100 × (1 − 40 ÷ 20) = −100 → 0
        },
        Case {
            name: "range: any method scores a range the same way (bands asked, range used)",
            actual: 85.0,
            goal: Goal { bands: bands(50.0, 100.0), ..range(90.0, 110.0) },
            method: BandsM,
            settings: defaults(),
            raw: 75.0,
            percent: 75.0,
            used: Ratio,
            says: "", // 100 × (1 − 5 ÷ 20)
        },
        // ---- hit a value ----
        Case {
            name: "hit: 104 is within 100 ± 5, 100 %",
            actual: 104.0,
            goal: hit(100.0, 5.0),
            method: Ratio,
            settings: defaults(),
            raw: 100.0,
            percent: 100.0,
            used: Ratio,
            says: "within 100 ± 5",
        },
        Case {
            name: "hit: 110 is 5 beyond 100 ± 5, 95 %",
            actual: 110.0,
            goal: hit(100.0, 5.0),
            method: Ratio,
            settings: defaults(),
            raw: 95.0,
            percent: 95.0,
            used: Ratio,
            says: "", // 100 × (1 − (10 − 5) ÷ 100)
        },
        Case {
            name: "hit: 80 is 15 beyond 100 ± 5, 85 %",
            actual: 80.0,
            goal: hit(100.0, 5.0),
            method: Ratio,
            settings: defaults(),
            raw: 85.0,
            percent: 85.0,
            used: Ratio,
            says: "", // 100 × (1 − (20 − 5) ÷ 100)
        },
        Case {
            name: "hit: zero target with tolerance 2 divides by the tolerance, 3 scores 50 %",
            actual: 3.0,
            goal: hit(0.0, 2.0),
            method: Ratio,
            settings: defaults(),
            raw: 50.0,
            percent: 50.0,
            used: Ratio,
            says: "", // 100 × (1 − (3 − 2) ÷ 2)
        },
        Case {
            name: "hit: zero target with tolerance 2, −2 is within",
            actual: -2.0,
            goal: hit(0.0, 2.0),
            method: Ratio,
            settings: defaults(),
            raw: 100.0,
            percent: 100.0,
            used: Ratio,
            says: "", // |−2 − 0| = 2 ≤ 2
        },
        Case {
            name: "hit: zero tolerance, 98 against 100 is 98 %",
            actual: 98.0,
            goal: hit(100.0, 0.0),
            method: Ratio,
            settings: defaults(),
            raw: 98.0,
            percent: 98.0,
            used: Ratio,
            says: "", // 100 × (1 − (2 − 0) ÷ 100)
        },
        Case {
            name: "hit: zero target and zero tolerance, exactly 0 is 100 %",
            actual: 0.0,
            goal: hit(0.0, 0.0),
            method: Ratio,
            settings: defaults(),
            raw: 100.0,
            percent: 100.0,
            used: Ratio,
            says: "", // |0 − 0| = 0 ≤ 0
        },
        Case {
            name: "hit: zero target and zero tolerance, 0.5 misses outright (0 %)",
            actual: 0.5,
            goal: hit(0.0, 0.0),
            method: Ratio,
            settings: defaults(),
            raw: 0.0,
            percent: 0.0,
            used: Ratio,
            says: "misses the exact target", // no scale → not met
        },
        // ---- progress from a baseline ----
        Case {
            name: "progress, higher: from 20 towards 50, reaching 41 is 70 %",
            actual: 41.0,
            goal: Goal { baseline: Some(20.0), ..higher(50.0) },
            method: Progress,
            settings: defaults(),
            raw: 70.0,
            percent: 70.0,
            used: Progress,
            says: "(41 − 20) ÷ (50 − 20) = 70 %", // 21 ÷ 30
        },
        Case {
            name: "progress, higher: moving the wrong way (14 from 20) is floored at 0 %",
            actual: 14.0,
            goal: Goal { baseline: Some(20.0), ..higher(50.0) },
            method: Progress,
            settings: defaults(),
            raw: -20.0,
            percent: 0.0,
            used: Progress,
            says: "", // 100 × (14 − 20) ÷ 30 = −20 → 0
        },
        Case {
            name: "progress, lower: from 10 h towards 4 h, reaching 7 h is 50 %",
            actual: 7.0,
            goal: Goal { baseline: Some(10.0), ..lower(4.0) },
            method: Progress,
            settings: defaults(),
            raw: 50.0,
            percent: 50.0,
            used: Progress,
            says: "", // 100 × (7 − 10) ÷ (4 − 10) = 100 × −3 ÷ −6
        },
        Case {
            name: "progress, lower: moving the wrong way (12 h from 10 h) is floored at 0 %",
            actual: 12.0,
            goal: Goal { baseline: Some(10.0), ..lower(4.0) },
            method: Progress,
            settings: defaults(),
            // 100 × (12 − 10) ÷ (4 − 10) = 100 × 2 ÷ −6 = −33.33… → 0
            raw: -100.0 / 3.0,
            percent: 0.0,
            used: Progress,
            says: "",
        },
        Case {
            name: "progress, higher: beyond the target shows above 100 %",
            actual: 65.0,
            goal: Goal { baseline: Some(20.0), ..higher(50.0) },
            method: Progress,
            settings: defaults(),
            raw: 150.0,
            percent: 150.0,
            used: Progress,
            says: "", // 100 × 45 ÷ 30 = 150
        },
        Case {
            name: "progress, T = B, higher: reaching the target is 100 %",
            actual: 50.0,
            goal: Goal { baseline: Some(50.0), ..higher(50.0) },
            method: Progress,
            settings: defaults(),
            raw: 100.0,
            percent: 100.0,
            used: Progress,
            says: "target equals baseline", // met
        },
        Case {
            name: "progress, T = B, higher: beating the target is 100 %",
            actual: 55.0,
            goal: Goal { baseline: Some(50.0), ..higher(50.0) },
            method: Progress,
            settings: defaults(),
            raw: 100.0,
            percent: 100.0,
            used: Progress,
            says: "", // 55 > 50 → met
        },
        Case {
            name: "progress, T = B, higher: falling short is 0 %",
            actual: 45.0,
            goal: Goal { baseline: Some(50.0), ..higher(50.0) },
            method: Progress,
            settings: defaults(),
            raw: 0.0,
            percent: 0.0,
            used: Progress,
            says: "not met", // 45 < 50 → not met
        },
        Case {
            name: "progress, T = B, lower: coming in under the target is 100 %",
            actual: 3.0,
            goal: Goal { baseline: Some(4.0), ..lower(4.0) },
            method: Progress,
            settings: defaults(),
            raw: 100.0,
            percent: 100.0,
            used: Progress,
            says: "", // 3 < 4 → met
        },
        Case {
            name: "progress without a baseline falls back to the ratio",
            actual: 40.0,
            goal: higher(50.0),
            method: Progress,
            settings: defaults(),
            raw: 80.0,
            percent: 80.0,
            used: Ratio,
            says: "no baseline set, so ratio", // 100 × 40 ÷ 50
        },
        Case {
            name: "progress with the target below the baseline (higher is better) falls back to the ratio",
            actual: 40.0,
            goal: Goal { baseline: Some(60.0), ..higher(50.0) },
            method: Progress,
            settings: defaults(),
            raw: 80.0,
            percent: 80.0,
            used: Ratio,
            says: "target 50 is not an improvement on baseline 60", // 40 ÷ 50
        },
        Case {
            name: "progress with the target above the baseline (lower is better) falls back to the ratio",
            actual: 5.0,
            goal: Goal { baseline: Some(3.0), ..lower(4.0) },
            method: Progress,
            settings: defaults(),
            raw: 75.0,
            percent: 75.0,
            used: Ratio,
            says: "not an improvement", // 100 × (1 − 1 ÷ 4)
        },
        // ---- bands: red flag = 50 %, goal = 100 % ----
        Case {
            name: "bands, higher: halfway between red flag 30 and goal 50 is 75 %",
            actual: 40.0,
            goal: Goal { bands: bands(30.0, 50.0), ..higher(999.0) },
            method: BandsM,
            settings: defaults(),
            raw: 75.0,
            percent: 75.0,
            used: BandsM,
            says: "goal 50 = 100 %", // 100 + 50 × (40 − 50) ÷ 20
        },
        Case {
            name: "bands, higher: at the red flag is 50 %",
            actual: 30.0,
            goal: Goal { bands: bands(30.0, 50.0), ..higher(999.0) },
            method: BandsM,
            settings: defaults(),
            raw: 50.0,
            percent: 50.0,
            used: BandsM,
            says: "", // 100 + 50 × (30 − 50) ÷ 20 = 100 − 50
        },
        Case {
            name: "bands, higher: beyond the goal is 125 %",
            actual: 60.0,
            goal: Goal { bands: bands(30.0, 50.0), ..higher(999.0) },
            method: BandsM,
            settings: defaults(),
            raw: 125.0,
            percent: 125.0,
            used: BandsM,
            says: "", // 100 + 50 × 10 ÷ 20
        },
        Case {
            name: "bands, higher: far below the red flag is floored at 0 %",
            actual: 0.0,
            goal: Goal { bands: bands(30.0, 50.0), ..higher(999.0) },
            method: BandsM,
            settings: defaults(),
            raw: -25.0,
            percent: 0.0,
            used: BandsM,
            says: "", // 100 + 50 × (−50) ÷ 20 = −25 → 0
        },
        Case {
            name: "bands, lower: 6 between goal 4 and red flag 8 is 75 %",
            actual: 6.0,
            goal: Goal { bands: bands(8.0, 4.0), ..lower(999.0) },
            method: BandsM,
            settings: defaults(),
            raw: 75.0,
            percent: 75.0,
            used: BandsM,
            says: "", // 100 + 50 × (6 − 4) ÷ (4 − 8) = 100 − 25
        },
        Case {
            name: "bands, lower: 2, better than goal 4, is 125 %",
            actual: 2.0,
            goal: Goal { bands: bands(8.0, 4.0), ..lower(999.0) },
            method: BandsM,
            settings: defaults(),
            raw: 125.0,
            percent: 125.0,
            used: BandsM,
            says: "", // 100 + 50 × (2 − 4) ÷ (4 − 8) = 100 + 25
        },
        Case {
            name: "bands pointing the wrong way for higher is better fall back to the ratio",
            actual: 40.0,
            goal: Goal { bands: bands(50.0, 30.0), ..higher(50.0) },
            method: BandsM,
            settings: defaults(),
            raw: 80.0,
            percent: 80.0,
            used: Ratio,
            says: "no usable bands", // 100 × 40 ÷ 50
        },
        Case {
            name: "bands pointing the wrong way for lower is better fall back to the ratio",
            actual: 5.0,
            goal: Goal { bands: bands(2.0, 6.0), ..lower(4.0) },
            method: BandsM,
            settings: defaults(),
            raw: 75.0,
            percent: 75.0,
            used: Ratio,
            says: "no usable bands", // 100 × (1 − 1 ÷ 4)
        },
        Case {
            name: "bands method without any bands falls back to the ratio",
            actual: 40.0,
            goal: higher(50.0),
            method: BandsM,
            settings: defaults(),
            raw: 80.0,
            percent: 80.0,
            used: Ratio,
            says: "no usable bands", // 100 × 40 ÷ 50
        },
        // ---- custom floor and cap ----
        Case {
            name: "custom floor 20: 5 of 50 shows 20 %, not 10 %",
            actual: 5.0,
            goal: higher(50.0),
            method: Ratio,
            settings: floor_and_cap(20.0, 150.0),
            raw: 10.0,
            percent: 20.0,
            used: Ratio,
            says: "", // 100 × 5 ÷ 50 = 10 → floor 20
        },
        Case {
            name: "custom cap 150: 100 of 50 shows 150 %, not 200 %",
            actual: 100.0,
            goal: higher(50.0),
            method: Ratio,
            settings: floor_and_cap(20.0, 150.0),
            raw: 200.0,
            percent: 150.0,
            used: Ratio,
            says: "", // 100 × 100 ÷ 50 = 200 → cap 150
        },
        Case {
            name: "custom floor and cap leave an in-between score alone",
            actual: 42.0,
            goal: higher(50.0),
            method: Ratio,
            settings: floor_and_cap(20.0, 150.0),
            raw: 84.0,
            percent: 84.0,
            used: Ratio,
            says: "", // 100 × 42 ÷ 50
        },
    ]
}

#[test]
fn achievement_matches_the_documented_formulas() {
    let cases = achievement_cases();
    assert!(cases.len() >= 34, "the table should stay comprehensive");
    let mut failures = Vec::new();
    for c in &cases {
        let a = achievement(c.actual, &c.goal, c.method, &c.settings);
        if (a.raw - c.raw).abs() > TOLERANCE {
            failures.push(format!("{}: raw {} (expected {})", c.name, a.raw, c.raw));
        }
        if (a.percent - c.percent).abs() > TOLERANCE {
            failures.push(format!("{}: percent {} (expected {})", c.name, a.percent, c.percent));
        }
        if a.method != c.used {
            failures.push(format!("{}: method {:?} (expected {:?})", c.name, a.method, c.used));
        }
        if !a.formula.contains(c.says) {
            failures.push(format!("{}: formula {:?} does not say {:?}", c.name, a.formula, c.says));
        }
    }
    assert!(failures.is_empty(), "{} failing case(s):\n{}", failures.len(), failures.join("\n"));
}

// ---------------------------------------------------------------------------------------------
// Part 2: whole frameworks scored for a review period.
// ---------------------------------------------------------------------------------------------

/// A framework, the review period it is scored for, and the day it is scored on.
struct Setup {
    fw: Framework,
    review: Period,
    today: Date,
}

/// What to look at in the scorecard, and the value it must have. Names identify KPIs and KRAs.
#[derive(Debug)]
enum Check {
    KpiScore(&'static str, Option<f64>),
    KpiRollup(&'static str, Option<f64>),
    KpiValue(&'static str, Option<f64>),
    KpiTarget(&'static str, f64),
    KpiReadings(&'static str, usize),
    KpiShare(&'static str, f64),
    KpiStatus(&'static str, Status),
    KpiPace(&'static str, Option<Pace>),
    Kra(&'static str, Option<f64>),
    KraShare(&'static str, f64),
    /// `None`: no weight warning; `Some(text)`: the warning contains `text`.
    KraWarning(&'static str, Option<&'static str>),
    /// A KRA explanation step containing the text.
    KraStep(&'static str, &'static str),
    Overall(Option<f64>),
    OverallWarning(Option<&'static str>),
    /// An explanation step of the framework containing the text.
    OverallStep(&'static str),
    /// The review period's first day, first day after, and label.
    Review(Date, Date, &'static str),
    ReviewDays(i64),
}

struct FwCase {
    name: &'static str,
    build: fn() -> Setup,
    checks: Vec<Check>,
}

/// A date after every review period used here, so no pace is reported.
/// Applies one review change for `period`.
fn set_review(fw: &mut Framework, period: Period, change: ReviewChange) {
    fw.apply(Edit::SetReview { key: ReviewKey::of(&period), change }).unwrap();
}

fn later() -> Date {
    date(2030, 1, 1)
}

fn month(y: i16, m: i8) -> Period {
    Period::containing(date(y, m, 1), Frequency::Monthly, FiscalYearStart::JANUARY)
}

fn spec(name: &str, direction: Direction, target: f64, weight: f64) -> KpiSpec {
    KpiSpec { weight, ..KpiSpec::new(name, "", direction, target) }
}

fn up(name: &str, target: f64, weight: f64) -> KpiSpec {
    spec(name, Direction::HigherIsBetter, target, weight)
}

/// "Sales": Revenue 42/50 (w 50), Leads 60/50 (w 30), Handling time 5 h against 4 h, lower
/// (w 20); all monthly readings in November 2026.
fn weighted_kra() -> Setup {
    let mut fw = Framework::new("Weighted");
    let sales = fw.add_kra(KraDraft::new("Sales", 100.0)).unwrap();
    let revenue = fw.add_kpi(sales, up("Revenue", 50.0, 50.0)).unwrap();
    let leads = fw.add_kpi(sales, up("Leads", 50.0, 30.0)).unwrap();
    let time = fw.add_kpi(sales, spec("Handling time", Direction::LowerIsBetter, 4.0, 20.0)).unwrap();
    fw.add_reading(revenue, date(2026, 11, 30), 42.0, "").unwrap();
    fw.add_reading(leads, date(2026, 11, 1), 60.0, "").unwrap();
    fw.add_reading(time, date(2026, 11, 15), 5.0, "").unwrap();
    Setup { fw, review: month(2026, 11), today: later() }
}

/// One KRA, "Over" 60/50 and "Under" 40/50, equal weights.
fn rollup_cap() -> Setup {
    let mut fw = Framework::new("Cap");
    let kra = fw.add_kra(KraDraft::new("Sales", 100.0)).unwrap();
    let over = fw.add_kpi(kra, up("Over", 50.0, 50.0)).unwrap();
    let under = fw.add_kpi(kra, up("Under", 50.0, 50.0)).unwrap();
    fw.add_reading(over, date(2026, 11, 3), 60.0, "").unwrap();
    fw.add_reading(under, date(2026, 11, 3), 40.0, "").unwrap();
    Setup { fw, review: month(2026, 11), today: later() }
}

/// "Leads" 40/50 (w 100) and "Survey" 30/50 marked N/A (w 50), plus "Meetings" with no reading
/// in November (only one in October), w 40.
fn left_out() -> Setup {
    let mut fw = Framework::new("Left out");
    let kra = fw.add_kra(KraDraft::new("Sales", 100.0)).unwrap();
    let leads = fw.add_kpi(kra, up("Leads", 50.0, 100.0)).unwrap();
    let survey = fw.add_kpi(kra, up("Survey", 50.0, 50.0)).unwrap();
    set_review(&mut fw, month(2026, 11), ReviewChange::NotApplicable { kpi: survey, yes: true });
    let meetings = fw.add_kpi(kra, up("Meetings", 12.0, 40.0)).unwrap();
    fw.add_reading(leads, date(2026, 11, 3), 40.0, "").unwrap();
    fw.add_reading(survey, date(2026, 11, 3), 30.0, "").unwrap();
    fw.add_reading(meetings, date(2026, 10, 31), 12.0, "").unwrap();
    Setup { fw, review: month(2026, 11), today: later() }
}

/// A weekly KPI reviewed monthly in November 2026, whose Mondays are 2, 9, 16, 23 and 30 Nov.
/// Weekly targets step 10, 12, 14, 16, 18 from the week of Mon 2 Nov (10 before it).
/// Readings: 9, 15, 12, 20, 7 for those five weeks, and 100 dated Sun 1 Nov, which belongs to
/// the week of Mon 26 Oct and so to October.
fn weekly_november(aggregation: Aggregation, review: Period) -> Setup {
    let mut fw = Framework::new("Weekly");
    let kra = fw.add_kra(KraDraft::new("Ops", 100.0)).unwrap();
    let plan = TargetPlan::Steps { from: date(2026, 11, 2), values: vec![10.0, 12.0, 14.0, 16.0, 18.0] };
    let kpi = fw
        .add_kpi(kra, KpiSpec { frequency: Frequency::Weekly, aggregation, target: plan, ..up("Tickets", 0.0, 1.0) })
        .unwrap();
    for (day, value) in [(1, 100.0), (2, 9.0), (11, 15.0), (16, 12.0), (27, 20.0), (30, 7.0)] {
        fw.add_reading(kpi, date(2026, 11, day), value, "").unwrap();
    }
    Setup { fw, review, today: later() }
}

/// April fiscal year; monthly "Revenue" summed, target 100 a month. Readings: 90 (Jan 2027),
/// 100 (Feb 2027), 140 on 31 Mar 2027 and 500 on 1 Apr 2027.
fn fiscal(review: Period) -> Setup {
    let mut fw = Framework::new("Fiscal");
    fw.set_settings(ScoringSettings { fiscal_year_start: FiscalYearStart::APRIL, ..ScoringSettings::default() })
        .unwrap();
    let kra = fw.add_kra(KraDraft::new("Sales", 100.0)).unwrap();
    let kpi = fw.add_kpi(kra, KpiSpec { aggregation: Aggregation::Sum, ..up("Revenue", 100.0, 1.0) }).unwrap();
    for (d, v) in
        [(date(2027, 1, 15), 90.0), (date(2027, 2, 10), 100.0), (date(2027, 3, 31), 140.0), (date(2027, 4, 1), 500.0)]
    {
        fw.add_reading(kpi, d, v, "").unwrap();
    }
    Setup { fw, review, today: later() }
}

fn fiscal_period(day: Date, frequency: Frequency) -> Period {
    Period::containing(day, frequency, FiscalYearStart::APRIL)
}

/// Weekly "Calls" summed, 10 a week. Feb 2028 (29 days) has Mondays 7, 14, 21 and 28;
/// March 2028 has Mondays 6, 13, 20, 27. Readings: 8, 10, 6 for the first three February weeks,
/// 12 on Mon 28 Feb (still February) and 50 on Mon 6 Mar (March).
fn leap(review: Period) -> Setup {
    let mut fw = Framework::new("Leap");
    let kra = fw.add_kra(KraDraft::new("Ops", 100.0)).unwrap();
    let kpi = fw
        .add_kpi(kra, KpiSpec { frequency: Frequency::Weekly, aggregation: Aggregation::Sum, ..up("Calls", 10.0, 1.0) })
        .unwrap();
    for (d, v) in [
        (date(2028, 2, 7), 8.0),
        (date(2028, 2, 14), 10.0),
        (date(2028, 2, 21), 6.0),
        (date(2028, 2, 28), 12.0),
        (date(2028, 3, 6), 50.0),
    ] {
        fw.add_reading(kpi, d, v, "").unwrap();
    }
    Setup { fw, review, today: later() }
}

/// Monthly "Revenue" summed with stepped targets 100, 110, 120 from January 2026.
/// Readings: Dec 2025 90, Jan 91, Feb 110, Mar 96, May 90.
fn steps(review: Period) -> Setup {
    let mut fw = Framework::new("Steps");
    let kra = fw.add_kra(KraDraft::new("Sales", 100.0)).unwrap();
    let plan = TargetPlan::Steps { from: date(2026, 1, 1), values: vec![100.0, 110.0, 120.0] };
    let kpi =
        fw.add_kpi(kra, KpiSpec { target: plan, aggregation: Aggregation::Sum, ..up("Revenue", 0.0, 1.0) }).unwrap();
    for (d, v) in [
        (date(2025, 12, 5), 90.0),
        (date(2026, 1, 5), 91.0),
        (date(2026, 2, 5), 110.0),
        (date(2026, 3, 5), 96.0),
        (date(2026, 5, 5), 90.0),
    ] {
        fw.add_reading(kpi, d, v, "").unwrap();
    }
    Setup { fw, review, today: later() }
}

/// Monthly "Revenue" summed with a ramp from 100 (Jan 2026) to 130 over 4 months:
/// Jan 100, Feb 110, Mar 120, Apr 130, then 130. Readings: Jan 100, Feb 99, Mar 120, Jun 65.
fn ramp(review: Period) -> Setup {
    let mut fw = Framework::new("Ramp");
    let kra = fw.add_kra(KraDraft::new("Sales", 100.0)).unwrap();
    let plan = TargetPlan::Ramp { from: date(2026, 1, 1), start: 100.0, end: 130.0, periods: 4 };
    let kpi =
        fw.add_kpi(kra, KpiSpec { target: plan, aggregation: Aggregation::Sum, ..up("Revenue", 0.0, 1.0) }).unwrap();
    for (d, v) in
        [(date(2026, 1, 9), 100.0), (date(2026, 2, 9), 99.0), (date(2026, 3, 9), 120.0), (date(2026, 6, 9), 65.0)]
    {
        fw.add_reading(kpi, d, v, "").unwrap();
    }
    Setup { fw, review, today: later() }
}

/// "Sales" (KRA weight 60): A 40/50 (w 30), B 30/50 (w 30). "Service" (KRA weight 60): C 45/50
/// (w 100).
fn odd_weights() -> Setup {
    let mut fw = Framework::new("Odd weights");
    let sales = fw.add_kra(KraDraft::new("Sales", 60.0)).unwrap();
    let service = fw.add_kra(KraDraft::new("Service", 60.0)).unwrap();
    let a = fw.add_kpi(sales, up("A", 50.0, 30.0)).unwrap();
    let b = fw.add_kpi(sales, up("B", 50.0, 30.0)).unwrap();
    let c = fw.add_kpi(service, up("C", 50.0, 100.0)).unwrap();
    for (k, v) in [(a, 40.0), (b, 30.0), (c, 45.0)] {
        fw.add_reading(k, date(2026, 11, 2), v, "").unwrap();
    }
    Setup { fw, review: month(2026, 11), today: later() }
}

/// "Sales" (KRA weight 0): A 40/50, B 30/50, both weight 0. "Service" (KRA weight 0): C 45/50,
/// weight 0.
fn zero_weights() -> Setup {
    let mut fw = Framework::new("Zero weights");
    let sales = fw.add_kra(KraDraft::new("Sales", 0.0)).unwrap();
    let service = fw.add_kra(KraDraft::new("Service", 0.0)).unwrap();
    let a = fw.add_kpi(sales, up("A", 50.0, 0.0)).unwrap();
    let b = fw.add_kpi(sales, up("B", 50.0, 0.0)).unwrap();
    let c = fw.add_kpi(service, up("C", 50.0, 0.0)).unwrap();
    for (k, v) in [(a, 40.0), (b, 30.0), (c, 45.0)] {
        fw.add_reading(k, date(2026, 11, 2), v, "").unwrap();
    }
    Setup { fw, review: month(2026, 11), today: later() }
}

/// Ratings out of 5 blended at `blend` %. "Quality" (w 50) rated `rating`, one KPI 60/100.
/// "Culture" (w 50) rated 3, its only KPI has no reading.
fn rated(blend: f64, rating: f64) -> Setup {
    let mut fw = Framework::new("Rated");
    fw.set_settings(ScoringSettings { rating_blend: blend, rating_scale: 5.0, ..ScoringSettings::default() }).unwrap();
    let quality = fw.add_kra(KraDraft::new("Quality", 50.0)).unwrap();
    let culture = fw.add_kra(KraDraft::new("Culture", 50.0)).unwrap();
    set_review(&mut fw, month(2026, 11), ReviewChange::Rating { kra: quality, rating: Some(rating) });
    set_review(&mut fw, month(2026, 11), ReviewChange::Rating { kra: culture, rating: Some(3.0) });
    // Ratings belong to their period: October's rating does not count in November.
    set_review(&mut fw, month(2026, 10), ReviewChange::Rating { kra: culture, rating: Some(1.0) });
    let defects = fw.add_kpi(quality, up("First-pass yield", 100.0, 1.0)).unwrap();
    fw.add_kpi(culture, up("Workshops", 4.0, 1.0)).unwrap();
    fw.add_reading(defects, date(2026, 11, 10), 60.0, "").unwrap();
    Setup { fw, review: month(2026, 11), today: later() }
}

/// Three monthly summed KPIs with a target of 100, seen on 15 November 2026 (15 of 30 days,
/// half the month): month-to-date 50, 45 and 30.
fn pace(today: Date) -> Setup {
    let mut fw = Framework::new("Pace");
    let kra = fw.add_kra(KraDraft::new("Sales", 100.0)).unwrap();
    for (name, value) in [("Steady", 50.0), ("Slow", 45.0), ("Stalled", 30.0)] {
        let k = fw.add_kpi(kra, KpiSpec { aggregation: Aggregation::Sum, ..up(name, 100.0, 1.0) }).unwrap();
        fw.add_reading(k, date(2026, 11, 1), value, "").unwrap();
    }
    Setup { fw, review: month(2026, 11), today }
}

/// Floor 20 %, KPI cap 150 %: "Low" 5/50, "High" 100/50, equal weights.
fn custom_limits() -> Setup {
    let mut fw = Framework::new("Limits");
    fw.set_settings(ScoringSettings { floor: 20.0, kpi_cap: 150.0, ..ScoringSettings::default() }).unwrap();
    let kra = fw.add_kra(KraDraft::new("Sales", 100.0)).unwrap();
    let low = fw.add_kpi(kra, up("Low", 50.0, 1.0)).unwrap();
    let high = fw.add_kpi(kra, up("High", 50.0, 1.0)).unwrap();
    fw.add_reading(low, date(2026, 11, 2), 5.0, "").unwrap();
    fw.add_reading(high, date(2026, 11, 2), 100.0, "").unwrap();
    Setup { fw, review: month(2026, 11), today: later() }
}

/// The framework-wide inverse convention for lower-is-better KPIs.
fn inverse_framework() -> Setup {
    let mut fw = Framework::new("Inverse");
    fw.set_settings(ScoringSettings { lower_ratio: LowerRatio::Inverse, ..ScoringSettings::default() }).unwrap();
    let kra = fw.add_kra(KraDraft::new("Service", 100.0)).unwrap();
    let k = fw.add_kpi(kra, spec("Handling time", Direction::LowerIsBetter, 4.0, 1.0)).unwrap();
    fw.add_reading(k, date(2026, 11, 2), 5.0, "").unwrap();
    Setup { fw, review: month(2026, 11), today: later() }
}

/// Two KRAs, "Sales" (w 60) with a KPI at 87.5 % and "Service" (w 40) at 50 %.
fn two_kras() -> Setup {
    let mut fw = Framework::new("Two");
    let sales = fw.add_kra(KraDraft::new("Sales", 60.0)).unwrap();
    let service = fw.add_kra(KraDraft::new("Service", 40.0)).unwrap();
    let a = fw.add_kpi(sales, up("Orders", 40.0, 1.0)).unwrap();
    let b = fw.add_kpi(service, spec("Complaints", Direction::LowerIsBetter, 10.0, 1.0)).unwrap();
    fw.add_reading(a, date(2026, 11, 2), 35.0, "").unwrap();
    fw.add_reading(b, date(2026, 11, 2), 15.0, "").unwrap();
    Setup { fw, review: month(2026, 11), today: later() }
}

fn framework_cases() -> Vec<FwCase> {
    use Check::*;
    vec![
        FwCase {
            name: "KPI weights 50/30/20 give the weighted mean, with a 120 % KPI counted as 100 %",
            build: weighted_kra,
            checks: vec![
                KpiScore("Revenue", Some(84.0)),       // 100 × 42 ÷ 50
                KpiScore("Leads", Some(120.0)),        // 100 × 60 ÷ 50
                KpiRollup("Leads", Some(100.0)),       // roll-up cap 100
                KpiScore("Handling time", Some(75.0)), // 100 × (1 − (5 − 4) ÷ 4)
                KpiShare("Revenue", 50.0),
                KpiShare("Leads", 30.0),
                KpiShare("Handling time", 20.0),
                Kra("Sales", Some(87.0)), // 0.5 × 84 + 0.3 × 100 + 0.2 × 75 = 42 + 30 + 15
                KraWarning("Sales", None),
                Overall(Some(87.0)),
                OverallWarning(None),
            ],
        },
        FwCase {
            name: "roll-up cap: a KPI shows 120 % but counts 100 % in its KRA",
            build: rollup_cap,
            checks: vec![
                KpiScore("Over", Some(120.0)),  // 100 × 60 ÷ 50
                KpiRollup("Over", Some(100.0)), // min(120, 100)
                KpiRollup("Under", Some(80.0)), // 100 × 40 ÷ 50
                Kra("Sales", Some(90.0)),       // (100 + 80) ÷ 2, not (120 + 80) ÷ 2 = 100
                Overall(Some(90.0)),
            ],
        },
        FwCase {
            name: "an N/A KPI is shown but left out; a KPI without a reading is left out",
            build: left_out,
            checks: vec![
                KpiScore("Survey", Some(60.0)), // 100 × 30 ÷ 50, shown
                KpiRollup("Survey", None),
                KpiStatus("Survey", Status::NotApplicable),
                KpiShare("Survey", 0.0),
                KpiScore("Meetings", None),
                KpiValue("Meetings", None),
                KpiStatus("Meetings", Status::NoData),
                KpiShare("Meetings", 0.0),
                KpiShare("Leads", 100.0),
                Kra("Sales", Some(80.0)), // only Leads: 100 × 40 ÷ 50
                // Applicable weights 100 + 40 = 140 (N/A excluded), so a warning.
                KraWarning("Sales", Some("add up to 140 %")),
            ],
        },
        FwCase {
            name: "sum: five weekly readings and five weekly targets add up in November",
            build: || weekly_november(Aggregation::Sum, month(2026, 11)),
            checks: vec![
                KpiReadings("Tickets", 5),       // the Sun 1 Nov reading belongs to the week of 26 Oct
                KpiValue("Tickets", Some(63.0)), // 9 + 15 + 12 + 20 + 7
                KpiTarget("Tickets", 70.0),      // 10 + 12 + 14 + 16 + 18
                KpiScore("Tickets", Some(90.0)), // 100 × 63 ÷ 70
            ],
        },
        FwCase {
            name: "average: weekly readings and targets are averaged in November",
            build: || weekly_november(Aggregation::Average, month(2026, 11)),
            checks: vec![
                KpiValue("Tickets", Some(12.6)), // 63 ÷ 5
                KpiTarget("Tickets", 14.0),      // 70 ÷ 5
                KpiScore("Tickets", Some(90.0)), // 100 × 12.6 ÷ 14
            ],
        },
        FwCase {
            name: "last: the latest weekly reading against the latest weekly target",
            build: || weekly_november(Aggregation::Last, month(2026, 11)),
            checks: vec![
                KpiValue("Tickets", Some(7.0)),          // week of 30 Nov
                KpiTarget("Tickets", 18.0),              // week of 30 Nov
                KpiScore("Tickets", Some(700.0 / 18.0)), // 100 × 7 ÷ 18 = 38.88…
            ],
        },
        FwCase {
            name: "min: the lowest weekly reading against the lowest weekly target",
            build: || weekly_november(Aggregation::Min, month(2026, 11)),
            checks: vec![
                KpiValue("Tickets", Some(7.0)),
                KpiTarget("Tickets", 10.0),
                KpiScore("Tickets", Some(70.0)), // 100 × 7 ÷ 10
            ],
        },
        FwCase {
            name: "max: the highest weekly reading against the highest weekly target",
            build: || weekly_november(Aggregation::Max, month(2026, 11)),
            checks: vec![
                KpiValue("Tickets", Some(20.0)),
                KpiTarget("Tickets", 18.0),
                KpiScore("Tickets", Some(2000.0 / 18.0)), // 100 × 20 ÷ 18 = 111.11…
                KpiRollup("Tickets", Some(100.0)),
            ],
        },
        FwCase {
            name: "a reading dated Sun 1 Nov 2026 counts in October (its week starts Mon 26 Oct)",
            build: || weekly_november(Aggregation::Sum, month(2026, 10)),
            checks: vec![
                KpiReadings("Tickets", 1),
                KpiValue("Tickets", Some(100.0)),
                // Mondays 5, 12, 19, 26 Oct, all before the plan starts: 4 × 10
                KpiTarget("Tickets", 40.0),
                KpiScore("Tickets", Some(200.0)), // 100 × 100 ÷ 40 = 250 → KPI cap 200
                KpiRollup("Tickets", Some(100.0)),
            ],
        },
        FwCase {
            name: "April fiscal year: Q4 FY2026-27 is Jan–Mar 2027 and includes 31 March",
            build: || fiscal(fiscal_period(date(2027, 2, 14), Frequency::Quarterly)),
            checks: vec![
                Review(date(2027, 1, 1), date(2027, 4, 1), "Q4 FY2026-27"),
                KpiReadings("Revenue", 3),
                KpiValue("Revenue", Some(330.0)), // 90 + 100 + 140; 1 April is next year
                KpiTarget("Revenue", 300.0),      // 3 × 100
                KpiScore("Revenue", Some(110.0)), // 100 × 330 ÷ 300
            ],
        },
        FwCase {
            name: "April fiscal year: FY2026-27 runs April 2026 to March 2027",
            build: || fiscal(fiscal_period(date(2027, 3, 31), Frequency::Annual)),
            checks: vec![
                Review(date(2026, 4, 1), date(2027, 4, 1), "FY2026-27"),
                KpiValue("Revenue", Some(330.0)),
                KpiTarget("Revenue", 1200.0),    // 12 × 100
                KpiScore("Revenue", Some(27.5)), // 100 × 330 ÷ 1200
            ],
        },
        FwCase {
            name: "April fiscal year: a reading on 1 April 2027 opens Q1 FY2027-28",
            build: || fiscal(fiscal_period(date(2027, 4, 1), Frequency::Quarterly)),
            checks: vec![
                Review(date(2027, 4, 1), date(2027, 7, 1), "Q1 FY2027-28"),
                KpiReadings("Revenue", 1),
                KpiValue("Revenue", Some(500.0)),
                KpiTarget("Revenue", 300.0),
                KpiScore("Revenue", Some(500.0 / 3.0)), // 100 × 500 ÷ 300 = 166.66…
                KpiRollup("Revenue", Some(100.0)),
            ],
        },
        FwCase {
            name: "leap year: February 2028 has 29 days and four weeks, including Mon 28 Feb",
            build: || leap(month(2028, 2)),
            checks: vec![
                ReviewDays(29),
                Review(date(2028, 2, 1), date(2028, 3, 1), "Feb 2028"),
                KpiReadings("Calls", 4),
                KpiValue("Calls", Some(36.0)), // 8 + 10 + 6 + 12
                KpiTarget("Calls", 40.0),      // Mondays 7, 14, 21, 28: 4 × 10
                KpiScore("Calls", Some(90.0)), // 100 × 36 ÷ 40
            ],
        },
        FwCase {
            name: "leap year: the reading on Mon 6 Mar 2028 counts in March",
            build: || leap(month(2028, 3)),
            checks: vec![
                ReviewDays(31),
                KpiReadings("Calls", 1),
                KpiValue("Calls", Some(50.0)),
                KpiTarget("Calls", 40.0),       // Mondays 6, 13, 20, 27: 4 × 10
                KpiScore("Calls", Some(125.0)), // 100 × 50 ÷ 40
            ],
        },
        FwCase {
            name: "steps: March 2026 takes the third step, 120",
            build: || steps(month(2026, 3)),
            checks: vec![KpiTarget("Revenue", 120.0), KpiScore("Revenue", Some(80.0))], // 100 × 96 ÷ 120
        },
        FwCase {
            name: "steps: before the plan starts the first step applies",
            build: || steps(month(2025, 12)),
            checks: vec![KpiTarget("Revenue", 100.0), KpiScore("Revenue", Some(90.0))], // 100 × 90 ÷ 100
        },
        FwCase {
            name: "steps: after the last step it keeps holding",
            build: || steps(month(2026, 5)),
            checks: vec![KpiTarget("Revenue", 120.0), KpiScore("Revenue", Some(75.0))], // 100 × 90 ÷ 120
        },
        FwCase {
            name: "steps: a quarter sums its three monthly steps",
            build: || steps(Period::containing(date(2026, 2, 1), Frequency::Quarterly, FiscalYearStart::JANUARY)),
            checks: vec![
                KpiValue("Revenue", Some(297.0)), // 91 + 110 + 96
                KpiTarget("Revenue", 330.0),      // 100 + 110 + 120
                KpiScore("Revenue", Some(90.0)),  // 100 × 297 ÷ 330
            ],
        },
        FwCase {
            name: "ramp: February 2026 is one third of the way from 100 to 130",
            build: || ramp(month(2026, 2)),
            checks: vec![KpiTarget("Revenue", 110.0), KpiScore("Revenue", Some(90.0))], // 100 + 30 × 1 ÷ 3; 99 ÷ 110
        },
        FwCase {
            name: "ramp: after its last period the ramp stays at the end value",
            build: || ramp(month(2026, 6)),
            checks: vec![KpiTarget("Revenue", 130.0), KpiScore("Revenue", Some(50.0))], // 100 × 65 ÷ 130
        },
        FwCase {
            name: "ramp: a quarter sums the ramp's monthly targets",
            build: || ramp(Period::containing(date(2026, 3, 31), Frequency::Quarterly, FiscalYearStart::JANUARY)),
            checks: vec![
                KpiValue("Revenue", Some(319.0)),           // 100 + 99 + 120
                KpiTarget("Revenue", 330.0),                // 100 + 110 + 120
                KpiScore("Revenue", Some(31900.0 / 330.0)), // 100 × 319 ÷ 330 = 96.66…
            ],
        },
        FwCase {
            name: "weights not adding up to 100 are used in proportion, with a warning",
            build: odd_weights,
            checks: vec![
                KpiShare("A", 50.0), // 30 ÷ 60
                KpiShare("B", 50.0),
                Kra("Sales", Some(70.0)), // (80 + 60) ÷ 2
                KraWarning("Sales", Some("KPI weights in \"Sales\" add up to 60 %, not 100 %")),
                KraWarning("Service", None),
                KraShare("Sales", 50.0), // 60 ÷ 120
                KraShare("Service", 50.0),
                Overall(Some(80.0)), // (70 + 90) ÷ 2
                OverallWarning(Some("KRA weights add up to 120 %, not 100 %: scores use them in proportion.")),
            ],
        },
        FwCase {
            name: "all weights zero: KPIs and KRAs count equally",
            build: zero_weights,
            checks: vec![
                KpiShare("A", 50.0),
                KpiShare("B", 50.0),
                Kra("Sales", Some(70.0)), // (80 + 60) ÷ 2
                KraStep("Sales", "All KPI weights are 0, so the scored KPIs count equally."),
                KraShare("Sales", 50.0),
                KraShare("Service", 50.0),
                Overall(Some(80.0)), // (70 + 90) ÷ 2
                OverallStep("All KRA weights are 0, so the KRAs count equally."),
                OverallWarning(Some("add up to 0 %")),
            ],
        },
        FwCase {
            name: "two KRAs weighted 60/40 give the weighted overall",
            build: two_kras,
            checks: vec![
                Kra("Sales", Some(87.5)),   // 100 × 35 ÷ 40
                Kra("Service", Some(50.0)), // 100 × (1 − 5 ÷ 10)
                Overall(Some(72.5)),        // 0.6 × 87.5 + 0.4 × 50 = 52.5 + 20
            ],
        },
        FwCase {
            name: "rating blend 40 %: a KRA rated 4 of 5 with KPIs at 60 % scores 68 %",
            build: || rated(40.0, 4.0),
            checks: vec![
                Kra("Quality", Some(68.0)), // 0.6 × 60 + 0.4 × (100 × 4 ÷ 5) = 36 + 32
                Kra("Culture", Some(60.0)), // no readings: the rating alone, 100 × 3 ÷ 5
                Overall(Some(64.0)),        // (68 + 60) ÷ 2
            ],
        },
        FwCase {
            name: "rating blend 0 %: ratings are ignored",
            build: || rated(0.0, 4.0),
            checks: vec![Kra("Quality", Some(60.0)), Kra("Culture", None), Overall(Some(60.0))],
        },
        FwCase {
            name: "a rating above the scale (the scale lowered after rating) counts as 100 %",
            build: || {
                // Entering 6 of 5 is refused, but lowering the scale to 4 leaves a 5 above it.
                let mut setup = rated(40.0, 5.0);
                let settings = ScoringSettings { rating_scale: 4.0, ..setup.fw.settings().clone() };
                setup.fw.set_settings(settings).unwrap();
                setup
            },
            checks: vec![Kra("Quality", Some(76.0))], // 0.6 × 60 + 0.4 × 100 = 36 + 40
        },
        FwCase {
            name: "pace halfway through November: 50 of 100 is on track, 45 behind, 30 at risk",
            build: || pace(date(2026, 11, 15)),
            checks: vec![
                KpiScore("Steady", Some(50.0)),         // the score itself is not projected
                KpiPace("Steady", Some(Pace::OnTrack)), // 15 of 30 days: 50 ÷ 0.5 = 100 → 100 %
                KpiPace("Slow", Some(Pace::Behind)),    // 45 ÷ 0.5 = 90 → 90 %, amber (80–100)
                KpiPace("Stalled", Some(Pace::AtRisk)), // 30 ÷ 0.5 = 60 → 60 %, red (< 80)
            ],
        },
        FwCase {
            name: "no pace once the period is over",
            build: || pace(date(2026, 12, 1)),
            checks: vec![KpiPace("Steady", None), KpiPace("Slow", None), KpiPace("Stalled", None)],
        },
        FwCase {
            name: "custom floor 20 % and KPI cap 150 % in a framework",
            build: custom_limits,
            checks: vec![
                KpiScore("Low", Some(20.0)), // 100 × 5 ÷ 50 = 10 → floor 20
                KpiRollup("Low", Some(20.0)),
                KpiScore("High", Some(150.0)),  // 100 × 100 ÷ 50 = 200 → cap 150
                KpiRollup("High", Some(100.0)), // roll-up cap 100
                Kra("Sales", Some(60.0)),       // (20 + 100) ÷ 2
            ],
        },
        FwCase {
            name: "the framework's inverse setting scores lower-is-better KPIs as T ÷ A",
            build: inverse_framework,
            checks: vec![KpiScore("Handling time", Some(80.0))], // 100 × 4 ÷ 5
        },
    ]
}

fn kpi_of<'a>(card: &'a Scorecard, fw: &Framework, name: &str) -> &'a kra_kpi::domain::scoring::KpiScore {
    let kpi = fw.kpis().iter().find(|k| k.spec.name == name).unwrap_or_else(|| panic!("no KPI named {name}"));
    &card.kpis[&kpi.id]
}

fn kra_of<'a>(card: &'a Scorecard, fw: &Framework, name: &str) -> &'a kra_kpi::domain::scoring::KraScore {
    let kra = fw.kras().iter().find(|k| k.name == name).unwrap_or_else(|| panic!("no KRA named {name}"));
    &card.kras[&kra.id]
}

fn same(actual: Option<f64>, expected: Option<f64>) -> bool {
    match (actual, expected) {
        (Some(a), Some(e)) => (a - e).abs() <= TOLERANCE,
        (None, None) => true,
        _ => false,
    }
}

fn warning_matches(actual: &Option<String>, expected: Option<&str>) -> bool {
    match (actual, expected) {
        (None, None) => true,
        (Some(a), Some(e)) => a.contains(e),
        _ => false,
    }
}

#[test]
fn framework_scores_match_hand_worked_examples() {
    let cases = framework_cases();
    let mut failures = Vec::new();
    for c in &cases {
        let Setup { fw, review, today } = (c.build)();
        let card = score_framework(&fw, &review, today);
        for check in &c.checks {
            let ok = match *check {
                Check::KpiScore(n, e) => same(kpi_of(&card, &fw, n).score, e),
                Check::KpiRollup(n, e) => same(kpi_of(&card, &fw, n).rollup, e),
                Check::KpiValue(n, e) => same(kpi_of(&card, &fw, n).value, e),
                Check::KpiTarget(n, e) => same(Some(kpi_of(&card, &fw, n).target), Some(e)),
                Check::KpiReadings(n, e) => kpi_of(&card, &fw, n).readings == e,
                Check::KpiShare(n, e) => same(Some(kpi_of(&card, &fw, n).weight_share), Some(e)),
                Check::KpiStatus(n, e) => kpi_of(&card, &fw, n).status == e,
                Check::KpiPace(n, e) => kpi_of(&card, &fw, n).pace == e,
                Check::Kra(n, e) => same(kra_of(&card, &fw, n).score, e),
                Check::KraShare(n, e) => same(Some(kra_of(&card, &fw, n).weight_share), Some(e)),
                Check::KraWarning(n, e) => warning_matches(&kra_of(&card, &fw, n).weight_warning, e),
                Check::KraStep(n, e) => kra_of(&card, &fw, n).steps.iter().any(|s| s.contains(e)),
                Check::Overall(e) => same(card.overall, e),
                Check::OverallWarning(e) => warning_matches(&card.weight_warning, e),
                Check::OverallStep(e) => card.steps.iter().any(|s| s.contains(e)),
                Check::Review(start, end, label) => {
                    review.start() == start && review.end() == end && review.label() == label
                }
                Check::ReviewDays(days) => review.days() == days,
            };
            if !ok {
                failures.push(format!("{}: {:?} failed\n  scorecard: {:#?}", c.name, check, summary(&card, &fw)));
            }
        }
    }
    let total = cases.len() + achievement_cases().len();
    assert!(total >= 34, "at least 34 cases in all, found {total}");
    assert!(failures.is_empty(), "{} failing check(s):\n{}", failures.len(), failures.join("\n"));
}

/// A compact view of a scorecard for failure messages.
fn summary(card: &Scorecard, fw: &Framework) -> Vec<String> {
    let mut lines = vec![format!("overall {:?}, warning {:?}", card.overall, card.weight_warning)];
    for kra in fw.kras() {
        let k = &card.kras[&kra.id];
        lines.push(format!("KRA {}: {:?} share {} warning {:?}", kra.name, k.score, k.weight_share, k.weight_warning));
    }
    for kpi in fw.kpis() {
        let k = &card.kpis[&kpi.id];
        lines.push(format!(
            "KPI {}: value {:?} target {} readings {} score {:?} rollup {:?} share {} status {:?} pace {:?}",
            kpi.spec.name, k.value, k.target, k.readings, k.score, k.rollup, k.weight_share, k.status, k.pace
        ));
    }
    lines
}

#![cfg(not(target_arch = "wasm32"))] // host tests; the browser tests are tests/web_*.rs
//! Properties the scoring must hold for every input, not just the worked examples:
//!
//! - every achievement is finite for any finite inputs, whatever the method, direction and
//!   lower-is-better convention (zero and negative targets, ±1e300, subnormals included);
//! - the score never decreases as the actual moves in the good direction;
//! - a KRA's score lies between its KPIs' roll-up values, and the overall score between the KRA
//!   scores (when ratings are not blended).

use jiff::civil::date;
use kra_kpi::domain::direction::Direction;
use kra_kpi::domain::edit::{Edit, ReviewChange};
use kra_kpi::domain::framework::Framework;
use kra_kpi::domain::kpi::KpiSpec;
use kra_kpi::domain::kra::KraDraft;
use kra_kpi::domain::period::{FiscalYearStart, Frequency, Period};
use kra_kpi::domain::review::ReviewKey;
use kra_kpi::domain::scoring::achievement::{achievement, Goal};
use kra_kpi::domain::scoring::{score_framework, Aggregation, Bands, LowerRatio, ScoringMethod, ScoringSettings};
use proptest::prelude::*;

/// Any finite number, with extra weight on the awkward ones.
fn finite() -> impl Strategy<Value = f64> {
    prop_oneof![
        3 => prop::num::f64::NORMAL | prop::num::f64::SUBNORMAL | prop::num::f64::ZERO,
        2 => prop::sample::select(vec![
            0.0, -0.0, 1.0, -1.0, 1e300, -1e300, 1e-300, -1e-300, f64::MAX, f64::MIN,
            f64::MIN_POSITIVE, -f64::MIN_POSITIVE, 100.0, 50.0, -50.0,
        ]),
        3 => -1000.0..1000.0f64,
        2 => (-20i32..20).prop_map(f64::from),
    ]
}

fn one_sided() -> impl Strategy<Value = Direction> {
    prop_oneof![Just(Direction::HigherIsBetter), Just(Direction::LowerIsBetter)]
}

/// Every direction, including two-sided ones with any finite (even reversed) bounds.
fn any_direction() -> impl Strategy<Value = Direction> {
    prop_oneof![
        Just(Direction::HigherIsBetter),
        Just(Direction::LowerIsBetter),
        (finite(), finite()).prop_map(|(min, max)| Direction::KeepWithinRange { min, max }),
        finite().prop_map(|tolerance| Direction::HitValue { tolerance }),
        finite().prop_map(|t| Direction::HitValue { tolerance: t.abs() }),
    ]
}

fn method() -> impl Strategy<Value = ScoringMethod> {
    prop::sample::select(ScoringMethod::ALL.to_vec())
}

fn lower_ratio() -> impl Strategy<Value = LowerRatio> {
    prop_oneof![Just(LowerRatio::Inverse), Just(LowerRatio::Reflection)]
}

fn goal(direction: impl Strategy<Value = Direction>) -> impl Strategy<Value = Goal> {
    (direction, finite(), prop::option::of(finite()), prop::option::of((finite(), finite()))).prop_map(
        |(direction, target, baseline, bands)| Goal {
            direction,
            target,
            baseline,
            bands: bands.map(|(red_flag, goal)| Bands { red_flag, goal }),
        },
    )
}

/// Default limits, or any finite floor and cap (with the floor at or below the cap).
fn settings() -> impl Strategy<Value = ScoringSettings> {
    (lower_ratio(), prop::option::of((finite(), finite()))).prop_map(|(lower_ratio, limits)| {
        let mut s = ScoringSettings { lower_ratio, ..ScoringSettings::default() };
        if let Some((a, b)) = limits {
            s.floor = a.min(b);
            s.kpi_cap = a.max(b);
        }
        s
    })
}

/// A one-sided goal that "fits" its direction half of the time: baseline on the right side of
/// the target, bands pointing the KPI's way.
fn fitting_goal() -> impl Strategy<Value = Goal> {
    (goal(one_sided()), any::<bool>()).prop_map(|(mut g, fix)| {
        if fix {
            let higher = g.direction == Direction::HigherIsBetter;
            if let Some(b) = g.baseline {
                let (lo, hi) = (b.min(g.target), b.max(g.target));
                (g.baseline, g.target) = if higher { (Some(lo), hi) } else { (Some(hi), lo) };
            }
            if let Some(bands) = g.bands {
                let (lo, hi) = (bands.red_flag.min(bands.goal), bands.red_flag.max(bands.goal));
                g.bands =
                    Some(if higher { Bands { red_flag: lo, goal: hi } } else { Bands { red_flag: hi, goal: lo } });
            }
        }
        g
    })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    /// Every achievement is finite for finite inputs, and within [floor, cap].
    #[test]
    fn every_achievement_is_finite(actual in finite(), goal in goal(any_direction()), method in method(), settings in settings()) {
        let a = achievement(actual, &goal, method, &settings);
        prop_assert!(a.percent.is_finite(), "percent {} for {actual} against {goal:?} ({method:?}, {settings:?})", a.percent);
        prop_assert!(a.raw.is_finite(), "raw {} for {actual} against {goal:?} ({method:?}, {settings:?})", a.raw);
        prop_assert!(a.percent >= settings.floor && a.percent <= settings.kpi_cap,
            "percent {} outside [{}, {}]", a.percent, settings.floor, settings.kpi_cap);
        prop_assert!(!a.formula.is_empty());
    }

    /// Moving the actual in the good direction never lowers the score, for every method
    /// (including the ones that fall back to the ratio) and both lower-is-better conventions.
    #[test]
    fn the_score_never_drops_as_the_actual_improves(
        a in finite(), b in finite(), goal in fitting_goal(), method in method(), settings in settings(),
    ) {
        let (worse, better) = match goal.direction {
            Direction::HigherIsBetter => (a.min(b), a.max(b)),
            _ => (a.max(b), a.min(b)),
        };
        let w = achievement(worse, &goal, method, &settings);
        let g = achievement(better, &goal, method, &settings);
        prop_assert!(g.percent >= w.percent,
            "{:?}: {better} scores {} ({}) but the worse {worse} scores {} ({}); goal {goal:?}, {method:?}, {settings:?}",
            goal.direction, g.percent, g.formula, w.percent, w.formula);
    }

    /// The same with ordinary magnitudes and the default settings, so the interesting part of
    /// each formula (not just the clamps) is exercised.
    #[test]
    fn the_score_never_drops_as_the_actual_improves_ordinary_numbers(
        a in -500.0..500.0f64, step in 0.0..100.0f64, target in -200.0..200.0f64,
        baseline in prop::option::of(-200.0..200.0f64), red in -200.0..200.0f64, width in 0.5..100.0f64,
        direction in one_sided(), method in method(), lower_ratio in lower_ratio(),
    ) {
        let higher = direction == Direction::HigherIsBetter;
        let bands = if higher { Bands { red_flag: red, goal: red + width } } else { Bands { red_flag: red, goal: red - width } };
        let goal = Goal { direction, target, baseline, bands: Some(bands) };
        let settings = ScoringSettings { lower_ratio, ..ScoringSettings::default() };
        let better = if higher { a + step } else { a - step };
        let w = achievement(a, &goal, method, &settings);
        let g = achievement(better, &goal, method, &settings);
        prop_assert!(g.percent >= w.percent,
            "{better} scores {} ({}) but {a} scores {} ({})", g.percent, g.formula, w.percent, w.formula);
    }
}

/// A KPI as the roll-up property needs it: any direction that validates, a target, a weight,
/// an aggregation, maybe N/A, and readings for some of the three months of Q4 2026.
#[derive(Clone, Debug)]
struct KpiPlan {
    direction: Direction,
    target: f64,
    weight: f64,
    aggregation: Aggregation,
    not_applicable: bool,
    method: Option<ScoringMethod>,
    readings: Vec<Option<f64>>,
}

fn kpi_plan() -> impl Strategy<Value = KpiPlan> {
    let direction = prop_oneof![
        Just(Direction::HigherIsBetter),
        Just(Direction::LowerIsBetter),
        (-100.0..100.0f64, 0.1..50.0f64).prop_map(|(min, w)| Direction::KeepWithinRange { min, max: min + w }),
        (0.0..20.0f64).prop_map(|tolerance| Direction::HitValue { tolerance }),
    ];
    (
        direction,
        prop_oneof![Just(0.0), -100.0..100.0f64],
        prop_oneof![Just(0.0), 0.0..100.0f64],
        prop::sample::select(Aggregation::ALL.to_vec()),
        prop::bool::weighted(0.2),
        prop::option::of(method()),
        prop::collection::vec(prop::option::of(-300.0..300.0f64), 3),
    )
        .prop_map(|(direction, target, weight, aggregation, not_applicable, method, readings)| KpiPlan {
            direction,
            target,
            weight,
            aggregation,
            not_applicable,
            method,
            readings,
        })
}

/// The KPIs planned N/A are marked N/A in `review`.
fn build(
    kras: &[(f64, Vec<KpiPlan>)],
    lower_ratio: LowerRatio,
    floor: f64,
    rollup_cap: f64,
    review: &Period,
) -> Framework {
    let mut fw = Framework::new("Property");
    fw.set_settings(ScoringSettings { lower_ratio, floor, rollup_cap, ..ScoringSettings::default() }).unwrap();
    for (i, (weight, kpis)) in kras.iter().enumerate() {
        let kra = fw.add_kra(KraDraft::new(&format!("KRA {i}"), *weight)).unwrap();
        for (j, p) in kpis.iter().enumerate() {
            let spec = KpiSpec {
                weight: p.weight,
                aggregation: p.aggregation,
                method: p.method,
                baseline: Some(p.target / 2.0),
                ..KpiSpec::new(&format!("KPI {i}.{j}"), "", p.direction, p.target)
            };
            let kpi = fw.add_kpi(kra, spec).unwrap();
            if p.not_applicable {
                let change = ReviewChange::NotApplicable { kpi, yes: true };
                fw.apply(Edit::SetReview { key: ReviewKey::of(review), change }).unwrap();
            }
            for (m, value) in p.readings.iter().enumerate() {
                if let Some(v) = value {
                    fw.add_reading(kpi, date(2026, 10 + m as i8, 5), *v, "").unwrap();
                }
            }
        }
    }
    fw
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 500, ..ProptestConfig::default() })]

    /// A KRA's score lies between the lowest and highest roll-up value of the KPIs that count;
    /// the overall score lies between the lowest and highest KRA score. A level has no score
    /// only when nothing below it is scored, or when everything scored weighs 0 while a sibling
    /// without a score weighs more (weight-0 children then do not decide the level).
    #[test]
    fn roll_ups_lie_between_their_parts(
        kras in prop::collection::vec((prop_oneof![Just(0.0), 0.0..100.0f64], prop::collection::vec(kpi_plan(), 0..5)), 1..5),
        lower_ratio in lower_ratio(),
        floor in prop_oneof![Just(0.0), 0.0..50.0f64],
        rollup_cap in prop_oneof![Just(100.0), 60.0..200.0f64],
        quarter in any::<bool>(),
    ) {
        let review = if quarter {
            Period::containing(date(2026, 11, 1), Frequency::Quarterly, FiscalYearStart::JANUARY)
        } else {
            Period::containing(date(2026, 11, 1), Frequency::Monthly, FiscalYearStart::JANUARY)
        };
        let fw = build(&kras, lower_ratio, floor, rollup_cap, &review);
        prop_assert_eq!(fw.settings().rating_blend, 0.0);
        let card = score_framework(&fw, &review, date(2026, 11, 20));
        let eps = 1e-9;
        let mut kra_scores = Vec::new();
        for kra in fw.kras() {
            let weighted: Vec<(f64, f64)> =
                fw.kpis_of(kra.id).filter_map(|k| card.kpis[&k.id].rollup.map(|r| (k.spec.weight, r))).collect();
            let parts: Vec<f64> = weighted.iter().map(|p| p.1).collect();
            let score = card.kras[&kra.id].score;
            match score {
                None => {
                    let scored_weight: f64 = weighted.iter().map(|p| p.0).sum();
                    let any_weight = fw.kpis_of(kra.id).any(|k| !fw.is_not_applicable(k.id, &review) && k.spec.weight > 0.0);
                    prop_assert!(
                        parts.is_empty() || (scored_weight == 0.0 && any_weight),
                        "KRA {} has parts {:?} but no score", kra.name, weighted
                    );
                }
                Some(s) => {
                    prop_assert!(s.is_finite());
                    let lo = parts.iter().copied().fold(f64::INFINITY, f64::min);
                    let hi = parts.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                    prop_assert!(lo - eps <= s && s <= hi + eps, "KRA {} scores {} outside [{}, {}] of {:?}", kra.name, s, lo, hi, parts);
                    kra_scores.push((kra.weight, s));
                }
            }
        }
        for k in card.kpis.values() {
            if let Some(r) = k.rollup {
                prop_assert!(r >= floor - eps && r <= rollup_cap.max(floor) + eps, "roll-up {} outside [{}, {}]", r, floor, rollup_cap);
            }
        }
        match card.overall {
            None => {
                let scored_weight: f64 = kra_scores.iter().map(|p| p.0).sum();
                let any_weight = fw.kras().iter().any(|k| k.weight > 0.0);
                prop_assert!(kra_scores.is_empty() || (scored_weight == 0.0 && any_weight), "KRAs {:?} but no overall", kra_scores);
            }
            Some(o) => {
                let kra_scores: Vec<f64> = kra_scores.iter().map(|p| p.1).collect();
                let lo = kra_scores.iter().copied().fold(f64::INFINITY, f64::min);
                let hi = kra_scores.iter().copied().fold(f64::NEG_INFINITY, f64::max);
                prop_assert!(lo - eps <= o && o <= hi + eps, "overall {} outside [{}, {}] of {:?}", o, lo, hi, kra_scores);
            }
        }
    }
}

/// Found by the property above in CI (2026-12-07): with bands spanning nearly all of `f64`
/// (red flag `f64::MIN`, goal 1e300), `50 % × (actual − goal) ÷ (goal − red flag)` was ∞ ÷ ∞
/// for an actual of `f64::MAX`, which scored the floor while 0 scored 100 %. The same shape
/// for progress (baseline `f64::MIN`). Both now keep their order, and their raw value is a number.
#[test]
fn spans_near_the_largest_number_keep_the_order_of_scores() {
    let settings = ScoringSettings::default();
    let bands = Goal {
        direction: Direction::HigherIsBetter,
        target: 0.0,
        baseline: None,
        bands: Some(Bands { red_flag: f64::MIN, goal: 1e300 }),
    };
    let progress = Goal { direction: Direction::HigherIsBetter, target: 1e300, baseline: Some(f64::MIN), bands: None };
    for (goal, method) in [(bands, ScoringMethod::Bands), (progress, ScoringMethod::Progress)] {
        let worse = achievement(0.0, &goal, method, &settings);
        let better = achievement(f64::MAX, &goal, method, &settings);
        assert!(better.raw.is_finite(), "{method:?}: raw {} ({})", better.raw, better.formula);
        assert!(better.percent >= worse.percent, "{method:?}: {} < {}", better.percent, worse.percent);
        assert_eq!(better.method, method, "still scored by {method:?}");
    }
}

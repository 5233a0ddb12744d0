//! One KPI value against its goal: the achievement percentage and the formula that gave it.

use super::method::{Bands, LowerRatio, ScoringMethod, Thresholds};
use super::settings::ScoringSettings;
use super::words::Words;
use crate::domain::direction::Direction;
use crate::domain::format::num;

/// Everything a KPI is measured against in one period.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Goal {
    pub direction: Direction,
    /// The period's target T (ignored by keep-within-range).
    pub target: f64,
    /// The baseline B, for the progress method.
    pub baseline: Option<f64>,
    /// The red flag and goal, for the bands method.
    pub bands: Option<Bands>,
}

impl Goal {
    /// The default status thresholds for this goal under `method`: green from 100 %, amber from
    /// 80 % for one-sided ratios; amber from 50 % where 50 % has a meaning of its own (the red
    /// flag of bands, half a range-width outside a range).
    pub fn default_thresholds(&self, method: ScoringMethod) -> Thresholds {
        let two_sided = matches!(self.direction, Direction::KeepWithinRange { .. } | Direction::HitValue { .. });
        if two_sided || method == ScoringMethod::Bands {
            Thresholds { green: 100.0, amber: 50.0 }
        } else {
            Thresholds { green: 100.0, amber: 80.0 }
        }
    }
}

/// The result of scoring one value.
#[derive(Clone, Debug, PartialEq)]
pub struct Achievement {
    /// The score shown for the KPI, after the floor and the KPI cap (percent).
    pub percent: f64,
    /// The formula's own result before the floor and cap (percent, always finite).
    pub raw: f64,
    /// The method actually used (a method that does not apply falls back to the ratio).
    pub method: ScoringMethod,
    /// The formula in plain words, with the numbers filled in.
    pub formula: String,
}

/// Scores `actual` against `goal` with `method`.
///
/// | method | direction | formula (percent) |
/// |---|---|---|
/// | ratio | higher | 100 × A ÷ T; for T < 0: 100 × (1 + (A − T) ÷ \|T\|) |
/// | ratio | lower, reflection | 100 × (1 − (A − T) ÷ \|T\|) |
/// | ratio | lower, inverse | 100 × T ÷ A; A ≤ 0 scores the KPI cap; T ≤ 0 uses the reflection |
/// | any | keep within [min, max] | 100 inside; outside 100 × (1 − d ÷ (max − min)), d the distance to the range |
/// | any | hit T ± tol | 100 within tol; outside 100 × (1 − (\|A − T\| − tol) ÷ \|T\|) (÷ tol when T = 0) |
/// | progress | higher / lower | 100 × (A − B) ÷ (T − B) |
/// | bands | higher / lower | 100 + 50 × (A − goal) ÷ (goal − red flag) |
///
/// A zero target makes a ratio undefined: the score is then 100 % when the target is met
/// (A ≥ 0 for higher, A ≤ 0 for lower) and 0 % otherwise. Progress with T = B likewise scores
/// 100 % or 0 %. Progress without a baseline, or with a target on the wrong side of it, and bands
/// without bands fall back to the ratio, and the formula says so. The result is clamped to
/// `[settings.floor, settings.kpi_cap]`; any non-finite intermediate is clamped too, so the
/// result is always finite.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::direction::Direction;
/// use kra_kpi::domain::scoring::achievement::{achievement, Goal};
/// use kra_kpi::domain::scoring::{ScoringMethod, ScoringSettings};
///
/// let goal = Goal { direction: Direction::HigherIsBetter, target: 50.0, baseline: None, bands: None };
/// let a = achievement(42.0, &goal, ScoringMethod::Ratio, &ScoringSettings::default());
/// assert_eq!(a.percent, 84.0);
/// assert_eq!(a.formula, "42 ÷ 50 = 84 %");
/// ```
pub fn achievement(actual: f64, goal: &Goal, method: ScoringMethod, settings: &ScoringSettings) -> Achievement {
    achievement_as(actual, goal, method, settings, Words::Explained)
}

/// [`achievement`], with the formula left empty unless `words` asks for it (see [`Words`]).
pub(crate) fn achievement_as(
    actual: f64,
    goal: &Goal,
    method: ScoringMethod,
    settings: &ScoringSettings,
    words: Words,
) -> Achievement {
    let (raw, method, formula) = match (method, goal.direction) {
        (_, Direction::KeepWithinRange { min, max }) => {
            let (raw, formula) = within_range(actual, min, max, words);
            (raw, ScoringMethod::Ratio, formula)
        }
        (_, Direction::HitValue { tolerance }) => {
            let (raw, formula) = hit_value(actual, goal.target, tolerance, words);
            (raw, ScoringMethod::Ratio, formula)
        }
        (ScoringMethod::Bands, direction) => match goal.bands {
            Some(bands) if bands_fit(bands, direction) => {
                let raw = 100.0 + share(50.0, actual, bands.goal, bands.goal, bands.red_flag);
                let formula = words.say(|| {
                    format!(
                        "100 % + 50 % × ({} − {}) ÷ ({} − {}) = {} % (goal {} = 100 %, red flag {} = 50 %)",
                        num(actual),
                        num(bands.goal),
                        num(bands.goal),
                        num(bands.red_flag),
                        num(raw),
                        num(bands.goal),
                        num(bands.red_flag)
                    )
                });
                (raw, ScoringMethod::Bands, formula)
            }
            _ => {
                let (raw, formula) = ratio(actual, goal.target, direction, settings, words);
                (raw, ScoringMethod::Ratio, words.say(|| format!("no usable bands (goal and red flag must differ and point the KPI's way), so ratio: {formula}")))
            }
        },
        (ScoringMethod::Progress, direction) => match goal.baseline {
            Some(base) if progress_fits(base, goal.target, direction) => {
                let (raw, formula) = progress(actual, base, goal.target, direction, words);
                (raw, ScoringMethod::Progress, formula)
            }
            Some(base) => {
                let (raw, formula) = ratio(actual, goal.target, direction, settings, words);
                let words_of = || {
                    format!(
                        "target {} is not an improvement on baseline {}, so ratio: {formula}",
                        num(goal.target),
                        num(base)
                    )
                };
                (raw, ScoringMethod::Ratio, words.say(words_of))
            }
            None => {
                let (raw, formula) = ratio(actual, goal.target, direction, settings, words);
                (raw, ScoringMethod::Ratio, words.say(|| format!("no baseline set, so ratio: {formula}")))
            }
        },
        (ScoringMethod::Ratio, direction) => {
            let (raw, formula) = ratio(actual, goal.target, direction, settings, words);
            (raw, ScoringMethod::Ratio, formula)
        }
    };
    let raw = finite_or_bound(raw, settings);
    Achievement { percent: clamp(raw, settings.floor, settings.kpi_cap), raw, method, formula }
}

/// Clamps without ever producing NaN, and tolerates a floor above the cap (the floor wins).
pub(crate) fn clamp(value: f64, floor: f64, cap: f64) -> f64 {
    value.min(cap).max(floor)
}

fn finite_or_bound(raw: f64, settings: &ScoringSettings) -> f64 {
    if raw.is_nan() {
        settings.floor
    } else if raw == f64::INFINITY {
        settings.kpi_cap.max(settings.floor)
    } else if raw == f64::NEG_INFINITY {
        settings.floor
    } else {
        raw
    }
}

fn met_or_not(met: bool, words: Words, why: impl FnOnce() -> String) -> (f64, String) {
    let raw = if met { 100.0 } else { 0.0 };
    (raw, words.say(|| format!("{}: {} → {} %", why(), if met { "met" } else { "not met" }, num(raw))))
}

fn ratio(a: f64, t: f64, direction: Direction, settings: &ScoringSettings, words: Words) -> (f64, String) {
    let lower = direction == Direction::LowerIsBetter;
    if t == 0.0 {
        let why = if lower {
            "target is 0, so the ratio is undefined; scored as met when actual ≤ 0"
        } else {
            "target is 0, so the ratio is undefined; scored as met when actual ≥ 0"
        };
        return met_or_not(if lower { a <= 0.0 } else { a >= 0.0 }, words, || why.to_owned());
    }
    if !lower {
        return if t > 0.0 {
            let raw = 100.0 * a / t;
            (raw, words.say(|| format!("{} ÷ {} = {} %", num(a), num(t), num(raw))))
        } else {
            let raw = 100.0 * (1.0 + (a - t) / t.abs());
            (
                raw,
                words
                    .say(|| format!("1 + ({} − {}) ÷ |{}| = {} % (negative target)", num(a), num(t), num(t), num(raw))),
            )
        };
    }
    match settings.lower_ratio {
        LowerRatio::Inverse if t > 0.0 => {
            if a <= 0.0 {
                let raw = settings.kpi_cap;
                (raw, words.say(|| format!("actual {} ≤ 0 beats any positive target: the cap, {} %", num(a), num(raw))))
            } else {
                let raw = 100.0 * t / a;
                (
                    raw,
                    words
                        .say(|| format!("{} ÷ {} = {} % (target ÷ actual, lower is better)", num(t), num(a), num(raw))),
                )
            }
        }
        inverse_or_reflection => {
            let raw = 100.0 * (1.0 - (a - t) / t.abs());
            let note = if inverse_or_reflection == LowerRatio::Inverse {
                " (target ÷ actual is undefined for a negative target, so the reflection)"
            } else {
                ""
            };
            (raw, words.say(|| format!("1 − ({} − {}) ÷ |{}| = {} %{note}", num(a), num(t), num(t), num(raw))))
        }
    }
}

fn within_range(a: f64, min: f64, max: f64, words: Words) -> (f64, String) {
    if (min..=max).contains(&a) {
        return (100.0, words.say(|| format!("{} is within {}–{} → 100 %", num(a), num(min), num(max))));
    }
    let width = max - min;
    if width <= 0.0 || !width.is_finite() {
        return met_or_not(false, words, || format!("{} is outside the range {}–{}", num(a), num(min), num(max)));
    }
    let distance = if a < min { min - a } else { a - max };
    let raw = 100.0 * (1.0 - distance / width);
    let formula = words.say(|| {
        format!(
            "{} is {} outside {}–{}: 1 − {} ÷ {} = {} %",
            num(a),
            num(distance),
            num(min),
            num(max),
            num(distance),
            num(width),
            num(raw)
        )
    });
    (raw, formula)
}

fn hit_value(a: f64, t: f64, tolerance: f64, words: Words) -> (f64, String) {
    let deviation = (a - t).abs();
    if deviation <= tolerance {
        return (100.0, words.say(|| format!("{} is within {} ± {} → 100 %", num(a), num(t), num(tolerance))));
    }
    let scale = if t != 0.0 { t.abs() } else { tolerance };
    if scale <= 0.0 {
        return met_or_not(false, words, || format!("{} misses the exact target {}", num(a), num(t)));
    }
    let raw = 100.0 * (1.0 - (deviation - tolerance) / scale);
    let formula = words.say(|| {
        format!(
            "{} is {} beyond {} ± {}: 1 − {} ÷ {} = {} %",
            num(a),
            num(deviation - tolerance),
            num(t),
            num(tolerance),
            num(deviation - tolerance),
            num(scale),
            num(raw)
        )
    });
    (raw, formula)
}

/// Progress only means something when the target is an improvement on the baseline (or equal).
fn progress_fits(base: f64, target: f64, direction: Direction) -> bool {
    match direction {
        Direction::HigherIsBetter => target >= base,
        Direction::LowerIsBetter => target <= base,
        _ => false,
    }
}

fn progress(a: f64, b: f64, t: f64, direction: Direction, words: Words) -> (f64, String) {
    if t == b {
        let met = a == t || direction.prefers(a, t);
        return met_or_not(met, words, || {
            "target equals baseline, so progress is undefined; scored as met when the target is reached".to_owned()
        });
    }
    let raw = share(100.0, a, b, t, b);
    let formula = words.say(|| {
        format!(
            "({} − {}) ÷ ({} − {}) = {} % of the way from baseline to target",
            num(a),
            num(b),
            num(t),
            num(b),
            num(raw)
        )
    });
    (raw, formula)
}

/// `k × (a − b) ÷ (c − d)`, computed as written; or, when that is NaN because the product and
/// the divisor both overflow (∞ ÷ ∞: an actual and a span near `f64::MAX`), from halves of the
/// four numbers, which is exact at those magnitudes. Without this, such an actual would score
/// the floor while a worse one scored well.
///
/// ```ignore
/// assert_eq!(share(100.0, 5.0, 0.0, 10.0, 0.0), 50.0);
/// assert!(share(50.0, f64::MAX, 1e300, 1e300, -f64::MAX).is_finite());
/// ```
fn share(k: f64, a: f64, b: f64, c: f64, d: f64) -> f64 {
    let raw = k * (a - b) / (c - d);
    if raw.is_nan() {
        k * ((a / 2.0 - b / 2.0) / (c / 2.0 - d / 2.0))
    } else {
        raw
    }
}

fn bands_fit(bands: Bands, direction: Direction) -> bool {
    match direction {
        Direction::HigherIsBetter => bands.goal > bands.red_flag,
        Direction::LowerIsBetter => bands.goal < bands.red_flag,
        _ => false,
    }
}

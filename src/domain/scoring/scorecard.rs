//! Scoring a whole framework for one review period, with an explanation for every number.

use jiff::civil::Date;

use super::achievement::{achievement_as, clamp, Goal};
use super::coverage::{combine, is_due, Coverage, Part};
use super::method::Thresholds;
use super::pace::Pace;
use super::status::Status;
use super::words::{Steps, Words};
use crate::domain::direction::Direction;
use crate::domain::format::{goal_text, num, with_unit};
use crate::domain::framework::Framework;
use crate::domain::id::Id;
use crate::domain::kpi::Kpi;
use crate::domain::kra::Kra;
use crate::domain::ordered::{map_from, map_of, set_from, Map};
use crate::domain::period::Period;
use crate::domain::reading::Series;
use crate::domain::scoring::{Aggregation, ScoringSettings};
use crate::domain::shared::Shared;

/// A KPI's result for one review period.
#[derive(Clone, Debug, PartialEq)]
pub struct KpiScore {
    pub id: Id,
    /// The review-period value (readings aggregated), if any reading falls in the period.
    pub value: Option<f64>,
    /// The review-period target (per-period targets aggregated the same way).
    pub target: f64,
    /// Number of readings in the period.
    pub readings: usize,
    /// The score shown for the KPI, within floor and KPI cap (may exceed 100 %).
    pub score: Option<f64>,
    /// The score that counts in the roll-up (capped at the roll-up cap).
    pub rollup: Option<f64>,
    pub status: Status,
    /// The achievement percentages at which this KPI turns green and amber (its own, or the
    /// default for its direction and method); `None` without a reading. The bullet chart draws
    /// them as its bands.
    pub thresholds: Option<Thresholds>,
    /// Only for the current, unfinished period.
    pub pace: Option<Pace>,
    /// Normalised weight within its KRA, in percent (0 when left out).
    pub weight_share: f64,
    /// One sentence: "Leads converted: 42 against a target of 50 → 84 %, weight 30 % of KRA …"
    /// ("against the range 7–8 hours" for a range).
    pub summary: String,
    /// The steps behind the number, in plain words.
    pub steps: Vec<String>,
}

/// A KRA's result for one review period.
#[derive(Clone, Debug, PartialEq)]
pub struct KraScore {
    pub id: Id,
    pub score: Option<f64>,
    pub status: Status,
    /// Normalised weight within the framework, in percent (0 when left out).
    pub weight_share: f64,
    /// Set when the KRA's KPI weights do not add up to 100.
    pub weight_warning: Option<String>,
    /// How many of its KPIs due in the period have a reading, and their share of its weight.
    pub coverage: Coverage,
    pub summary: String,
    pub steps: Vec<String>,
}

/// The whole framework's result for one review period.
#[derive(Clone, Debug, PartialEq)]
pub struct Scorecard {
    pub period: Period,
    /// Each KPI's result, shared with the scorecard scored before when it did not change.
    pub kpis: Map<Id, Shared<KpiScore>>,
    /// Each KRA's result, shared likewise.
    pub kras: Map<Id, Shared<KraScore>>,
    pub overall: Option<f64>,
    pub status: Status,
    /// Set when the KRA weights do not add up to 100.
    pub weight_warning: Option<String>,
    /// How many KPIs due in the period have a reading, and their share of the weight.
    pub coverage: Coverage,
    /// Whether the period contains today: its scores are so far, not final.
    pub in_progress: bool,
    pub summary: String,
    pub steps: Vec<String>,
}

/// Scores every KPI, KRA and the framework for `review`, as seen on `today` (for pace).
///
/// KPIs marked N/A or without a reading in the period are left out of their KRA's roll-up, and
/// the weights of the rest are normalised. A level whose weights are all zero falls back to
/// equal weights and says so.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::direction::Direction;
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::domain::kpi::KpiSpec;
/// use kra_kpi::domain::kra::KraDraft;
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::domain::scoring::score_framework;
///
/// let mut fw = Framework::new("Sales executive");
/// let kra = fw.add_kra(KraDraft::new("Achieve monthly revenue targets", 100.0)).unwrap();
/// let kpi = fw.add_kpi(kra, KpiSpec::new("Leads converted", "leads", Direction::HigherIsBetter, 50.0)).unwrap();
/// fw.add_reading(kpi, date(2026, 10, 1), 42.0, "").unwrap();
///
/// let october = Period::containing(date(2026, 10, 1), Frequency::Monthly, fw.settings().fiscal_year_start);
/// let card = score_framework(&fw, &october, date(2026, 11, 23));
/// assert_eq!(card.kpis[&kpi].score, Some(84.0));
/// assert_eq!(card.overall, Some(84.0));
/// ```
pub fn score_framework(fw: &Framework, review: &Period, today: Date) -> Scorecard {
    score_framework_with(fw, review, today, &mut ScoreCache::default())
}

/// Remembers each KPI's own result and each KRA's roll-up, so that scoring again after an edit
/// recomputes only the KPIs whose inputs changed (the KPI itself, or its readings in the review
/// period) and the KRAs holding them, then rolls up the KRAs. With a thousand KPIs in fifty
/// KRAs, one edit re-scores one KPI and one KRA; every other score in the new [`Scorecard`] is
/// the same [`Shared`] value as before, so a view can tell with a pointer comparison that its
/// score did not change.
///
/// Results are reused only for the same review period, day and settings; anything else clears
/// the cache.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::domain::scoring::{score_framework, score_framework_with, ScoreCache};
/// use kra_kpi::domain::shared::Shared;
/// use kra_kpi::domain::template::sales_executive;
///
/// let mut fw = sales_executive();
/// let today = date(2026, 11, 23);
/// let month = Period::containing(today, Frequency::Monthly, fw.settings().fiscal_year_start);
/// let mut cache = ScoreCache::default();
/// let before = score_framework_with(&fw, &month, today, &mut cache);
/// let (first_kra, last_kpi) = (fw.kras()[0].id, fw.kpis().last().unwrap().id);
/// fw.add_reading(last_kpi, today, 42.0, "").unwrap();
/// let after = score_framework_with(&fw, &month, today, &mut cache);
/// assert_eq!(after, score_framework(&fw, &month, today));
/// assert!(Shared::ptr_eq(&before.kras[&first_kra], &after.kras[&first_kra]), "not re-scored");
/// ```
#[derive(Clone, Debug, Default)]
pub struct ScoreCache {
    context: Option<(Period, Date, ScoringSettings)>,
    /// The KPI list the cached KPIs were checked against: while the framework still holds this
    /// very list, no KPI's spec changed.
    kpi_list: Option<Shared<Vec<Kpi>>>,
    // Boxed, so that a sorted map's insert out of order moves two words per entry.
    kpis: Map<Id, Box<CachedKpi>>,
    kras: Map<Id, Box<CachedKra>>,
    /// Whether KPIs and KRAs are scored with their words (see [`ScoreCache::numbers_only`]).
    words: Words,
}

#[derive(Clone, Debug)]
struct CachedKpi {
    kpi: Kpi,
    not_applicable: bool,
    /// The readings the values came from: while the framework holds this very series, they
    /// are the same.
    series: Option<Shared<Series>>,
    values: Vec<(Date, f64)>,
    /// Its own result, before the roll-up fills in weight share and summary.
    score: KpiScore,
}

#[derive(Clone, Debug)]
struct CachedKra {
    kra: Kra,
    rating: Option<f64>,
    /// Its KPIs' finished results, in display order.
    kpis: Vec<Shared<KpiScore>>,
    score: Shared<KraScore>,
}

impl ScoreCache {
    /// A cache whose scorecards leave out the words behind each KPI's and KRA's number: their
    /// `summary` and `steps` are empty, and so are the scorecard's own. Those words are most of
    /// the cost of scoring, and a screen shows them for one KPI or KRA at a time:
    /// [`explain_kpi`], [`explain_kra`] and [`explain_overall`] write them when asked. [`ScoreCache::default`]
    /// writes everything.
    ///
    /// # Example
    ///
    /// ```
    /// use jiff::civil::date;
    /// use kra_kpi::domain::period::{Frequency, Period};
    /// use kra_kpi::domain::scoring::{explain_kpi, score_framework, score_framework_with, ScoreCache};
    /// use kra_kpi::domain::template::sales_executive;
    ///
    /// let mut fw = sales_executive();
    /// let today = date(2026, 11, 23);
    /// let kpi = fw.kpis()[0].id;
    /// fw.add_reading(kpi, today, 42.0, "").unwrap();
    /// let month = Period::containing(today, Frequency::Monthly, fw.settings().fiscal_year_start);
    ///
    /// let quick = score_framework_with(&fw, &month, today, &mut ScoreCache::numbers_only());
    /// let full = score_framework(&fw, &month, today);
    /// assert_eq!(quick.kpis[&kpi].score, full.kpis[&kpi].score);
    /// assert!(quick.kpis[&kpi].steps.is_empty() && !full.kpis[&kpi].steps.is_empty());
    /// let words = explain_kpi(&fw, &month, today, kpi).unwrap();
    /// assert_eq!((words.summary, words.steps), (full.kpis[&kpi].summary.clone(), full.kpis[&kpi].steps.clone()));
    /// ```
    pub fn numbers_only() -> ScoreCache {
        ScoreCache { words: Words::NumbersOnly, ..ScoreCache::default() }
    }

    /// Brings one KPI's own result up to date; true when it had to be recomputed.
    fn refresh(&mut self, fw: &Framework, kpi: &Kpi, specs_same: bool, review: &Period, today: Date) -> bool {
        let not_applicable = fw.is_not_applicable(kpi.id, review);
        let series = fw.series(kpi.id);
        let values = || fw.readings_in(kpi.id, review).map(|(&d, r)| (d, r.value));
        if let Some(c) = self.kpis.get_mut(&kpi.id) {
            let same_series = match (&c.series, &series) {
                (Some(a), Some(b)) => Shared::ptr_eq(a, b),
                (None, None) => true,
                _ => false,
            };
            if (specs_same || c.kpi == *kpi)
                && c.not_applicable == not_applicable
                && (same_series || c.values.iter().copied().eq(values()))
            {
                c.series = series;
                return false;
            }
        }
        let score = score_kpi_as(fw, kpi, review, today, self.words);
        let cached = CachedKpi { kpi: kpi.clone(), not_applicable, series, values: values().collect(), score };
        self.kpis.insert(kpi.id, Box::new(cached));
        true
    }

    /// The finished results of one KRA's KPIs and of the KRA, if nothing they depend on changed.
    fn kra_block(&self, kra: &Kra, kpis: &[&Kpi], rating: Option<f64>) -> Option<&CachedKra> {
        let c = self.kras.get(&kra.id)?;
        let same_kpis = kpis.iter().map(|k| k.id).eq(c.kpis.iter().map(|s| s.id));
        (c.kra == *kra && c.rating == rating && same_kpis).then_some(c)
    }
}

/// Like [`score_framework`], reusing (and refreshing) `cache`.
pub fn score_framework_with(fw: &Framework, review: &Period, today: Date, cache: &mut ScoreCache) -> Scorecard {
    let settings = fw.settings();
    if cache.context.as_ref().is_none_or(|(p, d, s)| p != review || *d != today || s != settings) {
        *cache = ScoreCache {
            context: Some((*review, today, settings.clone())),
            words: cache.words,
            ..ScoreCache::default()
        };
    }
    // KPIs and KRAs deleted since the last call would otherwise stay cached for ever.
    if cache.kpis.len() > fw.kpis().len() {
        let ids = set_from(fw.kpis().iter().map(|k| k.id));
        cache.kpis.retain(|id, _| ids.contains(id));
    }
    if cache.kras.len() > fw.kras().len() {
        let ids = set_from(fw.kras().iter().map(|k| k.id));
        cache.kras.retain(|id, _| ids.contains(id));
    }
    let list = fw.kpis_shared();
    let specs_same = cache.kpi_list.as_ref().is_some_and(|l| Shared::ptr_eq(l, &list));
    cache.kpi_list = Some(list);
    // Every KPI's result, KRA by KRA: into a map once they are all here (`map_of`), since the
    // KRAs' KPIs are not in id order.
    let mut kpis = Vec::new();
    let mut kras = Map::new();
    let mut kra_parts = Vec::new();
    let mut kra_coverage = Vec::new();

    for (kra, kra_kpis) in fw.kras_with_kpis() {
        let mut stale = false;
        for kpi in &kra_kpis {
            stale |= cache.refresh(fw, kpi, specs_same, review, today);
        }
        let rating = fw.review(review).and_then(|r| r.rating(kra.id));
        if stale || cache.kra_block(kra, &kra_kpis, rating).is_none() {
            let block = score_kra_block(fw, kra, &kra_kpis, rating, review, &cache.kpis, cache.words);
            cache.kras.insert(kra.id, Box::new(block));
        }
        // Read in place: every KRA's block is read after every edit, and copying it meant copying
        // the KRA and its list of KPI results each time.
        let block = &cache.kras[&kra.id];
        kra_coverage.push(block.score.coverage.as_part(kra.weight));
        if let Some(s) = block.score.score {
            kra_parts.push((kra.id, kra.weight, s));
        }
        kpis.extend(block.kpis.iter().map(|s| (s.id, s.clone())));
        kras.insert(kra.id, block.score.clone());
    }

    let kra_weights: Vec<f64> = fw.kras().iter().map(|k| k.weight).collect();
    let weight_warning = weight_warning(&kra_weights, "KRA weights");
    let rolled = weighted_mean(&kra_parts, kra_weights.iter().all(|&w| w == 0.0));
    for kra in fw.kras() {
        let Some(k) = kras.get_mut(&kra.id) else { continue };
        let share = rolled.shares.get(&kra.id).copied().unwrap_or(0.0);
        if k.weight_share != share {
            // Copies this KRA's result, and caches the copy: the next scoring finds the share
            // already right and shares the result as it is.
            k.weight_share = share;
            if let Some(c) = cache.kras.get_mut(&kra.id) {
                c.score = k.clone();
            }
        }
    }
    let overall = rolled.mean;
    let status = overall.map_or(Status::NoData, |s| settings.rollup_thresholds.status(s));
    let coverage = combine(&kra_coverage);
    let in_progress = review.contains(today);
    let mut card = Scorecard {
        period: *review,
        kpis: map_of(kpis),
        kras,
        overall,
        status,
        weight_warning,
        coverage,
        in_progress,
        summary: String::new(),
        steps: Vec::new(),
    };
    if cache.words == Words::Explained {
        let Explanation { summary, steps } = explain_overall(fw, &card);
        (card.summary, card.steps) = (summary, steps);
    }
    card
}

/// Why `card`, scored from `fw`, has the overall score it has: the summary and steps a scorecard
/// scored with [`ScoreCache::default`] holds, written from the KRAs' results already in `card`
/// (nothing is scored again).
///
/// A screen that scores with [`ScoreCache::numbers_only`] after every edit asks for these words
/// only when someone opens them: writing a step per KRA was a good part of an edit's cost.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::domain::scoring::{explain_overall, score_framework, score_framework_with, ScoreCache};
/// use kra_kpi::domain::template::sales_executive;
///
/// let mut fw = sales_executive();
/// let today = date(2026, 11, 23);
/// fw.add_reading(fw.kpis()[0].id, today, 42.0, "").unwrap();
/// let month = Period::containing(today, Frequency::Monthly, fw.settings().fiscal_year_start);
///
/// let quick = score_framework_with(&fw, &month, today, &mut ScoreCache::numbers_only());
/// assert!(quick.summary.is_empty() && quick.steps.is_empty());
/// let full = score_framework(&fw, &month, today);
/// let words = explain_overall(&fw, &quick);
/// assert_eq!((words.summary, words.steps), (full.summary, full.steps));
/// ```
pub fn explain_overall(fw: &Framework, card: &Scorecard) -> Explanation {
    let mut steps = Vec::new();
    let mut scored = 0;
    for kra in fw.kras() {
        let Some(k) = card.kras.get(&kra.id) else { continue };
        match k.score {
            Some(s) => {
                scored += 1;
                steps.push(format!("\"{}\": {} % × weight {} %", kra.name, num(s), num(k.weight_share)));
            }
            None => steps.push(format!("\"{}\": no score this period, left out", kra.name)),
        }
    }
    if scored > 0 && fw.kras().iter().all(|k| k.weight == 0.0) {
        steps.push("All KRA weights are 0, so the KRAs count equally.".into());
    }
    if let Some(w) = &card.weight_warning {
        steps.push(w.clone());
    }
    let summary = match card.overall {
        Some(s) => format!(
            "\"{}\" scores {} % for {}: the weighted mean of {} scored KRA(s).",
            fw.name(),
            num(s),
            card.period.label(),
            scored
        ),
        None => {
            format!("\"{}\" has no score for {}: no KPI has a reading in this period.", fw.name(), card.period.label())
        }
    };
    if !card.coverage.is_complete() {
        steps.push(format!("{}, carrying {} % of the weight.", card.coverage.describe(), num(card.coverage.weight)));
    }
    steps.push(thresholds_step(card.status, fw.settings().rollup_thresholds));
    Explanation { summary, steps }
}

/// The words behind one score: the sentence a screen shows first, and the steps.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Explanation {
    /// One sentence: "Leads converted: 42 against a target of 50 → 84 %, …".
    pub summary: String,
    /// The steps behind the number, in plain words.
    pub steps: Vec<String>,
}

/// Why KPI `kpi` scores what it does for `review`: the summary and steps a scorecard scored
/// with [`ScoreCache::default`] holds, written for this one KPI (its KRA's KPIs are scored
/// again, as its weight share depends on them). `None` if there is no such KPI.
///
/// For a screen that scores with [`ScoreCache::numbers_only`]; see its example.
pub fn explain_kpi(fw: &Framework, review: &Period, today: Date, kpi: Id) -> Option<Explanation> {
    let kra = fw.kpi(kpi)?.kra;
    let block = explained_block(fw, review, today, kra)?;
    let score = block.kpis.iter().find(|s| s.id == kpi)?;
    Some(Explanation { summary: score.summary.clone(), steps: score.steps.clone() })
}

/// Why KRA `kra` scores what it does for `review`, like [`explain_kpi`] for a KPI. `None` if
/// there is no such KRA.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::period::{Frequency, Period};
/// use kra_kpi::domain::scoring::{explain_kra, score_framework};
/// use kra_kpi::domain::template::sales_executive;
///
/// let fw = sales_executive();
/// let today = date(2026, 11, 23);
/// let month = Period::containing(today, Frequency::Monthly, fw.settings().fiscal_year_start);
/// let kra = fw.kras()[0].id;
/// let words = explain_kra(&fw, &month, today, kra).unwrap();
/// assert_eq!(words.steps, score_framework(&fw, &month, today).kras[&kra].steps);
/// ```
pub fn explain_kra(fw: &Framework, review: &Period, today: Date, kra: Id) -> Option<Explanation> {
    let block = explained_block(fw, review, today, kra)?;
    Some(Explanation { summary: block.score.summary.clone(), steps: block.score.steps.clone() })
}

/// KRA `kra` and its KPIs scored with every word written.
fn explained_block(fw: &Framework, review: &Period, today: Date, kra: Id) -> Option<CachedKra> {
    let kra = fw.kra(kra)?;
    let kra_kpis: Vec<&Kpi> = fw.kpis_of(kra.id).collect();
    let mut own = Map::new();
    for &kpi in &kra_kpis {
        let (not_applicable, series) = (fw.is_not_applicable(kpi.id, review), fw.series(kpi.id));
        let score = score_kpi_as(fw, kpi, review, today, Words::Explained);
        own.insert(kpi.id, Box::new(CachedKpi { kpi: kpi.clone(), not_applicable, series, values: Vec::new(), score }));
    }
    let rating = fw.review(review).and_then(|r| r.rating(kra.id));
    Some(score_kra_block(fw, kra, &kra_kpis, rating, review, &own, Words::Explained))
}

/// One KRA's roll-up from its KPIs' own results (all in `own`, with their N/A marks): each
/// KPI's weight share, summary and last step, and the KRA's score.
fn score_kra_block(
    fw: &Framework,
    kra: &Kra,
    kra_kpis: &[&Kpi],
    rating: Option<f64>,
    review: &Period,
    own: &Map<Id, Box<CachedKpi>>,
    words: Words,
) -> CachedKra {
    let mut parts = Vec::new();
    let mut due = Vec::new();
    let mut raw_scores = Vec::new();
    let mut applicable_weights = Vec::new();
    for &kpi in kra_kpis {
        let CachedKpi { score, not_applicable, .. } = &*own[&kpi.id];
        let (score, not_applicable) = (score.clone(), *not_applicable);
        if !not_applicable {
            applicable_weights.push(kpi.spec.weight);
        }
        if let (Some(r), false) = (score.rollup, not_applicable) {
            parts.push((kpi.id, kpi.spec.weight, r));
        }
        if !not_applicable && is_due(kpi.spec.frequency, review) {
            let reported = usize::from(score.readings > 0);
            due.push(Part { weight: kpi.spec.weight, due: 1, reported, reported_share: reported as f64 });
        }
        raw_scores.push((kpi, score));
    }
    let warning = weight_warning(&applicable_weights, &format!("KPI weights in \"{}\"", kra.name));
    let rolled = weighted_mean(&parts, applicable_weights.iter().all(|&w| w == 0.0));
    let mut kpis = Map::new();
    for (kpi, mut score) in raw_scores {
        score.weight_share = rolled.shares.get(&score.id).copied().unwrap_or(0.0);
        if words == Words::Explained {
            score.summary = kpi_summary(kpi, &score, &kra.name);
            if score.rollup.is_some() && score.weight_share > 0.0 {
                score.steps.push(format!("Counts {} % towards KRA \"{}\".", num(score.weight_share), kra.name));
            }
        }
        kpis.insert(score.id, score);
    }
    let score = score_kra(fw, kra, review, &rolled, warning, combine(&due), &kpis, rating, words);
    let kpis = kra_kpis.iter().filter_map(|k| kpis.remove(&k.id)).map(Shared::new).collect();
    CachedKra { kra: kra.clone(), rating, kpis, score: Shared::new(score) }
}

fn thresholds_step(status: Status, t: Thresholds) -> String {
    format!("Status {} (green from {} %, amber from {} %).", status.label(), num(t.green), num(t.amber))
}

/// A weighted mean with each part's normalised share.
struct Rolled {
    mean: Option<f64>,
    shares: Map<Id, f64>,
    equal_weights: bool,
}

/// `all_zero` says whether every applicable child (scored or not) has weight 0: only then do
/// the scored children count equally. Scored children that all weigh 0 while others weigh more
/// give no score.
fn weighted_mean(parts: &[(Id, f64, f64)], all_zero: bool) -> Rolled {
    let total: f64 = parts.iter().map(|(_, w, _)| w).sum();
    let equal_weights = !parts.is_empty() && all_zero;
    if !equal_weights && total <= 0.0 {
        return Rolled { mean: None, shares: Map::new(), equal_weights };
    }
    let weight = |w: f64| if equal_weights { 1.0 } else { w };
    let total = if equal_weights { parts.len() as f64 } else { total };
    if parts.is_empty() {
        return Rolled { mean: None, shares: Map::new(), equal_weights };
    }
    let shares = map_from(parts.iter().map(|(id, w, _)| (*id, 100.0 * weight(*w) / total)));
    let sum: f64 = parts.iter().map(|(_, w, s)| weight(*w) * s).sum();
    // Rounding could push the mean a hair outside its parts; keep it between them.
    let lo = parts.iter().map(|p| p.2).fold(f64::INFINITY, f64::min);
    let hi = parts.iter().map(|p| p.2).fold(f64::NEG_INFINITY, f64::max);
    Rolled { mean: Some(clamp(sum / total, lo, hi)), shares, equal_weights }
}

fn weight_warning(weights: &[f64], what: &str) -> Option<String> {
    if weights.is_empty() {
        return None;
    }
    let total: f64 = weights.iter().sum();
    ((total - 100.0).abs() > 0.01)
        .then(|| format!("{what} add up to {} %, not 100 %: scores use them in proportion.", num(total)))
}

#[allow(clippy::too_many_arguments)]
fn score_kra(
    fw: &Framework,
    kra: &Kra,
    review: &Period,
    rolled: &Rolled,
    warning: Option<String>,
    coverage: Coverage,
    kpis: &Map<Id, KpiScore>,
    given: Option<f64>,
    words: Words,
) -> KraScore {
    let settings = fw.settings();
    let mut steps = Steps::new(words);
    for kpi in fw.kpis_of(kra.id) {
        let s = &kpis[&kpi.id];
        steps.add(|| match s.rollup {
            Some(r) if !fw.is_not_applicable(kpi.id, review) => {
                format!("\"{}\": {} % × weight {} %", kpi.spec.name, num(r), num(s.weight_share))
            }
            _ => format!("\"{}\": {}, left out", kpi.spec.name, s.status.label()),
        });
    }
    if rolled.equal_weights {
        steps.add(|| "All KPI weights are 0, so the scored KPIs count equally.".into());
    }
    let rating = given
        .filter(|_| settings.rating_blend > 0.0 && settings.rating_scale > 0.0)
        .map(|r| clamp(100.0 * r / settings.rating_scale, 0.0, 100.0));
    let blend = clamp(settings.rating_blend, 0.0, 100.0) / 100.0;
    let score = match (rolled.mean, rating) {
        (Some(k), Some(r)) => {
            let s = (1.0 - blend) * k + blend * r;
            steps.add(|| {
                format!(
                    "KPI score {} % blended with rating {} of {} ({} %) at {} %: {} %.",
                    num(k),
                    num(given.unwrap_or(0.0)),
                    num(settings.rating_scale),
                    num(r),
                    num(100.0 * blend),
                    num(s)
                )
            });
            Some(s)
        }
        (None, Some(r)) => {
            steps.add(|| {
                format!(
                    "No KPI readings; the rating {} of {} gives {} %.",
                    num(given.unwrap_or(0.0)),
                    num(settings.rating_scale),
                    num(r)
                )
            });
            Some(r)
        }
        (k, None) => k,
    };
    if let Some(w) = &warning {
        steps.add(|| w.clone());
    }
    let status = score.map_or(Status::NoData, |s| settings.rollup_thresholds.status(s));
    steps.add(|| thresholds_step(status, settings.rollup_thresholds));
    let summary = words.say(|| match score {
        Some(s) => format!("KRA \"{}\": {} %.", kra.name, num(s)),
        None => format!("KRA \"{}\": no score this period (no KPI has a reading).", kra.name),
    });
    let steps = steps.into_vec();
    KraScore { id: kra.id, score, status, weight_share: 0.0, weight_warning: warning, coverage, summary, steps }
}

/// The review-period value and target of one KPI.
struct PeriodFigures {
    value: Option<f64>,
    target: f64,
    readings: usize,
}

fn figures(fw: &Framework, kpi: &Kpi, review: &Period) -> PeriodFigures {
    let values: Vec<f64> = fw.readings_in(kpi.id, review).map(|(_, r)| r.value).collect();
    let targets: Vec<f64> =
        review.subperiods(kpi.spec.frequency).iter().map(|p| kpi.spec.target.target_for(p)).collect();
    PeriodFigures {
        value: kpi.spec.aggregation.apply(&values),
        target: kpi.spec.aggregation.apply(&targets).unwrap_or(0.0),
        readings: values.len(),
    }
}

/// One KPI's own result for `review`, before it is rolled up into its KRA: its value, target,
/// score and status, with `weight_share` 0 and no summary (those need the KRA's other KPIs).
///
/// Used where one KPI is scored on its own, such as each reading's row of a CSV export.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::direction::Direction;
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::domain::kpi::KpiSpec;
/// use kra_kpi::domain::kra::KraDraft;
/// use kra_kpi::domain::scoring::{score_kpi, Status};
///
/// let mut fw = Framework::new("Mine");
/// let kra = fw.add_kra(KraDraft::new("Revenue", 100.0)).unwrap();
/// let id = fw.add_kpi(kra, KpiSpec::new("Leads converted", "leads", Direction::HigherIsBetter, 50.0)).unwrap();
/// let start = fw.add_reading(id, date(2026, 10, 9), 42.0, "").unwrap();
/// let kpi = fw.kpi(id).unwrap();
/// let october = fw.period_of(kpi, start);
/// let score = score_kpi(&fw, kpi, &october, date(2026, 12, 2));
/// assert_eq!((score.value, score.target, score.score), (Some(42.0), 50.0, Some(84.0)));
/// assert_eq!(score.status, Status::Amber);
/// ```
pub fn score_kpi(fw: &Framework, kpi: &Kpi, review: &Period, today: Date) -> KpiScore {
    score_kpi_as(fw, kpi, review, today, Words::Explained)
}

/// [`score_kpi`], with its steps written only when `words` asks for them.
pub(crate) fn score_kpi_as(fw: &Framework, kpi: &Kpi, review: &Period, today: Date, words: Words) -> KpiScore {
    let settings = fw.settings();
    let spec = &kpi.spec;
    let not_applicable = fw.is_not_applicable(kpi.id, review);
    let f = figures(fw, kpi, review);
    let goal = Goal { direction: spec.direction, target: f.target, baseline: spec.baseline, bands: spec.bands };
    let method = spec.method.unwrap_or(settings.method);
    let unit = spec.unit.as_str();
    let mut steps = Steps::new(words);

    let Some(value) = f.value else {
        let status = if not_applicable { Status::NotApplicable } else { Status::NoData };
        steps.add(|| format!("No reading falls in {}, so this KPI is left out of the roll-up.", review.label()));
        return KpiScore {
            id: kpi.id,
            value: None,
            target: f.target,
            readings: 0,
            score: None,
            rollup: None,
            status,
            thresholds: None,
            pace: None,
            weight_share: 0.0,
            summary: String::new(),
            steps: steps.into_vec(),
        };
    };

    steps.add(|| match f.readings {
        1 => format!("Value for {}: {} (one reading).", review.label(), with_unit(value, unit)),
        n => format!(
            "Value for {}: {} ({} of {n} readings).",
            review.label(),
            with_unit(value, unit),
            spec.aggregation.label()
        ),
    });
    steps.add(|| match spec.direction {
        Direction::KeepWithinRange { min, max } => {
            format!("Goal: keep within {}–{}.", with_unit(min, unit), with_unit(max, unit))
        }
        _ => format!(
            "Target: {} ({}; plan: {}).",
            goal_text(&spec.direction, f.target, unit),
            spec.direction.label(),
            spec.target.describe()
        ),
    });
    let a = achievement_as(value, &goal, method, settings, words);
    // Default thresholds follow the method actually applied: a KPI without bands that falls
    // back to the ratio is judged like any ratio.
    let thresholds = spec.thresholds.unwrap_or_else(|| goal.default_thresholds(a.method));
    steps.add(|| format!("Method: {}. {}", a.method.label(), a.formula));
    if a.percent != a.raw {
        steps.add(|| {
            format!("Limited to the range {} %–{} %: {} %.", num(settings.floor), num(settings.kpi_cap), num(a.percent))
        });
    }
    let rollup = clamp(a.percent, settings.floor, settings.rollup_cap);
    if rollup != a.percent {
        steps.add(|| {
            format!("Counts as {} % in the roll-up (roll-up cap {} %).", num(rollup), num(settings.rollup_cap))
        });
    }
    let status = if not_applicable { Status::NotApplicable } else { thresholds.status(a.percent) };
    steps.add(|| thresholds_step(status, thresholds));
    if not_applicable {
        steps.add(|| format!("Marked N/A for {}: shown, but left out of the roll-up.", review.label()));
    }

    let pace = if review.contains(today) && !not_applicable {
        let share = review.elapsed_share(today);
        let cumulative = spec.aggregation == Aggregation::Sum && share > 0.0;
        let projected = if cumulative { value / share } else { value };
        let projected_score = achievement_as(projected, &goal, method, settings, Words::NumbersOnly).percent;
        let pace = Pace::from_status(thresholds.status(projected_score));
        if let Some(p) = pace {
            let (elapsed, period) = (num(100.0 * share), review.label());
            steps.add(|| if cumulative {
                format!(
                    "Pace: {elapsed} % of {period} has passed and {} was expected by then; at this rate the period ends at {} → {} %: {}.",
                    with_unit(f.target * share, unit),
                    with_unit(projected, unit),
                    num(projected_score),
                    p.label()
                )
            } else {
                format!(
                    "Pace: {elapsed} % of {period} has passed; the {} so far, {}, scores {} %: {}.",
                    spec.aggregation.label(),
                    with_unit(value, unit),
                    num(projected_score),
                    p.label()
                )
            });
        }
        pace
    } else {
        None
    };

    KpiScore {
        id: kpi.id,
        value: Some(value),
        target: f.target,
        readings: f.readings,
        score: Some(a.percent),
        rollup: (!not_applicable).then_some(rollup),
        status,
        thresholds: Some(thresholds),
        pace,
        weight_share: 0.0,
        summary: String::new(),
        steps: steps.into_vec(),
    }
}

fn kpi_summary(kpi: &Kpi, s: &KpiScore, kra_name: &str) -> String {
    let (name, unit) = (kpi.spec.name.as_str(), kpi.spec.unit.as_str());
    let goal = match kpi.spec.direction {
        Direction::KeepWithinRange { .. } => format!("the range {}", goal_text(&kpi.spec.direction, s.target, unit)),
        _ => format!("a target of {}", goal_text(&kpi.spec.direction, s.target, unit)),
    };
    match (s.value, s.score) {
        (Some(v), Some(score)) if s.rollup.is_some() => format!(
            "{name}: {} against {goal} → {} %, weight {} % of KRA \"{kra_name}\".",
            with_unit(v, unit),
            num(score),
            num(s.weight_share)
        ),
        (Some(v), Some(score)) => {
            format!("{name}: {} against {goal} → {} % (N/A: not counted).", with_unit(v, unit), num(score))
        }
        _ => format!("{name}: {}, left out of KRA \"{kra_name}\".", s.status.label()),
    }
}

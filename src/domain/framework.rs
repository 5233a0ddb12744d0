//! The framework: KRAs, their KPIs and the KPIs' readings, read through accessors and changed
//! only by [`Edit`]s.

use std::ops::Bound;

use jiff::civil::Date;

use super::edit::Edit;
use super::error::{IntegrityError, ValidationError};
use super::id::Id;
use super::input::{check_finite, check_reading};
use super::kpi::{Kpi, KpiSpec};
use super::kra::{Kra, KraDraft};
use super::ordered::{map_from, range, set_from, Map, Set};
use super::period::{FiscalYearStart, Period};
use super::reading::{Reading, Series};
use super::review::{Review, ReviewKey, Reviews};
use super::scoring::ScoringSettings;
use super::shared::Shared;

/// A KRA/KPI framework: what one role (or one person) is measured on.
///
/// KRAs are kept in display order; KPIs, each naming its KRA, in display order within that KRA;
/// readings per KPI in a sorted [`Series`], so the readings of one KPI (or of one KPI in one
/// review period) are found without scanning the others.
///
/// The fields are private: every change is an [`Edit`] applied by [`Framework::apply`], which
/// validates first and changes nothing when it fails. The methods `add_kra`, `add_reading` and so
/// on are shorthands for the common edits.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::direction::Direction;
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::domain::kpi::KpiSpec;
/// use kra_kpi::domain::kra::KraDraft;
///
/// let mut fw = Framework::new("Sales executive");
/// let kra = fw.add_kra(KraDraft::new("Achieve monthly revenue targets", 60.0)).unwrap();
/// let kpi = fw.add_kpi(kra, KpiSpec::new("Leads converted", "leads", Direction::HigherIsBetter, 50.0)).unwrap();
/// fw.add_reading(kpi, date(2026, 11, 20), 42.0, "").unwrap();
/// // A second reading in the same month is refused: edit the first one instead.
/// assert!(fw.add_reading(kpi, date(2026, 11, 3), 40.0, "").is_err());
/// assert_eq!(fw.readings_of(kpi).len(), 1);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Framework {
    pub(super) name: String,
    pub(super) settings: ScoringSettings,
    pub(super) kras: Shared<Vec<Kra>>,
    pub(super) kpis: Shared<Vec<Kpi>>,
    /// Readings by KPI id; a KPI without readings has no entry.
    pub(super) readings: Map<Id, Shared<Series>>,
    /// Review records by review period; a period without a record has no entry.
    pub(super) reviews: Shared<Reviews>,
    /// The next id to hand out; only ever grows.
    pub(super) next_id: u64,
}

/// Everything a framework is made of, for building one from saved data.
///
/// [`Framework::from_parts`] checks every invariant, so a framework can only be built from parts
/// that a sequence of valid edits could have produced.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct FrameworkParts {
    pub name: String,
    pub settings: ScoringSettings,
    pub kras: Vec<Kra>,
    pub kpis: Vec<Kpi>,
    pub readings: Map<Id, Series>,
    pub reviews: Reviews,
    pub next_id: u64,
}

static NO_READINGS: Series = Map::new();

impl Default for Framework {
    fn default() -> Self {
        Framework::new("My scorecard")
    }
}

impl Framework {
    /// An empty framework.
    pub fn new(name: &str) -> Framework {
        Framework {
            name: name.to_owned(),
            settings: ScoringSettings::default(),
            kras: Shared::default(),
            kpis: Shared::default(),
            readings: Map::new(),
            reviews: Shared::default(),
            next_id: 1,
        }
    }

    /// A framework from saved parts, refused with the first broken invariant: ids unique, not
    /// above the counter; every KPI's KRA present; every reading's KPI present and each reading
    /// on the first day of one of its KPI's periods; every field valid.
    ///
    /// # Example
    ///
    /// ```
    /// use kra_kpi::domain::framework::{Framework, FrameworkParts};
    ///
    /// let parts = FrameworkParts { name: "Mine".into(), next_id: 1, ..FrameworkParts::default() };
    /// assert_eq!(Framework::from_parts(parts).unwrap().name(), "Mine");
    /// ```
    pub fn from_parts(parts: FrameworkParts) -> Result<Framework, IntegrityError> {
        Framework::assemble(parts, Readings::CheckEach)
    }

    /// Like [`Framework::from_parts`], for parts whose every reading has already been checked
    /// as [`check_filed`] checks it, as it was read (as `storage::codec` does while it files a
    /// stored run's values under their periods); every other invariant is checked here.
    ///
    /// Loading 100,000 readings then walks them once instead of twice.
    pub(crate) fn from_filed_parts(parts: FrameworkParts) -> Result<Framework, IntegrityError> {
        Framework::assemble(parts, Readings::AlreadyChecked)
    }

    fn assemble(parts: FrameworkParts, checks: Readings) -> Result<Framework, IntegrityError> {
        let FrameworkParts { name, settings, kras, kpis, readings, reviews, next_id } = parts;
        let readings = map_from(readings.into_iter().map(|(id, series)| (id, Shared::new(series))));
        let fw = Framework {
            name,
            settings,
            kras: kras.into(),
            kpis: kpis.into(),
            readings,
            reviews: reviews.into(),
            next_id,
        };
        fw.check_integrity_with(checks)?;
        Ok(fw)
    }

    /// The scorecard's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The scoring settings (review cycle, fiscal year, method, caps, thresholds).
    pub fn settings(&self) -> &ScoringSettings {
        &self.settings
    }

    /// The KRAs in display order.
    pub fn kras(&self) -> &[Kra] {
        &self.kras
    }

    /// All KPIs, each KRA's in display order.
    pub fn kpis(&self) -> &[Kpi] {
        &self.kpis
    }

    /// The id the next new KRA or KPI will get.
    pub fn next_id(&self) -> u64 {
        self.next_id
    }

    /// The KRA with this id.
    pub fn kra(&self, id: Id) -> Option<&Kra> {
        self.kras.iter().find(|k| k.id == id)
    }

    /// The KPI with this id.
    pub fn kpi(&self, id: Id) -> Option<&Kpi> {
        self.kpis.iter().find(|k| k.id == id)
    }

    /// The KPIs of one KRA, in display order.
    pub fn kpis_of(&self, kra: Id) -> impl Iterator<Item = &Kpi> {
        self.kpis.iter().filter(move |k| k.kra == kra)
    }

    /// Every KRA with its KPIs, both in display order, gathered in one pass over the KPIs.
    ///
    /// Asking each KRA with [`Framework::kpis_of`] walks every KPI once per KRA: fifty thousand
    /// steps for 50 KRAs of 1,000 KPIs, on paths that run after every edit (scoring, the
    /// missing-readings reminders).
    ///
    /// ```
    /// use kra_kpi::domain::template::sales_executive;
    ///
    /// let fw = sales_executive();
    /// for (kra, kpis) in fw.kras_with_kpis() {
    ///     assert!(kpis.iter().copied().eq(fw.kpis_of(kra.id)));
    /// }
    /// ```
    pub fn kras_with_kpis(&self) -> Vec<(&Kra, Vec<&Kpi>)> {
        let rank = map_from(self.kras.iter().enumerate().map(|(i, k)| (k.id, i)));
        let mut groups: Vec<(&Kra, Vec<&Kpi>)> = self.kras.iter().map(|k| (k, Vec::new())).collect();
        for kpi in self.kpis.iter() {
            if let Some(&i) = rank.get(&kpi.kra) {
                groups[i].1.push(kpi);
            }
        }
        groups
    }

    /// The readings of one KPI, oldest first, keyed by period start (empty for an unknown KPI).
    pub fn readings_of(&self, kpi: Id) -> &Series {
        self.readings.get(&kpi).map_or(&NO_READINGS, |series| series)
    }

    /// The KRA list as a [`Shared`] handle: the same handle until a KRA changes.
    pub fn kras_shared(&self) -> Shared<Vec<Kra>> {
        self.kras.clone()
    }

    /// The KPI list as a [`Shared`] handle: the same handle until a KPI changes (not when a
    /// reading does).
    pub fn kpis_shared(&self) -> Shared<Vec<Kpi>> {
        self.kpis.clone()
    }

    /// One KPI's readings as a [`Shared`] handle (`None` without readings): the same handle
    /// until that KPI's readings change, so a view of one KPI can tell at once whether an edit
    /// was about it.
    ///
    /// ```
    /// use jiff::civil::date;
    /// use kra_kpi::domain::shared::Shared;
    /// use kra_kpi::domain::template::sales_executive;
    ///
    /// let mut fw = sales_executive();
    /// let (a, b) = (fw.kpis()[0].id, fw.kpis()[1].id);
    /// fw.add_reading(a, date(2026, 10, 5), 1.0, "").unwrap();
    /// let before = fw.series(a).unwrap();
    /// fw.add_reading(b, date(2026, 10, 5), 2.0, "").unwrap();
    /// assert!(Shared::ptr_eq(&before, &fw.series(a).unwrap()), "another KPI's reading");
    /// fw.add_reading(a, date(2026, 11, 5), 3.0, "").unwrap();
    /// assert!(!Shared::ptr_eq(&before, &fw.series(a).unwrap()));
    /// ```
    pub fn series(&self, kpi: Id) -> Option<Shared<Series>> {
        self.readings.get(&kpi).cloned()
    }

    /// The readings of one KPI whose period starts inside `period`, oldest first.
    pub fn readings_in<'a>(
        &'a self,
        kpi: Id,
        period: &Period,
    ) -> impl DoubleEndedIterator<Item = (&'a Date, &'a Reading)> {
        range(self.readings_of(kpi), (Bound::Included(period.start()), Bound::Excluded(period.end())))
    }

    /// The reading of `kpi` for the period starting on `period_start`.
    pub fn reading(&self, kpi: Id, period_start: Date) -> Option<&Reading> {
        self.readings_of(kpi).get(&period_start)
    }

    /// Every reading of every KPI, as (KPI id, period start, reading).
    pub fn all_readings(&self) -> impl Iterator<Item = (Id, Date, &Reading)> {
        self.readings.iter().flat_map(|(&kpi, series)| series.iter().map(move |(&d, r)| (kpi, d, r)))
    }

    /// The start of the earliest period any KPI has a reading for, if there is a reading.
    ///
    /// One look per KPI (each series is sorted), not a walk over every reading.
    ///
    /// ```
    /// use jiff::civil::date;
    /// use kra_kpi::domain::template::sales_executive;
    ///
    /// let mut fw = sales_executive();
    /// assert_eq!(fw.first_reading_start(), None);
    /// let (a, b) = (fw.kpis()[0].id, fw.kpis()[1].id);
    /// fw.add_reading(a, date(2026, 10, 5), 1.0, "").unwrap();
    /// fw.add_reading(b, date(2026, 8, 20), 2.0, "").unwrap();
    /// assert_eq!(fw.first_reading_start(), Some(date(2026, 8, 1)));
    /// ```
    pub fn first_reading_start(&self) -> Option<Date> {
        self.readings.values().filter_map(|series| series.keys().next().copied()).min()
    }

    /// How many readings the framework holds.
    pub fn reading_count(&self) -> usize {
        self.readings.values().map(|series| series.len()).sum()
    }

    /// The review record of `period`, if anything has been written for it.
    pub fn review(&self, period: &Period) -> Option<&Review> {
        self.reviews.get(&ReviewKey::of(period))
    }

    /// Every review record, oldest period first.
    pub fn reviews(&self) -> &Reviews {
        &self.reviews
    }

    /// Every review record as a [`Shared`] handle: the same handle until a review changes.
    pub fn reviews_shared(&self) -> Shared<Reviews> {
        self.reviews.clone()
    }

    /// Whether `kpi` is marked not applicable in the review period `period`.
    pub fn is_not_applicable(&self, kpi: Id, period: &Period) -> bool {
        self.review(period).is_some_and(|r| r.not_applicable.contains(&kpi))
    }

    /// The closed review whose period holds `day`, if any: readings there may not change.
    pub(super) fn closed_review_holding(&self, day: Date) -> Option<Period> {
        let fiscal = self.settings.fiscal_year_start;
        self.reviews.iter().filter(|(_, r)| r.is_closed()).map(|(key, _)| key.period(fiscal)).find(|p| p.contains(day))
    }

    /// The measurement period of `kpi` that contains `day`.
    pub fn period_of(&self, kpi: &Kpi, day: Date) -> Period {
        Period::containing(day, kpi.spec.frequency, self.settings.fiscal_year_start)
    }

    /// Whether two frameworks hold the same scorecard, ignoring the id counter.
    ///
    /// Undo gives back the same scorecard, but never rewinds the counter: an id once handed out
    /// is never handed out again.
    pub fn same_content(&self, other: &Framework) -> bool {
        self.name == other.name
            && self.settings == other.settings
            && self.kras == other.kras
            && self.kpis == other.kpis
            && self.readings == other.readings
            && self.reviews == other.reviews
    }

    // ---- shorthands for the common edits ------------------------------------------------------

    /// Renames the framework.
    pub fn rename(&mut self, name: &str) -> Result<(), ValidationError> {
        self.apply(Edit::Rename { name: name.to_owned() }).map(drop)
    }

    /// The same framework for another person or another year: every KRA, KPI, weight, target
    /// and setting, with the same ids (so the two line up in a comparison), but no readings and
    /// no reviews (ratings, comments, N/A marks), under a new name.
    ///
    /// # Example
    ///
    /// ```
    /// use jiff::civil::date;
    /// use kra_kpi::domain::demo::{demo, DEMO_SEED};
    ///
    /// let demo = demo(date(2026, 12, 2), DEMO_SEED).unwrap();
    /// let copy = demo.blank_copy("Sales executive — employee 1042").unwrap();
    /// assert_eq!(copy.kpis(), demo.kpis());
    /// assert_eq!(copy.reading_count(), 0);
    /// assert!(demo.blank_copy("  ").is_err(), "a copy needs a name");
    /// ```
    pub fn blank_copy(&self, name: &str) -> Result<Framework, ValidationError> {
        let mut copy = Framework {
            name: self.name.clone(),
            settings: self.settings.clone(),
            kras: self.kras.clone(),
            kpis: self.kpis.clone(),
            readings: Map::new(),
            reviews: Shared::default(),
            next_id: self.next_id,
        };
        copy.rename(name)?;
        Ok(copy)
    }

    /// Replaces the scoring settings, re-filing readings when the fiscal year changes.
    pub fn set_settings(&mut self, settings: ScoringSettings) -> Result<(), ValidationError> {
        self.apply(Edit::SetSettings { settings }).map(drop)
    }

    /// Adds a KRA at the end and returns its id.
    pub fn add_kra(&mut self, draft: KraDraft) -> Result<Id, ValidationError> {
        self.apply(Edit::AddKra { draft }).map(|a| a.created[0])
    }

    /// Replaces a KRA's editable fields.
    pub fn update_kra(&mut self, id: Id, draft: KraDraft) -> Result<(), ValidationError> {
        self.apply(Edit::UpdateKra { id, draft }).map(drop)
    }

    /// Deletes a KRA with its KPIs and their readings.
    pub fn delete_kra(&mut self, id: Id) -> Result<(), ValidationError> {
        self.apply(Edit::DeleteKra { id }).map(drop)
    }

    /// Moves a KRA `offset` places up (negative) or down (positive), stopping at either end.
    pub fn move_kra(&mut self, id: Id, offset: isize) -> Result<(), ValidationError> {
        self.apply(Edit::MoveKra { id, offset }).map(drop)
    }

    /// Adds a KPI at the end of a KRA and returns its id.
    pub fn add_kpi(&mut self, kra: Id, spec: KpiSpec) -> Result<Id, ValidationError> {
        self.apply(Edit::AddKpi { kra, spec }).map(|a| a.created[0])
    }

    /// Replaces a KPI's editable fields; see [`Edit::UpdateKpi`].
    pub fn update_kpi(&mut self, id: Id, spec: KpiSpec) -> Result<(), ValidationError> {
        self.apply(Edit::UpdateKpi { id, spec }).map(drop)
    }

    /// Deletes a KPI and its readings.
    pub fn delete_kpi(&mut self, id: Id) -> Result<(), ValidationError> {
        self.apply(Edit::DeleteKpi { id }).map(drop)
    }

    /// Moves a KPI `offset` places within its KRA, stopping at either end.
    pub fn move_kpi(&mut self, id: Id, offset: isize) -> Result<(), ValidationError> {
        self.apply(Edit::MoveKpi { id, offset }).map(drop)
    }

    /// Records a reading for the KPI's period containing `day` and returns that period's first
    /// day. Refused when the value is not finite or the period already has a reading.
    pub fn add_reading(&mut self, kpi: Id, day: Date, value: f64, note: &str) -> Result<Date, ValidationError> {
        let k = self.kpi(kpi).ok_or(ValidationError::UnknownItem { what: "KPI" })?;
        let start = self.period_of(k, day).start();
        self.apply(Edit::AddReading { kpi, day, value, note: note.to_owned() }).map(|_| start)
    }

    /// Changes the value and note of the reading filed under `period_start`.
    pub fn update_reading(
        &mut self,
        kpi: Id,
        period_start: Date,
        value: f64,
        note: &str,
    ) -> Result<(), ValidationError> {
        self.apply(Edit::UpdateReading { kpi, period_start, value, note: note.to_owned() }).map(drop)
    }

    /// Deletes the reading filed under `period_start`.
    pub fn delete_reading(&mut self, kpi: Id, period_start: Date) -> Result<(), ValidationError> {
        self.apply(Edit::DeleteReading { kpi, period_start }).map(drop)
    }

    // ---- checks shared by edits and loading ---------------------------------------------------

    /// Hands out the next id, or refuses at [`Id::MAX`].
    pub(super) fn fresh_id(&mut self) -> Result<Id, ValidationError> {
        if self.next_id > Id::MAX.0 {
            return Err(ValidationError::IdsExhausted);
        }
        let id = Id(self.next_id);
        self.next_id += 1;
        Ok(id)
    }

    /// Whether a KRA or KPI already has this id.
    pub(super) fn id_in_use(&self, id: Id) -> bool {
        self.kras.iter().any(|k| k.id == id) || self.kpis.iter().any(|k| k.id == id)
    }

    /// Validates a KRA draft.
    pub(super) fn check_kra(&self, draft: &KraDraft) -> Result<KraDraft, ValidationError> {
        draft.validate()
    }

    /// Checks that every reading of a KPI with `spec` is finite and filed on a period start.
    pub(super) fn check_series(&self, spec: &KpiSpec, series: &Series) -> Result<(), ValidationError> {
        let fiscal = self.settings.fiscal_year_start;
        series.iter().try_for_each(|(&start, reading)| check_filed(spec, fiscal, start, reading.value))
    }

    /// Checks the invariants listed at [`Framework::from_parts`].
    pub fn check_integrity(&self) -> Result<(), IntegrityError> {
        self.check_integrity_with(Readings::CheckEach)
    }

    fn check_integrity_with(&self, readings: Readings) -> Result<(), IntegrityError> {
        if self.next_id > Id::MAX.0 + 1 {
            return Err(IntegrityError::CounterTooLarge);
        }
        let mut ids = Set::new();
        for id in self.kras.iter().map(|k| k.id).chain(self.kpis.iter().map(|k| k.id)) {
            if !ids.insert(id) {
                return Err(IntegrityError::DuplicateId(id));
            }
            if id.0 >= self.next_id {
                return Err(IntegrityError::IdNotBelowCounter(id));
            }
        }
        self.settings.validate().map_err(IntegrityError::InvalidSettings)?;
        for k in self.kras.iter() {
            KraDraft::of(k).validate().map_err(|error| IntegrityError::InvalidKra { name: k.name.clone(), error })?;
        }
        let kra_ids: Set<Id> = set_from(self.kras.iter().map(|k| k.id));
        for k in self.kpis.iter() {
            if !kra_ids.contains(&k.kra) {
                return Err(IntegrityError::KpiWithoutKra { kpi: k.spec.name.clone() });
            }
            k.spec.validate().map_err(|error| IntegrityError::InvalidKpi { name: k.spec.name.clone(), error })?;
        }
        let kpis: Map<Id, &Kpi> = map_from(self.kpis.iter().map(|k| (k.id, k)));
        for (&kpi, series) in &self.readings {
            let k = kpis.get(&kpi).copied().ok_or(IntegrityError::ReadingsWithoutKpi(kpi))?;
            if series.is_empty() {
                return Err(IntegrityError::ReadingsWithoutKpi(kpi));
            }
            if readings == Readings::CheckEach {
                self.check_series(&k.spec, series)
                    .map_err(|error| IntegrityError::InvalidReading { kpi: k.spec.name.clone(), error })?;
            }
        }
        for (key, review) in self.reviews.iter() {
            let invalid = |error| IntegrityError::InvalidReview { start: super::iso_date::format(key.start), error };
            // Ids of deleted KRAs and KPIs may stay (ids are never reused, and undoing the delete
            // brings them back), but never ids not handed out yet.
            if let Some(id) = review.ids().find(|id| id.0 >= self.next_id) {
                return Err(IntegrityError::IdNotBelowCounter(id));
            }
            // Not checked against the rating scale: a rating above a since-lowered scale is
            // shown (and counts as 100 %), not refused.
            for k in review.kras.values() {
                if let Some(r) = k.rating {
                    check_finite("Rating", r).map_err(invalid)?;
                }
            }
            if let Some(c) = &review.closed {
                for s in c.overall.iter().chain(c.kras.values().flatten()) {
                    check_finite("Closed score", *s).map_err(invalid)?;
                }
            }
        }
        Ok(())
    }
}

/// Whether building a framework checks each reading again (see [`Framework::from_filed_parts`]).
#[derive(Clone, Copy, PartialEq, Eq)]
enum Readings {
    CheckEach,
    AlreadyChecked,
}

/// Checks one reading of a KPI with `spec`: its value (finite, within range) and that `start`
/// is the first day of one of the KPI's periods.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::direction::Direction;
/// use kra_kpi::domain::framework::check_filed;
/// use kra_kpi::domain::kpi::KpiSpec;
/// use kra_kpi::domain::period::FiscalYearStart;
///
/// let spec = KpiSpec::new("Sales", "units", Direction::HigherIsBetter, 100.0); // monthly
/// assert!(check_filed(&spec, FiscalYearStart::JANUARY, date(2026, 11, 1), 42.0).is_ok());
/// assert!(check_filed(&spec, FiscalYearStart::JANUARY, date(2026, 11, 2), 42.0).is_err());
/// assert!(check_filed(&spec, FiscalYearStart::JANUARY, date(2026, 11, 1), f64::NAN).is_err());
/// ```
pub fn check_filed(spec: &KpiSpec, fiscal: FiscalYearStart, start: Date, value: f64) -> Result<(), ValidationError> {
    check_reading(value)?;
    if !Period::is_start(start, spec.frequency, fiscal) {
        return Err(ValidationError::MisfiledReading { kpi: spec.name.clone(), day: super::iso_date::format(start) });
    }
    Ok(())
}

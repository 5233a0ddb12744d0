//! Edits as values: every change to a framework is an [`Edit`], applied by [`Framework::apply`].
//!
//! One type for every change gives the rest of the app one mechanism for several jobs: applying
//! an edit returns its exact inverse (undo and redo), the list of edits since the last save is
//! what another tab's newer data is re-based onto ([`super::rebase`]), and the same stream is
//! what a host page is told about.

use std::mem;

use jiff::civil::Date;

use super::error::ValidationError;
use super::format::num;
use super::framework::Framework;
use super::id::Id;
use super::input::{check_name, check_reading};
use super::kpi::{Kpi, KpiSpec};
use super::kra::{Kra, KraDraft};
use super::ordered::{map_from, Map};
use super::period::Period;
use super::reading::{Reading, Series};
use super::review::{Closure, ReviewKey};
pub use super::review_edit::ReviewChange;
use super::scoring::ScoringSettings;
use super::shared::Shared;

/// One change to a framework.
///
/// The first variants are what a user does; the `Insert…`, `Replace…` and `Restore…` variants
/// carry exact data and are what undo produces (putting back a deleted KRA with its KPIs and
/// readings at their old places), but they are ordinary edits, validated like the others.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::edit::Edit;
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::domain::kra::KraDraft;
///
/// let mut fw = Framework::new("Mine");
/// let added = fw.apply(Edit::AddKra { draft: KraDraft::new("Grow revenue", 100.0) }).unwrap();
/// assert_eq!(fw.kras().len(), 1);
/// // The inverse takes it out again.
/// fw.apply(added.inverse).unwrap();
/// assert!(fw.kras().is_empty());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    /// Renames the scorecard.
    Rename { name: String },
    /// Replaces the scoring settings; readings of month-based KPIs are re-filed when the fiscal
    /// year's first month changes (refused if two would then share a period).
    SetSettings { settings: ScoringSettings },
    /// Replaces the settings and puts the listed KPIs' readings exactly as given (the inverse of
    /// a [`Edit::SetSettings`] that re-filed readings).
    RestoreSettings { settings: ScoringSettings, series: Vec<(Id, Series)> },
    /// Adds a KRA at the end, with a new id.
    AddKra { draft: KraDraft },
    /// Puts a KRA back at position `at` with its KPIs (each at its old index in the KPI list)
    /// and their readings.
    InsertKra { kra: Kra, at: usize, kpis: Vec<PlacedKpi> },
    /// Replaces a KRA's editable fields.
    UpdateKra { id: Id, draft: KraDraft },
    /// Puts back a KRA's fields exactly (the inverse of [`Edit::UpdateKra`]). Its rating is
    /// checked as saved data is, not against the rating scale: the scale may have been lowered
    /// since the rating was entered, and undo must still give the rating back.
    ReplaceKra { kra: Kra },
    /// Deletes a KRA with its KPIs and their readings.
    DeleteKra { id: Id },
    /// Moves a KRA `offset` places (negative is up), stopping at either end.
    MoveKra { id: Id, offset: isize },
    /// Adds a KPI at the end of a KRA, with a new id.
    AddKpi { kra: Id, spec: KpiSpec },
    /// Puts a KPI back at index `at` of the KPI list, with its readings.
    InsertKpi { kpi: PlacedKpi },
    /// Replaces a KPI's editable fields. Its readings stay; if the measurement frequency changed
    /// they are re-filed to the new periods, and the edit is refused if two would share one.
    UpdateKpi { id: Id, spec: KpiSpec },
    /// Replaces a KPI's fields and its readings exactly (the inverse of a re-filing update).
    ReplaceKpi { id: Id, spec: KpiSpec, readings: Series },
    /// Deletes a KPI and its readings.
    DeleteKpi { id: Id },
    /// Moves a KPI `offset` places within its KRA, stopping at either end.
    MoveKpi { id: Id, offset: isize },
    /// Records a reading for the KPI's period containing `day`; refused if it has one already.
    AddReading { kpi: Id, day: Date, value: f64, note: String },
    /// Changes the value and note of an existing reading.
    UpdateReading { kpi: Id, period_start: Date, value: f64, note: String },
    /// Deletes a reading.
    DeleteReading { kpi: Id, period_start: Date },
    /// Changes one thing in the review record of one review period (see [`ReviewChange`]);
    /// refused while that review is closed.
    SetReview { key: ReviewKey, change: ReviewChange },
    /// Closes a review, keeping the scores it is closed with; refused before its period is over.
    /// While closed, the period's readings and review cannot change.
    CloseReview { key: ReviewKey, closure: Closure },
    /// Reopens a closed review (its closing record is dropped; undo closes it again).
    ReopenReview { key: ReviewKey },
    /// Replaces the whole framework (a template, a restored backup, data from the host page).
    Replace { framework: Box<Framework> },
    /// Several edits applied together: all of them, or none.
    Batch { edits: Vec<Edit> },
}

/// A KPI with its place in the KPI list and its readings, as [`Edit::InsertKpi`] puts it back.
#[derive(Clone, Debug, PartialEq)]
pub struct PlacedKpi {
    pub at: usize,
    pub kpi: Kpi,
    pub readings: Series,
}

/// What applying an edit did.
#[derive(Clone, Debug, PartialEq)]
pub struct Applied {
    /// The edit that undoes this one exactly.
    pub inverse: Edit,
    /// Ids handed out, in order (one for `AddKra`/`AddKpi`).
    pub created: Vec<Id>,
    /// False when the edit left everything as it was (a move past the end, an update to the
    /// same values): nothing to record, save or announce.
    pub changed: bool,
}

impl Applied {
    pub(super) fn new(inverse: Edit, changed: bool) -> Applied {
        Applied { inverse, created: Vec::new(), changed }
    }
}

impl Framework {
    /// Applies one edit: validates it, then changes the framework, or changes nothing and says
    /// why.
    ///
    /// # Example
    ///
    /// ```
    /// use jiff::civil::date;
    /// use kra_kpi::domain::direction::Direction;
    /// use kra_kpi::domain::edit::Edit;
    /// use kra_kpi::domain::framework::Framework;
    /// use kra_kpi::domain::kpi::KpiSpec;
    /// use kra_kpi::domain::kra::KraDraft;
    ///
    /// let mut fw = Framework::new("Mine");
    /// let kra = fw.add_kra(KraDraft::new("Sales", 100.0)).unwrap();
    /// let kpi = fw.add_kpi(kra, KpiSpec::new("Leads", "leads", Direction::HigherIsBetter, 50.0)).unwrap();
    /// let before = fw.clone();
    /// let bad = Edit::AddReading { kpi, day: date(2026, 11, 5), value: f64::NAN, note: String::new() };
    /// assert!(fw.apply(bad).is_err());
    /// assert_eq!(fw, before, "a refused edit changes nothing");
    /// ```
    pub fn apply(&mut self, edit: Edit) -> Result<Applied, ValidationError> {
        match edit {
            Edit::Rename { name } => {
                let name = check_name("Scorecard name", &name)?;
                let changed = name != self.name;
                let old = mem::replace(&mut self.name, name);
                Ok(Applied::new(Edit::Rename { name: old }, changed))
            }
            Edit::SetSettings { settings } => self.set_settings_edit(settings),
            Edit::RestoreSettings { settings, series } => self.restore_settings(settings, series),
            Edit::AddKra { draft } => {
                let draft = self.check_kra(&draft)?;
                let id = self.fresh_id()?;
                self.kras.push(Kra::new(id, draft));
                Ok(Applied { inverse: Edit::DeleteKra { id }, created: vec![id], changed: true })
            }
            Edit::InsertKra { kra, at, kpis } => self.insert_kra(kra, at, kpis),
            // The inverse is a `ReplaceKra`, not `UpdateKra { draft: KraDraft::of(&old) }`: that
            // would check the old rating against today's rating scale and refuse to undo once the
            // scale was lowered.
            Edit::UpdateKra { id, draft } => {
                let draft = self.check_kra(&draft)?;
                self.replace_kra(Kra::new(id, draft))
            }
            Edit::ReplaceKra { kra } => {
                let draft = KraDraft::of(&kra).validate()?;
                self.replace_kra(Kra::new(kra.id, draft))
            }
            Edit::DeleteKra { id } => {
                let at =
                    self.kras.iter().position(|k| k.id == id).ok_or(ValidationError::UnknownItem { what: "KRA" })?;
                let kra = self.kras.remove(at);
                let mut placed = Vec::new();
                let mut index = 0;
                // Record each KPI's index in the list as it was, so inserting them back in this
                // order restores the list exactly.
                self.kpis.retain(|k| {
                    let keep = k.kra != id;
                    if !keep {
                        placed.push(PlacedKpi { at: index, kpi: k.clone(), readings: Series::new() });
                    }
                    index += 1;
                    keep
                });
                for p in &mut placed {
                    p.readings = self.readings.remove(&p.kpi.id).map(Shared::into_inner).unwrap_or_default();
                }
                Ok(Applied::new(Edit::InsertKra { kra, at, kpis: placed }, true))
            }
            Edit::MoveKra { id, offset } => {
                let from =
                    self.kras.iter().position(|k| k.id == id).ok_or(ValidationError::UnknownItem { what: "KRA" })?;
                let to = from.saturating_add_signed(offset).min(self.kras.len() - 1);
                let kra = self.kras.remove(from);
                self.kras.insert(to, kra);
                Ok(Applied::new(Edit::MoveKra { id, offset: from as isize - to as isize }, from != to))
            }
            Edit::AddKpi { kra, spec } => {
                let spec = spec.validate()?;
                self.kra(kra).ok_or(ValidationError::UnknownItem { what: "KRA" })?;
                let id = self.fresh_id()?;
                self.kpis.push(Kpi { id, kra, spec });
                Ok(Applied { inverse: Edit::DeleteKpi { id }, created: vec![id], changed: true })
            }
            Edit::InsertKpi { kpi } => {
                self.check_placed(&kpi, self.kpis.len())?;
                self.kra(kpi.kpi.kra).ok_or(ValidationError::UnknownItem { what: "KRA" })?;
                let id = kpi.kpi.id;
                self.place(kpi);
                Ok(Applied::new(Edit::DeleteKpi { id }, true))
            }
            Edit::UpdateKpi { id, spec } => self.update_kpi_edit(id, spec),
            Edit::ReplaceKpi { id, spec, readings } => {
                let spec = spec.validate()?;
                self.check_series(&spec, &readings)?;
                let index =
                    self.kpis.iter().position(|k| k.id == id).ok_or(ValidationError::UnknownItem { what: "KPI" })?;
                let old_spec = mem::replace(&mut self.kpis[index].spec, spec);
                let old_readings = self.set_series(id, readings);
                Ok(Applied::new(Edit::ReplaceKpi { id, spec: old_spec, readings: old_readings }, true))
            }
            Edit::DeleteKpi { id } => {
                let at =
                    self.kpis.iter().position(|k| k.id == id).ok_or(ValidationError::UnknownItem { what: "KPI" })?;
                let kpi = self.kpis.remove(at);
                let readings = self.readings.remove(&id).map(Shared::into_inner).unwrap_or_default();
                Ok(Applied::new(Edit::InsertKpi { kpi: PlacedKpi { at, kpi, readings } }, true))
            }
            Edit::MoveKpi { id, offset } => self.move_kpi_edit(id, offset),
            Edit::AddReading { kpi, day, value, note } => {
                let value = check_reading(value)?;
                let k = self.kpi(kpi).ok_or(ValidationError::UnknownItem { what: "KPI" })?;
                let period = self.period_of(k, day);
                self.check_open(period.start())?;
                if self.reading(kpi, period.start()).is_some() {
                    return Err(ValidationError::DuplicateReading { kpi: k.spec.name.clone(), period: period.label() });
                }
                let note = note.trim().to_owned();
                self.readings.entry(kpi).or_default().insert(period.start(), Reading { value, note });
                Ok(Applied::new(Edit::DeleteReading { kpi, period_start: period.start() }, true))
            }
            Edit::UpdateReading { kpi, period_start, value, note } => {
                let value = check_reading(value)?;
                self.check_open(period_start)?;
                let reading = self
                    .readings
                    .get_mut(&kpi)
                    .and_then(|s| s.get_mut(&period_start))
                    .ok_or(ValidationError::UnknownItem { what: "reading" })?;
                let new = Reading { value, note: note.trim().to_owned() };
                let changed = *reading != new;
                let old = mem::replace(reading, new);
                Ok(Applied::new(Edit::UpdateReading { kpi, period_start, value: old.value, note: old.note }, changed))
            }
            Edit::DeleteReading { kpi, period_start } => {
                self.check_open(period_start)?;
                let series = self.readings.get_mut(&kpi).ok_or(ValidationError::UnknownItem { what: "reading" })?;
                let old = series.remove(&period_start).ok_or(ValidationError::UnknownItem { what: "reading" })?;
                if series.is_empty() {
                    self.readings.remove(&kpi);
                }
                Ok(Applied::new(Edit::AddReading { kpi, day: period_start, value: old.value, note: old.note }, true))
            }
            Edit::Replace { framework } => {
                let mut framework = *framework;
                // Ids are never handed out twice, not even across a replacement and its undo.
                framework.next_id = framework.next_id.max(self.next_id);
                let old = mem::replace(self, framework);
                Ok(Applied::new(Edit::Replace { framework: Box::new(old) }, true))
            }
            Edit::SetReview { key, change } => self.set_review(key, change),
            Edit::CloseReview { key, closure } => self.close_review(key, closure),
            Edit::ReopenReview { key } => self.reopen_review(key),
            Edit::Batch { edits } => self.apply_batch(edits),
        }
    }

    /// Puts `new` in place of the KRA with its id; the inverse puts the old one back.
    fn replace_kra(&mut self, new: Kra) -> Result<Applied, ValidationError> {
        let slot = self.kras.iter_mut().find(|k| k.id == new.id).ok_or(ValidationError::UnknownItem { what: "KRA" })?;
        let changed = *slot != new;
        let old = mem::replace(slot, new);
        Ok(Applied::new(Edit::ReplaceKra { kra: old }, changed))
    }

    fn apply_batch(&mut self, edits: Vec<Edit>) -> Result<Applied, ValidationError> {
        let next_id = self.next_id;
        let mut inverses = Vec::with_capacity(edits.len());
        let mut created = Vec::new();
        let mut changed = false;
        for edit in edits {
            match self.apply(edit) {
                Ok(applied) => {
                    created.extend(applied.created);
                    changed |= applied.changed;
                    inverses.push(applied.inverse);
                }
                Err(error) => {
                    // Exact inverses of edits that just succeeded cannot fail.
                    for inverse in inverses.into_iter().rev() {
                        let _ = self.apply(inverse);
                    }
                    // A refused edit changes nothing, not even the id counter: the ids the
                    // undone edits handed out were never seen outside this call, and no item
                    // holds them any more, so they can be handed out again.
                    self.next_id = next_id;
                    return Err(error);
                }
            }
        }
        inverses.reverse();
        Ok(Applied { inverse: Edit::Batch { edits: inverses }, created, changed })
    }

    fn set_settings_edit(&mut self, settings: ScoringSettings) -> Result<Applied, ValidationError> {
        settings.validate()?;
        let (old_fiscal, new_fiscal) = (self.settings.fiscal_year_start, settings.fiscal_year_start);
        let mut moved = Vec::new();
        if old_fiscal != new_fiscal {
            for kpi in self.kpis.iter() {
                let refiled = self.refiled(kpi, |start| {
                    Period::containing(start, kpi.spec.frequency, old_fiscal).refiled(kpi.spec.frequency, new_fiscal)
                })?;
                if let Some(series) = refiled {
                    moved.push((kpi.id, series));
                }
            }
        }
        let old = mem::replace(&mut self.settings, settings);
        let series = moved.into_iter().map(|(id, series)| (id, self.set_series(id, series))).collect::<Vec<_>>();
        let changed = old != self.settings;
        let inverse = if series.is_empty() {
            Edit::SetSettings { settings: old }
        } else {
            Edit::RestoreSettings { settings: old, series }
        };
        Ok(Applied::new(inverse, changed))
    }

    fn restore_settings(
        &mut self,
        settings: ScoringSettings,
        series: Vec<(Id, Series)>,
    ) -> Result<Applied, ValidationError> {
        settings.validate()?;
        let old_settings = mem::replace(&mut self.settings, settings);
        let check = series.iter().try_for_each(|(id, s)| match self.kpi(*id) {
            Some(k) => self.check_series(&k.spec, s),
            None => Err(ValidationError::UnknownItem { what: "KPI" }),
        });
        if let Err(e) = check {
            self.settings = old_settings;
            return Err(e);
        }
        let old_series = series.into_iter().map(|(id, s)| (id, self.set_series(id, s))).collect();
        Ok(Applied::new(Edit::RestoreSettings { settings: old_settings, series: old_series }, true))
    }

    fn update_kpi_edit(&mut self, id: Id, spec: KpiSpec) -> Result<Applied, ValidationError> {
        let spec = spec.validate()?;
        let fiscal = self.settings.fiscal_year_start;
        let index = self.kpis.iter().position(|k| k.id == id).ok_or(ValidationError::UnknownItem { what: "KPI" })?;
        let kpi = &self.kpis[index];
        let refiled = if kpi.spec.frequency == spec.frequency {
            None
        } else {
            let (old, new) = (kpi.spec.frequency, spec.frequency);
            let named = Kpi { spec: KpiSpec { name: spec.name.clone(), ..kpi.spec.clone() }, ..kpi.clone() };
            self.refiled(&named, |start| Period::containing(start, old, fiscal).refiled(new, fiscal))?
        };
        let changed = self.kpis[index].spec != spec;
        let old_spec = mem::replace(&mut self.kpis[index].spec, spec);
        let inverse = match refiled {
            Some(series) => Edit::ReplaceKpi { id, spec: old_spec, readings: self.set_series(id, series) },
            None => Edit::UpdateKpi { id, spec: old_spec },
        };
        Ok(Applied::new(inverse, changed))
    }

    /// A KPI's readings moved to the periods `new_period` gives, or `None` when none moves;
    /// refused if two readings would share a period.
    fn refiled(&self, kpi: &Kpi, new_period: impl Fn(Date) -> Period) -> Result<Option<Series>, ValidationError> {
        let series = self.readings_of(kpi.id);
        let mut moved = Series::new();
        let mut any = false;
        for (&start, reading) in series {
            let period = new_period(start);
            any |= period.start() != start;
            if moved.insert(period.start(), reading.clone()).is_some() {
                return Err(ValidationError::DuplicateReading { kpi: kpi.spec.name.clone(), period: period.label() });
            }
        }
        Ok(any.then_some(moved))
    }

    /// Sets a KPI's readings, returning the old ones; an empty series leaves no entry.
    fn set_series(&mut self, id: Id, series: Series) -> Series {
        let old =
            if series.is_empty() { self.readings.remove(&id) } else { self.readings.insert(id, Shared::new(series)) };
        old.map(Shared::into_inner).unwrap_or_default()
    }

    fn move_kpi_edit(&mut self, id: Id, offset: isize) -> Result<Applied, ValidationError> {
        let kra = self.kpi(id).ok_or(ValidationError::UnknownItem { what: "KPI" })?.kra;
        // The KRA's KPIs are permuted among the slots they already occupy in the KPI list, so
        // moving back by the opposite offset restores the list exactly.
        let slots: Vec<usize> = self.kpis.iter().enumerate().filter(|(_, k)| k.kra == kra).map(|(i, _)| i).collect();
        let mut order: Vec<Kpi> = slots.iter().map(|&i| self.kpis[i].clone()).collect();
        let from = order.iter().position(|k| k.id == id).unwrap_or(0);
        let to = from.saturating_add_signed(offset).min(order.len() - 1);
        let kpi = order.remove(from);
        order.insert(to, kpi);
        for (slot, kpi) in slots.into_iter().zip(order) {
            self.kpis[slot] = kpi;
        }
        Ok(Applied::new(Edit::MoveKpi { id, offset: from as isize - to as isize }, from != to))
    }

    fn insert_kra(&mut self, kra: Kra, at: usize, kpis: Vec<PlacedKpi>) -> Result<Applied, ValidationError> {
        if self.id_in_use(kra.id) || kra.id > Id::MAX {
            return Err(ValidationError::IdInUse { id: kra.id });
        }
        // Checked as saved data is (see `check_integrity`), not with `check_kra`: a KRA put back
        // by undo keeps a rating above a rating scale lowered after it was entered.
        KraDraft::of(&kra).validate()?;
        if at > self.kras.len() {
            return Err(ValidationError::UnknownItem { what: "KRA position" });
        }
        let mut seen = Vec::new();
        // Each KPI is placed in the list as it will be once those before it are in.
        for (len, p) in (self.kpis.len()..).zip(&kpis) {
            if p.kpi.kra != kra.id || seen.contains(&p.kpi.id) || p.kpi.id == kra.id {
                return Err(ValidationError::IdInUse { id: p.kpi.id });
            }
            self.check_placed(p, len)?;
            seen.push(p.kpi.id);
        }
        let id = kra.id;
        self.next_id = self.next_id.max(id.0 + 1);
        self.kras.insert(at, kra);
        for p in kpis {
            self.place(p);
        }
        Ok(Applied::new(Edit::DeleteKra { id }, true))
    }

    /// Checks a KPI to be put back at `p.at` of a list that will then have `len` KPIs.
    fn check_placed(&self, p: &PlacedKpi, len: usize) -> Result<(), ValidationError> {
        if self.id_in_use(p.kpi.id) || p.kpi.id > Id::MAX {
            return Err(ValidationError::IdInUse { id: p.kpi.id });
        }
        if p.at > len {
            return Err(ValidationError::UnknownItem { what: "KPI position" });
        }
        p.kpi.spec.validate()?;
        self.check_series(&p.kpi.spec, &p.readings)
    }

    fn place(&mut self, p: PlacedKpi) {
        let id = p.kpi.id;
        self.next_id = self.next_id.max(id.0 + 1);
        self.kpis.insert(p.at, p.kpi);
        self.set_series(id, p.readings);
    }
}

impl Edit {
    /// Rewrites the KRA and KPI ids this edit refers to through `map` (ids not in it stay).
    ///
    /// Used when this tab's unsaved edits are re-applied on top of another tab's newer data and
    /// an id this tab handed out was meanwhile handed out there too.
    pub fn remap(&mut self, map: &Map<Id, Id>) {
        let m = |id: &mut Id| {
            if let Some(&new) = map.get(id) {
                *id = new;
            }
        };
        match self {
            Edit::Rename { .. }
            | Edit::SetSettings { .. }
            | Edit::AddKra { .. }
            | Edit::Replace { .. }
            | Edit::ReopenReview { .. } => {}
            Edit::SetReview { change, .. } => change.remap(map),
            Edit::CloseReview { closure, .. } => {
                closure.kras = map_from(
                    std::mem::take(&mut closure.kras)
                        .into_iter()
                        .map(|(id, s)| (map.get(&id).copied().unwrap_or(id), s)),
                );
            }
            Edit::RestoreSettings { series, .. } => series.iter_mut().for_each(|(id, _)| m(id)),
            Edit::InsertKra { kra, kpis, .. } => {
                m(&mut kra.id);
                for p in kpis {
                    m(&mut p.kpi.id);
                    m(&mut p.kpi.kra);
                }
            }
            Edit::InsertKpi { kpi } => {
                m(&mut kpi.kpi.id);
                m(&mut kpi.kpi.kra);
            }
            Edit::ReplaceKra { kra } => m(&mut kra.id),
            Edit::UpdateKra { id, .. }
            | Edit::DeleteKra { id }
            | Edit::MoveKra { id, .. }
            | Edit::UpdateKpi { id, .. }
            | Edit::ReplaceKpi { id, .. }
            | Edit::DeleteKpi { id }
            | Edit::MoveKpi { id, .. } => m(id),
            Edit::AddKpi { kra, .. } => m(kra),
            Edit::AddReading { kpi, .. } | Edit::UpdateReading { kpi, .. } | Edit::DeleteReading { kpi, .. } => m(kpi),
            Edit::Batch { edits } => edits.iter_mut().for_each(|e| e.remap(map)),
        }
    }

    /// A stable, kebab-case name of the kind of edit, for events a host page can switch on.
    ///
    /// # Example
    ///
    /// ```
    /// use kra_kpi::domain::edit::Edit;
    ///
    /// assert_eq!(Edit::Rename { name: "Q3".into() }.kind(), "rename");
    /// assert_eq!(Edit::Batch { edits: vec![] }.kind(), "batch");
    /// ```
    pub fn kind(&self) -> &'static str {
        match self {
            Edit::Rename { .. } => "rename",
            Edit::SetSettings { .. } | Edit::RestoreSettings { .. } => "set-settings",
            Edit::AddKra { .. } | Edit::InsertKra { .. } => "add-kra",
            Edit::UpdateKra { .. } | Edit::ReplaceKra { .. } => "update-kra",
            Edit::DeleteKra { .. } => "delete-kra",
            Edit::MoveKra { .. } => "move-kra",
            Edit::AddKpi { .. } | Edit::InsertKpi { .. } => "add-kpi",
            Edit::UpdateKpi { .. } | Edit::ReplaceKpi { .. } => "update-kpi",
            Edit::DeleteKpi { .. } => "delete-kpi",
            Edit::MoveKpi { .. } => "move-kpi",
            Edit::AddReading { .. } => "add-reading",
            Edit::UpdateReading { .. } => "update-reading",
            Edit::DeleteReading { .. } => "delete-reading",
            Edit::SetReview { .. } => "set-review",
            Edit::CloseReview { .. } => "close-review",
            Edit::ReopenReview { .. } => "reopen-review",
            Edit::Replace { .. } => "replace",
            Edit::Batch { edits } => match edits.as_slice() {
                [one] => one.kind(),
                _ => "batch",
            },
        }
    }

    /// What the edit does, in words a user recognises, with names looked up in `fw`:
    /// "add a reading of 42 to \"Leads converted\" for Nov 2026".
    pub fn describe(&self, fw: &Framework) -> String {
        // Names are looked up in `fw`, which may be another tab's data where the item is gone.
        let kra_name = |id: &Id| {
            fw.kra(*id).map_or_else(|| "a KRA that was deleted".to_owned(), |k| format!("the KRA \"{}\"", k.name))
        };
        let kpi_name = |id: &Id| {
            fw.kpi(*id).map_or_else(|| "a KPI that was deleted".to_owned(), |k| format!("the KPI \"{}\"", k.spec.name))
        };
        let period = |kpi: &Id, day: &Date| {
            fw.kpi(*kpi).map_or_else(|| super::iso_date::format(*day), |k| fw.period_of(k, *day).label())
        };
        match self {
            Edit::Rename { name } => format!("rename the scorecard to \"{name}\""),
            Edit::SetSettings { .. } | Edit::RestoreSettings { .. } => "change the scoring settings".into(),
            Edit::AddKra { draft } => format!("add the KRA \"{}\"", draft.name.trim()),
            Edit::InsertKra { kra, .. } => format!("put back the KRA \"{}\"", kra.name),
            Edit::UpdateKra { id, .. } | Edit::ReplaceKra { kra: Kra { id, .. } } => {
                format!("edit {}", kra_name(id))
            }
            Edit::DeleteKra { id } => format!("delete {}", kra_name(id)),
            Edit::MoveKra { id, .. } => format!("move {}", kra_name(id)),
            Edit::AddKpi { spec, kra } => format!("add the KPI \"{}\" to {}", spec.name.trim(), kra_name(kra)),
            Edit::InsertKpi { kpi } => format!("put back the KPI \"{}\"", kpi.kpi.spec.name),
            Edit::UpdateKpi { id, .. } | Edit::ReplaceKpi { id, .. } => format!("edit {}", kpi_name(id)),
            Edit::DeleteKpi { id } => format!("delete {}", kpi_name(id)),
            Edit::MoveKpi { id, .. } => format!("move {}", kpi_name(id)),
            Edit::AddReading { kpi, day, value, .. } => {
                format!("add a reading of {} to {} for {}", num(*value), kpi_name(kpi), period(kpi, day))
            }
            Edit::UpdateReading { kpi, period_start, value, .. } => {
                format!("change the {} reading of {} to {}", period(kpi, period_start), kpi_name(kpi), num(*value))
            }
            Edit::DeleteReading { kpi, period_start } => {
                format!("delete the {} reading of {}", period(kpi, period_start), kpi_name(kpi))
            }
            Edit::SetReview { key, change } => {
                let period = key.period(fw.settings().fiscal_year_start).label();
                change.describe(&period, &kra_name, &kpi_name)
            }
            Edit::CloseReview { key, .. } => {
                format!("close the review of {}", key.period(fw.settings().fiscal_year_start).label())
            }
            Edit::ReopenReview { key } => {
                format!("reopen the review of {}", key.period(fw.settings().fiscal_year_start).label())
            }
            Edit::Replace { framework } => format!("replace the scorecard with \"{}\"", framework.name()),
            Edit::Batch { edits } => match edits.as_slice() {
                [one] => one.describe(fw),
                many => format!("{} changes at once", many.len()),
            },
        }
    }
}

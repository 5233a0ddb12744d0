//! The framework: a flat tree of KRAs, their KPIs and the KPIs' readings, and every edit to it.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use super::error::ValidationError;
use super::id::Id;
use super::input::{check_name, check_reading};
use super::kpi::{Kpi, KpiSpec};
use super::kra::{Kra, KraDraft};
use super::period::{FiscalYearStart, Frequency, Period};
use super::reading::Reading;
use super::scoring::ScoringSettings;

/// A KRA/KPI framework: what one role (or one person) is measured on.
///
/// The tree is stored flat, three lists linked by ids: KRAs in display order; KPIs, each naming
/// its KRA, in display order within that KRA; readings, each naming its KPI. Flat lists keep the
/// saved JSON simple to migrate and let an edit touch one element without rebuilding a nested
/// structure.
///
/// Every edit is a method that validates first and changes nothing when it fails, so the UI can
/// show the error and the user's data stays as it was.
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
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Framework {
    pub name: String,
    #[serde(default)]
    pub settings: ScoringSettings,
    pub kras: Vec<Kra>,
    pub kpis: Vec<Kpi>,
    pub readings: Vec<Reading>,
    /// The next id to hand out; only ever grows.
    pub next_id: u32,
}

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
            kras: Vec::new(),
            kpis: Vec::new(),
            readings: Vec::new(),
            next_id: 1,
        }
    }

    fn fresh_id(&mut self) -> Id {
        let id = Id(self.next_id);
        self.next_id += 1;
        id
    }

    /// Renames the framework.
    pub fn rename(&mut self, name: &str) -> Result<(), ValidationError> {
        self.name = check_name("Scorecard name", name)?;
        Ok(())
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

    /// The readings of one KPI, oldest first.
    pub fn readings_of(&self, kpi: Id) -> Vec<&Reading> {
        let mut readings: Vec<&Reading> = self.readings.iter().filter(|r| r.kpi == kpi).collect();
        readings.sort_by_key(|r| r.period_start);
        readings
    }

    /// Validates a KRA draft, including its rating against the framework's rating scale.
    fn check_kra(&self, draft: KraDraft) -> Result<KraDraft, ValidationError> {
        let d = draft.validate()?;
        let scale = self.settings.rating_scale;
        match d.rating {
            Some(rating) if !(1.0..=scale).contains(&rating) => {
                Err(ValidationError::OutOfRange { field: "Rating", value: rating, min: 1.0, max: scale })
            }
            _ => Ok(d),
        }
    }

    /// Adds a KRA at the end and returns its id.
    pub fn add_kra(&mut self, draft: KraDraft) -> Result<Id, ValidationError> {
        let draft = self.check_kra(draft)?;
        let id = self.fresh_id();
        self.kras.push(Kra::new(id, draft));
        Ok(id)
    }

    /// Replaces a KRA's editable fields.
    pub fn update_kra(&mut self, id: Id, draft: KraDraft) -> Result<(), ValidationError> {
        let draft = self.check_kra(draft)?;
        let kra = self.kras.iter_mut().find(|k| k.id == id).ok_or(ValidationError::UnknownItem { what: "KRA" })?;
        *kra = Kra::new(id, draft);
        Ok(())
    }

    /// Deletes a KRA with its KPIs and their readings.
    pub fn delete_kra(&mut self, id: Id) -> Result<(), ValidationError> {
        let before = self.kras.len();
        self.kras.retain(|k| k.id != id);
        if self.kras.len() == before {
            return Err(ValidationError::UnknownItem { what: "KRA" });
        }
        let gone: Vec<Id> = self.kpis.iter().filter(|k| k.kra == id).map(|k| k.id).collect();
        self.kpis.retain(|k| k.kra != id);
        self.readings.retain(|r| !gone.contains(&r.kpi));
        Ok(())
    }

    /// Moves a KRA `offset` places up (negative) or down (positive), stopping at either end.
    pub fn move_kra(&mut self, id: Id, offset: isize) -> Result<(), ValidationError> {
        let from = self.kras.iter().position(|k| k.id == id).ok_or(ValidationError::UnknownItem { what: "KRA" })?;
        let to = from.saturating_add_signed(offset).min(self.kras.len() - 1);
        let kra = self.kras.remove(from);
        self.kras.insert(to, kra);
        Ok(())
    }

    /// Adds a KPI at the end of a KRA and returns its id.
    pub fn add_kpi(&mut self, kra: Id, spec: KpiSpec) -> Result<Id, ValidationError> {
        let spec = spec.validate()?;
        self.kra(kra).ok_or(ValidationError::UnknownItem { what: "KRA" })?;
        let id = self.fresh_id();
        self.kpis.push(Kpi { id, kra, spec });
        Ok(id)
    }

    /// Replaces a KPI's editable fields. Its readings stay; if the measurement frequency changed
    /// they are re-filed to the new periods, and refused if two would then share a period.
    pub fn update_kpi(&mut self, id: Id, spec: KpiSpec) -> Result<(), ValidationError> {
        let spec = spec.validate()?;
        let fiscal = self.settings.fiscal_year_start;
        let index = self.kpis.iter().position(|k| k.id == id).ok_or(ValidationError::UnknownItem { what: "KPI" })?;
        let old_frequency = self.kpis[index].spec.frequency;
        let moves = self.refile(id, &spec.name, (old_frequency, fiscal), (spec.frequency, fiscal))?;
        self.apply_moves(moves);
        self.kpis[index].spec = spec;
        Ok(())
    }

    /// Replaces the scoring settings. When the fiscal year's first month changes, readings of
    /// month-based KPIs are re-filed to the new periods (see [`Period::refiled`]); the change is
    /// refused, and nothing changes, if two readings would then share a period.
    pub fn set_settings(&mut self, settings: ScoringSettings) -> Result<(), ValidationError> {
        settings.validate()?;
        let (old, new) = (self.settings.fiscal_year_start, settings.fiscal_year_start);
        let mut moves = Vec::new();
        for kpi in &self.kpis {
            let frequency = kpi.spec.frequency;
            moves.extend(self.refile(kpi.id, &kpi.spec.name, (frequency, old), (frequency, new))?);
        }
        self.apply_moves(moves);
        self.settings = settings;
        Ok(())
    }

    /// Where each reading of `kpi` goes when its periods change from `from` to `to`, as
    /// (reading, new period start); refused if two readings would share a period.
    fn refile(
        &self,
        kpi: Id,
        name: &str,
        from: (Frequency, FiscalYearStart),
        to: (Frequency, FiscalYearStart),
    ) -> Result<Vec<(Id, Date)>, ValidationError> {
        if from == to {
            return Ok(Vec::new());
        }
        let mut moves: Vec<(Id, Period)> = self
            .readings
            .iter()
            .filter(|r| r.kpi == kpi)
            .map(|r| (r.id, Period::containing(r.period_start, from.0, from.1).refiled(to.0, to.1)))
            .collect();
        moves.sort_by_key(|(_, p)| p.start());
        if let Some(pair) = moves.windows(2).find(|w| w[0].1.start() == w[1].1.start()) {
            return Err(ValidationError::DuplicateReading { kpi: name.to_owned(), period: pair[0].1.label() });
        }
        Ok(moves.into_iter().map(|(id, p)| (id, p.start())).collect())
    }

    fn apply_moves(&mut self, moves: Vec<(Id, Date)>) {
        for (id, start) in moves {
            if let Some(r) = self.readings.iter_mut().find(|r| r.id == id) {
                r.period_start = start;
            }
        }
    }

    /// Deletes a KPI and its readings.
    pub fn delete_kpi(&mut self, id: Id) -> Result<(), ValidationError> {
        let before = self.kpis.len();
        self.kpis.retain(|k| k.id != id);
        if self.kpis.len() == before {
            return Err(ValidationError::UnknownItem { what: "KPI" });
        }
        self.readings.retain(|r| r.kpi != id);
        Ok(())
    }

    /// Moves a KPI `offset` places within its KRA, stopping at either end.
    pub fn move_kpi(&mut self, id: Id, offset: isize) -> Result<(), ValidationError> {
        let kra = self.kpi(id).ok_or(ValidationError::UnknownItem { what: "KPI" })?.kra;
        let siblings: Vec<usize> = self.kpis.iter().enumerate().filter(|(_, k)| k.kra == kra).map(|(i, _)| i).collect();
        let rank = siblings.iter().position(|&i| self.kpis[i].id == id).unwrap_or(0);
        let target_rank = rank.saturating_add_signed(offset).min(siblings.len() - 1);
        let (from, to) = (siblings[rank], siblings[target_rank]);
        let kpi = self.kpis.remove(from);
        self.kpis.insert(to, kpi);
        Ok(())
    }

    /// The measurement period of `kpi` that contains `day`.
    pub fn period_of(&self, kpi: &Kpi, day: Date) -> Period {
        Period::containing(day, kpi.spec.frequency, self.settings.fiscal_year_start)
    }

    /// Records a reading for the KPI's period containing `day`.
    ///
    /// Refused when the value is not finite or the period already has a reading.
    pub fn add_reading(&mut self, kpi: Id, day: Date, value: f64, note: &str) -> Result<Id, ValidationError> {
        let value = check_reading(value)?;
        let k = self.kpi(kpi).ok_or(ValidationError::UnknownItem { what: "KPI" })?;
        let period = self.period_of(k, day);
        if self.readings.iter().any(|r| r.kpi == kpi && r.period_start == period.start()) {
            return Err(ValidationError::DuplicateReading { kpi: k.spec.name.clone(), period: period.label() });
        }
        let id = self.fresh_id();
        self.readings.push(Reading { id, kpi, period_start: period.start(), value, note: note.trim().to_owned() });
        Ok(id)
    }

    /// Changes a reading's value and note.
    pub fn update_reading(&mut self, id: Id, value: f64, note: &str) -> Result<(), ValidationError> {
        let value = check_reading(value)?;
        let r =
            self.readings.iter_mut().find(|r| r.id == id).ok_or(ValidationError::UnknownItem { what: "reading" })?;
        r.value = value;
        r.note = note.trim().to_owned();
        Ok(())
    }

    /// Deletes a reading.
    pub fn delete_reading(&mut self, id: Id) -> Result<(), ValidationError> {
        let before = self.readings.len();
        self.readings.retain(|r| r.id != id);
        if self.readings.len() == before {
            return Err(ValidationError::UnknownItem { what: "reading" });
        }
        Ok(())
    }

    /// Checks the invariants a loaded framework must hold: ids unique and below `next_id`, every
    /// KPI's KRA and every reading's KPI present, every number finite.
    ///
    /// Saved data that fails this is treated as damaged rather than silently repaired.
    pub fn check_integrity(&self) -> Result<(), String> {
        let mut ids: Vec<u32> = self
            .kras
            .iter()
            .map(|k| k.id.0)
            .chain(self.kpis.iter().map(|k| k.id.0))
            .chain(self.readings.iter().map(|r| r.id.0))
            .collect();
        ids.sort_unstable();
        if ids.windows(2).any(|w| w[0] == w[1]) {
            return Err("two items share an id".into());
        }
        if ids.last().is_some_and(|&max| max >= self.next_id) {
            return Err("an id is not below next_id".into());
        }
        if let Some(k) = self.kpis.iter().find(|k| self.kra(k.kra).is_none()) {
            return Err(format!("KPI \"{}\" belongs to a missing KRA", k.spec.name));
        }
        if self.readings.iter().any(|r| self.kpi(r.kpi).is_none()) {
            return Err("a reading belongs to a missing KPI".into());
        }
        if self.readings.iter().any(|r| !r.value.is_finite()) || self.kras.iter().any(|k| !k.weight.is_finite()) {
            return Err("a number is not finite".into());
        }
        for k in &self.kpis {
            k.spec.validate().map_err(|e| format!("KPI \"{}\": {e}", k.spec.name))?;
        }
        for k in &self.kras {
            KraDraft::of(k).validate().map_err(|e| format!("KRA \"{}\": {e}", k.name))?;
        }
        Ok(())
    }
}

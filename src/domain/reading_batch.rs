//! Many readings at once: checking a batch against a framework before anything is saved.
//!
//! A CSV import and the bulk-entry grid both end with a list of proposed readings, some of them
//! new, some replacing a value already there, some wrong. [`BatchPlan::check`] sorts them into
//! what will happen to each ([`Verdict`]) and why a refused one is refused ([`Refusal`]), so the
//! screen can show a preview; [`BatchPlan::edit`] then turns the accepted ones into one
//! [`Edit::Batch`], applied (and undone) as a single change.

use std::fmt;

use jiff::civil::Date;

use super::edit::Edit;
use super::error::ValidationError;
use super::format::num;
use super::framework::Framework;
use super::id::Id;
use super::input::check_reading;
use super::ordered::Map;
use super::period::Period;

/// One reading someone wants recorded: the KPI, a day inside the period, the value, and the note
/// (`None` keeps the note of a reading it replaces).
#[derive(Clone, Debug, PartialEq)]
pub struct Proposal {
    /// The KPI the reading is for.
    pub kpi: Id,
    /// Any day of the KPI's period the reading is for.
    pub day: Date,
    /// The value.
    pub value: f64,
    /// The note; `None` keeps an existing reading's note (and means no note for a new one).
    pub note: Option<String>,
}

/// What saving a proposal would do.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Verdict {
    /// A new reading for a period that has none.
    Add,
    /// A different value (or note) for a period that has a reading: the old value is shown.
    Replace {
        /// The value it replaces.
        old: f64,
    },
    /// The same value and note as the reading already there: nothing to do.
    Unchanged,
}

/// Why a proposed reading will not be saved. The text says what to fix.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::reading_batch::Refusal;
///
/// let r = Refusal::UnknownKpi { name: "Leeds".into() };
/// assert_eq!(r.to_string(), "no KPI is called \"Leeds\"");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum Refusal {
    /// No KPI has this name (within the KRA, when one is given).
    UnknownKpi {
        /// The name as written.
        name: String,
    },
    /// Several KPIs have this name and nothing says which one.
    AmbiguousKpi {
        /// The name as written.
        name: String,
        /// How many KPIs have it.
        count: usize,
    },
    /// A KPI has this name, but not in the KRA named.
    NotInKra {
        /// The KPI's name as written.
        kpi: String,
        /// The KRA's name as written.
        kra: String,
    },
    /// The KPI was deleted after the entry was made.
    KpiGone,
    /// No KRA has this name.
    UnknownKra {
        /// The name as written.
        name: String,
    },
    /// The period could not be read.
    BadPeriod {
        /// The text as written.
        input: String,
    },
    /// The value is missing, not a number, not finite or out of range.
    BadValue(ValidationError),
    /// The period has not started yet: a reading cannot measure it.
    NotStarted {
        /// The period's label.
        period: String,
    },
    /// An earlier entry of the same batch is for the same KPI and period.
    Repeated {
        /// The period's label.
        period: String,
    },
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Refusal::UnknownKpi { name } => write!(f, "no KPI is called \"{name}\""),
            Refusal::AmbiguousKpi { name, count } => {
                write!(f, "{count} KPIs are called \"{name}\": add a KRA column to say which")
            }
            Refusal::NotInKra { kpi, kra } => write!(f, "\"{kra}\" has no KPI called \"{kpi}\""),
            Refusal::KpiGone => write!(f, "the KPI no longer exists"),
            Refusal::UnknownKra { name } => write!(f, "no KRA is called \"{name}\""),
            Refusal::BadPeriod { input } if input.trim().is_empty() => {
                write!(f, "no period: give the period start as YYYY-MM-DD")
            }
            Refusal::BadPeriod { input } => {
                write!(f, "\"{input}\" is not a period: write its start as YYYY-MM-DD, such as 2026-11-01")
            }
            Refusal::BadValue(e) => write!(f, "{e}"),
            Refusal::NotStarted { period } => write!(f, "{period} has not started yet"),
            Refusal::Repeated { period } => write!(f, "a reading for {period} comes earlier in the same batch"),
        }
    }
}

/// A proposal as checked: its KPI's period and what saving it does.
#[derive(Clone, Debug, PartialEq)]
pub struct Checked {
    /// The proposal, unchanged.
    pub proposal: Proposal,
    /// The KPI's period containing the proposal's day.
    pub period: Period,
    /// What saving it does.
    pub verdict: Verdict,
    /// The note that will be saved: the proposal's, or the replaced reading's when the proposal
    /// has none.
    pub note: String,
}

/// How many entries of a plan fall into each outcome.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Tally {
    /// New readings.
    pub added: usize,
    /// Readings whose value or note changes.
    pub replaced: usize,
    /// Entries equal to what is there.
    pub unchanged: usize,
    /// Entries that will not be saved.
    pub refused: usize,
}

/// A batch of proposed readings, each checked against one framework.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::direction::Direction;
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::domain::kpi::KpiSpec;
/// use kra_kpi::domain::kra::KraDraft;
/// use kra_kpi::domain::reading_batch::{BatchPlan, Proposal, Tally};
///
/// let mut fw = Framework::new("Mine");
/// let kra = fw.add_kra(KraDraft::new("Sales", 100.0)).unwrap();
/// let kpi = fw.add_kpi(kra, KpiSpec::new("Leads", "leads", Direction::HigherIsBetter, 50.0)).unwrap();
/// fw.add_reading(kpi, date(2026, 10, 1), 40.0, "").unwrap();
///
/// let propose = |day, value| Ok(Proposal { kpi, day, value, note: None });
/// let today = date(2026, 12, 2);
/// let plan = BatchPlan::check(&fw, vec![propose(date(2026, 10, 1), 45.0), propose(date(2026, 11, 1), 48.0)], today);
/// assert_eq!(plan.tally(), Tally { added: 1, replaced: 1, unchanged: 0, refused: 0 });
///
/// fw.apply(plan.edit(false).unwrap()).unwrap();
/// assert_eq!(fw.reading(kpi, date(2026, 10, 1)).unwrap().value, 45.0);
/// assert_eq!(fw.reading_count(), 2);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BatchPlan {
    /// One entry per proposal, in the order given.
    pub entries: Vec<Result<Checked, Refusal>>,
}

impl BatchPlan {
    /// Checks each proposal against `fw` (entries already refused by whoever read them stay
    /// refused): the value must be a valid reading, the period must have started by `today`, and
    /// no two entries may be for the same KPI and period (the first one counts).
    pub fn check(fw: &Framework, proposals: Vec<Result<Proposal, Refusal>>, today: Date) -> BatchPlan {
        let mut seen: Map<(Id, Date), ()> = Map::new();
        let entries = proposals
            .into_iter()
            .map(|proposal| {
                let proposal = proposal?;
                let kpi = fw.kpi(proposal.kpi).ok_or(Refusal::KpiGone)?;
                check_reading(proposal.value).map_err(Refusal::BadValue)?;
                let period = fw.period_of(kpi, proposal.day);
                if period.start() > today {
                    return Err(Refusal::NotStarted { period: period.label() });
                }
                if seen.insert((proposal.kpi, period.start()), ()).is_some() {
                    return Err(Refusal::Repeated { period: period.label() });
                }
                let given = proposal.note.as_deref().map(str::trim);
                let old = fw.reading(proposal.kpi, period.start());
                let note = given.or(old.map(|r| r.note.as_str())).unwrap_or_default().to_owned();
                let verdict = match old {
                    None => Verdict::Add,
                    Some(old) if old.value == proposal.value && old.note == note => Verdict::Unchanged,
                    Some(old) => Verdict::Replace { old: old.value },
                };
                Ok(Checked { proposal, period, verdict, note })
            })
            .collect();
        BatchPlan { entries }
    }

    /// How many entries will be added, replaced, left as they are and refused.
    pub fn tally(&self) -> Tally {
        let mut tally = Tally::default();
        for entry in &self.entries {
            match entry {
                Ok(Checked { verdict: Verdict::Add, .. }) => tally.added += 1,
                Ok(Checked { verdict: Verdict::Replace { .. }, .. }) => tally.replaced += 1,
                Ok(Checked { verdict: Verdict::Unchanged, .. }) => tally.unchanged += 1,
                Err(_) => tally.refused += 1,
            }
        }
        tally
    }

    /// The accepted entries as one edit (new readings, and the replacements unless
    /// `only_new`), or `None` when there is nothing to save. Refused and unchanged entries are
    /// left out. The edit is built for the framework the plan was checked against.
    pub fn edit(&self, only_new: bool) -> Option<Edit> {
        let edits: Vec<Edit> = self
            .entries
            .iter()
            .filter_map(|entry| {
                let Checked { proposal, period, verdict, note } = entry.as_ref().ok()?;
                let note = note.clone();
                match verdict {
                    Verdict::Add => {
                        Some(Edit::AddReading { kpi: proposal.kpi, day: period.start(), value: proposal.value, note })
                    }
                    Verdict::Replace { .. } if !only_new => Some(Edit::UpdateReading {
                        kpi: proposal.kpi,
                        period_start: period.start(),
                        value: proposal.value,
                        note,
                    }),
                    _ => None,
                }
            })
            .collect();
        (!edits.is_empty()).then_some(Edit::Batch { edits })
    }
}

/// A one-line summary of a tally for a preview: "12 to add, 3 to replace, 1 unchanged, 2 refused".
///
/// # Example
///
/// ```
/// use kra_kpi::domain::reading_batch::{describe_tally, Tally};
///
/// let t = Tally { added: 12, replaced: 1, unchanged: 0, refused: 2 };
/// assert_eq!(describe_tally(&t), "12 readings to add, 1 to replace, 2 refused");
/// ```
pub fn describe_tally(t: &Tally) -> String {
    let mut parts = Vec::new();
    let noun = |n: usize| if n == 1 { "reading" } else { "readings" };
    if t.added > 0 {
        parts.push(format!("{} {} to add", t.added, noun(t.added)));
    }
    if t.replaced > 0 {
        let word = if parts.is_empty() { format!(" {}", noun(t.replaced)) } else { String::new() };
        parts.push(format!("{}{word} to replace", t.replaced));
    }
    if t.unchanged > 0 {
        parts.push(format!("{} unchanged", t.unchanged));
    }
    if t.refused > 0 {
        parts.push(format!("{} refused", t.refused));
    }
    if parts.is_empty() {
        "no readings".to_owned()
    } else {
        parts.join(", ")
    }
}

/// A value for a preview: "42", or "42 (was 40)" for a replacement.
pub fn describe_value(checked: &Checked) -> String {
    match checked.verdict {
        Verdict::Replace { old } => format!("{} (was {})", num(checked.proposal.value), num(old)),
        _ => num(checked.proposal.value),
    }
}

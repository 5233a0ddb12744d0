//! Typed validation errors whose messages tell the user what to do.

use std::fmt;

/// Why an edit to a framework was refused.
///
/// Every variant's [`Display`](fmt::Display) text is written for the person at the keyboard: it
/// names the field and says how to fix it. The UI shows these strings unchanged, next to the
/// control that caused them.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::input::parse_number;
///
/// let err = parse_number("Target", "abc").unwrap_err();
/// assert_eq!(err.to_string(), "Target: \"abc\" is not a number. Enter digits such as 42 or 12.5.");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum ValidationError {
    /// A name (of a KRA, KPI or framework) was empty or only spaces.
    EmptyName { field: &'static str },
    /// Text that should have been a number could not be read as one.
    NotANumber { field: &'static str, input: String },
    /// Text that should have been a date (YYYY-MM-DD) could not be read as one.
    NotADate { field: &'static str, input: String },
    /// Only one of two fields that go together was filled in.
    IncompletePair { first: &'static str, second: &'static str },
    /// The number was NaN or infinite (for example typed as `inf` or `NaN`).
    NotFinite { field: &'static str, input: String },
    /// A number that may not be negative (a weight, a tolerance) was.
    Negative { field: &'static str, value: f64 },
    /// A value was outside the range the field accepts.
    OutOfRange { field: &'static str, value: f64, min: f64, max: f64 },
    /// A reading for this KPI already exists in this period.
    DuplicateReading { kpi: String, period: String },
    /// A reading for a period that has not started yet (dated in a later period than today's).
    NotStarted { period: String },
    /// A keep-within-range KPI whose minimum is not below its maximum.
    EmptyRange { min: f64, max: f64 },
    /// Threshold bands whose goal equals the red flag, so no slope can be drawn.
    FlatBands,
    /// Status thresholds where amber starts above green.
    ThresholdOrder { green: f64, amber: f64 },
    /// A step-list target with no steps.
    NoSteps,
    /// The edit names a KRA, KPI or reading that no longer exists.
    UnknownItem { what: &'static str },
    /// The id counter has reached [`Id::MAX`](super::id::Id::MAX): no more KRAs or KPIs can be
    /// added without reusing an id.
    IdsExhausted,
    /// An edit would put back a KRA or KPI under an id that is already taken.
    IdInUse { id: super::id::Id },
    /// A reading is not filed under the first day of one of its KPI's periods.
    MisfiledReading { kpi: String, day: String },
    /// The scorecard is open read-only (saved by a newer version, damaged, or as the host page
    /// asked), so nothing may change.
    ReadOnly,
    /// The review of this period is closed: its readings, ratings, comments and N/A marks stay
    /// as they were closed until it is reopened.
    ReviewClosed { period: String },
    /// A review cannot be closed before its period is over.
    ReviewNotOver { period: String, from: String },
}

impl fmt::Display for ValidationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use ValidationError::*;
        match self {
            EmptyName { field } => write!(f, "{field} cannot be empty. Type a name."),
            NotANumber { field, input } if input.trim().is_empty() => {
                write!(f, "{field} is empty. Enter a number such as 42 or 12.5.")
            }
            NotANumber { field, input } => {
                write!(f, "{field}: \"{input}\" is not a number. Enter digits such as 42 or 12.5.")
            }
            IncompletePair { first, second } => {
                write!(f, "Fill in both {first} and {second}, or leave both empty.")
            }
            NotADate { field, input } if input.trim().is_empty() => {
                write!(f, "{field} is empty. Choose a date.")
            }
            NotADate { field, input } => {
                write!(f, "{field}: \"{input}\" is not a date. Choose one from the calendar or type YYYY-MM-DD.")
            }
            NotFinite { field, input } => {
                write!(f, "{field}: \"{input}\" is not a finite number. Enter an ordinary value such as 42.")
            }
            Negative { field, value } => {
                write!(f, "{field} cannot be negative (got {value}). Enter 0 or more.")
            }
            OutOfRange { field, value, min, max } => {
                write!(f, "{field} must be between {min} and {max} (got {value}).")
            }
            DuplicateReading { kpi, period } => {
                write!(f, "\"{kpi}\" already has a reading for {period}. Edit or delete that reading instead.")
            }
            NotStarted { period } => {
                write!(f, "{period} has not started yet: a reading can be entered once the period has begun.")
            }
            EmptyRange { min, max } => write!(f, "The range minimum ({min}) must be below its maximum ({max})."),
            FlatBands => {
                write!(f, "The goal and the red flag must differ, otherwise no score can be drawn between them.")
            }
            ThresholdOrder { green, amber } => {
                write!(f, "The amber threshold ({amber} %) must not be above the green one ({green} %).")
            }
            NoSteps => write!(f, "A step-list target needs at least one value."),
            UnknownItem { what } => {
                write!(f, "That {what} no longer exists; it may have been deleted.")
            }
            IdsExhausted => write!(
                f,
                "No more KRAs or KPIs can be added to this scorecard: its id counter has reached its limit. Start a new scorecard."
            ),
            IdInUse { id } => write!(f, "An item with id {id} already exists, so this one cannot be put back."),
            MisfiledReading { kpi, day } => {
                write!(f, "A reading of \"{kpi}\" is filed under {day}, which is not the first day of one of its periods.")
            }
            ReadOnly => write!(f, "This scorecard is open read-only, so it cannot be changed here."),
            ReviewClosed { period } => {
                write!(f, "The review of {period} is closed, so {period} cannot be changed. Reopen the review to change it.")
            }
            ReviewNotOver { period, from } => {
                write!(f, "{period} is not over yet, so its review cannot be closed. It can be closed from {from}.")
            }
        }
    }
}

impl ValidationError {
    /// The field (or fields) the user must fix, named as in the message, so a form can mark
    /// those controls invalid and point them at the message.
    ///
    /// Errors about the whole item (a duplicate reading, a closed review) name no field.
    ///
    /// # Example
    ///
    /// ```
    /// use kra_kpi::domain::error::ValidationError;
    /// use kra_kpi::domain::input::parse_number;
    ///
    /// assert_eq!(parse_number("Target", "abc").unwrap_err().fields(), ["Target"]);
    /// let pair = ValidationError::IncompletePair { first: "Red flag", second: "Goal" };
    /// assert_eq!(pair.fields(), ["Red flag", "Goal"]);
    /// assert!(ValidationError::ReadOnly.fields().is_empty());
    /// ```
    pub fn fields(&self) -> Vec<&'static str> {
        use ValidationError::*;
        match self {
            EmptyName { field }
            | NotANumber { field, .. }
            | NotADate { field, .. }
            | NotFinite { field, .. }
            | Negative { field, .. }
            | OutOfRange { field, .. } => vec![field],
            IncompletePair { first, second } => vec![first, second],
            EmptyRange { .. } => vec!["Range minimum", "Range maximum"],
            FlatBands => vec!["Red flag", "Goal"],
            ThresholdOrder { .. } => vec!["Green from", "Amber from"],
            NoSteps => vec!["Step targets"],
            _ => Vec::new(),
        }
    }
}

impl std::error::Error for ValidationError {}

/// Why a framework read from saved data breaks one of the rules every edit keeps.
///
/// Saved data that fails these checks is treated as damaged, never silently repaired.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::error::IntegrityError;
/// use kra_kpi::domain::id::Id;
///
/// assert_eq!(IntegrityError::DuplicateId(Id(4)).to_string(), "two items share the id 4");
/// ```
#[derive(Clone, Debug, PartialEq)]
pub enum IntegrityError {
    /// Two KRAs or KPIs have the same id.
    DuplicateId(super::id::Id),
    /// An id is not below the saved id counter, so it could be handed out again.
    IdNotBelowCounter(super::id::Id),
    /// The id counter is beyond [`Id::MAX`](super::id::Id::MAX).
    CounterTooLarge,
    /// A KPI names a KRA that does not exist.
    KpiWithoutKra { kpi: String },
    /// Readings are filed under a KPI id that does not exist.
    ReadingsWithoutKpi(super::id::Id),
    /// The scoring settings are out of range.
    InvalidSettings(ValidationError),
    /// A KRA's fields are invalid.
    InvalidKra { name: String, error: ValidationError },
    /// A KPI's fields are invalid.
    InvalidKpi { name: String, error: ValidationError },
    /// A reading is invalid.
    InvalidReading { kpi: String, error: ValidationError },
    /// A review record breaks a rule (a rating that is not a number, say).
    InvalidReview { start: String, error: ValidationError },
}

impl fmt::Display for IntegrityError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use IntegrityError::*;
        match self {
            DuplicateId(id) => write!(f, "two items share the id {id}"),
            IdNotBelowCounter(id) => write!(f, "the id {id} is not below the id counter"),
            CounterTooLarge => write!(f, "the id counter is beyond its limit"),
            KpiWithoutKra { kpi } => write!(f, "KPI \"{kpi}\" belongs to a missing KRA"),
            ReadingsWithoutKpi(id) => write!(f, "readings belong to a missing KPI (id {id})"),
            InvalidSettings(e) => write!(f, "settings: {e}"),
            InvalidKra { name, error } => write!(f, "KRA \"{name}\": {error}"),
            InvalidKpi { name, error } => write!(f, "KPI \"{name}\": {error}"),
            InvalidReading { kpi, error } => write!(f, "a reading of \"{kpi}\": {error}"),
            InvalidReview { start, error } => write!(f, "the review of the period from {start}: {error}"),
        }
    }
}

impl std::error::Error for IntegrityError {}

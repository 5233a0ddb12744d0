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
        }
    }
}

impl std::error::Error for ValidationError {}

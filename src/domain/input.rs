//! Reading what a user typed: numbers, weights and names.

use super::error::ValidationError;

/// Parses a number typed into `field`, refusing anything that is not a finite `f64`.
///
/// Surrounding spaces are ignored and a thousands separator written as `_` or a space inside the
/// digits is not accepted: what the user typed must be unambiguous. `NaN`, `inf` and numbers too
/// large for `f64` are refused with [`ValidationError::NotFinite`], because a single non-finite
/// value would poison every score it rolls into.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::input::parse_number;
///
/// assert_eq!(parse_number("Value", " 12.5 "), Ok(12.5));
/// assert!(parse_number("Value", "NaN").is_err());
/// assert!(parse_number("Value", "1e999").is_err());
/// ```
pub fn parse_number(field: &'static str, input: &str) -> Result<f64, ValidationError> {
    let trimmed = input.trim();
    match trimmed.parse::<f64>() {
        Ok(value) if value.is_finite() => Ok(value),
        Ok(_) => Err(ValidationError::NotFinite { field, input: trimmed.to_owned() }),
        Err(_) => Err(ValidationError::NotANumber { field, input: trimmed.to_owned() }),
    }
}

/// Like [`parse_number`], but an empty input means "not given".
///
/// # Example
///
/// ```
/// use kra_kpi::domain::input::parse_optional_number;
///
/// assert_eq!(parse_optional_number("Baseline", "  "), Ok(None));
/// assert_eq!(parse_optional_number("Baseline", "3"), Ok(Some(3.0)));
/// ```
pub fn parse_optional_number(field: &'static str, input: &str) -> Result<Option<f64>, ValidationError> {
    if input.trim().is_empty() {
        Ok(None)
    } else {
        parse_number(field, input).map(Some)
    }
}

/// Parses a weight: a finite number that is zero or more.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::input::parse_weight;
///
/// assert_eq!(parse_weight("40"), Ok(40.0));
/// assert!(parse_weight("-5").is_err());
/// ```
pub fn parse_weight(input: &str) -> Result<f64, ValidationError> {
    let value = parse_number("Weight", input)?;
    check_weight(value)
}

/// The largest weight accepted. Weights are relative, so this loses nothing, and it keeps
/// every weighted sum far from overflow.
pub const MAX_WEIGHT: f64 = 1_000_000.0;

/// The largest reading accepted, in either direction: a quadrillion of any unit. Sums of
/// thousands of readings stay finite and charts keep a drawable scale.
pub const MAX_READING: f64 = 1e15;

/// Checks that an already-parsed number in `field` is finite.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::input::check_finite;
///
/// assert_eq!(check_finite("Baseline", 3.0), Ok(3.0));
/// assert!(check_finite("Baseline", f64::INFINITY).is_err());
/// ```
pub fn check_finite(field: &'static str, value: f64) -> Result<f64, ValidationError> {
    if value.is_finite() {
        Ok(value)
    } else {
        Err(ValidationError::NotFinite { field, input: value.to_string() })
    }
}

/// Checks that an already-parsed weight is between 0 and [`MAX_WEIGHT`].
pub fn check_weight(value: f64) -> Result<f64, ValidationError> {
    check_finite("Weight", value)?;
    if value < 0.0 {
        return Err(ValidationError::Negative { field: "Weight", value });
    }
    if value > MAX_WEIGHT {
        return Err(ValidationError::OutOfRange { field: "Weight", value, min: 0.0, max: MAX_WEIGHT });
    }
    Ok(value)
}

/// Checks that a reading is finite and within ±[`MAX_READING`].
///
/// # Example
///
/// ```
/// use kra_kpi::domain::input::check_reading;
///
/// assert_eq!(check_reading(42.0), Ok(42.0));
/// assert!(check_reading(f64::NAN).is_err());
/// assert!(check_reading(1e308).is_err());
/// ```
pub fn check_reading(value: f64) -> Result<f64, ValidationError> {
    check_finite("Value", value)?;
    if value.abs() > MAX_READING {
        return Err(ValidationError::OutOfRange { field: "Value", value, min: -MAX_READING, max: MAX_READING });
    }
    Ok(value)
}

/// Checks that a name is not blank and returns it trimmed.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::input::check_name;
///
/// assert_eq!(check_name("KRA name", "  Grow revenue "), Ok("Grow revenue".to_string()));
/// assert!(check_name("KRA name", "   ").is_err());
/// ```
pub fn check_name(field: &'static str, input: &str) -> Result<String, ValidationError> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        Err(ValidationError::EmptyName { field })
    } else {
        Ok(trimmed.to_owned())
    }
}

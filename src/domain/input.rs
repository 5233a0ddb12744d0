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
    match read_number(trimmed) {
        Number::Finite(value) => Ok(value),
        Number::NotFinite => Err(ValidationError::NotFinite { field, input: trimmed.to_owned() }),
        Number::Invalid => Err(ValidationError::NotANumber { field, input: trimmed.to_owned() }),
    }
}

/// Parses a reading's value as people write it: a number as [`parse_number`] reads it, or with
/// its digits grouped by commas (`1,234,567.5`, or `3,80,000` as in India, as a spreadsheet or
/// this widget shows it) or a trailing `%`. Anything else is refused with [`parse_number`]'s
/// messages, quoting what was typed. The reading form and the bulk-entry grid read values alike.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::input::parse_reading;
///
/// assert_eq!(parse_reading(" 42 "), Ok(42.0));
/// assert_eq!(parse_reading("1,250,000"), Ok(1_250_000.0));
/// assert_eq!(parse_reading("3,80,000"), Ok(380_000.0));
/// assert_eq!(parse_reading("92.5%"), Ok(92.5));
/// assert!(parse_reading("12,5").is_err()); // a decimal comma or a typo: ambiguous
/// assert!(parse_reading("").is_err());
/// assert!(parse_reading("n/a").is_err());
/// ```
pub fn parse_reading(input: &str) -> Result<f64, ValidationError> {
    let text = input.trim();
    let bare = text.strip_suffix('%').map_or(text, str::trim_end);
    let ungrouped = if is_grouped(bare) { bare.replace(',', "") } else { bare.to_owned() };
    parse_number("Value", &ungrouped).map_err(|e| match e {
        // The message quotes what the user wrote, not the cleaned-up text.
        ValidationError::NotANumber { field, .. } => ValidationError::NotANumber { field, input: text.to_owned() },
        ValidationError::NotFinite { field, .. } => ValidationError::NotFinite { field, input: text.to_owned() },
        e => e,
    })
}

/// Whether `text` is digits grouped by commas, in threes (`1,234`, `-12,345.67`) or the Indian
/// way (`3,80,000`, `1,25,00,000`: three digits last, twos before them).
fn is_grouped(text: &str) -> bool {
    let digits = text.strip_prefix('-').unwrap_or(text);
    let whole = digits.split('.').next().unwrap_or("");
    let groups: Vec<&str> = whole.split(',').collect();
    let [first, middle @ .., last] = groups.as_slice() else { return false };
    let all_digits = groups.iter().all(|g| g.bytes().all(|b| b.is_ascii_digit()));
    let threes = (1..=3).contains(&first.len()) && middle.iter().all(|g| g.len() == 3);
    let indian = (1..=2).contains(&first.len()) && middle.iter().all(|g| g.len() == 2);
    all_digits && last.len() == 3 && (threes || indian) && digits.matches('.').count() <= 1
}

/// What [`read_number`] found in a text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    /// A finite number: the `f64` nearest to the decimal written.
    Finite(f64),
    /// A number, but not a finite one: `inf`, `infinity` or `NaN` (any case, with a sign or
    /// not), or beyond the largest `f64`, such as `1e999`.
    NotFinite,
    /// Not a number at all.
    Invalid,
}

impl Number {
    /// The value, if it is a finite number: what `str::parse::<f64>().ok()` gave, less the
    /// infinities and NaN.
    ///
    /// # Example
    ///
    /// ```
    /// use kra_kpi::domain::input::read_number;
    ///
    /// assert_eq!(read_number("4.5").finite(), Some(4.5));
    /// assert_eq!(read_number("inf").finite(), None);
    /// assert_eq!(read_number("four").finite(), None);
    /// ```
    pub fn finite(self) -> Option<f64> {
        match self {
            Number::Finite(value) => Some(value),
            Number::NotFinite | Number::Invalid => None,
        }
    }
}

/// Reads a decimal number written as Rust's `f64::from_str` reads one (an optional sign,
/// digits with an optional point and fraction, an optional exponent: `12`, `-0.5`, `.5`, `5.`,
/// `+1e3`), giving the same value, the `f64` nearest to it, without its code.
///
/// Why not `str::parse`: `str::parse::<f64>` would ship a 10 KB table of powers of five that no
/// compressor shrinks (issue 9). This checks the text against the grammar above and hands
/// [`decimal::parse`](super::decimal::parse), the reader of saved numbers, the same number in
/// JSON's spelling (no `+`, no bare point, no leading zeros). A test compares the result with
/// `str::parse` on generated inputs.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::input::{read_number, Number};
///
/// assert_eq!(read_number("+.5"), Number::Finite(0.5));
/// assert_eq!(read_number("007.250e1"), Number::Finite(72.5));
/// assert_eq!(read_number("-Infinity"), Number::NotFinite);
/// assert_eq!(read_number("1e999"), Number::NotFinite);
/// assert_eq!(read_number("12 %"), Number::Invalid);
/// ```
pub fn read_number(text: &str) -> Number {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    if ["inf", "infinity", "nan"].iter().any(|word| body.eq_ignore_ascii_case(word)) {
        return Number::NotFinite;
    }
    let (mantissa, exponent) = match body.split_once(['e', 'E']) {
        Some((mantissa, exponent)) => (mantissa, Some(exponent)),
        None => (body, None),
    };
    let (whole, fraction) = mantissa.split_once('.').unwrap_or((mantissa, ""));
    let digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    let exponent_ok = exponent.is_none_or(|e| {
        let e = e.strip_prefix(['+', '-']).unwrap_or(e);
        !e.is_empty() && digits(e)
    });
    if (whole.is_empty() && fraction.is_empty()) || !digits(whole) || !digits(fraction) || !exponent_ok {
        return Number::Invalid;
    }
    let whole = whole.trim_start_matches('0');
    let mut json = String::with_capacity(text.len() + 2);
    if negative {
        json.push('-');
    }
    json.push_str(if whole.is_empty() { "0" } else { whole });
    if !fraction.is_empty() {
        json.push('.');
        json.push_str(fraction);
    }
    if let Some(exponent) = exponent {
        json.push('e');
        json.push_str(exponent);
    }
    // The text is a valid JSON number now, so the only failure left is its range.
    match super::decimal::parse(&json) {
        Some(value) => Number::Finite(value),
        None => Number::NotFinite,
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn grouping_needs_groups_of_three() {
        assert!(is_grouped("1,234"));
        assert!(is_grouped("-12,345.67"));
        assert!(!is_grouped("1,23"));
        assert!(!is_grouped("1234"));
        assert!(!is_grouped("1,2345"));
        assert!(!is_grouped(",123"));
        assert!(is_grouped("3,80,000"));
        assert!(is_grouped("1,25,00,000.5"));
        assert!(!is_grouped("3,8,000"));
        assert!(!is_grouped("123,45,678"));
        assert!(!is_grouped("12,5"));
    }
}

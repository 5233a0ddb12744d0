//! Numbers as people read them in explanations.

/// Formats a number with at most two decimals and no trailing zeros: `84`, `12.5`, `0.33`.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::format::num;
///
/// assert_eq!(num(84.0), "84");
/// assert_eq!(num(2.0 / 3.0), "0.67");
/// assert_eq!(num(-0.0001), "0");
/// ```
pub fn num(value: f64) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{value:.2}");
    let text = text.trim_end_matches('0').trim_end_matches('.');
    if text == "-0" {
        "0".to_owned()
    } else {
        text.to_owned()
    }
}

/// A value with its unit: `42 leads`, `₹ 500000`, `93 %`.
///
/// Symbols that conventionally go first (currency signs) are put before the number.
pub fn with_unit(value: f64, unit: &str) -> String {
    let unit = unit.trim();
    match unit {
        "" => num(value),
        "%" => format!("{} %", num(value)),
        u if u.chars().count() == 1 && !u.chars().all(char::is_alphanumeric) => format!("{u}{}", num(value)),
        u => format!("{} {u}", num(value)),
    }
}

//! Dates as `YYYY-MM-DD` text: in saved data, in `<input type="date">` and in explanations.
//!
//! jiff does the calendar (month lengths, leap years); this module only splits and joins the
//! three numbers. jiff's own parser and serde support accept far more (times, offsets, time
//! zones), and their error reporting alone adds about 35 KB gzipped to the wasm, so the app uses
//! this narrow form everywhere and jiff for everything else.

use jiff::civil::Date;

/// Reads `YYYY-MM-DD` (what `<input type="date">` gives), or `None` for anything else,
/// including dates that do not exist.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::iso_date::parse;
///
/// assert_eq!(parse("2028-02-29"), Some(date(2028, 2, 29)));
/// assert_eq!(parse("2027-02-29"), None); // not a leap year
/// assert_eq!(parse("29/02/2028"), None);
/// ```
pub fn parse(text: &str) -> Option<Date> {
    let text = text.trim();
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => (-1, rest),
        None => (1, text),
    };
    let mut parts = digits.split('-');
    let (year, month, day) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() || year.len() < 4 || month.len() != 2 || day.len() != 2 {
        return None;
    }
    let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
    if !(all_digits(year) && all_digits(month) && all_digits(day)) {
        return None;
    }
    Date::new(sign * year.parse::<i16>().ok()?, month.parse().ok()?, day.parse().ok()?).ok()
}

/// Writes `YYYY-MM-DD`.
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::iso_date::format;
///
/// assert_eq!(format(date(2026, 4, 1)), "2026-04-01");
/// ```
pub fn format(date: Date) -> String {
    let year = date.year();
    let sign = if year < 0 { "-" } else { "" };
    format!("{sign}{:04}-{:02}-{:02}", year.unsigned_abs(), date.month(), date.day())
}

/// `#[serde(with = "iso_date::serde")]`: a date saved as `"YYYY-MM-DD"`.
pub mod serde {
    use jiff::civil::Date;
    use serde::de::{Deserialize, Deserializer, Error};
    use serde::ser::Serializer;

    /// Writes the date as `"YYYY-MM-DD"`.
    pub fn serialize<S: Serializer>(date: &Date, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&super::format(*date))
    }

    /// Reads a `"YYYY-MM-DD"` date, refusing anything else.
    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<Date, D::Error> {
        // Owned, not borrowed: saved data reaches here through `serde_json::Value` during
        // migration, which cannot lend out its strings.
        let text = String::deserialize(deserializer)?;
        read(&text).map_err(D::Error::custom)
    }

    /// A saved date's text as a date, or the message that refuses it (for data read through a
    /// record of its own, as target plans are).
    pub fn read(text: &str) -> Result<Date, String> {
        super::parse(text).ok_or_else(|| format!("\"{text}\" is not a YYYY-MM-DD date"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use jiff::civil::date;

    #[test]
    fn round_trips_and_agrees_with_jiff() {
        for d in [date(2026, 11, 23), date(2028, 2, 29), date(1, 1, 1), date(9999, 12, 31), date(-44, 3, 15)] {
            assert_eq!(parse(&format(d)), Some(d));
            if d.year() >= 0 {
                assert_eq!(format(d), d.to_string());
            }
        }
    }

    #[test]
    fn refuses_other_shapes() {
        for text in
            ["", "2026-1-01", "2026-01-1", "2026/01/01", "20260101", "2026-01-01T00:00", "2026-13-01", "abcd-01-01"]
        {
            assert_eq!(parse(text), None, "{text}");
        }
    }
}

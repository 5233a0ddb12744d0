//! Numbers as people read them in explanations.

use std::cell::RefCell;

use super::direction::Direction;

/// Formats a number for reading, with at most two decimals: `84`, `12.5`, `0.33`, and, once
/// the UI has set a locale's format with [`set_number_format`], grouped and punctuated as that
/// locale writes numbers (`5,00,000` in `en-IN`, `500,000` in `en-US`, `500.000` in `de-DE`).
///
/// Without a locale's format (on the host, in tests) this is [`plain`]. Use [`plain`] for text
/// a program or a form field reads back.
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
    let rounded = hundredths(value);
    if !rounded.is_finite() {
        return plain(value);
    }
    // -0.001 rounds to -0, which people write as 0.
    let rounded = if rounded == 0.0 { 0.0 } else { rounded };
    NUMBER_FORMAT.with(|f| f.borrow().as_ref().map(|f| f(rounded))).unwrap_or_else(|| plain(rounded))
}

/// `value` rounded to two decimals, halves away from zero: `2.0 / 3.0` gives `0.67`. What
/// [`num`] shows, as a number (a spreadsheet cell, say). Values too large for hundredths are
/// returned as they are.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::format::hundredths;
///
/// assert_eq!(hundredths(2.0 / 3.0), 0.67);
/// assert_eq!(hundredths(12.5), 12.5);
/// assert_eq!(hundredths(f64::MAX), f64::MAX);
/// ```
pub fn hundredths(value: f64) -> f64 {
    let scaled = (value * 100.0).round();
    if scaled.is_finite() {
        scaled / 100.0
    } else {
        value
    }
}

/// Formats a number as a program or a form field reads it back: the number itself, in the
/// fewest digits that read back as exactly the same number, with no grouping and `.` as the
/// decimal point: `84`, `12.5`, `500000`, `0.125`.
///
/// A form shows what is stored, so saving a form unchanged never changes a value: rounding
/// `0.125` to `0.13` in an Edit form would change the reading when only its note was edited.
/// Use [`num`] for text people read.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::format::plain;
///
/// assert_eq!(plain(500000.0), "500000");
/// assert_eq!(plain(0.125), "0.125");
/// assert_eq!(plain(-0.0), "0");
/// let third = 1.0 / 3.0;
/// assert_eq!(plain(third).parse::<f64>(), Ok(third));
/// ```
pub fn plain(value: f64) -> String {
    // Rust writes an f64 in its shortest exact form and never with an exponent; -0 is 0 here.
    if value == 0.0 {
        "0".to_owned()
    } else {
        value.to_string()
    }
}

/// A locale's way of writing a number, given a finite number already rounded to two decimals.
pub type NumberFormat = Box<dyn Fn(f64) -> String>;

thread_local! {
    static NUMBER_FORMAT: RefCell<Option<NumberFormat>> = const { RefCell::new(None) };
}

/// Sets how [`num`] (and so every value, target and score on screen) writes numbers, or back
/// to [`plain`] with `None`. The UI sets the browser's `Intl.NumberFormat` for the widget's
/// locale when it mounts; one page has one number format, the last one set.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::format::{num, set_number_format};
///
/// set_number_format(Some(Box::new(|v| format!("{v:.2}").replace('.', ","))));
/// assert_eq!(num(2.5), "2,50");
/// set_number_format(None);
/// assert_eq!(num(2.5), "2.5");
/// ```
pub fn set_number_format(format: Option<NumberFormat>) {
    NUMBER_FORMAT.with(|f| *f.borrow_mut() = format);
}

/// A value with its unit: `42 leads`, `₹ 500000`, `93 %`.
///
/// Symbols that conventionally go first (currency signs) are put before the number.
pub fn with_unit(value: f64, unit: &str) -> String {
    unit_around(num(value), unit)
}

/// `figure` (one number, or a phrase of numbers such as `7–8` or a list `40, 42`) with its
/// unit, placed as [`with_unit`] places it: `₹40, 42`, `40, 42 leads`.
pub fn unit_around(figure: String, unit: &str) -> String {
    match unit.trim() {
        "" => figure,
        "%" => format!("{figure} %"),
        u if u.chars().count() == 1 && !u.chars().all(char::is_alphanumeric) => format!("{u}{figure}"),
        u => format!("{figure} {u}"),
    }
}

/// What a KPI is aiming at, as people write it: the target (`50 leads`), the range of a
/// keep-within-range KPI (`7–8 hours`: its target number means nothing), or the target and
/// tolerance of a hit-a-value KPI (`100 ± 5 people`).
///
/// # Example
///
/// ```
/// use kra_kpi::domain::direction::Direction;
/// use kra_kpi::domain::format::goal_text;
///
/// assert_eq!(goal_text(&Direction::HigherIsBetter, 50.0, "leads"), "50 leads");
/// assert_eq!(goal_text(&Direction::KeepWithinRange { min: 7.0, max: 8.0 }, 0.0, "hours"), "7–8 hours");
/// assert_eq!(goal_text(&Direction::HitValue { tolerance: 5.0 }, 100.0, "people"), "100 ± 5 people");
/// assert_eq!(goal_text(&Direction::KeepWithinRange { min: 90.0, max: 110.0 }, 0.0, "₹"), "₹90–110");
/// ```
pub fn goal_text(direction: &Direction, target: f64, unit: &str) -> String {
    match *direction {
        Direction::KeepWithinRange { min, max } => unit_around(format!("{}–{}", num(min), num(max)), unit),
        Direction::HitValue { tolerance } => unit_around(format!("{} ± {}", num(target), num(tolerance)), unit),
        Direction::HigherIsBetter | Direction::LowerIsBetter => with_unit(target, unit),
    }
}

/// A day as people write it: "2 December 2026" (a report's date, when a review was closed).
///
/// # Example
///
/// ```
/// use jiff::civil::date;
/// use kra_kpi::domain::format::long_date;
///
/// assert_eq!(long_date(date(2026, 12, 2)), "2 December 2026");
/// ```
pub fn long_date(day: jiff::civil::Date) -> String {
    let month = super::period::MONTH_NAMES[(day.month() - 1) as usize];
    format!("{} {month} {}", day.day(), day.year())
}

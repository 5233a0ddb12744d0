//! Today's date from the browser clock.

use jiff::civil::Date;

/// Today's local date as the browser sees it.
///
/// Falls back to 0000-01-01 if the browser reports a date jiff cannot represent, which only a
/// badly broken clock could cause.
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year() as i16, now.get_month() as i8 + 1, now.get_date() as i8).unwrap_or(Date::ZERO)
}

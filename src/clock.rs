//! Today's date: the browser's clock in the widget, the system clock (UTC) in native tests
//! and tools.

use jiff::civil::Date;

/// Today's local date as the browser sees it.
///
/// Falls back to 0000-01-01 if the browser reports a date jiff cannot represent, which only a
/// badly broken clock could cause.
#[cfg(target_arch = "wasm32")]
pub fn today() -> Date {
    let now = js_sys::Date::new_0();
    Date::new(now.get_full_year() as i16, now.get_month() as i8 + 1, now.get_date() as i8).unwrap_or(Date::ZERO)
}

/// Today's date in UTC (outside the browser: native tests and tools).
#[cfg(not(target_arch = "wasm32"))]
pub fn today() -> Date {
    jiff::Timestamp::now().to_zoned(jiff::tz::TimeZone::UTC).date()
}

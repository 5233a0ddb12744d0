//! Starter templates a new user can load instead of starting from nothing.
//!
//! The templates themselves are data in [`super::templates`]; this module looks them up by key
//! and builds them.

use super::error::ValidationError;
use super::framework::Framework;
use super::templates::{find, LIBRARY};

/// The keys [`by_key`] knows, in library order, for options and messages.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::template::keys;
///
/// assert_eq!(keys().next(), Some("sales-executive"));
/// assert!(keys().any(|k| k == "hr-manager"));
/// ```
pub fn keys() -> impl Iterator<Item = &'static str> {
    LIBRARY.iter().map(|t| t.key)
}

/// The template with this key (see [`keys`]), built into a framework with no readings.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::template::by_key;
///
/// assert_eq!(by_key("sales-executive").unwrap().name(), "Sales executive");
/// assert!(by_key("astronaut").is_none());
/// ```
pub fn by_key(key: &str) -> Option<Framework> {
    find(key).map(|t| t.build().unwrap_or_else(invalid))
}

/// The classic "Sales executive" example: two KRAs with their KPIs and no readings.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::template::sales_executive;
///
/// let fw = sales_executive();
/// assert_eq!(fw.kras()[0].name, "Achieve monthly revenue targets");
/// assert_eq!(fw.kpis().len(), 6);
/// ```
pub fn sales_executive() -> Framework {
    find("sales-executive").expect("the library holds the sales-executive template").build().unwrap_or_else(invalid)
}

/// Templates are fixed data checked by tests; a failure is a programming error. (Formatting the
/// error with Display rather than `expect`'s Debug keeps Debug impls out of the wasm.)
fn invalid<T>(error: ValidationError) -> T {
    panic!("built-in template is invalid: {error}")
}

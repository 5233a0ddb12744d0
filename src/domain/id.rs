//! Stable identifiers for KRAs and KPIs.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable identifier of a KRA or KPI, unique within one framework.
///
/// Ids are handed out by the framework from a counter that only grows, so an id is never reused
/// after a delete: undo, saved data, other tabs and a host page's references stay unambiguous. A
/// counter is also the cheapest possible id in WebAssembly (no random source, no UUID crate).
///
/// The counter stops at [`Id::MAX`] (2⁵³ − 1, the largest integer a JavaScript number holds
/// exactly), so an id survives a trip through a host page's `JSON.parse` unchanged and can never
/// wrap around to an id already in use.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::id::Id;
///
/// assert_eq!(Id(7).to_string(), "7");
/// assert!(Id(7) < Id::MAX);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub u64);

impl Id {
    /// The largest id ever handed out: 2⁵³ − 1 (`Number.MAX_SAFE_INTEGER` in JavaScript).
    pub const MAX: Id = Id((1 << 53) - 1);
}

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

//! Stable identifiers for KRAs, KPIs and readings.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A stable identifier, unique within one framework.
///
/// Ids are handed out by the framework from a counter that only grows, so an id is never reused
/// after a delete: undo, saved data and a host page's references stay unambiguous. A counter is
/// also the cheapest possible id in WebAssembly (no random source, no UUID crate).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Id(pub u32);

impl fmt::Display for Id {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

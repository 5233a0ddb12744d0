//! Undo and redo as snapshots of the framework.

use super::framework::Framework;

/// Past and future versions of a framework, for undo and redo.
///
/// Each edit records the framework as it was before; undo swaps the current framework with the
/// last recorded one. Snapshots are simple and exact; a framework with thousands of readings is
/// still only tens of kilobytes, and the history is bounded.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::domain::history::History;
///
/// let mut history = History::new(10);
/// let before = Framework::new("A");
/// history.record(before.clone());
/// let current = Framework::new("B");
/// assert_eq!(history.undo(current.clone()), Some(before));
/// assert_eq!(history.redo(Framework::new("A")), Some(current));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    past: Vec<Framework>,
    future: Vec<Framework>,
    limit: usize,
}

impl History {
    /// A history that keeps at most `limit` undo steps.
    pub fn new(limit: usize) -> History {
        History { past: Vec::new(), future: Vec::new(), limit: limit.max(1) }
    }

    /// Records the state before an edit; clears redo.
    pub fn record(&mut self, before: Framework) {
        if self.past.len() == self.limit {
            self.past.remove(0);
        }
        self.past.push(before);
        self.future.clear();
    }

    /// Returns the state to go back to, keeping `current` for redo.
    pub fn undo(&mut self, current: Framework) -> Option<Framework> {
        let previous = self.past.pop()?;
        self.future.push(current);
        Some(previous)
    }

    /// Returns the state to go forward to, keeping `current` for undo.
    pub fn redo(&mut self, current: Framework) -> Option<Framework> {
        let next = self.future.pop()?;
        self.past.push(current);
        Some(next)
    }

    /// Whether there is anything to undo.
    pub fn can_undo(&self) -> bool {
        !self.past.is_empty()
    }

    /// Whether there is anything to redo.
    pub fn can_redo(&self) -> bool {
        !self.future.is_empty()
    }
}

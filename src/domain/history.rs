//! Undo and redo as edits with their inverses.

use std::collections::VecDeque;

use super::edit::{Applied, Edit};
use super::error::ValidationError;
use super::framework::Framework;
use super::id::Id;
use super::ordered::Map;

/// The undo and redo stacks of one editing session.
///
/// Each committed edit leaves its exact inverse here (see [`Applied::inverse`]), so one undo step
/// costs what the edit touched (a reading, or a deleted KRA with its KPIs), never a copy of the
/// whole scorecard. Undoing applies the inverse, whose own inverse goes on the redo stack.
///
/// # Example
///
/// ```
/// use kra_kpi::domain::framework::Framework;
/// use kra_kpi::domain::history::History;
///
/// let mut fw = Framework::new("A");
/// let mut history = History::new(10);
/// let applied = fw.apply(kra_kpi::domain::edit::Edit::Rename { name: "B".into() }).unwrap();
/// history.record(applied.inverse);
/// history.undo(&mut fw).unwrap().unwrap();
/// assert_eq!(fw.name(), "A");
/// history.redo(&mut fw).unwrap().unwrap();
/// assert_eq!(fw.name(), "B");
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct History {
    undo: VecDeque<Edit>,
    redo: Vec<Edit>,
    limit: usize,
}

/// An undo or redo step that was applied: the edit as applied, and what applying it did.
pub type Step = (Edit, Applied);

impl History {
    /// A history that keeps at most `limit` undo steps.
    pub fn new(limit: usize) -> History {
        History { undo: VecDeque::new(), redo: Vec::new(), limit: limit.max(1) }
    }

    /// Records the inverse of an edit just committed; clears redo.
    pub fn record(&mut self, inverse: Edit) {
        if self.undo.len() == self.limit {
            self.undo.pop_front();
        }
        self.undo.push_back(inverse);
        self.redo.clear();
    }

    /// Undoes the latest edit in `fw`. `None` when there is nothing to undo; an error when the
    /// step no longer applies (another tab deleted what it refers to), and then it is dropped.
    pub fn undo(&mut self, fw: &mut Framework) -> Option<Result<Step, ValidationError>> {
        let edit = self.undo.pop_back()?;
        Some(fw.apply(edit.clone()).map(|applied| {
            self.redo.push(applied.inverse.clone());
            (edit, applied)
        }))
    }

    /// Redoes the latest undone edit in `fw`; see [`History::undo`].
    pub fn redo(&mut self, fw: &mut Framework) -> Option<Result<Step, ValidationError>> {
        let edit = self.redo.pop()?;
        Some(fw.apply(edit.clone()).map(|applied| {
            if self.undo.len() == self.limit {
                self.undo.pop_front();
            }
            self.undo.push_back(applied.inverse.clone());
            (edit, applied)
        }))
    }

    /// Rewrites the ids every kept step refers to (see [`Edit::remap`]).
    pub fn remap(&mut self, map: &Map<Id, Id>) {
        if !map.is_empty() {
            self.undo.iter_mut().chain(self.redo.iter_mut()).for_each(|e| e.remap(map));
        }
    }

    /// Forgets every step.
    pub fn clear(&mut self) {
        self.undo.clear();
        self.redo.clear();
    }

    /// The edit [`History::undo`] would apply next, to describe it before it runs.
    pub fn next_undo(&self) -> Option<&Edit> {
        self.undo.back()
    }

    /// The edit [`History::redo`] would apply next.
    pub fn next_redo(&self) -> Option<&Edit> {
        self.redo.last()
    }

    /// Whether there is anything to undo.
    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    /// Whether there is anything to redo.
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
}

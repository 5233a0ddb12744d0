//! The widget's reactive state and the one path by which the framework changes.

use jiff::civil::Date;
use leptos::prelude::*;

use crate::domain::error::ValidationError;
use crate::domain::framework::Framework;
use crate::domain::history::History;
use crate::domain::id::Id;
use crate::domain::period::Period;
use crate::domain::scoring::{score_framework, Scorecard};
use crate::storage::LocalStore;

/// A short message after an action, optionally offering to undo it.
#[derive(Clone, Debug, PartialEq)]
pub struct Toast {
    pub text: String,
    pub undoable: bool,
}

/// Everything the components share, provided as context by the root component.
///
/// All fields are `Copy` handles, so the struct is cheap to pass around. There is no global
/// state: each mounted widget creates its own.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The framework being edited (the persistent state).
    pub framework: RwSignal<Framework>,
    history: StoredValue<History>,
    /// Bumped on every history change, so undo/redo buttons know when to re-check.
    history_version: RwSignal<u32>,
    /// A day inside the review period being looked at.
    pub anchor: RwSignal<Date>,
    /// Today, for pace and defaults.
    pub today: Date,
    /// The KPI whose readings and chart are open.
    pub selected: RwSignal<Option<Id>>,
    /// A persistent storage warning (unavailable, full, damaged data).
    pub storage_notice: RwSignal<Option<String>>,
    /// The latest action's message.
    pub toast: RwSignal<Option<Toast>>,
    /// The review period shown.
    pub review: Memo<Period>,
    /// Scores of the whole tree for the review period.
    pub scorecard: Memo<Scorecard>,
    pub store: StoredValue<Option<LocalStore>>,
}

impl AppState {
    /// State around an initial framework; `store` is `None` when nothing may be written.
    pub fn new(framework: Framework, today: Date, store: Option<LocalStore>) -> AppState {
        let framework = RwSignal::new(framework);
        let anchor = RwSignal::new(today);
        let review = Memo::new(move |_| {
            let (cycle, fiscal) = framework.with(|f| (f.settings.review_cycle, f.settings.fiscal_year_start));
            Period::containing(anchor.get(), cycle, fiscal)
        });
        let scorecard = Memo::new(move |_| {
            let period = review.get();
            framework.with(|f| score_framework(f, &period, today))
        });
        AppState {
            framework,
            history: StoredValue::new(History::new(100)),
            history_version: RwSignal::new(0),
            anchor,
            today,
            selected: RwSignal::new(None),
            storage_notice: RwSignal::new(None),
            toast: RwSignal::new(None),
            review,
            scorecard,
            store: StoredValue::new(store),
        }
    }

    /// Applies an edit through the domain. On success the old framework goes on the undo stack
    /// (and the save effect writes the new one); on failure nothing changes and the error is
    /// returned for the form to show.
    pub fn edit<T>(
        &self,
        change: impl FnOnce(&mut Framework) -> Result<T, ValidationError>,
    ) -> Result<T, ValidationError> {
        let before = self.framework.get_untracked();
        let mut next = before.clone();
        let result = change(&mut next)?;
        if before != next {
            // The toast's Undo must never undo a different edit from the one it describes.
            self.toast.set(None);
            self.history.update_value(|h| h.record(before));
            self.history_version.update(|v| *v += 1);
            self.framework.set(next);
        }
        Ok(result)
    }

    /// Like [`AppState::edit`], then shows `message` with an Undo button.
    pub fn edit_undoable(&self, message: String, change: impl FnOnce(&mut Framework) -> Result<(), ValidationError>) {
        match self.edit(change) {
            Ok(()) => self.toast.set(Some(Toast { text: message, undoable: true })),
            Err(e) => self.toast.set(Some(Toast { text: e.to_string(), undoable: false })),
        }
    }

    /// Steps back one edit.
    pub fn undo(&self) {
        self.travel(History::undo, "Undone.");
    }

    /// Steps forward one undone edit.
    pub fn redo(&self) {
        self.travel(History::redo, "Redone.");
    }

    /// Swaps the current framework for the one `step` takes from the history, if any.
    fn travel(&self, step: fn(&mut History, Framework) -> Option<Framework>, message: &str) {
        let current = self.framework.get_untracked();
        if let Some(other) = self.history.try_update_value(|h| step(h, current)).flatten() {
            self.framework.set(other);
            self.history_version.update(|v| *v += 1);
            self.toast.set(Some(Toast { text: message.into(), undoable: false }));
        }
    }

    /// Whether undo is possible (reactive).
    pub fn can_undo(&self) -> bool {
        self.history_version.track();
        self.history.with_value(|h| h.can_undo())
    }

    /// Whether redo is possible (reactive).
    pub fn can_redo(&self) -> bool {
        self.history_version.track();
        self.history.with_value(|h| h.can_redo())
    }
}

/// The state provided by the enclosing widget.
pub fn use_state() -> AppState {
    expect_context::<AppState>()
}

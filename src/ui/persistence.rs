//! Saving: coalesced writes, never over a revision this tab has not seen, and taking in what
//! other tabs save.
//!
//! Every committed edit is queued here. A save runs at most once per [`SAVE_DELAY`], in the
//! browser's idle time after it (and at once when the page is hidden or closed). Before writing,
//! the store checks the revision under the key: if another tab saved in between, its data is
//! taken and this tab's queued edits are re-applied on top ([`rebase`]), so both tabs' work ends
//! up saved; edits that no longer apply are listed for the user.

use std::time::Duration;

use leptos::prelude::*;

use super::notice::Notice;
use super::state::{AppState, Change, ChangeSource, ReadOnly, Toast};
use crate::domain::framework::Framework;
use crate::domain::rebase::{rebase, PendingEdit};
use crate::storage::codec::{self, Revision};
use crate::storage::local::{LoadOutcome, LocalStore, SaveOutcome};
use crate::storage::shelf::{Shelf, ShelfOpen};
use crate::storage::shelf_index::{CardId, ShelfIndex};
use crate::storage::{DecodeError, SCHEMA_VERSION};

/// How long edits are gathered before one write. Short enough that closing the page right after
/// is covered by the flush on `pagehide`, long enough that typing a column of readings writes
/// once, not once per reading.
pub const SAVE_DELAY: Duration = Duration::from_millis(250);

/// The saving side of one widget.
#[derive(Debug)]
pub struct Persistence {
    store: Option<LocalStore>,
    /// False when nothing may be written under the key (see [`ReadOnly`]).
    writes: bool,
    /// The revision this tab last read or wrote; `None` when the key was empty.
    seen: Option<Revision>,
    /// Committed edits not yet saved, oldest first.
    pending: Vec<PendingEdit>,
    /// Whether the framework differs from what was last saved.
    dirty: bool,
    /// Whether a save is already scheduled.
    scheduled: bool,
    /// The copy of an older-format save, removed once the upgraded one is written.
    migration_backup: Option<String>,
    /// The scorecard's place in the widget's list, if it keeps one.
    place: Option<Place>,
}

/// What opening the store found, ready to build the widget's state from.
pub struct Opened {
    pub framework: Framework,
    pub persistence: Persistence,
    pub notice: Option<Notice>,
    pub read_only: Option<ReadOnly>,
    /// The widget's list of scorecards and the open one's number, when it keeps a list.
    pub list: Option<(ShelfIndex, CardId)>,
}

/// Where the open scorecard sits in the widget's list.
#[derive(Clone, Debug)]
pub struct Place {
    /// The list.
    pub shelf: Shelf,
    /// The open scorecard's number in it.
    pub card: CardId,
}

impl Persistence {
    /// Opens the widget's list of scorecards under `key` (moving a single saved scorecard into
    /// it first) and reads the scorecard opened last.
    pub fn open(key: &str) -> Opened {
        let shelf = Shelf::new(key);
        match shelf.open() {
            ShelfOpen::Ready(index) => {
                let card = index.to_open().unwrap_or_else(|| index.next_id());
                let mut opened = Persistence::open_card(Place { shelf, card });
                opened.list = Some((index, card));
                opened
            }
            ShelfOpen::Single => Persistence::open_store(LocalStore::new(key), None),
            ShelfOpen::Unavailable(problem) => Opened {
                framework: Framework::default(),
                persistence: Persistence::idle(true),
                notice: Some(Notice::Storage(problem)),
                read_only: None,
                list: None,
            },
        }
    }

    /// Reads one scorecard of a list (nothing saved yet: an empty one, written on the first
    /// edit).
    pub fn open_card(place: Place) -> Opened {
        let store = place.shelf.card_store(place.card);
        Persistence::open_store(store, Some(place))
    }

    /// Reads the scorecard in `store` and decides what may be written.
    fn open_store(store: LocalStore, place: Option<Place>) -> Opened {
        let mut p = Persistence::idle(true);
        let (framework, notice, read_only) = match store.load() {
            LoadOutcome::Empty => (Framework::default(), None, None),
            LoadOutcome::Loaded { decoded, migration_backup } => {
                p.seen = Some(decoded.revision);
                let notice = migration_backup.map(|backup| {
                    // Write the upgraded save straight away, so the old format is gone from the
                    // key and the copy can be removed.
                    p.dirty = true;
                    p.migration_backup = backup.as_ref().ok().cloned();
                    Notice::Migrated { from: decoded.schema, backup }
                });
                (decoded.framework, notice, None)
            }
            LoadOutcome::Refused { error: DecodeError::TooNew(schema), .. } => {
                p.writes = false;
                // A stand-in, shown read-only and never saved.
                let shown = Framework::new("Scorecard saved by a newer version");
                (shown, Some(Notice::NewerVersion { schema }), Some(ReadOnly::NewerVersion))
            }
            LoadOutcome::Refused { error, chars, backup } => {
                p.writes = false;
                let shown = Framework::new("Unreadable scorecard");
                (shown, Some(Notice::Damaged { error, chars, backup }), Some(ReadOnly::Damaged))
            }
            LoadOutcome::Unavailable(problem) => (Framework::default(), Some(Notice::Storage(problem)), None),
        };
        if !matches!(notice, Some(Notice::Storage(_))) {
            p.store = Some(store);
            p.place = place;
        }
        Opened { framework, persistence: p, notice, read_only, list: None }
    }

    /// No store at all: the host page keeps the data (`storage: "none"`). Nothing is written,
    /// and there is nothing to warn about.
    pub fn detached() -> Opened {
        Opened {
            framework: Framework::default(),
            persistence: Persistence::idle(false),
            notice: None,
            read_only: None,
            list: None,
        }
    }

    /// No store yet, nothing seen, nothing pending.
    fn idle(writes: bool) -> Persistence {
        Persistence {
            store: None,
            writes,
            seen: None,
            pending: Vec::new(),
            dirty: false,
            scheduled: false,
            migration_backup: None,
            place: None,
        }
    }

    /// The store, if the widget has one (none when storage is unavailable).
    pub fn store(&self) -> Option<&LocalStore> {
        self.store.as_ref()
    }

    /// The scorecard's place in the widget's list, if it keeps one.
    pub fn place(&self) -> Option<&Place> {
        self.place.as_ref()
    }

    /// Whether edits are waiting to be written (and could be).
    pub fn unsaved(&self) -> bool {
        self.dirty && self.can_write()
    }

    pub(super) fn queue(&mut self, pending: PendingEdit) {
        // Kept only while there is a save to re-base: without storage nothing is ever written,
        // and the queue would only grow.
        if self.can_write() {
            self.pending.push(pending);
        }
        self.dirty = true;
    }

    fn can_write(&self) -> bool {
        self.writes && self.store.is_some()
    }
}

/// Schedules a save after [`SAVE_DELAY`], unless one is already scheduled.
pub fn schedule_save(state: AppState) {
    if state.host_read_only.try_get_untracked() != Some(false) {
        return;
    }
    let start = state.persistence.try_update_value(|p| {
        let start = p.dirty && p.can_write() && !p.scheduled;
        p.scheduled |= start;
        start
    });
    if start == Some(true) {
        set_timeout(move || when_idle(move || flush(state)), SAVE_DELAY);
    }
}

/// The longest a due save waits for the browser to be idle.
const IDLE_WAIT_MS: u32 = 1000;

/// Runs `f` in the browser's next idle time (at most [`IDLE_WAIT_MS`] later), or at once where
/// there is no `requestIdleCallback`.
///
/// Encoding a large scorecard takes a few milliseconds (about 7 at 1,000 KPIs × 100 readings).
/// Run straight from the timer, it could fall between the next edit and the frame that shows
/// it; in idle time it runs after that frame. Leaving the page still saves at once (`pagehide`).
fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::JsCast;
    let window = web_sys::window();
    let has_idle = window.as_ref().is_some_and(|w| {
        js_sys::Reflect::has(w, &wasm_bindgen::JsValue::from_str("requestIdleCallback")).unwrap_or(false)
    });
    match window {
        Some(window) if has_idle => {
            let options = web_sys::IdleRequestOptions::new();
            options.set_timeout(IDLE_WAIT_MS);
            let callback = wasm_bindgen::closure::Closure::once_into_js(f);
            // Scheduling cannot fail once the method exists; were it to, the next edit or
            // `pagehide` saves, as `scheduled` is cleared only by `flush`.
            let _ = window.request_idle_callback_with_options(callback.unchecked_ref(), &options);
        }
        _ => f(),
    }
}

/// Saves now if anything is unsaved. Called by the timer, and when the page is hidden or closed.
pub fn flush(state: AppState) {
    // A timer may fire after the widget was destroyed: then there is nothing left to save.
    if state.persistence.try_update_value(|p| p.scheduled = false).is_none() {
        return;
    }
    // A read-only view writes nothing; its edits cannot exist, but an upgraded save waits.
    if state.host_read_only.get_untracked() {
        return;
    }
    // At most a few rounds: a round that meets another tab's newer save takes it in and tries
    // again.
    for _ in 0..3 {
        let Some((store, seen)) = state
            .persistence
            .with_value(|p| (p.dirty && p.can_write()).then(|| (p.store.clone(), p.seen)))
            .and_then(|(store, seen)| Some((store?, seen)))
        else {
            return;
        };
        let outcome = state.framework.with_untracked(|f| store.save(f, seen));
        match outcome {
            Ok(SaveOutcome::Saved(revision)) => {
                let backup = state.persistence.try_update_value(|p| {
                    p.seen = Some(revision);
                    p.pending.clear();
                    p.dirty = false;
                    p.migration_backup.take()
                });
                if let Some(Some(key)) = backup {
                    store.delete_backup(&key);
                    state.backups_version.update(|v| *v += 1);
                }
                super::shelf::list_saved(state);
                if state.notice.with_untracked(|n| n.as_ref().is_some_and(Notice::cleared_by_save)) {
                    state.notice.set(None);
                }
                return;
            }
            Ok(SaveOutcome::Newer { text, revision }) => {
                if !take_newer(state, &text, revision) {
                    return;
                }
            }
            Ok(SaveOutcome::Unreadable(error)) => return stop_writing(state, error),
            Err(problem) => return state.notice.set(Some(Notice::Storage(problem))),
        }
    }
}

/// Another tab wrote `text` under this widget's key (the `storage` event).
pub fn on_storage_event(state: AppState, text: Option<String>) {
    let Some(text) = text else { return };
    let seen = state.persistence.with_value(|p| p.seen);
    match codec::read_header(&text) {
        Ok(header) if Some(header.revision) == seen => {}
        Ok(header) => {
            if take_newer(state, &text, header.revision) {
                flush(state);
            }
        }
        Err(error) => stop_writing(state, error),
    }
}

/// Takes another tab's newer save and re-applies this tab's unsaved edits on top. False when the
/// text cannot be read (then nothing more is written).
fn take_newer(state: AppState, text: &str, revision: Revision) -> bool {
    let decoded = match codec::decode_saved(text) {
        Ok(d) if d.schema == SCHEMA_VERSION => d,
        Ok(_) => return true, // an older format under our key is rewritten by our next save
        Err(error) => {
            stop_writing(state, error);
            return false;
        }
    };
    let pending = state.persistence.try_update_value(|p| std::mem::take(&mut p.pending)).unwrap_or_default();
    let had_pending = !pending.is_empty();
    let rebased = state.framework.with_untracked(|mine| rebase(decoded.framework, pending, mine));
    let dropped = rebased.dropped;
    state.persistence.update_value(|p| {
        p.seen = Some(revision);
        p.dirty = !rebased.kept.is_empty();
        p.pending = rebased.kept;
    });
    let selected_gone = state.selected.with_untracked(|s| s.is_some_and(|id| rebased.framework.kpi(id).is_none()));
    if selected_gone {
        state.selected.set(None);
    }
    state.replace_from_storage(rebased.framework, &rebased.remap);
    state.announce(|| Change {
        source: ChangeSource::OtherTab,
        kind: "replace",
        description: "take in changes saved by another tab".into(),
    });
    if dropped.is_empty() {
        let text = if had_pending {
            "Another tab changed this scorecard; its changes and yours are both kept."
        } else {
            "Updated with changes made in another tab."
        };
        state.toast.set(Some(Toast::info(text)));
    } else {
        state.notice.set(Some(Notice::OtherTab { dropped }));
    }
    true
}

fn stop_writing(state: AppState, error: DecodeError) {
    state.persistence.update_value(|p| p.writes = false);
    state.read_only.set(Some(ReadOnly::ForeignWrite));
    state.notice.set(Some(Notice::OtherTabUnreadable(error)));
}

/// The user's choice after damaged data: a new, empty scorecard written over the damaged text
/// (which the caller has offered to download first, and which is kept as a backup when it
/// could be copied).
pub fn start_over(state: AppState) {
    if state.host_read_only.get_untracked() {
        return;
    }
    let Some(store) = state.persistence.with_value(|p| p.store.clone()) else { return };
    let framework = Framework::default();
    match store.overwrite(&framework, 1) {
        Ok(()) => {
            state.persistence.update_value(|p| {
                p.writes = true;
                p.seen = Some(1);
                p.pending.clear();
                p.dirty = false;
            });
            state.read_only.set(None);
            state.notice.set(None);
            state.replace_from_storage(framework, &Default::default());
            state.clear_history();
            state.toast.set(Some(Toast::info("Started a new, empty scorecard.")));
        }
        Err(problem) => state.notice.set(Some(Notice::Storage(problem))),
    }
}

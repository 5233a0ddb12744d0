//! The actions on the widget's list of scorecards: open, create, duplicate, delete, restore and
//! delete for good. Each one changes the list as it is in storage now (so two tabs keep each
//! other's changes) and never leaves the open scorecard's edits unsaved.

use leptos::prelude::*;

use super::persistence::{flush, Persistence, Place};
use super::state::{AppState, Toast, ToastAction};
use crate::domain::framework::Framework;
use crate::storage::shelf::Shelf;
use crate::storage::shelf_index::CardId;

/// The open scorecard's list, if the widget keeps one.
pub(super) fn shelf(state: AppState) -> Option<Shelf> {
    state.persistence.try_with_value(|p| p.place().map(|place| place.shelf.clone())).flatten()
}

/// Whether the widget keeps a list of scorecards the user may change: it has one, and the host
/// page did not ask for a read-only view. (A scorecard protected because it cannot be read
/// still lets the user open or create another.)
pub fn can_change(state: AppState) -> bool {
    state.scorecards.with(Option::is_some) && !state.host_read_only.get()
}

/// Saves the open scorecard; false (with a message) when its edits could not be written, so the
/// caller keeps it open rather than lose them.
fn saved(state: AppState) -> bool {
    flush(state);
    let unsaved = state.persistence.with_value(|p| p.unsaved());
    if unsaved {
        let name = state.framework.with_untracked(|f| f.name().to_owned());
        state.toast.set(Some(Toast::info(format!(
            "The latest changes to \"{name}\" could not be saved, so it stays open (see the notice above)."
        ))));
    }
    !unsaved
}

fn allowed(state: AppState) -> Option<Shelf> {
    if state.host_read_only.get_untracked() || !saved(state) {
        return None;
    }
    shelf(state)
}

/// Opens scorecard `card`, after saving the open one.
pub fn open(state: AppState, card: CardId) {
    if state.card.get_untracked() == Some(card) {
        return;
    }
    let Some(shelf) = allowed(state) else { return };
    let opened = Persistence::open_card(Place { shelf: shelf.clone(), card });
    let name = opened.framework.name().to_owned();
    state.open_other(opened, card);
    // Remembered for next time; failing to note it loses nothing.
    if let Ok(index) = shelf.update(|i| i.selected = Some(card)) {
        state.scorecards.set(Some(index));
    }
    state.toast.set(Some(Toast::info(format!("Opened \"{name}\"."))));
}

/// Adds `framework` to the list as a new scorecard, saves and opens it, and says `message`.
/// False (with the reason shown) when it could not be saved; nothing changed then.
pub fn create(state: AppState, framework: Framework, message: String) -> bool {
    let Some(shelf) = allowed(state) else { return false };
    let mut card = CardId(0);
    let listed = shelf.update(|i| {
        card = i.add(framework.name());
        i.selected = Some(card);
    });
    let written = listed.and_then(|index| shelf.create_card(card, &framework).map(|()| index));
    match written {
        Ok(index) => {
            state.scorecards.set(Some(index));
            state.open_other(Persistence::open_card(Place { shelf, card }), card);
            state.toast.set(Some(Toast::info(message)));
            true
        }
        Err(problem) => {
            shelf.remove_card(card);
            if let Ok(index) = shelf.update(|i| i.forget(card)) {
                state.scorecards.set(Some(index));
            }
            state.toast.set(Some(Toast::info(format!("The new scorecard could not be saved: {problem}"))));
            false
        }
    }
}

/// Adds a copy of the open scorecard, without its readings, named `name`, and opens it.
pub fn duplicate(state: AppState, name: &str) -> Result<(), String> {
    let copy = state.framework.with_untracked(|f| f.blank_copy(name)).map_err(|e| e.to_string())?;
    let from = state.framework.with_untracked(|f| f.name().to_owned());
    let message =
        format!("Created \"{}\": a copy of \"{from}\" with the same KRAs and KPIs and no readings.", copy.name());
    create(state, copy, message);
    Ok(())
}

/// Moves `card` to the deleted scorecards (its data stays until deleted for good), opening
/// another one if it was open. The toast offers to undo it.
pub fn delete(state: AppState, card: CardId) {
    let Some(shelf) = allowed(state) else { return };
    let when = js_sys::Date::new_0().to_iso_string().as_string().unwrap_or_default();
    let index = match shelf.update(|i| i.delete(card, &when)) {
        Ok(index) => index,
        Err(problem) => {
            state.toast.set(Some(Toast::info(format!("The scorecard could not be deleted: {problem}"))));
            return;
        }
    };
    let name = index.get(card).map(|c| c.name.clone()).unwrap_or_default();
    let next = index.first_listed().unwrap_or_else(|| index.next_id());
    state.scorecards.set(Some(index));
    if state.card.get_untracked() == Some(card) {
        state.open_other(Persistence::open_card(Place { shelf: shelf.clone(), card: next }), next);
        if let Ok(index) = shelf.update(|i| i.selected = Some(next)) {
            state.scorecards.set(Some(index));
        }
    }
    state.toast.set(Some(Toast {
        text: format!("Deleted \"{name}\". It is kept under Deleted scorecards until you delete it for good."),
        action: ToastAction::Restore(card),
    }));
}

/// Brings a deleted scorecard back into the list and opens it.
pub fn restore(state: AppState, card: CardId) {
    let Some(shelf) = allowed(state) else { return };
    match shelf.update(|i| i.restore(card)) {
        Ok(index) => {
            state.scorecards.set(Some(index));
            open(state, card);
        }
        Err(problem) => state.toast.set(Some(Toast::info(format!("The scorecard could not be restored: {problem}")))),
    }
}

/// Removes a deleted scorecard and its data for good (the caller has asked the user).
pub fn forget(state: AppState, card: CardId) {
    let Some(shelf) = allowed(state) else { return };
    if state.card.get_untracked() == Some(card) {
        return;
    }
    match shelf.update(|i| i.forget(card)) {
        Ok(index) => {
            let name =
                state.scorecards.with_untracked(|i| i.as_ref().and_then(|i| i.get(card)).map(|c| c.name.clone()));
            shelf.remove_card(card);
            state.scorecards.set(Some(index));
            state.toast.set(Some(Toast::info(format!("Deleted \"{}\" for good.", name.unwrap_or_default()))));
        }
        Err(problem) => state.toast.set(Some(Toast::info(format!("The scorecard could not be deleted: {problem}")))),
    }
}

/// After the open scorecard was saved: makes sure the list shows it under its current name
/// (it may be new, renamed, or deleted meanwhile in another tab: saving brings it back).
pub fn list_saved(state: AppState) {
    let Some(place) = state.persistence.try_with_value(|p| p.place().cloned()).flatten() else { return };
    let name = state.framework.with_untracked(|f| f.name().to_owned());
    let listed = state.scorecards.with_untracked(|i| {
        i.as_ref().and_then(|i| i.get(place.card)).is_some_and(|c| c.name == name && c.deleted.is_none())
    });
    if listed {
        return;
    }
    match place.shelf.update(|i| {
        i.upsert(place.card, &name);
        i.selected.get_or_insert(place.card);
    }) {
        Ok(index) => state.scorecards.set(Some(index)),
        Err(problem) => state.notice.set(Some(super::notice::Notice::Storage(problem))),
    }
}

/// Another tab changed the list: show its changes (the open scorecard stays open).
pub fn on_list_changed(state: AppState) {
    if let Some(index) = shelf(state).and_then(|s| s.read()) {
        state.scorecards.set(Some(index));
    }
}

/// Whether a scorecard made from a template (or the demo) becomes a new scorecard of the list
/// rather than replacing the open one: when there is a list and the open scorecard has content
/// (or is protected). An empty scorecard is simply filled in, so no empty ones pile up.
pub fn adds_new(state: AppState) -> bool {
    can_change(state) && (!state.editable() || has_content(state))
}

/// Whether the open scorecard holds anything (a KRA or a reading): what replacing it would lose.
pub fn has_content(state: AppState) -> bool {
    state.framework.with(|f| !f.kras().is_empty() || f.reading_count() > 0)
}

/// Puts a new `framework` on screen: as a new scorecard of the list (see [`adds_new`]), or in
/// place of the open one, undoably. `message` says what was done. False when nothing changed.
pub fn start(state: AppState, framework: Framework, message: String) -> bool {
    state.selected.set(None);
    if untrack(|| adds_new(state)) {
        return create(state, framework, message);
    }
    let edit = crate::domain::edit::Edit::Replace { framework: Box::new(framework) };
    match state.commit(edit) {
        Ok(_) => {
            state.toast.set(Some(Toast::undoable(message)));
            true
        }
        Err(e) => {
            state.toast.set(Some(Toast::info(e.to_string())));
            false
        }
    }
}

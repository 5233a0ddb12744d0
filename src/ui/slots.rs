//! Per-KPI and per-KRA change signals for values that change as a whole.

use std::any::Any;
use std::sync::Arc;

use leptos::prelude::*;

use super::computed::Computed;

use crate::domain::id::Id;
use crate::domain::ordered::Map;
use crate::domain::shared::Shared;

/// One id's part of a larger value, as a handle compared by address (see
/// [`Shared::erased`](crate::domain::shared::Shared::erased)); `None` when the id has none.
pub type Handle = Option<Arc<dyn Any + Send + Sync>>;

/// One change signal per id, for views that each show one id's part of a larger value (a KPI's
/// score in the scorecard, its readings in the framework), fired only when that part changes.
///
/// A row could read its KPI's score through a memo of the whole scorecard, but then every such
/// memo (one per row on screen, one per KRA card) is marked, woken, re-run and re-linked in the
/// reactive graph after any edit: at 1,000 KPIs that bookkeeping, not the scoring, was most of
/// an edit's time. Instead a view reads its part untracked and tracks its id's slot
/// ([`Slots::part`]); after each change of the whole, one pass ([`Slots::refresh`]) compares
/// each slot's handle with the part's new one and fires only those that differ, so an edit
/// wakes only the views of what it changed. Parts are kept as [`Shared`] handles, so comparing
/// is comparing addresses, and a slot keeps its handle alive, so an address is never reused
/// while it is compared against. A slot is made the first time a view tracks its id and kept
/// while the widget lives (at most one per KPI or KRA ever shown).
///
/// # Example
///
/// ```
/// use kra_kpi::domain::id::Id;
/// use kra_kpi::domain::shared::Shared;
/// use kra_kpi::ui::slots::Slots;
/// use leptos::prelude::*;
///
/// let scores = RwSignal::new(vec![Shared::new(50.0), Shared::new(80.0)]);
/// let handle = move |id: Id| scores.with_untracked(|s| s.get(id.0 as usize).map(Shared::erased));
/// let slots = Slots::new();
/// let first = slots.part(Id(0), move || scores.with_untracked(|s| s.first().cloned()));
/// assert_eq!(first.with_untracked(|s| s.as_deref().copied()), Some(50.0), "its slot is made");
/// assert!(!slots.refresh(&mut |id| handle(id)), "nothing changed, nothing fired");
/// scores.update(|s| s[1] = Shared::new(90.0));
/// assert!(!slots.refresh(&mut |id| handle(id)), "only id 1 changed, and nobody tracks it");
/// scores.update(|s| s[0] = Shared::new(55.0));
/// assert!(slots.refresh(&mut |id| handle(id)), "id 0 changed: its views re-run");
/// assert_eq!(first.with_untracked(|s| s.as_deref().copied()), Some(55.0));
/// ```
#[derive(Clone, Copy)]
pub struct Slots {
    slots: StoredValue<Map<Id, (Handle, ArcTrigger)>>,
}

impl Slots {
    /// No slots yet.
    pub fn new() -> Self {
        Slots { slots: StoredValue::new(Map::new()) }
    }

    /// `id`'s part as a signal for a view: `read` gets the part as it is now (untracked), and a
    /// view reading the signal re-runs when `id`'s slot fires ([`Slots::refresh`]).
    pub fn part<T: Send + Sync + 'static>(
        self,
        id: Id,
        read: impl Fn() -> Option<Shared<T>> + Send + Sync + 'static,
    ) -> Computed<Option<Shared<T>>> {
        Computed::new(move || {
            let part = read();
            self.track(id, part.as_ref().map(Shared::erased));
            part
        })
    }

    /// Subscribes the running view to `id`'s slot, made with `now` (the handle of the part the
    /// view is about to show) if it has none; nothing once the widget is gone.
    fn track(self, id: Id, now: Handle) {
        let trigger =
            self.slots.try_update_value(|slots| slots.entry(id).or_insert_with(|| (now, ArcTrigger::new())).1.clone());
        if let Some(trigger) = trigger {
            trigger.track();
        }
    }

    /// Gives every slot the handle of its part as it is now (`now(id)`) and fires those whose
    /// handle changed. Returns whether any did.
    pub fn refresh(self, now: &mut dyn FnMut(Id) -> Handle) -> bool {
        // Fired after the walk, so nothing a trigger sets off can find the map borrowed.
        let fired = self
            .slots
            .try_update_value(|slots| {
                let mut fired = Vec::new();
                for (&id, (held, trigger)) in slots.iter_mut() {
                    let handle = now(id);
                    let same = match (&*held, &handle) {
                        (Some(a), Some(b)) => std::ptr::addr_eq(Arc::as_ptr(a), Arc::as_ptr(b)),
                        (a, b) => a.is_none() && b.is_none(),
                    };
                    if !same {
                        *held = handle;
                        fired.push(trigger.clone());
                    }
                }
                fired
            })
            .unwrap_or_default();
        for trigger in &fired {
            trigger.notify();
        }
        !fired.is_empty()
    }
}

impl Default for Slots {
    fn default() -> Self {
        Slots::new()
    }
}

//! [`effect`] and [`watch`]: Leptos's `Effect::new` and `Effect::watch`, compiled once for every use.

use std::any::Any;

use leptos::prelude::*;

/// Runs `f` once the current render is done, and again whenever a signal it read changes. `f`
/// is told whether this is its first run.
///
/// Why: `Effect::new` compiles its task (an async loop that waits for a change, clears the old
/// sources, runs the function under the effect's owner and keeps its value) for each closure's
/// own type (issue 9). Here the closure is boxed, so one copy of the task serves every effect;
/// what stays per use is the closure's own body.
///
/// # Example
///
/// ```ignore
/// effect(move |first| {
///     let count = state.readings.with(Vec::len);
///     if !first {
///         announce(format!("{count} readings"));
///     }
/// });
/// ```
pub fn effect(f: impl FnMut(bool) + 'static) -> Effect<LocalStorage> {
    erased(Box::new(f))
}

/// The one compiled body behind every [`effect`].
fn erased(mut f: Box<dyn FnMut(bool)>) -> Effect<LocalStorage> {
    Effect::new(move |previous: Option<()>| f(previous.is_none()))
}

/// Runs `handler` whenever a signal `deps` read changes (and on the first run too when
/// `immediate`), with the new value `deps` returns and the one before: Leptos's
/// `Effect::watch`, compiled once for every use.
///
/// Why: as with [`effect`], `Effect::watch` compiles its task for each pair of closures and each
/// value type. Here both closures are boxed and the value travels as `dyn Any`, so one copy
/// serves every use.
///
/// # Example
///
/// ```ignore
/// watch(move || open.get(), move |&now, was| if was == Some(&true) && !now { focus_opener() }, false);
/// ```
pub fn watch<D: 'static>(
    mut deps: impl FnMut() -> D + 'static,
    mut handler: impl FnMut(&D, Option<&D>) + 'static,
    immediate: bool,
) {
    erased_watch(
        Box::new(move || Box::new(deps())),
        Box::new(move |new, old| {
            // The values are the ones `deps` returned just above, so they are always a `D`.
            if let Some(new) = new.downcast_ref() {
                handler(new, old.and_then(<dyn Any>::downcast_ref));
            }
        }),
        immediate,
    );
}

/// A [`watch`] handler, its values erased.
type Handler = Box<dyn FnMut(&dyn Any, Option<&dyn Any>)>;

/// The one compiled body behind every [`watch`].
fn erased_watch(deps: Box<dyn FnMut() -> Box<dyn Any>>, mut handler: Handler, immediate: bool) {
    Effect::watch(deps, move |new, old, _| handler(new.as_ref(), old.map(AsRef::as_ref)), immediate);
}

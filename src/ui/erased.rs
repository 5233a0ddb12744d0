//! The downcast that [`Var`](super::var::Var), [`Derived`](super::derived::Derived) and
//! [`Computed`](super::computed::Computed) share.
//!
//! Each keeps its value as `dyn Any` inside one Leptos type for every value type (issue 9), and
//! only the typed handle that made a value reads it back, so the downcast cannot fail; these
//! say so once.

use std::any::Any;

/// `value` as the `T` it was made from.
pub(super) fn made_as<T: 'static>(value: &dyn Any) -> &T {
    match value.downcast_ref::<T>() {
        Some(value) => value,
        None => unreachable!("an erased reactive value is read as the type it was made with"),
    }
}

/// [`made_as`], to change.
pub(super) fn made_as_mut<T: 'static>(value: &mut dyn Any) -> &mut T {
    match value.downcast_mut::<T>() {
        Some(value) => value,
        None => unreachable!("an erased reactive value is read as the type it was made with"),
    }
}

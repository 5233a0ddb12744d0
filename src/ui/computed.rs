//! [`Computed`]: a derived signal whose reactive machinery is compiled once for every value type.
//!
//! Why (issue 9): a component's reactive property was a Leptos `Signal<T>`, whose reads handle
//! every kind of signal it may wrap (a memo, a signal, a closure), compiled again for each `T`:
//! about 1 KB of WebAssembly per type, for some ten types. A [`Computed<T>`] is a `Signal` of
//! one type-erased value, so that code exists once. [`Var`](super::var::Var) and
//! [`Derived`](super::derived::Derived) do the same for signals and memos.

use std::any::Any;
use std::marker::PhantomData;
use std::sync::Arc;

use leptos::prelude::*;

use super::derived::Derived;
use super::erased::made_as;
use super::var::Var;

/// A value computed from signals each time it is read, like Leptos's `Signal::derive`: a view
/// or effect that reads it follows the signals the computation read. For a component's
/// reactive property; use [`Derived`] when the computation is costly or read by many.
///
/// # Example
///
/// ```
/// use kra_kpi::ui::computed::Computed;
/// use kra_kpi::ui::var::Var;
///
/// let score = Var::new(Some(84.0));
/// let label = Computed::new(move || score.with(|s| s.map_or("No data".to_owned(), |s| format!("{s} %"))));
/// assert_eq!(label.get_untracked(), "84 %");
/// score.set(None);
/// assert_eq!(label.get_untracked(), "No data");
/// ```
pub struct Computed<T> {
    signal: Signal<Value>,
    of: PhantomData<fn() -> T>,
}

impl<T> Clone for Computed<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Computed<T> {}

impl<T: Send + Sync + 'static> Computed<T> {
    /// A value computed with `compute` each time it is read.
    pub fn new(compute: impl Fn() -> T + Send + Sync + 'static) -> Self {
        Computed { signal: erased_signal(Box::new(move || Value(Arc::new(compute())))), of: PhantomData }
    }
}

/// The one `Signal` instantiation behind every [`Computed`].
fn erased_signal(compute: Box<dyn Fn() -> Value + Send + Sync>) -> Signal<Value> {
    Signal::derive(compute)
}

impl<T: 'static> Computed<T> {
    /// Computes the value and reads it with `read`; the running view or effect follows what
    /// the computation read.
    pub fn with<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.signal.with(|v| read(v.of()))
    }

    /// Computes the value and reads it with `read`, without following anything.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.signal.with_untracked(|v| read(v.of()))
    }

    /// The value, computed now; the running view or effect follows what the computation read.
    pub fn get(&self) -> T
    where
        T: Clone,
    {
        self.with(T::clone)
    }

    /// The value, computed now, without following anything.
    pub fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.with_untracked(T::clone)
    }

    /// Makes the running view or effect follow what the computation reads.
    pub fn track(&self) {
        self.signal.track();
    }
}

impl<T: Clone + Send + Sync + 'static> From<T> for Computed<T> {
    /// A value that does not change, where a component takes a computed one.
    fn from(value: T) -> Self {
        Computed::new(move || value.clone())
    }
}

impl<T: Clone + Send + Sync + 'static> From<Var<T>> for Computed<T> {
    fn from(value: Var<T>) -> Self {
        Computed::new(move || value.get())
    }
}

impl<T: Clone + Send + Sync + 'static> From<Derived<T>> for Computed<T> {
    fn from(value: Derived<T>) -> Self {
        Computed::new(move || value.get())
    }
}

/// A [`Computed`]'s value, whatever its type.
#[derive(Clone)]
struct Value(Arc<dyn Any + Send + Sync>);

impl Value {
    /// The value as the `T` it was computed as: [`Computed::new`] made it from a `T`, and only
    /// the `Computed<T>` holding it reads it.
    fn of<T: 'static>(&self) -> &T {
        made_as(&*self.0)
    }
}

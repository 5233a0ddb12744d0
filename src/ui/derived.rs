//! [`Derived`]: a memo whose reactive machinery is compiled once for every value type.
//!
//! Why (issue 9): Leptos compiles a `Derived<T>`'s bookkeeping (re-running when a source changed,
//! comparing with the last value, reading under a guard) again for every `T` it is used with,
//! about 1 KB of WebAssembly each, and the widget's views keep memos of some thirty types. A
//! [`Derived<T>`] is a `Memo` of one type-erased value, so that code exists once; what is left
//! per `T` is its comparison and a downcast when it is read. The price is one allocation each
//! time the value is computed again, which happens only when one of its sources changed.

use std::any::Any;
use std::marker::PhantomData;
use std::sync::Arc;

use leptos::prelude::*;

use super::erased::made_as;

/// A value computed from signals, computed again when one of them changes, and passed on to
/// its readers only when it differs from the last one (`PartialEq`), like Leptos's `Memo`.
///
/// Made with [`derived`]; read with [`get`](Derived::get) or [`with`](Derived::with) (tracked)
/// and their `_untracked` forms. It is `Copy`, like the signals it is made from, and lives as
/// long as the reactive owner it was made under.
///
/// # Example
///
/// ```
/// use kra_kpi::ui::derived::derived;
/// use leptos::prelude::*;
///
/// let owner = Owner::new();
/// owner.set();
/// let scores = RwSignal::new(vec![40.0, 90.0]);
/// let best = derived(move || scores.with(|s| s.iter().copied().fold(f64::MIN, f64::max)));
/// assert_eq!(best.get_untracked(), 90.0);
/// scores.update(|s| s.push(95.0));
/// assert_eq!(best.get_untracked(), 95.0);
/// assert_eq!(best.with_untracked(|b| b.to_string()), "95");
/// ```
pub struct Derived<T> {
    memo: Memo<Value>,
    of: PhantomData<fn() -> T>,
}

impl<T> Clone for Derived<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Derived<T> {}

/// Makes a [`Derived`] that computes its value with `compute`, reading signals as it goes (see
/// the example there).
pub fn derived<T>(compute: impl Fn() -> T + Send + Sync + 'static) -> Derived<T>
where
    T: PartialEq + Send + Sync + 'static,
{
    Derived { memo: erased_memo(Box::new(move || Value(Arc::new(compute())))), of: PhantomData }
}

/// The one `Memo` instantiation behind every [`Derived`].
fn erased_memo(compute: Box<dyn Fn() -> Value + Send + Sync>) -> Memo<Value> {
    Memo::new(move |_| compute())
}

impl<T: 'static> Derived<T> {
    /// Reads the value with `read`, and makes the running effect or view follow it.
    pub fn with<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.memo.with(|v| read(v.of()))
    }

    /// Reads the value with `read`, without following it.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.memo.with_untracked(|v| read(v.of()))
    }

    /// Makes the running effect or view follow the value without reading it.
    pub fn track(&self) {
        self.memo.track();
    }

    /// A copy of the value; the running effect or view follows it.
    pub fn get(&self) -> T
    where
        T: Clone,
    {
        self.with(T::clone)
    }

    /// A copy of the value, without following it.
    pub fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.with_untracked(T::clone)
    }
}

/// A [`Derived`]'s value, whatever its type: compared through [`Same`].
#[derive(Clone)]
struct Value(Arc<dyn Same>);

impl Value {
    /// The value as the `T` it was made from: [`derived`] made it from a `T`, and only the
    /// `Derived<T>` holding it reads it.
    fn of<T: 'static>(&self) -> &T {
        made_as(self.0.as_any())
    }
}

impl PartialEq for Value {
    fn eq(&self, other: &Self) -> bool {
        self.0.same(other.0.as_any())
    }
}

/// Equality across the erased type: `other` equals `self` if it is the same type and equal.
trait Same: Send + Sync {
    fn same(&self, other: &dyn Any) -> bool;
    fn as_any(&self) -> &dyn Any;
}

impl<T: PartialEq + Send + Sync + 'static> Same for T {
    fn same(&self, other: &dyn Any) -> bool {
        other.downcast_ref::<T>() == Some(self)
    }

    fn as_any(&self) -> &dyn Any {
        self
    }
}

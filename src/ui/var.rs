//! [`Var`]: a signal whose reactive machinery is compiled once for every value type.
//!
//! Why (issue 9): Leptos compiles an `RwSignal<T>`'s reads and writes (the guarded read, the
//! update that marks subscribers dirty, `get`, `set`) again for every `T`, and the widget's views
//! keep signals of some twenty types (form fields' text, flags, messages, the framework's parts).
//! A [`Var<T>`] is an `RwSignal` of one type-erased value, so that code exists once; what is left
//! per `T` is a downcast where the value is read or changed. Writing changes the value in place,
//! so a `set` allocates no more than `RwSignal::set` does. [`Derived`](super::derived::Derived)
//! does the same for memos.

use std::any::Any;
use std::marker::PhantomData;

use leptos::prelude::*;

use super::erased::{made_as, made_as_mut};

/// A value that views and effects follow: reading it with [`get`](Var::get) or
/// [`with`](Var::with) inside a view or an effect re-runs that view or effect when it is changed
/// with [`set`](Var::set) or [`update`](Var::update). Leptos's `RwSignal`, with the same
/// method names, compiled once for every `T`.
///
/// It is `Copy` and lives as long as the reactive owner it was made under; once that is gone,
/// reads and writes do nothing (`try_` forms say so).
///
/// # Example
///
/// ```
/// use kra_kpi::ui::var::Var;
///
/// let name = Var::new(String::from("Sales"));
/// name.update(|n| n.push_str(" executive"));
/// assert_eq!(name.get_untracked(), "Sales executive");
/// name.set(String::new());
/// assert!(name.with_untracked(String::is_empty));
/// ```
pub struct Var<T> {
    signal: RwSignal<Erased>,
    of: PhantomData<fn() -> T>,
}

impl<T> Clone for Var<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Var<T> {}

impl<T: Send + Sync + 'static> Var<T> {
    /// A new value to follow, owned by the running reactive owner.
    pub fn new(value: T) -> Self {
        Var { signal: erased_signal(Erased(Box::new(value))), of: PhantomData }
    }
}

/// The one `RwSignal` instantiation behind every [`Var`].
fn erased_signal(value: Erased) -> RwSignal<Erased> {
    RwSignal::new(value)
}

impl<T: 'static> Var<T> {
    /// Reads the value with `read`, and makes the running view or effect follow it.
    pub fn with<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.signal.with(|v| read(v.of()))
    }

    /// Reads the value with `read`, without following it.
    pub fn with_untracked<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.signal.with_untracked(|v| read(v.of()))
    }

    /// A copy of the value; the running view or effect follows it.
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

    /// Makes the running view or effect follow the value without reading it.
    pub fn track(&self) {
        self.signal.track();
    }

    /// Changes the value with `change`, then wakes what follows it.
    pub fn update(&self, change: impl FnOnce(&mut T)) {
        self.signal.update(|v| change(v.of_mut()));
    }

    /// [`update`](Var::update), giving back what `change` returns, or `None` (and changing
    /// nothing) when the value's owner is gone.
    pub fn try_update<R>(&self, change: impl FnOnce(&mut T) -> R) -> Option<R> {
        self.signal.try_update(|v| change(v.of_mut()))
    }

    /// Replaces the value, then wakes what follows it.
    pub fn set(&self, value: T) {
        self.update(|v| *v = value);
    }

    /// [`set`](Var::set), giving `value` back when the value's owner is gone.
    pub fn try_set(&self, value: T) -> Option<T> {
        let mut value = Some(value);
        self.try_update(|v| {
            if let Some(new) = value.take() {
                *v = new;
            }
        });
        value
    }

    /// Wakes what follows the value, as if it had changed.
    pub fn notify(&self) {
        self.signal.notify();
    }

    /// A copy of the value without following it, or `None` when its owner is gone.
    pub fn try_get_untracked(&self) -> Option<T>
    where
        T: Clone,
    {
        self.signal.try_with_untracked(|v| v.of::<T>().clone())
    }

    /// The value for readers only: what a [`ReadVar`] is given can follow it but not change it.
    pub fn read_only(&self) -> ReadVar<T> {
        ReadVar(*self)
    }
}

/// A [`Var`] that can be read and followed but not changed ([`Var::read_only`]), like
/// Leptos's `ReadSignal`.
pub struct ReadVar<T>(Var<T>);

impl<T> Clone for ReadVar<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for ReadVar<T> {}

impl<T: 'static> ReadVar<T> {
    /// [`Var::with`].
    pub fn with<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.0.with(read)
    }

    /// [`Var::with_untracked`].
    pub fn with_untracked<R>(&self, read: impl FnOnce(&T) -> R) -> R {
        self.0.with_untracked(read)
    }

    /// [`Var::get`].
    pub fn get(&self) -> T
    where
        T: Clone,
    {
        self.0.get()
    }

    /// [`Var::get_untracked`].
    pub fn get_untracked(&self) -> T
    where
        T: Clone,
    {
        self.0.get_untracked()
    }

    /// [`Var::track`].
    pub fn track(&self) {
        self.0.track();
    }
}

/// A [`Var`]'s value, whatever its type.
struct Erased(Box<dyn Any + Send + Sync>);

impl Erased {
    /// The value as the `T` it was made from: [`Var::new`] made it from a `T`, and only the
    /// `Var<T>` holding it reads or changes it.
    fn of<T: 'static>(&self) -> &T {
        made_as(&*self.0)
    }

    /// [`Erased::of`], to change.
    fn of_mut<T: 'static>(&mut self) -> &mut T {
        made_as_mut(&mut *self.0)
    }
}

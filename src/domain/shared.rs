//! A value shared between copies until one of them changes it (copy on write).

use std::fmt;
use std::ops::{Deref, DerefMut};
use std::sync::Arc;

/// A value behind a reference-counted pointer: cloning is a pointer copy, and changing it
/// through [`DerefMut`] copies the value first only when another clone still shares it.
///
/// The framework keeps its KRA list, its KPI list and each KPI's readings this way. Why: an
/// edit changes one of a thousand KPIs' readings, yet the UI keeps a copy of the framework's
/// parts (its memos) to know what changed. With `Shared`, those copies cost nothing, and "did
/// this KPI's readings change?" is [`Shared::ptr_eq`], not a walk over a hundred readings.
///
/// Equality compares the values (pointer equality first, as a shortcut).
///
/// # Example
///
/// ```
/// use kra_kpi::domain::shared::Shared;
///
/// let mut a = Shared::new(vec![1, 2, 3]);
/// let b = a.clone();
/// assert!(Shared::ptr_eq(&a, &b), "a clone shares the value");
/// a.push(4); // copies, since `b` still shares it
/// assert!(!Shared::ptr_eq(&a, &b));
/// assert_eq!((a.len(), b.len()), (4, 3));
/// ```
#[derive(Default)]
pub struct Shared<T>(Arc<T>);

impl<T> Shared<T> {
    /// Shares `value`.
    pub fn new(value: T) -> Shared<T> {
        Shared(Arc::new(value))
    }

    /// Whether two handles share one value, so it cannot have changed from one to the other.
    pub fn ptr_eq(a: &Shared<T>, b: &Shared<T>) -> bool {
        Arc::ptr_eq(&a.0, &b.0)
    }
}

impl<T: Send + Sync + 'static> Shared<T> {
    /// Another handle on the same value, typed as `Any`, for code that keeps handles of
    /// several types in one place and compares them by address (the UI's per-KPI slots).
    ///
    /// ```
    /// use std::sync::Arc;
    /// use kra_kpi::domain::shared::Shared;
    ///
    /// let a = Shared::new(vec![1, 2, 3]);
    /// let b = a.clone();
    /// assert!(std::ptr::addr_eq(Arc::as_ptr(&a.erased()), Arc::as_ptr(&b.erased())));
    /// assert!(!std::ptr::addr_eq(Arc::as_ptr(&a.erased()), Arc::as_ptr(&Shared::new(vec![1, 2, 3]).erased())));
    /// ```
    pub fn erased(&self) -> Arc<dyn std::any::Any + Send + Sync> {
        self.0.clone()
    }
}

impl<T: Clone> Shared<T> {
    /// The value, copied only if another handle still shares it.
    pub fn into_inner(self) -> T {
        Arc::unwrap_or_clone(self.0)
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        Shared(Arc::clone(&self.0))
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;

    fn deref(&self) -> &T {
        &self.0
    }
}

impl<T: Clone> DerefMut for Shared<T> {
    fn deref_mut(&mut self) -> &mut T {
        Arc::make_mut(&mut self.0)
    }
}

impl<T: PartialEq> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        Shared::ptr_eq(self, other) || *self.0 == *other.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}

impl<T> From<T> for Shared<T> {
    fn from(value: T) -> Shared<T> {
        Shared::new(value)
    }
}

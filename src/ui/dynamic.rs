//! [`dynamic`]: a view that follows a reactive closure, compiled once for every use.

use leptos::prelude::*;

/// The view `view` returns, rebuilt whenever a signal it reads changes: what `{move || …}` is
/// in a `view!`, compiled once for every use instead of once per use.
///
/// Why: tachys compiles a reactive closure's render effect, its state and their mount and
/// unmount code for each closure's own type and each view type it returns (issue 9). Here the
/// closure is boxed and returns an erased view, so one copy serves every use; what stays per
/// use is the closure's own view code. Use it where the closure returns markup (a `view!`, an
/// `Option` of one, a list); a closure that returns text is small as it is.
///
/// # Example
///
/// ```ignore
/// view! { <div>{dynamic(move || toast.get().map(|t| view! { <p role="status">{t}</p> }))}</div> }
/// ```
pub fn dynamic<V: IntoView + 'static>(view: impl Fn() -> V + Send + Sync + 'static) -> AnyView {
    erased(Box::new(move || view().into_any()))
}

/// The one compiled body behind every [`dynamic`].
fn erased(view: Box<dyn Fn() -> AnyView + Send + Sync>) -> AnyView {
    (move || view()).into_any()
}

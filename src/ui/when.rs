//! [`When`]: Leptos's `<Show>`, compiled once for every use instead of once per use.

use leptos::prelude::*;

use super::derived::derived;
use super::dynamic::dynamic;

/// Shows `children` while `when` returns true, and `fallback` (by default nothing) otherwise;
/// the same contract as Leptos's `<Show>`, whose `when` is memoised so that the children are
/// built again only when the condition flips.
///
/// Why not `<Show>`: it is generic over both its condition and its children's view type, so
/// each of the widget's 84 uses compiled its own memo, its own `Either` of the two views
/// and its own render closure (issue 9). Here the condition is boxed and the children are
/// erased views, so one copy of that machinery serves every use; what stays per use is the
/// children's own view code.
///
/// # Example
///
/// ```ignore
/// view! {
///     <When when=move || open.get() fallback=|| view! { <p>"Closed."</p> }>
///         <p>"Open."</p>
///     </When>
/// }
/// ```
#[component]
pub fn When<W>(
    /// The view while `when` holds, built each time it becomes true.
    children: ChildrenFn,
    /// The condition, read reactively.
    when: W,
    /// The view while `when` does not hold.
    #[prop(optional, into)]
    fallback: ViewFn,
) -> impl IntoView
where
    W: Fn() -> bool + Send + Sync + 'static,
{
    shown_when(Box::new(when), children, fallback)
}

/// The one compiled body behind every [`When`]; its view follows the memo through [`dynamic`].
fn shown_when(when: Box<dyn Fn() -> bool + Send + Sync>, children: ChildrenFn, fallback: ViewFn) -> AnyView {
    let when = derived(when);
    dynamic(move || if when.get() { children() } else { fallback.run() })
}

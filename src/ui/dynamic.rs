//! [`dynamic`] and [`dynamic_text`]: markup or text that follows a reactive closure, compiled once
//! for every use.

use leptos::prelude::*;

/// The view `view` returns, rebuilt whenever a signal it reads changes: what `{move || …}` is
/// in a `view!`, compiled once for every use instead of once per use.
///
/// Why: tachys compiles a reactive closure's render effect, its state and their mount and
/// unmount code for each closure's own type and each view type it returns (issue 9). Here the
/// closure is boxed and returns an erased view, so one copy serves every use; what stays per
/// use is the closure's own view code. Use it where the closure returns markup (a `view!`, an
/// `Option` of one, a list); for a closure that returns text, [`dynamic_text`].
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

/// The text `text` returns, rewritten whenever a signal it reads changes: what `{move || …}`
/// returning text is in a `view!`, compiled once for every use.
///
/// Why: as with [`dynamic`], tachys compiles a reactive closure's render effect and text node
/// code for each closure's own type and text type. Here the closure is boxed and returns a
/// `String`, so one copy serves every use. `None` and an empty string render an empty text
/// node, which reads and looks as nothing at all.
///
/// # Example
///
/// ```ignore
/// view! { <summary>{dynamic_text(move || format!("Backups ({})", count.get()))}</summary> }
/// ```
pub fn dynamic_text<T: Text>(text: impl Fn() -> T + Send + Sync + 'static) -> impl IntoView {
    erased_text(Box::new(move || text().into_text()))
}

/// What [`dynamic_text`] shows: text, or text that may be absent (`None` shows nothing).
pub trait Text {
    /// The text to show.
    fn into_text(self) -> String;
}

impl Text for String {
    fn into_text(self) -> String {
        self
    }
}

impl Text for &str {
    fn into_text(self) -> String {
        self.to_owned()
    }
}

impl<T: Text> Text for Option<T> {
    fn into_text(self) -> String {
        self.map(Text::into_text).unwrap_or_default()
    }
}

/// The one compiled body behind every [`dynamic_text`].
fn erased_text(text: Box<dyn Fn() -> String + Send + Sync>) -> impl IntoView {
    move || text()
}

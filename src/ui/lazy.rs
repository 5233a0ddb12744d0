//! [`lazy`] and [`split_point!`]: views whose code is a separate WebAssembly file, fetched the
//! first time one of them is shown.
//!
//! Why (issue 9): much of the widget's code draws panels that start closed and that a visit may
//! never open (the KRA and KPI forms, a KPI's readings, settings, templates and scorecards,
//! export and import, bulk entry, the presentation). A host page should not make every employee
//! download them before the scorecard appears. A *split point* is a function that returns one
//! of those views' constructors; the release build (`--features split`,
//! `scripts/post_build.sh`) moves the code that only split points of one module reach into that
//! module's file, and the first call fetches it. Without the feature (the browser tests, a plain
//! `cargo build`) a split point is an ordinary function that answers at once, so both builds
//! run the same views.
//!
//! What is on screen at start stays in the main module, and so do the chart panels and the
//! review: printing draws them at once, which a fetch could not finish in time. A split point
//! need not return a view: the code that unpacks a share link (`ui::share`, module `sharing`)
//! is fetched only by a page opened with one.

use std::any::Any;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;

use super::after_paint::after_paint;
use super::derived::derived;
use super::dynamic::{dynamic, dynamic_text};
use super::focus::focus_first_control_after;
use super::var::Var;

/// Why a split point's code could not be had: its file did not arrive (offline, a server that
/// lacks it) or did not compile.
pub type LoadError = leptos::wasm_split::SplitLoaderError;

/// Declares a split point: a function `$name` that returns `$body` (a constructor, such as a
/// `fn` pointer to a component's wrapper) once the code of module `$module` is loaded.
///
/// Several split points with the same `$module` share one file. The function is `async` and
/// returns `Result<$ty, LoadError>`; give it to [`lazy`] to show what it builds.
///
/// # Example
///
/// ```ignore
/// split_point!(panels, fn settings_form() -> fn() -> AnyView {
///     || view! { <SettingsForm /> }.into_any()
/// });
/// view! { <details>…{lazy(settings_form, |make| make())}</details> }
/// ```
#[macro_export]
macro_rules! split_point {
    ($module:ident, fn $name:ident() -> $ty:ty $body:block) => {
        /// A split point (`ui::lazy`): the constructor, once its module's code is loaded.
        #[cfg(feature = "split")]
        #[::leptos::wasm_split::wasm_split($module, wasm_split_path = ::leptos::wasm_split, fallible)]
        fn $name() -> ::core::result::Result<$ty, $crate::ui::lazy::LoadError> {
            ::core::result::Result::Ok($body)
        }

        /// A split point (`ui::lazy`); this build has its code already.
        #[cfg(not(feature = "split"))]
        async fn $name() -> ::core::result::Result<$ty, $crate::ui::lazy::LoadError> {
            ::core::result::Result::Ok($body)
        }
    };
}
pub use split_point;

/// How the fetching of a [`lazy`] view's code goes, whatever the view: how many fetches failed,
/// and whether one is under way after a failure ("Try again").
#[derive(Clone, Copy, Default)]
struct Attempt {
    failures: u32,
    retrying: bool,
}

/// Shows what `show` builds from the constructor that `load` (a [`split_point!`]) returns,
/// once it has arrived; "Loading…" until then, and an alert with a "Try again" button if its
/// file could not be fetched, so nothing else on the page is affected.
///
/// `M` is the constructor's type: a `fn` pointer (`Copy`), so that the view can be rebuilt
/// from it by reactive parents. `E` is the loader's error ([`LoadError`] for a split point):
/// any error shows the same message, since the browser's console already has the details.
/// `load`'s future must keep the waker of its latest poll (as split points' do): it is first
/// polled once with a waker that does nothing.
///
/// # Example
///
/// ```ignore
/// split_point!(editing, fn kra_form() -> fn(Option<Id>) -> AnyView {
///     |id| view! { <KraFormBody existing=id /> }.into_any()
/// });
/// view! { {lazy(kra_form, move |make| make(existing))} }
/// ```
pub fn lazy<M, E, F>(load: fn() -> F, show: impl Fn(M) -> AnyView + Send + Sync + 'static) -> AnyView
where
    M: Copy + Send + Sync + 'static,
    E: 'static,
    F: Future<Output = Result<M, E>> + 'static,
{
    let ready = Var::new(None::<Constructor>);
    let attempt = Var::new(Attempt::default());
    let place = StoredValue::new_local(None::<Place>);
    let fetch = move || {
        let load = async move { load().await.ok().map(|make| Arc::new(make) as Constructor) };
        fetch_into(Box::pin(load), ready, attempt, place);
    };
    fetch();
    dynamic(move || match ready.get() {
        // Always an `M`: it is what this view's own `load` gave.
        Some(make) => make.downcast_ref::<M>().map_or_else(|| ().into_any(), |&make| show(make)),
        None => waiting(attempt, place, Box::new(fetch)),
    })
}

/// Where a failed view's alert was, when its "Try again" was pressed: its parent and the node
/// before it. The view that replaces the alert starts right after that node, and takes the
/// focus that the alert's button had ([`focus_first_control_after`]).
struct Place {
    parent: web_sys::Node,
    before: Option<web_sys::Node>,
}

/// A constructor, whatever its type, so that what follows is compiled once for every use.
type Constructor = Arc<dyn Any + Send + Sync>;

/// Records `load`'s outcome: at once when its code is already here (a module fetched before,
/// or a build without the split), so nothing flickers; otherwise when it arrives (for a split
/// point of a module fetched before, a few microtasks later).
fn fetch_into(
    mut load: Pin<Box<dyn Future<Output = Option<Constructor>>>>,
    ready: Var<Option<Constructor>>,
    attempt: Var<Attempt>,
    place: StoredValue<Option<Place>, LocalStorage>,
) {
    let record = move |r: Option<Constructor>| {
        let arrived = r.is_some();
        // The view may have been closed and its owner gone while the file was on the way.
        if arrived {
            let _ = ready.try_set(r);
            if let Some(place) = place.try_update_value(Option::take).flatten() {
                request_animation_frame(move || focus_first_control_after(&place.parent, place.before.as_ref()));
            }
        }
        settle(attempt, arrived);
    };
    // A first poll with a waker that does nothing: a loaded module answers at once. Otherwise
    // the task below polls again with its own waker, which the loader then keeps.
    if let Poll::Ready(r) = load.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        record(r);
        return;
    }
    leptos::task::spawn_local(async move { record(load.await) });
}

/// Ends an attempt: counts a failure, and lets "Try again" fetch again.
fn settle(attempt: Var<Attempt>, arrived: bool) {
    let _ = attempt.try_update(|a| {
        a.retrying = false;
        a.failures += u32::from(!arrived);
    });
}

/// What a [`lazy`] view shows until its code is here: "Loading…" (a status, given its words
/// after it is painted so that screen readers announce them), or after a failed
/// fetch an alert whose "Try again" calls `fetch`. The alert is built once and stays, with the
/// focus on its button, while it tries again.
fn waiting(
    attempt: Var<Attempt>,
    place: StoredValue<Option<Place>, LocalStorage>,
    fetch: Box<dyn Fn() + Send + Sync>,
) -> AnyView {
    let failed = derived(move || attempt.with(|a| a.failures > 0));
    let fetch: Arc<dyn Fn() + Send + Sync> = fetch.into();
    dynamic(move || {
        if failed.get() {
            let fetch = fetch.clone();
            failed_alert(
                attempt,
                place,
                Box::new(move || {
                    if !attempt.with_untracked(|a| a.retrying) {
                        attempt.update(|a| a.retrying = true);
                        fetch();
                    }
                }),
            )
        } else {
            // The status is put in the page empty and given its words once painted: screen
            // readers announce a change to a live region, not one inserted with its text.
            let painted = Var::new(false);
            after_paint(move || {
                let _ = painted.try_set(true);
            });
            let words = move || if painted.get() { "Loading…" } else { "" };
            view! { <p class="kk-hint" role="status">{dynamic_text(words)}</p> }.into_any()
        }
    })
}

/// The alert a [`lazy`] view shows when its code could not be fetched. It stays while "Try
/// again" works (the button says so), and says so again, with the count, when that fails too.
fn failed_alert(
    attempt: Var<Attempt>,
    place: StoredValue<Option<Place>, LocalStorage>,
    retry: Box<dyn Fn() + Send + Sync>,
) -> AnyView {
    let message = move || match attempt.with(|a| a.failures) {
        0 | 1 => "This part of the scorecard could not be loaded. Check the connection, then try again.".to_owned(),
        n => format!(
            "This part of the scorecard still could not be loaded ({n} tries). Check the connection, then try again."
        ),
    };
    let retrying = move || attempt.with(|a| a.retrying);
    let label = move || if retrying() { "Trying again…" } else { "Try again" };
    let alert = NodeRef::<leptos::html::Div>::new();
    let retry = move || {
        // Where the view will appear if this try succeeds (see `Place`).
        if let Some(alert) = alert.get_untracked() {
            if let Some(parent) = alert.parent_node() {
                place.set_value(Some(Place { parent, before: alert.previous_sibling() }));
            }
        }
        retry();
    };
    view! {
        <div node_ref=alert class="kk-error" role="alert">
            <p>{dynamic_text(message)}</p>
            <button type="button" aria-disabled=move || retrying().to_string() on:click=move |_| retry()>
                {dynamic_text(label)}
            </button>
        </div>
    }
    .into_any()
}

//! [`lazy`] and [`split_point!`]: views whose code is a separate WebAssembly file, fetched the
//! first time one of them is shown.
//!
//! Why (issue 9): most of the widget's code draws panels that start closed (settings, import
//! and export, the review, the chart panels, the forms). A host page should not make every
//! employee download them before the scorecard appears. A *split point* is a function that
//! returns one of those views' constructors; the release build (`--features split`,
//! `scripts/post_build.sh`) moves the code that only it reaches into its own file, and calling
//! it the first time fetches that file. Without the feature (the browser tests, a plain
//! `cargo build`) a split point is an ordinary function that answers at once, so both builds
//! run the same code.

use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll, Waker};

use leptos::prelude::*;

use super::dynamic::dynamic;

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

/// Where a [`lazy`] view is: its code on the way, here (the constructor), or not to be had.
#[derive(Clone, Copy)]
enum Stage<M> {
    Loading,
    Ready(M),
    Failed,
}

/// Shows what `show` builds from the constructor that `load` (a [`split_point!`]) returns,
/// once it has arrived; "Loading…" until then, and a message with a "Try again" button if
/// its file could not be fetched, so nothing else on the page is affected.
///
/// `M` is the constructor's type: a `fn` pointer (`Copy`), so that the view can be rebuilt
/// from it by reactive parents. `E` is the loader's error ([`LoadError`] for a split point):
/// any error shows the same message, since the browser's console already has the details.
///
/// # Example
///
/// ```ignore
/// split_point!(forms, fn kra_form() -> fn(Option<Id>) -> AnyView { |id| view! { <KraForm existing=id /> }.into_any() });
/// view! { {lazy(kra_form, move |make| make(existing))} }
/// ```
pub fn lazy<M, E, F>(load: fn() -> F, show: impl Fn(M) -> AnyView + Send + Sync + 'static) -> AnyView
where
    M: Copy + Send + Sync + 'static,
    E: 'static,
    F: Future<Output = Result<M, E>> + 'static,
{
    let stage = RwSignal::new(Stage::Loading);
    let fetch = move || fetch_into(Box::pin(async move { load().await.ok() }), stage);
    fetch();
    dynamic(move || match stage.get() {
        Stage::Ready(make) => show(make),
        Stage::Loading => view! { <p class="kk-hint kk-loading" role="status">"Loading…"</p> }.into_any(),
        Stage::Failed => failed(Box::new(move || {
            stage.set(Stage::Loading);
            fetch();
        })),
    })
}

/// Records `load`'s outcome in `stage`: at once when its code is already here (a module
/// fetched before, or a build without the split), so nothing flickers; otherwise when it
/// arrives. Not typed per use.
fn fetch_into<M: Copy + Send + Sync + 'static>(
    mut load: Pin<Box<dyn Future<Output = Option<M>>>>,
    stage: RwSignal<Stage<M>>,
) {
    let outcome = |r: Option<M>| r.map_or(Stage::Failed, Stage::Ready);
    // A first poll with a waker that does nothing: a loaded module answers at once. Otherwise
    // the task below polls again with its own waker, which the loader then keeps.
    if let Poll::Ready(r) = load.as_mut().poll(&mut Context::from_waker(Waker::noop())) {
        stage.set(outcome(r));
        return;
    }
    leptos::task::spawn_local(async move {
        let r = load.await;
        // The panel may have been closed and its owner gone while the file was on the way.
        let _ = stage.try_set(outcome(r));
    });
}

/// The message a [`lazy`] view shows when its code could not be fetched.
fn failed(retry: Box<dyn Fn() + Send + Sync>) -> AnyView {
    view! {
        <div class="kk-error" role="alert">
            <p>"This part of the scorecard could not be loaded. Check the connection, then try again."</p>
            <button type="button" on:click=move |_| retry()>"Try again"</button>
        </div>
    }
    .into_any()
}

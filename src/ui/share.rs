//! Read-only share links: making one from the open scorecard, and showing one that was opened.
//!
//! The encoding is [`crate::exchange::share`]'s; compression is the browser's
//! ([`super::share_codec`]). A page opened with `#share=…` shows the snapshot read-only and
//! saves nothing: the viewer's own saved scorecard is not read or written, unless they choose
//! "Import a copy".

use leptos::prelude::*;

use crate::domain::format::long_date;
use leptos::task::spawn_local;

use super::dynamic::{dynamic, dynamic_text};
use super::lazy::split_point;
use super::state::{use_state, AppState};
use super::var::Var;
use crate::domain::format::num;
use crate::exchange::share::{
    is_share_fragment, link_bytes, link_fragment, payload, period_snapshot, read_payload, ShareError, MAX_LINK_CHARS,
    SAFE_LINK_CHARS,
};
use crate::storage::shelf::{Shelf, ShelfOpen};

/// What the page shows about a share link it was opened with.
#[derive(Clone, Debug, PartialEq)]
pub enum SharedView {
    /// Being unpacked.
    Opening,
    /// Shown: the snapshot's name and the day it was taken.
    Open {
        /// The scorecard's name.
        name: String,
        /// "2 December 2026".
        taken: String,
    },
    /// The link could not be opened; why.
    Failed(String),
}

/// The page's address without its fragment: what a link is made on, and where "Open my own
/// scorecard" goes.
fn page_address() -> String {
    let href = window().location().href().unwrap_or_default();
    match href.split_once('#') {
        Some((base, _)) => base.to_owned(),
        None => href,
    }
}

/// Opens the share link in `hash` into `state` (made read-only and detached by the mount).
///
/// The code that unpacks a link (its encoding, decompression and reading) is a split point of
/// its own (`ui::lazy`): only a page opened with a share link fetches it. If it cannot be
/// fetched, the banner says so and nothing is touched.
pub fn open_link(state: AppState, hash: String) {
    state.shared.set(Some(SharedView::Opening));
    spawn_local(async move {
        match link_opener().await {
            Ok(open) => open(state, hash),
            Err(_) => state.shared.set(Some(SharedView::Failed(
                "the part of the widget that opens share links could not be loaded (check the connection, then reload the page)"
                    .to_owned(),
            ))),
        }
    });
}

split_point!(
    sharing,
    fn link_opener() -> fn(AppState, String) {
        unpack_link
    }
);

/// Unpacks the link in `hash` and shows its snapshot, or why it cannot be opened.
fn unpack_link(state: AppState, hash: String) {
    spawn_local(async move {
        let opened = match link_bytes(&hash) {
            Ok(bytes) => match super::share_codec::decompress(&bytes).await {
                Some(text) => read_payload(&text),
                None => Err(ShareError::Damaged),
            },
            Err(e) => Err(e),
        };
        match opened {
            Ok(shared) => {
                let view =
                    SharedView::Open { name: shared.framework.name().to_owned(), taken: long_date(shared.taken) };
                state.replace_by_host(shared.framework, false);
                state.anchor.set(shared.review_day);
                state.shared.set(Some(view));
            }
            Err(e) => state.shared.set(Some(SharedView::Failed(e.to_string()))),
        }
    });
}

/// Follows share links pasted into the address bar of a page that is already open.
///
/// Whether the saved data is read and written is decided when the widget mounts, so a change
/// from or to a share link reloads the page. Other fragment changes, such as a host page's own
/// routing, are left alone. Unsaved edits are kept by the reload's `pagehide`, which flushes like
/// closing the tab does.
pub fn follow_address(state: AppState) {
    if !state.share_links.get_untracked() {
        return;
    }
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let hash = window().location().hash().unwrap_or_default();
        if is_share_fragment(&hash) || state.shared.get_untracked().is_some() {
            let _ = window().location().reload();
        }
    });
    on_cleanup(move || handle.remove());
}

/// The banner over a shared snapshot (or over why it could not be opened).
#[component]
pub fn SharedBanner() -> impl IntoView {
    let state = use_state();
    let message = Var::new(None::<String>);
    let import = move |_| match import_copy(state) {
        Ok(()) => {
            let _ = window().location().replace(&page_address());
        }
        Err(reason) => message.set(Some(reason)),
    };
    let own = page_address();
    view! {
        {dynamic(move || state.shared.get().map(|view| {
            let own = own.clone();
            match view {
                SharedView::Opening => view! {
                    <div class="kk-banner kk-shared" role="status"><p>"Opening the shared snapshot…"</p></div>
                }.into_any(),
                SharedView::Open { name, taken } => view! {
                    <div class="kk-banner kk-shared" role="region" aria-label="Shared snapshot">
                        <p>
                            <strong>{format!("Shared snapshot of \"{name}\", taken {taken}.")}</strong>
                            " Read-only: nothing here is saved, and your own scorecard on this device is untouched."
                        </p>
                        <p class="kk-actions">
                            <button type="button" class="kk-primary" on:click=import>"Import a copy"</button>
                            <a class="kk-button" href=own>"Open my own scorecard"</a>
                        </p>
                        <p class="kk-error" role="alert">{dynamic_text(move || message.get())}</p>
                    </div>
                }.into_any(),
                SharedView::Failed(reason) => view! {
                    <div class="kk-banner kk-shared kk-shared-failed" role="alert">
                        <p>{format!("This share link cannot be opened: {reason}. Your own scorecard on this device is untouched.")}</p>
                        <p class="kk-actions"><a class="kk-button" href=own>"Open my own scorecard"</a></p>
                    </div>
                }.into_any(),
            }
        }))}
    }
}

/// Adds the snapshot to the viewer's own list of scorecards, opened next time. The reason when
/// that is not possible.
fn import_copy(state: AppState) -> Result<(), String> {
    let key = state.home_key.get_value().ok_or("This page keeps no scorecards of its own to import into.")?;
    let shelf = Shelf::new(&key);
    let file = "Download the scorecard (JSON) under \"Export and import\" and import that file later instead.";
    match shelf.open() {
        ShelfOpen::Ready(_) => {}
        ShelfOpen::Single => {
            return Err(format!("Your saved scorecard on this device cannot take a second one beside it. {file}"))
        }
        ShelfOpen::Unavailable(problem) => {
            return Err(format!("This browser's storage cannot be used ({problem}). {file}"))
        }
    }
    let framework = state.framework.get_untracked();
    let mut card = crate::storage::shelf_index::CardId(0);
    shelf
        .update(|i| {
            card = i.add(framework.name());
            i.selected = Some(card);
        })
        .and_then(|_| shelf.create_card(card, &framework))
        .map_err(|problem| {
            shelf.remove_card(card);
            let _ = shelf.update(|i| i.forget(card));
            format!("The copy could not be saved: {problem}. {file}")
        })
}

/// "Share a read-only link": makes the link, shows it with its length, copies it.
#[component]
pub fn ShareLinkMaker() -> impl IntoView {
    let state = use_state();
    let only_period = Var::new(false);
    let link = Var::new(None::<String>);
    let message = Var::new(None::<String>);
    let make = move |_| {
        let review = state.review.get_untracked();
        let snapshot = state.framework.with_untracked(|f| {
            if only_period.get_untracked() {
                period_snapshot(f, &review)
            } else {
                f.clone()
            }
        });
        let text = payload(&snapshot, state.today, review.start());
        link.set(None);
        message.set(Some("Making the link…".into()));
        spawn_local(async move {
            let Some(bytes) = super::share_codec::compress(&text).await else {
                message.set(Some(
                    "This browser cannot make share links. Send the scorecard as a file instead (Download the scorecard (JSON)).".into(),
                ));
                return;
            };
            let base = page_address();
            match link_fragment(&bytes, base.chars().count()) {
                Ok(fragment) => {
                    let url = format!("{base}#{fragment}");
                    let chars = url.chars().count();
                    let fits = if chars <= SAFE_LINK_CHARS {
                        "it works in every browser and chat app".to_owned()
                    } else {
                        format!(
                            "current browsers open it, but some chat and e-mail apps cut links over {} characters: check that it arrives whole, or send the file instead",
                            num(SAFE_LINK_CHARS as f64)
                        )
                    };
                    message.set(Some(format!("The link is {chars} characters long: {fits}.")));
                    link.set(Some(url));
                }
                Err(ShareError::TooLong { chars }) => {
                    let hint = if only_period.get_untracked() { "" } else { " Try sharing only the review period," };
                    message.set(Some(format!(
                        "This scorecard needs a link of {chars} characters, more than the {MAX_LINK_CHARS} a share link may have.{hint} or send it as a file (Download the scorecard (JSON))."
                    )));
                }
                Err(e) => message.set(Some(e.to_string())),
            }
        });
    };
    let copy = move |_| {
        if let Some(url) = link.get_untracked() {
            let promise = window().navigator().clipboard().write_text(&url);
            spawn_local(async move {
                let done = wasm_bindgen_futures::JsFuture::from(promise).await.is_ok();
                message.set(Some(if done {
                    "Link copied.".to_owned()
                } else {
                    "The browser did not allow copying: select the link and copy it yourself.".to_owned()
                }));
            });
        }
    };
    let period = move || state.review.get().label();
    view! {
        <section class="kk-share" aria-labelledby="kk-share-title">
            <h3 id="kk-share-title">"Share a read-only link"</h3>
            <p class="kk-hint">
                "The scorecard travels inside the link itself, so anyone with the link can see it; nothing is uploaded. "
                "They see it read-only and can import a copy."
            </p>
            <label class="kk-check">
                <input type="checkbox" prop:checked=move || only_period.get()
                    on:change=move |ev| only_period.set(event_target_checked(&ev)) />
                {dynamic_text(move || format!(" Only the {} review (a shorter link)", period()))}
            </label>
            <p class="kk-actions"><button type="button" on:click=make>"Make a read-only link"</button></p>
            {dynamic(move || link.get().map(|url| view! {
                <label class="kk-field">
                    <span class="kk-field-label">"Read-only link"</span>
                    <input type="text" readonly prop:value=url on:focus=move |ev| {
                        event_target::<web_sys::HtmlInputElement>(&ev).select();
                    } />
                </label>
                <p class="kk-actions"><button type="button" on:click=copy>"Copy link"</button></p>
            }))}
            <p class="kk-share-status" aria-live="polite">{dynamic_text(move || message.get())}</p>
        </section>
    }
}

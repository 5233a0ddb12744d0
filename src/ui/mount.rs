//! Placing the widget into a host page: a shadow root of its own, the saved data opened, the
//! Leptos view mounted, and a handle to read, replace and unmount it.

use std::any::Any;
use std::cell::Cell;
use std::fmt;
use std::rc::Rc;

use jiff::civil::Date;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::app::App;
use super::effect::watch;
use super::notice::Notice;
use super::persistence::{flush, Opened, Persistence};
use super::state::AppState;
use super::today::today;
use crate::domain::framework::Framework;
use crate::domain::template;
use crate::exchange::share::is_share_fragment;
use crate::storage::codec::{decode_saved, encode};
use crate::storage::local::DEFAULT_KEY;
use crate::storage::DecodeError;

/// Where a widget keeps its data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Storage {
    /// The browser's localStorage: the list of scorecards under this key, each scorecard under
    /// `<key>:card-<n>` and backups under `<key>:backup-<n>`.
    Local(String),
    /// Nowhere: the host page loads the data (`data`, `setData`) and saves it on `change`.
    None,
}

/// The colour scheme.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Theme {
    /// Light colours.
    Light,
    /// Dark colours.
    Dark,
    /// Follows the reader's system setting (`prefers-color-scheme`).
    #[default]
    Auto,
}

impl Theme {
    /// Reads `light`, `dark` or `auto`.
    ///
    /// # Example
    ///
    /// ```
    /// use kra_kpi::ui::mount::Theme;
    ///
    /// assert_eq!(Theme::parse("dark"), Some(Theme::Dark));
    /// assert_eq!(Theme::parse("blue"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Theme> {
        match text {
            "light" => Some(Theme::Light),
            "dark" => Some(Theme::Dark),
            "auto" => Some(Theme::Auto),
            _ => None,
        }
    }

    /// The name [`Theme::parse`] reads, also the value of the root's `data-theme` attribute.
    pub fn key(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// How a widget instance is set up.
///
/// # Example
///
/// ```
/// use kra_kpi::ui::mount::{Storage, Theme};
/// use kra_kpi::WidgetOptions;
///
/// let options = WidgetOptions {
///     storage: Storage::Local("hr-portal:emp-1042".into()),
///     read_only: true,
///     ..WidgetOptions::default()
/// };
/// assert_eq!(options.theme, Theme::Auto);
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct WidgetOptions {
    /// Where the data is kept (default: localStorage under `kra-kpi:default`).
    pub storage: Storage,
    /// Saved-format JSON to start from. With localStorage it is used only when the key is empty.
    pub data: Option<String>,
    /// Start from this template when there is no data (see [`template::by_key`]).
    pub template: Option<String>,
    /// Show the scorecard without edit controls and write nothing.
    pub read_only: bool,
    /// The colour scheme.
    pub theme: Theme,
    /// Overrides today's date (tests, demos); `None` uses the browser clock.
    pub today: Option<Date>,
    /// The widget's BCP 47 language tag (`lang` on its root), for screen readers' pronunciation
    /// and the browser's date fields, and how numbers are written (`5,00,000` in `en-IN`; see
    /// `ui::number_format`). Without it, the browser's own locale.
    pub locale: Option<String>,
    /// Read-only share links for this page: the widget offers to make `<page>#share=…` links,
    /// and when the page's address has one it shows that snapshot, read-only and saving
    /// nothing, instead of the saved scorecard. For the stand-alone page; off by default, since
    /// a host page's address and fragment are its own.
    pub share_links: bool,
}

impl Default for WidgetOptions {
    fn default() -> Self {
        WidgetOptions {
            storage: Storage::Local(DEFAULT_KEY.to_owned()),
            data: None,
            template: None,
            read_only: false,
            theme: Theme::Auto,
            today: None,
            locale: None,
            share_links: false,
        }
    }
}

/// Why a widget could not be mounted. Nothing in the page was changed.
#[derive(Clone, Debug, PartialEq)]
pub enum MountError {
    /// The `data` option is not a scorecard this version can read.
    InvalidData(DecodeError),
    /// No template has this key.
    UnknownTemplate(String),
    /// The element cannot hold a shadow root (for example `<input>`), or already holds one
    /// that is not the widget's.
    CannotHost(String),
}

impl fmt::Display for MountError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            MountError::InvalidData(e) => write!(f, "the data option was refused: {e}"),
            MountError::UnknownTemplate(key) => {
                write!(
                    f,
                    "there is no template \"{key}\"; the templates are: {}",
                    template::keys().collect::<Vec<_>>().join(", ")
                )
            }
            MountError::CannotHost(tag) => {
                write!(f, "a <{tag}> element cannot hold the widget; use a <div> or another container element")
            }
        }
    }
}

impl std::error::Error for MountError {}

/// A mounted widget. Dropping it leaves the widget on screen; [`Mounted::destroy`] removes it.
pub struct Mounted {
    state: AppState,
    owner: Owner,
    root: web_sys::HtmlElement,
    view: Option<Box<dyn Any>>,
}

/// The attribute on an element's shadow root container that marks it as the widget's own, so
/// a remount after `destroy` reuses the shadow root it left.
pub(crate) const ROOT_CLASS: &str = "kk-root";

/// Mounts a widget into `host`, inside a shadow root so the page's CSS and the widget's do not
/// meet. The widget's stylesheet is the caller's to adopt into `host.shadowRoot` (the
/// JavaScript entry point shares one constructed sheet between all widgets). Each call creates
/// an independent instance with its own state, so several widgets on one page (with different
/// storage keys) never share anything.
///
/// The options are checked first: on an error nothing in the page has changed.
pub fn mount(host: web_sys::HtmlElement, options: WidgetOptions) -> Result<Mounted, MountError> {
    let data = match &options.data {
        Some(text) => Some(decode_saved(text).map_err(MountError::InvalidData)?.framework),
        None => None,
    };
    let template = match &options.template {
        Some(key) => Some(template::by_key(key).ok_or_else(|| MountError::UnknownTemplate(key.clone()))?),
        None => None,
    };
    let root = shadow_container(&host)?;
    root.set_attribute("data-theme", options.theme.key()).ok();
    if let Some(lang) = &options.locale {
        root.set_attribute("lang", lang).ok();
    }
    super::number_format::use_locale(options.locale.as_deref());

    let slot = Rc::new(Cell::new(None::<(AppState, Owner)>));
    let out = slot.clone();
    // A share link in the page's address is shown instead of the saved data, which is then
    // neither read nor written (see `ui::share`).
    let share_hash = options
        .share_links
        .then(|| web_sys::window().and_then(|w| w.location().hash().ok()))
        .flatten()
        .filter(|hash| is_share_fragment(hash));
    let view = leptos::mount::mount_to(root.clone(), move || {
        let opened = match (&options.storage, &share_hash) {
            (_, Some(_)) => Persistence::detached(),
            (Storage::Local(key), None) => Persistence::open(key),
            (Storage::None, None) => Persistence::detached(),
        };
        let Opened { mut framework, persistence, notice, read_only, list } = opened;
        let empty = framework.kras().is_empty() && notice.is_none();
        if let (true, Some(start), None) = (empty, data.or(template), &share_hash) {
            framework = start;
        }
        let state = AppState::new(framework, options.today.unwrap_or_else(today), persistence);
        state.notice.set(notice);
        state.read_only.set(read_only);
        state.host_read_only.set(options.read_only || share_hash.is_some());
        state.share_links.set(options.share_links);
        if let Some(hash) = share_hash.clone() {
            if let Storage::Local(key) = &options.storage {
                state.home_key.set_value(Some(key.clone()));
            }
            super::share::open_link(state, hash);
        }
        if let Some((index, card)) = list {
            state.scorecards.set(Some(index));
            state.card.set(Some(card));
        }
        out.set(Some((state, Owner::current().expect("mount_to runs its view under an owner"))));
        view! { <App state=state /> }
    });
    let (state, owner) = slot.take().expect("the mount closure runs synchronously");
    Ok(Mounted { state, owner, root, view: Some(Box::new(view)) })
}

/// The widget's container in `host`'s shadow root, made (or emptied) for a new mount.
fn shadow_container(host: &web_sys::HtmlElement) -> Result<web_sys::HtmlElement, MountError> {
    let cannot = || MountError::CannotHost(host.tag_name().to_ascii_lowercase());
    let shadow = match host.shadow_root() {
        Some(shadow) => {
            let ours = shadow.first_element_child().is_some_and(|e| e.class_list().contains(ROOT_CLASS));
            if !ours && shadow.child_element_count() > 0 {
                return Err(cannot());
            }
            shadow.set_inner_html("");
            shadow
        }
        None => {
            host.attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open)).map_err(|_| cannot())?
        }
    };
    let document = host.owner_document().ok_or_else(cannot)?;
    let root: web_sys::HtmlElement = document.create_element("div").map_err(|_| cannot())?.unchecked_into();
    root.set_class_name(ROOT_CLASS);
    shadow.append_child(&root).map_err(|_| cannot())?;
    Ok(root)
}

/// Why [`Mounted::set_data`] refused data. The widget's data is unchanged.
#[derive(Clone, Debug, PartialEq)]
pub enum SetDataError {
    /// The text is not a scorecard this version can read.
    Invalid(DecodeError),
    /// The saved data under the widget's key is protected (newer or unreadable), so the
    /// widget does not replace it; the banner says why.
    Protected,
}

impl fmt::Display for SetDataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SetDataError::Invalid(e) => write!(f, "the data was refused: {e}"),
            SetDataError::Protected => {
                f.write_str("the saved data under this widget's storage key is protected (see the widget's notice), so it was not replaced")
            }
        }
    }
}

impl std::error::Error for SetDataError {}

impl Drop for Mounted {
    fn drop(&mut self) {
        // Dropping the handle is not a request to unmount: the widget stays on screen and
        // keeps saving (its listeners are removed only by `destroy`).
        if let Some(view) = self.view.take() {
            std::mem::forget(view);
        }
    }
}

impl Mounted {
    /// The widget's state (read the framework and scores; send edits through `commit`).
    pub fn state(&self) -> AppState {
        self.state
    }

    /// The element inside the shadow root that holds the widget.
    pub fn root(&self) -> &web_sys::HtmlElement {
        &self.root
    }

    /// The whole scorecard in the saved format (the same JSON localStorage holds).
    pub fn data(&self) -> String {
        self.state.framework.with_untracked(encode)
    }

    /// Replaces the scorecard with saved-format JSON, after the same checks a load makes, as if
    /// a different scorecard were opened (nothing before it can be undone). Editable: saved.
    /// Read-only: shown, never saved.
    pub fn set_data(&self, text: &str) -> Result<(), SetDataError> {
        let framework = decode_saved(text).map_err(SetDataError::Invalid)?.framework;
        let state = self.state;
        if state.read_only.with_untracked(Option::is_some) {
            return Err(SetDataError::Protected);
        }
        state.replace_by_host(framework, !state.host_read_only.get_untracked());
        Ok(())
    }

    /// Turns the host's read-only view on or off. Protection of unreadable or newer saved data
    /// stays whatever this says.
    pub fn set_read_only(&self, read_only: bool) {
        self.state.host_read_only.set(read_only);
        if !read_only {
            // Edits made before (an upgraded save, another tab's data) may now be written.
            super::persistence::schedule_save(self.state);
        }
    }

    /// Switches the colour scheme.
    pub fn set_theme(&self, theme: Theme) {
        self.root.set_attribute("data-theme", theme.key()).ok();
    }

    /// The current notice about the saved data, if any (storage problems, refused data).
    pub fn notice(&self) -> Option<Notice> {
        self.state.notice.get_untracked()
    }

    /// Calls `f` with every new notice about the saved data (not the one shown at mount: read
    /// that with [`Mounted::notice`]). Stops when the widget is destroyed.
    pub fn watch_notices(&self, f: impl Fn(&Notice) + 'static) {
        let notice = self.state.notice;
        self.owner.with(|| {
            watch(
                move || notice.get(),
                move |n, _| {
                    if let Some(n) = n {
                        f(n);
                    }
                },
                false,
            );
        });
    }

    /// Saves what is unsaved, then unmounts the view and removes its listeners. Nothing is
    /// written after this returns.
    pub fn destroy(&mut self) {
        if let Some(view) = self.view.take() {
            flush(self.state);
            self.state.set_listener(None);
            drop(view);
            self.root.remove();
        }
    }

    /// Whether [`Mounted::destroy`] has run.
    pub fn is_destroyed(&self) -> bool {
        self.view.is_none()
    }

    /// The framework shown.
    pub fn framework(&self) -> Framework {
        self.state.framework.get_untracked()
    }
}

//! The object `mount()` hands to JavaScript: read and replace the data, read the scores, switch
//! read-only and theme, and unmount. Events go out through one `emit(type, detail)` callback,
//! which the JavaScript entry point turns into DOM events.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::options;
use super::scores::scores_json;
use crate::ui::mount::{self, Mounted, SetDataError, Theme};
use crate::ui::notice::Notice;
use crate::ui::state::Change;

/// A widget mounted from JavaScript. Made by [`mount_widget`].
#[wasm_bindgen]
pub struct Widget {
    mounted: Mounted,
    emit: Rc<js_sys::Function>,
}

/// A JavaScript `Error` with a stable `code` property beside the readable message.
fn error(code: &str, message: &str) -> JsValue {
    let e = js_sys::Error::new(message);
    let _ = js_sys::Reflect::set(&e, &"code".into(), &code.into());
    e.into()
}

fn json(value: &serde_json::Value) -> JsValue {
    js_sys::JSON::parse(&value.to_string()).unwrap_or(JsValue::NULL)
}

fn send(emit: &js_sys::Function, kind: &str, detail: &serde_json::Value) {
    // A host listener that throws must not break the widget.
    let _ = emit.call2(&JsValue::NULL, &kind.into(), &json(detail));
}

fn error_detail(code: &str, message: &str) -> serde_json::Value {
    serde_json::json!({ "code": code, "message": message })
}

fn notice_detail(notice: &Notice) -> Option<serde_json::Value> {
    notice.code().map(|code| error_detail(code, &notice.text()))
}

/// The `change` event's detail. The scores are added by the JavaScript entry point as a lazy
/// property (`widget.scores()` on first read), so an edit costs nothing more when no one reads
/// them.
fn change_detail(change: &Change) -> serde_json::Value {
    serde_json::json!({
        "source": change.source.key(),
        "kind": change.kind,
        "description": change.description,
    })
}

/// Mounts a widget into `host` (inside a shadow root) with the options object of the
/// JavaScript API, and sends its events to `emit(type, detail)`: `"change"` after every
/// committed change, `"error"` for problems with the saved data, and `"ready"` (with any
/// problem found while opening) once the caller has had a turn to add listeners.
///
/// Throws an `Error` with a `code` (`"invalid-option"`, `"invalid-data"`, `"unknown-template"`,
/// `"cannot-host"`) when the options are refused; then nothing in the page has changed.
#[wasm_bindgen(js_name = mountWidget)]
pub fn mount_widget(host: web_sys::HtmlElement, options: JsValue, emit: js_sys::Function) -> Result<Widget, JsValue> {
    let options = options::parse(&options).map_err(|e| error("invalid-option", &e.to_string()))?;
    let mounted = mount::mount(host, options).map_err(|e| {
        let code = match e {
            mount::MountError::InvalidData(_) => "invalid-data",
            mount::MountError::UnknownTemplate(_) => "unknown-template",
            mount::MountError::CannotHost(_) => "cannot-host",
        };
        error(code, &e.to_string())
    })?;
    let emit = Rc::new(emit);
    let state = mounted.state();
    let sink = emit.clone();
    state.set_listener(Some(Rc::new(move |change: &Change| send(&sink, "change", &change_detail(change)))));
    let sink = emit.clone();
    mounted.watch_notices(move |notice| {
        if let Some(detail) = notice_detail(notice) {
            send(&sink, "error", &detail);
        }
    });
    // `ready` (and a problem found while opening) after the caller's own code has run, so
    // listeners added right after `mount()` returns hear them.
    let opening = mounted.notice().as_ref().and_then(notice_detail);
    let sink = emit.clone();
    leptos::prelude::set_timeout(
        move || {
            if let Some(detail) = &opening {
                send(&sink, "error", detail);
            }
            send(&sink, "ready", &serde_json::json!({ "apiVersion": super::API_VERSION }));
        },
        std::time::Duration::ZERO,
    );
    Ok(Widget { mounted, emit })
}

#[wasm_bindgen]
impl Widget {
    fn live(&self) -> Result<&Mounted, JsValue> {
        if self.mounted.is_destroyed() {
            Err(error("destroyed", "this widget was destroyed; mount a new one"))
        } else {
            Ok(&self.mounted)
        }
    }

    /// The whole scorecard as saved-format JSON text (what localStorage holds).
    #[wasm_bindgen(js_name = getData)]
    pub fn get_data(&self) -> Result<String, JsValue> {
        Ok(self.live()?.data())
    }

    /// Replaces the scorecard with saved-format JSON (text or an object). Refused data throws
    /// an `Error` with a `code` and emits `error`; the scorecard is then unchanged.
    #[wasm_bindgen(js_name = setData)]
    pub fn set_data(&self, data: JsValue) -> Result<(), JsValue> {
        let mounted = self.live()?;
        let text = match data.as_string() {
            Some(text) => text,
            None => js_sys::JSON::stringify(&data).ok().and_then(|s| s.as_string()).unwrap_or_default(),
        };
        mounted.set_data(&text).map_err(|e| {
            let code = match e {
                SetDataError::Invalid(_) => "invalid-data",
                SetDataError::Protected => "protected",
            };
            let message = e.to_string();
            send(&self.emit, "error", &error_detail(code, &message));
            error(code, &message)
        })
    }

    /// The review period's scores: `{ period, overall, kras: [{ …, kpis: [...] }] }`.
    pub fn scores(&self) -> Result<JsValue, JsValue> {
        let state = self.live()?.state();
        Ok(json(&state.framework.with_untracked(|f| state.scorecard.with_untracked(|c| scores_json(f, c)))))
    }

    /// Turns the read-only view on or off.
    #[wasm_bindgen(js_name = setReadOnly)]
    pub fn set_read_only(&self, read_only: bool) -> Result<(), JsValue> {
        self.live()?.set_read_only(read_only);
        Ok(())
    }

    /// Whether the widget accepts edits now (false while read-only for any reason).
    #[wasm_bindgen(getter)]
    pub fn editable(&self) -> bool {
        self.live().is_ok_and(|m| m.state().editable_untracked())
    }

    /// Switches the colour scheme: `"light"`, `"dark"` or `"auto"`.
    #[wasm_bindgen(js_name = setTheme)]
    pub fn set_theme(&self, theme: &str) -> Result<(), JsValue> {
        let theme = Theme::parse(theme)
            .ok_or_else(|| error("invalid-option", "the theme must be \"light\", \"dark\" or \"auto\""))?;
        self.live()?.set_theme(theme);
        Ok(())
    }

    /// Saves what is unsaved, unmounts and removes every listener; nothing is written after.
    /// Calling it again does nothing.
    pub fn destroy(&mut self) {
        self.mounted.destroy();
    }
}

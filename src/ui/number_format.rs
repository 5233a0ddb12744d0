//! Numbers on screen as the widget's locale writes them, through the browser's own
//! `Intl.NumberFormat` (no formatting tables in the download).

use std::cell::Cell;

use js_sys::{Array, Function, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};

use crate::domain::format::{plain, set_number_format};

thread_local! {
    /// Whether a host page chose the page's number format with a `locale` option.
    static CHOSEN: Cell<bool> = const { Cell::new(false) };
}

/// Makes [`crate::domain::format::num`] write numbers as `locale` does (`"en-IN"`:
/// `5,00,000`), or as the browser's own locale does when `locale` is `None`.
///
/// A page has one number format: a widget mounted with a `locale` sets it for the page, and a
/// widget mounted without one leaves a chosen format alone. A locale the browser does not know
/// falls back to the browser's; without `Intl` at all, numbers stay [`plain`].
pub fn use_locale(locale: Option<&str>) {
    if locale.is_none() && CHOSEN.with(Cell::get) {
        return;
    }
    let Some(format) = formatter(locale).or_else(|| formatter(None)) else { return };
    CHOSEN.with(|c| c.set(c.get() || locale.is_some()));
    set_number_format(Some(Box::new(move |value| {
        format
            .call1(&JsValue::NULL, &JsValue::from_f64(value))
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| plain(value))
    })));
}

/// `new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format`, or `None` if the
/// browser refuses the locale (a `RangeError`) or has no `Intl`.
fn formatter(locale: Option<&str>) -> Option<Function> {
    let intl = Reflect::get(&js_sys::global(), &"Intl".into()).ok()?;
    let constructor: Function = Reflect::get(&intl, &"NumberFormat".into()).ok()?.dyn_into().ok()?;
    let locales = Array::new();
    if let Some(tag) = locale {
        locales.push(&tag.into());
    }
    let options = Object::new();
    Reflect::set(&options, &"maximumFractionDigits".into(), &2.into()).ok()?;
    let format = Reflect::construct(&constructor, &Array::of2(&locales, &options)).ok()?;
    Reflect::get(&format, &"format".into()).ok()?.dyn_into().ok()
}

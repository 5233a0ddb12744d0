//! Reading a file the user chose as text, without blocking the page.

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsValue;

/// Reads `file` as UTF-8 text and calls `done` with it, or with `None` when the browser could not
/// read it (removed, unreadable, permission lost).
///
/// `File.text()` is a promise; its outcome arrives in one of two one-shot callbacks, which stay
/// alive until it settles (the one not called is a few bytes, once per file).
pub fn read_text(file: &web_sys::File, done: impl FnOnce(Option<String>) + 'static) {
    let done = std::rc::Rc::new(std::cell::Cell::new(Some(done)));
    let on_fail = done.clone();
    let read = Closure::<dyn FnMut(JsValue)>::once(move |text: JsValue| {
        if let Some(done) = done.take() {
            done(text.as_string());
        }
    });
    let failed = Closure::<dyn FnMut(JsValue)>::once(move |_: JsValue| {
        if let Some(done) = on_fail.take() {
            done(None);
        }
    });
    let _ = file.text().then2(&read, &failed);
    read.forget();
    failed.forget();
}

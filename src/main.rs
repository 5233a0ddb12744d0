//! The binary Trunk builds: the library's WebAssembly exports, nothing more.
//!
//! Pages start the widget from JavaScript (`js/kra-kpi.js`'s `mount()` or the
//! `<kra-kpi-scorecard>` element); the stand-alone page does the same in `js/app.js`. Nothing
//! mounts itself on load, so a host page decides where the widget goes.

// Links the library, whose `#[wasm_bindgen]` items are the module's exports.
use kra_kpi as _;

fn main() {}

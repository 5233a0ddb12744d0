//! Lower-casing by Unicode's rules, for matching names whatever their case: the browser's own
//! in the widget, the standard library's in native tests and tools.
//!
//! Why not `str::to_lowercase` everywhere: it carries Unicode's lower-case table, 11.7 KB of
//! data that every host page would download (about 4.3 KiB gzipped, plus 3 KB of code), while
//! the browser already has the same table behind `String.prototype.toLowerCase`. Both follow
//! Unicode's default case mapping, final sigma included.

/// `text` in lower case, as `str::to_lowercase` gives it.
///
/// Text that is all ASCII, as most names are, is lowered in place of a call into JavaScript.
///
/// # Example
///
/// ```
/// use kra_kpi::case::lowercase;
///
/// assert_eq!(lowercase("  Leads CONVERTED "), "  leads converted ");
/// assert_eq!(lowercase("ÜBERSTUNDEN"), "überstunden");
/// assert_eq!(lowercase("ΟΔΟΣ"), "οδος");
/// ```
pub fn lowercase(text: &str) -> String {
    if text.is_ascii() {
        return text.to_ascii_lowercase();
    }
    unicode_lowercase(text)
}

#[cfg(target_arch = "wasm32")]
fn unicode_lowercase(text: &str) -> String {
    js_sys::JsString::from(text).to_lower_case().into()
}

#[cfg(not(target_arch = "wasm32"))]
fn unicode_lowercase(text: &str) -> String {
    text.to_lowercase()
}

#[cfg(test)]
mod tests {
    use super::lowercase;

    #[test]
    fn lowers_as_the_standard_library_does() {
        for text in ["", "KPI", "Leads converted", "ÜBERSTUNDEN", "ΟΔΟΣ Σ", "İstanbul", "Ǆemal", "ＡＢＣ"] {
            assert_eq!(lowercase(text), text.to_lowercase(), "{text}");
        }
    }
}

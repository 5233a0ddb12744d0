//! Handing text to the user as a downloaded file.

use wasm_bindgen::JsCast;

/// The media type of a JSON download.
pub const JSON: &str = "application/json";
/// The media type of a CSV download (UTF-8, as the exports write it).
pub const CSV: &str = "text/csv;charset=utf-8";

/// Offers `text` as a download named `file_name`, of media type `mime` (see [`JSON`], [`CSV`]).
/// False if the browser refused (no document, blobs disabled): the caller's data is untouched
/// either way, and it can tell the user.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> bool {
    let parts = js_sys::Array::of1(&text.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).is_ok_and(|blob| download_blob(file_name, &blob))
}

/// Offers `blob` to the user as a file called `file_name`; false if the browser refused.
pub fn download_blob(file_name: &str, blob: &web_sys::Blob) -> bool {
    try_download_blob(file_name, blob).is_some()
}

fn try_download_blob(file_name: &str, blob: &web_sys::Blob) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let url = web_sys::Url::create_object_url_with_blob(blob).ok()?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a").ok()?.dyn_into().ok()?;
    link.set_href(&url);
    link.set_download(file_name);
    link.click();
    // Revoked a little later: some browsers start reading the blob only after the click returns.
    leptos::prelude::set_timeout(
        move || drop(web_sys::Url::revoke_object_url(&url)),
        std::time::Duration::from_secs(10),
    );
    Some(())
}

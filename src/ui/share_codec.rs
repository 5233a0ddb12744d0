//! Compressing a share link's payload with the browser's own `CompressionStream` (raw DEFLATE),
//! so share links cost no compression code in the wasm.
//!
//! web-sys marks `CompressionStream` unstable (a build-wide `--cfg` flag), so the two classes
//! are bound here directly; they are in every current browser.

use js_sys::{Array, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    /// `CompressionStream` or `DecompressionStream`: both are a readable and a writable side.
    type CodecStream;

    #[wasm_bindgen(catch, constructor, js_class = "CompressionStream")]
    fn new_compression(format: &str) -> Result<CodecStream, JsValue>;

    #[wasm_bindgen(catch, constructor, js_class = "DecompressionStream")]
    fn new_decompression(format: &str) -> Result<CodecStream, JsValue>;

    #[wasm_bindgen(method, getter)]
    fn readable(this: &CodecStream) -> web_sys::ReadableStream;

    #[wasm_bindgen(method, getter)]
    fn writable(this: &CodecStream) -> web_sys::WritableStream;
}

/// The format both directions use.
const FORMAT: &str = "deflate-raw";

/// `text` compressed, or `None` when the browser has no `CompressionStream` or it failed.
pub async fn compress(text: &str) -> Option<Vec<u8>> {
    let blob = web_sys::Blob::new_with_str_sequence(&Array::of1(&text.into())).ok()?;
    let stream = CodecStream::new_compression(FORMAT).ok()?;
    let bytes = read_all(blob.stream(), &stream, false).await?;
    bytes.dyn_into::<js_sys::ArrayBuffer>().map(|b| Uint8Array::new(&b).to_vec()).ok()
}

/// `bytes` decompressed as UTF-8 text, or `None` when they are not raw DEFLATE (a changed or
/// cut-off link) or the browser cannot decompress.
pub async fn decompress(bytes: &[u8]) -> Option<String> {
    let array = Uint8Array::from(bytes);
    let blob = web_sys::Blob::new_with_u8_array_sequence(&Array::of1(&array)).ok()?;
    let stream = CodecStream::new_decompression(FORMAT).ok()?;
    read_all(blob.stream(), &stream, true).await?.as_string()
}

/// Pipes `source` through `codec` and reads the result whole: as text, or as an `ArrayBuffer`.
async fn read_all(source: web_sys::ReadableStream, codec: &CodecStream, as_text: bool) -> Option<JsValue> {
    let pair = web_sys::ReadableWritablePair::new(&codec.readable(), &codec.writable());
    let output = source.pipe_through(&pair);
    let response = web_sys::Response::new_with_opt_readable_stream(Some(&output)).ok()?;
    let promise = if as_text { response.text() } else { response.array_buffer() }.ok()?;
    // A damaged stream rejects the promise: that is `None`, never a panic.
    JsFuture::from(promise).await.ok()
}

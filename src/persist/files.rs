//! Files the user downloads. One of the two modules of `persist` that touch the browser.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

/// Offers `text` as a download named `file_name`. Returns a message when the browser refuses.
pub fn download_text(file_name: &str, mime: &str, text: &str) -> Result<(), String> {
    download_parts(
        file_name,
        mime,
        &js_sys::Array::of1(&JsValue::from_str(text)),
    )
}

/// Offers `bytes` (an .xlsx) as a download named `file_name`.
pub fn download_bytes(file_name: &str, mime: &str, bytes: &[u8]) -> Result<(), String> {
    let array = js_sys::Uint8Array::from(bytes);
    download_parts(file_name, mime, &js_sys::Array::of1(&array))
}

/// Offers the blob made of `parts` as a download.
fn download_parts(file_name: &str, mime: &str, parts: &js_sys::Array) -> Result<(), String> {
    let fail = |e: JsValue| format!("{e:?}");
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(parts, &options).map_err(fail)?;
    let url = Url::create_object_url_with_blob(&blob).map_err(fail)?;
    let anchor: HtmlAnchorElement = document
        .create_element("a")
        .map_err(fail)?
        .dyn_into()
        .map_err(|_| "not an anchor".to_string())?;
    anchor.set_href(&url);
    anchor.set_download(file_name);
    anchor.click();
    // Revoking at once can cancel the download in some browsers; give it a moment.
    gloo::timers::callback::Timeout::new(2_000, move || {
        let _ = Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

//! Files of `dist/` the page reaches at run time: the ones the build names in a `<meta>` of
//! `index.html` (the import worker, the catalogues), read by [`named_file`], and plain text
//! fetched from beside the page ([`fetch_text`]: the catalogues, `embed.json`).

use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The file `<meta name="{meta}">` names when it is a plain `./name{extension}` beside
/// `index.html` (see [`is_plain_file_name`]); otherwise `fallback`.
pub fn named_file(meta: &str, extension: &str, fallback: &str) -> String {
    let named = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| {
            d.query_selector(&format!("meta[name={meta}]"))
                .ok()
                .flatten()
        })
        .and_then(|m| m.get_attribute("content"));
    match named {
        Some(name) if is_plain_file_name(&name, extension) => name,
        _ => fallback.to_string(),
    }
}

/// `./<name><extension>` with a name of letters, digits, `-`, `_` and `.` only, not starting
/// with `.`: a file beside `index.html`, as the build names it in a meta.
pub fn is_plain_file_name(name: &str, extension: &str) -> bool {
    name.strip_prefix("./")
        .and_then(|n| n.strip_suffix(extension))
        .is_some_and(|n| {
            !n.is_empty()
                && !n.starts_with('.')
                && n.chars()
                    .all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'))
        })
}

/// The body of `url` (relative to the page) as text; the error says why not (English,
/// technical: the HTTP status or the browser's message).
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let window = web_sys::window().ok_or("no window")?;
    let response: web_sys::Response = JsFuture::from(window.fetch_with_str(url))
        .await
        .map_err(describe_js)?
        .dyn_into()
        .map_err(describe_js)?;
    if !response.ok() {
        return Err(format!("{url}: HTTP {}", response.status()));
    }
    let text = JsFuture::from(response.text().map_err(describe_js)?)
        .await
        .map_err(describe_js)?;
    text.as_string().ok_or_else(|| format!("{url}: not text"))
}

/// A thrown JavaScript value as text: an `Error`'s message, a string, or a generic phrase.
pub fn describe_js(value: JsValue) -> String {
    value
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| value.as_string())
        .unwrap_or_else(|| "the browser refused".to_string())
}

/// `name` without the characters file systems refuse (`/ \ : * ? " < > |` and control
/// characters), at most 40 characters: the part of a download's file name taken from data.
pub fn safe_name(name: &str) -> String {
    name.chars()
        .filter(|c| !matches!(c, '/' | '\\' | ':' | '*' | '?' | '"' | '<' | '>' | '|'))
        .filter(|c| !c.is_control())
        .take(40)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::{is_plain_file_name, safe_name};

    #[test]
    fn a_name_from_data_loses_what_file_systems_refuse() {
        assert_eq!(
            safe_name("国网/广东:电力*有限?公司\"<>|\n"),
            "国网广东电力有限公司"
        );
        assert_eq!(safe_name(&"长".repeat(50)).chars().count(), 40);
    }

    #[test]
    fn only_plain_relative_file_names_are_used() {
        assert!(is_plain_file_name(
            "./import-worker-0123abcd_loader.js",
            ".js"
        ));
        assert!(is_plain_file_name("./i18n-zh-CN-0123abcd.json", ".json"));
        assert!(!is_plain_file_name("./i18n-zh-CN-0123abcd.json", ".js"));
        for bad in [
            "import-worker_loader.js",
            "./../x.js",
            "https://evil.example/x.js",
            "./.js",
            "./a/b.js",
            "./x.mjs",
            "javascript:alert(1)//.js",
        ] {
            assert!(!is_plain_file_name(bad, ".js"), "{bad}");
        }
    }
}

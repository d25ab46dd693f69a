//! The way out when the app itself fails. The release build aborts on a panic (`panic =
//! "abort"`), which leaves the wasm module dead: no button of the app works any more, including
//! the export. So a panic hook, installed at start-up, builds a recovery banner with plain DOM
//! calls while it still runs — the message in the current language, a download link of the open
//! workspace as the usual workspace file (a Blob URL on an `<a download>`, which the browser
//! follows without any of our code), and a link that reloads the page. No inline handlers or
//! style attributes: the page runs under a strict CSP, and the classes live in
//! `styles/recovery.css`.
//!
//! The hook reads only a snapshot of the open workspace (an `Rc`, replaced whenever the open
//! workspace changes) and the language, kept here in thread-locals and read with `try_borrow`,
//! so it never depends on the state that panicked.
//!
//! For the browser tests, a panic can be triggered in the release build: with `e2e-panic` in the
//! page's query string (and only then) the app listens for the window event [`E2E_PANIC_EVENT`]
//! and panics when it arrives. No user-facing control exists.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, Document, Element, HtmlAnchorElement, Url};

use super::i18n::{I18n, Lang};
use crate::domain::workspace::Workspace;
use crate::persist::envelope;

/// The window event that makes the app panic, listened to only with `e2e-panic` in the URL.
pub const E2E_PANIC_EVENT: &str = "kam-e2e-panic";

/// The id of the recovery banner (one per page).
const BANNER_ID: &str = "kam-recovery";

thread_local! {
    static SNAPSHOT: RefCell<Option<Rc<Workspace>>> = const { RefCell::new(None) };
    static LANG: Cell<Lang> = const { Cell::new(Lang::ZhCn) };
}

/// Remembers the open workspace for the recovery banner (a cheap `Rc` clone).
pub fn remember_workspace(ws: Rc<Workspace>) {
    let _ = SNAPSHOT.try_with(|s| {
        if let Ok(mut s) = s.try_borrow_mut() {
            *s = Some(ws);
        }
    });
}

/// Remembers the interface language for the recovery banner.
pub fn remember_lang(lang: Lang) {
    let _ = LANG.try_with(|l| l.set(lang));
}

fn snapshot() -> Option<Rc<Workspace>> {
    SNAPSHOT
        .try_with(|s| s.try_borrow().ok().and_then(|s| s.clone()))
        .ok()
        .flatten()
}

fn lang() -> Lang {
    LANG.try_with(Cell::get).unwrap_or(Lang::ZhCn)
}

/// Installs the panic hook (in the browser only): the panic's message and stack go to the console
/// as before, then the recovery banner is shown.
pub fn install() {
    #[cfg(target_arch = "wasm32")]
    {
        // Through Yew, which otherwise replaces any hook with its own when the app mounts.
        yew::set_custom_panic_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            show_banner();
        }));
        listen_for_e2e_panic();
    }
}

/// Shows the recovery banner on the page (once); does nothing without a document.
pub fn show_banner() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(BANNER_ID).is_some() {
        return;
    }
    let ws = snapshot();
    let now = js_sys::Date::now() as i64;
    if let Ok(banner) = build_banner(&document, ws.as_deref(), lang(), now) {
        if let Some(body) = document.body() {
            let _ = body.append_child(&banner);
        }
    }
}

/// Builds the recovery banner (not yet in the page): the message, a download link of `ws` as a
/// workspace file exported at `now_ms` (a note instead when there is none or it cannot be
/// made), and a reload link.
pub fn build_banner(
    document: &Document,
    ws: Option<&Workspace>,
    lang: Lang,
    now_ms: i64,
) -> Result<Element, JsValue> {
    let i18n = I18n { lang };
    let banner = document.create_element("div")?;
    banner.set_id(BANNER_ID);
    banner.set_class_name("recovery-banner");
    banner.set_attribute("role", "alert")?;
    banner.set_attribute("data-testid", "recovery-banner")?;
    banner.set_attribute("lang", lang.tag())?;

    let message = document.create_element("p")?;
    message.set_class_name("recovery-text");
    message.set_text_content(Some(i18n.t("recovery.message")));
    banner.append_child(&message)?;

    let actions = document.create_element("div")?;
    actions.set_class_name("recovery-actions");
    match ws.map(|ws| export_link(document, ws, &i18n, now_ms)) {
        Some(Ok(link)) => {
            actions.append_child(&link)?;
        }
        _ => {
            let note = document.create_element("p")?;
            note.set_class_name("recovery-note");
            note.set_text_content(Some(i18n.t("recovery.no_export")));
            banner.append_child(&note)?;
        }
    }
    let reload: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    reload.set_class_name("button recovery-reload");
    reload.set_href(&reload_url(document));
    reload.set_attribute("data-testid", "recovery-reload")?;
    reload.set_text_content(Some(i18n.t("recovery.reload")));
    actions.append_child(&reload)?;
    banner.append_child(&actions)?;
    Ok(banner)
}

/// `<a download href="blob:…">` holding `ws` as the usual workspace file.
fn export_link(
    document: &Document,
    ws: &Workspace,
    i18n: &I18n,
    now_ms: i64,
) -> Result<Element, JsValue> {
    let text = envelope::to_json(ws, now_ms);
    let name = envelope::export_file_name(&ws.meta.name, now_ms);
    let parts = js_sys::Array::of1(&JsValue::from_str(&text));
    let options = BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = Url::create_object_url_with_blob(&blob)?;
    let link: HtmlAnchorElement = document.create_element("a")?.unchecked_into();
    link.set_class_name("button button-primary recovery-export");
    link.set_href(&url);
    link.set_download(&name);
    link.set_attribute("data-testid", "recovery-export")?;
    link.set_text_content(Some(i18n.t("recovery.export")));
    Ok(link.into())
}

/// The page's own address without its fragment: following it loads the page afresh (a link to
/// the same address with a fragment would only scroll).
fn reload_url(document: &Document) -> String {
    document
        .location()
        .and_then(|l| {
            Some(format!(
                "{}{}{}",
                l.origin().ok()?,
                l.pathname().ok()?,
                l.search().ok()?
            ))
        })
        .unwrap_or_else(|| "./".to_string())
}

/// With `e2e-panic` in the query string, panics when the window receives [`E2E_PANIC_EVENT`]:
/// the browser tests' way to see the recovery banner of the release build.
#[cfg(target_arch = "wasm32")]
fn listen_for_e2e_panic() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let enabled = window
        .location()
        .search()
        .is_ok_and(|q| q.contains("e2e-panic"));
    if enabled {
        gloo::events::EventListener::new(&window, E2E_PANIC_EVENT, |_| {
            panic!("panic requested by the {E2E_PANIC_EVENT} test event");
        })
        .forget();
    }
}

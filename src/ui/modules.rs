//! The app ships as two modules, two builds of the same code: the **first-load module**
//! (`src/main.rs`, `kam-planner-<hash>_bg.wasm`: the shell, the overview and Tool 1 — customers,
//! tiering, concentration) and the **tools module** (`src/tools.rs`, `kam-tools-<hash>_bg.wasm`:
//! the whole app). wasm-bindgen cannot split one wasm, so the first module leaves the other
//! tools' views out by never naming them ([`first_load_view`]), and the linker drops their code.
//!
//! Opening another tool in the first-load module hands the page over to the tools module: the
//! opening note ([`OpenTools`]) loads `<meta name="kam-tools">`'s script (written by the build,
//! `scripts/name-worker.mjs`), whose last line starts its wasm. Before it mounts, the tools
//! module calls the first module's `kamShell.handOver()` ([`install_shell`]): that writes any
//! pending change, unmounts the first module's app (its listeners go with it) and passes the
//! memory store's entries when browser storage is unavailable — the document is never lost.
//! When the last change cannot be written (storage full, an open conflict with another tab),
//! it declines: the first module stays, says why, and offers to try again. Undo history does
//! not cross over.

use std::cell::RefCell;
use std::collections::BTreeMap;

use gloo::timers::callback::Timeout;
use js_sys::{Function, Object, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

use super::app::App;
use super::i18n::{I18n, Lang};
use super::library::{use_library, Library, Notice};
use super::page_files::{describe_js, named_file};
use super::route::Route;
use super::views::concentration::ConcentrationView;
use super::views::customers::Customers;
use super::views::overview::Overview;
use super::views::tiering::TieringView;
use crate::persist::embed::Allowlist;
use crate::persist::envelope;
use crate::persist::library::{KeyValueStore, MemoryStore, Preserved};
use serde::{Deserialize, Serialize};

/// One build of the app: which views it shows itself, and what it does besides. The parts are
/// function pointers so that the tools module's build never names the hand-over code.
pub struct Module {
    /// `first-load` or `tools`, for messages and tests.
    pub id: &'static str,
    /// The view of a route (the first-load module shows [`OpenTools`] for the others).
    pub view: fn(Route) -> Html,
    /// Called with each render's library (the first module keeps it for the hand-over).
    pub keep: fn(&Library),
    /// Called once after the first render; what it returns lives as long as the app.
    pub after_start: fn() -> Option<Timeout>,
    /// Before mounting: whether another module on the page lets go ([`take_over`]).
    pub take_over: fn() -> TakeOver,
    /// At start: the language of the module this one takes over from, if any.
    pub first_lang: fn() -> Option<Lang>,
}

impl PartialEq for Module {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self, other)
    }
}

/// The views the first-load module carries; `index.html` lists the others in
/// `<meta name="kam-tools-routes">` (a test keeps the two in step).
pub const FIRST_LOAD_ROUTES: [Route; 4] = [
    Route::Overview,
    Route::Customers,
    Route::Tiering,
    Route::Concentration,
];

/// The shell, the overview and Tool 1.
pub static FIRST_LOAD: Module = Module {
    id: "first-load",
    view: first_load_view,
    keep: install_shell,
    after_start: schedule_prefetch,
    take_over: || TakeOver::Mount,
    first_lang: || None,
};

/// The whole app.
pub static TOOLS: Module = Module {
    id: "tools",
    view: tools_view,
    keep: |_| {},
    after_start: || None,
    take_over,
    first_lang: shell_lang,
};

/// The routes the tools module adds, in navigation order.
pub fn tools_routes() -> Vec<Route> {
    Route::ALL
        .into_iter()
        .filter(|r| !FIRST_LOAD_ROUTES.contains(r))
        .collect()
}

fn first_load_view(route: Route) -> Html {
    match route {
        Route::Overview => html! { <Overview /> },
        Route::Customers => html! { <Customers /> },
        Route::Tiering => html! { <TieringView /> },
        Route::Concentration => html! { <ConcentrationView /> },
        other => html! { <OpenTools route={other} /> },
    }
}

fn tools_view(route: Route) -> Html {
    use super::views::account::AccountView;
    use super::views::diagnosis::DiagnosisView;
    use super::views::engagement::EngagementView;
    use super::views::kpi::KpiView;
    use super::views::ltc::LtcView;
    use super::views::mcr::McrView;
    use super::views::portfolio::PortfolioView;
    use super::views::report::ReportView;
    use super::views::rhythm::RhythmView;
    use super::views::roles::RolesView;
    use super::views::talent::TalentView;
    use super::views::team::TeamView;
    match route {
        Route::Overview => html! { <Overview /> },
        Route::Diagnosis => html! { <DiagnosisView /> },
        Route::Customers => html! { <Customers /> },
        Route::Tiering => html! { <TieringView /> },
        Route::Concentration => html! { <ConcentrationView /> },
        Route::Portfolio => html! { <PortfolioView /> },
        Route::Team => html! { <TeamView /> },
        Route::Roles => html! { <RolesView /> },
        Route::Talent => html! { <TalentView /> },
        Route::Rhythm => html! { <RhythmView /> },
        Route::Engagement => html! { <EngagementView /> },
        Route::Ltc => html! { <LtcView /> },
        Route::Kpi => html! { <KpiView /> },
        Route::Mcr => html! { <McrView /> },
        Route::Account => html! { <AccountView /> },
        Route::Report => html! { <ReportView /> },
    }
}

/// Where a hand-over stands, as the opening note shows it.
#[derive(Clone, Debug, PartialEq)]
pub enum Opening {
    /// The tools module is being fetched and started.
    Loading,
    /// It could not be loaded or started (English, technical detail).
    Failed(String),
    /// The first module declined: its last change is not written.
    Unsaved,
}

thread_local! {
    /// The mounted app, so that a hand-over can unmount it.
    static MOUNTED: RefCell<Option<yew::AppHandle<App>>> = const { RefCell::new(None) };
    /// The first module's workspace operations, as of its last render.
    static SHELL: RefCell<Option<Library>> = const { RefCell::new(None) };
    /// The opening note's way to show how the hand-over goes.
    static NOTE: RefCell<Option<Callback<Opening>>> = const { RefCell::new(None) };
    /// The portal allowlist, once read (first module: to hand it over).
    static ORIGINS: RefCell<Option<Vec<String>>> = const { RefCell::new(None) };
    /// What the first module handed over (tools module only).
    static HANDED: RefCell<Option<Handed>> = const { RefCell::new(None) };
}

/// What crosses from the first module to the tools module besides storage itself.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Handed {
    /// The memory store's entries, when browser storage is unavailable.
    pub store: Option<BTreeMap<String, String>>,
    /// The "opened after repairs" notices: the repaired copy is written by then, so the tools
    /// module would not find the repairs again; it reads them from the preserved raw text.
    pub repaired: Vec<HandedRepair>,
    /// The origins of `embed.json`, when the first module had read it: the tools module answers
    /// the host from its first render on, with no gap in which a message goes unheard.
    pub origins: Option<Vec<String>>,
}

/// One [`Notice::Repaired`] as handed over: the workspace's name and where its raw text is
/// kept. The load path is a function of the text, so reading it again gives the same repairs.
#[derive(Debug, Serialize, Deserialize)]
pub struct HandedRepair {
    /// The workspace's name.
    pub name: String,
    /// The key of the preserved raw text.
    pub preserved: String,
}

/// Keeps the mounted app for a later hand-over.
pub fn remember_mounted(app: yew::AppHandle<App>) {
    MOUNTED.with(|m| *m.borrow_mut() = Some(app));
}

/// The name of the first module's hand-over object on `window`.
const SHELL_KEY: &str = "kamShell";
/// The event the tools script dispatches on `window` when its wasm cannot start.
pub const FAILED_EVENT: &str = "kam-tools-failed";
/// The tools module's retry function on `window`, set when the first module declined.
const RETRY_KEY: &str = "kamToolsMount";

/// First module: keeps `library` for the hand-over; puts `kamShell.handOver` on `window` once,
/// and `kamShell.lang`, the language shown, with each render.
pub fn install_shell(library: &Library) {
    let first = SHELL.with(|s| s.borrow_mut().replace(library.clone()).is_none());
    let Some(window) = web_sys::window() else {
        return;
    };
    if first {
        // Owned by JavaScript for the life of the page: it unmounts the app that installed it,
        // so it must not be dropped with it.
        let hand_over = Closure::<dyn Fn() -> JsValue>::new(hand_over).into_js_value();
        let shell = Object::new();
        let _ = Reflect::set(&shell, &"handOver".into(), &hand_over);
        let _ = Reflect::set(&window, &SHELL_KEY.into(), &shell);
    }
    if let Ok(shell) = Reflect::get(&window, &SHELL_KEY.into()) {
        let _ = Reflect::set(&shell, &"lang".into(), &library.i18n.lang.tag().into());
    }
}

/// Tools module, at start: the language the first module shows, so that the same catalogue is
/// fetched (its memory store, which may hold the choice, is handed over only at mounting).
fn shell_lang() -> Option<Lang> {
    let window = web_sys::window()?;
    let shell = Reflect::get(&window, &SHELL_KEY.into()).ok()?;
    let tag = Reflect::get(&shell, &"lang".into()).ok()?.as_string()?;
    Lang::from_tag(&tag)
}

/// First module, called by the tools module just before it mounts: `false` to decline, else
/// [`Handed`] as JSON.
fn hand_over() -> JsValue {
    let Some(library) = SHELL.with(|s| s.borrow().clone()) else {
        return JsValue::NULL;
    };
    if library.saver.unsaved_after_flush() {
        show(Opening::Unsaved);
        return JsValue::FALSE;
    }
    let handed = Handed {
        store: (!library.persistent).then(|| store_entries(library.store.as_ref())),
        repaired: library
            .notices
            .0
            .iter()
            .filter_map(|n| match n {
                Notice::Repaired {
                    name,
                    preserved: Preserved::As(key),
                    ..
                } => Some(HandedRepair {
                    name: name.clone(),
                    preserved: key.clone(),
                }),
                // Not preserved: the raw text is still the workspace's own, and the tools module
                // repairs it again itself.
                _ => None,
            })
            .collect(),
        origins: ORIGINS.with(|o| o.borrow().clone()),
    };
    drop(library);
    SHELL.with(|s| s.borrow_mut().take());
    NOTE.with(|n| n.borrow_mut().take());
    if let Some(app) = MOUNTED.with(|m| m.borrow_mut().take()) {
        app.destroy();
    }
    if let Some(window) = web_sys::window() {
        let _ = Reflect::delete_property(&window.into(), &SHELL_KEY.into());
    }
    serde_json::to_string(&handed)
        .map(|s| JsValue::from_str(&s))
        .unwrap_or(JsValue::NULL)
}

/// Every entry of `store` (none when it cannot list them).
fn store_entries(store: &dyn KeyValueStore) -> BTreeMap<String, String> {
    let mut out = BTreeMap::new();
    for key in store.keys().unwrap_or_default() {
        if let Ok(Some(value)) = store.get(&key) {
            out.insert(key, value);
        }
    }
    out
}

fn show(opening: Opening) {
    if let Some(note) = NOTE.with(|n| n.borrow().clone()) {
        note.emit(opening);
    }
}

/// What the tools module may do at start.
pub enum TakeOver {
    /// Mount (after the first module, if any, let go).
    Mount,
    /// The first module declined; it stays.
    Declined,
}

/// Tools module, before mounting: asks the first module, if one runs on this page, to let go.
pub fn take_over() -> TakeOver {
    let Some(window) = web_sys::window() else {
        return TakeOver::Mount;
    };
    let hand_over = Reflect::get(&window, &SHELL_KEY.into())
        .ok()
        .filter(|s| s.is_object())
        .and_then(|s| Reflect::get(&s, &"handOver".into()).ok())
        .and_then(|f| f.dyn_into::<Function>().ok());
    let Some(hand_over) = hand_over else {
        return TakeOver::Mount;
    };
    match hand_over.call0(&JsValue::NULL) {
        Ok(v) if v == JsValue::FALSE => TakeOver::Declined,
        Ok(v) => {
            if let Some(text) = v.as_string() {
                receive(&text);
            }
            TakeOver::Mount
        }
        // The first module failed (it has panicked, say): mounting over it is all that is left.
        Err(_) => TakeOver::Mount,
    }
}

/// Tools module: keeps what the first module handed over (JSON of [`Handed`]); anything else
/// is ignored, and the tools module starts from storage alone.
pub fn receive(text: &str) {
    let handed = serde_json::from_str::<Handed>(text).ok();
    HANDED.with(|h| *h.borrow_mut() = handed);
}

/// Tools module, when the first module declined: puts `kamToolsMount` on `window` for its
/// "try again", which runs `mount` once more.
pub fn offer_retry(mount: impl Fn() + 'static) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let retry = Closure::<dyn Fn()>::new(mount).into_js_value();
    let _ = Reflect::set(&window, &RETRY_KEY.into(), &retry);
}

/// Tools module: the memory store to use when browser storage is unavailable — the first
/// module's entries, when it handed any over.
pub fn memory_store() -> MemoryStore {
    let store = MemoryStore::default();
    HANDED.with(|h| {
        for (key, value) in h.borrow().iter().flat_map(|h| h.store.iter().flatten()) {
            let _ = store.set(key, value);
        }
    });
    store
}

/// Keeps the allowlist read from `embed.json`, for a hand-over.
pub fn remember_allowlist(list: &Allowlist) {
    ORIGINS.with(|o| *o.borrow_mut() = Some(list.origins.clone()));
}

/// Tools module: the allowlist the first module handed over, checked again as `embed.json` is.
pub fn handed_allowlist() -> Option<Allowlist> {
    let origins = HANDED.with(|h| h.borrow().as_ref().and_then(|h| h.origins.clone()))?;
    Allowlist::parse(&serde_json::json!({ "origins": origins }).to_string()).ok()
}

/// Tools module: adds the first module's "opened after repairs" notices to `notices`, their
/// repairs read again from the preserved raw text in `store` (those of a workspace the tools
/// module repaired itself are there already).
pub fn add_handed_notices(notices: &mut Vec<Notice>, store: &dyn KeyValueStore) {
    let handed = HANDED.with(|h| {
        h.borrow_mut()
            .as_mut()
            .map(|h| std::mem::take(&mut h.repaired))
    });
    for r in handed.into_iter().flatten() {
        let known = notices
            .iter()
            .any(|n| matches!(n, Notice::Repaired { name, .. } if *name == r.name));
        let Some(text) = store.get(&r.preserved).ok().flatten() else {
            continue;
        };
        let Ok(loaded) = envelope::load_stored(&text) else {
            continue;
        };
        if !known && !loaded.repairs.is_empty() {
            notices.push(Notice::Repaired {
                name: r.name,
                repairs: loaded.repairs,
                preserved: Preserved::As(r.preserved),
            });
        }
    }
}

/// Tools module: tells the first module's opening note that it could not start.
pub fn report_failure(detail: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&JsValue::from_str(detail));
    if let Ok(event) = web_sys::CustomEvent::new_with_event_init_dict(FAILED_EVENT, &init) {
        let _ = window.dispatch_event(&event);
    }
}

/// First module: starts the tools module (or, after a decline, asks it to try again).
fn load_tools() -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    if let Some(retry) = Reflect::get(&window, &RETRY_KEY.into())
        .ok()
        .and_then(|f| f.dyn_into::<Function>().ok())
    {
        return retry.call0(&JsValue::NULL).map(|_| ()).map_err(describe_js);
    }
    let doc = window.document().ok_or("no document")?;
    let src = named_file("kam-tools", ".js", "./kam-tools.js");
    // A second click while the script loads must not start a second copy.
    if doc
        .query_selector("script[data-kam-tools]")
        .ok()
        .flatten()
        .is_some()
    {
        return Ok(());
    }
    let script = doc.create_element("script").map_err(describe_js)?;
    script.set_attribute("src", &src).map_err(describe_js)?;
    script
        .set_attribute("data-kam-tools", "")
        .map_err(describe_js)?;
    let on_error = Closure::once_into_js(move |_: web_sys::Event| {
        if let Some(s) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("script[data-kam-tools]").ok().flatten())
        {
            s.remove();
        }
        show(Opening::Failed(format!("{src}: not loaded")));
    });
    let _ = Reflect::set(&script, &"onerror".into(), &on_error);
    let head = doc.head().ok_or("no head")?;
    head.append_child(&script).map_err(describe_js)?;
    Ok(())
}

/// Props of [`OpenTools`].
#[derive(Properties, PartialEq)]
pub struct OpenToolsProps {
    /// The view being opened.
    pub route: Route,
}

/// First module, in place of a view it does not carry: starts the hand-over and says how it
/// goes; on failure, why, with "try again".
#[function_component(OpenTools)]
pub fn open_tools(props: &OpenToolsProps) -> Html {
    let library = use_library();
    let i18n: I18n = library.i18n;
    let state = use_state(|| Opening::Loading);
    let attempt = use_state(|| 0_u32);
    {
        let state = state.clone();
        use_effect_with(*attempt, move |_| {
            let note = {
                let state = state.clone();
                Callback::from(move |o: Opening| state.set(o))
            };
            NOTE.with(|n| *n.borrow_mut() = Some(note));
            let failed = web_sys::window().map(|w| {
                let state = state.clone();
                gloo::events::EventListener::new(&w, FAILED_EVENT, move |e| {
                    let detail = e
                        .dyn_ref::<web_sys::CustomEvent>()
                        .and_then(|e| e.detail().as_string())
                        .unwrap_or_default();
                    state.set(Opening::Failed(detail));
                })
            });
            if let Err(detail) = load_tools() {
                state.set(Opening::Failed(detail));
            }
            move || {
                drop(failed);
                NOTE.with(|n| n.borrow_mut().take());
            }
        });
    }
    let retry = {
        let (state, attempt) = (state.clone(), attempt.clone());
        Callback::from(move |_: MouseEvent| {
            state.set(Opening::Loading);
            attempt.set(*attempt + 1);
        })
    };
    let tool = i18n.t(props.route.label_key());
    let body = match &*state {
        Opening::Loading => html! {
            <p class="open-tools-note" role="status" data-testid="open-tools-loading">
                { i18n.tf("tools.opening", &[("tool", tool)]) }
            </p>
        },
        Opening::Failed(detail) => html! {
            <div class="open-tools-note" role="alert" data-testid="open-tools-failed">
                <p>{ i18n.tf("tools.failed", &[("tool", tool)]) }</p>
                <details>
                    <summary>{ i18n.t("tools.details") }</summary>
                    <code>{ detail.clone() }</code>
                </details>
                <button type="button" class="button button-primary" onclick={retry}>{ i18n.t("tools.retry") }</button>
            </div>
        },
        Opening::Unsaved => html! {
            <div class="open-tools-note" role="alert" data-testid="open-tools-unsaved">
                <p>{ i18n.tf("tools.unsaved", &[("tool", tool)]) }</p>
                <button type="button" class="button button-primary" onclick={retry}>{ i18n.t("tools.retry") }</button>
            </div>
        },
    };
    html! {
        <section class="open-tools" data-testid="open-tools">
            <h1 class="view-title">{ tool }</h1>
            { body }
        </section>
    }
}

/// First module: a while after the first render, asks the browser to fetch the tools module
/// into its cache (`<link rel="prefetch">`, at idle priority), so that opening another tool does
/// not wait for the network.
pub fn prefetch_tools() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let js = named_file("kam-tools", ".js", "./kam-tools.js");
    let wasm = format!("{}_bg.wasm", js.trim_end_matches(".js"));
    let Some(head) = doc.head() else {
        return;
    };
    for href in [js, wasm] {
        if let Ok(link) = doc.create_element("link") {
            let _ = link.set_attribute("rel", "prefetch");
            let _ = link.set_attribute("href", &href);
            let _ = head.append_child(&link);
        }
    }
}

/// How long after the first render the tools module is prefetched, in ms.
pub const PREFETCH_AFTER_MS: u32 = 4_000;

fn schedule_prefetch() -> Option<Timeout> {
    Some(Timeout::new(PREFETCH_AFTER_MS, prefetch_tools))
}

/// The module's part of [`App`].
#[hook]
pub fn use_module(module: &'static Module, library: &Library) {
    (module.keep)(library);
    let after_start = module.after_start;
    use_effect_with((), move |_| {
        let kept = after_start();
        move || drop(kept)
    });
}

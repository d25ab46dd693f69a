//! Browser tests (wasm-bindgen-test in headless Chromium): the App mounts, the language switch
//! changes visible text, edits are autosaved to localStorage, undo restores the previous state;
//! the saver under a full quota and while paused, the quota errors of each engine, and changes
//! arriving from another tab; the recovery banner of the panic hook.
#![cfg(target_arch = "wasm32")]

#[path = "web/diagnosis.rs"]
mod diagnosis;
#[path = "web/engagement.rs"]
mod engagement;
#[path = "support/faulty_store.rs"]
mod faulty_store;
#[path = "web/kpi.rs"]
mod kpi;
#[path = "web/local_store.rs"]
mod local_store;
#[path = "web/ltc.rs"]
mod ltc;
#[path = "web/mcr.rs"]
mod mcr;
#[path = "web/portfolio.rs"]
mod portfolio;
#[path = "web/recovery.rs"]
mod recovery;
#[path = "web/rhythm.rs"]
mod rhythm;
#[path = "web/roles.rs"]
mod roles;
#[path = "web/talent.rs"]
mod talent;
#[path = "web/team.rs"]
mod team;

use std::cell::RefCell;
use std::rc::Rc;

use faulty_store::{Fault, FaultyStore};
use kam_planner::domain::workspace::Workspace;
use kam_planner::persist::envelope;
use kam_planner::persist::library::{self as lib, KeyValueStore, StoreError, KEY_LANG};
use kam_planner::persist::storage::classify;
use kam_planner::ui::app::{App, AppProps};
use kam_planner::ui::library::{Notice, SaveStatus, Saver, StoredCopy};
use kam_planner::ui::modules::TOOLS;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, Storage};
use yew::Callback;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn storage() -> Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Mounts a fresh App (the tools module's: every view, no hand-over) in its own element, with
/// empty storage and the given language stored.
async fn mount(lang: &str) -> Element {
    kam_planner::ui::i18n::install_builtin();
    storage().clear().unwrap();
    storage().set_item(KEY_LANG, lang).unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { module: &TOOLS }).render();
    yew::scheduler::flush().await;
    root
}

fn find(root: &Element, testid: &str) -> Element {
    root.query_selector(&format!("[data-testid={testid}]"))
        .unwrap()
        .unwrap_or_else(|| panic!("no [data-testid={testid}]"))
}

fn text(root: &Element, testid: &str) -> String {
    find(root, testid).text_content().unwrap_or_default()
}

async fn click(root: &Element, testid: &str) {
    find(root, testid).unchecked_into::<HtmlElement>().click();
    yew::scheduler::flush().await;
}

fn stored_name(id: &str) -> String {
    let text = storage()
        .get_item(&lib::workspace_key(id))
        .unwrap()
        .expect("saved");
    envelope::load_stored(&text).unwrap().workspace.meta.name
}

fn active_id() -> String {
    lib::read_index(&kam_planner::persist::storage::open_local().unwrap())
        .unwrap()
        .active
        .expect("an active workspace")
}

#[wasm_bindgen_test]
async fn app_mounts_with_the_demo_in_chinese() {
    let root = mount("zh-CN").await;
    assert_eq!(text(&root, "app-title"), "大客户经营规划工具箱");
    assert_eq!(text(&root, "ws-name"), "示例集团");
    assert_eq!(text(&root, "stat-customers"), "250");
    // The demo was saved at start, so a reload finds it.
    assert_eq!(stored_name(&active_id()), "示例集团");
    root.remove();
}

#[wasm_bindgen_test]
async fn language_switch_changes_visible_text_and_is_remembered() {
    let root = mount("zh-CN").await;
    let select: HtmlSelectElement = find(&root, "lang-switch").unchecked_into();
    select.set_value("en");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "app-title"), "KAM Planner");
    assert_eq!(
        find(&root, "nav-overview").text_content().unwrap(),
        "Overview"
    );
    assert_eq!(storage().get_item(KEY_LANG).unwrap().as_deref(), Some("en"));
    assert_eq!(
        document()
            .document_element()
            .unwrap()
            .get_attribute("lang")
            .as_deref(),
        Some("en")
    );
    root.remove();
}

async fn rename_to(root: &Element, name: &str) {
    click(root, "ws-menu").await;
    click(root, "ws-rename").await;
    let input: HtmlInputElement = find(root, "dialog-input").unchecked_into();
    input.set_value(name);
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    click(root, "dialog-confirm").await;
}

#[wasm_bindgen_test]
async fn an_edit_is_autosaved_and_undo_restores_it() {
    let root = mount("zh-CN").await;
    let id = active_id();
    rename_to(&root, "华南大客户部").await;
    assert_eq!(text(&root, "ws-name"), "华南大客户部");
    // Debounced: not written at once, written after the quiet period.
    assert_eq!(stored_name(&id), "示例集团");
    sleep(700).await;
    yew::scheduler::flush().await;
    assert_eq!(stored_name(&id), "华南大客户部");
    assert_eq!(text(&root, "save-status"), "已自动保存");

    click(&root, "undo").await;
    assert_eq!(text(&root, "ws-name"), "示例集团");
    sleep(700).await;
    assert_eq!(stored_name(&id), "示例集团");
    click(&root, "redo").await;
    assert_eq!(text(&root, "ws-name"), "华南大客户部");
    root.remove();
}

#[wasm_bindgen_test]
async fn an_empty_name_is_refused_with_a_message() {
    let root = mount("en").await;
    rename_to(&root, "   ").await;
    assert!(text(&root, "dialog").contains("The name must not be empty."));
    assert_eq!(text(&root, "ws-name"), "Demo Group");
    root.remove();
}

#[wasm_bindgen_test]
async fn the_tiering_view_shows_the_demo_structure_and_its_two_faults() {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/tiering")
        .unwrap();
    let root = mount("zh-CN").await;
    let counts: Vec<String> = {
        let rows = root
            .query_selector_all("[data-testid=distribution-table] tbody tr td:first-of-type")
            .unwrap();
        (0..rows.length())
            .map(|i| rows.item(i).unwrap().text_content().unwrap_or_default())
            .collect()
    };
    assert_eq!(counts, ["5", "10", "75", "90", "70"]);
    let kinds = root
        .query_selector_all("[data-testid=diagnostics] li")
        .unwrap();
    let kinds: Vec<String> = (0..kinds.length())
        .map(|i| {
            kinds
                .item(i)
                .unwrap()
                .unchecked_into::<Element>()
                .get_attribute("data-kind")
                .unwrap_or_default()
        })
        .collect();
    assert_eq!(kinds, ["tiers_not_distinct", "top_too_thin"]);
    web_sys::window().unwrap().location().set_hash("").unwrap();
    root.remove();
}

// ---- Storage faults -------------------------------------------------------------------------

/// Everything a callback was called with.
type Log<T> = Rc<RefCell<Vec<T>>>;

/// A saver on `store` that records every status and problem it reports.
fn recording_saver(store: Rc<FaultyStore>) -> (Saver, Log<SaveStatus>, Log<Option<Notice>>) {
    let statuses = Rc::new(RefCell::new(Vec::new()));
    let problems = Rc::new(RefCell::new(Vec::new()));
    let saver = Saver::new(
        store,
        true,
        {
            let statuses = statuses.clone();
            Callback::from(move |s| statuses.borrow_mut().push(s))
        },
        {
            let problems = problems.clone();
            Callback::from(move |p| problems.borrow_mut().push(p))
        },
    );
    (saver, statuses, problems)
}

fn renamed(ws: &Workspace, name: &str, at: i64) -> Rc<Workspace> {
    let mut next = ws.clone();
    next.meta.name = name.to_string();
    next.meta.updated_at = at;
    Rc::new(next)
}

#[wasm_bindgen_test]
async fn the_saver_reports_a_full_quota_keeps_the_good_copy_and_retries_with_the_next_change() {
    let store = Rc::new(FaultyStore::new());
    let first = Workspace::empty("ws-q", "甲", 1);
    lib::save_workspace(store.as_ref(), &first, 1).unwrap();
    let good = store.snapshot();
    let (saver, statuses, problems) = recording_saver(store.clone());
    saver.opened(&first, StoredCopy::Same);
    saver.schedule(Rc::new(first.clone()));
    assert!(
        statuses.borrow().is_empty(),
        "the opened document is not written again"
    );

    store.fail_sets(Fault::Quota);
    let edit = renamed(&first, "乙", 2);
    saver.schedule(edit.clone());
    assert_eq!(statuses.borrow().last(), Some(&SaveStatus::Pending));
    sleep(700).await;
    assert_eq!(statuses.borrow().last(), Some(&SaveStatus::Failed));
    match problems.borrow().last() {
        Some(Some(Notice::StorageFull {
            usage,
            needed_bytes,
        })) => {
            assert!(*needed_bytes > 0);
            assert_eq!(usage.total_bytes, store.used_bytes());
        }
        other => panic!("expected a storage-full notice, got {other:?}"),
    }
    assert_eq!(store.snapshot(), good, "the last good copy is untouched");
    assert!(saver.has_unsaved(&edit), "the edit is still unsaved");

    // The next change is saved once there is room again.
    store.heal();
    let next = renamed(&edit, "丙", 3);
    saver.schedule(next.clone());
    sleep(700).await;
    assert_eq!(statuses.borrow().last(), Some(&SaveStatus::Saved));
    assert_eq!(problems.borrow().last(), Some(&None));
    assert!(!saver.has_unsaved(&next));
    let stored = store.get(&lib::workspace_key("ws-q")).unwrap().unwrap();
    assert_eq!(
        envelope::load_stored(&stored).unwrap().workspace.meta.name,
        "丙"
    );
}

#[wasm_bindgen_test]
async fn an_undo_within_the_quiet_period_is_not_overtaken_by_the_undone_edit() {
    let store = Rc::new(FaultyStore::new());
    let first = Workspace::empty("ws-u", "原名", 1);
    lib::save_workspace(store.as_ref(), &first, 1).unwrap();
    let (saver, statuses, _) = recording_saver(store.clone());
    saver.opened(&first, StoredCopy::Same);
    let opened = Rc::new(first.clone());
    saver.schedule(opened.clone());
    saver.schedule(renamed(&first, "撤销掉的名字", 2));
    saver.schedule(opened.clone());
    sleep(700).await;
    let text = store.get(&lib::workspace_key("ws-u")).unwrap().unwrap();
    assert_eq!(
        envelope::load_stored(&text).unwrap().workspace.meta.name,
        "原名"
    );
    assert_eq!(statuses.borrow().last(), Some(&SaveStatus::Saved));
    assert!(!saver.has_unsaved(&opened));
}

#[wasm_bindgen_test]
async fn a_paused_saver_writes_nothing_until_told() {
    let store = Rc::new(FaultyStore::new());
    let first = Workspace::empty("ws-p", "甲", 1);
    lib::save_workspace(store.as_ref(), &first, 1).unwrap();
    let (saver, statuses, _) = recording_saver(store.clone());
    saver.opened(&first, StoredCopy::Same);
    saver.pause("ws-p", "甲（本标签页的版本）".into());
    let mine = renamed(&first, "我的", 2);
    saver.schedule(mine.clone());
    saver.flush();
    sleep(600).await;
    assert_eq!(statuses.borrow().last(), Some(&SaveStatus::Paused));
    let stored = || {
        let text = store.get(&lib::workspace_key("ws-p")).unwrap().unwrap();
        envelope::load_stored(&text).unwrap().workspace.meta.name
    };
    assert_eq!(stored(), "甲");
    // Leaving the page while paused keeps this tab's version as a new workspace.
    saver.flush_before_exit();
    assert_eq!(stored(), "甲");
    let names: Vec<String> = lib::read_index(store.as_ref())
        .unwrap()
        .workspaces
        .into_iter()
        .map(|e| e.name)
        .collect();
    assert_eq!(names, ["甲", "甲（本标签页的版本）"]);
    // Keeping mine writes it over the stored one.
    assert!(saver.save_now(mine));
    assert_eq!(stored(), "我的");
}

#[wasm_bindgen_test]
fn quota_errors_of_every_engine_are_recognised() {
    let dom =
        web_sys::DomException::new_with_message_and_name("full", "QuotaExceededError").unwrap();
    assert_eq!(dom.code(), 22);
    assert!(matches!(
        classify(&dom.into()),
        StoreError::QuotaExceeded(_)
    ));

    let firefox = js_sys::Error::new("Persistent storage maximum size reached");
    firefox.set_name("NS_ERROR_DOM_QUOTA_REACHED");
    js_sys::Reflect::set(&firefox, &"code".into(), &JsValue::from(1014)).unwrap();
    assert!(matches!(
        classify(&firefox.into()),
        StoreError::QuotaExceeded(_)
    ));

    let webkit = js_sys::Object::new();
    js_sys::Reflect::set(&webkit, &"name".into(), &"QUOTA_EXCEEDED_ERR".into()).unwrap();
    js_sys::Reflect::set(&webkit, &"code".into(), &JsValue::from(22)).unwrap();
    assert!(matches!(
        classify(&webkit.into()),
        StoreError::QuotaExceeded(_)
    ));
    let old_webkit_dom =
        web_sys::DomException::new_with_message_and_name("full", "QUOTA_EXCEEDED_ERR").unwrap();
    assert!(matches!(
        classify(&old_webkit_dom.into()),
        StoreError::QuotaExceeded(_)
    ));

    let security =
        web_sys::DomException::new_with_message_and_name("denied", "SecurityError").unwrap();
    assert!(matches!(
        classify(&security.into()),
        StoreError::Unavailable(_)
    ));
    assert!(matches!(
        classify(&js_sys::Error::new("boom").into()),
        StoreError::Failed(_)
    ));
    assert!(matches!(
        classify(&JsValue::from_str("odd")),
        StoreError::Failed(_)
    ));
    assert!(matches!(classify(&JsValue::NULL), StoreError::Failed(_)));
}

/// Another tab writes `name` into the stored copy of workspace `id`; the browser would then fire
/// a `storage` event here.
fn other_tab_renames(id: &str, name: &str) {
    let key = lib::workspace_key(id);
    let text = storage().get_item(&key).unwrap().expect("stored");
    let mut ws = envelope::load_stored(&text).unwrap().workspace;
    ws.meta.name = name.to_string();
    ws.meta.updated_at += 1_000;
    let text = envelope::to_json(&ws, 0);
    storage().set_item(&key, &text).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(&key));
    init.set_new_value(Some(&text));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

fn exists(root: &Element, testid: &str) -> bool {
    root.query_selector(&format!("[data-testid={testid}]"))
        .unwrap()
        .is_some()
}

#[wasm_bindgen_test]
async fn a_change_from_another_tab_is_taken_over_or_becomes_a_conflict() {
    let root = mount("zh-CN").await;
    let id = active_id();
    other_tab_renames(&id, "别处改的名字");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "ws-name"), "别处改的名字");
    assert!(exists(&root, "updated-elsewhere-banner"));

    // An unsaved rename here, then another tab saves: neither is overwritten.
    rename_to(&root, "这里的名字").await;
    other_tab_renames(&id, "别处又改了");
    yew::scheduler::flush().await;
    assert!(exists(&root, "conflict-banner"));
    assert_eq!(text(&root, "ws-name"), "这里的名字");
    assert_eq!(text(&root, "save-status"), "已暂停保存");
    sleep(700).await;
    assert_eq!(stored_name(&id), "别处又改了");

    // Keep mine: both tabs renamed the workspace, so its settings are listed for a choice (this
    // tab's by default) before the merge is saved.
    click(&root, "conflict-keep-mine").await;
    assert!(exists(&root, "conflict-review"));
    assert!(exists(&root, "tab-conflict"));
    assert_eq!(stored_name(&id), "别处又改了");
    click(&root, "conflict-apply-merge").await;
    assert!(!exists(&root, "conflict-banner"));
    assert!(exists(&root, "merged-banner"));
    assert_eq!(stored_name(&id), "这里的名字");
    assert_eq!(text(&root, "save-status"), "已自动保存");
    root.remove();
}

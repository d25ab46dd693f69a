//! Browser tests (wasm-bindgen-test in headless Chromium): the App mounts, the language switch
//! changes visible text, edits are autosaved to localStorage, undo restores the previous state.
#![cfg(target_arch = "wasm32")]

use kam_planner::persist::envelope;
use kam_planner::persist::library::{self as lib, KEY_LANG};
use kam_planner::ui::app::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlElement, HtmlInputElement, HtmlSelectElement, Storage};

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

/// Mounts a fresh App in its own element, with empty storage and the given language stored.
async fn mount(lang: &str) -> Element {
    storage().clear().unwrap();
    storage().set_item(KEY_LANG, lang).unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root(root.clone()).render();
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
    envelope::load(&text).unwrap().workspace.meta.name
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

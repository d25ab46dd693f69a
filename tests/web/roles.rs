//! Browser tests of the roles view: the demo's RACI matrix is valid; typing a second A into a
//! row through the keyboard marks the row and says what is wrong; Delete clears it again; a
//! click cycles a cell; a role without a card is offered one.

use js_sys::{Array, Function, Object, Reflect};
use kam_planner::domain::org::RoleDef;
use kam_planner::persist::envelope;
use kam_planner::persist::library as lib;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;
use web_sys::{HtmlElement, HtmlTextAreaElement};

use super::{active_id, click, find, mount, storage, text};

/// A `keydown` of `key` (with Ctrl held when `ctrl`) on the element, as a real keyboard sends it.
fn keydown(root: &web_sys::Element, testid: &str, key: &str, ctrl: bool) {
    let window = web_sys::window().unwrap();
    let ctor: Function = Reflect::get(&window, &JsValue::from_str("KeyboardEvent"))
        .unwrap()
        .unchecked_into();
    let init = Object::new();
    for (k, v) in [
        ("key", JsValue::from_str(key)),
        ("bubbles", JsValue::TRUE),
        ("cancelable", JsValue::TRUE),
        ("ctrlKey", JsValue::from_bool(ctrl)),
    ] {
        Reflect::set(&init, &JsValue::from_str(k), &v).unwrap();
    }
    let args = Array::of2(&JsValue::from_str("keydown"), &init);
    let e: web_sys::Event = Reflect::construct(&ctor, &args).unwrap().unchecked_into();
    find(root, testid).dispatch_event(&e).unwrap();
}

fn press(root: &web_sys::Element, testid: &str, key: &str) {
    keydown(root, testid, key, false);
}

fn has_class(root: &web_sys::Element, testid: &str, class: &str) -> bool {
    find(root, testid)
        .get_attribute("class")
        .unwrap_or_default()
        .split_whitespace()
        .any(|c| c == class)
}

#[wasm_bindgen_test]
async fn a_second_a_typed_into_a_row_is_reported_on_that_row() {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/roles")
        .unwrap();
    let root = mount("zh-CN").await;
    assert_eq!(
        text(&root, "raci-status"),
        "所有活动都有且仅有一个 A，并至少有一个 R。"
    );
    // Contract signing: the AD is A, the SR is C. Type "a" on the SR's cell.
    assert_eq!(text(&root, "raci-contract-SR"), "C");
    assert!(!has_class(&root, "raci-row-contract", "is-invalid"));
    press(&root, "raci-contract-SR", "a");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "raci-contract-SR"), "A");
    assert!(has_class(&root, "raci-row-contract", "is-invalid"));
    assert_eq!(
        text(&root, "raci-errors-contract"),
        "有 2 个 A（系统部部长 / 客户群总监、解决方案责任人）：只能有一个"
    );
    assert_eq!(
        text(&root, "raci-status"),
        "1 项活动的 RACI 有问题，见标红的行。"
    );
    // The SR's count row now has one A.
    assert_eq!(text(&root, "raci-count-SR"), "执行 4批准 1咨询 7知会 0");
    // Other rows are untouched.
    assert!(!has_class(&root, "raci-row-negotiation", "is-invalid"));

    // Ctrl+C is a shortcut, not a letter: nothing changes.
    keydown(&root, "raci-contract-SR", "c", true);
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "raci-contract-SR"), "A");

    // Delete clears the cell: the SR has no part, the row is fine again.
    press(&root, "raci-contract-SR", "Delete");
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "raci-contract-SR"), "—");
    assert!(!has_class(&root, "raci-row-contract", "is-invalid"));
    assert_eq!(text(&root, "raci-errors-contract"), "✓");

    // A click cycles: — → R.
    find(&root, "raci-contract-SR")
        .unchecked_into::<HtmlElement>()
        .click();
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "raci-contract-SR"), "R");
    web_sys::window().unwrap().location().set_hash("").unwrap();
    root.remove();
}

/// Another tab adds a custom role (without a card) to the stored workspace; this tab takes the
/// change over, as it does for any change made elsewhere.
fn other_tab_adds_role(id: &str) {
    let key = lib::workspace_key(id);
    let text = storage().get_item(&key).unwrap().expect("stored");
    let mut ws = envelope::load_stored(&text).unwrap().workspace;
    ws.org.roles.push(RoleDef {
        id: "PM".to_string(),
        name_zh: "项目经理".to_string(),
        name_en: "Project manager".to_string(),
        ..RoleDef::default()
    });
    ws.meta.updated_at += 1_000;
    let text = envelope::to_json(&ws, 0);
    storage().set_item(&key, &text).unwrap();
    let init = web_sys::StorageEventInit::new();
    init.set_key(Some(&key));
    init.set_new_value(Some(&text));
    let event = web_sys::StorageEvent::new_with_event_init_dict("storage", &init).unwrap();
    web_sys::window().unwrap().dispatch_event(&event).unwrap();
}

#[wasm_bindgen_test]
async fn a_role_without_a_card_is_offered_one() {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/roles")
        .unwrap();
    let root = mount("zh-CN").await;
    other_tab_adds_role(&active_id());
    yew::scheduler::flush().await;
    assert_eq!(text(&root, "card-name-PM"), "项目经理 PM");
    assert_eq!(
        text(&root, "card-missing-PM"),
        "该角色还没有岗位职责卡。创建职责卡"
    );
    // Its RACI column is there, empty.
    assert_eq!(text(&root, "raci-contract-PM"), "—");

    click(&root, "card-create-PM").await;
    let mission: HtmlTextAreaElement = find(&root, "card-mission-zh-PM").unchecked_into();
    mission.set_value("对项目交付的进度与质量负责");
    mission
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    click(&root, "card-save-PM").await;
    assert_eq!(
        text(&root, "card-mission-PM"),
        "定位对项目交付的进度与质量负责"
    );
    // No default to go back to for a custom role.
    assert!(root
        .query_selector("[data-testid=card-reset-PM]")
        .unwrap()
        .is_none());
    web_sys::window().unwrap().location().set_hash("").unwrap();
    root.remove();
}

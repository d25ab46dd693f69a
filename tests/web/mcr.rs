//! Browser tests of the MCR page on a small workspace of one account: the power map shows the
//! relationship score and the red flags planted in it (an opposed decision maker, no coach,
//! nobody owning the stakeholders); a click on a card of the org chart opens the side panel, and
//! raising the decision maker's support there clears the flag and changes the score.

use std::rc::Rc;

use kam_planner::domain::mcr::{DecisionRole, Layer, Stakeholder};
use kam_planner::domain::workspace::{Customer, Workspace};
use kam_planner::persist::library::{self as lib, KEY_LANG};
use kam_planner::persist::storage::open_local;
use kam_planner::ui::app::{App, AppProps};
use kam_planner::ui::modules::TOOLS;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::{click, document, find, storage, text};

/// One customer, 华南测试集团 (c-1), with three stakeholders on 2026-01-15, all contacted within
/// days and none owned:
/// - sh-1 张总, 总经理, decision maker, support −1, influence 5;
/// - sh-2 李工, 信息中心主任, evaluator reporting to him, support 2, influence 3;
/// - sh-3 王敏, 工程师, user reporting to 李工, support 1, influence 2.
///
/// Score: (−1·5 + 2·3 + 1·2) / (5 + 3 + 2) = 0.3 → ÷ 3 × 100 = +10. Coverage 0 / 1. Flags:
/// decision maker against (张总), no coach, no owner (all three).
fn small_workspace() -> Workspace {
    let mut ws = Workspace::empty("ws-mcr", "关系测试", 1_768_435_200_000);
    ws.meta.today = "2026-01-15".to_string();
    ws.customers.push(Rc::new(Customer {
        id: "c-1".to_string(),
        name: "华南测试集团".to_string(),
        ..Customer::default()
    }));
    let person =
        |id: &str, name: &str, title: &str, boss: Option<&str>, role, support, influence| {
            Stakeholder {
                id: id.to_string(),
                account: "c-1".to_string(),
                name: name.to_string(),
                title: title.to_string(),
                reports_to: boss.map(str::to_string),
                role,
                support,
                influence,
                layer: Layer::Key,
                last_contact: "2026-01-10".to_string(),
                ..Stakeholder::default()
            }
        };
    ws.mcr.stakeholders = vec![
        person(
            "sh-1",
            "张总",
            "总经理",
            None,
            DecisionRole::DecisionMaker,
            -1,
            5,
        ),
        person(
            "sh-2",
            "李工",
            "信息中心主任",
            Some("sh-1"),
            DecisionRole::Evaluator,
            2,
            3,
        ),
        person(
            "sh-3",
            "王敏",
            "工程师",
            Some("sh-2"),
            DecisionRole::User,
            1,
            2,
        ),
    ];
    ws
}

/// Mounts the App (the tools module's) on `hash` with `ws` stored as the active workspace.
async fn mount_with(ws: &Workspace, hash: &str, lang: &str) -> Element {
    kam_planner::ui::i18n::install_builtin();
    storage().clear().unwrap();
    storage().set_item(KEY_LANG, lang).unwrap();
    lib::save_workspace(&open_local().unwrap(), ws, ws.meta.updated_at).unwrap();
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    let root = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&root).unwrap();
    yew::Renderer::<App>::with_root_and_props(root.clone(), AppProps { module: &TOOLS }).render();
    yew::scheduler::flush().await;
    root
}

fn leave(root: Element) {
    web_sys::window().unwrap().location().set_hash("").unwrap();
    root.remove();
    storage().clear().unwrap();
}

fn exists(root: &Element, testid: &str) -> bool {
    root.query_selector(&format!("[data-testid={testid}]"))
        .unwrap()
        .is_some()
}

fn has_class(e: &Element, class: &str) -> bool {
    e.get_attribute("class")
        .unwrap_or_default()
        .split_whitespace()
        .any(|c| c == class)
}

/// The test ids of the power map's flags, in order.
fn flags(root: &Element) -> Vec<String> {
    let list = root
        .query_selector_all("[data-testid=mcr-flags] li")
        .unwrap();
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.unchecked_into::<Element>().get_attribute("data-testid"))
        .collect()
}

/// A bubbling click on an element that is not an `HTMLElement` (an SVG `<g>`).
async fn click_svg(root: &Element, testid: &str) {
    // `new MouseEvent("click", {bubbles: true})`, built through JavaScript's own constructor.
    let window = web_sys::window().unwrap();
    let ctor: js_sys::Function = js_sys::Reflect::get(&window, &"MouseEvent".into())
        .unwrap()
        .unchecked_into();
    let init = js_sys::Object::new();
    js_sys::Reflect::set(&init, &"bubbles".into(), &true.into()).unwrap();
    js_sys::Reflect::set(&init, &"cancelable".into(), &true.into()).unwrap();
    let event =
        js_sys::Reflect::construct(&ctor, &js_sys::Array::of2(&"click".into(), &init)).unwrap();
    find(root, testid)
        .dispatch_event(event.unchecked_ref::<web_sys::Event>())
        .unwrap();
    yew::scheduler::flush().await;
}

async fn choose(root: &Element, testid: &str, value: &str) {
    let select: HtmlSelectElement = find(root, testid).unchecked_into();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_power_map_shows_the_score_and_the_planted_flags() {
    let root = mount_with(&small_workspace(), "#/mcr/power/c-1", "zh-CN").await;
    assert!(exists(&root, "mcr-view"));
    assert_eq!(text(&root, "ws-name"), "关系测试");
    assert_eq!(text(&root, "mcr-score-value"), "+10");
    assert_eq!(text(&root, "mcr-coverage-value"), "0 / 1 · 0%");
    assert_eq!(
        flags(&root),
        [
            "mcr-flag-decision_maker_against",
            "mcr-flag-no_coach",
            "mcr-flag-no_owner"
        ]
    );
    assert_eq!(
        text(&root, "mcr-flag-decision_maker_against"),
        "决策者不支持我们（支持度 ≤ 0）：张总。"
    );
    assert_eq!(
        text(&root, "mcr-flag-no_owner"),
        "3 位关键人没有我方负责人：张总、李工、王敏。"
    );
    // The decision maker sits in the danger corner: influence 5, opposed.
    let chip = find(&root, "mcr-chip-sh-1");
    let cell = chip.closest("td").unwrap().unwrap();
    assert_eq!(
        cell.get_attribute("data-testid").as_deref(),
        Some("mcr-cell-5-m1")
    );
    assert!(has_class(&cell, "is-danger"));
    leave(root);
}

#[wasm_bindgen_test]
async fn a_click_on_a_card_opens_the_panel_and_a_saved_support_clears_the_flag() {
    let root = mount_with(&small_workspace(), "#/mcr/map/c-1", "zh-CN").await;
    assert!(exists(&root, "mcr-chart"));
    let nodes = root
        .query_selector_all("[data-testid^=mcr-node-]")
        .unwrap()
        .length();
    assert_eq!(nodes, 3);
    assert!(!exists(&root, "mcr-panel"));

    click_svg(&root, "mcr-node-sh-1").await;
    assert!(exists(&root, "mcr-panel"), "the panel opens");
    let name: HtmlInputElement = find(&root, "mcr-f-name").unchecked_into();
    assert_eq!(name.value(), "张总");
    let support: HtmlSelectElement = find(&root, "mcr-f-support").unchecked_into();
    assert_eq!(support.value(), "-1");
    assert_eq!(
        find(&root, "mcr-node-sh-1")
            .get_attribute("aria-pressed")
            .as_deref(),
        Some("true")
    );

    // Support 1, saved: (1·5 + 6 + 2) / 10 = 1.3 → +43; the decision maker is covered.
    choose(&root, "mcr-f-support", "1").await;
    click(&root, "mcr-save").await;
    assert!(has_class(&find(&root, "mcr-node-sh-1"), "mcr-support-1"));
    click(&root, "mcr-tab-power").await;
    assert_eq!(text(&root, "mcr-score-value"), "+43");
    assert_eq!(text(&root, "mcr-coverage-value"), "1 / 1 · 100%");
    assert!(!exists(&root, "mcr-flag-decision_maker_against"));
    assert_eq!(flags(&root), ["mcr-flag-no_coach", "mcr-flag-no_owner"]);
    leave(root);
}

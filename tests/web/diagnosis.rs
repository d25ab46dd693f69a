//! Browser tests of the diagnosis page on a workspace with one respondent: the score table,
//! the weakest dimension and the radar follow a rating chosen in the grid; a ticked symptom
//! ranks its tools.

use std::collections::BTreeMap;

use kam_planner::domain::diagnosis::Respondent;
use kam_planner::domain::workspace::Workspace;
use kam_planner::persist::library::{self as lib, KEY_LANG};
use kam_planner::persist::storage::open_local;
use kam_planner::ui::app::{App, AppProps};
use kam_planner::ui::modules::TOOLS;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::{document, find, storage, text};

/// The default statements, one respondent 王总 who rates st-1 … st-5 (strategy) 4 and st-6 …
/// st-10 (organisation) 2: S 4.0, O 2.0, weakest O; nothing else rated.
fn workspace() -> Workspace {
    let mut ws = Workspace::empty("ws-diag", "诊断测试", 1_768_435_200_000);
    let ratings: BTreeMap<String, u8> = (1..=10)
        .map(|i| (format!("st-{i}"), if i <= 5 { 4 } else { 2 }))
        .collect();
    ws.diagnosis.respondents.push(Respondent {
        id: "rs-1".into(),
        name: "王总".into(),
        ratings,
        updated_at: 0,
    });
    ws
}

async fn mount(hash: &str) -> Element {
    kam_planner::ui::i18n::install_builtin();
    storage().clear().unwrap();
    storage().set_item(KEY_LANG, "zh-CN").unwrap();
    let ws = workspace();
    lib::save_workspace(&open_local().unwrap(), &ws, ws.meta.updated_at).unwrap();
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

fn mean(root: &Element, dim: &str) -> String {
    root.query_selector(&format!("[data-testid=diag-score-{dim}] .diag-mean"))
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

#[wasm_bindgen_test]
async fn a_rating_chosen_in_the_grid_moves_the_score_and_the_weakest_dimension() {
    let root = mount("#/diagnosis/assess").await;
    assert_eq!(mean(&root, "strategy"), "4.0");
    assert_eq!(mean(&root, "organization"), "2.0");
    assert_eq!(mean(&root, "tactic"), "—");
    assert!(text(&root, "diag-weakest").contains("最弱维度：组织阵型（2.0）"));
    let points = find(&root, "diag-radar-mean")
        .get_attribute("points")
        .unwrap_or_default();
    assert_eq!(points.split(' ').count(), 4);
    // st-6 from 2 to 5: O = (5 + 2 + 2 + 2 + 2) / 5 = 2.6.
    let select: HtmlSelectElement = find(&root, "diag-rate-rs-1-st-6").unchecked_into();
    select.set_value("5");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert_eq!(mean(&root, "organization"), "2.6");
    // Tactic rated 1 by the same respondent becomes the weakest.
    let select: HtmlSelectElement = find(&root, "diag-rate-rs-1-st-11").unchecked_into();
    select.set_value("1");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    assert!(text(&root, "diag-weakest").contains("打法套路（1.0）"));
    leave(root);
}

#[wasm_bindgen_test]
async fn a_ticked_symptom_ranks_its_tools() {
    let root = mount("#/diagnosis/symptoms").await;
    assert!(root
        .query_selector("[data-testid=diag-ranking] li")
        .unwrap()
        .is_none());
    let tick: HtmlInputElement = find(&root, "diag-tick-sy-coordination").unchecked_into();
    tick.click();
    yew::scheduler::flush().await;
    let ranks = root
        .query_selector_all("[data-testid=diag-ranking] li")
        .unwrap();
    let ids: Vec<String> = (0..ranks.length())
        .filter_map(|i| ranks.item(i))
        .filter_map(|n| n.unchecked_into::<Element>().get_attribute("data-testid"))
        .collect();
    assert_eq!(
        ids,
        ["diag-rank-team", "diag-rank-roles", "diag-rank-rhythm"]
    );
    assert!(text(&root, "diag-rank-team").contains("3 分"));
    leave(root);
}

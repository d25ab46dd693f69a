//! Browser tests of Tool 2's page: the diagnostics tab lists the demo's planted findings and
//! ranks manufacturing first, power second with its inputs.

use wasm_bindgen_test::*;
use web_sys::Element;

use super::{click, find, mount, text};

async fn open_portfolio(lang: &str) -> Element {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/portfolio")
        .unwrap();
    mount(lang).await
}

fn leave(root: Element) {
    web_sys::window().unwrap().location().set_hash("").unwrap();
    root.remove();
}

fn exists(root: &Element, testid: &str) -> bool {
    root.query_selector(&format!("[data-testid=\"{testid}\"]"))
        .unwrap()
        .is_some()
}

#[wasm_bindgen_test]
async fn the_diagnostics_tab_shows_the_planted_findings_and_the_ranking() {
    let root = open_portfolio("zh-CN").await;
    assert!(exists(&root, "portfolio-view"));
    click(&root, "portfolio-tab-diagnostics").await;
    assert!(exists(&root, "diag-no_next_engine-油气"));
    assert!(exists(&root, "diag-mix_off-all"));
    assert!(exists(&root, "diag-no_control_point-bl-5"));
    assert!(!exists(&root, "diag-clean"));
    let first = find(&root, "diag-ranking")
        .query_selector("tbody tr th")
        .unwrap()
        .unwrap()
        .text_content()
        .unwrap_or_default();
    assert_eq!(first, "制造");
    let power = text(&root, "diag-rank-电力");
    assert!(power.starts_with("2电力10.5亿14.2%6.3%11.2亿"), "{power}");
    assert_eq!(
        text(&root, "diag-no_next_engine-油气"),
        "没有下一个增长引擎油气只有核心业务（3500万），没有成长或新兴业务。\
         只有核心业务的行业，一旦核心业务下滑就没有接替者：规划至少一个成长或新兴业务。"
    );
    leave(root);
}

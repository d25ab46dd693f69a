//! Browser tests of the LTC page: the board's columns carry the demo's counts, the forecast tab
//! its coverage figure and the contracts tab its DSO; a deep link opens one account.

use wasm_bindgen_test::*;
use web_sys::Element;

use super::{click, mount, text};

async fn open(hash: &str, lang: &str) -> Element {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash(hash)
        .unwrap();
    mount(lang).await
}

fn leave(root: Element) {
    web_sys::window().unwrap().location().set_hash("").unwrap();
    root.remove();
}

#[wasm_bindgen_test]
async fn the_board_forecast_and_contracts_show_the_demo_figures() {
    let root = open("#/ltc", "zh-CN").await;
    let counts: Vec<String> = [
        "lead",
        "validated",
        "shaping",
        "bid",
        "negotiation",
        "won",
        "lost",
    ]
    .iter()
    .map(|s| text(&root, &format!("ltc-col-{s}-count")))
    .collect();
    assert_eq!(counts, ["9", "9", "8", "8", "6", "12", "8"]);
    click(&root, "ltc-tab-forecast").await;
    assert_eq!(text(&root, "fc-coverage"), "2.69×");
    click(&root, "ltc-tab-contracts").await;
    assert!(text(&root, "ltc-dso-value").starts_with("57.9"));
    leave(root);
}

#[wasm_bindgen_test]
async fn a_deep_link_opens_one_account() {
    let root = open("#/ltc/account/c-0204", "en").await;
    let page = root.text_content().unwrap_or_default();
    assert!(
        page.contains("ct-19") || page.contains("Energy-storage"),
        "{page}"
    );
    leave(root);
}

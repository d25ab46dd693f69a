//! Browser tests of the talent view: the demo's SR plan, a share that breaks the 100 % sum (the
//! table says so, the plan cannot be computed), a wrong number refused next to its input.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement};

use super::{click, find, mount, text};

fn exists(root: &Element, testid: &str) -> bool {
    root.query_selector(&format!("[data-testid={testid}]"))
        .unwrap()
        .is_some()
}

/// Types `value` into the input and commits it (a change event, as on Enter or leaving it).
async fn commit(root: &Element, testid: &str, value: &str) {
    let input: HtmlInputElement = find(root, testid).unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

async fn open_talent(lang: &str) -> Element {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/talent")
        .unwrap();
    let root = mount(lang).await;
    click(&root, "talent-role-SR").await;
    root
}

fn leave(root: Element) {
    web_sys::window().unwrap().location().set_hash("").unwrap();
    root.remove();
}

#[wasm_bindgen_test]
async fn a_share_that_breaks_the_sum_shows_the_error_and_the_sr_plan_cannot_be_computed() {
    let root = open_talent("zh-CN").await;
    // The demo: 50 + 30 + 20 = 100, 4 SR hires closing in 2027-02.
    assert_eq!(text(&root, "sources-sum"), "100%");
    assert!(!exists(&root, "sources-error"));
    assert_eq!(
        text(&root, "plan-status"),
        "补充计划：需补充 4 人，2027-02，第 12 个月补齐。"
    );

    commit(&root, "source-share-0", "40").await;
    assert_eq!(text(&root, "sources-sum"), "90%");
    assert_eq!(
        text(&root, "sources-error"),
        "各来源份额合计为 90%，应为 100%。请调整份额。"
    );
    assert!(text(&root, "plan-status").starts_with("无法计算补充计划：各来源份额合计为 90%"));

    click(&root, "talent-tab-plan").await;
    assert!(text(&root, "plan-error-SR").starts_with("无法计算补充计划"));
    assert!(
        !exists(&root, "plan-error-AR"),
        "the other roles still plan"
    );
    assert_eq!(text(&root, "plan-hires-AR"), "1");
    assert!(text(&root, "plan-detail-error").contains("90%"));
    assert!(!exists(&root, "capacity-chart"));
    leave(root);
}

#[wasm_bindgen_test]
async fn a_wrong_number_is_refused_next_to_its_input_and_nothing_changes() {
    let root = open_talent("en").await;
    commit(&root, "source-share-1", "abc").await;
    assert_eq!(text(&root, "source-share-1-error"), "Not a number");
    commit(&root, "source-lead-1", "-2").await;
    assert_eq!(text(&root, "source-lead-1-error"), "Must not be negative");
    assert_eq!(text(&root, "sources-sum"), "100%");
    assert!(!exists(&root, "sources-error"));
    // Nothing was dispatched, so there is nothing to undo.
    assert!(find(&root, "undo").has_attribute("disabled"));
    // A valid value clears the message and applies.
    commit(&root, "source-share-1", "30").await;
    assert!(!exists(&root, "source-share-1-error"));

    click(&root, "talent-tab-plan").await;
    assert_eq!(text(&root, "plan-hires-needed"), "4");
    assert_eq!(text(&root, "plan-closes"), "closes in 2027-02, month 12");
    let rows = root
        .query_selector_all("[data-testid=capacity-table] tbody tr")
        .unwrap();
    assert_eq!(rows.length(), 24);
    commit(&root, "plan-start", "2026-13").await;
    assert_eq!(
        text(&root, "plan-start-error"),
        "Write the month as YYYY-MM, e.g. 2026-02"
    );
    commit(&root, "plan-start", "2026-3").await;
    assert_eq!(text(&root, "plan-closes"), "closes in 2027-03, month 12");
    leave(root);
}

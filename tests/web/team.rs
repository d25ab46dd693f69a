//! Browser tests of the team view: on the demo's staffing board, assigning an FR to a strategic
//! account that has none closes its gap in the cell, the row, the FR totals and the gaps list;
//! an FTE that is not a number is refused next to the input.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::{click, find, mount, sleep, text};

/// Waits (up to 2 s) until `[data-testid=testid]` is in `root`: the route follows the hash
/// change event, which arrives after the click.
async fn wait_for(root: &Element, testid: &str) {
    for _ in 0..100 {
        yew::scheduler::flush().await;
        if root
            .query_selector(&format!("[data-testid={testid}]"))
            .ok()
            .flatten()
            .is_some()
        {
            return;
        }
        sleep(20).await;
    }
    panic!("[data-testid={testid}] never appeared");
}

async fn type_into(root: &Element, testid: &str, value: &str) {
    let input: HtmlInputElement = find(root, testid).unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

fn status(root: &Element, testid: &str) -> String {
    find(root, testid)
        .get_attribute("data-status")
        .unwrap_or_default()
}

fn count(root: &Element, testid: &str) -> usize {
    text(root, testid).trim().parse().expect("a count")
}

fn has(root: &Element, testid: &str) -> bool {
    root.query_selector(&format!("[data-testid={testid}]"))
        .unwrap()
        .is_some()
}

#[wasm_bindgen_test]
async fn assigning_an_fr_on_the_board_closes_the_strategic_accounts_gap() {
    let root = mount("zh-CN").await;
    click(&root, "nav-team").await;
    wait_for(&root, "board-table").await;

    // The planted problem: c-0046 (strategic) has AD, AR and SR but no FR.
    assert_eq!(status(&root, "cell-c-0046-FR"), "missing");
    assert_eq!(text(&root, "cell-figure-c-0046-FR"), "0 / 1");
    assert_eq!(text(&root, "coverage-c-0046"), "71.4%");
    assert!(has(&root, "flag-under-c-0046"));
    assert!(has(&root, "flag-missing-c-0046-FR"));
    assert_eq!(text(&root, "total-FR-required"), "10");
    assert_eq!(text(&root, "total-FR-assigned"), "8");
    assert_eq!(text(&root, "total-SR-gap"), "3.5");
    assert_eq!(text(&root, "total-SR-heads"), "4");
    let gaps_before = count(&root, "gaps-count");

    // Open the cell; the FTE offered is the shortfall.
    click(&root, "cell-edit-c-0046-FR").await;
    let fte: HtmlInputElement = find(&root, "assign-fte").unchecked_into();
    assert_eq!(fte.value(), "1");

    // Not a number: refused next to the input, nothing changes.
    type_into(&root, "assign-fte", "abc").await;
    click(&root, "assign-confirm").await;
    assert_eq!(text(&root, "assign-error"), "请输入数字，如 0.5");
    assert_eq!(status(&root, "cell-c-0046-FR"), "missing");
    type_into(&root, "assign-fte", "0").await;
    click(&root, "assign-confirm").await;
    assert_eq!(text(&root, "assign-error"), "FTE 必须大于 0");
    assert_eq!(text(&root, "total-FR-assigned"), "8");

    // Assign 唐亮 (FR) for 1 FTE.
    type_into(&root, "assign-fte", "1").await;
    let select: HtmlSelectElement = find(&root, "assign-person").unchecked_into();
    select.set_value("p-fr01");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
    click(&root, "assign-confirm").await;

    assert_eq!(status(&root, "cell-c-0046-FR"), "met");
    assert_eq!(text(&root, "cell-figure-c-0046-FR"), "1 / 1");
    assert!(text(&root, "cell-c-0046-FR").contains("唐亮"));
    assert_eq!(text(&root, "coverage-c-0046"), "100%");
    assert!(!has(&root, "flag-under-c-0046"));
    assert!(!has(&root, "flag-missing-c-0046-FR"));
    assert_eq!(text(&root, "total-FR-assigned"), "9");
    // One missing role and one under-staffed account fewer, one over-allocated person more (唐亮
    // now carries two full-time accounts).
    assert_eq!(count(&root, "gaps-count"), gaps_before - 1);
    assert!(text(&root, "board-gaps").contains("唐亮（FR）：负荷 200%"));

    web_sys::window().unwrap().location().set_hash("").unwrap();
    root.remove();
}

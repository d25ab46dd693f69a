//! Browser tests of the 151 view: logging a done action through the form raises the account's
//! completion in the table; a wrong date is refused next to its field and nothing changes.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::{click, find, mount, text};

/// A strategic demo account on track: 2 of 19 done (10.5 %).
const ACCOUNT: &str = "c-0046";

async fn open_engagement(lang: &str) -> Element {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/engagement")
        .unwrap();
    mount(lang).await
}

fn leave(root: Element) {
    web_sys::window().unwrap().location().set_hash("").unwrap();
    root.remove();
}

async fn choose(root: &Element, testid: &str, value: &str) {
    let select: HtmlSelectElement = find(root, testid).unchecked_into();
    select.set_value(value);
    assert_eq!(select.value(), value, "{testid} has the option {value}");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

async fn type_into(root: &Element, testid: &str, value: &str) {
    let input: HtmlInputElement = find(root, testid).unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::Event::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

fn exists(root: &Element, testid: &str) -> bool {
    root.query_selector(&format!("[data-testid={testid}]"))
        .unwrap()
        .is_some()
}

#[wasm_bindgen_test]
async fn logging_a_done_action_raises_the_accounts_completion() {
    let root = open_engagement("zh-CN").await;
    let pct = format!("engagement-account-pct-{ACCOUNT}");
    assert_eq!(text(&root, &pct), "10.5%");
    assert_eq!(text(&root, "engagement-overall"), "8.8%");
    assert_eq!(text(&root, "engagement-behind-count"), "2");

    click(&root, "engagement-tab-log").await;
    assert_eq!(text(&root, "engagement-log-count"), "显示 210 / 210 条");
    choose(&root, "engagement-form-account", ACCOUNT).await;
    choose(&root, "engagement-form-action", "executive_visit").await;
    // Today (2026-01-15) and "done" are the defaults of a new entry.
    assert_eq!(
        find(&root, "engagement-form-date")
            .unchecked_into::<HtmlInputElement>()
            .value(),
        "2026-01-15"
    );
    click(&root, "engagement-form-save").await;
    assert_eq!(text(&root, "engagement-log-count"), "显示 211 / 211 条");
    assert_eq!(
        text(&root, "engagement-entry-e-211"),
        "2026-01-15陕西省交通投资集团有限公司高层拜访已完成修改删除"
    );

    click(&root, "engagement-tab-completion").await;
    // 3 of 19 = 15.8 %; overall 19 of 205 = 9.3 %.
    assert_eq!(text(&root, &pct), "15.8%");
    assert_eq!(text(&root, "engagement-overall"), "9.3%");
    leave(root);
}

#[wasm_bindgen_test]
async fn a_wrong_date_is_refused_next_to_the_field() {
    let root = open_engagement("en").await;
    click(&root, "engagement-tab-log").await;
    choose(&root, "engagement-form-account", ACCOUNT).await;
    type_into(&root, "engagement-form-date", "2026-02-30").await;
    click(&root, "engagement-form-save").await;
    assert_eq!(
        text(&root, "engagement-form-date-error"),
        "The date must be a real date written YYYY-MM-DD, e.g. 2026-03-18."
    );
    assert!(!exists(&root, "engagement-form-account-error"));
    assert_eq!(
        text(&root, "engagement-log-count"),
        "210 of 210 entries shown"
    );
    type_into(&root, "engagement-form-date", "2026-02-27").await;
    click(&root, "engagement-form-save").await;
    assert!(!exists(&root, "engagement-form-date-error"));
    assert_eq!(
        text(&root, "engagement-log-count"),
        "211 of 211 entries shown"
    );
    leave(root);
}

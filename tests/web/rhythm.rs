//! Browser tests of the rhythm view: the demo's calendar shows the right number of meetings per
//! month and lists them; changing a meeting's cadence in its form changes the calendar; a bad
//! duration is refused next to its field.

use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

use super::{click, find, mount, text};

async fn open_rhythm(lang: &str) -> Element {
    web_sys::window()
        .unwrap()
        .location()
        .set_hash("#/rhythm")
        .unwrap();
    mount(lang).await
}

fn leave(root: Element) {
    web_sys::window().unwrap().location().set_hash("").unwrap();
    root.remove();
}

fn count(root: &Element, selector: &str) -> u32 {
    root.query_selector_all(selector).unwrap().length()
}

fn month_count(root: &Element, m: u32) -> String {
    find(root, &format!("month-{m}"))
        .get_attribute("data-count")
        .unwrap_or_default()
}

async fn choose(root: &Element, testid: &str, value: &str) {
    let select: HtmlSelectElement = find(root, testid).unchecked_into();
    select.set_value(value);
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

async fn type_into(root: &Element, testid: &str, value: &str) {
    let input: HtmlInputElement = find(root, testid).unchecked_into();
    input.set_value(value);
    input
        .dispatch_event(&web_sys::InputEvent::new("input").unwrap())
        .unwrap();
    yew::scheduler::flush().await;
}

#[wasm_bindgen_test]
async fn the_calendar_counts_and_lists_the_meetings_of_a_month() {
    let root = open_rhythm("zh-CN").await;
    // January 2026: Mondays 5, 12, 19, 26; lead reviews 7 and 21; the analysis on Friday 30.
    assert_eq!(month_count(&root, 1), "7");
    assert_eq!(text(&root, "month-count-1"), "7 场");
    assert_eq!(count(&root, "[data-testid=rhythm-list-row]"), 7);
    // March: 5 Mondays, 2 lead reviews, the analysis on the 27th, the quarterly review on the 31st.
    assert_eq!(month_count(&root, 3), "9");
    click(&root, "month-title-3").await;
    assert_eq!(count(&root, "[data-testid=rhythm-list-row]"), 9);
    assert_eq!(text(&root, "rhythm-list-title"), "2026 年3月 · 9 场");
    // The 31st holds one meeting, the quarterly review, once per account of both tiers (15).
    assert_eq!(
        find(&root, "day-3-31")
            .get_attribute("data-count")
            .as_deref(),
        Some("1")
    );
    click(&root, "day-3-31").await;
    assert_eq!(count(&root, "[data-testid=rhythm-list-row]"), 1);
    let row = text(&root, "rhythm-list");
    assert!(row.contains("季度业务审视") && row.ends_with("15"), "{row}");
    assert_eq!(
        text(&root, "rhythm-summary"),
        "2026 财年：6 个例行会议、2 个管理组织，共 97 个会议日期。"
    );
    leave(root);
}

#[wasm_bindgen_test]
async fn a_new_cadence_changes_the_calendar_and_a_bad_duration_is_refused() {
    let root = open_rhythm("en").await;
    assert_eq!(month_count(&root, 1), "7");
    click(&root, "rhythm-tab-meetings").await;
    click(&root, "meeting-edit-triangle_sync").await;
    choose(&root, "mf-cadence", "biweekly").await;
    type_into(&root, "mf-duration", "x").await;
    click(&root, "mf-save").await;
    assert_eq!(
        text(&root, "mf-duration-error"),
        "Enter a number of hours above 0 and at most 24."
    );
    type_into(&root, "mf-duration", "1.5").await;
    click(&root, "mf-save").await;
    assert_eq!(count(&root, "[data-testid=meeting-form]"), 0);
    assert!(text(&root, "meeting-rule-triangle_sync").starts_with("Biweekly"));
    click(&root, "rhythm-tab-calendar").await;
    // Every other Monday: 5 and 19 January instead of four Mondays.
    assert_eq!(month_count(&root, 1), "5");
    assert_eq!(text(&root, "month-count-1"), "5 meetings");
    leave(root);
}

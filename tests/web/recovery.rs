//! The recovery banner the panic hook shows, built directly (a real panic would end the test
//! run): the message in the user's language, a `blob:` download of the workspace file, a reload
//! link; and without a workspace, the note instead of the link.

use kam_planner::domain::demo::{self, DemoLocale};
use kam_planner::ui::i18n::Lang;
use kam_planner::ui::recovery::build_banner;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::HtmlAnchorElement;

const NOW: i64 = 1_763_800_000_000;

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

#[wasm_bindgen_test]
fn the_banner_offers_the_workspace_as_a_blob_download_and_a_reload() {
    let ws = demo::build("ws-r", NOW, DemoLocale::Zh);
    let banner = build_banner(&document(), Some(&ws), Lang::ZhCn, NOW).unwrap();
    assert_eq!(
        banner
            .query_selector(".recovery-text")
            .unwrap()
            .unwrap()
            .text_content()
            .unwrap(),
        "出错了：应用遇到内部错误，已停止运行。请先导出当前工作区，再刷新页面。"
    );
    let link: HtmlAnchorElement = banner
        .query_selector("[data-testid=recovery-export]")
        .unwrap()
        .unwrap()
        .dyn_into()
        .unwrap();
    assert!(link.href().starts_with("blob:"), "{}", link.href());
    assert!(
        link.download().ends_with(".kam.json"),
        "{}",
        link.download()
    );
    assert!(link.download().starts_with(&ws.meta.name));
    assert!(banner
        .query_selector("[data-testid=recovery-reload]")
        .unwrap()
        .is_some());
    assert!(
        banner.get_attribute("style").is_none(),
        "no inline style (strict CSP)"
    );
}

#[wasm_bindgen_test]
fn without_a_workspace_the_banner_still_offers_the_reload() {
    let banner = build_banner(&document(), None, Lang::En, NOW).unwrap();
    let text = banner.text_content().unwrap();
    assert!(text.starts_with("Something went wrong"), "{text}");
    assert!(banner
        .query_selector("[data-testid=recovery-export]")
        .unwrap()
        .is_none());
    assert!(banner
        .query_selector("[data-testid=recovery-reload]")
        .unwrap()
        .is_some());
}

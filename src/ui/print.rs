//! Whether the page is being printed: a view that renders only part of a long list on screen
//! (the virtualised customer table) renders all of it for print.

use gloo::events::EventListener;
use wasm_bindgen::{JsCast, JsValue};
use yew::prelude::*;

/// `matchMedia("print")`, as an event target (its `change` fires when printing starts and ends,
/// and when print media is emulated).
fn print_query() -> Option<web_sys::EventTarget> {
    let window = web_sys::window()?;
    let match_media = js_sys::Reflect::get(&window, &JsValue::from_str("matchMedia"))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    match_media
        .call1(&window, &JsValue::from_str("print"))
        .ok()?
        .dyn_into::<web_sys::EventTarget>()
        .ok()
}

fn matches(query: &web_sys::EventTarget) -> bool {
    js_sys::Reflect::get(query, &JsValue::from_str("matches"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// True while the page is printed (print media, or between `beforeprint` and `afterprint`).
#[hook]
pub fn use_printing() -> bool {
    let printing = use_state_eq(|| print_query().is_some_and(|q| matches(&q)));
    {
        let printing = printing.clone();
        use_effect_with((), move |_| {
            let mut listeners = Vec::new();
            if let Some(query) = print_query() {
                let (p, q) = (printing.clone(), query.clone());
                listeners.push(EventListener::new(&query, "change", move |_| {
                    p.set(matches(&q))
                }));
            }
            if let Some(w) = web_sys::window() {
                let p = printing.clone();
                listeners.push(EventListener::new(&w, "beforeprint", move |_| p.set(true)));
                listeners.push(EventListener::new(&w, "afterprint", move |_| {
                    printing.set(false)
                }));
            }
            move || drop(listeners)
        });
    }
    *printing
}

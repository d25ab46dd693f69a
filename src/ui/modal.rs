//! A modal that keyboard and screen-reader users can live with: focus moves into it when it opens,
//! Tab and Shift+Tab stay inside it, Esc closes it, and when it closes focus returns to the
//! element that had it before (the button that opened it).
//!
//! A dialog that is a form (fields, a submit button, Enter submits) passes `onsubmit`: the dialog
//! element is then the `<form>` itself, validated by the app (`novalidate`).

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;
use yew::prelude::*;

/// What can take focus inside the modal.
const FOCUSABLE: &str = "button:not([disabled]), [href], input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex='-1'])";

/// Props of [`Modal`].
#[derive(Properties, PartialEq)]
pub struct ModalProps {
    /// Id of the heading that names the dialog.
    pub labelledby: AttrValue,
    /// `data-testid` of the dialog element.
    pub testid: AttrValue,
    /// Extra classes of the dialog element.
    #[prop_or_default]
    pub class: Classes,
    /// Esc was pressed.
    pub on_close: Callback<()>,
    /// Makes the dialog a `<form>` submitted to this callback.
    #[prop_or_default]
    pub onsubmit: Option<Callback<SubmitEvent>>,
    /// The element that takes focus when the dialog opens; the first focusable one when unset.
    #[prop_or_default]
    pub focus: NodeRef,
    /// A reference to the dialog element for its content (a form that focuses its first invalid
    /// field); the modal keeps its own when unset.
    #[prop_or_default]
    pub dialog_ref: Option<NodeRef>,
    /// The content.
    #[prop_or_default]
    pub children: Html,
}

/// The elements inside `root` that can take focus, in document order.
fn focusables(root: &HtmlElement) -> Vec<HtmlElement> {
    let Ok(list) = root.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i))
        .filter_map(|n| n.dyn_into::<HtmlElement>().ok())
        .filter(|e| e.offset_parent().is_some())
        .collect()
}

/// A modal dialog with a focus trap.
#[function_component(Modal)]
pub fn modal(props: &ModalProps) -> Html {
    let own_ref = use_node_ref();
    let dialog = props.dialog_ref.clone().unwrap_or(own_ref);
    // The opener is taken while the dialog first renders, before any effect (the modal's or its
    // content's) moves the focus.
    let opener = use_mut_ref(|| {
        web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element())
            .and_then(|e| e.dyn_into::<HtmlElement>().ok())
    });
    {
        let dialog = dialog.clone();
        let focus = props.focus.clone();
        use_effect_with((), move |_| {
            let opener = opener.borrow_mut().take();
            if let Some(root) = dialog.cast::<HtmlElement>() {
                match focus
                    .cast::<HtmlElement>()
                    .or_else(|| focusables(&root).into_iter().next())
                {
                    Some(first) => {
                        let _ = first.focus();
                    }
                    None => {
                        let _ = root.focus();
                    }
                }
            }
            move || {
                if let Some(opener) = opener {
                    if opener.is_connected() {
                        let _ = opener.focus();
                    }
                }
            }
        });
    }
    // Focus that left the dialog while it changed (a step replaced the focused button) comes back.
    {
        let dialog = dialog.clone();
        use_effect(move || {
            if let Some(root) = dialog.cast::<HtmlElement>() {
                let active = web_sys::window()
                    .and_then(|w| w.document())
                    .and_then(|d| d.active_element());
                let inside = active
                    .as_ref()
                    .is_some_and(|a| root.contains(Some(a.unchecked_ref())));
                if !inside {
                    if let Some(first) = focusables(&root).into_iter().next() {
                        let _ = first.focus();
                    }
                }
            }
        });
    }
    let on_keydown = {
        let dialog = dialog.clone();
        let on_close = props.on_close.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                e.prevent_default();
                e.stop_propagation();
                on_close.emit(());
                return;
            }
            if e.key() != "Tab" {
                return;
            }
            let Some(root) = dialog.cast::<HtmlElement>() else {
                return;
            };
            let items = focusables(&root);
            let (Some(first), Some(last)) = (items.first(), items.last()) else {
                e.prevent_default();
                return;
            };
            let active = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element());
            let is = |el: &HtmlElement| {
                active
                    .as_ref()
                    .is_some_and(|a| a == el.unchecked_ref::<web_sys::Element>())
            };
            let inside = active
                .as_ref()
                .is_some_and(|a| root.contains(Some(a.unchecked_ref())));
            if e.shift_key() && (is(first) || !inside) {
                e.prevent_default();
                let _ = last.focus();
            } else if !e.shift_key() && (is(last) || !inside) {
                e.prevent_default();
                let _ = first.focus();
            }
        })
    };
    let class = classes!("dialog", props.class.clone());
    let labelledby = props.labelledby.clone();
    let testid = props.testid.clone();
    html! {
        <div class="dialog-backdrop" onkeydown={on_keydown}>
            if let Some(onsubmit) = props.onsubmit.clone() {
                <form ref={dialog} {class} role="dialog" aria-modal="true" aria-labelledby={labelledby}
                      tabindex="-1" data-testid={testid} {onsubmit} novalidate={true}>
                    { props.children.clone() }
                </form>
            } else {
                <div ref={dialog} {class} role="dialog" aria-modal="true"
                     aria-labelledby={labelledby} tabindex="-1" data-testid={testid}>
                    { props.children.clone() }
                </div>
            }
        </div>
    }
}

/// Whether a dialog is open, with the callbacks a button and the dialog use to open and close it.
pub struct DialogSwitch {
    /// True while the dialog is open.
    pub open: UseStateHandle<bool>,
    /// Opens it (a button's `onclick`).
    pub show: Callback<MouseEvent>,
    /// Closes it (the dialog's `on_close`).
    pub close: Callback<()>,
}

/// A dialog's open state, closed at first.
#[hook]
pub fn use_dialog_switch() -> DialogSwitch {
    let open = use_state(|| false);
    let show = {
        let open = open.clone();
        Callback::from(move |_: MouseEvent| open.set(true))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_: ()| open.set(false))
    };
    DialogSwitch { open, show, close }
}

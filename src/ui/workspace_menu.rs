//! The workspace switcher in the header: the list of workspaces and the actions on them
//! (create empty, create from demo, rename, duplicate, delete, reset demo, export).

use yew::prelude::*;

use super::dialog::Dialog;
use super::exchange::WorkspaceImport;
use super::i18n::use_i18n;
use super::library::use_library;
use super::messages::edit_error_text;
use super::state::use_workspace;
use crate::domain::edit::{checked_name, Edit};

/// The dialog the menu has open.
#[derive(Clone, Copy, PartialEq)]
enum Ask {
    NewEmpty,
    Rename,
    Delete,
    ResetDemo,
    Import,
}

/// The workspace switcher.
#[function_component(WorkspaceMenu)]
pub fn workspace_menu() -> Html {
    let i18n = use_i18n();
    let library = use_library();
    let handle = use_workspace();
    let ws = handle.workspace();
    let open = use_state(|| false);
    let ask = use_state(|| None::<Ask>);
    let button = use_node_ref();

    let toggle = {
        let open = open.clone();
        Callback::from(move |_| open.set(!*open))
    };
    let close = {
        let open = open.clone();
        Callback::from(move |_| open.set(false))
    };
    // The menu item goes away with the menu: focus moves to the menu button first, so that the
    // dialog returns it there when it closes.
    let asking = |a: Ask| {
        let ask = ask.clone();
        let open = open.clone();
        let button = button.clone();
        Callback::from(move |_| {
            if let Some(b) = button.cast::<web_sys::HtmlElement>() {
                let _ = b.focus();
            }
            open.set(false);
            ask.set(Some(a));
        })
    };
    let act = |f: fn(&super::library::Library)| {
        let library = library.clone();
        let open = open.clone();
        Callback::from(move |_| {
            open.set(false);
            f(&library);
        })
    };
    let on_keydown = {
        let open = open.clone();
        Callback::from(move |e: KeyboardEvent| {
            if e.key() == "Escape" {
                open.set(false);
            }
        })
    };
    let validate_name = Callback::from(move |text: String| {
        checked_name(&text)
            .err()
            .map(|e| edit_error_text(&i18n, &e))
    });
    let cancel = {
        let ask = ask.clone();
        Callback::from(move |_| ask.set(None))
    };

    let dialog = match *ask {
        None => html! {},
        Some(kind) => {
            let library = library.clone();
            let handle = handle.clone();
            let ask = ask.clone();
            let on_confirm = Callback::from(move |text: String| {
                ask.set(None);
                match kind {
                    Ask::NewEmpty => {
                        if let Ok(name) = checked_name(&text) {
                            library.create_empty(&name);
                        }
                    }
                    Ask::Rename => handle.edit(Edit::Rename(text)),
                    Ask::Delete => library.delete_current(),
                    Ask::ResetDemo => library.reset_demo(),
                    Ask::Import => {}
                }
            });
            let name = ws.meta.name.as_str();
            match kind {
                Ask::NewEmpty => html! {
                    <Dialog title={i18n.t("dialog.new_title").to_string()}
                        input={i18n.t("ws.default_name").to_string()}
                        input_label={i18n.t("dialog.name_label").to_string()}
                        confirm_label={i18n.t("dialog.confirm").to_string()}
                        validate={validate_name.clone()} {on_confirm} on_cancel={cancel.clone()} />
                },
                Ask::Rename => html! {
                    <Dialog title={i18n.t("dialog.rename_title").to_string()}
                        input={name.to_string()}
                        input_label={i18n.t("dialog.name_label").to_string()}
                        confirm_label={i18n.t("dialog.confirm").to_string()}
                        validate={validate_name.clone()} {on_confirm} on_cancel={cancel.clone()} />
                },
                Ask::Delete => html! {
                    <Dialog title={i18n.t("dialog.delete_title").to_string()}
                        body={i18n.tf("dialog.delete_body", &[("name", name)])}
                        confirm_label={i18n.t("dialog.delete_confirm").to_string()}
                        danger=true {on_confirm} on_cancel={cancel.clone()} />
                },
                Ask::ResetDemo => html! {
                    <Dialog title={i18n.t("dialog.reset_title").to_string()}
                        body={i18n.tf("dialog.reset_body", &[("name", name)])}
                        confirm_label={i18n.t("dialog.reset_confirm").to_string()}
                        danger=true {on_confirm} on_cancel={cancel.clone()} />
                },
                Ask::Import => html! { <WorkspaceImport on_close={cancel.clone()} /> },
            }
        }
    };

    let entries = if *open { library.entries() } else { Vec::new() };
    html! {
        <div class="ws-menu" onkeydown={on_keydown}>
            <button ref={button.clone()} type="button" class="ws-menu-button" onclick={toggle}
                    aria-haspopup="true" aria-expanded={(*open).to_string()}
                    title={i18n.t("ws.menu_hint")} data-testid="ws-menu">
                <span class="ws-menu-caption">{ i18n.t("ws.menu") }</span>
                <span class="ws-menu-name" data-testid="ws-name">{ ws.meta.name.clone() }</span>
                <span class="ws-menu-caret" aria-hidden="true">{ "▾" }</span>
            </button>
            if *open {
                <div class="ws-menu-backdrop" onclick={close}></div>
                <div class="ws-menu-panel" role="menu">
                    <div class="ws-menu-heading">{ i18n.t("ws.list") }</div>
                    <ul class="ws-menu-list">
                        { for entries.iter().map(|e| {
                            let current = e.id == ws.meta.id;
                            let library = library.clone();
                            let open = open.clone();
                            let id = e.id.clone();
                            let pick = Callback::from(move |_| {
                                open.set(false);
                                library.switch_to(&id);
                            });
                            html! {
                                <li>
                                    <button type="button" role="menuitem" data-testid="ws-item"
                                            class={classes!("ws-menu-item", current.then_some("is-current"))}
                                            aria-current={current.then_some("true")} onclick={pick}>
                                        { e.name.clone() }
                                    </button>
                                </li>
                            }
                        }) }
                    </ul>
                    <div class="ws-menu-actions">
                        <button type="button" role="menuitem" data-testid="ws-new-empty"
                                onclick={asking(Ask::NewEmpty)}>{ i18n.t("ws.new_empty") }</button>
                        <button type="button" role="menuitem" data-testid="ws-new-demo"
                                onclick={act(|l| l.create_demo())}>{ i18n.t("ws.new_demo") }</button>
                        <button type="button" role="menuitem" data-testid="ws-rename"
                                onclick={asking(Ask::Rename)}>{ i18n.t("ws.rename") }</button>
                        <button type="button" role="menuitem" data-testid="ws-duplicate"
                                onclick={act(|l| l.duplicate())}>{ i18n.t("ws.duplicate") }</button>
                        if ws.meta.is_demo {
                            <button type="button" role="menuitem" data-testid="ws-reset-demo"
                                    onclick={asking(Ask::ResetDemo)}>{ i18n.t("ws.reset_demo") }</button>
                        }
                        <button type="button" role="menuitem" data-testid="ws-export"
                                onclick={act(|l| l.export())}>{ i18n.t("ws.export") }</button>
                        <button type="button" role="menuitem" data-testid="ws-import"
                                onclick={asking(Ask::Import)}>{ i18n.t("exchange.menu") }</button>
                        <button type="button" role="menuitem" data-testid="ws-delete" class="is-danger"
                                onclick={asking(Ask::Delete)}>{ i18n.t("ws.delete") }</button>
                    </div>
                </div>
            }
            { dialog }
        </div>
    }
}

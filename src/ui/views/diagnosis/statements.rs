//! The statement editor: each dimension's statements with their Chinese and English texts,
//! added and deleted. Deleting a statement deletes its ratings (a rating of no statement is
//! refused by `diagnosis::check`).

use web_sys::HtmlInputElement;
use yew::prelude::*;

use super::dimension_name;
use crate::domain::diagnosis::{Diagnosis, Soti, Statement};
use crate::ui::i18n::use_i18n;
use crate::ui::state::DocRef;

/// Props of [`StatementEditor`].
#[derive(Properties, PartialEq)]
pub struct StatementEditorProps {
    /// The open workspace.
    pub ws: DocRef,
    /// Saves the changed document.
    pub on_save: Callback<Diagnosis>,
}

/// Which text of a statement an input edits.
#[derive(Clone, Copy)]
enum Text {
    Zh,
    En,
}

/// The editor.
#[function_component(StatementEditor)]
pub fn statement_editor(props: &StatementEditorProps) -> Html {
    let i18n = use_i18n();
    let d = &props.ws.0.diagnosis;
    let set_text = |id: String, which: Text| {
        let (ws, on_save) = (props.ws.clone(), props.on_save.clone());
        Callback::from(move |e: Event| {
            let value = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = ws.0.diagnosis.clone();
            if let Some(s) = next.statements.iter_mut().find(|s| s.id == id) {
                match which {
                    Text::Zh => s.zh = value.trim().to_string(),
                    Text::En => s.en = value.trim().to_string(),
                }
            }
            on_save.emit(next);
        })
    };
    let remove = |id: String| {
        let (ws, on_save) = (props.ws.clone(), props.on_save.clone());
        Callback::from(move |_: MouseEvent| {
            let mut next = ws.0.diagnosis.clone();
            next.statements.retain(|s| s.id != id);
            for r in &mut next.respondents {
                r.ratings.remove(&id);
            }
            on_save.emit(next);
        })
    };
    let add = |dim: Soti| {
        let (ws, on_save) = (props.ws.clone(), props.on_save.clone());
        let text = i18n.t("diagnosis.new_statement").to_string();
        Callback::from(move |_: MouseEvent| {
            let mut next = ws.0.diagnosis.clone();
            // After the dimension's last statement, so the list keeps its grouping.
            let at = next
                .statements
                .iter()
                .rposition(|s| s.dimension == dim)
                .map_or(next.statements.len(), |i| i + 1);
            let id = next.next_id("st-");
            next.statements.insert(
                at,
                Statement {
                    id,
                    dimension: dim,
                    zh: text.clone(),
                    en: text.clone(),
                    updated_at: 0,
                },
            );
            on_save.emit(next);
        })
    };
    html! {
        <div class="diag-statement-editor" data-testid="diag-statement-editor">
            <p class="muted">{ i18n.t("diagnosis.edit_help") }</p>
            { for Soti::ALL.iter().map(|dim| html! {
                <fieldset class="diag-statement-group">
                    <legend>{ format!("{} · {}", dim.letter(), dimension_name(&i18n, *dim)) }</legend>
                    { for d.statements.iter().filter(|s| s.dimension == *dim).map(|s| html! {
                        <div class="diag-statement-row" data-testid={format!("diag-edit-{}", s.id)}>
                            <label>
                                <span class="diag-lang">{ i18n.t("diagnosis.lang_zh") }</span>
                                <input type="text" maxlength="300" value={s.zh.clone()} onchange={set_text(s.id.clone(), Text::Zh)}
                                       aria-label={i18n.tf("diagnosis.text_zh_of", &[("id", &s.id)])} />
                            </label>
                            <label>
                                <span class="diag-lang">{ i18n.t("diagnosis.lang_en") }</span>
                                <input type="text" maxlength="300" value={s.en.clone()} onchange={set_text(s.id.clone(), Text::En)}
                                       aria-label={i18n.tf("diagnosis.text_en_of", &[("id", &s.id)])} />
                            </label>
                            <button type="button" class="button button-danger diag-remove" onclick={remove(s.id.clone())}
                                    aria-label={i18n.tf("diagnosis.remove_statement", &[("id", &s.id)])}>{ i18n.t("diagnosis.remove") }</button>
                        </div>
                    }) }
                    <button type="button" class="button" onclick={add(*dim)} data-testid={format!("diag-add-statement-{}", dim.key())}>
                        { i18n.tf("diagnosis.add_statement", &[("dim", &dimension_name(&i18n, *dim))]) }
                    </button>
                </fieldset>
            }) }
        </div>
    }
}

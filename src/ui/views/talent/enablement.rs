//! How a role's capability is built (赋能举措): training-in-battle (训战结合), zig-zag rotation
//! (之字形轮岗), mentoring and whatever else the user adds, each with a name and a description.

use yew::prelude::*;

use super::fields::{TextInput, MAX_TEXT_LEN};
use super::RoleEditorProps;
use crate::domain::org::talent::{Enablement, RoleTalent};
use crate::domain::org::talent_input::fresh_id;
use crate::domain::org::Bilingual;
use crate::ui::i18n::{use_i18n, I18n, Lang};

/// The enablement measures of one role.
#[function_component(EnablementList)]
pub fn enablement_list(props: &RoleEditorProps) -> Html {
    let i18n = use_i18n();
    let t = &props.talent;
    let change = {
        let t = t.clone();
        let on_change = props.on_change.clone();
        move |f: Box<dyn Fn(&mut RoleTalent)>| {
            let mut next = t.clone();
            f(&mut next);
            on_change.emit(next);
        }
    };
    let add = {
        let change = change.clone();
        let prefix = format!("{}-measure", t.role.to_lowercase());
        Callback::from(move |_| {
            let name_zh = I18n { lang: Lang::ZhCn }
                .t("talent.new_measure")
                .to_string();
            let name_en = I18n { lang: Lang::En }.t("talent.new_measure").to_string();
            let prefix = prefix.clone();
            change(Box::new(move |r: &mut RoleTalent| {
                let id = fresh_id(&prefix, r.enablement.iter().map(|e| e.id.as_str()));
                r.enablement.push(Enablement {
                    id,
                    name_zh: name_zh.clone(),
                    name_en: name_en.clone(),
                    description: Bilingual::default(),
                    updated_at: 0,
                });
            }));
        })
    };

    html! {
        <section class="card talent-enablement" data-testid="enablement">
            <h3 class="card-title">{ i18n.t("talent.enablement_title") }</h3>
            <p class="muted talent-hint">{ i18n.t("talent.enablement_hint") }</p>
            <ul class="talent-measures" data-testid="enablement-list">
            { for t.enablement.iter().enumerate().map(|(i, e)| {
                let name = super::pick(&i18n, &e.name_zh, &e.name_en).to_string();
                let set_text = |apply: fn(&mut Enablement, String)| {
                    let change = change.clone();
                    Callback::from(move |v: String| {
                        change(Box::new(move |r: &mut RoleTalent| {
                            if let Some(e) = r.enablement.get_mut(i) { apply(e, v.clone()) }
                        }))
                    })
                };
                let remove = {
                    let change = change.clone();
                    Callback::from(move |_| change(Box::new(move |r: &mut RoleTalent| {
                        if i < r.enablement.len() { r.enablement.remove(i); }
                    })))
                };
                let field = |key: &str| format!("{} — {}", i18n.t(key), name);
                html! {
                    <li key={e.id.clone()} class="talent-measure" data-testid={format!("measure-{i}")}>
                        <div class="talent-measure-names">
                            <label>
                                <span>{ i18n.t("talent.col_name_zh") }</span>
                                <TextInput value={e.name_zh.clone()} label={field("talent.col_name_zh")}
                                    allow_empty={!e.name_en.trim().is_empty()}
                                    testid={format!("measure-name-zh-{i}")} on_commit={set_text(|e, v| e.name_zh = v)} />
                            </label>
                            <label>
                                <span>{ i18n.t("talent.col_name_en") }</span>
                                <TextInput value={e.name_en.clone()} label={field("talent.col_name_en")}
                                    allow_empty={!e.name_zh.trim().is_empty()}
                                    testid={format!("measure-name-en-{i}")} on_commit={set_text(|e, v| e.name_en = v)} />
                            </label>
                            <button type="button" class="button icon" onclick={remove}
                                    title={field("talent.remove_measure")} aria-label={field("talent.remove_measure")}
                                    data-testid={format!("measure-remove-{i}")}>{ "✕" }</button>
                        </div>
                        <label class="talent-measure-text">
                            <span>{ i18n.t("talent.col_description_zh") }</span>
                            <TextInput value={e.description.zh.clone()} label={field("talent.col_description_zh")}
                                class="is-wide" allow_empty=true max_len={MAX_TEXT_LEN}
                                testid={format!("measure-desc-zh-{i}")} on_commit={set_text(|e, v| e.description.zh = v)} />
                        </label>
                        <label class="talent-measure-text">
                            <span>{ i18n.t("talent.col_description_en") }</span>
                            <TextInput value={e.description.en.clone()} label={field("talent.col_description_en")}
                                class="is-wide" allow_empty=true max_len={MAX_TEXT_LEN}
                                testid={format!("measure-desc-en-{i}")} on_commit={set_text(|e, v| e.description.en = v)} />
                        </label>
                    </li>
                }
            }) }
            </ul>
            if t.enablement.is_empty() {
                <p class="muted">{ i18n.t("talent.enablement_empty") }</p>
            }
            <button type="button" class="button" onclick={add} data-testid="measure-add">
                { "+ " }{ i18n.t("talent.add_measure") }
            </button>
        </section>
    }
}

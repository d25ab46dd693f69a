//! A role's growth ladder (成长阶梯), lowest step first: level, title, typical years in the role and
//! what it takes to get there; steps can be added, removed and moved.

use yew::prelude::*;

use super::fields::{NumberInput, NumberKind, TextInput, MAX_TEXT_LEN};
use super::RoleEditorProps;
use crate::domain::org::talent::{LadderStep, RoleTalent};
use crate::domain::org::talent_input::fresh_id;
use crate::domain::org::Bilingual;
use crate::ui::i18n::{use_i18n, I18n, Lang};

/// The ladder of one role.
#[function_component(Ladder)]
pub fn ladder(props: &RoleEditorProps) -> Html {
    let i18n = use_i18n();
    let t = &props.talent;
    let n = t.ladder.len();
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
        let prefix = format!("{}-step", t.role.to_lowercase());
        Callback::from(move |_| {
            let title_zh = I18n { lang: Lang::ZhCn }.t("talent.new_step").to_string();
            let title_en = I18n { lang: Lang::En }.t("talent.new_step").to_string();
            let prefix = prefix.clone();
            change(Box::new(move |r: &mut RoleTalent| {
                let id = fresh_id(&prefix, r.ladder.iter().map(|s| s.id.as_str()));
                // The next level after the top one, when levels are numbered like L3.
                let level = r
                    .ladder
                    .last()
                    .and_then(|s| s.level.strip_prefix('L'))
                    .and_then(|n| n.parse::<u32>().ok())
                    .map_or_else(
                        || format!("L{}", r.ladder.len() + 1),
                        |n| format!("L{}", n + 1),
                    );
                let years = r.ladder.last().map_or(0.0, |s| s.typical_years + 2.0);
                r.ladder.push(LadderStep {
                    id,
                    level,
                    title_zh: title_zh.clone(),
                    title_en: title_en.clone(),
                    typical_years: years,
                    criteria: Bilingual::default(),
                    updated_at: 0,
                });
            }));
        })
    };

    html! {
        <section class="card talent-ladder" data-testid="ladder">
            <h3 class="card-title">{ i18n.t("talent.ladder_title") }</h3>
            <p class="muted talent-hint">{ i18n.t("talent.ladder_hint") }</p>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("talent.ladder_title")}>
                <table class="data-table talent-table" data-testid="ladder-table">
                    <thead>
                        <tr>
                            <th>{ i18n.t("talent.col_level") }</th>
                            <th>{ i18n.t("talent.col_title") }</th>
                            <th class="num">{ i18n.t("talent.col_years") }</th>
                            <th class="talent-wide-col">{ i18n.t("talent.col_criteria") }</th>
                            <th><span class="visually-hidden">{ i18n.t("talent.col_actions") }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                    { for t.ladder.iter().enumerate().map(|(i, s)| {
                        let title = super::pick(&i18n, &s.title_zh, &s.title_en).to_string();
                        let caption = format!("{} {}", s.level, title);
                        let set_text = |apply: fn(&mut LadderStep, String)| {
                            let change = change.clone();
                            Callback::from(move |v: String| {
                                change(Box::new(move |r: &mut RoleTalent| {
                                    if let Some(s) = r.ladder.get_mut(i) { apply(s, v.clone()) }
                                }))
                            })
                        };
                        let set_years = {
                            let change = change.clone();
                            Callback::from(move |v: f64| {
                                change(Box::new(move |r: &mut RoleTalent| {
                                    if let Some(s) = r.ladder.get_mut(i) { s.typical_years = v }
                                }))
                            })
                        };
                        let swap = |other: usize| {
                            let change = change.clone();
                            Callback::from(move |_| change(Box::new(move |r: &mut RoleTalent| {
                                if other < r.ladder.len() { r.ladder.swap(i, other) }
                            })))
                        };
                        let remove = {
                            let change = change.clone();
                            Callback::from(move |_| change(Box::new(move |r: &mut RoleTalent| {
                                if i < r.ladder.len() { r.ladder.remove(i); }
                            })))
                        };
                        let field = |key: &str| format!("{} — {}", i18n.t(key), caption);
                        html! {
                            <tr key={s.id.clone()} data-testid={format!("ladder-row-{i}")}>
                                <td><TextInput value={s.level.clone()} label={field("talent.col_level")} class="is-short"
                                        testid={format!("ladder-level-{i}")} on_commit={set_text(|s, v| s.level = v)} /></td>
                                <td class="talent-pair">
                                    <TextInput value={s.title_zh.clone()} label={field("talent.col_title_zh")}
                                        allow_empty={!s.title_en.trim().is_empty()} placeholder={i18n.t("talent.col_title_zh").to_string()}
                                        testid={format!("ladder-title-zh-{i}")} on_commit={set_text(|s, v| s.title_zh = v)} />
                                    <TextInput value={s.title_en.clone()} label={field("talent.col_title_en")}
                                        allow_empty={!s.title_zh.trim().is_empty()} placeholder={i18n.t("talent.col_title_en").to_string()}
                                        testid={format!("ladder-title-en-{i}")} on_commit={set_text(|s, v| s.title_en = v)} />
                                </td>
                                <td class="num"><NumberInput value={s.typical_years} kind={NumberKind::Years}
                                        label={field("talent.col_years")} testid={format!("ladder-years-{i}")}
                                        on_commit={set_years} /></td>
                                <td class="talent-pair talent-wide-col">
                                    <TextInput value={s.criteria.zh.clone()} label={field("talent.col_criteria_zh")} class="is-wide"
                                        allow_empty=true max_len={MAX_TEXT_LEN} placeholder={i18n.t("talent.col_criteria_zh").to_string()}
                                        testid={format!("ladder-criteria-zh-{i}")} on_commit={set_text(|s, v| s.criteria.zh = v)} />
                                    <TextInput value={s.criteria.en.clone()} label={field("talent.col_criteria_en")} class="is-wide"
                                        allow_empty=true max_len={MAX_TEXT_LEN} placeholder={i18n.t("talent.col_criteria_en").to_string()}
                                        testid={format!("ladder-criteria-en-{i}")} on_commit={set_text(|s, v| s.criteria.en = v)} />
                                </td>
                                <td><div class="talent-row-actions">
                                    <button type="button" class="button icon" onclick={swap(i.wrapping_sub(1))} disabled={i == 0}
                                            title={field("talent.move_up")} aria-label={field("talent.move_up")}
                                            data-testid={format!("ladder-up-{i}")}>{ "↑" }</button>
                                    <button type="button" class="button icon" onclick={swap(i + 1)} disabled={i + 1 == n}
                                            title={field("talent.move_down")} aria-label={field("talent.move_down")}
                                            data-testid={format!("ladder-down-{i}")}>{ "↓" }</button>
                                    <button type="button" class="button icon" onclick={remove}
                                            title={field("talent.remove_step")} aria-label={field("talent.remove_step")}
                                            data-testid={format!("ladder-remove-{i}")}>{ "✕" }</button>
                                </div></td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
            </div>
            if t.ladder.is_empty() {
                <p class="muted">{ i18n.t("talent.ladder_empty") }</p>
            }
            <button type="button" class="button" onclick={add} data-testid="ladder-add">
                { "+ " }{ i18n.t("talent.add_step") }
            </button>
        </section>
    }
}

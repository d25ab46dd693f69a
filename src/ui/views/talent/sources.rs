//! Where a role's people come from: name, share of the intake, lead time and ramp-up per source;
//! the shares must sum to 100 %, otherwise the table says so (and the plan cannot be computed).

use yew::prelude::*;

use super::fields::{NumberInput, NumberKind, TextInput};
use super::{talent_error_text, RoleEditorProps};
use crate::domain::org::talent::{check_sources, RoleTalent, Source};
use crate::domain::org::talent_input::{format_plain, fresh_id, share_sum};
use crate::ui::i18n::{use_i18n, I18n, Lang};

/// The sources table of one role.
#[function_component(Sources)]
pub fn sources(props: &RoleEditorProps) -> Html {
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
        let prefix = format!("{}-source", t.role.to_lowercase());
        Callback::from(move |_| {
            let name_zh = I18n { lang: Lang::ZhCn }.t("talent.new_source").to_string();
            let name_en = I18n { lang: Lang::En }.t("talent.new_source").to_string();
            let prefix = prefix.clone();
            change(Box::new(move |r: &mut RoleTalent| {
                let id = fresh_id(&prefix, r.sources.iter().map(|s| s.id.as_str()));
                r.sources.push(Source {
                    id,
                    name_zh: name_zh.clone(),
                    name_en: name_en.clone(),
                    share_pct: 0.0,
                    lead_time_months: 3,
                    ramp_up_months: 6,
                    ..Source::default()
                });
            }));
        })
    };
    let sum = share_sum(t);
    let check = check_sources(t);

    html! {
        <section class="card talent-sources" data-testid="sources">
            <h3 class="card-title">{ i18n.t("talent.sources_title") }</h3>
            <p class="muted talent-hint">{ i18n.t("talent.sources_hint") }</p>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("talent.sources_title")}>
                <table class="data-table talent-table" data-testid="sources-table">
                    <thead>
                        <tr>
                            <th>{ i18n.t("talent.col_name_zh") }</th>
                            <th>{ i18n.t("talent.col_name_en") }</th>
                            <th class="num">{ i18n.t("talent.col_share") }</th>
                            <th class="num">{ i18n.t("talent.col_lead") }</th>
                            <th class="num">{ i18n.t("talent.col_ramp") }</th>
                            <th><span class="visually-hidden">{ i18n.t("talent.col_actions") }</span></th>
                        </tr>
                    </thead>
                    <tbody>
                    { for t.sources.iter().enumerate().map(|(i, s)| {
                        let name = super::pick(&i18n, &s.name_zh, &s.name_en).to_string();
                        let set_text = |apply: fn(&mut Source, String)| {
                            let change = change.clone();
                            Callback::from(move |v: String| {
                                change(Box::new(move |r: &mut RoleTalent| {
                                    if let Some(s) = r.sources.get_mut(i) { apply(s, v.clone()) }
                                }))
                            })
                        };
                        let set_number = |apply: fn(&mut Source, f64)| {
                            let change = change.clone();
                            Callback::from(move |v: f64| {
                                change(Box::new(move |r: &mut RoleTalent| {
                                    if let Some(s) = r.sources.get_mut(i) { apply(s, v) }
                                }))
                            })
                        };
                        let remove = {
                            let change = change.clone();
                            Callback::from(move |_| change(Box::new(move |r: &mut RoleTalent| {
                                if i < r.sources.len() { r.sources.remove(i); }
                            })))
                        };
                        let field = |key: &str| format!("{} — {}", i18n.t(key), name);
                        html! {
                            <tr key={s.id.clone()} data-testid={format!("source-row-{i}")}>
                                <td><TextInput value={s.name_zh.clone()} label={field("talent.col_name_zh")}
                                        allow_empty={!s.name_en.trim().is_empty()}
                                        testid={format!("source-name-zh-{i}")}
                                        on_commit={set_text(|s, v| s.name_zh = v)} /></td>
                                <td><TextInput value={s.name_en.clone()} label={field("talent.col_name_en")}
                                        allow_empty={!s.name_zh.trim().is_empty()}
                                        testid={format!("source-name-en-{i}")}
                                        on_commit={set_text(|s, v| s.name_en = v)} /></td>
                                <td class="num"><NumberInput value={s.share_pct} kind={NumberKind::Share}
                                        label={field("talent.col_share")} testid={format!("source-share-{i}")}
                                        on_commit={set_number(|s, v| s.share_pct = v)} /></td>
                                <td class="num"><NumberInput value={f64::from(s.lead_time_months)} kind={NumberKind::Months}
                                        label={field("talent.col_lead")} testid={format!("source-lead-{i}")}
                                        on_commit={set_number(|s, v| s.lead_time_months = v as u32)} /></td>
                                <td class="num"><NumberInput value={f64::from(s.ramp_up_months)} kind={NumberKind::Months}
                                        label={field("talent.col_ramp")} testid={format!("source-ramp-{i}")}
                                        on_commit={set_number(|s, v| s.ramp_up_months = v as u32)} /></td>
                                <td>
                                    <button type="button" class="button icon" onclick={remove}
                                            title={field("talent.remove_source")} aria-label={field("talent.remove_source")}
                                            data-testid={format!("source-remove-{i}")}>{ "✕" }</button>
                                </td>
                            </tr>
                        }
                    }) }
                    </tbody>
                    <tfoot>
                        <tr class={classes!(check.is_err().then_some("is-error"))}>
                            <th colspan="2">{ i18n.t("talent.share_total") }</th>
                            <td class="num" data-testid="sources-sum">{ format!("{}%", format_plain(sum)) }</td>
                            <td colspan="3"></td>
                        </tr>
                    </tfoot>
                </table>
            </div>
            if t.sources.is_empty() {
                <p class="muted" data-testid="sources-empty">{ i18n.t("talent.sources_empty") }</p>
            }
            if let Err(e) = &check {
                <p class="talent-error" role="alert" data-testid="sources-error">
                    { talent_error_text(&i18n, e, Some(t)) }
                </p>
            }
            <button type="button" class="button" onclick={add} data-testid="source-add">
                { "+ " }{ i18n.t("talent.add_source") }
            </button>
        </section>
    }
}

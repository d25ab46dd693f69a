//! The stage settings (阶段设置): per stage its names, win probability, lead role and ageing
//! threshold; open stages added, removed and reordered; won and lost are the fixed ends (their
//! kind and probability cannot change, they cannot be removed). A stage that still holds
//! opportunities cannot be removed. Saved as one `SetLtc` step.

use web_sys::HtmlInputElement;
use yew::prelude::*;

use crate::domain::edit::Edit;
use crate::domain::ltc::{Ltc, Stage, StageKind};
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::state::DocRef;

/// Props of [`StageSettings`].
#[derive(Properties, PartialEq)]
pub struct StageSettingsProps {
    /// The open workspace.
    pub ws: DocRef,
    /// Applies the edit.
    pub on_edit: Callback<Edit>,
}

/// One stage as typed.
#[derive(Clone, Debug, PartialEq)]
struct Row {
    stage: Stage,
    probability: String,
    ageing: String,
}

fn rows_of(stages: &[Stage]) -> Vec<Row> {
    stages
        .iter()
        .map(|s| Row {
            stage: s.clone(),
            probability: format!("{}", s.probability_pct),
            ageing: s.ageing_days.to_string(),
        })
        .collect()
}

/// The stages the rows describe, or the message of the first problem.
fn build(i18n: &I18n, rows: &[Row]) -> Result<Vec<Stage>, String> {
    let mut out = Vec::with_capacity(rows.len());
    for (i, r) in rows.iter().enumerate() {
        let n = (i + 1).to_string();
        let mut s = r.stage.clone();
        s.name_zh = s.name_zh.trim().to_string();
        s.name_en = s.name_en.trim().to_string();
        if s.name_zh.is_empty() && s.name_en.is_empty() {
            return Err(i18n.tf("ltc_board.stage_err_name", &[("n", &n)]));
        }
        let name = match i18n.lang {
            Lang::ZhCn if !s.name_zh.is_empty() => s.name_zh.clone(),
            _ if !s.name_en.is_empty() => s.name_en.clone(),
            _ => s.name_zh.clone(),
        };
        match s.kind {
            StageKind::Open => {
                match r
                    .probability
                    .trim()
                    .trim_end_matches('%')
                    .trim()
                    .parse::<f64>()
                {
                    Ok(p) if p.is_finite() && (0.0..=100.0).contains(&p) => s.probability_pct = p,
                    _ => return Err(i18n.tf("ltc_board.stage_err_prob", &[("name", &name)])),
                }
                match r.ageing.trim().parse::<u32>() {
                    Ok(d) if d <= 3650 => s.ageing_days = d,
                    _ => return Err(i18n.tf("ltc_board.stage_err_days", &[("name", &name)])),
                }
            }
            StageKind::Won => s.probability_pct = 100.0,
            StageKind::Lost => s.probability_pct = 0.0,
        }
        out.push(s);
    }
    Ok(out)
}

/// The collapsible section.
#[function_component(StageSettings)]
pub fn stage_settings(props: &StageSettingsProps) -> Html {
    let i18n = use_i18n();
    let ws = &props.ws.0;
    let rows = use_state(|| rows_of(&ws.ltc.stages));
    let message = use_state(|| None::<(bool, String)>);
    {
        // Another change of the stages (an undo, an import) resets what is typed.
        let (rows, message) = (rows.clone(), message.clone());
        use_effect_with(ws.ltc.stages.clone(), move |stages| {
            rows.set(rows_of(stages));
            message.set(None);
        });
    }
    let update = |f: fn(&mut Row, String), i: usize| {
        let rows = rows.clone();
        Callback::from(move |e: InputEvent| {
            let v = e.target_unchecked_into::<HtmlInputElement>().value();
            let mut next = (*rows).clone();
            if let Some(r) = next.get_mut(i) {
                f(r, v);
            }
            rows.set(next);
        })
    };
    let open_count = rows
        .iter()
        .filter(|r| r.stage.kind == StageKind::Open)
        .count();
    let swap = |i: usize, j: usize| {
        let rows = rows.clone();
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rows).clone();
            if i < next.len() && j < next.len() {
                next.swap(i, j);
            }
            rows.set(next);
        })
    };
    let remove = |i: usize| {
        let (rows, message, ws) = (rows.clone(), message.clone(), ws.clone());
        Callback::from(move |_: MouseEvent| {
            let Some(r) = rows.get(i) else { return };
            let n = ws
                .ltc
                .opportunities
                .iter()
                .filter(|o| o.stage == r.stage.id)
                .count();
            if n > 0 {
                message.set(Some((
                    false,
                    i18n.tf("ltc_board.stage_err_used", &[("n", &n.to_string())]),
                )));
                return;
            }
            let mut next = (*rows).clone();
            next.remove(i);
            rows.set(next);
            message.set(None);
        })
    };
    let add = {
        let (rows, i18n) = (rows.clone(), i18n);
        Callback::from(move |_: MouseEvent| {
            let mut next = (*rows).clone();
            let id = crate::domain::org::talent_input::fresh_id(
                "stage",
                next.iter().map(|r| r.stage.id.as_str()),
            );
            let at = next
                .iter()
                .position(|r| r.stage.kind != StageKind::Open)
                .unwrap_or(next.len());
            // Named in the interface language; the other name is left for the user.
            let name = i18n.t("ltc_board.stage_new").to_string();
            let (name_zh, name_en) = match i18n.lang {
                Lang::ZhCn => (name, String::new()),
                Lang::En => (String::new(), name),
            };
            let stage = Stage {
                id,
                name_zh,
                name_en,
                probability_pct: 50.0,
                lead_role: crate::domain::org::AR.to_string(),
                ageing_days: 30,
                ..Stage::default()
            };
            next.insert(
                at,
                Row {
                    probability: "50".into(),
                    ageing: "30".into(),
                    stage,
                },
            );
            rows.set(next);
        })
    };
    let save = {
        let (rows, message, ws, on_edit, i18n) = (
            rows.clone(),
            message.clone(),
            ws.clone(),
            props.on_edit.clone(),
            i18n,
        );
        Callback::from(move |e: SubmitEvent| {
            e.prevent_default();
            match build(&i18n, &rows) {
                Ok(stages) => {
                    let doc = Ltc {
                        stages,
                        ..ws.ltc.clone()
                    };
                    on_edit.emit(Edit::SetLtc(Box::new(doc)));
                    message.set(Some((true, i18n.t("ltc_board.stages_saved").to_string())));
                }
                Err(m) => message.set(Some((false, m))),
            }
        })
    };
    let reset = {
        let (rows, message, ws) = (rows.clone(), message.clone(), ws.clone());
        Callback::from(move |_: MouseEvent| {
            rows.set(rows_of(&ws.ltc.stages));
            message.set(None);
        })
    };
    let role_options = |current: &str| -> Html {
        html! {
            <>
                <option value="" selected={current.is_empty()}>{ i18n.t("ltc_board.no_role") }</option>
                { for ws.org.roles.iter().map(|r| html! {
                    <option value={r.id.clone()} selected={r.id == current}>{ r.id.clone() }</option>
                }) }
            </>
        }
    };
    html! {
        <details class="ltc-stages" data-testid="ltc-stages">
            <summary data-testid="ltc-stages-toggle">{ i18n.t("ltc_board.stages_title") }</summary>
            <form onsubmit={save} novalidate=true>
                <p class="muted">{ i18n.t("ltc_board.stages_intro") }</p>
                <table class="ltc-stages-table">
                    <thead><tr>
                        <th scope="col">{ i18n.t("ltc_board.stage_name_zh") }</th>
                        <th scope="col">{ i18n.t("ltc_board.stage_name_en") }</th>
                        <th scope="col">{ i18n.t("ltc_board.stage_prob") }</th>
                        <th scope="col">{ i18n.t("ltc_board.stage_role") }</th>
                        <th scope="col">{ i18n.t("ltc_board.stage_days") }</th>
                        <th scope="col">{ i18n.t("ltc_board.stage_actions") }</th>
                    </tr></thead>
                    <tbody>
                    { for rows.iter().enumerate().map(|(i, r)| {
                        let open = r.stage.kind == StageKind::Open;
                        let t = format!("ltc-stage-{}", r.stage.id);
                        let on_role = {
                            let rows = rows.clone();
                            Callback::from(move |e: Event| {
                                let v = crate::ui::views::customers::event_value(&e);
                                let mut next = (*rows).clone();
                                if let Some(r) = next.get_mut(i) { r.stage.lead_role = v; }
                                rows.set(next);
                            })
                        };
                        let label = |k: &str| format!("{} · {}", r.stage.id, i18n.t(k));
                        html! {
                            <tr key={r.stage.id.clone()} data-testid={t.clone()}>
                                <td><input type="text" value={r.stage.name_zh.clone()} maxlength="40"
                                           aria-label={label("ltc_board.stage_name_zh")} data-testid={format!("{t}-zh")}
                                           oninput={update(|r, v| r.stage.name_zh = v, i)} /></td>
                                <td><input type="text" value={r.stage.name_en.clone()} maxlength="60"
                                           aria-label={label("ltc_board.stage_name_en")} data-testid={format!("{t}-en")}
                                           oninput={update(|r, v| r.stage.name_en = v, i)} /></td>
                                <td><input type="text" inputmode="decimal" class="ltc-num" value={r.probability.clone()}
                                           disabled={!open} aria-label={label("ltc_board.stage_prob")} data-testid={format!("{t}-prob")}
                                           oninput={update(|r, v| r.probability = v, i)} /></td>
                                <td><select onchange={on_role} aria-label={label("ltc_board.stage_role")} data-testid={format!("{t}-role")}>
                                        { role_options(&r.stage.lead_role) }
                                    </select></td>
                                <td><input type="text" inputmode="numeric" class="ltc-num" value={r.ageing.clone()}
                                           disabled={!open} aria-label={label("ltc_board.stage_days")} data-testid={format!("{t}-days")}
                                           oninput={update(|r, v| r.ageing = v, i)} /></td>
                                <td class="ltc-stage-actions">
                                    if open {
                                        <button type="button" class="button button-small" disabled={i == 0} onclick={swap(i, i.saturating_sub(1))}
                                                aria-label={label("ltc_board.stage_up")} data-testid={format!("{t}-up")}>{ "↑" }</button>
                                        <button type="button" class="button button-small" disabled={i + 1 >= open_count} onclick={swap(i, i + 1)}
                                                aria-label={label("ltc_board.stage_down")} data-testid={format!("{t}-down")}>{ "↓" }</button>
                                        <button type="button" class="button button-small" onclick={remove(i)}
                                                aria-label={label("ltc_board.stage_remove")} data-testid={format!("{t}-remove")}>{ i18n.t("ltc_board.stage_remove") }</button>
                                    } else {
                                        <span class="muted">{ i18n.t("ltc_board.stage_fixed") }</span>
                                    }
                                </td>
                            </tr>
                        }
                    }) }
                    </tbody>
                </table>
                if let Some((ok, m)) = &*message {
                    <p class={if *ok { "ltc-ok" } else { "ltc-error" }} role="status" data-testid="ltc-stages-message">{ m.clone() }</p>
                }
                <div class="ltc-stages-actions">
                    <button type="button" class="button" onclick={add} data-testid="ltc-stage-add">{ i18n.t("ltc_board.stage_add") }</button>
                    <button type="button" class="button" onclick={reset} data-testid="ltc-stages-reset">{ i18n.t("ltc_board.stages_reset") }</button>
                    <button type="submit" class="button button-primary" data-testid="ltc-stages-save">{ i18n.t("ltc_board.stages_save") }</button>
                </div>
            </form>
        </details>
    }
}

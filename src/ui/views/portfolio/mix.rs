//! The horizon mix against the target: one stacked bar per industry and overall (actual share of
//! revenue on top, the target beneath), the horizon furthest from its target and whether it is
//! beyond the tolerance; and the editor of the target mix.

use yew::prelude::*;

use crate::domain::number::format_percent;
use crate::domain::portfolio::calc::{largest_gap, IndustryRow};
use crate::domain::portfolio::{Horizon, TargetMix};
use crate::ui::i18n::I18n;
use crate::ui::views::portfolio::horizon_name;

/// A number of percentage points, unsigned, one decimal at most: 15 → "15", 2.35 → "2.4".
fn points(v: f64) -> String {
    format_percent(v.abs()).trim_end_matches('%').to_string()
}

/// Stacked segments of `shares` (percent, core first) from x = 0, in a 0–100 wide bar.
fn segments(shares: [f64; 3], y: &str, height: &str, class: &str) -> Html {
    let mut x = 0.0_f64;
    html! {
        { for Horizon::ALL.iter().map(|h| {
            // max/min rather than clamp: rounding may leave 100 − x a hair below 0.
            let w = shares[h.index()].max(0.0).min((100.0 - x).max(0.0));
            let seg = html! {
                <rect class={format!("{class} bubble-{}", h.key())} x={format!("{x:.2}")} y={y.to_string()}
                      width={format!("{w:.2}")} height={height.to_string()} />
            };
            x += w;
            seg
        }) }
    }
}

/// One row: the bar, the three shares, the largest gap and the flag.
fn row(i18n: &I18n, label: &str, key: &str, r: &IndustryRow, target: &TargetMix) -> Html {
    let targets = Horizon::ALL.map(|h| target.of(h));
    let Some(mix) = r.mix() else {
        return html! {
            <tr data-testid={format!("lines-mix-{key}")}>
                <th scope="row">{ label.to_string() }</th>
                <td colspan="5" class="muted">{ i18n.t("lines.mix_no_revenue") }</td>
            </tr>
        };
    };
    let (h, gap) = largest_gap(&mix, target);
    let off = gap.abs() > target.tolerance_pts;
    let gap_text = if gap.abs() < 0.05 {
        i18n.t("lines.mix_on_target").to_string()
    } else {
        i18n.tf(
            if gap > 0.0 {
                "lines.mix_gap_over"
            } else {
                "lines.mix_gap_under"
            },
            &[("horizon", &horizon_name(i18n, h)), ("pts", &points(gap))],
        )
    };
    html! {
        <tr data-testid={format!("lines-mix-{key}")} class={classes!(off.then_some("is-off"))}>
            <th scope="row">{ label.to_string() }</th>
            <td class="lines-mix-bar-cell">
                <svg class="lines-mix-bar" viewBox="0 0 100 30" preserveAspectRatio="none"
                     aria-hidden="true" focusable="false">
                    <rect class="lines-mix-track" x="0" y="0" width="100" height="18" />
                    { segments(mix, "0", "18", "lines-mix-actual") }
                    { segments(targets, "22", "8", "lines-mix-target") }
                </svg>
            </td>
            { for Horizon::ALL.iter().map(|h| html! {
                <td class="num" data-testid={format!("lines-mix-{key}-{}", h.key())}>{ format_percent(mix[h.index()]) }</td>
            }) }
            <td>
                <span data-testid={format!("lines-mix-{key}-gap")}>{ gap_text }</span>
                { " " }
                if off {
                    <span class="lines-flag is-off" data-testid={format!("lines-mix-{key}-flag")}>
                        { i18n.tf("lines.mix_flag", &[("tol", &points(target.tolerance_pts))]) }
                    </span>
                } else {
                    <span class="lines-flag is-ok" data-testid={format!("lines-mix-{key}-ok")}>{ i18n.t("lines.mix_ok") }</span>
                }
            </td>
        </tr>
    }
}

/// The mix table: overall first, then each industry of the grid.
pub fn mix(i18n: &I18n, rows: &[IndustryRow], overall: &IndustryRow, target: &TargetMix) -> Html {
    html! {
        <section class="card lines-mix" data-testid="lines-mix">
            <h3 class="card-title">{ i18n.t("lines.title_mix") }</h3>
            <p class="muted lines-note">{ i18n.tf("lines.mix_note", &[("tol", &points(target.tolerance_pts))]) }</p>
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("lines.title_mix")}>
                <table class="data-table lines-mix-table">
                    <thead><tr>
                        <th scope="col">{ i18n.t("lines.col_industry") }</th>
                        <th scope="col">
                            { i18n.t("lines.mix_bar") }
                            <span class="lines-mix-key">
                                <span class="lines-key-actual">{ i18n.t("lines.legend_actual") }</span>
                                <span class="lines-key-target">{ i18n.t("lines.legend_target") }</span>
                            </span>
                        </th>
                        { for Horizon::ALL.iter().map(|h| html! {
                            <th scope="col" class="num">
                                { horizon_name(i18n, *h) }
                                <span class="lines-mix-target-figure">
                                    { i18n.t("lines.legend_target") }{ " " }
                                    <span data-testid={format!("lines-mix-target-{}", h.key())}>{ format_percent(target.of(*h)) }</span>
                                </span>
                            </th>
                        }) }
                        <th scope="col">{ i18n.t("lines.mix_gap") }</th>
                    </tr></thead>
                    <tbody>
                        { row(i18n, i18n.t("lines.overall"), "overall", overall, target) }
                        { for rows.iter().enumerate().map(|(i, r)| row(i18n, &r.industry, &i.to_string(), r, target)) }
                    </tbody>
                </table>
            </div>
        </section>
    }
}

/// What the target editor shows: the texts typed (or the saved figures), whether the sum is
/// off, the error of the last save, and the callbacks.
pub struct TargetEditor<'a> {
    /// Core, growth, emerging, tolerance as typed.
    pub texts: &'a [String; 4],
    /// The error of the last refused save.
    pub error: Option<&'a str>,
    /// A field changed: (index, text).
    pub on_input: Callback<(usize, String)>,
    /// Save pressed.
    pub on_save: Callback<SubmitEvent>,
    /// Reset pressed.
    pub on_reset: Callback<MouseEvent>,
}

/// The figures of a target mix as the editor shows them.
pub fn target_texts(t: &TargetMix) -> [String; 4] {
    [t.core_pct, t.growth_pct, t.emerging_pct, t.tolerance_pts].map(|v| v.to_string())
}

/// A percentage typed into the editor: a finite number from 0 to 100, "%" allowed.
pub fn parse_pct(text: &str) -> Option<f64> {
    text.trim()
        .trim_end_matches('%')
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && (0.0..=100.0).contains(v))
}

/// The target mix typed, or the message of the first problem (a field not a number from 0 to
/// 100, or shares that do not add up to 100 ± 0.05).
pub fn parse_target(
    i18n: &I18n,
    texts: &[String; 4],
    saved: &TargetMix,
) -> Result<TargetMix, String> {
    let mut out = saved.clone();
    for (i, text) in texts.iter().enumerate() {
        let Some(v) = parse_pct(text) else {
            return Err(i18n.tf(
                "lines.err_target_number",
                &[("field", &field_name(i18n, i))],
            ));
        };
        match Horizon::ALL.get(i) {
            Some(h) => out.set(*h, v),
            None => out.tolerance_pts = v,
        }
    }
    let sum = out.core_pct + out.growth_pct + out.emerging_pct;
    if (sum - 100.0).abs() > 0.05 {
        return Err(i18n.tf("lines.err_target_sum", &[("sum", &format_percent(sum))]));
    }
    Ok(out)
}

fn field_name(i18n: &I18n, i: usize) -> String {
    match Horizon::ALL.get(i) {
        Some(h) => i18n.tf("lines.target_pct", &[("horizon", &horizon_name(i18n, *h))]),
        None => i18n.t("lines.target_tolerance").to_string(),
    }
}

/// The target mix editor.
pub fn target_editor(i18n: &I18n, e: TargetEditor) -> Html {
    let sum: Option<f64> = e.texts[..3].iter().map(|t| parse_pct(t)).sum();
    let sum_off = sum.is_none_or(|s| (s - 100.0).abs() > 0.05);
    let keys = ["core", "growth", "emerging", "tolerance"];
    html! {
        <form class="card lines-target" onsubmit={e.on_save} novalidate=true data-testid="lines-target">
            <h3 class="card-title">{ i18n.t("lines.title_target") }</h3>
            <div class="lines-target-fields">
                { for keys.iter().enumerate().map(|(i, key)| {
                    let id = format!("lines-target-{key}");
                    let oninput = e.on_input.reform(move |ev: InputEvent| {
                        (i, ev.target_unchecked_into::<web_sys::HtmlInputElement>().value())
                    });
                    html! {
                        <div class="lines-field">
                            <label for={id.clone()}>{ field_name(i18n, i) }</label>
                            <input id={id.clone()} type="text" inputmode="decimal" value={e.texts[i].clone()}
                                   {oninput} data-testid={id} autocomplete="off" maxlength="12"
                                   aria-invalid={e.error.is_some().then_some("true")}
                                   aria-describedby="lines-target-msg" />
                        </div>
                    }
                }) }
                <p class={classes!("lines-target-sum", sum_off.then_some("is-off"))} data-testid="lines-target-sum">
                    { i18n.tf("lines.target_sum", &[("sum", &sum.map_or_else(|| "—".to_string(), format_percent))]) }
                </p>
            </div>
            <p id="lines-target-msg" class="lines-error" role="alert" data-testid="lines-target-error">
                { e.error.unwrap_or_default().to_string() }
            </p>
            <div class="lines-actions">
                <button type="button" class="button" onclick={e.on_reset} data-testid="lines-target-reset">
                    { i18n.t("lines.target_reset") }
                </button>
                <button type="submit" class="button button-primary" data-testid="lines-target-save">
                    { i18n.t("lines.target_save") }
                </button>
            </div>
        </form>
    }
}

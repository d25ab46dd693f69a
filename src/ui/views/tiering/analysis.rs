//! What the tier structure says: diagnostics with their numbers, tier migration over the years,
//! and the three curses — each with its editable thresholds.

use std::rc::Rc;

use web_sys::{HtmlInputElement, HtmlSelectElement};
use yew::prelude::*;

use super::{dimension_title, Tiered};
use crate::domain::edit::Edit;
use crate::domain::number::{format_count, format_percent};
use crate::domain::tiering::curses::{count_curses_by_tier, curse_coverage, CurseCounts};
use crate::domain::tiering::diagnostics::{diagnose, drop_unfounded, Diagnostic};
use crate::domain::tiering::migration::{self, Move};
use crate::domain::tiering::{Mode, TieringConfig};
use crate::domain::workspace::Workspace;
use crate::ui::explain::field_label;
use crate::ui::i18n::{use_i18n, I18n};
use crate::ui::no_data::NoData;
use crate::ui::state::{use_workspace, DocRef};

/// Above this many customers the migration is computed on request only.
const LAZY_MIGRATION_ABOVE: usize = 20_000;

/// Props of [`Analysis`].
#[derive(Properties, PartialEq)]
pub struct AnalysisProps {
    /// The current tiers.
    pub tiered: Rc<Tiered>,
}

fn tier_label(i18n: &I18n, ws: &Workspace, tier: usize) -> String {
    ws.tiering
        .tiers
        .get(tier)
        .map(|t| i18n.tier_name(t).to_string())
        .unwrap_or_default()
}

fn customer_name(ws: &Workspace, i: usize) -> String {
    ws.customers
        .get(i)
        .map(|c| c.name.clone())
        .unwrap_or_default()
}

/// A diagnostic in plain words, with its numbers.
pub fn diagnostic_text(i18n: &I18n, ws: &Workspace, d: &Diagnostic) -> String {
    let tier = |t: &usize| tier_label(i18n, ws, *t);
    match d {
        Diagnostic::TiersNotDistinct {
            upper,
            lower,
            upper_median,
            lower_median,
            ratio,
            ratio_limit,
            overlap_share,
            ..
        } => i18n.tf(
            "diag.tiers_not_distinct",
            &[
                ("upper", &tier(upper)),
                ("lower", &tier(lower)),
                ("upper_median", &i18n.num(*upper_median)),
                ("lower_median", &i18n.num(*lower_median)),
                ("ratio", &format!("{ratio:.2}")),
                ("limit", &format!("{ratio_limit}")),
                ("overlap", &format_percent(overlap_share * 100.0)),
            ],
        ),
        Diagnostic::TopTooThin {
            count_share_pct,
            target_share_pct,
        } => i18n.tf(
            "diag.top_too_thin",
            &[
                ("top1", &tier(&0)),
                ("top2", &tier(&1)),
                ("share", &format_percent(*count_share_pct)),
                ("target", &format_percent(*target_share_pct)),
            ],
        ),
        Diagnostic::EmptyTier { tier: t } => i18n.tf("diag.empty_tier", &[("tier", &tier(t))]),
        Diagnostic::OverrideConflict {
            customer,
            override_tier,
            rule_tier,
            ranks_apart,
        } => i18n.tf(
            "diag.override_conflict",
            &[
                ("customer", &customer_name(ws, *customer)),
                ("override", &tier(override_tier)),
                ("rule", &tier(rule_tier)),
                ("ranks", &ranks_apart.to_string()),
            ],
        ),
        Diagnostic::DependencyRisk {
            customer,
            revenue_share_pct,
            threshold_pct,
        } => i18n.tf(
            "diag.dependency_risk",
            &[
                ("customer", &customer_name(ws, *customer)),
                ("share", &format_percent(*revenue_share_pct)),
                ("threshold", &format_percent(*threshold_pct)),
            ],
        ),
        Diagnostic::Omitted { count, .. } => {
            i18n.tf("diag.omitted", &[("count", &count.to_string())])
        }
    }
}

/// What the missing data leaves undecided, in place of the structure diagnostics it would make
/// false: per field without data, the tiers (or score dimensions) that cannot be evaluated;
/// where everyone ended up; what to import.
fn gaps_warning(i18n: &I18n, ws: &Workspace, tiered: &Tiered) -> Html {
    let sep = i18n.t("explain.list_separator");
    let cfg = &ws.tiering;
    let lines: Vec<String> = tiered
        .gaps
        .iter()
        .map(|g| {
            let field = field_label(i18n, g.field);
            match cfg.mode {
                Mode::Rules => {
                    let tiers: Vec<String> =
                        g.tiers.iter().map(|t| tier_label(i18n, ws, *t)).collect();
                    i18n.tf(
                        "gaps.rules",
                        &[("field", &field), ("tiers", &tiers.join(sep))],
                    )
                }
                Mode::Score => {
                    let dims: Vec<String> = g
                        .dimensions
                        .iter()
                        .filter_map(|i| {
                            cfg.score
                                .dimensions
                                .get(*i)
                                .map(|d| dimension_title(i18n, d, *i))
                        })
                        .collect();
                    i18n.tf(
                        "gaps.score",
                        &[("field", &field), ("dimensions", &dims.join(sep))],
                    )
                }
            }
        })
        .collect();
    let fields: Vec<String> = tiered
        .gaps
        .iter()
        .map(|g| field_label(i18n, g.field))
        .collect();
    let everyone_in = tiered
        .stats
        .iter()
        .position(|s| s.count > 0 && s.count == ws.customers.len());
    let import_key = match cfg.mode {
        Mode::Rules => "gaps.import_rules",
        Mode::Score => "gaps.import_score",
    };
    html! {
        <div class="data-gaps" data-testid="data-gaps">
            <p class="data-gaps-title">{ i18n.t("gaps.title") }</p>
            <ul>
                { for lines.into_iter().map(|l| html! { <li>{ l }</li> }) }
            </ul>
            <p>
                if let Some(t) = everyone_in {
                    { i18n.tf("gaps.all_in_one_tier", &[("tier", &tier_label(i18n, ws, t))]) }
                }
                { i18n.tf(import_key, &[("fields", &fields.join(sep))]) }
            </p>
            <p class="muted">{ i18n.t("gaps.structure_withheld") }</p>
        </div>
    }
}

/// A curse count, or "—" with `reason` when the data cannot decide the curse.
fn curse_cell(count: usize, decided: bool, reason: &str) -> Html {
    html! {
        <td class="num">
            if decided { { count } } else { <NoData reason={reason.to_string()} /> }
        </td>
    }
}

/// A number input that applies a setting on change.
fn setting_input(
    label: &str,
    value: f64,
    testid: &str,
    config: &TieringConfig,
    on_change: &Callback<TieringConfig>,
    apply: fn(&mut TieringConfig, f64),
) -> Html {
    let config = config.clone();
    let on_change = on_change.clone();
    let onchange = Callback::from(move |e: Event| {
        let input = e.target_unchecked_into::<HtmlInputElement>();
        if let Ok(v) = input.value().trim().parse::<f64>() {
            if v.is_finite() && v >= 0.0 {
                let mut next = config.clone();
                apply(&mut next, v);
                on_change.emit(next);
            }
        }
    });
    html! {
        <label class="setting">
            <span>{ label.to_string() }</span>
            <input type="number" min="0" step="any" value={value.to_string()} {onchange}
                   data-testid={testid.to_string()} />
        </label>
    }
}

/// Diagnostics, migration and curses of the current structure.
#[function_component(Analysis)]
pub fn analysis(props: &AnalysisProps) -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let diagnostics = {
        let tiered = props.tiered.clone();
        use_memo(DocRef(ws.clone()), move |d| {
            let found = diagnose(&d.0.tiering, &d.0.customers, &tiered.assignments);
            drop_unfounded(found, &tiered.coverage, &tiered.gaps)
        })
    };
    let years = use_memo(DocRef(ws.clone()), |d| migration::years(&d.0.customers));
    let this_year = years.last().copied().unwrap_or(ws.meta.fiscal_year);
    let curse_counts = {
        let tiered = props.tiered.clone();
        use_memo(DocRef(ws.clone()), move |d| {
            count_curses_by_tier(
                &d.0.tiering.curses,
                &d.0.customers,
                &tiered.assignments,
                d.0.tiering.tiers.len(),
                this_year,
            )
        })
    };
    let curses_decidable = use_memo(DocRef(ws.clone()), move |d| {
        curse_coverage(&d.0.customers, this_year)
    });
    let from_to = use_state(|| None::<(i32, i32)>);
    let (from_year, to_year) = from_to.unwrap_or_else(|| {
        let n = years.len();
        match n {
            0 => (this_year, this_year),
            1 => (years[0], years[0]),
            _ => (years[n - 2], years[n - 1]),
        }
    });
    // Tiering every customer twice more is costly on very large workspaces: there the migration
    // is computed only when asked for, so rule edits stay instant.
    let migration_asked = use_state(|| false);
    let want_migration =
        years.len() >= 2 && (ws.customers.len() <= LAZY_MIGRATION_ABOVE || *migration_asked);
    let moves = use_memo(
        (DocRef(ws.clone()), from_year, to_year, want_migration),
        |(d, f, t, want)| want.then(|| migration::migration(&d.0.tiering, &d.0.customers, *f, *t)),
    );
    let ask_migration = {
        let migration_asked = migration_asked.clone();
        Callback::from(move |_| migration_asked.set(true))
    };
    let on_change = {
        let handle = handle.clone();
        Callback::from(move |config: TieringConfig| handle.edit(Edit::SetTiering(Box::new(config))))
    };
    let pick_year = |first: bool| {
        let from_to = from_to.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            if let Ok(y) = v.parse::<i32>() {
                from_to.set(Some(if first { (y, to_year) } else { (from_year, y) }));
            }
        })
    };
    let cfg = &ws.tiering;
    let n_tiers = cfg.tiers.len();
    let move_list = |title_key: &str, list: &[Move], testid: &str| {
        html! {
            <div class="move-list" data-testid={testid.to_string()}>
                <h4>{ i18n.tf(title_key, &[("n", &list.len().to_string())]) }</h4>
                <ul>
                    { for list.iter().take(15).map(|m| html! {
                        <li>
                            <span class="move-name">{ customer_name(&ws, m.customer) }</span>
                            <span class="muted">
                                { format!(" {} → {} · {} → {}", tier_label(&i18n, &ws, m.from), tier_label(&i18n, &ws, m.to),
                                          i18n.num(m.purchase_from), i18n.num(m.purchase_to)) }
                            </span>
                        </li>
                    }) }
                </ul>
                if list.len() > 15 {
                    <p class="muted">{ i18n.tf("tiering.more", &[("n", &(list.len() - 15).to_string())]) }</p>
                }
            </div>
        }
    };
    let total: CurseCounts = curse_counts
        .iter()
        .fold(CurseCounts::default(), |a, c| CurseCounts {
            entry: a.entry + c.entry,
            growth: a.growth + c.growth,
            retention: a.retention + c.retention,
            any: a.any + c.any,
        });
    let cc = *curses_decidable;
    let previous_year = this_year.saturating_sub(1).to_string();
    let no_purchase = i18n.t("no_data.annual_purchase");
    let no_previous = i18n.t("curse.no_previous_year_short");

    html! {
        <>
        <section class="card" aria-labelledby="tiering-diagnostics">
            <h3 id="tiering-diagnostics" class="card-title">{ i18n.t("tiering.diagnostics") }</h3>
            if ws.customers.is_empty() {
                <p class="muted">{ i18n.t("tiering.no_customers") }</p>
            } else if !props.tiered.gaps.is_empty() {
                { gaps_warning(&i18n, &ws, &props.tiered) }
            } else if diagnostics.is_empty() {
                <p class="diag-ok" data-testid="diagnostics-none">{ i18n.t("diag.none") }</p>
            }
            if !ws.customers.is_empty() && !diagnostics.is_empty() {
                <ul class="diagnostics" data-testid="diagnostics">
                    { for diagnostics.iter().map(|d| html! {
                        <li class={classes!("diagnostic", format!("diag-{}", d.kind()))} data-kind={d.kind()}>
                            { diagnostic_text(&i18n, &ws, d) }
                        </li>
                    }) }
                </ul>
            }
            <details class="settings-details">
                <summary>{ i18n.t("tiering.thresholds") }</summary>
                <div class="settings-row">
                    { setting_input(i18n.t("diag.setting_ratio"), cfg.diagnostics.distinct_median_ratio, "set-ratio", cfg, &on_change,
                        |c, v| c.diagnostics.distinct_median_ratio = v) }
                    { setting_input(i18n.t("diag.setting_overlap"), cfg.diagnostics.iqr_overlap_share * 100.0, "set-overlap", cfg, &on_change,
                        |c, v| c.diagnostics.iqr_overlap_share = (v / 100.0).min(1.0)) }
                    { setting_input(i18n.t("diag.setting_dependency"), cfg.diagnostics.dependency_risk_pct, "set-dependency", cfg, &on_change,
                        |c, v| c.diagnostics.dependency_risk_pct = v.min(100.0)) }
                    { setting_input(i18n.t("diag.setting_conflict"), cfg.diagnostics.override_conflict_ranks as f64, "set-conflict", cfg, &on_change,
                        |c, v| c.diagnostics.override_conflict_ranks = v.round().max(1.0) as usize) }
                </div>
            </details>
        </section>
        <section class="card" aria-labelledby="tiering-migration">
            <h3 id="tiering-migration" class="card-title">{ i18n.t("tiering.migration") }</h3>
            if years.len() < 2 {
                <p class="muted">{ i18n.t("tiering.migration_needs_history") }</p>
            } else if let Some(moves) = moves.as_ref() {
                <div class="settings-row">
                    <label class="setting"><span>{ i18n.t("tiering.from_year") }</span>
                        <select onchange={pick_year(true)} data-testid="migration-from">
                            { for years.iter().map(|y| html! { <option value={y.to_string()} selected={*y == from_year}>{ y }</option> }) }
                        </select>
                    </label>
                    <label class="setting"><span>{ i18n.t("tiering.to_year") }</span>
                        <select onchange={pick_year(false)} data-testid="migration-to">
                            { for years.iter().map(|y| html! { <option value={y.to_string()} selected={*y == to_year}>{ y }</option> }) }
                        </select>
                    </label>
                </div>
                <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("tiering.migration")}>
                <table class="data-table migration-matrix" data-testid="migration-matrix">
                    <caption class="muted">{ i18n.tf("tiering.matrix_caption", &[("from", &from_year.to_string()), ("to", &to_year.to_string())]) }</caption>
                    <thead><tr>
                        <th scope="col">{ format!("{from_year} \\ {to_year}") }</th>
                        { for (0..n_tiers).map(|t| html! { <th scope="col" class="num">{ tier_label(&i18n, &ws, t) }</th> }) }
                    </tr></thead>
                    <tbody>
                    { for moves.matrix.iter().enumerate().map(|(r, row)| html! {
                        <tr>
                            <th scope="row">{ tier_label(&i18n, &ws, r) }</th>
                            { for row.iter().enumerate().map(|(c, v)| html! {
                                <td class={classes!("num", (r == c).then_some("is-diagonal"), (*v > 0 && c < r).then_some("is-up"), (*v > 0 && c > r).then_some("is-down"))}>
                                    { format_count(*v) }
                                </td>
                            }) }
                        </tr>
                    }) }
                    </tbody>
                </table>
                </div>
                <div class="moves">
                    { move_list("tiering.upgraded", &moves.upgraded, "upgraded") }
                    { move_list("tiering.downgraded", &moves.downgraded, "downgraded") }
                </div>
            } else {
                <button type="button" class="button" onclick={ask_migration} data-testid="migration-compute">
                    { i18n.tf("tiering.migration_compute", &[("n", &format_count(ws.customers.len()))]) }
                </button>
            }
        </section>
        <section class="card" aria-labelledby="tiering-curses">
            <h3 id="tiering-curses" class="card-title">{ i18n.t("tiering.curses") }</h3>
            if ws.customers.is_empty() {
                <p class="muted">{ i18n.t("tiering.no_customers") }</p>
            } else {
                if !cc.year_on_year {
                    if cc.history {
                        <p class="no-data-note is-warning" data-testid="curses-no-previous-year">
                            { i18n.tf("curse.no_previous_year", &[("year", &previous_year)]) }
                        </p>
                    } else {
                        <p class="no-data-note is-warning" data-testid="curses-no-history">
                            { i18n.tf("curse.no_history", &[("year", &previous_year)]) }
                        </p>
                    }
                }
                if !cc.entry {
                    <p class="no-data-note is-warning" data-testid="curses-no-purchase">{ i18n.t("curse.no_purchase") }</p>
                }
                if cc.year_on_year {
                    <p class="muted">{ i18n.tf("tiering.curses_hint", &[("year", &this_year.to_string())]) }</p>
                }
                if !cc.none() {
                    <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("tiering.curses")}>
                    <table class="data-table" data-testid="curse-table">
                        <thead><tr>
                            <th scope="col">{ i18n.t("tiering.col_tier") }</th>
                            <th scope="col" class="num">{ i18n.t("curse.entry") }</th>
                            <th scope="col" class="num">{ i18n.t("curse.growth") }</th>
                            <th scope="col" class="num">{ i18n.t("curse.retention") }</th>
                        </tr></thead>
                        <tbody>
                            { for curse_counts.iter().enumerate().map(|(t, c)| html! {
                                <tr>
                                    <th scope="row">{ tier_label(&i18n, &ws, t) }</th>
                                    { curse_cell(c.entry, cc.entry, no_purchase) }
                                    { curse_cell(c.growth, cc.year_on_year, no_previous) }
                                    { curse_cell(c.retention, cc.year_on_year, no_previous) }
                                </tr>
                            }) }
                            <tr class="total-row" data-testid="curse-total">
                                <th scope="row">{ i18n.t("tiering.total") }</th>
                                { curse_cell(total.entry, cc.entry, no_purchase) }
                                { curse_cell(total.growth, cc.year_on_year, no_previous) }
                                { curse_cell(total.retention, cc.year_on_year, no_previous) }
                            </tr>
                        </tbody>
                    </table>
                    </div>
                }
            }
            <details class="settings-details">
                <summary>{ i18n.t("tiering.thresholds") }</summary>
                <div class="settings-row">
                    { setting_input(i18n.t("curse.setting_wallet"), cfg.curses.low_wallet_share_pct, "set-wallet", cfg, &on_change,
                        |c, v| c.curses.low_wallet_share_pct = v.min(100.0)) }
                    { setting_input(i18n.t("curse.setting_flat"), cfg.curses.flat_growth_pct, "set-flat", cfg, &on_change,
                        |c, v| c.curses.flat_growth_pct = v) }
                    { setting_input(i18n.t("curse.setting_drop"), cfg.curses.drop_pct, "set-drop", cfg, &on_change,
                        |c, v| c.curses.drop_pct = v.min(100.0)) }
                </div>
            </details>
        </section>
        </>
    }
}

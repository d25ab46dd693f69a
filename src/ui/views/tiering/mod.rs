//! Tool 1 — customer tiering (分层分级): the rules or the score model on the left, the resulting
//! structure on the right (pyramid, distribution, diagnostics, migration, curses). Every change
//! recalculates at once.

mod analysis;
mod rules_text;
pub mod score_editor;
pub mod tiers_editor;

use std::rc::Rc;

use web_sys::HtmlSelectElement;
use yew::prelude::*;

use super::start::StartWithMyData;

use crate::domain::customers::Coverage;
use crate::domain::edit::Edit;
use crate::domain::number::{format_count, format_percent};
use crate::domain::tiering::{
    self, Assignment, DataGap, Mode, ScoreDimension, Tier, TierStats, TieringConfig,
};
use crate::domain::workspace::Workspace;
use crate::ui::charts::pyramid::{Pyramid, PyramidBand};
use crate::ui::i18n::{use_i18n, I18n, Lang};
use crate::ui::no_data::{missing_figures, money_cell, share_cell};
use crate::ui::state::{use_workspace, DocRef};
use crate::ui::swatch::{tier_fill, Swatch};
use crate::ui::views::customer_transfer::CustomerTransfer;
use analysis::Analysis;
use rules_text::RulesText;
use score_editor::ScoreEditor;
use tiers_editor::TiersEditor;

/// The tiers of every customer and the per-tier figures, computed once per document.
#[derive(Debug, PartialEq)]
pub struct Tiered {
    /// Per customer, in customer order.
    pub assignments: Vec<Option<Assignment>>,
    /// Per tier.
    pub stats: Vec<TierStats>,
    /// Which figures the customers carry.
    pub coverage: Coverage,
    /// The fields the tiers are decided by that have no data.
    pub gaps: Vec<DataGap>,
}

/// Tiers the workspace's customers with its configuration.
pub fn tier_workspace(ws: &Workspace) -> Tiered {
    let assignments = ws.tiering.assign_all(&ws.customers);
    let stats = tiering::distribution(&ws.tiering, &ws.customers, &assignments);
    let coverage = Coverage::of(&ws.customers);
    let gaps = ws.tiering.data_gaps(&coverage);
    Tiered {
        assignments,
        stats,
        coverage,
        gaps,
    }
}

/// The name of a tier for labels: its name in this language, or "层级 3" / "Tier 3" (by its
/// position `i`) when it has none.
pub fn tier_title(i18n: &I18n, tier: &Tier, i: usize) -> String {
    match i18n.tier_name(tier).trim() {
        "" => i18n.tf("tiering.tier_fallback", &[("n", &(i + 1).to_string())]),
        name => name.to_string(),
    }
}

/// The name of a score dimension for labels: its name in this language (else the other one),
/// or "维度 2" / "Dimension 2" (by its position `i`) when it has none.
pub fn dimension_title(i18n: &I18n, d: &ScoreDimension, i: usize) -> String {
    let (own, other) = match i18n.lang {
        Lang::ZhCn => (&d.name_zh, &d.name_en),
        Lang::En => (&d.name_en, &d.name_zh),
    };
    match (own.trim(), other.trim()) {
        ("", "") => i18n.tf("tiering.dimension_fallback", &[("n", &(i + 1).to_string())]),
        ("", name) | (name, _) => name.to_string(),
    }
}

/// Marks a point in time for the "edit → updated view" measurement of the benchmark.
fn performance_mark(name: &str) {
    if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
        let _ = p.mark(name);
    }
}

/// The tiering page.
#[function_component(TieringView)]
pub fn tiering_view() -> Html {
    let i18n = use_i18n();
    let handle = use_workspace();
    let ws = handle.workspace();
    let tiered: Rc<Tiered> = use_memo(DocRef(ws.clone()), |d| tier_workspace(&d.0));

    // The view has been updated for this document: the end of an edit's round trip.
    use_effect_with(DocRef(ws.clone()), |_| {
        performance_mark("kam:tiering-updated")
    });

    let on_change = {
        let handle = handle.clone();
        Callback::from(move |config: TieringConfig| {
            performance_mark("kam:tiering-edit");
            handle.edit(Edit::SetTiering(Box::new(config)));
        })
    };
    let set_mode = {
        let on_change = on_change.clone();
        let config = ws.tiering.clone();
        Callback::from(move |e: Event| {
            let v = e.target_unchecked_into::<HtmlSelectElement>().value();
            let mut next = config.clone();
            next.mode = if v == "score" {
                Mode::Score
            } else {
                Mode::Rules
            };
            on_change.emit(next);
        })
    };
    let reset = {
        let on_change = on_change.clone();
        Callback::from(move |_| on_change.emit(TieringConfig::default()))
    };

    let bands: Vec<PyramidBand> = ws
        .tiering
        .tiers
        .iter()
        .zip(&tiered.stats)
        .map(|(t, s)| PyramidBand {
            label: i18n.tier_name(t).to_string(),
            color: t.display_color().to_string(),
            count: s.count,
            share_pct: s.count_share_pct,
            target_pct: t.target_share_pct,
        })
        .collect();
    let cov = tiered.coverage;
    let missing = missing_figures(&i18n, &cov);

    html! {
        <div class="tiering">
            <h2 class="view-title">{ i18n.t("tiering.title") }</h2>
            <div class="tiering-layout">
                <RulesText config={ws.tiering.clone()} />
                <div class="tiering-config">
                    <section class="card">
                        <div class="tiering-mode">
                            <label>
                                <span>{ i18n.t("tiering.mode") }</span>
                                <select onchange={set_mode} data-testid="tiering-mode">
                                    <option value="rules" selected={ws.tiering.mode == Mode::Rules}>{ i18n.t("tiering.mode_rules") }</option>
                                    <option value="score" selected={ws.tiering.mode == Mode::Score}>{ i18n.t("tiering.mode_score") }</option>
                                </select>
                            </label>
                            <CustomerTransfer />
                            <button type="button" class="button" onclick={reset} data-testid="tiering-reset">
                                { i18n.t("tiering.reset_defaults") }
                            </button>
                        </div>
                        <p class="muted">{ i18n.t(match ws.tiering.mode {
                            Mode::Rules => "tiering.mode_rules_hint",
                            Mode::Score => "tiering.mode_score_hint",
                        }) }</p>
                    </section>
                    if ws.tiering.mode == Mode::Score {
                        <section class="card">
                            <h3 class="card-title">{ i18n.t("tiering.score_model") }</h3>
                            <ScoreEditor config={ws.tiering.clone()} on_change={on_change.clone()} />
                        </section>
                    }
                    <section class="card">
                        <h3 class="card-title">{ i18n.t("tiering.tiers") }</h3>
                        <TiersEditor config={ws.tiering.clone()} on_change={on_change.clone()} />
                    </section>
                </div>
                <div class="tiering-results">
                    <section class="card" aria-labelledby="tiering-structure">
                        <h3 id="tiering-structure" class="card-title">{ i18n.t("tiering.structure") }</h3>
                        if ws.customers.is_empty() {
                            <p class="muted">{ i18n.t("tiering.no_customers") }</p>
                            <StartWithMyData compact=true testid="tiering-empty-import" />
                        } else {
                            <Pyramid bands={bands} label={i18n.t("tiering.pyramid_label").to_string()}
                                     target_word={i18n.t("tiering.target_word").to_string()} />
                            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("tiering.structure")}>
                            <table class="data-table" data-testid="distribution-table">
                                <thead><tr>
                                    <th scope="col">{ i18n.t("tiering.col_tier") }</th>
                                    <th scope="col" class="num">{ i18n.t("tiering.col_count") }</th>
                                    <th scope="col" class="num">{ i18n.t("tiering.col_share") }</th>
                                    <th scope="col" class="num">{ i18n.t("tiering.col_target") }</th>
                                    <th scope="col" class="num">{ i18n.t("tiering.col_revenue") }</th>
                                    <th scope="col" class="num">{ i18n.t("tiering.col_revenue_share") }</th>
                                    <th scope="col" class="num">{ i18n.t("tiering.col_median") }</th>
                                    <th scope="col" class="num">{ i18n.t("tiering.col_mean") }</th>
                                </tr></thead>
                                <tbody>
                                { for ws.tiering.tiers.iter().zip(&tiered.stats).map(|(t, s)| html! {
                                    <tr data-tier={t.id.clone()}>
                                        <th scope="row"><Swatch color={tier_fill(t)} />{ i18n.tier_name(t).to_string() }</th>
                                        <td class="num">{ format_count(s.count) }</td>
                                        <td class="num">{ format_percent(s.count_share_pct) }</td>
                                        <td class="num">{ format_percent(t.target_share_pct) }</td>
                                        <td class="num">{ money_cell(&i18n, s.revenue, cov.revenue, "no_data.revenue") }</td>
                                        <td class="num">{ share_cell(&i18n, s.revenue_share_pct, cov.revenue, "no_data.revenue") }</td>
                                        <td class="num">{ money_cell(&i18n, s.median_purchase, cov.annual_purchase, "no_data.annual_purchase") }</td>
                                        <td class="num">{ money_cell(&i18n, s.mean_purchase, cov.annual_purchase, "no_data.annual_purchase") }</td>
                                    </tr>
                                }) }
                                </tbody>
                            </table>
                            </div>
                            if !missing.is_empty() {
                                <p class="muted no-data-note" data-testid="distribution-no-data">
                                    { i18n.tf("no_data.note", &[("reasons", &missing.join(i18n.t("explain.list_separator")))]) }
                                </p>
                            }
                        }
                    </section>
                    <Analysis tiered={tiered.clone()} />
                </div>
            </div>
        </div>
    }
}

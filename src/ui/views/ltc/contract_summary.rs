//! The summary of collections above the contracts list: receivables, the overdue amounts in
//! their ageing buckets (chart and table), DSO with how it is computed, the retentions falling
//! due within 90 days, the accounts with the largest overdue amounts, and the year's collections
//! by month against the collections target. Figures from `domain::ltc::cash`.

use yew::prelude::*;

use crate::domain::dates::{civil_from_days, iso_from_days};
use crate::domain::ltc::cash::{Receivables, BUCKETS};
use crate::domain::number::{format_percent, group_thousands};
use crate::ui::i18n::I18n;
use crate::ui::term::Term;

/// The retentions listed at most.
const MAX_RETENTIONS: usize = 50;
/// The overdue accounts listed.
const TOP_ACCOUNTS: usize = 10;

/// A retention payment falling due, resolved for display.
#[derive(Clone, Debug, PartialEq)]
pub struct RetentionRow {
    /// Contract id.
    pub contract: String,
    /// Contract name.
    pub name: String,
    /// Customer id.
    pub account: String,
    /// Customer name.
    pub account_name: String,
    /// Due day.
    pub day: i64,
    /// Still to collect, yuan.
    pub amount: f64,
}

/// Everything the summary shows.
#[derive(Clone, Debug, PartialEq)]
pub struct Summary {
    /// Receivables, ageing, overdue per account, DSO.
    pub receivables: Receivables,
    /// The names of the overdue accounts, in the order of `receivables.overdue_by_account`
    /// (the first [`TOP_ACCOUNTS`]).
    pub top_names: Vec<String>,
    /// The retentions due within 90 days (the first [`MAX_RETENTIONS`]).
    pub retentions: Vec<RetentionRow>,
    /// How many retentions fall due within 90 days in all.
    pub retention_count: usize,
    /// Σ of all of them.
    pub retention_total: f64,
    /// Collected per month of the fiscal year.
    pub by_month: [f64; 12],
    /// The company's collections target of the year.
    pub target: Option<f64>,
    /// Months of the fiscal year elapsed up to the reference date (0–12).
    pub months_elapsed: usize,
    /// The fiscal year.
    pub year: i32,
}

/// An amount in full with thousands separators: 196000 → "196,000".
pub fn full(v: f64) -> String {
    group_thousands(&format!("{:.0}", v.round()))
}

/// Months of `year` elapsed on `today`: its month in that year, 12 after it, 0 before.
pub fn months_elapsed(year: i32, today: i64) -> usize {
    let (y, m, _) = civil_from_days(today);
    match y.cmp(&i64::from(year)) {
        std::cmp::Ordering::Less => 0,
        std::cmp::Ordering::Equal => m as usize,
        std::cmp::Ordering::Greater => 12,
    }
}

/// A bucket's label: "0–30 天" / "0–30 days", "180 天以上" / "Over 180 days".
pub fn bucket_label(i18n: &I18n, i: usize) -> String {
    match BUCKETS.get(i) {
        Some((from, Some(to))) => i18n.tf(
            "ltc_contracts.bucket_range",
            &[("from", &from.to_string()), ("to", &to.to_string())],
        ),
        Some((from, None)) => i18n.tf(
            "ltc_contracts.bucket_over",
            &[("n", &(from - 1).to_string())],
        ),
        None => String::new(),
    }
}

/// The headline figures: receivable, overdue, DSO (with how it is computed).
pub fn figures(i18n: &I18n, s: &Summary) -> Html {
    let r = &s.receivables;
    let dso = match r.dso {
        Some(d) => format!("{d:.1}"),
        None => "—".to_string(),
    };
    let dso_why = match r.dso {
        Some(_) => i18n.tf(
            "ltc_contracts.dso_why",
            &[
                ("receivable", &full(r.receivable)),
                ("invoiced", &full(r.invoiced_year)),
                ("dso", &dso),
            ],
        ),
        None => i18n.t("ltc_contracts.dso_none").to_string(),
    };
    let overdue_count: usize = r.ageing.counts.iter().sum();
    html! {
        <div class="ltc-c-figures">
            <div class="ltc-c-figure" data-testid="ltc-receivable">
                <span class="ltc-c-figure-label">{ i18n.t("ltc_contracts.receivable") }</span>
                <span class="ltc-c-figure-value" data-testid="ltc-receivable-value">{ i18n.num(r.receivable) }</span>
                <span class="muted" data-testid="ltc-receivable-why">{ i18n.tf("ltc_contracts.receivable_why", &[("amount", &full(r.receivable))]) }</span>
            </div>
            <div class="ltc-c-figure" data-testid="ltc-overdue">
                <span class="ltc-c-figure-label">{ i18n.t("ltc_contracts.overdue_total") }</span>
                <span class="ltc-c-figure-value is-danger" data-testid="ltc-overdue-value">{ i18n.num(r.ageing.total()) }</span>
                <span class="muted">{ i18n.tf("ltc_contracts.overdue_why", &[("n", &overdue_count.to_string()), ("accounts", &r.overdue_by_account.len().to_string())]) }</span>
            </div>
            <div class="ltc-c-figure" data-testid="ltc-dso">
                <span class="ltc-c-figure-label"><Term id="dso">{ i18n.t("ltc_contracts.dso") }</Term></span>
                <span class="ltc-c-figure-value" data-testid="ltc-dso-value">{ i18n.tf("ltc_contracts.days_value", &[("n", &dso)]) }</span>
                <span class="muted" data-testid="ltc-dso-why">{ dso_why }</span>
            </div>
            <div class="ltc-c-figure" data-testid="ltc-retention">
                <span class="ltc-c-figure-label">{ i18n.t("ltc_contracts.retention_soon") }</span>
                <span class="ltc-c-figure-value" data-testid="ltc-retention-value">{ i18n.num(s.retention_total) }</span>
                <span class="muted">{ i18n.tf("ltc_contracts.retention_why", &[("n", &s.retention_count.to_string())]) }</span>
            </div>
        </div>
    }
}

/// The ageing buckets as bars, with their table.
pub fn ageing(i18n: &I18n, s: &Summary) -> Html {
    let a = &s.receivables.ageing;
    let max = a.amounts.iter().copied().fold(0.0_f64, f64::max).max(1.0);
    let (col, gap, plot, top, left) = (96.0, 28.0, 140.0, 24.0, 12.0);
    let width = left * 2.0 + 4.0 * (col + gap);
    let base = top + plot;
    let height = base + 30.0;
    let bars = (0..4).map(|i| {
        let amount = a.amounts.get(i).copied().unwrap_or(0.0);
        let h = amount / max * plot;
        let x = left + gap / 2.0 + i as f64 * (col + gap);
        html! {
            <g>
                <rect x={x.to_string()} y={(base - h).to_string()} width={col.to_string()} height={h.to_string()}
                      rx="2" class={format!("ltc-c-age-bar is-b{i}")} />
                <text x={(x + col / 2.0).to_string()} y={(base - h - 6.0).to_string()} text-anchor="middle"
                      class="ltc-c-chart-value">{ i18n.num(amount) }</text>
                <text x={(x + col / 2.0).to_string()} y={(base + 18.0).to_string()} text-anchor="middle"
                      class="ltc-c-chart-label">{ bucket_label(i18n, i) }</text>
            </g>
        }
    });
    html! {
        <section class="card ltc-c-ageing" data-testid="ltc-ageing">
            <h3 class="card-title">{ i18n.t("ltc_contracts.ageing_title") }</h3>
            <p class="muted ltc-c-note">{ i18n.t("ltc_contracts.ageing_note") }</p>
            <div class="ltc-c-ageing-body">
                <svg class="ltc-c-chart" viewBox={format!("0 0 {width} {height}")} role="img"
                     aria-label={i18n.t("ltc_contracts.ageing_title")} preserveAspectRatio="xMinYMin meet">
                    <line x1={left.to_string()} x2={(width - left).to_string()} y1={base.to_string()} y2={base.to_string()}
                          class="ltc-c-axis" />
                    { for bars }
                </svg>
                <table class="data-table ltc-c-age-table" data-testid="ltc-ageing-table">
                    <thead><tr>
                        <th scope="col">{ i18n.t("ltc_contracts.col_bucket") }</th>
                        <th scope="col" class="num">{ i18n.t("ltc_contracts.col_amount") }</th>
                        <th scope="col" class="num">{ i18n.t("ltc_contracts.col_count") }</th>
                    </tr></thead>
                    <tbody>
                        { for (0..4).map(|i| html! {
                            <tr data-testid={format!("ltc-bucket-{i}")}>
                                <th scope="row">{ bucket_label(i18n, i) }</th>
                                <td class="num" data-testid={format!("ltc-bucket-{i}-amount")}>{ full(a.amounts.get(i).copied().unwrap_or(0.0)) }</td>
                                <td class="num" data-testid={format!("ltc-bucket-{i}-count")}>{ a.counts.get(i).copied().unwrap_or(0) }</td>
                            </tr>
                        }) }
                    </tbody>
                    <tfoot><tr>
                        <th scope="row">{ i18n.t("ltc_contracts.total") }</th>
                        <td class="num" data-testid="ltc-bucket-total">{ full(a.total()) }</td>
                        <td class="num">{ a.counts.iter().sum::<usize>() }</td>
                    </tr></tfoot>
                </table>
            </div>
        </section>
    }
}

/// The retentions falling due within 90 days.
pub fn retentions(
    i18n: &I18n,
    s: &Summary,
    on_edit: &Callback<String>,
    on_open_account: &Callback<String>,
) -> Html {
    let body = if s.retentions.is_empty() {
        html! { <p class="muted" data-testid="ltc-retentions-none">{ i18n.t("ltc_contracts.retentions_none") }</p> }
    } else {
        html! {
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("ltc_contracts.retentions_title")}>
            <table class="data-table" data-testid="ltc-retentions-table">
                <thead><tr>
                    <th scope="col">{ i18n.t("ltc_contracts.col_contract") }</th>
                    <th scope="col">{ i18n.t("ltc_contracts.col_account") }</th>
                    <th scope="col">{ i18n.t("ltc_contracts.col_due") }</th>
                    <th scope="col" class="num">{ i18n.t("ltc_contracts.col_amount") }</th>
                </tr></thead>
                <tbody>
                    { for s.retentions.iter().map(|r| html! {
                        <tr data-testid="ltc-retention-row">
                            <th scope="row">
                                <button type="button" class="ltc-c-link print-as-text"
                                        onclick={on_edit.reform({ let id = r.contract.clone(); move |_: MouseEvent| id.clone() })}>
                                    { r.name.clone() }</button>
                            </th>
                            <td>
                                <button type="button" class="ltc-c-link print-as-text"
                                        onclick={on_open_account.reform({ let id = r.account.clone(); move |_: MouseEvent| id.clone() })}>
                                    { r.account_name.clone() }</button>
                                { " " }{ crate::ui::account_link::plan_link(i18n, &r.account, &r.account_name) }
                            </td>
                            <td>{ iso_from_days(r.day) }</td>
                            <td class="num">{ full(r.amount) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        }
    };
    html! {
        <section class="card ltc-c-retentions" data-testid="ltc-retentions">
            <h3 class="card-title">{ i18n.t("ltc_contracts.retentions_title") }</h3>
            { body }
            if s.retention_count > s.retentions.len() {
                <p class="muted">{ i18n.tf("ltc_contracts.more_rows", &[("n", &(s.retention_count - s.retentions.len()).to_string())]) }</p>
            }
        </section>
    }
}

/// The accounts with the largest overdue amounts.
pub fn top_overdue(i18n: &I18n, s: &Summary, on_open_account: &Callback<String>) -> Html {
    let list = &s.receivables.overdue_by_account;
    let body = if list.is_empty() {
        html! { <p class="muted" data-testid="ltc-top-overdue-none">{ i18n.t("ltc_contracts.top_none") }</p> }
    } else {
        html! {
            <div class="table-scroll" tabindex="0" role="group" aria-label={i18n.t("ltc_contracts.top_title")}>
            <table class="data-table" data-testid="ltc-top-overdue-table">
                <thead><tr>
                    <th scope="col">{ i18n.t("ltc_contracts.col_account") }</th>
                    <th scope="col" class="num">{ i18n.t("ltc_contracts.col_overdue_amount") }</th>
                    <th scope="col" class="num">{ i18n.t("ltc_contracts.col_longest") }</th>
                </tr></thead>
                <tbody>
                    { for list.iter().take(TOP_ACCOUNTS).zip(&s.top_names).map(|((id, amount, days), name)| html! {
                        <tr data-testid="ltc-top-overdue-row" data-account={id.clone()}>
                            <th scope="row">
                                <button type="button" class="ltc-c-link print-as-text"
                                        onclick={on_open_account.reform({ let id = id.clone(); move |_: MouseEvent| id.clone() })}
                                        data-testid={format!("ltc-top-overdue-open-{id}")}>
                                    { name.clone() }</button>
                                { " " }{ crate::ui::account_link::plan_link(i18n, id, name) }
                            </th>
                            <td class="num">{ full(*amount) }</td>
                            <td class="num">{ i18n.tf("ltc_contracts.days_value", &[("n", &days.to_string())]) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
            </div>
        }
    };
    html! {
        <section class="card ltc-c-top" data-testid="ltc-top-overdue">
            <h3 class="card-title">{ i18n.t("ltc_contracts.top_title") }</h3>
            { body }
            if list.len() > TOP_ACCOUNTS {
                <p class="muted">{ i18n.tf("ltc_contracts.more_rows", &[("n", &(list.len() - TOP_ACCOUNTS).to_string())]) }</p>
            }
        </section>
    }
}

/// The names of the first overdue accounts.
pub fn top_names(r: &Receivables, name_of: impl Fn(&str) -> String) -> Vec<String> {
    r.overdue_by_account
        .iter()
        .take(TOP_ACCOUNTS)
        .map(|(id, _, _)| name_of(id))
        .collect()
}

/// The first [`MAX_RETENTIONS`] of a list, and how many there are.
pub fn cap_retentions(list: Vec<RetentionRow>) -> (Vec<RetentionRow>, usize, f64) {
    let n = list.len();
    let total = list.iter().map(|r| r.amount).sum();
    (list.into_iter().take(MAX_RETENTIONS).collect(), n, total)
}

/// The collections of the year by month against the target pro rata (chart and table).
pub fn collections(i18n: &I18n, s: &Summary) -> Html {
    let mut cum = [0.0; 12];
    let mut run = 0.0;
    for (i, v) in s.by_month.iter().enumerate() {
        run += v;
        cum[i] = run;
    }
    let pro_rata = |m: usize| s.target.map(|t| t * m as f64 / 12.0);
    let max = cum
        .iter()
        .copied()
        .chain(s.target)
        .fold(0.0_f64, f64::max)
        .max(1.0);
    let (w, h, left, right, top, bottom) = (720.0, 230.0, 56.0, 12.0, 16.0, 28.0);
    let plot_w = w - left - right;
    let plot_h = h - top - bottom;
    let step = plot_w / 12.0;
    let y = |v: f64| top + plot_h - v / max * plot_h;
    let x_mid = |i: usize| left + step * (i as f64 + 0.5);
    let elapsed = s.months_elapsed.min(12);
    let cum_points: String = (0..elapsed)
        .map(|i| format!("{:.1},{:.1}", x_mid(i), y(cum[i])))
        .collect::<Vec<_>>()
        .join(" ");
    let target_points: Option<String> = s.target.map(|_| {
        (0..=12)
            .map(|m| {
                format!(
                    "{:.1},{:.1}",
                    left + step * m as f64,
                    y(pro_rata(m).unwrap_or(0.0))
                )
            })
            .collect::<Vec<_>>()
            .join(" ")
    });
    let gridlines = (0..=4).map(|k| {
        let v = max * k as f64 / 4.0;
        html! {
            <g>
                <line x1={left.to_string()} x2={(w - right).to_string()} y1={y(v).to_string()} y2={y(v).to_string()} class="ltc-c-grid" />
                <text x={(left - 6.0).to_string()} y={(y(v) + 4.0).to_string()} text-anchor="end" class="ltc-c-chart-label">{ i18n.num(v) }</text>
            </g>
        }
    });
    let bars = s.by_month.iter().enumerate().map(|(i, v)| {
        let bw = step * 0.56;
        let bh = v / max * plot_h;
        html! {
            <g>
                <rect x={(x_mid(i) - bw / 2.0).to_string()} y={(top + plot_h - bh).to_string()} width={bw.to_string()}
                      height={bh.to_string()} class="ltc-c-month-bar" rx="1" />
                <text x={x_mid(i).to_string()} y={(h - 10.0).to_string()} text-anchor="middle" class="ltc-c-chart-label">
                    { i18n.tf("ltc_contracts.month_short", &[("m", &(i + 1).to_string())]) }</text>
            </g>
        }
    });
    let target_text = match s.target {
        Some(t) => i18n.tf(
            "ltc_contracts.collections_target",
            &[("target", &i18n.num(t)), ("year", &s.year.to_string())],
        ),
        None => i18n.t("ltc_contracts.collections_no_target").to_string(),
    };
    html! {
        <section class="card ltc-c-collections" data-testid="ltc-collections">
            <h3 class="card-title">{ i18n.tf("ltc_contracts.collections_title", &[("year", &s.year.to_string())]) }</h3>
            <p class="muted ltc-c-note" data-testid="ltc-collections-target">{ target_text }</p>
            <svg class="ltc-c-chart ltc-c-collections-chart" viewBox={format!("0 0 {w} {h}")} role="img"
                 aria-label={i18n.tf("ltc_contracts.collections_title", &[("year", &s.year.to_string())])}
                 preserveAspectRatio="xMinYMin meet">
                { for gridlines }
                { for bars }
                if let Some(p) = target_points {
                    <polyline points={p} class="ltc-c-target-line" fill="none" />
                }
                if elapsed > 0 {
                    <polyline points={cum_points} class="ltc-c-cum-line" fill="none" />
                }
                { for (0..elapsed).map(|i| html! {
                    <circle cx={x_mid(i).to_string()} cy={y(cum[i]).to_string()} r="3.5" class="ltc-c-cum-dot" />
                }) }
            </svg>
            <ul class="ltc-c-legend">
                <li><span class="ltc-c-key is-bar"></span>{ i18n.t("ltc_contracts.legend_month") }</li>
                <li><span class="ltc-c-key is-cum"></span>{ i18n.t("ltc_contracts.legend_cum") }</li>
                if s.target.is_some() {
                    <li><span class="ltc-c-key is-target"></span>{ i18n.t("ltc_contracts.legend_target") }</li>
                }
            </ul>
            <details class="ltc-c-details">
                <summary>{ i18n.t("ltc_contracts.show_table") }</summary>
                <table class="data-table" data-testid="ltc-collections-table">
                    <thead><tr>
                        <th scope="col">{ i18n.t("ltc_contracts.col_month") }</th>
                        <th scope="col" class="num">{ i18n.t("ltc_contracts.col_collected") }</th>
                        <th scope="col" class="num">{ i18n.t("ltc_contracts.col_cumulative") }</th>
                        <th scope="col" class="num">{ i18n.t("ltc_contracts.col_target_to_date") }</th>
                        <th scope="col" class="num">{ i18n.t("ltc_contracts.col_attainment") }</th>
                    </tr></thead>
                    <tbody>
                        { for (0..12).map(|i| {
                            let done = i < elapsed;
                            let t = pro_rata(i + 1);
                            html! {
                                <tr data-testid={format!("ltc-collections-month-{}", i + 1)}>
                                    <th scope="row">{ i18n.tf("ltc_contracts.month_short", &[("m", &(i + 1).to_string())]) }</th>
                                    <td class="num">{ if done { full(s.by_month[i]) } else { "—".to_string() } }</td>
                                    <td class="num">{ if done { full(cum[i]) } else { "—".to_string() } }</td>
                                    <td class="num">{ t.map_or_else(|| "—".to_string(), full) }</td>
                                    <td class="num">{ match t { Some(t) if done && t > 0.0 => format_percent(cum[i] / t * 100.0), _ => "—".to_string() } }</td>
                                </tr>
                            }
                        }) }
                    </tbody>
                </table>
            </details>
        </section>
    }
}

//! The SOTI radar: one axis per dimension (S up, O right, T down, I left), rings at 1–5, the
//! mean of all respondents filled and each respondent's answers as a thin outline; and its table
//! view (every chart has one).

use std::rc::Rc;

use yew::prelude::*;

use super::{dimension_name, score_text};
use crate::domain::diagnosis::calc::DimensionScore;
use crate::domain::diagnosis::Soti;
use crate::ui::i18n::use_i18n;

const SIZE: f64 = 320.0;
const CENTRE: f64 = SIZE / 2.0;
const RADIUS: f64 = 110.0;

/// The point of `score` (0–5) on the axis of `dim`.
fn point(dim: Soti, score: f64) -> (f64, f64) {
    let r = RADIUS * score.clamp(0.0, 5.0) / 5.0;
    match dim {
        Soti::Strategy => (CENTRE, CENTRE - r),
        Soti::Organization => (CENTRE + r, CENTRE),
        Soti::Tactic => (CENTRE, CENTRE + r),
        Soti::Incentives => (CENTRE - r, CENTRE),
    }
}

/// The `points` attribute of a polygon through the four scores (an unrated dimension at 0).
fn polygon(scores: &[Option<f64>; 4]) -> String {
    Soti::ALL
        .iter()
        .map(|d| {
            let (x, y) = point(*d, scores[d.index()].unwrap_or(0.0));
            format!("{x:.1},{y:.1}")
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Props of [`Radar`].
#[derive(Properties, PartialEq)]
pub struct RadarProps {
    /// The dimension scores.
    pub scores: Rc<Vec<DimensionScore>>,
    /// Each respondent's label and dimension means, in SOTI order.
    pub respondents: Rc<Vec<(String, [Option<f64>; 4])>>,
}

/// The chart and its table.
#[function_component(Radar)]
pub fn radar(props: &RadarProps) -> Html {
    let i18n = use_i18n();
    let mean: [Option<f64>; 4] = Soti::ALL.map(|d| {
        props
            .scores
            .iter()
            .find(|s| s.dimension == d)
            .and_then(|s| s.mean)
    });
    let rated = mean.iter().any(Option::is_some);
    let label_at = |d: Soti| {
        let (x, y) = point(d, 5.0);
        match d {
            Soti::Strategy => (x, y - 10.0, "middle"),
            Soti::Organization => (x + 8.0, y + 4.0, "start"),
            Soti::Tactic => (x, y + 20.0, "middle"),
            Soti::Incentives => (x - 8.0, y + 4.0, "end"),
        }
    };
    let summary = Soti::ALL
        .iter()
        .map(|d| {
            format!(
                "{} {}",
                dimension_name(&i18n, *d),
                score_text(mean[d.index()])
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    html! {
        <div class="diag-radar">
            <svg class="diag-radar-chart" viewBox="-150 0 620 330" width="520" height="277" role="img"
                 aria-label={i18n.tf("diagnosis.radar_label", &[("scores", &summary)])}
                 data-testid="diag-radar">
                { for (1..=5).map(|ring| html! {
                    <polygon class="diag-radar-ring" points={polygon(&[Some(f64::from(ring)); 4])} />
                }) }
                { for Soti::ALL.iter().map(|d| {
                    let (x, y) = point(*d, 5.0);
                    html! { <line class="diag-radar-axis" x1={CENTRE.to_string()} y1={CENTRE.to_string()} x2={format!("{x:.1}")} y2={format!("{y:.1}")} /> }
                }) }
                { for props.respondents.iter().enumerate().map(|(i, (_, s))| html! {
                    <polygon class={classes!("diag-radar-respondent", format!("diag-radar-r{}", i % 6))} points={polygon(s)} />
                }) }
                if rated {
                    <polygon class="diag-radar-mean" points={polygon(&mean)} data-testid="diag-radar-mean" />
                }
                { for Soti::ALL.iter().map(|d| {
                    let (x, y, anchor) = label_at(*d);
                    html! {
                        <text class="diag-radar-label" x={format!("{x:.1}")} y={format!("{y:.1}")} text-anchor={anchor}>
                            { format!("{} {}", dimension_name(&i18n, *d), score_text(mean[d.index()])) }
                        </text>
                    }
                }) }
            </svg>
            <table class="data-table diag-score-table" data-testid="diag-score-table">
                <caption>{ i18n.t("diagnosis.table_caption") }</caption>
                <thead><tr>
                    <th scope="col">{ i18n.t("diagnosis.col_dimension") }</th>
                    <th scope="col" class="num">{ i18n.t("diagnosis.col_mean") }</th>
                    <th scope="col" class="num">{ i18n.t("diagnosis.col_respondents") }</th>
                    <th scope="col" class="num">{ i18n.t("diagnosis.col_range") }</th>
                    <th scope="col" class="num">{ i18n.t("diagnosis.col_spread") }</th>
                    <th scope="col" class="num">{ i18n.t("diagnosis.col_rated") }</th>
                </tr></thead>
                <tbody>
                    { for props.scores.iter().map(|s| html! {
                        <tr data-testid={format!("diag-score-{}", s.dimension.key())}>
                            <th scope="row">{ dimension_name(&i18n, s.dimension) }</th>
                            <td class="num diag-mean">{ score_text(s.mean) }</td>
                            <td class="num">{ s.respondents }</td>
                            <td class="num">{ s.range.map_or_else(|| "—".to_string(), |(lo, hi)| format!("{lo:.1}–{hi:.1}")) }</td>
                            <td class={classes!("num", "diag-spread", (s.spread >= 1.0).then_some("is-wide"))}>{ format!("{:.1}", s.spread) }</td>
                            <td class="num">{ format!("{} / {}", s.statements_rated, s.statements) }</td>
                        </tr>
                    }) }
                </tbody>
            </table>
        </div>
    }
}

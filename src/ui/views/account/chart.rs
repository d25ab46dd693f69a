//! The account page's two small charts: the purchase history as SVG bars (the table beside it
//! carries the same figures), and a thumbnail of the relationship map — MCR's own org-chart
//! layout (`domain::mcr::layout`) drawn small, each stakeholder a block coloured by support.

use std::rc::Rc;

use yew::prelude::*;

use crate::domain::mcr::layout::layout;
use crate::domain::mcr::{DecisionRole, Stakeholder};
use crate::ui::views::mcr::support_key;

/// Props of [`PurchaseBars`].
#[derive(Properties, PartialEq)]
pub struct PurchaseBarsProps {
    /// (year, amount, amount written) per year, oldest first.
    pub bars: Vec<(String, f64, String)>,
    /// The chart's accessible name.
    pub label: String,
}

/// One bar per year, the largest at full height, the amount above each.
#[function_component(PurchaseBars)]
pub fn purchase_bars(props: &PurchaseBarsProps) -> Html {
    const W: f64 = 260.0;
    const H: f64 = 120.0;
    const TOP: f64 = 16.0;
    const BOTTOM: f64 = 18.0;
    let n = props.bars.len().max(1) as f64;
    let max = props
        .bars
        .iter()
        .map(|b| b.1)
        .filter(|v| v.is_finite())
        .fold(0.0_f64, f64::max);
    let slot = W / n;
    let bar_w = (slot * 0.6).min(40.0);
    let bars = props.bars.iter().enumerate().map(|(i, (year, v, written))| {
        let h = if max > 0.0 && v.is_finite() {
            (v.max(0.0) / max) * (H - TOP - BOTTOM)
        } else {
            0.0
        };
        let cx = slot * (i as f64 + 0.5);
        let y = H - BOTTOM - h;
        html! {
            <g>
                <rect class="account-bar" x={format!("{:.1}", cx - bar_w / 2.0)} y={format!("{y:.1}")}
                      width={format!("{bar_w:.1}")} height={format!("{h:.1}")} />
                <text class="account-bar-value" x={format!("{cx:.1}")} y={format!("{:.1}", y - 3.0)} text-anchor="middle">{ written.clone() }</text>
                <text class="account-bar-year" x={format!("{cx:.1}")} y={format!("{:.1}", H - 4.0)} text-anchor="middle">{ year.clone() }</text>
            </g>
        }
    });
    html! {
        <svg class="account-bars" viewBox={format!("0 0 {W} {H}")} role="img" aria-label={props.label.clone()}
             data-testid="account-history-chart">
            <line class="account-axis" x1="0" x2={W.to_string()} y1={(H - BOTTOM).to_string()} y2={(H - BOTTOM).to_string()} />
            { for bars }
        </svg>
    }
}

/// Props of [`MapThumb`].
#[derive(Properties, PartialEq)]
pub struct MapThumbProps {
    /// The account's stakeholders.
    pub list: Rc<Vec<Stakeholder>>,
    /// The thumbnail's accessible name.
    pub label: String,
}

/// The relationship map in miniature: the org chart's places, lines to the boss, blocks
/// coloured by support (decision makers outlined darker).
#[function_component(MapThumb)]
pub fn map_thumb(props: &MapThumbProps) -> Html {
    const SLOT: f64 = 18.0;
    const ROW: f64 = 22.0;
    const BOX_W: f64 = 14.0;
    const BOX_H: f64 = 12.0;
    let chart = use_memo(props.list.clone(), |l| layout(l));
    let width = (chart.width * SLOT).max(SLOT);
    let height = (chart.height as f64 * ROW).max(ROW);
    let centre = |i: usize| {
        chart
            .places
            .get(i)
            .map(|p| ((p.x + 0.5) * SLOT, p.y as f64 * ROW + BOX_H / 2.0 + 4.0))
    };
    let links = chart.places.iter().filter_map(|p| {
        let (x1, y1) = centre(p.index)?;
        let (x2, y2) = centre(p.parent?)?;
        Some(html! {
            <line class="mcr-link" x1={format!("{x1:.1}")} y1={format!("{y1:.1}")} x2={format!("{x2:.1}")} y2={format!("{y2:.1}")} />
        })
    });
    let nodes = chart.places.iter().filter_map(|p| {
        let s = props.list.get(p.index)?;
        let (cx, cy) = centre(p.index)?;
        let dm = s.role == DecisionRole::DecisionMaker;
        Some(html! {
            <g class={classes!("account-thumb-node", format!("mcr-support-{}", support_key(s.support)), dm.then_some("is-dm"))}>
                <title>{ format!("{} · {}", s.name, s.title) }</title>
                <rect class="mcr-card" x={format!("{:.1}", cx - BOX_W / 2.0)} y={format!("{:.1}", cy - BOX_H / 2.0)}
                      width={BOX_W.to_string()} height={BOX_H.to_string()} rx="2" />
            </g>
        })
    });
    html! {
        <svg class="mcr account-thumb" viewBox={format!("0 0 {width:.0} {:.0}", height + 4.0)} role="img"
             aria-label={props.label.clone()} data-testid="account-map-thumb" preserveAspectRatio="xMidYMin meet">
            { for links }
            { for nodes }
        </svg>
    }
}

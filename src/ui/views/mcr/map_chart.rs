//! The relationship map as an SVG org chart: the layout of `domain::mcr::layout` scaled to
//! pixels, each stakeholder a card coloured by support (a class per level), wider and taller
//! the more influence, marked with its decision role and our owner; lines from each card to
//! the one it reports to. Every card is focusable and opens the stakeholder on Enter, Space or
//! a click.

use std::collections::HashMap;

use yew::prelude::*;

use super::{person_name, role_name, support_key, support_name};
use crate::domain::mcr::layout::Chart;
use crate::domain::mcr::{DecisionRole, Stakeholder, INFLUENCE_MAX};
use crate::domain::workspace::Workspace;
use crate::ui::i18n::I18n;

/// Width of a slot of the layout, px.
pub const SLOT_W: f64 = 184.0;
/// Height of a row, px.
pub const ROW_H: f64 = 86.0;
/// How far a stacked card is indented under its parent, px.
const INDENT: f64 = 16.0;
const MARGIN: f64 = 12.0;

/// A card's width: 112 px at influence 1, 8 px more per level (144 at 5); with the indent it
/// stays inside its slot, so cards of neighbouring slots never touch.
fn card_w(influence: u32) -> f64 {
    104.0 + 8.0 * f64::from(influence.min(INFLUENCE_MAX))
}

/// A card's height: 56 px at influence 1 (room for three lines), 3 px more per level (68 at
/// 5), under the row's 86.
fn card_h(influence: u32) -> f64 {
    53.0 + 3.0 * f64::from(influence.min(INFLUENCE_MAX))
}

/// The width of `text` at `font_px`, estimated: a Chinese (wide) character is one em, any other
/// about 0.62 em — a little more than the average Latin letter, so that a text judged to fit
/// does fit.
fn text_width(text: &str, font_px: f64) -> f64 {
    text.chars()
        .map(|c| if is_wide(c) { font_px } else { 0.62 * font_px })
        .sum()
}

/// CJK ideographs, kana, Hangul, full-width forms and CJK punctuation.
fn is_wide(c: char) -> bool {
    matches!(c as u32, 0x1100..=0x115F | 0x2E80..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60 | 0xFFE0..=0xFFE6)
}

/// The text cut with an ellipsis to fit `room` px at `font_px` (the full text is in the card's
/// title).
fn cut(text: &str, room: f64, font_px: f64) -> String {
    if text_width(text, font_px) <= room {
        return text.to_string();
    }
    let mut out = String::new();
    let mut used = text_width("…", font_px);
    for c in text.chars() {
        let w = text_width(c.encode_utf8(&mut [0; 4]), font_px);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    out.push('…');
    out
}

/// The card's accessible name: everything the card shows and the figures behind its looks.
fn card_label(i18n: &I18n, ws: &Workspace, s: &Stakeholder, days: Option<i64>) -> String {
    i18n.tf(
        "mcr.node_aria",
        &[
            ("name", &s.name),
            ("title", &s.title),
            ("role", &role_name(i18n, s.role)),
            ("support", &support_name(i18n, s.support)),
            ("influence", &s.influence.to_string()),
            (
                "owner",
                &s.owner.as_deref().map_or_else(
                    || i18n.t("mcr.no_owner").to_string(),
                    |o| person_name(ws, Some(o)),
                ),
            ),
            (
                "contact",
                &days.map_or_else(
                    || i18n.t("mcr.never_contacted").to_string(),
                    |d| i18n.tf("mcr.days_ago", &[("n", &d.to_string())]),
                ),
            ),
        ],
    )
}

/// Props of [`OrgChart`].
#[derive(Properties, PartialEq)]
pub struct OrgChartProps {
    /// The account's stakeholders, in the order the chart was laid out for.
    pub list: Vec<Stakeholder>,
    /// Their layout.
    pub chart: std::rc::Rc<Chart>,
    /// The workspace (owner names).
    pub ws: super::DocRef,
    /// Days since each stakeholder's last contact.
    pub days: std::rc::Rc<HashMap<String, i64>>,
    /// The stakeholder open in the panel.
    pub selected: Option<String>,
    /// Opens a stakeholder.
    pub on_select: Callback<String>,
}

/// The chart.
#[function_component(OrgChart)]
pub fn org_chart(props: &OrgChartProps) -> Html {
    let i18n = crate::ui::i18n::use_i18n();
    let ws = &props.ws.0;
    let chart = &props.chart;
    let scroller = use_node_ref();
    // The first root's centre, px: a wide chart opens scrolled to show the top of the tree.
    let root_x = chart
        .places
        .iter()
        .find(|p| p.parent.is_none())
        .map_or(0.0, |p| MARGIN + (p.x + 0.5) * SLOT_W);
    {
        let scroller = scroller.clone();
        use_effect_with(props.chart.clone(), move |_| {
            if let Some(el) = scroller.cast::<web_sys::Element>() {
                let left = root_x - f64::from(el.client_width()) / 2.0;
                el.set_scroll_left(left.max(0.0) as i32);
            }
        });
    }
    let width = chart.width.max(1.0) * SLOT_W + 2.0 * MARGIN;
    let height = chart.height.max(1) as f64 * ROW_H + 2.0 * MARGIN;
    // A card whose reports are stacked under it sits at the left of its slot, so the line
    // down the column starts inside it.
    let mut heads = vec![false; chart.places.len()];
    for p in chart.places.iter().filter(|p| p.stacked) {
        if let Some(h) = p.parent.and_then(|i| heads.get_mut(i)) {
            *h = true;
        }
    }
    // The top-left corner of each card.
    let corner = |i: usize| -> (f64, f64) {
        let p = &chart.places[i];
        let s = &props.list[i];
        let left = MARGIN + p.x * SLOT_W;
        let x = if p.stacked {
            left + INDENT
        } else if heads[i] {
            left
        } else {
            left + (SLOT_W - card_w(s.influence)) / 2.0
        };
        (x, MARGIN + p.y as f64 * ROW_H)
    };
    let lines = chart.places.iter().filter_map(|p| {
        let parent = p.parent?;
        let (px, py) = corner(parent);
        let (cx, cy) = corner(p.index);
        let ps = &props.list[parent];
        let cs = &props.list[p.index];
        let path = if p.stacked {
            // Down the left side of the column, then into the card.
            let x = px + 8.0;
            let y = cy + card_h(cs.influence) / 2.0;
            format!("M{x:.1},{:.1} V{y:.1} H{cx:.1}", py + card_h(ps.influence))
        } else {
            let (x0, y0) = (px + card_w(ps.influence) / 2.0, py + card_h(ps.influence));
            let (x1, y1) = (cx + card_w(cs.influence) / 2.0, cy);
            let mid = (y0 + y1) / 2.0;
            format!("M{x0:.1},{y0:.1} V{mid:.1} H{x1:.1} V{y1:.1}")
        };
        Some(html! { <path class="mcr-link" d={path} /> })
    });
    let cards = props.list.iter().enumerate().map(|(i, s)| {
        let (x, y) = corner(i);
        let (w, h) = (card_w(s.influence), card_h(s.influence));
        let id = s.id.clone();
        let selected = props.selected.as_deref() == Some(id.as_str());
        let onclick = props.on_select.reform({
            let id = id.clone();
            move |_: MouseEvent| id.clone()
        });
        let onkeydown = {
            let on_select = props.on_select.clone();
            let id = id.clone();
            Callback::from(move |e: KeyboardEvent| {
                if e.key() == "Enter" || e.key() == " " {
                    e.prevent_default();
                    on_select.emit(id.clone());
                }
            })
        };
        let days = props.days.get(&s.id).copied();
        let badge = i18n
            .t(&format!("mcr.role_short_{}", s.role.key()))
            .to_string();
        let owner = s
            .owner
            .as_deref()
            .map_or_else(|| i18n.t("mcr.no_owner").to_string(), |o| person_name(ws, Some(o)));
        html! {
            <g class={classes!("mcr-node", format!("mcr-support-{}", support_key(s.support)),
                               (s.role == DecisionRole::DecisionMaker).then_some("is-dm"),
                               selected.then_some("is-selected"))}
               transform={format!("translate({x:.1},{y:.1})")}
               tabindex="0" role="button"
               aria-pressed={selected.to_string()}
               data-testid={format!("mcr-node-{id}")} {onclick} {onkeydown}>
                // The name is the title (whole, where the card cuts it); the rest of the card is
                // its description, so the name contains what the card shows first.
                <title>{ format!("{} · {}", s.name, s.title) }</title>
                <desc>{ card_label(&i18n, ws, s, days) }</desc>
                <rect class="mcr-card" width={format!("{w:.1}")} height={format!("{h:.1}")} rx="6" />
                <rect class="mcr-badge" x="4" y="4" width="22" height="16" rx="3" />
                <text class="mcr-badge-text" x="15" y="16" text-anchor="middle">{ badge }</text>
                <text class="mcr-name" x="32" y="17">{ cut(&s.name, w - 40.0, 13.0) }</text>
                <text class="mcr-title" x="8" y="33">{ cut(&s.title, w - 16.0, 11.0) }</text>
                <text class="mcr-owner" x="8" y={format!("{:.1}", h - 7.0)}>{ cut(&format!("◆ {owner}"), w - 16.0, 11.0) }</text>
            </g>
        }
    });
    html! {
        <div ref={scroller} class="mcr-chart-scroll" tabindex="0" role="region" aria-label={i18n.t("mcr.map_label")}
             data-testid="mcr-chart-scroll">
            <svg class="mcr-chart" width={format!("{width:.0}")} height={format!("{height:.0}")}
                 viewBox={format!("0 0 {width:.0} {height:.0}")} data-testid="mcr-chart">
                <g class="mcr-links">{ for lines }</g>
                { for cards }
            </svg>
        </div>
    }
}

//! The tier pyramid: one centred band per tier, top tier first, its width the tier's share of
//! customers, with a dashed outline at the target share. A healthy structure looks like a
//! pyramid; a thin top shows at a glance.

use yew::prelude::*;

use crate::domain::number::format_percent;

/// One band of the pyramid.
#[derive(Clone, Debug, PartialEq)]
pub struct PyramidBand {
    /// Tier name.
    pub label: String,
    /// Fill colour, `#rrggbb`.
    pub color: String,
    /// Customers in the tier.
    pub count: usize,
    /// Share of customers, %.
    pub share_pct: f64,
    /// Target share, %.
    pub target_pct: f64,
}

/// Props of [`Pyramid`].
#[derive(Properties, PartialEq)]
pub struct PyramidProps {
    /// The bands, top tier first.
    pub bands: Vec<PyramidBand>,
    /// Accessible name of the chart.
    pub label: AttrValue,
    /// Text for "target", e.g. 目标.
    pub target_word: AttrValue,
}

// The chart is drawn about 440 px wide beside its table at 1280 px, i.e. at ~0.8 of its
// viewBox: the fonts (tiering.css) are sized so that the labels render at 11 px or more.
const WIDTH: f64 = 340.0;
const BAND_H: f64 = 40.0;
const GAP: f64 = 4.0;
const LABEL_W: f64 = 210.0;

/// The pyramid chart (the same figures are in the distribution table beside it).
#[function_component(Pyramid)]
pub fn pyramid(props: &PyramidProps) -> Html {
    let max = props
        .bands
        .iter()
        .flat_map(|b| [b.share_pct, b.target_pct])
        .fold(1.0_f64, f64::max);
    let scale = |pct: f64| (pct.max(0.0) / max) * WIDTH;
    let height = props.bands.len() as f64 * (BAND_H + GAP);
    let cx = WIDTH / 2.0;
    html! {
        <svg class="pyramid" viewBox={format!("0 0 {} {height}", WIDTH + LABEL_W)} role="img"
             aria-label={props.label.clone()} data-testid="pyramid">
            { for props.bands.iter().enumerate().map(|(i, b)| {
                let y = i as f64 * (BAND_H + GAP);
                let w = scale(b.share_pct).max(2.0);
                let tw = scale(b.target_pct);
                html! {
                    <g>
                        <rect x={(cx - w / 2.0).to_string()} y={y.to_string()} width={w.to_string()}
                              height={BAND_H.to_string()} rx="3" fill={b.color.clone()} />
                        if tw > 0.0 {
                            <rect x={(cx - tw / 2.0).to_string()} y={(y + 1.0).to_string()}
                                  width={tw.to_string()} height={(BAND_H - 2.0).to_string()}
                                  class="pyramid-target" rx="3" />
                        }
                        <text x={(WIDTH + 10.0).to_string()} y={(y + 17.0).to_string()} class="pyramid-label">
                            { b.label.clone() }
                        </text>
                        <text x={(WIDTH + 10.0).to_string()} y={(y + 36.0).to_string()} class="pyramid-figure">
                            { format!("{} · {} ({} {})", b.count, format_percent(b.share_pct),
                                      props.target_word, format_percent(b.target_pct)) }
                        </text>
                    </g>
                }
            }) }
        </svg>
    }
}

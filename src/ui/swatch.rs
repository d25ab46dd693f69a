//! The colour mark of a tier: a small SVG square filled through the `fill` presentation
//! attribute, so no colour ever goes through a `style` attribute (which a strict CSP blocks and
//! which would let a crafted colour carry other CSS).

use yew::prelude::*;

use crate::domain::tiering::Tier;

/// Props of [`Swatch`].
#[derive(Properties, PartialEq)]
pub struct SwatchProps {
    /// The colour, from [`tier_fill`].
    pub color: AttrValue,
    /// Extra class, e.g. `tier-card-stripe` for the tall stripe of a tier card.
    #[prop_or_default]
    pub class: Classes,
}

/// A decorative colour square (hidden from screen readers; the tier name is always next to it).
#[function_component(Swatch)]
pub fn swatch(props: &SwatchProps) -> Html {
    html! {
        <svg class={classes!("swatch", props.class.clone())} viewBox="0 0 10 10"
             preserveAspectRatio="none" aria-hidden="true" focusable="false">
            <rect width="10" height="10" rx="2" fill={props.color.clone()} />
        </svg>
    }
}

/// The colour of `tier` for a [`Swatch`] or a chart: only ever `#rgb` / `#rrggbb`.
pub fn tier_fill(tier: &Tier) -> AttrValue {
    AttrValue::from(tier.display_color().to_string())
}

//! Small SVG charts fed plain numbers; each has a table view beside it.

pub mod capacity;
pub mod curve;
pub mod histogram;
pub mod hours_bars;
pub mod load_bars;
pub mod pyramid;
pub mod share_bars;
pub mod weight_bars;

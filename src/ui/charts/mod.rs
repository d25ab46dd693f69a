//! Small SVG charts fed plain numbers; each has a table view beside it.

pub mod share_bars;

//! One view per tool.

pub mod overview;
pub mod tiering;

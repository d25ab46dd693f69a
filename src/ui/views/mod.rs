//! One view per tool.

pub mod overview;

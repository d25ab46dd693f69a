//! One view per tool.

pub mod concentration;
pub mod customer_transfer;
pub mod overview;
pub mod tiering;

//! KAM Planner (大客户经营规划工具箱): a key-account-management planning toolkit that runs
//! entirely in the browser.
//!
//! - [`domain`] is the calculating core: pure data in, data out, no browser or UI imports.
//! - [`persist`] reads and writes the workspace document; only `storage` and `files` touch the browser.
//! - [`ui`] is the Yew application.

pub mod domain;
pub mod persist;
pub mod ui;

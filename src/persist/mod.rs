//! Reading and writing workspaces. Everything here is pure except [`storage`] and [`files`], the
//! only modules that touch the browser.

pub mod envelope;
pub mod files;
pub mod library;
pub mod migrate;
pub mod storage;
pub mod validate;

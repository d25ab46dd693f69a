//! Reading and writing workspaces. Everything here is pure except [`storage`] and [`files`], the
//! only modules that touch the browser.

pub mod compact;
pub mod csv_export;
pub mod csv_import;
pub mod embed;
pub mod envelope;
pub mod files;
pub mod ics;
pub mod import;
pub mod kpi_import;
pub mod library;
pub mod ltc_import;
pub mod mcr_import;
pub mod migrate;
pub mod people_import;
pub mod portfolio_import;
pub mod read;
pub mod repair_diagnosis;
pub mod repair_ltc;
pub mod repair_mcr;
pub mod repair_org;
pub mod repair_portfolio;
pub mod salvage;
pub mod storage;
mod text_caps;
pub mod validate;
pub mod xlsx_import;
pub mod xlsx_unpack;
pub mod xlsx_write;

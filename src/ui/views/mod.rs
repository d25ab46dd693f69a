//! One view per tool.

pub mod account;
pub mod concentration;
pub mod customer_form;
pub mod customer_import;
pub mod customer_table;
pub mod customer_transfer;
pub mod customers;
pub mod diagnosis;
pub mod engagement;
pub mod kpi;
pub mod ltc;
pub mod mcr;
pub mod overview;
pub mod portfolio;
pub mod report;
pub mod rhythm;
pub mod roles;
pub mod start;
pub mod talent;
pub mod team;
pub mod tiering;

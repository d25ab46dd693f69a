//! The calculating core. Nothing in here imports yew, web-sys, js-sys, gloo or wasm-bindgen,
//! so every calculation runs and is tested natively.

pub mod account_plan;
pub mod concentration;
pub mod customers;
pub mod dates;
pub mod demo;
pub mod diagnosis;
pub mod edit;
pub mod engagement;
pub mod governance;
pub mod json;
pub mod kpi;
pub mod ltc;
pub mod mcr;
pub mod merge;
pub mod number;
pub mod org;
pub mod paging;
pub mod plan_report;
pub mod portfolio;
pub mod rng;
pub mod sort;
pub mod synthetic;
pub mod text;
pub mod text_width;
pub mod tiering;
pub mod values;
pub mod workspace;

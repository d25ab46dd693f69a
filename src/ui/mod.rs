//! The Yew application. Views are thin: they read state, call `domain` functions and render.

pub mod app;
pub mod banner;
pub mod charts;
pub mod clock;
pub mod dialog;
pub mod embed;
pub mod exchange;
pub mod explain;
pub mod file_pick;
pub mod header;
pub mod i18n;
pub mod import_wizard;
pub mod import_worker;
pub mod library;
pub mod messages;
pub mod modal;
pub mod modules;
pub mod no_data;
pub mod page_files;
pub mod recovery;
pub mod route;
pub mod state;
pub mod swatch;
pub mod tab_bar;
pub mod views;
pub mod workspace_menu;

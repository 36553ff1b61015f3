//! motesguide: which platform a digital meeting may use, whether it may be
//! recorded, and the checklists that follow, from cited policy content.
//!
//! Layout: [`content`] loads and checks policy folders, [`engine`] decides,
//! [`analysis`] compares and checks above the engine, [`report`] renders a
//! decision as text, Markdown or JSON, [`cli`] is the command line and
//! [`tui`] the interactive wizard, built with the cargo feature `tui` (on
//! by default; everything else works without it).

pub mod analysis;
pub mod cli;
pub mod clock;
pub mod content;
pub mod engine;
pub mod error;
pub mod i18n;
pub mod messages;
pub mod plain;
pub mod quote;
pub mod report;
pub mod save;
pub mod text;
#[cfg(feature = "tui")]
pub mod tui;
pub mod wrap;
pub mod yaml;

//! motesguide: which platform a digital meeting may use, whether it may be
//! recorded, and the checklists that follow, from cited policy content.
//!
//! Layout: [`content`] loads and checks policy folders, [`engine`] decides,
//! [`report`] renders a decision as text, Markdown or JSON, [`cli`] is the
//! command line and [`tui`] the interactive wizard.

pub mod cli;
pub mod clock;
pub mod content;
pub mod engine;
pub mod error;
pub mod i18n;
pub mod plain;
pub mod report;
pub mod save;
pub mod text;
pub mod tui;
pub mod yaml;

/// An I/O error as a person reads it, without the OS error number.
pub fn error_text(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "no such file".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied".to_owned(),
        std::io::ErrorKind::IsADirectory => "it is a folder".to_owned(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_owned()
        }
    }
}

//! Policy content: loading a content folder and checking it.
//!
//! The built-in content is the repository's `content/` folder, embedded at
//! build time; `--content DIR` reads another folder through the same loader.

pub mod condition;
mod load;
pub mod model;
pub mod precedence;
pub mod problem;
mod raw;

use std::path::Path;

pub use model::*;
pub use problem::{ContentError, Counterexample, Problem};

mod embedded {
    include!(concat!(env!("OUT_DIR"), "/embedded_content.rs"));
}

/// What `origin` says for the content built into the binary.
pub const BUILT_IN: &str = "the built-in content";

/// Loads the content built into the binary.
///
/// The whole-answer-space checks are not run here: `cargo test` and
/// `motesguide validate` in CI run them on this very folder, so start-up
/// stays fast. Every per-file and reference check runs on each load.
pub fn built_in() -> Result<Content, ContentError> {
    let files = embedded::FILES
        .iter()
        .map(|(p, t)| ((*p).to_owned(), (*t).to_owned()))
        .collect();
    load::load(BUILT_IN, files)
}

/// Loads content from (relative path, text) pairs, as a folder would give
/// them, with the per-file and reference checks only: for programs that
/// hold their content in memory, and for tests that generate it.
pub fn from_files(origin: &str, files: Vec<(String, String)>) -> Result<Content, ContentError> {
    load::load(origin, files)
}

/// Loads a content folder with the per-file and reference checks only.
pub fn load_unchecked(dir: &Path) -> Result<Content, ContentError> {
    let origin = dir.display().to_string();
    let files = read_dir(dir).map_err(|message| ContentError {
        origin: origin.clone(),
        problems: vec![Problem {
            file: origin.clone(),
            line: None,
            column: None,
            message,
            ..Default::default()
        }],
    })?;
    load::load(&origin, files)
}

/// Reads every YAML file below `dir` as (relative path, text).
fn read_dir(dir: &Path) -> Result<Vec<(String, String)>, String> {
    if !dir.is_dir() {
        return Err("not a folder that can be read; give the path of a content folder".into());
    }
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries =
            std::fs::read_dir(&d).map_err(|e| format!("{}: cannot read: {e}", d.display()))?;
        for entry in entries {
            let path = entry
                .map_err(|e| format!("{}: cannot read: {e}", d.display()))?
                .path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "yaml" || e == "yml") {
                let rel = path
                    .strip_prefix(dir)
                    .unwrap_or(&path)
                    .components()
                    .map(|c| c.as_os_str().to_string_lossy().into_owned())
                    .collect::<Vec<_>>()
                    .join("/");
                let text = std::fs::read_to_string(&path)
                    .map_err(|e| format!("{rel}: cannot read as UTF-8 text: {e}"))?;
                out.push((rel, text));
            }
        }
    }
    out.sort();
    Ok(out)
}

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

/// The content built into the binary.
///
/// `build.rs` loaded `content/` with this module's loader, ran every
/// per-file and reference check on it (a folder that fails them fails the
/// build) and stored the result; this only reads it back, in microseconds.
/// The whole-answer-space checks run in `cargo test` and in `motesguide
/// validate`, which reads the YAML itself ([`built_in_from_yaml`]).
pub fn built_in() -> Result<Content, ContentError> {
    Ok(postcard::from_bytes(embedded::LOADED)
        .expect("build.rs stored the built-in content with this very model"))
}

/// Loads the built-in content from its YAML, with the per-file and
/// reference checks, as `--content` loads a folder: what `validate` checks.
pub fn built_in_from_yaml() -> Result<Content, ContentError> {
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

#[cfg(test)]
mod tests {
    use super::*;

    /// What build.rs stored is what the loader makes of the YAML now:
    /// the YAML stays the one source of truth.
    #[test]
    fn the_stored_built_in_content_is_the_yaml_loaded() {
        let stored = built_in().expect("the stored content reads back");
        let from_yaml = built_in_from_yaml().expect("the built-in YAML loads");
        assert_eq!(format!("{stored:?}"), format!("{from_yaml:?}"));
    }
}

//! Analysis above the engine: what whole answer spaces and whole content
//! folders say, built from the engine's decisions (content → engine →
//! analysis → faces). Loading a folder from disk fully checked lives here,
//! since the check is the whole-space analysis.

pub mod diff;
pub mod enumerated;
mod symbolic;
pub mod whole_space;

use std::path::Path;

use crate::content::{self, Content, ContentError};

/// Loads a content folder from disk and runs every check, including the
/// whole-answer-space analysis: content nobody has validated must not give
/// silent wrong advice.
pub fn from_dir(dir: &Path) -> Result<Content, ContentError> {
    let origin = dir.display().to_string();
    let content = content::load_unchecked(dir)?;
    let problems = whole_space::analyse(&content).problems;
    if problems.is_empty() {
        Ok(content)
    } else {
        Err(ContentError { origin, problems })
    }
}

/// Loads the built-in content or, with `dir`, a folder (fully checked).
pub fn load(dir: Option<&Path>) -> Result<Content, ContentError> {
    match dir {
        Some(d) => from_dir(d),
        None => content::built_in(),
    }
}

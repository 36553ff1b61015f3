//! `validate`: check a content folder and report every problem.

use std::path::Path;

use crate::analysis::whole_space as analysis;
use crate::cli::print;
use crate::content;
use crate::error::BadInput;

pub fn run(dir: Option<&Path>) -> anyhow::Result<()> {
    let origin = dir.map_or_else(|| content::BUILT_IN.to_owned(), |d| d.display().to_string());
    // Load without the analysis first, so a folder with broken files still
    // gets every per-file problem listed.
    let loaded = match dir {
        Some(d) => content::load_unchecked(d),
        None => content::built_in(),
    };
    let content = loaded.map_err(BadInput::from)?;
    let analysis = analysis::analyse(&content);
    if !analysis.problems.is_empty() {
        return Err(BadInput::from(content::ContentError {
            origin,
            problems: analysis.problems,
        })
        .into());
    }
    print(&format!(
        "{origin}: sound – {} questions, {} rules, {} checklist items, {} warnings, {} profiles; {} combinations of answers checked\n",
        content.questions.len(),
        content.rules.len(),
        content.items.len(),
        content.warnings.len(),
        content.profiles.len(),
        analysis.combinations
    ))?;
    Ok(())
}

//! `--answers FILE`: evaluate and print, no terminal needed.

use std::path::Path;

use crate::cli::{Args, print};
use crate::content::{self, Content};
use crate::engine::{self, answers::profile_ids, answers::read_answers};
use crate::error::BadInput;
use crate::report::{self, Format, Report};
use crate::text::Lang;

pub fn run(args: &Args, file: &Path, lang: Lang) -> anyhow::Result<()> {
    let content = content::load(args.content.as_deref()).map_err(BadInput::from)?;
    let mut answers = read_answers(&content, file)?;
    if let Some(id) = &args.profile {
        answers.profile = Some(resolve_profile(&content, id)?);
    }
    let profile = answers.profile_or_default(&content);
    let rec = engine::evaluate(&content, profile, &answers);
    let report = Report::new(&content, &answers, &rec, lang);
    let text = match args.format {
        Format::Text => report::to_text(&report),
        Format::Markdown => report::to_markdown(&report),
        Format::Json => report::to_json(&report),
    };
    print(&text)?;
    Ok(())
}

/// `--profile ID`: the profile, or bad input naming the accepted ones.
pub fn resolve_profile(content: &Content, id: &str) -> Result<usize, BadInput> {
    content.profile(id).ok_or_else(|| {
        BadInput(format!(
            "--profile: unknown profile `{id}`; accepted: {}",
            profile_ids(content)
        ))
    })
}

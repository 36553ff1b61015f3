//! The interactive wizard (built in the wizard issue).

use std::path::Path;

use crate::text::Lang;

pub fn run(_content: Option<&Path>, _profile: Option<&str>, _lang: Lang) -> anyhow::Result<()> {
    anyhow::bail!("the interactive wizard is not built yet; use --answers FILE")
}

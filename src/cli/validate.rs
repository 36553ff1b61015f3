//! `validate`: check a content folder and report every problem, as text
//! or (`--format json`) as CONTRACT.md's object for tools.

use serde_json::{Value as Json, json};

use crate::analysis::whole_space as analysis;
use crate::cli::{Args, Quiet, print};
use crate::content::{self, Content, Problem};
use crate::text::Lang;

pub fn run(args: &Args, json_out: bool, lang: Lang) -> anyhow::Result<()> {
    let dir = args.content.as_deref();
    let origin = dir.map_or_else(|| content::BUILT_IN.to_owned(), |d| d.display().to_string());
    // Load without the analysis first, so a folder with broken files still
    // gets every per-file problem listed.
    let loaded = match dir {
        Some(d) => content::load_unchecked(d),
        None => content::built_in_from_yaml(),
    };
    let (content, problems, combinations) = match loaded {
        Ok(c) => {
            let a = analysis::analyse(&c);
            (Some(c), a.problems, a.combinations)
        }
        Err(e) if json_out => (None, e.problems, 0),
        Err(e) => return Err(args.content_refusal(e, lang).into()),
    };
    if json_out {
        let out = json!({
            "sound": problems.is_empty(),
            "combinations": u64::try_from(combinations).unwrap_or(u64::MAX),
            "problems": problems
                .iter()
                .map(|p| problem_json(content.as_ref(), p))
                .collect::<Vec<_>>(),
        });
        print(&(serde_json::to_string_pretty(&out)? + "\n"))?;
        // Exit 2 with problems, as the text form; the JSON says why.
        return if problems.is_empty() {
            Ok(())
        } else {
            Err(Quiet(2).into())
        };
    }
    let Some(content) = content else {
        unreachable!("a load error without --format json returned above")
    };
    if !problems.is_empty() {
        let e = content::ContentError { origin, problems };
        return Err(args.content_refusal(e, lang).into());
    }
    print(&format!(
        "{origin}: sound – {} questions, {} rules, {} checklist items, {} warnings, {} profiles; {} combinations of answers checked\n",
        content.questions.len(),
        content.rules.len(),
        content.items.len(),
        content.warnings.len(),
        content.profiles.len(),
        combinations
    ))?;
    Ok(())
}

/// One problem as CONTRACT.md's JSON: file (relative to the folder), line
/// and column or null, message, id, and for a finding about the answer
/// space a counterexample in the answers-file format, profile included.
fn problem_json(content: Option<&Content>, p: &Problem) -> Json {
    let mut o = json!({
        "file": p.file,
        "line": p.line,
        "column": p.column,
        "message": p.shown_message(),
        "id": p.id,
    });
    if let (Some(c), Some(ce)) = (content, &p.counterexample) {
        let mut mapping = crate::cli::diff_example(c, &ce.values);
        if let (Json::Object(m), Some(profile)) = (&mut mapping, c.profiles.get(ce.profile)) {
            m.insert("profile".into(), json!(profile.id));
        }
        o["counterexample"] = mapping;
    }
    o
}

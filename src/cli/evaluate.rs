//! Printing a recommendation without a terminal: `--answers FILE`, or
//! `--scenario ID` with `--format`, optionally with `--compare`/`--what-if`.

use std::fmt::Write;

use crate::cli::{Args, print};
use crate::content::Content;
use crate::engine::{
    self, Answers, answers::profile_ids, answers::read_answers, parse_answers, whatif,
};
use crate::error::BadInput;
use crate::messages::Msg;
use crate::quote::quote;
use crate::report::{self, Format, Report, compare};
use crate::text::Lang;
use crate::wrap::{stdout_width, wrap};

/// Whether the arguments ask for printed output rather than the wizard.
pub fn prints(args: &Args) -> bool {
    args.answers.is_some()
        || ((args.scenario.is_some() || args.code.is_some())
            && (args.format.is_some() || args.compare || args.what_if))
}

/// The plain, line-by-line wizard on standard input and output.
pub fn run_plain(args: &Args, lang: Lang) -> anyhow::Result<()> {
    let content = args.load_content(lang)?;
    let answers = starting_answers(&content, args, lang)?;
    let profile = answers.profile;
    crate::plain::run_stdio(&content, lang, profile, answers)?;
    Ok(())
}

pub fn run(args: &Args, lang: Lang) -> anyhow::Result<()> {
    let content = args.load_content(lang)?;
    let answers = starting_answers(&content, args, lang)?;
    let profile = answers.profile_or_default(&content);
    let rec = engine::evaluate(&content, profile, &answers);
    let mut report = Report::new(&content, &answers, &rec, lang);
    report.date = Some(crate::clock::today());
    let compared = args.compare.then(|| {
        compare::profile_lines(&content, &whatif::compare(&content, &answers.values), lang)
    });
    let what_ifs = args.what_if.then(|| {
        compare::what_if_lines(
            &content,
            &whatif::what_if(&content, profile, &answers.values),
            lang,
        )
    });
    let text = match args.format.unwrap_or_default() {
        Format::Json => {
            let mut value = report::to_json_value(&report);
            if let Some(lines) = &compared {
                value["compare"] = compare::compare_json(lines);
            }
            if let Some(lines) = &what_ifs {
                value["what_if"] = compare::what_if_json(lines);
            }
            report::json_string(&value)
        }
        Format::Text => {
            let mut s = report::to_text(&report);
            if let Some(lines) = &compared {
                let _ = write!(s, "\n{}", compare::compare_text(lines, lang));
            }
            if let Some(lines) = &what_ifs {
                let _ = write!(s, "\n{}", compare::what_if_text(lines, lang));
            }
            wrap(&s, stdout_width())
        }
        // Not wrapped: a Markdown reader flows paragraphs itself, and a
        // break inside a list item or before a trailing hard break ("  ")
        // would change what it shows.
        Format::Markdown => {
            let mut s = report::to_markdown(&report);
            if let Some(lines) = &compared {
                let _ = write!(s, "\n{}", compare::compare_markdown(lines, lang));
            }
            if let Some(lines) = &what_ifs {
                let _ = write!(s, "\n{}", compare::what_if_markdown(lines, lang));
            }
            s
        }
    };
    print(&text)?;
    Ok(())
}

/// The answers the arguments name: a file, a scenario, or the defaults;
/// `--profile` (or `MOTESGUIDE_PROFILE`) overrides the profile they name.
/// Refusals are in `lang`.
pub fn starting_answers(content: &Content, args: &Args, lang: Lang) -> Result<Answers, BadInput> {
    let mut answers = if let Some(file) = &args.answers {
        read_answers(content, file).map_err(|e| e.bad_input(lang))?
    } else if let Some(code) = &args.code {
        let (mut answers, profile) =
            crate::engine::code::decode(content, code).map_err(|e| e.bad_input(lang))?;
        answers.profile = Some(profile);
        answers
    } else if let Some(id) = &args.scenario {
        let s = resolve_scenario(content, id, lang)?;
        let scenario = &content.scenarios[s];
        parse_answers(content, &scenario.file, &scenario.text).map_err(|e| e.bad_input(lang))?
    } else {
        Answers::defaults(content)
    };
    if let Some(id) = &args.profile {
        let option = args.profile_option(lang);
        answers.profile = Some(resolve_profile(content, id, &option, lang)?);
    }
    Ok(answers)
}

/// `--profile ID` (`option` names where it came from): the profile, or
/// bad input naming the accepted ones.
pub fn resolve_profile(
    content: &Content,
    id: &str,
    option: &str,
    lang: Lang,
) -> Result<usize, BadInput> {
    content.profile(id).ok_or_else(|| {
        let id = quote(id);
        BadInput(Msg::UnknownProfile.fill(
            lang,
            &[
                ("option", option),
                ("id", &id),
                ("accepted", &profile_ids(content)),
            ],
        ))
    })
}

/// `--scenario ID`: the scenario, or bad input naming the accepted ones.
pub fn resolve_scenario(content: &Content, id: &str, lang: Lang) -> Result<usize, BadInput> {
    content.scenario(id).ok_or_else(|| {
        let ids: Vec<&str> = content.scenarios.iter().map(|s| s.id.as_str()).collect();
        BadInput(
            Msg::UnknownScenario.fill(lang, &[("id", &quote(id)), ("accepted", &ids.join(", "))]),
        )
    })
}

/// `motesguide scenarios`: the library, one block per scenario.
pub fn list_scenarios(args: &Args, lang: Lang) -> anyhow::Result<()> {
    let content = args.load_content(lang)?;
    let mut s = String::new();
    for sc in &content.scenarios {
        let _ = writeln!(
            s,
            "{}\n  {}\n  {}\n",
            sc.id,
            sc.title.get(lang),
            sc.story.get(lang)
        );
    }
    print(&wrap(&s, stdout_width()))?;
    Ok(())
}

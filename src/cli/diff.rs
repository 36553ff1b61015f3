//! `diff OLD NEW`: every change of advice between two content folders, as
//! text for the officer who approves it or JSON for CI (CONTRACT.md).
//! The comparison is symbolic ([`crate::analysis::diff`]), so a space of
//! any number of combinations is compared exactly; answers too many for
//! the BDD variables are bad input that names the limit.

use std::path::Path;

use serde_json::{Map, Value as Json, json};

use crate::analysis::diff::{Aspect, Change, Diff, Direction, Only, Value, diff};
use crate::cli::print;
use crate::content::{Answer, Content};
use crate::error::BadInput;
use crate::text::Lang;

/// The exit code of a `diff` that found differences (as diff(1)).
#[derive(Debug)]
pub struct Differs;

impl std::fmt::Display for Differs {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the advice differs")
    }
}

impl std::error::Error for Differs {}

pub fn run(old_dir: &Path, new_dir: &Path, json_out: bool, lang: Lang) -> anyhow::Result<()> {
    // Each folder must load (its files and references sound); its
    // whole-space problems and invariants are `validate`'s to report, and
    // the reviewer of a loosening change needs to see it here all the same.
    let old = crate::content::load_unchecked(old_dir).map_err(BadInput::from)?;
    let new = crate::content::load_unchecked(new_dir).map_err(BadInput::from)?;
    // Compared symbolically: any number of combinations, as long as the
    // answers can be spelt in BDD variables.
    let d = diff(&old, &new).map_err(|e| {
        let dir = crate::quote::quote_path(&new_dir.display().to_string());
        BadInput(format!(
            "{dir}: {}",
            crate::quote::quote_within(&e.to_string())
        ))
    })?;
    let text = if json_out {
        serde_json::to_string_pretty(&to_json(&new, &d)?)? + "\n"
    } else {
        to_text(&new, &d, old_dir, new_dir, lang)
    };
    print(&text)?;
    if d.identical() {
        Ok(())
    } else {
        Err(Differs.into())
    }
}

fn to_json(new: &Content, d: &Diff) -> anyhow::Result<Json> {
    let only =
        |o: &Only| json!({"profiles": o.profiles, "questions": o.questions, "options": o.options});
    let mut changes = Vec::with_capacity(d.changes.len());
    for c in &d.changes {
        changes.push(json!({
            "profile": c.profile,
            "aspect": c.aspect.id(),
            "item": c.item,
            "old": value_json(&c.old),
            "new": value_json(&c.new),
            "direction": c.direction.id(),
            "count": json_count(c.count)?,
            "when": when(new, d, c, Lang::En),
            "example": example(new, &c.example),
        }));
    }
    Ok(json!({
        "identical": d.identical(),
        "combinations": json_count(d.combinations)?,
        "only_in_old": only(&d.only_in_old),
        "only_in_new": only(&d.only_in_new),
        "changes": changes,
    }))
}

/// A count as a JSON integer. Counts are exact; one beyond the 64 bits a
/// JSON integer is written in here is refused rather than cut short (the
/// text output writes any count).
fn json_count(n: u128) -> anyhow::Result<Json> {
    u64::try_from(n).map(Json::from).map_err(|_| {
        anyhow::anyhow!("the count {n} does not fit a 64-bit JSON integer; use --format text")
    })
}

fn value_json(v: &Value) -> Json {
    match v {
        Value::Bool(b) | Value::Present(b) => json!(b),
        Value::Class(k) => json!(k),
        Value::Platforms(p) => json!(p),
        Value::Recording(r) => json!(r),
    }
}

/// An answers mapping (the answers-file format) for `values`: the answers
/// that differ from the defaults.
pub fn example(content: &Content, values: &[Answer]) -> Json {
    let defaults = content.default_answers();
    let mut m = Map::new();
    for (q, question) in content.questions.iter().enumerate() {
        if values[q] == defaults[q] {
            continue;
        }
        let v = match values[q] {
            Answer::Bool(b) => json!(b),
            Answer::Choice(i) => json!(question.options[i].id),
            Answer::Unanswered => Json::Null,
            Answer::Unknown => json!("unknown"),
            Answer::Set(bits) => json!(
                question
                    .options
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| bits & (1 << i) != 0)
                    .map(|(_, o)| o.id.clone())
                    .collect::<Vec<_>>()
            ),
        };
        m.insert(question.id.clone(), v);
    }
    Json::Object(m)
}

/// The affected meetings in answer terms: each question whose answers the
/// change is limited to, with those answers ("Sekretess: Ja"); every
/// meeting where no question limits it.
fn when(new: &Content, d: &Diff, c: &Change, lang: Lang) -> String {
    let mut parts = Vec::new();
    for (q, seen) in c.seen.iter().enumerate() {
        if seen.iter().all(|&s| s) {
            continue;
        }
        let question = &new.questions[q];
        let labels: Vec<String> = seen
            .iter()
            .enumerate()
            .filter(|(_, s)| **s)
            .map(|(i, _)| question.answer_label(d.space[q][i], lang))
            .collect();
        parts.push(format!(
            "{}: {}",
            question.step.get(lang),
            labels.join(" / ")
        ));
    }
    if parts.is_empty() {
        words(lang).every.to_owned()
    } else {
        parts.join("; ")
    }
}

struct Words {
    heading: &'static str,
    identical: &'static str,
    combinations: &'static str,
    only_old: &'static str,
    only_new: &'static str,
    profiles: &'static str,
    questions: &'static str,
    options: &'static str,
    when: &'static str,
    example: &'static str,
    every: &'static str,
    present: &'static str,
    absent: &'static str,
    none: &'static str,
    yes: &'static str,
    no: &'static str,
    not_planned: &'static str,
    stricter: &'static str,
    looser: &'static str,
    other: &'static str,
    aspects: [&'static str; 7],
}

fn words(lang: Lang) -> &'static Words {
    match lang {
        Lang::Sv => &Words {
            heading: "Ändrade råd",
            identical: "Samma råd för varje kombination av svar.",
            combinations: "kombinationer av svar",
            only_old: "Bara i det gamla innehållet",
            only_new: "Bara i det nya innehållet",
            profiles: "profiler",
            questions: "frågor",
            options: "svarsalternativ",
            when: "när",
            example: "till exempel",
            every: "alla möten",
            present: "finns med",
            absent: "saknas",
            none: "inga",
            yes: "ja",
            no: "nej",
            not_planned: "ingen inspelning planerad",
            stricter: "strängare",
            looser: "mildare",
            other: "annorlunda",
            aspects: [
                "Digitalt möte tillåtet",
                "Informationsklass",
                "Plattformar",
                "Inspelning tillåten",
                "Organisatörens checklista",
                "Deltagarnas checklista",
                "Varningar",
            ],
        },
        Lang::En => &Words {
            heading: "Changed advice",
            identical: "The same advice for every combination of answers.",
            combinations: "combinations of answers",
            only_old: "Only in the old content",
            only_new: "Only in the new content",
            profiles: "profiles",
            questions: "questions",
            options: "options",
            when: "when",
            example: "for example",
            every: "every meeting",
            present: "present",
            absent: "absent",
            none: "none",
            yes: "yes",
            no: "no",
            not_planned: "no recording planned",
            stricter: "stricter",
            looser: "looser",
            other: "different",
            aspects: [
                "Digital meeting allowed",
                "Information class",
                "Platforms",
                "Recording allowed",
                "Organiser's checklist",
                "Participants' checklist",
                "Warnings",
            ],
        },
    }
}

fn to_text(new: &Content, d: &Diff, old_dir: &Path, new_dir: &Path, lang: Lang) -> String {
    let w = words(lang);
    let mut s = format!(
        "{}: {} → {} ({} {})\n",
        w.heading,
        old_dir.display(),
        new_dir.display(),
        d.combinations,
        w.combinations
    );
    for (label, only) in [(w.only_old, &d.only_in_old), (w.only_new, &d.only_in_new)] {
        for (kind, ids) in [
            (w.profiles, &only.profiles),
            (w.questions, &only.questions),
            (w.options, &only.options),
        ] {
            if !ids.is_empty() {
                s.push_str(&format!("{label}, {kind}: {}\n", ids.join(", ")));
            }
        }
    }
    if d.changes.is_empty() {
        s.push_str(w.identical);
        s.push('\n');
        return s;
    }
    for c in &d.changes {
        let aspect = w.aspects[c.aspect as usize];
        let what = match &c.item {
            Some(id) => format!("{aspect} `{id}`"),
            None => aspect.to_owned(),
        };
        let direction = match c.direction {
            Direction::Stricter => w.stricter,
            Direction::Looser => w.looser,
            Direction::Other => w.other,
        };
        s.push_str(&format!(
            "\n• {} – {what}: {} → {} ({direction}), {} {}\n",
            c.profile,
            value_text(&c.old, w),
            value_text(&c.new, w),
            c.count,
            w.combinations
        ));
        s.push_str(&format!("  {}: {}\n", w.when, when(new, d, c, lang)));
        s.push_str(&format!("  {}: {}\n", w.example, example(new, &c.example)));
    }
    s
}

fn value_text(v: &Value, w: &Words) -> String {
    match v {
        Value::Bool(true) | Value::Recording(Some(true)) => w.yes.to_owned(),
        Value::Bool(false) | Value::Recording(Some(false)) => w.no.to_owned(),
        Value::Recording(None) => w.not_planned.to_owned(),
        Value::Class(k) => k.to_string(),
        Value::Platforms(p) if p.is_empty() => w.none.to_owned(),
        Value::Platforms(p) => p.join(", "),
        Value::Present(true) => w.present.to_owned(),
        Value::Present(false) => w.absent.to_owned(),
    }
}

/// Keeps `Aspect`'s order and the words' order together.
const _: () = assert!(Aspect::Warnings as usize == 6);

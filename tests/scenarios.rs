//! Realistic meetings with the outcome the policy documents call for.
//!
//! Each file in `tests/scenarios/` opens with a comment that describes the
//! meeting, then holds `answers` (the keys of an answers file, `profile`
//! included) and `expect`:
//!
//! ```yaml
//! expect:
//!   information_class: 3            # optional
//!   digital_meeting_allowed: true
//!   platforms: [sefos, prorenata]   # the permitted set, in any order
//!   recording_allowed: null         # null (none planned), true or false
//!   retention_includes: [två år]    # optional: words of the Swedish retention
//!   rules_fired: [..]               # optional lists of ids
//!   rules_not_fired: [..]
//!   organiser_includes: [..]
//!   organiser_excludes: [..]
//!   participants_includes: [..]
//!   warnings: [..]                  # optional: exactly these warnings
//!   warnings_include: [..]
//!   open_answers: [..]              # optional: exactly these unknown answers matter
//!   participants_excludes: [..]
//!   tips_includes: [..]
//!   tips_excludes: [..]
//!   warnings_exclude: [..]
//!   conditional: [..]               # items or warnings shown as holding only "if …"
//!   certain: [..]                   # items or warnings shown as holding outright
//!   unused_answers: [..]            # optional: exactly these answers reported unused
//!   says: { sv: [..], en: [..] }    # words the text output must hold
//!   never_says: { sv: [..], en: [..] }
//! ```
//!
//! Every check runs on the Swedish and the English result alike.
//!
//! Every id is checked against the content, so a misspelt id fails instead of
//! passing silently, and every rule must be exercised by some scenario.

mod common;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use common::*;
use motesguide::content::Content;
use motesguide::engine::{self, Recommendation};
use motesguide::report::Report;
use motesguide::text::Lang;
use motesguide::yaml::Value;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Scenario {
    answers: Value,
    expect: Expect,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    #[serde(default)]
    information_class: Option<u8>,
    digital_meeting_allowed: bool,
    platforms: Vec<String>,
    /// Required, and `null` is a value: no recording planned.
    #[serde(deserialize_with = "Option::deserialize")]
    recording_allowed: Option<bool>,
    #[serde(default)]
    retention_includes: Vec<String>,
    #[serde(default)]
    rules_fired: Vec<String>,
    #[serde(default)]
    rules_not_fired: Vec<String>,
    #[serde(default)]
    organiser_includes: Vec<String>,
    #[serde(default)]
    organiser_excludes: Vec<String>,
    #[serde(default)]
    participants_includes: Vec<String>,
    #[serde(default)]
    warnings: Option<Vec<String>>,
    #[serde(default)]
    warnings_include: Vec<String>,
    #[serde(default)]
    open_answers: Option<Vec<String>>,
    #[serde(default)]
    participants_excludes: Vec<String>,
    #[serde(default)]
    tips_includes: Vec<String>,
    #[serde(default)]
    tips_excludes: Vec<String>,
    #[serde(default)]
    warnings_exclude: Vec<String>,
    #[serde(default)]
    conditional: Vec<String>,
    #[serde(default)]
    certain: Vec<String>,
    #[serde(default)]
    unused_answers: Option<Vec<String>>,
    #[serde(default)]
    says: Words,
    #[serde(default)]
    never_says: Words,
}

/// Words per language.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
struct Words {
    #[serde(default)]
    sv: Vec<String>,
    #[serde(default)]
    en: Vec<String>,
}

fn scenario_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/scenarios");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("tests/scenarios/ exists")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    files
}

/// A scenario file read, its answers parsed by the engine's own strict
/// answers parser, and evaluated.
struct Evaluated {
    name: String,
    text: String,
    expect: Expect,
    rec: Recommendation,
    report: Report,
    /// The same result in English.
    report_en: Report,
}

fn evaluate_file(c: &Content, path: &Path) -> Evaluated {
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default();
    let text = std::fs::read_to_string(path).expect("a scenario file reads");
    let scenario: Scenario =
        motesguide::yaml::from_str(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
    // YAML is a superset of JSON: the answers mapping written as JSON is an
    // answers file, parsed as strictly as any.
    let answers_text = serde_json::to_string(&scenario.answers).expect("answers as JSON");
    let answers = engine::parse_answers(c, &name, &answers_text)
        .unwrap_or_else(|e| panic!("{name}: the answers do not parse: {e}"));
    let profile = answers.profile_or_default(c);
    let rec = engine::evaluate(c, profile, &answers);
    let report = Report::new(c, &answers, &rec, Lang::Sv);
    let report_en = Report::new(c, &answers, &rec, Lang::En);
    Evaluated {
        name,
        text,
        expect: scenario.expect,
        rec,
        report,
        report_en,
    }
}

/// Every id a scenario names must exist in the content.
fn check_ids(c: &Content, e: &Evaluated, problems: &mut Vec<String>) {
    let x = &e.expect;
    let rules: Vec<&str> = c.rules.iter().map(|r| r.id.as_str()).collect();
    let items: Vec<&str> = c.items.iter().map(|i| i.id.as_str()).collect();
    let warnings: Vec<&str> = c.warnings.iter().map(|w| w.id.as_str()).collect();
    let platforms: Vec<&str> = c.platforms.iter().map(|p| p.id.as_str()).collect();
    let questions: Vec<&str> = c.questions.iter().map(|q| q.id.as_str()).collect();
    let either: Vec<&str> = items.iter().chain(&warnings).copied().collect();
    let lists: [(&str, &[String], &[&str]); 16] = [
        ("checklist item", &x.participants_excludes, &items),
        ("checklist item", &x.tips_includes, &items),
        ("checklist item", &x.tips_excludes, &items),
        ("warning", &x.warnings_exclude, &warnings),
        ("item or warning", &x.conditional, &either),
        ("item or warning", &x.certain, &either),
        (
            "question",
            x.unused_answers.as_deref().unwrap_or_default(),
            &questions,
        ),
        ("rule", &x.rules_fired, &rules),
        ("rule", &x.rules_not_fired, &rules),
        ("checklist item", &x.organiser_includes, &items),
        ("checklist item", &x.organiser_excludes, &items),
        ("checklist item", &x.participants_includes, &items),
        (
            "warning",
            x.warnings.as_deref().unwrap_or_default(),
            &warnings,
        ),
        ("warning", &x.warnings_include, &warnings),
        ("platform", &x.platforms, &platforms),
        (
            "question",
            x.open_answers.as_deref().unwrap_or_default(),
            &questions,
        ),
    ];
    for (what, ids, known) in lists {
        for id in ids {
            if !known.contains(&id.as_str()) {
                problems.push(format!("{}: unknown {what} `{id}`", e.name));
            }
        }
    }
}

fn check(e: &Evaluated, r: &Report, problems: &mut Vec<String>) {
    let x = &e.expect;
    let lang = r.lang.code();
    let mut fail = |what: String| problems.push(format!("{} ({lang}): {what}", e.name));
    if let Some(class) = x.information_class
        && r.class != class
    {
        fail(format!("information class {}, expected {class}", r.class));
    }
    if r.digital_allowed != x.digital_meeting_allowed {
        fail(format!(
            "digital meeting allowed {}, expected {}",
            r.digital_allowed, x.digital_meeting_allowed
        ));
    }
    let set = |v: &[String]| v.iter().cloned().collect::<BTreeSet<_>>();
    if set(&r.platform_ids) != set(&x.platforms) {
        fail(format!(
            "platforms {:?}, expected {:?}",
            r.platform_ids, x.platforms
        ));
    }
    if r.recording_allowed != x.recording_allowed {
        fail(format!(
            "recording allowed {:?}, expected {:?}",
            r.recording_allowed, x.recording_allowed
        ));
    }
    // Retention words are written in Swedish.
    for words in x.retention_includes.iter().filter(|_| r.lang == Lang::Sv) {
        if !r
            .retention
            .as_deref()
            .unwrap_or_default()
            .contains(words.as_str())
        {
            fail(format!("retention {:?} lacks {words:?}", r.retention));
        }
    }
    let fired: Vec<&str> = r.explanation.iter().map(|c| c.id.as_str()).collect();
    let ids = |list: &[motesguide::report::Cited]| -> Vec<String> {
        list.iter().map(|c| c.id.clone()).collect()
    };
    let (organiser, participants, tips, warnings) = (
        ids(&r.organiser),
        ids(&r.participants),
        ids(&r.tips),
        ids(&r.warnings),
    );
    for id in &x.rules_fired {
        if !fired.contains(&id.as_str()) {
            fail(format!("rule `{id}` did not fire; fired: {fired:?}"));
        }
    }
    for id in &x.rules_not_fired {
        if fired.contains(&id.as_str()) {
            fail(format!("rule `{id}` fired"));
        }
    }
    for (list, wanted, name) in [
        (&organiser, &x.organiser_includes, "organiser checklist"),
        (
            &participants,
            &x.participants_includes,
            "participants' checklist",
        ),
        (&warnings, &x.warnings_include, "warnings"),
        (&tips, &x.tips_includes, "tips"),
    ] {
        for id in wanted {
            if !list.contains(id) {
                fail(format!("{name} lacks `{id}`; it has {list:?}"));
            }
        }
    }
    for (list, unwanted, name) in [
        (&organiser, &x.organiser_excludes, "organiser checklist"),
        (
            &participants,
            &x.participants_excludes,
            "participants' checklist",
        ),
        (&tips, &x.tips_excludes, "tips"),
        (&warnings, &x.warnings_exclude, "warnings"),
    ] {
        for id in unwanted {
            if list.contains(id) {
                fail(format!("{name} has `{id}`"));
            }
        }
    }
    let every: Vec<&motesguide::report::Cited> = r
        .organiser
        .iter()
        .chain(&r.participants)
        .chain(&r.tips)
        .chain(&r.warnings)
        .collect();
    for (wanted, certain) in [(&x.conditional, false), (&x.certain, true)] {
        for id in wanted {
            match every.iter().find(|c| &c.id == id) {
                None => fail(format!("`{id}` is not in the result")),
                Some(c) if c.certain != certain => fail(format!(
                    "`{id}` is shown as {}",
                    if c.certain { "certain" } else { "conditional" }
                )),
                Some(c) if !certain && c.condition.is_none() => {
                    fail(format!("`{id}` is conditional but says on what"))
                }
                _ => {}
            }
        }
    }
    if let Some(exact) = &x.unused_answers {
        let unused: Vec<String> = r.unused.iter().map(|u| u.question_id.clone()).collect();
        if set(&unused) != set(exact) {
            fail(format!("unused answers {unused:?}, expected {exact:?}"));
        }
    }
    let (says, never) = match r.lang {
        Lang::Sv => (&x.says.sv, &x.never_says.sv),
        Lang::En => (&x.says.en, &x.never_says.en),
    };
    let output = motesguide::report::to_text(r);
    for words in says {
        if !output.contains(words.as_str()) {
            fail(format!("the text output does not say {words:?}"));
        }
    }
    for words in never {
        if output.contains(words.as_str()) {
            fail(format!("the text output says {words:?}"));
        }
    }
    if let Some(exact) = &x.warnings
        && set(&warnings) != set(exact)
    {
        fail(format!("warnings {warnings:?}, expected {exact:?}"));
    }
    if let Some(exact) = &x.open_answers {
        let open: Vec<String> = r.open.iter().map(|o| o.question_id.clone()).collect();
        if set(&open) != set(exact) {
            fail(format!("open answers {open:?}, expected {exact:?}"));
        }
    }
}

#[test]
fn every_scenario_gets_the_advice_the_documents_call_for() {
    let c = content();
    let files = scenario_files();
    assert!(files.len() >= 20, "only {} scenarios", files.len());
    let mut problems = Vec::new();
    for path in &files {
        let e = evaluate_file(c, path);
        if !e.text.trim_start().starts_with('#') {
            problems.push(format!(
                "{}: open with a comment that describes the meeting",
                e.name
            ));
        }
        check_ids(c, &e, &mut problems);
        check(&e, &e.report, &mut problems);
        check(&e, &e.report_en, &mut problems);
    }
    assert!(problems.is_empty(), "\n  {}", problems.join("\n  "));
}

#[test]
fn every_rule_and_warning_is_exercised_by_a_scenario() {
    let c = content();
    let mut rules = BTreeSet::new();
    let mut warnings = BTreeSet::new();
    let mut profiles = BTreeSet::new();
    for path in scenario_files() {
        let e = evaluate_file(c, &path);
        // Only rules that fire for certain count: one applied because an
        // answer is unknown is not yet exercised on its own.
        rules.extend(
            e.rec
                .fired
                .iter()
                .filter(|f| f.certain)
                .map(|f| c.rules[f.rule].id.clone()),
        );
        warnings.extend(e.report.warnings.iter().map(|w| w.id.clone()));
        profiles.insert(e.report.profile_id.clone());
    }
    let rule_ids = c.rules.iter().map(|r| r.id.as_str());
    assert_all_seen("rules no scenario exercises", rule_ids, &rules);
    let warning_ids = c.warnings.iter().map(|w| w.id.as_str());
    assert_all_seen("warnings no scenario raises", warning_ids, &warnings);
    let profile_ids = c.profiles.iter().map(|p| p.id.as_str());
    assert_all_seen("profiles no scenario uses", profile_ids, &profiles);
}

fn assert_all_seen<'a>(what: &str, ids: impl Iterator<Item = &'a str>, seen: &BTreeSet<String>) {
    let missing: Vec<&str> = ids.filter(|id| !seen.contains(*id)).collect();
    assert!(missing.is_empty(), "{what}: {missing:?}");
}

#[test]
fn a_misspelt_expectation_is_refused() {
    let text = "# x\nanswers: {}\nexpect:\n  digital_meeting_allowed: true\n  platforms: []\n  recording_alowed: null\n";
    let err = motesguide::yaml::from_str::<Scenario>(text).expect_err("a misspelt key");
    assert!(err.to_string().contains("recording_alowed"), "{err}");
    let text = "# x\nanswers: {}\nexpect:\n  digital_meeting_allowed: true\n  platforms: []\n";
    let err = motesguide::yaml::from_str::<Scenario>(text).expect_err("recording_allowed missing");
    assert!(err.to_string().contains("recording_allowed"), "{err}");
}

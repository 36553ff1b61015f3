//! The built binary end to end, as CONTRACT.md fixes it: every output
//! format and language, `--profile`, standard input, `validate` on sound
//! and broken content, and every kind of bad input (exit 2, one paragraph
//! on stderr, nothing on stdout).

mod common;

use std::path::{Path, PathBuf};

use common::*;
use serde_json::Value;

fn path_str(p: &Path) -> &str {
    p.to_str().expect("a UTF-8 temporary path")
}

fn library(name: &str) -> PathBuf {
    content_dir().join("scenarios").join(name)
}

fn library_files() -> Vec<PathBuf> {
    let mut files: Vec<PathBuf> = std::fs::read_dir(content_dir().join("scenarios"))
        .expect("content/scenarios exists")
        .map(|e| e.expect("a folder entry").path())
        .filter(|p| p.extension().is_some_and(|e| e == "yaml"))
        .collect();
    files.sort();
    assert!(!files.is_empty(), "the scenario library is empty");
    files
}

/// Writes an answers file and returns the folder (kept alive) and path.
fn answers_file(text: &str) -> (TempDir, PathBuf) {
    let dir = TempDir::new("answers");
    let path = dir.write("answers.yaml", text);
    (dir, path)
}

fn json(args: &[&str], stdin: Option<&[u8]>) -> Value {
    let out = ok(args, stdin);
    let value: Value = serde_json::from_str(&out).expect("--format json prints one JSON value");
    check_contract(&value);
    value
}

fn non_empty_str<'a>(v: &'a Value, key: &str, at: &str) -> &'a str {
    let s = v[key]
        .as_str()
        .unwrap_or_else(|| panic!("{at}.{key} is not a string: {v}"));
    assert!(!s.trim().is_empty(), "{at}.{key} is empty");
    s
}

/// Every key and type CONTRACT.md names, and the rules between them.
fn check_contract(v: &Value) {
    let c = content();
    let profile = v["profile"].as_str().expect("profile is a string");
    assert!(c.profile(profile).is_some(), "unknown profile {profile}");
    let class = v["information_class"]
        .as_u64()
        .expect("information_class is an integer");
    assert!((1..=4).contains(&class), "information_class {class}");
    let digital = v["digital_meeting_allowed"]
        .as_bool()
        .expect("digital_meeting_allowed is a boolean");
    let platforms = v["platforms"].as_array().expect("platforms is a list");
    for p in platforms {
        let id = p.as_str().expect("a platform is an id");
        assert!(
            ["teams", "zoom", "sefos", "prorenata", "skype"].contains(&id),
            "platform {id}"
        );
    }
    assert_eq!(
        platforms.is_empty(),
        !digital,
        "platforms empty exactly when no digital meeting"
    );
    let rec = &v["recording"];
    assert!(rec.is_object(), "recording is an object");
    let planned = rec["planned"]
        .as_bool()
        .expect("recording.planned is a boolean");
    match &rec["allowed"] {
        Value::Null => assert!(!planned, "recording.allowed is null only when not planned"),
        Value::Bool(_) => assert!(planned, "recording.allowed is a boolean when planned"),
        other => panic!("recording.allowed is {other}"),
    }
    assert!(rec["reason"].is_string(), "recording.reason is a string");
    assert!(
        rec["retention"].is_null() || rec["retention"].is_string(),
        "recording.retention is null or a string"
    );
    assert!(
        rec.as_object()
            .expect("an object")
            .contains_key("retention"),
        "recording.retention is present"
    );
    let names_a_document = |source: &str| {
        c.documents.iter().any(|d| {
            source.contains(&d.title) && d.sections.iter().any(|s| source.contains(&s.title))
        })
    };
    let cited = |list: &Value, at: &str, id_key: &str| {
        for (i, item) in list
            .as_array()
            .unwrap_or_else(|| panic!("{at} is a list"))
            .iter()
            .enumerate()
        {
            let at = format!("{at}[{i}]");
            non_empty_str(item, id_key, &at);
            non_empty_str(item, "text", &at);
            let source = non_empty_str(item, "source", &at);
            assert!(names_a_document(source), "{at}.source {source:?}");
        }
    };
    cited(&v["checklists"]["organiser"], "checklists.organiser", "id");
    cited(
        &v["checklists"]["participants"],
        "checklists.participants",
        "id",
    );
    cited(&v["warnings"], "warnings", "id");
    cited(&v["explanation"], "explanation", "rule");
    assert!(
        !v["explanation"].as_array().expect("a list").is_empty(),
        "every result explains itself"
    );
}

#[test]
fn json_keeps_the_contract_for_every_library_scenario_in_both_languages() {
    for file in library_files() {
        for lang in ["sv", "en"] {
            let v = json(
                &[
                    "--answers",
                    path_str(&file),
                    "--format",
                    "json",
                    "--lang",
                    lang,
                ],
                None,
            );
            assert!(v["profile"].is_string(), "{}", file.display());
        }
    }
}

#[test]
fn json_tells_the_engine_decision() {
    let c = content();
    let file = library("namndsmote-sekretess.yaml");
    let v = json(&["--answers", path_str(&file), "--format", "json"], None);
    let answers = answers(c, &std::fs::read_to_string(&file).expect("readable"));
    let p = answers.profile_or_default(c);
    let rec = motesguide::engine::evaluate(c, p, &answers);
    assert_eq!(v["profile"], c.profiles[p].id.as_str());
    assert_eq!(v["information_class"], rec.class);
    assert_eq!(v["digital_meeting_allowed"], rec.digital_allowed);
    assert_eq!(
        v["platforms"],
        serde_json::json!(platform_ids(c, &rec.platforms))
    );
    let organiser: Vec<&str> = v["checklists"]["organiser"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|x| x["id"].as_str().expect("an id"))
        .collect();
    let expected: Vec<&str> = rec
        .organiser
        .iter()
        .map(|e| c.items[e.index].id.as_str())
        .collect();
    assert_eq!(organiser, expected);
}

#[test]
fn json_recording_is_null_when_none_is_planned_and_a_verdict_otherwise() {
    let cases = [
        ("meeting_type: ordinary\n", Value::Null, false),
        (
            "meeting_type: ordinary\nrecording: ordinary\n",
            Value::Bool(false),
            true,
        ),
        (
            "meeting_type: training\nrecording: one_way\n",
            Value::Bool(true),
            true,
        ),
        (
            "meeting_type: examination\nrecording: examination_basis\n",
            Value::Bool(true),
            true,
        ),
    ];
    for (text, allowed, planned) in cases {
        let (_dir, path) = answers_file(text);
        let v = json(&["--answers", path_str(&path), "--format", "json"], None);
        assert_eq!(v["recording"]["allowed"], allowed, "{text}");
        assert_eq!(v["recording"]["planned"], planned, "{text}");
        // An allowed recording says how long it is kept.
        assert_eq!(
            v["recording"]["retention"].is_string(),
            allowed == Value::Bool(true),
            "{text}"
        );
    }
}

#[test]
fn text_is_the_default_format_and_reads_verdict_first() {
    let file = library("namndsmote-sekretess.yaml");
    let out = ok(&["--answers", path_str(&file)], None);
    assert_eq!(
        out,
        ok(&["--answers", path_str(&file), "--format", "text"], None)
    );
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("Mötesguide"), "{out}");
    let verdict = lines
        .iter()
        .position(|l| l.starts_with("Digitalt möte tillåtet på: Sefos eller ProRenata"))
        .unwrap_or_else(|| panic!("no platform verdict in:\n{out}"));
    let why = lines
        .iter()
        .position(|l| l.starts_with("Varför"))
        .expect("an explanation");
    assert!(verdict < why, "the verdict comes before the explanation");
    assert!(out.contains("Informationsklass: 3"), "{out}");
    assert!(out.contains("Källa: "), "{out}");
    assert!(out.contains("Checklista för deltagarna"), "{out}");
}

/// Printed text is cut at spaces to 80 columns when piped, list items
/// hanging under their text; nothing but line breaks and indentation is
/// added. Markdown and JSON are left as they are.
#[test]
fn text_wraps_at_word_boundaries_to_80_columns_when_piped() {
    let c = content();
    let out = ok(
        &[
            "--scenario",
            "namndsmote-sekretess",
            "--format",
            "text",
            "--compare",
            "--what-if",
        ],
        None,
    );
    for line in out.lines() {
        assert!(line.chars().count() <= 80, "{line:?}");
    }
    // A long checklist item, whole and in order, under its number.
    let item = &c.items[c
        .items
        .iter()
        .position(|i| i.id == "board-private-room")
        .expect("the item on the elected member's room")]
    .text
    .sv;
    assert!(item.chars().count() > 80);
    let words = |s: &str| s.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words(&out).contains(&words(item)), "{out}");
    let lines: Vec<&str> = out.lines().collect();
    let opening = item.split(' ').take(5).collect::<Vec<_>>().join(" ");
    let at = lines
        .iter()
        .position(|l| l.contains(&opening))
        .expect("the item's first row");
    let (number, _) = lines[at].trim_start().split_once(". ").expect("numbered");
    let hang = lines[at].find(&opening).unwrap();
    assert_eq!(hang, 2 + number.len() + 2, "{}", lines[at]);
    assert_eq!(lines[at + 1].find(|ch| ch != ' '), Some(hang), "{out}");

    let md = ok(
        &["--scenario", "namndsmote-sekretess", "--format", "markdown"],
        None,
    );
    assert!(md.lines().any(|l| l.chars().count() > 80), "{md}");
}

#[test]
fn markdown_has_headings_checkboxes_and_sources() {
    let file = library("namndsmote-sekretess.yaml");
    let out = ok(
        &["--answers", path_str(&file), "--format", "markdown"],
        None,
    );
    assert!(out.starts_with("# Mötesguide"), "{out}");
    assert!(out.contains("\n## "), "{out}");
    assert!(out.contains("\n- [ ] "), "{out}");
    assert!(
        out.contains("**Digitalt möte tillåtet på: Sefos eller ProRenata**"),
        "{out}"
    );
    assert!(
        out.contains("Motala kommun: Gemensamma anvisningar säkra digitala möten"),
        "{out}"
    );
}

#[test]
fn english_is_a_full_translation() {
    let c = content();
    let file = library("workshop-extern-konsult.yaml");
    let text = ok(&["--answers", path_str(&file), "--lang", "en"], None);
    assert!(text.starts_with("Meeting guide"), "{text}");
    assert!(text.contains("Digital meeting permitted on"), "{text}");
    assert!(text.contains("Information class: 2"), "{text}");
    for swedish in [
        "Informationsklass",
        "Källa",
        "avsnitt",
        "Checklista",
        "Inspelning",
    ] {
        assert!(
            !text.contains(swedish),
            "`{swedish}` in the English text:\n{text}"
        );
    }
    let markdown = ok(
        &[
            "--answers",
            path_str(&file),
            "--lang",
            "en",
            "--format",
            "markdown",
        ],
        None,
    );
    assert!(markdown.starts_with("# Meeting guide"), "{markdown}");
    let v = json(
        &[
            "--answers",
            path_str(&file),
            "--lang",
            "en",
            "--format",
            "json",
        ],
        None,
    );
    assert_eq!(v["language"], "en");
    let warning = &v["warnings"][0];
    let w = c
        .warnings
        .iter()
        .find(|w| w.id == warning["id"].as_str().expect("an id"))
        .expect("a known warning");
    assert_eq!(warning["text"], w.text.en.as_str());
    assert!(
        warning["source"]
            .as_str()
            .expect("a source")
            .contains("section"),
        "{warning}"
    );
}

#[test]
fn profile_flag_overrides_the_answers_file() {
    let (_dir, path) = answers_file("profile: standard\nmeeting_type: board\nsecrecy: true\n");
    let file = path_str(&path);
    let v = json(&["--answers", file, "--format", "json"], None);
    assert_eq!(v["profile"], "standard");
    assert_eq!(v["platforms"], serde_json::json!(["sefos", "prorenata"]));
    let v = json(
        &[
            "--answers",
            file,
            "--format",
            "json",
            "--profile",
            "bilaga-6",
        ],
        None,
    );
    assert_eq!(v["profile"], "bilaga-6");
    assert_eq!(v["platforms"], serde_json::json!(["skype"]));
    let (_dir, path) = answers_file("profile: bilaga-6\n");
    let v = json(
        &[
            "--answers",
            path_str(&path),
            "--format",
            "json",
            "--profile",
            "standard",
        ],
        None,
    );
    assert_eq!(v["profile"], "standard");
    assert_eq!(v["platforms"], serde_json::json!(["teams", "zoom"]));
}

#[test]
fn answers_from_standard_input_read_like_a_file() {
    let file = library("socialtjanst-halsa.yaml");
    let bytes = std::fs::read(&file).expect("readable");
    for format in ["text", "markdown", "json"] {
        let from_file = ok(&["--answers", path_str(&file), "--format", format], None);
        let from_stdin = ok(&["--answers", "-", "--format", format], Some(&bytes));
        assert_eq!(from_file, from_stdin, "--format {format}");
    }
}

#[test]
fn validate_passes_on_the_built_in_content_and_a_copy_of_it() {
    let out = ok(&["validate"], None);
    assert!(out.contains("sound"), "{out}");
    let dir = TempDir::new("content-copy");
    copy_dir(&content_dir(), dir.path());
    let out = ok(&["validate", "--content", path_str(dir.path())], None);
    assert!(out.contains("sound"), "{out}");
    // The copy also serves --answers.
    let file = library("klass-4.yaml");
    json(
        &[
            "--answers",
            path_str(&file),
            "--content",
            path_str(dir.path()),
            "--format",
            "json",
        ],
        None,
    );
}

/// A copy of `content/` with `break_it` applied; the line it broke.
fn broken_content(label: &str, break_it: impl FnOnce(&Path) -> usize) -> (TempDir, usize) {
    let dir = TempDir::new(label);
    copy_dir(&content_dir(), dir.path());
    let line = break_it(dir.path());
    (dir, line)
}

/// A copy of `content/` with `rules/70-extra.yaml` holding `rules`.
fn with_extra_rules(label: &str, rules: &str) -> TempDir {
    let (dir, _) = broken_content(label, |d| {
        std::fs::write(d.join("rules/70-extra.yaml"), rules).expect("writable");
        2
    });
    dir
}

/// A copy of `content/` whose standard profile permits Teams in class 3:
/// the loosening edit the declared invariants exist to refuse.
fn with_teams_in_class_3(label: &str) -> TempDir {
    let (dir, _) = broken_content(label, |d| {
        let file = d.join("profiles.yaml");
        let text = std::fs::read_to_string(&file).unwrap();
        let text = text.replacen(
            "allow: [sefos, prorenata]",
            "allow: [teams, sefos, prorenata]",
            1,
        );
        std::fs::write(&file, text).unwrap();
        1
    });
    dir
}

/// The 1-based line of the first line of `file` that holds `needle`.
fn line_of(file: &Path, needle: &str) -> usize {
    std::fs::read_to_string(file)
        .expect("readable")
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("`{needle}` not in {}", file.display()))
        + 1
}

/// Appends `text` to `file`; the number of lines it then has.
fn append(file: &Path, text: &str) -> usize {
    let mut all = std::fs::read_to_string(file).expect("readable");
    all.push_str(text);
    std::fs::write(file, &all).expect("writable");
    all.lines().count()
}

/// Replaces line `n` (1-based) of `file`.
fn replace_line(file: &Path, n: usize, with: &str) {
    let text = std::fs::read_to_string(file).expect("readable");
    let mut lines: Vec<&str> = text.lines().collect();
    lines[n - 1] = with;
    std::fs::write(file, lines.join("\n") + "\n").expect("writable");
}

/// `validate` and `--answers` both refuse the broken folder with exit 2.
fn refused(dir: &Path, mentions: &[&str]) -> String {
    let err = bad_input(
        &run(&["validate", "--content", path_str(dir)], None),
        mentions,
    );
    let file = library("veckomote-inspelning.yaml");
    bad_input(
        &run(
            &["--answers", path_str(&file), "--content", path_str(dir)],
            None,
        ),
        mentions,
    );
    err
}

#[test]
fn validate_names_file_line_and_column_of_a_yaml_syntax_error() {
    let (dir, line) = broken_content("yaml-error", |d| {
        let file = d.join("warnings.yaml");
        let n = line_of(&file, "source: motala-2024#sakerhetsatgarder");
        replace_line(&file, n, "  source: motala-2024#sakerhetsatgarder: oops");
        n
    });
    let err = refused(dir.path(), &[&format!("warnings.yaml:{line}:40")]);
    // One mistake, one problem: references into the broken file are not
    // reported as unknown on top of it.
    assert!(err.contains("has 1 problem:"), "{err}");
}

#[test]
fn validate_names_an_unknown_source() {
    let (dir, line) = broken_content("unknown-source", |d| {
        let file = d.join("checklists.yaml");
        let n = line_of(&file, "source: motala-2024#sakerhetsatgarder");
        replace_line(&file, n, "  source: motala-2024#nowhere");
        n
    });
    refused(
        dir.path(),
        &[
            &format!("checklists.yaml:{line}:"),
            "unknown source `motala-2024#nowhere`",
            "motala-2024#sakerhetsatgarder",
        ],
    );
}

#[test]
fn validate_names_an_item_whose_presupposition_never_holds_where_it_is_given() {
    // Only recordings that may be made are given this warning; class 4
    // forbids them, so `requires` can never hold.
    let (dir, _) = broken_content("never-shown", |d| {
        let file = d.join("warnings.yaml");
        let n = line_of(&file, "requires: { recording: allowed, class_at_least: 3 }");
        replace_line(
            &file,
            n,
            "  requires: { recording: allowed, class_at_least: 4 }",
        );
        n
    });
    refused(
        dir.path(),
        &["warnings.yaml", "`recording-holds-class-3` is never shown"],
    );
}

#[test]
fn validate_names_a_rule_that_never_fires() {
    let dir = with_extra_rules(
        "never-fires",
        "# A rule whose condition contradicts itself.\n\
         - id: never-fires\n  when:\n    all: [{ secrecy: true }, { secrecy: false }]\n  \
         warnings: [class-conflict]\n  explain: { sv: Aldrig., en: Never. }\n  \
         source: motala-2024#sekretess\n",
    );
    refused(
        dir.path(),
        &["rules/70-extra.yaml:2:", "`never-fires` never fires"],
    );
    // A whole-space finding about a rule points at the rule's id.
    assert_reported(
        dir.path(),
        &["rules/70-extra.yaml:2:7: rule `never-fires` never fires"],
    );
    let v = validate_json(dir.path());
    let p = v["problems"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["id"] == "never-fires")
        .expect("the rule that never fires");
    assert_eq!(
        (&p["file"], &p["line"], &p["column"]),
        (&"rules/70-extra.yaml".into(), &2.into(), &7.into())
    );
}

/// `validate --format json` on `dir`, which has problems.
fn validate_json(dir: &Path) -> Value {
    let out = run(
        &["validate", "--content", path_str(dir), "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

#[test]
fn validate_names_two_rules_with_conflicting_recording_verdicts() {
    let dir = with_extra_rules(
        "conflict",
        "# A second verdict on recording a workshop where participants discuss.\n\
         - id: workshop-recording-allowed\n  when:\n    \
         all: [{ recording: ordinary }, { meeting_type: workshop }]\n  \
         recording: { verdict: allowed }\n  explain: { sv: Tillåten., en: Allowed. }\n  \
         source: seko-inspelning#tillaten-inspelning\n",
    );
    let line = line_of(
        &content_dir().join("rules/40-recording.yaml"),
        "- id: recording-ordinary",
    );
    refused(
        dir.path(),
        &[
            &format!("rules/40-recording.yaml:{line}:"),
            "rules/70-extra.yaml",
            "`recording-ordinary`",
            "`workshop-recording-allowed`",
            "different recording verdicts",
        ],
    );
}

/// Issue 9 (4): rules that override one another in a cycle are refused:
/// where both hold neither fires and their duties vanish.
#[test]
fn validate_refuses_a_cycle_of_overrides() {
    let dir = with_extra_rules(
        "cycle",
        "# Two rules, each claiming precedence over the other.\n\
         - id: workshop-a\n  when: { meeting_type: workshop }\n  \
         recording: { verdict: forbidden }\n  overrides: [workshop-b]\n  \
         explain: { sv: A., en: A. }\n  source: seko-inspelning#tillaten-inspelning\n\
         - id: workshop-b\n  when: { meeting_type: workshop }\n  \
         recording: { verdict: forbidden }\n  overrides: [workshop-a]\n  \
         explain: { sv: B., en: B. }\n  source: seko-inspelning#tillaten-inspelning\n",
    );
    refused(
        dir.path(),
        &[
            "rules/70-extra.yaml:2:",
            "cycle",
            "`workshop-a` → `workshop-b` → `workshop-a`",
        ],
    );
}

/// Issue 9 (4): an override that drops a stricter verdict is reported
/// with the combinations it affects, unless the rule says it is intended.
#[test]
fn validate_reports_an_override_that_loosens_the_advice() {
    let rule = "# Allowing what the ordinary-meeting rule forbids.\n\
         - id: workshop-recording-allowed\n  when:\n    \
         all: [{ recording: ordinary }, { meeting_type: workshop }]\n  \
         recording: { verdict: allowed }\n  overrides: [recording-ordinary]\n  \
         explain: { sv: Tillåten., en: Allowed. }\n  \
         source: seko-inspelning#tillaten-inspelning\n";
    let dir = with_extra_rules("loosens", rule);
    let err = refused(
        dir.path(),
        &[
            "rules/70-extra.yaml:2:",
            "`workshop-recording-allowed` overrides `recording-ordinary`",
            "`forbidden`",
            "combinations of answers, for example",
            "loosens: true",
        ],
    );
    // The stated precedence is no conflict with the rule it overrides.
    assert!(
        !err.contains("`recording-ordinary` and `workshop-recording-allowed`"),
        "{err}"
    );
    // Said to be intended: that problem goes (others about the same rule
    // stay, such as its conflict with the no-digital-meeting verdict).
    let dir = with_extra_rules(
        "loosens-intended",
        &rule.replace("  overrides:", "  loosens: true\n  overrides:"),
    );
    let err = stderr(&run(&["validate", "--content", path_str(dir.path())], None));
    assert!(!err.contains("and so drops"), "{err}");

    // An override of the security-classified rule drops the refusal of a
    // digital meeting itself.
    let dir = with_extra_rules(
        "loosens-security",
        "# Allowing a recording, and overriding the security rule with it.\n\
         - id: security-recording\n  when: { security_classified: true }\n  \
         recording: { verdict: allowed }\n  overrides: [security-classified]\n  \
         explain: { sv: Tillåten., en: Allowed. }\n  \
         source: seko-inspelning#tillaten-inspelning\n",
    );
    refused(
        dir.path(),
        &[
            "`security-recording` overrides `security-classified`",
            "`forbid_digital`",
            "`class_at_least: 4`",
        ],
    );
}

/// Issue 9 (3): an edit that breaks a declared invariant is refused at
/// the invariant's line, with a combination of answers that breaks it.
#[test]
fn validate_refuses_an_edit_that_breaks_a_declared_invariant() {
    let dir = with_teams_in_class_3("invariant");
    let line = line_of(
        &content_dir().join("invariants.yaml"),
        "- id: secrecy-never-teams-or-zoom",
    );
    refused(
        dir.path(),
        &[
            &format!("invariants.yaml:{line}:"),
            "invariant `secrecy-never-teams-or-zoom` does not hold for profile standard with",
            "secrecy: true",
            "teams",
        ],
    );
}

/// An invariant naming what the content does not define says what it
/// does define.
#[test]
fn an_invariant_with_an_unknown_platform_names_the_known_ones() {
    let (dir, _) = broken_content("invariant-unknown", |d| {
        std::fs::write(
            d.join("invariants.yaml"),
            "- id: no-old-tool\n  then: { platforms_exclude: [skipe] }\n  source: motala-2024#sekretess\n",
        )
        .unwrap();
        1
    });
    refused(
        dir.path(),
        &[
            "invariants.yaml:2:",
            "invariant `no-old-tool`: unknown platform `skipe`",
            "teams",
        ],
    );
}

/// Issue 9: conditions hold options as 64-bit sets; a 65th option would
/// alias the first, so such a question is refused with the limit.
#[test]
fn a_question_with_more_than_64_options_is_refused_with_the_limit() {
    let (dir, last) = broken_content("65-options", |d| {
        let mut text = "\n- id: many\n  kind: choice\n  step: { sv: Många, en: Many }\n  \
             text: { sv: Vilken?, en: Which? }\n  help: { sv: Hjälp., en: Help. }\n  \
             source: motala-2024#sekretess\n  options:\n"
            .to_owned();
        for i in 0..65 {
            text.push_str(&format!(
                "    - {{ id: o{i}, label: {{ sv: O{i}, en: O{i} }} }}\n"
            ));
        }
        append(&d.join("questions.yaml"), &text)
    });
    refused(
        dir.path(),
        &["questions.yaml", "`many` has 65 options", "at most 64"],
    );
    // The option over the limit, the last one.
    assert_reported(
        dir.path(),
        &[&format!("questions.yaml:{last}:7: `many` has 65 options")],
    );
}

/// Issue 9 (6): `validate --format json` as CONTRACT.md fixes it: sound,
/// combinations, and each problem with file, line, column, message, id and,
/// for a finding about the answer space, a counterexample that shows it.
#[test]
fn validate_as_json_gives_each_problem_with_its_place_and_a_counterexample() {
    let sound: Value = serde_json::from_str(&ok(&["validate", "--format", "json"], None)).unwrap();
    assert_eq!(sound["sound"], true);
    assert_eq!(sound["combinations"], 161_280);
    assert_eq!(sound["problems"], serde_json::json!([]));

    let dir = with_teams_in_class_3("json-invariant");
    let v = validate_json_refused(dir.path());
    assert_eq!(v["sound"], false);
    let problems = v["problems"].as_array().unwrap();
    let p = problems
        .iter()
        .find(|p| p["id"] == "secrecy-never-teams-or-zoom")
        .expect("the broken invariant");
    assert_eq!(p["file"], "invariants.yaml");
    assert!(p["line"].as_u64().unwrap() > 1);
    // The counterexample, read as an answers file on the broken folder
    // (which loads with its per-file checks), shows Teams permitted.
    let text = serde_json::to_string(&p["counterexample"]).unwrap();
    let c = motesguide::content::load_unchecked(dir.path()).unwrap();
    let answers = motesguide::engine::parse_answers(&c, "counterexample", &text).unwrap();
    let profile = answers.profile.unwrap();
    let rec = motesguide::engine::evaluate(&c, profile, &answers);
    let teams = c.platforms.iter().position(|x| x.id == "teams").unwrap();
    assert!(
        rec.platforms.contains(&teams),
        "the counterexample shows Teams permitted"
    );

    // A YAML syntax error: its place, no counterexample.
    let (dir, line) = broken_content("json-yaml", |d| {
        let file = d.join("warnings.yaml");
        let n = line_of(&file, "text:");
        replace_line(&file, n, "  text: { sv: a: b }");
        n
    });
    let v = validate_json_refused(dir.path());
    let p = &v["problems"][0];
    assert_eq!(p["file"], "warnings.yaml");
    assert_eq!(p["line"], line);
    assert!(p["column"].as_u64().is_some());
    assert!(p.get("counterexample").is_none());
}

/// `validate --content dir --format json` on a folder it refuses (exit
/// 2): the JSON it prints.
fn validate_json_refused(dir: &Path) -> Value {
    let out = run(
        &["validate", "--content", path_str(dir), "--format", "json"],
        None,
    );
    assert_eq!(out.status.code(), Some(2));
    serde_json::from_slice(&out.stdout).expect("one JSON object")
}

/// Issue 9 (6): a flow-style rule is found at its own line, and of two
/// rules with one id in one file the second is pointed at: the very node,
/// in the folder as given, so an editor can jump there.
#[test]
fn flow_style_rules_and_duplicate_ids_are_found_at_their_own_node() {
    let dir = with_extra_rules(
        "flow-style",
        "# Two rules on lines of their own.\n\
         - id: first-extra\n  when: { meeting_type: workshop }\n  warnings: [class-conflict]\n  \
         explain: { sv: A., en: A. }\n  source: motala-2024#sekretess\n\
         - { id: flow-extra, when: { meeting_type: workshop }, organiser: [no-such-item], \
         explain: { sv: B., en: B. }, source: motala-2024#sekretess }\n\
         - id: first-extra\n  when: { meeting_type: board }\n  warnings: [class-conflict]\n  \
         explain: { sv: C., en: C. }\n  source: motala-2024#sekretess\n",
    );
    // The item in the list of a flow mapping on line 7; the `id` value of
    // the second definition.
    assert_reported(
        dir.path(),
        &[
            "rules/70-extra.yaml:7:67: rule `flow-extra`: unknown checklist item `no-such-item`",
            "rules/70-extra.yaml:8:7: rule `first-extra` is defined twice",
        ],
    );
}

/// `validate` refuses `dir` and reports each of `problems`
/// (`file:line:column: message…`, the file relative to the folder) with
/// the folder, as given, in front.
fn assert_reported(dir: &Path, problems: &[&str]) {
    let err = bad_input(&run(&["validate", "--content", path_str(dir)], None), &[]);
    for p in problems {
        let want = format!("{}/{p}", path_str(dir));
        assert!(err.contains(&want), "{want}\n{err}");
    }
}

/// Issue 9 (6): a checklist item defined twice in flow style is found at
/// the second definition's `id` value.
#[test]
fn a_flow_style_duplicate_is_found_at_its_id() {
    let (dir, line) = broken_content("flow-duplicate", |d| {
        append(
            &d.join("checklists.yaml"),
            "- { id: find-out-class, text: { sv: Igen., en: Again. }, source: motala-2024#sekretess }\n",
        )
    });
    assert_reported(
        dir.path(),
        &[&format!(
            "checklists.yaml:{line}:9: checklist item `find-out-class` is defined twice"
        )],
    );
}

/// Issue 9 (6): an unknown key is found at the key, a value of the wrong
/// type at the value (by the YAML parser itself or by the loader), and of
/// a key given twice the second.
#[test]
fn unknown_keys_and_wrong_types_are_found_at_their_node() {
    let rule = "# A rule with a misspelt key.\n\
         - id: misspelt\n  colour: red\n  warnings: [class-conflict]\n  \
         explain: { sv: A., en: A. }\n  source: motala-2024#sekretess\n";
    for (label, line3, problem) in [
        (
            "unknown-key",
            "colour: red",
            "rules/70-extra.yaml:3:3: .[0]: unknown field `colour`",
        ),
        (
            "wrong-type",
            "forbid_digital: sometimes",
            "rules/70-extra.yaml:3:19: .[0].forbid_digital: invalid type: string \"sometimes\", expected a boolean",
        ),
        (
            "wrong-type-in-when",
            "when: { secrecy: maybe }",
            "rules/70-extra.yaml:3:20: `misspelt`: when: `secrecy` is a yes/no question",
        ),
        (
            "key-twice",
            "when: { secrecy: true }\n  when: { secrecy: false }",
            "rules/70-extra.yaml:4:3: .[0]: duplicate field `when`",
        ),
    ] {
        let dir = with_extra_rules(label, &rule.replace("colour: red", line3));
        assert_reported(dir.path(), &[problem]);
    }
}

/// Issue 9 (6): in a `when`, an unknown option is found at its list item
/// and an unknown question at its key, however deep.
#[test]
fn unknown_options_and_questions_in_a_condition_are_found_at_their_node() {
    let rule = "# A rule naming what the questions do not offer.\n\
         - id: picnic\n  when: { meeting_type: [board, picnic] }\n  warnings: [class-conflict]\n  \
         explain: { sv: A., en: A. }\n  source: motala-2024#sekretess\n";
    let dir = with_extra_rules("unknown-option", rule);
    assert_reported(
        dir.path(),
        &["rules/70-extra.yaml:3:33: `picnic`: when: `meeting_type` has no option `picnic`"],
    );
    let dir = with_extra_rules(
        "unknown-question",
        &rule.replace(
            "{ meeting_type: [board, picnic] }",
            "{ any: [{ secrecy: true }, { secrecie: true }] }",
        ),
    );
    assert_reported(
        dir.path(),
        &["rules/70-extra.yaml:3:38: `picnic`: when: unknown question `secrecie`"],
    );
}

/// Issue 9 (6): a scenario is an answers file; a wrong value in it is
/// found at the value, as in any answers file.
#[test]
fn a_wrong_answer_in_a_scenario_is_found_at_its_value() {
    let (dir, line) = broken_content("scenario-value", |d| {
        let file = d.join("scenarios/klass-4.yaml");
        let n = line_of(&file, "information_class: 4");
        replace_line(&file, n, "information_class: 7");
        n
    });
    assert_reported(
        dir.path(),
        &[&format!(
            "scenarios/klass-4.yaml:{line}:20: `information_class` cannot be `7`"
        )],
    );
}

/// Issue 9 (6): paths are printed with the folder as the user gave it,
/// relative or not; the JSON keeps them relative to the folder.
#[test]
fn problems_name_the_folder_as_given() {
    let dir = with_extra_rules(
        "as-given",
        "# An unknown item.\n- id: x\n  organiser: [nothing]\n  \
         explain: { sv: A., en: A. }\n  source: motala-2024#sekretess\n",
    );
    let (parent, name) = (
        dir.path().parent().unwrap(),
        dir.path().file_name().unwrap(),
    );
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_motesguide"))
        .current_dir(parent)
        .args(["validate", "--content"])
        .arg(name)
        .output()
        .expect("the binary runs");
    let err = bad_input(&out, &[]);
    let want = format!(
        "  {}/rules/70-extra.yaml:3:15: rule `x`: unknown checklist item `nothing`",
        name.to_str().unwrap()
    );
    assert!(err.contains(&want), "{want}\n{err}");
    let p = &validate_json(dir.path())["problems"][0];
    assert_eq!(
        (&p["file"], &p["line"], &p["column"]),
        (&"rules/70-extra.yaml".into(), &3.into(), &15.into())
    );
}

#[test]
fn an_unknown_key_lists_the_accepted_keys() {
    let (_dir, path) = answers_file("meeting_type: board\nsecrecie: true\n");
    let c = content();
    let mut mentions = vec!["line 2", "unknown key `secrecie`", "profile"];
    mentions.extend(c.questions.iter().map(|q| q.id.as_str()));
    bad_input(
        &run(&["--answers", path_str(&path), "--lang", "en"], None),
        &mentions,
    );
}

#[test]
fn an_unknown_value_lists_the_accepted_values() {
    let c = content();
    let (_dir, path) = answers_file("recording: sometimes\n");
    let q = question(c, "recording");
    let mut mentions = vec!["line 1", "`recording`", "`sometimes`"];
    mentions.extend(c.questions[q].options.iter().map(|o| o.id.as_str()));
    bad_input(
        &run(&["--answers", path_str(&path), "--lang", "en"], None),
        &mentions,
    );
    let (_dir, path) = answers_file("information_class: 5\n");
    bad_input(
        &run(&["--answers", path_str(&path), "--lang", "en"], None),
        &["`information_class`", "`5`", "1, 2, 3, 4, unknown"],
    );
    // `unknown` is not accepted where the contract does not offer it.
    let (_dir, path) = answers_file("meeting_type: unknown\n");
    bad_input(
        &run(&["--answers", path_str(&path), "--lang", "en"], None),
        &["`meeting_type`", "ordinary", "broadcast"],
    );
}

#[test]
fn a_yaml_syntax_error_names_line_and_column() {
    let (_dir, path) = answers_file("meeting_type: board\nsecrecy: [true\n");
    bad_input(
        &run(&["--answers", path_str(&path), "--lang", "en"], None),
        &["line 3, column 1", "not valid YAML"],
    );
    let (_dir, path) = answers_file("meeting_type: board\nsecrecy: true: false\n");
    bad_input(
        &run(&["--answers", path_str(&path), "--lang", "en"], None),
        &["line 2, column 14", "not valid YAML"],
    );
}

#[test]
fn a_value_of_the_wrong_type_says_what_is_accepted() {
    for (text, mentions) in [
        (
            "secrecy: [true]\n",
            &["`secrecy` cannot be a list", "true, false, unknown"][..],
        ),
        (
            "secrecy: \"yes\"\n",
            &["`secrecy` cannot be `yes`", "true, false, unknown"][..],
        ),
        (
            "sensitive_data: health\n",
            &["`sensitive_data` cannot be `health`", "a list of any of"][..],
        ),
        (
            "meeting_type: { kind: board }\n",
            &["`meeting_type` cannot be a mapping", "ordinary"][..],
        ),
        ("- secrecy: true\n", &["expected a mapping", "a list"][..]),
        ("just some words\n", &["expected a mapping", "a text"][..]),
    ] {
        let (_dir, path) = answers_file(text);
        bad_input(
            &run(&["--answers", path_str(&path), "--lang", "en"], None),
            mentions,
        );
    }
}

#[test]
fn a_missing_file_is_named() {
    let dir = TempDir::new("missing");
    let path = dir.path().join("no-such-answers.yaml");
    bad_input(
        &run(&["--answers", path_str(&path), "--lang", "en"], None),
        &[path_str(&path), "no such file"],
    );
}

#[test]
fn an_unreadable_file_is_named() {
    // A folder cannot be read as a file, whoever runs the test.
    let dir = TempDir::new("unreadable");
    bad_input(
        &run(&["--answers", path_str(dir.path()), "--lang", "en"], None),
        &[path_str(dir.path()), "cannot read"],
    );
    // A file without read permission; root reads it anyway, so there the
    // folder case above is the test.
    let path = dir.write("locked.yaml", "secrecy: true\n");
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).expect("chmod 000");
    if std::fs::File::open(&path).is_ok() {
        eprintln!("note: running with permission to read any file (root); chmod 000 not tested");
        return;
    }
    bad_input(
        &run(&["--answers", path_str(&path), "--lang", "en"], None),
        &[path_str(&path), "permission denied"],
    );
}

/// Bytes that are not text: a fixed pseudo-random sequence.
fn garbage(n: usize) -> Vec<u8> {
    let mut x: u32 = 0x9e37_79b9;
    (0..n)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            (x >> 24) as u8
        })
        .collect()
}

#[test]
fn binary_garbage_is_refused() {
    let dir = TempDir::new("garbage");
    let mut bytes = garbage(4096);
    bytes[100] = 0;
    let path = dir.write("garbage.bin", &bytes);
    bad_input(
        &run(&["--answers", path_str(&path), "--lang", "en"], None),
        &["garbage.bin", "not a text file"],
    );
    // Invalid UTF-8 without a NUL byte.
    let bytes: Vec<u8> = b"secrecy: true\n# \xff\xfe\xc3\n".to_vec();
    let path = dir.write("latin.yaml", &bytes);
    bad_input(
        &run(&["--answers", path_str(&path), "--lang", "en"], None),
        &["latin.yaml", "not UTF-8"],
    );
    bad_input(
        &run(&["--answers", "-", "--lang", "en"], Some(&garbage(4096))),
        &["standard input"],
    );
}

#[test]
fn an_empty_file_is_refused() {
    for text in ["", "\n\n   \n", "# only a comment\n"] {
        let (_dir, path) = answers_file(text);
        let o = run(&["--answers", path_str(&path), "--lang", "en"], None);
        bad_input(&o, &["answers.yaml"]);
    }
    bad_input(
        &run(&["--answers", "-", "--lang", "en"], Some(b"")),
        &["standard input", "empty"],
    );
}

#[test]
fn an_unknown_profile_lists_the_profiles() {
    let (_dir, path) = answers_file("profile: bilaga-7\n");
    let err = bad_input(
        &run(&["--answers", path_str(&path), "--lang", "en"], None),
        &[
            "line 1",
            "unknown profile",
            "bilaga-7",
            "standard, bilaga-6",
        ],
    );
    assert!(!err.contains("``"), "doubled quotes: {err}");
    let (_dir, path) = answers_file("secrecy: true\n");
    bad_input(
        &run(
            &[
                "--answers",
                path_str(&path),
                "--profile",
                "bilaga-7",
                "--lang",
                "en",
            ],
            None,
        ),
        &[
            "--profile",
            "unknown profile `bilaga-7`",
            "standard, bilaga-6",
        ],
    );
}

#[test]
fn an_unknown_language_lists_the_languages_in_both() {
    let (_dir, path) = answers_file("secrecy: true\n");
    // The language asked for is not known: Swedish first, then English.
    let err = bad_input(
        &run(&["--answers", path_str(&path), "--lang", "de"], None),
        &["--lang", "`de`", "sv", "en"],
    );
    assert_eq!(
        err,
        "motesguide: --lang: okänt språk `de`; välj sv (svenska, standard) eller en (engelska)\n\
         --lang: unknown language `de`; accepted: sv (Swedish, default), en (English)\n"
    );
}

/// Swedish is the default: every refusal is in Swedish, and still names
/// the file, the line and what would be accepted.
#[test]
fn refusals_are_in_swedish_by_default() {
    let (_dir, path) = answers_file("meeting_type: board\nsecrecie: true\n");
    let file = path_str(&path);
    let err = bad_input(&run(&["--answers", file], None), &[file]);
    let keys: Vec<&str> = std::iter::once("profile")
        .chain(content().questions.iter().map(|q| q.id.as_str()))
        .collect();
    assert_eq!(
        err,
        format!(
            "motesguide: {file}, rad 2, kolumn 1: okänd nyckel `secrecie`; giltiga nycklar: {}\n",
            keys.join(", ")
        )
    );

    let (_dir, path) = answers_file("secrecy: sometimes\n");
    let file = path_str(&path);
    let err = bad_input(&run(&["--answers", file], None), &[file]);
    assert_eq!(
        err,
        format!(
            "motesguide: {file}, rad 1, kolumn 10: `secrecy` kan inte vara `sometimes`; giltiga värden: true, false, unknown\n"
        )
    );
    let (_dir, path) = answers_file("sensitive_data: [health, gossip]\n");
    bad_input(
        &run(&["--answers", path_str(&path)], None),
        &[
            "rad 1, kolumn 26: `sensitive_data` kan inte innehålla `gossip`; giltiga värden: en lista med ett eller flera av ",
            "(eller [] för inga)",
        ],
    );
    let (_dir, path) = answers_file("secrecy: [true\n");
    bad_input(
        &run(&["--answers", path_str(&path)], None),
        &["rad 2, kolumn 1: texten är inte giltig YAML (YAML-tolken: "],
    );
    bad_input(
        &run(&["--answers", "-"], Some(b"")),
        &["standardinmatningen: svarsfilen är tom; en svarsfil är YAML"],
    );
    let missing = _dir.path().join("saknas.yaml");
    bad_input(
        &run(&["--answers", path_str(&missing)], None),
        &[&format!(
            "{}: svarsfilen kan inte läsas (filen finns inte); ",
            path_str(&missing)
        )],
    );

    // A mistyped answer code.
    let c = content();
    let good = motesguide::engine::code::encode(
        c,
        &motesguide::engine::Answers::defaults(c),
        c.default_profile,
    );
    let mut typo: Vec<char> = good.chars().collect();
    typo[1] = if typo[1] == '7' { '8' } else { '7' };
    let typo: String = typo.into_iter().collect();
    let err = bad_input(&run(&["--code", &typo, "--format", "text"], None), &[]);
    assert!(
        err.starts_with(&format!(
            "motesguide: --code {typo}: ett tecken är felskrivet – läs koden igen; en kod har "
        )),
        "{err}"
    );
    assert!(
        err.contains("(koden visas på sidorna ”Kontrollera dina svar” och ”Resultat”)"),
        "{err}"
    );

    bad_input(
        &run(&["--scenario", "inget-sadant", "--format", "text"], None),
        &["--scenario: okänt scenario `inget-sadant`; giltiga scenarier: "],
    );
    let (_dir, path) = answers_file("secrecy: true\n");
    bad_input(
        &run(&["--answers", path_str(&path), "--profile", "x"], None),
        &["--profile: okänd profil `x`; giltiga profiler: standard, bilaga-6"],
    );

    // Nothing English slips through.
    for err in [
        bad_input(&run(&["--code", "U", "--format", "json"], None), &[]),
        bad_input(&run(&["--answers", "-"], Some(b"- a\n")), &[]),
    ] {
        for english in [
            "accepted", "unknown", "line", "cannot", "expected", "code has",
        ] {
            assert!(!err.contains(english), "`{english}` in: {err}");
        }
    }
}

#[test]
fn a_ten_megabyte_file_is_refused_quickly() {
    // Valid YAML all the way: a comment line repeated to 10 MB.
    let line = "# an answers file is a dozen lines, not ten megabytes of them\n";
    let text = line.repeat(10 * 1024 * 1024 / line.len() + 1);
    assert!(text.len() >= 10 * 1024 * 1024);
    let (_dir, path) = answers_file(&text);
    let start = std::time::Instant::now();
    bad_input(
        &run(&["--answers", path_str(&path), "--lang", "en"], None),
        &["answers.yaml", "larger than"],
    );
    bad_input(
        &run(&["--answers", "-", "--lang", "en"], Some(text.as_bytes())),
        &["standard input", "larger than"],
    );
    assert!(
        start.elapsed() < std::time::Duration::from_secs(10),
        "took {:?}",
        start.elapsed()
    );
}

#[test]
fn a_usage_error_is_bad_input_in_one_paragraph() {
    let (_dir, path) = answers_file("secrecy: true\n");
    let file = path_str(&path);
    bad_input(
        &run(
            &["--answers", file, "--format", "pdf", "--lang", "en"],
            None,
        ),
        &["`pdf`", "--format", "text, markdown, json", "--help"],
    );
    bad_input(
        &run(&["--lang=en", "--answers"], None),
        &["--answers needs a value", "--help"],
    );
    bad_input(
        &run(&["--answers", file, "--bogus", "--lang", "en"], None),
        &["`--bogus`"],
    );
    // In Swedish, the default, as every other refusal.
    let err = bad_input(&run(&["--answers", file, "--format", "pdf"], None), &[]);
    assert_eq!(
        err,
        "motesguide: --format: ogiltigt värde `pdf`; giltiga värden: text, markdown, json; se motesguide --help\n"
    );
    let err = bad_input(&run(&["--anwsers", file], None), &[]);
    assert_eq!(
        err,
        "motesguide: okänt argument `--anwsers` (menade du `--answers`?); se motesguide --help\n"
    );
    bad_input(
        &run(&["--answers", file, "--scenario", "klass-4"], None),
        &["kan inte användas tillsammans med"],
    );
    // Help is not an error: stdout, exit 0.
    let help = ok(&["--help"], None);
    assert!(help.contains("--answers"), "{help}");
}

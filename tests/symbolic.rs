//! The symbolic whole-space analysis against its oracle, the enumerator:
//! on the built-in content and on real edits of it that break each kind
//! of check, both report exactly the same problems — the same messages,
//! first examples, counts and counterexamples, in the same order.

mod common;

use motesguide::analysis::{enumerated, whole_space};
use motesguide::content::{Content, Problem};

use common::edited_content as edited;

/// Both analyses of `content`, asserted equal; the problems.
fn agree(content: &Content) -> Vec<Problem> {
    let symbolic = whole_space::analyse(content);
    let oracle = enumerated::analyse(content);
    assert_eq!(symbolic.combinations, oracle.combinations);
    assert_eq!(
        symbolic.problems, oracle.problems,
        "symbolic (left) and enumerated (right) findings differ"
    );
    symbolic.problems
}

fn agree_on(label: &str, file: &str, edit: impl FnOnce(String) -> String) -> Vec<Problem> {
    let dir = edited(label, file, edit);
    let content = motesguide::content::load_unchecked(&dir).expect("content that loads");
    let problems = agree(&content);
    let _ = std::fs::remove_dir_all(&dir);
    problems
}

fn mentions(problems: &[Problem], text: &str) -> bool {
    problems.iter().any(|p| p.message.contains(text))
}

#[test]
fn the_built_in_content_has_the_same_findings() {
    let content = motesguide::content::built_in().unwrap();
    assert_eq!(agree(&content), Vec::new());
}

#[test]
fn a_security_rule_losing_its_forbid_breaks_the_same_invariants() {
    let p = agree_on("no-forbid", "rules/10-class.yaml", |t| {
        t.replacen(
            "  class_at_least: 4\n  forbid_digital: true\n  warnings: [security-classified]",
            "  class_at_least: 4\n  warnings: [security-classified]",
            1,
        )
    });
    assert!(mentions(&p, "no platform is permitted"), "{p:#?}");
}

#[test]
fn teams_for_class_3_breaks_the_same_invariants() {
    let p = agree_on("teams-3", "profiles.yaml", |t| {
        t.replacen(
            "allow: [sefos, prorenata]",
            "allow: [sefos, prorenata, teams]",
            1,
        )
    });
    assert!(mentions(&p, "invariant"), "{p:#?}");
}

#[test]
fn an_allowed_cheating_control_recording_breaks_the_same_invariant() {
    let p = agree_on("cheating", "rules/40-recording.yaml", |t| {
        t.replacen(
            "  when: { recording: cheating_control }\n  recording: { verdict: forbidden }",
            "  when: { recording: cheating_control }\n  recording: { verdict: allowed }",
            1,
        )
    });
    assert!(mentions(&p, "invariant"), "{p:#?}");
}

#[test]
fn a_loosening_override_is_counted_the_same() {
    let p = agree_on("loosen", "rules/40-recording.yaml", |mut t| {
        t.push_str(
            "\n- id: loosen-no-digital\n  when: { security_classified: true }\n  overrides: [recording-no-digital-meeting]\n  recording: { verdict: allowed }\n  explain:\n    sv: Prov.\n    en: Test.\n  source: seko-inspelning#syfte\n",
        );
        t
    });
    assert!(mentions(&p, "drops"), "{p:#?}");
}

#[test]
fn a_missing_verdict_is_found_at_the_same_first_example() {
    let p = agree_on("no-verdict", "rules/40-recording.yaml", |t| {
        t.replacen(
            "  when: { recording: none }\n",
            "  when: { recording: none, secrecy: true }\n",
            1,
        )
    });
    assert!(mentions(&p, "no rule gives a recording verdict"), "{p:#?}");
}

#[test]
fn a_conflict_is_found_at_the_same_first_example() {
    let p = agree_on("conflict", "rules/40-recording.yaml", |t| {
        t.replacen(
            "  when: { recording: cheating_control }\n  recording: { verdict: forbidden }",
            "  when: { recording: [cheating_control, one_way] }\n  recording: { verdict: forbidden }",
            1,
        )
    });
    assert!(mentions(&p, "different recording verdicts"), "{p:#?}");
}

#[test]
fn an_undecided_class_is_found_at_the_same_first_example() {
    let p = agree_on("no-class", "rules/10-class.yaml", |t| {
        t.replacen(
            "  when: { information_class: unanswered }\n",
            "  when: { information_class: unanswered, secrecy: true }\n",
            1,
        )
    });
    assert!(mentions(&p, "information class"), "{p:#?}");
}

#[test]
fn never_firing_shadowed_and_unreachable_rules_are_the_same() {
    let p = agree_on("shadow", "rules/60-tips.yaml", |mut t| {
        t.push_str(
            "\n- id: never\n  when: { all: [{ secrecy: true }, { not: { secrecy: true } }] }\n  organiser: [control-only-internal]\n  explain:\n    sv: Prov.\n    en: Test.\n  source: seko-inspelning#syfte\n- id: shadowed\n  when: { remote_control: external }\n  warnings: [control-to-external]\n  explain:\n    sv: Prov.\n    en: Test.\n  source: seko-inspelning#syfte\n",
        );
        t
    });
    assert!(mentions(&p, "never fires"), "{p:#?}");
    assert!(mentions(&p, "shadowed"), "{p:#?}");
}

#[test]
fn a_question_never_asked_and_an_option_never_offered_are_the_same() {
    let p = agree_on("unasked", "questions.yaml", |t| {
        t.replacen(
            "ask_when: { meeting_type: board }",
            "ask_when: { all: [{ meeting_type: board }, { meeting_type: teaching }] }",
            1,
        )
        .replacen(
            "offer_when: { not: { external_participants: false } }",
            "offer_when: { all: [{ external_participants: false }, { external_participants: true }] }",
            1,
        )
    });
    assert!(mentions(&p, "never asked"), "{p:#?}");
    assert!(mentions(&p, "never offered"), "{p:#?}");
    // The option is pointed at, not its question: the `id` of `external`.
    let text = std::fs::read_to_string(common::content_dir().join("questions.yaml")).unwrap();
    let at = text.find("    - id: external\n").expect("the option");
    let line = 1 + text[..at].matches('\n').count();
    let offered = p
        .iter()
        .find(|x| x.message.contains("never offered"))
        .unwrap();
    assert_eq!(
        (offered.line, offered.column),
        (Some(line), Some(11)),
        "{offered:?}"
    );
}

/// An option named only by an invariant (here the last of a multiple
/// choice, which the space would otherwise fold into its first) is a value
/// of the space of its own: the broken invariant is found, by both.
#[test]
fn an_option_named_only_by_an_invariant_is_checked() {
    let p = agree_on("invariant-option", "invariants.yaml", |mut t| {
        t.push_str(
            "\n- id: sex-life-is-class-4\n  when: { sensitive_data: [sex_life] }\n  then:\n    class_at_least: 4\n  source: motala-2024#sekretess\n",
        );
        t
    });
    assert!(
        p.iter()
            .any(|x| x.message.contains("sex-life-is-class-4") && x.message.contains("sex_life")),
        "{p:#?}"
    );
}

/// A multiple choice whose 40 options a condition names one by one spells
/// 2^40 sets: the analysis takes variables for them, not a list, and
/// counts the space exactly.
#[test]
fn a_multiple_choice_naming_forty_options_is_analysed_without_listing_them() {
    let options: Vec<String> = (1..=40).map(|i| format!("o{i}")).collect();
    let dir = edited("forty", "questions.yaml", |mut t| {
        t.push_str("\n- id: many\n  kind: multi\n  step: { sv: Många, en: Many }\n  text: { sv: Vilka?, en: Which? }\n  help: { sv: Prov., en: Test. }\n  source: motala-2024#sekretess\n  options:\n");
        for o in &options {
            t.push_str(&format!(
                "    - {{ id: {o}, label: {{ sv: {o}, en: {o} }} }}\n"
            ));
        }
        t
    });
    let rules = dir.join("rules/60-tips.yaml");
    let text = std::fs::read_to_string(&rules).unwrap().replacen(
        "  when: { not: { meeting_type: examination } }",
        &format!(
            "  when: {{ all: [{{ not: {{ meeting_type: examination }} }}, {{ not: {{ many: [{}] }} }}] }}",
            options.join(", ")
        ),
        1,
    );
    std::fs::write(&rules, text).unwrap();
    let content = motesguide::content::load_unchecked(&dir).expect("content that loads");
    let analysis = whole_space::analyse(&content);
    let _ = std::fs::remove_dir_all(&dir);
    assert_eq!(analysis.combinations, 161_280 * (1u128 << 40));
    assert!(
        analysis
            .problems
            .iter()
            .all(|p| !p.message.contains("more than")),
        "{:#?}",
        analysis.problems
    );
}

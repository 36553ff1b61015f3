//! `motesguide diff` on real edits of the built-in content: each change is
//! found with its count, and every example, evaluated on each folder, shows
//! exactly the old and the new advice. On those edits and on random ones,
//! the symbolic comparison gives the very `Diff` the enumerating oracle
//! gives.

mod common;

use std::path::Path;

use motesguide::analysis::diff::{Aspect, Change, Diff, Direction, Value, diff, diff_enumerated};
use motesguide::content::Content;
use motesguide::engine::{self, Recommendation};

use common::edited_content as edited;

fn load(dir: &Path) -> Content {
    motesguide::content::load_unchecked(dir).expect("content that loads")
}

/// Teams added to class 3 of the standard profile.
fn teams_at_class_3(text: String) -> String {
    text.replacen(
        "allow: [sefos, prorenata]",
        "allow: [teams, sefos, prorenata]",
        1,
    )
}

/// `motesguide diff OLD NEW --format json`, run.
fn diff_json(old: &Path, new: &Path) -> std::process::Output {
    common::binary()
        .args(["diff", old.to_str().unwrap(), new.to_str().unwrap()])
        .args(["--format", "json"])
        .output()
        .unwrap()
}

/// The symbolic diff, checked against the enumerating oracle: the whole
/// `Diff`, every change with its count, summary and example.
fn diff_checked(old: &Content, new: &Content) -> Diff {
    let d = diff(old, new).expect("a space the comparison can spell");
    assert_eq!(d, diff_enumerated(old, new), "symbolic and enumerated diff");
    d
}

/// The change's example evaluated on `content` under its profile.
fn evaluate_example(content: &Content, c: &Change, example: &serde_json::Value) -> Recommendation {
    let yaml = serde_json::to_string(example).unwrap();
    let answers = engine::parse_answers(content, "example", &yaml).expect("the example parses");
    let profile = content
        .profiles
        .iter()
        .position(|p| p.id == c.profile)
        .unwrap();
    engine::evaluate(content, profile, &answers)
}

fn value_of(content: &Content, c: &Change, r: &Recommendation) -> Value {
    let ids = |l: &[engine::Entry], items: bool| -> Vec<String> {
        l.iter()
            .map(|e| {
                if items {
                    content.items[e.index].id.clone()
                } else {
                    content.warnings[e.index].id.clone()
                }
            })
            .collect()
    };
    let present = |l: Vec<String>| Value::Present(l.contains(c.item.as_ref().unwrap()));
    match c.aspect {
        Aspect::DigitalMeetingAllowed => Value::Bool(r.digital_allowed),
        Aspect::InformationClass => Value::Class(r.class),
        Aspect::Platforms => {
            let mut p: Vec<String> = r
                .platforms
                .iter()
                .map(|&i| content.platforms[i].id.clone())
                .collect();
            p.sort();
            Value::Platforms(p)
        }
        Aspect::RecordingAllowed => Value::Recording(r.recording.allowed),
        Aspect::Organiser => present(ids(&r.organiser, true)),
        Aspect::Participants => present(ids(&r.participants, true)),
        Aspect::Warnings => present(ids(&r.warnings, false)),
    }
}

/// Every change's example shows exactly its old advice on the old folder
/// and its new advice on the new one.
fn check_examples(old: &Content, new: &Content, changes: &[Change]) {
    for c in changes {
        let example = motesguide::cli::diff_example(new, &c.example);
        let a = evaluate_example(old, c, &example);
        let b = evaluate_example(new, c, &example);
        assert_eq!(
            value_of(old, c, &a),
            c.old,
            "old side of {c:?}, example {example}"
        );
        assert_eq!(
            value_of(new, c, &b),
            c.new,
            "new side of {c:?}, example {example}"
        );
    }
}

#[test]
fn a_platform_added_to_class_3_is_a_looser_platform_change() {
    let dir = edited("platform", "profiles.yaml", teams_at_class_3);
    let (old, new) = (motesguide::analysis::load(None).unwrap(), load(&dir));
    let d = diff_checked(&old, &new);
    assert!(!d.identical());
    let platforms: Vec<&Change> = d
        .changes
        .iter()
        .filter(|c| c.aspect == Aspect::Platforms)
        .collect();
    assert!(!platforms.is_empty());
    for c in &platforms {
        assert_eq!(c.profile, "standard");
        assert_eq!(c.direction, Direction::Looser);
        let Value::Platforms(p) = &c.new else {
            unreachable!()
        };
        assert!(p.contains(&"teams".to_owned()));
    }
    // Only class-3 meetings change: the count is exactly theirs.
    let std = old
        .profiles
        .iter()
        .position(|p| p.id == "standard")
        .unwrap();
    let mut class_3 = 0u128;
    motesguide::engine::space::Space::of(&old).for_each(|v| {
        let s = engine::summarise(&old, std, v);
        if s.class == 3 && s.digital_allowed {
            class_3 += 1;
        }
    });
    assert_eq!(platforms.iter().map(|c| c.count).sum::<u128>(), class_3);
    check_examples(&old, &new, &d.changes);
}

#[test]
fn a_narrowed_condition_and_a_removed_item_are_found_with_examples() {
    // The screen-sharing rule narrowed to board meetings; an item dropped
    // from the security rule's organiser list.
    let dir = edited("narrowed", "rules/20-security.yaml", |t| {
        t.replacen(
            "- id: screen-sharing\n  when: { screen_sharing: true }",
            "- id: screen-sharing\n  when: { all: [{ screen_sharing: true }, { meeting_type: board }] }",
            1,
        )
    });
    let (old, new) = (motesguide::analysis::load(None).unwrap(), load(&dir));
    let d = diff_checked(&old, &new);
    assert!(!d.identical(), "the narrowing changes the advice");
    assert!(
        d.changes.iter().all(|c| c.direction == Direction::Looser),
        "{:?}",
        d.changes
    );
    check_examples(&old, &new, &d.changes);
}

#[test]
fn the_same_content_is_identical_and_the_command_exits_as_diff_does() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let same = diff_json(&here, &here);
    assert_eq!(same.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&same.stdout).unwrap();
    assert_eq!(v["identical"], true);
    assert_eq!(v["combinations"], 161_280);

    let dir = edited("item", "rules/40-recording.yaml", |t| {
        t.replacen("  organiser: [do-not-record]\n", "", 1)
    });
    let out = diff_json(&here, &dir);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let (old, new) = (motesguide::analysis::load(None).unwrap(), load(&dir));
    diff_checked(&old, &new);
    let changes = v["changes"].as_array().unwrap();
    assert!(
        changes.iter().any(|c| c["aspect"] == "organiser"
            && c["item"] == "do-not-record"
            && c["old"] == true
            && c["new"] == false
            && c["direction"] == "looser"
            && c["count"].as_u64().unwrap() > 0),
        "{v:#}"
    );
    for key in ["only_in_old", "only_in_new"] {
        assert_eq!(v[key]["profiles"], serde_json::json!([]));
    }
    // A folder that is not content: bad input.
    let bad = common::binary()
        .args(["diff", here.to_str().unwrap(), "/nonexistent-folder"])
        .output()
        .unwrap();
    assert_eq!(bad.status.code(), Some(2));
}

mod random_edits {
    //! Random edits of the built-in content, to either folder: the symbolic
    //! diff equals the enumerated one, whatever changed.

    use motesguide::analysis::diff::{diff, diff_enumerated};
    use motesguide::content::condition::Cond;
    use motesguide::content::{Content, RecordingEffect, Verdict};
    use proptest::prelude::*;
    use proptest::sample::Index;

    #[derive(Debug, Clone)]
    enum Edit {
        /// A rule forbids a digital meeting, or no longer does.
        FlipForbid(Index),
        /// A rule sets another class (`None`: none).
        Class(Index, Option<Index>),
        /// An entry dropped from a rule's organiser, participants or
        /// warnings list.
        DropEntry(Index, Index, Index),
        /// A platform added to or removed from a profile's grant.
        Grant(Index, Index, Index),
        /// A rule excludes a platform, or no longer does.
        Exclude(Index, Index),
        /// A rule's condition narrowed by another rule's, or its negation.
        Narrow(Index, Index, bool),
        /// A rule gives another recording verdict (`None`: none).
        Recording(Index, Option<Index>),
        /// An option renamed: the other folder lacks it.
        RenameOption(Index, Index),
        /// A question renamed: the other folder lacks it.
        RenameQuestion(Index),
        /// A profile renamed: the folders share one profile fewer.
        RenameProfile(Index),
        /// Two questions swap ids: each folder reads the other's answer to
        /// a question of another kind.
        SwapQuestions(Index, Index),
    }

    fn edit() -> impl Strategy<Value = Edit> {
        let i = any::<Index>;
        prop_oneof![
            3 => i().prop_map(Edit::FlipForbid),
            3 => (i(), proptest::option::of(i())).prop_map(|(r, l)| Edit::Class(r, l)),
            3 => (i(), i(), i()).prop_map(|(r, l, e)| Edit::DropEntry(r, l, e)),
            3 => (i(), i(), i()).prop_map(|(p, g, x)| Edit::Grant(p, g, x)),
            2 => (i(), i()).prop_map(|(r, x)| Edit::Exclude(r, x)),
            3 => (i(), i(), any::<bool>()).prop_map(|(r, b, n)| Edit::Narrow(r, b, n)),
            2 => (i(), proptest::option::of(i())).prop_map(|(r, v)| Edit::Recording(r, v)),
            3 => (i(), i()).prop_map(|(q, o)| Edit::RenameOption(q, o)),
            2 => i().prop_map(Edit::RenameQuestion),
            1 => i().prop_map(Edit::RenameProfile),
            2 => (i(), i()).prop_map(|(a, b)| Edit::SwapQuestions(a, b)),
        ]
    }

    fn toggle(list: &mut Vec<usize>, x: usize) {
        match list.iter().position(|&y| y == x) {
            Some(at) => {
                list.remove(at);
            }
            None => list.push(x),
        }
    }

    fn apply(c: &mut Content, edit: &Edit) {
        let rules = c.rules.len();
        match edit {
            Edit::FlipForbid(r) => {
                let rule = &mut c.rules[r.index(rules)];
                rule.forbid_digital = !rule.forbid_digital;
            }
            Edit::Class(r, level) => {
                let level = level.map(|l| c.classes[l.index(c.classes.len())].level);
                c.rules[r.index(rules)].class_at_least = level;
            }
            Edit::DropEntry(r, list, at) => {
                let rule = &mut c.rules[r.index(rules)];
                let list = match list.index(3) {
                    0 => &mut rule.organiser,
                    1 => &mut rule.participants,
                    _ => &mut rule.warnings,
                };
                if !list.is_empty() {
                    list.remove(at.index(list.len()));
                }
            }
            Edit::Grant(p, g, x) => {
                let (platforms, profiles) = (c.platforms.len(), c.profiles.len());
                let profile = &mut c.profiles[p.index(profiles)];
                let grants = profile.grants.len();
                toggle(
                    &mut profile.grants[g.index(grants)].allow,
                    x.index(platforms),
                );
            }
            Edit::Exclude(r, x) => {
                let x = x.index(c.platforms.len());
                toggle(&mut c.rules[r.index(rules)].exclude_platforms, x);
            }
            Edit::Narrow(r, by, negated) => {
                let by = c.rules[by.index(rules)].when.clone();
                let by = if *negated {
                    Cond::Not(Box::new(by))
                } else {
                    by
                };
                let rule = &mut c.rules[r.index(rules)];
                rule.when = Cond::All(vec![rule.when.clone(), by]);
            }
            Edit::Recording(r, verdict) => {
                let verdicts = [Verdict::NotPlanned, Verdict::Allowed, Verdict::Forbidden];
                c.rules[r.index(rules)].recording = verdict.map(|v| RecordingEffect {
                    verdict: verdicts[v.index(3)],
                    retention: None,
                });
            }
            Edit::RenameOption(q, o) => {
                let choices: Vec<usize> = (0..c.questions.len())
                    .filter(|&q| !c.questions[q].options.is_empty())
                    .collect();
                let question = &mut c.questions[choices[q.index(choices.len())]];
                let options = question.options.len();
                question.options[o.index(options)].id.push_str("-renamed");
            }
            Edit::RenameQuestion(q) => {
                let questions = c.questions.len();
                c.questions[q.index(questions)].id.push_str("-renamed");
            }
            Edit::RenameProfile(p) => {
                let profiles = c.profiles.len();
                c.profiles[p.index(profiles)].id.push_str("-renamed");
            }
            Edit::SwapQuestions(a, b) => {
                let questions = c.questions.len();
                let (a, b) = (a.index(questions), b.index(questions));
                let (id_a, id_b) = (c.questions[a].id.clone(), c.questions[b].id.clone());
                c.questions[a].id = id_b;
                c.questions[b].id = id_a;
            }
        }
    }

    proptest! {
        // Each case enumerates the whole built-in space once (seconds).
        #![proptest_config(ProptestConfig { cases: 12, ..ProptestConfig::default() })]

        #[test]
        fn the_symbolic_diff_is_the_enumerated_one(
            edits in prop::collection::vec((edit(), any::<bool>()), 1..5),
        ) {
            let mut old = motesguide::content::built_in().expect("built-in content");
            let mut new = motesguide::content::built_in().expect("built-in content");
            for (edit, to_old) in &edits {
                apply(if *to_old { &mut old } else { &mut new }, edit);
            }
            let symbolic = diff(&old, &new).expect("a space the comparison can spell");
            prop_assert_eq!(symbolic, diff_enumerated(&old, &new));
        }
    }
}

/// Questions no rule reads multiply the space past what could be visited
/// one by one (over 20 million combinations, which the enumerating diff
/// refused): the comparison still runs, and each count is the small
/// space's times the new questions' combinations.
#[test]
fn a_space_too_large_to_enumerate_is_compared_exactly() {
    let extra = 12;
    let small = edited("small", "profiles.yaml", teams_at_class_3);
    let large = edited("large", "profiles.yaml", teams_at_class_3);
    let questions = large.join("questions.yaml");
    let mut text = std::fs::read_to_string(&questions).unwrap();
    for i in 0..extra {
        text.push_str(&format!(
            "\n- id: extra_{i}\n  kind: yes_no\n  step: {{ sv: Extra {i}, en: Extra {i} }}\n  text: {{ sv: Extra {i}?, en: Extra {i}? }}\n  help: {{ sv: Extra., en: Extra. }}\n  source: motala-2024#sakerhetsatgarder\n"
        ));
    }
    std::fs::write(&questions, text).unwrap();
    let old = motesguide::analysis::load(None).unwrap();
    let d_small = diff(&old, &load(&small)).unwrap();
    let d_large = diff(&old, &load(&large)).unwrap();
    let factor = 1u128 << extra;
    assert!(
        d_large.combinations > 20_000_000,
        "{}",
        d_large.combinations
    );
    assert_eq!(d_large.combinations, d_small.combinations * factor);
    assert_eq!(d_large.only_in_new.questions.len(), extra);
    assert_eq!(d_large.changes.len(), d_small.changes.len());
    for (l, s) in d_large.changes.iter().zip(&d_small.changes) {
        assert_eq!(l.count, s.count * factor, "{l:?}");
        assert_eq!(
            (&l.old, &l.new, &l.example[..s.example.len()]),
            (&s.old, &s.new, &s.example[..])
        );
    }
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("content");
    let out = diff_json(&here, &large);
    assert_eq!(
        out.status.code(),
        Some(1),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

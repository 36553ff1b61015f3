//! Whole-answer-space checks, as decision-table checkers make them: every
//! combination decided, no conflict without stated precedence, no rule
//! unreachable, duplicated or shadowed, no question, option or outcome
//! unreachable, every declared invariant proved. `validate` and `--content`
//! run them; tests run them on the built-in content.
//!
//! The checks are answered symbolically ([`symbolic`](super::symbolic)),
//! so their cost does not grow with the number of combinations; the
//! enumerator ([`enumerated`](super::enumerated)) visits every combination
//! and is kept as the oracle the symbolic form is tested against. Both fill
//! the same [`State`] and report through the same code, so a finding reads
//! the same whichever found it.

use std::collections::{BTreeSet, HashMap};

use crate::content::{Answer, Content, Counterexample, Invariant, Problem, Rule};
use crate::engine::symbolic::{count_of, space_shapes};
use crate::engine::{Recommendation, Summary};

/// What the analysis found, and how much it looked at.
#[derive(Debug, Default)]
pub struct Analysis {
    pub problems: Vec<Problem>,
    pub combinations: u128,
}

/// Runs every whole-space check on loaded content.
pub fn analyse(content: &Content) -> Analysis {
    let mut out = Analysis {
        problems: Vec::new(),
        combinations: combinations(content),
    };
    match super::symbolic::find(content) {
        Ok(state) => state.report(content, &mut out.problems),
        Err(problem) => {
            out.problems.push(*problem);
            return out;
        }
    }
    check_static(content, &mut out.problems);
    out
}

/// The checks that read the content, not the answer space.
pub(super) fn check_static(content: &Content, out: &mut Vec<Problem>) {
    check_duplicates(content, out);
    check_scenarios(content, out);
}

/// Combinations of answers times profiles, saturating.
pub(super) fn combinations(content: &Content) -> u128 {
    count_of(&space_shapes(content)).saturating_mul(content.profiles.len() as u128)
}

pub(super) struct State {
    /// Per rule and profile: fired at least once.
    pub(super) fired: Vec<Vec<bool>>,
    /// Per rule: some effect of it was not also given by another rule.
    pub(super) necessary: Vec<bool>,
    pub(super) asked: Vec<bool>,
    pub(super) offered: Vec<Vec<bool>>,
    pub(super) platforms_seen: Vec<bool>,
    pub(super) classes_seen: BTreeSet<u8>,
    /// Per checklist item and per warning: shown in some result, a rule
    /// giving it and its presupposition holding.
    pub(super) items_shown: Vec<bool>,
    pub(super) warnings_shown: Vec<bool>,
    /// First example of each kind of undecided or conflicting combination.
    pub(super) problems: Vec<Problem>,
    pub(super) kinds_reported: BTreeSet<String>,
    /// Overrides that drop something stricter, not marked `loosens`: the
    /// overriding and the overridden rule, what is dropped, and where both
    /// hold (how often, and a first example).
    pub(super) loosening: Vec<Loosening>,
    /// Per declared invariant: the first combination that breaks it, with
    /// what is wrong there.
    pub(super) broken: Vec<Option<(String, String, Counterexample)>>,
}

pub(super) struct Loosening {
    pub(super) over: usize,
    pub(super) under: usize,
    pub(super) dropped: Vec<String>,
    pub(super) count: u128,
    pub(super) example: Option<(String, Counterexample)>,
}

impl State {
    pub(super) fn new(c: &Content) -> State {
        State {
            fired: vec![vec![false; c.profiles.len()]; c.rules.len()],
            necessary: vec![false; c.rules.len()],
            asked: vec![false; c.questions.len()],
            offered: c
                .questions
                .iter()
                .map(|q| vec![false; q.options.len()])
                .collect(),
            platforms_seen: vec![false; c.platforms.len()],
            classes_seen: BTreeSet::new(),
            items_shown: vec![false; c.items.len()],
            warnings_shown: vec![false; c.warnings.len()],
            problems: Vec::new(),
            kinds_reported: BTreeSet::new(),
            loosening: c
                .rules
                .iter()
                .enumerate()
                .filter(|(_, r)| !r.loosens)
                .flat_map(|(j, r)| r.overrides.iter().map(move |&i| (j, i)))
                .filter_map(|(j, i)| {
                    let dropped = crate::content::precedence::dropped(c, &c.rules[j], &c.rules[i]);
                    (!dropped.is_empty()).then_some(Loosening {
                        over: j,
                        under: i,
                        dropped,
                        count: 0,
                        example: None,
                    })
                })
                .collect(),
            broken: vec![None; c.invariants.len()],
        }
    }

    pub(super) fn once(
        &mut self,
        kind: &str,
        file: &str,
        line: Option<(usize, usize)>,
        example: (usize, &[Answer]),
        message: impl FnOnce() -> String,
    ) {
        if self.kinds_reported.insert(kind.to_owned()) {
            self.problems.push(Problem {
                file: file.to_owned(),
                line: line.map(|l| l.0),
                column: line.map(|l| l.1),
                message: message(),
                counterexample: Some(Counterexample {
                    profile: example.0,
                    values: example.1.to_vec(),
                }),
                ..Default::default()
            });
        }
    }

    pub(super) fn report(self, c: &Content, out: &mut Vec<Problem>) {
        out.extend(self.problems);
        for (inv, broken) in c.invariants.iter().zip(&self.broken) {
            if let Some((example, wrong, counterexample)) = broken {
                out.push(Problem {
                    file: inv.file.clone(),
                    line: Some(inv.line),
                    column: Some(inv.column),
                    message: format!(
                        "invariant `{}` does not hold for {example}: {wrong}",
                        inv.id
                    ),
                    id: Some(inv.id.clone()),
                    counterexample: Some(counterexample.clone()),
                });
            }
        }
        for l in &self.loosening {
            let (over, under) = (&c.rules[l.over], &c.rules[l.under]);
            if let Some((example, counterexample)) = &l.example {
                out.push(Problem {
                    file: over.file.clone(),
                    line: Some(over.line),
                    column: Some(over.column),
                    message: format!(
                        "rule `{}` overrides `{}` and so drops {} where both hold: {} combination{} of answers, for example {example}; if the looser advice is intended, say so with `loosens: true` on rule `{}`",
                        over.id,
                        under.id,
                        l.dropped.join(", "),
                        l.count,
                        if l.count == 1 { "" } else { "s" },
                        over.id
                    ),
                    id: Some(over.id.clone()),
                    counterexample: Some(counterexample.clone()),
                });
            }
        }
        for (i, r) in c.rules.iter().enumerate() {
            let never: Vec<&str> = (0..c.profiles.len())
                .filter(|&p| r.applies_to(p) && !self.fired[i][p])
                .map(|p| c.profiles[p].id.as_str())
                .collect();
            let problem = |message: String| Problem {
                file: r.file.clone(),
                line: Some(r.line),
                column: Some(r.column),
                message,
                id: Some(r.id.clone()),
                ..Default::default()
            };
            if !never.is_empty() {
                out.push(problem(format!(
                    "rule `{}` never fires under profile {}: no combination of answers meets its condition",
                    r.id,
                    never.join(", ")
                )));
            } else if !self.necessary[i] {
                out.push(problem(format!(
                    "rule `{}` is shadowed: whenever it fires, other rules already give every one of its effects",
                    r.id
                )));
            }
        }
        for (q, question) in c.questions.iter().enumerate() {
            let problem = |message: String| Problem {
                file: "questions.yaml".into(),
                line: Some(question.line),
                column: Some(question.column),
                message,
                ..Default::default()
            };
            if !self.asked[q] {
                out.push(problem(format!(
                    "question `{}` is never asked: its ask_when never holds",
                    question.id
                )));
                continue;
            }
            for (o, opt) in question.options.iter().enumerate() {
                if !self.offered[q][o] {
                    out.push(Problem {
                        line: Some(opt.line),
                        column: Some(opt.column),
                        ..problem(format!(
                            "option `{}` of `{}` is never offered: its offer_when never holds when the question is asked",
                            opt.id, question.id
                        ))
                    });
                }
            }
        }
        // An item only a "vet ej" gives (`unknown_items`) is not given by
        // any rule on concrete answers, so it is not judged here.
        let by_rule = |i: usize| {
            c.rules.iter().any(|r| {
                r.organiser.contains(&i) || r.participants.contains(&i) || r.tips.contains(&i)
            })
        };
        let lists = [
            (
                "checklists.yaml",
                "checklist item",
                &c.items[..],
                &self.items_shown[..],
                true,
            ),
            (
                "warnings.yaml",
                "warning",
                &c.warnings[..],
                &self.warnings_shown[..],
                false,
            ),
        ];
        for (file, what, table, shown, only_by_rule) in lists {
            for (i, item) in table.iter().enumerate() {
                if !shown[i] && (!only_by_rule || by_rule(i)) {
                    out.push(Problem {
                        file: file.into(),
                        line: Some(item.line),
                        column: Some(item.column),
                        message: format!(
                            "{what} `{}` is never shown: wherever a rule gives it, its `requires` fails",
                            item.id
                        ),
                        ..Default::default()
                    });
                }
            }
        }
        for (p, platform) in c.platforms.iter().enumerate() {
            if !self.platforms_seen[p] {
                out.push(Problem {
                    file: "platforms.yaml".into(),
                    line: Some(platform.line),
                    column: Some(platform.column),
                    message: format!(
                        "platform `{}` is never recommended for any combination of answers",
                        platform.id
                    ),
                    ..Default::default()
                });
            }
        }
        for class in &c.classes {
            if !self.classes_seen.contains(&class.level) {
                out.push(Problem {
                    file: "classes.yaml".into(),
                    line: Some(class.line),
                    column: Some(class.column),
                    message: format!(
                        "information class {} is never the outcome of any combination of answers",
                        class.level
                    ),
                    ..Default::default()
                });
            }
        }
    }
}

/// What is wrong with the advice for one combination where invariant
/// `inv` applies: nothing when it holds. `s` is the engine's decision
/// there; `full` caches its whole recommendation, made only when an
/// invariant reads checklists or warnings.
pub(super) fn invariant_wrongs(
    c: &Content,
    inv: &Invariant,
    (profile, values): (usize, &[Answer]),
    s: &Summary,
    full: &mut Option<Recommendation>,
) -> Vec<String> {
    let mut wrong: Vec<String> = Vec::new();
    let platform_names = |ps: &[usize]| -> String {
        let names: Vec<&str> = ps.iter().map(|&p| c.platforms[p].id.as_str()).collect();
        if names.is_empty() {
            "none".to_owned()
        } else {
            names.join(", ")
        }
    };
    if let Some(want) = inv.digital_meeting_allowed
        && s.digital_allowed != want
    {
        wrong.push(format!(
            "a digital meeting is {}allowed",
            if s.digital_allowed { "" } else { "not " }
        ));
    }
    if let Some(within) = &inv.platforms_within
        && s.platforms.iter().any(|p| !within.contains(p))
    {
        wrong.push(format!(
            "the permitted platforms are {}",
            platform_names(&s.platforms)
        ));
    }
    if s.platforms
        .iter()
        .any(|p| inv.platforms_exclude.contains(p))
    {
        wrong.push(format!(
            "the permitted platforms are {}",
            platform_names(&s.platforms)
        ));
    }
    if let Some(k) = inv.class_at_least
        && s.class < k
    {
        wrong.push(format!("the class is {}", s.class));
    }
    if let Some(want) = inv.recording_allowed
        && s.recording_allowed.is_some_and(|got| got != want)
    {
        wrong.push(format!(
            "the recording is {}",
            if want { "not allowed" } else { "allowed" }
        ));
    }
    if inv.needs_items() {
        let r = full.get_or_insert_with(|| recommend(c, profile, values));
        let has = |list: &[crate::engine::Entry], i: usize| list.iter().any(|e| e.index == i);
        for (what, wanted, list, items) in [
            (
                "organiser item",
                &inv.organiser_includes,
                &r.organiser,
                true,
            ),
            (
                "participant item",
                &inv.participants_includes,
                &r.participants,
                true,
            ),
            ("warning", &inv.warnings_include, &r.warnings, false),
        ] {
            for &i in wanted {
                if !has(list, i) {
                    let id = if items {
                        &c.items[i].id
                    } else {
                        &c.warnings[i].id
                    };
                    wrong.push(format!("the {what} `{id}` is missing"));
                }
            }
        }
    }
    wrong
}

/// The engine's whole recommendation for concrete answers.
pub(super) fn recommend(c: &Content, profile: usize, values: &[Answer]) -> Recommendation {
    let answers = crate::engine::Answers {
        profile: Some(profile),
        values: values.to_vec(),
    };
    crate::engine::evaluate(c, profile, &answers)
}

/// Two rules with the same condition, profiles and effects say one thing twice.
fn check_duplicates(c: &Content, out: &mut Vec<Problem>) {
    // Rules grouped by what they say, in one pass: each copy is reported
    // once, against the first rule that says the same (comparing every
    // pair took time and lines that grow with the square of the rules).
    let mut first: HashMap<_, &Rule> = HashMap::new();
    for b in &c.rules {
        let said = (
            &b.when,
            &b.profiles,
            b.class_at_least,
            b.forbid_digital,
            &b.exclude_platforms,
            &b.recording,
            &b.organiser,
            &b.participants,
            &b.tips,
            &b.warnings,
        );
        let Some(a) = first.get(&said) else {
            first.insert(said, b);
            continue;
        };
        out.push(Problem {
            file: b.file.clone(),
            line: Some(b.line),
            column: Some(b.column),
            message: format!(
                "rule `{}` duplicates rule `{}` ({}:{}:{})",
                b.id, a.id, a.file, a.line, a.column
            ),
            ..Default::default()
        });
    }
}

/// Every example answers file must parse against the questions.
fn check_scenarios(c: &Content, out: &mut Vec<Problem>) {
    for s in &c.scenarios {
        let (file, text) = (&s.file, &s.text);
        if let Err(e) = crate::engine::parse_answers(c, file, text) {
            // Content problems are in English, as the rest of `validate`.
            out.push(Problem {
                file: file.clone(),
                line: e.line,
                column: e.column,
                message: e.message_after_file(crate::text::Lang::En),
                ..Default::default()
            });
        }
    }
}

/// The non-default answers of a combination, for messages.
pub(super) fn describe(c: &Content, profile: usize, values: &[Answer]) -> String {
    let answers: Vec<String> = c
        .questions
        .iter()
        .zip(values)
        .filter(|(q, a)| q.default != **a)
        .map(|(q, a)| format!("{}: {}", q.id, q.answer_id(*a)))
        .collect();
    format!(
        "profile {} with {}",
        c.profiles[profile].id,
        if answers.is_empty() {
            "every answer at its default".to_owned()
        } else {
            answers.join(", ")
        }
    )
}

//! Whole-answer-space checks, as decision-table checkers make them: every
//! combination decided, no conflict without stated precedence, no rule
//! unreachable, duplicated or shadowed, no question, option or outcome
//! unreachable. `validate` and `--content` run them; tests run them on the
//! built-in content.

use std::collections::BTreeSet;

use crate::content::{Answer, Content, Counterexample, Problem, Rule};
use crate::engine::space::Space;

/// The largest space (combinations times profiles) checked exhaustively.
pub const MAX_COMBINATIONS: u128 = 20_000_000;

/// What the analysis found, and how much it looked at.
#[derive(Debug, Default)]
pub struct Analysis {
    pub problems: Vec<Problem>,
    pub combinations: u128,
}

/// Runs every whole-space check on loaded content.
pub fn analyse(content: &Content) -> Analysis {
    let space = Space::of(content);
    let combinations = space.len().saturating_mul(content.profiles.len() as u128);
    let mut out = Analysis {
        problems: Vec::new(),
        combinations,
    };
    if combinations > MAX_COMBINATIONS {
        out.problems.push(Problem {
            file: "questions.yaml".into(),
            line: None,
            column: None,
            message: format!(
                "the answer space has {combinations} combinations, more than the {MAX_COMBINATIONS} that can be checked; use fewer questions or options"
            ),
            ..Default::default()
        });
        return out;
    }
    let mut state = State::new(content);
    for profile in 0..content.profiles.len() {
        space.for_each(|values| state.visit(content, profile, values));
    }
    state.report(content, &mut out.problems);
    check_duplicates(content, &mut out.problems);
    check_scenarios(content, &mut out.problems);
    out
}

struct State {
    /// Per rule and profile: fired at least once.
    fired: Vec<Vec<bool>>,
    /// Per rule: some effect of it was not also given by another rule.
    necessary: Vec<bool>,
    asked: Vec<bool>,
    offered: Vec<Vec<bool>>,
    platforms_seen: Vec<bool>,
    classes_seen: BTreeSet<u8>,
    /// Per checklist item and per warning: shown in some result, a rule
    /// giving it and its presupposition holding.
    items_shown: Vec<bool>,
    warnings_shown: Vec<bool>,
    /// First example of each kind of undecided or conflicting combination.
    problems: Vec<Problem>,
    kinds_reported: BTreeSet<String>,
    /// Overrides that drop something stricter, not marked `loosens`: the
    /// overriding and the overridden rule, what is dropped, and where both
    /// hold (how often, and a first example).
    loosening: Vec<Loosening>,
    /// Per declared invariant: the first combination that breaks it, with
    /// what is wrong there.
    broken: Vec<Option<(String, String, Counterexample)>>,
}

struct Loosening {
    over: usize,
    under: usize,
    dropped: Vec<String>,
    count: u128,
    example: Option<(String, Counterexample)>,
}

impl State {
    fn new(c: &Content) -> State {
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

    fn visit(&mut self, c: &Content, profile: usize, values: &[Answer]) {
        // Answers the flow sets aside (not asked, or implied by earlier
        // ones) never reach the rules: such a combination is the same
        // meeting as its canonical one, which is visited in its own turn.
        let mut canonical = values.to_vec();
        if !crate::engine::flow::reset_unasked(c, &mut canonical).is_empty() {
            return;
        }
        let fired: Vec<usize> = (0..c.rules.len())
            .filter(|&i| c.rules[i].applies_to(profile) && c.rules[i].when.holds(values))
            .collect();
        for &i in &fired {
            self.fired[i][profile] = true;
        }
        for (q, question) in c.questions.iter().enumerate() {
            let asked = question.ask_when.as_ref().is_none_or(|w| w.holds(values));
            if asked {
                self.asked[q] = true;
                for (o, opt) in question.options.iter().enumerate() {
                    if opt.offer_when.as_ref().is_none_or(|w| w.holds(values)) {
                        self.offered[q][o] = true;
                    }
                }
            }
        }
        self.check_decided(c, profile, values, &fired);
        self.mark_necessary(c, &fired);
        self.check_invariants(c, profile, values);
        for l in &mut self.loosening {
            if fired.contains(&l.over) && fired.contains(&l.under) {
                l.count += 1;
                if l.example.is_none() {
                    l.example = Some((
                        describe(c, profile, values),
                        Counterexample {
                            profile,
                            values: values.to_vec(),
                        },
                    ));
                }
            }
        }
    }

    fn check_decided(&mut self, c: &Content, profile: usize, values: &[Answer], fired: &[usize]) {
        let class = fired
            .iter()
            .filter_map(|&i| c.rules[i].class_at_least)
            .max();
        let forbidden = fired.iter().any(|&i| c.rules[i].forbid_digital);
        let where_ = || describe(c, profile, values);
        match class {
            None => self.once("class", "questions.yaml", None, (profile, values), || {
                format!("no rule sets an information class for {}", where_())
            }),
            Some(k) => {
                self.classes_seen.insert(k);
                let excluded: Vec<usize> = fired
                    .iter()
                    .flat_map(|&i| c.rules[i].exclude_platforms.clone())
                    .collect();
                let platforms: Vec<usize> = c.profiles[profile]
                    .grant_for(k)
                    .map(|g| {
                        g.allow
                            .iter()
                            .copied()
                            .filter(|p| !excluded.contains(p))
                            .collect()
                    })
                    .unwrap_or_default();
                let permitted: &[usize] = if forbidden { &[] } else { &platforms };
                self.mark_shown(c, values, fired, k, permitted);
                if !forbidden {
                    for &p in &platforms {
                        self.platforms_seen[p] = true;
                    }
                    if platforms.is_empty() {
                        self.once("platforms", "profiles.yaml", None, (profile, values), || {
                            format!(
                                "no platform is permitted, yet no rule forbids a digital meeting, for {}; add a rule with `forbid_digital: true`",
                                where_()
                            )
                        });
                    }
                }
            }
        }
        // The recording verdict: after overrides, exactly one verdict.
        let deciding: Vec<usize> = fired
            .iter()
            .copied()
            .filter(|&i| c.rules[i].recording.is_some())
            .filter(|&i| !fired.iter().any(|&j| c.rules[j].overrides.contains(&i)))
            .collect();
        if deciding.is_empty() {
            self.once("verdict", "rules/", None, (profile, values), || {
                format!("no rule gives a recording verdict for {}", where_())
            });
        }
        for (n, &a) in deciding.iter().enumerate() {
            for &b in &deciding[n + 1..] {
                let (ra, rb) = (&c.rules[a], &c.rules[b]);
                if ra.recording != rb.recording {
                    let key = format!("conflict {} {}", ra.id, rb.id);
                    let (file, line) = (ra.file.clone(), Some((ra.line, ra.column)));
                    self.once(&key, &file, line, (profile, values), || {
                        format!(
                            "rules `{}` and `{}` ({}) give different recording verdicts for {}; make their conditions exclusive or state precedence with `overrides`",
                            ra.id,
                            rb.id,
                            rb.file,
                            where_()
                        )
                    });
                }
            }
        }
    }

    /// Marks the items and warnings this result shows: given by a rule
    /// that fired (and is not overridden) and fitting its presupposition.
    fn mark_shown(
        &mut self,
        c: &Content,
        values: &[Answer],
        fired: &[usize],
        class: u8,
        platforms: &[usize],
    ) {
        let live: Vec<usize> = fired
            .iter()
            .copied()
            .filter(|&i| !fired.iter().any(|&j| c.rules[j].overrides.contains(&i)))
            .collect();
        let verdict = live
            .iter()
            .filter_map(|&i| c.rules[i].recording.as_ref().map(|r| r.verdict))
            .max()
            .unwrap_or(crate::content::Verdict::Forbidden);
        let facts = crate::content::Facts {
            class,
            digital_allowed: !platforms.is_empty(),
            platforms,
            verdict,
        };
        for &i in &live {
            let r = &c.rules[i];
            for &e in r.organiser.iter().chain(&r.participants).chain(&r.tips) {
                if !self.items_shown[e] && c.items[e].requires.holds(facts, values) {
                    self.items_shown[e] = true;
                }
            }
            for &w in &r.warnings {
                if !self.warnings_shown[w] && c.warnings[w].requires.holds(facts, values) {
                    self.warnings_shown[w] = true;
                }
            }
        }
    }

    /// A rule is necessary once one of its effects is given by no other
    /// rule that fires with it.
    fn mark_necessary(&mut self, c: &Content, fired: &[usize]) {
        for &i in fired {
            if self.necessary[i] {
                continue;
            }
            let r = &c.rules[i];
            let others = || fired.iter().filter(|&&j| j != i).map(|&j| &c.rules[j]);
            let covered = |f: &dyn Fn(&Rule) -> bool| others().any(f);
            let all_covered = r
                .class_at_least
                .is_none_or(|k| covered(&|o| o.class_at_least.is_some_and(|x| x >= k)))
                && (!r.forbid_digital || covered(&|o| o.forbid_digital))
                && r.exclude_platforms
                    .iter()
                    .all(|p| covered(&|o| o.exclude_platforms.contains(p)))
                && r.recording.is_none()
                && r.organiser
                    .iter()
                    .all(|x| covered(&|o| o.organiser.contains(x)))
                && r.participants
                    .iter()
                    .all(|x| covered(&|o| o.participants.contains(x)))
                && r.tips.iter().all(|x| covered(&|o| o.tips.contains(x)))
                && r.warnings
                    .iter()
                    .all(|x| covered(&|o| o.warnings.contains(x)));
            if !all_covered {
                self.necessary[i] = true;
            }
        }
    }

    fn once(
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

    /// Each declared invariant whose condition holds here, checked against
    /// the engine's own decision (the whole recommendation where it asks
    /// about checklists or warnings).
    fn check_invariants(&mut self, c: &Content, profile: usize, values: &[Answer]) {
        let mut summary = None;
        let mut full = None;
        for (k, inv) in c.invariants.iter().enumerate() {
            if self.broken[k].is_some() || !inv.applies_to(profile) || !inv.when.holds(values) {
                continue;
            }
            let s = summary.get_or_insert_with(|| crate::engine::summarise(c, profile, values));
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
                let r = full.get_or_insert_with(|| {
                    let answers = crate::engine::Answers {
                        profile: Some(profile),
                        values: values.to_vec(),
                    };
                    crate::engine::evaluate(c, profile, &answers)
                });
                let has =
                    |list: &[crate::engine::Entry], i: usize| list.iter().any(|e| e.index == i);
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
            if !wrong.is_empty() {
                self.broken[k] = Some((
                    describe(c, profile, values),
                    wrong.join("; "),
                    Counterexample {
                        profile,
                        values: values.to_vec(),
                    },
                ));
            }
        }
    }

    fn report(self, c: &Content, out: &mut Vec<Problem>) {
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
                    out.push(problem(format!(
                        "option `{}` of `{}` is never offered: its offer_when never holds when the question is asked",
                        opt.id, question.id
                    )));
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

/// Two rules with the same condition, profiles and effects say one thing twice.
fn check_duplicates(c: &Content, out: &mut Vec<Problem>) {
    for (i, a) in c.rules.iter().enumerate() {
        for b in &c.rules[i + 1..] {
            let same = a.when == b.when
                && a.profiles == b.profiles
                && a.class_at_least == b.class_at_least
                && a.forbid_digital == b.forbid_digital
                && a.exclude_platforms == b.exclude_platforms
                && a.recording == b.recording
                && a.organiser == b.organiser
                && a.participants == b.participants
                && a.tips == b.tips
                && a.warnings == b.warnings;
            if same {
                out.push(Problem {
                    file: b.file.clone(),
                    line: Some(b.line),
                    column: Some(b.column),
                    message: format!(
                        "rule `{}` duplicates rule `{}` ({}:{})",
                        b.id, a.id, a.file, a.line
                    ),
                    ..Default::default()
                });
            }
        }
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
fn describe(c: &Content, profile: usize, values: &[Answer]) -> String {
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

//! The whole-space checks by enumeration: every combination of answers
//! visited under every profile. Exponential in the number of questions, so
//! no longer what `validate` runs; kept as the oracle the symbolic analysis
//! is tested against (identical findings, counts and examples).

use crate::content::{Answer, Content, Counterexample, Problem, Rule};
use crate::engine::space::Space;

use super::whole_space::{Analysis, State, combinations, describe, invariant_wrongs};

/// The largest space (combinations times profiles) the oracle visits.
pub const MAX_COMBINATIONS: u128 = 20_000_000;

/// Runs the whole-space checks of [`super::whole_space::analyse`] by
/// visiting every combination; refuses spaces above [`MAX_COMBINATIONS`].
pub fn analyse(content: &Content) -> Analysis {
    let combinations = combinations(content);
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
    let space = Space::of(content);
    let mut state = State::new(content);
    for profile in 0..content.profiles.len() {
        space.for_each(|values| state.visit(content, profile, values));
    }
    state.report(content, &mut out.problems);
    super::whole_space::check_static(content, &mut out.problems);
    out
}

impl State {
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

    /// Each declared invariant whose condition holds here, checked against
    /// the engine's own decision.
    fn check_invariants(&mut self, c: &Content, profile: usize, values: &[Answer]) {
        let mut summary = None;
        let mut full = None;
        for (k, inv) in c.invariants.iter().enumerate() {
            if self.broken[k].is_some() || !inv.applies_to(profile) || !inv.when.holds(values) {
                continue;
            }
            let s = summary.get_or_insert_with(|| crate::engine::summarise(c, profile, values));
            let wrong = invariant_wrongs(c, inv, (profile, values), s, &mut full);
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
}

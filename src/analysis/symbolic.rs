//! The whole-space checks answered with BDDs: each check is a set of
//! combinations (undecided, conflicting, where a rule fires, where an item
//! is shown, where an invariant breaks), so "is there one?" is "is the set
//! empty?", the example is its first combination in enumeration order and
//! a count is its cardinality — none of it visits combinations one by one.
//!
//! It fills the same [`State`] the enumerator fills, with the same first
//! examples in the same order, so the two can be compared finding by
//! finding ([`super::enumerated`] is the oracle).

use biodivine_lib_bdd::Bdd;

use crate::content::{Answer, Content, Counterexample, Problem, Rule};
use crate::engine::symbolic::decision::{self, presupposition, verdicts};
use crate::engine::symbolic::{Decision, SymAnswers, Vars, positions, space_shapes};

use super::whole_space::{State, describe, invariant_wrongs};

/// An undecided or conflicting combination found first, for `once`:
/// ordered as the enumerator would meet it (profile, combination, then
/// the order of the checks within one combination).
struct Candidate {
    key: (usize, Vec<usize>, usize),
    kind: String,
    file: String,
    line: Option<(usize, usize)>,
    values: Vec<Answer>,
    message: Box<dyn FnOnce(&str) -> String>,
}

/// Runs every whole-space check symbolically. `Err` when the answers do not
/// fit the BDD library's variable numbering.
pub(super) fn find(c: &Content) -> Result<State, Box<Problem>> {
    let shapes = space_shapes(c);
    if !Vars::fits(&shapes) {
        return Err(Box::new(Problem {
            file: "questions.yaml".into(),
            message: format!(
                "the questions need more than {} variables to analyse; use fewer questions or options",
                u16::MAX - 1
            ),
            ..Default::default()
        }));
    }
    let vars = Vars::new(&shapes);
    let raw = SymAnswers::raw(&vars);
    let canonical = raw.canonical(c).and(&vars.valid);
    // A combination's place in the enumeration, multiple choices included
    // (their sets are ordered too, so two sets must not tie).
    let index = |values: &[Answer]| positions(&shapes, values);
    let mut state = State::new(c);
    let mut candidates: Vec<Candidate> = Vec::new();
    let mut found_kinds: Vec<String> = Vec::new();
    for profile in 0..c.profiles.len() {
        let d = Decision::new(c, profile, &raw);
        let mut candidate = |kind: String,
                             set: &Bdd,
                             stage: usize,
                             (file, line): (String, Option<(usize, usize)>),
                             message: Box<dyn FnOnce(&str) -> String>| {
            if found_kinds.contains(&kind) {
                return;
            }
            if let Some(values) = vars.first(&set.and(&canonical)) {
                found_kinds.push(kind.clone());
                candidates.push(Candidate {
                    key: (profile, index(&values), stage),
                    kind,
                    file,
                    line,
                    values,
                    message,
                });
            }
        };
        // Undecided: no class, or no platform yet nothing forbids one.
        let (class, unset) = decision::classes(c, &d.holds, &raw);
        let any = |pick: &dyn Fn(&Rule) -> bool| {
            c.rules
                .iter()
                .enumerate()
                .filter(|(_, r)| pick(r))
                .fold(raw.falsity().clone(), |acc, (i, _)| acc.or(&d.holds[i]))
        };
        let forbidden = any(&|r| r.forbid_digital);
        let excluded: Vec<Bdd> = (0..c.platforms.len())
            .map(|p| any(&|r| r.exclude_platforms.contains(&p)))
            .collect();
        let permitted = decision::permitted(c, profile, &class, &forbidden, &excluded, &raw);
        let digital = permitted
            .iter()
            .fold(raw.falsity().clone(), |acc, p| acc.or(p));
        candidate(
            "class".into(),
            &unset,
            0,
            ("questions.yaml".into(), None),
            Box::new(|w| format!("no rule sets an information class for {w}")),
        );
        candidate(
            "platforms".into(),
            &unset.or(&forbidden).or(&digital).not(),
            0,
            ("profiles.yaml".into(), None),
            Box::new(|w| {
                format!(
                    "no platform is permitted, yet no rule forbids a digital meeting, for {w}; add a rule with `forbid_digital: true`"
                )
            }),
        );
        for (k, w) in &class {
            if !w.and(&canonical).is_false() {
                state.classes_seen.insert(*k);
            }
        }
        for (p, w) in permitted.iter().enumerate() {
            state.platforms_seen[p] |= !w.and(&canonical).is_false();
        }
        // The recording verdict: after overrides, exactly one.
        let recording: Vec<usize> = (0..c.rules.len())
            .filter(|&i| c.rules[i].recording.is_some())
            .collect();
        let some_verdict = recording
            .iter()
            .fold(raw.falsity().clone(), |acc, &i| acc.or(&d.fired[i]));
        candidate(
            "verdict".into(),
            &some_verdict.not(),
            1,
            ("rules/".into(), None),
            Box::new(|w| format!("no rule gives a recording verdict for {w}")),
        );
        for (n, &a) in recording.iter().enumerate() {
            for &b in &recording[n + 1..] {
                let (ra, rb) = (&c.rules[a], &c.rules[b]);
                if ra.recording == rb.recording {
                    continue;
                }
                let (ida, idb, fileb) = (ra.id.clone(), rb.id.clone(), rb.file.clone());
                candidate(
                    format!("conflict {} {}", ra.id, rb.id),
                    &d.fired[a].and(&d.fired[b]),
                    2 + a * c.rules.len() + b,
                    (ra.file.clone(), Some((ra.line, ra.column))),
                    Box::new(move |w| {
                        format!(
                            "rules `{ida}` and `{idb}` ({fileb}) give different recording verdicts for {w}; make their conditions exclusive or state precedence with `overrides`"
                        )
                    }),
                );
            }
        }
        // Items and warnings shown: given by a rule that fired and not
        // overridden, its presupposition holding in that decision.
        let verdict = verdicts(c, &d.fired, &raw);
        let shown = |e: usize, requires, list: &dyn Fn(&Rule) -> &[usize]| {
            let given = (0..c.rules.len())
                .filter(|&r| list(&c.rules[r]).contains(&e))
                .fold(raw.falsity().clone(), |acc, r| acc.or(&d.fired[r]));
            let at = presupposition(requires, &raw, &class, &digital, &permitted, &verdict);
            !given.and(&at).and(&canonical).is_false()
        };
        for e in 0..c.items.len() {
            state.items_shown[e] = state.items_shown[e]
                || shown(e, &c.items[e].requires, &|r: &Rule| &r.organiser)
                || shown(e, &c.items[e].requires, &|r: &Rule| &r.participants)
                || shown(e, &c.items[e].requires, &|r: &Rule| &r.tips);
        }
        for w in 0..c.warnings.len() {
            state.warnings_shown[w] = state.warnings_shown[w]
                || shown(w, &c.warnings[w].requires, &|r: &Rule| &r.warnings);
        }
        // Rules: fired at all, and necessary (some effect no other rule
        // that holds with it gives).
        let mut givers = Givers::default();
        for i in 0..c.rules.len() {
            let at = d.holds[i].and(&canonical);
            if at.is_false() {
                continue;
            }
            state.fired[i][profile] = true;
            if !state.necessary[i] {
                let alone = uncovered(c, i, &d.holds, &raw, &mut givers);
                state.necessary[i] = !at.and(&alone).is_false();
            }
        }
        // Questions asked and options offered.
        for (q, question) in c.questions.iter().enumerate() {
            let asked = question
                .ask_when
                .as_ref()
                .map_or(raw.truth().clone(), |w| raw.holds(w))
                .and(&canonical);
            if asked.is_false() {
                continue;
            }
            state.asked[q] = true;
            for (o, opt) in question.options.iter().enumerate() {
                let offered = opt
                    .offer_when
                    .as_ref()
                    .is_none_or(|w| !asked.and(&raw.holds(w)).is_false());
                state.offered[q][o] |= offered;
            }
        }
        // Overrides that drop something stricter: where both hold.
        for l in &mut state.loosening {
            let both = d.holds[l.over].and(&d.holds[l.under]).and(&canonical);
            l.count = l.count.saturating_add(vars.count(&both));
            if l.example.is_none()
                && let Some(values) = vars.first(&both)
            {
                l.example = Some((
                    describe(c, profile, &values),
                    Counterexample { profile, values },
                ));
            }
        }
        check_invariants(c, profile, &vars, &raw, &canonical, &d, &mut state);
    }
    candidates.sort_by(|a, b| a.key.cmp(&b.key));
    for cand in candidates {
        let Candidate {
            kind,
            file,
            line,
            values,
            message,
            key,
        } = cand;
        let w = describe(c, key.0, &values);
        state.once(&kind, &file, line, (key.0, &values), || message(&w));
    }
    Ok(state)
}

/// Where rule `i` gives something no other holding rule gives: a class no
/// other sets as high, a forbid, an excluded platform, an item or warning
/// no other gives; a recording verdict is always its own.
fn uncovered(c: &Content, i: usize, holds: &[Bdd], raw: &SymAnswers, givers: &mut Givers) -> Bdd {
    let r = &c.rules[i];
    if r.recording.is_some() {
        return raw.truth().clone();
    }
    let mut without = |effect: Effect| {
        raw.truth()
            .and_not(&givers.others(c, effect, i, holds, raw))
    };
    let mut out = raw.falsity().clone();
    if let Some(k) = r.class_at_least {
        out = out.or(&without(Effect::ClassAtLeast(k)));
    }
    if r.forbid_digital {
        out = out.or(&without(Effect::Forbid));
    }
    for &p in &r.exclude_platforms {
        out = out.or(&without(Effect::Exclude(p)));
    }
    for (list, given) in Effect::LISTS.iter().enumerate() {
        for &x in given(r) {
            out = out.or(&without(Effect::Listed(list, x)));
        }
    }
    out
}

/// One effect a rule may give, as [`uncovered`] compares them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
enum Effect {
    /// A class at least this high.
    ClassAtLeast(u8),
    Forbid,
    Exclude(usize),
    /// Entry `x` of one of [`Effect::LISTS`].
    Listed(usize, usize),
}

impl Effect {
    /// The lists of items and warnings a rule gives.
    const LISTS: [fn(&Rule) -> &[usize]; 4] = [
        |r| &r.organiser,
        |r| &r.participants,
        |r| &r.tips,
        |r| &r.warnings,
    ];

    fn given_by(self, r: &Rule) -> bool {
        match self {
            Effect::ClassAtLeast(k) => r.class_at_least.is_some_and(|x| x >= k),
            Effect::Forbid => r.forbid_digital,
            Effect::Exclude(p) => r.exclude_platforms.contains(&p),
            Effect::Listed(list, x) => Effect::LISTS[list](r).contains(&x),
        }
    }
}

/// For each effect, where the rules giving it hold, as unions of the
/// rules before and after each one: "every rule giving it but rule i" is
/// then one `or`, not a pass over all rules (with 5,000 copies of a rule
/// that pass made validate take 40 s). Built per profile, as `holds` is.
#[derive(Default)]
struct Givers(std::collections::HashMap<Effect, Unions>);

struct Unions {
    /// The rules giving the effect, in order.
    rules: Vec<usize>,
    /// `before[k]`: where any of `rules[..k]` holds.
    before: Vec<Bdd>,
    /// `after[k]`: where any of `rules[k..]` holds.
    after: Vec<Bdd>,
}

impl Givers {
    /// Where some rule other than `i` that gives `effect` holds.
    fn others(
        &mut self,
        c: &Content,
        effect: Effect,
        i: usize,
        holds: &[Bdd],
        raw: &SymAnswers,
    ) -> Bdd {
        let u = self.0.entry(effect).or_insert_with(|| {
            let rules: Vec<usize> = (0..c.rules.len())
                .filter(|&j| effect.given_by(&c.rules[j]))
                .collect();
            let mut before = vec![raw.falsity().clone()];
            for &j in &rules {
                before.push(before[before.len() - 1].or(&holds[j]));
            }
            let mut after = vec![raw.falsity().clone()];
            for &j in rules.iter().rev() {
                after.push(after[after.len() - 1].or(&holds[j]));
            }
            after.reverse();
            Unions {
                rules,
                before,
                after,
            }
        });
        match u.rules.binary_search(&i) {
            Ok(k) => u.before[k].or(&u.after[k + 1]),
            Err(_) => u.before[u.rules.len()].clone(),
        }
    }
}

/// Each declared invariant: the set where it applies and the engine's
/// decision breaks it; its first combination is the counterexample, read
/// again by the concrete engine for the message.
fn check_invariants(
    c: &Content,
    profile: usize,
    vars: &Vars,
    raw: &SymAnswers,
    canonical: &Bdd,
    d: &Decision,
    state: &mut State,
) {
    let ff = raw.falsity();
    let present = |e: usize, table: &[crate::content::Item], list: fn(&Rule) -> &[usize]| {
        let given = (0..c.rules.len())
            .filter(|&r| list(&c.rules[r]).contains(&e))
            .fold(ff.clone(), |acc, r| acc.or(&d.fired[r]));
        given.and(&d.requires(&table[e].requires, raw))
    };
    for (k, inv) in c.invariants.iter().enumerate() {
        if state.broken[k].is_some() || !inv.applies_to(profile) {
            continue;
        }
        let mut bad = ff.clone();
        if let Some(want) = inv.digital_meeting_allowed {
            bad = bad.or(&if want {
                d.digital.not()
            } else {
                d.digital.clone()
            });
        }
        for (p, w) in d.permitted.iter().enumerate() {
            let outside = inv
                .platforms_within
                .as_ref()
                .is_some_and(|x| !x.contains(&p));
            if outside || inv.platforms_exclude.contains(&p) {
                bad = bad.or(w);
            }
        }
        if let Some(at_least) = inv.class_at_least {
            for (level, w) in &d.class {
                if *level < at_least {
                    bad = bad.or(w);
                }
            }
        }
        if let Some(want) = inv.recording_allowed {
            // Allowed where it must not be, or refused where it must be.
            bad = bad.or(&d.verdict[if want { 2 } else { 1 }]);
        }
        for &e in &inv.organiser_includes {
            bad = bad.or(&present(e, &c.items, |r| &r.organiser).not());
        }
        for &e in &inv.participants_includes {
            bad = bad.or(&present(e, &c.items, |r| &r.participants).not());
        }
        for &e in &inv.warnings_include {
            bad = bad.or(&present(e, &c.warnings, |r| &r.warnings).not());
        }
        let at = bad.and(&raw.holds(&inv.when)).and(canonical);
        let Some(values) = vars.first(&at) else {
            continue;
        };
        let s = crate::engine::summarise(c, profile, &values);
        let wrong = invariant_wrongs(c, inv, (profile, &values), &s, &mut None);
        state.broken[k] = Some((
            describe(c, profile, &values),
            wrong.join("; "),
            Counterexample { profile, values },
        ));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// [`uncovered`] as it was written before [`Givers`]: for each effect,
    /// a pass over every other rule. The oracle the unions are held to.
    fn uncovered_by_every_rule(c: &Content, i: usize, holds: &[Bdd], raw: &SymAnswers) -> Bdd {
        let r = &c.rules[i];
        if r.recording.is_some() {
            return raw.truth().clone();
        }
        let without = |effect: Effect| {
            (0..c.rules.len())
                .filter(|&j| j != i && effect.given_by(&c.rules[j]))
                .fold(raw.truth().clone(), |acc, j| acc.and_not(&holds[j]))
        };
        let mut effects: Vec<Effect> = r
            .class_at_least
            .map(Effect::ClassAtLeast)
            .into_iter()
            .collect();
        effects.extend(r.forbid_digital.then_some(Effect::Forbid));
        effects.extend(r.exclude_platforms.iter().map(|&p| Effect::Exclude(p)));
        for (list, given) in Effect::LISTS.iter().enumerate() {
            effects.extend(given(r).iter().map(|&x| Effect::Listed(list, x)));
        }
        effects
            .into_iter()
            .fold(raw.falsity().clone(), |acc, e| acc.or(&without(e)))
    }

    #[test]
    fn the_unions_find_what_a_pass_over_every_rule_finds() {
        let c = crate::content::built_in().expect("the built-in content");
        let vars = Vars::new(&space_shapes(&c));
        let raw = SymAnswers::raw(&vars);
        for profile in 0..c.profiles.len() {
            let d = Decision::new(&c, profile, &raw);
            let mut givers = Givers::default();
            for i in 0..c.rules.len() {
                assert_eq!(
                    uncovered(&c, i, &d.holds, &raw, &mut givers),
                    uncovered_by_every_rule(&c, i, &d.holds, &raw),
                    "rule `{}`, profile {profile}",
                    c.rules[i].id
                );
            }
        }
    }
}

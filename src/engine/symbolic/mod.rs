//! The engine's semantics over sets of answers at once, as binary decision
//! diagrams: what analysis needs to prove things of every combination
//! without visiting each, and what the engine needs to decide many "vet
//! ej" answers without enumerating their completions.
//!
//! Questions become finite-domain variables ([`vars`]), conditions and the
//! flow's reset become BDDs over them ([`answers`]), and a profile's rules
//! become where each outcome results ([`decision`]). The concrete engine is
//! the oracle: tests compare the two combination by combination.

pub mod answers;
pub mod decision;
pub mod vars;

pub use answers::{Sym, SymAnswers};
pub use decision::Decision;
pub use vars::{Domain, Shape, Vars};

use crate::content::{Content, QuestionKind};
use crate::engine::space::{Space, multi_layout, named_options};

/// The shape of every question's answer in the whole answer space, as
/// [`Space`] enumerates it: the same values, in the same order.
pub fn space_shapes(content: &Content) -> Vec<Shape> {
    let named = named_options(content);
    let space = Space::of(content);
    content
        .questions
        .iter()
        .enumerate()
        .map(|(q, question)| match question.kind {
            QuestionKind::Multi => Shape::Set(set_bits(named[q], question.options.len())),
            _ => Shape::Values(space.values[q].clone()),
        })
        .collect()
}

/// A multiple choice's option bits as the enumeration orders them: named
/// options, highest first, then the one standing for all the others.
pub fn set_bits(named: u64, options: usize) -> Vec<u64> {
    let (mentioned, rep) = multi_layout(named, options);
    let mut bits: Vec<u64> = (0..64)
        .rev()
        .map(|k| 1u64 << k)
        .filter(|b| mentioned & b != 0)
        .collect();
    if rep != 0 {
        bits.push(rep);
    }
    bits
}

#[cfg(test)]
mod oracle {
    use super::*;
    use crate::content::Answer;
    use crate::engine::space::multi_values;
    use crate::engine::{flow, summarise};

    /// A multiple choice's sets come first to last, as `first` finds them,
    /// in the order the enumeration visits them: for every option count up
    /// to six and every choice of named options.
    #[test]
    fn sets_are_spelled_in_the_enumerations_order() {
        for options in 1..=6usize {
            for named in 0..1u64 << options {
                let vars = Vars::new(&[Shape::Set(set_bits(named, options))]);
                let answers = SymAnswers::raw(&vars);
                let mut left = vars.set.mk_true();
                let mut order = Vec::new();
                while let Some(first) = vars.first(&left) {
                    left = left.and_not(&answers.is(0, first[0]));
                    order.push(first[0]);
                }
                let want: Vec<Answer> = multi_values(named, options);
                assert_eq!(order, want, "{options} options, named {named:b}");
            }
        }
    }

    /// On every combination of the built-in answer space and every
    /// profile, the symbolic reset, canonical set and decision say what the
    /// concrete flow and engine say for that combination.
    #[test]
    fn the_symbolic_decision_is_the_engines_on_every_combination() {
        let content = crate::content::built_in().expect("built-in content");
        let vars = Vars::new(&space_shapes(&content));
        let raw = SymAnswers::raw(&vars);
        let reset = raw.reset_unasked(&content);
        let canonical = raw.canonical(&content);
        let decisions: Vec<Decision> = (0..content.profiles.len())
            .map(|p| Decision::new(&content, p, &reset))
            .collect();
        let mut seen = 0u128;
        Space::of(&content).for_each(|values| {
            seen += 1;
            let v = vars.encode(values).expect("a value of the space");
            let mut work = values.to_vec();
            let was_canonical = flow::reset_unasked(&content, &mut work).is_empty();
            assert_eq!(canonical.eval_in(&v), was_canonical, "{values:?}");
            for (q, sym) in reset.answers.iter().enumerate() {
                let Sym::Values(list) = sym else { continue };
                let here: Vec<_> = list.iter().filter(|(_, w)| w.eval_in(&v)).collect();
                assert_eq!(here.len(), 1, "question {q} at {values:?}");
                assert_eq!(here[0].0, work[q], "question {q} at {values:?}");
            }
            for (p, d) in decisions.iter().enumerate() {
                let s = summarise(&content, p, values);
                let class: Vec<u8> = d
                    .class
                    .iter()
                    .filter(|(_, w)| w.eval_in(&v))
                    .map(|(k, _)| *k)
                    .collect();
                assert_eq!(class, vec![s.class], "profile {p} at {values:?}");
                let platforms: Vec<usize> = (0..content.platforms.len())
                    .filter(|&x| d.permitted[x].eval_in(&v))
                    .collect();
                assert_eq!(platforms, s.platforms, "profile {p} at {values:?}");
                assert_eq!(d.digital.eval_in(&v), s.digital_allowed);
                let verdict = match s.recording_allowed {
                    None => 0,
                    Some(true) => 1,
                    Some(false) => 2,
                };
                for (i, w) in d.verdict.iter().enumerate() {
                    assert_eq!(w.eval_in(&v), i == verdict, "profile {p} at {values:?}");
                }
            }
        });
        assert_eq!(vars.count(&vars.set.mk_true()), seen);
    }
}
